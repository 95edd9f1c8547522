/* ts-kalman-trend.h: constant-acceleration Kalman filter on log prices
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsKalmanTrend:
 *
 * The `kalman` derivative source of the calculus trend strategy
 * (STRATEGIES.md section 3; seed 002, whose 3x3 state-shape bug is not
 * reproduced). One observation per bar close p_t; state x = [l, v, a]^T with
 * l = ln p (log price), v the velocity (log return per bar) and a the
 * acceleration (per bar^2):
 *
 *   x_t = A x_(t-1) + w,  A = [[1, 1, 1/2], [0, 1, 1], [0, 0, 1]],  w ~ N(0, Q)
 *   z_t = H x_t + e,      H = [1, 0, 0],                             e ~ N(0, R)
 *
 * Q = 0.1 R I (the seed's process / observation noise ratio 1e-5 / 1e-4).
 *
 * Warm-up: the first @warmup_returns log returns (30) are only collected;
 * R starts as their sample variance (floored at 1e-12). The state is then
 * initialised from the last three log prices l0, l1, l2 (an exact
 * quadratic through them): l = l2, a = l2 - 2 l1 + l0, v = (l2 - l1) + a / 2,
 * with P = diag(R, 6.5 R, 6 R) (the variances of those differences if each
 * log price had variance R; cross terms dropped).
 *
 * Each later price: predict x- = A x, P- = A P A^T + Q; innovation
 * nu = l_t - x-[0], S = P-[0,0] + R, K = P- H^T / S, x = x- + K nu, and
 * P = (I - K H) P- (I - K H)^T + K R K^T (Joseph form). R then adapts from
 * the innovations (innovation-based adaptive estimation, A. H. Mohamed and
 * K. P. Schwarz, "Adaptive Kalman filtering for INS/GPS", J. Geodesy 73,
 * 1999, eq. for R from the residuals): with the post-fit residual
 * eps = l_t - x[0] = (1 - K[0]) nu, once @snr_window updates are held,
 * R = max(1e-12, mean(eps^2) + mean(P[0,0])) over the last @snr_window bars.
 * The other textbook form, mean(nu^2) - mean(P-[0,0]) (Mehra 1970), is not
 * used: over a 14-bar window it often goes negative, the clip to the floor
 * feeds back through Q = 0.1 R, and on a line plus N(0, 1e-6) noise it
 * settled at 20x the true R with a filtered error worse than the raw
 * prices; the residual form settles at 0.7x with a filtered error below
 * the noise (tests/core/test-indicators-models.c, r-adapts-to-noise).
 *
 * The algebra uses GSL gsl_matrix / gsl_blas (about 0.25 µs per bar;
 * DESIGN.md "Measured"): per bar, not per tick. Matrices and rings are
 * allocated by ts_kalman_trend_new(), nothing per push. Not thread-safe.
 */
typedef struct _TsKalmanTrend TsKalmanTrend;

/**
 * TS_KALMAN_TREND_R_FLOOR:
 *
 * The floor of R, log-price units squared (STRATEGIES.md section 3).
 */
#define TS_KALMAN_TREND_R_FLOOR 1e-12

/**
 * TS_KALMAN_TREND_Q_RATIO:
 *
 * Q = TS_KALMAN_TREND_Q_RATIO x R x I (STRATEGIES.md section 3).
 */
#define TS_KALMAN_TREND_Q_RATIO 0.1

/**
 * ts_kalman_trend_new:
 * @warmup_returns: log returns whose variance seeds R, >= 2 (30)
 * @snr_window: innovations in the adaptive R estimate, >= 1 (`snr_window`, 14)
 *
 * Returns: (transfer full): a filter in its warm-up, or %NULL on invalid
 *   arguments
 */
TsKalmanTrend *ts_kalman_trend_new              (guint                warmup_returns,
                                                 guint                snr_window);
void           ts_kalman_trend_free             (TsKalmanTrend       *self);

/**
 * ts_kalman_trend_reset:
 *
 * Back to the warm-up; keeps the buffers.
 */
void           ts_kalman_trend_reset            (TsKalmanTrend       *self);

/**
 * ts_kalman_trend_push:
 * @price: the bar close, quote currency, > 0 and finite (others are ignored)
 *
 * Returns: %TRUE when the state is defined after this push (the warm-up
 *   is over: from the (@warmup_returns + 1)-th price on)
 */
gboolean       ts_kalman_trend_push             (TsKalmanTrend       *self,
                                                 double               price);
gboolean       ts_kalman_trend_is_ready         (const TsKalmanTrend *self);

/**
 * ts_kalman_trend_get_log_price:
 *
 * Returns: the filtered l = ln p, NaN during the warm-up
 */
double         ts_kalman_trend_get_log_price    (const TsKalmanTrend *self);

/**
 * ts_kalman_trend_get_price:
 *
 * Returns: exp(l), the filtered price in quote currency, NaN during the warm-up
 */
double         ts_kalman_trend_get_price        (const TsKalmanTrend *self);

/**
 * ts_kalman_trend_get_velocity:
 *
 * Returns: v, log return per bar, NaN during the warm-up
 */
double         ts_kalman_trend_get_velocity     (const TsKalmanTrend *self);

/**
 * ts_kalman_trend_get_acceleration:
 *
 * Returns: a, log return per bar per bar, NaN during the warm-up
 */
double         ts_kalman_trend_get_acceleration (const TsKalmanTrend *self);

/**
 * ts_kalman_trend_get_innovation:
 *
 * Returns: nu = l_t - predicted l of the last update, log units (0 on
 *   the push that ended the warm-up, NaN before)
 */
double         ts_kalman_trend_get_innovation   (const TsKalmanTrend *self);

/**
 * ts_kalman_trend_get_r:
 *
 * Returns: the current observation noise variance R, log units squared,
 *   NaN during the warm-up
 */
double         ts_kalman_trend_get_r            (const TsKalmanTrend *self);

/**
 * ts_kalman_trend_get_covariance:
 * @row: 0 (l), 1 (v) or 2 (a)
 * @col: 0, 1 or 2
 *
 * Returns: the posterior covariance P[@row, @col], NaN during the warm-up
 */
double         ts_kalman_trend_get_covariance   (const TsKalmanTrend *self,
                                                 guint                row,
                                                 guint                col);

/**
 * ts_kalman_trend_forecast:
 * @bars: horizon h in bars, >= 0 (`forecast_bars`, 5)
 *
 * The Taylor forecast of STRATEGIES.md section 3 in log space:
 * exp(l + v h + a h^2 / 2).
 *
 * Returns: the forecast price, quote currency, NaN during the warm-up
 */
double         ts_kalman_trend_forecast         (const TsKalmanTrend *self,
                                                 double               bars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsKalmanTrend, ts_kalman_trend_free)

G_END_DECLS
