/* ts-backtest.h: run the engine over historical ticks and report on it
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-engine.h"
#include "ts-strategy-info.h"
#include "strategies/ts-calculus-strategy.h"
#include "strategies/ts-confluence-strategy.h"
#include "strategies/ts-maxwell-strategy.h"
#include "strategies/ts-pairs-strategy.h"

G_BEGIN_DECLS

/**
 * TS_BACKTEST_ERROR:
 *
 * The error domain of backtest configuration.
 */
#define TS_BACKTEST_ERROR (ts_backtest_error_quark ())

/**
 * TsBacktestError:
 * @TS_BACKTEST_ERROR_UNKNOWN_STRATEGY: no strategy of that name
 * @TS_BACKTEST_ERROR_UNKNOWN_KEY: no parameter of that name
 * @TS_BACKTEST_ERROR_BAD_VALUE: the value does not parse or is out of range
 */
typedef enum
{
  TS_BACKTEST_ERROR_UNKNOWN_STRATEGY,
  TS_BACKTEST_ERROR_UNKNOWN_KEY,
  TS_BACKTEST_ERROR_BAD_VALUE,
} TsBacktestError;

GQuark ts_backtest_error_quark (void);

/**
 * TsBacktestConfig:
 * @strategy: the strategy's short name, a static string ("momentum" by
 *   default; ts_backtest_config_set_strategy())
 * @momentum: the momentum strategy's parameters
 * @maxwell: the Maxwell dip buyer's
 * @calculus: the calculus trend's
 * @pairs: the pairs strategy's (its symbol_a and symbol_b are its symbols)
 * @confluence: the technical confluence's
 * @risk: the risk limits
 * @broker: fees, slippage and the initial capital
 * @symbols: the symbols the strategy trades ("" = the first symbol with a
 *   trade for a one-symbol strategy; the pairs strategy uses @pairs'
 *   symbol_a and symbol_b when both are "")
 *
 * Everything a backtest run depends on besides the ticks. A plain value:
 * copy it freely (the sweep does). Only the chosen strategy's parameters
 * are used. The momentum strategy runs on the single engine
 * (ts_engine_new(), the live session's path when it trades alone), the
 * others on a multi engine with that one strategy.
 */
typedef struct
{
  const char        *strategy;
  TsMomentumParams   momentum;
  TsMaxwellParams    maxwell;
  TsCalculusParams   calculus;
  TsPairsParams      pairs;
  TsConfluenceParams confluence;
  TsRiskParams       risk;
  TsBrokerParams     broker;
  char               symbols[TS_STRATEGY_MAX_SYMBOLS][TS_SYMBOL_MAX];
} TsBacktestConfig;

/**
 * ts_backtest_config_set_strategy:
 * @config: the configuration
 * @name: a strategy's short name (ts_strategy_info_list())
 * @error: %TS_BACKTEST_ERROR_UNKNOWN_STRATEGY (the message lists them)
 *
 * Chooses the strategy; its parameters keep their values.
 *
 * Returns: %TRUE when @name is a strategy
 */
gboolean            ts_backtest_config_set_strategy (TsBacktestConfig *config,
                                                     const char       *name,
                                                     GError          **error);

/**
 * ts_backtest_config_get_params:
 * @config: the configuration
 *
 * Returns: (transfer none): the chosen strategy's parameter struct inside
 *   @config (for ts_param_spec_get_value() with its #TsStrategyInfo specs)
 */
gpointer            ts_backtest_config_get_params   (TsBacktestConfig *config);

/**
 * ts_backtest_config_init_default:
 * @config: (out): the configuration to fill
 *
 * Strategy "momentum"; every strategy's defaults (STRATEGIES.md, each
 * *_params_init_default(): the pairs strategy's symbol_a and symbol_b are
 * the mock server's MOCK-BTC and MOCK-ETH), the risk and broker defaults
 * (DESIGN.md "Paper fills"), all the same as the GSettings schema's; no
 * symbols.
 */
void                ts_backtest_config_init_default (TsBacktestConfig *config);

/**
 * ts_backtest_config_set:
 * @config: the configuration to change
 * @key: a parameter's name, looked up in this order: a risk or broker key
 *   (ts_risk_params_get_specs(), ts_broker_params_get_specs(): so
 *   "max-leverage" is the risk manager's); a key of the chosen strategy's
 *   #TsStrategyInfo specs, unprefixed ("ma-period" for maxwell,
 *   "allow-short" for calculus); the GSettings name of any strategy's
 *   parameter, "<settings_prefix><key>" ("maxwell-ma-period",
 *   "calculus-max-leverage", "window-seconds" for momentum). All of
 *   ts_backtest_config_list_keys() are accepted.
 * @value: the value as text (ts_param_spec_parse()): a number in the C
 *   locale for "d" and "u" keys, true/false (also yes/no, on/off, 1/0) for
 *   "b" keys, a choice nick ("kalman") for choices
 * @error: return location for a #GError
 *
 * Sets one parameter, checked against its spec's range (the same as the
 * schema's).
 *
 * Errors: %TS_BACKTEST_ERROR_UNKNOWN_KEY (the message lists the valid keys),
 * %TS_BACKTEST_ERROR_BAD_VALUE (the message gives the range).
 *
 * Returns: %TRUE when set; %FALSE with @error set, @config unchanged
 */
gboolean            ts_backtest_config_set          (TsBacktestConfig *config,
                                                     const char       *key,
                                                     const char       *value,
                                                     GError          **error);

/**
 * ts_backtest_config_get_value:
 * @config: a configuration
 * @key: one of ts_backtest_config_list_keys()
 *
 * Returns: (transfer full) (nullable): the value as a non-floating
 *   #GVariant of the schema's type ("d", "u", "b", or "s" holding the nick
 *   of a choice), or %NULL for an unknown key (@key as in
 *   ts_backtest_config_set())
 */
GVariant           *ts_backtest_config_get_value    (const TsBacktestConfig *config,
                                                     const char       *key);

/**
 * ts_backtest_config_list_keys:
 *
 * Returns: (transfer none) (array zero-terminated=1): the GSettings names
 *   of every strategy, risk and broker parameter, in schema order:
 *   momentum's, the risk manager's, the broker's, then
 *   "maxwell-…", "calculus-…", "pairs-…", "confluence-…"; all accepted
 *   by ts_backtest_config_set()
 */
const char *const  *ts_backtest_config_list_keys    (void);

/**
 * ts_backtest_list_strategies:
 *
 * Returns: (transfer none) (array zero-terminated=1): the strategies a
 *   backtest runs, in STRATEGIES.md's order (ts_strategy_info_list()):
 *   maxwell, momentum, calculus, pairs, confluence
 */
const char *const  *ts_backtest_list_strategies     (void);

/**
 * ts_backtest_check_strategy:
 * @name: a strategy name
 * @error: return location for a #GError
 *
 * Returns: %TRUE when @name is one of ts_backtest_list_strategies(); else
 *   %FALSE with %TS_BACKTEST_ERROR_UNKNOWN_STRATEGY whose message lists them
 */
gboolean            ts_backtest_check_strategy      (const char       *name,
                                                     GError          **error);

/**
 * ts_backtest_config_check:
 * @config: a configuration
 * @error: %TS_BACKTEST_ERROR_UNKNOWN_STRATEGY, or
 *   %TS_BACKTEST_ERROR_BAD_VALUE when the strategy refuses its parameters
 *   together (pairs: lookback <= formation-bars, stop-z > entry-z;
 *   confluence: macd-slow > macd-fast, …) or a two-symbol strategy lacks
 *   a symbol
 *
 * Whether ts_backtest_new() can make the strategy of @config. Each value
 * is already in range (ts_backtest_config_set()); this checks how they
 * fit together.
 *
 * Returns: %TRUE when it can
 */
gboolean            ts_backtest_config_check        (const TsBacktestConfig *config,
                                                     GError          **error);

/**
 * ts_backtest_cagr:
 * @equity_start: equity at the first tick, quote currency (> 0)
 * @equity_end: equity at the last tick
 * @span_us: last tick time - first tick time, µs
 *
 * Compound annual growth rate, years of 365.25 days:
 * (@equity_end / @equity_start) ^ (365.25 d / span) - 1. Meaningless for
 * spans much under a day (the exponent magnifies any change), but defined.
 *
 * Returns: the rate as a fraction (1.0 = 100 %); -1 when @equity_end <= 0;
 *   NaN when @span_us <= 0 or @equity_start <= 0; +inf when it overflows
 */
double              ts_backtest_cagr                (double            equity_start,
                                                     double            equity_end,
                                                     gint64            span_us);

/**
 * TsEquityPoint:
 * @time_us: the time of the tick marked, µs since epoch UTC
 * @equity: equity then, quote currency
 * @drawdown: (peak - equity) / peak then, a fraction
 *
 * One sample of the equity curve.
 */
typedef struct
{
  gint64 time_us;
  double equity;
  double drawdown;
} TsEquityPoint;

/**
 * TsBacktestDay:
 * @day_start_us: 00:00 UTC of the day, µs since epoch
 * @start_equity: equity at 00:00 (the last mark before the day's first tick,
 *   or the initial capital)
 * @end_equity: equity at the day's last tick
 * @pnl: @end_equity - @start_equity (STRATEGIES.md "Metrics": daily P&L)
 *
 * The P&L of one UTC day (in tick time) that had ticks.
 */
typedef struct
{
  gint64 day_start_us;
  double start_equity;
  double end_equity;
  double pnl;
} TsBacktestDay;

/**
 * TsBacktestReport:
 * @stats: the ledger's metrics at the end (STRATEGIES.md "Metrics": trades,
 *   win rate, average win and loss, expectancy, profit factor, consecutive
 *   losses, max drawdown as a fraction and in currency, Sharpe, Sortino,
 *   exposure, fees, total P&L, the open position)
 * @ticks_pushed: ticks given to the engine
 * @ticks_ignored: of which the engine ignored (invalid, another symbol)
 * @first_time_us: time of the first tick the engine took, µs since epoch
 *   (0 when none)
 * @last_time_us: time of the last tick the engine took
 * @span_us: @last_time_us - @first_time_us
 * @cagr: ts_backtest_cagr() of the initial capital and the final equity
 *   over @span_us (NaN when the span is 0)
 * @n_days: UTC days with ticks (see ts_backtest_get_days())
 * @n_decisions: risk decisions logged (cooldown skips, halts)
 *
 * The report of a backtest; no wall-clock figure (throughput is the
 * caller's to measure).
 */
typedef struct
{
  TsLedgerStats stats;
  guint64       ticks_pushed;
  guint64       ticks_ignored;
  gint64        first_time_us;
  gint64        last_time_us;
  gint64        span_us;
  double        cagr;
  guint         n_days;
  guint         n_decisions;
} TsBacktestReport;

/**
 * TsBacktest:
 *
 * A backtest runner: one #TsEngine fed through ts_engine_push_tick(), the
 * very path of a live session, plus the equity curve sampled once per
 * minute of tick time (the equity at the last tick of each minute, stamped
 * with that tick's time) with the last tick's equity as a final point, and
 * the per-day P&L. Pure computation: no I/O, no wall clock. Memory grows
 * with the number of minutes, days and trades, not ticks.
 */
typedef struct _TsBacktest TsBacktest;

/**
 * TsBacktestProgressFunc:
 * @done: ticks pushed so far in this ts_backtest_run() call
 * @total: ticks in this call
 * @user_data: the data given to ts_backtest_run()
 *
 * Called between chunks of ticks, never per tick.
 */
typedef void (*TsBacktestProgressFunc) (guint64  done,
                                        guint64  total,
                                        gpointer user_data);

/**
 * ts_backtest_new:
 * @config: (nullable): the configuration (copied), %NULL for the defaults
 *
 * Momentum runs on ts_engine_new() (trading @config's symbols[0], or the
 * first symbol with a trade); any other strategy on ts_engine_new_multi()
 * with that one strategy (id 1) on @config's symbols. A one-symbol
 * strategy whose symbols[0] is "" trades the symbol of the first trade
 * tick: until then the engine is an empty placeholder (all ticks ignored)
 * that ts_backtest_run() replaces at that tick. A strategy that refuses
 * its parameters (see ts_backtest_config_check()) does not trade, with a
 * g_warning().
 *
 * Returns: (transfer full): a runner that has seen no tick
 */
TsBacktest         *ts_backtest_new                 (const TsBacktestConfig *config);
void                ts_backtest_free                (TsBacktest       *self);

/**
 * ts_backtest_get_engine:
 *
 * Returns: (transfer none): the engine, e.g. for ts_engine_set_symbol()
 *   before the first run (momentum only); for a one-symbol strategy with
 *   no symbol, a placeholder until the first trade (then a new engine)
 */
TsEngine           *ts_backtest_get_engine          (TsBacktest       *self);

/**
 * ts_backtest_get_strategy:
 *
 * Returns: the strategy's short name ("momentum", "maxwell", …)
 */
const char         *ts_backtest_get_strategy        (const TsBacktest *self);

/**
 * ts_backtest_get_symbol:
 * @index: 0, or 1 for the pairs strategy's B
 *
 * Returns: (transfer none): the symbol the strategy trades, "" when none
 *   yet (before the first trade, or @index out of range)
 */
const char         *ts_backtest_get_symbol          (TsBacktest       *self,
                                                     guint             index);

/**
 * ts_backtest_run:
 * @ticks: (array length=n_ticks): ticks in ascending time
 * @n_ticks: how many
 * @progress_steps: how many times at most to call @progress (0 = never)
 * @progress: (nullable) (scope call): called after each of
 *   @progress_steps equal chunks of @ticks
 * @user_data: for @progress
 *
 * Pushes @ticks through the engine in order. May be called again with the
 * ticks that follow.
 */
void                ts_backtest_run                 (TsBacktest       *self,
                                                     const TsTick     *ticks,
                                                     gsize             n_ticks,
                                                     guint             progress_steps,
                                                     TsBacktestProgressFunc progress,
                                                     gpointer          user_data);

/**
 * ts_backtest_get_report:
 * @report: (out): the report as of the last tick
 */
void                ts_backtest_get_report          (const TsBacktest *self,
                                                     TsBacktestReport *report);

/**
 * ts_backtest_get_equity_curve:
 * @n_points: (out): how many
 *
 * Returns: (transfer none) (array length=n_points): one point per minute of
 *   tick time that had ticks (its last tick), then the last tick's point if
 *   its minute is not closed yet; valid until the next run
 */
const TsEquityPoint *ts_backtest_get_equity_curve   (const TsBacktest *self,
                                                     guint            *n_points);

/**
 * ts_backtest_get_days:
 * @n_days: (out): how many
 *
 * Returns: (transfer none) (array length=n_days): the P&L of each UTC day
 *   that had ticks, oldest first (the last one up to the last tick)
 */
const TsBacktestDay *ts_backtest_get_days           (const TsBacktest *self,
                                                     guint            *n_days);

/**
 * ts_backtest_get_trades:
 * @n_trades: (out): how many
 *
 * Returns: (transfer none) (array length=n_trades): the engine's closed
 *   trades (ts_engine_get_trades())
 */
const TsTrade      *ts_backtest_get_trades          (const TsBacktest *self,
                                                     guint            *n_trades);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsBacktest, ts_backtest_free)

G_END_DECLS
