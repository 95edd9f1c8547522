/* ts-backtest-window.h: the Backtest view: a strategy over historical
 * files, its results, and parameter sweeps
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/ts-backtest.h"
#include "ts-heatmap.h"

G_BEGIN_DECLS

/**
 * TsBacktestState:
 * @TS_BACKTEST_STATE_IDLE: nothing run yet
 * @TS_BACKTEST_STATE_RUNNING: loading files, running a backtest or a sweep
 * @TS_BACKTEST_STATE_DONE: the last job finished; its results are shown
 * @TS_BACKTEST_STATE_CANCELLED: the last job was cancelled
 * @TS_BACKTEST_STATE_FAILED: the last job failed (see
 *   ts_backtest_window_get_message())
 *
 * Where the window's last job is.
 */
typedef enum
{
  TS_BACKTEST_STATE_IDLE,
  TS_BACKTEST_STATE_RUNNING,
  TS_BACKTEST_STATE_DONE,
  TS_BACKTEST_STATE_CANCELLED,
  TS_BACKTEST_STATE_FAILED,
} TsBacktestState;

/**
 * TsBacktestMetric:
 * @TS_BACKTEST_METRIC_TOTAL_PNL: total P&L, quote currency
 * @TS_BACKTEST_METRIC_SHARPE: Sharpe ratio (one-minute log returns, annualised)
 * @TS_BACKTEST_METRIC_MAX_DRAWDOWN: max drawdown, a fraction of the peak
 * @TS_BACKTEST_METRIC_WIN_RATE: wins / trades, a fraction
 * @TS_BACKTEST_METRIC_PROFIT_FACTOR: gross profit / gross loss (+inf with
 *   no loss)
 * @TS_BACKTEST_METRIC_TRADES: closed trades
 *
 * The metrics a sweep's heatmap can show (STRATEGIES.md "Metrics").
 */
typedef enum
{
  TS_BACKTEST_METRIC_TOTAL_PNL,
  TS_BACKTEST_METRIC_SHARPE,
  TS_BACKTEST_METRIC_MAX_DRAWDOWN,
  TS_BACKTEST_METRIC_WIN_RATE,
  TS_BACKTEST_METRIC_PROFIT_FACTOR,
  TS_BACKTEST_METRIC_TRADES,
} TsBacktestMetric;

/**
 * ts_backtest_metric_value:
 * @report: a backtest's report
 * @metric: which metric
 *
 * Returns: the metric of @report (the #TsLedgerStats field)
 */
double ts_backtest_metric_value (const TsBacktestReport *report,
                                 TsBacktestMetric        metric);

#define TS_TYPE_BACKTEST_WINDOW (ts_backtest_window_get_type ())
G_DECLARE_FINAL_TYPE (TsBacktestWindow, ts_backtest_window, TS, BACKTEST_WINDOW, AdwWindow)

/**
 * ts_backtest_window_new:
 * @app: (nullable): the application, to keep it running while the window
 *   is open
 * @settings: (nullable): the app's settings: the parameters of the
 *   strategy, risk and broker keys it has are used (read again at each
 *   run), and the first strategy of its `strategies` key is chosen; %NULL
 *   for the defaults (ts_backtest_config_init_default(), as
 *   `tickscope-backtest`: momentum)
 *
 * Returns: (transfer none): a new window, not shown yet
 */
TsBacktestWindow *ts_backtest_window_new            (GtkApplication     *app,
                                                     GSettings          *settings);

/**
 * ts_backtest_window_run_files:
 * @self: a window
 * @files: (array zero-terminated=1): paths of trade CSVs, bar CSVs or
 *   recordings (read by #TsHistoryLoader, merged in time order)
 *
 * Cancels any job, then loads @files and runs the chosen strategy over
 * them on a worker thread, with the parameters of the window's settings
 * as they are now (read again at each run) and the symbols of the symbols
 * field (ts_backtest_window_set_symbols()). With no symbol given, a
 * one-symbol strategy trades the first symbol with a trade; the pairs
 * strategy trades A = the first file's symbol, B = the next file's other
 * symbol (failing with a message when the files hold a single symbol). The state goes to %TS_BACKTEST_STATE_RUNNING
 * at once and to DONE, CANCELLED or FAILED later, on the main context.
 */
void              ts_backtest_window_run_files      (TsBacktestWindow   *self,
                                                     const char * const *files);

/**
 * ts_backtest_window_rerun:
 * @self: a window
 *
 * Runs the last files again (e.g. with another strategy); nothing when no
 * file was opened.
 */
void              ts_backtest_window_rerun          (TsBacktestWindow   *self);

/**
 * ts_backtest_window_run_sweep:
 * @self: a window
 * @key0: the first axis' key (ts_backtest_config_list_keys())
 * @values0: (array length=n0): its values
 * @n0: how many (> 0)
 * @key1: (nullable): the second axis' key, or %NULL for one axis
 * @values1: (array length=n1) (nullable): its values
 * @n1: how many
 *
 * Runs a #TsSweep over the ticks of the last successful backtest with its
 * configuration, on all cores, from a worker thread; the results go to
 * the sweep table and the heatmap (rows: axis 0, columns: axis 1). A bad
 * key or value, or no ticks loaded, fails at once
 * (%TS_BACKTEST_STATE_FAILED with the message).
 */
void              ts_backtest_window_run_sweep      (TsBacktestWindow   *self,
                                                     const char         *key0,
                                                     const double       *values0,
                                                     guint               n0,
                                                     const char         *key1,
                                                     const double       *values1,
                                                     guint               n1);

/**
 * ts_backtest_window_cancel:
 * @self: a window
 *
 * Cancels the running job, if any: its state becomes
 * %TS_BACKTEST_STATE_CANCELLED once the worker stopped.
 */
void              ts_backtest_window_cancel         (TsBacktestWindow   *self);

/**
 * ts_backtest_window_get_state:
 * @self: a window
 *
 * Returns: the state of the last job (also the #TsBacktestWindow:state
 *   property)
 */
TsBacktestState   ts_backtest_window_get_state      (TsBacktestWindow   *self);

/**
 * ts_backtest_window_get_message:
 * @self: a window
 *
 * Returns: (nullable): the error or cancel message shown for the last job
 */
const char       *ts_backtest_window_get_message    (TsBacktestWindow   *self);

/**
 * ts_backtest_window_get_report:
 * @self: a window
 * @report: (out): the report shown
 *
 * Returns: %TRUE when results are shown (@report set)
 */
gboolean          ts_backtest_window_get_report     (TsBacktestWindow   *self,
                                                     TsBacktestReport   *report);

/**
 * ts_backtest_window_get_metric_text:
 * @self: a window
 * @id: a metric's id: "trades", "win-rate", "total-pnl", "profit-factor",
 *   "max-drawdown", "sharpe", "sortino", "expectancy", "fees", "equity",
 *   "exposure", "cagr", "avg-win", "avg-loss", "ticks"
 *
 * Returns: (nullable): the text shown for it, %NULL for an unknown id
 */
const char       *ts_backtest_window_get_metric_text (TsBacktestWindow  *self,
                                                      const char        *id);

/**
 * ts_backtest_window_set_strategy:
 * @self: a window
 * @name: a strategy's short name (#TsStrategyInfo)
 *
 * Chooses the strategy of the next run (the dropdown follows).
 *
 * Returns: %TRUE when @name is a strategy
 */
gboolean          ts_backtest_window_set_strategy   (TsBacktestWindow   *self,
                                                     const char         *name);

/**
 * ts_backtest_window_set_symbols:
 * @self: a window
 * @symbols: (nullable): the symbols field: "" or %NULL for the files'
 *   symbols, "BTCUSDT", or "A,B" for the pairs strategy (blanks trimmed)
 *
 * Sets the symbols of the next run; a bad field (more than two symbols,
 * an empty or over-long one) fails that run with a message.
 */
void              ts_backtest_window_set_symbols    (TsBacktestWindow   *self,
                                                     const char         *symbols);

/**
 * ts_backtest_window_set_metric:
 * @self: a window
 * @metric: the metric the heatmap shows
 */
void              ts_backtest_window_set_metric     (TsBacktestWindow   *self,
                                                     TsBacktestMetric    metric);

/**
 * ts_backtest_window_get_heatmap:
 * @self: a window
 *
 * Returns: (transfer none): the sweep's heatmap
 */
TsHeatmap        *ts_backtest_window_get_heatmap    (TsBacktestWindow   *self);

/**
 * ts_backtest_window_get_n_sweep_rows:
 * @self: a window
 *
 * Returns: the rows of the sweep table (one per cell)
 */
guint             ts_backtest_window_get_n_sweep_rows (TsBacktestWindow *self);

/**
 * ts_backtest_window_get_n_fill_markers:
 * @self: a window
 *
 * Returns: the fill markers on the price chart
 */
guint             ts_backtest_window_get_n_fill_markers (TsBacktestWindow *self);

/**
 * ts_backtest_window_get_n_trade_rows:
 * @self: a window
 *
 * Returns: the rows of the trade list
 */
guint             ts_backtest_window_get_n_trade_rows (TsBacktestWindow *self);

/**
 * ts_backtest_window_export_trades:
 * @self: a window
 * @path: the CSV file to write (replaced atomically)
 * @error: %G_FILE_ERROR, or %G_IO_ERROR_NOT_FOUND when there are no results
 *
 * Writes the shown trades (ts_trade_csv_writer_write_file(), the format of
 * `tickscope-backtest --trades-csv`).
 *
 * Returns: %TRUE when written
 */
gboolean          ts_backtest_window_export_trades  (TsBacktestWindow   *self,
                                                     const char         *path,
                                                     GError            **error);

/**
 * ts_backtest_window_export_equity:
 * @self: a window
 * @path: the CSV file to write (replaced atomically)
 * @error: as ts_backtest_window_export_trades()
 *
 * Writes the equity curve (ts_equity_csv_writer_write_file(), the format
 * of `tickscope-backtest --equity-csv`).
 *
 * Returns: %TRUE when written
 */
gboolean          ts_backtest_window_export_equity  (TsBacktestWindow   *self,
                                                     const char         *path,
                                                     GError            **error);

/**
 * ts_backtest_window_export_sweep:
 * @self: a window
 * @path: the CSV file to write (replaced atomically)
 * @error: %G_FILE_ERROR, or %G_IO_ERROR_NOT_FOUND when no sweep ran
 *
 * Writes the sweep table as CSV: a header row with the axis keys and
 * trades,win_rate,total_pnl,profit_factor,max_drawdown,sharpe, then one
 * row per cell (C locale, full precision; "inf" for an infinite profit
 * factor, "" for a cell not run).
 *
 * Returns: %TRUE when written
 */
gboolean          ts_backtest_window_export_sweep   (TsBacktestWindow   *self,
                                                     const char         *path,
                                                     GError            **error);

G_END_DECLS
