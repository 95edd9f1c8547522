/* ts-sweep.c: a parameter grid of backtests run on a thread pool
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-sweep.h"

#include <string.h>

G_DEFINE_QUARK (ts-sweep-error-quark, ts_sweep_error)

/* ticks per ts_backtest_run() call: how often a cell looks for a cancel */
#define CHUNK_TICKS 65536

struct _TsSweep
{
  TsBacktestConfig  base;
  const TsTick     *ticks;
  gsize             n_ticks;
  char             *symbol;

  guint             n_axes;
  char             *keys[TS_SWEEP_MAX_AXES];
  GArray           *values[TS_SWEEP_MAX_AXES];   /* of double */

  TsSweepCell      *cells;
  guint             n_cells;

  gint              n_finished;                  /* atomic; under lock for cond */
  gint              cancelled;                   /* atomic */
  GMutex            lock;
  GCond             cond;
};

TsSweep *
ts_sweep_new (const TsBacktestConfig *base,
              const TsTick           *ticks,
              gsize                   n_ticks)
{
  TsSweep *self;

  g_return_val_if_fail (ticks != NULL || n_ticks == 0, NULL);

  self = g_new0 (TsSweep, 1);
  if (base != NULL)
    self->base = *base;
  else
    ts_backtest_config_init_default (&self->base);
  self->ticks = ticks;
  self->n_ticks = n_ticks;
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  return self;
}

void
ts_sweep_free (TsSweep *self)
{
  if (self == NULL)
    return;

  for (guint a = 0; a < TS_SWEEP_MAX_AXES; a++)
    {
      g_free (self->keys[a]);
      g_clear_pointer (&self->values[a], g_array_unref);
    }
  g_free (self->symbol);
  g_free (self->cells);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self);
}

void
ts_sweep_set_symbol (TsSweep    *self,
                     const char *symbol)
{
  g_return_if_fail (self != NULL);

  g_free (self->symbol);
  self->symbol = symbol != NULL && symbol[0] != '\0' ? g_strdup (symbol) : NULL;
}

/* The shortest text that reads back as @value (C locale). */
static void
format_value (double value,
              char   buf[G_ASCII_DTOSTR_BUF_SIZE])
{
  static const char *const formats[] = { "%.15g", "%.16g", "%.17g" };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, formats[i], value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
}

static gboolean
config_set_double (TsBacktestConfig *config,
                   const char       *key,
                   double            value,
                   GError          **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  format_value (value, buf);
  return ts_backtest_config_set (config, key, buf, error);
}

gboolean
ts_sweep_add_axis (TsSweep      *self,
                   const char   *key,
                   const double *values,
                   guint         n_values,
                   GError      **error)
{
  TsBacktestConfig probe;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (values != NULL && n_values > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->n_axes >= TS_SWEEP_MAX_AXES)
    {
      g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                   "a sweep has at most %d axes; cannot add %s",
                   TS_SWEEP_MAX_AXES, key);
      return FALSE;
    }
  if (self->n_axes == 1 && g_str_equal (self->keys[0], key))
    {
      g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                   "%s is already an axis of the sweep", key);
      return FALSE;
    }

  for (guint i = 0; i < n_values; i++)
    {
      probe = self->base;
      if (!config_set_double (&probe, key, values[i], error))
        return FALSE;
    }

  self->keys[self->n_axes] = g_strdup (key);
  self->values[self->n_axes] = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  g_array_append_vals (self->values[self->n_axes], values, n_values);
  self->n_axes++;
  return TRUE;
}

guint
ts_sweep_get_n_cells (const TsSweep *self)
{
  guint n = 1;

  g_return_val_if_fail (self != NULL, 0);

  for (guint a = 0; a < self->n_axes; a++)
    n *= self->values[a]->len;
  return n;
}

const char *
ts_sweep_get_axis_key (const TsSweep *self,
                       guint          axis)
{
  g_return_val_if_fail (self != NULL, NULL);

  return axis < self->n_axes ? self->keys[axis] : NULL;
}

static void
cell_position (const TsSweep *self,
               guint          index,
               guint         *i,
               guint         *j)
{
  guint n_j = self->n_axes > 1 ? self->values[1]->len : 1;

  *i = index / n_j;
  *j = index % n_j;
}

void
ts_sweep_config_for_cell (const TsSweep    *self,
                          guint             index,
                          TsBacktestConfig *config)
{
  guint ij[TS_SWEEP_MAX_AXES];

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < ts_sweep_get_n_cells (self));

  *config = self->base;
  cell_position (self, index, &ij[0], &ij[1]);
  for (guint a = 0; a < self->n_axes; a++)
    {
      gboolean ok = config_set_double (config, self->keys[a],
                                       g_array_index (self->values[a], double, ij[a]),
                                       NULL);
      g_assert (ok); /* checked by ts_sweep_add_axis() */
    }
}

static void
run_cell (gpointer data,
          gpointer user_data)
{
  TsSweep *self = user_data;
  TsSweepCell *cell = &self->cells[GPOINTER_TO_UINT (data) - 1];

  if (!g_atomic_int_get (&self->cancelled))
    {
      TsBacktestConfig config;
      g_autoptr(TsBacktest) backtest = NULL;
      gsize offset = 0;

      ts_sweep_config_for_cell (self, cell->index, &config);
      /* any strategy: the symbol goes in the configuration */
      if (self->symbol != NULL)
        g_strlcpy (config.symbols[0], self->symbol, sizeof config.symbols[0]);
      backtest = ts_backtest_new (&config);

      while (offset < self->n_ticks && !g_atomic_int_get (&self->cancelled))
        {
          gsize n = MIN ((gsize) CHUNK_TICKS, self->n_ticks - offset);

          ts_backtest_run (backtest, self->ticks + offset, n, 0, NULL, NULL);
          offset += n;
        }
      if (offset == self->n_ticks)
        {
          ts_backtest_get_report (backtest, &cell->report);
          cell->done = TRUE;
        }
    }

  g_mutex_lock (&self->lock);
  g_atomic_int_inc (&self->n_finished);
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->lock);
}

void
ts_sweep_cancel (TsSweep *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_int_set (&self->cancelled, 1);
}

guint
ts_sweep_get_progress (const TsSweep *self,
                       guint         *total)
{
  g_return_val_if_fail (self != NULL, 0);

  if (total != NULL)
    *total = ts_sweep_get_n_cells (self);
  return (guint) g_atomic_int_get ((gint *) &self->n_finished);
}

gboolean
ts_sweep_run (TsSweep             *self,
              guint                n_threads,
              TsSweepProgressFunc  progress,
              gpointer             user_data,
              GError             **error)
{
  g_autoptr(GError) pool_error = NULL;
  GThreadPool *pool;
  guint n_cells, reported = 0, pushed = 0;
  gboolean cancelled;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n_cells = ts_sweep_get_n_cells (self);
  g_free (self->cells);
  self->cells = g_new0 (TsSweepCell, n_cells);
  self->n_cells = n_cells;
  for (guint k = 0; k < n_cells; k++)
    {
      TsSweepCell *cell = &self->cells[k];

      cell->index = k;
      cell_position (self, k, &cell->i, &cell->j);
      for (guint a = 0; a < self->n_axes; a++)
        cell->values[a] = g_array_index (self->values[a], double, a == 0 ? cell->i : cell->j);
    }
  g_atomic_int_set (&self->n_finished, 0);

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  n_threads = MIN (n_threads, n_cells);

  pool = g_thread_pool_new (run_cell, self, (gint) n_threads, TRUE, &pool_error);
  if (pool != NULL)
    for (; pushed < n_cells; pushed++)
      if (!g_thread_pool_push (pool, GUINT_TO_POINTER (pushed + 1), &pool_error))
        break;

  /* Cells never pushed count as abandoned. */
  if (pushed < n_cells)
    {
      g_mutex_lock (&self->lock);
      g_atomic_int_add (&self->n_finished, (gint) (n_cells - pushed));
      g_mutex_unlock (&self->lock);
    }

  g_mutex_lock (&self->lock);
  for (;;)
    {
      guint finished = (guint) g_atomic_int_get (&self->n_finished);

      if (reported < finished)
        {
          g_mutex_unlock (&self->lock);
          for (; reported < finished; reported++)
            if (progress != NULL)
              progress (reported + 1, n_cells, user_data);
          g_mutex_lock (&self->lock);
          continue;
        }
      if (finished >= n_cells)
        break;
      g_cond_wait (&self->cond, &self->lock);
    }
  g_mutex_unlock (&self->lock);

  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);

  cancelled = g_atomic_int_get (&self->cancelled) != 0;
  g_atomic_int_set (&self->cancelled, 0);

  if (pool_error != NULL)
    {
      g_set_error (error, TS_SWEEP_ERROR, TS_SWEEP_ERROR_THREAD,
                   "cannot start the sweep's worker threads: %s", pool_error->message);
      return FALSE;
    }
  if (cancelled)
    {
      for (guint k = 0; k < n_cells; k++)
        if (!self->cells[k].done)
          {
            g_set_error (error, TS_SWEEP_ERROR, TS_SWEEP_ERROR_CANCELLED,
                         "the sweep was cancelled");
            return FALSE;
          }
    }
  return TRUE;
}

const TsSweepCell *
ts_sweep_get_cells (const TsSweep *self,
                    guint         *n_cells)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);

  *n_cells = self->n_cells;
  return self->cells;
}
