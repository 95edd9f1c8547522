/* test-gui.c: the app trades on the embedded mock server and exports CSV
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "app/ts-application.h"
#include "app/ts-connect-dialog.h"
#include "app/ts-trade-object.h"
#include "app/ts-window.h"
#include "feed/ts-recording.h"
#include "store/ts-journal.h"

static TsApplication *app;

static void
wait_until (gboolean (*condition) (void),
            guint      seconds,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)seconds * G_USEC_PER_SEC;

  while (!condition ())
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %u s waiting for %s", seconds, what);
      g_main_context_iteration (NULL, TRUE);
    }
}

static TsWindow *
get_window (void)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

      window = windows != NULL ? windows->data : NULL;
    }
  g_assert_true (TS_IS_WINDOW (window));
  return TS_WINDOW (window);
}

static gboolean
has_trade (void)
{
  return g_list_model_get_n_items (ts_window_get_trade_model (get_window ())) >= 1;
}

static gboolean
window_mapped (void)
{
  return gtk_widget_get_mapped (GTK_WIDGET (get_window ()));
}

static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  guint n = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !g_str_equal (lines[i], "\r"))
      n++;
  return n;
}

static void
test_gui_mock_trades_export (void)
{
  TsSession *session = ts_application_get_session (app);
  TsWindow *window;
  TsPriceChart *chart;
  GListModel *model;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  guint n_trades = 0;
  g_autofree char *header = NULL;

  g_assert_nonnull (session);
  window = get_window ();
  wait_until (window_mapped, 10, "the window");

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "start-mock-server"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-mock-server", NULL);
  g_assert_true (ts_session_is_mock_server_running (session));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "start-mock-server"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "stop-mock-server"));

  wait_until (has_trade, 60, "a closed trade in the trade list");

  model = ts_window_get_trade_model (window);
  chart = ts_window_get_chart (window);
  ts_session_get_trades (session, &n_trades);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_trades);
  g_assert_cmpuint (ts_price_chart_get_n_markers (chart), >=, 2);
  g_assert_cmpuint (ts_price_chart_get_n_points (chart), >, 100);

  dir = g_dir_make_tmp ("tickscope-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "trades.csv", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "export-trades",
                                  g_variant_new_string (path));
  /* synchronous: the trades did not change in between */
  ts_session_get_trades (session, &n_trades);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  /* The export reads the journal, which is written before the UI hears
   * of a trade: it holds every trade the UI has, and may be one batch
   * ahead. It holds the journal's trades of this session, which only grow. */
  g_assert_cmpuint (count_lines (path), >=, 1 + n_trades);
  {
    g_autofree char *journal_path = ts_journal_dup_default_path ();
    g_autoptr(TsJournal) journal = ts_journal_open (journal_path, &error);
    g_autoptr(GArray) journal_trades = NULL;

    g_assert_no_error (error);
    journal_trades = ts_journal_load_trades (journal, ts_session_get_journal_session_id (session),
                                             &error);
    g_assert_no_error (error);
    /* the engine thread may have journaled another trade since */
    g_assert_cmpuint (count_lines (path), <=, 1 + journal_trades->len);
  }
  {
    g_autofree char *contents = NULL;

    g_file_get_contents (path, &contents, NULL, NULL);
    header = g_strndup (contents, strcspn (contents, "\r\n"));
    g_assert_nonnull (strstr (header, "entry_time"));
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "stop-mock-server", NULL);
  g_assert_false (ts_session_is_mock_server_running (session));

  g_unlink (path);
  g_rmdir (dir);
}

/* what the last session updates said, for the emergency stop test */
static TsSide last_position = TS_SIDE_NONE;
static gboolean last_halted;
static const char *last_risk_code;
static int emergency_closed = -1;

static void
on_update (TsSession       *session,
           TsSessionUpdate *update,
           gpointer         user_data)
{
  if (!update->has_stats)
    return;
  last_position = update->stats.position_side;
  last_halted = update->risk_halted;
  last_risk_code = update->risk_code;
  if (update->emergency_closed >= 0)
    emergency_closed = update->emergency_closed;
}

static gboolean
position_open (void)
{
  return last_position != TS_SIDE_NONE;
}

static gboolean
emergency_reported (void)
{
  return emergency_closed >= 0;
}

static gboolean
trading_active (void)
{
  return !last_halted;
}

static void
test_gui_emergency_stop (void)
{
  TsSession *session = ts_application_get_session (app);
  TsStatsPanel *panel;
  gulong handler;
  gboolean closed_one = FALSE;

  wait_until (window_mapped, 10, "the window");
  panel = ts_window_get_stats_panel (get_window ());
  handler = g_signal_connect (session, "update", G_CALLBACK (on_update), NULL);

  g_action_group_activate_action (G_ACTION_GROUP (app), "start-mock-server", NULL);
  g_assert_true (ts_session_is_mock_server_running (session));

  /* the position may close on its own before the stop reaches the engine
   * thread: try a few times */
  for (guint attempt = 0; attempt < 5 && !closed_one; attempt++)
    {
      wait_until (position_open, 60, "an open position");
      emergency_closed = -1;
      g_action_group_activate_action (G_ACTION_GROUP (app), "emergency-stop", NULL);
      wait_until (emergency_reported, 10, "the emergency stop");

      g_assert_cmpint (last_position, ==, TS_SIDE_NONE);
      g_assert_true (last_halted);
      g_assert_cmpstr (last_risk_code, ==, "EMERGENCY_STOP");
      g_assert_true (g_str_has_prefix (ts_stats_panel_get_risk_text (panel), "Halted"));
      g_assert_nonnull (strstr (ts_stats_panel_get_risk_text (panel), "emergency stop"));
      closed_one = emergency_closed == 1;

      g_action_group_activate_action (G_ACTION_GROUP (app), "resume-trading", NULL);
      wait_until (trading_active, 10, "trading to resume");
      g_assert_cmpstr (ts_stats_panel_get_risk_text (panel), ==, "Active");
    }
  g_assert_true (closed_one);

  g_action_group_activate_action (G_ACTION_GROUP (app), "stop-mock-server", NULL);
  g_clear_signal_handler (&handler, session);
}

static guint
count_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  /* visible ones: a destroyed window may linger until the next iteration */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      n += gtk_widget_get_visible (w);
    }
  return n;
}

static void
iterate (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_gui_dialogs (void)
{
  static const char * const actions[] = { "preferences", "about", "connect", "shortcuts" };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TsWindow *main_window = get_window ();

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      guint before = count_windows ();
      GListModel *toplevels = gtk_window_get_toplevels ();

      g_test_message ("opening app.%s", actions[i]);
      g_action_group_activate_action (G_ACTION_GROUP (app), actions[i], NULL);
      iterate (200);
      g_assert_cmpuint (count_windows (), ==, before + 1);

      /* close everything but the main window */
      for (guint k = 0; k < g_list_model_get_n_items (toplevels); k++)
        {
          g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, k);

          if (w != GTK_WIDGET (main_window) && gtk_widget_get_visible (w))
            {
              gtk_window_destroy (GTK_WINDOW (w));
              break;
            }
        }
      iterate (50);
      g_assert_cmpuint (count_windows (), ==, before);
    }

  /* a parameter change reaches the session through GSettings, no restart */
  g_settings_set_double (settings, "stop-loss", 0.001);
  g_settings_set_boolean (settings, "allow-short", FALSE);
  iterate (50);
  g_settings_reset (settings, "stop-loss");
  g_settings_reset (settings, "allow-short");
}

static const char *record_path;

static gboolean
recording_readable (void)
{
  g_autoptr(TsRecording) recording = NULL;

  if (ts_session_is_recording (ts_application_get_session (app)))
    return FALSE;
  recording = ts_recording_load (record_path, NULL, NULL);
  return recording != NULL;
}

static gboolean
replay_finished (void)
{
  return ts_session_get_feed_state (ts_application_get_session (app)) == TS_FEED_STATE_FINISHED;
}

static gboolean
recording_loaded (void)
{
  return ts_window_get_loading_recording (get_window ()) == NULL;
}

/* Record the mock session for a while (app.record-session twice), then
 * replay the file through the connect dialog's recording source. */
static void
test_gui_record_and_replay (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tickscope-gui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "session.gz", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(TsRecording) recording = NULL;
  g_autofree char *saved = NULL;
  TsSession *session = ts_application_get_session (app);
  GListModel *toplevels = gtk_window_get_toplevels ();
  TsConnectDialog *dialog = NULL;
  guint n_ticks = 0;

  g_assert_no_error (error);
  if (!ts_session_is_mock_server_running (session))
    g_action_group_activate_action (G_ACTION_GROUP (app), "start-mock-server", NULL);

  g_action_group_activate_action (G_ACTION_GROUP (app), "record-session", g_variant_new_string (path));
  g_assert_true (ts_session_is_recording (session));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "stop-recording"));
  iterate (1500);
  /* a second activation stops */
  g_action_group_activate_action (G_ACTION_GROUP (app), "record-session", g_variant_new_string (""));
  g_assert_false (ts_session_is_recording (session));
  record_path = path;
  wait_until (recording_readable, 10, "the recording to be closed");
  recording = ts_recording_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_recording_get_venue (recording), ==, TS_VENUE_MOCK);
  ts_recording_get_ticks (recording, &n_ticks);
  g_assert_cmpuint (n_ticks, >, 100);  /* 20 ticks/s at 20x for 1.5 s */

  g_settings_set_double (settings, "replay-speed", 0);  /* the dialog shows it */
  g_action_group_activate_action (G_ACTION_GROUP (app), "connect", NULL);
  iterate (200);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (TS_IS_CONNECT_DIALOG (w))
        dialog = TS_CONNECT_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  ts_connect_dialog_set_source (dialog, "recording");
  ts_connect_dialog_set_replay_path (dialog, path);
  g_assert_cmpstr (ts_connect_dialog_get_replay_path (dialog), ==, path);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.connect", NULL);
  /* the file is read on a worker thread: the window says so meanwhile */
  g_assert_cmpstr (ts_window_get_loading_recording (get_window ()), ==, path);
  iterate (50);

  saved = g_settings_get_string (settings, "replay-path");
  g_assert_cmpstr (saved, ==, path);
  wait_until (recording_loaded, 20, "the recording to be read");
  wait_until (replay_finished, 20, "the replay to finish");
  g_assert_true (ts_session_is_mock_server_running (session));

  g_settings_reset (settings, "source");
  g_settings_reset (settings, "replay-path");
  g_settings_reset (settings, "replay-speed");
  ts_session_stop_mock_server (session);
  iterate (100);
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- all five strategies at their defaults ------------------------------ */

static gboolean
strategy_traded (const char *name)
{
  GListModel *model = ts_window_get_trade_model (get_window ());
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsTradeObject) trade = g_list_model_get_item (model, i);

      if (g_strcmp0 (ts_trade_object_get_strategy_name (trade), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
every_strategy_traded (void)
{
  static const char * const names[] = { "maxwell", "momentum", "calculus", "pairs", "confluence" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (!strategy_traded (names[i]))
      return FALSE;
  return TRUE;
}

/* The "each strategy trades on the mock server within five minutes
 * at its defaults, visible on the chart with its overlay": every strategy
 * enabled, the embedded mock server at 20x (5 min of market in 15 s),
 * default parameters. Each closes a trade within 6 minutes of market time
 * (the pairs strategy enters at 5:00, after its 300 formation bars, and
 * needs time to exit), and each one's overlay reaches the chart: the
 * Maxwell SMA, the calculus smoothed price and forecast, the confluence
 * Fibonacci levels and zigzag, the pairs spread panel. */
static void
test_gui_all_strategies (void)
{
  static const char * const all[] = { "maxwell", "momentum", "calculus", "pairs", "confluence", NULL };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  TsSession *session = ts_application_get_session (app);
  TsWindow *window = get_window ();
  TsPriceChart *chart = ts_window_get_chart (window);
  TsSpreadChart *spread = ts_window_get_spread_chart (window);

  if (ts_session_is_mock_server_running (session))
    g_action_group_activate_action (G_ACTION_GROUP (app), "stop-mock-server", NULL);
  g_settings_set_strv (settings, "strategies", all);
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-mock-server", NULL);
  g_assert_true (ts_session_is_mock_server_running (session));

  wait_until (every_strategy_traded, 6 * 60 / 20 + 30, "a trade of every strategy");

  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "sma"), >, 0);
  g_assert_true (isfinite (ts_price_chart_get_overlay_value (chart, "maxwell", "sma")));
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "calculus", "smoothed"), >, 0);
  g_assert_true (isfinite (ts_price_chart_get_overlay_value (chart, "calculus", "forecast")));
  g_assert_true (isfinite (ts_price_chart_get_overlay_value (chart, "confluence", "fib_61.8")));
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "confluence", "zigzag_pivot"), >, 0);
  g_assert_cmpuint (ts_spread_chart_get_n_samples (spread), >, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (spread)));
  g_assert_true (isfinite (ts_spread_chart_get_last_value (spread, "upper_entry")));

  g_action_group_activate_action (G_ACTION_GROUP (app), "stop-mock-server", NULL);
  g_settings_reset (settings, "strategies");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int status;

  /* a private $XDG_DATA_HOME, so the journal is not the user's: set before
   * GTK or anything else reads (and caches) the user's data directory */
  data_home = g_dir_make_tmp ("tickscope-gui-data-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* any free port, a minute of market in 3 s; before any thread starts */
  g_setenv ("TICKSCOPE_MOCK_PORT", "0", TRUE);
  g_setenv ("TICKSCOPE_MOCK_SPEED", "20", TRUE);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display: skipped\n");
      return 77;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("gtk_init_check failed: skipped\n");
      return 77;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

  app = ts_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/app/gui/mock-trades-and-export", test_gui_mock_trades_export);
  g_test_add_func ("/app/gui/dialogs-open-and-close", test_gui_dialogs);
  g_test_add_func ("/app/gui/emergency-stop-closes-position", test_gui_emergency_stop);
  g_test_add_func ("/app/gui/record-then-replay-via-connect-dialog", test_gui_record_and_replay);
  g_test_add_func ("/app/gui/all-strategies-trade-with-overlays", test_gui_all_strategies);

  status = g_test_run ();

  {
    GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

    while (windows != NULL)
      {
        gtk_window_destroy (windows->data);
        windows = gtk_application_get_windows (GTK_APPLICATION (app));
      }
  }
  g_clear_object (&app);

  return status;
}
