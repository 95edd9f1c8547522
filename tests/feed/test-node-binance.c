/* test-node-binance.c: our client (venue Binance) against a real external
 * WebSocket server: node + Debian's node-ws speaking Binance combined streams
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-node-binance [--tap] NODE_BINANCE_SERVER_JS. Exits 77
 * (skipped) when node or the ws module (NODE_PATH, /usr/share/nodejs by
 * default) is missing.
 */
#include <string.h>
#include <glib/gstdio.h>

#include "feed/ts-feed-error.h"
#include "feed-test-util.h"

static const char *script;
static char *node;

static gboolean
have_node_ws (void)
{
  const char *argv[] = { NULL, "-e", "require('ws')", NULL };
  int status = -1;

  node = g_find_program_in_path ("node");
  if (node == NULL)
    node = g_find_program_in_path ("nodejs");
  if (node == NULL)
    return FALSE;
  argv[0] = node;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
rejected_one (gpointer data)
{
  Collector *c = data;

  return ts_feed_client_get_rejected (c->client) >= 1;
}

static void
test_node_binance_server (void)
{
  static const char * const symbols[] = { "BTCUSDT", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tickscope-node-XXXXXX", &error);
  g_autofree char *sub_path = g_build_filename (dir, "subscribe.json", NULL);
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autofree char *url = NULL;
  g_autofree char *received = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(TsDecoder) decoder = ts_decoder_new (TS_VENUE_BINANCE);
  const TsDecoderStats *stats;
  const TsTick *t;
  Collector c;

  g_assert_no_error (error);
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, node, script, sub_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "PORT "));
  url = g_strdup_printf ("ws://127.0.0.1:%s/stream", line + 5);

  collector_init (&c);
  ts_feed_client_set_venue (c.client, TS_VENUE_BINANCE, symbols);
  ts_feed_client_connect (c.client, url);
  g_assert_true (wait_ticks (&c, 6, 10.0));
  g_assert_true (wait_for (rejected_one, &c, 5.0));
  spin (0.2);  /* nothing more comes */

  /* exactly the ticks sent: 4 trades, 2 quotes, in order */
  g_assert_cmpuint (c.ticks->len, ==, 6);
  t = &g_array_index (c.ticks, TsTick, 0);
  g_assert_cmpint (t->flags, ==, TS_TICK_TRADE);
  g_assert_cmpstr (t->symbol, ==, "BTCUSDT");
  g_assert_cmpfloat (t->price, ==, 61837.63);
  g_assert_cmpfloat (t->size, ==, 0.02);
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_SELL);  /* buyer was maker */
  g_assert_cmpuint (t->seq, ==, 1001);
  t = &g_array_index (c.ticks, TsTick, 1);
  g_assert_cmpint (t->flags, ==, TS_TICK_QUOTE);
  g_assert_cmpfloat (t->bid, ==, 61837.62);
  g_assert_cmpfloat (t->bid_size, ==, 1.5);
  g_assert_cmpfloat (t->ask, ==, 61837.63);
  g_assert_cmpfloat (t->ask_size, ==, 0.8);
  g_assert_cmpint (t->time_us, ==, g_array_index (c.ticks, TsTick, 0).time_us + 1000); /* latest E */
  t = &g_array_index (c.ticks, TsTick, 2);
  g_assert_cmpfloat (t->price, ==, 61837.64);
  g_assert_cmpint (t->aggressor, ==, TS_SIDE_BUY);
  g_assert_cmpint (t->time_us, ==, g_array_index (c.ticks, TsTick, 0).time_us + 5000);
  t = &g_array_index (c.ticks, TsTick, 3);
  g_assert_cmpfloat (t->size, ==, 0.001);
  t = &g_array_index (c.ticks, TsTick, 4);
  g_assert_cmpint (t->flags, ==, TS_TICK_QUOTE);
  g_assert_cmpfloat (t->ask_size, ==, 0.3);
  t = &g_array_index (c.ticks, TsTick, 5);
  g_assert_cmpfloat (t->price, ==, 61838.0);
  g_assert_cmpuint (t->seq, ==, 1004);

  /* the garbage message: one rejection, NOT_JSON; the SUBSCRIBE reply skipped */
  g_assert_cmpuint (ts_feed_client_get_rejected (c.client), ==, 1);
  stats = ts_feed_client_get_decoder_stats (c.client);
  g_assert_cmpuint (stats->rejected_by_code[TS_FEED_ERROR_NOT_JSON], ==, 1);
  g_assert_cmpuint (stats->skipped, ==, 1);
  g_assert_cmpuint (stats->trades, ==, 4);
  g_assert_cmpuint (stats->quotes, ==, 2);
  g_assert_cmpuint (ts_feed_client_get_messages (c.client), ==, 8);
  g_assert_cmpint (ts_feed_client_get_state (c.client), ==, TS_FEED_STATE_LIVE);

  /* what the node server received from us */
  g_assert_true (g_file_get_contents (sub_path, &received, NULL, &error));
  g_assert_no_error (error);
  expected = ts_decoder_dup_subscribe_message (decoder, symbols);
  g_test_message ("node server received: %s", received);
  g_assert_cmpstr (received, ==, expected);

  ts_feed_client_disconnect (c.client);
  collector_clear (&c);
  g_subprocess_force_exit (server);
  g_subprocess_wait (server, NULL, NULL);
  g_unlink (sub_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("NODE_PATH", "/usr/share/nodejs", FALSE);

  if (argc < 2)
    {
      g_printerr ("usage: %s NODE_BINANCE_SERVER_JS\n", argv[0]);
      return 1;
    }
  script = argv[1];
  if (!have_node_ws ())
    {
      g_printerr ("node or its ws module not found (NODE_PATH=%s): skipped\n", g_getenv ("NODE_PATH"));
      g_free (node);
      return 77;
    }

  g_test_add_func ("/feed/node/binance-server-ticks-rejects-subscribe", test_node_binance_server);
  status = g_test_run ();
  g_free (node);
  return status;
}
