/* ts-fill.h: one paper fill of a market order
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tick.h"

G_BEGIN_DECLS

/**
 * TsFill:
 * @time_us: exchange time of the tick that triggered it, µs since epoch UTC
 * @side: %TS_SIDE_BUY or %TS_SIDE_SELL
 * @price: fill price, quote currency, after spread and slippage
 * @size: base units
 * @fee: taker fee paid, quote currency (>= 0)
 * @opens: %TRUE when the fill opens a position, %FALSE when it closes one
 * @reason: for a closing fill the exit reason code ("SL", "TP", "TIME",
 *   "FLAT", "DAILY" for momentum; the other strategies' codes are listed in
 *   their headers; "EMERGENCY" and "DRAWDOWN" from the risk manager); for an
 *   opening fill "LONG" or "SHORT". A static string.
 * @symbol: the instrument
 * @strategy_id: the engine's id of the strategy that placed the order
 *   (0 for the built-in momentum strategy of ts_engine_new(), else the id
 *   from ts_engine_add_strategy()); last so that older copies still line up
 */
typedef struct
{
  gint64      time_us;
  TsSide      side;
  double      price;
  double      size;
  double      fee;
  gboolean    opens;
  const char *reason;
  char        symbol[TS_SYMBOL_MAX];
  guint       strategy_id;
} TsFill;

G_END_DECLS
