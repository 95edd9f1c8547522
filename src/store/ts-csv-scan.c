/* ts-csv-scan.c: the libcsv driver and time parser shared by the readers
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-csv-private.h"

#define US_PER_SECOND G_GINT64_CONSTANT (1000000)

void
_ts_csv_row_end (TsCsvState *st,
                 gboolean    header)
{
  if (st->error == NULL && !header)
    {
      if (st->bad == NULL)
        st->good++;
      else if (st->skip_bad)
        g_array_append_val (st->bad_lines, st->row_line);
      else
        g_set_error (&st->error, TS_STORE_ERROR, TS_STORE_ERROR_BAD_ROW,
                     "line %u: %s", st->row_line, st->bad);
    }
  st->rows++;
  st->bad = NULL;
}

/* the end of a row, or a line break outside one (CSV_REPALL_NL) */
static void
scan_row (int   c,
          void *data)
{
  TsCsvState *st = data; /* the first member of the reader's state */

  if (st->field > 0)
    st->row_func (data);
  if (c == '\r')
    {
      st->line++;
      st->after_cr = TRUE;
    }
  else if (c == '\n')
    {
      /* the LF of a CRLF is reported alone, after its CR */
      if (!(st->after_cr && st->field == 0))
        st->line++;
      st->after_cr = FALSE;
    }
  st->field = 0;
}

gboolean
_ts_csv_scan (TsCsvState *st,
              const char *data,
              gsize       len,
              void      (*on_field) (void *, size_t, void *),
              void      (*row_func) (gpointer),
              gpointer    user_data,
              const char *what,
              GError    **error)
{
  struct csv_parser parser;
  const char *p = data;

  g_assert ((gpointer) st == user_data);

  g_array_set_size (st->bad_lines, 0);
  st->row_func = row_func;
  if (csv_init (&parser, CSV_APPEND_NULL | CSV_REPALL_NL) != 0)
    {
      g_set_error_literal (error, TS_STORE_ERROR, TS_STORE_ERROR_PARSE,
                           "could not start the CSV parser");
      return FALSE;
    }

  /* a UTF-8 byte order mark */
  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    {
      p += 3;
      len -= 3;
    }
  st->has_quotes = memchr (p, '"', len) != NULL;

  /* the callbacks stop doing work once st->error is set */
  if (csv_parse (&parser, p, len, on_field, scan_row, user_data) != len)
    {
      if (st->error == NULL)
        g_set_error (&st->error, TS_STORE_ERROR, TS_STORE_ERROR_PARSE,
                     "line %u: %s", st->line + 1, csv_strerror (csv_error (&parser)));
    }
  if (st->error == NULL)
    csv_fini (&parser, on_field, scan_row, user_data);
  csv_free (&parser);

  if (st->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&st->error));
      return FALSE;
    }

  if (st->good == 0)
    {
      if (st->bad_lines->len > 0)
        g_set_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS,
                     "no good row; %u bad rows, the first on line %u",
                     st->bad_lines->len, g_array_index (st->bad_lines, guint, 0));
      else
        g_set_error (error, TS_STORE_ERROR, TS_STORE_ERROR_NO_ROWS,
                     "no %s", what);
      return FALSE;
    }
  return TRUE;
}

/* days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil) */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era, yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* @n digits at @p; FALSE unless all are digits */
static gboolean
take_digits (const char **p,
             const char  *end,
             guint        n,
             guint       *out)
{
  guint v = 0;
  guint i;

  if ((gsize) (end - *p) < n)
    return FALSE;
  for (i = 0; i < n; i++)
    {
      guint d = (guint) (guchar) (*p)[i] - '0';

      if (d >= 10)
        return FALSE;
      v = v * 10 + d;
    }
  *p += n;
  *out = v;
  return TRUE;
}

/* YYYY-MM-DD[(T| )hh:mm[:ss[(.|,)f…]]][Z|±hh[:mm]]; no zone = UTC */
static gboolean
parse_iso8601_fast (const char *s,
                    gsize       len,
                    gint64     *time_us)
{
  const char *p = s;
  const char *end = s + len;
  guint y, mo, d, h = 0, mi = 0, sec = 0;
  gint64 us = 0;
  gint64 offset_s = 0;
  static const guint8 mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (!take_digits (&p, end, 4, &y) || p == end || *p++ != '-' ||
      !take_digits (&p, end, 2, &mo) || p == end || *p++ != '-' ||
      !take_digits (&p, end, 2, &d))
    return FALSE;
  if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1])
    return FALSE;
  if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return FALSE;

  if (p < end && (*p == 'T' || *p == 't' || *p == ' '))
    {
      p++;
      if (!take_digits (&p, end, 2, &h) || p == end || *p++ != ':' ||
          !take_digits (&p, end, 2, &mi))
        return FALSE;
      if (p < end && *p == ':')
        {
          p++;
          if (!take_digits (&p, end, 2, &sec))
            return FALSE;
          if (p < end && (*p == '.' || *p == ','))
            {
              gint64 scale = 100000;

              p++;
              if (p == end || (guint) (guchar) *p - '0' >= 10)
                return FALSE;
              for (; p < end && (guint) (guchar) *p - '0' < 10; p++)
                {
                  /* digits beyond the µs are truncated */
                  us += (*p - '0') * scale;
                  scale /= 10;
                }
            }
        }
      if (h > 23 || mi > 59 || sec > 60)
        return FALSE;

      if (p < end && (*p == 'Z' || *p == 'z'))
        p++;
      else if (p < end && (*p == '+' || *p == '-'))
        {
          int sign = *p++ == '-' ? -1 : 1;
          guint oh, om = 0;

          if (!take_digits (&p, end, 2, &oh))
            return FALSE;
          if (p < end && *p == ':')
            p++;
          if (p < end && !take_digits (&p, end, 2, &om))
            return FALSE;
          if (oh > 23 || om > 59)
            return FALSE;
          offset_s = sign * (gint64) (oh * 3600 + om * 60);
        }
    }
  if (p != end)
    return FALSE;

  *time_us = ((days_from_civil (y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - offset_s) *
              US_PER_SECOND) + us;
  return TRUE;
}

gboolean
_ts_csv_parse_time (const char *s,
                    gsize       len,
                    gint64     *time_us)
{
  const char *end = s + len;
  const char *dot;
  gint64 ip;
  gint64 v;
  gboolean numeric;

  if (len == 0)
    return FALSE;

  /* a number: digits with at most one '.' */
  dot = NULL;
  {
    const char *q;

    for (q = s; q < end; q++)
      {
        if (*q == '.' && dot == NULL)
          dot = q;
        else if ((guint) (guchar) *q - '0' >= 10)
          break;
      }
    numeric = q == end;
  }
  if (numeric)
    {
      if (!_ts_csv_parse_int64 (s, (gsize) ((dot != NULL ? dot : end) - s), &ip) || ip <= 0)
        return FALSE;

      if (dot == NULL)
        {
          if (ip < G_GINT64_CONSTANT (100000000000))            /* < 1e11: s */
            v = ip * US_PER_SECOND;
          else if (ip < G_GINT64_CONSTANT (100000000000000))    /* < 1e14: ms */
            v = ip * 1000;
          else if (ip < G_GINT64_CONSTANT (100000000000000000)) /* < 1e17: µs */
            v = ip;
          else                                                  /* ns */
            v = ip / 1000;
        }
      else
        {
          double x;
          double scale;

          if (!_ts_csv_parse_double (s, len, &x))
            return FALSE;
          if (ip < G_GINT64_CONSTANT (100000000000))
            scale = 1e6;
          else if (ip < G_GINT64_CONSTANT (100000000000000))
            scale = 1e3;
          else if (ip < G_GINT64_CONSTANT (100000000000000000))
            scale = 1.0;
          else
            scale = 1e-3;
          v = (gint64) llround (x * scale);
        }
      *time_us = v;
      return TRUE;
    }

  if (parse_iso8601_fast (s, len, time_us))
    return TRUE;

  /* other ISO 8601 forms (week dates, ordinal dates, basic format) */
  {
    g_autofree char *text = g_strndup (s, len);
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (text, utc);

    if (dt == NULL)
      return FALSE;
    *time_us = g_date_time_to_unix (dt) * US_PER_SECOND + g_date_time_get_microsecond (dt);
    return TRUE;
  }
}
