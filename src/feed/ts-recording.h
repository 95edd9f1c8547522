/* ts-recording.h: a recorded Binance session, decoded into ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "../core/ts-tick.h"

G_BEGIN_DECLS

/**
 * TsRecording:
 *
 * The ticks of a recorded Binance spot session, in exchange-time order.
 * Immutable once loaded, reference counted (atomically), so it can be
 * shared between threads.
 *
 * File format (see ../shared/data/README.md): one message per line,
 * `<local_receive_time_ns> <raw JSON message>`, gzip-compressed when the
 * name ends in ".gz". A line holding only a JSON object (starting with "{")
 * is accepted too. Each message goes through a #TsBinanceDecoder, so
 * bookTicker quotes get the latest exchange time seen before them (those
 * before the first exchange time get that first time); the local receive
 * time is ignored (the recording machine's clock ran 1.26 s behind).
 * The ticks are then stably sorted by time_us. Blank lines are ignored.
 */
typedef struct _TsRecording TsRecording;

/**
 * ts_recording_load:
 * @path: a file name in the GLib file name encoding
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads and decodes the whole recording (GFile + GZlibDecompressor +
 * GDataInputStream). Lines that do not decode are counted and their line
 * numbers kept (ts_recording_get_rejected_lines()), they do not fail the load.
 *
 * Errors: %TS_FEED_ERROR_IO (with the #GIO_ERROR message) when the file
 * cannot be opened or read, or is not valid gzip; %TS_FEED_ERROR_EMPTY when
 * it holds no tick (the message names the first rejected line numbers);
 * %G_IO_ERROR_CANCELLED when cancelled.
 *
 * Returns: (transfer full) (nullable): the recording, or %NULL with @error set
 */
TsRecording  *ts_recording_load               (const char    *path,
                                               GCancellable  *cancellable,
                                               GError       **error);

/**
 * ts_recording_load_file:
 * @file: the file to read
 *
 * As ts_recording_load().
 */
TsRecording  *ts_recording_load_file          (GFile         *file,
                                               GCancellable  *cancellable,
                                               GError       **error);

/** ts_recording_ref: Returns: (transfer full): @self */
TsRecording  *ts_recording_ref                (TsRecording   *self);
/** ts_recording_unref: drops a reference; frees on the last one */
void          ts_recording_unref              (TsRecording   *self);

/**
 * ts_recording_get_ticks:
 * @n_ticks: (out): how many
 *
 * Returns: (transfer none) (array length=n_ticks): every tick, trades and
 *   quotes, sorted by time_us (µs since the Unix epoch UTC, ascending;
 *   stable: ties keep file order)
 */
const TsTick *ts_recording_get_ticks          (TsRecording   *self,
                                               guint         *n_ticks);
/** ts_recording_get_n_lines: non-blank lines read */
guint         ts_recording_get_n_lines        (TsRecording   *self);
/** ts_recording_get_n_trades: trade ticks */
guint         ts_recording_get_n_trades       (TsRecording   *self);
/** ts_recording_get_n_quotes: quote ticks */
guint         ts_recording_get_n_quotes       (TsRecording   *self);
/** ts_recording_get_n_skipped: lines recognised and skipped (depth updates, snapshots) */
guint         ts_recording_get_n_skipped      (TsRecording   *self);
/** ts_recording_get_n_rejected: lines that did not decode */
guint         ts_recording_get_n_rejected     (TsRecording   *self);

/**
 * ts_recording_get_rejected_lines:
 * @n_lines: (out): how many
 *
 * Returns: (transfer none) (array length=n_lines): 1-based line numbers of
 *   the rejected lines, ascending
 */
const guint  *ts_recording_get_rejected_lines (TsRecording   *self,
                                               guint         *n_lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRecording, ts_recording_unref)

G_END_DECLS
