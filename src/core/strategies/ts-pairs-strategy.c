/* ts-pairs-strategy.c: pairs mean reversion (STRATEGIES.md section 4)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-pairs-strategy.h"

#include <math.h>
#include <string.h>

#include "core/indicators/ts-adf.h"
#include "core/indicators/ts-ols.h"

typedef struct
{
  TsStrategy     parent;
  TsPairsParams  params;
  TsOls         *ols;
  TsAdf         *adf;
  double        *ring_a;     /* the last lookback closes */
  double        *ring_b;
  guint          ring_next;
  guint          ring_count;

  gint64         bar_us;
  gboolean       have_bar;
  gint64         bar;        /* index of the open bar */
  double         last[2];    /* last trade price of A, B */

  gboolean       fitted;
  guint          since_fit;
  double         alpha, beta, adf_t, half_life;
  gboolean       tradable;

  double         spread, mean, sd, z;
  gboolean       blocked;    /* after a STOP, until |z| < entry_z */

  TsSide         side;       /* leg A's side */
  double         entry_beta;
  double         entry_alpha;
  double         pending_beta;
  double         pending_alpha;
  gboolean       restored;   /* the position was restored: z with entry_beta
                              * before the first fit */
} TsPairsStrategy;

static const char * const state_keys[] = { "beta", "alpha" };

void
ts_pairs_params_init_default (TsPairsParams *params)
{
  g_return_if_fail (params != NULL);

  /* STRATEGIES.md section 4 */
  memset (params, 0, sizeof *params);
  g_strlcpy (params->symbol_a, "MOCK-BTC", sizeof params->symbol_a);
  g_strlcpy (params->symbol_b, "MOCK-ETH", sizeof params->symbol_b);
  params->bar_seconds = 1.0;
  params->formation_bars = 300;
  params->recalc_bars = 150;
  params->lookback = 60;
  params->entry_z = 1.0;
  params->exit_z = 0.5;
  params->stop_z = 3.5;
  params->risk_per_trade = 2.0;
  params->max_positions = 5;
  params->max_half_life = 0.0;
  params->adf_critical = TS_ADF_EG2_CRITICAL_5;
  /* ours */
  params->max_leverage = 1.0;
}

static gboolean
params_valid (const TsPairsParams *p)
{
  return p->bar_seconds > 0.0 && p->formation_bars >= 10 && p->recalc_bars >= 1 &&
         p->lookback >= 2 && p->lookback <= p->formation_bars && p->entry_z > 0.0 &&
         p->exit_z >= 0.0 && p->stop_z > p->entry_z && p->max_positions >= 1;
}

static void
clear_state (TsPairsStrategy *self)
{
  ts_ols_reset (self->ols);
  self->ring_next = self->ring_count = 0;
  self->have_bar = FALSE;
  self->last[0] = self->last[1] = 0.0;
  self->fitted = FALSE;
  self->since_fit = 0;
  self->alpha = self->beta = self->adf_t = self->half_life = NAN;
  self->tradable = FALSE;
  self->spread = self->mean = self->sd = self->z = NAN;
  self->blocked = FALSE;
}

static void
build (TsPairsStrategy *self)
{
  double us = self->params.bar_seconds * 1e6;

  g_clear_pointer (&self->ols, ts_ols_free);
  g_clear_pointer (&self->adf, ts_adf_free);
  g_free (self->ring_a);
  g_free (self->ring_b);
  self->ols = ts_ols_new (self->params.formation_bars);
  self->adf = ts_adf_new (self->params.formation_bars);
  self->ring_a = g_new0 (double, self->params.lookback);
  self->ring_b = g_new0 (double, self->params.lookback);
  self->bar_us = MAX ((gint64) llround (MIN (us, 1e15)), 1);
  clear_state (self);
}

static void
refit (TsPairsStrategy *self)
{
  TsOlsFit fit;
  TsAdfResult adf;
  const double *resid;
  guint n;
  double max_hl = self->params.max_half_life > 0.0 ? self->params.max_half_life
                                                   : (double) self->params.lookback;

  self->since_fit = 0;
  self->fitted = FALSE;
  self->tradable = FALSE;
  if (!ts_ols_fit (self->ols, &fit))
    return;
  self->fitted = TRUE;
  self->alpha = fit.alpha;
  self->beta = fit.beta;
  resid = ts_ols_get_residuals (self->ols, &n);
  if (!ts_adf_test (self->adf, resid, n, &adf))
    {
      self->adf_t = self->half_life = NAN;
      return;
    }
  self->adf_t = adf.t_stat;
  self->half_life = adf.half_life;
  self->tradable = adf.t_stat < self->params.adf_critical && adf.half_life < max_hl &&
                   fit.beta > 0.0;
}

/* z of the newest bar over the last lookback bars, spread A - beta B */
static void
compute_z (TsPairsStrategy *self)
{
  guint n = self->ring_count, i;
  guint newest = (self->ring_next + self->params.lookback - 1) % self->params.lookback;
  double beta = self->side != TS_SIDE_NONE ? self->entry_beta : self->beta;
  double mean = 0.0, m2 = 0.0;

  self->z = NAN;
  if ((!self->fitted && !(self->restored && self->side != TS_SIDE_NONE)) ||
      n < self->params.lookback)
    return;
  for (i = 0; i < n; i++)
    mean += self->ring_a[i] - beta * self->ring_b[i];
  mean /= (double) n;
  for (i = 0; i < n; i++)
    {
      double d = self->ring_a[i] - beta * self->ring_b[i] - mean;
      m2 += d * d;
    }
  self->spread = self->ring_a[newest] - beta * self->ring_b[newest];
  self->mean = mean;
  self->sd = sqrt (m2 / (double) (n - 1));
  if (self->sd > 0.0)
    self->z = (self->spread - mean) / self->sd;
}

static void
on_bar (TsPairsStrategy *self,
        double           a,
        double           b)
{
  ts_ols_push (self->ols, a, b);
  self->ring_a[self->ring_next] = a;
  self->ring_b[self->ring_next] = b;
  self->ring_next = (self->ring_next + 1) % self->params.lookback;
  if (self->ring_count < self->params.lookback)
    self->ring_count++;

  self->since_fit++;
  if (ts_ols_get_count (self->ols) >= self->params.formation_bars &&
      (!self->fitted || self->since_fit >= self->params.recalc_bars))
    refit (self);
}

static guint
pairs_on_tick (TsStrategy              *strategy,
               const TsStrategyContext *ctx,
               const TsTick            *tick,
               guint                    symbol,
               TsOrderIntent           *intents)
{
  TsPairsStrategy *self = (TsPairsStrategy *) strategy;
  const TsPairsParams *p = &self->params;
  gint64 bar;
  gboolean closed = FALSE;
  double az;

  if (!(tick->flags & TS_TICK_TRADE) || symbol > 1)
    return 0;

  bar = tick->time_us / self->bar_us - (tick->time_us % self->bar_us < 0 ? 1 : 0);
  if (!self->have_bar)
    {
      self->have_bar = TRUE;
      self->bar = bar;
    }
  else if (bar > self->bar)
    {
      gint64 k = bar - self->bar;
      gint64 cap = (gint64) p->formation_bars + p->lookback;

      if (self->last[0] > 0.0 && self->last[1] > 0.0)
        {
          /* a gap's empty bars beyond the formation window change nothing more */
          for (gint64 i = 0; i < MIN (k, cap); i++)
            on_bar (self, self->last[0], self->last[1]);
          closed = TRUE;
        }
      self->bar = bar;
    }
  self->last[symbol] = tick->price;

  if (!closed)
    return 0;
  compute_z (self);
  if (isnan (self->z))
    return 0;
  az = fabs (self->z);

  /* in this order: STOP, EXIT, entry (STRATEGIES.md section 4) */
  if (self->side != TS_SIDE_NONE)
    {
      if (az >= p->stop_z)
        {
          self->blocked = TRUE;
          ts_strategy_intent_close (&intents[0], "STOP");
          return 1;
        }
      if (az <= p->exit_z)
        {
          ts_strategy_intent_close (&intents[0], "EXIT");
          return 1;
        }
      return 0;
    }

  if (self->blocked && az < p->entry_z)
    self->blocked = FALSE;
  if (self->blocked || !self->tradable || ctx->open_same_kind >= p->max_positions)
    return 0;
  if (az >= p->entry_z && az < p->stop_z && ctx->equity > 0.0)
    {
      double q = p->risk_per_trade / 100.0 * ctx->equity / ((p->stop_z - az) * self->sd);
      TsOrderIntent *in = &intents[0];
      TsSide side_a = self->z > 0.0 ? TS_SIDE_SELL : TS_SIDE_BUY;

      double gross = self->last[0] + self->beta * self->last[1];

      if (p->max_leverage > 0.0 && q * gross > p->max_leverage * ctx->equity)
        q = p->max_leverage * ctx->equity / gross;
      if (!(q > 0.0) || !isfinite (q))
        return 0;
      in->action = side_a == TS_SIDE_BUY ? TS_INTENT_OPEN_LONG : TS_INTENT_OPEN_SHORT;
      in->reason = side_a == TS_SIDE_BUY ? "LONG" : "SHORT";
      in->n_legs = 2;
      in->legs[0].symbol = 0;
      in->legs[0].side = side_a;
      in->legs[0].size = q;
      in->legs[1].symbol = 1;
      in->legs[1].side = side_a == TS_SIDE_BUY ? TS_SIDE_SELL : TS_SIDE_BUY;
      in->legs[1].size = self->beta * q;
      self->pending_beta = self->beta;
      self->pending_alpha = self->alpha;
      return 1;
    }
  return 0;
}

static void
pairs_on_fill (TsStrategy   *strategy,
               const TsFill *fill,
               guint         symbol)
{
  TsPairsStrategy *self = (TsPairsStrategy *) strategy;

  if (symbol != 0)
    return;
  if (fill->opens)
    {
      self->side = fill->side;
      self->entry_beta = self->pending_beta;
      self->entry_alpha = self->pending_alpha;
    }
  else
    {
      self->side = TS_SIDE_NONE;
      self->restored = FALSE;
    }
}

static char *
pairs_dup_state (const TsStrategy *strategy)
{
  const TsPairsStrategy *self = (const TsPairsStrategy *) strategy;
  double values[] = { self->entry_beta, self->entry_alpha };

  if (self->side == TS_SIDE_NONE)
    return NULL;
  return ts_strategy_format_state (state_keys, values, G_N_ELEMENTS (values));
}

/* called with the last leg (B), after leg A's on_fill: the entry's hedge
 * ratio replaces whatever leg A's fill took */
static gboolean
pairs_restore_state (TsStrategy  *strategy,
                     const char  *state,
                     GError     **error)
{
  TsPairsStrategy *self = (TsPairsStrategy *) strategy;
  double values[G_N_ELEMENTS (state_keys)];

  if (!ts_strategy_parse_state (state, "pairs", state_keys, values,
                                G_N_ELEMENTS (state_keys), error))
    return FALSE;
  if (!(values[0] > 0.0))
    {
      g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                   "Position state \"%s\" of the pairs strategy: the hedge ratio beta "
                   "must be > 0", state);
      return FALSE;
    }
  self->entry_beta = self->pending_beta = values[0];
  self->entry_alpha = self->pending_alpha = values[1];
  self->restored = TRUE;
  if (!self->fitted)
    {
      /* the overlay shows the entry's fit until the first refit */
      self->beta = values[0];
      self->alpha = values[1];
    }
  return TRUE;
}

static void
pairs_reset (TsStrategy *strategy)
{
  TsPairsStrategy *self = (TsPairsStrategy *) strategy;

  clear_state (self);
  self->side = TS_SIDE_NONE;
  self->restored = FALSE;
}

static gboolean
pairs_set_params (TsStrategy    *strategy,
                  gconstpointer  params,
                  gsize          size)
{
  TsPairsStrategy *self = (TsPairsStrategy *) strategy;
  const TsPairsParams *p = params;
  gboolean rebuild;

  if (size != sizeof (TsPairsParams) || !params_valid (p))
    return FALSE;
  rebuild = p->bar_seconds != self->params.bar_seconds ||
            p->formation_bars != self->params.formation_bars ||
            p->lookback != self->params.lookback;
  /* the symbols are the engine's once added: only the thresholds change */
  memcpy (self->params.symbol_a, self->parent.symbols[0], TS_SYMBOL_MAX);
  memcpy (self->params.symbol_b, self->parent.symbols[1], TS_SYMBOL_MAX);
  {
    char a[TS_SYMBOL_MAX], b[TS_SYMBOL_MAX];

    memcpy (a, self->params.symbol_a, sizeof a);
    memcpy (b, self->params.symbol_b, sizeof b);
    self->params = *p;
    memcpy (self->params.symbol_a, a, sizeof a);
    memcpy (self->params.symbol_b, b, sizeof b);
  }
  if (rebuild)
    build (self);
  return TRUE;
}

static guint
pairs_get_overlay (const TsStrategy *strategy,
                   TsOverlayValue   *values,
                   guint             max)
{
  const TsPairsStrategy *self = (const TsPairsStrategy *) strategy;
  const TsPairsParams *p = &self->params;
  TsOverlayValue all[] = {
    { "spread", self->spread },
    { "mean", self->mean },
    { "z", self->z },
    { "upper_entry", self->mean + p->entry_z * self->sd },
    { "lower_entry", self->mean - p->entry_z * self->sd },
    { "upper_exit", self->mean + p->exit_z * self->sd },
    { "lower_exit", self->mean - p->exit_z * self->sd },
    { "upper_stop", self->mean + p->stop_z * self->sd },
    { "lower_stop", self->mean - p->stop_z * self->sd },
    { "beta", self->beta },
    { "alpha", self->alpha },
    { "adf_t", self->adf_t },
    { "half_life", self->half_life },
    { "tradable", self->tradable ? 1.0 : 0.0 },
  };
  guint n = MIN (max, G_N_ELEMENTS (all));

  for (guint i = 0; i < n; i++)
    values[i] = all[i];
  return n;
}

static void
pairs_finalize (TsStrategy *strategy)
{
  TsPairsStrategy *self = (TsPairsStrategy *) strategy;

  ts_ols_free (self->ols);
  ts_adf_free (self->adf);
  g_free (self->ring_a);
  g_free (self->ring_b);
  g_free (self);
}

static const TsStrategyClass pairs_class = {
  "pairs",
  pairs_on_tick,
  pairs_on_fill,
  pairs_reset,
  pairs_set_params,
  pairs_get_overlay,
  pairs_finalize,
  pairs_dup_state,
  pairs_restore_state,
};

TsStrategy *
ts_pairs_strategy_new (const TsPairsParams *params)
{
  TsPairsStrategy *self = g_new0 (TsPairsStrategy, 1);

  ts_pairs_params_init_default (&self->params);
  if (params != NULL && params_valid (params))
    self->params = *params;
  self->params.symbol_a[TS_SYMBOL_MAX - 1] = '\0';
  self->params.symbol_b[TS_SYMBOL_MAX - 1] = '\0';
  ts_strategy_init (&self->parent, &pairs_class, 2);
  ts_strategy_set_symbol (&self->parent, 0, self->params.symbol_a);
  ts_strategy_set_symbol (&self->parent, 1, self->params.symbol_b);
  build (self);
  self->side = TS_SIDE_NONE;
  /* no entry's fit yet (a lone restored leg A keeps NaN: no z) */
  self->entry_beta = self->entry_alpha = NAN;
  self->pending_beta = self->pending_alpha = NAN;
  return &self->parent;
}
