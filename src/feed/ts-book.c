/* ts-book.c: a small sorted L2 book per symbol, for top-of-book quotes
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-book-private.h"

TsBook *
_ts_book_new (void)
{
  TsBook *book = g_new0 (TsBook, 1);

  book->bids = g_array_new (FALSE, FALSE, sizeof (TsBookLevel));
  book->asks = g_array_new (FALSE, FALSE, sizeof (TsBookLevel));
  return book;
}

void
_ts_book_free (TsBook *book)
{
  if (book == NULL)
    return;
  g_array_unref (book->bids);
  g_array_unref (book->asks);
  g_free (book);
}

void
_ts_book_clear (TsBook *book)
{
  g_array_set_size (book->bids, 0);
  g_array_set_size (book->asks, 0);
  book->ready = FALSE;
}

/* Bids ascending, asks descending: the best level is the last one. Returns
 * the index of @price or where it goes; *found says which. */
static guint
find_level (GArray   *side,
            gboolean  is_bid,
            double    price,
            gboolean *found)
{
  guint lo = 0, hi = side->len;

  /* updates mostly touch the top: try the end first */
  if (hi > 0)
    {
      double last = g_array_index (side, TsBookLevel, hi - 1).price;

      if (last == price)
        {
          *found = TRUE;
          return hi - 1;
        }
      if (is_bid ? price > last : price < last)
        {
          *found = FALSE;
          return hi;
        }
    }
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      double p = g_array_index (side, TsBookLevel, mid).price;

      if (p == price)
        {
          *found = TRUE;
          return mid;
        }
      if (is_bid ? p < price : p > price)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = FALSE;
  return lo;
}

void
_ts_book_set (TsBook   *book,
              gboolean  is_bid,
              double    price,
              double    size)
{
  GArray *side = is_bid ? book->bids : book->asks;
  gboolean found;
  guint i = find_level (side, is_bid, price, &found);

  if (size == 0.0)
    {
      if (found)
        g_array_remove_index (side, i);
      return;
    }
  if (found)
    g_array_index (side, TsBookLevel, i).size = size;
  else
    {
      TsBookLevel level = { price, size };

      g_array_insert_val (side, i, level);
    }
}

gboolean
_ts_book_get_top (const TsBook *book,
                  TsBookLevel  *bid,
                  TsBookLevel  *ask)
{
  if (book->bids->len == 0 || book->asks->len == 0)
    return FALSE;
  *bid = g_array_index (book->bids, TsBookLevel, book->bids->len - 1);
  *ask = g_array_index (book->asks, TsBookLevel, book->asks->len - 1);
  return TRUE;
}

gboolean
_ts_book_take_changed_top (TsBook *book,
                           TsTick *tick)
{
  TsBookLevel bid, ask;

  if (!_ts_book_get_top (book, &bid, &ask) || bid.price > ask.price)
    return FALSE;
  if (book->emitted
      && bid.price == book->last_bid.price && bid.size == book->last_bid.size
      && ask.price == book->last_ask.price && ask.size == book->last_ask.size)
    return FALSE;
  book->emitted = TRUE;
  book->last_bid = bid;
  book->last_ask = ask;
  tick->bid = bid.price;
  tick->bid_size = bid.size;
  tick->ask = ask.price;
  tick->ask_size = ask.size;
  tick->flags |= TS_TICK_QUOTE;
  return TRUE;
}
