/* ts-chart-axis.h: the axes, grid, labels and colours the Cairo charts share
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * TsChartAxis:
 * @px: the plot area's left edge, in widget pixels
 * @py: its top edge, in widget pixels
 * @pw: its width, in pixels
 * @ph: its height, in pixels
 * @t_start: the time at the left edge, µs since epoch UTC
 * @t_end: the time at the right edge, µs since epoch UTC (> @t_start)
 * @y_min: the value at the bottom edge, in the chart's units
 * @y_max: the value at the top edge (> @y_min)
 *
 * One plot's geometry: where its rectangle lies in the widget and which
 * times and values its edges stand for. A plain value, filled in by the
 * chart on each drawing; the functions below only read it.
 */
typedef struct
{
  double px, py, pw, ph;
  gint64 t_start, t_end;
  double y_min, y_max;
} TsChartAxis;

/**
 * TsChartTimeLabels:
 * @TS_CHART_TIME_CLOCK: steps of 1 s to 1 day; labels the clock time in
 *   the local time zone ("14:05:30", ts_format_time_us())
 * @TS_CHART_TIME_CALENDAR: steps of 1 min to 1 year; labels "HH:MM" in UTC,
 *   or "YYYY-MM-DD" when the range is over 2 days, kept inside the widget
 *
 * How the time axis of ts_chart_axis_draw_time_grid() is cut and labelled.
 */
typedef enum
{
  TS_CHART_TIME_CLOCK,
  TS_CHART_TIME_CALENDAR,
} TsChartTimeLabels;

/**
 * TsChartColor:
 * @TS_CHART_COLOR_BLUE: the price or equity line (#1c71d8 light, #78aeed dark)
 * @TS_CHART_COLOR_GREEN: buys, gains, exits (#26a269, #57e389)
 * @TS_CHART_COLOR_RED: sells, losses, stops, drawdown (#c01c28, #ff7b63)
 * @TS_CHART_COLOR_ORANGE: entry bands (#e66100, #ffa348)
 *
 * The GNOME palette shades the charts draw with, one per light/dark style.
 */
typedef enum
{
  TS_CHART_COLOR_BLUE,
  TS_CHART_COLOR_GREEN,
  TS_CHART_COLOR_RED,
  TS_CHART_COLOR_ORANGE,
  TS_CHART_N_COLORS
} TsChartColor;

gint64   ts_chart_axis_floor_div       (gint64             a,
                                        gint64             b);
double   ts_chart_axis_nice_step       (double             raw,
                                        gboolean           with_quarter);
int      ts_chart_axis_step_digits     (double             step);
gint64   ts_chart_axis_time_step       (TsChartTimeLabels  labels,
                                        gint64             range_us,
                                        double             pw,
                                        double             min_px);
char    *ts_chart_axis_format_time     (TsChartTimeLabels  labels,
                                        gint64             t_us,
                                        gint64             range_us);

double   ts_chart_axis_x               (const TsChartAxis *axis,
                                        gint64             t_us);
double   ts_chart_axis_y               (const TsChartAxis *axis,
                                        double             value);

void     ts_chart_axis_get_color       (TsChartColor       color,
                                        gboolean           dark,
                                        GdkRGBA           *out);
void     ts_chart_axis_set_source      (cairo_t           *cr,
                                        const GdkRGBA     *rgba,
                                        double             alpha);
void     ts_chart_axis_set_backdrop    (cairo_t           *cr,
                                        gboolean           dark);

void     ts_chart_axis_draw_text       (GtkWidget         *widget,
                                        cairo_t           *cr,
                                        const char        *text,
                                        double             x,
                                        double             y,
                                        double             x_align,
                                        double             y_align);
void     ts_chart_axis_draw_value_grid (const TsChartAxis *axis,
                                        GtkWidget         *widget,
                                        cairo_t           *cr,
                                        const GdkRGBA     *fg,
                                        double             step,
                                        const char        *suffix,
                                        double             skip_y);
void     ts_chart_axis_draw_time_grid  (const TsChartAxis *axis,
                                        GtkWidget         *widget,
                                        cairo_t           *cr,
                                        const GdkRGBA     *fg,
                                        TsChartTimeLabels  labels,
                                        double             min_px,
                                        double             label_dy);
void     ts_chart_axis_draw_baseline   (const TsChartAxis *axis,
                                        cairo_t           *cr,
                                        const GdkRGBA     *fg);
void     ts_chart_axis_draw_badge      (const TsChartAxis *axis,
                                        GtkWidget         *widget,
                                        cairo_t           *cr,
                                        double             value,
                                        const char        *label,
                                        const GdkRGBA     *color,
                                        gboolean           dark);

G_END_DECLS
