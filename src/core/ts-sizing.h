/* ts-sizing.h: position sizing shared by the strategies
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsSizingMode:
 * @TS_SIZING_FIXED_UNITS: a fixed size in base units (momentum's
 *   `position_size`, STRATEGIES.md section 2)
 * @TS_SIZING_FIXED_FRACTIONAL: risk `risk_per_trade` of equity over the
 *   stop distance: size = risk x equity / (stop x price) (STRATEGIES.md
 *   section 3, the default)
 * @TS_SIZING_KELLY: half-Kelly from the strategy's closed trades once it
 *   has %TS_SIZING_KELLY_MIN_TRADES, else fixed fractional (section 3)
 * @TS_SIZING_VOLATILITY: the fixed-fractional size x target vol / current
 *   vol (section 3: "base size x target vol / current vol")
 *
 * The sizing modes of the risk manager (issue 3 point 2).
 */
typedef enum
{
  TS_SIZING_FIXED_UNITS,
  TS_SIZING_FIXED_FRACTIONAL,
  TS_SIZING_KELLY,
  TS_SIZING_VOLATILITY,
} TsSizingMode;

/**
 * TS_SIZING_KELLY_MIN_TRADES:
 *
 * Closed trades needed before the Kelly mode uses them (STRATEGIES.md
 * section 3: 20).
 */
#define TS_SIZING_KELLY_MIN_TRADES 20

/**
 * TsSizingInput:
 * @mode: the mode
 * @equity: the strategy's equity, quote currency, > 0
 * @price: the expected entry price, quote currency, > 0
 * @stop_distance: the stop distance as a fraction of @price (0.01 = 1 %),
 *   > 0 for the fractional modes
 * @fixed_units: base units, for %TS_SIZING_FIXED_UNITS
 * @risk_fraction: the fraction of equity risked over the stop (0.02 = 2 %)
 * @target_vol: per-bar volatility aimed at, a fraction, for
 *   %TS_SIZING_VOLATILITY
 * @current_vol: the current per-bar volatility, a fraction
 * @trades: the strategy's closed trades
 * @wins: of which wins (net P&L > 0)
 * @gross_profit: sum of the wins' P&L, quote currency
 * @gross_loss: sum of the losses' |P&L|, quote currency
 * @max_leverage: cap on size x price / equity; 0 = none
 *
 * Everything ts_sizing_compute() needs; a plain value.
 */
typedef struct
{
  TsSizingMode mode;
  double       equity;
  double       price;
  double       stop_distance;
  double       fixed_units;
  double       risk_fraction;
  double       target_vol;
  double       current_vol;
  guint        trades;
  guint        wins;
  double       gross_profit;
  double       gross_loss;
  double       max_leverage;
} TsSizingInput;

/**
 * ts_sizing_kelly_fraction:
 * @trades: closed trades
 * @wins: wins among them
 * @gross_profit: sum of winning P&L, quote currency
 * @gross_loss: sum of losing |P&L|, quote currency
 *
 * The Kelly fraction f* = W - (1 - W) / R, W the win rate and R = average
 * win / average loss (J. L. Kelly, "A New Interpretation of Information
 * Rate", 1956; the form used by traders, e.g. R. Vince, "The Mathematics
 * of Money Management", 1992).
 *
 * Returns: f* (may be <= 0: no edge); 1 when there is no loss yet and
 *   some win; NaN with no trade
 */
double ts_sizing_kelly_fraction (guint  trades,
                                 guint  wins,
                                 double gross_profit,
                                 double gross_loss);

/**
 * ts_sizing_compute:
 * @in: the inputs
 *
 * - fixed units: @fixed_units;
 * - fixed fractional: risk_fraction x equity / (stop_distance x price);
 * - Kelly: with at least %TS_SIZING_KELLY_MIN_TRADES trades, (f* / 2) x
 *   equity / (stop_distance x price) with f* from
 *   ts_sizing_kelly_fraction() clamped to [0, 1] (0 when the trades show
 *   no edge); else fixed fractional;
 * - volatility: the fixed-fractional size x target_vol / current_vol
 *   (the fixed-fractional size when either vol is not > 0);
 * then capped at max_leverage x equity / price when max_leverage > 0.
 *
 * Returns: the size in base units, >= 0 (0 when nothing can be sized:
 *   non-positive equity, price or stop distance)
 */
double ts_sizing_compute        (const TsSizingInput *in);

G_END_DECLS
