/* ts-broker-params.h: paper broker costs and the starting capital
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsBrokerParams:
 *
 * DESIGN.md "Paper fills": a market buy fills at the ask when a quote is
 * known, else at the last trade, plus slippage; a sell at the bid likewise,
 * minus slippage. The taker fee is charged on notional on both legs.
 */
typedef struct
{
  double slippage_bps;    /* 0.5 */
  double taker_fee_bps;   /* 1.0 */
  double initial_capital; /* 10000, quote currency (STRATEGIES.md "Metrics") */
} TsBrokerParams;

/**
 * ts_broker_params_init_default:
 * @params: (out): the parameters to fill
 */
void ts_broker_params_init_default (TsBrokerParams *params);

G_END_DECLS
