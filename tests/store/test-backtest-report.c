/* test-backtest-report.c: the backtest runner's report against hand-worked
 * equity curves, CAGR, and the configuration keys
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/ts-backtest.h"

#define US_PER_DAY G_GINT64_CONSTANT (86400000000)
#define YEAR_US ((gint64) (365.25 * 86400) * G_GINT64_CONSTANT (1000000))
/* 2024-08-08T23:59:50Z: ten seconds before a UTC midnight */
#define T0 G_GINT64_CONSTANT (1723161590000000)
#define MS(x) ((gint64) (x) * 1000)
#define SEC(x) ((gint64) (x) * 1000000)
#define EPS 1e-9

static void
assert_close (double a,
              double b)
{
  g_assert_cmpfloat_with_epsilon (a, b, EPS * MAX (1.0, fabs (b)));
}

static void
test_cagr (void)
{
  /* doubling over exactly 365.25 days is 100 % */
  assert_close (ts_backtest_cagr (10000, 20000, YEAR_US), 1.0);
  /* 4x over two years: 100 % a year */
  assert_close (ts_backtest_cagr (10000, 40000, 2 * YEAR_US), 1.0);
  /* doubling over half a year: 300 % */
  assert_close (ts_backtest_cagr (10000, 20000, YEAR_US / 2), 3.0);
  assert_close (ts_backtest_cagr (10000, 5000, YEAR_US), -0.5);
  assert_close (ts_backtest_cagr (10000, 10000, SEC (1)), 0.0);
  g_assert_cmpfloat (ts_backtest_cagr (10000, 0, YEAR_US), ==, -1.0);
  g_assert_true (isnan (ts_backtest_cagr (10000, 20000, 0)));
  g_assert_true (isnan (ts_backtest_cagr (0, 20000, YEAR_US)));
}

static void
add_trade (GArray *ticks,
           gint64  time_us,
           double  price,
           double  size)
{
  TsTick t;

  memset (&t, 0, sizeof t);
  t.time_us = time_us;
  t.flags = TS_TICK_TRADE;
  t.aggressor = TS_SIDE_BUY;
  t.price = price;
  t.size = size;
  ts_tick_set_symbol (&t, "TEST");
  g_array_append_val (ticks, t);
}

/* Four trades of size 1 at 1000, then one of size 2 at 1001, 100 ms apart:
 * momentum 0.001, a volume spike 2 > 1.5, volatility 0.001, 5 trades: a
 * long entry at 1001 on the last one (STRATEGIES.md section 2 defaults). */
static void
add_burst_up (GArray *ticks,
              gint64  t)
{
  add_trade (ticks, t, 1000.0, 1.0);
  add_trade (ticks, t + MS (100), 1000.0, 1.0);
  add_trade (ticks, t + MS (200), 1000.0, 1.0);
  add_trade (ticks, t + MS (300), 1000.0, 1.0);
  add_trade (ticks, t + MS (400), 1001.0, 2.0);
}

/* The hand-worked session (fee 1 bps, no slippage, fills at the last trade):
 *
 *  T0+0.4 s   long 1 at 1001, fee 0.1001        equity 9999.8999
 *  T0+0.9 s   1003: return 0.2 % >= TP 0.15 %; exit fee 0.1003
 *             P&L 2 - 0.2004 = 1.7996           equity 10001.7996 (peak)
 *  -- midnight: 2024-08-09 --
 *  T0+30.4 s  long 1 at 1001, fee 0.1001        equity 10001.6995
 *  T0+30.9 s  1000: return -0.1 % <= SL -0.05 %; exit fee 0.1
 *             P&L -1 - 0.2001 = -1.2001         equity 10000.5995
 *  T0+70 s    1000, no signal (one trade in the window)
 */
static GArray *
hand_worked_ticks (void)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));

  add_burst_up (ticks, T0);
  add_trade (ticks, T0 + MS (900), 1003.0, 1.0);
  add_burst_up (ticks, T0 + SEC (30));
  add_trade (ticks, T0 + SEC (30) + MS (900), 1000.0, 1.0);
  add_trade (ticks, T0 + SEC (70), 1000.0, 1.0);
  return ticks;
}

static void
hand_worked_config (TsBacktestConfig *c)
{
  g_autoptr(GError) error = NULL;

  ts_backtest_config_init_default (c);
  g_assert_true (ts_backtest_config_set (c, "taker-fee-bps", "1", &error));
  g_assert_true (ts_backtest_config_set (c, "slippage-bps", "0", &error));
  g_assert_no_error (error);
}

static void
test_hand_worked_report (void)
{
  g_autoptr(GArray) ticks = hand_worked_ticks ();
  g_autoptr(TsBacktest) bt = NULL;
  TsBacktestConfig config;
  TsBacktestReport r;
  const TsLedgerStats *s = &r.stats;
  const TsTrade *trades;
  const TsEquityPoint *curve;
  const TsBacktestDay *days;
  guint n_trades = 0, n_points = 0, n_days = 0;
  double win = 2.0 - 0.1001 - 0.1003;
  double loss = 1.0 + 0.1001 + 0.1;
  double peak = 10000.0 + win;
  double end = 10000.0 + win - loss;

  hand_worked_config (&config);
  bt = ts_backtest_new (&config);
  ts_backtest_run (bt, (const TsTick *) (gpointer) ticks->data, ticks->len, 0, NULL, NULL);
  ts_backtest_get_report (bt, &r);

  trades = ts_backtest_get_trades (bt, &n_trades);
  g_assert_cmpuint (n_trades, ==, 2);
  g_assert_cmpstr (trades[0].reason, ==, "TP");
  g_assert_cmpstr (trades[1].reason, ==, "SL");
  assert_close (trades[0].pnl, win);
  assert_close (trades[1].pnl, -loss);

  g_assert_cmpuint (r.ticks_pushed, ==, 13);
  g_assert_cmpuint (r.ticks_ignored, ==, 0);
  g_assert_cmpint (r.first_time_us, ==, T0);
  g_assert_cmpint (r.last_time_us, ==, T0 + SEC (70));
  g_assert_cmpint (r.span_us, ==, SEC (70));

  g_assert_cmpuint (s->trades, ==, 2);
  g_assert_cmpuint (s->wins, ==, 1);
  g_assert_cmpuint (s->losses, ==, 1);
  assert_close (s->win_rate, 0.5);
  assert_close (s->avg_win, win);
  assert_close (s->avg_loss, loss);
  assert_close (s->expectancy, 0.5 * win - 0.5 * loss);
  assert_close (s->profit_factor, win / loss);
  /* the fees of both legs of both trades */
  assert_close (s->fees, 0.1001 + 0.1003 + 0.1001 + 0.1);
  assert_close (s->fees, trades[0].fees + trades[1].fees);
  assert_close (s->total_pnl, win - loss);
  assert_close (s->equity, end);
  assert_close (s->max_drawdown_amount, loss);
  assert_close (s->max_drawdown, loss / peak);
  g_assert_cmpuint (s->max_consecutive_losses, ==, 1);
  /* 0.5 s + 0.5 s in a position over 70 s */
  assert_close (s->exposure, 1.0 / 70.0);
  /* the daily P&L since 00:00 UTC: only the second trade */
  assert_close (s->daily_pnl, -loss);
  /* CAGR from the first to the last tick */
  assert_close (r.cagr, ts_backtest_cagr (10000.0, end, SEC (70)));
  assert_close (r.cagr, pow (end / 10000.0, (365.25 * 86400.0) / 70.0) - 1.0);

  /* the curve: each minute's last tick, then the last tick */
  curve = ts_backtest_get_equity_curve (bt, &n_points);
  g_assert_cmpuint (n_points, ==, 3);
  g_assert_cmpint (curve[0].time_us, ==, T0 + MS (900));        /* 23:59 */
  assert_close (curve[0].equity, peak);
  assert_close (curve[0].drawdown, 0.0);
  g_assert_cmpint (curve[1].time_us, ==, T0 + SEC (30) + MS (900)); /* 00:00 */
  assert_close (curve[1].equity, end);
  assert_close (curve[1].drawdown, loss / peak);
  g_assert_cmpint (curve[2].time_us, ==, T0 + SEC (70));        /* 00:01, last */
  assert_close (curve[2].equity, end);

  /* daily P&L by UTC day */
  days = ts_backtest_get_days (bt, &n_days);
  g_assert_cmpuint (n_days, ==, 2);
  g_assert_cmpuint (r.n_days, ==, 2);
  g_assert_cmpint (days[0].day_start_us, ==, T0 + SEC (10) - US_PER_DAY);
  assert_close (days[0].start_equity, 10000.0);
  assert_close (days[0].pnl, win);
  g_assert_cmpint (days[1].day_start_us, ==, T0 + SEC (10));
  assert_close (days[1].start_equity, peak);
  assert_close (days[1].pnl, -loss);
}

static void
count_progress (guint64  done,
                guint64  total,
                gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (done, <=, total);
  (*calls)++;
}

/* the same ticks in two runs, with progress, give the same report and curve */
static void
test_runs_in_parts (void)
{
  g_autoptr(GArray) ticks = hand_worked_ticks ();
  g_autoptr(TsBacktest) a = NULL;
  g_autoptr(TsBacktest) b = NULL;
  const TsTick *t = (const TsTick *) (gpointer) ticks->data;
  TsBacktestConfig config;
  TsBacktestReport ra, rb;
  const TsEquityPoint *ca, *cb;
  guint na = 0, nb = 0, calls = 0, i;

  hand_worked_config (&config);
  a = ts_backtest_new (&config);
  b = ts_backtest_new (&config);
  ts_backtest_run (a, t, ticks->len, 0, NULL, NULL);
  ts_backtest_run (b, t, 7, 4, count_progress, &calls);
  ts_backtest_run (b, t + 7, ticks->len - 7, 4, count_progress, &calls);
  g_assert_cmpuint (calls, ==, 4 + 3); /* chunks of 2 of 7, of 2 of 6 */

  ts_backtest_get_report (a, &ra);
  ts_backtest_get_report (b, &rb);
  g_assert_cmpmem (&ra.stats, sizeof ra.stats, &rb.stats, sizeof rb.stats);
  g_assert_cmpint (ra.first_time_us, ==, rb.first_time_us);
  g_assert_cmpuint (ra.ticks_pushed, ==, rb.ticks_pushed);

  ca = ts_backtest_get_equity_curve (a, &na);
  cb = ts_backtest_get_equity_curve (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  for (i = 0; i < na; i++)
    g_assert_cmpmem (&ca[i], sizeof ca[i], &cb[i], sizeof cb[i]);
}

/* no tick: a report of zeros, a NaN CAGR, no curve */
static void
test_empty (void)
{
  g_autoptr(TsBacktest) bt = ts_backtest_new (NULL);
  TsBacktestReport r;
  guint n = 1;

  ts_backtest_run (bt, NULL, 0, 10, NULL, NULL);
  ts_backtest_get_report (bt, &r);
  g_assert_cmpuint (r.ticks_pushed, ==, 0);
  g_assert_cmpuint (r.stats.trades, ==, 0);
  g_assert_cmpint (r.span_us, ==, 0);
  g_assert_true (isnan (r.cagr));
  ts_backtest_get_equity_curve (bt, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_config_keys (void)
{
  TsBacktestConfig c;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) v = NULL;
  const char *const *keys = ts_backtest_config_list_keys ();
  guint i;

  ts_backtest_config_init_default (&c);
  g_assert_true (ts_backtest_config_set (&c, "window-seconds", "20", &error));
  g_assert_true (ts_backtest_config_set (&c, "entry-threshold", " 0.0007 ", &error));
  g_assert_true (ts_backtest_config_set (&c, "min-ticks", "7", &error));
  g_assert_true (ts_backtest_config_set (&c, "allow-short", "false", &error));
  g_assert_true (ts_backtest_config_set (&c, "cooldown-signals", "0", &error));
  g_assert_true (ts_backtest_config_set (&c, "initial-capital", "25000", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (c.momentum.window_seconds, ==, 20.0);
  g_assert_cmpfloat (c.momentum.entry_threshold, ==, 0.0007);
  g_assert_cmpuint (c.momentum.min_ticks, ==, 7);
  g_assert_false (c.momentum.allow_short);
  g_assert_cmpuint (c.risk.cooldown_signals, ==, 0);
  g_assert_cmpfloat (c.broker.initial_capital, ==, 25000.0);

  v = ts_backtest_config_get_value (&c, "min-ticks");
  g_assert_cmpuint (g_variant_get_uint32 (v), ==, 7);
  g_clear_pointer (&v, g_variant_unref);
  for (i = 0; keys[i] != NULL; i++)
    {
      v = ts_backtest_config_get_value (&c, keys[i]);
      g_assert_nonnull (v);
      g_clear_pointer (&v, g_variant_unref);
    }
  /* 12 momentum, 8 risk, 3 broker, 8 maxwell, 18 calculus, 12 pairs,
   * 18 confluence */
  g_assert_cmpuint (i, ==, 12 + 8 + 3 + 8 + 18 + 12 + 18);
  g_assert_cmpstr (keys[0], ==, "window-seconds");
  g_assert_true (g_strv_contains (keys, "maxwell-ma-period"));
  g_assert_true (g_strv_contains (keys, "pairs-adf-critical"));
  g_assert_true (g_strv_contains (keys, "max-drawdown-pct"));

  /* the schema's ranges */
  g_assert_false (ts_backtest_config_set (&c, "window-seconds", "0.5", &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_backtest_config_set (&c, "min-ticks", "1.5", &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_backtest_config_set (&c, "allow-short", "maybe", &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_backtest_config_set (&c, "stop-loss", "nan", &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_false (ts_backtest_config_set (&c, "window_seconds", "20", &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_UNKNOWN_KEY);
  g_assert_nonnull (strstr (error->message, "window-seconds"));
  g_clear_error (&error);
  g_assert_cmpfloat (c.momentum.window_seconds, ==, 20.0);

  g_assert_true (ts_backtest_check_strategy ("momentum", &error));
  g_assert_true (ts_backtest_check_strategy ("pairs", &error));
  g_assert_false (ts_backtest_check_strategy ("nope", &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_UNKNOWN_STRATEGY);
  g_assert_nonnull (strstr (error->message, "maxwell, momentum, calculus, pairs, confluence"));
}

/* any strategy: its keys, prefixed and not, and which one a shared name means */
static void
test_config_strategies (void)
{
  TsBacktestConfig c;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) v = NULL;
  const char *const *names = ts_backtest_list_strategies ();

  g_assert_cmpuint (g_strv_length ((char **) names), ==, 5);
  g_assert_cmpstr (names[0], ==, "maxwell");
  g_assert_cmpstr (names[1], ==, "momentum");

  ts_backtest_config_init_default (&c);
  g_assert_cmpstr (c.strategy, ==, "momentum");
  g_assert_true (ts_backtest_config_get_params (&c) == (gpointer) &c.momentum);
  g_assert_cmpuint (c.maxwell.ma_period, ==, 44);
  g_assert_cmpfloat (c.calculus.lambda, ==, 0.75);
  g_assert_cmpfloat (c.pairs.stop_z, ==, 3.5);
  g_assert_cmpuint (c.confluence.rsi_period, ==, 14);
  g_assert_cmpstr (c.symbols[0], ==, "");

  /* the GSettings name of any strategy, whichever is chosen */
  g_assert_true (ts_backtest_config_set (&c, "maxwell-ma-period", "20", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.maxwell.ma_period, ==, 20);
  /* a key of another strategy, unprefixed: unknown */
  g_assert_false (ts_backtest_config_set (&c, "ma-period", "21", &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_UNKNOWN_KEY);
  g_clear_error (&error);

  g_assert_false (ts_backtest_config_set_strategy (&c, "nope", &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_UNKNOWN_STRATEGY);
  g_clear_error (&error);
  g_assert_cmpstr (c.strategy, ==, "momentum");

  g_assert_true (ts_backtest_config_set_strategy (&c, "maxwell", &error));
  g_assert_cmpstr (c.strategy, ==, "maxwell");
  g_assert_true (ts_backtest_config_get_params (&c) == (gpointer) &c.maxwell);
  g_assert_cmpuint (c.maxwell.ma_period, ==, 20); /* kept */
  g_assert_true (ts_backtest_config_set (&c, "ma-period", "21", &error));
  g_assert_true (ts_backtest_config_set (&c, "scale-mode", "fit", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.maxwell.ma_period, ==, 21);
  g_assert_cmpint (c.maxwell.scale_mode, ==, TS_MAXWELL_SCALE_FIT);
  v = ts_backtest_config_get_value (&c, "maxwell-scale-mode");
  g_assert_cmpstr (g_variant_get_string (v, NULL), ==, "fit");
  g_clear_pointer (&v, g_variant_unref);
  v = ts_backtest_config_get_value (&c, "ma-period");
  g_assert_cmpuint (g_variant_get_uint32 (v), ==, 21);
  g_clear_pointer (&v, g_variant_unref);
  g_assert_false (ts_backtest_config_set (&c, "buy-threshold", "2", &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_assert_nonnull (strstr (error->message, "buy-threshold"));
  g_clear_error (&error);
  g_assert_cmpfloat (c.maxwell.buy_threshold, ==, 0.1);

  /* shared names: the risk manager's max-leverage, calculus' allow-short */
  g_assert_true (ts_backtest_config_set_strategy (&c, "calculus", &error));
  g_assert_true (ts_backtest_config_set (&c, "max-leverage", "3", &error));
  g_assert_cmpfloat (c.risk.max_leverage, ==, 3.0);
  g_assert_cmpfloat (c.calculus.max_leverage, ==, 1.0);
  g_assert_true (ts_backtest_config_set (&c, "calculus-max-leverage", "2", &error));
  g_assert_cmpfloat (c.calculus.max_leverage, ==, 2.0);
  g_assert_true (ts_backtest_config_set (&c, "allow-short", "false", &error));
  g_assert_false (c.calculus.allow_short);
  g_assert_true (c.momentum.allow_short);
  g_assert_true (ts_backtest_config_set (&c, "derivative-source", "ema", &error));
  g_assert_cmpint (c.calculus.derivative_source, ==, TS_CALCULUS_SOURCE_EMA);
  g_assert_no_error (error);

  /* values that fit one by one but not together */
  g_assert_true (ts_backtest_config_check (&c, &error));
  g_assert_true (ts_backtest_config_set_strategy (&c, "pairs", &error));
  g_assert_true (ts_backtest_config_check (&c, &error)); /* MOCK-BTC, MOCK-ETH */
  g_assert_true (ts_backtest_config_set (&c, "lookback", "400", &error));
  g_assert_no_error (error);
  g_assert_false (ts_backtest_config_check (&c, &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_clear_error (&error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/backtest/config-strategies", test_config_strategies);

  g_test_add_func ("/core/backtest/cagr", test_cagr);
  g_test_add_func ("/core/backtest/hand-worked-report", test_hand_worked_report);
  g_test_add_func ("/core/backtest/runs-in-parts-agree", test_runs_in_parts);
  g_test_add_func ("/core/backtest/empty", test_empty);
  g_test_add_func ("/core/backtest/config-keys-and-ranges", test_config_keys);

  return g_test_run ();
}
