/* test-app-radar.c: the score panel's radar chart (under Xvfb; the edit and
 * "Set as Baseline" come from the X server through XTest)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <string.h>

#include "mw-render-radar.h"
#include "mw-score-panel.h"
#include "mw-score-radar.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

typedef struct
{
  MwApplication *app;
  MwWindow     *window;
  MwScorePanel *panel;
  MwCanvas     *canvas;
  MwScoreRadar *radar;
} Fixture;

static gboolean
is_radar (GtkWidget     *widget,
          gconstpointer  data)
{
  return MW_IS_SCORE_RADAR (widget);
}

static gboolean
is_baseline_button (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "scores.set-baseline") == 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!mw_test_has_xtest ())
    return;

  /* an application, for its accelerators (Ctrl+Z) */
  fixture->app = mw_test_application_new ();
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 760);
  mw_window_open_example (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (300);
  mw_test_wait_idle (fixture->window);
  fixture->panel = MW_SCORE_PANEL (mw_window_get_score_panel (fixture->window));
  fixture->canvas = mw_window_get_canvas (fixture->window);
  fixture->radar = MW_SCORE_RADAR (mw_test_find_widget (GTK_WIDGET (fixture->panel), is_radar, NULL));
  mw_test_spin (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window == NULL)
    return;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  mw_test_destroy_window (fixture->window);
  g_clear_object (&fixture->app);
}

/* The radar's pixels as GTK draws the widget, 0xAARRGGBB. */
static GBytes *
radar_pixels (Fixture *fixture,
              int     *width,
              int     *height)
{
  GtkWidget *widget = GTK_WIDGET (fixture->radar);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *data;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  g_assert_cmpint (*width, >=, MW_RADAR_MIN_SIZE);
  g_assert_cmpint (*height, >=, MW_RADAR_MIN_SIZE);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  data = g_malloc ((gsize)*width * *height * 4);
  gdk_texture_download (texture, data, (gsize)*width * 4);
  return g_bytes_new_take (data, (gsize)*width * *height * 4);
}

static gboolean
near (guint32 pixel,
      guint32 rgb)
{
  return abs ((int)(pixel >> 16 & 0xff) - (int)(rgb >> 16 & 0xff)) +
         abs ((int)(pixel >> 8 & 0xff) - (int)(rgb >> 8 & 0xff)) +
         abs ((int)(pixel & 0xff) - (int)(rgb & 0xff)) < 40 && (pixel >> 24) > 0xc0;
}

/* How many of the radar's pixels are (close to) a series' colour. */
static guint
count_colour (GBytes  *pixels,
              guint32  rgb)
{
  gsize size;
  const guint32 *p = g_bytes_get_data (pixels, &size);
  guint n = 0;

  for (gsize i = 0; i < size / 4; i++)
    if (near (p[i], rgb))
      n++;
  return n;
}

static guint
count_differing (GBytes *a,
                 GBytes *b)
{
  gsize size_a, size_b;
  const guint32 *pa = g_bytes_get_data (a, &size_a), *pb = g_bytes_get_data (b, &size_b);
  guint n = 0;

  g_assert_cmpuint (size_a, ==, size_b);
  for (gsize i = 0; i < size_a / 4; i++)
    if (pa[i] != pb[i])
      n++;
  return n;
}

static void
click_widget (GtkWidget *widget)
{
  int sx, sy;

  mw_test_widget_to_screen (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0,
                            &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
}

/* The actor with the most ties: deleting it moves the scores. */
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
        most = n, busiest = actor;
    }
  return busiest;
}

static gboolean
radar_shows_scorer (gpointer data)
{
  Fixture *fixture = data;

  return mw_score_radar_get_scores (fixture->radar) == mw_scorer_get_scores (mw_score_panel_get_scorer (fixture->panel)) &&
         mw_window_get_n_pending (fixture->window) == 0;
}

static gboolean
radar_left_overlay (gpointer data)
{
  Fixture *fixture = data;

  return radar_shows_scorer (data) && mw_score_radar_get_scores (fixture->radar) != mw_score_radar_get_overlay (fixture->radar);
}

static gboolean
radar_has_overlay (gpointer data)
{
  Fixture *fixture = data;

  return mw_score_radar_get_overlay (fixture->radar) != NULL;
}

/* A click on the busiest actor and Delete, as a user edits. */
static void
delete_busiest (Fixture *fixture)
{
  MwActor *actor = busiest_actor (mw_test_network_of (fixture->window));
  double mx, my, x, y;
  guint n = mw_network_get_n_actors (mw_test_network_of (fixture->window));
  int sx, sy;

  mw_renderer_get_actor_position (mw_canvas_get_renderer (fixture->canvas), actor, &mx, &my);
  mw_canvas_model_to_widget (fixture->canvas, mx, my, &x, &y);
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), x, y, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  mw_test_spin (100);
  mw_test_press_key (GDK_KEY_Delete, 0);
  mw_test_spin (100);
  mw_test_wait_idle (fixture->window);
  g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (fixture->window)), ==, n - 1);
  g_assert_true (mw_test_wait_for (radar_shows_scorer, fixture));
  mw_test_spin (100);
}

/* Each element's title and value in the chart's accessible description. */
static void
assert_description (Fixture  *fixture,
                    MwScores *scores)
{
  const char *description = mw_score_radar_get_description (fixture->radar);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_autofree char *value = g_strdup_printf ("%s %.0f", mw_element_get_title (e), mw_scores_get_score (scores, e));

      g_assert_true (mw_scores_is_measurable (scores, e));
      g_assert_nonnull (strstr (description, value));
    }
}

/* The chart is drawn in the series' colour, follows an edit, and outlines
 * the baseline once "Set as Baseline" is clicked; its description says
 * every value, and the baseline's. */
static void
test_radar_panel (Fixture       *fixture,
                  gconstpointer  data)
{
  guint32 now_colour = mw_render_radar_get_color (0, FALSE), overlay_colour = mw_render_radar_get_color (1, FALSE);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) edited = NULL;
  g_autoptr(GBytes) compared = NULL;
  MwScores *baseline;
  int w, h, sx, sy;

  if (fixture->window == NULL)
    return;

  g_assert_nonnull (fixture->radar);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->radar)));
  g_assert_true (mw_test_wait_for (radar_shows_scorer, fixture));
  first = radar_pixels (fixture, &w, &h);
  g_assert_cmpuint (count_colour (first, now_colour), >, 200);
  g_assert_cmpuint (count_colour (first, overlay_colour), ==, 0);
  assert_description (fixture, mw_score_radar_get_scores (fixture->radar));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->radar)), ==, GTK_ACCESSIBLE_ROLE_IMG);

  /* An edit redraws it. */
  delete_busiest (fixture);
  edited = radar_pixels (fixture, &w, &h);
  g_assert_cmpuint (count_differing (first, edited), >, 200);
  assert_description (fixture, mw_score_radar_get_scores (fixture->radar));

  /* "Set as Baseline", then Undo: the baseline is outlined over the scores. */
  click_widget (mw_test_find_widget (GTK_WIDGET (fixture->panel), is_baseline_button, NULL));
  g_assert_true (mw_test_wait_for (radar_has_overlay, fixture));
  baseline = mw_score_panel_get_baseline (fixture->panel);
  g_assert_true (mw_score_radar_get_overlay (fixture->radar) == baseline);
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), 20, 20, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (100);
  mw_test_press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for (radar_left_overlay, fixture));
  g_assert_true (mw_score_radar_get_overlay (fixture->radar) == baseline);
  mw_test_spin (100);
  compared = radar_pixels (fixture, &w, &h);
  g_assert_cmpuint (count_colour (compared, overlay_colour), >, 50);
  g_assert_cmpuint (count_colour (compared, now_colour), >, 200);
  assert_description (fixture, mw_score_radar_get_scores (fixture->radar));
  g_assert_nonnull (strstr (mw_score_radar_get_description (fixture->radar), "Baseline: "));
  g_assert_nonnull (strstr (mw_score_radar_get_description (fixture->radar), "Now: "));
}

/* The dark style draws with the dark palette. */
static void
test_radar_dark (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) light = NULL;
  g_autoptr(GBytes) dark = NULL;
  int w, h;

  if (fixture->window == NULL)
    return;

  g_assert_true (mw_test_wait_for (radar_shows_scorer, fixture));
  light = radar_pixels (fixture, &w, &h);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  mw_test_spin (200);
  dark = radar_pixels (fixture, &w, &h);
  g_assert_cmpuint (count_colour (light, mw_render_radar_get_color (0, FALSE)), >, 200);
  g_assert_cmpuint (count_colour (light, mw_render_radar_get_color (0, TRUE)), <, 20);
  g_assert_cmpuint (count_colour (dark, mw_render_radar_get_color (0, TRUE)), >, 200);
  g_assert_cmpuint (count_colour (dark, mw_render_radar_get_color (0, FALSE)), <, 20);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/radar/panel", Fixture, NULL, fixture_set_up, test_radar_panel, fixture_tear_down);
  g_test_add ("/radar/dark", Fixture, NULL, fixture_set_up, test_radar_dark, fixture_tear_down);
  return g_test_run ();
}
