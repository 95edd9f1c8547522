/* ts-risk-manager.c: position limit, daily loss limit and cooldown
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-risk-manager-private.h"

static void
update_loss_limit (TsRiskManager *self)
{
  self->loss_limit = self->params.daily_loss_limit_pct / 100.0 * self->day_start_equity;
}

TsRiskManager *
ts_risk_manager_new (const TsRiskParams *params)
{
  TsRiskManager *self;

  g_return_val_if_fail (params != NULL, NULL);

  self = g_new0 (TsRiskManager, 1);
  self->params = *params;
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
