/* ts-sma.h: simple moving average over a fixed number of values
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsSma:
 *
 * The arithmetic mean of the last @period values pushed (STRATEGIES.md
 * section 1: the `ma_period` SMA of prices; seed 000).
 *
 * SMA_t = (1/n) sum_{i=0}^{n-1} x_{t-i}
 *
 * O(1) per push: a ring buffer of @period doubles allocated once by
 * ts_sma_new() and a running sum. The sum is recomputed exactly from the
 * ring after every @period pushes once the ring is full (amortized O(1)),
 * so rounding cannot drift over a long session. No allocation after
 * construction. Values in any unit (usually quote currency). Not
 * thread-safe.
 */
typedef struct _TsSma TsSma;

/**
 * ts_sma_new:
 * @period: number of values averaged, >= 1
 *
 * Returns: (transfer full): an empty average, or %NULL when @period is 0
 */
TsSma   *ts_sma_new        (guint        period);
void     ts_sma_free       (TsSma       *self);

/**
 * ts_sma_reset:
 *
 * Forgets every value; keeps the ring.
 */
void     ts_sma_reset      (TsSma       *self);

/**
 * ts_sma_push:
 * @x: the new value, finite
 *
 * Appends @x and drops the value pushed @period pushes ago.
 *
 * Returns: the SMA after the push, or NaN while fewer than @period values
 *   have been pushed
 */
double   ts_sma_push       (TsSma       *self,
                            double       x);

/**
 * ts_sma_get_value:
 *
 * Returns: the SMA of the last @period values, or NaN before the ring is full
 */
double   ts_sma_get_value  (const TsSma *self);

/**
 * ts_sma_get_last:
 * @age: 0 for the newest value, up to count - 1
 *
 * Returns: the value pushed @age pushes ago, or NaN when it is not held
 */
double   ts_sma_get_last   (const TsSma *self,
                            guint        age);

/**
 * ts_sma_get_count:
 *
 * Returns: the number of values held, 0 to @period
 */
guint    ts_sma_get_count  (const TsSma *self);
guint    ts_sma_get_period (const TsSma *self);

/**
 * ts_sma_is_ready:
 *
 * Returns: %TRUE once @period values have been pushed
 */
gboolean ts_sma_is_ready   (const TsSma *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsSma, ts_sma_free)

G_END_DECLS
