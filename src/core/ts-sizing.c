/* ts-sizing.c: position sizing shared by the strategies
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-sizing.h"

#include <math.h>

double
ts_sizing_kelly_fraction (guint  trades,
                          guint  wins,
                          double gross_profit,
                          double gross_loss)
{
  guint losses;
  double w, avg_win, avg_loss;

  if (trades == 0)
    return NAN;
  losses = trades - wins;
  w = (double) wins / (double) trades;
  if (wins == 0)
    return 0.0;
  if (losses == 0 || !(gross_loss > 0.0))
    return 1.0;
  avg_win = gross_profit / wins;
  avg_loss = gross_loss / losses;
  if (!(avg_win > 0.0))
    return 0.0;
  return w - (1.0 - w) / (avg_win / avg_loss);
}

static double
fractional (const TsSizingInput *in,
            double               fraction)
{
  if (!(in->stop_distance > 0.0))
    return 0.0;
  return fraction * in->equity / (in->stop_distance * in->price);
}

double
ts_sizing_compute (const TsSizingInput *in)
{
  double size;

  g_return_val_if_fail (in != NULL, 0.0);

  if (!(in->equity > 0.0) || !(in->price > 0.0))
    return 0.0;

  switch (in->mode)
    {
    case TS_SIZING_FIXED_UNITS:
      size = in->fixed_units;
      break;
    case TS_SIZING_KELLY:
      if (in->trades >= TS_SIZING_KELLY_MIN_TRADES)
        {
          double f = ts_sizing_kelly_fraction (in->trades, in->wins,
                                               in->gross_profit, in->gross_loss);

          f = isnan (f) ? 0.0 : CLAMP (f, 0.0, 1.0);
          size = fractional (in, f / 2.0);
        }
      else
        size = fractional (in, in->risk_fraction);
      break;
    case TS_SIZING_VOLATILITY:
      size = fractional (in, in->risk_fraction);
      if (in->target_vol > 0.0 && in->current_vol > 0.0)
        size *= in->target_vol / in->current_vol;
      break;
    case TS_SIZING_FIXED_FRACTIONAL:
    default:
      size = fractional (in, in->risk_fraction);
      break;
    }

  if (!(size > 0.0) || !isfinite (size))
    return 0.0;
  if (in->max_leverage > 0.0 && size * in->price > in->max_leverage * in->equity)
    size = in->max_leverage * in->equity / in->price;
  return size;
}
