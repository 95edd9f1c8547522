/* ts-trade-list.c: the closed trades, newest first
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ts-format.h"
#include "ts-trade-list.h"
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
  COL_PNL,
  COL_PNL_PCT,
  COL_REASON,
  N_COLUMNS
} Column;

struct _TsTradeList
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];

  GListStore         *store;
  /* the view was at the top before the last insert: put it back there */
  gboolean            keep_at_top;
  gulong              layout_handler;
  GdkFrameClock      *frame_clock;
  /* the strategies' short names by engine id (#TsTrade.strategy_id) */
  GPtrArray          *strategy_names;
};

G_DEFINE_FINAL_TYPE (TsTradeList, ts_trade_list, GTK_TYPE_WIDGET)

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label),
                        column == COL_SIDE || column == COL_REASON
                        || column == COL_SYMBOL || column == COL_STRATEGY ? 0.0f : 1.0f);
  gtk_widget_add_css_class (label, "numeric");
  if (column == COL_SYMBOL)
    gtk_widget_add_css_class (label, "symbol");
  else if (column == COL_STRATEGY)
    gtk_widget_add_css_class (label, "strategy");
  gtk_list_item_set_child (item, label);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *cell = gtk_widget_get_parent (label);
  TsTradeObject *object = gtk_list_item_get_item (item);
  const TsTrade *trade = ts_trade_object_get_trade (object);
  g_autofree char *text = NULL;

  switch (column)
    {
    case COL_ENTRY_TIME:
      text = ts_format_time_us (trade->entry_time_us, FALSE);
      break;
    case COL_EXIT_TIME:
      text = ts_format_time_us (trade->exit_time_us, FALSE);
      break;
    case COL_SYMBOL:
      text = g_strdup (trade->symbol);
      break;
    case COL_STRATEGY:
      {
        const char *name = ts_trade_object_get_strategy_name (object);

        /* Translators: a trade's strategy when its name is not known */
        text = name != NULL ? g_strdup (name) : g_strdup_printf (_("#%u"), trade->strategy_id);
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
    case COL_PNL:
      text = ts_format_number (trade->pnl, 2, TRUE);
      break;
    case COL_PNL_PCT:
      {
        g_autofree char *pct = ts_format_number (trade->pnl_pct, 2, TRUE);

        text = g_strdup_printf ("%s %%", pct);
      }
      break;
    case COL_REASON:
      text = g_strdup (trade->reason != NULL ? trade->reason : "");
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (GTK_LABEL (label), text);

  /* tint the whole cell: the label's parent is the column view's cell */
  if (cell == NULL)
    cell = label;
  gtk_widget_remove_css_class (cell, "profit");
  gtk_widget_remove_css_class (cell, "loss");
  gtk_widget_add_css_class (cell, trade->pnl > 0 ? "profit" : "loss");
}

/* The frame clock's layout phase, after the window allocated its widgets
 * (connected with g_signal_connect_after(), it runs after the window's
 * handler, which realizing the window connected first). Moving the value
 * lets the list view take row 0 as its anchor and lay out again: the
 * frame clock runs the layout phase again in the same frame when asked
 * to, so the frame is painted at the top. */
static void
on_layout (GdkFrameClock *frame_clock,
           TsTradeList   *self)
{
  GtkAdjustment *vadjustment;
  double lower;

  if (!self->keep_at_top || !gtk_widget_get_mapped (GTK_WIDGET (self->column_view)))
    return;

  self->keep_at_top = FALSE;
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  if (vadjustment == NULL)
    return;
  lower = gtk_adjustment_get_lower (vadjustment);
  if (gtk_adjustment_get_value (vadjustment) != lower)
    gtk_adjustment_set_value (vadjustment, lower);
}

static void
ts_trade_list_realize (GtkWidget *widget)
{
  TsTradeList *self = (TsTradeList *)widget;

  GTK_WIDGET_CLASS (ts_trade_list_parent_class)->realize (widget);

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  self->layout_handler = g_signal_connect_after (self->frame_clock, "layout",
                                                 G_CALLBACK (on_layout), self);
}

static void
ts_trade_list_unrealize (GtkWidget *widget)
{
  TsTradeList *self = (TsTradeList *)widget;

  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->layout_handler, self->frame_clock);
  g_clear_object (&self->frame_clock);

  GTK_WIDGET_CLASS (ts_trade_list_parent_class)->unrealize (widget);
}

static void
update_count (TsTradeList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (self->count_label, text);
}

void
ts_trade_list_add_trades (TsTradeList   *self,
                          const TsTrade *trades,
                          guint          n_trades)
{
  g_autoptr(GPtrArray) items = NULL;
  GtkAdjustment *vadjustment;
  gboolean at_top;

  g_return_if_fail (TS_IS_TRADE_LIST (self));
  g_return_if_fail (trades != NULL || n_trades == 0);

  if (n_trades == 0)
    return;

  items = g_ptr_array_new_full (n_trades, g_object_unref);
  for (guint i = n_trades; i-- > 0;)
    {
      guint id = trades[i].strategy_id;
      const char *name = id < self->strategy_names->len ? g_ptr_array_index (self->strategy_names, id)
                                                        : NULL;

      g_ptr_array_add (items, ts_trade_object_new_full (&trades[i], name));
    }

  /* The list view keeps its top row in view across an insert above it:
   * newly closed trades would go out of sight above. Looking at the
   * newest (at the top, within half a pixel) keeps looking at the newest;
   * scrolled down, the rows looked at stay. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
  at_top = vadjustment == NULL || self->keep_at_top
           || gtk_adjustment_get_value (vadjustment) - gtk_adjustment_get_lower (vadjustment) < 0.5;

  g_list_store_splice (self->store, 0, 0, items->pdata, items->len);
  update_count (self);

  /* The view's anchor row moved down with the insert, and GTK 4.8 has no
   * call to scroll a column view to a row: on_layout() puts the value back
   * at the top once the view has laid out the new rows */
  if (at_top)
    {
      self->keep_at_top = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self->column_view));
    }
}

void
ts_trade_list_set_strategy_names (TsTradeList        *self,
                                  const char * const *names,
                                  guint               n_names)
{
  gboolean any = FALSE;

  g_return_if_fail (TS_IS_TRADE_LIST (self));
  g_return_if_fail (names != NULL || n_names == 0);

  /* the window sets them on every session update: mostly the same */
  if (n_names == self->strategy_names->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < n_names && same; i++)
        same = g_strcmp0 (names[i], g_ptr_array_index (self->strategy_names, i)) == 0;
      if (same)
        return;
    }

  g_ptr_array_set_size (self->strategy_names, 0);
  for (guint i = 0; i < n_names; i++)
    {
      g_ptr_array_add (self->strategy_names, g_strdup (names[i]));
      any |= names[i] != NULL;
    }

  gtk_column_view_column_set_visible (self->columns[COL_STRATEGY], any);
}

const char *
ts_trade_list_get_strategy_name (TsTradeList *self,
                                 guint        strategy_id)
{
  g_return_val_if_fail (TS_IS_TRADE_LIST (self), NULL);

  return strategy_id < self->strategy_names->len ? g_ptr_array_index (self->strategy_names, strategy_id)
                                                 : NULL;
}

void
ts_trade_list_clear (TsTradeList *self)
{
  g_return_if_fail (TS_IS_TRADE_LIST (self));

  g_list_store_remove_all (self->store);
  update_count (self);
}

GListModel *
ts_trade_list_get_model (TsTradeList *self)
{
  g_return_val_if_fail (TS_IS_TRADE_LIST (self), NULL);

  return G_LIST_MODEL (self->store);
}

static void
ts_trade_list_dispose (GObject *object)
{
  TsTradeList *self = (TsTradeList *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_TRADE_LIST);
  self->box = NULL;
  g_clear_object (&self->store);
  g_clear_pointer (&self->strategy_names, g_ptr_array_unref);

  G_OBJECT_CLASS (ts_trade_list_parent_class)->dispose (object);
}

static void
ts_trade_list_class_init (TsTradeListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_trade_list_dispose;

  widget_class->realize = ts_trade_list_realize;
  widget_class->unrealize = ts_trade_list_unrealize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-trade-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TsTradeList, box);
  gtk_widget_class_bind_template_child (widget_class, TsTradeList, count_label);
  gtk_widget_class_bind_template_child (widget_class, TsTradeList, column_view);
  gtk_widget_class_bind_template_child_full (widget_class, "entry_time_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_ENTRY_TIME]));
  gtk_widget_class_bind_template_child_full (widget_class, "exit_time_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_EXIT_TIME]));
  gtk_widget_class_bind_template_child_full (widget_class, "symbol_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_SYMBOL]));
  gtk_widget_class_bind_template_child_full (widget_class, "strategy_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_STRATEGY]));
  gtk_widget_class_bind_template_child_full (widget_class, "side_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_SIDE]));
  gtk_widget_class_bind_template_child_full (widget_class, "size_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_SIZE]));
  gtk_widget_class_bind_template_child_full (widget_class, "entry_price_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_ENTRY_PRICE]));
  gtk_widget_class_bind_template_child_full (widget_class, "exit_price_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_EXIT_PRICE]));
  gtk_widget_class_bind_template_child_full (widget_class, "pnl_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_PNL]));
  gtk_widget_class_bind_template_child_full (widget_class, "pnl_pct_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_PNL_PCT]));
  gtk_widget_class_bind_template_child_full (widget_class, "reason_column", FALSE,
                                             G_STRUCT_OFFSET (TsTradeList, columns[COL_REASON]));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "tradelist");
}

static void
ts_trade_list_init (TsTradeList *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (TS_TYPE_TRADE_OBJECT);
  self->strategy_names = g_ptr_array_new_with_free_func (g_free);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->store)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (on_setup), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (on_bind), GUINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (self->columns[i], factory);
    }

  update_count (self);
}
