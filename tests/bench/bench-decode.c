/* bench-decode.c: venue decoder throughput, messages per second
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Binance: the lines of the real BTCUSDT recording (trade, bookTicker,
 * diff depth); Coinbase: the server lines of COINBASE.ws.28.0 (level2,
 * ticker, matches); Bybit: a synthetic set shaped as the v5 documentation's
 * examples (publicTrade with 3 trades, orderbook.50 snapshot + deltas,
 * tickers deltas). Messages are held in memory; each venue runs a fresh
 * TsDecoder over its whole set until at least 0.5 s has passed, and the
 * best pass is reported. Exits 77 (skipped) when a recording is missing.
 * DESIGN.md: json-glib parse + read about 89,000 messages/s.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>

#include "feed/ts-decoder.h"
#include "feed/ts-mock-codec.h"
#include "feed/ts-mock-generator.h"

#define MIN_SECONDS 0.5

typedef struct
{
  GPtrArray *texts;     /* char *, owned */
  GArray    *receive;   /* gint64 µs, 0 when unknown */
  gsize      bytes;
} MessageSet;

static void
message_set_init (MessageSet *set)
{
  set->texts = g_ptr_array_new_with_free_func (g_free);
  set->receive = g_array_new (FALSE, FALSE, sizeof (gint64));
  set->bytes = 0;
}

static void
message_set_clear (MessageSet *set)
{
  g_ptr_array_unref (set->texts);
  g_array_unref (set->receive);
}

static void
message_set_add (MessageSet *set,
                 char       *text,
                 gint64      receive_us)
{
  set->bytes += strlen (text);
  g_ptr_array_add (set->texts, text);
  g_array_append_val (set->receive, receive_us);
}

static gboolean
read_lines (const char  *path,
            gboolean     gzip,
            GPtrArray   *lines,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) raw = g_file_read (file, NULL, error);
  g_autoptr(GInputStream) input = NULL;
  g_autoptr(GDataInputStream) data = NULL;
  g_autoptr(GError) local_error = NULL;
  char *line;

  if (raw == NULL)
    return FALSE;
  if (gzip)
    {
      g_autoptr(GZlibDecompressor) gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);

      input = g_converter_input_stream_new (G_INPUT_STREAM (raw), G_CONVERTER (gunzip));
    }
  else
    input = g_object_ref (G_INPUT_STREAM (raw));
  data = g_data_input_stream_new (input);
  while ((line = g_data_input_stream_read_line (data, NULL, NULL, &local_error)) != NULL)
    g_ptr_array_add (lines, line);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* `<receive_ns> <json>` */
static gboolean
load_binance (const char  *path,
              MessageSet  *set,
              GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (!read_lines (path, TRUE, lines, error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *json = strchr (line, ' ');

      if (json != NULL)
        message_set_add (set, g_strdup (json + 1), g_ascii_strtoll (line, NULL, 10) / 1000);
    }
  return TRUE;
}

/* `<unix_s>: <json>`; client and blank lines left out */
static gboolean
load_coinbase (const char  *path,
               MessageSet  *set,
               GError     **error)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (!read_lines (path, FALSE, lines, error))
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *json = strstr (line, ": {");

      if (g_ascii_isdigit (line[0]) && json != NULL)
        message_set_add (set, g_strdup (json + 2), (gint64) (g_ascii_strtod (line, NULL) * 1e6));
    }
  return TRUE;
}

static void
build_bybit (MessageSet *set,
             guint       rounds)
{
  const gint64 t0 = G_GINT64_CONSTANT (1672304486865);
  g_autoptr(GString) snap = g_string_new (NULL);
  gint64 u = 18521288;

  g_string_append_printf (snap, "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"snapshot\",\"ts\":%" G_GINT64_FORMAT ","
                          "\"data\":{\"s\":\"BTCUSDT\",\"b\":[", t0);
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (snap, "%s[\"%.2f\",\"%.3f\"]", i ? "," : "", 16493.50 - i * 0.5, 0.1 + i * 0.01);
  g_string_append (snap, "],\"a\":[");
  for (guint i = 0; i < 50; i++)
    g_string_append_printf (snap, "%s[\"%.2f\",\"%.3f\"]", i ? "," : "", 16494.00 + i * 0.5, 0.2 + i * 0.01);
  g_string_append_printf (snap, "],\"u\":%" G_GINT64_FORMAT ",\"seq\":7961638724},\"cts\":%" G_GINT64_FORMAT "}",
                          u, t0 - 2);
  message_set_add (set, g_string_free (g_steal_pointer (&snap), FALSE), 0);
  message_set_add (set, g_strdup_printf (
    "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"snapshot\",\"data\":{\"symbol\":\"BTCUSDT\","
    "\"tickDirection\":\"PlusTick\",\"price24hPcnt\":\"0.017103\",\"lastPrice\":\"16494.00\","
    "\"markPrice\":\"16494.33\",\"indexPrice\":\"16494.36\",\"bid1Price\":\"16493.50\",\"bid1Size\":\"84.489\","
    "\"ask1Price\":\"16494.00\",\"ask1Size\":\"83.020\"},\"cs\":24987956059,\"ts\":%" G_GINT64_FORMAT "}", t0), 0);

  for (guint r = 0; r < rounds; r++)
    {
      gint64 t = t0 + r * 10;
      double bid_size = 0.1 + (r % 7) * 0.05;

      message_set_add (set, g_strdup_printf (
        "{\"topic\":\"publicTrade.BTCUSDT\",\"type\":\"snapshot\",\"ts\":%" G_GINT64_FORMAT ",\"data\":["
        "{\"T\":%" G_GINT64_FORMAT ",\"s\":\"BTCUSDT\",\"S\":\"Buy\",\"v\":\"0.001\",\"p\":\"16494.00\",\"L\":\"PlusTick\",\"i\":\"%u\",\"BT\":false},"
        "{\"T\":%" G_GINT64_FORMAT ",\"s\":\"BTCUSDT\",\"S\":\"Sell\",\"v\":\"0.250\",\"p\":\"16493.50\",\"L\":\"MinusTick\",\"i\":\"%u\",\"BT\":false},"
        "{\"T\":%" G_GINT64_FORMAT ",\"s\":\"BTCUSDT\",\"S\":\"Sell\",\"v\":\"1.5\",\"p\":\"16493.50\",\"L\":\"ZeroMinusTick\",\"i\":\"%u\",\"BT\":false}]}",
        t + 3, t, 3 * r, t + 1, 3 * r + 1, t + 2, 3 * r + 2), 0);
      u++;
      message_set_add (set, g_strdup_printf (
        "{\"topic\":\"orderbook.50.BTCUSDT\",\"type\":\"delta\",\"ts\":%" G_GINT64_FORMAT ","
        "\"data\":{\"s\":\"BTCUSDT\",\"b\":[[\"16493.50\",\"%.3f\"],[\"16480.00\",\"%s\"]],\"a\":[[\"16494.50\",\"0.3%02u\"]],"
        "\"u\":%" G_GINT64_FORMAT ",\"seq\":%" G_GINT64_FORMAT "},\"cts\":%" G_GINT64_FORMAT "}",
        t + 4, bid_size, r % 2 ? "0" : "1.25", r % 100, u, 7961638724 + r, t + 4), 0);
      message_set_add (set, g_strdup_printf (
        "{\"topic\":\"tickers.BTCUSDT\",\"type\":\"delta\",\"data\":{\"symbol\":\"BTCUSDT\","
        "\"bid1Size\":\"%.3f\",\"markPrice\":\"16494.%02u\"},\"cs\":%" G_GINT64_FORMAT ",\"ts\":%" G_GINT64_FORMAT "}",
        bid_size, r % 100, 24987956060 + r, t + 5), 0);
    }
}

/* The mock schema as the server sends it at 20,000 ticks/s: batches of 32
 * generated ticks (trade + quote, funding now and then), both symbols. */
static void
build_mock (MessageSet *set,
            guint       n_messages)
{
  const char * const symbols[] = { "MOCK-BTC", "MOCK-ETH", NULL };
  TsMockGenerator *generator = ts_mock_generator_new (symbols, 10000, G_GINT64_CONSTANT (1723161255342000), 1);
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (TsTick));

  for (guint i = 0; i < n_messages; i++)
    {
      g_array_set_size (batch, 32);
      for (guint k = 0; k < 32; k++)
        ts_mock_generator_next (generator, &g_array_index (batch, TsTick, k));
      message_set_add (set, ts_mock_codec_encode_ticks ((const TsTick *) (gpointer) batch->data, 32, NULL), 0);
    }
  ts_mock_generator_free (generator);
}

static gboolean
bench (const char       *name,
       TsVenue           venue,
       const MessageSet *set)
{
  g_autoptr(GArray) ticks = g_array_sized_new (FALSE, FALSE, sizeof (TsTick), 1024);
  guint n = set->texts->len;
  double best_s = G_MAXDOUBLE;
  gint64 start = g_get_monotonic_time ();
  guint passes = 0;
  guint64 n_ticks = 0, rejected = 0;

  while (g_get_monotonic_time () - start < (gint64) (MIN_SECONDS * 1e6) || passes < 3)
    {
      g_autoptr(TsDecoder) decoder = ts_decoder_new (venue);
      gint64 t = g_get_monotonic_time ();

      for (guint i = 0; i < n; i++)
        {
          g_array_set_size (ticks, 0);
          ts_decoder_decode (decoder, g_ptr_array_index (set->texts, i), -1,
                             g_array_index (set->receive, gint64, i), ticks, NULL);
        }
      best_s = MIN (best_s, (g_get_monotonic_time () - t) / 1e6);
      n_ticks = ts_decoder_get_stats (decoder)->trades + ts_decoder_get_stats (decoder)->quotes;
      rejected = ts_decoder_get_stats (decoder)->rejected;
      passes++;
    }

  printf ("%-9s %7u msgs %8.2f MB  %9.0f msgs/s  %6.2f us/msg  %9.0f ticks/s  (%" G_GUINT64_FORMAT
          " ticks, %" G_GUINT64_FORMAT " rejected, best of %u)\n",
          name, n, set->bytes / 1e6, n / best_s, best_s * 1e6 / n, n_ticks / best_s,
          n_ticks, rejected, passes);
  return rejected == 0;
}

/* The mock schema through ts_mock_codec_decode() (fast path first) or
 * ts_mock_codec_decode_json() (json-glib alone); ticks counted once each. */
static gboolean
bench_mock (const char       *name,
            gboolean          json_only,
            const MessageSet *set)
{
  g_autoptr(GArray) ticks = g_array_sized_new (FALSE, FALSE, sizeof (TsTick), 1024);
  guint n = set->texts->len;
  double best_s = G_MAXDOUBLE;
  gint64 start = g_get_monotonic_time ();
  guint passes = 0;
  guint64 n_ticks = 0, rejected = 0;

  while (g_get_monotonic_time () - start < (gint64) (MIN_SECONDS * 1e6) || passes < 3)
    {
      gint64 t = g_get_monotonic_time ();

      n_ticks = rejected = 0;
      for (guint i = 0; i < n; i++)
        {
          const char *text = g_ptr_array_index (set->texts, i);
          gboolean ok;

          g_array_set_size (ticks, 0);
          ok = json_only ? ts_mock_codec_decode_json (text, -1, ticks, NULL, NULL, NULL)
                         : ts_mock_codec_decode (text, -1, ticks, NULL, NULL, NULL);
          rejected += !ok;
          n_ticks += ticks->len;
        }
      best_s = MIN (best_s, (g_get_monotonic_time () - t) / 1e6);
      passes++;
    }

  printf ("%-9s %7u msgs %8.2f MB  %9.0f msgs/s  %6.2f us/msg  %9.0f ticks/s  (%" G_GUINT64_FORMAT
          " ticks, %" G_GUINT64_FORMAT " rejected, best of %u)\n",
          name, n, set->bytes / 1e6, n / best_s, best_s * 1e6 / n, n_ticks / best_s,
          n_ticks, rejected, passes);
  return rejected == 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autofree char *binance_path = NULL;
  g_autofree char *coinbase_path = NULL;
  g_autoptr(GError) error = NULL;
  MessageSet binance, coinbase, bybit, mock;
  gboolean ok = TRUE;

  if (dir == NULL)
    {
      g_printerr ("TS_SHARED_DATA is not set: skipped\n");
      return 77;
    }
  binance_path = g_build_filename (dir, "binance-spot", "spot_btcusdt_20240808.gz", NULL);
  coinbase_path = g_build_filename (dir, "coinbase", "COINBASE.ws.28.0", NULL);
  if (!g_file_test (binance_path, G_FILE_TEST_EXISTS) || !g_file_test (coinbase_path, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s or %s not found: skipped\n", binance_path, coinbase_path);
      return 77;
    }

  message_set_init (&binance);
  message_set_init (&coinbase);
  message_set_init (&bybit);
  message_set_init (&mock);
  if (!load_binance (binance_path, &binance, &error) || !load_coinbase (coinbase_path, &coinbase, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  build_bybit (&bybit, 10000);
  build_mock (&mock, 3000);

  printf ("decode throughput, one TsDecoder per pass (json-glib parse + checks + book)\n");
  ok &= bench ("binance", TS_VENUE_BINANCE, &binance);
  ok &= bench ("coinbase", TS_VENUE_COINBASE, &coinbase);
  ok &= bench ("bybit", TS_VENUE_BYBIT, &bybit);
  ok &= bench_mock ("mock-json", TRUE, &mock);  /* json-glib alone */
  ok &= bench_mock ("mock", FALSE, &mock);      /* the fast path first */

  message_set_clear (&binance);
  message_set_clear (&coinbase);
  message_set_clear (&bybit);
  message_set_clear (&mock);
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
