/* test-indicators-bars.c: bar aggregator, Fibonacci, fractals, zigzag
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "core/indicators/ts-bar-aggregator.h"
#include "core/indicators/ts-fibonacci.h"
#include "core/indicators/ts-fractals.h"
#include "core/indicators/ts-zigzag.h"

/* 2024-08-08T23:59:50Z, a whole second */
#define T0 G_GINT64_CONSTANT (1723161590000000)
#define MS(x) ((gint64) (x) * 1000)
#define SEC(x) ((gint64) (x) * 1000000)

static void
assert_bar (const TsBar *b,
            gint64       time_us,
            double       o,
            double       h,
            double       l,
            double       c,
            double       v)
{
  g_assert_cmpint (b->time_us, ==, time_us);
  g_assert_cmpfloat (b->open, ==, o);
  g_assert_cmpfloat (b->high, ==, h);
  g_assert_cmpfloat (b->low, ==, l);
  g_assert_cmpfloat (b->close, ==, c);
  g_assert_cmpfloat (b->volume, ==, v);
}

static void
test_bar_aggregator_gap (void)
{
  g_autoptr(TsBarAggregator) agg = ts_bar_aggregator_new (1.0);
  TsBar b;

  /* second 0: 100 x1, 102 x2, 99 x1  -> O 100 H 102 L 99 C 99 V 4
   * second 1: 101 x0.5, 103 x1       -> O 101 H 103 L 101 C 103 V 1.5
   * seconds 2 and 3: no trade        -> empty, OHLC 103, V 0
   * second 4: 104 x2 closes 1, 2, 3; then 98 x1 stays in the open bar */
  g_assert_false (ts_bar_aggregator_get_current (agg, &b));
  g_assert_cmpuint (ts_bar_aggregator_push_trade (agg, T0 + MS (100), 100.0, 1.0), ==, 0);
  g_assert_cmpuint (ts_bar_aggregator_push_trade (agg, T0 + MS (500), 102.0, 2.0), ==, 0);
  g_assert_cmpuint (ts_bar_aggregator_push_trade (agg, T0 + MS (999), 99.0, 1.0), ==, 0);

  g_assert_cmpuint (ts_bar_aggregator_push_trade (agg, T0 + MS (1200), 101.0, 0.5), ==, 1);
  g_assert_true (ts_bar_aggregator_get_closed (agg, 0, &b));
  assert_bar (&b, T0, 100.0, 102.0, 99.0, 99.0, 4.0);
  g_assert_false (ts_bar_aggregator_get_closed (agg, 1, &b));

  /* a trade exactly on the boundary of second 2 would open it; 1.999 not */
  g_assert_cmpuint (ts_bar_aggregator_push_trade (agg, T0 + MS (1999), 103.0, 1.0), ==, 0);

  g_assert_cmpuint (ts_bar_aggregator_push_trade (agg, T0 + SEC (4), 104.0, 2.0), ==, 3);
  g_assert_cmpuint (ts_bar_aggregator_get_n_closed (agg), ==, 3);
  g_assert_true (ts_bar_aggregator_get_closed (agg, 0, &b));
  assert_bar (&b, T0 + SEC (1), 101.0, 103.0, 101.0, 103.0, 1.5);
  g_assert_true (ts_bar_aggregator_get_closed (agg, 1, &b));
  assert_bar (&b, T0 + SEC (2), 103.0, 103.0, 103.0, 103.0, 0.0);
  g_assert_true (ts_bar_aggregator_get_closed (agg, 2, &b));
  assert_bar (&b, T0 + SEC (3), 103.0, 103.0, 103.0, 103.0, 0.0);
  g_assert_false (ts_bar_aggregator_get_closed (agg, 3, &b));

  g_assert_cmpuint (ts_bar_aggregator_push_trade (agg, T0 + MS (4500), 98.0, 1.0), ==, 0);
  g_assert_cmpuint (ts_bar_aggregator_get_n_closed (agg), ==, 0);
  g_assert_true (ts_bar_aggregator_get_current (agg, &b));
  assert_bar (&b, T0 + SEC (4), 104.0, 104.0, 98.0, 98.0, 3.0);
}

static void
test_bar_aggregator_five_second_alignment (void)
{
  g_autoptr(TsBarAggregator) agg = ts_bar_aggregator_new (5.0);
  TsBar b;

  /* 5 s bars start at multiples of 5 s since the epoch: T0 = ...590 s is
   * one, so T0 + 4.9 s is in the first bar and T0 + 5 s opens the next */
  g_assert_cmpint (ts_bar_aggregator_get_bar_us (agg), ==, SEC (5));
  ts_bar_aggregator_push_trade (agg, T0 + MS (2000), 10.0, 1.0);
  ts_bar_aggregator_push_trade (agg, T0 + MS (4900), 11.0, 1.0);
  g_assert_cmpuint (ts_bar_aggregator_push_trade (agg, T0 + SEC (5), 12.0, 1.0), ==, 1);
  g_assert_true (ts_bar_aggregator_get_closed (agg, 0, &b));
  assert_bar (&b, T0, 10.0, 11.0, 10.0, 11.0, 2.0);
}

static void
test_fibonacci_up_and_down (void)
{
  TsFibonacci up, down;

  /* up swing 100 -> 200: 200 - f x 100 */
  ts_fibonacci_init (&up, 100.0, 200.0);
  g_assert_true (ts_fibonacci_is_up (&up));
  g_assert_cmpfloat_with_epsilon (up.levels[0], 176.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (up.levels[1], 161.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (up.levels[2], 150.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (up.levels[3], 138.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (up.levels[4], 121.4, 1e-12);

  /* down swing 200 -> 100: 100 + f x 100 */
  ts_fibonacci_init (&down, 200.0, 100.0);
  g_assert_false (ts_fibonacci_is_up (&down));
  g_assert_cmpfloat_with_epsilon (down.levels[0], 123.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (down.levels[1], 138.2, 1e-12);
  g_assert_cmpfloat_with_epsilon (down.levels[2], 150.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (down.levels[3], 161.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (down.levels[4], 178.6, 1e-12);

  /* within 0.15 % of 150 (0.225) among 38.2, 50, 61.8 (mask 0x0e) */
  g_assert_cmpint (ts_fibonacci_find_near (&up, 150.2, 0.15, 0x0e), ==, 2);
  g_assert_cmpint (ts_fibonacci_find_near (&up, 150.3, 0.15, 0x0e), ==, -1);
  g_assert_cmpint (ts_fibonacci_find_near (&up, 176.4, 0.15, 0x0e), ==, -1);
  g_assert_cmpint (ts_fibonacci_find_near (&up, 176.4, 0.15, 0x1f), ==, 0);
}

static void
test_fractals_hand_drawn (void)
{
  /* bar:   0   1   2   3   4   5   6   7   8
   * high: 10  11  15  12  11  13  13  12  11
   * low:   9   8  10   7   9  10  11  10   9
   * bar 2: 15 > 10, 11, 12, 11: up fractal, known at bar 4
   * bar 3:  7 <  8, 10,  9, 10: down fractal, known at bar 5
   * bars 5, 6: equal highs 13, neither is strictly above the other: none */
  static const double high[] = { 10, 11, 15, 12, 11, 13, 13, 12, 11 };
  static const double low[] = { 9, 8, 10, 7, 9, 10, 11, 10, 9 };
  static const TsFractalFlags expect[] = {
    TS_FRACTAL_NONE, TS_FRACTAL_NONE, TS_FRACTAL_NONE, TS_FRACTAL_NONE,
    TS_FRACTAL_UP, TS_FRACTAL_DOWN, TS_FRACTAL_NONE, TS_FRACTAL_NONE, TS_FRACTAL_NONE,
  };
  g_autoptr(TsFractals) fr = ts_fractals_new ();
  TsFractal f;
  guint i;

  g_assert_false (ts_fractals_get_last_up (fr, &f));
  for (i = 0; i < G_N_ELEMENTS (high); i++)
    {
      guint64 idx = G_MAXUINT64;
      TsFractalFlags flags = ts_fractals_push (fr, high[i], low[i], &idx);

      g_assert_cmpint (flags, ==, expect[i]);
      if (i >= 4)
        g_assert_cmpuint (idx, ==, i - 2);
      else
        g_assert_cmpuint (idx, ==, G_MAXUINT64);
    }
  g_assert_true (ts_fractals_get_last_up (fr, &f));
  g_assert_cmpuint (f.index, ==, 2);
  g_assert_cmpfloat (f.price, ==, 15.0);
  g_assert_true (ts_fractals_get_last_down (fr, &f));
  g_assert_cmpuint (f.index, ==, 3);
  g_assert_cmpfloat (f.price, ==, 7.0);

  /* an outside bar can be both: 20/1 among 12/9, 12/9 | 12/9, 12/9 */
  ts_fractals_reset (fr);
  ts_fractals_push (fr, 12, 9, NULL);
  ts_fractals_push (fr, 12, 9, NULL);
  ts_fractals_push (fr, 20, 1, NULL);
  ts_fractals_push (fr, 12, 9, NULL);
  g_assert_cmpint (ts_fractals_push (fr, 12, 9, NULL), ==, TS_FRACTAL_UP | TS_FRACTAL_DOWN);
}

static void
test_zigzag_hand_drawn (void)
{
  /* closes (high = low), threshold 10 %:
   * bar:    0    1    2    3    4    5    6    7    8    9
   * price: 100  105  112  108  100   95   99  104  110   98
   * bar 2: 112 >= 100 x 1.1: swing LOW 100 @0 (rising, candidate 112)
   * bar 4: 100 <= 112 x 0.9 = 100.8: swing HIGH 112 @2 (falling)
   * bar 5: new low 95; bar 7: 104 < 95 x 1.1 = 104.5, not yet
   * bar 8: 110 >= 104.5: swing LOW 95 @5 (rising, candidate 110)
   * bar 9: 98 <= 110 x 0.9 = 99: swing HIGH 110 @8 (falling, candidate 98) */
  static const double p[] = { 100, 105, 112, 108, 100, 95, 99, 104, 110, 98 };
  static const gboolean confirms[] = { 0, 0, 1, 0, 1, 0, 0, 0, 1, 1 };
  g_autoptr(TsZigzag) zz = ts_zigzag_new (10.0, 5);
  TsZigzagPivot pv;
  TsSwing sw;
  TsFibonacci fib;
  guint i;

  g_assert_false (ts_zigzag_get_swing (zz, &sw));
  for (i = 0; i < G_N_ELEMENTS (p); i++)
    {
      g_assert_cmpint (ts_zigzag_push (zz, p[i], p[i]), ==, confirms[i]);
      if (i == 4)
        {
          /* swing over bars 0..4: low 100 at bars 0 and 4 (the latest,
           * 4, counts), high 112 @2: a down swing */
          g_assert_true (ts_zigzag_get_swing (zz, &sw));
          g_assert_cmpfloat (sw.low, ==, 100.0);
          g_assert_cmpuint (sw.low_index, ==, 4);
          g_assert_cmpfloat (sw.high, ==, 112.0);
          g_assert_cmpuint (sw.high_index, ==, 2);
          g_assert_false (sw.up);
        }
    }

  g_assert_cmpuint (ts_zigzag_get_n_pivots (zz), ==, 4);
  g_assert_true (ts_zigzag_get_pivot (zz, 0, &pv));
  g_assert_cmpint (pv.kind, ==, TS_ZIGZAG_HIGH);
  g_assert_cmpuint (pv.index, ==, 8);
  g_assert_cmpfloat (pv.price, ==, 110.0);
  g_assert_true (ts_zigzag_get_pivot (zz, 1, &pv));
  g_assert_cmpint (pv.kind, ==, TS_ZIGZAG_LOW);
  g_assert_cmpuint (pv.index, ==, 5);
  g_assert_cmpfloat (pv.price, ==, 95.0);
  g_assert_true (ts_zigzag_get_pivot (zz, 2, &pv));
  g_assert_cmpint (pv.kind, ==, TS_ZIGZAG_HIGH);
  g_assert_cmpuint (pv.index, ==, 2);
  g_assert_cmpfloat (pv.price, ==, 112.0);
  g_assert_true (ts_zigzag_get_pivot (zz, 3, &pv));
  g_assert_cmpint (pv.kind, ==, TS_ZIGZAG_LOW);
  g_assert_cmpuint (pv.index, ==, 0);
  g_assert_cmpfloat (pv.price, ==, 100.0);
  g_assert_false (ts_zigzag_get_pivot (zz, 4, &pv));
  g_assert_true (ts_zigzag_get_candidate (zz, &pv));
  g_assert_cmpint (pv.kind, ==, TS_ZIGZAG_LOW);
  g_assert_cmpuint (pv.index, ==, 9);
  g_assert_cmpfloat (pv.price, ==, 98.0);

  /* swing over the last 5 bars (5..9): low 95 @5, high 110 @8, up;
   * its 50 % retracement is 102.5 */
  g_assert_true (ts_zigzag_get_swing (zz, &sw));
  g_assert_cmpfloat (sw.low, ==, 95.0);
  g_assert_cmpuint (sw.low_index, ==, 5);
  g_assert_cmpfloat (sw.high, ==, 110.0);
  g_assert_cmpuint (sw.high_index, ==, 8);
  g_assert_true (sw.up);
  ts_fibonacci_init (&fib, sw.low, sw.high);
  g_assert_cmpfloat (fib.levels[2], ==, 102.5);
}

static void
test_zigzag_swing_window_slides (void)
{
  g_autoptr(TsZigzag) zz = ts_zigzag_new (5.0, 3);
  TsSwing sw;

  /* bars (high, low): (10, 9) (15, 14) (12, 8) (11, 10) (13, 11)
   * last 3 after bar 4: bars 2..4: high 13 @4, low 8 @2: up */
  ts_zigzag_push (zz, 10, 9);
  ts_zigzag_push (zz, 15, 14);
  ts_zigzag_push (zz, 12, 8);
  ts_zigzag_push (zz, 11, 10);
  ts_zigzag_get_swing (zz, &sw);
  g_assert_cmpfloat (sw.high, ==, 15.0);
  g_assert_cmpfloat (sw.low, ==, 8.0);
  g_assert_false (sw.up);
  ts_zigzag_push (zz, 13, 11);
  ts_zigzag_get_swing (zz, &sw);
  g_assert_cmpfloat (sw.high, ==, 13.0);
  g_assert_cmpuint (sw.high_index, ==, 4);
  g_assert_cmpfloat (sw.low, ==, 8.0);
  g_assert_cmpuint (sw.low_index, ==, 2);
  g_assert_true (sw.up);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/indicators/bar-aggregator/gap-carries-close", test_bar_aggregator_gap);
  g_test_add_func ("/core/indicators/bar-aggregator/aligned-to-bar-length", test_bar_aggregator_five_second_alignment);
  g_test_add_func ("/core/indicators/fibonacci/up-and-down-swings", test_fibonacci_up_and_down);
  g_test_add_func ("/core/indicators/fractals/hand-drawn", test_fractals_hand_drawn);
  g_test_add_func ("/core/indicators/zigzag/hand-drawn", test_zigzag_hand_drawn);
  g_test_add_func ("/core/indicators/zigzag/swing-window-slides", test_zigzag_swing_window_slides);

  return g_test_run ();
}
