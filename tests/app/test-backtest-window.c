/* test-backtest-window.c: the Backtest view against direct backtests
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb (HEADLESS.md); every test skips without a display. The
 * window's figures are compared with a TsBacktest run here on the ticks of
 * the same loader: the same code path, so equal to the last bit. The
 * figures of the default momentum strategy on the BTCUSDT file are what
 * `tickscope-backtest trades_BTCUSDT_20240808.csv` prints: 9757 ticks,
 * "Trades 14 (1 wins, 13 losses)", "Win rate 7.14 %", "Total P&L -360.85".
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "core/ts-backtest.h"
#include "feed/ts-history-loader.h"
#include "store/ts-trade-csv-writer.h"
#include "ts-backtest-window.h"

static gboolean have_display;

static char *
btc_path (void)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");

  return g_build_filename (dir != NULL ? dir : "../shared/data", "binance-spot",
                           "trades_BTCUSDT_20240808.csv", NULL);
}

static char *
eth_path (void)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");

  return g_build_filename (dir != NULL ? dir : "../shared/data", "binance-spot",
                           "trades_ETHUSDT_20240808.csv", NULL);
}

static gboolean
skip_without_data (const char *path)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return TRUE;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("the shared recordings are missing");
      return TRUE;
    }
  return FALSE;
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

/* iterates the main loop until the window's job ended; the guard only
 * turns a hang into a failure, it asserts no timing */
static void
wait_for_job (TsBacktestWindow *window)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add_seconds (90, on_timeout, &expired);

  while (ts_backtest_window_get_state (window) == TS_BACKTEST_STATE_RUNNING && !expired)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (expired);
  g_source_remove (id);
}

static GArray *
load_ticks (const char *path)
{
  g_autoptr(TsHistoryLoader) loader = ts_history_loader_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_history_loader_add_file (loader, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return ts_history_loader_steal_ticks (loader);
}

static TsBacktest *
direct_run (const TsBacktestConfig *config,
            GArray                 *ticks)
{
  TsBacktest *bt = ts_backtest_new (config);

  ts_backtest_run (bt, (const TsTick *) (gpointer) ticks->data, ticks->len, 0, NULL, NULL);
  return bt;
}

static void
assert_same_report (const TsBacktestReport *a,
                    const TsBacktestReport *b)
{
  g_assert_cmpuint (a->ticks_pushed, ==, b->ticks_pushed);
  g_assert_cmpuint (a->ticks_ignored, ==, b->ticks_ignored);
  g_assert_cmpint (a->first_time_us, ==, b->first_time_us);
  g_assert_cmpint (a->last_time_us, ==, b->last_time_us);
  g_assert_cmpuint (a->stats.trades, ==, b->stats.trades);
  g_assert_cmpuint (a->stats.wins, ==, b->stats.wins);
  g_assert_cmpuint (a->stats.losses, ==, b->stats.losses);
  g_assert_cmpfloat (a->stats.total_pnl, ==, b->stats.total_pnl);
  g_assert_cmpfloat (a->stats.realized_pnl, ==, b->stats.realized_pnl);
  g_assert_cmpfloat (a->stats.fees, ==, b->stats.fees);
  g_assert_cmpfloat (a->stats.equity, ==, b->stats.equity);
  g_assert_cmpfloat (a->stats.max_drawdown, ==, b->stats.max_drawdown);
  g_assert_cmpfloat (a->stats.win_rate, ==, b->stats.win_rate);
  g_assert_true (a->stats.profit_factor == b->stats.profit_factor ||
                 (isnan (a->stats.profit_factor) && isnan (b->stats.profit_factor)));
  g_assert_true (a->stats.sharpe == b->stats.sharpe ||
                 (isnan (a->stats.sharpe) && isnan (b->stats.sharpe)));
}

static TsBacktestWindow *
new_window (void)
{
  TsBacktestWindow *window = ts_backtest_window_new (NULL, NULL);

  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
close_window (TsBacktestWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (window);
}

static void
run_btc (TsBacktestWindow *window,
         const char       *path)
{
  const char *files[] = { path, NULL };

  ts_backtest_window_run_files (window, files);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_RUNNING);
  wait_for_job (window);
  g_assert_cmpstr (ts_backtest_window_get_message (window), ==, NULL);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_DONE);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
test_run_matches_direct (void)
{
  g_autofree char *path = btc_path ();
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(TsBacktest) bt = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *trades_csv = NULL;
  g_autofree char *equity_csv = NULL;
  g_autofree char *trades_text = NULL;
  g_autofree char *equity_text = NULL;
  g_autoptr(GString) want_trades = NULL;
  g_autoptr(GString) want_equity = NULL;
  g_autoptr(GError) error = NULL;
  TsBacktestWindow *window;
  TsBacktestReport shown, direct;
  const TsTrade *trades;
  const TsEquityPoint *equity;
  guint n_trades = 0, n_equity = 0, n_fills = 0;
  g_autofree char *win_rate = NULL;

  if (skip_without_data (path))
    return;

  window = new_window ();
  run_btc (window, path);
  g_assert_true (ts_backtest_window_get_report (window, &shown));

  ticks = load_ticks (path);
  bt = direct_run (NULL, ticks);
  ts_backtest_get_report (bt, &direct);
  assert_same_report (&shown, &direct);

  /* the CLI's figure (tickscope-backtest on this file) */
  g_assert_cmpuint (shown.stats.trades, ==, 14);
  g_assert_cmpuint (shown.stats.wins, ==, 1);
  g_assert_cmpuint (shown.stats.losses, ==, 13);
  g_assert_cmpuint (shown.ticks_pushed, ==, 9757);
  g_assert_cmpfloat_with_epsilon (shown.stats.total_pnl, -360.85, 0.005);

  /* what the window shows */
  g_assert_cmpstr (ts_backtest_window_get_metric_text (window, "trades"), ==, "14");
  g_assert_cmpstr (ts_backtest_window_get_metric_text (window, "win-rate"), ==, "7.14 %");
  win_rate = g_strdup_printf ("%.2f %%", direct.stats.win_rate * 100.0);
  g_assert_cmpstr (ts_backtest_window_get_metric_text (window, "win-rate"), ==, win_rate);
  g_assert_cmpuint (ts_backtest_window_get_n_trade_rows (window), ==, 14);
  /* flat at the end: an entry and an exit fill per trade */
  ts_engine_get_fills (ts_backtest_get_engine (bt), &n_fills);
  g_assert_cmpuint (n_fills, ==, 28);
  g_assert_cmpuint (ts_backtest_window_get_n_fill_markers (window), ==, n_fills);

  /* the exports are the CLI's --trades-csv and --equity-csv */
  dir = g_dir_make_tmp ("test-backtest-window-XXXXXX", &error);
  g_assert_no_error (error);
  trades_csv = g_build_filename (dir, "trades.csv", NULL);
  equity_csv = g_build_filename (dir, "equity.csv", NULL);
  g_assert_true (ts_backtest_window_export_trades (window, trades_csv, &error));
  g_assert_no_error (error);
  g_assert_true (ts_backtest_window_export_equity (window, equity_csv, &error));
  g_assert_no_error (error);
  trades = ts_backtest_get_trades (bt, &n_trades);
  equity = ts_backtest_get_equity_curve (bt, &n_equity);
  want_trades = ts_trade_csv_writer_to_string (trades, n_trades);
  want_equity = ts_equity_csv_writer_to_string (equity, n_equity);
  trades_text = read_file (trades_csv);
  equity_text = read_file (equity_csv);
  g_assert_cmpstr (trades_text, ==, want_trades->str);
  g_assert_cmpstr (equity_text, ==, want_equity->str);
  g_unlink (trades_csv);
  g_unlink (equity_csv);
  g_rmdir (dir);

  close_window (window);
}

static void
test_cancel (void)
{
  g_autofree char *path = btc_path ();
  const char *files[] = { path, NULL };
  const double windows[] = { 10, 20, 30 };
  TsBacktestWindow *window;
  TsBacktestReport report;

  if (skip_without_data (path))
    return;

  window = new_window ();

  /* a run cancelled before the worker could finish */
  ts_backtest_window_run_files (window, files);
  ts_backtest_window_cancel (window);
  wait_for_job (window);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_CANCELLED);
  g_assert_cmpstr (ts_backtest_window_get_message (window), ==, "Backtest cancelled");
  g_assert_false (ts_backtest_window_get_report (window, &report));

  /* then a run to the end, and a cancelled sweep over its ticks */
  run_btc (window, path);
  ts_backtest_window_run_sweep (window, "window-seconds", windows, G_N_ELEMENTS (windows), NULL, NULL, 0);
  ts_backtest_window_cancel (window);
  wait_for_job (window);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_CANCELLED);
  g_assert_cmpstr (ts_backtest_window_get_message (window), ==, "Sweep cancelled");
  /* the results of the run stay */
  g_assert_true (ts_backtest_window_get_report (window, &report));
  g_assert_cmpuint (report.stats.trades, ==, 14);

  close_window (window);
}

static void
test_sweep_2x2 (void)
{
  g_autofree char *path = btc_path ();
  const double windows[] = { 10, 30 };
  const double thresholds[] = { 0.0003, 0.0008 };
  g_autoptr(GArray) ticks = NULL;
  TsBacktestWindow *window;
  TsHeatmap *heatmap;

  if (skip_without_data (path))
    return;

  window = new_window ();
  run_btc (window, path);
  ts_backtest_window_run_sweep (window, "window-seconds", windows, 2,
                                "entry-threshold", thresholds, 2);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_RUNNING);
  wait_for_job (window);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_DONE);

  heatmap = ts_backtest_window_get_heatmap (window);
  g_assert_cmpuint (ts_heatmap_get_n_rows (heatmap), ==, 2);
  g_assert_cmpuint (ts_heatmap_get_n_cols (heatmap), ==, 2);
  g_assert_cmpuint (ts_backtest_window_get_n_sweep_rows (window), ==, 4);

  ticks = load_ticks (path);
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      {
        TsBacktestConfig config;
        g_autoptr(TsBacktest) bt = NULL;
        g_autoptr(GError) error = NULL;
        char text[G_ASCII_DTOSTR_BUF_SIZE];
        TsBacktestReport r;

        ts_backtest_config_init_default (&config);
        g_assert_true (ts_backtest_config_set (&config, "window-seconds",
                                               g_ascii_dtostr (text, sizeof text, windows[i]), &error));
        g_assert_true (ts_backtest_config_set (&config, "entry-threshold",
                                               g_ascii_dtostr (text, sizeof text, thresholds[j]), &error));
        g_assert_no_error (error);
        bt = direct_run (&config, ticks);
        ts_backtest_get_report (bt, &r);

        ts_backtest_window_set_metric (window, TS_BACKTEST_METRIC_TOTAL_PNL);
        g_assert_cmpfloat (ts_heatmap_get_value (heatmap, i, j), ==, r.stats.total_pnl);
        ts_backtest_window_set_metric (window, TS_BACKTEST_METRIC_TRADES);
        g_assert_cmpfloat (ts_heatmap_get_value (heatmap, i, j), ==, r.stats.trades);
      }

  close_window (window);
}

static void
test_unreadable_file (void)
{
  const char *files[] = { "/nonexistent-dir/nope-trades.csv", NULL };
  TsBacktestWindow *window;
  TsBacktestReport report;

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }

  window = new_window ();
  ts_backtest_window_run_files (window, files);
  wait_for_job (window);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_FAILED);
  g_assert_nonnull (strstr (ts_backtest_window_get_message (window), "nope-trades.csv"));
  g_assert_false (ts_backtest_window_get_report (window, &report));

  /* a sweep without ticks fails at once, with a message */
  {
    const double v[] = { 10 };

    ts_backtest_window_run_sweep (window, "window-seconds", v, 1, NULL, NULL, 0);
    g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_FAILED);
    g_assert_nonnull (ts_backtest_window_get_message (window));
  }

  close_window (window);
}

/* TS_BACKTEST_SCREENSHOT=file.png: saves the window as shown, for a look
 * by eye (no assertion on pixels) */
static void
maybe_screenshot (TsBacktestWindow *window)
{
  const char *path = g_getenv ("TS_BACKTEST_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (path == NULL || path[0] == '\0')
    return;
  /* let the results lay out and paint */
  for (guint i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  width = gtk_widget_get_width (GTK_WIDGET (window));
  height = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* fills of @symbol among the engine's */
static guint
count_fills (TsBacktest *bt,
             const char *symbol)
{
  const TsFill *fills;
  guint n = 0, count = 0;

  fills = ts_engine_get_fills (ts_backtest_get_engine (bt), &n);
  for (guint i = 0; i < n; i++)
    count += strcmp (fills[i].symbol, symbol) == 0;
  return count;
}

/* Maxwell on the BTCUSDT file. The figures are what
 * `tickscope-backtest --strategy maxwell --json trades_BTCUSDT_20240808.csv`
 * prints: "ticks_processed" 9757, "ticks_ignored" 0, "trades" 0 (it buys
 * once and still holds at the end), "total_pnl" -2.4557359285117855,
 * "realized_pnl" and "fees" -/+0.10000500000000002 (the entry's fee),
 * "unrealized_pnl" -2.355730928511313, "final_equity" 9997.5442640714882. */
static void
test_maxwell_matches_cli (void)
{
  g_autofree char *path = btc_path ();
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(TsBacktest) bt = NULL;
  TsBacktestConfig config;
  TsBacktestWindow *window;
  TsBacktestReport shown, direct;

  if (skip_without_data (path))
    return;

  window = new_window ();
  g_assert_true (ts_backtest_window_set_strategy (window, "maxwell"));
  run_btc (window, path);
  g_assert_true (ts_backtest_window_get_report (window, &shown));

  g_assert_cmpuint (shown.ticks_pushed, ==, 9757);
  g_assert_cmpuint (shown.ticks_ignored, ==, 0);
  g_assert_cmpuint (shown.stats.trades, ==, 0);
  g_assert_cmpuint (shown.stats.open_positions, ==, 1);
  g_assert_cmpfloat_with_epsilon (shown.stats.total_pnl, -2.4557359285117855, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.stats.realized_pnl, -0.10000500000000002, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.stats.unrealized_pnl, -2.355730928511313, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.stats.fees, 0.10000500000000002, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.stats.equity, 9997.5442640714882, 1e-6);

  /* and the same run done here, to the bit */
  ticks = load_ticks (path);
  ts_backtest_config_init_default (&config);
  g_assert_true (ts_backtest_config_set_strategy (&config, "maxwell", NULL));
  bt = direct_run (&config, ticks);
  ts_backtest_get_report (bt, &direct);
  assert_same_report (&shown, &direct);
  g_assert_cmpstr (ts_backtest_get_symbol (bt, 0), ==, "BTCUSDT");

  g_assert_cmpstr (ts_backtest_window_get_metric_text (window, "trades"), ==, "0");
  g_assert_cmpstr (ts_backtest_window_get_metric_text (window, "total-pnl"), ==, "−2.46"); /* U+2212 */
  g_assert_cmpuint (ts_backtest_window_get_n_trade_rows (window), ==, 0);
  /* the one entry fill, on the BTCUSDT chart */
  g_assert_cmpuint (count_fills (bt, "BTCUSDT"), ==, 1);
  g_assert_cmpuint (ts_backtest_window_get_n_fill_markers (window), ==, 1);

  maybe_screenshot (window);
  close_window (window);
}

static void
run_pair (TsBacktestWindow *window,
          const char       *a,
          const char       *b)
{
  const char *files[] = { a, b, NULL };

  ts_backtest_window_run_files (window, files);
  wait_for_job (window);
  g_assert_cmpstr (ts_backtest_window_get_message (window), ==, NULL);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_DONE);
}

/* Pairs on BTCUSDT (A) and ETHUSDT (B) with short formation parameters
 * from the settings the window reads. The figures are what
 * `tickscope-backtest --strategy pairs --symbols BTCUSDT,ETHUSDT
 *  --param formation-bars=60 --param recalc-bars=30 --param lookback=30
 *  --json trades_BTCUSDT_20240808.csv trades_ETHUSDT_20240808.csv`
 * prints: "ticks_processed" 15863, "ticks_ignored" 0, "trades" 2 (0 wins,
 * 2 losses), "total_pnl" -8.92152689739487, "fees" 3.9985530543992516,
 * no open position. */
static void
test_pairs_matches_cli (void)
{
  g_autofree char *btc = btc_path ();
  g_autofree char *eth = eth_path ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(TsBacktest) bt = NULL;
  g_autoptr(TsHistoryLoader) loader = NULL;
  g_autoptr(GError) error = NULL;
  TsBacktestConfig config;
  TsBacktestWindow *window;
  TsBacktestReport shown, direct;

  if (skip_without_data (btc) || skip_without_data (eth))
    return;

  settings = g_settings_new ("io.github.tickscope.Tickscope");
  g_settings_set_uint (settings, "pairs-formation-bars", 60);
  g_settings_set_uint (settings, "pairs-recalc-bars", 30);
  g_settings_set_uint (settings, "pairs-lookback", 30);

  window = ts_backtest_window_new (NULL, settings);
  g_object_ref_sink (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (ts_backtest_window_set_strategy (window, "pairs"));

  /* no symbol given: A = the first file's, B = the second's */
  run_pair (window, btc, eth);
  g_assert_true (ts_backtest_window_get_report (window, &shown));
  g_assert_cmpuint (shown.ticks_pushed, ==, 15863);
  g_assert_cmpuint (shown.ticks_ignored, ==, 0);
  g_assert_cmpuint (shown.stats.trades, ==, 2);
  g_assert_cmpuint (shown.stats.wins, ==, 0);
  g_assert_cmpuint (shown.stats.losses, ==, 2);
  g_assert_cmpuint (shown.stats.open_positions, ==, 0);
  g_assert_cmpfloat_with_epsilon (shown.stats.total_pnl, -8.92152689739487, 1e-6);
  g_assert_cmpfloat_with_epsilon (shown.stats.fees, 3.9985530543992516, 1e-6);
  g_assert_cmpstr (ts_backtest_window_get_metric_text (window, "trades"), ==, "2");
  g_assert_cmpuint (ts_backtest_window_get_n_trade_rows (window), ==, 2);

  /* the same run done here, on the loader's merge of both files */
  loader = ts_history_loader_new ();
  g_assert_true (ts_history_loader_add_file (loader, btc, NULL, NULL, NULL, &error));
  g_assert_true (ts_history_loader_add_file (loader, eth, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ticks = ts_history_loader_steal_ticks (loader);
  ts_backtest_config_init_default (&config);
  g_assert_true (ts_backtest_config_set_strategy (&config, "pairs", NULL));
  g_assert_true (ts_backtest_config_set (&config, "formation-bars", "60", &error));
  g_assert_true (ts_backtest_config_set (&config, "recalc-bars", "30", &error));
  g_assert_true (ts_backtest_config_set (&config, "lookback", "30", &error));
  g_assert_no_error (error);
  g_strlcpy (config.symbols[0], "BTCUSDT", sizeof config.symbols[0]);
  g_strlcpy (config.symbols[1], "ETHUSDT", sizeof config.symbols[1]);
  bt = direct_run (&config, ticks);
  ts_backtest_get_report (bt, &direct);
  assert_same_report (&shown, &direct);

  /* the chart is leg A's, with leg A's fills only (two per trade) */
  g_assert_cmpuint (count_fills (bt, "BTCUSDT"), ==, 4);
  g_assert_cmpuint (count_fills (bt, "ETHUSDT"), ==, 4);
  g_assert_cmpuint (ts_backtest_window_get_n_fill_markers (window), ==, 4);

  /* the symbols field, blanks trimmed, gives the same run */
  ts_backtest_window_set_symbols (window, " BTCUSDT , ETHUSDT ");
  run_pair (window, btc, eth);
  g_assert_true (ts_backtest_window_get_report (window, &shown));
  assert_same_report (&shown, &direct);

  /* B first: the other pair, whose figures differ */
  ts_backtest_window_set_symbols (window, "ETHUSDT,BTCUSDT");
  run_pair (window, btc, eth);
  g_assert_true (ts_backtest_window_get_report (window, &shown));
  g_assert_cmpuint (shown.ticks_pushed, ==, 15863);
  g_assert_cmpuint (ts_backtest_window_get_n_fill_markers (window), ==, shown.stats.trades * 2);

  /* a bad field fails the run at once, with a message */
  ts_backtest_window_set_symbols (window, "A,B,C");
  ts_backtest_window_rerun (window);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_FAILED);
  g_assert_nonnull (strstr (ts_backtest_window_get_message (window), "at most 2"));

  close_window (window);
  g_settings_reset (settings, "pairs-formation-bars");
  g_settings_reset (settings, "pairs-recalc-bars");
  g_settings_reset (settings, "pairs-lookback");
}

/* pairs over one file: no B to trade, a clear failure */
static void
test_pairs_one_file (void)
{
  g_autofree char *path = btc_path ();
  const char *files[] = { path, NULL };
  TsBacktestWindow *window;
  TsBacktestReport report;

  if (skip_without_data (path))
    return;

  window = new_window ();
  g_assert_true (ts_backtest_window_set_strategy (window, "pairs"));
  ts_backtest_window_run_files (window, files);
  wait_for_job (window);
  g_assert_cmpint (ts_backtest_window_get_state (window), ==, TS_BACKTEST_STATE_FAILED);
  g_assert_nonnull (strstr (ts_backtest_window_get_message (window), "trades 2 symbols"));
  g_assert_false (ts_backtest_window_get_report (window, &report));

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* the tests compare English messages */
  g_setenv ("LANGUAGE", "C", TRUE);
  have_display = (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL) &&
                 gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/app/backtest-window/run-matches-direct", test_run_matches_direct);
  g_test_add_func ("/app/backtest-window/cancel-ends-cancelled", test_cancel);
  g_test_add_func ("/app/backtest-window/sweep-2x2-heatmap", test_sweep_2x2);
  g_test_add_func ("/app/backtest-window/unreadable-file-named", test_unreadable_file);
  g_test_add_func ("/app/backtest-window/maxwell-matches-cli", test_maxwell_matches_cli);
  g_test_add_func ("/app/backtest-window/pairs-matches-cli", test_pairs_matches_cli);
  g_test_add_func ("/app/backtest-window/pairs-one-file-fails", test_pairs_one_file);

  return g_test_run ();
}
