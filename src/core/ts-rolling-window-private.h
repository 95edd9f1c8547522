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

/* The window's maximum and minimum price as a queue built from two stacks
 * (the "two-stack queue" of functional programming, as used for sliding
 * window aggregates):
 *
 * - the front part, absolute indices [head, split), holds in range[i] the
 *   maximum and minimum of the prices from i to split - 1 (suffix extremes),
 *   so dropping the oldest trade is just head++;
 * - the back part, [split, tail), is summarized by back_max and back_min
 *   (-inf and +inf when it is empty), so a push is one max and one min.
 *
 * The window's maximum is then MAX (range[head].max, back_max). When the
 * front runs out, the back becomes the front in one pass (each trade is
 * rescanned once: amortized O(1)). Unlike monotonic deques, nothing on the
 * per-trade path branches on the prices, which on real ticks (many equal
 * and alternating prices) mispredicted about every other trade. The result
 * is the exact maximum and minimum of the live prices, as before. */
typedef struct
{
  double max;
  double min;
} TsRollingWindowRange;

struct _TsRollingWindow
{
  gint64                  window_us;
  TsRollingWindowEntry   *ring;  /* slot of absolute index i is i & mask */
  TsRollingWindowRange   *range; /* suffix extremes of [i, split), same slots */
  guint64                 mask;  /* capacity - 1 (capacity a power of 2) */
  guint64                 head;  /* absolute index of the oldest trade */
  guint64                 tail;  /* one past the newest */
  guint64                 split; /* head < split <= tail unless empty */
  double                  back_max; /* of [split, tail); -inf when empty */
  double                  back_min; /* of [split, tail); +inf when empty */
  double                  sum;   /* running sum of the sizes, recomputed exactly */
  guint64                 drops; /* trades dropped since the last recompute */
};

void _ts_rolling_window_grow    (TsRollingWindow *self);
void _ts_rolling_window_resum   (TsRollingWindow *self);
void _ts_rolling_window_rebuild (TsRollingWindow *self);

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
      sum -= ring[head & mask].size;
      head++;
    }
  while (head != tail && ring[head & mask].time_us <= cutoff);

  self->drops += head - self->head;
  self->head = head;
  self->sum = sum;
  if (head == tail)
    {
      /* empty: restart the sum exactly */
      self->sum = 0.0;
      self->drops = 0;
      self->split = tail;
      self->back_max = -INFINITY;
      self->back_min = INFINITY;
      return;
    }
  if (G_UNLIKELY (head >= self->split))
    {
      /* the front ran out: the live trades become the front */
      _ts_rolling_window_rebuild (self);
    }
  if (G_UNLIKELY (self->drops > mask))
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
  guint64 i;

  _ts_rolling_window_expire (self, time_us);

  if (G_UNLIKELY (self->tail - self->head > self->mask))
    _ts_rolling_window_grow (self);

  i = self->tail;
  self->tail = i + 1;
  e = &self->ring[i & self->mask];
  e->time_us = time_us;
  e->price = price;
  e->size = size;
  self->sum += size;

  if (G_UNLIKELY (self->head == i))
    {
      /* the first trade of an empty window starts the front */
      self->range[i & self->mask] = (TsRollingWindowRange) { price, price };
      self->split = i + 1;
    }
  else
    {
      /* prices are finite, so these compile to branch-free maxsd/minsd */
      self->back_max = price > self->back_max ? price : self->back_max;
      self->back_min = price < self->back_min ? price : self->back_min;
    }
}

/* the extremes of a non-empty window */
static inline double
_ts_rolling_window_max (const TsRollingWindow *self)
{
  double front = self->range[self->head & self->mask].max;

  return self->back_max > front ? self->back_max : front;
}

static inline double
_ts_rolling_window_min (const TsRollingWindow *self)
{
  double front = self->range[self->head & self->mask].min;

  return self->back_min < front ? self->back_min : front;
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
  summary->max_price = _ts_rolling_window_max (self);
  summary->min_price = _ts_rolling_window_min (self);
  summary->sum_size = self->sum;
}

G_END_DECLS
