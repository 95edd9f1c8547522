/* test-feed-loopback.c: the mock server and the client in one process
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <libsoup/soup.h>

#include "feed/ts-feed-error.h"
#include "feed/ts-mock-codec.h"
#include "feed/ts-mock-server.h"
#include "feed-test-util.h"

static TsMockServer *
start_server (guint16  port,
              double   speed,
              GError **error)
{
  TsMockServerOptions options;
  TsMockServer *server;

  ts_mock_server_options_init_default (&options);
  options.port = port;
  options.speed = speed;
  options.seed = 5;
  server = ts_mock_server_new (&options);
  if (!ts_mock_server_start (server, error))
    g_clear_object (&server);
  return server;
}

/* The default symbols take turns: seq 1, 3, 5, ... MOCK-BTC, seq 2, 4,
 * ... MOCK-ETH (ts_mock_generator_new(), first_seq 1). */
static void
check_increasing (GArray *ticks)
{
  guint per_symbol[2] = { 0, 0 };

  for (guint i = 0; i < ticks->len; i++)
    {
      const TsTick *t = &g_array_index (ticks, TsTick, i);

      g_assert_true (ts_tick_is_valid (t));
      g_assert_cmpstr (t->symbol, ==, t->seq % 2 == 1 ? "MOCK-BTC" : "MOCK-ETH");
      per_symbol[t->seq % 2]++;
      if (i > 0)
        {
          g_assert_cmpuint (t->seq, >, g_array_index (ticks, TsTick, i - 1).seq);
          g_assert_cmpint (t->time_us, >, g_array_index (ticks, TsTick, i - 1).time_us);
        }
    }
  /* both symbols, in turn */
  g_assert_cmpuint (per_symbol[0], >, 0);
  g_assert_cmpuint (per_symbol[1], >, 0);
  g_assert_cmpuint (per_symbol[0], <=, per_symbol[1] + 1);
  g_assert_cmpuint (per_symbol[1], <=, per_symbol[0] + 1);
}

static void
test_generated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMockServer) server = start_server (0, 20.0, &error);
  g_autofree char *url = NULL;
  Collector a, b;

  g_assert_no_error (error);
  g_assert_true (ts_mock_server_is_running (server));
  g_assert_cmpuint (ts_mock_server_get_port (server), >, 0);
  url = ts_mock_server_dup_url (server);
  g_assert_true (g_str_has_prefix (url, "ws://127.0.0.1:"));

  collector_init (&a);
  collector_init (&b);
  ts_feed_client_connect (a.client, url);
  ts_feed_client_connect (b.client, url);
  g_assert_cmpint (ts_feed_client_get_state (a.client), ==, TS_FEED_STATE_CONNECTING);
  g_assert_true (wait_state (&a, TS_FEED_STATE_LIVE, 5.0));
  g_assert_true (wait_state (&b, TS_FEED_STATE_LIVE, 5.0));

  /* 20 ticks/s per symbol, two symbols, at 20x: 800 ticks per wall
   * second, in batches */
  g_assert_true (wait_ticks (&a, 400, 10.0));
  g_assert_true (wait_ticks (&b, 400, 10.0));
  check_increasing (a.ticks);
  check_increasing (b.ticks);
  g_assert_cmpuint (a.batches, <, a.ticks->len);   /* several ticks per message */
  g_assert_cmpuint (ts_feed_client_get_rejected (a.client), ==, 0);
  g_assert_cmpuint (ts_feed_client_get_ticks (a.client), ==, a.ticks->len);
  g_assert_cmpuint (ts_mock_server_get_n_clients (server), ==, 2);
  g_assert_cmpuint (ts_mock_server_get_ticks_sent (server), >=, a.ticks->len + b.ticks->len);

  /* one shared stream: the same seq means the same tick */
  for (guint i = 0; i < a.ticks->len; i++)
    for (guint j = 0; j < b.ticks->len; j++)
      {
        const TsTick *ta = &g_array_index (a.ticks, TsTick, i);
        const TsTick *tb = &g_array_index (b.ticks, TsTick, j);

        if (ta->seq == tb->seq)
          {
            g_assert_cmpint (ta->time_us, ==, tb->time_us);
            g_assert_true (ta->price == tb->price);
          }
      }

  ts_feed_client_disconnect (a.client);
  g_assert_cmpint (ts_feed_client_get_state (a.client), ==, TS_FEED_STATE_DISCONNECTED);
  ts_mock_server_stop (server);
  g_assert_false (ts_mock_server_is_running (server));
  g_assert_null (ts_mock_server_dup_url (server));
  ts_mock_server_stop (server);  /* idempotent */
  /* b saw the server go away and retries */
  g_assert_true (wait_state (&b, TS_FEED_STATE_RECONNECTING, 5.0));
  g_assert_nonnull (strstr (ts_feed_client_get_last_error (b.client), "1001"));

  collector_clear (&a);
  collector_clear (&b);
}

/* A server started at a given exchange time (2030-01-01T00:00:00Z, years
 * after the wall clock): its ticks start there, not at the wall clock */
static void
test_start_time (void)
{
  const gint64 start_us = G_GINT64_CONSTANT (1893456000000000);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMockServer) server = NULL;
  g_autofree char *url = NULL;
  TsMockServerOptions options;
  Collector a;

  ts_mock_server_options_init_default (&options);
  options.port = 0;
  options.speed = 20.0;
  options.start_us = start_us;
  server = ts_mock_server_new (&options);
  g_assert_true (ts_mock_server_start (server, &error));
  g_assert_no_error (error);
  url = ts_mock_server_dup_url (server);

  collector_init (&a);
  ts_feed_client_connect (a.client, url);
  g_assert_true (wait_ticks (&a, 100, 10.0));
  check_increasing (a.ticks);
  /* 100 ticks of 2 symbols at 20 ticks/s each: within seconds of the
   * start (the client may join a little after it) */
  for (guint i = 0; i < a.ticks->len; i++)
    {
      gint64 t = g_array_index (a.ticks, TsTick, i).time_us;

      g_assert_cmpint (t, >=, start_us);
      g_assert_cmpint (t, <, start_us + 120 * G_USEC_PER_SEC);
    }
  ts_feed_client_disconnect (a.client);
  ts_mock_server_stop (server);
  collector_clear (&a);
}

static void
test_reconnect (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMockServer) first = start_server (0, 20.0, &error);
  g_autoptr(TsMockServer) second = NULL;
  g_autofree char *url = NULL;
  guint16 port;
  guint before;
  double retry;
  Collector c;

  g_assert_no_error (error);
  port = ts_mock_server_get_port (first);
  url = ts_mock_server_dup_url (first);

  collector_init (&c);
  ts_feed_client_connect (c.client, url);
  g_assert_true (wait_state (&c, TS_FEED_STATE_LIVE, 5.0));
  g_assert_true (wait_ticks (&c, 50, 10.0));

  /* the server stops mid-stream */
  ts_mock_server_stop (first);
  g_assert_true (wait_state (&c, TS_FEED_STATE_RECONNECTING, 5.0));
  retry = ts_feed_client_get_retry_seconds (c.client);
  g_assert_cmpfloat (retry, >, 0.0);
  g_assert_cmpfloat (retry, <=, 0.5 * 1.2 + 0.01);
  before = c.ticks->len;

  /* let it fail at least once against the closed port */
  spin (0.8);
  g_assert_cmpint (ts_feed_client_get_state (c.client), !=, TS_FEED_STATE_LIVE);

  /* a new server on the same port: the client comes back by itself */
  second = start_server (port, 20.0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ts_mock_server_get_port (second), ==, port);
  g_assert_true (wait_state (&c, TS_FEED_STATE_LIVE, 10.0));
  g_assert_true (wait_ticks (&c, before + 50, 10.0));

  /* the states it went through */
  {
    gboolean saw_reconnecting = FALSE, saw_connecting_after = FALSE;

    for (guint i = 0; i < c.states->len; i++)
      {
        TsFeedState s = g_array_index (c.states, TsFeedState, i);

        if (s == TS_FEED_STATE_RECONNECTING)
          saw_reconnecting = TRUE;
        else if (saw_reconnecting && s == TS_FEED_STATE_CONNECTING)
          saw_connecting_after = TRUE;
      }
    g_assert_true (saw_reconnecting);
    g_assert_true (saw_connecting_after);
  }

  ts_mock_server_stop (second);
  collector_clear (&c);
}

static void
test_refused_backoff (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMockServer) server = start_server (0, 1.0, &error);
  g_autofree char *url = NULL;
  double first_retry, second_retry;
  Collector c;

  /* a port that was just free */
  g_assert_no_error (error);
  url = ts_mock_server_dup_url (server);
  ts_mock_server_stop (server);

  collector_init (&c);
  ts_feed_client_connect (c.client, url);
  g_assert_true (wait_state (&c, TS_FEED_STATE_RECONNECTING, 5.0));
  first_retry = ts_feed_client_get_retry_seconds (c.client);
  g_assert_cmpfloat (first_retry, >, 0.3);
  g_assert_cmpfloat (first_retry, <=, 0.61);
  g_assert_nonnull (ts_feed_client_get_last_error (c.client));

  /* next attempt fails too; the delay doubled */
  g_assert_true (wait_state (&c, TS_FEED_STATE_CONNECTING, 2.0));
  g_assert_true (wait_state (&c, TS_FEED_STATE_RECONNECTING, 5.0));
  second_retry = ts_feed_client_get_retry_seconds (c.client);
  g_assert_cmpfloat (second_retry, >, 0.8);
  g_assert_cmpfloat (second_retry, <=, 1.21);

  ts_feed_client_disconnect (c.client);
  g_assert_cmpint (ts_feed_client_get_state (c.client), ==, TS_FEED_STATE_DISCONNECTED);
  g_assert_cmpfloat (ts_feed_client_get_retry_seconds (c.client), ==, 0.0);
  spin (1.5);  /* no attempt after disconnect */
  g_assert_cmpint (ts_feed_client_get_state (c.client), ==, TS_FEED_STATE_DISCONNECTED);
  collector_clear (&c);
}

static void
test_bad_url (void)
{
  Collector c;

  collector_init (&c);
  ts_feed_client_connect (c.client, "http://127.0.0.1:1/");
  g_assert_cmpint (ts_feed_client_get_state (c.client), ==, TS_FEED_STATE_DISCONNECTED);
  g_assert_nonnull (ts_feed_client_get_last_error (c.client));
  ts_feed_client_connect (c.client, "not a url");
  g_assert_cmpint (ts_feed_client_get_state (c.client), ==, TS_FEED_STATE_DISCONNECTED);
  collector_clear (&c);
}

static void
test_port_in_use (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMockServer) first = start_server (0, 1.0, &error);
  TsMockServer *second;

  g_assert_no_error (error);
  second = start_server (ts_mock_server_get_port (first), 1.0, &error);
  g_assert_null (second);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE);
  ts_mock_server_stop (first);
}

static void
test_bad_replay_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMockServer) server = NULL;
  TsMockServerOptions options;

  ts_mock_server_options_init_default (&options);
  options.port = 0;
  options.replay_path = "/nonexistent/recording.gz";
  server = ts_mock_server_new (&options);
  g_assert_false (ts_mock_server_start (server, &error));
  g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_IO);
  g_assert_false (ts_mock_server_is_running (server));
}

/* A hostile server on the test's own context: garbage, a binary frame, a
 * good batch, a bad tick, then a message over the 1 MiB limit. */
static void
hostile_cb (SoupServer              *soup,
            SoupServerMessage       *msg,
            const char              *path,
            SoupWebsocketConnection *conn,
            gpointer                 user_data)
{
  TsTick tick;
  g_autofree char *good = NULL;
  g_autofree char *huge = NULL;
  gsize huge_len = 2 * 1024 * 1024;
  static const guint8 binary[] = { 1, 2, 3 };

  memset (&tick, 0, sizeof tick);
  g_strlcpy (tick.symbol, "MOCK-BTC", sizeof tick.symbol);
  tick.time_us = 1723161255342000;
  tick.seq = 1;
  tick.flags = TS_TICK_TRADE;
  tick.price = 100.0;
  tick.size = 1.0;
  good = ts_mock_codec_encode_ticks (&tick, 1, NULL);

  huge = g_malloc (huge_len + 1);
  memset (huge, ' ', huge_len);
  huge[huge_len] = '\0';
  memcpy (huge, good, strlen (good));

  soup_websocket_connection_send_text (conn, "garbage, not JSON");
  soup_websocket_connection_send_binary (conn, binary, sizeof binary);
  soup_websocket_connection_send_text (conn, good);
  soup_websocket_connection_send_text (conn, "{\"type\":\"ticks\",\"ticks\":[{\"symbol\":\"X\",\"time_us\":1,\"price\":-1,\"size\":1}]}");
  soup_websocket_connection_send_text (conn, huge);
  g_object_set_data_full (G_OBJECT (soup), "conn", g_object_ref (conn), g_object_unref);
}

static gboolean
rejected_three (gpointer data)
{
  Collector *c = data;

  return ts_feed_client_get_rejected (c->client) >= 3;
}

static void
test_garbage_and_huge (void)
{
  g_autoptr(SoupServer) soup = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;
  Collector c;

  soup_server_add_websocket_handler (soup, "/", NULL, NULL, hostile_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (soup);
  url = g_strdup_printf ("ws://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  collector_init (&c);
  ts_feed_client_connect (c.client, url);
  g_assert_true (wait_for (rejected_three, &c, 5.0));
  g_assert_true (wait_state (&c, TS_FEED_STATE_RECONNECTING, 5.0));
  /* garbage, binary, bad tick, and the huge one refused by the size limit */
  g_assert_cmpuint (ts_feed_client_get_rejected (c.client), ==, 4);
  g_assert_cmpuint (c.ticks->len, ==, 1);
  g_assert_cmpfloat (g_array_index (c.ticks, TsTick, 0).price, ==, 100.0);
  g_test_message ("last error: %s", ts_feed_client_get_last_error (c.client));
  g_assert_nonnull (strstr (ts_feed_client_get_last_error (c.client), "max-incoming-payload-size"));

  ts_feed_client_disconnect (c.client);
  soup_server_disconnect (soup);
  collector_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/loopback/generated-shared-stream-increasing-seq", test_generated);
  g_test_add_func ("/feed/loopback/start-time", test_start_time);
  g_test_add_func ("/feed/loopback/reconnect-after-server-restart", test_reconnect);
  g_test_add_func ("/feed/loopback/refused-backoff-doubles", test_refused_backoff);
  g_test_add_func ("/feed/loopback/bad-url", test_bad_url);
  g_test_add_func ("/feed/loopback/server-port-in-use", test_port_in_use);
  g_test_add_func ("/feed/loopback/server-bad-replay-file", test_bad_replay_file);
  g_test_add_func ("/feed/loopback/client-rejects-garbage-and-huge", test_garbage_and_huge);

  return g_test_run ();
}
