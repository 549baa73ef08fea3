/* test-app-canvas.c: the canvas under real pointer events (Xvfb + XTest)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The X server itself moves the pointer and presses the buttons, so the
 * events travel the whole way through GDK and the canvas's gestures.
 */

#include <math.h>

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "mw-window.h"

typedef struct
{
  MwWindow *window;
  MwCanvas *canvas;
  Display  *xdisplay;
} Fixture;

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

/* Events arrive when the X server and a busy machine deliver them. */
static gboolean
wait_for (gboolean (*done) (gpointer),
          gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    spin (20);

  return done (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (!GDK_IS_X11_DISPLAY (display))
    {
      g_test_skip ("needs an X11 display with XTest");
      return;
    }

  fixture->xdisplay = gdk_x11_display_get_xdisplay (display);
  fixture->window = mw_window_new (NULL);
  fixture->canvas = mw_window_get_canvas (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  mw_window_open_example (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->canvas)) ||
         mw_window_get_n_pending (fixture->window) > 0)
    g_main_context_iteration (NULL, TRUE);
  spin (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window == NULL)
    return;

  /* Nothing is left unsaved on purpose: close without asking. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin (50);
}

/* Screen coordinates of a point of the canvas. */
static void
canvas_to_screen (Fixture *fixture,
                  double   x,
                  double   y,
                  int     *sx,
                  int     *sy)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (fixture->canvas));
  GdkSurface *surface = gtk_native_get_surface (native);
  double wx = 0, wy = 0, nx = 0, ny = 0;
  Window child;
  int rx = 0, ry = 0;

  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fixture->canvas), GTK_WIDGET (native),
                                                   x, y, &wx, &wy));
  gtk_native_get_surface_transform (native, &nx, &ny);
  XTranslateCoordinates (fixture->xdisplay, gdk_x11_surface_get_xid (surface),
                         DefaultRootWindow (fixture->xdisplay), 0, 0, &rx, &ry, &child);
  *sx = rx + (int)round (nx + wx);
  *sy = ry + (int)round (ny + wy);
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
  canvas_to_screen (fixture, x, y, sx, sy);
}

/* Presses at (x0, y0), moves in steps to (x1, y1) and releases there. */
static void
pointer_drag (Fixture *fixture,
              int      x0,
              int      y0,
              int      x1,
              int      y1)
{
  Display *dpy = fixture->xdisplay;

  XTestFakeMotionEvent (dpy, -1, x0, y0, CurrentTime);
  XFlush (dpy);
  spin (60);
  XTestFakeButtonEvent (dpy, 1, True, CurrentTime);
  XFlush (dpy);
  spin (60);
  for (int step = 1; step <= 10; step++)
    {
      XTestFakeMotionEvent (dpy, -1, x0 + (x1 - x0) * step / 10, y0 + (y1 - y0) * step / 10, CurrentTime);
      XFlush (dpy);
      spin (20);
    }
  XTestFakeButtonEvent (dpy, 1, False, CurrentTime);
  XFlush (dpy);
  spin (100);
}

static MwNetwork *
network_of (Fixture *fixture)
{
  return mw_document_get_network (mw_window_get_document (fixture->window));
}

static MwHistory *
history_of (Fixture *fixture)
{
  return mw_document_get_history (mw_window_get_document (fixture->window));
}

static gboolean
has_one_step (gpointer data)
{
  return mw_history_get_n_steps (history_of (data)) == 1;
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

  before = mw_network_copy (network_of (fixture));
  actor = mw_network_lookup_actor (network_of (fixture), "cdo");
  mw_renderer_get_actor_position (mw_canvas_get_renderer (fixture->canvas), actor, &x0, &y0);
  zoom = mw_canvas_get_zoom (fixture->canvas);
  actor_on_screen (fixture, actor, &sx, &sy);

  pointer_drag (fixture, sx, sy, sx + 80, sy + 50);
  wait_for (has_one_step, fixture);

  g_assert_cmpfloat_with_epsilon (actor->x, x0 + 80 / zoom, 1.5 / zoom);
  g_assert_cmpfloat_with_epsilon (actor->y, y0 + 50 / zoom, 1.5 / zoom);
  g_assert_cmpuint (mw_history_get_n_steps (history_of (fixture)), ==, 1);
  g_assert_cmpstr (mw_history_get_undo_name (history_of (fixture)), ==, "Move Actor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (mw_network_equal (network_of (fixture), before, NULL));
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

  a = mw_network_lookup_actor (network_of (fixture), "sched");
  b = mw_network_lookup_actor (network_of (fixture), "facil");
  actor_on_screen (fixture, a, &ax, &ay);
  actor_on_screen (fixture, b, &bx, &by);

  pointer_drag (fixture, MIN (ax, bx) - 40, MAX (ay, by) + 45, MAX (ax, bx) + 40, MIN (ay, by) - 30);
  wait_for (has_two_selected, fixture);

  selected = mw_canvas_get_selected_actors (fixture->canvas);
  g_assert_cmpuint (selected->len, >=, 2);
  g_assert_true (g_ptr_array_find (selected, a, NULL));
  g_assert_true (g_ptr_array_find (selected, b, NULL));
  g_assert_cmpuint (mw_history_get_n_steps (history_of (fixture)), ==, 0);
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
  from = mw_network_lookup_actor (network_of (fixture), "dev2");
  to = mw_network_lookup_actor (network_of (fixture), "data1");
  n_ties = mw_network_get_n_ties (network_of (fixture));
  n_checks = mw_actor_n_out (from, MW_TIE_CHECKS);
  actor_on_screen (fixture, from, &fx, &fy);
  actor_on_screen (fixture, to, &tx, &ty);

  pointer_drag (fixture, fx, fy, tx, ty);
  wait_for (has_one_step, fixture);

  g_assert_cmpuint (mw_network_get_n_ties (network_of (fixture)), ==, n_ties + 1);
  g_assert_cmpuint (mw_actor_n_out (from, MW_TIE_CHECKS), ==, n_checks + 1);
  g_assert_true (mw_actor_out (from, MW_TIE_CHECKS, n_checks)->to == to);
  g_assert_cmpstr (mw_history_get_undo_name (history_of (fixture)), ==, "Add Tie");
}

static void
press_key (Fixture *fixture,
           KeySym   keysym,
           gboolean shift)
{
  Display *dpy = fixture->xdisplay;
  KeyCode shift_code = XKeysymToKeycode (dpy, XK_Shift_L);
  KeyCode code = XKeysymToKeycode (dpy, keysym);

  if (shift)
    XTestFakeKeyEvent (dpy, shift_code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  if (shift)
    XTestFakeKeyEvent (dpy, shift_code, False, CurrentTime);
  XFlush (dpy);
  spin (30);
}

static gboolean
has_two_steps (gpointer data)
{
  return mw_history_get_n_steps (history_of (data)) == 2;
}

/* A double-click on empty space adds an actor and opens its name for
 * typing; Return names it. Two steps: add, rename. */
static void
test_canvas_double_click_add (Fixture       *fixture,
                              gconstpointer  data)
{
  Display *dpy;
  guint n;
  int sx, sy;
  MwActor *actor;

  if (fixture->window == NULL)
    return;

  dpy = fixture->xdisplay;
  n = mw_network_get_n_actors (network_of (fixture));
  canvas_to_screen (fixture, 16, 16, &sx, &sy);
  XTestFakeMotionEvent (dpy, -1, sx, sy, CurrentTime);
  for (int click = 0; click < 2; click++)
    {
      XTestFakeButtonEvent (dpy, 1, True, CurrentTime);
      XTestFakeButtonEvent (dpy, 1, False, CurrentTime);
    }
  XFlush (dpy);
  wait_for (has_one_step, fixture);
  g_assert_cmpuint (mw_network_get_n_actors (network_of (fixture)), ==, n + 1);
  g_assert_cmpstr (mw_history_get_undo_name (history_of (fixture)), ==, "Add Actor");
  spin (200);

  /* Without a window manager X gives the keyboard to the window under the
   * pointer: put it over the popover, just below the new actor. */
  canvas_to_screen (fixture, 40, 70, &sx, &sy);
  XTestFakeMotionEvent (dpy, -1, sx, sy, CurrentTime);
  XFlush (dpy);
  spin (100);

  /* The name is selected in the popover: typing replaces it. */
  press_key (fixture, XK_Z, TRUE);
  press_key (fixture, XK_o, FALSE);
  press_key (fixture, XK_e, FALSE);
  press_key (fixture, XK_Return, FALSE);
  wait_for (has_two_steps, fixture);

  actor = mw_network_get_actor (network_of (fixture), n);
  g_assert_cmpstr (actor->label, ==, "Zoe");
  g_assert_cmpstr (mw_history_get_undo_name (history_of (fixture)), ==, "Rename Actor");
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

  return g_test_run ();
}
