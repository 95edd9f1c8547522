/* ts-journal.c: the trade journal, an SQLite database of sessions, fills,
 * trades and open positions
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-journal.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "ts-trade-csv-writer.h"

G_DEFINE_QUARK (ts-journal-error-quark, ts_journal_error)

#define BUSY_TIMEOUT_MS 5000

/* Version 1. Sides are text ("BUY"/"SELL" for fills, "LONG"/"SHORT" for
 * trades and positions) so that the file reads well in the sqlite3 shell;
 * doubles are REAL (8-byte IEEE, exact). */
static const char schema_v1[] =
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  started_us INTEGER NOT NULL,"
  "  source TEXT NOT NULL,"
  "  strategy TEXT NOT NULL,"
  "  params_json TEXT,"
  "  initial_capital REAL NOT NULL,"
  "  ended_us INTEGER);"
  "CREATE TABLE fills ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  time_us INTEGER NOT NULL,"
  "  symbol TEXT NOT NULL,"
  "  side TEXT NOT NULL CHECK (side IN ('BUY', 'SELL')),"
  "  price REAL NOT NULL,"
  "  size REAL NOT NULL,"
  "  fee REAL NOT NULL,"
  "  opens INTEGER NOT NULL CHECK (opens IN (0, 1)),"
  "  reason TEXT NOT NULL,"
  "  strategy_id INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (session_id, seq)) WITHOUT ROWID;"
  "CREATE TABLE trades ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  entry_time_us INTEGER NOT NULL,"
  "  exit_time_us INTEGER NOT NULL,"
  "  symbol TEXT NOT NULL,"
  "  side TEXT NOT NULL CHECK (side IN ('LONG', 'SHORT')),"
  "  size REAL NOT NULL,"
  "  entry_price REAL NOT NULL,"
  "  exit_price REAL NOT NULL,"
  "  fees REAL NOT NULL,"
  "  pnl REAL NOT NULL,"
  "  pnl_pct REAL NOT NULL,"
  "  reason TEXT NOT NULL,"
  "  strategy_id INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (session_id, seq)) WITHOUT ROWID;"
  "CREATE TABLE open_positions ("
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
  "  strategy_id INTEGER NOT NULL DEFAULT 0,"
  "  symbol TEXT NOT NULL,"
  "  side TEXT NOT NULL CHECK (side IN ('LONG', 'SHORT')),"
  "  size REAL NOT NULL,"
  "  entry_price REAL NOT NULL,"
  "  entry_time_us INTEGER NOT NULL,"
  "  entry_fee REAL NOT NULL,"
  "  strategy_state TEXT,"
  "  PRIMARY KEY (session_id, strategy_id, symbol)) WITHOUT ROWID;";

/* migrations[v] takes a file from user_version v to v + 1 */
static const char *const migrations[] = {
  schema_v1,
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == TS_JOURNAL_SCHEMA_VERSION);

enum
{
  STMT_BEGIN,
  STMT_COMMIT,
  STMT_ROLLBACK,
  STMT_INSERT_SESSION,
  STMT_END_SESSION,
  STMT_INSERT_FILL,
  STMT_UPSERT_POSITION,
  STMT_INSERT_TRADE,
  STMT_DELETE_POSITION,
  STMT_SET_STATE,
  STMT_LIST_SESSIONS,
  STMT_SESSION_EXISTS,
  STMT_LAST_UNFINISHED,
  STMT_LOAD_TRADES,
  STMT_LOAD_FILLS,
  STMT_LOAD_POSITIONS,
  N_STMTS
};

static const char *const stmt_sql[N_STMTS] = {
  [STMT_BEGIN] = "BEGIN IMMEDIATE",
  [STMT_COMMIT] = "COMMIT",
  [STMT_ROLLBACK] = "ROLLBACK",
  [STMT_INSERT_SESSION] =
    "INSERT INTO sessions (started_us, source, strategy, params_json, initial_capital)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_END_SESSION] = "UPDATE sessions SET ended_us = ?2 WHERE id = ?1",
  [STMT_INSERT_FILL] =
    "INSERT INTO fills (session_id, seq, time_us, symbol, side, price, size, fee, opens,"
    " reason, strategy_id)"
    " VALUES (?1, (SELECT COALESCE (MAX (seq), 0) + 1 FROM fills WHERE session_id = ?1),"
    " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
  [STMT_UPSERT_POSITION] =
    "INSERT INTO open_positions (session_id, symbol, side, size, entry_price, entry_time_us,"
    " entry_fee, strategy_id, strategy_state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL)"
    " ON CONFLICT (session_id, strategy_id, symbol) DO UPDATE SET side = excluded.side,"
    " size = excluded.size, entry_price = excluded.entry_price,"
    " entry_time_us = excluded.entry_time_us, entry_fee = excluded.entry_fee,"
    " strategy_state = NULL",
  [STMT_INSERT_TRADE] =
    "INSERT INTO trades (session_id, seq, entry_time_us, exit_time_us, symbol, side, size,"
    " entry_price, exit_price, fees, pnl, pnl_pct, reason, strategy_id)"
    " VALUES (?1, (SELECT COALESCE (MAX (seq), 0) + 1 FROM trades WHERE session_id = ?1),"
    " ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
  [STMT_DELETE_POSITION] =
    "DELETE FROM open_positions WHERE session_id = ?1 AND symbol = ?2 AND strategy_id = ?3",
  [STMT_SET_STATE] =
    "UPDATE open_positions SET strategy_state = ?3"
    " WHERE session_id = ?1 AND symbol = ?2 AND strategy_id = ?4",
  [STMT_LIST_SESSIONS] =
    "SELECT s.id, s.started_us, s.ended_us, s.source, s.strategy, s.params_json,"
    " s.initial_capital, COUNT (t.seq), TOTAL (t.pnl)"
    " FROM sessions s LEFT JOIN trades t ON t.session_id = s.id"
    " GROUP BY s.id ORDER BY s.id",
  [STMT_SESSION_EXISTS] = "SELECT 1 FROM sessions WHERE id = ?1",
  [STMT_LAST_UNFINISHED] =
    "SELECT id FROM sessions WHERE ended_us IS NULL ORDER BY id DESC LIMIT 1",
  [STMT_LOAD_TRADES] =
    "SELECT entry_time_us, exit_time_us, symbol, side, size, entry_price, exit_price,"
    " fees, pnl, pnl_pct, reason, strategy_id FROM trades WHERE session_id = ?1 ORDER BY seq",
  [STMT_LOAD_FILLS] =
    "SELECT time_us, symbol, side, price, size, fee, opens, reason, strategy_id"
    " FROM fills WHERE session_id = ?1 ORDER BY seq",
  [STMT_LOAD_POSITIONS] =
    "SELECT symbol, side, size, entry_price, entry_time_us, entry_fee, strategy_state,"
    " strategy_id FROM open_positions WHERE session_id = ?1 ORDER BY strategy_id, symbol",
};

struct _TsJournal
{
  sqlite3      *db;
  char         *path;
  sqlite3_stmt *stmts[N_STMTS];
};

char *
ts_journal_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "tickscope", "journal.db", NULL);
}

static void
set_sqlite_error (TsJournal  *self,
                  GError    **error,
                  int         code,
                  const char *what)
{
  g_set_error (error, TS_JOURNAL_ERROR, code, "%s: %s (%s)", what,
               sqlite3_errmsg (self->db), self->path);
}

/* Runs @sql (no rows expected) outside the cached statements. */
static gboolean
exec_sql (TsJournal  *self,
          const char *sql,
          int         code,
          const char *what,
          GError    **error)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, TS_JOURNAL_ERROR, code, "%s: %s (%s)", what,
                   msg != NULL ? msg : sqlite3_errmsg (self->db), self->path);
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (TsJournal  *self,
           const char *sql,
           gint64     *value,
           int         code,
           GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error, code, sql);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, code, sql);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
migrate (TsJournal  *self,
         GError    **error)
{
  gint64 version = 0;

  if (!exec_sql (self, "BEGIN IMMEDIATE", TS_JOURNAL_ERROR_SCHEMA, "cannot lock the journal", error))
    return FALSE;
  if (!query_int (self, "PRAGMA user_version", &version, TS_JOURNAL_ERROR_SCHEMA, error))
    goto fail;
  if (version > TS_JOURNAL_SCHEMA_VERSION || version < 0)
    {
      g_set_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_SCHEMA,
                   "the journal %s has schema version %" G_GINT64_FORMAT
                   ", newer than this program's %d",
                   self->path, version, TS_JOURNAL_SCHEMA_VERSION);
      goto fail;
    }
  if (version < TS_JOURNAL_SCHEMA_VERSION)
    {
      g_autofree char *set_version = NULL;

      for (gint64 v = version; v < TS_JOURNAL_SCHEMA_VERSION; v++)
        if (!exec_sql (self, migrations[v], TS_JOURNAL_ERROR_SCHEMA,
                       "cannot create or migrate the journal schema", error))
          goto fail;
      set_version = g_strdup_printf ("PRAGMA user_version = %d", TS_JOURNAL_SCHEMA_VERSION);
      if (!exec_sql (self, set_version, TS_JOURNAL_ERROR_SCHEMA,
                     "cannot set the journal schema version", error))
        goto fail;
    }
  return exec_sql (self, "COMMIT", TS_JOURNAL_ERROR_SCHEMA, "cannot commit the journal schema", error);

fail:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

TsJournal *
ts_journal_open (const char  *path,
                 GError     **error)
{
  g_autoptr(TsJournal) self = g_new0 (TsJournal, 1);
  g_autofree char *dir = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *mode;
  int rc;

  self->path = path != NULL ? g_strdup (path) : ts_journal_dup_default_path ();

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_OPEN,
                   "cannot create the journal directory %s: %s", dir,
                   g_strerror (saved_errno));
      return NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_OPEN,
                   "cannot open the journal %s: %s", self->path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* The first read of the file: a file that is not a database fails here. */
  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (self, error, TS_JOURNAL_ERROR_OPEN, "cannot open the journal");
      sqlite3_finalize (stmt);
      return NULL;
    }
  mode = (const char *) sqlite3_column_text (stmt, 0);
  if (mode == NULL || g_ascii_strcasecmp (mode, "wal") != 0)
    {
      g_set_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_OPEN,
                   "cannot switch the journal %s to WAL mode (it stays in %s mode)",
                   self->path, mode != NULL ? mode : "an unknown");
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_finalize (stmt);

  /* NORMAL in WAL mode: a commit survives a killed process (see the
   * header); FULL would add an fsync per commit for power losses. */
  if (!exec_sql (self, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON",
                 TS_JOURNAL_ERROR_OPEN, "cannot configure the journal", error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  for (guint i = 0; i < N_STMTS; i++)
    if (sqlite3_prepare_v3 (self->db, stmt_sql[i], -1, SQLITE_PREPARE_PERSISTENT,
                            &self->stmts[i], NULL) != SQLITE_OK)
      {
        set_sqlite_error (self, error, TS_JOURNAL_ERROR_SCHEMA,
                          "cannot prepare a journal statement");
        return NULL;
      }

  return g_steal_pointer (&self);
}

void
ts_journal_close (TsJournal *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_finalize (self->stmts[i]);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self);
}

const char *
ts_journal_get_path (TsJournal *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

/* Steps a cached statement that returns no row, and resets it. */
static gboolean
step_done (TsJournal  *self,
           guint       which,
           int         code,
           const char *what,
           GError    **error)
{
  sqlite3_stmt *stmt = self->stmts[which];
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error, code, what);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

static gboolean
tx_begin (TsJournal  *self,
          GError    **error)
{
  return step_done (self, STMT_BEGIN, TS_JOURNAL_ERROR_WRITE,
                    "cannot begin a journal transaction", error);
}

static gboolean
tx_commit (TsJournal  *self,
           GError    **error)
{
  if (step_done (self, STMT_COMMIT, TS_JOURNAL_ERROR_WRITE,
                 "cannot commit to the journal", error))
    return TRUE;
  if (!sqlite3_get_autocommit (self->db))
    step_done (self, STMT_ROLLBACK, TS_JOURNAL_ERROR_WRITE, "rollback", NULL);
  return FALSE;
}

static void
tx_rollback (TsJournal *self)
{
  if (!sqlite3_get_autocommit (self->db))
    step_done (self, STMT_ROLLBACK, TS_JOURNAL_ERROR_WRITE, "rollback", NULL);
}

static void
bind_symbol (sqlite3_stmt *stmt,
             int           index,
             const char   *symbol)
{
  sqlite3_bind_text (stmt, index, symbol, (int) strnlen (symbol, TS_SYMBOL_MAX - 1),
                     SQLITE_STATIC);
}

static const char *
position_side_text (TsSide side)
{
  return side == TS_SIDE_SELL ? "SHORT" : "LONG";
}

static gboolean
insert_fill (TsJournal    *self,
             gint64        session_id,
             const TsFill *fill,
             GError      **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_INSERT_FILL];

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, fill->time_us);
  bind_symbol (stmt, 3, fill->symbol);
  sqlite3_bind_text (stmt, 4, fill->side == TS_SIDE_SELL ? "SELL" : "BUY", -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 5, fill->price);
  sqlite3_bind_double (stmt, 6, fill->size);
  sqlite3_bind_double (stmt, 7, fill->fee);
  sqlite3_bind_int (stmt, 8, fill->opens ? 1 : 0);
  sqlite3_bind_text (stmt, 9, fill->reason != NULL ? fill->reason : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, fill->strategy_id);
  if (!step_done (self, STMT_INSERT_FILL, TS_JOURNAL_ERROR_WRITE,
                  "cannot journal a fill", error))
    return FALSE;

  if (!fill->opens)
    return TRUE;

  stmt = self->stmts[STMT_UPSERT_POSITION];
  sqlite3_bind_int64 (stmt, 1, session_id);
  bind_symbol (stmt, 2, fill->symbol);
  sqlite3_bind_text (stmt, 3, position_side_text (fill->side), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 4, fill->size);
  sqlite3_bind_double (stmt, 5, fill->price);
  sqlite3_bind_int64 (stmt, 6, fill->time_us);
  sqlite3_bind_double (stmt, 7, fill->fee);
  sqlite3_bind_int64 (stmt, 8, fill->strategy_id);
  return step_done (self, STMT_UPSERT_POSITION, TS_JOURNAL_ERROR_WRITE,
                    "cannot journal an open position", error);
}

static gboolean
insert_trade (TsJournal     *self,
              gint64         session_id,
              const TsTrade *trade,
              GError       **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_INSERT_TRADE];

  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, trade->entry_time_us);
  sqlite3_bind_int64 (stmt, 3, trade->exit_time_us);
  bind_symbol (stmt, 4, trade->symbol);
  sqlite3_bind_text (stmt, 5, position_side_text (trade->side), -1, SQLITE_STATIC);
  sqlite3_bind_double (stmt, 6, trade->size);
  sqlite3_bind_double (stmt, 7, trade->entry_price);
  sqlite3_bind_double (stmt, 8, trade->exit_price);
  sqlite3_bind_double (stmt, 9, trade->fees);
  sqlite3_bind_double (stmt, 10, trade->pnl);
  sqlite3_bind_double (stmt, 11, trade->pnl_pct);
  sqlite3_bind_text (stmt, 12, trade->reason != NULL ? trade->reason : "", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 13, trade->strategy_id);
  if (!step_done (self, STMT_INSERT_TRADE, TS_JOURNAL_ERROR_WRITE,
                  "cannot journal a trade", error))
    return FALSE;

  stmt = self->stmts[STMT_DELETE_POSITION];
  sqlite3_bind_int64 (stmt, 1, session_id);
  bind_symbol (stmt, 2, trade->symbol);
  sqlite3_bind_int64 (stmt, 3, trade->strategy_id);
  return step_done (self, STMT_DELETE_POSITION, TS_JOURNAL_ERROR_WRITE,
                    "cannot remove a closed position from the journal", error);
}

gint64
ts_journal_begin_session (TsJournal   *self,
                          gint64       started_us,
                          const char  *source,
                          const char  *strategy,
                          const char  *params_json,
                          double       initial_capital,
                          GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (source != NULL, 0);
  g_return_val_if_fail (strategy != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  stmt = self->stmts[STMT_INSERT_SESSION];
  sqlite3_bind_int64 (stmt, 1, started_us);
  sqlite3_bind_text (stmt, 2, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, strategy, -1, SQLITE_STATIC);
  if (params_json != NULL)
    sqlite3_bind_text (stmt, 4, params_json, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_double (stmt, 5, initial_capital);
  /* one statement: its own (autocommit) transaction */
  if (!step_done (self, STMT_INSERT_SESSION, TS_JOURNAL_ERROR_WRITE,
                  "cannot journal a new session", error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
ts_journal_record_fill (TsJournal     *self,
                        gint64         session_id,
                        const TsFill  *fill,
                        GError       **error)
{
  return ts_journal_record_events (self, session_id, fill, 1, NULL, 0, error);
}

gboolean
ts_journal_record_trade (TsJournal      *self,
                         gint64          session_id,
                         const TsTrade  *trade,
                         GError        **error)
{
  return ts_journal_record_events (self, session_id, NULL, 0, trade, 1, error);
}

gboolean
ts_journal_record_events (TsJournal      *self,
                          gint64          session_id,
                          const TsFill   *fills,
                          guint           n_fills,
                          const TsTrade  *trades,
                          guint           n_trades,
                          GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (fills != NULL || n_fills == 0, FALSE);
  g_return_val_if_fail (trades != NULL || n_trades == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_fills == 0 && n_trades == 0)
    return TRUE;

  if (!tx_begin (self, error))
    return FALSE;
  for (guint i = 0; i < n_fills; i++)
    if (!insert_fill (self, session_id, &fills[i], error))
      goto fail;
  for (guint i = 0; i < n_trades; i++)
    if (!insert_trade (self, session_id, &trades[i], error))
      goto fail;
  return tx_commit (self, error);

fail:
  tx_rollback (self);
  return FALSE;
}

gboolean
ts_journal_set_position_state (TsJournal   *self,
                               gint64       session_id,
                               guint        strategy_id,
                               const char  *symbol,
                               const char  *state,
                               GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (symbol != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = self->stmts[STMT_SET_STATE];
  sqlite3_bind_int64 (stmt, 1, session_id);
  bind_symbol (stmt, 2, symbol);
  if (state != NULL)
    sqlite3_bind_text (stmt, 3, state, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int64 (stmt, 4, strategy_id);
  return step_done (self, STMT_SET_STATE, TS_JOURNAL_ERROR_WRITE,
                    "cannot journal the strategy state", error);
}

gboolean
ts_journal_end_session (TsJournal   *self,
                        gint64       session_id,
                        gint64       ended_us,
                        GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = self->stmts[STMT_END_SESSION];
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, ended_us);
  if (!step_done (self, STMT_END_SESSION, TS_JOURNAL_ERROR_WRITE,
                  "cannot end the journal session", error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_NOT_FOUND,
                   "no session %" G_GINT64_FORMAT " in the journal %s",
                   session_id, self->path);
      return FALSE;
    }
  return TRUE;
}

static void
session_clear (gpointer data)
{
  TsJournalSession *s = data;

  g_clear_pointer (&s->source, g_free);
  g_clear_pointer (&s->strategy, g_free);
  g_clear_pointer (&s->params_json, g_free);
}

static void
position_clear (gpointer data)
{
  TsJournalPosition *p = data;

  g_clear_pointer (&p->state, g_free);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return text != NULL ? g_strdup (text) : NULL;
}

static void
column_symbol (sqlite3_stmt *stmt,
               int           col,
               char          symbol[TS_SYMBOL_MAX])
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  g_strlcpy (symbol, text != NULL ? text : "", TS_SYMBOL_MAX);
}

static const char *
column_reason (sqlite3_stmt *stmt,
               int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_intern_string (text != NULL ? text : "");
}

static TsSide
column_side (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  if (text != NULL && (strcmp (text, "SELL") == 0 || strcmp (text, "SHORT") == 0))
    return TS_SIDE_SELL;
  return TS_SIDE_BUY;
}

/* Finishes a read: %TRUE when the statement ran to its end. */
static gboolean
read_done (TsJournal  *self,
           guint       which,
           int         rc,
           GError    **error)
{
  sqlite3_stmt *stmt = self->stmts[which];

  if (rc != SQLITE_DONE)
    set_sqlite_error (self, error, TS_JOURNAL_ERROR_READ, "cannot read the journal");
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc == SQLITE_DONE;
}

static gboolean
check_session (TsJournal  *self,
               gint64      session_id,
               GError    **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_SESSION_EXISTS];
  int rc;

  sqlite3_bind_int64 (stmt, 1, session_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_NOT_FOUND,
                 "no session %" G_GINT64_FORMAT " in the journal %s",
                 session_id, self->path);
  else
    set_sqlite_error (self, error, TS_JOURNAL_ERROR_READ, "cannot read the journal");
  return FALSE;
}

/* Reads one row of a cached statement into @row, a zeroed element. */
typedef void (*ReadRowFunc) (sqlite3_stmt *stmt,
                             gpointer      row,
                             gpointer      user_data);

/* Runs the cached statement @which (with @session_id bound to ?1 when it
 * takes a parameter; first checked to exist when @check) and reads every
 * row into a new array of @element_size elements (clear function @clear,
 * may be NULL); NULL with TS_JOURNAL_ERROR_NOT_FOUND (see check_session())
 * or TS_JOURNAL_ERROR_READ on a failure. */
static GArray *
load_rows (TsJournal       *self,
           guint            which,
           gint64           session_id,
           gboolean         check,
           gsize            element_size,
           GDestroyNotify   clear,
           ReadRowFunc      read_row,
           gpointer         user_data,
           GError         **error)
{
  g_autoptr(GArray) rows = NULL;
  sqlite3_stmt *stmt = self->stmts[which];
  int rc;

  if (check && !check_session (self, session_id, error))
    return NULL;
  rows = g_array_new (FALSE, TRUE, (guint) element_size);
  if (clear != NULL)
    g_array_set_clear_func (rows, clear);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_array_set_size (rows, rows->len + 1);
      read_row (stmt, rows->data + (gsize) (rows->len - 1) * element_size, user_data);
    }
  if (!read_done (self, which, rc, error))
    return NULL;
  return g_steal_pointer (&rows);
}

static void
read_session (sqlite3_stmt *stmt,
              gpointer      row,
              gpointer      user_data)
{
  TsJournalSession *s = row;

  s->id = sqlite3_column_int64 (stmt, 0);
  s->started_us = sqlite3_column_int64 (stmt, 1);
  s->ended_us = sqlite3_column_int64 (stmt, 2); /* NULL reads as 0 */
  s->source = column_dup (stmt, 3);
  s->strategy = column_dup (stmt, 4);
  s->params_json = column_dup (stmt, 5);
  s->initial_capital = sqlite3_column_double (stmt, 6);
  s->n_trades = (guint) sqlite3_column_int64 (stmt, 7);
  s->total_pnl = sqlite3_column_double (stmt, 8);
}

GArray *
ts_journal_list_sessions (TsJournal  *self,
                          GError    **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_rows (self, STMT_LIST_SESSIONS, 0, FALSE, sizeof (TsJournalSession), session_clear,
                    read_session, NULL, error);
}

static void
read_trade (sqlite3_stmt *stmt,
            gpointer      row,
            gpointer      user_data)
{
  TsTrade *t = row;

  t->entry_time_us = sqlite3_column_int64 (stmt, 0);
  t->exit_time_us = sqlite3_column_int64 (stmt, 1);
  column_symbol (stmt, 2, t->symbol);
  t->side = column_side (stmt, 3);
  t->size = sqlite3_column_double (stmt, 4);
  t->entry_price = sqlite3_column_double (stmt, 5);
  t->exit_price = sqlite3_column_double (stmt, 6);
  t->fees = sqlite3_column_double (stmt, 7);
  t->pnl = sqlite3_column_double (stmt, 8);
  t->pnl_pct = sqlite3_column_double (stmt, 9);
  t->reason = column_reason (stmt, 10);
  t->strategy_id = (guint) sqlite3_column_int64 (stmt, 11);
}

GArray *
ts_journal_load_trades (TsJournal  *self,
                        gint64      session_id,
                        GError    **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_rows (self, STMT_LOAD_TRADES, session_id, TRUE, sizeof (TsTrade), NULL,
                    read_trade, NULL, error);
}

static void
read_fill (sqlite3_stmt *stmt,
           gpointer      row,
           gpointer      user_data)
{
  TsFill *f = row;

  f->time_us = sqlite3_column_int64 (stmt, 0);
  column_symbol (stmt, 1, f->symbol);
  f->side = column_side (stmt, 2);
  f->price = sqlite3_column_double (stmt, 3);
  f->size = sqlite3_column_double (stmt, 4);
  f->fee = sqlite3_column_double (stmt, 5);
  f->opens = sqlite3_column_int (stmt, 6) != 0;
  f->reason = column_reason (stmt, 7);
  f->strategy_id = (guint) sqlite3_column_int64 (stmt, 8);
}

GArray *
ts_journal_load_fills (TsJournal  *self,
                       gint64      session_id,
                       GError    **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_rows (self, STMT_LOAD_FILLS, session_id, TRUE, sizeof (TsFill), NULL,
                    read_fill, NULL, error);
}

static void
read_position (sqlite3_stmt *stmt,
               gpointer      row,
               gpointer      user_data)
{
  TsJournalPosition *p = row;

  p->session_id = *(const gint64 *) user_data;
  column_symbol (stmt, 0, p->symbol);
  p->side = column_side (stmt, 1);
  p->size = sqlite3_column_double (stmt, 2);
  p->entry_price = sqlite3_column_double (stmt, 3);
  p->entry_time_us = sqlite3_column_int64 (stmt, 4);
  p->entry_fee = sqlite3_column_double (stmt, 5);
  p->state = column_dup (stmt, 6);
  p->strategy_id = (guint) sqlite3_column_int64 (stmt, 7);
}

GArray *
ts_journal_load_open_positions (TsJournal  *self,
                                gint64      session_id,
                                gint64     *found_session_id,
                                GError    **error)
{
  gboolean check = session_id > 0;
  GArray *positions;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (found_session_id != NULL)
    *found_session_id = 0;

  if (session_id <= 0)
    {
      sqlite3_stmt *stmt = self->stmts[STMT_LAST_UNFINISHED];
      int rc = sqlite3_step (stmt);

      session_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      if (!read_done (self, STMT_LAST_UNFINISHED, rc == SQLITE_ROW ? SQLITE_DONE : rc, error))
        return NULL;
      if (session_id == 0)
        {
          positions = g_array_new (FALSE, TRUE, sizeof (TsJournalPosition));
          g_array_set_clear_func (positions, position_clear);
          return positions;
        }
    }

  positions = load_rows (self, STMT_LOAD_POSITIONS, session_id, check,
                         sizeof (TsJournalPosition), position_clear, read_position,
                         &session_id, error);
  if (positions != NULL && found_session_id != NULL)
    *found_session_id = session_id;
  return positions;
}

gboolean
ts_journal_export_csv (TsJournal   *self,
                       gint64       session_id,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GArray) trades = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trades = ts_journal_load_trades (self, session_id, error);
  if (trades == NULL)
    return FALSE;
  return ts_trade_csv_writer_write_file (path, (const TsTrade *) trades->data,
                                         trades->len, error);
}

/* Prepares @sql on @db into *stmt (finalizing what *stmt held) and steps
 * it to its first row; TS_JOURNAL_ERROR_READ otherwise. */
static gboolean
peek_row (sqlite3        *db,
          const char     *path,
          const char     *sql,
          sqlite3_stmt  **stmt,
          GError        **error)
{
  sqlite3_finalize (*stmt);
  *stmt = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) != SQLITE_OK
      || sqlite3_step (*stmt) != SQLITE_ROW)
    {
      g_set_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_READ,
                   "cannot read the journal %s: %s", path, sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_journal_peek_last_time (const char  *path,
                           gint64      *time_us,
                           GError     **error)
{
  g_autofree char *default_path = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (time_us != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *time_us = 0;
  if (path == NULL)
    path = default_path = ts_journal_dup_default_path ();
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, TS_JOURNAL_ERROR, TS_JOURNAL_ERROR_OPEN,
                   "cannot open the journal %s: %s", path,
                   db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      goto out;
    }
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  /* A journal another thread or process is creating right now has no
   * tables yet (an empty file until its schema commits): nothing seen. */
  if (!peek_row (db, path,
                 "SELECT COUNT(*) FROM sqlite_master"
                 " WHERE type = 'table' AND name IN ('fills', 'trades')",
                 &stmt, error))
    goto out;
  if (sqlite3_column_int (stmt, 0) < 2)
    {
      ok = TRUE;
      goto out;
    }
  if (!peek_row (db, path,
                 "SELECT MAX(t) FROM ("
                 " SELECT MAX(time_us) AS t FROM fills"
                 " UNION ALL SELECT MAX(exit_time_us) FROM trades)",
                 &stmt, error))
    goto out;
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    *time_us = sqlite3_column_int64 (stmt, 0);
  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}
