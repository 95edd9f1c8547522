/* test-mock-codec.c: the mock schema round trip and its rejections
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "feed/ts-feed-error.h"
#include "feed/ts-mock-codec.h"

static TsTick
make_tick (void)
{
  TsTick t;

  memset (&t, 0, sizeof t);
  g_strlcpy (t.symbol, "MOCK-BTC", sizeof t.symbol);
  t.time_us = G_GINT64_CONSTANT (1723161255342000);
  t.seq = 17;
  t.flags = TS_TICK_TRADE | TS_TICK_QUOTE;
  t.aggressor = TS_SIDE_BUY;
  t.price = 61837.63;
  t.size = 0.02;
  t.bid = 61837.62;
  t.ask = 61837.63;
  t.bid_size = 3.78826;
  t.ask_size = 1.54698;
  return t;
}

static void
test_round_trip (void)
{
  TsTick in[3];
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *reason = NULL;
  TsMockMessageKind kind = TS_MOCK_MESSAGE_END;
  gsize length = 0;

  in[0] = make_tick ();
  in[1] = make_tick ();  /* trade only, seller aggressor, awkward doubles */
  in[1].flags = TS_TICK_TRADE;
  in[1].aggressor = TS_SIDE_SELL;
  in[1].price = 0.1 + 0.2;
  in[1].size = 1e-8;     /* json-glib 1.6 alone writes "1e-08.0" */
  in[1].bid = in[1].ask = in[1].bid_size = in[1].ask_size = 0.0;
  in[1].seq = G_GUINT64_CONSTANT (3735683259);
  g_strlcpy (in[1].symbol, "X\"1e5.0\\", sizeof in[1].symbol); /* left alone by the repair */
  in[2] = make_tick ();  /* quote only */
  in[2].flags = TS_TICK_QUOTE;
  in[2].aggressor = TS_SIDE_NONE;
  in[2].price = in[2].size = 0.0;
  in[2].bid = 2e+20;     /* and "2e+20.0" */
  in[2].ask = 3e+20;
  g_strlcpy (in[2].symbol, "ETHUSDT", sizeof in[2].symbol);

  text = ts_mock_codec_encode_ticks (in, 3, &length);
  g_assert_nonnull (text);
  g_assert_cmpuint (length, ==, strlen (text));
  g_assert_true (g_str_has_prefix (text, "{\"type\":\"ticks\",\"ticks\":["));

  g_assert_true (ts_mock_codec_decode (text, (gssize) length, out, &kind, &reason, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, TS_MOCK_MESSAGE_TICKS);
  g_assert_null (reason);
  g_assert_cmpuint (out->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const TsTick *a = &in[i];
      const TsTick *b = &g_array_index (out, TsTick, i);

      g_assert_cmpstr (a->symbol, ==, b->symbol);
      g_assert_cmpint (a->time_us, ==, b->time_us);
      g_assert_cmpuint (a->seq, ==, b->seq);
      g_assert_cmpint (a->flags, ==, b->flags);
      g_assert_cmpint (a->aggressor, ==, b->aggressor);
      /* exact, bit for bit */
      g_assert_true (a->price == b->price);
      g_assert_true (a->size == b->size);
      g_assert_true (a->bid == b->bid);
      g_assert_true (a->ask == b->ask);
      g_assert_true (a->bid_size == b->bid_size);
      g_assert_true (a->ask_size == b->ask_size);
    }
}

static void
test_empty_batch_and_end (void)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = ts_mock_codec_encode_ticks (NULL, 0, NULL);
  g_autofree char *end = ts_mock_codec_encode_end ("replay finished", NULL);
  g_autofree char *reason = NULL;
  TsMockMessageKind kind;

  g_assert_cmpstr (text, ==, "{\"type\":\"ticks\",\"ticks\":[]}");
  g_assert_true (ts_mock_codec_decode (text, -1, out, &kind, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, TS_MOCK_MESSAGE_TICKS);
  g_assert_cmpuint (out->len, ==, 0);

  g_assert_cmpstr (end, ==, "{\"type\":\"end\",\"reason\":\"replay finished\"}");
  g_assert_true (ts_mock_codec_decode (end, -1, out, &kind, &reason, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, TS_MOCK_MESSAGE_END);
  g_assert_cmpstr (reason, ==, "replay finished");
  g_assert_cmpuint (out->len, ==, 0);
}

static void
test_hand_written (void)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  const char *text =
    "{\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"MOCK-BTC\",\"time_us\":1723161255342000,"
    "\"seq\":17,\"price\":61837.63,\"size\":0.02,\"side\":\"sell\"},"
    "{\"symbol\":\"MOCK-BTC\",\"time_us\":1723161255342001,\"bid\":61837,\"ask\":61838,"
    "\"bid_size\":1,\"ask_size\":2}]}";
  const TsTick *t;

  g_assert_true (ts_mock_codec_decode (text, -1, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (out->len, ==, 2);
  t = &g_array_index (out, TsTick, 0);
  g_assert_cmpint (t->flags, ==, TS_TICK_TRADE);
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_SELL);
  g_assert_cmpfloat (t->price, ==, 61837.63);
  g_assert_cmpfloat (t->size, ==, 0.02);
  g_assert_cmpint (t->time_us, ==, G_GINT64_CONSTANT (1723161255342000));
  g_assert_cmpuint (t->seq, ==, 17);
  t = &g_array_index (out, TsTick, 1);
  g_assert_cmpint (t->flags, ==, TS_TICK_QUOTE);
  g_assert_cmpuint (t->seq, ==, 0);
  g_assert_cmpfloat (t->bid, ==, 61837.0);  /* integers are numbers too */
  g_assert_cmpfloat (t->ask_size, ==, 2.0);
}

typedef struct
{
  const char *name;
  const char *text;
  TsFeedError code;
} BadCase;

#define TICK_HEAD "{\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"MOCK-BTC\",\"time_us\":1723161255342000,"

static const BadCase bad_cases[] = {
  { "not-json", "{\"type\":\"ticks\",", TS_FEED_ERROR_NOT_JSON },
  { "garbage", "\x01\x02 hello", TS_FEED_ERROR_NOT_JSON },
  { "empty", "", TS_FEED_ERROR_NOT_JSON },
  { "root-array", "[1,2,3]", TS_FEED_ERROR_WRONG_TYPE },
  { "type-number", "{\"type\":3}", TS_FEED_ERROR_WRONG_TYPE },
  { "no-type", "{\"ticks\":[]}", TS_FEED_ERROR_MISSING_FIELD },
  { "unknown-type", "{\"type\":\"candles\",\"candles\":[]}", TS_FEED_ERROR_UNKNOWN_EVENT },
  { "no-ticks", "{\"type\":\"ticks\"}", TS_FEED_ERROR_MISSING_FIELD },
  { "ticks-object", "{\"type\":\"ticks\",\"ticks\":{}}", TS_FEED_ERROR_WRONG_TYPE },
  { "tick-not-object", "{\"type\":\"ticks\",\"ticks\":[42]}", TS_FEED_ERROR_WRONG_TYPE },
  { "no-time", "{\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"X\",\"price\":1,\"size\":1}]}", TS_FEED_ERROR_MISSING_FIELD },
  { "time-double", "{\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"X\",\"time_us\":1.5,\"price\":1,\"size\":1}]}", TS_FEED_ERROR_WRONG_TYPE },
  { "time-negative", "{\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"X\",\"time_us\":-5,\"price\":1,\"size\":1}]}", TS_FEED_ERROR_BAD_VALUE },
  { "no-symbol", "{\"type\":\"ticks\",\"ticks\":[{\"time_us\":1,\"price\":1,\"size\":1}]}", TS_FEED_ERROR_MISSING_FIELD },
  { "symbol-too-long", "{\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"ABCDEFGHIJKLMNOPQRSTUVWXYZ\",\"time_us\":1,\"price\":1,\"size\":1}]}", TS_FEED_ERROR_BAD_VALUE },
  { "no-fields", TICK_HEAD "\"seq\":1}]}", TS_FEED_ERROR_MISSING_FIELD },
  { "price-no-size", TICK_HEAD "\"price\":1}]}", TS_FEED_ERROR_MISSING_FIELD },
  { "price-string", TICK_HEAD "\"price\":\"61837.63\",\"size\":1}]}", TS_FEED_ERROR_WRONG_TYPE },
  { "price-negative", TICK_HEAD "\"price\":-61837.63,\"size\":1}]}", TS_FEED_ERROR_BAD_VALUE },
  { "price-zero", TICK_HEAD "\"price\":0,\"size\":1}]}", TS_FEED_ERROR_BAD_VALUE },
  { "price-infinite", TICK_HEAD "\"price\":1e999,\"size\":1}]}", TS_FEED_ERROR_BAD_VALUE },
  { "size-negative", TICK_HEAD "\"price\":1,\"size\":-0.5}]}", TS_FEED_ERROR_BAD_VALUE },
  { "side-bad", TICK_HEAD "\"price\":1,\"size\":1,\"side\":\"up\"}]}", TS_FEED_ERROR_BAD_VALUE },
  { "bid-above-ask", TICK_HEAD "\"bid\":101,\"ask\":100,\"bid_size\":1,\"ask_size\":1}]}", TS_FEED_ERROR_BAD_VALUE },
  { "quote-partial", TICK_HEAD "\"bid\":99,\"ask\":100}]}", TS_FEED_ERROR_MISSING_FIELD },
  { "seq-negative", TICK_HEAD "\"seq\":-1,\"price\":1,\"size\":1}]}", TS_FEED_ERROR_BAD_VALUE },
  { "seq-string", TICK_HEAD "\"seq\":\"1\",\"price\":1,\"size\":1}]}", TS_FEED_ERROR_WRONG_TYPE },
  { "end-reason-number", "{\"type\":\"end\",\"reason\":5}", TS_FEED_ERROR_WRONG_TYPE },
};

static void
test_bad_case (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;

  g_assert_false (ts_mock_codec_decode (bad->text, -1, out, NULL, NULL, &error));
  g_assert_error (error, TS_FEED_ERROR, (gint) bad->code);
  g_assert_cmpuint (out->len, ==, 0);
}

/* A NaN cannot be written in JSON: json-glib either refuses the text, or
 * (should it ever accept the literal) the value check must. */
static void
test_nan (void)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  TsTick t = make_tick ();
  g_autofree char *text = NULL;

  g_assert_false (ts_mock_codec_decode (TICK_HEAD "\"price\":NaN,\"size\":1}]}", -1, out, NULL,
                                        NULL, &error));
  g_assert_true (g_error_matches (error, TS_FEED_ERROR, TS_FEED_ERROR_NOT_JSON)
                 || g_error_matches (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE));
  g_clear_error (&error);

  /* whatever the generator writes for a NaN, it does not come back valid */
  t.price = NAN;
  text = ts_mock_codec_encode_ticks (&t, 1, NULL);
  g_assert_false (ts_mock_codec_decode (text, -1, out, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (out->len, ==, 0);
}

static void
test_one_bad_tick_rejects_all (void)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  TsTick in[2] = { make_tick (), make_tick () };
  g_autofree char *text = NULL;

  g_array_set_size (out, 1); /* existing content is kept */
  in[1].bid = in[1].ask + 1.0;
  text = ts_mock_codec_encode_ticks (in, 2, NULL);
  g_assert_false (ts_mock_codec_decode (text, -1, out, NULL, NULL, &error));
  g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE);
  g_assert_cmpuint (out->len, ==, 1);
}

static void
test_too_large (void)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) error = NULL;
  gsize n = TS_MOCK_CODEC_MAX_MESSAGE_SIZE + 16;
  g_autofree char *text = g_malloc (n + 1);

  memset (text, ' ', n);
  text[n] = '\0';
  memcpy (text, "{\"type\":\"ticks\",\"ticks\":[]}", 27);
  g_assert_false (ts_mock_codec_decode (text, (gssize) n, out, NULL, NULL, &error));
  g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/mock-codec/round-trip-exact", test_round_trip);
  g_test_add_func ("/feed/mock-codec/empty-batch-and-end", test_empty_batch_and_end);
  g_test_add_func ("/feed/mock-codec/hand-written", test_hand_written);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/feed/mock-codec/rejects/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_case);
    }
  g_test_add_func ("/feed/mock-codec/rejects/nan", test_nan);
  g_test_add_func ("/feed/mock-codec/rejects/one-bad-tick-rejects-all", test_one_bad_tick_rejects_all);
  g_test_add_func ("/feed/mock-codec/rejects/too-large", test_too_large);

  return g_test_run ();
}
