/* test-chart-axis.c: the axis arithmetic the Cairo charts share
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule under test (ts_chart_axis_nice_step()): the smallest of 1, 2,
 * (2.5,) 5, 10 × 10^k that is ≥ the raw step, the raw step being the value
 * range over the number of lines wanted. The values below are worked out by
 * hand from that rule. No display is needed: nothing here draws.
 */
#include "config.h"

#include <math.h>

#include "app/ts-chart-axis.h"

#define SEC G_GINT64_CONSTANT (1000000)

/* a BTC price range of 200 quote units, 61,600 .. 61,800 */
static void
test_nice_step_price_range (void)
{
  double range = 61800.0 - 61600.0;

  /* ~4 labels: 200 / 4 = 50 = 5 × 10^1, already nice */
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (range / 4, FALSE), 50.0, 1e-9);
  /* ~3 labels: 66.7 = 6.67 × 10^1, above 5: up to 10 × 10^1 */
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (range / 3, FALSE), 100.0, 1e-9);
  /* ~8 labels: 25 = 2.5 × 10^1: 25 with quarters, else up to 50 */
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (range / 8, TRUE), 25.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (range / 8, FALSE), 50.0, 1e-9);
  /* ~5 labels: 40 = 4 × 10^1, up to 5 × 10^1 */
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (range / 5, TRUE), 50.0, 1e-9);
}

static void
test_nice_step_mantissas (void)
{
  /* 0.0123 = 1.23 × 10^-2 → 2 × 10^-2 */
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (0.0123, FALSE), 0.02, 1e-12);
  /* exactly 1 × 10^0 stays */
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (1.0, FALSE), 1.0, 1e-12);
  /* 2.3 × 10^3: 2.5 × 10^3 with quarters, 5 × 10^3 without */
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (2300, TRUE), 2500.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (2300, FALSE), 5000.0, 1e-9);
  /* 7 × 10^-1 → 10 × 10^-1 */
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_nice_step (0.7, FALSE), 1.0, 1e-12);
}

static void
test_nice_step_degenerate (void)
{
  g_assert_cmpfloat (ts_chart_axis_nice_step (0, FALSE), ==, 1.0);
  g_assert_cmpfloat (ts_chart_axis_nice_step (-5, TRUE), ==, 1.0);
  g_assert_cmpfloat (ts_chart_axis_nice_step (NAN, FALSE), ==, 1.0);
  g_assert_cmpfloat (ts_chart_axis_nice_step (INFINITY, FALSE), ==, 1.0);
}

static void
test_step_digits (void)
{
  /* ⌈−log10 step⌉, at least 0 */
  g_assert_cmpint (ts_chart_axis_step_digits (50), ==, 0);
  g_assert_cmpint (ts_chart_axis_step_digits (1), ==, 0);
  g_assert_cmpint (ts_chart_axis_step_digits (0.5), ==, 1);
  g_assert_cmpint (ts_chart_axis_step_digits (0.25), ==, 1);
  g_assert_cmpint (ts_chart_axis_step_digits (0.02), ==, 2);
}

static void
test_time_step (void)
{
  /* 5 min over 480 px, lines ≥ 96 px apart: 300 s / 480 px × 96 px = 60 s;
   * 30 s would be 48 px apart, so 1-min steps */
  g_assert_cmpint (ts_chart_axis_time_step (TS_CHART_TIME_CLOCK, 300 * SEC, 480, 96), ==, 60 * SEC);
  g_assert_cmpint (ts_chart_axis_time_step (TS_CHART_TIME_CALENDAR, 300 * SEC, 480, 96), ==, 60 * SEC);
  /* 10 s over 500 px: ≥ 1.92 s → 2 s; the calendar list starts at 1 min */
  g_assert_cmpint (ts_chart_axis_time_step (TS_CHART_TIME_CLOCK, 10 * SEC, 500, 96), ==, 2 * SEC);
  g_assert_cmpint (ts_chart_axis_time_step (TS_CHART_TIME_CALENDAR, 10 * SEC, 500, 96), ==, 60 * SEC);
  /* 1 day over 600 px, ≥ 90 px: ≥ 12,960 s → 6 h (21,600 s) */
  g_assert_cmpint (ts_chart_axis_time_step (TS_CHART_TIME_CALENDAR, 86400 * SEC, 600, 90), ==,
                   21600 * SEC);
  /* 30 days over 600 px, ≥ 96 px: ≥ 4.8 days; the clock list ends at 1 day,
   * the calendar one goes on to 7 days */
  g_assert_cmpint (ts_chart_axis_time_step (TS_CHART_TIME_CLOCK, 30 * 86400 * SEC, 600, 96), ==,
                   86400 * SEC);
  g_assert_cmpint (ts_chart_axis_time_step (TS_CHART_TIME_CALENDAR, 30 * 86400 * SEC, 600, 96), ==,
                   604800 * SEC);
}

static void
test_floor_div (void)
{
  /* towards −∞: −7 / 2 = −3.5 → −4, where C's / gives −3 */
  g_assert_cmpint (ts_chart_axis_floor_div (-7, 2), ==, -4);
  g_assert_cmpint (ts_chart_axis_floor_div (7, 2), ==, 3);
  g_assert_cmpint (ts_chart_axis_floor_div (-6, 2), ==, -3);
  /* 90 s in whole minutes: 1, the first line after it at 2 × 60 s */
  g_assert_cmpint (ts_chart_axis_floor_div (90 * SEC, 60 * SEC), ==, 1);
}

static void
test_format_calendar (void)
{
  /* 1,700,000,000 s = 2023-11-14 22:13:20 UTC */
  gint64 t = G_GINT64_CONSTANT (1700000000) * SEC;
  g_autofree char *hm = ts_chart_axis_format_time (TS_CHART_TIME_CALENDAR, t, 3600 * SEC);
  g_autofree char *day = ts_chart_axis_format_time (TS_CHART_TIME_CALENDAR, t, 3 * 86400 * SEC);

  g_assert_cmpstr (hm, ==, "22:13");
  g_assert_cmpstr (day, ==, "2023-11-14");
}

static void
test_to_pixels (void)
{
  /* a 400 × 200 px plot at (10, 20), 100 s wide, 61,600 .. 61,800 high */
  TsChartAxis axis = { 10, 20, 400, 200, 0, 100 * SEC, 61600, 61800 };

  g_assert_cmpfloat_with_epsilon (ts_chart_axis_x (&axis, 0), 10.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_x (&axis, 50 * SEC), 210.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_x (&axis, 100 * SEC), 410.0, 1e-9);
  /* values grow upwards: the bottom edge is y = 20 + 200 */
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_y (&axis, 61600), 220.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_y (&axis, 61700), 120.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (ts_chart_axis_y (&axis, 61800), 20.0, 1e-9);
}

static void
test_palette (void)
{
  GdkRGBA light, dark;

  /* #1c71d8 and #78aeed */
  ts_chart_axis_get_color (TS_CHART_COLOR_BLUE, FALSE, &light);
  ts_chart_axis_get_color (TS_CHART_COLOR_BLUE, TRUE, &dark);
  g_assert_cmpfloat_with_epsilon (light.red, 0x1c / 255.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (light.blue, 0xd8 / 255.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (dark.green, 0xae / 255.0, 1e-6);
  g_assert_cmpfloat (dark.alpha, ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/chart-axis/nice-step/price-range", test_nice_step_price_range);
  g_test_add_func ("/app/chart-axis/nice-step/mantissas", test_nice_step_mantissas);
  g_test_add_func ("/app/chart-axis/nice-step/degenerate-is-1", test_nice_step_degenerate);
  g_test_add_func ("/app/chart-axis/step-digits", test_step_digits);
  g_test_add_func ("/app/chart-axis/time-step", test_time_step);
  g_test_add_func ("/app/chart-axis/floor-div", test_floor_div);
  g_test_add_func ("/app/chart-axis/format-calendar-utc", test_format_calendar);
  g_test_add_func ("/app/chart-axis/to-pixels", test_to_pixels);
  g_test_add_func ("/app/chart-axis/palette", test_palette);

  return g_test_run ();
}
