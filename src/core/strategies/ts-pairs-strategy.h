/* ts-pairs-strategy.h: pairs mean reversion (STRATEGIES.md section 4)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/ts-strategy.h"

G_BEGIN_DECLS

/**
 * TsPairsParams:
 * @symbol_a: "MOCK-BTC": the dependent symbol A (the mock server's pair:
 *   the second of its symbols follows the first, cointegrated)
 * @symbol_b: "MOCK-ETH": the regressor B
 * @bar_seconds: 1: bar length, seconds of exchange time (the seed used 4 h);
 *   > 0
 * @formation_bars: 300: bar closes in the OLS and ADF; 10 .. 100000
 * @recalc_bars: 150: bars between two fits; >= 1
 * @lookback: 60: bars in mean(s) and sd(s) of the z-score; 2 .. formation_bars
 * @entry_z: 1.0: open when entry_z <= |z| < stop_z; > 0
 * @exit_z: 0.5: close ("EXIT") when |z| <= exit_z; >= 0
 * @stop_z: 3.5: close ("STOP") when |z| >= stop_z; > entry_z
 * @risk_per_trade: 2: percent of equity lost if the spread moves
 *   (stop_z - |z|) sd(s) against the position; 0 .. 100
 * @max_positions: 5: open pairs positions across the engine's pairs
 *   strategies; >= 1
 * @max_half_life: 0: bars; the pair is tradable only when the AR(1)
 *   half-life is below it; 0 = `lookback` (STRATEGIES.md: max_half_life =
 *   lookback)
 * @adf_critical: -3.34: the Engle-Granger 5 % critical value for two
 *   variables (MacKinnon 2010); the ADF t must be below it
 * @max_leverage: 1: the gross notional of both legs <= this x equity (ours,
 *   not in STRATEGIES.md: the risk-based size grows without bound as |z|
 *   nears stop_z); 0 = no cap
 *
 * STRATEGIES.md section 4 (seed 003), defaults exactly as there.
 */
typedef struct
{
  char   symbol_a[TS_SYMBOL_MAX];
  char   symbol_b[TS_SYMBOL_MAX];
  double bar_seconds;
  guint  formation_bars;
  guint  recalc_bars;
  guint  lookback;
  double entry_z;
  double exit_z;
  double stop_z;
  double risk_per_trade;
  guint  max_positions;
  double max_half_life;
  double adf_critical;
  double max_leverage;
} TsPairsParams;

void        ts_pairs_params_init_default (TsPairsParams       *params);

/**
 * ts_pairs_strategy_new:
 * @params: (nullable): the parameters (copied), %NULL for the defaults
 *
 * STRATEGIES.md section 4 (seed 003), on two symbols (A, B). Bars: one
 * clock for both; bar k closes when a trade of either symbol arrives in a
 * later bar, with each symbol's last trade price as its close (empty bars
 * carry the last close; bars start once both have traded).
 *
 * On each bar: the pair of closes joins #TsOls (the last formation_bars);
 * once it holds formation_bars, and then every recalc_bars bars, beta (OLS
 * of A on B with intercept, gsl_fit_linear()) is refitted and the
 * Engle-Granger test run on its residuals (#TsAdf: constant, no trend,
 * lag 0): tradable when t < adf_critical, the half-life -ln 2 /
 * ln(1 + theta) < max_half_life and beta > 0. Spread s = A - beta B (the
 * entry's beta while a position is open); z = (s - mean(s)) / sd(s) over
 * the last lookback bars (sample sd, all recomputed with that beta).
 *
 * Rules, in this order, on each bar: with a position, |z| >= stop_z closes
 * it ("STOP") and no entry follows until |z| < entry_z again; else
 * |z| <= exit_z closes it ("EXIT"). Flat and tradable, with fewer than
 * max_positions pairs positions open: entry_z <= |z| < stop_z opens q units
 * of A and beta q of B, q = risk_per_trade % x equity / ((stop_z - |z|)
 * sd(s)), cut so that q A + beta q B <= max_leverage x equity at the last
 * prices; z > 0 sells A and buys B ("SHORT"), z < 0 buys A and sells B
 * ("LONG"). The trade's P&L includes both legs and the four fees (see
 * ts_ledger_close_pair()).
 *
 * Overlay: "spread", "mean", "z", "upper_entry", "lower_entry",
 * "upper_exit", "lower_exit", "upper_stop", "lower_stop" (mean +/- those z
 * x sd, spread units), "beta", "alpha", "adf_t", "half_life", "tradable"
 * (1 or 0).
 *
 * Position state (ts_engine_dup_position_state()): "beta=...;alpha=...",
 * the fit at the entry; a restored position needs it, and its z uses that
 * beta as soon as lookback bars have closed after the restart (before the
 * first refit of formation_bars bars).
 *
 * Returns: (transfer full): the strategy (two symbols: A, B)
 */
TsStrategy *ts_pairs_strategy_new        (const TsPairsParams *params);

G_END_DECLS
