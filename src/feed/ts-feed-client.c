/* ts-feed-client.c: a WebSocket market-data client for any venue, with reconnect
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libsoup/soup.h>

#include "ts-bybit-decoder.h"
#include "ts-feed-client.h"
#include "ts-feed-error.h"
#include "ts-mock-codec.h"

#define BACKOFF_INITIAL   0.5   /* s */
#define BACKOFF_MAX       30.0  /* s */
#define JITTER            0.2   /* up to +20 % */
#define STALE_DEFAULT     10.0  /* s */
#define STALE_CHECK_MS    250
#define VENUE_MAX_PAYLOAD (16 * 1024 * 1024)

struct _TsFeedClient
{
  GObject                  parent_instance;

  GMainContext            *context;
  char                    *url;
  TsVenue                  venue;
  char                   **symbols;
  TsDecoder               *decoder;
  TsRecorder              *recorder;       /* not owned */
  SoupSession             *session;
  gboolean                 session_is_direct;
  GCancellable            *cancellable;
  SoupWebsocketConnection *conn;
  gulong                   message_id;
  gulong                   closed_id;
  gulong                   error_id;
  GSource                 *retry_source;
  GSource                 *stale_source;
  GSource                 *ping_source;
  gint64                   retry_at;       /* monotonic µs */
  gint64                   last_tick_mono; /* µs; the connection's open time before its first tick */
  double                   backoff;        /* s, the next delay before jitter */
  double                   stale_seconds;
  GRand                   *rand;
  GArray                  *ticks;          /* scratch, TsTick */

  TsFeedState              state;
  char                    *last_error;
  char                    *conn_error;     /* reported by the current connection */
  guint64                  messages;
  guint64                  n_ticks;
  guint64                  rejected;
  guint                    n_opened;

  TsFeedTickFunc           tick_func;
  gpointer                 tick_data;
  GDestroyNotify           tick_notify;
  TsFeedRejectFunc         reject_func;
  gpointer                 reject_data;
  GDestroyNotify           reject_notify;
};

enum { STATE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TsFeedClient, ts_feed_client, G_TYPE_OBJECT)

static void start_attempt (TsFeedClient *self);

static void
set_state (TsFeedClient *self,
           TsFeedState   state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_signal_emit (self, signals[STATE_CHANGED], 0);
}

static void
set_last_error (TsFeedClient *self,
                const char   *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
}

static void
destroy_source (GSource **source)
{
  if (*source != NULL)
    {
      /* attached to self->context, so g_source_remove() by id would not find it */
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static GSource *
add_timeout (TsFeedClient *self,
             guint         interval_ms,
             GSourceFunc   func)
{
  GSource *source = g_timeout_source_new (interval_ms);

  g_source_set_callback (source, func, self, NULL);
  g_source_attach (source, self->context);
  return source;
}

/* Drops the connection; closes it (going away) when still open. */
static void
drop_connection (TsFeedClient *self)
{
  g_autoptr(SoupWebsocketConnection) conn = g_steal_pointer (&self->conn);

  destroy_source (&self->stale_source);
  destroy_source (&self->ping_source);
  g_clear_pointer (&self->conn_error, g_free);
  if (conn == NULL)
    return;
  g_clear_signal_handler (&self->message_id, conn);
  g_clear_signal_handler (&self->closed_id, conn);
  g_clear_signal_handler (&self->error_id, conn);
  if (soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
}

static gboolean
retry_cb (gpointer user_data)
{
  TsFeedClient *self = user_data;

  g_clear_pointer (&self->retry_source, g_source_unref);
  start_attempt (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (TsFeedClient *self)
{
  double delay = self->backoff * (1.0 + g_rand_double_range (self->rand, 0.0, JITTER));

  destroy_source (&self->retry_source);
  self->backoff = MIN (self->backoff * 2.0, BACKOFF_MAX);
  self->retry_at = g_get_monotonic_time () + (gint64) (delay * G_USEC_PER_SEC);
  self->retry_source = add_timeout (self, (guint) (delay * 1000.0), retry_cb);
  g_debug ("feed client: retrying %s in %.2f s", self->url, delay);
  set_state (self, TS_FEED_STATE_RECONNECTING);
}

static void
reject (TsFeedClient *self,
        const GError *error,
        const char   *data,
        gsize         size)
{
  self->rejected++;
  g_debug ("feed client: message rejected: %s", error->message);
  set_last_error (self, error->message);
  if (self->reject_func != NULL)
    self->reject_func (error, data, size, self->reject_data);
}

static void
message_cb (SoupWebsocketConnection *conn,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            gpointer                 user_data)
{
  TsFeedClient *self = user_data;
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (message, &size);
  gint64 now_us;

  self->messages++;

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      g_set_error_literal (&error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                           "binary message rejected");
      reject (self, error, NULL, 0);
      return;
    }
  if (data == NULL)
    data = "";

  now_us = g_get_real_time ();
  if (self->recorder != NULL)
    ts_recorder_write (self->recorder, now_us * 1000, data, (gssize) size);

  /* The mock server replays recordings from any time: no 24 h check there */
  g_array_set_size (self->ticks, 0);
  if (!ts_decoder_decode (self->decoder, data, (gssize) size,
                          self->venue == TS_VENUE_MOCK ? 0 : now_us, self->ticks, &error))
    {
      reject (self, error, data, size);
      return;
    }

  if (ts_decoder_is_finished (self->decoder))
    {
      g_debug ("feed client: end of stream");
      set_state (self, TS_FEED_STATE_FINISHED);
      return;
    }

  if (self->ticks->len > 0)
    {
      self->last_tick_mono = g_get_monotonic_time ();
      self->n_ticks += self->ticks->len;
      if (self->state == TS_FEED_STATE_STALE)
        set_state (self, TS_FEED_STATE_LIVE);
      if (self->tick_func != NULL)
        self->tick_func ((const TsTick *) (gpointer) self->ticks->data, self->ticks->len,
                         self->tick_data);
    }
}

static void
error_cb (SoupWebsocketConnection *conn,
          GError                  *error,
          gpointer                 user_data)
{
  TsFeedClient *self = user_data;

  g_debug ("feed client: connection error: %s", error->message);
  g_free (self->conn_error);
  self->conn_error = g_strdup (error->message);
  /* e.g. a message over max-incoming-payload-size: count it as rejected */
  if (g_error_matches (error, SOUP_WEBSOCKET_ERROR, SOUP_WEBSOCKET_CLOSE_TOO_BIG))
    {
      g_autoptr(GError) too_large = g_error_new (TS_FEED_ERROR, TS_FEED_ERROR_TOO_LARGE,
                                                 "%s", error->message);

      self->rejected++;
      if (self->reject_func != NULL)
        self->reject_func (too_large, NULL, 0, self->reject_data);
    }
}

static void
closed_cb (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  TsFeedClient *self = user_data;
  gushort code = soup_websocket_connection_get_close_code (conn);
  const char *data = soup_websocket_connection_get_close_data (conn);

  g_debug ("feed client: closed, code %u (%s)", code, data != NULL ? data : "");
  if (self->state != TS_FEED_STATE_FINISHED)
    {
      g_autofree char *text = g_strdup_printf ("connection closed (code %u%s%s)%s%s", code,
                                               data != NULL && *data ? ": " : "",
                                               data != NULL ? data : "",
                                               self->conn_error != NULL ? ": " : "",
                                               self->conn_error != NULL ? self->conn_error : "");
      set_last_error (self, text);
    }

  drop_connection (self);

  if (self->state == TS_FEED_STATE_FINISHED)
    return;
  schedule_retry (self);
}

static gboolean
stale_cb (gpointer user_data)
{
  TsFeedClient *self = user_data;

  if (self->state == TS_FEED_STATE_LIVE
      && g_get_monotonic_time () - self->last_tick_mono
         >= (gint64) (self->stale_seconds * G_USEC_PER_SEC))
    set_state (self, TS_FEED_STATE_STALE);
  return G_SOURCE_CONTINUE;
}

static gboolean
ping_cb (gpointer user_data)
{
  TsFeedClient *self = user_data;

  if (self->conn != NULL && soup_websocket_connection_get_state (self->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_send_text (self->conn, "{\"op\":\"ping\"}");
  return G_SOURCE_CONTINUE;
}

static void
send_subscription (TsFeedClient *self)
{
  guint n_symbols = self->symbols != NULL ? g_strv_length (self->symbols) : 0;

  if (self->venue == TS_VENUE_MOCK || n_symbols == 0)
    return;

  if (self->venue == TS_VENUE_BYBIT)
    {
      /* two topics per symbol (publicTrade, orderbook.1) */
      guint per_request = TS_FEED_CLIENT_BYBIT_MAX_TOPICS / 2;

      for (guint i = 0; i < n_symbols; i += per_request)
        {
          g_autofree const char **chunk = g_new0 (const char *, per_request + 1);
          g_autofree char *text = NULL;

          for (guint k = 0; k < per_request && i + k < n_symbols; k++)
            chunk[k] = self->symbols[i + k];
          text = ts_bybit_decoder_dup_subscribe_message (chunk, 1);
          soup_websocket_connection_send_text (self->conn, text);
        }
      return;
    }

  {
    g_autofree char *text =
      ts_decoder_dup_subscribe_message (self->decoder, (const char * const *) self->symbols);

    if (text != NULL)
      soup_websocket_connection_send_text (self->conn, text);
  }
}

static void
connect_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupWebsocketConnection) conn = NULL;
  TsFeedClient *self;

  conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return; /* self may be gone */

  self = TS_FEED_CLIENT (user_data);
  g_clear_object (&self->cancellable);

  if (conn == NULL)
    {
      g_debug ("feed client: cannot connect to %s: %s", self->url, error->message);
      set_last_error (self, error->message);
      schedule_retry (self);
      return;
    }

  self->conn = g_steal_pointer (&conn);
  soup_websocket_connection_set_max_incoming_payload_size (self->conn,
                                                           self->venue == TS_VENUE_MOCK
                                                           ? TS_MOCK_CODEC_MAX_MESSAGE_SIZE
                                                           : VENUE_MAX_PAYLOAD);
  /* a WebSocket ping now and then: dead links show up, proxies keep it open */
  soup_websocket_connection_set_keepalive_interval (self->conn, TS_FEED_CLIENT_BYBIT_PING_SECONDS);
  self->message_id = g_signal_connect (self->conn, "message", G_CALLBACK (message_cb), self);
  self->closed_id = g_signal_connect (self->conn, "closed", G_CALLBACK (closed_cb), self);
  self->error_id = g_signal_connect (self->conn, "error", G_CALLBACK (error_cb), self);
  self->backoff = BACKOFF_INITIAL;
  self->last_tick_mono = g_get_monotonic_time ();
  self->n_opened++;
  set_last_error (self, NULL);

  send_subscription (self);
  if (self->venue == TS_VENUE_BYBIT)
    self->ping_source = add_timeout (self, TS_FEED_CLIENT_BYBIT_PING_SECONDS * 1000, ping_cb);
  self->stale_source = add_timeout (self, STALE_CHECK_MS, stale_cb);

  set_state (self, TS_FEED_STATE_LIVE);
}

static gboolean
host_is_loopback (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  g_autoptr(GInetAddress) inet = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  inet = g_inet_address_new_from_string (host);
  return inet != NULL && g_inet_address_get_is_loopback (inet);
}

static void
start_attempt (TsFeedClient *self)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;
  gboolean direct;
  const char *scheme;

  g_clear_object (&self->cancellable);
  destroy_source (&self->retry_source);

  uri = g_uri_parse (self->url, SOUP_HTTP_URI_FLAGS, &error);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL
      || (g_ascii_strcasecmp (scheme, "ws") != 0 && g_ascii_strcasecmp (scheme, "wss") != 0))
    {
      g_autofree char *text = g_strdup_printf ("not a ws:// or wss:// URL: %s", self->url);

      set_last_error (self, text);
      set_state (self, TS_FEED_STATE_DISCONNECTED);
      return;
    }

  /* No proxy lookup for loopback (and libproxy aborts under ASan, HEADLESS.md) */
  direct = host_is_loopback (uri);
  if (self->session == NULL || self->session_is_direct != direct)
    {
      g_clear_object (&self->session);
      if (direct)
        self->session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
      else
        self->session = soup_session_new ();
      self->session_is_direct = direct;
    }

  msg = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  self->cancellable = g_cancellable_new ();
  set_state (self, TS_FEED_STATE_CONNECTING);
  soup_session_websocket_connect_async (self->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        self->cancellable, connect_cb, self);
}

static void
stop_everything (TsFeedClient *self)
{
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  destroy_source (&self->retry_source);
  drop_connection (self);
}

static void
ts_feed_client_dispose (GObject *object)
{
  TsFeedClient *self = TS_FEED_CLIENT (object);

  stop_everything (self);
  self->recorder = NULL;
  ts_feed_client_set_tick_func (self, NULL, NULL, NULL);
  ts_feed_client_set_reject_func (self, NULL, NULL, NULL);

  G_OBJECT_CLASS (ts_feed_client_parent_class)->dispose (object);
}

static void
ts_feed_client_finalize (GObject *object)
{
  TsFeedClient *self = TS_FEED_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->symbols, g_strfreev);
  g_clear_pointer (&self->decoder, ts_decoder_free);
  g_clear_pointer (&self->last_error, g_free);
  g_clear_pointer (&self->conn_error, g_free);
  g_clear_pointer (&self->rand, g_rand_free);
  g_clear_pointer (&self->ticks, g_array_unref);

  G_OBJECT_CLASS (ts_feed_client_parent_class)->finalize (object);
}

static void
ts_feed_client_class_init (TsFeedClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_feed_client_dispose;
  object_class->finalize = ts_feed_client_finalize;

  /**
   * TsFeedClient::state-changed:
   *
   * Emitted on the client's context when ts_feed_client_get_state() changed.
   */
  signals[STATE_CHANGED] = g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

static void
ts_feed_client_init (TsFeedClient *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->state = TS_FEED_STATE_DISCONNECTED;
  self->venue = TS_VENUE_MOCK;
  self->backoff = BACKOFF_INITIAL;
  self->stale_seconds = STALE_DEFAULT;
  self->rand = g_rand_new ();
  self->ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
}

TsFeedClient *
ts_feed_client_new (void)
{
  return g_object_new (TS_TYPE_FEED_CLIENT, NULL);
}

void
ts_feed_client_set_tick_func (TsFeedClient   *self,
                              TsFeedTickFunc  func,
                              gpointer        user_data,
                              GDestroyNotify  notify)
{
  g_return_if_fail (TS_IS_FEED_CLIENT (self));

  if (self->tick_notify != NULL)
    self->tick_notify (self->tick_data);
  self->tick_func = func;
  self->tick_data = user_data;
  self->tick_notify = notify;
}

void
ts_feed_client_set_reject_func (TsFeedClient     *self,
                                TsFeedRejectFunc  func,
                                gpointer          user_data,
                                GDestroyNotify    notify)
{
  g_return_if_fail (TS_IS_FEED_CLIENT (self));

  if (self->reject_notify != NULL)
    self->reject_notify (self->reject_data);
  self->reject_func = func;
  self->reject_data = user_data;
  self->reject_notify = notify;
}

void
ts_feed_client_set_venue (TsFeedClient       *self,
                          TsVenue             venue,
                          const char * const *symbols)
{
  g_return_if_fail (TS_IS_FEED_CLIENT (self));
  g_return_if_fail (venue < TS_N_VENUES);

  self->venue = venue;
  g_strfreev (self->symbols);
  self->symbols = g_strdupv ((char **) symbols);
}

TsVenue
ts_feed_client_get_venue (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), TS_VENUE_MOCK);
  return self->venue;
}

void
ts_feed_client_set_stale_seconds (TsFeedClient *self,
                                  double        seconds)
{
  g_return_if_fail (TS_IS_FEED_CLIENT (self));
  g_return_if_fail (seconds > 0);

  self->stale_seconds = seconds;
}

double
ts_feed_client_get_stale_seconds (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), 0.0);
  return self->stale_seconds;
}

double
ts_feed_client_get_seconds_since_tick (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), 0.0);

  if (self->conn == NULL)
    return 0.0;
  return (double) (g_get_monotonic_time () - self->last_tick_mono) / G_USEC_PER_SEC;
}

void
ts_feed_client_set_recorder (TsFeedClient *self,
                             TsRecorder   *recorder)
{
  g_return_if_fail (TS_IS_FEED_CLIENT (self));
  self->recorder = recorder;
}

void
ts_feed_client_connect (TsFeedClient *self,
                        const char   *url)
{
  g_return_if_fail (TS_IS_FEED_CLIENT (self));
  g_return_if_fail (url != NULL);

  stop_everything (self);
  g_free (self->url);
  self->url = g_strdup (url);
  g_clear_pointer (&self->decoder, ts_decoder_free);
  self->decoder = ts_decoder_new (self->venue);
  self->messages = 0;
  self->n_ticks = 0;
  self->rejected = 0;
  self->n_opened = 0;
  self->backoff = BACKOFF_INITIAL;
  set_last_error (self, NULL);
  start_attempt (self);
}

void
ts_feed_client_disconnect (TsFeedClient *self)
{
  g_return_if_fail (TS_IS_FEED_CLIENT (self));

  stop_everything (self);
  set_state (self, TS_FEED_STATE_DISCONNECTED);
}

TsFeedState
ts_feed_client_get_state (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), TS_FEED_STATE_DISCONNECTED);
  return self->state;
}

const char *
ts_feed_client_get_url (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), NULL);
  return self->url;
}

double
ts_feed_client_get_retry_seconds (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), 0.0);

  if (self->state != TS_FEED_STATE_RECONNECTING || self->retry_source == NULL)
    return 0.0;
  return MAX (0.0, (double) (self->retry_at - g_get_monotonic_time ()) / G_USEC_PER_SEC);
}

const char *
ts_feed_client_get_last_error (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), NULL);
  return self->last_error;
}

guint64
ts_feed_client_get_messages (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), 0);
  return self->messages;
}

guint64
ts_feed_client_get_ticks (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), 0);
  return self->n_ticks;
}

guint64
ts_feed_client_get_rejected (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), 0);
  return self->rejected;
}

guint64
ts_feed_client_get_gaps (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), 0);
  return self->decoder != NULL ? ts_decoder_get_gaps (self->decoder) : 0;
}

const TsDecoderStats *
ts_feed_client_get_decoder_stats (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), NULL);
  return self->decoder != NULL ? ts_decoder_get_stats (self->decoder) : NULL;
}

guint
ts_feed_client_get_reconnects (TsFeedClient *self)
{
  g_return_val_if_fail (TS_IS_FEED_CLIENT (self), 0);
  return self->n_opened > 0 ? self->n_opened - 1 : 0;
}
