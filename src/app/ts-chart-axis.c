/* ts-chart-axis.c: the axes, grid, labels and colours the Cairo charts share
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ts-chart-axis.h"
#include "ts-format.h"

/* light, dark: by TsChartColor */
static const char * const palette[TS_CHART_N_COLORS][2] = {
  [TS_CHART_COLOR_BLUE]   = { "#1c71d8", "#78aeed" },
  [TS_CHART_COLOR_GREEN]  = { "#26a269", "#57e389" },
  [TS_CHART_COLOR_RED]    = { "#c01c28", "#ff7b63" },
  [TS_CHART_COLOR_ORANGE] = { "#e66100", "#ffa348" },
};

/* time-axis steps, seconds */
static const gint64 clock_steps_s[] = {
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400,
};
static const gint64 calendar_steps_s[] = {
  60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800,
  2592000, 7776000, 31557600,
};

/**
 * ts_chart_axis_floor_div:
 * @a: the dividend, e.g. a time in µs
 * @b: the divisor, ≠ 0, e.g. a step in µs
 *
 * ⌊@a / @b⌋, rounding towards −∞ where C's `/` rounds towards 0
 * (−7 / 2 → −4), so times before 1970 fall in the right bucket too.
 *
 * Returns: the quotient
 */
gint64
ts_chart_axis_floor_div (gint64 a,
                         gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

/**
 * ts_chart_axis_nice_step:
 * @raw: the wanted distance between two grid lines, in value units
 * @with_quarter: whether 2.5 × 10^k is a step too
 *
 * The smallest "nice" step ≥ @raw: 1, 2, (2.5,) 5 or 10 times a power of
 * ten (the 1-2-5 sequence of Heckbert, "Nice numbers for graph labels",
 * Graphics Gems, 1990, rounded up rather than to the nearest). The caller
 * picks @raw as its value range over the number of lines it has room for,
 * e.g. a range of 200 over 4 lines asks 50 and gets 50; over 3 lines it
 * asks 66.7 and gets 100.
 *
 * Returns: the step, in value units; 1 when @raw is not a finite positive
 *   number
 */
double
ts_chart_axis_nice_step (double   raw,
                         gboolean with_quarter)
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
  if (with_quarter && norm <= 2.5)
    return 2.5 * mag;
  if (norm <= 5)
    return 5 * mag;
  return 10 * mag;
}

/**
 * ts_chart_axis_step_digits:
 * @step: a grid step from ts_chart_axis_nice_step(), > 0
 *
 * How many decimals a label needs to tell the lines of @step apart:
 * ⌈−log10 @step⌉, at least 0 (step 50 → 0, 0.5 → 1, 0.25 → 1, 0.01 → 2).
 *
 * Returns: the number of decimals
 */
int
ts_chart_axis_step_digits (double step)
{
  return MAX (0, (int) ceil (-log10 (step)));
}

/**
 * ts_chart_axis_time_step:
 * @labels: which list of steps to choose from
 * @range_us: the time the plot spans, µs, > 0
 * @pw: the plot's width, pixels
 * @min_px: the least room between two time lines, pixels
 *
 * The shortest step of @labels' list (see #TsChartTimeLabels) whose lines
 * stand at least @min_px apart, or the list's longest when none does. For
 * example 5 minutes over 480 px with 96 px between lines: 300 s / 480 px
 * × 96 px = 60 s, so lines every minute.
 *
 * Returns: the step, µs
 */
gint64
ts_chart_axis_time_step (TsChartTimeLabels labels,
                         gint64            range_us,
                         double            pw,
                         double            min_px)
{
  const gint64 *steps = labels == TS_CHART_TIME_CLOCK ? clock_steps_s : calendar_steps_s;
  guint n = labels == TS_CHART_TIME_CLOCK ? G_N_ELEMENTS (clock_steps_s)
                                          : G_N_ELEMENTS (calendar_steps_s);

  for (guint i = 0; i < n; i++)
    {
      gint64 s = steps[i] * G_USEC_PER_SEC;

      if ((double) s * pw / (double) range_us >= min_px)
        return s;
    }
  return steps[n - 1] * G_USEC_PER_SEC;
}

/**
 * ts_chart_axis_format_time:
 * @labels: the label style (see #TsChartTimeLabels)
 * @t_us: the time, µs since epoch UTC
 * @range_us: the time the plot spans, µs
 *
 * A time-axis label.
 *
 * Returns: (transfer full): the label; "?" for a time GLib cannot represent
 */
char *
ts_chart_axis_format_time (TsChartTimeLabels labels,
                           gint64            t_us,
                           gint64            range_us)
{
  g_autoptr(GDateTime) dt = NULL;

  if (labels == TS_CHART_TIME_CLOCK)
    return ts_format_time_us (t_us, FALSE);

  dt = g_date_time_new_from_unix_utc (t_us / G_USEC_PER_SEC);
  if (dt == NULL)
    return g_strdup ("?");
  if (range_us > (gint64) 2 * 86400 * G_USEC_PER_SEC)
    return g_date_time_format (dt, "%Y-%m-%d");
  return g_date_time_format (dt, "%H:%M");
}

/**
 * ts_chart_axis_x:
 * @axis: the plot
 * @t_us: a time, µs since epoch UTC
 *
 * Returns: the widget x of @t_us, pixels (unclamped)
 */
double
ts_chart_axis_x (const TsChartAxis *axis,
                 gint64             t_us)
{
  return axis->px + (double) (t_us - axis->t_start) * axis->pw
                    / (double) (axis->t_end - axis->t_start);
}

/**
 * ts_chart_axis_y:
 * @axis: the plot
 * @value: a value, in the chart's units
 *
 * Returns: the widget y of @value, pixels (unclamped; larger values higher up)
 */
double
ts_chart_axis_y (const TsChartAxis *axis,
                 double             value)
{
  return axis->py + axis->ph - (value - axis->y_min) / (axis->y_max - axis->y_min) * axis->ph;
}

/**
 * ts_chart_axis_get_color:
 * @color: which colour
 * @dark: whether the dark style is in use
 * @out: (out): the colour, opaque
 */
void
ts_chart_axis_get_color (TsChartColor  color,
                         gboolean      dark,
                         GdkRGBA      *out)
{
  g_return_if_fail (color < TS_CHART_N_COLORS);

  gdk_rgba_parse (out, palette[color][dark ? 1 : 0]);
}

/**
 * ts_chart_axis_set_source:
 * @cr: where to draw
 * @rgba: a colour
 * @alpha: a factor 0..1 on @rgba's alpha
 *
 * Sets @rgba, made more transparent by @alpha, as @cr's source.
 */
void
ts_chart_axis_set_source (cairo_t       *cr,
                          const GdkRGBA *rgba,
                          double         alpha)
{
  cairo_set_source_rgba (cr, rgba->red, rgba->green, rgba->blue, rgba->alpha * alpha);
}

/**
 * ts_chart_axis_set_backdrop:
 * @cr: where to draw
 * @dark: whether the dark style is in use
 *
 * Sets the translucent backdrop under text drawn over a plot (a legend) as
 * @cr's source: near-black at 75 % or white at 80 %.
 */
void
ts_chart_axis_set_backdrop (cairo_t  *cr,
                            gboolean  dark)
{
  if (dark)
    cairo_set_source_rgba (cr, 0.12, 0.12, 0.12, 0.75);
  else
    cairo_set_source_rgba (cr, 1, 1, 1, 0.8);
}

/* @text at (@x, @y) by the alignments; with @inside, shifted to lie within
 * the widget's width */
static void
draw_text_at (GtkWidget  *widget,
              cairo_t    *cr,
              const char *text,
              double      x,
              double      y,
              double      x_align,
              double      y_align,
              gboolean    inside)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;
  double left;

  pango_layout_get_pixel_size (layout, &w, &h);
  left = x - w * x_align;
  if (inside)
    left = CLAMP (left, 0, MAX (0, gtk_widget_get_width (widget) - w));
  cairo_move_to (cr, round (left), round (y - h * y_align));
  pango_cairo_show_layout (cr, layout);
}

/**
 * ts_chart_axis_draw_text:
 * @widget: the chart, for its font
 * @cr: where to draw, with the source set
 * @text: the text
 * @x: the anchor's x, widget pixels
 * @y: the anchor's y, widget pixels
 * @x_align: where @x lies across the text, 0 (left) to 1 (right)
 * @y_align: where @y lies down the text, 0 (top) to 1 (bottom)
 *
 * Draws @text in @widget's font, placed on whole pixels.
 */
void
ts_chart_axis_draw_text (GtkWidget  *widget,
                         cairo_t    *cr,
                         const char *text,
                         double      x,
                         double      y,
                         double      x_align,
                         double      y_align)
{
  draw_text_at (widget, cr, text, x, y, x_align, y_align, FALSE);
}

/**
 * ts_chart_axis_draw_value_grid:
 * @axis: the plot
 * @widget: the chart, for its font
 * @cr: where to draw
 * @fg: the foreground colour
 * @step: the value between lines (ts_chart_axis_nice_step())
 * @suffix: (nullable): appended to each label, e.g. " %"
 * @skip_y: a widget y (pixels) near which no label is drawn (a badge sits
 *   there), or NAN for none
 *
 * A faint horizontal line at each multiple of @step within the value range,
 * labelled right of the plot with ts_chart_axis_step_digits() decimals.
 * A value within 10⁻⁹ @step of a bound counts as inside, and of 0 as 0.
 */
void
ts_chart_axis_draw_value_grid (const TsChartAxis *axis,
                               GtkWidget         *widget,
                               cairo_t           *cr,
                               const GdkRGBA     *fg,
                               double             step,
                               const char        *suffix,
                               double             skip_y)
{
  int digits = ts_chart_axis_step_digits (step);
  double right = axis->px + axis->pw;

  cairo_set_line_width (cr, 1);
  for (double v = ceil (axis->y_min / step) * step; v <= axis->y_max + step * 1e-9; v += step)
    {
      double y = round (ts_chart_axis_y (axis, v)) + 0.5;
      g_autofree char *number = ts_format_number (fabs (v) < step * 1e-9 ? 0 : v, digits, FALSE);

      ts_chart_axis_set_source (cr, fg, 0.10);
      cairo_move_to (cr, axis->px, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      if (isnan (skip_y) || fabs (y - skip_y) >= 16)
        {
          g_autofree char *label = suffix != NULL ? g_strconcat (number, suffix, NULL)
                                                  : g_steal_pointer (&number);

          ts_chart_axis_set_source (cr, fg, 0.65);
          ts_chart_axis_draw_text (widget, cr, label, right + 8, y, 0, 0.5);
        }
    }
}

/**
 * ts_chart_axis_draw_time_grid:
 * @axis: the plot
 * @widget: the chart, for its font
 * @cr: where to draw
 * @fg: the foreground colour
 * @labels: how to cut and label the axis
 * @min_px: the least room between two lines, pixels (ts_chart_axis_time_step())
 * @label_dy: the gap between the plot's bottom and the labels, pixels
 *
 * A fainter vertical line at each whole step after the plot's start time,
 * each labelled under the plot.
 */
void
ts_chart_axis_draw_time_grid (const TsChartAxis *axis,
                              GtkWidget         *widget,
                              cairo_t           *cr,
                              const GdkRGBA     *fg,
                              TsChartTimeLabels  labels,
                              double             min_px,
                              double             label_dy)
{
  gint64 range_us = axis->t_end - axis->t_start;
  gint64 step_us = ts_chart_axis_time_step (labels, range_us, axis->pw, min_px);
  gint64 first = (ts_chart_axis_floor_div (axis->t_start, step_us) + 1) * step_us;

  cairo_set_line_width (cr, 1);
  for (gint64 t = first; t <= axis->t_end; t += step_us)
    {
      double x = round (ts_chart_axis_x (axis, t)) + 0.5;
      g_autofree char *label = ts_chart_axis_format_time (labels, t, range_us);
      double label_y = axis->py + axis->ph + label_dy;

      ts_chart_axis_set_source (cr, fg, 0.06);
      cairo_move_to (cr, x, axis->py);
      cairo_line_to (cr, x, axis->py + axis->ph);
      cairo_stroke (cr);
      ts_chart_axis_set_source (cr, fg, 0.65);
      draw_text_at (widget, cr, label, x, label_y, 0.5, 0, labels == TS_CHART_TIME_CALENDAR);
    }
}

/**
 * ts_chart_axis_draw_baseline:
 * @axis: the plot
 * @cr: where to draw
 * @fg: the foreground colour
 *
 * The 1 px line along the plot's bottom edge.
 */
void
ts_chart_axis_draw_baseline (const TsChartAxis *axis,
                             cairo_t           *cr,
                             const GdkRGBA     *fg)
{
  double y = round (axis->py + axis->ph) + 0.5;

  cairo_set_line_width (cr, 1);
  ts_chart_axis_set_source (cr, fg, 0.25);
  cairo_move_to (cr, axis->px, y);
  cairo_line_to (cr, axis->px + axis->pw, y);
  cairo_stroke (cr);
}

/**
 * ts_chart_axis_draw_badge:
 * @axis: the plot
 * @widget: the chart, for its font
 * @cr: where to draw
 * @value: the value it marks, in the chart's units
 * @label: its text, e.g. the formatted price
 * @color: the badge's fill
 * @dark: whether the dark style is in use (dark text on it, else white)
 *
 * A filled tag with @label on the value axis, just right of the plot,
 * centred on @value's height: the last price's tag.
 */
void
ts_chart_axis_draw_badge (const TsChartAxis *axis,
                          GtkWidget         *widget,
                          cairo_t           *cr,
                          double             value,
                          const char        *label,
                          const GdkRGBA     *color,
                          gboolean           dark)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, label);
  double y = ts_chart_axis_y (axis, value);
  double right = axis->px + axis->pw;
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  ts_chart_axis_set_source (cr, color, 1.0);
  cairo_rectangle (cr, right + 2, round (y - h / 2.0 - 2), w + 12, h + 4);
  cairo_fill (cr);
  if (dark)
    cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, right + 8, round (y - h / 2.0));
  pango_cairo_show_layout (cr, layout);
}
