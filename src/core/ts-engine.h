/* ts-engine.h: strategy, risk, paper broker and metrics on one tick stream
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tick.h"
#include "ts-fill.h"
#include "ts-trade.h"
#include "ts-ledger-stats.h"
#include "ts-momentum-params.h"
#include "ts-risk-params.h"
#include "ts-broker-params.h"
#include "ts-strategy.h"

G_BEGIN_DECLS

/**
 * TsEngine:
 *
 * Made by ts_engine_new(), runs the momentum-burst strategy (STRATEGIES.md
 * section 2) on one symbol: the first symbol it sees with a trade, unless
 * one was set with ts_engine_set_symbol(). Ticks of other symbols are
 * counted and ignored. Its fills and trades have strategy id 0.
 *
 * Made by ts_engine_new_multi(), runs the strategies given to
 * ts_engine_add_strategy() (ids 1, 2, ...), each on its own symbol(s), each
 * with its own ledger (ts_engine_get_strategy_stats()) and its own daily
 * loss limit and cooldown, all under the portfolio limits of the risk
 * manager (#TsRiskManager: emergency stop, drawdown halt, circuit breaker,
 * total positions, positions per symbol, leverage cap). Every strategy's
 * ledger starts at the initial capital; the portfolio's equity is the
 * initial capital plus the sum of the strategies' equity changes
 * (ts_engine_get_portfolio_stats()). Ticks of no strategy's symbol are
 * ignored. Per tick and per strategy, in this order: the strategy's intents
 * (its exits first), its daily loss limit, its entries through the risk
 * manager; then the portfolio drawdown check; then the marks.
 *
 * Deterministic: its output is a pure function of the tick sequence and the
 * parameters. No wall clock, no I/O, no allocation per tick (the fill and
 * trade arrays grow only when a fill happens). Not thread-safe: use it from
 * one thread.
 */
typedef struct _TsEngine TsEngine;

/**
 * TsEngineEvents:
 * @TS_ENGINE_EVENT_NONE: nothing changed beyond the marks
 * @TS_ENGINE_EVENT_FILL: one or more fills were appended
 * @TS_ENGINE_EVENT_TRADE: one or more trades were closed
 * @TS_ENGINE_EVENT_REFUSED: an entry signal was refused by risk (see the
 *   decision log)
 * @TS_ENGINE_EVENT_IGNORED: the tick was not for the traded symbol, or invalid
 *
 * Returned by ts_engine_push_tick().
 */
typedef enum
{
  TS_ENGINE_EVENT_NONE    = 0,
  TS_ENGINE_EVENT_FILL    = 1 << 0,
  TS_ENGINE_EVENT_TRADE   = 1 << 1,
  TS_ENGINE_EVENT_REFUSED = 1 << 2,
  TS_ENGINE_EVENT_IGNORED = 1 << 3,
} TsEngineEvents;

/**
 * TsDecision:
 * @time_us: exchange time, µs since epoch UTC
 * @code: a static string: "COOLDOWN" (entry signal skipped after a loss),
 *   "HALTED" (entry signal refused: daily loss limit), "DAILY" (position
 *   closed by the daily loss limit), "RESUMED" (a new UTC day lifted the
 *   halt), "MAX_POSITIONS" (entry refused: positions per symbol or in
 *   total), "DRAWDOWN_HALT" (the max drawdown halt started, positions
 *   closed; or an entry refused by it), "EMERGENCY_STOP" (the emergency
 *   stop; or an entry refused by it), "CIRCUIT_BREAKER" (entries paused:
 *   the breaker tripped or was set; or an entry refused by it),
 *   "LEVERAGE_RESIZED" (an entry made smaller by the leverage cap),
 *   "LEVERAGE_CAP" (an entry refused: no room under the cap),
 *   "RESUMED_ALL" (ts_engine_resume())
 * @side: the side of the refused signal, or %TS_SIDE_NONE
 * @price: the last trade price then
 *
 * One line of the risk decision log.
 */
typedef struct
{
  gint64      time_us;
  const char *code;
  TsSide      side;
  double      price;
} TsDecision;

TsEngine          *ts_engine_new          (const TsMomentumParams *momentum,
                                           const TsRiskParams     *risk,
                                           const TsBrokerParams   *broker);
void               ts_engine_free         (TsEngine               *self);

/**
 * ts_engine_set_params:
 *
 * Applies new parameters from the next tick on, keeping the window, the open
 * position, the ledger and the risk state. The initial capital is applied only
 * before the first tick. Any of the pointers may be %NULL to keep those.
 * On a multi engine @momentum is ignored (use ts_strategy_set_params() on
 * ts_engine_get_strategy()); @risk and @broker apply to every strategy.
 */
void               ts_engine_set_params   (TsEngine               *self,
                                           const TsMomentumParams *momentum,
                                           const TsRiskParams     *risk,
                                           const TsBrokerParams   *broker);

/**
 * ts_engine_set_symbol:
 * @symbol: (nullable): the symbol to trade; %NULL or "" = the first one seen
 *
 * Only before the first trade of that symbol; returns %FALSE afterwards,
 * and always on a multi engine.
 */
gboolean           ts_engine_set_symbol   (TsEngine               *self,
                                           const char             *symbol);
const char        *ts_engine_get_symbol   (const TsEngine         *self);

/**
 * ts_engine_push_tick:
 * @tick: a valid tick (see ts_tick_is_valid()); an invalid one is ignored
 *
 * Runs the exits, then the entry rules, the risk checks and the paper
 * broker on @tick, and marks the ledger.
 *
 * Returns: what changed
 */
TsEngineEvents     ts_engine_push_tick    (TsEngine               *self,
                                           const TsTick           *tick);

/**
 * ts_engine_get_fills:
 * @n_fills: (out): the number of fills
 *
 * Returns: (transfer none): every fill so far, oldest first; valid until the
 *   next ts_engine_push_tick()
 */
const TsFill      *ts_engine_get_fills    (const TsEngine         *self,
                                           guint                  *n_fills);
/**
 * ts_engine_get_trades:
 * @n_trades: (out): the number of closed trades
 *
 * Returns: (transfer none): every closed trade so far, oldest first; valid
 *   until the next ts_engine_push_tick()
 */
const TsTrade     *ts_engine_get_trades   (const TsEngine         *self,
                                           guint                  *n_trades);
/**
 * ts_engine_get_decisions:
 * @n_decisions: (out): the number of decisions
 *
 * Returns: (transfer none): every risk decision so far, oldest first
 */
const TsDecision  *ts_engine_get_decisions(const TsEngine         *self,
                                           guint                  *n_decisions);

/**
 * ts_engine_get_stats:
 * @stats: (out): the ledger's metrics now
 */
void               ts_engine_get_stats    (const TsEngine         *self,
                                           TsLedgerStats          *stats);

/**
 * ts_engine_get_ignored_count:
 *
 * Returns: the ticks ignored so far: invalid, of another symbol, or stale
 *   (see ts_engine_get_stale_count())
 */
guint64            ts_engine_get_ignored_count (const TsEngine   *self);

/**
 * TS_ENGINE_MAX_SKEW_US:
 *
 * How far back in exchange time a tick may be and still be taken (at the
 * newest time seen): 1 s, in µs. Older ticks are dropped as stale, so that
 * a restarted source never makes the engine's time go backwards.
 */
#define TS_ENGINE_MAX_SKEW_US G_GINT64_CONSTANT (1000000)

/**
 * ts_engine_get_stale_count:
 *
 * Returns: the ticks dropped because they were more than
 *   %TS_ENGINE_MAX_SKEW_US older than the newest tick seen
 */
guint64            ts_engine_get_stale_count   (const TsEngine   *self);

/**
 * ts_engine_new_multi:
 * @risk: (nullable): the limits (%NULL: the defaults), for the portfolio
 *   and for each strategy
 * @broker: (nullable): costs and the initial capital (%NULL: the defaults)
 *
 * Returns: (transfer full): an engine without strategies; add them with
 *   ts_engine_add_strategy() before the first tick
 */
TsEngine          *ts_engine_new_multi    (const TsRiskParams     *risk,
                                           const TsBrokerParams   *broker);

/**
 * TS_ENGINE_MAX_STRATEGIES:
 *
 * Strategies one engine runs at most.
 */
#define TS_ENGINE_MAX_STRATEGIES 32

/**
 * TS_ENGINE_MAX_SYMBOLS:
 *
 * Distinct symbols one engine trades at most.
 */
#define TS_ENGINE_MAX_SYMBOLS 32

/**
 * ts_engine_add_strategy:
 * @strategy: (transfer full): the strategy
 * @symbols: (nullable) (array zero-terminated=1): its symbols, as many as
 *   ts_strategy_get_n_symbols() (the pair's A then B); %NULL to use the
 *   strategy's own (ts_strategy_get_symbol())
 *
 * Only on an engine of ts_engine_new_multi().
 *
 * Returns: the strategy's id (1, 2, ...), or 0 when refused (an engine of
 *   ts_engine_new(), too many strategies or symbols, a symbol missing);
 *   the strategy is then freed
 */
guint              ts_engine_add_strategy (TsEngine               *self,
                                           TsStrategy             *strategy,
                                           const char * const     *symbols);

/**
 * ts_engine_get_n_strategies:
 *
 * Returns: strategies added (0 for an engine of ts_engine_new())
 */
guint              ts_engine_get_n_strategies (const TsEngine     *self);

/**
 * ts_engine_get_strategy:
 * @id: an id from ts_engine_add_strategy()
 *
 * Returns: (transfer none) (nullable): the strategy, e.g. for
 *   ts_strategy_set_params() or ts_strategy_get_overlay()
 */
TsStrategy        *ts_engine_get_strategy (TsEngine               *self,
                                           guint                   id);

/**
 * ts_engine_get_strategy_stats:
 * @id: an id from ts_engine_add_strategy(), or 0 for the momentum strategy
 *   of ts_engine_new()
 * @stats: (out): that strategy's ledger metrics; @halted is its daily halt
 *
 * Returns: %FALSE for an unknown id
 */
gboolean           ts_engine_get_strategy_stats (const TsEngine   *self,
                                                 guint             id,
                                                 TsLedgerStats    *stats);

/**
 * ts_engine_get_portfolio_stats:
 * @stats: (out): the portfolio: equity = initial capital + the sum of the
 *   strategies' equity changes, its own peak, drawdowns, daily P&L, exposure
 *   (any position open), Sharpe and Sortino; trade counts, averages,
 *   expectancy, profit factor and fees over every strategy's trades;
 *   consecutive losses as the worst strategy's; no position fields; @halted
 *   when entries are halted for all (emergency stop, drawdown halt)
 *
 * For an engine of ts_engine_new() the same as ts_engine_get_stats().
 * ts_engine_get_stats() of a multi engine returns this too.
 */
void               ts_engine_get_portfolio_stats (const TsEngine  *self,
                                                  TsLedgerStats   *stats);

/**
 * ts_engine_emergency_stop:
 *
 * Closes every open position at once at the paper broker's current prices
 * (reason "EMERGENCY", at the last tick's time), logs "EMERGENCY_STOP" and
 * refuses every entry until ts_engine_resume().
 *
 * Returns: what changed
 */
TsEngineEvents     ts_engine_emergency_stop (TsEngine             *self);

/**
 * ts_engine_resume:
 *
 * Lifts the emergency stop, the drawdown halt (its peak restarts) and the
 * circuit breaker; logs "RESUMED_ALL". A daily halt stays to the next UTC day.
 */
void               ts_engine_resume       (TsEngine               *self);

/**
 * ts_engine_pause_entries:
 * @seconds: seconds of tick time from the last tick, >= 0; 0 lifts a pause
 *
 * The circuit breaker by hand: entries are refused ("CIRCUIT_BREAKER")
 * while the ticks' time is before the last tick's + @seconds; exits go on.
 * The automatic breaker: TsRiskParams circuit_breaker_losses losing trades
 * in a row (all strategies) pause entries for circuit_breaker_seconds.
 */
void               ts_engine_pause_entries (TsEngine              *self,
                                            double                 seconds);

/**
 * TS_ENGINE_ERROR:
 *
 * Error domain of ts_engine_restore_position() and
 * ts_engine_restore_history(). Codes: #TsEngineError.
 */
#define TS_ENGINE_ERROR (ts_engine_error_quark ())

/**
 * TsEngineError:
 * @TS_ENGINE_ERROR_NO_STRATEGY: no strategy has this id (or, for the
 *   single engine, the id is not 0 / its momentum strategy)
 * @TS_ENGINE_ERROR_BAD_SYMBOL: the symbol is not one the strategy trades
 * @TS_ENGINE_ERROR_BAD_FILL: size <= 0, a price that is not finite and
 *   > 0, a fee < 0, a fill that does not open, or a side that does not
 *   match the leg
 * @TS_ENGINE_ERROR_NOT_FLAT: the strategy already has a position on that
 *   symbol
 * @TS_ENGINE_ERROR_BAD_STATE: the state text is not one this strategy
 *   wrote
 * @TS_ENGINE_ERROR_TOO_LATE: the engine has already taken a tick
 */
typedef enum
{
  TS_ENGINE_ERROR_NO_STRATEGY,
  TS_ENGINE_ERROR_BAD_SYMBOL,
  TS_ENGINE_ERROR_BAD_FILL,
  TS_ENGINE_ERROR_NOT_FLAT,
  TS_ENGINE_ERROR_BAD_STATE,
  TS_ENGINE_ERROR_TOO_LATE,
} TsEngineError;

GQuark             ts_engine_error_quark  (void);

/**
 * ts_engine_dup_position_state:
 * @strategy_id: a strategy's id (ts_engine_add_strategy(); the single
 *   engine's momentum strategy is id 0)
 *
 * What the strategy needs, besides its entry fills, to manage an open
 * position after a restart: a short text of key=value pairs the strategy
 * writes and reads itself (the pairs strategy's entry hedge ratio, the
 * calculus stop and take-profit, …). The session stores it in the journal
 * (ts_journal_set_position_state()) after each entry.
 *
 * Returns: (transfer full) (nullable): the state, %NULL when the strategy
 *   is flat or needs none
 */
char              *ts_engine_dup_position_state (const TsEngine *self,
                                                 guint           strategy_id);

/**
 * ts_engine_restore_position:
 * @entry: an opening fill from the journal (strategy_id, symbol, side,
 *   size in base units, price and fee in quote currency, time_us in µs
 *   since the epoch UTC, opens = %TRUE)
 * @state: (nullable): what ts_engine_dup_position_state() gave for it,
 *   passed with the last leg of the position
 * @error: %TS_ENGINE_ERROR
 *
 * Puts back an open position after a restart, before the first tick:
 * the strategy's ledger gets the position (the fee in its realized P&L),
 * the strategy sees the fill as its own entry (entry price and time for
 * its TIME, FLAT and stop rules) and the risk manager counts the open
 * position. For a pair, call it once per leg, in the order of the legs.
 * The broker is not involved: nothing is bought, no fill is added to
 * ts_engine_get_fills().
 *
 * Returns: %TRUE when restored
 */
gboolean           ts_engine_restore_position (TsEngine          *self,
                                               const TsFill      *entry,
                                               const char        *state,
                                               GError           **error);

/**
 * ts_engine_restore_history:
 * @trades: (array length=n_trades): closed trades of the session, in exit
 *   order
 * @n_trades: their number
 * @error: %TS_ENGINE_ERROR (%TS_ENGINE_ERROR_NO_STRATEGY,
 *   %TS_ENGINE_ERROR_TOO_LATE)
 *
 * Puts back the session's closed trades after a restart, before
 * ts_engine_restore_position() and the first tick: each strategy's ledger
 * (trade count, wins, realized P&L, equity, peak and drawdown), its
 * cooldown after losses, the day's loss baseline (trades of the last
 * exit's UTC day) and ts_engine_get_trades() (so the trade list shows
 * them).
 *
 * Returns: %TRUE when restored
 */
gboolean           ts_engine_restore_history  (TsEngine          *self,
                                               const TsTrade     *trades,
                                               guint              n_trades,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsEngine, ts_engine_free)

G_END_DECLS
