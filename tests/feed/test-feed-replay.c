/* test-feed-replay.c: the mock server replays the real BTCUSDT recording
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "feed/ts-mock-server.h"
#include "feed-test-util.h"

static char *
recording_path (void)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "binance-spot", "spot_btcusdt_20240808.gz", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

static TsMockServer *
start_replay (const char *path,
              double      speed)
{
  g_autoptr(GError) error = NULL;
  TsMockServerOptions options;
  TsMockServer *server;

  ts_mock_server_options_init_default (&options);
  options.port = 0;
  options.speed = speed;
  options.replay_path = path;
  server = ts_mock_server_new (&options);
  g_assert_true (ts_mock_server_start (server, &error));
  g_assert_no_error (error);
  return server;
}

static void
check_whole_recording (Collector *c)
{
  guint trades = 0, quotes = 0;
  const TsTick *first_trade = NULL;

  for (guint i = 0; i < c->ticks->len; i++)
    {
      const TsTick *t = &g_array_index (c->ticks, TsTick, i);

      g_assert_true (ts_tick_is_valid (t));
      if (i > 0)
        g_assert_cmpint (t->time_us, >=, g_array_index (c->ticks, TsTick, i - 1).time_us);
      if (t->flags & TS_TICK_TRADE)
        {
          if (first_trade == NULL)
            first_trade = t;
          trades++;
        }
      if (t->flags & TS_TICK_QUOTE)
        quotes++;
    }
  g_assert_cmpuint (trades, ==, 9757);
  g_assert_cmpuint (quotes, ==, 28040);
  g_assert_nonnull (first_trade);
  g_assert_cmpfloat (first_trade->price, ==, 61837.63);
  g_assert_cmpint (first_trade->aggressor, ==, TS_SIDE_SELL);
}

static void
test_full_speed (void)
{
  g_autofree char *path = recording_path ();
  g_autoptr(TsMockServer) server = NULL;
  g_autofree char *url = NULL;
  Collector a, b;

  if (path == NULL)
    {
      g_test_skip ("TS_SHARED_DATA or the BTCUSDT recording is missing");
      return;
    }

  server = start_replay (path, 0.0);
  url = ts_mock_server_dup_url (server);

  collector_init (&a);
  ts_feed_client_connect (a.client, url);
  g_assert_true (wait_state (&a, TS_FEED_STATE_FINISHED, 30.0));
  check_whole_recording (&a);
  g_assert_cmpuint (ts_feed_client_get_rejected (a.client), ==, 0);

  /* FINISHED stays: no reconnect once the replay ended */
  spin (1.2);
  g_assert_cmpint (ts_feed_client_get_state (a.client), ==, TS_FEED_STATE_FINISHED);
  g_assert_cmpuint (a.ticks->len, ==, 9757 + 28040);

  /* a later client gets the recording from its start again */
  collector_init (&b);
  ts_feed_client_connect (b.client, url);
  g_assert_true (wait_state (&b, TS_FEED_STATE_FINISHED, 30.0));
  check_whole_recording (&b);
  g_assert_cmpmem (a.ticks->data, a.ticks->len * sizeof (TsTick),
                   b.ticks->data, b.ticks->len * sizeof (TsTick));
  g_assert_cmpuint (ts_mock_server_get_ticks_sent (server), ==, 2 * (9757 + 28040));

  ts_mock_server_stop (server);
  collector_clear (&a);
  collector_clear (&b);
}

/* At speed 1 the ticks come at the pace of exchange time. */
static void
test_real_time (void)
{
  g_autofree char *path = recording_path ();
  g_autoptr(TsMockServer) server = NULL;
  g_autofree char *url = NULL;
  gint64 span;
  Collector c;

  if (path == NULL)
    {
      g_test_skip ("TS_SHARED_DATA or the BTCUSDT recording is missing");
      return;
    }

  server = start_replay (path, 1.0);
  url = ts_mock_server_dup_url (server);

  collector_init (&c);
  ts_feed_client_connect (c.client, url);
  g_assert_true (wait_state (&c, TS_FEED_STATE_LIVE, 5.0));
  spin (1.5);
  g_assert_cmpuint (c.ticks->len, >, 0);
  g_assert_cmpuint (c.ticks->len, <, 9757 + 28040);
  span = g_array_index (c.ticks, TsTick, c.ticks->len - 1).time_us
         - g_array_index (c.ticks, TsTick, 0).time_us;
  g_test_message ("%u ticks in 1.5 s of wall clock, spanning %.3f s of exchange time",
                  c.ticks->len, span / 1e6);
  g_assert_cmpint (span, <=, 2 * G_USEC_PER_SEC);
  g_assert_cmpint (ts_feed_client_get_state (c.client), ==, TS_FEED_STATE_LIVE);

  ts_mock_server_stop (server);
  g_assert_true (wait_state (&c, TS_FEED_STATE_RECONNECTING, 5.0));
  ts_feed_client_disconnect (c.client);
  collector_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/replay/full-speed-whole-recording-then-finished", test_full_speed);
  g_test_add_func ("/feed/replay/real-time-pace", test_real_time);

  return g_test_run ();
}
