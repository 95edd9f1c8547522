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

/* The member @name of @object when it holds @node_type (and, for a value,
 * @value_type); MISSING_FIELD / WRONG_TYPE otherwise. */
static JsonNode *
get_member (JsonObject    *object,
            const char    *name,
            JsonNodeType   node_type,
            GType          value_type,
            GError       **error)
{
  JsonNode *node = json_object_get_member (object, name);
  const char *type_name;

  if (node == NULL)
    {
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_MISSING_FIELD,
                   "\"%s\" is missing", name);
      return NULL;
    }
  if (JSON_NODE_TYPE (node) == node_type
      && (node_type != JSON_NODE_VALUE || json_node_get_value_type (node) == value_type))
    return node;

  if (node_type == JSON_NODE_ARRAY)
    type_name = "an array";
  else if (node_type == JSON_NODE_OBJECT)
    type_name = "an object";
  else if (value_type == G_TYPE_STRING)
    type_name = "a string";
  else if (value_type == G_TYPE_INT64)
    type_name = "an integer";
  else
    type_name = "a boolean";
  g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_WRONG_TYPE,
               "\"%s\" is not %s", name, type_name);
  return NULL;
}

gboolean
_ts_json_get_string (JsonObject   *object,
                     const char   *name,
                     const char  **out,
                     GError      **error)
{
  JsonNode *node = get_member (object, name, JSON_NODE_VALUE, G_TYPE_STRING, error);

  if (node != NULL)
    *out = json_node_get_string (node);
  return node != NULL;
}

gboolean
_ts_json_get_int (JsonObject  *object,
                  const char  *name,
                  gint64      *out,
                  GError     **error)
{
  JsonNode *node = get_member (object, name, JSON_NODE_VALUE, G_TYPE_INT64, error);

  if (node != NULL)
    *out = json_node_get_int (node);
  return node != NULL;
}

gboolean
_ts_json_get_bool (JsonObject  *object,
                   const char  *name,
                   gboolean    *out,
                   GError     **error)
{
  JsonNode *node = get_member (object, name, JSON_NODE_VALUE, G_TYPE_BOOLEAN, error);

  if (node != NULL)
    *out = json_node_get_boolean (node);
  return node != NULL;
}

gboolean
_ts_json_get_array (JsonObject  *object,
                    const char  *name,
                    JsonArray  **out,
                    GError     **error)
{
  JsonNode *node = get_member (object, name, JSON_NODE_ARRAY, G_TYPE_INVALID, error);

  if (node != NULL)
    *out = json_node_get_array (node);
  return node != NULL;
}

gboolean
_ts_json_get_object (JsonObject  *object,
                     const char  *name,
                     JsonObject **out,
                     GError     **error)
{
  JsonNode *node = get_member (object, name, JSON_NODE_OBJECT, G_TYPE_INVALID, error);

  if (node != NULL)
    *out = json_node_get_object (node);
  return node != NULL;
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
_ts_json_get_symbol (JsonObject   *object,
                     const char   *name,
                     TsTick       *tick,
                     const char  **out,
                     GError      **error)
{
  const char *symbol;

  if (!_ts_json_get_string (object, name, &symbol, error)
      || !_ts_feed_set_symbol (tick, symbol, error))
    return FALSE;
  if (out != NULL)
    *out = symbol;
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

gboolean
_ts_json_get_time_ms (JsonObject  *object,
                      const char  *name,
                      gint64       receive_time_us,
                      gint64      *out_us,
                      GError     **error)
{
  gint64 ms;

  return _ts_json_get_int (object, name, &ms, error)
         && _ts_feed_ms_to_us (ms, name, out_us, error)
         && _ts_feed_check_time (*out_us, receive_time_us, error);
}

gboolean
_ts_json_get_time_rfc3339 (JsonObject  *object,
                           const char  *name,
                           gint64       receive_time_us,
                           gint64      *out_us,
                           GError     **error)
{
  const char *text;

  return _ts_json_get_string (object, name, &text, error)
         && _ts_feed_parse_rfc3339 (text, out_us, error)
         && _ts_feed_check_time (*out_us, receive_time_us, error);
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

void
_ts_feed_json_decoder_init (TsFeedJsonDecoder *base)
{
  memset (base, 0, sizeof *base);
  base->parser = json_parser_new_immutable ();
  base->bids = g_array_new (FALSE, FALSE, sizeof (TsBookLevel));
  base->asks = g_array_new (FALSE, FALSE, sizeof (TsBookLevel));
}

void
_ts_feed_json_decoder_clear (TsFeedJsonDecoder *base)
{
  g_clear_object (&base->parser);
  g_clear_pointer (&base->bids, g_array_unref);
  g_clear_pointer (&base->asks, g_array_unref);
}

gboolean
_ts_feed_json_decoder_decode (TsFeedJsonDecoder     *base,
                              const char            *data,
                              gssize                 length,
                              gint64                 receive_time_us,
                              GArray                *ticks,
                              TsFeedJsonDecodeFunc   decode,
                              gpointer               decoder,
                              GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  guint from;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (ticks != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size (ticks) == sizeof (TsTick), FALSE);

  from = ticks->len;
  base->stats.messages++;
  base->receive_us = receive_time_us;

  if (!_ts_feed_check_length (data, &length, &local_error)
      || (object = _ts_feed_parse_object (base->parser, data, length, &local_error)) == NULL
      || !decode (decoder, object, ticks, &local_error))
    {
      g_array_set_size (ticks, from);
      _ts_decoder_stats_reject (&base->stats, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  _ts_decoder_stats_count (&base->stats, ticks, from);
  return TRUE;
}

void
_ts_feed_json_decoder_apply_levels (TsFeedJsonDecoder *base,
                                    TsBook            *book)
{
  for (guint i = 0; i < base->bids->len; i++)
    {
      const TsBookLevel *level = &g_array_index (base->bids, TsBookLevel, i);

      _ts_book_set (book, TRUE, level->price, level->size);
    }
  for (guint i = 0; i < base->asks->len; i++)
    {
      const TsBookLevel *level = &g_array_index (base->asks, TsBookLevel, i);

      _ts_book_set (book, FALSE, level->price, level->size);
    }
}

static void
book_entry_free (gpointer data)
{
  /* the entry's first member is its TsBook * */
  _ts_book_free (*(TsBook **) data);
  g_free (data);
}

GHashTable *
_ts_feed_book_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, book_entry_free);
}

gpointer
_ts_feed_book_table_get (GHashTable *table,
                         const char *symbol,
                         gsize       entry_size)
{
  gpointer entry = g_hash_table_lookup (table, symbol);

  if (entry == NULL)
    {
      entry = g_malloc0 (entry_size);
      *(TsBook **) entry = _ts_book_new ();
      g_hash_table_insert (table, g_strdup (symbol), entry);
    }
  return entry;
}

char *
_ts_feed_json_builder_to_data (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}
