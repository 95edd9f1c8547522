/* test-engine-restore.c: an open position and the closed trades put back
 * into a fresh engine after a restart
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each strategy runs in engine A until it holds a position; engine B, made
 * with the same parameters, gets A's trades (ts_engine_restore_history()),
 * its entry fills and ts_engine_dup_position_state(); then both take the
 * same ticks, and the exit that comes from a price or time rule must be
 * the same in both, and so must the ledgers. The broker charges a fee (1
 * bp) and no slippage, so fills are the trade prices.
 */
#include <math.h>

#include "core/strategies/ts-calculus-strategy.h"
#include "core/strategies/ts-confluence-strategy.h"
#include "core/strategies/ts-maxwell-strategy.h"
#include "core/strategies/ts-pairs-strategy.h"
#include "test-helpers.h"

/* 2024-08-09T00:59:50Z */
#define T1 (T0 + SEC (3600))

static void
broker_with_fee (TsBrokerParams *b)
{
  ts_broker_params_init_default (b);
  b->slippage_bps = 0.0;
  b->taker_fee_bps = 1.0;
}

static void
push_sym (TsEngine   *e,
          const char *symbol,
          gint64      time_us,
          double      price)
{
  push_trade_symbol (e, symbol, time_us, price, 1.0);
}

/* the same trade to both engines */
static void
push_both (TsEngine   *a,
           TsEngine   *b,
           const char *symbol,
           gint64      time_us,
           double      price)
{
  push_sym (a, symbol, time_us, price);
  push_sym (b, symbol, time_us, price);
}

static TsSide
position_of (TsEngine *e,
             guint     id)
{
  TsLedgerStats st;

  g_assert_true (ts_engine_get_strategy_stats (e, id, &st));
  return st.position_side;
}

/* B := A's history and open position (its last @n_legs fills) */
static void
restore_from (TsEngine *b,
              TsEngine *a,
              guint     id,
              guint     n_legs)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *state = ts_engine_dup_position_state (a, id);
  const TsTrade *trades;
  const TsFill *fills;
  guint nt, nf;

  trades = ts_engine_get_trades (a, &nt);
  fills = ts_engine_get_fills (a, &nf);
  g_assert_cmpuint (nf, >=, n_legs);
  g_assert_true (ts_engine_restore_history (b, trades, nt, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_legs; i++)
    {
      const TsFill *f = &fills[nf - n_legs + i];

      g_assert_true (f->opens);
      g_assert_cmpuint (f->strategy_id, ==, id);
      g_assert_true (ts_engine_restore_position (b, f, i + 1 == n_legs ? state : NULL, &error));
      g_assert_no_error (error);
    }
  /* B shows what A holds, its trades, and writes the same state */
  {
    g_autofree char *state_b = ts_engine_dup_position_state (b, id);
    TsLedgerStats sa, sb;

    g_assert_cmpstr (state_b, ==, state);
    g_assert_true (ts_engine_get_strategy_stats (a, id, &sa));
    g_assert_true (ts_engine_get_strategy_stats (b, id, &sb));
    g_assert_cmpint (sb.position_side, ==, sa.position_side);
    g_assert_cmpfloat (sb.position_size, ==, sa.position_size);
    g_assert_cmpfloat (sb.position_entry_price, ==, sa.position_entry_price);
    g_assert_cmpint (sb.position_entry_time_us, ==, sa.position_entry_time_us);
    g_assert_cmpuint (sb.trades, ==, sa.trades);
    g_assert_cmpuint (sb.wins, ==, sa.wins);
    g_assert_cmpfloat_with_epsilon (sb.realized_pnl, sa.realized_pnl, 1e-9);
    g_assert_cmpuint (n_trades (b), ==, nt);
    g_assert_cmpuint (n_fills (b), ==, 0);   /* no fill: the broker was not used */
  }
}

/* the last trade of both is the same exit; the ledgers agree */
static const TsTrade *
assert_same_exit (TsEngine *a,
                  TsEngine *b,
                  guint     id)
{
  const TsTrade *ta, *tb;
  guint na, nb;
  TsLedgerStats sa, sb;

  ta = ts_engine_get_trades (a, &na);
  tb = ts_engine_get_trades (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  g_assert_cmpuint (na, >, 0);
  ta += na - 1;
  tb += nb - 1;
  g_assert_cmpint (tb->entry_time_us, ==, ta->entry_time_us);
  g_assert_cmpint (tb->exit_time_us, ==, ta->exit_time_us);
  g_assert_cmpint (tb->side, ==, ta->side);
  g_assert_cmpfloat (tb->size, ==, ta->size);
  g_assert_cmpfloat (tb->entry_price, ==, ta->entry_price);
  g_assert_cmpfloat (tb->exit_price, ==, ta->exit_price);
  g_assert_cmpfloat (tb->fees, ==, ta->fees);
  g_assert_cmpfloat (tb->pnl, ==, ta->pnl);
  g_assert_cmpstr (tb->reason, ==, ta->reason);
  g_assert_cmpstr (tb->symbol, ==, ta->symbol);
  g_assert_cmpuint (tb->strategy_id, ==, ta->strategy_id);

  g_assert_true (ts_engine_get_strategy_stats (a, id, &sa));
  g_assert_true (ts_engine_get_strategy_stats (b, id, &sb));
  g_assert_cmpint (sb.position_side, ==, TS_SIDE_NONE);
  g_assert_cmpint (sa.position_side, ==, TS_SIDE_NONE);
  g_assert_cmpuint (sb.trades, ==, sa.trades);
  g_assert_cmpuint (sb.wins, ==, sa.wins);
  g_assert_cmpuint (sb.consecutive_losses, ==, sa.consecutive_losses);
  /* sums of the same numbers in another order: equal to rounding */
  g_assert_cmpfloat_with_epsilon (sb.realized_pnl, sa.realized_pnl, 1e-9);
  g_assert_cmpfloat_with_epsilon (sb.equity, sa.equity, 1e-9);
  g_assert_cmpfloat_with_epsilon (sb.fees, sa.fees, 1e-9);
  return ta;
}

/* ---- momentum, the engine of ts_engine_new() ---- */

static TsEngine *
momentum_engine (guint flat_candles)
{
  TsMomentumParams m;
  TsRiskParams r;
  TsBrokerParams b;

  ts_momentum_params_init_default (&m);
  m.flat_candles = flat_candles;
  ts_risk_params_init_default (&r);   /* cooldown 2 signals after a loss */
  broker_with_fee (&b);
  return ts_engine_new (&m, &r, &b);
}

static void
test_momentum_time_exit (void)
{
  g_autoptr(TsEngine) a = momentum_engine (0);
  g_autoptr(TsEngine) b = momentum_engine (0);
  const TsTrade *t;
  guint nd;

  /* long at 1001 (T1 + 0.4 s), SL at 1000.4 <= 1001 x (1 - 0.0005): a loss */
  push_burst_up (a, T1);
  push_trade (a, T1 + SEC (1), 1000.4, 1.0);
  /* the next two signals are skipped (cooldown 2), the third enters, and
   * 1003 >= 1001 x 1.0015 takes profit */
  push_burst_up (a, T1 + SEC (20));
  push_burst_up (a, T1 + SEC (40));
  push_burst_up (a, T1 + SEC (60));
  push_trade (a, T1 + SEC (61), 1003.0, 1.0);
  /* long again at T1 + 80.4 s: the restart comes now */
  push_burst_up (a, T1 + SEC (80));
  g_assert_cmpuint (n_trades (a), ==, 2);
  g_assert_cmpint (position_of (a, 0), ==, TS_SIDE_BUY);
  t = ts_engine_get_trades (a, NULL);
  g_assert_cmpstr (t[0].reason, ==, "SL");
  g_assert_cmpstr (t[1].reason, ==, "TP");
  /* the single engine's fills and trades are strategy 0's */
  g_assert_cmpuint (t[0].strategy_id, ==, 0);
  g_assert_cmpuint (ts_engine_get_fills (a, NULL)[0].strategy_id, ==, 0);
  g_assert_null (ts_engine_dup_position_state (a, 0));

  restore_from (b, a, 0, 1);
  g_assert_cmpstr (ts_engine_get_symbol (b), ==, "TEST");

  /* 1001.5 is inside SL and TP; TIME at entry + 8 s = T1 + 88.4 s */
  for (guint k = 81; k <= 88; k++)
    push_both (a, b, "TEST", T1 + SEC (k), 1001.5);
  g_assert_cmpuint (n_trades (a), ==, 2);
  g_assert_cmpuint (n_trades (b), ==, 2);
  push_both (a, b, "TEST", T1 + SEC (89), 1001.5);
  t = assert_same_exit (a, b, 0);
  g_assert_cmpstr (t->reason, ==, "TIME");
  g_assert_cmpint (t->exit_time_us, ==, T1 + SEC (89));
  g_assert_cmpfloat (t->exit_price, ==, 1001.5);
  /* 0.5 - fees 1 bp of 1001 and of 1001.5: a win */
  g_assert_cmpfloat_with_epsilon (t->pnl, 0.5 - (1001.0 + 1001.5) * 1e-4, 1e-9);

  /* the history's loss set a cooldown, but the restored entry came after
   * it was spent; the win set none: a new signal enters at once */
  ts_engine_get_decisions (b, &nd);
  g_assert_cmpuint (nd, ==, 0);
  push_burst_up (b, T1 + SEC (120));
  g_assert_cmpuint (n_fills (b), ==, 2);
}

static void
test_momentum_cooldown_after_history (void)
{
  g_autoptr(TsEngine) a = momentum_engine (0);
  g_autoptr(TsEngine) b = momentum_engine (0);
  g_autoptr(GError) error = NULL;
  const TsDecision *d;
  guint nd;

  /* one loss */
  push_burst_up (a, T1);
  push_trade (a, T1 + SEC (1), 1000.4, 1.0);
  g_assert_cmpuint (n_trades (a), ==, 1);
  g_assert_true (ts_engine_restore_history (b, ts_engine_get_trades (a, NULL), 1, &error));
  g_assert_no_error (error);

  /* B skips the next two signals as A does */
  push_burst_up (b, T1 + SEC (20));
  push_burst_up (b, T1 + SEC (40));
  d = ts_engine_get_decisions (b, &nd);
  g_assert_cmpuint (nd, ==, 2);
  g_assert_cmpstr (d[0].code, ==, "COOLDOWN");
  g_assert_cmpstr (d[1].code, ==, "COOLDOWN");
  g_assert_cmpuint (n_fills (b), ==, 0);
  push_burst_up (b, T1 + SEC (60));
  g_assert_cmpuint (n_fills (b), ==, 1);
}

/* FLAT counts the one-second candles from the first tick after the
 * restart, not the seconds the app was down */
static void
test_momentum_flat_restarts (void)
{
  g_autoptr(TsEngine) b = momentum_engine (2);
  g_autoptr(GError) error = NULL;
  TsMomentumParams m;
  TsFill f = { 0 };

  ts_momentum_params_init_default (&m);
  m.time_stop_seconds = 3600.0;
  ts_engine_set_params (b, &m, NULL, NULL);
  f.time_us = T1;
  f.side = TS_SIDE_BUY;
  f.price = 1001.0;
  f.size = 1.0;
  f.fee = 0.1001;
  f.opens = TRUE;
  g_strlcpy (f.symbol, "TEST", sizeof f.symbol);
  g_assert_true (ts_engine_restore_position (b, &f, NULL, &error));
  g_assert_no_error (error);

  /* 100 s later: the candle of this second is the first one */
  push_trade (b, T1 + SEC (100), 1001.2, 1.0);
  g_assert_cmpuint (n_trades (b), ==, 0);
  /* two flat candles completed (100 and 101) at 102: FLAT */
  push_trade (b, T1 + SEC (101), 1001.2, 1.0);
  g_assert_cmpuint (n_trades (b), ==, 0);
  push_trade (b, T1 + SEC (102), 1001.2, 1.0);
  g_assert_cmpuint (n_trades (b), ==, 1);
  g_assert_cmpstr (ts_engine_get_trades (b, NULL)[0].reason, ==, "FLAT");
}

/* the daily loss baseline is the equity at the start of the last exit's
 * UTC day, from the trades closed before it */
static void
test_daily_baseline (void)
{
  TsMomentumParams m;
  TsRiskParams r;
  TsBrokerParams bp;
  g_autoptr(TsEngine) b = NULL;
  g_autoptr(GError) error = NULL;
  TsTrade trades[2];
  TsLedgerStats st;
  TsFill f = { 0 };

  ts_risk_params_init_default (&r);
  r.daily_loss_limit_pct = 1.0;
  r.max_drawdown_pct = 0.0;
  broker_with_fee (&bp);
  bp.taker_fee_bps = 0.0;
  /* only the daily limit closes */
  ts_momentum_params_init_default (&m);
  m.stop_loss = 0.5;
  m.time_stop_seconds = 3600.0;
  b = ts_engine_new (&m, &r, &bp);

  memset (trades, 0, sizeof trades);
  /* yesterday (before T0 + 10 s = midnight): -500; today: -80 */
  trades[0].entry_time_us = T0 - SEC (60);
  trades[0].exit_time_us = T0;
  trades[1].entry_time_us = T1 - SEC (60);
  trades[1].exit_time_us = T1 - SEC (30);
  for (guint i = 0; i < 2; i++)
    {
      trades[i].side = TS_SIDE_BUY;
      trades[i].size = 1.0;
      trades[i].entry_price = 1000.0;
      trades[i].reason = i == 0 ? "SL" : "TIME";
      g_strlcpy (trades[i].symbol, "TEST", sizeof trades[i].symbol);
    }
  trades[0].exit_price = 500.0;
  trades[0].pnl = -500.0;
  trades[1].exit_price = 920.0;
  trades[1].pnl = -80.0;
  g_assert_true (ts_engine_restore_history (b, trades, 2, &error));
  g_assert_no_error (error);

  f.time_us = T1 - SEC (20);
  f.side = TS_SIDE_BUY;
  f.price = 1000.0;
  f.size = 1.0;
  f.opens = TRUE;
  g_strlcpy (f.symbol, "TEST", sizeof f.symbol);
  g_assert_true (ts_engine_restore_position (b, &f, NULL, &error));
  g_assert_no_error (error);

  /* baseline 10,000 - 500 = 9,500, limit 1 % of it = 95: at 990 the day
   * is -80 - 10 = -90 > -95, open; at 985 it is -95: closed "DAILY" */
  push_trade (b, T1, 990.0, 1.0);
  ts_engine_get_stats (b, &st);
  g_assert_cmpfloat_with_epsilon (st.daily_pnl, -90.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (st.equity, 9410.0, 1e-9);
  g_assert_cmpuint (n_trades (b), ==, 2);
  push_trade (b, T1 + SEC (1), 985.0, 1.0);
  g_assert_cmpuint (n_trades (b), ==, 3);
  g_assert_cmpstr (ts_engine_get_trades (b, NULL)[2].reason, ==, "DAILY");
  ts_engine_get_stats (b, &st);
  g_assert_true (st.halted);
  g_assert_cmpuint (st.trades, ==, 3);
  g_assert_cmpuint (st.wins, ==, 0);
  g_assert_cmpfloat_with_epsilon (st.realized_pnl, -595.0, 1e-9);
  /* the peak is the initial capital; the drawdown 595 / 10,000 */
  g_assert_cmpfloat (st.peak_equity, ==, 10000.0);
  g_assert_cmpfloat_with_epsilon (st.max_drawdown, 0.0595, 1e-12);
}

/* ---- the multi engine ---- */

static TsEngine *
multi_with (TsStrategy *strategy)
{
  const char *symbols[] = { "TEST", "TEST2", NULL };
  TsBrokerParams b;
  TsRiskParams r;
  TsEngine *e;

  broker_with_fee (&b);
  ts_risk_params_init_default (&r);
  r.cooldown_signals = 0;
  r.daily_loss_limit_pct = 100.0;
  r.max_drawdown_pct = 0.0;
  e = ts_engine_new_multi (&r, &b);
  g_assert_cmpuint (ts_engine_add_strategy (e, strategy, symbols), ==, 1);
  return e;
}

static TsEngine *
maxwell_engine (void)
{
  TsMaxwellParams p;

  ts_maxwell_params_init_default (&p);
  p.ma_period = 2;
  p.scale = 1.0;
  p.stop_loss_pct = 1.0;
  return multi_with (ts_maxwell_strategy_new (&p));
}

static void
test_maxwell_stop (void)
{
  g_autoptr(TsEngine) a = maxwell_engine ();
  g_autoptr(TsEngine) b = maxwell_engine ();
  static const double before[] = { 100.0, 104.0, 103.5, 110.0, 109.0 };
  static const double after[] = { 108.5, 108.2, 108.0 };
  const TsTrade *t;
  guint k;

  /* 104: x = 2, F(2; 1) = 0.74: nothing; 103.5 < SMA 103.75: F = 0, long;
   * 110: x = 3.25, F = 0.98 > 0.9: EXIT (a win); 109 < SMA 109.5: long */
  for (k = 0; k < G_N_ELEMENTS (before); k++)
    push_sym (a, "TEST", T1 + SEC (k), before[k]);
  g_assert_cmpuint (n_trades (a), ==, 1);
  g_assert_cmpstr (ts_engine_get_trades (a, NULL)[0].reason, ==, "EXIT");
  g_assert_cmpfloat (ts_engine_get_trades (a, NULL)[0].entry_price, ==, 103.5);
  g_assert_cmpint (position_of (a, 1), ==, TS_SIDE_BUY);
  /* its stop is measured from the entry fill: no state */
  g_assert_null (ts_engine_dup_position_state (a, 1));

  restore_from (b, a, 1, 1);
  /* falling prices: F = 0, no EXIT; the stop 109 x 0.99 = 107.91 */
  for (k = 0; k < G_N_ELEMENTS (after); k++)
    push_both (a, b, "TEST", T1 + SEC (10 + k), after[k]);
  g_assert_cmpuint (n_trades (b), ==, 1);
  push_both (a, b, "TEST", T1 + SEC (20), 107.9);
  t = assert_same_exit (a, b, 1);
  g_assert_cmpstr (t->reason, ==, "SL");
  g_assert_cmpfloat (t->exit_price, ==, 107.9);
  g_assert_cmpfloat (t->entry_price, ==, 109.0);
  g_assert_cmpint (t->exit_time_us, ==, T1 + SEC (20));
}

/* A source whose clock restarted behind the last run (an accelerated mock
 * server restarted): its older ticks are stale for the restored position,
 * so the stop does not fire on them and no exit precedes its entry. */
static void
test_clock_behind_entry (void)
{
  g_autoptr(TsEngine) a = maxwell_engine ();
  g_autoptr(TsEngine) b = maxwell_engine ();
  static const double before[] = { 100.0, 104.0, 103.5, 110.0, 109.0 };
  guint k;

  for (k = 0; k < G_N_ELEMENTS (before); k++)
    push_sym (a, "TEST", T1 + SEC (k), before[k]);
  g_assert_cmpint (position_of (a, 1), ==, TS_SIDE_BUY);
  restore_from (b, a, 1, 1);

  /* the entry was at T1 + 4 s; 100 (below the stop 107.91) at T1 + 2 s,
   * and at T1 + 3 s, exactly 1 s (the skew allowed) before the entry:
   * the first is dropped, the second taken at the entry's time */
  push_sym (b, "TEST", T1 + SEC (2), 100.0);
  g_assert_cmpuint (ts_engine_get_stale_count (b), ==, 1);
  g_assert_cmpuint (n_trades (b), ==, 1);
  g_assert_cmpint (position_of (b, 1), ==, TS_SIDE_BUY);
  push_sym (b, "TEST", T1 + SEC (3), 100.0);
  g_assert_cmpuint (ts_engine_get_stale_count (b), ==, 1);
  g_assert_cmpuint (n_trades (b), ==, 2);
  g_assert_cmpstr (ts_engine_get_trades (b, NULL)[1].reason, ==, "SL");
  g_assert_cmpint (ts_engine_get_trades (b, NULL)[1].exit_time_us, ==, T1 + SEC (4));
}

static TsEngine *
calculus_engine (void)
{
  TsCalculusParams p;

  ts_calculus_params_init_default (&p);
  p.derivative_source = TS_CALCULUS_SOURCE_EMA;
  p.lambda = 1.0;
  p.snr_window = 2;
  return multi_with (ts_calculus_strategy_new (&p));
}

/* closes 100, 99.8, 101 in bars of 1 s: BUY at the trade of 3 s (101),
 * stop 101 x (1 - 2 sd of the returns) (see test-strategies) */
static void
calculus_entry (TsEngine *e)
{
  push_sym (e, "TEST", T0 + SEC (0), 100.0);
  push_sym (e, "TEST", T0 + SEC (1), 99.8);
  push_sym (e, "TEST", T0 + SEC (2), 101.0);
  push_sym (e, "TEST", T0 + SEC (3), 101.0);
}

static void
test_calculus_levels (gconstpointer data)
{
  gboolean take_profit = GPOINTER_TO_INT (data);
  g_autoptr(TsEngine) a = calculus_engine ();
  g_autoptr(TsEngine) b = calculus_engine ();
  g_autofree char *state = NULL;
  double sd_ret = fabs ((101.0 / 99.8 - 1.0) - (-0.002)) / M_SQRT2;
  double stop = 101.0 * (1.0 - 2.0 * sd_ret);
  double tp = 101.0 * (1.0 + 1.5 * 2.0 * sd_ret);
  char *end = NULL;
  const TsTrade *t;

  calculus_entry (a);
  g_assert_cmpint (position_of (a, 1), ==, TS_SIDE_BUY);
  state = ts_engine_dup_position_state (a, 1);
  /* "stop=...;tp=..." with the exact doubles */
  g_assert_nonnull (state);
  g_assert_true (g_str_has_prefix (state, "stop="));
  g_assert_cmpfloat (g_ascii_strtod (state + 5, &end), ==,
                     ts_strategy_get_overlay_value (ts_engine_get_strategy (a, 1), "stop"));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (state + 5, NULL), stop, 1e-9);
  g_assert_true (g_str_has_prefix (end, ";tp="));
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (end + 4, NULL), tp, 1e-9);

  restore_from (b, a, 1, 1);
  g_assert_cmpfloat (ts_strategy_get_overlay_value (ts_engine_get_strategy (b, 1), "stop"), ==,
                     ts_strategy_get_overlay_value (ts_engine_get_strategy (a, 1), "stop"));
  g_assert_cmpfloat (ts_strategy_get_overlay_value (ts_engine_get_strategy (b, 1), "take_profit"), ==,
                     ts_strategy_get_overlay_value (ts_engine_get_strategy (a, 1), "take_profit"));

  /* inside the bar of 3 s (no bar closes: only the levels act) */
  push_both (a, b, "TEST", T0 + SEC (3) + MS (100), 100.0);
  g_assert_cmpuint (n_trades (a), ==, 0);
  g_assert_cmpuint (n_trades (b), ==, 0);
  if (take_profit)
    {
      push_both (a, b, "TEST", T0 + SEC (3) + MS (200), tp + 1e-6);
      t = assert_same_exit (a, b, 1);
      g_assert_cmpstr (t->reason, ==, "TP");
    }
  else
    {
      push_both (a, b, "TEST", T0 + SEC (3) + MS (200), stop - 1e-6);
      t = assert_same_exit (a, b, 1);
      g_assert_cmpstr (t->reason, ==, "SL");
    }
  g_assert_cmpint (t->exit_time_us, ==, T0 + SEC (3) + MS (200));
}

/* see test-strategies.c: bar 92 (of 5 s) closes with a long signal */
static double
confluence_path (TsEngine *e,
                 guint     k_last)
{
  double p = 100.0;

  for (guint k = 0; k <= k_last; k++)
    {
      if (k < 40)
        p += (k % 2 ? 0.15 : -0.1);
      else if (k < 60)
        p += 0.5;
      else if (k < 90)
        p -= 0.2 * pow (0.98, k - 60);
      else
        p += 0.52;
      push_sym (e, "TEST", T0 + SEC (5 * k), p);
    }
  return p;
}

static void
test_confluence_levels (gconstpointer data)
{
  gboolean take_profit = GPOINTER_TO_INT (data);
  g_autoptr(TsEngine) a = multi_with (ts_confluence_strategy_new (NULL));
  g_autoptr(TsEngine) b = multi_with (ts_confluence_strategy_new (NULL));
  TsStrategy *sa = ts_engine_get_strategy (a, 1);
  double stop, tp;
  const TsTrade *t;

  confluence_path (a, 93);
  g_assert_cmpint (position_of (a, 1), ==, TS_SIDE_BUY);
  stop = ts_strategy_get_overlay_value (sa, "stop");
  tp = ts_strategy_get_overlay_value (sa, "take_profit");
  g_assert_cmpfloat (stop, ==, ts_strategy_get_overlay_value (sa, "fib_78.6"));

  restore_from (b, a, 1, 1);
  /* B has no swing (no bars): its levels come from the state */
  g_assert_true (isnan (ts_strategy_get_overlay_value (ts_engine_get_strategy (b, 1), "fib_78.6")));
  g_assert_cmpfloat (ts_strategy_get_overlay_value (ts_engine_get_strategy (b, 1), "stop"), ==, stop);
  g_assert_cmpfloat (ts_strategy_get_overlay_value (ts_engine_get_strategy (b, 1), "take_profit"), ==, tp);

  /* inside the bar of k = 93: the level itself holds the stop */
  push_both (a, b, "TEST", T0 + SEC (5 * 93) + MS (100), stop);
  g_assert_cmpuint (n_trades (b), ==, 0);
  push_both (a, b, "TEST", T0 + SEC (5 * 93) + MS (200), take_profit ? tp : stop - 0.001);
  t = assert_same_exit (a, b, 1);
  g_assert_cmpstr (t->reason, ==, take_profit ? "TP" : "SL");
  g_assert_cmpfloat (t->exit_price, ==, take_profit ? tp : stop - 0.001);
}

/* ---- pairs ---- */

static double
lcg_uniform (guint64 *state)
{
  *state = *state * G_GUINT64_CONSTANT (6364136223846793005) + G_GUINT64_CONSTANT (1442695040888963407);
  return (double) (*state >> 11) / 9007199254740992.0 * 2.0 - 1.0;
}

static TsEngine *
pairs_engine (void)
{
  TsPairsParams p;

  ts_pairs_params_init_default (&p);
  p.formation_bars = 100;
  p.recalc_bars = 50;
  p.lookback = 20;
  p.stop_z = 4.0;
  return multi_with (ts_pairs_strategy_new (&p));
}

static void
test_pairs_stop_with_restored_beta (void)
{
  g_autoptr(TsEngine) a = pairs_engine ();
  g_autoptr(TsEngine) b = pairs_engine ();
  g_autofree char *state = NULL;
  guint64 rng = 42;
  double bp = 100.0, noise = 0.0, entry_beta, beta_b;
  const TsTrade *t;
  guint k, k_restart;
  char *end = NULL;

  /* the cointegrated pair of test-strategies (A = 10 + 2 B + AR(1) noise,
   * B first in each second so that it closes the previous bar) until A
   * has closed a trade and holds a new position */
  for (k = 0; k < 3000; k++)
    {
      bp += 0.2 * lcg_uniform (&rng);
      noise = 0.5 * noise + 0.6 * lcg_uniform (&rng);
      push_sym (a, "TEST2", T1 + SEC (k), bp);
      push_sym (a, "TEST", T1 + SEC (k) + MS (500), 10.0 + 2.0 * bp + noise);
      if (n_trades (a) > 0 && position_of (a, 1) != TS_SIDE_NONE)
        break;
    }
  g_assert_cmpuint (k, <, 3000);
  k_restart = k;
  state = ts_engine_dup_position_state (a, 1);
  g_assert_nonnull (state);
  g_assert_true (g_str_has_prefix (state, "beta="));
  entry_beta = g_ascii_strtod (state + 5, &end);
  g_assert_true (g_str_has_prefix (end, ";alpha="));
  {
    const TsFill *f = ts_engine_get_fills (a, NULL) + n_fills (a) - 2;

    /* the legs' sizes are q and beta q */
    g_assert_cmpfloat_with_epsilon (f[1].size / f[0].size, entry_beta, 1e-12);
  }

  restore_from (b, a, 1, 2);

  /* then B goes on and the residual alternates +/-2: |z| stays between
   * exit_z and stop_z while B fills its 20 bars; then a jump of 40 */
  for (k = k_restart + 1; k < k_restart + 40; k++)
    {
      double resid = (k % 2 ? 2.0 : -2.0);

      bp += 0.2 * lcg_uniform (&rng);
      push_both (a, b, "TEST2", T1 + SEC (k), bp);
      push_both (a, b, "TEST", T1 + SEC (k) + MS (500), 10.0 + 2.0 * bp + resid);
      g_assert_cmpint (position_of (a, 1), !=, TS_SIDE_NONE);
      g_assert_cmpint (position_of (b, 1), !=, TS_SIDE_NONE);
    }
  /* B's z is A's: the same 20 bars and the same entry beta */
  g_assert_cmpfloat_with_epsilon (ts_strategy_get_overlay_value (ts_engine_get_strategy (b, 1), "z"),
                                  ts_strategy_get_overlay_value (ts_engine_get_strategy (a, 1), "z"),
                                  1e-9);
  beta_b = ts_strategy_get_overlay_value (ts_engine_get_strategy (b, 1), "beta");
  g_assert_cmpfloat (beta_b, ==, entry_beta);

  bp += 0.2 * lcg_uniform (&rng);
  push_both (a, b, "TEST2", T1 + SEC (k), bp);
  push_both (a, b, "TEST", T1 + SEC (k) + MS (500), 10.0 + 2.0 * bp + 40.0);
  push_both (a, b, "TEST2", T1 + SEC (k + 1), bp);
  t = assert_same_exit (a, b, 1);
  g_assert_cmpstr (t->reason, ==, "STOP");
  g_assert_cmpstr (t->symbol, ==, "TEST/TEST2");
  g_assert_cmpint (t->exit_time_us, ==, T1 + SEC (k + 1));
  /* the trade's spread prices use the entry beta (size B / size A) */
  {
    const TsFill *f = ts_engine_get_fills (b, NULL);

    g_assert_cmpuint (n_fills (b), ==, 2);
    g_assert_cmpfloat_with_epsilon (t->exit_price, f[0].price - entry_beta * f[1].price, 1e-9);
  }
}

/* ---- errors ---- */

static void
entry_fill (TsFill     *f,
            guint       id,
            const char *symbol,
            TsSide      side)
{
  memset (f, 0, sizeof *f);
  f->time_us = T1;
  f->side = side;
  f->price = 100.0;
  f->size = 1.0;
  f->fee = 0.01;
  f->opens = TRUE;
  f->strategy_id = id;
  g_strlcpy (f->symbol, symbol, sizeof f->symbol);
}

/* nothing changed: no position, no trade, the same ledger */
static void
assert_unchanged (TsEngine            *e,
                  guint                id,
                  const TsLedgerStats *before,
                  guint                n_trades_before)
{
  TsLedgerStats now;

  g_assert_true (ts_engine_get_strategy_stats (e, id, &now));
  g_assert_cmpmem (&now, sizeof now, before, sizeof *before);
  g_assert_cmpuint (n_trades (e), ==, n_trades_before);
  g_assert_cmpuint (n_fills (e), ==, 0);
}

#define EXPECT_ERROR(call, code) G_STMT_START {           \
    g_autoptr(GError) err_ = NULL;                       \
    GError **error = &err_;                              \
    g_assert_false (call);                               \
    g_assert_error (err_, TS_ENGINE_ERROR, code);        \
    g_assert_nonnull (err_->message);                    \
    g_test_message ("%s", err_->message);                \
  } G_STMT_END

static void
test_errors_single (void)
{
  g_autoptr(TsEngine) e = momentum_engine (0);
  TsLedgerStats before;
  TsTrade trade;
  TsFill f;

  ts_engine_set_symbol (e, "TEST");
  ts_engine_get_stats (e, &before);

  entry_fill (&f, 0, "OTHER", TS_SIDE_BUY);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, NULL, error), TS_ENGINE_ERROR_BAD_SYMBOL);
  entry_fill (&f, 1, "TEST", TS_SIDE_BUY);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, NULL, error), TS_ENGINE_ERROR_NO_STRATEGY);
  entry_fill (&f, 0, "TEST", TS_SIDE_BUY);
  f.size = 0.0;
  EXPECT_ERROR (ts_engine_restore_position (e, &f, NULL, error), TS_ENGINE_ERROR_BAD_FILL);
  entry_fill (&f, 0, "TEST", TS_SIDE_BUY);
  f.price = NAN;
  EXPECT_ERROR (ts_engine_restore_position (e, &f, NULL, error), TS_ENGINE_ERROR_BAD_FILL);
  entry_fill (&f, 0, "TEST", TS_SIDE_BUY);
  f.opens = FALSE;
  EXPECT_ERROR (ts_engine_restore_position (e, &f, NULL, error), TS_ENGINE_ERROR_BAD_FILL);
  entry_fill (&f, 0, "TEST", TS_SIDE_BUY);
  f.fee = -1.0;
  EXPECT_ERROR (ts_engine_restore_position (e, &f, NULL, error), TS_ENGINE_ERROR_BAD_FILL);
  entry_fill (&f, 0, "TEST", TS_SIDE_BUY);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=1", error), TS_ENGINE_ERROR_BAD_STATE);

  memset (&trade, 0, sizeof trade);
  trade.entry_time_us = T1 - SEC (10);
  trade.exit_time_us = T1 - SEC (5);
  trade.side = TS_SIDE_BUY;
  trade.size = 1.0;
  trade.entry_price = 100.0;
  trade.exit_price = 99.0;
  trade.pnl = -1.0;
  trade.strategy_id = 2;
  EXPECT_ERROR (ts_engine_restore_history (e, &trade, 1, error), TS_ENGINE_ERROR_NO_STRATEGY);
  trade.strategy_id = 0;
  trade.pnl = NAN;
  EXPECT_ERROR (ts_engine_restore_history (e, &trade, 1, error), TS_ENGINE_ERROR_BAD_FILL);
  assert_unchanged (e, 0, &before, 0);

  /* a good one, then a second position: not flat */
  g_assert_true (ts_engine_restore_position (e, &f, NULL, NULL));
  ts_engine_get_stats (e, &before);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, NULL, error), TS_ENGINE_ERROR_NOT_FLAT);
  /* history after a position: too late */
  trade.pnl = -1.0;
  EXPECT_ERROR (ts_engine_restore_history (e, &trade, 1, error), TS_ENGINE_ERROR_TOO_LATE);
  assert_unchanged (e, 0, &before, 0);

  /* after a tick: too late for both */
  push_trade (e, T1 + SEC (1), 100.0, 1.0);
  ts_engine_get_stats (e, &before);
  EXPECT_ERROR (ts_engine_restore_history (e, &trade, 1, error), TS_ENGINE_ERROR_TOO_LATE);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, NULL, error), TS_ENGINE_ERROR_TOO_LATE);
  assert_unchanged (e, 0, &before, 0);
}

static void
test_errors_multi (void)
{
  g_autoptr(TsEngine) e = NULL;
  g_autoptr(TsEngine) p = pairs_engine ();
  TsCalculusParams cp;
  TsLedgerStats before;
  TsTrade trades[2];
  TsFill f;

  ts_calculus_params_init_default (&cp);
  e = multi_with (ts_calculus_strategy_new (&cp));
  ts_engine_get_strategy_stats (e, 1, &before);

  entry_fill (&f, 1, "TEST2", TS_SIDE_BUY);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99;tp=102", error),
                TS_ENGINE_ERROR_BAD_SYMBOL);
  entry_fill (&f, 0, "TEST", TS_SIDE_BUY);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99;tp=102", error),
                TS_ENGINE_ERROR_NO_STRATEGY);
  entry_fill (&f, 7, "TEST", TS_SIDE_BUY);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99;tp=102", error),
                TS_ENGINE_ERROR_NO_STRATEGY);
  entry_fill (&f, 1, "TEST", TS_SIDE_BUY);
  f.size = 0.0;
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99;tp=102", error),
                TS_ENGINE_ERROR_BAD_FILL);
  entry_fill (&f, 1, "TEST", TS_SIDE_BUY);
  f.price = NAN;
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99;tp=102", error),
                TS_ENGINE_ERROR_BAD_FILL);

  /* the calculus strategy needs its levels, in its own words */
  entry_fill (&f, 1, "TEST", TS_SIDE_BUY);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, NULL, error), TS_ENGINE_ERROR_BAD_STATE);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "", error), TS_ENGINE_ERROR_BAD_STATE);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "garbage", error), TS_ENGINE_ERROR_BAD_STATE);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=abc;tp=102", error),
                TS_ENGINE_ERROR_BAD_STATE);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99", error), TS_ENGINE_ERROR_BAD_STATE);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99;tp=102;beta=2", error),
                TS_ENGINE_ERROR_BAD_STATE);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99;stop=98", error),
                TS_ENGINE_ERROR_BAD_STATE);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=nan;tp=102", error),
                TS_ENGINE_ERROR_BAD_STATE);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=-1;tp=102", error),
                TS_ENGINE_ERROR_BAD_STATE);

  /* trades of a strategy the engine does not have: none is taken */
  memset (trades, 0, sizeof trades);
  for (guint i = 0; i < 2; i++)
    {
      trades[i].entry_time_us = T1 - SEC (100 - 10 * i);
      trades[i].exit_time_us = T1 - SEC (95 - 10 * i);
      trades[i].side = TS_SIDE_BUY;
      trades[i].size = 1.0;
      trades[i].entry_price = 100.0;
      trades[i].exit_price = 101.0;
      trades[i].pnl = 1.0;
      trades[i].strategy_id = 1;
    }
  trades[1].strategy_id = 3;
  EXPECT_ERROR (ts_engine_restore_history (e, trades, 2, error), TS_ENGINE_ERROR_NO_STRATEGY);
  /* not in exit order */
  trades[1].strategy_id = 1;
  trades[1].exit_time_us = trades[0].exit_time_us - 1;
  trades[1].entry_time_us = trades[1].exit_time_us - 1;
  EXPECT_ERROR (ts_engine_restore_history (e, trades, 2, error), TS_ENGINE_ERROR_BAD_FILL);
  assert_unchanged (e, 1, &before, 0);

  /* then the good position; a second one: not flat */
  g_assert_true (ts_engine_restore_position (e, &f, "stop=99;tp=102", NULL));
  {
    g_autofree char *state = ts_engine_dup_position_state (e, 1);

    g_assert_cmpstr (state, ==, "stop=99;tp=102");
  }
  ts_engine_get_strategy_stats (e, 1, &before);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99;tp=102", error),
                TS_ENGINE_ERROR_NOT_FLAT);
  assert_unchanged (e, 1, &before, 0);
  push_sym (e, "TEST", T1 + SEC (1), 100.0);
  EXPECT_ERROR (ts_engine_restore_position (e, &f, "stop=99;tp=102", error),
                TS_ENGINE_ERROR_TOO_LATE);
  EXPECT_ERROR (ts_engine_restore_history (e, trades, 1, error), TS_ENGINE_ERROR_TOO_LATE);

  /* pairs: leg A first, the state with leg B, B on the other side */
  ts_engine_get_strategy_stats (p, 1, &before);
  entry_fill (&f, 1, "TEST2", TS_SIDE_BUY);
  EXPECT_ERROR (ts_engine_restore_position (p, &f, "beta=2;alpha=10", error),
                TS_ENGINE_ERROR_BAD_FILL);
  entry_fill (&f, 1, "TEST", TS_SIDE_SELL);
  EXPECT_ERROR (ts_engine_restore_position (p, &f, "beta=2;alpha=10", error),
                TS_ENGINE_ERROR_BAD_STATE);
  assert_unchanged (p, 1, &before, 0);
  g_assert_true (ts_engine_restore_position (p, &f, NULL, NULL));
  entry_fill (&f, 1, "TEST2", TS_SIDE_SELL);
  EXPECT_ERROR (ts_engine_restore_position (p, &f, "beta=2;alpha=10", error),
                TS_ENGINE_ERROR_BAD_FILL);
  entry_fill (&f, 1, "TEST2", TS_SIDE_BUY);
  f.size = 2.0;
  EXPECT_ERROR (ts_engine_restore_position (p, &f, "beta=0;alpha=10", error),
                TS_ENGINE_ERROR_BAD_STATE);
  EXPECT_ERROR (ts_engine_restore_position (p, &f, NULL, error), TS_ENGINE_ERROR_BAD_STATE);
  g_assert_true (ts_engine_restore_position (p, &f, "beta=2;alpha=10", NULL));
  EXPECT_ERROR (ts_engine_restore_position (p, &f, "beta=2;alpha=10", error),
                TS_ENGINE_ERROR_NOT_FLAT);
  {
    TsLedgerStats st;
    g_autofree char *state = ts_engine_dup_position_state (p, 1);

    g_assert_cmpstr (state, ==, "beta=2;alpha=10");
    ts_engine_get_strategy_stats (p, 1, &st);
    g_assert_cmpint (st.position_side, ==, TS_SIDE_SELL);
    /* the two entry fees */
    g_assert_cmpfloat_with_epsilon (st.realized_pnl, -0.02, 1e-12);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/engine-restore/momentum/time-exit", test_momentum_time_exit);
  g_test_add_func ("/core/engine-restore/momentum/cooldown-after-history",
                   test_momentum_cooldown_after_history);
  g_test_add_func ("/core/engine-restore/momentum/flat-candles-restart",
                   test_momentum_flat_restarts);
  g_test_add_func ("/core/engine-restore/daily-baseline", test_daily_baseline);
  g_test_add_func ("/core/engine-restore/maxwell/stop", test_maxwell_stop);
  g_test_add_func ("/core/engine-restore/clock-behind-entry", test_clock_behind_entry);
  g_test_add_data_func ("/core/engine-restore/calculus/stop", GINT_TO_POINTER (FALSE),
                        test_calculus_levels);
  g_test_add_data_func ("/core/engine-restore/calculus/take-profit", GINT_TO_POINTER (TRUE),
                        test_calculus_levels);
  g_test_add_data_func ("/core/engine-restore/confluence/stop", GINT_TO_POINTER (FALSE),
                        test_confluence_levels);
  g_test_add_data_func ("/core/engine-restore/confluence/take-profit", GINT_TO_POINTER (TRUE),
                        test_confluence_levels);
  g_test_add_func ("/core/engine-restore/pairs/stop-with-restored-beta",
                   test_pairs_stop_with_restored_beta);
  g_test_add_func ("/core/engine-restore/errors/single", test_errors_single);
  g_test_add_func ("/core/engine-restore/errors/multi", test_errors_multi);
  return g_test_run ();
}
