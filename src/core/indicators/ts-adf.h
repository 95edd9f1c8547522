/* ts-adf.h: Dickey-Fuller test (constant, no trend, lag 0) and half-life
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsAdf:
 *
 * The Engle-Granger cointegration check of the pairs strategy
 * (STRATEGIES.md section 4; seed 003; Engle & Granger 1987, step 2): the
 * (augmented, lag 0) Dickey-Fuller regression with a constant and no trend
 * of a series e_0 .. e_(n-1) (the OLS residuals of #TsOls):
 *
 *   diff(e)_t = e_t - e_(t-1) = c + theta e_(t-1) + u_t,   t = 1 .. n-1
 *
 * by OLS (gsl_fit_linear()); t = theta / se(theta) with
 * se(theta)^2 = s^2 / sum (e_(t-1) - mean)^2, s^2 = SSR / (n - 3).
 * Compare t with ts_adf_critical_value() (MacKinnon 2010): below it, the
 * unit root is rejected (the spread mean-reverts). The AR(1) half-life is
 * ts_adf_half_life().
 *
 * ts_adf_new() allocates the work arrays for series up to @max_len once;
 * ts_adf_test() is O(n) without allocation. Not thread-safe.
 */
typedef struct _TsAdf TsAdf;

/**
 * TsAdfResult:
 * @theta: the coefficient of e_(t-1) (rho - 1 of the AR(1) e_t = c + rho e_(t-1))
 * @intercept: c, units of e
 * @se_theta: standard error of @theta
 * @t_stat: theta / se(theta), the Dickey-Fuller tau statistic
 * @half_life: ts_adf_half_life (@theta), bars
 * @n_obs: observations in the regression, n - 1
 */
typedef struct
{
  double theta;
  double intercept;
  double se_theta;
  double t_stat;
  double half_life;
  guint  n_obs;
} TsAdfResult;

/**
 * TsAdfLevel:
 * @TS_ADF_LEVEL_1: 1 % significance
 * @TS_ADF_LEVEL_5: 5 % significance
 * @TS_ADF_LEVEL_10: 10 % significance
 */
typedef enum
{
  TS_ADF_LEVEL_1,
  TS_ADF_LEVEL_5,
  TS_ADF_LEVEL_10,
} TsAdfLevel;

/**
 * TS_ADF_EG2_CRITICAL_5:
 *
 * The 5 % asymptotic critical value of the Engle-Granger test for two
 * variables with a constant (MacKinnon 2010, table 2: -3.33613; rounded
 * -3.34 in STRATEGIES.md section 4).
 */
#define TS_ADF_EG2_CRITICAL_5 (-3.34)

/**
 * ts_adf_new:
 * @max_len: the longest series ts_adf_test() will take, >= 4
 *
 * Returns: (transfer full): a test with its work arrays, or %NULL when
 *   @max_len < 4
 */
TsAdf   *ts_adf_new            (guint         max_len);
void     ts_adf_free           (TsAdf        *self);

/**
 * ts_adf_test:
 * @e: (array length=n): the series, oldest first (OLS residuals, a spread)
 * @n: its length, 4 <= n <= max_len
 * @result: (out): theta, c, se, t, half-life
 *
 * Returns: %FALSE when @n is out of range or e_0 .. e_(n-2) is constant
 *   (the regression is undefined); @result is then NaN
 */
gboolean ts_adf_test           (TsAdf        *self,
                                const double *e,
                                gsize         n,
                                TsAdfResult  *result);

/**
 * ts_adf_half_life:
 * @theta: the Dickey-Fuller coefficient
 *
 * The half-life of the AR(1) e_t = rho e_(t-1), rho = 1 + theta
 * (STRATEGIES.md section 4): -ln 2 / ln(1 + theta). Taken as
 * -ln 2 / ln |1 + theta| so that an overshooting -2 < theta < -1 gets the
 * half-life of its decaying magnitude.
 *
 * Returns: bars; 0 for theta = -1; +inf when |1 + theta| >= 1 (no mean
 *   reversion); NaN for NaN
 */
double   ts_adf_half_life      (double        theta);

/**
 * ts_adf_critical_value:
 * @level: the significance level
 * @n_variables: 1 (Dickey-Fuller on one series) or 2 (Engle-Granger on the
 *   residuals of a regression of one series on another)
 * @n_obs: observations T in the test regression; 0 for the asymptotic value
 *
 * MacKinnon's response surface, constant and no trend (J. G. MacKinnon,
 * "Critical Values for Cointegration Tests", Queen's Economics Department
 * Working Paper 1227, 2010, table 2):
 * c(T) = b_inf + b_1 / T + b_2 / T^2 + b_3 / T^3.
 * Asymptotic values: 1 variable -3.43035, -2.86154, -2.56677;
 * 2 variables -3.89644, -3.33613, -3.04445 (1, 5, 10 %).
 *
 * Returns: the critical value of the t statistic, NaN for other
 *   @n_variables
 */
double   ts_adf_critical_value (TsAdfLevel    level,
                                guint         n_variables,
                                gsize         n_obs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsAdf, ts_adf_free)

G_END_DECLS
