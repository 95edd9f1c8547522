/* ts-momentum-private.h: the strategy's insides, inlined on the hot path
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>

#include "ts-momentum.h"
#include "ts-rolling-window-private.h"

G_BEGIN_DECLS

#define TS_MOMENTUM_US_PER_SECOND G_GINT64_CONSTANT (1000000)

struct _TsMomentum
{
  TsMomentumParams params;
  gint64           time_stop_us;
  TsRollingWindow *window;
  double           last_price;

  /* the open position */
  TsSide           side;
  double           entry_price;
  gint64           entry_time_us;

  /* the current one-second candle of the FLAT exit */
  gint64           candle_end_us;  /* first µs of the next second */
  double           c_open, c_high, c_low, c_close;
  gboolean         c_has_trade;
  guint            flat_run;       /* completed flat candles in a row */
};

static inline gint64
_ts_momentum_floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/* Completes the candle (and the empty seconds after it) when @now_us lies in
 * a later second. */
static inline void
_ts_momentum_advance_candles (TsMomentum *self,
                              gint64      now_us)
{
  gint64 second;
  gint64 gap;
  gboolean flat;

  if (now_us < self->candle_end_us)
    return;

  /* (high - low) / open <= flat_threshold; an empty candle is flat */
  flat = !self->c_has_trade ||
         (self->c_high - self->c_low) / self->c_open <= self->params.flat_threshold;
  self->flat_run = flat ? self->flat_run + 1 : 0;

  /* whole seconds strictly between the completed candle and now: empty */
  second = _ts_momentum_floor_div (now_us, TS_MOMENTUM_US_PER_SECOND);
  gap = second - self->candle_end_us / TS_MOMENTUM_US_PER_SECOND;
  if (gap > 0)
    self->flat_run = (gint64) self->flat_run + gap > G_MAXUINT ? G_MAXUINT
                                                               : self->flat_run + (guint) gap;

  self->candle_end_us = (second + 1) * TS_MOMENTUM_US_PER_SECOND;
  self->c_has_trade = FALSE;
  self->c_open = self->c_high = self->c_low = self->c_close;
}

static inline void
_ts_momentum_push_trade (TsMomentum *self,
                         gint64      time_us,
                         double      price,
                         double      size)
{
  _ts_rolling_window_push (self->window, time_us, price, size);
  self->last_price = price;

  if (self->side == TS_SIDE_NONE)
    return;

  _ts_momentum_advance_candles (self, time_us);
  if (!self->c_has_trade)
    {
      self->c_open = self->c_high = self->c_low = self->c_close = price;
      self->c_has_trade = TRUE;
    }
  else
    {
      if (price > self->c_high)
        self->c_high = price;
      if (price < self->c_low)
        self->c_low = price;
      self->c_close = price;
    }
}

static inline const char *
_ts_momentum_check_exit (TsMomentum *self,
                         gint64      now_us)
{
  double r;

  if (self->side == TS_SIDE_NONE)
    return NULL;

  _ts_momentum_advance_candles (self, now_us);

  r = (double) self->side * (self->last_price - self->entry_price) / self->entry_price;
  if (r <= -self->params.stop_loss)
    return "SL";
  if (r >= self->params.profit_target)
    return "TP";
  if (now_us - self->entry_time_us >= self->time_stop_us)
    return "TIME";
  if (self->params.flat_candles > 0 && self->flat_run >= self->params.flat_candles)
    return "FLAT";
  return NULL;
}

static inline TsSide
_ts_momentum_check_entry (const TsMomentum *self)
{
  const TsRollingWindow *w = self->window;
  const TsRollingWindowEntry *first, *last;
  guint64 count;
  double d, x, m;
  double mean_others, max, min;

  if (self->side != TS_SIDE_NONE)
    return TS_SIDE_NONE;

  /* at least min_ticks trades, and another trade for the volume rule.
   * The window is read field by field, each only when a rule needs it:
   * about half the real ticks fail the momentum rule below. */
  count = w->tail - w->head;
  if (count < self->params.min_ticks || count < 2)
    return TS_SIDE_NONE;

  first = &w->ring[w->head & w->mask];
  last = &w->ring[(w->tail - 1) & w->mask];
  /* |m| >= entry_threshold, m = (p_last - p_first) / p_first. The
   * division is done only near the boundary: first > 0, so |d| / first
   * and |d| vs threshold x first agree away from rounding. */
  d = last->price - first->price;
  x = self->params.entry_threshold * first->price;
  if (fabs (d) < x * (1.0 - 1e-9))
    return TS_SIDE_NONE;
  m = d / first->price;
  if (!(fabs (m) >= self->params.entry_threshold))
    return TS_SIDE_NONE;

  /* last size > multiplier x the mean size of the others */
  mean_others = (w->sum - last->size) / (double) (count - 1);
  if (!(last->size > self->params.volume_spike_multiplier * mean_others))
    return TS_SIDE_NONE;

  /* the extremes are read last: few ticks get this far */
  max = _ts_rolling_window_max (w);
  min = _ts_rolling_window_min (w);
  if (!((max - min) / min >= self->params.volatility_guard))
    return TS_SIDE_NONE;

  if (m > 0.0)
    return TS_SIDE_BUY;
  if (m < 0.0 && self->params.allow_short)
    return TS_SIDE_SELL;
  return TS_SIDE_NONE;
}

G_END_DECLS
