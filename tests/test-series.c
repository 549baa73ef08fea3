/* test-series.c: a series of snapshots — its file, each snapshot's scores,
 * what changed between neighbours, marked snapshots, and meshwork-cli series
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "mw-format.h"
#include "mw-series.h"
#include "mw-test-cli.h"
#include "mw-test-core.h"
#include "mw-test-series.h"

typedef struct
{
  char *folder;
  char *series_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = mw_test_make_dir ("series");
  fixture->series_path = mw_test_write_series (fixture->folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mw_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->series_path);
}

static MwSeries *
load_series (const char *path)
{
  g_autoptr(GError) error = NULL;
  MwSeries *series = mw_series_load (path, &error);

  g_assert_no_error (error);
  mw_series_load_snapshots (series, NULL);
  return series;
}

/* Every point is what scoring the file alone gives. */
static void
test_points_equal_scores (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MwSeries) series = load_series (fixture->series_path);
  gboolean gap_seen = FALSE;

  g_assert_cmpuint (mw_series_get_n_snapshots (series), ==, MW_TEST_SERIES_N_SNAPSHOTS);
  for (guint i = 0; i < MW_TEST_SERIES_N_SNAPSHOTS; i++)
    {
      const MwSnapshot *snapshot = mw_series_get_snapshot (series, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) network = mw_format_load_file (MW_FORMAT_UNKNOWN, snapshot->path, NULL, &error);
      g_autoptr(MwScores) scores = NULL;

      g_assert_no_error (error);
      g_assert_no_error (snapshot->error);
      g_assert_nonnull (snapshot->scores);
      scores = mw_scores_compute (network);
      for (guint e = 0; e < MW_N_ELEMENTS; e++)
        {
          g_assert_cmpint (mw_scores_is_measurable (snapshot->scores, e), ==, mw_scores_is_measurable (scores, e));
          g_assert_cmpfloat (mw_scores_get_score (snapshot->scores, e), ==, mw_scores_get_score (scores, e));
          gap_seen |= !mw_scores_is_measurable (scores, e);
        }
      g_assert_cmpfloat (mw_scores_get_index (snapshot->scores), ==, mw_scores_get_index (scores));
    }
  /* the pyramid has no influence tie: multi-directional influence is a gap there */
  g_assert_true (gap_seen);
  g_assert_false (mw_scores_is_measurable (mw_series_get_snapshot (series, 0)->scores, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE));
  g_assert_true (mw_scores_is_measurable (mw_series_get_snapshot (series, 2)->scores, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE));
  /* a pyramid grown into a network scores higher */
  g_assert_cmpfloat (mw_scores_get_index (mw_series_get_snapshot (series, 4)->scores), >,
                     mw_scores_get_index (mw_series_get_snapshot (series, 0)->scores));
}

static void
test_dates (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(MwSeries) series = load_series (fixture->series_path);
  const MwSnapshot *first = mw_series_get_snapshot (series, 0);
  const MwSnapshot *fourth = mw_series_get_snapshot (series, 3);
  const MwSnapshot *fifth = mw_series_get_snapshot (series, 4);
  g_autofree char *first_date = mw_snapshot_dup_date_text (first);
  g_autofree char *fourth_date = mw_snapshot_dup_date_text (fourth);
  g_autofree char *fourth_title = mw_snapshot_dup_title (fourth);
  g_autofree char *first_title = mw_snapshot_dup_title (first);

  g_assert_cmpint (first->date_source, ==, MW_SERIES_DATE_ENTRY);
  g_assert_cmpstr (first_date, ==, "2025-03-31");
  g_assert_cmpint (fourth->date_source, ==, MW_SERIES_DATE_ATTRIBUTE);
  g_assert_cmpstr (fourth_date, ==, "2025-12-31");
  g_assert_cmpint (fifth->date_source, ==, MW_SERIES_DATE_MTIME);
  g_assert_nonnull (fifth->when);
  g_assert_cmpstr (first_title, ==, "Pyramid");
  g_assert_cmpstr (fourth_title, ==, "snapshot-4");
}

static const MwChangeGroup *
find_group (MwSeriesChanges   *changes,
            MwChangeGroupKind  kind,
            MwTieType          type)
{
  for (guint g = 0; g < changes->groups->len; g++)
    {
      const MwChangeGroup *group = &g_array_index (changes->groups, MwChangeGroup, g);

      if (group->kind == kind && (kind < MW_CHANGE_GROUP_TIES_GAINED || group->tie_type == type))
        return group;
    }
  return NULL;
}

/* The changes come from the compare core, their effects from re-scoring
 * the earlier snapshot with one group applied. */
static void
test_changes (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(MwSeries) series = load_series (fixture->series_path);
  g_autoptr(MwSeriesChanges) first = mw_series_compute_changes (series, 0);
  g_autoptr(MwSeriesChanges) second = mw_series_compute_changes (series, 1);
  g_autoptr(MwSeriesChanges) third = mw_series_compute_changes (series, 2);
  const MwChangeGroup *collaborates, *added, *removed;
  g_autofree char *title = NULL;

  g_assert_nonnull (first);
  /* step 1 only added peers' collaboration */
  g_assert_cmpuint (first->groups->len, ==, 1);
  collaborates = find_group (first, MW_CHANGE_GROUP_TIES_GAINED, MW_TIE_COLLABORATES);
  g_assert_nonnull (collaborates);
  g_assert_cmpuint (collaborates->count, ==, g_strv_length (first->comparison->only_tie_ids[MW_COMPARE_OTHER]));
  g_assert_cmpfloat (collaborates->effect[MW_ELEMENT_SPONTANEOUS_COLLABORATION], >, 0);
  g_assert_true (isnan (collaborates->effect[MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE]));
  g_assert_cmpint (first->moved_most[MW_ELEMENT_SPONTANEOUS_COLLABORATION], ==, 0);
  g_assert_cmpint (first->moved_most[MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE], ==, -1);
  title = mw_change_group_dup_title (collaborates);
  g_assert_cmpstr (title, ==, "Ties gained: Collaborates");

  /* step 2: a newcomer with two ties, and influence */
  added = find_group (second, MW_CHANGE_GROUP_PEOPLE_ADDED, 0);
  g_assert_nonnull (added);
  g_assert_cmpuint (added->count, ==, 1);
  g_assert_nonnull (find_group (second, MW_CHANGE_GROUP_TIES_GAINED, MW_TIE_INFLUENCES));
  g_assert_null (find_group (second, MW_CHANGE_GROUP_PEOPLE_REMOVED, 0));

  /* step 3: someone left; the index moved by what each group did */
  removed = find_group (third, MW_CHANGE_GROUP_PEOPLE_REMOVED, 0);
  g_assert_nonnull (removed);
  g_assert_cmpuint (removed->count, ==, 1);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    g_assert_cmpint (third->moved_most[e], <, (int) third->groups->len);
}

/* A missing and an unreadable snapshot are marked with why; nothing is
 * written, the other snapshots still score. */
static void
test_marked (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->folder, "snapshot-2.gv", NULL);
  g_autofree char *broken = g_build_filename (fixture->folder, "snapshot-3.gv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(MwSeries) series = NULL;
  const MwSnapshot *snapshot;

  g_assert_cmpint (g_remove (missing), ==, 0);
  g_assert_true (g_file_set_contents (broken, "digraph { a -> ", -1, NULL));
  g_assert_true (g_file_get_contents (fixture->series_path, &before, NULL, NULL));

  series = load_series (fixture->series_path);
  snapshot = mw_series_get_snapshot (series, 1);
  g_assert_null (snapshot->network);
  g_assert_nonnull (snapshot->error);
  g_assert_nonnull (strstr (snapshot->error->message, "snapshot-2.gv"));
  snapshot = mw_series_get_snapshot (series, 2);
  g_assert_null (snapshot->scores);
  g_assert_nonnull (strstr (snapshot->error->message, "snapshot-3.gv"));
  g_assert_nonnull (mw_series_get_snapshot (series, 3)->scores);
  g_assert_null (mw_series_compute_changes (series, 1));

  g_assert_true (g_file_get_contents (fixture->series_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Files are kept relative to the series file; add, remove and move. */
static void
test_edit_and_save (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwSeries) series = mw_series_load (fixture->series_path, &error);
  g_autoptr(MwSeries) again = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *copy_path = g_build_filename (fixture->folder, "copy.mwseries", NULL);

  g_assert_no_error (error);
  mw_series_move (series, 4, 0);
  mw_series_remove (series, 1);
  g_assert_cmpuint (mw_series_get_n_snapshots (series), ==, 4);
  g_assert_true (mw_series_save (series, copy_path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (copy_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"snapshot-5.gv\""));
  g_assert_null (strstr (contents, fixture->folder));
  again = mw_series_load (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (mw_series_get_snapshot (again, 0)->path, "snapshot-5.gv"));
  g_assert_true (g_str_has_suffix (mw_series_get_snapshot (again, 1)->path, "snapshot-2.gv"));
  g_assert_cmpstr (mw_series_get_snapshot (again, 1)->title, ==, "First peers");
}

/* A title and a date set, a date refused with a clear reason (nothing
 * changed), a date cleared; saved and read back. A save that cannot be
 * written says why and leaves the file as it was. */
static void
test_retitle_redate (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwSeries) series = load_series (fixture->series_path);
  g_autoptr(MwSeries) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *blocked = g_build_filename (fixture->folder, "snapshot-1.gv", "inside.mwseries", NULL);
  g_autofree char *text = NULL;

  mw_series_set_title (series, 1, "Peers at last");
  g_assert_true (mw_series_set_date (series, 1, "2025-07-15", &error));
  g_assert_no_error (error);
  text = mw_snapshot_dup_date_text (mw_series_get_snapshot (series, 1));
  g_assert_cmpstr (text, ==, "2025-07-15");
  g_assert_cmpint (mw_series_get_snapshot (series, 1)->date_source, ==, MW_SERIES_DATE_ENTRY);

  g_assert_false (mw_series_set_date (series, 2, "2025-13-40", &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-13-40"));
  g_assert_nonnull (strstr (error->message, "2026-03-31"));
  g_clear_error (&error);
  g_assert_cmpstr (mw_series_get_snapshot (series, 2)->date, ==, "2025-09-30");
  g_assert_false (mw_series_set_date (series, 2, "next spring", &error));
  g_clear_error (&error);

  g_assert_true (mw_series_set_date (series, 0, "", &error));
  mw_series_set_title (series, 4, "");
  g_assert_true (mw_series_save (series, NULL, &error));
  g_assert_no_error (error);

  again = load_series (fixture->series_path);
  g_assert_cmpstr (mw_series_get_snapshot (again, 1)->title, ==, "Peers at last");
  g_assert_cmpstr (mw_series_get_snapshot (again, 1)->date, ==, "2025-07-15");
  g_assert_null (mw_series_get_snapshot (again, 0)->date);
  g_assert_cmpint (mw_series_get_snapshot (again, 0)->date_source, !=, MW_SERIES_DATE_ENTRY);
  g_assert_null (mw_series_get_snapshot (again, 4)->title);

  /* a file where a folder should be: the save fails, naming why */
  g_assert_true (g_file_get_contents (fixture->series_path, &before, NULL, NULL));
  mw_series_set_title (again, 0, "Unsaved");
  g_assert_false (mw_series_save (again, blocked, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, !=, "");
  g_assert_cmpstr (mw_series_get_path (again), ==, fixture->series_path);
  g_assert_true (g_file_get_contents (fixture->series_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (mw_series_get_snapshot (again, 0)->title, ==, "Unsaved");
}

static void
test_not_a_series (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "bad.mwseries", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwSeries) series = NULL;

  g_assert_true (g_file_set_contents (path, "{ \"snapshots\": 3 }", -1, NULL));
  series = mw_series_load (path, &error);
  g_assert_null (series);
  g_assert_nonnull (strstr (error->message, "bad.mwseries"));
  g_assert_true (mw_series_is_series_name ("/a/b/Growth.MWSERIES"));
  g_assert_false (mw_series_is_series_name ("growth.gv"));
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* `series show --json` gives each snapshot the "scores" of `score --json`. */
static void
test_cli_show_equals_score (Fixture       *fixture,
                            gconstpointer  data)
{
  g_auto(MwTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *snapshots, *changes;

  mw_test_run_cli (&run, "series", "show", fixture->series_path, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  snapshots = json_object_get_array_member (parse_object (parser, run.out), "snapshots");
  g_assert_cmpuint (json_array_get_length (snapshots), ==, MW_TEST_SERIES_N_SNAPSHOTS);
  for (guint i = 0; i < MW_TEST_SERIES_N_SNAPSHOTS; i++)
    {
      JsonObject *snapshot = json_array_get_object_element (snapshots, i);
      g_auto(MwTestRun) score = { 0 };
      g_autoptr(JsonParser) score_parser = json_parser_new ();
      JsonObject *expected;

      mw_test_run_cli (&score, "score", "--json", json_object_get_string_member (snapshot, "file"), NULL);
      expected = parse_object (score_parser, score.out);
      g_assert_true (json_node_equal (json_object_get_member (snapshot, "scores"),
                                      json_object_get_member (expected, "scores")));
      g_assert_cmpint (json_object_get_int_member (snapshot, "index_elements"), ==,
                       json_object_get_int_member (expected, "index_elements"));
      g_assert_cmpint (json_object_get_int_member (snapshot, "position"), ==, i + 1);
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (snapshots, 3), "date_source"),
                   ==, "attribute");
  /* the gap is null, not zero */
  g_assert_true (json_node_is_null (json_object_get_member (
    json_object_get_object_member (json_array_get_object_element (snapshots, 0), "scores"),
    "multi_directional_influence")));

  changes = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, MW_TEST_SERIES_N_SNAPSHOTS - 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (changes, 1),
                                                                          "people_in")), ==, 1);

  mw_test_run_clear (&run);
  mw_test_run_cli (&run, "series", "show", fixture->series_path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Pyramid"));
  g_assert_nonnull (strstr (run.out, "Moved Spontaneous collaboration most: Ties gained: Collaborates"));
}

static void
test_cli_new_and_add (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "two.mwseries", NULL);
  g_autofree char *first = g_build_filename (fixture->folder, "snapshot-1.gv", NULL);
  g_autofree char *second = g_build_filename (fixture->folder, "snapshot-2.gv", NULL);
  g_autofree char *third = g_build_filename (fixture->folder, "snapshot-3.gv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwSeries) series = NULL;
  g_auto(MwTestRun) run = { 0 };

  mw_test_run_cli (&run, "series", "new", path, first, second, NULL);
  g_assert_cmpint (run.status, ==, 0);
  mw_test_run_clear (&run);
  mw_test_run_cli (&run, "series", "add", path, third, "--date", "2026-01-15", "--title", "Later", NULL);
  g_assert_cmpint (run.status, ==, 0);

  series = mw_series_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_series_get_n_snapshots (series), ==, 3);
  g_assert_cmpstr (mw_series_get_snapshot (series, 2)->date, ==, "2026-01-15");
  g_assert_cmpstr (mw_series_get_snapshot (series, 2)->title, ==, "Later");
  g_assert_null (mw_series_get_snapshot (series, 0)->date);
}

/* Names as a user types them: the series and its snapshots relative to the
 * working folder ("S.mwseries", whose folder is "."). */
static void
test_relative_names (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected = g_canonicalize_filename ("snapshot-1.gv", fixture->folder);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwSeries) series = mw_series_new ();
  g_autoptr(MwSeries) again = NULL;

  g_assert_cmpint (g_chdir (fixture->folder), ==, 0);
  mw_series_add (series, "snapshot-1.gv", NULL, NULL);
  g_assert_true (mw_series_save (series, "relative.mwseries", &error));
  g_assert_no_error (error);
  again = mw_series_load ("relative.mwseries", &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_no_error (error);
  g_assert_cmpuint (mw_series_get_n_snapshots (again), ==, 1);
  g_assert_cmpstr (mw_series_get_snapshot (again, 0)->path, ==, expected);
  g_assert_true (g_file_get_contents (mw_series_get_path (again), &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"file\" : \"snapshot-1.gv\""));
}

/* Bad input: exit status 2, and the message names the file. */
static void
test_cli_bad_input (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "bad.mwseries", NULL);
  g_autofree char *missing = g_build_filename (fixture->folder, "snapshot-4.gv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(MwTestRun) run = { 0 };

  mw_test_run_cli (&run, "series", "new", path, "nowhere.gv", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "nowhere.gv"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  mw_test_run_clear (&run);
  mw_test_run_cli (&run, "series", "new", "growth.txt", missing, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "growth.txt"));

  mw_test_run_clear (&run);
  mw_test_run_cli (&run, "series", "add", fixture->series_path, missing, "--date", "soon", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "soon"));

  /* a snapshot gone: shown as marked, named, exit 2, nothing rewritten */
  g_assert_true (g_file_get_contents (fixture->series_path, &before, NULL, NULL));
  g_assert_cmpint (g_remove (missing), ==, 0);
  mw_test_run_clear (&run);
  mw_test_run_cli (&run, "series", "show", fixture->series_path, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "snapshot-4.gv"));
  g_assert_nonnull (strstr (run.out, "Marked:"));
  g_assert_nonnull (strstr (run.out, "5. "));
  g_assert_true (g_file_get_contents (fixture->series_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/series/points-equal-scores", test_points_equal_scores);
  ADD ("/series/dates", test_dates);
  ADD ("/series/changes", test_changes);
  ADD ("/series/marked", test_marked);
  ADD ("/series/edit-and-save", test_edit_and_save);
  ADD ("/series/retitle-redate", test_retitle_redate);
  ADD ("/series/not-a-series", test_not_a_series);
  ADD ("/series/relative-names", test_relative_names);
  ADD ("/series/cli/show-equals-score", test_cli_show_equals_score);
  ADD ("/series/cli/new-and-add", test_cli_new_and_add);
  ADD ("/series/cli/bad-input", test_cli_bad_input);
#undef ADD

  return g_test_run ();
}
