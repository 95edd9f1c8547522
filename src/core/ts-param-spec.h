/* ts-param-spec.h: a described, range-checked parameter of a strategy,
 * the risk manager or the paper broker
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TS_PARAM_ERROR:
 *
 * Error domain of parameter lookups and values. Codes: #TsParamError.
 */
#define TS_PARAM_ERROR (ts_param_error_quark ())

/**
 * TsParamError:
 * @TS_PARAM_ERROR_UNKNOWN_KEY: no parameter has this key
 * @TS_PARAM_ERROR_BAD_VALUE: the text is not a value of the parameter's type
 *   (not a number, not true/false, not one of the choices, NaN or infinite)
 * @TS_PARAM_ERROR_OUT_OF_RANGE: the value is outside [min, max]
 */
typedef enum
{
  TS_PARAM_ERROR_UNKNOWN_KEY,
  TS_PARAM_ERROR_BAD_VALUE,
  TS_PARAM_ERROR_OUT_OF_RANGE,
} TsParamError;

GQuark ts_param_error_quark (void);

/**
 * TsParamType:
 * @TS_PARAM_DOUBLE: a `double` field (GSettings type "d")
 * @TS_PARAM_UINT: a `guint` field ("u"); the value is a whole number
 * @TS_PARAM_BOOLEAN: a `gboolean` field ("b"); values 0 and 1
 * @TS_PARAM_CHOICE: an enum field stored as `int`, whose values are the
 *   indexes of @choices ("s" in GSettings, one of the choice nicks)
 *
 * The C type of a parameter's field.
 */
typedef enum
{
  TS_PARAM_DOUBLE,
  TS_PARAM_UINT,
  TS_PARAM_BOOLEAN,
  TS_PARAM_CHOICE,
} TsParamType;

/**
 * TsParamSpec:
 * @key: the key, lower-case words joined by '-' ("ma-period"); it is the
 *   GSettings key after the owner's prefix (#TsStrategyInfo) and the
 *   `tickscope-backtest --param` key
 * @group: the Preferences group ("Signal", "Exits", "Sizing", "Bars", …)
 * @label: the row title, sentence case, translatable (N_())
 * @unit: the unit shown after the value ("s", "bars", "%", "bps", "σ",
 *   "quote currency", "base units"), "" for a pure number
 * @description: one line: what it does and where it comes from
 *   (STRATEGIES.md section, or "ours")
 * @type: the field's type
 * @min: the smallest valid value (inclusive)
 * @max: the largest valid value (inclusive)
 * @step: the spin button's step
 * @digits: the decimals shown
 * @offset: offsetof() the field in the owner's parameter struct
 * @choices: for %TS_PARAM_CHOICE, the nicks (%NULL-terminated), index =
 *   enum value; %NULL otherwise
 *
 * One parameter. Tables of these are static and constant.
 */
typedef struct
{
  const char         *key;
  const char         *group;
  const char         *label;
  const char         *unit;
  const char         *description;
  TsParamType         type;
  double              min;
  double              max;
  double              step;
  guint               digits;
  gsize               offset;
  const char * const *choices;
} TsParamSpec;

/**
 * ts_param_spec_get_value:
 * @spec: the parameter
 * @params: the owner's parameter struct
 *
 * Returns: the field as a double (a choice's index, 0/1 for a boolean)
 */
double      ts_param_spec_get_value   (const TsParamSpec *spec,
                                       gconstpointer      params);

/**
 * ts_param_spec_set_value:
 * @spec: the parameter
 * @params: the owner's parameter struct
 * @value: the new value
 * @error: %TS_PARAM_ERROR_BAD_VALUE (NaN, infinite, not whole for a uint,
 *   boolean or choice), %TS_PARAM_ERROR_OUT_OF_RANGE (outside [min, max])
 *
 * Checks @value and writes it to the field. On error the field is left
 * as it was.
 *
 * Returns: %TRUE when written
 */
gboolean    ts_param_spec_set_value   (const TsParamSpec *spec,
                                       gpointer           params,
                                       double             value,
                                       GError           **error);

/**
 * ts_param_spec_parse:
 * @spec: the parameter
 * @text: a number in the C locale ("0.5", "44"), "true"/"false" (or 1/0)
 *   for a boolean, a choice nick ("kalman") or index for a choice
 * @value: (out): the value
 * @error: %TS_PARAM_ERROR_BAD_VALUE or %TS_PARAM_ERROR_OUT_OF_RANGE, the
 *   message names the key, the text and the valid range
 *
 * Returns: %TRUE when @text is a valid value
 */
gboolean    ts_param_spec_parse       (const TsParamSpec *spec,
                                       const char        *text,
                                       double            *value,
                                       GError           **error);

/**
 * ts_param_spec_format:
 * @spec: the parameter
 * @value: a value
 *
 * Returns: (transfer full): the value as ts_param_spec_parse() reads it
 *   back exactly ("%.17g" trimmed, "true", the choice nick)
 */
char       *ts_param_spec_format      (const TsParamSpec *spec,
                                       double             value);

/**
 * ts_param_spec_find:
 * @specs: (array length=n_specs): a table
 * @n_specs: its length
 * @key: a key
 *
 * Returns: (nullable): the spec with @key
 */
const TsParamSpec *ts_param_spec_find (const TsParamSpec *specs,
                                       guint              n_specs,
                                       const char        *key);

/**
 * ts_risk_params_get_specs:
 * @n_specs: (out): the table's length
 *
 * The #TsRiskParams fields a user may set, with the GSettings key names
 * of the schema (no prefix): "daily-loss-limit-pct", "cooldown-signals",
 * "max-positions-per-symbol", "max-positions-total", "max-drawdown-pct",
 * "max-leverage", "circuit-breaker-losses", "circuit-breaker-seconds", …
 *
 * Returns: (array length=n_specs): the static table
 */
const TsParamSpec *ts_risk_params_get_specs   (guint *n_specs);

/**
 * ts_broker_params_get_specs:
 * @n_specs: (out): the table's length
 *
 * "slippage-bps", "taker-fee-bps", "initial-capital".
 *
 * Returns: (array length=n_specs): the static table
 */
const TsParamSpec *ts_broker_params_get_specs (guint *n_specs);

G_END_DECLS
