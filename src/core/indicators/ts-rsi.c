/* ts-rsi.c: relative strength index with Wilder's smoothing
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ts-rsi.h"

struct _TsRsi
{
  guint    period;
  guint    changes;     /* changes seen, saturating at period */
  gboolean have_prev;
  double   prev;        /* the previous price */
  double   avg_gain;    /* warm-up: the sum of gains */
  double   avg_loss;    /* warm-up: the sum of losses */
  double   value;
};

TsRsi *
ts_rsi_new (guint period)
{
  TsRsi *self;

  g_return_val_if_fail (period >= 1, NULL);

  self = g_new0 (TsRsi, 1);
  self->period = period;
  self->value = NAN;
  return self;
}

void
ts_rsi_free (TsRsi *self)
{
  g_free (self);
}

void
ts_rsi_reset (TsRsi *self)
{
  guint period;

  g_return_if_fail (self != NULL);
  period = self->period;
  *self = (TsRsi) { 0 };
  self->period = period;
  self->value = NAN;
}

static double
rsi_from (double avg_gain,
          double avg_loss)
{
  if (avg_loss <= 0.0)
    return avg_gain > 0.0 ? 100.0 : 50.0;
  return 100.0 - 100.0 / (1.0 + avg_gain / avg_loss);
}

double
ts_rsi_push (TsRsi  *self,
             double  price)
{
  double d, gain, loss, n;

  g_return_val_if_fail (self != NULL, NAN);

  if (!self->have_prev)
    {
      self->prev = price;
      self->have_prev = TRUE;
      return NAN;
    }

  d = price - self->prev;
  self->prev = price;
  gain = d > 0.0 ? d : 0.0;
  loss = d < 0.0 ? -d : 0.0;
  n = (double) self->period;

  if (self->changes < self->period)
    {
      /* warm-up: sums, then the simple means of the first n changes */
      self->avg_gain += gain;
      self->avg_loss += loss;
      if (++self->changes < self->period)
        return NAN;
      self->avg_gain /= n;
      self->avg_loss /= n;
    }
  else
    {
      /* Wilder's smoothing */
      self->avg_gain = (self->avg_gain * (n - 1.0) + gain) / n;
      self->avg_loss = (self->avg_loss * (n - 1.0) + loss) / n;
    }

  self->value = rsi_from (self->avg_gain, self->avg_loss);
  return self->value;
}

double
ts_rsi_get_value (const TsRsi *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->value;
}

double
ts_rsi_get_avg_gain (const TsRsi *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return ts_rsi_is_ready (self) ? self->avg_gain : NAN;
}

double
ts_rsi_get_avg_loss (const TsRsi *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  return ts_rsi_is_ready (self) ? self->avg_loss : NAN;
}

gboolean
ts_rsi_is_ready (const TsRsi *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->changes == self->period;
}
