/* test-app-import.c: the CSV import dialog, from the file to one undo step
 * (under Xvfb)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "mw-import-dialog.h"
#include "mw-import-report.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

typedef struct
{
  gboolean   imported;
  guint      n_actors;
  guint      n_ties;
  guint      n_rows_skipped;
  GPtrArray *problems;     /* "source:row:column" */
  char      *toast_title;
  char      *toast_button;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_clear_pointer (&result->toast_title, g_free);
  g_clear_pointer (&result->toast_button, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static char *
csv_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
}

static void
wait_while_busy (MwImportDialog *dialog)
{
  while (mw_import_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  mw_test_run_pending ();
}

static void
imported_cb (MwImportDialog *dialog,
             MwImportReport *report,
             Result         *result)
{
  g_autoptr(AdwToast) toast = mw_import_report_toast_new (NULL, report, mw_import_dialog_get_layout_error (dialog));

  result->imported = TRUE;
  result->n_actors = report->n_actors;
  result->n_ties = report->n_ties;
  result->n_rows_skipped = report->n_rows_skipped;
  result->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < report->problems->len; i++)
    {
      const MwImportProblem *problem = g_ptr_array_index (report->problems, i);
      g_autofree char *name = g_path_get_basename (problem->source);

      g_ptr_array_add (result->problems, g_strdup_printf ("%s:%u:%u", name, problem->row, problem->column));
    }
  g_object_ref_sink (toast);
  result->toast_title = g_strdup (adw_toast_get_title (toast));
  result->toast_button = g_strdup (adw_toast_get_button_label (toast));
}

/* Opens the dialog on @people (and @ties) and waits until both are read. */
static MwImportDialog *
open_dialog (MwWindow   *window,
             const char *people,
             const char *ties,
             Result     *result)
{
  g_autofree char *path = csv_path (people);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MwImportDialog *dialog = MW_IMPORT_DIALOG (g_object_ref (mw_window_import_file (window, file)));

  if (ties != NULL)
    {
      g_autofree char *ties_path = csv_path (ties);
      g_autoptr(GFile) ties_file = g_file_new_for_path (ties_path);
      mw_import_dialog_load_ties (dialog, ties_file);
    }
  if (result != NULL)
    g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), result);
  wait_while_busy (dialog);
  return dialog;
}

static void
run_import (MwImportDialog *dialog)
{
  mw_import_dialog_import (dialog);
  wait_while_busy (dialog);
}

static gboolean
has_problem (Result     *result,
             const char *where)
{
  for (guint i = 0; i < result->problems->len; i++)
    if (g_str_equal (g_ptr_array_index (result->problems, i), where))
      return TRUE;
  return FALSE;
}

/* An Excel export next to the example: the columns are guessed from the
 * header, one is changed, everyone arrives laid out and tied to their
 * manager, and one undo takes the whole import away. */
static void
test_import_mapping_and_undo (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwNetwork *network;
  MwHistory *history;
  MwImportDialog *dialog;
  const MwCsvMapping *mapping;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_auto(GStrv) remembered = NULL;
  g_auto(Result) result = { 0 };
  MwActor *sam, *jonas, *old;
  g_autofree char *old_id = NULL;
  double old_x, old_y, old_right = -G_MAXDOUBLE;
  guint n_before, n_ties_before;

  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_run_pending ();
  network = mw_document_get_network (mw_window_get_document (window));
  history = mw_document_get_history (mw_window_get_document (window));
  n_before = mw_network_get_n_actors (network);
  n_ties_before = mw_network_get_n_ties (network);
  g_assert_cmpuint (n_before, >, 0);
  old = mw_network_get_actor (network, 0);
  old_id = g_strdup (old->id);
  old_x = old->x;
  old_y = old->y;
  for (guint i = 0; i < n_before; i++)
    old_right = MAX (old_right, mw_network_get_actor (network, i)->x);

  dialog = open_dialog (window, "excel-people.csv", NULL, &result);
  g_assert_null (mw_import_dialog_get_error (dialog));
  g_assert_nonnull (mw_import_dialog_get_table (dialog, FALSE));
  mapping = mw_import_dialog_get_mapping (dialog, FALSE);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_ID], ==, 0);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_NAME], ==, 1);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_MANAGER], ==, 2);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_TITLE], ==, 3);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_UNIT], ==, 4);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_EMAIL], ==, 7);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_FIRST_NAME], ==, -1);

  /* Without an ID or a name column there is nothing to import. */
  mw_import_dialog_set_column (dialog, MW_CSV_FIELD_ID, -1);
  mw_import_dialog_set_column (dialog, MW_CSV_FIELD_NAME, -1);
  g_assert_false (mw_csv_mapping_is_people (mapping));
  mw_import_dialog_import (dialog);
  g_assert_false (mw_import_dialog_is_busy (dialog));
  g_assert_false (result.imported);
  mw_import_dialog_set_column (dialog, MW_CSV_FIELD_ID, 0);
  mw_import_dialog_set_column (dialog, MW_CSV_FIELD_NAME, 1);

  /* The unit from the Location column instead of the Department. */
  mw_import_dialog_set_column (dialog, MW_CSV_FIELD_UNIT, 6);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_UNIT], ==, 6);

  run_import (dialog);
  g_assert_true (result.imported);
  g_assert_cmpuint (result.n_actors, ==, 6);
  g_assert_cmpuint (result.n_ties, ==, 5);
  g_assert_cmpuint (result.n_rows_skipped, ==, 0);
  g_assert_cmpstr (result.toast_title, ==, "Imported 6 people, 5 ties");
  g_assert_null (result.toast_button);

  g_assert_cmpuint (mw_network_get_n_actors (network), ==, n_before + 6);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties_before + 5);
  sam = mw_network_lookup_actor (network, "E002");
  jonas = mw_network_lookup_actor (network, "E004");
  g_assert_nonnull (sam);
  g_assert_nonnull (jonas);
  g_assert_cmpstr (sam->label, ==, "Sam \"Sammy\" Okafor");
  g_assert_cmpstr (jonas->unit, ==, "Berlin");
  g_assert_cmpuint (mw_actor_n_out (jonas, MW_TIE_REPORTS), ==, 1);
  g_assert_cmpstr (mw_actor_out (jonas, MW_TIE_REPORTS, 0)->to->id, ==, "E002");
  /* Laid out as an org chart: one rank per level, managers above. */
  g_assert_true (jonas->has_position && sam->has_position);
  g_assert_cmpfloat (mw_network_lookup_actor (network, "E001")->y, <, sam->y);
  g_assert_cmpfloat (sam->y, ==, mw_network_lookup_actor (network, "E003")->y);
  g_assert_cmpfloat (sam->y, <, jonas->y);
  g_assert_cmpfloat (jonas->y, ==, mw_network_lookup_actor (network, "E006")->y);
  /* Beside the drawing, which stays as it was. */
  old = mw_network_lookup_actor (network, old_id);
  g_assert_cmpfloat (old->x, ==, old_x);
  g_assert_cmpfloat (old->y, ==, old_y);
  g_assert_cmpfloat (mw_network_lookup_actor (network, "E001")->x, >, old_right);
  g_assert_cmpfloat (jonas->x, >, old_right);

  remembered = g_settings_get_strv (settings, "import-people-columns");
  g_assert_true (g_strv_contains ((const char * const *)remembered, "unit=Location"));
  g_assert_true (g_strv_contains ((const char * const *)remembered, "first-name="));

  g_assert_cmpstr (mw_history_get_undo_name (history), ==, "Import");
  g_assert_true (mw_history_undo (history));
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, n_before);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties_before);
  g_assert_null (mw_network_lookup_actor (network, "E002"));
  g_assert_false (mw_history_can_undo (history));
  g_assert_finalize_object (dialog);

  /* The same columns next time: the changed mapping is applied again. */
  dialog = open_dialog (window, "excel-people.csv", NULL, NULL);
  mapping = mw_import_dialog_get_mapping (dialog, FALSE);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_UNIT], ==, 6);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_ID], ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  mw_test_run_pending ();
  g_assert_finalize_object (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* A survey's edge list (Google Forms: respondent, nominee, relationship,
 * frequency) has no people columns: the file is read as ties, matched to
 * the open network's people by name; names it does not know are added as
 * new people and reported with their row. One undo takes it all away. */
static void
test_import_ties_only (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwNetwork *network;
  MwHistory *history;
  MwImportDialog *dialog;
  const MwCsvMapping *mapping;
  MwActor *lena, *jana, *ana;
  g_auto(Result) result = { 0 };
  guint n_before, n_ties_before, n_lena_before;

  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_run_pending ();
  network = mw_document_get_network (mw_window_get_document (window));
  history = mw_document_get_history (mw_window_get_document (window));
  n_before = mw_network_get_n_actors (network);
  n_ties_before = mw_network_get_n_ties (network);
  lena = mw_network_lookup_actor (network, "nurse1");
  n_lena_before = mw_actor_n_out (lena, MW_TIE_INFLUENCES) + mw_actor_n_out (lena, MW_TIE_COLLABORATES);

  dialog = open_dialog (window, "forms-ties.csv", NULL, &result);
  g_assert_null (mw_import_dialog_get_error (dialog));
  g_assert_true (mw_import_dialog_get_file_is_ties (dialog));
  g_assert_null (mw_import_dialog_get_table (dialog, FALSE));
  g_assert_nonnull (mw_import_dialog_get_table (dialog, TRUE));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import Ties");
  mapping = mw_import_dialog_get_mapping (dialog, TRUE);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_SOURCE], ==, 1);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_TARGET], ==, 2);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_TYPE], ==, 3);
  g_assert_cmpint (mapping->columns[MW_CSV_FIELD_WEIGHT], ==, 4);

  /* Read as people, nothing can be imported; back to ties, it can. */
  mw_import_dialog_set_file_is_ties (dialog, FALSE);
  g_assert_false (mw_import_dialog_get_file_is_ties (dialog));
  g_assert_nonnull (mw_import_dialog_get_table (dialog, FALSE));
  g_assert_null (mw_import_dialog_get_table (dialog, TRUE));
  mw_import_dialog_import (dialog);
  g_assert_false (mw_import_dialog_is_busy (dialog));
  g_assert_false (result.imported);
  mw_import_dialog_set_file_is_ties (dialog, TRUE);
  g_assert_cmpint (mw_import_dialog_get_mapping (dialog, TRUE)->columns[MW_CSV_FIELD_TARGET], ==, 2);

  run_import (dialog);
  g_assert_true (result.imported);
  g_assert_null (mw_import_dialog_get_layout_error (dialog));
  g_assert_cmpuint (result.n_ties, ==, 6);
  g_assert_cmpuint (result.n_actors, ==, 2);
  g_assert_cmpuint (result.n_rows_skipped, ==, 0);
  /* "Tom Brand" (a misspelt Tom Brandt) and "Jana Novak", in the Nominee column */
  g_assert_cmpuint (result.problems->len, ==, 2);
  g_assert_true (has_problem (&result, "forms-ties.csv:5:3"));
  g_assert_true (has_problem (&result, "forms-ties.csv:7:3"));
  g_assert_cmpstr (result.toast_title, ==, "Imported 2 people, 6 ties");
  g_assert_cmpstr (result.toast_button, ==, "_Details");

  g_assert_cmpuint (mw_network_get_n_actors (network), ==, n_before + 2);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties_before + 6);
  g_assert_cmpuint (mw_actor_n_out (lena, MW_TIE_INFLUENCES) + mw_actor_n_out (lena, MW_TIE_COLLABORATES),
                    ==, n_lena_before + 2);
  /* Placed next to the person who named her, not laid out as an org chart. */
  jana = mw_network_lookup_actor (network, "Jana Novak");
  ana = mw_network_lookup_actor (network, "dev1");
  g_assert_nonnull (jana);
  g_assert_true (jana->has_position);
  g_assert_cmpfloat (fabs (jana->x - ana->x) + fabs (jana->y - ana->y), <, 600);

  g_assert_cmpstr (mw_history_get_undo_name (history), ==, "Import");
  g_assert_true (mw_history_undo (history));
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, n_before);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties_before);
  g_assert_null (mw_network_lookup_actor (network, "Jana Novak"));
  g_assert_false (mw_history_can_undo (history));
  g_assert_finalize_object (dialog);

  /* A people file read as ties has no source and target: no Import. */
  g_clear_pointer (&result.problems, g_ptr_array_unref);
  result.imported = FALSE;
  dialog = open_dialog (window, "excel-people.csv", NULL, &result);
  g_assert_false (mw_import_dialog_get_file_is_ties (dialog));
  mw_import_dialog_set_file_is_ties (dialog, TRUE);
  g_assert_false (mw_csv_mapping_is_ties (mw_import_dialog_get_mapping (dialog, TRUE)));
  mw_import_dialog_import (dialog);
  g_assert_false (mw_import_dialog_is_busy (dialog));
  g_assert_false (result.imported);
  gtk_window_close (GTK_WINDOW (dialog));
  mw_test_run_pending ();
  g_assert_finalize_object (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* When the layout cannot run, the import is still made, the newcomers are
 * placed next to their neighbours, and the toast says it was not arranged. */
static void
test_import_layout_fails (void)
{
  MwWindow *window = mw_window_new (NULL);
  g_autofree char *cli = g_strdup (g_getenv ("MESHWORK_CLI"));
  MwNetwork *network;
  MwImportDialog *dialog;
  g_auto(Result) result = { 0 };

  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_run_pending ();
  network = mw_document_get_network (mw_window_get_document (window));

  dialog = open_dialog (window, "excel-people.csv", NULL, &result);
  g_setenv ("MESHWORK_CLI", "/nonexistent/meshwork-cli", TRUE);
  run_import (dialog);
  if (cli != NULL)
    g_setenv ("MESHWORK_CLI", cli, TRUE);
  else
    g_unsetenv ("MESHWORK_CLI");

  g_assert_true (result.imported);
  g_assert_nonnull (mw_import_dialog_get_layout_error (dialog));
  g_assert_cmpuint (result.n_actors, ==, 6);
  g_assert_cmpstr (result.toast_title, ==, "Imported 6 people, 5 ties; not arranged");
  g_assert_cmpstr (result.toast_button, ==, "_Details");
  g_assert_true (mw_network_lookup_actor (network, "E002")->has_position);
  g_assert_finalize_object (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* Bad rows are reported with their row and column; the rest is imported,
 * and the toast says how many rows were skipped. */
static void
test_import_bad_rows (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwNetwork *network = mw_document_get_network (mw_window_get_document (window));
  MwImportDialog *dialog;
  GtkStack *stack;
  g_auto(Result) result = { 0 };

  gtk_window_present (GTK_WINDOW (window));
  mw_window_show_start_page (window);
  mw_test_run_pending ();
  /* The window's stack crossfades: ask it, not whether a page is mapped. */
  stack = GTK_STACK (gtk_widget_get_ancestor (mw_window_get_start_page (window), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "start");

  dialog = open_dialog (window, "malformed-people.csv", "malformed-ties.csv", &result);
  g_assert_nonnull (mw_import_dialog_get_table (dialog, TRUE));
  g_assert_true (mw_csv_mapping_is_ties (mw_import_dialog_get_mapping (dialog, TRUE)));
  run_import (dialog);

  g_assert_true (result.imported);
  g_assert_cmpuint (result.n_actors, ==, 12);
  g_assert_cmpuint (result.n_ties, ==, 11);
  g_assert_cmpuint (result.n_rows_skipped, ==, 8);
  g_assert_true (has_problem (&result, "malformed-people.csv:4:3"));    /* unknown manager "zz" */
  g_assert_true (has_problem (&result, "malformed-people.csv:5:1"));    /* "b" twice */
  g_assert_true (has_problem (&result, "malformed-people.csv:15:2"));   /* invalid UTF-8 */
  g_assert_true (has_problem (&result, "malformed-ties.csv:4:3"));      /* "friendship" */
  g_assert_true (has_problem (&result, "malformed-ties.csv:5:4"));      /* weight "heavy" */
  g_assert_cmpstr (result.toast_title, ==, "Imported 12 people, 11 ties; 8 rows skipped");
  g_assert_cmpstr (result.toast_button, ==, "_Details");

  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 12);
  g_assert_nonnull (mw_network_lookup_actor (network, "c"));
  g_assert_cmpstr (mw_network_lookup_actor (network, "b")->label, ==, "Bob");
  /* From the start page, the imported network is shown. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "canvas");
  g_assert_finalize_object (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* A file that cannot be read says why in the dialog, offers no Import,
 * and leaves the open network alone. */
static void
test_import_unreadable (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwNetwork *network;
  MwImportDialog *dialog;
  guint n_before;

  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_run_pending ();
  network = mw_document_get_network (mw_window_get_document (window));
  n_before = mw_network_get_n_actors (network);

  dialog = open_dialog (window, "unterminated.csv", NULL, NULL);
  g_assert_nonnull (mw_import_dialog_get_error (dialog));
  g_assert_nonnull (strstr (mw_import_dialog_get_error (dialog), "row 3"));
  g_assert_null (mw_import_dialog_get_table (dialog, FALSE));
  mw_import_dialog_import (dialog);
  g_assert_false (mw_import_dialog_is_busy (dialog));
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, n_before);
  g_assert_false (mw_history_can_undo (mw_document_get_history (mw_window_get_document (window))));
  gtk_window_close (GTK_WINDOW (dialog));
  mw_test_run_pending ();
  g_assert_finalize_object (dialog);

  /* A ties file that cannot be read holds the import back until removed. */
  dialog = open_dialog (window, "excel-people.csv", "no-such-ties.tsv", NULL);
  g_assert_nonnull (mw_import_dialog_get_table (dialog, FALSE));
  g_assert_null (mw_import_dialog_get_table (dialog, TRUE));
  g_assert_nonnull (mw_import_dialog_get_error (dialog));
  mw_import_dialog_import (dialog);
  g_assert_false (mw_import_dialog_is_busy (dialog));
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, n_before);
  gtk_window_close (GTK_WINDOW (dialog));
  mw_test_run_pending ();
  g_assert_finalize_object (dialog);

  dialog = open_dialog (window, "no-such-file.csv", NULL, NULL);
  g_assert_nonnull (mw_import_dialog_get_error (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  mw_test_run_pending ();
  g_assert_finalize_object (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* A separator or header guessed wrong can be corrected: the file is read
 * again, the preview and the mapping follow. */
static void
test_import_format (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwImportDialog *dialog;
  MwCsvTable *table;

  gtk_window_present (GTK_WINDOW (window));
  mw_test_run_pending ();

  dialog = open_dialog (window, "semicolon-people.csv", NULL, NULL);
  table = mw_import_dialog_get_table (dialog, FALSE);
  g_assert_cmpint (mw_csv_table_get_format (table)->delimiter, ==, ';');
  g_assert_cmpuint (mw_csv_table_get_n_columns (table), ==, 6);
  g_assert_cmpint (mw_import_dialog_get_mapping (dialog, FALSE)->columns[MW_CSV_FIELD_MANAGER], ==, 2);

  mw_import_dialog_set_format (dialog, ',', TRUE);
  wait_while_busy (dialog);
  table = mw_import_dialog_get_table (dialog, FALSE);
  g_assert_cmpint (mw_csv_table_get_format (table)->delimiter, ==, ',');
  g_assert_cmpuint (mw_csv_table_get_n_columns (table), ==, 1);

  mw_import_dialog_set_format (dialog, ';', FALSE);
  wait_while_busy (dialog);
  table = mw_import_dialog_get_table (dialog, FALSE);
  g_assert_false (mw_csv_table_get_format (table)->has_header);
  g_assert_cmpuint (mw_csv_table_get_n_rows (table), ==, 5);
  g_assert_cmpstr (mw_csv_table_get_cell (table, 0, 0), ==, "Personnel Number");

  mw_import_dialog_set_format (dialog, ';', TRUE);
  wait_while_busy (dialog);
  table = mw_import_dialog_get_table (dialog, FALSE);
  g_assert_cmpuint (mw_csv_table_get_n_rows (table), ==, 4);
  g_assert_cmpint (mw_import_dialog_get_mapping (dialog, FALSE)->columns[MW_CSV_FIELD_MANAGER], ==, 2);
  g_assert_null (mw_import_dialog_get_error (dialog));

  gtk_window_close (GTK_WINDOW (dialog));
  mw_test_run_pending ();
  g_assert_finalize_object (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* Cancel while the import is being prepared: nothing changes. */
static void
test_import_cancel (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwDocument *document = mw_window_get_document (window);
  MwImportDialog *dialog;
  g_auto(Result) result = { 0 };
  guint n_before;

  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_run_pending ();
  n_before = mw_network_get_n_actors (mw_document_get_network (document));

  dialog = open_dialog (window, "excel-people.csv", NULL, &result);
  mw_import_dialog_import (dialog);
  g_assert_true (mw_import_dialog_is_busy (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  wait_while_busy (dialog);

  g_assert_false (result.imported);
  g_assert_cmpuint (mw_network_get_n_actors (mw_document_get_network (document)), ==, n_before);
  g_assert_false (mw_history_can_undo (mw_document_get_history (document)));
  g_assert_finalize_object (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* Ctrl+Shift+I and the menu item reach a window action. */
static void
click_widget (GtkWidget *widget)
{
  int sx, sy;

  g_assert_true (gtk_widget_get_mapped (widget));
  mw_test_widget_to_screen (widget, gtk_widget_get_width (widget) / 2.0,
                            gtk_widget_get_height (widget) / 2.0, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  mw_test_spin (150);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* Scrolls a combo row into view, opens its list with the pointer, goes to
 * @position with the keys, then Return. */
static void
choose (MwImportDialog *dialog,
        const char     *title,
        guint           position)
{
  GtkWidget *row = mw_test_find_widget (GTK_WIDGET (dialog), is_row_titled, title);

  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  mw_test_spin (200);
  click_widget (row);
  mw_test_spin (200);
  mw_test_press_key (GDK_KEY_Home, 0);
  for (guint i = 0; i < position; i++)
    mw_test_press_key (GDK_KEY_Down, 0);
  mw_test_press_key (GDK_KEY_Return, 0);
  mw_test_spin (150);
  wait_while_busy (dialog);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, position);
}

static guint
count_ties (MwNetwork *network,
            MwTieType  type)
{
  guint n = 0;

  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    n += mw_network_get_tie (network, i)->type == type;
  return n;
}

/* A Microsoft Forms survey: "Each Row Is" a survey respondent, chosen with
 * the pointer and the keys; each question's type from its dropdown; the
 * preview counts change with them; Import adds it all as one step. */
static void
test_import_survey (void)
{
  g_autoptr(MwApplication) app = mw_test_application_new ();
  MwWindow *window = mw_window_new (GTK_APPLICATION (app));
  MwNetwork *network;
  MwHistory *history;
  MwImportDialog *dialog;
  g_auto(Result) result = { 0 };

  if (!mw_test_has_xtest ())
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("no XTest");
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
  mw_test_run_pending ();
  network = mw_document_get_network (mw_window_get_document (window));
  history = mw_document_get_history (mw_window_get_document (window));
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 0);

  dialog = open_dialog (window, "microsoft-forms-survey.csv", NULL, &result);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, 900);
  mw_test_spin (300);
  g_assert_null (mw_import_dialog_get_survey_preview (dialog));

  choose (dialog, "Each Row Is", 2);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import Survey");
  g_assert_nonnull (strstr (mw_import_dialog_get_survey_preview (dialog), "Response rate: 67% (4 of 6)"));
  g_assert_nonnull (strstr (mw_import_dialog_get_survey_preview (dialog), "Mensah, Kwame"));
  g_assert_nonnull (strstr (mw_import_dialog_get_survey_preview (dialog), "adds 6 actors and 8 ties"));

  /* advice as influence; the manager question left out */
  choose (dialog, "Who do you go to for advice?", MW_TIE_INFLUENCES);
  choose (dialog, "Who is your manager?", 4);
  g_assert_nonnull (strstr (mw_import_dialog_get_survey_preview (dialog), "adds 6 actors and 6 ties"));

  click_widget (mw_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Import"));
  wait_while_busy (dialog);
  g_assert_true (result.imported);
  g_assert_cmpuint (result.n_actors, ==, 6);
  g_assert_cmpuint (result.n_ties, ==, 6);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 6);
  g_assert_cmpuint (count_ties (network, MW_TIE_INFLUENCES), ==, 6);
  g_assert_cmpuint (count_ties (network, MW_TIE_REPORTS), ==, 0);
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    g_assert_true (mw_network_get_actor (network, i)->has_position);
  g_assert_finalize_object (dialog);

  /* one step: Ctrl+Z in the window takes it all away */
  g_assert_cmpstr (mw_history_get_undo_name (history), ==, "Import");
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (mw_window_get_canvas (window)));
  mw_test_spin (300);
  mw_test_press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  mw_test_spin (200);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 0);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 0);

  mw_test_destroy_window (window);
  mw_test_run_pending ();
}

static void
test_import_action (void)
{
  MwWindow *window = mw_window_new (NULL);
  GtkWidgetClass *klass = GTK_WIDGET_GET_CLASS (window);
  const GVariantType *param_type;
  const char *name, *property;
  GType owner;
  gboolean found = FALSE;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &param_type, &property); i++)
    found |= g_str_equal (name, "win.import");
  g_assert_true (found);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* The import dialog shown for @window, if any. */
static MwImportDialog *
find_import_dialog (MwWindow *window)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (MW_IS_IMPORT_DIALOG (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (window))
      return l->data;
  return NULL;
}

static MwWindow *
find_other_window (MwWindow *window)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (MW_IS_WINDOW (l->data) && l->data != (gpointer) window)
      return l->data;
  return NULL;
}

/* Opening a CSV file (the Open dialog, the command line) imports it: into a
 * blank window, else into a new one, the open network untouched. Before,
 * it was read as DOT: "syntax error near 'Employee'". */
static void
test_import_open_csv (void)
{
  g_autofree char *path = csv_path ("excel-people.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MwWindow *blank = mw_window_new (NULL);
  MwWindow *example = mw_window_new (NULL);
  MwWindow *other;
  MwImportDialog *dialog;
  g_auto(Result) result = { 0 };
  guint n_example;

  gtk_window_present (GTK_WINDOW (blank));
  mw_test_run_pending ();
  mw_window_open_file (blank, file);
  mw_test_run_pending ();
  dialog = find_import_dialog (blank);
  g_assert_nonnull (dialog);
  /* held: the dialog closes itself once it has imported */
  g_object_ref (dialog);
  wait_while_busy (dialog);
  g_assert_null (mw_import_dialog_get_error (dialog));
  g_assert_nonnull (mw_import_dialog_get_table (dialog, FALSE));
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &result);
  run_import (dialog);
  g_assert_true (result.imported);
  g_assert_finalize_object (dialog);
  g_assert_cmpuint (mw_network_get_n_actors (mw_document_get_network (mw_window_get_document (blank))), ==, 6);
  gtk_window_destroy (GTK_WINDOW (blank));
  mw_test_run_pending ();

  mw_window_open_example (example);
  gtk_window_present (GTK_WINDOW (example));
  mw_test_run_pending ();
  n_example = mw_network_get_n_actors (mw_document_get_network (mw_window_get_document (example)));
  mw_window_open_file (example, file);
  mw_test_run_pending ();
  g_assert_null (find_import_dialog (example));
  other = find_other_window (example);
  g_assert_nonnull (other);
  dialog = find_import_dialog (other);
  g_assert_nonnull (dialog);
  wait_while_busy (dialog);
  g_assert_null (mw_import_dialog_get_error (dialog));
  g_assert_cmpuint (mw_network_get_n_actors (mw_document_get_network (mw_window_get_document (example))), ==,
                    n_example);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (example));
  mw_test_run_pending ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/import/mapping-and-undo", test_import_mapping_and_undo);
  g_test_add_func ("/import/bad-rows", test_import_bad_rows);
  g_test_add_func ("/import/ties-only", test_import_ties_only);
  g_test_add_func ("/import/layout-fails", test_import_layout_fails);
  g_test_add_func ("/import/unreadable", test_import_unreadable);
  g_test_add_func ("/import/format", test_import_format);
  g_test_add_func ("/import/cancel", test_import_cancel);
  g_test_add_func ("/import/action", test_import_action);
  g_test_add_func ("/import/survey", test_import_survey);
  g_test_add_func ("/import/open-csv", test_import_open_csv);

  return g_test_run ();
}
