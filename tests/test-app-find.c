/* test-app-find.c: Find, neighbours and filters through real keys and clicks (Xvfb + XTest)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "mw-application.h"
#include "mw-filter.h"
#include "mw-filter-menu.h"
#include "mw-find-bar.h"
#include "mw-find.h"
#include "mw-neighbours.h"
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
  mw_test_spin (100);
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
 * Escape: every match highlighted, each step selects and centres one;
 * then a text that finds nothing. */
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

  /* Opened again, the old text is selected and typing replaces it; a
   * text that finds nothing says so and highlights nothing. */
  mw_test_press_key (GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for (bar_active, fixture));
  type_text ("zzqx");
  mw_test_spin (200);
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->bar), "No match"));
  g_assert_false (mw_canvas_has_highlight (fixture->canvas));
  g_assert_cmpuint (mw_find_bar_get_n_found (fixture->bar), ==, 0);
  mw_test_press_key (GDK_KEY_Escape, 0);
  g_assert_true (mw_test_wait_for (bar_closed, fixture));
#undef ID
}

static void
click_at (GtkWidget *widget,
          double     x,
          double     y)
{
  int sx, sy;

  mw_test_widget_to_screen (widget, x, y, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  mw_test_spin (100);
}

static void
click_widget (GtkWidget *widget)
{
  g_assert_nonnull (widget);
  click_at (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
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

typedef struct
{
  Fixture   *fixture;
  MwItemSet *set;
} Wanted;

/* The canvas highlights exactly @set. */
static gboolean
highlight_is (gpointer data)
{
  Wanted *wanted = data;
  g_autoptr(GPtrArray) actors = mw_canvas_get_highlighted_actors (wanted->fixture->canvas);
  g_autoptr(GPtrArray) ties = mw_canvas_get_highlighted_ties (wanted->fixture->canvas);

  if (actors->len != mw_item_set_get_n_actors (wanted->set) || ties->len != mw_item_set_get_n_ties (wanted->set))
    return FALSE;
  for (guint i = 0; i < actors->len; i++)
    if (!mw_item_set_contains_actor (wanted->set, actors->pdata[i]))
      return FALSE;
  for (guint i = 0; i < ties->len; i++)
    if (!mw_item_set_contains_tie (wanted->set, ties->pdata[i]))
      return FALSE;
  return TRUE;
}

static void
assert_highlight (Fixture   *fixture,
                  MwItemSet *set)
{
  Wanted wanted = { fixture, set };

  g_assert_cmpuint (mw_item_set_get_n_actors (set), >, 0);
  g_assert_true (mw_test_wait_for (highlight_is, &wanted));
}

/* Highlight Neighbours, 2 steps, chosen with the pointer; a click on an
 * actor brings it and its neighbours forward, Escape lets go. */
static void
test_neighbours_clicks (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(MwItemSet) expected = NULL;
  MwActor *actor;
  double mx, my, x, y;

  if (fixture->app == NULL)
    return;

  click_in_filter_menu (fixture, "2 Steps");
  close_filter_menu (fixture);
  g_assert_false (mw_canvas_has_highlight (fixture->canvas));

  actor = mw_network_lookup_actor (mw_test_network_of (fixture->window), "sched");
  mw_renderer_get_actor_position (mw_canvas_get_renderer (fixture->canvas), actor, &mx, &my);
  mw_canvas_model_to_widget (fixture->canvas, mx, my, &x, &y);
  click_at (GTK_WIDGET (fixture->canvas), x, y);
  fixture->id = "sched";
  g_assert_true (mw_test_wait_for (selected_is, fixture));
  expected = mw_neighbours (actor, 2, MW_TIE_TYPES_ALL);
  g_assert_cmpuint (mw_item_set_get_n_actors (expected), >, 2);
  assert_highlight (fixture, expected);

  /* Escape on the canvas lets go of the neighbours, the actor stays
   * selected; a second Escape selects nothing, and they stay away. */
  mw_test_press_key (GDK_KEY_Escape, 0);
  g_assert_true (mw_test_wait_for (bar_closed, fixture));
  mw_test_spin (100);
  g_assert_true (selected_is (fixture));
  g_assert_false (mw_canvas_has_highlight (fixture->canvas));
  mw_test_press_key (GDK_KEY_Escape, 0);
  mw_test_spin (100);
  g_assert_false (mw_canvas_has_highlight (fixture->canvas));
}

/* Fading a tie type and isolates with the pointer: what stays is
 * highlighted, the rest fades, the score panel says its scores are of the
 * whole network; Escape on the canvas does not lose the filter; Clear
 * Filter does. */
static void
test_filter_clicks (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwItemSet) expected = NULL;
  const char *scope = "Scores of the whole network, not of the filtered view";

  if (fixture->app == NULL)
    return;

  g_object_set (fixture->window, "show-inspector", TRUE, NULL);
  mw_test_spin (150);
  g_assert_null (mw_test_find_label (GTK_WIDGET (fixture->window), scope));

  click_in_filter_menu (fixture, "Reports to");
  click_in_filter_menu (fixture, "Fade Isolates");
  close_filter_menu (fixture);
  filter->tie_types &= ~(1u << MW_TIE_REPORTS);
  filter->fade_isolates = TRUE;
  expected = mw_filter_apply (filter, mw_test_network_of (fixture->window));
  g_assert_cmpuint (mw_item_set_get_n_actors (expected), <, mw_network_get_n_actors (mw_test_network_of (fixture->window)));
  assert_highlight (fixture, expected);
  g_assert_nonnull (mw_test_find_label (GTK_WIDGET (fixture->window), scope));

  /* The filter stays through Escape on the canvas. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  click_at (GTK_WIDGET (fixture->canvas), 20, 20);
  mw_test_press_key (GDK_KEY_Escape, 0);
  mw_test_spin (200);
  assert_highlight (fixture, expected);

  /* Find comes first while its bar shows a text, then the filter is back. */
  mw_test_press_key (GDK_KEY_f, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for (bar_active, fixture));
  /* An empty bar finds nothing yet: the filter still shows. */
  mw_test_spin (200);
  assert_highlight (fixture, expected);
  type_text ("clinical");
  mw_test_spin (200);
  fixture->n = mw_find_bar_get_n_found (fixture->bar);
  g_assert_cmpuint (fixture->n, >=, 3);
  g_assert_true (mw_test_wait_for (n_highlighted, fixture));
  /* Its text deleted, the open bar gives the highlight back. */
  for (guint i = 0; i < strlen ("clinical"); i++)
    mw_test_press_key (GDK_KEY_BackSpace, 0);
  assert_highlight (fixture, expected);
  g_assert_true (mw_find_bar_get_active (fixture->bar));
  mw_test_press_key (GDK_KEY_Escape, 0);
  assert_highlight (fixture, expected);

  click_in_filter_menu (fixture, "Clear Filter");
  close_filter_menu (fixture);
  g_assert_true (mw_test_wait_for (bar_closed, fixture));
  g_assert_null (mw_test_find_label (GTK_WIDGET (fixture->window), scope));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app-find/keys", Fixture, NULL, fixture_set_up, test_find_keys, fixture_tear_down);
  g_test_add ("/app-find/neighbours", Fixture, NULL, fixture_set_up, test_neighbours_clicks, fixture_tear_down);
  g_test_add ("/app-find/filter", Fixture, NULL, fixture_set_up, test_filter_clicks, fixture_tear_down);

  return g_test_run ();
}
