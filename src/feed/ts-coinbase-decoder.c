/* ts-coinbase-decoder.c: Coinbase Exchange WebSocket messages to ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written from the Coinbase Exchange WebSocket channel documentation; see
 * the header for the message shapes.
 */
#include <string.h>
#include <json-glib/json-glib.h>

#include "ts-book-private.h"
#include "ts-coinbase-decoder.h"
#include "ts-feed-error.h"
#include "ts-feed-json-private.h"

typedef struct
{
  TsBook *book;              /* first: a _ts_feed_book_table_get() entry */
  gint64  last_trade_id;     /* 0: none yet */
  gint64  last_match_seq;    /* 0: none yet */
  gint64  last_ticker_seq;   /* 0: none yet */
  gint64  latest_us;
} Product;

typedef struct
{
  gboolean is_bid;
  double   price;
  double   size;
} Change;

struct _TsCoinbaseDecoder
{
  TsFeedJsonDecoder  base;
  GHashTable        *products;  /* product id -> Product */
  GArray            *changes;   /* Change scratch */
  guint64            counts[TS_COINBASE_N_MESSAGES];
};

TsCoinbaseDecoder *
ts_coinbase_decoder_new (void)
{
  TsCoinbaseDecoder *self = g_new0 (TsCoinbaseDecoder, 1);

  _ts_feed_json_decoder_init (&self->base);
  self->products = _ts_feed_book_table_new ();
  self->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  return self;
}

void
ts_coinbase_decoder_free (TsCoinbaseDecoder *self)
{
  if (self == NULL)
    return;
  _ts_feed_json_decoder_clear (&self->base);
  g_clear_pointer (&self->products, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_array_unref);
  g_free (self);
}

static Product *
get_product (TsCoinbaseDecoder *self,
             const char        *product_id)
{
  return _ts_feed_book_table_get (self->products, product_id, sizeof (Product));
}

/* product_id into @tick->symbol, checked */
static gboolean
get_product_id (JsonObject  *object,
                TsTick      *tick,
                const char **out,
                GError     **error)
{
  return _ts_json_get_symbol (object, "product_id", tick, out, error);
}

static gboolean
get_time (TsCoinbaseDecoder  *self,
          JsonObject         *object,
          gint64             *out_us,
          GError            **error)
{
  return _ts_json_get_time_rfc3339 (object, "time", self->base.receive_us, out_us, error);
}

static gboolean
decode_match (TsCoinbaseDecoder  *self,
              JsonObject         *object,
              gboolean            is_last,
              GArray             *ticks,
              GError            **error)
{
  TsTick tick = { 0 };
  const char *product_id, *side;
  gint64 trade_id, sequence;
  Product *product;

  if (!get_product_id (object, &tick, &product_id, error)
      || !_ts_json_get_int (object, "trade_id", &trade_id, error)
      || !_ts_json_get_int (object, "sequence", &sequence, error)
      || !_ts_json_get_string (object, "side", &side, error)
      || !_ts_json_get_decimal (object, "price", FALSE, &tick.price, error)
      || !_ts_json_get_decimal (object, "size", FALSE, &tick.size, error)
      || !get_time (self, object, &tick.time_us, error))
    return FALSE;

  /* "side" is the maker's: the taker did the opposite */
  if (g_str_equal (side, "sell"))
    tick.aggressor = TS_SIDE_BUY;
  else if (g_str_equal (side, "buy"))
    tick.aggressor = TS_SIDE_SELL;
  else
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "side \"%s\" is neither \"buy\" nor \"sell\"", side);
      return FALSE;
    }
  if (trade_id < 0 || sequence < 0)
    {
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                           "negative trade_id or sequence");
      return FALSE;
    }

  self->counts[is_last ? TS_COINBASE_MESSAGE_LAST_MATCH : TS_COINBASE_MESSAGE_MATCH]++;
  product = get_product (self, product_id);
  if (product->last_match_seq != 0 && sequence <= product->last_match_seq)
    {
      self->base.stats.out_of_order++;
      return TRUE;
    }
  if (!is_last && product->last_trade_id != 0 && trade_id != product->last_trade_id + 1)
    self->base.stats.gaps++;
  product->last_match_seq = sequence;
  product->last_trade_id = trade_id;
  product->latest_us = MAX (product->latest_us, tick.time_us);

  tick.seq = (guint64) trade_id;
  tick.flags = TS_TICK_TRADE;
  g_array_append_val (ticks, tick);
  return TRUE;
}

static gboolean
decode_ticker (TsCoinbaseDecoder  *self,
               JsonObject         *object,
               GArray             *ticks,
               GError            **error)
{
  TsTick tick = { 0 };
  const char *product_id;
  gint64 sequence;
  double price;
  gboolean has_sizes;
  Product *product;

  if (!get_product_id (object, &tick, &product_id, error)
      || !_ts_json_get_int (object, "sequence", &sequence, error)
      || !_ts_json_get_decimal (object, "best_bid", FALSE, &tick.bid, error)
      || !_ts_json_get_decimal (object, "best_ask", FALSE, &tick.ask, error))
    return FALSE;
  if (json_object_has_member (object, "price")
      && !_ts_json_get_decimal (object, "price", FALSE, &price, error))
    return FALSE;
  has_sizes = json_object_has_member (object, "best_bid_size")
              || json_object_has_member (object, "best_ask_size");
  if (has_sizes
      && (!_ts_json_get_decimal (object, "best_bid_size", FALSE, &tick.bid_size, error)
          || !_ts_json_get_decimal (object, "best_ask_size", FALSE, &tick.ask_size, error)))
    return FALSE;
  if (json_object_has_member (object, "time") && !get_time (self, object, &tick.time_us, error))
    return FALSE;
  if (tick.bid > tick.ask)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "best_bid %.17g above best_ask %.17g", tick.bid, tick.ask);
      return FALSE;
    }

  self->counts[TS_COINBASE_MESSAGE_TICKER]++;
  product = get_product (self, product_id);
  if (product->last_ticker_seq != 0 && sequence <= product->last_ticker_seq)
    {
      self->base.stats.out_of_order++;
      return TRUE;
    }
  product->last_ticker_seq = sequence;
  if (tick.time_us == 0)
    return TRUE;
  product->latest_us = MAX (product->latest_us, tick.time_us);
  if (!has_sizes)
    return TRUE;
  tick.seq = sequence > 0 ? (guint64) sequence : 0;
  tick.flags = TS_TICK_QUOTE;
  g_array_append_val (ticks, tick);
  return TRUE;
}

static gboolean
decode_snapshot (TsCoinbaseDecoder  *self,
                 JsonObject         *object,
                 GArray             *ticks,
                 GError            **error)
{
  TsTick tick = { 0 };
  const char *product_id;
  JsonArray *bids, *asks;
  Product *product;

  g_array_set_size (self->base.bids, 0);
  g_array_set_size (self->base.asks, 0);
  if (!get_product_id (object, &tick, &product_id, error)
      || !_ts_json_get_array (object, "bids", &bids, error)
      || !_ts_json_get_array (object, "asks", &asks, error)
      || !_ts_json_get_levels (bids, "bids", self->base.bids, error)
      || !_ts_json_get_levels (asks, "asks", self->base.asks, error))
    return FALSE;

  self->counts[TS_COINBASE_MESSAGE_SNAPSHOT]++;
  product = get_product (self, product_id);
  _ts_book_clear (product->book);
  _ts_feed_json_decoder_apply_levels (&self->base, product->book);
  product->book->ready = TRUE;

  tick.time_us = self->base.receive_us != 0 ? self->base.receive_us : product->latest_us;
  if (tick.time_us != 0 && _ts_book_take_changed_top (product->book, &tick))
    g_array_append_val (ticks, tick);
  return TRUE;
}

static gboolean
decode_l2update (TsCoinbaseDecoder  *self,
                 JsonObject         *object,
                 GArray             *ticks,
                 GError            **error)
{
  TsTick tick = { 0 };
  const char *product_id;
  JsonArray *changes;
  Product *product;
  guint n;

  if (!get_product_id (object, &tick, &product_id, error)
      || !_ts_json_get_array (object, "changes", &changes, error)
      || !get_time (self, object, &tick.time_us, error))
    return FALSE;

  /* check every change before touching the book */
  g_array_set_size (self->changes, 0);
  n = json_array_get_length (changes);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (changes, i);
      JsonArray *change;
      const char *text[3];
      Change c;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) != 3)
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                       "change %u is not a [side, price, size] array", i);
          return FALSE;
        }
      change = json_node_get_array (node);
      for (guint k = 0; k < 3; k++)
        {
          JsonNode *member = json_array_get_element (change, k);

          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
            {
              g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                           "change %u does not hold strings", i);
              return FALSE;
            }
          text[k] = json_node_get_string (member);
        }
      if (g_str_equal (text[0], "buy"))
        c.is_bid = TRUE;
      else if (g_str_equal (text[0], "sell"))
        c.is_bid = FALSE;
      else
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                       "change %u: side \"%s\" is neither \"buy\" nor \"sell\"", i, text[0]);
          return FALSE;
        }
      if (!_ts_feed_parse_decimal (text[1], "price", FALSE, &c.price, error)
          || !_ts_feed_parse_decimal (text[2], "size", TRUE, &c.size, error))
        return FALSE;
      g_array_append_val (self->changes, c);
    }

  self->counts[TS_COINBASE_MESSAGE_L2UPDATE]++;
  product = get_product (self, product_id);
  product->latest_us = MAX (product->latest_us, tick.time_us);
  if (!product->book->ready)
    return TRUE; /* no snapshot yet: the book would be wrong */
  for (guint i = 0; i < self->changes->len; i++)
    {
      const Change *c = &g_array_index (self->changes, Change, i);

      _ts_book_set (product->book, c->is_bid, c->price, c->size);
    }
  if (_ts_book_take_changed_top (product->book, &tick))
    g_array_append_val (ticks, tick);
  return TRUE;
}

static gboolean
decode_object (gpointer     decoder,
               JsonObject  *object,
               GArray      *ticks,
               GError     **error)
{
  TsCoinbaseDecoder *self = decoder;
  const char *type;

  if (!_ts_json_get_string (object, "type", &type, error))
    return FALSE;
  if (g_str_equal (type, "l2update"))
    return decode_l2update (self, object, ticks, error);
  if (g_str_equal (type, "match"))
    return decode_match (self, object, FALSE, ticks, error);
  if (g_str_equal (type, "ticker"))
    return decode_ticker (self, object, ticks, error);
  if (g_str_equal (type, "last_match"))
    return decode_match (self, object, TRUE, ticks, error);
  if (g_str_equal (type, "snapshot"))
    return decode_snapshot (self, object, ticks, error);
  if (g_str_equal (type, "subscriptions"))
    {
      self->counts[TS_COINBASE_MESSAGE_SUBSCRIPTIONS]++;
      return TRUE;
    }
  if (g_str_equal (type, "heartbeat"))
    {
      self->counts[TS_COINBASE_MESSAGE_HEARTBEAT]++;
      return TRUE;
    }
  g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_UNKNOWN_EVENT,
               "unknown Coinbase message type \"%s\"", type);
  return FALSE;
}

gboolean
ts_coinbase_decoder_decode (TsCoinbaseDecoder  *self,
                            const char         *data,
                            gssize              length,
                            gint64              receive_time_us,
                            GArray             *ticks,
                            GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return _ts_feed_json_decoder_decode (&self->base, data, length, receive_time_us, ticks,
                                       decode_object, self, error);
}

const TsDecoderStats *
ts_coinbase_decoder_get_stats (const TsCoinbaseDecoder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->base.stats;
}

guint64
ts_coinbase_decoder_get_message_count (const TsCoinbaseDecoder *self,
                                       TsCoinbaseMessage        type)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (type < TS_COINBASE_N_MESSAGES, 0);
  return self->counts[type];
}

char *
ts_coinbase_decoder_dup_subscribe_message (const char * const *product_ids)
{
  static const char * const channels[] = { "matches", "ticker", "level2" };
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (product_ids != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "subscribe");
  json_builder_set_member_name (builder, "product_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; product_ids[i] != NULL; i++)
    json_builder_add_string_value (builder, product_ids[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "channels");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    json_builder_add_string_value (builder, channels[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return _ts_feed_json_builder_to_data (builder);
}
