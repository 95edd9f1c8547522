/* ts-momentum-strategy.h: the momentum-burst strategy behind TsStrategy
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/ts-strategy.h"
#include "core/ts-momentum.h"

G_BEGIN_DECLS

/**
 * ts_momentum_strategy_new:
 * @params: (nullable): the parameters (copied), %NULL for the defaults of
 *   STRATEGIES.md section 2
 *
 * Wraps #TsMomentum (STRATEGIES.md section 2, seed 001) so that a multi
 * engine trades exactly as the engine of ts_engine_new() does: on every
 * tick the exits SL, TP, TIME, FLAT (a close intent with that reason); on
 * trades with no exit and no position, the entry rules (an open of
 * `position_size` base units, "LONG" or "SHORT"). ts_strategy_set_params()
 * takes a #TsMomentumParams. One symbol. Overlay: "momentum" (m over the
 * window), "window_first" and "window_last" (its first and last price).
 *
 * Returns: (transfer full): the strategy
 */
TsStrategy *ts_momentum_strategy_new (const TsMomentumParams *params);

/**
 * ts_momentum_strategy_get_momentum:
 *
 * Returns: (transfer none): the wrapped #TsMomentum
 */
TsMomentum *ts_momentum_strategy_get_momentum (TsStrategy *self);

G_END_DECLS
