/* ts-bar.c: one OHLCV bar, and the bar-to-ticks convention of backtests
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-bar.h"

#include <math.h>
#include <string.h>

#define DEFAULT_INTERVAL_US G_GINT64_CONSTANT (60000000)

static inline gboolean
positive_finite (double x)
{
  return x > 0.0 && x < INFINITY;
}

const char *
ts_bar_check (const TsBar *bar)
{
  g_return_val_if_fail (bar != NULL, "no bar");

  if (!positive_finite (bar->open))
    return "open is not a finite number > 0";
  if (!positive_finite (bar->high))
    return "high is not a finite number > 0";
  if (!positive_finite (bar->low))
    return "low is not a finite number > 0";
  if (!positive_finite (bar->close))
    return "close is not a finite number > 0";
  if (!positive_finite (bar->volume))
    return "volume is not a finite number > 0";
  if (bar->high < bar->open || bar->high < bar->close)
    return "high is below open or close";
  if (bar->low > bar->open || bar->low > bar->close)
    return "low is above open or close";
  return NULL;
}

gint64
ts_bars_guess_interval (const TsBar *bars,
                        guint        n_bars)
{
  gint64 best = 0;
  guint i;

  g_return_val_if_fail (bars != NULL || n_bars == 0, DEFAULT_INTERVAL_US);

  for (i = 1; i < n_bars; i++)
    {
      gint64 gap = bars[i].time_us - bars[i - 1].time_us;

      if (gap > 0 && (best == 0 || gap < best))
        best = gap;
    }
  return best > 0 ? best : DEFAULT_INTERVAL_US;
}

static void
set_trade (TsTick     *t,
           gint64      time_us,
           double      price,
           double      size,
           double      before,
           guint64     seq,
           const char *symbol)
{
  memset (t, 0, sizeof *t);
  t->time_us = time_us;
  t->seq = seq;
  t->flags = TS_TICK_TRADE;
  t->aggressor = price >= before ? TS_SIDE_BUY : TS_SIDE_SELL;
  t->price = price;
  t->size = size;
  ts_tick_set_symbol (t, symbol);
}

void
ts_bar_to_ticks (const TsBar *bar,
                 gint64       interval_us,
                 double       prev_close,
                 const char  *symbol,
                 TsTick       ticks[4])
{
  double up, down, first, second, size;
  gboolean high_first;

  g_return_if_fail (bar != NULL);
  g_return_if_fail (interval_us > 0);
  g_return_if_fail (ticks != NULL);

  up = bar->high - bar->open;
  down = bar->open - bar->low;
  if (up != down)
    high_first = up < down;
  else
    high_first = bar->close < bar->open;
  first = high_first ? bar->high : bar->low;
  second = high_first ? bar->low : bar->high;
  size = bar->volume / 4.0;

  set_trade (&ticks[0], bar->time_us, bar->open, size,
             prev_close > 0.0 ? prev_close : bar->open, 0, symbol);
  set_trade (&ticks[1], bar->time_us + interval_us / 4, first, size, bar->open, 1, symbol);
  set_trade (&ticks[2], bar->time_us + interval_us / 2, second, size, first, 2, symbol);
  set_trade (&ticks[3], bar->time_us + interval_us * 3 / 4, bar->close, size, second, 3, symbol);
}

GArray *
ts_bars_to_ticks (const TsBar *bars,
                  guint        n_bars,
                  gint64       interval_us,
                  const char  *symbol)
{
  GArray *ticks;
  double prev_close = 0.0;
  guint i;

  g_return_val_if_fail (bars != NULL || n_bars == 0, NULL);

  if (interval_us <= 0)
    interval_us = ts_bars_guess_interval (bars, n_bars);

  ticks = g_array_sized_new (FALSE, FALSE, sizeof (TsTick), 4 * n_bars);
  g_array_set_size (ticks, 4 * n_bars);
  for (i = 0; i < n_bars; i++)
    {
      TsTick *t = &g_array_index (ticks, TsTick, 4 * i);
      guint k;

      ts_bar_to_ticks (&bars[i], interval_us, prev_close, symbol, t);
      for (k = 0; k < 4; k++)
        t[k].seq = 4 * (guint64) i + k;
      prev_close = bars[i].close;
    }
  return ticks;
}
