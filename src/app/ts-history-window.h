/* ts-history-window.h: the sessions of the trade journal, their trades and
 * open positions, and their export to CSV
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TS_TYPE_HISTORY_WINDOW (ts_history_window_get_type ())
G_DECLARE_FINAL_TYPE (TsHistoryWindow, ts_history_window, TS, HISTORY_WINDOW, AdwWindow)

/**
 * TsHistoryWindow:
 *
 * The History window: every session of the trade journal (#TsJournal), the
 * newest first, and for the selected one its closed trades and the
 * positions it left open. Export CSV… writes the selected session's trades
 * with ts_journal_export_csv().
 *
 * The window reads the journal through its own connection (SQLite WAL lets a
 * reader work beside the session that writes it), opened in a worker thread
 * for each load (GTask), so a long session or a journal locked by a writer
 * (up to the journal's 5 s busy timeout) does not freeze the UI. It never
 * creates the journal: a missing file shows the empty state ("No sessions
 * yet"); a file that cannot be read (not a database, locked, a newer schema)
 * shows the error with the journal's message. It reloads on the Refresh
 * button (F5, Ctrl+R) and whenever the window gains the focus.
 *
 * Times are shown in local time; money in quote currency with
 * ts_format_number().
 */

/**
 * ts_history_window_new:
 * @application: (nullable): the application the window belongs to
 * @journal_path: (nullable): the journal file (GLib file name encoding);
 *   %NULL for ts_journal_dup_default_path()
 *
 * Makes the window and starts loading the session list.
 *
 * Returns: (transfer none): a new window, owned by @application (or by GTK's
 *   toplevel list when @application is %NULL)
 */
TsHistoryWindow *ts_history_window_new                 (GtkApplication  *application,
                                                        const char      *journal_path);
/**
 * ts_history_window_get_journal_path:
 *
 * Returns: (transfer none): the journal file the window reads
 */
const char      *ts_history_window_get_journal_path    (TsHistoryWindow *self);
/**
 * ts_history_window_refresh:
 *
 * Reloads the session list (and then the selected session, kept selected by
 * its id when it is still there) from the journal. A load in flight is
 * cancelled and replaced.
 */
void             ts_history_window_refresh             (TsHistoryWindow *self);
/**
 * ts_history_window_get_busy:
 *
 * Returns: %TRUE while a load or an export runs in a worker thread (the
 *   #TsHistoryWindow:busy property, notified when it changes)
 */
gboolean         ts_history_window_get_busy            (TsHistoryWindow *self);
/**
 * ts_history_window_get_state:
 *
 * Returns: what the window shows: "loading" (before the first load ends),
 *   "empty" (no journal file, or no session in it), "error" (the journal
 *   could not be read: see ts_history_window_get_error()) or "sessions"
 */
const char      *ts_history_window_get_state           (TsHistoryWindow *self);
/**
 * ts_history_window_get_error:
 *
 * Returns: (nullable): the message shown in the "error" state, else %NULL
 */
const char      *ts_history_window_get_error           (TsHistoryWindow *self);
/**
 * ts_history_window_set_live_session_id:
 * @live_session_id: the journal id of the session this process is writing
 *   now; 0 when none runs; -1 (the default) when unknown
 *
 * Tells apart an unfinished session that is running ("Running") from one
 * that a crash or a kill left unfinished ("Not ended (crash)"). While it is
 * unknown, unfinished sessions read "Not ended" with a tooltip saying both
 * are possible.
 */
void             ts_history_window_set_live_session_id (TsHistoryWindow *self,
                                                        gint64           live_session_id);
/**
 * ts_history_window_get_session_list:
 *
 * Returns: (transfer none): the list box of sessions, one #GtkListBoxRow per
 *   session, newest first. Each row's labels are named (gtk_widget_get_name())
 *   "start", "duration", "source", "strategy", "trades", "pnl" and "open";
 *   the row carries its session id as the "ts-session-id" data (a pointer
 *   to a #gint64)
 */
GtkListBox      *ts_history_window_get_session_list    (TsHistoryWindow *self);
/**
 * ts_history_window_select_session:
 * @session_id: a session id of the journal
 *
 * Selects that session and starts loading its trades and open positions.
 *
 * Returns: %FALSE when the list has no such session
 */
gboolean         ts_history_window_select_session      (TsHistoryWindow *self,
                                                        gint64           session_id);
/**
 * ts_history_window_get_selected_session:
 *
 * Returns: the selected session's id, or 0 when none is
 */
gint64           ts_history_window_get_selected_session (TsHistoryWindow *self);
/**
 * ts_history_window_get_trade_model:
 *
 * Returns: (transfer none): the selected session's trades as #TsTradeObject,
 *   in journal (record) order; empty until its load ends
 */
GListModel      *ts_history_window_get_trade_model     (TsHistoryWindow *self);
/**
 * ts_history_window_get_trade_view:
 *
 * Returns: (transfer none): the column view showing
 *   ts_history_window_get_trade_model()
 */
GtkColumnView   *ts_history_window_get_trade_view      (TsHistoryWindow *self);
/**
 * ts_history_window_get_n_open_positions:
 *
 * Returns: the open positions shown for the selected session
 */
guint            ts_history_window_get_n_open_positions (TsHistoryWindow *self);
/**
 * ts_history_window_export_csv:
 * @path: (nullable): the CSV file to write; %NULL to ask with a file dialog
 *
 * Exports the selected session's trades with ts_journal_export_csv() in a
 * worker thread, then shows a toast with the file's path or the error
 * (kept for ts_history_window_get_last_toast()). No-op when no
 * session is selected.
 */
void             ts_history_window_export_csv          (TsHistoryWindow *self,
                                                        const char      *path);
/**
 * ts_history_window_get_last_toast:
 *
 * Returns: (nullable): the text of the last toast shown (an export's
 *   result), or %NULL
 */
const char      *ts_history_window_get_last_toast      (TsHistoryWindow *self);

G_END_DECLS
