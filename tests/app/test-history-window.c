/* test-history-window.c: the History window lists the journal's sessions,
 * shows their trades, exports CSV, and copes with a missing, garbage or
 * locked journal
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "app/ts-application.h"
#include "app/ts-format.h"
#include "app/ts-history-window.h"
#include "app/ts-trade-object.h"
#include "store/ts-journal.h"
#include "store/ts-trade-csv-writer.h"

/* 2026-01-01T00:00:00Z; the test runs with TZ=UTC so local time is UTC */
#define T0 G_GINT64_CONSTANT (1767225600000000)
#define SEC G_GINT64_CONSTANT (1000000) /* µs */

typedef struct
{
  char      *dir;
  char      *path;
  TsJournal *writer;  /* stays open: the live session writing beside the window */
  gint64     s1;      /* momentum, ended after 1 h: trades -12.5 and +2.25 */
  gint64     s2;      /* maxwell + calculus, not ended: trade +9.8, one open */
} Fixture;

static TsFill
make_fill (gint64      time_us,
           TsSide      side,
           double      price,
           double      size,
           double      fee,
           gboolean    opens,
           const char *symbol,
           guint       strategy_id)
{
  TsFill f;

  memset (&f, 0, sizeof f);
  f.time_us = time_us;
  f.side = side;
  f.price = price;
  f.size = size;
  f.fee = fee;
  f.opens = opens;
  f.reason = opens ? "entry" : "exit";
  f.strategy_id = strategy_id;
  g_strlcpy (f.symbol, symbol, sizeof f.symbol);
  return f;
}

/* pnl and pnl_pct worked out by hand in the callers:
 * pnl = (exit - entry) * size * side - fees; pnl_pct = pnl / (entry * size) * 100 */
static TsTrade
make_trade (gint64      entry_us,
            gint64      exit_us,
            TsSide      side,
            double      size,
            double      entry,
            double      exit_price,
            double      fees,
            double      pnl,
            double      pnl_pct,
            const char *reason,
            const char *symbol,
            guint       strategy_id)
{
  TsTrade t;

  memset (&t, 0, sizeof t);
  t.entry_time_us = entry_us;
  t.exit_time_us = exit_us;
  t.side = side;
  t.size = size;
  t.entry_price = entry;
  t.exit_price = exit_price;
  t.fees = fees;
  t.pnl = pnl;
  t.pnl_pct = pnl_pct;
  t.reason = reason;
  t.strategy_id = strategy_id;
  g_strlcpy (t.symbol, symbol, sizeof t.symbol);
  return t;
}

static void
record_round_trip (TsJournal     *journal,
                   gint64         session_id,
                   const TsTrade *t)
{
  g_autoptr(GError) error = NULL;
  TsFill fills[2];

  fills[0] = make_fill (t->entry_time_us, t->side, t->entry_price, t->size, t->fees / 2,
                        TRUE, t->symbol, t->strategy_id);
  fills[1] = make_fill (t->exit_time_us, t->side == TS_SIDE_BUY ? TS_SIDE_SELL : TS_SIDE_BUY,
                        t->exit_price, t->size, t->fees / 2, FALSE, t->symbol, t->strategy_id);
  g_assert_true (ts_journal_record_events (journal, session_id, fills, 2, t, 1, &error));
  g_assert_no_error (error);
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
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TsTrade t;
  TsFill open_fill;

  fx->dir = g_dir_make_tmp ("ts-history-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "journal.db", NULL);
  fx->writer = ts_journal_open (fx->path, &error);
  g_assert_no_error (error);

  /* session 1: momentum on mock, 1 h long */
  fx->s1 = ts_journal_begin_session (fx->writer, T0, "mock", "momentum",
                                     "{\"window-seconds\":30}", 10000, &error);
  g_assert_no_error (error);
  /* long 0.5 @ 100 → 76, fees 0.5: (76 - 100) * 0.5 - 0.5 = -12.5; -12.5 / 50 = -25 % */
  t = make_trade (T0 + 60 * SEC, T0 + 120 * SEC, TS_SIDE_BUY, 0.5, 100, 76, 0.5,
                  -12.5, -25, "stop_loss", "MOCK-BTC", 0);
  record_round_trip (fx->writer, fx->s1, &t);
  /* long 1 @ 50 → 52.5, fees 0.25: 2.5 - 0.25 = 2.25; 2.25 / 50 = 4.5 % */
  t = make_trade (T0 + 600 * SEC, T0 + 900 * SEC, TS_SIDE_BUY, 1, 50, 52.5, 0.25,
                  2.25, 4.5, "profit_target", "MOCK-BTC", 0);
  record_round_trip (fx->writer, fx->s1, &t);
  g_assert_true (ts_journal_end_session (fx->writer, fx->s1, T0 + 3600 * SEC, &error));
  g_assert_no_error (error);

  /* session 2, a day later: maxwell (id 1) and calculus (id 2), not ended */
  fx->s2 = ts_journal_begin_session (fx->writer, T0 + 86400 * SEC, "ws://127.0.0.1:8765",
                                     "maxwell,calculus", NULL, 5000, &error);
  g_assert_no_error (error);
  /* short 1 @ 200 → 190, fees 0.2: (190 - 200) * 1 * -1 - 0.2 = 9.8; 9.8 / 200 = 4.9 % */
  t = make_trade (T0 + 86460 * SEC, T0 + 86520 * SEC, TS_SIDE_SELL, 1, 200, 190, 0.2,
                  9.8, 4.9, "time_stop", "MOCK-ETH", 2);
  record_round_trip (fx->writer, fx->s2, &t);
  /* maxwell opened long 3 @ 10 and holds it */
  open_fill = make_fill (T0 + 86600 * SEC, TS_SIDE_BUY, 10, 3, 0.03, TRUE, "MOCK-BTC", 1);
  g_assert_true (ts_journal_record_fill (fx->writer, fx->s2, &open_fill, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_pointer (&fx->writer, ts_journal_close);
  remove_tree (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

/* a hang guard, not a timing assertion */
static void
wait_until (gboolean  (*condition) (gpointer),
            gpointer    data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
is_idle (gpointer data)
{
  TsHistoryWindow *window = data;

  return !ts_history_window_get_busy (window)
         && g_strcmp0 (ts_history_window_get_state (window), "loading") != 0;
}

static TsHistoryWindow *
open_window (const char *path)
{
  TsHistoryWindow *window = ts_history_window_new (NULL, path);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_idle, window, "the journal to load");
  return window;
}

static void
close_window (TsHistoryWindow *window)
{
  wait_until (is_idle, window, "the last load");
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

/* the label named @name in @widget's subtree */
static GtkLabel *
find_named_label (GtkWidget  *widget,
                  const char *name)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_named_label (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* a mapped label showing exactly @text in @widget's subtree */
static GtkLabel *
find_label_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label_text (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
row_text (TsHistoryWindow *window,
          int              index,
          const char      *name)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (ts_history_window_get_session_list (window),
                                                      index);
  GtkLabel *label;

  g_assert_nonnull (row);
  label = find_named_label (GTK_WIDGET (row), name);
  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

static gint64
row_id (TsHistoryWindow *window,
        int              index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (ts_history_window_get_session_list (window),
                                                      index);
  gint64 *id;

  g_assert_nonnull (row);
  id = g_object_get_data (G_OBJECT (row), "ts-session-id");
  g_assert_nonnull (id);
  return *id;
}

static int
n_rows (TsHistoryWindow *window)
{
  int n = 0;

  while (gtk_list_box_get_row_at_index (ts_history_window_get_session_list (window), n) != NULL)
    n++;
  return n;
}

typedef struct
{
  TsHistoryWindow *window;
  const char      *text;
} LabelWait;

static gboolean
trade_cell_shown (gpointer data)
{
  LabelWait *w = data;

  return is_idle (w->window)
         && find_label_text (GTK_WIDGET (ts_history_window_get_trade_view (w->window)),
                             w->text) != NULL;
}

static void
wait_for_cell (TsHistoryWindow *window,
               const char      *text)
{
  LabelWait w = { window, text };

  wait_until (trade_cell_shown, &w, text);
}

static void
test_lists_sessions (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sessions = ts_journal_list_sessions (fx->writer, &error);
  TsHistoryWindow *window;
  GtkLabel *pnl;
  g_autofree char *s1_pnl = NULL;
  g_autofree char *s2_pnl = NULL;
  const TsJournalSession *j1, *j2;

  /* the journal's own totals, as recorded by hand above */
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  j1 = &g_array_index (sessions, TsJournalSession, 0);
  j2 = &g_array_index (sessions, TsJournalSession, 1);
  g_assert_cmpint (j1->id, ==, fx->s1);
  g_assert_cmpuint (j1->n_trades, ==, 2);
  g_assert_cmpfloat (j1->total_pnl, ==, -10.25); /* -12.5 + 2.25 */
  g_assert_cmpuint (j2->n_trades, ==, 1);
  g_assert_cmpfloat (j2->total_pnl, ==, 9.8);

  window = open_window (fx->path);
  g_assert_cmpstr (ts_history_window_get_state (window), ==, "sessions");
  g_assert_null (ts_history_window_get_error (window));

  /* newest first */
  g_assert_cmpint (n_rows (window), ==, 2);
  g_assert_cmpint (row_id (window, 0), ==, fx->s2);
  g_assert_cmpint (row_id (window, 1), ==, fx->s1);

  /* what each row shows equals the journal's totals */
  s2_pnl = ts_format_number (j2->total_pnl, 2, TRUE);
  s1_pnl = ts_format_number (j1->total_pnl, 2, TRUE);
  g_assert_cmpstr (s2_pnl, ==, "+9.80");
  g_assert_cmpstr (s1_pnl, ==, "−10.25");
  g_assert_cmpstr (row_text (window, 0, "pnl"), ==, s2_pnl);
  g_assert_cmpstr (row_text (window, 1, "pnl"), ==, s1_pnl);
  g_assert_cmpstr (row_text (window, 0, "trades"), ==, "1 trade");
  g_assert_cmpstr (row_text (window, 1, "trades"), ==, "2 trades");
  g_assert_cmpstr (row_text (window, 0, "open"), ==, "1 open");
  g_assert_cmpstr (row_text (window, 1, "open"), ==, "0 open");
  g_assert_cmpstr (row_text (window, 0, "start"), ==, "2026-01-02 00:00:00");
  g_assert_cmpstr (row_text (window, 1, "start"), ==, "2026-01-01 00:00:00");
  g_assert_cmpstr (row_text (window, 1, "duration"), ==, "1 h 00 min");
  g_assert_cmpstr (row_text (window, 0, "duration"), ==, "Not ended");
  g_assert_cmpstr (row_text (window, 0, "strategy"), ==, "maxwell, calculus");
  g_assert_cmpstr (row_text (window, 0, "source"), ==, "ws://127.0.0.1:8765");

  /* green and red */
  pnl = find_named_label (GTK_WIDGET (gtk_list_box_get_row_at_index (
                            ts_history_window_get_session_list (window), 0)), "pnl");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (pnl), "success"));
  pnl = find_named_label (GTK_WIDGET (gtk_list_box_get_row_at_index (
                            ts_history_window_get_session_list (window), 1)), "pnl");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (pnl), "error"));

  /* running or crashed, once the app tells which session it writes */
  ts_history_window_set_live_session_id (window, fx->s2);
  g_assert_cmpstr (row_text (window, 0, "duration"), ==, "Running");
  ts_history_window_set_live_session_id (window, 0);
  g_assert_cmpstr (row_text (window, 0, "duration"), ==, "Not ended (crash)");

  close_window (window);
}

static void
test_selected_session_trades (Fixture       *fx,
                              gconstpointer  data)
{
  TsHistoryWindow *window = open_window (fx->path);
  GListModel *model = ts_history_window_get_trade_model (window);
  g_autoptr(TsTradeObject) first = NULL;

  /* the newest is selected at first */
  g_assert_cmpint (ts_history_window_get_selected_session (window), ==, fx->s2);
  wait_for_cell (window, "+9.80");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (ts_history_window_get_n_open_positions (window), ==, 1);
  /* trade of strategy id 2 → the second name of "maxwell,calculus" */
  wait_for_cell (window, "calculus");
  wait_for_cell (window, "Short");

  g_assert_true (ts_history_window_select_session (window, fx->s1));
  g_assert_false (ts_history_window_select_session (window, 999));
  g_assert_cmpint (ts_history_window_get_selected_session (window), ==, fx->s1);
  wait_for_cell (window, "−12.50");
  wait_for_cell (window, "+2.25");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_cmpuint (ts_history_window_get_n_open_positions (window), ==, 0);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpfloat (ts_trade_object_get_trade (first)->pnl, ==, -12.5);
  g_assert_cmpfloat (ts_trade_object_get_trade (first)->fees, ==, 0.5);
  wait_for_cell (window, "stop_loss");
  wait_for_cell (window, "momentum");
  wait_for_cell (window, "2026-01-01 00:01:00"); /* entry of the first trade */

  close_window (window);
}

static void
test_export_csv (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (fx->dir, "session.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected_toast = NULL;
  g_autoptr(GArray) trades = NULL;
  g_autoptr(GString) expected = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  int pnl_col = -1, fees_col = -1;
  TsHistoryWindow *window = open_window (fx->path);

  g_assert_true (ts_history_window_select_session (window, fx->s1));
  wait_for_cell (window, "−12.50");
  ts_history_window_export_csv (window, out);
  wait_until (is_idle, window, "the export");

  expected_toast = g_strdup_printf ("Session %" G_GINT64_FORMAT " exported to %s", fx->s1, out);
  g_assert_cmpstr (ts_history_window_get_last_toast (window), ==, expected_toast);

  g_file_get_contents (out, &contents, NULL, &error);
  g_assert_no_error (error);

  /* the same bytes as the journal's trades through the CSV writer */
  trades = ts_journal_load_trades (fx->writer, fx->s1, &error);
  g_assert_no_error (error);
  expected = ts_trade_csv_writer_to_string ((const TsTrade *) trades->data, trades->len);
  g_assert_cmpstr (contents, ==, expected->str);

  /* header + 2 rows; -12.5 and 2.25 stay plain numbers */
  g_strdelimit (contents, "\r", '\n');
  lines = g_strsplit (contents, "\n", -1);
  {
    g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
    g_auto(GStrv) kept = NULL;

    for (guint i = 0; lines[i] != NULL; i++)
      if (lines[i][0] != '\0')
        g_strv_builder_add (b, lines[i]);
    kept = g_strv_builder_end (b);
    g_strfreev (lines);
    lines = g_steal_pointer (&kept);
  }
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  header = g_strsplit (lines[0], ",", -1);
  for (int i = 0; header[i] != NULL; i++)
    {
      if (g_str_equal (header[i], "pnl"))
        pnl_col = i;
      if (g_str_equal (header[i], "fees"))
        fees_col = i;
    }
  g_assert_cmpint (pnl_col, >=, 0);
  g_assert_cmpint (fees_col, >=, 0);
  {
    g_auto(GStrv) row1 = g_strsplit (lines[1], ",", -1);
    g_auto(GStrv) row2 = g_strsplit (lines[2], ",", -1);

    g_assert_cmpstr (row1[0], ==, "MOCK-BTC");
    g_assert_cmpstr (row1[pnl_col], ==, "-12.5");
    g_assert_cmpstr (row1[fees_col], ==, "0.5");
    g_assert_cmpstr (row2[pnl_col], ==, "2.25");
  }

  /* an export that cannot be written: a toast with the error, no crash */
  {
    g_autofree char *bad = g_build_filename (fx->dir, "no-such-dir", "x.csv", NULL);

    ts_history_window_export_csv (window, bad);
    wait_until (is_idle, window, "the failing export");
    g_assert_true (g_str_has_prefix (ts_history_window_get_last_toast (window),
                                     "Could not export session"));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }

  close_window (window);
}

static void
test_refresh_sees_new_trades (Fixture       *fx,
                              gconstpointer  data)
{
  TsHistoryWindow *window = open_window (fx->path);
  TsTrade t;

  g_assert_cmpstr (row_text (window, 0, "trades"), ==, "1 trade");
  wait_for_cell (window, "+9.80");

  /* the live session closes maxwell's long: 3 @ 10 → 11, fees 0.06:
   * 3 - 0.06 = 2.94; 2.94 / 30 = 9.8 % */
  t = make_trade (T0 + 86600 * SEC, T0 + 86700 * SEC, TS_SIDE_BUY, 3, 10, 11, 0.06,
                  2.94, 9.8, "profit_target", "MOCK-BTC", 1);
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (ts_journal_record_trade (fx->writer, fx->s2, &t, &error));
    g_assert_no_error (error);
  }

  ts_history_window_refresh (window);
  wait_until (is_idle, window, "the refresh");
  g_assert_cmpint (ts_history_window_get_selected_session (window), ==, fx->s2);
  g_assert_cmpstr (row_text (window, 0, "trades"), ==, "2 trades");
  g_assert_cmpstr (row_text (window, 0, "pnl"), ==, "+12.74"); /* 9.8 + 2.94 */
  g_assert_cmpstr (row_text (window, 0, "open"), ==, "0 open");
  wait_for_cell (window, "+2.94");
  wait_for_cell (window, "maxwell");
  g_assert_cmpuint (g_list_model_get_n_items (ts_history_window_get_trade_model (window)), ==, 2);
  g_assert_cmpuint (ts_history_window_get_n_open_positions (window), ==, 0);

  close_window (window);
}

static void
test_missing_journal_is_empty (Fixture       *fx,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "none", "journal.db", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  TsHistoryWindow *window = open_window (path);

  g_assert_cmpstr (ts_history_window_get_state (window), ==, "empty");
  g_assert_null (ts_history_window_get_error (window));
  g_assert_cmpint (ts_history_window_get_selected_session (window), ==, 0);
  /* the window never creates the journal */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (parent, G_FILE_TEST_EXISTS));
  g_assert_true (find_label_text (GTK_WIDGET (window), "No sessions yet") != NULL);

  close_window (window);
}

static void
test_garbage_journal_shows_error (Fixture       *fx,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fx->dir, "garbage.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 bytes[8192];
  TsHistoryWindow *window;
  const char *message;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_file_set_contents (path, (const char *) bytes, sizeof bytes, &error);
  g_assert_no_error (error);

  window = open_window (path);
  g_assert_cmpstr (ts_history_window_get_state (window), ==, "error");
  message = ts_history_window_get_error (window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, path));
  g_assert_nonnull (strstr (message, "not a database"));
  g_assert_true (find_label_text (GTK_WIDGET (window), "Could not read the journal") != NULL);

  /* Refresh once the file is repaired: here, replaced by a real journal
   * (closed first, so that nothing is left in its -wal file) */
  g_clear_pointer (&fx->writer, ts_journal_close);
  g_assert_cmpint (g_rename (fx->path, path), ==, 0);
  ts_history_window_refresh (window);
  wait_until (is_idle, window, "the refresh");
  g_assert_cmpstr (ts_history_window_get_state (window), ==, "sessions");
  g_assert_cmpint (n_rows (window), ==, 2);

  close_window (window);
}

static void
test_locked_journal_shows_error (Fixture       *fx,
                                 gconstpointer  data)
{
  sqlite3 *db = NULL;
  TsHistoryWindow *window;
  const char *message;

  /* another writer holds the write lock longer than the 5 s busy timeout */
  g_assert_cmpint (sqlite3_open (fx->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  window = open_window (fx->path);
  g_assert_cmpstr (ts_history_window_get_state (window), ==, "error");
  message = ts_history_window_get_error (window);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "locked"));

  /* the lock goes: Refresh lists the sessions */
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  ts_history_window_refresh (window);
  wait_until (is_idle, window, "the refresh");
  g_assert_cmpstr (ts_history_window_get_state (window), ==, "sessions");

  close_window (window);
}

/* app.history (Ctrl+H) opens one History window on the default journal */
static void
test_app_action (void)
{
  g_autoptr(GError) error = NULL;
  TsApplication *app = ts_application_new ();
  g_auto(GStrv) accels = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "tickscope",
                                                "journal.db", NULL);
  TsHistoryWindow *window = NULL;
  guint n = 0;

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.history");
  g_assert_cmpstr (accels[0], ==, "<Control>h");

  /* twice: the second presents the same window */
  g_action_group_activate_action (G_ACTION_GROUP (app), "history", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "history", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (TS_IS_HISTORY_WINDOW (l->data))
      {
        window = l->data;
        n++;
      }
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (ts_history_window_get_journal_path (window), ==, expected);
  wait_until (is_idle, window, "the default journal");
  g_assert_cmpstr (ts_history_window_get_state (window), !=, "error");

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  g_object_unref (app);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* session start times are shown in local time: make it UTC */
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("no display: skipped\n");
      return 77;
    }
  /* the default journal of app.history: in a fresh temporary directory,
   * set before GLib caches g_get_user_data_dir() */
  data_home = g_dir_make_tmp ("ts-history-data-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("gtk_init_check failed: skipped\n");
      return 77;
    }
  adw_init ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/app/history/lists-sessions-newest-first-with-journal-totals", test_lists_sessions);
  ADD ("/app/history/selected-session-shows-its-trades", test_selected_session_trades);
  ADD ("/app/history/export-csv-matches-journal", test_export_csv);
  ADD ("/app/history/refresh-sees-new-trades", test_refresh_sees_new_trades);
  ADD ("/app/history/missing-journal-shows-empty-state", test_missing_journal_is_empty);
  ADD ("/app/history/garbage-journal-shows-error", test_garbage_journal_shows_error);
  ADD ("/app/history/locked-journal-shows-error", test_locked_journal_shows_error);
#undef ADD
  g_test_add_func ("/app/history/app-action-opens-one-window", test_app_action);

  status = g_test_run ();
  remove_tree (data_home);
  return status;
}
