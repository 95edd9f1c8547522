/* ts-rolling-window-private.h: the window's insides, inlined on the hot path
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "ts-rolling-window.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 time_us;
  double price;
  double size;
} TsRollingWindowEntry;

/* a deque slot: the trade's absolute index and its price (no indirection) */
typedef struct
{
  guint64 index;
  double  price;
} TsRollingWindowExtreme;

struct _TsRollingWindow
{
  gint64                  window_us;
  TsRollingWindowEntry   *ring;  /* slot of absolute index i is i & mask */
  TsRollingWindowExtreme *maxq;  /* prices decreasing from head */
  TsRollingWindowExtreme *minq;  /* prices increasing from head */
  guint64                 mask;  /* capacity - 1 (capacity a power of 2) */
  guint64                 head;  /* absolute index of the oldest trade */
  guint64                 tail;  /* one past the newest */
  guint64                 max_head, max_tail;
  guint64                 min_head, min_tail;
  double                  sum;   /* running sum of the sizes, recomputed exactly */
  guint64                 drops; /* trades dropped since the last recompute */
};

void _ts_rolling_window_grow  (TsRollingWindow *self);
void _ts_rolling_window_resum (TsRollingWindow *self);

/* see ts_rolling_window_expire(); works on locals so that the stores into
 * the arrays cannot alias the indices */
static inline void
_ts_rolling_window_expire (TsRollingWindow *self,
                           gint64           now_us)
{
  const gint64 cutoff = now_us - self->window_us;
  const TsRollingWindowEntry *ring = self->ring;
  const guint64 mask = self->mask;
  const guint64 tail = self->tail;
  guint64 head = self->head;
  double sum = self->sum;

  if (head == tail || ring[head & mask].time_us > cutoff)
    return;

  do
    {
      if (self->maxq[self->max_head & mask].index == head)
        self->max_head++;
      if (self->minq[self->min_head & mask].index == head)
        self->min_head++;
      sum -= ring[head & mask].size;
      self->drops++;
      head++;
    }
  while (head != tail && ring[head & mask].time_us <= cutoff);

  self->head = head;
  self->sum = sum;
  if (head == tail)
    {
      /* empty: restart the sum exactly */
      self->sum = 0.0;
      self->drops = 0;
      self->max_head = self->max_tail;
      self->min_head = self->min_tail;
    }
  else if (G_UNLIKELY (self->drops > mask))
    {
      /* after a ring's worth of drops, recompute the sum from the live
       * trades, so rounding cannot accumulate (amortized O(1)) */
      _ts_rolling_window_resum (self);
    }
}

/* see ts_rolling_window_push() */
static inline void
_ts_rolling_window_push (TsRollingWindow *self,
                         gint64           time_us,
                         double           price,
                         double           size)
{
  TsRollingWindowEntry *e;
  TsRollingWindowExtreme *q;
  guint64 i, mask, qhead, qtail;

  _ts_rolling_window_expire (self, time_us);

  if (G_UNLIKELY (self->tail - self->head > self->mask))
    _ts_rolling_window_grow (self);

  mask = self->mask;
  i = self->tail;
  self->tail = i + 1;
  e = &self->ring[i & mask];
  e->time_us = time_us;
  e->price = price;
  e->size = size;
  self->sum += size;

  /* the deques hold at most the live trades, so the ring's capacity fits */
  q = self->maxq;
  qhead = self->max_head;
  qtail = self->max_tail;
  while (qtail != qhead && q[(qtail - 1) & mask].price <= price)
    qtail--;
  q[qtail & mask].index = i;
  q[qtail & mask].price = price;
  self->max_tail = qtail + 1;

  q = self->minq;
  qhead = self->min_head;
  qtail = self->min_tail;
  while (qtail != qhead && q[(qtail - 1) & mask].price >= price)
    qtail--;
  q[qtail & mask].index = i;
  q[qtail & mask].price = price;
  self->min_tail = qtail + 1;
}

/* see ts_rolling_window_get_summary() */
static inline void
_ts_rolling_window_get_summary (const TsRollingWindow  *self,
                                TsRollingWindowSummary *summary)
{
  guint64 mask;
  const TsRollingWindowEntry *last;

  if (self->head == self->tail)
    {
      *summary = (TsRollingWindowSummary) { 0 };
      return;
    }

  mask = self->mask;
  last = &self->ring[(self->tail - 1) & mask];
  summary->count = (guint) (self->tail - self->head);
  summary->first_price = self->ring[self->head & mask].price;
  summary->last_price = last->price;
  summary->last_size = last->size;
  summary->max_price = self->maxq[self->max_head & mask].price;
  summary->min_price = self->minq[self->min_head & mask].price;
  summary->sum_size = self->sum;
}

G_END_DECLS
