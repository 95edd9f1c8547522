/* ts-strategy-info.h: what the app, the backtest and the sweep know about
 * each strategy: its name, parameters and constructor
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ts-param-spec.h"
#include "ts-strategy.h"

G_BEGIN_DECLS

/**
 * TsStrategyInfo:
 * @name: the short name ("momentum", "maxwell", "calculus", "pairs",
 *   "confluence"), as in ts_strategy_get_name() and the GSettings
 *   `strategies` list
 * @title: the display name, title case, translatable (N_()):
 *   "Momentum Burst", "Maxwell Dip Buyer", "Calculus Trend",
 *   "Pairs Mean Reversion", "Technical Confluence"
 * @section: its section of STRATEGIES.md (1 .. 5)
 * @n_symbols: 1, or 2 for pairs
 * @default_symbols: comma-separated, on the mock server: "MOCK-BTC", or
 *   "MOCK-BTC,MOCK-ETH" for pairs
 * @settings_prefix: the GSettings key prefix of its parameters: "" for
 *   momentum (its keys predate the others: "window-seconds"), else the
 *   name and '-' ("maxwell-ma-period")
 * @params_size: sizeof its parameter struct (#TsMaxwellParams, …)
 * @init_default: writes the defaults (STRATEGIES.md) into a struct of
 *   @params_size bytes
 * @new_strategy: makes the strategy from a parameter struct (copied);
 *   %NULL when the struct is refused
 * @specs: its user-settable parameters (every field but symbols)
 * @n_specs: their number
 *
 * Static, constant data.
 */
typedef struct
{
  const char        *name;
  const char        *title;
  guint              section;
  guint              n_symbols;
  const char        *default_symbols;
  const char        *settings_prefix;
  gsize              params_size;
  void             (*init_default) (gpointer      params);
  TsStrategy      *(*new_strategy) (gconstpointer params);
  const TsParamSpec *specs;
  guint              n_specs;
} TsStrategyInfo;

/**
 * ts_strategy_info_list:
 * @n_infos: (out) (optional): how many (5)
 *
 * Returns: (array length=n_infos): every strategy, in STRATEGIES.md's
 *   order of sections: maxwell, momentum, calculus, pairs, confluence
 */
const TsStrategyInfo *ts_strategy_info_list   (guint      *n_infos);

/**
 * ts_strategy_info_lookup:
 * @name: a short name
 *
 * Returns: (nullable): the strategy called @name
 */
const TsStrategyInfo *ts_strategy_info_lookup (const char *name);

/**
 * ts_strategy_info_new_params:
 * @info: a strategy
 *
 * Returns: (transfer full): a g_malloc()ed struct of @info->params_size
 *   bytes holding the defaults; g_free() it
 */
gpointer    ts_strategy_info_new_params       (const TsStrategyInfo *info);

/**
 * ts_strategy_info_set_param:
 * @info: a strategy
 * @params: its parameter struct
 * @key: a key of @info->specs (no prefix)
 * @text: the value as text (ts_param_spec_parse())
 * @error: %TS_PARAM_ERROR_UNKNOWN_KEY, %TS_PARAM_ERROR_BAD_VALUE,
 *   %TS_PARAM_ERROR_OUT_OF_RANGE
 *
 * Returns: %TRUE when set
 */
gboolean    ts_strategy_info_set_param        (const TsStrategyInfo *info,
                                               gpointer              params,
                                               const char           *key,
                                               const char           *text,
                                               GError              **error);

G_END_DECLS
