/* test-risk.c: cooldown and daily loss limit (STRATEGIES.md section 2, "Risk")
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "core/ts-risk-manager.h"
#include "test-helpers.h"

#define EPS 1e-9

static void
test_cooldown_skips_two_signals (void)
{
  g_autoptr(TsEngine) e = engine_new_zero_cost (NULL, NULL);
  const TsDecision *d;
  const TsTrade *t;
  const TsFill *f;
  guint n;

  push_burst_up (e, T0);                       /* long at 1001 */
  /* (1000.4 - 1001) / 1001 = -0.000599: SL, a loss of 0.6 */
  push_trade (e, T0 + MS (500), 1000.4, 1.0);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "SL");
  g_assert_cmpfloat_with_epsilon (t[0].pnl, -0.6, EPS);

  /* signal 1: m = 0.001, range 0.001, 5 > 1.5 x 7 / 6 */
  g_assert_cmpint (push_trade (e, T0 + MS (600), 1001.0, 5.0), ==, TS_ENGINE_EVENT_REFUSED);
  /* no signal: 0.5 < 1.5 x 12 / 7; it does not use the cooldown */
  g_assert_cmpint (push_trade (e, T0 + MS (650), 1001.0, 0.5), ==, TS_ENGINE_EVENT_NONE);
  /* signal 2: 10 > 1.5 x 12.5 / 8 */
  g_assert_cmpint (push_trade (e, T0 + MS (700), 1001.0, 10.0), ==, TS_ENGINE_EVENT_REFUSED);
  g_assert_cmpuint (n_fills (e), ==, 2);
  /* signal 3: 30 > 1.5 x 22.5 / 9 opens */
  g_assert_cmpint (push_trade (e, T0 + MS (800), 1001.0, 30.0), ==, TS_ENGINE_EVENT_FILL);

  d = ts_engine_get_decisions (e, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (d[0].code, ==, "COOLDOWN");
  g_assert_cmpint (d[0].time_us, ==, T0 + MS (600));
  g_assert_cmpint (d[0].side, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (d[0].price, ==, 1001.0);
  g_assert_cmpstr (d[1].code, ==, "COOLDOWN");
  g_assert_cmpint (d[1].time_us, ==, T0 + MS (700));

  f = ts_engine_get_fills (e, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (f[2].opens);
  g_assert_cmpint (f[2].time_us, ==, T0 + MS (800));
}

static void
test_daily_loss_closes_and_halts (void)
{
  g_autoptr(TsEngine) e = NULL;
  TsMomentumParams p;
  const TsDecision *d;
  const TsTrade *t;
  TsLedgerStats s;
  guint n;
  gint64 midnight = G_GINT64_CONSTANT (1723161600000000); /* 2024-08-09T00:00:00Z */

  g_assert_cmpint (T0 + SEC (10), ==, midnight);

  ts_momentum_params_init_default (&p);
  p.position_size = 1000.0;
  p.stop_loss = 0.5; /* let the daily limit act first */
  e = engine_new_zero_cost (&p, NULL);

  push_burst_up (e, T0);                       /* long 1000 at 1001 */
  /* equity 10000 + 1000 x (1000.4 - 1001) = 9400 <= 10000 - 5 % = 9500 */
  g_assert_cmpint (push_trade (e, T0 + SEC (1), 1000.4, 1.0), ==,
                   TS_ENGINE_EVENT_FILL | TS_ENGINE_EVENT_TRADE);
  t = ts_engine_get_trades (e, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "DAILY");
  g_assert_cmpfloat (t[0].exit_price, ==, 1000.4);
  g_assert_cmpfloat_with_epsilon (t[0].pnl, -600.0, 1e-6);
  ts_engine_get_stats (e, &s);
  g_assert_true (s.halted);
  g_assert_cmpfloat_with_epsilon (s.equity, 9400.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (s.daily_pnl, -600.0, 1e-6);

  /* a signal (50 > 1.5 x 7 / 6) the same day: HALTED */
  g_assert_cmpint (push_trade (e, T0 + SEC (2), 1001.0, 50.0), ==, TS_ENGINE_EVENT_REFUSED);
  g_assert_cmpuint (n_fills (e), ==, 2);

  /* the next UTC day lifts the halt; the equity at 00:00 is 9400 and the
   * loss still owes its cooldown (HALTED signals did not use it) */
  g_assert_cmpint (push_trade (e, midnight + MS (500), 1001.0, 200.0), ==, TS_ENGINE_EVENT_REFUSED);

  d = ts_engine_get_decisions (e, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpstr (d[0].code, ==, "DAILY");
  g_assert_cmpint (d[0].time_us, ==, T0 + SEC (1));
  g_assert_cmpstr (d[1].code, ==, "HALTED");
  g_assert_cmpint (d[1].side, ==, TS_SIDE_BUY);
  g_assert_cmpstr (d[2].code, ==, "RESUMED");
  g_assert_cmpint (d[2].time_us, ==, midnight + MS (500));
  g_assert_cmpstr (d[3].code, ==, "COOLDOWN");

  ts_engine_get_stats (e, &s);
  g_assert_false (s.halted);
  g_assert_cmpfloat_with_epsilon (s.daily_pnl, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s.equity, 9400.0, 1e-6);
}

static void
test_risk_manager_rules (void)
{
  g_autoptr(TsRiskManager) r = NULL;
  TsRiskParams p;

  ts_risk_params_init_default (&p);
  g_assert_cmpuint (p.max_positions_per_symbol, ==, 5);
  g_assert_cmpfloat (p.daily_loss_limit_pct, ==, 5.0);
  g_assert_cmpuint (p.cooldown_signals, ==, 2);
  r = ts_risk_manager_new (&p);

  g_assert_false (ts_risk_manager_roll_day (r, T0, 10000.0));
  /* 4 open on the symbol leaves room for a fifth; 5 is the limit */
  g_assert_null (ts_risk_manager_approve_entry (r, 0));
  g_assert_null (ts_risk_manager_approve_entry (r, 4));
  g_assert_cmpstr (ts_risk_manager_approve_entry (r, 5), ==, "MAX_POSITIONS");

  /* a zero P&L is not a win: cooldown */
  ts_risk_manager_record_trade (r, 0.0);
  g_assert_cmpuint (ts_risk_manager_get_cooldown_remaining (r), ==, 2);
  ts_risk_manager_record_trade (r, 0.01);
  g_assert_cmpuint (ts_risk_manager_get_cooldown_remaining (r), ==, 2);

  /* 9500.01 is above the limit, 9500 is on it */
  g_assert_false (ts_risk_manager_check_daily_loss (r, 9500.01));
  g_assert_true (ts_risk_manager_check_daily_loss (r, 9500.0));
  g_assert_false (ts_risk_manager_check_daily_loss (r, 9000.0)); /* already halted */
  g_assert_cmpstr (ts_risk_manager_approve_entry (r, 0), ==, "HALTED");
  g_assert_cmpuint (ts_risk_manager_get_cooldown_remaining (r), ==, 2);

  /* same day: still halted; next day: resumed with a new start equity */
  g_assert_false (ts_risk_manager_roll_day (r, T0 + SEC (9), 9500.0));
  g_assert_true (ts_risk_manager_roll_day (r, T0 + SEC (10), 9500.0));
  g_assert_false (ts_risk_manager_is_halted (r));
  g_assert_cmpfloat (ts_risk_manager_get_day_start_equity (r), ==, 9500.0);
  g_assert_cmpstr (ts_risk_manager_approve_entry (r, 0), ==, "COOLDOWN");
  g_assert_cmpstr (ts_risk_manager_approve_entry (r, 0), ==, "COOLDOWN");
  g_assert_null (ts_risk_manager_approve_entry (r, 0));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/risk/cooldown-skips-two-signals", test_cooldown_skips_two_signals);
  g_test_add_func ("/core/risk/daily-loss-closes-and-halts-until-next-day", test_daily_loss_closes_and_halts);
  g_test_add_func ("/core/risk/manager-rules", test_risk_manager_rules);

  return g_test_run ();
}
