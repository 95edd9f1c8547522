/* ts-trade-list.h: the closed trades, newest first
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/ts-trade.h"

G_BEGIN_DECLS

#define TS_TYPE_TRADE_LIST (ts_trade_list_get_type ())
G_DECLARE_FINAL_TYPE (TsTradeList, ts_trade_list, TS, TRADE_LIST, GtkWidget)

/**
 * ts_trade_list_add_trades:
 * @self: a list
 * @trades: (array length=n_trades): newly closed trades, oldest first
 * @n_trades: how many
 *
 * Puts the trades on top of the list (newest first).
 */
void        ts_trade_list_add_trades (TsTradeList   *self,
                                      const TsTrade *trades,
                                      guint          n_trades);
/**
 * ts_trade_list_clear:
 * @self: a list
 *
 * Removes every trade.
 */
void        ts_trade_list_clear      (TsTradeList   *self);
/**
 * ts_trade_list_get_model:
 * @self: a list
 *
 * Returns: (transfer none): the list's model of #TsTradeObject, newest first
 */
GListModel *ts_trade_list_get_model  (TsTradeList   *self);

G_END_DECLS
