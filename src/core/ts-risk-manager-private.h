/* ts-risk-manager-private.h: the risk manager's insides, inlined on the hot path
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-risk-manager.h"

G_BEGIN_DECLS

#define TS_RISK_US_PER_DAY G_GINT64_CONSTANT (86400000000)

struct _TsRiskManager
{
  TsRiskParams params;
  gboolean     started;
  gint64       day_begin_us;   /* [begin, end) of the current UTC day */
  gint64       day_end_us;
  double       day_start_equity;
  double       loss_limit;     /* daily_loss_limit_pct / 100 x day_start_equity */
  gboolean     halted;
  guint        cooldown;

  /* portfolio limits (issue 3) */
  gint64       now_us;         /* the last tick's time seen by roll_day */
  gboolean     emergency;
  gboolean     dd_halted;
  double       dd_peak;        /* peak equity since the start or resume */
  double       dd_keep;        /* 1 - max_drawdown_pct / 100 */
  gint64       paused_until_us;
  guint        loss_streak;
};

static inline gint64
_ts_risk_manager_floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

gboolean _ts_risk_manager_new_day (TsRiskManager *self,
                                  gint64         time_us,
                                  double         equity);

/* ts_engine_restore_history(): the UTC day holding @time_us started at
 * @day_start_equity (the daily loss baseline), not halted (the first tick's
 * check halts again if the loss is still over the limit) */
void     _ts_risk_manager_restore_day (TsRiskManager *self,
                                       gint64         time_us,
                                       double         day_start_equity);

/* see ts_risk_manager_roll_day() */
static inline gboolean
_ts_risk_manager_roll_day (TsRiskManager *self,
                           gint64         time_us,
                           double         equity)
{
  self->now_us = time_us;
  if (G_LIKELY (self->started && time_us >= self->day_begin_us && time_us < self->day_end_us))
    return FALSE;
  return _ts_risk_manager_new_day (self, time_us, equity);
}

/* see ts_risk_manager_check_daily_loss() */
static inline gboolean
_ts_risk_manager_check_daily_loss (TsRiskManager *self,
                                   double         equity)
{
  if (self->halted)
    return FALSE;
  if (G_UNLIKELY (equity - self->day_start_equity <= -self->loss_limit))
    {
      self->halted = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* see ts_risk_manager_check_drawdown() */
static inline gboolean
_ts_risk_manager_check_drawdown (TsRiskManager *self,
                                 double         equity)
{
  /* a running maximum without a branch on the equity path; at a new peak
   * the test below passes (dd_keep < 1), or max_drawdown_pct is 0 (off) */
  self->dd_peak = equity > self->dd_peak ? equity : self->dd_peak;
  if (G_LIKELY (self->dd_halted || equity > self->dd_peak * self->dd_keep))
    return FALSE;
  if (!(self->params.max_drawdown_pct > 0.0))
    return FALSE;
  self->dd_halted = TRUE;
  return TRUE;
}

G_END_DECLS
