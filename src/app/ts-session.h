/* ts-session.h: the engine worker thread and its messages to the UI
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/ts-engine.h"
#include "feed/ts-decoder.h"
#include "feed/ts-feed-client.h"

G_BEGIN_DECLS

/** TS_SESSION_LOG_LINES: how many tick-log lines an update carries at most */
#define TS_SESSION_LOG_LINES 50

/**
 * TS_SESSION_REJECT_LINES_PER_SECOND:
 *
 * How many rejected messages per second (wall clock) get a line in the tick
 * log; the rest are counted (#TsSessionUpdate.rejects_not_logged) and
 * summed up in one line when the next second starts.
 */
#define TS_SESSION_REJECT_LINES_PER_SECOND 5

/** TS_SESSION_REASON_MAX: bytes of a rejected line's reason, NUL included */
#define TS_SESSION_REASON_MAX 96

/**
 * TsChartPoint:
 * @time_us: exchange time, µs since the Unix epoch, UTC
 * @price: last trade price of the traded symbol then, or NAN before the first trade
 * @bid: best bid then, or NAN when no quote is known
 * @ask: best ask then, or NAN when no quote is known
 *
 * One point of the price chart: one per tick of the traded symbol.
 */
typedef struct
{
  gint64 time_us;
  double price;
  double bid;
  double ask;
} TsChartPoint;

/**
 * TsTickLogLine:
 * @time_us: exchange time, µs since the Unix epoch, UTC
 * @flags: what the tick carried (%TS_TICK_TRADE, %TS_TICK_QUOTE)
 * @price: trade price, or NAN for a quote-only tick
 * @bid: best bid, or NAN for a trade-only tick
 * @ask: best ask, or NAN for a trade-only tick
 * @size: trade size in base units, or NAN for a quote-only tick
 * @symbol: the instrument
 * @reason: for a rejected message (@flags 0): the line to show, e.g.
 *   "rejected: bad price: nan", or how many more were not shown;
 *   the time is then the receive time (wall clock), the prices NAN
 *
 * One line of the tick log: a tick, or a message the decoder rejected.
 */
typedef struct
{
  gint64      time_us;
  TsTickFlags flags;
  double      price;
  double      bid;
  double      ask;
  double      size;
  char        symbol[TS_SYMBOL_MAX];
  char        reason[TS_SESSION_REASON_MAX];
} TsTickLogLine;

/** TS_SESSION_OVERLAY_MAX: overlay values one sample carries at most */
#define TS_SESSION_OVERLAY_MAX 24

/**
 * TsOverlaySample:
 * @time_us: the last tick's exchange time, µs since the epoch UTC
 * @strategy_id: the strategy's engine id
 * @strategy: its static short name ("maxwell", …)
 * @symbol: the symbol its chart overlay belongs to (its first symbol)
 * @n_values: values used in @values
 * @values: ts_strategy_get_overlay() at that time (names are static)
 *
 * A strategy's chart overlay, sampled once per update while its values
 * change.
 */
typedef struct
{
  gint64         time_us;
  guint          strategy_id;
  const char    *strategy;
  char           symbol[TS_SYMBOL_MAX];
  guint          n_values;
  TsOverlayValue values[TS_SESSION_OVERLAY_MAX];
} TsOverlaySample;

/**
 * TsSessionUpdate:
 * @reset: %TRUE when the session started over (a new source was connected):
 *   drop every chart point, fill, trade and log line received before
 * @points: (element-type TsChartPoint): new chart points, oldest first
 * @points_dropped: chart points dropped because the UI did not keep up
 * @fills: (element-type TsFill): new fills, oldest first
 * @trades: (element-type TsTrade): newly closed trades, oldest first
 * @has_stats: whether @stats is set (an engine that has seen no tick has none)
 * @stats: the ledger's metrics at the time of the update
 * @log_changed: whether @log changed since the previous update
 * @log: (element-type TsTickLogLine): the last (at most
 *   %TS_SESSION_LOG_LINES) ticks of any symbol, oldest first
 * @feed_state: the feed client's state
 * @retry_seconds: seconds until the next connection attempt (when reconnecting)
 * @last_error: (nullable): why the last connection attempt failed or closed
 * @url: (nullable): the URL the client connects to
 * @symbol: the traded symbol ("" until the first trade tick)
 * @messages: WebSocket messages received since the last connect
 * @ticks: ticks decoded since the last connect
 * @rejected: messages rejected since the last connect (decoder, binary
 *   frames, too large)
 * @rejected_by_code: the decoder's rejections per #TsFeedError code
 * @rejects_not_logged: rejected messages that got no tick-log line (rate
 *   limit), since the last connect
 * @gaps: sequence gaps seen since the last connect (see ts_decoder_get_gaps())
 * @reconnects: connections reopened by the client since the last connect
 * @venue: whose protocol the client speaks
 * @seconds_since_tick: seconds since the last tick (when connected)
 * @stale_seconds: after how long without a tick the feed is STALE
 * @recording: whether raw messages are being recorded
 * @recording_path: (nullable): the file being recorded to, or the one just
 *   closed when @recording_stopped
 * @recording_messages: messages written to it so far
 * @recording_stopped: a recording was closed since the previous update
 * @recording_error: (nullable): why that recording failed, if it did
 * @emergency_closed: -1, or the positions an emergency stop closed since
 *   the previous update (ts_session_emergency_stop())
 * @risk_halted: %TRUE when new entries are refused for all: daily loss
 *   limit, drawdown halt, emergency stop or circuit breaker
 * @risk_code: (nullable): when @risk_halted, the decision code that halted
 *   trading ("HALTED", "DAILY", "DRAWDOWN_HALT", "EMERGENCY_STOP",
 *   "CIRCUIT_BREAKER"; a static string), else %NULL
 * @risk_until_us: for "CIRCUIT_BREAKER", the exchange time (µs since epoch
 *   UTC) the pause ends; else 0
 * @overlays: (element-type TsOverlaySample) (nullable): the enabled
 *   strategies' chart overlays, at most one sample per strategy per update
 * @journal_message: (nullable): what the journal did, for a toast:
 *   "Restored 2 open positions and 14 trades", or why writing to it failed
 * @journal_failed: %TRUE when @journal_message is an error (the session
 *   goes on trading; the journal is off until the next start)
 * @journal_session_id: the journal session the engine records into
 *   (ts_journal_begin_session()), 0 while none (no journal, not connected)
 * @strategy_names: the short name (a static string, "momentum", "pairs",
 *   …) of each strategy of the engine by its engine id (#TsTrade.strategy_id,
 *   #TsFill.strategy_id): id 0 for a single momentum engine, 1… for a multi
 *   engine; %NULL for an unused id, all %NULL while there is no engine
 *
 * What changed on the engine thread since the previous update. Immutable
 * once emitted; reference counted, see ts_session_update_ref().
 */
typedef struct
{
  /*< public >*/
  gboolean       reset;
  GArray        *points;
  guint64        points_dropped;
  GArray        *fills;
  GArray        *trades;
  gboolean       has_stats;
  TsLedgerStats  stats;
  gboolean       log_changed;
  GArray        *log;
  TsFeedState    feed_state;
  double         retry_seconds;
  char          *last_error;
  char          *url;
  char           symbol[TS_SYMBOL_MAX];
  guint64        messages;
  guint64        ticks;
  guint64        rejected;
  guint64        rejected_by_code[TS_FEED_ERROR_N_CODES];
  guint64        rejects_not_logged;
  guint64        gaps;
  guint          reconnects;
  TsVenue        venue;
  double         seconds_since_tick;
  double         stale_seconds;
  gboolean       recording;
  char          *recording_path;
  guint64        recording_messages;
  gboolean       recording_stopped;
  char          *recording_error;
  int            emergency_closed;
  gboolean       risk_halted;
  const char    *risk_code;
  gint64         risk_until_us;
  GArray        *overlays;
  char          *journal_message;
  gboolean       journal_failed;
  gint64         journal_session_id;
  const char    *strategy_names[TS_ENGINE_MAX_STRATEGIES + 1];
  /*< private >*/
  gint           ref_count;
} TsSessionUpdate;

#define TS_TYPE_SESSION_UPDATE (ts_session_update_get_type ())
GType            ts_session_update_get_type (void) G_GNUC_CONST;
/**
 * ts_session_update_ref:
 * @update: an update
 *
 * Takes a reference; thread-safe.
 *
 * Returns: (transfer full): @update
 */
TsSessionUpdate *ts_session_update_ref      (TsSessionUpdate *update);
/**
 * ts_session_update_unref:
 * @update: (transfer full): an update
 *
 * Drops a reference; the last one frees it. Thread-safe.
 */
void             ts_session_update_unref    (TsSessionUpdate *update);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsSessionUpdate, ts_session_update_unref)

#define TS_TYPE_SESSION (ts_session_get_type ())
G_DECLARE_FINAL_TYPE (TsSession, ts_session, TS, SESSION, GObject)

/**
 * ts_session_new:
 *
 * Creates a session and starts its engine thread (named "ts-engine", with its
 * own #GMainContext) holding a #TsEngine with default parameters and a
 * #TsFeedClient. Call it on the UI thread: the thread-default main context at
 * this call receives the #TsSession::update signal, and every other
 * ts_session_*() function must be called from that thread.
 *
 * The engine thread keeps the trade journal (#TsJournal at
 * ts_journal_dup_default_path()): on each connect it resumes the newest
 * journal session when that was not ended (a crash) or has open positions
 * (ts_engine_restore_history(), ts_engine_restore_position(); the journal
 * strategy ids are mapped to the new engine's by name), else begins a new
 * one; after each batch of ticks it records the new fills and trades in
 * one transaction before the UI gets them, and the state of new positions.
 * What it did or why it failed comes as #TsSessionUpdate.journal_message
 * and is logged (g_message(), g_warning()); a failing journal is switched
 * off and trading goes on.
 *
 * Disposing the session disconnects the client, stops the embedded mock
 * server, ends the journal session when no position is open (else leaves
 * it to be resumed) and joins the engine thread.
 *
 * Returns: (transfer full): a new session
 */
TsSession       *ts_session_new                    (void);

/**
 * ts_session_connect:
 * @self: a session
 * @url: a ws:// or wss:// URL speaking the mock schema
 *
 * Starts the session over with a fresh engine (current parameters) and
 * connects the feed client to @url on the engine thread; a refused or dropped
 * connection is retried with backoff. Returns at once; errors show up as
 * #TsSessionUpdate.feed_state and #TsSessionUpdate.last_error. The next update
 * has #TsSessionUpdate.reset set, and the session's trades and fills are
 * cleared now.
 */
void             ts_session_connect                (TsSession   *self,
                                                    const char  *url);
/**
 * ts_session_connect_venue:
 * @self: a session
 * @venue: whose protocol @url speaks
 * @url: a ws:// or wss:// URL
 * @symbols: (nullable) (array zero-terminated=1): what to subscribe to
 *   (ignored for %TS_VENUE_MOCK)
 *
 * As ts_session_connect(), for any venue: the client decodes with the
 * venue's #TsDecoder and subscribes to @symbols on every (re)connection.
 * A reconnect of the client keeps the engine; only this call (or another
 * connect) starts over.
 */
void             ts_session_connect_venue          (TsSession          *self,
                                                    TsVenue             venue,
                                                    const char         *url,
                                                    const char * const *symbols);
/**
 * ts_session_start_replay:
 * @self: a session
 * @path: a recording (see #TsRecording: Binance, Coinbase, Bybit or mock schema)
 * @speed: 1 = real time, N = N times faster, 0 = as fast as possible
 * @error: return location for a #GError
 *
 * Stops the embedded mock server if it runs, starts it in replay mode on a
 * free loopback port and connects the session to it (a new session, as
 * ts_session_connect()). Reads the whole file first, on the calling thread
 * (blocking it: up to a second for a day of Binance BTCUSDT; the UI uses
 * ts_session_start_replay_async()).
 * The feed goes %TS_FEED_STATE_FINISHED when the replay is over.
 *
 * Returns: %TRUE on success; %FALSE with @error set: #TS_FEED_ERROR
 *   (%TS_FEED_ERROR_IO, %TS_FEED_ERROR_EMPTY) when the recording cannot be
 *   read, a #G_IO_ERROR when the server cannot bind
 */
gboolean         ts_session_start_replay           (TsSession   *self,
                                                    const char  *path,
                                                    double       speed,
                                                    GError     **error);
/**
 * ts_session_start_replay_async:
 * @self: a session
 * @path: a recording (see #TsRecording: Binance, Coinbase, Bybit or mock schema)
 * @speed: 1 = real time, N = N times faster, 0 = as fast as possible
 * @cancellable: (nullable): cancels the load; once cancelled, nothing is
 *   started even if the file was read already
 * @callback: called on the thread default #GMainContext of the caller
 *   when the replay runs or failed
 * @user_data: for @callback
 *
 * As ts_session_start_replay(), but reads and decodes the file on a worker
 * thread (#GTask), so the caller's main loop keeps running; the mock server
 * is then started and the session connected on the caller's thread, just
 * before @callback. The source running until then (a feed, a replay) is
 * left alone until the recording has been read; a load that fails leaves it
 * running. @self is kept alive until @callback.
 */
void             ts_session_start_replay_async     (TsSession           *self,
                                                    const char          *path,
                                                    double               speed,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/**
 * ts_session_start_replay_finish:
 * @self: a session
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the replay runs; %FALSE with @error set:
 *   %G_IO_ERROR_CANCELLED when cancelled, #TS_FEED_ERROR
 *   (%TS_FEED_ERROR_IO: unreadable file or not gzip, %TS_FEED_ERROR_EMPTY:
 *   no valid message; the message names the file) when the recording cannot
 *   be read, %G_IO_ERROR_CLOSED when @self was disposed meanwhile, another
 *   #G_IO_ERROR when the server cannot bind
 */
gboolean         ts_session_start_replay_finish    (TsSession           *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/**
 * ts_session_start_recording:
 * @self: a session
 * @path: the .gz file to create (replaced when it exists)
 * @error: return location for a #GError
 *
 * Creates @path now and from then on writes every raw message the client
 * receives, `<receive_time_ns> <message>` per line, gzip (#TsRecorder), on
 * the engine thread. A recording already running is closed first.
 *
 * Returns: %TRUE on success; %FALSE with %TS_FEED_ERROR_IO when the file
 *   cannot be created
 */
gboolean         ts_session_start_recording        (TsSession   *self,
                                                    const char  *path,
                                                    GError     **error);
/**
 * ts_session_stop_recording:
 * @self: a session
 *
 * Stops recording: the engine thread flushes and closes the file; the next
 * update has #TsSessionUpdate.recording_stopped set, with the count and any
 * error. Idempotent.
 */
void             ts_session_stop_recording         (TsSession   *self);
/**
 * ts_session_is_recording:
 * @self: a session
 *
 * Also the #TsSession:recording property.
 *
 * Returns: whether a recording runs (as asked on the UI thread)
 */
gboolean         ts_session_is_recording           (TsSession   *self);
/**
 * ts_session_set_stale_seconds:
 * @self: a session
 * @seconds: > 0: no tick for this long is %TS_FEED_STATE_STALE (default 10)
 *
 * Applies from the next connect; ts_session_bind_settings() sets it from
 * the "stale-seconds" key.
 */
void             ts_session_set_stale_seconds      (TsSession   *self,
                                                    double       seconds);

/**
 * ts_session_disconnect:
 * @self: a session
 *
 * Disconnects the feed client (on the engine thread) and stops retrying.
 * Keeps the engine, its trades and its position.
 */
void             ts_session_disconnect             (TsSession   *self);

/**
 * ts_session_emergency_stop:
 * @self: a session
 *
 * On the engine thread: closes every open position at the paper broker's
 * prices and refuses every entry until ts_session_resume_trading()
 * (ts_engine_emergency_stop()). The next update tells how many positions
 * were closed (#TsSessionUpdate.emergency_closed).
 */
void             ts_session_emergency_stop         (TsSession   *self);

/**
 * ts_session_resume_trading:
 * @self: a session
 *
 * On the engine thread: lifts the emergency stop, the drawdown halt and the
 * circuit breaker (ts_engine_resume()). A daily halt stays to the next UTC
 * day.
 */
void             ts_session_resume_trading         (TsSession   *self);

/**
 * ts_session_start_mock_server:
 * @self: a session
 * @port: loopback TCP port, 0 = any free one
 * @rate: generated ticks per second of simulated time (> 0)
 * @speed: simulated seconds per wall-clock second (> 0; 1 = real time)
 * @error: return location for a #GError
 *
 * Starts the embedded #TsMockServer on 127.0.0.1 (it runs on its own thread),
 * generating MOCK-BTC and MOCK-ETH (what the pairs strategy trades), and
 * then connects the session to it as ts_session_connect() does. Blocks
 * the caller only until the server listens.
 *
 * Returns: %TRUE on success; %FALSE with @error set: %G_IO_ERROR_EXISTS when
 *   it already runs, %G_IO_ERROR_ADDRESS_IN_USE or another #G_IO_ERROR when
 *   the port cannot be bound
 */
gboolean         ts_session_start_mock_server      (TsSession   *self,
                                                    guint16      port,
                                                    double       rate,
                                                    double       speed,
                                                    GError     **error);
/**
 * ts_session_stop_mock_server:
 * @self: a session
 *
 * When the embedded mock server runs: disconnects the client from it and
 * stops it. Idempotent.
 */
void             ts_session_stop_mock_server       (TsSession   *self);
/**
 * ts_session_is_mock_server_running:
 * @self: a session
 *
 * Also available as the #TsSession:mock-server-running property.
 *
 * Returns: whether the embedded mock server runs
 */
gboolean         ts_session_is_mock_server_running (TsSession   *self);
/**
 * ts_session_get_mock_server_url:
 * @self: a session
 *
 * Returns: (nullable): "ws://127.0.0.1:PORT/" of the running embedded mock
 *   server, %NULL when it does not run
 */
const char      *ts_session_get_mock_server_url    (TsSession   *self);

/**
 * ts_session_set_params:
 * @self: a session
 * @momentum: (nullable): strategy parameters, copied; %NULL keeps them
 * @risk: (nullable): risk limits, copied; %NULL keeps them
 * @broker: (nullable): paper broker costs, copied; %NULL keeps them
 *
 * Applies parameters to the running engine from its next tick on (via
 * g_main_context_invoke() on the engine thread): the window, the open
 * position and the ledger are kept. Returns at once.
 */
void             ts_session_set_params             (TsSession              *self,
                                                    const TsMomentumParams *momentum,
                                                    const TsRiskParams     *risk,
                                                    const TsBrokerParams   *broker);
/**
 * ts_session_bind_settings:
 * @self: a session
 * @settings: a #GSettings of the io.github.tickscope.Tickscope schema
 *
 * Applies every strategy, risk and broker key of @settings now and again on
 * each #GSettings::changed: each parameter of ts_strategy_info_list(),
 * ts_risk_params_get_specs() and ts_broker_params_get_specs() is read from
 * its key (the owner's settings prefix + the spec's key; "s" keys hold a
 * choice nick). A value the spec refuses (out of range) is warned about
 * and the default kept. Parameters reach the running engine's strategies
 * at once (ts_strategy_set_params()); the enabled strategies and their
 * symbols ("<name>-symbol", "pairs-symbols"; "" = the strategy's default
 * symbols) apply from the next connect.
 */
void             ts_session_bind_settings          (TsSession   *self,
                                                    GSettings   *settings);

/**
 * ts_session_get_trades:
 * @self: a session
 * @n_trades: (out): how many
 *
 * The closed trades delivered to the UI thread so far (since the last
 * reset), oldest first. UI thread only.
 *
 * Returns: (transfer none) (array length=n_trades): the trades; valid until
 *   the next update
 */
const TsTrade   *ts_session_get_trades             (TsSession   *self,
                                                    guint       *n_trades);
/**
 * ts_session_get_fills:
 * @self: a session
 * @n_fills: (out): how many
 *
 * The fills delivered to the UI thread so far (since the last reset), oldest
 * first. UI thread only.
 *
 * Returns: (transfer none) (array length=n_fills): the fills; valid until
 *   the next update
 */
const TsFill    *ts_session_get_fills              (TsSession   *self,
                                                    guint       *n_fills);
/**
 * ts_session_get_feed_state:
 * @self: a session
 *
 * Returns: the feed state of the latest update delivered to the UI thread
 */
TsFeedState      ts_session_get_feed_state         (TsSession   *self);

/**
 * ts_session_get_journal_session_id:
 * @self: a session
 *
 * The trade journal (ts_journal_dup_default_path()) session the engine
 * records into, as of the latest update delivered to the UI thread: a new
 * one on each connect, or the unfinished one it resumed (open positions or
 * a crash). UI thread only.
 *
 * Returns: the journal session id (> 0), or 0 when there is none (the
 *   journal could not be opened or written, or no source was connected)
 */
gint64           ts_session_get_journal_session_id (TsSession   *self);

G_END_DECLS
