/* ts-price-chart.c: the live price chart with fill markers
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>

#include "ts-format.h"
#include "ts-price-chart.h"

#define MARGIN_TOP     12.0
#define MARGIN_LEFT    12.0
#define MARGIN_BOTTOM  26.0
#define AXIS_WIDTH     88.0
#define MARKER_SIZE    7.0

/* One pixel column of the decimated history: the points whose exchange
 * time falls in [bucket * bucket_us, (bucket + 1) * bucket_us). */
typedef struct
{
  double   first, last, min, max; /* trade price */
  double   bid_min, ask_max;
  gboolean has_price;
  gboolean has_quote;
} Column;

typedef struct
{
  gint64 time_us;
  double price;
  TsSide side;
} Marker;

struct _TsPriceChart
{
  GtkWidget     parent_instance;

  /* history: a ring buffer of up to TS_PRICE_CHART_MAX_POINTS */
  TsChartPoint *points;
  guint         capacity;
  guint         start;       /* ring index of the oldest point */
  guint         n_points;
  guint64       total;       /* points ever appended: logical index of the next */

  GArray       *markers;     /* Marker, time order */

  gint64        span_us;

  /* decimation cache, aligned to absolute time so new points only touch
   * the last columns */
  gint64        bucket_us;
  gint64        first_bucket;
  GArray       *columns;     /* Column, for first_bucket.. */
  guint64       processed;   /* logical index of the first point not in columns */
};

G_DEFINE_FINAL_TYPE (TsPriceChart, ts_price_chart, GTK_TYPE_WIDGET)

static inline const TsChartPoint *
point_at (TsPriceChart *self,
          guint         i)
{
  return &self->points[(self->start + i) % self->capacity];
}

/* the first point with time >= @t (times are non-decreasing) */
static guint
lower_bound (TsPriceChart *self,
             gint64        t)
{
  guint lo = 0, hi = self->n_points;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (point_at (self, mid)->time_us < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
invalidate_columns (TsPriceChart *self)
{
  g_array_set_size (self->columns, 0);
  self->bucket_us = 0;
  self->first_bucket = 0;
  self->processed = 0;
}

static gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/* Brings the column cache up to date for buckets of @bucket_us from
 * @first_bucket on; only new points are visited unless the geometry changed. */
static void
update_columns (TsPriceChart *self,
                gint64        bucket_us,
                gint64        first_bucket,
                guint         first_index)
{
  guint64 oldest = self->total - self->n_points;
  guint64 from;

  if (bucket_us != self->bucket_us || first_bucket < self->first_bucket
      || self->columns->len == 0)
    {
      g_array_set_size (self->columns, 0);
      self->bucket_us = bucket_us;
      self->first_bucket = first_bucket;
      self->processed = oldest + first_index;
    }
  else if (first_bucket > self->first_bucket)
    {
      guint drop = (guint)MIN ((gint64)self->columns->len, first_bucket - self->first_bucket);

      g_array_remove_range (self->columns, 0, drop);
      self->first_bucket = first_bucket;
    }

  from = MAX (self->processed, oldest + first_index);

  for (guint64 li = from; li < self->total; li++)
    {
      const TsChartPoint *p = point_at (self, (guint)(li - oldest));
      gint64 b = floor_div (p->time_us, bucket_us) - self->first_bucket;
      Column *c;

      if (b < 0)
        b = 0;
      if ((guint64)b >= self->columns->len)
        {
          guint old_len = self->columns->len;

          g_array_set_size (self->columns, (guint)b + 1);
          memset (&g_array_index (self->columns, Column, old_len), 0,
                  sizeof (Column) * ((guint)b + 1 - old_len));
        }
      c = &g_array_index (self->columns, Column, b);

      if (isfinite (p->price))
        {
          if (!c->has_price)
            {
              c->first = c->min = c->max = p->price;
              c->has_price = TRUE;
            }
          c->min = MIN (c->min, p->price);
          c->max = MAX (c->max, p->price);
          c->last = p->price;
        }
      if (isfinite (p->bid) && isfinite (p->ask))
        {
          if (!c->has_quote)
            {
              c->bid_min = p->bid;
              c->ask_max = p->ask;
              c->has_quote = TRUE;
            }
          c->bid_min = MIN (c->bid_min, p->bid);
          c->ask_max = MAX (c->ask_max, p->ask);
        }
    }

  self->processed = self->total;
}

static double
nice_step (double raw)
{
  double mag, norm;

  if (!(raw > 0) || !isfinite (raw))
    return 1;

  mag = pow (10, floor (log10 (raw)));
  norm = raw / mag;
  if (norm <= 1)
    return mag;
  if (norm <= 2)
    return 2 * mag;
  if (norm <= 2.5)
    return 2.5 * mag;
  if (norm <= 5)
    return 5 * mag;
  return 10 * mag;
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *rgba,
            double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

static void
draw_text (TsPriceChart *self,
           cairo_t      *cr,
           const char   *text,
           double        x,
           double        y,
           double        x_align,
           double        y_align)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, round (x - w * x_align), round (y - h * y_align));
  pango_cairo_show_layout (cr, layout);
}

#define BUCKET_X(b) (px + ((double)(((b) + self->first_bucket) * bucket_us + bucket_us / 2 - t_start)) \
                     * pw / (double)range_us)
#define Y_OF(v) (py + ph - ((v) - y_min) / (y_max - y_min) * ph)

/* Many points per pixel column: the bid/ask band and the price line as
 * pixel-aligned boxes, one per column, which stay cheap with 1,000,000 points
 * where a stroked zigzag path does not. A price box reaches to the previous
 * column's last price so the line is continuous; across columns without
 * points a plain segment joins them. */
static void
draw_dense (TsPriceChart  *self,
            cairo_t       *cr,
            double         px,
            double         pw,
            double         ph,
            double         py,
            gint64         t_start,
            gint64         range_us,
            gint64         bucket_us,
            double         y_min,
            double         y_max,
            const GdkRGBA *line,
            const GdkRGBA *band)
{
  double prev_x = 0, prev_last = NAN;
  gboolean has_prev = FALSE;
  guint prev_i = 0;

  cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
  for (guint i = 0; i < self->columns->len; i++)
    {
      const Column *c = &g_array_index (self->columns, Column, i);
      double x0, x1;

      if (!c->has_quote)
        continue;
      x0 = floor (BUCKET_X (i) - (double)bucket_us * pw / (double)range_us / 2);
      x1 = MAX (x0 + 1, floor (BUCKET_X (i) + (double)bucket_us * pw / (double)range_us / 2));
      cairo_rectangle (cr, x0, floor (Y_OF (c->ask_max)), x1 - x0,
                       MAX (1, ceil (Y_OF (c->bid_min)) - floor (Y_OF (c->ask_max))));
    }
  set_source (cr, band, 0.18);
  cairo_fill (cr);

  for (guint i = 0; i < self->columns->len; i++)
    {
      const Column *c = &g_array_index (self->columns, Column, i);
      double x = floor (BUCKET_X (i));
      double lo = c->min, hi = c->max;

      if (!c->has_price)
        continue;
      if (has_prev && prev_i + 1 == i)
        {
          lo = MIN (lo, prev_last);
          hi = MAX (hi, prev_last);
        }
      cairo_rectangle (cr, x - 1, floor (Y_OF (hi)) - 1, 2,
                       MAX (2, ceil (Y_OF (lo)) - floor (Y_OF (hi)) + 1));
      prev_last = c->last;
      prev_i = i;
      has_prev = TRUE;
    }
  set_source (cr, line, 1.0);
  cairo_fill (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  /* segments across empty columns (sparse data) */
  has_prev = FALSE;
  for (guint i = 0; i < self->columns->len; i++)
    {
      const Column *c = &g_array_index (self->columns, Column, i);
      double x = floor (BUCKET_X (i));

      if (!c->has_price)
        continue;
      if (has_prev && prev_i + 1 != i)
        {
          cairo_move_to (cr, prev_x, floor (Y_OF (prev_last)));
          cairo_line_to (cr, x, floor (Y_OF (c->first)));
        }
      prev_x = x;
      prev_last = c->last;
      prev_i = i;
      has_prev = TRUE;
    }
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

/* Few points per column: an antialiased polygon for the band and a stroked
 * line through each column's first, min, max and last price. */
static void
draw_sparse (TsPriceChart  *self,
             cairo_t       *cr,
             double         px,
             double         pw,
             double         ph,
             double         py,
             gint64         t_start,
             gint64         range_us,
             gint64         bucket_us,
             double         y_min,
             double         y_max,
             const GdkRGBA *line,
             const GdkRGBA *band)
{
  gboolean started = FALSE;

  for (guint i = 0; i < self->columns->len;)
    {
      guint j;

      if (!g_array_index (self->columns, Column, i).has_quote)
        {
          i++;
          continue;
        }
      for (j = i; j < self->columns->len && g_array_index (self->columns, Column, j).has_quote; j++)
        cairo_line_to (cr, BUCKET_X (j), Y_OF (g_array_index (self->columns, Column, j).ask_max));
      for (guint k = j; k-- > i;)
        cairo_line_to (cr, BUCKET_X (k), Y_OF (g_array_index (self->columns, Column, k).bid_min));
      cairo_close_path (cr);
      i = j;
    }
  set_source (cr, band, 0.18);
  cairo_fill (cr);

  for (guint i = 0; i < self->columns->len; i++)
    {
      const Column *c = &g_array_index (self->columns, Column, i);
      double x = BUCKET_X (i);

      if (!c->has_price)
        continue;
      if (!started)
        cairo_move_to (cr, x, Y_OF (c->first));
      else
        cairo_line_to (cr, x, Y_OF (c->first));
      started = TRUE;
      if (c->max > c->min)
        {
          gboolean rising = c->last >= c->first;

          cairo_line_to (cr, x, Y_OF (rising ? c->min : c->max));
          cairo_line_to (cr, x, Y_OF (rising ? c->max : c->min));
        }
      cairo_line_to (cr, x, Y_OF (c->last));
    }
  set_source (cr, line, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

#undef Y_OF
#undef BUCKET_X

static void
ts_price_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TsPriceChart *self = TS_PRICE_CHART (widget);
  AdwStyleManager *style = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (style);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double px, py, pw, ph;
  gint64 t_first, t_end, t_start, range_us, bucket_us, first_bucket;
  guint first_index;
  double y_min = INFINITY, y_max = -INFINITY, y_step;
  GdkRGBA fg, line, up, down, band;
  cairo_t *cr;

  if (self->n_points == 0 || width < 100 || height < 80)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  gdk_rgba_parse (&line, dark ? "#78aeed" : "#1c71d8");
  gdk_rgba_parse (&up, dark ? "#57e389" : "#26a269");
  gdk_rgba_parse (&down, dark ? "#ff7b63" : "#c01c28");
  band = line;

  px = MARGIN_LEFT;
  py = MARGIN_TOP;
  pw = width - MARGIN_LEFT - AXIS_WIDTH;
  ph = height - MARGIN_TOP - MARGIN_BOTTOM;

  /* the visible time span */
  t_first = point_at (self, 0)->time_us;
  t_end = point_at (self, self->n_points - 1)->time_us;
  t_start = MAX (t_first, t_end - self->span_us);
  range_us = MAX (t_end - t_start, G_USEC_PER_SEC);
  if (t_end - t_start < G_USEC_PER_SEC)
    t_end = t_start + G_USEC_PER_SEC;

  /* one column per pixel, the bucket width a power of two of µs so it only
   * changes when the span doubles */
  bucket_us = 1;
  while (bucket_us * pw < range_us)
    bucket_us *= 2;
  first_bucket = floor_div (t_start, bucket_us);
  first_index = lower_bound (self, first_bucket * bucket_us);
  update_columns (self, bucket_us, first_bucket, first_index);

#define BUCKET_X(b) (px + ((double)(((b) + self->first_bucket) * bucket_us + bucket_us / 2 - t_start)) \
                     * pw / (double)range_us)

  for (guint i = 0; i < self->columns->len; i++)
    {
      const Column *c = &g_array_index (self->columns, Column, i);

      if (c->has_price)
        {
          y_min = MIN (y_min, c->min);
          y_max = MAX (y_max, c->max);
        }
      if (c->has_quote)
        {
          y_min = MIN (y_min, c->bid_min);
          y_max = MAX (y_max, c->ask_max);
        }
    }
  if (!isfinite (y_min) || !isfinite (y_max))
    return;
  if (y_max - y_min < 1e-9 * MAX (1, fabs (y_max)))
    {
      double pad = MAX (fabs (y_max) * 1e-4, 1e-6);

      y_min -= pad;
      y_max += pad;
    }
  else
    {
      double pad = (y_max - y_min) * 0.06;

      y_min -= pad;
      y_max += pad;
    }

#define Y_OF(v) (py + ph - ((v) - y_min) / (y_max - y_min) * ph)

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* horizontal grid and price labels (none under the last price's tag) */
  y_step = nice_step ((y_max - y_min) / MAX (2, ph / 48.0));
  {
    double last_price = point_at (self, self->n_points - 1)->price;
    double tag_y = isfinite (last_price) ? Y_OF (last_price) : -1000;
    int digits = MAX (0, (int)ceil (-log10 (y_step)));

    cairo_set_line_width (cr, 1);
    for (double v = ceil (y_min / y_step) * y_step; v <= y_max; v += y_step)
      {
        double y = round (Y_OF (v)) + 0.5;
        g_autofree char *label = ts_format_number (v, digits, FALSE);

        set_source (cr, &fg, 0.10);
        cairo_move_to (cr, px, y);
        cairo_line_to (cr, px + pw, y);
        cairo_stroke (cr);
        if (fabs (y - tag_y) >= 16)
          {
            set_source (cr, &fg, 0.65);
            draw_text (self, cr, label, px + pw + 8, y, 0, 0.5);
          }
      }
  }

  /* time axis */
  {
    static const int steps_s[] = { 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900,
                                   1800, 3600, 7200, 21600, 43200, 86400 };
    gint64 step_us = (gint64)86400 * G_USEC_PER_SEC;

    for (guint i = 0; i < G_N_ELEMENTS (steps_s); i++)
      {
        gint64 s = (gint64)steps_s[i] * G_USEC_PER_SEC;

        if ((double)s * pw / (double)range_us >= 96)
          {
            step_us = s;
            break;
          }
      }

    for (gint64 t = (floor_div (t_start, step_us) + 1) * step_us; t <= t_end; t += step_us)
      {
        double x = round (px + (double)(t - t_start) * pw / (double)range_us) + 0.5;
        g_autofree char *label = ts_format_time_us (t, FALSE);

        set_source (cr, &fg, 0.06);
        cairo_move_to (cr, x, py);
        cairo_line_to (cr, x, py + ph);
        cairo_stroke (cr);
        set_source (cr, &fg, 0.65);
        draw_text (self, cr, label, x, py + ph + 5, 0.5, 0);
      }

    set_source (cr, &fg, 0.25);
    cairo_move_to (cr, px, round (py + ph) + 0.5);
    cairo_line_to (cr, px + pw, round (py + ph) + 0.5);
    cairo_stroke (cr);
  }

  cairo_save (cr);
  cairo_rectangle (cr, px, py, pw, ph);
  cairo_clip (cr);

  if (self->n_points - first_index > 8 * pw)
    draw_dense (self, cr, px, pw, ph, py, t_start, range_us, bucket_us, y_min, y_max, &line, &band);
  else
    draw_sparse (self, cr, px, pw, ph, py, t_start, range_us, bucket_us, y_min, y_max, &line, &band);

  /* fill markers */
  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < self->markers->len; i++)
    {
      const Marker *m = &g_array_index (self->markers, Marker, i);
      double x, y, s = MARKER_SIZE;

      if (m->time_us < t_start || m->time_us > t_end)
        continue;
      x = px + (double)(m->time_us - t_start) * pw / (double)range_us;
      y = Y_OF (m->price);
      if (m->side == TS_SIDE_BUY)
        {
          cairo_move_to (cr, x, y - s);
          cairo_line_to (cr, x + s, y + s * 0.8);
          cairo_line_to (cr, x - s, y + s * 0.8);
          cairo_close_path (cr);
          set_source (cr, &up, 1.0);
        }
      else
        {
          cairo_move_to (cr, x, y + s);
          cairo_line_to (cr, x + s, y - s * 0.8);
          cairo_line_to (cr, x - s, y - s * 0.8);
          cairo_close_path (cr);
          set_source (cr, &down, 1.0);
        }
      cairo_fill_preserve (cr);
      if (dark)
        cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
      else
        cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  /* the last price as a tag on the axis */
  {
    const TsChartPoint *last = point_at (self, self->n_points - 1);

    if (isfinite (last->price))
      {
        g_autofree char *label = ts_format_price (last->price);
        g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, label);
        double y = Y_OF (last->price);
        int w, h;

        pango_layout_get_pixel_size (layout, &w, &h);
        set_source (cr, &line, 1.0);
        cairo_rectangle (cr, px + pw + 2, round (y - h / 2.0 - 2), w + 12, h + 4);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 1, 1, 1);
        if (dark)
          cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
        cairo_move_to (cr, px + pw + 8, round (y - h / 2.0));
        pango_cairo_show_layout (cr, layout);
      }
  }

#undef Y_OF
#undef BUCKET_X

  cairo_destroy (cr);
}

static void
ts_price_chart_measure (GtkWidget      *widget,
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
      *minimum = 200;
      *natural = 420;
    }
}

static void
ts_price_chart_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  invalidate_columns (TS_PRICE_CHART (widget));
}

static void
ts_price_chart_finalize (GObject *object)
{
  TsPriceChart *self = (TsPriceChart *)object;

  g_clear_pointer (&self->points, g_free);
  g_clear_pointer (&self->markers, g_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);

  G_OBJECT_CLASS (ts_price_chart_parent_class)->finalize (object);
}

static void
ts_price_chart_class_init (TsPriceChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ts_price_chart_finalize;

  widget_class->snapshot = ts_price_chart_snapshot;
  widget_class->measure = ts_price_chart_measure;
  widget_class->size_allocate = ts_price_chart_size_allocate;

  gtk_widget_class_set_css_name (widget_class, "pricechart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
on_dark_changed (TsPriceChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ts_price_chart_init (TsPriceChart *self)
{
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  self->span_us = 300 * G_USEC_PER_SEC;

  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ts_price_chart_new (void)
{
  return g_object_new (TS_TYPE_PRICE_CHART, NULL);
}

void
ts_price_chart_append_points (TsPriceChart       *self,
                              const TsChartPoint *points,
                              guint               n_points)
{
  g_return_if_fail (TS_IS_PRICE_CHART (self));
  g_return_if_fail (points != NULL || n_points == 0);

  if (n_points == 0)
    return;

  for (guint i = 0; i < n_points; i++)
    {
      if (self->n_points == self->capacity && self->capacity < TS_PRICE_CHART_MAX_POINTS)
        {
          /* grow: unroll the ring into a bigger buffer */
          guint new_capacity = MIN (MAX (self->capacity * 2, 4096), TS_PRICE_CHART_MAX_POINTS);
          TsChartPoint *buf = g_new (TsChartPoint, new_capacity);

          for (guint k = 0; k < self->n_points; k++)
            buf[k] = *point_at (self, k);
          g_free (self->points);
          self->points = buf;
          self->capacity = new_capacity;
          self->start = 0;
        }

      if (self->n_points < self->capacity)
        {
          self->points[(self->start + self->n_points) % self->capacity] = points[i];
          self->n_points++;
        }
      else
        {
          self->points[self->start] = points[i];
          self->start = (self->start + 1) % self->capacity;
        }
      self->total++;
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_price_chart_add_fills (TsPriceChart *self,
                          const TsFill *fills,
                          guint         n_fills)
{
  g_return_if_fail (TS_IS_PRICE_CHART (self));
  g_return_if_fail (fills != NULL || n_fills == 0);

  for (guint i = 0; i < n_fills; i++)
    {
      Marker m = { fills[i].time_us, fills[i].price, fills[i].side };

      if (self->markers->len >= TS_PRICE_CHART_MAX_MARKERS)
        g_array_remove_range (self->markers, 0, TS_PRICE_CHART_MAX_MARKERS / 2);
      g_array_append_val (self->markers, m);
    }

  if (n_fills > 0)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ts_price_chart_clear (TsPriceChart *self)
{
  g_return_if_fail (TS_IS_PRICE_CHART (self));

  self->start = 0;
  self->n_points = 0;
  self->total = 0;
  g_array_set_size (self->markers, 0);
  invalidate_columns (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ts_price_chart_get_n_points (TsPriceChart *self)
{
  g_return_val_if_fail (TS_IS_PRICE_CHART (self), 0);

  return self->n_points;
}

guint
ts_price_chart_get_n_markers (TsPriceChart *self)
{
  g_return_val_if_fail (TS_IS_PRICE_CHART (self), 0);

  return self->markers->len;
}

void
ts_price_chart_set_span (TsPriceChart *self,
                         double        seconds)
{
  g_return_if_fail (TS_IS_PRICE_CHART (self));
  g_return_if_fail (seconds > 0);

  self->span_us = (gint64)(seconds * G_USEC_PER_SEC);
  invalidate_columns (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
