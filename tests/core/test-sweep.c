/* test-sweep.c: a parameter grid on a thread pool equals the serial
 * backtests, whatever the threads; cancelling stops it early
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "core/ts-sweep.h"
#include "store/ts-trade-csv-reader.h"

#define US_PER_DAY G_GINT64_CONSTANT (86400000000)

static const double windows[] = { 10.0, 15.0, 30.0 };
static const double thresholds[] = { 0.0003, 0.0005 };

static GArray *
load_real_trades (void)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ticks;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "binance-spot", "trades_BTCUSDT_20240808.csv", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  ticks = ts_trade_csv_load_file (path, &error);
  g_assert_no_error (error);
  return ticks;
}

/* The real trades @copies times, each copy a day later: several chunks. */
static GArray *
tile (GArray *ticks,
      guint   copies)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (TsTick), ticks->len * copies);

  for (guint c = 0; c < copies; c++)
    for (guint i = 0; i < ticks->len; i++)
      {
        TsTick t = g_array_index (ticks, TsTick, i);

        t.time_us += c * US_PER_DAY;
        g_array_append_val (out, t);
      }
  return out;
}

static TsSweep *
make_grid (GArray *ticks)
{
  g_autoptr(GError) error = NULL;
  TsSweep *sweep = ts_sweep_new (NULL, (const TsTick *) ticks->data, ticks->len);

  g_assert_true (ts_sweep_add_axis (sweep, "window-seconds", windows, G_N_ELEMENTS (windows), &error));
  g_assert_no_error (error);
  g_assert_true (ts_sweep_add_axis (sweep, "entry-threshold", thresholds, G_N_ELEMENTS (thresholds), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ts_sweep_get_n_cells (sweep), ==, 6);
  g_assert_cmpstr (ts_sweep_get_axis_key (sweep, 0), ==, "window-seconds");
  g_assert_cmpstr (ts_sweep_get_axis_key (sweep, 1), ==, "entry-threshold");
  g_assert_null (ts_sweep_get_axis_key (sweep, 2));
  return sweep;
}

/* One cell the plain way: the keys set as text, one ts_backtest_run(). */
static void
run_serial (GArray           *ticks,
            guint             i,
            guint             j,
            TsBacktestReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsBacktest) backtest = NULL;
  TsBacktestConfig config;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  ts_backtest_config_init_default (&config);
  g_ascii_dtostr (buf, sizeof buf, windows[i]);
  g_assert_true (ts_backtest_config_set (&config, "window-seconds", buf, &error));
  g_ascii_dtostr (buf, sizeof buf, thresholds[j]);
  g_assert_true (ts_backtest_config_set (&config, "entry-threshold", buf, &error));
  g_assert_no_error (error);
  backtest = ts_backtest_new (&config);
  ts_backtest_run (backtest, (const TsTick *) ticks->data, ticks->len, 0, NULL, NULL);
  ts_backtest_get_report (backtest, report);
}

static void
assert_report_equal (const TsBacktestReport *a,
                     const TsBacktestReport *b)
{
  g_assert_cmpuint (a->stats.trades, ==, b->stats.trades);
  g_assert_cmpfloat (a->stats.total_pnl, ==, b->stats.total_pnl);
  g_assert_cmpfloat (a->stats.realized_pnl, ==, b->stats.realized_pnl);
  g_assert_cmpfloat (a->stats.fees, ==, b->stats.fees);
  g_assert_cmpfloat (a->stats.equity, ==, b->stats.equity);
  g_assert_cmpfloat (a->stats.max_drawdown, ==, b->stats.max_drawdown);
  g_assert_cmpuint (a->stats.wins, ==, b->stats.wins);
  g_assert_cmpuint (a->ticks_pushed, ==, b->ticks_pushed);
  g_assert_cmpuint (a->n_days, ==, b->n_days);
  g_assert_cmpuint (a->n_decisions, ==, b->n_decisions);
}

typedef struct
{
  guint calls;
  guint last_done;
  guint total;
  GThread *thread;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_true (g_thread_self () == p->thread);
  g_assert_cmpuint (done, ==, p->last_done + 1);
  p->calls++;
  p->last_done = done;
  p->total = total;
}

static void
check_grid_equals_serial (GArray *ticks,
                          guint   n_threads)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsSweep) sweep = make_grid (ticks);
  Progress progress = { 0, 0, 0, g_thread_self () };
  const TsSweepCell *cells;
  guint n_cells, total = 0, distinct = 0;

  g_assert_true (ts_sweep_run (sweep, n_threads, on_progress, &progress, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (progress.calls, ==, 6);
  g_assert_cmpuint (progress.total, ==, 6);
  g_assert_cmpuint (ts_sweep_get_progress (sweep, &total), ==, 6);
  g_assert_cmpuint (total, ==, 6);

  cells = ts_sweep_get_cells (sweep, &n_cells);
  g_assert_cmpuint (n_cells, ==, 6);
  for (guint k = 0; k < n_cells; k++)
    {
      const TsSweepCell *c = &cells[k];
      TsBacktestReport serial;

      g_assert_cmpuint (c->index, ==, k);
      g_assert_cmpuint (c->i, ==, k / 2);
      g_assert_cmpuint (c->j, ==, k % 2);
      g_assert_cmpfloat (c->values[0], ==, windows[c->i]);
      g_assert_cmpfloat (c->values[1], ==, thresholds[c->j]);
      g_assert_true (c->done);

      run_serial (ticks, c->i, c->j, &serial);
      assert_report_equal (&c->report, &serial);
      g_test_message ("window %g s, threshold %g: %u trades, P&L %.2f",
                      c->values[0], c->values[1], c->report.stats.trades,
                      c->report.stats.total_pnl);
      if (k > 0 && (c->report.stats.trades != cells[0].report.stats.trades
                    || c->report.stats.total_pnl != cells[0].report.stats.total_pnl))
        distinct++;
    }
  /* the grid really varies something */
  g_assert_cmpuint (distinct, >, 0);
  g_assert_cmpuint (cells[0].report.stats.trades, >, 0);
}

static void
test_grid_equals_serial (void)
{
  g_autoptr(GArray) ticks = load_real_trades ();

  if (ticks == NULL)
    {
      g_test_skip ("no TS_SHARED_DATA/binance-spot/trades_BTCUSDT_20240808.csv");
      return;
    }
  check_grid_equals_serial (ticks, 0);
  check_grid_equals_serial (ticks, 1);
  check_grid_equals_serial (ticks, 6);
}

/* 20 copies: 195,140 ticks, 3 chunks per cell: chunked runs equal one run */
static void
test_grid_chunked (void)
{
  g_autoptr(GArray) real = load_real_trades ();
  g_autoptr(GArray) ticks = NULL;

  if (real == NULL)
    {
      g_test_skip ("no TS_SHARED_DATA/binance-spot/trades_BTCUSDT_20240808.csv");
      return;
    }
  ticks = tile (real, 20);
  check_grid_equals_serial (ticks, 3);
}

static void
cancel_after_first (guint    done,
                    guint    total,
                    gpointer user_data)
{
  TsSweep *sweep = user_data;

  if (done == 1)
    ts_sweep_cancel (sweep);
}

static void
test_cancel (void)
{
  g_autoptr(GArray) real = load_real_trades ();
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsSweep) sweep = NULL;
  const TsSweepCell *cells;
  guint n_cells, n_done = 0;

  if (real == NULL)
    {
      g_test_skip ("no TS_SHARED_DATA/binance-spot/trades_BTCUSDT_20240808.csv");
      return;
    }
  ticks = tile (real, 20);
  sweep = make_grid (ticks);

  /* cancelled before the run: nothing runs */
  ts_sweep_cancel (sweep);
  g_assert_false (ts_sweep_run (sweep, 2, NULL, NULL, &error));
  g_assert_error (error, TS_SWEEP_ERROR, TS_SWEEP_ERROR_CANCELLED);
  g_clear_error (&error);
  cells = ts_sweep_get_cells (sweep, &n_cells);
  for (guint k = 0; k < n_cells; k++)
    g_assert_false (cells[k].done);

  /* cancelled after the first cell, one worker: it stops early */
  g_assert_false (ts_sweep_run (sweep, 1, cancel_after_first, sweep, &error));
  g_assert_error (error, TS_SWEEP_ERROR, TS_SWEEP_ERROR_CANCELLED);
  g_clear_error (&error);
  cells = ts_sweep_get_cells (sweep, &n_cells);
  for (guint k = 0; k < n_cells; k++)
    if (cells[k].done)
      n_done++;
  g_assert_true (cells[0].done);
  g_assert_cmpuint (n_done, <, 3);
  g_assert_cmpuint (ts_sweep_get_progress (sweep, NULL), ==, 6);

  /* the request is cleared: the next run completes */
  g_assert_true (ts_sweep_run (sweep, 0, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_axis_errors (void)
{
  static const TsTick none[1];
  static const double ok[] = { 10.0 };
  static const double negative[] = { 10.0, -1.0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(TsSweep) sweep = ts_sweep_new (NULL, none, 0);

  g_assert_false (ts_sweep_add_axis (sweep, "no-such-key", ok, 1, &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_UNKNOWN_KEY);
  g_clear_error (&error);
  g_assert_false (ts_sweep_add_axis (sweep, "window-seconds", negative, 2, &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_cmpuint (ts_sweep_get_n_cells (sweep), ==, 1);

  g_assert_true (ts_sweep_add_axis (sweep, "window-seconds", ok, 1, &error));
  g_assert_false (ts_sweep_add_axis (sweep, "window-seconds", ok, 1, &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_true (ts_sweep_add_axis (sweep, "min-ticks", (const double[]) { 3.0, 7.0 }, 2, &error));
  g_assert_no_error (error);
  g_assert_false (ts_sweep_add_axis (sweep, "stop-loss", ok, 1, &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_clear_error (&error);

  /* no ticks: every cell runs and reports nothing */
  g_assert_true (ts_sweep_run (sweep, 0, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A sweep of the Maxwell dip buyer (STRATEGIES.md section 1) over its
 * moving-average period and scale mode: each cell equals a serial
 * backtest with those values, and the values matter. */
static void
test_maxwell_axes (void)
{
  static const double periods[] = { 20.0, 44.0, 100.0 };
  static const double modes[] = { 0.0, 1.0 }; /* fixed, fit */
  g_autoptr(GArray) ticks = load_real_trades ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TsSweep) sweep = NULL;
  TsBacktestConfig base;
  const TsSweepCell *cells;
  guint n_cells, k, distinct = 0;

  if (ticks == NULL)
    {
      g_test_skip ("no TS_SHARED_DATA/binance-spot/trades_BTCUSDT_20240808.csv");
      return;
    }
  ts_backtest_config_init_default (&base);
  g_assert_true (ts_backtest_config_set_strategy (&base, "maxwell", &error));
  g_assert_true (ts_backtest_config_set (&base, "scale", "5", &error));
  g_assert_no_error (error);

  sweep = ts_sweep_new (&base, (const TsTick *) ticks->data, ticks->len);
  g_assert_true (ts_sweep_add_axis (sweep, "ma-period", periods, G_N_ELEMENTS (periods), &error));
  g_assert_true (ts_sweep_add_axis (sweep, "maxwell-scale-mode", modes, G_N_ELEMENTS (modes),
                                    &error));
  g_assert_no_error (error);
  /* ma-period is 2 .. 100000, the mode 0 or 1 */
  g_assert_false (ts_sweep_add_axis (sweep, "buy-threshold", (const double[]) { 2.0 }, 1, &error));
  g_assert_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE);
  g_clear_error (&error);
  g_assert_true (ts_sweep_run (sweep, 3, NULL, NULL, &error));
  g_assert_no_error (error);

  cells = ts_sweep_get_cells (sweep, &n_cells);
  g_assert_cmpuint (n_cells, ==, 6);
  for (k = 0; k < n_cells; k++)
    {
      const TsSweepCell *c = &cells[k];
      g_autoptr(TsBacktest) serial = NULL;
      TsBacktestConfig config = base;
      TsBacktestReport report;

      g_assert_true (c->done);
      config.maxwell.ma_period = (guint) periods[c->i];
      config.maxwell.scale_mode = c->j == 0 ? TS_MAXWELL_SCALE_FIXED : TS_MAXWELL_SCALE_FIT;
      serial = ts_backtest_new (&config);
      ts_backtest_run (serial, (const TsTick *) ticks->data, ticks->len, 0, NULL, NULL);
      ts_backtest_get_report (serial, &report);
      assert_report_equal (&c->report, &report);
      g_assert_cmpstr (ts_backtest_get_symbol (serial, 0), ==, "BTCUSDT");
      g_test_message ("ma-period %g, mode %g: %u trades, P&L %.4f", c->values[0], c->values[1],
                      c->report.stats.trades, c->report.stats.total_pnl);
      if (c->report.stats.trades != cells[0].report.stats.trades ||
          c->report.stats.total_pnl != cells[0].report.stats.total_pnl)
        distinct++;
    }
  g_assert_cmpuint (distinct, >, 0);
  g_assert_cmpuint (cells[2].report.stats.trades, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/sweep/grid-equals-serial", test_grid_equals_serial);
  g_test_add_func ("/core/sweep/grid-chunked-equals-serial", test_grid_chunked);
  g_test_add_func ("/core/sweep/cancel-stops-early", test_cancel);
  g_test_add_func ("/core/sweep/axis-errors", test_axis_errors);
  g_test_add_func ("/core/sweep/maxwell-axes", test_maxwell_axes);

  return g_test_run ();
}
