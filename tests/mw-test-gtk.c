/* mw-test-gtk.c: what every UI test needs: the main loop, windows, real input
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One copy of the helpers the UI tests (tests/test-app-*.c) share. Waits
 * have deadlines, so a test on a loaded machine fails with an assertion
 * instead of hanging until meson kills it.
 */

#define _GNU_SOURCE   /* program_invocation_short_name */
#include <errno.h>
#include <math.h>

#include <glib/gstdio.h>

#ifdef MW_TEST_HAVE_XTEST
# include <gdk/x11/gdkx.h>
# include <X11/extensions/XTest.h>
# include <X11/keysym.h>
# include <X11/XKBlib.h>
#endif

#include "mw-test-gtk.h"

#define WAIT_SECONDS 10

/* ---- Where the app keeps its data ------------------------------------- */

/* Each UI test gets a data folder of its own (drafts, recent files) and
 * starts with it empty: a test that a timeout killed leaves drafts behind,
 * and the next test's window would open on "Restore Unsaved Changes?". */
static void __attribute__ ((constructor))
isolate_data_home (void)
{
  const char *shared = g_getenv ("XDG_DATA_HOME");
  g_autofree char *name = NULL;
  g_autofree char *own = NULL;

  if (shared == NULL || !g_str_has_suffix (shared, "xdg-data"))
    return;       /* not run by meson: leave the caller's folder alone */
  name = g_path_get_basename (program_invocation_short_name);
  own = g_build_filename (shared, name, NULL);
  mw_test_remove_tree (own);
  g_mkdir_with_parents (own, 0700);
  g_setenv ("XDG_DATA_HOME", own, TRUE);
}

/* ---- The main loop ---------------------------------------------------- */

/**
 * mw_test_run_pending:
 *
 * Dispatches whatever the main loop has ready now, without waiting.
 */
void
mw_test_run_pending (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * mw_test_spin:
 * @milliseconds: how long
 *
 * Runs the main loop for @milliseconds, sleeping while nothing is ready, so
 * that events from the X server and from worker threads arrive meanwhile.
 */
void
mw_test_spin (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/**
 * mw_test_wait_for:
 * @done: the condition
 * @data: passed to @done
 *
 * Runs the main loop until @done returns %TRUE, for at most ten seconds:
 * events arrive when the X server and a busy machine deliver them.
 *
 * Returns: what @done returns at the end
 */
gboolean
mw_test_wait_for (MwTestDoneFunc done,
                  gpointer       data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < deadline)
    mw_test_spin (20);
  return done (data);
}

/**
 * mw_test_wait_for_within:
 * @done: the condition
 * @data: passed to @done
 * @milliseconds: the longest wait
 *
 * As mw_test_wait_for(), with a shorter deadline: for a test that expects
 * something to happen at once and reports it if it does not.
 *
 * Returns: what @done returns at the end
 */
gboolean
mw_test_wait_for_within (MwTestDoneFunc done,
                         gpointer       data,
                         guint          milliseconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64)milliseconds * 1000;

  while (!done (data) && g_get_monotonic_time () < deadline)
    mw_test_spin (20);
  return done (data);
}

/* ---- The application and its windows ---------------------------------- */

/**
 * mw_test_application_new:
 *
 * The application, registered, as when it starts, but not running.
 *
 * Returns: (transfer full): the application
 */
MwApplication *
mw_test_application_new (void)
{
  MwApplication *app = mw_application_new ();

  /* No session bus under test: a non-unique application needs none. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

static gboolean
example_shown (gpointer data)
{
  MwWindow *window = data;

  return gtk_widget_get_mapped (GTK_WIDGET (mw_window_get_canvas (window))) &&
         mw_window_get_n_pending (window) == 0;
}

/**
 * mw_test_example_window_new:
 * @width: the default width, or 0 for the window's own
 * @height: the default height, or 0 for the window's own
 *
 * A window with the example network, on screen: its canvas is mapped and
 * nothing is loading or computing any more.
 *
 * Returns: (transfer none): the window; GTK holds it until
 *   mw_test_destroy_window()
 */
MwWindow *
mw_test_example_window_new (int width,
                            int height)
{
  MwWindow *window = mw_window_new (NULL);

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mw_test_wait_for (example_shown, window));
  mw_test_run_pending ();
  return window;
}

/**
 * mw_test_wait_idle:
 * @window: a window
 *
 * Runs the main loop until @window has no load, save or computation on its
 * way, then dispatches what that left ready. Fails after ten seconds.
 */
void
mw_test_wait_idle (MwWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (mw_window_get_n_pending (window) > 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  mw_test_run_pending ();
  g_assert_cmpuint (mw_window_get_n_pending (window), ==, 0);
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *)data == NULL;
}

/**
 * mw_test_destroy_window:
 * @window: (transfer full): a window nothing else holds
 *
 * Destroys @window and checks that it is freed: a window that outlives its
 * destruction is a leak.
 */
void
mw_test_destroy_window (MwWindow *window)
{
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
  g_assert_true (mw_test_wait_for (pointer_cleared, &window));
}

/**
 * mw_test_network_of:
 * @window: a window
 *
 * Returns: (transfer none): the network @window's document holds
 */
MwNetwork *
mw_test_network_of (MwWindow *window)
{
  return mw_document_get_network (mw_window_get_document (window));
}

/**
 * mw_test_history_of:
 * @window: a window
 *
 * Returns: (transfer none): the undo history of @window's document
 */
MwHistory *
mw_test_history_of (MwWindow *window)
{
  return mw_document_get_history (mw_window_get_document (window));
}

/**
 * mw_test_assert_networks_equal:
 * @a: a network
 * @b: another
 *
 * Fails, saying where, unless @a and @b hold the same actors and ties.
 */
void
mw_test_assert_networks_equal (MwNetwork *a,
                               MwNetwork *b)
{
  g_autofree char *difference = NULL;

  if (!mw_network_equal (a, b, &difference))
    g_error ("networks differ: %s", difference);
}

/* ---- Finding widgets ---------------------------------------------------- */

/**
 * mw_test_find_widget:
 * @root: where to look, itself included
 * @match: whether a widget is the one wanted
 *
 * Returns: (transfer none) (nullable): the first widget under @root, depth
 *   first, that @match accepts
 */
GtkWidget *
mw_test_find_widget (GtkWidget         *root,
                     MwTestWidgetMatch  match,
                     gconstpointer      data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = mw_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/**
 * mw_test_find_label:
 * @text: the label's text, without mnemonic underlines
 *
 * Returns: (transfer none) (nullable): the label on screen reading @text
 */
GtkWidget *
mw_test_find_label (GtkWidget  *root,
                    const char *text)
{
  return mw_test_find_widget (root, is_shown_label, text);
}

/* ---- Real input through XTest ----------------------------------------- */

#ifdef MW_TEST_HAVE_XTEST

static Display *
default_xdisplay (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

/**
 * mw_test_has_xtest:
 *
 * Whether the display is X11, where XTest can press keys and move the
 * pointer; if not, marks the test skipped.
 *
 * Returns: %TRUE if the test can go on
 */
gboolean
mw_test_has_xtest (void)
{
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("needs an X11 display with XTest");
      return FALSE;
    }
  return TRUE;
}

/**
 * mw_test_widget_to_screen:
 * @widget: a mapped widget
 * @x: a point of @widget
 * @y: a point of @widget
 * @sx: (out): the point on the screen
 * @sy: (out): the point on the screen
 *
 * Where a point of @widget is on the screen, for the X server's pointer.
 */
void
mw_test_widget_to_screen (GtkWidget *widget,
                          double     x,
                          double     y,
                          int       *sx,
                          int       *sy)
{
  Display *dpy = default_xdisplay ();
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  double wx = 0, wy = 0, nx = 0, ny = 0;
  Window child;
  int rx = 0, ry = 0;

  g_assert_true (gtk_widget_translate_coordinates (widget, GTK_WIDGET (native), x, y, &wx, &wy));
  /* The surface may be larger than the window (client-side shadows). */
  gtk_native_get_surface_transform (native, &nx, &ny);
  XTranslateCoordinates (dpy, gdk_x11_surface_get_xid (surface), DefaultRootWindow (dpy),
                         0, 0, &rx, &ry, &child);
  *sx = rx + (int)round (nx + wx);
  *sy = ry + (int)round (ny + wy);
}

/**
 * mw_test_pointer_move:
 * @sx: a point on the screen
 * @sy: a point on the screen
 *
 * Moves the pointer to (@sx, @sy) and lets the widgets see it arrive.
 * Without a window manager the keyboard goes to the window under the
 * pointer, so this also chooses where keys go.
 */
void
mw_test_pointer_move (int sx,
                      int sy)
{
  Display *dpy = default_xdisplay ();

  XTestFakeMotionEvent (dpy, -1, sx, sy, CurrentTime);
  XFlush (dpy);
  mw_test_spin (60);
}

/**
 * mw_test_pointer_click:
 * @n_clicks: 1 for a click, 2 for a double-click
 *
 * Clicks the first button where the pointer is, @n_clicks times in quick
 * succession.
 */
void
mw_test_pointer_click (guint n_clicks)
{
  Display *dpy = default_xdisplay ();

  /* Sent together, so that GTK counts them as one multiple click. */
  for (guint click = 0; click < n_clicks; click++)
    {
      XTestFakeButtonEvent (dpy, 1, True, CurrentTime);
      XTestFakeButtonEvent (dpy, 1, False, CurrentTime);
    }
  XFlush (dpy);
  mw_test_spin (30);
}

/**
 * mw_test_pointer_drag:
 * @x0: where the drag starts on the screen
 * @y0: where the drag starts on the screen
 * @x1: where it ends
 * @y1: where it ends
 *
 * Presses the first button at (@x0, @y0), moves in ten steps to (@x1, @y1)
 * and releases there.
 */
void
mw_test_pointer_drag (int x0,
                      int y0,
                      int x1,
                      int y1)
{
  Display *dpy = default_xdisplay ();

  mw_test_pointer_move (x0, y0);
  XTestFakeButtonEvent (dpy, 1, True, CurrentTime);
  XFlush (dpy);
  mw_test_spin (60);
  for (int step = 1; step <= 10; step++)
    {
      XTestFakeMotionEvent (dpy, -1, x0 + (x1 - x0) * step / 10, y0 + (y1 - y0) * step / 10, CurrentTime);
      XFlush (dpy);
      mw_test_spin (20);
    }
  XTestFakeButtonEvent (dpy, 1, False, CurrentTime);
  XFlush (dpy);
  mw_test_spin (100);
}

static void
fake_modifiers (Display         *dpy,
                GdkModifierType  modifiers,
                gboolean         down)
{
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, XK_Shift_L), down, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, XK_Control_L), down, CurrentTime);
  if (modifiers & GDK_ALT_MASK)
    XTestFakeKeyEvent (dpy, XKeysymToKeycode (dpy, XK_Alt_L), down, CurrentTime);
}

/**
 * mw_test_press_key:
 * @keyval: a key, such as %GDK_KEY_Escape or %GDK_KEY_Z
 * @modifiers: %GDK_SHIFT_MASK, %GDK_CONTROL_MASK and %GDK_ALT_MASK held
 *   meanwhile
 *
 * Presses and releases a key in the window under the pointer. A key value
 * on a key's shifted level ("plus") is typed with Shift, as a user types it.
 */
void
mw_test_press_key (guint           keyval,
                   GdkModifierType modifiers)
{
  Display *dpy = default_xdisplay ();
  /* GDK's key values are X's keysyms. */
  KeyCode code = XKeysymToKeycode (dpy, keyval);

  g_assert_cmpuint (code, !=, 0);
  if (XkbKeycodeToKeysym (dpy, code, 0, 0) != keyval && XkbKeycodeToKeysym (dpy, code, 0, 1) == keyval)
    modifiers |= GDK_SHIFT_MASK;
  fake_modifiers (dpy, modifiers, True);
  XTestFakeKeyEvent (dpy, code, True, CurrentTime);
  XTestFakeKeyEvent (dpy, code, False, CurrentTime);
  fake_modifiers (dpy, modifiers, False);
  XFlush (dpy);
  mw_test_spin (30);
}

#else /* !MW_TEST_HAVE_XTEST */

gboolean
mw_test_has_xtest (void)
{
  g_test_skip ("needs an X11 display with XTest");
  return FALSE;
}

void
mw_test_widget_to_screen (GtkWidget *widget,
                          double     x,
                          double     y,
                          int       *sx,
                          int       *sy)
{
  g_assert_not_reached ();
}

void
mw_test_pointer_move (int sx,
                      int sy)
{
  g_assert_not_reached ();
}

void
mw_test_pointer_click (guint n_clicks)
{
  g_assert_not_reached ();
}

void
mw_test_pointer_drag (int x0,
                      int y0,
                      int x1,
                      int y1)
{
  g_assert_not_reached ();
}

void
mw_test_press_key (guint           keyval,
                   GdkModifierType modifiers)
{
  g_assert_not_reached ();
}

#endif
