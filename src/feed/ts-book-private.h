/* ts-book-private.h: a small sorted L2 book per symbol, for top-of-book quotes
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "../core/ts-tick.h"

G_BEGIN_DECLS

typedef struct
{
  double price;
  double size;
} TsBookLevel;

/* Both sides kept sorted with the best level LAST (bids ascending, asks
 * descending), so changes near the top move little memory. */
typedef struct
{
  GArray     *bids;        /* TsBookLevel */
  GArray     *asks;        /* TsBookLevel */
  gboolean    ready;       /* a snapshot was applied */
  gboolean    emitted;     /* last_bid/last_ask hold the last emitted top */
  TsBookLevel last_bid;
  TsBookLevel last_ask;
} TsBook;

TsBook  *_ts_book_new          (void);
void     _ts_book_free         (TsBook            *book);
/* Empties both sides; the last emitted top is kept, so a snapshot that
 * repeats the top gives no new quote. */
void     _ts_book_clear        (TsBook            *book);
/* Sets the size at @price on one side; @size 0 removes the level. */
void     _ts_book_set          (TsBook            *book,
                                gboolean           is_bid,
                                double             price,
                                double             size);
/* The best levels; FALSE when a side is empty. */
gboolean _ts_book_get_top      (const TsBook      *book,
                                TsBookLevel       *bid,
                                TsBookLevel       *ask);
/* When both sides are non-empty, bid <= ask, and the top (prices and
 * sizes) differs from the last one taken: fills @tick's quote group,
 * remembers the top, returns TRUE. */
gboolean _ts_book_take_changed_top (TsBook        *book,
                                    TsTick        *tick);

G_END_DECLS
