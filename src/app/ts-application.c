/* ts-application.c: the Tickscope application
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "store/ts-journal.h"
#include "store/ts-trade-csv-writer.h"
#include "ts-application.h"
#include "ts-backtest-window.h"
#include "ts-connect-dialog.h"
#include "ts-history-window.h"
#include "ts-preferences-window.h"
#include "ts-window.h"


struct _TsApplication
{
  AdwApplication  parent_instance;

  TsSession      *session;
  GSettings      *settings;

  double          mock_speed;
  char           *screenshot_path;
  double          screenshot_after;
  guint           screenshot_id;
  gulong          after_paint_id;
  GdkFrameClock  *frame_clock;
  int             exit_status;
  GCancellable   *replay_cancellable;  /* a recording being read, see replay() */
};

G_DEFINE_FINAL_TYPE (TsApplication, ts_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "mock", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start the embedded mock tick server and connect to it"), NULL },
  { "mock-speed", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Simulated seconds per second for the mock server (default 1)"), N_("N") },
  { "connect", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Connect to a WebSocket tick source speaking the mock schema"), N_("URL") },
  { "connect-dialog", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the Connect dialog"), NULL },
  { "replay", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Replay a recording through the embedded mock server"), N_("FILE") },
  { "replay-speed", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Replay speed: 1 = real time, N = N times faster, 0 = as fast as possible (default 1)"), N_("N") },
  { "backtest", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the Backtest view and run the strategy over a file"), N_("FILE") },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Save the window as a PNG image, then quit"), N_("FILE") },
  { "screenshot-after", 0, 0, G_OPTION_ARG_DOUBLE, NULL,
    N_("Seconds to wait before the screenshot (default 5)"), N_("SECONDS") },
  { NULL }
};

static TsWindow *
get_window (TsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TS_IS_WINDOW (window))
    return TS_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TS_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
show_toast (TsApplication *self,
            const char    *message)
{
  TsWindow *window = get_window (self);

  if (window != NULL)
    ts_window_show_toast (window, message);
  else
    g_printerr ("%s\n", message);
}

/* A recording still being read for a replay is not wanted any more: the
 * user chose another source (or the app goes) */
static void
cancel_replay_load (TsApplication *self)
{
  TsWindow *window;

  if (self->replay_cancellable == NULL)
    return;
  g_cancellable_cancel (self->replay_cancellable);
  g_clear_object (&self->replay_cancellable);
  window = get_window (self);
  if (window != NULL)
    ts_window_set_loading_recording (window, NULL, NULL);
}

static void
update_mock_actions (TsApplication *self)
{
  gboolean running = self->session != NULL && ts_session_is_mock_server_running (self->session);
  GAction *start = g_action_map_lookup_action (G_ACTION_MAP (self), "start-mock-server");
  GAction *stop = g_action_map_lookup_action (G_ACTION_MAP (self), "stop-mock-server");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (start), !running);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (stop), running);
}

static void
update_record_actions (TsApplication *self)
{
  gboolean recording = self->session != NULL && ts_session_is_recording (self->session);
  GAction *stop = g_action_map_lookup_action (G_ACTION_MAP (self), "stop-recording");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (stop), recording);
}

static gboolean
env_double (const char *name,
            double     *value)
{
  const char *text = g_getenv (name);
  char *end = NULL;
  double v;

  if (text == NULL || text[0] == '\0')
    return FALSE;
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    return FALSE;
  *value = v;
  return TRUE;
}

static void
start_mock_server (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TsApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) port_value = g_settings_get_value (self->settings, "mock-port");
  double port = g_variant_get_uint16 (port_value);
  double rate = g_settings_get_double (self->settings, "mock-rate");
  double speed = self->mock_speed;

  cancel_replay_load (self);
  env_double ("TICKSCOPE_MOCK_PORT", &port);
  env_double ("TICKSCOPE_MOCK_SPEED", &speed);
  port = CLAMP (port, 0, G_MAXUINT16);
  if (!(speed > 0))
    speed = 1;

  if (!ts_session_start_mock_server (self->session, (guint16)port, rate, speed, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not start the mock server: %s"),
                                                  error->message);

      show_toast (self, message);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (_("Mock server running at %s"),
                                                ts_session_get_mock_server_url (self->session));

    show_toast (self, message);
  }
}

static void
stop_mock_server (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TsApplication *self = user_data;

  cancel_replay_load (self);
  ts_session_stop_mock_server (self->session);
  show_toast (self, _("Mock server stopped"));
}

/* the current journal session's trades into @path; FALSE with @error
 * set when the journal cannot be read; *n_trades = how many */
static gboolean
export_from_journal (gint64       session_id,
                     const char  *path,
                     guint       *n_trades,
                     GError     **error)
{
  g_autofree char *journal_path = ts_journal_dup_default_path ();
  g_autoptr(TsJournal) journal = ts_journal_open (journal_path, error);
  g_autoptr(GArray) trades = NULL;

  if (journal == NULL)
    return FALSE;
  trades = ts_journal_load_trades (journal, session_id, error);
  if (trades == NULL || !ts_journal_export_csv (journal, session_id, path, error))
    return FALSE;
  *n_trades = trades->len;
  return TRUE;
}

/* The trades of the current session, from the trade journal (every trade
 * it recorded, also those of before a restart); from memory when there is
 * no journal session. */
static void
export_to_path (TsApplication *self,
                const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  gint64 session_id = ts_session_get_journal_session_id (self->session);
  guint n = 0;
  gboolean done;

  if (session_id > 0)
    done = export_from_journal (session_id, path, &n, &error);
  else
    {
      const TsTrade *trades = ts_session_get_trades (self->session, &n);

      done = ts_trade_csv_writer_write_file (path, trades, n, &error);
    }
  if (!done)
    {
      g_autofree char *message = g_strdup_printf (_("Could not export trades: %s"), error->message);

      show_toast (self, message);
      return;
    }

  {
    /* Translators: %u trades were written to the file %s */
    g_autofree char *message = g_strdup_printf (ngettext ("%u trade written to %s",
                                                          "%u trades written to %s", n),
                                                n, basename);

    show_toast (self, message);
  }
}

/* what the trade journal did (a restore, an error), as a toast; the
 * session has logged it already */
static void
on_session_update (TsApplication   *self,
                   TsSessionUpdate *update)
{
  if (update->journal_message != NULL)
    show_toast (self, update->journal_message);
}

/* ---- a local file to write, asked for in a save dialog ----------------- */

typedef void (*SavePathFunc) (TsApplication *self,
                              const char    *path);

typedef struct
{
  TsApplication *self;
  SavePathFunc   func;
  const char    *not_local;  /* the toast when the file is not local */
} SaveRequest;

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  SaveRequest *request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        request->func (request->self, path);
      else
        show_toast (request->self, request->not_local);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_application_release (G_APPLICATION (request->self));
  g_free (request);
}

/* asks for a file to save to, then calls @func with its local path;
 * @title, @accept and @not_local are translated static strings */
static void
ask_save_path (TsApplication *self,
               const char    *title,
               const char    *accept,
               const char    *current_name,
               SavePathFunc   func,
               const char    *not_local)
{
  GtkFileChooserNative *chooser;
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->self = self;
  request->func = func;
  request->not_local = not_local;
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (get_window (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), current_name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), request);
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_trades (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  TsApplication *self = user_data;
  const char *path = g_variant_get_string (parameter, NULL);

  if (path[0] != '\0')
    {
      export_to_path (self, path);
      return;
    }

  ask_save_path (self, _("Export Trades as CSV"), _("_Export"), "tickscope-trades.csv",
                 export_to_path, _("Could not export trades: choose a local file"));
}

typedef struct
{
  TsApplication *self;         /* a reference */
  char          *path;
  GCancellable  *cancellable;
} ReplayStart;

static void
replay_start_free (ReplayStart *start)
{
  g_object_unref (start->self);
  g_free (start->path);
  g_object_unref (start->cancellable);
  g_free (start);
}

static void
on_replay_started (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReplayStart *start = user_data;
  TsApplication *self = start->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (start->path);
  g_autofree char *message = NULL;
  TsWindow *window;

  if (!ts_session_start_replay_finish (TS_SESSION (source_object), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* another source was chosen or the window closed: it said so already */
      replay_start_free (start);
      return;
    }

  if (self->replay_cancellable == start->cancellable)
    g_clear_object (&self->replay_cancellable);
  window = get_window (self);
  if (window != NULL)
    ts_window_set_loading_recording (window, NULL, NULL);

  if (error != NULL)
    message = g_strdup_printf (_("Could not replay %s: %s"), basename, error->message);
  else
    message = g_strdup_printf (_("Replaying %s"), basename);
  show_toast (self, message);
  replay_start_free (start);
}

/* Reads @path on a worker thread, showing that in the window, then replays
 * it; the source running until then stays until the file has been read */
static void
replay (TsApplication *self,
        const char    *path,
        double         speed)
{
  ReplayStart *start;
  TsWindow *window;

  cancel_replay_load (self);
  self->replay_cancellable = g_cancellable_new ();

  start = g_new0 (ReplayStart, 1);
  start->self = g_object_ref (self);
  start->path = g_strdup (path);
  start->cancellable = g_object_ref (self->replay_cancellable);

  window = get_window (self);
  if (window != NULL)
    ts_window_set_loading_recording (window, path, self->replay_cancellable);
  ts_session_start_replay_async (self->session, path, speed, self->replay_cancellable,
                                 on_replay_started, start);
}

/* "BTCUSDT, ethusdt" → { "BTCUSDT", "ethusdt" }; empty items dropped */
static char **
split_symbols (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ", ;", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_strstrip (parts[i])[0] != '\0')
      g_strv_builder_add (builder, parts[i]);
  return g_strv_builder_end (builder);
}

/* app.connect-source: connects to what the "source" key and its details say */
static void
connect_source (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TsApplication *self = user_data;
  g_autofree char *source = g_settings_get_string (self->settings, "source");
  TsVenue venue;

  cancel_replay_load (self);
  if (g_str_equal (source, "recording"))
    {
      g_autofree char *path = g_settings_get_string (self->settings, "replay-path");

      if (path[0] == '\0')
        show_toast (self, _("Choose a recording to replay"));
      else
        replay (self, path, g_settings_get_double (self->settings, "replay-speed"));
      return;
    }

  if (!ts_venue_from_string (source, &venue) || venue == TS_VENUE_MOCK)
    {
      /* the embedded generator: a replay running in its place goes */
      ts_session_stop_mock_server (self->session);
      g_action_group_activate_action (G_ACTION_GROUP (self), "start-mock-server", NULL);
      return;
    }

  {
    g_autofree char *url_key = g_strconcat (source, "-url", NULL);
    g_autofree char *symbols_key = g_strconcat (source, "-symbols", NULL);
    g_autofree char *url = g_settings_get_string (self->settings, url_key);
    g_autofree char *text = g_settings_get_string (self->settings, symbols_key);
    g_auto(GStrv) symbols = split_symbols (text);

    if (symbols[0] == NULL)
      {
        show_toast (self, _("Give at least one symbol to subscribe to"));
        return;
      }
    if (url[0] == '\0')
      {
        g_free (url);
        url = g_strdup (ts_venue_get_default_url (venue));
      }
    if (!g_str_has_prefix (url, "ws://") && !g_str_has_prefix (url, "wss://"))
      {
        g_autofree char *message = g_strdup_printf (_("Not a WebSocket URL: %s"), url);

        show_toast (self, message);
        return;
      }
    ts_session_connect_venue (self->session, venue, url, (const char * const *) symbols);
  }
}

static void
record_to_path (TsApplication *self,
                const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  if (!ts_session_start_recording (self->session, path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not record: %s"), error->message);

      show_toast (self, message);
      return;
    }

  {
    g_autofree char *message = g_strdup_printf (_("Recording to %s"), basename);

    show_toast (self, message);
  }
}

/* app.record-session('PATH'): records to PATH, or asks with '' ; a second
 * activation stops, as app.stop-recording does */
static void
record_session (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TsApplication *self = user_data;
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;

  if (ts_session_is_recording (self->session))
    {
      ts_session_stop_recording (self->session);
      return;
    }

  if (path[0] != '\0')
    {
      record_to_path (self, path);
      return;
    }

  now = g_date_time_new_now_local ();
  name = g_date_time_format (now, "tickscope-%Y%m%d-%H%M%S.gz");
  ask_save_path (self, _("Record Session"), _("_Record"), name,
                 record_to_path, _("Could not record: choose a local file"));
}

static void
stop_recording (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TsApplication *self = user_data;

  ts_session_stop_recording (self->session);
}

static void
connect_to (TsApplication *self,
            const char    *url)
{
  g_autofree char *stripped = g_strstrip (g_strdup (url));

  cancel_replay_load (self);
  if (!g_str_has_prefix (stripped, "ws://") && !g_str_has_prefix (stripped, "wss://"))
    {
      g_autofree char *message = g_strdup_printf (_("Not a WebSocket URL: %s"), stripped);

      show_toast (self, message);
      return;
    }

  g_settings_set_string (self->settings, "last-url", stripped);
  ts_session_connect (self->session, stripped);
}

static void
show_connect_dialog (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  TsApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (ts_connect_dialog_new (GTK_WINDOW (get_window (self)))));
}

/* app.history: the journal's sessions; one window, refreshed when shown again */
static void
show_history (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TsApplication *self = user_data;
  /* tells "Running" from "Not ended (crash)": 0 when this process writes none */
  gint64 live_id = self->session != NULL ? ts_session_get_journal_session_id (self->session) : 0;
  TsHistoryWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TS_IS_HISTORY_WINDOW (l->data))
      window = l->data;

  if (window != NULL)
    ts_history_window_refresh (window);
  else
    window = ts_history_window_new (GTK_APPLICATION (self), NULL);
  ts_history_window_set_live_session_id (window, live_id);
  gtk_window_present (GTK_WINDOW (window));
}

static void
show_preferences (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TsApplication *self = user_data;

  gtk_window_present (ts_preferences_window_new (GTK_WINDOW (get_window (self))));
}

static void
show_shortcuts (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TsApplication *self = user_data;
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/tickscope/Tickscope/ts-shortcuts.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (window, GTK_WINDOW (get_window (self)));
  gtk_window_present (window);
}

static void
show_about (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  TsApplication *self = user_data;
  static const char *developers[] = { "The Tickscope authors", NULL };

  adw_show_about_window (GTK_WINDOW (get_window (self)),
                         "application-name", _("Tickscope"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Tickscope authors"),
                         "developers", developers,
                         "comments", _("Watch strategies paper-trade live market data"),
                         "copyright", "© 2026 The Tickscope authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
emergency_stop (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TsApplication *self = user_data;

  /* no confirmation: it is an emergency; the window tells what was closed */
  ts_session_emergency_stop (self->session);
}

static void
resume_trading (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TsApplication *self = user_data;

  ts_session_resume_trading (self->session);
  show_toast (self, _("Trading resumed"));
}

/* app.backtest: the Backtest view, with the app's strategy parameters */
static TsBacktestWindow *
open_backtest (TsApplication *self)
{
  TsBacktestWindow *window = ts_backtest_window_new (GTK_APPLICATION (self), self->settings);
  GtkWindow *main_window = GTK_WINDOW (get_window (self));

  if (main_window != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), main_window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
show_backtest (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  open_backtest (user_data);
}

static void
quit_app (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "start-mock-server", start_mock_server },
  { "stop-mock-server", stop_mock_server },
  { "export-trades", export_trades, "s" },
  { "connect", show_connect_dialog },
  { "connect-source", connect_source },
  { "record-session", record_session, "s" },
  { "stop-recording", stop_recording },
  { "preferences", show_preferences },
  { "history", show_history },
  { "shortcuts", show_shortcuts },
  { "about", show_about },
  { "emergency-stop", emergency_stop },
  { "resume-trading", resume_trading },
  { "backtest", show_backtest },
  { "quit", quit_app },
};

/* --screenshot: render the window into a PNG from the frame clock's
 * after-paint, when the render nodes are known to be current */
static void
on_after_paint (GdkFrameClock *clock,
                TsApplication *self)
{
  TsWindow *window = get_window (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);

  if (window == NULL)
    return;

  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);

  if (node != NULL)
    texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                           &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (texture == NULL || !gdk_texture_save_to_png (texture, self->screenshot_path))
    {
      g_printerr (_("Could not save the screenshot to %s\n"), self->screenshot_path);
      self->exit_status = 1;
    }

  g_application_quit (G_APPLICATION (self));
}

static gboolean
take_screenshot (gpointer user_data)
{
  TsApplication *self = user_data;
  TsWindow *window = get_window (self);
  GdkFrameClock *clock = window != NULL ? gtk_widget_get_frame_clock (GTK_WIDGET (window)) : NULL;

  if (clock == NULL)
    return G_SOURCE_CONTINUE; /* not mapped yet: try again */

  self->screenshot_id = 0;
  self->frame_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (on_after_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  return G_SOURCE_REMOVE;
}

static void
ts_application_activate (GApplication *app)
{
  TsApplication *self = TS_APPLICATION (app);
  TsWindow *window = get_window (self);

  if (window == NULL)
    window = ts_window_new (GTK_APPLICATION (self), self->session);

  gtk_window_present (GTK_WINDOW (window));
}

static int
ts_application_command_line (GApplication            *app,
                             GApplicationCommandLine *cmdline)
{
  TsApplication *self = TS_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  gboolean mock = FALSE;
  gboolean connect_dialog = FALSE;
  const char *url = NULL;
  const char *replay_path = NULL;
  double replay_speed = 1;
  const char *screenshot = NULL;
  const char *backtest_path = NULL;
  double value;

  g_variant_dict_lookup (options, "mock", "b", &mock);
  g_variant_dict_lookup (options, "connect-dialog", "b", &connect_dialog);
  g_variant_dict_lookup (options, "connect", "&s", &url);
  g_variant_dict_lookup (options, "screenshot", "^&ay", &screenshot);
  g_variant_dict_lookup (options, "replay", "^&ay", &replay_path);
  g_variant_dict_lookup (options, "backtest", "^&ay", &backtest_path);
  if (g_variant_dict_lookup (options, "replay-speed", "d", &value))
    {
      if (!(value >= 0))
        {
          g_application_command_line_printerr (cmdline, "%s\n",
                                               _("--replay-speed must be 0 or more"));
          return 1;
        }
      replay_speed = value;
    }
  if (g_variant_dict_lookup (options, "mock-speed", "d", &value))
    {
      if (!(value > 0))
        {
          g_application_command_line_printerr (cmdline, "%s\n",
                                               _("--mock-speed must be greater than 0"));
          return 1;
        }
      self->mock_speed = value;
    }
  if (g_variant_dict_lookup (options, "screenshot-after", "d", &value))
    self->screenshot_after = MAX (0, value);

  g_application_activate (app);

  if (mock)
    g_action_group_activate_action (G_ACTION_GROUP (self), "start-mock-server", NULL);
  else if (replay_path != NULL && replay_path[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, replay_path);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        replay (self, path, replay_speed);
    }
  else if (url != NULL)
    connect_to (self, url);
  if (connect_dialog)
    g_action_group_activate_action (G_ACTION_GROUP (self), "connect", NULL);
  if (backtest_path != NULL && backtest_path[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, backtest_path);
      g_autofree char *path = g_file_get_path (file);
      const char *files[] = { path, NULL };

      if (path != NULL)
        ts_backtest_window_run_files (open_backtest (self), files);
    }

  if (screenshot != NULL && screenshot[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, screenshot);

      g_free (self->screenshot_path);
      self->screenshot_path = g_file_get_path (file);
      g_clear_handle_id (&self->screenshot_id, g_source_remove);
      self->screenshot_id = g_timeout_add ((guint)(self->screenshot_after * 1000),
                                           take_screenshot, self);
    }

  return 0;
}

static void
ts_application_startup (GApplication *app)
{
  TsApplication *self = TS_APPLICATION (app);
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.history", { "<Control>h", NULL } },
    { "app.export-trades('')", { "<Control>e", NULL } },
    { "app.connect", { "<Control>l", NULL } },
    { "app.start-mock-server", { "<Control>m", NULL } },
    { "app.record-session('')", { "<Control>r", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.emergency-stop", { "<Control><Shift>x", NULL } },
    { "app.backtest", { "<Control>b", NULL } },
  };

  G_APPLICATION_CLASS (ts_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->settings = g_settings_new (APP_ID);
  self->session = ts_session_new ();
  ts_session_bind_settings (self->session, self->settings);
  g_signal_connect_object (self->session, "notify::mock-server-running",
                           G_CALLBACK (update_mock_actions), self, G_CONNECT_SWAPPED);
  update_mock_actions (self);
  g_signal_connect_object (self->session, "notify::recording",
                           G_CALLBACK (update_record_actions), self, G_CONNECT_SWAPPED);
  update_record_actions (self);
  g_signal_connect_object (self->session, "update",
                           G_CALLBACK (on_session_update), self, G_CONNECT_SWAPPED);
}

static void
ts_application_shutdown (GApplication *app)
{
  TsApplication *self = TS_APPLICATION (app);

  g_clear_handle_id (&self->screenshot_id, g_source_remove);
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  cancel_replay_load (self);

  /* stop the client, the mock server and the engine thread now, even if a
   * window still holds the session */
  if (self->session != NULL)
    g_object_run_dispose (G_OBJECT (self->session));

  G_APPLICATION_CLASS (ts_application_parent_class)->shutdown (app);
}

static void
ts_application_dispose (GObject *object)
{
  TsApplication *self = (TsApplication *)object;

  g_clear_handle_id (&self->screenshot_id, g_source_remove);
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  g_clear_object (&self->replay_cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ts_application_parent_class)->dispose (object);
}

static void
ts_application_finalize (GObject *object)
{
  TsApplication *self = (TsApplication *)object;

  g_clear_pointer (&self->screenshot_path, g_free);

  G_OBJECT_CLASS (ts_application_parent_class)->finalize (object);
}

static void
ts_application_class_init (TsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ts_application_dispose;
  object_class->finalize = ts_application_finalize;

  app_class->activate = ts_application_activate;
  app_class->command_line = ts_application_command_line;
  app_class->startup = ts_application_startup;
  app_class->shutdown = ts_application_shutdown;
}

static void
ts_application_init (TsApplication *self)
{
  self->mock_speed = 1;
  self->screenshot_after = 5;

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A paper-trading dashboard for live market data"));
}

TsApplication *
ts_application_new (void)
{
  return g_object_new (TS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/tickscope/Tickscope",
                       NULL);
}

TsSession *
ts_application_get_session (TsApplication *self)
{
  g_return_val_if_fail (TS_IS_APPLICATION (self), NULL);

  return self->session;
}

int
ts_application_get_exit_status (TsApplication *self)
{
  g_return_val_if_fail (TS_IS_APPLICATION (self), 1);

  return self->exit_status;
}
