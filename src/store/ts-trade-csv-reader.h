/* ts-trade-csv-reader.h: Binance trades CSV to trade ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/ts-tick.h"
#include "ts-store-error.h"

G_BEGIN_DECLS

/**
 * TsTradeCsvReader:
 *
 * Reads the trades CSV of ../shared/data/binance-spot (README.md there):
 * `trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol`, one trade per
 * row, an optional header row. Each row becomes a trade #TsTick: time_us =
 * trade_time_ms x 1000 (µs since epoch UTC), price in quote currency, size
 * = qty in base units, seq = trade_id, aggressor %TS_SIDE_SELL when
 * is_buyer_maker is true (the buyer was the maker, so the taker sold), else
 * %TS_SIDE_BUY. Parsed with libcsv (RFC 4180).
 *
 * A bad row (wrong field count, a price or size that is not a finite number
 * > 0, a bad time or flag, an empty or too long symbol) is an error
 * %TS_STORE_ERROR_BAD_ROW naming its line number; with
 * ts_trade_csv_reader_set_skip_bad_rows() such rows are skipped and their
 * line numbers kept instead. A file with no good row is always an error
 * (%TS_STORE_ERROR_NO_ROWS).
 */
typedef struct _TsTradeCsvReader TsTradeCsvReader;

TsTradeCsvReader *ts_trade_csv_reader_new               (void);
void              ts_trade_csv_reader_free              (TsTradeCsvReader *self);

/**
 * ts_trade_csv_reader_set_skip_bad_rows:
 * @skip: %TRUE to skip bad rows (and record their lines), %FALSE (the
 *   default) to stop at the first one with an error
 */
void              ts_trade_csv_reader_set_skip_bad_rows (TsTradeCsvReader *self,
                                                         gboolean          skip);

/**
 * ts_trade_csv_reader_load_data:
 * @data: the CSV text
 * @length: its length in bytes, or -1 when NUL-terminated
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type TsTick): the trade ticks in file
 *   order, or %NULL with @error set
 */
GArray           *ts_trade_csv_reader_load_data         (TsTradeCsvReader *self,
                                                         const char       *data,
                                                         gssize            length,
                                                         GError          **error);

/**
 * ts_trade_csv_reader_load_file:
 * @path: a file name in the GLib file name encoding
 * @error: return location for a #GError (%G_FILE_ERROR or %TS_STORE_ERROR)
 *
 * Returns: (transfer full) (element-type TsTick): the trade ticks in file
 *   order, or %NULL with @error set
 */
GArray           *ts_trade_csv_reader_load_file         (TsTradeCsvReader *self,
                                                         const char       *path,
                                                         GError          **error);

/**
 * ts_trade_csv_reader_get_bad_lines:
 * @n_lines: (out): how many bad rows the last load skipped
 *
 * Returns: (transfer none) (array length=n_lines): their 1-based line numbers
 */
const guint      *ts_trade_csv_reader_get_bad_lines     (const TsTradeCsvReader *self,
                                                         guint                  *n_lines);

/**
 * ts_trade_csv_load_file:
 * @path: a file name
 * @error: return location for a #GError
 *
 * Reads @path with a strict reader (the first bad row is an error).
 *
 * Returns: (transfer full) (element-type TsTick): the trade ticks, or %NULL
 */
GArray           *ts_trade_csv_load_file                (const char       *path,
                                                         GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsTradeCsvReader, ts_trade_csv_reader_free)

G_END_DECLS
