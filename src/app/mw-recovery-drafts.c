/* mw-recovery-drafts.c: the drafts of this user, and the documents they protect
 *
 * Owns the process's one MwDrafts and gives each document a draft of its
 * unsaved edits (and the user's limits); says it once when a draft cannot
 * be written.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-recovery"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-recovery-private.h"

static MwDrafts *drafts_singleton;
static guint draft_interval_ms;   /* 0: the "draft-interval" setting */

/**
 * mw_recovery_get_drafts:
 *
 * Returns: (transfer none): the drafts of this user, under the user data dir
 */
MwDrafts *
mw_recovery_get_drafts (void)
{
  if (drafts_singleton == NULL)
    drafts_singleton = mw_drafts_new (NULL);
  return drafts_singleton;
}

/**
 * mw_recovery_set_draft_interval:
 * @interval_ms: milliseconds between an edit and its draft, or 0
 *
 * Documents attached from now on write their drafts after @interval_ms
 * instead of the "draft-interval" setting; 0 goes back to the setting.
 * The tests that kill the app use it to wait less.
 */
void
mw_recovery_set_draft_interval (guint interval_ms)
{
  draft_interval_ms = interval_ms;
}

/* Used when the process ends: TRUE when no draft is still being written. */
gboolean
_mw_recovery_drafts_wait (guint timeout_ms)
{
  return drafts_singleton == NULL || mw_drafts_wait (drafts_singleton, timeout_ms);
}

/* Once per document: a draft that cannot be written (a full disk, a
 * read-only data folder) is said, and the edits stay in memory. */
static void
draft_failed_cb (MwDraftAutosave *autosave,
                 const GError    *error,
                 MwDocument      *document)
{
  GApplication *application = g_application_get_default ();
  GtkWindow *parent = NULL;
  GtkWidget *dialog;

  if (g_object_get_data (G_OBJECT (autosave), "mw-failure-shown") != NULL)
    return;
  g_object_set_data (G_OBJECT (autosave), "mw-failure-shown", GINT_TO_POINTER (TRUE));

  g_message ("A draft could not be written: %s", error->message);
  if (GTK_IS_APPLICATION (application))
    parent = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (parent == NULL)
    return;

  dialog = adw_message_dialog_new (parent, _("Unsaved Changes Are Not Protected"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Meshwork could not keep a draft of your changes in case it stops (%s). "
                                    "They are still here: save them to keep them."), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mw_recovery_attach:
 *
 * Gives @document the user's limits and a draft for its unsaved edits.
 */
void
mw_recovery_attach (MwDocument *document)
{
  MwLimits limits;
  guint interval_ms = draft_interval_ms;

  g_return_if_fail (MW_IS_DOCUMENT (document));

  mw_recovery_get_limits (&limits);
  mw_document_set_limits (document, &limits);
  if (mw_document_get_autosave (document) != NULL)
    return;
  if (interval_ms == 0)
    {
      g_autoptr(GSettings) settings = g_settings_new (MW_RECOVERY_SAFETY_SCHEMA);

      interval_ms = g_settings_get_uint (settings, "draft-interval") * 1000;
    }
  mw_document_set_drafts (document, mw_recovery_get_drafts (), interval_ms);
  g_signal_connect_object (mw_document_get_autosave (document), "failed",
                           G_CALLBACK (draft_failed_cb), document, 0);
}
