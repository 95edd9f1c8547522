/* test-app-crash.c: kill -9 of the app in the middle of trading loses no
 * closed trade, and the restarted app restores the open position
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the real tickscope binary (its path is the first argument) under the
 * test's X display, on its embedded mock server sped up, with its own
 * XDG_DATA_HOME (so its own journal) and the memory GSettings backend (the
 * default strategies: momentum alone). The journal is read with SQLite,
 * read-only, as another process would.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

static const char *app_path;
static gboolean skipped;

/* What the journal's newest session holds. */
typedef struct
{
  gint64     session_id;
  char      *strategy;  /* "momentum", or "maxwell,momentum" (ids 1, 2) */
  GPtrArray *trades;    /* every column of each trade, as text, by seq */
  GPtrArray *positions; /* "strategy_id|symbol|side|size|entry_price" */
} Snapshot;

static void
snapshot_clear (Snapshot *snap)
{
  g_clear_pointer (&snap->strategy, g_free);
  g_clear_pointer (&snap->trades, g_ptr_array_unref);
  g_clear_pointer (&snap->positions, g_ptr_array_unref);
  snap->session_id = 0;
}

static char *
row_text (sqlite3_stmt *stmt)
{
  GString *row = g_string_new (NULL);

  for (int i = 0; i < sqlite3_column_count (stmt); i++)
    {
      if (i > 0)
        g_string_append_c (row, '|');
      if (sqlite3_column_type (stmt, i) == SQLITE_FLOAT)
        /* exactly: as the app logs a restored position */
        g_string_append_printf (row, "%.17g", sqlite3_column_double (stmt, i));
      else
        g_string_append (row, (const char *) sqlite3_column_text (stmt, i));
    }
  return g_string_free (row, FALSE);
}

static GPtrArray *
query_rows (sqlite3    *db,
            const char *sql,
            gint64      session_id)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, row_text (stmt));
  if (rc != SQLITE_DONE)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  return rows;
}

/* Reads the newest session; FALSE when the journal or the session does
 * not exist yet. */
static gboolean
read_journal (const char *path,
              Snapshot   *snap)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  snapshot_clear (snap);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("cannot open %s: %s", path, sqlite3_errmsg (db));
  sqlite3_busy_timeout (db, 5000);

  /* a journal being created may not have its tables yet */
  if (sqlite3_prepare_v2 (db, "SELECT id, strategy FROM sessions ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          snap->session_id = sqlite3_column_int64 (stmt, 0);
          snap->strategy = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          found = TRUE;
        }
      sqlite3_finalize (stmt);
    }
  if (found)
    {
      snap->trades = query_rows (db,
                                 "SELECT seq, entry_time_us, exit_time_us, symbol, side, size, entry_price,"
                                 " exit_price, fees, pnl, pnl_pct, reason, strategy_id"
                                 " FROM trades WHERE session_id = ?1 ORDER BY seq", snap->session_id);
      snap->positions = query_rows (db,
                                    "SELECT strategy_id, symbol, side, size, entry_price"
                                    " FROM open_positions WHERE session_id = ?1"
                                    " ORDER BY strategy_id, symbol", snap->session_id);
    }
  sqlite3_close (db);
  return found;
}

static GSubprocess *
spawn_app (const char *data_home,
           const char *log_path)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GError) error = NULL;
  GSubprocess *app;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "TICKSCOPE_MOCK_PORT", "0", TRUE);
  /* ten minutes of market a quarter of a minute */
  g_subprocess_launcher_setenv (launcher, "TICKSCOPE_MOCK_SPEED", "40", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  g_subprocess_launcher_setenv (launcher, "NO_AT_BRIDGE", "1", TRUE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log_path);

  app = g_subprocess_launcher_spawn (launcher, &error, app_path, "--mock", NULL);
  g_assert_no_error (error);
  return app;
}

static void
kill_app (GSubprocess *app)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (app, SIGKILL);
  g_subprocess_wait (app, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (app));
  g_assert_cmpint (g_subprocess_get_term_sig (app), ==, SIGKILL);
}

/* GSubprocess reaps its child on the GLib worker thread */
static gboolean
app_exited (GSubprocess *app)
{
  return g_subprocess_get_identifier (app) == NULL;
}

static void
sleep_a_little (void)
{
  g_usleep (G_USEC_PER_SEC / 20);
}

static void
fail_with_log (GSubprocess *app,
               const char  *log_path,
               const char  *what)
{
  g_autofree char *log = NULL;

  g_file_get_contents (log_path, &log, NULL, NULL);
  if (!app_exited (app))
    {
      g_subprocess_force_exit (app);
      g_subprocess_wait (app, NULL, NULL);
    }
  g_error ("%s; the app's stderr:\n%s", what, log != NULL ? log : "(none)");
}

/* the name of the strategy with the journal's id @id in a session whose
 * strategy column is @strategies */
static char *
strategy_name (const char *strategies,
               guint64     id)
{
  g_auto(GStrv) names = g_strsplit (strategies, ",", -1);

  if (id == 0)
    return g_strdup (names[0]);
  g_assert_cmpuint (id, <=, g_strv_length (names));
  return g_strdup (names[id - 1]);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_dir_close (dir);
    }
  g_remove (path);
}

static void
test_app_kill9_restore (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *log1 = NULL;
  g_autofree char *log2 = NULL;
  g_autoptr(GSubprocess) app = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);
  Snapshot before = { 0 }, after = { 0 }, resumed = { 0 };
  gint64 deadline;
  gboolean restored = FALSE;

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      skipped = TRUE;
      g_test_skip ("no display");
      return;
    }
  g_assert_nonnull (app_path);
  g_assert_true (g_file_test (app_path, G_FILE_TEST_IS_EXECUTABLE));

  tmp = g_dir_make_tmp ("tickscope-crash-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp, "data", NULL);
  journal = g_build_filename (data_home, "tickscope", "journal.db", NULL);
  log1 = g_build_filename (tmp, "app1.log", NULL);
  log2 = g_build_filename (tmp, "app2.log", NULL);

  /* 1. trade until the journal has 3 closed trades and an open position */
  app = spawn_app (data_home, log1);
  deadline = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;
  for (;;)
    {
      if (app_exited (app) || g_get_monotonic_time () > deadline)
        fail_with_log (app, log1, "no 3 closed trades and an open position in the journal after 40 s");
      sleep_a_little ();
      /* frozen while read, so that what was read is what the kill leaves */
      g_subprocess_send_signal (app, SIGSTOP);
      if (read_journal (journal, &before) && before.trades->len >= 3 && before.positions->len >= 1)
        break;
      g_subprocess_send_signal (app, SIGCONT);
    }

  /* 2. kill -9 in the middle of trading (it is stopped: SIGKILL ends it
   * all the same) */
  kill_app (app);
  g_clear_object (&app);

  /* every trade read before the kill is still there, unchanged, and the
   * open position */
  g_assert_true (read_journal (journal, &after));
  g_assert_cmpint (after.session_id, ==, before.session_id);
  g_assert_cmpuint (after.trades->len, ==, before.trades->len);
  g_assert_cmpuint (after.positions->len, ==, before.positions->len);
  for (guint i = 0; i < before.positions->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after.positions, i), ==, g_ptr_array_index (before.positions, i));
  for (guint i = 0; i < before.trades->len; i++)
    g_assert_cmpstr (g_ptr_array_index (after.trades, i), ==, g_ptr_array_index (before.trades, i));

  /* what the restarted app must log for each position open at the kill */
  g_assert_cmpuint (after.positions->len, >=, 1);
  for (guint i = 0; i < after.positions->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_ptr_array_index (after.positions, i), "|", -1);
      g_autofree char *name = strategy_name (after.strategy, g_ascii_strtoull (f[0], NULL, 10));
      g_autofree char *side = g_ascii_strdown (f[2], -1);

      g_ptr_array_add (expected,
                       g_strdup_printf ("Journal: restored open position: strategy=%s symbol=%s side=%s size=%s entry_price=%s ",
                                        name, f[1], side, f[3], f[4]));
    }
  g_ptr_array_add (expected,
                   g_strdup_printf ("Journal: Restored %u open position%s and %u trade%s",
                                    after.positions->len, after.positions->len == 1 ? "" : "s",
                                    after.trades->len, after.trades->len == 1 ? "" : "s"));

  /* 3. restart: the open position comes back, the trades are counted */
  app = spawn_app (data_home, log2);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!restored)
    {
      g_autofree char *log = NULL;

      if (app_exited (app) || g_get_monotonic_time () > deadline)
        fail_with_log (app, log2, "the restarted app did not log the restore within 30 s");
      sleep_a_little ();
      if (!g_file_get_contents (log2, &log, NULL, NULL))
        continue;
      restored = TRUE;
      for (guint i = 0; i < expected->len; i++)
        restored &= strstr (log, g_ptr_array_index (expected, i)) != NULL;
    }

  /* it records into the same session: no trade lost, none doubled */
  g_assert_true (read_journal (journal, &resumed));
  g_assert_cmpint (resumed.session_id, ==, after.session_id);
  g_assert_cmpuint (resumed.trades->len, >=, after.trades->len);
  for (guint i = 0; i < after.trades->len; i++)
    g_assert_cmpstr (g_ptr_array_index (resumed.trades, i), ==, g_ptr_array_index (after.trades, i));

  kill_app (app);
  g_clear_object (&app);

  snapshot_clear (&before);
  snapshot_clear (&after);
  snapshot_clear (&resumed);
  remove_tree (tmp);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* the app to run: meson passes the built tickscope */
  app_path = argc > 1 ? argv[1] : g_getenv ("TICKSCOPE_APP");

  g_test_add_func ("/app/crash/kill-9-loses-no-trade-restores-position", test_app_kill9_restore);

  status = g_test_run ();
  /* 77: the harness reports the test as skipped */
  return skipped ? 77 : status;
}
