/* ts-tick-log.h: the last ticks, newest on top
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ts-session.h"

G_BEGIN_DECLS

#define TS_TYPE_TICK_LOG (ts_tick_log_get_type ())
G_DECLARE_FINAL_TYPE (TsTickLog, ts_tick_log, TS, TICK_LOG, GtkWidget)

/**
 * ts_tick_log_set_lines:
 * @self: a tick log
 * @lines: (array length=n_lines): the last ticks, oldest first
 * @n_lines: how many (at most %TS_SESSION_LOG_LINES are shown)
 *
 * Shows @lines, newest on top: time, price, bid, ask, size; or, for a
 * rejected message (flags 0), its receive time and reason.
 */
void ts_tick_log_set_lines (TsTickLog           *self,
                            const TsTickLogLine *lines,
                            guint                n_lines);

G_END_DECLS
