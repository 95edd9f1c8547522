/* ts-momentum.c: the momentum-burst strategy with time stop
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-momentum-private.h"

static void
apply_params (TsMomentum             *self,
              const TsMomentumParams *params)
{
  double us;

  self->params = *params;
  us = params->time_stop_seconds * 1e6;
  if (!(us >= 0.0))
    us = 0.0;
  if (us > (double) G_MAXINT64 / 2)
    us = (double) G_MAXINT64 / 2;
  self->time_stop_us = (gint64) llround (us);
  ts_rolling_window_set_window_seconds (self->window, params->window_seconds);
}

TsMomentum *
ts_momentum_new (const TsMomentumParams *params)
{
  TsMomentum *self;

  g_return_val_if_fail (params != NULL, NULL);

  self = g_new0 (TsMomentum, 1);
  self->window = ts_rolling_window_new (params->window_seconds);
  self->side = TS_SIDE_NONE;
  apply_params (self, params);

  return self;
}

void
ts_momentum_free (TsMomentum *self)
{
  if (self == NULL)
    return;
  ts_rolling_window_free (self->window);
  g_free (self);
}

void
ts_momentum_set_params (TsMomentum             *self,
                        const TsMomentumParams *params)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (params != NULL);
  apply_params (self, params);
}

const TsMomentumParams *
ts_momentum_get_params (const TsMomentum *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->params;
}

void
ts_momentum_push_trade (TsMomentum *self,
                        gint64      time_us,
                        double      price,
                        double      size)
{
  g_return_if_fail (self != NULL);
  _ts_momentum_push_trade (self, time_us, price, size);
}

const char *
ts_momentum_check_exit (TsMomentum *self,
                        gint64      now_us)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _ts_momentum_check_exit (self, now_us);
}

TsSide
ts_momentum_check_entry (const TsMomentum *self)
{
  g_return_val_if_fail (self != NULL, TS_SIDE_NONE);
  return _ts_momentum_check_entry (self);
}

void
ts_momentum_on_open (TsMomentum *self,
                     TsSide      side,
                     double      fill_price,
                     gint64      time_us)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (side == TS_SIDE_BUY || side == TS_SIDE_SELL);
  g_return_if_fail (fill_price > 0.0);

  self->side = side;
  self->entry_price = fill_price;
  self->entry_time_us = time_us;
  /* a position restored before any trade (ts_engine_restore_position()):
   * the returns start from the entry fill until the first trade */
  if (!(self->last_price > 0.0))
    self->last_price = fill_price;

  /* the candle holding the entry starts at the entry trade */
  self->candle_end_us = (_ts_momentum_floor_div (time_us, TS_MOMENTUM_US_PER_SECOND) + 1) * TS_MOMENTUM_US_PER_SECOND;
  self->c_open = self->c_high = self->c_low = self->c_close =
    self->last_price > 0.0 ? self->last_price : fill_price;
  self->c_has_trade = TRUE;
  self->flat_run = 0;
}

void
ts_momentum_resume_candles (TsMomentum *self,
                            gint64      now_us)
{
  g_return_if_fail (self != NULL);

  self->candle_end_us = (_ts_momentum_floor_div (now_us, TS_MOMENTUM_US_PER_SECOND) + 1) * TS_MOMENTUM_US_PER_SECOND;
  self->c_open = self->c_high = self->c_low = self->c_close = self->last_price;
  self->c_has_trade = FALSE;
  self->flat_run = 0;
}

void
ts_momentum_on_close (TsMomentum *self)
{
  g_return_if_fail (self != NULL);
  self->side = TS_SIDE_NONE;
  self->flat_run = 0;
}

TsSide
ts_momentum_get_position (const TsMomentum *self)
{
  g_return_val_if_fail (self != NULL, TS_SIDE_NONE);
  return self->side;
}

double
ts_momentum_get_momentum (const TsMomentum *self)
{
  double first;

  g_return_val_if_fail (self != NULL, 0.0);
  first = ts_rolling_window_get_first_price (self->window);
  if (first <= 0.0)
    return 0.0;
  return (ts_rolling_window_get_last_price (self->window) - first) / first;
}

const TsRollingWindow *
ts_momentum_get_window (const TsMomentum *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->window;
}
