/* test-feed-live.c: the client against live peers: reconnect with a real
 * sequence gap, stale detection, venue subscriptions, recording and replay
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "feed/ts-feed-error.h"
#include "feed/ts-mock-codec.h"
#include "feed/ts-mock-server.h"
#include "feed/ts-recorder.h"
#include "feed/ts-recording.h"
#include "feed-test-util.h"

static TsMockServer *
start_server (guint16     port,
              guint64     first_seq,
              const char *replay_path,
              double      speed)
{
  g_autoptr(GError) error = NULL;
  TsMockServerOptions options;
  TsMockServer *server;

  ts_mock_server_options_init_default (&options);
  options.port = port;
  options.speed = speed;
  options.seed = 11;
  options.first_seq = first_seq;
  options.replay_path = replay_path;
  server = ts_mock_server_new (&options);
  g_assert_true (ts_mock_server_start (server, &error));
  g_assert_no_error (error);
  return server;
}

static guint64
last_seq (Collector *c)
{
  return c->ticks->len > 0 ? g_array_index (c->ticks, TsTick, c->ticks->len - 1).seq : 0;
}

/* The server dies mid-stream and comes back on the same port with its seq
 * 1,000 further on: the client resumes by itself and counts one gap. */
static void
test_reconnect_gap (void)
{
  g_autoptr(TsMockServer) first = start_server (0, 0, NULL, 20.0);
  g_autoptr(TsMockServer) second = NULL;
  g_autofree char *url = ts_mock_server_dup_url (first);
  guint16 port = ts_mock_server_get_port (first);
  guint64 before_seq;
  guint before;
  Collector c;

  collector_init (&c);
  ts_feed_client_connect (c.client, url);
  g_assert_true (wait_ticks (&c, 60, 10.0));
  g_assert_cmpuint (ts_feed_client_get_gaps (c.client), ==, 0);

  ts_mock_server_stop (first);
  g_assert_true (wait_state (&c, TS_FEED_STATE_RECONNECTING, 5.0));
  before = c.ticks->len;
  before_seq = last_seq (&c);
  g_assert_cmpuint (before_seq, ==, before);  /* seq 1, 2, ... none missed so far */

  second = start_server (port, before_seq + 1000, NULL, 20.0);
  g_assert_true (wait_state (&c, TS_FEED_STATE_LIVE, 10.0));
  g_assert_true (wait_ticks (&c, before + 60, 10.0));

  /* it resumed after the gap, and the gap was counted once */
  g_assert_cmpuint (g_array_index (c.ticks, TsTick, before).seq, >=, before_seq + 1000);
  for (guint i = before + 1; i < c.ticks->len; i++)
    g_assert_cmpuint (g_array_index (c.ticks, TsTick, i).seq, ==,
                      g_array_index (c.ticks, TsTick, i - 1).seq + 1);
  g_assert_cmpuint (ts_feed_client_get_gaps (c.client), ==, 1);
  g_assert_cmpuint (ts_feed_client_get_reconnects (c.client), ==, 1);
  g_assert_cmpuint (ts_feed_client_get_decoder_stats (c.client)->out_of_order, ==, 0);
  g_assert_cmpuint (ts_feed_client_get_rejected (c.client), ==, 0);

  ts_feed_client_disconnect (c.client);
  ts_mock_server_stop (second);
  collector_clear (&c);
}

/* A soup server on the test's context that records what clients send. */
typedef struct
{
  SoupServer              *soup;
  char                    *url;
  GPtrArray               *received;   /* char *, text messages from clients */
  SoupWebsocketConnection *conn;
  guint                    n_connections;
  const char              *greeting;   /* sent on connect, may be NULL */
} Peer;

static void
peer_message_cb (SoupWebsocketConnection *conn,
                 SoupWebsocketDataType    type,
                 GBytes                  *message,
                 Peer                    *peer)
{
  gsize size;
  const char *data = g_bytes_get_data (message, &size);

  g_ptr_array_add (peer->received, g_strndup (data, size));
}

static void
peer_ws_cb (SoupServer              *soup,
            SoupServerMessage       *msg,
            const char              *path,
            SoupWebsocketConnection *conn,
            gpointer                 user_data)
{
  Peer *peer = user_data;

  g_clear_object (&peer->conn);
  peer->conn = g_object_ref (conn);
  peer->n_connections++;
  g_signal_connect (conn, "message", G_CALLBACK (peer_message_cb), peer);
  if (peer->greeting != NULL)
    soup_websocket_connection_send_text (conn, peer->greeting);
}

static void
peer_init (Peer       *peer,
           const char *greeting)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  memset (peer, 0, sizeof *peer);
  peer->received = g_ptr_array_new_with_free_func (g_free);
  peer->greeting = greeting;
  peer->soup = soup_server_new (NULL, NULL);
  soup_server_add_websocket_handler (peer->soup, NULL, NULL, NULL, peer_ws_cb, peer, NULL);
  g_assert_true (soup_server_listen_local (peer->soup, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (peer->soup);
  peer->url = g_strdup_printf ("ws://127.0.0.1:%d/ws", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
peer_clear (Peer *peer)
{
  if (peer->conn != NULL)
    g_signal_handlers_disconnect_matched (peer->conn, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, peer);
  g_clear_object (&peer->conn);
  soup_server_disconnect (peer->soup);
  g_clear_object (&peer->soup);
  g_clear_pointer (&peer->received, g_ptr_array_unref);
  g_clear_pointer (&peer->url, g_free);
}

static gboolean
peer_received (gpointer data)
{
  Peer *peer = data;

  return peer->received->len >= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (peer->soup), "wanted"));
}

static gboolean
wait_received (Peer  *peer,
               guint  n)
{
  g_object_set_data (G_OBJECT (peer->soup), "wanted", GUINT_TO_POINTER (n));
  return wait_for (peer_received, peer, 5.0);
}

static char *
mock_batch (guint64 seq)
{
  TsTick tick;

  memset (&tick, 0, sizeof tick);
  ts_tick_set_symbol (&tick, "MOCK-BTC");
  tick.time_us = g_get_real_time ();
  tick.seq = seq;
  tick.flags = TS_TICK_TRADE;
  tick.price = 100.0;
  tick.size = 1.0;
  return ts_mock_codec_encode_ticks (&tick, 1, NULL);
}

/* No tick for stale_seconds: STALE; the next tick: LIVE again. */
static void
test_stale (void)
{
  g_autofree char *greeting = mock_batch (1);
  g_autofree char *later = mock_batch (2);
  Peer peer;
  Collector c;
  gboolean saw_live_after_stale = FALSE, saw_stale = FALSE;

  peer_init (&peer, greeting);
  collector_init (&c);
  ts_feed_client_set_stale_seconds (c.client, 0.4);
  g_assert_cmpfloat (ts_feed_client_get_stale_seconds (c.client), ==, 0.4);
  ts_feed_client_connect (c.client, peer.url);
  g_assert_true (wait_ticks (&c, 1, 5.0));
  g_assert_cmpint (ts_feed_client_get_state (c.client), ==, TS_FEED_STATE_LIVE);
  g_assert_true (wait_state (&c, TS_FEED_STATE_STALE, 3.0));
  g_assert_cmpfloat (ts_feed_client_get_seconds_since_tick (c.client), >=, 0.4);

  soup_websocket_connection_send_text (peer.conn, later);
  g_assert_true (wait_state (&c, TS_FEED_STATE_LIVE, 3.0));
  g_assert_cmpuint (c.ticks->len, ==, 2);
  g_assert_cmpfloat (ts_feed_client_get_seconds_since_tick (c.client), <, 0.4);
  for (guint i = 0; i < c.states->len; i++)
    {
      TsFeedState s = g_array_index (c.states, TsFeedState, i);

      if (s == TS_FEED_STATE_STALE)
        saw_stale = TRUE;
      else if (saw_stale && s == TS_FEED_STATE_LIVE)
        saw_live_after_stale = TRUE;
    }
  g_assert_true (saw_live_after_stale);

  ts_feed_client_disconnect (c.client);
  collector_clear (&c);
  peer_clear (&peer);
}

static const char bybit_trade[] =
  "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":%" G_GINT64_FORMAT ",\"data\":["
  "{\"T\":%" G_GINT64_FORMAT ",\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.001\",\"p\":\"16578.50\","
  "\"L\":\"PlusTick\",\"i\":\"2290000000061666327\",\"BT\":false}]}";

/* Bybit: twelve symbols are three subscribe requests of at most ten topics,
 * sent again after a reconnect. */
static void
test_bybit_subscribe (void)
{
  static const char * const symbols[] = {
    "BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT",
    "TRXUSDT", "LINKUSDT", "DOTUSDT", "LTCUSDT", "BCHUSDT", "AVAXUSDT", NULL
  };
  gint64 now_ms = g_get_real_time () / 1000;
  g_autofree char *trade = g_strdup_printf (bybit_trade, now_ms, now_ms);
  guint topics = 0;
  Peer peer;
  Collector c;

  peer_init (&peer, NULL);
  collector_init (&c);
  ts_feed_client_set_venue (c.client, TS_VENUE_BYBIT, symbols);
  g_assert_cmpint (ts_feed_client_get_venue (c.client), ==, TS_VENUE_BYBIT);
  ts_feed_client_connect (c.client, peer.url);
  g_assert_true (wait_received (&peer, 3));
  spin (0.1);
  g_assert_cmpuint (peer.received->len, ==, 3);
  for (guint i = 0; i < peer.received->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;
      JsonArray *args;

      g_assert_true (json_parser_load_from_data (parser, g_ptr_array_index (peer.received, i), -1, NULL));
      o = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (o, "op"), ==, "subscribe");
      args = json_object_get_array_member (o, "args");
      g_assert_cmpuint (json_array_get_length (args), <=, 10);
      topics += json_array_get_length (args);
    }
  g_assert_cmpuint (topics, ==, 24);
  g_assert_nonnull (strstr (g_ptr_array_index (peer.received, 0), "publicTrade.BTCUSDT"));
  g_assert_nonnull (strstr (g_ptr_array_index (peer.received, 2), "orderbook.1.AVAXUSDT"));

  soup_websocket_connection_send_text (peer.conn, trade);
  g_assert_true (wait_ticks (&c, 1, 5.0));
  g_assert_cmpfloat (g_array_index (c.ticks, TsTick, 0).price, ==, 16578.5);

  /* the server drops us: we come back and subscribe again */
  soup_websocket_connection_close (peer.conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "bye");
  g_assert_true (wait_state (&c, TS_FEED_STATE_RECONNECTING, 5.0));
  g_assert_true (wait_state (&c, TS_FEED_STATE_LIVE, 5.0));
  g_assert_true (wait_received (&peer, 6));
  g_assert_cmpuint (peer.n_connections, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (peer.received, 3), ==, g_ptr_array_index (peer.received, 0));

  ts_feed_client_disconnect (c.client);
  collector_clear (&c);
  peer_clear (&peer);
}

typedef struct
{
  GPtrArray *reasons;
  guint      by_code[TS_FEED_ERROR_N_CODES];
} Rejects;

static void
reject_cb (const GError *error,
           const char   *data,
           gsize         length,
           gpointer      user_data)
{
  Rejects *r = user_data;

  g_assert_true (error->domain == TS_FEED_ERROR);
  g_ptr_array_add (r->reasons, g_strdup (error->message));
  r->by_code[error->code]++;
}

static gboolean
got_three_rejects (gpointer data)
{
  Rejects *r = data;

  return r->reasons->len >= 3;
}

/* Bad Binance input: every rejected message is reported with its reason and
 * counted by kind; nothing of it is delivered. */
static void
test_binance_rejects (void)
{
  static const char * const symbols[] = { "BTCUSDT", NULL };
  Peer peer;
  Collector c;
  Rejects r = { g_ptr_array_new_with_free_func (g_free), { 0 } };
  gint64 now_ms = g_get_real_time () / 1000;
  g_autofree char *nan_price = g_strdup_printf (
    "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":%" G_GINT64_FORMAT ",\"s\":\"BTCUSDT\","
    "\"t\":1,\"p\":\"NaN\",\"q\":\"0.1\",\"T\":%" G_GINT64_FORMAT ",\"m\":true,\"M\":true}}", now_ms, now_ms);
  g_autofree char *far_off = g_strdup_printf (
    "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":%" G_GINT64_FORMAT ",\"s\":\"BTCUSDT\","
    "\"t\":2,\"p\":\"100.5\",\"q\":\"0.1\",\"T\":%" G_GINT64_FORMAT ",\"m\":true,\"M\":true}}",
    now_ms - G_GINT64_CONSTANT (3 * 86400000), now_ms - G_GINT64_CONSTANT (3 * 86400000));
  g_autofree char *good = g_strdup_printf (
    "{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":%" G_GINT64_FORMAT ",\"s\":\"BTCUSDT\","
    "\"t\":3,\"p\":\"100.5\",\"q\":\"0.1\",\"T\":%" G_GINT64_FORMAT ",\"m\":false,\"M\":true}}", now_ms, now_ms);
  const TsDecoderStats *stats;

  peer_init (&peer, NULL);
  collector_init (&c);
  ts_feed_client_set_reject_func (c.client, reject_cb, &r, NULL);
  ts_feed_client_set_venue (c.client, TS_VENUE_BINANCE, symbols);
  ts_feed_client_connect (c.client, peer.url);
  g_assert_true (wait_received (&peer, 1));
  g_assert_nonnull (strstr (g_ptr_array_index (peer.received, 0), "\"SUBSCRIBE\""));
  g_assert_nonnull (strstr (g_ptr_array_index (peer.received, 0), "btcusdt@trade"));

  soup_websocket_connection_send_text (peer.conn, "not json at all");
  soup_websocket_connection_send_text (peer.conn, nan_price);
  soup_websocket_connection_send_text (peer.conn, far_off);
  soup_websocket_connection_send_text (peer.conn, good);
  g_assert_true (wait_for (got_three_rejects, &r, 5.0));
  g_assert_true (wait_ticks (&c, 1, 5.0));

  g_assert_cmpuint (c.ticks->len, ==, 1);
  g_assert_cmpfloat (g_array_index (c.ticks, TsTick, 0).price, ==, 100.5);
  g_assert_cmpint (g_array_index (c.ticks, TsTick, 0).aggressor, ==, TS_SIDE_BUY);
  g_assert_cmpuint (r.reasons->len, ==, 3);
  g_assert_cmpuint (r.by_code[TS_FEED_ERROR_NOT_JSON], ==, 1);
  g_assert_cmpuint (r.by_code[TS_FEED_ERROR_BAD_VALUE], ==, 1);
  g_assert_cmpuint (r.by_code[TS_FEED_ERROR_BAD_TIME], ==, 1);
  for (guint i = 0; i < r.reasons->len; i++)
    g_test_message ("rejected: %s", (const char *) g_ptr_array_index (r.reasons, i));
  stats = ts_feed_client_get_decoder_stats (c.client);
  g_assert_cmpuint (stats->rejected, ==, 3);
  g_assert_cmpuint (stats->rejected_by_code[TS_FEED_ERROR_BAD_VALUE], ==, 1);
  g_assert_cmpuint (ts_feed_client_get_rejected (c.client), ==, 3);
  g_assert_cmpint (ts_feed_client_get_state (c.client), ==, TS_FEED_STATE_LIVE);

  ts_feed_client_disconnect (c.client);
  collector_clear (&c);
  peer_clear (&peer);
  g_ptr_array_unref (r.reasons);
}

static void
assert_same_ticks (const TsTick *a,
                   guint         n_a,
                   const TsTick *b,
                   guint         n_b)
{
  g_assert_cmpuint (n_a, ==, n_b);
  for (guint i = 0; i < n_a; i++)
    {
      g_assert_cmpint (a[i].time_us, ==, b[i].time_us);
      g_assert_cmpuint (a[i].seq, ==, b[i].seq);
      g_assert_cmpint (a[i].flags, ==, b[i].flags);
      g_assert_cmpint (a[i].aggressor, ==, b[i].aggressor);
      g_assert_true (a[i].price == b[i].price && a[i].size == b[i].size);
      g_assert_true (a[i].bid == b[i].bid && a[i].ask == b[i].ask);
      g_assert_true (a[i].bid_size == b[i].bid_size && a[i].ask_size == b[i].ask_size);
      g_assert_cmpstr (a[i].symbol, ==, b[i].symbol);
    }
}

/* Record the generated stream, read it back, replay it at full speed: the
 * same ticks, bit for bit. */
static void
test_record_replay (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tickscope-rec-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "session.gz", NULL);
  g_autoptr(TsMockServer) server = start_server (0, 0, NULL, 20.0);
  g_autoptr(TsMockServer) replay = NULL;
  g_autofree char *url = ts_mock_server_dup_url (server);
  g_autofree char *replay_url = NULL;
  g_autoptr(TsRecording) recording = NULL;
  TsRecorder *recorder;
  const TsTick *ticks;
  guint n_ticks;
  guint64 messages;
  Collector c, r;

  g_assert_no_error (error);
  recorder = ts_recorder_new (path, &error);
  g_assert_no_error (error);

  collector_init (&c);
  ts_feed_client_set_recorder (c.client, recorder);
  ts_feed_client_connect (c.client, url);
  g_assert_true (wait_ticks (&c, 500, 15.0));
  ts_feed_client_disconnect (c.client);
  ts_feed_client_set_recorder (c.client, NULL);
  messages = ts_recorder_get_n_messages (recorder);
  g_assert_cmpuint (messages, ==, ts_feed_client_get_messages (c.client));
  g_assert_true (ts_recorder_close (recorder, &error));
  g_assert_no_error (error);
  ts_recorder_free (recorder);
  ts_mock_server_stop (server);

  /* read back: our line format, the mock schema told by content */
  recording = ts_recording_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_recording_get_venue (recording), ==, TS_VENUE_MOCK);
  g_assert_cmpuint (ts_recording_get_n_lines (recording), ==, messages);
  g_assert_cmpuint (ts_recording_get_n_rejected (recording), ==, 0);
  ticks = ts_recording_get_ticks (recording, &n_ticks);
  assert_same_ticks ((const TsTick *) (gpointer) c.ticks->data, c.ticks->len, ticks, n_ticks);

  /* replayed through the mock server at full speed */
  replay = start_server (0, 0, path, 0.0);
  replay_url = ts_mock_server_dup_url (replay);
  collector_init (&r);
  ts_feed_client_connect (r.client, replay_url);
  g_assert_true (wait_state (&r, TS_FEED_STATE_FINISHED, 15.0));
  assert_same_ticks ((const TsTick *) (gpointer) c.ticks->data, c.ticks->len,
                     (const TsTick *) (gpointer) r.ticks->data, r.ticks->len);
  g_assert_cmpuint (ts_feed_client_get_gaps (r.client), ==, 0);
  ts_mock_server_stop (replay);

  collector_clear (&r);
  collector_clear (&c);
  g_unlink (path);
  g_rmdir (dir);
}

/* An unresolvable host: a clear error and RECONNECTING, never a crash. */
static void
test_unresolvable (void)
{
  static const char * const symbols[] = { "BTCUSDT", NULL };
  Collector c;

  collector_init (&c);
  ts_feed_client_set_venue (c.client, TS_VENUE_BINANCE, symbols);
  ts_feed_client_connect (c.client, "wss://no-such-host.invalid:9443/stream");
  g_assert_true (wait_state (&c, TS_FEED_STATE_RECONNECTING, 10.0));
  g_assert_nonnull (ts_feed_client_get_last_error (c.client));
  g_test_message ("last error: %s", ts_feed_client_get_last_error (c.client));
  g_assert_cmpfloat (ts_feed_client_get_retry_seconds (c.client), >, 0.0);
  ts_feed_client_disconnect (c.client);
  collector_clear (&c);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/live/reconnect-after-restart-counts-seq-gap", test_reconnect_gap);
  g_test_add_func ("/feed/live/stale-without-ticks-then-live", test_stale);
  g_test_add_func ("/feed/live/bybit-subscribe-split-and-resubscribe", test_bybit_subscribe);
  g_test_add_func ("/feed/live/binance-rejects-reported-by-kind", test_binance_rejects);
  g_test_add_func ("/feed/live/record-then-replay-same-ticks", test_record_replay);
  g_test_add_func ("/feed/live/unresolvable-host-reconnects", test_unresolvable);

  return g_test_run ();
}
