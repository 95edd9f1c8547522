/* tickscope-server.c: the mock tick server as a command-line tool
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <locale.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <glib-unix.h>
#include <gio/gio.h>

#include "feed/ts-feed-error.h"
#include "feed/ts-mock-server.h"

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsMockServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *address = NULL;
  g_autofree char *symbols = NULL;
  g_autofree char *replay = NULL;
  g_autofree char *url = NULL;
  g_auto(GStrv) symbol_list = NULL;
  TsMockServerOptions options;
  gint port = TS_MOCK_SERVER_DEFAULT_PORT;
  double rate = 20.0;
  double speed = 1.0;
  gint64 seed = 1;
  guint sigint_id, sigterm_id;
  const GOptionEntry entries[] = {
    { "address", 'a', 0, G_OPTION_ARG_STRING, &address, "Address to bind (default 127.0.0.1)", "ADDRESS" },
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "TCP port (default 8765; 0 = any free port)", "PORT" },
    { "rate", 'r', 0, G_OPTION_ARG_DOUBLE, &rate, "Generated ticks per second of simulated time, per symbol (default 20)", "RATE" },
    { "symbols", 's', 0, G_OPTION_ARG_STRING, &symbols, "Comma-separated symbols to generate; each second one follows the one before it, cointegrated (default MOCK-BTC,MOCK-ETH)", "LIST" },
    { "replay", 'f', 0, G_OPTION_ARG_FILENAME, &replay, "Replay a recording (Binance combined-stream .gz) to each client instead", "FILE" },
    { "speed", 'x', 0, G_OPTION_ARG_DOUBLE, &speed, "Simulated time per wall-clock time (default 1; replay: 0 = as fast as possible)", "SPEED" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generator (default 1)", "SEED" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- serve mock or recorded ticks over WebSocket");
  g_option_context_set_summary (context,
                                "Serves ticks in the Tickscope mock schema (src/feed/README.md) on ws://ADDRESS:PORT/\n"
                                "until interrupted (SIGINT or SIGTERM).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tickscope-server: %s\n", error->message);
      return EXIT_FAILURE;
    }
  if (argc > 1)
    {
      g_printerr ("tickscope-server: unexpected argument \"%s\"\n", argv[1]);
      return EXIT_FAILURE;
    }
  if (port < 0 || port > 65535)
    {
      g_printerr ("tickscope-server: port %d is not in 0..65535\n", port);
      return EXIT_FAILURE;
    }
  if (!(rate > 0.0) || rate > 1e7)
    {
      g_printerr ("tickscope-server: rate %g must be > 0 and at most 1e7\n", rate);
      return EXIT_FAILURE;
    }
  if (!(speed >= 0.0) || speed > 1e6 || (speed == 0.0 && replay == NULL))
    {
      g_printerr ("tickscope-server: speed %g must be > 0 (0 only with --replay) and at most 1e6\n", speed);
      return EXIT_FAILURE;
    }

  ts_mock_server_options_init_default (&options);
  if (address != NULL)
    options.address = address;
  options.port = (guint16) port;
  options.rate = rate;
  options.speed = speed;
  options.seed = (guint64) seed;
  options.replay_path = replay;
  if (symbols != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) parts = g_strsplit (symbols, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] != '\0')
            g_strv_builder_add (builder, parts[i]);
        }
      symbol_list = g_strv_builder_end (builder);
      if (symbol_list[0] == NULL)
        {
          g_printerr ("tickscope-server: --symbols names no symbol\n");
          return EXIT_FAILURE;
        }
      options.symbols = (const char * const *) symbol_list;
    }

  server = ts_mock_server_new (&options);
  if (!ts_mock_server_start (server, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE))
        g_printerr ("tickscope-server: port %d on %s is already in use (try --port 0): %s\n",
                    port, options.address, error->message);
      else
        g_printerr ("tickscope-server: %s\n", error->message);
      return EXIT_FAILURE;
    }

  url = ts_mock_server_dup_url (server);
  g_print ("Listening on %s (%s)\n", url,
           replay != NULL ? "replay" : "generated ticks");
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  ts_mock_server_stop (server);
  g_print ("Stopped after %" G_GUINT64_FORMAT " ticks sent\n", ts_mock_server_get_ticks_sent (server));
  return EXIT_SUCCESS;
}
