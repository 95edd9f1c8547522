/* ts-calculus-strategy.h: the calculus trend strategy (STRATEGIES.md section 3)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/ts-strategy.h"
#include "core/ts-sizing.h"

G_BEGIN_DECLS

/**
 * TsCalculusSource:
 * @TS_CALCULUS_SOURCE_EMA: backward differences of the smoothed close:
 *   v_t = s_t - s_(t-1), a_t = v_t - v_(t-1), price units per bar
 * @TS_CALCULUS_SOURCE_KALMAN: #TsKalmanTrend on log closes, state
 *   [log p, v, a], v and a in log units per bar
 */
typedef enum
{
  TS_CALCULUS_SOURCE_EMA,
  TS_CALCULUS_SOURCE_KALMAN,
} TsCalculusSource;

/**
 * TsCalculusParams:
 * @lambda: 0.75: smoothing s_t = lambda p_t + (1 - lambda) s_(t-1); 0 < x <= 1
 * @bar_seconds: 1: bar length, seconds of exchange time; > 0
 * @derivative_source: %TS_CALCULUS_SOURCE_KALMAN
 * @snr_window: 14: bars in sd(v), sd of bar returns and the Kalman R
 *   estimate; 2 .. 10000
 * @snr_threshold: 0.7: SNR = |v| / sd(v) needed; >= 0
 * @confidence_threshold: 0.6: confidence = min(1, SNR / 2) needed; 0 .. 1
 * @velocity_epsilon: 0.1: v is "about zero" when |v| < this x sd(v); >= 0
 * @forecast_bars: 5: the Taylor forecast's horizon h, bars; 0 .. 1000
 * @stop_vol_mult: 2.0: stop = max(min_stop_pct %, this x sd of bar returns);
 *   >= 0
 * @min_stop_pct: 0.05: the smallest stop distance, percent of price; > 0
 * @reward_risk: 1.5: take profit at this x the stop distance; > 0
 * @allow_short: %TRUE: SELL may open a short
 * @sizing: %TS_SIZING_FIXED_FRACTIONAL (or Kelly, volatility; fixed units)
 * @risk_per_trade: 2: percent of equity lost at the stop; 0 .. 100
 * @max_leverage: 1: notional <= this x equity; 0 = no cap
 * @target_vol: 0.0005: per-bar volatility (fraction) the volatility sizing
 *   aims at (not in STRATEGIES.md: ours); > 0
 * @fixed_units: 0.01: base units for %TS_SIZING_FIXED_UNITS (ours)
 * @kalman_warmup: 30: log returns whose variance seeds R (STRATEGIES.md
 *   section 3); 2 .. 10000
 *
 * STRATEGIES.md section 3 (seed 002), defaults exactly as there.
 */
typedef struct
{
  double           lambda;
  double           bar_seconds;
  TsCalculusSource derivative_source;
  guint            snr_window;
  double           snr_threshold;
  double           confidence_threshold;
  double           velocity_epsilon;
  guint            forecast_bars;
  double           stop_vol_mult;
  double           min_stop_pct;
  double           reward_risk;
  gboolean         allow_short;
  TsSizingMode     sizing;
  double           risk_per_trade;
  double           max_leverage;
  double           target_vol;
  double           fixed_units;
  guint            kalman_warmup;
} TsCalculusParams;

void        ts_calculus_params_init_default (TsCalculusParams       *params);

/**
 * TsCalculusCase:
 * @TS_CALCULUS_CASE_NONE: no case (v or a undefined, or v != 0 with a = 0)
 * @TS_CALCULUS_CASE_1: v > 0, a > 0: BUY
 * @TS_CALCULUS_CASE_2: v > 0, a < 0: exit long
 * @TS_CALCULUS_CASE_3: v < 0, a > 0: SELL
 * @TS_CALCULUS_CASE_4: v < 0, a < 0: SELL
 * @TS_CALCULUS_CASE_5: v ~ 0, a > 0: BUY
 * @TS_CALCULUS_CASE_6: v ~ 0, a < 0: SELL
 *
 * The six cases of seed 002's table (STRATEGIES.md section 3).
 */
typedef enum
{
  TS_CALCULUS_CASE_NONE,
  TS_CALCULUS_CASE_1,
  TS_CALCULUS_CASE_2,
  TS_CALCULUS_CASE_3,
  TS_CALCULUS_CASE_4,
  TS_CALCULUS_CASE_5,
  TS_CALCULUS_CASE_6,
} TsCalculusCase;

/**
 * ts_calculus_classify:
 * @v: velocity
 * @a: acceleration
 * @sd_v: sd of v over snr_window bars
 * @velocity_epsilon: v ~ 0 when |v| < this x @sd_v
 *
 * Returns: the case of the table
 */
TsCalculusCase ts_calculus_classify (double v,
                                     double a,
                                     double sd_v,
                                     double velocity_epsilon);

/**
 * ts_calculus_strategy_new:
 * @params: (nullable): the parameters (copied), %NULL for the defaults
 *
 * STRATEGIES.md section 3 (seed 002). On each closed bar (#TsBarAggregator;
 * empty bars carry the last close): s_t (#TsEma with alpha = lambda, seeded
 * with the first close), v and a from the chosen source, sd(v) over
 * snr_window bars (#TsRollingStats, once full), SNR = |v| / sd(v),
 * confidence = min(1, SNR / 2); a valid signal needs SNR >= snr_threshold
 * and confidence >= confidence_threshold (so cases 5 and 6, where
 * |v| < 0.1 sd(v), can only be valid with thresholds below 0.1 / 0.05).
 * BUY closes a short ("SIGNAL") or, flat, opens a long; SELL closes a long
 * or, flat and allow_short, opens a short; case 2 closes a long ("EXIT").
 * Stop distance = max(min_stop_pct / 100, stop_vol_mult x sd of the simple
 * bar returns over snr_window), fixed at the entry fill: "SL" at
 * entry x (1 -/+ stop), "TP" at entry x (1 +/- reward_risk x stop), checked
 * on every trade before the bar signals. Size by `sizing` through
 * ts_sizing_compute() with this strategy's equity and closed trades,
 * capped at max_leverage. Forecast (Taylor) h = forecast_bars ahead:
 * s + v h + a h^2 / 2 (ema) or exp(l + v h + a h^2 / 2) (kalman,
 * ts_kalman_trend_forecast()).
 *
 * Overlay: "smoothed" (s, or the Kalman price), "forecast", "velocity",
 * "acceleration", "sd_velocity", "snr", "confidence", "case" (1 .. 6, 0),
 * "stop", "take_profit".
 *
 * Position state (ts_engine_dup_position_state()): "stop=...;tp=...", the
 * levels fixed at the entry; a restored position needs it.
 *
 * Returns: (transfer full): the strategy (one symbol)
 */
TsStrategy *ts_calculus_strategy_new        (const TsCalculusParams *params);

G_END_DECLS
