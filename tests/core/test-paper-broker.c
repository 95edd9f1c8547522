/* test-paper-broker.c: paper fills (DESIGN.md "Paper fills")
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/ts-paper-broker.h"

#define EPS 1e-9

static TsTick
make_trade (double price)
{
  TsTick t;

  memset (&t, 0, sizeof t);
  t.time_us = 1723161255342000;
  t.flags = TS_TICK_TRADE;
  t.price = price;
  t.size = 1.0;
  ts_tick_set_symbol (&t, "BTCUSDT");
  return t;
}

static void
test_no_price_no_fill (void)
{
  TsBrokerParams p;
  g_autoptr(TsPaperBroker) b = NULL;
  TsFill f;

  ts_broker_params_init_default (&p);
  g_assert_cmpfloat (p.slippage_bps, ==, 0.5);
  g_assert_cmpfloat (p.taker_fee_bps, ==, 1.0);
  g_assert_cmpfloat (p.initial_capital, ==, 10000.0);
  b = ts_paper_broker_new (&p);
  g_assert_false (ts_paper_broker_fill (b, TS_SIDE_BUY, 1.0, 0, &f));
}

static void
test_fills_at_last_without_quote (void)
{
  TsBrokerParams p;
  g_autoptr(TsPaperBroker) b = NULL;
  TsTick t = make_trade (1000.0);
  TsFill f;

  ts_broker_params_init_default (&p);
  b = ts_paper_broker_new (&p);
  ts_paper_broker_update (b, &t);

  /* 1000 x (1 + 0.5 / 1e4) = 1000.05; fee 2 x 1000.05 x 1 / 1e4 */
  g_assert_true (ts_paper_broker_fill (b, TS_SIDE_BUY, 2.0, 7, &f));
  g_assert_cmpint (f.time_us, ==, 7);
  g_assert_cmpint (f.side, ==, TS_SIDE_BUY);
  g_assert_cmpfloat_with_epsilon (f.price, 1000.05, EPS);
  g_assert_cmpfloat (f.size, ==, 2.0);
  g_assert_cmpfloat_with_epsilon (f.fee, 0.20001, EPS);

  /* 1000 x (1 - 0.5 / 1e4) = 999.95; fee 0.099995 */
  g_assert_true (ts_paper_broker_fill (b, TS_SIDE_SELL, 1.0, 8, &f));
  g_assert_cmpfloat_with_epsilon (f.price, 999.95, EPS);
  g_assert_cmpfloat_with_epsilon (f.fee, 0.099995, EPS);
}

static void
test_fills_at_quote (void)
{
  TsBrokerParams p;
  g_autoptr(TsPaperBroker) b = NULL;
  TsTick t = make_trade (1000.0);
  TsTick q = make_trade (0.0);
  TsFill f;

  ts_broker_params_init_default (&p);
  b = ts_paper_broker_new (&p);
  ts_paper_broker_update (b, &t);
  q.flags = TS_TICK_QUOTE;
  q.bid = 999.0;
  q.ask = 1001.0;
  q.bid_size = q.ask_size = 1.0;
  ts_paper_broker_update (b, &q);

  /* the ask: 1001 x 1.00005 = 1001.05005; fee 0.100105005 */
  g_assert_true (ts_paper_broker_fill (b, TS_SIDE_BUY, 1.0, 0, &f));
  g_assert_cmpfloat_with_epsilon (f.price, 1001.05005, EPS);
  g_assert_cmpfloat_with_epsilon (f.fee, 0.100105005, EPS);
  /* the bid: 999 x 0.99995 = 998.95005; fee 0.099895005 */
  g_assert_true (ts_paper_broker_fill (b, TS_SIDE_SELL, 1.0, 0, &f));
  g_assert_cmpfloat_with_epsilon (f.price, 998.95005, EPS);
  g_assert_cmpfloat_with_epsilon (f.fee, 0.099895005, EPS);

  /* a later trade does not replace the known quote */
  t = make_trade (1005.0);
  ts_paper_broker_update (b, &t);
  g_assert_cmpfloat_with_epsilon (ts_paper_broker_get_fill_price (b, TS_SIDE_BUY), 1001.05005, EPS);

  /* costs changed live: no slippage, 10 bps fee */
  p.slippage_bps = 0.0;
  p.taker_fee_bps = 10.0;
  ts_paper_broker_set_params (b, &p);
  g_assert_true (ts_paper_broker_fill (b, TS_SIDE_SELL, 3.0, 0, &f));
  g_assert_cmpfloat (f.price, ==, 999.0);
  g_assert_cmpfloat_with_epsilon (f.fee, 2.997, EPS);
}

static void
test_tick_validity (void)
{
  TsTick t = make_trade (1000.0);

  g_assert_true (ts_tick_is_valid (&t));
  t.price = -1.0;
  g_assert_false (ts_tick_is_valid (&t));
  t.price = NAN;
  g_assert_false (ts_tick_is_valid (&t));
  t.price = 1000.0;
  t.flags = TS_TICK_TRADE | TS_TICK_QUOTE;
  t.bid = 1001.0;
  t.ask = 1000.0; /* crossed */
  t.bid_size = t.ask_size = 1.0;
  g_assert_false (ts_tick_is_valid (&t));
  t.ask = 1002.0;
  g_assert_true (ts_tick_is_valid (&t));
  t.flags = 0;
  g_assert_false (ts_tick_is_valid (&t));

  ts_tick_set_symbol (&t, "A_SYMBOL_FAR_LONGER_THAN_24_BYTES");
  g_assert_cmpuint (strlen (t.symbol), ==, TS_SYMBOL_MAX - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/paper-broker/no-price-no-fill", test_no_price_no_fill);
  g_test_add_func ("/core/paper-broker/fills-at-last-without-quote", test_fills_at_last_without_quote);
  g_test_add_func ("/core/paper-broker/fills-at-ask-and-bid", test_fills_at_quote);
  g_test_add_func ("/core/tick/validity", test_tick_validity);

  return g_test_run ();
}
