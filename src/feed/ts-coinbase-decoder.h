/* ts-coinbase-decoder.h: Coinbase Exchange WebSocket messages to ticks
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
 * TsCoinbaseDecoder:
 *
 * Turns Coinbase Exchange WebSocket feed messages into #TsTick values.
 * Source: the Coinbase Exchange "WebSocket Channels" and "WebSocket
 * Overview" documentation
 * (https://docs.cdp.coinbase.com/exchange/websocket-feed/channels and
 * .../websocket-feed/overview, formerly docs.pro.coinbase.com). Every
 * message is a JSON object with a "type"; "product_id" names the
 * instrument (e.g. "BTC-USD"); prices and sizes are decimal strings;
 * "time" is RFC 3339 UTC with µs ("2021-04-17T16:43:37.089723Z").
 *
 * - `match` and `last_match` (matches channel; `last_match` is the latest
 *   trade, sent once on subscribing): a %TS_TICK_TRADE tick with price,
 *   size, time_us from "time" (µs exact), seq = "trade_id". "side" is the
 *   MAKER order's side, so the aggressor is the opposite: "sell" gives
 *   %TS_SIDE_BUY, "buy" gives %TS_SIDE_SELL.
 * - `ticker`: "best_bid", "best_ask" (checked, bid <= ask), "price" (checked
 *   when present), "sequence", "time". A %TS_TICK_QUOTE tick with seq =
 *   "sequence" when "best_bid_size" and "best_ask_size" are present (newer
 *   feeds); without them (as in 2021) no tick: a quote needs sizes, and the
 *   trade the ticker repeats comes from the matches channel.
 * - `snapshot` ("bids", "asks": [[price, size], ...]) and `l2update`
 *   ("changes": [[side, price, size], ...], side "buy" = bid, "sell" = ask;
 *   size "0" removes the level; "time"): a book per product. A quote tick
 *   (best bid, its size, best ask, its size; seq 0) whenever that top of
 *   book differs from the last one emitted for the product and is not
 *   crossed. A snapshot carries no time: its quote gets the receive time
 *   given to ts_coinbase_decoder_decode(), else the product's latest
 *   exchange time; with neither, the next l2update emits it. An l2update
 *   before its product's snapshot is skipped.
 * - `subscriptions` and `heartbeat` are skipped; any other type (`error`
 *   included) is %TS_FEED_ERROR_UNKNOWN_EVENT.
 *
 * Sequence numbers: per product and channel (matches, ticker) a message
 * whose "sequence" is not above the last one seen arrived late and is
 * skipped (counted as out_of_order), as the overview allows. On the
 * matches and ticker channels "sequence" advances with every message of
 * the full channel too, so it jumps on every match by design (the 2021
 * recording: all 97 matches); what is consecutive there is "trade_id",
 * so a gap is a `match` whose "trade_id" is not the product's previous
 * one + 1.
 *
 * Not thread-safe; one decoder per connection.
 */
typedef struct _TsCoinbaseDecoder TsCoinbaseDecoder;

/**
 * TsCoinbaseMessage:
 * @TS_COINBASE_MESSAGE_MATCH: `match`
 * @TS_COINBASE_MESSAGE_LAST_MATCH: `last_match`
 * @TS_COINBASE_MESSAGE_TICKER: `ticker`
 * @TS_COINBASE_MESSAGE_SNAPSHOT: `snapshot` (level2)
 * @TS_COINBASE_MESSAGE_L2UPDATE: `l2update` (level2)
 * @TS_COINBASE_MESSAGE_SUBSCRIPTIONS: `subscriptions`
 * @TS_COINBASE_MESSAGE_HEARTBEAT: `heartbeat`
 * @TS_COINBASE_N_MESSAGES: the number of types
 *
 * Types of Coinbase message, as counted by
 * ts_coinbase_decoder_get_message_count() (valid ones only).
 */
typedef enum
{
  TS_COINBASE_MESSAGE_MATCH,
  TS_COINBASE_MESSAGE_LAST_MATCH,
  TS_COINBASE_MESSAGE_TICKER,
  TS_COINBASE_MESSAGE_SNAPSHOT,
  TS_COINBASE_MESSAGE_L2UPDATE,
  TS_COINBASE_MESSAGE_SUBSCRIPTIONS,
  TS_COINBASE_MESSAGE_HEARTBEAT,
  TS_COINBASE_N_MESSAGES,
} TsCoinbaseMessage;

/**
 * ts_coinbase_decoder_new:
 *
 * Returns: (transfer full): a decoder with no book and no sequence yet
 */
TsCoinbaseDecoder    *ts_coinbase_decoder_new                 (void);

/**
 * ts_coinbase_decoder_free:
 * @self: (nullable): a decoder
 */
void                  ts_coinbase_decoder_free                (TsCoinbaseDecoder  *self);

/**
 * ts_coinbase_decoder_decode:
 * @self: a decoder
 * @data: one WebSocket text message (need not be NUL-terminated)
 * @length: its length in bytes, or -1 when NUL-terminated
 * @receive_time_us: when the message arrived, µs since the Unix epoch UTC,
 *   or 0 when unknown (turns the time check off)
 * @ticks: (element-type TsTick): decoded ticks are appended here (zero or
 *   one per message), only when the message is valid
 * @error: return location for a #TS_FEED_ERROR
 *
 * Decodes one message. A bad message changes no state (the book included).
 *
 * Errors (#TS_FEED_ERROR): %TS_FEED_ERROR_TOO_LARGE over
 * %TS_DECODER_MAX_MESSAGE_SIZE bytes (before parsing),
 * %TS_FEED_ERROR_NOT_JSON, %TS_FEED_ERROR_WRONG_TYPE (root not an object,
 * a number where a decimal string belongs...), %TS_FEED_ERROR_MISSING_FIELD,
 * %TS_FEED_ERROR_BAD_VALUE (price or size not a finite decimal > 0 --
 * "nan", "inf" included; a level size < 0; unknown side; bad time; symbol
 * too long; best bid above best ask), %TS_FEED_ERROR_BAD_TIME ("time" more
 * than 24 h from @receive_time_us), %TS_FEED_ERROR_UNKNOWN_EVENT.
 * Each is counted by code in ts_coinbase_decoder_get_stats().
 *
 * Returns: %TRUE when the message was decoded or skipped; %FALSE when it
 *   was rejected
 */
gboolean              ts_coinbase_decoder_decode              (TsCoinbaseDecoder  *self,
                                                               const char         *data,
                                                               gssize              length,
                                                               gint64              receive_time_us,
                                                               GArray             *ticks,
                                                               GError            **error);

/**
 * ts_coinbase_decoder_get_stats:
 *
 * Returns: (transfer none): the decoder's counters (gaps: trade_id gaps of
 *   `match`; out_of_order: stale sequence numbers); valid as long as @self
 */
const TsDecoderStats *ts_coinbase_decoder_get_stats           (const TsCoinbaseDecoder *self);

/**
 * ts_coinbase_decoder_get_message_count:
 * @type: a message type
 *
 * Returns: valid messages of @type decoded so far (stale ones included)
 */
guint64               ts_coinbase_decoder_get_message_count   (const TsCoinbaseDecoder *self,
                                                               TsCoinbaseMessage        type);

/**
 * ts_coinbase_decoder_dup_subscribe_message:
 * @product_ids: (array zero-terminated=1): products such as "BTC-USD"
 *
 * Builds the subscribe request of the Coinbase Exchange feed
 * (`wss://ws-feed.exchange.coinbase.com`):
 * `{"type":"subscribe","product_ids":[...],"channels":["matches","ticker","level2"]}`.
 *
 * Returns: (transfer full): the JSON text
 */
char                 *ts_coinbase_decoder_dup_subscribe_message (const char * const *product_ids);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsCoinbaseDecoder, ts_coinbase_decoder_free)

G_END_DECLS
