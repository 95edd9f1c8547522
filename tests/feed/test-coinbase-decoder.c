/* test-coinbase-decoder.c: Coinbase Exchange messages written by hand
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shapes as in the Coinbase Exchange WebSocket channel documentation; the
 * match is the first one of ../shared/data/coinbase/COINBASE.ws.28.0.
 */
#include "feed/ts-coinbase-decoder.h"
#include "feed/ts-feed-error.h"

#define RECV G_GINT64_CONSTANT (1618677817129516)

#define MATCH \
  "{\"type\":\"match\",\"trade_id\":280232,\"maker_order_id\":\"2a0da34e-61f7-4c36-88e5-c9dd15927b16\"," \
  "\"taker_order_id\":\"3c82abaa-c01e-4608-be59-6a1e69742891\",\"side\":\"sell\",\"size\":\"985\"," \
  "\"price\":\"0.00001305\",\"product_id\":\"SKL-BTC\",\"sequence\":177100030," \
  "\"time\":\"2021-04-17T16:43:37.089723Z\"}"

static const TsTick *
last_tick (GArray *ticks)
{
  g_assert_cmpuint (ticks->len, >, 0);
  return &g_array_index (ticks, TsTick, ticks->len - 1);
}

static char *
match (const char *type,
       const char *side,
       gint64      trade_id,
       gint64      sequence)
{
  return g_strdup_printf ("{\"type\":\"%s\",\"trade_id\":%" G_GINT64_FORMAT ",\"side\":\"%s\","
                          "\"size\":\"0.5\",\"price\":\"100.25\",\"product_id\":\"BTC-USD\","
                          "\"sequence\":%" G_GINT64_FORMAT ",\"time\":\"2021-04-17T16:43:37.5Z\"}",
                          type, trade_id, side, sequence);
}

static void
test_match (void)
{
  g_autoptr(TsCoinbaseDecoder) decoder = ts_coinbase_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  const TsTick *t;

  g_assert_true (ts_coinbase_decoder_decode (decoder, MATCH, -1, RECV, ticks, &error));
  g_assert_no_error (error);
  t = last_tick (ticks);
  g_assert_true (ts_tick_is_valid (t));
  g_assert_cmpstr (t->symbol, ==, "SKL-BTC");
  g_assert_cmpint (t->flags, ==, TS_TICK_TRADE);
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_BUY);  /* the maker sold */
  g_assert_cmpfloat (t->price, ==, 0.00001305);
  g_assert_cmpfloat (t->size, ==, 985.0);
  g_assert_cmpuint (t->seq, ==, 280232);
  /* 2021-04-17T16:43:37Z is 1618677817 s; µs kept exactly */
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1618677817089723));
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_MATCH), ==, 1);
}

static void
test_match_sequence (void)
{
  g_autoptr(TsCoinbaseDecoder) decoder = ts_coinbase_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  struct { const char *type, *side; gint64 trade_id, sequence; } msgs[] = {
    { "last_match", "buy", 10, 1000 },
    { "match", "buy", 11, 1007 },   /* sequence jumps: normal on this channel */
    { "match", "sell", 13, 1010 },  /* trade 12 missing: a gap */
    { "match", "sell", 12, 1009 },  /* late: skipped */
    { "match", "buy", 14, 1020 },
  };
  const TsTick *t;

  for (guint i = 0; i < G_N_ELEMENTS (msgs); i++)
    {
      g_autofree char *text = match (msgs[i].type, msgs[i].side, msgs[i].trade_id, msgs[i].sequence);
      g_autoptr(GError) error = NULL;

      g_assert_true (ts_coinbase_decoder_decode (decoder, text, -1, 0, ticks, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (ticks->len, ==, 4);
  t = &g_array_index (ticks, TsTick, 0);
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_SELL);  /* the maker bought */
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1618677817500000));
  g_assert_cmpuint (ts_coinbase_decoder_get_stats (decoder)->gaps, ==, 1);
  g_assert_cmpuint (ts_coinbase_decoder_get_stats (decoder)->out_of_order, ==, 1);
  g_assert_cmpuint (ts_coinbase_decoder_get_stats (decoder)->trades, ==, 4);
  g_assert_cmpuint (ts_coinbase_decoder_get_stats (decoder)->skipped, ==, 1);
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_LAST_MATCH), ==, 1);
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_MATCH), ==, 4);
}

static void
test_ticker (void)
{
  g_autoptr(TsCoinbaseDecoder) decoder = ts_coinbase_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  const TsTick *t;

  /* as in 2021: no sizes, so no quote */
  g_assert_true (ts_coinbase_decoder_decode (decoder,
    "{\"type\":\"ticker\",\"sequence\":333938798,\"product_id\":\"BAND-GBP\",\"price\":\"14.7775\","
    "\"best_bid\":\"14.7550\",\"best_ask\":\"14.8060\",\"side\":\"buy\","
    "\"time\":\"2021-04-17T16:43:30.244075Z\",\"trade_id\":881613,\"last_size\":\"0.04\"}",
    -1, RECV, ticks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ticks->len, ==, 0);

  /* with sizes */
  g_assert_true (ts_coinbase_decoder_decode (decoder,
    "{\"type\":\"ticker\",\"sequence\":37475248783,\"product_id\":\"ETH-USD\",\"price\":\"1285.22\","
    "\"open_24h\":\"1310.79\",\"best_bid\":\"1285.04\",\"best_bid_size\":\"0.46688654\","
    "\"best_ask\":\"1285.27\",\"best_ask_size\":\"1.56637040\",\"side\":\"buy\","
    "\"time\":\"2022-10-19T23:28:22.061769Z\",\"trade_id\":370843401,\"last_size\":\"11.4396987\"}",
    -1, 0, ticks, &error));
  g_assert_no_error (error);
  t = last_tick (ticks);
  g_assert_true (ts_tick_is_valid (t));
  g_assert_cmpint (t->flags, ==, TS_TICK_QUOTE);
  g_assert_cmpfloat (t->bid, ==, 1285.04);
  g_assert_cmpfloat (t->bid_size, ==, 0.46688654);
  g_assert_cmpfloat (t->ask, ==, 1285.27);
  g_assert_cmpfloat (t->ask_size, ==, 1.5663704);
  g_assert_cmpuint (t->seq, ==, G_GUINT64_CONSTANT (37475248783));
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1666222102061769));
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_TICKER), ==, 2);
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
  t = last_tick (ticks);
  g_assert_true (ts_tick_is_valid (t));
  g_assert_cmpint (t->flags, ==, TS_TICK_QUOTE);
  g_assert_cmpfloat (t->bid, ==, bid);
  g_assert_cmpfloat (t->bid_size, ==, bid_size);
  g_assert_cmpfloat (t->ask, ==, ask);
  g_assert_cmpfloat (t->ask_size, ==, ask_size);
}

static void
decode_ok (TsCoinbaseDecoder *decoder,
           const char        *text,
           gint64             receive_us,
           GArray            *ticks)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_coinbase_decoder_decode (decoder, text, -1, receive_us, ticks, &error));
  g_assert_no_error (error);
}

static void
test_book (void)
{
  g_autoptr(TsCoinbaseDecoder) decoder = ts_coinbase_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));

  /* before the snapshot: skipped */
  decode_ok (decoder, "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"buy\",\"10100.00\",\"9\"]],"
             "\"time\":\"2019-08-14T20:42:27.265Z\"}", 0, ticks);
  g_assert_cmpuint (ticks->len, ==, 0);

  decode_ok (decoder, "{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\","
             "\"bids\":[[\"10101.10\",\"0.45054140\"],[\"10100.00\",\"2.0\"]],"
             "\"asks\":[[\"10102.55\",\"0.57753524\"],[\"10103.00\",\"1.5\"]]}", RECV, ticks);
  expect_quote (ticks, 1, 10101.10, 0.4505414, 10102.55, 0.57753524);
  g_assert_cmpint (last_tick (ticks)->time_us, ==, RECV);  /* a snapshot has no time */

  /* a change below the top: no quote */
  decode_ok (decoder, "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"buy\",\"10100.00\",\"3.0\"]],"
             "\"time\":\"2019-08-14T20:42:27.265Z\"}", 0, ticks);
  g_assert_cmpuint (ticks->len, ==, 1);
  /* the best bid removed: the next level is the top */
  decode_ok (decoder, "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"buy\",\"10101.10\",\"0.00000000\"]],"
             "\"time\":\"2019-08-14T20:42:27.265043Z\"}", 0, ticks);
  expect_quote (ticks, 2, 10100.00, 3.0, 10102.55, 0.57753524);
  g_assert_cmpint (last_tick (ticks)->time_us, ==, G_GINT64_CONSTANT (1565815347265043));
  /* a size change at the top ask, and a new better bid, in one message */
  decode_ok (decoder, "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"sell\",\"10102.55\",\"0.1\"],"
             "[\"buy\",\"10101.50\",\"0.2\"]],\"time\":\"2019-08-14T20:42:28Z\"}", 0, ticks);
  expect_quote (ticks, 3, 10101.50, 0.2, 10102.55, 0.1);
  /* remove the best ask, then a level that does not exist */
  decode_ok (decoder, "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"sell\",\"10102.55\",\"0\"],"
             "[\"sell\",\"99999\",\"0\"]],\"time\":\"2019-08-14T20:42:29Z\"}", 0, ticks);
  expect_quote (ticks, 4, 10101.50, 0.2, 10103.00, 1.5);
  /* the whole ask side gone: no quote */
  decode_ok (decoder, "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"sell\",\"10103.00\",\"0\"]],"
             "\"time\":\"2019-08-14T20:42:30Z\"}", 0, ticks);
  g_assert_cmpuint (ticks->len, ==, 4);
  decode_ok (decoder, "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"sell\",\"10104\",\"2\"]],"
             "\"time\":\"2019-08-14T20:42:31Z\"}", 0, ticks);
  expect_quote (ticks, 5, 10101.50, 0.2, 10104.0, 2.0);

  /* a bad change rejects the message and leaves the book alone */
  g_assert_false (ts_coinbase_decoder_decode (decoder,
    "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"buy\",\"10101.50\",\"0\"],"
    "[\"buy\",\"nan\",\"1\"]],\"time\":\"2019-08-14T20:42:32Z\"}", -1, 0, ticks, NULL));
  decode_ok (decoder, "{\"type\":\"l2update\",\"product_id\":\"BTC-USD\",\"changes\":[[\"buy\",\"10000\",\"1\"]],"
             "\"time\":\"2019-08-14T20:42:33Z\"}", 0, ticks);
  g_assert_cmpuint (ticks->len, ==, 5);  /* 10101.50 still the best bid */

  decode_ok (decoder, "{\"type\":\"subscriptions\",\"channels\":[{\"name\":\"level2\",\"product_ids\":[\"BTC-USD\"]}]}",
             0, ticks);
  decode_ok (decoder, "{\"type\":\"heartbeat\",\"sequence\":90,\"last_trade_id\":20,\"product_id\":\"BTC-USD\","
             "\"time\":\"2014-11-07T08:19:28.464459Z\"}", 0, ticks);
  g_assert_cmpuint (ticks->len, ==, 5);
  g_assert_cmpuint (ts_coinbase_decoder_get_stats (decoder)->quotes, ==, 5);
  g_assert_cmpuint (ts_coinbase_decoder_get_stats (decoder)->rejected, ==, 1);
  g_assert_cmpuint (ts_coinbase_decoder_get_stats (decoder)->rejected_by_code[TS_FEED_ERROR_BAD_VALUE], ==, 1);
}

static void
test_subscribe (void)
{
  const char * const products[] = { "BTC-USD", "ETH-EUR", NULL };
  g_autofree char *text = ts_coinbase_decoder_dup_subscribe_message (products);

  g_assert_cmpstr (text, ==, "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-EUR\"],"
                   "\"channels\":[\"matches\",\"ticker\",\"level2\"]}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/coinbase/match-maker-side-inverted-us-time", test_match);
  g_test_add_func ("/feed/coinbase/match-trade-id-gaps-and-late-sequence", test_match_sequence);
  g_test_add_func ("/feed/coinbase/ticker-quote-only-with-sizes", test_ticker);
  g_test_add_func ("/feed/coinbase/l2-book-top-of-book-quotes", test_book);
  g_test_add_func ("/feed/coinbase/subscribe-message", test_subscribe);

  return g_test_run ();
}
