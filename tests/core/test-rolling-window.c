/* test-rolling-window.c: the time-based trade window
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "core/ts-rolling-window.h"

#define S(x) ((gint64) ((x) * 1000000.0 + 0.5))

static void
test_expiry_by_time (void)
{
  g_autoptr(TsRollingWindow) w = ts_rolling_window_new (1.0);
  TsRollingWindowSummary s;

  ts_rolling_window_push (w, S (0.0), 10.0, 1.0);
  ts_rolling_window_push (w, S (0.5), 11.0, 2.0);
  g_assert_cmpuint (ts_rolling_window_get_count (w), ==, 2);

  /* now = 1.0 s: keeps time > 0.0, so the trade at 0.0 leaves */
  ts_rolling_window_push (w, S (1.0), 12.0, 3.0);
  ts_rolling_window_get_summary (w, &s);
  g_assert_cmpuint (s.count, ==, 2);
  g_assert_cmpfloat (s.first_price, ==, 11.0);
  g_assert_cmpfloat (s.last_price, ==, 12.0);
  g_assert_cmpfloat (s.last_size, ==, 3.0);
  g_assert_cmpfloat (s.sum_size, ==, 5.0);

  /* 1.4999 s: 0.5 stays (0.5 > 0.4999) */
  ts_rolling_window_expire (w, S (1.4999));
  g_assert_cmpuint (ts_rolling_window_get_count (w), ==, 2);
  ts_rolling_window_expire (w, S (1.5));
  g_assert_cmpuint (ts_rolling_window_get_count (w), ==, 1);
  g_assert_cmpfloat (ts_rolling_window_get_first_price (w), ==, 12.0);

  /* empty: the running sum restarts at exactly 0 */
  ts_rolling_window_expire (w, S (5.0));
  g_assert_cmpuint (ts_rolling_window_get_count (w), ==, 0);
  g_assert_cmpfloat (ts_rolling_window_get_sum_size (w), ==, 0.0);
  g_assert_cmpfloat (ts_rolling_window_get_max_price (w), ==, 0.0);
}

static void
test_max_min_across_expiry (void)
{
  g_autoptr(TsRollingWindow) w = ts_rolling_window_new (1.0);

  ts_rolling_window_push (w, S (0.0), 10.0, 1.0);
  ts_rolling_window_push (w, S (0.2), 15.0, 1.0);
  ts_rolling_window_push (w, S (0.4), 5.0, 1.0);
  ts_rolling_window_push (w, S (0.6), 8.0, 1.0);
  g_assert_cmpfloat (ts_rolling_window_get_max_price (w), ==, 15.0);
  g_assert_cmpfloat (ts_rolling_window_get_min_price (w), ==, 5.0);

  /* 1.25 s drops 0.0 and 0.2 (the max 15): {5, 8, 9} */
  ts_rolling_window_push (w, S (1.25), 9.0, 1.0);
  g_assert_cmpuint (ts_rolling_window_get_count (w), ==, 3);
  g_assert_cmpfloat (ts_rolling_window_get_max_price (w), ==, 9.0);
  g_assert_cmpfloat (ts_rolling_window_get_min_price (w), ==, 5.0);

  /* 1.45 s drops 0.4 (the min 5): {8, 9, 7} */
  ts_rolling_window_push (w, S (1.45), 7.0, 1.0);
  g_assert_cmpfloat (ts_rolling_window_get_max_price (w), ==, 9.0);
  g_assert_cmpfloat (ts_rolling_window_get_min_price (w), ==, 7.0);
  g_assert_cmpfloat (ts_rolling_window_get_first_price (w), ==, 8.0);
}

static void
test_mean_of_others (void)
{
  g_autoptr(TsRollingWindow) w = ts_rolling_window_new (15.0);

  g_assert_true (isnan (ts_rolling_window_get_mean_size_others (w)));
  ts_rolling_window_push (w, S (0.0), 100.0, 1.0);
  g_assert_true (isnan (ts_rolling_window_get_mean_size_others (w)));
  ts_rolling_window_push (w, S (1.0), 100.0, 2.0);
  ts_rolling_window_push (w, S (2.0), 100.0, 3.0);
  ts_rolling_window_push (w, S (3.0), 100.0, 10.0);
  /* (1 + 2 + 3) / 3 = 2, the last (10) excluded */
  g_assert_cmpfloat (ts_rolling_window_get_mean_size_others (w), ==, 2.0);
  /* at 16.5 s, times <= 1.5 s leave: others {3, 10}, last 0.5 */
  ts_rolling_window_push (w, S (16.5), 100.0, 0.5);
  g_assert_cmpuint (ts_rolling_window_get_count (w), ==, 3);
  g_assert_cmpfloat (ts_rolling_window_get_mean_size_others (w), ==, 6.5);
}

/* many trades: the ring doubles, and max, min, sum agree with a scan */
static void
test_growth_matches_scan (void)
{
  g_autoptr(TsRollingWindow) w = ts_rolling_window_new (2.0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  enum { N = 5000 };
  gint64 *times = g_new (gint64, N);
  double *prices = g_new (double, N);
  double *sizes = g_new (double, N);
  gint64 t = 0;
  guint i;

  for (i = 0; i < N; i++)
    {
      guint j;
      guint count = 0;
      double max = -INFINITY, min = INFINITY, sum = 0.0;
      TsRollingWindowSummary s;

      /* bursts of trades 1 µs apart, and quiet gaps */
      t += (i % 1000) < 600 ? 1 : g_rand_int_range (rand, 1, 20000);
      times[i] = t;
      prices[i] = g_rand_double_range (rand, 90.0, 110.0);
      sizes[i] = g_rand_double_range (rand, 0.001, 3.0);
      ts_rolling_window_push (w, t, prices[i], sizes[i]);

      for (j = 0; j <= i; j++)
        if (times[j] > t - 2000000)
          {
            count++;
            max = MAX (max, prices[j]);
            min = MIN (min, prices[j]);
            sum += sizes[j];
          }
      ts_rolling_window_get_summary (w, &s);
      g_assert_cmpuint (s.count, ==, count);
      g_assert_cmpfloat (s.max_price, ==, max);
      g_assert_cmpfloat (s.min_price, ==, min);
      g_assert_cmpfloat_with_epsilon (s.sum_size, sum, 1e-9);
    }
  g_assert_cmpuint (ts_rolling_window_get_capacity (w), >=, 600);

  g_free (times);
  g_free (prices);
  g_free (sizes);
}

/* The extremes are a two-stack queue (ts-rolling-window-private.h): check
 * them against a scan on random trades with a fixed seed, with prices on
 * a coarse grid (many ties), trades in bursts and gaps longer than the
 * window (the window empties), expiries without a push, a window length
 * changed on the way, and a clear. */
static void
test_extremes_match_scan (void)
{
  g_autoptr(TsRollingWindow) w = ts_rolling_window_new (1.0);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240808);
  enum { N = 20000 };
  gint64 *times = g_new (gint64, N);
  double *prices = g_new (double, N);
  gint64 window_us = 1000000;
  gint64 now = 0;
  guint first = 0;  /* oldest trade pushed since the last clear */
  guint n = 0;
  guint i;

  for (i = 0; i < N; i++)
    {
      guint j, count = 0;
      double max = 0.0, min = 0.0;
      gint32 kind = g_rand_int_range (rand, 0, 100);

      if (i == N / 2)
        {
          ts_rolling_window_clear (w);
          first = n;
        }
      if (i == N / 4 || i == 3 * N / 4)
        {
          /* shorter, then longer again: takes effect at the next push */
          window_us = i == N / 4 ? 300000 : 2000000;
          ts_rolling_window_set_window_seconds (w, window_us / 1e6);
        }

      if (kind < 50)
        now += 0;                                  /* same µs: a burst */
      else if (kind < 97)
        now += g_rand_int_range (rand, 1, 50000);
      else
        now += g_rand_int_range (rand, 1000000, 3000000); /* may empty it */

      if (kind % 10 == 9)
        {
          /* an expiry without a trade */
          ts_rolling_window_expire (w, now);
        }
      else
        {
          times[n] = now;
          prices[n] = 100.0 + 0.5 * g_rand_int_range (rand, -8, 9);
          ts_rolling_window_push (w, now, prices[n], 1.0);
          n++;
        }

      for (j = first; j < n; j++)
        if (times[j] > now - window_us)
          {
            max = count == 0 ? prices[j] : MAX (max, prices[j]);
            min = count == 0 ? prices[j] : MIN (min, prices[j]);
            count++;
          }
      g_assert_cmpuint (ts_rolling_window_get_count (w), ==, count);
      g_assert_cmpfloat (ts_rolling_window_get_max_price (w), ==, max);
      g_assert_cmpfloat (ts_rolling_window_get_min_price (w), ==, min);
    }

  g_free (times);
  g_free (prices);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/rolling-window/expiry-by-time", test_expiry_by_time);
  g_test_add_func ("/core/rolling-window/max-min-across-expiry", test_max_min_across_expiry);
  g_test_add_func ("/core/rolling-window/mean-size-of-others", test_mean_of_others);
  g_test_add_func ("/core/rolling-window/growth-matches-scan", test_growth_matches_scan);
  g_test_add_func ("/core/rolling-window/extremes-match-scan", test_extremes_match_scan);

  return g_test_run ();
}
