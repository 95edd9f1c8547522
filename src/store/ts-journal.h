/* ts-journal.h: the trade journal, an SQLite database of sessions, fills,
 * trades and open positions
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/ts-fill.h"
#include "core/ts-trade.h"

G_BEGIN_DECLS

/**
 * TS_JOURNAL_ERROR:
 *
 * The error domain of the trade journal. The messages carry SQLite's own
 * (sqlite3_errmsg()) text.
 */
#define TS_JOURNAL_ERROR (ts_journal_error_quark ())

/**
 * TsJournalError:
 * @TS_JOURNAL_ERROR_OPEN: the database (or its directory) cannot be created
 *   or opened, or the file is not an SQLite database
 * @TS_JOURNAL_ERROR_SCHEMA: the schema cannot be created or migrated, or the
 *   file was written by a newer Tickscope (its user_version is unknown)
 * @TS_JOURNAL_ERROR_WRITE: a write transaction failed (rolled back: nothing
 *   of it was stored)
 * @TS_JOURNAL_ERROR_READ: a query failed
 * @TS_JOURNAL_ERROR_NOT_FOUND: no session with that id
 *
 * Error codes of %TS_JOURNAL_ERROR.
 */
typedef enum
{
  TS_JOURNAL_ERROR_OPEN,
  TS_JOURNAL_ERROR_SCHEMA,
  TS_JOURNAL_ERROR_WRITE,
  TS_JOURNAL_ERROR_READ,
  TS_JOURNAL_ERROR_NOT_FOUND,
} TsJournalError;

GQuark ts_journal_error_quark (void);

/**
 * TS_JOURNAL_SCHEMA_VERSION:
 *
 * The schema version this code writes (SQLite `PRAGMA user_version`). Older
 * files are migrated on open; newer ones are refused.
 */
#define TS_JOURNAL_SCHEMA_VERSION 1

/**
 * TsJournal:
 *
 * The trade journal: one SQLite file (by default
 * `$XDG_DATA_HOME/tickscope/journal.db`, see ts_journal_dup_default_path())
 * holding every paper-trading session, its fills and closed trades as they
 * happen, and the positions still open, so that a session killed at any
 * moment can be listed, exported and resumed.
 *
 * Durability: the database runs in WAL mode with `synchronous=NORMAL`. Each
 * ts_journal_record_fill() and ts_journal_record_trade() is its own
 * transaction, committed before the call returns. In WAL mode a commit is
 * an append to the -wal file through write(2), so once the call returned,
 * the transaction survives the process being killed (SIGKILL, abort, a
 * crash): the kernel has the bytes, and the next open replays the WAL.
 * Only a power loss or an OS crash can lose the last transactions
 * (NORMAL does not fsync the WAL on each commit; the database is never
 * corrupted either way). tests/store/test-journal-crash.c kills a writer
 * with SIGKILL to prove it.
 *
 * Units: times in µs since the Unix epoch, UTC; prices, fees and P&L in
 * quote currency; sizes in base units (as #TsFill and #TsTrade).
 *
 * Every statement is prepared once, at open. Errors are returned as
 * #GError, never printed. Not thread-safe: use a journal from one thread at a
 * time (the session's engine thread); another process or another
 * #TsJournal may read the same file meanwhile (WAL readers do not block the
 * writer; a writer waits up to 5 s for another writer's lock).
 */
typedef struct _TsJournal TsJournal;

/**
 * TsJournalSession:
 * @id: the session id (> 0)
 * @started_us: when it started, µs since epoch UTC (as given to
 *   ts_journal_begin_session())
 * @ended_us: when it ended, or 0 while unfinished (still running, or killed)
 * @source: what fed it: a URL, a file name, "mock"...
 * @strategy: the strategy's name, e.g. "momentum"
 * @params_json: (nullable): its parameters as the caller wrote them (JSON)
 * @initial_capital: quote currency
 * @n_trades: closed trades journaled
 * @total_pnl: the sum of their net P&L, quote currency (realized only)
 *
 * One row of ts_journal_list_sessions(). The strings are owned by the array
 * (freed with it).
 */
typedef struct
{
  gint64  id;
  gint64  started_us;
  gint64  ended_us;
  char   *source;
  char   *strategy;
  char   *params_json;
  double  initial_capital;
  guint   n_trades;
  double  total_pnl;
} TsJournalSession;

/**
 * TsJournalPosition:
 * @session_id: the session it belongs to
 * @side: %TS_SIDE_BUY for a long, %TS_SIDE_SELL for a short
 * @size: base units
 * @entry_price: entry fill price, quote currency
 * @entry_time_us: entry fill time, µs since epoch UTC
 * @entry_fee: the entry fill's fee, quote currency
 * @state: (nullable): the strategy's state as text, as set by
 *   ts_journal_set_position_state(); %NULL when never set
 * @symbol: the instrument
 * @strategy_id: the engine's id of the strategy holding it (#TsFill)
 *
 * A position open at the last commit: one row of
 * ts_journal_load_open_positions(). @state is owned by the array.
 */
typedef struct
{
  gint64  session_id;
  TsSide  side;
  double  size;
  double  entry_price;
  gint64  entry_time_us;
  double  entry_fee;
  char   *state;
  char    symbol[TS_SYMBOL_MAX];
  guint   strategy_id;
} TsJournalPosition;

/**
 * ts_journal_dup_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/tickscope/journal.db`
 *   (g_get_user_data_dir())
 */
char       *ts_journal_dup_default_path     (void);

/**
 * ts_journal_peek_last_time:
 * @path: (nullable): the database file, %NULL for the default
 * @time_us: (out): the newest exchange time in it (a fill's time or a
 *   trade's exit), µs since the epoch UTC; 0 when the file does not exist,
 *   has no tables yet (being created) or holds no fill
 * @error: %TS_JOURNAL_ERROR_OPEN (not a database), %TS_JOURNAL_ERROR_READ
 *
 * Reads the journal without writing to it or creating it: SQLite
 * read-only, no schema check, no lock beyond a WAL reader's. For the mock
 * server, whose clock must not start behind the positions it resumes.
 *
 * Returns: %TRUE when read (also when the file does not exist)
 */
gboolean    ts_journal_peek_last_time       (const char   *path,
                                             gint64       *time_us,
                                             GError      **error);

/**
 * ts_journal_open:
 * @path: (nullable): the database file in the GLib file name encoding;
 *   %NULL for ts_journal_dup_default_path()
 * @error: return location for a #GError
 *
 * Opens or creates the journal, creating its directory (mode 0700) when
 * missing, switches it to WAL mode, creates or migrates the schema and
 * prepares the statements.
 *
 * Errors: %TS_JOURNAL_ERROR_OPEN, %TS_JOURNAL_ERROR_SCHEMA.
 *
 * Returns: (transfer full) (nullable): the journal, or %NULL with @error set
 */
TsJournal  *ts_journal_open                 (const char   *path,
                                             GError      **error);

/**
 * ts_journal_close:
 * @self: (transfer full) (nullable): a journal
 *
 * Finalizes the statements and closes the database (a WAL checkpoint
 * happens then). Everything committed is kept.
 */
void        ts_journal_close                (TsJournal    *self);

/** ts_journal_get_path: Returns: (transfer none): the database file */
const char *ts_journal_get_path             (TsJournal    *self);

/**
 * ts_journal_begin_session:
 * @started_us: µs since epoch UTC (e.g. g_get_real_time(), or the first
 *   tick's time)
 * @source: what feeds the session (URL, file, "mock")
 * @strategy: the strategy's name
 * @params_json: (nullable): the parameters, JSON text (stored as given)
 * @initial_capital: quote currency
 * @error: return location for a #GError (%TS_JOURNAL_ERROR_WRITE)
 *
 * Returns: the new session's id (> 0), or 0 with @error set
 */
gint64      ts_journal_begin_session        (TsJournal    *self,
                                             gint64        started_us,
                                             const char   *source,
                                             const char   *strategy,
                                             const char   *params_json,
                                             double        initial_capital,
                                             GError      **error);

/**
 * ts_journal_record_fill:
 * @session_id: from ts_journal_begin_session()
 * @fill: a fill of the engine
 * @error: return location for a #GError
 *
 * Appends @fill to the session (numbered 1, 2, ... in call order) in one
 * transaction; an opening fill (@fill->opens) also inserts or replaces the
 * session's open position of @fill->strategy_id on @fill->symbol in that
 * transaction. A closing fill leaves the position: ts_journal_record_trade()
 * removes it (so a kill between the two leaves the position open; use
 * ts_journal_record_events() to store both at once).
 *
 * Errors: %TS_JOURNAL_ERROR_WRITE (nothing stored), e.g. for an unknown
 * session (foreign key).
 *
 * Returns: %TRUE once committed (see #TsJournal for the durability)
 */
gboolean    ts_journal_record_fill          (TsJournal    *self,
                                             gint64        session_id,
                                             const TsFill *fill,
                                             GError      **error);

/**
 * ts_journal_record_trade:
 * @session_id: from ts_journal_begin_session()
 * @trade: a closed trade of the engine
 * @error: return location for a #GError
 *
 * Appends @trade to the session and deletes the session's open position of
 * @trade->strategy_id on @trade->symbol, in one transaction.
 *
 * Errors: %TS_JOURNAL_ERROR_WRITE (nothing stored).
 *
 * Returns: %TRUE once committed
 */
gboolean    ts_journal_record_trade         (TsJournal     *self,
                                             gint64         session_id,
                                             const TsTrade *trade,
                                             GError       **error);

/**
 * ts_journal_record_events:
 * @session_id: from ts_journal_begin_session()
 * @fills: (array length=n_fills) (nullable): fills, in engine order
 * @n_fills: how many
 * @trades: (array length=n_trades) (nullable): trades, in engine order
 * @n_trades: how many
 * @error: return location for a #GError
 *
 * As ts_journal_record_fill() for each fill then ts_journal_record_trade()
 * for each trade, but all in one transaction: what one tick produced (a
 * closing fill and its trade) is stored entirely or not at all.
 *
 * Returns: %TRUE once committed; %FALSE with %TS_JOURNAL_ERROR_WRITE and
 *   nothing stored
 */
gboolean    ts_journal_record_events        (TsJournal     *self,
                                             gint64         session_id,
                                             const TsFill  *fills,
                                             guint          n_fills,
                                             const TsTrade *trades,
                                             guint          n_trades,
                                             GError       **error);

/**
 * ts_journal_set_position_state:
 * @session_id: the session
 * @strategy_id: the strategy holding the position (#TsFill.strategy_id)
 * @symbol: the open position's symbol
 * @state: (nullable): the strategy's state as text (e.g. JSON), or %NULL
 * @error: return location for a #GError
 *
 * Stores the strategy state kept with an open position (restored by
 * ts_journal_load_open_positions()). No-op when no position is open on
 * @symbol.
 *
 * Returns: %TRUE once committed; %FALSE with %TS_JOURNAL_ERROR_WRITE
 */
gboolean    ts_journal_set_position_state   (TsJournal    *self,
                                             gint64        session_id,
                                             guint         strategy_id,
                                             const char   *symbol,
                                             const char   *state,
                                             GError      **error);

/**
 * ts_journal_end_session:
 * @session_id: the session
 * @ended_us: µs since epoch UTC
 * @error: return location for a #GError
 *
 * Marks the session finished. Its open positions are kept (the last state).
 *
 * Errors: %TS_JOURNAL_ERROR_NOT_FOUND, %TS_JOURNAL_ERROR_WRITE.
 *
 * Returns: %TRUE once committed
 */
gboolean    ts_journal_end_session          (TsJournal    *self,
                                             gint64        session_id,
                                             gint64        ended_us,
                                             GError      **error);

/**
 * ts_journal_list_sessions:
 * @error: return location for a #GError (%TS_JOURNAL_ERROR_READ)
 *
 * Returns: (transfer full) (element-type TsJournalSession) (nullable): every
 *   session, oldest (lowest id) first, with a clear function freeing the
 *   strings; %NULL with @error set
 */
GArray     *ts_journal_list_sessions        (TsJournal    *self,
                                             GError      **error);

/**
 * ts_journal_load_trades:
 * @session_id: the session
 * @error: return location for a #GError
 *
 * The trades read back are equal field by field to those recorded (doubles
 * are stored as 8-byte IEEE values); the reason is the interned string of
 * the stored code (g_intern_string(), so static as #TsTrade wants).
 *
 * Errors: %TS_JOURNAL_ERROR_NOT_FOUND, %TS_JOURNAL_ERROR_READ.
 *
 * Returns: (transfer full) (element-type TsTrade) (nullable): the session's
 *   trades in record order, or %NULL with @error set
 */
GArray     *ts_journal_load_trades          (TsJournal    *self,
                                             gint64        session_id,
                                             GError      **error);

/**
 * ts_journal_load_fills:
 * @session_id: the session
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TsFill) (nullable): the session's
 *   fills in record order (reasons interned), or %NULL with @error set
 */
GArray     *ts_journal_load_fills           (TsJournal    *self,
                                             gint64        session_id,
                                             GError      **error);

/**
 * ts_journal_load_open_positions:
 * @session_id: the session, or 0 for the last unfinished one (the highest
 *   id whose ended_us is unset: the session that was killed)
 * @found_session_id: (out) (optional): the session read; 0 when
 *   @session_id was 0 and no session is unfinished
 * @error: return location for a #GError
 *
 * Errors: %TS_JOURNAL_ERROR_NOT_FOUND (a @session_id that does not exist),
 * %TS_JOURNAL_ERROR_READ.
 *
 * Returns: (transfer full) (element-type TsJournalPosition) (nullable): the
 *   positions open at the session's last commit, by strategy id and symbol (empty when
 *   none, or no unfinished session), with a clear function freeing @state;
 *   %NULL with @error set
 */
GArray     *ts_journal_load_open_positions  (TsJournal    *self,
                                             gint64        session_id,
                                             gint64       *found_session_id,
                                             GError      **error);

/**
 * ts_journal_export_csv:
 * @session_id: the session
 * @path: the CSV file to write (replaced atomically)
 * @error: return location for a #GError
 *
 * Writes the session's trades with ts_trade_csv_writer_write_file().
 *
 * Errors: those of ts_journal_load_trades(), %G_FILE_ERROR.
 *
 * Returns: %TRUE on success
 */
gboolean    ts_journal_export_csv           (TsJournal    *self,
                                             gint64        session_id,
                                             const char   *path,
                                             GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsJournal, ts_journal_close)

G_END_DECLS
