/* test-risk-portfolio.c: the portfolio limits of the risk manager (issue 3)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-worked tick sequences (zero-cost broker, so prices and P&L are
 * exact): positions per symbol and in total, emergency stop, the circuit
 * breaker by hand and automatic, the leverage resize, the max drawdown
 * halt; and the sizing modes.
 */
#include <math.h>

#include "core/ts-sizing.h"
#include "core/strategies/ts-momentum-strategy.h"
#include "test-helpers.h"

#define EPS 1e-9

/* push_burst_up of test-helpers.h on any symbol: a long signal at t + 400 ms */
static void
burst_up (TsEngine   *e,
          const char *symbol,
          gint64      t)
{
  push_trade_symbol (e, symbol, t, 1000.0, 1.0);
  push_trade_symbol (e, symbol, t + MS (100), 1000.0, 1.0);
  push_trade_symbol (e, symbol, t + MS (200), 1000.0, 1.0);
  push_trade_symbol (e, symbol, t + MS (300), 1000.0, 1.0);
  push_trade_symbol (e, symbol, t + MS (400), 1001.0, 2.0);
}

static TsEngine *
multi_zero_cost (const TsRiskParams *risk)
{
  TsBrokerParams b;

  ts_broker_params_init_default (&b);
  b.slippage_bps = 0.0;
  b.taker_fee_bps = 0.0;
  return ts_engine_new_multi (risk, &b);
}

static const char *
last_code (TsEngine *e)
{
  guint n;
  const TsDecision *d = ts_engine_get_decisions (e, &n);

  return n > 0 ? d[n - 1].code : NULL;
}

static void
test_max_positions_per_symbol (void)
{
  const char *test[] = { "TEST", NULL };
  g_autoptr(TsEngine) e = NULL;
  const TsFill *f;
  TsRiskParams r;
  guint n;

  /* two momentum strategies on one symbol, max 1 per symbol */
  ts_risk_params_init_default (&r);
  r.max_positions_per_symbol = 1;
  e = multi_zero_cost (&r);
  g_assert_cmpuint (ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), test), ==, 1);
  g_assert_cmpuint (ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), test), ==, 2);
  burst_up (e, "TEST", T0);
  /* both signal on the last trade; strategy 1 opens, 2 is refused */
  f = ts_engine_get_fills (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (f[0].strategy_id, ==, 1);
  g_assert_cmpstr (last_code (e), ==, "MAX_POSITIONS");
}

/* the portfolio's open positions: one is shown as it is, two as a count */
static void
test_portfolio_open_positions (void)
{
  const char *test[] = { "TEST", NULL };
  g_autoptr(TsEngine) e = multi_zero_cost (NULL);
  TsLedgerStats stats;
  const TsFill *f;
  guint n;

  ts_engine_get_portfolio_stats (e, &stats);
  g_assert_cmpuint (stats.open_positions, ==, 0);
  g_assert_cmpint (stats.position_side, ==, TS_SIDE_NONE);

  /* two momentum strategies on one symbol; the default limit is 5 */
  ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), test);
  ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), test);
  burst_up (e, "TEST", T0);
  f = ts_engine_get_fills (e, &n);
  g_assert_cmpuint (n, ==, 2);
  ts_engine_get_portfolio_stats (e, &stats);
  g_assert_cmpuint (stats.open_positions, ==, 2);
  g_assert_cmpint (stats.position_side, ==, TS_SIDE_NONE);
  g_assert_cmpfloat (stats.position_size, ==, 0.0);

  /* strategy 1 alone: its own stats say one position, at its fill */
  ts_engine_get_strategy_stats (e, 1, &stats);
  g_assert_cmpuint (stats.open_positions, ==, 1);
  g_assert_cmpint (stats.position_side, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (stats.position_entry_price, ==, f[0].price);
}

static void
test_max_positions_total (void)
{
  const char *a[] = { "TEST", NULL };
  const char *b[] = { "OTHER", NULL };
  g_autoptr(TsEngine) e = NULL;
  TsRiskParams r;
  guint n;

  ts_risk_params_init_default (&r);
  r.max_positions_total = 1;
  e = multi_zero_cost (&r);
  ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), a);
  ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), b);
  burst_up (e, "TEST", T0);
  g_assert_cmpuint (n_fills (e), ==, 1);
  /* a signal on OTHER: 1 open >= max_positions_total 1 */
  burst_up (e, "OTHER", T0 + MS (10));
  ts_engine_get_fills (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (last_code (e), ==, "MAX_POSITIONS");
}

static void
test_emergency_stop (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  const TsTrade *t;
  TsLedgerStats s;
  guint n;

  push_burst_up (e, T0);                        /* long 1 at 1001 */
  push_trade (e, T0 + MS (450), 1001.2, 1.0);   /* r = 0.0002: holds */
  g_assert_cmpint (ts_engine_emergency_stop (e), ==,
                   TS_ENGINE_EVENT_FILL | TS_ENGINE_EVENT_TRADE);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "EMERGENCY");
  /* closed at the last trade 1001.2, at its time: pnl 0.2 */
  g_assert_cmpfloat_with_epsilon (t[0].pnl, 0.2, EPS);
  g_assert_cmpint (t[0].exit_time_us, ==, T0 + MS (450));
  g_assert_cmpstr (last_code (e), ==, "EMERGENCY_STOP");
  ts_engine_get_stats (e, &s);
  g_assert_true (s.halted);
  g_assert_cmpint (s.position_side, ==, TS_SIDE_NONE);
  g_assert_cmpfloat_with_epsilon (s.equity, 10000.2, 1e-6);

  /* a new burst (a win: no cooldown): refused */
  push_burst_up (e, T0 + SEC (20));
  g_assert_cmpuint (n_fills (e), ==, 2);
  g_assert_cmpstr (last_code (e), ==, "EMERGENCY_STOP");

  ts_engine_resume (e);
  g_assert_cmpstr (last_code (e), ==, "RESUMED_ALL");
  push_burst_up (e, T0 + SEC (40));
  g_assert_cmpuint (n_fills (e), ==, 3);
}

static void
test_emergency_stop_multi_closes_all (void)
{
  const char *a[] = { "TEST", NULL };
  const char *b[] = { "OTHER", NULL };
  g_autoptr(TsEngine) e = multi_zero_cost (NULL);
  const TsTrade *t;
  TsLedgerStats s;
  guint n;

  ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), a);
  ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), b);
  burst_up (e, "TEST", T0);
  burst_up (e, "OTHER", T0 + MS (10));
  g_assert_cmpuint (n_fills (e), ==, 2);
  ts_engine_emergency_stop (e);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (t[0].reason, ==, "EMERGENCY");
  g_assert_cmpstr (t[1].reason, ==, "EMERGENCY");
  g_assert_cmpuint (t[0].strategy_id, ==, 1);
  g_assert_cmpuint (t[1].strategy_id, ==, 2);
  ts_engine_get_portfolio_stats (e, &s);
  g_assert_true (s.halted);
  g_assert_cmpuint (s.trades, ==, 2);
  /* both closed at 1001 where they opened: equity back to 10,000 */
  g_assert_cmpfloat_with_epsilon (s.equity, 10000.0, 1e-6);
}

static void
test_circuit_breaker_by_hand (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);

  push_trade (e, T0 - SEC (5), 1000.0, 1.0);
  ts_engine_pause_entries (e, 10.0);            /* until T0 + 5 s */
  g_assert_cmpstr (last_code (e), ==, "CIRCUIT_BREAKER");
  push_burst_up (e, T0);                        /* signal at T0 + 0.4 s */
  g_assert_cmpuint (n_fills (e), ==, 0);
  g_assert_cmpstr (last_code (e), ==, "CIRCUIT_BREAKER");
  /* at T0 + 5 s the pause is over (time < until is refused; = passes) */
  push_burst_up (e, T0 + SEC (5) - MS (400));
  g_assert_cmpuint (n_fills (e), ==, 1);
}

static void
test_circuit_breaker_after_losses (void)
{
  g_autoptr(TsEngine) e = NULL;
  TsRiskParams r;
  const TsDecision *d;
  guint n;

  ts_risk_params_init_default (&r);
  r.cooldown_signals = 0;
  r.circuit_breaker_losses = 1;
  r.circuit_breaker_seconds = 60.0;
  e = engine_new_zero_cost (NULL, &r);

  push_burst_up (e, T0);                        /* long at 1001 */
  push_trade (e, T0 + MS (500), 1000.4, 1.0);   /* SL: -0.6, trips the breaker */
  d = ts_engine_get_decisions (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (d[0].code, ==, "CIRCUIT_BREAKER");
  /* signal 5 > 1.5 x 7 / 6 at T0 + 0.6 s: paused until T0 + 60.5 s */
  push_trade (e, T0 + MS (600), 1001.0, 5.0);
  g_assert_cmpstr (last_code (e), ==, "CIRCUIT_BREAKER");
  g_assert_cmpuint (n_fills (e), ==, 2);
  push_burst_up (e, T0 + SEC (61));
  g_assert_cmpuint (n_fills (e), ==, 3);
}

static void
test_leverage_resized (void)
{
  g_autoptr(TsEngine) e = NULL;
  TsMomentumParams m;
  TsRiskParams r;
  const TsFill *f;
  guint n;

  ts_momentum_params_init_default (&m);
  m.position_size = 20.0;     /* 20 x 1001 = 20,020 notional */
  ts_risk_params_init_default (&r);
  r.max_leverage = 1.0;       /* at most 1 x 10,000 */
  e = engine_new_zero_cost (&m, &r);
  push_burst_up (e, T0);
  f = ts_engine_get_fills (e, &n);
  g_assert_cmpuint (n, ==, 1);
  /* resized by 10,000 / 20,020: 20 x 10000 / 20020 = 9.99001 units */
  g_assert_cmpfloat_with_epsilon (f[0].size, 10000.0 / 1001.0, 1e-9);
  g_assert_cmpstr (last_code (e), ==, "LEVERAGE_RESIZED");

  /* just fits: 9.99 x 1001 = 9999.99 <= 10,000: no resize */
  {
    g_autoptr(TsEngine) fits = NULL;

    m.position_size = 9.99;
    fits = engine_new_zero_cost (&m, &r);
    push_burst_up (fits, T0);
    g_assert_cmpfloat (ts_engine_get_fills (fits, NULL)[0].size, ==, 9.99);
    g_assert_cmpuint (n_decisions (fits), ==, 0);
  }
}

static void
test_leverage_multi_counts_open_notional (void)
{
  const char *a[] = { "TEST", NULL };
  const char *b[] = { "OTHER", NULL };
  g_autoptr(TsEngine) e = NULL;
  TsMomentumParams m;
  TsRiskParams r;
  const TsFill *f;
  guint n;

  ts_momentum_params_init_default (&m);
  m.position_size = 6.0;      /* 6 x 1001 = 6006 */
  ts_risk_params_init_default (&r);
  r.max_leverage = 1.0;
  e = multi_zero_cost (&r);
  ts_engine_add_strategy (e, ts_momentum_strategy_new (&m), a);
  ts_engine_add_strategy (e, ts_momentum_strategy_new (&m), b);
  burst_up (e, "TEST", T0);
  burst_up (e, "OTHER", T0 + MS (10));
  f = ts_engine_get_fills (e, &n);
  g_assert_cmpuint (n, ==, 2);
  /* room = 10,000 - 6 x 1001 (open, at the last price 1001) = 3994 */
  g_assert_cmpfloat_with_epsilon (f[1].size, 3994.0 / 1001.0, 1e-9);
  g_assert_cmpstr (last_code (e), ==, "LEVERAGE_RESIZED");
}

static void
drawdown_case (double price,
               gboolean halts)
{
  g_autoptr(TsEngine) e = NULL;
  TsMomentumParams m;
  TsRiskParams r;
  TsLedgerStats s;
  const TsTrade *t;
  guint n;

  ts_momentum_params_init_default (&m);
  m.position_size = 1000.0;
  m.stop_loss = 0.5;          /* let the halt act first */
  ts_risk_params_init_default (&r);
  r.daily_loss_limit_pct = 100.0;
  e = engine_new_zero_cost (&m, &r);

  push_burst_up (e, T0);      /* long 1000 at 1001; peak equity 10,000 */
  push_trade (e, T0 + MS (500), price, 1.0);
  t = ts_engine_get_trades (e, &n);
  ts_engine_get_stats (e, &s);
  if (halts)
    {
      g_assert_cmpuint (n, ==, 1);
      g_assert_cmpstr (t[0].reason, ==, "DRAWDOWN");
      g_assert_cmpstr (ts_engine_get_decisions (e, NULL)[0].code, ==, "DRAWDOWN_HALT");
      g_assert_true (s.halted);
      /* and entries stay halted */
      push_burst_up (e, T0 + SEC (20));
      g_assert_cmpuint (n_fills (e), ==, 2);
      g_assert_cmpstr (last_code (e), ==, "DRAWDOWN_HALT");
    }
  else
    {
      g_assert_cmpuint (n, ==, 0);
      g_assert_false (s.halted);
    }
}

static void
test_drawdown_halt (void)
{
  /* 10000 + 1000 x (999.5 - 1001) = 8500 = 10000 x (1 - 15 %): halts */
  drawdown_case (999.5, TRUE);
  /* 10000 + 1000 x (999.51 - 1001) = 8510 > 8500: does not */
  drawdown_case (999.51, FALSE);
}

static void
test_sizing_modes (void)
{
  TsSizingInput in = { 0 };

  in.equity = 10000.0;
  in.price = 100.0;
  in.stop_distance = 0.01;     /* 1 % = 1 quote unit per base unit */
  in.risk_fraction = 0.02;

  /* fixed fractional: 0.02 x 10000 / (0.01 x 100) = 200 */
  in.mode = TS_SIZING_FIXED_FRACTIONAL;
  g_assert_cmpfloat_with_epsilon (ts_sizing_compute (&in), 200.0, EPS);

  /* fixed units */
  in.mode = TS_SIZING_FIXED_UNITS;
  in.fixed_units = 3.0;
  g_assert_cmpfloat (ts_sizing_compute (&in), ==, 3.0);

  /* Kelly: 12 wins of 20, avg win 2, avg loss 1: f = 0.6 - 0.4 / 2 = 0.4,
   * half 0.2: 0.2 x 10000 / 1 = 2000 */
  in.mode = TS_SIZING_KELLY;
  in.trades = 20;
  in.wins = 12;
  in.gross_profit = 24.0;
  in.gross_loss = 8.0;
  g_assert_cmpfloat_with_epsilon (ts_sizing_kelly_fraction (20, 12, 24.0, 8.0), 0.4, EPS);
  g_assert_cmpfloat_with_epsilon (ts_sizing_compute (&in), 2000.0, 1e-6);
  /* 19 trades: fixed fractional */
  in.trades = 19;
  in.wins = 11;
  g_assert_cmpfloat_with_epsilon (ts_sizing_compute (&in), 200.0, EPS);
  /* no edge: 5 wins of 20, R = 1: f = 0.25 - 0.75 = -0.5: nothing */
  in.trades = 20;
  in.wins = 5;
  in.gross_profit = 5.0;
  in.gross_loss = 15.0;
  g_assert_cmpfloat (ts_sizing_compute (&in), ==, 0.0);

  /* volatility: 200 x 0.001 / 0.002 = 100 */
  in.mode = TS_SIZING_VOLATILITY;
  in.target_vol = 0.001;
  in.current_vol = 0.002;
  g_assert_cmpfloat_with_epsilon (ts_sizing_compute (&in), 100.0, EPS);

  /* leverage cap 1: at most 10000 / 100 = 100 units */
  in.mode = TS_SIZING_FIXED_FRACTIONAL;
  in.max_leverage = 1.0;
  g_assert_cmpfloat_with_epsilon (ts_sizing_compute (&in), 100.0, EPS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/risk-portfolio/max-positions-per-symbol", test_max_positions_per_symbol);
  g_test_add_func ("/core/risk-portfolio/open-positions", test_portfolio_open_positions);
  g_test_add_func ("/core/risk-portfolio/max-positions-total", test_max_positions_total);
  g_test_add_func ("/core/risk-portfolio/emergency-stop", test_emergency_stop);
  g_test_add_func ("/core/risk-portfolio/emergency-stop-multi-closes-all", test_emergency_stop_multi_closes_all);
  g_test_add_func ("/core/risk-portfolio/circuit-breaker-by-hand", test_circuit_breaker_by_hand);
  g_test_add_func ("/core/risk-portfolio/circuit-breaker-after-losses", test_circuit_breaker_after_losses);
  g_test_add_func ("/core/risk-portfolio/leverage-resized", test_leverage_resized);
  g_test_add_func ("/core/risk-portfolio/leverage-multi-counts-open-notional", test_leverage_multi_counts_open_notional);
  g_test_add_func ("/core/risk-portfolio/drawdown-halt", test_drawdown_halt);
  g_test_add_func ("/core/risk-portfolio/sizing-modes", test_sizing_modes);

  return g_test_run ();
}
