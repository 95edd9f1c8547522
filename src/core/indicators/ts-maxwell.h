/* ts-maxwell.h: Maxwell(-Boltzmann) distribution CDF and scale fit
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Maxwell dip buyer's distribution (STRATEGIES.md section 1; seed 000,
 * whose `1 - e^-(x/44)^2` stand-in is not reproduced). x is a deviation of
 * price from its SMA and a the scale, both in quote currency. */

/**
 * ts_maxwell_cdf:
 * @x: the deviation, quote currency (any finite value)
 * @a: the scale, quote currency, > 0
 *
 * F(x; a) = P(3/2, x^2 / (2 a^2)) for x > 0 and 0 for x <= 0, where P is the
 * regularized lower incomplete gamma function (gsl_sf_gamma_inc_P()); equal
 * to erf(x / (a sqrt 2)) - sqrt(2 / pi) (x / a) exp(-x^2 / (2 a^2))
 * (STRATEGIES.md section 1). Check values: F(a) = 0.19875,
 * F(0.7644 a) = 0.1, F(1.5382 a) = 0.5, F(2.5003 a) = 0.9.
 *
 * Returns: F in [0, 1]; NaN when @a <= 0 or an argument is NaN
 */
double ts_maxwell_cdf               (double        x,
                                     double        a);

/**
 * ts_maxwell_cdf_closed_form:
 * @x: the deviation, quote currency
 * @a: the scale, quote currency, > 0
 *
 * The same F by the erf formula of STRATEGIES.md section 1 (a cross-check
 * for ts_maxwell_cdf(); loses relative precision for x << a).
 *
 * Returns: F in [0, 1]; NaN when @a <= 0 or an argument is NaN
 */
double ts_maxwell_cdf_closed_form   (double        x,
                                     double        a);

/**
 * ts_maxwell_fit_scale:
 * @x: (array length=n): deviations, quote currency
 * @n: their number, >= 1
 *
 * The maximum-likelihood Maxwell scale a = sqrt(sum x_i^2 / (3 n))
 * (STRATEGIES.md section 1, `scale_mode` = fit, over the last `ma_period`
 * deviations).
 *
 * Returns: a, quote currency; NaN when @n is 0
 */
double ts_maxwell_fit_scale         (const double *x,
                                     gsize         n);

/**
 * ts_maxwell_fit_scale_from_sum_sq:
 * @sum_sq: sum of x_i^2 over the sample, quote currency squared, >= 0
 * @n: sample size, >= 1
 *
 * The same MLE from a running sum of squares (O(1) in a rolling window).
 *
 * Returns: sqrt(@sum_sq / (3 @n)); NaN when @n is 0 or @sum_sq < 0
 */
double ts_maxwell_fit_scale_from_sum_sq (double    sum_sq,
                                         gsize     n);

G_END_DECLS
