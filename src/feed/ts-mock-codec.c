/* ts-mock-codec.c: encode and decode the mock tick schema (JSON, batched)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "ts-feed-error.h"
#include "ts-mock-codec.h"

/* json-glib 1.6 writes a double with g_ascii_dtostr() and appends ".0"
 * when the text has no '.', so 1e-08 comes out as "1e-08.0", which is not
 * JSON. Outside strings, drop a ".0" that directly follows an exponent.
 * Returns the new length. */
static gsize
repair_exponents (char *text)
{
  gboolean in_string = FALSE;
  char *out = text;

  for (const char *p = text; *p != '\0'; )
    {
      if (in_string)
        {
          if (*p == '\\' && p[1] != '\0')
            *out++ = *p++;
          else if (*p == '"')
            in_string = FALSE;
          *out++ = *p++;
          continue;
        }
      if (*p == '"')
        in_string = TRUE;
      else if ((*p == 'e' || *p == 'E') && p > text && g_ascii_isdigit (p[-1]))
        {
          *out++ = *p++;
          if (*p == '+' || *p == '-')
            *out++ = *p++;
          while (g_ascii_isdigit (*p))
            *out++ = *p++;
          if (p[0] == '.' && p[1] == '0' && !g_ascii_isdigit (p[2]))
            p += 2;
          continue;
        }
      *out++ = *p++;
    }
  *out = '\0';
  return (gsize) (out - text);
}

static char *
generate (JsonBuilder *builder,
          gsize       *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  char *text;
  gsize len;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  len = repair_exponents (text);
  if (length != NULL)
    *length = len;
  return text;
}

char *
ts_mock_codec_encode_ticks (const TsTick *ticks,
                            guint         n_ticks,
                            gsize        *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (ticks != NULL || n_ticks == 0, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "ticks");
  json_builder_set_member_name (builder, "ticks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_ticks; i++)
    {
      const TsTick *t = &ticks[i];

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "symbol");
      json_builder_add_string_value (builder, t->symbol);
      json_builder_set_member_name (builder, "time_us");
      json_builder_add_int_value (builder, t->time_us);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, (gint64) t->seq);
      if (t->flags & TS_TICK_TRADE)
        {
          json_builder_set_member_name (builder, "price");
          json_builder_add_double_value (builder, t->price);
          json_builder_set_member_name (builder, "size");
          json_builder_add_double_value (builder, t->size);
          if (t->aggressor != TS_SIDE_NONE)
            {
              json_builder_set_member_name (builder, "side");
              json_builder_add_string_value (builder,
                                             t->aggressor == TS_SIDE_BUY ? "buy" : "sell");
            }
        }
      if (t->flags & TS_TICK_QUOTE)
        {
          json_builder_set_member_name (builder, "bid");
          json_builder_add_double_value (builder, t->bid);
          json_builder_set_member_name (builder, "ask");
          json_builder_add_double_value (builder, t->ask);
          json_builder_set_member_name (builder, "bid_size");
          json_builder_add_double_value (builder, t->bid_size);
          json_builder_set_member_name (builder, "ask_size");
          json_builder_add_double_value (builder, t->ask_size);
        }
      if (t->flags & TS_TICK_FUNDING)
        {
          json_builder_set_member_name (builder, "funding_rate");
          json_builder_add_double_value (builder, t->funding_rate);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return generate (builder, length);
}

char *
ts_mock_codec_encode_end (const char *reason,
                          gsize      *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "end");
  if (reason != NULL)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
    }
  json_builder_end_object (builder);

  return generate (builder, length);
}

/* A JSON number (integer or double) member; FALSE with @error set otherwise.
 * Absent members are reported by the caller, which checks has_member first. */
static gboolean
get_number (JsonObject  *object,
            const char  *name,
            guint        index,
            double      *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  GType type;

  if (node == NULL)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                   "tick %u: \"%s\" is missing", index, name);
      return FALSE;
    }
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                   "tick %u: \"%s\" is not a number", index, name);
      return FALSE;
    }
  *out = json_node_get_double (node);
  if (!isfinite (*out) || *out <= 0.0)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "tick %u: \"%s\" is %g, must be finite and > 0", index, name, *out);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_integer (JsonObject  *object,
             const char  *name,
             guint        index,
             gint64      *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                   "tick %u: \"%s\" is missing", index, name);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                   "tick %u: \"%s\" is not an integer", index, name);
      return FALSE;
    }
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *name,
            const char  *what,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                   "%s: \"%s\" is missing", what, name);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                   "%s: \"%s\" is not a string", what, name);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
decode_tick (JsonNode  *node,
             guint      index,
             TsTick    *tick,
             GError   **error)
{
  g_autofree char *what = g_strdup_printf ("tick %u", index);
  JsonObject *object;
  const char *symbol;
  gint64 integer;
  gboolean has_trade, has_quote;

  memset (tick, 0, sizeof *tick);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                   "tick %u is not an object", index);
      return FALSE;
    }
  object = json_node_get_object (node);

  if (!get_string (object, "symbol", what, &symbol, error))
    return FALSE;
  if (symbol[0] == '\0' || strlen (symbol) >= TS_SYMBOL_MAX)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "tick %u: symbol \"%s\" is empty or longer than %d bytes",
                   index, symbol, TS_SYMBOL_MAX - 1);
      return FALSE;
    }
  g_strlcpy (tick->symbol, symbol, sizeof tick->symbol);

  if (!get_integer (object, "time_us", index, &integer, error))
    return FALSE;
  if (integer <= 0)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "tick %u: time_us %" G_GINT64_FORMAT " must be > 0", index, integer);
      return FALSE;
    }
  tick->time_us = integer;

  if (json_object_has_member (object, "seq"))
    {
      if (!get_integer (object, "seq", index, &integer, error))
        return FALSE;
      if (integer < 0)
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                       "tick %u: seq %" G_GINT64_FORMAT " must be >= 0", index, integer);
          return FALSE;
        }
      tick->seq = (guint64) integer;
    }

  has_trade = json_object_has_member (object, "price") || json_object_has_member (object, "size")
              || json_object_has_member (object, "side");
  has_quote = json_object_has_member (object, "bid") || json_object_has_member (object, "ask")
              || json_object_has_member (object, "bid_size")
              || json_object_has_member (object, "ask_size");
  if (!has_trade && !has_quote)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                   "tick %u has neither trade (price, size) nor quote (bid, ask, bid_size, ask_size) fields",
                   index);
      return FALSE;
    }

  if (has_trade)
    {
      if (!get_number (object, "price", index, &tick->price, error)
          || !get_number (object, "size", index, &tick->size, error))
        return FALSE;
      tick->aggressor = TS_SIDE_NONE;
      if (json_object_has_member (object, "side"))
        {
          const char *side;

          if (!get_string (object, "side", what, &side, error))
            return FALSE;
          if (g_str_equal (side, "buy"))
            tick->aggressor = TS_SIDE_BUY;
          else if (g_str_equal (side, "sell"))
            tick->aggressor = TS_SIDE_SELL;
          else
            {
              g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                           "tick %u: side \"%s\" is neither \"buy\" nor \"sell\"", index, side);
              return FALSE;
            }
        }
      tick->flags |= TS_TICK_TRADE;
    }

  if (has_quote)
    {
      if (!get_number (object, "bid", index, &tick->bid, error)
          || !get_number (object, "ask", index, &tick->ask, error)
          || !get_number (object, "bid_size", index, &tick->bid_size, error)
          || !get_number (object, "ask_size", index, &tick->ask_size, error))
        return FALSE;
      if (tick->bid > tick->ask)
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                       "tick %u: bid %.17g above ask %.17g", index, tick->bid, tick->ask);
          return FALSE;
        }
      tick->flags |= TS_TICK_QUOTE;
    }

  if (json_object_has_member (object, "funding_rate"))
    {
      JsonNode *member = json_object_get_member (object, "funding_rate");
      GType type = JSON_NODE_HOLDS_VALUE (member) ? json_node_get_value_type (member) : G_TYPE_INVALID;

      if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                       "tick %u: \"funding_rate\" is not a number", index);
          return FALSE;
        }
      tick->funding_rate = json_node_get_double (member);
      if (!isfinite (tick->funding_rate))
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                       "tick %u: \"funding_rate\" is not finite", index);
          return FALSE;
        }
      tick->flags |= TS_TICK_FUNDING;
    }

  return TRUE;
}

/* The strict fast path: a cursor over exactly the text that
 * ts_mock_codec_encode_ticks() writes. Every scan_* function returns FALSE
 * when the text is not what it expects, and the caller then declines. */
typedef struct
{
  const char *p;
  const char *end;
} Scanner;

static inline gboolean
scan_literal (Scanner    *s,
              const char *literal,
              gsize       len)
{
  if ((gsize) (s->end - s->p) < len || memcmp (s->p, literal, len) != 0)
    return FALSE;
  s->p += len;
  return TRUE;
}

#define SCAN_LITERAL(s, literal) scan_literal ((s), (literal), sizeof (literal) - 1)

/* A run of decimal digits, at least one; returns how many. */
static inline gsize
scan_digits (Scanner *s)
{
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return (gsize) (s->p - start);
}

/* A string of plain printable ASCII (no escapes, no quote, no backslash):
 * what json-glib writes unchanged for such a symbol. Anything else
 * (escapes, control characters, UTF-8) declines. */
static gboolean
scan_symbol (Scanner *s,
             char     out[TS_SYMBOL_MAX])
{
  const char *start;
  gsize len;

  if (!SCAN_LITERAL (s, "\""))
    return FALSE;
  start = s->p;
  while (s->p < s->end && *s->p != '"')
    {
      guchar c = (guchar) *s->p;

      if (c < 0x20 || c > 0x7e || c == '\\')
        return FALSE;
      s->p++;
    }
  len = (gsize) (s->p - start);
  if (s->p == s->end || len == 0 || len >= TS_SYMBOL_MAX)
    return FALSE;
  memcpy (out, start, len);
  out[len] = '\0';
  s->p++;
  return TRUE;
}

/* An integer written without sign or leading zero, at most 18 digits (so
 * it cannot overflow a gint64): "0" only when @allow_zero. */
static gboolean
scan_integer (Scanner  *s,
              gboolean  allow_zero,
              gint64   *out)
{
  const char *start = s->p;
  gsize n = scan_digits (s);
  gint64 value = 0;

  if (n == 0 || n > 18 || (start[0] == '0' && (n > 1 || !allow_zero)))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    value = value * 10 + (start[i] - '0');
  *out = value;
  return TRUE;
}

/* A number as json-glib's generator writes a double (g_ascii_dtostr(), 17
 * significant digits, the exponent repaired) or an integer: an optional '-'
 * only when @allow_negative, digits without a leading zero, an optional
 * fraction, an optional exponent of at most 3 digits; an integer (no
 * fraction, no exponent) of at most 15 digits, which json-glib reads as a
 * gint64 that converts to the double exactly. The token is converted by
 * g_ascii_strtod(), which rounds correctly as json-glib's g_strtod() does,
 * so the bits are the same (tests/feed/test-mock-codec.c checks it).
 * Declines a value that is not finite, a negative zero (json-glib makes
 * "-0" a +0), or <= 0 when !@allow_negative: json-glib then reports it. */
static gboolean
scan_number (Scanner  *s,
             gboolean  allow_negative,
             double   *out)
{
  const char *start = s->p;
  const char *digits;
  gboolean integer = TRUE;
  char buffer[40];
  char *endptr = NULL;
  gsize n, len;

  if (allow_negative && s->p < s->end && *s->p == '-')
    s->p++;
  digits = s->p;
  n = scan_digits (s);
  if (n == 0 || (digits[0] == '0' && n > 1))
    return FALSE;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      integer = FALSE;
      if (scan_digits (s) == 0)
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      integer = FALSE;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      n = scan_digits (s);
      if (n == 0 || n > 3)
        return FALSE;
    }
  else if (integer && n > 15)
    return FALSE;
  len = (gsize) (s->p - start);
  if (len >= sizeof buffer)
    return FALSE;
  memcpy (buffer, start, len);
  buffer[len] = '\0';
  *out = g_ascii_strtod (buffer, &endptr);
  if (endptr != buffer + len || !isfinite (*out) || (*out == 0.0 && signbit (*out)))
    return FALSE;
  return allow_negative || *out > 0.0;
}

/* One tick object in the encoder's member order:
 * {"symbol":S,"time_us":I,"seq":I[,"price":N,"size":N[,"side":"buy"|"sell"]]
 *  [,"bid":N,"ask":N,"bid_size":N,"ask_size":N][,"funding_rate":N]}
 * with at least one of the two groups, every value valid. */
static gboolean
scan_tick (Scanner *s,
           TsTick  *tick)
{
  gint64 integer;

  memset (tick, 0, sizeof *tick);
  if (!SCAN_LITERAL (s, "{\"symbol\":") || !scan_symbol (s, tick->symbol))
    return FALSE;
  if (!SCAN_LITERAL (s, ",\"time_us\":") || !scan_integer (s, FALSE, &integer))
    return FALSE;
  tick->time_us = integer;
  if (!SCAN_LITERAL (s, ",\"seq\":") || !scan_integer (s, TRUE, &integer))
    return FALSE;
  tick->seq = (guint64) integer;

  if (SCAN_LITERAL (s, ",\"price\":"))
    {
      if (!scan_number (s, FALSE, &tick->price)
          || !SCAN_LITERAL (s, ",\"size\":") || !scan_number (s, FALSE, &tick->size))
        return FALSE;
      tick->aggressor = TS_SIDE_NONE;
      if (SCAN_LITERAL (s, ",\"side\":\"buy\""))
        tick->aggressor = TS_SIDE_BUY;
      else if (SCAN_LITERAL (s, ",\"side\":\"sell\""))
        tick->aggressor = TS_SIDE_SELL;
      tick->flags |= TS_TICK_TRADE;
    }
  if (SCAN_LITERAL (s, ",\"bid\":"))
    {
      if (!scan_number (s, FALSE, &tick->bid)
          || !SCAN_LITERAL (s, ",\"ask\":") || !scan_number (s, FALSE, &tick->ask)
          || !SCAN_LITERAL (s, ",\"bid_size\":") || !scan_number (s, FALSE, &tick->bid_size)
          || !SCAN_LITERAL (s, ",\"ask_size\":") || !scan_number (s, FALSE, &tick->ask_size)
          || tick->bid > tick->ask)
        return FALSE;
      tick->flags |= TS_TICK_QUOTE;
    }
  if (tick->flags == 0)
    return FALSE;
  if (SCAN_LITERAL (s, ",\"funding_rate\":"))
    {
      if (!scan_number (s, TRUE, &tick->funding_rate))
        return FALSE;
      tick->flags |= TS_TICK_FUNDING;
    }
  return SCAN_LITERAL (s, "}");
}

gboolean
ts_mock_codec_decode_fast (const char *data,
                           gsize       length,
                           GArray     *ticks)
{
  Scanner s = { data, data + length };
  guint old_len;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (ticks != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (ticks) == sizeof (TsTick), FALSE);

  if (length > TS_MOCK_CODEC_MAX_MESSAGE_SIZE
      || !SCAN_LITERAL (&s, "{\"type\":\"ticks\",\"ticks\":["))
    return FALSE;

  old_len = ticks->len;
  if (!SCAN_LITERAL (&s, "]"))
    {
      do
        {
          g_array_set_size (ticks, ticks->len + 1);
          if (!scan_tick (&s, &g_array_index (ticks, TsTick, ticks->len - 1)))
            {
              g_array_set_size (ticks, old_len);
              return FALSE;
            }
        }
      while (SCAN_LITERAL (&s, ","));
      if (!SCAN_LITERAL (&s, "]"))
        {
          g_array_set_size (ticks, old_len);
          return FALSE;
        }
    }
  if (!SCAN_LITERAL (&s, "}") || s.p != s.end)
    {
      g_array_set_size (ticks, old_len);
      return FALSE;
    }
  return TRUE;
}

gboolean
ts_mock_codec_decode (const char         *data,
                      gssize              length,
                      GArray             *ticks,
                      TsMockMessageKind  *kind,
                      char              **reason,
                      GError            **error)
{
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (ticks != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (ticks) == sizeof (TsTick), FALSE);

  if (length < 0)
    length = (gssize) strlen (data);
  if (ts_mock_codec_decode_fast (data, (gsize) length, ticks))
    {
      if (reason != NULL)
        *reason = NULL;
      if (kind != NULL)
        *kind = TS_MOCK_MESSAGE_TICKS;
      return TRUE;
    }
  return ts_mock_codec_decode_json (data, length, ticks, kind, reason, error);
}

gboolean
ts_mock_codec_decode_json (const char         *data,
                           gssize              length,
                           GArray             *ticks,
                           TsMockMessageKind  *kind,
                           char              **reason,
                           GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *type;
  JsonNode *array_node;
  JsonArray *array;
  guint n, old_len;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (ticks != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (ticks) == sizeof (TsTick), FALSE);

  if (reason != NULL)
    *reason = NULL;

  if (length < 0)
    length = (gssize) strlen (data);
  if (length > TS_MOCK_CODEC_MAX_MESSAGE_SIZE)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_TOO_LARGE,
                   "message of %" G_GSSIZE_FORMAT " bytes exceeds %d bytes",
                   length, TS_MOCK_CODEC_MAX_MESSAGE_SIZE);
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_NOT_JSON,
                   "not JSON: %s", local_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_NOT_JSON, "empty message");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                           "the message is not a JSON object");
      return FALSE;
    }
  object = json_node_get_object (root);

  if (!get_string (object, "type", "message", &type, error))
    return FALSE;

  if (g_str_equal (type, "end"))
    {
      const char *why = NULL;

      if (json_object_has_member (object, "reason")
          && !get_string (object, "reason", "end message", &why, error))
        return FALSE;
      if (kind != NULL)
        *kind = TS_MOCK_MESSAGE_END;
      if (reason != NULL)
        *reason = g_strdup (why);
      return TRUE;
    }

  if (!g_str_equal (type, "ticks"))
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_UNKNOWN_EVENT,
                   "unknown message type \"%s\"", type);
      return FALSE;
    }

  array_node = json_object_get_member (object, "ticks");
  if (array_node == NULL)
    {
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                           "message: \"ticks\" is missing");
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (array_node))
    {
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                           "message: \"ticks\" is not an array");
      return FALSE;
    }
  array = json_node_get_array (array_node);
  n = json_array_get_length (array);

  old_len = ticks->len;
  g_array_set_size (ticks, old_len + n);
  for (guint i = 0; i < n; i++)
    {
      TsTick *tick = &g_array_index (ticks, TsTick, old_len + i);

      if (!decode_tick (json_array_get_element (array, i), i, tick, error))
        {
          g_array_set_size (ticks, old_len);
          return FALSE;
        }
    }

  if (kind != NULL)
    *kind = TS_MOCK_MESSAGE_TICKS;
  return TRUE;
}
