/* ts-momentum.h: the momentum-burst strategy with time stop
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tick.h"
#include "ts-momentum-params.h"
#include "ts-rolling-window.h"

G_BEGIN_DECLS

/**
 * TsMomentum:
 *
 * STRATEGIES.md section 2 (seed 001, the values of its text): the entry
 * rules over a #TsRollingWindow of trades and the SL, TP, TIME and FLAT
 * exits of one position. It decides; it does not fill. The caller (the
 * engine) asks ts_momentum_check_exit() then ts_momentum_check_entry() on
 * each tick, has the risk manager and the paper broker act, and reports the
 * fills back with ts_momentum_on_open() and ts_momentum_on_close().
 *
 * Times are µs since the epoch, UTC, exchange time; prices in quote
 * currency; sizes in base units. No allocation per tick except the window's
 * amortized doubling. Not thread-safe.
 */
typedef struct _TsMomentum TsMomentum;

/**
 * ts_momentum_new:
 * @params: the parameters (copied)
 *
 * Returns: (transfer full): a flat strategy with an empty window
 */
TsMomentum             *ts_momentum_new            (const TsMomentumParams *params);
void                    ts_momentum_free           (TsMomentum             *self);

/**
 * ts_momentum_set_params:
 * @params: the new parameters (copied)
 *
 * Applies from the next call on, keeping the window's trades, the open
 * position and its candles.
 */
void                    ts_momentum_set_params     (TsMomentum             *self,
                                                    const TsMomentumParams *params);
const TsMomentumParams *ts_momentum_get_params     (const TsMomentum       *self);

/**
 * ts_momentum_push_trade:
 * @time_us: trade time, µs since epoch UTC
 * @price: trade price, > 0
 * @size: trade size, base units, > 0
 *
 * Feeds a trade to the window (time > now - window_seconds) and, with a
 * position open, to the one-second candles of the FLAT exit. Only trades
 * feed the window; quotes do not.
 */
void                    ts_momentum_push_trade     (TsMomentum             *self,
                                                    gint64                  time_us,
                                                    double                  price,
                                                    double                  size);

/**
 * ts_momentum_check_exit:
 * @now_us: the time of the current tick (trade or quote), µs since epoch UTC
 *
 * With a position open, completes the one-second candles up to @now_us and
 * checks the exits in the order of STRATEGIES.md section 2, with
 * return r = side * (last trade price - entry fill price) / entry fill price:
 * "SL" when r <= -stop_loss, "TP" when r >= profit_target, "TIME" when
 * @now_us - entry time >= time_stop_seconds, "FLAT" when the last
 * flat_candles completed candles since entry each had (high - low) / open
 * <= flat_threshold (flat_candles 0 disables it).
 *
 * Candles are whole UTC seconds of exchange time; the one holding the entry
 * starts at the entry trade; a candle completes when a tick arrives in a
 * later second; seconds without trades are candles at the last close, so
 * they are flat.
 *
 * Returns: (nullable): the static reason code, or %NULL to hold (or when flat)
 */
const char             *ts_momentum_check_exit     (TsMomentum             *self,
                                                    gint64                  now_us);

/**
 * ts_momentum_check_entry:
 *
 * The entry rules of STRATEGIES.md section 2 on the window as it is, all of
 * them needed, with no position open: at least min_ticks trades;
 * |m| >= entry_threshold with m = (p_last - p_first) / p_first; last size >
 * volume_spike_multiplier x mean size of the other trades (fails with no
 * other trade); (max - min) / min >= volatility_guard. Call it after
 * ts_momentum_push_trade() on trade ticks.
 *
 * Returns: %TS_SIDE_BUY for m > 0, %TS_SIDE_SELL for m < 0 when allow_short,
 *   else %TS_SIDE_NONE (no signal)
 */
TsSide                  ts_momentum_check_entry    (const TsMomentum       *self);

/**
 * ts_momentum_on_open:
 * @side: %TS_SIDE_BUY (long) or %TS_SIDE_SELL (short)
 * @fill_price: the entry fill price, quote currency (returns are measured
 *   from it)
 * @time_us: the entry time, µs since epoch UTC (the entry trade's time)
 *
 * Records the position opened on the signal; the first FLAT candle starts at
 * this trade, at the last trade price. Before any trade (a restored
 * position) the last trade price is taken as @fill_price until the first
 * trade.
 */
void                    ts_momentum_on_open        (TsMomentum             *self,
                                                    TsSide                  side,
                                                    double                  fill_price,
                                                    gint64                  time_us);
/**
 * ts_momentum_resume_candles:
 * @now_us: the first tick's time after a restart, µs since epoch UTC
 *
 * For a position restored after a restart (ts_engine_restore_position()):
 * the FLAT rule's one-second candles start again in the second of @now_us,
 * at the last trade price, with no flat candle counted. The seconds while
 * the app was down are unknown; counted as empty (flat) candles they would
 * close the position at once. Call it before the tick's
 * ts_momentum_push_trade().
 */
void                    ts_momentum_resume_candles (TsMomentum             *self,
                                                    gint64                  now_us);

/**
 * ts_momentum_on_close:
 *
 * Records that the position was closed (by an exit or by the risk manager).
 */
void                    ts_momentum_on_close       (TsMomentum             *self);

/**
 * ts_momentum_get_position:
 *
 * Returns: the side of the open position, %TS_SIDE_NONE when flat
 */
TsSide                  ts_momentum_get_position   (const TsMomentum       *self);

/**
 * ts_momentum_get_momentum:
 *
 * Returns: m = (p_last - p_first) / p_first over the window, 0 when empty
 */
double                  ts_momentum_get_momentum   (const TsMomentum       *self);

/**
 * ts_momentum_get_window:
 *
 * Returns: (transfer none): the trade window
 */
const TsRollingWindow  *ts_momentum_get_window     (const TsMomentum       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsMomentum, ts_momentum_free)

G_END_DECLS
