/* ts-fibonacci.h: Fibonacci retracement levels of a swing
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TS_FIBONACCI_N_LEVELS:
 *
 * The number of retracement ratios: 23.6, 38.2, 50, 61.8 and 78.6 %
 * (STRATEGIES.md section 5; seed 004).
 */
#define TS_FIBONACCI_N_LEVELS 5

/**
 * TsFibonacci:
 * @start: where the swing started (its low for an up swing, its high for
 *   a down swing), quote currency
 * @end: where it ended (the high of an up swing, the low of a down swing)
 * @levels: the retracement prices for the ratios of
 *   ts_fibonacci_get_ratio(), in that order
 *
 * Retracement levels of a swing start -> end (STRATEGIES.md section 5;
 * seed 004): level(f) = end - f (end - start). For an up swing 100 -> 200:
 * 176.4, 161.8, 150, 138.2, 121.4; for a down swing 200 -> 100: 123.6,
 * 138.2, 150, 161.8, 178.6. A plain value; no allocation.
 */
typedef struct
{
  double start;
  double end;
  double levels[TS_FIBONACCI_N_LEVELS];
} TsFibonacci;

/**
 * ts_fibonacci_get_ratio:
 * @i: 0 .. TS_FIBONACCI_N_LEVELS - 1
 *
 * Returns: the i-th ratio as a fraction: 0.236, 0.382, 0.5, 0.618, 0.786;
 *   NaN out of range
 */
double   ts_fibonacci_get_ratio  (guint              i);

/**
 * ts_fibonacci_init:
 * @self: (out caller-allocates): the levels
 * @start: the swing's first extreme (low of an up swing), quote currency
 * @end: its last extreme (high of an up swing), quote currency
 *
 * Fills @self->levels with end - f (end - start) for each ratio f.
 */
void     ts_fibonacci_init       (TsFibonacci       *self,
                                  double             start,
                                  double             end);

/**
 * ts_fibonacci_is_up:
 *
 * Returns: %TRUE for an up swing (end > start)
 */
gboolean ts_fibonacci_is_up      (const TsFibonacci *self);

/**
 * ts_fibonacci_level:
 * @ratio: any retracement fraction (0.5 = 50 %)
 *
 * Returns: end - @ratio (end - start), quote currency
 */
double   ts_fibonacci_level      (const TsFibonacci *self,
                                  double             ratio);

/**
 * ts_fibonacci_find_near:
 * @price: quote currency
 * @tolerance_pct: percent of the level (`fib_tolerance`, 0.15)
 * @mask: bit i set allows level i (0x0e: 38.2, 50 and 61.8 %)
 *
 * The nearest allowed level with |price - level| <= tolerance_pct / 100 x
 * level (STRATEGIES.md section 5, long entry).
 *
 * Returns: the level's index, or -1 when none is that close
 */
int      ts_fibonacci_find_near  (const TsFibonacci *self,
                                  double             price,
                                  double             tolerance_pct,
                                  guint              mask);

G_END_DECLS
