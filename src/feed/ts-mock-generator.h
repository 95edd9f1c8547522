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
 * - a swing cycle (so every strategy of STRATEGIES.md trades within minutes):
 *   a free phase (the first 30 s, later 40 to 60 s) of the GBM with the
 *   bursts and one V dip (0.4 % down in 1.5 s and back, for the Maxwell
 *   exit) 10 to 25 s into it; a rally of 1 % in 10 s in a random direction
 *   (a burst too); a calm plateau of 115 s (volatility 3e-5); a pullback in
 *   20 s, decelerating, to about half the swing from the cycle's extreme;
 *   a very calm tail of 65 s creeping on (the RSI falls, the MACD turns);
 *   a bounce of 0.01 %/s for 20 s (the confluence entry);
 * - quote sizes lognormal, leaning (bid / ask about e^±1.2) to the side
 *   the price drifts to, so the imbalance is often >= 0.2 in an up-move;
 * - the first symbol and any containing "PERP" are perpetuals: their first
 *   tick of every 10 s has %TS_TICK_FUNDING, the rate a bounded random walk
 *   within +/- 0.008 %;
 * - a symbol at an odd index (the 2nd, 4th, ...) is cointegrated with the
 *   one before it: its log price is the leader's plus a constant plus a
 *   mean-reverting (Ornstein-Uhlenbeck, half-life 4 s) spread; it has
 *   no bursts or cycle of its own.
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
 *   empty = { "MOCK-BTC" }; pass { "MOCK-BTC", "MOCK-ETH" } for the pairs
 *   strategy's default pair. Names longer than %TS_SYMBOL_MAX - 1 bytes are
 *   truncated.
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
