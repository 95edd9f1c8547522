/* bench-live.c: the live path end to end, mock server to engine decision
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One process, loopback: the embedded TsMockServer (its own thread)
 * generates 20,000 ticks/s of one symbol for about 5 s; a TsFeedClient on
 * an "engine" thread (its own GMainContext, as in TsSession) decodes them
 * and pushes each into a TsEngine. The server stamps every tick's send time
 * (g_get_monotonic_time() just before the message is queued) in a side
 * table keyed by seq; the engine thread reads the clock when
 * ts_engine_push_tick() returns. Prints ticks sent / received / processed
 * (must all be equal: zero drops) and the tick-to-decision latency p50, p99
 * and max. DESIGN.md target: nothing dropped, p99 < 1 ms.
 * Environment: BENCH_LIVE_RATE (ticks/s, default 20000), BENCH_LIVE_SECONDS
 * (default 5).
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/ts-engine.h"
#include "feed/ts-feed-client.h"
#include "feed/ts-mock-server.h"

typedef struct
{
  /* written by the server thread, read by the engine thread */
  gint64       *send_us;      /* by seq */
  guint64       table_size;

  /* engine thread */
  GMainContext *context;
  GMainLoop    *loop;
  char         *url;
  TsFeedClient *client;
  TsEngine     *engine;
  GArray       *latency_us;   /* double */
  guint64       received;
  guint64       processed;
  guint64       unstamped;
  gint          connected;    /* atomic */
  gint          dropped;      /* atomic: the connection went away */
} Bench;

static void
sent_cb (const TsTick *ticks,
         guint         n_ticks,
         gint64        send_time_us,
         gpointer      user_data)
{
  Bench *b = user_data;

  for (guint i = 0; i < n_ticks; i++)
    if (ticks[i].seq < b->table_size)
      b->send_us[ticks[i].seq] = send_time_us;
}

static void
ticks_cb (const TsTick *ticks,
          guint         n_ticks,
          gpointer      user_data)
{
  Bench *b = user_data;

  b->received += n_ticks;
  for (guint i = 0; i < n_ticks; i++)
    {
      gint64 sent, now;
      double latency;

      ts_engine_push_tick (b->engine, &ticks[i]);
      now = g_get_monotonic_time ();
      b->processed++;
      /* written before the message went into the socket, so visible here */
      sent = ticks[i].seq < b->table_size ? b->send_us[ticks[i].seq] : 0;
      if (sent == 0)
        {
          b->unstamped++;
          continue;
        }
      latency = (double) (now - sent);
      g_array_append_val (b->latency_us, latency);
    }
}

static void
state_cb (TsFeedClient *client,
          Bench        *b)
{
  TsFeedState state = ts_feed_client_get_state (client);

  if (state == TS_FEED_STATE_LIVE)
    g_atomic_int_set (&b->connected, 1);
  else if (g_atomic_int_get (&b->connected) && state != TS_FEED_STATE_STALE)
    g_atomic_int_set (&b->dropped, 1);
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gpointer
engine_thread (gpointer data)
{
  Bench *b = data;
  TsMomentumParams momentum;
  TsRiskParams risk;
  TsBrokerParams broker;

  g_main_context_push_thread_default (b->context);
  ts_momentum_params_init_default (&momentum);
  ts_risk_params_init_default (&risk);
  ts_broker_params_init_default (&broker);
  b->engine = ts_engine_new (&momentum, &risk, &broker);
  b->client = ts_feed_client_new ();
  ts_feed_client_set_tick_func (b->client, ticks_cb, b, NULL);
  g_signal_connect (b->client, "state-changed", G_CALLBACK (state_cb), b);
  ts_feed_client_connect (b->client, b->url);

  g_main_loop_run (b->loop);

  ts_feed_client_disconnect (b->client);
  g_clear_object (&b->client);
  while (g_main_context_iteration (b->context, FALSE))
    ;
  g_main_context_pop_thread_default (b->context);
  return NULL;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
env_double (const char *name,
            double      fallback)
{
  const char *text = g_getenv (name);

  return text != NULL && *text ? g_ascii_strtod (text, NULL) : fallback;
}

static const char * const bench_symbols[] = { "MOCK-BTC", NULL };

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMockServer) server = NULL;
  TsMockServerOptions options;
  double rate = env_double ("BENCH_LIVE_RATE", 20000);
  double seconds = env_double ("BENCH_LIVE_SECONDS", 5);
  Bench b = { 0 };
  GThread *thread;
  guint64 sent;
  gint64 start, deadline;
  double *lat;
  guint n;
  TsLedgerStats stats;
  int status = 0;

  b.table_size = (guint64) (rate * (seconds + 10)) + 1000;
  b.send_us = g_new0 (gint64, b.table_size);
  b.latency_us = g_array_sized_new (FALSE, FALSE, sizeof (double), (guint) (rate * seconds) + 1000);

  ts_mock_server_options_init_default (&options);
  options.port = 0;
  options.rate = rate;
  options.speed = 1;
  /* one symbol: the rate is the engine's ticks/s, all of them its own */
  options.symbols = bench_symbols;
  server = ts_mock_server_new (&options);
  ts_mock_server_set_sent_func (server, sent_cb, &b);
  if (!ts_mock_server_start (server, &error))
    {
      g_printerr ("bench-live: cannot start the mock server: %s\n", error->message);
      return 1;
    }
  b.url = ts_mock_server_dup_url (server);
  b.context = g_main_context_new ();
  b.loop = g_main_loop_new (b.context, FALSE);
  thread = g_thread_new ("bench-engine", engine_thread, &b);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!g_atomic_int_get (&b.connected) && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  if (!g_atomic_int_get (&b.connected))
    {
      g_printerr ("bench-live: the client did not connect\n");
      return 1;
    }

  start = g_get_monotonic_time ();
  g_usleep ((gulong) (seconds * G_USEC_PER_SEC));
  /* stop: every tick queued before the close frame still arrives */
  ts_mock_server_stop (server);
  sent = ts_mock_server_get_ticks_sent (server);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_atomic_int_get (&b.dropped) && g_get_monotonic_time () < deadline)
    g_usleep (1000);
  g_main_context_invoke (b.context, quit_cb, b.loop);
  g_thread_join (thread);

  ts_engine_get_stats (b.engine, &stats);
  n = b.latency_us->len;
  lat = (double *) (gpointer) b.latency_us->data;
  qsort (lat, n, sizeof (double), compare_double);

  printf ("bench-live: %.0f ticks/s for %.1f s over loopback (mock server -> TsFeedClient -> TsEngine)\n",
          rate, (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  printf ("  ticks sent %" G_GUINT64_FORMAT ", received %" G_GUINT64_FORMAT
          ", processed by the engine %" G_GUINT64_FORMAT " (engine's own count %" G_GUINT64_FORMAT ")\n",
          sent, b.received, b.processed, (guint64) stats.ticks);
  if (n > 0)
    printf ("  tick-to-decision latency: p50 %.0f us, p90 %.0f us, p99 %.0f us, p99.9 %.0f us, max %.0f us"
            " (%u ticks)\n",
            lat[n / 2], lat[(guint) (n * 0.9)], lat[(guint) (n * 0.99)], lat[(guint) (n * 0.999)],
            lat[n - 1], n);
  if (sent != b.received || b.received != b.processed || b.unstamped > 0)
    {
      printf ("  FAIL: dropped %" G_GINT64_FORMAT " ticks, %" G_GUINT64_FORMAT " without a send time\n",
              (gint64) (sent - b.received), b.unstamped);
      status = 1;
    }
  else
    printf ("  zero drops\n");
  if (n > 0)
    printf ("  p99 %s the 1 ms target\n", lat[(guint) (n * 0.99)] < 1000 ? "meets" : "MISSES");

  ts_engine_free (b.engine);
  g_main_loop_unref (b.loop);
  g_main_context_unref (b.context);
  g_array_unref (b.latency_us);
  g_free (b.send_us);
  g_free (b.url);
  return status;
}
