/* ts-trade-object.c: a closed trade as a list item
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ts-trade-object.h"

struct _TsTradeObject
{
  GObject parent_instance;
  TsTrade trade;
};

G_DEFINE_FINAL_TYPE (TsTradeObject, ts_trade_object, G_TYPE_OBJECT)

static void
ts_trade_object_class_init (TsTradeObjectClass *klass)
{
}

static void
ts_trade_object_init (TsTradeObject *self)
{
}

TsTradeObject *
ts_trade_object_new (const TsTrade *trade)
{
  TsTradeObject *self;

  g_return_val_if_fail (trade != NULL, NULL);

  self = g_object_new (TS_TYPE_TRADE_OBJECT, NULL);
  self->trade = *trade;
  return self;
}

const TsTrade *
ts_trade_object_get_trade (TsTradeObject *self)
{
  g_return_val_if_fail (TS_IS_TRADE_OBJECT (self), NULL);

  return &self->trade;
}
