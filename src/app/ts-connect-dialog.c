/* ts-connect-dialog.c: choose a source of ticks
 *
 * Copyright 2026 The Tickscope authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ts-connect-dialog.h"

/* the rows of the source combo, in order */
static const char * const source_ids[] = { "mock", "binance", "coinbase", "bybit", "recording" };
enum { SOURCE_MOCK, SOURCE_BINANCE, SOURCE_COINBASE, SOURCE_BYBIT, SOURCE_RECORDING, N_SOURCES };

struct _TsConnectDialog
{
  AdwWindow             parent_instance;

  AdwComboRow          *source_row;
  AdwPreferencesGroup  *mock_group;
  AdwPreferencesGroup  *venue_group;
  AdwPreferencesGroup  *recording_group;
  AdwEntryRow          *symbols_row;
  AdwEntryRow          *url_row;
  AdwActionRow         *file_row;
  GtkSpinButton        *speed_spin;
  GtkWidget            *connect_button;

  GSettings            *settings;
  guint                 shown;               /* the source whose texts the rows show */
  char                 *symbols[N_SOURCES];  /* edits per venue */
  char                 *urls[N_SOURCES];
  char                 *replay_path;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (TsConnectDialog, ts_connect_dialog, ADW_TYPE_WINDOW)

static gboolean
is_venue (guint source)
{
  return source == SOURCE_BINANCE || source == SOURCE_COINBASE || source == SOURCE_BYBIT;
}

static void
update_sensitivity (TsConnectDialog *self)
{
  guint source = adw_combo_row_get_selected (self->source_row);
  gboolean ok = TRUE;

  if (source == SOURCE_RECORDING)
    ok = self->replay_path != NULL && self->replay_path[0] != '\0';
  else if (is_venue (source))
    {
      g_autofree char *symbols = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->symbols_row)));

      ok = g_strstrip (symbols)[0] != '\0';
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.connect", ok);
}

static void
stash_venue_texts (TsConnectDialog *self)
{
  if (!is_venue (self->shown))
    return;
  g_free (self->symbols[self->shown]);
  self->symbols[self->shown] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->symbols_row)));
  g_free (self->urls[self->shown]);
  self->urls[self->shown] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row)));
}

static void
on_source_changed (TsConnectDialog *self)
{
  guint source = adw_combo_row_get_selected (self->source_row);

  stash_venue_texts (self);
  if (source >= N_SOURCES)
    source = SOURCE_MOCK;

  gtk_widget_set_visible (GTK_WIDGET (self->mock_group), source == SOURCE_MOCK);
  gtk_widget_set_visible (GTK_WIDGET (self->venue_group), is_venue (source));
  gtk_widget_set_visible (GTK_WIDGET (self->recording_group), source == SOURCE_RECORDING);

  if (is_venue (source))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->symbols_row), self->symbols[source]);
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), self->urls[source]);
    }
  self->shown = source;
  update_sensitivity (self);
}

static void
on_symbols_changed (TsConnectDialog *self)
{
  update_sensitivity (self);
}

static void
connect_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TsConnectDialog *self = TS_CONNECT_DIALOG (widget);
  guint source = adw_combo_row_get_selected (self->source_row);
  GApplication *app = g_application_get_default ();

  if (source >= N_SOURCES)
    return;
  stash_venue_texts (self);

  /* one batch of changes: "source" and its details land together */
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "source", source_ids[source]);
  for (guint i = SOURCE_BINANCE; i <= SOURCE_BYBIT; i++)
    {
      g_autofree char *symbols_key = g_strconcat (source_ids[i], "-symbols", NULL);
      g_autofree char *url_key = g_strconcat (source_ids[i], "-url", NULL);
      g_autofree char *symbols = g_strstrip (g_strdup (self->symbols[i]));
      g_autofree char *url = g_strstrip (g_strdup (self->urls[i]));

      g_settings_set_string (self->settings, symbols_key, symbols);
      if (url[0] != '\0')
        g_settings_set_string (self->settings, url_key, url);
      else
        g_settings_reset (self->settings, url_key);
    }
  if (self->replay_path != NULL)
    g_settings_set_string (self->settings, "replay-path", self->replay_path);
  g_settings_set_double (self->settings, "replay-speed", gtk_spin_button_get_value (self->speed_spin));
  g_settings_apply (self->settings);

  if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "connect-source", NULL);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_entry_activated (TsConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.connect", NULL);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     TsConnectDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        ts_connect_dialog_set_replay_path (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
choose_file_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TsConnectDialog *self = TS_CONNECT_DIALOG (widget);
  g_autoptr(GtkFileFilter) recordings = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Replay a Recording"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (recordings, _("Recordings"));
  gtk_file_filter_add_pattern (recordings, "*.gz");
  gtk_file_filter_add_pattern (recordings, "*.txt");
  gtk_file_filter_add_pattern (recordings, "*.ws.*");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), recordings);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  if (self->replay_path != NULL && self->replay_path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->replay_path);

      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), file, NULL);
    }
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
ts_connect_dialog_dispose (GObject *object)
{
  TsConnectDialog *self = TS_CONNECT_DIALOG (object);

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_matched (self->chooser, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_CONNECT_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ts_connect_dialog_parent_class)->dispose (object);
}

static void
ts_connect_dialog_finalize (GObject *object)
{
  TsConnectDialog *self = TS_CONNECT_DIALOG (object);

  for (guint i = 0; i < N_SOURCES; i++)
    {
      g_free (self->symbols[i]);
      g_free (self->urls[i]);
    }
  g_free (self->replay_path);

  G_OBJECT_CLASS (ts_connect_dialog_parent_class)->finalize (object);
}

static void
ts_connect_dialog_class_init (TsConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_connect_dialog_dispose;
  object_class->finalize = ts_connect_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tickscope/Tickscope/ts-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TsConnectDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, TsConnectDialog, mock_group);
  gtk_widget_class_bind_template_child (widget_class, TsConnectDialog, venue_group);
  gtk_widget_class_bind_template_child (widget_class, TsConnectDialog, recording_group);
  gtk_widget_class_bind_template_child (widget_class, TsConnectDialog, symbols_row);
  gtk_widget_class_bind_template_child (widget_class, TsConnectDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, TsConnectDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, TsConnectDialog, speed_spin);
  gtk_widget_class_bind_template_child (widget_class, TsConnectDialog, connect_button);
  gtk_widget_class_bind_template_callback (widget_class, on_source_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "dialog.connect", NULL, connect_activated);
  gtk_widget_class_install_action (widget_class, "dialog.choose-file", NULL, choose_file_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ts_connect_dialog_init (TsConnectDialog *self)
{
  g_autofree char *source = NULL;
  g_autofree char *path = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  for (guint i = SOURCE_BINANCE; i <= SOURCE_BYBIT; i++)
    {
      g_autofree char *symbols_key = g_strconcat (source_ids[i], "-symbols", NULL);
      g_autofree char *url_key = g_strconcat (source_ids[i], "-url", NULL);

      self->symbols[i] = g_settings_get_string (self->settings, symbols_key);
      self->urls[i] = g_settings_get_string (self->settings, url_key);
    }
  path = g_settings_get_string (self->settings, "replay-path");
  ts_connect_dialog_set_replay_path (self, path[0] != '\0' ? path : NULL);
  gtk_spin_button_set_value (self->speed_spin, g_settings_get_double (self->settings, "replay-speed"));
  g_signal_connect_swapped (self->symbols_row, "changed", G_CALLBACK (on_symbols_changed), self);

  source = g_settings_get_string (self->settings, "source");
  self->shown = SOURCE_MOCK;
  ts_connect_dialog_set_source (self, source);
  on_source_changed (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->connect_button);
}

TsConnectDialog *
ts_connect_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (TS_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);
}

void
ts_connect_dialog_set_source (TsConnectDialog *self,
                              const char      *source)
{
  g_return_if_fail (TS_IS_CONNECT_DIALOG (self));
  g_return_if_fail (source != NULL);

  for (guint i = 0; i < N_SOURCES; i++)
    if (g_str_equal (source, source_ids[i]))
      adw_combo_row_set_selected (self->source_row, i);
}

void
ts_connect_dialog_set_replay_path (TsConnectDialog *self,
                                   const char      *path)
{
  g_return_if_fail (TS_IS_CONNECT_DIALOG (self));

  g_free (self->replay_path);
  self->replay_path = g_strdup (path);
  if (path != NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *dirname = g_path_get_dirname (path);
      g_autofree char *escaped = g_markup_printf_escaped ("%s\n%s", basename, dirname);

      adw_action_row_set_subtitle (self->file_row, escaped);
    }
  else
    adw_action_row_set_subtitle (self->file_row, _("None chosen"));
  update_sensitivity (self);
}

const char *
ts_connect_dialog_get_replay_path (TsConnectDialog *self)
{
  g_return_val_if_fail (TS_IS_CONNECT_DIALOG (self), NULL);
  return self->replay_path;
}
