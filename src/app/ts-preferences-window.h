/* ts-preferences-window.h: strategy, risk, broker and mock server settings
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TS_TYPE_PREFERENCES_WINDOW (ts_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TsPreferencesWindow, ts_preferences_window, TS, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/**
 * ts_preferences_window_new:
 * @parent: (nullable): the window it is modal for
 *
 * Every row is bound to its GSettings key with g_settings_bind(): a change
 * is written at once, and the session applies it to the running engine.
 *
 * Returns: (transfer none): a new preferences window
 */
GtkWindow *ts_preferences_window_new (GtkWindow *parent);

G_END_DECLS
