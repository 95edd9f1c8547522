/* ts-broker-params.c: defaults of the paper broker
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-broker-params.h"

/* DESIGN.md "Paper fills"; capital from STRATEGIES.md "Metrics" */
void
ts_broker_params_init_default (TsBrokerParams *params)
{
  g_return_if_fail (params != NULL);

  params->slippage_bps = 0.5;
  params->taker_fee_bps = 1.0;
  params->initial_capital = 10000.0;
}
