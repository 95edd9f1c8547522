/* ts-tick-private.h: tick checks inlined on the hot path
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <math.h>
#include <string.h>

#include "ts-tick.h"

G_BEGIN_DECLS

/* finite and strictly positive; false for NaN */
static inline gboolean
_ts_tick_positive_finite (double x)
{
  return x > 0.0 && x < INFINITY;
}

static inline gboolean
_ts_tick_is_valid (const TsTick *tick)
{
  if (tick == NULL)
    return FALSE;
  if ((tick->flags & (TS_TICK_TRADE | TS_TICK_QUOTE | TS_TICK_FUNDING)) == 0)
    return FALSE;
  if ((tick->flags & ~(TS_TICK_TRADE | TS_TICK_QUOTE | TS_TICK_FUNDING)) != 0)
    return FALSE;
  /* the symbol must be NUL-terminated inside its array */
  if (tick->symbol[TS_SYMBOL_MAX - 1] != '\0' &&
      memchr (tick->symbol, '\0', sizeof tick->symbol) == NULL)
    return FALSE;

  if ((tick->flags & TS_TICK_TRADE) != 0 &&
      !(_ts_tick_positive_finite (tick->price) && _ts_tick_positive_finite (tick->size)))
    return FALSE;

  if ((tick->flags & TS_TICK_QUOTE) != 0 &&
      !(_ts_tick_positive_finite (tick->bid) && _ts_tick_positive_finite (tick->ask) &&
        _ts_tick_positive_finite (tick->bid_size) && _ts_tick_positive_finite (tick->ask_size) &&
        tick->bid <= tick->ask))
    return FALSE;

  if (G_UNLIKELY ((tick->flags & TS_TICK_FUNDING) != 0) && !isfinite (tick->funding_rate))
    return FALSE;

  return TRUE;
}

G_END_DECLS
