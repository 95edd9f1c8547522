/* bench-engine.c: the engine alone on the real BTCUSDT trades
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md "Targets": within 2x of the hand-tuned momentum loop
 * (7.7 ns/tick, 130 M ticks/s), i.e. >= 65 M ticks/s. Loads the trades once,
 * then runs a fresh engine over them until at least 0.5 s has passed.
 * Exits 77 (skipped) when the recording is missing.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/ts-engine.h"
#include "store/ts-trade-csv-reader.h"

#define MIN_SECONDS 0.5

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ticks = NULL;
  const TsTick *t;
  guint64 iterations = 0;
  guint64 total_ticks = 0;
  guint n_trades = 0;
  gint64 start, elapsed_us = 0;
  double best_ns = G_MAXDOUBLE;
  guint n;

  if (dir == NULL)
    {
      g_printerr ("TS_SHARED_DATA is not set: skipped\n");
      return 77;
    }
  path = g_build_filename (dir, "binance-spot", "trades_BTCUSDT_20240808.csv", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
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

  start = g_get_monotonic_time ();
  while (elapsed_us < (gint64) (MIN_SECONDS * 1e6) || iterations < 10)
    {
      g_autoptr(TsEngine) engine = ts_engine_new (NULL, NULL, NULL);
      gint64 run_start = g_get_monotonic_time ();
      gint64 run_us;
      guint i;

      for (i = 0; i < n; i++)
        ts_engine_push_tick (engine, &t[i]);

      run_us = g_get_monotonic_time () - run_start;
      if (run_us > 0 && run_us * 1e3 / n < best_ns)
        best_ns = run_us * 1e3 / n;
      ts_engine_get_trades (engine, &n_trades);
      iterations++;
      total_ticks += n;
      elapsed_us = g_get_monotonic_time () - start;
    }

  printf ("engine-momentum: %u ticks x %" G_GUINT64_FORMAT " runs in %.3f s\n",
          n, iterations, elapsed_us / 1e6);
  printf ("  mean: %.1f M ticks/s, %.2f ns/tick\n",
          total_ticks / (elapsed_us / 1e6) / 1e6, elapsed_us * 1e3 / total_ticks);
  printf ("  best run: %.1f M ticks/s, %.2f ns/tick\n", 1e3 / best_ns, best_ns);
  printf ("  trades per run: %u\n", n_trades);
  return EXIT_SUCCESS;
}
