/* ts-confluence-strategy.c: technical confluence (STRATEGIES.md section 5)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-confluence-strategy.h"

#include <math.h>
#include <string.h>

#include "core/ts-p2-quantile.h"
#include "core/ts-sizing.h"
#include "core/indicators/ts-bar-aggregator.h"
#include "core/indicators/ts-ewma-vol.h"
#include "core/indicators/ts-fibonacci.h"
#include "core/indicators/ts-fractals.h"
#include "core/indicators/ts-macd.h"
#include "core/indicators/ts-rsi.h"
#include "core/indicators/ts-zigzag.h"

#define RSI_HISTORY 16
/* 38.2, 50 and 61.8 % (ts_fibonacci_find_near() mask) */
#define ENTRY_LEVELS 0x0e

typedef struct
{
  TsStrategy          parent;
  TsConfluenceParams  params;
  TsBarAggregator    *bars;
  TsRsi              *rsi;
  TsMacd             *macd;
  TsZigzag           *zigzag;
  TsFractals         *fractals;
  TsEwmaVol          *vol;
  TsP2Quantile        vol_q;

  double              rsi_hist[RSI_HISTORY];  /* [0] = this bar */
  guint               n_rsi;
  TsMacdValue         macd_v;
  TsSwing             swing;
  gboolean            have_swing;
  TsFibonacci         fib;
  double              sigma;

  gboolean            have_quote;
  double              imbalance;
  gboolean            have_funding;
  double              funding;

  TsSide              side;
  double              stop_price;
  double              tp_price;
  double              pending_stop;
  double              pending_tp;
} TsConfluenceStrategy;

static const char * const state_keys[] = { "stop", "tp" };

void
ts_confluence_params_init_default (TsConfluenceParams *params)
{
  g_return_if_fail (params != NULL);

  /* STRATEGIES.md section 5 */
  params->bar_seconds = 5.0;
  params->rsi_period = 14;
  params->rsi_low = 30.0;
  params->rsi_high = 70.0;
  params->rsi_cross_bars = 3;
  params->macd_fast = 12;
  params->macd_slow = 26;
  params->macd_signal = 9;
  params->swing_bars = 50;
  params->fib_tolerance = 0.15;
  params->imbalance_min = 0.2;
  params->funding_max = 0.01;
  params->ewma_lambda = 0.94;
  params->vol_percentile_max = 90.0;
  /* ours */
  params->zigzag_pct = 0.5;
  params->risk_per_trade = 2.0;
  params->max_leverage = 1.0;
  params->allow_short = TRUE;
}

static gboolean
params_valid (const TsConfluenceParams *p)
{
  return p->bar_seconds > 0.0 && p->rsi_period >= 1 && p->rsi_cross_bars >= 1 &&
         p->rsi_cross_bars < RSI_HISTORY && p->macd_fast >= 1 && p->macd_slow > p->macd_fast &&
         p->macd_signal >= 1 && p->swing_bars >= 2 && p->fib_tolerance >= 0.0 &&
         p->ewma_lambda >= 0.0 && p->ewma_lambda < 1.0 &&
         p->vol_percentile_max > 0.0 && p->vol_percentile_max < 100.0 && p->zigzag_pct > 0.0;
}

static void
build (TsConfluenceStrategy *self)
{
  const TsConfluenceParams *p = &self->params;

  g_clear_pointer (&self->bars, ts_bar_aggregator_free);
  g_clear_pointer (&self->rsi, ts_rsi_free);
  g_clear_pointer (&self->macd, ts_macd_free);
  g_clear_pointer (&self->zigzag, ts_zigzag_free);
  g_clear_pointer (&self->fractals, ts_fractals_free);
  g_clear_pointer (&self->vol, ts_ewma_vol_free);
  self->bars = ts_bar_aggregator_new (p->bar_seconds);
  self->rsi = ts_rsi_new (p->rsi_period);
  self->macd = ts_macd_new (p->macd_fast, p->macd_slow, p->macd_signal);
  self->zigzag = ts_zigzag_new (p->zigzag_pct, p->swing_bars);
  self->fractals = ts_fractals_new ();
  self->vol = ts_ewma_vol_new (p->ewma_lambda);
  ts_p2_quantile_init (&self->vol_q, p->vol_percentile_max / 100.0);
  self->n_rsi = 0;
  self->have_swing = FALSE;
  self->sigma = NAN;
  self->macd_v.line = self->macd_v.signal = NAN;
  self->macd_v.histogram = self->macd_v.prev_histogram = NAN;
}

/* RSI crossed up through @level (prev < level <= now) within the last n bars;
 * mirror: down through it (prev > level >= now) */
static gboolean
rsi_crossed (const TsConfluenceStrategy *self,
             double                      level,
             gboolean                    up)
{
  guint n = self->params.rsi_cross_bars;

  for (guint k = 0; k < n && k + 1 < self->n_rsi; k++)
    {
      double now = self->rsi_hist[k], prev = self->rsi_hist[k + 1];

      if (up ? (prev < level && now >= level) : (prev > level && now <= level))
        return TRUE;
    }
  return FALSE;
}

/* the signal of the bar just closed: +1 long, -1 short, 0 none */
static int
on_bar (TsConfluenceStrategy *self,
        const TsBar          *bar)
{
  const TsConfluenceParams *p = &self->params;
  double rsi, q, funding_max;
  gboolean vol_ok, long_ok, short_ok;
  int near;

  rsi = ts_rsi_push (self->rsi, bar->close);
  if (!isnan (rsi))
    {
      memmove (&self->rsi_hist[1], &self->rsi_hist[0], (RSI_HISTORY - 1) * sizeof (double));
      self->rsi_hist[0] = rsi;
      if (self->n_rsi < RSI_HISTORY)
        self->n_rsi++;
    }
  ts_macd_push (self->macd, bar->close, &self->macd_v);
  ts_zigzag_push (self->zigzag, bar->high, bar->low);
  ts_fractals_push (self->fractals, bar->high, bar->low, NULL);
  self->have_swing = ts_zigzag_get_swing (self->zigzag, &self->swing);
  if (self->have_swing)
    {
      if (self->swing.up)
        ts_fibonacci_init (&self->fib, self->swing.low, self->swing.high);
      else
        ts_fibonacci_init (&self->fib, self->swing.high, self->swing.low);
    }
  self->sigma = ts_ewma_vol_push (self->vol, bar->close);
  if (isnan (self->sigma))
    return 0;
  ts_p2_quantile_push (&self->vol_q, self->sigma);

  if (isnan (self->macd_v.histogram) || isnan (self->macd_v.prev_histogram) ||
      !self->have_swing || self->swing.high <= self->swing.low || self->n_rsi < 2)
    return 0;

  /* funding_max is in percent; the boundary is inclusive up to rounding
   * (0.01 % / 100 is not exactly 0.0001 in binary) */
  funding_max = p->funding_max / 100.0 * (1.0 + 1e-9);
  q = ts_p2_quantile_get (&self->vol_q);
  vol_ok = self->vol_q.n >= 5 && self->sigma < q;
  if (!vol_ok)
    return 0;
  near = ts_fibonacci_find_near (&self->fib, bar->close, p->fib_tolerance, ENTRY_LEVELS);

  long_ok = self->swing.up && near >= 0 &&
            rsi_crossed (self, p->rsi_low, TRUE) &&
            self->macd_v.histogram > 0.0 && self->macd_v.histogram > self->macd_v.prev_histogram &&
            (!self->have_quote || self->imbalance >= p->imbalance_min) &&
            (!self->have_funding || self->funding <= funding_max);
  if (long_ok)
    return 1;
  short_ok = !self->swing.up && near >= 0 &&
             rsi_crossed (self, p->rsi_high, FALSE) &&
             self->macd_v.histogram < 0.0 && self->macd_v.histogram < self->macd_v.prev_histogram &&
             (!self->have_quote || self->imbalance <= -p->imbalance_min) &&
             (!self->have_funding || self->funding >= -funding_max);
  return short_ok ? -1 : 0;
}

static guint
open_intent (TsConfluenceStrategy    *self,
             const TsStrategyContext *ctx,
             TsSide                   side,
             double                   price,
             TsOrderIntent           *intent)
{
  TsSizingInput in = { 0 };
  /* the swing's 78.6 % level and its extreme */
  double stop = self->fib.levels[TS_FIBONACCI_N_LEVELS - 1];
  double tp = self->fib.end;
  double size;

  if (side == TS_SIDE_BUY ? !(stop < price && tp > price) : !(stop > price && tp < price))
    return 0;
  in.mode = TS_SIZING_FIXED_FRACTIONAL;
  in.equity = ctx->equity;
  in.price = price;
  in.stop_distance = fabs (price - stop) / price;
  in.risk_fraction = self->params.risk_per_trade / 100.0;
  in.max_leverage = self->params.max_leverage;
  size = ts_sizing_compute (&in);
  if (!(size > 0.0))
    return 0;
  self->pending_stop = stop;
  self->pending_tp = tp;
  ts_strategy_intent_open (intent, side, size);
  return 1;
}

static guint
confluence_on_tick (TsStrategy              *strategy,
                    const TsStrategyContext *ctx,
                    const TsTick            *tick,
                    guint                    symbol,
                    TsOrderIntent           *intents)
{
  TsConfluenceStrategy *self = (TsConfluenceStrategy *) strategy;
  int signal = 0;
  double price;
  guint64 n, i, from;
  TsBar bar;

  (void) symbol;
  if (tick->flags & TS_TICK_QUOTE)
    {
      self->have_quote = TRUE;
      self->imbalance = (tick->bid_size - tick->ask_size) / (tick->bid_size + tick->ask_size);
    }
  if (tick->flags & TS_TICK_FUNDING)
    {
      self->have_funding = TRUE;
      self->funding = tick->funding_rate;
    }
  if (!(tick->flags & TS_TICK_TRADE))
    return 0;
  price = tick->price;

  n = ts_bar_aggregator_push_trade (self->bars, tick->time_us, price, tick->size);
  from = n > 4u * (self->params.macd_slow + self->params.swing_bars)
         ? n - 4u * (self->params.macd_slow + self->params.swing_bars) : 0;
  for (i = from; i < n; i++)
    if (ts_bar_aggregator_get_closed (self->bars, i, &bar))
      signal = on_bar (self, &bar);

  if (self->side == TS_SIDE_BUY)
    {
      if (price < self->stop_price)
        return ts_strategy_intent_close (&intents[0], "SL"), 1;
      if (price >= self->tp_price)
        return ts_strategy_intent_close (&intents[0], "TP"), 1;
      if (signal < 0)
        return ts_strategy_intent_close (&intents[0], "SIGNAL"), 1;
      return 0;
    }
  if (self->side == TS_SIDE_SELL)
    {
      if (price > self->stop_price)
        return ts_strategy_intent_close (&intents[0], "SL"), 1;
      if (price <= self->tp_price)
        return ts_strategy_intent_close (&intents[0], "TP"), 1;
      if (signal > 0)
        return ts_strategy_intent_close (&intents[0], "SIGNAL"), 1;
      return 0;
    }

  if (signal > 0)
    return open_intent (self, ctx, TS_SIDE_BUY, price, &intents[0]);
  if (signal < 0 && self->params.allow_short)
    return open_intent (self, ctx, TS_SIDE_SELL, price, &intents[0]);
  return 0;
}

static void
confluence_on_fill (TsStrategy   *strategy,
                    const TsFill *fill,
                    guint         symbol)
{
  TsConfluenceStrategy *self = (TsConfluenceStrategy *) strategy;

  (void) symbol;
  if (!fill->opens)
    {
      self->side = TS_SIDE_NONE;
      return;
    }
  self->side = fill->side;
  self->stop_price = self->pending_stop;
  self->tp_price = self->pending_tp;
}

static char *
confluence_dup_state (const TsStrategy *strategy)
{
  const TsConfluenceStrategy *self = (const TsConfluenceStrategy *) strategy;
  double values[] = { self->stop_price, self->tp_price };

  if (self->side == TS_SIDE_NONE)
    return NULL;
  return ts_strategy_format_state (state_keys, values, G_N_ELEMENTS (values));
}

/* the stop and target were fixed at the signal (the swing then): they are
 * the pending levels of the restored entry */
static gboolean
confluence_restore_state (TsStrategy  *strategy,
                          const char  *state,
                          GError     **error)
{
  TsConfluenceStrategy *self = (TsConfluenceStrategy *) strategy;
  double values[G_N_ELEMENTS (state_keys)];

  if (!ts_strategy_parse_state (state, "confluence", state_keys, values,
                                G_N_ELEMENTS (state_keys), error))
    return FALSE;
  if (!(values[0] > 0.0) || !(values[1] > 0.0))
    {
      g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                   "Position state \"%s\" of the confluence strategy: the stop and the "
                   "take-profit must be prices > 0", state);
      return FALSE;
    }
  self->pending_stop = values[0];
  self->pending_tp = values[1];
  return TRUE;
}

static void
confluence_reset (TsStrategy *strategy)
{
  TsConfluenceStrategy *self = (TsConfluenceStrategy *) strategy;

  build (self);
  self->have_quote = self->have_funding = FALSE;
  self->side = TS_SIDE_NONE;
}

static gboolean
confluence_set_params (TsStrategy    *strategy,
                       gconstpointer  params,
                       gsize          size)
{
  TsConfluenceStrategy *self = (TsConfluenceStrategy *) strategy;
  const TsConfluenceParams *p = params;
  const TsConfluenceParams *o = &self->params;
  gboolean rebuild;

  if (size != sizeof (TsConfluenceParams) || !params_valid (p))
    return FALSE;
  rebuild = p->bar_seconds != o->bar_seconds || p->rsi_period != o->rsi_period ||
            p->macd_fast != o->macd_fast || p->macd_slow != o->macd_slow ||
            p->macd_signal != o->macd_signal || p->swing_bars != o->swing_bars ||
            p->ewma_lambda != o->ewma_lambda || p->vol_percentile_max != o->vol_percentile_max ||
            p->zigzag_pct != o->zigzag_pct;
  self->params = *p;
  if (rebuild)
    build (self);
  return TRUE;
}

static guint
confluence_get_overlay (const TsStrategy *strategy,
                        TsOverlayValue   *values,
                        guint             max)
{
  const TsConfluenceStrategy *self = (const TsConfluenceStrategy *) strategy;
  TsFractal up = { 0, NAN }, down = { 0, NAN };
  TsZigzagPivot pivot = { 0, NAN, TS_ZIGZAG_HIGH }, cand = { 0, NAN, TS_ZIGZAG_HIGH };
  gboolean fib = self->have_swing;
  TsOverlayValue all[20];
  guint n, k = 0;

  ts_fractals_get_last_up (self->fractals, &up);
  ts_fractals_get_last_down (self->fractals, &down);
  ts_zigzag_get_pivot (self->zigzag, 0, &pivot);
  ts_zigzag_get_candidate (self->zigzag, &cand);

  all[k++] = (TsOverlayValue) { "fib_23.6", fib ? self->fib.levels[0] : NAN };
  all[k++] = (TsOverlayValue) { "fib_38.2", fib ? self->fib.levels[1] : NAN };
  all[k++] = (TsOverlayValue) { "fib_50", fib ? self->fib.levels[2] : NAN };
  all[k++] = (TsOverlayValue) { "fib_61.8", fib ? self->fib.levels[3] : NAN };
  all[k++] = (TsOverlayValue) { "fib_78.6", fib ? self->fib.levels[4] : NAN };
  all[k++] = (TsOverlayValue) { "swing_high", fib ? self->swing.high : NAN };
  all[k++] = (TsOverlayValue) { "swing_low", fib ? self->swing.low : NAN };
  all[k++] = (TsOverlayValue) { "fractal_up", up.price };
  all[k++] = (TsOverlayValue) { "fractal_down", down.price };
  all[k++] = (TsOverlayValue) { "zigzag_pivot", pivot.price };
  all[k++] = (TsOverlayValue) { "zigzag_candidate", cand.price };
  all[k++] = (TsOverlayValue) { "rsi", self->n_rsi > 0 ? self->rsi_hist[0] : NAN };
  all[k++] = (TsOverlayValue) { "macd_hist", self->macd_v.histogram };
  all[k++] = (TsOverlayValue) { "ewma_vol", self->sigma };
  all[k++] = (TsOverlayValue) { "vol_limit", ts_p2_quantile_get (&self->vol_q) };
  all[k++] = (TsOverlayValue) { "imbalance", self->have_quote ? self->imbalance : NAN };
  all[k++] = (TsOverlayValue) { "funding", self->have_funding ? self->funding : NAN };
  all[k++] = (TsOverlayValue) { "stop", self->side != TS_SIDE_NONE ? self->stop_price : NAN };
  all[k++] = (TsOverlayValue) { "take_profit", self->side != TS_SIDE_NONE ? self->tp_price : NAN };

  n = MIN (max, k);
  for (guint i = 0; i < n; i++)
    values[i] = all[i];
  return n;
}

static void
confluence_finalize (TsStrategy *strategy)
{
  TsConfluenceStrategy *self = (TsConfluenceStrategy *) strategy;

  ts_bar_aggregator_free (self->bars);
  ts_rsi_free (self->rsi);
  ts_macd_free (self->macd);
  ts_zigzag_free (self->zigzag);
  ts_fractals_free (self->fractals);
  ts_ewma_vol_free (self->vol);
  g_free (self);
}

static const TsStrategyClass confluence_class = {
  "confluence",
  confluence_on_tick,
  confluence_on_fill,
  confluence_reset,
  confluence_set_params,
  confluence_get_overlay,
  confluence_finalize,
  confluence_dup_state,
  confluence_restore_state,
};

TsStrategy *
ts_confluence_strategy_new (const TsConfluenceParams *params)
{
  TsConfluenceStrategy *self = g_new0 (TsConfluenceStrategy, 1);

  ts_confluence_params_init_default (&self->params);
  if (params != NULL && params_valid (params))
    self->params = *params;
  ts_strategy_init (&self->parent, &confluence_class, 1);
  build (self);
  self->side = TS_SIDE_NONE;
  return &self->parent;
}
