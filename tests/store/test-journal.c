/* test-journal.c: the SQLite trade journal: schema, round trips, open
 * positions, errors, CSV export
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "store/ts-journal.h"
#include "store/ts-trade-csv-writer.h"

/* 2024-08-08T23:54:15.342Z */
#define T0 G_GINT64_CONSTANT (1723161255342000)

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->dir = g_dir_make_tmp ("ts-journal-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "sub", "journal.db", NULL);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static TsFill
make_fill (gint64      time_us,
           TsSide      side,
           double      price,
           gboolean    opens,
           const char *reason)
{
  TsFill f;

  memset (&f, 0, sizeof f);
  f.time_us = time_us;
  f.side = side;
  f.price = price;
  f.size = 0.1;
  f.fee = price * 0.1 * 1e-4;
  f.opens = opens;
  f.reason = reason;
  g_strlcpy (f.symbol, "BTCUSDT", sizeof f.symbol);
  return f;
}

static TsTrade
make_trade (gint64      entry_us,
            gint64      exit_us,
            TsSide      side,
            double      entry,
            double      exit,
            const char *reason)
{
  TsTrade t;

  memset (&t, 0, sizeof t);
  t.entry_time_us = entry_us;
  t.exit_time_us = exit_us;
  t.side = side;
  t.size = 0.1;
  t.entry_price = entry;
  t.exit_price = exit;
  t.fees = (entry + exit) * 0.1 * 1e-4;
  t.pnl = side * 0.1 * (exit - entry) - t.fees;
  t.pnl_pct = t.pnl / (entry * 0.1) * 100.0;
  t.reason = reason;
  g_strlcpy (t.symbol, "BTCUSDT", sizeof t.symbol);
  return t;
}

static void
assert_trade_equal (const TsTrade *a,
                    const TsTrade *b)
{
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

static gint64
pragma_int (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
test_schema (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TsJournal *journal = ts_journal_open (fx->path, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (journal);
  g_assert_cmpstr (ts_journal_get_path (journal), ==, fx->path);
  g_assert_true (g_file_test (fx->path, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (pragma_int (fx->path, "PRAGMA user_version"), ==, TS_JOURNAL_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (fx->path, "SELECT COUNT (*) FROM sqlite_schema WHERE type = 'table'"), ==, 4);

  /* WAL mode is persistent: a plain connection sees it */
  g_assert_cmpint (sqlite3_open_v2 (fx->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  ts_journal_close (journal);

  /* reopening an up-to-date file changes nothing */
  journal = ts_journal_open (fx->path, &error);
  g_assert_no_error (error);
  ts_journal_close (journal);
}

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) journal = ts_journal_open (fx->path, &error);
  g_autoptr(GArray) trades = NULL;
  g_autoptr(GArray) fills = NULL;
  g_autoptr(GArray) sessions = NULL;
  TsFill f[4];
  TsTrade t[2];
  const TsJournalSession *s;
  gint64 id;

  g_assert_no_error (error);
  id = ts_journal_begin_session (journal, T0, "ws://127.0.0.1:8765/", "momentum",
                                 "{\"window-seconds\":15}", 10000.0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* prices that are not exact in decimal must come back bit for bit */
  f[0] = make_fill (T0 + 1, TS_SIDE_BUY, 61837.63 + 1.0 / 3.0, TRUE, "LONG");
  f[1] = make_fill (T0 + 2, TS_SIDE_SELL, 61900.1, FALSE, "TP");
  f[2] = make_fill (T0 + 3, TS_SIDE_SELL, 61850.7, TRUE, "SHORT");
  f[3] = make_fill (T0 + 4, TS_SIDE_BUY, 61870.0 + 1e-9, FALSE, "SL");
  f[2].strategy_id = 3;
  f[3].strategy_id = 3;
  t[0] = make_trade (T0 + 1, T0 + 2, TS_SIDE_BUY, f[0].price, f[1].price, "TP");
  t[1] = make_trade (T0 + 3, T0 + 4, TS_SIDE_SELL, f[2].price, f[3].price, "SL");
  t[1].strategy_id = 3;

  g_assert_true (ts_journal_record_fill (journal, id, &f[0], &error));
  g_assert_no_error (error);
  g_assert_true (ts_journal_record_fill (journal, id, &f[1], &error));
  g_assert_true (ts_journal_record_trade (journal, id, &t[0], &error));
  g_assert_true (ts_journal_record_events (journal, id, &f[2], 2, &t[1], 1, &error));
  g_assert_no_error (error);

  trades = ts_journal_load_trades (journal, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trades->len, ==, 2);
  assert_trade_equal (&g_array_index (trades, TsTrade, 0), &t[0]);
  assert_trade_equal (&g_array_index (trades, TsTrade, 1), &t[1]);
  /* interned: the same pointer for the same code */
  g_assert_true (g_array_index (trades, TsTrade, 0).reason == g_intern_static_string ("TP"));

  fills = ts_journal_load_fills (journal, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fills->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      const TsFill *a = &g_array_index (fills, TsFill, i);

      g_assert_cmpint (a->time_us, ==, f[i].time_us);
      g_assert_cmpint (a->side, ==, f[i].side);
      g_assert_cmpfloat (a->price, ==, f[i].price);
      g_assert_cmpfloat (a->size, ==, f[i].size);
      g_assert_cmpfloat (a->fee, ==, f[i].fee);
      g_assert_cmpint (a->opens, ==, f[i].opens);
      g_assert_cmpstr (a->reason, ==, f[i].reason);
      g_assert_cmpstr (a->symbol, ==, f[i].symbol);
      g_assert_cmpuint (a->strategy_id, ==, f[i].strategy_id);
    }

  sessions = ts_journal_list_sessions (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  s = &g_array_index (sessions, TsJournalSession, 0);
  g_assert_cmpint (s->id, ==, id);
  g_assert_cmpint (s->started_us, ==, T0);
  g_assert_cmpint (s->ended_us, ==, 0);
  g_assert_cmpstr (s->source, ==, "ws://127.0.0.1:8765/");
  g_assert_cmpstr (s->strategy, ==, "momentum");
  g_assert_cmpstr (s->params_json, ==, "{\"window-seconds\":15}");
  g_assert_cmpfloat (s->initial_capital, ==, 10000.0);
  g_assert_cmpuint (s->n_trades, ==, 2);
  g_assert_cmpfloat_with_epsilon (s->total_pnl, t[0].pnl + t[1].pnl, 1e-9);
  g_clear_pointer (&sessions, g_array_unref);

  g_assert_true (ts_journal_end_session (journal, id, T0 + 10, &error));
  g_assert_no_error (error);
  sessions = ts_journal_list_sessions (journal, &error);
  g_assert_cmpint (g_array_index (sessions, TsJournalSession, 0).ended_us, ==, T0 + 10);
}

static void
test_open_positions (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) journal = ts_journal_open (fx->path, &error);
  g_autoptr(GArray) pos = NULL;
  TsFill open_long = make_fill (T0, TS_SIDE_BUY, 61000.5, TRUE, "LONG");
  TsFill close_long = make_fill (T0 + 5, TS_SIDE_SELL, 61010.5, FALSE, "TIME");
  TsTrade trade = make_trade (T0, T0 + 5, TS_SIDE_BUY, 61000.5, 61010.5, "TIME");
  TsFill open_short = make_fill (T0 + 9, TS_SIDE_SELL, 61020.25, TRUE, "SHORT");
  const TsJournalPosition *p;
  gint64 first, second, found = -1;

  first = ts_journal_begin_session (journal, T0, "mock", "momentum", NULL, 10000.0, &error);
  g_assert_no_error (error);

  /* no unfinished session has a position yet */
  pos = ts_journal_load_open_positions (journal, 0, &found, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pos->len, ==, 0);
  g_assert_cmpint (found, ==, first);
  g_clear_pointer (&pos, g_array_unref);

  g_assert_true (ts_journal_record_fill (journal, first, &open_long, &error));
  g_assert_true (ts_journal_set_position_state (journal, first, 0, "BTCUSDT",
                                                "{\"flat\":1}", &error));
  g_assert_no_error (error);
  pos = ts_journal_load_open_positions (journal, 0, &found, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, first);
  g_assert_cmpuint (pos->len, ==, 1);
  p = &g_array_index (pos, TsJournalPosition, 0);
  g_assert_cmpint (p->session_id, ==, first);
  g_assert_cmpstr (p->symbol, ==, "BTCUSDT");
  g_assert_cmpint (p->side, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (p->size, ==, open_long.size);
  g_assert_cmpfloat (p->entry_price, ==, open_long.price);
  g_assert_cmpint (p->entry_time_us, ==, open_long.time_us);
  g_assert_cmpfloat (p->entry_fee, ==, open_long.fee);
  g_assert_cmpstr (p->state, ==, "{\"flat\":1}");
  g_clear_pointer (&pos, g_array_unref);

  /* the closing fill alone leaves it; its trade removes it */
  g_assert_true (ts_journal_record_fill (journal, first, &close_long, &error));
  pos = ts_journal_load_open_positions (journal, first, NULL, &error);
  g_assert_cmpuint (pos->len, ==, 1);
  g_clear_pointer (&pos, g_array_unref);
  g_assert_true (ts_journal_record_trade (journal, first, &trade, &error));
  pos = ts_journal_load_open_positions (journal, first, NULL, &error);
  g_assert_cmpuint (pos->len, ==, 0);
  g_clear_pointer (&pos, g_array_unref);

  /* a new position replaces nothing stale, and its state starts unset */
  g_assert_true (ts_journal_record_fill (journal, first, &open_short, &error));
  g_assert_no_error (error);

  /* a second, finished session: "last unfinished" still finds the first */
  second = ts_journal_begin_session (journal, T0 + 100, "file.gz", "momentum", NULL, 5000.0, &error);
  g_assert_true (ts_journal_record_fill (journal, second, &open_long, &error));
  g_assert_true (ts_journal_end_session (journal, second, T0 + 200, &error));
  g_assert_no_error (error);

  pos = ts_journal_load_open_positions (journal, 0, &found, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, first);
  g_assert_cmpuint (pos->len, ==, 1);
  p = &g_array_index (pos, TsJournalPosition, 0);
  g_assert_cmpint (p->side, ==, TS_SIDE_SELL);
  g_assert_cmpfloat (p->entry_price, ==, open_short.price);
  g_assert_null (p->state);
  g_clear_pointer (&pos, g_array_unref);

  pos = ts_journal_load_open_positions (journal, second, &found, &error);
  g_assert_cmpint (found, ==, second);
  g_assert_cmpuint (pos->len, ==, 1);
  g_clear_pointer (&pos, g_array_unref);

  g_assert_true (ts_journal_end_session (journal, first, T0 + 300, &error));
  pos = ts_journal_load_open_positions (journal, 0, &found, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, 0);
  g_assert_cmpuint (pos->len, ==, 0);
}

static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) journal = ts_journal_open (fx->path, &error);
  g_autofree char *junk = g_build_filename (fx->dir, "junk.db", NULL);
  g_autofree char *newer = g_build_filename (fx->dir, "newer.db", NULL);
  g_autofree char *blocked = g_build_filename (fx->dir, "file", "journal.db", NULL);
  g_autofree char *blocker = g_build_filename (fx->dir, "file", NULL);
  g_autoptr(GArray) none = NULL;
  TsFill f = make_fill (T0, TS_SIDE_BUY, 100.0, TRUE, "LONG");
  TsJournal *other;
  sqlite3 *db = NULL;

  g_assert_no_error (error);

  /* an unknown session: the foreign key refuses the write, nothing kept */
  g_assert_false (ts_journal_record_fill (journal, 42, &f, &error));
  g_assert_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "FOREIGN KEY"));
  g_clear_error (&error);
  g_assert_false (ts_journal_end_session (journal, 42, T0, &error));
  g_assert_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  none = ts_journal_load_trades (journal, 42, &error);
  g_assert_null (none);
  g_assert_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (pragma_int (fx->path, "SELECT COUNT (*) FROM fills"), ==, 0);
  g_assert_cmpint (pragma_int (fx->path, "SELECT COUNT (*) FROM open_positions"), ==, 0);

  /* the journal still works after a failed transaction */
  g_assert_cmpint (ts_journal_begin_session (journal, T0, "mock", "momentum", NULL, 1.0, &error), >, 0);
  g_assert_no_error (error);

  /* not a database */
  g_assert_true (g_file_set_contents (junk, "this is not an SQLite file, not at all........"
                                      "................................................",
                                      -1, NULL));
  other = ts_journal_open (junk, &error);
  g_assert_null (other);
  g_assert_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "not a database"));
  g_clear_error (&error);

  /* written by a newer version */
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  other = ts_journal_open (newer, &error);
  g_assert_null (other);
  g_assert_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_SCHEMA);
  g_clear_error (&error);

  /* the directory cannot be created: a file is in the way */
  g_assert_true (g_file_set_contents (blocker, "x", -1, NULL));
  other = ts_journal_open (blocked, &error);
  g_assert_null (other);
  g_assert_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_OPEN);
  g_clear_error (&error);
}

static void
test_export_csv (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) journal = ts_journal_open (fx->path, &error);
  g_autofree char *csv = g_build_filename (fx->dir, "trades.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) expected = NULL;
  TsTrade t[2];
  gint64 id;

  t[0] = make_trade (T0, T0 + 1000, TS_SIDE_BUY, 61000.5, 61010.5, "TP");
  t[1] = make_trade (T0 + 2000, T0 + 3000, TS_SIDE_SELL, 61020.5, 61030.5, "SL");
  id = ts_journal_begin_session (journal, T0, "mock", "momentum", NULL, 10000.0, &error);
  g_assert_true (ts_journal_record_events (journal, id, NULL, 0, t, 2, &error));
  g_assert_no_error (error);

  g_assert_true (ts_journal_export_csv (journal, id, csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  expected = ts_trade_csv_writer_to_string (t, 2);
  g_assert_cmpstr (text, ==, expected->str);

  g_assert_false (ts_journal_export_csv (journal, id + 1, csv, &error));
  g_assert_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_NOT_FOUND);
}

static void
test_default_path (void)
{
  g_autofree char *path = ts_journal_dup_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "tickscope",
                                                "journal.db", NULL);
  g_autoptr(GError) error = NULL;
  TsJournal *journal;

  g_assert_cmpstr (path, ==, expected);

  /* XDG_DATA_HOME points into a temporary directory (see main) */
  journal = ts_journal_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ts_journal_get_path (journal), ==, expected);
  ts_journal_close (journal);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

/* the newest exchange time, read without writing: a missing file is 0
 * (and is not created), fills and trade exits both count */
static void
test_peek_last_time (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) j = NULL;
  g_autofree char *garbage = NULL;
  g_autofree char *empty = NULL;
  TsFill f1 = make_fill (1000, TS_SIDE_BUY, 100.0, TRUE, "LONG");
  TsFill f2 = make_fill (5000, TS_SIDE_SELL, 101.0, FALSE, "TP");
  TsTrade t = make_trade (1000, 5000, TS_SIDE_BUY, 100.0, 101.0, "TP");
  gint64 session, last = -1;

  g_assert_true (ts_journal_peek_last_time (fx->path, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last, ==, 0);
  g_assert_false (g_file_test (fx->path, G_FILE_TEST_EXISTS));

  /* a journal being created by another thread: the file exists, its
   * schema not yet (SQLite takes an empty file for an empty database) */
  empty = g_build_filename (fx->dir, "empty.db", NULL);
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  last = -1;
  g_assert_true (ts_journal_peek_last_time (empty, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last, ==, 0);

  j = ts_journal_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_true (ts_journal_peek_last_time (fx->path, &last, &error));
  g_assert_cmpint (last, ==, 0);

  session = ts_journal_begin_session (j, 1, "test", "momentum", "{}", 10000.0, &error);
  g_assert_no_error (error);
  g_assert_true (ts_journal_record_fill (j, session, &f1, &error));
  g_assert_true (ts_journal_peek_last_time (fx->path, &last, &error));
  g_assert_cmpint (last, ==, 1000);
  g_assert_true (ts_journal_record_events (j, session, &f2, 1, &t, 1, &error));
  g_assert_no_error (error);
  /* read while the writer keeps the file open (WAL) */
  g_assert_true (ts_journal_peek_last_time (fx->path, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpint (last, ==, 5000);

  /* an SQLite file without the journal's tables yet (another connection
   * is creating it): nothing in it, not an error */
  {
    g_autofree char *no_tables = g_build_filename (fx->dir, "other.db", NULL);
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (no_tables, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE other (x INTEGER)", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    last = -1;
    g_assert_true (ts_journal_peek_last_time (no_tables, &last, &error));
    g_assert_no_error (error);
    g_assert_cmpint (last, ==, 0);
  }

  garbage = g_build_filename (fx->dir, "garbage.db", NULL);
  g_assert_true (g_file_set_contents (garbage, "this is not a database, not at all........", -1, NULL));
  last = -1;
  g_assert_false (ts_journal_peek_last_time (garbage, &last, &error));
  g_assert_true (g_error_matches (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_OPEN) ||
                 g_error_matches (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_READ));
  g_assert_nonnull (strstr (error->message, garbage));
  g_assert_cmpint (last, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  int rc;

  home = g_dir_make_tmp ("ts-journal-home-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/journal/schema", Fixture, NULL, fixture_setup, test_schema, fixture_teardown);
  g_test_add ("/store/journal/round-trip-exact", Fixture, NULL, fixture_setup, test_round_trip, fixture_teardown);
  g_test_add ("/store/journal/open-positions", Fixture, NULL, fixture_setup, test_open_positions, fixture_teardown);
  g_test_add ("/store/journal/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/store/journal/export-csv", Fixture, NULL, fixture_setup, test_export_csv, fixture_teardown);
  g_test_add ("/store/journal/peek-last-time", Fixture, NULL, fixture_setup, test_peek_last_time, fixture_teardown);
  g_test_add_func ("/store/journal/default-path", test_default_path);

  rc = g_test_run ();
  remove_tree (home);
  return rc;
}
