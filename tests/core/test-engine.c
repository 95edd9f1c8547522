/* test-engine.c: the engine on the real BTCUSDT trades
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/ts-engine.h"
#include "store/ts-trade-csv-reader.h"
#include "test-helpers.h"

static GArray *
load_real_trades (void)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ticks;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "binance-spot", "trades_BTCUSDT_20240808.csv", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  ticks = ts_trade_csv_load_file (path, &error);
  g_assert_no_error (error);
  return ticks;
}

static TsEngine *
run (GArray *ticks)
{
  TsEngine *e = ts_engine_new (NULL, NULL, NULL);
  guint i;

  for (i = 0; i < ticks->len; i++)
    ts_engine_push_tick (e, &g_array_index (ticks, TsTick, i));
  return e;
}

static void
assert_same_trades (const TsTrade *a,
                    const TsTrade *b,
                    guint          n)
{
  guint i;

  for (i = 0; i < n; i++)
    {
      g_assert_cmpint (a[i].entry_time_us, ==, b[i].entry_time_us);
      g_assert_cmpint (a[i].exit_time_us, ==, b[i].exit_time_us);
      g_assert_cmpint (a[i].side, ==, b[i].side);
      g_assert_cmpmem (&a[i].size, sizeof (double), &b[i].size, sizeof (double));
      g_assert_cmpmem (&a[i].entry_price, sizeof (double), &b[i].entry_price, sizeof (double));
      g_assert_cmpmem (&a[i].exit_price, sizeof (double), &b[i].exit_price, sizeof (double));
      g_assert_cmpmem (&a[i].fees, sizeof (double), &b[i].fees, sizeof (double));
      g_assert_cmpmem (&a[i].pnl, sizeof (double), &b[i].pnl, sizeof (double));
      g_assert_cmpmem (&a[i].pnl_pct, sizeof (double), &b[i].pnl_pct, sizeof (double));
      g_assert_cmpstr (a[i].reason, ==, b[i].reason);
      g_assert_cmpmem (a[i].symbol, TS_SYMBOL_MAX, b[i].symbol, TS_SYMBOL_MAX);
    }
}

static void
test_deterministic_on_real_trades (void)
{
  g_autoptr(GArray) ticks = load_real_trades ();
  g_autoptr(TsEngine) a = NULL;
  g_autoptr(TsEngine) b = NULL;
  const TsTrade *ta, *tb;
  guint na, nb, i;
  TsLedgerStats sa, sb;

  if (ticks == NULL)
    {
      g_test_skip ("TS_SHARED_DATA/binance-spot/trades_BTCUSDT_20240808.csv not found");
      return;
    }

  a = run (ticks);
  b = run (ticks);
  ta = ts_engine_get_trades (a, &na);
  tb = ts_engine_get_trades (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  g_assert_cmpuint (na, >, 0);
  assert_same_trades (ta, tb, na);

  ts_engine_get_stats (a, &sa);
  ts_engine_get_stats (b, &sb);
  g_assert_cmpmem (&sa.equity, sizeof (double), &sb.equity, sizeof (double));
  g_assert_cmpuint (sa.ticks, ==, ticks->len);
  g_assert_cmpuint (sa.trades, ==, na);
  g_assert_cmpstr (ts_engine_get_symbol (a), ==, "BTCUSDT");

  /* every trade is consistent with the ledger's formula */
  for (i = 0; i < na; i++)
    {
      double gross = ta[i].side * ta[i].size * (ta[i].exit_price - ta[i].entry_price);

      g_assert_cmpfloat_with_epsilon (ta[i].pnl, gross - ta[i].fees, 1e-9);
      g_assert_cmpint (ta[i].exit_time_us, >=, ta[i].entry_time_us);
    }
  g_test_message ("%u trades, equity %.6f", na, sa.equity);
}

static void
test_other_symbols_ignored (void)
{
  g_autoptr(TsEngine) e = ts_engine_new (NULL, NULL, NULL);
  TsTick t;

  memset (&t, 0, sizeof t);
  t.time_us = T0;
  t.flags = TS_TICK_QUOTE;
  t.bid = 1.0;
  t.ask = 2.0;
  t.bid_size = t.ask_size = 1.0;
  ts_tick_set_symbol (&t, "ETHUSDT");
  /* a quote does not choose the symbol */
  g_assert_cmpint (ts_engine_push_tick (e, &t), ==, TS_ENGINE_EVENT_IGNORED);
  g_assert_cmpstr (ts_engine_get_symbol (e), ==, "");

  push_trade (e, T0 + 1, 1000.0, 1.0);
  g_assert_cmpstr (ts_engine_get_symbol (e), ==, "TEST");
  g_assert_false (ts_engine_set_symbol (e, "ETHUSDT"));
  t.flags = TS_TICK_TRADE;
  t.price = 5.0;
  t.size = 1.0;
  g_assert_cmpint (ts_engine_push_tick (e, &t), ==, TS_ENGINE_EVENT_IGNORED);
  /* an invalid tick */
  t.price = -5.0;
  ts_tick_set_symbol (&t, "TEST");
  g_assert_cmpint (ts_engine_push_tick (e, &t), ==, TS_ENGINE_EVENT_IGNORED);
  g_assert_cmpuint (ts_engine_get_ignored_count (e), ==, 3);
}

static void
test_set_symbol_takes_quotes_before_trades (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);

  g_assert_true (ts_engine_set_symbol (e, "TEST"));
  push_quote (e, T0 - MS (10), 999.0, 1000.5);
  push_burst_up (e, T0);
  /* the buy filled at the ask of the quote seen before any trade */
  g_assert_cmpuint (n_fills (e), ==, 1);
  g_assert_cmpfloat (ts_engine_get_fills (e, NULL)[0].price, ==, 1000.5);
}

/* A restarted source sends older ticks (DESIGN.md: time never goes
 * backwards downstream). Long opened at 1001.0 at T0 + 400 ms with zero
 * costs; its stop is 1001 * (1 - 0.0005) = 1000.4995. */
static void
test_time_never_goes_backwards (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  const TsTrade *trades;
  guint n = 0;

  push_burst_up (e, T0);
  g_assert_cmpuint (n_fills (e), ==, 1);

  /* 30 s older, at a price far below the stop: dropped, no exit */
  g_assert_cmpint (push_trade (e, T0 - SEC (30), 990.0, 1.0), ==, TS_ENGINE_EVENT_IGNORED);
  g_assert_cmpuint (n_fills (e), ==, 1);
  g_assert_cmpuint (ts_engine_get_stale_count (e), ==, 1);
  g_assert_cmpuint (ts_engine_get_ignored_count (e), ==, 1);

  /* 0.5 s older (within the 1 s skew): taken at T0 + 400 ms; 1000.0 is
   * below the stop, so SL fills at 1000.0 at that time */
  push_trade (e, T0 - MS (100), 1000.0, 1.0);
  trades = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (trades[0].reason, ==, "SL");
  g_assert_cmpint (trades[0].exit_time_us, ==, T0 + MS (400));
  g_assert_cmpfloat (trades[0].exit_price, ==, 1000.0);
  g_assert_cmpuint (ts_engine_get_stale_count (e), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/engine/deterministic-on-real-trades", test_deterministic_on_real_trades);
  g_test_add_func ("/core/engine/other-symbols-ignored", test_other_symbols_ignored);
  g_test_add_func ("/core/engine/set-symbol-takes-quotes-before-trades", test_set_symbol_takes_quotes_before_trades);
  g_test_add_func ("/core/engine/time-never-goes-backwards", test_time_never_goes_backwards);

  return g_test_run ();
}
