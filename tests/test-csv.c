/* test-csv.c: org charts and ties from CSV files as HR systems write them
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mw-csv.h"
#include "mw-dot.h"
#include "mw-import-report.h"
#include "mw-limits.h"
#include "mw-test-cli.h"
#include "mw-test-core.h"


static MwCsvTable *
load_table (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GError) error = NULL;
  MwCsvTable *table = mw_csv_table_load_file (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static MwNetwork *
import_people (const char      *people_name,
               const char      *ties_name,
               MwImportReport **report)
{
  g_autoptr(MwCsvTable) people = people_name != NULL ? load_table (people_name) : NULL;
  g_autoptr(MwCsvTable) ties = ties_name != NULL ? load_table (ties_name) : NULL;
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_csv_import (people, NULL, ties, NULL, NULL, report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (network);
  return network;
}

static const char *
attr (MwActor    *actor,
      const char *key)
{
  return g_hash_table_lookup (actor->attrs, key);
}

static MwActor *
manager_of (MwActor *actor)
{
  g_assert_cmpuint (mw_actor_n_out (actor, MW_TIE_REPORTS), ==, 1);
  return mw_actor_out (actor, MW_TIE_REPORTS, 0)->to;
}

/* People (and ties) given as text, imported with the guessed mappings. */
static MwNetwork *
import_text (const char      *people,
             const char      *ties,
             MwImportReport **report)
{
  g_autoptr(MwCsvTable) people_table = mw_csv_table_parse (people, strlen (people), "people.csv", NULL, NULL, NULL);
  g_autoptr(MwCsvTable) ties_table = ties != NULL ? mw_csv_table_parse (ties, strlen (ties), "ties.csv", NULL, NULL, NULL)
                                                  : NULL;

  return mw_csv_import (people_table, NULL, ties_table, NULL, NULL, report, NULL);
}

/* Excel's "CSV UTF-8": BOM, CRLF, quotes, commas and a line break in cells */
static void
test_excel (void)
{
  g_autoptr(MwCsvTable) table = load_table ("excel-people.csv");
  const MwCsvFormat *format = mw_csv_table_get_format (table);
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("excel-people.csv", NULL, &report);
  MwActor *sam, *lea, *dana;

  g_assert_cmpint (format->delimiter, ==, ',');
  g_assert_true (format->has_header);
  g_assert_true (format->has_bom);
  g_assert_true (format->crlf);
  g_assert_cmpint (format->encoding, ==, MW_CSV_ENCODING_UTF8);
  /* the BOM is not part of the first column's name */
  g_assert_cmpstr (mw_csv_table_get_column_name (table, 0), ==, "Employee ID");
  g_assert_cmpuint (mw_csv_table_get_n_rows (table), ==, 6);

  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_actors, ==, 6);
  g_assert_cmpuint (report->n_ties, ==, 5);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 6);

  sam = mw_network_lookup_actor (network, "E002");
  lea = mw_network_lookup_actor (network, "E003");
  dana = mw_network_lookup_actor (network, "E001");
  g_assert_cmpstr (sam->label, ==, "Sam \"Sammy\" Okafor");
  g_assert_cmpstr (attr (lea, "title"), ==, "Head of Operations\nand Facilities");
  g_assert_cmpstr (attr (lea, "location"), ==, "Lyon, France");
  g_assert_cmpstr (attr (lea, "email"), ==, "lea@acme.example");
  g_assert_cmpstr (attr (lea, "cost_center"), ==, "CC-300");
  g_assert_cmpstr (lea->unit, ==, "Operations");
  g_assert_cmpstr (lea->org, ==, "Acme");
  g_assert_true (manager_of (sam) == dana);
  g_assert_true (manager_of (mw_network_lookup_actor (network, "E006")) == lea);
  g_assert_cmpuint (mw_actor_n_out (dana, MW_TIE_REPORTS), ==, 0);
  /* the importer leaves positions to the org-chart layout */
  g_assert_false (dana->has_position);
}

static void
test_semicolon (void)
{
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("semicolon-people.csv", NULL, &report);
  MwActor *per = mw_network_lookup_actor (network, "103");

  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpstr (per->label, ==, "Per; the elder");
  g_assert_cmpstr (per->unit, ==, "Sales");
  g_assert_cmpstr (per->org, ==, "Nordlys AS");
  g_assert_cmpstr (attr (per, "title"), ==, "Account Manager");
  g_assert_cmpstr (manager_of (per)->id, ==, "101");
}

/* a people file and a survey's tab-separated ties file together */
static void
test_people_and_ties (void)
{
  g_autoptr(MwCsvTable) ties = load_table ("survey-ties.tsv");
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("excel-people.csv", "survey-ties.tsv", &report);
  MwActor *jonas = mw_network_lookup_actor (network, "E004");
  MwActor *mei = mw_network_lookup_actor (network, "E005");
  MwActor *ana = mw_network_lookup_actor (network, "E006");
  MwTie *tie;

  g_assert_cmpint (mw_csv_table_get_format (ties)->delimiter, ==, '\t');
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpuint (report->n_ties, ==, 10);

  g_assert_cmpuint (mw_actor_n_out (jonas, MW_TIE_COLLABORATES), ==, 1);
  tie = mw_actor_out (jonas, MW_TIE_COLLABORATES, 0);
  g_assert_true (tie->to == mei);
  /* "2,5" in a file whose delimiter is not the comma */
  g_assert_cmpfloat_with_epsilon (tie->weight, 2.5, 1e-9);
  g_assert_cmpstr (g_hash_table_lookup (tie->attrs, "wave"), ==, "1");
  g_assert_cmpuint (mw_actor_n_out (mei, MW_TIE_INFLUENCES), ==, 1);
  g_assert_cmpuint (mw_actor_n_out (ana, MW_TIE_CHECKS), ==, 1);
  g_assert_cmpfloat (mw_actor_out (ana, MW_TIE_CHECKS, 0)->weight, ==, 1.0);
  /* "Reports-To" adds a second reporting line for Léa */
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "E003"), MW_TIE_REPORTS), ==, 2);
}

static void
test_workday (void)
{
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("workday-people.csv", NULL, &report);
  MwActor *grace = mw_network_lookup_actor (network, "21003");

  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpstr (grace->label, ==, "Grace Hopper");
  g_assert_cmpstr (grace->unit, ==, "Technology");
  g_assert_cmpstr (grace->org, ==, "Contoso Ltd");
  g_assert_cmpstr (attr (grace, "email"), ==, "grace@contoso.example");
  g_assert_cmpstr (attr (grace, "title"), ==, "Engineering Manager");
  g_assert_cmpstr (manager_of (grace)->label, ==, "Ada Byron");
}

/* first and last names in two columns; managers named, not numbered */
static void
test_bamboohr (void)
{
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("bamboohr-people.csv", NULL, &report);
  MwActor *ella = mw_network_lookup_actor (network, "3");

  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpstr (ella->label, ==, "Ella Baker");
  g_assert_cmpstr (ella->unit, ==, "Community");
  g_assert_cmpstr (attr (ella, "division"), ==, "North America");
  g_assert_cmpstr (manager_of (ella)->id, ==, "1");
}

static void
test_windows_1252 (void)
{
  g_autoptr(MwCsvTable) table = load_table ("windows-1252.csv");
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("windows-1252.csv", NULL, &report);

  g_assert_cmpint (mw_csv_table_get_format (table)->encoding, ==, MW_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpstr (mw_network_lookup_actor (network, "1")->label, ==, "José Núñez");
  g_assert_cmpstr (mw_network_lookup_actor (network, "2")->unit, ==, "Façade €");
}

/* Excel's "Unicode text": UTF-16 with a BOM, tab-separated */
static void
test_utf16 (void)
{
  g_autoptr(MwCsvTable) table = load_table ("excel-unicode-text.txt");
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("excel-unicode-text.txt", NULL, &report);

  g_assert_cmpint (mw_csv_table_get_format (table)->encoding, ==, MW_CSV_ENCODING_UTF16);
  g_assert_cmpint (mw_csv_table_get_format (table)->delimiter, ==, '\t');
  g_assert_cmpstr (mw_csv_table_get_column_name (table, 0), ==, "Employee ID");
  g_assert_cmpuint (report->problems->len, ==, 0);
  g_assert_cmpstr (manager_of (mw_network_lookup_actor (network, "8"))->label, ==, "Åsa Lind");
}

/* a manager named by a name two people share cannot be resolved */
static void
test_ambiguous_manager (void)
{
  static const char data[] = "Name;Manager\nAnn;\nBo;Ann\nBo;Ann\nCy;Bo\n";
  static const char by_id[] = "id,name,manager\n1,Bo,\n2,Bo,\n3,Cy,Bo\n";
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwImportReport) ids_report = NULL;
  g_autoptr(MwNetwork) network = import_text (data, NULL, &report);
  g_autoptr(MwNetwork) ids_network = import_text (by_id, NULL, &ids_report);
  MwImportProblem *problem;

  /* names are the ids: the second Bo is a duplicate */
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 3);
  g_assert_cmpint (((MwImportProblem *)g_ptr_array_index (report->problems, 0))->kind, ==,
                   MW_IMPORT_PROBLEM_DUPLICATE_ID);

  g_assert_cmpuint (ids_report->problems->len, ==, 1);
  problem = g_ptr_array_index (ids_report->problems, 0);
  g_assert_cmpint (problem->kind, ==, MW_IMPORT_PROBLEM_UNKNOWN_MANAGER);
  g_assert_cmpuint (problem->row, ==, 4);
  g_assert_nonnull (strstr (problem->message, "more than one person"));
}

/* HR exports keyed by e-mail: "Manager Email" is the manager column and
 * matches the people's e-mail column whatever its case; "Manager Name"
 * matches names; a ties file may name people by e-mail too. Before, both
 * columns were kept as plain attributes: no reporting line, no problem. */
static void
test_manager_by_email (void)
{
  static const char people[] =
    "Full Name,Work Email,Manager Email,Department\n"
    "Ada Byron,Ada@Contoso.example,,Board\n"
    "Alan Turing,alan@contoso.example,ada@contoso.example,Research\n"
    "Grace Hopper,grace@contoso.example,ALAN@contoso.example,Research\n"
    "Joan Clarke,joan@contoso.example,nobody@contoso.example,Research\n";
  static const char by_name[] = "Employee,Manager Name\nAda Byron,\nAlan Turing,Ada Byron\n";
  static const char ties[] = "From,To,Type\ngrace@contoso.example,Joan@contoso.example,collaborates\n";
  g_autoptr(MwCsvTable) table = mw_csv_table_parse (people, strlen (people), "hr.csv", NULL, NULL, NULL);
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwImportReport) names_report = NULL;
  g_autoptr(MwNetwork) network = import_text (people, ties, &report);
  g_autoptr(MwNetwork) names_network = import_text (by_name, NULL, &names_report);
  MwCsvMapping mapping;
  MwImportProblem *problem;

  mw_csv_mapping_guess (&mapping, table, FALSE);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_MANAGER], ==, 2);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_EMAIL], ==, 1);

  g_assert_cmpstr (manager_of (mw_network_lookup_actor (network, "Alan Turing"))->id, ==, "Ada Byron");
  g_assert_cmpstr (manager_of (mw_network_lookup_actor (network, "Grace Hopper"))->id, ==, "Alan Turing");
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "Ada Byron"), MW_TIE_REPORTS), ==, 0);
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "Joan Clarke"), MW_TIE_REPORTS), ==, 0);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 3);
  g_assert_cmpuint (report->problems->len, ==, 1);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpint (problem->kind, ==, MW_IMPORT_PROBLEM_UNKNOWN_MANAGER);
  g_assert_cmpuint (problem->row, ==, 5);
  g_assert_nonnull (strstr (problem->message, "nobody@contoso.example"));

  g_assert_cmpuint (names_report->problems->len, ==, 0);
  g_assert_cmpstr (manager_of (mw_network_lookup_actor (names_network, "Alan Turing"))->id, ==, "Ada Byron");
}

/* Workday writes a manager as "Name (Employee ID)": the id in the brackets
 * finds them, else the name before them. */
static void
test_manager_name_and_id (void)
{
  static const char people[] =
    "Employee ID,Worker,Manager\n"
    "21001,Ada Byron,\n"
    "21002,Alan Turing,Ada Byron (21001)\n"
    "21003,Grace Hopper,Alan Turing (no id)\n"
    "21004,Joan Clarke,Nobody (99)\n";
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_text (people, NULL, &report);

  g_assert_cmpstr (manager_of (mw_network_lookup_actor (network, "21002"))->id, ==, "21001");
  g_assert_cmpstr (manager_of (mw_network_lookup_actor (network, "21003"))->id, ==, "21002");
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "21004"), MW_TIE_REPORTS), ==, 0);
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_nonnull (strstr (((MwImportProblem *)g_ptr_array_index (report->problems, 0))->message,
                            "Nobody (99)"));
}

static void
test_no_header (void)
{
  g_autoptr(MwCsvTable) table = load_table ("no-header.psv");
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("no-header.psv", NULL, &report);

  g_assert_cmpint (mw_csv_table_get_format (table)->delimiter, ==, '|');
  g_assert_false (mw_csv_table_get_format (table)->has_header);
  g_assert_cmpstr (mw_csv_table_get_column_name (table, 1), ==, "Column 2");
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 3);
  g_assert_cmpstr (manager_of (mw_network_lookup_actor (network, "x3"))->label, ==, "Xavier");
}

typedef struct
{
  guint                row;
  guint                column;
  MwImportProblemKind  kind;
  gboolean             skipped;
} Expected;

static void
assert_problems (MwImportReport *report,
                 const Expected *expected,
                 guint           n_expected)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      g_autofree char *text = mw_import_problem_format (g_ptr_array_index (report->problems, i));
      g_test_message ("%s", text);
    }

  g_assert_cmpuint (report->problems->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      MwImportProblem *problem = g_ptr_array_index (report->problems, i);

      g_assert_cmpstr (mw_import_problem_kind_to_string (problem->kind), ==,
                       mw_import_problem_kind_to_string (expected[i].kind));
      g_assert_cmpuint (problem->row, ==, expected[i].row);
      g_assert_cmpuint (problem->column, ==, expected[i].column);
      g_assert_cmpint (problem->skipped, ==, expected[i].skipped);
    }
}

/* every broken row is reported with its row and column; the rest imports */
static void
test_malformed_people (void)
{
  static const Expected expected[] = {
    { 4, 3, MW_IMPORT_PROBLEM_UNKNOWN_MANAGER, TRUE },
    { 5, 1, MW_IMPORT_PROBLEM_DUPLICATE_ID, TRUE },
    { 6, 2, MW_IMPORT_PROBLEM_EMPTY_NAME, FALSE },
    { 7, 1, MW_IMPORT_PROBLEM_EMPTY_ID, TRUE },
    { 10, 3, MW_IMPORT_PROBLEM_MANAGER_CYCLE, TRUE },
    { 11, 4, MW_IMPORT_PROBLEM_BAD_KIND, TRUE },
    { 12, 6, MW_IMPORT_PROBLEM_EXTRA_CELLS, TRUE },
    { 15, 2, MW_IMPORT_PROBLEM_INVALID_UTF8, TRUE },
    { 16, 5, MW_IMPORT_PROBLEM_INVALID_UTF8, TRUE },
  };
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("malformed-people.csv", NULL, &report);
  g_autoptr(GPtrArray) problems = NULL;
  MwImportProblem *cycle;

  assert_problems (report, expected, G_N_ELEMENTS (expected));
  g_assert_cmpuint (report->n_rows_skipped, ==, 3);

  /* a b c d e f g h i j l m: 12 actors */
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 12);
  g_assert_cmpstr (mw_network_lookup_actor (network, "b")->label, ==, "Bob");
  g_assert_cmpstr (mw_network_lookup_actor (network, "d")->label, ==, "d");
  g_assert_null (mw_network_lookup_actor (network, "k"));
  g_assert_cmpint (mw_network_lookup_actor (network, "j")->kind, ==, MW_ACTOR_TEAM);
  g_assert_cmpint (mw_network_lookup_actor (network, "h")->kind, ==, MW_ACTOR_PERSON);
  g_assert_cmpstr (mw_network_lookup_actor (network, "m")->label, ==, "Mårten");
  g_assert_null (attr (mw_network_lookup_actor (network, "l"), "title"));
  g_assert_null (attr (mw_network_lookup_actor (network, "i"), "column_6"));
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "c"), MW_TIE_REPORTS), ==, 0);

  /* the cycle e → f → g → e is cut at g, the last of its rows */
  cycle = g_ptr_array_index (report->problems, 4);
  g_assert_nonnull (strstr (cycle->message, "Eve"));
  g_assert_cmpstr (cycle->column_name, ==, "manager");
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "g"), MW_TIE_REPORTS), ==, 0);
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "e"), MW_TIE_REPORTS), ==, 1);
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "f"), MW_TIE_REPORTS), ==, 1);
  problems = mw_network_check (network);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_malformed_ties (void)
{
  static const Expected expected[] = {
    { 3, 2, MW_IMPORT_PROBLEM_UNKNOWN_ACTOR, TRUE },
    { 4, 3, MW_IMPORT_PROBLEM_BAD_TYPE, TRUE },
    { 5, 4, MW_IMPORT_PROBLEM_BAD_NUMBER, TRUE },
    { 6, 2, MW_IMPORT_PROBLEM_SELF_TIE, TRUE },
    { 7, 1, MW_IMPORT_PROBLEM_EMPTY_ID, TRUE },
  };
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = import_people ("malformed-people.csv", "malformed-ties.csv", &report);
  g_autoptr(GPtrArray) ties_problems = g_ptr_array_new ();
  MwImportReport only_ties = { ties_problems, 0, 0, 0 };
  MwActor *d = mw_network_lookup_actor (network, "d");

  for (guint i = 0; i < report->problems->len; i++)
    {
      MwImportProblem *problem = g_ptr_array_index (report->problems, i);
      if (g_str_has_suffix (problem->source, "malformed-ties.csv"))
        g_ptr_array_add (ties_problems, problem);
    }
  assert_problems (&only_ties, expected, G_N_ELEMENTS (expected));

  g_assert_cmpuint (mw_actor_n_out (d, MW_TIE_CHECKS), ==, 1);
  g_assert_cmpfloat_with_epsilon (mw_actor_out (d, MW_TIE_CHECKS, 0)->weight, 0.5, 1e-9);
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "a"), MW_TIE_COLLABORATES), ==, 1);
}

/* a quote that never closes makes the file unreadable: an error, no table */
static void
test_unterminated (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "unterminated.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvTable) table = mw_csv_table_load_file (path, NULL, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, MW_ERROR, MW_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "row 3 (line 3)"));
}

/* files over a limit are refused with where, before anything is imported;
 * every refusal names the count and the limit in plain digits */
static void
test_limits (void)
{
  static const char data[] = "id,name\n1,Ann\n2,Bob\n3,\"A very long name indeed\"\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvTable) table = NULL;
  g_autoptr(GString) wide = g_string_new ("a");
  MwLimits limits;

  mw_limits_init_default (&limits);
  limits.max_string = 10;
  table = mw_csv_table_parse (data, strlen (data), "long.csv", NULL, &limits, &error);
  g_assert_null (table);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "long.csv: row 4, column 2 (line 4): a cell of 23 bytes; the limit is 10");
  g_clear_error (&error);

  mw_limits_init_default (&limits);
  limits.max_actors = 2;
  table = mw_csv_table_parse (data, strlen (data), "many.csv", NULL, &limits, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "many.csv: 3 rows; the limit is 2");
  g_clear_error (&error);

  /* exactly at the limit: the header is no row of data */
  limits.max_actors = 3;
  table = mw_csv_table_parse (data, strlen (data), "three.csv", NULL, &limits, &error);
  g_assert_no_error (error);
  g_clear_pointer (&table, mw_csv_table_unref);

  limits.max_bytes = 8;
  table = mw_csv_table_parse (data, strlen (data), "big.csv", NULL, &limits, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "big.csv: the file is 48 bytes; the limit is 8");
  g_clear_error (&error);

  /* the whole row is counted, past the limit */
  for (guint i = 0; i < 1500; i++)
    g_string_append (wide, ",a");
  g_string_prepend (wide, "x,y\n");
  table = mw_csv_table_parse (wide->str, wide->len, "wide.csv", NULL, NULL, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "wide.csv: row 2 (line 2): 1501 columns; the limit is 1000");
}

/* a long quoted cell over several lines: its whole length, the line it
 * starts on and its column; many rows past the limit are all counted */
static void
test_limits_counted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvTable) table = NULL;
  g_autoptr(GString) text = g_string_new ("id,name,notes\n1,Ann,\"");
  MwLimits limits;

  for (guint i = 0; i < 300; i++)
    g_string_append (text, "a \"\"quoted\"\" line\n");
  g_string_append (text, "\"\n");
  mw_limits_init_default (&limits);
  limits.max_string = 1000;
  table = mw_csv_table_parse (text->str, text->len, "notes.csv", NULL, &limits, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "notes.csv: row 2, column 3 (line 2): a cell of 4800 bytes; the limit is 1000");
  g_clear_error (&error);

  g_string_assign (text, "id,name\n");
  for (guint i = 0; i < 120000; i++)
    g_string_append_printf (text, "%u,P%u\n", i, i);
  limits.max_actors = 100000;
  table = mw_csv_table_parse (text->str, text->len, "people.csv", NULL, &limits, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "people.csv: 120000 rows; the limit is 100000");
}

static void
test_rfc4180_edges (void)
{
  static const char data[] = "a,b,c\r\n\"x\"\"y\",\"1\r\n2\",\r\n,,\"\"\r\n\"q\"tail,z,\"last\"";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvTable) table = mw_csv_table_parse (data, strlen (data), "edges", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (mw_csv_table_get_n_rows (table), ==, 3);
  g_assert_cmpstr (mw_csv_table_get_cell (table, 0, 0), ==, "x\"y");
  g_assert_cmpstr (mw_csv_table_get_cell (table, 0, 1), ==, "1\r\n2");
  g_assert_cmpstr (mw_csv_table_get_cell (table, 0, 2), ==, "");
  g_assert_cmpuint (mw_csv_table_get_n_cells (table, 1), ==, 3);
  g_assert_cmpstr (mw_csv_table_get_cell (table, 2, 0), ==, "qtail");
  g_assert_cmpstr (mw_csv_table_get_cell (table, 2, 2), ==, "last");
  g_assert_cmpuint (mw_csv_table_get_row_number (table, 2), ==, 4);
}

/* Excel's "sep=;" first line names the delimiter and is no row */
static void
test_sep_line (void)
{
  static const char data[] = "sep=;\r\nid;name\r\n1;\"Lee, Ann\"\r\n2;\"Bo\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvTable) table = NULL;
  MwCsvFormat format;

  g_assert_true (mw_csv_sniff (data, strlen (data), &format));
  g_assert_cmpint (format.delimiter, ==, ';');
  g_assert_true (format.has_header);

  table = mw_csv_table_parse (data, strlen (data), "sep.csv", NULL, NULL, &error);
  g_assert_null (table);
  /* the quote opens on the file's fourth line, in the table's row 3 */
  g_assert_nonnull (strstr (error->message, "row 3 (line 4)"));
}

/* headers are told from data without knowing the header's language */
static void
test_header_detection (void)
{
  static const struct { const char *text; gboolean header; } cases[] = {
    { "Mitarbeiter;Vorgesetzter;Abteilung\nAnna;;Vorstand\nBen;Anna;Vertrieb\n", TRUE },
    { "ann,bob,advice\nbob,cid,advice\ncid,ann,collaborates\n", FALSE },
    { "e1,Ann,,CEO\ne2,Bob,e1,CTO\n", FALSE },
    { "source,target\n", TRUE },
    { "1,2\n2,3\n", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MwCsvFormat format;

      g_assert_true (mw_csv_sniff (cases[i].text, strlen (cases[i].text), &format));
      g_assert_cmpint (format.has_header, ==, cases[i].header);
    }
}

static void
test_mapping (void)
{
  g_autoptr(MwCsvTable) table = load_table ("excel-people.csv");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) remembered = NULL;
  MwCsvMapping mapping, again;

  mw_csv_mapping_guess (&mapping, table, FALSE);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_ID], ==, 0);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_NAME], ==, 1);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_MANAGER], ==, 2);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_TITLE], ==, 3);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_UNIT], ==, 4);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_ORG], ==, 5);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_LOCATION], ==, 6);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_EMAIL], ==, 7);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_SOURCE], ==, -1);

  /* by header (any case), by number, and unmapping */
  g_assert_true (mw_csv_mapping_assign (&mapping, table, "unit=location", &error));
  g_assert_no_error (error);
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_UNIT], ==, 6);
  g_assert_true (mw_csv_mapping_assign (&mapping, table, "department=5", &error));
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_UNIT], ==, 4);
  g_assert_true (mw_csv_mapping_assign (&mapping, table, "email=", &error));
  g_assert_cmpint (mapping.columns[MW_CSV_FIELD_EMAIL], ==, -1);

  g_assert_false (mw_csv_mapping_assign (&mapping, table, "manager=Boss", &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Manager ID”"));
  g_clear_error (&error);
  g_assert_false (mw_csv_mapping_assign (&mapping, table, "salary=3", &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_clear_error (&error);

  /* what a dialog remembers reads back to the same mapping */
  remembered = mw_csv_mapping_to_strv (&mapping, table);
  mw_csv_mapping_init (&again);
  for (guint i = 0; remembered[i] != NULL; i++)
    g_assert_true (mw_csv_mapping_assign (&again, table, remembered[i], NULL));
  g_assert_cmpmem (again.columns, sizeof again.columns, mapping.columns, sizeof mapping.columns);
}

static void
test_tie_synonyms (void)
{
  static const struct { const char *word; MwTieType type; } cases[] = {
    { "Reports_To", MW_TIE_REPORTS }, { "line manager", -1 }, { "COLLAB", MW_TIE_COLLABORATES },
    { "works-with", MW_TIE_COLLABORATES }, { " Advice ", MW_TIE_INFLUENCES },
    { "peer review", MW_TIE_CHECKS }, { "checks", MW_TIE_CHECKS }, { "friendship", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      MwTieType type;
      gboolean found = mw_tie_type_from_synonym (cases[i].word, &type);

      g_assert_cmpint (found, ==, (int)cases[i].type >= 0);
      if (found)
        g_assert_cmpint (type, ==, cases[i].type);
    }
}

static void
count_batches_cb (MwNetwork *network,
                  MwChange  *change,
                  guint     *n_batches)
{
  g_assert_cmpint (change->kind, ==, MW_CHANGE_BATCH);
  g_assert_cmpstr (change->batch_name, ==, "Import");
  (*n_batches)++;
}

/* into an existing network: one batch, and nothing at all on an error */
static void
test_import_into (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwCsvTable) people = load_table ("excel-people.csv");
  g_autoptr(MwCsvTable) ties = load_table ("survey-ties.tsv");
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  MwCsvMapping no_target;
  guint64 generation;
  guint n_batches = 0;

  mw_network_add_actor (network, "E001", "Dana (already here)", MW_ACTOR_PERSON, NULL);
  /* a ties mapping without a target is fatal: the network is untouched */
  mw_csv_mapping_guess (&no_target, ties, TRUE);
  no_target.columns[MW_CSV_FIELD_TARGET] = -1;
  generation = mw_network_get_generation (network);
  g_assert_false (mw_csv_import_into (network, people, NULL, ties, &no_target, NULL, NULL, &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_assert_cmpuint (mw_network_get_generation (network), ==, generation);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 1);
  g_clear_error (&error);

  g_signal_connect (network, "changed", G_CALLBACK (count_batches_cb), &n_batches);
  g_assert_true (mw_csv_import_into (network, people, NULL, ties, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_batches, ==, 1);

  /* E001 was there already: a duplicate; the others report to Dana anyway */
  g_assert_cmpuint (report->problems->len, ==, 1);
  g_assert_cmpint (((MwImportProblem *)g_ptr_array_index (report->problems, 0))->kind, ==,
                   MW_IMPORT_PROBLEM_DUPLICATE_ID);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 6);
  g_assert_cmpstr (manager_of (mw_network_lookup_actor (network, "E002"))->label, ==, "Dana (already here)");
}

/* An edge list alone into a network: ends are found by id, then by name;
 * a name the network does not know adds a person, reported (not skipped)
 * with its row and column, since it may be a misspelling. Into an empty
 * network every name is new, and none is reported. */
static void
test_import_ties_alone_into (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwNetwork) empty = mw_network_new ();
  g_autoptr(MwCsvTable) ties = load_table ("forms-ties.csv");
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwImportReport) empty_report = NULL;
  g_autoptr(GError) error = NULL;
  const MwImportProblem *problem;

  mw_network_add_actor (network, "nurse1", "Lena Fischer", MW_ACTOR_PERSON, NULL);
  mw_network_add_actor (network, "nurse2", "Omar Haddad", MW_ACTOR_PERSON, NULL);
  mw_network_add_actor (network, "Ana Costa", "Someone else", MW_ACTOR_PERSON, NULL);
  g_assert_true (mw_csv_import_into (network, NULL, NULL, ties, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_ties, ==, 6);
  g_assert_cmpuint (report->n_rows_skipped, ==, 0);
  /* by name */
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "nurse1"), MW_TIE_INFLUENCES), ==, 1);
  /* by id first: "Ana Costa" is this network's id of someone else */
  g_assert_cmpuint (mw_actor_n_out (mw_network_lookup_actor (network, "Ana Costa"), MW_TIE_COLLABORATES), ==, 2);
  /* Dr. Jonas Weber, Grace Liu, Kofi Mensah, Tom Brand, Elif Yilmaz, Jana Novak */
  g_assert_cmpuint (report->n_actors, ==, 6);
  g_assert_cmpuint (report->problems->len, ==, 6);
  problem = g_ptr_array_index (report->problems, 0);
  g_assert_cmpint (problem->kind, ==, MW_IMPORT_PROBLEM_UNKNOWN_ACTOR);
  g_assert_false (problem->skipped);
  g_assert_cmpuint (problem->row, ==, 3);
  g_assert_cmpuint (problem->column, ==, 3);
  g_assert_cmpstr (problem->message, ==, "no one in the network has the id or name “Dr. Jonas Weber”; "
                                         "a new person is added");
  g_assert_cmpuint (mw_import_report_n_skipped (report), ==, 0);

  g_assert_true (mw_csv_import_into (empty, NULL, NULL, ties, NULL, NULL, &empty_report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (empty_report->n_actors, ==, 9);
  g_assert_cmpuint (empty_report->problems->len, ==, 0);
}


/* Damaged copies of every fixture: each is a table and an import, or an
 * error; never a crash (the sanitizer build checks the memory). */
static void
test_damaged_files (void)
{
  static const char *names[] = {
    "excel-people.csv", "semicolon-people.csv", "survey-ties.tsv", "malformed-people.csv",
    "windows-1252.csv", "excel-unicode-text.txt",
  };
  static const char noise[] = "\",;\t|\r\n\"\xff\xfe\xef\xbb\xbf\0a";
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", names[f], NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      for (guint round = 0; round < 200; round++)
        {
          g_autofree char *copy = g_memdup2 (contents, length);
          gsize cut = g_rand_int_range (rand, 1, length + 1);
          g_autoptr(MwCsvTable) table = NULL;
          g_autoptr(MwImportReport) report = NULL;
          g_autoptr(MwNetwork) network = NULL;
          g_autoptr(GError) error = NULL;

          for (guint k = 0; k < 4; k++)
            copy[g_rand_int_range (rand, 0, cut)] = noise[g_rand_int_range (rand, 0, sizeof noise - 1)];

          table = mw_csv_table_parse (copy, cut, "damaged.csv", NULL, NULL, &error);
          g_assert_true ((table == NULL) != (error == NULL));
          if (table == NULL)
            continue;
          network = mw_csv_import (table, NULL, table, NULL, NULL, &report, &error);
          g_assert_true ((network == NULL) != (error == NULL));
        }
    }
}

/* ---------------------------------------------------------------------- */
/* CSV as real exports write it: nothing left out without a word (issue 16) */

static MwCsvTable *
parse_bytes (const char *data,
             gsize       length,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  MwCsvTable *table = mw_csv_table_parse (data, length, name, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* A NUL byte in row 3 once cut the text there: rows 3 and 4 were gone and
 * the report said "none". Now the NUL bytes are left out of their cell and
 * each such cell is named; every row is imported. */
static void
test_nul_bytes (void)
{
  static const char data[] = "id,name,manager\n1,Ann,\n2,B\0ob,1\n3,Cy,2\n\0\0\0";
  static const Expected expected[] = {
    { 3, 2, MW_IMPORT_PROBLEM_NUL_BYTES, FALSE },
    { 5, 1, MW_IMPORT_PROBLEM_NUL_BYTES, FALSE },
  };
  g_autoptr(MwCsvTable) table = parse_bytes (data, sizeof data - 1, "nul.csv");
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = mw_csv_import (table, NULL, NULL, NULL, NULL, &report, NULL);
  const MwImportProblem *problem;

  g_assert_cmpint (mw_csv_table_get_format (table)->encoding, ==, MW_CSV_ENCODING_UTF8);
  g_assert_cmpstr (mw_csv_table_get_cell (table, 1, 1), ==, "Bob");
  g_assert_cmpstr (mw_csv_table_get_cell (table, 2, 1), ==, "Cy");
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 3);
  g_assert_cmpuint (report->n_ties, ==, 2);
  g_assert_cmpstr (manager_of (mw_network_lookup_actor (network, "3"))->label, ==, "Bob");
  assert_problems (report, expected, G_N_ELEMENTS (expected));
  problem = g_ptr_array_index (report->problems, 1);
  g_assert_cmpstr (problem->message, ==, "the cell has 3 NUL bytes; they are left out");
}

/* A NUL byte in every cell is not a problem per cell (many times the
 * file's size in memory): the first 1000 are listed, then how many more. */
static void
test_nul_bytes_many (void)
{
  g_autoptr(GString) data = g_string_new ("id,name\n");
  g_autoptr(MwCsvTable) table = NULL;
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = NULL;
  const MwImportProblem *last;

  for (guint i = 0; i < 1500; i++)
    {
      g_string_append_printf (data, "%u,N", i);
      g_string_append_c (data, '\0');
      g_string_append (data, "N\n");
    }
  table = parse_bytes (data->str, data->len, "many.csv");
  network = mw_csv_import (table, NULL, NULL, NULL, NULL, &report, NULL);
  g_assert_cmpuint (report->n_actors, ==, 1500);
  g_assert_cmpuint (report->problems->len, ==, 1001);
  last = g_ptr_array_index (report->problems, 1000);
  g_assert_cmpuint (last->row, ==, 1002);
  g_assert_cmpuint (last->column, ==, 0);
  g_assert_cmpint (last->kind, ==, MW_IMPORT_PROBLEM_NUL_BYTES);
  g_assert_cmpstr (last->message, ==, "and from here 500 more cells with NUL bytes, a CR without LF or text "
                                      "after a closing quote; only the first 1000 are listed");
}

/* A problem in every row (here a cell past the header's last) is listed
 * for the first 1000 rows, then counted: 1.7 million problems took 410 MB
 * for a 5 MB file. The count line still says something was left out. */
static void
test_problems_many (void)
{
  g_autoptr(GString) data = g_string_new ("id,name\n");
  g_autoptr(MwCsvTable) table = NULL;
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = NULL;
  const MwImportProblem *last;

  for (guint i = 0; i < 1500; i++)
    g_string_append_printf (data, "%u,N,surplus\n", i);
  table = parse_bytes (data->str, data->len, "wide-rows.csv");
  network = mw_csv_import (table, NULL, NULL, NULL, NULL, &report, NULL);
  g_assert_cmpuint (report->n_actors, ==, 1500);
  g_assert_cmpuint (report->problems->len, ==, 1001);
  last = g_ptr_array_index (report->problems, 1000);
  g_assert_cmpuint (last->row, ==, 1002);
  g_assert_cmpint (last->kind, ==, MW_IMPORT_PROBLEM_EXTRA_CELLS);
  g_assert_true (last->skipped);
  g_assert_cmpstr (last->message, ==, "and 500 more problems, not listed: only the first 1000 are");
}

/* meshwork-cli import says so, with the row and column */
static void
test_cli_nul_bytes (void)
{
  static const char data[] = "id,name,manager\n1,Ann,\n2,B\0ob,1\n3,Cy,2\n";
  g_autofree char *dir = g_dir_make_tmp ("meshwork-import-XXXXXX", NULL);
  g_autofree char *in = g_build_filename (dir, "nul.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "org.gv", NULL);
  g_auto(MwTestRun) run = { 0 };

  g_assert_true (g_file_set_contents (in, data, sizeof data - 1, NULL));
  mw_test_run_cli (&run, "import", "--layout", "none", in, out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "3 rows"));
  g_assert_nonnull (strstr (run.out, "Imported 3 actors and 2 ties"));
  g_assert_nonnull (strstr (run.out, "nul.csv: row 3, column 2 (name): the cell has 1 NUL byte; it is left out"));

  g_remove (out);
  g_remove (in);
  g_rmdir (dir);
}

/* "Unicode text" without a byte order mark, in every byte order and width:
 * detected from where the NUL bytes are, and read. */
static void
test_wide_without_bom (void)
{
  static const char utf8[] = "id\tname\tmanager\r\n7\tÅsa Lind\t\r\n8\tΝίκος 😀\t7\r\n";
  static const struct { const char *charset; MwCsvEncoding encoding; gboolean big_endian; const char *text; } cases[] = {
    { "UTF-16LE", MW_CSV_ENCODING_UTF16, FALSE, "UTF-16LE without BOM (converted)" },
    { "UTF-16BE", MW_CSV_ENCODING_UTF16, TRUE, "UTF-16BE without BOM (converted)" },
    { "UTF-32LE", MW_CSV_ENCODING_UTF32, FALSE, "UTF-32LE without BOM (converted)" },
    { "UTF-32BE", MW_CSV_ENCODING_UTF32, TRUE, "UTF-32BE without BOM (converted)" },
    { "UTF-32", MW_CSV_ENCODING_UTF32, FALSE, NULL },  /* iconv writes a BOM */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length;
      g_autofree char *data = g_convert (utf8, -1, cases[i].charset, "UTF-8", NULL, &length, NULL);
      g_autoptr(MwCsvTable) table = parse_bytes (data, length, "unicode.txt");
      const MwCsvFormat *format = mw_csv_table_get_format (table);
      g_autofree char *described = mw_csv_format_describe (format);
      g_autoptr(MwImportReport) report = NULL;
      g_autoptr(MwNetwork) network = mw_csv_import (table, NULL, NULL, NULL, NULL, &report, NULL);

      g_test_message ("%s: %s", cases[i].charset, described);
      g_assert_cmpint (format->encoding, ==, cases[i].encoding);
      if (cases[i].text != NULL)
        {
          g_assert_cmpint (format->big_endian, ==, cases[i].big_endian);
          g_assert_nonnull (strstr (described, cases[i].text));
        }
      g_assert_cmpint (format->delimiter, ==, '\t');
      g_assert_true (format->has_header);
      g_assert_cmpstr (mw_csv_table_get_column_name (table, 0), ==, "id");
      g_assert_cmpuint (mw_csv_table_get_n_rows (table), ==, 2);
      g_assert_cmpuint (report->problems->len, ==, 0);
      g_assert_cmpstr (mw_network_lookup_actor (network, "8")->label, ==, "Νίκος 😀");
      g_assert_cmpstr (manager_of (mw_network_lookup_actor (network, "8"))->label, ==, "Åsa Lind");
    }
}

/* Bytes that are no character in the encoding found (a lone surrogate, a
 * cut-off last unit, Windows-1252's five holes) are named by row and
 * column; the rest of the file is read as it is. */
static void
test_undecodable (void)
{
  static const char utf16[] = "i\0d\0,\0n\0a\0m\0e\0,\0t\0i\0t\0l\0e\0\n\0"
                              "1\0,\0A\0n\0n\0,\0\x00\xd8\n\0"     /* a high surrogate alone */
                              "2\0,\0B\0\x01\xdc,\0C\0T\0O\0\n\0"   /* a low surrogate alone */
                              "3\0,\0C\0y\0,\0x";                   /* half a unit at the end */
  static const Expected utf16_expected[] = {
    { 2, 3, MW_IMPORT_PROBLEM_UNDECODABLE, TRUE },
    { 3, 2, MW_IMPORT_PROBLEM_UNDECODABLE, TRUE },
    { 4, 3, MW_IMPORT_PROBLEM_UNDECODABLE, TRUE },
  };
  static const char cp1252[] = "id,name,unit\n1,Jos\xe9,Fa\xe7" "ade \x80\n2,A\x81z,\x93Sales\x94\n3,Cy,\x8d\n";
  static const Expected cp1252_expected[] = {
    { 3, 2, MW_IMPORT_PROBLEM_UNDECODABLE, TRUE },
    { 4, 3, MW_IMPORT_PROBLEM_UNDECODABLE, TRUE },
  };
  g_autoptr(MwCsvTable) wide = NULL;
  g_autoptr(MwCsvTable) narrow = NULL;
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = NULL;
  const MwImportProblem *problem;

  wide = parse_bytes (utf16, sizeof utf16 - 1, "broken16.csv");
  g_assert_cmpint (mw_csv_table_get_format (wide)->encoding, ==, MW_CSV_ENCODING_UTF16);
  g_assert_cmpuint (mw_csv_table_get_n_rows (wide), ==, 3);
  network = mw_csv_import (wide, NULL, NULL, NULL, NULL, &report, NULL);
  assert_problems (report, utf16_expected, G_N_ELEMENTS (utf16_expected));
  problem = g_ptr_array_index (report->problems, 1);
  g_assert_cmpstr (problem->message, ==, "the text has bytes that are no character in UTF-16LE; the row is skipped");
  /* Ann keeps her row without the broken title; Bob's name is broken */
  g_assert_nonnull (mw_network_lookup_actor (network, "1"));
  g_assert_null (attr (mw_network_lookup_actor (network, "1"), "title"));
  g_assert_null (mw_network_lookup_actor (network, "2"));
  g_clear_object (&network);
  g_clear_pointer (&report, mw_import_report_free);

  narrow = parse_bytes (cp1252, strlen (cp1252), "broken1252.csv");
  g_assert_cmpint (mw_csv_table_get_format (narrow)->encoding, ==, MW_CSV_ENCODING_WINDOWS_1252);
  network = mw_csv_import (narrow, NULL, NULL, NULL, NULL, &report, NULL);
  assert_problems (report, cp1252_expected, G_N_ELEMENTS (cp1252_expected));
  /* one hole no longer turns the whole file into Latin-1 */
  g_assert_cmpstr (mw_network_lookup_actor (network, "1")->unit, ==, "Façade €");
  g_assert_cmpstr (mw_network_lookup_actor (network, "1")->label, ==, "José");
  g_assert_null (mw_network_lookup_actor (network, "2"));
  g_assert_cmpstr (mw_network_lookup_actor (network, "3")->unit, ==, "");
}

/* A CR without LF in a file of LF lines is text: ending the row there made
 * a second row, and a person, of the rest ("Lee" with the title as name).
 * Files without any LF (old Mac) still end rows at CR, and CR CR LF (a file
 * converted twice) is one line end, not a blank row between rows. */
static void
test_lone_cr (void)
{
  static const char stray[] = "id,name,title\n1,Ann\rLee,CEO\n2,Bob,CTO\n";
  static const char mac[] = "id,name,title\r1,Ann,CEO\r2,Bob,CTO\r";
  static const char mac_lf[] = "id,name,title\r1,Ann,\"Head of\nSales\"\r2,Bob,\"CTO\nand COO\"\r3,Cy,\r";
  static const char twice[] = "id,name,manager\r\r\n1,Ann,\r\r\n2,Bob,zz\r\r\n";
  static const Expected stray_expected[] = { { 2, 2, MW_IMPORT_PROBLEM_LONE_CR, FALSE } };
  static const Expected twice_expected[] = { { 3, 3, MW_IMPORT_PROBLEM_UNKNOWN_MANAGER, TRUE } };
  g_autoptr(MwCsvTable) table = parse_bytes (stray, strlen (stray), "stray-cr.csv");
  g_autoptr(MwCsvTable) mac_table = parse_bytes (mac, strlen (mac), "mac.csv");
  g_autoptr(MwCsvTable) mac_lf_table = parse_bytes (mac_lf, strlen (mac_lf), "mac-lf.csv");
  g_autoptr(MwCsvTable) twice_table = parse_bytes (twice, strlen (twice), "twice.csv");
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwImportReport) twice_report = NULL;
  g_autoptr(MwNetwork) network = mw_csv_import (table, NULL, NULL, NULL, NULL, &report, NULL);
  g_autoptr(MwNetwork) twice_network = mw_csv_import (twice_table, NULL, NULL, NULL, NULL, &twice_report, NULL);

  g_assert_cmpuint (mw_csv_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (mw_csv_table_get_cell (table, 0, 1), ==, "Ann\rLee");
  g_assert_cmpstr (mw_csv_table_get_cell (table, 0, 2), ==, "CEO");
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 2);
  assert_problems (report, stray_expected, G_N_ELEMENTS (stray_expected));

  g_assert_cmpuint (mw_csv_table_get_n_rows (mac_table), ==, 2);
  g_assert_cmpstr (mw_csv_table_get_cell (mac_table, 1, 2), ==, "CTO");
  /* Excel for Mac: CR lines, and LF for a line break inside a cell */
  g_assert_cmpuint (mw_csv_table_get_n_rows (mac_lf_table), ==, 3);
  g_assert_cmpstr (mw_csv_table_get_cell (mac_lf_table, 0, 2), ==, "Head of\nSales");
  g_assert_cmpstr (mw_csv_table_get_cell (mac_lf_table, 2, 1), ==, "Cy");

  /* the unknown manager is on row 3, where a spreadsheet shows it */
  g_assert_cmpuint (mw_csv_table_get_n_rows (twice_table), ==, 2);
  g_assert_cmpstr (mw_csv_table_get_cell (twice_table, 1, 2), ==, "zz");
  assert_problems (twice_report, twice_expected, G_N_ELEMENTS (twice_expected));

  /* a run of 200,000 CRs is looked at once, not once per CR (that took
   * 2·10¹⁰ steps): the cell holds them all */
  {
    g_autoptr(GString) run = g_string_new ("id,name\n1,a");
    g_autoptr(MwCsvTable) run_table = NULL;

    for (guint i = 0; i < 200000; i++)
      g_string_append_c (run, '\r');
    g_string_append (run, "b\n2,c\n");
    run_table = parse_bytes (run->str, run->len, "crs.csv");
    g_assert_cmpuint (mw_csv_table_get_n_rows (run_table), ==, 2);
    g_assert_cmpuint (strlen (mw_csv_table_get_cell (run_table, 0, 1)), ==, 200002);
  }
}

/* A quote opened by mistake swallows rows until the next quote: rows 4 and
 * 5 became part of Bob's name, without a word. Text after a closing quote
 * is still kept (as spreadsheets keep it), and now reported; a quote never
 * closed stays an error naming its row and line. */
static void
test_stray_quote (void)
{
  static const char swallowed[] = "id,name,manager\n1,Ann,\n2,\"Bob,1\n3,Cy,2\n4,\"Dee\",1\n5,Eve,1\n";
  static const char tail[] = "id,name\n1,\"Ann\" Lee\n";
  static const char open[] = "id,name\n1,Ann\n2,\"";
  static const Expected swallowed_expected[] = { { 3, 2, MW_IMPORT_PROBLEM_STRAY_QUOTE, FALSE } };
  static const Expected tail_expected[] = { { 2, 2, MW_IMPORT_PROBLEM_STRAY_QUOTE, FALSE } };
  g_autoptr(MwCsvTable) table = parse_bytes (swallowed, strlen (swallowed), "swallowed.csv");
  g_autoptr(MwCsvTable) tail_table = parse_bytes (tail, strlen (tail), "tail.csv");
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwImportReport) tail_report = NULL;
  g_autoptr(MwNetwork) network = mw_csv_import (table, NULL, NULL, NULL, NULL, &report, NULL);
  g_autoptr(MwNetwork) tail_network = mw_csv_import (tail_table, NULL, NULL, NULL, NULL, &tail_report, NULL);
  g_autoptr(MwCsvTable) open_table = NULL;
  g_autoptr(GError) error = NULL;

  assert_problems (report, swallowed_expected, G_N_ELEMENTS (swallowed_expected));
  g_assert_cmpstr (((MwImportProblem *)g_ptr_array_index (report->problems, 0))->message, ==,
                   "the quoted cell runs from line 3 to line 5 and text follows its closing quote: "
                   "a quote may be stray, and those lines are in this one cell");
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 3);

  assert_problems (tail_report, tail_expected, G_N_ELEMENTS (tail_expected));
  g_assert_cmpstr (mw_network_lookup_actor (tail_network, "1")->label, ==, "Ann Lee");

  open_table = mw_csv_table_parse (open, strlen (open), "open.csv", NULL, NULL, &error);
  g_assert_null (open_table);
  g_assert_error (error, MW_ERROR, MW_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "open.csv: row 3 (line 3)"));
}

/* what the app does: load and import in threads, the main loop running */
static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", "excel-people.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/people.csv");
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) imported = NULL;
  g_autoptr(GAsyncResult) failed = NULL;
  g_autoptr(MwCsvTable) table = NULL;
  g_autoptr(MwCsvTable) none = NULL;
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  MwCsvMapping mapping;

  mw_csv_table_load_file_async (file, NULL, NULL, NULL, mw_test_store_result_cb, &loaded);
  table = mw_csv_table_load_file_finish (mw_test_wait_result (&loaded), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_csv_table_get_n_rows (table), ==, 6);

  mw_csv_mapping_guess (&mapping, table, FALSE);
  mapping.columns[MW_CSV_FIELD_UNIT] = mapping.columns[MW_CSV_FIELD_LOCATION];
  mw_csv_import_async (NULL, table, &mapping, NULL, NULL, NULL, NULL, mw_test_store_result_cb, &imported);
  network = mw_csv_import_finish (mw_test_wait_result (&imported), &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_actors, ==, 6);
  g_assert_cmpstr (mw_network_lookup_actor (network, "E004")->unit, ==, "Berlin");

  /* Into an open network: a copy gets the import, the network itself is
   * untouched (the app puts the copy in place as one undo step). */
  {
    g_autoptr(MwNetwork) open = mw_network_new ();
    g_autoptr(MwNetwork) merged = NULL;
    g_autoptr(GAsyncResult) merged_result = NULL;

    g_assert_nonnull (mw_network_add_actor (open, "X1", "Already Here", MW_ACTOR_PERSON, NULL));
    mw_csv_import_async (open, table, &mapping, NULL, NULL, NULL, NULL, mw_test_store_result_cb, &merged_result);
    merged = mw_csv_import_finish (mw_test_wait_result (&merged_result), NULL, &error);
    g_assert_no_error (error);
    g_assert_true (merged != open);
    g_assert_cmpuint (mw_network_get_n_actors (open), ==, 1);
    g_assert_cmpuint (mw_network_get_n_actors (merged), ==, 7);
    g_assert_nonnull (mw_network_lookup_actor (merged, "X1"));
    g_assert_nonnull (mw_network_lookup_actor (merged, "E004"));
  }

  mw_csv_table_load_file_async (missing, NULL, NULL, NULL, mw_test_store_result_cb, &failed);
  none = mw_csv_table_load_file_finish (mw_test_wait_result (&failed), &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/people.csv"));
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

/* meshwork-cli import: the report on stdout, the network in the file */
static void
test_cli_import (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meshwork-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "org.gv", NULL);
  g_autofree char *people = fixture_path ("excel-people.csv");
  g_autofree char *ties = fixture_path ("survey-ties.tsv");
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(MwTestRun) run = { 0 };

  mw_test_run_cli (&run, "import", people, "--ties", ties, "--map", "unit=Location", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Imported 6 actors and 10 ties"));
  g_assert_nonnull (strstr (run.out, "UTF-8 with BOM, CRLF"));
  g_assert_nonnull (strstr (run.out, "unit=Location"));
  g_assert_nonnull (strstr (run.out, "Problems: none"));

  network = mw_dot_load_file (out, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 10);
  g_assert_cmpstr (mw_network_lookup_actor (network, "E004")->unit, ==, "Berlin");

  /* laid out as an org chart: everyone placed, each manager above their reports */
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      g_assert_true (actor->has_position);
      for (guint k = 0; k < mw_actor_n_out (actor, MW_TIE_REPORTS); k++)
        g_assert_cmpfloat (mw_actor_out (actor, MW_TIE_REPORTS, k)->to->y, <, actor->y);
    }

  g_remove (out);
  g_rmdir (dir);
}

/* skipped rows: exit 1 with each row and column; fatal: exit 2, no file */
static void
test_cli_import_problems (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meshwork-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "org.graphml", NULL);
  g_autofree char *bad = fixture_path ("malformed-people.csv");
  g_autofree char *unterminated = fixture_path ("unterminated.csv");
  g_auto(MwTestRun) skipped = { 0 };
  g_auto(MwTestRun) fatal = { 0 };
  g_auto(MwTestRun) bad_map = { 0 };

  mw_test_run_cli (&skipped, "import", bad, out, NULL);
  g_assert_cmpint (skipped.status, ==, 1);
  g_assert_nonnull (strstr (skipped.out, "malformed-people.csv: row 4, column 3 (manager): no one has the id “zz”"));
  g_assert_nonnull (strstr (skipped.out, "row 10, column 3 (manager): managers go round in a circle"));
  g_assert_true (g_file_test (out, G_FILE_TEST_EXISTS));
  g_remove (out);

  mw_test_run_cli (&fatal, "import", unterminated, out, NULL);
  g_assert_cmpint (fatal.status, ==, 2);
  g_assert_nonnull (strstr (fatal.err, "row 3 (line 3)"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  mw_test_run_cli (&bad_map, "import", bad, "--map", "manager=Boss", out, NULL);
  g_assert_cmpint (bad_map.status, ==, 2);
  g_assert_nonnull (strstr (bad_map.err, "no column “Boss”"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_rmdir (dir);
}

/* --json: the same report for scripts */
static void
test_cli_import_json (void)
{
  g_autofree char *dir = g_dir_make_tmp ("meshwork-import-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "org.gv", NULL);
  g_autofree char *bad = fixture_path ("malformed-people.csv");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(MwTestRun) run = { 0 };
  JsonObject *root, *first;

  mw_test_run_cli (&run, "import", "--json", bad, out, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "actors_added"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (root, "rows_skipped"), ==, 3);
  first = json_array_get_object_element (json_object_get_array_member (root, "problems"), 0);
  g_assert_cmpint (json_object_get_int_member (first, "row"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (first, "column"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "unknown-manager");

  g_remove (out);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/excel", test_excel);
  g_test_add_func ("/csv/semicolon", test_semicolon);
  g_test_add_func ("/csv/people-and-ties", test_people_and_ties);
  g_test_add_func ("/csv/workday", test_workday);
  g_test_add_func ("/csv/bamboohr", test_bamboohr);
  g_test_add_func ("/csv/windows-1252", test_windows_1252);
  g_test_add_func ("/csv/no-header", test_no_header);
  g_test_add_func ("/csv/utf16", test_utf16);
  g_test_add_func ("/csv/ambiguous-manager", test_ambiguous_manager);
  g_test_add_func ("/csv/manager-by-email", test_manager_by_email);
  g_test_add_func ("/csv/manager-name-and-id", test_manager_name_and_id);
  g_test_add_func ("/csv/malformed-people", test_malformed_people);
  g_test_add_func ("/csv/malformed-ties", test_malformed_ties);
  g_test_add_func ("/csv/unterminated", test_unterminated);
  g_test_add_func ("/csv/rfc4180-edges", test_rfc4180_edges);
  g_test_add_func ("/csv/limits", test_limits);
  g_test_add_func ("/csv/limits-counted", test_limits_counted);
  g_test_add_func ("/csv/sep-line", test_sep_line);
  g_test_add_func ("/csv/header-detection", test_header_detection);
  g_test_add_func ("/csv/mapping", test_mapping);
  g_test_add_func ("/csv/tie-synonyms", test_tie_synonyms);
  g_test_add_func ("/csv/import-into", test_import_into);
  g_test_add_func ("/csv/import-ties-alone-into", test_import_ties_alone_into);
  g_test_add_func ("/csv/damaged-files", test_damaged_files);
  g_test_add_func ("/csv/nul-bytes", test_nul_bytes);
  g_test_add_func ("/csv/nul-bytes-many", test_nul_bytes_many);
  g_test_add_func ("/csv/problems-many", test_problems_many);
  g_test_add_func ("/csv/wide-without-bom", test_wide_without_bom);
  g_test_add_func ("/csv/undecodable", test_undecodable);
  g_test_add_func ("/csv/lone-cr", test_lone_cr);
  g_test_add_func ("/csv/stray-quote", test_stray_quote);
  g_test_add_func ("/csv/async", test_async);
  g_test_add_func ("/csv/cli/import", test_cli_import);
  g_test_add_func ("/csv/cli/import-problems", test_cli_import_problems);
  g_test_add_func ("/csv/cli/import-json", test_cli_import_json);
  g_test_add_func ("/csv/cli/nul-bytes", test_cli_nul_bytes);

  return g_test_run ();
}
