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
 * Puts the trades on top of the list (newest first), each with the name
 * of its strategy (#TsTrade.strategy_id) as set by
 * ts_trade_list_set_strategy_names() at this call. When the list was
 * scrolled to the top, it stays at the top (the new trades in view); when
 * scrolled down, the rows in view stay in view.
 */
void        ts_trade_list_add_trades (TsTradeList   *self,
                                      const TsTrade *trades,
                                      guint          n_trades);
/**
 * ts_trade_list_set_strategy_names:
 * @self: a list
 * @names: (array length=n_names) (nullable): the short name of the
 *   strategy with engine id i at @names[i] (#TsTrade.strategy_id; see
 *   #TsSessionUpdate.strategy_names), or %NULL for an unused id; copied
 * @n_names: how many ids @names covers
 *
 * Sets the names the Strategy column shows for trades added from now on
 * (a trade whose id has no name shows "#id"). The Strategy column is
 * shown only while at least one name is set; it is hidden at first.
 */
void        ts_trade_list_set_strategy_names (TsTradeList        *self,
                                              const char * const *names,
                                              guint               n_names);
/**
 * ts_trade_list_get_strategy_name:
 * @self: a list
 * @strategy_id: an engine strategy id
 *
 * Returns: (nullable): the name set for @strategy_id by
 *   ts_trade_list_set_strategy_names(), %NULL when none
 */
const char *ts_trade_list_get_strategy_name  (TsTradeList        *self,
                                              guint               strategy_id);
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
