/* ts-window.c: the main window
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "feed/ts-feed-error.h"
#include "ts-spread-chart.h"
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
  GtkWidget            *loading_spinner;   /* not in the template */
  GtkLabel             *state_label;
  GtkWidget            *rec_label;
  GtkWidget            *resume_button;
  GtkStack             *chart_stack;
  TsPriceChart         *chart;
  TsSpreadChart        *spread_chart;
  TsStatsPanel         *stats_panel;
  TsTradeList          *trade_list;
  TsTickLog            *tick_log;

  TsSession            *session;
  GSettings            *settings;

  TsFeedState           feed_state;
  char                 *last_error;
  TsSessionUpdate      *last_update;       /* for the tooltip */
  gint64                retry_deadline_us; /* monotonic */
  gint64                last_tick_mono;    /* monotonic µs of the last tick, as the update says */
  guint                 countdown_id;

  char                 *loading_path;      /* a recording being read, or NULL */
  GCancellable         *loading_cancellable;
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
  "state-stale",
};

/* Short names of the rejection codes, by TsFeedError value */
static const char *
reject_kind_name (guint code)
{
  switch (code)
    {
    case TS_FEED_ERROR_NOT_JSON: return _("not JSON");
    case TS_FEED_ERROR_WRONG_TYPE: return _("wrong type");
    case TS_FEED_ERROR_MISSING_FIELD: return _("missing field");
    case TS_FEED_ERROR_BAD_VALUE: return _("bad value");
    case TS_FEED_ERROR_UNKNOWN_EVENT: return _("unknown event");
    case TS_FEED_ERROR_TOO_LARGE: return _("too large");
    case TS_FEED_ERROR_IO: return _("I/O");
    case TS_FEED_ERROR_EMPTY: return _("empty");
    case TS_FEED_ERROR_BAD_TIME: return _("time far off");
    default: return "?";
    }
}

/* The indicator's tooltip: where, why, and what was counted */
static char *
build_tooltip (TsWindow *self)
{
  TsSessionUpdate *u = self->last_update;
  GString *out = g_string_new (NULL);
  guint64 by_code = 0;

  if (u == NULL || u->url == NULL)
    {
      g_string_append (out, _("Not connected"));
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out, _("Source: %s (%s)"), u->url, ts_venue_to_string (u->venue));
  if (self->last_error != NULL)
    g_string_append_printf (out, "\n%s %s", _("Last error:"), self->last_error);
  g_string_append_printf (out, "\n%s %" G_GUINT64_FORMAT "   %s %" G_GUINT64_FORMAT
                          "   %s %" G_GUINT64_FORMAT "   %s %" G_GUINT64_FORMAT,
                          _("Messages:"), u->messages, _("Ticks:"), u->ticks,
                          _("Rejected:"), u->rejected, _("Gaps:"), u->gaps);
  for (guint i = 0; i < TS_FEED_ERROR_N_CODES; i++)
    if (u->rejected_by_code[i] > 0)
      {
        g_string_append_printf (out, "%s%s %" G_GUINT64_FORMAT, by_code == 0 ? "\n  " : ", ",
                                reject_kind_name (i), u->rejected_by_code[i]);
        by_code += u->rejected_by_code[i];
      }
  if (u->rejected > by_code)
    g_string_append_printf (out, "%s%s %" G_GUINT64_FORMAT, by_code == 0 ? "\n  " : ", ",
                            _("refused frames"), u->rejected - by_code);
  if (u->rejects_not_logged > 0)
    g_string_append_printf (out, "\n  %s %" G_GUINT64_FORMAT, _("not in the tick log (rate limit):"),
                            u->rejects_not_logged);
  if (u->reconnects > 0)
    g_string_append_printf (out, "\n%s %u", _("Reconnects:"), u->reconnects);
  if (u->recording && u->recording_path != NULL)
    g_string_append_printf (out, "\n%s %s (%" G_GUINT64_FORMAT ")", _("Recording to"),
                            u->recording_path, u->recording_messages);
  return g_string_free (out, FALSE);
}

static void
update_state_indicator (TsWindow *self)
{
  g_autofree char *text = NULL;

  /* a recording being read comes first: the feed still running is going */
  if (self->loading_path != NULL)
    {
      g_autofree char *basename = g_path_get_basename (self->loading_path);
      g_autofree char *tooltip = NULL;

      gtk_label_set_text (self->state_label, _("Loading recording…"));
      for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
        gtk_widget_remove_css_class (self->state_box, state_classes[i]);
      gtk_widget_add_css_class (self->state_box, "state-connecting");
      /* Translators: %s is the file name of a recording */
      tooltip = g_strdup_printf (_("Reading %s before replaying it"), self->loading_path);
      gtk_widget_set_tooltip_text (self->state_box, tooltip);
      return;
    }

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
    case TS_FEED_STATE_STALE:
      {
        int idle = (int)MAX (0, (g_get_monotonic_time () - self->last_tick_mono) / G_USEC_PER_SEC);

        /* Translators: connected, but no tick arrived for %d seconds */
        text = g_strdup_printf (ngettext ("Stale (no tick for %d s)", "Stale (no tick for %d s)", idle), idle);
      }
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

  {
    g_autofree char *tooltip = build_tooltip (self);

    gtk_widget_set_tooltip_text (self->state_box, tooltip);
  }
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
      ts_spread_chart_clear (self->spread_chart);
      ts_trade_list_clear (self->trade_list);
      ts_stats_panel_set_stats (self->stats_panel, NULL);
      ts_tick_log_set_lines (self->tick_log, NULL, 0);
    }

  ts_price_chart_append_points (self->chart,
                                (const TsChartPoint *)(gpointer)update->points->data,
                                update->points->len);
  ts_price_chart_add_fills (self->chart, (const TsFill *)(gpointer)update->fills->data,
                            update->fills->len);
  /* strategy overlays: the chart's symbol first, so its samples are kept */
  if (update->symbol[0] != '\0')
    ts_price_chart_set_symbol (self->chart, update->symbol);
  if (update->overlays != NULL && update->overlays->len > 0)
    {
      const TsOverlaySample *samples = (const TsOverlaySample *)(gpointer)update->overlays->data;

      ts_price_chart_add_overlay_samples (self->chart, samples, update->overlays->len);
      ts_spread_chart_add_samples (self->spread_chart, samples, update->overlays->len);
    }
  ts_trade_list_set_strategy_names (self->trade_list, update->strategy_names,
                                    G_N_ELEMENTS (update->strategy_names));
  ts_trade_list_add_trades (self->trade_list, (const TsTrade *)(gpointer)update->trades->data,
                            update->trades->len);
  if (update->has_stats && update->stats.ticks > 0)
    ts_stats_panel_set_stats (self->stats_panel, &update->stats);
  if (update->has_stats)
    {
      ts_stats_panel_set_risk_state (self->stats_panel, update->risk_halted,
                                     update->risk_code, update->risk_until_us);
      gtk_widget_set_visible (self->resume_button, update->risk_halted);
    }
  if (update->emergency_closed >= 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Emergency stop: %d position closed",
                                      "Emergency stop: %d positions closed",
                                      update->emergency_closed),
                         update->emergency_closed);

      ts_window_show_toast (self, message);
    }
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
      if (self->last_error != NULL
          && (update->feed_state == TS_FEED_STATE_RECONNECTING
              || update->feed_state == TS_FEED_STATE_DISCONNECTED))
        {
          g_autofree char *message = g_strdup_printf (_("Connection failed: %s"), self->last_error);

          ts_window_show_toast (self, message);
        }
    }

  if (update->recording_stopped)
    {
      g_autofree char *basename = g_path_get_basename (update->recording_path);
      g_autofree char *message = NULL;

      if (update->recording_error != NULL)
        message = g_strdup_printf (_("Recording failed: %s"), update->recording_error);
      else
        /* Translators: %s is a file name, then a count of messages */
        message = g_strdup_printf (ngettext ("Recording saved to %s: %" G_GUINT64_FORMAT " message",
                                             "Recording saved to %s: %" G_GUINT64_FORMAT " messages",
                                             update->recording_messages),
                                   basename, update->recording_messages);
      ts_window_show_toast (self, message);
    }
  gtk_widget_set_visible (self->rec_label, ts_session_is_recording (self->session));

  g_clear_pointer (&self->last_update, ts_session_update_unref);
  self->last_update = ts_session_update_ref (update);

  self->feed_state = update->feed_state;
  self->last_tick_mono = g_get_monotonic_time () - (gint64)(update->seconds_since_tick * G_USEC_PER_SEC);
  if (self->feed_state == TS_FEED_STATE_RECONNECTING)
    self->retry_deadline_us = g_get_monotonic_time ()
                              + (gint64)(update->retry_seconds * G_USEC_PER_SEC);
  if (self->feed_state == TS_FEED_STATE_RECONNECTING || self->feed_state == TS_FEED_STATE_STALE)
    {
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
  /* a recording still being read for this window is not wanted any more */
  if (self->loading_cancellable != NULL)
    g_cancellable_cancel (self->loading_cancellable);
  g_clear_object (&self->loading_cancellable);
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
  g_clear_pointer (&self->last_update, ts_session_update_unref);
  g_clear_pointer (&self->loading_path, g_free);

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
  g_type_ensure (TS_TYPE_SPREAD_CHART);
  g_type_ensure (TS_TYPE_STATS_PANEL);
  g_type_ensure (TS_TYPE_TRADE_LIST);
  g_type_ensure (TS_TYPE_TICK_LOG);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, state_box);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, state_label);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, rec_label);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, resume_button);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, chart_stack);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, spread_chart);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, stats_panel);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, trade_list);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, tick_log);
}

static void
ts_window_init (TsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* spins in front of the state while a recording is read */
  self->loading_spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->loading_spinner, FALSE);
  gtk_box_insert_child_after (GTK_BOX (self->state_box), self->loading_spinner, NULL);

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

void
ts_window_set_loading_recording (TsWindow     *self,
                                 const char   *path,
                                 GCancellable *cancellable)
{
  g_return_if_fail (TS_IS_WINDOW (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_free (self->loading_path);
  self->loading_path = g_strdup (path);
  g_clear_object (&self->loading_cancellable);
  if (path != NULL && cancellable != NULL)
    self->loading_cancellable = g_object_ref (cancellable);

  gtk_spinner_set_spinning (GTK_SPINNER (self->loading_spinner), path != NULL);
  gtk_widget_set_visible (self->loading_spinner, path != NULL);
  update_state_indicator (self);
}

const char *
ts_window_get_loading_recording (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return self->loading_path;
}

TsPriceChart *
ts_window_get_chart (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return self->chart;
}

TsSpreadChart *
ts_window_get_spread_chart (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return self->spread_chart;
}

TsStatsPanel *
ts_window_get_stats_panel (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return self->stats_panel;
}

GListModel *
ts_window_get_trade_model (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return ts_trade_list_get_model (self->trade_list);
}
