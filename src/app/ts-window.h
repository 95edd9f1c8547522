/* ts-window.h: the main window
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-price-chart.h"
#include "ts-spread-chart.h"
#include "ts-stats-panel.h"
#include "ts-session.h"

G_BEGIN_DECLS

#define TS_TYPE_WINDOW (ts_window_get_type ())
G_DECLARE_FINAL_TYPE (TsWindow, ts_window, TS, WINDOW, AdwApplicationWindow)

/**
 * ts_window_new:
 * @application: the application
 * @session: the session whose updates it shows
 *
 * Returns: (transfer none): a new main window, owned by @application
 */
TsWindow     *ts_window_new             (GtkApplication *application,
                                         TsSession      *session);
/**
 * ts_window_show_toast:
 * @self: a window
 * @message: the text of the toast, plain text (not markup)
 *
 * Shows @message in a toast for a few seconds.
 */
void          ts_window_show_toast      (TsWindow       *self,
                                         const char     *message);
/**
 * ts_window_set_loading_recording:
 * @self: a window
 * @path: (nullable): the recording being read for a replay, or %NULL when
 *   that is over (the replay runs, failed or was cancelled)
 * @cancellable: (nullable): cancelled when the window goes (is closed)
 *   while @path is still being read; a reference is kept until then
 *
 * Shows a spinner and "Loading recording…" in the state indicator, with
 * @path in its tooltip, in place of the feed state until called with %NULL.
 */
void          ts_window_set_loading_recording (TsWindow     *self,
                                               const char   *path,
                                               GCancellable *cancellable);
/**
 * ts_window_get_loading_recording:
 * @self: a window
 *
 * Returns: (nullable): the path given to ts_window_set_loading_recording()
 */
const char   *ts_window_get_loading_recording (TsWindow     *self);
/**
 * ts_window_get_chart:
 * @self: a window
 *
 * Returns: (transfer none): the price chart
 */
TsPriceChart *ts_window_get_chart       (TsWindow       *self);
/**
 * ts_window_get_trade_model:
 * @self: a window
 *
 * Returns: (transfer none): the trade list's model of #TsTradeObject, newest first
 */
GListModel   *ts_window_get_trade_model (TsWindow       *self);
/**
 * ts_window_get_stats_panel:
 * @self: a window
 *
 * Returns: (transfer none): the statistics panel
 */
TsStatsPanel *ts_window_get_stats_panel (TsWindow       *self);
/**
 * ts_window_get_spread_chart:
 * @self: a window
 *
 * Returns: (transfer none): the pairs strategy's spread panel (hidden
 *   while no pairs strategy sends its overlay)
 */
TsSpreadChart *ts_window_get_spread_chart (TsWindow     *self);

G_END_DECLS
