/* ts-heatmap.h: a grid of cells coloured by value, with a colour scale
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TS_TYPE_HEATMAP (ts_heatmap_get_type ())
G_DECLARE_FINAL_TYPE (TsHeatmap, ts_heatmap, TS, HEATMAP, GtkWidget)

/**
 * ts_heatmap_new:
 *
 * Returns: (transfer floating): an empty heatmap
 */
GtkWidget  *ts_heatmap_new            (void);

/**
 * ts_heatmap_set_data:
 * @self: a heatmap
 * @n_rows: rows (the y axis, row 0 at the bottom)
 * @n_cols: columns (the x axis, column 0 on the left)
 * @values: (array) (nullable): @n_rows × @n_cols values, row-major
 *   (value of row r, column c at r × @n_cols + c); NaN marks a cell with no
 *   value (drawn hatched grey), ±inf is shown as such and coloured as the
 *   scale's end; copied
 * @row_labels: (array zero-terminated=1) (nullable): @n_rows labels for
 *   the y axis
 * @col_labels: (array zero-terminated=1) (nullable): @n_cols labels for
 *   the x axis
 *
 * Replaces the grid. The colour scale runs from the smallest to the
 * largest finite value (a perceptually ordered blue–green–yellow ramp,
 * after matplotlib's viridis), shown as a legend on the right.
 */
void        ts_heatmap_set_data       (TsHeatmap          *self,
                                       guint               n_rows,
                                       guint               n_cols,
                                       const double       *values,
                                       const char * const *row_labels,
                                       const char * const *col_labels);

/**
 * ts_heatmap_set_titles:
 * @self: a heatmap
 * @row_title: (nullable): what the rows are (the y axis' title)
 * @col_title: (nullable): what the columns are (the x axis' title)
 * @value_title: (nullable): what the values are (the legend's title)
 * @digits: decimals of the values shown
 * @percent: whether to show values as percent (× 100, "%")
 */
void        ts_heatmap_set_titles     (TsHeatmap          *self,
                                       const char         *row_title,
                                       const char         *col_title,
                                       const char         *value_title,
                                       int                 digits,
                                       gboolean            percent);

/**
 * ts_heatmap_get_n_rows:
 * @self: a heatmap
 *
 * Returns: its rows
 */
guint       ts_heatmap_get_n_rows     (TsHeatmap          *self);

/**
 * ts_heatmap_get_n_cols:
 * @self: a heatmap
 *
 * Returns: its columns
 */
guint       ts_heatmap_get_n_cols     (TsHeatmap          *self);

/**
 * ts_heatmap_get_value:
 * @self: a heatmap
 * @row: a row
 * @col: a column
 *
 * Returns: the cell's value, NaN when out of the grid
 */
double      ts_heatmap_get_value      (TsHeatmap          *self,
                                       guint               row,
                                       guint               col);

/**
 * ts_heatmap_format_value:
 * @self: a heatmap
 * @value: a value
 *
 * Returns: (transfer full): @value as the heatmap shows it ("—" for NaN,
 *   "∞" for infinity)
 */
char       *ts_heatmap_format_value   (TsHeatmap          *self,
                                       double              value);

/**
 * ts_heatmap_get_cell_text:
 * @self: a heatmap
 * @row: a row
 * @col: a column
 *
 * Returns: (transfer full) (nullable): what hovering the cell shows, e.g.
 *   "window-seconds 20, entry-threshold 0.5: Total P&L 12.34"; %NULL out
 *   of the grid
 */
char       *ts_heatmap_get_cell_text  (TsHeatmap          *self,
                                       guint               row,
                                       guint               col);

/**
 * ts_heatmap_get_selected:
 * @self: a heatmap
 * @row: (out) (optional): the selected cell's row
 * @col: (out) (optional): its column
 *
 * Returns: %TRUE when a cell is selected (clicked)
 */
gboolean    ts_heatmap_get_selected   (TsHeatmap          *self,
                                       guint              *row,
                                       guint              *col);

/**
 * ts_heatmap_select:
 * @self: a heatmap
 * @row: a row
 * @col: a column
 *
 * Selects a cell as a click does, emitting #TsHeatmap::cell-selected.
 */
void        ts_heatmap_select         (TsHeatmap          *self,
                                       guint               row,
                                       guint               col);

G_END_DECLS
