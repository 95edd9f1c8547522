/* ts-decoder.c: one interface over every venue's decoder
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-binance-decoder.h"
#include "ts-bybit-decoder.h"
#include "ts-coinbase-decoder.h"
#include "ts-decoder.h"
#include "ts-feed-json-private.h"
#include "ts-mock-codec.h"

struct _TsDecoder
{
  TsVenue  venue;
  union
  {
    TsBinanceDecoder  *binance;
    TsCoinbaseDecoder *coinbase;
    TsBybitDecoder    *bybit;
  } d;
  TsDecoderStats mock_stats;  /* TS_VENUE_MOCK: the codec is stateless */
  guint64        mock_last_seq; /* TS_VENUE_MOCK: seq of the last stream tick, 0 = none */
  gboolean       finished;
};

static const char * const venue_names[TS_N_VENUES] = { "mock", "binance", "coinbase", "bybit" };

const char *
ts_venue_to_string (TsVenue venue)
{
  g_return_val_if_fail (venue < TS_N_VENUES, NULL);
  return venue_names[venue];
}

gboolean
ts_venue_from_string (const char *name,
                      TsVenue    *venue)
{
  g_return_val_if_fail (name != NULL, FALSE);
  for (guint i = 0; i < TS_N_VENUES; i++)
    if (g_ascii_strcasecmp (name, venue_names[i]) == 0)
      {
        if (venue != NULL)
          *venue = (TsVenue) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ts_venue_get_default_url (TsVenue venue)
{
  switch (venue)
    {
    case TS_VENUE_MOCK:
      return "ws://127.0.0.1:8765/";
    case TS_VENUE_BINANCE:
      return "wss://stream.binance.com:9443/stream";
    case TS_VENUE_COINBASE:
      return "wss://ws-feed.exchange.coinbase.com";
    case TS_VENUE_BYBIT:
      return "wss://stream.bybit.com/v5/public/spot";
    case TS_N_VENUES:
    default:
      g_return_val_if_reached (NULL);
    }
}

TsDecoder *
ts_decoder_new (TsVenue venue)
{
  TsDecoder *self;

  g_return_val_if_fail (venue < TS_N_VENUES, NULL);

  self = g_new0 (TsDecoder, 1);
  self->venue = venue;
  switch (venue)
    {
    case TS_VENUE_BINANCE:
      self->d.binance = ts_binance_decoder_new ();
      break;
    case TS_VENUE_COINBASE:
      self->d.coinbase = ts_coinbase_decoder_new ();
      break;
    case TS_VENUE_BYBIT:
      self->d.bybit = ts_bybit_decoder_new ();
      break;
    case TS_VENUE_MOCK:
    case TS_N_VENUES:
    default:
      break;
    }
  return self;
}

void
ts_decoder_free (TsDecoder *self)
{
  if (self == NULL)
    return;
  switch (self->venue)
    {
    case TS_VENUE_BINANCE:
      ts_binance_decoder_free (self->d.binance);
      break;
    case TS_VENUE_COINBASE:
      ts_coinbase_decoder_free (self->d.coinbase);
      break;
    case TS_VENUE_BYBIT:
      ts_bybit_decoder_free (self->d.bybit);
      break;
    case TS_VENUE_MOCK:
    case TS_N_VENUES:
    default:
      break;
    }
  g_free (self);
}

TsVenue
ts_decoder_get_venue (const TsDecoder *self)
{
  g_return_val_if_fail (self != NULL, TS_VENUE_MOCK);
  return self->venue;
}

static gboolean
decode_mock (TsDecoder   *self,
             const char  *data,
             gssize       length,
             gint64       receive_time_us,
             GArray      *ticks,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  TsMockMessageKind kind = TS_MOCK_MESSAGE_TICKS;
  guint from = ticks->len;

  self->mock_stats.messages++;
  if (ts_mock_codec_decode (data, length, ticks, &kind, NULL, &local_error))
    {
      for (guint i = from; i < ticks->len; i++)
        if (!_ts_feed_check_time (g_array_index (ticks, TsTick, i).time_us, receive_time_us,
                                  &local_error))
          break;
    }
  if (local_error != NULL)
    {
      g_array_set_size (ticks, from);
      _ts_decoder_stats_reject (&self->mock_stats, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (kind == TS_MOCK_MESSAGE_END)
    self->finished = TRUE;

  /* Sequence gaps of the generated stream: its ticks carry a trade and a
   * quote, and seq counts every tick of the stream. A replayed exchange
   * recording sends trades and quotes apart, with the exchange's ids. */
  for (guint i = from; i < ticks->len; i++)
    {
      const TsTick *tick = &g_array_index (ticks, TsTick, i);

      if ((tick->flags & (TS_TICK_TRADE | TS_TICK_QUOTE)) != (TS_TICK_TRADE | TS_TICK_QUOTE)
          || tick->seq == 0)
        continue;
      if (self->mock_last_seq != 0 && tick->seq > self->mock_last_seq + 1)
        self->mock_stats.gaps++;
      else if (self->mock_last_seq != 0 && tick->seq <= self->mock_last_seq)
        self->mock_stats.out_of_order++; /* a restarted stream: counting starts over */
      self->mock_last_seq = tick->seq;
    }
  _ts_decoder_stats_count (&self->mock_stats, ticks, from);
  return TRUE;
}

gboolean
ts_decoder_decode (TsDecoder   *self,
                   const char  *data,
                   gssize       length,
                   gint64       receive_time_us,
                   GArray      *ticks,
                   GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->venue)
    {
    case TS_VENUE_BINANCE:
      return ts_binance_decoder_decode_at (self->d.binance, data, length, receive_time_us, ticks, error);
    case TS_VENUE_COINBASE:
      return ts_coinbase_decoder_decode (self->d.coinbase, data, length, receive_time_us, ticks, error);
    case TS_VENUE_BYBIT:
      return ts_bybit_decoder_decode (self->d.bybit, data, length, receive_time_us, ticks, error);
    case TS_VENUE_MOCK:
      g_return_val_if_fail (data != NULL, FALSE);
      g_return_val_if_fail (ticks != NULL, FALSE);
      return decode_mock (self, data, length, receive_time_us, ticks, error);
    case TS_N_VENUES:
    default:
      g_return_val_if_reached (FALSE);
    }
}

char *
ts_decoder_dup_subscribe_message (TsDecoder          *self,
                                  const char * const *symbols)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (symbols != NULL, NULL);

  switch (self->venue)
    {
    case TS_VENUE_BINANCE:
      return ts_binance_decoder_dup_subscribe_message (symbols);
    case TS_VENUE_COINBASE:
      return ts_coinbase_decoder_dup_subscribe_message (symbols);
    case TS_VENUE_BYBIT:
      return ts_bybit_decoder_dup_subscribe_message (symbols, 1);
    case TS_VENUE_MOCK:
    case TS_N_VENUES:
    default:
      return NULL;
    }
}

const TsDecoderStats *
ts_decoder_get_stats (const TsDecoder *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (self->venue)
    {
    case TS_VENUE_BINANCE:
      return ts_binance_decoder_get_stats (self->d.binance);
    case TS_VENUE_COINBASE:
      return ts_coinbase_decoder_get_stats (self->d.coinbase);
    case TS_VENUE_BYBIT:
      return ts_bybit_decoder_get_stats (self->d.bybit);
    case TS_VENUE_MOCK:
    case TS_N_VENUES:
    default:
      return &self->mock_stats;
    }
}

guint64
ts_decoder_get_rejected_by_code (const TsDecoder *self,
                                 TsFeedError      code)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail ((guint) code < TS_FEED_ERROR_N_CODES, 0);
  return ts_decoder_get_stats (self)->rejected_by_code[code];
}

guint64
ts_decoder_get_gaps (const TsDecoder *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return ts_decoder_get_stats (self)->gaps;
}

gboolean
ts_decoder_is_finished (const TsDecoder *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->finished;
}
