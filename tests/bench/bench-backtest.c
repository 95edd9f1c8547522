/* bench-backtest.c: backtest ingest and run throughput on the real trades
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md "Targets": backtest ingest >= 4 M CSV rows/s. Measures, on
 * ../shared/data/binance-spot/trades_BTCUSDT_20240808.csv held in memory:
 *  - CSV ingest (TsTradeCsvReader, libcsv) of the Binance form, and of the
 *    same trades written in the generic form time_ms,price,size,side;
 *  - OHLCV ingest (TsBarCsvReader) of 1-second bars built from the trades,
 *    repeated with shifted times to 100,000 rows;
 *  - the backtest (TsBacktest: engine + equity curve) in ticks/s, and bars
 *    through ts_bars_to_ticks() + the backtest in bars/s.
 * Each figure: repeated until at least 0.5 s has passed; mean and best run.
 * Exits 77 (skipped) when the data is missing.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/ts-backtest.h"
#include "core/ts-bar.h"
#include "store/ts-bar-csv-reader.h"
#include "store/ts-trade-csv-reader.h"
#include "store/ts-trade-csv-writer.h"

#define MIN_SECONDS 0.5
#define MIN_RUNS 5
#define BAR_ROWS 100000
#define TARGET_ROWS_PER_S 4e6

typedef struct
{
  guint64 runs;
  guint64 items;
  double  seconds;
  double  best_rate;
} Measure;

static void
measure_add (Measure *m,
             guint64  items,
             gint64   us)
{
  m->runs++;
  m->items += items;
  m->seconds += us / 1e6;
  if (us > 0 && items / (us / 1e6) > m->best_rate)
    m->best_rate = items / (us / 1e6);
}

static gboolean
measure_done (const Measure *m)
{
  return m->seconds >= MIN_SECONDS && m->runs >= MIN_RUNS;
}

static void
measure_print (const char    *name,
               const char    *unit,
               const Measure *m)
{
  printf ("%-34s mean %7.2f M %s/s, best %7.2f M %s/s (%" G_GUINT64_FORMAT " runs)\n",
          name, m->items / m->seconds / 1e6, unit, m->best_rate / 1e6, unit, m->runs);
}

static Measure
bench_csv (const char *text,
           gsize       len,
           guint       expected_rows)
{
  g_autoptr(TsTradeCsvReader) reader = ts_trade_csv_reader_new ();
  Measure m = { 0 };

  while (!measure_done (&m))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ticks = NULL;
      gint64 start = g_get_monotonic_time ();

      ticks = ts_trade_csv_reader_load_data (reader, text, (gssize) len, &error);
      measure_add (&m, expected_rows, g_get_monotonic_time () - start);
      if (ticks == NULL || ticks->len != expected_rows)
        {
          g_printerr ("ingest failed: %s\n", error != NULL ? error->message : "row count");
          exit (EXIT_FAILURE);
        }
    }
  return m;
}

/* 1-second OHLCV bars of the trades */
static GArray *
make_bars (const TsTick *t,
           guint         n)
{
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (TsBar));
  guint i;

  for (i = 0; i < n; i++)
    {
      gint64 sec = t[i].time_us / 1000000 * 1000000;
      TsBar *b = bars->len > 0 ? &g_array_index (bars, TsBar, bars->len - 1) : NULL;

      if (b == NULL || b->time_us != sec)
        {
          TsBar nb = { sec, t[i].price, t[i].price, t[i].price, t[i].price, 0.0 };

          g_array_append_val (bars, nb);
          b = &g_array_index (bars, TsBar, bars->len - 1);
        }
      b->high = MAX (b->high, t[i].price);
      b->low = MIN (b->low, t[i].price);
      b->close = t[i].price;
      b->volume += t[i].size;
    }
  return bars;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GArray) many_bars = NULL;
  g_autoptr(GString) generic = NULL;
  g_autoptr(GString) bar_csv = NULL;
  g_autoptr(TsBarCsvReader) bar_reader = ts_bar_csv_reader_new ();
  const TsTick *t;
  Measure binance, gen, bar_in, run = { 0 }, bar_run = { 0 };
  gsize len = 0;
  guint n, i, n_trades = 0;
  gint64 span;

  if (dir == NULL)
    {
      g_printerr ("TS_SHARED_DATA is not set: skipped\n");
      return 77;
    }
  path = g_build_filename (dir, "binance-spot", "trades_BTCUSDT_20240808.csv", NULL);
  if (!g_file_get_contents (path, &text, &len, NULL))
    {
      g_printerr ("%s not found: skipped\n", path);
      return 77;
    }
  ticks = ts_trade_csv_load_file (path, &error);
  if (ticks == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  t = (const TsTick *) (gpointer) ticks->data;
  n = ticks->len;

  /* the same trades in the generic form (numbers in their shortest form) */
  generic = g_string_new ("time,price,size,side\n");
  for (i = 0; i < n; i++)
    {
      char p[G_ASCII_DTOSTR_BUF_SIZE], s[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (generic, "%" G_GINT64_FORMAT ",%s,%s,%s\n", t[i].time_us / 1000,
                              ts_trade_csv_format_double (t[i].price, p),
                              ts_trade_csv_format_double (t[i].size, s),
                              t[i].aggressor == TS_SIDE_SELL ? "sell" : "buy");
    }

  /* 1 s bars, repeated with shifted times to BAR_ROWS */
  bars = make_bars (t, n);
  span = g_array_index (bars, TsBar, bars->len - 1).time_us - g_array_index (bars, TsBar, 0).time_us + 1000000;
  many_bars = g_array_sized_new (FALSE, FALSE, sizeof (TsBar), BAR_ROWS);
  bar_csv = g_string_new ("timestamp,open,high,low,close,volume\n");
  for (i = 0; i < BAR_ROWS; i++)
    {
      TsBar b = g_array_index (bars, TsBar, i % bars->len);
      char o[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE], l[G_ASCII_DTOSTR_BUF_SIZE],
           c[G_ASCII_DTOSTR_BUF_SIZE], v[G_ASCII_DTOSTR_BUF_SIZE];

      b.time_us += (gint64) (i / bars->len) * span;
      g_array_append_val (many_bars, b);
      g_string_append_printf (bar_csv, "%" G_GINT64_FORMAT ",%s,%s,%s,%s,%s\n", b.time_us / 1000,
                              ts_trade_csv_format_double (b.open, o), ts_trade_csv_format_double (b.high, h),
                              ts_trade_csv_format_double (b.low, l), ts_trade_csv_format_double (b.close, c),
                              ts_trade_csv_format_double (b.volume, v));
    }

  printf ("bench-backtest: %s, %u rows, %.2f MB\n", path, n, len / 1e6);

  binance = bench_csv (text, len, n);
  gen = bench_csv (generic->str, generic->len, n);

  memset (&bar_in, 0, sizeof bar_in);
  while (!measure_done (&bar_in))
    {
      g_autoptr(GArray) out = NULL;
      gint64 start = g_get_monotonic_time ();

      out = ts_bar_csv_reader_load_data (bar_reader, bar_csv->str, (gssize) bar_csv->len, &error);
      measure_add (&bar_in, BAR_ROWS, g_get_monotonic_time () - start);
      if (out == NULL || out->len != BAR_ROWS)
        {
          g_printerr ("bar ingest failed: %s\n", error != NULL ? error->message : "row count");
          return EXIT_FAILURE;
        }
    }

  while (!measure_done (&run))
    {
      g_autoptr(TsBacktest) bt = ts_backtest_new (NULL);
      gint64 start = g_get_monotonic_time ();

      ts_backtest_run (bt, t, n, 10, NULL, NULL);
      measure_add (&run, n, g_get_monotonic_time () - start);
      ts_backtest_get_trades (bt, &n_trades);
    }

  while (!measure_done (&bar_run))
    {
      g_autoptr(TsBacktest) bt = ts_backtest_new (NULL);
      g_autoptr(GArray) bar_ticks = NULL;
      gint64 start = g_get_monotonic_time ();

      bar_ticks = ts_bars_to_ticks ((const TsBar *) (gpointer) many_bars->data, many_bars->len,
                                    0, "BTCUSDT");
      ts_backtest_run (bt, (const TsTick *) (gpointer) bar_ticks->data, bar_ticks->len, 10, NULL, NULL);
      measure_add (&bar_run, many_bars->len, g_get_monotonic_time () - start);
    }

  measure_print ("ingest Binance CSV", "rows", &binance);
  printf ("%-34s %.0f MB/s; target >= 4 M rows/s: %s\n", "", binance.items / binance.seconds * len / n / 1e6,
          binance.items / binance.seconds >= TARGET_ROWS_PER_S ? "met" : "NOT met");
  measure_print ("ingest generic CSV (ms,price,size)", "rows", &gen);
  measure_print ("ingest OHLCV CSV", "rows", &bar_in);
  measure_print ("backtest on trades", "ticks", &run);
  printf ("%-34s %u trades per run\n", "", n_trades);
  measure_print ("backtest on 1 s bars (4 ticks each)", "bars", &bar_run);
  return EXIT_SUCCESS;
}
