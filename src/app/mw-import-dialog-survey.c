/* mw-import-dialog-survey.c: the chosen file as a survey: its questions, each with a tie
 * type, and what the import would add (counts, response rate, who did not answer)
 *
 * Calls none of the dialog's other files (see mw-import-dialog-private.h for the levels).
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-a11y.h"
#include "mw-import-dialog-private.h"

/* A question's dropdown: the four types in MwTieType's order, then none. */
static const char * const type_names[] = {
  N_("Reports"), N_("Collaborates"), N_("Influences"), N_("Checks"), N_("Left Out"),
};

/* The non-respondents the preview names before "…". */
#define MAX_NAMED 5

static char *
describe_result (MwCsvSurvey       *survey,
                 MwCsvSurveyResult *result)
{
  MwCsvTable *table = mw_csv_survey_get_table (survey);
  GPtrArray *missing = result->non_respondents;
  guint roster = result->n_respondents + missing->len;
  g_autofree char *actors = g_strdup_printf (ngettext ("%u actor", "%u actors", result->report->n_actors),
                                             result->report->n_actors);
  g_autofree char *ties = g_strdup_printf (ngettext ("%u tie", "%u ties", result->report->n_ties),
                                           result->report->n_ties);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, _("Respondents in “%s”."),
                          mw_csv_table_get_column_name (table, mw_csv_survey_get_respondent_column (survey)));
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("Response rate: %.0f%% (%u of %u)."),
                          100.0 * mw_csv_survey_result_get_response_rate (result), result->n_respondents, roster);
  if (missing->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < MIN (missing->len, MAX_NAMED); i++)
        /* "; " because names may be written "Last, First" */
        g_string_append_printf (names, "%s%s", i > 0 ? "; " : "", (const char *)g_ptr_array_index (missing, i));
      if (missing->len > MAX_NAMED)
        g_string_append (names, "; …");
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("Named, without an answer of their own: %s.",
                                              "Named, without answers of their own: %s.", missing->len),
                              names->str);
    }
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("The import adds %s and %s."), actors, ties);
  return g_string_free (text, FALSE);
}

/* The counts as the import would make them, on a copy of the network. */
static void
update_preview (MwImportDialog *self)
{
  g_autoptr(MwCsvSurveyResult) result = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  network = mw_csv_survey_import (self->survey, mw_document_get_network (self->document), &result, &error);
  text = network != NULL ? describe_result (self->survey, result) : g_strdup (error->message);
  mw_set_str (&self->survey_preview, text);
  adw_preferences_group_set_description (self->survey_group, text);
}

static void
question_type_cb (AdwComboRow    *row,
                  GParamSpec     *pspec,
                  MwImportDialog *self)
{
  guint question = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "question"));
  guint selected = adw_combo_row_get_selected (row);

  if (self->survey == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  mw_csv_survey_set_question_type (self->survey, question,
                                   selected < MW_N_TIE_TYPES ? (int)selected : MW_CSV_SURVEY_NO_TYPE);
  update_preview (self);
}

static GtkWidget *
question_row (MwImportDialog *self,
              guint           question)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint n_columns = mw_csv_survey_get_question_n_columns (self->survey, question);
  int type = mw_csv_survey_get_question_type (self->survey, question);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < G_N_ELEMENTS (type_names); i++)
    gtk_string_list_append (model, _(type_names[i]));

  if (n_columns > 1)
    subtitle = g_strdup_printf (ngettext ("%u column, one name each", "%u columns, one name each", n_columns),
                                n_columns);
  else if (mw_csv_survey_get_question_commas (self->survey, question))
    subtitle = g_strdup (_("Names in one cell, split at “;”, “,” and line breaks"));
  else
    subtitle = g_strdup (_("Names in one cell, split at “;” and line breaks (“Last, First” stays one name)"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mw_csv_survey_get_question_text (self->survey, question));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  mw_a11y_name_combo_row (ADW_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), type == MW_CSV_SURVEY_NO_TYPE ? MW_N_TIE_TYPES : (guint)type);
  g_object_set_data (G_OBJECT (row), "question", GUINT_TO_POINTER (question));
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (question_type_cb), self, 0);
  return row;
}

void
_mw_import_dialog_clear_survey (MwImportDialog *self)
{
  g_assert (MW_IS_IMPORT_DIALOG (self));

  for (guint i = 0; i < self->question_rows->len; i++)
    adw_preferences_group_remove (self->survey_group, g_ptr_array_index (self->question_rows, i));
  g_ptr_array_set_size (self->question_rows, 0);
  g_clear_pointer (&self->survey, mw_csv_survey_unref);
  g_clear_pointer (&self->survey_preview, g_free);
}

/* The chosen file read again as a survey: one dropdown per question. */
void
_mw_import_dialog_fill_survey (MwImportDialog *self)
{
  g_assert (MW_IS_IMPORT_DIALOG (self));

  _mw_import_dialog_clear_survey (self);
  if (self->main == NULL)
    return;

  self->survey = mw_csv_survey_new (self->main);
  for (guint q = 0; q < mw_csv_survey_get_n_questions (self->survey); q++)
    {
      GtkWidget *row = question_row (self, q);

      adw_preferences_group_add (self->survey_group, row);
      g_ptr_array_add (self->question_rows, row);
    }
  update_preview (self);
}

/**
 * _mw_import_dialog_import_survey:
 * @target: the open network; it is copied, not changed
 *
 * Returns: (transfer full) (nullable): @target's copy with the survey in it
 */
MwNetwork *
_mw_import_dialog_import_survey (MwImportDialog  *self,
                                 MwNetwork       *target,
                                 MwImportReport **report,
                                 GError         **error)
{
  g_autoptr(MwCsvSurveyResult) result = NULL;
  MwNetwork *network;

  g_assert (MW_IS_IMPORT_DIALOG (self));
  g_assert (self->survey != NULL);

  network = mw_csv_survey_import (self->survey, target, &result, error);
  if (network != NULL)
    *report = g_steal_pointer (&result->report);
  return network;
}
