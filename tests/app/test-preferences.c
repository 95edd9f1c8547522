/* test-preferences.c: the Preferences window is made from the parameter
 * tables and every row edits its GSettings key
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/ts-preferences-window.h"
#include "core/ts-param-spec.h"
#include "core/ts-strategy-info.h"

static gboolean have_display;

typedef struct
{
  GSettings *settings;
  GtkWindow *window;
} Fixture;

static void
iterate (guint n)
{
  for (guint i = 0; i < n; i++)
    g_main_context_iteration (NULL, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  if (!have_display)
    return;

  /* GSETTINGS_BACKEND=memory: every test starts from the defaults */
  fixture->settings = g_settings_new (APP_ID);
  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (fixture->settings, keys[i]);

  fixture->window = ts_preferences_window_new_for_settings (NULL, fixture->settings);
  g_object_ref_sink (fixture->window);
  gtk_window_present (fixture->window);
  iterate (20);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (!have_display)
    return;

  gtk_window_destroy (fixture->window);
  iterate (20);
  g_assert_finalize_object (g_steal_pointer (&fixture->window));
  g_clear_object (&fixture->settings);
}

/* Depth-first: the first descendant of @root of @type named @name */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

static AdwPreferencesPage *
find_page (Fixture    *fixture,
           const char *name)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (fixture->window), ADW_TYPE_PREFERENCES_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_preferences_page_get_name (pages->pdata[i]), name) == 0)
      return pages->pdata[i];

  g_error ("no preferences page named \"%s\"", name);
  return NULL;
}

static GtkSpinButton *
find_spin (Fixture    *fixture,
           const char *key)
{
  GtkWidget *spin = find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_SPIN_BUTTON, key);

  g_assert_nonnull (spin);
  return GTK_SPIN_BUTTON (spin);
}

/* A numeric key's value whatever its GVariant type */
static double
get_number (GSettings  *settings,
            const char *key)
{
  g_autoptr(GVariant) value = g_settings_get_value (settings, key);

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    return g_variant_get_double (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    return g_variant_get_uint32 (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return g_variant_get_int32 (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT16))
    return g_variant_get_uint16 (value);
  g_error ("key %s is of type %s, not a number", key, g_variant_get_type_string (value));
  return 0;
}

static void
set_number (GSettings  *settings,
            const char *key,
            double      number)
{
  g_autoptr(GVariant) old = g_settings_get_value (settings, key);

  if (g_variant_is_of_type (old, G_VARIANT_TYPE_DOUBLE))
    g_assert_true (g_settings_set_double (settings, key, number));
  else if (g_variant_is_of_type (old, G_VARIANT_TYPE_UINT32))
    g_assert_true (g_settings_set_uint (settings, key, (guint) number));
  else
    g_error ("key %s is of type %s", key, g_variant_get_type_string (old));
}

static void
test_rows_per_strategy (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const TsStrategyInfo *infos;
  guint n_infos;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  infos = ts_strategy_info_list (&n_infos);
  g_assert_cmpuint (n_infos, ==, 5);
  for (guint i = 0; i < n_infos; i++)
    {
      AdwPreferencesPage *page = find_page (fixture, infos[i].name);
      g_autoptr(GPtrArray) rows = g_ptr_array_new ();
      g_autoptr(GPtrArray) groups = g_ptr_array_new ();

      g_test_message ("page %s", infos[i].name);
      /* a short title in the view switcher, the full one heading the page */
      g_assert_cmpuint (strlen (adw_preferences_page_get_title (page)), >, 0);
      g_assert_nonnull (adw_preferences_page_get_icon_name (page));
      collect_widgets (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, groups);
      g_assert_cmpuint (groups->len, >=, 3);
      g_assert_cmpstr (adw_preferences_group_get_title (groups->pdata[0]), ==, infos[i].title);

      /* one row per spec, no other row, each named after its key */
      collect_widgets (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_ROW, rows);
      g_assert_cmpuint (rows->len, ==, infos[i].n_specs);
      for (guint k = 0; k < infos[i].n_specs; k++)
        {
          const TsParamSpec *spec = &infos[i].specs[k];
          g_autofree char *key = g_strconcat (infos[i].settings_prefix, spec->key, NULL);
          GtkWidget *row = find_widget (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_ROW, key);

          g_assert_nonnull (row);
          /* searchable: AdwPreferencesWindow's search matches the title */
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                           spec->label);
        }
    }
}

static void
test_spin_writes_key (Fixture       *fixture,
                      gconstpointer  user_data)
{
  GtkSpinButton *spin;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  spin = find_spin (fixture, "maxwell-ma-period");
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 44);
  gtk_spin_button_set_value (spin, 30);
  g_assert_cmpfloat (get_number (fixture->settings, "maxwell-ma-period"), ==, 30);

  /* momentum's keys have no prefix */
  spin = find_spin (fixture, "stop-loss");
  gtk_spin_button_set_value (spin, 0.002);
  g_assert_cmpfloat_with_epsilon (get_number (fixture->settings, "stop-loss"), 0.002, 1e-12);

  /* a risk key */
  spin = find_spin (fixture, "daily-loss-limit-pct");
  gtk_spin_button_set_value (spin, 7.5);
  g_assert_cmpfloat (get_number (fixture->settings, "daily-loss-limit-pct"), ==, 7.5);
}

static void
test_key_updates_widget (Fixture       *fixture,
                         gconstpointer  user_data)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  set_number (fixture->settings, "maxwell-ma-period", 25);
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (fixture, "maxwell-ma-period")), ==, 25);

  g_settings_set_double (fixture->settings, "taker-fee-bps", 2.5);
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (fixture, "taker-fee-bps")), ==, 2.5);

  g_settings_set_boolean (fixture->settings, "allow-short", FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_widget (GTK_WIDGET (fixture->window),
                                                                  GTK_TYPE_SWITCH,
                                                                  "allow-short"))));
}

static GVariant *
number_variant (const GVariantType *type,
                double              number)
{
  if (g_variant_type_equal (type, G_VARIANT_TYPE_DOUBLE))
    return g_variant_new_double (number);
  if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT32))
    return g_variant_new_uint32 ((guint32) number);
  if (g_variant_type_equal (type, G_VARIANT_TYPE_UINT16))
    return g_variant_new_uint16 ((guint16) number);
  g_error ("not a numeric key type: %.*s", (int) g_variant_type_get_string_length (type),
           g_variant_type_peek_string (type));
  return NULL;
}

/* The schema accepts the spec's min and max, and its default lies within
 * them: the table and the gschema agree */
static void
check_schema_range (GSettings  *settings,
                    const char *name,
                    double      min,
                    double      max)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) low = NULL;
  g_autoptr(GVariant) high = NULL;
  double fallback;

  g_object_get (settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, name);
  low = g_variant_ref_sink (number_variant (g_settings_schema_key_get_value_type (key), min));
  high = g_variant_ref_sink (number_variant (g_settings_schema_key_get_value_type (key), max));
  g_assert_true (g_settings_schema_key_range_check (key, low));
  g_assert_true (g_settings_schema_key_range_check (key, high));

  fallback = get_number (settings, name); /* the fixture reset every key */
  g_assert_cmpfloat (fallback, >=, min);
  g_assert_cmpfloat (fallback, <=, max);
}

/* Every spin button's adjustment is the spec's [min, max], its digits the
 * spec's; @prefix + key names the widget */
static void
check_ranges (Fixture           *fixture,
              const char        *prefix,
              const TsParamSpec *specs,
              guint              n_specs)
{
  for (guint k = 0; k < n_specs; k++)
    {
      g_autofree char *key = g_strconcat (prefix, specs[k].key, NULL);
      GtkSpinButton *spin;
      GtkAdjustment *adjustment;

      if (specs[k].type != TS_PARAM_DOUBLE && specs[k].type != TS_PARAM_UINT)
        continue;

      g_test_message ("range of %s", key);
      check_schema_range (fixture->settings, key, specs[k].min, specs[k].max);
      spin = find_spin (fixture, key);
      adjustment = gtk_spin_button_get_adjustment (spin);
      g_assert_cmpfloat (gtk_adjustment_get_lower (adjustment), ==, specs[k].min);
      g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), ==, specs[k].max);
      g_assert_cmpfloat (gtk_adjustment_get_step_increment (adjustment), ==, specs[k].step);
      g_assert_cmpuint (gtk_spin_button_get_digits (spin), ==, specs[k].digits);
    }
}

static void
test_ranges (Fixture       *fixture,
             gconstpointer  user_data)
{
  const TsStrategyInfo *infos;
  const TsParamSpec *specs;
  guint n_infos, n_specs;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  infos = ts_strategy_info_list (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    check_ranges (fixture, infos[i].settings_prefix, infos[i].specs, infos[i].n_specs);

  specs = ts_risk_params_get_specs (&n_specs);
  g_assert_cmpuint (n_specs, >=, 2);
  check_ranges (fixture, "", specs, n_specs);
  specs = ts_broker_params_get_specs (&n_specs);
  g_assert_cmpuint (n_specs, ==, 3);
  check_ranges (fixture, "", specs, n_specs);

  /* a value above the range is clamped to max, never written beyond it */
  {
    GtkSpinButton *spin = find_spin (fixture, "maxwell-ma-period");
    const TsParamSpec *spec = ts_param_spec_find (ts_strategy_info_lookup ("maxwell")->specs,
                                                  ts_strategy_info_lookup ("maxwell")->n_specs,
                                                  "ma-period");

    g_assert_nonnull (spec);
    gtk_spin_button_set_value (spin, spec->max + 1000);
    g_assert_cmpfloat (get_number (fixture->settings, "maxwell-ma-period"), ==, spec->max);
  }
}

static void
test_choice_row (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const TsStrategyInfo *infos;
  guint n_infos, n_choice = 0;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  infos = ts_strategy_info_list (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    for (guint k = 0; k < infos[i].n_specs; k++)
      {
        const TsParamSpec *spec = &infos[i].specs[k];
        g_autofree char *key = NULL;
        g_autofree char *nick = NULL;
        AdwComboRow *row;

        if (spec->type != TS_PARAM_CHOICE)
          continue;
        n_choice++;
        key = g_strconcat (infos[i].settings_prefix, spec->key, NULL);
        g_test_message ("choice %s", key);
        row = ADW_COMBO_ROW (find_widget (GTK_WIDGET (fixture->window), ADW_TYPE_COMBO_ROW, key));
        g_assert_nonnull (row);
        g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==,
                          g_strv_length ((char **) spec->choices));

        adw_combo_row_set_selected (row, 1);
        nick = g_settings_get_string (fixture->settings, key);
        g_assert_cmpstr (nick, ==, spec->choices[1]);

        g_settings_set_string (fixture->settings, key, spec->choices[0]);
        g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
      }
  if (n_choice == 0)
    g_test_incomplete ("no strategy has a choice parameter");
}

static void
click (Fixture    *fixture,
       const char *name)
{
  GtkWidget *button = find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, name);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static void
test_reset_strategy (Fixture       *fixture,
                     gconstpointer  user_data)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  gtk_spin_button_set_value (find_spin (fixture, "maxwell-ma-period"), 30);
  gtk_spin_button_set_value (find_spin (fixture, "stop-loss"), 0.002);
  g_assert_cmpfloat (get_number (fixture->settings, "maxwell-ma-period"), ==, 30);

  /* the Maxwell page's reset: its keys only */
  click (fixture, "reset-maxwell");
  g_assert_cmpfloat (get_number (fixture->settings, "maxwell-ma-period"), ==, 44);
  g_assert_cmpfloat (gtk_spin_button_get_value (find_spin (fixture, "maxwell-ma-period")), ==, 44);
  g_assert_cmpfloat_with_epsilon (get_number (fixture->settings, "stop-loss"), 0.002, 1e-12);

  /* the toast's Undo brings 30 back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "prefs.undo-reset", NULL));
  g_assert_cmpfloat (get_number (fixture->settings, "maxwell-ma-period"), ==, 30);

  /* the global reset: every key, the momentum default 0.0005 of
   * STRATEGIES.md section 2 and the risk default 5 % */
  g_settings_set_double (fixture->settings, "daily-loss-limit-pct", 9);
  click (fixture, "reset-all");
  g_assert_cmpfloat (get_number (fixture->settings, "maxwell-ma-period"), ==, 44);
  g_assert_cmpfloat_with_epsilon (get_number (fixture->settings, "stop-loss"), 0.0005, 1e-12);
  g_assert_cmpfloat (get_number (fixture->settings, "daily-loss-limit-pct"), ==, 5);
}

static void
test_strategy_switches (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *page;
  GtkSwitch *sw;
  g_auto(GStrv) enabled = NULL;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  page = GTK_WIDGET (find_page (fixture, "strategies"));
  sw = GTK_SWITCH (find_widget (page, GTK_TYPE_SWITCH, "maxwell"));
  g_assert_nonnull (sw);
  g_assert_false (gtk_switch_get_active (sw));
  gtk_switch_set_active (sw, TRUE);
  enabled = g_settings_get_strv (fixture->settings, "strategies");
  g_assert_true (g_strv_contains ((const char * const *) enabled, "maxwell"));
  g_assert_true (g_strv_contains ((const char * const *) enabled, "momentum"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* without a display every test is skipped (exit status 77) */
  have_display = (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL) &&
                 gtk_init_check ();
  if (have_display)
    adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/app/preferences/one-row-per-strategy-parameter", test_rows_per_strategy);
  ADD ("/app/preferences/spin-button-writes-key", test_spin_writes_key);
  ADD ("/app/preferences/key-updates-widget", test_key_updates_widget);
  ADD ("/app/preferences/adjustment-is-spec-range", test_ranges);
  ADD ("/app/preferences/choice-row-maps-nicks", test_choice_row);
  ADD ("/app/preferences/reset-restores-defaults", test_reset_strategy);
  ADD ("/app/preferences/strategy-switch-writes-list", test_strategy_switches);

#undef ADD

  status = g_test_run ();
  return have_display ? status : 77;
}
