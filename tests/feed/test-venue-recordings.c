/* test-venue-recordings.c: the venue decoders on the real recordings
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Counts from ../shared/data/README.md; sequence gaps and top-of-book
 * changes are recomputed here independently (a plain text scan for U/u, a
 * hash-table book scanned in full for its best levels) and must agree with
 * what the decoders report.
 */
#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "feed/ts-binance-decoder.h"
#include "feed/ts-coinbase-decoder.h"
#include "feed/ts-feed-error.h"
#include "feed/ts-recording.h"

static char *
shared_path (const char *dir,
             const char *name)
{
  const char *root = g_getenv ("TS_SHARED_DATA");
  char *path;

  if (root == NULL)
    return NULL;
  path = g_build_filename (root, dir, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_clear_pointer (&path, g_free);
  return path;
}

/* Every line of a (gzip when @gzip) file, in order. */
static GPtrArray *
read_lines (const char *path,
            gboolean    gzip)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInputStream) raw = g_file_read (file, NULL, &error);
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  char *line;

  g_assert_no_error (error);
  if (gzip)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      input = g_converter_input_stream_new (G_INPUT_STREAM (raw), G_CONVERTER (gunzip));
    }
  else
    input = g_object_ref (G_INPUT_STREAM (raw));
  data = g_data_input_stream_new (input);
  while ((line = g_data_input_stream_read_line (data, NULL, NULL, &error)) != NULL)
    g_ptr_array_add (lines, line);
  g_assert_no_error (error);
  return lines;
}

/* ---- Binance ---------------------------------------------------------- */

/* The integer after `"<key>":` in @text, found by plain search. */
static gint64
scan_int (const char *text,
          const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":", key);
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_ascii_strtoll (p + strlen (needle), NULL, 10);
}

typedef struct
{
  const char *file;
  guint       trades;
  guint       book_tickers;
  guint       depth_updates;
} BinanceCase;

static const BinanceCase btcusdt = { "spot_btcusdt_20240808.gz", 9757, 28040, 3451 };
static const BinanceCase ethusdt = { "spot_ethusdt_20240808.gz", 6106, 24077, 3434 };

static void
test_binance (gconstpointer user_data)
{
  const BinanceCase *c = user_data;
  g_autofree char *path = shared_path ("binance-spot", c->file);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(TsBinanceDecoder) decoder = ts_binance_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(TsRecording) rec = NULL;
  g_autoptr(GError) error = NULL;
  const TsDecoderStats *stats;
  gint64 prev_u = -1;
  guint scanned_depth = 0, scanned_gaps = 0;

  if (path == NULL)
    {
      g_test_skip ("TS_SHARED_DATA or the Binance recording is missing");
      return;
    }
  lines = read_lines (path, TRUE);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *json = strchr (line, ' ');
      gint64 receive_us;

      g_assert_nonnull (json);
      receive_us = g_ascii_strtoll (line, NULL, 10) / 1000;  /* ns -> µs */
      g_assert_true (ts_binance_decoder_decode_at (decoder, json + 1, -1, receive_us, ticks, &error));
      g_assert_no_error (error);

      /* independent: U of each diff-depth event against the previous u */
      if (strstr (json, "\"e\":\"depthUpdate\"") != NULL)
        {
          gint64 first = scan_int (json, "U"), last = scan_int (json, "u");

          scanned_depth++;
          if (prev_u >= 0 && first != prev_u + 1)
            scanned_gaps++;
          prev_u = last;
        }
    }

  stats = ts_binance_decoder_get_stats (decoder);
  g_assert_cmpuint (ts_binance_decoder_get_event_count (decoder, TS_BINANCE_EVENT_TRADE), ==, c->trades);
  g_assert_cmpuint (ts_binance_decoder_get_event_count (decoder, TS_BINANCE_EVENT_BOOK_TICKER), ==, c->book_tickers);
  g_assert_cmpuint (ts_binance_decoder_get_event_count (decoder, TS_BINANCE_EVENT_DEPTH_UPDATE), ==, c->depth_updates);
  g_assert_cmpuint (ts_binance_decoder_get_event_count (decoder, TS_BINANCE_EVENT_DEPTH_SNAPSHOT), ==, 1);
  g_assert_cmpuint (stats->messages, ==, lines->len);
  g_assert_cmpuint (stats->rejected, ==, 0);
  g_assert_cmpuint (stats->trades, ==, c->trades);
  /* with a receive time, the bookTickers before the first exchange event get it */
  g_assert_cmpuint (stats->quotes, ==, c->book_tickers);

  g_assert_cmpuint (scanned_depth, ==, c->depth_updates);
  g_assert_cmpuint (stats->gaps, ==, scanned_gaps);
  g_test_message ("%s: %u diff-depth events, %u sequence gaps", c->file, scanned_depth, scanned_gaps);
  g_assert_cmpuint (scanned_gaps, ==, 0);  /* what the 2024-08-08 recordings hold */

  for (guint i = 0; i < ticks->len; i++)
    g_assert_true (ts_tick_is_valid (&g_array_index (ticks, TsTick, i)));

  /* the recording reports the same gaps */
  rec = ts_recording_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_recording_get_venue (rec), ==, TS_VENUE_BINANCE);
  g_assert_cmpuint (ts_recording_get_n_gaps (rec), ==, scanned_gaps);
  g_assert_cmpuint (ts_recording_get_n_trades (rec), ==, c->trades);
  g_assert_cmpuint (ts_recording_get_n_quotes (rec), ==, c->book_tickers);
}

/* ---- Coinbase: an independent book ---------------------------------- */

typedef struct
{
  GHashTable *bids;   /* double price -> double size */
  GHashTable *asks;
  gboolean    ready;
  gboolean    emitted;
  double      last[4];
} RefBook;

static void
ref_book_free (gpointer data)
{
  RefBook *book = data;

  g_hash_table_unref (book->bids);
  g_hash_table_unref (book->asks);
  g_free (book);
}

static RefBook *
ref_book_get (GHashTable *books,
              const char *product)
{
  RefBook *book = g_hash_table_lookup (books, product);

  if (book == NULL)
    {
      book = g_new0 (RefBook, 1);
      book->bids = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, g_free);
      book->asks = g_hash_table_new_full (g_double_hash, g_double_equal, g_free, g_free);
      g_hash_table_insert (books, g_strdup (product), book);
    }
  return book;
}

static void
ref_set (GHashTable *side,
         const char *price_text,
         const char *size_text)
{
  double price = g_ascii_strtod (price_text, NULL);
  double size = g_ascii_strtod (size_text, NULL);

  if (size == 0.0)
    g_hash_table_remove (side, &price);
  else
    g_hash_table_insert (side, g_memdup2 (&price, sizeof price), g_memdup2 (&size, sizeof size));
}

/* Scans every level for the best one; FALSE when the side is empty. */
static gboolean
ref_best (GHashTable *side,
          gboolean    highest,
          double     *price,
          double     *size)
{
  GHashTableIter iter;
  gpointer key, value;
  gboolean any = FALSE;

  g_hash_table_iter_init (&iter, side);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double p = *(double *) key;

      if (!any || (highest ? p > *price : p < *price))
        {
          *price = p;
          *size = *(double *) value;
          any = TRUE;
        }
    }
  return any;
}

/* TRUE when the top changed since the last time it was taken. */
static gboolean
ref_top_changed (RefBook *book)
{
  double top[4];

  if (!ref_best (book->bids, TRUE, &top[0], &top[1])
      || !ref_best (book->asks, FALSE, &top[2], &top[3])
      || top[0] > top[2])
    return FALSE;
  if (book->emitted && memcmp (top, book->last, sizeof top) == 0)
    return FALSE;
  book->emitted = TRUE;
  memcpy (book->last, top, sizeof top);
  return TRUE;
}

static void
ref_levels (GHashTable *side,
            JsonArray  *levels)
{
  for (guint i = 0; i < json_array_get_length (levels); i++)
    {
      JsonArray *level = json_array_get_array_element (levels, i);

      ref_set (side, json_array_get_string_element (level, 0), json_array_get_string_element (level, 1));
    }
}

/* Quote ticks the decoder's book must give, counted the simple way. */
static guint
ref_count_quotes (GPtrArray *jsons)
{
  g_autoptr(GHashTable) books = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, ref_book_free);
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint quotes = 0;

  for (guint i = 0; i < jsons->len; i++)
    {
      JsonObject *msg;
      const char *type;
      RefBook *book;

      g_assert_true (json_parser_load_from_data (parser, g_ptr_array_index (jsons, i), -1, NULL));
      msg = json_node_get_object (json_parser_get_root (parser));
      type = json_object_get_string_member (msg, "type");
      if (g_str_equal (type, "snapshot"))
        {
          book = ref_book_get (books, json_object_get_string_member (msg, "product_id"));
          g_hash_table_remove_all (book->bids);
          g_hash_table_remove_all (book->asks);
          ref_levels (book->bids, json_object_get_array_member (msg, "bids"));
          ref_levels (book->asks, json_object_get_array_member (msg, "asks"));
          book->ready = TRUE;
        }
      else if (g_str_equal (type, "l2update"))
        {
          JsonArray *changes = json_object_get_array_member (msg, "changes");

          book = ref_book_get (books, json_object_get_string_member (msg, "product_id"));
          if (!book->ready)
            continue;
          for (guint k = 0; k < json_array_get_length (changes); k++)
            {
              JsonArray *change = json_array_get_array_element (changes, k);
              gboolean bid = g_str_equal (json_array_get_string_element (change, 0), "buy");

              ref_set (bid ? book->bids : book->asks, json_array_get_string_element (change, 1),
                       json_array_get_string_element (change, 2));
            }
        }
      else
        continue;
      if (ref_top_changed (book))
        quotes++;
    }
  return quotes;
}

static void
test_coinbase (void)
{
  g_autofree char *path = shared_path ("coinbase", "COINBASE.ws.28.0");
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) jsons = g_ptr_array_new ();
  g_autoptr(TsCoinbaseDecoder) decoder = ts_coinbase_decoder_new ();
  g_autoptr(GArray) ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  g_autoptr(GHashTable) trade_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(TsRecording) rec = NULL;
  g_autoptr(GError) error = NULL;
  const TsDecoderStats *stats;
  const TsTick *rec_ticks;
  const TsTick *first_match = NULL;
  guint n, expected_quotes, trade_id_gaps = 0, client_lines = 0, blank = 0;

  if (path == NULL)
    {
      g_test_skip ("TS_SHARED_DATA or the Coinbase recording is missing");
      return;
    }
  lines = read_lines (path, FALSE);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *json;
      gint64 receive_us;

      if (line[0] == '\0')
        {
          blank++;
          continue;
        }
      if (g_str_has_prefix (line, "wss://"))
        {
          client_lines++;
          continue;
        }
      json = strstr (line, ": {");
      g_assert_nonnull (json);
      json += 2;
      receive_us = (gint64) llround (g_ascii_strtod (line, NULL) * 1e6);
      g_ptr_array_add (jsons, (gpointer) json);
      g_assert_true (ts_coinbase_decoder_decode (decoder, json, -1, receive_us, ticks, &error));
      g_assert_no_error (error);

      /* independent: trade ids per product */
      if (strstr (json, "\"type\":\"match\"") != NULL || strstr (json, "\"type\":\"last_match\"") != NULL)
        {
          const char *p = strstr (json, "\"product_id\":\"") + 14;
          g_autofree char *product = g_strndup (p, strchr (p, '"') - p);
          gint64 id = scan_int (json, "trade_id");
          gint64 *last = g_hash_table_lookup (trade_ids, product);

          if (last == NULL)
            g_hash_table_insert (trade_ids, g_strdup (product), g_memdup2 (&id, sizeof id));
          else
            {
              if (strstr (json, "\"type\":\"match\"") != NULL && id != *last + 1)
                trade_id_gaps++;
              *last = id;
            }
        }
    }
  g_assert_cmpuint (blank, ==, 2);
  g_assert_cmpuint (client_lines, ==, 4);

  stats = ts_coinbase_decoder_get_stats (decoder);
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_MATCH), ==, 97);
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_LAST_MATCH), ==, 10);
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_TICKER), ==, 107);
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_SNAPSHOT), ==, 10);
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_L2UPDATE), ==, 9719);
  g_assert_cmpuint (ts_coinbase_decoder_get_message_count (decoder, TS_COINBASE_MESSAGE_SUBSCRIPTIONS), ==, 3);
  g_assert_cmpuint (stats->rejected, ==, 0);
  g_assert_cmpuint (stats->out_of_order, ==, 0);
  g_assert_cmpuint (stats->trades, ==, 97 + 10);
  g_assert_cmpuint (stats->gaps, ==, trade_id_gaps);

  expected_quotes = ref_count_quotes (jsons);
  g_test_message ("COINBASE.ws.28.0: %u quote ticks from the books, %u trade-id gaps",
                  expected_quotes, trade_id_gaps);
  g_assert_cmpuint (stats->quotes, ==, expected_quotes);
  g_assert_cmpuint (ticks->len, ==, 107 + expected_quotes);
  for (guint i = 0; i < ticks->len; i++)
    g_assert_true (ts_tick_is_valid (&g_array_index (ticks, TsTick, i)));

  /* the same through TsRecording, which detects the format */
  rec = ts_recording_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_recording_get_venue (rec), ==, TS_VENUE_COINBASE);
  g_assert_cmpuint (ts_recording_get_n_lines (rec), ==, lines->len - 2);
  g_assert_cmpuint (ts_recording_get_n_trades (rec), ==, 107);
  g_assert_cmpuint (ts_recording_get_n_quotes (rec), ==, expected_quotes);
  g_assert_cmpuint (ts_recording_get_n_rejected (rec), ==, 0);
  g_assert_cmpuint (ts_recording_get_n_gaps (rec), ==, trade_id_gaps);
  rec_ticks = ts_recording_get_ticks (rec, &n);
  g_assert_cmpuint (n, ==, 107 + expected_quotes);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (ts_tick_is_valid (&rec_ticks[i]));
      if (i > 0)
        g_assert_cmpint (rec_ticks[i].time_us, >=, rec_ticks[i - 1].time_us);
      if ((rec_ticks[i].flags & TS_TICK_TRADE) && rec_ticks[i].seq == 280232
          && g_str_equal (rec_ticks[i].symbol, "SKL-BTC"))
        first_match = &rec_ticks[i];
    }

  /* by hand, line 56 of the file: {"type":"match","trade_id":280232,...,"side":"sell",
   * "size":"985","price":"0.00001305","product_id":"SKL-BTC",...,
   * "time":"2021-04-17T16:43:37.089723Z"}: the maker sold, so the taker bought */
  g_assert_nonnull (first_match);
  g_assert_cmpint (first_match->aggressor, ==, TS_SIDE_BUY);
  g_assert_cmpfloat (first_match->price, ==, 0.00001305);
  g_assert_cmpfloat (first_match->size, ==, 985.0);
  g_assert_cmpint (first_match->time_us, ==, G_GINT64_CONSTANT (1618677817089723));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/feed/venues/binance/btcusdt-counts-and-gaps", &btcusdt, test_binance);
  g_test_add_data_func ("/feed/venues/binance/ethusdt-counts-and-gaps", &ethusdt, test_binance);
  g_test_add_func ("/feed/venues/coinbase/counts-book-quotes-sides", test_coinbase);

  return g_test_run ();
}
