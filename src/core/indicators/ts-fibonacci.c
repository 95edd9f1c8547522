/* ts-fibonacci.c: Fibonacci retracement levels of a swing
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ts-fibonacci.h"

static const double ratios[TS_FIBONACCI_N_LEVELS] = { 0.236, 0.382, 0.5, 0.618, 0.786 };

double
ts_fibonacci_get_ratio (guint i)
{
  if (i >= TS_FIBONACCI_N_LEVELS)
    return NAN;
  return ratios[i];
}

void
ts_fibonacci_init (TsFibonacci *self,
                   double       start,
                   double       end)
{
  guint i;

  g_return_if_fail (self != NULL);
  self->start = start;
  self->end = end;
  for (i = 0; i < TS_FIBONACCI_N_LEVELS; i++)
    self->levels[i] = ts_fibonacci_level (self, ratios[i]);
}

gboolean
ts_fibonacci_is_up (const TsFibonacci *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->end > self->start;
}

double
ts_fibonacci_level (const TsFibonacci *self,
                    double             ratio)
{
  g_return_val_if_fail (self != NULL, NAN);
  return self->end - ratio * (self->end - self->start);
}

int
ts_fibonacci_find_near (const TsFibonacci *self,
                        double             price,
                        double             tolerance_pct,
                        guint              mask)
{
  int best = -1;
  double best_d = INFINITY;
  guint i;

  g_return_val_if_fail (self != NULL, -1);

  for (i = 0; i < TS_FIBONACCI_N_LEVELS; i++)
    {
      double d = fabs (price - self->levels[i]);

      if (!(mask & (1u << i)))
        continue;
      if (d <= tolerance_pct / 100.0 * fabs (self->levels[i]) && d < best_d)
        {
          best = (int) i;
          best_d = d;
        }
    }
  return best;
}
