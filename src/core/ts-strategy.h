/* ts-strategy.h: the interface every strategy implements
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tick.h"
#include "ts-fill.h"

G_BEGIN_DECLS

/**
 * TS_STRATEGY_MAX_SYMBOLS:
 *
 * Symbols one strategy may subscribe to (2: the pairs strategy).
 */
#define TS_STRATEGY_MAX_SYMBOLS 2

/**
 * TS_STRATEGY_MAX_INTENTS:
 *
 * Order intents one strategy may return for one tick.
 */
#define TS_STRATEGY_MAX_INTENTS 2

/**
 * TsIntentAction:
 * @TS_INTENT_OPEN_LONG: open a long position (for a pair: long the spread,
 *   buy A and sell B)
 * @TS_INTENT_OPEN_SHORT: open a short position (pair: sell A, buy B)
 * @TS_INTENT_CLOSE: close the strategy's whole position (every leg)
 *
 * What a strategy asks the engine to do (STRATEGIES.md, "Common to all").
 */
typedef enum
{
  TS_INTENT_OPEN_LONG = 1,
  TS_INTENT_OPEN_SHORT,
  TS_INTENT_CLOSE,
} TsIntentAction;

/**
 * TsIntentLeg:
 * @symbol: index into the strategy's symbols (0, or 1 for the second leg)
 * @side: %TS_SIDE_BUY or %TS_SIDE_SELL
 * @size: base units, > 0
 *
 * One leg of an opening intent.
 */
typedef struct
{
  guint  symbol;
  TsSide side;
  double size;
} TsIntentLeg;

/**
 * TsOrderIntent:
 * @action: open long, open short or close
 * @reason: a static code: "LONG" / "SHORT" for opens, the exit code for a
 *   close (it becomes the fills' and the trade's reason)
 * @n_legs: legs of an open, 1 or 2 (0 for a close: every leg is closed)
 * @legs: the legs; the risk manager may scale every leg by the same factor
 *   (leverage cap)
 *
 * An order intent. The risk manager approves, resizes or refuses an open;
 * a close is never refused.
 */
typedef struct
{
  TsIntentAction action;
  const char    *reason;
  guint          n_legs;
  TsIntentLeg    legs[TS_STRATEGY_MAX_SYMBOLS];
} TsOrderIntent;

/**
 * TsStrategyContext:
 * @equity: the strategy's own equity at the last mark, quote currency
 *   (its ledger starts at the initial capital)
 * @trades: its closed trades (for the Kelly sizing)
 * @wins: its wins (net P&L > 0)
 * @gross_profit: sum of its wins' P&L, quote currency
 * @gross_loss: sum of its losses' |P&L|, quote currency
 * @open_same_kind: open positions of the engine's strategies of the same
 *   class as this one, this one included (the pairs strategy's
 *   `max_positions` across pairs)
 *
 * What the engine tells a strategy with each tick.
 */
typedef struct
{
  double equity;
  guint  trades;
  guint  wins;
  double gross_profit;
  double gross_loss;
  guint  open_same_kind;
} TsStrategyContext;

/**
 * TsOverlayValue:
 * @name: a static series name, e.g. "sma", "forecast", "fib_61.8"
 * @value: the value at the last bar (or tick); price series in quote
 *   currency; NaN when not defined yet
 *
 * One named value for the chart.
 */
typedef struct
{
  const char *name;
  double      value;
} TsOverlayValue;

/**
 * TS_STRATEGY_ERROR:
 *
 * Error domain of the strategies' state text (ts_strategy_restore_state(),
 * ts_strategy_parse_state()). Codes: #TsStrategyError.
 */
#define TS_STRATEGY_ERROR (ts_strategy_error_quark ())

/**
 * TsStrategyError:
 * @TS_STRATEGY_ERROR_BAD_STATE: the state text is missing, malformed, or
 *   not one this strategy wrote
 */
typedef enum
{
  TS_STRATEGY_ERROR_BAD_STATE,
} TsStrategyError;

GQuark      ts_strategy_error_quark   (void);

typedef struct _TsStrategy      TsStrategy;
typedef struct _TsStrategyClass TsStrategyClass;

/**
 * TsStrategyClass:
 * @name: the strategy's short name ("momentum", "maxwell", "calculus",
 *   "pairs", "confluence")
 * @on_tick: called for every valid tick of a subscribed symbol, in time
 *   order; @symbol is the tick's index in the strategy's symbols; writes
 *   at most %TS_STRATEGY_MAX_INTENTS intents (closes first) and returns
 *   their number. Must not allocate.
 * @on_fill: an intent of this strategy was filled (each leg's fill in
 *   order; @symbol is the leg's index); not called when an intent is
 *   refused
 * @reset: back to the state after construction, parameters kept
 * @set_params: @params points to the strategy's own parameter struct,
 *   checked by @size; applies from the next tick, keeping the state where
 *   it can; returns %FALSE when refused
 * @get_overlay: writes at most @max values and returns how many
 * @finalize: frees the instance's resources and the instance
 * @dup_state: (nullable): what the strategy needs, besides its entry
 *   fills, to manage its open position after a restart (the levels or
 *   ratios it fixed at the entry), as a short "key=value;key=value" text
 *   with doubles written by g_ascii_dtostr() (exact round trip); called
 *   only while a position is open. %NULL: the strategy needs none.
 * @restore_state: (nullable): reads what @dup_state wrote (@state may be
 *   %NULL: none was kept) for a restored entry: called by
 *   ts_engine_restore_position() just before @on_fill of the position's
 *   last leg (after @on_fill of the others), so that the strategy manages
 *   the position as it did before; changes nothing and sets @error
 *   (%TS_STRATEGY_ERROR) when @state is not one it wrote or it needs one.
 *   %NULL: the strategy keeps no state (a state given to it is refused).
 *
 * The vtable. Members may be added at the end; a %NULL optional member
 * means "not needed". Each strategy is a struct whose first member is a
 * #TsStrategy, made by its own `ts_xxx_strategy_new()`.
 */
struct _TsStrategyClass
{
  const char *name;
  guint     (*on_tick)     (TsStrategy              *self,
                            const TsStrategyContext *ctx,
                            const TsTick            *tick,
                            guint                    symbol,
                            TsOrderIntent           *intents);
  void      (*on_fill)     (TsStrategy              *self,
                            const TsFill            *fill,
                            guint                    symbol);
  void      (*reset)       (TsStrategy              *self);
  gboolean  (*set_params)  (TsStrategy              *self,
                            gconstpointer            params,
                            gsize                    size);
  guint     (*get_overlay) (const TsStrategy        *self,
                            TsOverlayValue          *values,
                            guint                    max);
  void      (*finalize)    (TsStrategy              *self);
  char     *(*dup_state)   (const TsStrategy        *self);
  gboolean  (*restore_state) (TsStrategy            *self,
                              const char            *state,
                              GError               **error);
};

/**
 * TsStrategy:
 * @klass: the vtable
 * @n_symbols: how many symbols it subscribes to (1 or 2)
 * @symbols: their default names ("" = to be given to
 *   ts_engine_add_strategy())
 *
 * The base of every strategy. Not thread-safe.
 */
struct _TsStrategy
{
  const TsStrategyClass *klass;
  guint                  n_symbols;
  char                   symbols[TS_STRATEGY_MAX_SYMBOLS][TS_SYMBOL_MAX];
};

/**
 * ts_strategy_init:
 * @self: the base inside a new strategy
 * @klass: its vtable (static)
 * @n_symbols: 1 or 2
 *
 * For strategy constructors: sets the vtable and clears the symbols.
 */
void        ts_strategy_init          (TsStrategy            *self,
                                       const TsStrategyClass *klass,
                                       guint                  n_symbols);

/**
 * ts_strategy_free:
 * @self: (nullable): a strategy
 */
void        ts_strategy_free          (TsStrategy            *self);

const char *ts_strategy_get_name      (const TsStrategy      *self);

/**
 * ts_strategy_get_n_symbols:
 *
 * Returns: the number of symbols it trades (1, or 2 for pairs)
 */
guint       ts_strategy_get_n_symbols (const TsStrategy      *self);

/**
 * ts_strategy_get_symbol:
 * @i: 0 or 1
 *
 * Returns: the i-th symbol it subscribes to ("" when not set)
 */
const char *ts_strategy_get_symbol    (const TsStrategy      *self,
                                       guint                  i);

/**
 * ts_strategy_set_symbol:
 * @i: 0 or 1
 * @symbol: the symbol (truncated to %TS_SYMBOL_MAX - 1 bytes)
 */
void        ts_strategy_set_symbol    (TsStrategy            *self,
                                       guint                  i,
                                       const char            *symbol);

guint       ts_strategy_on_tick       (TsStrategy              *self,
                                       const TsStrategyContext *ctx,
                                       const TsTick            *tick,
                                       guint                    symbol,
                                       TsOrderIntent           *intents);
void        ts_strategy_on_fill       (TsStrategy            *self,
                                       const TsFill          *fill,
                                       guint                  symbol);
void        ts_strategy_reset         (TsStrategy            *self);
gboolean    ts_strategy_set_params    (TsStrategy            *self,
                                       gconstpointer          params,
                                       gsize                  size);

/**
 * ts_strategy_get_overlay:
 * @values: (out caller-allocates) (array length=max): the values
 * @max: room in @values
 *
 * The chart overlay at the last bar: the named series each strategy lists
 * in its header (SMA; smoothed price and Taylor forecast; spread, z and
 * bands; Fibonacci levels, fractals and zigzag pivots).
 *
 * Returns: how many were written
 */
guint       ts_strategy_get_overlay   (const TsStrategy      *self,
                                       TsOverlayValue        *values,
                                       guint                  max);

/**
 * ts_strategy_get_overlay_value:
 * @name: a series name
 *
 * Returns: the value of the series @name at the last bar, NaN when the
 *   strategy has no such series or it is not defined yet
 */
double      ts_strategy_get_overlay_value (const TsStrategy  *self,
                                           const char        *name);

/**
 * ts_strategy_dup_state:
 *
 * Returns: (transfer full) (nullable): the strategy's position state (see
 *   #TsStrategyClass @dup_state), %NULL when it keeps none or is flat
 */
char       *ts_strategy_dup_state     (const TsStrategy      *self);

/**
 * ts_strategy_restore_state:
 * @state: (nullable): a text of @dup_state, or %NULL
 * @error: %TS_STRATEGY_ERROR
 *
 * See #TsStrategyClass @restore_state. A strategy without one takes only a
 * %NULL @state.
 *
 * Returns: %TRUE when taken (nothing changed otherwise)
 */
gboolean    ts_strategy_restore_state (TsStrategy            *self,
                                       const char            *state,
                                       GError               **error);

/* helpers for the strategies */

/**
 * ts_strategy_format_state:
 * @keys: (array length=n): the keys, plain words without '=' or ';'
 * @values: (array length=n): their values
 * @n: how many, >= 1
 *
 * Writes "key=value;key=value" with each value by g_ascii_dtostr(), which
 * reads back to the same double with g_ascii_strtod().
 *
 * Returns: (transfer full): the text
 */
char       *ts_strategy_format_state  (const char * const    *keys,
                                       const double          *values,
                                       guint                  n);

/**
 * ts_strategy_parse_state:
 * @state: (nullable): a text of ts_strategy_format_state()
 * @name: the strategy's name, for the messages
 * @keys: (array length=n): the keys expected, each exactly once, in any
 *   order
 * @values: (out caller-allocates) (array length=n): their values, finite
 * @n: how many
 * @error: %TS_STRATEGY_ERROR_BAD_STATE: @state is %NULL or empty, a part
 *   is not key=value, a key is unknown, repeated or missing, or a value is
 *   not a whole finite number
 *
 * Returns: %TRUE when @values holds every key's value (unchanged otherwise)
 */
gboolean    ts_strategy_parse_state   (const char            *state,
                                       const char            *name,
                                       const char * const    *keys,
                                       double                *values,
                                       guint                  n,
                                       GError               **error);



/**
 * ts_strategy_intent_open:
 * @intent: (out): the intent to fill
 * @side: %TS_SIDE_BUY (open long) or %TS_SIDE_SELL (open short)
 * @size: base units of the one leg
 *
 * A one-leg open on symbol 0 with reason "LONG" or "SHORT".
 */
void        ts_strategy_intent_open   (TsOrderIntent         *intent,
                                       TsSide                 side,
                                       double                 size);

/**
 * ts_strategy_intent_close:
 * @intent: (out): the intent to fill
 * @reason: the static exit code
 */
void        ts_strategy_intent_close  (TsOrderIntent         *intent,
                                       const char            *reason);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsStrategy, ts_strategy_free)

G_END_DECLS
