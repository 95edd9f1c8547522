/* ts-mock-codec.h: encode and decode the mock tick schema (JSON, batched)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "../core/ts-tick.h"

G_BEGIN_DECLS

/**
 * TS_MOCK_CODEC_MAX_MESSAGE_SIZE:
 *
 * The largest message ts_mock_codec_decode() accepts, in bytes (1 MiB).
 * Clients set their WebSocket max-incoming-payload-size to it.
 */
#define TS_MOCK_CODEC_MAX_MESSAGE_SIZE (1024 * 1024)

/**
 * TS_MOCK_CODEC_MAX_BATCH:
 *
 * How many ticks a sender puts in one "ticks" message at most (senders
 * split bigger batches), so a message stays far below
 * %TS_MOCK_CODEC_MAX_MESSAGE_SIZE and below libsoup's default 128 KiB limit.
 */
#define TS_MOCK_CODEC_MAX_BATCH 400

/**
 * TsMockMessageKind:
 * @TS_MOCK_MESSAGE_TICKS: `{"type":"ticks","ticks":[...]}`: a batch of ticks
 * @TS_MOCK_MESSAGE_END: `{"type":"end","reason":"..."}`: the replay ended;
 *   the server closes the connection normally next
 *
 * The kinds of message of the mock schema. The schema itself is documented
 * in src/feed/README.md ("The mock tick schema").
 */
typedef enum
{
  TS_MOCK_MESSAGE_TICKS,
  TS_MOCK_MESSAGE_END,
} TsMockMessageKind;

/**
 * ts_mock_codec_encode_ticks:
 * @ticks: (array length=n_ticks): valid ticks (see ts_tick_is_valid());
 *   each is written with the trade fields, the quote fields or both,
 *   as its flags say
 * @n_ticks: how many; 0 gives an empty batch
 * @length: (out) (optional): the length of the result in bytes
 *
 * Encodes @ticks as one message of the mock schema (JsonBuilder +
 * JsonGenerator), e.g.
 * `{"type":"ticks","ticks":[{"symbol":"MOCK-BTC","time_us":1723161255342000,
 * "seq":17,"price":61837.63,"size":0.02,"side":"buy","bid":61837.62,
 * "ask":61837.63,"bid_size":1.5,"ask_size":0.8}]}`.
 * time_us is exchange time in µs since the Unix epoch, UTC. Doubles are
 * written with 17 significant digits, so decoding gives the same values.
 *
 * Returns: (transfer full): the UTF-8 JSON text, NUL-terminated
 */
char    *ts_mock_codec_encode_ticks (const TsTick       *ticks,
                                     guint               n_ticks,
                                     gsize              *length);

/**
 * ts_mock_codec_encode_end:
 * @reason: (nullable): why the stream ends, e.g. "replay finished"
 * @length: (out) (optional): the length of the result in bytes
 *
 * Encodes `{"type":"end","reason":REASON}`.
 *
 * Returns: (transfer full): the UTF-8 JSON text, NUL-terminated
 */
char    *ts_mock_codec_encode_end   (const char         *reason,
                                     gsize              *length);

/**
 * ts_mock_codec_decode:
 * @data: the message text (need not be NUL-terminated)
 * @length: its length in bytes, or -1 when NUL-terminated
 * @ticks: (element-type TsTick): the decoded ticks are appended here,
 *   only when the whole message is valid
 * @kind: (out) (optional): the kind of message
 * @reason: (out) (optional) (transfer full): for an "end" message its
 *   reason (or %NULL); %NULL otherwise
 * @error: return location for a #TS_FEED_ERROR
 *
 * Parses one message of the mock schema and validates every value. A
 * "ticks" batch exactly as ts_mock_codec_encode_ticks() writes it goes
 * through a strict scanner (ts_mock_codec_decode_fast(), about 10x faster
 * than json-glib, bounded by g_ascii_strtod(); tests/bench/bench-decode.c);
 * everything else, and every invalid message,
 * through json_parser_load_from_data() (ts_mock_codec_decode_json()), which
 * gives the same ticks bit for bit and the errors below. Checks: each tick needs a non-empty "symbol" shorter than
 * %TS_SYMBOL_MAX bytes, an integer "time_us" > 0, an optional integer
 * "seq" >= 0, and the complete trade group ("price", "size", optional
 * "side" "buy"/"sell") and/or the complete quote group ("bid", "ask",
 * "bid_size", "ask_size"); numbers finite and > 0, bid <= ask. One bad tick
 * rejects the whole message (nothing is appended).
 *
 * Errors (#TS_FEED_ERROR): %TS_FEED_ERROR_TOO_LARGE over
 * %TS_MOCK_CODEC_MAX_MESSAGE_SIZE bytes, %TS_FEED_ERROR_NOT_JSON,
 * %TS_FEED_ERROR_WRONG_TYPE, %TS_FEED_ERROR_MISSING_FIELD,
 * %TS_FEED_ERROR_BAD_VALUE, %TS_FEED_ERROR_UNKNOWN_EVENT (a "type" other
 * than "ticks" or "end").
 *
 * Returns: %TRUE when the message is valid
 */
gboolean ts_mock_codec_decode       (const char         *data,
                                     gssize              length,
                                     GArray             *ticks,
                                     TsMockMessageKind  *kind,
                                     char              **reason,
                                     GError            **error);

/**
 * ts_mock_codec_decode_fast:
 * @data: the message text (need not be NUL-terminated)
 * @length: its length in bytes
 * @ticks: (element-type TsTick): the decoded ticks are appended here,
 *   only when the message is handled
 *
 * The strict fast path of ts_mock_codec_decode(): a scanner that accepts
 * exactly what ts_mock_codec_encode_ticks() writes (no whitespace, members
 * in its order, symbols of printable ASCII without escapes, numbers as
 * g_ascii_dtostr() writes them, at most %TS_MOCK_CODEC_MAX_MESSAGE_SIZE
 * bytes) with every value valid as ts_mock_codec_decode() checks it.
 * Numbers are converted with g_ascii_strtod(), so the ticks are bit for bit
 * those of the json-glib path. Anything else (an "end" message, another
 * layout, a bad value, garbage) is declined: nothing is appended and no
 * error is set, and the caller goes through ts_mock_codec_decode_json(),
 * which gives the error.
 *
 * Returns: %TRUE when the message was handled (a valid "ticks" batch)
 */
gboolean ts_mock_codec_decode_fast  (const char         *data,
                                     gsize               length,
                                     GArray             *ticks);

/**
 * ts_mock_codec_decode_json:
 *
 * ts_mock_codec_decode() without the fast path: every message through
 * json-glib (json_parser_load_from_data()). Same arguments, results and
 * errors; the reference for the fast path's tests and benchmark.
 *
 * Returns: %TRUE when the message is valid
 */
gboolean ts_mock_codec_decode_json  (const char         *data,
                                     gssize              length,
                                     GArray             *ticks,
                                     TsMockMessageKind  *kind,
                                     char              **reason,
                                     GError            **error);

G_END_DECLS
