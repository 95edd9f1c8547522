/* test-backtest-data.c: the loaders on the real recordings, and the
 * tickscope-backtest command line on them (suite "data")
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-backtest-data PATH-TO-tickscope-backtest (meson passes it)
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "core/ts-backtest.h"
#include "core/ts-engine.h"
#include "store/ts-history.h"
#include "store/ts-trade-csv-reader.h"

static const char *backtest_exe;

static char *
shared_path (const char *name)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "binance-spot", name, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

static void
test_real_counts (void)
{
  static const struct { const char *file; guint rows; const char *symbol; } cases[] = {
    /* data/README.md: 9,757 and 6,106 @trade messages */
    { "trades_BTCUSDT_20240808.csv", 9757, "BTCUSDT" },
    { "trades_ETHUSDT_20240808.csv", 6106, "ETHUSDT" },
  };
  guint c;

  for (c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *path = shared_path (cases[c].file);
      g_autoptr(TsTradeCsvReader) reader = ts_trade_csv_reader_new ();
      g_autoptr(GArray) ticks = NULL;
      g_autoptr(GError) error = NULL;
      TsHistoryFormat format = TS_HISTORY_FORMAT_UNKNOWN;
      guint i;

      if (path == NULL)
        {
          g_test_skip ("TS_SHARED_DATA/binance-spot not found");
          return;
        }
      g_assert_true (ts_history_detect_file (path, &format, &error));
      g_assert_cmpint (format, ==, TS_HISTORY_FORMAT_BINANCE_TRADES);
      ticks = ts_trade_csv_reader_load_file (reader, path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (ticks->len, ==, cases[c].rows);
      g_assert_cmpint (ts_trade_csv_reader_get_format (reader), ==, TS_HISTORY_FORMAT_BINANCE_TRADES);
      for (i = 0; i < ticks->len; i++)
        {
          const TsTick *t = &g_array_index (ticks, TsTick, i);

          g_assert_true (ts_tick_is_valid (t));
          g_assert_cmpstr (t->symbol, ==, cases[c].symbol);
        }
    }

  {
    g_autofree char *gz = shared_path ("spot_btcusdt_20240808.gz");
    g_autoptr(GError) error = NULL;
    TsHistoryFormat format = TS_HISTORY_FORMAT_UNKNOWN;

    if (gz != NULL)
      {
        g_assert_true (ts_history_detect_file (gz, &format, &error));
        g_assert_cmpint (format, ==, TS_HISTORY_FORMAT_RECORDING);
      }
  }
}

/* runs the tool; returns its exit status */
static int
run_tool (const char *const *args,
          char              **out,
          char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  guint i;

  g_ptr_array_add (argv, (gpointer) backtest_exe);
  for (i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  return g_subprocess_get_exit_status (proc);
}

static guint
count_lines (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;
  const char *p;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  for (p = contents; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
test_cli_real_btcusdt (void)
{
  g_autofree char *path = shared_path ("trades_BTCUSDT_20240808.csv");
  g_autofree char *dir = NULL;
  g_autofree char *trades_csv = NULL;
  g_autofree char *equity_csv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(TsEngine) engine = NULL;
  JsonObject *root;
  TsLedgerStats stats;
  guint n_direct = 0, i;
  gint64 n_json;

  if (path == NULL)
    {
      g_test_skip ("TS_SHARED_DATA/binance-spot not found");
      return;
    }

  dir = g_dir_make_tmp ("ts-backtest-XXXXXX", &error);
  g_assert_no_error (error);
  trades_csv = g_build_filename (dir, "trades.csv", NULL);
  equity_csv = g_build_filename (dir, "equity.csv", NULL);

  {
    const char *args[] = { "--json", "--quiet", "--trades-csv", trades_csv,
                           "--equity-csv", equity_csv, path, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
  }
  g_assert_cmpstr (err, ==, "");

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  n_json = json_object_get_int_member (root, "trades");
  g_assert_cmpstr (json_object_get_string_member (root, "strategy"), ==, "momentum");
  g_assert_cmpstr (json_object_get_string_member (root, "symbol"), ==, "BTCUSDT");
  g_assert_cmpint (json_object_get_int_member (root, "ticks_processed"), ==, 9757);

  /* the trades CSV: a header and one line per trade */
  g_assert_cmpint (n_json, ==, (gint64) count_lines (trades_csv) - 1);

  /* the same engine, fed directly */
  ticks = ts_trade_csv_load_file (path, &error);
  g_assert_no_error (error);
  engine = ts_engine_new (NULL, NULL, NULL);
  for (i = 0; i < ticks->len; i++)
    ts_engine_push_tick (engine, &g_array_index (ticks, TsTick, i));
  ts_engine_get_trades (engine, &n_direct);
  ts_engine_get_stats (engine, &stats);
  g_assert_cmpint (n_json, ==, n_direct);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "fees"), stats.fees, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "total_pnl"),
                                  stats.total_pnl, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "max_drawdown"),
                                  stats.max_drawdown, 1e-12);

  /* every metric is there */
  {
    static const char *const members[] = {
      "win_rate", "avg_win", "avg_loss", "expectancy", "profit_factor",
      "consecutive_losses", "max_consecutive_losses", "max_drawdown_pct",
      "max_drawdown_amount", "daily_pnl", "sharpe", "sortino", "exposure", "cagr",
      "fees", "total_pnl", "ticks_per_second", "params",
    };

    for (i = 0; i < G_N_ELEMENTS (members); i++)
      g_assert_true (json_object_has_member (root, members[i]));
  }

  /* 00:00 is crossed: two UTC days; the curve has a header and >= 6 minutes */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "daily_pnl")), ==, 2);
  g_assert_cmpuint (count_lines (equity_csv), >=, 1 + 6);

  g_assert_cmpint (g_remove (trades_csv), ==, 0);
  g_assert_cmpint (g_remove (equity_csv), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_cli_text_and_params (void)
{
  g_autofree char *path = shared_path ("trades_BTCUSDT_20240808.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *params;

  if (path == NULL)
    {
      g_test_skip ("TS_SHARED_DATA/binance-spot not found");
      return;
    }

  {
    const char *args[] = { "-q", path, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "Profit factor"));
    g_assert_nonnull (strstr (out, "CAGR"));
    g_assert_nonnull (strstr (out, "Ticks processed     9757"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* precedence: settings file < --param < --fee-bps */
  dir = g_dir_make_tmp ("ts-backtest-XXXXXX", &error);
  g_assert_no_error (error);
  settings = g_build_filename (dir, "params.conf", NULL);
  g_file_set_contents (settings, "# plain lines\nwindow-seconds = 30\nmin-ticks=9\ntaker-fee-bps=3\n",
                       -1, &error);
  g_assert_no_error (error);
  {
    const char *args[] = { "-q", "--json", "--settings", settings, "--param", "window-seconds=20",
                           "-p", "entry-threshold=0.0007", "--fee-bps", "2", "--capital", "5000",
                           path, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
  }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  params = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "params");
  g_assert_cmpfloat (json_object_get_double_member (params, "window-seconds"), ==, 20.0);
  g_assert_cmpint (json_object_get_int_member (params, "min-ticks"), ==, 9);
  g_assert_cmpfloat (json_object_get_double_member (params, "entry-threshold"), ==, 0.0007);
  g_assert_cmpfloat (json_object_get_double_member (params, "taker-fee-bps"), ==, 2.0);
  g_assert_cmpfloat (json_object_get_double_member (params, "initial-capital"), ==, 5000.0);

  g_assert_cmpint (g_remove (settings), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_cli_recording (void)
{
  g_autofree char *path = shared_path ("spot_btcusdt_20240808.gz");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  const char *args[] = { "-q", "--json", NULL, NULL };

  if (path == NULL)
    {
      g_test_skip ("TS_SHARED_DATA/binance-spot not found");
      return;
    }
  args[2] = path;
  g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "symbol"), ==, "BTCUSDT");
  /* trades and book tickers: more than the 9,757 trades */
  g_assert_cmpint (json_object_get_int_member (root, "ticks_processed"), >, 9757);
}

static void
test_cli_errors (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *empty = NULL;
  g_autoptr(GError) error = NULL;

  dir = g_dir_make_tmp ("ts-backtest-XXXXXX", &error);
  g_assert_no_error (error);
  bad = g_build_filename (dir, "bad.csv", NULL);
  empty = g_build_filename (dir, "empty.csv", NULL);
  g_file_set_contents (bad,
                       "trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol\n"
                       "1,100.5,0.1,1723161255342,false,BTCUSDT\n"
                       "2,100.6,0.2,1723161255343,maybe,BTCUSDT\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (empty, "time,price,size\n", -1, &error);
  g_assert_no_error (error);

  /* a bad row: exit 1, the message names the file and the line */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "-q", bad, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "bad.csv: line 3: is_buyer_maker"));
  }
  /* skipping it works and says which line */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "--skip-bad-rows", bad, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (err, "skipped 1 bad row on line 3"));
  }
  /* no good rows, a missing file: exit 1 */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { empty, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "no trade rows"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
    const char *args[] = { missing, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 1);
  }
  /* usage errors: exit 2 */
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "--strategy", "nope", bad, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "valid strategies: maxwell, momentum, calculus, pairs, confluence"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "--strategy", "pairs", bad, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "--symbols"));
  }
  {
    /* values in range that do not fit together: lookback > formation-bars */
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "--strategy", "pairs", "--symbols", "A,B", "-p", "lookback=400", bad,
                           NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "do not fit together"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "--strategy", "maxwell", "--param", "ma-period=1", bad, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "ma-period"));
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "--param", "no-such-key=1", bad, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { "--no-such-option", NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
  }
  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    const char *args[] = { NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 2);
  }

  g_assert_cmpint (g_remove (bad), ==, 0);
  g_assert_cmpint (g_remove (empty), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static int
compare_time (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  gint64 ta = ((const TsTick *) a)->time_us;
  gint64 tb = ((const TsTick *) b)->time_us;

  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/* the trades of two runs are the same, field by field */
static void
assert_trades_equal (const TsTrade *a,
                     guint          n_a,
                     const TsTrade *b,
                     guint          n_b)
{
  guint i;

  g_assert_cmpuint (n_a, ==, n_b);
  for (i = 0; i < n_a; i++)
    {
      g_assert_cmpint (a[i].entry_time_us, ==, b[i].entry_time_us);
      g_assert_cmpint (a[i].exit_time_us, ==, b[i].exit_time_us);
      g_assert_cmpfloat (a[i].entry_price, ==, b[i].entry_price);
      g_assert_cmpfloat (a[i].exit_price, ==, b[i].exit_price);
      g_assert_cmpfloat (a[i].size, ==, b[i].size);
      g_assert_cmpfloat (a[i].pnl, ==, b[i].pnl);
    }
}

/* The Maxwell dip buyer through TsBacktest (no symbol given: the first
 * traded) trades exactly as a multi engine with that strategy on BTCUSDT
 * fed directly; and the command line reports the same. */
static void
test_maxwell_backtest (void)
{
  g_autofree char *path = shared_path ("trades_BTCUSDT_20240808.csv");
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsBacktest) bt = NULL;
  g_autoptr(TsEngine) engine = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *symbols[] = { "BTCUSDT", NULL };
  TsBacktestConfig config;
  TsBacktestReport report;
  TsMaxwellParams mp;
  TsLedgerStats stats;
  JsonObject *root, *params;
  const TsTrade *bt_trades, *direct;
  guint n_bt = 0, n_direct = 0, i;

  if (path == NULL)
    {
      g_test_skip ("TS_SHARED_DATA/binance-spot not found");
      return;
    }
  ticks = ts_trade_csv_load_file (path, &error);
  g_assert_no_error (error);

  ts_backtest_config_init_default (&config);
  g_assert_true (ts_backtest_config_set_strategy (&config, "maxwell", &error));
  g_assert_true (ts_backtest_config_set (&config, "scale-mode", "fit", &error));
  g_assert_true (ts_backtest_config_set (&config, "stop-loss-pct", "0.05", &error));
  g_assert_no_error (error);
  bt = ts_backtest_new (&config);
  ts_backtest_run (bt, (const TsTick *) ticks->data, ticks->len, 0, NULL, NULL);
  ts_backtest_get_report (bt, &report);
  bt_trades = ts_backtest_get_trades (bt, &n_bt);
  g_assert_cmpstr (ts_backtest_get_strategy (bt), ==, "maxwell");
  g_assert_cmpstr (ts_backtest_get_symbol (bt, 0), ==, "BTCUSDT");
  g_assert_cmpuint (report.ticks_pushed, ==, 9757);
  g_assert_cmpuint (report.ticks_ignored, ==, 0);
  g_assert_cmpuint (n_bt, >, 10);

  ts_maxwell_params_init_default (&mp);
  mp.scale_mode = TS_MAXWELL_SCALE_FIT;
  mp.stop_loss_pct = 0.05;
  engine = ts_engine_new_multi (NULL, NULL);
  g_assert_cmpuint (ts_engine_add_strategy (engine, ts_maxwell_strategy_new (&mp), symbols), ==, 1);
  for (i = 0; i < ticks->len; i++)
    ts_engine_push_tick (engine, &g_array_index (ticks, TsTick, i));
  direct = ts_engine_get_trades (engine, &n_direct);
  assert_trades_equal (bt_trades, n_bt, direct, n_direct);
  ts_engine_get_stats (engine, &stats);
  g_assert_cmpfloat (report.stats.total_pnl, ==, stats.total_pnl);
  g_assert_cmpfloat (report.stats.fees, ==, stats.fees);

  /* the command line */
  {
    const char *args[] = { "--json", "--quiet", "--strategy", "maxwell", "--param",
                           "scale-mode=fit", "-p", "maxwell-stop-loss-pct=0.05", path, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
  }
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "strategy"), ==, "maxwell");
  g_assert_cmpstr (json_object_get_string_member (root, "symbol"), ==, "BTCUSDT");
  g_assert_cmpint (json_object_get_int_member (root, "trades"), ==, n_direct);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (root, "total_pnl"),
                                  stats.total_pnl, 1e-9);
  params = json_object_get_object_member (root, "params");
  g_assert_cmpstr (json_object_get_string_member (params, "maxwell-scale-mode"), ==, "fit");
  g_assert_cmpint (json_object_get_int_member (params, "maxwell-ma-period"), ==, 44);
  g_assert_cmpfloat (json_object_get_double_member (params, "taker-fee-bps"), ==, 1.0);
  params = json_object_get_object_member (root, "strategy_params");
  g_assert_cmpfloat (json_object_get_double_member (params, "stop-loss-pct"), ==, 0.05);

  /* the text report names the strategy and its parameters */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "--quiet", "--strategy", "maxwell", path, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
  }
  g_assert_nonnull (strstr (out, "Strategy            maxwell (Maxwell Dip Buyer, STRATEGIES.md section 1) on BTCUSDT"));
  g_assert_nonnull (strstr (out, "ma-period=44 scale-mode=fixed scale=44 buy-threshold=0.1"));
}

/* The pairs strategy on the real BTCUSDT / ETHUSDT pair, with a short
 * formation so that it trades in six minutes: the backtest equals a multi
 * engine fed directly, and the command line agrees. */
static void
test_pairs_backtest (void)
{
  g_autofree char *btc = shared_path ("trades_BTCUSDT_20240808.csv");
  g_autofree char *eth = shared_path ("trades_ETHUSDT_20240808.csv");
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GArray) more = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsBacktest) bt = NULL;
  g_autoptr(TsEngine) engine = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *symbols[] = { "BTCUSDT", "ETHUSDT", NULL };
  TsBacktestConfig config;
  TsBacktestReport report;
  TsPairsParams pp;
  JsonObject *root;
  JsonArray *syms;
  const TsTrade *bt_trades, *direct;
  guint n_bt = 0, n_direct = 0, i;

  if (btc == NULL || eth == NULL)
    {
      g_test_skip ("TS_SHARED_DATA/binance-spot not found");
      return;
    }
  ticks = ts_trade_csv_load_file (btc, &error);
  more = ts_trade_csv_load_file (eth, &error);
  g_assert_no_error (error);
  g_array_append_vals (ticks, more->data, more->len);
  /* a stable merge sort, as the loader's: ties keep BTCUSDT first */
  g_qsort_with_data (ticks->data, (gint) ticks->len, sizeof (TsTick), compare_time, NULL);

  ts_backtest_config_init_default (&config);
  g_assert_true (ts_backtest_config_set_strategy (&config, "pairs", &error));
  g_assert_true (ts_backtest_config_set (&config, "formation-bars", "60", &error));
  g_assert_true (ts_backtest_config_set (&config, "recalc-bars", "30", &error));
  g_assert_true (ts_backtest_config_set (&config, "lookback", "30", &error));
  g_assert_no_error (error);
  g_strlcpy (config.symbols[0], "BTCUSDT", sizeof config.symbols[0]);
  g_strlcpy (config.symbols[1], "ETHUSDT", sizeof config.symbols[1]);
  g_assert_true (ts_backtest_config_check (&config, &error));
  bt = ts_backtest_new (&config);
  ts_backtest_run (bt, (const TsTick *) ticks->data, ticks->len, 0, NULL, NULL);
  ts_backtest_get_report (bt, &report);
  bt_trades = ts_backtest_get_trades (bt, &n_bt);
  g_assert_cmpstr (ts_backtest_get_symbol (bt, 0), ==, "BTCUSDT");
  g_assert_cmpstr (ts_backtest_get_symbol (bt, 1), ==, "ETHUSDT");
  g_assert_cmpuint (report.ticks_pushed, ==, 9757 + 6106);
  g_assert_cmpuint (n_bt, >, 0);

  ts_pairs_params_init_default (&pp);
  g_strlcpy (pp.symbol_a, "BTCUSDT", sizeof pp.symbol_a);
  g_strlcpy (pp.symbol_b, "ETHUSDT", sizeof pp.symbol_b);
  pp.formation_bars = 60;
  pp.recalc_bars = 30;
  pp.lookback = 30;
  engine = ts_engine_new_multi (NULL, NULL);
  g_assert_cmpuint (ts_engine_add_strategy (engine, ts_pairs_strategy_new (&pp), symbols), ==, 1);
  for (i = 0; i < ticks->len; i++)
    ts_engine_push_tick (engine, &g_array_index (ticks, TsTick, i));
  direct = ts_engine_get_trades (engine, &n_direct);
  assert_trades_equal (bt_trades, n_bt, direct, n_direct);

  {
    const char *args[] = { "--json", "--quiet", "--strategy", "pairs", "--symbols",
                           "BTCUSDT,ETHUSDT", "-p", "formation-bars=60", "-p", "recalc-bars=30",
                           "-p", "lookback=30", btc, eth, NULL };

    g_assert_cmpint (run_tool (args, &out, &err), ==, 0);
  }
  g_assert_cmpstr (err, ==, "");
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "strategy"), ==, "pairs");
  g_assert_cmpstr (json_object_get_string_member (root, "symbol"), ==, "BTCUSDT/ETHUSDT");
  syms = json_object_get_array_member (root, "symbols");
  g_assert_cmpuint (json_array_get_length (syms), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (syms, 1), ==, "ETHUSDT");
  g_assert_cmpint (json_object_get_int_member (root, "trades"), ==, n_direct);
  g_assert_cmpint (json_object_get_int_member (root, "ticks_processed"), ==, 9757 + 6106);
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (root, "params"),
                                                    "pairs-adf-critical"), ==, -3.34);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-tickscope-backtest\n", argv[0]);
      return 2;
    }
  backtest_exe = argv[1];

  g_test_add_func ("/store/history/real-trades-counts", test_real_counts);
  g_test_add_func ("/tools/backtest/json-trades-match-engine", test_cli_real_btcusdt);
  g_test_add_func ("/tools/backtest/text-report-and-param-precedence", test_cli_text_and_params);
  g_test_add_func ("/tools/backtest/recording", test_cli_recording);
  g_test_add_func ("/tools/backtest/errors-and-exit-codes", test_cli_errors);
  g_test_add_func ("/tools/backtest/maxwell", test_maxwell_backtest);
  g_test_add_func ("/tools/backtest/pairs", test_pairs_backtest);

  return g_test_run ();
}
