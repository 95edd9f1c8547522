/* ts-preferences-window.c: strategy, risk, broker and mock server settings
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ts-preferences-window.h"

struct _TsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkSwitch            *strategy_switches[5];
  gboolean              syncing;
};

G_DEFINE_FINAL_TYPE (TsPreferencesWindow, ts_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Every key the window edits; the template names its widget after the key,
 * with '_' for '-'. A spin button binds "value", a switch "active". */
static const char * const keys[] = {
  "window-seconds", "min-ticks", "entry-threshold", "volume-spike-multiplier",
  "volatility-guard", "allow-short", "stop-loss", "profit-target",
  "time-stop-seconds", "flat-candles", "flat-threshold", "position-size",
  "daily-loss-limit-pct", "cooldown-signals",
  "slippage-bps", "taker-fee-bps", "initial-capital",
  "mock-port", "mock-rate",
};

/* The Strategies page, made in code: one switch and one symbol entry per
 * strategy, by the short names of the "strategies" key */
static const struct {
  const char *name;
  const char *title;
  const char *subtitle;
  const char *symbol_key;
  const char *symbol_title;
} strategies[] = {
  { "momentum", N_("Momentum burst"),
    N_("Rides short bursts of price and volume"),
    "momentum-symbol", N_("Symbol (empty: the first seen)") },
  { "maxwell", N_("Maxwell dip buyer"),
    N_("Buys statistically deep dips below a moving average"),
    "maxwell-symbol", N_("Symbol") },
  { "calculus", N_("Calculus trend"),
    N_("Follows the smoothed price's slope with a Taylor forecast"),
    "calculus-symbol", N_("Symbol") },
  { "pairs", N_("Pairs mean reversion"),
    N_("Trades the z-score of a cointegrated pair's spread"),
    "pairs-symbols", N_("Symbols, A and B, comma-separated") },
  { "confluence", N_("Technical confluence"),
    N_("Fibonacci levels, fractals and zigzag pivots agreeing"),
    "confluence-symbol", N_("Symbol") },
};

static void
sync_strategy_switches (TsPreferencesWindow *self)
{
  g_auto(GStrv) enabled = g_settings_get_strv (self->settings, "strategies");

  self->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
    gtk_switch_set_active (self->strategy_switches[i],
                           g_strv_contains ((const char * const *) enabled, strategies[i].name));
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

  for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
    if (gtk_switch_get_active (self->strategy_switches[i]))
      g_strv_builder_add (builder, strategies[i].name);
  enabled = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "strategies", (const char * const *) enabled);
}

static void
on_reset_clicked (GtkButton           *button,
                  TsPreferencesWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys_all = NULL;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  keys_all = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys_all[i] != NULL; i++)
    g_settings_reset (self->settings, keys_all[i]);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Every setting is back to its default")));
}

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

      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(strategies[i].title));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(strategies[i].subtitle));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      gtk_widget_set_name (sw, strategies[i].name);
      self->strategy_switches[i] = GTK_SWITCH (sw);
      adw_preferences_group_add (group, row);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(strategies[i].symbol_title));
      gtk_widget_set_margin_bottom (entry, 12);
      g_settings_bind (self->settings, strategies[i].symbol_key, entry, "text",
                       G_SETTINGS_BIND_DEFAULT);
      g_object_bind_property (sw, "active", entry, "sensitive", G_BINDING_SYNC_CREATE);
      adw_preferences_group_add (group, entry);
    }
  sync_strategy_switches (self);
  for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
    g_signal_connect_object (self->strategy_switches[i], "notify::active",
                             G_CALLBACK (on_strategy_switch_active), self, 0);
  g_signal_connect_object (self->settings, "changed::strategies",
                           G_CALLBACK (sync_strategy_switches), self, G_CONNECT_SWAPPED);

  reset_button = gtk_button_new_with_mnemonic (_("_Reset to Defaults"));
  gtk_widget_set_halign (reset_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reset_button, "destructive-action");
  gtk_widget_add_css_class (reset_button, "pill");
  gtk_widget_set_tooltip_text (reset_button, _("Reset every setting of Tickscope to its default"));
  g_signal_connect_object (reset_button, "clicked", G_CALLBACK (on_reset_clicked), self, 0);
  adw_preferences_group_add (reset_group, reset_button);

  adw_preferences_page_add (page, group);
  adw_preferences_page_add (page, reset_group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
}

static void
ts_preferences_window_dispose (GObject *object)
{
  TsPreferencesWindow *self = (TsPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ts_preferences_window_parent_class)->dispose (object);
}

static void
ts_preferences_window_class_init (TsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-preferences-window.ui");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (keys[i]), "-", '_');

      /* internal children, looked up in init; not stored in the struct */
      gtk_widget_class_bind_template_child_full (widget_class, name, FALSE, 0);
    }
}

static void
ts_preferences_window_init (TsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (keys[i]), "-", '_');
      GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (self),
                                                       TS_TYPE_PREFERENCES_WINDOW, name);

      g_assert (widget != NULL);
      g_settings_bind (self->settings, keys[i], widget,
                       GTK_IS_SWITCH (widget) ? "active" : "value",
                       G_SETTINGS_BIND_DEFAULT);
    }

  add_strategies_page (self);
}

GtkWindow *
ts_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (TS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
