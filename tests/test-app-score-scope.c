/* test-app-score-scope.c: the scores of the whole network or of the filtered view, through real clicks and keys
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>

#include "mw-application.h"
#include "mw-filter.h"
#include "mw-filter-menu.h"
#include "mw-score-panel.h"
#include "mw-scorer.h"
#include "mw-test-gtk.h"
#include "mw-test-networks.h"
#include "mw-window.h"

typedef struct
{
  MwApplication *app;
  MwWindow      *window;
  MwCanvas      *canvas;
  MwScorePanel  *panel;
  char          *index;      /* the index text to wait for */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!mw_test_has_xtest ())
    return;

  fixture->app = mw_test_application_new ();
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  fixture->canvas = mw_window_get_canvas (fixture->window);
  fixture->panel = MW_SCORE_PANEL (mw_window_get_score_panel (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 720);
  mw_window_open_example (fixture->window);
  g_object_set (fixture->window, "show-inspector", TRUE, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (100);
  mw_test_wait_idle (fixture->window);
}

/* A window that opens @data (a path) instead of the example. */
static void
fixture_set_up_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (data);

  if (!mw_test_has_xtest ())
    return;

  fixture->app = mw_test_application_new ();
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  fixture->canvas = mw_window_get_canvas (fixture->window);
  fixture->panel = MW_SCORE_PANEL (mw_window_get_score_panel (fixture->window));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 720);
  mw_window_open_file (fixture->window, file);
  g_object_set (fixture->window, "show-inspector", TRUE, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->index, g_free);
  if (fixture->app == NULL)
    return;

  mw_test_destroy_window (fixture->window);
  mw_test_run_pending ();
  g_clear_object (&fixture->app);
}

static void
click_widget (GtkWidget *widget)
{
  int sx, sy;

  g_assert_nonnull (widget);
  mw_test_widget_to_screen (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0,
                            &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  mw_test_spin (100);
}

static gboolean
is_menu_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_ancestor (widget, MW_TYPE_FILTER_MENU) != NULL;
}

static gboolean
popover_shown (gpointer data)
{
  return mw_test_find_label (data, "Ties Shown") != NULL;
}

/* Opens the Filter menu with the pointer and clicks @label in it. */
static void
click_in_filter_menu (Fixture    *fixture,
                      const char *label)
{
  GtkWidget *window = GTK_WIDGET (fixture->window);

  if (!popover_shown (window))
    click_widget (mw_test_find_widget (window, is_menu_button, NULL));
  g_assert_true (mw_test_wait_for (popover_shown, window));
  click_widget (mw_test_find_label (window, label));
}

static void
close_filter_menu (Fixture *fixture)
{
  mw_test_press_key (GDK_KEY_Escape, 0);
  mw_test_spin (100);
  g_assert_false (popover_shown (fixture->window));
}

/* The toggle button whose label is @data. */
static gboolean
is_toggle (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* The toggle labelled @label, scrolled into view as a user would. */
static GtkWidget *
toggle (Fixture    *fixture,
        const char *label)
{
  GtkWidget *button = mw_test_find_widget (GTK_WIDGET (fixture->panel), is_toggle, label);
  GtkWidget *scroller = gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_nonnull (button);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
  mw_test_spin (50);
  return button;
}

static gboolean
index_is (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (mw_score_panel_get_index_text (fixture->panel), fixture->index) == 0;
}

/* Waits until the panel shows the index of @network's scores. */
#define assert_index_of(fixture, network) assert_index_of_at (fixture, network, __LINE__)

static void
assert_index_of_at (Fixture   *fixture,
                    MwNetwork *network,
                    int        line)
{
  g_autoptr(MwScores) scores = mw_scores_compute (network);

  g_free (fixture->index);
  fixture->index = g_strdup_printf ("%.0f", mw_scores_get_index (scores));
  if (!mw_test_wait_for (index_is, fixture))
    g_error ("line %d: the panel shows the index %s, not %s", line, mw_score_panel_get_index_text (fixture->panel),
             fixture->index);
}

/* The filter the test sets through the menu: no reporting lines, isolates faded. */
static MwNetwork *
filtered_copy (Fixture *fixture)
{
  g_autoptr(MwFilter) filter = mw_filter_new ();

  filter->tie_types &= ~(1u << MW_TIE_REPORTS);
  filter->fade_isolates = TRUE;
  return mw_filter_apply_network (filter, mw_test_network_of (fixture->window));
}

/* Every actor the panel's explanation highlights is in @shown. */
static void
assert_explained_in (Fixture   *fixture,
                     MwNetwork *shown)
{
  g_autoptr(GPtrArray) actors = mw_canvas_get_highlighted_actors (fixture->canvas);

  g_assert_cmpuint (actors->len, >, 0);
  for (guint i = 0; i < actors->len; i++)
    g_assert_nonnull (mw_network_lookup_actor (shown, ((MwActor *)actors->pdata[i])->id));
}

/* A filter through the real menu; "Filtered View" with the pointer shows
 * the filtered network's scores (as scoring the filtered copy gives them),
 * follows an edit, explains with shown actors only; "Whole Network" by
 * keyboard goes back; Clear Filter ends the choice. */
static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  MwNetwork *network;
  g_autoptr(MwNetwork) shown = NULL;
  g_autoptr(MwNetwork) edited = NULL;
  g_autoptr(MwScores) whole = NULL;
  g_autoptr(MwScores) filtered = NULL;
  MwHistory *history;
  MwEdit *edit;

  if (fixture->app == NULL)
    return;

  network = mw_test_network_of (fixture->window);
  whole = mw_scores_compute (network);
  assert_index_of (fixture, network);
  /* Without a filter there is nothing else to score. */
  g_assert_false (gtk_widget_is_sensitive (toggle (fixture, "Filtered View")));
  g_assert_false (gtk_widget_is_visible (toggle (fixture, "Filtered View")));
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->panel), "Distributed Leadership"));

  click_in_filter_menu (fixture, "Reports to");
  click_in_filter_menu (fixture, "Fade Isolates");
  close_filter_menu (fixture);
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->panel),
                                        "Scores of the whole network, not of the filtered view"));
  assert_index_of (fixture, network);
  g_assert_true (gtk_widget_is_sensitive (toggle (fixture, "Filtered View")));
  g_assert_true (gtk_widget_is_visible (toggle (fixture, "Filtered View")));

  shown = filtered_copy (fixture);
  filtered = mw_scores_compute (shown);
  g_assert_cmpuint (mw_network_get_n_actors (shown), <, mw_network_get_n_actors (network));
  g_assert_cmpfloat (fabs (round (mw_scores_get_index (filtered)) - round (mw_scores_get_index (whole))), >=, 1);

  click_widget (toggle (fixture, "Filtered View"));
  assert_index_of (fixture, shown);
  g_assert_true (mw_score_panel_get_showing_filtered (fixture->panel));
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->panel), "Distributed Leadership of the Filtered View"));
  g_assert_null (mw_test_find_label (GTK_WIDGET (fixture->panel),
                                     "Scores of the whole network, not of the filtered view"));
  g_assert_true (mw_score_panel_get_shown_scorer (fixture->panel) != mw_score_panel_get_scorer (fixture->panel));

  /* An element explained points only at what the filter shows. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (mw_score_panel_get_element_list (fixture->panel),
                                                                    MW_ELEMENT_SPONTANEOUS_COLLABORATION)));
  mw_test_press_key (GDK_KEY_Return, 0);
  mw_test_spin (100);
  g_assert_cmpint (mw_score_panel_get_explained_element (fixture->panel), ==, MW_ELEMENT_SPONTANEOUS_COLLABORATION);
  assert_explained_in (fixture, shown);
  mw_score_panel_explain (fixture->panel, -1, -1);

  /* An edit: the filtered view is made again and scored again. */
  history = mw_test_history_of (fixture->window);
  edit = mw_history_begin (history, "Remove");
  mw_edit_remove_actor (edit, mw_network_lookup_actor (network, mw_network_get_actor (shown, 0)->id));
  g_assert_true (mw_history_commit (history, edit));
  edited = filtered_copy (fixture);
  assert_index_of (fixture, edited);
  mw_history_undo (history);
  assert_index_of (fixture, shown);

  /* Back to the whole network by keyboard. */
  gtk_widget_grab_focus (toggle (fixture, "Whole Network"));
  mw_test_press_key (GDK_KEY_space, 0);
  assert_index_of (fixture, network);
  g_assert_false (mw_score_panel_get_showing_filtered (fixture->panel));
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->panel), "Distributed Leadership"));

  /* The filtered view again, then the filter off: the whole network. */
  click_widget (toggle (fixture, "Filtered View"));
  assert_index_of (fixture, shown);
  click_in_filter_menu (fixture, "Clear Filter");
  close_filter_menu (fixture);
  assert_index_of (fixture, network);
  g_assert_false (mw_score_panel_get_showing_filtered (fixture->panel));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle (fixture, "Whole Network"))));
  g_assert_false (gtk_widget_is_sensitive (toggle (fixture, "Filtered View")));
  g_assert_false (gtk_widget_is_visible (toggle (fixture, "Filtered View")));
  g_assert_true (mw_score_panel_get_shown_scorer (fixture->panel) == mw_score_panel_get_scorer (fixture->panel));
}

/* Above the scorer's thread threshold: the view is built and scored in a worker. */
#define LARGE_ACTORS 6000

static gboolean
large_shown (gpointer data)
{
  Fixture *fixture = data;
  MwScorer *scorer = mw_score_panel_get_scorer (fixture->panel);

  return mw_window_get_n_pending (fixture->window) == 0 &&
         mw_network_get_n_actors (mw_test_network_of (fixture->window)) == LARGE_ACTORS && scorer != NULL &&
         mw_scorer_get_scores (scorer) != NULL && !mw_scorer_get_busy (scorer);
}

static gboolean
caption_is (gpointer data)
{
  Fixture *fixture = data;

  return mw_test_find_label (GTK_WIDGET (fixture->panel), fixture->index) != NULL;
}

/* Waits until the panel's caption says the filtered view holds what
 * @view holds, and shows its index. */
static void
assert_shows_view (Fixture   *fixture,
                   MwNetwork *view)
{
  g_autoptr(MwScores) scores = mw_scores_compute (view);
  MwScores *shown;

  g_free (fixture->index);
  fixture->index = g_strdup_printf ("Scores of the filtered view only: %u actors, %u ties",
                                    mw_network_get_n_actors (view), mw_network_get_n_ties (view));
  if (!mw_test_wait_for_within (caption_is, fixture, 8000))
    g_error ("the panel does not say “%s”", fixture->index);
  shown = mw_scorer_get_scores (mw_score_panel_get_shown_scorer (fixture->panel));
  g_assert_cmpfloat_with_epsilon (mw_scores_get_index (shown), mw_scores_get_index (scores), 1e-9);
  g_free (fixture->index);
  fixture->index = g_strdup_printf ("%.0f", mw_scores_get_index (scores));
  g_assert_true (mw_test_wait_for (index_is, fixture));
}

static gboolean
scorer_idle (gpointer data)
{
  return !mw_scorer_get_busy (data);
}

static gboolean
widget_is_cancel_button (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.cancel-activity") == 0;
}

static gboolean
cancel_shown (gpointer data)
{
  GtkWidget *button = mw_test_find_widget (data, widget_is_cancel_button, NULL);

  return button != NULL && gtk_widget_get_mapped (button);
}

/* 6,000 actors, reporting lines filtered out, the filtered view chosen
 * with the pointer: an edit by key (Delete) is scored in the filtered
 * view, which the caption says; the activity bar follows the filtered
 * view's scoring (its Cancel stops that one, not the whole network's);
 * Ctrl+Z scores the view as it was; edits while the whole network's run is
 * held are scored in the filtered view at once, and so is a filter chosen
 * while the filtered view's run for the one before is held. */
static void
test_large_edit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) view = NULL;
  g_autoptr(MwNetwork) edited = NULL;
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  MwNetwork *network;
  MwScorer *filtered;

  if (fixture->app == NULL)
    return;

  g_assert_true (mw_test_wait_for_within (large_shown, fixture, 30000));
  network = mw_test_network_of (fixture->window);
  g_assert_cmpuint (mw_network_get_n_actors (network), >, mw_scorer_get_thread_threshold (mw_score_panel_get_scorer (fixture->panel)));

  click_in_filter_menu (fixture, "Reports to");
  close_filter_menu (fixture);
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->panel),
                                        "Scores of the whole network, not of the filtered view"));
  click_widget (toggle (fixture, "Filtered View"));
  filter->tie_types &= ~(1u << MW_TIE_REPORTS);
  view = mw_filter_apply_network (filter, network);
  assert_shows_view (fixture, view);
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->panel), "Distributed Leadership of the Filtered View"));
  filtered = mw_score_panel_get_shown_scorer (fixture->panel);
  g_assert_true (filtered != mw_score_panel_get_scorer (fixture->panel));

  /* Delete the actor selected, by key, while scoring is slow. */
  _mw_scorer_set_test_delay (2000);
  g_ptr_array_add (one, mw_network_get_actor (network, 42));
  mw_canvas_select_actors (fixture->canvas, one);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  mw_test_spin (50);
  mw_test_press_key (GDK_KEY_Delete, 0);
  mw_test_spin (100);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, LARGE_ACTORS - 1);
  g_assert_true (mw_scorer_get_busy (filtered));

  /* The bar shows the filtered view's scoring: its Cancel stops that. */
  g_assert_true (mw_test_wait_for_within (cancel_shown, fixture->window, 2500));
  mw_test_spin (300);   /* the bar slides in */
  click_widget (mw_test_find_widget (GTK_WIDGET (fixture->window), widget_is_cancel_button, NULL));
  g_assert_true (mw_test_wait_for_within (scorer_idle, filtered, 1000));
  /* The whole network's scores still come, of the network as it is now. */
  g_assert_true (mw_test_wait_for_within (scorer_idle, mw_score_panel_get_scorer (fixture->panel), 8000));
  g_assert_cmpuint (mw_scores_get_generation (mw_scorer_get_scores (mw_score_panel_get_scorer (fixture->panel))), ==,
                    mw_network_get_generation (network));
  _mw_scorer_set_test_delay (0);

  /* The edit again (undone and redone by key), scored in full. */
  mw_test_press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  mw_test_spin (100);
  assert_shows_view (fixture, view);
  mw_test_press_key (GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  mw_test_spin (100);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, LARGE_ACTORS - 1);
  edited = mw_filter_apply_network (filter, network);
  g_assert_cmpuint (mw_network_get_n_actors (edited), ==, mw_network_get_n_actors (view) - 1);
  assert_shows_view (fixture, edited);
  g_assert_true (mw_score_panel_get_shown_scorer (fixture->panel) == filtered);

  /* Issue 20: edits while the whole network's run goes on (held here, as
   * a huge network's takes long): the filtered view's scores follow each
   * at once, of the network as it is now, while that run still goes. The
   * first edit's run reads a copy the second leaves behind. */
  _mw_scorer_set_test_hold (TRUE);
  for (guint i = 0; i < 2; i++)
    {
      g_ptr_array_set_size (one, 0);
      g_ptr_array_add (one, mw_network_get_actor (network, 50 + i));
      mw_canvas_select_actors (fixture->canvas, one);
      gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
      mw_test_spin (50);
      mw_test_press_key (GDK_KEY_Delete, 0);
      mw_test_spin (100);
      g_assert_cmpuint (mw_network_get_n_actors (network), ==, LARGE_ACTORS - 2 - i);
      g_clear_object (&edited);
      edited = mw_filter_apply_network (filter, network);
      assert_shows_view (fixture, edited);
      g_assert_true (mw_scorer_get_busy (mw_score_panel_get_scorer (fixture->panel)));
      mw_test_spin (100);   /* the whole network's held run has started */
    }
  _mw_scorer_set_test_hold (FALSE);
  g_assert_true (mw_test_wait_for_within (scorer_idle, mw_score_panel_get_scorer (fixture->panel), 8000));

  /* Issue 20: a filter chosen with the pointer while the filtered view's
   * run for the filter before is held (as a view of most of a huge
   * network scores for a second): the new filter's scores come at once;
   * the held run, let go, never shows. */
  _mw_scorer_set_test_hold_view (TRUE);
  click_in_filter_menu (fixture, "Checks");
  g_assert_true (mw_scorer_get_busy (filtered));
  click_in_filter_menu (fixture, "Influences");
  close_filter_menu (fixture);
  filter->tie_types &= ~((1u << MW_TIE_CHECKS) | (1u << MW_TIE_INFLUENCES));
  g_clear_object (&edited);
  edited = mw_filter_apply_network (filter, network);
  assert_shows_view (fixture, edited);
  _mw_scorer_set_test_hold_view (FALSE);
  mw_test_spin (300);
  assert_shows_view (fixture, edited);
  g_assert_true (mw_score_panel_get_shown_scorer (fixture->panel) == filtered);
  g_assert_false (mw_scorer_get_busy (filtered));
}

int
main (int argc, char *argv[])
{
  g_autofree char *large_path = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  large_path = mw_test_write_large_organisation (LARGE_ACTORS);

  g_test_add ("/app-score-scope/choose", Fixture, NULL, fixture_set_up, test_scope, fixture_tear_down);
  g_test_add ("/app-score-scope/large-edit", Fixture, large_path, fixture_set_up_file, test_large_edit,
              fixture_tear_down);

  status = g_test_run ();
  g_unlink (large_path);
  return status;
}
