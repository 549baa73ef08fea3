/* test-cli-report.c: meshwork-cli report, run as a user runs it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mw-test-cli.h"
#include "mw-test-core.h"

static char *
example_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "meshwork-example.gv", NULL);
}

static char *
page_size (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  line = strstr (out, "Page size:");
  g_assert_nonnull (line);
  return g_strndup (line, strcspn (line, "\n"));
}

/* One input, a baseline, --anonymise and --paper letter: exit 0 and a PDF
 * on Letter paper. */
static void
test_report_written (void)
{
  g_autofree char *dir = mw_test_make_dir ("test-cli-report");
  g_autofree char *out = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *later = g_test_build_filename (G_TEST_DIST, "data", "meshwork-example-later.gv", NULL);
  g_autofree char *size = NULL;
  g_auto(MwTestRun) run = { 0 };

  mw_test_run_cli (&run, "report", example, out, "--baseline", later, "--anonymise", "--paper", "letter", NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  size = page_size (out);
  g_assert_nonnull (strstr (size, " 612 x 792 pts (letter)"));
  mw_test_remove_tree (dir);
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  return out;
}

/* --series: the series' snapshots are the inputs, in its order, with the
 * titles it gives them; a series that does not load writes nothing. */
static void
test_report_series (void)
{
  g_autofree char *dir = mw_test_make_dir ("test-cli-report-series");
  g_autofree char *out = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *series = g_build_filename (dir, "org.mwseries", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.mwseries", NULL);
  g_autofree char *example = example_path ();
  g_autofree char *later = g_test_build_filename (G_TEST_DIST, "data", "meshwork-example-later.gv", NULL);
  g_autofree char *text = NULL;
  g_auto(MwTestRun) made = { 0 };
  g_auto(MwTestRun) added = { 0 };
  g_auto(MwTestRun) run = { 0 };
  g_auto(MwTestRun) refused = { 0 };

  mw_test_run_cli (&made, "series", "new", series, example, NULL);
  g_assert_cmpint (made.status, ==, 0);
  mw_test_run_cli (&added, "series", "add", series, later, "--date", "2026-06-30", "--title", "After the reorganisation", NULL);
  g_assert_cmpint (added.status, ==, 0);

  mw_test_run_cli (&run, "report", "--series", series, out, NULL);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (out);
  g_assert_nonnull (strstr (text, "Over Time"));
  /* the title the series gives it (a narrow column wraps it), and its date */
  g_assert_nonnull (strstr (text, "reorganisation"));
  g_assert_nonnull (strstr (text, "2026-06-30"));

  mw_test_run_cli (&refused, "report", "--series", missing, out, NULL);
  g_assert_cmpint (refused.status, ==, 2);
  g_assert_nonnull (strstr (refused.err, "missing.mwseries"));
  mw_test_remove_tree (dir);
}

/* A missing input: exit 2, a message that names it, and no OUT at all. */
static void
test_missing_input (void)
{
  g_autofree char *dir = mw_test_make_dir ("test-cli-report");
  g_autofree char *out = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-quarter.gv", NULL);
  g_autofree char *example = example_path ();
  g_auto(MwTestRun) run = { 0 };

  mw_test_run_cli (&run, "report", example, missing, out, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no-such-quarter.gv"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  mw_test_remove_tree (dir);
}

/* OUT in a folder that does not exist, OUT that is no PDF, a bad paper
 * and no arguments: exit 2 with a message each. */
static void
test_bad_arguments (void)
{
  g_autofree char *dir = mw_test_make_dir ("test-cli-report");
  g_autofree char *unwritable = g_build_filename (dir, "gone", "report.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "report.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *example = example_path ();

  {
    g_auto(MwTestRun) run = { 0 };

    mw_test_run_cli (&run, "report", example, unwritable, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "does not exist"));
  }
  {
    g_auto(MwTestRun) run = { 0 };

    mw_test_run_cli (&run, "report", example, svg, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "PDF"));
    g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(MwTestRun) run = { 0 };

    mw_test_run_cli (&run, "report", example, pdf, "--paper", "a3", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--paper"));
  }
  {
    g_auto(MwTestRun) run = { 0 };

    mw_test_run_cli (&run, "report", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  mw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-report/written", test_report_written);
  g_test_add_func ("/cli-report/missing-input", test_missing_input);
  g_test_add_func ("/cli-report/series", test_report_series);
  g_test_add_func ("/cli-report/bad-arguments", test_bad_arguments);
  return g_test_run ();
}
