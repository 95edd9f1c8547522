/* bench-strategies.c: ticks/s of each strategy on the real recordings
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 3 point 5. Each strategy alone in a multi engine
 * (ts_engine_new_multi()) on the real BTCUSDT trades; pairs on BTCUSDT with
 * ETHUSDT merged by time; the built-in momentum of ts_engine_new() for
 * reference; then all five at once on the merged ticks. Each case runs a
 * fresh engine over the ticks until at least 0.3 s has passed and reports
 * the mean and the best run. Exits 77 (skipped) when the recordings are
 * missing.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/ts-engine.h"
#include "core/strategies/ts-calculus-strategy.h"
#include "core/strategies/ts-confluence-strategy.h"
#include "core/strategies/ts-maxwell-strategy.h"
#include "core/strategies/ts-momentum-strategy.h"
#include "core/strategies/ts-pairs-strategy.h"
#include "store/ts-trade-csv-reader.h"

#define MIN_SECONDS 0.3

typedef enum
{
  CASE_LEGACY,
  CASE_MOMENTUM,
  CASE_MAXWELL,
  CASE_CALCULUS_KALMAN,
  CASE_CALCULUS_EMA,
  CASE_CONFLUENCE,
  CASE_PAIRS,
  CASE_ALL,
  N_CASES
} Case;

static const char *case_names[N_CASES] = {
  "momentum (ts_engine_new)", "momentum", "maxwell", "calculus kalman", "calculus ema",
  "confluence", "pairs (BTC+ETH)", "all five (BTC+ETH)",
};

static TsEngine *
make_engine (Case c)
{
  const char *btc[] = { "BTCUSDT", NULL };
  const char *eth[] = { "ETHUSDT", NULL };
  const char *pair[] = { "BTCUSDT", "ETHUSDT", NULL };
  TsCalculusParams cp;
  TsRiskParams r;
  TsEngine *e;

  if (c == CASE_LEGACY)
    return ts_engine_new (NULL, NULL, NULL);
  ts_risk_params_init_default (&r);
  r.max_positions_per_symbol = 10;
  e = ts_engine_new_multi (&r, NULL);
  ts_calculus_params_init_default (&cp);
  cp.derivative_source = TS_CALCULUS_SOURCE_EMA;
  switch (c)
    {
    case CASE_MOMENTUM:
      ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), btc);
      break;
    case CASE_MAXWELL:
      ts_engine_add_strategy (e, ts_maxwell_strategy_new (NULL), btc);
      break;
    case CASE_CALCULUS_KALMAN:
      ts_engine_add_strategy (e, ts_calculus_strategy_new (NULL), btc);
      break;
    case CASE_CALCULUS_EMA:
      ts_engine_add_strategy (e, ts_calculus_strategy_new (&cp), btc);
      break;
    case CASE_CONFLUENCE:
      ts_engine_add_strategy (e, ts_confluence_strategy_new (NULL), btc);
      break;
    case CASE_PAIRS:
      ts_engine_add_strategy (e, ts_pairs_strategy_new (NULL), pair);
      break;
    case CASE_ALL:
      ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), btc);
      ts_engine_add_strategy (e, ts_maxwell_strategy_new (NULL), eth);
      ts_engine_add_strategy (e, ts_calculus_strategy_new (NULL), btc);
      ts_engine_add_strategy (e, ts_confluence_strategy_new (NULL), btc);
      ts_engine_add_strategy (e, ts_pairs_strategy_new (NULL), pair);
      break;
    case CASE_LEGACY:
    case N_CASES:
    default:
      g_assert_not_reached ();
    }
  return e;
}

static GArray *
load (const char *dir,
      const char *file)
{
  g_autofree char *path = g_build_filename (dir, "binance-spot", file, NULL);
  g_autoptr(GError) error = NULL;
  GArray *ticks;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  ticks = ts_trade_csv_load_file (path, &error);
  if (ticks == NULL)
    g_printerr ("%s\n", error->message);
  return ticks;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autoptr(GArray) btc = NULL;
  g_autoptr(GArray) eth = NULL;
  g_autoptr(GArray) merged = NULL;
  guint i, j;

  (void) argc;
  (void) argv;
  if (dir == NULL || (btc = load (dir, "trades_BTCUSDT_20240808.csv")) == NULL ||
      (eth = load (dir, "trades_ETHUSDT_20240808.csv")) == NULL)
    {
      g_printerr ("TS_SHARED_DATA/binance-spot/trades_{BTC,ETH}USDT_20240808.csv not found: skipped\n");
      return 77;
    }

  /* merged by time, BTC first on equal times */
  merged = g_array_sized_new (FALSE, FALSE, sizeof (TsTick), btc->len + eth->len);
  for (i = 0, j = 0; i < btc->len || j < eth->len;)
    {
      if (j >= eth->len ||
          (i < btc->len && g_array_index (btc, TsTick, i).time_us <= g_array_index (eth, TsTick, j).time_us))
        g_array_append_val (merged, g_array_index (btc, TsTick, i++));
      else
        g_array_append_val (merged, g_array_index (eth, TsTick, j++));
    }

  printf ("strategies on the real recordings (%u BTCUSDT trades, %u merged with ETHUSDT)\n",
          btc->len, merged->len);
  for (Case c = 0; c < N_CASES; c++)
    {
      GArray *ticks = (c == CASE_PAIRS || c == CASE_ALL) ? merged : btc;
      const TsTick *t = (const TsTick *) (gpointer) ticks->data;
      guint n = ticks->len, n_trades = 0;
      guint64 runs = 0, total = 0;
      gint64 start = g_get_monotonic_time (), elapsed = 0;
      double best_ns = G_MAXDOUBLE;

      while (elapsed < (gint64) (MIN_SECONDS * 1e6) || runs < 5)
        {
          g_autoptr(TsEngine) e = make_engine (c);
          gint64 t0 = g_get_monotonic_time (), us;

          for (i = 0; i < n; i++)
            ts_engine_push_tick (e, &t[i]);
          us = g_get_monotonic_time () - t0;
          if (us > 0 && us * 1e3 / n < best_ns)
            best_ns = us * 1e3 / n;
          ts_engine_get_trades (e, &n_trades);
          runs++;
          total += n;
          elapsed = g_get_monotonic_time () - start;
        }
      printf ("  %-26s mean %8.2f M ticks/s (%7.1f ns/tick), best %8.2f M ticks/s, %u trades, %" G_GUINT64_FORMAT " runs\n",
              case_names[c], total / (elapsed / 1e6) / 1e6, elapsed * 1e3 / total,
              1e3 / best_ns, n_trades, runs);
    }
  return EXIT_SUCCESS;
}
