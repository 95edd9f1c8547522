/* ts-decoder-stats.h: what a venue decoder counted
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "ts-feed-error.h"

G_BEGIN_DECLS

/**
 * TS_DECODER_MAX_MESSAGE_SIZE:
 *
 * The largest message a venue decoder accepts, in bytes (1 MiB); a larger
 * one is rejected with %TS_FEED_ERROR_TOO_LARGE before it is parsed.
 */
#define TS_DECODER_MAX_MESSAGE_SIZE (1024 * 1024)

/**
 * TS_DECODER_MAX_SKEW_US:
 *
 * How far (µs, either way) an exchange timestamp may be from the receive
 * time passed to a decoder: 24 h. Further is %TS_FEED_ERROR_BAD_TIME. A
 * receive time of 0 turns the check off.
 */
#define TS_DECODER_MAX_SKEW_US (G_GINT64_CONSTANT (24) * 3600 * G_USEC_PER_SEC)

/**
 * TsDecoderStats:
 * @messages: messages given to the decoder
 * @trades: trade ticks produced
 * @quotes: quote ticks produced
 * @skipped: messages recognised that produced no tick (subscription
 *   replies, heartbeats, depth updates that left the top of book alone...)
 * @rejected: messages rejected with an error (nothing of them was used)
 * @gaps: sequence gaps seen (the venue decoder documents which numbers)
 * @out_of_order: messages dropped because their sequence number was not
 *   above the last one seen (venues that say to ignore them)
 * @rejected_by_code: rejected messages per #TsFeedError code
 *
 * Counters of one decoder since it was created. A plain value type.
 */
typedef struct
{
  guint64 messages;
  guint64 trades;
  guint64 quotes;
  guint64 skipped;
  guint64 rejected;
  guint64 gaps;
  guint64 out_of_order;
  guint64 rejected_by_code[TS_FEED_ERROR_N_CODES];
} TsDecoderStats;

G_END_DECLS
