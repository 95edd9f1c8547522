/* ts-tick.c: one market event, a trade or a quote
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-tick-private.h"

void
ts_tick_set_symbol (TsTick     *tick,
                    const char *symbol)
{
  gsize n = 0;

  g_return_if_fail (tick != NULL);

  memset (tick->symbol, 0, sizeof tick->symbol);
  if (symbol == NULL)
    return;

  n = strlen (symbol);
  if (n > TS_SYMBOL_MAX - 1)
    n = TS_SYMBOL_MAX - 1;
  memcpy (tick->symbol, symbol, n);
}

gboolean
ts_tick_is_valid (const TsTick *tick)
{
  return _ts_tick_is_valid (tick);
}
