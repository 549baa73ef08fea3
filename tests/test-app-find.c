/* test-app-find.c: Find, neighbours and filters through real keys and clicks (Xvfb + XTest)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "mw-application.h"
#include "mw-find-bar.h"
#include "mw-find.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

typedef struct
{
  MwApplication *app;
  MwWindow      *window;
  MwCanvas      *canvas;
  MwFindBar     *bar;
  guint          n;          /* a count to wait for */
  const char    *id;         /* an actor to wait for */
} Fixture;

static gboolean
is_find_bar (GtkWidget     *widget,
             gconstpointer  data)
{
  return MW_IS_FIND_BAR (widget);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;

  /* The application holds the accelerators (Ctrl+F…). */
  fixture->app = mw_test_application_new ();
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  fixture->canvas = mw_window_get_canvas (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  mw_window_open_example (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (300);
  mw_test_wait_idle (fixture->window);
  fixture->bar = MW_FIND_BAR (mw_test_find_widget (GTK_WIDGET (fixture->window), is_find_bar, NULL));
  g_assert_nonnull (fixture->bar);

  /* Keys go to the window under the pointer; the canvas has the focus. */
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), 40, 40, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  mw_test_run_pending ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->app == NULL)
    return;

  mw_test_destroy_window (fixture->window);
  mw_test_run_pending ();
  g_clear_object (&fixture->app);
}

static gboolean
bar_active (gpointer data)
{
  Fixture *fixture = data;

  return mw_find_bar_get_active (fixture->bar);
}

static gboolean
bar_closed (gpointer data)
{
  Fixture *fixture = data;

  return !mw_find_bar_get_active (fixture->bar) && !mw_canvas_has_highlight (fixture->canvas);
}

static gboolean
n_highlighted (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) actors = mw_canvas_get_highlighted_actors (fixture->canvas);

  return actors->len == fixture->n;
}

static gboolean
selected_is (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) selected = mw_canvas_get_selected_actors (fixture->canvas);

  return selected->len == 1 && g_str_equal (((MwActor *)selected->pdata[0])->id, fixture->id);
}

static void
type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    mw_test_press_key (gdk_unicode_to_keyval ((guchar)*p), 0);
}

/* The actor the canvas shows selected, in the middle of the canvas. */
static void
assert_centred (Fixture    *fixture,
                const char *id)
{
  MwActor *actor = mw_network_lookup_actor (mw_test_network_of (fixture->window), id);
  double mx, my, x, y;

  fixture->id = id;
  g_assert_true (mw_test_wait_for (selected_is, fixture));
  mw_renderer_get_actor_position (mw_canvas_get_renderer (fixture->canvas), actor, &mx, &my);
  mw_canvas_model_to_widget (fixture->canvas, mx, my, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) / 2.0, 2);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (fixture->canvas)) / 2.0, 2);
}

static void
assert_status (Fixture    *fixture,
               guint       current,
               guint       n)
{
  g_autofree char *text = g_strdup_printf ("%u of %u", current, n);

  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->bar), text));
}

/* Ctrl+F from the canvas, type, Enter, Shift+Enter, Ctrl+G, Ctrl+Shift+G,
 * Escape: every match highlighted, each step selects and centres one. */
static void
test_find_keys (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) found = NULL;
  guint n;

  if (fixture->app == NULL)
    return;

  found = mw_find_actors (mw_test_network_of (fixture->window), "CLINICAL");
  n = found->len;
  g_assert_cmpuint (n, >=, 3);
#define ID(i) (((MwActor *)found->pdata[i])->id)

  mw_test_press_key (GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for (bar_active, fixture));
  type_text ("clinical");
  fixture->n = n;
  g_assert_true (mw_test_wait_for (n_highlighted, fixture));
  assert_centred (fixture, ID (0));
  assert_status (fixture, 1, n);

  mw_test_press_key (GDK_KEY_Return, 0);
  assert_centred (fixture, ID (1));
  assert_status (fixture, 2, n);
  mw_test_press_key (GDK_KEY_Return, GDK_SHIFT_MASK);
  assert_centred (fixture, ID (0));
  /* Round the end, backwards and forwards again. */
  mw_test_press_key (GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  assert_centred (fixture, ID (n - 1));
  assert_status (fixture, n, n);
  mw_test_press_key (GDK_KEY_g, GDK_CONTROL_MASK);
  assert_centred (fixture, ID (0));
  assert_status (fixture, 1, n);
  /* Still every match highlighted. */
  g_assert_true (n_highlighted (fixture));

  mw_test_press_key (GDK_KEY_Escape, 0);
  g_assert_true (mw_test_wait_for (bar_closed, fixture));
#undef ID
}

/* A text that finds nothing says so and highlights nothing. */
static void
test_find_nothing (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->app == NULL)
    return;

  mw_test_press_key (GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for (bar_active, fixture));
  type_text ("zzqx");
  mw_test_spin (200);
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->bar), "No match"));
  g_assert_false (mw_canvas_has_highlight (fixture->canvas));
  g_assert_cmpuint (mw_find_bar_get_n_found (fixture->bar), ==, 0);
  mw_test_press_key (GDK_KEY_Escape, 0);
  g_assert_true (mw_test_wait_for (bar_closed, fixture));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app-find/keys", Fixture, NULL, fixture_set_up, test_find_keys, fixture_tear_down);
  g_test_add ("/app-find/nothing", Fixture, NULL, fixture_set_up, test_find_nothing, fixture_tear_down);

  return g_test_run ();
}
