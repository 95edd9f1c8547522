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

G_END_DECLS
