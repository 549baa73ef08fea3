/* test-app-morph.c: Play Change — the compared network turning into the
 * open one on the canvas, pressed as a user presses it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "mw-canvas.h"
#include "mw-compare-view.h"
#include "mw-dot.h"
#include "mw-presentation.h"
#include "mw-score-panel.h"
#include "mw-test-gtk.h"

typedef struct
{
  MwWindow      *window;
  MwCanvas      *canvas;
  MwCompareView *view;
} Fixture;

/* Compare mode with both columns scored: the window's layout is final. */
static gboolean
comparing (gpointer data)
{
  Fixture *fixture = data;
  MwScorer *this = mw_score_panel_get_scorer (MW_SCORE_PANEL (mw_window_get_score_panel (fixture->window)));
  MwScorer *other = mw_compare_view_get_other_scorer (fixture->view);

  return mw_window_get_comparing (fixture->window) && mw_window_get_n_pending (fixture->window) == 0 &&
         other != NULL && mw_scorer_get_scores (other) != NULL && mw_scorer_get_scores (this) != NULL &&
         mw_compare_view_get_value_text (fixture->view, MW_COMPARE_THIS, MW_COMPARE_ROW_INDEX) != NULL &&
         mw_compare_view_get_value_text (fixture->view, MW_COMPARE_OTHER, MW_COMPARE_ROW_INDEX) != NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "meshwork-example-later.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  fixture->window = mw_test_example_window_new (1100, 700);
  fixture->canvas = mw_window_get_canvas (fixture->window);
  fixture->view = MW_COMPARE_VIEW (mw_window_get_compare_view (fixture->window));
  mw_window_compare_with_file (fixture->window, file);
  g_assert_true (mw_test_wait_for (comparing, fixture));
  mw_test_spin (200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mw_test_destroy_window (g_steal_pointer (&fixture->window));
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* What the canvas shows now, as pixels; NULL while it draws nothing yet. */
static GBytes *
try_canvas_pixels (MwCanvas *canvas)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gsize stride;
  guchar *data;

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  stride = (gsize)gdk_texture_get_width (texture) * 4;
  data = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, data, stride);
  return g_bytes_new_take (data, stride * gdk_texture_get_height (texture));
}

static GtkWidget *
play_change_button (Fixture *fixture)
{
  GtkWidget *label = mw_test_find_label (GTK_WIDGET (fixture->view), "Play Change");
  GtkWidget *button;

  g_assert_nonnull (label);
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  return button;
}

/* The canvas as it looks once the button has the focus (the canvas draws
 * its focus ring only while it has it) and the window has settled (the
 * scores fill the table, the canvas fits again): two looks alike. */
static GBytes *
settled_pixels (Fixture *fixture)
{
  g_autoptr(GBytes) last = NULL;

  for (guint i = 0; i < 30; i++)
    {
      GBytes *now;

      mw_test_spin (100);
      now = try_canvas_pixels (fixture->canvas);
      if (now == NULL)
        continue;
      if (last != NULL && g_bytes_equal (now, last))
        return now;
      g_clear_pointer (&last, g_bytes_unref);
      last = now;
    }
  g_assert_not_reached ();
}

static GBytes *
pixels_before (Fixture *fixture)
{
  gtk_widget_grab_focus (play_change_button (fixture));
  return settled_pixels (fixture);
}

static GBytes *
canvas_pixels (MwCanvas *canvas)
{
  GBytes *pixels = try_canvas_pixels (canvas);

  g_assert_nonnull (pixels);
  return pixels;
}

static void
click_play_change (Fixture *fixture)
{
  GtkWidget *button = play_change_button (fixture);
  int sx, sy;

  g_assert_true (gtk_widget_is_sensitive (button));
  mw_test_widget_to_screen (button, gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0,
                            &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
}

static gboolean
morph_started (gpointer data)
{
  return mw_canvas_get_morph_progress (data) >= 0;
}

/* Play Change draws frames that move on (the tick callback ran), shows
 * something else than the end on the way, and ends on the open network. */
static void
test_morph_play_change (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) middle = NULL;
  g_autoptr(GBytes) after = NULL;
  double last = -1;
  guint n_steps = 0;
  gint64 start;

  if (!mw_test_has_xtest ())
    return;

  before = pixels_before (fixture);
  click_play_change (fixture);
  g_assert_true (mw_test_wait_for_within (morph_started, fixture->canvas, 2000));

  start = g_get_monotonic_time ();
  while (mw_canvas_get_morph_progress (fixture->canvas) >= 0)
    {
      double t = mw_canvas_get_morph_progress (fixture->canvas);

      if (t > last)
        n_steps++;
      last = t;
      /* a frame a third of the way shows the people who leave or come half faded */
      if (middle == NULL && t >= 0.3 && t <= 0.7)
        middle = canvas_pixels (fixture->canvas);
      mw_test_spin (5);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
  g_test_message ("%u steps of progress seen", n_steps);
  g_assert_cmpuint (n_steps, >=, 2);
  g_assert_cmpfloat (last, >, 0);
  after = settled_pixels (fixture);
  g_assert_true (g_bytes_equal (after, before));
  if (middle != NULL)
    g_assert_false (g_bytes_equal (middle, after));
}

/* With GNOME's Reduce Animations, Play Change jumps: no frame is played. */
static void
test_morph_reduced (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  if (!mw_test_has_xtest ())
    return;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  before = pixels_before (fixture);
  click_play_change (fixture);
  for (guint i = 0; i < 40; i++)
    {
      g_assert_cmpfloat (mw_canvas_get_morph_progress (fixture->canvas), ==, -1);
      mw_test_spin (10);
    }
  after = settled_pixels (fixture);
  g_assert_true (g_bytes_equal (after, before));
}

/* A canvas that shows a network of its own (a presentation, a timeline)
 * is given the next one and plays the change to it. */
static void
test_morph_to (Fixture       *fixture,
               gconstpointer  data)
{
  MwCanvas *other = mw_compare_view_get_other_canvas (fixture->view);
  g_autoptr(MwNetwork) copy = mw_network_copy (mw_test_network_of (fixture->window));

  mw_canvas_morph_to (other, copy);
  g_assert_true (mw_history_get_network (mw_canvas_get_history (other)) == copy);
  g_assert_cmpfloat (mw_canvas_get_morph_progress (other), >=, 0);
  g_assert_true (mw_test_wait_for_within (morph_started, other, 2000));
  mw_canvas_finish_morph (other);
  g_assert_cmpfloat (mw_canvas_get_morph_progress (other), ==, -1);
}

static gboolean
mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
change_played (gpointer data)
{
  return mw_presentation_get_change_progress (data) >= 0;
}

static gboolean
change_over (gpointer data)
{
  return mw_presentation_get_change_progress (data) < 0;
}

/* Two slides of one organisation a year apart: Right plays the change
 * between them, Left plays it back; from a context diagram to the
 * organisation nothing is played. */
static void
test_morph_presentation (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "meshwork-example-later.gv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) later = mw_dot_load_file (path, NULL, &error);
  g_autoptr(MwNetwork) earlier = NULL;
  MwPresentation *presentation;
  guint first;
  int sx, sy;

  g_assert_no_error (error);
  if (!mw_test_has_xtest ())
    return;
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  earlier = mw_network_copy (later);
  mw_network_remove_actor (earlier, mw_network_lookup_actor (earlier, "sched"));
  for (guint i = 0; i < mw_network_get_n_actors (earlier); i++)
    {
      MwActor *actor = mw_network_get_actor (earlier, i);

      mw_network_set_actor_position (earlier, actor, actor->x * 0.8, actor->y);
    }

  presentation = mw_presentation_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (presentation), 800, 600);
  mw_presentation_add_network (presentation, earlier, "Last year", NULL);
  mw_presentation_add_network (presentation, later, "This year", NULL);
  first = mw_presentation_get_n_slides (presentation) - 2;
  g_assert_cmpuint (mw_slide_get_n_steps (mw_presentation_get_slide_at (presentation, first)), ==, 1);
  gtk_window_present (GTK_WINDOW (presentation));
  g_assert_true (mw_test_wait_for (mapped, presentation));
  mw_test_spin (200);
  mw_test_widget_to_screen (GTK_WIDGET (presentation), 200, 20, &sx, &sy);
  mw_test_pointer_move (sx, sy);

  /* a context diagram's slide (built in steps) before them */
  mw_presentation_set_slide (presentation, first - 1);
  mw_presentation_set_slide (presentation, first);
  mw_test_spin (50);
  g_assert_cmpfloat (mw_presentation_get_change_progress (presentation), <, 0);

  mw_test_press_key (GDK_KEY_Right, 0);
  g_assert_true (mw_test_wait_for_within (change_played, presentation, 2000));
  g_assert_cmpuint (mw_presentation_get_slide (presentation), ==, first + 1);
  g_assert_true (mw_test_wait_for_within (change_over, presentation, 5000));

  mw_test_press_key (GDK_KEY_Left, 0);
  g_assert_true (mw_test_wait_for_within (change_played, presentation, 2000));
  g_assert_true (mw_test_wait_for_within (change_over, presentation, 5000));
  g_assert_cmpuint (mw_presentation_get_slide (presentation), ==, first);

  gtk_window_destroy (GTK_WINDOW (presentation));
  mw_test_run_pending ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/morph/play-change", Fixture, NULL, fixture_set_up, test_morph_play_change, fixture_tear_down);
  g_test_add ("/morph/reduced-animations", Fixture, NULL, fixture_set_up, test_morph_reduced, fixture_tear_down);
  g_test_add ("/morph/to", Fixture, NULL, fixture_set_up, test_morph_to, fixture_tear_down);
  g_test_add_func ("/morph/presentation", test_morph_presentation);

  return g_test_run ();
}
