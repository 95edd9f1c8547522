/* tickscope-backtest.c: run a strategy over historical files, print its metrics
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: tickscope-backtest [OPTION…] FILE…
 *
 * FILE: trades CSV (Binance, or time,price,size[,side]), OHLCV bar CSV, or a
 * Binance raw-message recording (.gz); the format of each is detected from
 * its name and first line (ts_history_detect()). The ticks of all files are
 * merged into one stream in time order (a stable sort: ties keep the file
 * order) by #TsHistoryLoader, the loader of the app's Backtest view too,
 * and run through one TsEngine with ts_engine_push_tick(), the path of a
 * live session (ts_backtest_new()): --strategy momentum (the default) on
 * the single engine, the others (maxwell, calculus, pairs, confluence) on a
 * multi engine. A one-symbol strategy trades the --symbols (or --symbol),
 * or the first symbol it sees with a trade; pairs needs --symbols A,B.
 * Ticks of other symbols are ignored.
 *
 * Parameters, later ones overriding earlier ones: the defaults
 * (STRATEGIES.md, the GSettings schema's), then --settings FILE, then each
 * --param KEY=VALUE in order, then --fee-bps, --slippage-bps and
 * --capital. KEY is a key of the strategy's parameter table
 * (ts_strategy_info_lookup(): "ma-period" for maxwell), a risk or broker
 * key ("cooldown-signals", "taker-fee-bps"; "max-leverage" is the risk
 * manager's), or any GSettings key name of a strategy parameter
 * ("maxwell-ma-period", "calculus-max-leverage", "window-seconds"): see
 * ts_backtest_config_set().
 *
 * The settings file is a GKeyFile: KEY=VALUE lines in a group named after
 * the strategy ([maxwell]); a file with no group header at all is read as
 * if it began with that group, so plain KEY=VALUE lines work too. Lines
 * starting with "#" are comments.
 *
 * --equity-csv writes time,equity,drawdown sampled once per minute of tick
 * time (the equity at each minute's last tick, stamped with that tick's
 * time) plus the last tick's point. --trades-csv writes the closed trades
 * (TsTradeCsvWriter, formula-injection safe).
 *
 * The report goes to stdout: text, or JSON with --json. Progress goes to
 * stderr: live when stderr is a terminal, else a line every 10 %; --quiet
 * turns progress and notes off.
 *
 * Exit status: 0 success, 1 a data or I/O error (the GError message, with
 * the line number for a bad row), 2 a usage error.
 */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "core/ts-backtest.h"
#include "feed/ts-history-loader.h"
#include "store/ts-trade-csv-writer.h"

#define PROG "tickscope-backtest"
#define EXIT_DATA 1
#define EXIT_USAGE 2
#define MAX_BAD_LINES_SHOWN 20
#define US_PER_DAY G_GINT64_CONSTANT (86400000000)

typedef struct
{
  char    *strategy;
  char   **params;
  char    *settings;
  double   fee_bps;
  double   slippage_bps;
  double   capital;
  char    *symbol;
  char    *symbols;
  double   bar_seconds;
  gboolean skip_bad_rows;
  char    *trades_csv;
  char    *equity_csv;
  gboolean json;
  gboolean quiet;
  char   **files;
} Options;

typedef struct
{
  gboolean tty;
  gboolean quiet;
  guint    last_shown; /* percent */
} Progress;

/* ---- parameters --------------------------------------------------------- */

static gboolean
load_settings (const char       *path,
               const char       *strategy,
               TsBacktestConfig *config,
               int              *status,
               GError          **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) keys = NULL;
  const char *p;
  gsize len = 0;
  guint i;

  if (!g_file_get_contents (path, &contents, &len, error))
    {
      *status = EXIT_DATA;
      return FALSE;
    }

  /* plain KEY=VALUE lines: an implicit group named after the strategy */
  for (p = contents; *p != '\0'; )
    {
      const char *eol = strchr (p, '\n');
      const char *q = p;

      while (*q == ' ' || *q == '\t' || *q == '\r')
        q++;
      if (*q != '\n' && *q != '\0' && *q != '#')
        break;
      p = eol != NULL ? eol + 1 : p + strlen (p);
    }
  if (*p != '[')
    {
      char *with_group = g_strdup_printf ("[%s]\n%s", strategy, contents);

      g_free (contents);
      contents = with_group;
      len = strlen (contents);
    }

  *status = EXIT_USAGE;
  if (!g_key_file_load_from_data (kf, contents, len, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
      return FALSE;
    }
  if (!g_key_file_has_group (kf, strategy))
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   "%s: no [%s] group", name, strategy);
      return FALSE;
    }
  keys = g_key_file_get_keys (kf, strategy, NULL, NULL);
  for (i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *value = g_key_file_get_value (kf, strategy, keys[i], NULL);

      if (!ts_backtest_config_set (config, keys[i], value != NULL ? value : "", &local_error))
        {
          g_set_error (error, local_error->domain, local_error->code,
                       "%s: %s", name, local_error->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
apply_param (TsBacktestConfig *config,
             const char       *param,
             GError          **error)
{
  const char *eq = strchr (param, '=');
  g_autofree char *key = NULL;

  if (eq == NULL || eq == param)
    {
      g_set_error (error, TS_BACKTEST_ERROR, TS_BACKTEST_ERROR_BAD_VALUE,
                   "--param “%s” is not KEY=VALUE", param);
      return FALSE;
    }
  key = g_strstrip (g_strndup (param, (gsize) (eq - param)));
  return ts_backtest_config_set (config, key, eq + 1, error);
}

static gboolean
set_number (TsBacktestConfig *config,
            const char       *key,
            double            value,
            GError          **error)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return TRUE; /* not given */
  g_ascii_dtostr (buf, sizeof buf, value);
  return ts_backtest_config_set (config, key, buf, error);
}

/* ---- loading ------------------------------------------------------------ */

static void
note_bad_lines (const Options *opt,
                const char    *path,
                const guint   *lines,
                guint          n)
{
  g_autoptr(GString) s = NULL;
  g_autofree char *name = NULL;
  guint i;

  if (n == 0 || opt->quiet)
    return;
  name = g_filename_display_name (path);
  s = g_string_new (NULL);
  g_string_printf (s, "%s: skipped %u bad row%s on line%s", name, n,
                   n == 1 ? "" : "s", n == 1 ? "" : "s");
  for (i = 0; i < n && i < MAX_BAD_LINES_SHOWN; i++)
    g_string_append_printf (s, "%s %u", i == 0 ? "" : ",", lines[i]);
  if (n > MAX_BAD_LINES_SHOWN)
    g_string_append (s, ", …");
  g_printerr ("%s: %s\n", PROG, s->str);
}

/* appends the ticks of @path to @loader */
static gboolean
load_file (const Options   *opt,
           TsHistoryLoader *loader,
           const char      *path,
           GError         **error)
{
  const guint *bad;
  guint n_bad = 0;

  if (!ts_history_loader_add_file (loader, path, NULL, NULL, NULL, error))
    return FALSE;
  bad = ts_history_loader_get_bad_lines (loader, path, &n_bad);
  note_bad_lines (opt, path, bad, n_bad);
  return TRUE;
}

/* ---- progress ----------------------------------------------------------- */

static void
on_progress (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Progress *p = user_data;
  guint pct = total > 0 ? (guint) (done * 100 / total) : 100;

  if (p->quiet)
    return;
  if (p->tty)
    {
      g_printerr ("\r%s: %3u %%", PROG, pct);
      if (done == total)
        g_printerr ("\r\033[K");
    }
  else if (pct >= p->last_shown + 10 || (done == total && pct != p->last_shown))
    {
      g_printerr ("%s: %u %% of %" G_GUINT64_FORMAT " ticks\n", PROG, pct, total);
      p->last_shown = pct;
    }
}

/* ---- the report --------------------------------------------------------- */

static char *
format_time (gint64 time_us)
{
  char buf[32];

  return g_strdup (ts_trade_csv_format_time (time_us, buf));
}

static char *
format_day (gint64 day_start_us)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day_start_us / G_USEC_PER_SEC);

  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("?");
}

static const char *
side_name (TsSide side)
{
  return side == TS_SIDE_BUY ? "LONG" : side == TS_SIDE_SELL ? "SHORT" : "FLAT";
}

/* "BTCUSDT", "BTCUSDT/ETHUSDT", or "(none)" */
static char *
traded_symbols (TsBacktest *bt)
{
  const TsStrategyInfo *info = ts_strategy_info_lookup (ts_backtest_get_strategy (bt));
  GString *s = g_string_new (NULL);
  guint i;

  for (i = 0; i < info->n_symbols; i++)
    {
      const char *sym = ts_backtest_get_symbol (bt, i);

      if (sym[0] == '\0')
        continue;
      g_string_append_printf (s, "%s%s", s->len > 0 ? "/" : "", sym);
    }
  if (s->len == 0)
    g_string_append (s, "(none)");
  return g_string_free (s, FALSE);
}

static void
print_text (const Options          *opt,
            TsBacktestConfig       *config,
            TsBacktest             *bt,
            const TsBacktestReport *r,
            const char             *symbol,
            double                  load_s,
            double                  run_s)
{
  const TsLedgerStats *s = &r->stats;
  const TsBacktestDay *days;
  g_autofree char *first = format_time (r->first_time_us);
  g_autofree char *last = format_time (r->last_time_us);
  double span_days = (double) r->span_us / (double) US_PER_DAY;
  guint n_days = 0, i;

  days = ts_backtest_get_days (bt, &n_days);

  {
    const TsStrategyInfo *info = ts_strategy_info_lookup (config->strategy);
    gconstpointer params = ts_backtest_config_get_params (config);
    GString *line = g_string_new (NULL);
    guint k;

    printf ("Strategy            %s (%s, STRATEGIES.md section %u) on %s\n", info->name,
            info->title, info->section, symbol);
    for (k = 0; k < info->n_specs; k++)
      {
        g_autofree char *v = ts_param_spec_format (&info->specs[k],
                                                   ts_param_spec_get_value (&info->specs[k], params));

        g_string_append_printf (line, "%s%s=%s", k > 0 ? " " : "", info->specs[k].key, v);
      }
    printf ("Parameters          %s\n", line->str);
    g_string_free (line, TRUE);
  }
  printf ("Period              %s to %s (%.4g days)\n", first, last, span_days);
  printf ("Ticks processed     %" G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT " ignored: other symbols or invalid)\n",
          r->ticks_pushed, r->ticks_ignored);
  printf ("Throughput          %.3g ticks/s (run %.3f s; load %.3f s)\n",
          run_s > 0.0 ? (double) r->ticks_pushed / run_s : INFINITY, run_s, load_s);
  printf ("\n");
  printf ("Trades              %u (%u wins, %u losses)\n", s->trades, s->wins, s->losses);
  printf ("Win rate            %.2f %%\n", s->win_rate * 100.0);
  printf ("Average win         %.2f\n", s->avg_win);
  printf ("Average loss        %.2f\n", s->avg_loss);
  printf ("Expectancy          %.4f per trade\n", s->expectancy);
  printf ("Profit factor       %.4g\n", s->profit_factor);
  printf ("Consecutive losses  %u now, %u max\n", s->consecutive_losses, s->max_consecutive_losses);
  printf ("Max drawdown        %.4f %% (%.2f)\n", s->max_drawdown * 100.0, s->max_drawdown_amount);
  printf ("Sharpe              %.4g (one-minute log returns, annualised)\n", s->sharpe);
  printf ("Sortino             %.4g\n", s->sortino);
  printf ("Exposure            %.2f %% of the time in a position\n", s->exposure * 100.0);
  printf ("CAGR                %.6g %%%s\n", r->cagr * 100.0,
          r->span_us < US_PER_DAY ? " (meaningless: the span is under a day)" : "");
  printf ("Fees paid           %.2f\n", s->fees);
  printf ("Total P&L           %.2f (realized %.2f, unrealized %.2f)\n",
          s->total_pnl, s->realized_pnl, s->unrealized_pnl);
  printf ("Equity              %.2f from %.2f\n", s->equity, s->initial_capital);
  if (s->position_side != TS_SIDE_NONE)
    printf ("Open position       %s %g at %.2f\n", side_name (s->position_side),
            s->position_size, s->position_entry_price);
  if (s->halted)
    printf ("Halted              entries halted by the daily loss limit\n");
  printf ("Daily P&L (UTC)\n");
  for (i = 0; i < n_days; i++)
    {
      g_autofree char *day = format_day (days[i].day_start_us);

      printf ("  %s        %.2f\n", day, days[i].pnl);
    }
}

static void
add_double (JsonBuilder *b,
            const char  *name,
            double       v)
{
  json_builder_set_member_name (b, name);
  /* JSON has no infinity or NaN */
  if (isfinite (v))
    json_builder_add_double_value (b, v);
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, v);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, v);
}

/* the value of @spec in @params as JSON */
static void
add_param (JsonBuilder       *b,
           const char        *name,
           const TsParamSpec *spec,
           gconstpointer      params)
{
  double v = ts_param_spec_get_value (spec, params);

  json_builder_set_member_name (b, name);
  switch (spec->type)
    {
    case TS_PARAM_DOUBLE:
      json_builder_add_double_value (b, v);
      break;
    case TS_PARAM_UINT:
      json_builder_add_int_value (b, (gint64) v);
      break;
    case TS_PARAM_BOOLEAN:
      json_builder_add_boolean_value (b, v != 0.0);
      break;
    case TS_PARAM_CHOICE:
    default:
      {
        g_autofree char *nick = ts_param_spec_format (spec, v);

        json_builder_add_string_value (b, nick);
      }
      break;
    }
}

static void
print_json (const Options          *opt,
            TsBacktestConfig       *config,
            TsBacktest             *bt,
            const TsBacktestReport *r,
            const char             *symbol,
            double                  load_s,
            double                  run_s)
{
  const TsLedgerStats *s = &r->stats;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *first = format_time (r->first_time_us);
  g_autofree char *last = format_time (r->last_time_us);
  const TsStrategyInfo *info = ts_strategy_info_lookup (config->strategy);
  gconstpointer params = ts_backtest_config_get_params (config);
  const TsParamSpec *specs;
  const TsBacktestDay *days;
  guint n_days = 0, n_specs = 0, i;

  days = ts_backtest_get_days (bt, &n_days);

  json_builder_begin_object (b);
  add_string (b, "strategy", info->name);
  add_string (b, "strategy_title", info->title);
  add_string (b, "symbol", symbol);
  json_builder_set_member_name (b, "symbols");
  json_builder_begin_array (b);
  for (i = 0; i < info->n_symbols; i++)
    json_builder_add_string_value (b, ts_backtest_get_symbol (bt, i));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "files");
  json_builder_begin_array (b);
  for (i = 0; opt->files[i] != NULL; i++)
    {
      g_autofree char *name = g_filename_display_name (opt->files[i]);

      json_builder_add_string_value (b, name);
    }
  json_builder_end_array (b);

  /* the GSettings names of the strategy's, the risk and the broker
   * parameters; then the strategy's own keys */
  json_builder_set_member_name (b, "params");
  json_builder_begin_object (b);
  for (i = 0; i < info->n_specs; i++)
    {
      g_autofree char *name = g_strconcat (info->settings_prefix, info->specs[i].key, NULL);

      add_param (b, name, &info->specs[i], params);
    }
  specs = ts_risk_params_get_specs (&n_specs);
  for (i = 0; i < n_specs; i++)
    add_param (b, specs[i].key, &specs[i], &config->risk);
  specs = ts_broker_params_get_specs (&n_specs);
  for (i = 0; i < n_specs; i++)
    add_param (b, specs[i].key, &specs[i], &config->broker);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "strategy_params");
  json_builder_begin_object (b);
  for (i = 0; i < info->n_specs; i++)
    add_param (b, info->specs[i].key, &info->specs[i], params);
  json_builder_end_object (b);

  add_int (b, "ticks_processed", (gint64) r->ticks_pushed);
  add_int (b, "ticks_ignored", (gint64) r->ticks_ignored);
  add_string (b, "first_tick_time", first);
  add_string (b, "last_tick_time", last);
  add_double (b, "span_seconds", (double) r->span_us / 1e6);

  add_int (b, "trades", s->trades);
  add_int (b, "wins", s->wins);
  add_int (b, "losses", s->losses);
  add_double (b, "win_rate", s->win_rate);
  add_double (b, "avg_win", s->avg_win);
  add_double (b, "avg_loss", s->avg_loss);
  add_double (b, "expectancy", s->expectancy);
  add_double (b, "profit_factor", s->profit_factor);
  json_builder_set_member_name (b, "profit_factor_infinite");
  json_builder_add_boolean_value (b, isinf (s->profit_factor));
  add_int (b, "consecutive_losses", s->consecutive_losses);
  add_int (b, "max_consecutive_losses", s->max_consecutive_losses);
  add_double (b, "max_drawdown", s->max_drawdown);
  add_double (b, "max_drawdown_pct", s->max_drawdown * 100.0);
  add_double (b, "max_drawdown_amount", s->max_drawdown_amount);
  add_double (b, "sharpe", s->sharpe);
  add_double (b, "sortino", s->sortino);
  add_double (b, "exposure", s->exposure);
  add_double (b, "cagr", r->cagr);
  json_builder_set_member_name (b, "cagr_meaningful");
  json_builder_add_boolean_value (b, r->span_us >= US_PER_DAY);
  add_double (b, "fees", s->fees);
  add_double (b, "total_pnl", s->total_pnl);
  add_double (b, "realized_pnl", s->realized_pnl);
  add_double (b, "unrealized_pnl", s->unrealized_pnl);
  add_double (b, "initial_capital", s->initial_capital);
  add_double (b, "final_equity", s->equity);
  add_double (b, "daily_pnl_current", s->daily_pnl);
  json_builder_set_member_name (b, "halted");
  json_builder_add_boolean_value (b, s->halted);
  add_int (b, "risk_decisions", r->n_decisions);

  json_builder_set_member_name (b, "open_position");
  if (s->position_side == TS_SIDE_NONE)
    json_builder_add_null_value (b);
  else
    {
      json_builder_begin_object (b);
      add_string (b, "side", side_name (s->position_side));
      add_double (b, "size", s->position_size);
      add_double (b, "entry_price", s->position_entry_price);
      json_builder_end_object (b);
    }

  json_builder_set_member_name (b, "daily_pnl");
  json_builder_begin_array (b);
  for (i = 0; i < n_days; i++)
    {
      g_autofree char *day = format_day (days[i].day_start_us);

      json_builder_begin_object (b);
      add_string (b, "date", day);
      add_double (b, "start_equity", days[i].start_equity);
      add_double (b, "end_equity", days[i].end_equity);
      add_double (b, "pnl", days[i].pnl);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_double (b, "load_seconds", load_s);
  add_double (b, "run_seconds", run_s);
  add_double (b, "ticks_per_second", run_s > 0.0 ? (double) r->ticks_pushed / run_s : INFINITY);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

/* ---- main --------------------------------------------------------------- */

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_printerr ("%s: %s\nTry “%s --help” for more information.\n", PROG, message, PROG);
  return EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  Options opt = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(TsHistoryLoader) loader = NULL;
  g_autoptr(TsBacktest) bt = NULL;
  g_autofree char *symbol = NULL;
  g_autofree char *keys_text = NULL;
  g_autofree char *description = NULL;
  TsBacktestConfig config;
  TsBacktestReport report;
  Progress progress = { 0 };
  gint64 t0, t1, t2;
  int status = EXIT_USAGE;
  guint i;
  const GOptionEntry entries[] = {
    { "strategy", 's', 0, G_OPTION_ARG_STRING, &opt.strategy, "The strategy: maxwell, momentum (default), calculus, pairs or confluence", "NAME" },
    { "param", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &opt.params, "Set a parameter, e.g. window-seconds=20 or (maxwell) ma-period=20 (repeatable)", "KEY=VALUE" },
    { "settings", 0, 0, G_OPTION_ARG_FILENAME, &opt.settings, "Read parameters from a KEY=VALUE file (a [NAME] group of the strategy, optional)", "FILE" },
    { "fee-bps", 0, 0, G_OPTION_ARG_DOUBLE, &opt.fee_bps, "Taker fee on every fill, basis points (default 1)", "BPS" },
    { "slippage-bps", 0, 0, G_OPTION_ARG_DOUBLE, &opt.slippage_bps, "Slippage on every fill, basis points (default 0.5)", "BPS" },
    { "capital", 0, 0, G_OPTION_ARG_DOUBLE, &opt.capital, "Initial capital, quote currency (default 10000)", "AMOUNT" },
    { "symbol", 0, 0, G_OPTION_ARG_STRING, &opt.symbol, "Trade this symbol (default: the first traded); also names the ticks of files without a symbol column", "SYMBOL" },
    { "symbols", 0, 0, G_OPTION_ARG_STRING, &opt.symbols, "The symbols the strategy trades, comma-separated (pairs: A,B)", "A[,B]" },
    { "bar-seconds", 0, 0, G_OPTION_ARG_DOUBLE, &opt.bar_seconds, "Length of the bars of OHLCV files (default: the smallest gap between bars)", "SECONDS" },
    { "skip-bad-rows", 0, 0, G_OPTION_ARG_NONE, &opt.skip_bad_rows, "Skip bad CSV rows (their line numbers go to stderr) instead of failing", NULL },
    { "trades-csv", 0, 0, G_OPTION_ARG_FILENAME, &opt.trades_csv, "Write the closed trades as CSV", "FILE" },
    { "equity-csv", 0, 0, G_OPTION_ARG_FILENAME, &opt.equity_csv, "Write time,equity,drawdown per minute of tick time plus the last tick", "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opt.json, "Print the report as JSON", NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &opt.quiet, "No progress or notes on stderr", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt.files, NULL, "FILE…" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* the report's numbers in the C locale, whatever LC_NUMERIC says */
  setlocale (LC_NUMERIC, "C");

  opt.fee_bps = NAN;
  opt.slippage_bps = NAN;
  opt.capital = NAN;

  {
    const TsStrategyInfo *infos;
    GString *text = g_string_new (NULL);
    const TsParamSpec *specs;
    guint n, k;

    infos = ts_strategy_info_list (&n);
    for (i = 0; i < n; i++)
      {
        g_string_append_printf (text, "\n  %s:", infos[i].name);
        for (k = 0; k < infos[i].n_specs; k++)
          g_string_append_printf (text, " %s", infos[i].specs[k].key);
      }
    g_string_append (text, "\n  risk:");
    specs = ts_risk_params_get_specs (&n);
    for (k = 0; k < n; k++)
      g_string_append_printf (text, " %s", specs[k].key);
    g_string_append (text, "\n  broker:");
    specs = ts_broker_params_get_specs (&n);
    for (k = 0; k < n; k++)
      g_string_append_printf (text, " %s", specs[k].key);
    keys_text = g_string_free (text, FALSE);
  }
  description = g_strdup_printf (
    "FILE: a trades CSV (Binance trade_id,price,qty,trade_time_ms,is_buyer_maker,symbol, or\n"
    "time,price,size[,side] with time in ISO 8601, s, ms, µs or ns), an OHLCV CSV\n"
    "(timestamp,open,high,low,close,volume; each bar runs as four ticks O, nearer extreme,\n"
    "farther extreme, C), or a Binance recording (.gz). Several files are merged by time.\n\n"
    "Parameters (KEY of --param; the risk and broker keys win over a strategy's, whose\n"
    "GSettings name <strategy>-KEY, e.g. calculus-max-leverage, always works):%s\n"
    "Precedence: defaults < --settings < --param < --fee-bps/--slippage-bps/--capital.\n\n"
    "Exit status: 0 success, 1 data or I/O error, 2 usage error.", keys_text);

  context = g_option_context_new ("- backtest a strategy on historical data");
  g_option_context_set_summary (context,
                                "Runs the engine of a live session over historical ticks as fast as it can\n"
                                "and prints the metrics of STRATEGIES.md \"Metrics\", CAGR and throughput.");
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      status = usage_error (context, error->message);
      goto out;
    }

  if (opt.strategy == NULL)
    opt.strategy = g_strdup ("momentum");
  ts_backtest_config_init_default (&config);
  if (!ts_backtest_config_set_strategy (&config, opt.strategy, &error))
    {
      status = usage_error (context, error->message);
      goto out;
    }
  if (opt.files == NULL || opt.files[0] == NULL)
    {
      status = usage_error (context, "no data file given");
      goto out;
    }
  if (!(opt.bar_seconds >= 0.0) || opt.bar_seconds > 86400.0 * 366)
    {
      status = usage_error (context, "--bar-seconds must be from 0 to a year");
      goto out;
    }
  if (opt.symbol != NULL && strlen (opt.symbol) >= TS_SYMBOL_MAX)
    {
      status = usage_error (context, "--symbol is longer than 23 bytes");
      goto out;
    }
  if (opt.symbol != NULL)
    g_strlcpy (config.symbols[0], opt.symbol, sizeof config.symbols[0]);
  if (opt.symbols != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (opt.symbols, ",", -1);
      guint n = g_strv_length (parts);

      if (n > TS_STRATEGY_MAX_SYMBOLS)
        {
          status = usage_error (context, "--symbols lists too many symbols");
          goto out;
        }
      for (i = 0; i < n; i++)
        {
          g_strstrip (parts[i]);
          if (parts[i][0] == '\0' || strlen (parts[i]) >= TS_SYMBOL_MAX)
            {
              status = usage_error (context, "--symbols: each symbol must have 1 to 23 bytes");
              goto out;
            }
          g_strlcpy (config.symbols[i], parts[i], sizeof config.symbols[i]);
        }
    }

  /* parameters */
  if (opt.settings != NULL && !load_settings (opt.settings, opt.strategy, &config, &status, &error))
    {
      if (status == EXIT_USAGE)
        usage_error (context, error->message);
      else
        g_printerr ("%s: %s\n", PROG, error->message);
      goto out;
    }
  for (i = 0; opt.params != NULL && opt.params[i] != NULL; i++)
    if (!apply_param (&config, opt.params[i], &error))
      {
        status = usage_error (context, error->message);
        goto out;
      }
  if (!set_number (&config, "taker-fee-bps", opt.fee_bps, &error) ||
      !set_number (&config, "slippage-bps", opt.slippage_bps, &error) ||
      !set_number (&config, "initial-capital", opt.capital, &error))
    {
      status = usage_error (context, error->message);
      goto out;
    }
  if (ts_strategy_info_lookup (config.strategy)->n_symbols > 1 && config.symbols[1][0] == '\0')
    {
      g_autofree char *msg = g_strdup_printf ("%s trades two symbols: give them with --symbols A,B",
                                              config.strategy);

      status = usage_error (context, msg);
      goto out;
    }
  if (!ts_backtest_config_check (&config, &error))
    {
      status = usage_error (context, error->message);
      goto out;
    }

  /* data */
  status = EXIT_DATA;
  t0 = g_get_monotonic_time ();
  loader = ts_history_loader_new ();
  ts_history_loader_set_symbol (loader, opt.symbol);
  ts_history_loader_set_bar_seconds (loader, opt.bar_seconds);
  ts_history_loader_set_skip_bad_rows (loader, opt.skip_bad_rows);
  for (i = 0; opt.files[i] != NULL; i++)
    if (!load_file (&opt, loader, opt.files[i], &error))
      {
        g_printerr ("%s: %s\n", PROG, error->message);
        goto out;
      }
  ticks = ts_history_loader_steal_ticks (loader);
  t1 = g_get_monotonic_time ();

  /* the run */
  bt = ts_backtest_new (&config);
  progress.quiet = opt.quiet;
  progress.tty = isatty (STDERR_FILENO);
  ts_backtest_run (bt, (const TsTick *) (gpointer) ticks->data, ticks->len,
                   progress.tty ? 100 : 10, on_progress, &progress);
  t2 = g_get_monotonic_time ();
  ts_backtest_get_report (bt, &report);
  symbol = traded_symbols (bt);

  if (!opt.quiet && report.stats.ticks == 0)
    g_printerr ("%s: note: the engine took no tick (no trade of %s)\n", PROG,
                config.symbols[0][0] != '\0' ? config.symbols[0] : "any symbol");

  /* outputs */
  if (opt.trades_csv != NULL)
    {
      guint n = 0;
      const TsTrade *trades = ts_backtest_get_trades (bt, &n);

      if (!ts_trade_csv_writer_write_file (opt.trades_csv, trades, n, &error))
        {
          g_printerr ("%s: %s\n", PROG, error->message);
          goto out;
        }
    }
  if (opt.equity_csv != NULL)
    {
      guint n = 0;
      const TsEquityPoint *points = ts_backtest_get_equity_curve (bt, &n);

      if (!ts_equity_csv_writer_write_file (opt.equity_csv, points, n, &error))
        {
          g_printerr ("%s: %s\n", PROG, error->message);
          goto out;
        }
    }

  if (opt.json)
    print_json (&opt, &config, bt, &report, symbol, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  else
    print_text (&opt, &config, bt, &report, symbol, (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("%s: could not write the report: %s\n", PROG, g_strerror (errno));
      goto out;
    }
  status = EXIT_SUCCESS;

out:
  g_free (opt.strategy);
  g_strfreev (opt.params);
  g_free (opt.settings);
  g_free (opt.symbol);
  g_free (opt.symbols);
  g_free (opt.trades_csv);
  g_free (opt.equity_csv);
  g_strfreev (opt.files);
  return status;
}
