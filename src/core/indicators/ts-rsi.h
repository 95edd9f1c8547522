/* ts-rsi.h: relative strength index with Wilder's smoothing
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsRsi:
 *
 * Wilder's relative strength index (J. Welles Wilder, "New Concepts in
 * Technical Trading Systems", 1978; STRATEGIES.md section 5, RSI(14);
 * seed 004).
 *
 * For each price change d_t = p_t - p_(t-1): gain = max(d, 0),
 * loss = max(-d, 0). The first averages are the simple means of the first
 * n gains and losses (so the first RSI comes with the (n + 1)-th price);
 * after that Wilder's smoothing avg_t = (avg_(t-1) (n - 1) + x_t) / n.
 *
 *   RS = avg_gain / avg_loss,   RSI = 100 - 100 / (1 + RS)
 *
 * When avg_loss = 0 the RSI is 100 (50 when avg_gain is also 0: no change
 * at all, Wilder's formula is 0/0 and we report the neutral level).
 * O(1) per push, no allocation after construction. Not thread-safe.
 */
typedef struct _TsRsi TsRsi;

/**
 * ts_rsi_new:
 * @period: n, the number of changes averaged, >= 1 (Wilder: 14)
 *
 * Returns: (transfer full): an empty RSI, or %NULL when @period is 0
 */
TsRsi   *ts_rsi_new           (guint        period);
void     ts_rsi_free          (TsRsi       *self);
void     ts_rsi_reset         (TsRsi       *self);

/**
 * ts_rsi_push:
 * @price: the new price (a bar close), quote currency, finite
 *
 * Returns: the RSI in [0, 100] after the push, or NaN until @period
 *   changes (@period + 1 prices) have been seen
 */
double   ts_rsi_push          (TsRsi       *self,
                               double       price);

/**
 * ts_rsi_get_value:
 *
 * Returns: the current RSI in [0, 100], NaN during the warm-up
 */
double   ts_rsi_get_value     (const TsRsi *self);

/**
 * ts_rsi_get_avg_gain:
 *
 * Returns: Wilder's average gain, quote currency per bar, NaN during the
 *   warm-up
 */
double   ts_rsi_get_avg_gain  (const TsRsi *self);

/**
 * ts_rsi_get_avg_loss:
 *
 * Returns: Wilder's average loss (>= 0), quote currency per bar, NaN
 *   during the warm-up
 */
double   ts_rsi_get_avg_loss  (const TsRsi *self);
gboolean ts_rsi_is_ready      (const TsRsi *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsRsi, ts_rsi_free)

G_END_DECLS
