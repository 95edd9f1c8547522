/* test-ledger.c: the metrics of STRATEGIES.md "Metrics", worked by hand
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/ts-ledger.h"

#define EPS 1e-9
/* 2024-08-08T23:59:00Z, a whole minute */
#define M0 G_GINT64_CONSTANT (1723161540000000)
#define SEC(x) ((gint64) (x) * 1000000)

static TsFill
make_fill (TsSide      side,
           double      price,
           double      size,
           double      fee,
           gint64      time_us,
           const char *reason)
{
  TsFill f;

  memset (&f, 0, sizeof f);
  f.time_us = time_us;
  f.side = side;
  f.price = price;
  f.size = size;
  f.fee = fee;
  f.reason = reason;
  g_strlcpy (f.symbol, "TEST", sizeof f.symbol);
  return f;
}

/* one round trip of size 1: open @side at @entry, close at @exit */
static void
round_trip (TsLedger *l,
            TsSide    side,
            double    entry,
            double    exit,
            double    fee_each,
            TsTrade  *trade)
{
  TsFill open = make_fill (side, entry, 1.0, fee_each, SEC (1), side == TS_SIDE_BUY ? "LONG" : "SHORT");
  TsFill close = make_fill (-side, exit, 1.0, fee_each, SEC (2), "TP");

  ts_ledger_open (l, &open);
  ts_ledger_close (l, &close, trade);
}

static void
test_trade_statistics (void)
{
  g_autoptr(TsLedger) l = ts_ledger_new (10000.0);
  TsLedgerStats s;
  TsTrade t;

  ts_ledger_get_stats (l, &s);
  g_assert_cmpfloat (s.profit_factor, ==, 0.0);
  g_assert_cmpfloat (s.win_rate, ==, 0.0);
  g_assert_cmpfloat (s.expectancy, ==, 0.0);

  /* +10 gross, fees 0.5 + 0.5: +9, a win */
  round_trip (l, TS_SIDE_BUY, 100.0, 110.0, 0.5, &t);
  g_assert_cmpfloat_with_epsilon (t.pnl, 9.0, EPS);
  g_assert_cmpfloat_with_epsilon (t.fees, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (t.pnl_pct, 9.0, EPS);   /* 9 / (100 x 1) x 100 */
  g_assert_cmpstr (t.reason, ==, "TP");
  g_assert_cmpstr (t.symbol, ==, "TEST");
  ts_ledger_get_stats (l, &s);
  g_assert_true (isinf (s.profit_factor) && s.profit_factor > 0);

  round_trip (l, TS_SIDE_BUY, 100.0, 95.0, 0.0, &t);   /* -5 */
  round_trip (l, TS_SIDE_SELL, 100.0, 105.0, 0.0, &t); /* short: -5 */
  g_assert_cmpfloat_with_epsilon (t.pnl, -5.0, EPS);
  g_assert_cmpint (t.side, ==, TS_SIDE_SELL);
  round_trip (l, TS_SIDE_BUY, 100.0, 121.0, 0.0, &t);  /* +21 */
  round_trip (l, TS_SIDE_BUY, 100.0, 95.0, 0.0, &t);   /* -5 */

  ts_ledger_get_stats (l, &s);
  g_assert_cmpuint (s.trades, ==, 5);
  g_assert_cmpuint (s.wins, ==, 2);
  g_assert_cmpuint (s.losses, ==, 3);
  g_assert_cmpfloat_with_epsilon (s.win_rate, 0.4, EPS);        /* 2 / 5 */
  g_assert_cmpfloat_with_epsilon (s.avg_win, 15.0, EPS);        /* (9 + 21) / 2 */
  g_assert_cmpfloat_with_epsilon (s.avg_loss, 5.0, EPS);        /* 15 / 3 */
  g_assert_cmpfloat_with_epsilon (s.expectancy, 3.0, EPS);      /* 0.4 x 15 - 0.6 x 5 */
  g_assert_cmpfloat_with_epsilon (s.profit_factor, 2.0, EPS);   /* 30 / 15 */
  g_assert_cmpuint (s.consecutive_losses, ==, 1);
  g_assert_cmpuint (s.max_consecutive_losses, ==, 2);
  g_assert_cmpfloat_with_epsilon (s.fees, 1.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.realized_pnl, 15.0, EPS);   /* 30 - 15 */
}

static void
test_drawdown_peak_to_trough (void)
{
  g_autoptr(TsLedger) l = ts_ledger_new (10000.0);
  TsFill open = make_fill (TS_SIDE_BUY, 1000.0, 10.0, 0.0, M0, "LONG");
  TsLedgerStats s;

  ts_ledger_open (l, &open);
  /* equity = 10000 + 10 x (price - 1000): 10000, 10100, 9595, 10200 */
  ts_ledger_mark (l, M0, 1000.0);
  ts_ledger_mark (l, M0 + SEC (1), 1010.0);
  ts_ledger_mark (l, M0 + SEC (2), 959.5);
  ts_ledger_get_stats (l, &s);
  g_assert_cmpfloat_with_epsilon (s.equity, 9595.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.unrealized_pnl, -405.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.drawdown, 505.0 / 10100.0, EPS);
  ts_ledger_mark (l, M0 + SEC (3), 1020.0);
  ts_ledger_get_stats (l, &s);
  g_assert_cmpfloat_with_epsilon (s.equity, 10200.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.peak_equity, 10200.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.max_drawdown, 505.0 / 10100.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.max_drawdown_amount, 505.0, EPS);
  g_assert_cmpfloat (s.drawdown, ==, 0.0);
  g_assert_cmpfloat_with_epsilon (s.total_pnl, 200.0, EPS);
  g_assert_cmpfloat (s.last_price, ==, 1020.0);
  g_assert_cmpint (s.position_side, ==, TS_SIDE_BUY);
  g_assert_cmpuint (s.ticks, ==, 4);
}

static void
test_daily_pnl_resets_at_utc_midnight (void)
{
  g_autoptr(TsLedger) l = ts_ledger_new (10000.0);
  TsFill open = make_fill (TS_SIDE_BUY, 1000.0, 10.0, 0.0, M0, "LONG");
  TsLedgerStats s;

  ts_ledger_open (l, &open);
  ts_ledger_mark (l, M0, 1000.0);               /* 23:59:00, 10000 */
  ts_ledger_mark (l, M0 + SEC (30), 1010.0);    /* 23:59:30, 10100 */
  ts_ledger_get_stats (l, &s);
  g_assert_cmpfloat_with_epsilon (s.daily_pnl, 100.0, EPS);
  /* 00:00:10 the next day: the day starts from the equity at 00:00, 10100 */
  ts_ledger_mark (l, M0 + SEC (70), 1020.0);
  ts_ledger_get_stats (l, &s);
  g_assert_cmpfloat_with_epsilon (s.daily_pnl, 100.0, EPS);
  g_assert_cmpfloat_with_epsilon (s.total_pnl, 200.0, EPS);
}

static void
test_exposure (void)
{
  g_autoptr(TsLedger) l = ts_ledger_new (10000.0);
  TsFill open = make_fill (TS_SIDE_BUY, 100.0, 1.0, 0.0, M0 + SEC (10), "LONG");
  TsFill close = make_fill (TS_SIDE_SELL, 100.0, 1.0, 0.0, M0 + SEC (30), "TIME");
  TsLedgerStats s;

  ts_ledger_mark (l, M0, 100.0);
  ts_ledger_open (l, &open);
  ts_ledger_mark (l, M0 + SEC (10), 100.0);
  ts_ledger_mark (l, M0 + SEC (20), 100.0);
  ts_ledger_close (l, &close, NULL);
  ts_ledger_mark (l, M0 + SEC (30), 100.0);
  ts_ledger_mark (l, M0 + SEC (40), 100.0);
  ts_ledger_get_stats (l, &s);
  /* in a position from 10 s to 30 s of a 40 s session */
  g_assert_cmpfloat_with_epsilon (s.exposure, 0.5, EPS);
}

static void
test_sharpe_sortino_minute_returns (void)
{
  g_autoptr(TsLedger) l = ts_ledger_new (10000.0);
  TsFill open = make_fill (TS_SIDE_BUY, 100.0, 100.0, 0.0, M0, "LONG");
  TsLedgerStats s;

  /* equity = 10000 + 100 x (price - 100) */
  ts_ledger_open (l, &open);
  ts_ledger_mark (l, M0, 100.0);                 /* minute 0: 10000 */
  ts_ledger_mark (l, M0 + SEC (30), 101.0);      /* minute 0 closes at 10100 */
  ts_ledger_get_stats (l, &s);
  g_assert_cmpfloat (s.sharpe, ==, 0.0);         /* one return only */
  g_assert_cmpfloat (s.sortino, ==, 0.0);

  ts_ledger_mark (l, M0 + SEC (70), 100.0);      /* minute 1 closes at 10000 */
  ts_ledger_mark (l, M0 + SEC (125), 102.0);     /* minute 2 (current) at 10200 */
  ts_ledger_get_stats (l, &s);
  /* r = ln 1.01, ln (10000 / 10100), ln 1.02: mean 0.0066008757653932,
   * sample sd 0.0151566410097349; downside sqrt (ln(10000/10100)^2 / 3);
   * x sqrt (525600) */
  g_assert_cmpfloat_with_epsilon (s.sharpe, 315.7375778234973, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.sortino, 833.0140819898411, 1e-6);

  /* minute 3 has no tick: a 0 return; minute 4 (current) at 10150 */
  ts_ledger_mark (l, M0 + SEC (241), 101.5);
  ts_ledger_get_stats (l, &s);
  /* r = the three above, 0, ln (10150 / 10200) */
  g_assert_cmpfloat_with_epsilon (s.sharpe, 180.84802223390952, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.sortino, 434.97872136920034, 1e-6);
}

static void
test_initial_capital_before_start (void)
{
  g_autoptr(TsLedger) l = ts_ledger_new (10000.0);
  TsLedgerStats s;

  g_assert_true (ts_ledger_set_initial_capital (l, 5000.0));
  ts_ledger_mark (l, M0, 100.0);
  g_assert_false (ts_ledger_set_initial_capital (l, 7000.0));
  ts_ledger_get_stats (l, &s);
  g_assert_cmpfloat (s.equity, ==, 5000.0);
  g_assert_cmpfloat (s.initial_capital, ==, 5000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/ledger/trade-statistics", test_trade_statistics);
  g_test_add_func ("/core/ledger/drawdown-peak-to-trough", test_drawdown_peak_to_trough);
  g_test_add_func ("/core/ledger/daily-pnl-resets-at-utc-midnight", test_daily_pnl_resets_at_utc_midnight);
  g_test_add_func ("/core/ledger/exposure", test_exposure);
  g_test_add_func ("/core/ledger/sharpe-sortino-minute-returns", test_sharpe_sortino_minute_returns);
  g_test_add_func ("/core/ledger/initial-capital-before-start", test_initial_capital_before_start);

  return g_test_run ();
}
