/* ts-risk-params.h: the risk limits of the momentum-burst strategy
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsRiskParams:
 *
 * STRATEGIES.md section 2, "Risk" (seed 001), and the portfolio limits of
 * the multi-strategy engine (issue 3). The fields after cooldown_signals
 * were added later; always start from ts_risk_params_init_default(). The
 * defaults of the later fields leave the momentum strategy of
 * ts_engine_new() trading exactly as before on the recordings.
 */
typedef struct
{
  guint  max_positions_per_symbol; /* 5: open positions on one symbol, all
                                    * strategies together (a multi engine's
                                    * limit: each strategy holds at most one
                                    * position itself, the "1 per symbol" of
                                    * STRATEGIES.md section 2, so 5 lets the
                                    * five strategies trade one symbol side by
                                    * side); 1 .. 100 */
  double daily_loss_limit_pct;     /* 5: close and halt when equity has lost this
                                    * percentage of its value at 00:00 UTC;
                                    * per strategy (its own ledger); 0.1 .. 100 */
  guint  cooldown_signals;         /* 2: entry signals skipped after a losing trade,
                                    * per strategy; 0 .. 100 */
  guint  max_positions_total;      /* 5: open positions of all strategies
                                    * together (a pair counts once); 0 = no
                                    * limit; 0 .. 1000 */
  double max_drawdown_pct;         /* 15: when the portfolio equity is this
                                    * percentage below its peak (since the start
                                    * or ts_engine_resume()), every position is
                                    * closed ("DRAWDOWN") and entries halt until
                                    * ts_engine_resume(); 0 = off; 0 .. 100 */
  double max_leverage;             /* 0: the open notional of all strategies
                                    * plus a new entry's may not exceed this x
                                    * portfolio equity (the entry is resized,
                                    * "LEVERAGE_RESIZED"); 0 = no cap (the
                                    * momentum seed trades 1 BTC on 10,000);
                                    * 0 .. 100 */
  guint  circuit_breaker_losses;   /* 0: this many losing trades in a row (all
                                    * strategies) pause entries for
                                    * circuit_breaker_seconds; 0 = off; 0 .. 1000 */
  double circuit_breaker_seconds;  /* 300: the pause, seconds of tick time;
                                    * also the default of nothing else; 0 .. 86400 */
} TsRiskParams;

/**
 * ts_risk_params_init_default:
 * @params: (out): the parameters to fill
 */
void ts_risk_params_init_default (TsRiskParams *params);

G_END_DECLS
