/* test-app-window.c: the window, driven through its actions (under Xvfb)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mw-templates.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

/* Three actors and two ties through the window's actions; undo and redo
 * walk back and forth through exactly the same networks. */
/* What the user sees of an action's enabled state: its header bar button. */
static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
action_button_sensitive (GtkWidget  *window,
                         const char *action)
{
  GtkWidget *button = mw_test_find_widget (window, is_action_button, action);

  g_assert_nonnull (button);
  mw_test_run_pending ();
  return gtk_widget_is_sensitive (button);
}

static void
test_window_undo_redo (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwCanvas *canvas = mw_window_get_canvas (window);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) pair = g_ptr_array_new ();
  MwNetwork *network = mw_test_network_of (window);

  g_ptr_array_add (states, mw_network_copy (network));
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL));
      g_ptr_array_add (states, mw_network_copy (network));
    }
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 3);

  /* Tab selects the first actor; Ctrl+L ties it to the others selected. */
  for (guint i = 1; i < 3; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.select-none", NULL));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.cycle", "b", TRUE));
      g_ptr_array_set_size (pair, 0);
      g_ptr_array_add (pair, mw_network_get_actor (network, 0));
      g_ptr_array_add (pair, mw_network_get_actor (network, i));
      mw_canvas_select_actors (canvas, pair);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect", NULL));
      g_ptr_array_add (states, mw_network_copy (network));
    }
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 2);
  g_assert_cmpstr (mw_history_get_undo_name (mw_test_history_of (window)), ==, "Add Tie");
  g_assert_true (mw_document_get_modified (mw_window_get_document (window)));

  for (guint round = 0; round < 2; round++)
    {
      for (guint i = states->len - 1; i > 0; i--)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
          mw_test_assert_networks_equal (network, g_ptr_array_index (states, i - 1));
        }
      g_assert_false (mw_history_can_undo (mw_test_history_of (window)));
      g_assert_false (action_button_sensitive (GTK_WIDGET (window), "win.undo"));
      for (guint i = 1; i < states->len; i++)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
          mw_test_assert_networks_equal (network, g_ptr_array_index (states, i));
        }
      g_assert_false (mw_history_can_redo (mw_test_history_of (window)));
      g_assert_false (action_button_sensitive (GTK_WIDGET (window), "win.redo"));
      g_assert_true (action_button_sensitive (GTK_WIDGET (window), "win.undo"));
    }

  /* Delete takes the first actor and both its ties, as one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.select-none", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.cycle", "b", TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.delete", NULL));
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 2);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  mw_test_assert_networks_equal (network, g_ptr_array_index (states, states->len - 1));

  mw_test_destroy_window (window);
}

/* Nudging with the arrow keys' action moves the selection, one step each. */
static void
test_window_nudge (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwCanvas *canvas = mw_window_get_canvas (window);
  MwNetwork *network;
  MwActor *actor;
  double x, y;

  mw_window_open_example (window);
  mw_test_wait_idle (window);
  network = mw_test_network_of (window);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.cycle", "b", TRUE);
  actor = mw_network_get_actor (network, 0);
  mw_renderer_get_actor_position (mw_canvas_get_renderer (canvas), actor, &x, &y);

  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.nudge", "(dd)", 10.0, 0.0);
  gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.nudge", "(dd)", 0.0, -10.0);
  g_assert_cmpfloat (actor->x, ==, x + 10);
  g_assert_cmpfloat (actor->y, ==, y - 10);
  g_assert_cmpstr (mw_history_get_undo_name (mw_test_history_of (window)), ==, "Move Actor");
  g_assert_cmpuint (mw_history_get_n_steps (mw_test_history_of (window)), ==, 2);

  mw_test_destroy_window (window);
}

/* A broken file leaves the open network as it was and says where it broke. */
static void
test_window_open_malformed (void)
{
  MwWindow *window = mw_window_new (NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad", "syntax.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MwNetwork) before = NULL;
  MwNetwork *network;

  mw_window_open_example (window);
  mw_test_wait_idle (window);
  network = mw_test_network_of (window);
  before = mw_network_copy (network);
  gtk_window_present (GTK_WINDOW (window));

  mw_window_open_file (window, file);
  mw_test_wait_idle (window);

  g_assert_true (mw_test_network_of (window) == network);
  mw_test_assert_networks_equal (mw_test_network_of (window), before);
  g_assert_nonnull (mw_window_get_last_error (window));
  g_assert_nonnull (strstr (mw_window_get_last_error (window), "syntax.gv:"));
  g_assert_true (g_regex_match_simple ("syntax\\.gv:[0-9]+:", mw_window_get_last_error (window), 0, 0));
  g_assert_false (mw_document_get_modified (mw_window_get_document (window)));

  mw_test_destroy_window (window);
}

/* Saving writes DOT that loads back as the same network. */
static void
test_window_save_reload (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwWindow *reloaded = mw_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  mw_window_open_example (window);
  mw_test_wait_idle (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL);
  g_assert_true (mw_document_get_modified (mw_window_get_document (window)));

  mw_window_save_to_file (window, file);
  mw_test_wait_idle (window);
  g_assert_null (mw_window_get_last_error (window));
  g_assert_false (mw_document_get_modified (mw_window_get_document (window)));
  g_assert_true (g_file_equal (mw_document_get_file (mw_window_get_document (window)), file));

  mw_window_open_file (reloaded, file);
  mw_test_wait_idle (reloaded);
  mw_test_assert_networks_equal (mw_test_network_of (reloaded), mw_test_network_of (window));

  g_unlink (path);
  g_rmdir (dir);
  mw_test_destroy_window (window);
  mw_test_destroy_window (reloaded);
}

/* A network opened from GraphML (yEd, Gephi) is saved back as GraphML,
 * never as DOT under a .graphml name. */
static void
test_window_graphml_round_trip (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwWindow *reloaded = mw_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Network.GraphML", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;

  mw_window_open_example (window);
  mw_test_wait_idle (window);
  mw_window_save_to_file (window, file);
  mw_test_wait_idle (window);
  g_assert_null (mw_window_get_last_error (window));
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  g_assert_nonnull (strstr (text, "<graphml"));

  mw_window_open_file (reloaded, file);
  mw_test_wait_idle (reloaded);
  g_assert_null (mw_window_get_last_error (reloaded));
  mw_test_assert_networks_equal (mw_test_network_of (reloaded), mw_test_network_of (window));

  g_unlink (path);
  g_rmdir (dir);
  mw_test_destroy_window (window);
  mw_test_destroy_window (reloaded);
}

/* The dialog a window shows, by its heading, or NULL. */
static AdwMessageDialog *
find_message_dialog (MwWindow   *window,
                     const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

/* Another program writes the file between two saves: the second save asks;
 * Cancel keeps the other program's file and the edit unsaved, Overwrite
 * writes the network over it. */
static void
test_window_changed_on_disk (void)
{
  MwWindow *window = mw_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shared.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  const char *theirs = "digraph { other_program; }\n";
  g_autofree char *text = NULL;
  AdwMessageDialog *dialog;

  mw_window_open_example (window);
  mw_test_wait_idle (window);
  mw_window_save_to_file (window, file);
  mw_test_wait_idle (window);
  g_assert_null (mw_window_get_last_error (window));

  /* A second later, so the etag (mtime) differs whatever the clock's grain. */
  g_usleep (G_USEC_PER_SEC + 100000);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL);

  for (guint round = 0; round < 2; round++)
    {
      gboolean overwrite = round == 1;

      mw_window_save_to_file (window, NULL);
      mw_test_wait_idle (window);
      dialog = find_message_dialog (window, "File Changed on Disk");
      g_assert_nonnull (dialog);
      g_assert_null (mw_window_get_last_error (window));
      adw_message_dialog_response (dialog, overwrite ? "overwrite" : "cancel");
      mw_test_run_pending ();
      mw_test_wait_idle (window);

      g_clear_pointer (&text, g_free);
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      if (overwrite)
        {
          g_assert_false (mw_document_get_modified (mw_window_get_document (window)));
          g_assert_null (strstr (text, "other_program"));
        }
      else
        {
          g_assert_true (mw_document_get_modified (mw_window_get_document (window)));
          g_assert_cmpstr (text, ==, theirs);
        }
    }

  mw_test_remove_tree (dir);
  mw_test_destroy_window (window);
}

/* Closing with unsaved changes asks; Cancel keeps the window, Discard closes it. */
static void
test_window_close_asks (void)
{
  MwWindow *window = mw_window_new (NULL);
  GtkWidget *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  mw_window_open_example (window);
  mw_test_wait_idle (window);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-actor", NULL);

  gtk_window_close (GTK_WINDOW (window));
  dialog = mw_window_get_close_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  gtk_window_close (GTK_WINDOW (window));
  dialog = mw_window_get_close_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (window);
}

/* Copy puts DOT on the clipboard; paste adds a copy, one undoable step. */
static void
test_window_copy_paste (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwWindow *other = mw_window_new (NULL);
  g_autoptr(MwNetwork) before = NULL;
  guint n;

  mw_window_open_example (window);
  mw_test_wait_idle (window);
  before = mw_network_copy (mw_test_network_of (window));
  n = mw_network_get_n_actors (mw_test_network_of (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.select-all", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.copy", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.paste", NULL);
  while (mw_network_get_n_actors (mw_test_network_of (window)) == n)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (window)), ==, 2 * n);
  g_assert_cmpstr (mw_history_get_undo_name (mw_test_history_of (window)), ==, "Paste");

  /* Another window pastes the same DOT. */
  gtk_widget_activate_action (GTK_WIDGET (other), "win.paste", NULL);
  while (mw_network_get_n_actors (mw_test_network_of (other)) == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (other)), ==, n);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  mw_test_assert_networks_equal (mw_test_network_of (window), before);

  mw_test_destroy_window (window);
  mw_test_destroy_window (other);
}

/* Arrange lays out in a child process and lands as one undoable step;
 * pinned actors stay where they were. */
static void
test_window_arrange (void)
{
  MwWindow *window = mw_window_new (NULL);
  g_autoptr(MwNetwork) before = NULL;
  MwNetwork *network;
  MwActor *pinned;

  mw_window_open_example (window);
  mw_test_wait_idle (window);
  network = mw_test_network_of (window);
  pinned = mw_network_lookup_actor (network, "ceo");
  mw_network_set_actor_position (network, pinned, 1000, 1000);
  mw_network_set_actor_pinned (network, pinned, TRUE);
  before = mw_network_copy (network);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.arrange", "s", "dot"));
  mw_test_wait_idle (window);
  g_assert_null (mw_window_get_last_error (window));
  g_assert_cmpstr (mw_history_get_undo_name (mw_test_history_of (window)), ==, "Arrange");
  g_assert_cmpuint (mw_history_get_n_steps (mw_test_history_of (window)), ==, 1);
  g_assert_false (mw_network_equal (network, before, NULL));
  g_assert_true (mw_network_get_actor (network, 1)->has_position);
  g_assert_cmpfloat (pinned->x, ==, 1000);
  g_assert_cmpfloat (pinned->y, ==, 1000);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  mw_test_assert_networks_equal (network, before);

  mw_test_destroy_window (window);
}

/* A template fills a blank window with a fresh context diagram. */
static void
test_window_template (void)
{
  MwWindow *window = mw_window_new (NULL);
  g_autofree char *title = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-from-template", "s", "nimble"));
  g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (window)), >=, 8);
  g_assert_false (mw_document_get_modified (mw_window_get_document (window)));
  g_assert_null (mw_document_get_file (mw_window_get_document (window)));
  title = mw_document_dup_title (mw_window_get_document (window));
  g_assert_cmpstr (title, ==, mw_template_lookup ("nimble")->title);

  mw_test_destroy_window (window);
}

/* The inspector edits every selected actor at once, as one step. */
static void
test_window_inspector_multi (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwCanvas *canvas = mw_window_get_canvas (window);
  GtkWidget *inspector = mw_window_get_inspector (window);
  g_autoptr(GPtrArray) three = g_ptr_array_new ();
  g_autoptr(MwNetwork) before = NULL;
  const char *ids[] = { "sched", "dev1", "lab2" };

  mw_window_open_example (window);
  mw_test_wait_idle (window);
  before = mw_network_copy (mw_test_network_of (window));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (three, mw_network_lookup_actor (mw_test_network_of (window), ids[i]));
  mw_canvas_select_actors (canvas, three);

  g_assert_true (gtk_widget_activate_action (inspector, "inspector.set-org", "s", "Brightlab Diagnostics"));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (mw_network_lookup_actor (mw_test_network_of (window), ids[i])->org, ==, "Brightlab Diagnostics");
  g_assert_cmpuint (mw_history_get_n_steps (mw_test_history_of (window)), ==, 1);
  g_assert_cmpstr (mw_history_get_undo_name (mw_test_history_of (window)), ==, "Change Organisation");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  mw_test_assert_networks_equal (mw_test_network_of (window), before);

  mw_test_destroy_window (window);
}

/* The sidebar's stack, and whether it shows the live scores on screen. */
static gboolean
scores_in_view (MwWindow *window)
{
  GtkWidget *panel = mw_window_get_score_panel (window);
  GtkStack *sidebar = GTK_STACK (gtk_widget_get_ancestor (panel, GTK_TYPE_STACK));

  mw_test_run_pending ();
  return gtk_stack_get_visible_child (sidebar) == panel && gtk_widget_is_drawable (panel) &&
         gtk_widget_get_width (panel) > 0 && gtk_widget_get_height (panel) > 0;
}

static gboolean
details_in_view (gpointer data)
{
  MwWindow *window = data;
  GtkWidget *inspector = mw_window_get_inspector (window);
  GtkStack *sidebar = GTK_STACK (gtk_widget_get_ancestor (inspector, GTK_TYPE_STACK));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return gtk_stack_get_visible_child (sidebar) == inspector && gtk_widget_is_drawable (inspector) &&
         focus != NULL && gtk_widget_is_ancestor (focus, inspector);
}

static gboolean
has_n_actors (gpointer data)
{
  MwWindow *window = data;
  guint *n = g_object_get_data (G_OBJECT (window), "expected-actors");

  return mw_network_get_n_actors (mw_test_network_of (window)) == *n;
}

/* Selecting and adding leave the live scores in view, as the user edits
 * with an eye on them; Alt+Return brings the selection's details forward,
 * with the keyboard in them. All through real clicks and key presses. */
static void
test_window_scores_stay (void)
{
  MwWindow *window;
  MwCanvas *canvas;
  MwActor *actor;
  g_autoptr(GPtrArray) selected = NULL;
  double mx, my, x, y;
  int sx, sy;
  guint expected;

  if (!mw_test_has_xtest ())
    return;

  window = mw_test_example_window_new (1000, 700);
  canvas = mw_window_get_canvas (window);
  mw_test_spin (300);
  g_assert_true (scores_in_view (window));

  actor = mw_network_lookup_actor (mw_test_network_of (window), "sched");
  g_assert_nonnull (actor);
  mw_renderer_get_actor_position (mw_canvas_get_renderer (canvas), actor, &mx, &my);
  mw_canvas_model_to_widget (canvas, mx, my, &x, &y);
  mw_test_widget_to_screen (GTK_WIDGET (canvas), x, y, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_pointer_click (1);
  mw_test_spin (200);
  selected = mw_canvas_get_selected_actors (canvas);
  g_assert_cmpuint (selected->len, ==, 1);
  g_assert_true (g_ptr_array_index (selected, 0) == actor);
  g_assert_true (scores_in_view (window));

  expected = mw_network_get_n_actors (mw_test_network_of (window)) + 1;
  g_object_set_data (G_OBJECT (window), "expected-actors", &expected);
  mw_test_press_key (GDK_KEY_Insert, 0);
  g_assert_true (mw_test_wait_for (has_n_actors, window));
  mw_test_spin (200);
  g_assert_true (scores_in_view (window));

  /* The new actor's name is asked for: Return keeps the one offered. */
  mw_test_press_key (GDK_KEY_Return, 0);
  mw_test_spin (200);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (canvas)));
  g_assert_true (scores_in_view (window));

  mw_test_press_key (GDK_KEY_Return, GDK_ALT_MASK);
  g_assert_true (mw_test_wait_for (details_in_view, window));

  g_object_set_data (G_OBJECT (window), "expected-actors", NULL);
  mw_test_destroy_window (window);
}

/* The shortcuts window builds, and names only actions the window has. */
static void
test_window_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/meshwork/Meshwork/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/undo-redo", test_window_undo_redo);
  g_test_add_func ("/window/nudge", test_window_nudge);
  g_test_add_func ("/window/open-malformed", test_window_open_malformed);
  g_test_add_func ("/window/save-reload", test_window_save_reload);
  g_test_add_func ("/window/graphml-round-trip", test_window_graphml_round_trip);
  g_test_add_func ("/window/changed-on-disk", test_window_changed_on_disk);
  g_test_add_func ("/window/close-asks", test_window_close_asks);
  g_test_add_func ("/window/copy-paste", test_window_copy_paste);
  g_test_add_func ("/window/arrange", test_window_arrange);
  g_test_add_func ("/window/template", test_window_template);
  g_test_add_func ("/window/help-overlay", test_window_help_overlay);
  g_test_add_func ("/window/inspector-multi", test_window_inspector_multi);
  g_test_add_func ("/window/scores-stay", test_window_scores_stay);

  return g_test_run ();
}
