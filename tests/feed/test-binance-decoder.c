/* test-binance-decoder.c: Binance spot messages written by hand
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "feed/ts-binance-decoder.h"
#include "feed/ts-feed-error.h"

#define TRADE_COMBINED \
  "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\"," \
  "\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}"
#define TRADE_RAW_BUY \
  "{\"e\":\"trade\",\"E\":1723161256001,\"s\":\"BTCUSDT\",\"t\":3735683260,\"p\":\"61837.64000000\"," \
  "\"q\":\"0.50000000\",\"T\":1723161256000,\"m\":false,\"M\":true}"
#define BOOK_COMBINED \
  "{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":50093239212,\"s\":\"BTCUSDT\"," \
  "\"b\":\"61837.63000000\",\"B\":\"3.78826000\",\"a\":\"61837.64000000\",\"A\":\"1.54698000\"}}"
#define BOOK_RAW \
  "{\"u\":50093239219,\"s\":\"BTCUSDT\",\"b\":\"61837.60000000\",\"B\":\"1.00000000\"," \
  "\"a\":\"61837.64000000\",\"A\":\"2.00000000\"}"
#define DEPTH_COMBINED \
  "{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161257208," \
  "\"s\":\"BTCUSDT\",\"U\":50093239189,\"u\":50093239202,\"b\":[[\"61737.63000000\",\"0.00000000\"]]," \
  "\"a\":[[\"61837.64000000\",\"1.54698000\"]]}}"
#define SNAPSHOT \
  "{\"lastUpdateId\":50093239218,\"bids\":[[\"61837.63000000\",\"3.78826000\"]]," \
  "\"asks\":[[\"61837.64000000\",\"1.54698000\"]]}"

static const TsTick *
last_tick (GArray *ticks)
{
  g_assert_cmpuint (ticks->len, >, 0);
  return &g_array_index (ticks, TsTick, ticks->len - 1);
}

static void
test_trade (void)
{
  g_autoptr(TsBinanceDecoder) decoder = ts_binance_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  const TsTick *t;

  g_assert_true (ts_binance_decoder_decode (decoder, TRADE_COMBINED, -1, ticks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ticks->len, ==, 1);
  t = last_tick (ticks);
  g_assert_cmpstr (t->symbol, ==, "BTCUSDT");
  g_assert_cmpint (t->flags, ==, TS_TICK_TRADE);
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1723161255342000)); /* T, not E */
  g_assert_cmpuint (t->seq, ==, G_GUINT64_CONSTANT (3735683259));
  g_assert_cmpfloat (t->price, ==, 61837.63);
  g_assert_cmpfloat (t->size, ==, 0.02);
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_SELL);  /* m: buyer was maker, taker sold */
  g_assert_cmpint (ts_binance_decoder_get_latest_time_us (decoder), ==,
                   G_GINT64_CONSTANT (1723161255343000));  /* E */

  g_assert_true (ts_binance_decoder_decode (decoder, TRADE_RAW_BUY, -1, ticks, &error));
  g_assert_no_error (error);
  t = last_tick (ticks);
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (t->size, ==, 0.5);
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1723161256000000));

  g_assert_cmpuint (ts_binance_decoder_get_trades (decoder), ==, 2);
  g_assert_cmpuint (ts_binance_decoder_get_messages (decoder), ==, 2);
}

static void
test_book_ticker_time (void)
{
  g_autoptr(TsBinanceDecoder) decoder = ts_binance_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  const TsTick *t;

  /* no exchange time seen yet: skipped, no tick */
  g_assert_true (ts_binance_decoder_decode (decoder, BOOK_COMBINED, -1, ticks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ticks->len, ==, 0);
  g_assert_cmpuint (ts_binance_decoder_get_skipped (decoder), ==, 1);

  g_assert_true (ts_binance_decoder_decode (decoder, TRADE_COMBINED, -1, ticks, &error));
  g_assert_true (ts_binance_decoder_decode (decoder, BOOK_COMBINED, -1, ticks, &error));
  g_assert_no_error (error);
  t = last_tick (ticks);
  g_assert_cmpint (t->flags, ==, TS_TICK_QUOTE);
  g_assert_cmpstr (t->symbol, ==, "BTCUSDT");
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1723161255343000)); /* the trade's E */
  g_assert_cmpuint (t->seq, ==, G_GUINT64_CONSTANT (50093239212));
  g_assert_cmpfloat (t->bid, ==, 61837.63);
  g_assert_cmpfloat (t->bid_size, ==, 3.78826);
  g_assert_cmpfloat (t->ask, ==, 61837.64);
  g_assert_cmpfloat (t->ask_size, ==, 1.54698);

  /* a depth update is skipped but moves the exchange time on */
  g_assert_true (ts_binance_decoder_decode (decoder, DEPTH_COMBINED, -1, ticks, &error));
  g_assert_cmpuint (ticks->len, ==, 2);
  g_assert_true (ts_binance_decoder_decode (decoder, BOOK_RAW, -1, ticks, &error));
  g_assert_no_error (error);
  t = last_tick (ticks);
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1723161257208000));
  g_assert_cmpfloat (t->bid, ==, 61837.60);

  g_assert_cmpuint (ts_binance_decoder_get_quotes (decoder), ==, 2);
  g_assert_cmpuint (ts_binance_decoder_get_skipped (decoder), ==, 2);
}

static void
test_skipped (void)
{
  g_autoptr(TsBinanceDecoder) decoder = ts_binance_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_binance_decoder_decode (decoder, DEPTH_COMBINED, -1, ticks, &error));
  g_assert_true (ts_binance_decoder_decode (decoder, SNAPSHOT, -1, ticks, &error));
  g_assert_true (ts_binance_decoder_decode (decoder, "{\"result\":null,\"id\":1}", -1, ticks, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ticks->len, ==, 0);
  g_assert_cmpuint (ts_binance_decoder_get_skipped (decoder), ==, 3);
  g_assert_cmpuint (ts_binance_decoder_get_rejected (decoder), ==, 0);
}

typedef struct
{
  const char *name;
  const char *text;
  TsFeedError code;
} BadCase;

static const BadCase bad_cases[] = {
  { "not-json", "1723161254087896568 {\"stream\"", TS_FEED_ERROR_NOT_JSON },
  { "array", "[]", TS_FEED_ERROR_WRONG_TYPE },
  { "avg-price", "{\"e\":\"avgPrice\",\"E\":1,\"s\":\"BTCUSDT\"}", TS_FEED_ERROR_UNKNOWN_EVENT },
  { "agg-trade-no-price", "{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\"}", TS_FEED_ERROR_MISSING_FIELD },
  { "trade-price-inf", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"inf\",\"q\":\"1\",\"T\":1,\"m\":true}", TS_FEED_ERROR_BAD_VALUE },
  { "trade-price-infinity", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"Infinity\",\"q\":\"1\",\"T\":1,\"m\":true}", TS_FEED_ERROR_BAD_VALUE },
  { "trade-price-hex", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"0x1p4\",\"q\":\"1\",\"T\":1,\"m\":true}", TS_FEED_ERROR_BAD_VALUE },
  { "trade-price-negative", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"-1.5\",\"q\":\"1\",\"T\":1,\"m\":true}", TS_FEED_ERROR_BAD_VALUE },
  { "partial-depth-crossed", "{\"stream\":\"btcusdt@depth5\",\"data\":{\"lastUpdateId\":1,\"bids\":[[\"3\",\"1\"]],\"asks\":[[\"2\",\"1\"]]}}", TS_FEED_ERROR_BAD_VALUE },
  { "partial-depth-level-number", "{\"stream\":\"btcusdt@depth5\",\"data\":{\"lastUpdateId\":1,\"bids\":[[1,1]],\"asks\":[]}}", TS_FEED_ERROR_WRONG_TYPE },
  { "depth-update-no-U", "{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\",\"u\":5,\"b\":[],\"a\":[]}", TS_FEED_ERROR_MISSING_FIELD },
  { "kline", "{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"E\":1}}", TS_FEED_ERROR_UNKNOWN_EVENT },
  { "unknown-object", "{\"hello\":\"world\"}", TS_FEED_ERROR_UNKNOWN_EVENT },
  { "data-not-object", "{\"stream\":\"x\",\"data\":[]}", TS_FEED_ERROR_WRONG_TYPE },
  { "stream-no-data", "{\"stream\":\"x\"}", TS_FEED_ERROR_MISSING_FIELD },
  { "trade-price-number", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":61837.63,\"q\":\"1\",\"T\":1,\"m\":true}", TS_FEED_ERROR_WRONG_TYPE },
  { "trade-price-garbage", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"6183x\",\"q\":\"1\",\"T\":1,\"m\":true}", TS_FEED_ERROR_BAD_VALUE },
  { "trade-price-nan", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"nan\",\"q\":\"1\",\"T\":1,\"m\":true}", TS_FEED_ERROR_BAD_VALUE },
  { "trade-qty-zero", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"1\",\"q\":\"0.00000000\",\"T\":1,\"m\":true}", TS_FEED_ERROR_BAD_VALUE },
  { "trade-no-T", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"m\":true}", TS_FEED_ERROR_MISSING_FIELD },
  { "trade-m-string", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1,\"m\":\"true\"}", TS_FEED_ERROR_WRONG_TYPE },
  { "book-bid-above-ask", "{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"2\",\"B\":\"1\",\"a\":\"1\",\"A\":\"1\"}", TS_FEED_ERROR_BAD_VALUE },
  { "book-size-zero", "{\"u\":1,\"s\":\"BTCUSDT\",\"b\":\"1\",\"B\":\"0.0\",\"a\":\"1\",\"A\":\"1\"}", TS_FEED_ERROR_BAD_VALUE },
};

static void
test_bad_case (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(TsBinanceDecoder) decoder = ts_binance_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;

  /* a trade first, so that a bookTicker has an exchange time */
  g_assert_true (ts_binance_decoder_decode (decoder, TRADE_COMBINED, -1, ticks, NULL));
  g_array_set_size (ticks, 0);

  g_assert_false (ts_binance_decoder_decode (decoder, bad->text, -1, ticks, &error));
  g_assert_error (error, TS_FEED_ERROR, (gint) bad->code);
  g_assert_cmpuint (ticks->len, ==, 0);
  g_assert_cmpuint (ts_binance_decoder_get_rejected (decoder), ==, 1);
  g_assert_cmpuint (ts_binance_decoder_get_stats (decoder)->rejected_by_code[bad->code], ==, 1);
}

#define AGG_TRADE \
  "{\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"E\":1723161255343,\"s\":\"BTCUSDT\"," \
  "\"a\":3117553117,\"p\":\"61837.63000000\",\"q\":\"0.12000000\",\"f\":3735683259,\"l\":3735683261," \
  "\"T\":1723161255342,\"m\":false,\"M\":true}}"

static void
test_agg_trade (void)
{
  g_autoptr(TsBinanceDecoder) decoder = ts_binance_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  const TsTick *t;

  g_assert_true (ts_binance_decoder_decode (decoder, AGG_TRADE, -1, ticks, &error));
  g_assert_no_error (error);
  t = last_tick (ticks);
  g_assert_true (ts_tick_is_valid (t));
  g_assert_cmpint (t->flags, ==, TS_TICK_TRADE);
  g_assert_cmpuint (t->seq, ==, G_GUINT64_CONSTANT (3117553117)); /* a, not f or l */
  g_assert_cmpfloat (t->price, ==, 61837.63);
  g_assert_cmpfloat (t->size, ==, 0.12);
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1723161255342000));
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_BUY);
  g_assert_cmpuint (ts_binance_decoder_get_event_count (decoder, TS_BINANCE_EVENT_AGG_TRADE), ==, 1);
}

#define DEPTH5 \
  "{\"stream\":\"btcusdt@depth5@100ms\",\"data\":{\"lastUpdateId\":50093239300," \
  "\"bids\":[[\"61837.62000000\",\"2.50000000\"],[\"61837.00000000\",\"1.00000000\"]]," \
  "\"asks\":[[\"61837.63000000\",\"0.75000000\"],[\"61838.00000000\",\"3.00000000\"]]}}"
#define DEPTH10_RAW \
  "{\"lastUpdateId\":160,\"bids\":[[\"0.0024\",\"10\"]],\"asks\":[[\"0.0026\",\"100\"]]}"

static void
test_partial_depth (void)
{
  g_autoptr(TsBinanceDecoder) decoder = ts_binance_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  const TsTick *t;

  /* no exchange time and no receive time: nothing to time it with */
  g_assert_true (ts_binance_decoder_decode (decoder, DEPTH5, -1, ticks, &error));
  g_assert_cmpuint (ticks->len, ==, 0);
  /* with a receive time */
  g_assert_true (ts_binance_decoder_decode_at (decoder, DEPTH5, -1, G_GINT64_CONSTANT (1723161255000000),
                                               ticks, &error));
  g_assert_no_error (error);
  t = last_tick (ticks);
  g_assert_true (ts_tick_is_valid (t));
  g_assert_cmpstr (t->symbol, ==, "BTCUSDT");
  g_assert_cmpint (t->flags, ==, TS_TICK_QUOTE);
  g_assert_cmpuint (t->seq, ==, G_GUINT64_CONSTANT (50093239300));
  g_assert_cmpfloat (t->bid, ==, 61837.62);
  g_assert_cmpfloat (t->bid_size, ==, 2.5);
  g_assert_cmpfloat (t->ask, ==, 61837.63);
  g_assert_cmpfloat (t->ask_size, ==, 0.75);
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1723161255000000));

  /* after an exchange event it takes the exchange time */
  g_assert_true (ts_binance_decoder_decode (decoder, TRADE_COMBINED, -1, ticks, &error));
  g_assert_true (ts_binance_decoder_decode_at (decoder, DEPTH5, -1, G_GINT64_CONSTANT (1723161299000000),
                                               ticks, &error));
  g_assert_cmpint (last_tick (ticks)->time_us, ==, G_GINT64_CONSTANT (1723161255343000));

  /* raw: a REST-shaped snapshot, unless the stream's symbol is set */
  g_array_set_size (ticks, 0);
  g_assert_true (ts_binance_decoder_decode (decoder, DEPTH10_RAW, -1, ticks, &error));
  g_assert_cmpuint (ticks->len, ==, 0);
  g_assert_cmpuint (ts_binance_decoder_get_event_count (decoder, TS_BINANCE_EVENT_DEPTH_SNAPSHOT), ==, 1);
  ts_binance_decoder_set_symbol (decoder, "bnbbtc");
  g_assert_true (ts_binance_decoder_decode (decoder, DEPTH10_RAW, -1, ticks, &error));
  g_assert_no_error (error);
  t = last_tick (ticks);
  g_assert_cmpstr (t->symbol, ==, "BNBBTC");
  g_assert_cmpfloat (t->bid, ==, 0.0024);
  g_assert_cmpfloat (t->ask_size, ==, 100.0);
  g_assert_cmpuint (ts_binance_decoder_get_event_count (decoder, TS_BINANCE_EVENT_PARTIAL_DEPTH), ==, 4);
}

static char *
depth_update (const char *symbol,
              gint64      first,
              gint64      last)
{
  return g_strdup_printf ("{\"stream\":\"x@depth\",\"data\":{\"e\":\"depthUpdate\",\"E\":1723161257208,"
                          "\"s\":\"%s\",\"U\":%" G_GINT64_FORMAT ",\"u\":%" G_GINT64_FORMAT ","
                          "\"b\":[],\"a\":[]}}", symbol, first, last);
}

static void
test_depth_gaps (void)
{
  g_autoptr(TsBinanceDecoder) decoder = ts_binance_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  struct { const char *symbol; gint64 first, last; } events[] = {
    { "BTCUSDT", 100, 110 },
    { "ETHUSDT", 500, 505 },
    { "BTCUSDT", 111, 120 },  /* follows */
    { "BTCUSDT", 125, 130 },  /* gap: 121..124 missed */
    { "ETHUSDT", 506, 510 },  /* follows, per symbol */
    { "BTCUSDT", 131, 131 },  /* follows */
    { "ETHUSDT", 510, 512 },  /* overlap: a gap too (U != u + 1) */
  };

  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autofree char *text = depth_update (events[i].symbol, events[i].first, events[i].last);
      g_autoptr(GError) error = NULL;

      g_assert_true (ts_binance_decoder_decode (decoder, text, -1, ticks, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (ticks->len, ==, 0);
  g_assert_cmpuint (ts_binance_decoder_get_gaps (decoder), ==, 2);
  g_assert_cmpuint (ts_binance_decoder_get_event_count (decoder, TS_BINANCE_EVENT_DEPTH_UPDATE), ==, 7);
}

static void
test_time_and_size_limits (void)
{
  g_autoptr(TsBinanceDecoder) decoder = ts_binance_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  gint64 t_us = G_GINT64_CONSTANT (1723161255342000);
  gsize n = TS_DECODER_MAX_MESSAGE_SIZE + 1;
  g_autofree char *big = g_malloc (n);

  /* 23 h off: fine; 25 h off either way: BAD_TIME */
  g_assert_true (ts_binance_decoder_decode_at (decoder, TRADE_COMBINED, -1,
                                               t_us + 23 * G_GINT64_CONSTANT (3600000000), ticks, &error));
  g_assert_no_error (error);
  g_assert_false (ts_binance_decoder_decode_at (decoder, TRADE_COMBINED, -1,
                                                t_us + 25 * G_GINT64_CONSTANT (3600000000), ticks, &error));
  g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_TIME);
  g_clear_error (&error);
  g_assert_false (ts_binance_decoder_decode_at (decoder, TRADE_COMBINED, -1,
                                                t_us - 25 * G_GINT64_CONSTANT (3600000000), ticks, &error));
  g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_TIME);
  g_clear_error (&error);

  memset (big, ' ', n);
  big[0] = '{';
  big[n - 1] = '}';
  g_assert_false (ts_binance_decoder_decode (decoder, big, (gssize) n, ticks, &error));
  g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_TOO_LARGE);

  g_assert_cmpuint (ticks->len, ==, 1);
  g_assert_cmpuint (ts_binance_decoder_get_stats (decoder)->rejected_by_code[TS_FEED_ERROR_BAD_TIME], ==, 2);
  g_assert_cmpuint (ts_binance_decoder_get_stats (decoder)->rejected_by_code[TS_FEED_ERROR_TOO_LARGE], ==, 1);
  g_assert_cmpuint (ts_binance_decoder_get_rejected (decoder), ==, 3);
}

static void
test_subscribe_message (void)
{
  const char * const symbols[] = { "BTCUSDT", "ethusdt", NULL };
  g_autofree char *text = ts_binance_decoder_dup_subscribe_message (symbols);

  g_assert_cmpstr (text, ==, "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@bookTicker\","
                   "\"ethusdt@trade\",\"ethusdt@bookTicker\"],\"id\":1}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/binance/trade-aggressor-from-m", test_trade);
  g_test_add_func ("/feed/binance/book-ticker-gets-latest-exchange-time", test_book_ticker_time);
  g_test_add_func ("/feed/binance/depth-snapshot-reply-skipped", test_skipped);
  g_test_add_func ("/feed/binance/agg-trade-id-as-seq", test_agg_trade);
  g_test_add_func ("/feed/binance/partial-depth-best-level-quote", test_partial_depth);
  g_test_add_func ("/feed/binance/diff-depth-gaps-per-symbol", test_depth_gaps);
  g_test_add_func ("/feed/binance/bad-time-and-too-large", test_time_and_size_limits);
  g_test_add_func ("/feed/binance/subscribe-message", test_subscribe_message);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed/binance/rejects/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_case);
    }

  return g_test_run ();
}
