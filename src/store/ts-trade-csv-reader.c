/* ts-trade-csv-reader.c: Binance trades CSV to trade ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-trade-csv-reader.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#define N_FIELDS 6
#define FIELD_MAX 64

struct _TsTradeCsvReader
{
  gboolean skip_bad_rows;
  GArray  *bad_lines; /* guint */
};

/* the state of one load, shared by the libcsv callbacks */
typedef struct
{
  TsTradeCsvReader *reader;
  GArray           *ticks;
  GError           *error;
  guint             line;      /* 1-based line being fed */
  guint             rows;      /* rows seen, header included */
  guint             field;     /* index of the next field in the row */
  const char       *bad;       /* why the current row is bad, or NULL */
  TsTick            tick;
} LoadState;

TsTradeCsvReader *
ts_trade_csv_reader_new (void)
{
  TsTradeCsvReader *self = g_new0 (TsTradeCsvReader, 1);

  self->bad_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

void
ts_trade_csv_reader_free (TsTradeCsvReader *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->bad_lines);
  g_free (self);
}

void
ts_trade_csv_reader_set_skip_bad_rows (TsTradeCsvReader *self,
                                       gboolean          skip)
{
  g_return_if_fail (self != NULL);
  self->skip_bad_rows = !!skip;
}

const guint *
ts_trade_csv_reader_get_bad_lines (const TsTradeCsvReader *self,
                                   guint                  *n_lines)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_lines != NULL)
    *n_lines = self->bad_lines->len;
  return (const guint *) (gpointer) self->bad_lines->data;
}

static gboolean
copy_field (const char *src,
            gsize       len,
            char        buf[FIELD_MAX])
{
  if (len == 0 || len >= FIELD_MAX)
    return FALSE;
  memcpy (buf, src, len);
  buf[len] = '\0';
  return TRUE;
}

static gboolean
parse_double (const char *src,
              gsize       len,
              double     *out)
{
  char buf[FIELD_MAX];
  char *end = NULL;
  double v;

  if (!copy_field (src, len, buf))
    return FALSE;
  v = g_ascii_strtod (buf, &end);
  if (end != buf + len || !(v > 0.0 && v < INFINITY))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
parse_int64 (const char *src,
             gsize       len,
             gint64     *out)
{
  char buf[FIELD_MAX];
  char *end = NULL;
  gint64 v;

  if (!copy_field (src, len, buf))
    return FALSE;
  errno = 0;
  v = g_ascii_strtoll (buf, &end, 10);
  if (end != buf + len || errno != 0)
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
field_is (const char *src,
          gsize       len,
          const char *word)
{
  return strlen (word) == len && g_ascii_strncasecmp (src, word, len) == 0;
}

static void
on_field (void  *field,
          size_t len,
          void  *data)
{
  LoadState *st = data;
  const char *s = field != NULL ? field : "";
  guint i = st->field++;
  gint64 v = 0;

  if (st->bad != NULL || st->error != NULL)
    return;

  /* the header row */
  if (st->rows == 0 && i == 0 && field_is (s, len, "trade_id"))
    {
      st->bad = "header";
      return;
    }

  switch (i)
    {
    case 0:
      if (!parse_int64 (s, len, &v) || v < 0)
        st->bad = "trade_id is not a non-negative integer";
      else
        st->tick.seq = (guint64) v;
      break;
    case 1:
      if (!parse_double (s, len, &st->tick.price))
        st->bad = "price is not a finite number > 0";
      break;
    case 2:
      if (!parse_double (s, len, &st->tick.size))
        st->bad = "qty is not a finite number > 0";
      break;
    case 3:
      if (!parse_int64 (s, len, &v) || v <= 0 || v > G_MAXINT64 / 1000)
        st->bad = "trade_time_ms is not a positive integer";
      else
        st->tick.time_us = v * 1000;
      break;
    case 4:
      if (field_is (s, len, "true") || field_is (s, len, "1"))
        st->tick.aggressor = TS_SIDE_SELL; /* the buyer was the maker */
      else if (field_is (s, len, "false") || field_is (s, len, "0"))
        st->tick.aggressor = TS_SIDE_BUY;
      else
        st->bad = "is_buyer_maker is not true or false";
      break;
    case 5:
      if (len == 0 || len >= TS_SYMBOL_MAX || memchr (s, '\0', len) != NULL)
        st->bad = "symbol is empty or too long";
      else
        {
          memset (st->tick.symbol, 0, sizeof st->tick.symbol);
          memcpy (st->tick.symbol, s, len);
        }
      break;
    default:
      st->bad = "too many fields";
      break;
    }
}

static void
on_row (int   c,
        void *data)
{
  LoadState *st = data;
  gboolean header = st->bad != NULL && strcmp (st->bad, "header") == 0;

  if (st->error == NULL && !header)
    {
      if (st->bad == NULL && st->field < N_FIELDS)
        st->bad = "too few fields";

      if (st->bad == NULL)
        {
          st->tick.flags = TS_TICK_TRADE;
          g_array_append_val (st->ticks, st->tick);
        }
      else if (st->reader->skip_bad_rows)
        g_array_append_val (st->reader->bad_lines, st->line);
      else
        g_set_error (&st->error, TS_STORE_ERROR, TS_STORE_ERROR_BAD_ROW,
                     "line %u: %s", st->line, st->bad);
    }

  st->rows++;
  st->field = 0;
  st->bad = NULL;
  memset (&st->tick, 0, sizeof st->tick);
}

GArray *
ts_trade_csv_reader_load_data (TsTradeCsvReader *self,
                               const char       *data,
                               gssize            length,
                               GError          **error)
{
  struct csv_parser parser;
  LoadState st = { 0 };
  gsize len;
  const char *p;
  const char *end;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  g_array_set_size (self->bad_lines, 0);

  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, TS_STORE_ERROR, TS_STORE_ERROR_PARSE,
                           "could not start the CSV parser");
      return NULL;
    }

  st.reader = self;
  st.ticks = g_array_sized_new (FALSE, FALSE, sizeof (TsTick), len / 48 + 1);

  /* one line at a time, so that rows can be reported by line number */
  p = data;
  end = data + len;
  while (p < end && st.error == NULL)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize n = nl != NULL ? (gsize) (nl - p) + 1 : (gsize) (end - p);

      st.line++;
      if (csv_parse (&parser, p, n, on_field, on_row, &st) != n)
        {
          g_set_error (&st.error, TS_STORE_ERROR, TS_STORE_ERROR_PARSE,
                       "line %u: %s", st.line, csv_strerror (csv_error (&parser)));
          break;
        }
      p += n;
    }
  if (st.error == NULL)
    csv_fini (&parser, on_field, on_row, &st);
  csv_free (&parser);

  if (st.error != NULL)
    {
      g_array_unref (st.ticks);
      g_propagate_error (error, st.error);
      return NULL;
    }

  if (st.ticks->len == 0)
    {
      g_array_unref (st.ticks);
      if (self->bad_lines->len > 0)
        g_set_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS,
                     "no good row; %u bad rows, the first on line %u",
                     self->bad_lines->len, g_array_index (self->bad_lines, guint, 0));
      else
        g_set_error_literal (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS,
                             "no trade rows");
      return NULL;
    }

  return st.ticks;
}

GArray *
ts_trade_csv_reader_load_file (TsTradeCsvReader *self,
                               const char       *path,
                               GError          **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  GArray *ticks;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  ticks = ts_trade_csv_reader_load_data (self, contents, (gssize) length, &local_error);
  if (ticks == NULL)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", name);
      return NULL;
    }
  return ticks;
}

GArray *
ts_trade_csv_load_file (const char *path,
                        GError    **error)
{
  g_autoptr(TsTradeCsvReader) reader = ts_trade_csv_reader_new ();

  return ts_trade_csv_reader_load_file (reader, path, error);
}
