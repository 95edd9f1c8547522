/* ts-recording.h: a recorded Binance or Coinbase session, decoded into ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "../core/ts-tick.h"
#include "ts-decoder.h"

G_BEGIN_DECLS

/**
 * TsRecording:
 *
 * The ticks of a recorded session (Binance spot, Coinbase Exchange, Bybit
 * or our mock schema), in exchange-time order. Immutable once loaded, reference counted
 * (atomically), so it can be shared between threads.
 *
 * The file is gzip-compressed when its name ends in ".gz" (it must then be
 * gzip) or when it starts with the gzip magic bytes 1f 8b. The format is
 * told by the first non-blank line (see ../shared/data/README.md):
 *
 * - Binance (#TS_VENUE_BINANCE): one message per line,
 *   `<local_receive_time_ns> <raw JSON message>`; a line holding only a
 *   JSON object (starting with "{") is accepted too. Each message goes
 *   through a #TsBinanceDecoder, so bookTicker quotes get the latest
 *   exchange time seen before them (those before the first exchange time
 *   get that first time); the local receive time is ignored (the recording
 *   machine's clock ran 1.26 s behind).
 * - Our own recordings (#TsRecorder), same line format: the venue is told
 *   by the first message's members: `"type":"ticks"` or `"end"` is the
 *   mock schema (#TS_VENUE_MOCK, decoded with ts_mock_codec_decode(): the
 *   ticks come back exactly as the server sent them), another `"type"` is
 *   Coinbase, `"topic"`, `"op"` or `"ret_msg"` is Bybit, anything else
 *   Binance as above. Mock, Coinbase and Bybit lines go through a
 *   #TsDecoder of that venue, with the line's receive time for the time
 *   check (none for the mock schema).
 * - Coinbase (#TS_VENUE_COINBASE, the cryptofeed format: first line
 *   `<url> <-> <unix_s>` or `<unix_s>: <json>`): server lines
 *   `<unix_s>: <json>` go through a #TsCoinbaseDecoder with `<unix_s>` as
 *   the receive time (so a level2 snapshot's quote gets it); client lines
 *   `<url> <- <unix_s>: <json>` and connect lines `<url> <-> <unix_s>` are
 *   skipped.
 *
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
/** ts_recording_get_n_skipped: lines recognised that gave no tick (depth updates, snapshots, client lines...) */
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

/**
 * ts_recording_get_venue:
 *
 * Returns: the venue detected: %TS_VENUE_BINANCE, %TS_VENUE_COINBASE,
 *   %TS_VENUE_BYBIT or %TS_VENUE_MOCK
 */
TsVenue       ts_recording_get_venue          (TsRecording   *self);

/**
 * ts_recording_get_n_gaps:
 *
 * Returns: sequence gaps the decoder saw (Binance: diff-depth U/u;
 *   Coinbase: match trade_id), see #TsDecoderStats
 */
guint64       ts_recording_get_n_gaps         (TsRecording   *self);

/**
 * ts_recording_get_decoder_stats:
 *
 * Returns: (transfer none): the decoder's counters after the whole file
 */
const TsDecoderStats *ts_recording_get_decoder_stats (TsRecording *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRecording, ts_recording_unref)

G_END_DECLS
