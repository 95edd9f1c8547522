/* ts-p2-quantile.c: a running quantile in O(1) memory (the P² algorithm)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-p2-quantile.h"

#include <math.h>

void
ts_p2_quantile_init (TsP2Quantile *self,
                     double        p)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (p > 0.0 && p < 1.0);

  *self = (TsP2Quantile) { 0 };
  self->p = p;
  for (guint i = 0; i < 5; i++)
    self->pos[i] = i + 1;
  self->want[0] = 1.0;
  self->want[1] = 1.0 + 2.0 * p;
  self->want[2] = 1.0 + 4.0 * p;
  self->want[3] = 3.0 + 2.0 * p;
  self->want[4] = 5.0;
  self->dwant[0] = 0.0;
  self->dwant[1] = p / 2.0;
  self->dwant[2] = p;
  self->dwant[3] = (1.0 + p) / 2.0;
  self->dwant[4] = 1.0;
}

/* Jain & Chlamtac, the piecewise-parabolic (P²) formula */
static double
parabolic (const TsP2Quantile *s,
           int                 i,
           double              d)
{
  return s->q[i] + d / (s->pos[i + 1] - s->pos[i - 1]) *
         ((s->pos[i] - s->pos[i - 1] + d) * (s->q[i + 1] - s->q[i]) / (s->pos[i + 1] - s->pos[i]) +
          (s->pos[i + 1] - s->pos[i] - d) * (s->q[i] - s->q[i - 1]) / (s->pos[i] - s->pos[i - 1]));
}

static double
linear (const TsP2Quantile *s,
        int                 i,
        int                 d)
{
  return s->q[i] + d * (s->q[i + d] - s->q[i]) / (s->pos[i + d] - s->pos[i]);
}

void
ts_p2_quantile_push (TsP2Quantile *self,
                     double        x)
{
  int k, i;

  g_return_if_fail (self != NULL);

  if (self->n < 5)
    {
      /* insertion sort of the first five */
      i = (int) self->n;
      while (i > 0 && self->q[i - 1] > x)
        {
          self->q[i] = self->q[i - 1];
          i--;
        }
      self->q[i] = x;
      self->n++;
      return;
    }

  if (x < self->q[0])
    {
      self->q[0] = x;
      k = 0;
    }
  else if (x >= self->q[4])
    {
      self->q[4] = x;
      k = 3;
    }
  else
    {
      for (k = 0; k < 3 && !(x < self->q[k + 1]); k++)
        ;
    }
  for (i = k + 1; i < 5; i++)
    self->pos[i] += 1.0;
  for (i = 0; i < 5; i++)
    self->want[i] += self->dwant[i];
  self->n++;

  for (i = 1; i <= 3; i++)
    {
      double d = self->want[i] - self->pos[i];

      if ((d >= 1.0 && self->pos[i + 1] - self->pos[i] > 1.0) ||
          (d <= -1.0 && self->pos[i - 1] - self->pos[i] < -1.0))
        {
          int sd = d >= 0.0 ? 1 : -1;
          double h = parabolic (self, i, sd);

          if (!(self->q[i - 1] < h && h < self->q[i + 1]))
            h = linear (self, i, sd);
          self->q[i] = h;
          self->pos[i] += sd;
        }
    }
}

double
ts_p2_quantile_get (const TsP2Quantile *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->n == 0)
    return NAN;
  if (self->n <= 5)
    {
      /* exact: the sorted value nearest rank p (n - 1) */
      guint r = (guint) floor (self->p * (double) (self->n - 1) + 0.5);

      return self->q[r];
    }
  return self->q[2];
}
