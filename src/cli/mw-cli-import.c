/* mw-cli-import.c: meshwork-cli import, org charts and ties from CSV files
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mw-cli.h"
#include "mw-layout.h"
#include "mw-csv.h"
#include "mw-csv-survey.h"
#include "mw-import-report.h"

typedef struct
{
  char   *ties_path;
  char  **maps;
  char   *delimiter;
  char   *default_type;
  char   *layout;
  double   time_limit;
  char  **questions;
  char   *respondent;
  gboolean no_header;
  gboolean json;
  gboolean survey;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->ties_path);
  g_strfreev (options->maps);
  g_free (options->delimiter);
  g_free (options->default_type);
  g_free (options->layout);
  g_strfreev (options->questions);
  g_free (options->respondent);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse_delimiter (const char *text,
                 char       *delimiter)
{
  if (g_ascii_strcasecmp (text, "tab") == 0 || strcmp (text, "\\t") == 0 || strcmp (text, "\t") == 0)
    *delimiter = '\t';
  else if (strlen (text) == 1 && strchr (",;|", *text) != NULL)
    *delimiter = *text;
  else
    return FALSE;
  return TRUE;
}

/* Reads a CSV file: the format sniffed, the delimiter forced if asked. */
static MwCsvTable *
load_table (const char     *path,
            const Options  *options,
            GError        **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = g_filename_display_name (path);
  MwCsvFormat format;
  gsize length;

  if (options->delimiter == NULL && !options->no_header && !options->survey)
    return mw_csv_table_load_file (path, NULL, NULL, error);

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  mw_csv_sniff (contents, length, &format);
  /* a survey export always has a header, however sparse (SurveyMonkey's) */
  if (options->survey)
    format.has_header = TRUE;
  if (options->no_header)
    format.has_header = FALSE;
  if (options->delimiter != NULL && !parse_delimiter (options->delimiter, &format.delimiter))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("--delimiter: “%s” is not , ; | or tab"), options->delimiter);
      return NULL;
    }
  return mw_csv_table_parse (contents, length, display, &format, NULL, error);
}

/* --map FIELD=COLUMN goes to the people file or the ties file, by field. */
static gboolean
apply_maps (const Options  *options,
            MwCsvTable     *people,
            MwCsvMapping   *people_mapping,
            MwCsvTable     *ties,
            MwCsvMapping   *ties_mapping,
            GError        **error)
{
  for (guint i = 0; options->maps != NULL && options->maps[i] != NULL; i++)
    {
      g_autofree char *field_name = g_strndup (options->maps[i], strcspn (options->maps[i], "="));
      MwCsvField field;
      gboolean ties_field;

      g_strstrip (field_name);
      ties_field = mw_csv_field_from_string (field_name, &field) &&
                   field >= MW_CSV_FIRST_TIES_FIELD && field <= MW_CSV_LAST_TIES_FIELD;

      if (ties_field && ties == NULL)
        {
          g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                       _("--map %s: “%s” is a ties field, and there is no --ties file"),
                       options->maps[i], field_name);
          return FALSE;
        }
      if (!ties_field && people == NULL)
        {
          g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                       _("--map %s: there is no people file"), options->maps[i]);
          return FALSE;
        }

      if (!mw_csv_mapping_assign (ties_field ? ties_mapping : people_mapping,
                                  ties_field ? ties : people, options->maps[i], error))
        return FALSE;
    }

  return TRUE;
}

static void
print_table (MwCsvTable         *table,
             const MwCsvMapping *mapping)
{
  g_autofree char *format = mw_csv_format_describe (mw_csv_table_get_format (table));
  g_auto(GStrv) columns = mw_csv_mapping_to_strv (mapping, table);
  g_autofree char *joined = g_strjoinv (", ", columns);

  printf (_("Read %s (%s): %u rows\n"), mw_csv_table_get_source (table), format,
          mw_csv_table_get_n_rows (table));
  printf (_("  Columns: %s\n"), *joined != '\0' ? joined : _("(none mapped)"));
}

static void
print_report (MwImportReport *report,
              const char     *out_path)
{
  guint n_skipped = mw_import_report_n_skipped (report);

  printf (_("Imported %u actors and %u ties into %s\n"),
          report->n_actors, report->n_ties, out_path);

  if (report->problems->len == 0)
    {
      printf ("%s\n", _("Problems: none"));
      return;
    }

  printf (_("Problems: %u\n"), report->problems->len);
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *line = mw_import_problem_format (g_ptr_array_index (report->problems, i));
      printf ("  - %s\n", line);
    }
  printf (_("Skipped: %u rows; %u problems left something out\n"), report->n_rows_skipped, n_skipped);
}

static void
add_table_json (JsonBuilder *builder,
                const char  *member,
                MwCsvTable  *table,
                const MwCsvMapping *mapping)
{
  g_autofree char *format = NULL;
  g_auto(GStrv) columns = NULL;

  if (table == NULL)
    return;

  format = mw_csv_format_describe (mw_csv_table_get_format (table));
  columns = mw_csv_mapping_to_strv (mapping, table);
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, mw_csv_table_get_source (table));
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, format);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_int_value (builder, mw_csv_table_get_n_rows (table));
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; columns[i] != NULL; i++)
    json_builder_add_string_value (builder, columns[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
add_problem_json (JsonBuilder           *builder,
                  const MwImportProblem *problem)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, problem->source);
  json_builder_set_member_name (builder, "row");
  json_builder_add_int_value (builder, problem->row);
  json_builder_set_member_name (builder, "column");
  json_builder_add_int_value (builder, problem->column);
  json_builder_set_member_name (builder, "column_name");
  if (problem->column_name != NULL)
    json_builder_add_string_value (builder, problem->column_name);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, mw_import_problem_kind_to_string (problem->kind));
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_boolean_value (builder, problem->skipped);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, problem->message);
  json_builder_end_object (builder);
}

static void
print_json (MwCsvTable         *people,
            const MwCsvMapping *people_mapping,
            MwCsvTable         *ties,
            const MwCsvMapping *ties_mapping,
            MwImportReport     *report,
            const char         *out_path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_table_json (builder, "people", people, people_mapping);
  add_table_json (builder, "ties", ties, ties_mapping);
  json_builder_set_member_name (builder, "output");
  json_builder_add_string_value (builder, out_path);
  json_builder_set_member_name (builder, "actors_added");
  json_builder_add_int_value (builder, report->n_actors);
  json_builder_set_member_name (builder, "ties_added");
  json_builder_add_int_value (builder, report->n_ties);
  json_builder_set_member_name (builder, "rows_skipped");
  json_builder_add_int_value (builder, report->n_rows_skipped);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->problems->len; i++)
    add_problem_json (builder, g_ptr_array_index (report->problems, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  mw_cli_print_json (root);
}

/* Imported people have no positions: lay them out as the app does after
 * an import — in the layout child, stopped after --time-limit seconds —
 * unless that would take longer than anyone would wait at a command line.
 * The default layout that does not finish in time leaves the network
 * unplaced, with a word; one asked for with --layout fails. */
static gboolean
lay_out (MwNetwork      *network,
         const Options  *options,
         gboolean        has_people,
         GError        **error)
{
  MwLayoutEngine engine;
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GError) local_error = NULL;
  double estimate;

  if (g_strcmp0 (options->layout, "none") == 0 || mw_network_get_n_actors (network) == 0)
    return TRUE;
  if (options->layout == NULL)
    engine = mw_layout_engine_for_import (network, has_people);
  else if (!mw_layout_engine_from_string (options->layout, &engine))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("--layout: “%s” is not auto, dot, neato, fdp, sfdp, circo, twopi or none"),
                   options->layout);
      return FALSE;
    }
  else if (engine == MW_LAYOUT_DOT)
    /* an org chart asked for gives way when too slow, as the default one does */
    engine = mw_layout_engine_for_org_chart (network);

  estimate = mw_layout_estimate_seconds (network, engine);
  if (options->layout == NULL && estimate > options->time_limit)
    {
      g_printerr (_("meshwork-cli: import: not laid out (it would take about %.0f s); "
                    "run “meshwork-cli layout” on the result\n"), estimate);
      return TRUE;
    }

  positions = mw_cli_layout_limited (network, engine, options->time_limit, &local_error);
  if (positions == NULL && options->layout != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (positions == NULL)
    {
      g_printerr (_("meshwork-cli: import: not laid out: %s\n"), local_error->message);
      return TRUE;
    }

  mw_layout_apply (network, positions);
  return TRUE;
}

static int
run_import (const Options *options,
            const char    *people_path,
            const char    *out_path)
{
  g_autoptr(MwCsvTable) people = NULL;
  g_autoptr(MwCsvTable) ties = NULL;
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  MwCsvMapping people_mapping, ties_mapping;
  MwCsvImportOptions import_options;

  mw_csv_import_options_init (&import_options);
  import_options.create_missing_actors = (people_path == NULL);
  if (options->default_type != NULL &&
      !mw_tie_type_from_synonym (options->default_type, &import_options.default_tie_type))
    return mw_cli_fail (_("import: --type: “%s” is not reports, collaborates, influences or checks"),
                        options->default_type);

  if (people_path != NULL && (people = load_table (people_path, options, &error)) == NULL)
    return mw_cli_fail ("%s", error->message);
  if (options->ties_path != NULL && (ties = load_table (options->ties_path, options, &error)) == NULL)
    return mw_cli_fail ("%s", error->message);

  if (people != NULL)
    mw_csv_mapping_guess (&people_mapping, people, FALSE);
  if (ties != NULL)
    mw_csv_mapping_guess (&ties_mapping, ties, TRUE);
  if (!apply_maps (options, people, &people_mapping, ties, &ties_mapping, &error))
    return mw_cli_fail ("import: %s", error->message);

  if (people != NULL && !options->json)
    print_table (people, &people_mapping);
  if (ties != NULL && !options->json)
    print_table (ties, &ties_mapping);

  network = mw_csv_import (people, people != NULL ? &people_mapping : NULL,
                           ties, ties != NULL ? &ties_mapping : NULL,
                           &import_options, &report, &error);
  if (network == NULL)
    return mw_cli_fail ("%s", error->message);

  if (!lay_out (network, options, people != NULL, &error))
    return mw_cli_fail ("import: %s", error->message);

  if (!mw_cli_save_any (network, out_path, &error))
    return mw_cli_fail ("%s", error->message);

  if (options->json)
    print_json (people, &people_mapping, ties, &ties_mapping, report, out_path);
  else
    print_report (report, out_path);
  return mw_import_report_n_skipped (report) > 0 ? MW_CLI_PROBLEMS : MW_CLI_OK;
}

/* ---------------------------------------------------------------------- */
/* --survey: one row per respondent                                        */

static void
print_survey (MwCsvSurvey *survey)
{
  MwCsvTable *table = mw_csv_survey_get_table (survey);
  g_autofree char *format = mw_csv_format_describe (mw_csv_table_get_format (table));

  printf (_("Read %s (%s): %u responses\n"), mw_csv_table_get_source (table), format,
          mw_csv_survey_get_n_rows (survey));
  if (mw_csv_survey_get_respondent_column (survey) >= 0)
    printf (_("  Respondent: “%s”\n"),
            mw_csv_table_get_column_name (table, mw_csv_survey_get_respondent_column (survey)));
  printf ("%s\n", _("  Questions:"));
  for (guint q = 0; q < mw_csv_survey_get_n_questions (survey); q++)
    {
      int type = mw_csv_survey_get_question_type (survey, q);
      guint n = mw_csv_survey_get_question_n_columns (survey, q);

      printf (ngettext ("    “%s” (%u column): %s\n", "    “%s” (%u columns): %s\n", n),
              mw_csv_survey_get_question_text (survey, q), n,
              type == MW_CSV_SURVEY_NO_TYPE ? _("none (left out)") : mw_tie_type_to_string (type));
    }
}

static void
print_survey_result (MwCsvSurveyResult *result)
{
  guint roster = result->n_respondents + result->non_respondents->len;

  printf (_("Response rate: %.0f%% (%u of %u)\n"), 100.0 * mw_csv_survey_result_get_response_rate (result),
          result->n_respondents, roster);
  printf (_("Non-respondents (named by others, no row of their own): %u\n"), result->non_respondents->len);
  for (guint i = 0; i < result->non_respondents->len; i++)
    printf ("  - %s\n", (const char *)g_ptr_array_index (result->non_respondents, i));
}

static void
print_survey_json (MwCsvSurvey       *survey,
                   MwCsvSurveyResult *result,
                   const char        *out_path)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "file");
  json_builder_add_string_value (builder, mw_csv_table_get_source (mw_csv_survey_get_table (survey)));
  json_builder_set_member_name (builder, "output");
  json_builder_add_string_value (builder, out_path);
  json_builder_set_member_name (builder, "questions");
  json_builder_begin_array (builder);
  for (guint q = 0; q < mw_csv_survey_get_n_questions (survey); q++)
    {
      int type = mw_csv_survey_get_question_type (survey, q);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, mw_csv_survey_get_question_text (survey, q));
      json_builder_set_member_name (builder, "columns");
      json_builder_add_int_value (builder, mw_csv_survey_get_question_n_columns (survey, q));
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, type == MW_CSV_SURVEY_NO_TYPE ? "none" : mw_tie_type_to_string (type));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "respondents");
  json_builder_add_int_value (builder, result->n_respondents);
  json_builder_set_member_name (builder, "response_rate");
  json_builder_add_double_value (builder, mw_csv_survey_result_get_response_rate (result));
  json_builder_set_member_name (builder, "non_respondents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->non_respondents->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (result->non_respondents, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "actors_added");
  json_builder_add_int_value (builder, result->report->n_actors);
  json_builder_set_member_name (builder, "ties_added");
  json_builder_add_int_value (builder, result->report->n_ties);
  json_builder_set_member_name (builder, "rows_skipped");
  json_builder_add_int_value (builder, result->report->n_rows_skipped);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->report->problems->len; i++)
    add_problem_json (builder, g_ptr_array_index (result->report->problems, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  mw_cli_print_json (root);
}

static int
run_survey (const Options *options,
            const char    *path,
            const char    *out_path)
{
  g_autoptr(MwCsvTable) table = NULL;
  g_autoptr(MwCsvSurvey) survey = NULL;
  g_autoptr(MwCsvSurveyResult) result = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;

  if (options->ties_path != NULL || options->maps != NULL)
    return mw_cli_fail (_("import: --survey reads one file; --ties and --map are for org charts"));
  if ((table = load_table (path, options, &error)) == NULL)
    return mw_cli_fail ("%s", error->message);

  survey = mw_csv_survey_new (table);
  if (options->respondent != NULL && !mw_csv_survey_set_respondent (survey, options->respondent, &error))
    return mw_cli_fail ("import: --respondent: %s", error->message);
  if (!mw_csv_survey_assign (survey, (const char * const *)options->questions, &error))
    return mw_cli_fail ("import: --question: %s", error->message);
  if (!options->json)
    print_survey (survey);

  network = mw_csv_survey_import (survey, NULL, &result, &error);
  if (network == NULL)
    return mw_cli_fail ("import: %s", error->message);
  if (!lay_out (network, options, FALSE, &error))
    return mw_cli_fail ("import: %s", error->message);
  if (!mw_cli_save_any (network, out_path, &error))
    return mw_cli_fail ("%s", error->message);

  if (options->json)
    print_survey_json (survey, result, out_path);
  else
    {
      print_report (result->report, out_path);
      print_survey_result (result);
    }
  return mw_import_report_n_skipped (result->report) > 0 ? MW_CLI_PROBLEMS : MW_CLI_OK;
}

int
mw_cli_import (int    argc,
               char **argv)
{
  g_auto(Options) options = { 0 };
  GOptionEntry entries[] = {
    { "ties", 't', 0, G_OPTION_ARG_FILENAME, &options.ties_path,
      N_("A ties file: source, target, type, weight"), "TIES.csv" },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &options.maps,
      N_("Take FIELD from COLUMN (a header or a number from 1); repeatable. Fields: id, name, "
         "first-name, last-name, manager, title, unit, org, location, email, kind, source, target, "
         "type, weight"), "FIELD=COLUMN" },
    { "delimiter", 'd', 0, G_OPTION_ARG_STRING, &options.delimiter,
      N_("The delimiter, when guessing it goes wrong: , ; | or tab"), "D" },
    { "no-header", 0, 0, G_OPTION_ARG_NONE, &options.no_header,
      N_("The first row is data, not a header (columns are then 1, 2, …)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options.json, N_("Print the report as JSON"), NULL },
    { "layout", 'l', 0, G_OPTION_ARG_STRING, &options.layout,
      N_("Lay the result out with ENGINE: auto, dot, neato, fdp, sfdp, circo, twopi, or none "
         "(default: the org chart, dot, when it is quick enough)"), "ENGINE" },
    { "type", 0, 0, G_OPTION_ARG_STRING, &options.default_type,
      N_("The type of a tie whose row has none (default: collaborates)"), "TYPE" },
    { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &options.time_limit, N_("Give up after SECONDS"), "SECONDS" },
    { "survey", 's', 0, G_OPTION_ARG_NONE, &options.survey,
      N_("The file is a survey export, one row per respondent: each question that asks for names "
         "gives a tie from the respondent to each person named"), NULL },
    { "question", 'q', 0, G_OPTION_ARG_STRING_ARRAY, &options.questions,
      N_("With --survey: the tie type of a question (its text, its header such as Q3, or a column's "
         "header or number): reports, collaborates, influences, checks or none; repeatable. Default: "
         "from the question's wording, else collaborates"), "QUESTION=TYPE" },
    { "respondent", 'r', 0, G_OPTION_ARG_STRING, &options.respondent,
      N_("With --survey: the column with the respondent's name, when it is not found"), "COLUMN" },
    { NULL }
  };

  options.time_limit = MW_LAYOUT_IMPORT_MAX_SECONDS;

  if (!mw_cli_parse_options ("import", "PEOPLE.csv OUT.gv",
                             N_("Builds a network from an org-chart export (one row per person: id, name,\n"
                                "manager id, title, department, organisation, location, email) and,\n"
                                "optionally, a ties file. Each person's manager becomes a “reports” tie.\n"
                                "Columns are matched by their header; --map overrides. Rows with problems\n"
                                "are skipped and listed with their row and column. OUT is .gv, .dot or\n"
                                ".graphml; without PEOPLE.csv, the ties file alone makes the network.\n"
                                "With --survey, PEOPLE.csv is a survey export instead: one row per\n"
                                "respondent, and questions whose cells name people (several names in a\n"
                                "cell, split at “;”, line breaks or “,”, or one column per name).\n"
                                "Exit status: 0 all imported, 1 something was skipped, 2 nothing written."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;

  if (options.time_limit <= 0 || options.time_limit > 86400)
    return mw_cli_fail (_("import: --time-limit must be more than 0 and at most 86400 seconds"));
  if (!options.survey && (options.questions != NULL || options.respondent != NULL))
    return mw_cli_fail (_("import: --question and --respondent are for a survey (add --survey)"));
  if (options.survey && argc == 3)
    return run_survey (&options, argv[1], argv[2]);
  if (options.survey)
    return mw_cli_fail (_("import: expected SURVEY.csv and OUT.gv (try “meshwork-cli import --help”)"));
  if (argc == 2 && options.ties_path != NULL)
    return run_import (&options, NULL, argv[1]);
  if (argc != 3)
    return mw_cli_fail (_("import: expected PEOPLE.csv and OUT.gv (try “meshwork-cli import --help”)"));

  return run_import (&options, argv[1], argv[2]);
}
