/* test-history-loader.c: the shared history loader of tickscope-backtest
 * and the Backtest view (src/feed/ts-history-loader.h) on ../shared/data
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <glib/gstdio.h>

#include "feed/ts-history-loader.h"
#include "store/ts-store-error.h"

static char *
shared_path (const char *name)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "binance-spot", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

typedef struct
{
  guint  calls;
  double last;
  gboolean monotonic;
} Progress;

static void
on_progress (const char *path,
             double      fraction,
             gpointer    user_data)
{
  Progress *p = user_data;

  if (p->calls > 0 && fraction < p->last)
    p->monotonic = FALSE;
  p->calls++;
  p->last = fraction;
}

static void
assert_ascending (GArray *ticks)
{
  guint i;

  for (i = 1; i < ticks->len; i++)
    g_assert_cmpint (g_array_index (ticks, TsTick, i).time_us, >=,
                     g_array_index (ticks, TsTick, i - 1).time_us);
}

/* data/README.md: 9,757 BTCUSDT and 6,106 ETHUSDT trades; the recordings
 * add 28,040 and 24,077 book tickers (quotes) */
static void
test_counts (void)
{
  g_autofree char *btc = shared_path ("trades_BTCUSDT_20240808.csv");
  g_autofree char *eth = shared_path ("trades_ETHUSDT_20240808.csv");
  g_autofree char *gz = shared_path ("spot_btcusdt_20240808.gz");
  g_autoptr(TsHistoryLoader) loader = ts_history_loader_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ticks = NULL;
  Progress progress = { 0, 0.0, TRUE };
  guint i, n_btc = 0, n_eth = 0, n_bad = 7;

  if (btc == NULL || eth == NULL || gz == NULL)
    {
      g_test_skip ("TS_SHARED_DATA/binance-spot not found");
      return;
    }

  g_assert_true (ts_history_loader_add_file (loader, btc, NULL, on_progress, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, >=, 2);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_true (progress.monotonic);
  g_assert_null (ts_history_loader_get_bad_lines (loader, btc, &n_bad));
  g_assert_cmpuint (n_bad, ==, 0);
  ticks = ts_history_loader_steal_ticks (loader);
  g_assert_cmpuint (ticks->len, ==, 9757);
  g_clear_pointer (&ticks, g_array_unref);

  /* two files merged in time order; the loader starts empty again */
  g_assert_true (ts_history_loader_add_file (loader, btc, NULL, NULL, NULL, &error));
  g_assert_true (ts_history_loader_add_file (loader, eth, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ticks = ts_history_loader_steal_ticks (loader);
  g_assert_cmpuint (ticks->len, ==, 9757 + 6106);
  assert_ascending (ticks);
  for (i = 0; i < ticks->len; i++)
    {
      const TsTick *t = &g_array_index (ticks, TsTick, i);

      if (strcmp (t->symbol, "BTCUSDT") == 0)
        n_btc++;
      else if (strcmp (t->symbol, "ETHUSDT") == 0)
        n_eth++;
    }
  g_assert_cmpuint (n_btc, ==, 9757);
  g_assert_cmpuint (n_eth, ==, 6106);
  g_clear_pointer (&ticks, g_array_unref);

  /* a recording: trades and book-ticker quotes */
  g_assert_true (ts_history_loader_add_file (loader, gz, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ticks = ts_history_loader_steal_ticks (loader);
  g_assert_cmpuint (ticks->len, ==, 9757 + 28040);
  assert_ascending (ticks);
}

/* stable merge: equal times keep the order of the files */
static void
test_stable_merge (void)
{
  g_autoptr(TsHistoryLoader) loader = ts_history_loader_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-loader-XXXXXX", &error);
  g_autofree char *a = g_build_filename (dir, "AAA.csv", NULL);
  g_autofree char *b = g_build_filename (dir, "BBB.csv", NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (a, "time,price,size\n2,10,1\n3,11,1\n", -1, &error));
  g_assert_true (g_file_set_contents (b, "time,price,size\n1,20,1\n2,21,1\n", -1, &error));
  ts_history_loader_set_symbol (loader, NULL);
  g_assert_true (ts_history_loader_add_file (loader, a, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ts_history_loader_add_file (loader, b, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ticks = ts_history_loader_steal_ticks (loader);
  g_assert_cmpuint (ticks->len, ==, 4);
  g_assert_cmpfloat (g_array_index (ticks, TsTick, 0).price, ==, 20);
  g_assert_cmpfloat (g_array_index (ticks, TsTick, 1).price, ==, 10); /* a before b at t = 2 */
  g_assert_cmpfloat (g_array_index (ticks, TsTick, 2).price, ==, 21);
  g_assert_cmpfloat (g_array_index (ticks, TsTick, 3).price, ==, 11);
  g_assert_cmpstr (g_array_index (ticks, TsTick, 0).symbol, ==, "BBB");
  g_assert_cmpstr (g_array_index (ticks, TsTick, 1).symbol, ==, "AAA");
  g_remove (a);
  g_remove (b);
  g_rmdir (dir);
}

static void
test_errors (void)
{
  g_autofree char *btc = shared_path ("trades_BTCUSDT_20240808.csv");
  g_autoptr(TsHistoryLoader) loader = ts_history_loader_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-loader-XXXXXX", &error);
  g_autofree char *bad = g_build_filename (dir, "trades_X.csv", NULL);
  g_autofree char *junk = g_build_filename (dir, "notes.txt", NULL);
  const guint *lines;
  guint n = 0;

  g_assert_no_error (error);

  /* a missing file */
  g_assert_false (ts_history_loader_add_file (loader, "/nonexistent/trades.csv", NULL, NULL,
                                              NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/trades.csv: "));
  g_clear_error (&error);

  /* an unknown format */
  g_assert_true (g_file_set_contents (junk, "hello\nworld\n", -1, &error));
  g_assert_false (ts_history_loader_add_file (loader, junk, NULL, NULL, NULL, &error));
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_PARSE);
  g_clear_error (&error);

  /* bad rows: skipped with their line numbers, or an error */
  g_assert_true (g_file_set_contents (bad, "time,price,size\n1,10,1\n2,abc,1\n3,12,1\n", -1,
                                      &error));
  g_assert_true (ts_history_loader_add_file (loader, bad, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  lines = ts_history_loader_get_bad_lines (loader, bad, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (lines[0], ==, 3);
  ticks = ts_history_loader_steal_ticks (loader);
  g_assert_cmpuint (ticks->len, ==, 2);
  g_clear_pointer (&ticks, g_array_unref);

  ts_history_loader_set_skip_bad_rows (loader, FALSE);
  g_assert_false (ts_history_loader_add_file (loader, bad, NULL, NULL, NULL, &error));
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_BAD_ROW);
  g_assert_nonnull (strstr (error->message, "trades_X.csv: "));
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);
  ticks = ts_history_loader_steal_ticks (loader);
  g_assert_cmpuint (ticks->len, ==, 0);
  g_clear_pointer (&ticks, g_array_unref);

  /* cancelled: an error, no tick kept */
  if (btc != NULL)
    {
      g_cancellable_cancel (cancellable);
      g_assert_false (ts_history_loader_add_file (loader, btc, cancellable, NULL, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      ticks = ts_history_loader_steal_ticks (loader);
      g_assert_cmpuint (ticks->len, ==, 0);
    }
  g_remove (bad);
  g_remove (junk);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history-loader/counts", test_counts);
  g_test_add_func ("/history-loader/stable-merge", test_stable_merge);
  g_test_add_func ("/history-loader/errors", test_errors);

  return g_test_run ();
}
