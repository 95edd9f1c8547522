/* ts-binance-decoder.c: Binance spot WebSocket messages to ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written from the Binance spot "WebSocket Streams" documentation; see the
 * header for the message shapes.
 */
#include <string.h>
#include <json-glib/json-glib.h>

#include "ts-binance-decoder.h"
#include "ts-book-private.h"
#include "ts-feed-error.h"
#include "ts-feed-json-private.h"

struct _TsBinanceDecoder
{
  TsFeedJsonDecoder  base;
  GHashTable        *last_u;     /* symbol -> gint64 *: last depthUpdate "u" */
  char              *symbol;     /* for raw partial depth streams */
  gint64             latest_us;
  guint64            events[TS_BINANCE_N_EVENTS];
};

TsBinanceDecoder *
ts_binance_decoder_new (void)
{
  TsBinanceDecoder *self = g_new0 (TsBinanceDecoder, 1);

  _ts_feed_json_decoder_init (&self->base);
  self->last_u = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
ts_binance_decoder_free (TsBinanceDecoder *self)
{
  if (self == NULL)
    return;
  _ts_feed_json_decoder_clear (&self->base);
  g_clear_pointer (&self->last_u, g_hash_table_unref);
  g_free (self->symbol);
  g_free (self);
}

void
ts_binance_decoder_set_symbol (TsBinanceDecoder *self,
                               const char       *symbol)
{
  g_return_if_fail (self != NULL);
  g_free (self->symbol);
  self->symbol = symbol != NULL && *symbol != '\0' ? g_ascii_strup (symbol, -1) : NULL;
}

/* Reads an optional ms timestamp member, checks it against the receive
 * time and advances the latest time. */
static gboolean
note_time (TsBinanceDecoder  *self,
           JsonObject        *object,
           const char        *name,
           gint64            *out_us,
           GError           **error)
{
  gint64 us;

  if (!json_object_has_member (object, name))
    return TRUE;
  if (!_ts_json_get_time_ms (object, name, self->base.receive_us, &us, error))
    return FALSE;
  if (out_us != NULL)
    *out_us = us;
  self->latest_us = MAX (self->latest_us, us);
  return TRUE;
}

/* trade and aggTrade: they differ in the id member */
static gboolean
decode_trade (TsBinanceDecoder  *self,
              JsonObject        *data,
              const char        *id_name,
              TsTick            *tick,
              GError           **error)
{
  gint64 id;
  gint64 time_us = 0;
  gboolean buyer_is_maker;

  if (!_ts_json_get_symbol (data, "s", tick, NULL, error)
      || !_ts_json_get_decimal (data, "p", FALSE, &tick->price, error)
      || !_ts_json_get_decimal (data, "q", FALSE, &tick->size, error))
    return FALSE;

  if (!json_object_has_member (data, "T"))
    {
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                           "\"T\" is missing");
      return FALSE;
    }
  if (!note_time (self, data, "T", &time_us, error) || !note_time (self, data, "E", NULL, error))
    return FALSE;
  tick->time_us = time_us;

  if (!_ts_json_get_int (data, id_name, &id, error))
    return FALSE;
  tick->seq = id > 0 ? (guint64) id : 0;

  if (!_ts_json_get_bool (data, "m", &buyer_is_maker, error))
    return FALSE;
  /* m: the buyer is the market maker, so the taker sold */
  tick->aggressor = buyer_is_maker ? TS_SIDE_SELL : TS_SIDE_BUY;
  tick->flags = TS_TICK_TRADE;
  return TRUE;
}

/* The time of an untimed quote; 0 = none yet. */
static gint64
quote_time (TsBinanceDecoder *self)
{
  return self->latest_us != 0 ? self->latest_us : self->base.receive_us;
}

static gboolean
decode_book_ticker (TsBinanceDecoder  *self,
                    JsonObject        *data,
                    TsTick            *tick,
                    GError           **error)
{
  gint64 id;

  if (!_ts_json_get_symbol (data, "s", tick, NULL, error)
      || !_ts_json_get_decimal (data, "b", FALSE, &tick->bid, error)
      || !_ts_json_get_decimal (data, "B", FALSE, &tick->bid_size, error)
      || !_ts_json_get_decimal (data, "a", FALSE, &tick->ask, error)
      || !_ts_json_get_decimal (data, "A", FALSE, &tick->ask_size, error))
    return FALSE;
  if (tick->bid > tick->ask)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "bid %.17g above ask %.17g", tick->bid, tick->ask);
      return FALSE;
    }
  if (!_ts_json_get_int (data, "u", &id, error))
    return FALSE;
  tick->seq = id > 0 ? (guint64) id : 0;
  tick->time_us = quote_time (self);
  tick->flags = TS_TICK_QUOTE;
  return TRUE;
}

/* Best level of one side of a partial depth payload (best first), read
 * through the scratch array @levels. */
static gboolean
best_level (JsonObject   *data,
            const char   *name,
            GArray       *levels,
            TsBookLevel  *best,
            gboolean     *empty,
            GError      **error)
{
  JsonArray *array;

  g_array_set_size (levels, 0);
  if (!_ts_json_get_array (data, name, &array, error)
      || !_ts_json_get_levels (array, name, levels, error))
    return FALSE;
  if (levels->len == 0)
    {
      *empty = TRUE;
      return TRUE;
    }
  *best = g_array_index (levels, TsBookLevel, 0);
  if (best->size <= 0.0)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "the best level of \"%s\" has size 0", name);
      return FALSE;
    }
  return TRUE;
}

/* Returns FALSE on error; *has_tick says whether @tick was filled. */
static gboolean
decode_partial_depth (TsBinanceDecoder  *self,
                      JsonObject        *data,
                      const char        *symbol,
                      TsTick            *tick,
                      gboolean          *has_tick,
                      GError           **error)
{
  TsBookLevel bid = { 0, 0 }, ask = { 0, 0 };
  gboolean empty = FALSE;
  gint64 id;

  *has_tick = FALSE;
  if (!_ts_json_get_int (data, "lastUpdateId", &id, error)
      || !_ts_feed_set_symbol (tick, symbol, error)
      || !best_level (data, "bids", self->base.bids, &bid, &empty, error)
      || !best_level (data, "asks", self->base.asks, &ask, &empty, error))
    return FALSE;
  if (bid.price > ask.price && !empty)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "best bid %.17g above best ask %.17g", bid.price, ask.price);
      return FALSE;
    }
  if (empty || quote_time (self) == 0)
    return TRUE;
  tick->bid = bid.price;
  tick->bid_size = bid.size;
  tick->ask = ask.price;
  tick->ask_size = ask.size;
  tick->seq = id > 0 ? (guint64) id : 0;
  tick->time_us = quote_time (self);
  tick->flags = TS_TICK_QUOTE;
  *has_tick = TRUE;
  return TRUE;
}

static gboolean
decode_depth_update (TsBinanceDecoder  *self,
                     JsonObject        *data,
                     GError           **error)
{
  const char *symbol;
  gint64 first, final;
  gint64 *last;

  if (!_ts_json_get_string (data, "s", &symbol, error)
      || !_ts_json_get_int (data, "U", &first, error)
      || !_ts_json_get_int (data, "u", &final, error)
      || !note_time (self, data, "E", NULL, error))
    return FALSE;
  if (first > final)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "depthUpdate U %" G_GINT64_FORMAT " above u %" G_GINT64_FORMAT, first, final);
      return FALSE;
    }
  last = g_hash_table_lookup (self->last_u, symbol);
  if (last == NULL)
    {
      last = g_new (gint64, 1);
      g_hash_table_insert (self->last_u, g_strdup (symbol), last);
    }
  else if (first != *last + 1)
    self->base.stats.gaps++;
  *last = final;
  return TRUE;
}

/* The upper-cased symbol of a partial depth stream name such as
 * "btcusdt@depth5@100ms", or NULL when @stream is not one. */
static char *
partial_depth_symbol (const char *stream)
{
  const char *at = stream != NULL ? strstr (stream, "@depth") : NULL;

  if (at == NULL || at == stream || !g_ascii_isdigit (at[6]))
    return NULL;
  return g_ascii_strup (stream, at - stream);
}

typedef enum { RESULT_REJECTED, RESULT_SKIPPED, RESULT_TICK } Result;

static Result
count (TsBinanceDecoder *self,
       TsBinanceEvent    event,
       Result            result)
{
  if (result != RESULT_REJECTED)
    self->events[event]++;
  return result;
}

static Result
decode_object (TsBinanceDecoder  *self,
               JsonObject        *object,
               TsTick            *tick,
               GError           **error)
{
  JsonObject *data = object;
  const char *stream = NULL;

  /* Combined stream: {"stream":"<name>","data":{...}} */
  if (json_object_has_member (object, "stream") || json_object_has_member (object, "data"))
    {
      if (!_ts_json_get_string (object, "stream", &stream, error)
          || !_ts_json_get_object (object, "data", &data, error))
        return RESULT_REJECTED;
    }

  if (json_object_has_member (data, "e"))
    {
      const char *event;

      if (!_ts_json_get_string (data, "e", &event, error))
        return RESULT_REJECTED;
      if (g_str_equal (event, "trade"))
        return count (self, TS_BINANCE_EVENT_TRADE,
                      decode_trade (self, data, "t", tick, error) ? RESULT_TICK : RESULT_REJECTED);
      if (g_str_equal (event, "aggTrade"))
        return count (self, TS_BINANCE_EVENT_AGG_TRADE,
                      decode_trade (self, data, "a", tick, error) ? RESULT_TICK : RESULT_REJECTED);
      if (g_str_equal (event, "depthUpdate"))
        return count (self, TS_BINANCE_EVENT_DEPTH_UPDATE,
                      decode_depth_update (self, data, error) ? RESULT_SKIPPED : RESULT_REJECTED);
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_UNKNOWN_EVENT,
                   "unknown Binance event \"%s\"", event);
      return RESULT_REJECTED;
    }

  /* bookTicker: the only stream payload with "u", "b", "a" and no "e" */
  if (json_object_has_member (data, "u") && json_object_has_member (data, "b")
      && json_object_has_member (data, "a"))
    {
      if (quote_time (self) == 0)
        return count (self, TS_BINANCE_EVENT_BOOK_TICKER, RESULT_SKIPPED); /* no time to give it yet */
      return count (self, TS_BINANCE_EVENT_BOOK_TICKER,
                    decode_book_ticker (self, data, tick, error) ? RESULT_TICK : RESULT_REJECTED);
    }

  /* partial book depth, or the REST depth snapshot (same shape) */
  if (json_object_has_member (data, "lastUpdateId") && json_object_has_member (data, "bids")
      && json_object_has_member (data, "asks"))
    {
      g_autofree char *symbol = stream != NULL ? partial_depth_symbol (stream)
                                               : g_strdup (self->symbol);
      gboolean has_tick;

      if (symbol == NULL)
        return count (self, TS_BINANCE_EVENT_DEPTH_SNAPSHOT, RESULT_SKIPPED);
      if (!decode_partial_depth (self, data, symbol, tick, &has_tick, error))
        return RESULT_REJECTED;
      return count (self, TS_BINANCE_EVENT_PARTIAL_DEPTH, has_tick ? RESULT_TICK : RESULT_SKIPPED);
    }

  /* reply to a SUBSCRIBE / LIST_SUBSCRIPTIONS request */
  if (data == object && json_object_has_member (data, "result") && json_object_has_member (data, "id"))
    return count (self, TS_BINANCE_EVENT_REPLY, RESULT_SKIPPED);

  g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_UNKNOWN_EVENT,
                       "not a known Binance message");
  return RESULT_REJECTED;
}

/* A TsFeedJsonDecodeFunc: at most one tick a message. */
static gboolean
decode_message (gpointer     decoder,
                JsonObject  *object,
                GArray      *ticks,
                GError     **error)
{
  TsTick tick;
  Result result;

  memset (&tick, 0, sizeof tick);
  result = decode_object (decoder, object, &tick, error);
  if (result == RESULT_TICK)
    g_array_append_val (ticks, tick);
  return result != RESULT_REJECTED;
}

gboolean
ts_binance_decoder_decode_at (TsBinanceDecoder  *self,
                              const char        *data,
                              gssize             length,
                              gint64             receive_time_us,
                              GArray            *ticks,
                              GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return _ts_feed_json_decoder_decode (&self->base, data, length, receive_time_us, ticks,
                                       decode_message, self, error);
}

gboolean
ts_binance_decoder_decode (TsBinanceDecoder  *self,
                           const char        *data,
                           gssize             length,
                           GArray            *ticks,
                           GError           **error)
{
  return ts_binance_decoder_decode_at (self, data, length, 0, ticks, error);
}

char *
ts_binance_decoder_dup_subscribe_message (const char * const *symbols)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (symbols != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, "SUBSCRIBE");
  json_builder_set_member_name (builder, "params");
  json_builder_begin_array (builder);
  for (guint i = 0; symbols[i] != NULL; i++)
    {
      g_autofree char *lower = g_ascii_strdown (symbols[i], -1);
      g_autofree char *trade = g_strconcat (lower, "@trade", NULL);
      g_autofree char *book = g_strconcat (lower, "@bookTicker", NULL);

      json_builder_add_string_value (builder, trade);
      json_builder_add_string_value (builder, book);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, 1);
  json_builder_end_object (builder);
  return _ts_feed_json_builder_to_data (builder);
}

gint64
ts_binance_decoder_get_latest_time_us (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->latest_us;
}

guint64
ts_binance_decoder_get_messages (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->base.stats.messages;
}

guint64
ts_binance_decoder_get_trades (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->base.stats.trades;
}

guint64
ts_binance_decoder_get_quotes (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->base.stats.quotes;
}

guint64
ts_binance_decoder_get_skipped (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->base.stats.skipped;
}

guint64
ts_binance_decoder_get_rejected (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->base.stats.rejected;
}

guint64
ts_binance_decoder_get_event_count (const TsBinanceDecoder *self,
                                    TsBinanceEvent          event)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (event < TS_BINANCE_N_EVENTS, 0);
  return self->events[event];
}

guint64
ts_binance_decoder_get_gaps (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->base.stats.gaps;
}

const TsDecoderStats *
ts_binance_decoder_get_stats (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->base.stats;
}
