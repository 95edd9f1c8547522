/* ts-ledger.h: the metrics ledger of one strategy on one symbol
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-fill.h"
#include "ts-trade.h"
#include "ts-ledger-stats.h"

G_BEGIN_DECLS

/**
 * TsLedger:
 *
 * The metrics of STRATEGIES.md "Metrics" for one position at a time:
 * fills go in with ts_ledger_open() and ts_ledger_close(), and every tick
 * ends with ts_ledger_mark(), which marks equity = initial capital +
 * realized + unrealized P&L at the last trade price and updates drawdown,
 * daily P&L, exposure and the one-minute returns. O(1) and allocation-free
 * per tick.
 *
 * Money in quote currency, sizes in base units, times in µs since epoch UTC
 * (tick time). Not thread-safe.
 */
typedef struct _TsLedger TsLedger;

/**
 * ts_ledger_new:
 * @initial_capital: starting equity, quote currency (10,000 by default,
 *   STRATEGIES.md "Metrics")
 *
 * Returns: (transfer full): an empty ledger
 */
TsLedger *ts_ledger_new                 (double          initial_capital);
void      ts_ledger_free                (TsLedger       *self);

/**
 * ts_ledger_set_initial_capital:
 * @initial_capital: starting equity, quote currency
 *
 * Returns: %FALSE (and changes nothing) once a tick was marked or a fill
 *   recorded
 */
gboolean  ts_ledger_set_initial_capital (TsLedger       *self,
                                         double          initial_capital);

/**
 * ts_ledger_open:
 * @fill: the opening fill; %TS_SIDE_BUY opens a long, %TS_SIDE_SELL a short
 *
 * Opens the position; its fee is realized at once (realized P&L includes
 * fees). Only one position at a time.
 */
void      ts_ledger_open                (TsLedger       *self,
                                         const TsFill   *fill);

/**
 * ts_ledger_close:
 * @fill: the closing fill (opposite side)
 * @trade: (out) (optional): the round trip: pnl = side x size x (exit -
 *   entry) - both fees; pnl_pct = pnl / (entry x size) x 100; reason and
 *   symbol from @fill
 *
 * Closes the position and counts the trade (win when pnl > 0).
 */
void      ts_ledger_close               (TsLedger       *self,
                                         const TsFill   *fill,
                                         TsTrade        *trade);

/**
 * ts_ledger_open_pair:
 * @fill_a: the opening fill of leg A (its side is the pair's side)
 * @fill_b: the opening fill of leg B (the opposite side)
 *
 * Opens a two-leg position (STRATEGIES.md section 4: "P&L includes both
 * legs and both legs' fees"); both fees are realized at once. Leg B is
 * marked at the price given with ts_ledger_set_price_b() (its fill price
 * until then).
 */
void      ts_ledger_open_pair           (TsLedger       *self,
                                         const TsFill   *fill_a,
                                         const TsFill   *fill_b);

/**
 * ts_ledger_close_pair:
 * @fill_a: the closing fill of leg A
 * @fill_b: the closing fill of leg B
 * @trade: (out) (optional): the round trip as one trade: symbol "A/B",
 *   side and size of leg A, entry and exit price the spread A - beta B at
 *   the fills with beta = size B / size A, fees of the four fills,
 *   pnl = both legs' side x size x (exit - entry) - fees (= side x size x
 *   (exit spread - entry spread) - fees), pnl_pct = pnl / (entry notional of
 *   A + of B) x 100
 *
 * Closes a position opened by ts_ledger_open_pair() and counts one trade.
 */
void      ts_ledger_close_pair          (TsLedger       *self,
                                         const TsFill   *fill_a,
                                         const TsFill   *fill_b,
                                         TsTrade        *trade);

/**
 * ts_ledger_set_price_b:
 * @price_b: the last trade price of leg B, quote currency (0 keeps it)
 *
 * Used by the next ts_ledger_mark() to value leg B.
 */
void      ts_ledger_set_price_b         (TsLedger       *self,
                                         double          price_b);

/**
 * ts_ledger_mark_external:
 * @time_us: the tick's time, µs since epoch UTC
 * @realized: realized P&L to book, quote currency (net of fees)
 * @unrealized: unrealized P&L now, quote currency
 * @in_position: whether any position is open (for the exposure)
 *
 * Marks a ledger that holds no fills of its own: the engine's portfolio
 * view, whose P&L is the sum of its strategies' (issue 3). Equity =
 * initial capital + @realized + @unrealized; drawdown, daily P&L, exposure
 * and the one-minute returns as ts_ledger_mark().
 */
void      ts_ledger_mark_external       (TsLedger       *self,
                                         gint64          time_us,
                                         double          realized,
                                         double          unrealized,
                                         gboolean        in_position);

/**
 * ts_ledger_mark:
 * @time_us: the tick's time, µs since epoch UTC
 * @last_price: the last trade price, or 0 to keep the previous one
 *
 * Ends a tick: marks equity, its peak and drawdowns; daily P&L since the
 * first tick of the UTC day (its start equity is the equity marked before
 * that tick, i.e. at 00:00); time in position between the previous tick and
 * this one if a position was open after the previous tick; closes the
 * one-minute buckets (equity at each minute's last tick) that ended before
 * this tick.
 */
void      ts_ledger_mark                (TsLedger       *self,
                                         gint64          time_us,
                                         double          last_price);

/**
 * ts_ledger_get_equity:
 *
 * Returns: the equity as of the last mark (the initial capital before any)
 */
double    ts_ledger_get_equity          (const TsLedger *self);

/**
 * ts_ledger_get_equity_at:
 * @price: a mark price for the open position
 *
 * Returns: initial capital + realized + side x size x (@price - entry), the
 *   equity with the fills so far, without marking
 */
double    ts_ledger_get_equity_at       (const TsLedger *self,
                                         double          price);

/**
 * ts_ledger_get_position:
 * @size: (out) (optional): base units
 * @entry_price: (out) (optional): the entry fill price
 *
 * Returns: the open position's side, %TS_SIDE_NONE when flat
 */
TsSide    ts_ledger_get_position        (const TsLedger *self,
                                         double         *size,
                                         double         *entry_price);

/**
 * ts_ledger_get_stats:
 * @stats: (out): the metrics as of the last mark
 *
 * Win rate, averages, expectancy = win_rate x avg_win - (1 - win_rate) x
 * avg_loss, profit factor (+inf with profits and no loss, 0 with no trades
 * or no profit), exposure (time in position / (last tick - first tick)),
 * Sharpe = mean / sample sd of one-minute equity log returns x
 * sqrt(525,600) and Sortino = mean / downside deviation (root mean square of
 * the negative returns over all returns) x sqrt(525,600), both 0 with fewer
 * than 2 returns (Sortino +inf with a positive mean and no negative return).
 * The returns run from the initial capital through each minute's closing
 * equity; minutes without ticks count as 0 returns; the current minute
 * counts with the equity of the last mark. @halted is left %FALSE (the
 * engine fills it from the risk manager).
 */
void      ts_ledger_get_stats           (const TsLedger *self,
                                         TsLedgerStats  *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsLedger, ts_ledger_free)

G_END_DECLS
