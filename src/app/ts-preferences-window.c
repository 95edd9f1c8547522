/* ts-preferences-window.c: strategy, risk, broker and mock server settings
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ts-preferences-window.h"

struct _TsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
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
}

GtkWindow *
ts_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (TS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
}
