/* ts-calculus-strategy.c: the calculus trend strategy (STRATEGIES.md section 3)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-calculus-strategy.h"

#include <math.h>

#include "core/indicators/ts-bar-aggregator.h"
#include "core/indicators/ts-ema.h"
#include "core/indicators/ts-kalman-trend.h"
#include "core/indicators/ts-rolling-stats.h"

typedef enum
{
  SIGNAL_NONE,
  SIGNAL_BUY,
  SIGNAL_SELL,
  SIGNAL_EXIT_LONG,
} Signal;

typedef struct
{
  TsStrategy        parent;
  TsCalculusParams  params;
  TsBarAggregator  *bars;
  TsEma            *smooth;
  TsKalmanTrend    *kalman;
  TsRollingStats   *v_stats;
  TsRollingStats   *ret_stats;

  double            prev_close;
  double            prev_s;
  double            prev_v;
  double            s, v, a, sd_v, snr, confidence, forecast;
  TsCalculusCase    last_case;

  TsSide            side;
  double            entry_price;
  double            stop_price;
  double            tp_price;
  double            pending_stop;  /* stop distance of the intent in flight */
  gboolean          restoring;     /* the next opening fill is a restored one */
  double            restore_stop;  /* its levels, from the position state */
  double            restore_tp;
} TsCalculusStrategy;

static const char * const state_keys[] = { "stop", "tp" };

void
ts_calculus_params_init_default (TsCalculusParams *params)
{
  g_return_if_fail (params != NULL);

  /* STRATEGIES.md section 3 */
  params->lambda = 0.75;
  params->bar_seconds = 1.0;
  params->derivative_source = TS_CALCULUS_SOURCE_KALMAN;
  params->snr_window = 14;
  params->snr_threshold = 0.7;
  params->confidence_threshold = 0.6;
  params->velocity_epsilon = 0.1;
  params->forecast_bars = 5;
  params->stop_vol_mult = 2.0;
  params->min_stop_pct = 0.05;
  params->reward_risk = 1.5;
  params->allow_short = TRUE;
  params->sizing = TS_SIZING_FIXED_FRACTIONAL;
  params->risk_per_trade = 2.0;
  params->max_leverage = 1.0;
  /* ours, not in STRATEGIES.md */
  params->target_vol = 0.0005;
  params->fixed_units = 0.01;
  params->kalman_warmup = 30;
}

TsCalculusCase
ts_calculus_classify (double v,
                      double a,
                      double sd_v,
                      double velocity_epsilon)
{
  if (isnan (v) || isnan (a))
    return TS_CALCULUS_CASE_NONE;
  if (!isnan (sd_v) && fabs (v) < velocity_epsilon * sd_v)
    {
      if (a > 0.0)
        return TS_CALCULUS_CASE_5;
      if (a < 0.0)
        return TS_CALCULUS_CASE_6;
      return TS_CALCULUS_CASE_NONE;
    }
  if (v > 0.0)
    return a > 0.0 ? TS_CALCULUS_CASE_1 : a < 0.0 ? TS_CALCULUS_CASE_2 : TS_CALCULUS_CASE_NONE;
  if (v < 0.0)
    return a > 0.0 ? TS_CALCULUS_CASE_3 : a < 0.0 ? TS_CALCULUS_CASE_4 : TS_CALCULUS_CASE_NONE;
  return TS_CALCULUS_CASE_NONE;
}

static void
clear_state (TsCalculusStrategy *self)
{
  self->prev_close = 0.0;
  self->prev_s = self->prev_v = NAN;
  self->s = self->v = self->a = self->sd_v = NAN;
  self->snr = self->confidence = self->forecast = NAN;
  self->last_case = TS_CALCULUS_CASE_NONE;
}

static void
build (TsCalculusStrategy *self)
{
  const TsCalculusParams *p = &self->params;

  g_clear_pointer (&self->bars, ts_bar_aggregator_free);
  g_clear_pointer (&self->smooth, ts_ema_free);
  g_clear_pointer (&self->kalman, ts_kalman_trend_free);
  g_clear_pointer (&self->v_stats, ts_rolling_stats_free);
  g_clear_pointer (&self->ret_stats, ts_rolling_stats_free);
  self->bars = ts_bar_aggregator_new (p->bar_seconds);
  self->smooth = ts_ema_new_with_alpha (p->lambda);
  self->kalman = ts_kalman_trend_new (p->kalman_warmup, p->snr_window);
  self->v_stats = ts_rolling_stats_new (p->snr_window);
  self->ret_stats = ts_rolling_stats_new (p->snr_window);
  clear_state (self);
}

static gboolean
params_valid (const TsCalculusParams *p)
{
  return p->lambda > 0.0 && p->lambda <= 1.0 && p->bar_seconds > 0.0 &&
         p->snr_window >= 2 && p->kalman_warmup >= 2 && p->min_stop_pct > 0.0 &&
         p->reward_risk > 0.0 && p->stop_vol_mult >= 0.0;
}

/* one bar close: the smoothing, the derivatives, SNR; returns the signal */
static Signal
on_bar (TsCalculusStrategy *self,
        double              close)
{
  const TsCalculusParams *p = &self->params;
  double h = (double) p->forecast_bars;
  double v = NAN, a = NAN;

  if (self->prev_close > 0.0)
    ts_rolling_stats_push (self->ret_stats, close / self->prev_close - 1.0);
  self->prev_close = close;

  self->s = ts_ema_push (self->smooth, close);
  if (p->derivative_source == TS_CALCULUS_SOURCE_EMA)
    {
      /* backward differences only (STRATEGIES.md: the seed's central
       * differences look one bar ahead) */
      if (!isnan (self->prev_s))
        v = self->s - self->prev_s;
      if (!isnan (v) && !isnan (self->prev_v))
        a = v - self->prev_v;
      self->prev_s = self->s;
      self->prev_v = v;
      if (!isnan (v) && !isnan (a))
        self->forecast = self->s + v * h + a * h * h / 2.0;
    }
  else if (ts_kalman_trend_push (self->kalman, close))
    {
      v = ts_kalman_trend_get_velocity (self->kalman);
      a = ts_kalman_trend_get_acceleration (self->kalman);
      self->forecast = ts_kalman_trend_forecast (self->kalman, h);
    }

  self->v = v;
  self->a = a;
  if (isnan (v))
    return SIGNAL_NONE;
  ts_rolling_stats_push (self->v_stats, v);
  if (!ts_rolling_stats_is_full (self->v_stats))
    return SIGNAL_NONE;

  self->sd_v = ts_rolling_stats_get_sd (self->v_stats);
  self->snr = self->sd_v > 0.0 ? fabs (v) / self->sd_v : (v != 0.0 ? INFINITY : 0.0);
  self->confidence = MIN (1.0, self->snr / 2.0);
  self->last_case = ts_calculus_classify (v, a, self->sd_v, p->velocity_epsilon);

  if (!(self->snr >= p->snr_threshold && self->confidence >= p->confidence_threshold))
    return SIGNAL_NONE;
  switch (self->last_case)
    {
    case TS_CALCULUS_CASE_1:
    case TS_CALCULUS_CASE_5:
      return SIGNAL_BUY;
    case TS_CALCULUS_CASE_3:
    case TS_CALCULUS_CASE_4:
    case TS_CALCULUS_CASE_6:
      return SIGNAL_SELL;
    case TS_CALCULUS_CASE_2:
      return SIGNAL_EXIT_LONG;
    case TS_CALCULUS_CASE_NONE:
    default:
      return SIGNAL_NONE;
    }
}

static double
stop_distance (const TsCalculusStrategy *self)
{
  double sd = ts_rolling_stats_get_sd (self->ret_stats);
  double stop = self->params.min_stop_pct / 100.0;

  if (!isnan (sd) && self->params.stop_vol_mult * sd > stop)
    stop = self->params.stop_vol_mult * sd;
  return stop;
}

static guint
open_intent (TsCalculusStrategy      *self,
             const TsStrategyContext *ctx,
             TsSide                   side,
             double                   price,
             TsOrderIntent           *intent)
{
  TsSizingInput in = { 0 };
  double size;

  in.mode = self->params.sizing;
  in.equity = ctx->equity;
  in.price = price;
  in.stop_distance = stop_distance (self);
  in.fixed_units = self->params.fixed_units;
  in.risk_fraction = self->params.risk_per_trade / 100.0;
  in.target_vol = self->params.target_vol;
  in.current_vol = ts_rolling_stats_get_sd (self->ret_stats);
  in.trades = ctx->trades;
  in.wins = ctx->wins;
  in.gross_profit = ctx->gross_profit;
  in.gross_loss = ctx->gross_loss;
  in.max_leverage = self->params.max_leverage;
  size = ts_sizing_compute (&in);
  if (!(size > 0.0))
    return 0;
  self->pending_stop = in.stop_distance;
  ts_strategy_intent_open (intent, side, size);
  return 1;
}

static guint
calculus_on_tick (TsStrategy              *strategy,
                  const TsStrategyContext *ctx,
                  const TsTick            *tick,
                  guint                    symbol,
                  TsOrderIntent           *intents)
{
  TsCalculusStrategy *self = (TsCalculusStrategy *) strategy;
  Signal signal = SIGNAL_NONE;
  double price;
  guint64 n, i, from;
  TsBar bar;

  (void) symbol;
  if (!(tick->flags & TS_TICK_TRADE))
    return 0;
  price = tick->price;

  /* the indicators always see every closed bar; a long gap's empty bars
   * beyond the longest window leave the same state, so at most that many */
  n = ts_bar_aggregator_push_trade (self->bars, tick->time_us, price, tick->size);
  from = n > 4u * (self->params.snr_window + self->params.kalman_warmup)
         ? n - 4u * (self->params.snr_window + self->params.kalman_warmup) : 0;
  for (i = from; i < n; i++)
    if (ts_bar_aggregator_get_closed (self->bars, i, &bar))
      signal = on_bar (self, bar.close);

  /* stop and target first, on every trade */
  if (self->side == TS_SIDE_BUY)
    {
      if (price <= self->stop_price)
        return ts_strategy_intent_close (&intents[0], "SL"), 1;
      if (price >= self->tp_price)
        return ts_strategy_intent_close (&intents[0], "TP"), 1;
      if (signal == SIGNAL_SELL)
        return ts_strategy_intent_close (&intents[0], "SIGNAL"), 1;
      if (signal == SIGNAL_EXIT_LONG)
        return ts_strategy_intent_close (&intents[0], "EXIT"), 1;
      return 0;
    }
  if (self->side == TS_SIDE_SELL)
    {
      if (price >= self->stop_price)
        return ts_strategy_intent_close (&intents[0], "SL"), 1;
      if (price <= self->tp_price)
        return ts_strategy_intent_close (&intents[0], "TP"), 1;
      if (signal == SIGNAL_BUY)
        return ts_strategy_intent_close (&intents[0], "SIGNAL"), 1;
      return 0;
    }

  if (signal == SIGNAL_BUY)
    return open_intent (self, ctx, TS_SIDE_BUY, price, &intents[0]);
  if (signal == SIGNAL_SELL && self->params.allow_short)
    return open_intent (self, ctx, TS_SIDE_SELL, price, &intents[0]);
  return 0;
}

static void
calculus_on_fill (TsStrategy   *strategy,
                  const TsFill *fill,
                  guint         symbol)
{
  TsCalculusStrategy *self = (TsCalculusStrategy *) strategy;
  double stop = self->pending_stop;

  (void) symbol;
  if (!fill->opens)
    {
      self->side = TS_SIDE_NONE;
      return;
    }
  self->side = fill->side;
  self->entry_price = fill->price;
  if (self->restoring)
    {
      /* the levels fixed at the original entry */
      self->restoring = FALSE;
      self->stop_price = self->restore_stop;
      self->tp_price = self->restore_tp;
    }
  else if (fill->side == TS_SIDE_BUY)
    {
      self->stop_price = fill->price * (1.0 - stop);
      self->tp_price = fill->price * (1.0 + self->params.reward_risk * stop);
    }
  else
    {
      self->stop_price = fill->price * (1.0 + stop);
      self->tp_price = fill->price * (1.0 - self->params.reward_risk * stop);
    }
}

static char *
calculus_dup_state (const TsStrategy *strategy)
{
  const TsCalculusStrategy *self = (const TsCalculusStrategy *) strategy;
  double values[] = { self->stop_price, self->tp_price };

  if (self->side == TS_SIDE_NONE)
    return NULL;
  return ts_strategy_format_state (state_keys, values, G_N_ELEMENTS (values));
}

static gboolean
calculus_restore_state (TsStrategy  *strategy,
                        const char  *state,
                        GError     **error)
{
  TsCalculusStrategy *self = (TsCalculusStrategy *) strategy;
  double values[G_N_ELEMENTS (state_keys)];

  if (!ts_strategy_parse_state (state, "calculus", state_keys, values,
                                G_N_ELEMENTS (state_keys), error))
    return FALSE;
  if (!(values[0] > 0.0) || !(values[1] > 0.0))
    {
      g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                   "Position state \"%s\" of the calculus strategy: the stop and the "
                   "take-profit must be prices > 0", state);
      return FALSE;
    }
  self->restoring = TRUE;
  self->restore_stop = values[0];
  self->restore_tp = values[1];
  return TRUE;
}

static void
calculus_reset (TsStrategy *strategy)
{
  TsCalculusStrategy *self = (TsCalculusStrategy *) strategy;

  build (self);
  self->side = TS_SIDE_NONE;
  self->restoring = FALSE;
}

static gboolean
calculus_set_params (TsStrategy    *strategy,
                     gconstpointer  params,
                     gsize          size)
{
  TsCalculusStrategy *self = (TsCalculusStrategy *) strategy;
  const TsCalculusParams *p = params;
  gboolean rebuild;

  if (size != sizeof (TsCalculusParams) || !params_valid (p))
    return FALSE;
  rebuild = p->lambda != self->params.lambda || p->bar_seconds != self->params.bar_seconds ||
            p->derivative_source != self->params.derivative_source ||
            p->snr_window != self->params.snr_window ||
            p->kalman_warmup != self->params.kalman_warmup;
  self->params = *p;
  /* the filters start again when their shape changes; the position stays */
  if (rebuild)
    build (self);
  return TRUE;
}

static guint
calculus_get_overlay (const TsStrategy *strategy,
                      TsOverlayValue   *values,
                      guint             max)
{
  const TsCalculusStrategy *self = (const TsCalculusStrategy *) strategy;
  gboolean kalman = self->params.derivative_source == TS_CALCULUS_SOURCE_KALMAN;
  TsOverlayValue all[] = {
    { "smoothed", kalman ? ts_kalman_trend_get_price (self->kalman) : self->s },
    { "forecast", self->forecast },
    { "velocity", self->v },
    { "acceleration", self->a },
    { "sd_velocity", self->sd_v },
    { "snr", self->snr },
    { "confidence", self->confidence },
    { "case", (double) self->last_case },
    { "stop", self->side != TS_SIDE_NONE ? self->stop_price : NAN },
    { "take_profit", self->side != TS_SIDE_NONE ? self->tp_price : NAN },
  };
  guint n = MIN (max, G_N_ELEMENTS (all));

  for (guint i = 0; i < n; i++)
    values[i] = all[i];
  return n;
}

static void
calculus_finalize (TsStrategy *strategy)
{
  TsCalculusStrategy *self = (TsCalculusStrategy *) strategy;

  ts_bar_aggregator_free (self->bars);
  ts_ema_free (self->smooth);
  ts_kalman_trend_free (self->kalman);
  ts_rolling_stats_free (self->v_stats);
  ts_rolling_stats_free (self->ret_stats);
  g_free (self);
}

static const TsStrategyClass calculus_class = {
  "calculus",
  calculus_on_tick,
  calculus_on_fill,
  calculus_reset,
  calculus_set_params,
  calculus_get_overlay,
  calculus_finalize,
  calculus_dup_state,
  calculus_restore_state,
};

TsStrategy *
ts_calculus_strategy_new (const TsCalculusParams *params)
{
  TsCalculusStrategy *self = g_new0 (TsCalculusStrategy, 1);

  ts_calculus_params_init_default (&self->params);
  if (params != NULL && params_valid (params))
    self->params = *params;
  ts_strategy_init (&self->parent, &calculus_class, 1);
  build (self);
  self->side = TS_SIDE_NONE;
  return &self->parent;
}
