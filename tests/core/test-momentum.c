/* test-momentum.c: the momentum-burst rules of STRATEGIES.md section 2
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-worked tick sequences through the engine (zero-cost broker unless
 * said otherwise), so the fill prices and P&L below are exact.
 */
#include <math.h>

#include "core/ts-momentum.h"
#include "test-helpers.h"

#define EPS 1e-9

static void
test_entry_long_on_burst (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  const TsFill *f;
  guint n;
  TsLedgerStats s;

  push_trade (e, T0, 1000.0, 1.0);
  push_trade (e, T0 + MS (100), 1000.0, 1.0);
  push_trade (e, T0 + MS (200), 1000.0, 1.0);
  push_trade (e, T0 + MS (300), 1000.0, 1.0);
  g_assert_cmpuint (n_fills (e), ==, 0);
  g_assert_cmpint (push_trade (e, T0 + MS (400), 1001.0, 2.0), ==, TS_ENGINE_EVENT_FILL);

  f = ts_engine_get_fills (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (f[0].side, ==, TS_SIDE_BUY);
  g_assert_true (f[0].opens);
  g_assert_cmpstr (f[0].reason, ==, "LONG");
  g_assert_cmpstr (f[0].symbol, ==, "TEST");
  /* no quote known: the last trade, 1001, no slippage */
  g_assert_cmpfloat (f[0].price, ==, 1001.0);
  g_assert_cmpfloat (f[0].size, ==, 1.0);
  g_assert_cmpint (f[0].time_us, ==, T0 + MS (400));

  ts_engine_get_stats (e, &s);
  g_assert_cmpint (s.position_side, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (s.position_entry_price, ==, 1001.0);
  g_assert_cmpstr (ts_engine_get_symbol (e), ==, "TEST");
}

static void
test_entry_needs_min_ticks (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  g_autoptr(TsEngine) e4 = NULL;
  TsMomentumParams p;

  /* 4 trades: m = 0.001, 2 > 1.5, range 0.001 hold, but 4 < min_ticks 5 */
  push_trade (e, T0, 1000.0, 1.0);
  push_trade (e, T0 + MS (100), 1000.0, 1.0);
  push_trade (e, T0 + MS (200), 1000.0, 1.0);
  push_trade (e, T0 + MS (300), 1001.0, 2.0);
  g_assert_cmpuint (n_fills (e), ==, 0);

  /* boundary: min_ticks 4 and the same 4 trades enter */
  ts_momentum_params_init_default (&p);
  p.min_ticks = 4;
  e4 = engine_new_zero_cost (&p, NULL);
  push_trade (e4, T0, 1000.0, 1.0);
  push_trade (e4, T0 + MS (100), 1000.0, 1.0);
  push_trade (e4, T0 + MS (200), 1000.0, 1.0);
  push_trade (e4, T0 + MS (300), 1001.0, 2.0);
  g_assert_cmpuint (n_fills (e4), ==, 1);
}

static void
push_momentum_case (TsEngine *e,
                    double    last)
{
  /* range (1001 - 1000) / 1000 = 0.001 holds whatever the last price */
  push_trade (e, T0, 1000.0, 1.0);
  push_trade (e, T0 + MS (100), 1001.0, 1.0);
  push_trade (e, T0 + MS (200), 1000.0, 1.0);
  push_trade (e, T0 + MS (300), 1000.0, 1.0);
  push_trade (e, T0 + MS (400), last, 2.0);
}

static void
test_entry_needs_momentum (void)
{
  g_autoptr(TsEngine) below = engine_new_zero_cost (NULL, NULL);
  g_autoptr(TsEngine) at = engine_new_zero_cost (NULL, NULL);

  /* m = 0.4 / 1000 = 0.0004 < 0.0005 */
  push_momentum_case (below, 1000.4);
  g_assert_cmpuint (n_fills (below), ==, 0);

  /* m = 0.5 / 1000 = 0.0005 exactly: >= holds */
  push_momentum_case (at, 1000.5);
  g_assert_cmpuint (n_fills (at), ==, 1);
  g_assert_cmpfloat (ts_engine_get_fills (at, NULL)[0].price, ==, 1000.5);
}

static void
push_volume_case (TsEngine *e,
                  double    last_size)
{
  push_trade (e, T0, 1000.0, 1.0);
  push_trade (e, T0 + MS (100), 1000.0, 1.0);
  push_trade (e, T0 + MS (200), 1000.0, 1.0);
  push_trade (e, T0 + MS (300), 1000.0, 1.0);
  push_trade (e, T0 + MS (400), 1001.0, last_size);
}

static void
test_entry_needs_volume_spike (void)
{
  g_autoptr(TsEngine) equal = engine_new_zero_cost (NULL, NULL);
  g_autoptr(TsEngine) above = engine_new_zero_cost (NULL, NULL);
  g_autoptr(TsEngine) alone = NULL;
  TsMomentumParams p;

  /* mean of the others = 1; 1.5 > 1.5 x 1 is false */
  push_volume_case (equal, 1.5);
  g_assert_cmpuint (n_fills (equal), ==, 0);

  /* 1.51 > 1.5 */
  push_volume_case (above, 1.51);
  g_assert_cmpuint (n_fills (above), ==, 1);

  /* a lone trade has no others: the rule fails even with min_ticks 1 */
  ts_momentum_params_init_default (&p);
  p.min_ticks = 1;
  p.entry_threshold = 0.0;
  p.volatility_guard = 0.0;
  alone = engine_new_zero_cost (&p, NULL);
  push_trade (alone, T0, 1000.0, 100.0);
  g_assert_cmpuint (n_fills (alone), ==, 0);
}

static void
test_entry_needs_volatility (void)
{
  g_autoptr(TsEngine) below = engine_new_zero_cost (NULL, NULL);
  g_autoptr(TsEngine) at = engine_new_zero_cost (NULL, NULL);

  /* m = 0.8 / 1000 = 0.0008 holds, but range 0.8 / 1000 < 0.001 */
  push_trade (below, T0, 1000.0, 1.0);
  push_trade (below, T0 + MS (100), 1000.2, 1.0);
  push_trade (below, T0 + MS (200), 1000.4, 1.0);
  push_trade (below, T0 + MS (300), 1000.6, 1.0);
  push_trade (below, T0 + MS (400), 1000.8, 2.0);
  g_assert_cmpuint (n_fills (below), ==, 0);

  /* range 1 / 1000 = 0.001 exactly: >= holds */
  push_trade (at, T0, 1000.0, 1.0);
  push_trade (at, T0 + MS (100), 1000.25, 1.0);
  push_trade (at, T0 + MS (200), 1000.5, 1.0);
  push_trade (at, T0 + MS (300), 1000.75, 1.0);
  push_trade (at, T0 + MS (400), 1001.0, 2.0);
  g_assert_cmpuint (n_fills (at), ==, 1);
}

static void
push_burst_down (TsEngine *e)
{
  /* m = -1 / 1001 = -0.000999; range 1 / 1000 = 0.001; 2 > 1.5 */
  push_trade (e, T0, 1001.0, 1.0);
  push_trade (e, T0 + MS (100), 1001.0, 1.0);
  push_trade (e, T0 + MS (200), 1001.0, 1.0);
  push_trade (e, T0 + MS (300), 1001.0, 1.0);
  push_trade (e, T0 + MS (400), 1000.0, 2.0);
}

static void
test_short_needs_allow_short (void)
{
  g_autoptr(TsEngine) shorts = engine_new_zero_cost (NULL, NULL);
  g_autoptr(TsEngine) long_only = NULL;
  TsMomentumParams p;
  const TsFill *f;

  push_burst_down (shorts);
  g_assert_cmpuint (n_fills (shorts), ==, 1);
  f = ts_engine_get_fills (shorts, NULL);
  g_assert_cmpint (f[0].side, ==, TS_SIDE_SELL);
  g_assert_cmpstr (f[0].reason, ==, "SHORT");
  g_assert_cmpfloat (f[0].price, ==, 1000.0);

  ts_momentum_params_init_default (&p);
  p.allow_short = FALSE;
  long_only = engine_new_zero_cost (&p, NULL);
  push_burst_down (long_only);
  g_assert_cmpuint (n_fills (long_only), ==, 0);
  g_assert_cmpuint (n_decisions (long_only), ==, 0);
}

static void
test_exit_sl_with_costs (void)
{
  /* default broker: slippage 0.5 bps, fee 1 bps */
  g_autoptr(TsEngine) e = ts_engine_new (NULL, NULL, NULL);
  const TsTrade *t;
  const TsFill *f;
  guint n;

  push_burst_up (e, T0);
  f = ts_engine_get_fills (e, &n);
  g_assert_cmpuint (n, ==, 1);
  /* 1001 x (1 + 0.5e-4) = 1001.05005; fee 1001.05005 x 1e-4 */
  g_assert_cmpfloat_with_epsilon (f[0].price, 1001.05005, EPS);
  g_assert_cmpfloat_with_epsilon (f[0].fee, 0.100105005, EPS);

  /* return (1000.5 - 1001.05005) / 1001.05005 = -0.000549 <= -0.0005 */
  g_assert_cmpint (push_trade (e, T0 + MS (500), 1000.5, 1.0), ==,
                   TS_ENGINE_EVENT_FILL | TS_ENGINE_EVENT_TRADE);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "SL");
  g_assert_cmpint (t[0].side, ==, TS_SIDE_BUY);
  g_assert_cmpint (t[0].entry_time_us, ==, T0 + MS (400));
  g_assert_cmpint (t[0].exit_time_us, ==, T0 + MS (500));
  /* sell at 1000.5 x (1 - 0.5e-4) = 1000.449975, fee 0.1000449975 */
  g_assert_cmpfloat_with_epsilon (t[0].exit_price, 1000.449975, EPS);
  g_assert_cmpfloat_with_epsilon (t[0].fees, 0.100105005 + 0.1000449975, EPS);
  /* (1000.449975 - 1001.05005) - 0.2001500025 = -0.600075 - 0.2001500025 */
  g_assert_cmpfloat_with_epsilon (t[0].pnl, -0.8002250025, EPS);
  g_assert_cmpfloat_with_epsilon (t[0].pnl_pct, -0.8002250025 / 1001.05005 * 100.0, EPS);
  /* closed on this tick: no re-entry although the window still signals */
  g_assert_cmpuint (n_fills (e), ==, 2);
}

static void
test_exit_tp_at_bid (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  const TsTrade *t;
  guint n;

  push_trade (e, T0, 1000.0, 1.0);
  push_trade (e, T0 + MS (100), 1000.0, 1.0);
  push_trade (e, T0 + MS (200), 1000.0, 1.0);
  push_trade (e, T0 + MS (300), 1000.0, 1.0);
  push_quote (e, T0 + MS (350), 1000.9, 1001.1);
  push_trade (e, T0 + MS (400), 1001.0, 2.0);
  /* a buy fills at the ask */
  g_assert_cmpfloat (ts_engine_get_fills (e, NULL)[0].price, ==, 1001.1);

  /* the quote moves; the mark (last trade 1001) does not: hold */
  push_quote (e, T0 + MS (450), 1002.5, 1002.9);
  g_assert_cmpuint (n_trades (e), ==, 0);
  /* (1002.7 - 1001.1) / 1001.1 = 0.0015982 >= 0.0015: TP, sold at the bid */
  push_trade (e, T0 + MS (500), 1002.7, 1.0);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "TP");
  g_assert_cmpfloat (t[0].entry_price, ==, 1001.1);
  g_assert_cmpfloat (t[0].exit_price, ==, 1002.5);
  g_assert_cmpfloat_with_epsilon (t[0].pnl, 1.4, EPS);
  g_assert_cmpfloat (t[0].fees, ==, 0.0);
}

/* Long at 1001 (T0 + 400 ms), then two trades a second, 1001 and 1001.2:
 * every candle has (1001.2 - 1001) / 1001 = 0.0002 > 0.0001 (not flat) and
 * the return stays within (-0.0005, 0.0015). The last trade is at
 * T0 + 8.2 s: held 7.8 s. */
static void
push_busy_hold (TsEngine *e)
{
  int k;

  push_burst_up (e, T0);
  push_trade (e, T0 + MS (700), 1001.2, 1.0);
  for (k = 1; k <= 8; k++)
    {
      push_trade (e, T0 + SEC (k) + MS (200), 1001.0, 1.0);
      if (k < 8)
        push_trade (e, T0 + SEC (k) + MS (700), 1001.2, 1.0);
    }
}

static void
test_exit_time (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  const TsTrade *t;
  guint n;

  push_busy_hold (e);
  g_assert_cmpuint (n_trades (e), ==, 0);
  /* held 8.4 - 0.4 = 8 s >= 8 s; return (1001.1 - 1001) / 1001 holds */
  push_trade (e, T0 + SEC (8) + MS (400), 1001.1, 1.0);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "TIME");
  g_assert_cmpint (t[0].exit_time_us - t[0].entry_time_us, ==, SEC (8));
  g_assert_cmpfloat_with_epsilon (t[0].pnl, 0.1, EPS);
}

static void
test_exit_sl_before_time (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  const TsTrade *t;
  guint n;

  push_busy_hold (e);
  /* held 8 s (TIME) and (1000 - 1001) / 1001 = -0.000999 (SL): SL first */
  push_trade (e, T0 + SEC (8) + MS (400), 1000.0, 1.0);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "SL");
  g_assert_cmpfloat_with_epsilon (t[0].pnl, -1.0, EPS);
}

static void
test_exit_flat_on_quote (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  const TsTrade *t;
  guint n;

  push_burst_up (e, T0);                          /* long at 1001, T0 + 0.4 s */
  push_trade (e, T0 + MS (800), 1001.2, 1.0);     /* candle 0: 1001..1001.2, not flat */
  push_trade (e, T0 + MS (1500), 1001.0, 1.0);    /* completes candle 0: run 0 */
  push_trade (e, T0 + MS (2500), 1001.0, 1.0);    /* completes candle 1 {1001}: run 1 */
  g_assert_cmpuint (n_trades (e), ==, 0);
  /* a quote in second 3 completes candle 2 {1001}: 2 flat candles */
  push_quote (e, T0 + MS (3000), 1000.9, 1001.1);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "FLAT");
  g_assert_cmpint (t[0].exit_time_us, ==, T0 + MS (3000));
  /* sold at the bid */
  g_assert_cmpfloat (t[0].exit_price, ==, 1000.9);
  g_assert_cmpfloat_with_epsilon (t[0].pnl, -0.1, EPS);
}

static void
test_exit_flat_counts_empty_seconds (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  const TsTrade *t;
  guint n;

  push_burst_up (e, T0);
  push_trade (e, T0 + MS (800), 1001.2, 1.0);     /* candle 0 not flat */
  /* second 2: completes candle 0 (run 0); second 1 was empty: run 1 */
  push_trade (e, T0 + MS (2200), 1001.0, 1.0);
  g_assert_cmpuint (n_trades (e), ==, 0);
  /* second 3: candle 2 {1001} flat: run 2 */
  push_trade (e, T0 + MS (3100), 1001.0, 1.0);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "FLAT");
  g_assert_cmpint (t[0].exit_time_us, ==, T0 + MS (3100));
}

static void
test_set_params_live (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  TsMomentumParams p;

  ts_momentum_params_init_default (&p);
  push_trade (e, T0, 1000.0, 1.0);
  push_trade (e, T0 + MS (100), 1000.0, 1.0);
  push_trade (e, T0 + MS (200), 1000.0, 1.0);
  push_trade (e, T0 + MS (300), 1000.0, 1.0);

  /* m = 0.001 < 0.002: no entry */
  p.entry_threshold = 0.002;
  ts_engine_set_params (e, &p, NULL, NULL);
  push_trade (e, T0 + MS (400), 1001.0, 2.0);
  g_assert_cmpuint (n_fills (e), ==, 0);

  /* back to 0.0005, window kept: 4 > 1.5 x (6 / 5) */
  p.entry_threshold = 0.0005;
  p.position_size = 0.25;
  ts_engine_set_params (e, &p, NULL, NULL);
  push_trade (e, T0 + MS (500), 1001.0, 4.0);
  g_assert_cmpuint (n_fills (e), ==, 1);
  g_assert_cmpfloat (ts_engine_get_fills (e, NULL)[0].size, ==, 0.25);

  /* the open position survives a change of the exits: TP 0.0001 now
   * closes it at (1001.2 - 1001) / 1001 = 0.0002 */
  p.profit_target = 0.0001;
  ts_engine_set_params (e, &p, NULL, NULL);
  push_trade (e, T0 + MS (600), 1001.2, 1.0);
  g_assert_cmpuint (n_trades (e), ==, 1);
  g_assert_cmpstr (ts_engine_get_trades (e, NULL)[0].reason, ==, "TP");
}

static void
test_window_seconds_live (void)
{
  g_autoptr(TsMomentum) m = NULL;
  TsMomentumParams p;

  ts_momentum_params_init_default (&p);
  m = ts_momentum_new (&p);
  ts_momentum_push_trade (m, T0, 1000.0, 1.0);
  ts_momentum_push_trade (m, T0 + MS (100), 1000.0, 1.0);
  ts_momentum_push_trade (m, T0 + MS (200), 1000.0, 1.0);
  ts_momentum_push_trade (m, T0 + MS (300), 1000.0, 1.0);
  ts_momentum_push_trade (m, T0 + MS (400), 1001.0, 2.0);
  g_assert_cmpint (ts_momentum_check_entry (m), ==, TS_SIDE_BUY);
  g_assert_cmpfloat_with_epsilon (ts_momentum_get_momentum (m), 0.001, EPS);

  /* 0.35 s: at T0 + 0.5 s the window keeps times > T0 + 0.15 s: 0.2, 0.3,
   * 0.4, 0.5: 4 trades < min_ticks */
  p.window_seconds = 0.35;
  ts_momentum_set_params (m, &p);
  ts_momentum_push_trade (m, T0 + MS (500), 1001.0, 3.0);
  g_assert_cmpuint (ts_rolling_window_get_count (ts_momentum_get_window (m)), ==, 4);
  g_assert_cmpint (ts_momentum_check_entry (m), ==, TS_SIDE_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/momentum/entry-long-on-burst", test_entry_long_on_burst);
  g_test_add_func ("/core/momentum/entry-needs-min-ticks", test_entry_needs_min_ticks);
  g_test_add_func ("/core/momentum/entry-needs-momentum", test_entry_needs_momentum);
  g_test_add_func ("/core/momentum/entry-needs-volume-spike", test_entry_needs_volume_spike);
  g_test_add_func ("/core/momentum/entry-needs-volatility", test_entry_needs_volatility);
  g_test_add_func ("/core/momentum/short-needs-allow-short", test_short_needs_allow_short);
  g_test_add_func ("/core/momentum/exit-sl-with-costs", test_exit_sl_with_costs);
  g_test_add_func ("/core/momentum/exit-tp-fills-at-bid", test_exit_tp_at_bid);
  g_test_add_func ("/core/momentum/exit-time", test_exit_time);
  g_test_add_func ("/core/momentum/exit-sl-before-time", test_exit_sl_before_time);
  g_test_add_func ("/core/momentum/exit-flat-on-quote", test_exit_flat_on_quote);
  g_test_add_func ("/core/momentum/exit-flat-counts-empty-seconds", test_exit_flat_counts_empty_seconds);
  g_test_add_func ("/core/momentum/set-params-live", test_set_params_live);
  g_test_add_func ("/core/momentum/window-seconds-live", test_window_seconds_live);

  return g_test_run ();
}
