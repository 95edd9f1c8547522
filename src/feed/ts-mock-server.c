/* ts-mock-server.c: the bundled mock tick server (WebSocket, own thread)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <libsoup/soup.h>

#include "ts-feed-error.h"
#include "ts-mock-codec.h"
#include "ts-mock-generator.h"
#include "ts-mock-server.h"
#include "ts-recording.h"

#define SLICE_MS          25     /* a batch of ticks every slice of wall clock */
#define SLICE_TICKS       32.0   /* generated: aim at most this many ticks per slice */
#define FAST_SLICE_MS     2      /* replay at full speed */
#define BATCHES_PER_SLICE 100    /* at most this many messages per peer per slice */
#define FAST_BATCHES      10     /* the same at full speed, so the loop keeps turning */
#define STOP_GRACE_US     (1 * G_USEC_PER_SEC)

typedef struct
{
  TsMockServer            *server;
  SoupWebsocketConnection *conn;
  gulong                   closed_id;
  gint64                   start_mono;  /* replay: wall clock at connect, µs */
  guint                    next;        /* replay: index of the next tick */
  gboolean                 finished;    /* replay: end sent */
  gboolean                 closed;
} Peer;

struct _TsMockServer
{
  GObject          parent_instance;

  /* options, copied */
  char            *address;
  guint16          port_option;
  double           rate;
  double           speed;
  char           **symbols;
  char            *replay_path;
  guint64          seed;
  guint64          first_seq;
  gint64           start_us;    /* 0 = the wall clock at start */
  TsMockServerSentFunc sent_func;
  gpointer         sent_data;

  /* shared, under lock */
  GMutex           lock;
  GCond            cond;
  gboolean         ready;
  GError          *start_error;
  guint16          port;
  guint64          ticks_sent;
  guint            n_clients;

  /* owned by the caller of start/stop */
  gboolean         running;
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  GSocketAddress  *bind_address;
  TsRecording     *recording;

  /* server thread only */
  SoupServer      *soup;
  GPtrArray       *peers;
  GSource         *slice;
  GSource         *quit_poll;
  TsMockGenerator *generator;
  gint64           gen_start_mono;
  gint64           gen_start_us;
  GArray          *batch;
  gboolean         stopping;
  gint64           stop_deadline;
};

G_DEFINE_FINAL_TYPE (TsMockServer, ts_mock_server, G_TYPE_OBJECT)

void
ts_mock_server_options_init_default (TsMockServerOptions *options)
{
  g_return_if_fail (options != NULL);

  options->address = "127.0.0.1";
  options->port = TS_MOCK_SERVER_DEFAULT_PORT;
  options->rate = 20.0;
  options->speed = 1.0;
  options->symbols = NULL;
  options->replay_path = NULL;
  options->seed = 1;
  options->first_seq = 0;
  options->start_us = 0;
}

static void
peer_free (Peer *peer)
{
  g_clear_signal_handler (&peer->closed_id, peer->conn);
  g_clear_object (&peer->conn);
  g_free (peer);
}

static void
ts_mock_server_finalize (GObject *object)
{
  TsMockServer *self = TS_MOCK_SERVER (object);

  ts_mock_server_stop (self);

  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->symbols, g_strfreev);
  g_clear_pointer (&self->replay_path, g_free);
  g_clear_pointer (&self->recording, ts_recording_unref);
  g_clear_object (&self->bind_address);
  g_clear_error (&self->start_error);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (ts_mock_server_parent_class)->finalize (object);
}

static void
ts_mock_server_class_init (TsMockServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ts_mock_server_finalize;
}

static void
ts_mock_server_init (TsMockServer *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

TsMockServer *
ts_mock_server_new (const TsMockServerOptions *options)
{
  TsMockServerOptions defaults;
  TsMockServer *self;

  if (options == NULL)
    {
      ts_mock_server_options_init_default (&defaults);
      options = &defaults;
    }

  self = g_object_new (TS_TYPE_MOCK_SERVER, NULL);
  self->address = g_strdup (options->address != NULL ? options->address : "127.0.0.1");
  self->port_option = options->port;
  self->rate = options->rate > 0.0 && isfinite (options->rate) ? options->rate : 20.0;
  self->speed = options->speed >= 0.0 && isfinite (options->speed) ? options->speed : 1.0;
  self->symbols = g_strdupv ((char **) options->symbols);
  self->replay_path = g_strdup (options->replay_path);
  if (self->replay_path == NULL && self->speed == 0.0)
    self->speed = 1.0; /* "as fast as possible" means nothing for a generated stream */
  self->seed = options->seed;
  self->first_seq = options->first_seq;
  self->start_us = options->start_us;
  return self;
}

TsMockServer *
ts_mock_server_new_for_recording (const TsMockServerOptions *options,
                                  TsRecording               *recording)
{
  TsMockServerOptions copy;
  TsMockServer *self;

  g_return_val_if_fail (recording != NULL, NULL);

  if (options != NULL)
    copy = *options;
  else
    ts_mock_server_options_init_default (&copy);
  copy.replay_path = NULL;

  self = ts_mock_server_new (&copy);
  /* replay mode: the speed 0 that ts_mock_server_new() turned into 1 for
   * a generated stream means "as fast as possible" here */
  self->speed = copy.speed >= 0.0 && isfinite (copy.speed) ? copy.speed : 1.0;
  self->recording = ts_recording_ref (recording);
  return self;
}

static void
add_ticks_sent (TsMockServer *self,
                guint64       n)
{
  g_mutex_lock (&self->lock);
  self->ticks_sent += n;
  g_mutex_unlock (&self->lock);
}

static gboolean
peer_is_open (Peer *peer)
{
  return !peer->closed
         && soup_websocket_connection_get_state (peer->conn) == SOUP_WEBSOCKET_STATE_OPEN;
}

static void
sweep_closed_peers (TsMockServer *self)
{
  guint n_open;

  for (guint i = self->peers->len; i > 0; i--)
    {
      Peer *peer = g_ptr_array_index (self->peers, i - 1);

      if (peer->closed)
        g_ptr_array_remove_index (self->peers, i - 1);
    }
  n_open = self->peers->len;

  g_mutex_lock (&self->lock);
  self->n_clients = n_open;
  g_mutex_unlock (&self->lock);
}

/* Sends ticks[0..n) to one peer in batches. */
static void
send_batches (TsMockServer *self,
              Peer         *peer,
              const TsTick *ticks,
              guint         n)
{
  for (guint i = 0; i < n && peer_is_open (peer); i += TS_MOCK_CODEC_MAX_BATCH)
    {
      guint count = MIN (n - i, (guint) TS_MOCK_CODEC_MAX_BATCH);
      g_autofree char *text = ts_mock_codec_encode_ticks (ticks + i, count, NULL);

      add_ticks_sent (self, count);
      if (self->sent_func != NULL)
        self->sent_func (ticks + i, count, g_get_monotonic_time (), self->sent_data);
      soup_websocket_connection_send_text (peer->conn, text);
    }
}

static void
slice_generated (TsMockServer *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 until = self->gen_start_us + (gint64) ((double) (now - self->gen_start_mono) * self->speed);

  for (guint b = 0; b < BATCHES_PER_SLICE; b++)
    {
      g_autofree char *text = NULL;
      guint n;

      g_array_set_size (self->batch, 0);
      n = ts_mock_generator_generate_until (self->generator, until, TS_MOCK_CODEC_MAX_BATCH,
                                            self->batch);
      if (n == 0)
        break;
      if (self->first_seq > 1)
        for (guint i = 0; i < n; i++)
          g_array_index (self->batch, TsTick, i).seq += self->first_seq - 1;

      /* one shared stream: encode once, broadcast */
      for (guint i = 0; i < self->peers->len; i++)
        {
          Peer *peer = g_ptr_array_index (self->peers, i);

          if (!peer_is_open (peer))
            continue;
          if (text == NULL)
            text = ts_mock_codec_encode_ticks ((const TsTick *) (gpointer) self->batch->data, n, NULL);
          add_ticks_sent (self, n);
          if (self->sent_func != NULL)
            self->sent_func ((const TsTick *) (gpointer) self->batch->data, n,
                             g_get_monotonic_time (), self->sent_data);
          soup_websocket_connection_send_text (peer->conn, text);
        }
    }
}

static void
slice_replay_peer (TsMockServer *self,
                   Peer         *peer,
                   gint64        now)
{
  guint n_ticks;
  const TsTick *ticks = ts_recording_get_ticks (self->recording, &n_ticks);
  guint budget = (self->speed > 0.0 ? BATCHES_PER_SLICE : FAST_BATCHES) * TS_MOCK_CODEC_MAX_BATCH;
  guint end = peer->next;

  if (peer->finished || !peer_is_open (peer))
    return;

  if (self->speed > 0.0)
    {
      gint64 due = ticks[0].time_us + (gint64) ((double) (now - peer->start_mono) * self->speed);

      while (end < n_ticks && end - peer->next < budget && ticks[end].time_us <= due)
        end++;
    }
  else
    end = MIN (n_ticks, peer->next + budget);

  send_batches (self, peer, ticks + peer->next, end - peer->next);
  peer->next = end;

  if (peer->next >= n_ticks && peer_is_open (peer))
    {
      g_autofree char *text = ts_mock_codec_encode_end ("replay finished", NULL);

      soup_websocket_connection_send_text (peer->conn, text);
      soup_websocket_connection_close (peer->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, "replay finished");
      peer->finished = TRUE;
    }
}

static gboolean
slice_cb (gpointer user_data)
{
  TsMockServer *self = user_data;

  if (self->recording != NULL)
    {
      gint64 now = g_get_monotonic_time ();

      for (guint i = 0; i < self->peers->len; i++)
        slice_replay_peer (self, g_ptr_array_index (self->peers, i), now);
    }
  else
    slice_generated (self);

  sweep_closed_peers (self);
  return G_SOURCE_CONTINUE;
}

static void
peer_closed_cb (SoupWebsocketConnection *conn,
                gpointer                 user_data)
{
  Peer *peer = user_data;

  g_debug ("mock server: a client closed (code %u)", soup_websocket_connection_get_close_code (conn));
  peer->closed = TRUE;
}

static void
websocket_cb (SoupServer              *server,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *connection,
              gpointer                 user_data)
{
  TsMockServer *self = user_data;
  Peer *peer = g_new0 (Peer, 1);

  peer->server = self;
  peer->conn = g_object_ref (connection);
  peer->start_mono = g_get_monotonic_time ();
  peer->closed_id = g_signal_connect (connection, "closed", G_CALLBACK (peer_closed_cb), peer);
  g_ptr_array_add (self->peers, peer);

  g_mutex_lock (&self->lock);
  self->n_clients = self->peers->len;
  g_mutex_unlock (&self->lock);

  if (self->stopping)
    soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, "server stopping");
}

static gboolean
all_peers_closed (TsMockServer *self)
{
  for (guint i = 0; i < self->peers->len; i++)
    {
      Peer *peer = g_ptr_array_index (self->peers, i);

      if (!peer->closed && soup_websocket_connection_get_state (peer->conn) != SOUP_WEBSOCKET_STATE_CLOSED)
        return FALSE;
    }
  return TRUE;
}

static gboolean
quit_poll_cb (gpointer user_data)
{
  TsMockServer *self = user_data;

  if (all_peers_closed (self) || g_get_monotonic_time () >= self->stop_deadline)
    {
      g_main_loop_quit (self->loop);
      self->quit_poll = NULL;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* On the server thread: stop listening, close every peer (going away), and
 * quit the loop once they closed or after a grace period. */
static gboolean
begin_shutdown_cb (gpointer user_data)
{
  TsMockServer *self = user_data;

  self->stopping = TRUE;
  if (self->slice != NULL)
    {
      g_source_destroy (self->slice);
      g_clear_pointer (&self->slice, g_source_unref);
    }
  soup_server_disconnect (self->soup);

  for (guint i = 0; i < self->peers->len; i++)
    {
      Peer *peer = g_ptr_array_index (self->peers, i);

      if (peer_is_open (peer))
        soup_websocket_connection_close (peer->conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY,
                                         "server stopping");
    }

  self->stop_deadline = g_get_monotonic_time () + STOP_GRACE_US;
  self->quit_poll = g_timeout_source_new (10);
  g_source_set_callback (self->quit_poll, quit_poll_cb, self, NULL);
  g_source_attach (self->quit_poll, self->context);
  g_source_unref (self->quit_poll);
  return G_SOURCE_REMOVE;
}

static guint16
listening_port (SoupServer *soup)
{
  GSList *uris = soup_server_get_uris (soup);
  guint16 port = 0;

  if (uris != NULL)
    port = (guint16) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return port;
}

static gpointer
server_thread (gpointer data)
{
  TsMockServer *self = data;
  GError *error = NULL;
  gboolean ok;

  g_main_context_push_thread_default (self->context);

  self->soup = soup_server_new ("server-header", "tickscope-mock-server ", NULL);
  self->peers = g_ptr_array_new_with_free_func ((GDestroyNotify) peer_free);
  self->batch = g_array_new (FALSE, FALSE, sizeof (TsTick));
  self->stopping = FALSE;
  soup_server_add_websocket_handler (self->soup, "/", NULL, NULL, websocket_cb, self, NULL);

  ok = soup_server_listen (self->soup, self->bind_address, 0, &error);

  if (ok)
    {
      guint interval = self->recording != NULL && self->speed == 0.0 ? FAST_SLICE_MS : SLICE_MS;

      if (self->recording == NULL)
        {
          guint n_symbols;
          double per_ms;

          self->gen_start_mono = g_get_monotonic_time ();
          self->gen_start_us = self->start_us > 0 ? self->start_us : g_get_real_time ();
          self->generator = ts_mock_generator_new ((const char * const *) self->symbols, self->rate,
                                                   self->gen_start_us, self->seed);

          /* at high rates, shorter slices keep a batch near SLICE_TICKS
           * ticks, so a tick does not wait for a big batch to be encoded
           * and decoded (bench-live: p99 < 1 ms at 20,000 ticks/s); every
           * symbol has @rate ticks/s (%NULL symbols: the generator's two) */
          n_symbols = ts_mock_generator_get_n_symbols (self->generator);
          per_ms = self->rate * n_symbols * self->speed / 1000.0;
          if (per_ms * SLICE_MS > SLICE_TICKS)
            interval = (guint) CLAMP (SLICE_TICKS / per_ms, 1.0, (double) SLICE_MS);
        }
      self->slice = g_timeout_source_new (interval);
      g_source_set_callback (self->slice, slice_cb, self, NULL);
      g_source_attach (self->slice, self->context);
    }

  g_mutex_lock (&self->lock);
  self->port = ok ? listening_port (self->soup) : 0;
  self->start_error = error;
  self->ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);

  if (ok)
    g_main_loop_run (self->loop);

  if (self->slice != NULL)
    {
      g_source_destroy (self->slice);
      g_clear_pointer (&self->slice, g_source_unref);
    }
  if (self->quit_poll != NULL)
    {
      g_source_destroy (self->quit_poll);
      self->quit_poll = NULL;
    }
  g_clear_pointer (&self->peers, g_ptr_array_unref);
  soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_clear_pointer (&self->generator, ts_mock_generator_free);
  g_clear_pointer (&self->batch, g_array_unref);

  /* let pending closes and unrefs run before the context goes */
  while (g_main_context_iteration (self->context, FALSE))
    ;

  g_main_context_pop_thread_default (self->context);
  return NULL;
}

static GSocketAddress *
resolve_address (const char  *address,
                 guint16      port,
                 GError     **error)
{
  g_autoptr(GInetAddress) inet = g_inet_address_new_from_string (address);

  if (inet == NULL)
    {
      g_autoptr(GResolver) resolver = g_resolver_get_default ();
      GList *list = g_resolver_lookup_by_name (resolver, address, NULL, error);

      if (list == NULL)
        return NULL;
      inet = g_object_ref (list->data);
      g_resolver_free_addresses (list);
    }
  return g_inet_socket_address_new (inet, port);
}

gboolean
ts_mock_server_start (TsMockServer  *self,
                      GError       **error)
{
  GError *start_error;

  g_return_val_if_fail (TS_IS_MOCK_SERVER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->running)
    return TRUE;

  if (self->replay_path != NULL && self->recording == NULL)
    {
      self->recording = ts_recording_load (self->replay_path, NULL, error);
      if (self->recording == NULL)
        return FALSE;
    }

  g_clear_object (&self->bind_address);
  self->bind_address = resolve_address (self->address, self->port_option, error);
  if (self->bind_address == NULL)
    return FALSE;

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->ready = FALSE;
  g_clear_error (&self->start_error);

  self->thread = g_thread_try_new ("ts-mock-server", server_thread, self, error);
  if (self->thread == NULL)
    {
      g_clear_pointer (&self->loop, g_main_loop_unref);
      g_clear_pointer (&self->context, g_main_context_unref);
      return FALSE;
    }

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->cond, &self->lock);
  start_error = g_steal_pointer (&self->start_error);
  g_mutex_unlock (&self->lock);

  if (start_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->loop, g_main_loop_unref);
      g_clear_pointer (&self->context, g_main_context_unref);
      g_propagate_error (error, start_error);
      return FALSE;
    }

  self->running = TRUE;
  return TRUE;
}

void
ts_mock_server_stop (TsMockServer *self)
{
  g_return_if_fail (TS_IS_MOCK_SERVER (self));

  if (!self->running)
    return;

  g_main_context_invoke (self->context, begin_shutdown_cb, self);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  self->running = FALSE;

  g_mutex_lock (&self->lock);
  self->port = 0;
  self->n_clients = 0;
  g_mutex_unlock (&self->lock);
}

void
ts_mock_server_set_sent_func (TsMockServer         *self,
                              TsMockServerSentFunc  func,
                              gpointer              user_data)
{
  g_return_if_fail (TS_IS_MOCK_SERVER (self));
  g_return_if_fail (!self->running);

  self->sent_func = func;
  self->sent_data = user_data;
}

gboolean
ts_mock_server_is_running (TsMockServer *self)
{
  g_return_val_if_fail (TS_IS_MOCK_SERVER (self), FALSE);
  return self->running;
}

guint16
ts_mock_server_get_port (TsMockServer *self)
{
  guint16 port;

  g_return_val_if_fail (TS_IS_MOCK_SERVER (self), 0);

  g_mutex_lock (&self->lock);
  port = self->port;
  g_mutex_unlock (&self->lock);
  return port;
}

char *
ts_mock_server_dup_url (TsMockServer *self)
{
  GInetAddress *inet;
  g_autofree char *host = NULL;
  guint16 port;

  g_return_val_if_fail (TS_IS_MOCK_SERVER (self), NULL);

  port = ts_mock_server_get_port (self);
  if (!self->running || port == 0)
    return NULL;

  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (self->bind_address));
  host = g_inet_address_to_string (inet);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("ws://[%s]:%u/", host, port);
  return g_strdup_printf ("ws://%s:%u/", host, port);
}

guint64
ts_mock_server_get_ticks_sent (TsMockServer *self)
{
  guint64 n;

  g_return_val_if_fail (TS_IS_MOCK_SERVER (self), 0);

  g_mutex_lock (&self->lock);
  n = self->ticks_sent;
  g_mutex_unlock (&self->lock);
  return n;
}

guint
ts_mock_server_get_n_clients (TsMockServer *self)
{
  guint n;

  g_return_val_if_fail (TS_IS_MOCK_SERVER (self), 0);

  g_mutex_lock (&self->lock);
  n = self->n_clients;
  g_mutex_unlock (&self->lock);
  return n;
}
