/* ts-strategy-info.c: what the app, the backtest and the sweep know about
 * each strategy: its name, parameters and constructor
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-strategy-info.h"

#include <glib/gi18n.h>

#include <stddef.h>
#include <string.h>

#include "ts-momentum-params.h"
#include "strategies/ts-calculus-strategy.h"
#include "strategies/ts-confluence-strategy.h"
#include "strategies/ts-maxwell-strategy.h"
#include "strategies/ts-momentum-strategy.h"
#include "strategies/ts-pairs-strategy.h"

/* The tables below give every user-settable field. Ranges are those of
 * the parameter headers' doc comments; where a header says only "> 0" the
 * minimum is the smallest value that makes sense in the field's unit, and
 * where it gives no maximum the maximum is a generous finite bound (the
 * GSettings schema needs one). The GSettings schema repeats these keys,
 * defaults and ranges (tests/app/test-schema-params.c checks it). */

/* ---- momentum burst: STRATEGIES.md section 2 -------------------------- */

#define MOM(field) offsetof (TsMomentumParams, field)

static const TsParamSpec momentum_specs[] = {
  { "window-seconds", "Signal", N_("Momentum window"), "s",
    "Trades newer than this form the rolling window (STRATEGIES.md section 2)",
    TS_PARAM_DOUBLE, 1, 3600, 1, 1, MOM (window_seconds), NULL },
  { "min-ticks", "Signal", N_("Minimum trades in the window"), "trades",
    "An entry needs at least this many trades in the window (STRATEGIES.md section 2)",
    TS_PARAM_UINT, 2, 100000, 1, 0, MOM (min_ticks), NULL },
  { "entry-threshold", "Entry", N_("Entry momentum"), "",
    "Absolute price change over the window, a fraction, needed to enter (STRATEGIES.md section 2)",
    TS_PARAM_DOUBLE, 0, 0.1, 0.0001, 5, MOM (entry_threshold), NULL },
  { "volume-spike-multiplier", "Entry", N_("Volume spike multiplier"), "×",
    "The last trade's size must exceed this times the mean of the others (STRATEGIES.md section 2)",
    TS_PARAM_DOUBLE, 0, 100, 0.1, 2, MOM (volume_spike_multiplier), NULL },
  { "volatility-guard", "Filters", N_("Volatility guard"), "",
    "The window's (max - min) / min, a fraction, needed to enter (STRATEGIES.md section 2)",
    TS_PARAM_DOUBLE, 0, 0.1, 0.0001, 5, MOM (volatility_guard), NULL },
  { "profit-target", "Exits", N_("Profit target"), "",
    "Close when the position's return reaches this fraction, TP (STRATEGIES.md section 2)",
    TS_PARAM_DOUBLE, 0.00001, 0.5, 0.0001, 5, MOM (profit_target), NULL },
  { "stop-loss", "Exits", N_("Stop loss"), "",
    "Close when the position's return falls to minus this fraction, SL (STRATEGIES.md section 2)",
    TS_PARAM_DOUBLE, 0.00001, 0.5, 0.0001, 5, MOM (stop_loss), NULL },
  { "time-stop-seconds", "Exits", N_("Time stop"), "s",
    "Close after holding the position this long, TIME (STRATEGIES.md section 2)",
    TS_PARAM_DOUBLE, 0.1, 86400, 1, 1, MOM (time_stop_seconds), NULL },
  { "flat-candles", "Exits", N_("Flat candles"), "candles",
    "Close after this many flat one-second candles since entry, FLAT (STRATEGIES.md section 2)",
    TS_PARAM_UINT, 1, 1000, 1, 0, MOM (flat_candles), NULL },
  { "flat-threshold", "Exits", N_("Flat threshold"), "",
    "A one-second candle is flat when its (high - low) / open is at most this fraction "
    "(STRATEGIES.md section 2)",
    TS_PARAM_DOUBLE, 0, 0.1, 0.0001, 5, MOM (flat_threshold), NULL },
  { "allow-short", "Entry", N_("Allow short positions"), "",
    "Open a short on negative momentum (STRATEGIES.md section 2)",
    TS_PARAM_BOOLEAN, 0, 1, 1, 0, MOM (allow_short), NULL },
  { "position-size", "Sizing", N_("Position size"), "base units",
    "The size of each position (STRATEGIES.md section 2)",
    TS_PARAM_DOUBLE, 0.000001, 1000000, 0.01, 6, MOM (position_size), NULL },
};

/* ---- Maxwell dip buyer: STRATEGIES.md section 1 ----------------------- */

#define MAX_(field) offsetof (TsMaxwellParams, field)

static const char *const maxwell_scale_modes[] = { "fixed", "fit", NULL };

static const TsParamSpec maxwell_specs[] = {
  { "ma-period", "Signal", N_("Average period"), "prices",
    "Prices in the moving average the deviation is measured from (STRATEGIES.md section 1)",
    TS_PARAM_UINT, 2, 100000, 1, 0, MAX_ (ma_period), NULL },
  { "scale-mode", "Signal", N_("Scale mode"), "",
    "fixed: the scale below; fit: the maximum-likelihood scale of the last deviations "
    "(STRATEGIES.md section 1)",
    TS_PARAM_CHOICE, 0, 1, 1, 0, MAX_ (scale_mode), maxwell_scale_modes },
  { "scale", "Signal", N_("Maxwell scale"), "quote currency",
    "The scale a of the Maxwell distribution in fixed mode (STRATEGIES.md section 1)",
    TS_PARAM_DOUBLE, 0.000001, 1000000000, 1, 2, MAX_ (scale), NULL },
  { "buy-threshold", "Entry", N_("Buy threshold"), "",
    "Enter when the Maxwell CDF of the deviation is below this (STRATEGIES.md section 1)",
    TS_PARAM_DOUBLE, 0, 1, 0.01, 2, MAX_ (buy_threshold), NULL },
  { "exit-threshold", "Exits", N_("Exit threshold"), "",
    "Exit when the Maxwell CDF of the deviation is above this; 1 disables it "
    "(STRATEGIES.md section 1)",
    TS_PARAM_DOUBLE, 0, 1, 0.01, 2, MAX_ (exit_threshold), NULL },
  { "stop-loss-pct", "Exits", N_("Stop loss"), "%",
    "Stop when the price falls this far below the entry fill; 100 never fires "
    "(STRATEGIES.md section 1)",
    TS_PARAM_DOUBLE, 0, 100, 1, 1, MAX_ (stop_loss_pct), NULL },
  { "position-pct", "Sizing", N_("Position size"), "%",
    "Notional of an entry, percent of the strategy's equity (STRATEGIES.md section 1)",
    TS_PARAM_DOUBLE, 0, 10000, 1, 1, MAX_ (position_pct), NULL },
  { "bar-seconds", "Bars", N_("Bar length"), "s",
    "0: every trade is a price; else the closes of time bars of this length "
    "(ours; STRATEGIES.md section 1 used daily closes)",
    TS_PARAM_DOUBLE, 0, 86400, 1, 1, MAX_ (bar_seconds), NULL },
};

/* ---- calculus trend: STRATEGIES.md section 3 -------------------------- */

#define CALC(field) offsetof (TsCalculusParams, field)

static const char *const calculus_sources[] = { "ema", "kalman", NULL };
/* TsSizingMode, src/core/ts-sizing.h */
static const char *const sizing_modes[] = {
  "fixed-units", "fixed-fractional", "kelly", "volatility", NULL,
};

static const TsParamSpec calculus_specs[] = {
  { "bar-seconds", "Bars", N_("Bar length"), "s",
    "Length of the time bars, seconds of exchange time (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0.001, 86400, 1, 3, CALC (bar_seconds), NULL },
  { "lambda", "Signal", N_("Smoothing"), "",
    "s = lambda p + (1 - lambda) s of the previous bar (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0.0001, 1, 0.05, 4, CALC (lambda), NULL },
  { "derivative-source", "Signal", N_("Derivatives from"), "",
    "ema: differences of the smoothed close; kalman: a Kalman filter on log closes "
    "(STRATEGIES.md section 3)",
    TS_PARAM_CHOICE, 0, 1, 1, 0, CALC (derivative_source), calculus_sources },
  { "snr-window", "Signal", N_("SNR window"), "bars",
    "Bars in sd(v), the sd of bar returns and the Kalman noise estimate (STRATEGIES.md section 3)",
    TS_PARAM_UINT, 2, 10000, 1, 0, CALC (snr_window), NULL },
  { "kalman-warmup", "Signal", N_("Kalman warm-up"), "returns",
    "Log returns whose variance seeds the Kalman measurement noise (STRATEGIES.md section 3)",
    TS_PARAM_UINT, 2, 10000, 1, 0, CALC (kalman_warmup), NULL },
  { "forecast-bars", "Signal", N_("Forecast horizon"), "bars",
    "Horizon of the Taylor forecast drawn on the chart (STRATEGIES.md section 3)",
    TS_PARAM_UINT, 0, 1000, 1, 0, CALC (forecast_bars), NULL },
  { "snr-threshold", "Entry", N_("SNR threshold"), "",
    "|v| / sd(v) a signal needs (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0, 1000, 0.1, 2, CALC (snr_threshold), NULL },
  { "confidence-threshold", "Entry", N_("Confidence threshold"), "",
    "min(1, SNR / 2) a signal needs (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0, 1, 0.05, 2, CALC (confidence_threshold), NULL },
  { "velocity-epsilon", "Entry", N_("Zero velocity band"), "σ",
    "v counts as zero when |v| is below this times sd(v) (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0, 1000, 0.05, 2, CALC (velocity_epsilon), NULL },
  { "allow-short", "Entry", N_("Allow short positions"), "",
    "A SELL signal may open a short (STRATEGIES.md section 3)",
    TS_PARAM_BOOLEAN, 0, 1, 1, 0, CALC (allow_short), NULL },
  { "stop-vol-mult", "Exits", N_("Stop volatility multiple"), "σ",
    "Stop distance = max(minimum stop, this times the sd of bar returns) (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0, 1000, 0.1, 2, CALC (stop_vol_mult), NULL },
  { "min-stop-pct", "Exits", N_("Minimum stop"), "%",
    "The smallest stop distance, percent of price (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0.0001, 100, 0.01, 4, CALC (min_stop_pct), NULL },
  { "reward-risk", "Exits", N_("Reward to risk"), "×",
    "Take profit at this times the stop distance (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0.01, 1000, 0.1, 2, CALC (reward_risk), NULL },
  { "sizing", "Sizing", N_("Sizing mode"), "",
    "fixed-units, fixed-fractional (risk over the stop), kelly (half-Kelly) or volatility "
    "(STRATEGIES.md section 3)",
    TS_PARAM_CHOICE, 0, 3, 1, 0, CALC (sizing), sizing_modes },
  { "risk-per-trade", "Sizing", N_("Risk per trade"), "%",
    "Percent of equity lost at the stop (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0, 100, 0.5, 2, CALC (risk_per_trade), NULL },
  { "max-leverage", "Sizing", N_("Maximum leverage"), "×",
    "Notional at most this times equity; 0 = no cap (STRATEGIES.md section 3)",
    TS_PARAM_DOUBLE, 0, 100, 0.5, 2, CALC (max_leverage), NULL },
  { "target-vol", "Sizing", N_("Target volatility"), "",
    "Per-bar volatility, a fraction, the volatility sizing aims at (ours)",
    TS_PARAM_DOUBLE, 0.000001, 1, 0.0001, 6, CALC (target_vol), NULL },
  { "fixed-units", "Sizing", N_("Fixed size"), "base units",
    "Size of each position in the fixed-units mode (ours)",
    TS_PARAM_DOUBLE, 0.000001, 1000000, 0.01, 6, CALC (fixed_units), NULL },
};

/* ---- pairs mean reversion: STRATEGIES.md section 4 -------------------- */

#define PAIR(field) offsetof (TsPairsParams, field)

static const TsParamSpec pairs_specs[] = {
  { "bar-seconds", "Bars", N_("Bar length"), "s",
    "Length of the time bars of both symbols, seconds of exchange time (STRATEGIES.md section 4)",
    TS_PARAM_DOUBLE, 0.001, 86400, 1, 3, PAIR (bar_seconds), NULL },
  { "formation-bars", "Signal", N_("Formation period"), "bars",
    "Bar closes in the hedge-ratio regression and the cointegration test (STRATEGIES.md section 4)",
    TS_PARAM_UINT, 10, 100000, 10, 0, PAIR (formation_bars), NULL },
  { "recalc-bars", "Signal", N_("Refit interval"), "bars",
    "Bars between two fits of the hedge ratio (STRATEGIES.md section 4)",
    TS_PARAM_UINT, 1, 100000, 10, 0, PAIR (recalc_bars), NULL },
  { "lookback", "Signal", N_("Z-score lookback"), "bars",
    "Bars in the spread's mean and sd; at most the formation period (STRATEGIES.md section 4)",
    TS_PARAM_UINT, 2, 100000, 1, 0, PAIR (lookback), NULL },
  { "entry-z", "Entry", N_("Entry z-score"), "σ",
    "Open when |z| reaches this and is below the stop (STRATEGIES.md section 4)",
    TS_PARAM_DOUBLE, 0.01, 100, 0.1, 2, PAIR (entry_z), NULL },
  { "exit-z", "Exits", N_("Exit z-score"), "σ",
    "Close when |z| falls to this, EXIT (STRATEGIES.md section 4)",
    TS_PARAM_DOUBLE, 0, 100, 0.1, 2, PAIR (exit_z), NULL },
  { "stop-z", "Exits", N_("Stop z-score"), "σ",
    "Close when |z| reaches this, STOP; above the entry z-score (STRATEGIES.md section 4)",
    TS_PARAM_DOUBLE, 0.01, 100, 0.1, 2, PAIR (stop_z), NULL },
  { "adf-critical", "Filters", N_("ADF critical value"), "",
    "The cointegration test's t must be below this; -3.34 is the Engle-Granger 5 % value "
    "(STRATEGIES.md section 4)",
    TS_PARAM_DOUBLE, -100, 0, 0.01, 2, PAIR (adf_critical), NULL },
  { "max-half-life", "Filters", N_("Maximum half-life"), "bars",
    "Trade only when the spread's half-life is below this; 0 = the lookback "
    "(STRATEGIES.md section 4)",
    TS_PARAM_DOUBLE, 0, 100000, 1, 1, PAIR (max_half_life), NULL },
  { "risk-per-trade", "Sizing", N_("Risk per trade"), "%",
    "Percent of equity lost if the spread moves to the stop z-score (STRATEGIES.md section 4)",
    TS_PARAM_DOUBLE, 0, 100, 0.5, 2, PAIR (risk_per_trade), NULL },
  { "max-positions", "Sizing", N_("Maximum pairs positions"), "positions",
    "Open pairs positions across the engine's pairs strategies (STRATEGIES.md section 4)",
    TS_PARAM_UINT, 1, 1000, 1, 0, PAIR (max_positions), NULL },
  { "max-leverage", "Sizing", N_("Maximum leverage"), "×",
    "Gross notional of both legs at most this times equity; 0 = no cap (ours)",
    TS_PARAM_DOUBLE, 0, 100, 0.5, 2, PAIR (max_leverage), NULL },
};

/* ---- technical confluence: STRATEGIES.md section 5 -------------------- */

#define CONF(field) offsetof (TsConfluenceParams, field)

static const TsParamSpec confluence_specs[] = {
  { "bar-seconds", "Bars", N_("Bar length"), "s",
    "Length of the time bars, seconds of exchange time (STRATEGIES.md section 5)",
    TS_PARAM_DOUBLE, 0.001, 86400, 1, 3, CONF (bar_seconds), NULL },
  { "rsi-period", "Signal", N_("RSI period"), "bars",
    "Period of Wilder's RSI (STRATEGIES.md section 5)",
    TS_PARAM_UINT, 1, 1000, 1, 0, CONF (rsi_period), NULL },
  { "rsi-low", "Signal", N_("RSI low"), "",
    "A long needs the RSI to have crossed up through this level (STRATEGIES.md section 5)",
    TS_PARAM_DOUBLE, 0, 100, 1, 1, CONF (rsi_low), NULL },
  { "rsi-high", "Signal", N_("RSI high"), "",
    "A short needs the RSI to have crossed down through this level (STRATEGIES.md section 5)",
    TS_PARAM_DOUBLE, 0, 100, 1, 1, CONF (rsi_high), NULL },
  { "rsi-cross-bars", "Signal", N_("RSI cross within"), "bars",
    "The RSI cross must be within the last this many bars (STRATEGIES.md section 5)",
    TS_PARAM_UINT, 1, 15, 1, 0, CONF (rsi_cross_bars), NULL },
  { "macd-fast", "Signal", N_("MACD fast period"), "bars",
    "Fast EMA of the MACD; below the slow period (STRATEGIES.md section 5)",
    TS_PARAM_UINT, 1, 1000, 1, 0, CONF (macd_fast), NULL },
  { "macd-slow", "Signal", N_("MACD slow period"), "bars",
    "Slow EMA of the MACD; above the fast period (STRATEGIES.md section 5)",
    TS_PARAM_UINT, 2, 1000, 1, 0, CONF (macd_slow), NULL },
  { "macd-signal", "Signal", N_("MACD signal period"), "bars",
    "EMA of the MACD line (STRATEGIES.md section 5)",
    TS_PARAM_UINT, 1, 1000, 1, 0, CONF (macd_signal), NULL },
  { "swing-bars", "Signal", N_("Swing window"), "bars",
    "Bars of the swing high and low the Fibonacci levels come from (STRATEGIES.md section 5)",
    TS_PARAM_UINT, 2, 100000, 1, 0, CONF (swing_bars), NULL },
  { "fib-tolerance", "Entry", N_("Fibonacci tolerance"), "%",
    "How far, percent of the level, the close may be off a 38.2, 50 or 61.8 % retracement "
    "(STRATEGIES.md section 5)",
    TS_PARAM_DOUBLE, 0, 100, 0.05, 2, CONF (fib_tolerance), NULL },
  { "allow-short", "Entry", N_("Allow short positions"), "",
    "The mirror image of the long rules may open shorts (STRATEGIES.md section 5)",
    TS_PARAM_BOOLEAN, 0, 1, 1, 0, CONF (allow_short), NULL },
  { "imbalance-min", "Filters", N_("Order book imbalance"), "",
    "(bid size - ask size) / (bid size + ask size) a long needs when a quote is known "
    "(STRATEGIES.md section 5)",
    TS_PARAM_DOUBLE, 0, 1, 0.05, 2, CONF (imbalance_min), NULL },
  { "funding-max", "Filters", N_("Maximum funding rate"), "%",
    "Funding rate per interval a long may pay when known (STRATEGIES.md section 5)",
    TS_PARAM_DOUBLE, 0, 100, 0.005, 3, CONF (funding_max), NULL },
  { "ewma-lambda", "Filters", N_("Volatility decay"), "",
    "RiskMetrics decay of the EWMA volatility, below 1 (STRATEGIES.md section 5)",
    TS_PARAM_DOUBLE, 0, 0.9999, 0.01, 4, CONF (ewma_lambda), NULL },
  { "vol-percentile-max", "Filters", N_("Volatility percentile"), "%",
    "The EWMA volatility must be below this percentile of its session values "
    "(STRATEGIES.md section 5)",
    TS_PARAM_DOUBLE, 0.1, 99.9, 1, 1, CONF (vol_percentile_max), NULL },
  { "risk-per-trade", "Sizing", N_("Risk per trade"), "%",
    "Percent of equity lost at the stop (ours: section 3's default)",
    TS_PARAM_DOUBLE, 0, 100, 0.5, 2, CONF (risk_per_trade), NULL },
  { "max-leverage", "Sizing", N_("Maximum leverage"), "×",
    "Notional at most this times equity; 0 = no cap (ours)",
    TS_PARAM_DOUBLE, 0, 100, 0.5, 2, CONF (max_leverage), NULL },
  { "zigzag-pct", "Chart", N_("Zigzag reversal"), "%",
    "Reversal threshold of the chart's zigzag (ours: chart only)",
    TS_PARAM_DOUBLE, 0.001, 100, 0.1, 3, CONF (zigzag_pct), NULL },
};

/* ---- constructors ------------------------------------------------------ */

static void
momentum_init (gpointer params)
{
  ts_momentum_params_init_default (params);
}

static TsStrategy *
momentum_new (gconstpointer params)
{
  return ts_momentum_strategy_new (params);
}

static void
maxwell_init (gpointer params)
{
  ts_maxwell_params_init_default (params);
}

static TsStrategy *
maxwell_new (gconstpointer params)
{
  const TsMaxwellParams *p = params;

  if (p != NULL && p->ma_period < 2)
    return NULL;
  return ts_maxwell_strategy_new (p);
}

static void
calculus_init (gpointer params)
{
  ts_calculus_params_init_default (params);
}

static TsStrategy *
calculus_new (gconstpointer params)
{
  const TsCalculusParams *p = params;

  /* ts_calculus_strategy_new() would fall back to the defaults */
  if (p != NULL && !(p->lambda > 0.0 && p->lambda <= 1.0 && p->bar_seconds > 0.0 &&
                     p->snr_window >= 2 && p->kalman_warmup >= 2 && p->min_stop_pct > 0.0 &&
                     p->reward_risk > 0.0 && p->stop_vol_mult >= 0.0))
    return NULL;
  return ts_calculus_strategy_new (p);
}

static void
pairs_init (gpointer params)
{
  ts_pairs_params_init_default (params);
}

static TsStrategy *
pairs_new (gconstpointer params)
{
  const TsPairsParams *p = params;

  /* the cross-field rules of STRATEGIES.md section 4 the specs cannot say */
  if (p != NULL && !(p->bar_seconds > 0.0 && p->formation_bars >= 10 && p->recalc_bars >= 1 &&
                     p->lookback >= 2 && p->lookback <= p->formation_bars && p->entry_z > 0.0 &&
                     p->exit_z >= 0.0 && p->stop_z > p->entry_z && p->max_positions >= 1))
    return NULL;
  return ts_pairs_strategy_new (p);
}

static void
confluence_init (gpointer params)
{
  ts_confluence_params_init_default (params);
}

static TsStrategy *
confluence_new (gconstpointer params)
{
  const TsConfluenceParams *p = params;

  if (p != NULL && !(p->bar_seconds > 0.0 && p->rsi_period >= 1 && p->rsi_cross_bars >= 1 &&
                     p->rsi_cross_bars <= 15 && p->macd_fast >= 1 &&
                     p->macd_slow > p->macd_fast && p->macd_signal >= 1 &&
                     p->swing_bars >= 2 && p->fib_tolerance >= 0.0 &&
                     p->ewma_lambda >= 0.0 && p->ewma_lambda < 1.0 &&
                     p->vol_percentile_max > 0.0 && p->vol_percentile_max < 100.0 &&
                     p->zigzag_pct > 0.0))
    return NULL;
  return ts_confluence_strategy_new (p);
}

/* ---- the registry ------------------------------------------------------ */

static const TsStrategyInfo infos[] = {
  { "maxwell", N_("Maxwell Dip Buyer"), 1, 1, "MOCK-BTC", "maxwell-",
    sizeof (TsMaxwellParams), maxwell_init, maxwell_new,
    maxwell_specs, G_N_ELEMENTS (maxwell_specs) },
  { "momentum", N_("Momentum Burst"), 2, 1, "MOCK-BTC", "",
    sizeof (TsMomentumParams), momentum_init, momentum_new,
    momentum_specs, G_N_ELEMENTS (momentum_specs) },
  { "calculus", N_("Calculus Trend"), 3, 1, "MOCK-BTC", "calculus-",
    sizeof (TsCalculusParams), calculus_init, calculus_new,
    calculus_specs, G_N_ELEMENTS (calculus_specs) },
  { "pairs", N_("Pairs Mean Reversion"), 4, 2, "MOCK-BTC,MOCK-ETH", "pairs-",
    sizeof (TsPairsParams), pairs_init, pairs_new,
    pairs_specs, G_N_ELEMENTS (pairs_specs) },
  { "confluence", N_("Technical Confluence"), 5, 1, "MOCK-BTC", "confluence-",
    sizeof (TsConfluenceParams), confluence_init, confluence_new,
    confluence_specs, G_N_ELEMENTS (confluence_specs) },
};

const TsStrategyInfo *
ts_strategy_info_list (guint *n_infos)
{
  if (n_infos != NULL)
    *n_infos = G_N_ELEMENTS (infos);
  return infos;
}

const TsStrategyInfo *
ts_strategy_info_lookup (const char *name)
{
  guint i;

  if (name == NULL)
    return NULL;
  for (i = 0; i < G_N_ELEMENTS (infos); i++)
    if (strcmp (infos[i].name, name) == 0)
      return &infos[i];
  return NULL;
}

gpointer
ts_strategy_info_new_params (const TsStrategyInfo *info)
{
  gpointer params;

  g_return_val_if_fail (info != NULL, NULL);

  params = g_malloc0 (info->params_size);
  info->init_default (params);
  return params;
}

gboolean
ts_strategy_info_set_param (const TsStrategyInfo *info,
                            gpointer              params,
                            const char           *key,
                            const char           *text,
                            GError              **error)
{
  const TsParamSpec *spec;
  double value;

  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  spec = ts_param_spec_find (info->specs, info->n_specs, key);
  if (spec == NULL)
    {
      GString *valid = g_string_new (NULL);
      guint i;

      for (i = 0; i < info->n_specs; i++)
        g_string_append_printf (valid, "%s%s", i > 0 ? ", " : "", info->specs[i].key);
      g_set_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_UNKNOWN_KEY,
                   "%s has no parameter “%s”; valid parameters: %s",
                   info->name, key != NULL ? key : "", valid->str);
      g_string_free (valid, TRUE);
      return FALSE;
    }
  if (!ts_param_spec_parse (spec, text, &value, error))
    return FALSE;
  return ts_param_spec_set_value (spec, params, value, error);
}
