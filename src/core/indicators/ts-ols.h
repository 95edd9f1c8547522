/* ts-ols.h: rolling OLS hedge ratio with intercept
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsOls:
 *
 * The hedge ratio of the pairs strategy (STRATEGIES.md section 4; seed 003;
 * Engle & Granger 1987, step 1): ordinary least squares with intercept of
 * A on B over the last @window pairs of bar closes,
 *
 *   A_i = alpha + beta B_i + e_i,
 *   beta = sum (B - mean B)(A - mean A) / sum (B - mean B)^2,
 *   alpha = mean A - beta mean B,
 *
 * solved by gsl_fit_linear(); the residuals e_i = A_i - alpha - beta B_i
 * (oldest first) are what ts_adf_test() takes.
 *
 * ts_ols_push() is O(1) (two rings); ts_ols_fit() is O(window) and meant for
 * every `recalc_bars`, not every bar. All buffers are allocated by
 * ts_ols_new(); nothing after. Prices in quote currency; beta = dA/dB
 * (hold beta units of B per unit of A). Not thread-safe.
 */
typedef struct _TsOls TsOls;

/**
 * TsOlsFit:
 * @alpha: intercept, units of A
 * @beta: slope dA/dB (the hedge ratio: units of B held per unit of A)
 * @cov00: variance of @alpha (residual variance s^2 = sumsq / (n - 2))
 * @cov01: covariance of @alpha and @beta
 * @cov11: variance of @beta
 * @sumsq: sum of squared residuals
 * @n: pairs in the fit
 *
 * The output of gsl_fit_linear(), named.
 */
typedef struct
{
  double alpha;
  double beta;
  double cov00;
  double cov01;
  double cov11;
  double sumsq;
  guint  n;
} TsOlsFit;

/**
 * ts_ols_fit_arrays:
 * @a: (array length=n): the dependent series A
 * @b: (array length=n): the regressor B
 * @n: number of pairs, >= 3
 * @fit: (out): the fit
 * @residuals: (out caller-allocates) (array length=n) (optional): e_i,
 *   may be %NULL
 *
 * Stateless OLS of @a on @b with intercept (gsl_fit_linear()). No allocation.
 *
 * Returns: %FALSE when @n < 3 or @b is constant (beta undefined); @fit is
 *   then filled with NaN
 */
gboolean      ts_ols_fit_arrays      (const double  *a,
                                      const double  *b,
                                      gsize          n,
                                      TsOlsFit      *fit,
                                      double        *residuals);

/**
 * ts_ols_new:
 * @window: pairs kept and fitted, >= 3 (`formation_bars`, 300)
 *
 * Returns: (transfer full): an empty regression, or %NULL when @window < 3
 */
TsOls        *ts_ols_new             (guint          window);
void          ts_ols_free            (TsOls         *self);
void          ts_ols_reset           (TsOls         *self);

/**
 * ts_ols_push:
 * @a: the new A value (bar close of symbol A), finite
 * @b: the new B value (bar close of symbol B), finite
 *
 * Appends the pair; drops the oldest once @window pairs are held.
 */
void          ts_ols_push            (TsOls         *self,
                                      double         a,
                                      double         b);
guint         ts_ols_get_count       (const TsOls   *self);
guint         ts_ols_get_window      (const TsOls   *self);

/**
 * ts_ols_fit:
 * @fit: (out): the fit over the pairs held
 *
 * Fits the pairs held (oldest first) and keeps their residuals for
 * ts_ols_get_residuals(). O(count), no allocation.
 *
 * Returns: %FALSE with fewer than 3 pairs or a constant B
 */
gboolean      ts_ols_fit             (TsOls         *self,
                                      TsOlsFit      *fit);

/**
 * ts_ols_get_residuals:
 * @n_residuals: (out): their number (0 before a successful fit)
 *
 * Returns: (transfer none) (array length=n_residuals): the residuals of
 *   the last successful ts_ols_fit(), oldest first; valid until the next fit
 */
const double *ts_ols_get_residuals   (const TsOls   *self,
                                      guint         *n_residuals);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsOls, ts_ols_free)

G_END_DECLS
