/* ts-sma.c: simple moving average over a fixed number of values
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ts-sma.h"

struct _TsSma
{
  double *ring;     /* period slots; the next write goes to ring[next] */
  guint   period;
  guint   next;
  guint   count;    /* values held, <= period */
  guint   since;    /* pushes since the last exact recompute */
  double  sum;      /* running sum of the values held */
};

TsSma *
ts_sma_new (guint period)
{
  TsSma *self;

  g_return_val_if_fail (period >= 1, NULL);

  self = g_new0 (TsSma, 1);
  self->period = period;
  self->ring = g_new0 (double, period);
  return self;
}

void
ts_sma_free (TsSma *self)
{
  if (self == NULL)
    return;
  g_free (self->ring);
  g_free (self);
}

void
ts_sma_reset (TsSma *self)
{
  g_return_if_fail (self != NULL);
  self->next = 0;
  self->count = 0;
  self->since = 0;
  self->sum = 0.0;
}

double
ts_sma_push (TsSma  *self,
             double  x)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->count == self->period)
    self->sum -= self->ring[self->next];
  else
    self->count++;
  self->ring[self->next] = x;
  self->sum += x;
  if (++self->next == self->period)
    self->next = 0;

  if (self->count == self->period && ++self->since >= self->period)
    {
      /* exact recompute once per ring turn: amortized O(1), no drift */
      double sum = 0.0;
      guint i;

      for (i = 0; i < self->period; i++)
        sum += self->ring[i];
      self->sum = sum;
      self->since = 0;
    }

  return ts_sma_get_value (self);
}

double
ts_sma_get_value (const TsSma *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  if (self->count < self->period)
    return NAN;
  return self->sum / (double) self->period;
}

double
ts_sma_get_last (const TsSma *self,
                 guint        age)
{
  guint slot;

  g_return_val_if_fail (self != NULL, NAN);
  if (age >= self->count)
    return NAN;
  slot = (self->next + self->period - 1 - age) % self->period;
  return self->ring[slot];
}

guint
ts_sma_get_count (const TsSma *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->count;
}

guint
ts_sma_get_period (const TsSma *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->period;
}

gboolean
ts_sma_is_ready (const TsSma *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->count == self->period;
}
