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
 * @TS_ENGINE_ERROR_BAD_FILL: an entry fill with size, price not finite
 *   and > 0, a fee not finite and >= 0, that does not open, a pair's leg B
 *   before its leg A or on the same side; a trade with a side neither long
 *   nor short, size not finite and > 0, prices or P&L not finite, fees not
 *   finite and >= 0, an exit before its entry or before the trade before
 *   it
 * @TS_ENGINE_ERROR_NOT_FLAT: the strategy already has a position on that
 *   symbol
 * @TS_ENGINE_ERROR_BAD_STATE: the state text is not one this strategy
 *   wrote
 * @TS_ENGINE_ERROR_TOO_LATE: the engine has already taken a tick (any
 *   ts_engine_push_tick()); or, for the history, a position was restored
 *   already
 *
 * After any of them the engine is as it was before the call.
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
 * position after a restart: a short text "key=value;key=value" the
 * strategy writes and reads itself, doubles by g_ascii_dtostr() (exact
 * round trip): the pairs strategy's entry hedge ratio and intercept
 * ("beta=...;alpha=..."), the calculus and confluence stop and
 * take-profit prices ("stop=...;tp=..."). Momentum (the single engine's,
 * id 0, and #TsMomentumStrategy) and Maxwell need none: their stops and
 * TIME rule are measured from the entry fill. The session stores it in the
 * journal (ts_journal_set_position_state()) after each entry.
 *
 * Returns: (transfer full) (nullable): the state, %NULL when the strategy
 *   is flat, needs none, or @strategy_id is unknown
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
 * Puts back an open position after a restart, after
 * ts_engine_restore_history() and before the first tick: the strategy's
 * ledger gets the position (the fee in its realized P&L; marked at the
 * entry price until the symbol's first trade), the strategy sees the fill
 * as its own entry through the same on_fill as a real fill (entry price
 * and time for its TIME and stop rules; @state restores what it fixed at
 * the entry) and the risk manager counts the open position (per symbol
 * and in total); the strategy's cooldown is taken as spent (the entry came
 * after it). For a pair, call it once per leg, in the order of the legs
 * (A, then B on the other side), with @state on leg B; leg A alone is
 * held as a one-leg position until leg B comes. The broker is not
 * involved: nothing is bought, no fill is added to ts_engine_get_fills();
 * the exit is priced by the broker from the ticks after the restart.
 * Ticks more than %TS_ENGINE_MAX_SKEW_US older than the entry's time are
 * then dropped as stale (ts_engine_get_stale_count()): an exit is never
 * stamped before its entry, even when the source's clock restarted behind
 * the last run's (an accelerated mock server).
 *
 * The single engine (ts_engine_new()) takes @entry with strategy id 0 (its
 * fills and trades carry 0) and adopts @entry's symbol when none was set
 * (ts_engine_set_symbol()); a different one is %TS_ENGINE_ERROR_BAD_SYMBOL.
 *
 * What a restart cannot restore: indicator state built from ticks (SMA,
 * EMA, Kalman filter, bars, RSI, MACD, swings, the pairs' z window) starts
 * again from the first tick after the restart, so rules that use it wait
 * for its warm-up: Maxwell's EXIT (ma_period prices), the calculus SIGNAL
 * and EXIT and the confluence SIGNAL exits (their bar indicators), the
 * pairs' EXIT and STOP (the lookback bars of the z-score, computed with
 * the restored entry beta before the first refit). Momentum's FLAT rule
 * counts its one-second candles from the first tick after the restart
 * (ts_momentum_resume_candles()). The price and time rules (SL, TP, TIME;
 * the stored levels) act from the first tick on.
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
 * @error: %TS_ENGINE_ERROR (%TS_ENGINE_ERROR_NO_STRATEGY: a trade of a
 *   strategy id the engine does not have, 0 being the single engine's;
 *   %TS_ENGINE_ERROR_BAD_FILL; %TS_ENGINE_ERROR_TOO_LATE); every trade is
 *   checked first, so on an error none is taken
 *
 * Puts back the session's closed trades after a restart, before
 * ts_engine_restore_position() and the first tick (it may be called more
 * than once, in exit order): each strategy's ledger (trade count, wins,
 * consecutive losses, realized P&L net of fees, fees, equity, peak and
 * drawdown over the closed trades' equity steps), the portfolio's, the
 * cooldown after a loss (in full: the signals it skipped before the
 * restart are not known), the circuit breaker (losses in a row, its pause
 * from the tripping trade's exit), the drawdown halt's peak, the daily
 * loss baseline (the equity at the start of the last exit's UTC day:
 * initial capital + the P&L of the trades that closed before that day;
 * the first tick's daily check halts again if the day's loss is over the
 * limit, and a first tick on a later day starts that day as usual) and
 * ts_engine_get_trades() (so the trade list shows them; their reasons are
 * interned with g_intern_string()).
 *
 * Not restored: the peaks and drawdowns reached by unrealized P&L while
 * positions were open, Sharpe, Sortino and exposure (they start again
 * from the first tick), the risk decision log (except the circuit
 * breaker's trips).
 *
 * Returns: %TRUE when restored
 */
gboolean           ts_engine_restore_history  (TsEngine          *self,
                                               const TsTrade     *trades,
                                               guint              n_trades,
                                               GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsEngine, ts_engine_free)

G_END_DECLS
