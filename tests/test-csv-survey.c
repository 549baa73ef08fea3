/* test-csv-survey.c: survey rosters as Google Forms, Microsoft Forms, SurveyMonkey and Qualtrics write them
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "mw-csv-survey.h"
#include "mw-dot.h"
#include "mw-test-cli.h"
#include "mw-test-core.h"

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static MwCsvSurvey *
load_survey (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvTable) table = NULL;
  MwCsvFormat format;
  gsize length;

  /* a survey always has a header, however it looks (SurveyMonkey's has gaps) */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  mw_csv_sniff (contents, length, &format);
  format.has_header = TRUE;
  table = mw_csv_table_parse (contents, length, name, &format, NULL, &error);
  g_assert_no_error (error);
  return mw_csv_survey_new (table);
}

static MwNetwork *
import_survey (MwCsvSurvey        *survey,
               MwCsvSurveyResult **result)
{
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_csv_survey_import (survey, NULL, result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (network);
  return network;
}

static MwActor *
by_label (MwNetwork  *network,
          const char *label)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    if (g_str_equal (mw_network_get_actor (network, i)->label, label))
      return mw_network_get_actor (network, i);
  g_error ("no actor “%s”", label);
  return NULL;
}

static gboolean
has_tie (MwNetwork  *network,
         const char *from,
         const char *to,
         MwTieType   type)
{
  MwActor *actor = by_label (network, from);

  for (guint i = 0; i < mw_actor_n_out (actor, type); i++)
    if (g_str_equal (mw_actor_out (actor, type, i)->to->label, to))
      return TRUE;
  return FALSE;
}

static guint
n_ties_of (MwNetwork *network,
           MwTieType  type)
{
  guint n = 0;

  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    n += mw_network_get_tie (network, i)->type == type;
  return n;
}

static int
question_named (MwCsvSurvey *survey,
                const char  *text)
{
  for (guint i = 0; i < mw_csv_survey_get_n_questions (survey); i++)
    if (g_str_equal (mw_csv_survey_get_question_text (survey, i), text))
      return i;
  g_error ("no question “%s”", text);
  return -1;
}

static void
test_name_key (void)
{
  g_autofree char *a = mw_csv_survey_name_key ("  José   GARCÍA ");
  g_autofree char *b = mw_csv_survey_name_key ("jose garcia");
  g_autofree char *c = mw_csv_survey_name_key ("Zoë Müller");
  g_autofree char *d = mw_csv_survey_name_key ("zoe muller");

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, d);
}

static void
test_split_cell (void)
{
  g_auto(GStrv) semicolons = mw_csv_survey_split_cell ("Okafor, Maria;Lima, Ana;", FALSE);
  g_auto(GStrv) commas = mw_csv_survey_split_cell ("Ben Okafor, José García", TRUE);
  g_auto(GStrv) lines = mw_csv_survey_split_cell (" Zoë Müller\r\nKwame Mensah\n\n", FALSE);
  g_auto(GStrv) empty = mw_csv_survey_split_cell ("  ", TRUE);

  g_assert_cmpstrv (semicolons, ((const char *[]) { "Okafor, Maria", "Lima, Ana", NULL }));
  g_assert_cmpstrv (commas, ((const char *[]) { "Ben Okafor", "José García", NULL }));
  g_assert_cmpstrv (lines, ((const char *[]) { "Zoë Müller", "Kwame Mensah", NULL }));
  g_assert_cmpstrv (empty, ((const char *[]) { NULL }));
}

/* One cell of names joined with ", " (checkboxes), one of names on lines. */
static void
test_google_forms (void)
{
  g_autoptr(MwCsvSurvey) survey = load_survey ("google-forms-survey.csv");
  g_autoptr(MwCsvSurveyResult) result = NULL;
  g_autoptr(MwNetwork) network = NULL;
  int most, review;

  g_assert_cmpint (mw_csv_survey_get_respondent_column (survey), ==, 2);
  g_assert_cmpuint (mw_csv_survey_get_n_questions (survey), ==, 3);
  most = question_named (survey, "Who do you work with most?");
  review = question_named (survey, "Whose work do you review?");
  g_assert_true (mw_csv_survey_get_question_commas (survey, most));
  g_assert_cmpint (mw_csv_survey_get_question_type (survey, most), ==, MW_TIE_COLLABORATES);
  g_assert_cmpint (mw_csv_survey_get_question_type (survey, review), ==, MW_TIE_CHECKS);

  network = import_survey (survey, &result);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 5);
  g_assert_cmpuint (result->n_respondents, ==, 4);
  g_assert_cmpuint (result->non_respondents->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (result->non_respondents, 0), ==, "Kwame Mensah");
  g_assert_cmpfloat_with_epsilon (mw_csv_survey_result_get_response_rate (result), 0.8, 1e-9);

  /* accents and case do not matter: “Zoe Muller” and “José García” answered */
  g_assert_true (has_tie (network, "Ben Okafor", "Zoë Müller", MW_TIE_COLLABORATES));
  g_assert_true (has_tie (network, "Ana Lima", "Jose Garcia", MW_TIE_COLLABORATES));
  g_assert_true (has_tie (network, "Jose Garcia", "Ana Lima", MW_TIE_COLLABORATES));
  g_assert_true (has_tie (network, "Ana Lima", "Kwame Mensah", MW_TIE_COLLABORATES));
  g_assert_true (has_tie (network, "Jose Garcia", "Zoë Müller", MW_TIE_CHECKS));
  g_assert_cmpuint (n_ties_of (network, MW_TIE_COLLABORATES), ==, 8);
  g_assert_cmpuint (n_ties_of (network, MW_TIE_CHECKS), ==, 2);
  g_assert_cmpuint (result->report->n_ties, ==, 10);

  /* the other answers are the respondent's; who did not answer is flagged */
  g_assert_cmpstr (g_hash_table_lookup (by_label (network, "Ana Lima")->attrs, "your_team"), ==, "Field");
  g_assert_null (g_hash_table_lookup (by_label (network, "Ana Lima")->attrs, "email_address"));
  g_assert_cmpstr (g_hash_table_lookup (by_label (network, "Kwame Mensah")->attrs, "respondent"), ==, "no");
  g_assert_cmpstr (g_hash_table_lookup (by_label (network, "Ana Lima")->attrs, "respondent"), ==, "yes");
  g_assert_cmpuint (result->report->problems->len, ==, 1);
  g_assert_cmpint (((MwImportProblem *)g_ptr_array_index (result->report->problems, 0))->kind, ==,
                   MW_IMPORT_PROBLEM_UNKNOWN_ACTOR);
}

/* "Last, First" names joined with ";": the comma is no separator. */
static void
test_microsoft_forms (void)
{
  g_autoptr(MwCsvSurvey) survey = load_survey ("microsoft-forms-survey.csv");
  g_autoptr(MwCsvSurveyResult) result = NULL;
  g_autoptr(MwNetwork) network = NULL;
  int advice, manager;

  g_assert_cmpint (mw_csv_survey_get_respondent_column (survey), ==, 4);
  g_assert_cmpuint (mw_csv_survey_get_n_questions (survey), ==, 2);
  advice = question_named (survey, "Who do you go to for advice?");
  manager = question_named (survey, "Who is your manager?");
  g_assert_false (mw_csv_survey_get_question_commas (survey, advice));
  g_assert_false (mw_csv_survey_get_question_commas (survey, manager));
  g_assert_cmpint (mw_csv_survey_get_question_type (survey, manager), ==, MW_TIE_REPORTS);

  network = import_survey (survey, &result);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 6);
  g_assert_cmpuint (result->n_respondents, ==, 4);
  g_assert_cmpuint (result->non_respondents->len, ==, 2);
  g_assert_true (has_tie (network, "Okafor, Maria", "Mensah, Kwame", MW_TIE_COLLABORATES));
  g_assert_true (has_tie (network, "García, José", "Müller, Zoë", MW_TIE_COLLABORATES));
  g_assert_true (has_tie (network, "García, José", "Okafor, Maria", MW_TIE_REPORTS));
  g_assert_true (has_tie (network, "Okafor, Maria", "Lima, Ana", MW_TIE_REPORTS));
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 8);
}

/* A question over "Name 1", "Name 2"… in a second header row. */
static void
test_surveymonkey (void)
{
  g_autoptr(MwCsvSurvey) survey = load_survey ("surveymonkey-survey.csv");
  g_autoptr(MwCsvSurveyResult) result = NULL;
  g_autoptr(MwNetwork) network = NULL;
  int day, review;

  g_assert_cmpuint (mw_csv_survey_get_n_rows (survey), ==, 5);
  g_assert_cmpuint (mw_csv_survey_get_n_questions (survey), ==, 2);
  day = question_named (survey, "Who do you work with day to day?");
  review = question_named (survey, "Whose work do you review?");
  g_assert_cmpuint (mw_csv_survey_get_question_n_columns (survey, day), ==, 3);
  g_assert_cmpuint (mw_csv_survey_get_question_n_columns (survey, review), ==, 2);

  network = import_survey (survey, &result);
  g_assert_cmpuint (result->n_respondents, ==, 4);
  g_assert_cmpuint (result->report->n_rows_skipped, ==, 1);
  g_assert_cmpuint (n_ties_of (network, MW_TIE_COLLABORATES), ==, 6);
  g_assert_cmpuint (n_ties_of (network, MW_TIE_CHECKS), ==, 3);
  g_assert_true (has_tie (network, "José García", "Kwame Mensah", MW_TIE_COLLABORATES));
  g_assert_cmpfloat_with_epsilon (mw_csv_survey_result_get_response_rate (result), 0.8, 1e-9);
}

/* Three header rows; Q3_1… Q3_3 are one question, its text from the second. */
static void
test_qualtrics (void)
{
  g_autoptr(MwCsvSurvey) survey = load_survey ("qualtrics-survey.csv");
  g_autoptr(MwCsvSurveyResult) result = NULL;
  g_autoptr(MwNetwork) network = NULL;
  int with;

  g_assert_cmpint (mw_csv_survey_get_respondent_column (survey), ==, 9);
  g_assert_cmpuint (mw_csv_survey_get_n_rows (survey), ==, 4);
  g_assert_cmpuint (mw_csv_survey_get_n_questions (survey), ==, 2);
  with = question_named (survey, "Who do you work with?");
  g_assert_cmpuint (mw_csv_survey_get_question_n_columns (survey, with), ==, 3);

  network = import_survey (survey, &result);
  g_assert_cmpuint (result->n_respondents, ==, 4);
  g_assert_cmpuint (result->non_respondents->len, ==, 2);
  g_assert_cmpuint (n_ties_of (network, MW_TIE_COLLABORATES), ==, 7);
  g_assert_cmpuint (n_ties_of (network, MW_TIE_REPORTS), ==, 3);
  g_assert_true (has_tie (network, "Ana Lima", "José García", MW_TIE_COLLABORATES));
  g_assert_true (has_tie (network, "José García", "Ana Lima", MW_TIE_COLLABORATES));
  g_assert_cmpstr (g_hash_table_lookup (by_label (network, "Ana Lima")->attrs, "q2"), ==, "Field");
}

static MwCsvSurvey *
survey_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvTable) table = mw_csv_table_parse (text, strlen (text), "inline.csv", NULL, NULL, &error);

  g_assert_no_error (error);
  return mw_csv_survey_new (table);
}

/* "Q3 … - 1" headers; "Q3=TYPE" maps them; an unknown type maps nothing. */
static void
test_assign (void)
{
  g_autoptr(MwCsvSurvey) survey = survey_from_text (
    "Respondent,Q3 Who do you go to for advice? - 1,Q3 Who do you go to for advice? - 2,Q4 Who do you work with?\n"
    "Ana,Ben,Cleo,Ben\n"
    "Ben,Ana,,\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvSurveyResult) result = NULL;
  g_autoptr(MwNetwork) network = NULL;
  const char *good[] = { "Q3 Who do you go to for advice?=influences", "4=none", NULL };
  const char *bad[] = { "Q3 Who do you go to for advice?=checks", "Q4 Who do you work with?=friendship",
                        "2=acquaintance", NULL };
  const char *missing[] = { "Q9=reports", NULL };

  g_assert_cmpuint (mw_csv_survey_get_n_questions (survey), ==, 2);
  g_assert_cmpuint (mw_csv_survey_get_question_n_columns (survey, 0), ==, 2);

  g_assert_false (mw_csv_survey_assign (survey, bad, &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "friendship"));
  g_assert_nonnull (strstr (error->message, "acquaintance"));
  g_assert_cmpint (mw_csv_survey_get_question_type (survey, 0), ==, MW_TIE_COLLABORATES);
  g_clear_error (&error);

  g_assert_false (mw_csv_survey_assign (survey, missing, &error));
  g_assert_nonnull (strstr (error->message, "Q9"));
  g_clear_error (&error);

  g_assert_true (mw_csv_survey_assign (survey, good, &error));
  g_assert_no_error (error);
  g_assert_cmpint (mw_csv_survey_get_question_type (survey, 0), ==, MW_TIE_INFLUENCES);
  g_assert_cmpint (mw_csv_survey_get_question_type (survey, 1), ==, MW_CSV_SURVEY_NO_TYPE);

  network = import_survey (survey, &result);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 3);
  g_assert_cmpuint (n_ties_of (network, MW_TIE_INFLUENCES), ==, 3);
  g_assert_cmpstr (g_ptr_array_index (result->non_respondents, 0), ==, "Cleo");
}

/* Into a network that has the people: they are matched by name, not added. */
static void
test_into_existing (void)
{
  g_autoptr(MwCsvSurvey) survey = survey_from_text ("Your name,Who do you work with?\n"
                                                    "ana lima,Ben Okafor\n"
                                                    "Ana Lima,Ben Okafor\n");
  g_autoptr(MwNetwork) existing = mw_network_new ();
  g_autoptr(MwCsvSurveyResult) result = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  MwImportProblem *problem;

  mw_network_add_actor (existing, "a1", "Ana Lima", MW_ACTOR_PERSON, NULL);
  mw_network_add_actor (existing, "b1", "Ben Okafor", MW_ACTOR_PERSON, NULL);

  network = mw_csv_survey_import (survey, existing, &result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (existing), ==, 2);
  g_assert_cmpuint (mw_network_get_n_ties (existing), ==, 0);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 2);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 1);
  g_assert_true (has_tie (network, "Ana Lima", "Ben Okafor", MW_TIE_COLLABORATES));

  /* the second row is the same respondent */
  g_assert_cmpuint (result->report->n_rows_skipped, ==, 1);
  problem = g_ptr_array_index (result->report->problems, 0);
  g_assert_cmpint (problem->kind, ==, MW_IMPORT_PROBLEM_DUPLICATE_ID);
  g_assert_cmpuint (problem->row, ==, 3);
}

static void
test_no_respondent (void)
{
  g_autoptr(MwCsvSurvey) survey = survey_from_text ("Timestamp,Who do you work with?\n1,Ben\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_csv_survey_import (survey, NULL, NULL, &error);

  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);

  g_assert_true (mw_csv_survey_set_respondent (survey, "Timestamp", NULL));
  g_clear_error (&error);
  network = mw_csv_survey_import (survey, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* meshwork-cli import --survey: the rate and the non-respondents */
static void
test_cli (void)
{
  g_autofree char *dir = mw_test_make_dir ("meshwork-survey");
  g_autofree char *out = g_build_filename (dir, "survey.gv", NULL);
  g_autofree char *in = fixture_path ("microsoft-forms-survey.csv");
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(MwTestRun) run = { 0 };
  g_auto(MwTestRun) bad = { 0 };
  g_auto(MwTestRun) alone = { 0 };

  mw_test_run_cli (&run, "import", "--survey", "--layout", "none",
                   "--question", "Who do you go to for advice?=influences", in, out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Response rate: 67% (4 of 6)"));
  g_assert_nonnull (strstr (run.out, "Mensah, Kwame"));
  g_assert_nonnull (strstr (run.out, "Müller, Zoë"));
  g_assert_nonnull (strstr (run.out, "influences"));

  network = mw_dot_load_file (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_ties_of (network, MW_TIE_INFLUENCES), ==, 6);
  g_assert_cmpuint (n_ties_of (network, MW_TIE_REPORTS), ==, 2);
  g_remove (out);

  /* an unknown type: listed, nothing written */
  mw_test_run_cli (&bad, "import", "--survey", "--question", "Who is your manager?=boss-of", in, out, NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "boss-of"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* --question means nothing without --survey */
  mw_test_run_cli (&alone, "import", "--question", "Q3=reports", in, out, NULL);
  g_assert_cmpint (alone.status, ==, 2);
  g_assert_nonnull (strstr (alone.err, "--survey"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  mw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-survey/name-key", test_name_key);
  g_test_add_func ("/csv-survey/split-cell", test_split_cell);
  g_test_add_func ("/csv-survey/google-forms", test_google_forms);
  g_test_add_func ("/csv-survey/microsoft-forms", test_microsoft_forms);
  g_test_add_func ("/csv-survey/surveymonkey", test_surveymonkey);
  g_test_add_func ("/csv-survey/qualtrics", test_qualtrics);
  g_test_add_func ("/csv-survey/assign", test_assign);
  g_test_add_func ("/csv-survey/into-existing", test_into_existing);
  g_test_add_func ("/csv-survey/no-respondent", test_no_respondent);
  g_test_add_func ("/csv-survey/cli", test_cli);

  return g_test_run ();
}
