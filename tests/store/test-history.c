/* test-history.c: format detection, time parsing, the generic trades and
 * OHLCV loaders on hand-written files, and the bars-to-ticks convention
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "core/ts-bar.h"
#include "store/ts-bar-csv-reader.h"
#include "store/ts-history.h"
#include "store/ts-trade-csv-reader.h"

/* 2024-08-08T23:54:15.342Z */
#define T_MS G_GINT64_CONSTANT (1723161255342)
#define T_US (T_MS * 1000)
/* 2024-08-09T00:00:00Z */
#define MIDNIGHT_US G_GINT64_CONSTANT (1723161600000000)
#define MINUTE_US G_GINT64_CONSTANT (60000000)

typedef struct
{
  char *dir;
  GPtrArray *paths;
} TmpFiles;

static void
tmp_setup (TmpFiles     *f,
           gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("ts-history-XXXXXX", &error);
  g_assert_no_error (error);
  f->paths = g_ptr_array_new_with_free_func (g_free);
}

static void
tmp_teardown (TmpFiles     *f,
              gconstpointer data)
{
  guint i;

  for (i = 0; i < f->paths->len; i++)
    g_assert_cmpint (g_remove (g_ptr_array_index (f->paths, i)), ==, 0);
  g_ptr_array_unref (f->paths);
  g_assert_cmpint (g_rmdir (f->dir), ==, 0);
  g_free (f->dir);
}

static const char *
tmp_write (TmpFiles   *f,
           const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (f->paths, path);
  return path;
}

static void
test_detect (void)
{
#define DETECT(name, text) ts_history_detect (name, text, strlen (text))
  g_assert_cmpint (DETECT (NULL, "trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol\n"), ==,
                   TS_HISTORY_FORMAT_BINANCE_TRADES);
  g_assert_cmpint (DETECT (NULL, "3735683259,61837.63,0.02,1723161255342,true,BTCUSDT\n"), ==,
                   TS_HISTORY_FORMAT_BINANCE_TRADES);
  g_assert_cmpint (DETECT (NULL, "\xef\xbb\xbftimestamp,open,high,low,close,volume\r\n"), ==,
                   TS_HISTORY_FORMAT_BARS);
  g_assert_cmpint (DETECT (NULL, "1723161600,100,110,95,105,8\n"), ==, TS_HISTORY_FORMAT_BARS);
  g_assert_cmpint (DETECT (NULL, "time,price,size,side\n"), ==, TS_HISTORY_FORMAT_TRADES);
  g_assert_cmpint (DETECT (NULL, "\n\n1723161255342,100.5,1\n"), ==, TS_HISTORY_FORMAT_TRADES);
  g_assert_cmpint (DETECT (NULL, "1723161254087896568 {\"stream\":\"btcusdt@trade\"}\n"), ==,
                   TS_HISTORY_FORMAT_RECORDING);
  g_assert_cmpint (DETECT (NULL, "{\"e\":\"trade\"}\n"), ==, TS_HISTORY_FORMAT_RECORDING);
  g_assert_cmpint (DETECT ("x.gz", "anything"), ==, TS_HISTORY_FORMAT_RECORDING);
  g_assert_cmpint (ts_history_detect (NULL, "\x1f\x8b\x08\x00", 4), ==, TS_HISTORY_FORMAT_RECORDING);
  g_assert_cmpint (DETECT (NULL, "a,b\n"), ==, TS_HISTORY_FORMAT_UNKNOWN);
  g_assert_cmpint (DETECT (NULL, ""), ==, TS_HISTORY_FORMAT_UNKNOWN);
#undef DETECT
}

static void
test_parse_time (void)
{
  gint64 t = 0;

  /* the magnitude rule: < 1e11 s, < 1e14 ms, < 1e17 µs, else ns */
  g_assert_true (ts_history_parse_time ("1723161255", -1, &t));
  g_assert_cmpint (t, ==, G_GINT64_CONSTANT (1723161255000000));
  g_assert_true (ts_history_parse_time ("1723161255.342", -1, &t));
  g_assert_cmpint (t, ==, T_US);
  g_assert_true (ts_history_parse_time ("1723161255342", -1, &t));
  g_assert_cmpint (t, ==, T_US);
  g_assert_true (ts_history_parse_time ("1723161255342123", -1, &t));
  g_assert_cmpint (t, ==, T_US + 123);
  g_assert_true (ts_history_parse_time ("1723161255342123456", -1, &t));
  g_assert_cmpint (t, ==, T_US + 123);
  g_assert_true (ts_history_parse_time ("99999999999", -1, &t));       /* 1e11 - 1: s */
  g_assert_cmpint (t, ==, G_GINT64_CONSTANT (99999999999000000));
  g_assert_true (ts_history_parse_time ("100000000000", -1, &t));      /* 1e11: ms */
  g_assert_cmpint (t, ==, G_GINT64_CONSTANT (100000000000000));
  g_assert_true (ts_history_parse_time ("100000000000000", -1, &t));   /* 1e14: µs */
  g_assert_cmpint (t, ==, G_GINT64_CONSTANT (100000000000000));

  /* ISO 8601 */
  g_assert_true (ts_history_parse_time ("2024-08-08T23:54:15.342Z", -1, &t));
  g_assert_cmpint (t, ==, T_US);
  g_assert_true (ts_history_parse_time ("2024-08-08 23:54:15.342", -1, &t));
  g_assert_cmpint (t, ==, T_US);
  g_assert_true (ts_history_parse_time ("2024-08-09T01:54:15.342+02:00", -1, &t));
  g_assert_cmpint (t, ==, T_US);
  g_assert_true (ts_history_parse_time ("2024-08-08T23:54:15.3421239Z", -1, &t));
  g_assert_cmpint (t, ==, T_US + 123);
  g_assert_true (ts_history_parse_time ("2024-08-09", -1, &t));
  g_assert_cmpint (t, ==, MIDNIGHT_US);
  g_assert_true (ts_history_parse_time ("20240809T000000Z", -1, &t)); /* basic form, GDateTime */
  g_assert_cmpint (t, ==, MIDNIGHT_US);
  g_assert_true (ts_history_parse_time ("2000-02-29T00:00:00Z", -1, &t));
  g_assert_cmpint (t, ==, G_GINT64_CONSTANT (951782400000000));

  g_assert_false (ts_history_parse_time ("", -1, &t));
  g_assert_false (ts_history_parse_time ("time", -1, &t));
  g_assert_false (ts_history_parse_time ("0", -1, &t));
  g_assert_false (ts_history_parse_time ("1.2.3", -1, &t));
  g_assert_false (ts_history_parse_time ("2023-02-29T00:00:00Z", -1, &t));
  g_assert_false (ts_history_parse_time ("2024-08-08T25:00:00Z", -1, &t));
}

static void
assert_trade (const TsTick *t,
              gint64        time_us,
              double        price,
              double        size,
              TsSide        side)
{
  g_assert_cmpint (t->flags, ==, TS_TICK_TRADE);
  g_assert_cmpint (t->time_us, ==, time_us);
  g_assert_cmpfloat (t->price, ==, price);
  g_assert_cmpfloat (t->size, ==, size);
  g_assert_cmpint (t->aggressor, ==, side);
  g_assert_true (ts_tick_is_valid (t));
}

static void
test_generic_ms (TmpFiles     *f,
                 gconstpointer data)
{
  g_autoptr(TsTradeCsvReader) reader = ts_trade_csv_reader_new ();
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = tmp_write (f, "BTC-ms.trades.csv",
                                "time,price,size,side\n"
                                "1723161255342,61837.63,0.02,sell\n"
                                "1723161255617,61837.64,0.048,B\n"
                                "1723161255618,61837.65,1e-3,\n"
                                "1723161255619,61837.66,0.5\r\n");

  ticks = ts_trade_csv_reader_load_file (reader, path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_trade_csv_reader_get_format (reader), ==, TS_HISTORY_FORMAT_TRADES);
  g_assert_cmpuint (ticks->len, ==, 4);
  assert_trade (&g_array_index (ticks, TsTick, 0), T_US, 61837.63, 0.02, TS_SIDE_SELL);
  assert_trade (&g_array_index (ticks, TsTick, 1), T_US + 275000, 61837.64, 0.048, TS_SIDE_BUY);
  assert_trade (&g_array_index (ticks, TsTick, 2), T_US + 276000, 61837.65, 0.001, TS_SIDE_NONE);
  assert_trade (&g_array_index (ticks, TsTick, 3), T_US + 277000, 61837.66, 0.5, TS_SIDE_NONE);
  /* no symbol column: the file's name up to its first dot */
  g_assert_cmpstr (g_array_index (ticks, TsTick, 0).symbol, ==, "BTC-ms");

  ts_trade_csv_reader_set_symbol (reader, "ETHUSDT");
  g_clear_pointer (&ticks, g_array_unref);
  ticks = ts_trade_csv_reader_load_file (reader, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_array_index (ticks, TsTick, 3).symbol, ==, "ETHUSDT");
}

static void
test_generic_us_no_header (TmpFiles     *f,
                           gconstpointer data)
{
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = tmp_write (f, "us.csv",
                                "1723161255342123,100.5,1,s\n"
                                "1723161255342999,100.25,2,buy\n");

  ticks = ts_trade_csv_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ticks->len, ==, 2);
  assert_trade (&g_array_index (ticks, TsTick, 0), T_US + 123, 100.5, 1.0, TS_SIDE_SELL);
  assert_trade (&g_array_index (ticks, TsTick, 1), T_US + 999, 100.25, 2.0, TS_SIDE_BUY);
}

static void
test_generic_iso (TmpFiles     *f,
                  gconstpointer data)
{
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = tmp_write (f, "iso.csv",
                                "time,price,size\n"
                                "2024-08-08T23:54:15.342Z,100,1\n"
                                "\"2024-08-09T01:54:15.343+02:00\",\"100.5\",2\n"
                                "\n"
                                "2024-08-08 23:54:15.344,101,3\n");

  ticks = ts_trade_csv_load_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ticks->len, ==, 3);
  assert_trade (&g_array_index (ticks, TsTick, 0), T_US, 100.0, 1.0, TS_SIDE_NONE);
  assert_trade (&g_array_index (ticks, TsTick, 1), T_US + 1000, 100.5, 2.0, TS_SIDE_NONE);
  assert_trade (&g_array_index (ticks, TsTick, 2), T_US + 2000, 101.0, 3.0, TS_SIDE_NONE);
}

static void
test_generic_bad_rows (TmpFiles     *f,
                       gconstpointer data)
{
  g_autoptr(TsTradeCsvReader) reader = ts_trade_csv_reader_new ();
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GError) error = NULL;
  const guint *bad;
  guint n_bad = 0;
  const char *path = tmp_write (f, "bad.csv",
                                "time,price,size,side\n"
                                "1723161255342,100,1,buy\n"
                                "1723161255343,100,1,long\n"     /* line 3: side */
                                "yesterday,100,1,buy\n"          /* line 4: time */
                                "1723161255345,0,1\n"            /* line 5: price */
                                "1723161255346,100,1,buy,x\n"    /* line 6: fields */
                                "1723161255347,100,2\n");

  ticks = ts_trade_csv_reader_load_file (reader, path, &error);
  g_assert_null (ticks);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_BAD_ROW);
  g_assert_nonnull (strstr (error->message, "bad.csv: line 3: side"));
  g_clear_error (&error);

  ts_trade_csv_reader_set_skip_bad_rows (reader, TRUE);
  ticks = ts_trade_csv_reader_load_file (reader, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ticks->len, ==, 2);
  bad = ts_trade_csv_reader_get_bad_lines (reader, &n_bad);
  g_assert_cmpuint (n_bad, ==, 4);
  g_assert_cmpuint (bad[0], ==, 3);
  g_assert_cmpuint (bad[1], ==, 4);
  g_assert_cmpuint (bad[2], ==, 5);
  g_assert_cmpuint (bad[3], ==, 6);
}

static void
test_trades_no_good_rows (void)
{
  g_autoptr(TsTradeCsvReader) reader = ts_trade_csv_reader_new ();
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GError) error = NULL;

  ticks = ts_trade_csv_reader_load_data (reader, "time,price,size\n", -1, &error);
  g_assert_null (ticks);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS);
  g_clear_error (&error);

  ticks = ts_trade_csv_reader_load_data (reader, "", 0, &error);
  g_assert_null (ticks);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS);
  g_clear_error (&error);

  ts_trade_csv_reader_set_skip_bad_rows (reader, TRUE);
  ticks = ts_trade_csv_reader_load_data (reader, "time,price,size\n1723161255342,-1,1\n", -1, &error);
  g_assert_null (ticks);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);

  /* neither form */
  ticks = ts_trade_csv_reader_load_data (reader, "a,b\n1,2\n", -1, &error);
  g_assert_null (ticks);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_PARSE);
  g_clear_error (&error);

  /* a bar file is not a trades file */
  ticks = ts_trade_csv_reader_load_data (reader, "timestamp,open,high,low,close,volume\n", -1, &error);
  g_assert_null (ticks);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_PARSE);
}

static void
test_bars_load (TmpFiles     *f,
                gconstpointer data)
{
  g_autoptr(TsBarCsvReader) reader = ts_bar_csv_reader_new ();
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GError) error = NULL;
  const TsBar *b;
  const guint *bad;
  guint n_bad = 0;
  const char *good = tmp_write (f, "good-bars.csv",
                                "timestamp,open,high,low,close,volume\n"
                                "1723161600,100,110,95,105,8\n"
                                "2024-08-09T00:01:00Z,105,106,100,101,4\n"
                                "1723161720000,101,101,101,101,0.5\n");
  const char *bad_file = tmp_write (f, "bad-bars.csv",
                                    "timestamp,open,high,low,close,volume\n"
                                    "1723161600,100,110,95,105,8\n"
                                    "1723161660,105,104,100,101,4\n"  /* line 3: high < open */
                                    "1723161720,101,102,101.5,101,4\n" /* line 4: low > close */
                                    "1723161780,101,102,100,101,0\n"  /* line 5: volume */
                                    "1723161600,101,102,100,101,1\n"  /* line 6: time backwards */
                                    "1723161840,101,102,100,101\n"    /* line 7: 5 fields */
                                    "1723161900,101,102,100,101,1\n");

  bars = ts_bar_csv_reader_load_file (reader, good, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bars->len, ==, 3);
  b = &g_array_index (bars, TsBar, 1);
  g_assert_cmpint (b->time_us, ==, MIDNIGHT_US + MINUTE_US);
  g_assert_cmpfloat (b->open, ==, 105.0);
  g_assert_cmpfloat (b->high, ==, 106.0);
  g_assert_cmpfloat (b->low, ==, 100.0);
  g_assert_cmpfloat (b->close, ==, 101.0);
  g_assert_cmpfloat (b->volume, ==, 4.0);
  g_assert_cmpint (g_array_index (bars, TsBar, 2).time_us, ==, MIDNIGHT_US + 2 * MINUTE_US);
  g_clear_pointer (&bars, g_array_unref);

  /* strict: the first bad row's line number */
  bars = ts_bar_csv_reader_load_file (reader, bad_file, &error);
  g_assert_null (bars);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_BAD_ROW);
  g_assert_nonnull (strstr (error->message, "bad-bars.csv: line 3: high is below open or close"));
  g_clear_error (&error);

  ts_bar_csv_reader_set_skip_bad_rows (reader, TRUE);
  bars = ts_bar_csv_reader_load_file (reader, bad_file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bars->len, ==, 2);
  bad = ts_bar_csv_reader_get_bad_lines (reader, &n_bad);
  g_assert_cmpuint (n_bad, ==, 5);
  g_assert_cmpuint (bad[0], ==, 3);
  g_assert_cmpuint (bad[1], ==, 4);
  g_assert_cmpuint (bad[2], ==, 5);
  g_assert_cmpuint (bad[3], ==, 6);
  g_assert_cmpuint (bad[4], ==, 7);
}

static void
test_bars_no_good_rows (void)
{
  g_autoptr(TsBarCsvReader) reader = ts_bar_csv_reader_new ();
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GError) error = NULL;

  bars = ts_bar_csv_reader_load_data (reader, "timestamp,open,high,low,close,volume\n", -1, &error);
  g_assert_null (bars);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS);
  g_assert_nonnull (strstr (error->message, "no bar rows"));
  g_clear_error (&error);

  ts_bar_csv_reader_set_skip_bad_rows (reader, TRUE);
  bars = ts_bar_csv_reader_load_data (reader,
                                      "timestamp,open,high,low,close,volume\n"
                                      "1723161600,100,99,95,105,8\n", -1, &error);
  g_assert_null (bars);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

static void
test_bars_to_ticks (void)
{
  const TsBar bars[] = {
    /* low nearer the open (5 < 10): O L H C */
    { MIDNIGHT_US, 100, 110, 95, 105, 8 },
    /* high nearer (1 < 5): O H L C */
    { MIDNIGHT_US + MINUTE_US, 105, 106, 100, 101, 4 },
  };
  const struct { gint64 dt; double price; TsSide side; } expected[] = {
    { 0,        100, TS_SIDE_BUY },
    { 15000000,  95, TS_SIDE_SELL },
    { 30000000, 110, TS_SIDE_BUY },
    { 45000000, 105, TS_SIDE_SELL },
    { 60000000, 105, TS_SIDE_BUY },  /* at the previous close: buy */
    { 75000000, 106, TS_SIDE_BUY },
    { 90000000, 100, TS_SIDE_SELL },
    { 105000000, 101, TS_SIDE_BUY },
  };
  g_autoptr(GArray) ticks = NULL;
  TsTick four[4];
  TsBar tie = { MIDNIGHT_US, 100, 102, 98, 101, 1 };
  guint i;

  g_assert_cmpint (ts_bars_guess_interval (bars, 2), ==, MINUTE_US);
  g_assert_cmpint (ts_bars_guess_interval (bars, 1), ==, MINUTE_US);

  ticks = ts_bars_to_ticks (bars, G_N_ELEMENTS (bars), 0, "BARS");
  g_assert_cmpuint (ticks->len, ==, 8);
  for (i = 0; i < ticks->len; i++)
    {
      const TsTick *t = &g_array_index (ticks, TsTick, i);

      g_assert_cmpint (t->time_us, ==, MIDNIGHT_US + expected[i].dt);
      g_assert_cmpfloat (t->price, ==, expected[i].price);
      g_assert_cmpfloat (t->size, ==, i < 4 ? 2.0 : 1.0); /* volume / 4 */
      g_assert_cmpint (t->aggressor, ==, expected[i].side);
      g_assert_cmpuint (t->seq, ==, i);
      g_assert_cmpstr (t->symbol, ==, "BARS");
      g_assert_true (ts_tick_is_valid (t));
    }

  /* a tie (2 = 2): low first when the bar closes at or above its open ... */
  ts_bar_to_ticks (&tie, MINUTE_US, 0.0, "X", four);
  g_assert_cmpfloat (four[1].price, ==, 98.0);
  g_assert_cmpfloat (four[2].price, ==, 102.0);
  /* ... high first when it closes below */
  tie.close = 99;
  ts_bar_to_ticks (&tie, MINUTE_US, 0.0, "X", four);
  g_assert_cmpfloat (four[1].price, ==, 102.0);
  g_assert_cmpfloat (four[2].price, ==, 98.0);
  g_assert_cmpfloat (four[3].price, ==, 99.0);
  g_assert_cmpint (four[3].time_us, ==, MIDNIGHT_US + 45000000);

  /* checks */
  g_assert_null (ts_bar_check (&bars[0]));
  tie.high = 99.5;
  g_assert_cmpstr (ts_bar_check (&tie), ==, "high is below open or close");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/history/detect", test_detect);
  g_test_add_func ("/store/history/parse-time-by-magnitude-and-iso", test_parse_time);
  g_test_add ("/store/trade-csv-reader/generic-ms-with-header", TmpFiles, NULL,
              tmp_setup, test_generic_ms, tmp_teardown);
  g_test_add ("/store/trade-csv-reader/generic-us-without-header", TmpFiles, NULL,
              tmp_setup, test_generic_us_no_header, tmp_teardown);
  g_test_add ("/store/trade-csv-reader/generic-iso-8601", TmpFiles, NULL,
              tmp_setup, test_generic_iso, tmp_teardown);
  g_test_add ("/store/trade-csv-reader/generic-bad-rows-by-line", TmpFiles, NULL,
              tmp_setup, test_generic_bad_rows, tmp_teardown);
  g_test_add_func ("/store/trade-csv-reader/generic-no-good-rows-is-an-error", test_trades_no_good_rows);
  g_test_add ("/store/bar-csv-reader/bad-row-names-its-line", TmpFiles, NULL,
              tmp_setup, test_bars_load, tmp_teardown);
  g_test_add_func ("/store/bar-csv-reader/no-good-rows-is-an-error", test_bars_no_good_rows);
  g_test_add_func ("/core/bar/to-ticks-convention", test_bars_to_ticks);

  return g_test_run ();
}
