/* ts-feed-client.h: a WebSocket client for the mock schema, with reconnect
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "../core/ts-tick.h"

G_BEGIN_DECLS

/**
 * TsFeedState:
 * @TS_FEED_STATE_DISCONNECTED: not connected, not trying
 * @TS_FEED_STATE_CONNECTING: a connection attempt is under way
 * @TS_FEED_STATE_LIVE: connected, ticks flow
 * @TS_FEED_STATE_RECONNECTING: the connection dropped or was refused; the next
 *   attempt is in ts_feed_client_get_retry_seconds() s
 * @TS_FEED_STATE_FINISHED: the server said the replay ended; not retrying
 */
typedef enum
{
  TS_FEED_STATE_DISCONNECTED,
  TS_FEED_STATE_CONNECTING,
  TS_FEED_STATE_LIVE,
  TS_FEED_STATE_RECONNECTING,
  TS_FEED_STATE_FINISHED,
} TsFeedState;

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

#define TS_TYPE_FEED_CLIENT (ts_feed_client_get_type ())
G_DECLARE_FINAL_TYPE (TsFeedClient, ts_feed_client, TS, FEED_CLIENT, GObject)

/**
 * ts_feed_client_new:
 *
 * Creates a client bound to the thread-default #GMainContext: all its
 * callbacks and the "state-changed" signal (no arguments; read the state with
 * the getters) run there.
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
 * ts_feed_client_connect:
 * @url: a ws:// or wss:// URL speaking the mock schema
 *
 * Drops any current connection and connects to @url; a refused or dropped
 * connection is retried with exponential backoff (0.5 s doubling to 30 s)
 * until ts_feed_client_disconnect(). Call it on the client's context.
 * Loopback hosts are reached without a proxy lookup (HEADLESS.md). Messages
 * over 1 MiB close the connection (counted as rejected) and it is retried.
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
/** ts_feed_client_get_messages: text messages received (valid or not) */
guint64       ts_feed_client_get_messages      (TsFeedClient   *self);
/** ts_feed_client_get_ticks: valid ticks delivered to the tick function */
guint64       ts_feed_client_get_ticks         (TsFeedClient   *self);
/** ts_feed_client_get_rejected: messages rejected (not our schema, bad values) */
guint64       ts_feed_client_get_rejected      (TsFeedClient   *self);

G_END_DECLS
