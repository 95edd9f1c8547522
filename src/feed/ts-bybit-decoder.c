/* ts-bybit-decoder.c: Bybit v5 public WebSocket messages to ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written from the Bybit v5 public WebSocket documentation; see the header
 * for the message shapes.
 */
#include <string.h>
#include <json-glib/json-glib.h>

#include "ts-book-private.h"
#include "ts-bybit-decoder.h"
#include "ts-feed-error.h"
#include "ts-feed-json-private.h"

/* the merged ticker fields; 0 = not known */
typedef struct
{
  double bid, bid_size, ask, ask_size;
  double last_bid, last_bid_size, last_ask, last_ask_size;
  gboolean emitted;
} Ticker;

typedef struct
{
  TsBook *book;  /* first: a _ts_feed_book_table_get() entry */
  gint64  last_u;
  Ticker  ticker;
} Symbol;

struct _TsBybitDecoder
{
  TsFeedJsonDecoder  base;
  GHashTable        *symbols;  /* symbol -> Symbol */
};

TsBybitDecoder *
ts_bybit_decoder_new (void)
{
  TsBybitDecoder *self = g_new0 (TsBybitDecoder, 1);

  _ts_feed_json_decoder_init (&self->base);
  self->symbols = _ts_feed_book_table_new ();
  return self;
}

void
ts_bybit_decoder_free (TsBybitDecoder *self)
{
  if (self == NULL)
    return;
  _ts_feed_json_decoder_clear (&self->base);
  g_clear_pointer (&self->symbols, g_hash_table_unref);
  g_free (self);
}

static Symbol *
get_symbol (TsBybitDecoder *self,
            const char     *name)
{
  return _ts_feed_book_table_get (self->symbols, name, sizeof (Symbol));
}

/* A ms member to µs, checked against the receive time. */
static gboolean
get_time (TsBybitDecoder  *self,
          JsonObject      *object,
          const char      *name,
          gint64          *out_us,
          GError         **error)
{
  return _ts_json_get_time_ms (object, name, self->base.receive_us, out_us, error);
}

/* "cts" when present, else "ts" */
static gboolean
get_message_time (TsBybitDecoder  *self,
                  JsonObject      *object,
                  gint64          *out_us,
                  GError         **error)
{
  gint64 ts_us;

  if (!get_time (self, object, "ts", &ts_us, error))
    return FALSE;
  if (json_object_has_member (object, "cts"))
    return get_time (self, object, "cts", out_us, error);
  *out_us = ts_us;
  return TRUE;
}

static gboolean
get_type (JsonObject  *object,
          gboolean    *is_snapshot,
          GError     **error)
{
  const char *type;

  if (!_ts_json_get_string (object, "type", &type, error))
    return FALSE;
  if (g_str_equal (type, "snapshot"))
    *is_snapshot = TRUE;
  else if (g_str_equal (type, "delta"))
    *is_snapshot = FALSE;
  else
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "type \"%s\" is neither \"snapshot\" nor \"delta\"", type);
      return FALSE;
    }
  return TRUE;
}

static gboolean
decode_trades (TsBybitDecoder  *self,
               JsonObject      *object,
               GArray          *ticks,
               GError         **error)
{
  JsonArray *data;
  guint n;

  if (!_ts_json_get_array (object, "data", &data, error))
    return FALSE;
  n = json_array_get_length (data);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (data, i);
      JsonObject *trade;
      TsTick tick = { 0 };
      const char *side, *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                       "trade %u is not an object", i);
          return FALSE;
        }
      trade = json_node_get_object (node);
      if (!_ts_json_get_symbol (trade, "s", &tick, NULL, error)
          || !get_time (self, trade, "T", &tick.time_us, error)
          || !_ts_json_get_string (trade, "S", &side, error)
          || !_ts_json_get_decimal (trade, "p", FALSE, &tick.price, error)
          || !_ts_json_get_decimal (trade, "v", FALSE, &tick.size, error)
          || !_ts_json_get_string (trade, "i", &id, error))
        return FALSE;
      /* "S" is the taker's side */
      if (g_str_equal (side, "Buy"))
        tick.aggressor = TS_SIDE_BUY;
      else if (g_str_equal (side, "Sell"))
        tick.aggressor = TS_SIDE_SELL;
      else
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                       "trade %u: side \"%s\" is neither \"Buy\" nor \"Sell\"", i, side);
          return FALSE;
        }
      if (id[0] != '\0' && strspn (id, "0123456789") == strlen (id) && strlen (id) < 20)
        tick.seq = g_ascii_strtoull (id, NULL, 10);
      tick.flags = TS_TICK_TRADE;
      g_array_append_val (ticks, tick);
    }
  return TRUE;
}

static gboolean
decode_orderbook (TsBybitDecoder  *self,
                  JsonObject      *object,
                  GArray          *ticks,
                  GError         **error)
{
  TsTick tick = { 0 };
  JsonObject *data;
  JsonArray *b, *a;
  const char *name;
  gboolean is_snapshot;
  gint64 u;
  Symbol *symbol;

  g_array_set_size (self->base.bids, 0);
  g_array_set_size (self->base.asks, 0);
  if (!get_type (object, &is_snapshot, error)
      || !get_message_time (self, object, &tick.time_us, error)
      || !_ts_json_get_object (object, "data", &data, error)
      || !_ts_json_get_symbol (data, "s", &tick, &name, error)
      || !_ts_json_get_int (data, "u", &u, error)
      || !_ts_json_get_array (data, "b", &b, error)
      || !_ts_json_get_array (data, "a", &a, error)
      || !_ts_json_get_levels (b, "b", self->base.bids, error)
      || !_ts_json_get_levels (a, "a", self->base.asks, error))
    return FALSE;

  symbol = get_symbol (self, name);
  if (is_snapshot)
    {
      _ts_book_clear (symbol->book);
      symbol->book->ready = TRUE;
    }
  else if (!symbol->book->ready)
    return TRUE; /* no snapshot yet */
  else if (u != symbol->last_u + 1)
    self->base.stats.gaps++;
  symbol->last_u = u;

  _ts_feed_json_decoder_apply_levels (&self->base, symbol->book);
  if (_ts_book_take_changed_top (symbol->book, &tick))
    {
      tick.seq = u > 0 ? (guint64) u : 0;
      g_array_append_val (ticks, tick);
    }
  return TRUE;
}

/* An optional decimal member into *out (sizes may be 0). */
static gboolean
merge_decimal (JsonObject  *data,
               const char  *name,
               gboolean     allow_zero,
               double      *out,
               GError     **error)
{
  if (!json_object_has_member (data, name))
    return TRUE;
  return _ts_json_get_decimal (data, name, allow_zero, out, error);
}

static gboolean
decode_ticker (TsBybitDecoder  *self,
               JsonObject      *object,
               GArray          *ticks,
               GError         **error)
{
  TsTick tick = { 0 };
  JsonObject *data;
  const char *name;
  gboolean is_snapshot;
  Ticker merged;
  Symbol *symbol;
  double last_price = 0.0;

  if (!get_type (object, &is_snapshot, error)
      || !get_message_time (self, object, &tick.time_us, error)
      || !_ts_json_get_object (object, "data", &data, error)
      || !_ts_json_get_symbol (data, "symbol", &tick, &name, error))
    return FALSE;

  symbol = get_symbol (self, name);
  merged = symbol->ticker;
  if (is_snapshot)
    merged.bid = merged.bid_size = merged.ask = merged.ask_size = 0.0;
  if (!merge_decimal (data, "bid1Price", FALSE, &merged.bid, error)
      || !merge_decimal (data, "bid1Size", TRUE, &merged.bid_size, error)
      || !merge_decimal (data, "ask1Price", FALSE, &merged.ask, error)
      || !merge_decimal (data, "ask1Size", TRUE, &merged.ask_size, error)
      || !merge_decimal (data, "lastPrice", FALSE, &last_price, error))
    return FALSE;
  if (json_object_has_member (object, "cs"))
    {
      gint64 cs;

      if (!_ts_json_get_int (object, "cs", &cs, error))
        return FALSE;
      tick.seq = cs > 0 ? (guint64) cs : 0;
    }
  symbol->ticker = merged;

  if (merged.bid <= 0.0 || merged.ask <= 0.0 || merged.bid_size <= 0.0 || merged.ask_size <= 0.0
      || merged.bid > merged.ask)
    return TRUE;
  if (merged.emitted && merged.bid == merged.last_bid && merged.ask == merged.last_ask
      && merged.bid_size == merged.last_bid_size && merged.ask_size == merged.last_ask_size)
    return TRUE;
  symbol->ticker.emitted = TRUE;
  symbol->ticker.last_bid = tick.bid = merged.bid;
  symbol->ticker.last_bid_size = tick.bid_size = merged.bid_size;
  symbol->ticker.last_ask = tick.ask = merged.ask;
  symbol->ticker.last_ask_size = tick.ask_size = merged.ask_size;
  tick.flags = TS_TICK_QUOTE;
  g_array_append_val (ticks, tick);
  return TRUE;
}

static gboolean
decode_object (gpointer     decoder,
               JsonObject  *object,
               GArray      *ticks,
               GError     **error)
{
  TsBybitDecoder *self = decoder;
  const char *topic;

  /* replies to subscribe / ping requests */
  if (!json_object_has_member (object, "topic")
      && (json_object_has_member (object, "op") || json_object_has_member (object, "success")))
    {
      JsonNode *success = json_object_get_member (object, "success");

      if (success != NULL && JSON_NODE_HOLDS_VALUE (success)
          && json_node_get_value_type (success) == G_TYPE_BOOLEAN
          && !json_node_get_boolean (success))
        {
          JsonNode *msg = json_object_get_member (object, "ret_msg");

          g_debug ("bybit: request failed: %s",
                   msg != NULL && JSON_NODE_HOLDS_VALUE (msg)
                   && json_node_get_value_type (msg) == G_TYPE_STRING
                   ? json_node_get_string (msg) : "(no ret_msg)");
        }
      return TRUE;
    }

  if (!_ts_json_get_string (object, "topic", &topic, error))
    return FALSE;
  if (g_str_has_prefix (topic, "publicTrade."))
    return decode_trades (self, object, ticks, error);
  if (g_str_has_prefix (topic, "orderbook."))
    return decode_orderbook (self, object, ticks, error);
  if (g_str_has_prefix (topic, "tickers."))
    return decode_ticker (self, object, ticks, error);
  g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_UNKNOWN_EVENT,
               "unknown Bybit topic \"%s\"", topic);
  return FALSE;
}

gboolean
ts_bybit_decoder_decode (TsBybitDecoder  *self,
                         const char      *data,
                         gssize           length,
                         gint64           receive_time_us,
                         GArray          *ticks,
                         GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return _ts_feed_json_decoder_decode (&self->base, data, length, receive_time_us, ticks,
                                       decode_object, self, error);
}

const TsDecoderStats *
ts_bybit_decoder_get_stats (const TsBybitDecoder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->base.stats;
}

char *
ts_bybit_decoder_dup_subscribe_message (const char * const *symbols,
                                        guint               orderbook_depth)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (symbols != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, "subscribe");
  json_builder_set_member_name (builder, "args");
  json_builder_begin_array (builder);
  for (guint i = 0; symbols[i] != NULL; i++)
    {
      g_autofree char *trade = g_strconcat ("publicTrade.", symbols[i], NULL);

      json_builder_add_string_value (builder, trade);
      if (orderbook_depth > 0)
        {
          g_autofree char *book = g_strdup_printf ("orderbook.%u.%s", orderbook_depth, symbols[i]);

          json_builder_add_string_value (builder, book);
        }
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return _ts_feed_json_builder_to_data (builder);
}
