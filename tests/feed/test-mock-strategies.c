/* test-mock-strategies.c: every strategy trades on the mock server's
 * default stream within five minutes of exchange time, at its defaults
 *
 * Issue 3 point 6: "each strategy trades on the mock server within five
 * minutes at its defaults". The server's generator is a pure function of
 * its arguments and seed, so this test calls it directly with the
 * server's default options (ts_mock_server_options_init_default(): the
 * default symbols, 20 ticks/s per symbol) and pushes the ticks through the
 * engine in simulated time: no network, no wall clock.
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "core/ts-engine.h"
#include "core/strategies/ts-calculus-strategy.h"
#include "core/strategies/ts-confluence-strategy.h"
#include "core/strategies/ts-maxwell-strategy.h"
#include "core/strategies/ts-momentum-strategy.h"
#include "core/strategies/ts-pairs-strategy.h"
#include "feed/ts-mock-generator.h"
#include "feed/ts-mock-server.h"

/* a whole second, as a bar clock sees it: 2024-08-09 00:00:00 UTC */
#define START_US   G_GINT64_CONSTANT (1723161600000000)
#define LIMIT_S    300   /* five minutes */
#define N_SEEDS    10

/* in the app's order (ts-session.c), which is the order of the ids */
enum { S_MOMENTUM, S_MAXWELL, S_CALCULUS, S_PAIRS, S_CONFLUENCE, N_STRATEGIES };

static const char * const names[N_STRATEGIES] = {
  "momentum", "maxwell", "calculus", "pairs", "confluence",
};

/* each strategy from its own parameter defaults (STRATEGIES.md) */
static TsStrategy *
make_strategy (guint which)
{
  switch (which)
    {
    case S_MOMENTUM:
      {
        TsMomentumParams p;

        ts_momentum_params_init_default (&p);
        return ts_momentum_strategy_new (&p);
      }
    case S_MAXWELL:
      {
        TsMaxwellParams p;

        ts_maxwell_params_init_default (&p);
        return ts_maxwell_strategy_new (&p);
      }
    case S_CALCULUS:
      {
        TsCalculusParams p;

        ts_calculus_params_init_default (&p);
        return ts_calculus_strategy_new (&p);
      }
    case S_PAIRS:
      {
        TsPairsParams p;

        ts_pairs_params_init_default (&p);
        return ts_pairs_strategy_new (&p);
      }
    case S_CONFLUENCE:
    default:
      {
        TsConfluenceParams p;

        ts_confluence_params_init_default (&p);
        return ts_confluence_strategy_new (&p);
      }
    }
}

/* The symbols the app gives a strategy by default: its own (the pair's
 * MOCK-BTC, MOCK-ETH), MOCK-BTC for the others (ts-session.c
 * DEFAULT_MULTI_SYMBOL and the GSettings "<name>-symbol" defaults). */
static const char * const btc[] = { "MOCK-BTC", NULL };

static const char * const *
default_symbols (guint which)
{
  return which == S_PAIRS ? NULL : btc;
}

/* The server's default stream, generated in simulated time up to @seconds
 * after START_US (inclusive). */
static GArray *
generate_default (guint64 seed,
                  double  seconds)
{
  TsMockServerOptions options;
  g_autoptr(TsMockGenerator) gen = NULL;
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));

  ts_mock_server_options_init_default (&options);
  gen = ts_mock_generator_new (options.symbols, options.rate, START_US, seed);
  ts_mock_generator_generate_until (gen, START_US + (gint64) (seconds * G_USEC_PER_SEC), 0, ticks);
  return ticks;
}

/* Pushes @ticks into @engine; for every opening fill of a strategy id
 * (1 .. N_STRATEGIES) not seen yet, stores its time in first_us[id - 1]. */
static void
run (TsEngine *engine,
     GArray   *ticks,
     gint64    first_us[N_STRATEGIES])
{
  guint seen = 0;

  for (guint i = 0; i < ticks->len; i++)
    {
      const TsFill *fills;
      guint n_fills;

      ts_engine_push_tick (engine, &g_array_index (ticks, TsTick, i));
      fills = ts_engine_get_fills (engine, &n_fills);
      for (; seen < n_fills; seen++)
        {
          guint id = fills[seen].strategy_id;

          g_assert_cmpuint (id, >=, 1);
          g_assert_cmpuint (id, <=, N_STRATEGIES);
          if (fills[seen].opens && first_us[id - 1] < 0)
            first_us[id - 1] = fills[seen].time_us;
        }
    }
}

static void
append_times (GString      *line,
              const gint64  first_us[N_STRATEGIES])
{
  for (guint which = 0; which < N_STRATEGIES; which++)
    {
      if (first_us[which] < 0)
        g_string_append_printf (line, " %s none", names[which]);
      else
        g_string_append_printf (line, " %s %.2f s", names[which],
                                (first_us[which] - START_US) / 1e6);
    }
}

static void
assert_all_entered (const gint64 first_us[N_STRATEGIES],
                    guint64      seed,
                    const char  *config)
{
  for (guint which = 0; which < N_STRATEGIES; which++)
    {
      if (first_us[which] < 0)
        g_error ("seed %" G_GUINT64_FORMAT ", %s: %s made no entry in %d s",
                 seed, config, names[which], LIMIT_S);
      g_assert_cmpint (first_us[which], >=, START_US);
      g_assert_cmpint (first_us[which], <=, START_US + LIMIT_S * G_USEC_PER_SEC);
    }
}

/* The server's defaults generate both symbols of the pairs strategy's
 * default pair, MOCK-BTC first. */
static void
test_default_symbols (void)
{
  TsMockServerOptions options;
  g_autoptr(TsMockGenerator) gen = NULL;
  TsPairsParams pairs;

  ts_mock_server_options_init_default (&options);
  ts_pairs_params_init_default (&pairs);
  gen = ts_mock_generator_new (options.symbols, options.rate, START_US, 1);
  g_assert_cmpfloat (options.rate, ==, 20.0);
  g_assert_cmpuint (ts_mock_generator_get_n_symbols (gen), ==, 2);
  g_assert_cmpstr (ts_mock_generator_get_symbol (gen, 0), ==, "MOCK-BTC");
  g_assert_cmpstr (ts_mock_generator_get_symbol (gen, 1), ==, "MOCK-ETH");
  g_assert_cmpstr (pairs.symbol_a, ==, "MOCK-BTC");
  g_assert_cmpstr (pairs.symbol_b, ==, "MOCK-ETH");
}

/* Each strategy alone in a multi engine with the default risk and broker
 * parameters (no limit shared with another strategy). */
static void
test_each_alone (void)
{
  for (guint64 seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autoptr(GArray) ticks = generate_default (seed, LIMIT_S);
      g_autoptr(GString) line = g_string_new (NULL);
      gint64 first_us[N_STRATEGIES];

      for (guint which = 0; which < N_STRATEGIES; which++)
        {
          TsRiskParams risk;
          TsBrokerParams broker;
          g_autoptr(TsEngine) engine = NULL;
          gint64 one[N_STRATEGIES] = { -1, -1, -1, -1, -1 };

          ts_risk_params_init_default (&risk);
          ts_broker_params_init_default (&broker);
          engine = ts_engine_new_multi (&risk, &broker);
          g_assert_cmpuint (ts_engine_add_strategy (engine, make_strategy (which),
                                                    default_symbols (which)), ==, 1);
          run (engine, ticks, one);
          first_us[which] = one[0];
        }
      g_string_printf (line, "seed %" G_GUINT64_FORMAT ", alone:", seed);
      append_times (line, first_us);
      g_test_message ("%s", line->str);
      assert_all_entered (first_us, seed, "alone");

      /* by the generator's design (ts-mock-generator.h): the pair's
       * formation of 300 one-second bars ends with the MOCK-BTC tick at
       * 300 s, 2.5 s after a jump of the spread, so the first fit enters;
       * the first cycle's bounce starts at 30 + 10 + 110 + 50 + 40 = 240 s,
       * the RSI crosses on its first 5 s bar (closed at 245 s) and the
       * MACD histogram turns on the second or third */
      g_assert_cmpint (first_us[S_PAIRS], ==, START_US + 300 * G_USEC_PER_SEC);
      g_assert_true (first_us[S_CONFLUENCE] == START_US + 250 * G_USEC_PER_SEC
                     || first_us[S_CONFLUENCE] == START_US + 255 * G_USEC_PER_SEC);
    }
}

/* All five in one multi engine, added in the app's order (ts-session.c)
 * with the default broker parameters and @risk; fills first_us. */
static void
run_together (GArray             *ticks,
              const TsRiskParams *risk,
              gint64              first_us[N_STRATEGIES])
{
  g_autoptr(TsEngine) engine = NULL;
  TsBrokerParams broker;

  ts_broker_params_init_default (&broker);
  engine = ts_engine_new_multi (risk, &broker);
  for (guint which = 0; which < N_STRATEGIES; which++)
    {
      first_us[which] = -1;
      g_assert_cmpuint (ts_engine_add_strategy (engine, make_strategy (which),
                                                default_symbols (which)), ==, which + 1);
    }
  run (engine, ticks, first_us);
}

/* All five in one engine with the default risk parameters, as the app runs
 * them when every strategy is enabled: up to 5 positions per symbol and 5
 * in total (a pair counts once), so no strategy waits for another to leave
 * MOCK-BTC. Each enters within 5 minutes of simulated time. */
static void
test_together_default_risk (void)
{
  for (guint64 seed = 1; seed <= N_SEEDS; seed++)
    {
      g_autoptr(GArray) ticks = generate_default (seed, LIMIT_S);
      g_autoptr(GString) line = g_string_new (NULL);
      TsRiskParams risk;
      gint64 first_us[N_STRATEGIES];

      ts_risk_params_init_default (&risk);
      g_assert_cmpuint (risk.max_positions_per_symbol, ==, N_STRATEGIES);
      run_together (ticks, &risk, first_us);
      g_string_printf (line, "seed %" G_GUINT64_FORMAT ", together, default risk:", seed);
      append_times (line, first_us);
      g_test_message ("%s", line->str);
      assert_all_entered (first_us, seed, "together, default risk");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/mock-strategies/default-symbols-are-the-pair", test_default_symbols);
  g_test_add_func ("/feed/mock-strategies/each-alone-enters-within-5-min", test_each_alone);
  g_test_add_func ("/feed/mock-strategies/together-default-risk-enter-within-5-min", test_together_default_risk);

  return g_test_run ();
}
