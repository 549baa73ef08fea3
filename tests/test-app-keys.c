/* test-app-keys.c: every documented key, pressed through XTest on the real window
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keys come from where the app itself takes them: the application's
 * accelerator table, the help overlay and presentation mode's key table.
 * Each is pressed as a user presses it and must change something the
 * action it names changes; the app's own actions ("app.quit"…) are swapped
 * for observers, so pressing them only counts.
 */

#include <adwaita.h>

#include "mw-application.h"
#include "mw-presentation.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

#define HELP_OVERLAY "/io/github/meshwork/Meshwork/gtk/help-overlay.ui"

typedef struct
{
  MwApplication *app;
  MwWindow      *window;
  MwCanvas      *canvas;
  guint          clipboard_changes;
  guint          app_activations;
  GPtrArray     *failures;  /* the keys that did nothing */
} Fixture;

static void
count_cb (guint *counter)
{
  (*counter)++;
}

static void
app_action_cb (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  Fixture *fixture = user_data;

  fixture->app_activations++;
}

static void
observe (Fixture    *fixture,
         GActionMap *map,
         const char *name)
{
  g_autoptr(GSimpleAction) action = g_simple_action_new (name, NULL);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (map), name));
  g_signal_connect (action, "activate", G_CALLBACK (app_action_cb), fixture);
  g_action_map_add_action (map, G_ACTION (action));
}

/* A test-only observer in place of each "app." action that has keys: they
 * quit, open windows or start the help browser. */
static void
observe_app_actions (Fixture *fixture)
{
  const MwApplicationAccel *accels;
  guint n;

  accels = mw_application_get_accels (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_has_prefix (accels[i].action, "app."))
      observe (fixture, G_ACTION_MAP (fixture->app), accels[i].action + 4);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;

  fixture->failures = g_ptr_array_new_with_free_func (g_free);
  fixture->app = mw_test_application_new ();
  observe_app_actions (fixture);
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  fixture->canvas = mw_window_get_canvas (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  mw_window_open_example (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (300);
  mw_test_wait_idle (fixture->window);
  g_signal_connect_swapped (gdk_display_get_clipboard (gdk_display_get_default ()), "changed",
                            G_CALLBACK (count_cb), &fixture->clipboard_changes);

  /* Keys go to the window under the pointer. */
  mw_test_widget_to_screen (GTK_WIDGET (fixture->canvas), 40, 40, &sx, &sy);
  mw_test_pointer_move (sx, sy);
}

static void
close_toplevels (MwWindow *keep)
{
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != (gpointer)keep && gtk_widget_get_visible (l->data))
      gtk_window_close (l->data);
  g_list_free (windows);
  mw_test_spin (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->app == NULL)
    return;

  g_signal_handlers_disconnect_by_data (gdk_display_get_clipboard (gdk_display_get_default ()),
                                        &fixture->clipboard_changes);
  close_toplevels (fixture->window);
  if (fixture->window != NULL)
    mw_test_destroy_window (fixture->window);
  mw_test_run_pending ();
  g_clear_object (&fixture->app);
  g_clear_pointer (&fixture->failures, g_ptr_array_unref);
}

/* Every key that did nothing, in one failure at the end of the test. */
static void
assert_no_failures (Fixture *fixture)
{
  g_autofree char *list = NULL;

  g_ptr_array_add (fixture->failures, NULL);
  list = g_strjoinv ("; ", (char **)fixture->failures->pdata);
  g_ptr_array_set_size (fixture->failures, fixture->failures->len - 1);
  if (fixture->failures->len > 0)
    g_error ("%u keys did nothing: %s", fixture->failures->len, list);
}

static gboolean
popover_open (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (popover_open (child))
      return TRUE;
  return FALSE;
}

static void
close_popovers (GtkWidget *widget)
{
  if (GTK_IS_POPOVER (widget) && gtk_widget_get_visible (widget))
    gtk_popover_popdown (GTK_POPOVER (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    close_popovers (child);
}

static guint
n_visible_toplevels (void)
{
  GList *windows = gtk_window_list_toplevels ();
  guint n = 0;

  for (GList *l = windows; l != NULL; l = l->next)
    n += gtk_widget_get_visible (l->data);
  g_list_free (windows);
  return n;
}

/* What the documented keys can change, in one line. */
static char *
state_of (Fixture *fixture)
{
  GString *state = g_string_new (NULL);
  MwNetwork *network;
  MwHistory *history;
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GPtrArray) selected_ties = NULL;
  g_autofree char *tool = NULL;
  MwActor *focus;
  GtkWidget *focus_widget;
  gboolean inspector, table;

  if (fixture->window == NULL)
    return g_string_free (state, FALSE);

  network = mw_test_network_of (fixture->window);
  history = mw_test_history_of (fixture->window);
  selected = mw_canvas_get_selected_actors (fixture->canvas);
  selected_ties = mw_canvas_get_selected_ties (fixture->canvas);
  focus = mw_canvas_get_focus_actor (fixture->canvas);
  g_object_get (fixture->window, "tool", &tool, "show-inspector", &inspector, "show-table", &table, NULL);
  g_string_append_printf (state, "actors %u ties %u steps %u undo %d redo %d ",
                          mw_network_get_n_actors (network), mw_network_get_n_ties (network),
                          mw_history_get_n_steps (history), mw_history_can_undo (history),
                          mw_history_can_redo (history));
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      g_string_append_printf (state, "%s@%.1f,%.1f ", actor->id, actor->x, actor->y);
    }
  g_string_append (state, "selected");
  for (guint i = 0; i < selected->len; i++)
    g_string_append_printf (state, " %s", ((MwActor *)selected->pdata[i])->id);
  /* Add View to Presentation keeps a slide in the file. */
  g_string_append_printf (state, " slides %d",
                          g_str_hash (g_hash_table_lookup (mw_network_get_attrs (network), "mw_slides") ?: ""));
  g_string_append_printf (state, " table %d", table);
  /* Find (Ctrl+F, Ctrl+G with nothing found) puts the focus in its bar. */
  focus_widget = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_string_append_printf (state, " focus %s", focus_widget != NULL ? G_OBJECT_TYPE_NAME (focus_widget) : "none");
  g_string_append_printf (state, " table %d", table);
  g_string_append_printf (state, " ties %u focus %s %p zoom %.4f tool %s inspector %d legend %d presenting %d"
                          " popover %d windows %u clipboard %u app %u",
                          selected_ties->len, focus != NULL ? focus->id : "-",
                          (void *)gtk_root_get_focus (GTK_ROOT (fixture->window)),
                          mw_canvas_get_zoom (fixture->canvas), tool, inspector,
                          mw_canvas_get_show_legend (fixture->canvas),
                          mw_window_get_presentation (fixture->window) != NULL,
                          popover_open (GTK_WIDGET (fixture->window)), n_visible_toplevels (),
                          fixture->clipboard_changes, fixture->app_activations);
  return g_string_free (state, FALSE);
}

typedef struct
{
  Fixture    *fixture;
  const char *before;
} Change;

static gboolean
state_changed (gpointer data)
{
  Change *change = data;
  g_autofree char *now = state_of (change->fixture);

  return g_strcmp0 (now, change->before) != 0;
}

/* The state once nothing moves any more (zoom and dialogs settle). */
static char *
settled_state (Fixture *fixture)
{
  char *state = state_of (fixture);

  for (guint i = 0; i < 50; i++)
    {
      char *again;

      mw_test_spin (40);
      again = state_of (fixture);
      if (g_str_equal (again, state))
        {
          g_free (again);
          break;
        }
      g_free (state);
      state = again;
    }
  return state;
}

/* Two actors with no tie between them, moved off their places, so that
 * arranging moves them back; undo and redo both possible. Selected: both
 * (@pair), else the first. */
static void
prepare (Fixture    *fixture,
         gboolean    select_pair,
         const char *tool)
{
  MwNetwork *network = mw_test_network_of (fixture->window);
  g_autoptr(GPtrArray) pair = g_ptr_array_new ();
  g_autoptr(GPtrArray) one = g_ptr_array_new ();
  guint n = mw_network_get_n_actors (network);

  close_popovers (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < n && pair->len == 0; i++)
    for (guint j = i + 1; j < n && pair->len == 0; j++)
      {
        MwActor *a = mw_network_get_actor (network, i);
        MwActor *b = mw_network_get_actor (network, j);
        gboolean tied = FALSE;

        for (guint t = 0; t < mw_network_get_n_ties (network); t++)
          {
            MwTie *tie = mw_network_get_tie (network, t);
            tied |= (tie->from == a && tie->to == b) || (tie->from == b && tie->to == a);
          }
        if (!tied)
          {
            g_ptr_array_add (pair, a);
            g_ptr_array_add (pair, b);
          }
      }
  g_assert_cmpuint (pair->len, ==, 2);

  g_ptr_array_add (one, pair->pdata[0]);
  mw_canvas_select_actors (fixture->canvas, one);
  mw_canvas_nudge_selection (fixture->canvas, 37, 23);
  g_ptr_array_set_size (one, 0);
  g_ptr_array_add (one, pair->pdata[1]);
  mw_canvas_select_actors (fixture->canvas, one);
  mw_canvas_nudge_selection (fixture->canvas, -29, 17);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  if (!select_pair)
    g_ptr_array_set_size (pair, 1);
  mw_canvas_select_actors (fixture->canvas, pair);
  g_object_set (fixture->window, "tool", tool, NULL);
  /* Neither actual size, nor fitted, nor at a limit. */
  mw_canvas_zoom_by (fixture->canvas, 0.71 / mw_canvas_get_zoom (fixture->canvas));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  mw_test_run_pending ();
}

/* Presses @accel from the prepared state; TRUE if something changed. */
static gboolean
press_changes (Fixture    *fixture,
               const char *accel,
               gboolean    select_pair,
               const char *tool)
{
  g_autofree char *before = NULL;
  Change change;
  guint keyval;
  GdkModifierType mods;
  gboolean changed;

  g_assert_true (gtk_accelerator_parse (accel, &keyval, &mods));
  prepare (fixture, select_pair, tool);
  before = settled_state (fixture);
  change = (Change) { fixture, before };
  mw_test_press_key (keyval, mods);
  changed = mw_test_wait_for_within (state_changed, &change, 1500);
  /* A window the key opened is laid out before it closes. */
  mw_test_spin (changed ? 150 : 0);
  close_toplevels (fixture->window);
  mw_test_run_pending ();
  return changed;
}

/* From one of two prepared states the key does something: one actor
 * selected with the select tool (to rename…), or two with the actor tool
 * (to tie them…). */
static void
assert_key_works (Fixture    *fixture,
                  const char *accel,
                  const char *what)
{
  g_test_message ("pressing %s (%s)", accel, what);
  if (press_changes (fixture, accel, FALSE, "select") || press_changes (fixture, accel, TRUE, "actor"))
    return;
  g_ptr_array_add (fixture->failures, g_strdup_printf ("%s (%s)", accel, what));
}

/* GTK's file chooser and print dialog leave allocations behind in GIO's
 * threads and in the modules they load, which LeakSanitizer reports and
 * its fast unwinder cannot trace to their owner: under ASan the keys that
 * open them are left out (the normal suite presses them). */
static gboolean
opens_gtk_dialog (const char *action)
{
#ifdef __SANITIZE_ADDRESS__
  static const char *actions[] = {
    "win.open", "win.import", "win.save", "win.save-as", "win.export", "win.print", "win.compare", NULL,
  };

  return g_strv_contains (actions, action);
#else
  return FALSE;
#endif
}

/* Every accelerator of the table, pressed; "win.close" last, it ends. */
static void
test_keys_accels (Fixture       *fixture,
                  gconstpointer  data)
{
  const MwApplicationAccel *accels;
  guint n;

  if (fixture->app == NULL)
    return;

  accels = mw_application_get_accels (&n);
  g_assert_cmpuint (n, >, 20);
  /* The check itself: an unbound key changes nothing. */
  g_assert_false (press_changes (fixture, "F12", FALSE, "select"));
  for (guint i = 0; i < n; i++)
    for (guint k = 0; accels[i].accels[k] != NULL; k++)
      if (!g_str_equal (accels[i].action, "win.close") && !opens_gtk_dialog (accels[i].action))
        assert_key_works (fixture, accels[i].accels[k], accels[i].action);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (accels[i].action, "win.close"))
      {
        g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *)&fixture->window);
        assert_key_works (fixture, accels[i].accels[0], accels[i].action);
      }
  assert_no_failures (fixture);
}

static gboolean
in_table (const char *action)
{
  const MwApplicationAccel *accels;
  guint n;

  accels = mw_application_get_accels (&n);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (accels[i].action, action))
      return TRUE;
  return FALSE;
}

/* The help overlay's entries: an action shown must have keys (those of the
 * table are pressed above, GTK's own, such as Ctrl+?, here); a key shown is
 * pressed here on the canvas. */
static void
test_keys_help_overlay (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GSList) objects = NULL;
  guint n_keys = 0, n_actions = 0;

  if (fixture->app == NULL)
    return;

  builder = gtk_builder_new_from_resource (HELP_OVERLAY);
  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *action = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) keys = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "action-name", &action, "accelerator", &accelerator, "title", &title, NULL);
      if (action != NULL && *action != '\0')
        {
          g_auto(GStrv) bound = gtk_application_get_accels_for_action (GTK_APPLICATION (fixture->app), action);

          if (bound[0] == NULL)
            g_ptr_array_add (fixture->failures, g_strdup_printf ("“%s” (%s) has no key", title, action));
          for (guint k = 0; bound[k] != NULL && !in_table (action); k++)
            assert_key_works (fixture, bound[k], action);
          n_actions++;
          continue;
        }
      keys = g_strsplit (accelerator, " ", -1);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          /* Panning holds Space while dragging: test-app-canvas drags. */
          if (g_str_equal (keys[k], "space"))
            continue;
          assert_key_works (fixture, keys[k], title);
          n_keys++;
        }
    }
  g_assert_cmpuint (n_actions, >, 20);
  g_assert_cmpuint (n_keys, >, 15);
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
  assert_no_failures (fixture);
}

typedef struct
{
  MwPresentation *presentation;
  const char     *action;
  guint           slide;
  guint           step;
  gboolean        scores;
  gboolean        dark;
  gboolean        legend;
  gboolean        builds;
} SlideState;

/* Where a presentation is: slide and build step, in order. */
static guint64
position (MwPresentation *presentation)
{
  return (guint64)mw_presentation_get_slide (presentation) << 32 | mw_presentation_get_step (presentation);
}

static gboolean
presentation_moved (gpointer data)
{
  SlideState *state = data;
  MwPresentation *presentation = state->presentation;
  guint last = mw_presentation_get_n_slides (presentation) - 1;

  guint64 before = (guint64)state->slide << 32 | state->step;

  /* A build step or a slide on, or back. */
  if (g_str_equal (state->action, "presentation.next"))
    return position (presentation) > before;
  if (g_str_equal (state->action, "presentation.previous"))
    return position (presentation) < before;
  if (g_str_equal (state->action, "presentation.first"))
    return mw_presentation_get_slide (presentation) == 0;
  if (g_str_equal (state->action, "presentation.last"))
    return mw_presentation_get_slide (presentation) == last;
  if (g_str_equal (state->action, "presentation.toggle-scores"))
    return mw_presentation_get_show_scores (presentation) != state->scores;
  if (g_str_equal (state->action, "presentation.toggle-stage"))
    return mw_presentation_get_dark (presentation) != state->dark;
  if (g_str_equal (state->action, "presentation.toggle-legend"))
    return mw_presentation_get_show_legend (presentation) != state->legend;
  if (g_str_equal (state->action, "presentation.toggle-builds"))
    return mw_presentation_get_builds (presentation) != state->builds;
  g_assert_not_reached ();
}

static gboolean
presentation_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *presentation = mw_window_get_presentation (fixture->window);

  return presentation != NULL && gtk_widget_get_mapped (presentation);
}

static gboolean
presentation_gone (gpointer data)
{
  Fixture *fixture = data;

  return mw_window_get_presentation (fixture->window) == NULL;
}

static MwPresentation *
start_presentation (Fixture *fixture)
{
  GtkWidget *presentation;
  int sx, sy;

  mw_test_press_key (GDK_KEY_F5, 0);
  g_assert_true (mw_test_wait_for (presentation_shown, fixture));
  presentation = mw_window_get_presentation (fixture->window);
  mw_test_spin (200);
  /* Over the title, where the pointer does not click. */
  mw_test_widget_to_screen (presentation, 200, 20, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  return MW_PRESENTATION (presentation);
}

/* Each key of presentation mode's table does what its action says. */
static void
test_keys_presentation (Fixture       *fixture,
                        gconstpointer  data)
{
  const MwPresentationKey *keys;
  MwPresentation *presentation;
  guint n, last;

  if (fixture->app == NULL)
    return;

  keys = mw_presentation_get_keys (&n);
  presentation = start_presentation (fixture);
  last = mw_presentation_get_n_slides (presentation) - 1;
  g_assert_cmpuint (last, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = gtk_accelerator_name (keys[i].keyval, 0);
      SlideState state = { presentation, keys[i].action };

      if (g_str_equal (keys[i].action, "presentation.leave"))
        continue;
      mw_presentation_set_slide (presentation, g_str_equal (keys[i].action, "presentation.last") ? 0 : 1);
      state.slide = mw_presentation_get_slide (presentation);
      state.step = mw_presentation_get_step (presentation);
      state.scores = mw_presentation_get_show_scores (presentation);
      state.dark = mw_presentation_get_dark (presentation);
      state.legend = mw_presentation_get_show_legend (presentation);
      state.builds = mw_presentation_get_builds (presentation);
      g_test_message ("pressing %s (%s)", name, keys[i].action);
      mw_test_press_key (keys[i].keyval, 0);
      if (!mw_test_wait_for_within (presentation_moved, &state, 1500))
        g_ptr_array_add (fixture->failures, g_strdup_printf ("%s (%s)", name, keys[i].action));
    }

  for (guint i = 0; i < n; i++)
    if (g_str_equal (keys[i].action, "presentation.leave"))
      {
        if (mw_window_get_presentation (fixture->window) == NULL)
          presentation = start_presentation (fixture);
        mw_test_press_key (keys[i].keyval, 0);
        if (!mw_test_wait_for_within (presentation_gone, fixture, 1500))
          g_ptr_array_add (fixture->failures, g_strdup_printf ("Escape (%s)", keys[i].action));
      }
  assert_no_failures (fixture);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/keys/presentation", Fixture, NULL, fixture_set_up, test_keys_presentation, fixture_tear_down);
  g_test_add ("/keys/accels", Fixture, NULL, fixture_set_up, test_keys_accels, fixture_tear_down);
  g_test_add ("/keys/help-overlay", Fixture, NULL, fixture_set_up, test_keys_help_overlay, fixture_tear_down);
  return g_test_run ();
}
