/* test-app-inspector.c: the inspector edits a whole selection, by real input
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys and clicks come from the X server through XTest (Xvfb), so they go
 * where a user's would: select on the canvas, click into a row, type, Enter.
 */

#include <adwaita.h>

#include "mw-test-gtk.h"
#include "mw-window.h"

typedef struct
{
  MwApplication *app;
  MwWindow *window;
  MwCanvas *canvas;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!mw_test_has_xtest ())
    return;

  /* The application gives the window its accelerators (Ctrl+A). */
  fixture->app = mw_test_application_new ();
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  fixture->canvas = mw_window_get_canvas (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  mw_window_open_example (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_wait_idle (fixture->window);
  mw_test_spin (500);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window == NULL)
    return;

  /* libadwaita 1.2's entry rows animate their title when focus leaves;
   * an animation cut short by the window's end is never freed. */
  mw_test_spin (400);
  mw_test_destroy_window (fixture->window);
  g_clear_object (&fixture->app);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The inspector's row titled @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return mw_test_find_widget (root, is_row_titled, title);
}

/* Whether @root shows a widget of @type whose text or icon is @name. */
static gboolean
shows (GtkWidget  *root,
       GType       type,
       const char *name)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), name) == 0)
        return TRUE;
      if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), name) == 0)
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows (child, type, name))
      return TRUE;
  return FALSE;
}

static void
click_widget (GtkWidget *widget)
{
  int sx, sy;

  mw_test_widget_to_screen (widget, gtk_widget_get_width (widget) / 2.0,
                            gtk_widget_get_height (widget) / 2.0, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  mw_test_spin (150);
}

static void
type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    mw_test_press_key (gdk_unicode_to_keyval ((guchar)*p),
                       g_ascii_isupper (*p) ? GDK_SHIFT_MASK : 0);
}

static gboolean
has_one_step (gpointer data)
{
  Fixture *fixture = data;

  return mw_history_get_n_steps (mw_test_history_of (fixture->window)) == 1;
}

static gboolean
has_all_selected (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) selected = mw_canvas_get_selected_actors (fixture->canvas);

  return selected->len == mw_network_get_n_actors (mw_test_network_of (fixture->window));
}

static gboolean
has_three_selected (gpointer data)
{
  Fixture *fixture = data;
  g_autoptr(GPtrArray) selected = mw_canvas_get_selected_actors (fixture->canvas);

  return selected->len >= 3;
}

/* Selecting leaves the scores in view: the user clicks the sidebar's
 * Selection tab to edit. */
static void
show_selection_page (Fixture *fixture)
{
  GtkWidget *tab = mw_test_find_label (GTK_WIDGET (fixture->window), "Selection");

  g_assert_nonnull (tab);
  click_widget (tab);
}

/* Types @text into the row titled @title and presses Enter; checks every
 * selected actor took it, in one step that undo takes back whole. */
static void
edit_row_for_all (Fixture    *fixture,
                  const char *title,
                  gsize       offset,
                  const char *text)
{
  GtkWidget *inspector = mw_window_get_inspector (fixture->window);
  GtkWidget *row;
  g_autoptr(GPtrArray) selected = mw_canvas_get_selected_actors (fixture->canvas);
  g_autoptr(MwNetwork) before = mw_network_copy (mw_test_network_of (fixture->window));

  show_selection_page (fixture);
  row = find_row (inspector, title);
  g_assert_nonnull (row);
  click_widget (row);
  type_text (text);
  mw_test_press_key (GDK_KEY_Return, 0);
  mw_test_wait_for (has_one_step, fixture);
  mw_test_spin (100);

  for (guint i = 0; i < selected->len; i++)
    g_assert_cmpstr (G_STRUCT_MEMBER (char *, g_ptr_array_index (selected, i), offset), ==, text);
  g_assert_cmpuint (mw_history_get_n_steps (mw_test_history_of (fixture->window)), ==, 1);

  /* The row shows what it applied, no longer offering to apply it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, text);
  g_assert_false (shows (row, GTK_TYPE_LABEL, "Mixed"));
  g_assert_false (shows (row, GTK_TYPE_BUTTON, "adw-entry-apply-symbolic"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  mw_test_assert_networks_equal (mw_test_network_of (fixture->window), before);
}

/* Ctrl+A, then Organisation: every actor changes, mixed values showed as
 * mixed before. */
static void
test_inspector_select_all_org (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *inspector;
  int sx, sy;

  if (fixture->window == NULL)
    return;

  inspector = mw_window_get_inspector (fixture->window);
  /* A click on empty space gives the canvas the keyboard. */
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), 16, 16, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  mw_test_spin (150);
  mw_test_press_key (GDK_KEY_a, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for (has_all_selected, fixture));
  mw_test_run_pending ();

  /* The example's actors belong to several organisations. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (inspector, "Organisation"))), ==, "");
  g_assert_true (shows (find_row (inspector, "Organisation"), GTK_TYPE_LABEL, "Mixed"));

  edit_row_for_all (fixture, "Organisation", G_STRUCT_OFFSET (MwActor, org), "Acme");
}

/* A rubber band around three actors, then Unit. */
static void
test_inspector_rubber_band_unit (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char *ids[] = { "sched", "dev1", "lab2" };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  int sx0, sy0, sx1, sy1;

  if (fixture->window == NULL)
    return;

  /* The band spans the three actors, from empty space below them. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      MwActor *actor = mw_network_lookup_actor (mw_test_network_of (fixture->window), ids[i]);
      double mx, my, x, y;

      mw_renderer_get_actor_position (mw_canvas_get_renderer (fixture->canvas), actor, &mx, &my);
      mw_canvas_model_to_widget (fixture->canvas, mx, my, &x, &y);
      x0 = MIN (x0, x), y0 = MIN (y0, y), x1 = MAX (x1, x), y1 = MAX (y1, y);
    }
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), x0 - 60, y1 + 45, &sx0, &sy0);
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), x1 + 60, y0 - 30, &sx1, &sy1);
  mw_test_pointer_drag (sx0, sy0, sx1, sy1);
  if (!mw_test_wait_for (has_three_selected, fixture))
    {
      g_test_skip ("the band caught fewer than three actors");
      return;
    }

  edit_row_for_all (fixture, "Unit", G_STRUCT_OFFSET (MwActor, unit), "Lab");
}

/* Collaboration runs both ways: no Direction row, no Reverse button. */
static void
test_inspector_collaborates (Fixture       *fixture,
                             gconstpointer  data)
{
  MwNetwork *network;
  MwTie *collab = NULL, *directed = NULL;
  GtkWidget *direction;

  if (fixture->window == NULL)
    return;

  network = mw_test_network_of (fixture->window);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (tie->type == MW_TIE_COLLABORATES && collab == NULL)
        collab = tie;
      else if (tie->type != MW_TIE_COLLABORATES && directed == NULL)
        directed = tie;
    }
  g_assert_nonnull (collab);
  g_assert_nonnull (directed);

  direction = find_row (mw_window_get_inspector (fixture->window), "Direction");
  mw_canvas_select_tie (fixture->canvas, directed);
  mw_test_run_pending ();
  g_assert_true (gtk_widget_get_visible (direction));
  mw_canvas_select_tie (fixture->canvas, collab);
  mw_test_run_pending ();
  g_assert_false (gtk_widget_get_visible (direction));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/inspector/select-all-org", Fixture, NULL, fixture_set_up, test_inspector_select_all_org, fixture_tear_down);
  g_test_add ("/inspector/rubber-band-unit", Fixture, NULL, fixture_set_up, test_inspector_rubber_band_unit, fixture_tear_down);
  g_test_add ("/inspector/collaborates", Fixture, NULL, fixture_set_up, test_inspector_collaborates, fixture_tear_down);

  return g_test_run ();
}
