/* ts-trade-csv-writer.h: closed trades to RFC 4180 CSV
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/ts-trade.h"
#include "core/ts-backtest.h"
#include "ts-store-error.h"

G_BEGIN_DECLS

/**
 * TsTradeCsvWriter:
 *
 * Writes #TsTrade arrays as RFC 4180 CSV (fields quoted by libcsv when they
 * hold a comma, a quote, CR or LF), CRLF line ends, a header row:
 * `symbol,side,size,entry_time,entry_price,exit_time,exit_price,fees,pnl,pnl_pct,reason`.
 * Times are ISO 8601 UTC with microseconds (2024-08-08T23:54:15.342000Z);
 * numbers at full precision (the shortest of %.15g, %.16g, %.17g that reads
 * back to the same double, C locale); side "LONG" or "SHORT"; money in quote
 * currency, size in base units, pnl_pct in percent.
 *
 * Spreadsheet formula injection (CSV injection): a text cell (symbol, side,
 * reason, any name) that begins with "=", "+", "-", "@", a tab or a carriage
 * return is written with a single quote "'" in front, so that a spreadsheet
 * shows it as text instead of evaluating it (the OWASP "CSV Injection"
 * recommendation); the cell is then quoted by RFC 4180 rules if it needs
 * it. Number cells are never escaped: a negative P&L stays -12.5.
 *
 * There is no instance: the functions below are the writer.
 */

/**
 * ts_trade_csv_writer_to_string:
 * @trades: (array length=n_trades): the trades
 * @n_trades: how many
 *
 * Returns: (transfer full): the whole CSV text, header included
 */
GString  *ts_trade_csv_writer_to_string    (const TsTrade  *trades,
                                            guint           n_trades);

/**
 * ts_trade_csv_writer_write_stream:
 * @stream: where to write
 * @trades: (array length=n_trades): the trades
 * @n_trades: how many
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the CSV to @stream (not closed).
 *
 * Returns: %TRUE on success
 */
gboolean  ts_trade_csv_writer_write_stream (GOutputStream  *stream,
                                            const TsTrade  *trades,
                                            guint           n_trades,
                                            GCancellable   *cancellable,
                                            GError        **error);

/**
 * ts_trade_csv_writer_write_file:
 * @path: the file to write (replaced)
 * @trades: (array length=n): the trades
 * @n: how many
 * @error: return location for a #GError (%G_FILE_ERROR)
 *
 * Writes to a temporary file beside @path and renames it over @path, so no
 * partial file is ever left at @path.
 *
 * Returns: %TRUE on success
 */
gboolean  ts_trade_csv_writer_write_file   (const char     *path,
                                            const TsTrade  *trades,
                                            guint           n,
                                            GError        **error);

/**
 * ts_trade_csv_format_time:
 * @time_us: µs since epoch UTC
 * @buf: (out caller-allocates): at least 32 bytes
 *
 * Formats @time_us as ISO 8601 UTC with microseconds, e.g.
 * 2024-08-08T23:54:15.342000Z (GDateTime).
 *
 * Returns: @buf
 */
char     *ts_trade_csv_format_time         (gint64          time_us,
                                            char            buf[32]);

/**
 * ts_trade_csv_format_double:
 * @value: a number
 * @buf: (out caller-allocates): at least G_ASCII_DTOSTR_BUF_SIZE bytes
 *
 * The shortest of %.15g, %.16g and %.17g (C locale) that reads back as
 * @value.
 *
 * Returns: @buf
 */
char     *ts_trade_csv_format_double       (double          value,
                                            char            buf[G_ASCII_DTOSTR_BUF_SIZE]);

/**
 * ts_csv_cell_needs_escape:
 * @text: a text cell
 *
 * Returns: %TRUE when @text begins with "=", "+", "-", "@", a tab or a
 *   carriage return, the characters that make a spreadsheet read a cell as
 *   a formula (OWASP "CSV Injection"); the writers then prefix it with "'"
 */
gboolean  ts_csv_cell_needs_escape         (const char     *text);

/**
 * ts_equity_csv_writer_to_string:
 * @points: (array length=n_points): equity curve points
 * @n_points: how many
 *
 * The equity curve as CSV, CRLF line ends: a header row
 * `time,equity,drawdown`, then one row per point: time ISO 8601 UTC with
 * µs (ts_trade_csv_format_time()), equity in quote currency and drawdown as
 * a fraction of the peak, both at full precision
 * (ts_trade_csv_format_double()).
 *
 * Returns: (transfer full): the CSV text
 */
GString  *ts_equity_csv_writer_to_string   (const TsEquityPoint *points,
                                            guint                n_points);

/**
 * ts_equity_csv_writer_write_file:
 * @path: the file to write (replaced atomically, as
 *   ts_trade_csv_writer_write_file())
 * @points: (array length=n_points): equity curve points
 * @n_points: how many
 * @error: return location for a #GError (%G_FILE_ERROR)
 *
 * Returns: %TRUE on success
 */
gboolean  ts_equity_csv_writer_write_file  (const char          *path,
                                            const TsEquityPoint *points,
                                            guint                n_points,
                                            GError             **error);

G_END_DECLS
