/* ts-confluence-strategy.h: technical confluence (STRATEGIES.md section 5)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/ts-strategy.h"

G_BEGIN_DECLS

/**
 * TsConfluenceParams:
 * @bar_seconds: 5: bar length, seconds of exchange time; > 0
 * @rsi_period: 14: Wilder's RSI; >= 1
 * @rsi_low: 30: a long needs the RSI to have crossed up through it; 0 .. 100
 * @rsi_high: 70: the mirror level of a short (100 - rsi_low); 0 .. 100
 * @rsi_cross_bars: 3: the cross must be within the last this many bars; >= 1
 * @macd_fast: 12
 * @macd_slow: 26
 * @macd_signal: 9
 * @swing_bars: 50: bars of the swing high/low; >= 2
 * @fib_tolerance: 0.15: percent of the level the close may be off the
 *   38.2, 50 or 61.8 % retracement; >= 0
 * @imbalance_min: 0.2: (bid size - ask size) / (bid size + ask size) a long
 *   needs when a quote is known (a short: <= -this); 0 .. 1
 * @funding_max: 0.01: percent per funding interval; a long needs funding
 *   <= this when known (a short: >= -this)
 * @ewma_lambda: 0.94: RiskMetrics decay of the EWMA volatility; 0 .. 1
 * @vol_percentile_max: 90: the EWMA volatility must be below this
 *   percentile of its values over the session (P² estimate); 0 .. 100
 * @zigzag_pct: 0.5: reversal threshold of the chart's zigzag, percent
 *   (ours: chart only); > 0
 * @risk_per_trade: 2: percent of equity lost at the stop (ours: section 3's
 *   default; section 5 gives none); 0 .. 100
 * @max_leverage: 1: notional <= this x equity; 0 = no cap
 * @allow_short: %TRUE: the mirror image may open shorts
 *
 * STRATEGIES.md section 5 (seed 004), defaults exactly as there.
 */
typedef struct
{
  double   bar_seconds;
  guint    rsi_period;
  double   rsi_low;
  double   rsi_high;
  guint    rsi_cross_bars;
  guint    macd_fast;
  guint    macd_slow;
  guint    macd_signal;
  guint    swing_bars;
  double   fib_tolerance;
  double   imbalance_min;
  double   funding_max;
  double   ewma_lambda;
  double   vol_percentile_max;
  double   zigzag_pct;
  double   risk_per_trade;
  double   max_leverage;
  gboolean allow_short;
} TsConfluenceParams;

void        ts_confluence_params_init_default (TsConfluenceParams       *params);

/**
 * ts_confluence_strategy_new:
 * @params: (nullable): the parameters (copied), %NULL for the defaults
 *
 * STRATEGIES.md section 5 (seed 004), the parts that are trading rules.
 * Time bars of bar_seconds from trades (#TsBarAggregator). On each closed
 * bar: RSI (#TsRsi), MACD (#TsMacd), the swing over the last swing_bars
 * bars (ts_zigzag_get_swing()), its Fibonacci levels (#TsFibonacci), the
 * Williams fractals (#TsFractals, chart), the zigzag (chart), the EWMA
 * volatility of the closes (#TsEwmaVol) and its session 90th percentile
 * (#TsP2Quantile, every value so far including this bar's).
 *
 * Long signal, all of: the RSI crossed up through rsi_low (previous bar <
 * rsi_low <= this bar) on one of the last rsi_cross_bars bars; MACD
 * histogram > 0 and > the previous bar's; the swing is up (its low came
 * first) and the close is within fib_tolerance % of its 38.2, 50 or 61.8 %
 * level; imbalance >= imbalance_min if a quote was seen; funding rate <=
 * funding_max / 100 (inclusive up to rounding) if a %TS_TICK_FUNDING tick was seen; EWMA volatility <
 * its percentile estimate (which needs 5 bars). Short signal: the mirror
 * (RSI down through rsi_high, histogram < 0 and falling, a down swing,
 * imbalance <= -imbalance_min, funding >= -funding_max).
 *
 * Flat: a long signal opens a long ("LONG"), a short one a short. The stop
 * is beyond the swing's 78.6 % level, the target the swing's extreme, both
 * fixed at the signal: a long closes "SL" on a trade < stop, "TP" on a
 * trade >= the swing high; a short the mirror; the opposite signal closes
 * ("SIGNAL"). Size: risk_per_trade % of equity over (entry - stop),
 * capped at max_leverage (ts_sizing_compute()).
 *
 * Overlay: "fib_23.6", "fib_38.2", "fib_50", "fib_61.8", "fib_78.6",
 * "swing_high", "swing_low", "fractal_up", "fractal_down" (the latest
 * confirmed fractal prices), "zigzag_pivot" (the latest confirmed pivot),
 * "zigzag_candidate", "rsi", "macd_hist", "ewma_vol", "vol_limit",
 * "imbalance", "funding", "stop", "take_profit".
 *
 * Position state (ts_engine_dup_position_state()): "stop=...;tp=...", the
 * levels fixed at the signal; a restored position needs it.
 *
 * Returns: (transfer full): the strategy (one symbol)
 */
TsStrategy *ts_confluence_strategy_new        (const TsConfluenceParams *params);

G_END_DECLS
