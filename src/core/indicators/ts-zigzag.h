/* ts-zigzag.h: zigzag swing points and the swing of the last N bars
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsZigzagKind:
 * @TS_ZIGZAG_HIGH: a swing high
 * @TS_ZIGZAG_LOW: a swing low
 */
typedef enum
{
  TS_ZIGZAG_HIGH = 1,
  TS_ZIGZAG_LOW  = 2,
} TsZigzagKind;

/**
 * TsZigzagPivot:
 * @index: the bar's number (0 = the first bar pushed)
 * @price: its high (swing high) or its low (swing low), quote currency
 * @kind: high or low
 */
typedef struct
{
  guint64      index;
  double       price;
  TsZigzagKind kind;
} TsZigzagPivot;

/**
 * TsSwing:
 * @low: lowest low over the last `swing_bars` bars, quote currency
 * @low_index: its bar number (the latest one on ties)
 * @high: highest high over the same bars
 * @high_index: its bar number (the latest one on ties)
 * @up: %TRUE when the low came before the high (an up swing low -> high),
 *   %FALSE for a down swing high -> low
 */
typedef struct
{
  double   low;
  guint64  low_index;
  double   high;
  guint64  high_index;
  gboolean up;
} TsSwing;

/**
 * TS_ZIGZAG_HISTORY:
 *
 * Confirmed pivots kept by #TsZigzag (older ones are forgotten).
 */
#define TS_ZIGZAG_HISTORY 16

/**
 * TsZigzag:
 *
 * Two views of the swings in a bar series (STRATEGIES.md section 5: chart
 * zigzag swings, and the swing high/low over the last `swing_bars` 50 bars
 * that the Fibonacci levels are drawn on; seed 004).
 *
 * Zigzag pivots with a reversal threshold th = @threshold_pct / 100: while
 * rising, the highest high since the last swing low is the candidate swing
 * high; it is confirmed when a later bar's low is <= candidate (1 - th),
 * and that bar's low becomes the candidate swing low (mirror image while
 * falling: confirmed when a high >= candidate (1 + th)). A bar that makes a
 * new extreme only extends the candidate (no reversal in the same bar).
 * Before the first pivot both the lowest low and the highest high are
 * followed; the first pivot is the one of them that came first, once the
 * other is th beyond it.
 *
 * Swing: the lowest low and highest high of the last @swing_bars bars
 * (monotonic deques, amortized O(1) per push).
 *
 * Prices in quote currency. Buffers allocated by ts_zigzag_new(), nothing
 * per push. Not thread-safe.
 */
typedef struct _TsZigzag TsZigzag;

/**
 * ts_zigzag_new:
 * @threshold_pct: reversal threshold in percent, > 0 (5 = 5 %)
 * @swing_bars: bars in the swing window, >= 1 (`swing_bars`, 50)
 *
 * Returns: (transfer full): an empty detector, or %NULL on invalid arguments
 */
TsZigzag *ts_zigzag_new           (double               threshold_pct,
                                   guint                swing_bars);
void      ts_zigzag_free          (TsZigzag            *self);
void      ts_zigzag_reset         (TsZigzag            *self);

/**
 * ts_zigzag_push:
 * @high: the bar's high, quote currency, > 0
 * @low: the bar's low, quote currency, 0 < low <= high (pass a close as
 *   both for a line series)
 *
 * Returns: %TRUE when this bar confirmed a new pivot (read it with
 *   ts_zigzag_get_pivot (self, 0, ...))
 */
gboolean  ts_zigzag_push          (TsZigzag            *self,
                                   double               high,
                                   double               low);

/**
 * ts_zigzag_get_count:
 *
 * Returns: bars pushed
 */
guint64   ts_zigzag_get_count     (const TsZigzag      *self);

/**
 * ts_zigzag_get_n_pivots:
 *
 * Returns: confirmed pivots held, at most %TS_ZIGZAG_HISTORY
 */
guint     ts_zigzag_get_n_pivots  (const TsZigzag      *self);

/**
 * ts_zigzag_get_pivot:
 * @age: 0 for the latest confirmed pivot, 1 for the one before, ...
 * @pivot: (out): the pivot
 *
 * Returns: %FALSE when @age >= ts_zigzag_get_n_pivots()
 */
gboolean  ts_zigzag_get_pivot     (const TsZigzag      *self,
                                   guint                age,
                                   TsZigzagPivot       *pivot);

/**
 * ts_zigzag_get_candidate:
 * @pivot: (out): the running extreme that the next pivot will be if the
 *   threshold is crossed (for drawing the last leg)
 *
 * Returns: %FALSE before the first pivot
 */
gboolean  ts_zigzag_get_candidate (const TsZigzag      *self,
                                   TsZigzagPivot       *pivot);

/**
 * ts_zigzag_get_swing:
 * @swing: (out): low, high, their bar numbers and the direction over the
 *   last `swing_bars` bars
 *
 * Returns: %FALSE when no bar has been pushed
 */
gboolean  ts_zigzag_get_swing     (const TsZigzag      *self,
                                   TsSwing             *swing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsZigzag, ts_zigzag_free)

G_END_DECLS
