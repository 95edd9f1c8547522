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
/**
 * TS_PRICE_CHART_MAX_OVERLAY_POINTS: the points kept per overlay series;
 * when full, the older half goes
 */
#define TS_PRICE_CHART_MAX_OVERLAY_POINTS 20000

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
 * Drops every point, marker and overlay (keeps the symbol).
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
/**
 * ts_price_chart_set_symbol:
 * @self: a chart
 * @symbol: the instrument the chart shows ("" = none yet)
 *
 * Overlay samples of other symbols are ignored. Changing the symbol drops
 * the overlays kept so far (not the price history).
 */
void       ts_price_chart_set_symbol     (TsPriceChart       *self,
                                          const char         *symbol);
/**
 * ts_price_chart_get_symbol:
 * @self: a chart
 *
 * Returns: (transfer none): the symbol set with ts_price_chart_set_symbol()
 */
const char *ts_price_chart_get_symbol    (TsPriceChart       *self);
/**
 * ts_price_chart_add_overlay_samples:
 * @self: a chart
 * @samples: (array length=n_samples): strategy overlay samples, in time order
 * @n_samples: how many
 *
 * Keeps the overlays of the samples whose #TsOverlaySample.symbol is the
 * chart's symbol (the others are ignored) and queues a redraw. Drawn, in
 * quote currency on the price axis:
 *
 * - "maxwell": "sma" as a line, "buy_level" dashed, "exit_level" dotted;
 * - "calculus": "smoothed" as a line and the Taylor "forecast" as a dashed
 *   segment from the last smoothed price to the sample time plus the
 *   forecast horizon (ts_price_chart_set_forecast_horizon()), ending in a dot;
 * - "confluence": the latest "fib_23.6" .. "fib_78.6" as labelled horizontal
 *   lines from the start of the swing ("swing_high", "swing_low"),
 *   "fractal_up" / "fractal_down" as small hollow triangles above / below
 *   their price, "zigzag_pivot" as a polyline joining its successive values
 *   and a dashed leg to "zigzag_candidate". These values only say when they
 *   were confirmed, so each new one is placed at the time of the chart's
 *   price closest to it since the previous one (at most 10 minutes back),
 *   or at the sample time without prices there: append the points of an
 *   update before its samples;
 * - any strategy: the latest "stop" and "take_profit" (an open position's)
 *   as dashed horizontal lines, or as a label at the top or bottom edge when
 *   out of the price range shown (they do not stretch the price axis).
 *
 * Series kept over time (at most %TS_PRICE_CHART_MAX_OVERLAY_POINTS each):
 * "sma", "buy_level", "exit_level" (maxwell) and "smoothed" (calculus), one
 * point per sample, NaN included (a gap); "swing_high", "swing_low",
 * "fractal_up", "fractal_down", "zigzag_pivot" (confluence), one point per
 * change to a new finite value. Of every other value only the latest is kept.
 * Samples of "pairs" are the spread panel's (#TsSpreadChart): not drawn here.
 */
void       ts_price_chart_add_overlay_samples (TsPriceChart          *self,
                                               const TsOverlaySample *samples,
                                               guint                  n_samples);
/**
 * ts_price_chart_get_n_overlay_points:
 * @self: a chart
 * @strategy: a strategy's short name ("maxwell", …)
 * @name: an overlay value name ("sma", …)
 *
 * Returns: the points kept in that series (summed over the strategies of
 *   that name); 0 for a name whose history is not kept (see
 *   ts_price_chart_add_overlay_samples())
 */
guint      ts_price_chart_get_n_overlay_points (TsPriceChart *self,
                                                const char   *strategy,
                                                const char   *name);
/**
 * ts_price_chart_get_overlay_value:
 * @self: a chart
 * @strategy: a strategy's short name ("maxwell", …)
 * @name: an overlay value name ("sma", "fib_61.8", …)
 *
 * Returns: the value of @name in the latest kept sample of @strategy (the
 *   first such strategy), NaN when there is none
 */
double     ts_price_chart_get_overlay_value    (TsPriceChart *self,
                                                const char   *strategy,
                                                const char   *name);
/**
 * ts_price_chart_set_forecast_horizon:
 * @self: a chart
 * @seconds: how far ahead the calculus forecast looks, seconds of exchange
 *   time (>= 0): forecast_bars x bar_seconds; 5 by default (5 bars of 1 s)
 *
 * Where the forecast segment ends on the time axis.
 */
void       ts_price_chart_set_forecast_horizon (TsPriceChart *self,
                                                double        seconds);

G_END_DECLS
