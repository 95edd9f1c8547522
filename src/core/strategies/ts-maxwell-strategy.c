/* ts-maxwell-strategy.c: the Maxwell dip buyer (STRATEGIES.md section 1)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-maxwell-strategy.h"

#include <math.h>

#include "core/indicators/ts-bar-aggregator.h"
#include "core/indicators/ts-maxwell.h"
#include "core/indicators/ts-sma.h"

typedef struct
{
  TsStrategy       parent;
  TsMaxwellParams  params;
  TsSma           *sma;
  TsSma           *sq;       /* x^2 over ma_period: the fit's sum / n */
  TsBarAggregator *bars;     /* NULL with bar_seconds 0 */

  double           x;        /* NaN until defined */
  double           a;
  double           f;
  gboolean         fresh;    /* a new price was observed on this tick */

  TsSide           side;
  double           entry_price;
} TsMaxwellStrategy;

void
ts_maxwell_params_init_default (TsMaxwellParams *params)
{
  g_return_if_fail (params != NULL);

  /* STRATEGIES.md section 1 */
  params->ma_period = 44;
  params->scale = 44.0;
  params->scale_mode = TS_MAXWELL_SCALE_FIXED;
  params->buy_threshold = 0.1;
  params->exit_threshold = 0.9;
  params->stop_loss_pct = 50.0;
  params->position_pct = 10.0;
  params->bar_seconds = 0.0;
}

static void
build (TsMaxwellStrategy *self)
{
  g_clear_pointer (&self->sma, ts_sma_free);
  g_clear_pointer (&self->sq, ts_sma_free);
  g_clear_pointer (&self->bars, ts_bar_aggregator_free);
  self->sma = ts_sma_new (MAX (self->params.ma_period, 2));
  self->sq = ts_sma_new (MAX (self->params.ma_period, 2));
  if (self->params.bar_seconds > 0.0)
    self->bars = ts_bar_aggregator_new (self->params.bar_seconds);
  self->x = self->a = self->f = NAN;
}

static void
observe (TsMaxwellStrategy *self,
         double             p)
{
  double sma = ts_sma_push (self->sma, p);

  self->fresh = TRUE;
  if (isnan (sma))
    return;
  self->x = p - sma;
  ts_sma_push (self->sq, self->x * self->x);
  if (self->params.scale_mode == TS_MAXWELL_SCALE_FIT)
    {
      /* a = sqrt(sum(x^2) / (3n)) over the last ma_period deviations */
      double mean_sq = ts_sma_get_value (self->sq);

      self->a = isnan (mean_sq) ? NAN : sqrt (mean_sq / 3.0);
    }
  else
    self->a = self->params.scale;
  self->f = ts_maxwell_cdf (self->x, self->a);
}

static guint
maxwell_on_tick (TsStrategy              *strategy,
                 const TsStrategyContext *ctx,
                 const TsTick            *tick,
                 guint                    symbol,
                 TsOrderIntent           *intents)
{
  TsMaxwellStrategy *self = (TsMaxwellStrategy *) strategy;
  double price;

  (void) symbol;
  if (!(tick->flags & TS_TICK_TRADE))
    return 0;
  price = tick->price;

  self->fresh = FALSE;
  if (self->bars == NULL)
    observe (self, price);
  else
    {
      guint64 n = ts_bar_aggregator_push_trade (self->bars, tick->time_us, price, tick->size);
      guint64 i, from;
      TsBar bar;

      /* empty bars carry the last close; more than ma_period of them
       * leave the same state as ma_period */
      from = n > 2u * self->params.ma_period ? n - 2u * self->params.ma_period : 0;
      for (i = from; i < n; i++)
        if (ts_bar_aggregator_get_closed (self->bars, i, &bar))
          observe (self, bar.close);
    }

  if (self->side == TS_SIDE_BUY)
    {
      if (price <= self->entry_price * (1.0 - self->params.stop_loss_pct / 100.0))
        {
          ts_strategy_intent_close (&intents[0], "SL");
          return 1;
        }
      if (self->fresh && self->f > self->params.exit_threshold)
        {
          ts_strategy_intent_close (&intents[0], "EXIT");
          return 1;
        }
      return 0;
    }

  if (self->fresh && self->f < self->params.buy_threshold && ctx->equity > 0.0)
    {
      double size = self->params.position_pct / 100.0 * ctx->equity / price;

      if (size > 0.0)
        {
          ts_strategy_intent_open (&intents[0], TS_SIDE_BUY, size);
          return 1;
        }
    }
  return 0;
}

static void
maxwell_on_fill (TsStrategy   *strategy,
                 const TsFill *fill,
                 guint         symbol)
{
  TsMaxwellStrategy *self = (TsMaxwellStrategy *) strategy;

  (void) symbol;
  if (fill->opens)
    {
      self->side = fill->side;
      self->entry_price = fill->price;
    }
  else
    {
      self->side = TS_SIDE_NONE;
      self->entry_price = 0.0;
    }
}

static void
maxwell_reset (TsStrategy *strategy)
{
  TsMaxwellStrategy *self = (TsMaxwellStrategy *) strategy;

  build (self);
  self->side = TS_SIDE_NONE;
  self->entry_price = 0.0;
}

static gboolean
maxwell_set_params (TsStrategy    *strategy,
                    gconstpointer  params,
                    gsize          size)
{
  TsMaxwellStrategy *self = (TsMaxwellStrategy *) strategy;
  const TsMaxwellParams *p = params;
  gboolean rebuild;

  if (size != sizeof (TsMaxwellParams) || p->ma_period < 2 || p->bar_seconds < 0.0 ||
      (p->scale_mode == TS_MAXWELL_SCALE_FIXED && !(p->scale > 0.0)))
    return FALSE;
  rebuild = p->ma_period != self->params.ma_period || p->bar_seconds != self->params.bar_seconds;
  self->params = *p;
  /* a new window or bar length starts the averages again */
  if (rebuild)
    build (self);
  return TRUE;
}

/* the x > 0 with F(x; a) = f, by bisection (overlay only) */
static double
cdf_inverse (double f,
             double a)
{
  double lo = 0.0, hi = 20.0 * a;

  if (!(f > 0.0 && f < 1.0) || !(a > 0.0))
    return NAN;
  for (guint i = 0; i < 80; i++)
    {
      double mid = 0.5 * (lo + hi);

      if (ts_maxwell_cdf (mid, a) < f)
        lo = mid;
      else
        hi = mid;
    }
  return 0.5 * (lo + hi);
}

static guint
maxwell_get_overlay (const TsStrategy *strategy,
                     TsOverlayValue   *values,
                     guint             max)
{
  const TsMaxwellStrategy *self = (const TsMaxwellStrategy *) strategy;
  double sma = ts_sma_get_value (self->sma);
  TsOverlayValue all[] = {
    { "sma", sma },
    { "deviation", self->x },
    { "scale", self->a },
    { "cdf", self->f },
    { "buy_level", sma + cdf_inverse (self->params.buy_threshold, self->a) },
    { "exit_level", sma + cdf_inverse (self->params.exit_threshold, self->a) },
    { "stop", self->side != TS_SIDE_NONE
                ? self->entry_price * (1.0 - self->params.stop_loss_pct / 100.0) : NAN },
  };
  guint n = MIN (max, G_N_ELEMENTS (all));

  for (guint i = 0; i < n; i++)
    values[i] = all[i];
  return n;
}

static void
maxwell_finalize (TsStrategy *strategy)
{
  TsMaxwellStrategy *self = (TsMaxwellStrategy *) strategy;

  ts_sma_free (self->sma);
  ts_sma_free (self->sq);
  g_clear_pointer (&self->bars, ts_bar_aggregator_free);
  g_free (self);
}

static const TsStrategyClass maxwell_class = {
  "maxwell",
  maxwell_on_tick,
  maxwell_on_fill,
  maxwell_reset,
  maxwell_set_params,
  maxwell_get_overlay,
  maxwell_finalize,
  NULL,   /* dup_state: the stop is measured from the entry fill */
  NULL,   /* restore_state */
};

TsStrategy *
ts_maxwell_strategy_new (const TsMaxwellParams *params)
{
  TsMaxwellStrategy *self = g_new0 (TsMaxwellStrategy, 1);

  if (params == NULL)
    ts_maxwell_params_init_default (&self->params);
  else
    self->params = *params;
  if (self->params.ma_period < 2)
    self->params.ma_period = 2;
  ts_strategy_init (&self->parent, &maxwell_class, 1);
  build (self);
  self->side = TS_SIDE_NONE;
  return &self->parent;
}
