/* test-app-canvas.c: the canvas under real pointer events (Xvfb + XTest)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The X server itself moves the pointer and presses the buttons, so the
 * events travel the whole way through GDK and the canvas's gestures.
 */

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "mw-test-gtk.h"
#include "mw-window.h"

typedef struct
{
  MwWindow *window;
  MwCanvas *canvas;
  double    zoom;     /* a zoom to wait to leave */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!mw_test_has_xtest ())
    return;

  fixture->window = mw_test_example_window_new (900, 640);
  fixture->canvas = mw_window_get_canvas (fixture->window);
  mw_test_spin (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window == NULL)
    return;

  /* Nothing is left unsaved on purpose: close without asking. */
  mw_test_destroy_window (fixture->window);
}

static void
actor_on_screen (Fixture       *fixture,
                 const MwActor *actor,
                 int           *sx,
                 int           *sy)
{
  double mx, my, x, y;

  mw_renderer_get_actor_position (mw_canvas_get_renderer (fixture->canvas), actor, &mx, &my);
  mw_canvas_model_to_widget (fixture->canvas, mx, my, &x, &y);
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), x, y, sx, sy);
}

static gboolean
has_one_step (gpointer data)
{
  Fixture *fixture = data;

  return mw_history_get_n_steps (mw_test_history_of (fixture->window)) == 1;
}

static gboolean
has_two_selected (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) selected = mw_canvas_get_selected_actors (fixture->canvas);

  return selected->len >= 2;
}

/* Dragging an actor moves it with the pointer, as one undoable step. */
static void
test_canvas_drag_actor (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(MwNetwork) before = NULL;
  MwActor *actor;
  double zoom, x0, y0;
  int sx, sy;

  if (fixture->window == NULL)
    return;

  before = mw_network_copy (mw_test_network_of (fixture->window));
  actor = mw_network_lookup_actor (mw_test_network_of (fixture->window), "cdo");
  mw_renderer_get_actor_position (mw_canvas_get_renderer (fixture->canvas), actor, &x0, &y0);
  zoom = mw_canvas_get_zoom (fixture->canvas);
  actor_on_screen (fixture, actor, &sx, &sy);

  mw_test_pointer_drag (sx, sy, sx + 80, sy + 50);
  mw_test_wait_for (has_one_step, fixture);

  g_assert_cmpfloat_with_epsilon (actor->x, x0 + 80 / zoom, 1.5 / zoom);
  g_assert_cmpfloat_with_epsilon (actor->y, y0 + 50 / zoom, 1.5 / zoom);
  g_assert_cmpuint (mw_history_get_n_steps (mw_test_history_of (fixture->window)), ==, 1);
  g_assert_cmpstr (mw_history_get_undo_name (mw_test_history_of (fixture->window)), ==, "Move Actor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (mw_network_equal (mw_test_network_of (fixture->window), before, NULL));
}

/* A rubber band over empty space selects the actors inside it. */
static void
test_canvas_rubber_band (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GPtrArray) selected = NULL;
  MwActor *a, *b;
  int ax, ay, bx, by;

  if (fixture->window == NULL)
    return;

  a = mw_network_lookup_actor (mw_test_network_of (fixture->window), "sched");
  b = mw_network_lookup_actor (mw_test_network_of (fixture->window), "facil");
  actor_on_screen (fixture, a, &ax, &ay);
  actor_on_screen (fixture, b, &bx, &by);

  mw_test_pointer_drag (MIN (ax, bx) - 40, MAX (ay, by) + 45, MAX (ax, bx) + 40, MIN (ay, by) - 30);
  mw_test_wait_for (has_two_selected, fixture);

  selected = mw_canvas_get_selected_actors (fixture->canvas);
  g_assert_cmpuint (selected->len, >=, 2);
  g_assert_true (g_ptr_array_find (selected, a, NULL));
  g_assert_true (g_ptr_array_find (selected, b, NULL));
  g_assert_cmpuint (mw_history_get_n_steps (mw_test_history_of (fixture->window)), ==, 0);
}

/* Dragging from one actor to another with the tie tool draws a tie. */
static void
test_canvas_tie_tool (Fixture       *fixture,
                      gconstpointer  data)
{
  MwActor *from, *to;
  guint n_ties, n_checks;
  int fx, fy, tx, ty;

  if (fixture->window == NULL)
    return;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.tool", "s", "tie"));
  mw_canvas_set_tie_type (fixture->canvas, MW_TIE_CHECKS);
  from = mw_network_lookup_actor (mw_test_network_of (fixture->window), "dev2");
  to = mw_network_lookup_actor (mw_test_network_of (fixture->window), "data1");
  n_ties = mw_network_get_n_ties (mw_test_network_of (fixture->window));
  n_checks = mw_actor_n_out (from, MW_TIE_CHECKS);
  actor_on_screen (fixture, from, &fx, &fy);
  actor_on_screen (fixture, to, &tx, &ty);

  mw_test_pointer_drag (fx, fy, tx, ty);
  mw_test_wait_for (has_one_step, fixture);

  g_assert_cmpuint (mw_network_get_n_ties (mw_test_network_of (fixture->window)), ==, n_ties + 1);
  g_assert_cmpuint (mw_actor_n_out (from, MW_TIE_CHECKS), ==, n_checks + 1);
  g_assert_true (mw_actor_out (from, MW_TIE_CHECKS, n_checks)->to == to);
  g_assert_cmpstr (mw_history_get_undo_name (mw_test_history_of (fixture->window)), ==, "Add Tie");
}

static gboolean
has_two_steps (gpointer data)
{
  Fixture *fixture = data;

  return mw_history_get_n_steps (mw_test_history_of (fixture->window)) == 2;
}

/* A double-click on empty space adds an actor and opens its name for
 * typing; Return names it. Two steps: add, rename. */
static void
test_canvas_double_click_add (Fixture       *fixture,
                              gconstpointer  data)
{
  guint n;
  int sx, sy;
  MwActor *actor;

  if (fixture->window == NULL)
    return;

  n = mw_network_get_n_actors (mw_test_network_of (fixture->window));
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), 16, 16, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_pointer_click (2);
  mw_test_wait_for (has_one_step, fixture);
  g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (fixture->window)), ==, n + 1);
  g_assert_cmpstr (mw_history_get_undo_name (mw_test_history_of (fixture->window)), ==, "Add Actor");
  mw_test_spin (200);

  /* Without a window manager X gives the keyboard to the window under the
   * pointer: put it over the popover, just below the new actor. */
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), 40, 70, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (100);

  /* The name is selected in the popover: typing replaces it. */
  mw_test_press_key (GDK_KEY_Z, GDK_SHIFT_MASK);
  mw_test_press_key (GDK_KEY_o, 0);
  mw_test_press_key (GDK_KEY_e, 0);
  mw_test_press_key (GDK_KEY_Return, 0);
  mw_test_wait_for (has_two_steps, fixture);

  actor = mw_network_get_actor (mw_test_network_of (fixture->window), n);
  g_assert_cmpstr (actor->label, ==, "Zoe");
  g_assert_cmpstr (mw_history_get_undo_name (mw_test_history_of (fixture->window)), ==, "Rename Actor");
}

typedef struct
{
  GtkWidget *widget;
  int        width;   /* the width to leave, by more than a little */
} WidthChange;

static gboolean
width_changed (gpointer data)
{
  WidthChange *change = data;

  return ABS (gtk_widget_get_width (change->widget) - change->width) > 100;
}

/* Resizes the window as a configure from the X server would, and waits
 * until the canvas has its new width. */
static void
resize_window (Fixture *fixture,
               int      width,
               int      height)
{
  WidthChange change = { GTK_WIDGET (fixture->canvas), gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) };

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  g_assert_true (mw_test_wait_for (width_changed, &change));
  mw_test_spin (100);
}

/* The zoom that fits the network into the canvas as it is now. */
static double
fitting_zoom (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->canvas);
  MwRect bounds;
  MwView view;

  g_assert_true (mw_renderer_get_bounds (mw_canvas_get_renderer (fixture->canvas), &bounds));
  mw_view_init (&view, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  mw_view_fit (&view, &bounds, 48);
  return MIN (view.zoom, 2.0);
}

static gboolean
zoom_changed (gpointer data)
{
  Fixture *fixture = data;

  return mw_canvas_get_zoom (fixture->canvas) != fixture->zoom;
}

/* A window resized by the user refits the network until the user zooms:
 * Ctrl+plus, pressed for real, makes the zoom theirs. */
static void
test_canvas_fit_follows_resize (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(MwApplication) app = NULL;
  double fitted, user_zoom;
  int sx, sy;

  if (fixture->window == NULL)
    return;

  /* The keyboard shortcuts are the application's. */
  app = mw_test_application_new ();
  gtk_window_set_application (GTK_WINDOW (fixture->window), GTK_APPLICATION (app));

  fitted = mw_canvas_get_zoom (fixture->canvas);
  g_assert_cmpfloat_with_epsilon (fitted, fitting_zoom (fixture), 1e-6);

  resize_window (fixture, 1260, 780);
  g_assert_cmpfloat (mw_canvas_get_zoom (fixture->canvas), >, fitted * 1.1);
  g_assert_cmpfloat_with_epsilon (mw_canvas_get_zoom (fixture->canvas), fitting_zoom (fixture), 1e-6);

  /* Without a window manager X gives the keys to the window under the pointer. */
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), 60, 60, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  mw_test_spin (100);
  fitted = fixture->zoom = mw_canvas_get_zoom (fixture->canvas);
  mw_test_press_key (GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  mw_test_wait_for (zoom_changed, fixture);
  user_zoom = mw_canvas_get_zoom (fixture->canvas);
  g_assert_cmpfloat (user_zoom, >, fitted * 1.1);

  resize_window (fixture, 760, 560);
  g_assert_cmpfloat (mw_canvas_get_zoom (fixture->canvas), ==, user_zoom);
}

/* The canvas's pixels, as GTK paints them. */
static guchar *
paint_canvas (MwCanvas *canvas,
              int      *width,
              int      *height)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guchar *pixels;

  /* nothing while the window waits for a new layout (a panel changed) */
  for (guint tries = 0; node == NULL && tries < 50; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (tries > 0)
        mw_test_spin (40);
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node, NULL);
  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize)*width * 4 * *height);
  gdk_texture_download (texture, pixels, (gsize)*width * 4);
  return pixels;
}

/* The example network, zoomed in twice with Ctrl+plus pressed for real
 * and left to settle, painted with tiles or without (@tiles: the
 * MESHWORK_CANVAS_TILES setting, read when the canvas is made). */
static guchar *
paint_zoomed_example (const char *tiles,
                      int        *width,
                      int        *height)
{
  g_autoptr(MwApplication) app = mw_test_application_new ();
  Fixture fixture = { 0 };
  guchar *pixels;
  int sx, sy;

  g_setenv ("MESHWORK_CANVAS_TILES", tiles, TRUE);
  fixture_set_up (&fixture, NULL);
  g_unsetenv ("MESHWORK_CANVAS_TILES");
  gtk_window_set_application (GTK_WINDOW (fixture.window), GTK_APPLICATION (app));
  mw_test_widget_to_screen (GTK_WIDGET (fixture.canvas), 60, 60, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  gtk_widget_grab_focus (GTK_WIDGET (fixture.canvas));
  mw_test_spin (100);
  for (guint i = 0; i < 2; i++)
    {
      fixture.zoom = mw_canvas_get_zoom (fixture.canvas);
      mw_test_press_key (GDK_KEY_plus, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
      g_assert_true (mw_test_wait_for (zoom_changed, &fixture));
    }
  /* the zoom settles after 200 ms; then the sharp tiles come */
  mw_test_spin (800);
  mw_test_run_pending ();
  pixels = paint_canvas (fixture.canvas, width, height);
  fixture_tear_down (&fixture, NULL);
  return pixels;
}

/* Issue 17: past MW_CANVAS_TILES_MIN_ACTORS the canvas composites cached
 * tiles. Forced on for a small network, the picture after a zoom is the
 * one the canvas draws without tiles: no seams, no scaled leftovers. */
static void
test_canvas_tiles_like_direct (void)
{
  g_autofree guchar *tiled = NULL, *direct = NULL;
  int w1, h1, w2, h2;
  guint n = 0;

  if (!mw_test_has_xtest ())
    {
      g_test_skip ("no XTest");
      return;
    }
  tiled = paint_zoomed_example ("1", &w1, &h1);
  direct = paint_zoomed_example ("never", &w2, &h2);
  g_assert_cmpint (w1, ==, w2);
  g_assert_cmpint (h1, ==, h2);
  for (int i = 0; i < w1 * h1; i++)
    for (int c = 0; c < 4; c++)
      if (ABS (tiled[4 * i + c] - direct[4 * i + c]) > 24)
        {
          n++;
          break;
        }
  g_test_message ("%u of %d pixels differ", n, w1 * h1);
  g_assert_cmpuint (n, <=, (guint)(w1 * h1 / 500));
}

/* 2,000 more people in rows far right of the example, one step: past
 * MW_CANVAS_TILES_MIN_ACTORS and MW_ROUTE_MAX_ACTORS, with the example
 * still on screen as it was; and one more, "solo", in a unit of its own,
 * at (@wx, @wy) of the canvas, with ties to two of the example's people. */
static void
add_actors (MwCanvas  *canvas,
            MwHistory *history,
            guint      n,
            double     wx,
            double     wy)
{
  MwNetwork *network = mw_history_get_network (history);
  MwEdit *edit = mw_history_begin (history, "Add Actors");
  double ox, oy, x1, y1;
  MwActor *solo;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("far%u", i);
      MwActor *actor = mw_edit_add_actor (edit, id, id, MW_ACTOR_PERSON, NULL);

      g_assert_nonnull (actor);
      mw_edit_move_actor (edit, actor, 6000 + (i % 50) * 60.0, (i / 50) * 60.0);
    }
  /* the model point under (wx, wy) */
  mw_canvas_model_to_widget (canvas, 0, 0, &ox, &oy);
  mw_canvas_model_to_widget (canvas, 1, 1, &x1, &y1);
  solo = mw_edit_add_actor (edit, "solo", "Solo", MW_ACTOR_PERSON, NULL);
  mw_edit_move_actor (edit, solo, (wx - ox) / (x1 - ox), (wy - oy) / (y1 - oy));
  /* a unit of its own in dev2's organisation: both boundaries follow it */
  mw_edit_touch_actor (edit, solo);
  mw_network_set_actor_org (network, solo, mw_network_lookup_actor (network, "dev2")->org);
  mw_network_set_actor_unit (network, solo, "Field");
  mw_edit_add_tie (edit, solo, mw_network_lookup_actor (network, "dev2"), MW_TIE_REPORTS, 1, NULL);
  mw_edit_add_tie (edit, mw_network_lookup_actor (network, "data1"), solo, MW_TIE_COLLABORATES, 1, NULL);
  mw_history_commit (history, edit);
}

typedef struct
{
  MwHistory *history;
  guint      n_steps;
} StepsWait;

static gboolean
has_n_steps (gpointer data)
{
  StepsWait *wait = data;

  return mw_history_get_n_steps (wait->history) == wait->n_steps;
}

/* The move is undone: the step to undo next is the one before it. */
static gboolean
is_undone (gpointer data)
{
  return g_strcmp0 (mw_history_get_undo_name (data), "Add Actors") == 0;
}

/* How many pixels of two pictures differ by more than a little. */
static guint
count_differing (const guchar *a,
                 const guchar *b,
                 int           n_pixels)
{
  guint n = 0;

  for (int i = 0; i < n_pixels; i++)
    for (int c = 0; c < 4; c++)
      if (ABS (a[4 * i + c] - b[4 * i + c]) > 24)
        {
          n++;
          break;
        }
  return n;
}

/* The pixel at (x, y) of the canvas's picture is @a's, give or take. */
static gboolean
same_pixel (const guchar *a,
            const guchar *b,
            int           width,
            int           x,
            int           y)
{
  for (int c = 0; c < 4; c++)
    if (ABS (a[4 * (y * width + x) + c] - b[4 * (y * width + x) + c]) > 24)
      return FALSE;
  return TRUE;
}

/* Issue 17: past 2,000 actors a drag is drawn over a picture of the rest
 * (mw-canvas-drag.c) and the network changes once, on release. The real
 * pointer drags an actor with two ties: while the button is down the
 * actor, its ties, label and rings show at the new place and the network
 * has not moved; the drag's last frame is the picture drawn after the
 * release (its unit's and organisation's boundaries followed it); Ctrl+Z
 * puts it back in one step. (Its ties keep leaving it upwards: a label's
 * side, over or under, follows the balance of its ties, on release.) */
static void
test_canvas_drag_large (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree guchar *during = NULL, *after = NULL, *before = NULL;
  g_autoptr(MwApplication) app = NULL;
  MwHistory *history;
  MwActor *actor;
  StepsWait wait;
  Display *dpy;
  double zoom, x0, y0, wx, wy;
  int sx, sy, width, height, w2, h2, nx, ny;
  guint n_differ;

  if (fixture->window == NULL)
    return;

  /* Ctrl+Z is the application's */
  app = mw_test_application_new ();
  gtk_window_set_application (GTK_WINDOW (fixture->window), GTK_APPLICATION (app));
  mw_test_spin (200);
  history = mw_test_history_of (fixture->window);
  add_actors (fixture->canvas, history, 2000, 450, 330);
  mw_test_spin (300);
  mw_test_run_pending ();
  g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (fixture->window)), >, 2000);
  wait.history = history;
  wait.n_steps = mw_history_get_n_steps (history) + 1;

  actor = mw_network_lookup_actor (mw_test_network_of (fixture->window), "solo");
  mw_renderer_get_actor_position (mw_canvas_get_renderer (fixture->canvas), actor, &x0, &y0);
  zoom = mw_canvas_get_zoom (fixture->canvas);
  actor_on_screen (fixture, actor, &sx, &sy);
  mw_canvas_model_to_widget (fixture->canvas, x0, y0, &wx, &wy);
  before = paint_canvas (fixture->canvas, &width, &height);

  /* press, move in steps and hold */
  dpy = gdk_x11_display_get_xdisplay (gdk_display_get_default ());
  mw_test_pointer_move (sx, sy);
  XTestFakeButtonEvent (dpy, 1, True, CurrentTime);
  XFlush (dpy);
  mw_test_spin (60);
  for (int step = 1; step <= 10; step++)
    {
      XTestFakeMotionEvent (dpy, -1, sx + 6 * step, sy + 12 * step, CurrentTime);
      XFlush (dpy);
      mw_test_spin (20);
    }
  mw_test_spin (100);
  mw_test_run_pending ();
  /* nothing has moved in the network yet */
  actor = mw_network_lookup_actor (mw_test_network_of (fixture->window), "solo");
  g_assert_cmpfloat (actor->x, ==, x0);
  g_assert_cmpfloat (actor->y, ==, y0);
  during = paint_canvas (fixture->canvas, &w2, &h2);
  g_assert_cmpint (w2, ==, width);

  XTestFakeButtonEvent (dpy, 1, False, CurrentTime);
  XFlush (dpy);
  g_assert_true (mw_test_wait_for (has_n_steps, &wait));
  actor = mw_network_lookup_actor (mw_test_network_of (fixture->window), "solo");
  g_assert_cmpfloat_with_epsilon (actor->x, x0 + 60 / zoom, 1.5 / zoom);
  g_assert_cmpfloat_with_epsilon (actor->y, y0 + 120 / zoom, 1.5 / zoom);
  g_assert_cmpstr (mw_history_get_undo_name (history), ==, "Move Actor");
  mw_test_spin (300);
  mw_test_run_pending ();
  after = paint_canvas (fixture->canvas, &w2, &h2);
  g_assert_cmpint (w2, ==, width);
  g_assert_cmpint (h2, ==, height);

  /* the actor is at its new place while dragged, as after the release,
   * and no longer at the old one */
  nx = (int)round (wx + 60), ny = (int)round (wy + 120);
  g_assert_true (same_pixel (during, after, width, nx, ny));
  g_assert_false (same_pixel (during, before, width, nx, ny));
  g_assert_false (same_pixel (during, before, width, (int)round (wx), (int)round (wy)));
  n_differ = count_differing (during, after, width * height);
  g_test_message ("%u of %d pixels differ between the drag's last frame and the frame after", n_differ,
                  width * height);
  g_assert_cmpuint (n_differ, <=, (guint)(width * height / 500));

  /* one step back, by the keyboard */
  mw_test_press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for (is_undone, history));
  actor = mw_network_lookup_actor (mw_test_network_of (fixture->window), "solo");
  g_assert_cmpfloat (actor->x, ==, x0);
  g_assert_cmpfloat (actor->y, ==, y0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/canvas/drag-actor", Fixture, NULL, fixture_set_up, test_canvas_drag_actor, fixture_tear_down);
  g_test_add ("/canvas/rubber-band", Fixture, NULL, fixture_set_up, test_canvas_rubber_band, fixture_tear_down);
  g_test_add ("/canvas/double-click-add", Fixture, NULL, fixture_set_up, test_canvas_double_click_add, fixture_tear_down);
  g_test_add ("/canvas/tie-tool", Fixture, NULL, fixture_set_up, test_canvas_tie_tool, fixture_tear_down);
  g_test_add ("/canvas/fit-follows-resize", Fixture, NULL, fixture_set_up, test_canvas_fit_follows_resize, fixture_tear_down);
  g_test_add_func ("/canvas/tiles-like-direct", test_canvas_tiles_like_direct);
  g_test_add ("/canvas/drag-large", Fixture, NULL, fixture_set_up, test_canvas_drag_large, fixture_tear_down);

  return g_test_run ();
}
