/* test-binance-decoder.c: Binance spot messages written by hand
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
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
  { "agg-trade", "{\"e\":\"aggTrade\",\"E\":1,\"s\":\"BTCUSDT\"}", TS_FEED_ERROR_UNKNOWN_EVENT },
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
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/binance/trade-aggressor-from-m", test_trade);
  g_test_add_func ("/feed/binance/book-ticker-gets-latest-exchange-time", test_book_ticker_time);
  g_test_add_func ("/feed/binance/depth-snapshot-reply-skipped", test_skipped);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed/binance/rejects/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_case);
    }

  return g_test_run ();
}
