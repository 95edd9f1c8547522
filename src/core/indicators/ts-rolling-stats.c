/* ts-rolling-stats.c: rolling mean and sample standard deviation
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ts-rolling-stats.h"

struct _TsRollingStats
{
  double *ring;    /* period slots; the next write goes to ring[next] */
  guint   period;
  guint   next;
  guint   count;
  guint   since;   /* replacements since the last exact recompute */
  double  mean;
  double  m2;      /* sum of squared deviations from the mean */
};

TsRollingStats *
ts_rolling_stats_new (guint period)
{
  TsRollingStats *self;

  g_return_val_if_fail (period >= 2, NULL);

  self = g_new0 (TsRollingStats, 1);
  self->period = period;
  self->ring = g_new0 (double, period);
  return self;
}

void
ts_rolling_stats_free (TsRollingStats *self)
{
  if (self == NULL)
    return;
  g_free (self->ring);
  g_free (self);
}

void
ts_rolling_stats_reset (TsRollingStats *self)
{
  g_return_if_fail (self != NULL);
  self->next = 0;
  self->count = 0;
  self->since = 0;
  self->mean = 0.0;
  self->m2 = 0.0;
}

static void
recompute (TsRollingStats *self)
{
  double sum = 0.0, m2 = 0.0, mean;
  guint i;

  for (i = 0; i < self->count; i++)
    sum += self->ring[i];
  mean = sum / (double) self->count;
  for (i = 0; i < self->count; i++)
    {
      double d = self->ring[i] - mean;
      m2 += d * d;
    }
  self->mean = mean;
  self->m2 = m2;
  self->since = 0;
}

void
ts_rolling_stats_push (TsRollingStats *self,
                       double          x)
{
  g_return_if_fail (self != NULL);

  if (self->count < self->period)
    {
      double d = x - self->mean;

      self->count++;
      self->mean += d / (double) self->count;
      self->m2 += d * (x - self->mean);
    }
  else
    {
      double old = self->ring[self->next];
      double old_mean = self->mean;

      self->mean += (x - old) / (double) self->period;
      self->m2 += (x - old) * (x - self->mean + old - old_mean);
      if (self->m2 < 0.0)
        self->m2 = 0.0;
      self->since++;
    }

  self->ring[self->next] = x;
  if (++self->next == self->period)
    self->next = 0;

  if (self->since >= self->period)
    recompute (self);
}

guint
ts_rolling_stats_get_count (const TsRollingStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->count;
}

guint
ts_rolling_stats_get_period (const TsRollingStats *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->period;
}

gboolean
ts_rolling_stats_is_full (const TsRollingStats *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->count == self->period;
}

double
ts_rolling_stats_get_mean (const TsRollingStats *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  if (self->count == 0)
    return NAN;
  return self->mean;
}

double
ts_rolling_stats_get_variance (const TsRollingStats *self)
{
  g_return_val_if_fail (self != NULL, NAN);
  if (self->count < 2)
    return NAN;
  return self->m2 / (double) (self->count - 1);
}

double
ts_rolling_stats_get_sd (const TsRollingStats *self)
{
  return sqrt (ts_rolling_stats_get_variance (self));
}
