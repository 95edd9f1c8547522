/* ts-ema.c: exponential moving average
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ts-ema.h"

struct _TsEma
{
  double alpha;
  guint  period;   /* warm-up length: the seed is the mean of this many */
  guint  count;    /* values pushed, saturating at period */
  double sum;      /* warm-up sum */
  double value;    /* NaN during the warm-up */
};

static TsEma *
ema_new (double alpha,
         guint  period)
{
  TsEma *self = g_new0 (TsEma, 1);

  self->alpha = alpha;
  self->period = period;
  self->value = NAN;
  return self;
}

TsEma *
ts_ema_new (guint period)
{
  g_return_val_if_fail (period >= 1, NULL);
  return ema_new (2.0 / ((double) period + 1.0), period);
}

TsEma *
ts_ema_new_with_alpha (double alpha)
{
  g_return_val_if_fail (alpha > 0.0 && alpha <= 1.0, NULL);
  return ema_new (alpha, 1);
}

void
ts_ema_free (TsEma *self)
{
  g_free (self);
}

void
ts_ema_reset (TsEma *self)
{
  g_return_if_fail (self != NULL);
  self->count = 0;
  self->sum = 0.0;
  self->value = NAN;
}

double
ts_ema_push (TsEma  *self,
             double  x)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->count < self->period)
    {
      self->sum += x;
      if (++self->count == self->period)
        self->value = self->sum / (double) self->period;
      return self->value;
    }

  self->value += self->alpha * (x - self->value);
  return self->value;
}

double
ts_ema_get_value (const TsEma *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->value;
}

double
ts_ema_get_alpha (const TsEma *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->alpha;
}

guint
ts_ema_get_period (const TsEma *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->period;
}

gboolean
ts_ema_is_ready (const TsEma *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->count == self->period;
}
