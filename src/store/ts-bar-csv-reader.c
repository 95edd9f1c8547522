/* ts-bar-csv-reader.c: OHLCV bar CSV to bars
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-bar-csv-reader.h"

#include "ts-csv-private.h"

#define N_FIELDS 6

struct _TsBarCsvReader
{
  gboolean skip_bad_rows;
  GArray  *bad_lines; /* guint */
};

typedef struct
{
  TsCsvState st;          /* first */
  GArray    *bars;
  gboolean   header_done;
  gboolean   header;
  gint64     last_time_us; /* of the last good bar */
  TsBar      bar;
} LoadState;

TsBarCsvReader *
ts_bar_csv_reader_new (void)
{
  TsBarCsvReader *self = g_new0 (TsBarCsvReader, 1);

  self->bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
ts_bar_csv_reader_free (TsBarCsvReader *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->bad_lines);
  g_free (self);
}

void
ts_bar_csv_reader_set_skip_bad_rows (TsBarCsvReader *self,
                                     gboolean        skip)
{
  g_return_if_fail (self != NULL);
  self->skip_bad_rows = !!skip;
}

const guint *
ts_bar_csv_reader_get_bad_lines (const TsBarCsvReader *self,
                                 guint                *n_lines)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_lines != NULL)
    *n_lines = self->bad_lines->len;
  return (const guint *) (gpointer) self->bad_lines->data;
}

static void
bar_field (void  *field,
           size_t len,
           void  *data)
{
  LoadState *ls = data;
  const char *s = field != NULL ? field : "";
  int i = _ts_csv_field_begin (&ls->st, s, len);
  double *slot;

  if (i < 0)
    return;

  if (i == 0)
    {
      if (!_ts_csv_parse_time (s, len, &ls->bar.time_us))
        {
          if (!ls->header_done)
            ls->header = TRUE;
          ls->st.bad = "timestamp is not ISO 8601 or a number of s, ms, µs or ns since 1970";
        }
      ls->header_done = TRUE;
      return;
    }
  if (i >= N_FIELDS)
    {
      ls->st.bad = "too many fields";
      return;
    }

  slot = i == 1 ? &ls->bar.open : i == 2 ? &ls->bar.high : i == 3 ? &ls->bar.low :
         i == 4 ? &ls->bar.close : &ls->bar.volume;
  if (!_ts_csv_parse_double (s, len, slot))
    {
      static const char *const why[] = {
        NULL,
        "open is not a number",
        "high is not a number",
        "low is not a number",
        "close is not a number",
        "volume is not a number",
      };

      ls->st.bad = why[i];
    }
}

static void
bar_row (gpointer data)
{
  LoadState *ls = data;

  if (ls->st.bad == NULL && ls->st.field < N_FIELDS)
    ls->st.bad = "too few fields";
  if (ls->st.bad == NULL)
    ls->st.bad = ts_bar_check (&ls->bar);
  if (ls->st.bad == NULL && ls->bars->len > 0 && ls->bar.time_us <= ls->last_time_us)
    ls->st.bad = "timestamp is not after the previous bar's";
  if (ls->st.bad == NULL && ls->st.error == NULL)
    {
      g_array_append_val (ls->bars, ls->bar);
      ls->last_time_us = ls->bar.time_us;
    }
  _ts_csv_row_end (&ls->st, ls->header);
  ls->header = FALSE;
  ls->header_done = TRUE;
}

GArray *
ts_bar_csv_reader_load_data (TsBarCsvReader *self,
                             const char     *data,
                             gssize          length,
                             GError        **error)
{
  LoadState ls;
  gsize len;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  memset (&ls, 0, sizeof ls);
  ls.st.bad_lines = self->bad_lines;
  ls.st.skip_bad = self->skip_bad_rows;
  ls.bars = g_array_sized_new (FALSE, FALSE, sizeof (TsBar), len / 40 + 1);

  if (!_ts_csv_scan (&ls.st, data != NULL ? data : "", len, bar_field, bar_row, &ls,
                     "bar rows", error))
    {
      g_array_unref (ls.bars);
      return NULL;
    }
  return ls.bars;
}

GArray *
ts_bar_csv_reader_load_file (TsBarCsvReader *self,
                             const char     *path,
                             GError        **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  GArray *bars;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  bars = ts_bar_csv_reader_load_data (self, contents, (gssize) length, &local_error);
  if (bars == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return NULL;
    }
  return bars;
}
