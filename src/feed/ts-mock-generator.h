/* ts-mock-generator.h: deterministic synthetic ticks for the mock server
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "../core/ts-tick.h"

G_BEGIN_DECLS

/**
 * TsMockGenerator:
 *
 * Generates ticks for one or more symbols, a pure function of its
 * arguments and seed (own xoshiro256** generator seeded by splitmix64; no
 * wall clock, no global state). Every tick carries a trade and the L1 quote
 * after it (%TS_TICK_TRADE | %TS_TICK_QUOTE, some also %TS_TICK_FUNDING).
 *
 * The model, per symbol, on its own ticks (dt = 1 / @rate s):
 * - the mid follows a geometric Brownian motion, volatility 1e-4 per
 *   sqrt(s) (about 0.04 % over 15 s);
 * - momentum bursts: the first starts 5 to 20 s after the start, later ones
 *   10 to 40 s after the previous ended; each lasts 5 to 10 s with a drift
 *   of 0.03 % to 0.05 % per second up or down, and 75 % of the trades on
 *   the drift's side. So a burst always begins within the first 20 s, and
 *   the momentum-burst strategy at its defaults (STRATEGIES.md section 2)
 *   gets an entry within a minute at 20 ticks/s;
 * - trade sizes are lognormal around a notional of about 3,000 in quote
 *   currency, with volume spikes (3x to 8x) on 3 % of the trades, 15 % in a
 *   burst;
 * - the quote: bid = the mid rounded down to the 0.01 tick, ask one tick
 *   above (two ticks a quarter of the time); a buy trades at the ask, a sell
 *   at the bid;
 * - a swing cycle, in a random direction sigma (up or down) per cycle, so
 *   that every strategy of STRATEGIES.md trades within five minutes at its
 *   defaults (sections 1 to 5; tests/feed/test-mock-strategies.c):
 *   1. a free phase (the first 30 s, later 40 to 60 s): the GBM with the
 *      bursts and one V, 0.4 % against sigma in 1.5 s and back, 10 to 25 s
 *      into it (its sharp leg lifts the price 2.5 scales above the Maxwell
 *      strategy's average: its exit; either way it widens the swing);
 *   2. a rally of 1 % in 10 s in direction sigma (a burst too);
 *   3. a calm plateau of 110 s (volatility 2e-5), so the 5 s RSI(14)
 *      forgets most of the rally;
 *   4. a steady pullback in 50 s of 70 % of the swing from the cycle's
 *      extreme (the free phase's low, or high, included): ten 5 s bars
 *      all against sigma take the RSI below 30 (above 70 for sigma down)
 *      and the price to the 61.8 % Fibonacci level;
 *   5. a standstill of 40 s (volatility 1e-5): the RSI stays there while
 *      the MACD histogram climbs back towards 0;
 *   6. a bounce of 0.017 % per second for 20 s in direction sigma: the RSI
 *      crosses 30 (70) on its first bar and the MACD histogram turns on the
 *      second or third, near the 61.8 % level: the confluence entry (long
 *      for sigma up, short for down), at 250 or 255 s in the first cycle;
 * - quote sizes lognormal, leaning (bid / ask about e^+-1.2, e^+-3 in the
 *   bounce) to the side the price drifts to, so the imbalance is >= 0.2
 *   (<= -0.2) in a move;
 * - the first symbol and any containing "PERP" are perpetuals: their first
 *   tick of every 10 s has %TS_TICK_FUNDING, the rate a bounded random walk
 *   within +/- 0.008 %;
 * - a symbol at an odd index (the 2nd, 4th, ...) follows the one before it,
 *   cointegrated: its log price is the leader's plus a constant plus a
 *   mean-reverting spread (Ornstein-Uhlenbeck, half-life 4 s, noise 5e-5
 *   per sqrt(s)) that jumps by 0.1 % every 20 s from 17.5 s on, up and
 *   down in turn (from a random side), so the ratio of the two prices
 *   (MOCK-ETH / MOCK-BTC = 1/20 at the start) stays within about 0.15 %
 *   of its start. The pairs strategy's Engle-Granger test passes at its
 *   first fit (300 one-second bars, STRATEGIES.md section 4), and the jump
 *   2.5 s before it puts |z| between 1 and 3.5: an entry at 300 s. A
 *   follower has no bursts or cycle of its own.
 * Start prices: "MOCK-BTC" (and any name containing "BTC") 60,000, "ETH"
 * 3,000, else 100; a cointegrated follower starts at its own start price.
 *
 * Ticks are evenly spaced: with N symbols, tick k (from 0) is for symbol
 * k mod N at start + k x 1e6 / (@rate x N) µs; seq = k + 1.
 */
typedef struct _TsMockGenerator TsMockGenerator;

/**
 * ts_mock_generator_new:
 * @symbols: (nullable) (array zero-terminated=1): the symbols; %NULL or
 *   empty = { "MOCK-BTC", "MOCK-ETH" }, the pairs strategy's default pair
 *   (MOCK-ETH follows MOCK-BTC). Names longer than %TS_SYMBOL_MAX - 1 bytes
 *   are truncated.
 * @rate: ticks per second of simulated time per symbol, > 0
 * @start_time_us: time of the first tick, µs since the Unix epoch UTC
 * @seed: seed of the random numbers: same arguments, same ticks
 *
 * Returns: (transfer full): a generator
 */
TsMockGenerator *ts_mock_generator_new            (const char * const *symbols,
                                                   double              rate,
                                                   gint64              start_time_us,
                                                   guint64             seed);
/**
 * ts_mock_generator_free:
 * @self: (nullable): a generator
 */
void             ts_mock_generator_free           (TsMockGenerator    *self);

/**
 * ts_mock_generator_next:
 * @tick: (out): the next tick (valid: finite, > 0 prices and sizes, bid < ask)
 */
void             ts_mock_generator_next           (TsMockGenerator    *self,
                                                   TsTick             *tick);

/**
 * ts_mock_generator_peek_time_us:
 *
 * Returns: the time of the tick ts_mock_generator_next() gives next, µs
 *   since the Unix epoch UTC
 */
gint64           ts_mock_generator_peek_time_us   (const TsMockGenerator *self);

/**
 * ts_mock_generator_generate_until:
 * @until_us: µs since the Unix epoch UTC
 * @max_ticks: generate at most this many (0 = no limit)
 * @ticks: (element-type TsTick): the ticks are appended here
 *
 * Generates every tick with time_us <= @until_us, up to @max_ticks.
 *
 * Returns: how many ticks were appended
 */
guint            ts_mock_generator_generate_until (TsMockGenerator    *self,
                                                   gint64              until_us,
                                                   guint               max_ticks,
                                                   GArray             *ticks);

/** ts_mock_generator_get_n_symbols: Returns: how many symbols it generates */
guint            ts_mock_generator_get_n_symbols  (const TsMockGenerator *self);

/**
 * ts_mock_generator_get_symbol:
 * @index: < ts_mock_generator_get_n_symbols()
 *
 * Returns: (transfer none): the symbol at @index
 */
const char      *ts_mock_generator_get_symbol     (const TsMockGenerator *self,
                                                   guint               index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsMockGenerator, ts_mock_generator_free)

G_END_DECLS
