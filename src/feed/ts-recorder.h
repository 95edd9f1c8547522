/* ts-recorder.h: record raw feed messages to a gzip file, one per line
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * TsRecorder:
 *
 * Writes every raw message it is given as one line
 * `<receive_time_ns> <raw message>\n` into a gzip file: the line format of
 * ../shared/data/binance-spot/\*.gz, which #TsRecording reads back (it
 * tells the venue, our mock schema included, from the messages). A newline
 * inside a message (JSON whitespace) is written as a space.
 *
 * The stream is GFileOutputStream → GConverterOutputStream
 * (GZlibCompressor, gzip) → GBufferedOutputStream (64 KiB), so a message
 * costs three buffered writes and no allocation of ours. Not thread-safe:
 * use it from one thread at a time (the session: the engine thread).
 * After the first write error every later write is a no-op and the error
 * is returned by ts_recorder_close().
 */
typedef struct _TsRecorder TsRecorder;

/**
 * ts_recorder_new:
 * @path: the file to create or replace (GLib file name encoding)
 * @error: return location for a #GError
 *
 * Errors: %TS_FEED_ERROR_IO (with the #GIO_ERROR message) when the file
 * cannot be created.
 *
 * Returns: (transfer full) (nullable): a recorder, or %NULL with @error set
 */
TsRecorder  *ts_recorder_new             (const char  *path,
                                          GError     **error);

/**
 * ts_recorder_write:
 * @self: a recorder
 * @receive_time_ns: when the message arrived, ns since the Unix epoch UTC
 * @data: the raw message
 * @length: its length in bytes, or -1 when NUL-terminated
 *
 * Appends one line. Blocking file I/O (buffered).
 *
 * Returns: %TRUE, or %FALSE once a write failed (see ts_recorder_close())
 */
gboolean     ts_recorder_write           (TsRecorder  *self,
                                          gint64       receive_time_ns,
                                          const char  *data,
                                          gssize       length);

/**
 * ts_recorder_flush:
 * @self: a recorder
 * @error: return location for a #GError
 *
 * Pushes buffered lines through the compressor to the file (a zlib sync
 * flush), so what was written so far can be read back.
 *
 * Returns: %TRUE on success; %FALSE with %TS_FEED_ERROR_IO
 */
gboolean     ts_recorder_flush           (TsRecorder  *self,
                                          GError     **error);

/**
 * ts_recorder_close:
 * @self: a recorder
 * @error: return location for a #GError
 *
 * Flushes, writes the gzip trailer and closes the file. Idempotent.
 *
 * Returns: %TRUE when every line was written; %FALSE with
 *   %TS_FEED_ERROR_IO (the first write error, or the close error)
 */
gboolean     ts_recorder_close           (TsRecorder  *self,
                                          GError     **error);

/**
 * ts_recorder_free:
 * @self: (nullable): a recorder; closed first when still open (errors are
 *   dropped: call ts_recorder_close() to see them)
 */
void         ts_recorder_free            (TsRecorder  *self);

/** ts_recorder_get_n_messages: Returns: the lines written so far */
guint64      ts_recorder_get_n_messages  (const TsRecorder *self);

/** ts_recorder_get_path: Returns: (transfer none): the file name given to ts_recorder_new() */
const char  *ts_recorder_get_path        (const TsRecorder *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRecorder, ts_recorder_free)

G_END_DECLS
