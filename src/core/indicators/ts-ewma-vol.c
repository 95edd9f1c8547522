/* ts-ewma-vol.c: RiskMetrics EWMA volatility of log returns
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ts-ewma-vol.h"

struct _TsEwmaVol
{
  double   lambda;
  double   prev;      /* previous price, 0 before the first */
  double   sigma2;    /* NaN before the first return */
  double   last_r;
};

TsEwmaVol *
ts_ewma_vol_new (double lambda)
{
  TsEwmaVol *self;

  g_return_val_if_fail (lambda >= 0.0 && lambda < 1.0, NULL);

  self = g_new0 (TsEwmaVol, 1);
  self->lambda = lambda;
  self->sigma2 = NAN;
  self->last_r = NAN;
  return self;
}

void
ts_ewma_vol_free (TsEwmaVol *self)
{
  g_free (self);
}

void
ts_ewma_vol_reset (TsEwmaVol *self)
{
  g_return_if_fail (self != NULL);
  self->prev = 0.0;
  self->sigma2 = NAN;
  self->last_r = NAN;
}

double
ts_ewma_vol_push (TsEwmaVol *self,
                  double     price)
{
  double r;

  g_return_val_if_fail (self != NULL, NAN);

  if (!(price > 0.0) || !isfinite (price))
    return sqrt (self->sigma2);
  if (self->prev <= 0.0)
    {
      self->prev = price;
      return NAN;
    }

  r = log (price / self->prev);
  self->prev = price;
  self->last_r = r;
  if (isnan (self->sigma2))
    self->sigma2 = r * r;
  else
    self->sigma2 = self->lambda * self->sigma2 + (1.0 - self->lambda) * r * r;
  return sqrt (self->sigma2);
}

double
ts_ewma_vol_get_variance (const TsEwmaVol *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->sigma2;
}

double
ts_ewma_vol_get_sigma (const TsEwmaVol *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return sqrt (self->sigma2);
}

double
ts_ewma_vol_get_last_return (const TsEwmaVol *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->last_r;
}

gboolean
ts_ewma_vol_is_ready (const TsEwmaVol *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return !isnan (self->sigma2);
}
