/* ts-mock-generator.c: deterministic synthetic ticks for the mock server
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ts-mock-generator.h"

/* The numbers below are tuned together so that every strategy of
 * STRATEGIES.md enters within five minutes at its defaults on the default
 * symbols, whatever the seed (tests/feed/test-mock-strategies.c); the
 * reasons are in ts-mock-generator.h. */
#define VOLATILITY        1e-4   /* of log price per sqrt(s) */
#define FOLLOWER_SPREAD   5e-5   /* OU noise of a follower's log spread per sqrt(s) */
#define FOLLOWER_HALFLIFE 4.0    /* s */
#define DISLOCATION_SIZE  1e-3   /* log: a follower's jump off the pair's balance */
#define DISLOCATION_FIRST 17.5   /* s after the start */
#define DISLOCATION_EVERY 20.0   /* s */
#define FIRST_FREE_SECONDS 30.0
#define RALLY_SECONDS     10.0
#define RALLY_DRIFT       1e-3   /* log per s: a 1 % swing in 10 s */
#define PLATEAU_SECONDS   110.0
#define PLATEAU_VOLATILITY 2e-5
#define PULLBACK_SECONDS  50.0
#define PULLBACK_FRACTION 0.7    /* of the swing from the cycle's extreme */
#define CALM_VOLATILITY   3e-5   /* pullback, bounce */
#define PAUSE_SECONDS     40.0
#define PAUSE_VOLATILITY  1e-5
#define BOUNCE_SECONDS    20.0
#define BOUNCE_DRIFT      1.7e-4 /* log per s */
#define DIP_DEPTH         4e-3   /* log: the V moves against sigma and back this */
#define DIP_HALF_SECONDS  1.5
#define FUNDING_SECONDS   10.0
#define FUNDING_MAX       8e-5   /* |funding rate| per interval, fraction */
#define IMBALANCE_SKEW    0.6    /* log of the bid / ask size bias while drifting */
#define BOUNCE_SKEW       1.5    /* the same in the bounce (imbalance >= 0.2 nearly always) */

typedef enum
{
  PHASE_FREE,     /* GBM, momentum bursts and one V */
  PHASE_RALLY,    /* the swing: a fast 1 % move in direction sigma */
  PHASE_PLATEAU,  /* calm, so the RSI forgets the rally */
  PHASE_PULLBACK, /* a steady retracement of 70 % of the swing: the RSI goes deep */
  PHASE_PAUSE,    /* a standstill: the MACD catches up, the RSI stays low */
  PHASE_BOUNCE,   /* a turn back in direction sigma: the confluence entry */
} Phase;
#define NOTIONAL          3000.0 /* typical trade, quote currency */
#define INV_TICK          100.0  /* price tick 0.01 */

typedef struct
{
  char     symbol[TS_SYMBOL_MAX];
  gboolean follower;       /* cointegrated with the symbol before it */
  double   log_mid;
  double   log_offset;     /* follower: own start log price - leader's */
  double   spread;         /* follower: OU deviation of the log spread */
  gint64   next_dislocation_us; /* follower */
  double   dislocation;    /* follower: the next jump of the spread, +/- DISLOCATION_SIZE */
  double   base_size;      /* typical trade size, base units */
  double   inv_lot;        /* 1 / size granularity, a power of ten */
  gint64   next_burst_us;
  gint64   burst_end_us;
  double   burst_drift;    /* log drift per second while in a burst */
  Phase    phase;          /* leader: the swing cycle */
  gint64   phase_start_us;
  gint64   phase_end_us;
  double   sigma;          /* leader: the cycle's direction, +1 or -1 */
  double   cycle_extreme;  /* leader: log mid's min (sigma > 0) or max since the cycle began */
  double   pullback;       /* leader: log distance the pullback covers */
  gint64   dip_us;         /* leader: start of the V of the free phase */
  gboolean perpetual;      /* carries a funding rate */
  double   funding;
  gint64   next_funding_us;
} Symbol;

struct _TsMockGenerator
{
  guint64  state[4];       /* xoshiro256** */
  gboolean have_spare;
  double   spare;
  Symbol  *symbols;
  guint    n_symbols;
  double   rate;
  gint64   start_us;
  guint64  k;              /* ticks generated so far */
};

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static inline guint64
rotl (guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
next_u64 (TsMockGenerator *self)
{
  guint64 *s = self->state;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* uniform in [0, 1) */
static double
uniform (TsMockGenerator *self)
{
  return (double) (next_u64 (self) >> 11) * 0x1.0p-53;
}

static double
uniform_range (TsMockGenerator *self, double lo, double hi)
{
  return lo + (hi - lo) * uniform (self);
}

/* standard normal, Box-Muller */
static double
normal (TsMockGenerator *self)
{
  double u1, u2, r;

  if (self->have_spare)
    {
      self->have_spare = FALSE;
      return self->spare;
    }
  do
    u1 = uniform (self);
  while (u1 <= 0.0);
  u2 = uniform (self);
  r = sqrt (-2.0 * log (u1));
  self->spare = r * sin (2.0 * G_PI * u2);
  self->have_spare = TRUE;
  return r * cos (2.0 * G_PI * u2);
}

static double
start_price (const char *symbol)
{
  if (strstr (symbol, "BTC") != NULL)
    return 60000.0;
  if (strstr (symbol, "ETH") != NULL)
    return 3000.0;
  return 100.0;
}

static gint64
seconds_us (double s)
{
  return (gint64) (s * G_USEC_PER_SEC);
}

/* a new swing cycle: a free phase of 40 to 60 s (the first 30 s) with a
 * V 10 to 25 s into it, then rally, plateau, pullback, pause, bounce */
static void
start_cycle (TsMockGenerator *self,
             Symbol          *sym,
             gint64           now,
             gboolean         first)
{
  sym->phase = PHASE_FREE;
  sym->phase_start_us = now;
  sym->phase_end_us = now + seconds_us (first ? FIRST_FREE_SECONDS : uniform_range (self, 40.0, 60.0));
  sym->sigma = uniform (self) < 0.5 ? -1.0 : 1.0;
  sym->cycle_extreme = sym->log_mid;
  sym->dip_us = now + seconds_us (uniform_range (self, 10.0, 25.0));
}

static void
advance_phase (TsMockGenerator *self,
               Symbol          *sym)
{
  gint64 now = sym->phase_end_us;
  double seconds;

  switch (sym->phase)
    {
    case PHASE_FREE:
      sym->phase = PHASE_RALLY;
      seconds = RALLY_SECONDS;
      sym->burst_end_us = MIN (sym->burst_end_us, now);
      break;
    case PHASE_RALLY:
      sym->phase = PHASE_PLATEAU;
      seconds = PLATEAU_SECONDS;
      break;
    case PHASE_PLATEAU:
      sym->phase = PHASE_PULLBACK;
      seconds = PULLBACK_SECONDS;
      /* 70 % of the way back to the cycle's extreme */
      sym->pullback = MAX (0.0, sym->sigma * (sym->log_mid - sym->cycle_extreme) * PULLBACK_FRACTION);
      break;
    case PHASE_PULLBACK:
      sym->phase = PHASE_PAUSE;
      seconds = PAUSE_SECONDS;
      break;
    case PHASE_PAUSE:
      sym->phase = PHASE_BOUNCE;
      seconds = BOUNCE_SECONDS;
      break;
    case PHASE_BOUNCE:
    default:
      start_cycle (self, sym, now, FALSE);
      /* one draw: MAX evaluates its arguments more than once */
      seconds = uniform_range (self, 2.0, 10.0);
      sym->next_burst_us = MAX (sym->next_burst_us, now + seconds_us (seconds));
      return;
    }
  sym->phase_start_us = now;
  sym->phase_end_us = now + seconds_us (seconds);
}

TsMockGenerator *
ts_mock_generator_new (const char * const *symbols,
                       double              rate,
                       gint64              start_time_us,
                       guint64             seed)
{
  static const char * const default_symbols[] = { "MOCK-BTC", "MOCK-ETH", NULL };
  TsMockGenerator *self;
  guint64 x = seed;

  g_return_val_if_fail (rate > 0.0 && isfinite (rate), NULL);

  if (symbols == NULL || symbols[0] == NULL)
    symbols = default_symbols;

  self = g_new0 (TsMockGenerator, 1);
  for (guint i = 0; i < 4; i++)
    self->state[i] = splitmix64 (&x);
  self->rate = rate;
  self->start_us = start_time_us;
  self->n_symbols = g_strv_length ((char **) symbols);
  self->symbols = g_new0 (Symbol, self->n_symbols);

  for (guint i = 0; i < self->n_symbols; i++)
    {
      Symbol *sym = &self->symbols[i];
      double price = start_price (symbols[i]);

      g_strlcpy (sym->symbol, symbols[i], sizeof sym->symbol);
      sym->log_mid = log (price);
      sym->follower = (i % 2) == 1;
      if (sym->follower)
        {
          sym->log_offset = sym->log_mid - self->symbols[i - 1].log_mid;
          sym->next_dislocation_us = start_time_us + seconds_us (DISLOCATION_FIRST);
          sym->dislocation = (uniform (self) < 0.5 ? -1.0 : 1.0) * DISLOCATION_SIZE;
        }
      sym->base_size = NOTIONAL / price;
      sym->inv_lot = pow (10.0, 3.0 - floor (log10 (sym->base_size)));
      sym->next_burst_us = start_time_us + seconds_us (uniform_range (self, 5.0, 20.0));
      sym->burst_end_us = start_time_us;
      start_cycle (self, sym, start_time_us, TRUE);
      sym->perpetual = i == 0 || strstr (symbols[i], "PERP") != NULL;
      sym->funding = uniform_range (self, -0.5, 0.5) * FUNDING_MAX;
      sym->next_funding_us = start_time_us;
    }

  return self;
}

void
ts_mock_generator_free (TsMockGenerator *self)
{
  if (self == NULL)
    return;
  g_free (self->symbols);
  g_free (self);
}

static gint64
time_of (const TsMockGenerator *self,
         guint64                k)
{
  return self->start_us
         + (gint64) floor ((double) k * G_USEC_PER_SEC / (self->rate * self->n_symbols));
}

gint64
ts_mock_generator_peek_time_us (const TsMockGenerator *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return time_of (self, self->k);
}

/* dividing by a power of ten gives the double nearest the decimal */
static double
round_lot (double size, double inv_lot)
{
  return MAX (1.0, round (size * inv_lot)) / inv_lot;
}

void
ts_mock_generator_next (TsMockGenerator *self,
                        TsTick          *tick)
{
  guint index;
  Symbol *sym;
  gint64 now;
  double dt, drift = 0.0, p_buy = 0.5, spike_p = 0.03, mid, bid_ticks, ask_ticks, size;
  double vol = VOLATILITY, skew;
  gboolean in_burst = FALSE, funding = FALSE;

  g_return_if_fail (self != NULL);
  g_return_if_fail (tick != NULL);

  index = (guint) (self->k % self->n_symbols);
  sym = &self->symbols[index];
  now = time_of (self, self->k);
  dt = 1.0 / self->rate;

  if (sym->follower)
    {
      const Symbol *leader = &self->symbols[index - 1];
      double theta = G_LN2 / FOLLOWER_HALFLIFE;

      sym->spread += -theta * sym->spread * dt + FOLLOWER_SPREAD * sqrt (dt) * normal (self);
      if (now >= sym->next_dislocation_us)
        {
          /* over- and undershoots in turn */
          sym->spread += sym->dislocation;
          sym->dislocation = -sym->dislocation;
          sym->next_dislocation_us += seconds_us (DISLOCATION_EVERY);
        }
      sym->log_mid = leader->log_mid + sym->log_offset + sym->spread;
    }
  else
    {
      while (now >= sym->phase_end_us)
        advance_phase (self, sym);
      switch (sym->phase)
        {
        case PHASE_FREE:
          if (now >= sym->burst_end_us && now >= sym->next_burst_us
              && now + seconds_us (5.0) < sym->phase_end_us)
            {
              double direction = uniform (self) < 0.5 ? -1.0 : 1.0;

              sym->burst_end_us = now + seconds_us (uniform_range (self, 5.0, 10.0));
              sym->burst_drift = direction * uniform_range (self, 3e-4, 5e-4);
              sym->next_burst_us = sym->burst_end_us + seconds_us (uniform_range (self, 10.0, 40.0));
            }
          in_burst = now < sym->burst_end_us;
          if (in_burst)
            drift = sym->burst_drift;
          /* the V: against the coming rally and back, so it widens the
           * swing either way */
          if (now >= sym->dip_us && now < sym->dip_us + seconds_us (2.0 * DIP_HALF_SECONDS))
            drift += (now < sym->dip_us + seconds_us (DIP_HALF_SECONDS) ? -1.0 : 1.0)
                     * sym->sigma * DIP_DEPTH / DIP_HALF_SECONDS;
          break;
        case PHASE_RALLY:
          in_burst = TRUE;
          drift = sym->sigma * RALLY_DRIFT;
          break;
        case PHASE_PLATEAU:
          vol = PLATEAU_VOLATILITY;
          break;
        case PHASE_PULLBACK:
          vol = CALM_VOLATILITY;
          drift = -sym->sigma * sym->pullback / PULLBACK_SECONDS;
          break;
        case PHASE_PAUSE:
          vol = PAUSE_VOLATILITY;
          break;
        case PHASE_BOUNCE:
        default:
          vol = CALM_VOLATILITY;
          drift = sym->sigma * BOUNCE_DRIFT;
          break;
        }
      if (in_burst)
        {
          p_buy = drift > 0.0 ? 0.75 : 0.25;
          spike_p = 0.15;
        }
      sym->log_mid += (drift - 0.5 * vol * vol) * dt + vol * sqrt (dt) * normal (self);
      if (sym->phase == PHASE_FREE || sym->phase == PHASE_RALLY)
        sym->cycle_extreme = sym->sigma > 0.0 ? MIN (sym->cycle_extreme, sym->log_mid)
                                              : MAX (sym->cycle_extreme, sym->log_mid);
    }

  if (sym->perpetual && now >= sym->next_funding_us)
    {
      /* a bounded random walk within +/- FUNDING_MAX (one draw: CLAMP
       * evaluates its argument more than once) */
      double step = 0.2 * FUNDING_MAX * normal (self);

      sym->funding = CLAMP (sym->funding + step, -FUNDING_MAX, FUNDING_MAX);
      sym->next_funding_us += seconds_us (FUNDING_SECONDS);
      funding = TRUE;
    }

  mid = exp (sym->log_mid);
  bid_ticks = MAX (1.0, floor (mid * INV_TICK));
  ask_ticks = bid_ticks + (uniform (self) < 0.25 ? 2.0 : 1.0);

  size = sym->base_size * exp (0.6 * normal (self) - 0.18);
  if (uniform (self) < spike_p)
    size *= uniform_range (self, 3.0, 8.0);

  memset (tick, 0, sizeof *tick);
  g_strlcpy (tick->symbol, sym->symbol, sizeof tick->symbol);
  tick->time_us = now;
  tick->seq = self->k + 1;
  tick->flags = TS_TICK_TRADE | TS_TICK_QUOTE;
  tick->bid = bid_ticks / INV_TICK;
  tick->ask = ask_ticks / INV_TICK;
  tick->aggressor = uniform (self) < p_buy ? TS_SIDE_BUY : TS_SIDE_SELL;
  tick->price = tick->aggressor == TS_SIDE_BUY ? tick->ask : tick->bid;
  tick->size = round_lot (size, sym->inv_lot);
  /* the book leans to the side the price drifts to */
  skew = !sym->follower && sym->phase == PHASE_BOUNCE ? BOUNCE_SKEW : IMBALANCE_SKEW;
  skew = drift > 0.0 ? skew : drift < 0.0 ? -skew : 0.0;
  tick->bid_size = round_lot (5.0 * sym->base_size * exp (0.5 * normal (self) + skew), sym->inv_lot);
  tick->ask_size = round_lot (5.0 * sym->base_size * exp (0.5 * normal (self) - skew), sym->inv_lot);
  if (funding)
    {
      tick->flags |= TS_TICK_FUNDING;
      tick->funding_rate = sym->funding;
    }

  self->k++;
}

guint
ts_mock_generator_generate_until (TsMockGenerator *self,
                                  gint64           until_us,
                                  guint            max_ticks,
                                  GArray          *ticks)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (ticks != NULL, 0);
  g_return_val_if_fail (g_array_get_element_size (ticks) == sizeof (TsTick), 0);

  while (time_of (self, self->k) <= until_us && (max_ticks == 0 || n < max_ticks))
    {
      TsTick tick;

      ts_mock_generator_next (self, &tick);
      g_array_append_val (ticks, tick);
      n++;
    }
  return n;
}

guint
ts_mock_generator_get_n_symbols (const TsMockGenerator *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_symbols;
}

const char *
ts_mock_generator_get_symbol (const TsMockGenerator *self,
                              guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_symbols, NULL);
  return self->symbols[index].symbol;
}
