/* test-parity.c: a live session over a replayed recording and the backtest
 * of that recording give identical trades (DESIGN.md "The engine is
 * deterministic")
 *
 * The live path is the one of src/app/ts-session.c: a TsMockServer
 * replaying the recording (speed 0, as fast as possible) over a loopback
 * WebSocket, a TsFeedClient on this thread's context, and every tick of
 * every message pushed into a TsEngine in message order. The backtest is a
 * TsBacktest over ts_recording_load() of the same file.
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/ts-backtest.h"
#include "feed/ts-feed-client.h"
#include "feed/ts-mock-server.h"
#include "feed/ts-recording.h"

#define TIMEOUT_SECONDS 60

typedef struct
{
  TsEngine  *engine;
  GArray    *ticks;      /* every tick received, for the diagnosis */
  GMainLoop *loop;
  gboolean   timed_out;
} Live;

static void
on_ticks (const TsTick *ticks,
          guint         n_ticks,
          gpointer      user_data)
{
  Live *live = user_data;

  /* as ts-session.c on_ticks(): one by one, in message order */
  for (guint i = 0; i < n_ticks; i++)
    ts_engine_push_tick (live->engine, &ticks[i]);
  g_array_append_vals (live->ticks, ticks, n_ticks);
}

static void
on_state_changed (TsFeedClient *client,
                  Live         *live)
{
  if (ts_feed_client_get_state (client) == TS_FEED_STATE_FINISHED)
    g_main_loop_quit (live->loop);
}

static gboolean
on_timeout (gpointer user_data)
{
  Live *live = user_data;

  live->timed_out = TRUE;
  g_main_loop_quit (live->loop);
  return G_SOURCE_REMOVE;
}

static gboolean
tick_equal (const TsTick *a,
            const TsTick *b)
{
  return a->time_us == b->time_us && a->seq == b->seq && a->flags == b->flags
         && a->aggressor == b->aggressor
         && (!(a->flags & TS_TICK_TRADE) || (a->price == b->price && a->size == b->size))
         && (!(a->flags & TS_TICK_QUOTE) || (a->bid == b->bid && a->ask == b->ask
                                             && a->bid_size == b->bid_size
                                             && a->ask_size == b->ask_size))
         && strcmp (a->symbol, b->symbol) == 0;
}

static void
assert_trades_equal (const TsTrade *a,
                     const TsTrade *b,
                     guint          index)
{
  if (a->entry_time_us != b->entry_time_us || a->exit_time_us != b->exit_time_us
      || a->side != b->side || a->size != b->size
      || a->entry_price != b->entry_price || a->exit_price != b->exit_price
      || a->fees != b->fees || a->pnl != b->pnl || a->pnl_pct != b->pnl_pct
      || g_strcmp0 (a->reason, b->reason) != 0 || strcmp (a->symbol, b->symbol) != 0)
    g_error ("trade %u differs: live %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT
             " %d %.17g @ %.17g -> %.17g %s; backtest %" G_GINT64_FORMAT "..%"
             G_GINT64_FORMAT " %d %.17g @ %.17g -> %.17g %s",
             index, a->entry_time_us, a->exit_time_us, a->side, a->size,
             a->entry_price, a->exit_price, a->reason,
             b->entry_time_us, b->exit_time_us, b->side, b->size,
             b->entry_price, b->exit_price, b->reason);
}

static void
test_live_equals_backtest (void)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsRecording) recording = NULL;
  g_autoptr(TsMockServer) server = NULL;
  g_autoptr(TsFeedClient) client = NULL;
  g_autoptr(TsBacktest) backtest = NULL;
  g_autofree char *url = NULL;
  TsMockServerOptions options;
  TsBacktestConfig config;
  Live live = { NULL, NULL, NULL, FALSE };
  const TsTrade *live_trades, *bt_trades;
  const TsFill *live_fills, *bt_fills;
  const TsTick *rec_ticks;
  guint n_live, n_bt, n_live_fills, n_bt_fills, n_rec;
  gulong handler;
  guint timeout_id;

  if (dir == NULL)
    {
      g_test_skip ("TS_SHARED_DATA is not set");
      return;
    }
  path = g_build_filename (dir, "binance-spot", "spot_btcusdt_20240808.gz", NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("no binance-spot/spot_btcusdt_20240808.gz");
      return;
    }

  ts_backtest_config_init_default (&config);

  /* the live path */
  ts_mock_server_options_init_default (&options);
  options.port = 0;
  options.speed = 0.0;
  options.replay_path = path;
  server = ts_mock_server_new (&options);
  g_assert_true (ts_mock_server_start (server, &error));
  g_assert_no_error (error);
  url = ts_mock_server_dup_url (server);

  live.engine = ts_engine_new (&config.momentum, &config.risk, &config.broker);
  live.ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  live.loop = g_main_loop_new (NULL, FALSE);
  client = ts_feed_client_new ();
  ts_feed_client_set_tick_func (client, on_ticks, &live, NULL);
  handler = g_signal_connect (client, "state-changed", G_CALLBACK (on_state_changed), &live);
  timeout_id = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, &live);
  ts_feed_client_connect (client, url);
  g_main_loop_run (live.loop);
  g_assert_false (live.timed_out);
  g_source_remove (timeout_id);
  g_clear_signal_handler (&handler, client);
  ts_feed_client_set_tick_func (client, NULL, NULL, NULL);
  ts_feed_client_disconnect (client);
  ts_mock_server_stop (server);

  /* the backtest */
  recording = ts_recording_load (path, NULL, &error);
  g_assert_no_error (error);
  rec_ticks = ts_recording_get_ticks (recording, &n_rec);
  backtest = ts_backtest_new (&config);
  ts_backtest_run (backtest, rec_ticks, n_rec, 0, NULL, NULL);

  /* the same ticks in the same order reached both engines; if not, say
   * where they first part */
  if (live.ticks->len != n_rec)
    g_test_message ("live path got %u ticks, the recording has %u", live.ticks->len, n_rec);
  for (guint i = 0; i < MIN (live.ticks->len, n_rec); i++)
    {
      const TsTick *a = &g_array_index (live.ticks, TsTick, i);

      if (!tick_equal (a, &rec_ticks[i]))
        g_error ("tick %u differs: live %s %" G_GINT64_FORMAT " seq %" G_GUINT64_FORMAT
                 " flags %d price %.17g; recording %s %" G_GINT64_FORMAT " seq %"
                 G_GUINT64_FORMAT " flags %d price %.17g", i,
                 a->symbol, a->time_us, a->seq, a->flags, a->price,
                 rec_ticks[i].symbol, rec_ticks[i].time_us, rec_ticks[i].seq,
                 rec_ticks[i].flags, rec_ticks[i].price);
    }
  g_assert_cmpuint (live.ticks->len, ==, n_rec);

  live_trades = ts_engine_get_trades (live.engine, &n_live);
  bt_trades = ts_backtest_get_trades (backtest, &n_bt);
  g_test_message ("%u ticks, %u trades live, %u in the backtest", n_rec, n_live, n_bt);
  g_assert_cmpuint (n_live, >, 0);
  g_assert_cmpuint (n_live, ==, n_bt);
  for (guint i = 0; i < n_live; i++)
    assert_trades_equal (&live_trades[i], &bt_trades[i], i);

  live_fills = ts_engine_get_fills (live.engine, &n_live_fills);
  bt_fills = ts_engine_get_fills (ts_backtest_get_engine (backtest), &n_bt_fills);
  g_assert_cmpuint (n_live_fills, ==, n_bt_fills);
  for (guint i = 0; i < n_live_fills; i++)
    {
      g_assert_cmpint (live_fills[i].time_us, ==, bt_fills[i].time_us);
      g_assert_cmpint (live_fills[i].side, ==, bt_fills[i].side);
      g_assert_cmpfloat (live_fills[i].price, ==, bt_fills[i].price);
      g_assert_cmpfloat (live_fills[i].size, ==, bt_fills[i].size);
      g_assert_cmpfloat (live_fills[i].fee, ==, bt_fills[i].fee);
      g_assert_cmpstr (live_fills[i].reason, ==, bt_fills[i].reason);
    }

  g_array_unref (live.ticks);
  g_main_loop_unref (live.loop);
  ts_engine_free (live.engine);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/parity/live-equals-backtest", test_live_equals_backtest);

  return g_test_run ();
}
