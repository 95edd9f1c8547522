/* ts-rolling-window.h: a time-based window of trades
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsRollingWindow:
 *
 * The trades with time > now - window (STRATEGIES.md section 2, "Window";
 * seed 001's 15-second tick buffer), where now is the time of the latest
 * push or ts_rolling_window_expire().
 *
 * Amortized O(1) per push: a ring buffer that doubles only when it is full,
 * a two-stack queue for the maximum and minimum price (branch-free per
 * trade; see ts-rolling-window-private.h), and a running sum of
 * sizes that is reset to exactly 0 whenever the window empties and
 * recomputed from the live trades after every capacity's worth of expired
 * trades (amortized O(1)), so rounding cannot drift over a long session.
 *
 * Prices in quote currency, sizes in base units, times in µs since the Unix
 * epoch, UTC. Times must not go backwards. Not thread-safe.
 */
typedef struct _TsRollingWindow TsRollingWindow;

/**
 * TsRollingWindowSummary:
 * @count: trades in the window
 * @first_price: price of the oldest trade (0 when empty)
 * @last_price: price of the newest trade (0 when empty)
 * @last_size: size of the newest trade (0 when empty)
 * @max_price: highest price in the window (0 when empty)
 * @min_price: lowest price in the window (0 when empty)
 * @sum_size: sum of the sizes in the window
 *
 * Everything the momentum rules read, in one copy.
 */
typedef struct
{
  guint  count;
  double first_price;
  double last_price;
  double last_size;
  double max_price;
  double min_price;
  double sum_size;
} TsRollingWindowSummary;

/**
 * ts_rolling_window_new:
 * @window_seconds: the window length in seconds of exchange time (> 0;
 *   anything smaller is taken as 1 µs)
 *
 * Returns: (transfer full): an empty window
 */
TsRollingWindow *ts_rolling_window_new               (double                  window_seconds);
void             ts_rolling_window_free              (TsRollingWindow        *self);

/**
 * ts_rolling_window_set_window_seconds:
 * @window_seconds: the new length, seconds
 *
 * Takes effect at the next push or expire; nothing is dropped before that.
 */
void             ts_rolling_window_set_window_seconds(TsRollingWindow        *self,
                                                      double                  window_seconds);
/**
 * ts_rolling_window_get_window_us:
 *
 * Returns: the window length, µs
 */
gint64           ts_rolling_window_get_window_us     (const TsRollingWindow  *self);

/**
 * ts_rolling_window_clear:
 *
 * Drops every trade; keeps the buffers.
 */
void             ts_rolling_window_clear             (TsRollingWindow        *self);

/**
 * ts_rolling_window_expire:
 * @now_us: the current time, µs since epoch UTC
 *
 * Drops the trades with time <= @now_us - window.
 */
void             ts_rolling_window_expire            (TsRollingWindow        *self,
                                                      gint64                  now_us);

/**
 * ts_rolling_window_push:
 * @time_us: trade time, µs since epoch UTC (now)
 * @price: trade price, quote currency, > 0
 * @size: trade size, base units, > 0
 *
 * Expires the trades with time <= @time_us - window, then appends the trade.
 * Allocates only when the ring is full (it doubles).
 */
void             ts_rolling_window_push              (TsRollingWindow        *self,
                                                      gint64                  time_us,
                                                      double                  price,
                                                      double                  size);

/**
 * ts_rolling_window_get_summary:
 * @summary: (out): count, first/last price, last size, max/min, sum of sizes
 */
void             ts_rolling_window_get_summary       (const TsRollingWindow  *self,
                                                      TsRollingWindowSummary *summary);

guint            ts_rolling_window_get_count         (const TsRollingWindow  *self);
double           ts_rolling_window_get_first_price   (const TsRollingWindow  *self);
double           ts_rolling_window_get_last_price    (const TsRollingWindow  *self);
double           ts_rolling_window_get_last_size     (const TsRollingWindow  *self);
double           ts_rolling_window_get_max_price     (const TsRollingWindow  *self);
double           ts_rolling_window_get_min_price     (const TsRollingWindow  *self);
double           ts_rolling_window_get_sum_size      (const TsRollingWindow  *self);

/**
 * ts_rolling_window_get_mean_size_others:
 *
 * The mean size of the trades in the window other than the newest one:
 * (sum of sizes - last size) / (count - 1) (STRATEGIES.md section 2,
 * volume spike rule).
 *
 * Returns: the mean in base units, or NaN when there are fewer than 2 trades
 */
double           ts_rolling_window_get_mean_size_others (const TsRollingWindow *self);

/**
 * ts_rolling_window_get_capacity:
 *
 * Returns: the ring's current capacity in trades (for tests)
 */
guint            ts_rolling_window_get_capacity      (const TsRollingWindow  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRollingWindow, ts_rolling_window_free)

G_END_DECLS
