/* test-app-a11y.c: the network without a mouse, and what a screen reader hears
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keys come from the X server through XTest (Xvfb), as a keyboard user's
 * do; the pointer only rests on the header bar, because without a window
 * manager the X server sends the keys to the window under it. After each
 * key the canvas's accessible description (what a screen reader reads on
 * the focused canvas) must say what happened. The names test walks the
 * accessible tree over the AT-SPI bus with tests/a11y-names.py.
 */

#include <adwaita.h>

#include "mw-import-dialog.h"
#include "mw-interpret-dialog.h"
#include "mw-series.h"
#include "mw-test-core.h"
#include "mw-test-gtk.h"
#include "mw-timeline-view.h"
#include "mw-window.h"

typedef struct
{
  MwApplication *app;
  MwWindow      *window;
  MwCanvas      *canvas;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *header;
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;

  fixture->app = mw_test_application_new ();
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  fixture->canvas = mw_window_get_canvas (fixture->window);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  mw_window_open_example (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_wait_idle (fixture->window);
  mw_test_spin (400);

  header = gtk_widget_get_first_child (GTK_WIDGET (fixture->window));
  mw_test_widget_to_screen (header, 3, 3, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window == NULL)
    return;

  /* libadwaita 1.2's entry rows animate their title when focus leaves. */
  mw_test_spin (400);
  mw_test_destroy_window (fixture->window);
  g_clear_object (&fixture->app);
}

static GtkWidget *
focus_of (Fixture *fixture)
{
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

static void
press (guint           keyval,
       GdkModifierType mods)
{
  mw_test_press_key (keyval, mods);
  mw_test_spin (60);
}

static gboolean
canvas_focused (gpointer data)
{
  Fixture *fixture = data;

  return focus_of (fixture) == GTK_WIDGET (fixture->canvas);
}

/* F6 goes from pane to pane until the network has the focus. */
static void
focus_canvas_by_f6 (Fixture *fixture)
{
  for (guint i = 0; i < 4 && !canvas_focused (fixture); i++)
    press (GDK_KEY_F6, 0);
  g_assert_true (canvas_focused (fixture));
}

static guint
n_selected_actors (Fixture *fixture)
{
  g_autoptr(GPtrArray) actors = mw_canvas_get_selected_actors (fixture->canvas);

  return actors->len;
}

static MwTie *
selected_tie (Fixture *fixture)
{
  g_autoptr(GPtrArray) ties = mw_canvas_get_selected_ties (fixture->canvas);

  return ties->len == 1 ? g_ptr_array_index (ties, 0) : NULL;
}

static void
assert_description_has (Fixture    *fixture,
                        const char *text)
{
  const char *description = mw_canvas_get_description (fixture->canvas);

  if (description == NULL || strstr (description, text) == NULL)
    g_error ("the canvas says “%s”, not “%s”", description, text);
}

/* The arrow that moves the focus ring away from @from, whichever way the
 * network leaves room. */
static MwActor *
focus_another (Fixture *fixture,
               MwActor *from)
{
  const guint arrows[] = { GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_Left, GDK_KEY_Up };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      press (arrows[i], 0);
      if (mw_canvas_get_focus_actor (fixture->canvas) != from)
        return mw_canvas_get_focus_actor (fixture->canvas);
    }
  g_assert_not_reached ();
}

static gboolean
tied (MwNetwork *network,
      MwActor   *from,
      MwActor   *to)
{
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (tie->from == from && tie->to == to)
        return TRUE;
    }
  return FALSE;
}

/* The keyboard model: arrows move the focus ring and nothing else, Space
 * and Ctrl+Space choose, Ctrl+L ties, T steps through ties, Alt+arrows
 * move, Tab leaves; the description follows every step. */
static void
test_a11y_keyboard_model (Fixture       *fixture,
                          gconstpointer  data)
{
  MwNetwork *network;
  MwActor *first, *second;
  g_autofree char *before = NULL;
  guint n_ties;
  double x, y;

  if (fixture->window == NULL)
    return;

  network = mw_test_network_of (fixture->window);
  focus_canvas_by_f6 (fixture);
  assert_description_has (fixture, "Arrow keys");

  press (GDK_KEY_Right, 0);
  first = mw_canvas_get_focus_actor (fixture->canvas);
  g_assert_nonnull (first);
  g_assert_cmpuint (n_selected_actors (fixture), ==, 0);
  assert_description_has (fixture, first->label);

  press (GDK_KEY_space, 0);
  g_assert_cmpuint (n_selected_actors (fixture), ==, 1);

  /* Arrows only explore: nobody moves. */
  x = first->x, y = first->y;
  second = focus_another (fixture, first);
  g_assert_cmpfloat (first->x, ==, x);
  g_assert_cmpfloat (first->y, ==, y);
  assert_description_has (fixture, second->label);

  press (GDK_KEY_space, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_selected_actors (fixture), ==, 2);
  assert_description_has (fixture, "2 actors selected");
  press (GDK_KEY_space, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_selected_actors (fixture), ==, 1);
  press (GDK_KEY_space, GDK_CONTROL_MASK);

  /* Ctrl+L: the actor chosen first to the other. */
  n_ties = mw_network_get_n_ties (network);
  before = g_strdup (mw_canvas_get_description (fixture->canvas));
  press (GDK_KEY_l, GDK_CONTROL_MASK);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties + 1);
  g_assert_true (tied (network, first, second));
  /* The focused actor has one tie more, and says so. */
  g_assert_cmpstr (mw_canvas_get_description (fixture->canvas), !=, before);

  /* T: the focused actor's ties, one by one, each selected. */
  press (GDK_KEY_t, 0);
  g_assert_nonnull (selected_tie (fixture));
  g_assert_cmpuint (n_selected_actors (fixture), ==, 0);
  g_assert_true (selected_tie (fixture)->from == second || selected_tie (fixture)->to == second);
  assert_description_has (fixture, "Tie: ");

  /* Alt+arrows move the selection, Alt+Shift further. */
  press (GDK_KEY_space, 0);
  x = second->x, y = second->y;
  press (GDK_KEY_Right, GDK_ALT_MASK);
  g_assert_cmpfloat (second->x, ==, x + 10);
  press (GDK_KEY_Down, GDK_ALT_MASK | GDK_SHIFT_MASK);
  g_assert_cmpfloat (second->y, ==, y + 50);

  /* Tab moves on to the next control. */
  press (GDK_KEY_Tab, 0);
  g_assert_false (canvas_focused (fixture));
}

/* Ctrl+A then Ctrl+L ties the focused actor to everyone else, once each,
 * in one step. */
static void
test_a11y_tie_all (Fixture       *fixture,
                   gconstpointer  data)
{
  MwNetwork *network;
  MwHistory *history;
  MwActor *focus;
  guint n_ties, n_steps, n;

  if (fixture->window == NULL)
    return;

  network = mw_test_network_of (fixture->window);
  history = mw_test_history_of (fixture->window);
  focus_canvas_by_f6 (fixture);
  press (GDK_KEY_Down, 0);
  focus = mw_canvas_get_focus_actor (fixture->canvas);
  n_ties = mw_network_get_n_ties (network);
  n_steps = mw_history_get_n_steps (history);
  n = mw_network_get_n_actors (network);

  press (GDK_KEY_a, GDK_CONTROL_MASK);
  assert_description_has (fixture, "18 actors selected");
  press (GDK_KEY_l, GDK_CONTROL_MASK);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties + n - 1);
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, n_steps + 1);
  for (guint i = 0; i < n; i++)
    if (mw_network_get_actor (network, i) != focus)
      g_assert_true (tied (network, focus, mw_network_get_actor (network, i)));

  press (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties);
}

static gboolean
text_focused (gpointer data)
{
  Fixture *fixture = data;

  return GTK_IS_TEXT (focus_of (fixture));
}

/* The focused actor's details, by keys only: Space selects it, Alt+Return
 * brings the inspector with the focus in its first field (the Name). */
static GtkWidget *
edit_details_by_keys (Fixture *fixture)
{
  focus_canvas_by_f6 (fixture);
  press (GDK_KEY_Right, 0);
  press (GDK_KEY_space, 0);
  g_assert_cmpuint (n_selected_actors (fixture), ==, 1);
  press (GDK_KEY_Return, GDK_ALT_MASK);
  g_assert_true (mw_test_wait_for (text_focused, fixture));
  return focus_of (fixture);
}

/* While a text field has the focus, Ctrl+A selects its text, not every
 * actor (it did: the window's accelerators came first), and Ctrl+Z undoes
 * typing, not the network. */
static void
test_a11y_text_keys (Fixture       *fixture,
                     gconstpointer  data)
{
  MwHistory *history;
  GtkWidget *text;
  guint n_steps;
  int start, end;

  if (fixture->window == NULL)
    return;

  history = mw_test_history_of (fixture->window);
  text = edit_details_by_keys (fixture);
  n_steps = mw_history_get_n_steps (history);
  gtk_editable_select_region (GTK_EDITABLE (text), 0, 0);

  press (GDK_KEY_a, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_selected_actors (fixture), ==, 1);
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (text), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (text)), -1));

  press (GDK_KEY_Q, GDK_SHIFT_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "Q");
  press (GDK_KEY_z, GDK_CONTROL_MASK);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), !=, "Q");
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, n_steps);
  g_assert_true (focus_of (fixture) == text);
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

/* Tab leaves the Notes field (it inserted tab characters). */
static void
test_a11y_notes_tab (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *notes;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (fixture->window == NULL)
    return;

  edit_details_by_keys (fixture);
  notes = mw_test_find_widget (mw_window_get_inspector (fixture->window), is_text_view, NULL);
  g_assert_nonnull (notes);
  for (guint i = 0; i < 12 && focus_of (fixture) != notes; i++)
    press (GDK_KEY_Tab, 0);
  g_assert_true (focus_of (fixture) == notes);

  press (GDK_KEY_Tab, 0);
  g_assert_false (focus_of (fixture) == notes);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_null (strchr (text, '\t'));
}

/* What tests/a11y-names.py finds wrong in the window as it is now, over
 * the AT-SPI bus; the main loop runs meanwhile, so the app answers. */
static char *
run_walker (const char *mode)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "a11y-names.py", NULL);
  g_autofree char *pid = g_strdup_printf ("%d", (int)getpid ());
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) walker = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  char *out = NULL;

  walker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             g_getenv ("MESHWORK_PYTHON"), script, pid, "10", mode, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (walker, NULL, NULL, mw_test_store_result_cb, &result);
  mw_test_wait_result (&result);
  g_subprocess_communicate_utf8_finish (walker, result, &out, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (walker) == 2)
    g_error ("the AT-SPI bus does not show the app: %s", out);
  return out;
}

static char *
unnamed_controls (void)
{
  return run_walker (NULL);
}

/* "ROLE\tNAME" of what the AT-SPI bus says has the focus, one a line. */
static char *
focused_objects (void)
{
  return run_walker ("--focused");
}

static void
check_names (Fixture    *fixture,
             GString    *failures,
             const char *state)
{
  g_autofree char *found = NULL;

  mw_test_spin (300);
  found = unnamed_controls ();
  if (found != NULL && *found != '\0')
    g_string_append_printf (failures, "%s:\n%s", state, found);
}

static gboolean
export_dialog_open (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *dialog = GTK_WIDGET (mw_window_get_export_dialog (fixture->window));

  return dialog != NULL && gtk_widget_get_mapped (dialog);
}

typedef struct
{
  GType type;
} WindowOfType;

static GtkWindow *
find_window_of_type (GType type)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static gboolean
window_of_type_open (gpointer data)
{
  WindowOfType *wanted = data;

  return find_window_of_type (wanted->type) != NULL;
}

/* Opens a window of @type with @keyval and @modifiers, checks the names
 * in it (the walker reads every window of the app) and closes it. */
static void
check_names_in_window (Fixture    *fixture,
                       GString    *failures,
                       guint       keyval,
                       guint       modifiers,
                       GType       type,
                       const char *state)
{
  WindowOfType wanted = { type };

  /* Closing the last dialog left no window with the keyboard focus. */
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (300);
  press (keyval, modifiers);
  g_assert_true (mw_test_wait_for (window_of_type_open, &wanted));
  check_names (fixture, failures, state);
  gtk_window_close (find_window_of_type (type));
  mw_test_spin (200);
}

/* Every control on screen has one clean name: with the scores, with the
 * Selection page empty, with an actor's details, with a tie's, and in the
 * export dialog. */
static void
test_a11y_names (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  if (fixture->window == NULL)
    return;
  if (g_getenv ("MESHWORK_PYTHON") == NULL)
    {
      g_test_skip ("needs the AT-SPI bus: test-app-a11y-names runs this");
      return;
    }

  check_names (fixture, failures, "the example with its scores");
  focus_canvas_by_f6 (fixture);
  press (GDK_KEY_Return, GDK_ALT_MASK);
  check_names (fixture, failures, "the Selection page with nothing selected");
  edit_details_by_keys (fixture);
  check_names (fixture, failures, "an actor's details");
  /* The Name field a user typed into is what a screen reader says has the
   * focus (AdwEntryRow's field told it nothing on GTK 4.8). */
  {
    g_autofree char *focused = focused_objects ();
    g_assert_cmpstr (focused, ==, "text\tName\n");
  }
  focus_canvas_by_f6 (fixture);
  press (GDK_KEY_t, 0);
  g_assert_nonnull (selected_tie (fixture));
  check_names (fixture, failures, "a tie's details");
  /* A dialog of the app's own: its buttons have mnemonics. */
  press (GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  g_assert_true (mw_test_wait_for (export_dialog_open, fixture));
  check_names (fixture, failures, "the export dialog");
  gtk_window_close (GTK_WINDOW (mw_window_get_export_dialog (fixture->window)));
  if (failures->len > 0)
    g_error ("controls without a clean name:\n%s", failures->str);
}

/* The same in the toolkit's windows and bars the app shows: the
 * preferences, the keyboard shortcuts, the find bar and the data table. */
static void
test_a11y_names_dialogs (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  if (fixture->window == NULL)
    return;
  if (g_getenv ("MESHWORK_PYTHON") == NULL)
    {
      g_test_skip ("needs the AT-SPI bus: test-app-a11y-names-dialogs runs this");
      return;
    }

  check_names_in_window (fixture, failures, GDK_KEY_comma, GDK_CONTROL_MASK,
                         ADW_TYPE_PREFERENCES_WINDOW, "the preferences");
  check_names_in_window (fixture, failures, GDK_KEY_question, GDK_CONTROL_MASK,
                         GTK_TYPE_SHORTCUTS_WINDOW, "the keyboard shortcuts");
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (300);
  press (GDK_KEY_f, GDK_CONTROL_MASK);
  check_names (fixture, failures, "the find bar");
  press (GDK_KEY_Escape, 0);
  press (GDK_KEY_t, GDK_CONTROL_MASK);
  check_names (fixture, failures, "the data table");
  if (failures->len > 0)
    g_error ("controls without a clean name:\n%s", failures->str);
}

static gboolean
window_comparing (gpointer data)
{
  return mw_window_get_comparing (data);
}

static gboolean
import_ready (gpointer data)
{
  return !mw_import_dialog_is_busy (data);
}

static gboolean
timeline_loaded (gpointer data)
{
  return mw_timeline_view_get_loaded (data);
}

/* A series of the example and its later state, saved beside a copy. */
static GFile *
write_series (const char *dir)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "meshwork-example.gv", NULL);
  g_autofree char *later = g_test_build_filename (G_TEST_DIST, "data", "meshwork-example-later.gv", NULL);
  g_autofree char *path = g_build_filename (dir, "organisation.mwseries", NULL);
  g_autoptr(MwSeries) series = mw_series_new ();
  g_autoptr(GError) error = NULL;

  mw_series_add (series, example, "2026-01-31", "January");
  mw_series_add (series, later, "2026-06-30", "June");
  g_assert_true (mw_series_save (series, path, &error));
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* The same in the views issue 21 and the real-data work added: the compare
 * view with Play Change, the Interpret dialog, the CSV import dialog and a
 * series' timeline. */
static void
test_a11y_names_views (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree char *later = g_test_build_filename (G_TEST_DIST, "data", "meshwork-example-later.gv", NULL);
  g_autoptr(GFile) later_file = g_file_new_for_path (later);
  g_autofree char *dir = NULL;
  g_autoptr(GFile) series = NULL;
  GtkWidget *interpret;
  MwTimelineView *timeline;
  WindowOfType wanted = { MW_TYPE_INTERPRET_DIALOG };

  if (fixture->window == NULL)
    return;
  if (g_getenv ("MESHWORK_PYTHON") == NULL)
    {
      g_test_skip ("needs the AT-SPI bus: test-app-a11y-names-views runs this");
      return;
    }

  mw_window_compare_with_file (fixture->window, later_file);
  g_assert_true (mw_test_wait_for (window_comparing, fixture->window));
  check_names (fixture, failures, "the compare view");
  press (GDK_KEY_Escape, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.interpret", NULL));
  g_assert_true (mw_test_wait_for (window_of_type_open, &wanted));
  check_names (fixture, failures, "the Interpret dialog");
  interpret = GTK_WIDGET (find_window_of_type (MW_TYPE_INTERPRET_DIALOG));
  gtk_window_close (GTK_WINDOW (interpret));
  mw_test_spin (200);

  {
    g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "csv", "excel-people.csv", NULL);
    g_autoptr(GFile) csv_file = g_file_new_for_path (csv);
    GtkWidget *import = mw_window_import_file (fixture->window, csv_file);

    g_assert_true (mw_test_wait_for (import_ready, import));
    check_names (fixture, failures, "the import dialog");
    gtk_window_close (GTK_WINDOW (import));
    mw_test_spin (200);
  }

  dir = mw_test_make_dir ("test-app-a11y-series");
  series = write_series (dir);
  timeline = mw_timeline_view_new (GTK_APPLICATION (fixture->app), series);
  gtk_window_present (GTK_WINDOW (timeline));
  g_assert_true (mw_test_wait_for (timeline_loaded, timeline));
  check_names (fixture, failures, "a series' timeline");
  gtk_window_destroy (GTK_WINDOW (timeline));
  mw_test_remove_tree (dir);

  if (failures->len > 0)
    g_error ("controls without a clean name:\n%s", failures->str);
}

static gboolean
announces_index (gpointer data)
{
  Fixture *fixture = data;
  const char *description = mw_canvas_get_description (fixture->canvas);

  return description != NULL && strstr (description, "Index ") != NULL;
}

static gboolean
presenting (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *presentation = mw_window_get_presentation (fixture->window);

  return presentation != NULL && gtk_widget_get_mapped (presentation);
}

static gboolean
not_presenting (gpointer data)
{
  Fixture *fixture = data;

  return mw_window_get_presentation (fixture->window) == NULL;
}

static void
type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    press (gdk_unicode_to_keyval ((guchar)*p), g_ascii_isupper (*p) ? GDK_SHIFT_MASK : 0);
}

/* A keyboard user's session, without one pointer event: choose two actors,
 * tie them, select the tie, change its type, rename an actor, present and
 * leave. The score change after the edit reaches the canvas's description. */
static void
test_a11y_keyboard_only (Fixture       *fixture,
                         gconstpointer  data)
{
  MwNetwork *network;
  MwActor *first, *second;
  MwTie *tie;
  MwTieType type;
  g_autofree char *tie_id = NULL;

  if (fixture->window == NULL)
    return;

  network = mw_test_network_of (fixture->window);
  focus_canvas_by_f6 (fixture);
  press (GDK_KEY_Left, 0);
  first = mw_canvas_get_focus_actor (fixture->canvas);
  press (GDK_KEY_space, 0);
  second = focus_another (fixture, first);
  press (GDK_KEY_space, GDK_CONTROL_MASK);
  g_assert_cmpuint (n_selected_actors (fixture), ==, 2);

  press (GDK_KEY_l, GDK_CONTROL_MASK);
  tie = mw_network_get_tie (network, mw_network_get_n_ties (network) - 1);
  g_assert_true (tie->from == first && tie->to == second);
  tie_id = g_strdup (tie->id);
  type = tie->type;
  g_assert_true (mw_test_wait_for (announces_index, fixture));

  /* T until the new tie is the one selected. */
  for (guint i = 0; i < 12 && selected_tie (fixture) != tie; i++)
    press (GDK_KEY_t, 0);
  g_assert_true (selected_tie (fixture) == tie);
  assert_description_has (fixture, "Tie: ");

  /* Its details: the Type row has the focus; Space opens its list (on
   * its first item or the chosen one), Down twice and Return choose
   * another type either way. */
  press (GDK_KEY_Return, GDK_ALT_MASK);
  mw_test_spin (200);
  press (GDK_KEY_space, 0);
  mw_test_spin (300);
  press (GDK_KEY_Down, 0);
  press (GDK_KEY_Down, 0);
  press (GDK_KEY_Return, 0);
  mw_test_spin (200);
  tie = mw_network_lookup_tie (network, tie_id);
  g_assert_nonnull (tie);
  g_assert_cmpint (tie->type, !=, type);

  /* Back on the network: rename the focused actor. */
  focus_canvas_by_f6 (fixture);
  press (GDK_KEY_space, 0);
  press (GDK_KEY_F2, 0);
  mw_test_spin (200);
  press (GDK_KEY_a, GDK_CONTROL_MASK);
  type_text ("Zed");
  press (GDK_KEY_Return, 0);
  mw_test_spin (100);
  g_assert_cmpstr (second->label, ==, "Zed");
  assert_description_has (fixture, "Zed");

  press (GDK_KEY_F5, 0);
  g_assert_true (mw_test_wait_for (presenting, fixture));
  mw_test_spin (200);
  press (GDK_KEY_Escape, 0);
  g_assert_true (mw_test_wait_for (not_presenting, fixture));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/a11y/keyboard-model", Fixture, NULL, fixture_set_up, test_a11y_keyboard_model, fixture_tear_down);
  g_test_add ("/a11y/tie-all", Fixture, NULL, fixture_set_up, test_a11y_tie_all, fixture_tear_down);
  g_test_add ("/a11y/text-keys", Fixture, NULL, fixture_set_up, test_a11y_text_keys, fixture_tear_down);
  g_test_add ("/a11y/notes-tab", Fixture, NULL, fixture_set_up, test_a11y_notes_tab, fixture_tear_down);
  g_test_add ("/a11y/keyboard-only", Fixture, NULL, fixture_set_up, test_a11y_keyboard_only, fixture_tear_down);
  g_test_add ("/a11y/names", Fixture, NULL, fixture_set_up, test_a11y_names, fixture_tear_down);
  g_test_add ("/a11y/names-dialogs", Fixture, NULL, fixture_set_up, test_a11y_names_dialogs, fixture_tear_down);
  g_test_add ("/a11y/names-views", Fixture, NULL, fixture_set_up, test_a11y_names_views, fixture_tear_down);
  return g_test_run ();
}
