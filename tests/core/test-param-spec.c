/* test-param-spec.c: the parameter tables of the strategies, the risk
 * manager and the broker (src/core/ts-param-spec.h, ts-strategy-info.h)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/ts-broker-params.h"
#include "core/ts-risk-params.h"
#include "core/ts-strategy-info.h"
#include "core/strategies/ts-calculus-strategy.h"
#include "core/strategies/ts-maxwell-strategy.h"

/* the default of @key of strategy @name, read through its spec */
static double
strategy_default (const char *name,
                  const char *key)
{
  const TsStrategyInfo *info = ts_strategy_info_lookup (name);
  const TsParamSpec *spec;
  g_autofree gpointer params = NULL;

  g_assert_nonnull (info);
  spec = ts_param_spec_find (info->specs, info->n_specs, key);
  g_assert_nonnull (spec);
  params = ts_strategy_info_new_params (info);
  return ts_param_spec_get_value (spec, params);
}

static void
test_registry (void)
{
  static const char *const names[] = { "maxwell", "momentum", "calculus", "pairs", "confluence" };
  const TsStrategyInfo *infos;
  guint n, i;

  infos = ts_strategy_info_list (&n);
  g_assert_cmpuint (n, ==, 5);
  for (i = 0; i < n; i++)
    {
      g_assert_cmpstr (infos[i].name, ==, names[i]);
      g_assert_cmpuint (infos[i].section, ==, i + 1);
      g_assert_true (ts_strategy_info_lookup (names[i]) == &infos[i]);
      if (strcmp (names[i], "momentum") == 0)
        g_assert_cmpstr (infos[i].settings_prefix, ==, "");
      else
        {
          g_autofree char *prefix = g_strconcat (names[i], "-", NULL);

          g_assert_cmpstr (infos[i].settings_prefix, ==, prefix);
        }
    }
  g_assert_cmpuint (ts_strategy_info_lookup ("pairs")->n_symbols, ==, 2);
  g_assert_cmpstr (ts_strategy_info_lookup ("pairs")->default_symbols, ==, "MOCK-BTC,MOCK-ETH");
  g_assert_cmpuint (ts_strategy_info_lookup ("maxwell")->n_symbols, ==, 1);
  g_assert_cmpstr (ts_strategy_info_lookup ("maxwell")->default_symbols, ==, "MOCK-BTC");
  g_assert_null (ts_strategy_info_lookup ("nope"));
  g_assert_null (ts_strategy_info_lookup (NULL));
}

/* STRATEGIES.md and the headers' doc comments, read by hand */
static void
test_defaults (void)
{
  TsRiskParams risk;
  TsBrokerParams broker;
  const TsParamSpec *specs;
  guint n;

  g_assert_cmpfloat (strategy_default ("maxwell", "ma-period"), ==, 44);
  g_assert_cmpfloat (strategy_default ("maxwell", "scale"), ==, 44.0);
  g_assert_cmpfloat (strategy_default ("maxwell", "buy-threshold"), ==, 0.1);
  g_assert_cmpfloat (strategy_default ("maxwell", "exit-threshold"), ==, 0.9);
  g_assert_cmpfloat (strategy_default ("maxwell", "stop-loss-pct"), ==, 50.0);
  g_assert_cmpfloat (strategy_default ("maxwell", "scale-mode"), ==, TS_MAXWELL_SCALE_FIXED);
  g_assert_cmpfloat (strategy_default ("momentum", "window-seconds"), ==, 15.0);
  g_assert_cmpfloat (strategy_default ("momentum", "entry-threshold"), ==, 0.0005);
  g_assert_cmpfloat (strategy_default ("momentum", "allow-short"), ==, 1.0);
  g_assert_cmpfloat (strategy_default ("calculus", "lambda"), ==, 0.75);
  g_assert_cmpfloat (strategy_default ("calculus", "snr-window"), ==, 14);
  g_assert_cmpfloat (strategy_default ("calculus", "derivative-source"), ==,
                     TS_CALCULUS_SOURCE_KALMAN);
  g_assert_cmpfloat (strategy_default ("calculus", "sizing"), ==, TS_SIZING_FIXED_FRACTIONAL);
  g_assert_cmpfloat (strategy_default ("pairs", "entry-z"), ==, 1.0);
  g_assert_cmpfloat (strategy_default ("pairs", "exit-z"), ==, 0.5);
  g_assert_cmpfloat (strategy_default ("pairs", "stop-z"), ==, 3.5);
  g_assert_cmpfloat (strategy_default ("pairs", "adf-critical"), ==, -3.34);
  g_assert_cmpfloat (strategy_default ("pairs", "formation-bars"), ==, 300);
  g_assert_cmpfloat (strategy_default ("confluence", "rsi-period"), ==, 14);
  g_assert_cmpfloat (strategy_default ("confluence", "macd-slow"), ==, 26);
  g_assert_cmpfloat (strategy_default ("confluence", "ewma-lambda"), ==, 0.94);

  ts_risk_params_init_default (&risk);
  specs = ts_risk_params_get_specs (&n);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpfloat (ts_param_spec_get_value (ts_param_spec_find (specs, n, "daily-loss-limit-pct"),
                                              &risk), ==, 5.0);
  g_assert_cmpfloat (ts_param_spec_get_value (ts_param_spec_find (specs, n, "max-drawdown-pct"),
                                              &risk), ==, 15.0);
  g_assert_cmpfloat (ts_param_spec_get_value (ts_param_spec_find (specs, n, "circuit-breaker-seconds"),
                                              &risk), ==, 300.0);
  ts_broker_params_init_default (&broker);
  specs = ts_broker_params_get_specs (&n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat (ts_param_spec_get_value (ts_param_spec_find (specs, n, "slippage-bps"),
                                              &broker), ==, 0.5);
  g_assert_cmpfloat (ts_param_spec_get_value (ts_param_spec_find (specs, n, "initial-capital"),
                                              &broker), ==, 10000.0);
}

/* every table: unique keys, sane ranges, defaults in range, and every value
 * written, formatted and parsed back unchanged */
static void
check_table (const TsParamSpec *specs,
             guint              n_specs,
             gpointer           params)
{
  guint i, j;

  for (i = 0; i < n_specs; i++)
    {
      const TsParamSpec *s = &specs[i];
      double def = ts_param_spec_get_value (s, params);
      double v = NAN;
      g_autofree char *text = NULL;
      g_autoptr (GError) error = NULL;

      for (j = i + 1; j < n_specs; j++)
        g_assert_cmpstr (specs[j].key, !=, s->key);
      g_assert_true (g_regex_match_simple ("^[a-z0-9]+(-[a-z0-9]+)*$", s->key, 0, 0));
      g_assert_nonnull (s->group);
      g_assert_nonnull (s->label);
      g_assert_nonnull (s->unit);
      g_assert_nonnull (s->description);
      g_assert_true (g_ascii_isupper (s->label[0]));
      g_assert_cmpfloat (s->min, <=, s->max);
      g_assert_cmpfloat (def, >=, s->min);
      g_assert_cmpfloat (def, <=, s->max);
      g_assert_true ((s->type == TS_PARAM_CHOICE) == (s->choices != NULL));

      text = ts_param_spec_format (s, def);
      g_assert_true (ts_param_spec_parse (s, text, &v, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (v, ==, def);

      /* the other end of the range, and back */
      g_assert_true (ts_param_spec_set_value (s, params, s->max, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (ts_param_spec_get_value (s, params), ==, s->max);
      g_clear_pointer (&text, g_free);
      text = ts_param_spec_format (s, s->max);
      g_assert_true (ts_param_spec_parse (s, text, &v, &error));
      g_assert_cmpfloat (v, ==, s->max);
      g_assert_true (ts_param_spec_set_value (s, params, def, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (ts_param_spec_get_value (s, params), ==, def);
    }
}

static void
test_tables (void)
{
  const TsStrategyInfo *infos;
  TsRiskParams risk;
  TsBrokerParams broker;
  const TsParamSpec *specs;
  guint n, i;

  infos = ts_strategy_info_list (&n);
  for (i = 0; i < n; i++)
    {
      g_autofree gpointer params = ts_strategy_info_new_params (&infos[i]);

      g_test_message ("%s", infos[i].name);
      check_table (infos[i].specs, infos[i].n_specs, params);
    }
  ts_risk_params_init_default (&risk);
  specs = ts_risk_params_get_specs (&n);
  check_table (specs, n, &risk);
  ts_broker_params_init_default (&broker);
  specs = ts_broker_params_get_specs (&n);
  check_table (specs, n, &broker);
}

/* the GSettings names "<prefix><key>" of all the tables are unique */
static void
test_settings_names_unique (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const TsStrategyInfo *infos;
  const TsParamSpec *specs;
  guint n, i, k;

  infos = ts_strategy_info_list (&n);
  for (i = 0; i < n; i++)
    for (k = 0; k < infos[i].n_specs; k++)
      g_assert_true (g_hash_table_add (seen, g_strconcat (infos[i].settings_prefix,
                                                          infos[i].specs[k].key, NULL)));
  specs = ts_risk_params_get_specs (&n);
  for (k = 0; k < n; k++)
    g_assert_true (g_hash_table_add (seen, g_strdup (specs[k].key)));
  specs = ts_broker_params_get_specs (&n);
  for (k = 0; k < n; k++)
    g_assert_true (g_hash_table_add (seen, g_strdup (specs[k].key)));
  g_assert_cmpuint (g_hash_table_size (seen), ==, 12 + 8 + 18 + 12 + 18 + 8 + 3);
}

static void
test_parse_format (void)
{
  const TsStrategyInfo *calculus = ts_strategy_info_lookup ("calculus");
  const TsStrategyInfo *maxwell = ts_strategy_info_lookup ("maxwell");
  const TsParamSpec *source = ts_param_spec_find (calculus->specs, calculus->n_specs,
                                                  "derivative-source");
  const TsParamSpec *shortable = ts_param_spec_find (calculus->specs, calculus->n_specs,
                                                     "allow-short");
  const TsParamSpec *lambda = ts_param_spec_find (calculus->specs, calculus->n_specs, "lambda");
  const TsParamSpec *period = ts_param_spec_find (maxwell->specs, maxwell->n_specs, "ma-period");
  TsCalculusParams cp;
  TsMaxwellParams mp;
  double v = -1;
  g_autoptr (GError) error = NULL;
  char *text;

  ts_calculus_params_init_default (&cp);
  ts_maxwell_params_init_default (&mp);

  g_assert_true (ts_param_spec_parse (source, "ema", &v, &error));
  g_assert_cmpfloat (v, ==, TS_CALCULUS_SOURCE_EMA);
  g_assert_true (ts_param_spec_parse (source, " Kalman ", &v, &error));
  g_assert_cmpfloat (v, ==, TS_CALCULUS_SOURCE_KALMAN);
  g_assert_true (ts_param_spec_parse (source, "0", &v, &error));
  g_assert_cmpfloat (v, ==, 0);
  text = ts_param_spec_format (source, 1);
  g_assert_cmpstr (text, ==, "kalman");
  g_free (text);

  g_assert_true (ts_param_spec_parse (shortable, "false", &v, &error));
  g_assert_cmpfloat (v, ==, 0);
  g_assert_true (ts_param_spec_parse (shortable, "1", &v, &error));
  g_assert_cmpfloat (v, ==, 1);
  text = ts_param_spec_format (shortable, 0);
  g_assert_cmpstr (text, ==, "false");
  g_free (text);

  /* numbers: the C locale, read back exactly */
  g_assert_true (ts_param_spec_parse (lambda, "0.1", &v, &error));
  g_assert_cmpfloat (v, ==, 0.1);
  text = ts_param_spec_format (lambda, 0.1);
  g_assert_cmpstr (text, ==, "0.1");
  g_free (text);
  text = ts_param_spec_format (lambda, 1.0 / 3.0);
  g_assert_true (ts_param_spec_parse (lambda, text, &v, &error));
  g_assert_cmpfloat (v, ==, 1.0 / 3.0);
  g_free (text);
  text = ts_param_spec_format (period, 44);
  g_assert_cmpstr (text, ==, "44");
  g_free (text);
  g_assert_no_error (error);

  /* set through the info, by key */
  g_assert_true (ts_strategy_info_set_param (calculus, &cp, "derivative-source", "ema", &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp.derivative_source, ==, TS_CALCULUS_SOURCE_EMA);
  g_assert_true (ts_strategy_info_set_param (calculus, &cp, "sizing", "kelly", &error));
  g_assert_cmpint (cp.sizing, ==, TS_SIZING_KELLY);
  g_assert_true (ts_strategy_info_set_param (maxwell, &mp, "ma-period", "20", &error));
  g_assert_cmpuint (mp.ma_period, ==, 20);
  g_assert_true (ts_strategy_info_set_param (maxwell, &mp, "scale-mode", "fit", &error));
  g_assert_cmpint (mp.scale_mode, ==, TS_MAXWELL_SCALE_FIT);
  g_assert_no_error (error);
}

static void
test_refused (void)
{
  const TsStrategyInfo *maxwell = ts_strategy_info_lookup ("maxwell");
  const TsParamSpec *period = ts_param_spec_find (maxwell->specs, maxwell->n_specs, "ma-period");
  const TsParamSpec *buy = ts_param_spec_find (maxwell->specs, maxwell->n_specs, "buy-threshold");
  const TsParamSpec *mode = ts_param_spec_find (maxwell->specs, maxwell->n_specs, "scale-mode");
  TsMaxwellParams mp;
  double v = 7;
  GError *error = NULL;

  ts_maxwell_params_init_default (&mp);

  /* out of range: buy-threshold is 0 .. 1, ma-period 2 .. 100000 */
  g_assert_false (ts_param_spec_set_value (buy, &mp, 1.5, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ts_param_spec_set_value (period, &mp, 1, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ts_strategy_info_set_param (maxwell, &mp, "buy-threshold", "-0.1", &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "buy-threshold"));
  g_assert_nonnull (strstr (error->message, "-0.1"));
  g_clear_error (&error);
  g_assert_false (ts_param_spec_parse (period, "100001", &v, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  /* not a value */
  g_assert_false (ts_param_spec_set_value (buy, &mp, NAN, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_param_spec_set_value (buy, &mp, INFINITY, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_param_spec_parse (buy, "nan", &v, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_param_spec_parse (buy, "abc", &v, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_param_spec_parse (buy, "", &v, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_param_spec_parse (period, "44.5", &v, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_param_spec_parse (mode, "gaussian", &v, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "fixed, fit"));
  g_clear_error (&error);
  g_assert_false (ts_param_spec_parse (mode, "2", &v, &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ts_strategy_info_set_param (maxwell, &mp, "ma-period", "abc", &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_strategy_info_set_param (maxwell, &mp, "window-seconds", "3", &error));
  g_assert_error (error, TS_PARAM_ERROR, TS_PARAM_ERROR_UNKNOWN_KEY);
  g_assert_nonnull (strstr (error->message, "ma-period"));
  g_clear_error (&error);
  g_assert_cmpfloat (v, ==, 7);

  /* nothing was written */
  g_assert_cmpuint (mp.ma_period, ==, 44);
  g_assert_cmpfloat (mp.buy_threshold, ==, 0.1);
  g_assert_cmpint (mp.scale_mode, ==, TS_MAXWELL_SCALE_FIXED);
}

static void
test_construct (void)
{
  const TsStrategyInfo *infos;
  guint n, i;

  infos = ts_strategy_info_list (&n);
  for (i = 0; i < n; i++)
    {
      g_autofree gpointer params = ts_strategy_info_new_params (&infos[i]);
      TsStrategy *s = infos[i].new_strategy (params);

      g_assert_nonnull (s);
      g_assert_cmpstr (ts_strategy_get_name (s), ==, infos[i].name);
      ts_strategy_free (s);
    }

  /* cross-field rules: the pairs lookback may not exceed the formation */
  {
    const TsStrategyInfo *pairs = ts_strategy_info_lookup ("pairs");
    g_autofree gpointer params = ts_strategy_info_new_params (pairs);
    g_autoptr (GError) error = NULL;

    g_assert_true (ts_strategy_info_set_param (pairs, params, "lookback", "400", &error));
    g_assert_no_error (error);
    g_assert_null (pairs->new_strategy (params));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/param-spec/registry", test_registry);
  g_test_add_func ("/param-spec/defaults", test_defaults);
  g_test_add_func ("/param-spec/tables", test_tables);
  g_test_add_func ("/param-spec/settings-names-unique", test_settings_names_unique);
  g_test_add_func ("/param-spec/parse-format", test_parse_format);
  g_test_add_func ("/param-spec/refused", test_refused);
  g_test_add_func ("/param-spec/construct", test_construct);

  return g_test_run ();
}
