/* test-indicators-averages.c: SMA, EMA, rolling stats, RSI, MACD, EWMA vol
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <gsl/gsl_statistics_double.h>

#include "core/indicators/ts-ema.h"
#include "core/indicators/ts-ewma-vol.h"
#include "core/indicators/ts-macd.h"
#include "core/indicators/ts-rolling-stats.h"
#include "core/indicators/ts-rsi.h"
#include "core/indicators/ts-sma.h"

static void
test_sma_by_hand (void)
{
  g_autoptr(TsSma) sma = ts_sma_new (3);

  /* 1, 2: not full; 1 2 3 -> 2; 2 3 4 -> 3; 3 4 10 -> 17/3 */
  g_assert_true (isnan (ts_sma_push (sma, 1.0)));
  g_assert_true (isnan (ts_sma_push (sma, 2.0)));
  g_assert_false (ts_sma_is_ready (sma));
  g_assert_cmpfloat (ts_sma_push (sma, 3.0), ==, 2.0);
  g_assert_true (ts_sma_is_ready (sma));
  g_assert_cmpfloat (ts_sma_push (sma, 4.0), ==, 3.0);
  g_assert_cmpfloat_with_epsilon (ts_sma_push (sma, 10.0), 17.0 / 3.0, 1e-12);
  g_assert_cmpfloat (ts_sma_get_last (sma, 0), ==, 10.0);
  g_assert_cmpfloat (ts_sma_get_last (sma, 2), ==, 3.0);
  g_assert_true (isnan (ts_sma_get_last (sma, 3)));

  ts_sma_reset (sma);
  g_assert_cmpuint (ts_sma_get_count (sma), ==, 0);
  g_assert_true (isnan (ts_sma_get_value (sma)));
}

static void
test_sma_no_drift (void)
{
  g_autoptr(TsSma) sma = ts_sma_new (44);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  double x[44], p = 30000.0;
  guint i;

  /* a long random walk at a large level: the running sum against the exact
   * mean of the same 44 values */
  gsl_rng_set (rng, 7);
  for (i = 0; i < 200000; i++)
    {
      p += gsl_ran_gaussian (rng, 5.0);
      x[i % 44] = p;
      ts_sma_push (sma, p);
      if (i >= 43 && i % 101 == 0)
        g_assert_cmpfloat_with_epsilon (ts_sma_get_value (sma), gsl_stats_mean (x, 1, 44), 1e-9);
    }
  gsl_rng_free (rng);
}

static void
test_ema_sma_seed (void)
{
  g_autoptr(TsEma) ema = ts_ema_new (3);

  /* alpha = 2 / (3 + 1) = 0.5; seed = mean (1, 2, 3) = 2;
   * then 2 + 0.5 (4 - 2) = 3; 3 + 0.5 (10 - 3) = 6.5 */
  g_assert_cmpfloat (ts_ema_get_alpha (ema), ==, 0.5);
  g_assert_true (isnan (ts_ema_push (ema, 1.0)));
  g_assert_true (isnan (ts_ema_push (ema, 2.0)));
  g_assert_cmpfloat (ts_ema_push (ema, 3.0), ==, 2.0);
  g_assert_cmpfloat (ts_ema_push (ema, 4.0), ==, 3.0);
  g_assert_cmpfloat (ts_ema_push (ema, 10.0), ==, 6.5);
}

static void
test_ema_alpha_first_value_seed (void)
{
  g_autoptr(TsEma) ema = ts_ema_new_with_alpha (0.75);

  /* STRATEGIES.md section 3 smoothing, lambda 0.75: s_0 = 10;
   * 0.75 x 14 + 0.25 x 10 = 13; 0.75 x 12 + 0.25 x 13 = 12.25 */
  g_assert_cmpfloat (ts_ema_push (ema, 10.0), ==, 10.0);
  g_assert_cmpfloat (ts_ema_push (ema, 14.0), ==, 13.0);
  g_assert_cmpfloat (ts_ema_push (ema, 12.0), ==, 12.25);
}

static void
test_rolling_stats_by_hand (void)
{
  g_autoptr(TsRollingStats) rs = ts_rolling_stats_new (3);

  /* {2, 4, 6}: mean 4, var (4 + 0 + 4) / 2 = 4;
   * {4, 6, 8}: mean 6, var 4; {6, 8, 1}: mean 5, var (1 + 9 + 16) / 2 = 13 */
  ts_rolling_stats_push (rs, 2.0);
  g_assert_true (isnan (ts_rolling_stats_get_sd (rs)));
  ts_rolling_stats_push (rs, 4.0);
  ts_rolling_stats_push (rs, 6.0);
  g_assert_cmpfloat_with_epsilon (ts_rolling_stats_get_mean (rs), 4.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_rolling_stats_get_sd (rs), 2.0, 1e-12);
  ts_rolling_stats_push (rs, 8.0);
  g_assert_cmpfloat_with_epsilon (ts_rolling_stats_get_mean (rs), 6.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_rolling_stats_get_variance (rs), 4.0, 1e-12);
  ts_rolling_stats_push (rs, 1.0);
  g_assert_cmpfloat_with_epsilon (ts_rolling_stats_get_mean (rs), 5.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_rolling_stats_get_variance (rs), 13.0, 1e-12);
}

static void
test_rolling_stats_matches_gsl (void)
{
  enum { N = 50 };
  g_autoptr(TsRollingStats) rs = ts_rolling_stats_new (N);
  gsl_rng *rng = gsl_rng_alloc (gsl_rng_mt19937);
  double ring[N], win[N], p = 1000.0;
  guint i, k;

  /* a random walk of 100,000 steps; at every step the rolling sd equals
   * gsl_stats_sd() over the same (up to) 50 values, oldest first */
  gsl_rng_set (rng, 42);
  for (i = 0; i < 100000; i++)
    {
      guint n = MIN (i + 1, (guint) N);

      p += gsl_ran_gaussian (rng, 1.0);
      ring[i % N] = p;
      ts_rolling_stats_push (rs, p);
      if (n < 2)
        continue;
      for (k = 0; k < n; k++)
        win[k] = ring[(i + 1 - n + k) % N];
      g_assert_cmpfloat_with_epsilon (ts_rolling_stats_get_sd (rs), gsl_stats_sd (win, 1, n), 1e-9);
      g_assert_cmpfloat_with_epsilon (ts_rolling_stats_get_mean (rs), gsl_stats_mean (win, 1, n), 1e-9);
    }
  gsl_rng_free (rng);
}

/* 15 prices from 100: changes (+1, +1, -1) x 4, +1, +1: 10 gains of 1,
 * 4 losses of 1 */
static void
push_wilder_warmup (TsRsi *rsi)
{
  static const double ch[14] = { 1, 1, -1, 1, 1, -1, 1, 1, -1, 1, 1, -1, 1, 1 };
  double p = 100.0;
  guint i;

  g_assert_true (isnan (ts_rsi_push (rsi, p)));
  for (i = 0; i < 14; i++)
    {
      p += ch[i];
      if (i < 13)
        g_assert_true (isnan (ts_rsi_push (rsi, p)));
      else
        ts_rsi_push (rsi, p);
    }
}

static void
test_rsi_wilder_smoothing (void)
{
  g_autoptr(TsRsi) rsi = ts_rsi_new (14);

  /* Wilder (1978), worked by hand:
   * warm-up: avg gain = 10/14, avg loss = 4/14, RS = 2.5,
   *   RSI = 100 - 100/3.5 = 71.428571...
   * +2 (106 -> 108): avg gain = (10/14 x 13 + 2)/14 = 158/196,
   *   avg loss = (4/14 x 13)/14 = 52/196, RSI = 100 x 158/210 = 75.238095...
   * -3 (108 -> 105): avg gain = (158/196 x 13)/14 = 2054/2744,
   *   avg loss = (52/196 x 13 + 3)/14 = 1264/2744,
   *   RSI = 100 x 2054/3318 = 100 x 13/21 = 61.904761... */
  push_wilder_warmup (rsi);
  g_assert_true (ts_rsi_is_ready (rsi));
  g_assert_cmpfloat_with_epsilon (ts_rsi_get_avg_gain (rsi), 10.0 / 14.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_rsi_get_avg_loss (rsi), 4.0 / 14.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_rsi_get_value (rsi), 100.0 - 100.0 / 3.5, 1e-9);

  g_assert_cmpfloat_with_epsilon (ts_rsi_push (rsi, 108.0), 100.0 * 158.0 / 210.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_rsi_get_avg_gain (rsi), 158.0 / 196.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_rsi_get_avg_loss (rsi), 52.0 / 196.0, 1e-12);

  g_assert_cmpfloat_with_epsilon (ts_rsi_push (rsi, 105.0), 100.0 * 13.0 / 21.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_rsi_get_avg_loss (rsi), 1264.0 / 2744.0, 1e-12);
}

static void
test_rsi_all_up_is_100 (void)
{
  g_autoptr(TsRsi) rsi = ts_rsi_new (14);
  g_autoptr(TsRsi) flat = ts_rsi_new (14);
  guint i;

  /* avg loss = 0: RS infinite, RSI = 100 */
  for (i = 0; i < 40; i++)
    ts_rsi_push (rsi, 100.0 + i);
  g_assert_cmpfloat (ts_rsi_get_value (rsi), ==, 100.0);

  /* no change at all: documented neutral 50 */
  for (i = 0; i < 20; i++)
    ts_rsi_push (flat, 100.0);
  g_assert_cmpfloat (ts_rsi_get_value (flat), ==, 50.0);
}

static void
test_macd_constant_is_zero (void)
{
  g_autoptr(TsMacd) macd = ts_macd_new (12, 26, 9);
  TsMacdValue v;
  guint i;

  for (i = 0; i < 100; i++)
    ts_macd_push (macd, 100.0, &v);
  g_assert_cmpfloat (v.line, ==, 0.0);
  g_assert_cmpfloat (v.signal, ==, 0.0);
  g_assert_cmpfloat (v.histogram, ==, 0.0);
}

static void
test_macd_ramp_closed_form (void)
{
  g_autoptr(TsMacd) macd = ts_macd_new (12, 26, 9);
  const double s = 0.5;
  TsMacdValue v;
  guint i;

  /* p_t = 50 + s t. An EMA(n) seeded with the SMA of its first n values
   * lags a ramp by exactly s (n - 1) / 2 (the SMA of n ramp points lags by
   * that, and it is the fixed point s (1 - alpha) / alpha of the
   * recursion), so line = s (25 - 11) / 2 = 7 s = 3.5 from the 26th price
   * on; the signal (seeded at the 26 + 9 - 1 = 34th) is 3.5, histogram 0. */
  for (i = 0; i < 33; i++)
    g_assert_false (ts_macd_push (macd, 50.0 + s * i, &v));
  g_assert_cmpfloat_with_epsilon (v.line, 7.0 * s, 1e-9);
  g_assert_true (isnan (v.histogram));

  for (i = 33; i < 300; i++)
    {
      g_assert_true (ts_macd_push (macd, 50.0 + s * i, &v));
      g_assert_cmpfloat_with_epsilon (v.line, 7.0 * s, 1e-9);
      g_assert_cmpfloat_with_epsilon (v.signal, 7.0 * s, 1e-9);
      g_assert_cmpfloat_with_epsilon (v.histogram, 0.0, 1e-9);
    }
  g_assert_true (ts_macd_is_ready (macd));
}

static void
test_ewma_vol_two_updates (void)
{
  g_autoptr(TsEwmaVol) vol = ts_ewma_vol_new (0.94);
  double r1 = log (101.0 / 100.0);   /*  0.00995033085 */
  double r2 = log (99.0 / 101.0);    /* -0.02000066671 */
  double r3 = log (100.0 / 99.0);    /*  0.01005033585 */
  double s2;

  /* RiskMetrics (1996), lambda 0.94, seeded with r1^2:
   * sigma2_1 = r1^2 = 9.9009084e-05
   * sigma2_2 = 0.94 x 9.9009084e-05 + 0.06 x 4.0002667e-04 = 1.1707014e-04
   * sigma2_3 = 0.94 x 1.1707014e-04 + 0.06 x 1.0100925e-04 = 1.1610649e-04 */
  g_assert_true (isnan (ts_ewma_vol_push (vol, 100.0)));
  g_assert_false (ts_ewma_vol_is_ready (vol));
  ts_ewma_vol_push (vol, 101.0);
  g_assert_cmpfloat_with_epsilon (ts_ewma_vol_get_variance (vol), r1 * r1, 1e-18);

  ts_ewma_vol_push (vol, 99.0);
  s2 = 0.94 * r1 * r1 + 0.06 * r2 * r2;
  g_assert_cmpfloat_with_epsilon (ts_ewma_vol_get_variance (vol), s2, 1e-18);
  g_assert_cmpfloat_with_epsilon (s2, 1.1707014e-04, 1e-11);

  ts_ewma_vol_push (vol, 100.0);
  s2 = 0.94 * s2 + 0.06 * r3 * r3;
  g_assert_cmpfloat_with_epsilon (ts_ewma_vol_get_variance (vol), s2, 1e-18);
  g_assert_cmpfloat_with_epsilon (ts_ewma_vol_get_sigma (vol), 0.0107752720, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/indicators/sma/by-hand", test_sma_by_hand);
  g_test_add_func ("/core/indicators/sma/no-drift-on-long-walk", test_sma_no_drift);
  g_test_add_func ("/core/indicators/ema/seeded-with-sma", test_ema_sma_seed);
  g_test_add_func ("/core/indicators/ema/alpha-seeded-with-first-value", test_ema_alpha_first_value_seed);
  g_test_add_func ("/core/indicators/rolling-stats/by-hand", test_rolling_stats_by_hand);
  g_test_add_func ("/core/indicators/rolling-stats/matches-gsl-sd", test_rolling_stats_matches_gsl);
  g_test_add_func ("/core/indicators/rsi/wilder-smoothing", test_rsi_wilder_smoothing);
  g_test_add_func ("/core/indicators/rsi/all-up-is-100", test_rsi_all_up_is_100);
  g_test_add_func ("/core/indicators/macd/constant-is-zero", test_macd_constant_is_zero);
  g_test_add_func ("/core/indicators/macd/ramp-closed-form", test_macd_ramp_closed_form);
  g_test_add_func ("/core/indicators/ewma-vol/two-updates-by-hand", test_ewma_vol_two_updates);

  return g_test_run ();
}
