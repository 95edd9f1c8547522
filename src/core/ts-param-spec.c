/* ts-param-spec.c: a described, range-checked parameter of a strategy,
 * the risk manager or the paper broker
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-param-spec.h"

#include <glib/gi18n.h>

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "ts-broker-params.h"
#include "ts-risk-params.h"

G_DEFINE_QUARK (ts-param-error-quark, ts_param_error)

/* ---- one parameter -------------------------------------------------- */

double
ts_param_spec_get_value (const TsParamSpec *spec,
                         gconstpointer      params)
{
  const char *field;

  g_return_val_if_fail (spec != NULL, NAN);
  g_return_val_if_fail (params != NULL, NAN);

  field = (const char *) params + spec->offset;
  switch (spec->type)
    {
    case TS_PARAM_DOUBLE:
      {
        double v;

        memcpy (&v, field, sizeof v);
        return v;
      }
    case TS_PARAM_UINT:
      {
        guint v;

        memcpy (&v, field, sizeof v);
        return (double) v;
      }
    case TS_PARAM_BOOLEAN:
      {
        gboolean v;

        memcpy (&v, field, sizeof v);
        return v ? 1.0 : 0.0;
      }
    case TS_PARAM_CHOICE:
      {
        int v;

        memcpy (&v, field, sizeof v);
        return (double) v;
      }
    default:
      g_return_val_if_reached (NAN);
    }
}

static guint
n_choices (const TsParamSpec *spec)
{
  guint n = 0;

  if (spec->choices != NULL)
    while (spec->choices[n] != NULL)
      n++;
  return n;
}

/* the valid values, for messages */
static char *
describe_range (const TsParamSpec *spec)
{
  switch (spec->type)
    {
    case TS_PARAM_BOOLEAN:
      return g_strdup ("true or false");
    case TS_PARAM_CHOICE:
      {
        g_autofree char *list = g_strjoinv (", ", (char **) spec->choices);

        return g_strdup_printf ("one of %s", list);
      }
    case TS_PARAM_UINT:
      return g_strdup_printf ("a whole number from %.17g to %.17g", spec->min, spec->max);
    case TS_PARAM_DOUBLE:
    default:
      return g_strdup_printf ("a number from %.17g to %.17g", spec->min, spec->max);
    }
}

/* checks @value; on failure sets @error naming @text (or the value) */
static gboolean
check_value (const TsParamSpec *spec,
             double             value,
             const char        *text,
             GError           **error)
{
  g_autofree char *range = describe_range (spec);
  g_autofree char *shown = text != NULL ? g_strdup (text) : g_strdup_printf ("%.17g", value);

  if (!isfinite (value))
    {
      g_set_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE,
                   "%s: “%s” is not a finite number; valid: %s", spec->key, shown, range);
      return FALSE;
    }
  if (spec->type != TS_PARAM_DOUBLE && value != floor (value))
    {
      g_set_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE,
                   "%s: “%s” is not a whole number; valid: %s", spec->key, shown, range);
      return FALSE;
    }
  if (spec->type == TS_PARAM_CHOICE)
    {
      if (value < 0.0 || value >= (double) n_choices (spec))
        {
          g_set_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_OUT_OF_RANGE,
                       "%s: “%s” is not a choice; valid: %s", spec->key, shown, range);
          return FALSE;
        }
      return TRUE;
    }
  if (spec->type == TS_PARAM_BOOLEAN)
    {
      if (value != 0.0 && value != 1.0)
        {
          g_set_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_OUT_OF_RANGE,
                       "%s: “%s” is not 0 or 1; valid: %s", spec->key, shown, range);
          return FALSE;
        }
      return TRUE;
    }
  if (value < spec->min || value > spec->max)
    {
      g_set_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_OUT_OF_RANGE,
                   "%s: “%s” is out of range; valid: %s", spec->key, shown, range);
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_param_spec_set_value (const TsParamSpec *spec,
                         gpointer           params,
                         double             value,
                         GError           **error)
{
  char *field;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (params != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_value (spec, value, NULL, error))
    return FALSE;

  field = (char *) params + spec->offset;
  switch (spec->type)
    {
    case TS_PARAM_DOUBLE:
      memcpy (field, &value, sizeof value);
      break;
    case TS_PARAM_UINT:
      {
        guint v = (guint) value;

        memcpy (field, &v, sizeof v);
      }
      break;
    case TS_PARAM_BOOLEAN:
      {
        gboolean v = value != 0.0;

        memcpy (field, &v, sizeof v);
      }
      break;
    case TS_PARAM_CHOICE:
      {
        int v = (int) value;

        memcpy (field, &v, sizeof v);
      }
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  return TRUE;
}

gboolean
ts_param_spec_parse (const TsParamSpec *spec,
                     const char        *text,
                     double            *value,
                     GError           **error)
{
  g_autofree char *t = NULL;
  g_autofree char *range = NULL;
  char *end = NULL;
  double v;

  g_return_val_if_fail (spec != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  range = describe_range (spec);
  if (text == NULL)
    {
      g_set_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE,
                   "%s: no value; valid: %s", spec->key, range);
      return FALSE;
    }
  t = g_strstrip (g_strdup (text));

  if (spec->type == TS_PARAM_BOOLEAN)
    {
      if (g_ascii_strcasecmp (t, "true") == 0 || g_ascii_strcasecmp (t, "yes") == 0 ||
          g_ascii_strcasecmp (t, "on") == 0 || strcmp (t, "1") == 0)
        {
          *value = 1.0;
          return TRUE;
        }
      if (g_ascii_strcasecmp (t, "false") == 0 || g_ascii_strcasecmp (t, "no") == 0 ||
          g_ascii_strcasecmp (t, "off") == 0 || strcmp (t, "0") == 0)
        {
          *value = 0.0;
          return TRUE;
        }
      g_set_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE,
                   "%s: “%s” is not a boolean; valid: %s", spec->key, text, range);
      return FALSE;
    }

  if (spec->type == TS_PARAM_CHOICE)
    {
      guint i, n = n_choices (spec);

      for (i = 0; i < n; i++)
        if (g_ascii_strcasecmp (t, spec->choices[i]) == 0)
          {
            *value = (double) i;
            return TRUE;
          }
    }

  v = g_ascii_strtod (t, &end);
  if (*t == '\0' || end == NULL || *end != '\0')
    {
      g_set_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE,
                   "%s: “%s” is not %s; valid: %s", spec->key, text,
                   spec->type == TS_PARAM_CHOICE ? "a choice" : "a number", range);
      return FALSE;
    }
  if (!check_value (spec, v, text, error))
    return FALSE;
  *value = v;
  return TRUE;
}

char *
ts_param_spec_format (const TsParamSpec *spec,
                      double             value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (spec != NULL, NULL);

  switch (spec->type)
    {
    case TS_PARAM_BOOLEAN:
      return g_strdup (value != 0.0 ? "true" : "false");
    case TS_PARAM_CHOICE:
      if (value >= 0.0 && value < (double) n_choices (spec) && value == floor (value))
        return g_strdup (spec->choices[(guint) value]);
      break;
    case TS_PARAM_UINT:
      if (value >= 0.0 && value <= (double) G_MAXUINT && value == floor (value))
        return g_strdup_printf ("%u", (guint) value);
      break;
    case TS_PARAM_DOUBLE:
    default:
      break;
    }
  /* the shortest of %.15g .. %.17g that reads back exactly */
  {
    int prec;

    for (prec = 15; prec <= 17; prec++)
      {
        g_ascii_formatd (buf, sizeof buf, prec == 15 ? "%.15g" : prec == 16 ? "%.16g" : "%.17g",
                         value);
        if (g_ascii_strtod (buf, NULL) == value)
          break;
      }
  }
  return g_strdup (buf);
}

const TsParamSpec *
ts_param_spec_find (const TsParamSpec *specs,
                    guint              n_specs,
                    const char        *key)
{
  guint i;

  g_return_val_if_fail (specs != NULL || n_specs == 0, NULL);

  if (key == NULL)
    return NULL;
  for (i = 0; i < n_specs; i++)
    if (strcmp (specs[i].key, key) == 0)
      return &specs[i];
  return NULL;
}

/* ---- the risk manager's and the broker's tables ---------------------- */

#define RISK(field) offsetof (TsRiskParams, field)

/* TsRiskParams (src/core/ts-risk-params.h); keys as in the GSettings
 * schema. Ranges are the header's. */
static const TsParamSpec risk_specs[] = {
  { "daily-loss-limit-pct", "Limits", N_("Daily loss limit"), "%",
    "Close and halt until the next UTC day when equity has lost this percentage of its "
    "00:00 UTC value, per strategy (STRATEGIES.md section 2, Risk)",
    TS_PARAM_DOUBLE, 0.1, 100, 0.5, 1, RISK (daily_loss_limit_pct), NULL },
  { "cooldown-signals", "Limits", N_("Cooldown after a loss"), "signals",
    "Entry signals skipped after a losing trade, per strategy (STRATEGIES.md section 2, Risk)",
    TS_PARAM_UINT, 0, 100, 1, 0, RISK (cooldown_signals), NULL },
  { "max-positions-per-symbol", "Portfolio", N_("Positions per symbol"), "positions",
    "Open positions on one symbol, all strategies together (ours)",
    TS_PARAM_UINT, 1, 100, 1, 0, RISK (max_positions_per_symbol), NULL },
  { "max-positions-total", "Portfolio", N_("Positions in total"), "positions",
    "Open positions of all strategies together, a pair counting once; 0 = no limit (ours)",
    TS_PARAM_UINT, 0, 1000, 1, 0, RISK (max_positions_total), NULL },
  { "max-drawdown-pct", "Portfolio", N_("Maximum drawdown"), "%",
    "Close everything and halt entries when the portfolio equity is this far below its "
    "peak; 0 = off (ours)",
    TS_PARAM_DOUBLE, 0, 100, 1, 1, RISK (max_drawdown_pct), NULL },
  { "max-leverage", "Portfolio", N_("Maximum leverage"), "×",
    "Open notional of all strategies plus a new entry's, at most this times the portfolio "
    "equity; 0 = no cap (ours)",
    TS_PARAM_DOUBLE, 0, 100, 0.5, 2, RISK (max_leverage), NULL },
  { "circuit-breaker-losses", "Portfolio", N_("Circuit breaker losses"), "trades",
    "Losing trades in a row, all strategies, that pause entries; 0 = off (ours)",
    TS_PARAM_UINT, 0, 1000, 1, 0, RISK (circuit_breaker_losses), NULL },
  { "circuit-breaker-seconds", "Portfolio", N_("Circuit breaker pause"), "s",
    "How long the circuit breaker pauses entries, seconds of tick time (ours)",
    TS_PARAM_DOUBLE, 0, 86400, 10, 0, RISK (circuit_breaker_seconds), NULL },
};

#define BROKER(field) offsetof (TsBrokerParams, field)

/* TsBrokerParams (src/core/ts-broker-params.h), DESIGN.md "Paper fills" */
static const TsParamSpec broker_specs[] = {
  { "slippage-bps", "Fills", N_("Slippage"), "bps",
    "Added to every market fill's price against the order (DESIGN.md, Paper fills)",
    TS_PARAM_DOUBLE, 0, 1000, 0.1, 2, BROKER (slippage_bps), NULL },
  { "taker-fee-bps", "Fills", N_("Taker fee"), "bps",
    "Charged on the notional of every fill (DESIGN.md, Paper fills)",
    TS_PARAM_DOUBLE, 0, 1000, 0.1, 2, BROKER (taker_fee_bps), NULL },
  { "initial-capital", "Account", N_("Initial capital"), "quote currency",
    "Paper equity at the start of a session (STRATEGIES.md, Metrics)",
    TS_PARAM_DOUBLE, 1, 1000000000, 1000, 2, BROKER (initial_capital), NULL },
};

const TsParamSpec *
ts_risk_params_get_specs (guint *n_specs)
{
  if (n_specs != NULL)
    *n_specs = G_N_ELEMENTS (risk_specs);
  return risk_specs;
}

const TsParamSpec *
ts_broker_params_get_specs (guint *n_specs)
{
  if (n_specs != NULL)
    *n_specs = G_N_ELEMENTS (broker_specs);
  return broker_specs;
}
