/* ts-momentum-params.c: defaults of the momentum-burst strategy
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-momentum-params.h"

/* STRATEGIES.md section 2 (seed 001, the values of its text) */
void
ts_momentum_params_init_default (TsMomentumParams *params)
{
  g_return_if_fail (params != NULL);

  params->window_seconds = 15.0;
  params->min_ticks = 5;
  params->entry_threshold = 0.0005;
  params->volume_spike_multiplier = 1.5;
  params->volatility_guard = 0.001;
  params->profit_target = 0.0015;
  params->stop_loss = 0.0005;
  params->time_stop_seconds = 8.0;
  params->flat_candles = 2;
  params->flat_threshold = 0.0001;
  params->allow_short = TRUE;
  params->position_size = 1.0;
}
