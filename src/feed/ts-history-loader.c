/* ts-history-loader.c: historical files of any format into one tick stream
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-history-loader.h"

#include <math.h>
#include <string.h>

#include "core/ts-bar.h"
#include "feed/ts-recording.h"
#include "store/ts-bar-csv-reader.h"
#include "store/ts-history.h"
#include "store/ts-store-error.h"
#include "store/ts-trade-csv-reader.h"

/* bytes read between two looks at the cancellable and two progress calls */
#define CHUNK_BYTES (4u << 20)

struct _TsHistoryLoader
{
  char       *symbol;        /* NULL = from the file name */
  double      bar_seconds;   /* 0 = ts_bars_guess_interval() */
  gboolean    skip_bad_rows;
  GArray     *ticks;         /* TsTick, in file order until stolen */
  gboolean    sorted;        /* ticks is in ascending time */
  GHashTable *bad_lines;     /* path -> GArray of guint */
};

TsHistoryLoader *
ts_history_loader_new (void)
{
  TsHistoryLoader *self = g_new0 (TsHistoryLoader, 1);

  self->skip_bad_rows = TRUE;
  self->ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  self->sorted = TRUE;
  self->bad_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_array_unref);
  return self;
}

void
ts_history_loader_free (TsHistoryLoader *self)
{
  if (self == NULL)
    return;
  g_free (self->symbol);
  g_array_unref (self->ticks);
  g_hash_table_unref (self->bad_lines);
  g_free (self);
}

void
ts_history_loader_set_symbol (TsHistoryLoader *self,
                              const char      *symbol)
{
  g_return_if_fail (self != NULL);

  g_free (self->symbol);
  self->symbol = g_strdup (symbol);
}

void
ts_history_loader_set_bar_seconds (TsHistoryLoader *self,
                                   double           seconds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (seconds >= 0.0 && isfinite (seconds));

  self->bar_seconds = seconds;
}

void
ts_history_loader_set_skip_bad_rows (TsHistoryLoader *self,
                                     gboolean         skip)
{
  g_return_if_fail (self != NULL);

  self->skip_bad_rows = skip;
}

const guint *
ts_history_loader_get_bad_lines (TsHistoryLoader *self,
                                 const char      *path,
                                 guint           *n_lines)
{
  GArray *lines;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_lines != NULL, NULL);

  *n_lines = 0;
  if (path == NULL)
    return NULL;
  lines = g_hash_table_lookup (self->bad_lines, path);
  if (lines == NULL || lines->len == 0)
    return NULL;
  *n_lines = lines->len;
  return (const guint *) (gpointer) lines->data;
}

static void
keep_bad_lines (TsHistoryLoader *self,
                const char      *path,
                const guint     *lines,
                guint            n)
{
  GArray *a = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  g_array_append_vals (a, lines, n);
  g_hash_table_replace (self->bad_lines, g_strdup (path), a);
}

/* the whole of @path, reading CHUNK_BYTES at a time: each chunk looks at
 * @cancellable and reports @progress as the fraction read x @scale */
static GBytes *
read_all (const char                 *path,
          GCancellable               *cancellable,
          TsHistoryLoaderProgressFunc progress,
          gpointer                    user_data,
          double                      scale,
          GError                    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GByteArray) buf = g_byte_array_new ();
  goffset size = 0;

  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;
  info = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);

  for (;;)
    {
      guint old = buf->len;
      gssize n;

      g_byte_array_set_size (buf, old + CHUNK_BYTES);
      n = g_input_stream_read (G_INPUT_STREAM (in), buf->data + old, CHUNK_BYTES,
                               cancellable, error);
      if (n < 0)
        return NULL;
      g_byte_array_set_size (buf, old + (guint) n);
      if (n == 0)
        break;
      if (progress != NULL && size > 0)
        progress (path, MIN ((double) buf->len / (double) size, 1.0) * scale, user_data);
    }
  if (!g_input_stream_close (G_INPUT_STREAM (in), cancellable, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

static gboolean
load_trades (TsHistoryLoader            *self,
             const char                 *path,
             GCancellable               *cancellable,
             TsHistoryLoaderProgressFunc progress,
             gpointer                    user_data,
             GError                    **error)
{
  g_autoptr(TsTradeCsvReader) reader = ts_trade_csv_reader_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) part = NULL;
  char symbol[TS_SYMBOL_MAX];
  const guint *bad;
  guint n_bad = 0;
  gsize len = 0;
  const char *data;

  bytes = read_all (path, cancellable, progress, user_data, 0.5, error);
  if (bytes == NULL)
    return FALSE;
  ts_trade_csv_reader_set_skip_bad_rows (reader, self->skip_bad_rows);
  /* as ts_trade_csv_reader_load_file(): the file name names the ticks */
  if (self->symbol != NULL)
    ts_trade_csv_reader_set_symbol (reader, self->symbol);
  else
    {
      ts_history_symbol_from_path (path, symbol);
      ts_trade_csv_reader_set_symbol (reader, symbol);
    }
  data = g_bytes_get_data (bytes, &len);
  part = ts_trade_csv_reader_load_data (reader, data != NULL ? data : "", (gssize) len, error);
  if (part == NULL)
    return FALSE;
  bad = ts_trade_csv_reader_get_bad_lines (reader, &n_bad);
  keep_bad_lines (self, path, bad, n_bad);
  g_array_append_vals (self->ticks, part->data, part->len);
  return TRUE;
}

static gboolean
load_bars (TsHistoryLoader            *self,
           const char                 *path,
           GCancellable               *cancellable,
           TsHistoryLoaderProgressFunc progress,
           gpointer                    user_data,
           GError                    **error)
{
  g_autoptr(TsBarCsvReader) reader = ts_bar_csv_reader_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) bars = NULL;
  g_autoptr(GArray) part = NULL;
  char symbol[TS_SYMBOL_MAX];
  const guint *bad;
  guint n_bad = 0;
  gsize len = 0;
  const char *data;

  bytes = read_all (path, cancellable, progress, user_data, 0.5, error);
  if (bytes == NULL)
    return FALSE;
  ts_bar_csv_reader_set_skip_bad_rows (reader, self->skip_bad_rows);
  data = g_bytes_get_data (bytes, &len);
  bars = ts_bar_csv_reader_load_data (reader, data != NULL ? data : "", (gssize) len, error);
  if (bars == NULL)
    return FALSE;
  bad = ts_bar_csv_reader_get_bad_lines (reader, &n_bad);
  keep_bad_lines (self, path, bad, n_bad);
  if (self->symbol != NULL)
    g_strlcpy (symbol, self->symbol, sizeof symbol);
  else
    ts_history_symbol_from_path (path, symbol);
  part = ts_bars_to_ticks ((const TsBar *) (gpointer) bars->data, bars->len,
                           (gint64) llround (self->bar_seconds * 1e6), symbol);
  g_array_append_vals (self->ticks, part->data, part->len);
  return TRUE;
}

static gboolean
load_recording (TsHistoryLoader *self,
                const char      *path,
                GCancellable    *cancellable,
                GError         **error)
{
  g_autoptr(TsRecording) rec = NULL;
  const TsTick *t;
  const guint *bad;
  guint n = 0, n_bad = 0;

  rec = ts_recording_load (path, cancellable, error);
  if (rec == NULL)
    return FALSE;
  t = ts_recording_get_ticks (rec, &n);
  bad = ts_recording_get_rejected_lines (rec, &n_bad);
  keep_bad_lines (self, path, bad, n_bad);
  g_array_append_vals (self->ticks, t, n);
  return TRUE;
}

gboolean
ts_history_loader_add_file (TsHistoryLoader            *self,
                            const char                 *path,
                            GCancellable               *cancellable,
                            TsHistoryLoaderProgressFunc progress,
                            gpointer                    user_data,
                            GError                    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  TsHistoryFormat format = TS_HISTORY_FORMAT_UNKNOWN;
  guint before;
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  name = g_filename_display_name (path);
  before = self->ticks->len;
  g_hash_table_remove (self->bad_lines, path);

  if (progress != NULL)
    progress (path, 0.0, user_data);
  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto fail;
  if (!ts_history_detect_file (path, &format, &local_error))
    goto fail;

  switch (format)
    {
    case TS_HISTORY_FORMAT_BINANCE_TRADES:
    case TS_HISTORY_FORMAT_TRADES:
      ok = load_trades (self, path, cancellable, progress, user_data, &local_error);
      break;
    case TS_HISTORY_FORMAT_BARS:
      ok = load_bars (self, path, cancellable, progress, user_data, &local_error);
      break;
    case TS_HISTORY_FORMAT_RECORDING:
      ok = load_recording (self, path, cancellable, &local_error);
      break;
    case TS_HISTORY_FORMAT_UNKNOWN:
    default:
      g_set_error (&local_error, TS_STORE_ERROR, TS_STORE_ERROR_PARSE,
                   "line 1: unknown format (expected a trades CSV "
                   "trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol or "
                   "time,price,size[,side], an OHLCV CSV "
                   "timestamp,open,high,low,close,volume, or a .gz recording)");
      break;
    }
  if (!ok)
    goto fail;
  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto fail;

  /* still in time order? (a stable sort happens on steal when not) */
  if (self->sorted && self->ticks->len > 0)
    {
      const TsTick *t = (const TsTick *) (gpointer) self->ticks->data;
      guint i;

      for (i = MAX (before, 1); i < self->ticks->len; i++)
        if (t[i].time_us < t[i - 1].time_us)
          {
            self->sorted = FALSE;
            break;
          }
    }
  if (progress != NULL)
    progress (path, 1.0, user_data);
  return TRUE;

fail:
  g_array_set_size (self->ticks, before);
  g_hash_table_remove (self->bad_lines, path);
  /* every message starts with the file's display name, once */
  if (g_str_has_prefix (local_error->message, name) &&
      g_str_has_prefix (local_error->message + strlen (name), ": "))
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
  return FALSE;
}

static int
compare_time (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  gint64 ta = ((const TsTick *) a)->time_us;
  gint64 tb = ((const TsTick *) b)->time_us;

  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

GArray *
ts_history_loader_steal_ticks (TsHistoryLoader *self)
{
  GArray *ticks;

  g_return_val_if_fail (self != NULL, NULL);

  ticks = self->ticks;
  if (!self->sorted && ticks->len > 1)
    /* a merge sort: stable since GLib 2.32, so ties keep the file order */
    g_qsort_with_data (ticks->data, (gint) ticks->len, sizeof (TsTick), compare_time, NULL);
  self->ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  self->sorted = TRUE;
  return ticks;
}
