/* test-trade-csv.c: the trades CSV reader and the trade list writer
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <csv.h>
#include <glib/gstdio.h>
#include <string.h>

#include "store/ts-trade-csv-reader.h"
#include "store/ts-trade-csv-writer.h"

static void
test_reader_real_btcusdt (void)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ticks = NULL;
  const TsTick *t;
  guint i;

  if (dir == NULL)
    {
      g_test_skip ("TS_SHARED_DATA is not set");
      return;
    }
  path = g_build_filename (dir, "binance-spot", "trades_BTCUSDT_20240808.csv", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("trades_BTCUSDT_20240808.csv not found");
      return;
    }

  ticks = ts_trade_csv_load_file (path, &error);
  g_assert_no_error (error);
  /* data/README.md: 9,757 @trade messages */
  g_assert_cmpuint (ticks->len, ==, 9757);

  /* 3735683259,61837.63000000,0.02000000,1723161255342,true,BTCUSDT */
  t = &g_array_index (ticks, TsTick, 0);
  g_assert_cmpint (t->flags, ==, TS_TICK_TRADE);
  g_assert_cmpfloat (t->price, ==, 61837.63);
  g_assert_cmpfloat (t->size, ==, 0.02);
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1723161255342000));
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_SELL);
  g_assert_cmpuint (t->seq, ==, G_GUINT64_CONSTANT (3735683259));
  g_assert_cmpstr (t->symbol, ==, "BTCUSDT");

  for (i = 0; i < ticks->len; i++)
    g_assert_true (ts_tick_is_valid (&g_array_index (ticks, TsTick, i)));
}

static void
test_reader_reports_bad_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TsTradeCsvReader) reader = ts_trade_csv_reader_new ();
  const char *csv =
    "trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol\n"
    "1,100.5,0.1,1723161255342,false,BTCUSDT\n"
    "2,100.6,0.2,1723161255343,true,BTCUSDT\n"
    "3,abc,0.2,1723161255344,true,BTCUSDT\n"
    "4,100.7,0.2,1723161255345,true,BTCUSDT\n";
  const guint *bad;
  guint n_bad = 0;

  dir = g_dir_make_tmp ("ts-store-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bad.csv", NULL);
  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);

  /* strict: the bad price on line 4 is an error naming the line */
  ticks = ts_trade_csv_reader_load_file (reader, path, &error);
  g_assert_null (ticks);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_BAD_ROW);
  g_assert_nonnull (strstr (error->message, "line 4"));
  g_clear_error (&error);

  /* skipping: 3 good rows, line 4 recorded */
  ts_trade_csv_reader_set_skip_bad_rows (reader, TRUE);
  ticks = ts_trade_csv_reader_load_file (reader, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ticks->len, ==, 3);
  g_assert_cmpint (g_array_index (ticks, TsTick, 0).aggressor, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (g_array_index (ticks, TsTick, 2).price, ==, 100.7);
  bad = ts_trade_csv_reader_get_bad_lines (reader, &n_bad);
  g_assert_cmpuint (n_bad, ==, 1);
  g_assert_cmpuint (bad[0], ==, 4);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_reader_no_good_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(TsTradeCsvReader) reader = ts_trade_csv_reader_new ();

  /* only a header */
  ticks = ts_trade_csv_reader_load_data (reader,
                                         "trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol\n",
                                         -1, &error);
  g_assert_null (ticks);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS);
  g_clear_error (&error);

  /* skipping bad rows still needs one good row: line 2 has 5 fields,
   * line 3 a negative size */
  ts_trade_csv_reader_set_skip_bad_rows (reader, TRUE);
  ticks = ts_trade_csv_reader_load_data (reader,
                                         "trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol\n"
                                         "1,100,0.1,1723161255342,false\n"
                                         "2,100,-0.1,1723161255342,false,BTCUSDT\n",
                                         -1, &error);
  g_assert_null (ticks);
  g_assert_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS);
  g_assert_nonnull (strstr (error->message, "line 2"));
}

/* collects the fields of a CSV text with libcsv, rows separated by NULL */
static void
collect_field (void  *s,
               size_t len,
               void  *data)
{
  g_ptr_array_add (data, g_strndup (s, len));
}

static void
collect_row (int   c,
             void *data)
{
  g_ptr_array_add (data, NULL);
}

static void
test_writer_round_trip (void)
{
  TsTrade trades[2];
  g_autoptr(GString) text = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  struct csv_parser parser;
  char buf[32];
  const char *const header[] = {
    "symbol", "side", "size", "entry_time", "entry_price", "exit_time",
    "exit_price", "fees", "pnl", "pnl_pct", "reason",
  };
  guint i;

  memset (trades, 0, sizeof trades);
  trades[0].entry_time_us = G_GINT64_CONSTANT (1723161255342000);
  trades[0].exit_time_us = G_GINT64_CONSTANT (1723161263342001);
  trades[0].side = TS_SIDE_BUY;
  trades[0].size = 1.0;
  trades[0].entry_price = 61837.63;
  trades[0].exit_price = 61840.1;
  trades[0].fees = 0.1 + 0.2;            /* 0.30000000000000004 */
  trades[0].pnl = 2.17;
  trades[0].pnl_pct = 0.0035;
  trades[0].reason = "TIME";
  g_strlcpy (trades[0].symbol, "BTCUSDT", sizeof trades[0].symbol);
  trades[1] = trades[0];
  trades[1].side = TS_SIDE_SELL;
  trades[1].reason = "SL";
  g_strlcpy (trades[1].symbol, "A,\"B", sizeof trades[1].symbol);

  g_assert_cmpstr (ts_trade_csv_format_time (trades[0].entry_time_us, buf), ==,
                   "2024-08-08T23:54:15.342000Z");

  text = ts_trade_csv_writer_to_string (trades, 2);
  g_assert_true (g_str_has_prefix (text->str,
                                   "symbol,side,size,entry_time,entry_price,exit_time,"
                                   "exit_price,fees,pnl,pnl_pct,reason\r\n"));
  /* RFC 4180: the comma and the quote make a quoted field, quote doubled */
  g_assert_nonnull (strstr (text->str, "\r\n\"A,\"\"B\",SHORT,1,"));
  g_assert_nonnull (strstr (text->str,
                            "BTCUSDT,LONG,1,2024-08-08T23:54:15.342000Z,61837.63,"
                            "2024-08-08T23:54:23.342001Z,61840.1,0.30000000000000004,2.17,0.0035,TIME\r\n"));

  /* through a file, read back with libcsv */
  dir = g_dir_make_tmp ("ts-store-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "trades.csv", NULL);
  g_assert_true (ts_trade_csv_writer_write_file (path, trades, 2, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, text->str);

  csv_init (&parser, 0);
  csv_parse (&parser, contents, strlen (contents), collect_field, collect_row, fields);
  csv_fini (&parser, collect_field, collect_row, fields);
  csv_free (&parser);

  g_assert_cmpuint (fields->len, ==, 3 * 12);
  for (i = 0; i < G_N_ELEMENTS (header); i++)
    g_assert_cmpstr (g_ptr_array_index (fields, i), ==, header[i]);
  g_assert_cmpstr (g_ptr_array_index (fields, 12), ==, "BTCUSDT");
  g_assert_cmpfloat (g_ascii_strtod (g_ptr_array_index (fields, 12 + 7), NULL), ==, 0.1 + 0.2);
  g_assert_cmpstr (g_ptr_array_index (fields, 24), ==, "A,\"B");
  g_assert_cmpstr (g_ptr_array_index (fields, 24 + 1), ==, "SHORT");
  g_assert_cmpstr (g_ptr_array_index (fields, 24 + 10), ==, "SL");

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* OWASP "CSV Injection": text cells starting with = + - @ tab or CR get a
 * leading ', numbers stay plain */
static void
test_writer_formula_injection (void)
{
  static const struct { const char *symbol; const char *reason; const char *cell; } cases[] = {
    { "=HYPERLINK(\"x\")", "SL", "\"'=HYPERLINK(\"\"x\"\")\"" },
    { "+1+1", "SL", "'+1+1" },
    { "-2+3", "SL", "'-2+3" },
    { "@SUM(A1)", "SL", "'@SUM(A1)" },
    { "\tTAB", "SL", "'\tTAB" },
    { "\rCR", "SL", "\"'\rCR\"" },
    { "=1,2", "SL", "\"'=1,2\"" },
    { "BTC-USD", "SL", "BTC-USD" },  /* only the first character counts */
  };
  guint i;

  g_assert_true (ts_csv_cell_needs_escape ("=x"));
  g_assert_true (ts_csv_cell_needs_escape ("-x"));
  g_assert_false (ts_csv_cell_needs_escape ("x=y"));
  g_assert_false (ts_csv_cell_needs_escape (""));

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TsTrade t;
      g_autoptr(GString) text = NULL;
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *expected_start = NULL;
      g_autofree char *escaped = g_strconcat ("'", cases[i].symbol, NULL);
      struct csv_parser parser;
      const char *row;

      memset (&t, 0, sizeof t);
      t.entry_time_us = G_GINT64_CONSTANT (1723161255342000);
      t.exit_time_us = G_GINT64_CONSTANT (1723161256342000);
      t.side = TS_SIDE_SELL;
      t.size = 1.0;
      t.entry_price = 100.0;
      t.exit_price = 112.5;
      t.fees = 0.0;
      t.pnl = -12.5;
      t.pnl_pct = -0.125;
      t.reason = i == 3 ? "=cmd|' /C calc'!A0" : cases[i].reason;
      g_strlcpy (t.symbol, cases[i].symbol, sizeof t.symbol);

      text = ts_trade_csv_writer_to_string (&t, 1);
      row = strstr (text->str, "\r\n") + 2;
      expected_start = g_strconcat (cases[i].cell, ",SHORT,1,", NULL);
      g_assert_true (g_str_has_prefix (row, expected_start));
      /* numbers stay plain, negative ones included */
      g_assert_nonnull (strstr (row, ",100,2024-08-08T23:54:16.342000Z,112.5,0,-12.5,-0.125,"));

      csv_init (&parser, 0);
      csv_parse (&parser, text->str, text->len, collect_field, collect_row, fields);
      csv_fini (&parser, collect_field, collect_row, fields);
      csv_free (&parser);
      g_assert_cmpuint (fields->len, ==, 2 * 12);
      if (ts_csv_cell_needs_escape (cases[i].symbol))
        g_assert_cmpstr (g_ptr_array_index (fields, 12), ==, escaped);
      else
        g_assert_cmpstr (g_ptr_array_index (fields, 12), ==, cases[i].symbol);
      g_assert_cmpstr (g_ptr_array_index (fields, 12 + 8), ==, "-12.5");
      if (i == 3)
        g_assert_cmpstr (g_ptr_array_index (fields, 12 + 10), ==, "'=cmd|' /C calc'!A0");
      else
        g_assert_cmpstr (g_ptr_array_index (fields, 12 + 10), ==, "SL");
    }
}

static void
test_equity_writer (void)
{
  const TsEquityPoint points[] = {
    { G_GINT64_CONSTANT (1723161255342000), 10000.0, 0.0 },
    { G_GINT64_CONSTANT (1723161315342000), 9987.5, 0.00125 },
  };
  g_autoptr(GString) text = ts_equity_csv_writer_to_string (points, 2);

  g_assert_cmpstr (text->str, ==,
                   "time,equity,drawdown\r\n"
                   "2024-08-08T23:54:15.342000Z,10000,0\r\n"
                   "2024-08-08T23:55:15.342000Z,9987.5,0.00125\r\n");
}

static void
test_writer_stream (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  const char *expected =
    "symbol,side,size,entry_time,entry_price,exit_time,exit_price,fees,pnl,pnl_pct,reason\r\n";

  g_assert_true (ts_trade_csv_writer_write_stream (out, NULL, 0, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                   expected, strlen (expected));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/trade-csv-reader/real-btcusdt", test_reader_real_btcusdt);
  g_test_add_func ("/store/trade-csv-reader/reports-bad-line", test_reader_reports_bad_line);
  g_test_add_func ("/store/trade-csv-reader/no-good-rows-is-an-error", test_reader_no_good_rows);
  g_test_add_func ("/store/trade-csv-writer/round-trip-quoting", test_writer_round_trip);
  g_test_add_func ("/store/trade-csv-writer/stream", test_writer_stream);
  g_test_add_func ("/store/trade-csv-writer/formula-injection-escaped", test_writer_formula_injection);
  g_test_add_func ("/store/equity-csv-writer/format", test_equity_writer);

  return g_test_run ();
}
