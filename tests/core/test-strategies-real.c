/* test-strategies-real.c: every strategy on the real Binance recordings
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 3 point 4: determinism (the same ticks twice give byte-identical
 * trade lists), the momentum strategy through the strategy interface of a
 * multi engine trading exactly as ts_engine_new(), and each strategy
 * running on the recordings with well-formed fills. The trade counts
 * asserted are what the code computes on these files (regression values,
 * printed with --verbose); skipped when TS_SHARED_DATA is missing.
 */
#include <math.h>
#include <string.h>

#include "core/ts-engine.h"
#include "core/strategies/ts-calculus-strategy.h"
#include "core/strategies/ts-confluence-strategy.h"
#include "core/strategies/ts-maxwell-strategy.h"
#include "core/strategies/ts-momentum-strategy.h"
#include "core/strategies/ts-pairs-strategy.h"
#include "store/ts-trade-csv-reader.h"

static GArray *btc_ticks;
static GArray *merged_ticks; /* BTCUSDT and ETHUSDT merged by time */

static GArray *
load (const char *file)
{
  const char *dir = g_getenv ("TS_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ticks;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "binance-spot", file, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  ticks = ts_trade_csv_load_file (path, &error);
  g_assert_no_error (error);
  return ticks;
}

/* a stable merge by time: BTC first on equal times */
static GArray *
merge (GArray *a,
       GArray *b)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (TsTick), a->len + b->len);
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      if (j >= b->len ||
          (i < a->len && g_array_index (a, TsTick, i).time_us <= g_array_index (b, TsTick, j).time_us))
        g_array_append_val (out, g_array_index (a, TsTick, i++));
      else
        g_array_append_val (out, g_array_index (b, TsTick, j++));
    }
  return out;
}

typedef enum
{
  KIND_MOMENTUM,
  KIND_MAXWELL,
  KIND_MAXWELL_FIT,
  KIND_CALCULUS_KALMAN,
  KIND_CALCULUS_EMA,
  KIND_CONFLUENCE,
  KIND_PAIRS,
  N_KINDS
} Kind;

static const char *kind_names[N_KINDS] = {
  "momentum", "maxwell", "maxwell-fit", "calculus-kalman", "calculus-ema", "confluence", "pairs",
};

static TsEngine *
run_kind (Kind kind)
{
  TsEngine *e = ts_engine_new_multi (NULL, NULL);
  const char *btc[] = { "BTCUSDT", NULL };
  const char *pair[] = { "BTCUSDT", "ETHUSDT", NULL };
  GArray *ticks = kind == KIND_PAIRS ? merged_ticks : btc_ticks;
  guint id = 0, i;

  switch (kind)
    {
    case KIND_MOMENTUM:
      id = ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), btc);
      break;
    case KIND_MAXWELL:
      id = ts_engine_add_strategy (e, ts_maxwell_strategy_new (NULL), btc);
      break;
    case KIND_MAXWELL_FIT:
      {
        TsMaxwellParams p;

        ts_maxwell_params_init_default (&p);
        p.scale_mode = TS_MAXWELL_SCALE_FIT;
        id = ts_engine_add_strategy (e, ts_maxwell_strategy_new (&p), btc);
      }
      break;
    case KIND_CALCULUS_KALMAN:
      id = ts_engine_add_strategy (e, ts_calculus_strategy_new (NULL), btc);
      break;
    case KIND_CALCULUS_EMA:
      {
        TsCalculusParams p;

        ts_calculus_params_init_default (&p);
        p.derivative_source = TS_CALCULUS_SOURCE_EMA;
        id = ts_engine_add_strategy (e, ts_calculus_strategy_new (&p), btc);
      }
      break;
    case KIND_CONFLUENCE:
      id = ts_engine_add_strategy (e, ts_confluence_strategy_new (NULL), btc);
      break;
    case KIND_PAIRS:
      id = ts_engine_add_strategy (e, ts_pairs_strategy_new (NULL), pair);
      break;
    case N_KINDS:
    default:
      g_assert_not_reached ();
    }
  g_assert_cmpuint (id, ==, 1);

  for (i = 0; i < ticks->len; i++)
    ts_engine_push_tick (e, &g_array_index (ticks, TsTick, i));
  return e;
}

static void
assert_same_trades (const TsTrade *a,
                    const TsTrade *b,
                    guint          n,
                    gboolean       same_id)
{
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (a[i].entry_time_us, ==, b[i].entry_time_us);
      g_assert_cmpint (a[i].exit_time_us, ==, b[i].exit_time_us);
      g_assert_cmpint (a[i].side, ==, b[i].side);
      g_assert_cmpmem (&a[i].size, sizeof (double), &b[i].size, sizeof (double));
      g_assert_cmpmem (&a[i].entry_price, sizeof (double), &b[i].entry_price, sizeof (double));
      g_assert_cmpmem (&a[i].exit_price, sizeof (double), &b[i].exit_price, sizeof (double));
      g_assert_cmpmem (&a[i].fees, sizeof (double), &b[i].fees, sizeof (double));
      g_assert_cmpmem (&a[i].pnl, sizeof (double), &b[i].pnl, sizeof (double));
      g_assert_cmpmem (&a[i].pnl_pct, sizeof (double), &b[i].pnl_pct, sizeof (double));
      g_assert_cmpstr (a[i].reason, ==, b[i].reason);
      g_assert_cmpmem (a[i].symbol, TS_SYMBOL_MAX, b[i].symbol, TS_SYMBOL_MAX);
      if (same_id)
        g_assert_cmpuint (a[i].strategy_id, ==, b[i].strategy_id);
    }
}

static gboolean
have_data (void)
{
  if (btc_ticks == NULL || merged_ticks == NULL)
    {
      g_test_skip ("TS_SHARED_DATA/binance-spot/trades_{BTC,ETH}USDT_20240808.csv not found");
      return FALSE;
    }
  return TRUE;
}

static void
test_momentum_same_as_default_engine (void)
{
  g_autoptr(TsEngine) legacy = NULL;
  g_autoptr(TsEngine) multi = NULL;
  const TsTrade *ta, *tb;
  const TsFill *fa, *fb;
  guint na, nb, nfa, nfb, nda, ndb;
  TsLedgerStats sa, sb;

  if (!have_data ())
    return;

  legacy = ts_engine_new (NULL, NULL, NULL);
  for (guint i = 0; i < btc_ticks->len; i++)
    ts_engine_push_tick (legacy, &g_array_index (btc_ticks, TsTick, i));
  multi = run_kind (KIND_MOMENTUM);

  ta = ts_engine_get_trades (legacy, &na);
  tb = ts_engine_get_trades (multi, &nb);
  g_assert_cmpuint (na, ==, nb);
  g_assert_cmpuint (na, >, 0);
  assert_same_trades (ta, tb, na, FALSE);
  g_assert_cmpuint (ta[0].strategy_id, ==, 0);
  g_assert_cmpuint (tb[0].strategy_id, ==, 1);

  fa = ts_engine_get_fills (legacy, &nfa);
  fb = ts_engine_get_fills (multi, &nfb);
  g_assert_cmpuint (nfa, ==, nfb);
  for (guint i = 0; i < nfa; i++)
    {
      g_assert_cmpmem (&fa[i].price, sizeof (double), &fb[i].price, sizeof (double));
      g_assert_cmpstr (fa[i].reason, ==, fb[i].reason);
    }
  ts_engine_get_decisions (legacy, &nda);
  ts_engine_get_decisions (multi, &ndb);
  g_assert_cmpuint (nda, ==, ndb);

  ts_engine_get_stats (legacy, &sa);
  g_assert_true (ts_engine_get_strategy_stats (multi, 1, &sb));
  g_assert_cmpmem (&sa.equity, sizeof (double), &sb.equity, sizeof (double));
  g_assert_cmpmem (&sa.sharpe, sizeof (double), &sb.sharpe, sizeof (double));
  g_assert_cmpuint (sa.ticks, ==, sb.ticks);
  /* one strategy: the portfolio is that strategy */
  ts_engine_get_portfolio_stats (multi, &sb);
  g_assert_cmpfloat_with_epsilon (sa.equity, sb.equity, 1e-6);
  g_assert_cmpuint (sa.trades, ==, sb.trades);
  g_test_message ("momentum: %u trades, equity %.6f, max drawdown %.4f", na, sa.equity, sa.max_drawdown);
}

/* regression counts on the recordings, see the file comment */
static const guint expected_trades[N_KINDS] = {
  14, 0, 46, 14, 13, 0, 0,
};

static void
test_deterministic_and_well_formed (gconstpointer data)
{
  Kind kind = GPOINTER_TO_UINT (data);
  g_autoptr(TsEngine) a = NULL;
  g_autoptr(TsEngine) b = NULL;
  const TsTrade *ta, *tb;
  const TsFill *f;
  guint na, nb, nf, nd, i;
  TsLedgerStats s;

  if (!have_data ())
    return;

  a = run_kind (kind);
  b = run_kind (kind);
  ta = ts_engine_get_trades (a, &na);
  tb = ts_engine_get_trades (b, &nb);
  g_assert_cmpuint (na, ==, nb);
  assert_same_trades (ta, tb, na, TRUE);

  ts_engine_get_decisions (a, &nd);
  ts_engine_get_strategy_stats (a, 1, &s);
  g_test_message ("%s: %u trades, %u decisions, equity %.6f", kind_names[kind], na, nd, s.equity);
  if (expected_trades[kind] != G_MAXUINT)
    g_assert_cmpuint (na, ==, expected_trades[kind]);
  g_assert_cmpuint (s.trades, ==, na);

  /* fills: well-formed, in time order, opens and closes alternating per leg */
  f = ts_engine_get_fills (a, &nf);
  for (i = 0; i < nf; i++)
    {
      g_assert_true (f[i].side == TS_SIDE_BUY || f[i].side == TS_SIDE_SELL);
      g_assert_true (isfinite (f[i].price) && f[i].price > 0.0);
      g_assert_true (isfinite (f[i].size) && f[i].size > 0.0);
      g_assert_true (isfinite (f[i].fee) && f[i].fee >= 0.0);
      g_assert_nonnull (f[i].reason);
      g_assert_cmpuint (f[i].strategy_id, ==, 1);
      g_assert_true (strcmp (f[i].symbol, "BTCUSDT") == 0 || strcmp (f[i].symbol, "ETHUSDT") == 0);
      if (i > 0)
        g_assert_cmpint (f[i].time_us, >=, f[i - 1].time_us);
    }
  /* each trade is one (or, for pairs, two) opening and closing fills */
  g_assert_cmpuint (nf, >=, 2 * na * (kind == KIND_PAIRS ? 2 : 1));
  for (i = 0; i < na; i++)
    {
      double gross = ta[i].side * ta[i].size * (ta[i].exit_price - ta[i].entry_price);

      g_assert_cmpfloat_with_epsilon (ta[i].pnl, gross - ta[i].fees, 1e-6);
      g_assert_cmpint (ta[i].exit_time_us, >=, ta[i].entry_time_us);
      g_assert_cmpuint (ta[i].strategy_id, ==, 1);
    }
}

static void
test_all_at_once (void)
{
  g_autoptr(TsEngine) e = NULL;
  const char *btc[] = { "BTCUSDT", NULL };
  const char *eth[] = { "ETHUSDT", NULL };
  const char *pair[] = { "BTCUSDT", "ETHUSDT", NULL };
  TsRiskParams r;
  TsLedgerStats p, s;
  double sum = 0.0;
  guint i, total = 0;

  if (!have_data ())
    return;

  /* several strategies on one symbol: let each hold its own position */
  ts_risk_params_init_default (&r);
  r.max_positions_per_symbol = 10;
  r.max_positions_total = 10;
  e = ts_engine_new_multi (&r, NULL);
  g_assert_cmpuint (ts_engine_add_strategy (e, ts_momentum_strategy_new (NULL), btc), ==, 1);
  g_assert_cmpuint (ts_engine_add_strategy (e, ts_maxwell_strategy_new (NULL), eth), ==, 2);
  g_assert_cmpuint (ts_engine_add_strategy (e, ts_calculus_strategy_new (NULL), btc), ==, 3);
  g_assert_cmpuint (ts_engine_add_strategy (e, ts_confluence_strategy_new (NULL), btc), ==, 4);
  g_assert_cmpuint (ts_engine_add_strategy (e, ts_pairs_strategy_new (NULL), pair), ==, 5);
  for (i = 0; i < merged_ticks->len; i++)
    ts_engine_push_tick (e, &g_array_index (merged_ticks, TsTick, i));

  ts_engine_get_portfolio_stats (e, &p);
  for (i = 1; i <= 5; i++)
    {
      g_assert_true (ts_engine_get_strategy_stats (e, i, &s));
      sum += s.equity - s.initial_capital;
      total += s.trades;
    }
  g_assert_false (ts_engine_get_strategy_stats (e, 6, &s));
  /* portfolio equity = initial + the sum of the equity changes */
  g_assert_cmpfloat_with_epsilon (p.equity, p.initial_capital + sum, 1e-6);
  g_assert_cmpuint (p.trades, ==, total);
  g_assert_cmpuint (ts_engine_get_ignored_count (e), ==, 0);
  g_test_message ("all at once: %u trades, portfolio equity %.6f, max drawdown %.4f",
                  total, p.equity, p.max_drawdown);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) eth = NULL;
  int rc;

  g_test_init (&argc, &argv, NULL);

  btc_ticks = load ("trades_BTCUSDT_20240808.csv");
  eth = load ("trades_ETHUSDT_20240808.csv");
  if (btc_ticks != NULL && eth != NULL)
    merged_ticks = merge (btc_ticks, eth);

  g_test_add_func ("/core/strategies-real/momentum-same-as-default-engine",
                   test_momentum_same_as_default_engine);
  for (guint k = 0; k < N_KINDS; k++)
    {
      g_autofree char *path = g_strdup_printf ("/core/strategies-real/%s/deterministic-and-well-formed",
                                               kind_names[k]);

      g_test_add_data_func (path, GUINT_TO_POINTER (k), test_deterministic_and_well_formed);
    }
  g_test_add_func ("/core/strategies-real/all-at-once", test_all_at_once);

  rc = g_test_run ();
  g_clear_pointer (&btc_ticks, g_array_unref);
  g_clear_pointer (&merged_ticks, g_array_unref);
  return rc;
}
