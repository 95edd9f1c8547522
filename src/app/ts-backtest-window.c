/* ts-backtest-window.c: the Backtest view: a strategy over historical
 * files, its results, and parameter sweeps
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Threading (DESIGN.md "Threading"): loading and running happen in a GTask
 * thread that never touches a widget. It posts progress to the main
 * context with g_main_context_invoke_full() and reaches the window only
 * through a GWeakRef, checking that its job is still the window's current
 * one and not cancelled. Cancelling: the loader checks the GCancellable
 * between chunks, the backtest runs in chunks of CHUNK_TICKS with a check
 * between them, and a sweep's cancellable is bridged to ts_sweep_cancel().
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "core/ts-param-spec.h"
#include "core/ts-strategy-info.h"
#include "core/ts-sweep.h"
#include "feed/ts-history-loader.h"
#include "store/ts-trade-csv-writer.h"
#include "ts-backtest-window.h"
#include "ts-equity-chart.h"
#include "ts-format.h"
#include "ts-heatmap.h"
#include "ts-price-chart.h"
#include "ts-trade-list.h"

#define CHUNK_TICKS        65536
#define MAX_CHART_POINTS   400000
#define MAX_BAD_LINES_SHOWN 10

/* ---- the jobs ----------------------------------------------------------- */

typedef enum
{
  JOB_RUN,
  JOB_SWEEP,
} JobKind;

typedef struct
{
  gatomicrefcount   ref;
  JobKind           kind;
  GWeakRef          window;
  GMainContext     *context;
  GCancellable     *cancellable;
  TsBacktestConfig  config;

  /* run: in */
  char            **files;
  /* run: out; sweep: in (borrowed by the sweep) */
  GArray           *ticks;         /* TsTick */

  /* sweep: in */
  TsSweep          *sweep;

  /* worker-side progress throttle */
  double            posted;
  guint             file_index;
  guint             n_files;

  /* run: out */
  TsBacktestReport  report;
  GArray           *equity;        /* TsEquityPoint */
  GArray           *trades;        /* TsTrade */
  GArray           *fills;         /* TsFill */
  GArray           *points;        /* TsChartPoint */
  char              symbol[2 * TS_SYMBOL_MAX];   /* "BTCUSDT", "BTCUSDT/ETHUSDT" */
  char              chart_symbol[TS_SYMBOL_MAX]; /* the one (leg A) charted */
  GString          *notes;         /* bad rows skipped, one line per file */

  /* sweep: out */
  GArray           *cells;         /* TsSweepCell */
} Job;

static Job *
job_new (JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  g_atomic_ref_count_init (&job->ref);
  job->kind = kind;
  job->context = g_main_context_ref_thread_default ();
  job->cancellable = g_cancellable_new ();
  job->posted = -1;
  job->notes = g_string_new (NULL);
  return job;
}

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref);
  return job;
}

static void
job_unref (Job *job)
{
  if (!g_atomic_ref_count_dec (&job->ref))
    return;

  g_weak_ref_clear (&job->window);
  g_main_context_unref (job->context);
  g_object_unref (job->cancellable);
  g_strfreev (job->files);
  g_clear_pointer (&job->sweep, ts_sweep_free);
  g_clear_pointer (&job->ticks, g_array_unref);
  g_clear_pointer (&job->equity, g_array_unref);
  g_clear_pointer (&job->trades, g_array_unref);
  g_clear_pointer (&job->fills, g_array_unref);
  g_clear_pointer (&job->points, g_array_unref);
  g_clear_pointer (&job->cells, g_array_unref);
  g_string_free (job->notes, TRUE);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_unref)

/* ---- the window --------------------------------------------------------- */

typedef struct
{
  char              *key;    /* the settings key: prefix + spec key */
  const TsParamSpec *spec;
  int                owner;  /* 0 strategy, 1 risk, 2 broker */
} AxisKey;

typedef struct
{
  GtkDropDown   *dropdown;
  GtkSpinButton *from;
  GtkSpinButton *to;
  GtkSpinButton *steps;
} AxisControls;

typedef enum
{
  COL_AXIS0,
  COL_AXIS1,
  COL_TRADES,
  COL_WIN_RATE,
  COL_TOTAL_PNL,
  COL_PROFIT_FACTOR,
  COL_MAX_DRAWDOWN,
  COL_SHARPE,
  N_COLS
} SweepColumn;

struct _TsBacktestWindow
{
  AdwWindow          parent_instance;

  /* template */
  AdwToastOverlay   *toast_overlay;
  GtkDropDown       *strategy_dropdown;
  GtkEntry          *symbols_entry;
  GtkWidget         *run_button;
  GtkWidget         *cancel_button;
  GtkRevealer       *progress_revealer;
  GtkProgressBar    *progress_bar;
  AdwViewStack      *view_stack;
  GtkStack          *results_stack;
  AdwStatusPage     *error_page;
  GtkLabel          *summary_label;
  GtkLabel          *notes_label;
  GtkGrid           *metrics_grid;
  TsEquityChart     *equity_chart;
  TsEquityChart     *drawdown_chart;
  TsPriceChart      *price_chart;
  TsTradeList       *trade_list;
  GtkGrid           *axis0_grid;
  GtkGrid           *axis1_grid;
  GtkDropDown       *metric_dropdown;
  GtkLabel          *sweep_status;
  TsHeatmap         *heatmap;
  GtkColumnView     *sweep_view;

  GSettings         *settings;
  TsBacktestConfig   config;
  TsBacktestState    state;
  char              *message;
  Job               *job;

  /* the last run's results */
  char             **files;
  gboolean           has_report;
  TsBacktestReport   report;
  TsBacktestConfig   report_config;
  GArray            *ticks;
  GArray            *equity;
  GArray            *trades;
  GHashTable        *metric_labels;  /* id → GtkLabel */
  GtkLabel          *trades_detail;

  /* the sweep */
  GPtrArray         *axis_keys;      /* AxisKey, the choices of the dropdowns */
  AxisControls       axes[TS_SWEEP_MAX_AXES];
  GArray            *cells;          /* TsSweepCell of the last sweep */
  char              *sweep_keys[TS_SWEEP_MAX_AXES];
  guint              sweep_n[TS_SWEEP_MAX_AXES];
  const TsParamSpec *sweep_specs[TS_SWEEP_MAX_AXES];
  TsBacktestMetric   metric;
  GListStore        *sweep_store;    /* GtkStringObject: the cell index */
  GtkColumnViewColumn *sweep_columns[N_COLS];

  int                export_kind;
};

G_DEFINE_FINAL_TYPE (TsBacktestWindow, ts_backtest_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  TsBacktestMetric metric;
  const char      *title;
  int              digits;
  gboolean         percent;
} metric_info[] = {
  { TS_BACKTEST_METRIC_TOTAL_PNL, N_("Total P&L"), 2, FALSE },
  { TS_BACKTEST_METRIC_SHARPE, N_("Sharpe"), 3, FALSE },
  { TS_BACKTEST_METRIC_MAX_DRAWDOWN, N_("Max Drawdown"), 3, TRUE },
  { TS_BACKTEST_METRIC_WIN_RATE, N_("Win Rate"), 1, TRUE },
  { TS_BACKTEST_METRIC_PROFIT_FACTOR, N_("Profit Factor"), 3, FALSE },
  { TS_BACKTEST_METRIC_TRADES, N_("Trades"), 0, FALSE },
};

double
ts_backtest_metric_value (const TsBacktestReport *report,
                          TsBacktestMetric        metric)
{
  g_return_val_if_fail (report != NULL, NAN);

  switch (metric)
    {
    case TS_BACKTEST_METRIC_TOTAL_PNL:
      return report->stats.total_pnl;
    case TS_BACKTEST_METRIC_SHARPE:
      return report->stats.sharpe;
    case TS_BACKTEST_METRIC_MAX_DRAWDOWN:
      return report->stats.max_drawdown;
    case TS_BACKTEST_METRIC_WIN_RATE:
      return report->stats.win_rate;
    case TS_BACKTEST_METRIC_PROFIT_FACTOR:
      return report->stats.profit_factor;
    case TS_BACKTEST_METRIC_TRADES:
      return report->stats.trades;
    default:
      g_return_val_if_reached (NAN);
    }
}

/* the config's strategy ("momentum" before one was chosen) */
static const char *
strategy_name (const TsBacktestConfig *config)
{
  return config->strategy != NULL ? config->strategy : "momentum";
}

static void
show_toast (TsBacktestWindow *self,
            const char       *text)
{
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_state (TsBacktestWindow *self,
           TsBacktestState   state,
           const char       *message)
{
  gboolean busy = state == TS_BACKTEST_STATE_RUNNING;

  g_free (self->message);
  self->message = g_strdup (message);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.run", !busy && self->files != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.run-sweep", !busy && self->ticks != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-trades", !busy && self->has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-equity", !busy && self->has_report);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-sweep", !busy && self->cells != NULL);
  gtk_widget_set_visible (self->cancel_button, busy);
  gtk_widget_set_visible (self->run_button, !busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->strategy_dropdown), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->symbols_entry), !busy);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

/* ---- worker side -------------------------------------------------------- */

typedef struct
{
  Job    *job;
  double  fraction;
  char   *text;
} ProgressMsg;

static void
progress_msg_free (gpointer data)
{
  ProgressMsg *msg = data;

  job_unref (msg->job);
  g_free (msg->text);
  g_free (msg);
}

static gboolean
progress_in_main (gpointer data)
{
  ProgressMsg *msg = data;
  g_autoptr(TsBacktestWindow) self = g_weak_ref_get (&msg->job->window);

  if (self == NULL || self->job != msg->job || g_cancellable_is_cancelled (msg->job->cancellable))
    return G_SOURCE_REMOVE;
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (msg->fraction, 0, 1));
  gtk_progress_bar_set_text (self->progress_bar, msg->text);
  return G_SOURCE_REMOVE;
}

/* from the worker: at most one message per 0.5 % */
static void
post_progress (Job        *job,
               double      fraction,
               const char *text)
{
  ProgressMsg *msg;

  if (fraction < 1 && fraction - job->posted < 0.005)
    return;
  job->posted = fraction;
  msg = g_new0 (ProgressMsg, 1);
  msg->job = job_ref (job);
  msg->fraction = fraction;
  msg->text = g_strdup (text);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_in_main,
                              msg, progress_msg_free);
}

static void
on_load_progress (const char *path,
                  double      fraction,
                  gpointer    user_data)
{
  Job *job = user_data;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *text = g_strdup_printf (_("Reading %s"), name);

  /* loading is the first half of the bar */
  post_progress (job, 0.5 * (job->file_index + CLAMP (fraction, 0, 1)) / MAX (job->n_files, 1), text);
}

static void
note_bad_lines (Job             *job,
                TsHistoryLoader *loader,
                const char      *path)
{
  g_autofree char *name = g_filename_display_basename (path);
  const guint *lines;
  guint n = 0;

  lines = ts_history_loader_get_bad_lines (loader, path, &n);
  if (lines == NULL || n == 0)
    return;
  g_string_append_printf (job->notes,
                          ngettext ("%s: %u bad row skipped (line ", "%s: %u bad rows skipped (lines ", n),
                          name, n);
  for (guint i = 0; i < MIN (n, MAX_BAD_LINES_SHOWN); i++)
    g_string_append_printf (job->notes, "%s%u", i > 0 ? ", " : "", lines[i]);
  g_string_append_printf (job->notes, "%s)\n", n > MAX_BAD_LINES_SHOWN ? ", …" : "");
}

/* the traded symbol's trades as chart points; when there are more than
 * MAX_CHART_POINTS, each group of points gives its lowest and highest in
 * time order, so the chart keeps every extreme */
static GArray *
chart_points (const GArray *ticks,
              const char   *symbol)
{
  const TsTick *t = (const TsTick *) (gpointer) ticks->data;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (TsChartPoint));
  GArray *out;
  guint group;

  for (guint i = 0; i < ticks->len; i++)
    if ((t[i].flags & TS_TICK_TRADE) != 0 && (symbol[0] == '\0' || strcmp (t[i].symbol, symbol) == 0))
      {
        TsChartPoint p = { t[i].time_us, t[i].price, NAN, NAN };

        g_array_append_val (all, p);
      }
  if (all->len <= MAX_CHART_POINTS)
    return g_steal_pointer (&all);

  group = (all->len + MAX_CHART_POINTS / 2 - 1) / (MAX_CHART_POINTS / 2);
  out = g_array_sized_new (FALSE, FALSE, sizeof (TsChartPoint), MAX_CHART_POINTS + 2);
  for (guint i = 0; i < all->len; i += group)
    {
      const TsChartPoint *p = &g_array_index (all, TsChartPoint, i);
      guint n = MIN (group, all->len - i), lo = 0, hi = 0;

      for (guint k = 1; k < n; k++)
        {
          if (p[k].price < p[lo].price)
            lo = k;
          if (p[k].price > p[hi].price)
            hi = k;
        }
      g_array_append_val (out, p[MIN (lo, hi)]);
      if (lo != hi)
        g_array_append_val (out, p[MAX (lo, hi)]);
    }
  return out;
}

static int
compare_tick_time (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  gint64 ta = ((const TsTick *) a)->time_us;
  gint64 tb = ((const TsTick *) b)->time_us;

  return ta < tb ? -1 : ta > tb ? 1 : 0;
}

/* the symbols of a two-symbol strategy left empty: A the first file's
 * symbol, B the next file's other symbol (a one-symbol strategy with none
 * trades the first symbol with a trade: ts_backtest_new()) */
static gboolean
choose_symbols (TsBacktestConfig *config,
                GPtrArray        *file_symbols,
                GError          **error)
{
  const TsStrategyInfo *info = ts_strategy_info_lookup (strategy_name (config));

  if (info == NULL || info->n_symbols < 2)
    return TRUE;
  for (guint s = 0; s < info->n_symbols && s < TS_STRATEGY_MAX_SYMBOLS; s++)
    {
      if (config->symbols[s][0] != '\0')
        continue;
      for (guint f = 0; f < file_symbols->len && config->symbols[s][0] == '\0'; f++)
        {
          const char *sym = g_ptr_array_index (file_symbols, f);
          gboolean taken = FALSE;

          for (guint k = 0; k < info->n_symbols && k < TS_STRATEGY_MAX_SYMBOLS; k++)
            taken |= strcmp (config->symbols[k], sym) == 0;
          if (!taken)
            g_strlcpy (config->symbols[s], sym, sizeof config->symbols[s]);
        }
      if (config->symbols[s][0] == '\0')
        {
          g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                       _("%s trades %u symbols, but the files hold trades of fewer: open one file per "
                         "symbol (A first, then B) or enter them as A,B in the symbols field"),
                       _(info->title), info->n_symbols);
          return FALSE;
        }
    }
  return ts_backtest_config_check (config, error);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(TsHistoryLoader) loader = ts_history_loader_new ();
  g_autoptr(TsBacktest) bt = NULL;
  GError *error = NULL;
  const TsTick *ticks;
  const TsEquityPoint *equity;
  const TsTrade *trades;
  const TsFill *fills;
  g_autoptr(GPtrArray) file_symbols = NULL;
  gboolean sorted = TRUE;
  guint n;

  job->n_files = g_strv_length (job->files);
  file_symbols = g_ptr_array_new_with_free_func (g_free);
  job->ticks = g_array_new (FALSE, FALSE, sizeof (TsTick));
  for (job->file_index = 0; job->file_index < job->n_files; job->file_index++)
    {
      const char *path = job->files[job->file_index];
      g_autoptr(GArray) file_ticks = NULL;
      const TsTick *ft;

      if (!ts_history_loader_add_file (loader, path, cancellable, on_load_progress, job, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      note_bad_lines (job, loader, path);
      /* one file at a time, to learn its symbol (the first of its trades) */
      file_ticks = ts_history_loader_steal_ticks (loader);
      ft = (const TsTick *) (gpointer) file_ticks->data;
      for (guint i = 0; i < file_ticks->len; i++)
        if ((ft[i].flags & TS_TICK_TRADE) != 0 && ft[i].symbol[0] != '\0')
          {
            g_ptr_array_add (file_symbols, g_strdup (ft[i].symbol));
            break;
          }
      if (file_ticks->len > 0 && job->ticks->len > 0 &&
          ft[0].time_us < g_array_index (job->ticks, TsTick, job->ticks->len - 1).time_us)
        sorted = FALSE;
      g_array_append_vals (job->ticks, file_ticks->data, file_ticks->len);
    }
  /* the loader's merge: a stable sort by time, ties in file order */
  if (!sorted)
    g_qsort_with_data (job->ticks->data, (gint) job->ticks->len, sizeof (TsTick), compare_tick_time, NULL);
  if (job->ticks->len == 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The files hold no tick"));
      return;
    }

  if (!choose_symbols (&job->config, file_symbols, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  bt = ts_backtest_new (&job->config);
  ticks = (const TsTick *) (gpointer) job->ticks->data;
  for (gsize off = 0; off < job->ticks->len; off += CHUNK_TICKS)
    {
      gsize len = MIN ((gsize) CHUNK_TICKS, job->ticks->len - off);
      g_autofree char *text = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      ts_backtest_run (bt, ticks + off, len, 0, NULL, NULL);
      text = g_strdup_printf (_("Running over %u ticks"), job->ticks->len);
      post_progress (job, 0.5 + 0.5 * (double) (off + len) / job->ticks->len, text);
    }

  ts_backtest_get_report (bt, &job->report);
  equity = ts_backtest_get_equity_curve (bt, &n);
  job->equity = g_array_sized_new (FALSE, FALSE, sizeof (TsEquityPoint), n);
  g_array_append_vals (job->equity, equity, n);
  trades = ts_backtest_get_trades (bt, &n);
  job->trades = g_array_sized_new (FALSE, FALSE, sizeof (TsTrade), n);
  g_array_append_vals (job->trades, trades, n);
  /* the symbols the strategy traded (A and B for pairs); the chart shows
   * the first (leg A) with its own fills */
  for (guint i = 0; i < ts_strategy_info_lookup (ts_backtest_get_strategy (bt))->n_symbols; i++)
    {
      const char *sym = ts_backtest_get_symbol (bt, i);

      if (sym == NULL || sym[0] == '\0')
        continue;
      if (job->symbol[0] != '\0')
        g_strlcat (job->symbol, "/", sizeof job->symbol);
      g_strlcat (job->symbol, sym, sizeof job->symbol);
      if (job->chart_symbol[0] == '\0')
        g_strlcpy (job->chart_symbol, sym, sizeof job->chart_symbol);
    }
  fills = ts_engine_get_fills (ts_backtest_get_engine (bt), &n);
  job->fills = g_array_sized_new (FALSE, FALSE, sizeof (TsFill), n);
  for (guint i = 0; i < n; i++)
    if (job->chart_symbol[0] == '\0' || strcmp (fills[i].symbol, job->chart_symbol) == 0)
      g_array_append_val (job->fills, fills[i]);
  /* no symbol traded (no trade tick of it): chart the first file's */
  job->points = chart_points (job->ticks, job->chart_symbol[0] != '\0' ? job->chart_symbol
                                          : file_symbols->len > 0 ? g_ptr_array_index (file_symbols, 0)
                                          : "");

  g_task_return_boolean (task, TRUE);
}

static void
cancel_sweep (GCancellable *cancellable,
              gpointer      user_data)
{
  ts_sweep_cancel (user_data);
}

static void
on_sweep_progress (guint    done,
                   guint    total,
                   gpointer user_data)
{
  Job *job = user_data;
  g_autofree char *text = g_strdup_printf (_("%u of %u backtests"), done, total);

  post_progress (job, total > 0 ? (double) done / total : 1, text);
}

static void
sweep_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  const TsSweepCell *cells;
  gulong handler;
  gboolean ok;
  guint n = 0;

  handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_sweep), job->sweep, NULL);
  ok = ts_sweep_run (job->sweep, 0, on_sweep_progress, job, &error);
  g_cancellable_disconnect (cancellable, handler);

  cells = ts_sweep_get_cells (job->sweep, &n);
  job->cells = g_array_sized_new (FALSE, FALSE, sizeof (TsSweepCell), n);
  g_array_append_vals (job->cells, cells, n);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* ---- showing results ---------------------------------------------------- */

static void
set_metric (TsBacktestWindow *self,
            const char       *id,
            char             *text)
{
  GtkLabel *label = g_hash_table_lookup (self->metric_labels, id);

  g_return_if_fail (label != NULL);
  gtk_label_set_text (label, text);
  g_free (text);
}

static char *
format_g4 (double value)
{
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");
  if (isnan (value))
    return g_strdup ("—");
  /* a real minus sign, as ts_format_number() */
  if (value < 0)
    return g_strdup_printf ("−%.4g", -value);
  return g_strdup_printf ("%.4g", value);
}

static char *
format_money (double value)
{
  return ts_format_number (value, 2, FALSE);
}

static void
show_report (TsBacktestWindow *self,
             Job              *job)
{
  const TsBacktestReport *r = &job->report;
  const TsLedgerStats *s = &r->stats;
  const TsStrategyInfo *info = ts_strategy_info_lookup (strategy_name (&job->config));
  g_autofree char *first = ts_format_date_time_us (r->first_time_us);
  g_autofree char *last = ts_format_date_time_us (r->last_time_us);
  g_autofree char *summary = NULL;
  g_autofree char *files = NULL;
  g_autofree char *detail = NULL;

  {
    g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
    g_auto(GStrv) v = NULL;

    for (guint i = 0; job->files[i] != NULL; i++)
      {
        g_autofree char *name = g_filename_display_basename (job->files[i]);

        g_strv_builder_add (names, name);
      }
    v = g_strv_builder_end (names);
    files = g_strjoinv (", ", v);
  }
  {
    g_autofree char *escaped = g_markup_escape_text (files, -1);
    g_autofree char *title = g_markup_escape_text (info != NULL && info->title != NULL ? _(info->title)
                                                   : job->config.strategy != NULL ? job->config.strategy
                                                   : "momentum", -1);
    g_autofree char *sym = g_markup_escape_text (job->symbol[0] != '\0' ? job->symbol : _("(no symbol)"), -1);
    g_autofree char *trades = NULL;
    g_autofree char *chart = NULL;

    if (s->trades == 0)
      trades = g_strdup (s->open_positions > 0 ? _("<b>0 trades</b> closed (a position is still open)")
                                               : _("<b>0 trades</b>: the strategy never traded"));
    else
      trades = g_strdup_printf (ngettext ("%u trade", "%u trades", s->trades), s->trades);
    if (info != NULL && info->n_symbols > 1 && job->chart_symbol[0] != '\0')
      {
        g_autofree char *leg = g_markup_escape_text (job->chart_symbol, -1);

        chart = g_strdup_printf (_(" · the chart shows leg A, %s"), leg);
      }
    summary = g_strdup_printf (_("<b>%s</b> on <b>%s</b> · %s%s\n%s to %s UTC (%.4g days) · %s"),
                               title, sym, trades, chart != NULL ? chart : "", first, last,
                               (double) r->span_us / (86400.0 * G_USEC_PER_SEC), escaped);
  }
  if (r->ticks_pushed > 0 && r->ticks_ignored == r->ticks_pushed)
    g_string_append_printf (job->notes, _("No tick of %s in the files: check the symbols\n"),
                            job->symbol[0] != '\0' ? job->symbol : _("the chosen symbols"));
  gtk_label_set_markup (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), job->notes->len > 0);
  if (job->notes->len > 0)
    {
      g_autofree char *notes = g_strndup (job->notes->str, job->notes->len - 1);

      gtk_label_set_text (self->notes_label, notes);
    }

  /* the CLI's figures and precision (tickscope-backtest's text report) */
  set_metric (self, "trades", g_strdup_printf ("%u", s->trades));
  if (s->trades == 0)
    detail = g_strdup (s->open_positions > 0 ? _("none closed; a position is open") : _("no trade"));
  else
    detail = g_strdup_printf (_("%u wins, %u losses"), s->wins, s->losses);
  gtk_label_set_text (self->trades_detail, detail);
  /* per-trade figures mean nothing without a closed trade */
  set_metric (self, "win-rate", s->trades > 0 ? g_strdup_printf ("%.2f %%", s->win_rate * 100.0) : g_strdup ("—"));
  set_metric (self, "total-pnl", format_money (s->total_pnl));
  set_metric (self, "profit-factor", s->trades > 0 ? format_g4 (s->profit_factor) : g_strdup ("—"));
  {
    g_autofree char *amount = format_money (s->max_drawdown_amount);

    set_metric (self, "max-drawdown", g_strdup_printf ("%.4f %% (%s)", s->max_drawdown * 100.0, amount));
  }
  set_metric (self, "sharpe", format_g4 (s->sharpe));
  set_metric (self, "sortino", format_g4 (s->sortino));
  set_metric (self, "expectancy", s->trades > 0 ? ts_format_number (s->expectancy, 4, FALSE) : g_strdup ("—"));
  set_metric (self, "avg-win", s->wins > 0 ? format_money (s->avg_win) : g_strdup ("—"));
  set_metric (self, "avg-loss", s->losses > 0 ? format_money (s->avg_loss) : g_strdup ("—"));
  set_metric (self, "fees", format_money (s->fees));
  set_metric (self, "equity", format_money (s->equity));
  set_metric (self, "exposure", g_strdup_printf ("%.2f %%", s->exposure * 100.0));
  /* over less than a day the exponent turns any change into ±100 %: not
   * shown (the tooltip has the figure) */
  {
    GtkLabel *cagr = g_hash_table_lookup (self->metric_labels, "cagr");
    g_autofree char *tip = NULL;

    if (r->span_us < (gint64) 86400 * G_USEC_PER_SEC)
      {
        set_metric (self, "cagr", g_strdup (_("— (under a day)")));
        tip = g_strdup_printf (_("%.6g %%: not meaningful over less than a day"), r->cagr * 100.0);
      }
    else
      set_metric (self, "cagr", g_strdup_printf ("%.6g %%", r->cagr * 100.0));
    gtk_widget_set_tooltip_text (GTK_WIDGET (cagr), tip);
  }
  if (r->ticks_ignored > 0)
    set_metric (self, "ticks", g_strdup_printf (_("%" G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT " ignored)"),
                                                r->ticks_pushed, r->ticks_ignored));
  else
    set_metric (self, "ticks", g_strdup_printf ("%" G_GUINT64_FORMAT, r->ticks_pushed));

  ts_equity_chart_set_points (self->equity_chart, (const TsEquityPoint *) (gpointer) job->equity->data,
                              job->equity->len);
  ts_equity_chart_set_points (self->drawdown_chart, (const TsEquityPoint *) (gpointer) job->equity->data,
                              job->equity->len);

  ts_price_chart_clear (self->price_chart);
  ts_price_chart_append_points (self->price_chart, (const TsChartPoint *) (gpointer) job->points->data,
                                job->points->len);
  ts_price_chart_add_fills (self->price_chart, (const TsFill *) (gpointer) job->fills->data,
                            job->fills->len);
  ts_price_chart_set_span (self->price_chart, MAX (1.0, (double) r->span_us / G_USEC_PER_SEC + 1));

  ts_trade_list_clear (self->trade_list);
  ts_trade_list_add_trades (self->trade_list, (const TsTrade *) (gpointer) job->trades->data,
                            job->trades->len);

  gtk_stack_set_visible_child_name (self->results_stack, "results");
}

static void sweep_refresh (TsBacktestWindow *self);

static void
on_job_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(TsBacktestWindow) self = g_weak_ref_get (&job->window);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self == NULL || self->job != job)
    return; /* the window is gone, or a newer job replaced this one */
  g_clear_pointer (&self->job, job_unref);

  if (g_cancellable_is_cancelled (job->cancellable) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, TS_SWEEP_ERROR, TS_SWEEP_ERROR_CANCELLED))
    {
      const char *text = job->kind == JOB_RUN ? _("Backtest cancelled") : _("Sweep cancelled");

      if (job->kind == JOB_SWEEP)
        gtk_label_set_text (self->sweep_status, text);
      show_toast (self, text);
      set_state (self, TS_BACKTEST_STATE_CANCELLED, text);
      return;
    }

  if (!ok)
    {
      g_autofree char *text = g_strdup_printf (job->kind == JOB_RUN ? _("Could not run the backtest: %s")
                                                                     : _("Could not run the sweep: %s"),
                                               error->message);

      if (job->kind == JOB_RUN)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->results_stack, "error");
        }
      else
        gtk_label_set_text (self->sweep_status, text);
      show_toast (self, text);
      set_state (self, TS_BACKTEST_STATE_FAILED, text);
      return;
    }

  if (job->kind == JOB_RUN)
    {
      self->has_report = TRUE;
      self->report = job->report;
      self->report_config = job->config;
      g_clear_pointer (&self->ticks, g_array_unref);
      self->ticks = g_array_ref (job->ticks);
      g_clear_pointer (&self->equity, g_array_unref);
      self->equity = g_array_ref (job->equity);
      g_clear_pointer (&self->trades, g_array_unref);
      self->trades = g_array_ref (job->trades);
      show_report (self, job);
      gtk_label_set_text (self->sweep_status,
                          _("Choose one or two parameters and their ranges, then Run Sweep."));
      if (job->notes->len > 0)
        show_toast (self, _("See the notes above the metrics"));
    }
  else
    {
      g_autofree char *text = NULL;

      g_clear_pointer (&self->cells, g_array_unref);
      self->cells = g_array_ref (job->cells);
      sweep_refresh (self);
      text = g_strdup_printf (ngettext ("%u backtest done", "%u backtests done", self->cells->len),
                              self->cells->len);
      gtk_label_set_text (self->sweep_status, text);
    }
  set_state (self, TS_BACKTEST_STATE_DONE, NULL);
}

static void
start_job (TsBacktestWindow *self,
           Job              *job,
           GTaskThreadFunc   func)
{
  g_autoptr(GTask) task = NULL;

  ts_backtest_window_cancel (self);
  g_weak_ref_init (&job->window, self);
  self->job = job_ref (job);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, job->kind == JOB_RUN ? _("Starting") : _("Starting the sweep"));
  set_state (self, TS_BACKTEST_STATE_RUNNING, NULL);

  task = g_task_new (NULL, job->cancellable, on_job_done, job_ref (job));
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job_ref (job), (GDestroyNotify) job_unref);
  g_task_run_in_thread (task, func);
}

/* ---- the sweep page ----------------------------------------------------- */

static char *
format_axis_value (const TsParamSpec *spec,
                   double             value)
{
  if (spec == NULL)
    return g_strdup_printf ("%g", value);
  if (spec->type == TS_PARAM_DOUBLE)
    return g_strdup_printf ("%.*f", (int) MIN (spec->digits + 1, 8), value);
  return ts_param_spec_format (spec, value);
}

static void
sweep_refresh (TsBacktestWindow *self)
{
  const TsSweepCell *cells;
  g_autofree double *values = NULL;
  g_auto(GStrv) labels0 = NULL;
  g_auto(GStrv) labels1 = NULL;
  guint n, n0 = self->sweep_n[0], n1 = MAX (self->sweep_n[1], 1);
  guint mi = 0;

  if (self->cells == NULL)
    return;

  cells = (const TsSweepCell *) (gpointer) self->cells->data;
  n = self->cells->len;
  for (guint k = 0; k < G_N_ELEMENTS (metric_info); k++)
    if (metric_info[k].metric == self->metric)
      mi = k;

  values = g_new (double, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    values[k] = cells[k].done ? ts_backtest_metric_value (&cells[k].report, self->metric) : NAN;

  labels0 = g_new0 (char *, n0 + 1);
  for (guint i = 0; i < n0; i++)
    labels0[i] = format_axis_value (self->sweep_specs[0], cells[i * n1].values[0]);
  labels1 = g_new0 (char *, n1 + 1);
  for (guint j = 0; j < n1; j++)
    labels1[j] = format_axis_value (self->sweep_specs[1], cells[j].values[1]);

  if (self->sweep_keys[1] != NULL)
    {
      ts_heatmap_set_data (self->heatmap, n0, n1, values,
                           (const char * const *) labels0, (const char * const *) labels1);
      ts_heatmap_set_titles (self->heatmap, self->sweep_keys[0], self->sweep_keys[1],
                             _(metric_info[mi].title), metric_info[mi].digits, metric_info[mi].percent);
    }
  else
    {
      /* one axis: one row, the values along x */
      ts_heatmap_set_data (self->heatmap, 1, n0, values, NULL, (const char * const *) labels0);
      ts_heatmap_set_titles (self->heatmap, NULL, self->sweep_keys[0],
                             _(metric_info[mi].title), metric_info[mi].digits, metric_info[mi].percent);
    }

  gtk_column_view_column_set_title (self->sweep_columns[COL_AXIS0], self->sweep_keys[0]);
  gtk_column_view_column_set_title (self->sweep_columns[COL_AXIS1],
                                    self->sweep_keys[1] != NULL ? self->sweep_keys[1] : "");
  gtk_column_view_column_set_visible (self->sweep_columns[COL_AXIS1], self->sweep_keys[1] != NULL);
  if ((guint) g_list_model_get_n_items (G_LIST_MODEL (self->sweep_store)) != n)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint k = 0; k < n; k++)
        {
          char index[16];

          g_snprintf (index, sizeof index, "%u", k);
          g_ptr_array_add (items, gtk_string_object_new (index));
        }
      g_list_store_splice (self->sweep_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->sweep_store)),
                           items->pdata, items->len);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self->sweep_store), 0, n, n);
}

static const TsSweepCell *
cell_of_item (TsBacktestWindow *self,
              gpointer          item)
{
  guint64 index = g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);

  if (self->cells == NULL || index >= self->cells->len)
    return NULL;
  return &g_array_index (self->cells, TsSweepCell, index);
}

static double
column_value (const TsSweepCell *cell,
              SweepColumn        col)
{
  switch (col)
    {
    case COL_AXIS0:
      return cell->values[0];
    case COL_AXIS1:
      return cell->values[1];
    case COL_TRADES:
      return ts_backtest_metric_value (&cell->report, TS_BACKTEST_METRIC_TRADES);
    case COL_WIN_RATE:
      return ts_backtest_metric_value (&cell->report, TS_BACKTEST_METRIC_WIN_RATE);
    case COL_TOTAL_PNL:
      return ts_backtest_metric_value (&cell->report, TS_BACKTEST_METRIC_TOTAL_PNL);
    case COL_PROFIT_FACTOR:
      return ts_backtest_metric_value (&cell->report, TS_BACKTEST_METRIC_PROFIT_FACTOR);
    case COL_MAX_DRAWDOWN:
      return ts_backtest_metric_value (&cell->report, TS_BACKTEST_METRIC_MAX_DRAWDOWN);
    case COL_SHARPE:
      return ts_backtest_metric_value (&cell->report, TS_BACKTEST_METRIC_SHARPE);
    case N_COLS:
    default:
      return NAN;
    }
}

static char *
column_text (TsBacktestWindow  *self,
             const TsSweepCell *cell,
             SweepColumn        col)
{
  double v = column_value (cell, col);

  if (col == COL_AXIS0 || col == COL_AXIS1)
    return format_axis_value (self->sweep_specs[col - COL_AXIS0], v);
  if (!cell->done)
    return g_strdup ("—");
  switch (col)
    {
    case COL_TRADES:
      return g_strdup_printf ("%u", cell->report.stats.trades);
    case COL_WIN_RATE:
    case COL_MAX_DRAWDOWN:
      return g_strdup_printf ("%.2f %%", v * 100.0);
    case COL_TOTAL_PNL:
      return format_money (v);
    case COL_PROFIT_FACTOR:
    case COL_SHARPE:
      return format_g4 (v);
    case COL_AXIS0:
    case COL_AXIS1:
    case N_COLS:
    default:
      return g_strdup ("");
    }
}

typedef struct
{
  TsBacktestWindow *self;
  SweepColumn       col;
} ColumnData;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  ColumnData *data = user_data;
  const TsSweepCell *cell = cell_of_item (data->self, gtk_list_item_get_item (item));
  g_autofree char *text = cell != NULL ? column_text (data->self, cell, data->col) : g_strdup ("");

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ColumnData *data = user_data;
  const TsSweepCell *ca = cell_of_item (data->self, (gpointer) a);
  const TsSweepCell *cb = cell_of_item (data->self, (gpointer) b);
  double va, vb;

  if (ca == NULL || cb == NULL)
    return ca == cb ? 0 : ca == NULL ? -1 : 1;
  va = column_value (ca, data->col);
  vb = column_value (cb, data->col);
  if (isnan (va) || isnan (vb))
    return isnan (va) && isnan (vb) ? 0 : isnan (va) ? -1 : 1;
  return va < vb ? -1 : va > vb ? 1 : (int) ca->index - (int) cb->index;
}

static void
setup_sweep_view (TsBacktestWindow *self)
{
  static const char *titles[N_COLS] = {
    "", "", N_("Trades"), N_("Win Rate"), N_("Total P&L"), N_("Profit Factor"),
    N_("Max Drawdown"), N_("Sharpe"),
  };
  GtkSortListModel *sorted;

  self->sweep_store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  for (guint c = 0; c < N_COLS; c++)
    {
      ColumnData *data = g_new0 (ColumnData, 1);
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkCustomSorter *sorter;

      data->self = self;
      data->col = c;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), data);
      g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell), data,
                             (GClosureNotify) (void (*) (void)) g_free, 0);
      self->sweep_columns[c] = gtk_column_view_column_new (titles[c][0] != '\0' ? _(titles[c]) : "",
                                                           factory);
      gtk_column_view_column_set_expand (self->sweep_columns[c], TRUE);
      sorter = gtk_custom_sorter_new (compare_cells, data, NULL);
      gtk_column_view_column_set_sorter (self->sweep_columns[c], GTK_SORTER (sorter));
      g_object_unref (sorter);
      gtk_column_view_append_column (self->sweep_view, self->sweep_columns[c]);
      g_object_unref (self->sweep_columns[c]); /* the view holds it */
    }

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->sweep_store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->sweep_view)));
  gtk_column_view_set_model (self->sweep_view, GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));
}

static void
axis_key_free (gpointer data)
{
  AxisKey *k = data;

  g_free (k->key);
  g_free (k);
}

static gconstpointer
owner_params (TsBacktestWindow *self,
              int               owner)
{
  switch (owner)
    {
    case 1:
      return &self->config.risk;
    case 2:
      return &self->config.broker;
    default:
      return ts_backtest_config_get_params (&self->config);
    }
}

static void
add_axis_keys (TsBacktestWindow  *self,
               GtkStringList     *names,
               const char        *prefix,
               const TsParamSpec *specs,
               guint              n_specs,
               int                owner)
{
  for (guint i = 0; i < n_specs; i++)
    {
      AxisKey *k;
      g_autofree char *name = NULL;

      if (specs[i].type == TS_PARAM_CHOICE)
        continue;
      k = g_new0 (AxisKey, 1);
      k->key = g_strconcat (prefix, specs[i].key, NULL);
      k->spec = &specs[i];
      k->owner = owner;
      g_ptr_array_add (self->axis_keys, k);
      name = g_strdup_printf ("%s (%s)", _(specs[i].label), k->key);
      gtk_string_list_append (names, name);
    }
}

static void
on_axis_key_changed (TsBacktestWindow *self)
{
  for (guint a = 0; a < TS_SWEEP_MAX_AXES; a++)
    {
      AxisControls *c = &self->axes[a];
      guint sel = gtk_drop_down_get_selected (c->dropdown);
      guint index = a == 0 ? sel : sel - 1; /* axis 1 starts with "None" */
      const AxisKey *k;
      double value, step;

      gtk_widget_set_sensitive (GTK_WIDGET (c->from), sel != GTK_INVALID_LIST_POSITION && !(a == 1 && sel == 0));
      gtk_widget_set_sensitive (GTK_WIDGET (c->to), gtk_widget_get_sensitive (GTK_WIDGET (c->from)));
      gtk_widget_set_sensitive (GTK_WIDGET (c->steps), gtk_widget_get_sensitive (GTK_WIDGET (c->from)));
      if (sel == GTK_INVALID_LIST_POSITION || (a == 1 && sel == 0) || index >= self->axis_keys->len)
        continue;
      k = g_ptr_array_index (self->axis_keys, index);
      if (g_object_get_data (G_OBJECT (c->dropdown), "key") == k)
        continue;
      g_object_set_data (G_OBJECT (c->dropdown), "key", (gpointer) k);

      value = ts_param_spec_get_value (k->spec, owner_params (self, k->owner));
      step = k->spec->step > 0 ? k->spec->step : 1;
      for (guint s = 0; s < 2; s++)
        {
          GtkSpinButton *spin = s == 0 ? c->from : c->to;

          gtk_spin_button_set_digits (spin, k->spec->digits);
          gtk_spin_button_set_increments (spin, step, step * 10);
          gtk_spin_button_set_range (spin, k->spec->min, k->spec->max);
        }
      gtk_spin_button_set_value (c->from, value);
      gtk_spin_button_set_value (c->to, MIN (k->spec->max, value + 4 * step));
      gtk_spin_button_set_value (c->steps, k->spec->type == TS_PARAM_BOOLEAN ? 2 : 5);
    }
}

static void
rebuild_axis_keys (TsBacktestWindow *self)
{
  const TsStrategyInfo *info = ts_strategy_info_lookup (strategy_name (&self->config));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names1 = NULL;
  const TsParamSpec *specs;
  guint n = 0;

  g_ptr_array_set_size (self->axis_keys, 0);
  if (info != NULL)
    add_axis_keys (self, names, info->settings_prefix, info->specs, info->n_specs, 0);
  specs = ts_risk_params_get_specs (&n);
  add_axis_keys (self, names, "", specs, n, 1);
  specs = ts_broker_params_get_specs (&n);
  add_axis_keys (self, names, "", specs, n, 2);

  names1 = gtk_string_list_new ((const char *[]) { _("None"), NULL });
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (names)); i++)
    gtk_string_list_append (names1, gtk_string_list_get_string (names, i));

  for (guint a = 0; a < TS_SWEEP_MAX_AXES; a++)
    g_object_set_data (G_OBJECT (self->axes[a].dropdown), "key", NULL);
  gtk_drop_down_set_model (self->axes[0].dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->axes[1].dropdown, G_LIST_MODEL (names1));
  gtk_drop_down_set_selected (self->axes[0].dropdown, 0);
  gtk_drop_down_set_selected (self->axes[1].dropdown, MIN (2, self->axis_keys->len));
  on_axis_key_changed (self);
}

static void
build_axis_controls (TsBacktestWindow *self,
                     GtkGrid          *grid,
                     AxisControls     *c)
{
  const char *captions[] = { N_("From"), N_("To"), N_("Steps") };
  GtkWidget *expression_free_dropdown = gtk_drop_down_new (NULL, NULL);

  c->dropdown = GTK_DROP_DOWN (expression_free_dropdown);
  gtk_widget_set_hexpand (expression_free_dropdown, TRUE);
  gtk_grid_attach (grid, expression_free_dropdown, 0, 0, 2, 1);
  g_signal_connect_object (c->dropdown, "notify::selected", G_CALLBACK (on_axis_key_changed),
                           self, G_CONNECT_SWAPPED);
  c->from = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 1, 1));
  c->to = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 1, 1));
  c->steps = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 50, 1));
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *label = gtk_label_new (_(captions[i]));
      GtkWidget *spin = GTK_WIDGET (i == 0 ? c->from : i == 1 ? c->to : c->steps);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_hexpand (spin, TRUE);
      gtk_grid_attach (grid, label, 0, i + 1, 1, 1);
      gtk_grid_attach (grid, spin, 1, i + 1, 1, 1);
    }
}

/* from/to/steps → the axis' values (whole and without repeats for a
 * whole-number parameter) */
static GArray *
axis_values (const AxisControls *c,
             const TsParamSpec  *spec)
{
  GArray *values = g_array_new (FALSE, FALSE, sizeof (double));
  double from = gtk_spin_button_get_value (c->from);
  double to = gtk_spin_button_get_value (c->to);
  guint steps = (guint) gtk_spin_button_get_value_as_int (c->steps);

  for (guint k = 0; k < MAX (steps, 1); k++)
    {
      double v = steps > 1 ? from + (to - from) * k / (steps - 1) : from;

      if (spec->type != TS_PARAM_DOUBLE)
        v = round (v);
      if (values->len > 0 && g_array_index (values, double, values->len - 1) == v)
        continue;
      g_array_append_val (values, v);
    }
  return values;
}

/* ---- actions ------------------------------------------------------------ */

static void
on_open_response (GtkNativeDialog  *dialog,
                  int               response,
                  TsBacktestWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
      g_auto(GStrv) v = NULL;
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (paths, path);
        }
      v = g_strv_builder_end (paths);
      if (v[0] != NULL)
        ts_backtest_window_run_files (self, (const char * const *) v);
      else if (n > 0)
        show_toast (self, _("Could not open: choose local files"));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsBacktestWindow *self = TS_BACKTEST_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Open Historical Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Trade and Bar CSVs, Recordings"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.gz");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_object_unref (filter);
  g_object_unref (all);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  ts_backtest_window_rerun (TS_BACKTEST_WINDOW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ts_backtest_window_cancel (TS_BACKTEST_WINDOW (widget));
}

static void
run_sweep_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsBacktestWindow *self = TS_BACKTEST_WINDOW (widget);
  const AxisKey *k0 = g_object_get_data (G_OBJECT (self->axes[0].dropdown), "key");
  const AxisKey *k1 = NULL;
  g_autoptr(GArray) v0 = NULL;
  g_autoptr(GArray) v1 = NULL;

  if (gtk_drop_down_get_selected (self->axes[1].dropdown) > 0)
    k1 = g_object_get_data (G_OBJECT (self->axes[1].dropdown), "key");
  if (k0 == NULL)
    {
      show_toast (self, _("Choose the parameter to sweep"));
      return;
    }
  if (k1 == k0)
    k1 = NULL;
  v0 = axis_values (&self->axes[0], k0->spec);
  if (k1 != NULL)
    v1 = axis_values (&self->axes[1], k1->spec);
  ts_backtest_window_run_sweep (self, k0->key, (const double *) (gpointer) v0->data, v0->len,
                                k1 != NULL ? k1->key : NULL,
                                v1 != NULL ? (const double *) (gpointer) v1->data : NULL,
                                v1 != NULL ? v1->len : 0);
}

static void
on_export_response (GtkNativeDialog  *dialog,
                    int               response,
                    TsBacktestWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (path == NULL)
        show_toast (self, _("Could not export: choose a local file"));
      else
        {
          g_autofree char *name = g_filename_display_basename (path);

          ok = self->export_kind == 0 ? ts_backtest_window_export_trades (self, path, &error)
             : self->export_kind == 1 ? ts_backtest_window_export_equity (self, path, &error)
             : ts_backtest_window_export_sweep (self, path, &error);
          if (ok)
            {
              g_autofree char *text = g_strdup_printf (_("Exported to %s"), name);

              show_toast (self, text);
            }
          else
            {
              g_autofree char *text = g_strdup_printf (_("Could not export: %s"), error->message);

              show_toast (self, text);
            }
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsBacktestWindow *self = TS_BACKTEST_WINDOW (widget);
  GtkFileChooserNative *chooser;
  const char *name;

  if (g_str_equal (action_name, "win.export-trades"))
    {
      self->export_kind = 0;
      name = "backtest-trades.csv";
    }
  else if (g_str_equal (action_name, "win.export-equity"))
    {
      self->export_kind = 1;
      name = "backtest-equity.csv";
    }
  else
    {
      self->export_kind = 2;
      name = "backtest-sweep.csv";
    }
  chooser = gtk_file_chooser_native_new (_("Export as CSV"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_strategy_selected (TsBacktestWindow *self)
{
  guint n = 0;
  const TsStrategyInfo *infos = ts_strategy_info_list (&n);
  guint sel = gtk_drop_down_get_selected (self->strategy_dropdown);

  if (sel >= n || g_strcmp0 (self->config.strategy, infos[sel].name) == 0)
    return;
  if (!ts_backtest_config_set_strategy (&self->config, infos[sel].name, NULL))
    return;
  rebuild_axis_keys (self);
}

static void
on_metric_selected (TsBacktestWindow *self)
{
  guint sel = gtk_drop_down_get_selected (self->metric_dropdown);

  if (sel < G_N_ELEMENTS (metric_info))
    ts_backtest_window_set_metric (self, metric_info[sel].metric);
}

static void
on_cell_selected (TsBacktestWindow *self,
                  guint             row,
                  guint             col)
{
  g_autofree char *text = ts_heatmap_get_cell_text (self->heatmap, row, col);

  gtk_label_set_text (self->sweep_status, text);
}

/* ---- GObject ------------------------------------------------------------ */

static void
build_metrics_grid (TsBacktestWindow *self)
{
  static const struct { const char *id; const char *title; } metrics[] = {
    { "trades", N_("Trades") },
    { "win-rate", N_("Win Rate") },
    { "total-pnl", N_("Total P&L") },
    { "equity", N_("Final Equity") },
    { "profit-factor", N_("Profit Factor") },
    { "expectancy", N_("Expectancy per Trade") },
    { "avg-win", N_("Average Win") },
    { "avg-loss", N_("Average Loss") },
    { "max-drawdown", N_("Max Drawdown") },
    { "sharpe", N_("Sharpe") },
    { "sortino", N_("Sortino") },
    { "exposure", N_("Exposure") },
    { "fees", N_("Fees Paid") },
    { "cagr", N_("CAGR") },
    { "ticks", N_("Ticks Processed") },
  };

  self->metric_labels = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *caption = gtk_label_new (_(metrics[i].title));
      GtkWidget *value = gtk_label_new ("—");

      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_widget_set_margin_top (box, 8);
      gtk_widget_set_margin_bottom (box, 8);
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "caption");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (value, "title-4");
      gtk_widget_add_css_class (value, "numeric");
      gtk_box_append (GTK_BOX (box), caption);
      gtk_box_append (GTK_BOX (box), value);
      if (g_str_equal (metrics[i].id, "trades"))
        {
          self->trades_detail = GTK_LABEL (gtk_label_new (NULL));
          gtk_label_set_xalign (self->trades_detail, 0);
          gtk_widget_add_css_class (GTK_WIDGET (self->trades_detail), "caption");
          gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->trades_detail));
        }
      gtk_grid_attach (self->metrics_grid, box, i % 5, i / 5, 1, 1);
      g_hash_table_insert (self->metric_labels, (gpointer) metrics[i].id, value);
    }
}

/* the app's settings over the defaults, for the keys the schema has */
static void
config_from_settings (TsBacktestConfig *config,
                      GSettings        *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  const char * const *keys = ts_backtest_config_list_keys ();

  g_object_get (settings, "settings-schema", &schema, NULL);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) v = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_settings_schema_has_key (schema, keys[i]))
        continue;
      v = g_settings_get_value (settings, keys[i]);
      if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          text = g_strdup (g_ascii_dtostr (buf, sizeof buf, g_variant_get_double (v)));
        }
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_UINT32))
        text = g_strdup_printf ("%u", g_variant_get_uint32 (v));
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
        text = g_strdup (g_variant_get_boolean (v) ? "true" : "false");
      else if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
        text = g_variant_dup_string (v, NULL);
      else
        continue;
      if (!ts_backtest_config_set (config, keys[i], text, &error))
        g_warning ("Backtest: setting %s ignored: %s", keys[i], error->message);
    }
}

static void
ts_backtest_window_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TsBacktestWindow *self = TS_BACKTEST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_backtest_window_dispose (GObject *object)
{
  TsBacktestWindow *self = (TsBacktestWindow *) object;

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
  g_clear_pointer (&self->job, job_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_BACKTEST_WINDOW);

  G_OBJECT_CLASS (ts_backtest_window_parent_class)->dispose (object);
}

static void
ts_backtest_window_finalize (GObject *object)
{
  TsBacktestWindow *self = (TsBacktestWindow *) object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->files, g_strfreev);
  g_clear_pointer (&self->ticks, g_array_unref);
  g_clear_pointer (&self->equity, g_array_unref);
  g_clear_pointer (&self->trades, g_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->metric_labels, g_hash_table_unref);
  g_clear_pointer (&self->axis_keys, g_ptr_array_unref);
  g_clear_object (&self->sweep_store);
  for (guint a = 0; a < TS_SWEEP_MAX_AXES; a++)
    g_clear_pointer (&self->sweep_keys[a], g_free);

  G_OBJECT_CLASS (ts_backtest_window_parent_class)->finalize (object);
}

static void
ts_backtest_window_class_init (TsBacktestWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ts_backtest_window_get_property;
  object_class->dispose = ts_backtest_window_dispose;
  object_class->finalize = ts_backtest_window_finalize;

  /**
   * TsBacktestWindow:state:
   *
   * The #TsBacktestState of the last job.
   */
  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL,
                       TS_BACKTEST_STATE_IDLE, TS_BACKTEST_STATE_FAILED, TS_BACKTEST_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TS_TYPE_EQUITY_CHART);
  g_type_ensure (TS_TYPE_HEATMAP);
  g_type_ensure (TS_TYPE_PRICE_CHART);
  g_type_ensure (TS_TYPE_TRADE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-backtest-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, strategy_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, symbols_entry);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, run_button);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, metrics_grid);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, equity_chart);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, drawdown_chart);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, price_chart);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, trade_list);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, axis0_grid);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, axis1_grid);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, metric_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, sweep_status);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, heatmap);
  gtk_widget_class_bind_template_child (widget_class, TsBacktestWindow, sweep_view);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.run-sweep", NULL, run_sweep_action);
  gtk_widget_class_install_action (widget_class, "win.export-trades", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-equity", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-sweep", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.run", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ts_backtest_window_init (TsBacktestWindow *self)
{
  g_autoptr(GtkStringList) strategies = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);
  const TsStrategyInfo *infos;
  guint n = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  ts_backtest_config_init_default (&self->config);
  self->metric = TS_BACKTEST_METRIC_TOTAL_PNL;
  self->axis_keys = g_ptr_array_new_with_free_func (axis_key_free);

  build_metrics_grid (self);
  build_axis_controls (self, self->axis0_grid, &self->axes[0]);
  build_axis_controls (self, self->axis1_grid, &self->axes[1]);
  setup_sweep_view (self);

  infos = ts_strategy_info_list (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (strategies, _(infos[i].title));
  gtk_drop_down_set_model (self->strategy_dropdown, G_LIST_MODEL (strategies));
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (infos[i].name, strategy_name (&self->config)) == 0)
      gtk_drop_down_set_selected (self->strategy_dropdown, i);
  g_signal_connect_object (self->strategy_dropdown, "notify::selected",
                           G_CALLBACK (on_strategy_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->symbols_entry, "activate",
                           G_CALLBACK (ts_backtest_window_rerun), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (metric_info); i++)
    gtk_string_list_append (metrics, _(metric_info[i].title));
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (metrics));
  g_signal_connect_object (self->metric_dropdown, "notify::selected",
                           G_CALLBACK (on_metric_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->heatmap, "cell-selected",
                           G_CALLBACK (on_cell_selected), self, G_CONNECT_SWAPPED);

  rebuild_axis_keys (self);
  gtk_stack_set_visible_child_name (self->results_stack, "empty");
  set_state (self, TS_BACKTEST_STATE_IDLE, NULL);
}

/* ---- public API --------------------------------------------------------- */

TsBacktestWindow *
ts_backtest_window_new (GtkApplication *app,
                        GSettings      *settings)
{
  TsBacktestWindow *self;

  g_return_val_if_fail (app == NULL || GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (TS_TYPE_BACKTEST_WINDOW, "application", app, NULL);
  if (settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;

      self->settings = g_object_ref (settings);
      config_from_settings (&self->config, settings);
      /* the first strategy the app runs live */
      g_object_get (settings, "settings-schema", &schema, NULL);
      if (g_settings_schema_has_key (schema, "strategies"))
        {
          g_auto(GStrv) enabled = g_settings_get_strv (settings, "strategies");

          for (guint i = 0; enabled[i] != NULL; i++)
            if (ts_backtest_window_set_strategy (self, enabled[i]))
              break;
        }
      g_object_set_data (G_OBJECT (self->axes[0].dropdown), "key", NULL);
      g_object_set_data (G_OBJECT (self->axes[1].dropdown), "key", NULL);
      on_axis_key_changed (self);
    }
  return self;
}

/* the symbols field, "A" or "A,B" (blanks trimmed), into @config */
static gboolean
parse_symbols (const char       *text,
               TsBacktestConfig *config,
               GError          **error)
{
  g_auto(GStrv) parts = NULL;
  guint n;

  memset (config->symbols, 0, sizeof config->symbols);
  if (text == NULL)
    return TRUE;
  parts = g_strsplit (text, ",", -1);
  n = g_strv_length (parts);
  for (guint i = 0; i < n; i++)
    g_strstrip (parts[i]);
  if (n == 1 && parts[0][0] == '\0')
    return TRUE;
  if (n > TS_STRATEGY_MAX_SYMBOLS)
    {
      g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                   _("Symbols: at most %u, separated by commas"), TS_STRATEGY_MAX_SYMBOLS);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (parts[i][0] == '\0' || strlen (parts[i]) >= TS_SYMBOL_MAX)
        {
          g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                       _("Symbols: each must have 1 to %u bytes (“%s”)"), (guint) TS_SYMBOL_MAX - 1, text);
          return FALSE;
        }
      g_strlcpy (config->symbols[i], parts[i], sizeof config->symbols[i]);
    }
  return TRUE;
}

void
ts_backtest_window_run_files (TsBacktestWindow   *self,
                              const char * const *files)
{
  g_autoptr(Job) job = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TS_IS_BACKTEST_WINDOW (self));
  g_return_if_fail (files != NULL && files[0] != NULL);

  if ((const char * const *) self->files != files)
    {
      char **copy = g_strdupv ((char **) files);

      g_strfreev (self->files);
      self->files = copy;
    }
  /* the settings as they are now (Preferences may have changed them) */
  if (self->settings != NULL)
    {
      const char *strategy = strategy_name (&self->config); /* a static string */

      ts_backtest_config_init_default (&self->config);
      config_from_settings (&self->config, self->settings);
      ts_backtest_config_set_strategy (&self->config, strategy, NULL);
    }
  job = job_new (JOB_RUN);
  job->files = g_strdupv (self->files);
  job->config = self->config;
  if (!parse_symbols (gtk_editable_get_text (GTK_EDITABLE (self->symbols_entry)), &job->config, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Could not run the backtest: %s"), error->message);

      ts_backtest_window_cancel (self);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "error");
      show_toast (self, text);
      set_state (self, TS_BACKTEST_STATE_FAILED, text);
      return;
    }
  start_job (self, job, run_thread);
}

void
ts_backtest_window_rerun (TsBacktestWindow *self)
{
  g_return_if_fail (TS_IS_BACKTEST_WINDOW (self));

  if (self->files != NULL)
    ts_backtest_window_run_files (self, (const char * const *) self->files);
}

void
ts_backtest_window_run_sweep (TsBacktestWindow *self,
                              const char       *key0,
                              const double     *values0,
                              guint             n0,
                              const char       *key1,
                              const double     *values1,
                              guint             n1)
{
  g_autoptr(Job) job = NULL;
  g_autoptr(GError) error = NULL;
  const char *keys[TS_SWEEP_MAX_AXES] = { key0, key1 };

  g_return_if_fail (TS_IS_BACKTEST_WINDOW (self));
  g_return_if_fail (key0 != NULL && values0 != NULL && n0 > 0);

  ts_backtest_window_cancel (self);
  if (self->ticks == NULL)
    {
      const char *text = _("Run a backtest first: the sweep reuses its ticks");

      gtk_label_set_text (self->sweep_status, text);
      show_toast (self, text);
      set_state (self, TS_BACKTEST_STATE_FAILED, text);
      return;
    }

  if (g_strcmp0 (strategy_name (&self->report_config), strategy_name (&self->config)) != 0)
    {
      const TsStrategyInfo *info = ts_strategy_info_lookup (strategy_name (&self->report_config));
      g_autofree char *text = g_strdup_printf (_("The sweep reruns the last backtest (%s): run the chosen "
                                                 "strategy first"),
                                               info != NULL ? _(info->title) : strategy_name (&self->report_config));

      gtk_label_set_text (self->sweep_status, text);
      show_toast (self, text);
      set_state (self, TS_BACKTEST_STATE_FAILED, text);
      return;
    }

  job = job_new (JOB_SWEEP);
  job->config = self->report_config;
  job->ticks = g_array_ref (self->ticks);
  job->sweep = ts_sweep_new (&job->config, (const TsTick *) (gpointer) job->ticks->data, job->ticks->len);
  if (!ts_sweep_add_axis (job->sweep, key0, values0, n0, &error) ||
      (key1 != NULL && !ts_sweep_add_axis (job->sweep, key1, values1, n1, &error)))
    {
      g_autofree char *text = g_strdup_printf (_("Could not run the sweep: %s"), error->message);

      gtk_label_set_text (self->sweep_status, text);
      show_toast (self, text);
      set_state (self, TS_BACKTEST_STATE_FAILED, text);
      return;
    }

  for (guint a = 0; a < TS_SWEEP_MAX_AXES; a++)
    {
      g_free (self->sweep_keys[a]);
      self->sweep_keys[a] = g_strdup (keys[a]);
      self->sweep_specs[a] = NULL;
      for (guint i = 0; keys[a] != NULL && i < self->axis_keys->len; i++)
        {
          const AxisKey *k = g_ptr_array_index (self->axis_keys, i);

          if (g_str_equal (k->key, keys[a]))
            self->sweep_specs[a] = k->spec;
        }
    }
  self->sweep_n[0] = n0;
  self->sweep_n[1] = key1 != NULL ? n1 : 0;
  g_clear_pointer (&self->cells, g_array_unref);

  gtk_label_set_text (self->sweep_status, _("Running the sweep…"));
  start_job (self, job, sweep_thread);
}

void
ts_backtest_window_cancel (TsBacktestWindow *self)
{
  g_return_if_fail (TS_IS_BACKTEST_WINDOW (self));

  if (self->job != NULL)
    g_cancellable_cancel (self->job->cancellable);
}

TsBacktestState
ts_backtest_window_get_state (TsBacktestWindow *self)
{
  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), TS_BACKTEST_STATE_IDLE);

  return self->state;
}

const char *
ts_backtest_window_get_message (TsBacktestWindow *self)
{
  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), NULL);

  return self->message;
}

gboolean
ts_backtest_window_get_report (TsBacktestWindow *self,
                               TsBacktestReport *report)
{
  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (!self->has_report)
    return FALSE;
  *report = self->report;
  return TRUE;
}

const char *
ts_backtest_window_get_metric_text (TsBacktestWindow *self,
                                    const char       *id)
{
  GtkLabel *label;

  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  label = g_hash_table_lookup (self->metric_labels, id);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

gboolean
ts_backtest_window_set_strategy (TsBacktestWindow *self,
                                 const char       *name)
{
  const TsStrategyInfo *infos;
  guint n = 0;

  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), FALSE);

  infos = ts_strategy_info_list (&n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (infos[i].name, name) == 0)
      {
        gtk_drop_down_set_selected (self->strategy_dropdown, i);
        on_strategy_selected (self);
        return g_strcmp0 (self->config.strategy, name) == 0;
      }
  return FALSE;
}

void
ts_backtest_window_set_symbols (TsBacktestWindow *self,
                                const char       *symbols)
{
  g_return_if_fail (TS_IS_BACKTEST_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->symbols_entry), symbols != NULL ? symbols : "");
}

void
ts_backtest_window_set_metric (TsBacktestWindow *self,
                               TsBacktestMetric  metric)
{
  g_return_if_fail (TS_IS_BACKTEST_WINDOW (self));

  self->metric = metric;
  for (guint i = 0; i < G_N_ELEMENTS (metric_info); i++)
    if (metric_info[i].metric == metric && gtk_drop_down_get_selected (self->metric_dropdown) != i)
      gtk_drop_down_set_selected (self->metric_dropdown, i);
  sweep_refresh (self);
}

TsHeatmap *
ts_backtest_window_get_heatmap (TsBacktestWindow *self)
{
  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), NULL);

  return self->heatmap;
}

guint
ts_backtest_window_get_n_sweep_rows (TsBacktestWindow *self)
{
  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (self->sweep_view)));
}

guint
ts_backtest_window_get_n_fill_markers (TsBacktestWindow *self)
{
  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), 0);

  return ts_price_chart_get_n_markers (self->price_chart);
}

guint
ts_backtest_window_get_n_trade_rows (TsBacktestWindow *self)
{
  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), 0);

  return g_list_model_get_n_items (ts_trade_list_get_model (self->trade_list));
}

gboolean
ts_backtest_window_export_trades (TsBacktestWindow *self,
                                  const char       *path,
                                  GError          **error)
{
  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!self->has_report)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No backtest results to export"));
      return FALSE;
    }
  return ts_trade_csv_writer_write_file (path, (const TsTrade *) (gpointer) self->trades->data,
                                         self->trades->len, error);
}

gboolean
ts_backtest_window_export_equity (TsBacktestWindow *self,
                                  const char       *path,
                                  GError          **error)
{
  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!self->has_report)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No backtest results to export"));
      return FALSE;
    }
  return ts_equity_csv_writer_write_file (path, (const TsEquityPoint *) (gpointer) self->equity->data,
                                          self->equity->len, error);
}

static void
append_csv_double (GString *s,
                   double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (s, ',');
  if (isinf (v))
    g_string_append (s, v > 0 ? "inf" : "-inf");
  else if (!isnan (v))
    g_string_append (s, ts_trade_csv_format_double (v, buf));
}

gboolean
ts_backtest_window_export_sweep (TsBacktestWindow *self,
                                 const char       *path,
                                 GError          **error)
{
  g_autoptr(GString) s = NULL;
  const TsSweepCell *cells;

  g_return_val_if_fail (TS_IS_BACKTEST_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->cells == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No sweep results to export"));
      return FALSE;
    }

  /* the keys are schema key names (lower case, digits, '-'): no quoting */
  s = g_string_new (self->sweep_keys[0]);
  if (self->sweep_keys[1] != NULL)
    g_string_append_printf (s, ",%s", self->sweep_keys[1]);
  g_string_append (s, ",trades,win_rate,total_pnl,profit_factor,max_drawdown,sharpe\r\n");
  cells = (const TsSweepCell *) (gpointer) self->cells->data;
  for (guint k = 0; k < self->cells->len; k++)
    {
      const TsSweepCell *c = &cells[k];
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (s, ts_trade_csv_format_double (c->values[0], buf));
      if (self->sweep_keys[1] != NULL)
        append_csv_double (s, c->values[1]);
      if (c->done)
        {
          g_string_append_printf (s, ",%u", c->report.stats.trades);
          append_csv_double (s, c->report.stats.win_rate);
          append_csv_double (s, c->report.stats.total_pnl);
          append_csv_double (s, c->report.stats.profit_factor);
          append_csv_double (s, c->report.stats.max_drawdown);
          append_csv_double (s, c->report.stats.sharpe);
        }
      else
        g_string_append (s, ",,,,,,");
      g_string_append (s, "\r\n");
    }
  return g_file_set_contents (path, s->str, (gssize) s->len, error);
}
