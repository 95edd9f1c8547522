/* ts-preferences-window.c: strategy, risk, broker and mock server settings
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "core/ts-param-spec.h"
#include "core/ts-strategy-info.h"

#include "ts-preferences-window.h"

/* Pages, in order: Strategies (enable switches and symbols), one page per
 * strategy (ts_strategy_info_list()), Risk, Paper Broker, Mock Server.
 * Every page but the first is made from a TsParamSpec table: one group per
 * spec group, one row per spec, each bound to its GSettings key. */

struct _TsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GPtrArray            *strategy_switches;  /* GtkSwitch, one per strategies[] */
  GHashTable           *undo_values;        /* key → GVariant before a reset */
  gboolean              syncing;
};

G_DEFINE_FINAL_TYPE (TsPreferencesWindow, ts_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the Strategies page says of each strategy, by the short names of
 * the "strategies" key and of ts_strategy_info_list() */
static const struct {
  const char *name;
  const char *title;
  const char *subtitle;
  const char *icon_name;
  const char *short_title;
  const char *symbol_key;
  const char *symbol_title;
} strategies[] = {
  { "maxwell", N_("Maxwell dip buyer"),
    N_("Buys statistically deep dips below a moving average"),
    "go-bottom-symbolic", N_("Maxwell"),
    "maxwell-symbol", N_("Symbol") },
  { "momentum", N_("Momentum burst"),
    N_("Rides short bursts of price and volume"),
    "media-seek-forward-symbolic", N_("Momentum"),
    "momentum-symbol", N_("Symbol (empty: the first seen)") },
  { "calculus", N_("Calculus trend"),
    N_("Follows the smoothed price's slope with a Taylor forecast"),
    "applications-science-symbolic", N_("Calculus"),
    "calculus-symbol", N_("Symbol") },
  { "pairs", N_("Pairs mean reversion"),
    N_("Trades the z-score of a cointegrated pair's spread"),
    "view-dual-symbolic", N_("Pairs"),
    "pairs-symbols", N_("Symbols, A and B, comma-separated") },
  { "confluence", N_("Technical confluence"),
    N_("Fibonacci levels, fractals and zigzag pivots agreeing"),
    "view-continuous-symbolic", N_("Confluence"),
    "confluence-symbol", N_("Symbol") },
};

/* The embedded mock server's keys are the app's, not the engine's: a table
 * of our own so the page is made like the others */
static const TsParamSpec mock_specs[] = {
  { "mock-port", N_("Embedded mock tick server"), N_("Port"), "",
    N_("Loopback TCP port, 0 = any free port; applies the next time the server starts"),
    TS_PARAM_UINT, 0, 65535, 1, 0, 0, NULL },
  { "mock-rate", N_("Embedded mock tick server"), N_("Tick rate"), N_("ticks/s"),
    N_("Ticks per second of simulated time; applies the next time the server starts"),
    TS_PARAM_DOUBLE, 1, 100000, 1, 0, 0, NULL },
};

static int
find_strategy (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
    if (g_str_equal (strategies[i].name, name))
      return (int) i;
  return -1;
}

/* "0.0005" with @digits decimals, trailing zeros dropped: "1", "0.5" */
static char *
format_number (double value,
               guint  digits)
{
  /* "'": the locale's thousands separator, "1,000,000" in en_US */
  char *text = g_strdup_printf ("%'.*f", (int) digits, value);
  struct lconv *conv = localeconv ();
  const char *point = conv->decimal_point != NULL ? conv->decimal_point : ".";

  if (digits > 0 && strstr (text, point) != NULL)
    {
      char *end = text + strlen (text) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (g_str_has_suffix (text, point))
        text[strlen (text) - strlen (point)] = '\0';
    }
  return text;
}

/* Description, then the valid range with its unit on a second line */
static char *
make_subtitle (const TsParamSpec *spec)
{
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;
  g_autofree char *range = NULL;

  if (spec->type != TS_PARAM_DOUBLE && spec->type != TS_PARAM_UINT)
    return g_strdup (_(spec->description));

  min = format_number (spec->min, spec->digits);
  max = format_number (spec->max, spec->digits);
  if (spec->unit != NULL && spec->unit[0] != '\0')
    /* Translators: a parameter's valid range: "From 1 to 500 bars" */
    range = g_strdup_printf (_("From %s to %s %s"), min, max, _(spec->unit));
  else
    /* Translators: a parameter's valid range: "From 0 to 1" */
    range = g_strdup_printf (_("From %s to %s"), min, max);

  return g_strdup_printf ("%s\n%s", _(spec->description), range);
}

/* "kalman" → "Kalman", "fixed-scale" → "Fixed scale" */
static char *
choice_label (const char *nick)
{
  char *label = g_strdelimit (g_strdup (nick), "-_", ' ');

  if (label[0] != '\0')
    label[0] = g_ascii_toupper (label[0]);
  return label;
}

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const TsParamSpec *spec = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; spec->choices[i] != NULL; i++)
    if (g_str_equal (spec->choices[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_warning ("Setting \"%s\" holds \"%s\", which is none of its choices", spec->key, nick);
  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const TsParamSpec *spec = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) spec->choices))
    return NULL; /* GTK_INVALID_LIST_POSITION: nothing selected */
  return g_variant_new_string (spec->choices[index]);
}

/* One row for @spec bound to @key; %NULL (with a warning) when the schema
 * lacks the key, so a table and the schema out of step are found at once */
static GtkWidget *
make_param_row (TsPreferencesWindow *self,
                const TsParamSpec   *spec,
                const char          *key,
                GtkSizeGroup        *unit_group)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *subtitle = make_subtitle (spec);
  GtkWidget *row;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  if (!g_settings_schema_has_key (schema, key))
    {
      g_warning ("Preferences: the settings schema %s has no key \"%s\"; its row is left out",
                 g_settings_schema_get_id (schema), key);
      return NULL;
    }

  switch (spec->type)
    {
    case TS_PARAM_CHOICE:
      {
        g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

        for (guint i = 0; spec->choices != NULL && spec->choices[i] != NULL; i++)
          {
            g_autofree char *label = choice_label (spec->choices[i]);

            gtk_string_list_append (model, label);
          }
        row = adw_combo_row_new ();
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
        g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                      G_SETTINGS_BIND_DEFAULT,
                                      choice_get_mapping, choice_set_mapping,
                                      (gpointer) spec, NULL);
      }
      break;

    case TS_PARAM_BOOLEAN:
      {
        GtkWidget *sw = gtk_switch_new ();

        row = adw_action_row_new ();
        gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
        gtk_widget_set_name (sw, key);
        gtk_accessible_update_property (GTK_ACCESSIBLE (sw),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->label), -1);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
        g_settings_bind (self->settings, key, sw, "active", G_SETTINGS_BIND_DEFAULT);
      }
      break;

    case TS_PARAM_DOUBLE:
    case TS_PARAM_UINT:
    default:
      {
        GtkAdjustment *adjustment;
        GtkWidget *spin;
        GtkWidget *unit;

        adjustment = gtk_adjustment_new (spec->min, spec->min, spec->max, spec->step,
                                         MIN (spec->step * 10, spec->max - spec->min), 0);
        spin = gtk_spin_button_new (adjustment, spec->step, spec->digits);
        gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
        gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
        gtk_editable_set_width_chars (GTK_EDITABLE (spin), 10);
        gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
        gtk_widget_set_name (spin, key);
        gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->label), -1);

        unit = gtk_label_new (spec->unit != NULL ? _(spec->unit) : "");
        gtk_label_set_xalign (GTK_LABEL (unit), 0);
        gtk_widget_add_css_class (unit, "dim-label");
        gtk_size_group_add_widget (unit_group, unit);

        row = adw_action_row_new ();
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), unit);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
        g_settings_bind (self->settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
      }
      break;
    }

  /* plain text: descriptions may hold '&' or '<' */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(spec->label));
  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, key);
  gtk_widget_set_name (row, key);
  return row;
}

/* Resets @keys, keeping their values for "prefs.undo-reset" */
static void
reset_keys (TsPreferencesWindow *self,
            const char * const  *keys,
            const char          *message)
{
  AdwToast *toast;

  g_clear_pointer (&self->undo_values, g_hash_table_unref);
  self->undo_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_variant_unref);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      GVariant *value = g_settings_get_user_value (self->settings, keys[i]);

      if (value != NULL)
        g_hash_table_insert (self->undo_values, g_strdup (keys[i]), value);
      g_settings_reset (self->settings, keys[i]);
    }

  toast = adw_toast_new (message);
  if (g_hash_table_size (self->undo_values) > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "prefs.undo-reset");
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
undo_reset (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TsPreferencesWindow *self = TS_PREFERENCES_WINDOW (widget);
  g_autoptr(GHashTable) values = g_steal_pointer (&self->undo_values);
  GHashTableIter iter;
  gpointer key, value;

  if (values == NULL)
    return;

  g_settings_delay (self->settings);
  g_hash_table_iter_init (&iter, values);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_settings_set_value (self->settings, key, value);
  g_settings_apply (self->settings);
}

static void
on_page_reset_clicked (GtkButton           *button,
                       TsPreferencesWindow *self)
{
  const char * const *keys = g_object_get_data (G_OBJECT (button), "ts-keys");
  const char *message = g_object_get_data (G_OBJECT (button), "ts-message");

  reset_keys (self, keys, message);
}

static void
on_reset_all_clicked (GtkButton           *button,
                      TsPreferencesWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  reset_keys (self, (const char * const *) keys, _("Every setting is back to its default"));
}

/* A page from a table: one group per spec group, in the order the groups
 * first appear, then a reset button for the page's keys */
static AdwPreferencesPage *
add_spec_page (TsPreferencesWindow *self,
               const char          *name,
               const char          *title,
               const char          *icon_name,
               const char          *prefix,
               const TsParamSpec   *specs,
               guint                n_specs,
               const char          *heading,
               const char          *heading_description,
               const char          *reset_tooltip,
               const char          *reset_message)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *reset_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GtkSizeGroup) unit_group = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();
  g_autofree gboolean *done = g_new0 (gboolean, MAX (n_specs, 1));
  g_autofree char *reset_name = g_strconcat ("reset-", name, NULL);
  GtkWidget *reset_button;

  adw_preferences_page_set_name (page, name);
  adw_preferences_page_set_title (page, title);
  adw_preferences_page_set_icon_name (page, icon_name);

  if (heading != NULL)
    {
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (group, heading);
      adw_preferences_group_set_description (group, heading_description);
      adw_preferences_page_add (page, group);
    }

  for (guint i = 0; i < n_specs; i++)
    {
      AdwPreferencesGroup *group;

      if (done[i])
        continue;

      group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (group, _(specs[i].group));
      for (guint j = i; j < n_specs; j++)
        {
          g_autofree char *key = NULL;
          GtkWidget *row;

          if (done[j] || g_strcmp0 (specs[j].group, specs[i].group) != 0)
            continue;
          done[j] = TRUE;
          key = g_strconcat (prefix, specs[j].key, NULL);
          row = make_param_row (self, &specs[j], key, unit_group);
          if (row == NULL)
            continue;
          adw_preferences_group_add (group, row);
          g_strv_builder_add (keys, key);
        }
      adw_preferences_page_add (page, group);
    }

  reset_button = gtk_button_new_with_mnemonic (_("_Reset to Defaults"));
  gtk_widget_set_name (reset_button, reset_name);
  gtk_widget_set_halign (reset_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset_button, "pill");
  gtk_widget_set_tooltip_text (reset_button, reset_tooltip);
  g_object_set_data_full (G_OBJECT (reset_button), "ts-keys",
                          g_strv_builder_end (keys), (GDestroyNotify) g_strfreev);
  g_object_set_data_full (G_OBJECT (reset_button), "ts-message",
                          g_strdup (reset_message), g_free);
  g_signal_connect_object (reset_button, "clicked", G_CALLBACK (on_page_reset_clicked), self, 0);
  adw_preferences_group_add (reset_group, reset_button);
  adw_preferences_page_add (page, reset_group);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  return page;
}

static void
sync_strategy_switches (TsPreferencesWindow *self)
{
  g_auto(GStrv) enabled = g_settings_get_strv (self->settings, "strategies");

  self->syncing = TRUE;
  for (guint i = 0; i < self->strategy_switches->len; i++)
    {
      GtkSwitch *sw = g_ptr_array_index (self->strategy_switches, i);

      gtk_switch_set_active (sw, g_strv_contains ((const char * const *) enabled,
                                                  gtk_widget_get_name (GTK_WIDGET (sw))));
    }
  self->syncing = FALSE;
}

static void
on_strategy_switch_active (GtkSwitch           *sw,
                           GParamSpec          *pspec,
                           TsPreferencesWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) enabled = NULL;

  if (self->syncing)
    return;

  for (guint i = 0; i < self->strategy_switches->len; i++)
    {
      GtkSwitch *other = g_ptr_array_index (self->strategy_switches, i);

      if (gtk_switch_get_active (other))
        g_strv_builder_add (builder, gtk_widget_get_name (GTK_WIDGET (other)));
    }
  enabled = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "strategies", (const char * const *) enabled);
}

static void
on_show_parameters_clicked (GtkButton           *button,
                            TsPreferencesWindow *self)
{
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self),
                                                g_object_get_data (G_OBJECT (button), "ts-page"));
}

/* The Strategies page: one switch, a link to its page and a symbol entry
 * per strategy, and the reset of every setting */
static void
add_strategies_page (TsPreferencesWindow *self)
{
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *reset_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *reset_button;

  adw_preferences_page_set_name (page, "strategies");
  adw_preferences_page_set_title (page, _("Strategies"));
  adw_preferences_page_set_icon_name (page, "view-list-symbolic");
  adw_preferences_group_set_title (group, _("Strategies"));
  adw_preferences_group_set_description (group,
    _("The strategies the engine runs and their symbols; applied on the next connect. "
      "Momentum burst alone trades the first symbol seen, as before."));

  for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      GtkWidget *entry = adw_entry_row_new ();
      GtkWidget *link = gtk_button_new_from_icon_name ("emblem-system-symbolic");
      g_autofree char *tooltip = g_strdup_printf (_("Parameters of %s"), _(strategies[i].title));

      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_widget_set_name (sw, strategies[i].name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(strategies[i].title), -1);

      gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (link, "flat");
      gtk_widget_set_tooltip_text (link, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (link),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      g_object_set_data (G_OBJECT (link), "ts-page", (gpointer) strategies[i].name);
      g_signal_connect_object (link, "clicked", G_CALLBACK (on_show_parameters_clicked), self, 0);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(strategies[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(strategies[i].subtitle));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name (strategies[i].icon_name));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), link);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      g_ptr_array_add (self->strategy_switches, sw);
      adw_preferences_group_add (group, row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(strategies[i].symbol_title));
      gtk_widget_set_name (entry, strategies[i].symbol_key);
      gtk_widget_set_margin_bottom (entry, 12);
      g_settings_bind (self->settings, strategies[i].symbol_key, entry, "text",
                       G_SETTINGS_BIND_DEFAULT);
      g_object_bind_property (sw, "active", entry, "sensitive", G_BINDING_SYNC_CREATE);
      adw_preferences_group_add (group, entry);
    }
  sync_strategy_switches (self);
  for (guint i = 0; i < self->strategy_switches->len; i++)
    g_signal_connect_object (g_ptr_array_index (self->strategy_switches, i), "notify::active",
                             G_CALLBACK (on_strategy_switch_active), self, 0);
  g_signal_connect_object (self->settings, "changed::strategies",
                           G_CALLBACK (sync_strategy_switches), self, G_CONNECT_SWAPPED);

  reset_button = gtk_button_new_with_mnemonic (_("_Reset All Settings"));
  gtk_widget_set_name (reset_button, "reset-all");
  gtk_widget_set_halign (reset_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset_button, "destructive-action");
  gtk_widget_add_css_class (reset_button, "pill");
  gtk_widget_set_tooltip_text (reset_button, _("Reset every setting of Tickscope to its default"));
  g_signal_connect_object (reset_button, "clicked", G_CALLBACK (on_reset_all_clicked), self, 0);
  adw_preferences_group_add (reset_group, reset_button);

  adw_preferences_page_add (page, group);
  adw_preferences_page_add (page, reset_group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
ts_preferences_window_constructed (GObject *object)
{
  TsPreferencesWindow *self = (TsPreferencesWindow *)object;
  const TsStrategyInfo *infos;
  const TsParamSpec *specs;
  guint n_infos, n_specs;

  G_OBJECT_CLASS (ts_preferences_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  add_strategies_page (self);

  infos = ts_strategy_info_list (&n_infos);
  for (guint i = 0; i < n_infos; i++)
    {
      int k = find_strategy (infos[i].name);
      g_autofree char *tooltip = g_strdup_printf (_("Reset the parameters of %s to their defaults"),
                                                  _(infos[i].title));
      g_autofree char *message = g_strdup_printf (_("The parameters of %s are back to their defaults"),
                                                  _(infos[i].title));
      g_autofree char *description = NULL;

      if (k >= 0)
        description = g_strdup_printf (_("%s. Turned on and given its symbols on the Strategies page."),
                                       _(strategies[k].subtitle));

      /* the view switcher shows the short title, the page's first group the full one */
      add_spec_page (self, infos[i].name,
                     k >= 0 ? _(strategies[k].short_title) : _(infos[i].title),
                     k >= 0 ? strategies[k].icon_name : "applications-utilities-symbolic",
                     infos[i].settings_prefix, infos[i].specs, infos[i].n_specs,
                     _(infos[i].title), description,
                     tooltip, message);
    }

  specs = ts_risk_params_get_specs (&n_specs);
  add_spec_page (self, "risk", _("Risk"), "dialog-warning-symbolic", "", specs, n_specs,
                 NULL, NULL,
                 _("Reset the risk limits to their defaults"),
                 _("The risk limits are back to their defaults"));

  specs = ts_broker_params_get_specs (&n_specs);
  add_spec_page (self, "broker", _("Paper Broker"), "x-office-spreadsheet-symbolic", "",
                 specs, n_specs,
                 NULL, NULL,
                 _("Reset the fees and the capital to their defaults"),
                 _("The fees and the capital are back to their defaults"));

  add_spec_page (self, "mock", _("Mock Server"), "network-server-symbolic", "",
                 mock_specs, G_N_ELEMENTS (mock_specs),
                 NULL, NULL,
                 _("Reset the mock server settings to their defaults"),
                 _("The mock server settings are back to their defaults"));
}

static void
ts_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TsPreferencesWindow *self = TS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TsPreferencesWindow *self = TS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_preferences_window_dispose (GObject *object)
{
  TsPreferencesWindow *self = (TsPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->undo_values, g_hash_table_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ts_preferences_window_parent_class)->dispose (object);
}

static void
ts_preferences_window_finalize (GObject *object)
{
  TsPreferencesWindow *self = (TsPreferencesWindow *)object;

  g_clear_pointer (&self->strategy_switches, g_ptr_array_unref);

  G_OBJECT_CLASS (ts_preferences_window_parent_class)->finalize (object);
}

static void
ts_preferences_window_class_init (TsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_preferences_window_constructed;
  object_class->get_property = ts_preferences_window_get_property;
  object_class->set_property = ts_preferences_window_set_property;
  object_class->dispose = ts_preferences_window_dispose;
  object_class->finalize = ts_preferences_window_finalize;

  /**
   * TsPreferencesWindow:settings:
   *
   * The settings the rows are bound to, of schema APP_ID; %NULL at
   * construction means g_settings_new (APP_ID).
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-preferences-window.ui");
  gtk_widget_class_install_action (widget_class, "prefs.undo-reset", NULL, undo_reset);
}

static void
ts_preferences_window_init (TsPreferencesWindow *self)
{
  self->strategy_switches = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
ts_preferences_window_new (GtkWindow *parent)
{
  return ts_preferences_window_new_for_settings (parent, NULL);
}

GtkWindow *
ts_preferences_window_new_for_settings (GtkWindow *parent,
                                        GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (TS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "settings", settings,
                       NULL);
}
