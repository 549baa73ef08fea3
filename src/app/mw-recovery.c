/* mw-recovery.c: drafts for every window, offered back after a crash
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-recovery"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-recovery.h"
#include "mw-limits.h"

#define SAFETY_SCHEMA "io.github.meshwork.Meshwork.Safety"

static MwDrafts *drafts_singleton;
static gboolean offered;
static GWeakRef last_restored;   /* the window the last draft went into */

static void run_test_script (GtkApplication *application);

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

/* Generous defaults; Preferences (GSettings) can move them either way. */
void
mw_recovery_get_limits (MwLimits *limits)
{
  g_autoptr(GSettings) settings = g_settings_new (SAFETY_SCHEMA);

  g_return_if_fail (limits != NULL);

  mw_limits_init_default (limits);
  limits->max_bytes = (gsize)g_settings_get_uint (settings, "max-file-size") * 1024 * 1024;
  limits->max_actors = g_settings_get_uint (settings, "max-actors");
  limits->max_ties = g_settings_get_uint (settings, "max-ties");
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
  g_autoptr(GSettings) settings = g_settings_new (SAFETY_SCHEMA);
  MwLimits limits;
  guint interval_ms;

  g_return_if_fail (MW_IS_DOCUMENT (document));

  mw_recovery_get_limits (&limits);
  mw_document_set_limits (document, &limits);
  if (mw_document_get_autosave (document) != NULL)
    return;
  interval_ms = mw_draft_autosave_interval_from_env (g_settings_get_uint (settings, "draft-interval") * 1000);
  mw_document_set_drafts (document, mw_recovery_get_drafts (), interval_ms);
  g_signal_connect_object (mw_document_get_autosave (document), "failed",
                           G_CALLBACK (draft_failed_cb), document, 0);
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
  mw_document_restore_draft (mw_window_get_document (window), network, draft);
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
  if (drafts_singleton != NULL && !mw_drafts_wait (drafts_singleton, 5000))
    g_message ("Quitting with drafts still being written");
}

/**
 * mw_recovery_offer:
 *
 * Once per process, before any draft of its own is written: asks about
 * each draft a previous run left (restore, discard or later).
 * `MESHWORK_RECOVER=restore` restores them all without asking (tests).
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
    {
      run_test_script (application);
      return;
    }

  offer = g_new0 (Offer, 1);
  offer->application = g_object_ref (application);
  offer->drafts = g_steal_pointer (&drafts);
  if (g_strcmp0 (g_getenv ("MESHWORK_RECOVER"), "restore") == 0)
    {
      for (guint i = 0; i < offer->drafts->len; i++)
        restore (offer, g_ptr_array_index (offer->drafts, i));
      offer_free (offer);
      run_test_script (application);
      return;
    }
  offer_next (offer);
}

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
 *
 * When another program changed or deleted the file, asks whether to
 * overwrite it, save elsewhere or do nothing.
 *
 * Returns: %TRUE when @error was that and the user is being asked
 */
gboolean
mw_recovery_handle_save_error (MwWindow     *window,
                               const GError *error)
{
  GtkWidget *dialog;

  g_return_val_if_fail (MW_IS_WINDOW (window), FALSE);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("File Changed on Disk"), error->message);
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

/* MESHWORK_TEST_SCRIPT drives the real binary from tests/test-app-drafts.c,
 * which cannot reach into a process it kills: steps separated by `;`,
 * `wait:MS`, `add:ID` (an undoable "Add Actor" edit), `save:PATH`,
 * `import:PATH` (the import dialog on a people file, for screenshots), `quit`.
 * Each step done is printed on stdout. Unset, nothing happens. */
typedef struct
{
  GtkApplication *application;
  GStrv           steps;
  guint           next;
} Script;

static MwWindow *
script_window (Script *script)
{
  MwWindow *window = g_weak_ref_get (&last_restored);

  if (window != NULL)
    {
      g_object_unref (window);   /* the application holds it */
      return window;
    }
  return MW_WINDOW (gtk_application_get_active_window (script->application));
}

static void
script_add (MwWindow   *window,
            const char *id)
{
  MwHistory *history = mw_document_get_history (mw_window_get_document (window));
  MwEdit *edit = mw_history_begin (history, "Add Actor");

  mw_edit_add_actor (edit, id, id, MW_ACTOR_PERSON, NULL);
  mw_history_commit (history, edit);
}

static gboolean
script_step_cb (gpointer user_data)
{
  Script *script = user_data;
  MwWindow *window = script_window (script);
  const char *step = script->steps[script->next];
  guint delay = 0;

  if (step == NULL)
    return G_SOURCE_REMOVE;

  if (g_str_has_prefix (step, "wait:"))
    delay = (guint)g_ascii_strtoull (step + 5, NULL, 10);
  else if (g_str_has_prefix (step, "add:"))
    script_add (window, step + 4);
  else if (g_str_has_prefix (step, "import:"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (step + 7);
      mw_window_import_file (window, file);
    }
  else if (g_str_has_prefix (step, "save:"))
    {
      /* Done once the document is clean; until then, look again. */
      if (mw_document_get_modified (mw_window_get_document (window)))
        {
          if (mw_window_get_n_pending (window) == 0)
            {
              g_autoptr(GFile) file = g_file_new_for_path (step + 5);
              mw_window_save_to_file (window, file);
            }
          g_timeout_add (50, script_step_cb, script);
          return G_SOURCE_REMOVE;
        }
    }
  else if (g_str_equal (step, "quit"))
    g_application_quit (G_APPLICATION (script->application));

  g_print ("done %s\n", step);
  fflush (stdout);
  script->next++;
  g_timeout_add (delay, script_step_cb, script);
  return G_SOURCE_REMOVE;
}

static void
run_test_script (GtkApplication *application)
{
  /* Lives as long as the process: tests kill it or it quits. */
  static Script script;
  const char *text = g_getenv ("MESHWORK_TEST_SCRIPT");

  if (text == NULL || *text == '\0' || script.steps != NULL)
    return;

  script.application = application;
  script.steps = g_strsplit (text, ";", -1);
  g_idle_add (script_step_cb, &script);
}
