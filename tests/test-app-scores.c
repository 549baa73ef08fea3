/* test-app-scores.c: the score panel beside the canvas (under Xvfb)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <math.h>

#include "mw-score-panel.h"
#include "mw-scorer-suggest.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

typedef struct
{
  MwWindow     *window;
  MwScorePanel *panel;
  MwCanvas     *canvas;
} Fixture;

/* With MESHWORK_SCREENSHOTS=DIR, saves what the window shows, to look at. */
static void
maybe_screenshot (Fixture    *fixture,
                  const char *name)
{
  const char *dir = g_getenv ("MESHWORK_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GtkWidget *widget = GTK_WIDGET (fixture->window);

  if (dir == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1400, 900);
  for (int i = 0; i < 20; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->window = mw_test_example_window_new (0, 0);
  fixture->panel = MW_SCORE_PANEL (mw_window_get_score_panel (fixture->window));
  fixture->canvas = mw_window_get_canvas (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mw_test_destroy_window (g_steal_pointer (&fixture->window));
}

/* Every figure the panel shows is the core's, for the network as it is. */
static void
assert_panel_shows (Fixture  *fixture,
                    MwScores *scores)
{
  g_autofree char *index = g_strdup_printf ("%.0f", mw_scores_get_index (scores));

  g_assert_cmpstr (mw_score_panel_get_index_text (fixture->panel), ==, index);
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      g_autofree char *value = mw_scores_is_measurable (scores, i) ?
                               g_strdup_printf ("%.0f", mw_scores_get_score (scores, i)) : g_strdup ("—");
      g_assert_cmpstr (mw_score_panel_get_value_text (fixture->panel, i), ==, value);
    }
}

/* The actor with the most ties: removing it moves the scores. */
static MwActor *
busiest_actor (MwNetwork *network)
{
  MwActor *busiest = NULL;
  guint most = 0;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      guint n = 0;

      for (guint type = 0; type < MW_N_TIE_TYPES; type++)
        n += mw_actor_n_out (actor, type) + mw_actor_n_in (actor, type);
      if (n > most)
        {
          most = n;
          busiest = actor;
        }
    }
  return busiest;
}

static void
delete_busiest (Fixture *fixture)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  g_ptr_array_add (actors, busiest_actor (mw_test_network_of (fixture->window)));
  mw_canvas_select_actors (fixture->canvas, actors);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete", NULL));
  mw_test_wait_idle (fixture->window);
}

static void
test_scores_live (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(MwScores) before = mw_scores_compute (mw_test_network_of (fixture->window));
  g_autoptr(MwScores) after = NULL;

  assert_panel_shows (fixture, before);

  delete_busiest (fixture);
  after = mw_scores_compute (mw_test_network_of (fixture->window));
  g_assert_cmpfloat (mw_scores_get_index (after), !=, mw_scores_get_index (before));
  assert_panel_shows (fixture, after);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  mw_test_wait_idle (fixture->window);
  assert_panel_shows (fixture, before);
}

/* The element whose first factor names the most actors. */
static MwElement
element_with_actors (MwScores *scores)
{
  MwElement best = 0;
  guint most = 0;

  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      GPtrArray *factors = mw_scores_get_factors (scores, i);

      for (guint j = 0; j < factors->len; j++)
        {
          MwFactor *factor = g_ptr_array_index (factors, j);
          if (g_strv_length (factor->actor_ids) > most)
            {
              most = g_strv_length (factor->actor_ids);
              best = i;
            }
        }
    }
  g_assert_cmpuint (most, >, 0);
  return best;
}

static GHashTable *
factor_actor_ids (MwScores *scores,
                  MwElement element)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *factors = mw_scores_get_factors (scores, element);

  for (guint i = 0; i < factors->len; i++)
    {
      MwFactor *factor = g_ptr_array_index (factors, i);
      for (guint j = 0; factor->actor_ids[j] != NULL; j++)
        g_hash_table_add (ids, factor->actor_ids[j]);
    }
  return ids;
}

static void
activate_row (GtkListBox *list,
              int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  mw_test_run_pending ();
}

static gboolean
press_escape_on_canvas (MwCanvas *canvas)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (canvas));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 9, 0, &handled);
    }
  return handled;
}

/* Choosing an element highlights the actors its factors name, and only
 * them; Escape on the canvas clears it and the panel forgets it. */
static void
test_scores_highlight (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MwScores) scores = mw_scores_compute (mw_test_network_of (fixture->window));
  MwElement element = element_with_actors (scores);
  g_autoptr(GHashTable) expected = factor_actor_ids (scores, element);
  g_autoptr(GPtrArray) highlighted = NULL;

  g_assert_false (mw_canvas_has_highlight (fixture->canvas));
  activate_row (mw_score_panel_get_element_list (fixture->panel), element);

  g_assert_cmpint (mw_score_panel_get_explained_element (fixture->panel), ==, element);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (
    mw_score_panel_get_element_list (fixture->panel), element)), "explained"));
  highlighted = mw_canvas_get_highlighted_actors (fixture->canvas);
  g_assert_cmpuint (highlighted->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < highlighted->len; i++)
    g_assert_true (g_hash_table_contains (expected, ((MwActor *)g_ptr_array_index (highlighted, i))->id));
  maybe_screenshot (fixture, "scores-highlight.png");

  g_assert_true (press_escape_on_canvas (fixture->canvas));
  g_assert_false (mw_canvas_has_highlight (fixture->canvas));
  g_assert_cmpint (mw_score_panel_get_explained_element (fixture->panel), ==, -1);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (
    mw_score_panel_get_element_list (fixture->panel), element)), "explained"));
  g_assert_false (press_escape_on_canvas (fixture->canvas));
}

/* The panel lists the highlighted actors; choosing one selects it alone. */
static void
test_scores_select_listed_actor (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(MwScores) scores = mw_scores_compute (mw_test_network_of (fixture->window));
  GtkListBox *actors = mw_score_panel_get_actor_list (fixture->panel);
  g_autoptr(GPtrArray) highlighted = NULL;
  g_autoptr(GPtrArray) selected = NULL;

  activate_row (mw_score_panel_get_element_list (fixture->panel), element_with_actors (scores));
  highlighted = mw_canvas_get_highlighted_actors (fixture->canvas);
  g_assert_nonnull (gtk_list_box_get_row_at_index (actors, highlighted->len - 1));
  g_assert_null (gtk_list_box_get_row_at_index (actors, highlighted->len));

  activate_row (actors, 0);
  selected = mw_canvas_get_selected_actors (fixture->canvas);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == g_ptr_array_index (highlighted, 0));
  /* Selecting does not end the explanation. */
  g_assert_true (mw_canvas_has_highlight (fixture->canvas));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "scores.clear-highlight", NULL));
  g_assert_false (mw_canvas_has_highlight (fixture->canvas));
}

/* After "Set as Baseline" each element shows its change since. */
static void
test_scores_baseline (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MwScores) before = mw_scores_compute (mw_test_network_of (fixture->window));
  g_autoptr(MwScores) after = NULL;

  g_assert_null (mw_score_panel_get_delta_text (fixture->panel, 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "scores.set-baseline", NULL));
  g_assert_nonnull (mw_score_panel_get_baseline (fixture->panel));
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    g_assert_cmpstr (mw_score_panel_get_delta_text (fixture->panel, i), ==, "±0");

  delete_busiest (fixture);
  after = mw_scores_compute (mw_test_network_of (fixture->window));
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      double delta = round (mw_scores_get_score (after, i)) - round (mw_scores_get_score (before, i));
      g_autofree char *expected = delta > 0 ? g_strdup_printf ("+%.0f", delta)
                                : delta < 0 ? g_strdup_printf ("−%.0f", -delta) : g_strdup ("±0");

      g_assert_cmpstr (mw_score_panel_get_delta_text (fixture->panel, i), ==, expected);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "scores.clear-baseline", NULL));
  g_assert_null (mw_score_panel_get_delta_text (fixture->panel, 0));
}

/* "What if they left?" shows the scores without the selected actor as
 * changes from now, and leaves the network as it was. */
static void
test_scores_what_if (Fixture       *fixture,
                     gconstpointer  data)
{
  MwNetwork *network = mw_test_network_of (fixture->window);
  MwActor *leaver = busiest_actor (network);
  g_autoptr(MwScores) now = mw_scores_compute (network);
  g_autoptr(MwNetwork) without = mw_network_copy (network);
  g_autoptr(MwScores) expected = NULL;
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  guint n = mw_network_get_n_actors (network);
  guint64 generation = mw_network_get_generation (network);

  mw_network_remove_actor (without, mw_network_lookup_actor (without, leaver->id));
  expected = mw_scores_compute (without);

  g_ptr_array_add (actors, leaver);
  mw_canvas_select_actors (fixture->canvas, actors);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.what-if-left", NULL));
  mw_test_wait_idle (fixture->window);

  g_assert_true (mw_score_panel_get_previewing (fixture->panel));
  maybe_screenshot (fixture, "scores-what-if.png");
  assert_panel_shows (fixture, expected);
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      double delta = round (mw_scores_get_score (expected, i)) - round (mw_scores_get_score (now, i));
      if (!mw_scores_is_measurable (expected, i))
        g_assert_null (mw_score_panel_get_delta_text (fixture->panel, i));
      else if (delta == 0)
        g_assert_cmpstr (mw_score_panel_get_delta_text (fixture->panel, i), ==, "±0");
      else
        g_assert_cmpstr (mw_score_panel_get_delta_text (fixture->panel, i), !=, "±0");
    }
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, n);
  g_assert_cmpuint (mw_network_get_generation (network), ==, generation);
  g_assert_false (mw_history_can_undo (mw_test_history_of (fixture->window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "scores.end-preview", NULL));
  g_assert_false (mw_score_panel_get_previewing (fixture->panel));
  assert_panel_shows (fixture, now);
  g_assert_null (mw_score_panel_get_delta_text (fixture->panel, 0));
}

/* Without its purpose holders the example has no purpose left to measure:
 * the panel says so in words, with no number and no bar, and the index
 * says what it rests on. */
static void
test_scores_not_measurable (Fixture       *fixture,
                            gconstpointer  data)
{
  MwNetwork *network = mw_test_network_of (fixture->window);
  g_autoptr(GPtrArray) holders = g_ptr_array_new ();
  GtkWidget *panel = GTK_WIDGET (fixture->panel);

  g_assert_cmpstr (mw_score_panel_get_index_basis_text (fixture->panel), ==, "from 5 of 5 elements");
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    if (mw_network_get_actor (network, i)->purpose)
      g_ptr_array_add (holders, mw_network_get_actor (network, i));
  g_assert_cmpuint (holders->len, >, 0);
  mw_canvas_select_actors (fixture->canvas, holders);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.what-if-left", NULL));
  mw_test_wait_idle (fixture->window);

  g_assert_cmpstr (mw_score_panel_get_value_text (fixture->panel, MW_ELEMENT_GLOBAL_PURPOSE), ==, "—");
  g_assert_null (mw_score_panel_get_delta_text (fixture->panel, MW_ELEMENT_GLOBAL_PURPOSE));
  g_assert_nonnull (mw_test_find_label (panel, "Not measurable: mark who holds the purpose"));
  g_assert_cmpstr (mw_score_panel_get_index_basis_text (fixture->panel), ==, "from 4 of 5 elements");
  g_assert_nonnull (mw_test_find_label (panel, "from 4 of 5 elements"));
  maybe_screenshot (fixture, "scores-not-measurable.png");
}

static void
wait_for_suggestions (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (mw_score_panel_get_suggestions (fixture->panel)->len == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Applying a suggestion adds its tie as one undoable step, and the
 * element rises by what the suggestion said. */
static void
test_scores_apply_suggestion (Fixture       *fixture,
                              gconstpointer  data)
{
  MwNetwork *network = mw_test_network_of (fixture->window);
  MwHistory *history = mw_test_history_of (fixture->window);
  g_autoptr(MwScores) before = mw_scores_compute (network);
  g_autoptr(MwScores) after = NULL;
  guint n_ties = mw_network_get_n_ties (network);
  MwElement element;
  double gain;

  wait_for_suggestions (fixture);
  element = ((MwSuggestion *)g_ptr_array_index (mw_score_panel_get_suggestions (fixture->panel), 0))->element;
  gain = ((MwSuggestion *)g_ptr_array_index (mw_score_panel_get_suggestions (fixture->panel), 0))->gain;
  maybe_screenshot (fixture, "scores-suggestions.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "scores.apply-suggestion", "u", 0));
  mw_test_wait_idle (fixture->window);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties + 1);
  after = mw_scores_compute (network);
  g_assert_cmpfloat_with_epsilon (mw_scores_get_score (after, element),
                                  mw_scores_get_score (before, element) + gain, 1e-9);
  assert_panel_shows (fixture, after);

  g_assert_true (mw_history_undo (history));
  mw_test_wait_idle (fixture->window);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties);
  assert_panel_shows (fixture, before);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/scores/live", Fixture, NULL, fixture_set_up, test_scores_live, fixture_tear_down);
  g_test_add ("/scores/highlight", Fixture, NULL, fixture_set_up, test_scores_highlight, fixture_tear_down);
  g_test_add ("/scores/select-listed-actor", Fixture, NULL, fixture_set_up,
              test_scores_select_listed_actor, fixture_tear_down);
  g_test_add ("/scores/what-if", Fixture, NULL, fixture_set_up, test_scores_what_if, fixture_tear_down);
  g_test_add ("/scores/not-measurable", Fixture, NULL, fixture_set_up, test_scores_not_measurable, fixture_tear_down);
  g_test_add ("/scores/apply-suggestion", Fixture, NULL, fixture_set_up, test_scores_apply_suggestion,
              fixture_tear_down);
  g_test_add ("/scores/baseline", Fixture, NULL, fixture_set_up, test_scores_baseline, fixture_tear_down);

  return g_test_run ();
}
