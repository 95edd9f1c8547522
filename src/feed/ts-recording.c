/* ts-recording.c: a recorded Binance session, decoded into ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include <json-glib/json-glib.h>

#include "ts-binance-decoder.h"
#include "ts-coinbase-decoder.h"
#include "ts-decoder.h"
#include "ts-feed-error.h"
#include "ts-recording.h"

struct _TsRecording
{
  GArray        *ticks;          /* TsTick */
  GArray        *rejected_lines; /* guint */
  guint          n_lines;
  guint          n_trades;
  guint          n_quotes;
  guint          n_skipped;
  TsVenue        venue;
  TsDecoderStats stats;
};

static void
ts_recording_clear (TsRecording *self)
{
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->rejected_lines, g_array_unref);
}

TsRecording *
ts_recording_ref (TsRecording *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
ts_recording_unref (TsRecording *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) ts_recording_clear);
}

static gint
compare_time (gconstpointer a,
              gconstpointer b)
{
  gint64 ta = ((const TsTick *) a)->time_us;
  gint64 tb = ((const TsTick *) b)->time_us;

  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/* Returns the JSON part of a line, or NULL when the line has a bad prefix. */
static const char *
json_of_line (const char *line)
{
  const char *p = line;

  if (*p == '{')
    return p;
  if (!g_ascii_isdigit (*p))
    return NULL;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != ' ')
    return NULL;
  while (*p == ' ')
    p++;
  return *p == '{' ? p : NULL;
}

/* A Coinbase (cryptofeed) line: `<unix_s>: <json>` from the server, or
 * `<url> <- <unix_s>: <json>` / `<url> <-> <unix_s>` from the client.
 * Returns the JSON of a server line with its time in µs, NULL with
 * *is_client set for a client line, NULL for a bad line. */
static const char *
coinbase_json_of_line (const char *line,
                       gint64     *time_us,
                       gboolean   *is_client)
{
  const char *p = line;
  gint64 seconds = 0, us = 0;
  guint digits = 0;

  *is_client = FALSE;
  if (!g_ascii_isdigit (*p))
    {
      *is_client = (g_str_has_prefix (line, "ws://") || g_str_has_prefix (line, "wss://"))
                   && strstr (line, " <-") != NULL;
      return NULL;
    }
  for (; g_ascii_isdigit (*p); p++)
    {
      if (seconds > G_MAXINT64 / 10 / G_USEC_PER_SEC)
        return NULL;
      seconds = seconds * 10 + (*p - '0');
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++, digits++)
      if (digits < 6)
        us = us * 10 + (*p - '0');
  for (; digits < 6; digits++)
    us *= 10;
  if (*p != ':')
    return NULL;
  for (p++; *p == ' '; p++)
    ;
  if (*p != '{')
    return NULL;
  *time_us = seconds * G_USEC_PER_SEC + us;
  return p;
}

/* The receive time of a `<receive_time_ns> <json>` line in µs, 0 when none. */
static gint64
receive_us_of_line (const char *line)
{
  gint64 ns = 0;

  for (const char *p = line; g_ascii_isdigit (*p); p++)
    {
      if (ns > G_MAXINT64 / 10 - 10)
        return 0;
      ns = ns * 10 + (*p - '0');
    }
  return ns / 1000;
}

/* Whose messages a JSON text is, by its members (see the decoders' headers):
 * mock `{"type":"ticks"|"end"}`, Coinbase `{"type":..}`, Bybit `{"topic":..}`
 * or an `op` reply, else Binance (`stream`, `e`, `result`, `lastUpdateId`). */
static TsVenue
venue_of_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonObject *object;
  const char *type;

  if (!json_parser_load_from_data (parser, json, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return TS_VENUE_BINANCE;
  object = json_node_get_object (json_parser_get_root (parser));
  type = json_object_has_member (object, "type")
         && JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "type"))
         ? json_object_get_string_member_with_default (object, "type", NULL) : NULL;
  if (type != NULL)
    return g_str_equal (type, "ticks") || g_str_equal (type, "end") ? TS_VENUE_MOCK : TS_VENUE_COINBASE;
  if (json_object_has_member (object, "topic") || json_object_has_member (object, "op")
      || json_object_has_member (object, "ret_msg"))
    return TS_VENUE_BYBIT;
  return TS_VENUE_BINANCE;
}

/* The format of a recording from its first non-blank line; sets *cryptofeed
 * for Coinbase's cryptofeed format. */
static TsVenue
detect_venue (const char *line,
              gboolean   *cryptofeed)
{
  const char *p = line;
  const char *json;

  *cryptofeed = FALSE;
  if (g_str_has_prefix (line, "ws://") || g_str_has_prefix (line, "wss://"))
    {
      *cryptofeed = TRUE;
      return TS_VENUE_COINBASE;
    }
  while (g_ascii_isdigit (*p))
    p++;
  if (p > line && *p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      ;
  if (p > line && *p == ':')
    {
      *cryptofeed = TRUE;
      return TS_VENUE_COINBASE;
    }
  json = json_of_line (line);
  return json != NULL ? venue_of_json (json) : TS_VENUE_BINANCE;
}

static void
copy_stats (TsDecoderStats       *to,
            const TsDecoderStats *from)
{
  *to = *from;
}

TsRecording *
ts_recording_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInputStream) file_stream = NULL;
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(TsBinanceDecoder) decoder = NULL;
  g_autoptr(TsCoinbaseDecoder) coinbase = NULL;
  g_autoptr(TsDecoder) other = NULL;
  g_autoptr(GBufferedInputStream) sniff = NULL;
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  TsRecording *self;
  guint line_no = 0;
  guint lines_with_ticks = 0;
  gboolean gzip;
  gboolean detected = FALSE;
  gboolean cryptofeed = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  file_stream = g_file_read (file, cancellable, &local_error);
  if (file_stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_IO,
                     "cannot read recording %s: %s", name, local_error->message);
      return NULL;
    }

  /* gzip when the name says so (it must then be gzip), or by its magic bytes */
  sniff = G_BUFFERED_INPUT_STREAM (g_buffered_input_stream_new (G_INPUT_STREAM (file_stream)));
  gzip = g_str_has_suffix (name, ".gz");
  if (!gzip)
    {
      gsize peeked = 0;
      const guint8 *head;

      if (g_buffered_input_stream_fill (sniff, 2, cancellable, &local_error) < 0)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_IO,
                         "cannot read recording %s: %s", name, local_error->message);
          return NULL;
        }
      head = g_buffered_input_stream_peek_buffer (sniff, &peeked);
      gzip = peeked >= 2 && head[0] == 0x1f && head[1] == 0x8b;
    }
  if (gzip)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      input = g_converter_input_stream_new (G_INPUT_STREAM (sniff), G_CONVERTER (gunzip));
    }
  else
    input = g_object_ref (G_INPUT_STREAM (sniff));

  data = g_data_input_stream_new (input);
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (data), 256 * 1024);
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);

  decoder = ts_binance_decoder_new ();
  coinbase = ts_coinbase_decoder_new ();
  self = g_atomic_rc_box_new0 (TsRecording);
  self->venue = TS_VENUE_BINANCE;
  self->ticks = g_array_sized_new (FALSE, FALSE, sizeof (TsTick), 65536);
  self->rejected_lines = g_array_new (FALSE, FALSE, sizeof (guint));

  for (;;)
    {
      gsize length = 0;
      g_autofree char *line = g_data_input_stream_read_line (data, &length, cancellable, &local_error);
      const char *json;
      guint before;

      if (line == NULL)
        break;
      line_no++;
      if (g_strstrip (line)[0] == '\0')
        continue;
      self->n_lines++;

      if (!detected)
        {
          self->venue = detect_venue (line, &cryptofeed);
          if (!cryptofeed && self->venue != TS_VENUE_BINANCE)
            other = ts_decoder_new (self->venue);
          detected = TRUE;
        }
      before = self->ticks->len;

      if (other != NULL)
        {
          /* our own recordings (TsRecorder) of the mock schema, Coinbase or
           * Bybit: the receive time checks the exchange time, except for the
           * mock schema, which replays any time */
          json = json_of_line (line);
          if (json == NULL
              || !ts_decoder_decode (other, json, -1,
                                     self->venue == TS_VENUE_MOCK ? 0 : receive_us_of_line (line),
                                     self->ticks, NULL))
            g_array_append_val (self->rejected_lines, line_no);
          else if (self->ticks->len > before)
            lines_with_ticks++;
          continue;
        }

      if (cryptofeed)
        {
          gint64 receive_us = 0;
          gboolean is_client;

          json = coinbase_json_of_line (line, &receive_us, &is_client);
          if (json == NULL && is_client)
            continue; /* what the client sent: skipped */
          if (json == NULL
              || !ts_coinbase_decoder_decode (coinbase, json, -1, receive_us, self->ticks, NULL))
            g_array_append_val (self->rejected_lines, line_no);
          else if (self->ticks->len > before)
            lines_with_ticks++;
          continue;
        }

      json = json_of_line (line);
      if (json == NULL || !ts_binance_decoder_decode (decoder, json, -1, self->ticks, NULL))
        {
          g_array_append_val (self->rejected_lines, line_no);
          continue;
        }
      if (self->ticks->len > before)
        lines_with_ticks++;

      if (ts_binance_decoder_get_latest_time_us (decoder) == 0)
        {
          /* no exchange time yet (a bookTicker first): decode it again
           * once the first exchange time is known */
          if (self->ticks->len == before)
            g_ptr_array_add (held, g_strdup (json));
        }
      else if (held->len > 0)
        {
          for (guint i = 0; i < held->len; i++)
            {
              guint held_before = self->ticks->len;

              ts_binance_decoder_decode (decoder, g_ptr_array_index (held, i), -1, self->ticks, NULL);
              if (self->ticks->len > held_before)
                lines_with_ticks++;
            }
          g_ptr_array_set_size (held, 0);
        }
    }

  if (local_error != NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_IO,
                     "cannot read recording %s at line %u: %s", name, line_no + 1,
                     local_error->message);
      ts_recording_unref (self);
      return NULL;
    }

  /* held lines were decoded twice, so count from the ticks */
  for (guint i = 0; i < self->ticks->len; i++)
    {
      if (g_array_index (self->ticks, TsTick, i).flags & TS_TICK_TRADE)
        self->n_trades++;
      else
        self->n_quotes++;
    }
  self->n_skipped = self->n_lines - lines_with_ticks - self->rejected_lines->len;
  copy_stats (&self->stats, other != NULL ? ts_decoder_get_stats (other)
                            : cryptofeed ? ts_coinbase_decoder_get_stats (coinbase)
                            : ts_binance_decoder_get_stats (decoder));

  if (self->ticks->len == 0)
    {
      g_autoptr(GString) lines = g_string_new (NULL);

      for (guint i = 0; i < MIN (self->rejected_lines->len, 5u); i++)
        g_string_append_printf (lines, "%s%u", i > 0 ? ", " : "",
                                g_array_index (self->rejected_lines, guint, i));
      g_set_error (error, TS_FEED_ERROR, TS_FEED_ERROR_EMPTY,
                   "recording %s holds no tick (%u lines, %u rejected%s%s%s)",
                   name, self->n_lines, self->rejected_lines->len,
                   lines->len > 0 ? ": lines " : "", lines->str,
                   self->rejected_lines->len > 5 ? ", ..." : "");
      ts_recording_unref (self);
      return NULL;
    }

  /* g_array_sort() is a stable merge sort */
  g_array_sort (self->ticks, compare_time);
  return self;
}

TsRecording *
ts_recording_load (const char    *path,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  return ts_recording_load_file (file, cancellable, error);
}

const TsTick *
ts_recording_get_ticks (TsRecording *self,
                        guint       *n_ticks)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_ticks != NULL)
    *n_ticks = self->ticks->len;
  return (const TsTick *) (gpointer) self->ticks->data;
}

guint
ts_recording_get_n_lines (TsRecording *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_lines;
}

guint
ts_recording_get_n_trades (TsRecording *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_trades;
}

guint
ts_recording_get_n_quotes (TsRecording *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_quotes;
}

guint
ts_recording_get_n_skipped (TsRecording *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_skipped;
}

guint
ts_recording_get_n_rejected (TsRecording *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rejected_lines->len;
}

const guint *
ts_recording_get_rejected_lines (TsRecording *self,
                                 guint       *n_lines)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_lines != NULL)
    *n_lines = self->rejected_lines->len;
  return (const guint *) (gpointer) self->rejected_lines->data;
}

TsVenue
ts_recording_get_venue (TsRecording *self)
{
  g_return_val_if_fail (self != NULL, TS_VENUE_BINANCE);
  return self->venue;
}

guint64
ts_recording_get_n_gaps (TsRecording *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stats.gaps;
}

const TsDecoderStats *
ts_recording_get_decoder_stats (TsRecording *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->stats;
}
