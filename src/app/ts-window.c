/* ts-window.c: the main window
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ts-stats-panel.h"
#include "ts-tick-log.h"
#include "ts-trade-list.h"
#include "ts-window.h"

struct _TsWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkWidget            *state_box;
  GtkLabel             *state_label;
  GtkStack             *chart_stack;
  TsPriceChart         *chart;
  TsStatsPanel         *stats_panel;
  TsTradeList          *trade_list;
  TsTickLog            *tick_log;

  TsSession            *session;
  GSettings            *settings;

  TsFeedState           feed_state;
  char                 *last_error;
  gint64                retry_deadline_us; /* monotonic */
  guint                 countdown_id;
};

G_DEFINE_FINAL_TYPE (TsWindow, ts_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_classes[] = {
  "state-disconnected", "state-connecting", "state-live", "state-reconnecting", "state-finished",
};

static void
update_state_indicator (TsWindow *self)
{
  g_autofree char *text = NULL;

  switch (self->feed_state)
    {
    case TS_FEED_STATE_CONNECTING:
      text = g_strdup (_("Connecting…"));
      break;
    case TS_FEED_STATE_LIVE:
      text = g_strdup (_("Live"));
      break;
    case TS_FEED_STATE_RECONNECTING:
      {
        gint64 left_us = self->retry_deadline_us - g_get_monotonic_time ();
        int left = (int)MAX (0, ceil ((double)left_us / G_USEC_PER_SEC));

        /* Translators: the feed connection dropped; the next attempt is in %d seconds */
        text = g_strdup_printf (ngettext ("Reconnecting in %d s", "Reconnecting in %d s", left), left);
      }
      break;
    case TS_FEED_STATE_FINISHED:
      text = g_strdup (_("Replay finished"));
      break;
    case TS_FEED_STATE_DISCONNECTED:
    default:
      text = g_strdup (_("Disconnected"));
      break;
    }

  gtk_label_set_text (self->state_label, text);
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (self->state_box, state_classes[i]);
  if ((guint)self->feed_state < G_N_ELEMENTS (state_classes))
    gtk_widget_add_css_class (self->state_box, state_classes[self->feed_state]);

  gtk_widget_set_tooltip_text (self->state_box, self->last_error);
}

static gboolean
on_countdown (gpointer user_data)
{
  TsWindow *self = user_data;

  update_state_indicator (self);
  return G_SOURCE_CONTINUE;
}

static void
on_session_update (TsWindow        *self,
                   TsSessionUpdate *update,
                   TsSession       *session)
{
  if (update->reset)
    {
      ts_price_chart_clear (self->chart);
      ts_trade_list_clear (self->trade_list);
      ts_stats_panel_set_stats (self->stats_panel, NULL);
      ts_tick_log_set_lines (self->tick_log, NULL, 0);
    }

  ts_price_chart_append_points (self->chart,
                                (const TsChartPoint *)(gpointer)update->points->data,
                                update->points->len);
  ts_price_chart_add_fills (self->chart, (const TsFill *)(gpointer)update->fills->data,
                            update->fills->len);
  ts_trade_list_add_trades (self->trade_list, (const TsTrade *)(gpointer)update->trades->data,
                            update->trades->len);
  if (update->has_stats && update->stats.ticks > 0)
    ts_stats_panel_set_stats (self->stats_panel, &update->stats);
  if (update->log_changed)
    ts_tick_log_set_lines (self->tick_log, (const TsTickLogLine *)(gpointer)update->log->data,
                           update->log->len);

  gtk_stack_set_visible_child_name (self->chart_stack,
                                    ts_price_chart_get_n_points (self->chart) > 0 ? "chart" : "empty");

  if (update->symbol[0] != '\0' && update->url != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", update->symbol, update->url);

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->window_title, update->url != NULL ? update->url : "");

  /* a new error reaches the user as a toast once, and stays as the tooltip */
  if (g_strcmp0 (update->last_error, self->last_error) != 0)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (update->last_error);
      if (self->last_error != NULL && update->feed_state != TS_FEED_STATE_LIVE)
        {
          g_autofree char *message = g_strdup_printf (_("Connection failed: %s"), self->last_error);

          ts_window_show_toast (self, message);
        }
    }

  self->feed_state = update->feed_state;
  if (self->feed_state == TS_FEED_STATE_RECONNECTING)
    {
      self->retry_deadline_us = g_get_monotonic_time ()
                                + (gint64)(update->retry_seconds * G_USEC_PER_SEC);
      if (self->countdown_id == 0)
        self->countdown_id = g_timeout_add_seconds (1, on_countdown, self);
    }
  else
    g_clear_handle_id (&self->countdown_id, g_source_remove);

  update_state_indicator (self);
}

static void
ts_window_constructed (GObject *object)
{
  TsWindow *self = (TsWindow *)object;

  G_OBJECT_CLASS (ts_window_parent_class)->constructed (object);

  g_return_if_fail (TS_IS_SESSION (self->session));
  g_signal_connect_object (self->session, "update",
                           G_CALLBACK (on_session_update), self, G_CONNECT_SWAPPED);
}

static void
ts_window_dispose (GObject *object)
{
  TsWindow *self = (TsWindow *)object;

  g_clear_handle_id (&self->countdown_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ts_window_parent_class)->dispose (object);
}

static void
ts_window_finalize (GObject *object)
{
  TsWindow *self = (TsWindow *)object;

  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (ts_window_parent_class)->finalize (object);
}

static void
ts_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TsWindow *self = TS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TsWindow *self = TS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_window_class_init (TsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_window_constructed;
  object_class->dispose = ts_window_dispose;
  object_class->finalize = ts_window_finalize;
  object_class->set_property = ts_window_set_property;
  object_class->get_property = ts_window_get_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TS_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TS_TYPE_PRICE_CHART);
  g_type_ensure (TS_TYPE_STATS_PANEL);
  g_type_ensure (TS_TYPE_TRADE_LIST);
  g_type_ensure (TS_TYPE_TICK_LOG);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, state_box);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, state_label);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, stats_panel);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, trade_list);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, tick_log);
}

static void
ts_window_init (TsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->feed_state = TS_FEED_STATE_DISCONNECTED;
  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  update_state_indicator (self);
}

TsWindow *
ts_window_new (GtkApplication *application,
               TsSession      *session)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (TS_IS_SESSION (session), NULL);

  return g_object_new (TS_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

void
ts_window_show_toast (TsWindow   *self,
                      const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (TS_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  /* a toast's title is Pango markup in libadwaita 1.2 */
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

TsPriceChart *
ts_window_get_chart (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return self->chart;
}

GListModel *
ts_window_get_trade_model (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return ts_trade_list_get_model (self->trade_list);
}
