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
 * The risk rules of STRATEGIES.md section 2, "Risk" (seed 001), per
 * strategy:
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
 *
 * and the portfolio limits of the engine (issue 3), which the engine keeps
 * in one more manager for all strategies together:
 * - emergency stop (ts_risk_manager_emergency_stop()): entries refused
 *   ("EMERGENCY_STOP") until ts_risk_manager_resume(); the engine closes
 *   every position when it is called;
 * - max drawdown halt: when equity <= peak x (1 - max_drawdown_pct / 100),
 *   the peak taken since the start or the last resume (STRATEGIES.md
 *   "Metrics" drawdown; seed 001 measured it from the starting balance,
 *   which is not reproduced), entries halt ("DRAWDOWN_HALT") until resume;
 * - circuit breaker: entries paused ("CIRCUIT_BREAKER") until a time of
 *   tick time, set by ts_risk_manager_pause_entries() or automatically
 *   after circuit_breaker_losses losing trades in a row;
 * - max_positions_total open positions ("MAX_POSITIONS");
 * - leverage cap: ts_risk_manager_cap_notional().
 * Position sizing lives in ts-sizing.h.
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

/**
 * ts_risk_manager_record_portfolio_trade:
 * @net_pnl: a closed trade's net P&L, quote currency
 *
 * Counts losing trades (net P&L <= 0) in a row for the circuit breaker;
 * when circuit_breaker_losses > 0 and the run reaches it, pauses entries
 * for circuit_breaker_seconds from the last tick's time and restarts the
 * count.
 *
 * Returns: %TRUE when the breaker tripped just now ("CIRCUIT_BREAKER")
 */
gboolean            ts_risk_manager_record_portfolio_trade (TsRiskManager *self,
                                                            double         net_pnl);

/**
 * ts_risk_manager_check_drawdown:
 * @equity: the portfolio equity now, quote currency
 *
 * Tracks the peak and halts when @equity <= peak x (1 - max_drawdown_pct /
 * 100) (max_drawdown_pct 0 = off).
 *
 * Returns: %TRUE when the halt started just now (the caller closes every
 *   position, "DRAWDOWN_HALT")
 */
gboolean            ts_risk_manager_check_drawdown    (TsRiskManager      *self,
                                                       double              equity);

/**
 * ts_risk_manager_check_portfolio:
 * @open_total: open positions of all strategies (a pair counts once)
 *
 * The portfolio limits on one entry signal, in this order: emergency stop,
 * drawdown halt, circuit breaker, max_positions_total.
 *
 * Returns: (nullable): %NULL to go on, else "EMERGENCY_STOP",
 *   "DRAWDOWN_HALT", "CIRCUIT_BREAKER" or "MAX_POSITIONS"
 */
const char         *ts_risk_manager_check_portfolio   (const TsRiskManager *self,
                                                       guint               open_total);

/**
 * ts_risk_manager_cap_notional:
 * @equity: portfolio equity, quote currency
 * @open_notional: sum of |size x price| of the open legs, quote currency
 * @notional: the new entry's notional (all its legs), quote currency
 *
 * The leverage cap: open + new <= max_leverage x equity.
 *
 * Returns: the notional allowed: @notional when max_leverage is 0 or it
 *   fits, else max(0, max_leverage x equity - @open_notional)
 */
double              ts_risk_manager_cap_notional      (const TsRiskManager *self,
                                                       double              equity,
                                                       double              open_notional,
                                                       double              notional);

/**
 * ts_risk_manager_emergency_stop:
 *
 * Refuses every entry from now on until ts_risk_manager_resume().
 */
void                ts_risk_manager_emergency_stop    (TsRiskManager      *self);

/**
 * ts_risk_manager_resume:
 *
 * Lifts the emergency stop, the drawdown halt (the peak restarts at the
 * next equity checked) and the circuit breaker. The daily halt stays until
 * the next UTC day.
 */
void                ts_risk_manager_resume            (TsRiskManager      *self);

/**
 * ts_risk_manager_pause_entries:
 * @seconds: seconds of tick time from the last tick seen, >= 0 (0 lifts a
 *   pause)
 *
 * The manual circuit breaker: entries are refused ("CIRCUIT_BREAKER")
 * while a tick's time is before the last tick's + @seconds.
 */
void                ts_risk_manager_pause_entries     (TsRiskManager      *self,
                                                       double              seconds);

gboolean            ts_risk_manager_is_emergency_stopped (const TsRiskManager *self);
gboolean            ts_risk_manager_is_drawdown_halted   (const TsRiskManager *self);
/**
 * ts_risk_manager_get_paused_until:
 *
 * Returns: entries are paused while tick time < this, µs since epoch UTC
 */
gint64              ts_risk_manager_get_paused_until  (const TsRiskManager *self);

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
