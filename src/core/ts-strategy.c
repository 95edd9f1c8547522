/* ts-strategy.c: the interface every strategy implements
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-strategy.h"

#include <math.h>
#include <string.h>

#define MAX_OVERLAY 32
#define MAX_STATE_KEYS 16

G_DEFINE_QUARK (ts-strategy-error-quark, ts_strategy_error)

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

char *
ts_strategy_dup_state (const TsStrategy *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->klass->dup_state == NULL)
    return NULL;
  return self->klass->dup_state (self);
}

gboolean
ts_strategy_restore_state (TsStrategy  *self,
                           const char  *state,
                           GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->klass->restore_state != NULL)
    return self->klass->restore_state (self, state, error);
  if (state != NULL)
    {
      g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                   "The %s strategy keeps no position state, but got \"%s\"",
                   self->klass->name, state);
      return FALSE;
    }
  return TRUE;
}

char *
ts_strategy_format_state (const char * const *keys,
                          const double       *values,
                          guint               n)
{
  GString *s;

  g_return_val_if_fail (keys != NULL && values != NULL && n >= 1, NULL);

  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      if (i > 0)
        g_string_append_c (s, ';');
      g_string_append_printf (s, "%s=%s", keys[i],
                              g_ascii_dtostr (buf, sizeof buf, values[i]));
    }
  return g_string_free (s, FALSE);
}

gboolean
ts_strategy_parse_state (const char         *state,
                         const char         *name,
                         const char * const *keys,
                         double             *values,
                         guint               n,
                         GError            **error)
{
  double found[MAX_STATE_KEYS];
  gboolean seen[MAX_STATE_KEYS] = { FALSE };
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (keys != NULL && values != NULL, FALSE);
  g_return_val_if_fail (n >= 1 && n <= MAX_STATE_KEYS, FALSE);

  if (state == NULL || state[0] == '\0')
    {
      g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                   "The %s strategy needs its position state (%s=...) to restore a position",
                   name, keys[0]);
      return FALSE;
    }

  parts = g_strsplit (state, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *eq = strchr (parts[i], '=');
      const char *text;
      char *end = NULL;
      double v;
      guint k;

      if (eq == NULL)
        {
          g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                       "Position state \"%s\" of the %s strategy: \"%s\" is not key=value",
                       state, name, parts[i]);
          return FALSE;
        }
      for (k = 0; k < n; k++)
        if (strlen (keys[k]) == (gsize) (eq - parts[i]) &&
            strncmp (keys[k], parts[i], (gsize) (eq - parts[i])) == 0)
          break;
      if (k == n || seen[k])
        {
          g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                       "Position state \"%s\" of the %s strategy: key \"%.*s\" %s",
                       state, name, (int) (eq - parts[i]), parts[i],
                       k == n ? "is not one it writes" : "is repeated");
          return FALSE;
        }
      text = eq + 1;
      v = g_ascii_strtod (text, &end);
      if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite (v))
        {
          g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                       "Position state \"%s\" of the %s strategy: \"%s\" of %s is not a finite number",
                       state, name, text, keys[k]);
          return FALSE;
        }
      seen[k] = TRUE;
      found[k] = v;
    }
  for (guint k = 0; k < n; k++)
    if (!seen[k])
      {
        g_set_error (error, TS_STRATEGY_ERROR, TS_STRATEGY_ERROR_BAD_STATE,
                     "Position state \"%s\" of the %s strategy lacks %s",
                     state, name, keys[k]);
        return FALSE;
      }
  memcpy (values, found, n * sizeof (double));
  return TRUE;
}
