/* ts-bar-aggregator.h: time bars (OHLCV) from trades
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/ts-bar.h"

G_BEGIN_DECLS

/**
 * TsBarAggregator:
 *
 * Time bars of `bar_seconds` from trades (STRATEGIES.md, "Bar" strategies
 * and sections 3 to 5): OHLCV of the trades whose time falls in
 * [k L, (k + 1) L), L the bar length. A bar closes when a trade arrives in
 * a later bar (never on a timer: exchange time only). Bars in between with
 * no trade are closed with it as empty bars that carry the last close:
 * open = high = low = close = the previous close, volume 0.
 *
 * Bars are #TsBar values (core/ts-bar.h): @time_us is the bar's start, a
 * multiple of L; the bar covers [time_us, time_us + L).
 *
 * ts_bar_aggregator_push_trade() returns how many bars that trade closed;
 * ts_bar_aggregator_get_closed() reads them, oldest first. The empty bars
 * are computed on demand, so a long gap costs nothing and nothing is
 * allocated after construction. A trade earlier than the open bar's start
 * (within the feed's allowed skew) is counted in the open bar. Prices in
 * quote currency, sizes in base units, times in µs. Not thread-safe.
 */
typedef struct _TsBarAggregator TsBarAggregator;

/**
 * ts_bar_aggregator_new:
 * @bar_seconds: bar length in seconds of exchange time, > 0 (fractions
 *   allowed; rounded to a whole µs, at least 1 µs)
 *
 * Returns: (transfer full): an aggregator with no bar, or %NULL when
 *   @bar_seconds <= 0
 */
TsBarAggregator *ts_bar_aggregator_new         (double                 bar_seconds);
void             ts_bar_aggregator_free        (TsBarAggregator       *self);

/**
 * ts_bar_aggregator_reset:
 *
 * Forgets the open bar and the last close.
 */
void             ts_bar_aggregator_reset       (TsBarAggregator       *self);

/**
 * ts_bar_aggregator_get_bar_us:
 *
 * Returns: the bar length, µs
 */
gint64           ts_bar_aggregator_get_bar_us  (const TsBarAggregator *self);

/**
 * ts_bar_aggregator_push_trade:
 * @time_us: trade time, µs since the Unix epoch UTC
 * @price: trade price, quote currency, > 0
 * @size: trade size, base units, >= 0
 *
 * Adds the trade to the open bar, or, when it falls in a later bar, closes
 * the open bar and the empty bars up to the trade's bar and opens that one
 * with the trade.
 *
 * Returns: the number of bars closed by this trade: 0, or 1 plus the
 *   empty bars of the gap
 */
guint64          ts_bar_aggregator_push_trade  (TsBarAggregator       *self,
                                                gint64                 time_us,
                                                double                 price,
                                                double                 size);

/**
 * ts_bar_aggregator_get_n_closed:
 *
 * Returns: the bars closed by the last push (its return value)
 */
guint64          ts_bar_aggregator_get_n_closed (const TsBarAggregator *self);

/**
 * ts_bar_aggregator_get_closed:
 * @i: 0 .. ts_bar_aggregator_get_n_closed() - 1, oldest first (0 is the
 *   bar with trades, the rest are the empty bars after it)
 * @bar: (out): the bar
 *
 * Returns: %FALSE when @i is out of range
 */
gboolean         ts_bar_aggregator_get_closed  (const TsBarAggregator *self,
                                                guint64                i,
                                                TsBar                 *bar);

/**
 * ts_bar_aggregator_get_current:
 * @bar: (out): the open bar so far
 *
 * Returns: %FALSE before the first trade
 */
gboolean         ts_bar_aggregator_get_current (const TsBarAggregator *self,
                                                TsBar                 *bar);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsBarAggregator, ts_bar_aggregator_free)

G_END_DECLS
