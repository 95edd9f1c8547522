/* ts-decoder.h: one interface over every venue's decoder
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
 * TsVenue:
 * @TS_VENUE_MOCK: our mock schema (src/feed/README.md, #TsMockServer)
 * @TS_VENUE_BINANCE: Binance spot streams (#TsBinanceDecoder)
 * @TS_VENUE_COINBASE: Coinbase Exchange feed (#TsCoinbaseDecoder)
 * @TS_VENUE_BYBIT: Bybit v5 public streams (#TsBybitDecoder)
 * @TS_N_VENUES: the number of venues
 *
 * Where messages come from, i.e. which decoder reads them.
 */
typedef enum
{
  TS_VENUE_MOCK,
  TS_VENUE_BINANCE,
  TS_VENUE_COINBASE,
  TS_VENUE_BYBIT,
  TS_N_VENUES,
} TsVenue;

/**
 * ts_venue_to_string:
 * @venue: a venue
 *
 * Returns: (transfer none): its short name: "mock", "binance", "coinbase"
 *   or "bybit"
 */
const char *ts_venue_to_string   (TsVenue      venue);

/**
 * ts_venue_from_string:
 * @name: a short name as given by ts_venue_to_string()
 * @venue: (out): the venue
 *
 * Returns: %TRUE when @name names a venue
 */
gboolean    ts_venue_from_string (const char  *name,
                                  TsVenue     *venue);

/**
 * ts_venue_get_default_url:
 * @venue: a venue
 *
 * Returns: (transfer none): the public market-data WebSocket URL the
 *   venue's documentation gives: "ws://127.0.0.1:8765/" (mock),
 *   "wss://stream.binance.com:9443/stream", "wss://ws-feed.exchange.coinbase.com",
 *   "wss://stream.bybit.com/v5/public/spot"
 */
const char *ts_venue_get_default_url (TsVenue  venue);

/**
 * TsDecoder:
 *
 * A venue's decoder behind one interface, so the client and recordings can
 * read any venue: messages in, valid #TsTick values out (every tick passes
 * ts_tick_is_valid()), rejections counted per #TsFeedError code. Not
 * thread-safe; one decoder per connection or file.
 */
typedef struct _TsDecoder TsDecoder;

/**
 * ts_decoder_new:
 * @venue: which venue's messages it will read
 *
 * Returns: (transfer full): a new decoder
 */
TsDecoder            *ts_decoder_new                    (TsVenue             venue);

/**
 * ts_decoder_free:
 * @self: (nullable): a decoder
 */
void                  ts_decoder_free                   (TsDecoder          *self);

/**
 * ts_decoder_get_venue:
 *
 * Returns: the venue given to ts_decoder_new()
 */
TsVenue               ts_decoder_get_venue              (const TsDecoder    *self);

/**
 * ts_decoder_decode:
 * @self: a decoder
 * @data: one WebSocket text message (need not be NUL-terminated)
 * @length: its length in bytes, or -1 when NUL-terminated
 * @receive_time_us: when it arrived, µs since the Unix epoch UTC; 0 when
 *   unknown, which turns the 24 h time check off
 * @ticks: (element-type TsTick): the message's ticks are appended here
 *   (zero or more), only when it is valid; time_us is exchange time in µs,
 *   prices in quote currency, sizes in base units, aggressor the taker's side
 * @error: return location for a #TS_FEED_ERROR
 *
 * Decodes one message with the venue's decoder (see #TsBinanceDecoder,
 * #TsCoinbaseDecoder, #TsBybitDecoder, ts_mock_codec_decode() for the
 * shapes and their sources). Every venue rejects, with the code counted in
 * ts_decoder_get_stats(): %TS_FEED_ERROR_TOO_LARGE (over
 * %TS_DECODER_MAX_MESSAGE_SIZE, before parsing), %TS_FEED_ERROR_NOT_JSON,
 * %TS_FEED_ERROR_WRONG_TYPE, %TS_FEED_ERROR_MISSING_FIELD,
 * %TS_FEED_ERROR_BAD_VALUE (NaN, infinity, price or size <= 0, "nan"/"inf"
 * strings, bid > ask...), %TS_FEED_ERROR_BAD_TIME (an exchange time more
 * than %TS_DECODER_MAX_SKEW_US from @receive_time_us),
 * %TS_FEED_ERROR_UNKNOWN_EVENT.
 *
 * Returns: %TRUE when the message was decoded or skipped; %FALSE when it
 *   was rejected
 */
gboolean              ts_decoder_decode                 (TsDecoder          *self,
                                                         const char         *data,
                                                         gssize              length,
                                                         gint64              receive_time_us,
                                                         GArray             *ticks,
                                                         GError            **error);

/**
 * ts_decoder_dup_subscribe_message:
 * @self: a decoder
 * @symbols: (array zero-terminated=1): the venue's symbols, e.g. "BTCUSDT"
 *   (Binance, Bybit) or "BTC-USD" (Coinbase)
 *
 * What a client sends after connecting to ts_venue_get_default_url():
 * Binance `{"method":"SUBSCRIBE","params":["btcusdt@trade","btcusdt@bookTicker"],"id":1}`,
 * Coinbase `{"type":"subscribe","product_ids":[..],"channels":["matches","ticker","level2"]}`,
 * Bybit `{"op":"subscribe","args":["publicTrade.BTCUSDT","orderbook.1.BTCUSDT"]}`.
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL when the
 *   venue wants none (the mock server)
 */
char                 *ts_decoder_dup_subscribe_message  (TsDecoder          *self,
                                                         const char * const *symbols);

/**
 * ts_decoder_get_stats:
 *
 * Returns: (transfer none): the counters: messages, ticks, skipped,
 *   rejected (also per #TsFeedError code), sequence gaps; valid as long as
 *   @self
 */
const TsDecoderStats *ts_decoder_get_stats              (const TsDecoder    *self);

/**
 * ts_decoder_get_rejected_by_code:
 * @code: a #TsFeedError code
 *
 * Returns: messages rejected with @code so far
 */
guint64               ts_decoder_get_rejected_by_code   (const TsDecoder    *self,
                                                         TsFeedError         code);

/**
 * ts_decoder_get_gaps:
 *
 * Returns: sequence gaps seen (Binance diff depth U/u, Coinbase match
 *   trade_id, Bybit orderbook u; the mock schema: `seq` of the generated
 *   stream, i.e. of ticks that carry both a trade and a quote, jumping by
 *   more than one; a `seq` that goes back, as when the mock server
 *   restarted, is counted in #TsDecoderStats.out_of_order and counting
 *   starts over from it)
 */
guint64               ts_decoder_get_gaps               (const TsDecoder    *self);

/**
 * ts_decoder_is_finished:
 *
 * Returns: %TRUE once a mock-schema `end` message was decoded (the replay
 *   is over); always %FALSE for the exchanges
 */
gboolean              ts_decoder_is_finished            (const TsDecoder    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsDecoder, ts_decoder_free)

G_END_DECLS
