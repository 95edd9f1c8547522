/* ts-history.c: historical data files: formats and their detection
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-history.h"

#include <stdio.h>
#include <string.h>

#include "ts-csv-private.h"

#define HEAD_MAX 4096
#define SYMBOL_MAX 24

const char *
ts_history_format_to_string (TsHistoryFormat format)
{
  switch (format)
    {
    case TS_HISTORY_FORMAT_BINANCE_TRADES:
      return "binance-trades";
    case TS_HISTORY_FORMAT_TRADES:
      return "trades";
    case TS_HISTORY_FORMAT_BARS:
      return "bars";
    case TS_HISTORY_FORMAT_RECORDING:
      return "recording";
    case TS_HISTORY_FORMAT_UNKNOWN:
    default:
      return "unknown";
    }
}

static gboolean
is_number (const char *s)
{
  char *end = NULL;

  if (*s == '\0')
    return FALSE;
  g_ascii_strtod (s, &end);
  return *end == '\0';
}

TsHistoryFormat
ts_history_detect (const char *name,
                   const char *head,
                   gsize       head_len)
{
  const char *p = head;
  const char *end = head + head_len;
  const char *eol;
  g_autofree char *line = NULL;
  g_auto(GStrv) fields = NULL;
  guint n, i;

  g_return_val_if_fail (head != NULL || head_len == 0, TS_HISTORY_FORMAT_UNKNOWN);

  if (name != NULL && g_str_has_suffix (name, ".gz"))
    return TS_HISTORY_FORMAT_RECORDING;
  if (head_len >= 2 && (guchar) head[0] == 0x1f && (guchar) head[1] == 0x8b)
    return TS_HISTORY_FORMAT_RECORDING;

  if (head_len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  /* the first non-blank line */
  while (p < end && g_ascii_isspace (*p))
    p++;
  if (p == end)
    return TS_HISTORY_FORMAT_UNKNOWN;
  eol = memchr (p, '\n', (gsize) (end - p));
  line = g_strndup (p, (gsize) ((eol != NULL ? eol : end) - p));
  g_strchomp (line);

  /* <receive_time_ns> <json>, or bare JSON */
  {
    const char *q = line;

    while (g_ascii_isdigit (*q))
      q++;
    if (q > line)
      while (*q == ' ' || *q == '\t')
        q++;
    if (*q == '{' && (q == line || q[-1] == ' ' || q[-1] == '\t'))
      return TS_HISTORY_FORMAT_RECORDING;
  }

  fields = g_strsplit (line, ",", -1);
  n = g_strv_length (fields);
  for (i = 0; i < n; i++)
    {
      char *f = g_strstrip (fields[i]);
      gsize l = strlen (f);

      if (l >= 2 && f[0] == '"' && f[l - 1] == '"')
        {
          memmove (f, f + 1, l - 2);
          f[l - 2] = '\0';
        }
    }

  if (n == 6)
    {
      if (g_ascii_strcasecmp (fields[0], "trade_id") == 0 ||
          g_ascii_strcasecmp (fields[4], "true") == 0 ||
          g_ascii_strcasecmp (fields[4], "false") == 0)
        return TS_HISTORY_FORMAT_BINANCE_TRADES;
      for (i = 0; i < n; i++)
        if (g_ascii_strcasecmp (fields[i], "open") == 0)
          return TS_HISTORY_FORMAT_BARS;
      if (!is_number (fields[5]))
        return TS_HISTORY_FORMAT_BINANCE_TRADES;
      return TS_HISTORY_FORMAT_BARS;
    }
  if (n == 3 || n == 4)
    return TS_HISTORY_FORMAT_TRADES;
  return TS_HISTORY_FORMAT_UNKNOWN;
}

gboolean
ts_history_detect_file (const char      *path,
                        TsHistoryFormat *format,
                        GError         **error)
{
  char head[HEAD_MAX];
  FILE *f;
  gsize n;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  f = fopen (path, "rb");
  if (f == NULL)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", name, g_strerror (saved));
      return FALSE;
    }
  n = fread (head, 1, sizeof head, f);
  if (ferror (f))
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      fclose (f);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", name, g_strerror (saved));
      return FALSE;
    }
  fclose (f);
  *format = ts_history_detect (path, head, n);
  return TRUE;
}

gboolean
ts_history_parse_time (const char *text,
                       gssize      len,
                       gint64     *time_us)
{
  char buf[64];
  gsize n;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (time_us != NULL, FALSE);

  n = len < 0 ? strlen (text) : (gsize) len;

  /* the parsers want a NUL after the field, as libcsv gives them */
  if (n >= sizeof buf)
    return FALSE;
  memcpy (buf, text, n);
  buf[n] = '\0';
  return _ts_csv_parse_time (buf, n, time_us);
}

char *
ts_history_symbol_from_path (const char *path,
                             char        symbol[24])
{
  g_autofree char *base = NULL;
  char *dot;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (symbol != NULL, NULL);

  base = g_path_get_basename (path);
  dot = strchr (base, '.');
  if (dot != NULL && dot != base)
    *dot = '\0';
  memset (symbol, 0, SYMBOL_MAX);
  g_strlcpy (symbol, base, SYMBOL_MAX);
  return symbol;
}
