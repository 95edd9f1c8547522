/* ts-macd.c: moving average convergence divergence
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "ts-ema.h"
#include "ts-macd.h"

struct _TsMacd
{
  TsEma       *fast;
  TsEma       *slow;
  TsEma       *signal;
  TsMacdValue  value;
};

static void
clear_value (TsMacdValue *v)
{
  v->line = NAN;
  v->signal = NAN;
  v->histogram = NAN;
  v->prev_histogram = NAN;
}

TsMacd *
ts_macd_new (guint fast,
             guint slow,
             guint signal)
{
  TsMacd *self;

  g_return_val_if_fail (fast >= 1 && slow > fast && signal >= 1, NULL);

  self = g_new0 (TsMacd, 1);
  self->fast = ts_ema_new (fast);
  self->slow = ts_ema_new (slow);
  self->signal = ts_ema_new (signal);
  clear_value (&self->value);
  return self;
}

void
ts_macd_free (TsMacd *self)
{
  if (self == NULL)
    return;
  ts_ema_free (self->fast);
  ts_ema_free (self->slow);
  ts_ema_free (self->signal);
  g_free (self);
}

void
ts_macd_reset (TsMacd *self)
{
  g_return_if_fail (self != NULL);
  ts_ema_reset (self->fast);
  ts_ema_reset (self->slow);
  ts_ema_reset (self->signal);
  clear_value (&self->value);
}

gboolean
ts_macd_push (TsMacd      *self,
              double       price,
              TsMacdValue *value)
{
  TsMacdValue *v;
  double fast, slow;

  g_return_val_if_fail (self != NULL, FALSE);

  v = &self->value;
  fast = ts_ema_push (self->fast, price);
  slow = ts_ema_push (self->slow, price);
  v->prev_histogram = v->histogram;
  if (ts_ema_is_ready (self->slow))
    {
      v->line = fast - slow;
      v->signal = ts_ema_push (self->signal, v->line);
      v->histogram = v->line - v->signal; /* NaN while the signal warms up */
    }

  if (value != NULL)
    *value = *v;
  return !isnan (v->histogram);
}

void
ts_macd_get_value (const TsMacd *self,
                   TsMacdValue  *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (value != NULL);
  *value = self->value;
}

gboolean
ts_macd_is_ready (const TsMacd *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return ts_ema_is_ready (self->signal);
}
