/* ts-backtest.c: run the engine over historical ticks and report on it
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-backtest.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#define US_PER_MINUTE G_GINT64_CONSTANT (60000000)
#define US_PER_DAY    G_GINT64_CONSTANT (86400000000)
#define DAYS_PER_YEAR 365.25

G_DEFINE_QUARK (ts-backtest-error-quark, ts_backtest_error)

/* ---- configuration ---------------------------------------------------- */

/* where each strategy's parameters live in a TsBacktestConfig */
static const struct
{
  const char *name;
  gsize       offset;
} strategy_params[] = {
  { "maxwell",    offsetof (TsBacktestConfig, maxwell) },
  { "momentum",   offsetof (TsBacktestConfig, momentum) },
  { "calculus",   offsetof (TsBacktestConfig, calculus) },
  { "pairs",      offsetof (TsBacktestConfig, pairs) },
  { "confluence", offsetof (TsBacktestConfig, confluence) },
};

static gsize
params_offset (const char *name)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (strategy_params); i++)
    if (strcmp (strategy_params[i].name, name) == 0)
      return strategy_params[i].offset;
  g_return_val_if_reached (offsetof (TsBacktestConfig, momentum));
}

/* the strategy of @config, momentum when unset or unknown */
static const TsStrategyInfo *
config_info (const TsBacktestConfig *config)
{
  const TsStrategyInfo *info = ts_strategy_info_lookup (config->strategy);

  return info != NULL ? info : ts_strategy_info_lookup ("momentum");
}

void
ts_backtest_config_init_default (TsBacktestConfig *config)
{
  g_return_if_fail (config != NULL);

  memset (config, 0, sizeof *config);
  config->strategy = "momentum";
  ts_momentum_params_init_default (&config->momentum);
  ts_maxwell_params_init_default (&config->maxwell);
  ts_calculus_params_init_default (&config->calculus);
  ts_pairs_params_init_default (&config->pairs);
  ts_confluence_params_init_default (&config->confluence);
  ts_risk_params_init_default (&config->risk);
  ts_broker_params_init_default (&config->broker);
}

gboolean
ts_backtest_config_set_strategy (TsBacktestConfig *config,
                                 const char       *name,
                                 GError          **error)
{
  const TsStrategyInfo *info;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ts_backtest_check_strategy (name, error))
    return FALSE;
  info = ts_strategy_info_lookup (name);
  config->strategy = info->name;
  return TRUE;
}

gpointer
ts_backtest_config_get_params (TsBacktestConfig *config)
{
  g_return_val_if_fail (config != NULL, NULL);

  return (char *) config + params_offset (config_info (config)->name);
}

/* The parameter @key names in @config, in this order: a risk or broker key;
 * a key of the chosen strategy, unprefixed; a GSettings name
 * "<prefix><key>" of any strategy (momentum's have no prefix). */
static const TsParamSpec *
resolve (const TsBacktestConfig *config,
         const char             *key,
         gsize                  *offset)
{
  const TsStrategyInfo *infos, *chosen = config_info (config);
  const TsParamSpec *specs, *spec;
  guint n, i;

  specs = ts_risk_params_get_specs (&n);
  if ((spec = ts_param_spec_find (specs, n, key)) != NULL)
    {
      *offset = offsetof (TsBacktestConfig, risk);
      return spec;
    }
  specs = ts_broker_params_get_specs (&n);
  if ((spec = ts_param_spec_find (specs, n, key)) != NULL)
    {
      *offset = offsetof (TsBacktestConfig, broker);
      return spec;
    }
  if ((spec = ts_param_spec_find (chosen->specs, chosen->n_specs, key)) != NULL)
    {
      *offset = params_offset (chosen->name);
      return spec;
    }
  infos = ts_strategy_info_list (&n);
  for (i = 0; i < n; i++)
    {
      const char *prefix = infos[i].settings_prefix;

      if (!g_str_has_prefix (key, prefix))
        continue;
      spec = ts_param_spec_find (infos[i].specs, infos[i].n_specs, key + strlen (prefix));
      if (spec != NULL)
        {
          *offset = params_offset (infos[i].name);
          return spec;
        }
    }
  return NULL;
}

static gpointer
build_key_names (gpointer data)
{
  GPtrArray *names = g_ptr_array_new ();
  const TsStrategyInfo *infos, *momentum = ts_strategy_info_lookup ("momentum");
  const TsParamSpec *specs;
  guint n, i, k;

  /* the schema's order: momentum, risk, broker, the other strategies */
  for (k = 0; k < momentum->n_specs; k++)
    g_ptr_array_add (names, (gpointer) momentum->specs[k].key);
  specs = ts_risk_params_get_specs (&n);
  for (k = 0; k < n; k++)
    g_ptr_array_add (names, (gpointer) specs[k].key);
  specs = ts_broker_params_get_specs (&n);
  for (k = 0; k < n; k++)
    g_ptr_array_add (names, (gpointer) specs[k].key);
  infos = ts_strategy_info_list (&n);
  for (i = 0; i < n; i++)
    {
      if (&infos[i] == momentum)
        continue;
      for (k = 0; k < infos[i].n_specs; k++)
        g_ptr_array_add (names, g_strconcat (infos[i].settings_prefix, infos[i].specs[k].key,
                                             NULL));
    }
  g_ptr_array_add (names, NULL);
  /* static: lives as long as the process */
  return g_ptr_array_free (names, FALSE);
}

const char *const *
ts_backtest_config_list_keys (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_key_names, NULL);
}

static gpointer
build_strategy_names (gpointer data)
{
  const TsStrategyInfo *infos;
  const char **names;
  guint n, i;

  infos = ts_strategy_info_list (&n);
  names = g_new0 (const char *, n + 1);
  for (i = 0; i < n; i++)
    names[i] = infos[i].name;
  return names;
}

const char *const *
ts_backtest_list_strategies (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, build_strategy_names, NULL);
}

gboolean
ts_backtest_check_strategy (const char *name,
                            GError    **error)
{
  const char *const *strategies = ts_backtest_list_strategies ();
  g_autofree char *valid = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (name != NULL && g_strv_contains (strategies, name))
    return TRUE;
  valid = g_strjoinv (", ", (char **) strategies);
  g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_UNKNOWN_STRATEGY,
               "unknown strategy “%s”; valid strategies: %s",
               name != NULL ? name : "", valid);
  return FALSE;
}

gboolean
ts_backtest_config_set (TsBacktestConfig *config,
                        const char       *key,
                        const char       *value,
                        GError          **error)
{
  const TsParamSpec *spec;
  g_autoptr(GError) local_error = NULL;
  gsize offset = 0;
  double v = 0.0;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  spec = resolve (config, key, &offset);
  if (spec == NULL)
    {
      const TsStrategyInfo *chosen = config_info (config);
      GString *valid = g_string_new (NULL);
      const TsParamSpec *specs;
      guint n, i;

      for (i = 0; i < chosen->n_specs; i++)
        g_string_append_printf (valid, "%s, ", chosen->specs[i].key);
      specs = ts_risk_params_get_specs (&n);
      for (i = 0; i < n; i++)
        g_string_append_printf (valid, "%s, ", specs[i].key);
      specs = ts_broker_params_get_specs (&n);
      for (i = 0; i < n; i++)
        g_string_append_printf (valid, "%s%s", specs[i].key, i + 1 < n ? ", " : "");
      g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_UNKNOWN_KEY,
                   "unknown parameter “%s”; valid parameters of %s: %s (or another "
                   "strategy's GSettings name, e.g. maxwell-ma-period)",
                   key, chosen->name, valid->str);
      g_string_free (valid, TRUE);
      return FALSE;
    }

  if (!ts_param_spec_parse (spec, value, &v, &local_error) ||
      !ts_param_spec_set_value (spec, (char *) config + offset, v, &local_error))
    {
      g_set_error_literal (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                           local_error->message);
      return FALSE;
    }
  return TRUE;
}

GVariant *
ts_backtest_config_get_value (const TsBacktestConfig *config,
                              const char             *key)
{
  const TsParamSpec *spec;
  gsize offset = 0;
  double v;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  spec = resolve (config, key, &offset);
  if (spec == NULL)
    return NULL;
  v = ts_param_spec_get_value (spec, (const char *) config + offset);
  switch (spec->type)
    {
    case TS_PARAM_DOUBLE:
      return g_variant_ref_sink (g_variant_new_double (v));
    case TS_PARAM_UINT:
      return g_variant_ref_sink (g_variant_new_uint32 ((guint32) v));
    case TS_PARAM_BOOLEAN:
      return g_variant_ref_sink (g_variant_new_boolean (v != 0.0));
    case TS_PARAM_CHOICE:
    default:
      {
        g_autofree char *nick = ts_param_spec_format (spec, v);

        return g_variant_ref_sink (g_variant_new_string (nick));
      }
    }
}

double
ts_backtest_cagr (double equity_start,
                  double equity_end,
                  gint64 span_us)
{
  double years;

  if (span_us <= 0 || !(equity_start > 0.0))
    return NAN;
  if (!(equity_end > 0.0))
    return -1.0;
  years = (double) span_us / ((double) US_PER_DAY * DAYS_PER_YEAR);
  return pow (equity_end / equity_start, 1.0 / years) - 1.0;
}

/* ---- the runner ------------------------------------------------------- */

struct _TsBacktest
{
  TsEngine *engine;
  TsBacktestConfig config;  /* a copy */
  const TsStrategyInfo *info;
  guint     strategy_id;    /* in a multi engine; 0 for momentum or none */
  gboolean  lazy;           /* one-symbol strategy waiting for its first trade */
  guint64   ignored_before; /* ticks the placeholder engine ignored */
  double    initial_capital;
  guint64   pushed;
  gint64    first_time_us;  /* of the first tick the engine took */
  gboolean  started;
  gint64    next_minute_us; /* the end of the minute of the last tick seen */
  GArray   *curve;          /* TsEquityPoint */
  gboolean  curve_tail;     /* the last point is the provisional last mark */
  GArray   *days;           /* TsBacktestDay, rebuilt from the curve */
};

static inline gint64
floor_div (gint64 a,
           gint64 b)
{
  gint64 q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/* the chosen strategy, made from @config's parameters; NULL when refused */
static TsStrategy *
make_strategy (const TsStrategyInfo   *info,
               const TsBacktestConfig *config)
{
  return info->new_strategy ((const char *) config + params_offset (info->name));
}

/* the symbols of the chosen strategy: @config->symbols, or for the pairs
 * strategy with none given its symbol_a and symbol_b */
static void
strategy_symbols (const TsBacktestConfig *config,
                  const TsStrategyInfo   *info,
                  const char             *out[TS_STRATEGY_MAX_SYMBOLS + 1])
{
  guint i;

  for (i = 0; i < info->n_symbols && i < TS_STRATEGY_MAX_SYMBOLS; i++)
    out[i] = config->symbols[i];
  out[i] = NULL;
  if (strcmp (info->name, "pairs") == 0 && config->symbols[0][0] == '\0' &&
      config->symbols[1][0] == '\0')
    {
      out[0] = config->pairs.symbol_a;
      out[1] = config->pairs.symbol_b;
    }
}

gboolean
ts_backtest_config_check (const TsBacktestConfig *config,
                          GError                **error)
{
  const TsStrategyInfo *info;
  const char *symbols[TS_STRATEGY_MAX_SYMBOLS + 1];
  TsStrategy *strategy;
  guint i;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ts_backtest_check_strategy (config->strategy, error))
    return FALSE;
  info = ts_strategy_info_lookup (config->strategy);
  strategy = make_strategy (info, config);
  if (strategy == NULL)
    {
      g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                   "the parameters of %s do not fit together (STRATEGIES.md section %u; "
                   "e.g. pairs: lookback <= formation-bars and stop-z > entry-z; "
                   "confluence: macd-slow > macd-fast)",
                   info->name, info->section);
      return FALSE;
    }
  ts_strategy_free (strategy);
  if (info->n_symbols > 1)
    {
      strategy_symbols (config, info, symbols);
      for (i = 0; i < info->n_symbols; i++)
        if (symbols[i][0] == '\0')
          {
            g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                         "%s trades %u symbols; give them all (e.g. BTCUSDT,ETHUSDT)",
                         info->name, info->n_symbols);
            return FALSE;
          }
    }
  return TRUE;
}

/* a multi engine with the chosen strategy on @symbols */
static void
start_multi (TsBacktest         *self,
             const char * const *symbols)
{
  TsStrategy *strategy;

  self->engine = ts_engine_new_multi (&self->config.risk, &self->config.broker);
  strategy = make_strategy (self->info, &self->config);
  if (strategy == NULL)
    {
      g_warning ("backtest: the parameters of %s do not fit together; it does not trade "
                 "(see ts_backtest_config_check())", self->info->name);
      return;
    }
  self->strategy_id = ts_engine_add_strategy (self->engine, strategy, symbols);
  if (self->strategy_id == 0)
    g_warning ("backtest: the engine refused %s on its symbols; it does not trade",
               self->info->name);
}

TsBacktest *
ts_backtest_new (const TsBacktestConfig *config)
{
  TsBacktest *self;

  self = g_new0 (TsBacktest, 1);
  if (config == NULL)
    ts_backtest_config_init_default (&self->config);
  else
    self->config = *config;
  self->info = config_info (&self->config);
  self->config.strategy = self->info->name;

  if (strcmp (self->info->name, "momentum") == 0)
    {
      /* the single engine: the live session's path when momentum trades alone */
      self->engine = ts_engine_new (&self->config.momentum, &self->config.risk,
                                    &self->config.broker);
      if (self->config.symbols[0][0] != '\0')
        ts_engine_set_symbol (self->engine, self->config.symbols[0]);
    }
  else if (self->info->n_symbols == 1 && self->config.symbols[0][0] == '\0')
    {
      /* a placeholder until the first trade names the symbol */
      self->engine = ts_engine_new_multi (&self->config.risk, &self->config.broker);
      self->lazy = TRUE;
    }
  else
    {
      const char *symbols[TS_STRATEGY_MAX_SYMBOLS + 1];

      strategy_symbols (&self->config, self->info, symbols);
      start_multi (self, symbols);
    }

  self->initial_capital = self->config.broker.initial_capital;
  self->next_minute_us = G_MININT64;
  self->curve = g_array_new (FALSE, FALSE, sizeof (TsEquityPoint));
  self->days = g_array_new (FALSE, FALSE, sizeof (TsBacktestDay));
  return self;
}

const char *
ts_backtest_get_strategy (const TsBacktest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->info->name;
}

const char *
ts_backtest_get_symbol (TsBacktest *self,
                        guint       index)
{
  TsStrategy *strategy;

  g_return_val_if_fail (self != NULL, "");

  if (index >= self->info->n_symbols)
    return "";
  if (strcmp (self->info->name, "momentum") == 0)
    {
      const char *s = ts_engine_get_symbol (self->engine);

      return s != NULL ? s : "";
    }
  if (self->strategy_id == 0)
    return "";
  strategy = ts_engine_get_strategy (self->engine, self->strategy_id);
  if (strategy == NULL || ts_strategy_get_symbol (strategy, index) == NULL)
    return "";
  return ts_strategy_get_symbol (strategy, index);
}

void
ts_backtest_free (TsBacktest *self)
{
  if (self == NULL)
    return;
  ts_engine_free (self->engine);
  g_array_unref (self->curve);
  g_array_unref (self->days);
  g_free (self);
}

TsEngine *
ts_backtest_get_engine (TsBacktest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->engine;
}

/* appends the engine's last mark, unless it is already the last point */
static void
sample (TsBacktest *self)
{
  TsLedgerStats s;
  TsEquityPoint p;

  ts_engine_get_stats (self->engine, &s);
  if (s.ticks == 0)
    return;
  if (self->curve->len > 0 &&
      g_array_index (self->curve, TsEquityPoint, self->curve->len - 1).time_us == s.time_us)
    return;
  p.time_us = s.time_us;
  p.equity = s.equity;
  p.drawdown = s.drawdown;
  g_array_append_val (self->curve, p);
}

/* a tick at @time_us is past the minute of the previous one */
static void
new_minute (TsBacktest *self,
            gint64      time_us)
{
  sample (self);
  self->next_minute_us = (floor_div (time_us, US_PER_MINUTE) + 1) * US_PER_MINUTE;
}

/* the last point of each UTC day ends it; the next day starts there */
static void
rebuild_days (TsBacktest *self)
{
  double start = self->initial_capital;
  guint i;

  g_array_set_size (self->days, 0);
  for (i = 0; i < self->curve->len; i++)
    {
      const TsEquityPoint *p = &g_array_index (self->curve, TsEquityPoint, i);
      gint64 day = floor_div (p->time_us, US_PER_DAY) * US_PER_DAY;
      TsBacktestDay *d = NULL;

      if (self->days->len > 0)
        d = &g_array_index (self->days, TsBacktestDay, self->days->len - 1);
      if (d == NULL || d->day_start_us != day)
        {
          TsBacktestDay nd = { day, d != NULL ? d->end_equity : start, 0.0, 0.0 };

          g_array_append_val (self->days, nd);
          d = &g_array_index (self->days, TsBacktestDay, self->days->len - 1);
        }
      d->end_equity = p->equity;
      d->pnl = d->end_equity - d->start_equity;
    }
}

/* the first trade of a lazy backtest: the real engine on its symbol */
static void
activate (TsBacktest *self,
          const char *symbol)
{
  const char *symbols[2] = { symbol, NULL };

  self->ignored_before += ts_engine_get_ignored_count (self->engine);
  ts_engine_free (self->engine);
  self->engine = NULL;
  self->lazy = FALSE;
  start_multi (self, symbols);
}

void
ts_backtest_run (TsBacktest            *self,
                 const TsTick          *ticks,
                 gsize                  n_ticks,
                 guint                  progress_steps,
                 TsBacktestProgressFunc progress,
                 gpointer               user_data)
{
  TsEngine *engine;
  gsize chunk, done = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (ticks != NULL || n_ticks == 0);

  engine = self->engine;
  if (self->curve_tail)
    {
      g_array_set_size (self->curve, self->curve->len - 1);
      self->curve_tail = FALSE;
    }

  if (progress == NULL || progress_steps == 0)
    chunk = n_ticks;
  else
    chunk = MAX ((n_ticks + progress_steps - 1) / progress_steps, 1);

  while (done < n_ticks)
    {
      gsize end = MIN (done + chunk, n_ticks);
      gsize i;

      for (i = done; i < end; i++)
        {
          const TsTick *t = &ticks[i];
          TsEngineEvents ev;

          if (G_UNLIKELY (self->lazy) && (t->flags & TS_TICK_TRADE) != 0 && ts_tick_is_valid (t))
            {
              activate (self, t->symbol);
              engine = self->engine;
            }
          if (G_UNLIKELY (t->time_us >= self->next_minute_us))
            new_minute (self, t->time_us);
          ev = ts_engine_push_tick (engine, t);
          if (G_UNLIKELY (!self->started) && (ev & TS_ENGINE_EVENT_IGNORED) == 0)
            {
              self->started = TRUE;
              self->first_time_us = t->time_us;
            }
        }
      self->pushed += end - done;
      done = end;
      if (progress != NULL && progress_steps > 0)
        progress (done, n_ticks, user_data);
    }

  /* the last mark, provisional until its minute closes */
  {
    guint before = self->curve->len;

    sample (self);
    self->curve_tail = self->curve->len > before;
  }
  rebuild_days (self);
}

void
ts_backtest_get_report (const TsBacktest *self,
                        TsBacktestReport *report)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (report != NULL);

  memset (report, 0, sizeof *report);
  ts_engine_get_stats (self->engine, &report->stats);
  report->ticks_pushed = self->pushed;
  report->ticks_ignored = self->ignored_before + ts_engine_get_ignored_count (self->engine);
  if (self->started)
    {
      report->first_time_us = self->first_time_us;
      report->last_time_us = report->stats.time_us;
      report->span_us = report->last_time_us - report->first_time_us;
    }
  report->cagr = ts_backtest_cagr (report->stats.initial_capital, report->stats.equity,
                                   report->span_us);
  report->n_days = self->days->len;
  ts_engine_get_decisions (self->engine, &report->n_decisions);
}

const TsEquityPoint *
ts_backtest_get_equity_curve (const TsBacktest *self,
                              guint            *n_points)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_points != NULL)
    *n_points = self->curve->len;
  return (const TsEquityPoint *) (gpointer) self->curve->data;
}

const TsBacktestDay *
ts_backtest_get_days (const TsBacktest *self,
                      guint            *n_days)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_days != NULL)
    *n_days = self->days->len;
  return (const TsBacktestDay *) (gpointer) self->days->data;
}

const TsTrade *
ts_backtest_get_trades (const TsBacktest *self,
                        guint            *n_trades)
{
  g_return_val_if_fail (self != NULL, NULL);
  return ts_engine_get_trades (self->engine, n_trades);
}
