/* ts-ema.h: exponential moving average
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsEma:
 *
 * Exponential moving average:
 *
 *   EMA_t = alpha x_t + (1 - alpha) EMA_(t-1)
 *
 * Made by ts_ema_new() with a period n, alpha = 2 / (n + 1) (the
 * convention of Appel's MACD and of every charting package) and the
 * average is **seeded with the SMA of the first n values**: no value before
 * the n-th push, EMA_(n-1) = mean(x_0 .. x_(n-1)), then the recursion. With
 * this seed the EMA of a linear ramp of slope s lags it by exactly
 * s (n - 1) / 2 from the first value on (the steady-state lag
 * s (1 - alpha) / alpha).
 *
 * Made by ts_ema_new_with_alpha() (STRATEGIES.md section 3's smoothing
 * s_t = lambda p_t + (1 - lambda) s_(t-1), seed 002) it is **seeded with
 * the first value** (s_0 = p_0).
 *
 * O(1) per push, no allocation after construction. Values in any unit.
 * Not thread-safe.
 */
typedef struct _TsEma TsEma;

/**
 * ts_ema_new:
 * @period: n >= 1; alpha = 2 / (n + 1); seeded with the SMA of the first n
 *
 * Returns: (transfer full): an empty average, or %NULL when @period is 0
 */
TsEma   *ts_ema_new            (guint        period);

/**
 * ts_ema_new_with_alpha:
 * @alpha: the weight of the newest value, 0 < alpha <= 1
 *
 * Returns: (transfer full): an empty average seeded with the first value
 *   pushed, or %NULL when @alpha is out of range
 */
TsEma   *ts_ema_new_with_alpha (double       alpha);
void     ts_ema_free           (TsEma       *self);

/**
 * ts_ema_reset:
 *
 * Forgets every value (the warm-up starts again).
 */
void     ts_ema_reset          (TsEma       *self);

/**
 * ts_ema_push:
 * @x: the new value, finite
 *
 * Returns: the EMA after the push, or NaN during the warm-up (fewer than
 *   the period's values pushed)
 */
double   ts_ema_push           (TsEma       *self,
                                double       x);

/**
 * ts_ema_get_value:
 *
 * Returns: the current EMA, or NaN during the warm-up
 */
double   ts_ema_get_value      (const TsEma *self);

/**
 * ts_ema_get_alpha:
 *
 * Returns: alpha, the weight of the newest value
 */
double   ts_ema_get_alpha      (const TsEma *self);

/**
 * ts_ema_get_period:
 *
 * Returns: the warm-up length: n for ts_ema_new(), 1 for
 *   ts_ema_new_with_alpha()
 */
guint    ts_ema_get_period     (const TsEma *self);

/**
 * ts_ema_is_ready:
 *
 * Returns: %TRUE once the warm-up is over
 */
gboolean ts_ema_is_ready       (const TsEma *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsEma, ts_ema_free)

G_END_DECLS
