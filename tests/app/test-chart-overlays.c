/* test-chart-overlays.c: the strategies' overlays on the price chart and
 * the pairs spread panel, fed hand-made samples
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "app/ts-price-chart.h"
#include "app/ts-spread-chart.h"

/* 2026-01-02 00:00:00 UTC, µs */
#define T0 G_GINT64_CONSTANT (1767312000000000)
#define SEC G_GINT64_CONSTANT (1000000)

static gboolean have_display;

static TsOverlaySample
make_sample (gint64             time_us,
             guint              strategy_id,
             const char        *strategy,
             const char        *symbol,
             const char * const names[],
             const double       values[],
             guint              n_values)
{
  TsOverlaySample s;

  memset (&s, 0, sizeof s);
  s.time_us = time_us;
  s.strategy_id = strategy_id;
  s.strategy = strategy;
  g_strlcpy (s.symbol, symbol, sizeof s.symbol);
  g_assert_cmpuint (n_values, <=, TS_SESSION_OVERLAY_MAX);
  s.n_values = n_values;
  for (guint i = 0; i < n_values; i++)
    {
      s.values[i].name = names[i];
      s.values[i].value = values[i];
    }
  return s;
}

static gboolean
skip_without_display (void)
{
  if (!have_display)
    {
      g_test_skip ("no display");
      return TRUE;
    }
  return FALSE;
}

/* What is kept: every sample of the drawn series, changes only of the
 * confluence pivots and fractals, nothing of another symbol or of pairs */
static void
test_series_counts (void)
{
  static const char * const maxwell_names[] = { "sma", "deviation", "buy_level", "exit_level", "stop" };
  static const char * const calculus_names[] = { "smoothed", "forecast" };
  static const char * const confluence_names[] = { "fractal_up", "fractal_down", "zigzag_pivot", "fib_61.8" };
  static const char * const pairs_names[] = { "spread", "mean" };
  TsPriceChart *chart;
  GArray *samples;

  if (skip_without_display ())
    return;

  chart = TS_PRICE_CHART (g_object_ref_sink (ts_price_chart_new ()));
  samples = g_array_new (FALSE, FALSE, sizeof (TsOverlaySample));

  /* no symbol yet: nothing is kept */
  {
    double v[] = { 100.0, 0.0, 100.5, 101.0, NAN };
    TsOverlaySample s = make_sample (T0, 1, "maxwell", "MOCK-BTC", maxwell_names, v, 5);

    ts_price_chart_add_overlay_samples (chart, &s, 1);
    g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "sma"), ==, 0);
  }

  ts_price_chart_set_symbol (chart, "MOCK-BTC");
  g_assert_cmpstr (ts_price_chart_get_symbol (chart), ==, "MOCK-BTC");

  /* maxwell on MOCK-BTC: 10 samples, SMA 100.0 .. 100.9; the first
   * without an SMA yet (NaN, a gap, still a point) */
  for (guint i = 0; i < 10; i++)
    {
      double v[] = { i == 0 ? NAN : 100.0 + 0.1 * i, 0.0, 100.5, 101.0, NAN };
      TsOverlaySample s = make_sample (T0 + i * SEC, 1, "maxwell", "MOCK-BTC", maxwell_names, v, 5);

      g_array_append_val (samples, s);
    }
  /* another maxwell on MOCK-ETH: ignored */
  for (guint i = 0; i < 3; i++)
    {
      double v[] = { 2000.0, 0.0, 2001.0, 2002.0, NAN };
      TsOverlaySample s = make_sample (T0 + i * SEC, 7, "maxwell", "MOCK-ETH", maxwell_names, v, 5);

      g_array_append_val (samples, s);
    }
  /* calculus: 4 samples */
  for (guint i = 0; i < 4; i++)
    {
      double v[] = { 99.0 + i, 99.5 + i };
      TsOverlaySample s = make_sample (T0 + i * SEC, 2, "calculus", "MOCK-BTC", calculus_names, v, 2);

      g_array_append_val (samples, s);
    }
  /* confluence: fractal_up NaN, 105, 105, 106, 106, 105 -> 3 changes;
   * fractal_down all NaN -> none; zigzag NaN, NaN, 104, 104, 99, 99 -> 2 */
  {
    static const double up[] = { NAN, 105, 105, 106, 106, 105 };
    static const double pivot[] = { NAN, NAN, 104, 104, 99, 99 };

    for (guint i = 0; i < G_N_ELEMENTS (up); i++)
      {
        double v[] = { up[i], NAN, pivot[i], 101.2 };
        TsOverlaySample s = make_sample (T0 + i * SEC, 3, "confluence", "MOCK-BTC",
                                         confluence_names, v, 4);

        g_array_append_val (samples, s);
      }
  }
  /* pairs: the spread panel's, not the price chart's */
  {
    double v[] = { 0.5, 0.1 };
    TsOverlaySample s = make_sample (T0, 4, "pairs", "MOCK-BTC", pairs_names, v, 2);

    g_array_append_val (samples, s);
  }

  ts_price_chart_add_overlay_samples (chart, (const TsOverlaySample *)(gpointer)samples->data,
                                      samples->len);

  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "sma"), ==, 10);
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "buy_level"), ==, 10);
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "exit_level"), ==, 10);
  /* only the latest of a value not drawn over time */
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "deviation"), ==, 0);
  g_assert_cmpfloat_with_epsilon (ts_price_chart_get_overlay_value (chart, "maxwell", "sma"),
                                  100.9, 1e-12);
  g_assert_cmpfloat (ts_price_chart_get_overlay_value (chart, "maxwell", "buy_level"), ==, 100.5);
  g_assert_true (isnan (ts_price_chart_get_overlay_value (chart, "maxwell", "stop")));
  g_assert_true (isnan (ts_price_chart_get_overlay_value (chart, "maxwell", "no_such_value")));

  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "calculus", "smoothed"), ==, 4);
  g_assert_cmpfloat (ts_price_chart_get_overlay_value (chart, "calculus", "forecast"), ==, 102.5);

  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "confluence", "fractal_up"), ==, 3);
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "confluence", "fractal_down"), ==, 0);
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "confluence", "zigzag_pivot"), ==, 2);
  g_assert_cmpfloat (ts_price_chart_get_overlay_value (chart, "confluence", "fib_61.8"), ==, 101.2);

  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "pairs", "spread"), ==, 0);
  g_assert_true (isnan (ts_price_chart_get_overlay_value (chart, "pairs", "spread")));

  /* another symbol drops the overlays */
  ts_price_chart_set_symbol (chart, "MOCK-ETH");
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "sma"), ==, 0);
  ts_price_chart_add_overlay_samples (chart, (const TsOverlaySample *)(gpointer)samples->data,
                                      samples->len);
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "sma"), ==, 3);
  g_assert_cmpfloat (ts_price_chart_get_overlay_value (chart, "maxwell", "sma"), ==, 2000.0);
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "calculus", "smoothed"), ==, 0);

  ts_price_chart_clear (chart);
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "sma"), ==, 0);
  g_assert_cmpstr (ts_price_chart_get_symbol (chart), ==, "MOCK-ETH");

  g_array_unref (samples);
  g_assert_finalize_object (chart);
}

/* The ring keeps at most TS_PRICE_CHART_MAX_OVERLAY_POINTS, dropping the
 * older half when full */
static void
test_series_capped (void)
{
  static const char * const names[] = { "sma" };
  TsPriceChart *chart;
  guint n = TS_PRICE_CHART_MAX_OVERLAY_POINTS + 1;

  if (skip_without_display ())
    return;

  chart = TS_PRICE_CHART (g_object_ref_sink (ts_price_chart_new ()));
  ts_price_chart_set_symbol (chart, "MOCK-BTC");
  for (guint i = 0; i < n; i++)
    {
      double v[] = { 100.0 };
      TsOverlaySample s = make_sample (T0 + i * SEC, 1, "maxwell", "MOCK-BTC", names, v, 1);

      ts_price_chart_add_overlay_samples (chart, &s, 1);
    }
  /* full at MAX: half dropped, then the last one added */
  g_assert_cmpuint (ts_price_chart_get_n_overlay_points (chart, "maxwell", "sma"), ==,
                    TS_PRICE_CHART_MAX_OVERLAY_POINTS / 2 + 1);
  g_assert_finalize_object (chart);
}

/* Hand-made pairs values: mean 0.1, sd 0.2, spread 0.3 so z = (0.3 - 0.1)
 * / 0.2 = 1; bands at z 2 (entry), 0.5 (exit), 3.5 (stop): mean +/- z sd */
static const char * const pairs_names[] = {
  "spread", "mean", "z", "upper_entry", "lower_entry", "upper_exit", "lower_exit",
  "upper_stop", "lower_stop", "beta",
};
static const double pairs_values[] = {
  0.3, 0.1, 1.0, 0.5, -0.3, 0.2, 0.0, 0.8, -0.6, 1.3,
};

static void
test_spread_panel (void)
{
  static const char * const maxwell_names[] = { "sma" };
  TsSpreadChart *spread;

  if (skip_without_display ())
    return;

  spread = TS_SPREAD_CHART (g_object_ref_sink (ts_spread_chart_new ()));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (spread)));

  /* other strategies leave it hidden */
  {
    double v[] = { 100 };
    TsOverlaySample s = make_sample (T0, 1, "maxwell", "MOCK-BTC", maxwell_names, v, 1);

    ts_spread_chart_add_samples (spread, &s, 1);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (spread)));
    g_assert_cmpuint (ts_spread_chart_get_n_samples (spread), ==, 0);
  }

  /* pairs samples, whatever the symbol, show it */
  {
    TsOverlaySample s[3];
    double other[G_N_ELEMENTS (pairs_values)];

    for (guint i = 0; i < G_N_ELEMENTS (other); i++)
      other[i] = 9.0;
    s[0] = make_sample (T0, 4, "pairs", "MOCK-ETH", pairs_names, pairs_values,
                        G_N_ELEMENTS (pairs_values));
    s[1] = make_sample (T0 + SEC, 4, "pairs", "MOCK-BTC", pairs_names, pairs_values,
                        G_N_ELEMENTS (pairs_values));
    /* a second pairs strategy: ignored */
    s[2] = make_sample (T0 + 2 * SEC, 5, "pairs", "MOCK-BTC", pairs_names, other,
                        G_N_ELEMENTS (other));
    ts_spread_chart_add_samples (spread, s, 3);
  }
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (spread)));
  g_assert_cmpuint (ts_spread_chart_get_n_samples (spread), ==, 2);
  g_assert_cmpfloat (ts_spread_chart_get_last_value (spread, "spread"), ==, 0.3);
  g_assert_cmpfloat (ts_spread_chart_get_last_value (spread, "mean"), ==, 0.1);
  g_assert_cmpfloat (ts_spread_chart_get_last_value (spread, "z"), ==, 1.0);
  g_assert_cmpfloat (ts_spread_chart_get_last_value (spread, "upper_entry"), ==, 0.5);
  g_assert_cmpfloat (ts_spread_chart_get_last_value (spread, "lower_entry"), ==, -0.3);
  g_assert_cmpfloat (ts_spread_chart_get_last_value (spread, "upper_exit"), ==, 0.2);
  g_assert_cmpfloat (ts_spread_chart_get_last_value (spread, "lower_exit"), ==, 0.0);
  g_assert_cmpfloat (ts_spread_chart_get_last_value (spread, "upper_stop"), ==, 0.8);
  g_assert_cmpfloat (ts_spread_chart_get_last_value (spread, "lower_stop"), ==, -0.6);
  /* not a band */
  g_assert_true (isnan (ts_spread_chart_get_last_value (spread, "beta")));

  ts_spread_chart_clear (spread);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (spread)));
  g_assert_cmpuint (ts_spread_chart_get_n_samples (spread), ==, 0);

  g_assert_finalize_object (spread);
}

/* ---- rendering ---------------------------------------------------------- */

/* Shows @widget alone in a window and waits until it has a size */
static GtkWindow *
show_in_window (GtkWidget *widget,
                int        width,
                int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, widget);
  gtk_window_present (window);
  while (gtk_widget_get_width (widget) == 0 || !gtk_widget_get_mapped (widget))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the window was not shown in 10 s");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return window;
}

/* The widget's own drawing (its snapshot) into an ARGB image */
static cairo_surface_t *
render (GtkWidget *widget)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, gtk_widget_get_width (widget),
                                        gtk_widget_get_height (widget));
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);
  return surface;
}

/* Whether a pixel of column @x within @y0 .. @y1 is opaque enough and of
 * @color (un-premultiplied, within 30 of 255 per channel) */
static gboolean
column_has_color (cairo_surface_t *surface,
                  int              x,
                  int              y0,
                  int              y1,
                  const char      *color)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  GdkRGBA want;

  g_assert_true (gdk_rgba_parse (&want, color));
  for (int y = MAX (0, y0); y <= y1 && y < cairo_image_surface_get_height (surface); y++)
    {
      guint32 px = *(const guint32 *)(gconstpointer)(data + y * stride + x * 4);
      double a = (px >> 24) & 0xff;
      double r, g, b;

      if (a < 100)
        continue;
      r = ((px >> 16) & 0xff) * 255.0 / a;
      g = ((px >> 8) & 0xff) * 255.0 / a;
      b = (px & 0xff) * 255.0 / a;
      if (fabs (r - want.red * 255) <= 30 && fabs (g - want.green * 255) <= 30
          && fabs (b - want.blue * 255) <= 30)
        return TRUE;
    }
  return FALSE;
}

/* The mean row of the pixels of column @x within @y0 .. @y1 that are of
 * @color (see column_has_color()), or -1 */
static double
color_row (cairo_surface_t *surface,
           int              x,
           int              y0,
           int              y1,
           const char      *color)
{
  double sum = 0;
  int n = 0;

  for (int y = MAX (0, y0); y <= y1 && y < cairo_image_surface_get_height (surface); y++)
    if (column_has_color (surface, x, y, y, color))
      {
        sum += y;
        n++;
      }
  return n > 0 ? sum / n : -1;
}

/* Prices 100 for 30 s then 104 for 30 s, the SMA a flat 101: at a
 * quarter of the time (t = 15 s) only the SMA crosses y(101), a quarter of
 * the way from the price line at 100 (there) up to the price line at 104
 * (at t = 45 s). Plot: 12 px left, 88 for the axis (ts-price-chart.c), so
 * x(t) = 12 + t / 60 s x (width - 100). */
static void
check_sma_pixel (gboolean    dark,
                 const char *sma_color,
                 const char *price_color)
{
  static const char * const names[] = { "sma" };
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *chart = ts_price_chart_new ();
  GtkWindow *window;
  cairo_surface_t *surface;
  int width, height, x15, x45;
  double y100, y104, y_sma, expected;

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (adw_style_manager_get_dark (style) == dark);

  window = show_in_window (chart, 800, 400);

  ts_price_chart_set_symbol (TS_PRICE_CHART (chart), "MOCK-BTC");
  for (guint i = 0; i <= 60; i++)
    {
      TsChartPoint p = { T0 + i * SEC, i < 30 ? 100.0 : 104.0, NAN, NAN };
      double v[] = { 101.0 };
      TsOverlaySample s = make_sample (T0 + i * SEC, 1, "maxwell", "MOCK-BTC", names, v, 1);

      ts_price_chart_append_points (TS_PRICE_CHART (chart), &p, 1);
      ts_price_chart_add_overlay_samples (TS_PRICE_CHART (chart), &s, 1);
    }

  width = gtk_widget_get_width (chart);
  height = gtk_widget_get_height (chart);
  g_assert_cmpint (width, >, 300);
  g_assert_cmpint (height, >, 200);
  surface = render (chart);

  x15 = (int)(12.0 + 0.25 * (width - 100.0));
  x45 = (int)(12.0 + 0.75 * (width - 100.0));
  y100 = color_row (surface, x15, 0, height - 1, price_color);
  y104 = color_row (surface, x45, 0, height - 1, price_color);
  y_sma = color_row (surface, x15, 0, height - 1, sma_color);
  expected = y100 + (y104 - y100) * (101.0 - 100.0) / (104.0 - 100.0);
  g_test_message ("price rows %.1f (100), %.1f (104); SMA row %.1f, expected %.1f",
                  y100, y104, y_sma, expected);
  g_assert_cmpfloat (y100, >, 0);
  g_assert_cmpfloat (y104, >, 0);
  g_assert_cmpfloat (y104, <, y100 - 100);
  g_assert_cmpfloat (y_sma, >, 0);
  g_assert_cmpfloat (fabs (y_sma - expected), <=, 2.0);
  /* the SMA line alone in that colour there: a thin run */
  g_assert_false (column_has_color (surface, x15, 0, (int)y_sma - 4, sma_color));
  g_assert_false (column_has_color (surface, x15, (int)y_sma + 4, height - 1, sma_color));

  cairo_surface_destroy (surface);
  gtk_window_destroy (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_sma_drawn_light (void)
{
  if (skip_without_display ())
    return;
  check_sma_pixel (FALSE, "#e66100", "#1c71d8");
}

static void
test_sma_drawn_dark (void)
{
  if (skip_without_display ())
    return;
  check_sma_pixel (TRUE, "#ffa348", "#78aeed");
}

/* The spread line, flat at 0.3, with the bands of pairs_values: the axis
 * spans -0.6 .. 0.8 padded by 8 % (-0.712 .. 0.912). Plot: 12 px left, 8
 * top, 22 bottom, 88 for the axis (ts-spread-chart.c). */
static void
test_spread_drawn (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *spread;
  GtkWindow *window;
  cairo_surface_t *surface;
  int width, height;
  double x, y, ph;

  if (skip_without_display ())
    return;

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  spread = ts_spread_chart_new ();
  for (guint i = 0; i <= 60; i++)
    {
      TsOverlaySample s = make_sample (T0 + i * SEC, 4, "pairs", "MOCK-BTC", pairs_names,
                                       pairs_values, G_N_ELEMENTS (pairs_values));

      ts_spread_chart_add_samples (TS_SPREAD_CHART (spread), &s, 1);
    }
  /* hidden until now */
  g_assert_true (gtk_widget_get_visible (spread));
  window = show_in_window (spread, 800, 200);

  width = gtk_widget_get_width (spread);
  height = gtk_widget_get_height (spread);
  surface = render (spread);

  ph = height - 8.0 - 22.0;
  x = 12.0 + 0.75 * (width - 12.0 - 88.0);
  y = 8.0 + ph - (0.3 + 0.712) / (0.912 + 0.712) * ph;
  g_test_message ("spread expected near (%.1f, %.1f) in %d x %d", x, y, width, height);
  g_assert_true (column_has_color (surface, (int)x, (int)y - 2, (int)y + 2, "#1c71d8"));
  /* the upper entry band (0.5), dashed: somewhere along a few pixels */
  {
    double y_entry = 8.0 + ph - (0.5 + 0.712) / (0.912 + 0.712) * ph;
    gboolean found = FALSE;

    for (int dx = 0; dx < 10 && !found; dx++)
      found = column_has_color (surface, (int)x + dx, (int)y_entry - 2, (int)y_entry + 2, "#e66100");
    g_assert_true (found);
  }

  cairo_surface_destroy (surface);
  gtk_window_destroy (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
                 && gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/app/chart-overlays/series-kept-per-symbol", test_series_counts);
  g_test_add_func ("/app/chart-overlays/series-capped", test_series_capped);
  g_test_add_func ("/app/chart-overlays/spread-panel-shows-pairs-bands", test_spread_panel);
  g_test_add_func ("/app/chart-overlays/sma-drawn-in-its-colour-light", test_sma_drawn_light);
  g_test_add_func ("/app/chart-overlays/sma-drawn-in-its-colour-dark", test_sma_drawn_dark);
  g_test_add_func ("/app/chart-overlays/spread-and-entry-band-drawn", test_spread_drawn);

  return g_test_run ();
}
