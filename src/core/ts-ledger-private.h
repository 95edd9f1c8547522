/* ts-ledger-private.h: the ledger's insides, inlined on the hot path
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-ledger.h"

G_BEGIN_DECLS

#define TS_LEDGER_US_PER_MINUTE G_GINT64_CONSTANT (60000000)
#define TS_LEDGER_US_PER_DAY    G_GINT64_CONSTANT (86400000000)
#define TS_LEDGER_MINUTES_PER_YEAR 525600.0

/* Welford accumulator of the one-minute log returns */
typedef struct
{
  guint64 n;
  double  mean;
  double  m2;
  double  down_sq; /* sum of min(r, 0)^2 */
} TsLedgerReturns;

struct _TsLedger
{
  double   initial_capital;
  gboolean started;
  gint64   first_time_us;
  gint64   last_time_us;
  guint64  ticks;

  double   realized;
  double   fees;
  double   last_price;

  /* the open position */
  TsSide   side;
  double   size;
  double   entry_price;
  double   entry_fee;
  gint64   entry_time_us;
  gboolean in_position_at_mark;

  /* the second leg of a pairs position (ts_ledger_open_pair()) */
  TsSide   b_side;
  double   b_size;
  double   b_entry_price;
  double   b_entry_fee;
  double   b_last_price;

  /* marks */
  double   equity;
  double   unrealized;
  double   peak;
  double   max_drawdown;
  double   max_drawdown_amount;

  gint64   day_end_us;        /* first µs of the next UTC day */
  double   day_start_equity;

  /* trades */
  guint    trades;
  guint    wins;
  double   gross_profit;
  double   gross_loss;      /* magnitude */
  guint    consecutive_losses;
  guint    max_consecutive_losses;

  gint64   time_in_position_us;

  /* one-minute returns */
  gint64   minute_end_us;     /* first µs of the next minute */
  double   minute_ref_equity; /* closing equity of the previous minute */
  TsLedgerReturns  returns;
};

static inline gint64
_ts_ledger_floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  if ((a % b != 0) && ((a < 0) != (b < 0)))
    q--;
  return q;
}

void _ts_ledger_start         (TsLedger *self,
                              gint64    time_us);
void _ts_ledger_new_day       (TsLedger *self,
                              gint64    time_us);
void _ts_ledger_close_minutes (TsLedger *self,
                              gint64    time_us);

/* ts_engine_restore_history(): books a closed trade of before a restart
 * (its net P&L, fees, the counts) and moves equity, peak and drawdown by it,
 * without a mark; the one-minute returns start after it */
void _ts_ledger_restore_trade (TsLedger      *self,
                               const TsTrade *trade);
/* ts_engine_restore_history(): the UTC day [day_begin_us, + 1 day) started
 * at @day_start_equity (daily P&L); a first tick on a later day starts that
 * day at the equity then */
void _ts_ledger_restore_day   (TsLedger      *self,
                               gint64         day_begin_us,
                               double         day_start_equity);
/* ts_engine_restore_position(): ts_ledger_open() of a position of before a
 * restart, marked at its fill price until the first tick */
void _ts_ledger_restore_open  (TsLedger      *self,
                               const TsFill  *fill);
/* ts_engine_restore_position(): the second leg of a pair restored with
 * _ts_ledger_restore_open() (as ts_ledger_open_pair()) */
void _ts_ledger_restore_leg_b (TsLedger      *self,
                               const TsFill  *fill_b);

/* the part of a mark after the position's value is known */
static inline void
_ts_ledger_finish_mark (TsLedger *self,
                        gint64    time_us,
                        double    unrealized,
                        gboolean  in_position)
{
  double equity, peak, amount;

  self->unrealized = unrealized;
  equity = self->initial_capital + self->realized + self->unrealized;
  self->equity = equity;

  /* A running maximum without a branch on the price path (equity rises and
   * falls at random, so an if here mispredicts often); the drawdown is 0
   * at a new peak, and a new maximum drawdown is rare. */
  peak = equity > self->peak ? equity : self->peak;
  self->peak = peak;
  amount = peak - equity;
  if (G_UNLIKELY (amount > self->max_drawdown_amount))
    self->max_drawdown_amount = amount;
  /* the fraction needs a division only when it may be a new maximum */
  if (G_UNLIKELY (amount > 0.0 && amount >= self->max_drawdown * peak * (1.0 - 1e-12)))
    {
      double fraction = amount / peak;

      if (fraction > self->max_drawdown)
        self->max_drawdown = fraction;
    }

  self->ticks++;
  self->last_time_us = time_us;
  self->in_position_at_mark = in_position;
}

/* the part of a mark before it: time in position, day and minute closes */
static inline void
_ts_ledger_begin_mark (TsLedger *self,
                       gint64    time_us)
{
  if (G_UNLIKELY (!self->started))
    _ts_ledger_start (self, time_us);

  if (self->in_position_at_mark)
    self->time_in_position_us += time_us - self->last_time_us;

  /* self->equity is still the previous mark's, i.e. the equity at 00:00 */
  if (G_UNLIKELY (time_us >= self->day_end_us))
    {
      _ts_ledger_new_day (self, time_us);
    }
  if (G_UNLIKELY (time_us >= self->minute_end_us))
    _ts_ledger_close_minutes (self, time_us);
}

/* see ts_ledger_mark() */
static inline void
_ts_ledger_mark (TsLedger *self,
                 gint64    time_us,
                 double    last_price)
{
  double unrealized;

  _ts_ledger_begin_mark (self, time_us);

  if (last_price > 0.0)
    self->last_price = last_price;

  unrealized = self->side == TS_SIDE_NONE
    ? 0.0
    : (double) self->side * self->size * (self->last_price - self->entry_price);
  if (G_UNLIKELY (self->b_side != TS_SIDE_NONE))
    unrealized += (double) self->b_side * self->b_size * (self->b_last_price - self->b_entry_price);
  _ts_ledger_finish_mark (self, time_us, unrealized, self->side != TS_SIDE_NONE);
}

/* recomputes the equity at the last mark's prices after a fill outside a
 * tick (emergency stop), without counting a tick */
static inline void
_ts_ledger_refresh (TsLedger *self)
{
  double unrealized;

  if (!self->started)
    return;
  unrealized = self->side == TS_SIDE_NONE
    ? 0.0
    : (double) self->side * self->size * (self->last_price - self->entry_price);
  if (self->b_side != TS_SIDE_NONE)
    unrealized += (double) self->b_side * self->b_size * (self->b_last_price - self->b_entry_price);
  _ts_ledger_finish_mark (self, self->last_time_us, unrealized, self->side != TS_SIDE_NONE);
  self->ticks--;
}

/* the second leg's last trade price, for the next mark (0 keeps it) */
static inline void
_ts_ledger_set_price_b (TsLedger *self,
                        double    price_b)
{
  if (price_b > 0.0)
    self->b_last_price = price_b;
}

static inline double
_ts_ledger_get_equity (const TsLedger *self)
{
  return self->equity;
}

static inline double
_ts_ledger_get_equity_at (const TsLedger *self,
                          double          price)
{
  double equity = self->initial_capital + self->realized;

  if (self->side != TS_SIDE_NONE)
    equity += (double) self->side * self->size * (price - self->entry_price);
  if (G_UNLIKELY (self->b_side != TS_SIDE_NONE))
    equity += (double) self->b_side * self->b_size * (self->b_last_price - self->b_entry_price);
  return equity;
}

G_END_DECLS
