/* ts-price-chart.h: the live price chart with fill markers
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-session.h"

G_BEGIN_DECLS

/** TS_PRICE_CHART_MAX_POINTS: the history kept (a ring buffer) */
#define TS_PRICE_CHART_MAX_POINTS 1000000
/** TS_PRICE_CHART_MAX_MARKERS: the fill markers kept */
#define TS_PRICE_CHART_MAX_MARKERS 100000

#define TS_TYPE_PRICE_CHART (ts_price_chart_get_type ())
G_DECLARE_FINAL_TYPE (TsPriceChart, ts_price_chart, TS, PRICE_CHART, GtkWidget)

/**
 * ts_price_chart_new:
 *
 * Returns: (transfer floating): a new, empty chart
 */
GtkWidget *ts_price_chart_new            (void);
/**
 * ts_price_chart_append_points:
 * @self: a chart
 * @points: (array length=n_points): new points, oldest first, in exchange time order
 * @n_points: how many
 *
 * Appends to the history (the oldest points go beyond
 * %TS_PRICE_CHART_MAX_POINTS) and queues a redraw.
 */
void       ts_price_chart_append_points  (TsPriceChart       *self,
                                          const TsChartPoint *points,
                                          guint               n_points);
/**
 * ts_price_chart_add_fills:
 * @self: a chart
 * @fills: (array length=n_fills): new fills
 * @n_fills: how many
 *
 * Adds a marker per fill: a green up-triangle for a buy, a red down-triangle
 * for a sell, at (fill time, fill price).
 */
void       ts_price_chart_add_fills      (TsPriceChart       *self,
                                          const TsFill       *fills,
                                          guint               n_fills);
/**
 * ts_price_chart_clear:
 * @self: a chart
 *
 * Drops every point and marker.
 */
void       ts_price_chart_clear          (TsPriceChart       *self);
/**
 * ts_price_chart_get_n_points:
 * @self: a chart
 *
 * Returns: the points in the history
 */
guint      ts_price_chart_get_n_points   (TsPriceChart       *self);
/**
 * ts_price_chart_get_n_markers:
 * @self: a chart
 *
 * Returns: the fill markers kept
 */
guint      ts_price_chart_get_n_markers  (TsPriceChart       *self);
/**
 * ts_price_chart_set_span:
 * @self: a chart
 * @seconds: seconds of exchange time to show (> 0)
 *
 * The chart shows the last @seconds of exchange time, or everything when
 * there is less. 300 by default.
 */
void       ts_price_chart_set_span       (TsPriceChart       *self,
                                          double              seconds);

G_END_DECLS
