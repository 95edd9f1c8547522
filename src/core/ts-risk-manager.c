/* ts-risk-manager.c: position limit, daily loss limit and cooldown
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-risk-manager-private.h"

#include <math.h>

static void
update_loss_limit (TsRiskManager *self)
{
  self->loss_limit = self->params.daily_loss_limit_pct / 100.0 * self->day_start_equity;
  self->dd_keep = 1.0 - self->params.max_drawdown_pct / 100.0;
}

static gint64
seconds_to_us (double seconds)
{
  double us = seconds * 1e6;

  if (!(us > 0.0))
    return 0;
  if (us > (double) G_MAXINT64 / 4)
    us = (double) G_MAXINT64 / 4;
  return (gint64) llround (us);
}

TsRiskManager *
ts_risk_manager_new (const TsRiskParams *params)
{
  TsRiskManager *self;

  g_return_val_if_fail (params != NULL, NULL);

  self = g_new0 (TsRiskManager, 1);
  self->params = *params;
  self->now_us = G_MININT64 / 2;
  self->paused_until_us = G_MININT64 / 2;
  self->dd_peak = -INFINITY;
  update_loss_limit (self);
  return self;
}

void
ts_risk_manager_free (TsRiskManager *self)
{
  g_free (self);
}

void
ts_risk_manager_set_params (TsRiskManager      *self,
                            const TsRiskParams *params)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (params != NULL);

  self->params = *params;
  update_loss_limit (self);
  if (self->cooldown > params->cooldown_signals)
    self->cooldown = params->cooldown_signals;
}

const TsRiskParams *
ts_risk_manager_get_params (const TsRiskManager *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->params;
}

gboolean
_ts_risk_manager_new_day (TsRiskManager *self,
                          gint64         time_us,
                          double         equity)
{
  gint64 day;
  gboolean resumed;

  day = _ts_risk_manager_floor_div (time_us, TS_RISK_US_PER_DAY);
  self->day_begin_us = day * TS_RISK_US_PER_DAY;
  self->day_end_us = self->day_begin_us + TS_RISK_US_PER_DAY;
  self->day_start_equity = equity;
  update_loss_limit (self);
  resumed = self->started && self->halted;
  self->started = TRUE;
  self->halted = FALSE;
  return resumed;
}

void
_ts_risk_manager_restore_day (TsRiskManager *self,
                              gint64         time_us,
                              double         day_start_equity)
{
  _ts_risk_manager_new_day (self, time_us, day_start_equity);
  self->halted = FALSE;
}

gboolean
ts_risk_manager_roll_day (TsRiskManager *self,
                          gint64         time_us,
                          double         equity)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return _ts_risk_manager_roll_day (self, time_us, equity);
}

gboolean
ts_risk_manager_check_daily_loss (TsRiskManager *self,
                                  double         equity)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return _ts_risk_manager_check_daily_loss (self, equity);
}

const char *
ts_risk_manager_approve_entry (TsRiskManager *self,
                               guint          open_positions)
{
  g_return_val_if_fail (self != NULL, "HALTED");

  if (self->halted)
    return "HALTED";
  if (open_positions >= self->params.max_positions_per_symbol)
    return "MAX_POSITIONS";
  if (self->cooldown > 0)
    {
      self->cooldown--;
      return "COOLDOWN";
    }
  return NULL;
}

void
ts_risk_manager_record_trade (TsRiskManager *self,
                              double         net_pnl)
{
  g_return_if_fail (self != NULL);

  /* STRATEGIES.md "Metrics": a win is net P&L > 0; anything else is a loss */
  if (!(net_pnl > 0.0))
    self->cooldown = self->params.cooldown_signals;
}

gboolean
ts_risk_manager_is_halted (const TsRiskManager *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->halted;
}

double
ts_risk_manager_get_day_start_equity (const TsRiskManager *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->day_start_equity;
}

guint
ts_risk_manager_get_cooldown_remaining (const TsRiskManager *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->cooldown;
}

gboolean
ts_risk_manager_record_portfolio_trade (TsRiskManager *self,
                                        double         net_pnl)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (net_pnl > 0.0)
    {
      self->loss_streak = 0;
      return FALSE;
    }
  self->loss_streak++;
  if (self->params.circuit_breaker_losses == 0 ||
      self->loss_streak < self->params.circuit_breaker_losses)
    return FALSE;
  self->loss_streak = 0;
  self->paused_until_us = self->now_us + seconds_to_us (self->params.circuit_breaker_seconds);
  return TRUE;
}

gboolean
ts_risk_manager_check_drawdown (TsRiskManager *self,
                                double         equity)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return _ts_risk_manager_check_drawdown (self, equity);
}

const char *
ts_risk_manager_check_portfolio (const TsRiskManager *self,
                                 guint                open_total)
{
  g_return_val_if_fail (self != NULL, "EMERGENCY_STOP");

  if (self->emergency)
    return "EMERGENCY_STOP";
  if (self->dd_halted)
    return "DRAWDOWN_HALT";
  if (self->now_us < self->paused_until_us)
    return "CIRCUIT_BREAKER";
  if (self->params.max_positions_total > 0 && open_total >= self->params.max_positions_total)
    return "MAX_POSITIONS";
  return NULL;
}

double
ts_risk_manager_cap_notional (const TsRiskManager *self,
                              double               equity,
                              double               open_notional,
                              double               notional)
{
  double room;

  g_return_val_if_fail (self != NULL, 0.0);

  if (!(self->params.max_leverage > 0.0))
    return notional;
  room = self->params.max_leverage * equity - open_notional;
  if (notional <= room)
    return notional;
  return room > 0.0 ? room : 0.0;
}

void
ts_risk_manager_emergency_stop (TsRiskManager *self)
{
  g_return_if_fail (self != NULL);
  self->emergency = TRUE;
}

void
ts_risk_manager_resume (TsRiskManager *self)
{
  g_return_if_fail (self != NULL);
  self->emergency = FALSE;
  self->dd_halted = FALSE;
  self->dd_peak = -INFINITY;
  self->paused_until_us = G_MININT64 / 2;
  self->loss_streak = 0;
}

void
ts_risk_manager_pause_entries (TsRiskManager *self,
                               double         seconds)
{
  g_return_if_fail (self != NULL);
  self->paused_until_us = self->now_us + seconds_to_us (seconds);
}

gboolean
ts_risk_manager_is_emergency_stopped (const TsRiskManager *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->emergency;
}

gboolean
ts_risk_manager_is_drawdown_halted (const TsRiskManager *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->dd_halted;
}

gint64
ts_risk_manager_get_paused_until (const TsRiskManager *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->paused_until_us;
}
