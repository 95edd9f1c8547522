/* test-mock-codec.c: the mock schema round trip and its rejections
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "feed/ts-feed-error.h"
#include "feed/ts-mock-codec.h"
#include "feed/ts-mock-generator.h"

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

/* The fast path against json-glib: same ticks, bit for bit. */
static void
assert_same_ticks (GArray *a,
                   GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const TsTick *x = &g_array_index (a, TsTick, i);
      const TsTick *y = &g_array_index (b, TsTick, i);

      g_assert_cmpstr (x->symbol, ==, y->symbol);
      g_assert_cmpint (x->time_us, ==, y->time_us);
      g_assert_cmpuint (x->seq, ==, y->seq);
      g_assert_cmpint (x->flags, ==, y->flags);
      g_assert_cmpint (x->aggressor, ==, y->aggressor);
      /* the bits, not ==: a -0 or a NaN would slip through == */
      g_assert_cmpmem (&x->price, sizeof (double), &y->price, sizeof (double));
      g_assert_cmpmem (&x->size, sizeof (double), &y->size, sizeof (double));
      g_assert_cmpmem (&x->bid, sizeof (double), &y->bid, sizeof (double));
      g_assert_cmpmem (&x->ask, sizeof (double), &y->ask, sizeof (double));
      g_assert_cmpmem (&x->bid_size, sizeof (double), &y->bid_size, sizeof (double));
      g_assert_cmpmem (&x->ask_size, sizeof (double), &y->ask_size, sizeof (double));
      g_assert_cmpmem (&x->funding_rate, sizeof (double), &y->funding_rate, sizeof (double));
      g_assert_cmpmem (x, sizeof *x, y, sizeof *y);
    }
}

/* Decodes @text (exactly @length bytes, copied to a buffer of that size, so
 * a read past the end shows under valgrind or ASan) through the fast path,
 * json-glib alone and ts_mock_codec_decode(): when the fast path handles
 * it, json-glib accepts it with the same ticks; ts_mock_codec_decode()
 * always gives what json-glib gives, error code and message included.
 * Returns whether the fast path handled it. */
static gboolean
check_against_json (const char *text,
                    gsize       length)
{
  g_autofree char *copy = g_memdup2 (text, length);
  g_autoptr(GArray) fast = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GArray) json = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GError) full_error = NULL;
  g_autofree char *json_reason = NULL;
  g_autofree char *full_reason = NULL;
  TsMockMessageKind json_kind = TS_MOCK_MESSAGE_END, full_kind = TS_MOCK_MESSAGE_END;
  gboolean handled, json_ok, full_ok;

  handled = ts_mock_codec_decode_fast (copy != NULL ? copy : "", length, fast);
  json_ok = ts_mock_codec_decode_json (copy != NULL ? copy : "", (gssize) length, json,
                                       &json_kind, &json_reason, &json_error);
  full_ok = ts_mock_codec_decode (copy != NULL ? copy : "", (gssize) length, full,
                                  &full_kind, &full_reason, &full_error);

  if (handled)
    {
      g_assert_true (json_ok);
      g_assert_cmpint (json_kind, ==, TS_MOCK_MESSAGE_TICKS);
      assert_same_ticks (fast, json);
    }
  else
    g_assert_cmpuint (fast->len, ==, 0);

  g_assert_cmpint (full_ok, ==, json_ok);
  assert_same_ticks (full, json);
  g_assert_cmpstr (full_reason, ==, json_reason);
  if (json_ok)
    {
      g_assert_no_error (json_error);
      g_assert_no_error (full_error);
      g_assert_cmpint (full_kind, ==, json_kind);
    }
  else
    {
      g_assert_nonnull (json_error);
      g_assert_error (full_error, json_error->domain, json_error->code);
      g_assert_cmpstr (full_error->message, ==, json_error->message);
      g_assert_cmpuint (json->len, ==, 0);
    }
  return handled;
}

/* Generated batches, as the server sends them: every one handled by the
 * fast path, with json-glib's ticks, which are the generator's. */
static void
test_fast_generated (void)
{
  const char * const pair[] = { "MOCK-BTC", "MOCK-ETH", NULL };
  const char * const perps[] = { "BTC-PERP", "SOL-PERP", "ABCDEFGHIJKLMNOPQRSTUVW", NULL };
  const char * const *symbol_sets[] = { pair, perps };
  guint messages = 0, with_funding = 0, trade_only = 0, quote_only = 0, no_side = 0;

  for (guint set = 0; set < G_N_ELEMENTS (symbol_sets); set++)
    for (guint64 seed = 1; seed <= 6; seed++)
      {
        g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) seed);
        TsMockGenerator *generator = ts_mock_generator_new (symbol_sets[set], 2.0 + (double) seed,
                                                            G_GINT64_CONSTANT (1723161255342000), seed);
        g_autoptr(GArray) in = g_array_new (FALSE, FALSE, sizeof (TsTick));

        for (guint b = 0; b < 40; b++)
          {
            /* 0 to 40 ticks, now and then a full batch */
            guint n = b % 13 == 5 ? TS_MOCK_CODEC_MAX_BATCH : (guint) g_rand_int_range (rand, 0, 41);
            g_autofree char *text = NULL;
            g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (TsTick));
            gsize length;

            g_array_set_size (in, n);
            for (guint i = 0; i < n; i++)
              {
                TsTick *t = &g_array_index (in, TsTick, i);

                ts_mock_generator_next (generator, t);
                /* as a replayed recording sends them: trades and quotes apart */
                switch (g_rand_int_range (rand, 0, 8))
                  {
                  case 0:
                    t->flags &= ~TS_TICK_QUOTE;
                    t->bid = t->ask = t->bid_size = t->ask_size = 0.0;
                    trade_only++;
                    break;
                  case 1:
                    t->flags &= ~TS_TICK_TRADE;
                    t->price = t->size = 0.0;
                    t->aggressor = TS_SIDE_NONE;
                    quote_only++;
                    break;
                  case 2:
                    t->aggressor = TS_SIDE_NONE;
                    no_side++;
                    break;
                  default:
                    break;
                  }
                with_funding += (t->flags & TS_TICK_FUNDING) != 0;
              }
            text = ts_mock_codec_encode_ticks ((const TsTick *) (gpointer) in->data, n, &length);
            g_assert_true (check_against_json (text, length));
            g_assert_true (ts_mock_codec_decode_fast (text, length, out));
            assert_same_ticks (out, in);
            messages++;
          }
        ts_mock_generator_free (generator);
      }
  g_test_message ("%u messages: %u ticks with funding, %u trade only, %u quote only, %u without side",
                  messages, with_funding, trade_only, quote_only, no_side);
  g_assert_cmpuint (with_funding, >, 10);
  g_assert_cmpuint (trade_only, >, 100);
  g_assert_cmpuint (quote_only, >, 100);
  g_assert_cmpuint (no_side, >, 100);
}

/* Awkward doubles, over the whole range, in every number field: the
 * fast path's g_ascii_strtod() gives json-glib's bits. */
static double
random_double (GRand *rand)
{
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0: /* any magnitude a double has, denormals included */
      return ldexp (g_rand_double_range (rand, 0.5, 1.0), g_rand_int_range (rand, -1070, 1020));
    case 1: /* prices on a 0.01 grid */
      return (double) g_rand_int_range (rand, 1, 100000000) / 100.0;
    case 2: /* whole numbers: "61837.0" */
      return (double) g_rand_int_range (rand, 1, G_MAXINT32);
    case 3: /* any bits of a positive finite double */
      {
        guint64 bits = ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) & G_GUINT64_CONSTANT (0x7fefffffffffffff);
        double value;

        memcpy (&value, &bits, sizeof value);
        return value > 0.0 ? value : 1.0;
      }
    case 4: /* sums that do not round trip in fewer than 17 digits */
      return g_rand_double_range (rand, 0.0, 1.0) + g_rand_double_range (rand, 1e-9, 1e-3);
    default: /* powers of ten, large and small: "1e-08", "2e+20" */
      return g_rand_int_range (rand, 1, 10) * pow (10.0, g_rand_int_range (rand, -30, 30));
    }
}

static void
test_fast_doubles (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240808);
  guint handled = 0;

  for (guint m = 0; m < 300; m++)
    {
      TsTick in[20];
      g_autofree char *text = NULL;
      gsize length;

      for (guint i = 0; i < G_N_ELEMENTS (in); i++)
        {
          TsTick *t = &in[i];

          *t = make_tick ();
          t->price = random_double (rand);
          t->size = random_double (rand);
          t->bid = random_double (rand);
          t->ask = random_double (rand);
          if (t->bid > t->ask)
            {
              double swap = t->bid;

              t->bid = t->ask;
              t->ask = swap;
            }
          t->bid_size = random_double (rand);
          t->ask_size = random_double (rand);
          t->funding_rate = (g_rand_boolean (rand) ? -1.0 : 1.0) * random_double (rand);
          t->flags |= TS_TICK_FUNDING;
        }
      text = ts_mock_codec_encode_ticks (in, G_N_ELEMENTS (in), &length);
      handled += check_against_json (text, length);
    }
  /* all handled, or nearly: what is declined is checked all the same */
  g_test_message ("%u of 300 messages of random doubles handled by the fast path", handled);
  g_assert_cmpuint (handled, >=, 290);
}

#define ODD_HEAD "{\"type\":\"ticks\",\"ticks\":["
#define ODD_SYM "{\"symbol\":\"MOCK-BTC\",\"time_us\":1723161255342000,\"seq\":17,"
#define ODD_TRADE "\"price\":61837.629999999997,\"size\":0.02"
#define ODD_QUOTE "\"bid\":61837.620000000003,\"ask\":61837.629999999997,\"bid_size\":1.5,\"ask_size\":0.80000000000000004"

/* Inputs the server never writes: declined (then json-glib's result,
 * error or ticks), or handled with json-glib's very ticks. */
static const char * const odd_inputs[] = {
  /* the exact shape, as a reference: handled */
  ODD_HEAD ODD_SYM ODD_TRADE ",\"side\":\"buy\"," ODD_QUOTE ",\"funding_rate\":-8.0000000000000007e-05}]}",
  ODD_HEAD "]}",
  /* whitespace */
  "{\"type\": \"ticks\",\"ticks\":[]}",
  " {\"type\":\"ticks\",\"ticks\":[]}",
  "{\"type\":\"ticks\",\"ticks\":[]}\n",
  "{\"type\":\"ticks\",\"ticks\":[ ]}",
  ODD_HEAD "{\"symbol\":\"MOCK-BTC\", \"time_us\":1723161255342000,\"seq\":17," ODD_TRADE "}]}",
  ODD_HEAD ODD_SYM "\"price\" : 61837.63,\"size\":0.02}]}",
  ODD_HEAD ODD_SYM ODD_TRADE "}\r\n]}",
  ODD_HEAD ODD_SYM ODD_TRADE "}\t]}",
  /* reordered keys */
  "{\"ticks\":[],\"type\":\"ticks\"}",
  ODD_HEAD "{\"time_us\":1723161255342000,\"symbol\":\"MOCK-BTC\",\"seq\":17," ODD_TRADE "}]}",
  ODD_HEAD ODD_SYM "\"size\":0.02,\"price\":61837.63}]}",
  ODD_HEAD ODD_SYM ODD_QUOTE "," ODD_TRADE "}]}",
  ODD_HEAD ODD_SYM "\"ask\":61838,\"bid\":61837,\"bid_size\":1,\"ask_size\":2}]}",
  ODD_HEAD ODD_SYM "\"funding_rate\":0.0001," ODD_TRADE "}]}",
  ODD_HEAD ODD_SYM ODD_TRADE "," ODD_QUOTE ",\"side\":\"sell\"}]}",
  /* escaped strings */
  ODD_HEAD "{\"symbol\":\"MOCK\\u002dBTC\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"MOCK\\/BTC\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"MOCK\\\"BTC\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"MOCK\\\\\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"M\xc3\xa9TAL\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"BAD\xff\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"TAB\tX\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"side\":\"b\\u0075y\"}]}",
  "{\"type\":\"tick\\u0073\",\"ticks\":[]}",
  /* extra fields */
  "{\"type\":\"ticks\",\"ticks\":[],\"venue\":\"mock\"}",
  "{\"venue\":\"mock\",\"type\":\"ticks\",\"ticks\":[]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"venue\":\"mock\"}]}",
  ODD_HEAD ODD_SYM "\"venue\":\"mock\"," ODD_TRADE "}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"price\":1}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"side\":\"buy\",\"side\":\"sell\"}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"funding_rate\":1,\"funding_rate\":2}]}",
  "{\"type\":\"ticks\",\"type\":\"ticks\",\"ticks\":[]}",
  /* missing fields */
  ODD_HEAD "{\"symbol\":\"MOCK-BTC\",\"time_us\":1723161255342000," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"MOCK-BTC\",\"seq\":17," ODD_TRADE "}]}",
  ODD_HEAD "{\"time_us\":1723161255342000,\"seq\":17," ODD_TRADE "}]}",
  ODD_HEAD ODD_SYM "\"price\":61837.63}]}",
  ODD_HEAD ODD_SYM "\"size\":0.02}]}",
  ODD_HEAD ODD_SYM "\"side\":\"buy\"}]}",
  ODD_HEAD ODD_SYM "\"bid\":1,\"ask\":2,\"bid_size\":1}]}",
  ODD_HEAD ODD_SYM "\"funding_rate\":0.0001}]}",
  ODD_HEAD "{\"symbol\":\"MOCK-BTC\",\"time_us\":1723161255342000,\"seq\":17}]}",
  ODD_HEAD "{}]}",
  "{\"type\":\"ticks\"}",
  "{\"ticks\":[]}",
  "{}",
  /* NaN, Infinity and other tokens JSON does not have */
  ODD_HEAD ODD_SYM "\"price\":NaN,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":nan,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":Infinity,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":-Infinity,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":inf,\"size\":1}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"funding_rate\":NaN}]}",
  ODD_HEAD ODD_SYM "\"price\":null,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":true,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":\"61837.63\",\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":[1],\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":0x10,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":+1,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":.5,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1.,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1e,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1e+,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1e-08.0,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":010,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":00.5,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1E5,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1.5e0003,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1--2,\"size\":1}]}",
  /* huge, tiny, zero and negative numbers */
  ODD_HEAD ODD_SYM "\"price\":1e999,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1e308,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1.7976931348623157e308,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1.7976931348623159e308,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":4.9406564584124654e-324,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1e-400,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":123456789012345,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":1234567890123456,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":9007199254740993,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":123456789012345678901234567890,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":123456789012345678901234567890.5,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":0.00000000000000000000000000000000000000000000001,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":0,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":0.0,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":-0.0,\"size\":1}]}",
  ODD_HEAD ODD_SYM "\"price\":-1,\"size\":1}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"funding_rate\":0}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"funding_rate\":0.0}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"funding_rate\":-0}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"funding_rate\":-0.0}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"funding_rate\":-1e999}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"funding_rate\":-5e-324}]}",
  ODD_HEAD ODD_SYM "\"bid\":2,\"ask\":1,\"bid_size\":1,\"ask_size\":1}]}",
  ODD_HEAD ODD_SYM "\"bid\":1,\"ask\":1,\"bid_size\":1,\"ask_size\":1}]}",
  ODD_HEAD ODD_SYM "\"bid\":1,\"ask\":2,\"bid_size\":0,\"ask_size\":1}]}",
  /* integers: time_us and seq */
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":0,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":-1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":01723161255342000,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":999999999999999999,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":9223372036854775807,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":9223372036854775808,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":99999999999999999999999,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":1.5,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":1e6,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":1,\"seq\":0," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":1,\"seq\":00," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":1,\"seq\":-1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":1,\"seq\":18446744073709551615," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\",\"time_us\":1,\"seq\":1.0," ODD_TRADE "}]}",
  /* symbols */
  ODD_HEAD "{\"symbol\":\"\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"ABCDEFGHIJKLMNOPQRSTUVW\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"ABCDEFGHIJKLMNOPQRSTUVWX\",\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":5,\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  ODD_HEAD "{\"symbol\":\"X\" ,\"time_us\":1,\"seq\":1," ODD_TRADE "}]}",
  /* sides */
  ODD_HEAD ODD_SYM ODD_TRADE ",\"side\":\"BUY\"}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"side\":\"\"}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"side\":null}]}",
  ODD_HEAD ODD_SYM ODD_TRADE ",\"side\":\"buyer\"}]}",
  /* structure */
  ODD_HEAD ODD_SYM ODD_TRADE "},]}",
  ODD_HEAD ODD_SYM ODD_TRADE "}]}}",
  ODD_HEAD ODD_SYM ODD_TRADE "}]},",
  ODD_HEAD ODD_SYM ODD_TRADE "}]}{}",
  ODD_HEAD ODD_SYM ODD_TRADE "}]}x",
  ODD_HEAD ODD_SYM ODD_TRADE "}" ODD_SYM ODD_TRADE "}]}",
  ODD_HEAD ",]}",
  ODD_HEAD "null]}",
  ODD_HEAD "[]]}",
  "{\"type\":\"ticks\",\"ticks\":{}}",
  "{\"type\":\"ticks\",\"ticks\":null}",
  "{\"type\":\"end\",\"reason\":\"replay finished\"}",
  "{\"type\":\"end\"}",
  "{\"type\":\"candles\",\"ticks\":[]}",
  "[]",
  "",
  "x",
  "\x01\x02 hello",
  "{\"type\":\"ticks\",\"ticks\":[]}{\"type\":\"ticks\",\"ticks\":[]}",
};

static void
test_fast_odd_inputs (void)
{
  guint handled = 0;

  for (guint i = 0; i < G_N_ELEMENTS (odd_inputs); i++)
    {
      gboolean fast = check_against_json (odd_inputs[i], strlen (odd_inputs[i]));

      g_test_message ("odd input %u, %s: %s", i, fast ? "fast path" : "declined", odd_inputs[i]);
      handled += fast;
    }
  g_test_message ("%u of %u odd inputs handled by the fast path", handled,
                  (guint) G_N_ELEMENTS (odd_inputs));
  /* the reference shapes at least */
  g_assert_cmpuint (handled, >=, 2);
}

/* Every prefix of a valid message, every message with one byte changed to
 * a few others, and a NUL inside the given length. */
static void
test_fast_truncated_and_mutated (void)
{
  static const char replacements[] = { ' ', '"', '\\', ',', '}', ']', '-', '0', '9', 'e', '.', '\0', 'x' };
  TsTick in[3] = { make_tick (), make_tick (), make_tick () };
  g_autofree char *text = NULL;
  g_autofree char *copy = NULL;
  gsize length;

  in[1].flags |= TS_TICK_FUNDING;
  in[1].funding_rate = -7.5e-05;
  in[2].flags = TS_TICK_QUOTE;
  in[2].aggressor = TS_SIDE_NONE;
  text = ts_mock_codec_encode_ticks (in, 3, &length);
  g_assert_true (check_against_json (text, length));

  for (gsize n = 0; n < length; n++)
    g_assert_false (check_against_json (text, n));

  copy = g_strdup (text);
  for (gsize at = 0; at < length; at++)
    for (guint r = 0; r < G_N_ELEMENTS (replacements); r++)
      {
        copy[at] = replacements[r];
        check_against_json (copy, length);
        copy[at] = text[at];
      }
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
  g_test_add_func ("/feed/mock-codec/fast/generated", test_fast_generated);
  g_test_add_func ("/feed/mock-codec/fast/doubles", test_fast_doubles);
  g_test_add_func ("/feed/mock-codec/fast/odd-inputs", test_fast_odd_inputs);
  g_test_add_func ("/feed/mock-codec/fast/truncated-and-mutated", test_fast_truncated_and_mutated);

  return g_test_run ();
}
