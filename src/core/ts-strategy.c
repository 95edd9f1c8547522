/* ts-strategy.c: the interface every strategy implements
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-strategy.h"

#include <math.h>
#include <string.h>

#define MAX_OVERLAY 32

void
ts_strategy_init (TsStrategy            *self,
                  const TsStrategyClass *klass,
                  guint                  n_symbols)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (klass != NULL);
  g_return_if_fail (n_symbols >= 1 && n_symbols <= TS_STRATEGY_MAX_SYMBOLS);

  self->klass = klass;
  self->n_symbols = n_symbols;
  memset (self->symbols, 0, sizeof self->symbols);
}

void
ts_strategy_free (TsStrategy *self)
{
  if (self == NULL)
    return;
  self->klass->finalize (self);
}

const char *
ts_strategy_get_name (const TsStrategy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->klass->name;
}

guint
ts_strategy_get_n_symbols (const TsStrategy *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_symbols;
}

const char *
ts_strategy_get_symbol (const TsStrategy *self,
                        guint             i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < TS_STRATEGY_MAX_SYMBOLS, NULL);
  return self->symbols[i];
}

void
ts_strategy_set_symbol (TsStrategy *self,
                        guint       i,
                        const char *symbol)
{
  gsize n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (i < TS_STRATEGY_MAX_SYMBOLS);

  memset (self->symbols[i], 0, TS_SYMBOL_MAX);
  if (symbol == NULL)
    return;
  n = strlen (symbol);
  if (n > TS_SYMBOL_MAX - 1)
    n = TS_SYMBOL_MAX - 1;
  memcpy (self->symbols[i], symbol, n);
}

guint
ts_strategy_on_tick (TsStrategy              *self,
                     const TsStrategyContext *ctx,
                     const TsTick            *tick,
                     guint                    symbol,
                     TsOrderIntent           *intents)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (ctx != NULL && tick != NULL && intents != NULL, 0);
  return self->klass->on_tick (self, ctx, tick, symbol, intents);
}

void
ts_strategy_on_fill (TsStrategy   *self,
                     const TsFill *fill,
                     guint         symbol)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fill != NULL);
  self->klass->on_fill (self, fill, symbol);
}

void
ts_strategy_reset (TsStrategy *self)
{
  g_return_if_fail (self != NULL);
  self->klass->reset (self);
}

gboolean
ts_strategy_set_params (TsStrategy    *self,
                        gconstpointer  params,
                        gsize          size)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  return self->klass->set_params (self, params, size);
}

guint
ts_strategy_get_overlay (const TsStrategy *self,
                         TsOverlayValue   *values,
                         guint             max)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (values != NULL || max == 0, 0);
  if (self->klass->get_overlay == NULL)
    return 0;
  return self->klass->get_overlay (self, values, max);
}

double
ts_strategy_get_overlay_value (const TsStrategy *self,
                               const char       *name)
{
  TsOverlayValue values[MAX_OVERLAY];
  guint n, i;

  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (name != NULL, NAN);

  n = ts_strategy_get_overlay (self, values, MAX_OVERLAY);
  for (i = 0; i < n; i++)
    if (strcmp (values[i].name, name) == 0)
      return values[i].value;
  return NAN;
}

void
ts_strategy_intent_open (TsOrderIntent *intent,
                         TsSide         side,
                         double         size)
{
  intent->action = side == TS_SIDE_BUY ? TS_INTENT_OPEN_LONG : TS_INTENT_OPEN_SHORT;
  intent->reason = side == TS_SIDE_BUY ? "LONG" : "SHORT";
  intent->n_legs = 1;
  intent->legs[0].symbol = 0;
  intent->legs[0].side = side;
  intent->legs[0].size = size;
}

void
ts_strategy_intent_close (TsOrderIntent *intent,
                          const char    *reason)
{
  intent->action = TS_INTENT_CLOSE;
  intent->reason = reason;
  intent->n_legs = 0;
}
