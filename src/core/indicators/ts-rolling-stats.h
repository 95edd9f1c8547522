/* ts-rolling-stats.h: rolling mean and sample standard deviation
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsRollingStats:
 *
 * Mean and sample variance / standard deviation of the last @period values
 * (STRATEGIES.md section 3: sd(v) and sd of bar returns over `snr_window`;
 * section 4: mean(s), sd(s) over `lookback` for the z-score).
 *
 *   mean = (1/n) sum x_i,   var = (1/(n-1)) sum (x_i - mean)^2,   sd = sqrt(var)
 *
 * Welford's update (Welford 1962; Knuth TAOCP vol. 2, 4.2.2) while the
 * window fills, then the sliding form of it: replacing x_old by x_new,
 * mean' = mean + (x_new - x_old) / n and
 * M2' = M2 + (x_new - x_old) (x_new - mean' + x_old - mean).
 * After every @period replacements, mean and M2 are recomputed exactly
 * (two passes over the ring: amortized O(1)), so rounding cannot drift.
 * O(1) per push, one ring of @period doubles allocated by
 * ts_rolling_stats_new(), nothing after. Not thread-safe.
 */
typedef struct _TsRollingStats TsRollingStats;

/**
 * ts_rolling_stats_new:
 * @period: window length in values, >= 2
 *
 * Returns: (transfer full): an empty window, or %NULL when @period < 2
 */
TsRollingStats *ts_rolling_stats_new          (guint                 period);
void            ts_rolling_stats_free         (TsRollingStats       *self);
void            ts_rolling_stats_reset        (TsRollingStats       *self);

/**
 * ts_rolling_stats_push:
 * @x: the new value, finite
 *
 * Appends @x; once @period values are held, drops the oldest.
 */
void            ts_rolling_stats_push         (TsRollingStats       *self,
                                               double                x);

/**
 * ts_rolling_stats_get_count:
 *
 * Returns: values held, 0 to @period
 */
guint           ts_rolling_stats_get_count    (const TsRollingStats *self);
guint           ts_rolling_stats_get_period   (const TsRollingStats *self);

/**
 * ts_rolling_stats_is_full:
 *
 * Returns: %TRUE once @period values are held
 */
gboolean        ts_rolling_stats_is_full      (const TsRollingStats *self);

/**
 * ts_rolling_stats_get_mean:
 *
 * Returns: the mean of the values held, NaN when empty
 */
double          ts_rolling_stats_get_mean     (const TsRollingStats *self);

/**
 * ts_rolling_stats_get_variance:
 *
 * Returns: the sample variance (divisor count - 1) of the values held,
 *   >= 0, NaN with fewer than 2 values
 */
double          ts_rolling_stats_get_variance (const TsRollingStats *self);

/**
 * ts_rolling_stats_get_sd:
 *
 * Returns: the sample standard deviation (same as gsl_stats_sd() over the
 *   values held), NaN with fewer than 2 values
 */
double          ts_rolling_stats_get_sd       (const TsRollingStats *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRollingStats, ts_rolling_stats_free)

G_END_DECLS
