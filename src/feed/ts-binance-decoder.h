/* ts-binance-decoder.h: Binance spot WebSocket messages to ticks
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
 * TsBinanceDecoder:
 *
 * Turns Binance spot market-data messages into #TsTick values. Source: the
 * Binance spot "WebSocket Streams" documentation
 * (https://developers.binance.com/docs/binance-spot-api-docs/web-socket-streams,
 * also github.com/binance/binance-spot-api-docs, web-socket-streams.md):
 *
 * - combined streams wrap each payload as `{"stream":"btcusdt@trade","data":{...}}`;
 *   raw streams send the payload alone; both are accepted.
 * - `trade` (`"e":"trade"`): "p" price and "q" quantity as decimal strings,
 *   "T" trade time (ms since epoch, UTC), "E" event time (ms), "t" trade id,
 *   "m" true when the buyer is the market maker, so the aggressor (taker)
 *   sold. Gives a %TS_TICK_TRADE tick: time_us = T x 1000, seq = t,
 *   aggressor %TS_SIDE_SELL when m else %TS_SIDE_BUY.
 * - `aggTrade` (`"e":"aggTrade"`, the trades of one taker order at one
 *   price): the same with "a" (aggregate trade id) as seq; "f"/"l" (first
 *   and last trade id) are not used.
 * - `bookTicker` (no "e"; "u" update id, "s", "b"/"B" best bid price/qty,
 *   "a"/"A" best ask price/qty, decimal strings): gives a %TS_TICK_QUOTE
 *   tick with seq = u. It carries no exchange time, so it gets the latest
 *   exchange time seen so far (the largest "T" or "E" of any message this
 *   decoder decoded), else the receive time given to
 *   ts_binance_decoder_decode_at(); with neither it is skipped.
 * - partial book depth (`<symbol>@depth5`, `@depth10`, `@depth20`, optionally
 *   `@100ms`: `{"lastUpdateId":..,"bids":[[p,q],..],"asks":[[p,q],..]}`, best
 *   level first, no symbol, no time): a %TS_TICK_QUOTE tick from the best
 *   bid and ask, seq = lastUpdateId, symbol from the stream name upper-cased
 *   (combined stream) or from ts_binance_decoder_set_symbol() (raw stream);
 *   time as for bookTicker. Without a symbol the same shape is the REST
 *   depth snapshot (`GET /api/v3/depth`): skipped.
 * - `depthUpdate` (diff depth stream; "U" first and "u" final update id of
 *   the event, "E"): no tick; "E" advances the latest exchange time. Per
 *   symbol, an event whose "U" is not the previous event's "u" + 1 is a
 *   sequence gap (ts_binance_decoder_get_gaps()).
 * - replies to SUBSCRIBE requests (`{"result":...,"id":...}`) are skipped.
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
 * Decodes one message, as ts_binance_decoder_decode_at() with no receive
 * time. Prices and sizes are checked finite and > 0, bid <= ask, symbol
 * shorter than %TS_SYMBOL_MAX.
 *
 * Errors (#TS_FEED_ERROR): %TS_FEED_ERROR_NOT_JSON, %TS_FEED_ERROR_WRONG_TYPE,
 * %TS_FEED_ERROR_MISSING_FIELD, %TS_FEED_ERROR_BAD_VALUE (including a
 * decimal string that does not parse, "nan", "inf"),
 * %TS_FEED_ERROR_UNKNOWN_EVENT, %TS_FEED_ERROR_TOO_LARGE.
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
 * ts_binance_decoder_decode_at:
 * @self: a decoder
 * @data: one WebSocket text message (need not be NUL-terminated)
 * @length: its length in bytes, or -1 when NUL-terminated
 * @receive_time_us: when the message arrived, µs since the Unix epoch UTC,
 *   or 0 when unknown (turns the time check off)
 * @ticks: (element-type TsTick): decoded ticks are appended here (zero or
 *   one per message), only when the message is valid
 * @error: return location for a #TS_FEED_ERROR
 *
 * As ts_binance_decoder_decode(), and also: a message over
 * %TS_DECODER_MAX_MESSAGE_SIZE bytes is %TS_FEED_ERROR_TOO_LARGE (before
 * parsing); an exchange time ("T", "E") more than 24 h from
 * @receive_time_us is %TS_FEED_ERROR_BAD_TIME; an untimed quote (bookTicker,
 * partial depth) before any exchange time gets @receive_time_us. Every
 * rejection is counted by code in ts_binance_decoder_get_stats().
 *
 * Returns: %TRUE when the message was decoded or skipped; %FALSE when it
 *   was rejected
 */
gboolean          ts_binance_decoder_decode_at           (TsBinanceDecoder  *self,
                                                          const char        *data,
                                                          gssize             length,
                                                          gint64             receive_time_us,
                                                          GArray            *ticks,
                                                          GError           **error);

/**
 * ts_binance_decoder_set_symbol:
 * @self: a decoder
 * @symbol: (nullable): the symbol of a raw partial-depth stream, e.g.
 *   "BTCUSDT", or %NULL
 *
 * Raw partial book depth payloads name no symbol: with one set here they
 * give quotes for it; without, they are taken as REST snapshots and skipped.
 */
void              ts_binance_decoder_set_symbol          (TsBinanceDecoder  *self,
                                                          const char        *symbol);

/**
 * TsBinanceEvent:
 * @TS_BINANCE_EVENT_TRADE: a `trade` message
 * @TS_BINANCE_EVENT_AGG_TRADE: an `aggTrade` message
 * @TS_BINANCE_EVENT_BOOK_TICKER: a `bookTicker` message
 * @TS_BINANCE_EVENT_DEPTH_UPDATE: a `depthUpdate` (diff depth) message
 * @TS_BINANCE_EVENT_PARTIAL_DEPTH: a partial book depth message
 * @TS_BINANCE_EVENT_DEPTH_SNAPSHOT: a REST depth snapshot
 * @TS_BINANCE_EVENT_REPLY: a reply to a request
 * @TS_BINANCE_N_EVENTS: the number of kinds
 *
 * Kinds of Binance message, as counted by
 * ts_binance_decoder_get_event_count() (valid ones only).
 */
typedef enum
{
  TS_BINANCE_EVENT_TRADE,
  TS_BINANCE_EVENT_AGG_TRADE,
  TS_BINANCE_EVENT_BOOK_TICKER,
  TS_BINANCE_EVENT_DEPTH_UPDATE,
  TS_BINANCE_EVENT_PARTIAL_DEPTH,
  TS_BINANCE_EVENT_DEPTH_SNAPSHOT,
  TS_BINANCE_EVENT_REPLY,
  TS_BINANCE_N_EVENTS,
} TsBinanceEvent;

/**
 * ts_binance_decoder_get_event_count:
 * @self: a decoder
 * @event: a kind of message
 *
 * Returns: how many valid messages of that kind were decoded (those that
 *   gave no tick, such as an untimed bookTicker, included)
 */
guint64           ts_binance_decoder_get_event_count     (const TsBinanceDecoder *self,
                                                          TsBinanceEvent          event);

/**
 * ts_binance_decoder_get_gaps:
 *
 * Returns: diff-depth sequence gaps seen: per symbol, `depthUpdate` events
 *   whose "U" is not the previous event's "u" + 1
 */
guint64           ts_binance_decoder_get_gaps            (const TsBinanceDecoder *self);

/**
 * ts_binance_decoder_get_stats:
 *
 * Returns: (transfer none): the decoder's counters, rejections per
 *   #TsFeedError code included; valid as long as @self
 */
const TsDecoderStats *ts_binance_decoder_get_stats       (const TsBinanceDecoder *self);

/**
 * ts_binance_decoder_dup_subscribe_message:
 * @symbols: (array zero-terminated=1): symbols such as "BTCUSDT"
 *
 * Builds the live SUBSCRIBE request of the Binance WebSocket API for the
 * `trade` and `bookTicker` streams of @symbols (lower-cased, as the
 * documentation wants), e.g.
 * `{"method":"SUBSCRIBE","params":["btcusdt@trade","btcusdt@bookTicker"],"id":1}`,
 * to send on `wss://stream.binance.com:9443/stream` (combined) or `/ws`.
 *
 * Returns: (transfer full): the JSON text
 */
char             *ts_binance_decoder_dup_subscribe_message (const char * const *symbols);

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
/** ts_binance_decoder_get_quotes: quote (bookTicker, partial depth) ticks produced so far */
guint64           ts_binance_decoder_get_quotes          (const TsBinanceDecoder *self);
/** ts_binance_decoder_get_skipped: messages recognised and skipped (diff depth, snapshot, replies, untimed quotes) */
guint64           ts_binance_decoder_get_skipped         (const TsBinanceDecoder *self);
/** ts_binance_decoder_get_rejected: messages rejected with an error */
guint64           ts_binance_decoder_get_rejected        (const TsBinanceDecoder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsBinanceDecoder, ts_binance_decoder_free)

G_END_DECLS
