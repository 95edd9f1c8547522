/* ts-paper-broker-private.h: the broker's insides, inlined on the hot path
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-paper-broker.h"

G_BEGIN_DECLS

struct _TsPaperBroker
{
  TsBrokerParams params;
  double         last_price; /* 0 = none yet */
  double         bid;        /* 0 = no quote yet */
  double         ask;
};

/* see ts_paper_broker_update() */
static inline void
_ts_paper_broker_update (TsPaperBroker *self,
                         const TsTick  *tick)
{
  if (tick->flags & TS_TICK_TRADE)
    self->last_price = tick->price;
  if (tick->flags & TS_TICK_QUOTE)
    {
      self->bid = tick->bid;
      self->ask = tick->ask;
    }
}

G_END_DECLS
