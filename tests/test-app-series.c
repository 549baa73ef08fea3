/* test-app-series.c: the timeline view of a series, through real keys and clicks (Xvfb + XTest)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mw-application.h"
#include "mw-render-timeline.h"
#include "mw-test-core.h"
#include "mw-test-gtk.h"
#include "mw-test-series.h"
#include "mw-timeline-view.h"
#include "mw-window.h"

typedef struct
{
  MwApplication  *app;
  char           *folder;
  char           *series_path;
  MwTimelineView *view;
  const char     *wanted;     /* a snapshot's file name to wait for */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!mw_test_has_xtest ())
    return;
  /* as mw_test_application_new(), and opening files as the command line does */
  fixture->app = mw_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (fixture->app), NULL, NULL));
  fixture->folder = mw_test_make_dir ("app-series");
  fixture->series_path = mw_test_write_series (fixture->folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *windows;

  if (fixture->app == NULL)
    return;
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (fixture->app)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  mw_test_spin (100);
  g_clear_object (&fixture->app);
  mw_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->series_path);
}

static gboolean
view_loaded (gpointer data)
{
  Fixture *fixture = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
    if (MW_IS_TIMELINE_VIEW (l->data))
      fixture->view = l->data;
  return fixture->view != NULL && mw_timeline_view_get_loaded (fixture->view)
         && gtk_widget_get_mapped (mw_timeline_view_get_chart (fixture->view));
}

/* Opens the series as the command line does, and waits for its chart. */
static void
open_series (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->series_path);
  GtkWidget *chart;
  int sx, sy;

  g_application_open (G_APPLICATION (fixture->app), &file, 1, "");
  g_assert_true (mw_test_wait_for (view_loaded, fixture));
  mw_test_spin (200);

  /* keys go to the window under the pointer */
  chart = mw_timeline_view_get_chart (fixture->view);
  mw_test_widget_to_screen (chart, 5, 5, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  gtk_widget_grab_focus (chart);
  mw_test_run_pending ();
}

/* The chart as drawn now. */
static GdkTexture *
chart_texture (GtkWidget *chart)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (chart);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  mw_test_spin (100);
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (chart), gtk_widget_get_height (chart));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (chart)), node, NULL);
}

static void
chart_point (Fixture *fixture,
             guint    snapshot,
             guint    line,
             double  *x,
             double  *y)
{
  GtkWidget *chart = mw_timeline_view_get_chart (fixture->view);
  MwTimelineOptions options = { adw_style_manager_get_dark (adw_style_manager_get_default ()), -1, 10 };

  g_assert_true (mw_render_timeline_point (mw_timeline_view_get_series (fixture->view),
                                           gtk_widget_get_width (chart), gtk_widget_get_height (chart),
                                           &options, snapshot, line, x, y));
}

static gboolean
snapshot_window_shown (gpointer data)
{
  Fixture *fixture = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
    {
      GFile *file;
      g_autofree char *name = NULL;

      if (!MW_IS_WINDOW (l->data) || mw_window_get_n_pending (l->data) > 0)
        continue;
      file = mw_document_get_file (mw_window_get_document (l->data));
      name = file != NULL ? g_file_get_basename (file) : NULL;
      if (g_strcmp0 (name, fixture->wanted) == 0)
        return TRUE;
    }
  return FALSE;
}

static MwWindow *
snapshot_window (Fixture *fixture)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
    {
      GFile *file;
      g_autofree char *name = NULL;

      if (!MW_IS_WINDOW (l->data))
        continue;
      file = mw_document_get_file (mw_window_get_document (l->data));
      name = file != NULL ? g_file_get_basename (file) : NULL;
      if (g_strcmp0 (name, fixture->wanted) == 0)
        return l->data;
    }
  return NULL;
}

/* The change from the snapshot before is playing on its canvas. */
static gboolean
snapshot_change_playing (gpointer data)
{
  MwWindow *window = snapshot_window (data);

  return window != NULL && mw_canvas_get_morph_progress (mw_window_get_canvas (window)) >= 0;
}

static guint
n_network_windows (Fixture *fixture)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)); l != NULL; l = l->next)
    n += MW_IS_WINDOW (l->data);
  return n;
}

/* Opening a series shows its chart: a point per snapshot; Right selects the
 * next, Enter opens it (playing the change from the snapshot before), a
 * click on a column opens that one. */
static void
test_open_navigate (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *chart;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  gsize stride;
  double x, y;
  int sx, sy;

  if (fixture->app == NULL)
    return;
  open_series (fixture);
  chart = mw_timeline_view_get_chart (fixture->view);

  /* pixels: each index point is drawn in the ink, a dark disc on light */
  texture = chart_texture (chart);
  stride = gdk_texture_get_width (texture) * 4;
  pixels = g_malloc (stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  for (guint i = 0; i < MW_TEST_SERIES_N_SNAPSHOTS; i++)
    {
      guchar *p;

      chart_point (fixture, i, MW_TIMELINE_INDEX_LINE, &x, &y);
      p = pixels + (gsize) y * stride + (gsize) x * 4;   /* B G R A */
      if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
        g_assert_cmpuint (p[1], >, 200);
      else
        g_assert_cmpuint (p[1], <, 80);
    }

  g_assert_cmpint (mw_timeline_view_get_selected (fixture->view), ==, 0);
  mw_test_press_key (GDK_KEY_Right, 0);
  mw_test_run_pending ();
  g_assert_cmpint (mw_timeline_view_get_selected (fixture->view), ==, 1);
  mw_test_press_key (GDK_KEY_Right, 0);
  mw_test_press_key (GDK_KEY_Left, 0);
  g_assert_cmpint (mw_timeline_view_get_selected (fixture->view), ==, 1);
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->view), "What changed from “Pyramid” to “First peers”"));

  g_assert_cmpuint (n_network_windows (fixture), ==, 0);
  mw_test_press_key (GDK_KEY_Return, 0);
  fixture->wanted = "snapshot-2.gv";
  g_assert_true (mw_test_wait_for (snapshot_window_shown, fixture));
  g_assert_cmpuint (n_network_windows (fixture), ==, 1);
  /* it shows how it got there: the change from snapshot 1 plays */
  g_assert_true (mw_test_wait_for (snapshot_change_playing, fixture));

  /* a click on the fourth column */
  gtk_window_present (GTK_WINDOW (fixture->view));
  mw_test_spin (200);
  chart_point (fixture, 3, MW_TIMELINE_INDEX_LINE, &x, &y);
  mw_test_widget_to_screen (chart, x, y, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  fixture->wanted = "snapshot-4.gv";
  g_assert_true (mw_test_wait_for (snapshot_window_shown, fixture));
  g_assert_cmpint (mw_timeline_view_get_selected (fixture->view), ==, 3);
  g_assert_cmpuint (n_network_windows (fixture), ==, 2);
}

/* A missing snapshot is listed as missing with why; it does not open and
 * nothing is written. */
static void
test_missing_marked (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *missing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *label;

  if (fixture->app == NULL)
    return;
  missing = g_build_filename (fixture->folder, "snapshot-2.gv", NULL);
  g_assert_cmpint (g_remove (missing), ==, 0);
  g_assert_true (g_file_get_contents (fixture->series_path, &before, NULL, NULL));
  open_series (fixture);

  label = mw_test_find_label (GTK_WIDGET (fixture->view), "2. First peers");
  g_assert_nonnull (label);
  mw_test_press_key (GDK_KEY_Right, 0);
  g_assert_cmpint (mw_timeline_view_get_selected (fixture->view), ==, 1);
  mw_test_press_key (GDK_KEY_Return, 0);
  mw_test_spin (300);
  g_assert_cmpuint (n_network_windows (fixture), ==, 0);
  g_assert_true (g_file_get_contents (fixture->series_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/app-series/open-navigate", test_open_navigate);
  ADD ("/app-series/missing-marked", test_missing_marked);
#undef ADD

  return g_test_run ();
}
