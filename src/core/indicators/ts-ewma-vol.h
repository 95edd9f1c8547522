/* ts-ewma-vol.h: RiskMetrics EWMA volatility of log returns
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsEwmaVol:
 *
 * Exponentially weighted variance of log returns (J.P. Morgan/Reuters,
 * "RiskMetrics - Technical Document", 4th ed., 1996, section 5.2.1;
 * STRATEGIES.md section 5, lambda 0.94; seed 004):
 *
 *   r_t = ln(p_t / p_(t-1)),   sigma2_t = lambda sigma2_(t-1) + (1 - lambda) r_t^2
 *
 * (zero-mean returns, as RiskMetrics assumes). Seed: sigma2 = r_1^2, the
 * square of the first return; the recursion runs from the second return on.
 * sigma is per bar (per push), as a fraction (0.01 = 1 %), not annualized.
 * O(1) per push, no allocation at all after construction. Not thread-safe.
 */
typedef struct _TsEwmaVol TsEwmaVol;

/**
 * ts_ewma_vol_new:
 * @lambda: decay factor, 0 <= lambda < 1 (RiskMetrics daily: 0.94)
 *
 * Returns: (transfer full): an empty estimator, or %NULL when @lambda is
 *   out of range
 */
TsEwmaVol *ts_ewma_vol_new          (double           lambda);
void       ts_ewma_vol_free         (TsEwmaVol       *self);
void       ts_ewma_vol_reset        (TsEwmaVol       *self);

/**
 * ts_ewma_vol_push:
 * @price: the new price (a bar close), quote currency, > 0
 *
 * Returns: sigma = sqrt(sigma2) after the push, per bar, or NaN before the
 *   first return (one price); non-positive prices are ignored
 */
double     ts_ewma_vol_push         (TsEwmaVol       *self,
                                     double           price);

/**
 * ts_ewma_vol_get_variance:
 *
 * Returns: sigma2, per bar squared, NaN before the first return
 */
double     ts_ewma_vol_get_variance (const TsEwmaVol *self);

/**
 * ts_ewma_vol_get_sigma:
 *
 * Returns: sigma, per bar, NaN before the first return
 */
double     ts_ewma_vol_get_sigma    (const TsEwmaVol *self);

/**
 * ts_ewma_vol_get_last_return:
 *
 * Returns: the last log return r_t, NaN before the first
 */
double     ts_ewma_vol_get_last_return (const TsEwmaVol *self);
gboolean   ts_ewma_vol_is_ready     (const TsEwmaVol *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsEwmaVol, ts_ewma_vol_free)

G_END_DECLS
