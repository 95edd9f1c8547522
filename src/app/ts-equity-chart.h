/* ts-equity-chart.h: a backtest's equity curve or its drawdown
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/ts-backtest.h"

G_BEGIN_DECLS

/**
 * TsEquityChartMode:
 * @TS_EQUITY_CHART_EQUITY: the equity as a line, quote currency, with the
 *   first point's equity as a dashed base line
 * @TS_EQUITY_CHART_DRAWDOWN: the drawdown as a red area hanging from 0,
 *   in percent of the running peak (#TsEquityPoint.drawdown × 100)
 *
 * What a #TsEquityChart draws.
 */
typedef enum
{
  TS_EQUITY_CHART_EQUITY,
  TS_EQUITY_CHART_DRAWDOWN,
} TsEquityChartMode;

#define TS_TYPE_EQUITY_CHART (ts_equity_chart_get_type ())
G_DECLARE_FINAL_TYPE (TsEquityChart, ts_equity_chart, TS, EQUITY_CHART, GtkWidget)

/**
 * ts_equity_chart_new:
 * @mode: what to draw
 *
 * Returns: (transfer floating): an empty chart
 */
GtkWidget         *ts_equity_chart_new          (TsEquityChartMode    mode);

/**
 * ts_equity_chart_set_points:
 * @self: a chart
 * @points: (array length=n_points) (nullable): the curve, oldest first
 *   (ts_backtest_get_equity_curve()); copied
 * @n_points: how many
 *
 * Replaces the curve. The chart shows it all: time (UTC) along x, equity
 * or drawdown along y, at most one min/max pair per pixel column.
 */
void               ts_equity_chart_set_points   (TsEquityChart       *self,
                                                 const TsEquityPoint *points,
                                                 guint                n_points);

/**
 * ts_equity_chart_get_n_points:
 * @self: a chart
 *
 * Returns: the points shown
 */
guint              ts_equity_chart_get_n_points (TsEquityChart       *self);

/**
 * ts_equity_chart_set_mode:
 * @self: a chart
 * @mode: what to draw
 */
void               ts_equity_chart_set_mode     (TsEquityChart       *self,
                                                 TsEquityChartMode    mode);

/**
 * ts_equity_chart_get_mode:
 * @self: a chart
 *
 * Returns: what it draws
 */
TsEquityChartMode  ts_equity_chart_get_mode     (TsEquityChart       *self);

G_END_DECLS
