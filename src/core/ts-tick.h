/* ts-tick.h: one market event, a trade or a quote (or both at once)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TS_SYMBOL_MAX 24 /* bytes, including the terminating NUL */

/**
 * TsTickFlags:
 * @TS_TICK_TRADE: price, size and aggressor are set
 * @TS_TICK_QUOTE: bid, ask, bid_size and ask_size are set (best bid/offer, L1)
 * @TS_TICK_FUNDING: funding_rate is set (perpetual swaps; STRATEGIES.md
 *   section 5 "funding rate when the feed has one")
 *
 * What a #TsTick carries. A mock-server tick may carry several.
 */
typedef enum
{
  TS_TICK_TRADE   = 1 << 0,
  TS_TICK_QUOTE   = 1 << 1,
  TS_TICK_FUNDING = 1 << 2,
} TsTickFlags;

/**
 * TsSide:
 * @TS_SIDE_NONE: unknown or not applicable
 * @TS_SIDE_BUY: buy (long); for a trade, the aggressor (taker) bought
 * @TS_SIDE_SELL: sell (short); for a trade, the aggressor (taker) sold
 *
 * The values are the sign of the side, so `side * (exit - entry)` is a P&L.
 */
typedef enum
{
  TS_SIDE_SELL = -1,
  TS_SIDE_NONE = 0,
  TS_SIDE_BUY  = 1,
} TsSide;

/**
 * TsTick:
 * @time_us: exchange time, µs since the Unix epoch, UTC
 * @seq: the feed's sequence number (0 when the feed has none)
 * @flags: which of the fields below are valid
 * @aggressor: the taker's side of a trade
 * @price: trade price, quote currency per base unit
 * @size: trade size, base units
 * @bid: best bid price, quote currency
 * @ask: best ask price, quote currency
 * @bid_size: size at the best bid, base units
 * @ask_size: size at the best ask, base units
 * @symbol: the instrument, NUL-terminated, e.g. "BTCUSDT"
 * @funding_rate: with %TS_TICK_FUNDING, the current funding rate per
 *   funding interval as a fraction (0.0001 = 0.01 %), finite, may be
 *   negative; 0 otherwise. Last in the struct so that code that zeroes a
 *   tick and sets the fields before it keeps working.
 *
 * A plain value type, copied freely. Decoders guarantee that every
 * valid price and size is finite and > 0.
 */
typedef struct
{
  gint64      time_us;
  guint64     seq;
  TsTickFlags flags;
  TsSide      aggressor;
  double      price;
  double      size;
  double      bid;
  double      ask;
  double      bid_size;
  double      ask_size;
  char        symbol[TS_SYMBOL_MAX];
  double      funding_rate;
} TsTick;

/**
 * ts_tick_set_symbol:
 * @tick: a tick
 * @symbol: a symbol; longer than %TS_SYMBOL_MAX - 1 bytes is truncated
 *
 * Copies @symbol into @tick->symbol.
 */
void     ts_tick_set_symbol (TsTick     *tick,
                             const char *symbol);

/**
 * ts_tick_is_valid:
 * @tick: a tick
 *
 * Returns: %TRUE when @tick has at least one of its flags and no unknown
 *   flag, and every field its flags name is finite and > 0 (bid may not
 *   exceed ask; the funding rate need only be finite).
 */
gboolean ts_tick_is_valid   (const TsTick *tick);

G_END_DECLS
