/* test-recording.c: the real Binance recordings (../shared/data)
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "feed/ts-feed-error.h"
#include "feed/ts-recording.h"

static char *
shared_path (const char *name)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");

  if (dir == NULL)
    return NULL;
  return g_build_filename (dir, "binance-spot", name, NULL);
}

static TsRecording *
load_or_skip (const char *name)
{
  g_autofree char *path = shared_path (name);
  g_autoptr(GError) error = NULL;
  TsRecording *rec;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("TS_SHARED_DATA or the recording is missing");
      return NULL;
    }
  rec = ts_recording_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rec);
  return rec;
}

static void
test_btcusdt (void)
{
  g_autoptr(TsRecording) rec = load_or_skip ("spot_btcusdt_20240808.gz");
  const TsTick *ticks;
  guint n, trades = 0, quotes = 0;
  const TsTick *first_trade = NULL;

  if (rec == NULL)
    return;

  g_assert_cmpuint (ts_recording_get_n_lines (rec), ==, 41249);
  g_assert_cmpuint (ts_recording_get_n_trades (rec), ==, 9757);
  g_assert_cmpuint (ts_recording_get_n_quotes (rec), ==, 28040);
  g_assert_cmpuint (ts_recording_get_n_skipped (rec), ==, 3451 + 1);
  g_assert_cmpuint (ts_recording_get_n_rejected (rec), ==, 0);

  ticks = ts_recording_get_ticks (rec, &n);
  g_assert_cmpuint (n, ==, 9757 + 28040);
  for (guint i = 0; i < n; i++)
    {
      const TsTick *t = &ticks[i];

      g_assert_true (ts_tick_is_valid (t));
      g_assert_cmpstr (t->symbol, ==, "BTCUSDT");
      if (i > 0)
        g_assert_cmpint (t->time_us, >=, ticks[i - 1].time_us);
      if (t->flags & TS_TICK_TRADE)
        {
          trades++;
          if (first_trade == NULL)
            first_trade = t;
          g_assert_cmpfloat (t->price, >, 61000.0);
          g_assert_cmpfloat (t->price, <, 63000.0);
        }
      else
        {
          quotes++;
          g_assert_cmpfloat (t->bid, >, 61000.0);
          g_assert_cmpfloat (t->ask, <, 63000.0);
        }
    }
  g_assert_cmpuint (trades, ==, 9757);
  g_assert_cmpuint (quotes, ==, 28040);
  g_assert_nonnull (first_trade);
  g_assert_cmpfloat (first_trade->price, ==, 61837.63);
  g_assert_cmpfloat (first_trade->size, ==, 0.02);
  g_assert_cmpint (first_trade->aggressor, ==, TS_SIDE_SELL);
  g_assert_cmpint (first_trade->time_us, ==, G_GINT64_CONSTANT (1723161255342000));
  /* the session: 2024-08-08 23:54 to 2024-08-09 00:00 UTC */
  g_assert_cmpint (ticks[0].time_us, >=, G_GINT64_CONSTANT (1723161240000000));
  g_assert_cmpint (ticks[n - 1].time_us, <=, G_GINT64_CONSTANT (1723161660000000));
}

static void
test_ethusdt (void)
{
  g_autoptr(TsRecording) rec = load_or_skip ("spot_ethusdt_20240808.gz");

  if (rec == NULL)
    return;
  g_assert_cmpuint (ts_recording_get_n_trades (rec), ==, 6106);
  g_assert_cmpuint (ts_recording_get_n_quotes (rec), ==, 24077);
  g_assert_cmpuint (ts_recording_get_n_skipped (rec), ==, 3434 + 1);
  g_assert_cmpuint (ts_recording_get_n_rejected (rec), ==, 0);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  TsRecording *rec = ts_recording_load ("/nonexistent/recording.gz", NULL, &error);

  g_assert_null (rec);
  g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_IO);
}

static void
test_no_tick (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TsRecording *rec;
  int fd = g_file_open_tmp ("ts-recording-XXXXXX.txt", &path, &error);
  const char *text = "123 {\"e\":\"kline\"}\nhello\n\n456 {\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}\n";

  g_assert_no_error (error);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize) strlen (text));
  close (fd);

  rec = ts_recording_load (path, NULL, &error);
  g_assert_null (rec);
  g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "lines 1, 2"));
  g_unlink (path);
}

static void
test_not_gzip (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  TsRecording *rec;
  int fd = g_file_open_tmp ("ts-recording-XXXXXX.gz", &path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (write (fd, "not gzip at all\n", 16), ==, 16);
  close (fd);

  rec = ts_recording_load (path, NULL, &error);
  g_assert_null (rec);
  g_assert_error (error, TS_FEED_ERROR, TS_FEED_ERROR_IO);
  g_unlink (path);
}

static void
test_plain_lines_and_rejects (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TsRecording) rec = NULL;
  const guint *rejected;
  guint n;
  int fd = g_file_open_tmp ("ts-recording-XXXXXX.txt", &path, &error);
  const char *text =
    "1 {\"e\":\"trade\",\"E\":2000,\"s\":\"X\",\"t\":2,\"p\":\"2\",\"q\":\"1\",\"T\":2000,\"m\":false}\n"
    "garbage\n"
    "{\"e\":\"trade\",\"E\":1000,\"s\":\"X\",\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1000,\"m\":true}\n"
    "3 {\"e\":\"trade\",\"E\":3000,\"s\":\"X\",\"t\":3,\"p\":\"-3\",\"q\":\"1\",\"T\":3000,\"m\":true}\n";

  g_assert_no_error (error);
  g_assert_cmpint (write (fd, text, strlen (text)), ==, (gssize) strlen (text));
  close (fd);

  rec = ts_recording_load (path, NULL, &error);
  g_assert_no_error (error);
  ts_recording_get_ticks (rec, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (ts_recording_get_ticks (rec, NULL)[0].time_us, ==, 1000000); /* sorted */
  g_assert_cmpuint (ts_recording_get_ticks (rec, NULL)[0].seq, ==, 1);
  rejected = ts_recording_get_rejected_lines (rec, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (rejected[0], ==, 2);
  g_assert_cmpuint (rejected[1], ==, 4);
  g_unlink (path);
}

/* Coinbase lines, gzip-compressed into a file whose name says nothing. */
static void
test_coinbase_format_gzip_by_magic (void)
{
  const char *text =
    "wss://ws-feed.pro.coinbase.com <-> 1618677816.8434298\n"
    "wss://ws-feed.pro.coinbase.com <- 1618677817.020616: {\"type\":\"subscribe\",\"product_ids\":[\"X-Y\"],\"channels\":[\"level2\"]}\n"
    "1618677817.061845: {\"type\":\"subscriptions\",\"channels\":[]}\n"
    "\n"
    "1618677817.077736: {\"type\":\"snapshot\",\"product_id\":\"X-Y\",\"bids\":[[\"9\",\"1\"]],\"asks\":[[\"11\",\"2\"]]}\n"
    "1618677817.118783: {\"type\":\"l2update\",\"product_id\":\"X-Y\",\"changes\":[[\"sell\",\"10\",\"3\"]],\"time\":\"2021-04-17T16:43:37.075687Z\"}\n"
    "1618677817.1295161: {\"type\":\"match\",\"trade_id\":5,\"side\":\"buy\",\"size\":\"1\",\"price\":\"10\",\"product_id\":\"X-Y\",\"sequence\":7,\"time\":\"2021-04-17T16:43:37.089723Z\"}\n"
    "1618677817.2: {\"type\":\"match\"\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (gzip));
  g_autoptr(TsRecording) rec = NULL;
  const TsTick *ticks;
  const guint *rejected;
  guint n;
  int fd = g_file_open_tmp ("ts-recording-XXXXXX.log", &path, &error);
  gsize written;

  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, text, strlen (text), &written, NULL, &error));
  g_assert_true (g_output_stream_close (out, NULL, &error));
  g_assert_no_error (error);
  written = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory));
  g_assert_cmpint (write (fd, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)), written),
                   ==, (gssize) written);
  close (fd);

  rec = ts_recording_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ts_recording_get_venue (rec), ==, TS_VENUE_COINBASE);
  g_assert_cmpuint (ts_recording_get_n_lines (rec), ==, 7);
  g_assert_cmpuint (ts_recording_get_n_trades (rec), ==, 1);
  g_assert_cmpuint (ts_recording_get_n_quotes (rec), ==, 2);
  g_assert_cmpuint (ts_recording_get_n_skipped (rec), ==, 3);  /* 2 client lines, subscriptions */
  rejected = ts_recording_get_rejected_lines (rec, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (rejected[0], ==, 8);

  ticks = ts_recording_get_ticks (rec, &n);
  g_assert_cmpuint (n, ==, 3);
  /* sorted: the l2update (37.075687), the match (37.089723), the snapshot (received 37.077736) */
  g_assert_cmpint (ticks[0].time_us, ==, G_GINT64_CONSTANT (1618677817075687));
  g_assert_cmpfloat (ticks[0].ask, ==, 10.0);
  g_assert_cmpint (ticks[1].time_us, ==, G_GINT64_CONSTANT (1618677817077736));
  g_assert_cmpfloat (ticks[1].ask, ==, 11.0);
  g_assert_cmpint (ticks[2].time_us, ==, G_GINT64_CONSTANT (1618677817089723));
  g_assert_cmpint (ticks[2].aggressor, ==, TS_SIDE_SELL);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/feed/recording/btcusdt-counts-order-prices", test_btcusdt);
  g_test_add_func ("/feed/recording/ethusdt-counts", test_ethusdt);
  g_test_add_func ("/feed/recording/missing-file-is-io-error", test_missing_file);
  g_test_add_func ("/feed/recording/no-tick-is-empty-error", test_no_tick);
  g_test_add_func ("/feed/recording/not-gzip-is-io-error", test_not_gzip);
  g_test_add_func ("/feed/recording/plain-lines-sorted-rejects-counted", test_plain_lines_and_rejects);
  g_test_add_func ("/feed/recording/coinbase-format-gzip-by-magic", test_coinbase_format_gzip_by_magic);

  return g_test_run ();
}
