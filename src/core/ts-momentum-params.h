/* ts-momentum-params.h: parameters of the momentum-burst strategy
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsMomentumParams:
 *
 * STRATEGIES.md section 2 (seed 001, the values of its text). Fractions are
 * plain ratios (0.0005 = 0.05 % = 5 bps), times are seconds of exchange time.
 */
typedef struct
{
  double   window_seconds;          /* 15: the rolling trade window */
  guint    min_ticks;               /* 5: trades needed in the window */
  double   entry_threshold;         /* 0.0005: |momentum| needed */
  double   volume_spike_multiplier; /* 1.5: last size > this x mean of the others */
  double   volatility_guard;        /* 0.001: (max - min) / min needed */
  double   profit_target;           /* 0.0015: TP return */
  double   stop_loss;               /* 0.0005: SL return (positive number) */
  double   time_stop_seconds;       /* 8: TIME exit after this hold */
  guint    flat_candles;            /* 2: FLAT after this many flat 1 s candles */
  double   flat_threshold;          /* 0.0001: (high - low) / open of a flat candle */
  gboolean allow_short;             /* TRUE */
  double   position_size;           /* 1.0 base units */
} TsMomentumParams;

/**
 * ts_momentum_params_init_default:
 * @params: (out): the parameters to fill
 *
 * Sets the defaults of STRATEGIES.md section 2.
 */
void ts_momentum_params_init_default (TsMomentumParams *params);

G_END_DECLS
