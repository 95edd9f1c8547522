/* test-trade-list.c: the main window's trade list: the Strategy and Symbol
 * columns, and where the view stays when trades come in on top
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app/ts-trade-list.h"
#include "app/ts-trade-object.h"

/* 2026-01-02 00:00:00 UTC, µs */
#define T0 G_GINT64_CONSTANT (1767312000000000)
#define SEC G_GINT64_CONSTANT (1000000)

static gboolean have_display;

static gboolean
skip_without_display (void)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return TRUE;
    }
  return FALSE;
}

/* a closed long of 1 unit, 100 → 101, no fees: P&L 1, 1 % */
static TsTrade
make_trade (guint       index,
            guint       strategy_id,
            const char *symbol)
{
  TsTrade t;

  memset (&t, 0, sizeof t);
  t.entry_time_us = T0 + index * 60 * SEC;
  t.exit_time_us = t.entry_time_us + 30 * SEC;
  t.side = TS_SIDE_BUY;
  t.size = 1.0;
  t.entry_price = 100.0;
  t.exit_price = 101.0;
  t.pnl = 1.0;
  t.pnl_pct = 1.0;
  t.reason = "TP";
  g_strlcpy (t.symbol, symbol, sizeof t.symbol);
  t.strategy_id = strategy_id;
  return t;
}

/* iterates the main loop until @widget is mapped with a size, 10 s at most */
static GtkWindow *
show_in_window (GtkWidget *widget,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  while (gtk_widget_get_height (widget) == 0 || !gtk_widget_get_mapped (widget))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the window was not shown in 10 s");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return window;
}

/* the highest vertical adjustment value any painted frame had */
static GtkAdjustment *watched_adjustment;
static double max_painted_value;

static void
count_paint (GdkFrameClock *clock,
             guint         *n_paints)
{
  (*n_paints)++;
  if (watched_adjustment != NULL)
    max_painted_value = MAX (max_painted_value, gtk_adjustment_get_value (watched_adjustment));
}

/* runs the main loop until @widget's window painted two more frames (the
 * insert, then anything it queued), 10 s at most */
static void
settle (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_paints = 0;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), &n_paints);
  gtk_widget_queue_draw (widget);
  while (n_paints < 2)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("no frame painted in 10 s");
      if (!g_main_context_iteration (NULL, FALSE))
        {
          gtk_widget_queue_draw (widget);
          g_usleep (1000);
        }
    }
  g_signal_handler_disconnect (clock, handler);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_label_with_class (GtkWidget  *widget,
                       const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* every shown row's (symbol, strategy) label texts: the widgets below the
 * column view that hold both a "symbol" and a "strategy" label */
static void
collect_rows (GtkWidget  *widget,
              GHashTable *strategy_by_symbol)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *symbol = find_label_with_class (child, "symbol");
      GtkWidget *strategy = find_label_with_class (child, "strategy");

      if (symbol == NULL || strategy == NULL)
        continue;
      /* a row: its cells are its children; deeper means several rows */
      if (gtk_widget_get_parent (gtk_widget_get_parent (symbol)) == child
          && gtk_widget_get_parent (gtk_widget_get_parent (strategy)) == child)
        g_hash_table_insert (strategy_by_symbol,
                             g_strdup (gtk_label_get_text (GTK_LABEL (symbol))),
                             g_strdup (gtk_label_get_text (GTK_LABEL (strategy))));
      else
        collect_rows (child, strategy_by_symbol);
    }
}

/* Trades of strategies 1 and 2 show their names; the column is hidden until
 * names are known */
static void
test_strategy_column (void)
{
  static const char * const names[] = { NULL, "maxwell", "pairs" };
  TsTradeList *list;
  GtkWindow *window;
  GtkColumnView *view;
  GListModel *columns;
  GtkColumnViewColumn *strategy_column = NULL;
  GtkColumnViewColumn *symbol_column = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  TsTrade trades[2];

  if (skip_without_display ())
    return;

  list = g_object_new (TS_TYPE_TRADE_LIST, NULL);
  window = show_in_window (GTK_WIDGET (list), 1200, 400);
  view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (view);
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Strategy") == 0)
        strategy_column = column;
      else if (g_strcmp0 (gtk_column_view_column_get_title (column), "Symbol") == 0)
        symbol_column = column;
    }
  g_assert_nonnull (strategy_column);
  g_assert_nonnull (symbol_column);
  g_assert_true (gtk_column_view_column_get_visible (symbol_column));
  g_assert_false (gtk_column_view_column_get_visible (strategy_column));

  ts_trade_list_set_strategy_names (list, names, G_N_ELEMENTS (names));
  g_assert_true (gtk_column_view_column_get_visible (strategy_column));
  g_assert_cmpstr (ts_trade_list_get_strategy_name (list, 1), ==, "maxwell");
  g_assert_cmpstr (ts_trade_list_get_strategy_name (list, 2), ==, "pairs");
  g_assert_null (ts_trade_list_get_strategy_name (list, 0));
  g_assert_null (ts_trade_list_get_strategy_name (list, 3));

  trades[0] = make_trade (0, 1, "MOCK-BTC");
  trades[1] = make_trade (1, 2, "MOCK-BTC/MOCK-ETH");
  ts_trade_list_add_trades (list, trades, 2);
  settle (GTK_WIDGET (list));

  /* the model: newest first, each with its strategy's name */
  {
    GListModel *model = ts_trade_list_get_model (list);
    g_autoptr(TsTradeObject) first = g_list_model_get_item (model, 0);
    g_autoptr(TsTradeObject) second = g_list_model_get_item (model, 1);

    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
    g_assert_cmpstr (ts_trade_object_get_strategy_name (first), ==, "pairs");
    g_assert_cmpstr (ts_trade_object_get_trade (first)->symbol, ==, "MOCK-BTC/MOCK-ETH");
    g_assert_cmpstr (ts_trade_object_get_strategy_name (second), ==, "maxwell");
  }

  /* the cells on screen */
  collect_rows (GTK_WIDGET (view), rows);
  g_assert_cmpuint (g_hash_table_size (rows), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (rows, "MOCK-BTC"), ==, "maxwell");
  g_assert_cmpstr (g_hash_table_lookup (rows, "MOCK-BTC/MOCK-ETH"), ==, "pairs");

  /* an id without a name */
  trades[0] = make_trade (2, 7, "MOCK-ETH");
  ts_trade_list_add_trades (list, trades, 1);
  settle (GTK_WIDGET (list));
  g_hash_table_remove_all (rows);
  collect_rows (GTK_WIDGET (view), rows);
  g_assert_cmpstr (g_hash_table_lookup (rows, "MOCK-ETH"), ==, "#7");

  gtk_window_destroy (window);
}

/* 200 trades, one by one as the session delivers them: at the top before
 * each, the view is at the top after; scrolled down, it is not pulled up */
static void
test_stays_at_top (void)
{
  static const char * const names[] = { "momentum" };
  TsTradeList *list;
  GtkWindow *window;
  GtkScrollable *view;
  GtkAdjustment *adj;
  double scrolled;

  if (skip_without_display ())
    return;

  list = g_object_new (TS_TYPE_TRADE_LIST, NULL);
  window = show_in_window (GTK_WIDGET (list), 1000, 300);
  view = GTK_SCROLLABLE (find_descendant (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW));
  adj = gtk_scrollable_get_vadjustment (view);
  g_assert_nonnull (adj);
  ts_trade_list_set_strategy_names (list, names, 1);
  watched_adjustment = adj;
  max_painted_value = 0.0;

  for (guint i = 0; i < 200; i++)
    {
      TsTrade trade = make_trade (i, 0, "MOCK-BTC");

      ts_trade_list_add_trades (list, &trade, 1);
      settle (GTK_WIDGET (list));
      g_assert_cmpfloat (gtk_adjustment_get_value (adj), ==, 0.0);
    }
  /* no frame showed older rows on top, not even for one frame */
  g_assert_cmpfloat (max_painted_value, ==, 0.0);
  watched_adjustment = NULL;
  g_assert_cmpuint (g_list_model_get_n_items (ts_trade_list_get_model (list)), ==, 200);
  /* 200 rows do not fit in 300 px: there is somewhere to scroll to */
  g_assert_cmpfloat (gtk_adjustment_get_upper (adj), >, gtk_adjustment_get_page_size (adj));

  /* the newest trade's row is the first one shown */
  {
    GtkWidget *symbol;
    g_autoptr(TsTradeObject) newest = g_list_model_get_item (ts_trade_list_get_model (list), 0);

    g_assert_cmpint (ts_trade_object_get_trade (newest)->entry_time_us, ==, T0 + 199 * 60 * SEC);
    symbol = find_label_with_class (GTK_WIDGET (view), "symbol");
    g_assert_nonnull (symbol);
  }

  /* scrolled down by the user: more trades do not pull the view up */
  gtk_adjustment_set_value (adj, 200.0);
  settle (GTK_WIDGET (list));
  scrolled = gtk_adjustment_get_value (adj);
  g_assert_cmpfloat (scrolled, >, 0.0);
  for (guint i = 200; i < 210; i++)
    {
      TsTrade trade = make_trade (i, 0, "MOCK-BTC");

      ts_trade_list_add_trades (list, &trade, 1);
      settle (GTK_WIDGET (list));
    }
  g_assert_cmpfloat (gtk_adjustment_get_value (adj), >=, scrolled);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
                 && gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/app/trade-list/strategy-column-shows-names", test_strategy_column);
  g_test_add_func ("/app/trade-list/stays-at-top-when-at-top", test_stays_at_top);

  return g_test_run ();
}
