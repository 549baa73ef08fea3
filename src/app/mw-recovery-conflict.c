/* mw-recovery-conflict.c: the question when another program changed the file
 *
 * A save whose etag no longer matches (the file was changed or deleted
 * since it was loaded or saved) asks: overwrite, save elsewhere or cancel.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-recovery"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-recovery-private.h"
#include "mw-window.h"

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MwWindow         *window)
{
  if (g_str_equal (response, "overwrite"))
    {
      mw_document_forget_etag (mw_window_get_document (window));
      mw_window_save_to_file (window, NULL);
    }
  else if (g_str_equal (response, "save-as"))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as", NULL);
}

/**
 * mw_recovery_handle_save_error:
 * @window: the #MwWindow whose save failed
 *
 * When another program changed or deleted the file, asks whether to
 * overwrite it, save elsewhere or do nothing.
 *
 * Returns: %TRUE when @error was that and the user is being asked
 */
gboolean
mw_recovery_handle_save_error (GtkWindow    *window,
                               const GError *error)
{
  GtkWidget *dialog;

  g_return_val_if_fail (MW_IS_WINDOW (window), FALSE);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    return FALSE;

  dialog = adw_message_dialog_new (window, _("File Changed on Disk"), error->message);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s. Saving replaces what the other program wrote."), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}
