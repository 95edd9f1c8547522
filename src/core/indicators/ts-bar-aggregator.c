/* ts-bar-aggregator.c: time bars (OHLCV) from trades
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ts-bar-aggregator.h"

struct _TsBarAggregator
{
  gint64   bar_us;
  gboolean open;        /* a bar has trades */
  TsBar    current;
  TsBar    closed;      /* the bar with trades closed by the last push */
  guint64  n_closed;    /* 1 + empty bars, or 0 */
};

TsBarAggregator *
ts_bar_aggregator_new (double bar_seconds)
{
  TsBarAggregator *self;
  double us;

  g_return_val_if_fail (bar_seconds > 0.0, NULL);

  self = g_new0 (TsBarAggregator, 1);
  us = bar_seconds * 1e6;
  if (us > (double) G_MAXINT64 / 4)
    us = (double) G_MAXINT64 / 4;
  self->bar_us = MAX ((gint64) llround (us), 1);
  return self;
}

void
ts_bar_aggregator_free (TsBarAggregator *self)
{
  g_free (self);
}

void
ts_bar_aggregator_reset (TsBarAggregator *self)
{
  g_return_if_fail (self != NULL);
  self->open = FALSE;
  self->n_closed = 0;
}

gint64
ts_bar_aggregator_get_bar_us (const TsBarAggregator *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bar_us;
}

/* floor (t / L) L, also for negative t */
static gint64
bar_start (gint64 t,
           gint64 bar_us)
{
  gint64 q = t / bar_us;

  if (t % bar_us < 0)
    q--;
  return q * bar_us;
}

static void
open_bar (TsBarAggregator *self,
          gint64           start_us,
          double           price,
          double           size)
{
  TsBar *b = &self->current;

  b->time_us = start_us;
  b->open = b->high = b->low = b->close = price;
  b->volume = size;
  self->open = TRUE;
}

guint64
ts_bar_aggregator_push_trade (TsBarAggregator *self,
                              gint64           time_us,
                              double           price,
                              double           size)
{
  gint64 start;
  TsBar *b;

  g_return_val_if_fail (self != NULL, 0);

  self->n_closed = 0;
  start = bar_start (time_us, self->bar_us);

  if (!self->open)
    {
      open_bar (self, start, price, size);
      return 0;
    }

  b = &self->current;
  if (start <= b->time_us)
    {
      if (price > b->high)
        b->high = price;
      if (price < b->low)
        b->low = price;
      b->close = price;
      b->volume += size;
      return 0;
    }

  self->closed = *b;
  self->n_closed = (guint64) ((start - b->time_us) / self->bar_us);
  open_bar (self, start, price, size);
  return self->n_closed;
}

guint64
ts_bar_aggregator_get_n_closed (const TsBarAggregator *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_closed;
}

gboolean
ts_bar_aggregator_get_closed (const TsBarAggregator *self,
                              guint64                i,
                              TsBar                 *bar)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (bar != NULL, FALSE);
  if (i >= self->n_closed)
    return FALSE;

  *bar = self->closed;
  if (i > 0)
    {
      /* an empty bar carries the last close */
      bar->time_us = self->closed.time_us + (gint64) i * self->bar_us;
      bar->open = bar->high = bar->low = self->closed.close;
      bar->volume = 0.0;
    }
  return TRUE;
}

gboolean
ts_bar_aggregator_get_current (const TsBarAggregator *self,
                               TsBar                 *bar)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (bar != NULL, FALSE);
  if (!self->open)
    return FALSE;
  *bar = self->current;
  return TRUE;
}
