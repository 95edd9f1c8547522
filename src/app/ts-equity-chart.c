/* ts-equity-chart.c: a backtest's equity curve or its drawdown
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <adwaita.h>

#include "ts-chart-axis.h"
#include "ts-equity-chart.h"
#include "ts-format.h"

#define MARGIN_TOP     10.0
#define MARGIN_LEFT    12.0
#define MARGIN_BOTTOM  24.0
#define AXIS_WIDTH     88.0

struct _TsEquityChart
{
  GtkWidget          parent_instance;

  TsEquityChartMode  mode;
  GArray            *points;   /* TsEquityPoint */

  /* the drawing, rebuilt only when the data, the size or the style change */
  GskRenderNode     *cache;
  int                cache_width;
  int                cache_height;
};

G_DEFINE_FINAL_TYPE (TsEquityChart, ts_equity_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
invalidate (TsEquityChart *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* the value plotted: equity, or the drawdown in percent as a negative number */
static double
value_of (TsEquityChart       *self,
          const TsEquityPoint *p)
{
  return self->mode == TS_EQUITY_CHART_EQUITY ? p->equity : -100.0 * p->drawdown;
}

static void
draw (TsEquityChart *self,
      cairo_t       *cr,
      int            width,
      int            height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const TsEquityPoint *pts = (const TsEquityPoint *) (gpointer) self->points->data;
  guint n = self->points->len;
  double px = MARGIN_LEFT, py = MARGIN_TOP;
  double pw = width - MARGIN_LEFT - AXIS_WIDTH;
  double ph = height - MARGIN_TOP - MARGIN_BOTTOM;
  double y_min = INFINITY, y_max = -INFINITY, base;
  gint64 t_start = pts[0].time_us, t_end = pts[n - 1].time_us, range_us;
  GdkRGBA fg, line;
  TsChartAxis axis;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ts_chart_axis_get_color (self->mode == TS_EQUITY_CHART_EQUITY ? TS_CHART_COLOR_BLUE
                                                                : TS_CHART_COLOR_RED,
                           dark, &line);

  range_us = MAX (t_end - t_start, G_USEC_PER_SEC);
  base = self->mode == TS_EQUITY_CHART_EQUITY ? pts[0].equity : 0.0;
  y_min = y_max = base;
  for (guint i = 0; i < n; i++)
    {
      double v = value_of (self, &pts[i]);

      if (isfinite (v))
        {
          y_min = MIN (y_min, v);
          y_max = MAX (y_max, v);
        }
    }
  if (!isfinite (y_min) || !isfinite (y_max))
    return;
  if (y_max - y_min < 1e-9 * MAX (1, fabs (y_max)))
    {
      double pad = self->mode == TS_EQUITY_CHART_EQUITY ? MAX (fabs (y_max) * 1e-4, 1e-6) : 0.01;

      y_min -= pad;
      y_max += self->mode == TS_EQUITY_CHART_EQUITY ? pad : 0;
    }
  else
    {
      double pad = (y_max - y_min) * 0.06;

      y_min -= pad;
      if (self->mode == TS_EQUITY_CHART_EQUITY || y_max < 0)
        y_max += pad;
    }

  axis = (TsChartAxis) { px, py, pw, ph, t_start, t_start + range_us, y_min, y_max };

#define X_OF(t) ts_chart_axis_x (&axis, (t))
#define Y_OF(v) ts_chart_axis_y (&axis, (v))

  /* horizontal grid and value labels, the time axis */
  ts_chart_axis_draw_value_grid (&axis, widget, cr, &fg,
                                 ts_chart_axis_nice_step ((y_max - y_min) / MAX (2, ph / 40.0), FALSE),
                                 self->mode == TS_EQUITY_CHART_DRAWDOWN ? " %" : NULL, NAN);
  ts_chart_axis_draw_time_grid (&axis, widget, cr, &fg, TS_CHART_TIME_CALENDAR, 90, 4);
  ts_chart_axis_draw_baseline (&axis, cr, &fg);

  cairo_save (cr);
  cairo_rectangle (cr, px, py, pw, ph);
  cairo_clip (cr);

  /* the base line: the initial equity, or 0 % drawdown */
  cairo_set_dash (cr, (const double[]) { 4, 4 }, 2, 0);
  ts_chart_axis_set_source (cr, &fg, 0.35);
  cairo_move_to (cr, px, round (Y_OF (base)) + 0.5);
  cairo_line_to (cr, px + pw, round (Y_OF (base)) + 0.5);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* the curve: per pixel column its first, min, max and last point, so a
   * year of minutes stays a path of a few thousand segments */
  {
    gboolean started = FALSE;
    guint i = 0;

    while (i < n)
      {
        int col = (int) floor (X_OF (pts[i].time_us));
        double first = value_of (self, &pts[i]), lo = first, hi = first, last = first;
        double x = X_OF (pts[i].time_us);
        guint k = i + 1;

        while (k < n && (int) floor (X_OF (pts[k].time_us)) == col)
          {
            last = value_of (self, &pts[k]);
            lo = MIN (lo, last);
            hi = MAX (hi, last);
            k++;
          }
        if (!started)
          {
            cairo_move_to (cr, x, Y_OF (first));
            started = TRUE;
          }
        else
          cairo_line_to (cr, x, Y_OF (first));
        if (k - i > 2)
          {
            cairo_line_to (cr, x, Y_OF (lo));
            cairo_line_to (cr, x, Y_OF (hi));
          }
        cairo_line_to (cr, k - i > 1 ? X_OF (pts[k - 1].time_us) : x, Y_OF (last));
        i = k;
      }

    if (self->mode == TS_EQUITY_CHART_DRAWDOWN)
      {
        cairo_path_t *path = cairo_copy_path (cr);

        cairo_line_to (cr, X_OF (pts[n - 1].time_us), Y_OF (0));
        cairo_line_to (cr, X_OF (pts[0].time_us), Y_OF (0));
        cairo_close_path (cr);
        ts_chart_axis_set_source (cr, &line, 0.25);
        cairo_fill (cr);
        cairo_append_path (cr, path);
        cairo_path_destroy (path);
      }
    ts_chart_axis_set_source (cr, &line, 1.0);
    cairo_set_line_width (cr, 1.5);
    cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke (cr);
  }
  cairo_restore (cr);

#undef X_OF
#undef Y_OF
}

static void
ts_equity_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TsEquityChart *self = TS_EQUITY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->points->len == 0 || width < 120 || height < 60)
    return;

  if (self->cache == NULL || self->cache_width != width || self->cache_height != height)
    {
      GtkSnapshot *inner = gtk_snapshot_new ();
      cairo_t *cr = gtk_snapshot_append_cairo (inner, &GRAPHENE_RECT_INIT (0, 0, width, height));

      draw (self, cr, width, height);
      cairo_destroy (cr);
      g_clear_pointer (&self->cache, gsk_render_node_unref);
      self->cache = gtk_snapshot_free_to_node (inner);
      self->cache_width = width;
      self->cache_height = height;
    }
  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);
}

static void
ts_equity_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
    }
  else
    {
      *minimum = 100;
      *natural = 200;
    }
}

static void
ts_equity_chart_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ts_equity_chart_parent_class)->css_changed (widget, change);
  invalidate (TS_EQUITY_CHART (widget));
}

static void
ts_equity_chart_finalize (GObject *object)
{
  TsEquityChart *self = (TsEquityChart *) object;

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->cache, gsk_render_node_unref);

  G_OBJECT_CLASS (ts_equity_chart_parent_class)->finalize (object);
}

static void
ts_equity_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TsEquityChart *self = TS_EQUITY_CHART (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_uint (value, self->mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_equity_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TsEquityChart *self = TS_EQUITY_CHART (object);

  switch (prop_id)
    {
    case PROP_MODE:
      ts_equity_chart_set_mode (self, (TsEquityChartMode) g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_equity_chart_class_init (TsEquityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ts_equity_chart_finalize;
  object_class->get_property = ts_equity_chart_get_property;
  object_class->set_property = ts_equity_chart_set_property;

  /**
   * TsEquityChart:mode:
   *
   * What it draws: a #TsEquityChartMode (0 equity, 1 drawdown).
   */
  properties[PROP_MODE] =
    g_param_spec_uint ("mode", NULL, NULL,
                       TS_EQUITY_CHART_EQUITY, TS_EQUITY_CHART_DRAWDOWN, TS_EQUITY_CHART_EQUITY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->snapshot = ts_equity_chart_snapshot;
  widget_class->measure = ts_equity_chart_measure;
  widget_class->css_changed = ts_equity_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "equitychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ts_equity_chart_init (TsEquityChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (TsEquityPoint));

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (invalidate), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ts_equity_chart_new (TsEquityChartMode mode)
{
  return g_object_new (TS_TYPE_EQUITY_CHART, "mode", (guint) mode, NULL);
}

void
ts_equity_chart_set_points (TsEquityChart       *self,
                            const TsEquityPoint *points,
                            guint                n_points)
{
  g_return_if_fail (TS_IS_EQUITY_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  g_array_set_size (self->points, 0);
  if (n_points > 0)
    g_array_append_vals (self->points, points, n_points);
  invalidate (self);
}

guint
ts_equity_chart_get_n_points (TsEquityChart *self)
{
  g_return_val_if_fail (TS_IS_EQUITY_CHART (self), 0);

  return self->points->len;
}

void
ts_equity_chart_set_mode (TsEquityChart     *self,
                          TsEquityChartMode  mode)
{
  g_return_if_fail (TS_IS_EQUITY_CHART (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

TsEquityChartMode
ts_equity_chart_get_mode (TsEquityChart *self)
{
  g_return_val_if_fail (TS_IS_EQUITY_CHART (self), TS_EQUITY_CHART_EQUITY);

  return self->mode;
}
