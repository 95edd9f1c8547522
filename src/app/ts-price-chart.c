/* ts-price-chart.c: the live price chart with fill markers
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "ts-chart-axis.h"
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

/* overlays (see ts_price_chart_add_overlay_samples() for what is kept) */
typedef struct
{
  gint64 time_us;
  double value;
} OverlayPoint;

typedef enum
{
  KEEP_EVERY,   /* one point per sample, NaN included */
  KEEP_CHANGES, /* one point per change to a new finite value */
} KeepMode;

static const struct
{
  const char *strategy;
  const char *name;
  KeepMode    keep;
} kept_series[] = {
  { "maxwell", "sma", KEEP_EVERY },
  { "maxwell", "buy_level", KEEP_EVERY },
  { "maxwell", "exit_level", KEEP_EVERY },
  { "calculus", "smoothed", KEEP_EVERY },
  { "confluence", "swing_high", KEEP_CHANGES },
  { "confluence", "swing_low", KEEP_CHANGES },
  { "confluence", "fractal_up", KEEP_CHANGES },
  { "confluence", "fractal_down", KEEP_CHANGES },
  { "confluence", "zigzag_pivot", KEEP_CHANGES },
};

typedef struct
{
  guint       strategy_id;
  const char *strategy;    /* interned */
  const char *name;        /* interned */
  KeepMode    keep;
  GArray     *points;      /* OverlayPoint, time order */
} OverlaySeries;

/* the latest sample of one strategy, names interned */
typedef struct
{
  guint          strategy_id;
  const char    *strategy;
  gint64         time_us;
  gint64         candidate_time_us; /* "zigzag_candidate" snapped to the prices */
  guint          n_values;
  TsOverlayValue values[TS_SESSION_OVERLAY_MAX];
} OverlayLatest;

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

  char         *symbol;
  GPtrArray    *overlay_series;  /* OverlaySeries */
  GArray       *overlay_latest;  /* OverlayLatest, one per strategy id */
  gint64        forecast_horizon_us;

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
      gint64 b = ts_chart_axis_floor_div (p->time_us, bucket_us) - self->first_bucket;
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
  ts_chart_axis_set_source (cr, band, 0.18);
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
  ts_chart_axis_set_source (cr, line, 1.0);
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
  ts_chart_axis_set_source (cr, band, 0.18);
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
  ts_chart_axis_set_source (cr, line, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

#undef Y_OF
#undef BUCKET_X

/* ---- overlays ---------------------------------------------------------- */

typedef enum
{
  STROKE_SOLID,
  STROKE_DASHED,
  STROKE_DOTTED,
} StrokeStyle;

typedef enum
{
  COLOR_MAXWELL,
  COLOR_CALCULUS,
  COLOR_FIB,
  COLOR_ZIGZAG,
  COLOR_STOP,
  COLOR_TAKE_PROFIT,
  N_OVERLAY_COLORS
} OverlayColor;

/* light, dark: GNOME palette shades that stand out from the blue price line
 * and read on both backgrounds */
static const char * const overlay_colors[N_OVERLAY_COLORS][2] = {
  [COLOR_MAXWELL]     = { "#e66100", "#ffa348" },
  [COLOR_CALCULUS]    = { "#9141ac", "#dc8add" },
  [COLOR_FIB]         = { "#986a44", "#f6d32d" },
  [COLOR_ZIGZAG]      = { "#0f7d74", "#5ee0d4" },
  [COLOR_STOP]        = { "#c01c28", "#ff7b63" },
  [COLOR_TAKE_PROFIT] = { "#26a269", "#57e389" },
};

static void
get_overlay_color (OverlayColor  color,
                   gboolean      dark,
                   GdkRGBA      *rgba)
{
  gdk_rgba_parse (rgba, overlay_colors[color][dark ? 1 : 0]);
}

static void
set_stroke (cairo_t     *cr,
            StrokeStyle  style,
            double       width)
{
  static const double dash[] = { 6.0, 4.0 };
  static const double dot[] = { 1.5, 3.0 };

  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  switch (style)
    {
    case STROKE_DASHED:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      break;
    case STROKE_DOTTED:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dot, G_N_ELEMENTS (dot), 0);
      break;
    case STROKE_SOLID:
    default:
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, NULL, 0, 0);
      break;
    }
}

typedef struct
{
  const char   *label;
  OverlayColor  color;
  StrokeStyle   style;
} LegendEntry;

#define MAX_LEGEND 12

typedef struct
{
  LegendEntry entries[MAX_LEGEND];
  guint       n;
} Legend;

static void
legend_add (Legend       *legend,
            const char   *label,
            OverlayColor  color,
            StrokeStyle   style)
{
  for (guint i = 0; i < legend->n; i++)
    if (g_str_equal (legend->entries[i].label, label))
      return;
  if (legend->n < MAX_LEGEND)
    legend->entries[legend->n++] = (LegendEntry) { label, color, style };
}

static OverlaySeries *
find_series (TsPriceChart *self,
             guint         strategy_id,
             const char   *name)
{
  for (guint i = 0; i < self->overlay_series->len; i++)
    {
      OverlaySeries *series = g_ptr_array_index (self->overlay_series, i);

      if (series->strategy_id == strategy_id && g_str_equal (series->name, name))
        return series;
    }
  return NULL;
}

static double
latest_value (const OverlayLatest *latest,
              const char          *name)
{
  for (guint i = 0; i < latest->n_values; i++)
    if (latest->values[i].name != NULL && g_str_equal (latest->values[i].name, name))
      return latest->values[i].value;
  return NAN;
}

/* the first point of @series with time >= @t */
static guint
series_lower_bound (const OverlaySeries *series,
                    gint64               t)
{
  guint lo = 0, hi = series->points->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (series->points, OverlayPoint, mid).time_us < t)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* the latest values the price axis should show of the overlays drawn (a
 * stop or target out of range gets a label at the edge instead: a 50 %
 * stop would flatten the price line) */
static const char * const level_names[] = {
  "fib_23.6", "fib_38.2", "fib_50", "fib_61.8", "fib_78.6",
  "forecast", "zigzag_candidate",
};

static gboolean
is_drawn_strategy (const char *strategy)
{
  return g_str_equal (strategy, "maxwell") || g_str_equal (strategy, "calculus")
         || g_str_equal (strategy, "confluence");
}

static void
overlay_extent (TsPriceChart *self,
                gint64        t_start,
                gint64        t_end,
                double       *lo,
                double       *hi)
{
  for (guint i = 0; i < self->overlay_series->len; i++)
    {
      OverlaySeries *series = g_ptr_array_index (self->overlay_series, i);
      guint first = series_lower_bound (series, t_start);

      /* swing high and low only place the Fibonacci lines */
      if (g_str_has_prefix (series->name, "swing_"))
        continue;
      for (guint k = first; k < series->points->len; k++)
        {
          const OverlayPoint *p = &g_array_index (series->points, OverlayPoint, k);

          if (p->time_us > t_end)
            break;
          if (isfinite (p->value))
            {
              *lo = MIN (*lo, p->value);
              *hi = MAX (*hi, p->value);
            }
        }
    }

  for (guint i = 0; i < self->overlay_latest->len; i++)
    {
      const OverlayLatest *latest = &g_array_index (self->overlay_latest, OverlayLatest, i);

      if (!is_drawn_strategy (latest->strategy))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (level_names); k++)
        {
          double v = latest_value (latest, level_names[k]);

          if (isfinite (v))
            {
              *lo = MIN (*lo, v);
              *hi = MAX (*hi, v);
            }
        }
    }
}

/* a line through the points of @series in view; NaN breaks it; at most one
 * point per pixel column (the last) in dense stretches */
static gboolean
draw_series_line (cairo_t             *cr,
                  const TsChartAxis   *plot,
                  const OverlaySeries *series,
                  const GdkRGBA       *color,
                  StrokeStyle          style,
                  double               width)
{
  guint first;
  gboolean pen_down = FALSE, drew = FALSE;
  double last_col = -1;

  if (series == NULL || series->points->len == 0)
    return FALSE;

  first = series_lower_bound (series, plot->t_start);
  if (first > 0)
    first--;
  for (guint k = first; k < series->points->len; k++)
    {
      const OverlayPoint *p = &g_array_index (series->points, OverlayPoint, k);
      gboolean is_last = k + 1 == series->points->len;
      double x, y;

      if (!isfinite (p->value))
        {
          pen_down = FALSE;
          continue;
        }
      x = ts_chart_axis_x (plot, p->time_us);
      y = ts_chart_axis_y (plot, p->value);
      if (!pen_down)
        {
          cairo_move_to (cr, x, y);
          pen_down = TRUE;
          last_col = floor (x);
        }
      else if (floor (x) != last_col || is_last
               || !isfinite (g_array_index (series->points, OverlayPoint, k + 1).value))
        {
          cairo_line_to (cr, x, y);
          last_col = floor (x);
          drew = TRUE;
        }
      if (p->time_us > plot->t_end)
        break;
    }

  ts_chart_axis_set_source (cr, color, 1.0);
  set_stroke (cr, style, width);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  return drew;
}

/* a horizontal line at @value from @x0 to the plot's right edge, with
 * @label above its right (or left) end */
static gboolean
draw_level (TsPriceChart      *self,
            cairo_t           *cr,
            const TsChartAxis *plot,
            double             value,
            double             x0,
            const char        *label,
            gboolean           label_left,
            gboolean           edge_label,
            const GdkRGBA     *color,
            StrokeStyle        style)
{
  double y;

  if (!isfinite (value))
    return FALSE;
  y = round (ts_chart_axis_y (plot, value)) + 0.5;
  if (y < plot->py || y > plot->py + plot->ph)
    {
      /* out of view: where it is, at the top or bottom edge */
      if (edge_label && label != NULL)
        {
          g_autofree char *price = ts_format_price (value);
          g_autofree char *text = g_strdup_printf ("%s %s %s", y < plot->py ? "↑" : "↓", label, price);
          gboolean above = y < plot->py;

          ts_chart_axis_set_source (cr, color, 1.0);
          ts_chart_axis_draw_text (GTK_WIDGET (self), cr, text, plot->px + plot->pw - 4,
                                   above ? plot->py + 2 : plot->py + plot->ph - 2, 1, above ? 0 : 1);
          return TRUE;
        }
      return FALSE;
    }
  x0 = CLAMP (x0, plot->px, plot->px + plot->pw);

  ts_chart_axis_set_source (cr, color, 0.9);
  set_stroke (cr, style, 1.0);
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, plot->px + plot->pw, y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (label != NULL)
    {
      if (label_left)
        ts_chart_axis_draw_text (GTK_WIDGET (self), cr, label, x0 + 4, y - 1, 0, 1);
      else
        ts_chart_axis_draw_text (GTK_WIDGET (self), cr, label, plot->px + plot->pw - 4, y - 1, 1, 1);
    }
  return TRUE;
}

static void
draw_triangle (cairo_t *cr,
               double   x,
               double   y,
               double   size,
               gboolean up)
{
  double dir = up ? -1 : 1;

  cairo_move_to (cr, x, y + dir * size);
  cairo_line_to (cr, x + size * 0.9, y - dir * size * 0.6);
  cairo_line_to (cr, x - size * 0.9, y - dir * size * 0.6);
  cairo_close_path (cr);
}

/* fractals as hollow triangles above (up) or below (down) their price */
static gboolean
draw_fractals (cairo_t             *cr,
               const TsChartAxis   *plot,
               const OverlaySeries *series,
               gboolean             up,
               const GdkRGBA       *color)
{
  gboolean drew = FALSE;

  if (series == NULL)
    return FALSE;
  for (guint k = series_lower_bound (series, plot->t_start); k < series->points->len; k++)
    {
      const OverlayPoint *p = &g_array_index (series->points, OverlayPoint, k);
      double x = ts_chart_axis_x (plot, p->time_us);
      double y = ts_chart_axis_y (plot, p->value);

      if (p->time_us > plot->t_end)
        break;
      draw_triangle (cr, x, up ? y - 7 : y + 7, 4.5, up);
      drew = TRUE;
    }
  ts_chart_axis_set_source (cr, color, 1.0);
  set_stroke (cr, STROKE_SOLID, 1.3);
  cairo_stroke (cr);
  return drew;
}

static void
draw_strategy_overlay (TsPriceChart        *self,
                       cairo_t             *cr,
                       const TsChartAxis   *plot,
                       const OverlayLatest *latest,
                       gboolean             dark,
                       Legend              *legend)
{
  GdkRGBA color, stop_color, tp_color;
  double stop, take_profit;

  get_overlay_color (COLOR_STOP, dark, &stop_color);
  get_overlay_color (COLOR_TAKE_PROFIT, dark, &tp_color);

  if (g_str_equal (latest->strategy, "maxwell"))
    {
      get_overlay_color (COLOR_MAXWELL, dark, &color);
      if (draw_series_line (cr, plot, find_series (self, latest->strategy_id, "exit_level"),
                            &color, STROKE_DOTTED, 1.5))
        legend_add (legend, _("Maxwell exit level"), COLOR_MAXWELL, STROKE_DOTTED);
      if (draw_series_line (cr, plot, find_series (self, latest->strategy_id, "buy_level"),
                            &color, STROKE_DASHED, 1.5))
        legend_add (legend, _("Maxwell buy level"), COLOR_MAXWELL, STROKE_DASHED);
      if (draw_series_line (cr, plot, find_series (self, latest->strategy_id, "sma"),
                            &color, STROKE_SOLID, 2.0))
        legend_add (legend, _("Maxwell SMA"), COLOR_MAXWELL, STROKE_SOLID);
    }
  else if (g_str_equal (latest->strategy, "calculus"))
    {
      double smoothed = latest_value (latest, "smoothed");
      double forecast = latest_value (latest, "forecast");

      get_overlay_color (COLOR_CALCULUS, dark, &color);
      if (draw_series_line (cr, plot, find_series (self, latest->strategy_id, "smoothed"),
                            &color, STROKE_SOLID, 2.0))
        legend_add (legend, _("Calculus smoothed"), COLOR_CALCULUS, STROKE_SOLID);
      if (isfinite (smoothed) && isfinite (forecast) && latest->time_us >= plot->t_start)
        {
          double x0 = ts_chart_axis_x (plot, latest->time_us);
          double x1 = ts_chart_axis_x (plot, latest->time_us + self->forecast_horizon_us);
          double y1 = ts_chart_axis_y (plot, forecast);

          cairo_move_to (cr, x0, ts_chart_axis_y (plot, smoothed));
          cairo_line_to (cr, x1, y1);
          ts_chart_axis_set_source (cr, &color, 1.0);
          set_stroke (cr, STROKE_DASHED, 2.0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_arc (cr, x1, y1, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
          legend_add (legend, _("Calculus forecast"), COLOR_CALCULUS, STROKE_DASHED);
        }
    }
  else if (g_str_equal (latest->strategy, "confluence"))
    {
      static const struct { const char *name; const char *label; } fibs[] = {
        { "fib_23.6", "23.6%" }, { "fib_38.2", "38.2%" }, { "fib_50", "50%" },
        { "fib_61.8", "61.8%" }, { "fib_78.6", "78.6%" },
      };
      OverlaySeries *high = find_series (self, latest->strategy_id, "swing_high");
      OverlaySeries *low = find_series (self, latest->strategy_id, "swing_low");
      OverlaySeries *pivots = find_series (self, latest->strategy_id, "zigzag_pivot");
      gint64 swing_start = plot->t_start;
      double candidate = latest_value (latest, "zigzag_candidate");
      gboolean drew = FALSE;

      /* Fibonacci levels across the swing, from when it was last redrawn */
      if (high != NULL && high->points->len > 0 && low != NULL && low->points->len > 0)
        swing_start = MIN (g_array_index (high->points, OverlayPoint, high->points->len - 1).time_us,
                           g_array_index (low->points, OverlayPoint, low->points->len - 1).time_us);
      get_overlay_color (COLOR_FIB, dark, &color);
      for (guint i = 0; i < G_N_ELEMENTS (fibs); i++)
        drew |= draw_level (self, cr, plot, latest_value (latest, fibs[i].name),
                            ts_chart_axis_x (plot, swing_start), fibs[i].label, TRUE, FALSE, &color,
                            STROKE_SOLID);
      if (drew)
        legend_add (legend, _("Fibonacci levels"), COLOR_FIB, STROKE_SOLID);

      /* the zigzag through its pivots, a dashed leg to the candidate */
      get_overlay_color (COLOR_ZIGZAG, dark, &color);
      drew = draw_series_line (cr, plot, pivots, &color, STROKE_SOLID, 1.5);
      if (pivots != NULL && pivots->points->len > 0 && isfinite (candidate))
        {
          const OverlayPoint *last = &g_array_index (pivots->points, OverlayPoint,
                                                     pivots->points->len - 1);

          if (candidate != last->value && latest->time_us >= plot->t_start)
            {
              cairo_move_to (cr, ts_chart_axis_x (plot, last->time_us), ts_chart_axis_y (plot, last->value));
              cairo_line_to (cr, ts_chart_axis_x (plot, latest->candidate_time_us), ts_chart_axis_y (plot, candidate));
              ts_chart_axis_set_source (cr, &color, 1.0);
              set_stroke (cr, STROKE_DASHED, 1.5);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              drew = TRUE;
            }
        }
      drew |= draw_fractals (cr, plot, find_series (self, latest->strategy_id, "fractal_up"),
                             TRUE, &color);
      drew |= draw_fractals (cr, plot, find_series (self, latest->strategy_id, "fractal_down"),
                             FALSE, &color);
      if (drew)
        legend_add (legend, _("Zigzag, fractals"), COLOR_ZIGZAG, STROKE_SOLID);
    }

  /* an open position's exits */
  stop = latest_value (latest, "stop");
  take_profit = latest_value (latest, "take_profit");
  if (isfinite (stop))
    {
      /* Translators: a stop-loss line on the chart, %s is the strategy's name */
      g_autofree char *label = g_strdup_printf (_("%s stop"), latest->strategy);

      if (draw_level (self, cr, plot, stop, plot->px, label, FALSE, TRUE, &stop_color,
                      STROKE_DASHED))
        legend_add (legend, _("Stop"), COLOR_STOP, STROKE_DASHED);
    }
  if (isfinite (take_profit))
    {
      /* Translators: a take-profit line on the chart, %s is the strategy's name */
      g_autofree char *label = g_strdup_printf (_("%s take profit"), latest->strategy);

      if (draw_level (self, cr, plot, take_profit, plot->px, label, FALSE, TRUE, &tp_color,
                      STROKE_DASHED))
        legend_add (legend, _("Take profit"), COLOR_TAKE_PROFIT, STROKE_DASHED);
    }
}

/* the height of a legend row; 0 when no overlay is drawn on this chart */
static double
legend_row_height (TsPriceChart *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  gboolean any = FALSE;
  int w, h;

  for (guint i = 0; i < self->overlay_latest->len && !any; i++)
    any = is_drawn_strategy (g_array_index (self->overlay_latest, OverlayLatest, i).strategy);
  if (!any)
    return 0;
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  pango_layout_get_pixel_size (layout, &w, &h);
  return h;
}

/* swatches and names in a row above the plot (at @y0), wrapped over the
 * plot's top left corner on a backdrop when they do not fit */
static void
draw_legend (TsPriceChart      *self,
             cairo_t           *cr,
             const TsChartAxis *plot,
             double             y0,
             const Legend      *legend,
             const GdkRGBA     *fg,
             gboolean           dark)
{
  PangoLayout *layouts[MAX_LEGEND];
  double x0 = plot->px, x, y, row_h = 0, right = x0;
  const double swatch = 18, gap = 12, pad = 6;
  double xs[MAX_LEGEND], ys[MAX_LEGEND];

  if (legend->n == 0)
    return;

  x = x0;
  y = y0;
  for (guint i = 0; i < legend->n; i++)
    {
      int w, h;

      layouts[i] = gtk_widget_create_pango_layout (GTK_WIDGET (self), legend->entries[i].label);
      pango_layout_get_pixel_size (layouts[i], &w, &h);
      row_h = MAX (row_h, h);
      if (x > x0 && x + swatch + 4 + w > plot->px + plot->pw - 8)
        {
          x = x0;
          y += row_h + 2;
        }
      xs[i] = x;
      ys[i] = y;
      x += swatch + 4 + w + gap;
      right = MAX (right, x - gap);
    }

  /* rows beyond the first lie over the plot: a backdrop so they read */
  if (y > y0)
    {
      ts_chart_axis_set_backdrop (cr, dark);
      cairo_rectangle (cr, x0 - pad, y0 + row_h + 2, right - x0 + 2 * pad, y - y0 + pad / 2);
      cairo_fill (cr);
    }

  for (guint i = 0; i < legend->n; i++)
    {
      GdkRGBA color;
      double mid = round (ys[i] + row_h / 2) + 0.5;

      get_overlay_color (legend->entries[i].color, dark, &color);
      ts_chart_axis_set_source (cr, &color, 1.0);
      set_stroke (cr, legend->entries[i].style, 2.0);
      cairo_move_to (cr, xs[i], mid);
      cairo_line_to (cr, xs[i] + swatch, mid);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      ts_chart_axis_set_source (cr, fg, 0.85);
      cairo_move_to (cr, xs[i] + swatch + 4, ys[i]);
      pango_cairo_show_layout (cr, layouts[i]);
      g_object_unref (layouts[i]);
    }
}

static void
draw_overlays (TsPriceChart      *self,
               cairo_t           *cr,
               const TsChartAxis *plot,
               gboolean           dark,
               Legend            *legend)
{
  for (guint i = 0; i < self->overlay_latest->len; i++)
    {
      const OverlayLatest *latest = &g_array_index (self->overlay_latest, OverlayLatest, i);

      draw_strategy_overlay (self, cr, plot, latest, dark, legend);
    }
}

/* the latest calculus sample with a forecast in view, if any */
static gint64
forecast_room (TsPriceChart *self,
               gint64        t_end)
{
  for (guint i = 0; i < self->overlay_latest->len; i++)
    {
      const OverlayLatest *latest = &g_array_index (self->overlay_latest, OverlayLatest, i);

      if (g_str_equal (latest->strategy, "calculus")
          && isfinite (latest_value (latest, "forecast"))
          && isfinite (latest_value (latest, "smoothed")))
        return MAX (0, latest->time_us + self->forecast_horizon_us - t_end);
    }
  return 0;
}

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
  double y_min = INFINITY, y_max = -INFINITY;
  GdkRGBA fg, line, up, down, band;
  TsChartAxis axis;
  Legend legend = { 0 };
  double legend_h;
  cairo_t *cr;

  if (self->n_points == 0 || width < 100 || height < 80)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ts_chart_axis_get_color (TS_CHART_COLOR_BLUE, dark, &line);
  ts_chart_axis_get_color (TS_CHART_COLOR_GREEN, dark, &up);
  ts_chart_axis_get_color (TS_CHART_COLOR_RED, dark, &down);
  band = line;

  /* a row for the overlays' legend above the plot */
  legend_h = legend_row_height (self);
  if (legend_h > 0)
    legend_h += 6;

  px = MARGIN_LEFT;
  py = MARGIN_TOP + legend_h;
  pw = width - MARGIN_LEFT - AXIS_WIDTH;
  ph = height - MARGIN_TOP - MARGIN_BOTTOM - legend_h;

  /* the visible time span */
  t_first = point_at (self, 0)->time_us;
  t_end = point_at (self, self->n_points - 1)->time_us;
  t_start = MAX (t_first, t_end - self->span_us);
  range_us = MAX (t_end - t_start, G_USEC_PER_SEC);
  if (t_end - t_start < G_USEC_PER_SEC)
    t_end = t_start + G_USEC_PER_SEC;
  /* room on the right for the calculus forecast */
  {
    gint64 room = forecast_room (self, t_end);

    t_end += room;
    range_us += room;
  }

  /* one column per pixel, the bucket width a power of two of µs so it only
   * changes when the span doubles */
  bucket_us = 1;
  while (bucket_us * pw < range_us)
    bucket_us *= 2;
  first_bucket = ts_chart_axis_floor_div (t_start, bucket_us);
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
  /* the overlays in view, but none stretching the axis beyond the price
   * range once more on either side */
  {
    double lo = INFINITY, hi = -INFINITY;
    double room = MAX (y_max - y_min, fabs (y_max) * 1e-3);

    overlay_extent (self, t_start, t_end, &lo, &hi);
    if (isfinite (lo))
      y_min = MIN (y_min, MAX (lo, y_min - room));
    if (isfinite (hi))
      y_max = MAX (y_max, MIN (hi, y_max + room));
  }
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

  axis = (TsChartAxis) { px, py, pw, ph, t_start, t_end, y_min, y_max };
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* horizontal grid and price labels (none under the last price's tag),
   * the time axis */
  {
    double last_price = point_at (self, self->n_points - 1)->price;

    ts_chart_axis_draw_value_grid (&axis, widget, cr, &fg,
                                   ts_chart_axis_nice_step ((y_max - y_min) / MAX (2, ph / 48.0), TRUE),
                                   NULL, isfinite (last_price) ? Y_OF (last_price) : NAN);
    ts_chart_axis_draw_time_grid (&axis, widget, cr, &fg, TS_CHART_TIME_CLOCK, 96, 5);
    ts_chart_axis_draw_baseline (&axis, cr, &fg);
  }

  cairo_save (cr);
  cairo_rectangle (cr, px, py, pw, ph);
  cairo_clip (cr);

  if (self->n_points - first_index > 8 * pw)
    draw_dense (self, cr, px, pw, ph, py, t_start, range_us, bucket_us, y_min, y_max, &line, &band);
  else
    draw_sparse (self, cr, px, pw, ph, py, t_start, range_us, bucket_us, y_min, y_max, &line, &band);

  draw_overlays (self, cr, &axis, dark, &legend);

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
          ts_chart_axis_set_source (cr, &up, 1.0);
        }
      else
        {
          cairo_move_to (cr, x, y + s);
          cairo_line_to (cr, x + s, y - s * 0.8);
          cairo_line_to (cr, x - s, y - s * 0.8);
          cairo_close_path (cr);
          ts_chart_axis_set_source (cr, &down, 1.0);
        }
      cairo_fill_preserve (cr);
      if (dark)
        cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
      else
        cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  draw_legend (self, cr, &axis, MARGIN_TOP - 4, &legend, &fg, dark);

  /* the last price as a tag on the axis */
  {
    const TsChartPoint *last = point_at (self, self->n_points - 1);

    if (isfinite (last->price))
      {
        g_autofree char *label = ts_format_price (last->price);

        ts_chart_axis_draw_badge (&axis, widget, cr, last->price, label, &line, dark);
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
  g_clear_pointer (&self->overlay_series, g_ptr_array_unref);
  g_clear_pointer (&self->overlay_latest, g_array_unref);
  g_clear_pointer (&self->symbol, g_free);

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
overlay_series_free (gpointer data)
{
  OverlaySeries *series = data;

  g_array_unref (series->points);
  g_free (series);
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
  self->symbol = g_strdup ("");
  self->overlay_series = g_ptr_array_new_with_free_func (overlay_series_free);
  self->overlay_latest = g_array_new (FALSE, TRUE, sizeof (OverlayLatest));
  self->forecast_horizon_us = 5 * G_USEC_PER_SEC;

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
  g_ptr_array_set_size (self->overlay_series, 0);
  g_array_set_size (self->overlay_latest, 0);
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

void
ts_price_chart_set_symbol (TsPriceChart *self,
                           const char   *symbol)
{
  g_return_if_fail (TS_IS_PRICE_CHART (self));
  g_return_if_fail (symbol != NULL);

  if (g_str_equal (self->symbol, symbol))
    return;

  g_free (self->symbol);
  self->symbol = g_strdup (symbol);
  g_ptr_array_set_size (self->overlay_series, 0);
  g_array_set_size (self->overlay_latest, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
ts_price_chart_get_symbol (TsPriceChart *self)
{
  g_return_val_if_fail (TS_IS_PRICE_CHART (self), NULL);

  return self->symbol;
}

#define SNAP_WINDOW_US   (600 * G_USEC_PER_SEC)
#define SNAP_MAX_POINTS  200000

/* When a pivot, fractal or swing point is confirmed, its price lies some
 * bars back: the time of the chart's price closest to @value in
 * (@not_before, @at] (the latest on a tie; at most 10 minutes and 200,000
 * points back), or @at when no price is there. */
static gint64
snap_to_price (TsPriceChart *self,
               double        value,
               gint64        not_before,
               gint64        at)
{
  guint lo = lower_bound (self, MAX (not_before + 1, at - SNAP_WINDOW_US));
  guint hi = lower_bound (self, at + 1);
  gint64 best_t = at;
  double best_d = INFINITY;

  if (hi > lo + SNAP_MAX_POINTS)
    lo = hi - SNAP_MAX_POINTS;
  for (guint i = hi; i-- > lo;)
    {
      const TsChartPoint *p = point_at (self, i);
      double d = fabs (p->price - value);

      if (isfinite (d) && d < best_d)
        {
          best_d = d;
          best_t = p->time_us;
        }
    }
  return best_t;
}

static void
keep_value (TsPriceChart *self,
            guint         strategy_id,
            const char   *strategy,
            const char   *name,
            gint64        time_us,
            double        value)
{
  OverlaySeries *series = NULL;
  OverlayPoint point = { time_us, value };
  KeepMode keep = KEEP_EVERY;
  gboolean found = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kept_series); i++)
    if (g_str_equal (kept_series[i].strategy, strategy) && g_str_equal (kept_series[i].name, name))
      {
        keep = kept_series[i].keep;
        found = TRUE;
        break;
      }
  if (!found)
    return;

  series = find_series (self, strategy_id, name);
  if (series == NULL)
    {
      series = g_new0 (OverlaySeries, 1);
      series->strategy_id = strategy_id;
      series->strategy = g_intern_string (strategy);
      series->name = g_intern_string (name);
      series->keep = keep;
      series->points = g_array_new (FALSE, FALSE, sizeof (OverlayPoint));
      g_ptr_array_add (self->overlay_series, series);
    }

  if (keep == KEEP_CHANGES)
    {
      gint64 not_before = G_MININT64 + 1;

      if (!isfinite (value))
        return;
      if (series->points->len > 0)
        {
          const OverlayPoint *last = &g_array_index (series->points, OverlayPoint,
                                                     series->points->len - 1);

          if (last->value == value)
            return;
          not_before = last->time_us;
        }
      point.time_us = snap_to_price (self, value, not_before, time_us);
    }
  /* the series stays sorted for the binary search: the session sends
   * samples in exchange time order, and starts over with a reset */
  if (series->points->len > 0
      && g_array_index (series->points, OverlayPoint, series->points->len - 1).time_us > time_us)
    {
      g_debug ("Overlay %s/%s: a sample older than the last one kept, not drawn",
               strategy, name);
      return;
    }

  if (series->points->len >= TS_PRICE_CHART_MAX_OVERLAY_POINTS)
    g_array_remove_range (series->points, 0, TS_PRICE_CHART_MAX_OVERLAY_POINTS / 2);
  g_array_append_val (series->points, point);
}

void
ts_price_chart_add_overlay_samples (TsPriceChart          *self,
                                    const TsOverlaySample *samples,
                                    guint                  n_samples)
{
  gboolean changed = FALSE;

  g_return_if_fail (TS_IS_PRICE_CHART (self));
  g_return_if_fail (samples != NULL || n_samples == 0);

  for (guint i = 0; i < n_samples; i++)
    {
      const TsOverlaySample *sample = &samples[i];
      OverlayLatest *latest = NULL;
      guint n_values;

      if (sample->strategy == NULL || g_str_equal (sample->strategy, "pairs")
          || self->symbol[0] == '\0'
          || strncmp (sample->symbol, self->symbol, TS_SYMBOL_MAX) != 0)
        continue;

      for (guint k = 0; k < self->overlay_latest->len; k++)
        if (g_array_index (self->overlay_latest, OverlayLatest, k).strategy_id == sample->strategy_id)
          {
            latest = &g_array_index (self->overlay_latest, OverlayLatest, k);
            break;
          }
      if (latest == NULL)
        {
          g_array_set_size (self->overlay_latest, self->overlay_latest->len + 1);
          latest = &g_array_index (self->overlay_latest, OverlayLatest, self->overlay_latest->len - 1);
        }

      n_values = MIN (sample->n_values, TS_SESSION_OVERLAY_MAX);
      latest->strategy_id = sample->strategy_id;
      latest->strategy = g_intern_string (sample->strategy);
      latest->time_us = sample->time_us;
      latest->n_values = 0;
      for (guint k = 0; k < n_values; k++)
        {
          const TsOverlayValue *v = &sample->values[k];

          if (v->name == NULL)
            continue;
          latest->values[latest->n_values].name = g_intern_string (v->name);
          latest->values[latest->n_values].value = v->value;
          latest->n_values++;
          keep_value (self, sample->strategy_id, latest->strategy, v->name,
                      sample->time_us, v->value);
        }

      /* the zigzag's candidate leg ends where the price was at it */
      latest->candidate_time_us = sample->time_us;
      if (g_str_equal (latest->strategy, "confluence"))
        {
          OverlaySeries *pivots = find_series (self, sample->strategy_id, "zigzag_pivot");
          double candidate = latest_value (latest, "zigzag_candidate");

          if (pivots != NULL && pivots->points->len > 0 && isfinite (candidate))
            latest->candidate_time_us =
              snap_to_price (self, candidate,
                             g_array_index (pivots->points, OverlayPoint, pivots->points->len - 1).time_us,
                             sample->time_us);
        }
      changed = TRUE;
    }

  if (changed)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ts_price_chart_get_n_overlay_points (TsPriceChart *self,
                                     const char   *strategy,
                                     const char   *name)
{
  guint n = 0;

  g_return_val_if_fail (TS_IS_PRICE_CHART (self), 0);
  g_return_val_if_fail (strategy != NULL, 0);
  g_return_val_if_fail (name != NULL, 0);

  for (guint i = 0; i < self->overlay_series->len; i++)
    {
      const OverlaySeries *series = g_ptr_array_index (self->overlay_series, i);

      if (g_str_equal (series->strategy, strategy) && g_str_equal (series->name, name))
        n += series->points->len;
    }
  return n;
}

double
ts_price_chart_get_overlay_value (TsPriceChart *self,
                                  const char   *strategy,
                                  const char   *name)
{
  g_return_val_if_fail (TS_IS_PRICE_CHART (self), NAN);
  g_return_val_if_fail (strategy != NULL, NAN);
  g_return_val_if_fail (name != NULL, NAN);

  for (guint i = 0; i < self->overlay_latest->len; i++)
    {
      const OverlayLatest *latest = &g_array_index (self->overlay_latest, OverlayLatest, i);

      if (g_str_equal (latest->strategy, strategy))
        return latest_value (latest, name);
    }
  return NAN;
}

void
ts_price_chart_set_forecast_horizon (TsPriceChart *self,
                                     double        seconds)
{
  g_return_if_fail (TS_IS_PRICE_CHART (self));
  g_return_if_fail (seconds >= 0);

  self->forecast_horizon_us = (gint64)(seconds * G_USEC_PER_SEC);
  invalidate_columns (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
