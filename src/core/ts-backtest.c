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

typedef enum
{
  KEY_DOUBLE,
  KEY_UINT,
  KEY_BOOL,
} KeyType;

typedef struct
{
  const char *name;
  KeyType     type;
  double      min;
  double      max;
  gsize       offset;
} KeyInfo;

#define OFF(field) offsetof (TsBacktestConfig, field)

/* data/io.github.tickscope.Tickscope.gschema.xml: names, types and ranges */
static const KeyInfo keys[] = {
  { "window-seconds",          KEY_DOUBLE, 1,        3600,       OFF (momentum.window_seconds) },
  { "min-ticks",               KEY_UINT,   2,        100000,     OFF (momentum.min_ticks) },
  { "entry-threshold",         KEY_DOUBLE, 0,        0.1,        OFF (momentum.entry_threshold) },
  { "volume-spike-multiplier", KEY_DOUBLE, 0,        100,        OFF (momentum.volume_spike_multiplier) },
  { "volatility-guard",        KEY_DOUBLE, 0,        0.1,        OFF (momentum.volatility_guard) },
  { "profit-target",           KEY_DOUBLE, 0.00001,  0.5,        OFF (momentum.profit_target) },
  { "stop-loss",               KEY_DOUBLE, 0.00001,  0.5,        OFF (momentum.stop_loss) },
  { "time-stop-seconds",       KEY_DOUBLE, 0.1,      86400,      OFF (momentum.time_stop_seconds) },
  { "flat-candles",            KEY_UINT,   1,        1000,       OFF (momentum.flat_candles) },
  { "flat-threshold",          KEY_DOUBLE, 0,        0.1,        OFF (momentum.flat_threshold) },
  { "allow-short",             KEY_BOOL,   0,        1,          OFF (momentum.allow_short) },
  { "position-size",           KEY_DOUBLE, 0.000001, 1000000,    OFF (momentum.position_size) },
  { "daily-loss-limit-pct",    KEY_DOUBLE, 0.1,      100,        OFF (risk.daily_loss_limit_pct) },
  { "cooldown-signals",        KEY_UINT,   0,        100,        OFF (risk.cooldown_signals) },
  { "slippage-bps",            KEY_DOUBLE, 0,        1000,       OFF (broker.slippage_bps) },
  { "taker-fee-bps",           KEY_DOUBLE, 0,        1000,       OFF (broker.taker_fee_bps) },
  { "initial-capital",         KEY_DOUBLE, 1,        1000000000, OFF (broker.initial_capital) },
};

static const char *const key_names[] = {
  "window-seconds", "min-ticks", "entry-threshold", "volume-spike-multiplier",
  "volatility-guard", "profit-target", "stop-loss", "time-stop-seconds",
  "flat-candles", "flat-threshold", "allow-short", "position-size",
  "daily-loss-limit-pct", "cooldown-signals", "slippage-bps", "taker-fee-bps",
  "initial-capital", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (keys) + 1 == G_N_ELEMENTS (key_names));

static const char *const strategies[] = { "momentum", NULL };

void
ts_backtest_config_init_default (TsBacktestConfig *config)
{
  g_return_if_fail (config != NULL);

  ts_momentum_params_init_default (&config->momentum);
  ts_risk_params_init_default (&config->risk);
  ts_broker_params_init_default (&config->broker);
}

const char *const *
ts_backtest_config_list_keys (void)
{
  return key_names;
}

const char *const *
ts_backtest_list_strategies (void)
{
  return strategies;
}

gboolean
ts_backtest_check_strategy (const char *name,
                            GError    **error)
{
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

static gboolean
parse_bool (const char *text,
            gboolean   *out)
{
  static const char *const yes[] = { "true", "yes", "1", "on" };
  static const char *const no[] = { "false", "no", "0", "off" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (yes); i++)
    {
      if (g_ascii_strcasecmp (text, yes[i]) == 0)
        {
          *out = TRUE;
          return TRUE;
        }
      if (g_ascii_strcasecmp (text, no[i]) == 0)
        {
          *out = FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
ts_backtest_config_set (TsBacktestConfig *config,
                        const char       *key,
                        const char       *value,
                        GError          **error)
{
  const KeyInfo *info = NULL;
  g_autofree char *text = NULL;
  char *field;
  guint i;

  g_return_val_if_fail (config != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (i = 0; i < G_N_ELEMENTS (keys); i++)
    if (strcmp (keys[i].name, key) == 0)
      info = &keys[i];
  if (info == NULL)
    {
      g_autofree char *valid = g_strjoinv (", ", (char **) key_names);

      g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_UNKNOWN_KEY,
                   "unknown parameter “%s”; valid parameters: %s", key, valid);
      return FALSE;
    }

  text = g_strstrip (g_strdup (value));
  field = (char *) config + info->offset;

  switch (info->type)
    {
    case KEY_DOUBLE:
      {
        char *end = NULL;
        double v = g_ascii_strtod (text, &end);

        if (*text == '\0' || *end != '\0' || !isfinite (v) || v < info->min || v > info->max)
          {
            g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                         "%s: “%s” is not a number from %g to %g",
                         key, value, info->min, info->max);
            return FALSE;
          }
        memcpy (field, &v, sizeof v);
      }
      break;

    case KEY_UINT:
      {
        guint64 v = 0;

        if (!g_ascii_string_to_unsigned (text, 10, (guint64) info->min, (guint64) info->max,
                                         &v, NULL))
          {
            g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                         "%s: “%s” is not a whole number from %g to %g",
                         key, value, info->min, info->max);
            return FALSE;
          }
        {
          guint u = (guint) v;

          memcpy (field, &u, sizeof u);
        }
      }
      break;

    case KEY_BOOL:
      {
        gboolean b = FALSE;

        if (!parse_bool (text, &b))
          {
            g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                         "%s: “%s” is not true or false", key, value);
            return FALSE;
          }
        memcpy (field, &b, sizeof b);
      }
      break;

    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

GVariant *
ts_backtest_config_get_value (const TsBacktestConfig *config,
                              const char             *key)
{
  const char *field;
  guint i;

  g_return_val_if_fail (config != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (strcmp (keys[i].name, key) != 0)
        continue;
      field = (const char *) config + keys[i].offset;
      switch (keys[i].type)
        {
        case KEY_DOUBLE:
          {
            double v;

            memcpy (&v, field, sizeof v);
            return g_variant_ref_sink (g_variant_new_double (v));
          }
        case KEY_UINT:
          {
            guint v;

            memcpy (&v, field, sizeof v);
            return g_variant_ref_sink (g_variant_new_uint32 (v));
          }
        case KEY_BOOL:
        default:
          {
            gboolean v;

            memcpy (&v, field, sizeof v);
            return g_variant_ref_sink (g_variant_new_boolean (v));
          }
        }
    }
  return NULL;
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

TsBacktest *
ts_backtest_new (const TsBacktestConfig *config)
{
  TsBacktestConfig c;
  TsBacktest *self;

  if (config == NULL)
    ts_backtest_config_init_default (&c);
  else
    c = *config;

  self = g_new0 (TsBacktest, 1);
  self->engine = ts_engine_new (&c.momentum, &c.risk, &c.broker);
  self->initial_capital = c.broker.initial_capital;
  self->next_minute_us = G_MININT64;
  self->curve = g_array_new (FALSE, FALSE, sizeof (TsEquityPoint));
  self->days = g_array_new (FALSE, FALSE, sizeof (TsBacktestDay));
  return self;
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
  report->ticks_ignored = ts_engine_get_ignored_count (self->engine);
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
