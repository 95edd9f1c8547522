/* ts-macd.h: moving average convergence divergence
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsMacd:
 *
 * Gerald Appel's MACD (Appel, "The Moving Average Convergence-Divergence
 * Trading Method", 1979; STRATEGIES.md section 5, MACD(12, 26, 9); seed 004):
 *
 *   line = EMA_fast(p) - EMA_slow(p)
 *   signal = EMA_signal(line)
 *   histogram = line - signal
 *
 * Each EMA is a #TsEma: alpha = 2 / (n + 1), seeded with the SMA of its
 * first n inputs. So the line exists from the slow-th price on and the
 * signal and histogram from price slow + signal - 1 on (34 with the
 * defaults). For a linear ramp of slope s the line is exactly
 * s (slow - fast) / 2 from then on (7 s with the defaults).
 * Prices in quote currency; outputs in quote currency. O(1) per push, no
 * allocation after construction. Not thread-safe.
 */
typedef struct _TsMacd TsMacd;

/**
 * TsMacdValue:
 * @line: EMA_fast - EMA_slow, NaN before the slow EMA is seeded
 * @signal: EMA_signal of the line, NaN before it is seeded
 * @histogram: line - signal, NaN when either is
 * @prev_histogram: the histogram one push earlier (for "rising"), NaN when
 *   there was none
 */
typedef struct
{
  double line;
  double signal;
  double histogram;
  double prev_histogram;
} TsMacdValue;

/**
 * ts_macd_new:
 * @fast: fast EMA period, >= 1 (12)
 * @slow: slow EMA period, > @fast (26)
 * @signal: signal EMA period, >= 1 (9)
 *
 * Returns: (transfer full): an empty MACD, or %NULL on invalid periods
 */
TsMacd  *ts_macd_new            (guint         fast,
                                 guint         slow,
                                 guint         signal);
void     ts_macd_free           (TsMacd       *self);
void     ts_macd_reset          (TsMacd       *self);

/**
 * ts_macd_push:
 * @price: the new price (a bar close), quote currency, finite
 * @value: (out) (optional): the outputs after the push
 *
 * Returns: %TRUE when the histogram is defined (the warm-up is over)
 */
gboolean ts_macd_push           (TsMacd       *self,
                                 double        price,
                                 TsMacdValue  *value);

/**
 * ts_macd_get_value:
 * @value: (out): the current outputs
 */
void     ts_macd_get_value      (const TsMacd *self,
                                 TsMacdValue  *value);
gboolean ts_macd_is_ready       (const TsMacd *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsMacd, ts_macd_free)

G_END_DECLS
