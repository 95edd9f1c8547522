/* test-decoder.c: every venue behind TsDecoder; every kind of bad input
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "feed/ts-decoder.h"
#include "feed/ts-feed-error.h"

/* receive times: near the messages' own times, and 25 h off */
#define RECV_BINANCE  G_GINT64_CONSTANT (1723161256000000)
#define RECV_COINBASE G_GINT64_CONSTANT (1618677817200000)
#define RECV_BYBIT    G_GINT64_CONSTANT (1672304487000000)
#define RECV_MOCK     G_GINT64_CONSTANT (1723161255342000)
#define H25           (G_GINT64_CONSTANT (25) * 3600 * G_USEC_PER_SEC)

#define BN_TRADE(p, q) \
  "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\"," \
  "\"t\":3735683259,\"p\":" p ",\"q\":" q ",\"T\":1723161255342,\"m\":true,\"M\":true}}"
#define CB_MATCH(price, size) \
  "{\"type\":\"match\",\"trade_id\":280232,\"side\":\"sell\",\"size\":" size ",\"price\":" price "," \
  "\"product_id\":\"SKL-BTC\",\"sequence\":177100030,\"time\":\"2021-04-17T16:43:37.089723Z\"}"
#define BY_TRADE(p, v) \
  "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304486868,\"data\":[" \
  "{\"T\":1672304486865,\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":" v ",\"p\":" p ",\"i\":\"1\"}]}"
#define MK_TICK(price, size) \
  "{\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"MOCK-BTC\",\"time_us\":1723161255342000," \
  "\"price\":" price ",\"size\":" size ",\"side\":\"buy\"}]}"

typedef struct
{
  TsVenue      venue;
  const char  *name;
  const char  *text;
  gint64       receive_us;
  TsFeedError  code;
} BadCase;

static const BadCase bad_cases[] = {
  /* Binance */
  { TS_VENUE_BINANCE, "not-json", "{\"stream\":", RECV_BINANCE, TS_FEED_ERROR_NOT_JSON },
  { TS_VENUE_BINANCE, "root-array", "[1,2]", RECV_BINANCE, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_BINANCE, "price-number", BN_TRADE ("61837.63", "\"1\""), RECV_BINANCE, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_BINANCE, "missing-qty", "{\"e\":\"trade\",\"E\":1,\"s\":\"B\",\"t\":1,\"p\":\"1\",\"T\":1,\"m\":true}", RECV_BINANCE, TS_FEED_ERROR_MISSING_FIELD },
  { TS_VENUE_BINANCE, "price-nan", BN_TRADE ("\"nan\"", "\"1\""), RECV_BINANCE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BINANCE, "price-NaN", BN_TRADE ("\"NaN\"", "\"1\""), RECV_BINANCE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BINANCE, "price-inf", BN_TRADE ("\"inf\"", "\"1\""), RECV_BINANCE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BINANCE, "price-Infinity", BN_TRADE ("\"-Infinity\"", "\"1\""), RECV_BINANCE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BINANCE, "price-huge", BN_TRADE ("\"1e999\"", "\"1\""), RECV_BINANCE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BINANCE, "price-negative", BN_TRADE ("\"-61837.63\"", "\"1\""), RECV_BINANCE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BINANCE, "size-zero", BN_TRADE ("\"61837.63\"", "\"0.00000000\""), RECV_BINANCE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BINANCE, "price-trailing", BN_TRADE ("\"61837.63 \"", "\"1\""), RECV_BINANCE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BINANCE, "time-future", BN_TRADE ("\"61837.63\"", "\"1\""), RECV_BINANCE - H25, TS_FEED_ERROR_BAD_TIME },
  { TS_VENUE_BINANCE, "time-past", BN_TRADE ("\"61837.63\"", "\"1\""), RECV_BINANCE + H25, TS_FEED_ERROR_BAD_TIME },
  { TS_VENUE_BINANCE, "unknown-event", "{\"e\":\"kline\",\"E\":1723161255343,\"s\":\"BTCUSDT\"}", RECV_BINANCE, TS_FEED_ERROR_UNKNOWN_EVENT },
  /* Coinbase */
  { TS_VENUE_COINBASE, "not-json", "1618677817.1: {", RECV_COINBASE, TS_FEED_ERROR_NOT_JSON },
  { TS_VENUE_COINBASE, "root-string", "\"match\"", RECV_COINBASE, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_COINBASE, "price-number", CB_MATCH ("0.00001305", "\"985\""), RECV_COINBASE, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_COINBASE, "trade-id-string", "{\"type\":\"match\",\"trade_id\":\"280232\",\"side\":\"sell\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"SKL-BTC\",\"sequence\":1,\"time\":\"2021-04-17T16:43:37Z\"}", RECV_COINBASE, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_COINBASE, "missing-type", "{\"product_id\":\"SKL-BTC\"}", RECV_COINBASE, TS_FEED_ERROR_MISSING_FIELD },
  { TS_VENUE_COINBASE, "missing-time", "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"SKL-BTC\",\"sequence\":1}", RECV_COINBASE, TS_FEED_ERROR_MISSING_FIELD },
  { TS_VENUE_COINBASE, "price-nan", CB_MATCH ("\"nan\"", "\"985\""), RECV_COINBASE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_COINBASE, "size-inf", CB_MATCH ("\"0.00001305\"", "\"inf\""), RECV_COINBASE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_COINBASE, "price-negative", CB_MATCH ("\"-0.00001305\"", "\"985\""), RECV_COINBASE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_COINBASE, "size-zero", CB_MATCH ("\"0.00001305\"", "\"0\""), RECV_COINBASE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_COINBASE, "bad-side", "{\"type\":\"match\",\"trade_id\":1,\"side\":\"short\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"SKL-BTC\",\"sequence\":1,\"time\":\"2021-04-17T16:43:37Z\"}", RECV_COINBASE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_COINBASE, "bad-time-text", "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"SKL-BTC\",\"sequence\":1,\"time\":\"yesterday\"}", RECV_COINBASE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_COINBASE, "time-no-zone", "{\"type\":\"match\",\"trade_id\":1,\"side\":\"sell\",\"size\":\"1\",\"price\":\"1\",\"product_id\":\"SKL-BTC\",\"sequence\":1,\"time\":\"2021-04-17T16:43:37\"}", RECV_COINBASE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_COINBASE, "ticker-crossed", "{\"type\":\"ticker\",\"sequence\":1,\"product_id\":\"X-Y\",\"best_bid\":\"2\",\"best_ask\":\"1\",\"time\":\"2021-04-17T16:43:37Z\"}", RECV_COINBASE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_COINBASE, "l2-change-short", "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":[[\"buy\",\"1\"]],\"time\":\"2021-04-17T16:43:37Z\"}", RECV_COINBASE, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_COINBASE, "l2-size-negative", "{\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":[[\"buy\",\"1\",\"-1\"]],\"time\":\"2021-04-17T16:43:37Z\"}", RECV_COINBASE, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_COINBASE, "time-future", CB_MATCH ("\"0.00001305\"", "\"985\""), RECV_COINBASE - H25, TS_FEED_ERROR_BAD_TIME },
  { TS_VENUE_COINBASE, "time-past", CB_MATCH ("\"0.00001305\"", "\"985\""), RECV_COINBASE + H25, TS_FEED_ERROR_BAD_TIME },
  { TS_VENUE_COINBASE, "unknown-type", "{\"type\":\"received\",\"product_id\":\"X-Y\"}", RECV_COINBASE, TS_FEED_ERROR_UNKNOWN_EVENT },
  { TS_VENUE_COINBASE, "error-message", "{\"type\":\"error\",\"message\":\"Failed to subscribe\"}", RECV_COINBASE, TS_FEED_ERROR_UNKNOWN_EVENT },
  /* Bybit */
  { TS_VENUE_BYBIT, "not-json", "{\"topic\":\"publicTrade.BTCUSDT\",", RECV_BYBIT, TS_FEED_ERROR_NOT_JSON },
  { TS_VENUE_BYBIT, "root-number", "42", RECV_BYBIT, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_BYBIT, "data-not-array", "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304486868,\"data\":{}}", RECV_BYBIT, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_BYBIT, "price-number", BY_TRADE ("16578.50", "\"0.001\""), RECV_BYBIT, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_BYBIT, "missing-topic", "{\"type\":\"snapshot\",\"ts\":1672304486868,\"data\":[]}", RECV_BYBIT, TS_FEED_ERROR_MISSING_FIELD },
  { TS_VENUE_BYBIT, "missing-T", "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1,\"data\":[{\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"1\",\"p\":\"1\",\"i\":\"1\"}]}", RECV_BYBIT, TS_FEED_ERROR_MISSING_FIELD },
  { TS_VENUE_BYBIT, "price-nan", BY_TRADE ("\"nan\"", "\"0.001\""), RECV_BYBIT, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BYBIT, "size-infinity", BY_TRADE ("\"16578.50\"", "\"Infinity\""), RECV_BYBIT, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BYBIT, "price-negative", BY_TRADE ("\"-16578.50\"", "\"0.001\""), RECV_BYBIT, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BYBIT, "size-zero", BY_TRADE ("\"16578.50\"", "\"0\""), RECV_BYBIT, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BYBIT, "bad-side", "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304486868,\"data\":[{\"T\":1672304486865,\"s\":\"BTCUSDT\",\"S\":\"buy\",\"v\":\"1\",\"p\":\"1\",\"i\":\"1\"}]}", RECV_BYBIT, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BYBIT, "book-bad-type", "{\"topic\":\"orderbook.1.BTCUSDT\",\"type\":\"full\",\"ts\":1672304486868,\"data\":{\"s\":\"BTCUSDT\",\"b\":[],\"a\":[],\"u\":1}}", RECV_BYBIT, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BYBIT, "book-level-nan", "{\"topic\":\"orderbook.1.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672304486868,\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"NaN\",\"1\"]],\"a\":[],\"u\":1}}", RECV_BYBIT, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_BYBIT, "time-future", BY_TRADE ("\"16578.50\"", "\"0.001\""), RECV_BYBIT - H25, TS_FEED_ERROR_BAD_TIME },
  { TS_VENUE_BYBIT, "time-past", BY_TRADE ("\"16578.50\"", "\"0.001\""), RECV_BYBIT + H25, TS_FEED_ERROR_BAD_TIME },
  { TS_VENUE_BYBIT, "unknown-topic", "{\"topic\":\"kline.5.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1672324988882,\"data\":[]}", RECV_BYBIT, TS_FEED_ERROR_UNKNOWN_EVENT },
  /* the mock schema */
  { TS_VENUE_MOCK, "not-json", "{\"type\":", RECV_MOCK, TS_FEED_ERROR_NOT_JSON },
  { TS_VENUE_MOCK, "price-string", MK_TICK ("\"1\"", "1"), RECV_MOCK, TS_FEED_ERROR_WRONG_TYPE },
  { TS_VENUE_MOCK, "missing-ticks", "{\"type\":\"ticks\"}", RECV_MOCK, TS_FEED_ERROR_MISSING_FIELD },
  { TS_VENUE_MOCK, "price-negative", MK_TICK ("-1", "1"), RECV_MOCK, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_MOCK, "size-zero", MK_TICK ("1", "0"), RECV_MOCK, TS_FEED_ERROR_BAD_VALUE },
  { TS_VENUE_MOCK, "time-future", MK_TICK ("1", "1"), RECV_MOCK - H25, TS_FEED_ERROR_BAD_TIME },
  { TS_VENUE_MOCK, "time-past", MK_TICK ("1", "1"), RECV_MOCK + H25, TS_FEED_ERROR_BAD_TIME },
  { TS_VENUE_MOCK, "unknown-type", "{\"type\":\"candles\"}", RECV_MOCK, TS_FEED_ERROR_UNKNOWN_EVENT },
};

static void
test_bad_case (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(TsDecoder) decoder = ts_decoder_new (bad->venue);
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  const TsDecoderStats *stats;

  g_assert_false (ts_decoder_decode (decoder, bad->text, -1, bad->receive_us, ticks, &error));
  g_assert_error (error, TS_FEED_ERROR, (gint) bad->code);
  g_test_message ("%s: %s", ts_venue_to_string (bad->venue), error->message);
  g_assert_cmpuint (ticks->len, ==, 0);

  stats = ts_decoder_get_stats (decoder);
  g_assert_cmpuint (stats->messages, ==, 1);
  g_assert_cmpuint (stats->rejected, ==, 1);
  for (guint code = 0; code < TS_FEED_ERROR_N_CODES; code++)
    g_assert_cmpuint (stats->rejected_by_code[code], ==, code == (guint) bad->code ? 1 : 0);
  g_assert_cmpuint (ts_decoder_get_rejected_by_code (decoder, bad->code), ==, 1);

  /* without an error location it is counted all the same */
  g_assert_false (ts_decoder_decode (decoder, bad->text, -1, bad->receive_us, ticks, NULL));
  g_assert_cmpuint (ts_decoder_get_rejected_by_code (decoder, bad->code), ==, 2);
}

/* The same valid message with a receive time of 0: no time check. */
static void
test_no_receive_time (void)
{
  static const struct { TsVenue venue; const char *text; } good[] = {
    { TS_VENUE_BINANCE, BN_TRADE ("\"61837.63\"", "\"1\"") },
    { TS_VENUE_COINBASE, CB_MATCH ("\"0.00001305\"", "\"985\"") },
    { TS_VENUE_BYBIT, BY_TRADE ("\"16578.50\"", "\"0.001\"") },
    { TS_VENUE_MOCK, MK_TICK ("1", "1") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(TsDecoder) decoder = ts_decoder_new (good[i].venue);
      g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
      g_autoptr(GError) error = NULL;

      g_assert_true (ts_decoder_decode (decoder, good[i].text, -1, 0, ticks, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (ticks->len, ==, 1);
      g_assert_true (ts_tick_is_valid (&g_array_index (ticks, TsTick, 0)));
      g_assert_cmpint (g_array_index (ticks, TsTick, 0).flags, ==, TS_TICK_TRADE);
      g_assert_cmpuint (ts_decoder_get_stats (decoder)->trades, ==, 1);
    }
}

static void
test_too_large (void)
{
  gsize n = TS_DECODER_MAX_MESSAGE_SIZE + 1;
  g_autofree char *big = g_malloc (n + 1);

  /* valid JSON, only too long: rejected before parsing */
  memset (big, ' ', n);
  big[0] = '{';
  big[n - 1] = '}';
  big[n] = '\0';

  for (guint v = 0; v < TS_N_VENUES; v++)
    {
      g_autoptr(TsDecoder) decoder = ts_decoder_new ((TsVenue) v);
      g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
      g_autoptr(GError) error = NULL;

      g_assert_false (ts_decoder_decode (decoder, big, (gssize) n, 0, ticks, &error));
      g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_TOO_LARGE);
      g_clear_error (&error);
      g_assert_false (ts_decoder_decode (decoder, big, -1, 0, ticks, &error));
      g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_TOO_LARGE);
      g_assert_cmpuint (ts_decoder_get_rejected_by_code (decoder, TS_FEED_ERROR_TOO_LARGE), ==, 2);
    }
}

static void
test_subscribe_messages (void)
{
  const char * const symbols[] = { "BTCUSDT", NULL };
  const char * const products[] = { "BTC-USD", NULL };
  g_autoptr(TsDecoder) mock = ts_decoder_new (TS_VENUE_MOCK);
  g_autoptr(TsDecoder) binance = ts_decoder_new (TS_VENUE_BINANCE);
  g_autoptr(TsDecoder) coinbase = ts_decoder_new (TS_VENUE_COINBASE);
  g_autoptr(TsDecoder) bybit = ts_decoder_new (TS_VENUE_BYBIT);
  g_autofree char *b = ts_decoder_dup_subscribe_message (binance, symbols);
  g_autofree char *c = ts_decoder_dup_subscribe_message (coinbase, products);
  g_autofree char *y = ts_decoder_dup_subscribe_message (bybit, symbols);

  g_assert_null (ts_decoder_dup_subscribe_message (mock, symbols));
  g_assert_cmpstr (b, ==, "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@bookTicker\"],\"id\":1}");
  g_assert_cmpstr (c, ==, "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],"
                   "\"channels\":[\"matches\",\"ticker\",\"level2\"]}");
  g_assert_cmpstr (y, ==, "{\"op\":\"subscribe\",\"args\":[\"publicTrade.BTCUSDT\",\"orderbook.1.BTCUSDT\"]}");
}

static void
test_venues (void)
{
  TsVenue venue;

  for (guint v = 0; v < TS_N_VENUES; v++)
    {
      g_autoptr(TsDecoder) decoder = ts_decoder_new ((TsVenue) v);

      g_assert_true (ts_venue_from_string (ts_venue_to_string ((TsVenue) v), &venue));
      g_assert_cmpint (venue, ==, v);
      g_assert_cmpint (ts_decoder_get_venue (decoder), ==, v);
      g_assert_nonnull (ts_venue_get_default_url ((TsVenue) v));
    }
  g_assert_false (ts_venue_from_string ("kraken", &venue));
}

static void
test_mock_end (void)
{
  g_autoptr(TsDecoder) decoder = ts_decoder_new (TS_VENUE_MOCK);
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;

  g_assert_false (ts_decoder_is_finished (decoder));
  g_assert_true (ts_decoder_decode (decoder, "{\"type\":\"end\",\"reason\":\"replay finished\"}", -1,
                                    0, ticks, &error));
  g_assert_no_error (error);
  g_assert_true (ts_decoder_is_finished (decoder));
  g_assert_cmpuint (ts_decoder_get_stats (decoder)->skipped, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed/decoder/%s/rejects/%s",
                                               ts_venue_to_string (bad_cases[i].venue),
                                               bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_case);
    }
  g_test_add_func ("/feed/decoder/all/too-large-before-parsing", test_too_large);
  g_test_add_func ("/feed/decoder/all/no-receive-time-no-time-check", test_no_receive_time);
  g_test_add_func ("/feed/decoder/all/subscribe-messages", test_subscribe_messages);
  g_test_add_func ("/feed/decoder/all/venue-names", test_venues);
  g_test_add_func ("/feed/decoder/mock/end-finishes", test_mock_end);

  return g_test_run ();
}
