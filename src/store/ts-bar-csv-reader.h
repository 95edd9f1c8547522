/* ts-bar-csv-reader.h: OHLCV bar CSV to bars
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "core/ts-bar.h"
#include "ts-store-error.h"

G_BEGIN_DECLS

/**
 * TsBarCsvReader:
 *
 * Reads OHLCV bar CSV files, `timestamp,open,high,low,close,volume`, one
 * bar per row, into #TsBar arrays. The first row is a header (skipped) when
 * its first field is not a time. timestamp is the bar's open time, ISO 8601
 * or a number of s, ms, µs or ns since the epoch told apart by magnitude
 * (ts_history_parse_time()); prices in quote currency, volume in base units.
 * Parsed with libcsv, numbers read in place (no allocation per row).
 *
 * A bad row is an error %TS_STORE_ERROR_BAD_ROW naming its line number:
 * wrong field count, a bad time, a price or volume that is not a finite
 * number > 0, high < max(open, close), low > min(open, close) (see
 * ts_bar_check()), or a timestamp not after the previous good bar's. With
 * ts_bar_csv_reader_set_skip_bad_rows() such rows are skipped and their
 * line numbers kept instead. A file with no good row is always an error
 * (%TS_STORE_ERROR_NO_ROWS).
 *
 * Run bars through the engine with ts_bars_to_ticks() (src/core/ts-bar.h:
 * four ticks O, nearer extreme, farther extreme, C per bar).
 */
typedef struct _TsBarCsvReader TsBarCsvReader;

TsBarCsvReader *ts_bar_csv_reader_new               (void);
void            ts_bar_csv_reader_free              (TsBarCsvReader *self);

/**
 * ts_bar_csv_reader_set_skip_bad_rows:
 * @skip: %TRUE to skip bad rows (and record their lines), %FALSE (the
 *   default) to stop at the first one with an error
 */
void            ts_bar_csv_reader_set_skip_bad_rows (TsBarCsvReader *self,
                                                     gboolean        skip);

/**
 * ts_bar_csv_reader_load_data:
 * @data: the CSV text
 * @length: its length in bytes, or -1 when NUL-terminated
 * @error: return location for a #GError (%TS_STORE_ERROR)
 *
 * Returns: (transfer full) (element-type TsBar): the bars in file order
 *   (ascending time), or %NULL with @error set
 */
GArray         *ts_bar_csv_reader_load_data         (TsBarCsvReader *self,
                                                     const char     *data,
                                                     gssize          length,
                                                     GError        **error);

/**
 * ts_bar_csv_reader_load_file:
 * @path: a file name in the GLib file name encoding
 * @error: return location for a #GError (%G_FILE_ERROR or %TS_STORE_ERROR;
 *   the message starts with the file's display name)
 *
 * Returns: (transfer full) (element-type TsBar): the bars, or %NULL
 */
GArray         *ts_bar_csv_reader_load_file         (TsBarCsvReader *self,
                                                     const char     *path,
                                                     GError        **error);

/**
 * ts_bar_csv_reader_get_bad_lines:
 * @n_lines: (out): how many bad rows the last load skipped
 *
 * Returns: (transfer none) (array length=n_lines): their 1-based line numbers
 */
const guint    *ts_bar_csv_reader_get_bad_lines     (const TsBarCsvReader *self,
                                                     guint                *n_lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsBarCsvReader, ts_bar_csv_reader_free)

G_END_DECLS
