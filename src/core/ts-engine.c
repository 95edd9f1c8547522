/* ts-engine.c: strategy, risk, paper broker and metrics on one tick stream
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-engine.h"

#include <math.h>
#include <string.h>

#include "ts-ledger-private.h"
#include "ts-momentum-private.h"
#include "ts-paper-broker-private.h"
#include "ts-risk-manager-private.h"
#include "ts-tick-private.h"

#define INITIAL_LOG_SIZE 256

/* one symbol of a multi engine */
typedef struct
{
  char           name[TS_SYMBOL_MAX]; /* zero-padded; "" = not chosen yet */
  gsize          cmp_len;             /* strlen + 1 (the NUL) */
  guint64        head;                /* its first 8 bytes ... */
  guint64        head_mask;           /* ... of which these are compared */
} SymbolKey;

/* a symbol compared fast: symbols up to 7 bytes (BTCUSDT) compare as one
 * 64-bit word, the bytes up to and including the NUL in memory order */
static void
symbol_key_init (SymbolKey    *sym,
                 const char   *name)
{
  gsize n = strlen (name);

  if (n > TS_SYMBOL_MAX - 1)
    n = TS_SYMBOL_MAX - 1;
  memset (sym->name, 0, sizeof sym->name);
  memcpy (sym->name, name, n);
  sym->cmp_len = n + 1;
  memcpy (&sym->head, sym->name, sizeof sym->head);
  if (sym->cmp_len >= 8)
    sym->head_mask = G_MAXUINT64;
  else
    {
      guint8 bytes[8] = { 0 };

      memset (bytes, 0xff, sym->cmp_len);
      memcpy (&sym->head_mask, bytes, sizeof sym->head_mask);
    }
  sym->head &= sym->head_mask;
}

static inline gboolean
symbol_key_matches (const SymbolKey    *sym,
                    const TsTick       *tick)
{
  guint64 head;

  memcpy (&head, tick->symbol, sizeof head);
  if ((head & sym->head_mask) != sym->head)
    return FALSE;
  if (G_LIKELY (sym->cmp_len <= 8))
    return TRUE;
  return memcmp (tick->symbol + 8, sym->name + 8, sym->cmp_len - 8) == 0;
}

typedef struct
{
  SymbolKey      key;
  TsPaperBroker *broker;
  double         last_price;      /* 0 = no trade yet */
  guint          open_positions;  /* open legs of all strategies on it */
  guint          n_subs;
  guint          sub_slot[TS_ENGINE_MAX_STRATEGIES];
  guint          sub_leg[TS_ENGINE_MAX_STRATEGIES];
} EngineSymbol;

/* one strategy of a multi engine */
typedef struct
{
  TsStrategy    *strategy;
  guint          n_syms;
  guint          sym[TS_STRATEGY_MAX_SYMBOLS];
  TsLedger      *ledger;
  TsRiskManager *risk;
} Slot;

struct _TsEngine
{
  /* hot */
  SymbolKey      symbol;
  gboolean       symbol_fixed;          /* a trade of it was seen */
  double         last_price;
  TsMomentum    *momentum;
  TsRiskManager *risk;
  TsPaperBroker *broker;
  TsLedger      *ledger;

  /* multi engine (ts_engine_new_multi) */
  gboolean       multi;
  guint          n_syms;
  guint          n_slots;
  guint          open_total;  /* strategies with a position */
  EngineSymbol   syms[TS_ENGINE_MAX_SYMBOLS];
  Slot           slots[TS_ENGINE_MAX_STRATEGIES];
  TsLedger      *portfolio;
  TsRiskParams   risk_params;
  TsBrokerParams broker_params;

  /* cold */
  GArray        *fills;     /* TsFill */
  GArray        *trades;    /* TsTrade */
  GArray        *decisions; /* TsDecision */
  guint64        ignored;
  guint64        stale;        /* ticks dropped: older than last_time_us - skew */
  gint64         last_time_us; /* the newest tick time accepted */

  /* restoring after a restart (ts_engine_restore_history/position) */
  gboolean       ticked;             /* a tick was pushed: too late */
  gboolean       positions_restored; /* history must come before */
  gboolean       resume_candles;     /* momentum: FLAT candles restart */
  gint64         history_last_exit_us;
};

static void multi_set_params (TsEngine             *self,
                              const TsRiskParams   *risk,
                              const TsBrokerParams *broker);
static TsEngineEvents multi_push_tick (TsEngine     *self,
                                       const TsTick *tick);

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
  symbol_key_init (&self->symbol, "");
  self->momentum = ts_momentum_new (&m);
  self->risk = ts_risk_manager_new (&r);
  self->broker = ts_paper_broker_new (&b);
  self->ledger = ts_ledger_new (b.initial_capital);
  self->fills = g_array_sized_new (FALSE, TRUE, sizeof (TsFill), INITIAL_LOG_SIZE);
  self->trades = g_array_sized_new (FALSE, TRUE, sizeof (TsTrade), INITIAL_LOG_SIZE);
  self->decisions = g_array_sized_new (FALSE, TRUE, sizeof (TsDecision), INITIAL_LOG_SIZE);
  self->risk_params = r;
  self->broker_params = b;
  return self;
}

void
ts_engine_free (TsEngine *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_slots; i++)
    {
      ts_strategy_free (self->slots[i].strategy);
      ts_ledger_free (self->slots[i].ledger);
      ts_risk_manager_free (self->slots[i].risk);
    }
  for (guint i = 0; i < self->n_syms; i++)
    ts_paper_broker_free (self->syms[i].broker);
  if (self->portfolio != NULL)
    ts_ledger_free (self->portfolio);
  if (self->momentum != NULL)
    ts_momentum_free (self->momentum);
  ts_risk_manager_free (self->risk);
  if (self->broker != NULL)
    ts_paper_broker_free (self->broker);
  if (self->ledger != NULL)
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

  if (self->multi)
    {
      multi_set_params (self, risk, broker);
      return;
    }
  if (momentum != NULL)
    ts_momentum_set_params (self->momentum, momentum);
  if (risk != NULL)
    {
      ts_risk_manager_set_params (self->risk, risk);
      self->risk_params = *risk;
    }
  if (broker != NULL)
    {
      ts_paper_broker_set_params (self->broker, broker);
      /* refused (FALSE) once the ledger has started */
      ts_ledger_set_initial_capital (self->ledger, broker->initial_capital);
      self->broker_params = *broker;
    }
}


gboolean
ts_engine_set_symbol (TsEngine   *self,
                      const char *symbol)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->symbol_fixed || self->multi)
    return FALSE;
  symbol_key_init (&self->symbol, symbol != NULL ? symbol : "");
  return TRUE;
}

const char *
ts_engine_get_symbol (const TsEngine *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (self->multi)
    return self->n_syms > 0 ? self->syms[0].key.name : "";
  return self->symbol.name;
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

/* The leverage cap on an entry of @sizes[0] (and @sizes[1]) whose notional
 * is sizes[0] x price0 (+ sizes[1] x price1, given through @price1 being the
 * second leg's notional per unit of the first): resizes both legs by the
 * same factor and logs "LEVERAGE_RESIZED", or refuses with "LEVERAGE_CAP". */
static const char *
cap_leverage (TsEngine *self,
              gint64    now,
              TsSide    side,
              double    equity,
              double    open_notional,
              double    notional_per_unit,
              double   *size0,
              double   *size1)
{
  double notional = *size0 * notional_per_unit;
  double allowed = ts_risk_manager_cap_notional (self->risk, equity, open_notional, notional);

  if (allowed >= notional)
    return NULL;
  if (!(allowed > 0.0) || !(notional > 0.0))
    return "LEVERAGE_CAP";
  *size0 *= allowed / notional;
  if (size1 != NULL)
    *size1 *= allowed / notional;
  log_decision (self, now, "LEVERAGE_RESIZED", side);
  return NULL;
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
  memcpy (fill.symbol, self->symbol.name, sizeof fill.symbol);
  fill.strategy_id = 0;
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
      if (G_UNLIKELY (ts_risk_manager_record_portfolio_trade (self->risk, trade.pnl)))
        log_decision (self, time_us, "CIRCUIT_BREAKER", TS_SIDE_NONE);
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
  TsTick clamped;
  gboolean is_trade;
  gboolean closed = FALSE;
  gint64 now;
  double equity;
  const char *reason;

  self->ticked = TRUE;
  if (G_UNLIKELY (!_ts_tick_is_valid (tick)))
    {
      self->ignored++;
      return TS_ENGINE_EVENT_IGNORED;
    }

  /* Time never goes backwards downstream (DESIGN.md "The flow of one tick"):
   * a tick up to TS_ENGINE_MAX_SKEW_US older than the newest one is taken at
   * the newest time; an older one (a restarted or replayed source) is dropped. */
  if (G_LIKELY (tick->time_us >= self->last_time_us))
    self->last_time_us = tick->time_us;
  else if (self->last_time_us - tick->time_us > TS_ENGINE_MAX_SKEW_US)
    {
      self->ignored++;
      self->stale++;
      return TS_ENGINE_EVENT_IGNORED;
    }
  else
    {
      clamped = *tick;
      clamped.time_us = self->last_time_us;
      tick = &clamped;
    }

  if (self->multi)
    return multi_push_tick (self, tick);

  is_trade = (tick->flags & TS_TICK_TRADE) != 0;

  /* the symbol */
  if (G_UNLIKELY (!self->symbol_fixed))
    {
      if (self->symbol.name[0] == '\0')
        {
          /* the first symbol seen with a trade */
          if (!is_trade)
            {
              self->ignored++;
              return TS_ENGINE_EVENT_IGNORED;
            }
          symbol_key_init (&self->symbol, tick->symbol);
        }
      else if (!symbol_key_matches (&self->symbol, tick))
        {
          self->ignored++;
          return TS_ENGINE_EVENT_IGNORED;
        }
      if (is_trade)
        self->symbol_fixed = TRUE;
    }
  else if (G_UNLIKELY (!symbol_key_matches (&self->symbol, tick)))
    {
      self->ignored++;
      return TS_ENGINE_EVENT_IGNORED;
    }

  now = tick->time_us;
  _ts_paper_broker_update (self->broker, tick);
  if (G_UNLIKELY (self->resume_candles))
    {
      self->resume_candles = FALSE;
      if (self->momentum->side != TS_SIDE_NONE)
        ts_momentum_resume_candles (self->momentum, now);
    }
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
  equity = _ts_ledger_get_equity_at (self->ledger, self->last_price);
  if (G_UNLIKELY (_ts_risk_manager_check_daily_loss (self->risk, equity)))
    {
      if (self->momentum->side != TS_SIDE_NONE)
        {
          events |= close_position (self, now, "DAILY");
          log_decision (self, now, "DAILY", TS_SIDE_NONE);
          closed = TRUE;
        }
    }

  /* max drawdown halt: closes the position and halts entries */
  if (G_UNLIKELY (closed))
    equity = _ts_ledger_get_equity_at (self->ledger, self->last_price);
  if (G_UNLIKELY (_ts_risk_manager_check_drawdown (self->risk, equity)))
    {
      log_decision (self, now, "DRAWDOWN_HALT", TS_SIDE_NONE);
      if (self->momentum->side != TS_SIDE_NONE)
        {
          events |= close_position (self, now, "DRAWDOWN");
          closed = TRUE;
        }
    }

  /* entries, on trades only, never on the tick that closed a position */
  if (is_trade && !closed)
    {
      TsSide signal = _ts_momentum_check_entry (self->momentum);

      if (signal != TS_SIDE_NONE)
        {
          double size = ts_momentum_get_params (self->momentum)->position_size;
          const char *refusal = ts_risk_manager_check_portfolio (self->risk, 0);

          if (refusal == NULL)
            refusal = ts_risk_manager_approve_entry (self->risk, 0);
          if (refusal == NULL && G_UNLIKELY (self->risk->params.max_leverage > 0.0))
            refusal = cap_leverage (self, now, signal,
                                    _ts_ledger_get_equity_at (self->ledger, self->last_price),
                                    0.0,
                                    ts_paper_broker_get_fill_price (self->broker, signal),
                                    &size, NULL);
          if (refusal != NULL)
            {
              log_decision (self, now, refusal, signal);
              events |= TS_ENGINE_EVENT_REFUSED;
            }
          else
            {
              events |= execute (self, signal, size,
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

  if (self->multi)
    {
      ts_engine_get_portfolio_stats (self, stats);
      return;
    }
  ts_ledger_get_stats (self->ledger, stats);
  stats->halted = ts_risk_manager_is_halted (self->risk) ||
                  ts_risk_manager_is_emergency_stopped (self->risk) ||
                  ts_risk_manager_is_drawdown_halted (self->risk);
}

guint64
ts_engine_get_ignored_count (const TsEngine *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ignored;
}

guint64
ts_engine_get_stale_count (const TsEngine *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stale;
}


/* ---- the multi-strategy engine (issue 3) ---- */


TsEngine *
ts_engine_new_multi (const TsRiskParams   *risk,
                     const TsBrokerParams *broker)
{
  TsEngine *self;
  TsRiskParams r;
  TsBrokerParams b;

  if (risk == NULL)
    ts_risk_params_init_default (&r);
  else
    r = *risk;
  if (broker == NULL)
    ts_broker_params_init_default (&b);
  else
    b = *broker;

  self = g_new0 (TsEngine, 1);
  self->multi = TRUE;
  symbol_key_init (&self->symbol, "");
  self->risk = ts_risk_manager_new (&r);
  self->portfolio = ts_ledger_new (b.initial_capital);
  self->risk_params = r;
  self->broker_params = b;
  self->fills = g_array_sized_new (FALSE, TRUE, sizeof (TsFill), INITIAL_LOG_SIZE);
  self->trades = g_array_sized_new (FALSE, TRUE, sizeof (TsTrade), INITIAL_LOG_SIZE);
  self->decisions = g_array_sized_new (FALSE, TRUE, sizeof (TsDecision), INITIAL_LOG_SIZE);
  return self;
}

static void
multi_set_params (TsEngine             *self,
                  const TsRiskParams   *risk,
                  const TsBrokerParams *broker)
{
  guint i;

  if (risk != NULL)
    {
      self->risk_params = *risk;
      ts_risk_manager_set_params (self->risk, risk);
      for (i = 0; i < self->n_slots; i++)
        ts_risk_manager_set_params (self->slots[i].risk, risk);
    }
  if (broker != NULL)
    {
      self->broker_params = *broker;
      for (i = 0; i < self->n_syms; i++)
        ts_paper_broker_set_params (self->syms[i].broker, broker);
      /* refused (FALSE) once a ledger has started */
      if (ts_ledger_set_initial_capital (self->portfolio, broker->initial_capital))
        for (i = 0; i < self->n_slots; i++)
          ts_ledger_set_initial_capital (self->slots[i].ledger, broker->initial_capital);
    }
}

static int
find_or_add_symbol (TsEngine   *self,
                    const char *name)
{
  guint i;

  for (i = 0; i < self->n_syms; i++)
    if (strncmp (self->syms[i].key.name, name, TS_SYMBOL_MAX - 1) == 0)
      return (int) i;
  if (self->n_syms == TS_ENGINE_MAX_SYMBOLS)
    return -1;
  memset (&self->syms[i], 0, sizeof self->syms[i]);
  symbol_key_init (&self->syms[i].key, name);
  self->syms[i].broker = ts_paper_broker_new (&self->broker_params);
  self->n_syms++;
  return (int) i;
}

guint
ts_engine_add_strategy (TsEngine           *self,
                        TsStrategy         *strategy,
                        const char * const *symbols)
{
  Slot *slot;
  guint n, i, slot_index;
  int idx[TS_STRATEGY_MAX_SYMBOLS];

  g_return_val_if_fail (strategy != NULL, 0);
  if (self == NULL || !self->multi || self->n_slots == TS_ENGINE_MAX_STRATEGIES)
    {
      g_critical ("ts_engine_add_strategy: not a multi engine, or too many strategies");
      ts_strategy_free (strategy);
      return 0;
    }

  n = ts_strategy_get_n_symbols (strategy);
  for (i = 0; i < n; i++)
    {
      const char *name = NULL;

      if (symbols != NULL)
        {
          guint k;

          for (k = 0; k <= i && symbols[k] != NULL; k++)
            ;
          name = k > i ? symbols[i] : NULL;
          if (name != NULL)
            ts_strategy_set_symbol (strategy, i, name);
        }
      name = ts_strategy_get_symbol (strategy, i);
      if (name == NULL || name[0] == '\0' ||
          (i == 1 && strcmp (name, ts_strategy_get_symbol (strategy, 0)) == 0) ||
          (idx[i] = find_or_add_symbol (self, name)) < 0)
        {
          g_critical ("ts_engine_add_strategy: symbol %u of %s missing, repeated or one too many",
                      i, ts_strategy_get_name (strategy));
          ts_strategy_free (strategy);
          return 0;
        }
    }

  slot_index = self->n_slots++;
  slot = &self->slots[slot_index];
  memset (slot, 0, sizeof *slot);
  slot->strategy = strategy;
  slot->n_syms = n;
  slot->ledger = ts_ledger_new (self->broker_params.initial_capital);
  slot->risk = ts_risk_manager_new (&self->risk_params);
  for (i = 0; i < n; i++)
    {
      EngineSymbol *sym = &self->syms[idx[i]];

      slot->sym[i] = (guint) idx[i];
      sym->sub_slot[sym->n_subs] = slot_index;
      sym->sub_leg[sym->n_subs] = i;
      sym->n_subs++;
    }
  return slot_index + 1;
}

guint
ts_engine_get_n_strategies (const TsEngine *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_slots;
}

TsStrategy *
ts_engine_get_strategy (TsEngine *self,
                        guint     id)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (id == 0 || id > self->n_slots)
    return NULL;
  return self->slots[id - 1].strategy;
}

static void
log_decision_at (TsEngine   *self,
                 gint64      time_us,
                 const char *code,
                 TsSide      side,
                 double      price)
{
  TsDecision d = { time_us, code, side, price };

  g_array_append_val (self->decisions, d);
}

/* the open notional of every strategy, at the last trade prices */
static double
open_notional (const TsEngine *self)
{
  double sum = 0.0;
  guint i;

  for (i = 0; i < self->n_slots; i++)
    {
      const TsLedger *l = self->slots[i].ledger;

      if (l->side == TS_SIDE_NONE)
        continue;
      sum += l->size * self->syms[self->slots[i].sym[0]].last_price;
      if (l->b_side != TS_SIDE_NONE)
        sum += l->b_size * self->syms[self->slots[i].sym[1]].last_price;
    }
  return sum;
}

/* the portfolio equity at the last trade prices, without marking */
static double
portfolio_equity_now (const TsEngine *self)
{
  double equity = self->portfolio->initial_capital;
  guint i;

  for (i = 0; i < self->n_slots; i++)
    {
      const Slot *slot = &self->slots[i];

      equity += _ts_ledger_get_equity_at (slot->ledger, self->syms[slot->sym[0]].last_price) -
                slot->ledger->initial_capital;
    }
  return equity;
}

static TsFill
make_fill (TsEngine   *self,
           guint       slot_index,
           guint       leg,
           TsSide      side,
           double      size,
           gint64      time_us,
           gboolean    opens,
           const char *reason,
           gboolean   *ok)
{
  const Slot *slot = &self->slots[slot_index];
  const EngineSymbol *sym = &self->syms[slot->sym[leg]];
  TsFill fill;

  memset (&fill, 0, sizeof fill);
  *ok = ts_paper_broker_fill (sym->broker, side, size, time_us, &fill);
  fill.opens = opens;
  fill.reason = reason;
  memcpy (fill.symbol, sym->key.name, sizeof fill.symbol);
  fill.strategy_id = slot_index + 1;
  return fill;
}

/* closes every leg of a strategy's position */
static TsEngineEvents
multi_close (TsEngine   *self,
             guint       slot_index,
             gint64      time_us,
             const char *reason)
{
  Slot *slot = &self->slots[slot_index];
  TsLedger *l = slot->ledger;
  TsFill fa, fb;
  TsTrade trade;
  gboolean ok_a, ok_b = TRUE;
  gboolean pair;

  if (l->side == TS_SIDE_NONE)
    return TS_ENGINE_EVENT_NONE;

  pair = l->b_side != TS_SIDE_NONE;
  fa = make_fill (self, slot_index, 0, l->side == TS_SIDE_BUY ? TS_SIDE_SELL : TS_SIDE_BUY,
                  l->size, time_us, FALSE, reason, &ok_a);
  if (pair)
    fb = make_fill (self, slot_index, 1, l->b_side == TS_SIDE_BUY ? TS_SIDE_SELL : TS_SIDE_BUY,
                    l->b_size, time_us, FALSE, reason, &ok_b);
  if (!ok_a || !ok_b)
    return TS_ENGINE_EVENT_NONE;

  g_array_append_val (self->fills, fa);
  if (pair)
    {
      g_array_append_val (self->fills, fb);
      ts_ledger_close_pair (l, &fa, &fb, &trade);
    }
  else
    ts_ledger_close (l, &fa, &trade);
  g_array_append_val (self->trades, trade);

  self->syms[slot->sym[0]].open_positions--;
  if (pair)
    self->syms[slot->sym[1]].open_positions--;
  self->open_total--;

  ts_risk_manager_record_trade (slot->risk, trade.pnl);
  if (G_UNLIKELY (ts_risk_manager_record_portfolio_trade (self->risk, trade.pnl)))
    log_decision_at (self, time_us, "CIRCUIT_BREAKER", TS_SIDE_NONE, fa.price);

  ts_strategy_on_fill (slot->strategy, &fa, 0);
  if (pair)
    ts_strategy_on_fill (slot->strategy, &fb, 1);
  return TS_ENGINE_EVENT_FILL | TS_ENGINE_EVENT_TRADE;
}

static TsEngineEvents
multi_open (TsEngine            *self,
            guint                slot_index,
            const TsOrderIntent *intent,
            gint64               time_us)
{
  Slot *slot = &self->slots[slot_index];
  TsSide side = intent->action == TS_INTENT_OPEN_LONG ? TS_SIDE_BUY : TS_SIDE_SELL;
  double size[TS_STRATEGY_MAX_SYMBOLS] = { 0.0, 0.0 };
  double price[TS_STRATEGY_MAX_SYMBOLS] = { 0.0, 0.0 };
  double ref_price = self->syms[slot->sym[0]].last_price;
  const char *refusal;
  guint n_legs = intent->n_legs;
  guint open_on_symbols = 0;
  guint i;
  TsFill fills[TS_STRATEGY_MAX_SYMBOLS];

  if (slot->ledger->side != TS_SIDE_NONE || n_legs < 1 || n_legs > slot->n_syms)
    return TS_ENGINE_EVENT_NONE;
  /* legs in the strategy's symbol order: leg i on symbol i */
  for (i = 0; i < n_legs; i++)
    {
      const TsIntentLeg *leg = &intent->legs[i];

      if (leg->symbol != i || !(leg->size > 0.0) ||
          (leg->side != TS_SIDE_BUY && leg->side != TS_SIDE_SELL))
        return TS_ENGINE_EVENT_NONE;
      size[i] = leg->size;
      price[i] = ts_paper_broker_get_fill_price (self->syms[slot->sym[i]].broker, leg->side);
      if (!(price[i] > 0.0))
        return TS_ENGINE_EVENT_NONE;
      open_on_symbols = MAX (open_on_symbols, self->syms[slot->sym[i]].open_positions);
    }

  refusal = ts_risk_manager_check_portfolio (self->risk, self->open_total);
  if (refusal == NULL)
    refusal = ts_risk_manager_approve_entry (slot->risk, open_on_symbols);
  if (refusal == NULL && self->risk->params.max_leverage > 0.0)
    {
      double per_unit = price[0] + (n_legs > 1 ? size[1] / size[0] * price[1] : 0.0);

      refusal = cap_leverage (self, time_us, side, portfolio_equity_now (self),
                              open_notional (self), per_unit, &size[0],
                              n_legs > 1 ? &size[1] : NULL);
    }
  if (refusal != NULL)
    {
      log_decision_at (self, time_us, refusal, side, ref_price);
      return TS_ENGINE_EVENT_REFUSED;
    }

  for (i = 0; i < n_legs; i++)
    {
      gboolean ok;

      fills[i] = make_fill (self, slot_index, i, intent->legs[i].side, size[i], time_us,
                            TRUE, intent->reason, &ok);
      if (!ok)
        return TS_ENGINE_EVENT_NONE;
    }
  for (i = 0; i < n_legs; i++)
    {
      g_array_append_val (self->fills, fills[i]);
      self->syms[slot->sym[i]].open_positions++;
    }
  if (n_legs == 2)
    ts_ledger_open_pair (slot->ledger, &fills[0], &fills[1]);
  else
    ts_ledger_open (slot->ledger, &fills[0]);
  self->open_total++;
  for (i = 0; i < n_legs; i++)
    ts_strategy_on_fill (slot->strategy, &fills[i], i);
  return TS_ENGINE_EVENT_FILL;
}

static guint
count_open_same_kind (const TsEngine *self,
                      const Slot     *slot)
{
  guint n = 0, i;

  for (i = 0; i < self->n_slots; i++)
    if (self->slots[i].strategy->klass == slot->strategy->klass &&
        self->slots[i].ledger->side != TS_SIDE_NONE)
      n++;
  return n;
}

static TsEngineEvents
run_slot (TsEngine     *self,
          guint         slot_index,
          guint         leg,
          const TsTick *tick)
{
  Slot *slot = &self->slots[slot_index];
  TsLedger *l = slot->ledger;
  TsStrategyContext ctx;
  TsOrderIntent intents[TS_STRATEGY_MAX_INTENTS];
  TsEngineEvents events = TS_ENGINE_EVENT_NONE;
  gint64 now = tick->time_us;
  double price0 = self->syms[slot->sym[0]].last_price;
  guint n, i;

  if (G_UNLIKELY (_ts_risk_manager_roll_day (slot->risk, now, _ts_ledger_get_equity (l))))
    log_decision_at (self, now, "RESUMED", TS_SIDE_NONE, price0);

  ctx.equity = l->equity;
  ctx.trades = l->trades;
  ctx.wins = l->wins;
  ctx.gross_profit = l->gross_profit;
  ctx.gross_loss = l->gross_loss;
  ctx.open_same_kind = self->n_slots == 1 ? (l->side != TS_SIDE_NONE)
                                          : count_open_same_kind (self, slot);

  n = slot->strategy->klass->on_tick (slot->strategy, &ctx, tick, leg, intents);
  if (n > TS_STRATEGY_MAX_INTENTS)
    n = TS_STRATEGY_MAX_INTENTS;

  /* exits first */
  for (i = 0; i < n; i++)
    if (intents[i].action == TS_INTENT_CLOSE)
      events |= multi_close (self, slot_index, now, intents[i].reason);

  /* the strategy's daily loss limit */
  if (slot->n_syms > 1)
    _ts_ledger_set_price_b (l, self->syms[slot->sym[1]].last_price);
  if (G_UNLIKELY (_ts_risk_manager_check_daily_loss (slot->risk, _ts_ledger_get_equity_at (l, price0))))
    {
      if (l->side != TS_SIDE_NONE)
        {
          events |= multi_close (self, slot_index, now, "DAILY");
          log_decision_at (self, now, "DAILY", TS_SIDE_NONE, price0);
        }
    }

  /* entries */
  for (i = 0; i < n; i++)
    if (intents[i].action != TS_INTENT_CLOSE)
      events |= multi_open (self, slot_index, &intents[i], now);
  return events;
}

static TsEngineEvents
close_everything (TsEngine   *self,
                  gint64      now,
                  const char *reason)
{
  TsEngineEvents events = TS_ENGINE_EVENT_NONE;
  guint i;

  for (i = 0; i < self->n_slots; i++)
    events |= multi_close (self, i, now, reason);
  return events;
}

static void
mark_portfolio (TsEngine *self,
                gint64    now)
{
  double realized = 0.0, unrealized = 0.0;
  gboolean in_position = FALSE;
  guint i;

  for (i = 0; i < self->n_slots; i++)
    {
      const TsLedger *l = self->slots[i].ledger;

      realized += l->realized;
      unrealized += l->unrealized;
      in_position |= l->side != TS_SIDE_NONE;
    }
  ts_ledger_mark_external (self->portfolio, now, realized, unrealized, in_position);
}

static TsEngineEvents
multi_push_tick (TsEngine     *self,
                 const TsTick *tick)
{
  TsEngineEvents events = TS_ENGINE_EVENT_NONE;
  EngineSymbol *sym = NULL;
  gint64 now = tick->time_us;
  guint i;

  for (i = 0; i < self->n_syms; i++)
    if (symbol_key_matches (&self->syms[i].key, tick))
      {
        sym = &self->syms[i];
        break;
      }
  if (sym == NULL)
    {
      self->ignored++;
      return TS_ENGINE_EVENT_IGNORED;
    }

  _ts_paper_broker_update (sym->broker, tick);
  if (tick->flags & TS_TICK_TRADE)
    sym->last_price = tick->price;
  /* the portfolio manager keeps the time (circuit breaker) */
  _ts_risk_manager_roll_day (self->risk, now, _ts_ledger_get_equity (self->portfolio));

  for (i = 0; i < sym->n_subs; i++)
    events |= run_slot (self, sym->sub_slot[i], sym->sub_leg[i], tick);

  /* the portfolio's max drawdown halt */
  if (G_UNLIKELY (_ts_risk_manager_check_drawdown (self->risk, portfolio_equity_now (self))))
    {
      log_decision_at (self, now, "DRAWDOWN_HALT", TS_SIDE_NONE, sym->last_price);
      events |= close_everything (self, now, "DRAWDOWN");
    }

  for (i = 0; i < sym->n_subs; i++)
    {
      Slot *slot = &self->slots[sym->sub_slot[i]];

      if (slot->n_syms > 1)
        _ts_ledger_set_price_b (slot->ledger, self->syms[slot->sym[1]].last_price);
      _ts_ledger_mark (slot->ledger, now, self->syms[slot->sym[0]].last_price);
    }
  mark_portfolio (self, now);
  return events;
}

gboolean
ts_engine_get_strategy_stats (const TsEngine *self,
                              guint           id,
                              TsLedgerStats  *stats)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  if (!self->multi)
    {
      if (id != 0)
        return FALSE;
      ts_engine_get_stats (self, stats);
      return TRUE;
    }
  if (id == 0 || id > self->n_slots)
    return FALSE;
  ts_ledger_get_stats (self->slots[id - 1].ledger, stats);
  stats->halted = ts_risk_manager_is_halted (self->slots[id - 1].risk) ||
                  ts_risk_manager_is_emergency_stopped (self->risk) ||
                  ts_risk_manager_is_drawdown_halted (self->risk);
  return TRUE;
}

void
ts_engine_get_portfolio_stats (const TsEngine *self,
                               TsLedgerStats  *stats)
{
  double gross_profit = 0.0, gross_loss = 0.0, fees = 0.0;
  guint trades = 0, wins = 0, i;

  g_return_if_fail (self != NULL);
  g_return_if_fail (stats != NULL);

  if (!self->multi)
    {
      ts_engine_get_stats (self, stats);
      return;
    }

  ts_ledger_get_stats (self->portfolio, stats);
  stats->consecutive_losses = 0;
  stats->max_consecutive_losses = 0;
  for (i = 0; i < self->n_slots; i++)
    {
      const TsLedger *l = self->slots[i].ledger;

      trades += l->trades;
      wins += l->wins;
      gross_profit += l->gross_profit;
      gross_loss += l->gross_loss;
      fees += l->fees;
      stats->consecutive_losses = MAX (stats->consecutive_losses, l->consecutive_losses);
      stats->max_consecutive_losses = MAX (stats->max_consecutive_losses, l->max_consecutive_losses);
    }
  stats->trades = trades;
  stats->wins = wins;
  stats->losses = trades - wins;
  stats->win_rate = trades > 0 ? (double) wins / trades : 0.0;
  stats->avg_win = wins > 0 ? gross_profit / wins : 0.0;
  stats->avg_loss = trades > wins ? gross_loss / (trades - wins) : 0.0;
  stats->expectancy = trades > 0
    ? stats->win_rate * stats->avg_win - (1.0 - stats->win_rate) * stats->avg_loss
    : 0.0;
  if (gross_loss > 0.0)
    stats->profit_factor = gross_profit / gross_loss;
  else
    stats->profit_factor = gross_profit > 0.0 ? INFINITY : 0.0;
  stats->fees = fees;
  stats->last_price = self->n_syms > 0 ? self->syms[0].last_price : 0.0;

  /* the open positions: one single-leg position is shown as it is */
  stats->open_positions = 0;
  stats->position_side = TS_SIDE_NONE;
  stats->position_size = 0.0;
  stats->position_entry_price = 0.0;
  stats->position_entry_time_us = 0;
  for (i = 0; i < self->n_slots; i++)
    if (self->slots[i].ledger->side != TS_SIDE_NONE)
      stats->open_positions++;
  for (i = 0; i < self->n_slots && stats->open_positions == 1; i++)
    {
      const TsLedger *l = self->slots[i].ledger;

      if (l->side != TS_SIDE_NONE && l->b_side == TS_SIDE_NONE)
        {
          stats->position_side = l->side;
          stats->position_size = l->size;
          stats->position_entry_price = l->entry_price;
          stats->position_entry_time_us = l->entry_time_us;
        }
    }
  stats->halted = ts_risk_manager_is_emergency_stopped (self->risk) ||
                  ts_risk_manager_is_drawdown_halted (self->risk);
}

TsEngineEvents
ts_engine_emergency_stop (TsEngine *self)
{
  TsEngineEvents events = TS_ENGINE_EVENT_NONE;
  gint64 now;

  g_return_val_if_fail (self != NULL, TS_ENGINE_EVENT_NONE);

  now = self->risk->now_us > G_MININT64 / 2 ? self->risk->now_us : 0;
  ts_risk_manager_emergency_stop (self->risk);
  if (self->multi)
    {
      log_decision_at (self, now, "EMERGENCY_STOP", TS_SIDE_NONE,
                       self->n_syms > 0 ? self->syms[0].last_price : 0.0);
      events |= close_everything (self, now, "EMERGENCY");
      for (guint i = 0; i < self->n_slots; i++)
        _ts_ledger_refresh (self->slots[i].ledger);
      if (self->portfolio->started)
        {
          double realized = 0.0, unrealized = 0.0;

          for (guint i = 0; i < self->n_slots; i++)
            {
              realized += self->slots[i].ledger->realized;
              unrealized += self->slots[i].ledger->unrealized;
            }
          self->portfolio->realized = realized;
          _ts_ledger_finish_mark (self->portfolio, self->portfolio->last_time_us, unrealized, FALSE);
          self->portfolio->ticks--;
        }
    }
  else
    {
      log_decision (self, now, "EMERGENCY_STOP", TS_SIDE_NONE);
      if (self->momentum->side != TS_SIDE_NONE)
        events |= close_position (self, now, "EMERGENCY");
      _ts_ledger_refresh (self->ledger);
    }
  return events;
}

void
ts_engine_resume (TsEngine *self)
{
  g_return_if_fail (self != NULL);
  ts_risk_manager_resume (self->risk);
  log_decision_at (self, self->risk->now_us > G_MININT64 / 2 ? self->risk->now_us : 0,
                   "RESUMED_ALL", TS_SIDE_NONE,
                   self->multi ? (self->n_syms > 0 ? self->syms[0].last_price : 0.0)
                               : self->last_price);
}

void
ts_engine_pause_entries (TsEngine *self,
                         double    seconds)
{
  g_return_if_fail (self != NULL);
  ts_risk_manager_pause_entries (self->risk, seconds);
  if (seconds > 0.0)
    log_decision_at (self, self->risk->now_us > G_MININT64 / 2 ? self->risk->now_us : 0,
                     "CIRCUIT_BREAKER", TS_SIDE_NONE,
                     self->multi ? (self->n_syms > 0 ? self->syms[0].last_price : 0.0)
                                 : self->last_price);
}


/* ---- restoring after a restart ---- */


G_DEFINE_QUARK (ts-engine-error-quark, ts_engine_error)

static gboolean
check_not_started (const TsEngine  *self,
                   const char      *what,
                   GError         **error)
{
  if (self->ticked)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_TOO_LATE,
                   "Cannot restore %s: the engine has already taken a tick", what);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_entry_fill (const TsFill  *f,
                  GError       **error)
{
  const char *problem = NULL;

  if (!f->opens)
    problem = "it does not open a position";
  else if (f->side != TS_SIDE_BUY && f->side != TS_SIDE_SELL)
    problem = "its side is neither buy nor sell";
  else if (!(isfinite (f->size) && f->size > 0.0))
    problem = "its size is not a finite number > 0";
  else if (!(isfinite (f->price) && f->price > 0.0))
    problem = "its price is not a finite number > 0";
  else if (!(isfinite (f->fee) && f->fee >= 0.0))
    problem = "its fee is not a finite number >= 0";
  if (problem == NULL)
    return TRUE;
  g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_BAD_FILL,
               "Cannot restore the entry of strategy %u on %.*s at %" G_GINT64_FORMAT
               " us (size %g, price %g, fee %g): %s",
               f->strategy_id, TS_SYMBOL_MAX - 1, f->symbol, f->time_us,
               f->size, f->price, f->fee, problem);
  return FALSE;
}

static gboolean
single_restore_position (TsEngine      *self,
                         const TsFill  *entry,
                         const char    *state,
                         GError       **error)
{
  TsFill f;

  if (entry->strategy_id != 0)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_NO_STRATEGY,
                   "Cannot restore a position of strategy %u: this engine runs only its "
                   "momentum strategy, id 0", entry->strategy_id);
      return FALSE;
    }
  if (entry->symbol[0] == '\0' ||
      (self->symbol.name[0] != '\0' &&
       strncmp (self->symbol.name, entry->symbol, TS_SYMBOL_MAX - 1) != 0))
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_BAD_SYMBOL,
                   "Cannot restore a position on \"%.*s\": the engine trades \"%s\"",
                   TS_SYMBOL_MAX - 1, entry->symbol,
                   self->symbol.name[0] != '\0' ? self->symbol.name : "(a symbol must be given)");
      return FALSE;
    }
  if (!check_entry_fill (entry, error))
    return FALSE;
  if (self->ledger->side != TS_SIDE_NONE)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_NOT_FLAT,
                   "Cannot restore a position on %s: the momentum strategy already holds one",
                   self->symbol.name);
      return FALSE;
    }
  if (state != NULL)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_BAD_STATE,
                   "The momentum strategy keeps no position state, but got \"%s\"", state);
      return FALSE;
    }

  f = *entry;
  f.reason = f.side == TS_SIDE_BUY ? "LONG" : "SHORT";
  f.symbol[TS_SYMBOL_MAX - 1] = '\0';
  if (self->symbol.name[0] == '\0')
    symbol_key_init (&self->symbol, f.symbol);
  self->symbol_fixed = TRUE;
  _ts_ledger_restore_open (self->ledger, &f);
  ts_momentum_on_open (self->momentum, f.side, f.price, f.time_us);
  /* an entry was made after the last loss: its cooldown was over */
  self->risk->cooldown = 0;
  if (!(self->last_price > 0.0))
    self->last_price = f.price;
  self->resume_candles = TRUE;
  self->positions_restored = TRUE;
  return TRUE;
}

static gboolean
multi_restore_position (TsEngine      *self,
                        const TsFill  *entry,
                        const char    *state,
                        GError       **error)
{
  g_autoptr(GError) local = NULL;
  Slot *slot;
  TsLedger *l;
  EngineSymbol *sym;
  TsFill f;
  guint leg;
  gboolean last;

  if (entry->strategy_id == 0 || entry->strategy_id > self->n_slots)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_NO_STRATEGY,
                   "Cannot restore a position of strategy %u: the engine has strategies 1 to %u",
                   entry->strategy_id, self->n_slots);
      return FALSE;
    }
  slot = &self->slots[entry->strategy_id - 1];
  l = slot->ledger;
  for (leg = 0; leg < slot->n_syms; leg++)
    if (strncmp (self->syms[slot->sym[leg]].key.name, entry->symbol, TS_SYMBOL_MAX - 1) == 0)
      break;
  if (entry->symbol[0] == '\0' || leg == slot->n_syms)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_BAD_SYMBOL,
                   "Cannot restore a position on \"%.*s\": strategy %u (%s) trades %s%s%s",
                   TS_SYMBOL_MAX - 1, entry->symbol, entry->strategy_id,
                   ts_strategy_get_name (slot->strategy),
                   self->syms[slot->sym[0]].key.name,
                   slot->n_syms > 1 ? " and " : "",
                   slot->n_syms > 1 ? self->syms[slot->sym[1]].key.name : "");
      return FALSE;
    }
  if (!check_entry_fill (entry, error))
    return FALSE;
  sym = &self->syms[slot->sym[leg]];
  if (leg == 0 ? l->side != TS_SIDE_NONE : l->b_side != TS_SIDE_NONE)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_NOT_FLAT,
                   "Cannot restore a position on %s: strategy %u (%s) already holds one",
                   sym->key.name, entry->strategy_id, ts_strategy_get_name (slot->strategy));
      return FALSE;
    }
  if (leg == 1 && l->side == TS_SIDE_NONE)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_BAD_FILL,
                   "Cannot restore leg B (%s) of strategy %u before its leg A (%s)",
                   sym->key.name, entry->strategy_id, self->syms[slot->sym[0]].key.name);
      return FALSE;
    }
  if (leg == 1 && entry->side == l->side)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_BAD_FILL,
                   "Cannot restore leg B (%s) of strategy %u: it must take the side opposite "
                   "to leg A's", sym->key.name, entry->strategy_id);
      return FALSE;
    }
  last = leg + 1 == slot->n_syms;
  if (!last && state != NULL)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_BAD_STATE,
                   "The position state of strategy %u goes with its last leg, not with %s",
                   entry->strategy_id, sym->key.name);
      return FALSE;
    }
  /* the strategy's own check of its state comes last: it changes nothing
   * when it refuses, and nothing can fail after it */
  if (last && !ts_strategy_restore_state (slot->strategy, state, &local))
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_BAD_STATE,
                   "Cannot restore the position of strategy %u: %s",
                   entry->strategy_id, local->message);
      return FALSE;
    }

  f = *entry;
  memcpy (f.symbol, sym->key.name, sizeof f.symbol);
  /* both legs carry the pair's reason, as multi_open() gives them */
  f.reason = (leg == 0 ? f.side : l->side) == TS_SIDE_BUY ? "LONG" : "SHORT";
  if (leg == 0)
    {
      _ts_ledger_restore_open (l, &f);
      self->open_total++;
    }
  else
    _ts_ledger_restore_leg_b (l, &f);
  sym->open_positions++;
  if (!(sym->last_price > 0.0))
    sym->last_price = f.price;
  /* an entry was made after the last loss: its cooldown was over */
  slot->risk->cooldown = 0;
  ts_strategy_on_fill (slot->strategy, &f, leg);
  self->positions_restored = TRUE;
  return TRUE;
}

gboolean
ts_engine_restore_position (TsEngine      *self,
                            const TsFill  *entry,
                            const char    *state,
                            GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entry != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_not_started (self, "a position", error))
    return FALSE;
  if (!(self->multi ? multi_restore_position (self, entry, state, error)
                    : single_restore_position (self, entry, state, error)))
    return FALSE;

  /* Exchange time never goes back past a restored entry: ticks older than
   * it (a source whose clock restarted behind the last run's) are dropped
   * as stale, so no exit is ever stamped before its entry. */
  self->last_time_us = MAX (self->last_time_us, entry->time_us);
  return TRUE;
}

static gboolean
check_trade (const TsEngine  *self,
             const TsTrade   *t,
             guint            i,
             gint64           prev_exit_us,
             GError         **error)
{
  const char *problem = NULL;

  if (self->multi ? (t->strategy_id == 0 || t->strategy_id > self->n_slots)
                  : t->strategy_id != 0)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_NO_STRATEGY,
                   "Cannot restore trade %u (%.*s, exit at %" G_GINT64_FORMAT " us): the engine "
                   "has no strategy %u", i, TS_SYMBOL_MAX - 1, t->symbol, t->exit_time_us,
                   t->strategy_id);
      return FALSE;
    }
  if (t->side != TS_SIDE_BUY && t->side != TS_SIDE_SELL)
    problem = "its side is neither long nor short";
  else if (!(isfinite (t->size) && t->size > 0.0))
    problem = "its size is not a finite number > 0";
  else if (!isfinite (t->entry_price) || !isfinite (t->exit_price))
    problem = "a price is not finite";
  else if (!(isfinite (t->fees) && t->fees >= 0.0))
    problem = "its fees are not a finite number >= 0";
  else if (!isfinite (t->pnl))
    problem = "its P&L is not finite";
  else if (t->exit_time_us < t->entry_time_us)
    problem = "it exits before its entry";
  else if (t->exit_time_us < prev_exit_us)
    problem = "it exits before the trade restored before it (trades go in exit order)";
  if (problem == NULL)
    return TRUE;
  g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_BAD_FILL,
               "Cannot restore trade %u (strategy %u, %.*s, exit at %" G_GINT64_FORMAT " us): %s",
               i, t->strategy_id, TS_SYMBOL_MAX - 1, t->symbol, t->exit_time_us, problem);
  return FALSE;
}

/* the equity at the start of the UTC day [day_begin_us, ...) of one
 * strategy (id) or of all (G_MAXUINT), from the restored trades */
static double
restored_baseline (const TsEngine *self,
                   guint           id,
                   gint64          day_begin_us)
{
  const TsTrade *t = (const TsTrade *) (gpointer) self->trades->data;
  double equity = self->broker_params.initial_capital;

  if (self->multi && id == G_MAXUINT)
    equity = self->portfolio->initial_capital;
  else if (self->multi)
    equity = self->slots[id - 1].ledger->initial_capital;
  else
    equity = self->ledger->initial_capital;
  for (guint i = 0; i < self->trades->len; i++)
    if (t[i].exit_time_us < day_begin_us && (id == G_MAXUINT || t[i].strategy_id == id))
      equity += t[i].pnl;
  return equity;
}

gboolean
ts_engine_restore_history (TsEngine       *self,
                           const TsTrade  *trades,
                           guint           n_trades,
                           GError        **error)
{
  gint64 prev_exit_us;
  gint64 day_begin_us;
  guint i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (trades != NULL || n_trades == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_not_started (self, "the trade history", error))
    return FALSE;
  if (self->positions_restored)
    {
      g_set_error (error, TS_ENGINE_ERROR, TS_ENGINE_ERROR_TOO_LATE,
                   "Cannot restore the trade history after an open position: "
                   "restore the history first");
      return FALSE;
    }

  /* every trade is checked before anything changes */
  prev_exit_us = self->trades->len > 0 ? self->history_last_exit_us : G_MININT64;
  for (i = 0; i < n_trades; i++)
    {
      if (!check_trade (self, &trades[i], i, prev_exit_us, error))
        return FALSE;
      prev_exit_us = trades[i].exit_time_us;
    }
  if (n_trades == 0)
    return TRUE;

  for (i = 0; i < n_trades; i++)
    {
      TsTrade t = trades[i];
      TsLedger *ledger = self->multi ? self->slots[t.strategy_id - 1].ledger : self->ledger;
      TsRiskManager *risk = self->multi ? self->slots[t.strategy_id - 1].risk : self->risk;

      /* TsTrade.reason is a static string: the caller's may be freed */
      t.reason = t.reason != NULL ? g_intern_string (t.reason) : NULL;
      t.symbol[TS_SYMBOL_MAX - 1] = '\0';

      _ts_ledger_restore_trade (ledger, &t);
      if (self->multi)
        _ts_ledger_restore_trade (self->portfolio, &t);
      /* the cooldown after a loss (the signals it skipped before the
       * restart are not known: it starts again in full) */
      ts_risk_manager_record_trade (risk, t.pnl);
      /* the circuit breaker, as at the exit's tick */
      self->risk->now_us = t.exit_time_us;
      if (ts_risk_manager_record_portfolio_trade (self->risk, t.pnl))
        log_decision_at (self, t.exit_time_us, "CIRCUIT_BREAKER", TS_SIDE_NONE,
                         strchr (t.symbol, '/') == NULL ? t.exit_price : 0.0);
      g_array_append_val (self->trades, t);
      self->history_last_exit_us = t.exit_time_us;
    }

  /* the daily loss baseline: the UTC day of the last exit started at the
   * equity of the trades closed before it */
  day_begin_us = _ts_risk_manager_floor_div (self->history_last_exit_us, TS_RISK_US_PER_DAY) *
                 TS_RISK_US_PER_DAY;
  if (self->multi)
    {
      double portfolio = restored_baseline (self, G_MAXUINT, day_begin_us);

      for (i = 0; i < self->n_slots; i++)
        {
          double baseline = restored_baseline (self, i + 1, day_begin_us);

          _ts_risk_manager_restore_day (self->slots[i].risk, day_begin_us, baseline);
          _ts_ledger_restore_day (self->slots[i].ledger, day_begin_us, baseline);
        }
      _ts_risk_manager_restore_day (self->risk, day_begin_us, portfolio);
      _ts_ledger_restore_day (self->portfolio, day_begin_us, portfolio);
      /* the drawdown halt's peak: the portfolio's closed-trade peak */
      if (self->portfolio->peak > self->risk->dd_peak)
        self->risk->dd_peak = self->portfolio->peak;
    }
  else
    {
      double baseline = restored_baseline (self, 0, day_begin_us);

      _ts_risk_manager_restore_day (self->risk, day_begin_us, baseline);
      _ts_ledger_restore_day (self->ledger, day_begin_us, baseline);
      if (self->ledger->peak > self->risk->dd_peak)
        self->risk->dd_peak = self->ledger->peak;
    }
  return TRUE;
}

char *
ts_engine_dup_position_state (const TsEngine *self,
                              guint           strategy_id)
{
  const Slot *slot;

  g_return_val_if_fail (self != NULL, NULL);

  /* the momentum strategy of ts_engine_new() keeps none */
  if (!self->multi || strategy_id == 0 || strategy_id > self->n_slots)
    return NULL;
  slot = &self->slots[strategy_id - 1];
  if (slot->ledger->side == TS_SIDE_NONE)
    return NULL;
  return ts_strategy_dup_state (slot->strategy);
}
