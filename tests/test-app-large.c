/* test-app-large.c: a large organisation opens and is drawn (under Xvfb)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Checks pixels, not widget state: the window is painted as GTK paints it,
 * and the canvas and the score panel must show something. A blank window
 * (issue 17: a zoom label resized while GTK allocated the canvas left the
 * canvas and the panel unallocated for good) shows only the background. */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mw-score-panel.h"
#include "mw-scorer.h"
#include "mw-test-networks.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

#if defined(__SANITIZE_ADDRESS__)
/* Sanitizers make 100,000 actors too slow for the suite's time limit. */
#define N_ACTORS 20000
#else
#define N_ACTORS 100000
#endif
#define LOAD_SECONDS 120

static guint n_unallocated_warnings;
static char *large_path;   /* written once, for every test */
static MwWindow *loaded_window;  /* the network-drawn test's, kept for the scoring test */

static GLogWriterOutput
count_warnings_writer (GLogLevelFlags   level,
                       const GLogField *fields,
                       gsize            n_fields,
                       gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "without a current allocation") != NULL)
      n_unallocated_warnings++;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gboolean
network_shown (gpointer data)
{
  MwWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (mw_window_get_canvas (window))) &&
         mw_window_get_n_pending (window) == 0 &&
         mw_network_get_n_actors (mw_test_network_of (window)) == N_ACTORS;
}

static gboolean
widget_is_progress_bar (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_PROGRESS_BAR (widget);
}

typedef struct
{
  guchar *pixels;
  int     width;
  int     height;
  gsize   stride;
} Pixels;

/* The window painted as GTK paints it on screen. */
static void
paint_window (MwWindow *window,
              Pixels   *out)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* the canvas's tiles come from a worker: a redraw just asked for has no
   * picture until the next frame paints it */
  for (guint tries = 0; node == NULL && tries < 100; tries++)
    {
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (tries > 0)
        mw_test_spin (20);
      paintable = gtk_widget_paintable_new (widget);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node, NULL);
  out->width = gdk_texture_get_width (texture);
  out->height = gdk_texture_get_height (texture);
  out->stride = (gsize) out->width * 4;
  out->pixels = g_malloc (out->stride * out->height);
  gdk_texture_download (texture, out->pixels, out->stride);
}

/* How many pixels of @widget's area differ clearly from its most common
 * colour (its background), as a share of the area. */
static double
share_drawn (const Pixels *pixels,
             MwWindow     *window,
             GtkWidget    *widget)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t bounds;
  guint32 background = 0;
  guint best = 0, area = 0, drawn = 0;
  int x0, y0, x1, y1;

  g_assert_true (gtk_widget_compute_bounds (widget, GTK_WIDGET (window), &bounds));
  x0 = CLAMP ((int) bounds.origin.x, 0, pixels->width);
  y0 = CLAMP ((int) bounds.origin.y, 0, pixels->height);
  x1 = CLAMP ((int) (bounds.origin.x + bounds.size.width), 0, pixels->width);
  y1 = CLAMP ((int) (bounds.origin.y + bounds.size.height), 0, pixels->height);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 pixel = *(guint32 *) (pixels->pixels + y * pixels->stride + x * 4);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (n));
        if (n > best)
          {
            best = n;
            background = pixel;
          }
      }
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = pixels->pixels + y * pixels->stride + x * 4;
        const guchar *b = (const guchar *) &background;
        int difference = ABS (p[0] - b[0]) + ABS (p[1] - b[1]) + ABS (p[2] - b[2]);

        area++;
        drawn += difference > 48;
      }
  return area > 0 ? (double) drawn / area : 0;
}

static void
test_large_network_drawn (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  MwWindow *window = mw_window_new (NULL);
  GtkWidget *panel = mw_window_get_score_panel (window);
  Pixels pixels = { 0 };
  double canvas_share, panel_share;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  mw_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mw_test_wait_for_within (network_shown, window, LOAD_SECONDS * 1000));
  /* A few frames for layout and paint, as the screen gets them. */
  mw_test_spin (500);
  mw_test_run_pending ();

  g_assert_cmpuint (n_unallocated_warnings, ==, 0);
  g_assert_true (gtk_widget_get_mapped (panel));
  g_assert_cmpstr (mw_score_panel_get_index_text (MW_SCORE_PANEL (panel)), !=, "");

  paint_window (window, &pixels);
  canvas_share = share_drawn (&pixels, window, GTK_WIDGET (mw_window_get_canvas (window)));
  panel_share = share_drawn (&pixels, window, panel);
  g_test_message ("%u actors: %.1f%% of the canvas and %.1f%% of the score panel drawn",
                  N_ACTORS, canvas_share * 100, panel_share * 100);
  /* The network (actors and ties over most of the canvas) and the panel's
   * text and bars, not an empty background. */
  g_assert_cmpfloat (canvas_share, >, 0.05);
  g_assert_cmpfloat (panel_share, >, 0.01);

  g_free (pixels.pixels);
  /* Loading 100,000 actors takes long: the scoring test goes on with it. */
  loaded_window = window;
}

static gboolean
activity_bar_shown (gpointer data)
{
  GtkWidget *bar = mw_test_find_widget (GTK_WIDGET (data), widget_is_progress_bar, NULL);

  return bar != NULL && gtk_widget_get_mapped (bar);
}

static gboolean
nothing_pending (gpointer data)
{
  return mw_window_get_n_pending (data) == 0;
}

#ifdef MW_TEST_HAVE_XTEST
static gboolean
widget_is_cancel_button (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.cancel-activity") == 0;
}

static void
count_paint_cb (GdkFrameClock *clock,
                guint         *n_paints)
{
  (*n_paints)++;
}

static gboolean
painted (gpointer data)
{
  return *(guint *)data > 0;
}

/* A bar made visible is placed at the window's next layout: until then its
 * button's position is stale (the bar's old one, off by hundreds of pixels
 * at 100,000 actors) and a click lands elsewhere. A user clicks where it is
 * drawn, so wait for a frame painted since, and check nothing covers it. */
static void
click_cancel (MwWindow  *window,
              GtkWidget *cancel)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  graphene_point_t centre, at;
  GtkWidget *picked;
  guint n_paints = 0;
  gulong id;
  int sx, sy;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint_cb), &n_paints);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  g_assert_true (mw_test_wait_for_within (painted, &n_paints, 5000));
  g_signal_handler_disconnect (clock, id);

  centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (cancel) / 2.0, gtk_widget_get_height (cancel) / 2.0);
  g_assert_true (gtk_widget_compute_point (cancel, GTK_WIDGET (window), &centre, &at));
  picked = gtk_widget_pick (GTK_WIDGET (window), at.x, at.y, GTK_PICK_DEFAULT);
  g_assert_true (picked == cancel || (picked != NULL && gtk_widget_is_ancestor (picked, cancel)));

  mw_test_widget_to_screen (cancel, centre.x, centre.y, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_pointer_click (1);
}
#endif

/* Issue 17: a load that takes long shows what it does and how far it has
 * come, in a bar with Cancel; the user's click on Cancel stops it and
 * leaves the window as it was — no error, nothing half-open. */
static void
test_load_progress_and_cancel (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (large_path);
  MwWindow *window = mw_window_new (NULL);
  GtkWidget *bar;
  double first, later;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_spin (300);
  mw_window_open_file (window, file);

  g_assert_true (mw_test_wait_for_within (activity_bar_shown, window, 20000));
  bar = mw_test_find_widget (GTK_WIDGET (window), widget_is_progress_bar, NULL);
  first = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));
  mw_test_spin (400);
  later = gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar));
  g_test_message ("progress %.2f, then %.2f", first, later);
  g_assert_cmpfloat (later, >=, first);
  g_assert_cmpfloat (later, <=, 1);

#ifdef MW_TEST_HAVE_XTEST
  if (mw_test_has_xtest () && mw_window_get_n_pending (window) > 0)
    {
      GtkWidget *cancel = mw_test_find_widget (GTK_WIDGET (window), widget_is_cancel_button, NULL);

      g_assert_nonnull (cancel);
      click_cancel (window, cancel);
      g_assert_true (mw_test_wait_for_within (nothing_pending, window, 60000));
      /* cancelled: the blank network stays, and no error is shown */
      g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (window)), ==, 0);
      g_assert_null (mw_window_get_last_error (window));
    }
#endif
  g_assert_true (mw_test_wait_for_within (nothing_pending, window, 60000));
  mw_test_spin (200);
  g_assert_false (gtk_widget_get_mapped (bar));
  mw_test_destroy_window (window);
}

static gboolean
widget_is_scoring_label (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), "Scoring…") == 0;
}

static gboolean
scoring_shown (gpointer data)
{
  return mw_test_find_widget (GTK_WIDGET (data), widget_is_scoring_label, NULL) != NULL;
}

static gboolean
loaded (gpointer data)
{
  return mw_window_get_n_pending (data) == 0 &&
         mw_network_get_n_actors (mw_test_network_of (data)) == N_ACTORS;
}

static gboolean
scorer_idle (gpointer data)
{
  return !mw_scorer_get_busy (data);
}

/* One new tie: the scorer starts again on the worker's copy. */
static void
add_a_tie (MwNetwork *network,
           guint      i)
{
  mw_network_add_tie (network, mw_network_get_actor (network, i),
                      mw_network_get_actor (network, N_ACTORS - 1 - i), MW_TIE_COLLABORATES, 1, NULL);
}

/* Issue 17: scoring a large network shows in the same bar, with its
 * progress, and the user's Cancel stops waiting for it: the bar goes, the
 * scores shown stay those of before, and the next edit scores again. */
static void
test_scoring_progress_and_cancel (void)
{
  MwWindow *window = g_steal_pointer (&loaded_window);
  MwScorer *scorer;
  MwNetwork *network;
  GtkWidget *bar;
  gboolean shown = FALSE;

  if (window == NULL)
    {
      g_test_skip ("runs on the window /app/large/network-drawn opened");
      return;
    }
  g_assert_true (mw_test_wait_for_within (loaded, window, LOAD_SECONDS * 1000));
  network = mw_test_network_of (window);
  scorer = mw_score_panel_get_scorer (MW_SCORE_PANEL (mw_window_get_score_panel (window)));
  g_assert_nonnull (scorer);

  /* Scoring 100,000 actors can take less than the bar's half second on a
   * quick machine, and the click must land while it runs: make each run
   * last long enough. */
  _mw_scorer_set_test_delay (6000);
  for (guint i = 0; i < 4 && !shown; i++)
    {
      if (!mw_scorer_get_busy (scorer))
        add_a_tie (network, i);
      shown = mw_test_wait_for_within (scoring_shown, window, 5000);
    }
#if defined(__SANITIZE_ADDRESS__)
  if (!shown)
    {
      g_test_skip ("scoring 20,000 actors never took half a second");
      _mw_scorer_set_test_delay (0);
      mw_test_destroy_window (window);
      return;
    }
#endif
  g_assert_true (shown);
  bar = mw_test_find_widget (GTK_WIDGET (window), widget_is_progress_bar, NULL);
  g_assert_true (gtk_widget_get_mapped (bar));
  /* an edit while it scores: the scorer is busy past this run */
  add_a_tie (network, 10);

#ifdef MW_TEST_HAVE_XTEST
  if (mw_test_has_xtest ())
    {
      GtkWidget *cancel = mw_test_find_widget (GTK_WIDGET (window), widget_is_cancel_button, NULL);

      g_assert_nonnull (cancel);
      click_cancel (window, cancel);
      g_assert_true (mw_test_wait_for_within (scorer_idle, scorer, 10000));
      mw_test_spin (300);
      g_assert_false (gtk_widget_get_mapped (bar));
      /* the scores shown are of before the edits, and say so no more */
      g_assert_nonnull (mw_scorer_get_scores (scorer));
      g_assert_cmpuint (mw_scores_get_generation (mw_scorer_get_scores (scorer)), <,
                        mw_network_get_generation (network));
      g_assert_cmpuint (mw_network_get_n_actors (network), ==, N_ACTORS);
    }
#endif

  /* The next edit scores again, up to the network as it is. */
  _mw_scorer_set_test_delay (0);
  add_a_tie (network, 20);
  g_assert_true (mw_test_wait_for_within (scorer_idle, scorer, 60000));
  g_assert_cmpuint (mw_scores_get_generation (mw_scorer_get_scores (scorer)), ==,
                    mw_network_get_generation (network));
  mw_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_log_set_writer_func (count_warnings_writer, NULL, NULL);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/large/network-drawn", test_large_network_drawn);
  g_test_add_func ("/app/large/scoring-progress-and-cancel", test_scoring_progress_and_cancel);
  g_test_add_func ("/app/large/load-progress-and-cancel", test_load_progress_and_cancel);

  large_path = mw_test_write_large_organisation (N_ACTORS);
  status = g_test_run ();
  g_unlink (large_path);
  g_free (large_path);
  return status;
}
