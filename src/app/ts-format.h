/* ts-format.h: numbers and times as the UI shows them
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/ts-tick.h"

G_BEGIN_DECLS

/**
 * ts_format_number:
 * @value: a number
 * @digits: digits after the decimal point
 * @plus: whether a positive number gets a "+" sign
 *
 * Formats @value with thousands separators (the locale's, or "," when the
 * locale has none), e.g. "-12,345.67". Not finite values give "—".
 *
 * Returns: (transfer full): the text
 */
char *ts_format_number         (double  value,
                                int     digits,
                                gboolean plus);
/**
 * ts_format_price_digits:
 * @price: a price, quote currency
 *
 * Returns: the decimals that make sense for @price (2 from 1,000 up, 4 from
 *   1, else 6)
 */
int   ts_format_price_digits   (double  price);
/**
 * ts_format_price:
 * @price: a price, quote currency
 *
 * Returns: (transfer full): @price with ts_format_price_digits() decimals and
 *   thousands separators, "—" when not finite
 */
char *ts_format_price          (double  price);
/**
 * ts_format_size:
 * @size: a position or trade size, base units
 *
 * Returns: (transfer full): a whole size without decimals ("1"), else 4
 *   decimals ("0.0167")
 */
char *ts_format_size           (double  size);
/**
 * ts_format_side:
 * @side: %TS_SIDE_BUY or %TS_SIDE_SELL
 *
 * Returns: the position side as the UI names it: "Long" or "Short"
 *   (translated, static)
 */
const char *ts_format_side     (TsSide  side);
/**
 * ts_format_time_us:
 * @time_us: µs since the Unix epoch
 * @millis: whether to add milliseconds
 *
 * Returns: (transfer full): "HH:MM:SS" (or "HH:MM:SS.mmm") in UTC
 */
char *ts_format_time_us        (gint64  time_us,
                                gboolean millis);
/**
 * ts_format_date_time_us:
 * @time_us: µs since the Unix epoch
 *
 * Returns: (transfer full): "YYYY-MM-DD HH:MM:SS" in UTC
 */
char *ts_format_date_time_us   (gint64  time_us);

G_END_DECLS
