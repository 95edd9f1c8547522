/* journal-crash-child.c: a journal writer that never stops, for
 * test-journal-crash.c to kill with SIGKILL
 *
 * Usage: journal-crash-child JOURNAL.db [TRADES.csv]
 *
 * Runs a TsEngine over the trades of TRADES.csv (or, without it or when it
 * cannot be read, a deterministic synthetic series), over and over, each
 * pass shifted by one day so that time keeps increasing and every pass
 * starts a fresh UTC day (the daily loss limit resets). Every new fill and
 * trade goes to the journal in its own transaction (ts_journal_record_fill(),
 * ts_journal_record_trade()), and only after that commit returned, a line
 * is written to stdout and flushed:
 *
 *   session ID
 *   fill SEQ
 *   open SYMBOL SIDE SIZE PRICE TIME_US FEE STRATEGY_ID     (an opening fill)
 *   trade N ENTRY_US EXIT_US SIDE SIZE ENTRY EXIT FEES PNL PNL_PCT REASON SYMBOL
 *
 * doubles in C99 hex (%a), so the parent compares them bit for bit. The
 * child sleeps 0 to 150 µs after each fill, so kills land at varied moments.
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <string.h>

#include "core/ts-engine.h"
#include "core/ts-backtest.h"
#include "store/ts-journal.h"
#include "store/ts-trade-csv-reader.h"

#define US_PER_DAY G_GINT64_CONSTANT (86400000000)

/* A random walk with a momentum burst every 200 trades: enough entries. */
static GArray *
synthetic_ticks (void)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (TsTick));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  double price = 60000.0;
  gint64 t = G_GINT64_CONSTANT (1723161255342000);

  for (guint i = 0; i < 20000; i++)
    {
      TsTick tick;
      gboolean burst = i % 200 >= 195;

      memset (&tick, 0, sizeof tick);
      t += 50000 + g_rand_int_range (rand, 0, 100000);
      price *= 1.0 + (burst ? 0.0004 * (i % 400 < 200 ? 1 : -1) : 0.0)
                   + g_rand_double_range (rand, -0.0002, 0.0002);
      tick.time_us = t;
      tick.seq = i + 1;
      tick.flags = TS_TICK_TRADE;
      tick.aggressor = g_rand_boolean (rand) ? TS_SIDE_BUY : TS_SIDE_SELL;
      tick.price = price;
      tick.size = burst && i % 200 == 199 ? 5.0 : g_rand_double_range (rand, 0.01, 1.0);
      ts_tick_set_symbol (&tick, "SYNTH");
      g_array_append_val (ticks, tick);
    }
  return ticks;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) journal = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(TsEngine) engine = NULL;
  TsBacktestConfig config;
  guint n_fills_seen = 0, n_trades_seen = 0;
  gint64 session_id;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s JOURNAL.db [TRADES.csv]\n", argv[0]);
      return 2;
    }

  if (argc > 2)
    ticks = ts_trade_csv_load_file (argv[2], NULL);
  if (ticks == NULL)
    ticks = synthetic_ticks ();

  journal = ts_journal_open (argv[1], &error);
  if (journal == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  ts_backtest_config_init_default (&config);
  engine = ts_engine_new (&config.momentum, &config.risk, &config.broker);
  session_id = ts_journal_begin_session (journal, g_array_index (ticks, TsTick, 0).time_us,
                                         argc > 2 ? argv[2] : "synthetic", "momentum",
                                         NULL, config.broker.initial_capital, &error);
  if (session_id == 0)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("session %" G_GINT64_FORMAT "\n", session_id);
  fflush (stdout);

  for (gint64 pass = 0; ; pass++)
    {
      for (guint i = 0; i < ticks->len; i++)
        {
          TsTick tick = g_array_index (ticks, TsTick, i);
          TsEngineEvents events;

          tick.time_us += pass * US_PER_DAY;
          events = ts_engine_push_tick (engine, &tick);

          if (events & TS_ENGINE_EVENT_FILL)
            {
              guint n = 0;
              const TsFill *fills = ts_engine_get_fills (engine, &n);

              for (; n_fills_seen < n; n_fills_seen++)
                {
                  const TsFill *f = &fills[n_fills_seen];

                  if (!ts_journal_record_fill (journal, session_id, f, &error))
                    {
                      fprintf (stderr, "%s\n", error->message);
                      return 1;
                    }
                  printf ("fill %u\n", n_fills_seen + 1);
                  if (f->opens)
                    printf ("open %s %d %a %a %" G_GINT64_FORMAT " %a %u\n",
                            f->symbol, (int) f->side, f->size, f->price, f->time_us,
                            f->fee, f->strategy_id);
                  fflush (stdout);
                  /* 0 to 150 µs: kills land in sleeps, commits and the engine */
                  g_usleep ((n_fills_seen % 4) * 50);
                }
            }

          if (events & TS_ENGINE_EVENT_TRADE)
            {
              guint n = 0;
              const TsTrade *trades = ts_engine_get_trades (engine, &n);

              for (; n_trades_seen < n; n_trades_seen++)
                {
                  const TsTrade *t = &trades[n_trades_seen];

                  if (!ts_journal_record_trade (journal, session_id, t, &error))
                    {
                      fprintf (stderr, "%s\n", error->message);
                      return 1;
                    }
                  printf ("trade %u %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
                          " %d %a %a %a %a %a %a %s %s\n",
                          n_trades_seen + 1, t->entry_time_us, t->exit_time_us,
                          (int) t->side, t->size, t->entry_price, t->exit_price,
                          t->fees, t->pnl, t->pnl_pct, t->reason, t->symbol);
                  fflush (stdout);
                }
            }
        }
    }

  return 0;
}
