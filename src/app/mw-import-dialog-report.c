/* mw-import-dialog-report.c: what an import did: the toast and its Details
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns mw_import_report_toast_new(): the counts in a toast, and a Details
 * dialog listing the problems by file, row and column, and why the layout
 * could not run when it could not.
 */

#define G_LOG_DOMAIN "meshwork-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-import-dialog.h"

/* The core's messages are clauses ("no one has the id …"): a row shows a sentence. */
static char *
sentence (const char *message)
{
  gunichar first = g_utf8_get_char (message);
  GString *text;

  if (*message == '\0' || !g_unichar_islower (first))
    return g_strdup (message);
  text = g_string_new (NULL);
  g_string_append_unichar (text, g_unichar_totitle (first));
  g_string_append (text, g_utf8_next_char (message));
  return g_string_free (text, FALSE);
}

static void
details_cb (AdwToast  *toast,
            GtkWindow *parent)
{
  GPtrArray *problems = g_object_get_data (G_OBJECT (toast), "mw-import-problems");
  const char *layout_error = g_object_get_data (G_OBJECT (toast), "mw-import-layout-error");
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog, *list, *scroller;
  gboolean skipped = FALSE;

  g_return_if_fail (problems != NULL);

  for (guint i = 0; i < problems->len; i++)
    skipped |= ((MwImportProblem *)g_ptr_array_index (problems, i))->skipped;

  if (layout_error != NULL)
    g_string_append_printf (body, _("The automatic layout could not run (%s), so the new people "
                                    "were placed next to the people they are tied to."), layout_error);
  if (problems->len > 0)
    g_string_append_printf (body, "%s%s", body->len > 0 ? "\n\n" : "",
                            skipped ? _("Rows with a problem that could not be imported were skipped; "
                                        "everything else was imported.")
                                    : _("Everything was imported, but these rows may need a look."));
  dialog = adw_message_dialog_new (parent, _("Import Problems"), body->str);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < problems->len; i++)
    {
      const MwImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *where = NULL;
      g_autofree char *name = g_path_get_basename (problem->source);
      g_autofree char *message = sentence (problem->message);
      g_autofree char *title = g_markup_escape_text (message, -1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (problem->column == 0)
        where = g_strdup_printf (_("%s, row %u"), name, problem->row);
      else
        where = g_strdup_printf (_("%s, row %u, column %u (%s)"), name, problem->row,
                                 problem->column, problem->column_name != NULL ? problem->column_name : "");
      subtitle = g_markup_escape_text (where, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  if (problems->len > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  else
    g_object_unref (g_object_ref_sink (scroller));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mw_import_report_toast_new:
 * @parent: for the Details dialog
 * @layout_error: (nullable): why the import could not be laid out
 *
 * "Imported 12 people, 3 ties; 2 rows skipped", with a Details button
 * listing the problems by row and column when there were any, and saying
 * why the layout could not run when it could not.
 *
 * Returns: (transfer full): a new toast
 */
AdwToast *
mw_import_report_toast_new (GtkWindow      *parent,
                            MwImportReport *report,
                            const char     *layout_error)
{
  g_autofree char *people = NULL;
  g_autofree char *ties = NULL;
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  AdwToast *toast;

  g_return_val_if_fail (report != NULL, NULL);

  people = g_strdup_printf (ngettext ("Imported %u person", "Imported %u people", report->n_actors),
                            report->n_actors);
  ties = g_strdup_printf (ngettext ("%u tie", "%u ties", report->n_ties), report->n_ties);
  if (report->n_rows_skipped > 0)
    {
      g_autofree char *skipped = g_strdup_printf (ngettext ("%u row skipped", "%u rows skipped",
                                                            report->n_rows_skipped),
                                                  report->n_rows_skipped);
      /* Translators: "Imported 12 people", "3 ties", "2 rows skipped" */
      counts = g_strdup_printf (_("%s, %s; %s"), people, ties, skipped);
    }
  else
    /* Translators: "Imported 12 people", "3 ties" */
    counts = g_strdup_printf (_("%s, %s"), people, ties);

  if (layout_error != NULL)
    /* Translators: "Imported 12 people, 3 ties"; the automatic layout could not run */
    title = g_strdup_printf (_("%s; not arranged"), counts);
  else
    title = g_steal_pointer (&counts);

  toast = adw_toast_new (title);
  if (report->problems->len > 0 || layout_error != NULL)
    {
      g_object_set_data_full (G_OBJECT (toast), "mw-import-layout-error", g_strdup (layout_error), g_free);
      g_object_set_data_full (G_OBJECT (toast), "mw-import-problems", g_ptr_array_ref (report->problems),
                              (GDestroyNotify)g_ptr_array_unref);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (details_cb), parent, 0);
    }
  return toast;
}
