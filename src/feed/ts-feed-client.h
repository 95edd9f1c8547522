/* ts-feed-client.h: a WebSocket market-data client for any venue, with reconnect
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "../core/ts-tick.h"
#include "ts-decoder.h"
#include "ts-recorder.h"

G_BEGIN_DECLS

/**
 * TsFeedState:
 * @TS_FEED_STATE_DISCONNECTED: not connected, not trying
 * @TS_FEED_STATE_CONNECTING: a connection attempt is under way
 * @TS_FEED_STATE_LIVE: connected, ticks flow
 * @TS_FEED_STATE_RECONNECTING: the connection dropped or was refused; the next
 *   attempt is in ts_feed_client_get_retry_seconds() s
 * @TS_FEED_STATE_FINISHED: the server said the replay ended; not retrying
 * @TS_FEED_STATE_STALE: connected, but no tick for
 *   ts_feed_client_get_stale_seconds() s; back to LIVE on the next tick
 */
typedef enum
{
  TS_FEED_STATE_DISCONNECTED,
  TS_FEED_STATE_CONNECTING,
  TS_FEED_STATE_LIVE,
  TS_FEED_STATE_RECONNECTING,
  TS_FEED_STATE_FINISHED,
  TS_FEED_STATE_STALE,
} TsFeedState;

/**
 * TS_FEED_CLIENT_BYBIT_PING_SECONDS:
 *
 * How often the client sends Bybit's `{"op":"ping"}` (Bybit v5 asks for one
 * every 20 s). Other venues get a WebSocket ping (libsoup keepalive) this often.
 */
#define TS_FEED_CLIENT_BYBIT_PING_SECONDS 20

/**
 * TS_FEED_CLIENT_BYBIT_MAX_TOPICS:
 *
 * Topics per Bybit subscribe request at most (spot takes 10): the client
 * splits a longer subscription into several requests.
 */
#define TS_FEED_CLIENT_BYBIT_MAX_TOPICS 10

/**
 * TsFeedTickFunc:
 * @ticks: valid ticks decoded from one message, in message order
 * @n_ticks: how many
 * @user_data: the data given with the function
 *
 * Called on the client's main context (the thread-default one when the client
 * was created) for every message that held ticks.
 */
typedef void (*TsFeedTickFunc) (const TsTick *ticks,
                                guint         n_ticks,
                                gpointer      user_data);

/**
 * TsFeedRejectFunc:
 * @error: why: a #TS_FEED_ERROR (the decoder's code and message), or
 *   %TS_FEED_ERROR_WRONG_TYPE for a binary frame, %TS_FEED_ERROR_TOO_LARGE
 *   for a message libsoup refused
 * @data: (array length=length) (nullable): the raw message, when there is one
 * @length: its length in bytes
 * @user_data: the data given with the function
 *
 * Called on the client's context for every message it rejects. Nothing of
 * a rejected message reaches the tick function.
 */
typedef void (*TsFeedRejectFunc) (const GError *error,
                                  const char   *data,
                                  gsize         length,
                                  gpointer      user_data);

#define TS_TYPE_FEED_CLIENT (ts_feed_client_get_type ())
G_DECLARE_FINAL_TYPE (TsFeedClient, ts_feed_client, TS, FEED_CLIENT, GObject)

/**
 * ts_feed_client_new:
 *
 * Creates a client bound to the thread-default #GMainContext: all its
 * callbacks and the "state-changed" signal (no arguments; read the state with
 * the getters) run there, and every function must be called there. It reads
 * the mock schema (%TS_VENUE_MOCK) until ts_feed_client_set_venue().
 */
TsFeedClient *ts_feed_client_new               (void);
/**
 * ts_feed_client_set_tick_func:
 * @func: (nullable): called with each message's ticks on the client's context
 * @user_data: passed to @func
 * @notify: (nullable): frees @user_data when replaced or when the client goes
 */
void          ts_feed_client_set_tick_func     (TsFeedClient   *self,
                                                TsFeedTickFunc  func,
                                                gpointer        user_data,
                                                GDestroyNotify  notify);
/**
 * ts_feed_client_set_reject_func:
 * @func: (nullable): called with each rejected message on the client's context
 * @user_data: passed to @func
 * @notify: (nullable): frees @user_data when replaced or when the client goes
 */
void          ts_feed_client_set_reject_func   (TsFeedClient     *self,
                                                TsFeedRejectFunc  func,
                                                gpointer          user_data,
                                                GDestroyNotify    notify);
/**
 * ts_feed_client_set_venue:
 * @venue: whose messages the next ts_feed_client_connect() reads
 * @symbols: (nullable) (array zero-terminated=1): the venue's symbols to
 *   subscribe to after every (re)connection, e.g. "BTCUSDT" (Binance,
 *   Bybit) or "BTC-USD" (Coinbase); ignored for %TS_VENUE_MOCK
 *
 * Takes effect at the next ts_feed_client_connect(). After each connection
 * opens, the client sends ts_decoder_dup_subscribe_message() (Bybit: split
 * in requests of at most %TS_FEED_CLIENT_BYBIT_MAX_TOPICS topics).
 */
void          ts_feed_client_set_venue         (TsFeedClient       *self,
                                                TsVenue             venue,
                                                const char * const *symbols);
/** ts_feed_client_get_venue: Returns: the venue set with ts_feed_client_set_venue() */
TsVenue       ts_feed_client_get_venue         (TsFeedClient   *self);
/**
 * ts_feed_client_set_stale_seconds:
 * @seconds: > 0; no tick for this long while connected is %TS_FEED_STATE_STALE
 *
 * 10 s by default.
 */
void          ts_feed_client_set_stale_seconds (TsFeedClient   *self,
                                                double          seconds);
/** ts_feed_client_get_stale_seconds: Returns: the stale threshold, s */
double        ts_feed_client_get_stale_seconds (TsFeedClient   *self);
/**
 * ts_feed_client_get_seconds_since_tick:
 *
 * Returns: seconds (monotonic clock) since the last tick, or since the
 *   connection opened when it brought none yet; 0 when not connected
 */
double        ts_feed_client_get_seconds_since_tick (TsFeedClient *self);
/**
 * ts_feed_client_set_recorder:
 * @recorder: (nullable) (transfer none): where every raw text message
 *   received goes, with its receive time; %NULL stops recording
 *
 * The caller keeps ownership and must unset it (pass %NULL) before it
 * frees or closes @recorder. Writes happen on the client's context.
 */
void          ts_feed_client_set_recorder      (TsFeedClient   *self,
                                                TsRecorder     *recorder);
/**
 * ts_feed_client_connect:
 * @url: a ws:// or wss:// URL speaking the venue's protocol
 *
 * Drops any current connection, starts a fresh decoder for the venue (its
 * counters start over) and connects to @url; a refused or dropped
 * connection is retried with exponential backoff (0.5 s doubling to 30 s,
 * plus up to 20 % jitter) until ts_feed_client_disconnect(), and the
 * subscription is sent again on each new connection. A reconnect keeps the
 * decoder (books, sequence numbers: a gap across it is counted). Call it on
 * the client's context. Loopback hosts are reached without a proxy lookup
 * (HEADLESS.md). A mock-schema message over 1 MiB closes the connection
 * (counted as rejected) and it is retried; a venue may send up to 16 MiB
 * (over 1 MiB is rejected by the decoder, the connection stays).
 */
void          ts_feed_client_connect           (TsFeedClient   *self,
                                                const char     *url);
/** ts_feed_client_disconnect: closes (going away), stops retrying; state DISCONNECTED */
void          ts_feed_client_disconnect        (TsFeedClient   *self);
/** ts_feed_client_get_state: Returns: the current state */
TsFeedState   ts_feed_client_get_state         (TsFeedClient   *self);
/** ts_feed_client_get_url: Returns: (nullable): the URL given to connect(), or %NULL */
const char   *ts_feed_client_get_url           (TsFeedClient   *self);
/** ts_feed_client_get_retry_seconds: seconds until the next attempt when reconnecting */
double        ts_feed_client_get_retry_seconds (TsFeedClient   *self);
/** ts_feed_client_get_last_error: why the last attempt failed or the connection closed, or %NULL */
const char   *ts_feed_client_get_last_error    (TsFeedClient   *self);
/** ts_feed_client_get_messages: messages received since connect() (valid or not) */
guint64       ts_feed_client_get_messages      (TsFeedClient   *self);
/** ts_feed_client_get_ticks: valid ticks delivered to the tick function since connect() */
guint64       ts_feed_client_get_ticks         (TsFeedClient   *self);
/** ts_feed_client_get_rejected: messages rejected since connect(): by the decoder, binary frames, too large */
guint64       ts_feed_client_get_rejected      (TsFeedClient   *self);
/**
 * ts_feed_client_get_gaps:
 *
 * Returns: sequence gaps the decoder saw since connect() (see ts_decoder_get_gaps())
 */
guint64       ts_feed_client_get_gaps          (TsFeedClient   *self);
/**
 * ts_feed_client_get_decoder_stats:
 *
 * Returns: (transfer none) (nullable): the current decoder's counters
 *   (rejections per #TsFeedError code), %NULL before the first connect();
 *   valid until the next connect(). Binary frames and messages libsoup
 *   refused are not in them (they are in ts_feed_client_get_rejected()).
 */
const TsDecoderStats *ts_feed_client_get_decoder_stats (TsFeedClient *self);
/** ts_feed_client_get_reconnects: connections opened after the first one since connect() */
guint         ts_feed_client_get_reconnects    (TsFeedClient   *self);

G_END_DECLS
