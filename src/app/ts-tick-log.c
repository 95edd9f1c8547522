/* ts-tick-log.c: the last ticks, newest on top
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ts-format.h"
#include "ts-tick-log.h"

struct _TsTickLog
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkLabel  *header_label;
  GtkLabel  *lines_label;
};

G_DEFINE_FINAL_TYPE (TsTickLog, ts_tick_log, GTK_TYPE_WIDGET)

/* pads @text on the left to @width characters (not bytes) */
static void
append_right (GString    *out,
              const char *text,
              int         width)
{
  glong len = g_utf8_strlen (text, -1);

  for (glong i = len; i < width; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);
}

static void
append_left (GString    *out,
             const char *text,
             int         width)
{
  glong len = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (glong i = len; i < width; i++)
    g_string_append_c (out, ' ');
}

void
ts_tick_log_set_lines (TsTickLog           *self,
                       const TsTickLogLine *lines,
                       guint                n_lines)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint shown = 0;

  g_return_if_fail (TS_IS_TICK_LOG (self));
  g_return_if_fail (lines != NULL || n_lines == 0);

  for (guint i = n_lines; i-- > 0 && shown < TS_SESSION_LOG_LINES; shown++)
    {
      const TsTickLogLine *line = &lines[i];
      g_autofree char *time = ts_format_time_us (line->time_us, TRUE);
      g_autofree char *price = isfinite (line->price) ? ts_format_price (line->price) : g_strdup ("");
      g_autofree char *bid = isfinite (line->bid) ? ts_format_price (line->bid) : g_strdup ("");
      g_autofree char *ask = isfinite (line->ask) ? ts_format_price (line->ask) : g_strdup ("");
      g_autofree char *size = isfinite (line->size) ? ts_format_number (line->size, 4, FALSE)
                                                     : g_strdup ("");

      if (line->flags == 0)
        {
          /* a message the decoder rejected (or how many were not shown) */
          if (shown > 0)
            g_string_append_c (out, '\n');
          append_left (out, time, 14);
          g_string_append (out, line->reason);
          continue;
        }

      if (shown > 0)
        g_string_append_c (out, '\n');
      append_left (out, time, 14);
      append_left (out, line->symbol, 10);
      append_right (out, price, 11);
      append_right (out, bid, 11);
      append_right (out, ask, 11);
      append_right (out, size, 9);
    }

  gtk_label_set_text (self->lines_label, out->str);
}

static void
ts_tick_log_dispose (GObject *object)
{
  TsTickLog *self = (TsTickLog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_TICK_LOG);
  self->box = NULL;

  G_OBJECT_CLASS (ts_tick_log_parent_class)->dispose (object);
}

static void
ts_tick_log_class_init (TsTickLogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_tick_log_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-tick-log.ui");
  gtk_widget_class_bind_template_child (widget_class, TsTickLog, box);
  gtk_widget_class_bind_template_child (widget_class, TsTickLog, header_label);
  gtk_widget_class_bind_template_child (widget_class, TsTickLog, lines_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ticklog");
}

static void
ts_tick_log_init (TsTickLog *self)
{
  g_autoptr(GString) header = g_string_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Translators: the tick log's column headings; keep them short */
  append_left (header, C_("tick log", "Time"), 14);
  append_left (header, C_("tick log", "Symbol"), 10);
  append_right (header, C_("tick log", "Price"), 11);
  append_right (header, C_("tick log", "Bid"), 11);
  append_right (header, C_("tick log", "Ask"), 11);
  append_right (header, C_("tick log", "Size"), 9);
  gtk_label_set_text (self->header_label, header->str);
}
