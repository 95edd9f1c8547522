/* ts-fractals.h: Williams 5-bar fractals
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsFractalFlags:
 * @TS_FRACTAL_NONE: neither
 * @TS_FRACTAL_UP: the bar's high is strictly above the highs of the two
 *   bars before and the two bars after it
 * @TS_FRACTAL_DOWN: the bar's low is strictly below the lows of the two
 *   bars before and the two bars after it
 */
typedef enum
{
  TS_FRACTAL_NONE = 0,
  TS_FRACTAL_UP   = 1 << 0,
  TS_FRACTAL_DOWN = 1 << 1,
} TsFractalFlags;

/**
 * TsFractals:
 *
 * Bill Williams' fractals over 5 bars (B. Williams, "Trading Chaos", 1995;
 * STRATEGIES.md section 5; seed 004). Bar i is an up fractal when
 * high_i > high_(i-2), high_(i-1), high_(i+1), high_(i+2) (strictly), a
 * down fractal likewise with the lows; a bar may be both. Bar i is decided
 * when bar i + 2 is pushed (confirmed 2 bars later). Bars are numbered
 * from 0 in push order. Prices in quote currency. O(1) per push, no
 * allocation after construction. Not thread-safe.
 */
typedef struct _TsFractals TsFractals;

/**
 * TsFractal:
 * @index: the bar's number (0 = the first bar pushed)
 * @price: its high (up fractal) or its low (down fractal), quote currency
 */
typedef struct
{
  guint64 index;
  double  price;
} TsFractal;

/**
 * ts_fractals_new:
 *
 * Returns: (transfer full): a detector with no bars
 */
TsFractals     *ts_fractals_new          (void);
void            ts_fractals_free         (TsFractals       *self);
void            ts_fractals_reset        (TsFractals       *self);

/**
 * ts_fractals_push:
 * @high: the bar's high, quote currency
 * @low: the bar's low, quote currency, <= @high
 * @bar_index: (out) (optional): the number of the bar the flags are about
 *   (this bar's number - 2); untouched before the 5th bar
 *
 * Returns: the flags of the bar two before this one, %TS_FRACTAL_NONE
 *   before the 5th bar
 */
TsFractalFlags  ts_fractals_push         (TsFractals       *self,
                                          double            high,
                                          double            low,
                                          guint64          *bar_index);

/**
 * ts_fractals_get_count:
 *
 * Returns: bars pushed
 */
guint64         ts_fractals_get_count    (const TsFractals *self);

/**
 * ts_fractals_get_last_up:
 * @fractal: (out): the latest confirmed up fractal
 *
 * Returns: %FALSE when there has been none
 */
gboolean        ts_fractals_get_last_up  (const TsFractals *self,
                                          TsFractal        *fractal);

/**
 * ts_fractals_get_last_down:
 * @fractal: (out): the latest confirmed down fractal
 *
 * Returns: %FALSE when there has been none
 */
gboolean        ts_fractals_get_last_down (const TsFractals *self,
                                           TsFractal        *fractal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsFractals, ts_fractals_free)

G_END_DECLS
