/* ts-risk-params.h: the risk limits of the momentum-burst strategy
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsRiskParams:
 *
 * STRATEGIES.md section 2, "Risk" (seed 001).
 */
typedef struct
{
  guint  max_positions_per_symbol; /* 1 */
  double daily_loss_limit_pct;     /* 5: close and halt when equity has lost this
                                    * percentage of its value at 00:00 UTC */
  guint  cooldown_signals;         /* 2: entry signals skipped after a losing trade */
} TsRiskParams;

/**
 * ts_risk_params_init_default:
 * @params: (out): the parameters to fill
 */
void ts_risk_params_init_default (TsRiskParams *params);

G_END_DECLS
