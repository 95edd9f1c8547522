/* ts-feed-json.c: checked JSON and value readers shared by the decoders
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <math.h>
#include <string.h>

#include "ts-book-private.h"
#include "ts-feed-error.h"
#include "ts-feed-json-private.h"

gboolean
_ts_feed_check_length (const char  *data,
                       gssize      *length,
                       GError     **error)
{
  if (*length < 0)
    *length = (gssize) strlen (data);
  if (*length > TS_DECODER_MAX_MESSAGE_SIZE)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_TOO_LARGE,
                   "message of %" G_GSSIZE_FORMAT " bytes exceeds %d bytes",
                   *length, TS_DECODER_MAX_MESSAGE_SIZE);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
_ts_feed_parse_object (JsonParser  *parser,
                       const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_NOT_JSON,
                   "not JSON: %s", local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_NOT_JSON, "empty message");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                           "the message is not a JSON object");
      return NULL;
    }
  return json_node_get_object (root);
}

static JsonNode *
get_value (JsonObject  *object,
           const char  *name,
           GType        type,
           const char  *type_name,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                   "\"%s\" is missing", name);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != type)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                   "\"%s\" is not %s", name, type_name);
      return NULL;
    }
  return node;
}

gboolean
_ts_json_get_string (JsonObject   *object,
                     const char   *name,
                     const char  **out,
                     GError      **error)
{
  JsonNode *node = get_value (object, name, G_TYPE_STRING, "a string", error);

  if (node == NULL)
    return FALSE;
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_ts_json_get_int (JsonObject  *object,
                  const char  *name,
                  gint64      *out,
                  GError     **error)
{
  JsonNode *node = get_value (object, name, G_TYPE_INT64, "an integer", error);

  if (node == NULL)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
_ts_json_get_bool (JsonObject  *object,
                   const char  *name,
                   gboolean    *out,
                   GError     **error)
{
  JsonNode *node = get_value (object, name, G_TYPE_BOOLEAN, "a boolean", error);

  if (node == NULL)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
_ts_json_get_array (JsonObject  *object,
                    const char  *name,
                    JsonArray  **out,
                    GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                   "\"%s\" is missing", name);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                   "\"%s\" is not an array", name);
      return FALSE;
    }
  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
_ts_json_get_object (JsonObject  *object,
                     const char  *name,
                     JsonObject **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                   "\"%s\" is missing", name);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                   "\"%s\" is not an object", name);
      return FALSE;
    }
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
_ts_feed_parse_decimal (const char  *text,
                        const char  *what,
                        gboolean     allow_zero,
                        double      *out,
                        GError     **error)
{
  char *end = NULL;

  /* g_ascii_strtod() also takes "nan", "inf", "infinity" and hex floats:
   * a venue's decimal string only ever holds these characters */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-' && *p != '+' && *p != 'e' && *p != 'E')
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                       "\"%s\" is not a decimal number: \"%s\"", what, text);
          return FALSE;
        }
    }
  errno = 0;
  *out = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0' || errno == ERANGE)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "\"%s\" is not a decimal number: \"%s\"", what, text);
      return FALSE;
    }
  if (!isfinite (*out) || *out < 0.0 || (*out == 0.0 && !allow_zero))
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "\"%s\" is %s, must be finite and %s 0", what, text,
                   allow_zero ? ">=" : ">");
      return FALSE;
    }
  return TRUE;
}

gboolean
_ts_json_get_decimal (JsonObject  *object,
                      const char  *name,
                      gboolean     allow_zero,
                      double      *out,
                      GError     **error)
{
  const char *text;

  return _ts_json_get_string (object, name, &text, error)
         && _ts_feed_parse_decimal (text, name, allow_zero, out, error);
}

static gboolean
get_level_string (JsonArray   *pair,
                  guint        index,
                  const char  *what,
                  const char **out,
                  GError     **error)
{
  JsonNode *node = json_array_get_element (pair, index);

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                   "a level of \"%s\" does not hold decimal strings", what);
      return FALSE;
    }
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
_ts_json_get_levels (JsonArray   *array,
                     const char  *what,
                     GArray      *levels,
                     GError     **error)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonArray *pair;
      const char *price, *size;
      TsBookLevel level;

      if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) < 2)
        {
          g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
                       "level %u of \"%s\" is not a [price, size] array", i, what);
          return FALSE;
        }
      pair = json_node_get_array (node);
      if (!get_level_string (pair, 0, what, &price, error)
          || !get_level_string (pair, 1, what, &size, error)
          || !_ts_feed_parse_decimal (price, "price", FALSE, &level.price, error)
          || !_ts_feed_parse_decimal (size, "size", TRUE, &level.size, error))
        return FALSE;
      g_array_append_val (levels, level);
    }
  return TRUE;
}

gboolean
_ts_feed_set_symbol (TsTick      *tick,
                     const char  *symbol,
                     GError     **error)
{
  if (symbol[0] == '\0' || strlen (symbol) >= TS_SYMBOL_MAX)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "symbol \"%s\" is empty or longer than %d bytes", symbol, TS_SYMBOL_MAX - 1);
      return FALSE;
    }
  g_strlcpy (tick->symbol, symbol, sizeof tick->symbol);
  return TRUE;
}

gboolean
_ts_feed_ms_to_us (gint64       ms,
                   const char  *what,
                   gint64      *out_us,
                   GError     **error)
{
  if (ms <= 0 || ms > G_MAXINT64 / 1000)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "\"%s\" %" G_GINT64_FORMAT " is not a time in ms", what, ms);
      return FALSE;
    }
  *out_us = ms * 1000;
  return TRUE;
}

gboolean
_ts_feed_parse_rfc3339 (const char  *text,
                        gint64      *out_us,
                        GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  const char *t = strchr (text, 'T');
  gint64 us = 0;

  if (t == NULL)
    t = strchr (text, 't');
  if (t != NULL)
    dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL || g_date_time_to_unix (dt) <= 0)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_VALUE,
                   "\"%s\" is not an RFC 3339 time with a zone", text);
      return FALSE;
    }

  /* the fraction from its digits, so µs are exact whatever GLib rounds */
  {
    const char *p = t + 1;

    while (*p != '\0' && *p != '.' && *p != ',' && *p != 'Z' && *p != 'z' && *p != '+' && *p != '-')
      p++;
    if (*p == '.' || *p == ',')
      {
        guint digits = 0;

        for (p++; g_ascii_isdigit (*p); p++, digits++)
          if (digits < 6)
            us = us * 10 + (*p - '0');
        for (; digits < 6; digits++)
          us *= 10;
      }
  }
  *out_us = g_date_time_to_unix (dt) * G_USEC_PER_SEC + us;
  return TRUE;
}

gboolean
_ts_feed_check_time (gint64   time_us,
                     gint64   receive_time_us,
                     GError **error)
{
  if (receive_time_us != 0
      && (time_us > receive_time_us + TS_DECODER_MAX_SKEW_US
          || time_us < receive_time_us - TS_DECODER_MAX_SKEW_US))
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_BAD_TIME,
                   "exchange time %" G_GINT64_FORMAT " µs is more than 24 h from the receive time %"
                   G_GINT64_FORMAT " µs", time_us, receive_time_us);
      return FALSE;
    }
  return TRUE;
}

void
_ts_decoder_stats_reject (TsDecoderStats *stats,
                          const GError   *error)
{
  guint code = TS_FEED_ERROR_NOT_JSON;

  if (error != NULL && error->domain == TS_FEED_ERROR
      && error->code >= 0 && error->code < TS_FEED_ERROR_N_CODES)
    code = (guint) error->code;
  stats->rejected++;
  stats->rejected_by_code[code]++;
}

void
_ts_decoder_stats_count (TsDecoderStats *stats,
                         GArray         *ticks,
                         guint           from)
{
  if (ticks->len == from)
    {
      stats->skipped++;
      return;
    }
  for (guint i = from; i < ticks->len; i++)
    {
      const TsTick *t = &g_array_index (ticks, TsTick, i);

      if (t->flags & TS_TICK_TRADE)
        stats->trades++;
      if (t->flags & TS_TICK_QUOTE)
        stats->quotes++;
    }
}
