/* test-strategies.c: the rules of STRATEGIES.md sections 1, 3, 4 and 5
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-worked sequences through a multi engine with a zero-cost broker,
 * so fill prices and P&L are exact, at and just beside each boundary.
 */
#include <math.h>

#include "core/ts-p2-quantile.h"
#include "core/indicators/ts-adf.h"
#include "core/indicators/ts-maxwell.h"
#include "core/indicators/ts-ols.h"
#include "core/strategies/ts-calculus-strategy.h"
#include "core/strategies/ts-confluence-strategy.h"
#include "core/strategies/ts-maxwell-strategy.h"
#include "core/strategies/ts-pairs-strategy.h"
#include "test-helpers.h"

#define EPS 1e-9

static TsEngine *
engine_with (TsStrategy *strategy)
{
  const char *test[] = { "TEST", "TEST2", NULL };
  TsBrokerParams b;
  TsRiskParams r;
  TsEngine *e;

  ts_broker_params_init_default (&b);
  b.slippage_bps = 0.0;
  b.taker_fee_bps = 0.0;
  ts_risk_params_init_default (&r);
  /* the strategy's rules alone: no cooldown, daily limit or drawdown halt */
  r.cooldown_signals = 0;
  r.daily_loss_limit_pct = 100.0;
  r.max_drawdown_pct = 0.0;
  e = ts_engine_new_multi (&r, &b);
  g_assert_cmpuint (ts_engine_add_strategy (e, strategy, test), ==, 1);
  return e;
}

static TsStrategy *
strategy_of (TsEngine *e)
{
  return ts_engine_get_strategy (e, 1);
}

static void
push_sym (TsEngine   *e,
          const char *symbol,
          gint64      time_us,
          double      price)
{
  push_trade_symbol (e, symbol, time_us, price, 1.0);
}

/* ---- section 1: Maxwell ---- */

static TsEngine *
maxwell_engine (double stop_loss_pct)
{
  TsMaxwellParams p;

  ts_maxwell_params_init_default (&p);
  p.ma_period = 2;
  p.scale = 1.0;
  p.stop_loss_pct = stop_loss_pct;
  return engine_with (ts_maxwell_strategy_new (&p));
}

static void
test_maxwell_cdf_check_values (void)
{
  /* STRATEGIES.md section 1 */
  g_assert_cmpfloat_with_epsilon (ts_maxwell_cdf (1.0, 1.0), 0.19875, 1e-5);
  g_assert_cmpfloat_with_epsilon (ts_maxwell_cdf (0.7644, 1.0), 0.1, 1e-4);
  g_assert_cmpfloat_with_epsilon (ts_maxwell_cdf (1.5382, 1.0), 0.5, 1e-4);
  g_assert_cmpfloat_with_epsilon (ts_maxwell_cdf (2.5003, 1.0), 0.9, 1e-4);
}

static void
test_maxwell_entry_boundary (void)
{
  g_autoptr(TsEngine) miss = maxwell_engine (50.0);
  g_autoptr(TsEngine) hit = maxwell_engine (50.0);
  const TsFill *f;

  /* SMA(2) of 100 and p: x = p - (100 + p) / 2 = (p - 100) / 2.
   * p = 101.54: x = 0.77, F(0.77) = 0.1019 (F(0.7644) = 0.1, slope
   * 0.348 there): not < 0.1 */
  push_trade (miss, T0, 100.0, 1.0);
  push_trade (miss, T0 + MS (100), 101.54, 1.0);
  g_assert_cmpuint (n_fills (miss), ==, 0);
  g_assert_cmpfloat_with_epsilon (ts_strategy_get_overlay_value (strategy_of (miss), "deviation"),
                                  0.77, 1e-9);

  /* p = 101.52: x = 0.76, F = 0.0985 < 0.1: long 10 % of 10,000 / 101.52 */
  push_trade (hit, T0, 100.0, 1.0);
  push_trade (hit, T0 + MS (100), 101.52, 1.0);
  f = ts_engine_get_fills (hit, NULL);
  g_assert_cmpuint (n_fills (hit), ==, 1);
  g_assert_cmpint (f[0].side, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (f[0].price, ==, 101.52);
  g_assert_cmpfloat_with_epsilon (f[0].size, 1000.0 / 101.52, EPS);
}

static void
test_maxwell_exit_boundary (void)
{
  g_autoptr(TsEngine) e = maxwell_engine (50.0);
  const TsTrade *t;

  push_trade (e, T0, 100.0, 1.0);
  push_trade (e, T0 + MS (100), 101.52, 1.0);          /* long at 101.52 */
  /* x = (106.52 - 101.52) / 2 = 2.5: F(2.5) = 0.89993 (F(2.5003) = 0.9,
   * slope 0.219): not > 0.9 */
  push_trade (e, T0 + MS (200), 106.52, 1.0);
  g_assert_cmpuint (n_trades (e), ==, 0);
  /* x = (111.53 - 106.52) / 2 = 2.505: F = 0.90103 > 0.9: EXIT */
  push_trade (e, T0 + MS (300), 111.53, 1.0);
  t = ts_engine_get_trades (e, NULL);
  g_assert_cmpuint (n_trades (e), ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "EXIT");
  /* (111.53 - 101.52) x 1000 / 101.52 */
  g_assert_cmpfloat_with_epsilon (t[0].pnl, 10.01 * 1000.0 / 101.52, 1e-6);
}

static void
test_maxwell_stop_boundary (void)
{
  g_autoptr(TsEngine) e = maxwell_engine (1.0);
  const TsTrade *t;

  push_trade (e, T0, 100.0, 1.0);
  push_trade (e, T0 + MS (100), 101.52, 1.0);          /* long at 101.52 */
  /* stop at 101.52 x 0.99 = 100.5048; 100.51 is above it */
  push_trade (e, T0 + MS (200), 100.51, 1.0);
  g_assert_cmpuint (n_trades (e), ==, 0);
  push_trade (e, T0 + MS (300), 100.50, 1.0);
  t = ts_engine_get_trades (e, NULL);
  g_assert_cmpuint (n_trades (e), ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "SL");
  g_assert_cmpfloat_with_epsilon (t[0].pnl, -1.02 * 1000.0 / 101.52, 1e-6);
}

static void
test_maxwell_fit_scale (void)
{
  TsMaxwellParams p;
  g_autoptr(TsEngine) e = NULL;

  ts_maxwell_params_init_default (&p);
  p.ma_period = 2;
  p.scale_mode = TS_MAXWELL_SCALE_FIT;
  p.buy_threshold = 0.0;   /* observe only */
  e = engine_with (ts_maxwell_strategy_new (&p));
  /* deviations x2 = (104 - 100) / 2 = 2, x3 = (98 - 104) / 2 = -3:
   * a = sqrt((4 + 9) / (3 x 2)) = sqrt(13 / 6) */
  push_trade (e, T0, 100.0, 1.0);
  push_trade (e, T0 + MS (100), 104.0, 1.0);
  push_trade (e, T0 + MS (200), 98.0, 1.0);
  g_assert_cmpfloat_with_epsilon (ts_strategy_get_overlay_value (strategy_of (e), "scale"),
                                  sqrt (13.0 / 6.0), 1e-12);
  g_assert_cmpuint (n_fills (e), ==, 0);
}

/* ---- section 3: calculus ---- */

static void
test_calculus_six_cases (void)
{
  /* v ~ 0 when |v| < 0.1 sd(v) (sd 1 here) */
  g_assert_cmpint (ts_calculus_classify (0.1, 1.0, 1.0, 0.1), ==, TS_CALCULUS_CASE_1);
  g_assert_cmpint (ts_calculus_classify (0.0999, 1.0, 1.0, 0.1), ==, TS_CALCULUS_CASE_5);
  g_assert_cmpint (ts_calculus_classify (0.2, -1.0, 1.0, 0.1), ==, TS_CALCULUS_CASE_2);
  g_assert_cmpint (ts_calculus_classify (-0.2, 1.0, 1.0, 0.1), ==, TS_CALCULUS_CASE_3);
  g_assert_cmpint (ts_calculus_classify (-0.2, -1.0, 1.0, 0.1), ==, TS_CALCULUS_CASE_4);
  g_assert_cmpint (ts_calculus_classify (-0.0999, 1.0, 1.0, 0.1), ==, TS_CALCULUS_CASE_5);
  g_assert_cmpint (ts_calculus_classify (0.05, -1.0, 1.0, 0.1), ==, TS_CALCULUS_CASE_6);
  g_assert_cmpint (ts_calculus_classify (0.2, 0.0, 1.0, 0.1), ==, TS_CALCULUS_CASE_NONE);
}

static TsEngine *
calculus_ema_engine (void)
{
  TsCalculusParams p;

  ts_calculus_params_init_default (&p);
  p.derivative_source = TS_CALCULUS_SOURCE_EMA;
  p.lambda = 1.0;        /* s = p: v = p_t - p_(t-1), a = v_t - v_(t-1) */
  p.snr_window = 2;      /* sd of two v = |a| / sqrt 2 */
  return engine_with (ts_calculus_strategy_new (&p));
}

/* closes c0, c1, c2 in bars of 1 s, then a trade at 3 s at c2 closes bar 2 */
static void
push_closes (TsEngine *e,
             double    c1,
             double    c2)
{
  push_trade (e, T0 + SEC (0), 100.0, 1.0);
  push_trade (e, T0 + SEC (1), c1, 1.0);
  push_trade (e, T0 + SEC (2), c2, 1.0);
  push_trade (e, T0 + SEC (3), c2, 1.0);
}

static void
test_calculus_confidence_boundary (void)
{
  g_autoptr(TsEngine) miss = calculus_ema_engine ();
  g_autoptr(TsEngine) hit = calculus_ema_engine ();
  double stop, sd_ret;
  const TsFill *f;
  const TsTrade *t;

  /* 100, 99.75, 101: v1 = -0.25, v2 = 1.25, a = 1.5, sd(v) = 1.5 / sqrt 2
   * = 1.06066, SNR = 1.1785 >= 0.7 but confidence 0.589 < 0.6: no trade */
  push_closes (miss, 99.75, 101.0);
  g_assert_cmpuint (n_fills (miss), ==, 0);
  g_assert_cmpfloat_with_epsilon (ts_strategy_get_overlay_value (strategy_of (miss), "snr"),
                                  1.25 / (1.5 / M_SQRT2), 1e-9);
  g_assert_cmpfloat (ts_strategy_get_overlay_value (strategy_of (miss), "case"), ==, 1.0);

  /* 100, 99.8, 101: v2 = 1.2, a = 1.4, sd = 0.98995, SNR = 1.2122,
   * confidence 0.606: case 1, BUY at the trade of 3 s (101) */
  push_closes (hit, 99.8, 101.0);
  f = ts_engine_get_fills (hit, NULL);
  g_assert_cmpuint (n_fills (hit), ==, 1);
  g_assert_cmpint (f[0].side, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (f[0].price, ==, 101.0);
  /* stop = max(0.05 %, 2 x sd(returns)): r1 = -0.002, r2 = 101 / 99.8 - 1,
   * sd = |r2 - r1| / sqrt 2 = 0.0099167; 2 % of 10,000 / (0.019833 x 101)
   * = 99.84 units, capped at 1 x equity: 10,000 / 101 */
  sd_ret = fabs ((101.0 / 99.8 - 1.0) - (-0.002)) / M_SQRT2;
  stop = 2.0 * sd_ret;
  g_assert_cmpfloat_with_epsilon (f[0].size, 10000.0 / 101.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_strategy_get_overlay_value (strategy_of (hit), "stop"),
                                  101.0 * (1.0 - stop), 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_strategy_get_overlay_value (strategy_of (hit), "take_profit"),
                                  101.0 * (1.0 + 1.5 * stop), 1e-9);

  /* the stop, 98.9969: a trade at 98.998 (same bar) holds, 98.996 exits */
  push_trade (hit, T0 + SEC (3) + MS (100), 98.998, 1.0);
  g_assert_cmpuint (n_trades (hit), ==, 0);
  push_trade (hit, T0 + SEC (3) + MS (200), 98.996, 1.0);
  t = ts_engine_get_trades (hit, NULL);
  g_assert_cmpuint (n_trades (hit), ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "SL");
}

static void
test_calculus_take_profit (void)
{
  g_autoptr(TsEngine) e = calculus_ema_engine ();
  double tp;

  push_closes (e, 99.8, 101.0);
  tp = ts_strategy_get_overlay_value (strategy_of (e), "take_profit");   /* 104.0046 */
  push_trade (e, T0 + SEC (3) + MS (100), tp - 0.001, 1.0);
  g_assert_cmpuint (n_trades (e), ==, 0);
  push_trade (e, T0 + SEC (3) + MS (200), tp, 1.0);
  g_assert_cmpuint (n_trades (e), ==, 1);
  g_assert_cmpstr (ts_engine_get_trades (e, NULL)[0].reason, ==, "TP");
}

static void
test_calculus_case5_needs_low_thresholds (void)
{
  TsCalculusParams p;
  g_autoptr(TsEngine) e = NULL;

  /* 100, 99.5, 99.52: v1 = -0.5, v2 = 0.02, a = 0.52, sd = 0.52 / sqrt 2
   * = 0.3677: |v2| = 0.02 < 0.1 x 0.3677: v ~ 0, a > 0: case 5, BUY; its
   * SNR 0.054 passes only with thresholds below it */
  ts_calculus_params_init_default (&p);
  p.derivative_source = TS_CALCULUS_SOURCE_EMA;
  p.lambda = 1.0;
  p.snr_window = 2;
  p.snr_threshold = 0.0;
  p.confidence_threshold = 0.0;
  e = engine_with (ts_calculus_strategy_new (&p));
  push_closes (e, 99.5, 99.52);
  g_assert_cmpfloat (ts_strategy_get_overlay_value (strategy_of (e), "case"), ==, 5.0);
  g_assert_cmpuint (n_fills (e), ==, 1);
  g_assert_cmpint (ts_engine_get_fills (e, NULL)[0].side, ==, TS_SIDE_BUY);
}

static void
test_calculus_kalman_quadratic (void)
{
  /* ln p_t = ln 100 + b t + c t^2 / 2 exactly (no noise): the filter's
   * state after bar k is v = b + c k, a = c (STRATEGIES.md section 3:
   * A = [[1, 1, 1/2], [0, 1, 1], [0, 0, 1]] propagates it exactly, and
   * the warm-up fits it exactly through three log prices) */
  const double b = 1e-4, c = 2e-6;
  g_autoptr(TsEngine) e = NULL;
  TsCalculusParams p;
  TsStrategy *s;
  guint k, n_bars = 60;
  double kk, v, a, f;

  ts_calculus_params_init_default (&p);   /* kalman, bars of 1 s */
  e = engine_with (ts_calculus_strategy_new (&p));
  s = strategy_of (e);
  for (k = 0; k <= n_bars; k++)
    push_trade (e, T0 + SEC (k), exp (log (100.0) + b * k + c * k * k / 2.0), 1.0);

  /* bars 0 .. 59 closed; the last is k = 59 */
  kk = n_bars - 1;
  v = ts_strategy_get_overlay_value (s, "velocity");
  a = ts_strategy_get_overlay_value (s, "acceleration");
  f = ts_strategy_get_overlay_value (s, "forecast");
  g_assert_cmpfloat_with_epsilon (v, b + c * kk, 1e-10);
  g_assert_cmpfloat_with_epsilon (a, c, 1e-3 * c);
  /* Taylor forecast 5 bars ahead = the path at k + 5 */
  g_assert_cmpfloat_with_epsilon (f / exp (log (100.0) + b * (kk + 5) + c * (kk + 5) * (kk + 5) / 2.0),
                                  1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_strategy_get_overlay_value (s, "smoothed") /
                                  exp (log (100.0) + b * kk + c * kk * kk / 2.0), 1.0, 1e-12);
}

/* ---- section 4: pairs ---- */

static void
test_ols_adf_independent (void)
{
  const double xb[] = { 1, 2, 3, 4, 5 };
  const double ya[] = { 2, 4, 5, 4, 5 };
  const double e[] = { 1, -0.5, 0.3, -0.2, 0.4, -0.1 };
  g_autoptr(TsAdf) adf = ts_adf_new (16);
  TsOlsFit fit;
  TsAdfResult r;

  /* OLS by hand: mean x 3, mean y 4, Sxy = 6, Sxx = 10: beta 0.6,
   * alpha 4 - 0.6 x 3 = 2.2 */
  g_assert_true (ts_ols_fit_arrays (ya, xb, 5, &fit, NULL));
  g_assert_cmpfloat_with_epsilon (fit.beta, 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (fit.alpha, 2.2, 1e-12);

  /* Dickey-Fuller, constant, lag 0, by hand (checked with a 10-line
   * Python computation of the same OLS): x = e_(t-1) = 1, -0.5, 0.3, -0.2,
   * 0.4; y = diff e = -1.5, 0.8, -0.5, 0.6, -0.5; Sxx = 1.34, Sxy = -2.15:
   * theta = -1.6044776, c = 0.1008955, SSR = 0.0583731,
   * se = sqrt(SSR / 3 / Sxx) = 0.1205018, t = -13.31497; half-life
   * -ln 2 / ln |1 + theta| = 1.3769568 */
  g_assert_true (ts_adf_test (adf, e, 6, &r));
  g_assert_cmpfloat_with_epsilon (r.theta, -2.15 / 1.34, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.intercept, 0.10089552238805971, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.se_theta, 0.12050178497094402, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.t_stat, -13.314969668932106, 1e-9);
  g_assert_cmpfloat_with_epsilon (r.half_life, 1.3769568168603932, 1e-9);
  g_assert_cmpfloat (TS_ADF_EG2_CRITICAL_5, ==, -3.34);
}

/* a deterministic cointegrated pair: B a random walk, A = 10 + 2 B + e,
 * e an AR(1) with rho 0.5, both from a 64-bit LCG (Knuth MMIX) */
static double
lcg_uniform (guint64 *state)
{
  *state = *state * G_GUINT64_CONSTANT (6364136223846793005) + G_GUINT64_CONSTANT (1442695040888963407);
  return (double) (*state >> 11) / 9007199254740992.0 * 2.0 - 1.0;
}

typedef struct
{
  guint stops, exits, entries, checked_bars;
} PairsCounts;

/* runs the pair, checking every bar's action against the rules with the
 * z the strategy shows */
static void
run_pairs_rules (const TsPairsParams *p,
                 guint                n_seconds,
                 PairsCounts         *counts)
{
  g_autoptr(TsEngine) e = engine_with (ts_pairs_strategy_new (p));
  TsStrategy *s = strategy_of (e);
  guint64 rng = 42;
  double b = 100.0, noise = 0.0;
  gboolean blocked = FALSE, open = FALSE;
  guint k, n_before = 0;

  memset (counts, 0, sizeof *counts);
  for (k = 0; k < n_seconds; k++)
    {
      double z_before = ts_strategy_get_overlay_value (s, "z");
      const TsFill *f;
      guint n;

      b += 0.2 * lcg_uniform (&rng);
      noise = 0.5 * noise + 0.6 * lcg_uniform (&rng);
      /* B first: it closes the previous bar (two trades per second) */
      push_sym (e, "TEST2", T0 + SEC (k), b);
      f = ts_engine_get_fills (e, &n);
      {
        double z = ts_strategy_get_overlay_value (s, "z");
        double az = fabs (z);

        if (!isnan (z) && z != z_before)
          {
            counts->checked_bars++;
            if (open)
              {
                /* in this order: STOP, then EXIT */
                if (az >= p->stop_z)
                  {
                    g_assert_cmpuint (n, ==, n_before + 2);
                    g_assert_cmpstr (f[n - 1].reason, ==, "STOP");
                    counts->stops++;
                    blocked = TRUE;
                    open = FALSE;
                  }
                else if (az <= p->exit_z)
                  {
                    g_assert_cmpuint (n, ==, n_before + 2);
                    g_assert_cmpstr (f[n - 1].reason, ==, "EXIT");
                    counts->exits++;
                    open = FALSE;
                  }
                else
                  g_assert_cmpuint (n, ==, n_before);
              }
            else
              {
                gboolean tradable = ts_strategy_get_overlay_value (s, "tradable") == 1.0;

                if (blocked && az < p->entry_z)
                  blocked = FALSE;
                if (!blocked && tradable && az >= p->entry_z && az < p->stop_z)
                  {
                    g_assert_cmpuint (n, ==, n_before + 2);
                    g_assert_true (f[n - 2].opens);
                    /* z > 0: sell A, buy B */
                    g_assert_cmpint (f[n - 2].side, ==, z > 0 ? TS_SIDE_SELL : TS_SIDE_BUY);
                    g_assert_cmpint (f[n - 1].side, ==, z > 0 ? TS_SIDE_BUY : TS_SIDE_SELL);
                    g_assert_cmpfloat_with_epsilon (f[n - 1].size / f[n - 2].size,
                                                    ts_strategy_get_overlay_value (s, "beta"), 1e-9);
                    counts->entries++;
                    open = TRUE;
                  }
                else
                  g_assert_cmpuint (n, ==, n_before);
              }
          }
      }
      n_before = n;
      push_sym (e, "TEST", T0 + SEC (k) + MS (500), 10.0 + 2.0 * b + noise);
    }
}

static void
test_pairs_rules_in_order (void)
{
  TsPairsParams p;
  PairsCounts c;

  ts_pairs_params_init_default (&p);
  p.formation_bars = 100;
  p.recalc_bars = 50;
  p.lookback = 20;
  p.stop_z = 2.0;
  run_pairs_rules (&p, 3000, &c);
  g_test_message ("stops %u, exits %u, entries %u over %u bars", c.stops, c.exits, c.entries,
                  c.checked_bars);
  g_assert_cmpuint (c.stops, >, 0);
  g_assert_cmpuint (c.exits, >, 0);
  g_assert_cmpuint (c.entries, >, c.stops);

  /* exit_z above stop_z: a |z| that meets both must STOP (the first rule) */
  p.exit_z = 5.0;
  p.stop_z = 1.5;
  run_pairs_rules (&p, 3000, &c);
  g_test_message ("stops %u, exits %u, entries %u over %u bars", c.stops, c.exits, c.entries,
                  c.checked_bars);
  g_assert_cmpuint (c.stops, >, 0);
}

static void
test_pairs_pnl_both_legs (void)
{
  TsPairsParams p;
  g_autoptr(TsEngine) e = NULL;
  const TsTrade *t;
  const TsFill *f;
  guint nt, nf, i;

  ts_pairs_params_init_default (&p);
  p.formation_bars = 100;
  p.recalc_bars = 50;
  p.lookback = 20;
  e = engine_with (ts_pairs_strategy_new (&p));
  {
    guint64 rng = 7;
    double b = 100.0, noise = 0.0;

    for (guint k = 0; k < 2000; k++)
      {
        b += 0.2 * lcg_uniform (&rng);
        noise = 0.5 * noise + 0.6 * lcg_uniform (&rng);
        push_sym (e, "TEST2", T0 + SEC (k), b);
        push_sym (e, "TEST", T0 + SEC (k) + MS (500), 10.0 + 2.0 * b + noise);
      }
  }
  t = ts_engine_get_trades (e, &nt);
  f = ts_engine_get_fills (e, &nf);
  g_assert_cmpuint (nt, >, 0);
  /* fills come in pairs: open A, open B, ..., close A, close B */
  for (i = 0; i < nt; i++)
    {
      const TsFill *oa = &f[4 * i], *ob = &f[4 * i + 1], *ca = &f[4 * i + 2], *cb = &f[4 * i + 3];
      double legs = oa->side * oa->size * (ca->price - oa->price) +
                    ob->side * ob->size * (cb->price - ob->price);

      g_assert_cmpstr (t[i].symbol, ==, "TEST/TEST2");
      g_assert_cmpfloat_with_epsilon (t[i].pnl, legs, 1e-9);   /* zero fees */
      g_assert_cmpfloat_with_epsilon (t[i].pnl,
                                      t[i].side * t[i].size * (t[i].exit_price - t[i].entry_price),
                                      1e-9);
    }
}

/* ---- section 5: confluence ---- */

static void
test_p2_quantile (void)
{
  TsP2Quantile q;
  guint64 rng = 1;
  guint i;

  /* the first five are exact: 90th of 1..5 is the value at rank 0.9 x 4 =
   * 3.6 -> 4, i.e. 5 */
  ts_p2_quantile_init (&q, 0.9);
  g_assert_true (isnan (ts_p2_quantile_get (&q)));
  for (i = 1; i <= 5; i++)
    ts_p2_quantile_push (&q, (double) (6 - i));
  g_assert_cmpfloat (ts_p2_quantile_get (&q), ==, 5.0);

  /* 100,000 uniform values in [-1, 1]: the 90th percentile is 0.8 */
  ts_p2_quantile_init (&q, 0.9);
  for (i = 0; i < 100000; i++)
    ts_p2_quantile_push (&q, lcg_uniform (&rng));
  g_assert_cmpfloat_with_epsilon (ts_p2_quantile_get (&q), 0.8, 0.01);
}

/* A path that meets every long condition of section 5 on the bar closed at
 * k = 92 (found by a search over this family of paths, then frozen): 40
 * bars of small zigzags (+0.15, -0.1) from 100, 20 bars up 0.5 each (the
 * up swing), 30 bars down 0.2 x 0.98^i (a slowing pull-back: RSI under 30,
 * the MACD line turning up over its signal), then up 0.52 a bar: the RSI
 * crosses 30 with the histogram > 0 and rising, the close near a 38.2 /
 * 50 / 61.8 % level and the EWMA volatility under its 90th percentile.
 * One trade per 5 s bar; the trade of bar k + 1 closes bar k. Before the
 * trade of @k_extra, @extra (if any) is pushed. Returns after the trade
 * of k = @k_last. */
static double
confluence_path (TsEngine     *e,
                 guint         k_last,
                 const TsTick *extra,
                 guint         k_extra)
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
      if (extra != NULL && k == k_extra)
        ts_engine_push_tick (e, extra);
      push_trade (e, T0 + SEC (5 * k), p, 1.0);
    }
  return p;
}

static TsEngine *
confluence_engine (void)
{
  return engine_with (ts_confluence_strategy_new (NULL));
}

static void
test_confluence_long_entry (void)
{
  g_autoptr(TsEngine) before = confluence_engine ();
  g_autoptr(TsEngine) e = confluence_engine ();
  TsStrategy *s = strategy_of (e);
  double p;

  /* up to bar 91 closed: no signal yet */
  confluence_path (before, 92, NULL, 0);
  g_assert_cmpuint (n_fills (before), ==, 0);

  /* bar 92 closed by the trade of k = 93: long at that trade */
  p = confluence_path (e, 93, NULL, 0);
  g_assert_cmpuint (n_fills (e), ==, 1);
  g_assert_cmpint (ts_engine_get_fills (e, NULL)[0].side, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (ts_engine_get_fills (e, NULL)[0].price, ==, p);
  /* the stop is the up swing's 78.6 % level, the target its high */
  g_assert_cmpfloat (ts_strategy_get_overlay_value (s, "stop"), ==,
                     ts_strategy_get_overlay_value (s, "fib_78.6"));
  g_assert_cmpfloat (ts_strategy_get_overlay_value (s, "take_profit"), ==,
                     ts_strategy_get_overlay_value (s, "swing_high"));
  g_assert_true (ts_strategy_get_overlay_value (s, "rsi") >= 30.0);
  g_assert_cmpfloat (ts_strategy_get_overlay_value (s, "macd_hist"), >, 0.0);
  g_assert_cmpfloat (ts_strategy_get_overlay_value (s, "ewma_vol"), <,
                     ts_strategy_get_overlay_value (s, "vol_limit"));
}

static TsTick
quote_tick (double bid_size,
            double ask_size)
{
  TsTick t;

  memset (&t, 0, sizeof t);
  t.time_us = T0 + SEC (5 * 93) - 1;
  t.flags = TS_TICK_QUOTE;
  /* the bid and ask around the path's last price (the fill uses the ask) */
  t.bid = 100.0;
  t.ask = 100.0;
  t.bid_size = bid_size;
  t.ask_size = ask_size;
  ts_tick_set_symbol (&t, "TEST");
  return t;
}

static void
test_confluence_imbalance_boundary (void)
{
  /* (3 - 2) / (3 + 2) = 0.2 >= 0.2: enters */
  {
    g_autoptr(TsEngine) e = confluence_engine ();
    TsTick q = quote_tick (3.0, 2.0);

    confluence_path (e, 93, &q, 93);
    g_assert_cmpuint (n_fills (e), ==, 1);
  }
  /* (59.5 - 40.5) / 100 = 0.19 < 0.2: does not */
  {
    g_autoptr(TsEngine) e = confluence_engine ();
    TsTick q = quote_tick (59.5, 40.5);

    confluence_path (e, 93, &q, 93);
    g_assert_cmpuint (n_fills (e), ==, 0);
    g_assert_cmpfloat_with_epsilon (ts_strategy_get_overlay_value (strategy_of (e), "imbalance"),
                                    0.19, 1e-12);
  }
}

static TsTick
funding_tick (double rate)
{
  TsTick t;

  memset (&t, 0, sizeof t);
  t.time_us = T0 + SEC (5 * 93) - 1;
  t.flags = TS_TICK_FUNDING;
  t.funding_rate = rate;
  ts_tick_set_symbol (&t, "TEST");
  return t;
}

static void
test_confluence_funding_boundary (void)
{
  /* 0.0001 = 0.01 % <= funding_max 0.01 %: enters */
  {
    g_autoptr(TsEngine) e = confluence_engine ();
    TsTick f = funding_tick (0.0001);

    confluence_path (e, 93, &f, 93);
    g_assert_cmpuint (n_fills (e), ==, 1);
  }
  /* 0.000101 = 0.0101 %: does not */
  {
    g_autoptr(TsEngine) e = confluence_engine ();
    TsTick f = funding_tick (0.000101);

    confluence_path (e, 93, &f, 93);
    g_assert_cmpuint (n_fills (e), ==, 0);
  }
}

static void
test_confluence_exits (void)
{
  g_autoptr(TsEngine) tp = confluence_engine ();
  g_autoptr(TsEngine) sl = confluence_engine ();
  double target, stop;
  const TsTrade *t;

  confluence_path (tp, 93, NULL, 0);
  target = ts_strategy_get_overlay_value (strategy_of (tp), "take_profit");
  /* inside the bar of k = 93: no new bar, only the exits */
  push_trade (tp, T0 + SEC (5 * 93) + MS (100), target - 0.001, 1.0);
  g_assert_cmpuint (n_trades (tp), ==, 0);
  push_trade (tp, T0 + SEC (5 * 93) + MS (200), target, 1.0);
  t = ts_engine_get_trades (tp, NULL);
  g_assert_cmpuint (n_trades (tp), ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "TP");

  /* "beyond the 78.6 % level": the level itself holds, below it stops */
  confluence_path (sl, 93, NULL, 0);
  stop = ts_strategy_get_overlay_value (strategy_of (sl), "stop");
  push_trade (sl, T0 + SEC (5 * 93) + MS (100), stop, 1.0);
  g_assert_cmpuint (n_trades (sl), ==, 0);
  push_trade (sl, T0 + SEC (5 * 93) + MS (200), stop - 0.001, 1.0);
  t = ts_engine_get_trades (sl, NULL);
  g_assert_cmpuint (n_trades (sl), ==, 1);
  g_assert_cmpstr (t[0].reason, ==, "SL");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/maxwell/cdf-check-values", test_maxwell_cdf_check_values);
  g_test_add_func ("/core/maxwell/entry-boundary", test_maxwell_entry_boundary);
  g_test_add_func ("/core/maxwell/exit-boundary", test_maxwell_exit_boundary);
  g_test_add_func ("/core/maxwell/stop-boundary", test_maxwell_stop_boundary);
  g_test_add_func ("/core/maxwell/fit-scale", test_maxwell_fit_scale);
  g_test_add_func ("/core/calculus/six-cases", test_calculus_six_cases);
  g_test_add_func ("/core/calculus/confidence-boundary", test_calculus_confidence_boundary);
  g_test_add_func ("/core/calculus/take-profit", test_calculus_take_profit);
  g_test_add_func ("/core/calculus/case5-needs-low-thresholds", test_calculus_case5_needs_low_thresholds);
  g_test_add_func ("/core/calculus/kalman-quadratic", test_calculus_kalman_quadratic);
  g_test_add_func ("/core/pairs/ols-adf-independent", test_ols_adf_independent);
  g_test_add_func ("/core/pairs/rules-in-order", test_pairs_rules_in_order);
  g_test_add_func ("/core/pairs/pnl-both-legs", test_pairs_pnl_both_legs);
  g_test_add_func ("/core/confluence/p2-quantile", test_p2_quantile);
  g_test_add_func ("/core/confluence/long-entry", test_confluence_long_entry);
  g_test_add_func ("/core/confluence/imbalance-boundary", test_confluence_imbalance_boundary);
  g_test_add_func ("/core/confluence/funding-boundary", test_confluence_funding_boundary);
  g_test_add_func ("/core/confluence/exits", test_confluence_exits);

  return g_test_run ();
}
