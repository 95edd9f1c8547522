/* ts-trade.h: one closed round trip
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tick.h"

G_BEGIN_DECLS

/**
 * TsTrade:
 * @entry_time_us: entry fill time, µs since epoch UTC
 * @exit_time_us: exit fill time, µs since epoch UTC
 * @side: %TS_SIDE_BUY for a long, %TS_SIDE_SELL for a short
 * @size: base units
 * @entry_price: entry fill price, quote currency
 * @exit_price: exit fill price, quote currency
 * @fees: both legs' taker fees, quote currency
 * @pnl: net P&L, quote currency: side * size * (exit - entry) - fees
 *   (STRATEGIES.md "Metrics": a trade's P&L is net of both fees)
 * @pnl_pct: @pnl / (entry_price * size) * 100, percent of entry notional
 * @reason: the exit reason code, a static string: "SL", "TP", "TIME",
 *   "FLAT" (STRATEGIES.md section 2), "DAILY" (daily loss limit), the
 *   codes of the other strategies (see their headers), "EMERGENCY"
 *   (ts_engine_emergency_stop()) or "DRAWDOWN" (max drawdown halt)
 * @symbol: the instrument; for a pairs trade (STRATEGIES.md section 4)
 *   "A/B", with @side the side of leg A, @size the units of A,
 *   @entry_price and @exit_price the spread A - beta B at the fills (beta =
 *   units of B per unit of A), @fees the four legs' fees and @pnl_pct the
 *   P&L over the gross entry notional of both legs
 * @strategy_id: the engine's id of the strategy (see #TsFill)
 */
typedef struct
{
  gint64      entry_time_us;
  gint64      exit_time_us;
  TsSide      side;
  double      size;
  double      entry_price;
  double      exit_price;
  double      fees;
  double      pnl;
  double      pnl_pct;
  const char *reason;
  char        symbol[TS_SYMBOL_MAX];
  guint       strategy_id;
} TsTrade;

G_END_DECLS
