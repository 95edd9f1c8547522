/* ts-heatmap.c: a grid of cells coloured by value, with a colour scale
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ts-chart-axis.h"
#include "ts-format.h"
#include "ts-heatmap.h"

#define MARGIN        8.0
#define LEGEND_WIDTH  96.0
#define LEGEND_BAR    14.0

struct _TsHeatmap
{
  GtkWidget  parent_instance;

  guint      n_rows;
  guint      n_cols;
  double    *values;
  char     **row_labels;
  char     **col_labels;
  char      *row_title;
  char      *col_title;
  char      *value_title;
  int        digits;
  gboolean   percent;

  gboolean   has_selection;
  guint      sel_row;
  guint      sel_col;
  int        hover_row;   /* -1: none */
  int        hover_col;

  /* the cell area of the last drawing */
  double     gx, gy, gw, gh;
};

G_DEFINE_FINAL_TYPE (TsHeatmap, ts_heatmap, GTK_TYPE_WIDGET)

enum {
  CELL_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* viridis (matplotlib's default colour map) at five stops */
static const double ramp[][3] = {
  { 0x44 / 255.0, 0x01 / 255.0, 0x54 / 255.0 },
  { 0x3b / 255.0, 0x52 / 255.0, 0x8b / 255.0 },
  { 0x21 / 255.0, 0x91 / 255.0, 0x8c / 255.0 },
  { 0x5e / 255.0, 0xc9 / 255.0, 0x62 / 255.0 },
  { 0xfd / 255.0, 0xe7 / 255.0, 0x25 / 255.0 },
};

static void
ramp_color (double  t,
            double *rgb)
{
  double x = CLAMP (t, 0.0, 1.0) * (G_N_ELEMENTS (ramp) - 1);
  guint i = MIN ((guint) floor (x), G_N_ELEMENTS (ramp) - 2);
  double f = x - i;

  for (guint k = 0; k < 3; k++)
    rgb[k] = ramp[i][k] * (1 - f) + ramp[i + 1][k] * f;
}

static void
value_range (TsHeatmap *self,
             double    *lo,
             double    *hi)
{
  *lo = INFINITY;
  *hi = -INFINITY;
  for (guint i = 0; i < self->n_rows * self->n_cols; i++)
    if (isfinite (self->values[i]))
      {
        *lo = MIN (*lo, self->values[i]);
        *hi = MAX (*hi, self->values[i]);
      }
}

char *
ts_heatmap_format_value (TsHeatmap *self,
                         double     value)
{
  g_return_val_if_fail (TS_IS_HEATMAP (self), NULL);

  if (isnan (value))
    return g_strdup ("—");
  if (isinf (value))
    return g_strdup (value > 0 ? "∞" : "−∞");
  if (self->percent)
    {
      g_autofree char *n = ts_format_number (value * 100.0, self->digits, FALSE);

      return g_strdup_printf ("%s %%", n);
    }
  return ts_format_number (value, self->digits, FALSE);
}

static int
text_width (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static void
ts_heatmap_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  TsHeatmap *self = TS_HEATMAP (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double lo, hi, label_w = 0, cw, ch;
  double left, bottom;
  GdkRGBA fg;
  cairo_t *cr;

  if (self->n_rows == 0 || self->n_cols == 0 || width < 160 || height < 80)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  for (guint r = 0; r < self->n_rows; r++)
    if (self->row_labels != NULL && self->row_labels[r] != NULL)
      label_w = MAX (label_w, text_width (widget, self->row_labels[r]));
  left = MARGIN + (self->row_title != NULL ? 22 : 0) + label_w + 8;
  bottom = MARGIN + 22 + (self->col_title != NULL ? 20 : 0);

  self->gx = left;
  self->gy = MARGIN;
  self->gw = MAX (1, width - left - LEGEND_WIDTH - MARGIN);
  self->gh = MAX (1, height - MARGIN - bottom);
  cw = self->gw / self->n_cols;
  ch = self->gh / self->n_rows;

  value_range (self, &lo, &hi);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* the cells */
  for (guint r = 0; r < self->n_rows; r++)
    for (guint c = 0; c < self->n_cols; c++)
      {
        double v = self->values[r * self->n_cols + c];
        double x = self->gx + c * cw;
        double y = self->gy + (self->n_rows - 1 - r) * ch;
        double rgb[3];

        if (isnan (v))
          {
            cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.08);
            cairo_rectangle (cr, x + 1, y + 1, cw - 2, ch - 2);
            cairo_fill (cr);
            cairo_save (cr);
            cairo_rectangle (cr, x + 1, y + 1, cw - 2, ch - 2);
            cairo_clip (cr);
            cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.18);
            cairo_set_line_width (cr, 1);
            for (double d = -ch; d < cw; d += 8)
              {
                cairo_move_to (cr, x + d, y + ch);
                cairo_line_to (cr, x + d + ch, y);
              }
            cairo_stroke (cr);
            cairo_restore (cr);
            rgb[0] = fg.red;
            rgb[1] = fg.green;
            rgb[2] = fg.blue;
          }
        else
          {
            double t = isinf (v) ? (v > 0 ? 1 : 0) : hi > lo ? (v - lo) / (hi - lo) : 0.5;

            ramp_color (t, rgb);
            cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
            cairo_rectangle (cr, x + 1, y + 1, cw - 2, ch - 2);
            cairo_fill (cr);
          }

        if (cw >= 44 && ch >= 20)
          {
            g_autofree char *text = ts_heatmap_format_value (self, v);
            double lum = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];

            if (isnan (v))
              cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
            else if (lum > 0.5)
              cairo_set_source_rgb (cr, 0, 0, 0);
            else
              cairo_set_source_rgb (cr, 1, 1, 1);
            ts_chart_axis_draw_text (widget, cr, text, x + cw / 2, y + ch / 2, 0.5, 0.5);
          }

        if ((int) r == self->hover_row && (int) c == self->hover_col)
          {
            cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.5);
            cairo_set_line_width (cr, 1);
            cairo_rectangle (cr, x + 1.5, y + 1.5, cw - 3, ch - 3);
            cairo_stroke (cr);
          }
        if (self->has_selection && r == self->sel_row && c == self->sel_col)
          {
            cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 1);
            cairo_set_line_width (cr, 2.5);
            cairo_rectangle (cr, x + 2, y + 2, cw - 4, ch - 4);
            cairo_stroke (cr);
          }
      }

  /* axis labels: rows on the left, columns below (thinned when crowded) */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.75);
  {
    guint every = MAX (1, (guint) ceil (18.0 / MAX (ch, 1)));

    for (guint r = 0; r < self->n_rows && self->row_labels != NULL; r += every)
      if (self->row_labels[r] != NULL)
        ts_chart_axis_draw_text (widget, cr, self->row_labels[r], left - 6,
                                 self->gy + (self->n_rows - 0.5 - r) * ch, 1, 0.5);
  }
  {
    double max_w = 0;
    guint every;

    for (guint c = 0; c < self->n_cols && self->col_labels != NULL; c++)
      if (self->col_labels[c] != NULL)
        max_w = MAX (max_w, text_width (widget, self->col_labels[c]));
    every = MAX (1, (guint) ceil ((max_w + 8) / MAX (cw, 1)));
    for (guint c = 0; c < self->n_cols && self->col_labels != NULL; c += every)
      if (self->col_labels[c] != NULL)
        ts_chart_axis_draw_text (widget, cr, self->col_labels[c], self->gx + (c + 0.5) * cw,
                                 self->gy + self->gh + 4, 0.5, 0);
  }
  if (self->col_title != NULL)
    ts_chart_axis_draw_text (widget, cr, self->col_title, self->gx + self->gw / 2,
                             self->gy + self->gh + 24, 0.5, 0);
  if (self->row_title != NULL)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, self->gy + self->gh / 2);
      cairo_rotate (cr, -G_PI / 2);
      ts_chart_axis_draw_text (widget, cr, self->row_title, 0, 0, 0.5, 0);
      cairo_restore (cr);
    }

  /* the legend: the colour ramp from lo (bottom) to hi (top) */
  if (isfinite (lo))
    {
      double lx = self->gx + self->gw + 14;
      double ly = self->gy + 20, lh = MAX (20, self->gh - 40);
      g_autofree char *lo_text = ts_heatmap_format_value (self, lo);
      g_autofree char *hi_text = ts_heatmap_format_value (self, hi);
      cairo_pattern_t *pattern = cairo_pattern_create_linear (0, ly + lh, 0, ly);

      for (guint k = 0; k < G_N_ELEMENTS (ramp); k++)
        cairo_pattern_add_color_stop_rgb (pattern, (double) k / (G_N_ELEMENTS (ramp) - 1),
                                          ramp[k][0], ramp[k][1], ramp[k][2]);
      cairo_set_source (cr, pattern);
      cairo_rectangle (cr, lx, ly, LEGEND_BAR, lh);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.75);
      ts_chart_axis_draw_text (widget, cr, hi_text, lx + LEGEND_BAR + 4, ly, 0, 0.5);
      ts_chart_axis_draw_text (widget, cr, lo_text, lx + LEGEND_BAR + 4, ly + lh, 0, 0.5);
      if (self->value_title != NULL)
        ts_chart_axis_draw_text (widget, cr, self->value_title, lx, self->gy, 0, 0);
    }

  cairo_destroy (cr);
}

static gboolean
cell_at (TsHeatmap *self,
         double     x,
         double     y,
         guint     *row,
         guint     *col)
{
  double fc, fr;

  if (self->n_rows == 0 || self->n_cols == 0 || self->gw <= 0 || self->gh <= 0)
    return FALSE;
  fc = (x - self->gx) / (self->gw / self->n_cols);
  fr = (y - self->gy) / (self->gh / self->n_rows);
  if (fc < 0 || fr < 0 || fc >= self->n_cols || fr >= self->n_rows)
    return FALSE;
  *col = (guint) fc;
  *row = self->n_rows - 1 - (guint) fr;
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TsHeatmap                *self)
{
  guint row, col;
  int hr = -1, hc = -1;

  if (cell_at (self, x, y, &row, &col))
    {
      hr = (int) row;
      hc = (int) col;
    }
  if (hr != self->hover_row || hc != self->hover_col)
    {
      self->hover_row = hr;
      self->hover_col = hc;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          TsHeatmap                *self)
{
  self->hover_row = self->hover_col = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             TsHeatmap       *self)
{
  guint row, col;

  if (cell_at (self, x, y, &row, &col))
    ts_heatmap_select (self, row, col);
}

static gboolean
ts_heatmap_query_tooltip (GtkWidget  *widget,
                          int         x,
                          int         y,
                          gboolean    keyboard,
                          GtkTooltip *tooltip)
{
  TsHeatmap *self = TS_HEATMAP (widget);
  g_autofree char *text = NULL;
  guint row, col;

  if (!cell_at (self, x, y, &row, &col))
    return FALSE;
  text = ts_heatmap_get_cell_text (self, row, col);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ts_heatmap_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 560 : 360;
}

static void
ts_heatmap_finalize (GObject *object)
{
  TsHeatmap *self = (TsHeatmap *) object;

  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->row_labels, g_strfreev);
  g_clear_pointer (&self->col_labels, g_strfreev);
  g_clear_pointer (&self->row_title, g_free);
  g_clear_pointer (&self->col_title, g_free);
  g_clear_pointer (&self->value_title, g_free);

  G_OBJECT_CLASS (ts_heatmap_parent_class)->finalize (object);
}

static void
ts_heatmap_class_init (TsHeatmapClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ts_heatmap_finalize;

  widget_class->snapshot = ts_heatmap_snapshot;
  widget_class->measure = ts_heatmap_measure;
  widget_class->query_tooltip = ts_heatmap_query_tooltip;

  /**
   * TsHeatmap::cell-selected:
   * @self: the heatmap
   * @row: the cell's row
   * @col: its column
   *
   * A cell was clicked (or ts_heatmap_select() called).
   */
  signals[CELL_SELECTED] =
    g_signal_new ("cell-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "heatmap");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ts_heatmap_init (TsHeatmap *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover_row = self->hover_col = -1;
  self->digits = 2;

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
ts_heatmap_new (void)
{
  return g_object_new (TS_TYPE_HEATMAP, NULL);
}

void
ts_heatmap_set_data (TsHeatmap          *self,
                     guint               n_rows,
                     guint               n_cols,
                     const double       *values,
                     const char * const *row_labels,
                     const char * const *col_labels)
{
  g_return_if_fail (TS_IS_HEATMAP (self));

  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->row_labels, g_strfreev);
  g_clear_pointer (&self->col_labels, g_strfreev);
  self->n_rows = n_rows;
  self->n_cols = n_cols;
  self->values = g_new (double, MAX (1, (gsize) n_rows * n_cols));
  for (gsize i = 0; i < (gsize) n_rows * n_cols; i++)
    self->values[i] = values != NULL ? values[i] : NAN;
  self->row_labels = g_strdupv ((char **) row_labels);
  self->col_labels = g_strdupv ((char **) col_labels);
  self->has_selection = FALSE;
  self->hover_row = self->hover_col = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_heatmap_set_titles (TsHeatmap  *self,
                       const char *row_title,
                       const char *col_title,
                       const char *value_title,
                       int         digits,
                       gboolean    percent)
{
  g_return_if_fail (TS_IS_HEATMAP (self));

  g_free (self->row_title);
  self->row_title = g_strdup (row_title);
  g_free (self->col_title);
  self->col_title = g_strdup (col_title);
  g_free (self->value_title);
  self->value_title = g_strdup (value_title);
  self->digits = digits;
  self->percent = percent;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ts_heatmap_get_n_rows (TsHeatmap *self)
{
  g_return_val_if_fail (TS_IS_HEATMAP (self), 0);

  return self->n_rows;
}

guint
ts_heatmap_get_n_cols (TsHeatmap *self)
{
  g_return_val_if_fail (TS_IS_HEATMAP (self), 0);

  return self->n_cols;
}

double
ts_heatmap_get_value (TsHeatmap *self,
                      guint      row,
                      guint      col)
{
  g_return_val_if_fail (TS_IS_HEATMAP (self), NAN);

  if (row >= self->n_rows || col >= self->n_cols)
    return NAN;
  return self->values[row * self->n_cols + col];
}

char *
ts_heatmap_get_cell_text (TsHeatmap *self,
                          guint      row,
                          guint      col)
{
  g_autofree char *value = NULL;
  GString *s;

  g_return_val_if_fail (TS_IS_HEATMAP (self), NULL);

  if (row >= self->n_rows || col >= self->n_cols)
    return NULL;

  value = ts_heatmap_format_value (self, self->values[row * self->n_cols + col]);
  s = g_string_new (NULL);
  if (self->row_labels != NULL && self->row_labels[row] != NULL)
    g_string_append_printf (s, "%s %s", self->row_title != NULL ? self->row_title : "",
                            self->row_labels[row]);
  if (self->col_labels != NULL && self->col_labels[col] != NULL)
    g_string_append_printf (s, "%s%s %s", s->len > 0 ? ", " : "",
                            self->col_title != NULL ? self->col_title : "",
                            self->col_labels[col]);
  g_string_append_printf (s, "%s%s %s", s->len > 0 ? ": " : "",
                          self->value_title != NULL ? self->value_title : "", value);
  return g_string_free (s, FALSE);
}

gboolean
ts_heatmap_get_selected (TsHeatmap *self,
                         guint     *row,
                         guint     *col)
{
  g_return_val_if_fail (TS_IS_HEATMAP (self), FALSE);

  if (row != NULL)
    *row = self->sel_row;
  if (col != NULL)
    *col = self->sel_col;
  return self->has_selection;
}

void
ts_heatmap_select (TsHeatmap *self,
                   guint      row,
                   guint      col)
{
  g_return_if_fail (TS_IS_HEATMAP (self));
  g_return_if_fail (row < self->n_rows && col < self->n_cols);

  self->has_selection = TRUE;
  self->sel_row = row;
  self->sel_col = col;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CELL_SELECTED], 0, row, col);
}
