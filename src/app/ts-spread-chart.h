/* ts-spread-chart.h: the pairs strategy's spread with its bands
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-session.h"

G_BEGIN_DECLS

/**
 * TS_SPREAD_CHART_MAX_SAMPLES: the samples kept; when full, the older half
 * goes
 */
#define TS_SPREAD_CHART_MAX_SAMPLES 20000

#define TS_TYPE_SPREAD_CHART (ts_spread_chart_get_type ())
G_DECLARE_FINAL_TYPE (TsSpreadChart, ts_spread_chart, TS, SPREAD_CHART, GtkWidget)

/**
 * ts_spread_chart_new:
 *
 * A panel for the "pairs" strategy's overlay (STRATEGIES.md section 4): the
 * spread over time, its rolling mean, the entry, exit and stop bands (mean
 * +/- those z thresholds x sd, spread units) as lines, and the current z in
 * the corner. Hidden until it gets a pairs sample.
 *
 * Returns: (transfer floating): a new, empty, hidden panel
 */
GtkWidget *ts_spread_chart_new           (void);
/**
 * ts_spread_chart_add_samples:
 * @self: a panel
 * @samples: (array length=n_samples): overlay samples of any strategies, in
 *   time order
 * @n_samples: how many
 *
 * Keeps the samples of the first "pairs" strategy seen (by
 * #TsOverlaySample.strategy_id; the others are ignored, whatever their
 * symbol): its "spread", "mean", "z", "upper_entry", "lower_entry",
 * "upper_exit", "lower_exit", "upper_stop", "lower_stop" (NaN when a sample
 * lacks one). Shows the panel when one was kept, and queues a redraw.
 */
void       ts_spread_chart_add_samples   (TsSpreadChart         *self,
                                          const TsOverlaySample *samples,
                                          guint                  n_samples);
/**
 * ts_spread_chart_clear:
 * @self: a panel
 *
 * Drops every sample and hides the panel.
 */
void       ts_spread_chart_clear         (TsSpreadChart         *self);
/**
 * ts_spread_chart_get_n_samples:
 * @self: a panel
 *
 * Returns: the samples kept
 */
guint      ts_spread_chart_get_n_samples (TsSpreadChart         *self);
/**
 * ts_spread_chart_get_last_value:
 * @self: a panel
 * @name: "spread", "mean", "z", "upper_entry", "lower_entry", "upper_exit",
 *   "lower_exit", "upper_stop" or "lower_stop"
 *
 * Returns: that value in the latest sample kept (spread units, z in sd);
 *   NaN when there is none or @name is not one of those
 */
double     ts_spread_chart_get_last_value (TsSpreadChart        *self,
                                           const char           *name);
/**
 * ts_spread_chart_set_span:
 * @self: a panel
 * @seconds: seconds of exchange time to show (> 0)
 *
 * The panel shows the last @seconds, or everything when there is less.
 * 300 by default, as #TsPriceChart.
 */
void       ts_spread_chart_set_span      (TsSpreadChart         *self,
                                          double                 seconds);

G_END_DECLS
