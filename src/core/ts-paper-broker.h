/* ts-paper-broker.h: paper fills of market orders
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tick.h"
#include "ts-fill.h"
#include "ts-broker-params.h"

G_BEGIN_DECLS

/**
 * TsPaperBroker:
 *
 * Fills market orders on paper for one symbol (DESIGN.md "Paper fills"):
 * a buy at the ask of the latest quote when a quote is known, else at the
 * last trade price, times (1 + slippage_bps / 1e4); a sell at the bid (else
 * the last trade) times (1 - slippage_bps / 1e4). The taker fee is
 * price x size x taker_fee_bps / 1e4, quote currency, on each leg.
 * No allocation.
 */
typedef struct _TsPaperBroker TsPaperBroker;

/**
 * ts_paper_broker_new:
 * @params: costs (copied); the initial capital is not used here
 *
 * Returns: (transfer full): a broker that knows no price yet
 */
TsPaperBroker        *ts_paper_broker_new        (const TsBrokerParams *params);
void                  ts_paper_broker_free       (TsPaperBroker        *self);

/**
 * ts_paper_broker_set_params:
 * @params: new costs (copied), applied to the next fill
 */
void                  ts_paper_broker_set_params (TsPaperBroker        *self,
                                                  const TsBrokerParams *params);
const TsBrokerParams *ts_paper_broker_get_params (const TsPaperBroker  *self);

/**
 * ts_paper_broker_update:
 * @tick: a valid tick of the broker's symbol
 *
 * Keeps the last trade price and the latest quote (bid/ask).
 */
void                  ts_paper_broker_update     (TsPaperBroker        *self,
                                                  const TsTick         *tick);

/**
 * ts_paper_broker_get_fill_price:
 * @side: %TS_SIDE_BUY or %TS_SIDE_SELL
 *
 * Returns: the price a market order of @side would fill at now, quote
 *   currency, or 0 when no price is known yet
 */
double                ts_paper_broker_get_fill_price (const TsPaperBroker *self,
                                                      TsSide               side);

/**
 * ts_paper_broker_fill:
 * @side: %TS_SIDE_BUY or %TS_SIDE_SELL
 * @size: base units, > 0
 * @time_us: the time of the triggering tick, µs since epoch UTC
 * @fill: (out): time, side, price, size and fee; @opens, @reason and
 *   @symbol are left for the caller
 *
 * Returns: %FALSE when no price is known yet (nothing filled)
 */
gboolean              ts_paper_broker_fill       (const TsPaperBroker  *self,
                                                  TsSide                side,
                                                  double                size,
                                                  gint64                time_us,
                                                  TsFill               *fill);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsPaperBroker, ts_paper_broker_free)

G_END_DECLS
