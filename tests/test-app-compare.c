/* test-app-compare.c: "Compare With…" and the sidebar that follows the
 * selection (under Xvfb; Escape comes from the X server through XTest)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

#include "mw-compare-view.h"
#include "mw-dot.h"
#include "mw-score-panel.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

typedef struct
{
  MwWindow      *window;
  MwCanvas      *canvas;
  MwCompareView *view;
  MwNetwork     *later;    /* the fixture, loaded by the core */
} Fixture;

static MwScorer *
this_scorer (Fixture *fixture)
{
  return mw_score_panel_get_scorer (MW_SCORE_PANEL (mw_window_get_score_panel (fixture->window)));
}

/* Both columns have scores of the networks as they are now. */
static gboolean
scores_current (gpointer data)
{
  Fixture *fixture = data;
  MwScorer *other = mw_compare_view_get_other_scorer (fixture->view);
  MwScores *scores = mw_scorer_get_scores (this_scorer (fixture));
  MwNetwork *network = mw_test_network_of (fixture->window);

  return mw_window_get_n_pending (fixture->window) == 0 && other != NULL &&
         mw_scorer_get_scores (other) != NULL && scores != NULL &&
         mw_scores_get_generation (scores) == mw_network_get_generation (network) &&
         mw_compare_view_get_value_text (fixture->view, MW_COMPARE_THIS, MW_COMPARE_ROW_INDEX) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "meshwork-example-later.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  fixture->later = mw_dot_load_file (path, NULL, &error);
  g_assert_no_error (error);

  fixture->window = mw_test_example_window_new (1200, 760);
  fixture->canvas = mw_window_get_canvas (fixture->window);
  fixture->view = MW_COMPARE_VIEW (mw_window_get_compare_view (fixture->window));

  if (data != NULL)
    {
      mw_window_compare_with_file (fixture->window, file);
      g_assert_true (mw_test_wait_for (scores_current, fixture));
      g_assert_true (mw_window_get_comparing (fixture->window));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mw_test_destroy_window (g_steal_pointer (&fixture->window));
  g_clear_object (&fixture->later);
}

static int
compare_strings (const char **a,
                 const char **b)
{
  return strcmp (*a, *b);
}

/* The ids of @actors, sorted, with spaces between. */
static char *
ids_of (GPtrArray *actors)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < actors->len; i++)
    g_strv_builder_add (builder, ((MwActor *)g_ptr_array_index (actors, i))->id);
  ids = g_strv_builder_end (builder);
  qsort (ids, g_strv_length (ids), sizeof (char *), (GCompareFunc)compare_strings);
  return g_strjoinv (" ", ids);
}

/* Each column shows what the core computes for its own network. */
static void
assert_columns (Fixture *fixture)
{
  g_autoptr(MwScores) here = mw_scores_compute (mw_test_network_of (fixture->window));
  g_autoptr(MwScores) there = mw_scores_compute (fixture->later);
  guint n_different = 0;

  for (guint row = 0; row < MW_N_COMPARE_ROWS; row++)
    {
      g_autofree char *expected_here = mw_compare_view_format_value (here, row);
      g_autofree char *expected_there = mw_compare_view_format_value (there, row);

      g_assert_cmpstr (mw_compare_view_get_value_text (fixture->view, MW_COMPARE_THIS, row), ==, expected_here);
      g_assert_cmpstr (mw_compare_view_get_value_text (fixture->view, MW_COMPARE_OTHER, row), ==, expected_there);
      g_assert_nonnull (mw_compare_view_get_delta_text (fixture->view, row));
      n_different += g_strcmp0 (expected_here, expected_there) != 0;
    }
  /* The two networks differ in their scores, so the columns cannot be
   * one network's twice. */
  g_assert_cmpuint (n_different, >, 0);
}

static void
test_compare_shows_both (Fixture       *fixture,
                         gconstpointer  data)
{
  MwCanvas *other = mw_compare_view_get_other_canvas (fixture->view);
  g_autoptr(GPtrArray) marked_here = mw_canvas_get_marked_actors (fixture->canvas);
  g_autoptr(GPtrArray) marked_there = mw_canvas_get_marked_actors (other);
  g_autoptr(GPtrArray) ties_here = mw_canvas_get_marked_ties (fixture->canvas);
  g_autoptr(GPtrArray) ties_there = mw_canvas_get_marked_ties (other);
  g_autofree char *here = ids_of (marked_here);
  g_autofree char *there = ids_of (marked_there);

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)));
  /* The window's own canvas, still editable, beside a read-only one. */
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (fixture->canvas), GTK_WIDGET (fixture->view)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->canvas)));
  g_assert_true (mw_canvas_get_editable (fixture->canvas));
  g_assert_false (mw_canvas_get_editable (other));

  assert_columns (fixture);

  /* Elif left, Nia joined. */
  g_assert_cmpstr (here, ==, "data1");
  g_assert_cmpstr (there, ==, "nia");
  /* Elif's two ties, the retyped influence and the lost peer check here;
   * Nia's two ties and the collaboration that replaced the influence there. */
  g_assert_cmpuint (ties_here->len, ==, 4);
  g_assert_cmpuint (ties_there->len, ==, 3);
}

static gboolean
nurse_marked_there (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) marked = mw_canvas_get_marked_actors (mw_compare_view_get_other_canvas (fixture->view));
  g_autofree char *ids = ids_of (marked);

  return g_str_equal (ids, "nia nurse2");
}

static void
test_compare_follows_edits (Fixture       *fixture,
                            gconstpointer  data)
{
  MwActor *nurse = mw_network_lookup_actor (mw_test_network_of (fixture->window), "nurse2");
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  g_autofree char *before = g_strdup (mw_compare_view_get_value_text (fixture->view, MW_COMPARE_THIS,
                                                                      MW_COMPARE_ROW_ELEMENT));
  g_autofree char *other_before = g_strdup (mw_compare_view_get_value_text (fixture->view, MW_COMPARE_OTHER,
                                                                            MW_COMPARE_ROW_ELEMENT));

  /* Omar leaves, deleted on the left canvas as a user would. */
  g_ptr_array_add (actors, nurse);
  mw_canvas_select_actors (fixture->canvas, actors);
  mw_canvas_delete_selection (fixture->canvas);
  g_assert_null (mw_network_lookup_actor (mw_test_network_of (fixture->window), "nurse2"));

  g_assert_true (mw_test_wait_for (scores_current, fixture));
  assert_columns (fixture);
  g_assert_cmpstr (mw_compare_view_get_value_text (fixture->view, MW_COMPARE_THIS, MW_COMPARE_ROW_ELEMENT),
                   !=, before);
  g_assert_cmpstr (mw_compare_view_get_value_text (fixture->view, MW_COMPARE_OTHER, MW_COMPARE_ROW_ELEMENT),
                   ==, other_before);

  /* Now only the other network has him. */
  g_assert_true (mw_test_wait_for (nurse_marked_there, fixture));
}

/* Once the stack's crossfade is over. */
static gboolean
view_unmapped (gpointer data)
{
  Fixture *fixture = data;

  return !gtk_widget_get_mapped (GTK_WIDGET (fixture->view));
}

static void
test_compare_stop (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) marked = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.stop-comparing", NULL);
  g_assert_false (mw_window_get_comparing (fixture->window));
  g_assert_true (mw_test_wait_for (view_unmapped, fixture));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->canvas)));
  marked = mw_canvas_get_marked_actors (fixture->canvas);
  g_assert_cmpuint (marked->len, ==, 0);
  g_assert_null (mw_compare_view_get_other (fixture->view));
}

static gboolean
not_comparing (gpointer data)
{
  Fixture *fixture = data;

  return !mw_window_get_comparing (fixture->window);
}

/* Escape from the X server: the first one clears the selection, the next
 * one leaves compare mode. */
static void
test_compare_escape (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;

  /* The keyboard follows the pointer when no window manager runs. */
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), 40, 40, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));

  g_ptr_array_add (actors, mw_network_lookup_actor (mw_test_network_of (fixture->window), "ceo"));
  mw_canvas_select_actors (fixture->canvas, actors);

  mw_test_press_key (GDK_KEY_Escape, 0);
  mw_test_spin (200);
  g_clear_pointer (&actors, g_ptr_array_unref);
  actors = mw_canvas_get_selected_actors (fixture->canvas);
  g_assert_cmpuint (actors->len, ==, 0);
  g_assert_true (mw_window_get_comparing (fixture->window));

  mw_test_press_key (GDK_KEY_Escape, 0);
  g_assert_true (mw_test_wait_for (not_comparing, fixture));
}

/* An element the other network gives no data for shows "—" in its column
 * and as the difference, never 0 or a drop to 0: the pyramid whose CEO
 * alone holds the purpose has no checks tie, the example has. */
static void
test_compare_not_measurable (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "validity", "pyramid-ceo-purpose.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MwCompareRow risk = MW_COMPARE_ROW_ELEMENT + MW_ELEMENT_PEER_RISK_MITIGATION;
  MwCompareRow purpose = MW_COMPARE_ROW_ELEMENT + MW_ELEMENT_GLOBAL_PURPOSE;

  mw_window_compare_with_file (fixture->window, file);
  g_assert_true (mw_test_wait_for (scores_current, fixture));
  g_assert_true (mw_scores_is_measurable (mw_scorer_get_scores (this_scorer (fixture)), MW_ELEMENT_PEER_RISK_MITIGATION));
  g_assert_cmpstr (mw_compare_view_get_value_text (fixture->view, MW_COMPARE_OTHER, risk), ==, "—");
  g_assert_cmpstr (mw_compare_view_get_delta_text (fixture->view, risk), ==, "—");
  g_assert_cmpstr (mw_compare_view_get_value_text (fixture->view, MW_COMPARE_THIS, risk), !=, "—");
  /* A measured element keeps its figure and its difference. */
  g_assert_cmpstr (mw_compare_view_get_value_text (fixture->view, MW_COMPARE_OTHER, purpose), !=, "—");
  g_assert_cmpstr (mw_compare_view_get_delta_text (fixture->view, purpose), !=, "—");
}

static void
test_compare_bad_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "no-such-network.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  mw_window_compare_with_file (fixture->window, file);
  while (mw_window_get_n_pending (fixture->window) > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (mw_window_get_comparing (fixture->window));
  g_assert_nonnull (mw_window_get_last_error (fixture->window));
}

static GtkStack *
sidebar_of (Fixture *fixture)
{
  return GTK_STACK (gtk_widget_get_ancestor (mw_window_get_inspector (fixture->window), GTK_TYPE_STACK));
}

/* Selecting leaves the sidebar's page as it is: the scores stay in view. */
static void
test_sidebar_follows_selection (Fixture       *fixture,
                                gconstpointer  data)
{
  MwScorePanel *panel = MW_SCORE_PANEL (mw_window_get_score_panel (fixture->window));
  GtkStack *sidebar = sidebar_of (fixture);
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  g_ptr_array_add (actors, mw_network_lookup_actor (mw_test_network_of (fixture->window), "ceo"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "scores");

  mw_canvas_select_actors (fixture->canvas, actors);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "scores");

  /* Nothing selected: the page stays where it is. */
  gtk_stack_set_visible_child_name (sidebar, "scores");
  mw_canvas_select_none (fixture->canvas);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "scores");

  /* Reading an explanation: choosing one of its people keeps the scores. */
  mw_score_panel_explain (panel, MW_ELEMENT_SPONTANEOUS_COLLABORATION, -1);
  g_assert_true (mw_canvas_has_highlight (fixture->canvas));
  mw_canvas_select_actors (fixture->canvas, actors);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (sidebar), ==, "scores");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/compare/shows-both", Fixture, "compare", fixture_set_up, test_compare_shows_both, fixture_tear_down);
  g_test_add ("/compare/follows-edits", Fixture, "compare", fixture_set_up, test_compare_follows_edits,
              fixture_tear_down);
  g_test_add ("/compare/stop", Fixture, "compare", fixture_set_up, test_compare_stop, fixture_tear_down);
  g_test_add ("/compare/escape", Fixture, "compare", fixture_set_up, test_compare_escape, fixture_tear_down);
  g_test_add ("/compare/not-measurable", Fixture, NULL, fixture_set_up, test_compare_not_measurable, fixture_tear_down);
  g_test_add ("/compare/bad-file", Fixture, NULL, fixture_set_up, test_compare_bad_file, fixture_tear_down);
  g_test_add ("/window/sidebar-follows-selection", Fixture, NULL, fixture_set_up,
              test_sidebar_follows_selection, fixture_tear_down);

  return g_test_run ();
}
