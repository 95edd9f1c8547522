/* ts-feed-client.c: a WebSocket client for the mock schema, with reconnect
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <libsoup/soup.h>

#include "ts-feed-client.h"
#include "ts-feed-error.h"
#include "ts-mock-codec.h"

#define BACKOFF_INITIAL 0.5   /* s */
#define BACKOFF_MAX     30.0  /* s */
#define JITTER          0.2   /* up to +20 % */

struct _TsFeedClient
{
  GObject                  parent_instance;

  GMainContext            *context;
  char                    *url;
  SoupSession             *session;
  gboolean                 session_is_direct;
  GCancellable            *cancellable;
  SoupWebsocketConnection *conn;
  gulong                   message_id;
  gulong                   closed_id;
  gulong                   error_id;
  GSource                 *retry_source;
  gint64                   retry_at;       /* monotonic µs */
  double                   backoff;        /* s, the next delay before jitter */
  GRand                   *rand;
  GArray                  *ticks;          /* scratch, TsTick */

  TsFeedState              state;
  char                    *last_error;
  char                    *conn_error;     /* reported by the current connection */
  guint64                  messages;
  guint64                  n_ticks;
  guint64                  rejected;

  TsFeedTickFunc           tick_func;
  gpointer                 tick_data;
  GDestroyNotify           tick_notify;
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
clear_retry (TsFeedClient *self)
{
  if (self->retry_source != NULL)
    {
      /* attached to self->context, so g_source_remove() by id would not find it */
      g_source_destroy (self->retry_source);
      g_clear_pointer (&self->retry_source, g_source_unref);
    }
}

/* Drops the connection; closes it (going away) when still open. */
static void
drop_connection (TsFeedClient *self)
{
  g_autoptr(SoupWebsocketConnection) conn = g_steal_pointer (&self->conn);

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

  clear_retry (self);
  self->backoff = MIN (self->backoff * 2.0, BACKOFF_MAX);
  self->retry_at = g_get_monotonic_time () + (gint64) (delay * G_USEC_PER_SEC);
  self->retry_source = g_timeout_source_new ((guint) (delay * 1000.0));
  g_source_set_callback (self->retry_source, retry_cb, self, NULL);
  g_source_attach (self->retry_source, self->context);
  g_debug ("feed client: retrying %s in %.2f s", self->url, delay);
  set_state (self, TS_FEED_STATE_RECONNECTING);
}

static void
message_cb (SoupWebsocketConnection *conn,
            SoupWebsocketDataType    type,
            GBytes                  *message,
            gpointer                 user_data)
{
  TsFeedClient *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  TsMockMessageKind kind;
  gsize size;
  const char *data = g_bytes_get_data (message, &size);

  self->messages++;

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    {
      self->rejected++;
      set_last_error (self, "binary message rejected");
      return;
    }

  g_array_set_size (self->ticks, 0);
  if (!ts_mock_codec_decode (data != NULL ? data : "", (gssize) size, self->ticks, &kind, &reason, &error))
    {
      self->rejected++;
      g_debug ("feed client: message rejected: %s", error->message);
      set_last_error (self, error->message);
      return;
    }

  if (kind == TS_MOCK_MESSAGE_END)
    {
      g_debug ("feed client: end of stream: %s", reason != NULL ? reason : "(no reason)");
      set_state (self, TS_FEED_STATE_FINISHED);
      return;
    }

  if (self->ticks->len > 0)
    {
      self->n_ticks += self->ticks->len;
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
    self->rejected++;
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
  soup_websocket_connection_set_max_incoming_payload_size (self->conn, TS_MOCK_CODEC_MAX_MESSAGE_SIZE);
  self->message_id = g_signal_connect (self->conn, "message", G_CALLBACK (message_cb), self);
  self->closed_id = g_signal_connect (self->conn, "closed", G_CALLBACK (closed_cb), self);
  self->error_id = g_signal_connect (self->conn, "error", G_CALLBACK (error_cb), self);
  self->backoff = BACKOFF_INITIAL;
  set_last_error (self, NULL);
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
  clear_retry (self);

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
  clear_retry (self);
  drop_connection (self);
}

static void
ts_feed_client_dispose (GObject *object)
{
  TsFeedClient *self = TS_FEED_CLIENT (object);

  stop_everything (self);
  if (self->tick_notify != NULL)
    self->tick_notify (self->tick_data);
  self->tick_func = NULL;
  self->tick_data = NULL;
  self->tick_notify = NULL;

  G_OBJECT_CLASS (ts_feed_client_parent_class)->dispose (object);
}

static void
ts_feed_client_finalize (GObject *object)
{
  TsFeedClient *self = TS_FEED_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->url, g_free);
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
  self->backoff = BACKOFF_INITIAL;
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
ts_feed_client_connect (TsFeedClient *self,
                        const char   *url)
{
  g_return_if_fail (TS_IS_FEED_CLIENT (self));
  g_return_if_fail (url != NULL);

  stop_everything (self);
  g_free (self->url);
  self->url = g_strdup (url);
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
