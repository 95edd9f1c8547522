/* ts-ledger-stats.h: a snapshot of the metrics ledger
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tick.h"

G_BEGIN_DECLS

/**
 * TsLedgerStats:
 *
 * STRATEGIES.md "Metrics". Money in quote currency, ratios as fractions
 * (0.25 = 25 %), times in µs since epoch UTC. A plain value, copied freely.
 */
typedef struct
{
  gint64  time_us;              /* time of the last tick marked */
  guint64 ticks;                /* ticks seen by the ledger */
  double  initial_capital;
  double  equity;               /* initial + realized + unrealized */
  double  realized_pnl;         /* net of fees, closed trades and open entry fees */
  double  unrealized_pnl;       /* of the open position, marked at the last trade */
  double  total_pnl;            /* equity - initial_capital */
  double  daily_pnl;            /* equity - equity at 00:00 UTC in tick time */
  double  peak_equity;
  double  max_drawdown;         /* fraction of the peak */
  double  max_drawdown_amount;  /* quote currency */
  double  drawdown;             /* current, fraction of the peak */
  guint   trades;               /* closed round trips */
  guint   wins;                 /* net P&L > 0 */
  guint   losses;
  double  win_rate;             /* wins / trades, 0 when no trades */
  double  avg_win;              /* quote currency, >= 0 */
  double  avg_loss;             /* quote currency, >= 0 (magnitude) */
  double  expectancy;           /* win_rate * avg_win - (1 - win_rate) * avg_loss */
  double  profit_factor;        /* gross profit / gross loss; +inf with no loss */
  double  fees;                 /* all fees paid */
  guint   consecutive_losses;
  guint   max_consecutive_losses;
  double  exposure;             /* time in a position / session time */
  double  sharpe;               /* annualised, one-minute equity log returns */
  double  sortino;
  /* the open position of the traded symbol */
  TsSide  position_side;        /* TS_SIDE_NONE when flat */
  double  position_size;
  double  position_entry_price;
  gint64  position_entry_time_us;
  double  last_price;           /* last trade price of the traded symbol */
  gboolean halted;              /* entries halted by the daily loss limit */
  guint   open_positions;       /* open positions (a pair counts once): 0 or
                                 * 1 for one ledger; for a multi engine's
                                 * portfolio, of all its strategies, and the
                                 * position_* fields are set only when it
                                 * is exactly 1 and has one leg */
} TsLedgerStats;

G_END_DECLS
