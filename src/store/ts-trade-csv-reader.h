/* ts-trade-csv-reader.h: trades CSV (Binance or generic) to trade ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/ts-tick.h"
#include "ts-store-error.h"
#include "ts-history.h"

G_BEGIN_DECLS

/**
 * TsTradeCsvReader:
 *
 * Reads trades CSV files into trade #TsTick arrays, one trade per row, in
 * either of two forms told apart by the first line (ts_history_detect()):
 *
 * The Binance form of ../shared/data/binance-spot (README.md there):
 * `trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol`, an optional
 * header row (first field "trade_id"). time_us = trade_time_ms x 1000,
 * size = qty, seq = trade_id, aggressor %TS_SIDE_SELL when is_buyer_maker
 * is true (the buyer was the maker, so the taker sold), else %TS_SIDE_BUY.
 *
 * The generic form: `time,price,size[,side]`. The first row is a header
 * (skipped) when its first field is not a time. time is ISO 8601 or a
 * number of s, ms, µs or ns since the epoch told apart by magnitude (see
 * ts_history_parse_time(): below 1e11 s, below 1e14 ms, below 1e17 µs, else
 * ns). side is the aggressor: buy, sell, b or s (any case), or empty or
 * missing for unknown (%TS_SIDE_NONE). The rows carry no symbol: the ticks
 * get the reader's (ts_trade_csv_reader_set_symbol()), by default the file's
 * base name up to its first "." (ts_history_symbol_from_path()), or "CSV"
 * for ts_trade_csv_reader_load_data(). seq is the 1-based row number.
 *
 * Prices in quote currency, sizes in base units, both finite and > 0.
 * Parsed with libcsv (RFC 4180 quoting), numbers read in place from
 * libcsv's field buffer (no allocation per row; see "Backtest ingest" in
 * DESIGN.md).
 *
 * A bad row (wrong field count, a price or size that is not a finite number
 * > 0, a bad time, side or flag, an empty or too long symbol) is an error
 * %TS_STORE_ERROR_BAD_ROW naming its line number; with
 * ts_trade_csv_reader_set_skip_bad_rows() such rows are skipped and their
 * line numbers kept instead. A file with no good row is always an error
 * (%TS_STORE_ERROR_NO_ROWS), and so is a file in neither form
 * (%TS_STORE_ERROR_PARSE).
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
 * ts_trade_csv_reader_set_symbol:
 * @symbol: (nullable): the symbol of the generic form's ticks (at most 23
 *   bytes are kept); %NULL for the default (see #TsTradeCsvReader)
 *
 * Not used by the Binance form, whose rows name their symbol.
 */
void              ts_trade_csv_reader_set_symbol        (TsTradeCsvReader *self,
                                                         const char       *symbol);

/**
 * ts_trade_csv_reader_get_format:
 *
 * Returns: the form of the last load: %TS_HISTORY_FORMAT_BINANCE_TRADES,
 *   %TS_HISTORY_FORMAT_TRADES, or %TS_HISTORY_FORMAT_UNKNOWN before any
 */
TsHistoryFormat   ts_trade_csv_reader_get_format        (const TsTradeCsvReader *self);

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
