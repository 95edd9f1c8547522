/* test-bybit-decoder.c: Bybit v5 public messages, from the documentation's examples
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shapes and values after the examples of the Bybit v5 "WebSocket Stream /
 * Public" pages (Trade, Orderbook, Ticker), several messages extended by
 * hand (more trades per message, a delta removing the best level).
 */
#include "feed/ts-bybit-decoder.h"
#include "feed/ts-feed-error.h"

#define RECV G_GINT64_CONSTANT (1672304486900000)

static const TsTick *
tick_at (GArray *ticks,
         guint   i)
{
  g_assert_cmpuint (i, <, ticks->len);
  return &g_array_index (ticks, TsTick, i);
}

static void
decode_ok (TsBybitDecoder *decoder,
           const char     *text,
           gint64          receive_us,
           GArray         *ticks)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_bybit_decoder_decode (decoder, text, -1, receive_us, ticks, &error));
  g_assert_no_error (error);
}

static void
test_trades (void)
{
  g_autoptr(TsBybitDecoder) decoder = ts_bybit_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  const TsTick *t;

  decode_ok (decoder,
    "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304486868,\"data\":["
    "{\"T\":1672304486865,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.001\",\"p\":\"16578.50\",\"L\":\"PlusTick\","
    "\"i\":\"20f43950-d8dd-5b31-9112-a178eb6023af\",\"BT\":false},"
    "{\"T\":1672304486866,\"s\":\"BTCUSDT\",\"S\":\"Sell\",\"v\":\"0.250\",\"p\":\"16578.00\",\"L\":\"MinusTick\","
    "\"i\":\"2290000000061666327\",\"BT\":false},"
    "{\"T\":1672304486866,\"s\":\"BTCUSDT\",\"S\":\"Sell\",\"v\":\"1.5\",\"p\":\"16577.50\",\"L\":\"MinusTick\","
    "\"i\":\"2290000000061666328\",\"BT\":false}]}", RECV, ticks);
  g_assert_cmpuint (ticks->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      t = tick_at (ticks, i);
      g_assert_true (ts_tick_is_valid (t));
      g_assert_cmpint (t->flags, ==, TS_TICK_TRADE);
      g_assert_cmpstr (t->symbol, ==, "BTCUSDT");
    }
  t = tick_at (ticks, 0);
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_BUY);  /* S: the taker's side */
  g_assert_cmpfloat (t->price, ==, 16578.5);
  g_assert_cmpfloat (t->size, ==, 0.001);
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1672304486865000));
  g_assert_cmpuint (t->seq, ==, 0);  /* a UUID trade id */
  t = tick_at (ticks, 2);
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_SELL);
  g_assert_cmpfloat (t->size, ==, 1.5);
  g_assert_cmpuint (t->seq, ==, G_GUINT64_CONSTANT (2290000000061666328));
  g_assert_cmpuint (ts_bybit_decoder_get_stats (decoder)->trades, ==, 3);

  /* one bad trade rejects them all */
  g_assert_false (ts_bybit_decoder_decode (decoder,
    "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304486868,\"data\":["
    "{\"T\":1672304486865,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.001\",\"p\":\"16578.50\",\"i\":\"1\"},"
    "{\"T\":1672304486866,\"s\":\"BTCUSDT\",\"S\":\"Sell\",\"v\":\"0\",\"p\":\"16578.00\",\"i\":\"2\"}]}",
    -1, RECV, ticks, NULL));
  g_assert_cmpuint (ticks->len, ==, 3);
}

static void
expect_quote (GArray *ticks,
              guint   n,
              double  bid,
              double  bid_size,
              double  ask,
              double  ask_size)
{
  const TsTick *t;

  g_assert_cmpuint (ticks->len, ==, n);
  t = tick_at (ticks, n - 1);
  g_assert_true (ts_tick_is_valid (t));
  g_assert_cmpint (t->flags, ==, TS_TICK_QUOTE);
  g_assert_cmpfloat (t->bid, ==, bid);
  g_assert_cmpfloat (t->bid_size, ==, bid_size);
  g_assert_cmpfloat (t->ask, ==, ask);
  g_assert_cmpfloat (t->ask_size, ==, ask_size);
}

static void
test_orderbook (void)
{
  g_autoptr(TsBybitDecoder) decoder = ts_bybit_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));

  /* a delta before any snapshot: skipped */
  decode_ok (decoder, "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1687940967466,"
             "\"data\":{\"s\":\"BTCUSDT\",\"b\":[],\"a\":[[\"30248.70\",\"0\"]],\"u\":177400507,"
             "\"seq\":66544703342},\"cts\":1687940967464}", 0, ticks);
  g_assert_cmpuint (ticks->len, ==, 0);

  decode_ok (decoder, "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304484978,"
             "\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"16493.50\",\"0.006\"],[\"16493.00\",\"0.100\"]],"
             "\"a\":[[\"16611.00\",\"0.029\"],[\"16612.00\",\"0.213\"]],\"u\":18521288,\"seq\":7961638724},"
             "\"cts\":1672304484976}", RECV, ticks);
  expect_quote (ticks, 1, 16493.5, 0.006, 16611.0, 0.029);
  g_assert_cmpint (tick_at (ticks, 0)->time_us, ==, G_GINT64_CONSTANT (1672304484976000)); /* cts */
  g_assert_cmpuint (tick_at (ticks, 0)->seq, ==, 18521288);

  /* delta: the best bid deleted, an ask added below the best */
  decode_ok (decoder, "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1672304484980,"
             "\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"16493.50\",\"0\"]],\"a\":[[\"16610.50\",\"0.300\"]],"
             "\"u\":18521289,\"seq\":7961638725},\"cts\":1672304484979}", RECV, ticks);
  expect_quote (ticks, 2, 16493.0, 0.1, 16610.5, 0.3);
  /* a change deep in the book: no quote */
  decode_ok (decoder, "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1672304484990,"
             "\"data\":{\"s\":\"BTCUSDT\",\"b\":[],\"a\":[[\"16612.00\",\"1.0\"]],"
             "\"u\":18521290,\"seq\":7961638726}}", RECV, ticks);
  g_assert_cmpuint (ticks->len, ==, 2);
  /* u jumps: a gap */
  decode_ok (decoder, "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":1672304485000,"
             "\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"16493.00\",\"0.5\"]],\"a\":[],"
             "\"u\":18521295,\"seq\":7961638730}}", RECV, ticks);
  expect_quote (ticks, 3, 16493.0, 0.5, 16610.5, 0.3);
  g_assert_cmpint (tick_at (ticks, 2)->time_us, ==, G_GINT64_CONSTANT (1672304485000000)); /* ts */
  g_assert_cmpuint (ts_bybit_decoder_get_stats (decoder)->gaps, ==, 1);
}

static void
test_tickers (void)
{
  g_autoptr(TsBybitDecoder) decoder = ts_bybit_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));

  decode_ok (decoder, "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"snapshot\",\"data\":{\"symbol\":\"BTCUSDT\","
             "\"tickDirection\":\"PlusTick\",\"price24hPcnt\":\"0.017103\",\"lastPrice\":\"17216.00\","
             "\"prevPrice24h\":\"16926.50\",\"markPrice\":\"17217.33\",\"indexPrice\":\"17227.36\","
             "\"nextFundingTime\":\"1673280000000\",\"fundingRate\":\"-0.000212\","
             "\"bid1Price\":\"17215.50\",\"bid1Size\":\"84.489\",\"ask1Price\":\"17216.00\",\"ask1Size\":\"83.020\"},"
             "\"cs\":24987956059,\"ts\":1673272861686}", 0, ticks);
  expect_quote (ticks, 1, 17215.5, 84.489, 17216.0, 83.02);
  g_assert_cmpuint (tick_at (ticks, 0)->seq, ==, G_GUINT64_CONSTANT (24987956059));
  g_assert_cmpint (tick_at (ticks, 0)->time_us, ==, G_GINT64_CONSTANT (1673272861686000));

  /* a delta with only the changed fields */
  decode_ok (decoder, "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"delta\",\"data\":{\"symbol\":\"BTCUSDT\","
             "\"bid1Size\":\"12.5\",\"ask1Price\":\"17216.50\"},\"cs\":24987956060,\"ts\":1673272861786}", 0, ticks);
  expect_quote (ticks, 2, 17215.5, 12.5, 17216.5, 83.02);
  /* a delta that leaves the top alone: no quote */
  decode_ok (decoder, "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"delta\",\"data\":{\"symbol\":\"BTCUSDT\","
             "\"markPrice\":\"17217.00\",\"lastPrice\":\"17216.50\"},\"cs\":24987956061,\"ts\":1673272861886}", 0, ticks);
  g_assert_cmpuint (ticks->len, ==, 2);
  /* spot tickers carry no bid/ask: no quote */
  decode_ok (decoder, "{\"topic\":\"tickers.ETHUSDT\",\"ts\":1673853746003,\"type\":\"snapshot\",\"cs\":2588407389,"
             "\"data\":{\"symbol\":\"ETHUSDT\",\"lastPrice\":\"21109.77\",\"highPrice24h\":\"21426.99\","
             "\"volume24h\":\"6780.866843\",\"usdIndexPrice\":\"21120.2400136\"}}", 0, ticks);
  g_assert_cmpuint (ticks->len, ==, 2);
}

static void
test_op_replies (void)
{
  g_autoptr(TsBybitDecoder) decoder = ts_bybit_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));

  decode_ok (decoder, "{\"success\":true,\"ret_msg\":\"\",\"conn_id\":\"cejreaspqfh3sjdnldmg-p\","
             "\"req_id\":\"\",\"op\":\"subscribe\"}", 0, ticks);
  decode_ok (decoder, "{\"success\":true,\"ret_msg\":\"pong\",\"conn_id\":\"0970e817-426e-429a-a679-ff7f55e0b16a\","
             "\"op\":\"ping\"}", 0, ticks);
  decode_ok (decoder, "{\"req_id\":\"test\",\"op\":\"pong\",\"args\":[\"1675418560633\"],"
             "\"conn_id\":\"cfcb4ocsvfriu23r3er0-1b\"}", 0, ticks);
  decode_ok (decoder, "{\"success\":false,\"ret_msg\":\"error:handler not found\",\"conn_id\":\"x\","
             "\"req_id\":\"\",\"op\":\"subscribe\"}", 0, ticks);
  g_assert_cmpuint (ticks->len, ==, 0);
  g_assert_cmpuint (ts_bybit_decoder_get_stats (decoder)->skipped, ==, 4);
  g_assert_cmpuint (ts_bybit_decoder_get_stats (decoder)->rejected, ==, 0);
}

static void
test_subscribe (void)
{
  const char * const symbols[] = { "BTCUSDT", "ETHUSDT", NULL };
  g_autofree char *with_book = ts_bybit_decoder_dup_subscribe_message (symbols, 1);
  g_autofree char *trades = ts_bybit_decoder_dup_subscribe_message (symbols, 0);

  g_assert_cmpstr (with_book, ==, "{\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\",\"orderbook.1.BTCUSDT\","
                   "\"publicTrade.ETHUSDT\",\"orderbook.1.ETHUSDT\"]}");
  g_assert_cmpstr (trades, ==, "{\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\",\"publicTrade.ETHUSDT\"]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/bybit/public-trade-array-taker-side", test_trades);
  g_test_add_func ("/feed/bybit/orderbook-snapshot-delta-removes-best", test_orderbook);
  g_test_add_func ("/feed/bybit/tickers-delta-merged", test_tickers);
  g_test_add_func ("/feed/bybit/op-replies-and-pong-skipped", test_op_replies);
  g_test_add_func ("/feed/bybit/subscribe-message", test_subscribe);

  return g_test_run ();
}
