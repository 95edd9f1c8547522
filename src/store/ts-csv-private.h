/* ts-csv-private.h: the libcsv driver and field parsers shared by the readers
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib.h>

#include "ts-store-error.h"

G_BEGIN_DECLS

/* The state of one load, at the start of each reader's own state so the
 * libcsv callbacks can reach both. */
typedef struct
{
  GArray     *bad_lines; /* guint, owned by the reader */
  gboolean    skip_bad;
  GError     *error;
  void      (*row_func) (gpointer user_data); /* the reader's end of a row */
  gboolean    has_quotes; /* the data holds a '"': fields may span lines */
  gboolean    after_cr;  /* the last line ended with CR */
  guint       line;      /* lines completed (the current one is line + 1) */
  guint       row_line;  /* the 1-based line the current row started on */
  guint       field;     /* index of the field being delivered */
  guint       rows;      /* rows ended so far: header and bad ones included */
  guint       good;      /* good rows */
  const char *bad;       /* why the current row is bad, or NULL */
} TsCsvState;

/* Called first by every field callback with the field: returns its index,
 * or -1 when the row is already bad (or the load failed) and the field is
 * to be ignored. */
static inline int
_ts_csv_field_begin (TsCsvState *st,
                     const char *s,
                     gsize       len)
{
  guint i = st->field++;

  if (i == 0)
    st->row_line = st->line + 1;
  /* a quoted field may hold line breaks */
  if (G_UNLIKELY (st->has_quotes))
    {
      const char *p = s;
      const char *end = s + len;

      while (p < end && (p = memchr (p, '\n', (gsize) (end - p))) != NULL)
        {
          st->line++;
          p++;
        }
    }
  if (G_UNLIKELY (st->bad != NULL || st->error != NULL))
    return -1;
  return (int) i;
}

/* Called last by every reader's row function: counts a good row, or
 * records the bad one (skip mode) or fails the load with "line N: why";
 * then resets. */
void     _ts_csv_row_end   (TsCsvState *st,
                            gboolean    header);

/* Feeds @data to libcsv in one call, counting lines from the row ends
 * (CSV_REPALL_NL reports every line break, so blank lines and CRLF count),
 * and calls st->row_func for every row with fields. Then turns "no good
 * row" into TS_STORE_ERROR_NO_ROWS naming @what ("trade rows"). Returns
 * FALSE with @error set on failure. */
gboolean _ts_csv_scan      (TsCsvState *st,
                            const char *data,
                            gsize       len,
                            void      (*on_field) (void *, size_t, void *),
                            void      (*row_func) (gpointer),
                            gpointer    user_data,
                            const char *what,
                            GError    **error);

/* "2024-08-08T23:54:15.342Z" and other ISO 8601 forms, or a number of s,
 * ms, µs or ns told apart by magnitude (see ts_history_parse_time()) */
gboolean _ts_csv_parse_time (const char *s,
                             gsize       len,
                             gint64     *time_us);

/* A decimal number. @s[len] must be '\0' (libcsv's CSV_APPEND_NULL).
 * Clinger's fast path: up to 19 significant digits that fit 2^53 and at
 * most 22 decimals are m / 10^k, exactly rounded by one IEEE division;
 * anything else (exponents, long mantissas) goes to g_ascii_strtod(). */
static inline gboolean
_ts_csv_parse_double (const char *s,
                      gsize       len,
                      double     *out)
{
  static const double pow10[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  const char *p = s;
  const char *end = s + len;
  const char *digits_start;
  guint64 m = 0;
  gsize n_int, n_frac = 0;
  gboolean neg = FALSE;

  if (p < end && (*p == '-' || *p == '+'))
    neg = *p++ == '-';
  digits_start = p;
  for (; p < end && (guint) (guchar) *p - '0' < 10; p++)
    m = m * 10 + ((guint) (guchar) *p - '0');
  n_int = (gsize) (p - digits_start);
  if (p < end && *p == '.')
    {
      const char *frac_start = ++p;

      for (; p < end && (guint) (guchar) *p - '0' < 10; p++)
        m = m * 10 + ((guint) (guchar) *p - '0');
      n_frac = (gsize) (p - frac_start);
    }
  /* at most 19 digits cannot overflow m; exponents and the rest: slow */
  if (p != end || n_int + n_frac == 0 || n_int + n_frac > 19 ||
      m > (G_GUINT64_CONSTANT (1) << 53) || n_frac >= G_N_ELEMENTS (pow10))
    goto slow;
  *out = (neg ? -(double) m : (double) m) / pow10[n_frac];
  return TRUE;

slow:
  {
    char *e = NULL;
    double v;

    if (len == 0)
      return FALSE;
    v = g_ascii_strtod (s, &e);
    if (e != end)
      return FALSE;
    *out = v;
    return TRUE;
  }
}

/* a finite number > 0 */
static inline gboolean
_ts_csv_parse_positive (const char *s,
                        gsize       len,
                        double     *out)
{
  double v;

  if (!_ts_csv_parse_double (s, len, &v) || !(v > 0.0 && v < INFINITY))
    return FALSE;
  *out = v;
  return TRUE;
}

/* a decimal integer, optionally signed */
static inline gboolean
_ts_csv_parse_int64 (const char *s,
                     gsize       len,
                     gint64     *out)
{
  const char *p = s;
  const char *end = s + len;
  gboolean neg = FALSE;
  gint64 v = 0;

  if (p < end && (*p == '-' || *p == '+'))
    neg = *p++ == '-';
  if (p == end || end - p > 18)
    {
      char *e = NULL;

      if (len == 0)
        return FALSE;
      errno = 0;
      v = g_ascii_strtoll (s, &e, 10);
      if (e != end || errno != 0)
        return FALSE;
      *out = v;
      return TRUE;
    }
  for (; p < end; p++)
    {
      guint d = (guint) (guchar) *p - '0';

      if (d >= 10)
        return FALSE;
      v = v * 10 + d;
    }
  *out = neg ? -v : v;
  return TRUE;
}

static inline gboolean
_ts_csv_field_is (const char *s,
                  gsize       len,
                  const char *word)
{
  gsize i;

  for (i = 0; i < len; i++)
    if (word[i] == '\0' || g_ascii_tolower (s[i]) != word[i])
      return FALSE;
  return word[len] == '\0';
}

G_END_DECLS
