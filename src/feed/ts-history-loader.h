/* ts-history-loader.h: historical files of any format into one tick stream
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/ts-tick.h"

G_BEGIN_DECLS

/**
 * TsHistoryLoader:
 *
 * Loads trade CSVs, OHLCV bar CSVs and raw-message recordings (.gz, read
 * through the venue decoders), each format detected by
 * ts_history_detect_file(), and merges their ticks into one stream in
 * ascending time (a stable sort: ties keep the file order). The one loader
 * of `tickscope-backtest` and of the app's Backtest view, so both see the
 * same ticks. Not thread-safe; use one per thread.
 */
typedef struct _TsHistoryLoader TsHistoryLoader;

/**
 * TsHistoryLoaderProgressFunc:
 * @path: the file being read
 * @fraction: 0 .. 1 of that file read
 * @user_data: the data given to ts_history_loader_add_file()
 */
typedef void (*TsHistoryLoaderProgressFunc) (const char *path,
                                             double      fraction,
                                             gpointer    user_data);

TsHistoryLoader *ts_history_loader_new             (void);
void             ts_history_loader_free            (TsHistoryLoader *self);

/**
 * ts_history_loader_set_symbol:
 * @symbol: (nullable): the symbol to give ticks of files that name none
 *   (bar CSVs, generic trade CSVs); %NULL = from the file name
 */
void             ts_history_loader_set_symbol      (TsHistoryLoader *self,
                                                    const char      *symbol);

/**
 * ts_history_loader_set_bar_seconds:
 * @seconds: the length of a bar of a bar CSV, seconds (>= 0; default 0 =
 *   the smallest gap between the file's bars, ts_bars_guess_interval()):
 *   each bar becomes four ticks (open, high or low, low or high, close)
 *   spread over it (ts_bars_to_ticks())
 */
void             ts_history_loader_set_bar_seconds (TsHistoryLoader *self,
                                                    double           seconds);

/**
 * ts_history_loader_set_skip_bad_rows:
 * @skip: %TRUE (the default) skips bad rows and lists their line numbers;
 *   %FALSE makes the first bad row an error
 */
void             ts_history_loader_set_skip_bad_rows (TsHistoryLoader *self,
                                                      gboolean         skip);

/**
 * ts_history_loader_add_file:
 * @path: a file name
 * @cancellable: (nullable): checked between chunks
 * @progress: (nullable) (scope call): called now and then while reading
 * @user_data: for @progress
 * @error: %G_FILE_ERROR or %G_IO_ERROR (unreadable file),
 *   %TS_STORE_ERROR (unknown format, a bad row with its line number when
 *   not skipping, no good row at all), %TS_FEED_ERROR (a recording that
 *   is not gzip or holds no tick), %G_IO_ERROR_CANCELLED; every message
 *   starts with the file's display name. On error no tick of @path is
 *   kept.
 *
 * Reads one file and adds its ticks.
 *
 * Returns: %TRUE when read
 */
gboolean         ts_history_loader_add_file        (TsHistoryLoader *self,
                                                    const char      *path,
                                                    GCancellable    *cancellable,
                                                    TsHistoryLoaderProgressFunc progress,
                                                    gpointer         user_data,
                                                    GError         **error);

/**
 * ts_history_loader_get_bad_lines:
 * @path: a file given to ts_history_loader_add_file()
 * @n_lines: (out): how many
 *
 * Returns: (array length=n_lines) (transfer none) (nullable): the line
 *   numbers (from 1) of the rows skipped in @path
 */
const guint     *ts_history_loader_get_bad_lines   (TsHistoryLoader *self,
                                                    const char      *path,
                                                    guint           *n_lines);

/**
 * ts_history_loader_steal_ticks:
 *
 * Returns: (transfer full) (element-type TsTick): every tick read so far,
 *   in ascending time; the loader starts empty again
 */
GArray          *ts_history_loader_steal_ticks     (TsHistoryLoader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsHistoryLoader, ts_history_loader_free)

G_END_DECLS
