/* test-report.c: the report for the client, read back as a client's PDF reader does
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "mw-anonymise.h"
#include "mw-format.h"
#include "mw-label.h"
#include "mw-report.h"
#include "mw-scorer-suggest.h"
#include "mw-scores.h"
#include "mw-test-core.h"

static MwNetwork *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "meshwork-example.gv", NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

/* Runs a poppler tool on @pdf and returns its output, white space made
 * single spaces so that a wrapped title reads as one. */
static char *
poppler (const char *tool,
         GBytes     *pdf)
{
  g_autofree char *dir = mw_test_make_dir ("test-report");
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  const char *argv_text[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *argv_info[] = { "pdfinfo", path, NULL };
  int status = -1;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL));
  g_spawn_sync (NULL, (char **)(strcmp (tool, "pdftotext") == 0 ? argv_text : argv_info), NULL,
                G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", tool, err);
  mw_test_remove_tree (dir);
  return g_regex_replace_literal (spaces, out, -1, 0, " ", 0, NULL);
}

static GBytes *
report_of (MwNetwork             *network,
           const MwReportOptions *options)
{
  MwReportSnapshot snapshot = { network, NULL, "example" };
  g_autoptr(GError) error = NULL;
  GBytes *pdf = mw_report_to_bytes (&snapshot, 1, options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return pdf;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the report", part);
}

/* pdftotext finds every element's title, the index and each suggestion;
 * the metadata names the report and Meshwork. */
static void
test_contents (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(GPtrArray) suggestions = mw_suggest (network, MW_SUGGEST_MAX, NULL);
  g_autoptr(MwScores) scores = mw_scores_compute (network);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL, *info = NULL, *index = NULL;
  MwReportOptions options;

  mw_report_options_init (&options);
  options.page = MW_PAGE_A4;
  pdf = report_of (network, &options);
  text = poppler ("pdftotext", pdf);
  info = poppler ("pdfinfo", pdf);

  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    assert_contains (text, mw_element_get_title (e));
  index = g_strdup_printf ("Distributed leadership index: %.0f of 100", mw_scores_get_index (scores));
  assert_contains (text, index);
  g_assert_cmpuint (suggestions->len, >, 0);
  for (guint i = 0; i < suggestions->len; i++)
    assert_contains (text, ((MwSuggestion *)suggestions->pdata[i])->text);
  assert_contains (text, "Method and Limits");
  assert_contains (text, "Page 2");
  /* people behind the explanations, by name when not anonymised */
  assert_contains (text, "Maria Okafor");
  g_assert_null (strstr (text, "Over Time"));

  assert_contains (info, "Title: Northwind Health and partners");
  assert_contains (info, "Creator: Meshwork");
  assert_contains (info, "Page size: 595.276 x 841.89 pts (A4)");
}

/* The person's title or role when there is one, else "Person N" by id;
 * a unit named after a person loses the name; the scores stay. */
static void
test_anonymise_transform (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) copy = NULL;
  g_autoptr(MwScores) before = NULL, after = NULL;
  MwActor *ceo = mw_network_lookup_actor (network, "ceo");
  MwActor *coo = mw_network_lookup_actor (network, "coo");

  mw_network_set_actor_attr (network, ceo, "title", "Chief executive");
  mw_network_set_actor_unit (network, coo, "Maria Okafor's office");
  copy = mw_anonymise (network);

  g_assert_cmpstr (mw_network_lookup_actor (copy, "ceo")->label, ==, "Chief executive");
  /* by id, "coo" comes after "cdo", "ceo" and "cmo": the fourth person */
  g_assert_cmpstr (mw_network_lookup_actor (copy, "coo")->label, ==, "Person 4");
  g_assert_cmpstr (mw_network_lookup_actor (copy, "cdo")->label, ==, "Person 1");
  g_assert_cmpstr (mw_network_lookup_actor (copy, "coo")->unit, ==, "Chief executive's office");
  g_assert_cmpstr (mw_network_lookup_actor (copy, "coo")->notes, ==, "");
  /* a team is not a person */
  g_assert_cmpstr (mw_network_lookup_actor (copy, "huddle")->label, ==, "Discharge huddle");
  /* the original is untouched */
  g_assert_cmpstr (ceo->label, ==, "Maria Okafor");

  before = mw_scores_compute (network);
  after = mw_scores_compute (copy);
  g_assert_cmpfloat_with_epsilon (mw_scores_get_index (before), mw_scores_get_index (after), 1e-9);
}

/* No person's name anywhere: the text, the metadata, the raw bytes. */
static void
test_anonymised_report (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL, *info = NULL;
  MwReportOptions options;
  gsize size;
  const char *raw;

  /* a graph label naming a person must not reach the title either */
  mw_network_set_attr (network, "label", "Tom Brandt's organisation");
  mw_report_options_init (&options);
  options.anonymise = TRUE;
  pdf = report_of (network, &options);
  text = poppler ("pdftotext", pdf);
  info = poppler ("pdfinfo", pdf);
  raw = g_bytes_get_data (pdf, &size);

  assert_contains (text, "Person 1");
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      g_autofree char *name = mw_actor_dup_display_label (actor);

      if (actor->kind != MW_ACTOR_PERSON)
        continue;
      g_assert_null (strstr (text, name));
      g_assert_null (strstr (info, name));
      g_assert_null (g_strstr_len (raw, size, name));
    }
  assert_contains (info, "Title: Person 4's organisation");
}

static void
test_paper (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *info = NULL;
  MwReportOptions options;

  mw_report_options_init (&options);
  options.page = MW_PAGE_LETTER;
  pdf = report_of (network, &options);
  info = poppler ("pdfinfo", pdf);
  assert_contains (info, "Page size: 612 x 792 pts (letter)");
}

/* Three snapshots given out of order: the table is by their dates, and
 * the last by date is the one reported on. */
static void
test_over_time (void)
{
  g_autoptr(MwNetwork) a = load_example ();
  g_autoptr(MwNetwork) b = mw_network_copy (a);
  g_autoptr(MwNetwork) c = mw_network_copy (a);
  MwReportSnapshot snapshots[] = {
    { c, NULL, "Autumn" },
    { a, NULL, "Spring" },
    { b, NULL, "Summer" },
  };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MwReportOptions options;
  const char *over_time, *spring, *summer, *autumn;

  mw_network_set_attr (a, "date", "2026-03-31");
  mw_network_set_attr (b, "date", "2026-06-30");
  mw_network_set_attr (c, "date", "2026-09-30");
  mw_network_remove_actor (c, mw_network_lookup_actor (c, "dev2"));
  mw_report_options_init (&options);
  pdf = mw_report_to_bytes (snapshots, G_N_ELEMENTS (snapshots), &options, NULL, &error);
  g_assert_no_error (error);
  text = poppler ("pdftotext", pdf);

  over_time = strstr (text, "Over Time");
  g_assert_nonnull (over_time);
  spring = strstr (over_time, "Spring 2026-03-31");
  summer = strstr (over_time, "Summer 2026-06-30");
  autumn = strstr (over_time, "Autumn 2026-09-30");
  g_assert_nonnull (spring);
  g_assert_true (spring < summer && summer < autumn);
  /* the cover counts the last snapshot's actors: one left */
  assert_contains (text, "17 actors");

  /* in the order given when asked */
  options.by_date = FALSE;
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_pointer (&text, g_free);
  pdf = mw_report_to_bytes (snapshots, G_N_ELEMENTS (snapshots), &options, NULL, &error);
  text = poppler ("pdftotext", pdf);
  over_time = strstr (text, "Over Time");
  g_assert_true (strstr (over_time, "Autumn") < strstr (over_time, "Spring"));
}

/* A baseline adds its comparison: the scores side by side and who left. */
static void
test_baseline (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) baseline = mw_network_copy (network);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *text = NULL;
  MwReportOptions options;

  mw_network_remove_actor (network, mw_network_lookup_actor (network, "dev2"));
  mw_report_options_init (&options);
  options.baseline = baseline;
  options.baseline_title = "Last quarter";
  pdf = report_of (network, &options);
  text = poppler ("pdftotext", pdf);
  assert_contains (text, "Compared with Last quarter");
  assert_contains (text, "Left (1): Ravi Patel");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/contents", test_contents);
  g_test_add_func ("/report/anonymise-transform", test_anonymise_transform);
  g_test_add_func ("/report/anonymised", test_anonymised_report);
  g_test_add_func ("/report/paper", test_paper);
  g_test_add_func ("/report/over-time", test_over_time);
  g_test_add_func ("/report/baseline", test_baseline);
  return g_test_run ();
}
