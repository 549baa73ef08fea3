/* mw-import-dialog-state.c: the import dialog's state as every part sees it —
 * which table is which, whether Import can be pressed, errors and the result
 *
 * The bottom of the dialog's files: it calls none of them (see
 * mw-import-dialog-private.h for the levels).
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-import-dialog-private.h"

MwCsvTable *
_mw_import_dialog_people_table (MwImportDialog *self)
{
  return self->main_ties ? NULL : self->main;
}

MwCsvTable *
_mw_import_dialog_ties_table (MwImportDialog *self)
{
  return self->main_ties ? self->main : self->ties;
}

void
_mw_import_dialog_update_busy (MwImportDialog *self)
{
  gboolean busy = self->n_pending > 0;
  MwCsvTable *people_table = _mw_import_dialog_people_table (self);
  MwCsvTable *ties_table = _mw_import_dialog_ties_table (self);

  g_assert (MW_IS_IMPORT_DIALOG (self));

  gtk_widget_set_visible (self->busy_spinner, busy && self->target != NULL);
  gtk_spinner_set_spinning (GTK_SPINNER (self->busy_spinner), busy && self->target != NULL);
  gtk_widget_set_sensitive (self->import_button,
                            !busy && self->main != NULL &&
                            (self->main_survey
                             ? self->survey != NULL && mw_csv_survey_get_respondent_column (self->survey) >= 0 &&
                               mw_csv_survey_get_n_questions (self->survey) > 0
                             : self->main_ties
                             ? mw_csv_mapping_is_ties (&self->ties_mapping)
                             : mw_csv_mapping_is_people (&self->people_mapping) && !self->ties_failed &&
                               (self->ties == NULL || mw_csv_mapping_is_ties (&self->ties_mapping))));
  gtk_widget_set_sensitive (self->ties_button, !busy && self->main != NULL);

  /* Say why Import is off when the mapping is what holds it back. */
  adw_preferences_group_set_description (self->people_fields,
                                         people_table == NULL || mw_csv_mapping_is_people (&self->people_mapping)
                                         ? _("Which column gives each detail of a person. Other columns are kept as attributes.")
                                         : _("Choose the column with the ID or the name of each person: without one, nobody can be imported."));
  adw_preferences_group_set_description (self->ties_fields,
                                         ties_table != NULL && !mw_csv_mapping_is_ties (&self->ties_mapping)
                                         ? _("Choose the columns with the source and the target of each tie.")
                                         : self->main_ties
                                         ? _("Which column gives each detail of a tie. People are found by their ID, "
                                             "then by their name; a name the network does not have becomes a new person.")
                                         : NULL);
}

void
_mw_import_dialog_show_error (MwImportDialog *self,
                              const char     *heading,
                              const char     *message)
{
  GtkWidget *dialog;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  mw_set_str (&self->error, message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The import is in the document: the window shows the report. */
void
_mw_import_dialog_emit_imported (MwImportDialog *self)
{
  g_assert (MW_IS_IMPORT_DIALOG (self));

  g_signal_emit_by_name (self, "imported", self->report);
}
