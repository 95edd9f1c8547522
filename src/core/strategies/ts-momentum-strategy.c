/* ts-momentum-strategy.c: the momentum-burst strategy behind TsStrategy
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-momentum-strategy.h"

#include "core/ts-momentum-private.h"

typedef struct
{
  TsStrategy  parent;
  TsMomentum *momentum;
  gboolean    resume;   /* a restored position: restart the FLAT candles */
} TsMomentumStrategy;

static const TsStrategyClass momentum_class;

static guint
momentum_on_tick (TsStrategy              *strategy,
                  const TsStrategyContext *ctx,
                  const TsTick            *tick,
                  guint                    symbol,
                  TsOrderIntent           *intents)
{
  TsMomentumStrategy *self = (TsMomentumStrategy *) strategy;
  TsMomentum *m = self->momentum;
  gboolean is_trade = (tick->flags & TS_TICK_TRADE) != 0;
  const char *reason;
  TsSide signal;

  (void) ctx;
  (void) symbol;

  if (G_UNLIKELY (self->resume))
    {
      self->resume = FALSE;
      if (m->side != TS_SIDE_NONE)
        ts_momentum_resume_candles (m, tick->time_us);
    }

  /* the order of the engine of ts_engine_new(): push, exits, entries */
  if (is_trade)
    _ts_momentum_push_trade (m, tick->time_us, tick->price, tick->size);

  reason = _ts_momentum_check_exit (m, tick->time_us);
  if (reason != NULL)
    {
      ts_strategy_intent_close (&intents[0], reason);
      return 1;
    }
  if (!is_trade)
    return 0;

  signal = _ts_momentum_check_entry (m);
  if (signal == TS_SIDE_NONE)
    return 0;
  ts_strategy_intent_open (&intents[0], signal, m->params.position_size);
  return 1;
}

static void
momentum_on_fill (TsStrategy   *strategy,
                  const TsFill *fill,
                  guint         symbol)
{
  TsMomentumStrategy *self = (TsMomentumStrategy *) strategy;

  (void) symbol;
  if (fill->opens)
    ts_momentum_on_open (self->momentum, fill->side, fill->price, fill->time_us);
  else
    ts_momentum_on_close (self->momentum);
}

/* no state: SL, TP and TIME are measured from the entry fill; the FLAT
 * candles start again at the first tick after the restart */
static gboolean
momentum_restore_state (TsStrategy  *strategy,
                        const char  *state,
                        GError     **error)
{
  TsMomentumStrategy *self = (TsMomentumStrategy *) strategy;

  if (state != NULL)
    {
      g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                   "The momentum strategy keeps no position state, but got \"%s\"", state);
      return FALSE;
    }
  self->resume = TRUE;
  return TRUE;
}

static void
momentum_reset (TsStrategy *strategy)
{
  TsMomentumStrategy *self = (TsMomentumStrategy *) strategy;
  TsMomentumParams p = self->momentum->params;

  ts_momentum_free (self->momentum);
  self->momentum = ts_momentum_new (&p);
  self->resume = FALSE;
}

static gboolean
momentum_set_params (TsStrategy    *strategy,
                     gconstpointer  params,
                     gsize          size)
{
  TsMomentumStrategy *self = (TsMomentumStrategy *) strategy;

  if (size != sizeof (TsMomentumParams))
    return FALSE;
  ts_momentum_set_params (self->momentum, params);
  return TRUE;
}

static guint
momentum_get_overlay (const TsStrategy *strategy,
                      TsOverlayValue   *values,
                      guint             max)
{
  const TsMomentumStrategy *self = (const TsMomentumStrategy *) strategy;
  const TsRollingWindow *w = ts_momentum_get_window (self->momentum);
  TsOverlayValue all[] = {
    { "momentum", ts_momentum_get_momentum (self->momentum) },
    { "window_first", ts_rolling_window_get_first_price (w) },
    { "window_last", ts_rolling_window_get_last_price (w) },
  };
  guint n = MIN (max, G_N_ELEMENTS (all));

  for (guint i = 0; i < n; i++)
    values[i] = all[i];
  return n;
}

static void
momentum_finalize (TsStrategy *strategy)
{
  TsMomentumStrategy *self = (TsMomentumStrategy *) strategy;

  ts_momentum_free (self->momentum);
  g_free (self);
}

static const TsStrategyClass momentum_class = {
  "momentum",
  momentum_on_tick,
  momentum_on_fill,
  momentum_reset,
  momentum_set_params,
  momentum_get_overlay,
  momentum_finalize,
  NULL,   /* dup_state: SL, TP and TIME are measured from the entry fill */
  momentum_restore_state,
};

TsStrategy *
ts_momentum_strategy_new (const TsMomentumParams *params)
{
  TsMomentumStrategy *self = g_new0 (TsMomentumStrategy, 1);
  TsMomentumParams p;

  if (params == NULL)
    ts_momentum_params_init_default (&p);
  else
    p = *params;
  ts_strategy_init (&self->parent, &momentum_class, 1);
  self->momentum = ts_momentum_new (&p);
  return &self->parent;
}

TsMomentum *
ts_momentum_strategy_get_momentum (TsStrategy *self)
{
  g_return_val_if_fail (self != NULL && self->klass == &momentum_class, NULL);
  return ((TsMomentumStrategy *) self)->momentum;
}
