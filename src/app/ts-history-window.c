/* ts-history-window.c: the sessions of the trade journal, their trades and
 * open positions, and their export to CSV
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "store/ts-journal.h"
#include "ts-format.h"
#include "ts-history-window.h"
#include "ts-trade-object.h"

typedef enum
{
  COL_ENTRY_TIME,
  COL_EXIT_TIME,
  COL_SYMBOL,
  COL_STRATEGY,
  COL_SIDE,
  COL_SIZE,
  COL_ENTRY_PRICE,
  COL_EXIT_PRICE,
  COL_FEES,
  COL_PNL,
  COL_REASON,
  N_COLUMNS
} Column;

static const struct {
  const char *title;
  float       xalign;
} columns[N_COLUMNS] = {
  [COL_ENTRY_TIME]  = { NC_("column", "Entry"), 0.0f },
  [COL_EXIT_TIME]   = { NC_("column", "Exit"), 0.0f },
  [COL_SYMBOL]      = { NC_("column", "Symbol"), 0.0f },
  [COL_STRATEGY]    = { NC_("column", "Strategy"), 0.0f },
  [COL_SIDE]        = { NC_("column", "Side"), 0.0f },
  [COL_SIZE]        = { NC_("column", "Size"), 1.0f },
  [COL_ENTRY_PRICE] = { NC_("column", "Entry price"), 1.0f },
  [COL_EXIT_PRICE]  = { NC_("column", "Exit price"), 1.0f },
  [COL_FEES]        = { NC_("column", "Fees"), 1.0f },
  [COL_PNL]         = { NC_("column", "P&L"), 1.0f },
  [COL_REASON]      = { NC_("column", "Reason"), 0.0f },
};

struct _TsHistoryWindow
{
  AdwWindow         parent_instance;

  /* template */
  GtkSpinner       *spinner;
  GtkSpinner       *loading_spinner;
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  AdwStatusPage    *error_page;
  GtkListBox       *session_list;
  GtkLabel         *detail_title;
  GtkLabel         *detail_subtitle;
  GtkLabel         *trades_count_label;
  GtkColumnView    *trade_view;
  GtkLabel         *positions_count_label;
  GtkListBox       *positions_list;

  char             *journal_path;
  gint64            live_session_id;

  /* the list shown: TsJournalSession, newest first, and per session its
   * open positions (guint) */
  GArray           *sessions;
  GArray           *n_open;
  gint64            selected_id;
  gboolean          rebuilding; /* or disposing: ignore row-selected */

  /* the selected session's details */
  GListStore       *trades;
  char            **strategy_names;
  guint             n_positions;

  char             *error_message;
  char             *last_toast;

  GCancellable     *list_cancellable;
  GCancellable     *detail_cancellable;
  GCancellable     *export_cancellable;
  guint             n_running;
};

enum {
  PROP_0,
  PROP_JOURNAL_PATH,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TsHistoryWindow, ts_history_window, ADW_TYPE_WINDOW)

static void load_details (TsHistoryWindow *self);

/* ---- formatting ---------------------------------------------------------- */

/* µs since epoch → "YYYY-MM-DD HH:MM:SS" in local time */
static char *
format_local_time (gint64 time_us)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (time_us / G_USEC_PER_SEC);

  if (dt == NULL)
    return g_strdup ("—");
  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}

/* a duration in µs → "2 h 05 min", "4 min 07 s", "12 s" */
static char *
format_duration (gint64 duration_us)
{
  guint64 s = (guint64) MAX (duration_us, 0) / G_USEC_PER_SEC;

  /* Translators: durations: days and hours, hours and minutes, ... */
  if (s >= 86400)
    return g_strdup_printf (_("%u d %02u h"), (guint)(s / 86400), (guint)(s / 3600 % 24));
  if (s >= 3600)
    return g_strdup_printf (_("%u h %02u min"), (guint)(s / 3600), (guint)(s / 60 % 60));
  if (s >= 60)
    return g_strdup_printf (_("%u min %02u s"), (guint)(s / 60), (guint)(s % 60));
  return g_strdup_printf (_("%u s"), (guint) s);
}

/* the exit time: only "HH:MM:SS" on the entry's (local) day */
static char *
format_exit_time (gint64 entry_us,
                  gint64 exit_us)
{
  g_autoptr(GDateTime) entry = g_date_time_new_from_unix_local (entry_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exit_dt = g_date_time_new_from_unix_local (exit_us / G_USEC_PER_SEC);

  if (entry == NULL || exit_dt == NULL)
    return format_local_time (exit_us);
  if (g_date_time_get_year (entry) == g_date_time_get_year (exit_dt)
      && g_date_time_get_day_of_year (entry) == g_date_time_get_day_of_year (exit_dt))
    return g_date_time_format (exit_dt, "%H:%M:%S");
  return g_date_time_format (exit_dt, "%Y-%m-%d %H:%M:%S");
}

/* "momentum,maxwell" → "momentum, maxwell" */
static char *
format_strategies (const char *strategy)
{
  g_auto(GStrv) names = g_strsplit (strategy != NULL ? strategy : "", ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    g_strstrip (names[i]);
  return g_strjoinv (", ", names);
}

/* The session's strategy text lists its strategies by name, comma-separated,
 * in the engine's order of ids (1, 2, ...); a single name is the strategy of
 * every trade (id 0 is the single-strategy engine's). */
static const char *
strategy_name (TsHistoryWindow *self,
               guint            strategy_id)
{
  guint n = self->strategy_names != NULL ? g_strv_length (self->strategy_names) : 0;

  if (n == 1)
    return self->strategy_names[0];
  if (strategy_id >= 1 && strategy_id <= n)
    return self->strategy_names[strategy_id - 1];
  return NULL;
}

static void
set_money_class (GtkWidget *widget,
                 double     value)
{
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_remove_css_class (widget, "dim-label");
  if (value > 0)
    gtk_widget_add_css_class (widget, "success");
  else if (value < 0)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_add_css_class (widget, "dim-label");
}

/* ---- state --------------------------------------------------------------- */

static void
busy_changed (TsHistoryWindow *self)
{
  gboolean busy = self->n_running > 0;

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
task_started (TsHistoryWindow *self)
{
  if (self->n_running++ == 0)
    busy_changed (self);
}

static void
task_finished (TsHistoryWindow *self,
               gboolean         notify)
{
  g_return_if_fail (self->n_running > 0);

  if (--self->n_running == 0 && notify)
    busy_changed (self);
}

static void
show_toast (TsHistoryWindow *self,
            const char      *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static const TsJournalSession *
find_session (TsHistoryWindow *self,
              gint64           session_id)
{
  if (self->sessions == NULL)
    return NULL;
  for (guint i = 0; i < self->sessions->len; i++)
    {
      const TsJournalSession *s = &g_array_index (self->sessions, TsJournalSession, i);

      if (s->id == session_id)
        return s;
    }
  return NULL;
}

static void
update_actions (TsHistoryWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-csv",
                                 find_session (self, self->selected_id) != NULL);
}

/* ---- the session list ---------------------------------------------------- */

static GtkWidget *
add_label (GtkWidget  *box,
           const char *name,
           const char *text,
           float       xalign,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

static char *
dup_status_text (TsHistoryWindow        *self,
                 const TsJournalSession *s,
                 const char            **tooltip)
{
  *tooltip = NULL;
  if (s->ended_us > 0)
    return format_duration (s->ended_us - s->started_us);
  if (self->live_session_id < 0)
    {
      *tooltip = _("Still running, or Tickscope stopped without ending it (a crash or a kill)");
      return g_strdup (_("Not ended"));
    }
  if (s->id == self->live_session_id)
    return g_strdup (_("Running"));
  *tooltip = _("Tickscope stopped without ending this session (a crash or a kill); "
               "what was journaled until then is kept");
  return g_strdup (_("Not ended (crash)"));
}

static GtkWidget *
make_session_row (TsHistoryWindow        *self,
                  const TsJournalSession *s,
                  guint                   n_open)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *counts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  g_autofree char *start = format_local_time (s->started_us);
  g_autofree char *pnl = ts_format_number (s->total_pnl, 2, TRUE);
  g_autofree char *strategies = format_strategies (s->strategy);
  /* Translators: the closed trades of a session */
  g_autofree char *trades = g_strdup_printf (ngettext ("%u trade", "%u trades", s->n_trades),
                                             s->n_trades);
  /* Translators: positions a session left open */
  g_autofree char *open = g_strdup_printf (ngettext ("%u open", "%u open", n_open), n_open);
  const char *tooltip;
  g_autofree char *status = dup_status_text (self, s, &tooltip);
  gint64 *id = g_new (gint64, 1);

  *id = s->id;
  g_object_set_data_full (G_OBJECT (row), "ts-session-id", id, g_free);

  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_widget_set_hexpand (left, TRUE);

  label = add_label (left, "start", start, 0, "heading");
  gtk_widget_set_tooltip_text (label, _("Start, local time"));

  gtk_box_append (GTK_BOX (left), line);
  label = add_label (line, "duration", status, 0, NULL);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_tooltip_text (label, tooltip);
  if (s->ended_us <= 0)
    gtk_widget_add_css_class (label, s->id == self->live_session_id ? "accent" : "warning");
  else
    gtk_widget_add_css_class (label, "dim-label");
  label = add_label (line, "strategy", strategies, 0, "dim-label");
  gtk_widget_set_tooltip_text (label, strategies);

  label = add_label (left, "source", s->source, 0, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_tooltip_text (label, s->source);

  label = add_label (right, "pnl", pnl, 1, "numeric");
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_tooltip_text (label, _("Realized P&L of the closed trades, quote currency"));
  set_money_class (label, s->total_pnl);
  gtk_widget_set_halign (counts, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (right), counts);
  label = add_label (counts, "trades", trades, 1, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  label = add_label (counts, "open", open, 1, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_set_tooltip_text (label, _("Positions open at the session's last commit"));

  gtk_box_append (GTK_BOX (grid), left);
  gtk_box_append (GTK_BOX (grid), right);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  return row;
}

static gint64
row_session_id (GtkListBoxRow *row)
{
  gint64 *id = row != NULL ? g_object_get_data (G_OBJECT (row), "ts-session-id") : NULL;

  return id != NULL ? *id : 0;
}

static void
clear_details (TsHistoryWindow *self)
{
  GtkListBoxRow *row;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_list_store_remove_all (self->trades);
  while ((row = gtk_list_box_get_row_at_index (self->positions_list, 0)) != NULL)
    gtk_list_box_remove (self->positions_list, GTK_WIDGET (row));
  self->n_positions = 0;
  gtk_label_set_text (self->trades_count_label, "");
  gtk_label_set_text (self->positions_count_label, "");
}

static void
show_session_header (TsHistoryWindow        *self,
                     const TsJournalSession *s)
{
  g_autofree char *start = format_local_time (s->started_us);
  g_autofree char *end = s->ended_us > 0 ? format_local_time (s->ended_us) : NULL;
  g_autofree char *capital = ts_format_number (s->initial_capital, 2, FALSE);
  g_autofree char *pnl = ts_format_number (s->total_pnl, 2, TRUE);
  g_autofree char *strategies = format_strategies (s->strategy);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, s->id);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *tooltip;
  g_autofree char *status = dup_status_text (self, s, &tooltip);

  /* Translators: session number, its strategies */
  title = g_strdup_printf (_("Session %s · %s"), id, strategies);
  /* Translators: start time – end time (duration or state) · source ·
   * initial capital · realized P&L; times are local */
  subtitle = g_strdup_printf (_("%s – %s (%s) · %s · capital %s · realized P&L %s"),
                              start, end != NULL ? end : "…", status, s->source,
                              capital, pnl);
  gtk_label_set_text (self->detail_title, title);
  gtk_label_set_text (self->detail_subtitle, subtitle);
  if (s->params_json != NULL && s->params_json[0] != '\0')
    {
      g_autofree char *params = g_strdup_printf (_("Parameters: %s"), s->params_json);

      gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_subtitle), params);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->detail_subtitle), NULL);
}

static void
on_row_selected (GtkListBox      *box,
                 GtkListBoxRow   *row,
                 TsHistoryWindow *self)
{
  const TsJournalSession *s;

  if (self->rebuilding)
    return;

  self->selected_id = row_session_id (row);
  s = find_session (self, self->selected_id);
  clear_details (self);
  update_actions (self);

  if (s == NULL)
    {
      gtk_label_set_text (self->detail_title, "");
      gtk_label_set_text (self->detail_subtitle, "");
      g_clear_pointer (&self->strategy_names, g_strfreev);
      return;
    }

  show_session_header (self, s);
  g_clear_pointer (&self->strategy_names, g_strfreev);
  self->strategy_names = g_strsplit (s->strategy != NULL ? s->strategy : "", ",", -1);
  for (guint i = 0; self->strategy_names[i] != NULL; i++)
    g_strstrip (self->strategy_names[i]);
  load_details (self);
}

static void
rebuild_session_list (TsHistoryWindow *self)
{
  GtkListBoxRow *select = NULL;
  GtkListBoxRow *row;

  self->rebuilding = TRUE;
  while ((row = gtk_list_box_get_row_at_index (self->session_list, 0)) != NULL)
    gtk_list_box_remove (self->session_list, GTK_WIDGET (row));

  for (guint i = 0; i < self->sessions->len; i++)
    {
      const TsJournalSession *s = &g_array_index (self->sessions, TsJournalSession, i);
      GtkWidget *widget = make_session_row (self, s, g_array_index (self->n_open, guint, i));

      gtk_list_box_append (self->session_list, widget);
      /* keeps the selected session, else the newest */
      if (select == NULL || s->id == self->selected_id)
        select = GTK_LIST_BOX_ROW (widget);
    }
  gtk_list_box_select_row (self->session_list, select);
  self->rebuilding = FALSE;

  /* once, and even if the same id stays selected: its trades may have grown */
  on_row_selected (self->session_list, select, self);
}

/* ---- loading the list (worker thread) ------------------------------------ */

typedef struct
{
  gboolean  missing;
  GArray   *sessions; /* TsJournalSession, newest first */
  GArray   *n_open;   /* guint */
} ListResult;

static void
list_result_free (gpointer data)
{
  ListResult *r = data;

  g_clear_pointer (&r->sessions, g_array_unref);
  g_clear_pointer (&r->n_open, g_array_unref);
  g_free (r);
}

static void
session_clear (gpointer data)
{
  TsJournalSession *s = data;

  g_clear_pointer (&s->source, g_free);
  g_clear_pointer (&s->strategy, g_free);
  g_clear_pointer (&s->params_json, g_free);
}

/* Opens the journal at @path without creating it: %NULL and no error when
 * the file does not exist. */
static TsJournal *
open_existing (const char  *path,
               gboolean    *missing,
               GError     **error)
{
  *missing = !g_file_test (path, G_FILE_TEST_EXISTS);
  if (*missing)
    return NULL;
  return ts_journal_open (path, error);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) journal = NULL;
  g_autoptr(GArray) sessions = NULL;
  ListResult *result = g_new0 (ListResult, 1);

  journal = open_existing (path, &result->missing, &error);
  if (result->missing)
    {
      g_task_return_pointer (task, result, list_result_free);
      return;
    }
  if (journal == NULL || (sessions = ts_journal_list_sessions (journal, &error)) == NULL)
    {
      list_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* newest first: the journal lists them by id */
  result->sessions = g_array_sized_new (FALSE, TRUE, sizeof (TsJournalSession), sessions->len);
  g_array_set_clear_func (result->sessions, session_clear);
  result->n_open = g_array_sized_new (FALSE, TRUE, sizeof (guint), sessions->len);
  for (guint i = sessions->len; i-- > 0;)
    {
      TsJournalSession *s = &g_array_index (sessions, TsJournalSession, i);
      g_autoptr(GArray) positions = NULL;
      guint n_open;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      positions = ts_journal_load_open_positions (journal, s->id, NULL, &error);
      if (positions == NULL)
        {
          list_result_free (result);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      n_open = positions->len;
      g_array_append_val (result->sessions, *s);
      g_array_append_val (result->n_open, n_open);
      /* the strings moved to result->sessions */
      s->source = s->strategy = s->params_json = NULL;
    }

  g_task_return_pointer (task, result, list_result_free);
}

static void
show_error (TsHistoryWindow *self,
            const char      *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
  g_clear_pointer (&self->sessions, g_array_unref);
  g_clear_pointer (&self->n_open, g_array_unref);
  clear_details (self);
  update_actions (self);
}

/* whether a reload changed nothing shown (so that a refresh on focus keeps
 * the trade list and its scroll position) */
static gboolean
same_sessions (TsHistoryWindow  *self,
               const ListResult *r)
{
  if (self->sessions == NULL || self->sessions->len != r->sessions->len)
    return FALSE;
  for (guint i = 0; i < r->sessions->len; i++)
    {
      const TsJournalSession *a = &g_array_index (self->sessions, TsJournalSession, i);
      const TsJournalSession *b = &g_array_index (r->sessions, TsJournalSession, i);

      if (a->id != b->id || a->started_us != b->started_us || a->ended_us != b->ended_us
          || a->n_trades != b->n_trades || a->total_pnl != b->total_pnl
          || g_array_index (self->n_open, guint, i) != g_array_index (r->n_open, guint, i)
          || g_strcmp0 (a->source, b->source) != 0 || g_strcmp0 (a->strategy, b->strategy) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
on_list_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  /* the window's reference, taken when the task started, is dropped
   * here, on the main thread: the task itself has no source object, so
   * a worker thread never holds the last reference to the window */
  g_autoptr(TsHistoryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  ListResult *r = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* replaced by a newer load, or the window went */
      task_finished (self, FALSE);
      return;
    }
  task_finished (self, TRUE);
  g_clear_object (&self->list_cancellable);
  gtk_spinner_set_spinning (self->loading_spinner, FALSE);

  if (r == NULL)
    {
      show_error (self, error->message);
      return;
    }

  if (r->sessions != NULL && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "sessions") == 0
      && same_sessions (self, r))
    {
      list_result_free (r);
      return;
    }

  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->sessions, g_array_unref);
  g_clear_pointer (&self->n_open, g_array_unref);
  if (r->missing || r->sessions->len == 0)
    {
      list_result_free (r);
      clear_details (self);
      self->selected_id = 0;
      update_actions (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->sessions = g_steal_pointer (&r->sessions);
  self->n_open = g_steal_pointer (&r->n_open);
  list_result_free (r);
  gtk_stack_set_visible_child_name (self->stack, "sessions");
  rebuild_session_list (self);
  update_actions (self);
}

void
ts_history_window_refresh (TsHistoryWindow *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TS_IS_HISTORY_WINDOW (self));

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->list_cancellable, on_list_loaded, g_object_ref (self));
  g_task_set_source_tag (task, ts_history_window_refresh);
  g_task_set_task_data (task, g_strdup (self->journal_path), g_free);
  task_started (self);
  g_task_run_in_thread (task, list_thread);
}

/* ---- loading the selected session (worker thread) ------------------------ */

typedef struct
{
  char   *path;
  gint64  session_id;
} DetailRequest;

typedef struct
{
  GArray *trades;    /* TsTrade */
  GArray *positions; /* TsJournalPosition */
} DetailResult;

static void
detail_request_free (gpointer data)
{
  DetailRequest *req = data;

  g_free (req->path);
  g_free (req);
}

static void
detail_result_free (gpointer data)
{
  DetailResult *r = data;

  g_clear_pointer (&r->trades, g_array_unref);
  g_clear_pointer (&r->positions, g_array_unref);
  g_free (r);
}

static void
detail_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DetailRequest *req = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) journal = NULL;
  DetailResult *result;
  gboolean missing;

  journal = open_existing (req->path, &missing, &error);
  if (missing)
    {
      g_task_return_new_error (task, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                               _("the journal %s was removed"), req->path);
      return;
    }
  if (journal == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (DetailResult, 1);
  result->trades = ts_journal_load_trades (journal, req->session_id, &error);
  if (result->trades != NULL)
    result->positions = ts_journal_load_open_positions (journal, req->session_id, NULL, &error);
  if (result->positions == NULL)
    {
      detail_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, detail_result_free);
}

static GtkWidget *
make_position_row (TsHistoryWindow         *self,
                   const TsJournalPosition *p)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *size = ts_format_size (p->size);
  g_autofree char *price = ts_format_price (p->entry_price);
  g_autofree char *when = format_local_time (p->entry_time_us);
  g_autofree char *fee = ts_format_number (p->entry_fee, 2, FALSE);
  const char *strategy = strategy_name (self, p->strategy_id);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* Translators: symbol, Long/Short, size, entry price */
  title = g_strdup_printf (_("%s · %s %s @ %s"), p->symbol, ts_format_side (p->side), size, price);
  /* Translators: strategy, entry time (local), entry fee */
  subtitle = g_strdup_printf (_("%s · since %s · entry fee %s"),
                              strategy != NULL ? strategy : "—", when, fee);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
on_details_loaded (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  /* the window's reference, taken when the task started, is dropped
   * here, on the main thread: the task itself has no source object, so
   * a worker thread never holds the last reference to the window */
  g_autoptr(TsHistoryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  DetailResult *r = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *count = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      task_finished (self, FALSE);
      return;
    }
  task_finished (self, TRUE);
  g_clear_object (&self->detail_cancellable);

  if (r == NULL)
    {
      show_error (self, error->message);
      return;
    }

  items = g_ptr_array_new_full (r->trades->len, g_object_unref);
  for (guint i = 0; i < r->trades->len; i++)
    g_ptr_array_add (items, ts_trade_object_new (&g_array_index (r->trades, TsTrade, i)));
  g_list_store_splice (self->trades, 0, g_list_model_get_n_items (G_LIST_MODEL (self->trades)),
                       items->pdata, items->len);
  count = g_strdup_printf ("%u", r->trades->len);
  gtk_label_set_text (self->trades_count_label, count);

  for (guint i = 0; i < r->positions->len; i++)
    gtk_list_box_append (self->positions_list,
                         make_position_row (self, &g_array_index (r->positions,
                                                                  TsJournalPosition, i)));
  self->n_positions = r->positions->len;
  g_free (count);
  count = g_strdup_printf ("%u", r->positions->len);
  gtk_label_set_text (self->positions_count_label, count);

  detail_result_free (r);
}

static void
load_details (TsHistoryWindow *self)
{
  g_autoptr(GTask) task = NULL;
  DetailRequest *req = g_new0 (DetailRequest, 1);

  req->path = g_strdup (self->journal_path);
  req->session_id = self->selected_id;

  g_cancellable_cancel (self->detail_cancellable);
  g_clear_object (&self->detail_cancellable);
  self->detail_cancellable = g_cancellable_new ();

  task = g_task_new (NULL, self->detail_cancellable, on_details_loaded, g_object_ref (self));
  g_task_set_source_tag (task, load_details);
  g_task_set_task_data (task, req, detail_request_free);
  task_started (self);
  g_task_run_in_thread (task, detail_thread);
}

/* ---- export (worker thread) ---------------------------------------------- */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DetailRequest *req = g_object_get_data (G_OBJECT (task), "ts-request");
  const char *dest = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsJournal) journal = NULL;
  gboolean missing;

  journal = open_existing (req->path, &missing, &error);
  if (missing)
    {
      g_task_return_new_error (task, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                               _("the journal %s was removed"), req->path);
      return;
    }
  if (journal == NULL || !ts_journal_export_csv (journal, req->session_id, dest, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  /* the window's reference, taken when the task started, is dropped
   * here, on the main thread: the task itself has no source object, so
   * a worker thread never holds the last reference to the window */
  g_autoptr(TsHistoryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  const char *dest = g_task_get_task_data (G_TASK (result));
  DetailRequest *req = g_object_get_data (G_OBJECT (result), "ts-request");
  g_autofree char *message = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, req->session_id);

  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      task_finished (self, FALSE);
      return;
    }

  if (error != NULL)
    /* Translators: the session number, then why */
    message = g_strdup_printf (_("Could not export session %s: %s"), id, error->message);
  else
    /* Translators: the session number, then the CSV file */
    message = g_strdup_printf (_("Session %s exported to %s"), id, dest);
  show_toast (self, message);
  task_finished (self, TRUE);
}

static void
export_to_path (TsHistoryWindow *self,
                const char      *path)
{
  g_autoptr(GTask) task = NULL;
  DetailRequest *req = g_new0 (DetailRequest, 1);

  req->path = g_strdup (self->journal_path);
  req->session_id = self->selected_id;

  if (self->export_cancellable == NULL)
    self->export_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->export_cancellable, on_exported, g_object_ref (self));
  g_task_set_source_tag (task, export_to_path);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (task), "ts-request", req, detail_request_free);
  task_started (self);
  g_task_run_in_thread (task, export_thread);
}

static char *
dup_export_name (TsHistoryWindow *self)
{
  const TsJournalSession *s = find_session (self, self->selected_id);
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *stamp = NULL;

  if (s == NULL)
    return g_strdup ("tickscope-session.csv");
  dt = g_date_time_new_from_unix_local (s->started_us / G_USEC_PER_SEC);
  stamp = dt != NULL ? g_date_time_format (dt, "%Y%m%d-%H%M%S") : g_strdup ("0");
  return g_strdup_printf ("tickscope-session-%" G_GINT64_FORMAT "-%s.csv", s->id, stamp);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TsHistoryWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, &error);
  g_autofree char *path = NULL;

  if (file == NULL)
    {
      if (!g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED)
          && !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_CANCELLED))
        {
          g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);

          show_toast (self, message);
        }
      return;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    show_toast (self, _("Could not export: choose a local file"));
  else
    export_to_path (self, path);
}
#else
static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(TsHistoryWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        export_to_path (self, path);
      else
        show_toast (self, _("Could not export: choose a local file"));
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}
#endif

static void
ask_export_path (TsHistoryWindow *self)
{
  g_autofree char *name = dup_export_name (self);
#if GTK_CHECK_VERSION (4, 10, 0)
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Export Session as CSV"));
  gtk_file_dialog_set_accept_label (dialog, _("_Export"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_set_modal (dialog, TRUE);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_save_chosen, g_object_ref (self));
#else
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Session as CSV"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
#endif
}

void
ts_history_window_export_csv (TsHistoryWindow *self,
                              const char      *path)
{
  g_return_if_fail (TS_IS_HISTORY_WINDOW (self));

  if (find_session (self, self->selected_id) == NULL)
    return;
  if (path != NULL)
    export_to_path (self, path);
  else
    ask_export_path (self);
}

/* ---- the trade columns --------------------------------------------------- */

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "ts-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), columns[column].xalign);
  if (columns[column].xalign > 0.5f || column == COL_ENTRY_TIME || column == COL_EXIT_TIME)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COL_REASON)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  TsHistoryWindow *self = user_data;
  Column column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "ts-column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  const TsTrade *trade = ts_trade_object_get_trade (gtk_list_item_get_item (item));
  g_autofree char *text = NULL;

  switch (column)
    {
    case COL_ENTRY_TIME:
      text = format_local_time (trade->entry_time_us);
      break;
    case COL_EXIT_TIME:
      text = format_exit_time (trade->entry_time_us, trade->exit_time_us);
      break;
    case COL_SYMBOL:
      text = g_strdup (trade->symbol);
      break;
    case COL_STRATEGY:
      {
        const char *name = strategy_name (self, trade->strategy_id);

        text = name != NULL ? g_strdup (name) : g_strdup_printf ("#%u", trade->strategy_id);
      }
      break;
    case COL_SIDE:
      text = g_strdup (ts_format_side (trade->side));
      break;
    case COL_SIZE:
      text = ts_format_size (trade->size);
      break;
    case COL_ENTRY_PRICE:
      text = ts_format_price (trade->entry_price);
      break;
    case COL_EXIT_PRICE:
      text = ts_format_price (trade->exit_price);
      break;
    case COL_FEES:
      text = ts_format_number (trade->fees, 2, FALSE);
      break;
    case COL_PNL:
      text = ts_format_number (trade->pnl, 2, TRUE);
      break;
    case COL_REASON:
      text = g_strdup (trade->reason != NULL ? trade->reason : "");
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == COL_PNL)
    {
      /* the cell is the label's parent; style.css tints .profit and .loss
       * cells, libadwaita colours .success and .error labels */
      GtkWidget *cell = gtk_widget_get_parent (label);

      if (cell == NULL)
        cell = label;
      gtk_widget_remove_css_class (cell, "profit");
      gtk_widget_remove_css_class (cell, "loss");
      if (trade->pnl != 0)
        gtk_widget_add_css_class (cell, trade->pnl > 0 ? "profit" : "loss");
      set_money_class (label, trade->pnl);
    }
  if (column == COL_REASON)
    gtk_widget_set_tooltip_text (label, text);
}

static void
setup_columns (TsHistoryWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->trades)));
  gtk_column_view_set_model (self->trade_view, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "ts-column", GUINT_TO_POINTER (i));
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), self);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), self);
      column = gtk_column_view_column_new (g_dpgettext2 (NULL, "column", columns[i].title),
                                           g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (i == COL_REASON)
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->trade_view, column);
    }
}

/* ---- actions and the GObject --------------------------------------------- */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ts_history_window_refresh (TS_HISTORY_WINDOW (widget));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ts_history_window_export_csv (TS_HISTORY_WINDOW (widget), NULL);
}

static void
on_is_active_changed (TsHistoryWindow *self)
{
  /* the journal may have grown while another window had the focus; a load
   * in flight (the first one, at map time) is enough */
  if (gtk_window_is_active (GTK_WINDOW (self)) && self->list_cancellable == NULL)
    ts_history_window_refresh (self);
}

static void
ts_history_window_constructed (GObject *object)
{
  TsHistoryWindow *self = TS_HISTORY_WINDOW (object);

  G_OBJECT_CLASS (ts_history_window_parent_class)->constructed (object);

  if (self->journal_path == NULL)
    self->journal_path = ts_journal_dup_default_path ();
  ts_history_window_refresh (self);
}

static void
ts_history_window_dispose (GObject *object)
{
  TsHistoryWindow *self = (TsHistoryWindow *)object;

  g_cancellable_cancel (self->list_cancellable);
  g_cancellable_cancel (self->detail_cancellable);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->detail_cancellable);
  g_clear_object (&self->export_cancellable);

  /* the session list emits row-selected as its rows go */
  self->rebuilding = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_HISTORY_WINDOW);

  G_OBJECT_CLASS (ts_history_window_parent_class)->dispose (object);
}

static void
ts_history_window_finalize (GObject *object)
{
  TsHistoryWindow *self = (TsHistoryWindow *)object;

  g_clear_object (&self->trades);
  g_clear_pointer (&self->sessions, g_array_unref);
  g_clear_pointer (&self->n_open, g_array_unref);
  g_clear_pointer (&self->strategy_names, g_strfreev);
  g_clear_pointer (&self->journal_path, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (ts_history_window_parent_class)->finalize (object);
}

static void
ts_history_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TsHistoryWindow *self = TS_HISTORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL_PATH:
      g_value_set_string (value, self->journal_path);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_running > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_history_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TsHistoryWindow *self = TS_HISTORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_JOURNAL_PATH:
      g_free (self->journal_path);
      self->journal_path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_history_window_class_init (TsHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_history_window_constructed;
  object_class->dispose = ts_history_window_dispose;
  object_class->finalize = ts_history_window_finalize;
  object_class->get_property = ts_history_window_get_property;
  object_class->set_property = ts_history_window_set_property;

  /**
   * TsHistoryWindow:journal-path: (nullable)
   *
   * The journal file; %NULL at construction for the default
   * (ts_journal_dup_default_path()).
   */
  properties[PROP_JOURNAL_PATH] =
    g_param_spec_string ("journal-path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * TsHistoryWindow:busy:
   *
   * Whether a load or an export runs in a worker thread.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, session_list);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, detail_title);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, trades_count_label);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, trade_view);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, positions_count_label);
  gtk_widget_class_bind_template_child (widget_class, TsHistoryWindow, positions_list);

  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export-csv", NULL);
}

static void
ts_history_window_init (TsHistoryWindow *self)
{
  GtkWidget *placeholder;

  self->live_session_id = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->trades = g_list_store_new (TS_TYPE_TRADE_OBJECT);
  setup_columns (self);

  placeholder = gtk_label_new (_("None"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->positions_list, placeholder);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_set_spinning (self->loading_spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);

  g_signal_connect_object (self->session_list, "row-selected",
                           G_CALLBACK (on_row_selected), self, 0);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_is_active_changed), NULL);

  update_actions (self);
}

/* ---- public -------------------------------------------------------------- */

TsHistoryWindow *
ts_history_window_new (GtkApplication *application,
                       const char     *journal_path)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (TS_TYPE_HISTORY_WINDOW,
                       "application", application,
                       "journal-path", journal_path,
                       NULL);
}

const char *
ts_history_window_get_journal_path (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), NULL);

  return self->journal_path;
}

gboolean
ts_history_window_get_busy (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), FALSE);

  return self->n_running > 0;
}

const char *
ts_history_window_get_state (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
ts_history_window_get_error (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), NULL);

  return self->error_message;
}

void
ts_history_window_set_live_session_id (TsHistoryWindow *self,
                                       gint64           live_session_id)
{
  g_return_if_fail (TS_IS_HISTORY_WINDOW (self));

  if (self->live_session_id == live_session_id)
    return;
  self->live_session_id = MAX (live_session_id, -1);
  if (self->sessions != NULL)
    rebuild_session_list (self);
}

GtkListBox *
ts_history_window_get_session_list (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), NULL);

  return self->session_list;
}

gboolean
ts_history_window_select_session (TsHistoryWindow *self,
                                  gint64           session_id)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->session_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && row_session_id (GTK_LIST_BOX_ROW (child)) == session_id)
        {
          if (gtk_list_box_get_selected_row (self->session_list) == GTK_LIST_BOX_ROW (child))
            on_row_selected (self->session_list, GTK_LIST_BOX_ROW (child), self);
          else
            gtk_list_box_select_row (self->session_list, GTK_LIST_BOX_ROW (child));
          return TRUE;
        }
    }
  return FALSE;
}

gint64
ts_history_window_get_selected_session (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), 0);

  return find_session (self, self->selected_id) != NULL ? self->selected_id : 0;
}

GListModel *
ts_history_window_get_trade_model (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), NULL);

  return G_LIST_MODEL (self->trades);
}

GtkColumnView *
ts_history_window_get_trade_view (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), NULL);

  return self->trade_view;
}

guint
ts_history_window_get_n_open_positions (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), 0);

  return self->n_positions;
}

const char *
ts_history_window_get_last_toast (TsHistoryWindow *self)
{
  g_return_val_if_fail (TS_IS_HISTORY_WINDOW (self), NULL);

  return self->last_toast;
}
