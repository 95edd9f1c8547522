/* ts-stats-panel.c: the session's metrics at a glance
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ts-format.h"
#include "ts-stats-panel.h"

struct _TsStatsPanel
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *price_label;
  GtkLabel  *position_label;
  GtkLabel  *entry_label;
  GtkLabel  *unrealized_label;
  GtkLabel  *trades_label;
  GtkLabel  *win_rate_label;
  GtkLabel  *daily_pnl_label;
  GtkLabel  *total_pnl_label;
  GtkLabel  *drawdown_label;
  GtkLabel  *equity_label;
  GtkLabel  *risk_label;
};

G_DEFINE_FINAL_TYPE (TsStatsPanel, ts_stats_panel, GTK_TYPE_WIDGET)

static void
set_pnl (GtkLabel *label,
         double    value,
         gboolean  known)
{
  GtkWidget *widget = GTK_WIDGET (label);
  g_autofree char *text = known ? ts_format_number (value, 2, TRUE) : g_strdup ("—");

  gtk_label_set_text (label, text);
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "error");
  if (known && value >= 0.005)
    gtk_widget_add_css_class (widget, "success");
  else if (known && value <= -0.005)
    gtk_widget_add_css_class (widget, "error");
}

void
ts_stats_panel_set_stats (TsStatsPanel        *self,
                          const TsLedgerStats *stats)
{
  g_autofree char *price = NULL;
  g_autofree char *entry = NULL;
  g_autofree char *trades = NULL;
  g_autofree char *win_rate = NULL;
  g_autofree char *drawdown = NULL;
  g_autofree char *equity = NULL;
  const char *position;

  g_return_if_fail (TS_IS_STATS_PANEL (self));

  if (stats == NULL)
    {
      GtkLabel *labels[] = { self->price_label, self->position_label, self->entry_label,
                             self->trades_label, self->win_rate_label,
                             self->drawdown_label, self->equity_label };

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        gtk_label_set_text (labels[i], "—");
      set_pnl (self->unrealized_label, 0, FALSE);
      set_pnl (self->daily_pnl_label, 0, FALSE);
      set_pnl (self->total_pnl_label, 0, FALSE);
      return;
    }

  price = ts_format_price (stats->last_price);
  gtk_label_set_text (self->price_label, price);

  if (stats->open_positions > 1 ||
      (stats->open_positions == 1 && stats->position_side == TS_SIDE_NONE))
    {
      /* several strategies in a position, or one pair: the count */
      g_autofree char *open = NULL;

      /* Translators: how many positions are open, e.g. "3 open" */
      open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open", "%u open",
                                           stats->open_positions),
                              stats->open_positions);
      gtk_label_set_text (self->position_label, open);
      position = NULL;
    }
  else
    {
      position = stats->position_side == TS_SIDE_NONE ? C_("position", "None")
                                                      : ts_format_side (stats->position_side);
      gtk_label_set_text (self->position_label, position);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->position_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->position_label), "error");
  if (position != NULL && stats->position_side == TS_SIDE_BUY)
    gtk_widget_add_css_class (GTK_WIDGET (self->position_label), "success");
  else if (position != NULL && stats->position_side == TS_SIDE_SELL)
    gtk_widget_add_css_class (GTK_WIDGET (self->position_label), "error");

  if (position != NULL && stats->position_side != TS_SIDE_NONE)
    {
      g_autofree char *entry_price = ts_format_price (stats->position_entry_price);
      g_autofree char *size = ts_format_number (stats->position_size, 4, FALSE);

      /* Translators: position size @ entry price, e.g. "1.0000 @ 30,012.50" */
      entry = g_strdup_printf (_("%s @ %s"), size, entry_price);
    }
  else
    entry = g_strdup ("—");
  gtk_label_set_text (self->entry_label, entry);
  set_pnl (self->unrealized_label, stats->unrealized_pnl, stats->open_positions > 0);

  /* Translators: closed trades: total (wins / losses) */
  trades = g_strdup_printf (_("%u (%u W / %u L)"), stats->trades, stats->wins, stats->losses);
  gtk_label_set_text (self->trades_label, trades);

  if (stats->trades > 0)
    {
      g_autofree char *pct = ts_format_number (stats->win_rate * 100, 1, FALSE);

      win_rate = g_strdup_printf ("%s %%", pct);
    }
  else
    win_rate = g_strdup ("—");
  gtk_label_set_text (self->win_rate_label, win_rate);

  set_pnl (self->daily_pnl_label, stats->daily_pnl, TRUE);
  set_pnl (self->total_pnl_label, stats->total_pnl, TRUE);

  {
    g_autofree char *pct = ts_format_number (stats->max_drawdown * 100, 2, FALSE);
    g_autofree char *amount = ts_format_number (stats->max_drawdown_amount, 2, FALSE);

    /* Translators: max drawdown: percent of the peak (amount in quote currency) */
    drawdown = g_strdup_printf (_("%s %% (%s)"), pct, amount);
    gtk_label_set_text (self->drawdown_label, drawdown);
  }

  equity = ts_format_number (stats->equity, 2, FALSE);
  gtk_label_set_text (self->equity_label, equity);
}

void
ts_stats_panel_set_risk_state (TsStatsPanel *self,
                               gboolean      halted,
                               const char   *code,
                               gint64        until_us)
{
  GtkWidget *widget;
  g_autofree char *text = NULL;

  g_return_if_fail (TS_IS_STATS_PANEL (self));

  widget = GTK_WIDGET (self->risk_label);
  gtk_widget_remove_css_class (widget, "success");
  gtk_widget_remove_css_class (widget, "error");

  if (!halted)
    {
      /* Translators: the risk state: new entries are allowed */
      gtk_label_set_text (self->risk_label, C_("risk", "Active"));
      gtk_widget_add_css_class (widget, "success");
      return;
    }

  if (g_strcmp0 (code, "CIRCUIT_BREAKER") == 0)
    {
      if (until_us > 0)
        {
          g_autoptr(GDateTime) until = g_date_time_new_from_unix_utc (until_us / G_USEC_PER_SEC);
          g_autofree char *time = until != NULL ? g_date_time_format (until, "%H:%M:%S") : NULL;

          /* Translators: the risk state; %s is a UTC time, HH:MM:SS */
          text = g_strdup_printf (_("Halted — circuit breaker until %s UTC"),
                                  time != NULL ? time : "—");
        }
      else
        text = g_strdup (_("Halted — circuit breaker"));
    }
  else if (g_strcmp0 (code, "EMERGENCY_STOP") == 0)
    text = g_strdup (_("Halted — emergency stop"));
  else if (g_strcmp0 (code, "DRAWDOWN_HALT") == 0)
    text = g_strdup (_("Halted — drawdown halt"));
  else if (g_strcmp0 (code, "HALTED") == 0 || g_strcmp0 (code, "DAILY") == 0)
    text = g_strdup (_("Halted — daily loss limit"));
  else
    text = g_strdup (_("Halted"));

  gtk_label_set_text (self->risk_label, text);
  gtk_widget_add_css_class (widget, "error");
}

const char *
ts_stats_panel_get_risk_text (TsStatsPanel *self)
{
  g_return_val_if_fail (TS_IS_STATS_PANEL (self), NULL);

  return gtk_label_get_text (self->risk_label);
}

static void
ts_stats_panel_dispose (GObject *object)
{
  TsStatsPanel *self = (TsStatsPanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_STATS_PANEL);
  self->box = NULL;

  G_OBJECT_CLASS (ts_stats_panel_parent_class)->dispose (object);
}

static void
ts_stats_panel_class_init (TsStatsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_stats_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-stats-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, price_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, position_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, entry_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, unrealized_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, trades_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, win_rate_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, daily_pnl_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, total_pnl_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, drawdown_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, equity_label);
  gtk_widget_class_bind_template_child (widget_class, TsStatsPanel, risk_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statspanel");
}

static void
ts_stats_panel_init (TsStatsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ts_stats_panel_set_stats (self, NULL);
}
