/* ts-paper-broker.c: paper fills of market orders
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-paper-broker-private.h"

TsPaperBroker *
ts_paper_broker_new (const TsBrokerParams *params)
{
  TsPaperBroker *self;

  g_return_val_if_fail (params != NULL, NULL);

  self = g_new0 (TsPaperBroker, 1);
  self->params = *params;
  return self;
}

void
ts_paper_broker_free (TsPaperBroker *self)
{
  g_free (self);
}

void
ts_paper_broker_set_params (TsPaperBroker        *self,
                            const TsBrokerParams *params)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (params != NULL);
  self->params = *params;
}

const TsBrokerParams *
ts_paper_broker_get_params (const TsPaperBroker *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->params;
}

void
ts_paper_broker_update (TsPaperBroker *self,
                        const TsTick  *tick)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (tick != NULL);
  _ts_paper_broker_update (self, tick);
}

double
ts_paper_broker_get_fill_price (const TsPaperBroker *self,
                                TsSide               side)
{
  double slip;

  g_return_val_if_fail (self != NULL, 0.0);

  slip = self->params.slippage_bps / 1e4;
  if (side == TS_SIDE_BUY)
    return (self->ask > 0.0 ? self->ask : self->last_price) * (1.0 + slip);
  if (side == TS_SIDE_SELL)
    return (self->bid > 0.0 ? self->bid : self->last_price) * (1.0 - slip);
  return 0.0;
}

gboolean
ts_paper_broker_fill (const TsPaperBroker *self,
                      TsSide               side,
                      double               size,
                      gint64               time_us,
                      TsFill              *fill)
{
  double price;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (side == TS_SIDE_BUY || side == TS_SIDE_SELL, FALSE);
  g_return_val_if_fail (fill != NULL, FALSE);

  price = ts_paper_broker_get_fill_price (self, side);
  if (!(price > 0.0))
    return FALSE;

  fill->time_us = time_us;
  fill->side = side;
  fill->price = price;
  fill->size = size;
  fill->fee = price * size * self->params.taker_fee_bps / 1e4;
  return TRUE;
}
