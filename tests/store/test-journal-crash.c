/* test-journal-crash.c: a journal writer killed with SIGKILL loses no
 * committed transaction and leaves no partial row
 *
 * Usage: test-journal-crash CHILD (the journal-crash-child program)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/ts-journal.h"

static const char *child_path;

typedef struct
{
  gint64  entry_us, exit_us;
  int     side;
  double  size, entry, exit, fees, pnl, pnl_pct;
  char   *reason;
  char   *symbol;
} Reported;

typedef struct
{
  char   *symbol;
  int     side;
  double  size, price, fee;
  gint64  time_us;
  guint   strategy_id;
} ReportedOpen;

static void
reported_clear (gpointer data)
{
  Reported *r = data;

  g_free (r->reason);
  g_free (r->symbol);
}

static double
hex (const char *s)
{
  return g_ascii_strtod (s, NULL); /* strtod in the C locale: reads %a */
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
      g_unlink (p);
    }
  g_rmdir (dir);
}

static char *
integrity_check (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *result;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return result;
}

/* One run: kill the child once it has reported at least @min_trades trades
 * and then an opening fill, after @extra_lines more lines. */
static void
run_once (guint min_trades,
          guint extra_lines)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-journal-crash-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "journal.db", NULL);
  g_autofree char *csv = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GArray) reported = g_array_new (FALSE, TRUE, sizeof (Reported));
  g_autoptr(GArray) trades = NULL;
  g_autoptr(GArray) fills = NULL;
  g_autoptr(GArray) positions = NULL;
  g_autoptr(GArray) sessions = NULL;
  g_autoptr(TsJournal) journal = NULL;
  g_autofree char *integrity = NULL;
  ReportedOpen last_open = { NULL, 0, 0, 0, 0, 0, 0 };
  gboolean open_after_trade = FALSE, killed = FALSE, armed = FALSE;
  guint n_fills_reported = 0, countdown = extra_lines;
  gint64 session_id = 0, found = 0;
  const char *shared = g_getenv ("TS_SHARED_DATA");
  char *line;

  g_assert_no_error (error);
  g_array_set_clear_func (reported, reported_clear);

  if (shared != NULL)
    {
      csv = g_build_filename (shared, "binance-spot", "trades_BTCUSDT_20240808.csv", NULL);
      if (!g_file_test (csv, G_FILE_TEST_IS_REGULAR))
        g_clear_pointer (&csv, g_free);
    }

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            child_path, db, csv, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));

  /* Read every line the child wrote, through the kill up to EOF: each
   * was printed after its transaction committed. */
  while ((line = g_data_input_stream_read_line (out, NULL, NULL, &error)) != NULL)
    {
      g_auto(GStrv) f = g_strsplit (line, " ", -1);
      guint n = g_strv_length (f);

      if (g_str_equal (f[0], "session") && n == 2)
        session_id = g_ascii_strtoll (f[1], NULL, 10);
      else if (g_str_equal (f[0], "fill") && n == 2)
        n_fills_reported = (guint) g_ascii_strtoull (f[1], NULL, 10);
      else if (g_str_equal (f[0], "open") && n == 8)
        {
          g_free (last_open.symbol);
          last_open.symbol = g_strdup (f[1]);
          last_open.side = atoi (f[2]);
          last_open.size = hex (f[3]);
          last_open.price = hex (f[4]);
          last_open.time_us = g_ascii_strtoll (f[5], NULL, 10);
          last_open.fee = hex (f[6]);
          last_open.strategy_id = (guint) g_ascii_strtoull (f[7], NULL, 10);
          open_after_trade = TRUE;
        }
      else if (g_str_equal (f[0], "trade") && n == 13)
        {
          Reported r;

          g_assert_cmpuint (g_ascii_strtoull (f[1], NULL, 10), ==, reported->len + 1);
          r.entry_us = g_ascii_strtoll (f[2], NULL, 10);
          r.exit_us = g_ascii_strtoll (f[3], NULL, 10);
          r.side = atoi (f[4]);
          r.size = hex (f[5]);
          r.entry = hex (f[6]);
          r.exit = hex (f[7]);
          r.fees = hex (f[8]);
          r.pnl = hex (f[9]);
          r.pnl_pct = hex (f[10]);
          r.reason = g_strdup (f[11]);
          r.symbol = g_strdup (f[12]);
          g_array_append_val (reported, r);
          open_after_trade = FALSE;
        }
      else
        g_error ("unexpected line from the child: %s", line);
      g_free (line);

      /* armed once K trades are reported and a position is open; then
       * @extra_lines more lines to vary the moment */
      if (!killed && (armed || (reported->len >= min_trades && open_after_trade)))
        {
          armed = TRUE;
          if (countdown-- == 0)
            {
              g_subprocess_force_exit (child); /* SIGKILL */
              killed = TRUE;
            }
        }
    }
  g_assert_no_error (error);
  g_assert_true (killed);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (child));
  g_assert_cmpint (g_subprocess_get_term_sig (child), ==, 9);
  g_assert_cmpint (session_id, >, 0);
  g_test_message ("killed after %u trades, %u fills reported", reported->len, n_fills_reported);

  journal = ts_journal_open (db, &error);
  g_assert_no_error (error);

  integrity = integrity_check (db);
  g_assert_cmpstr (integrity, ==, "ok");

  sessions = ts_journal_list_sessions (journal, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpint (g_array_index (sessions, TsJournalSession, 0).id, ==, session_id);
  g_assert_cmpint (g_array_index (sessions, TsJournalSession, 0).ended_us, ==, 0);

  /* every reported trade is there, equal; at most one more (committed, then
   * killed before it was printed) */
  trades = ts_journal_load_trades (journal, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trades->len, >=, reported->len);
  g_assert_cmpuint (trades->len, <=, reported->len + 1);
  g_assert_cmpuint (g_array_index (sessions, TsJournalSession, 0).n_trades, ==, trades->len);
  for (guint i = 0; i < reported->len; i++)
    {
      const Reported *r = &g_array_index (reported, Reported, i);
      const TsTrade *t = &g_array_index (trades, TsTrade, i);

      g_assert_cmpint (t->entry_time_us, ==, r->entry_us);
      g_assert_cmpint (t->exit_time_us, ==, r->exit_us);
      g_assert_cmpint (t->side, ==, r->side);
      g_assert_cmpfloat (t->size, ==, r->size);
      g_assert_cmpfloat (t->entry_price, ==, r->entry);
      g_assert_cmpfloat (t->exit_price, ==, r->exit);
      g_assert_cmpfloat (t->fees, ==, r->fees);
      g_assert_cmpfloat (t->pnl, ==, r->pnl);
      g_assert_cmpfloat (t->pnl_pct, ==, r->pnl_pct);
      g_assert_cmpstr (t->reason, ==, r->reason);
      g_assert_cmpstr (t->symbol, ==, r->symbol);
    }

  fills = ts_journal_load_fills (journal, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fills->len, >=, n_fills_reported);
  g_assert_cmpuint (fills->len, <=, n_fills_reported + 1);
  /* every trade has its two fills */
  g_assert_cmpuint (fills->len, >=, 2 * trades->len);

  g_test_message ("stored %u trades, %u fills (reported %u, %u)",
                  trades->len, fills->len, reported->len, n_fills_reported);

  positions = ts_journal_load_open_positions (journal, 0, &found, &error);
  g_assert_no_error (error);
  g_assert_cmpint (found, ==, session_id);
  g_assert_cmpuint (positions->len, <=, 1);

  if (positions->len == 1)
    {
      const TsJournalPosition *p = &g_array_index (positions, TsJournalPosition, 0);
      const TsFill *last_opening = NULL;

      /* it is the last opening fill, and no stored trade closed it */
      for (guint i = 0; i < fills->len; i++)
        if (g_array_index (fills, TsFill, i).opens)
          last_opening = &g_array_index (fills, TsFill, i);
      g_assert_nonnull (last_opening);
      g_assert_cmpint (p->entry_time_us, ==, last_opening->time_us);
      g_assert_cmpfloat (p->entry_price, ==, last_opening->price);
      g_assert_cmpfloat (p->size, ==, last_opening->size);
      g_assert_cmpfloat (p->entry_fee, ==, last_opening->fee);
      g_assert_cmpint (p->side, ==, last_opening->side);
      g_assert_cmpstr (p->symbol, ==, last_opening->symbol);
      for (guint i = 0; i < trades->len; i++)
        g_assert_cmpint (g_array_index (trades, TsTrade, i).entry_time_us, !=, p->entry_time_us);
    }
  else
    {
      /* flat: the last fill stored closed a position, and its trade is there */
      g_assert_false (g_array_index (fills, TsFill, fills->len - 1).opens);
      g_assert_cmpint (g_array_index (trades, TsTrade, trades->len - 1).exit_time_us, ==,
                       g_array_index (fills, TsFill, fills->len - 1).time_us);
    }

  /* the last reported opening: still open and restored, or closed by a
   * stored trade */
  if (open_after_trade)
    {
      gboolean restored = FALSE, closed = FALSE;

      if (positions->len == 1)
        {
          const TsJournalPosition *p = &g_array_index (positions, TsJournalPosition, 0);

          restored = p->entry_time_us == last_open.time_us
                     && p->entry_price == last_open.price
                     && p->size == last_open.size
                     && p->entry_fee == last_open.fee
                     && (int) p->side == last_open.side
                     && g_str_equal (p->symbol, last_open.symbol)
                     && p->strategy_id == last_open.strategy_id;
        }
      for (guint i = reported->len; i < trades->len; i++)
        if (g_array_index (trades, TsTrade, i).entry_time_us == last_open.time_us)
          closed = TRUE;
      g_test_message ("last reported position %s", restored ? "restored" : closed ? "closed" : "LOST");
      g_assert_true (restored || closed);
    }

  g_free (last_open.symbol);
  g_clear_pointer (&journal, ts_journal_close);
  remove_tree (dir);
}

static void
test_kill (void)
{
  static const guint min_trades[] = { 1, 3, 6, 10, 17 };

  for (guint i = 0; i < G_N_ELEMENTS (min_trades); i++)
    run_once (min_trades[i], i);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s JOURNAL-CRASH-CHILD\n", argv[0]);
      return 2;
    }
  child_path = argv[1];

  g_test_add_func ("/store/journal/sigkill-loses-no-commit", test_kill);

  return g_test_run ();
}
