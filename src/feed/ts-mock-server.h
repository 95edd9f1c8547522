/* ts-mock-server.h: the bundled mock tick server (WebSocket, own thread)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "../core/ts-tick.h"
#include "ts-recording.h"

G_BEGIN_DECLS

#define TS_MOCK_SERVER_DEFAULT_PORT 8765 /* as in seed 001 */

/**
 * TsMockServerOptions:
 * @address: the address to bind, "127.0.0.1" when %NULL
 * @port: TCP port; 0 picks a free one (see ts_mock_server_get_port())
 * @rate: generated ticks per second of simulated (exchange) time, per
 *   symbol; 20 by default
 * @speed: how fast simulated time runs against the wall clock: 1 = real
 *   time, N = N times faster; for a replay 0 = as fast as possible
 * @symbols: (nullable): NULL-terminated symbols to generate; %NULL = the
 *   generator's defaults, "MOCK-BTC" and "MOCK-ETH" (cointegrated with it:
 *   the pairs strategy's default pair; see #TsMockGenerator), on which every
 *   strategy of STRATEGIES.md trades within five minutes at its defaults
 * @replay_path: (nullable): a recording to serve instead of generated ticks
 *   (Binance combined-stream .gz, see ../shared/data/README.md)
 * @seed: seed of the generator's random numbers (same seed, same ticks)
 * @first_seq: generated mode: the `seq` of the first generated tick
 *   (0 = 1); a server restarted with a higher value leaves a real sequence
 *   gap for its clients, as a feed that lost messages would
 * @start_us: generated mode: the exchange time of the first tick, µs since
 *   the epoch UTC; 0 = the wall clock when the server starts. A server sped
 *   up (speed > 1) runs ahead of the wall clock, so one restarted later
 *   should start where the last one's ticks ended, or a client that kept
 *   state sees time go back.
 */
typedef struct
{
  const char         *address;
  guint16             port;
  double              rate;
  double              speed;
  const char * const *symbols;
  const char         *replay_path;
  guint64             seed;
  guint64             first_seq;
  gint64              start_us;
} TsMockServerOptions;

/**
 * TsMockServerSentFunc:
 * @ticks: (array length=n_ticks): the ticks of one message
 * @n_ticks: how many
 * @send_time_us: g_get_monotonic_time() just before the message was queued
 * @user_data: the data given with the function
 *
 * Called on the server's thread for every message of ticks it sends to a
 * client (see ts_mock_server_set_sent_func()). Must be quick.
 */
typedef void (*TsMockServerSentFunc) (const TsTick *ticks,
                                      guint         n_ticks,
                                      gint64        send_time_us,
                                      gpointer      user_data);

#define TS_TYPE_MOCK_SERVER (ts_mock_server_get_type ())
G_DECLARE_FINAL_TYPE (TsMockServer, ts_mock_server, TS, MOCK_SERVER, GObject)

/**
 * ts_mock_server_options_init_default:
 * @options: (out): 127.0.0.1:8765, 20 ticks/s per symbol, speed 1, the
 *   default symbols (%NULL: "MOCK-BTC", "MOCK-ETH"), seed 1, first seq 1
 */
void          ts_mock_server_options_init_default (TsMockServerOptions       *options);

/**
 * ts_mock_server_new:
 * @options: copied
 */
TsMockServer *ts_mock_server_new                  (const TsMockServerOptions *options);

/**
 * ts_mock_server_new_for_recording:
 * @options: (nullable): copied; @options->replay_path is ignored
 * @recording: the recording to serve, already loaded (a reference is
 *   taken); ts_mock_server_start() then reads no file
 *
 * A server in replay mode over @recording, so the file can be loaded on
 * another thread first (see ts_session_start_replay_async()).
 *
 * Returns: (transfer full): a new server, not started
 */
TsMockServer *ts_mock_server_new_for_recording    (const TsMockServerOptions *options,
                                                   TsRecording               *recording);

/**
 * ts_mock_server_start:
 *
 * Loads the recording if any, binds and starts serving on the server's own
 * thread. Returns once it listens or failed.
 *
 * Returns: %TRUE when listening; else %FALSE with @error set
 *   (%G_IO_ERROR_ADDRESS_IN_USE and other #G_IO_ERROR codes when binding
 *   fails, #TS_FEED_ERROR when the recording cannot be read)
 */
gboolean      ts_mock_server_start                (TsMockServer              *self,
                                                   GError                   **error);
/**
 * ts_mock_server_stop:
 *
 * Closes every connection (going away), stops the thread. Idempotent.
 */
void          ts_mock_server_stop                 (TsMockServer              *self);
/**
 * ts_mock_server_set_sent_func:
 * @func: (nullable): called on the server thread for each message of ticks
 * @user_data: passed to @func; must outlive the server's run
 *
 * Sets a hook for measurements (send time per tick, e.g. keyed by seq).
 * Call it before ts_mock_server_start().
 */
void          ts_mock_server_set_sent_func        (TsMockServer              *self,
                                                   TsMockServerSentFunc       func,
                                                   gpointer                   user_data);
/** ts_mock_server_is_running: Returns: %TRUE between a successful start() and stop() */
gboolean      ts_mock_server_is_running           (TsMockServer              *self);
/** ts_mock_server_get_port: the port it listens on, 0 when not running */
guint16       ts_mock_server_get_port             (TsMockServer              *self);
/** ts_mock_server_dup_url: "ws://127.0.0.1:PORT/", %NULL when not running */
char         *ts_mock_server_dup_url              (TsMockServer              *self);
/** ts_mock_server_get_ticks_sent: ticks sent to all clients so far (thread-safe) */
guint64       ts_mock_server_get_ticks_sent       (TsMockServer              *self);
/** ts_mock_server_get_n_clients: WebSocket clients connected now (thread-safe) */
guint         ts_mock_server_get_n_clients        (TsMockServer              *self);

G_END_DECLS
