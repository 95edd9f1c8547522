/* ts-trade-csv-writer.c: closed trades to RFC 4180 CSV
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-trade-csv-writer.h"

#include <csv.h>
#include <string.h>

#define US_PER_SECOND G_GINT64_CONSTANT (1000000)

static const char *const header[] = {
  "symbol", "side", "size", "entry_time", "entry_price", "exit_time",
  "exit_price", "fees", "pnl", "pnl_pct", "reason",
};

char *
ts_trade_csv_format_time (gint64 time_us,
                          char   buf[32])
{
  gint64 secs = time_us / US_PER_SECOND;
  gint64 us = time_us % US_PER_SECOND;
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *text = NULL;

  if (us < 0)
    {
      secs--;
      us += US_PER_SECOND;
    }

  dt = g_date_time_new_from_unix_utc (secs);
  if (dt == NULL)
    {
      g_strlcpy (buf, "", 32);
      return buf;
    }
  text = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S");
  g_snprintf (buf, 32, "%s.%06dZ", text, (int) us);
  return buf;
}

char *
ts_trade_csv_format_double (double value,
                            char   buf[G_ASCII_DTOSTR_BUF_SIZE])
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return buf;
}

gboolean
ts_csv_cell_needs_escape (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  switch (text[0])
    {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Appends one field, quoted by libcsv when RFC 4180 needs it. */
static void
append_field_len (GString    *out,
                  const char *field,
                  gsize       len,
                  gboolean    first)
{
  if (!first)
    g_string_append_c (out, ',');

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append_len (out, field, len);
    }
  else
    {
      /* csv_write: quotes around, inner quotes doubled; at most 2 len + 2 */
      gsize cap = 2 * len + 2;
      gsize old = out->len;
      gsize n;

      g_string_set_size (out, old + cap);
      n = csv_write (out->str + old, cap, field, len);
      g_string_truncate (out, old + MIN (n, cap));
    }
}

/* a text cell: escaped against formula injection, then quoted if needed */
static void
append_text (GString    *out,
             const char *text,
             gboolean    first)
{
  if (ts_csv_cell_needs_escape (text))
    {
      g_autofree char *escaped = g_strconcat ("'", text, NULL);

      append_field_len (out, escaped, strlen (escaped), first);
    }
  else
    append_field_len (out, text, strlen (text), first);
}

/* a number cell: plain, never escaped (-12.5 stays -12.5) */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  ts_trade_csv_format_double (value, buf);
  append_field_len (out, buf, strlen (buf), FALSE);
}

static void
append_trade (GString       *out,
              const TsTrade *t)
{
  char symbol[TS_SYMBOL_MAX + 1];
  char time_buf[32];

  memcpy (symbol, t->symbol, TS_SYMBOL_MAX);
  symbol[TS_SYMBOL_MAX] = '\0';

  append_text (out, symbol, TRUE);
  append_text (out, t->side == TS_SIDE_SELL ? "SHORT" : "LONG", FALSE);
  append_number (out, t->size);
  append_text (out, ts_trade_csv_format_time (t->entry_time_us, time_buf), FALSE);
  append_number (out, t->entry_price);
  append_text (out, ts_trade_csv_format_time (t->exit_time_us, time_buf), FALSE);
  append_number (out, t->exit_price);
  append_number (out, t->fees);
  append_number (out, t->pnl);
  append_number (out, t->pnl_pct);
  append_text (out, t->reason != NULL ? t->reason : "", FALSE);
  g_string_append (out, "\r\n");
}

GString *
ts_trade_csv_writer_to_string (const TsTrade *trades,
                               guint          n_trades)
{
  GString *out;
  guint i;

  g_return_val_if_fail (trades != NULL || n_trades == 0, NULL);

  out = g_string_sized_new (128 + (gsize) n_trades * 160);
  for (i = 0; i < G_N_ELEMENTS (header); i++)
    append_text (out, header[i], i == 0);
  g_string_append (out, "\r\n");

  for (i = 0; i < n_trades; i++)
    append_trade (out, &trades[i]);

  return out;
}

gboolean
ts_trade_csv_writer_write_stream (GOutputStream  *stream,
                                  const TsTrade  *trades,
                                  guint           n_trades,
                                  GCancellable   *cancellable,
                                  GError        **error)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (trades != NULL || n_trades == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = ts_trade_csv_writer_to_string (trades, n_trades);
  return g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error);
}

gboolean
ts_trade_csv_writer_write_file (const char     *path,
                                const TsTrade  *trades,
                                guint           n,
                                GError        **error)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (trades != NULL || n == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = ts_trade_csv_writer_to_string (trades, n);
  /* a temporary file, fsynced, renamed over @path */
  return g_file_set_contents_full (path, text->str, (gssize) text->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT |
                                   G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0644, error);
}

GString *
ts_equity_csv_writer_to_string (const TsEquityPoint *points,
                                guint                n_points)
{
  GString *out;
  char time_buf[32];
  guint i;

  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  out = g_string_sized_new (32 + (gsize) n_points * 64);
  g_string_append (out, "time,equity,drawdown\r\n");
  for (i = 0; i < n_points; i++)
    {
      append_text (out, ts_trade_csv_format_time (points[i].time_us, time_buf), TRUE);
      append_number (out, points[i].equity);
      append_number (out, points[i].drawdown);
      g_string_append (out, "\r\n");
    }
  return out;
}

gboolean
ts_equity_csv_writer_write_file (const char          *path,
                                 const TsEquityPoint *points,
                                 guint                n_points,
                                 GError             **error)
{
  g_autoptr(GString) text = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (points != NULL || n_points == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = ts_equity_csv_writer_to_string (points, n_points);
  return g_file_set_contents_full (path, text->str, (gssize) text->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT |
                                   G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0644, error);
}
