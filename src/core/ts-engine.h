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

G_BEGIN_DECLS

/**
 * TsEngine:
 *
 * Runs the momentum-burst strategy (STRATEGIES.md section 2) on one symbol:
 * the first symbol it sees with a trade, unless one was set with
 * ts_engine_set_symbol(). Ticks of other symbols are counted and ignored.
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
 *   closed by the daily loss limit), "RESUMED" (a new UTC day lifted the halt)
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
 */
void               ts_engine_set_params   (TsEngine               *self,
                                           const TsMomentumParams *momentum,
                                           const TsRiskParams     *risk,
                                           const TsBrokerParams   *broker);

/**
 * ts_engine_set_symbol:
 * @symbol: (nullable): the symbol to trade; %NULL or "" = the first one seen
 *
 * Only before the first trade of that symbol; returns %FALSE afterwards.
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
 * Returns: the ticks ignored so far: invalid, or of another symbol
 */
guint64            ts_engine_get_ignored_count (const TsEngine   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsEngine, ts_engine_free)

G_END_DECLS
