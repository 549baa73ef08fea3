/* mw-csv-survey-import.c: a survey's responses to actors and ties, and who did not answer
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-csv-survey-private.h"

/* ---------------------------------------------------------------------- */
/* Importing                                                               */

typedef struct
{
  MwCsvSurvey       *survey;
  MwNetwork         *stage;
  MwCsvSurveyResult *result;
  GHashTable        *by_key;      /* name key → MwActor* */
  GHashTable        *answered;    /* MwActor* with a row of their own in this file */
  GHashTable        *named_only;  /* MwActor* named, with no row: the non-respondents */
  GHashTable        *ties;        /* "from-index type to-index": one tie per pair and type */
  guint              n_unlisted;
} SurveyImport;

static void
survey_import_clear (SurveyImport *import)
{
  g_clear_object (&import->stage);
  g_clear_pointer (&import->result, mw_csv_survey_result_free);
  g_clear_pointer (&import->by_key, g_hash_table_unref);
  g_clear_pointer (&import->answered, g_hash_table_unref);
  g_clear_pointer (&import->named_only, g_hash_table_unref);
  g_clear_pointer (&import->ties, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SurveyImport, survey_import_clear)

static void
report_problem (SurveyImport        *import,
                guint                row,
                int                  column,
                MwImportProblemKind  kind,
                gboolean             skipped,
                const char          *format,
                ...) G_GNUC_PRINTF (6, 7);

static void
report_problem (SurveyImport        *import,
                guint                row,
                int                  column,
                MwImportProblemKind  kind,
                gboolean             skipped,
                const char          *format,
                ...)
{
  MwCsvTable *table = import->survey->table;
  GPtrArray *problems = import->result->report->problems;
  MwImportProblem *problem;
  va_list args;

  /* a problem in every cell would take many times the file's size */
  if (problems->len >= MW_CSV_MAX_PROBLEMS)
    {
      import->n_unlisted++;
      return;
    }

  problem = g_new0 (MwImportProblem, 1);
  problem->kind = kind;
  problem->source = g_strdup (mw_csv_table_get_source (table));
  problem->row = mw_csv_table_get_row_number (table, row);
  problem->column = column >= 0 ? (guint)column + 1 : 0;
  /* the question's text says more than "Column 9" or "Q3_2" */
  if (column >= 0 && *(const char *)g_ptr_array_index (import->survey->labels, column) != '\0')
    problem->column_name = g_strdup (g_ptr_array_index (import->survey->labels, column));
  else if (column >= 0)
    problem->column_name = g_strdup (mw_csv_table_get_column_name (table, column));
  problem->skipped = skipped;
  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, problem);
}

static MwActor *
lookup_name (SurveyImport *import,
             const char   *name)
{
  g_autofree char *key = mw_csv_survey_name_key (name);
  g_autofree char *swapped = _mw_csv_survey_swapped_key (name);
  MwActor *actor = g_hash_table_lookup (import->by_key, key);

  if (actor == NULL && swapped != NULL)
    actor = g_hash_table_lookup (import->by_key, swapped);
  return actor;
}

static MwActor *
add_person (SurveyImport *import,
            const char   *name)
{
  g_autofree char *id = NULL;
  MwActor *actor;

  if (mw_network_lookup_actor (import->stage, name) != NULL)
    id = mw_network_unique_actor_id (import->stage, "p");
  actor = mw_network_add_actor (import->stage, id != NULL ? id : name, name, MW_ACTOR_PERSON, NULL);
  g_assert (actor != NULL);
  g_hash_table_insert (import->by_key, mw_csv_survey_name_key (name), actor);
  import->result->report->n_actors++;
  return actor;
}

static gboolean
in_question (MwCsvSurvey *survey,
             guint        column)
{
  for (guint i = 0; i < survey->questions->len; i++)
    {
      Question *question = g_ptr_array_index (survey->questions, i);

      for (guint c = 0; c < question->columns->len; c++)
        if (g_array_index (question->columns, guint, c) == column)
          return TRUE;
    }
  return FALSE;
}

/* Answers to other questions (department, site…) are the respondent's attributes. */
static void
set_answers (SurveyImport *import,
             guint         row,
             MwActor      *actor)
{
  MwCsvSurvey *survey = import->survey;
  guint n = MIN (mw_csv_table_get_n_cells (survey->table, row), survey->labels->len);

  mw_network_set_actor_attr (import->stage, actor, "respondent", "yes");
  for (guint c = 0; c < n; c++)
    {
      const char *header = mw_csv_table_get_column_name (survey->table, c);
      g_autofree char *value = g_strstrip (g_strdup (mw_csv_table_get_cell (survey->table, row, c)));
      g_autofree char *key = NULL;

      if ((int)c == survey->respondent || *value == '\0' || _mw_csv_survey_is_metadata (header) ||
          in_question (survey, c) || !g_utf8_validate (value, -1, NULL))
        continue;
      key = _mw_csv_attribute_key (survey->table, c);
      mw_network_set_actor_attr (import->stage, actor, key, value);
    }
}

/* One response's name: its actor, or NULL when the row is skipped. */
static MwActor *
import_respondent (SurveyImport *import,
                   guint         row)
{
  int column = import->survey->respondent;
  g_autofree char *name = g_strstrip (g_strdup (mw_csv_table_get_cell (import->survey->table, row, column)));
  MwActor *actor;
  gpointer first_row;

  if (*name == '\0')
    {
      report_problem (import, row, column, MW_IMPORT_PROBLEM_EMPTY_NAME, TRUE, "%s",
                      _("the respondent’s name is empty; the row is skipped"));
      return NULL;
    }
  if (!g_utf8_validate (name, -1, NULL))
    {
      report_problem (import, row, column, MW_IMPORT_PROBLEM_INVALID_UTF8, TRUE, "%s",
                      _("the text is not valid UTF-8; the row is skipped"));
      return NULL;
    }

  actor = lookup_name (import, name);
  if (actor != NULL && g_hash_table_lookup_extended (import->answered, actor, NULL, &first_row))
    {
      report_problem (import, row, column, MW_IMPORT_PROBLEM_DUPLICATE_ID, TRUE,
                      _("%s answered on row %u already; the row is skipped"), actor->label,
                      mw_csv_table_get_row_number (import->survey->table, GPOINTER_TO_UINT (first_row)));
      return NULL;
    }
  if (actor == NULL)
    actor = add_person (import, name);

  g_hash_table_insert (import->answered, actor, GUINT_TO_POINTER (row));
  import->result->n_respondents++;
  set_answers (import, row, actor);
  return actor;
}

/* A name no respondent has: someone who did not answer. */
static MwActor *
named_person (SurveyImport *import,
              guint         row,
              guint         column,
              const char   *name)
{
  MwActor *actor = lookup_name (import, name);

  if (actor == NULL)
    {
      actor = add_person (import, name);
      report_problem (import, row, column, MW_IMPORT_PROBLEM_UNKNOWN_ACTOR, FALSE,
                      _("“%s” has no row of their own; added as a non-respondent"), name);
    }
  if (!g_hash_table_contains (import->answered, actor) && !g_hash_table_contains (import->named_only, actor))
    {
      g_hash_table_add (import->named_only, actor);
      g_ptr_array_add (import->result->non_respondents, g_strdup (actor->label));
      mw_network_set_actor_attr (import->stage, actor, "respondent", "no");
    }
  return actor;
}

static void
import_name (SurveyImport *import,
             guint         row,
             guint         column,
             MwActor      *respondent,
             MwTieType     type,
             const char   *name)
{
  g_autofree char *tie_key = NULL;
  MwActor *named;

  if (!g_utf8_validate (name, -1, NULL))
    {
      report_problem (import, row, column, MW_IMPORT_PROBLEM_INVALID_UTF8, TRUE, "%s",
                      _("the text is not valid UTF-8; the value is left out"));
      return;
    }

  named = named_person (import, row, column, name);
  if (named == respondent)
    {
      report_problem (import, row, column, MW_IMPORT_PROBLEM_SELF_TIE, TRUE,
                      _("%s named themselves; that name is left out"), respondent->label);
      return;
    }

  /* "Name 1" and "Name 3" may be the same person */
  tie_key = g_strdup_printf ("%u %d %u", respondent->index, type, named->index);
  if (!g_hash_table_add (import->ties, g_steal_pointer (&tie_key)))
    return;
  mw_network_add_tie (import->stage, respondent, named, type, 1.0, NULL);
  import->result->report->n_ties++;
}

static void
import_answers (SurveyImport *import,
                guint         row,
                MwActor      *respondent)
{
  MwCsvSurvey *survey = import->survey;

  for (guint q = 0; q < survey->questions->len; q++)
    {
      Question *question = g_ptr_array_index (survey->questions, q);

      if (question->type == MW_CSV_SURVEY_NO_TYPE)
        continue;
      for (guint i = 0; i < question->columns->len; i++)
        {
          guint column = g_array_index (question->columns, guint, i);
          g_auto(GStrv) names = mw_csv_survey_split_cell (mw_csv_table_get_cell (survey->table, row, column), question->commas);

          for (guint n = 0; names[n] != NULL; n++)
            import_name (import, row, column, respondent, question->type, names[n]);
        }
    }
}

static gboolean
row_is_blank (MwCsvTable *table,
              guint       row)
{
  for (guint c = 0; c < mw_csv_table_get_n_cells (table, row); c++)
    {
      const char *text = mw_csv_table_get_cell (table, row, c);

      if (text[strspn (text, " \t\r\n")] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* Who the network already has, by name: a survey of people already drawn. */
static void
remember_existing (SurveyImport *import)
{
  g_autoptr(GHashTable) shared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < mw_network_get_n_actors (import->stage); i++)
    {
      MwActor *actor = mw_network_get_actor (import->stage, i);
      char *name_key = mw_csv_survey_name_key (actor->label);

      /* a name two actors share cannot say which of them is meant */
      if (g_hash_table_contains (import->by_key, name_key))
        g_hash_table_add (shared, g_strdup (name_key));
      g_hash_table_insert (import->by_key, name_key, actor);
    }

  g_hash_table_iter_init (&iter, shared);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_remove (import->by_key, key);
}

static gboolean
check_survey (MwCsvSurvey  *survey,
              GError      **error)
{
  if (survey->respondent < 0)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("%s: no column gives the respondent’s name (a header such as “Your name”, “Name” or "
                     "“Respondent”); choose one"), mw_csv_table_get_source (survey->table));
      return FALSE;
    }
  if (survey->questions->len == 0)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("%s: no question asks for names (a column of names, or columns such as “Q3_1”, "
                     "“Q3_2”)"), mw_csv_table_get_source (survey->table));
      return FALSE;
    }
  return TRUE;
}

static void
finish_report (SurveyImport *import)
{
  MwImportReport *report = import->result->report;
  MwImportProblem *problem;

  g_qsort_with_data (report->problems->pdata, report->problems->len, sizeof (gpointer),
                     mw_import_problem_compare, NULL);
  if (import->n_unlisted == 0)
    return;

  problem = g_new0 (MwImportProblem, 1);
  problem->kind = MW_IMPORT_PROBLEM_UNKNOWN_ACTOR;
  problem->source = g_strdup (mw_csv_table_get_source (import->survey->table));
  problem->message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "and %u more problem, not listed: only the first %u are",
                                                   "and %u more problems, not listed: only the first %u are",
                                                   import->n_unlisted),
                                      import->n_unlisted, MW_CSV_MAX_PROBLEMS);
  g_ptr_array_add (report->problems, problem);
}

/**
 * mw_csv_survey_import:
 * @existing: (nullable): the network the survey goes into; it is copied,
 *   not changed, and its actors are matched by name
 * @result: (out) (transfer full) (optional): respondents, non-respondents,
 *   every problem
 *
 * One actor per respondent (with the answers to questions that ask for
 * no names as attributes, and `respondent=yes`), and per question with a
 * type one tie from the respondent to each person named. Names are matched
 * trimmed, in any case and without accents, "Last, First" as "First
 * Last"; a name no one answered under becomes an actor with
 * `respondent=no`, and the report lists it.
 *
 * Returns: (transfer full) (nullable): the new network (or the copy of
 *   @existing with the survey added), or %NULL with @error when there is
 *   no respondent column or no question
 */
MwNetwork *
mw_csv_survey_import (MwCsvSurvey        *survey,
                      MwNetwork          *existing,
                      MwCsvSurveyResult **result,
                      GError            **error)
{
  g_auto(SurveyImport) import = { 0 };
  g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  guint n_rows;

  g_return_val_if_fail (survey != NULL, NULL);
  g_return_val_if_fail (existing == NULL || MW_IS_NETWORK (existing), NULL);

  if (!check_survey (survey, error))
    return NULL;

  import.survey = survey;
  import.stage = existing != NULL ? mw_network_copy (existing) : mw_network_new ();
  import.result = g_new0 (MwCsvSurveyResult, 1);
  import.result->report = mw_import_report_new ();
  import.result->non_respondents = g_ptr_array_new_with_free_func (g_free);
  import.by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.answered = g_hash_table_new (NULL, NULL);
  import.named_only = g_hash_table_new (NULL, NULL);
  import.ties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  remember_existing (&import);

  mw_network_begin_batch (import.stage, "Import");
  /* everyone who answered first, so that a name matches a later row too */
  n_rows = mw_csv_table_get_n_rows (survey->table);
  for (guint row = survey->first_row; row < n_rows; row++)
    {
      MwActor *actor;

      if (row_is_blank (survey->table, row))
        continue;
      if ((actor = import_respondent (&import, row)) == NULL)
        {
          import.result->report->n_rows_skipped++;
          continue;
        }
      g_array_append_val (kept, row);
      g_ptr_array_add (actors, actor);
    }
  for (guint i = 0; i < kept->len; i++)
    import_answers (&import, g_array_index (kept, guint, i), g_ptr_array_index (actors, i));
  mw_network_end_batch (import.stage);

  finish_report (&import);
  if (result != NULL)
    *result = g_steal_pointer (&import.result);
  return g_steal_pointer (&import.stage);
}

/* Respondents of everyone the survey knows of (they and those they named). */
double
mw_csv_survey_result_get_response_rate (const MwCsvSurveyResult *result)
{
  guint roster;

  g_return_val_if_fail (result != NULL, 0.0);

  roster = result->n_respondents + result->non_respondents->len;
  return roster > 0 ? (double)result->n_respondents / roster : 0.0;
}

void
mw_csv_survey_result_free (MwCsvSurveyResult *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->report, mw_import_report_free);
  g_clear_pointer (&result->non_respondents, g_ptr_array_unref);
  g_free (result);
}
