/* test-schema-params.c: the GSettings schema holds every parameter of the
 * tables of src/core/ts-param-spec.h with the same type, default and range
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>

#include "core/ts-broker-params.h"
#include "core/ts-risk-params.h"
#include "core/ts-strategy-info.h"

#define SCHEMA_ID "io.github.tickscope.Tickscope"

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema;

  g_assert_nonnull (source);
  schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  g_assert_nonnull (schema);
  return schema;
}

static const char *
type_string (TsParamType type)
{
  switch (type)
    {
    case TS_PARAM_DOUBLE:
      return "d";
    case TS_PARAM_UINT:
      return "u";
    case TS_PARAM_BOOLEAN:
      return "b";
    case TS_PARAM_CHOICE:
    default:
      return "s";
    }
}

/* the value of @v, a GSettings value of @spec's type, as the spec's double */
static double
variant_value (const TsParamSpec *spec,
               GVariant          *v)
{
  switch (spec->type)
    {
    case TS_PARAM_DOUBLE:
      return g_variant_get_double (v);
    case TS_PARAM_UINT:
      return g_variant_get_uint32 (v);
    case TS_PARAM_BOOLEAN:
      return g_variant_get_boolean (v) ? 1.0 : 0.0;
    case TS_PARAM_CHOICE:
    default:
      {
        double value = -1;
        g_autoptr (GError) error = NULL;

        g_assert_true (ts_param_spec_parse (spec, g_variant_get_string (v, NULL), &value, &error));
        g_assert_no_error (error);
        return value;
      }
    }
}

static void
check_key (GSettingsSchema   *schema,
           const char        *prefix,
           const TsParamSpec *spec,
           gconstpointer      params)
{
  g_autofree char *name = g_strconcat (prefix, spec->key, NULL);
  g_autoptr (GSettingsSchemaKey) key = NULL;
  g_autoptr (GVariant) def = NULL;
  g_autoptr (GVariant) range = NULL;
  g_autoptr (GVariant) detail = NULL;
  const char *kind = NULL;

  g_test_message ("key %s", name);
  if (!g_settings_schema_has_key (schema, name))
    g_error ("the schema has no key “%s”", name);
  key = g_settings_schema_get_key (schema, name);

  g_assert_cmpstr (g_variant_type_peek_string (g_settings_schema_key_get_value_type (key)), ==,
                   type_string (spec->type));
  /* the summary is read from the schema's XML when it lies beside the
   * compiled file (an installed schema), not from a build directory */
  if (g_settings_schema_key_get_summary (key) != NULL)
    g_assert_cmpstr (g_settings_schema_key_get_summary (key), ==, spec->label);

  def = g_settings_schema_key_get_default_value (key);
  g_assert_cmpfloat (variant_value (spec, def), ==, ts_param_spec_get_value (spec, params));

  range = g_settings_schema_key_get_range (key);
  g_variant_get (range, "(&sv)", &kind, &detail);
  switch (spec->type)
    {
    case TS_PARAM_DOUBLE:
    case TS_PARAM_UINT:
      {
        g_autoptr (GVariant) lo = NULL;
        g_autoptr (GVariant) hi = NULL;

        g_assert_cmpstr (kind, ==, "range");
        lo = g_variant_get_child_value (detail, 0);
        hi = g_variant_get_child_value (detail, 1);
        g_assert_cmpfloat (variant_value (spec, lo), ==, spec->min);
        g_assert_cmpfloat (variant_value (spec, hi), ==, spec->max);
      }
      break;
    case TS_PARAM_BOOLEAN:
      g_assert_cmpstr (kind, ==, "type");
      break;
    case TS_PARAM_CHOICE:
      {
        g_autofree const char **choices = NULL;
        gsize n = 0;

        g_assert_cmpstr (kind, ==, "enum");
        choices = g_variant_get_strv (detail, &n);
        g_assert_cmpstrv (choices, spec->choices);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
test_strategies (void)
{
  g_autoptr (GSettingsSchema) schema = lookup_schema ();
  const TsStrategyInfo *infos;
  guint n, i, k;

  infos = ts_strategy_info_list (&n);
  for (i = 0; i < n; i++)
    {
      g_autofree gpointer params = ts_strategy_info_new_params (&infos[i]);

      for (k = 0; k < infos[i].n_specs; k++)
        check_key (schema, infos[i].settings_prefix, &infos[i].specs[k], params);
    }
}

static void
test_risk_broker (void)
{
  g_autoptr (GSettingsSchema) schema = lookup_schema ();
  TsRiskParams risk;
  TsBrokerParams broker;
  const TsParamSpec *specs;
  guint n, k;

  ts_risk_params_init_default (&risk);
  specs = ts_risk_params_get_specs (&n);
  for (k = 0; k < n; k++)
    check_key (schema, "", &specs[k], &risk);
  ts_broker_params_init_default (&broker);
  specs = ts_broker_params_get_specs (&n);
  for (k = 0; k < n; k++)
    check_key (schema, "", &specs[k], &broker);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema-params/strategies", test_strategies);
  g_test_add_func ("/schema-params/risk-broker", test_risk_broker);

  return g_test_run ();
}
