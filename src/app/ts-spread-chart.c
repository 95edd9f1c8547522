/* ts-spread-chart.c: the pairs strategy's spread with its bands
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ts-chart-axis.h"
#include "ts-format.h"
#include "ts-spread-chart.h"

/* the same side margins as TsPriceChart, so the two plots line up */
#define MARGIN_TOP     8.0
#define MARGIN_LEFT    12.0
#define MARGIN_BOTTOM  22.0
#define AXIS_WIDTH     88.0

typedef enum
{
  FIELD_SPREAD,
  FIELD_MEAN,
  FIELD_Z,
  FIELD_UPPER_ENTRY,
  FIELD_LOWER_ENTRY,
  FIELD_UPPER_EXIT,
  FIELD_LOWER_EXIT,
  FIELD_UPPER_STOP,
  FIELD_LOWER_STOP,
  N_FIELDS
} Field;

/* the pairs strategy's overlay names, by Field */
static const char * const field_names[N_FIELDS] = {
  "spread", "mean", "z", "upper_entry", "lower_entry", "upper_exit", "lower_exit",
  "upper_stop", "lower_stop",
};

typedef struct
{
  gint64 time_us;
  double v[N_FIELDS];
} Sample;

struct _TsSpreadChart
{
  GtkWidget  parent_instance;

  GArray    *samples;     /* Sample, time order */
  gboolean   has_strategy;
  guint      strategy_id; /* the pairs strategy shown */
  gint64     span_us;
};

G_DEFINE_FINAL_TYPE (TsSpreadChart, ts_spread_chart, GTK_TYPE_WIDGET)

typedef enum
{
  STYLE_SOLID,
  STYLE_DASHED,
  STYLE_DOTTED,
} LineStyle;

typedef struct
{
  const char   *label;
  gboolean      is_fg;  /* drawn in the foreground's colour, not @color */
  TsChartColor  color;
  LineStyle     style;
  double        width;
} Band;

/* what each line looks like; the mean's colour is the foreground's */
enum { LINE_SPREAD, LINE_MEAN, LINE_ENTRY, LINE_EXIT, LINE_STOP, N_LINES };

static const Band lines[N_LINES] = {
  [LINE_SPREAD] = { N_("Spread"), FALSE, TS_CHART_COLOR_BLUE, STYLE_SOLID, 1.5 },
  [LINE_MEAN]   = { N_("Mean"), TRUE, TS_CHART_COLOR_BLUE, STYLE_SOLID, 1.0 },
  [LINE_ENTRY]  = { N_("Entry"), FALSE, TS_CHART_COLOR_ORANGE, STYLE_DASHED, 1.2 },
  [LINE_EXIT]   = { N_("Exit"), FALSE, TS_CHART_COLOR_GREEN, STYLE_DOTTED, 1.5 },
  [LINE_STOP]   = { N_("Stop"), FALSE, TS_CHART_COLOR_RED, STYLE_DASHED, 1.2 },
};

static void
set_line (cairo_t    *cr,
          LineStyle   style,
          double      width)
{
  static const double dash[] = { 6.0, 4.0 };
  static const double dot[] = { 1.5, 3.0 };

  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, style == STYLE_DASHED ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  if (style == STYLE_DASHED)
    cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
  else if (style == STYLE_DOTTED)
    cairo_set_dash (cr, dot, G_N_ELEMENTS (dot), 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
line_color (guint          line,
            gboolean       dark,
            const GdkRGBA *fg,
            GdkRGBA       *out)
{
  if (lines[line].is_fg)
    {
      *out = *fg;
      out->alpha *= 0.55;
    }
  else
    ts_chart_axis_get_color (lines[line].color, dark, out);
}

/* the first sample with time >= @t */
static guint
lower_bound (TsSpreadChart *self,
             gint64         t)
{
  guint lo = 0, hi = self->samples->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (self->samples, Sample, mid).time_us < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* one field over the samples from @first as a line (NaN breaks it), at
 * most one point per pixel column */
static void
trace_field (TsSpreadChart *self,
             cairo_t       *cr,
             Field          field,
             guint          first,
             double         px,
             double         pw,
             double         py,
             double         ph,
             gint64         t_start,
             gint64         range_us,
             double         y_min,
             double         y_max)
{
  gboolean pen_down = FALSE;
  double last_col = -1;

  for (guint i = first; i < self->samples->len; i++)
    {
      const Sample *s = &g_array_index (self->samples, Sample, i);
      gboolean is_last = i + 1 == self->samples->len;
      double x, y;

      if (!isfinite (s->v[field]))
        {
          pen_down = FALSE;
          continue;
        }
      x = px + (double)(s->time_us - t_start) * pw / (double)range_us;
      y = py + ph - (s->v[field] - y_min) / (y_max - y_min) * ph;
      if (!pen_down)
        {
          cairo_move_to (cr, x, y);
          pen_down = TRUE;
          last_col = floor (x);
        }
      else if (floor (x) != last_col || is_last
               || !isfinite (g_array_index (self->samples, Sample, i + 1).v[field]))
        {
          cairo_line_to (cr, x, y);
          last_col = floor (x);
        }
    }
}

static void
ts_spread_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  TsSpreadChart *self = TS_SPREAD_CHART (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  static const struct { Field field; guint line; } traced[] = {
    { FIELD_UPPER_STOP, LINE_STOP }, { FIELD_LOWER_STOP, LINE_STOP },
    { FIELD_UPPER_ENTRY, LINE_ENTRY }, { FIELD_LOWER_ENTRY, LINE_ENTRY },
    { FIELD_UPPER_EXIT, LINE_EXIT }, { FIELD_LOWER_EXIT, LINE_EXIT },
    { FIELD_MEAN, LINE_MEAN }, { FIELD_SPREAD, LINE_SPREAD },
  };
  double px, py, pw, ph, y_min = INFINITY, y_max = -INFINITY;
  TsChartAxis axis;
  gint64 t_start, t_end, range_us;
  guint first;
  const Sample *last;
  GdkRGBA fg;
  cairo_t *cr;

  if (self->samples->len == 0 || width < 100 || height < 50)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  px = MARGIN_LEFT;
  py = MARGIN_TOP;
  pw = width - MARGIN_LEFT - AXIS_WIDTH;
  ph = height - MARGIN_TOP - MARGIN_BOTTOM;

  last = &g_array_index (self->samples, Sample, self->samples->len - 1);
  t_end = last->time_us;
  t_start = MAX (g_array_index (self->samples, Sample, 0).time_us, t_end - self->span_us);
  if (t_end - t_start < G_USEC_PER_SEC)
    t_end = t_start + G_USEC_PER_SEC;
  range_us = t_end - t_start;
  first = lower_bound (self, t_start);

  for (guint i = first; i < self->samples->len; i++)
    {
      const Sample *s = &g_array_index (self->samples, Sample, i);

      for (guint f = 0; f < N_FIELDS; f++)
        if (f != FIELD_Z && isfinite (s->v[f]))
          {
            y_min = MIN (y_min, s->v[f]);
            y_max = MAX (y_max, s->v[f]);
          }
    }
  if (!isfinite (y_min))
    {
      /* the strategy warms up (its rolling regression is not full yet) */
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      ts_chart_axis_set_source (cr, &fg, 0.55);
      ts_chart_axis_draw_text (widget, cr, _("Pairs spread: waiting for enough prices of both symbols"),
                               width / 2.0, height / 2.0, 0.5, 0.5);
      cairo_destroy (cr);
      return;
    }
  {
    double pad = y_max > y_min ? (y_max - y_min) * 0.08 : MAX (fabs (y_max) * 1e-3, 1e-6);

    y_min -= pad;
    y_max += pad;
  }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* grid and axis labels (spread units), the first and last time under
   * the plot */
  axis = (TsChartAxis) { px, py, pw, ph, t_start, t_end, y_min, y_max };
  ts_chart_axis_draw_value_grid (&axis, widget, cr, &fg,
                                 ts_chart_axis_nice_step ((y_max - y_min) / MAX (2, ph / 36.0), FALSE),
                                 NULL, NAN);
  ts_chart_axis_draw_baseline (&axis, cr, &fg);
  {
    g_autofree char *from = ts_format_time_us (t_start, FALSE);
    g_autofree char *to = ts_format_time_us (t_end, FALSE);

    ts_chart_axis_set_source (cr, &fg, 0.65);
    ts_chart_axis_draw_text (widget, cr, from, px, py + ph + 4, 0, 0);
    ts_chart_axis_draw_text (widget, cr, to, px + pw, py + ph + 4, 1, 0);
  }

  cairo_save (cr);
  cairo_rectangle (cr, px, py, pw, ph);
  cairo_clip (cr);

  for (guint i = 0; i < G_N_ELEMENTS (traced); i++)
    {
      GdkRGBA color;

      trace_field (self, cr, traced[i].field, first > 0 ? first - 1 : 0,
                   px, pw, py, ph, t_start, range_us, y_min, y_max);
      line_color (traced[i].line, dark, &fg, &color);
      gdk_cairo_set_source_rgba (cr, &color);
      set_line (cr, lines[traced[i].line].style, lines[traced[i].line].width);
      cairo_stroke (cr);
    }
  cairo_set_dash (cr, NULL, 0, 0);

  /* the title with the current z, and the legend */
  {
    g_autofree char *z = isfinite (last->v[FIELD_Z]) ? g_strdup_printf ("%+.2f", last->v[FIELD_Z])
                                                     : g_strdup ("–");
    /* Translators: the pairs panel's title; %s is the current z-score */
    g_autofree char *title = g_strdup_printf (_("Pairs spread   z = %s"), z);
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, title);
    PangoLayout *names[N_LINES];
    double x = px + 8, y = py + 4, total;
    int w, h;

    pango_layout_get_pixel_size (layout, &w, &h);
    total = w + 14;
    for (guint i = 0; i < N_LINES; i++)
      {
        int nw, nh;

        names[i] = gtk_widget_create_pango_layout (widget, _(lines[i].label));
        pango_layout_get_pixel_size (names[i], &nw, &nh);
        total += 20 + nw + 12;
      }

    ts_chart_axis_set_backdrop (cr, dark);
    cairo_rectangle (cr, x - 6, y - 2, total, h + 4);
    cairo_fill (cr);

    gdk_cairo_set_source_rgba (cr, &fg);
    cairo_move_to (cr, x, y);
    pango_cairo_show_layout (cr, layout);
    x += w + 14;

    for (guint i = 0; i < N_LINES; i++)
      {
        GdkRGBA color;
        double mid = round (y + h / 2.0) + 0.5;
        int nw, nh;

        line_color (i, dark, &fg, &color);
        gdk_cairo_set_source_rgba (cr, &color);
        set_line (cr, lines[i].style, 2.0);
        cairo_move_to (cr, x, mid);
        cairo_line_to (cr, x + 16, mid);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);

        pango_layout_get_pixel_size (names[i], &nw, &nh);
        ts_chart_axis_set_source (cr, &fg, 0.85);
        cairo_move_to (cr, x + 20, y);
        pango_cairo_show_layout (cr, names[i]);
        x += 20 + nw + 12;
        g_object_unref (names[i]);
      }
  }

  cairo_restore (cr);
  cairo_destroy (cr);
}

static void
ts_spread_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 960;
    }
  else
    {
      *minimum = 110;
      *natural = 150;
    }
}

static void
ts_spread_chart_finalize (GObject *object)
{
  TsSpreadChart *self = (TsSpreadChart *)object;

  g_clear_pointer (&self->samples, g_array_unref);

  G_OBJECT_CLASS (ts_spread_chart_parent_class)->finalize (object);
}

static void
ts_spread_chart_class_init (TsSpreadChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ts_spread_chart_finalize;

  widget_class->snapshot = ts_spread_chart_snapshot;
  widget_class->measure = ts_spread_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "spreadchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
on_dark_changed (TsSpreadChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ts_spread_chart_init (TsSpreadChart *self)
{
  self->samples = g_array_new (FALSE, FALSE, sizeof (Sample));
  self->span_us = 300 * G_USEC_PER_SEC;

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ts_spread_chart_new (void)
{
  return g_object_new (TS_TYPE_SPREAD_CHART, NULL);
}

void
ts_spread_chart_add_samples (TsSpreadChart         *self,
                             const TsOverlaySample *samples,
                             guint                  n_samples)
{
  gboolean added = FALSE;

  g_return_if_fail (TS_IS_SPREAD_CHART (self));
  g_return_if_fail (samples != NULL || n_samples == 0);

  for (guint i = 0; i < n_samples; i++)
    {
      const TsOverlaySample *in = &samples[i];
      Sample s = { in->time_us, { 0 } };

      if (in->strategy == NULL || !g_str_equal (in->strategy, "pairs"))
        continue;
      if (!self->has_strategy)
        {
          self->strategy_id = in->strategy_id;
          self->has_strategy = TRUE;
        }
      else if (in->strategy_id != self->strategy_id)
        continue;

      if (self->samples->len > 0
          && g_array_index (self->samples, Sample, self->samples->len - 1).time_us > in->time_us)
        {
          g_debug ("Pairs overlay: a sample older than the last one kept, not drawn");
          continue;
        }

      for (guint f = 0; f < N_FIELDS; f++)
        s.v[f] = NAN;
      for (guint k = 0; k < MIN (in->n_values, TS_SESSION_OVERLAY_MAX); k++)
        {
          if (in->values[k].name == NULL)
            continue;
          for (guint f = 0; f < N_FIELDS; f++)
            if (g_str_equal (in->values[k].name, field_names[f]))
              {
                s.v[f] = in->values[k].value;
                break;
              }
        }

      if (self->samples->len >= TS_SPREAD_CHART_MAX_SAMPLES)
        g_array_remove_range (self->samples, 0, TS_SPREAD_CHART_MAX_SAMPLES / 2);
      g_array_append_val (self->samples, s);
      added = TRUE;
    }

  if (added)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
ts_spread_chart_clear (TsSpreadChart *self)
{
  g_return_if_fail (TS_IS_SPREAD_CHART (self));

  g_array_set_size (self->samples, 0);
  self->has_strategy = FALSE;
  self->strategy_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ts_spread_chart_get_n_samples (TsSpreadChart *self)
{
  g_return_val_if_fail (TS_IS_SPREAD_CHART (self), 0);

  return self->samples->len;
}

double
ts_spread_chart_get_last_value (TsSpreadChart *self,
                                const char    *name)
{
  g_return_val_if_fail (TS_IS_SPREAD_CHART (self), NAN);
  g_return_val_if_fail (name != NULL, NAN);

  if (self->samples->len == 0)
    return NAN;
  for (guint f = 0; f < N_FIELDS; f++)
    if (g_str_equal (name, field_names[f]))
      return g_array_index (self->samples, Sample, self->samples->len - 1).v[f];
  return NAN;
}

void
ts_spread_chart_set_span (TsSpreadChart *self,
                          double         seconds)
{
  g_return_if_fail (TS_IS_SPREAD_CHART (self));
  g_return_if_fail (seconds > 0);

  self->span_us = (gint64)(seconds * G_USEC_PER_SEC);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
