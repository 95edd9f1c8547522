/* ts-trade-object.h: a closed trade as a list item
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "core/ts-trade.h"

G_BEGIN_DECLS

#define TS_TYPE_TRADE_OBJECT (ts_trade_object_get_type ())
G_DECLARE_FINAL_TYPE (TsTradeObject, ts_trade_object, TS, TRADE_OBJECT, GObject)

/**
 * ts_trade_object_new:
 * @trade: a closed trade, copied
 *
 * Returns: (transfer full): a new item for a #GListModel
 */
TsTradeObject *ts_trade_object_new       (const TsTrade *trade);
/**
 * ts_trade_object_new_full:
 * @trade: a closed trade, copied
 * @strategy_name: (nullable): the short name of the strategy that made it
 *   ("momentum", "pairs", …; see ts_strategy_get_name()), copied; %NULL
 *   when not known
 *
 * Returns: (transfer full): a new item for a #GListModel
 */
TsTradeObject *ts_trade_object_new_full  (const TsTrade *trade,
                                          const char    *strategy_name);
/**
 * ts_trade_object_get_trade:
 * @self: an item
 *
 * Returns: (transfer none): the trade it holds
 */
const TsTrade *ts_trade_object_get_trade (TsTradeObject *self);
/**
 * ts_trade_object_get_strategy_name:
 * @self: an item
 *
 * Returns: (nullable): the short name of the strategy that made the trade,
 *   as given to ts_trade_object_new_full(), or %NULL when not known
 */
const char    *ts_trade_object_get_strategy_name (TsTradeObject *self);

G_END_DECLS
