/* ts-rolling-window.c: a time-based window of trades
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-rolling-window-private.h"

#define INITIAL_CAPACITY 64

static gint64
seconds_to_us (double seconds)
{
  double us = seconds * 1e6;

  if (!(us >= 1.0))
    return 1;
  if (us > (double) G_MAXINT64 / 2)
    return G_MAXINT64 / 2;
  return (gint64) llround (us);
}

TsRollingWindow *
ts_rolling_window_new (double window_seconds)
{
  TsRollingWindow *self = g_new0 (TsRollingWindow, 1);

  self->window_us = seconds_to_us (window_seconds);
  self->ring = g_new (TsRollingWindowEntry, INITIAL_CAPACITY);
  self->range = g_new (TsRollingWindowRange, INITIAL_CAPACITY);
  self->mask = INITIAL_CAPACITY - 1;
  self->back_max = -INFINITY;
  self->back_min = INFINITY;

  return self;
}

void
ts_rolling_window_free (TsRollingWindow *self)
{
  if (self == NULL)
    return;
  g_free (self->ring);
  g_free (self->range);
  g_free (self);
}

void
ts_rolling_window_set_window_seconds (TsRollingWindow *self,
                                      double           window_seconds)
{
  g_return_if_fail (self != NULL);
  self->window_us = seconds_to_us (window_seconds);
}

gint64
ts_rolling_window_get_window_us (const TsRollingWindow *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->window_us;
}

void
ts_rolling_window_clear (TsRollingWindow *self)
{
  g_return_if_fail (self != NULL);
  self->head = self->tail = self->split = 0;
  self->back_max = -INFINITY;
  self->back_min = INFINITY;
  self->sum = 0.0;
  self->drops = 0;
}

void
ts_rolling_window_expire (TsRollingWindow *self,
                          gint64           now_us)
{
  g_return_if_fail (self != NULL);
  _ts_rolling_window_expire (self, now_us);
}

void
_ts_rolling_window_resum (TsRollingWindow *self)
{
  double sum = 0.0;
  guint64 i;

  for (i = self->head; i != self->tail; i++)
    sum += self->ring[i & self->mask].size;
  self->sum = sum;
  self->drops = 0;
}

/* Makes all the live trades the front: range[i] gets the extremes of the
 * prices from i to the newest, and the back starts empty. Called when the
 * front ran out, so each trade is scanned here at most once. */
void
_ts_rolling_window_rebuild (TsRollingWindow *self)
{
  const guint64 mask = self->mask;
  double max = -INFINITY;
  double min = INFINITY;
  guint64 i;

  for (i = self->tail; i != self->head; i--)
    {
      double price = self->ring[(i - 1) & mask].price;

      max = price > max ? price : max;
      min = price < min ? price : min;
      self->range[(i - 1) & mask] = (TsRollingWindowRange) { max, min };
    }
  self->split = self->tail;
  self->back_max = -INFINITY;
  self->back_min = INFINITY;
}

void
_ts_rolling_window_grow (TsRollingWindow *self)
{
  guint64 old_mask = self->mask;
  guint64 new_cap = (old_mask + 1) * 2;
  guint64 new_mask = new_cap - 1;
  TsRollingWindowEntry *ring = g_new (TsRollingWindowEntry, new_cap);
  TsRollingWindowRange *range = g_new (TsRollingWindowRange, new_cap);
  guint64 i;

  for (i = self->head; i != self->tail; i++)
    ring[i & new_mask] = self->ring[i & old_mask];
  for (i = self->head; i != self->split; i++)
    range[i & new_mask] = self->range[i & old_mask];

  g_free (self->ring);
  g_free (self->range);
  self->ring = ring;
  self->range = range;
  self->mask = new_mask;
}

void
ts_rolling_window_push (TsRollingWindow *self,
                        gint64           time_us,
                        double           price,
                        double           size)
{
  g_return_if_fail (self != NULL);
  _ts_rolling_window_push (self, time_us, price, size);
}

void
ts_rolling_window_get_summary (const TsRollingWindow  *self,
                               TsRollingWindowSummary *summary)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (summary != NULL);
  _ts_rolling_window_get_summary (self, summary);
}

guint
ts_rolling_window_get_count (const TsRollingWindow *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (guint) (self->tail - self->head);
}

double
ts_rolling_window_get_first_price (const TsRollingWindow *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  if (self->head == self->tail)
    return 0.0;
  return self->ring[self->head & self->mask].price;
}

double
ts_rolling_window_get_last_price (const TsRollingWindow *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  if (self->head == self->tail)
    return 0.0;
  return self->ring[(self->tail - 1) & self->mask].price;
}

double
ts_rolling_window_get_last_size (const TsRollingWindow *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  if (self->head == self->tail)
    return 0.0;
  return self->ring[(self->tail - 1) & self->mask].size;
}

double
ts_rolling_window_get_max_price (const TsRollingWindow *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  if (self->head == self->tail)
    return 0.0;
  return _ts_rolling_window_max (self);
}

double
ts_rolling_window_get_min_price (const TsRollingWindow *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  if (self->head == self->tail)
    return 0.0;
  return _ts_rolling_window_min (self);
}

double
ts_rolling_window_get_sum_size (const TsRollingWindow *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->sum;
}

double
ts_rolling_window_get_mean_size_others (const TsRollingWindow *self)
{
  guint64 n;

  g_return_val_if_fail (self != NULL, NAN);

  n = self->tail - self->head;
  if (n < 2)
    return NAN;
  return (self->sum - self->ring[(self->tail - 1) & self->mask].size) /
         (double) (n - 1);
}

guint
ts_rolling_window_get_capacity (const TsRollingWindow *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return (guint) (self->mask + 1);
}
