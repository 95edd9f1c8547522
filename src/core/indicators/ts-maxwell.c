/* ts-maxwell.c: Maxwell(-Boltzmann) distribution CDF and scale fit
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <gsl/gsl_sf_gamma.h>

#include "ts-maxwell.h"

double
ts_maxwell_cdf (double x,
                double a)
{
  double u;

  if (isnan (x) || !(a > 0.0))
    return NAN;
  if (x <= 0.0)
    return 0.0;

  u = (x / a) * (x / a) / 2.0;
  if (!isfinite (u) || u > 1e3)
    return 1.0;
  if (u < 1e-20)
    {
      /* leading term P(3/2, u) ~ u^(3/2) / Gamma(5/2), relative error
       * O(u); keeps GSL's underflow error (and its abort) away */
      return 4.0 * u * sqrt (u) / (3.0 * sqrt (M_PI));
    }
  return gsl_sf_gamma_inc_P (1.5, u);
}

double
ts_maxwell_cdf_closed_form (double x,
                            double a)
{
  double z;

  if (isnan (x) || !(a > 0.0))
    return NAN;
  if (x <= 0.0)
    return 0.0;

  z = x / a;
  return erf (z / M_SQRT2) - sqrt (2.0 / M_PI) * z * exp (-z * z / 2.0);
}

double
ts_maxwell_fit_scale (const double *x,
                      gsize         n)
{
  double sum_sq = 0.0;
  gsize i;

  if (n == 0)
    return NAN;
  g_return_val_if_fail (x != NULL, NAN);

  for (i = 0; i < n; i++)
    sum_sq += x[i] * x[i];
  return ts_maxwell_fit_scale_from_sum_sq (sum_sq, n);
}

double
ts_maxwell_fit_scale_from_sum_sq (double sum_sq,
                                  gsize  n)
{
  if (n == 0 || !(sum_sq >= 0.0))
    return NAN;
  return sqrt (sum_sq / (3.0 * (double) n));
}
