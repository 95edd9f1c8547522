/* ts-store-error.c: the error domain of the store layer
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-store-error.h"

G_DEFINE_QUARK (ts-store-error-quark, ts_store_error)
