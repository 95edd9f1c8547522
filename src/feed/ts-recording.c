/* ts-recording.c: a recorded Binance session, decoded into ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-binance-decoder.h"
#include "ts-feed-error.h"
#include "ts-recording.h"

struct _TsRecording
{
  GArray *ticks;          /* TsTick */
  GArray *rejected_lines; /* guint */
  guint   n_lines;
  guint   n_trades;
  guint   n_quotes;
  guint   n_skipped;
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
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  TsRecording *self;
  guint line_no = 0;

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

  if (g_str_has_suffix (name, ".gz"))
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      input = g_converter_input_stream_new (G_INPUT_STREAM (file_stream), G_CONVERTER (gunzip));
    }
  else
    input = g_object_ref (G_INPUT_STREAM (file_stream));

  data = g_data_input_stream_new (input);
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (data), 256 * 1024);
  g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);

  decoder = ts_binance_decoder_new ();
  self = g_atomic_rc_box_new0 (TsRecording);
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

      json = json_of_line (line);
      before = self->ticks->len;
      if (json == NULL || !ts_binance_decoder_decode (decoder, json, -1, self->ticks, NULL))
        {
          g_array_append_val (self->rejected_lines, line_no);
          continue;
        }

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
            ts_binance_decoder_decode (decoder, g_ptr_array_index (held, i), -1, self->ticks, NULL);
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

  /* one tick at most per line; held lines were decoded twice, so count here */
  for (guint i = 0; i < self->ticks->len; i++)
    {
      if (g_array_index (self->ticks, TsTick, i).flags & TS_TICK_TRADE)
        self->n_trades++;
      else
        self->n_quotes++;
    }
  self->n_skipped = self->n_lines - self->ticks->len - self->rejected_lines->len;

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
