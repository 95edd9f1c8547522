/* ts-stats-panel.h: the session's metrics at a glance
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/ts-ledger-stats.h"

G_BEGIN_DECLS

#define TS_TYPE_STATS_PANEL (ts_stats_panel_get_type ())
G_DECLARE_FINAL_TYPE (TsStatsPanel, ts_stats_panel, TS, STATS_PANEL, GtkWidget)

/**
 * ts_stats_panel_set_stats:
 * @self: a panel
 * @stats: (nullable): the ledger's metrics, or %NULL to show none
 *
 * Shows the current price, the position, trades, win rate, daily and total
 * P&L, max drawdown and equity of @stats.
 */
void ts_stats_panel_set_stats (TsStatsPanel        *self,
                               const TsLedgerStats *stats);

/**
 * ts_stats_panel_set_risk_state:
 * @self: a panel
 * @halted: %TRUE when new entries are refused
 * @code: (nullable): the decision code that halted trading (see
 *   #TsSessionUpdate.risk_code)
 * @until_us: for "CIRCUIT_BREAKER", the end of the pause, µs since epoch
 *   UTC; 0 when unknown
 *
 * Shows "Active", or "Halted — " and why (daily loss limit, drawdown halt,
 * emergency stop, circuit breaker until HH:MM:SS UTC).
 */
void ts_stats_panel_set_risk_state (TsStatsPanel *self,
                                    gboolean      halted,
                                    const char   *code,
                                    gint64        until_us);

/**
 * ts_stats_panel_get_risk_text:
 * @self: a panel
 *
 * Returns: (transfer none): the risk state as shown, e.g. "Active"
 */
const char *ts_stats_panel_get_risk_text (TsStatsPanel *self);

G_END_DECLS
