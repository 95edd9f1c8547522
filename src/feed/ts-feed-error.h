/* ts-feed-error.h: the error domain of the feed layer
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TS_FEED_ERROR:
 *
 * The #GError domain of the feed layer: decoders (mock schema, Binance,
 * Coinbase Exchange, Bybit), recordings and the mock server. Codes are #TsFeedError.
 */
#define TS_FEED_ERROR (ts_feed_error_quark ())

/**
 * TsFeedError:
 * @TS_FEED_ERROR_NOT_JSON: the message is not valid JSON (or not UTF-8)
 * @TS_FEED_ERROR_WRONG_TYPE: a value has the wrong JSON type (e.g. a string
 *   where a number is expected, or a root that is not an object)
 * @TS_FEED_ERROR_MISSING_FIELD: a required member is missing
 * @TS_FEED_ERROR_BAD_VALUE: a value is out of range: not finite, price or
 *   size <= 0, bid > ask, a symbol too long, an unparsable decimal string
 * @TS_FEED_ERROR_UNKNOWN_EVENT: a well-formed message of a kind the decoder
 *   does not know
 * @TS_FEED_ERROR_TOO_LARGE: the message exceeds the size limit
 * @TS_FEED_ERROR_IO: a file could not be read or has a bad line format
 * @TS_FEED_ERROR_EMPTY: a recording holds no tick at all
 * @TS_FEED_ERROR_BAD_TIME: an exchange timestamp more than 24 h away from
 *   the time the message was received (see %TS_DECODER_MAX_SKEW_US)
 *
 * Error codes in the #TS_FEED_ERROR domain.
 */
typedef enum
{
  TS_FEED_ERROR_NOT_JSON,
  TS_FEED_ERROR_WRONG_TYPE,
  TS_FEED_ERROR_MISSING_FIELD,
  TS_FEED_ERROR_BAD_VALUE,
  TS_FEED_ERROR_UNKNOWN_EVENT,
  TS_FEED_ERROR_TOO_LARGE,
  TS_FEED_ERROR_IO,
  TS_FEED_ERROR_EMPTY,
  TS_FEED_ERROR_BAD_TIME,
} TsFeedError;

/**
 * TS_FEED_ERROR_N_CODES:
 *
 * How many #TsFeedError codes there are: the length of the per-code
 * rejection counters of #TsDecoderStats.
 */
#define TS_FEED_ERROR_N_CODES (TS_FEED_ERROR_BAD_TIME + 1)

/**
 * ts_feed_error_quark:
 *
 * Returns: the #GQuark of #TS_FEED_ERROR ("ts-feed-error-quark")
 */
GQuark ts_feed_error_quark (void);

G_END_DECLS
