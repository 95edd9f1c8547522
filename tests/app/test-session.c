/* test-session.c: the session runs the engine on its thread and hands updates over
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "app/ts-session.h"
#include "feed/ts-feed-error.h"
#include "store/ts-journal.h"

#define SCHEMA_ID "io.github.tickscope.Tickscope"

typedef struct
{
  guint   updates;
  guint   points;
  guint   trades;
  guint   fills;
  gboolean got_stats;
  gboolean live;
  gint64  last_point_us;
  gboolean points_ordered;
  GThread *thread;
  gboolean on_ui_thread;
} Counts;

static void
on_update (TsSession       *session,
           TsSessionUpdate *update,
           Counts          *counts)
{
  counts->updates++;
  counts->on_ui_thread &= g_thread_self () == counts->thread;
  counts->points += update->points->len;
  counts->trades += update->trades->len;
  counts->fills += update->fills->len;
  counts->got_stats |= update->has_stats && update->stats.ticks > 0;
  counts->live |= update->feed_state == TS_FEED_STATE_LIVE;
  for (guint i = 0; i < update->points->len; i++)
    {
      const TsChartPoint *p = &g_array_index (update->points, TsChartPoint, i);

      if (p->time_us < counts->last_point_us)
        counts->points_ordered = FALSE;
      counts->last_point_us = p->time_us;
    }
  g_assert_cmpuint (update->log->len, <=, TS_SESSION_LOG_LINES);
}

static void
test_session_mock_trades (void)
{
  g_autoptr(TsSession) session = ts_session_new ();
  g_autoptr(GError) error = NULL;
  Counts counts = { 0 };
  const TsTrade *trades;
  const TsFill *fills;
  guint n_trades = 0, n_fills = 0;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  counts.thread = g_thread_self ();
  counts.on_ui_thread = TRUE;
  counts.points_ordered = TRUE;
  g_signal_connect (session, "update", G_CALLBACK (on_update), &counts);

  /* speed 20: a minute of market in 3 s */
  g_assert_true (ts_session_start_mock_server (session, 0, 20, 20, &error));
  g_assert_no_error (error);
  g_assert_true (ts_session_is_mock_server_running (session));
  g_assert_nonnull (ts_session_get_mock_server_url (session));

  /* a second one is refused */
  g_assert_false (ts_session_start_mock_server (session, 0, 20, 20, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  while (counts.trades < 1)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no closed trade after 30 s: %u updates, %u points, %u fills",
                 counts.updates, counts.points, counts.fills);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_true (counts.on_ui_thread);
  g_assert_true (counts.live);
  g_assert_true (counts.got_stats);
  g_assert_true (counts.points_ordered);
  g_assert_cmpuint (counts.points, >, 0);
  g_assert_cmpint (ts_session_get_feed_state (session), ==, TS_FEED_STATE_LIVE);

  trades = ts_session_get_trades (session, &n_trades);
  fills = ts_session_get_fills (session, &n_fills);
  g_assert_cmpuint (n_trades, ==, counts.trades);
  g_assert_cmpuint (n_fills, ==, counts.fills);
  /* every trade has its entry and exit fill; an open position one more */
  g_assert_cmpuint (n_fills, >=, 2 * n_trades);
  g_assert_cmpuint (n_fills, <=, 2 * n_trades + 1);

  for (guint i = 0; i < n_trades; i++)
    {
      const TsTrade *t = &trades[i];
      const TsFill *entry = &fills[2 * i];
      const TsFill *exit = &fills[2 * i + 1];

      g_assert_true (entry->opens);
      g_assert_false (exit->opens);
      g_assert_cmpint (entry->side, ==, t->side);
      g_assert_cmpint (exit->side, ==, -t->side);
      g_assert_cmpint (entry->time_us, ==, t->entry_time_us);
      g_assert_cmpint (exit->time_us, ==, t->exit_time_us);
      g_assert_cmpfloat (entry->price, ==, t->entry_price);
      g_assert_cmpfloat (exit->price, ==, t->exit_price);
      g_assert_cmpstr (exit->reason, ==, t->reason);
      g_assert_cmpint (t->exit_time_us, >=, t->entry_time_us);
      g_assert_true (isfinite (t->pnl));
    }
  if (n_fills > 2 * n_trades)
    g_assert_true (fills[n_fills - 1].opens);

  ts_session_stop_mock_server (session);
  g_assert_false (ts_session_is_mock_server_running (session));
}

static void
test_session_params_live (void)
{
  g_autoptr(TsSession) session = ts_session_new ();
  TsMomentumParams momentum;

  ts_momentum_params_init_default (&momentum);
  momentum.allow_short = FALSE;
  /* returns at once, applied on the engine thread */
  ts_session_set_params (session, &momentum, NULL, NULL);
  ts_session_disconnect (session);
  g_assert_false (ts_session_is_mock_server_running (session));
  /* dispose joins the thread */
}


/* What the journal tests watch of the updates. */
typedef struct
{
  guint    updates;
  guint    trades;
  gboolean disconnected_after_trade;
  gboolean has_maxwell_sma;
  gboolean has_pairs_z_name;
  gboolean maxwell_scale_seen;
  double   maxwell_scale;
  guint    bad_overlay_symbols;
  char    *journal_message;
} Watch;

static void
on_watch_update (TsSession       *session,
                 TsSessionUpdate *update,
                 Watch           *watch)
{
  watch->updates++;
  watch->trades += update->trades->len;
  if (watch->trades > 0 && update->feed_state == TS_FEED_STATE_DISCONNECTED)
    watch->disconnected_after_trade = TRUE;
  if (update->journal_message != NULL)
    {
      g_free (watch->journal_message);
      watch->journal_message = g_strdup (update->journal_message);
    }

  g_assert_nonnull (update->overlays);
  for (guint i = 0; i < update->overlays->len; i++)
    {
      const TsOverlaySample *sample = &g_array_index (update->overlays, TsOverlaySample, i);

      g_assert_cmpuint (sample->n_values, <=, TS_SESSION_OVERLAY_MAX);
      g_assert_cmpuint (sample->strategy_id, >, 0);
      /* its first symbol, as the settings give it */
      if (!g_str_equal (sample->symbol, "MOCK-BTC"))
        watch->bad_overlay_symbols++;
      for (guint j = 0; j < sample->n_values; j++)
        {
          const TsOverlayValue *v = &sample->values[j];

          g_assert_nonnull (v->name);
          if (g_str_equal (sample->strategy, "maxwell") && g_str_equal (v->name, "sma")
              && isfinite (v->value))
            watch->has_maxwell_sma = TRUE;
          if (g_str_equal (sample->strategy, "maxwell") && g_str_equal (v->name, "scale"))
            {
              watch->maxwell_scale_seen = TRUE;
              watch->maxwell_scale = v->value;
            }
          if (g_str_equal (sample->strategy, "pairs") && g_str_equal (v->name, "z"))
            watch->has_pairs_z_name = TRUE;
        }
    }
}

static void
iterate_until (gboolean   *flag,
               guint       seconds,
               const char *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  while (!*flag)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %u s waiting for %s", seconds, what);
      g_main_context_iteration (NULL, TRUE);
    }
}

static GSettings *
new_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_with_backend (SCHEMA_ID, backend);
}

/* Every strategy trades on the mock server; once the feed is off, the
 * journal (a second connection to the file) holds exactly the trades the
 * session reported to the UI, field by field. */
static void
test_session_journal (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(TsSession) session = ts_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) journal = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GArray) sessions = NULL;
  g_autofree char *path = ts_journal_dup_default_path ();
  const char * const all[] = { "momentum", "maxwell", "calculus", "pairs", "confluence", NULL };
  Watch watch = { 0 };
  const TsTrade *trades;
  guint n_trades = 0;
  gint64 session_id;
  gint64 deadline = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;

  g_assert_true (g_settings_set_strv (settings, "strategies", all));
  ts_session_bind_settings (session, settings);
  g_signal_connect (session, "update", G_CALLBACK (on_watch_update), &watch);

  g_assert_true (ts_session_start_mock_server (session, 0, 20, 40, &error));
  g_assert_no_error (error);
  while (watch.trades < 2)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("fewer than 2 closed trades after 40 s: %u updates", watch.updates);
      g_main_context_iteration (NULL, TRUE);
    }

  /* the update telling the client is off comes after every tick's trades */
  ts_session_stop_mock_server (session);
  iterate_until (&watch.disconnected_after_trade, 20, "the disconnected state");

  session_id = ts_session_get_journal_session_id (session);
  g_assert_cmpint (session_id, >, 0);
  g_assert_null (watch.journal_message); /* a new journal: nothing to resume */
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  journal = ts_journal_open (path, &error);
  g_assert_no_error (error);
  sessions = ts_journal_list_sessions (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpint (g_array_index (sessions, TsJournalSession, 0).id, ==, session_id);
  g_assert_cmpint (g_array_index (sessions, TsJournalSession, 0).ended_us, ==, 0);
  g_assert_true (g_str_has_prefix (g_array_index (sessions, TsJournalSession, 0).source, "ws://127.0.0.1:"));

  stored = ts_journal_load_trades (journal, session_id, &error);
  g_assert_no_error (error);
  trades = ts_session_get_trades (session, &n_trades);
  g_assert_cmpuint (n_trades, ==, watch.trades);
  g_assert_cmpuint (stored->len, ==, n_trades);
  for (guint i = 0; i < n_trades; i++)
    {
      const TsTrade *a = &trades[i];
      const TsTrade *b = &g_array_index (stored, TsTrade, i);

      g_assert_cmpint (a->entry_time_us, ==, b->entry_time_us);
      g_assert_cmpint (a->exit_time_us, ==, b->exit_time_us);
      g_assert_cmpint (a->side, ==, b->side);
      g_assert_cmpfloat (a->size, ==, b->size);
      g_assert_cmpfloat (a->entry_price, ==, b->entry_price);
      g_assert_cmpfloat (a->exit_price, ==, b->exit_price);
      g_assert_cmpfloat (a->fees, ==, b->fees);
      g_assert_cmpfloat (a->pnl, ==, b->pnl);
      g_assert_cmpfloat (a->pnl_pct, ==, b->pnl_pct);
      g_assert_cmpstr (a->reason, ==, b->reason);
      g_assert_cmpstr (a->symbol, ==, b->symbol);
      g_assert_cmpuint (a->strategy_id, ==, b->strategy_id);
    }

  g_free (watch.journal_message);
}

/* The enabled strategies' overlays arrive; a parameter key changed while
 * running reaches the strategy: in fixed scale mode the Maxwell scale a is
 * the "maxwell-scale" key (STRATEGIES.md section 1), shown as the overlay's
 * "scale". */
static void
test_session_overlays_and_params (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_autoptr(TsSession) session = ts_session_new ();
  g_autoptr(GError) error = NULL;
  const char * const enabled[] = { "maxwell", "pairs", NULL };
  Watch watch = { 0 };
  gint64 deadline;

  g_assert_true (g_settings_set_strv (settings, "strategies", enabled));
  g_assert_true (g_settings_set_uint (settings, "maxwell-ma-period", 5));
  g_settings_set_string (settings, "maxwell-scale-mode", "fixed");
  g_assert_true (g_settings_set_double (settings, "maxwell-scale", 44));
  ts_session_bind_settings (session, settings);
  g_signal_connect (session, "update", G_CALLBACK (on_watch_update), &watch);

  g_assert_true (ts_session_start_mock_server (session, 0, 20, 20, &error));
  g_assert_no_error (error);
  iterate_until (&watch.has_maxwell_sma, 30, "a finite Maxwell SMA");
  iterate_until (&watch.has_pairs_z_name, 30, "the pairs overlay");
  g_assert_true (watch.maxwell_scale_seen);
  g_assert_cmpfloat (watch.maxwell_scale, ==, 44);

  g_assert_true (g_settings_set_double (settings, "maxwell-scale", 7.25));
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (watch.maxwell_scale != 7.25)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the Maxwell scale is still %g after 30 s", watch.maxwell_scale);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpuint (watch.bad_overlay_symbols, ==, 0);

  ts_session_stop_mock_server (session);
  g_free (watch.journal_message);
}

/* The replay of a recording, started with ts_session_start_replay_async() */
typedef struct
{
  gboolean      done;
  gboolean      ok;
  GError       *error;
  guint         idles_before_done;  /* main loop iterations during the load */
  guint64       ticks;              /* as the last update said */
  guint64       rejected;
  TsFeedState   feed_state;
} ReplayWatch;

static void
on_replay_started (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ReplayWatch *watch = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  watch->ok = ts_session_start_replay_finish (TS_SESSION (source_object), result, &watch->error);
  watch->done = TRUE;
}

static gboolean
count_idle (gpointer user_data)
{
  ReplayWatch *watch = user_data;

  if (watch->done)
    return G_SOURCE_REMOVE;
  watch->idles_before_done++;
  return G_SOURCE_CONTINUE;
}

static void
on_replay_update (TsSession       *session,
                  TsSessionUpdate *update,
                  ReplayWatch     *watch)
{
  watch->ticks = update->ticks;
  watch->rejected = update->rejected;
  watch->feed_state = update->feed_state;
}

static void
wait_replay_started (ReplayWatch *watch)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!watch->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (watch->done);
}

static char *
btcusdt_path (void)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autofree char *path = NULL;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "binance-spot", "spot_btcusdt_20240808.gz", NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS) ? g_steal_pointer (&path) : NULL;
}

/* The real BTCUSDT day, read on a worker thread while the main loop runs,
 * then replayed at full speed: every tick of it reaches the session
 * (9757 trades + 28040 quotes, as tests/feed/test-feed-replay.c counts) */
static void
test_session_replay_async (void)
{
  g_autoptr(TsSession) session = ts_session_new ();
  g_autofree char *path = btcusdt_path ();
  ReplayWatch watch = { 0 };
  gint64 deadline;

  if (path == NULL)
    {
      g_test_skip ("TS_SHARED_DATA or the BTCUSDT recording is missing");
      return;
    }

  g_signal_connect (session, "update", G_CALLBACK (on_replay_update), &watch);
  ts_session_start_replay_async (session, path, 0, NULL, on_replay_started, &watch);
  /* nothing is started before the file has been read */
  g_assert_false (watch.done);
  g_assert_false (ts_session_is_mock_server_running (session));
  g_idle_add (count_idle, &watch);

  wait_replay_started (&watch);
  g_assert_no_error (watch.error);
  g_assert_true (watch.ok);
  /* the main loop kept iterating while the worker read the file */
  g_assert_cmpuint (watch.idles_before_done, >, 0);
  g_assert_true (ts_session_is_mock_server_running (session));
  g_assert_nonnull (ts_session_get_mock_server_url (session));

  deadline = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;
  while (watch.feed_state != TS_FEED_STATE_FINISHED && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (watch.feed_state, ==, TS_FEED_STATE_FINISHED);
  g_assert_cmpuint (watch.ticks, ==, 9757 + 28040);
  g_assert_cmpuint (watch.rejected, ==, 0);

  ts_session_stop_mock_server (session);
  g_assert_false (ts_session_is_mock_server_running (session));
}

/* Cancelled before or while the file is read: G_IO_ERROR_CANCELLED and
 * nothing started, also when the worker had read the file already */
static void
test_session_replay_async_cancelled (void)
{
  g_autoptr(TsSession) session = ts_session_new ();
  g_autofree char *path = btcusdt_path ();
  g_autofree char *dir = NULL;
  g_autofree char *small = NULL;
  g_autoptr(GError) error = NULL;

  /* without the real data: a small recording of our own mock schema */
  if (path == NULL)
    {
      dir = g_dir_make_tmp ("tickscope-replay-XXXXXX", &error);
      g_assert_no_error (error);
      small = g_build_filename (dir, "mock.txt", NULL);
      g_file_set_contents (small,
                           "{\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"MOCK-BTC\",\"time_us\":1723075200000000,"
                           "\"seq\":1,\"price\":100,\"size\":1,\"side\":\"buy\"}]}\n",
                           -1, &error);
      g_assert_no_error (error);
    }

  for (guint when = 0; when < 2; when++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      ReplayWatch watch = { 0 };

      if (when == 0)
        g_cancellable_cancel (cancellable);  /* before: the worker reads nothing */
      ts_session_start_replay_async (session, path != NULL ? path : small, 1, cancellable,
                                     on_replay_started, &watch);
      if (when == 1)
        g_cancellable_cancel (cancellable);  /* after the call: reading or read */
      wait_replay_started (&watch);
      g_assert_false (watch.ok);
      g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_false (ts_session_is_mock_server_running (session));
      g_clear_error (&watch.error);
    }

  if (small != NULL)
    {
      g_unlink (small);
      g_rmdir (dir);
    }
}

/* A file that is not a recording: the error names it, nothing is started */
static void
test_session_replay_async_errors (void)
{
  g_autoptr(TsSession) session = ts_session_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tickscope-replay-XXXXXX", &error);
  g_autofree char *not_gzip = g_build_filename (dir, "garbage.gz", NULL);
  g_autofree char *no_tick = g_build_filename (dir, "garbage.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.gz", NULL);
  const struct { const char *path; int code; } cases[] = {
    { not_gzip, TS_FEED_ERROR_IO },     /* named .gz, not gzip */
    { no_tick, TS_FEED_ERROR_EMPTY },   /* text, no valid message */
    { missing, TS_FEED_ERROR_IO },      /* cannot be opened */
  };

  g_assert_no_error (error);
  g_file_set_contents (not_gzip, "this is not gzip\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (no_tick, "hello\n{\"not\": \"a tick\"}\n", -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ReplayWatch watch = { 0 };

      ts_session_start_replay_async (session, cases[i].path, 1, NULL, on_replay_started, &watch);
      wait_replay_started (&watch);
      g_assert_false (watch.ok);
      g_assert_error (watch.error, TS_FEED_ERROR, cases[i].code);
      g_assert_nonnull (strstr (watch.error->message, cases[i].path));
      g_assert_false (ts_session_is_mock_server_running (session));
      g_clear_error (&watch.error);

      /* the synchronous start says the same */
      g_assert_false (ts_session_start_replay (session, cases[i].path, 1, &error));
      g_assert_error (error, TS_FEED_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].path));
      g_clear_error (&error);
    }

  g_unlink (not_gzip);
  g_unlink (no_tick);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  /* each test gets its own XDG dirs: its own empty journal */
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/app/session/mock-server-trades-match-fills", test_session_mock_trades);
  g_test_add_func ("/app/session/params-and-shutdown", test_session_params_live);
  g_test_add_func ("/app/session/journal-matches-reported-trades", test_session_journal);
  g_test_add_func ("/app/session/overlays-and-param-change", test_session_overlays_and_params);
  g_test_add_func ("/app/session/replay-async-btcusdt-whole-day", test_session_replay_async);
  g_test_add_func ("/app/session/replay-async-cancelled", test_session_replay_async_cancelled);
  g_test_add_func ("/app/session/replay-async-bad-file-named", test_session_replay_async_errors);

  return g_test_run ();
}
