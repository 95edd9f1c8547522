/* ts-trade-csv-reader.c: trades CSV (Binance or generic) to trade ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-trade-csv-reader.h"

#include "ts-csv-private.h"

#define BINANCE_FIELDS 6
#define HEAD_MAX 4096

struct _TsTradeCsvReader
{
  gboolean        skip_bad_rows;
  GArray         *bad_lines; /* guint */
  char           *symbol;    /* NULL = the default */
  TsHistoryFormat format;
};

/* the state of one load, shared by the libcsv callbacks */
typedef struct
{
  TsCsvState st;            /* first */
  GArray    *ticks;
  gboolean   header_done;   /* the generic form's first row was looked at */
  gboolean   header;        /* the current row is the header */
  TsTick     tick;
  char       symbol[TS_SYMBOL_MAX];
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
  g_free (self->symbol);
  g_free (self);
}

void
ts_trade_csv_reader_set_skip_bad_rows (TsTradeCsvReader *self,
                                       gboolean          skip)
{
  g_return_if_fail (self != NULL);
  self->skip_bad_rows = !!skip;
}

void
ts_trade_csv_reader_set_symbol (TsTradeCsvReader *self,
                                const char       *symbol)
{
  g_return_if_fail (self != NULL);
  g_free (self->symbol);
  self->symbol = symbol != NULL && *symbol != '\0' ? g_strdup (symbol) : NULL;
}

TsHistoryFormat
ts_trade_csv_reader_get_format (const TsTradeCsvReader *self)
{
  g_return_val_if_fail (self != NULL, TS_HISTORY_FORMAT_UNKNOWN);
  return self->format;
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

/* ---- trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol ---- */

static void
binance_field (void  *field,
               size_t len,
               void  *data)
{
  LoadState *ls = data;
  const char *s = field != NULL ? field : "";
  int i = _ts_csv_field_begin (&ls->st, s, len);
  gint64 v = 0;

  if (i < 0)
    return;

  switch (i)
    {
    case 0:
      if (!_ts_csv_parse_int64 (s, len, &v) || v < 0)
        {
          if (ls->st.rows == 0 && _ts_csv_field_is (s, len, "trade_id"))
            ls->header = TRUE;
          ls->st.bad = "trade_id is not a non-negative integer";
        }
      else
        ls->tick.seq = (guint64) v;
      break;
    case 1:
      if (!_ts_csv_parse_positive (s, len, &ls->tick.price))
        ls->st.bad = "price is not a finite number > 0";
      break;
    case 2:
      if (!_ts_csv_parse_positive (s, len, &ls->tick.size))
        ls->st.bad = "qty is not a finite number > 0";
      break;
    case 3:
      if (!_ts_csv_parse_int64 (s, len, &v) || v <= 0 || v > G_MAXINT64 / 1000)
        ls->st.bad = "trade_time_ms is not a positive integer";
      else
        ls->tick.time_us = v * 1000;
      break;
    case 4:
      if (_ts_csv_field_is (s, len, "true") || _ts_csv_field_is (s, len, "1"))
        ls->tick.aggressor = TS_SIDE_SELL; /* the buyer was the maker */
      else if (_ts_csv_field_is (s, len, "false") || _ts_csv_field_is (s, len, "0"))
        ls->tick.aggressor = TS_SIDE_BUY;
      else
        ls->st.bad = "is_buyer_maker is not true or false";
      break;
    case 5:
      if (len == 0 || len >= TS_SYMBOL_MAX || memchr (s, '\0', len) != NULL)
        ls->st.bad = "symbol is empty or too long";
      else
        {
          memset (ls->tick.symbol, 0, sizeof ls->tick.symbol);
          memcpy (ls->tick.symbol, s, len);
        }
      break;
    default:
      ls->st.bad = "too many fields";
      break;
    }
}

static void
binance_row (gpointer data)
{
  LoadState *ls = data;

  if (ls->st.bad == NULL && ls->st.field < BINANCE_FIELDS)
    ls->st.bad = "too few fields";
  if (ls->st.bad == NULL && ls->st.error == NULL)
    {
      ls->tick.flags = TS_TICK_TRADE;
      g_array_append_val (ls->ticks, ls->tick);
    }
  _ts_csv_row_end (&ls->st, ls->header);
  ls->header = FALSE;
}

/* ---- time,price,size[,side] ---- */

static void
generic_field (void  *field,
               size_t len,
               void  *data)
{
  LoadState *ls = data;
  const char *s = field != NULL ? field : "";
  int i = _ts_csv_field_begin (&ls->st, s, len);

  if (i < 0)
    return;

  switch (i)
    {
    case 0:
      if (!_ts_csv_parse_time (s, len, &ls->tick.time_us))
        {
          /* the first row is a header when its first field is no time */
          if (!ls->header_done)
            ls->header = TRUE;
          ls->st.bad = "time is not ISO 8601 or a number of s, ms, µs or ns since 1970";
        }
      ls->header_done = TRUE;
      break;
    case 1:
      if (!_ts_csv_parse_positive (s, len, &ls->tick.price))
        ls->st.bad = "price is not a finite number > 0";
      break;
    case 2:
      if (!_ts_csv_parse_positive (s, len, &ls->tick.size))
        ls->st.bad = "size is not a finite number > 0";
      break;
    case 3:
      if (len == 0)
        ls->tick.aggressor = TS_SIDE_NONE;
      else if (_ts_csv_field_is (s, len, "buy") || _ts_csv_field_is (s, len, "b"))
        ls->tick.aggressor = TS_SIDE_BUY;
      else if (_ts_csv_field_is (s, len, "sell") || _ts_csv_field_is (s, len, "s"))
        ls->tick.aggressor = TS_SIDE_SELL;
      else
        ls->st.bad = "side is not buy, sell, b, s or empty";
      break;
    default:
      ls->st.bad = "too many fields";
      break;
    }
}

static void
generic_row (gpointer data)
{
  LoadState *ls = data;

  if (ls->st.bad == NULL && ls->st.field < 3)
    ls->st.bad = "too few fields";
  if (ls->st.bad == NULL && ls->st.error == NULL)
    {
      ls->tick.flags = TS_TICK_TRADE;
      ls->tick.seq = ls->st.rows + 1;
      memcpy (ls->tick.symbol, ls->symbol, sizeof ls->tick.symbol);
      g_array_append_val (ls->ticks, ls->tick);
    }
  _ts_csv_row_end (&ls->st, ls->header);
  ls->header = FALSE;
  ls->header_done = TRUE;
  ls->tick.aggressor = TS_SIDE_NONE;
}

static GArray *
load_data (TsTradeCsvReader *self,
           const char       *data,
           gsize             len,
           const char       *default_symbol,
           GError          **error)
{
  LoadState ls;
  TsHistoryFormat format;
  gboolean ok;

  format = ts_history_detect (NULL, data, MIN (len, HEAD_MAX));
  self->format = TS_HISTORY_FORMAT_UNKNOWN;
  g_array_set_size (self->bad_lines, 0);
  if (format != TS_HISTORY_FORMAT_BINANCE_TRADES && format != TS_HISTORY_FORMAT_TRADES)
    {
      if (len == 0 || format == TS_HISTORY_FORMAT_UNKNOWN)
        g_set_error_literal (error, TS_STORE_ERROR,
                             len == 0 ? TS_STORE_ERROR_NO_ROWS : TS_STORE_ERROR_PARSE,
                             len == 0 ? "no trade rows"
                                      : "line 1: not a trades CSV (Binance trades, or "
                                        "time,price,size[,side])");
      else
        g_set_error (error, TS_STORE_ERROR, TS_STORE_ERROR_PARSE,
                     "line 1: a %s file, not a trades CSV",
                     ts_history_format_to_string (format));
      return NULL;
    }
  self->format = format;

  memset (&ls, 0, sizeof ls);
  ls.st.bad_lines = self->bad_lines;
  ls.st.skip_bad = self->skip_bad_rows;
  ls.ticks = g_array_sized_new (FALSE, FALSE, sizeof (TsTick), len / 48 + 1);
  g_strlcpy (ls.symbol, self->symbol != NULL ? self->symbol : default_symbol, sizeof ls.symbol);

  if (format == TS_HISTORY_FORMAT_BINANCE_TRADES)
    ok = _ts_csv_scan (&ls.st, data, len, binance_field, binance_row, &ls, "trade rows", error);
  else
    ok = _ts_csv_scan (&ls.st, data, len, generic_field, generic_row, &ls, "trade rows", error);

  if (!ok)
    {
      g_array_unref (ls.ticks);
      return NULL;
    }
  return ls.ticks;
}

GArray *
ts_trade_csv_reader_load_data (TsTradeCsvReader *self,
                               const char       *data,
                               gssize            length,
                               GError          **error)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_data (self, data != NULL ? data : "",
                    length < 0 ? strlen (data) : (gsize) length, "CSV", error);
}

GArray *
ts_trade_csv_reader_load_file (TsTradeCsvReader *self,
                               const char       *path,
                               GError          **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  char symbol[TS_SYMBOL_MAX];
  gsize length = 0;
  GArray *ticks;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  ts_history_symbol_from_path (path, symbol);
  ticks = load_data (self, contents, length, symbol, &local_error);
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
