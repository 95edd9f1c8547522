/* ts-fractals.c: Williams 5-bar fractals
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-fractals.h"

#define SPAN 5

struct _TsFractals
{
  double    high[SPAN];   /* bar k in slot k % SPAN */
  double    low[SPAN];
  guint64   count;
  gboolean  have_up, have_down;
  TsFractal last_up, last_down;
};

TsFractals *
ts_fractals_new (void)
{
  return g_new0 (TsFractals, 1);
}

void
ts_fractals_free (TsFractals *self)
{
  g_free (self);
}

void
ts_fractals_reset (TsFractals *self)
{
  g_return_if_fail (self != NULL);
  *self = (TsFractals) { 0 };
}

TsFractalFlags
ts_fractals_push (TsFractals *self,
                  double      high,
                  double      low,
                  guint64    *bar_index)
{
  TsFractalFlags flags = TS_FRACTAL_NONE;
  guint64 mid;
  double h, l;
  guint k;
  gboolean up = TRUE, down = TRUE;

  g_return_val_if_fail (self != NULL, TS_FRACTAL_NONE);

  self->high[self->count % SPAN] = high;
  self->low[self->count % SPAN] = low;
  self->count++;
  if (self->count < SPAN)
    return TS_FRACTAL_NONE;

  /* the middle bar of the last five */
  mid = self->count - 3;
  h = self->high[mid % SPAN];
  l = self->low[mid % SPAN];
  for (k = 0; k < SPAN; k++)
    {
      guint64 b = self->count - SPAN + k;

      if (b == mid)
        continue;
      if (!(h > self->high[b % SPAN]))
        up = FALSE;
      if (!(l < self->low[b % SPAN]))
        down = FALSE;
    }

  if (up)
    {
      flags |= TS_FRACTAL_UP;
      self->have_up = TRUE;
      self->last_up.index = mid;
      self->last_up.price = h;
    }
  if (down)
    {
      flags |= TS_FRACTAL_DOWN;
      self->have_down = TRUE;
      self->last_down.index = mid;
      self->last_down.price = l;
    }
  if (bar_index != NULL)
    *bar_index = mid;
  return flags;
}

guint64
ts_fractals_get_count (const TsFractals *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->count;
}

gboolean
ts_fractals_get_last_up (const TsFractals *self,
                         TsFractal        *fractal)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fractal != NULL, FALSE);
  if (self->have_up)
    *fractal = self->last_up;
  return self->have_up;
}

gboolean
ts_fractals_get_last_down (const TsFractals *self,
                           TsFractal        *fractal)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fractal != NULL, FALSE);
  if (self->have_down)
    *fractal = self->last_down;
  return self->have_down;
}
