/* ts-kalman-trend.c: constant-acceleration Kalman filter on log prices
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include <gsl/gsl_blas.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_vector.h>

#include "ts-kalman-trend.h"

struct _TsKalmanTrend
{
  guint        warmup;       /* returns collected before the filter starts */
  guint        window;       /* innovations in the adaptive R */
  double      *warm;         /* warmup + 1 log prices */
  guint        n_warm;
  gboolean     ready;

  double      *eps2;         /* ring of squared post-fit residuals */
  double      *p00;          /* ring of the posterior P[0,0] */
  guint        ring_next;
  guint        ring_count;

  double       r;
  double       innovation;

  gsl_matrix  *a;            /* transition A */
  gsl_matrix  *p;            /* posterior covariance */
  gsl_matrix  *pp;           /* predicted covariance */
  gsl_matrix  *ikh;          /* I - K H */
  gsl_matrix  *tmp;
  gsl_vector  *x;            /* posterior state [l, v, a] */
  gsl_vector  *xp;           /* predicted state */
  gsl_vector  *k;            /* gain */
};

TsKalmanTrend *
ts_kalman_trend_new (guint warmup_returns,
                     guint snr_window)
{
  TsKalmanTrend *self;

  g_return_val_if_fail (warmup_returns >= 2, NULL);
  g_return_val_if_fail (snr_window >= 1, NULL);

  self = g_new0 (TsKalmanTrend, 1);
  self->warmup = warmup_returns;
  self->window = snr_window;
  self->warm = g_new0 (double, warmup_returns + 1);
  self->eps2 = g_new0 (double, snr_window);
  self->p00 = g_new0 (double, snr_window);

  self->a = gsl_matrix_alloc (3, 3);
  gsl_matrix_set_identity (self->a);
  gsl_matrix_set (self->a, 0, 1, 1.0);
  gsl_matrix_set (self->a, 0, 2, 0.5);
  gsl_matrix_set (self->a, 1, 2, 1.0);
  self->p = gsl_matrix_calloc (3, 3);
  self->pp = gsl_matrix_calloc (3, 3);
  self->ikh = gsl_matrix_calloc (3, 3);
  self->tmp = gsl_matrix_calloc (3, 3);
  self->x = gsl_vector_calloc (3);
  self->xp = gsl_vector_calloc (3);
  self->k = gsl_vector_calloc (3);

  ts_kalman_trend_reset (self);
  return self;
}

void
ts_kalman_trend_free (TsKalmanTrend *self)
{
  if (self == NULL)
    return;
  gsl_matrix_free (self->a);
  gsl_matrix_free (self->p);
  gsl_matrix_free (self->pp);
  gsl_matrix_free (self->ikh);
  gsl_matrix_free (self->tmp);
  gsl_vector_free (self->x);
  gsl_vector_free (self->xp);
  gsl_vector_free (self->k);
  g_free (self->warm);
  g_free (self->eps2);
  g_free (self->p00);
  g_free (self);
}

void
ts_kalman_trend_reset (TsKalmanTrend *self)
{
  g_return_if_fail (self != NULL);
  self->n_warm = 0;
  self->ready = FALSE;
  self->ring_next = 0;
  self->ring_count = 0;
  self->r = NAN;
  self->innovation = NAN;
  gsl_matrix_set_zero (self->p);
  gsl_vector_set_zero (self->x);
}

static void
start_filter (TsKalmanTrend *self)
{
  const double *l = self->warm;
  guint n = self->warmup;   /* returns r_i = l[i + 1] - l[i], i < n */
  double mean = 0.0, m2 = 0.0, r, acc, l0, l1, l2;
  guint i;

  for (i = 0; i < n; i++)
    mean += l[i + 1] - l[i];
  mean /= (double) n;
  for (i = 0; i < n; i++)
    {
      double d = (l[i + 1] - l[i]) - mean;
      m2 += d * d;
    }
  r = m2 / (double) (n - 1);
  self->r = MAX (r, TS_KALMAN_TREND_R_FLOOR);

  l0 = l[n - 2];
  l1 = l[n - 1];
  l2 = l[n];
  acc = l2 - 2.0 * l1 + l0;
  gsl_vector_set (self->x, 0, l2);
  gsl_vector_set (self->x, 1, (l2 - l1) + acc / 2.0);
  gsl_vector_set (self->x, 2, acc);

  gsl_matrix_set_zero (self->p);
  gsl_matrix_set (self->p, 0, 0, self->r);
  gsl_matrix_set (self->p, 1, 1, 6.5 * self->r);
  gsl_matrix_set (self->p, 2, 2, 6.0 * self->r);

  self->innovation = 0.0;
  self->ready = TRUE;
}

static void
step (TsKalmanTrend *self,
      double         z)
{
  double q = TS_KALMAN_TREND_Q_RATIO * self->r;
  double s, nu, eps, sum_eps2 = 0.0, sum_p00 = 0.0;
  guint i, j;

  /* predict: x- = A x, P- = A P A^T + Q */
  gsl_blas_dgemv (CblasNoTrans, 1.0, self->a, self->x, 0.0, self->xp);
  gsl_blas_dgemm (CblasNoTrans, CblasNoTrans, 1.0, self->a, self->p, 0.0, self->tmp);
  gsl_blas_dgemm (CblasNoTrans, CblasTrans, 1.0, self->tmp, self->a, 0.0, self->pp);
  for (i = 0; i < 3; i++)
    *gsl_matrix_ptr (self->pp, i, i) += q;

  /* update with H = [1, 0, 0]: S = P-[0,0] + R, K = P-[:,0] / S */
  nu = z - gsl_vector_get (self->xp, 0);
  s = gsl_matrix_get (self->pp, 0, 0) + self->r;
  for (i = 0; i < 3; i++)
    gsl_vector_set (self->k, i, gsl_matrix_get (self->pp, i, 0) / s);

  gsl_vector_memcpy (self->x, self->xp);
  gsl_blas_daxpy (nu, self->k, self->x);

  /* Joseph form: P = (I - K H) P- (I - K H)^T + R K K^T */
  gsl_matrix_set_identity (self->ikh);
  for (i = 0; i < 3; i++)
    *gsl_matrix_ptr (self->ikh, i, 0) -= gsl_vector_get (self->k, i);
  gsl_blas_dgemm (CblasNoTrans, CblasNoTrans, 1.0, self->ikh, self->pp, 0.0, self->tmp);
  gsl_blas_dgemm (CblasNoTrans, CblasTrans, 1.0, self->tmp, self->ikh, 0.0, self->p);
  gsl_blas_dger (self->r, self->k, self->k, self->p);
  for (i = 0; i < 3; i++)
    for (j = i + 1; j < 3; j++)
      {
        double m = 0.5 * (gsl_matrix_get (self->p, i, j) + gsl_matrix_get (self->p, j, i));
        gsl_matrix_set (self->p, i, j, m);
        gsl_matrix_set (self->p, j, i, m);
      }

  self->innovation = nu;

  /* adaptive R: mean(eps^2) + mean(H P H^T) over the last window bars,
   * eps = z - H x the post-fit residual (= (1 - K[0]) nu) */
  eps = z - gsl_vector_get (self->x, 0);
  self->eps2[self->ring_next] = eps * eps;
  self->p00[self->ring_next] = gsl_matrix_get (self->p, 0, 0);
  if (++self->ring_next == self->window)
    self->ring_next = 0;
  if (self->ring_count < self->window)
    self->ring_count++;
  if (self->ring_count == self->window)
    {
      for (i = 0; i < self->window; i++)
        {
          sum_eps2 += self->eps2[i];
          sum_p00 += self->p00[i];
        }
      self->r = MAX ((sum_eps2 + sum_p00) / (double) self->window,
                     TS_KALMAN_TREND_R_FLOOR);
    }
}

gboolean
ts_kalman_trend_push (TsKalmanTrend *self,
                      double         price)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!(price > 0.0) || !isfinite (price))
    return self->ready;

  if (!self->ready)
    {
      self->warm[self->n_warm++] = log (price);
      if (self->n_warm == self->warmup + 1)
        start_filter (self);
      return self->ready;
    }

  step (self, log (price));
  return TRUE;
}

gboolean
ts_kalman_trend_is_ready (const TsKalmanTrend *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->ready;
}

static double
state (const TsKalmanTrend *self,
       guint                i)
{
  if (!self->ready)
    return NAN;
  return gsl_vector_get (self->x, i);
}

double
ts_kalman_trend_get_log_price (const TsKalmanTrend *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return state (self, 0);
}

double
ts_kalman_trend_get_price (const TsKalmanTrend *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return exp (state (self, 0));
}

double
ts_kalman_trend_get_velocity (const TsKalmanTrend *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return state (self, 1);
}

double
ts_kalman_trend_get_acceleration (const TsKalmanTrend *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return state (self, 2);
}

double
ts_kalman_trend_get_innovation (const TsKalmanTrend *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->innovation;
}

double
ts_kalman_trend_get_r (const TsKalmanTrend *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->ready ? self->r : NAN;
}

double
ts_kalman_trend_get_covariance (const TsKalmanTrend *self,
                                guint                row,
                                guint                col)
{
  g_return_val_if_fail (self != NULL, NAN);
  g_return_val_if_fail (row < 3 && col < 3, NAN);
  if (!self->ready)
    return NAN;
  return gsl_matrix_get (self->p, row, col);
}

double
ts_kalman_trend_forecast (const TsKalmanTrend *self,
                          double               bars)
{
  g_return_val_if_fail (self != NULL, NAN);
  if (!self->ready)
    return NAN;
  return exp (state (self, 0) + state (self, 1) * bars +
              state (self, 2) * bars * bars / 2.0);
}
