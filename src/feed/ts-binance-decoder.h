/* ts-binance-decoder.h: Binance spot WebSocket messages to ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "../core/ts-tick.h"

G_BEGIN_DECLS

/**
 * TsBinanceDecoder:
 *
 * Turns Binance spot market-data messages into #TsTick values. Source: the
 * Binance spot "WebSocket Streams" documentation
 * (https://developers.binance.com/docs/binance-spot-api-docs/web-socket-streams):
 *
 * - combined streams wrap each payload as `{"stream":"btcusdt@trade","data":{...}}`;
 *   raw streams send the payload alone; both are accepted.
 * - `trade` (`"e":"trade"`): "p" price and "q" quantity as decimal strings,
 *   "T" trade time (ms since epoch, UTC), "E" event time (ms), "t" trade id,
 *   "m" true when the buyer is the market maker, so the aggressor (taker)
 *   sold. Gives a %TS_TICK_TRADE tick: time_us = T x 1000, seq = t,
 *   aggressor %TS_SIDE_SELL when m else %TS_SIDE_BUY.
 * - `bookTicker` (no "e"; "u" update id, "s", "b"/"B" best bid price/qty,
 *   "a"/"A" best ask price/qty, decimal strings): gives a %TS_TICK_QUOTE
 *   tick with seq = u. It carries no exchange time, so it gets the latest
 *   exchange time seen so far (the largest "T" or "E" of any message this
 *   decoder decoded); before any such time it is skipped.
 * - `depthUpdate` (diff depth stream) and the REST depth snapshot
 *   (`{"lastUpdateId":...,"bids":[...],"asks":[...]}`) and subscription
 *   replies (`{"result":...,"id":...}`) are recognised and skipped: no ticks,
 *   counted by ts_binance_decoder_get_skipped(); a depthUpdate's "E" still
 *   advances the latest exchange time.
 * - anything else is rejected with %TS_FEED_ERROR_UNKNOWN_EVENT.
 *
 * Not thread-safe; one decoder per stream (the latest exchange time is
 * per-decoder state).
 */
typedef struct _TsBinanceDecoder TsBinanceDecoder;

/**
 * ts_binance_decoder_new:
 *
 * Returns: (transfer full): a decoder with no exchange time seen yet
 */
TsBinanceDecoder *ts_binance_decoder_new                 (void);

/**
 * ts_binance_decoder_free:
 * @self: (nullable): a decoder
 */
void              ts_binance_decoder_free                (TsBinanceDecoder  *self);

/**
 * ts_binance_decoder_decode:
 * @self: a decoder
 * @data: one WebSocket text message (need not be NUL-terminated)
 * @length: its length in bytes, or -1 when NUL-terminated
 * @ticks: (element-type TsTick): decoded ticks are appended here (zero or
 *   one per message)
 * @error: return location for a #TS_FEED_ERROR
 *
 * Decodes one message. Prices and sizes are checked finite and > 0, bid <=
 * ask, symbol shorter than %TS_SYMBOL_MAX.
 *
 * Errors (#TS_FEED_ERROR): %TS_FEED_ERROR_NOT_JSON, %TS_FEED_ERROR_WRONG_TYPE,
 * %TS_FEED_ERROR_MISSING_FIELD, %TS_FEED_ERROR_BAD_VALUE (including a
 * decimal string that does not parse), %TS_FEED_ERROR_UNKNOWN_EVENT.
 *
 * Returns: %TRUE when the message was decoded or skipped; %FALSE when it was
 *   rejected (counted by ts_binance_decoder_get_rejected())
 */
gboolean          ts_binance_decoder_decode              (TsBinanceDecoder  *self,
                                                          const char        *data,
                                                          gssize             length,
                                                          GArray            *ticks,
                                                          GError           **error);

/**
 * ts_binance_decoder_get_latest_time_us:
 *
 * Returns: the latest exchange time seen ("T" or "E"), µs since the Unix
 *   epoch UTC, or 0 before any
 */
gint64            ts_binance_decoder_get_latest_time_us  (const TsBinanceDecoder *self);
/** ts_binance_decoder_get_messages: messages given to decode() so far */
guint64           ts_binance_decoder_get_messages        (const TsBinanceDecoder *self);
/** ts_binance_decoder_get_trades: trade ticks produced so far */
guint64           ts_binance_decoder_get_trades          (const TsBinanceDecoder *self);
/** ts_binance_decoder_get_quotes: quote (bookTicker) ticks produced so far */
guint64           ts_binance_decoder_get_quotes          (const TsBinanceDecoder *self);
/** ts_binance_decoder_get_skipped: messages recognised and skipped (depth, snapshot, replies, untimed bookTicker) */
guint64           ts_binance_decoder_get_skipped         (const TsBinanceDecoder *self);
/** ts_binance_decoder_get_rejected: messages rejected with an error */
guint64           ts_binance_decoder_get_rejected        (const TsBinanceDecoder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsBinanceDecoder, ts_binance_decoder_free)

G_END_DECLS
