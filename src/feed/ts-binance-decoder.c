/* ts-binance-decoder.c: Binance spot WebSocket messages to ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ts-binance-decoder.h"
#include "ts-feed-error.h"

struct _TsBinanceDecoder
{
  JsonParser *parser;   /* reused for every message */
  gint64      latest_us;
  guint64     messages;
  guint64     trades;
  guint64     quotes;
  guint64     skipped;
  guint64     rejected;
};

TsBinanceDecoder *
ts_binance_decoder_new (void)
{
  TsBinanceDecoder *self = g_new0 (TsBinanceDecoder, 1);

  self->parser = json_parser_new_immutable ();
  return self;
}

void
ts_binance_decoder_free (TsBinanceDecoder *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->parser);
  g_free (self);
}

static gboolean
get_member (JsonObject  *object,
            const char  *name,
            GType        type,
            JsonNode   **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                   "\"%s\" is missing", name);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                   "\"%s\" is not a%s", name,
                   type == G_TYPE_STRING ? " string" :
                   type == G_TYPE_INT64 ? "n integer" : " boolean");
      return FALSE;
    }
  *out = node;
  return TRUE;
}

/* A positive finite decimal string such as "61837.63000000". */
static gboolean
get_decimal (JsonObject  *object,
             const char  *name,
             double      *out,
             GError     **error)
{
  JsonNode *node;
  const char *text;
  char *end = NULL;

  if (!get_member (object, name, G_TYPE_STRING, &node, error))
    return FALSE;
  text = json_node_get_string (node);
  errno = 0;
  *out = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0' || errno == ERANGE)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "\"%s\" is not a decimal number: \"%s\"", name, text);
      return FALSE;
    }
  if (!isfinite (*out) || *out <= 0.0)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "\"%s\" is %s, must be finite and > 0", name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_symbol (JsonObject  *object,
            TsTick      *tick,
            GError     **error)
{
  JsonNode *node;
  const char *symbol;

  if (!get_member (object, "s", G_TYPE_STRING, &node, error))
    return FALSE;
  symbol = json_node_get_string (node);
  if (symbol[0] == '\0' || strlen (symbol) >= TS_SYMBOL_MAX)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "symbol \"%s\" is empty or longer than %d bytes", symbol, TS_SYMBOL_MAX - 1);
      return FALSE;
    }
  g_strlcpy (tick->symbol, symbol, sizeof tick->symbol);
  return TRUE;
}

/* Reads an optional ms timestamp member and advances the latest time. */
static gboolean
note_time (TsBinanceDecoder  *self,
           JsonObject        *object,
           const char        *name,
           gint64            *out_us,
           GError           **error)
{
  JsonNode *node;
  gint64 ms;

  if (!json_object_has_member (object, name))
    return TRUE;
  if (!get_member (object, name, G_TYPE_INT64, &node, error))
    return FALSE;
  ms = json_node_get_int (node);
  if (ms <= 0 || ms > G_MAXINT64 / 1000)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "\"%s\" %" G_GINT64_FORMAT " is not a time in ms", name, ms);
      return FALSE;
    }
  if (out_us != NULL)
    *out_us = ms * 1000;
  self->latest_us = MAX (self->latest_us, ms * 1000);
  return TRUE;
}

static gboolean
decode_trade (TsBinanceDecoder  *self,
              JsonObject        *data,
              TsTick            *tick,
              GError           **error)
{
  JsonNode *node;
  gint64 id;
  gint64 time_us = 0;

  if (!get_symbol (data, tick, error)
      || !get_decimal (data, "p", &tick->price, error)
      || !get_decimal (data, "q", &tick->size, error))
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

  if (!get_member (data, "t", G_TYPE_INT64, &node, error))
    return FALSE;
  id = json_node_get_int (node);
  tick->seq = id > 0 ? (guint64) id : 0;

  if (!get_member (data, "m", G_TYPE_BOOLEAN, &node, error))
    return FALSE;
  /* m: the buyer is the market maker, so the taker sold */
  tick->aggressor = json_node_get_boolean (node) ? TS_SIDE_SELL : TS_SIDE_BUY;
  tick->flags = TS_TICK_TRADE;
  return TRUE;
}

static gboolean
decode_book_ticker (TsBinanceDecoder  *self,
                    JsonObject        *data,
                    TsTick            *tick,
                    GError           **error)
{
  JsonNode *node;
  gint64 id;

  if (!get_symbol (data, tick, error)
      || !get_decimal (data, "b", &tick->bid, error)
      || !get_decimal (data, "B", &tick->bid_size, error)
      || !get_decimal (data, "a", &tick->ask, error)
      || !get_decimal (data, "A", &tick->ask_size, error))
    return FALSE;
  if (tick->bid > tick->ask)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "bid %.17g above ask %.17g", tick->bid, tick->ask);
      return FALSE;
    }
  if (!get_member (data, "u", G_TYPE_INT64, &node, error))
    return FALSE;
  id = json_node_get_int (node);
  tick->seq = id > 0 ? (guint64) id : 0;
  tick->time_us = self->latest_us;
  tick->flags = TS_TICK_QUOTE;
  return TRUE;
}

typedef enum { RESULT_REJECTED, RESULT_SKIPPED, RESULT_TRADE, RESULT_QUOTE } Result;

static Result
decode_object (TsBinanceDecoder  *self,
               JsonObject        *object,
               TsTick            *tick,
               GError           **error)
{
  JsonObject *data = object;
  JsonNode *node;

  /* Combined stream: {"stream":"<name>","data":{...}} */
  if (json_object_has_member (object, "stream") || json_object_has_member (object, "data"))
    {
      if (!get_member (object, "stream", G_TYPE_STRING, &node, error))
        return RESULT_REJECTED;
      node = json_object_get_member (object, "data");
      if (node == NULL)
        {
          g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                               "\"data\" is missing");
          return RESULT_REJECTED;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                               "\"data\" is not an object");
          return RESULT_REJECTED;
        }
      data = json_node_get_object (node);
    }

  if (json_object_has_member (data, "e"))
    {
      const char *event;

      if (!get_member (data, "e", G_TYPE_STRING, &node, error))
        return RESULT_REJECTED;
      event = json_node_get_string (node);
      if (g_str_equal (event, "trade"))
        return decode_trade (self, data, tick, error) ? RESULT_TRADE : RESULT_REJECTED;
      if (g_str_equal (event, "depthUpdate"))
        return note_time (self, data, "E", NULL, error) ? RESULT_SKIPPED : RESULT_REJECTED;
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_UNKNOWN_EVENT,
                   "unknown Binance event \"%s\"", event);
      return RESULT_REJECTED;
    }

  /* bookTicker: the only stream payload without "e" */
  if (json_object_has_member (data, "u") && json_object_has_member (data, "b")
      && json_object_has_member (data, "a"))
    {
      if (self->latest_us == 0)
        return RESULT_SKIPPED; /* no exchange time to give it yet */
      return decode_book_ticker (self, data, tick, error) ? RESULT_QUOTE : RESULT_REJECTED;
    }

  /* REST depth snapshot */
  if (json_object_has_member (data, "lastUpdateId") && json_object_has_member (data, "bids")
      && json_object_has_member (data, "asks"))
    return RESULT_SKIPPED;

  /* reply to a SUBSCRIBE / LIST_SUBSCRIPTIONS request */
  if (data == object && json_object_has_member (data, "result") && json_object_has_member (data, "id"))
    return RESULT_SKIPPED;

  g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_UNKNOWN_EVENT,
                       "not a known Binance message");
  return RESULT_REJECTED;
}

gboolean
ts_binance_decoder_decode (TsBinanceDecoder  *self,
                           const char        *data,
                           gssize             length,
                           GArray            *ticks,
                           GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  TsTick tick;
  Result result;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (ticks != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (ticks) == sizeof (TsTick), FALSE);

  self->messages++;

  if (!json_parser_load_from_data (self->parser, data, length, &local_error))
    {
      self->rejected++;
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_NOT_JSON,
                   "not JSON: %s", local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (self->parser);
  if (root == NULL)
    {
      self->rejected++;
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_NOT_JSON, "empty message");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      self->rejected++;
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                           "the message is not a JSON object");
      return FALSE;
    }

  memset (&tick, 0, sizeof tick);
  result = decode_object (self, json_node_get_object (root), &tick, error);
  switch (result)
    {
    case RESULT_REJECTED:
      self->rejected++;
      return FALSE;
    case RESULT_SKIPPED:
      self->skipped++;
      return TRUE;
    case RESULT_TRADE:
      self->trades++;
      break;
    case RESULT_QUOTE:
      self->quotes++;
      break;
    default:
      g_assert_not_reached ();
    }
  g_array_append_val (ticks, tick);
  return TRUE;
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
  return self->messages;
}

guint64
ts_binance_decoder_get_trades (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->trades;
}

guint64
ts_binance_decoder_get_quotes (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->quotes;
}

guint64
ts_binance_decoder_get_skipped (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->skipped;
}

guint64
ts_binance_decoder_get_rejected (const TsBinanceDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rejected;
}
