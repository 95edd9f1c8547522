/* ts-connect-dialog.h: choose a source of ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TS_TYPE_CONNECT_DIALOG (ts_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TsConnectDialog, ts_connect_dialog, TS, CONNECT_DIALOG, AdwWindow)

/**
 * ts_connect_dialog_new:
 * @parent: (nullable): the window it is modal for
 *
 * The "Connect to a Source" dialog: the embedded mock server, a venue
 * (Binance, Coinbase, Bybit) with symbols and URL, or a recording file with
 * a replay speed. It shows the choices kept in GSettings (keys "source",
 * "<venue>-symbols", "<venue>-url", "replay-path", "replay-speed"); its
 * Connect button stores the choices there and activates "app.connect-source",
 * which connects. UI thread only.
 *
 * Returns: (transfer none): the new dialog, not yet presented
 */
TsConnectDialog *ts_connect_dialog_new              (GtkWindow       *parent);

/**
 * ts_connect_dialog_set_source:
 * @source: "mock", "binance", "coinbase", "bybit" or "recording"
 *
 * Selects a source, as the user would.
 */
void             ts_connect_dialog_set_source       (TsConnectDialog *self,
                                                     const char      *source);

/**
 * ts_connect_dialog_set_replay_path:
 * @path: (nullable): a recording file, as if chosen in the file chooser
 */
void             ts_connect_dialog_set_replay_path  (TsConnectDialog *self,
                                                     const char      *path);

/**
 * ts_connect_dialog_get_replay_path:
 *
 * Returns: (nullable) (transfer none): the recording chosen, or %NULL
 */
const char      *ts_connect_dialog_get_replay_path  (TsConnectDialog *self);

G_END_DECLS
