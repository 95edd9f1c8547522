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
 * The window on g_settings_new (APP_ID): see
 * ts_preferences_window_new_for_settings().
 *
 * Returns: (transfer none): a new preferences window
 */
GtkWindow *ts_preferences_window_new              (GtkWindow *parent);

/**
 * ts_preferences_window_new_for_settings:
 * @parent: (nullable): the window it is modal for
 * @settings: (nullable): settings of schema APP_ID; %NULL for
 *   g_settings_new (APP_ID)
 *
 * Pages: "strategies" (enable switches, symbols, reset of every key), one
 * page per strategy named after it ("maxwell", …; ts_strategy_info_list()),
 * "risk" (ts_risk_params_get_specs()), "broker"
 * (ts_broker_params_get_specs()) and "mock". A spec page has one group per
 * #TsParamSpec group and one row per spec, named after its GSettings key
 * (the strategy's settings_prefix + spec key): a GtkSpinButton on
 * [min, max] with the spec's step and digits and the unit beside it, a
 * GtkSwitch or an AdwComboRow of the choices; and a "reset-<page>" button
 * resetting the page's keys (undoable from its toast).
 *
 * Every row is bound to its key with g_settings_bind(): a change is
 * written at once, and the session applies it to the running engine. A
 * key missing from the schema leaves its row out with a warning.
 *
 * Returns: (transfer none): a new preferences window
 */
GtkWindow *ts_preferences_window_new_for_settings (GtkWindow *parent,
                                                   GSettings *settings);

G_END_DECLS
