/* ts-sweep.h: a parameter grid of backtests run on a thread pool
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ts-backtest.h"

G_BEGIN_DECLS

/**
 * TS_SWEEP_ERROR:
 *
 * The error domain of ts_sweep_run().
 */
#define TS_SWEEP_ERROR (ts_sweep_error_quark ())

/**
 * TsSweepError:
 * @TS_SWEEP_ERROR_CANCELLED: ts_sweep_cancel() was called
 * @TS_SWEEP_ERROR_THREAD: no worker thread could be started (the message
 *   has GLib's reason)
 */
typedef enum
{
  TS_SWEEP_ERROR_CANCELLED,
  TS_SWEEP_ERROR_THREAD,
} TsSweepError;

GQuark ts_sweep_error_quark (void);

/**
 * TS_SWEEP_MAX_AXES:
 *
 * A sweep varies one or two parameters.
 */
#define TS_SWEEP_MAX_AXES 2

/**
 * TsSweepCell:
 * @index: the cell's place in the grid: @i * (values of axis 1) + @j
 * @i: the index of the value of axis 0
 * @j: the index of the value of axis 1 (0 with one axis)
 * @values: the values of axis 0 and axis 1 (the second 0 with one axis)
 * @done: %TRUE once its backtest ran to the end (a cancelled sweep leaves
 *   some undone; their @report is zeroed)
 * @report: the backtest's report over all the ticks
 *
 * One point of the grid and its result. Identical to running
 * ts_backtest_run() over the same ticks with the base configuration and
 * these two values set, whatever the threads and their order.
 */
typedef struct
{
  guint            index;
  guint            i;
  guint            j;
  double           values[TS_SWEEP_MAX_AXES];
  gboolean         done;
  TsBacktestReport report;
} TsSweepCell;

/**
 * TsSweepProgressFunc:
 * @done: cells finished (or, once cancelled, abandoned) so far
 * @total: cells in the grid
 * @user_data: the data given to ts_sweep_run()
 *
 * Called on the thread that called ts_sweep_run() (never on a worker),
 * once per finished cell, in increasing @done, the last time with @done ==
 * @total when the sweep was not cancelled.
 */
typedef void (*TsSweepProgressFunc) (guint    done,
                                     guint    total,
                                     gpointer user_data);

/**
 * TsSweep:
 *
 * A grid over one or two parameters of the base configuration's strategy,
 * the risk manager or the broker (any key ts_backtest_config_set() takes:
 * "maxwell-ma-period", or "ma-period" when the base's strategy is maxwell),
 * each cell a #TsBacktest over the same ticks.
 * The ticks are shared read-only by all the workers, never copied. Pure
 * computation: no I/O, no wall clock.
 *
 * Cancelling: src/core does not link GIO (DESIGN.md "Layers"), so there is
 * no #GCancellable parameter; ts_sweep_cancel() is thread-safe, so a caller
 * with a cancellable bridges it with g_cancellable_connect() and a handler
 * that calls ts_sweep_cancel() (and g_cancellable_disconnect() after the
 * run).
 */
typedef struct _TsSweep TsSweep;

/**
 * ts_sweep_new:
 * @base: (nullable): the configuration of every cell before the axes are
 *   applied; %NULL for ts_backtest_config_init_default()
 * @ticks: (array length=n_ticks): ticks in ascending time; borrowed: they
 *   must stay valid and unchanged until the sweep is freed
 * @n_ticks: how many
 *
 * Returns: (transfer full): a sweep with no axis (one cell: @base)
 */
TsSweep           *ts_sweep_new            (const TsBacktestConfig *base,
                                            const TsTick           *ticks,
                                            gsize                   n_ticks);
void               ts_sweep_free           (TsSweep                *self);

/**
 * ts_sweep_set_symbol:
 * @symbol: (nullable): the symbol every cell trades (it replaces the base
 *   configuration's symbols[0]); %NULL for the base's, or when that is ""
 *   the first one traded
 */
void               ts_sweep_set_symbol     (TsSweep                *self,
                                            const char             *symbol);

/**
 * ts_sweep_add_axis:
 * @key: a key of ts_backtest_config_list_keys(), e.g. "window-seconds"
 * @values: (array length=n_values): its values: numbers for "d" and "u"
 *   keys (whole numbers for "u"), 0 or 1 for "b" keys, a choice's index
 *   for a choice
 * @n_values: how many (> 0)
 * @error: return location for a #GError
 *
 * Adds an axis (the first call axis 0, the second axis 1). Every value is
 * checked against the schema now.
 *
 * Errors: %TS_BACKTEST_ERROR_UNKNOWN_KEY, %TS_BACKTEST_ERROR_BAD_VALUE
 * (a value out of range, a third axis, or a key already on an axis).
 *
 * Returns: %TRUE when added
 */
gboolean           ts_sweep_add_axis       (TsSweep                *self,
                                            const char             *key,
                                            const double           *values,
                                            guint                   n_values,
                                            GError                **error);

/**
 * ts_sweep_get_n_cells:
 *
 * Returns: the product of the axes' lengths (1 with no axis)
 */
guint              ts_sweep_get_n_cells    (const TsSweep          *self);

/**
 * ts_sweep_get_axis_key:
 * @axis: 0 or 1
 *
 * Returns: (nullable): the key of that axis, %NULL when there is none
 */
const char        *ts_sweep_get_axis_key   (const TsSweep          *self,
                                            guint                   axis);

/**
 * ts_sweep_run:
 * @n_threads: worker threads; 0 for g_get_num_processors()
 * @progress: (nullable) (scope call): see #TsSweepProgressFunc
 * @user_data: for @progress
 * @error: return location for a #GError
 *
 * Runs every cell on a #GThreadPool and blocks until all are done or
 * abandoned. The calling thread only waits and calls @progress. Another
 * thread (a UI polling from a timer while ts_sweep_run() runs in a #GTask
 * thread) may read the progress with ts_sweep_get_progress() instead.
 *
 * Only one run at a time; a second run starts over.
 *
 * Returns: %TRUE when every cell is done; %FALSE with
 *   %TS_SWEEP_ERROR_CANCELLED when cancelled (the cells done keep their
 *   reports), or %TS_SWEEP_ERROR_THREAD
 */
gboolean           ts_sweep_run            (TsSweep                *self,
                                            guint                   n_threads,
                                            TsSweepProgressFunc     progress,
                                            gpointer                user_data,
                                            GError                **error);

/**
 * ts_sweep_cancel:
 * @self: a sweep
 *
 * Thread-safe; callable before or during ts_sweep_run(): no new cell
 * starts, and running cells stop at their next chunk of 65,536 ticks. The
 * request holds until ts_sweep_run() returns (so one made before a run
 * cancels that run at once), then it is cleared.
 */
void               ts_sweep_cancel         (TsSweep                *self);

/**
 * ts_sweep_get_progress:
 * @total: (out) (optional): the cells in the grid
 *
 * Thread-safe (an atomic counter), callable while ts_sweep_run() runs.
 *
 * Returns: the cells finished in the current or last run
 */
guint              ts_sweep_get_progress   (const TsSweep          *self,
                                            guint                  *total);

/**
 * ts_sweep_get_cells:
 * @n_cells: (out): how many
 *
 * Returns: (transfer none) (array length=n_cells): the cells in grid order
 *   (axis 0 outer); read them after ts_sweep_run() returned
 */
const TsSweepCell *ts_sweep_get_cells      (const TsSweep          *self,
                                            guint                  *n_cells);

/**
 * ts_sweep_config_for_cell:
 * @index: a cell index
 * @config: (out): the base configuration with the cell's values set
 *
 * What the cell runs; for running it alone, e.g. to get its trades.
 */
void               ts_sweep_config_for_cell (const TsSweep         *self,
                                             guint                  index,
                                             TsBacktestConfig      *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsSweep, ts_sweep_free)

G_END_DECLS
