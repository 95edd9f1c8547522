/* ts-maxwell-strategy.h: the Maxwell dip buyer (STRATEGIES.md section 1)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/ts-strategy.h"

G_BEGIN_DECLS

/**
 * TsMaxwellScaleMode:
 * @TS_MAXWELL_SCALE_FIXED: a = `scale`
 * @TS_MAXWELL_SCALE_FIT: the maximum-likelihood Maxwell scale of the last
 *   `ma_period` deviations, a = sqrt(sum(x^2) / (3n))
 */
typedef enum
{
  TS_MAXWELL_SCALE_FIXED,
  TS_MAXWELL_SCALE_FIT,
} TsMaxwellScaleMode;

/**
 * TsMaxwellParams:
 * @ma_period: 44: prices in the SMA (trades, or bars when bar_seconds > 0);
 *   2 .. 100000
 * @scale: 44: the Maxwell scale a in fixed mode, quote currency; > 0
 * @scale_mode: %TS_MAXWELL_SCALE_FIXED
 * @buy_threshold: 0.1: enter when F(x) < this; 0 .. 1
 * @exit_threshold: 0.9: exit when F(x) > this; 1.0 disables it; 0 .. 1
 * @stop_loss_pct: 50: stop when price <= entry x (1 - this / 100); percent,
 *   0 .. 100 (100 never fires)
 * @position_pct: 10: notional of an entry, percent of the strategy's
 *   equity; 0 .. 10000
 * @bar_seconds: 0: 0 = every trade is a price; else time bars of this
 *   length, seconds of exchange time (their closes are the prices); 0 .. 86400
 *
 * STRATEGIES.md section 1 (seed 000), defaults exactly as there.
 */
typedef struct
{
  guint              ma_period;
  double             scale;
  TsMaxwellScaleMode scale_mode;
  double             buy_threshold;
  double             exit_threshold;
  double             stop_loss_pct;
  double             position_pct;
  double             bar_seconds;
} TsMaxwellParams;

void        ts_maxwell_params_init_default (TsMaxwellParams       *params);

/**
 * ts_maxwell_strategy_new:
 * @params: (nullable): the parameters (copied), %NULL for the defaults
 *
 * The Maxwell dip buyer of STRATEGIES.md section 1 (seed 000). On each
 * price p (each trade, or each bar close when bar_seconds > 0): SMA of the
 * last ma_period prices (#TsSma), deviation x = p - SMA, F = the Maxwell
 * CDF of x with scale a (ts_maxwell_cdf(): F(x) = erf(x / (a sqrt 2)) -
 * sqrt(2/pi) (x/a) exp(-x^2 / (2 a^2)) for x > 0, 0 for x <= 0). Long
 * only. On every trade with a position, in this order: "SL" when the trade
 * price <= entry fill x (1 - stop_loss_pct / 100); "EXIT" when F > 
 * exit_threshold. Flat, with no exit on this tick: open long ("LONG") when
 * F < buy_threshold, position_pct % of equity / price base units. Nothing
 * until the SMA (and in fit mode ma_period deviations) is full. Not
 * reproduced (STRATEGIES.md): the seed's 1 - e^-(x/44)^2 stand-in, its
 * stop measured from the average, its close-all without a position check.
 *
 * Note that F = 0 for every price at or below the SMA, so the default
 * entry is "price at or below its average" as the seed's rule reads.
 *
 * Overlay: "sma", "deviation", "scale", "cdf", "buy_level" (the price where
 * F = buy_threshold: SMA + F^-1(buy_threshold) a, e.g. SMA + 0.7644 a for
 * 0.1), "exit_level", "stop".
 *
 * Returns: (transfer full): the strategy (one symbol)
 */
TsStrategy *ts_maxwell_strategy_new        (const TsMaxwellParams *params);

G_END_DECLS
