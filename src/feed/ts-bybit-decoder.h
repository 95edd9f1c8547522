/* ts-bybit-decoder.h: Bybit v5 public WebSocket messages to ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "../core/ts-tick.h"
#include "ts-decoder-stats.h"

G_BEGIN_DECLS

/**
 * TsBybitDecoder:
 *
 * Turns Bybit v5 public WebSocket messages (`wss://stream.bybit.com/v5/public/spot`,
 * `.../linear`, `.../inverse`) into #TsTick values. Source: the Bybit v5
 * API documentation, "WebSocket Stream / Public": Trade, Orderbook, Ticker
 * (https://bybit-exchange.github.io/docs/v5/websocket/public/trade,
 * .../public/orderbook, .../public/ticker) and "Connect" for op replies.
 * Data messages are `{"topic":..,"type":"snapshot"|"delta","ts":ms,"data":..}`,
 * some with "cts" (matching-engine time, ms) and "cs" (cross sequence);
 * prices and sizes are decimal strings.
 *
 * - `publicTrade.SYMBOL`: "data" is an ARRAY of trades, each "T" trade time
 *   (ms), "s" symbol, "S" the taker's side ("Buy"/"Sell"), "v" size, "p"
 *   price, "i" trade id (a string). One %TS_TICK_TRADE tick per element,
 *   in order: time_us = T x 1000, aggressor from "S", seq = "i" when it is
 *   all digits, else 0.
 * - `orderbook.DEPTH.SYMBOL`: "data" {"s", "b": [[price, size], ..], "a":
 *   [..], "u" update id, "seq"}; a "snapshot" replaces the book, a "delta"
 *   sets levels, size "0" deleting one. A %TS_TICK_QUOTE tick (seq = "u",
 *   time from "cts", else "ts") whenever the top of book (best prices and
 *   their sizes) differs from the last one emitted and is not crossed. A
 *   delta whose "u" is not the previous "u" + 1 is a gap; a delta before
 *   any snapshot is skipped.
 * - `tickers.SYMBOL`: "data" {"symbol", "bid1Price", "bid1Size",
 *   "ask1Price", "ask1Size", "lastPrice", ...}; a "delta" carries only the
 *   fields that changed, so they are merged into what the snapshot gave.
 *   A %TS_TICK_QUOTE tick (seq = "cs" or 0, time from "cts", else "ts")
 *   when the merged best bid and ask are all known, sizes > 0, not
 *   crossed, and differ from the last emitted. "lastPrice" is checked but
 *   gives no tick (no size: trades come from publicTrade). Spot tickers
 *   carry no bid/ask, so they give no tick.
 * - op replies (`{"success":true,"ret_msg":"","conn_id":..,"op":"subscribe"}`,
 *   pong to `{"op":"ping"}`) are skipped, failed ones too (logged).
 * - any other topic is %TS_FEED_ERROR_UNKNOWN_EVENT.
 *
 * Not thread-safe; one decoder per connection.
 */
typedef struct _TsBybitDecoder TsBybitDecoder;

/**
 * ts_bybit_decoder_new:
 *
 * Returns: (transfer full): a decoder with no book yet
 */
TsBybitDecoder       *ts_bybit_decoder_new                  (void);

/**
 * ts_bybit_decoder_free:
 * @self: (nullable): a decoder
 */
void                  ts_bybit_decoder_free                 (TsBybitDecoder  *self);

/**
 * ts_bybit_decoder_decode:
 * @self: a decoder
 * @data: one WebSocket text message (need not be NUL-terminated)
 * @length: its length in bytes, or -1 when NUL-terminated
 * @receive_time_us: when the message arrived, µs since the Unix epoch UTC,
 *   or 0 when unknown (turns the time check off)
 * @ticks: (element-type TsTick): decoded ticks are appended here (zero or
 *   more per message), only when the whole message is valid
 * @error: return location for a #TS_FEED_ERROR
 *
 * Decodes one message. A bad message changes no state.
 *
 * Errors (#TS_FEED_ERROR): %TS_FEED_ERROR_TOO_LARGE over
 * %TS_DECODER_MAX_MESSAGE_SIZE bytes (before parsing),
 * %TS_FEED_ERROR_NOT_JSON, %TS_FEED_ERROR_WRONG_TYPE,
 * %TS_FEED_ERROR_MISSING_FIELD, %TS_FEED_ERROR_BAD_VALUE (a price or size
 * that is not a finite decimal > 0, "nan"/"inf" included; a level size
 * < 0; an unknown side or type; a symbol too long), %TS_FEED_ERROR_BAD_TIME
 * (a time more than 24 h from @receive_time_us),
 * %TS_FEED_ERROR_UNKNOWN_EVENT. Each is counted by code in
 * ts_bybit_decoder_get_stats().
 *
 * Returns: %TRUE when the message was decoded or skipped; %FALSE when it
 *   was rejected
 */
gboolean              ts_bybit_decoder_decode               (TsBybitDecoder  *self,
                                                             const char      *data,
                                                             gssize           length,
                                                             gint64           receive_time_us,
                                                             GArray          *ticks,
                                                             GError         **error);

/**
 * ts_bybit_decoder_get_stats:
 *
 * Returns: (transfer none): the decoder's counters (gaps: orderbook "u"
 *   gaps); valid as long as @self
 */
const TsDecoderStats *ts_bybit_decoder_get_stats            (const TsBybitDecoder *self);

/**
 * ts_bybit_decoder_dup_subscribe_message:
 * @symbols: (array zero-terminated=1): symbols such as "BTCUSDT"
 * @orderbook_depth: the orderbook topic's depth, e.g. 1 or 50; 0 for no
 *   orderbook topic
 *
 * Builds the subscribe request:
 * `{"op":"subscribe","args":["publicTrade.BTCUSDT","orderbook.1.BTCUSDT",...]}`.
 * Bybit takes at most 10 args per request on spot.
 *
 * Returns: (transfer full): the JSON text
 */
char                 *ts_bybit_decoder_dup_subscribe_message (const char * const *symbols,
                                                              guint               orderbook_depth);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsBybitDecoder, ts_bybit_decoder_free)

G_END_DECLS
