/* ts-feed-error.c: the error domain of the feed layer
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-feed-error.h"

G_DEFINE_QUARK (ts-feed-error-quark, ts_feed_error)
