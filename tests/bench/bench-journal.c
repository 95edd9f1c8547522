/* bench-journal.c: trade journal writes per second
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes fills and trades to a TsJournal in a temporary directory, each in
 * its own committed transaction (WAL, synchronous=NORMAL: what a live
 * session does), and prints the writes per second and the latency
 * percentiles of one commit; then the same with a fill and its trade in one
 * transaction (ts_journal_record_events()). The temporary directory is
 * usually on the same file system as $XDG_DATA_HOME, but not always:
 * a tmpfs /tmp flatters the figure.
 */
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/ts-journal.h"

#define N_WRITES 20000
#define T0 G_GINT64_CONSTANT (1723161255342000)

static int
cmp_gint64 (gconstpointer a,
            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        gint64     *lat_us,
        guint       n,
        guint       writes_per_call,
        double      seconds)
{
  qsort (lat_us, n, sizeof *lat_us, cmp_gint64);
  printf ("%-34s %9.0f writes/s  (%u calls, %.3f s; per call p50 %" G_GINT64_FORMAT
          " us, p99 %" G_GINT64_FORMAT " us, max %" G_GINT64_FORMAT " us)\n",
          what, n * writes_per_call / seconds, n, seconds,
          lat_us[n / 2], lat_us[n * 99 / 100], lat_us[n - 1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-bench-journal-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(TsJournal) journal = NULL;
  g_autofree gint64 *lat = g_new (gint64, N_WRITES);
  TsFill fill;
  TsTrade trade;
  gint64 session, start;
  const char *suffixes[] = { "", "-wal", "-shm" };

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "journal.db", NULL);
  journal = ts_journal_open (path, &error);
  if (journal == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  session = ts_journal_begin_session (journal, T0, "bench", "momentum", NULL, 10000.0, &error);
  g_assert_no_error (error);

  memset (&fill, 0, sizeof fill);
  g_strlcpy (fill.symbol, "BTCUSDT", sizeof fill.symbol);
  fill.side = TS_SIDE_BUY;
  fill.size = 1.0;
  fill.fee = 6.18;
  fill.reason = "LONG";
  memset (&trade, 0, sizeof trade);
  g_strlcpy (trade.symbol, "BTCUSDT", sizeof trade.symbol);
  trade.side = TS_SIDE_BUY;
  trade.size = 1.0;
  trade.fees = 12.37;
  trade.reason = "TP";

  printf ("journal: %s (WAL, synchronous=NORMAL)\n", path);

  /* alternate: an opening fill (fill + position upsert), a trade (trade +
   * position delete): the pattern of a live session */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_WRITES; i++)
    {
      gint64 t = g_get_monotonic_time ();
      gboolean ok;

      if (i % 2 == 0)
        {
          fill.time_us = T0 + i;
          fill.price = 61000.0 + i * 0.01;
          ok = ts_journal_record_fill (journal, session, &fill, &error);
        }
      else
        {
          trade.entry_time_us = T0 + i - 1;
          trade.exit_time_us = T0 + i;
          trade.entry_price = 61000.0 + i * 0.01;
          trade.exit_price = trade.entry_price + 5.0;
          trade.pnl = 5.0 - trade.fees;
          ok = ts_journal_record_trade (journal, session, &trade, &error);
        }
      g_assert_no_error (error);
      g_assert_true (ok);
      lat[i] = g_get_monotonic_time () - t;
    }
  report ("fill or trade, one per transaction", lat, N_WRITES, 1,
          (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < N_WRITES / 2; i++)
    {
      gint64 t = g_get_monotonic_time ();

      fill.time_us = T0 + N_WRITES + i;
      fill.opens = FALSE;
      trade.exit_time_us = fill.time_us;
      g_assert_true (ts_journal_record_events (journal, session, &fill, 1, &trade, 1, &error));
      lat[i] = g_get_monotonic_time () - t;
    }
  report ("fill + trade in one transaction", lat, N_WRITES / 2, 2,
          (g_get_monotonic_time () - start) / 1e6);

  g_clear_pointer (&journal, ts_journal_close);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
  return 0;
}
