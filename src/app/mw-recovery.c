/* mw-recovery.c: the offer of a previous run's drafts, after a crash
 *
 * Once per process, before any draft of its own is written: each draft
 * left behind is restored, discarded or kept for later, as the user says
 * (or as the policy says: mw_recovery_set_policy()).
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

static MwRecoveryPolicy recovery_policy = MW_RECOVERY_ASK;
static gboolean offered;
static GWeakRef last_restored;   /* the window the last draft went into */

/**
 * mw_recovery_set_policy:
 *
 * Sets what mw_recovery_offer() does with the drafts it finds; the
 * default, %MW_RECOVERY_ASK, asks about each.
 */
void
mw_recovery_set_policy (MwRecoveryPolicy policy)
{
  recovery_policy = policy;
}

/**
 * mw_recovery_get_last_restored:
 *
 * Returns: (transfer none) (nullable): the window the last restored draft
 *   went into, while it is open
 */
GtkWindow *
mw_recovery_get_last_restored (void)
{
  GtkWindow *window = g_weak_ref_get (&last_restored);

  if (window != NULL)
    g_object_unref (window);   /* the application holds it while it is open */
  return window;
}

typedef struct
{
  GtkApplication *application;
  GPtrArray      *drafts;     /* (element-type MwDraft) still to offer */
} Offer;

static void
offer_free (Offer *offer)
{
  g_clear_object (&offer->application);
  g_clear_pointer (&offer->drafts, g_ptr_array_unref);
  g_free (offer);
}

static void offer_next (Offer *offer);

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!mw_drafts_remove_finish (MW_DRAFTS (object), result, &error))
    g_message ("Could not discard a draft: %s", error->message);
}

/* The active window when it is still empty, a new one otherwise. */
static MwWindow *
window_for_draft (GtkApplication *application)
{
  GtkWindow *active = gtk_application_get_active_window (application);

  /* A window still loading is not free, even while its document is blank. */
  if (MW_IS_WINDOW (active) && mw_window_get_n_pending (MW_WINDOW (active)) == 0 &&
      mw_document_is_blank (mw_window_get_document (MW_WINDOW (active))))
    return MW_WINDOW (active);
  return mw_window_new (application);
}

static void
restore (Offer   *offer,
         MwDraft *draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  MwLimits limits;
  MwWindow *window;

  mw_recovery_get_limits (&limits);
  /* A draft is a file Meshwork itself wrote, in the user's own folder. */
  network = mw_drafts_load (mw_recovery_get_drafts (), draft, &limits, &error);
  if (network == NULL)
    {
      g_message ("Could not restore a draft: %s", error->message);
      return;
    }

  window = window_for_draft (offer->application);
  mw_recovery_attach (mw_window_get_document (window));
  /* The window, not the document, decides what it shows: the canvas now. */
  mw_window_restore_draft (window, network, draft);
  g_weak_ref_set (&last_restored, window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
offer_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  Offer *offer = user_data;
  g_autoptr(MwDraft) draft = g_ptr_array_steal_index (offer->drafts, 0);

  if (g_str_equal (response, "restore"))
    restore (offer, draft);
  else if (g_str_equal (response, "discard"))
    mw_drafts_remove_async (mw_recovery_get_drafts (), draft->id, NULL, removed_cb, NULL);
  /* "later" keeps the draft for the next start. */

  offer_next (offer);
}

static void
offer_next (Offer *offer)
{
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GDateTime) saved = NULL;
  GtkWindow *parent;
  GtkWidget *dialog;
  MwDraft *draft;

  if (offer->drafts->len == 0)
    {
      offer_free (offer);
      return;
    }

  draft = g_ptr_array_index (offer->drafts, 0);
  saved = g_date_time_new_from_unix_local (draft->saved / G_USEC_PER_SEC);
  when = saved != NULL ? g_date_time_format (saved, "%c") : g_strdup ("?");
  body = g_strdup_printf (_("Meshwork stopped before “%s” was saved. Its changes of %s were kept in a draft."),
                          draft->title, when);
  parent = gtk_application_get_active_window (offer->application);
  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect (dialog, "response", G_CALLBACK (offer_response_cb), offer);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Drafts still being written or removed are finished before the process ends. */
static void
shutdown_cb (GApplication *application)
{
  if (!_mw_recovery_drafts_wait (5000))
    g_message ("Quitting with drafts still being written");
}

/**
 * mw_recovery_offer:
 *
 * Once per process, before any draft of its own is written: asks about
 * each draft a previous run left (restore, discard or later), or
 * restores them all under %MW_RECOVERY_RESTORE_ALL.
 */
void
mw_recovery_offer (GtkApplication *application)
{
  g_autoptr(GPtrArray) drafts = NULL;
  Offer *offer;

  g_return_if_fail (GTK_IS_APPLICATION (application));

  if (offered)
    return;
  offered = TRUE;
  g_signal_connect (application, "shutdown", G_CALLBACK (shutdown_cb), NULL);

  drafts = mw_drafts_list (mw_recovery_get_drafts ());
  if (drafts->len == 0)
    return;

  offer = g_new0 (Offer, 1);
  offer->application = g_object_ref (application);
  offer->drafts = g_steal_pointer (&drafts);
  if (recovery_policy == MW_RECOVERY_RESTORE_ALL)
    {
      for (guint i = 0; i < offer->drafts->len; i++)
        restore (offer, g_ptr_array_index (offer->drafts, i));
      offer_free (offer);
      return;
    }
  offer_next (offer);
}
