/* test-session.c: the session runs the engine on its thread and hands updates over
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "app/ts-session.h"

typedef struct
{
  guint   updates;
  guint   points;
  guint   trades;
  guint   fills;
  gboolean got_stats;
  gboolean live;
  gint64  last_point_us;
  gboolean points_ordered;
  GThread *thread;
  gboolean on_ui_thread;
} Counts;

static void
on_update (TsSession       *session,
           TsSessionUpdate *update,
           Counts          *counts)
{
  counts->updates++;
  counts->on_ui_thread &= g_thread_self () == counts->thread;
  counts->points += update->points->len;
  counts->trades += update->trades->len;
  counts->fills += update->fills->len;
  counts->got_stats |= update->has_stats && update->stats.ticks > 0;
  counts->live |= update->feed_state == TS_FEED_STATE_LIVE;
  for (guint i = 0; i < update->points->len; i++)
    {
      const TsChartPoint *p = &g_array_index (update->points, TsChartPoint, i);

      if (p->time_us < counts->last_point_us)
        counts->points_ordered = FALSE;
      counts->last_point_us = p->time_us;
    }
  g_assert_cmpuint (update->log->len, <=, TS_SESSION_LOG_LINES);
}

static void
test_session_mock_trades (void)
{
  g_autoptr(TsSession) session = ts_session_new ();
  g_autoptr(GError) error = NULL;
  Counts counts = { 0 };
  const TsTrade *trades;
  const TsFill *fills;
  guint n_trades = 0, n_fills = 0;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  counts.thread = g_thread_self ();
  counts.on_ui_thread = TRUE;
  counts.points_ordered = TRUE;
  g_signal_connect (session, "update", G_CALLBACK (on_update), &counts);

  /* speed 20: a minute of market in 3 s */
  g_assert_true (ts_session_start_mock_server (session, 0, 20, 20, &error));
  g_assert_no_error (error);
  g_assert_true (ts_session_is_mock_server_running (session));
  g_assert_nonnull (ts_session_get_mock_server_url (session));

  /* a second one is refused */
  g_assert_false (ts_session_start_mock_server (session, 0, 20, 20, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  while (counts.trades < 1)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no closed trade after 30 s: %u updates, %u points, %u fills",
                 counts.updates, counts.points, counts.fills);
      g_main_context_iteration (NULL, TRUE);
    }

  g_assert_true (counts.on_ui_thread);
  g_assert_true (counts.live);
  g_assert_true (counts.got_stats);
  g_assert_true (counts.points_ordered);
  g_assert_cmpuint (counts.points, >, 0);
  g_assert_cmpint (ts_session_get_feed_state (session), ==, TS_FEED_STATE_LIVE);

  trades = ts_session_get_trades (session, &n_trades);
  fills = ts_session_get_fills (session, &n_fills);
  g_assert_cmpuint (n_trades, ==, counts.trades);
  g_assert_cmpuint (n_fills, ==, counts.fills);
  /* every trade has its entry and exit fill; an open position one more */
  g_assert_cmpuint (n_fills, >=, 2 * n_trades);
  g_assert_cmpuint (n_fills, <=, 2 * n_trades + 1);

  for (guint i = 0; i < n_trades; i++)
    {
      const TsTrade *t = &trades[i];
      const TsFill *entry = &fills[2 * i];
      const TsFill *exit = &fills[2 * i + 1];

      g_assert_true (entry->opens);
      g_assert_false (exit->opens);
      g_assert_cmpint (entry->side, ==, t->side);
      g_assert_cmpint (exit->side, ==, -t->side);
      g_assert_cmpint (entry->time_us, ==, t->entry_time_us);
      g_assert_cmpint (exit->time_us, ==, t->exit_time_us);
      g_assert_cmpfloat (entry->price, ==, t->entry_price);
      g_assert_cmpfloat (exit->price, ==, t->exit_price);
      g_assert_cmpstr (exit->reason, ==, t->reason);
      g_assert_cmpint (t->exit_time_us, >=, t->entry_time_us);
      g_assert_true (isfinite (t->pnl));
    }
  if (n_fills > 2 * n_trades)
    g_assert_true (fills[n_fills - 1].opens);

  ts_session_stop_mock_server (session);
  g_assert_false (ts_session_is_mock_server_running (session));
}

static void
test_session_params_live (void)
{
  g_autoptr(TsSession) session = ts_session_new ();
  TsMomentumParams momentum;

  ts_momentum_params_init_default (&momentum);
  momentum.allow_short = FALSE;
  /* returns at once, applied on the engine thread */
  ts_session_set_params (session, &momentum, NULL, NULL);
  ts_session_disconnect (session);
  g_assert_false (ts_session_is_mock_server_running (session));
  /* dispose joins the thread */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/session/mock-server-trades-match-fills", test_session_mock_trades);
  g_test_add_func ("/app/session/params-and-shutdown", test_session_params_live);

  return g_test_run ();
}
