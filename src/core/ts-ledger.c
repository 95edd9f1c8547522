/* ts-ledger.c: the metrics ledger of one strategy on one symbol
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-ledger-private.h"

#include <math.h>
#include <string.h>


TsLedger *
ts_ledger_new (double initial_capital)
{
  TsLedger *self = g_new0 (TsLedger, 1);

  self->side = TS_SIDE_NONE;
  self->initial_capital = initial_capital;
  self->equity = initial_capital;
  self->peak = initial_capital;
  self->day_start_equity = initial_capital;
  self->minute_ref_equity = initial_capital;
  return self;
}

void
ts_ledger_free (TsLedger *self)
{
  g_free (self);
}

gboolean
ts_ledger_set_initial_capital (TsLedger *self,
                               double    initial_capital)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->started || self->side != TS_SIDE_NONE || self->trades > 0)
    return FALSE;
  self->initial_capital = initial_capital;
  self->equity = initial_capital;
  self->peak = initial_capital;
  self->day_start_equity = initial_capital;
  self->minute_ref_equity = initial_capital;
  return TRUE;
}

static void
count_trade (TsLedger *self,
             double    pnl)
{
  self->trades++;
  if (pnl > 0.0)
    {
      self->wins++;
      self->gross_profit += pnl;
      self->consecutive_losses = 0;
    }
  else
    {
      self->gross_loss += -pnl;
      self->consecutive_losses++;
      if (self->consecutive_losses > self->max_consecutive_losses)
        self->max_consecutive_losses = self->consecutive_losses;
    }
}

void
ts_ledger_open (TsLedger     *self,
                const TsFill *fill)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fill != NULL);
  g_return_if_fail (self->side == TS_SIDE_NONE);
  g_return_if_fail (fill->side == TS_SIDE_BUY || fill->side == TS_SIDE_SELL);

  self->side = fill->side;
  self->size = fill->size;
  self->entry_price = fill->price;
  self->entry_fee = fill->fee;
  self->entry_time_us = fill->time_us;
  self->realized -= fill->fee;
  self->fees += fill->fee;
}

void
ts_ledger_close (TsLedger     *self,
                 const TsFill *fill,
                 TsTrade      *trade)
{
  double gross;
  double pnl;

  g_return_if_fail (self != NULL);
  g_return_if_fail (fill != NULL);
  g_return_if_fail (self->side != TS_SIDE_NONE);

  gross = (double) self->side * self->size * (fill->price - self->entry_price);
  pnl = gross - self->entry_fee - fill->fee;
  self->realized += gross - fill->fee;
  self->fees += fill->fee;

  count_trade (self, pnl);

  if (trade != NULL)
    {
      trade->entry_time_us = self->entry_time_us;
      trade->exit_time_us = fill->time_us;
      trade->side = self->side;
      trade->size = self->size;
      trade->entry_price = self->entry_price;
      trade->exit_price = fill->price;
      trade->fees = self->entry_fee + fill->fee;
      trade->pnl = pnl;
      trade->pnl_pct = pnl / (self->entry_price * self->size) * 100.0;
      trade->reason = fill->reason;
      memcpy (trade->symbol, fill->symbol, sizeof trade->symbol);
      trade->strategy_id = fill->strategy_id;
    }

  self->side = TS_SIDE_NONE;
  self->size = 0.0;
  self->entry_price = 0.0;
  self->entry_fee = 0.0;
  self->entry_time_us = 0;
}

void
ts_ledger_open_pair (TsLedger     *self,
                     const TsFill *fill_a,
                     const TsFill *fill_b)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (fill_a != NULL && fill_b != NULL);
  g_return_if_fail (self->side == TS_SIDE_NONE);

  ts_ledger_open (self, fill_a);
  self->b_side = fill_b->side;
  self->b_size = fill_b->size;
  self->b_entry_price = fill_b->price;
  self->b_entry_fee = fill_b->fee;
  self->b_last_price = fill_b->price;
  self->realized -= fill_b->fee;
  self->fees += fill_b->fee;
}

void
ts_ledger_close_pair (TsLedger     *self,
                      const TsFill *fill_a,
                      const TsFill *fill_b,
                      TsTrade      *trade)
{
  double gross_a, gross_b, fees, pnl, beta, notional;

  g_return_if_fail (self != NULL);
  g_return_if_fail (fill_a != NULL && fill_b != NULL);
  g_return_if_fail (self->side != TS_SIDE_NONE && self->b_side != TS_SIDE_NONE);

  gross_a = (double) self->side * self->size * (fill_a->price - self->entry_price);
  gross_b = (double) self->b_side * self->b_size * (fill_b->price - self->b_entry_price);
  fees = self->entry_fee + self->b_entry_fee + fill_a->fee + fill_b->fee;
  pnl = gross_a + gross_b - fees;
  self->realized += gross_a + gross_b - fill_a->fee - fill_b->fee;
  self->fees += fill_a->fee + fill_b->fee;
  count_trade (self, pnl);

  if (trade != NULL)
    {
      const char *ea = memchr (fill_a->symbol, '\0', TS_SYMBOL_MAX);
      const char *eb = memchr (fill_b->symbol, '\0', TS_SYMBOL_MAX);
      gsize na = ea != NULL ? (gsize) (ea - fill_a->symbol) : TS_SYMBOL_MAX - 1;
      gsize nb = eb != NULL ? (gsize) (eb - fill_b->symbol) : TS_SYMBOL_MAX - 1;

      beta = self->b_size / self->size;
      notional = self->entry_price * self->size + self->b_entry_price * self->b_size;
      trade->entry_time_us = self->entry_time_us;
      trade->exit_time_us = fill_a->time_us;
      trade->side = self->side;
      trade->size = self->size;
      trade->entry_price = self->entry_price - beta * self->b_entry_price;
      trade->exit_price = fill_a->price - beta * fill_b->price;
      trade->fees = fees;
      trade->pnl = pnl;
      trade->pnl_pct = pnl / notional * 100.0;
      trade->reason = fill_a->reason;
      trade->strategy_id = fill_a->strategy_id;
      memset (trade->symbol, 0, sizeof trade->symbol);
      /* "A/B", truncated to fit */
      if (na > TS_SYMBOL_MAX - 2)
        na = TS_SYMBOL_MAX - 2;
      memcpy (trade->symbol, fill_a->symbol, na);
      trade->symbol[na] = '/';
      if (nb > TS_SYMBOL_MAX - 2 - na)
        nb = TS_SYMBOL_MAX - 2 - na;
      memcpy (trade->symbol + na + 1, fill_b->symbol, nb);
    }

  self->side = TS_SIDE_NONE;
  self->size = 0.0;
  self->entry_price = 0.0;
  self->entry_fee = 0.0;
  self->entry_time_us = 0;
  self->b_side = TS_SIDE_NONE;
  self->b_size = 0.0;
  self->b_entry_price = 0.0;
  self->b_entry_fee = 0.0;
}

void
ts_ledger_set_price_b (TsLedger *self,
                       double    price_b)
{
  g_return_if_fail (self != NULL);
  _ts_ledger_set_price_b (self, price_b);
}

void
ts_ledger_mark_external (TsLedger *self,
                         gint64    time_us,
                         double    realized,
                         double    unrealized,
                         gboolean  in_position)
{
  g_return_if_fail (self != NULL);
  _ts_ledger_begin_mark (self, time_us);
  self->realized = realized;
  _ts_ledger_finish_mark (self, time_us, unrealized, in_position);
}

static inline void
returns_add (TsLedgerReturns *r,
             double   x)
{
  double delta = x - r->mean;

  r->n++;
  r->mean += delta / (double) r->n;
  r->m2 += delta * (x - r->mean);
  if (x < 0.0)
    r->down_sq += x * x;
}

/* k returns of exactly 0 (minutes without ticks), merged in O(1) */
static inline void
returns_add_zeros (TsLedgerReturns *r,
                   guint64  k)
{
  double n = (double) r->n;
  double nk = n + (double) k;
  double delta;

  if (k == 0)
    return;
  delta = -r->mean;
  r->m2 += delta * delta * n * (double) k / nk;
  r->mean += delta * (double) k / nk;
  r->n += k;
}

void
_ts_ledger_start (TsLedger *self,
                  gint64    time_us)
{
  /* a day restored by _ts_ledger_restore_day() that has ended: the new day
   * starts at the equity now */
  if (self->day_end_us != 0 && time_us >= self->day_end_us)
    self->day_start_equity = self->equity;
  self->started = TRUE;
  self->first_time_us = time_us;
  self->last_time_us = time_us;
  self->day_end_us = (_ts_ledger_floor_div (time_us, TS_LEDGER_US_PER_DAY) + 1) * TS_LEDGER_US_PER_DAY;
  self->minute_end_us = (_ts_ledger_floor_div (time_us, TS_LEDGER_US_PER_MINUTE) + 1) * TS_LEDGER_US_PER_MINUTE;
}

/* self->equity is still the previous mark's, i.e. the equity at 00:00 */
void
_ts_ledger_new_day (TsLedger *self,
                    gint64    time_us)
{
  self->day_start_equity = self->equity;
  self->day_end_us = (_ts_ledger_floor_div (time_us, TS_LEDGER_US_PER_DAY) + 1) * TS_LEDGER_US_PER_DAY;
}

void
_ts_ledger_close_minutes (TsLedger *self,
                          gint64    time_us)
{
  gint64 minute = _ts_ledger_floor_div (time_us, TS_LEDGER_US_PER_MINUTE);
  gint64 prev_minute = self->minute_end_us / TS_LEDGER_US_PER_MINUTE - 1;

  /* the minute that just ended closed at the equity of the previous mark */
  returns_add (&self->returns, log (self->equity / self->minute_ref_equity));
  self->minute_ref_equity = self->equity;
  if (minute - prev_minute > 1)
    returns_add_zeros (&self->returns, (guint64) (minute - prev_minute - 1));
  self->minute_end_us = (minute + 1) * TS_LEDGER_US_PER_MINUTE;
}

/* equity = initial capital + realized + unrealized at the last price,
 * with its peak and drawdowns, outside a mark (no tick counted) */
static void
restore_equity (TsLedger *self)
{
  double unrealized = 0.0;
  double amount;

  if (self->side != TS_SIDE_NONE)
    unrealized += (double) self->side * self->size * (self->last_price - self->entry_price);
  if (self->b_side != TS_SIDE_NONE)
    unrealized += (double) self->b_side * self->b_size * (self->b_last_price - self->b_entry_price);
  self->unrealized = unrealized;
  self->equity = self->initial_capital + self->realized + unrealized;
  if (self->equity > self->peak)
    self->peak = self->equity;
  amount = self->peak - self->equity;
  if (amount > self->max_drawdown_amount)
    self->max_drawdown_amount = amount;
  if (self->peak > 0.0 && amount / self->peak > self->max_drawdown)
    self->max_drawdown = amount / self->peak;
  /* the restored P&L is not a return of the first minute after the restart */
  if (!self->started)
    self->minute_ref_equity = self->equity;
}

void
_ts_ledger_restore_trade (TsLedger      *self,
                          const TsTrade *trade)
{
  self->realized += trade->pnl;
  self->fees += trade->fees;
  count_trade (self, trade->pnl);
  restore_equity (self);
}

void
_ts_ledger_restore_day (TsLedger *self,
                        gint64    day_begin_us,
                        double    day_start_equity)
{
  self->day_start_equity = day_start_equity;
  self->day_end_us = day_begin_us + TS_LEDGER_US_PER_DAY;
}

void
_ts_ledger_restore_open (TsLedger     *self,
                         const TsFill *fill)
{
  ts_ledger_open (self, fill);
  if (!(self->last_price > 0.0))
    self->last_price = fill->price;
  restore_equity (self);
}

void
_ts_ledger_restore_leg_b (TsLedger     *self,
                          const TsFill *fill_b)
{
  self->b_side = fill_b->side;
  self->b_size = fill_b->size;
  self->b_entry_price = fill_b->price;
  self->b_entry_fee = fill_b->fee;
  self->b_last_price = fill_b->price;
  self->realized -= fill_b->fee;
  self->fees += fill_b->fee;
  restore_equity (self);
}

void
ts_ledger_mark (TsLedger *self,
                gint64    time_us,
                double    last_price)
{
  g_return_if_fail (self != NULL);
  _ts_ledger_mark (self, time_us, last_price);
}

double
ts_ledger_get_equity (const TsLedger *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return _ts_ledger_get_equity (self);
}

double
ts_ledger_get_equity_at (const TsLedger *self,
                         double          price)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return _ts_ledger_get_equity_at (self, price);
}

TsSide
ts_ledger_get_position (const TsLedger *self,
                        double         *size,
                        double         *entry_price)
{
  g_return_val_if_fail (self != NULL, TS_SIDE_NONE);

  if (size != NULL)
    *size = self->size;
  if (entry_price != NULL)
    *entry_price = self->entry_price;
  return self->side;
}

void
ts_ledger_get_stats (const TsLedger *self,
                     TsLedgerStats  *stats)
{
  TsLedgerReturns r;
  guint losses;

  g_return_if_fail (self != NULL);
  g_return_if_fail (stats != NULL);

  memset (stats, 0, sizeof *stats);
  stats->time_us = self->last_time_us;
  stats->ticks = self->ticks;
  stats->initial_capital = self->initial_capital;
  stats->equity = self->equity;
  stats->realized_pnl = self->realized;
  stats->unrealized_pnl = self->unrealized;
  stats->total_pnl = self->equity - self->initial_capital;
  stats->daily_pnl = self->equity - self->day_start_equity;
  stats->peak_equity = self->peak;
  stats->max_drawdown = self->max_drawdown;
  stats->max_drawdown_amount = self->max_drawdown_amount;
  stats->drawdown = self->peak > 0.0 ? (self->peak - self->equity) / self->peak : 0.0;

  losses = self->trades - self->wins;
  stats->trades = self->trades;
  stats->wins = self->wins;
  stats->losses = losses;
  stats->win_rate = self->trades > 0 ? (double) self->wins / self->trades : 0.0;
  stats->avg_win = self->wins > 0 ? self->gross_profit / self->wins : 0.0;
  stats->avg_loss = losses > 0 ? self->gross_loss / losses : 0.0;
  stats->expectancy = stats->win_rate * stats->avg_win - (1.0 - stats->win_rate) * stats->avg_loss;
  if (self->trades == 0)
    stats->expectancy = 0.0;
  if (self->gross_loss > 0.0)
    stats->profit_factor = self->gross_profit / self->gross_loss;
  else
    stats->profit_factor = self->gross_profit > 0.0 ? INFINITY : 0.0;
  stats->fees = self->fees;
  stats->consecutive_losses = self->consecutive_losses;
  stats->max_consecutive_losses = self->max_consecutive_losses;

  if (self->last_time_us > self->first_time_us)
    stats->exposure = (double) self->time_in_position_us /
                      (double) (self->last_time_us - self->first_time_us);

  /* the current minute counts with the last mark's equity */
  r = self->returns;
  if (self->started)
    returns_add (&r, log (self->equity / self->minute_ref_equity));
  if (r.n >= 2)
    {
      double sd = sqrt (r.m2 / (double) (r.n - 1));
      double dd = sqrt (r.down_sq / (double) r.n);

      stats->sharpe = sd > 0.0 ? r.mean / sd * sqrt (TS_LEDGER_MINUTES_PER_YEAR) : 0.0;
      if (dd > 0.0)
        stats->sortino = r.mean / dd * sqrt (TS_LEDGER_MINUTES_PER_YEAR);
      else
        stats->sortino = r.mean > 0.0 ? INFINITY : 0.0;
    }

  stats->position_side = self->side;
  stats->open_positions = self->side != TS_SIDE_NONE ? 1 : 0;
  stats->position_size = self->size;
  stats->position_entry_price = self->entry_price;
  stats->position_entry_time_us = self->entry_time_us;
  stats->last_price = self->last_price;
  stats->halted = FALSE;
}
