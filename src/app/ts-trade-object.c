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
  char   *strategy_name;
};

G_DEFINE_FINAL_TYPE (TsTradeObject, ts_trade_object, G_TYPE_OBJECT)

static void
ts_trade_object_finalize (GObject *object)
{
  TsTradeObject *self = (TsTradeObject *)object;

  g_free (self->strategy_name);

  G_OBJECT_CLASS (ts_trade_object_parent_class)->finalize (object);
}

static void
ts_trade_object_class_init (TsTradeObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ts_trade_object_finalize;
}

static void
ts_trade_object_init (TsTradeObject *self)
{
}

TsTradeObject *
ts_trade_object_new (const TsTrade *trade)
{
  return ts_trade_object_new_full (trade, NULL);
}

TsTradeObject *
ts_trade_object_new_full (const TsTrade *trade,
                          const char    *strategy_name)
{
  TsTradeObject *self;

  g_return_val_if_fail (trade != NULL, NULL);

  self = g_object_new (TS_TYPE_TRADE_OBJECT, NULL);
  self->trade = *trade;
  self->strategy_name = g_strdup (strategy_name);
  return self;
}

const TsTrade *
ts_trade_object_get_trade (TsTradeObject *self)
{
  g_return_val_if_fail (TS_IS_TRADE_OBJECT (self), NULL);

  return &self->trade;
}

const char *
ts_trade_object_get_strategy_name (TsTradeObject *self)
{
  g_return_val_if_fail (TS_IS_TRADE_OBJECT (self), NULL);

  return self->strategy_name;
}
