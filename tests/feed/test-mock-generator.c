/* test-mock-generator.c: the generator is deterministic, valid, and gives
 * the momentum-burst strategy something to trade within a minute
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/ts-engine.h"
#include "feed/ts-mock-generator.h"

#define START_US G_GINT64_CONSTANT (1723161600000000) /* 2024-08-09 00:00:00 UTC */
#define RATE     20.0

static GArray *
generate (const char * const *symbols,
          guint64             seed,
          double              seconds)
{
  g_autoptr(TsMockGenerator) gen = ts_mock_generator_new (symbols, RATE, START_US, seed);
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));

  ts_mock_generator_generate_until (gen, START_US + (gint64) (seconds * G_USEC_PER_SEC), 0, ticks);
  return ticks;
}

static void
test_deterministic (void)
{
  g_autoptr(GArray) a = generate (NULL, 42, 30.0);
  g_autoptr(GArray) b = generate (NULL, 42, 30.0);
  g_autoptr(GArray) c = generate (NULL, 43, 30.0);

  /* the default symbols, MOCK-BTC and MOCK-ETH, 20 ticks/s each: 0, 25 ms,
   * ..., 30 s inclusive */
  g_assert_cmpuint (a->len, ==, 2 * 30 * 20 + 1);
  g_assert_cmpstr (g_array_index (a, TsTick, 0).symbol, ==, "MOCK-BTC");
  g_assert_cmpstr (g_array_index (a, TsTick, 1).symbol, ==, "MOCK-ETH");
  g_assert_cmpint (g_array_index (a, TsTick, 1).time_us, ==, START_US + 25000);
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * sizeof (TsTick), b->data, b->len * sizeof (TsTick));
  g_assert_cmpuint (c->len, ==, a->len);
  g_assert_true (memcmp (a->data, c->data, a->len * sizeof (TsTick)) != 0);
}

static void
test_valid_and_ordered (void)
{
  const char * const symbols[] = { "MOCK-BTC", "MOCK-ETH", "MOCK-SOL", NULL };
  g_autoptr(GArray) ticks = generate (symbols, 7, 600.0);
  guint per_symbol[3] = { 0, 0, 0 };

  g_assert_cmpuint (ticks->len, >=, 3 * 20 * 600);
  for (guint i = 0; i < ticks->len; i++)
    {
      const TsTick *t = &g_array_index (ticks, TsTick, i);

      g_assert_true (ts_tick_is_valid (t));
      g_assert_cmpint (t->flags & ~TS_TICK_FUNDING, ==, TS_TICK_TRADE | TS_TICK_QUOTE);
      if (t->flags & TS_TICK_FUNDING)
        g_assert_cmpfloat (fabs (t->funding_rate), <=, 1e-4);
      g_assert_cmpuint (t->seq, ==, i + 1);
      g_assert_cmpstr (t->symbol, ==, symbols[i % 3]);
      g_assert_true (t->bid < t->ask);
      g_assert_true (t->price == (t->aggressor == TS_SIDE_BUY ? t->ask : t->bid));
      if (i > 0)
        g_assert_cmpint (t->time_us, >, g_array_index (ticks, TsTick, i - 1).time_us);
      per_symbol[i % 3]++;
    }
  g_assert_cmpfloat (g_array_index (ticks, TsTick, 0).price, >, 59000.0);
  g_assert_cmpfloat (g_array_index (ticks, TsTick, 0).price, <, 61000.0);
  g_assert_cmpfloat (g_array_index (ticks, TsTick, 1).price, >, 2900.0);
  g_assert_cmpfloat (g_array_index (ticks, TsTick, 1).price, <, 3100.0);
  g_assert_cmpuint (per_symbol[0], <=, per_symbol[2] + 1);
  g_assert_cmpuint (per_symbol[0], >=, per_symbol[2]);
}

/* log (ETH / BTC) - log (3000 / 60000) of the trade pair (BTC, ETH) that
 * begins at tick @i */
static double
pair_deviation (GArray *ticks,
                guint   i)
{
  const TsTick *btc = &g_array_index (ticks, TsTick, i);
  const TsTick *eth = &g_array_index (ticks, TsTick, i + 1);

  g_assert_cmpstr (btc->symbol, ==, "MOCK-BTC");
  g_assert_cmpstr (eth->symbol, ==, "MOCK-ETH");
  return log (eth->price / btc->price) - log (3000.0 / 60000.0);
}

/* The follower (MOCK-ETH) stays within a band around 1/20 of the leader:
 * its log spread is an Ornstein-Uhlenbeck process (half-life 4 s, noise
 * 5e-5 per sqrt(s): stationary sd 5e-5 / sqrt (2 ln 2 / 4) = 8.5e-5) plus
 * jumps of 1e-3 every 20 s from 17.5 s on, up and down in turn, each
 * decayed to 2^-5 = 1/32 by the next. So |deviation| < 1e-3 (1 + 1/32)
 * + 6 sd (5.1e-4) + the 0.01 price tick (< 1e-5) < 0.0016. */
static void
test_cointegrated_pair (void)
{
  const char * const symbols[] = { "MOCK-BTC", "MOCK-ETH", NULL };
  g_autoptr(GArray) ticks = generate (symbols, 3, 1800.0);
  double max_dev = 0.0, jump[2];

  for (guint i = 0; i + 1 < ticks->len; i += 2)
    max_dev = MAX (max_dev, fabs (pair_deviation (ticks, i)));
  g_assert_cmpfloat (max_dev, <, 0.0016);

  /* the jumps at 17.5 s and 37.5 s: tick 700 is BTC at 17.5 s (25 ms per
   * tick), 701 the first ETH after the jump; over 50 ms the rest moves by
   * a few 1e-5 at most */
  g_assert_cmpint (g_array_index (ticks, TsTick, 701).time_us, ==, START_US + 17525000);
  jump[0] = pair_deviation (ticks, 700) - pair_deviation (ticks, 698);
  jump[1] = pair_deviation (ticks, 1500) - pair_deviation (ticks, 1498);
  g_assert_cmpfloat (fabs (fabs (jump[0]) - 1e-3), <, 1e-4);
  g_assert_cmpfloat (fabs (jump[1] + jump[0]), <, 2e-4);
}

/* STRATEGIES.md section 2, entry conditions at the defaults, recomputed here
 * on the MOCK-BTC trades in the last 15 s of exchange time. Returns the time
 * (s from the start) of the first tick where they hold, or -1. */
static double
first_entry (GArray *all)
{
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));

  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (g_array_index (all, TsTick, i).symbol, "MOCK-BTC"))
      g_array_append_val (ticks, g_array_index (all, TsTick, i));
  for (guint i = 0; i < ticks->len; i++)
    {
      const TsTick *last = &g_array_index (ticks, TsTick, i);
      gint64 from = last->time_us - 15 * G_USEC_PER_SEC;
      guint first = i, n;
      double lo = last->price, hi = last->price, sum_others = 0.0, momentum;

      while (first > 0 && g_array_index (ticks, TsTick, first - 1).time_us > from)
        first--;
      n = i - first + 1;
      if (n < 5)
        continue;
      for (guint j = first; j < i; j++)
        {
          const TsTick *t = &g_array_index (ticks, TsTick, j);

          lo = MIN (lo, t->price);
          hi = MAX (hi, t->price);
          sum_others += t->size;
        }
      momentum = (last->price - g_array_index (ticks, TsTick, first).price)
                 / g_array_index (ticks, TsTick, first).price;
      if (fabs (momentum) >= 0.0005
          && last->size > 1.5 * sum_others / (n - 1)
          && (hi - lo) / lo >= 0.001)
        return (last->time_us - START_US) / 1e6;
    }
  return -1;
}

static void
test_entry_within_a_minute (void)
{
  /* several seeds, so the tuning is not the luck of one */
  for (guint64 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(GArray) ticks = generate (NULL, seed, 60.0);
      double entry = first_entry (ticks);

      if (entry < 0)
        g_error ("seed %" G_GUINT64_FORMAT ": no momentum entry in 60 s", seed);
      g_test_message ("seed %" G_GUINT64_FORMAT ": first entry at %.2f s", seed, entry);
    }
}

/* The real engine at its defaults: entries within a minute, and over ten
 * minutes trades closed by the strategy's exits. */
static void
test_engine_trades (void)
{
  TsMomentumParams momentum;
  TsRiskParams risk;
  TsBrokerParams broker;
  g_autoptr(GHashTable) reasons = g_hash_table_new (g_str_hash, g_str_equal);
  guint total_trades = 0;

  ts_momentum_params_init_default (&momentum);
  ts_risk_params_init_default (&risk);
  ts_broker_params_init_default (&broker);

  for (guint64 seed = 1; seed <= 5; seed++)
    {
      g_autoptr(GArray) ticks = generate (NULL, seed, 600.0);
      g_autoptr(TsEngine) engine = ts_engine_new (&momentum, &risk, &broker);
      const TsFill *fills;
      const TsTrade *trades;
      guint n_fills = 0, n_trades = 0, i;
      gint64 first_fill_us = -1;

      for (i = 0; i < ticks->len; i++)
        {
          const TsTick *t = &g_array_index (ticks, TsTick, i);

          ts_engine_push_tick (engine, t);
          ts_engine_get_fills (engine, &n_fills);
          if (n_fills > 0 && first_fill_us < 0)
            first_fill_us = t->time_us;
        }
      fills = ts_engine_get_fills (engine, &n_fills);
      trades = ts_engine_get_trades (engine, &n_trades);
      g_assert_nonnull (fills);
      g_test_message ("seed %" G_GUINT64_FORMAT ": first fill at %.2f s, %u fills, %u trades",
                      seed, (first_fill_us - START_US) / 1e6, n_fills, n_trades);
      g_assert_cmpint (first_fill_us, >=, START_US);
      g_assert_cmpint (first_fill_us, <=, START_US + 60 * G_USEC_PER_SEC);
      g_assert_cmpuint (n_trades, >=, 3);
      {
        guint tp = 0, sl = 0, time_stop = 0, flat = 0;
        double pnl = 0.0;

        for (guint k = 0; k < n_trades; k++)
          {
            const char *r = trades[k].reason;

            g_hash_table_add (reasons, (gpointer) r);
            tp += g_str_equal (r, "TP");
            sl += g_str_equal (r, "SL");
            time_stop += g_str_equal (r, "TIME");
            flat += g_str_equal (r, "FLAT");
            pnl += trades[k].pnl;
          }
        g_test_message ("  TP %u, SL %u, TIME %u, FLAT %u, net P&L %.2f", tp, sl, time_stop, flat, pnl);
      }
      total_trades += n_trades;
    }

  g_assert_cmpuint (total_trades, >=, 15);
  g_assert_true (g_hash_table_contains (reasons, "TP"));
  g_assert_true (g_hash_table_contains (reasons, "SL") || g_hash_table_contains (reasons, "TIME")
                 || g_hash_table_contains (reasons, "FLAT"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/mock-generator/deterministic", test_deterministic);
  g_test_add_func ("/feed/mock-generator/valid-and-ordered", test_valid_and_ordered);
  g_test_add_func ("/feed/mock-generator/cointegrated-pair", test_cointegrated_pair);
  g_test_add_func ("/feed/mock-generator/momentum-entry-within-a-minute", test_entry_within_a_minute);
  g_test_add_func ("/feed/mock-generator/engine-trades-by-tp-sl-time-flat", test_engine_trades);

  return g_test_run ();
}
