/* ts-adf.c: Dickey-Fuller test (constant, no trend, lag 0) and half-life
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <gsl/gsl_fit.h>

#include "ts-adf.h"

struct _TsAdf
{
  guint   max_len;
  double *x;       /* e_(t-1), max_len - 1 */
  double *y;       /* diff(e)_t, max_len - 1 */
};

/* MacKinnon (2010) table 2, "c" (constant, no trend): b_inf, b_1, b_2, b_3
 * for N = 1 and N = 2 at 1, 5 and 10 % */
static const double mackinnon_c[2][3][4] = {
  { { -3.43035, -6.5393, -16.786, -79.433 },
    { -2.86154, -2.8903, -4.234, -40.040 },
    { -2.56677, -1.5384, -2.809, 0.0 } },
  { { -3.89644, -10.9519, -33.527, 0.0 },
    { -3.33613, -6.1101, -6.823, 0.0 },
    { -3.04445, -4.2412, -2.720, 0.0 } },
};

TsAdf *
ts_adf_new (guint max_len)
{
  TsAdf *self;

  g_return_val_if_fail (max_len >= 4, NULL);

  self = g_new0 (TsAdf, 1);
  self->max_len = max_len;
  self->x = g_new0 (double, max_len - 1);
  self->y = g_new0 (double, max_len - 1);
  return self;
}

void
ts_adf_free (TsAdf *self)
{
  if (self == NULL)
    return;
  g_free (self->x);
  g_free (self->y);
  g_free (self);
}

double
ts_adf_half_life (double theta)
{
  double rho;

  if (isnan (theta))
    return NAN;
  rho = fabs (1.0 + theta);
  if (rho >= 1.0)
    return INFINITY;
  if (rho == 0.0)
    return 0.0;
  return -M_LN2 / log (rho);
}

gboolean
ts_adf_test (TsAdf        *self,
             const double *e,
             gsize         n,
             TsAdfResult  *result)
{
  double c0, c1, cov00, cov01, cov11, sumsq, mean = 0.0, sxx = 0.0;
  gsize m, i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  result->theta = result->intercept = NAN;
  result->se_theta = result->t_stat = result->half_life = NAN;
  result->n_obs = 0;
  if (n < 4 || n > self->max_len)
    return FALSE;
  g_return_val_if_fail (e != NULL, FALSE);

  m = n - 1;
  for (i = 0; i < m; i++)
    {
      self->x[i] = e[i];
      self->y[i] = e[i + 1] - e[i];
      mean += e[i];
    }
  mean /= (double) m;
  for (i = 0; i < m; i++)
    sxx += (self->x[i] - mean) * (self->x[i] - mean);
  if (!(sxx > 0.0))
    return FALSE;

  /* gsl_fit_linear: cov11 = s^2 / Sxx with s^2 = SSR / (m - 2) */
  gsl_fit_linear (self->x, 1, self->y, 1, m, &c0, &c1, &cov00, &cov01, &cov11, &sumsq);

  result->theta = c1;
  result->intercept = c0;
  result->se_theta = sqrt (cov11);
  result->t_stat = c1 / result->se_theta;
  result->half_life = ts_adf_half_life (c1);
  result->n_obs = (guint) m;
  return TRUE;
}

double
ts_adf_critical_value (TsAdfLevel level,
                       guint      n_variables,
                       gsize      n_obs)
{
  const double *b;
  double t;

  g_return_val_if_fail (level <= TS_ADF_LEVEL_10, NAN);
  if (n_variables < 1 || n_variables > 2)
    return NAN;

  b = mackinnon_c[n_variables - 1][level];
  if (n_obs == 0)
    return b[0];
  t = (double) n_obs;
  return b[0] + b[1] / t + b[2] / (t * t) + b[3] / (t * t * t);
}
