/* ts-format.c: numbers and times as the UI shows them
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "ts-format.h"

char *
ts_format_number (double   value,
                  int      digits,
                  gboolean plus)
{
  const struct lconv *lc = localeconv ();
  const char *sep = lc->thousands_sep;
  const char *point = lc->decimal_point;
  g_autofree char *plain = NULL;
  GString *out;
  size_t int_len;

  if (!isfinite (value))
    return g_strdup ("—");

  if (sep == NULL || sep[0] == '\0')
    sep = (point != NULL && strcmp (point, ",") == 0) ? "." : ",";

  plain = g_strdup_printf ("%.*f", CLAMP (digits, 0, 12), fabs (value));
  int_len = strspn (plain, "0123456789");

  out = g_string_new (NULL);
  /* no "-0.00" */
  if (value < 0 && strspn (plain, "0.,") != strlen (plain))
    g_string_append (out, "−");
  else if (plus && value > 0 && strspn (plain, "0.,") != strlen (plain))
    g_string_append_c (out, '+');

  for (size_t i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append (out, sep);
      g_string_append_c (out, plain[i]);
    }
  g_string_append (out, plain + int_len);

  return g_string_free (out, FALSE);
}

int
ts_format_price_digits (double price)
{
  double a = fabs (price);

  if (a >= 1000)
    return 2;
  if (a >= 1)
    return 4;
  return 6;
}

char *
ts_format_price (double price)
{
  return ts_format_number (price, ts_format_price_digits (price), FALSE);
}

char *
ts_format_size (double size)
{
  return ts_format_number (size, size == floor (size) ? 0 : 4, FALSE);
}

const char *
ts_format_side (TsSide side)
{
  /* Translators: the open position's side */
  return side == TS_SIDE_BUY ? C_("position", "Long") : C_("position", "Short");
}

char *
ts_format_time_us (gint64   time_us,
                   gboolean millis)
{
  gint64 secs = time_us >= 0 ? time_us / G_USEC_PER_SEC
                             : -((-time_us + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
  gint64 rem = time_us - secs * G_USEC_PER_SEC;
  gint64 day_secs = ((secs % 86400) + 86400) % 86400;
  int h = (int)(day_secs / 3600);
  int m = (int)(day_secs / 60 % 60);
  int s = (int)(day_secs % 60);

  if (millis)
    return g_strdup_printf ("%02d:%02d:%02d.%03d", h, m, s, (int)(rem / 1000));
  return g_strdup_printf ("%02d:%02d:%02d", h, m, s);
}

char *
ts_format_date_time_us (gint64 time_us)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (time_us / G_USEC_PER_SEC);

  if (dt == NULL)
    return g_strdup ("—");
  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}
