/* ts-bar.h: one OHLCV bar, and the bar-to-ticks convention of backtests
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tick.h"

G_BEGIN_DECLS

/**
 * TsBar:
 * @time_us: the time the bar opens, µs since the Unix epoch, UTC
 * @open: first trade price, quote currency
 * @high: highest trade price
 * @low: lowest trade price
 * @close: last trade price
 * @volume: traded size, base units
 *
 * One OHLCV bar. A plain value type, copied freely.
 */
typedef struct
{
  gint64 time_us;
  double open;
  double high;
  double low;
  double close;
  double volume;
} TsBar;

/**
 * ts_bar_check:
 * @bar: a bar
 *
 * Checks that open, high, low, close and volume are finite and > 0,
 * high >= max(open, close) and low <= min(open, close).
 *
 * Returns: (nullable): %NULL when @bar is valid, else a static English
 *   sentence saying what is wrong (e.g. "high is below open or close")
 */
const char *ts_bar_check             (const TsBar *bar);

/**
 * ts_bars_guess_interval:
 * @bars: (array length=n_bars): bars in ascending time
 * @n_bars: how many
 *
 * Returns: the bar length in µs: the smallest positive gap between two
 *   consecutive bars' @time_us, or 60 s (60,000,000 µs) with fewer than two
 *   bars or no positive gap
 */
gint64      ts_bars_guess_interval   (const TsBar *bars,
                                      guint        n_bars);

/**
 * ts_bar_to_ticks:
 * @bar: a valid bar (see ts_bar_check())
 * @interval_us: the bar length, µs (> 0)
 * @prev_close: the previous bar's close, or 0 for none (sets the first
 *   tick's aggressor only)
 * @symbol: (nullable): the symbol for the ticks
 * @ticks: (out caller-allocates) (array fixed-size=4): the four trade ticks
 *
 * The bar-to-ticks convention of Tickscope backtests (the one common in
 * retail backtesters such as MetaTrader's "OHLC" mode and Backtrader's bar
 * replay): each bar becomes four trade ticks, in this order
 *
 *  - O at @time_us;
 *  - whichever of H and L is nearer the open (|high - open| vs |open - low|;
 *    on a tie, L first for a bar that closes at or above its open, H first
 *    otherwise) at @time_us + @interval_us / 4;
 *  - the other extreme at @time_us + @interval_us / 2;
 *  - C at @time_us + 3 @interval_us / 4;
 *
 * i.e. evenly spread inside [@time_us, @time_us + @interval_us), each with
 * a quarter of the volume as its size. A tick's aggressor is
 * %TS_SIDE_BUY when its price is at or above the price before it (for O,
 * @prev_close; %TS_SIDE_BUY when there is none), else %TS_SIDE_SELL; its seq
 * is 0..3 (its place in the bar). The path is an assumption: stops and
 * targets inside one bar fire in this order, which a real tape may not have.
 */
void        ts_bar_to_ticks          (const TsBar *bar,
                                      gint64       interval_us,
                                      double       prev_close,
                                      const char  *symbol,
                                      TsTick       ticks[4]);

/**
 * ts_bars_to_ticks:
 * @bars: (array length=n_bars): valid bars in ascending time
 * @n_bars: how many
 * @interval_us: the bar length in µs, or 0 to use ts_bars_guess_interval()
 * @symbol: (nullable): the symbol for the ticks
 *
 * Applies ts_bar_to_ticks() to every bar (seq = 4 x bar index + place).
 *
 * Returns: (transfer full) (element-type TsTick): 4 x @n_bars trade ticks
 */
GArray     *ts_bars_to_ticks         (const TsBar *bars,
                                      guint        n_bars,
                                      gint64       interval_us,
                                      const char  *symbol);

G_END_DECLS
