/* ts-history.h: historical data files: formats and their detection
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ts-store-error.h"

G_BEGIN_DECLS

/**
 * TsHistoryFormat:
 * @TS_HISTORY_FORMAT_UNKNOWN: not recognised
 * @TS_HISTORY_FORMAT_BINANCE_TRADES: the Binance trades CSV of
 *   ../shared/data: `trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol`
 *   (#TsTradeCsvReader)
 * @TS_HISTORY_FORMAT_TRADES: the generic trades CSV `time,price,size[,side]`
 *   (#TsTradeCsvReader)
 * @TS_HISTORY_FORMAT_BARS: OHLCV bars `timestamp,open,high,low,close,volume`
 *   (#TsBarCsvReader)
 * @TS_HISTORY_FORMAT_RECORDING: a raw message recording,
 *   `<receive_time_ns> <json>` per line, usually gzipped (ts_recording_load()
 *   in src/feed)
 *
 * The historical formats a backtest reads.
 */
typedef enum
{
  TS_HISTORY_FORMAT_UNKNOWN,
  TS_HISTORY_FORMAT_BINANCE_TRADES,
  TS_HISTORY_FORMAT_TRADES,
  TS_HISTORY_FORMAT_BARS,
  TS_HISTORY_FORMAT_RECORDING,
} TsHistoryFormat;

/**
 * ts_history_detect:
 * @name: (nullable): the file name, for its extension
 * @head: (array length=head_len): the first bytes of the file (4 KiB is
 *   plenty; at least its first line)
 * @head_len: their length
 *
 * Detects the format, in this order:
 *
 *  1. @name ends in ".gz" or @head starts with the gzip magic 1f 8b:
 *     a recording;
 *  2. the first non-blank line starts with "{" or with digits, spaces and
 *     "{": a recording (uncompressed);
 *  3. the first line split on commas (a UTF-8 BOM, spaces and quotes
 *     trimmed): 6 fields whose first is "trade_id", or whose fifth is
 *     true/false, or whose sixth is not a number: Binance trades; 6 fields
 *     otherwise (a header naming "open", or six numbers): bars; 3 or 4
 *     fields: generic trades;
 *  4. anything else: unknown.
 *
 * Returns: the format
 */
TsHistoryFormat  ts_history_detect        (const char  *name,
                                           const char  *head,
                                           gsize        head_len);

/**
 * ts_history_detect_file:
 * @path: a file name in the GLib file name encoding
 * @format: (out): the format, see ts_history_detect()
 * @error: return location for a #GError (%G_FILE_ERROR when it cannot be
 *   read)
 *
 * Reads the first 4 KiB of @path and detects its format.
 *
 * Returns: %TRUE unless the file could not be read
 */
gboolean         ts_history_detect_file   (const char      *path,
                                           TsHistoryFormat *format,
                                           GError         **error);

/**
 * ts_history_format_to_string:
 *
 * Returns: a static name: "unknown", "binance-trades", "trades", "bars",
 *   "recording"
 */
const char      *ts_history_format_to_string (TsHistoryFormat format);

/**
 * ts_history_parse_time:
 * @text: (array length=len): a time
 * @len: its length in bytes, or -1 when NUL-terminated
 * @time_us: (out): µs since the Unix epoch, UTC
 *
 * Parses the time column of the trades and bars CSVs:
 *
 *  - ISO 8601, e.g. 2024-08-08T23:54:15.342Z, 2024-08-08 23:54:15,
 *    2024-08-09T01:54:15.342+02:00; no zone means UTC; fractions beyond the
 *    µs are truncated; other ISO 8601 forms through GDateTime;
 *  - a positive number since the Unix epoch whose unit is told by the
 *    magnitude of its integer part: below 1e11 seconds, below 1e14
 *    milliseconds, below 1e17 microseconds, else nanoseconds. Each unit
 *    thereby covers the dates from 1973-03-03 to the year 5138, so today's
 *    times (1.7e9 s, 1.7e12 ms, 1.7e15 µs, 1.7e18 ns) are never ambiguous. A
 *    fraction is allowed (1723161255.342 s).
 *
 * Returns: %TRUE when @text is such a time
 */
gboolean         ts_history_parse_time    (const char  *text,
                                           gssize       len,
                                           gint64      *time_us);

/**
 * ts_history_symbol_from_path:
 * @path: a file name
 * @symbol: (out caller-allocates): at least 24 bytes (TS_SYMBOL_MAX)
 *
 * The default symbol of a file whose rows carry none: its base name up to
 * the first "." (data/BTC-1m.csv gives "BTC-1m"), truncated to 23 bytes.
 *
 * Returns: @symbol
 */
char            *ts_history_symbol_from_path (const char *path,
                                              char        symbol[24]);

G_END_DECLS
