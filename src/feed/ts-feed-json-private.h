/* ts-feed-json-private.h: checked JSON and value readers shared by the decoders
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include "../core/ts-tick.h"
#include "ts-book-private.h"
#include "ts-decoder-stats.h"

G_BEGIN_DECLS

/* The state every JSON venue decoder holds (embedded in each). */
typedef struct
{
  JsonParser     *parser;      /* reused for every message */
  GArray         *bids;        /* TsBookLevel scratch */
  GArray         *asks;        /* TsBookLevel scratch */
  gint64          receive_us;  /* of the message being decoded, 0 = unknown */
  TsDecoderStats  stats;
} TsFeedJsonDecoder;

/* Decodes one parsed message object, appending ticks to @ticks; FALSE
 * with @error set on a rejection. */
typedef gboolean (*TsFeedJsonDecodeFunc) (gpointer     decoder,
                                          JsonObject  *object,
                                          GArray      *ticks,
                                          GError     **error);

void        _ts_feed_json_decoder_init   (TsFeedJsonDecoder    *base);
void        _ts_feed_json_decoder_clear  (TsFeedJsonDecoder    *base);
/* The whole decode of one message: counts it, checks its length, parses
 * it, calls @decode; on failure drops the ticks it appended, counts the
 * rejection and propagates the TS_FEED_ERROR; else counts the ticks. */
gboolean    _ts_feed_json_decoder_decode (TsFeedJsonDecoder    *base,
                                          const char           *data,
                                          gssize                length,
                                          gint64                receive_time_us,
                                          GArray               *ticks,
                                          TsFeedJsonDecodeFunc  decode,
                                          gpointer              decoder,
                                          GError              **error);
/* Applies base->bids then base->asks to @book. */
void        _ts_feed_json_decoder_apply_levels (TsFeedJsonDecoder *base,
                                                TsBook            *book);

/* A table symbol -> entry, where an entry is a zeroed struct of
 * @entry_size bytes whose first member is a TsBook * (made on insert,
 * freed with the entry). */
GHashTable *_ts_feed_book_table_new      (void);
gpointer    _ts_feed_book_table_get      (GHashTable   *table,
                                          const char   *symbol,
                                          gsize         entry_size);

/* The text of a finished JsonBuilder's root (for subscribe messages). */
char       *_ts_feed_json_builder_to_data (JsonBuilder *builder);

/* Each sets a TS_FEED_ERROR and returns FALSE/NULL on failure. */

/* TOO_LARGE over TS_DECODER_MAX_MESSAGE_SIZE; resolves a -1 length. */
gboolean    _ts_feed_check_length     (const char   *data,
                                       gssize       *length,
                                       GError      **error);
/* NOT_JSON, or WRONG_TYPE when the root is not an object. */
JsonObject *_ts_feed_parse_object     (JsonParser   *parser,
                                       const char   *data,
                                       gssize        length,
                                       GError      **error);

/* MISSING_FIELD / WRONG_TYPE. */
gboolean    _ts_json_get_string       (JsonObject   *object,
                                       const char   *name,
                                       const char  **out,
                                       GError      **error);
gboolean    _ts_json_get_int          (JsonObject   *object,
                                       const char   *name,
                                       gint64       *out,
                                       GError      **error);
gboolean    _ts_json_get_bool         (JsonObject   *object,
                                       const char   *name,
                                       gboolean     *out,
                                       GError      **error);
gboolean    _ts_json_get_array        (JsonObject   *object,
                                       const char   *name,
                                       JsonArray   **out,
                                       GError      **error);
gboolean    _ts_json_get_object       (JsonObject   *object,
                                       const char   *name,
                                       JsonObject  **out,
                                       GError      **error);

/* A decimal string: only [0-9.eE+-], wholly consumed by g_ascii_strtod,
 * finite, > 0 (>= 0 when @allow_zero). "nan", "inf", hex: BAD_VALUE. */
gboolean    _ts_feed_parse_decimal    (const char   *text,
                                       const char   *what,
                                       gboolean      allow_zero,
                                       double       *out,
                                       GError      **error);
/* A string member holding such a decimal. */
gboolean    _ts_json_get_decimal      (JsonObject   *object,
                                       const char   *name,
                                       gboolean      allow_zero,
                                       double       *out,
                                       GError      **error);
/* [price, size] pairs of decimal strings (size may be 0), appended to
 * @levels (TsBookLevel) in order. */
gboolean    _ts_json_get_levels       (JsonArray    *array,
                                       const char   *what,
                                       GArray       *levels,
                                       GError      **error);

/* BAD_VALUE when empty or longer than TS_SYMBOL_MAX - 1 bytes. */
gboolean    _ts_feed_set_symbol       (TsTick       *tick,
                                       const char   *symbol,
                                       GError      **error);
/* A string member into @tick->symbol, checked as above; @out (may be
 * NULL) gets the string. */
gboolean    _ts_json_get_symbol       (JsonObject   *object,
                                       const char   *name,
                                       TsTick       *tick,
                                       const char  **out,
                                       GError      **error);
/* BAD_VALUE unless 0 < @ms <= G_MAXINT64 / 1000. */
gboolean    _ts_feed_ms_to_us         (gint64        ms,
                                       const char   *what,
                                       gint64       *out_us,
                                       GError      **error);
/* RFC 3339 with a zone ("2021-04-17T16:43:37.089723Z"), µs kept exactly
 * (digits past the sixth are truncated); BAD_VALUE otherwise. */
gboolean    _ts_feed_parse_rfc3339    (const char   *text,
                                       gint64       *out_us,
                                       GError      **error);
/* BAD_TIME when |time_us - receive_time_us| > TS_DECODER_MAX_SKEW_US and
 * receive_time_us != 0. */
gboolean    _ts_feed_check_time       (gint64        time_us,
                                       gint64        receive_time_us,
                                       GError      **error);
/* An integer ms member to µs, checked as by _ts_feed_ms_to_us() and
 * _ts_feed_check_time(). */
gboolean    _ts_json_get_time_ms      (JsonObject   *object,
                                       const char   *name,
                                       gint64        receive_time_us,
                                       gint64       *out_us,
                                       GError      **error);
/* A string member holding an RFC 3339 time, to µs, checked as by
 * _ts_feed_parse_rfc3339() and _ts_feed_check_time(). */
gboolean    _ts_json_get_time_rfc3339 (JsonObject   *object,
                                       const char   *name,
                                       gint64        receive_time_us,
                                       gint64       *out_us,
                                       GError      **error);

/* Counts a rejection by its code (any code outside TS_FEED_ERROR as
 * NOT_JSON). */
void        _ts_decoder_stats_reject  (TsDecoderStats *stats,
                                       const GError   *error);
/* Counts the ticks from index @from of @ticks as trades / quotes, or the
 * message as skipped when there are none. */
void        _ts_decoder_stats_count   (TsDecoderStats *stats,
                                       GArray         *ticks,
                                       guint           from);

G_END_DECLS
