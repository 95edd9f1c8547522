/* test-helpers.h: hand-made ticks for the core tests
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "core/ts-engine.h"

/* 2024-08-08T23:59:50Z: ten seconds before a UTC midnight */
#define T0 G_GINT64_CONSTANT (1723161590000000)
#define MS(x) ((gint64) (x) * 1000)
#define SEC(x) ((gint64) (x) * 1000000)

/* a buyer-initiated trade of @symbol */
static inline TsEngineEvents
push_trade_symbol (TsEngine   *engine,
                   const char *symbol,
                   gint64      time_us,
                   double      price,
                   double      size)
{
  TsTick t;

  memset (&t, 0, sizeof t);
  t.time_us = time_us;
  t.flags = TS_TICK_TRADE;
  t.aggressor = TS_SIDE_BUY;
  t.price = price;
  t.size = size;
  ts_tick_set_symbol (&t, symbol);
  return ts_engine_push_tick (engine, &t);
}

static inline TsEngineEvents
push_trade (TsEngine *engine,
            gint64    time_us,
            double    price,
            double    size)
{
  return push_trade_symbol (engine, "TEST", time_us, price, size);
}

static inline TsEngineEvents
push_quote (TsEngine *engine,
            gint64    time_us,
            double    bid,
            double    ask)
{
  TsTick t;

  memset (&t, 0, sizeof t);
  t.time_us = time_us;
  t.flags = TS_TICK_QUOTE;
  t.bid = bid;
  t.ask = ask;
  t.bid_size = 1.0;
  t.ask_size = 1.0;
  ts_tick_set_symbol (&t, "TEST");
  return ts_engine_push_tick (engine, &t);
}

/* default strategy and risk, a broker without slippage or fee */
static inline TsEngine *
engine_new_zero_cost (const TsMomentumParams *momentum,
                      const TsRiskParams     *risk)
{
  TsBrokerParams b;

  ts_broker_params_init_default (&b);
  b.slippage_bps = 0.0;
  b.taker_fee_bps = 0.0;
  return ts_engine_new (momentum, risk, &b);
}

/* Four trades of size 1 at 1000, then one of size 2 at 1001, 100 ms apart
 * from @t: m = 1/1000 = 0.001 >= 0.0005; 2 > 1.5 x 1; (1001 - 1000) / 1000
 * = 0.001 >= 0.001 (the volatility guard's boundary); 5 trades: a long
 * entry signal on the last trade, at t + 400 ms. */
static inline void
push_burst_up (TsEngine *engine,
               gint64    t)
{
  push_trade (engine, t, 1000.0, 1.0);
  push_trade (engine, t + MS (100), 1000.0, 1.0);
  push_trade (engine, t + MS (200), 1000.0, 1.0);
  push_trade (engine, t + MS (300), 1000.0, 1.0);
  push_trade (engine, t + MS (400), 1001.0, 2.0);
}

static inline guint
n_fills (TsEngine *engine)
{
  guint n = 0;

  ts_engine_get_fills (engine, &n);
  return n;
}

static inline guint
n_trades (TsEngine *engine)
{
  guint n = 0;

  ts_engine_get_trades (engine, &n);
  return n;
}

static inline guint
n_decisions (TsEngine *engine)
{
  guint n = 0;

  ts_engine_get_decisions (engine, &n);
  return n;
}
