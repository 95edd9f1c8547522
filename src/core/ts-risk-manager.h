/* ts-risk-manager.h: position limit, daily loss limit and cooldown
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ts-risk-params.h"

G_BEGIN_DECLS

/**
 * TsRiskManager:
 *
 * The risk rules of STRATEGIES.md section 2, "Risk" (seed 001):
 * - at most max_positions_per_symbol open positions per symbol;
 * - daily loss limit: when equity - day start equity <= -daily_loss_limit_pct
 *   % x day start equity, the open position is closed ("DAILY") and entries
 *   are halted until the next UTC day (exchange time). The day start equity
 *   is the equity at 00:00 UTC: the equity as marked by the last tick before
 *   the first tick of the day (the initial capital on the first day);
 * - cooldown: after a losing trade (net P&L <= 0, i.e. not a win in the
 *   sense of STRATEGIES.md "Metrics"), the next cooldown_signals entry
 *   signals are skipped. A signal is an entry that passed every strategy
 *   rule; signals refused while halted do not count.
 *
 * Money in quote currency, times in µs since epoch UTC. No allocation.
 */
typedef struct _TsRiskManager TsRiskManager;

/**
 * ts_risk_manager_new:
 * @params: the limits (copied)
 *
 * Returns: (transfer full): a risk manager that has seen no day yet
 */
TsRiskManager      *ts_risk_manager_new               (const TsRiskParams *params);
void                ts_risk_manager_free              (TsRiskManager      *self);

/**
 * ts_risk_manager_set_params:
 * @params: the new limits (copied)
 *
 * Applies live; a running cooldown is cut to the new cooldown_signals if
 * that is smaller. A halt stays until the next day.
 */
void                ts_risk_manager_set_params        (TsRiskManager      *self,
                                                       const TsRiskParams *params);
const TsRiskParams *ts_risk_manager_get_params        (const TsRiskManager *self);

/**
 * ts_risk_manager_roll_day:
 * @time_us: the time of the current tick, µs since epoch UTC
 * @equity: the equity at 00:00 UTC, i.e. as marked before this tick
 *
 * Call first on every tick. On the first tick of a new UTC day, sets the day
 * start equity to @equity and lifts a halt.
 *
 * Returns: %TRUE when a halt was lifted ("RESUMED")
 */
gboolean            ts_risk_manager_roll_day          (TsRiskManager      *self,
                                                       gint64              time_us,
                                                       double              equity);

/**
 * ts_risk_manager_check_daily_loss:
 * @equity: the equity now, marked at the last trade price
 *
 * Halts entries when @equity - day start <= -daily_loss_limit_pct / 100 x
 * day start.
 *
 * Returns: %TRUE when the limit was breached just now (the caller closes the
 *   open position with reason "DAILY"); %FALSE otherwise, also when already
 *   halted
 */
gboolean            ts_risk_manager_check_daily_loss  (TsRiskManager      *self,
                                                       double              equity);

/**
 * ts_risk_manager_approve_entry:
 * @open_positions: open positions on the signal's symbol
 *
 * Decides on one entry signal, in this order: halted, position limit,
 * cooldown (which this signal then uses up).
 *
 * Returns: (nullable): %NULL to approve, else the static decision code
 *   "HALTED", "MAX_POSITIONS" or "COOLDOWN"
 */
const char         *ts_risk_manager_approve_entry     (TsRiskManager      *self,
                                                       guint               open_positions);

/**
 * ts_risk_manager_record_trade:
 * @net_pnl: the closed trade's P&L net of both fees, quote currency
 *
 * A trade that is not a win (@net_pnl <= 0) starts a cooldown of
 * cooldown_signals signals.
 */
void                ts_risk_manager_record_trade      (TsRiskManager      *self,
                                                       double              net_pnl);

gboolean            ts_risk_manager_is_halted         (const TsRiskManager *self);
/**
 * ts_risk_manager_get_day_start_equity:
 *
 * Returns: the equity at 00:00 UTC of the current day, quote currency
 */
double              ts_risk_manager_get_day_start_equity (const TsRiskManager *self);
/**
 * ts_risk_manager_get_cooldown_remaining:
 *
 * Returns: how many of the next entry signals will be skipped
 */
guint               ts_risk_manager_get_cooldown_remaining (const TsRiskManager *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRiskManager, ts_risk_manager_free)

G_END_DECLS
