/* ts-engine.c: strategy, risk, paper broker and metrics on one tick stream
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-engine.h"

#include <string.h>

#include "ts-ledger-private.h"
#include "ts-momentum-private.h"
#include "ts-paper-broker-private.h"
#include "ts-risk-manager-private.h"
#include "ts-tick-private.h"

#define INITIAL_LOG_SIZE 256

struct _TsEngine
{
  /* hot */
  char           symbol[TS_SYMBOL_MAX]; /* zero-padded; "" = not chosen yet */
  gsize          symbol_cmp_len;        /* strlen + 1 (the NUL) */
  guint64        symbol_head;           /* its first 8 bytes ... */
  guint64        symbol_head_mask;      /* ... of which these are compared */
  gboolean       symbol_fixed;          /* a trade of it was seen */
  double         last_price;
  TsMomentum    *momentum;
  TsRiskManager *risk;
  TsPaperBroker *broker;
  TsLedger      *ledger;

  /* cold */
  GArray        *fills;     /* TsFill */
  GArray        *trades;    /* TsTrade */
  GArray        *decisions; /* TsDecision */
  guint64        ignored;
};

static void choose_symbol (TsEngine   *self,
                           const char *symbol);

TsEngine *
ts_engine_new (const TsMomentumParams *momentum,
               const TsRiskParams     *risk,
               const TsBrokerParams   *broker)
{
  TsEngine *self;
  TsMomentumParams m;
  TsRiskParams r;
  TsBrokerParams b;

  if (momentum == NULL)
    ts_momentum_params_init_default (&m);
  else
    m = *momentum;
  if (risk == NULL)
    ts_risk_params_init_default (&r);
  else
    r = *risk;
  if (broker == NULL)
    ts_broker_params_init_default (&b);
  else
    b = *broker;

  self = g_new0 (TsEngine, 1);
  choose_symbol (self, "");
  self->momentum = ts_momentum_new (&m);
  self->risk = ts_risk_manager_new (&r);
  self->broker = ts_paper_broker_new (&b);
  self->ledger = ts_ledger_new (b.initial_capital);
  self->fills = g_array_sized_new (FALSE, TRUE, sizeof (TsFill), INITIAL_LOG_SIZE);
  self->trades = g_array_sized_new (FALSE, TRUE, sizeof (TsTrade), INITIAL_LOG_SIZE);
  self->decisions = g_array_sized_new (FALSE, TRUE, sizeof (TsDecision), INITIAL_LOG_SIZE);
  return self;
}

void
ts_engine_free (TsEngine *self)
{
  if (self == NULL)
    return;
  ts_momentum_free (self->momentum);
  ts_risk_manager_free (self->risk);
  ts_paper_broker_free (self->broker);
  ts_ledger_free (self->ledger);
  g_array_unref (self->fills);
  g_array_unref (self->trades);
  g_array_unref (self->decisions);
  g_free (self);
}

void
ts_engine_set_params (TsEngine               *self,
                      const TsMomentumParams *momentum,
                      const TsRiskParams     *risk,
                      const TsBrokerParams   *broker)
{
  g_return_if_fail (self != NULL);

  if (momentum != NULL)
    ts_momentum_set_params (self->momentum, momentum);
  if (risk != NULL)
    ts_risk_manager_set_params (self->risk, risk);
  if (broker != NULL)
    {
      ts_paper_broker_set_params (self->broker, broker);
      /* refused (FALSE) once the ledger has started */
      ts_ledger_set_initial_capital (self->ledger, broker->initial_capital);
    }
}

static void
choose_symbol (TsEngine   *self,
               const char *symbol)
{
  gsize n = strlen (symbol);

  if (n > TS_SYMBOL_MAX - 1)
    n = TS_SYMBOL_MAX - 1;
  memset (self->symbol, 0, sizeof self->symbol);
  memcpy (self->symbol, symbol, n);
  self->symbol_cmp_len = n + 1;

  /* symbols up to 7 bytes (BTCUSDT) compare as one 64-bit word: the bytes
   * up to and including the NUL, in memory order */
  memcpy (&self->symbol_head, self->symbol, sizeof self->symbol_head);
  if (self->symbol_cmp_len >= 8)
    self->symbol_head_mask = G_MAXUINT64;
  else
    {
      guint8 bytes[8] = { 0 };

      memset (bytes, 0xff, self->symbol_cmp_len);
      memcpy (&self->symbol_head_mask, bytes, sizeof self->symbol_head_mask);
    }
  self->symbol_head &= self->symbol_head_mask;
}

/* the tick's symbol is NUL-terminated inside its array (checked) */
static inline gboolean
symbol_matches (const TsEngine *self,
                const TsTick   *tick)
{
  guint64 head;

  memcpy (&head, tick->symbol, sizeof head);
  if ((head & self->symbol_head_mask) != self->symbol_head)
    return FALSE;
  if (G_LIKELY (self->symbol_cmp_len <= 8))
    return TRUE;
  return memcmp (tick->symbol + 8, self->symbol + 8, self->symbol_cmp_len - 8) == 0;
}

gboolean
ts_engine_set_symbol (TsEngine   *self,
                      const char *symbol)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->symbol_fixed)
    return FALSE;
  choose_symbol (self, symbol != NULL ? symbol : "");
  return TRUE;
}

const char *
ts_engine_get_symbol (const TsEngine *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->symbol;
}

static void
log_decision (TsEngine   *self,
              gint64      time_us,
              const char *code,
              TsSide      side)
{
  TsDecision d = { time_us, code, side, self->last_price };

  g_array_append_val (self->decisions, d);
}

/* Fills a market order on the paper broker and books it. */
static TsEngineEvents
execute (TsEngine   *self,
         TsSide      side,
         double      size,
         gint64      time_us,
         gboolean    opens,
         const char *reason)
{
  TsFill fill;

  if (!ts_paper_broker_fill (self->broker, side, size, time_us, &fill))
    return TS_ENGINE_EVENT_NONE;
  fill.opens = opens;
  fill.reason = reason;
  memcpy (fill.symbol, self->symbol, sizeof fill.symbol);
  g_array_append_val (self->fills, fill);

  if (opens)
    {
      ts_ledger_open (self->ledger, &fill);
      ts_momentum_on_open (self->momentum, side, fill.price, time_us);
      return TS_ENGINE_EVENT_FILL;
    }
  else
    {
      TsTrade trade;

      ts_ledger_close (self->ledger, &fill, &trade);
      g_array_append_val (self->trades, trade);
      ts_risk_manager_record_trade (self->risk, trade.pnl);
      ts_momentum_on_close (self->momentum);
      return TS_ENGINE_EVENT_FILL | TS_ENGINE_EVENT_TRADE;
    }
}

static TsEngineEvents
close_position (TsEngine   *self,
                gint64      time_us,
                const char *reason)
{
  double size = 0.0;
  TsSide side = ts_ledger_get_position (self->ledger, &size, NULL);

  if (side == TS_SIDE_NONE)
    return TS_ENGINE_EVENT_NONE;
  return execute (self, side == TS_SIDE_BUY ? TS_SIDE_SELL : TS_SIDE_BUY,
                  size, time_us, FALSE, reason);
}

TsEngineEvents
ts_engine_push_tick (TsEngine     *self,
                     const TsTick *tick)
{
  TsEngineEvents events = TS_ENGINE_EVENT_NONE;
  gboolean is_trade;
  gboolean closed = FALSE;
  gint64 now;
  const char *reason;

  if (G_UNLIKELY (!_ts_tick_is_valid (tick)))
    {
      self->ignored++;
      return TS_ENGINE_EVENT_IGNORED;
    }

  is_trade = (tick->flags & TS_TICK_TRADE) != 0;

  /* the symbol */
  if (G_UNLIKELY (!self->symbol_fixed))
    {
      if (self->symbol[0] == '\0')
        {
          /* the first symbol seen with a trade */
          if (!is_trade)
            {
              self->ignored++;
              return TS_ENGINE_EVENT_IGNORED;
            }
          choose_symbol (self, tick->symbol);
        }
      else if (!symbol_matches (self, tick))
        {
          self->ignored++;
          return TS_ENGINE_EVENT_IGNORED;
        }
      if (is_trade)
        self->symbol_fixed = TRUE;
    }
  else if (G_UNLIKELY (!symbol_matches (self, tick)))
    {
      self->ignored++;
      return TS_ENGINE_EVENT_IGNORED;
    }

  now = tick->time_us;
  _ts_paper_broker_update (self->broker, tick);
  if (is_trade)
    {
      self->last_price = tick->price;
      _ts_momentum_push_trade (self->momentum, now, tick->price, tick->size);
    }

  /* a new UTC day: the equity at 00:00 is the last mark's */
  if (G_UNLIKELY (_ts_risk_manager_roll_day (self->risk, now, _ts_ledger_get_equity (self->ledger))))
    log_decision (self, now, "RESUMED", TS_SIDE_NONE);

  /* exits: SL, TP, TIME, FLAT (STRATEGIES.md section 2) */
  reason = _ts_momentum_check_exit (self->momentum, now);
  if (reason != NULL)
    {
      events |= close_position (self, now, reason);
      closed = TRUE;
    }

  /* daily loss limit */
  if (G_UNLIKELY (_ts_risk_manager_check_daily_loss (self->risk,
                                                     _ts_ledger_get_equity_at (self->ledger,
                                                                               self->last_price))))
    {
      if (self->momentum->side != TS_SIDE_NONE)
        {
          events |= close_position (self, now, "DAILY");
          log_decision (self, now, "DAILY", TS_SIDE_NONE);
          closed = TRUE;
        }
    }

  /* entries, on trades only, never on the tick that closed a position */
  if (is_trade && !closed)
    {
      TsSide signal = _ts_momentum_check_entry (self->momentum);

      if (signal != TS_SIDE_NONE)
        {
          const char *refusal = ts_risk_manager_approve_entry (self->risk, 0);

          if (refusal != NULL)
            {
              log_decision (self, now, refusal, signal);
              events |= TS_ENGINE_EVENT_REFUSED;
            }
          else
            {
              events |= execute (self, signal,
                                 ts_momentum_get_params (self->momentum)->position_size,
                                 now, TRUE, signal == TS_SIDE_BUY ? "LONG" : "SHORT");
            }
        }
    }

  _ts_ledger_mark (self->ledger, now, self->last_price);
  return events;
}

const TsFill *
ts_engine_get_fills (const TsEngine *self,
                     guint          *n_fills)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_fills != NULL)
    *n_fills = self->fills->len;
  return (const TsFill *) (gpointer) self->fills->data;
}

const TsTrade *
ts_engine_get_trades (const TsEngine *self,
                      guint          *n_trades)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_trades != NULL)
    *n_trades = self->trades->len;
  return (const TsTrade *) (gpointer) self->trades->data;
}

const TsDecision *
ts_engine_get_decisions (const TsEngine *self,
                         guint          *n_decisions)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_decisions != NULL)
    *n_decisions = self->decisions->len;
  return (const TsDecision *) (gpointer) self->decisions->data;
}

void
ts_engine_get_stats (const TsEngine *self,
                     TsLedgerStats  *stats)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (stats != NULL);

  ts_ledger_get_stats (self->ledger, stats);
  stats->halted = ts_risk_manager_is_halted (self->risk);
}

guint64
ts_engine_get_ignored_count (const TsEngine *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ignored;
}
