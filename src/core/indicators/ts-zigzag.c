/* ts-zigzag.c: zigzag swing points and the swing of the last N bars
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-zigzag.h"

typedef struct
{
  guint64 index;
  double  price;
} Entry;

struct _TsZigzag
{
  double         th;          /* threshold, fraction */
  guint          swing_bars;
  guint64        count;

  /* zigzag: dir 0 before the first pivot, +1 rising, -1 falling */
  int            dir;
  Entry          cand;        /* the candidate pivot while dir != 0 */
  Entry          hi, lo;      /* extremes since the start while dir == 0 */
  TsZigzagPivot  pivots[TS_ZIGZAG_HISTORY];
  guint          n_pivots;
  guint          pivot_next;

  /* monotonic deques over the last swing_bars bars; absolute positions,
   * slot = position % swing_bars */
  Entry         *maxq;        /* highs, decreasing from the head */
  Entry         *minq;        /* lows, increasing from the head */
  guint64        max_head, max_tail, min_head, min_tail;
};

TsZigzag *
ts_zigzag_new (double threshold_pct,
               guint  swing_bars)
{
  TsZigzag *self;

  g_return_val_if_fail (threshold_pct > 0.0, NULL);
  g_return_val_if_fail (swing_bars >= 1, NULL);

  self = g_new0 (TsZigzag, 1);
  self->th = threshold_pct / 100.0;
  self->swing_bars = swing_bars;
  self->maxq = g_new0 (Entry, swing_bars);
  self->minq = g_new0 (Entry, swing_bars);
  return self;
}

void
ts_zigzag_free (TsZigzag *self)
{
  if (self == NULL)
    return;
  g_free (self->maxq);
  g_free (self->minq);
  g_free (self);
}

void
ts_zigzag_reset (TsZigzag *self)
{
  g_return_if_fail (self != NULL);
  self->count = 0;
  self->dir = 0;
  self->n_pivots = 0;
  self->pivot_next = 0;
  self->max_head = self->max_tail = 0;
  self->min_head = self->min_tail = 0;
}

static void
add_pivot (TsZigzag     *self,
           const Entry  *e,
           TsZigzagKind  kind)
{
  TsZigzagPivot *p = &self->pivots[self->pivot_next];

  p->index = e->index;
  p->price = e->price;
  p->kind = kind;
  self->pivot_next = (self->pivot_next + 1) % TS_ZIGZAG_HISTORY;
  if (self->n_pivots < TS_ZIGZAG_HISTORY)
    self->n_pivots++;
}

static void
push_swing (TsZigzag *self,
            guint64   i,
            double    high,
            double    low)
{
  const guint n = self->swing_bars;
  guint64 oldest = i + 1 >= n ? i + 1 - n : 0;

  /* drop bars that left the window, then the dominated tail entries */
  while (self->max_head != self->max_tail && self->maxq[self->max_head % n].index < oldest)
    self->max_head++;
  while (self->min_head != self->min_tail && self->minq[self->min_head % n].index < oldest)
    self->min_head++;
  while (self->max_tail != self->max_head && self->maxq[(self->max_tail - 1) % n].price <= high)
    self->max_tail--;
  while (self->min_tail != self->min_head && self->minq[(self->min_tail - 1) % n].price >= low)
    self->min_tail--;

  self->maxq[self->max_tail % n] = (Entry) { i, high };
  self->max_tail++;
  self->minq[self->min_tail % n] = (Entry) { i, low };
  self->min_tail++;
}

gboolean
ts_zigzag_push (TsZigzag *self,
                double    high,
                double    low)
{
  guint64 i;
  gboolean confirmed = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  i = self->count++;
  push_swing (self, i, high, low);

  switch (self->dir)
    {
    case 0:
      if (i == 0)
        {
          self->hi = (Entry) { i, high };
          self->lo = (Entry) { i, low };
          break;
        }
      if (high > self->hi.price)
        self->hi = (Entry) { i, high };
      if (low < self->lo.price)
        self->lo = (Entry) { i, low };
      if (self->lo.index < self->hi.index &&
          self->hi.price >= self->lo.price * (1.0 + self->th))
        {
          add_pivot (self, &self->lo, TS_ZIGZAG_LOW);
          self->dir = 1;
          self->cand = self->hi;
          confirmed = TRUE;
        }
      else if (self->hi.index < self->lo.index &&
               self->lo.price <= self->hi.price * (1.0 - self->th))
        {
          add_pivot (self, &self->hi, TS_ZIGZAG_HIGH);
          self->dir = -1;
          self->cand = self->lo;
          confirmed = TRUE;
        }
      break;

    case 1:
      if (high > self->cand.price)
        self->cand = (Entry) { i, high };
      else if (low <= self->cand.price * (1.0 - self->th))
        {
          add_pivot (self, &self->cand, TS_ZIGZAG_HIGH);
          self->dir = -1;
          self->cand = (Entry) { i, low };
          confirmed = TRUE;
        }
      break;

    default:
      if (low < self->cand.price)
        self->cand = (Entry) { i, low };
      else if (high >= self->cand.price * (1.0 + self->th))
        {
          add_pivot (self, &self->cand, TS_ZIGZAG_LOW);
          self->dir = 1;
          self->cand = (Entry) { i, high };
          confirmed = TRUE;
        }
      break;
    }

  return confirmed;
}

guint64
ts_zigzag_get_count (const TsZigzag *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->count;
}

guint
ts_zigzag_get_n_pivots (const TsZigzag *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_pivots;
}

gboolean
ts_zigzag_get_pivot (const TsZigzag *self,
                     guint           age,
                     TsZigzagPivot  *pivot)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (pivot != NULL, FALSE);
  if (age >= self->n_pivots)
    return FALSE;
  *pivot = self->pivots[(self->pivot_next + TS_ZIGZAG_HISTORY - 1 - age) % TS_ZIGZAG_HISTORY];
  return TRUE;
}

gboolean
ts_zigzag_get_candidate (const TsZigzag *self,
                         TsZigzagPivot  *pivot)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (pivot != NULL, FALSE);
  if (self->dir == 0)
    return FALSE;
  pivot->index = self->cand.index;
  pivot->price = self->cand.price;
  pivot->kind = self->dir > 0 ? TS_ZIGZAG_HIGH : TS_ZIGZAG_LOW;
  return TRUE;
}

gboolean
ts_zigzag_get_swing (const TsZigzag *self,
                     TsSwing        *swing)
{
  const Entry *mx, *mn;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (swing != NULL, FALSE);
  if (self->count == 0)
    return FALSE;

  mx = &self->maxq[self->max_head % self->swing_bars];
  mn = &self->minq[self->min_head % self->swing_bars];
  swing->high = mx->price;
  swing->high_index = mx->index;
  swing->low = mn->price;
  swing->low_index = mn->index;
  swing->up = mn->index < mx->index;
  return TRUE;
}
