/* ts-risk-params.c: defaults of the risk limits
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-risk-params.h"

/* STRATEGIES.md section 2, "Risk" (seed 001) */
void
ts_risk_params_init_default (TsRiskParams *params)
{
  g_return_if_fail (params != NULL);

  params->max_positions_per_symbol = 5;
  params->daily_loss_limit_pct = 5.0;
  params->cooldown_signals = 2;
  /* issue 3: portfolio limits */
  params->max_positions_total = 5;
  params->max_drawdown_pct = 15.0;
  params->max_leverage = 0.0;
  params->circuit_breaker_losses = 0;
  params->circuit_breaker_seconds = 300.0;
}
