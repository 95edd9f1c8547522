/* ts-ols.c: rolling OLS hedge ratio with intercept
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <gsl/gsl_fit.h>

#include "ts-ols.h"

struct _TsOls
{
  double *ring_a;     /* window slots each; next write at [next] */
  double *ring_b;
  double *lin_a;      /* the rings unrolled, oldest first */
  double *lin_b;
  double *resid;
  guint   window;
  guint   next;
  guint   count;
  guint   n_resid;
};

static void
fit_set_nan (TsOlsFit *fit,
             gsize     n)
{
  fit->alpha = fit->beta = NAN;
  fit->cov00 = fit->cov01 = fit->cov11 = NAN;
  fit->sumsq = NAN;
  fit->n = (guint) n;
}

gboolean
ts_ols_fit_arrays (const double *a,
                   const double *b,
                   gsize         n,
                   TsOlsFit     *fit,
                   double       *residuals)
{
  double mean_b = 0.0, sxx = 0.0;
  gsize i;

  g_return_val_if_fail (fit != NULL, FALSE);
  fit_set_nan (fit, n);
  if (n < 3)
    return FALSE;
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  /* B constant: beta undefined (gsl_fit_linear() would divide by 0) */
  for (i = 0; i < n; i++)
    mean_b += b[i];
  mean_b /= (double) n;
  for (i = 0; i < n; i++)
    sxx += (b[i] - mean_b) * (b[i] - mean_b);
  if (!(sxx > 0.0))
    return FALSE;

  gsl_fit_linear (b, 1, a, 1, n, &fit->alpha, &fit->beta,
                  &fit->cov00, &fit->cov01, &fit->cov11, &fit->sumsq);

  if (residuals != NULL)
    for (i = 0; i < n; i++)
      residuals[i] = a[i] - fit->alpha - fit->beta * b[i];
  return isfinite (fit->beta);
}

TsOls *
ts_ols_new (guint window)
{
  TsOls *self;

  g_return_val_if_fail (window >= 3, NULL);

  self = g_new0 (TsOls, 1);
  self->window = window;
  self->ring_a = g_new0 (double, window);
  self->ring_b = g_new0 (double, window);
  self->lin_a = g_new0 (double, window);
  self->lin_b = g_new0 (double, window);
  self->resid = g_new0 (double, window);
  return self;
}

void
ts_ols_free (TsOls *self)
{
  if (self == NULL)
    return;
  g_free (self->ring_a);
  g_free (self->ring_b);
  g_free (self->lin_a);
  g_free (self->lin_b);
  g_free (self->resid);
  g_free (self);
}

void
ts_ols_reset (TsOls *self)
{
  g_return_if_fail (self != NULL);
  self->next = 0;
  self->count = 0;
  self->n_resid = 0;
}

void
ts_ols_push (TsOls  *self,
             double  a,
             double  b)
{
  g_return_if_fail (self != NULL);
  self->ring_a[self->next] = a;
  self->ring_b[self->next] = b;
  if (++self->next == self->window)
    self->next = 0;
  if (self->count < self->window)
    self->count++;
}

guint
ts_ols_get_count (const TsOls *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->count;
}

guint
ts_ols_get_window (const TsOls *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->window;
}

gboolean
ts_ols_fit (TsOls    *self,
            TsOlsFit *fit)
{
  guint i, start;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fit != NULL, FALSE);

  /* oldest first: the oldest sits at next when full, at 0 otherwise */
  start = self->count == self->window ? self->next : 0;
  for (i = 0; i < self->count; i++)
    {
      guint slot = (start + i) % self->window;

      self->lin_a[i] = self->ring_a[slot];
      self->lin_b[i] = self->ring_b[slot];
    }

  if (!ts_ols_fit_arrays (self->lin_a, self->lin_b, self->count, fit, self->resid))
    {
      self->n_resid = 0;
      return FALSE;
    }
  self->n_resid = self->count;
  return TRUE;
}

const double *
ts_ols_get_residuals (const TsOls *self,
                      guint       *n_residuals)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_residuals != NULL, NULL);
  *n_residuals = self->n_resid;
  return self->resid;
}
