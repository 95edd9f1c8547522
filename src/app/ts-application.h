/* ts-application.h: the Tickscope application
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-session.h"

G_BEGIN_DECLS

#define TS_TYPE_APPLICATION (ts_application_get_type ())
G_DECLARE_FINAL_TYPE (TsApplication, ts_application, TS, APPLICATION, AdwApplication)

/**
 * ts_application_new:
 *
 * The application io.github.tickscope.Tickscope with its options (--mock,
 * --mock-speed, --connect, --screenshot, --screenshot-after) and actions
 * (app.start-mock-server, app.stop-mock-server, app.connect,
 * app.export-trades, app.preferences, app.shortcuts, app.about, app.quit).
 *
 * The environment variables TICKSCOPE_MOCK_PORT and TICKSCOPE_MOCK_SPEED,
 * when set, override the mock server's port (GSettings "mock-port") and
 * speed (--mock-speed, else 1) for app.start-mock-server: tests use them.
 *
 * Returns: (transfer full): a new application
 */
TsApplication *ts_application_new               (void);
/**
 * ts_application_get_session:
 * @self: an application
 *
 * Returns: (transfer none) (nullable): the session, created at startup
 */
TsSession     *ts_application_get_session       (TsApplication *self);
/**
 * ts_application_get_exit_status:
 * @self: an application
 *
 * Returns: 0, or 1 when --screenshot could not write its file
 */
int            ts_application_get_exit_status   (TsApplication *self);

G_END_DECLS
