/* test-app-interpret.c: a network from another tool, interpreted in the app
 * through the bar and the Interpret dialog with the real pointer and keys
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "mw-actor-measures.h"
#include "mw-canvas.h"
#include "mw-interpret-dialog.h"
#include "mw-renderer.h"
#include "mw-interpret.h"
#include "mw-score-panel.h"
#include "mw-test-gtk.h"

typedef struct {
  MwApplication *app;
  MwWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "emon-flood.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  fixture->app = mw_test_application_new ();
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1024, 768);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_window_open_file (fixture->window, file);
  mw_test_wait_idle (fixture->window);
  mw_test_spin (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  mw_test_destroy_window (fixture->window);
  mw_test_run_pending ();
  g_clear_object (&fixture->app);
}

static void
click_widget (GtkWidget *widget)
{
  int sx, sy;

  g_assert_true (gtk_widget_get_mapped (widget));
  mw_test_widget_to_screen (widget, gtk_widget_get_width (widget) / 2.0,
                            gtk_widget_get_height (widget) / 2.0, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  mw_test_spin (150);
}

static gboolean
is_info_bar (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_INFO_BAR (widget);
}

static gboolean
is_interpret_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                                              "win.interpret") == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static MwInterpretDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (MW_IS_INTERPRET_DIALOG (item) && gtk_widget_get_mapped (GTK_WIDGET (item)))
        return MW_INTERPRET_DIALOG (item);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static GtkWidget *
dialog_row (MwInterpretDialog *dialog,
            const char        *title)
{
  GtkWidget *row = mw_test_find_widget (GTK_WIDGET (dialog), is_row_titled, title);

  g_assert_nonnull (row);
  return row;
}

/* Opens a combo row's list with the pointer, goes to its first entry and
 * @position entries down with the keys, then Return. */
static void
choose (MwInterpretDialog *dialog,
        const char        *title,
        guint              position)
{
  GtkWidget *row = dialog_row (dialog, title);

  click_widget (row);
  mw_test_spin (200);
  mw_test_press_key (GDK_KEY_Home, 0);
  for (guint i = 0; i < position; i++)
    mw_test_press_key (GDK_KEY_Down, 0);
  mw_test_press_key (GDK_KEY_Return, 0);
  mw_test_spin (150);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, position);
}

static void
type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    mw_test_press_key (gdk_unicode_to_keyval ((guchar) *p), 0);
}

static guint
count_ties (MwNetwork *network,
            MwTieType  type)
{
  guint n = 0;

  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    n += mw_network_get_tie (network, i)->type == type;
  return n;
}

static MwInterpretDialog *
open_dialog_from_bar (Fixture *fixture)
{
  GtkWidget *bar = mw_test_find_widget (GTK_WIDGET (fixture->window), is_info_bar, NULL);
  GtkWidget *button = mw_test_find_widget (bar, is_interpret_button, NULL);

  g_assert_true (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
  click_widget (button);
  g_assert_true (mw_test_wait_for_within (dialog_shown, NULL, 3000));
  mw_test_spin (200);
  return find_dialog ();
}

/* The EMON-style network as organisations that collaborate, each its own
 * organisation: the preview counts it, Apply is one step, Ctrl+Z undoes it. */
/* The score panel says when the scores rest on guessed tie types. */
static gboolean
panel_says_guessed (gpointer data)
{
  Fixture *fixture = data;
  const char *basis = mw_score_panel_get_index_basis_text (MW_SCORE_PANEL (mw_window_get_score_panel (fixture->window)));

  return basis != NULL && strstr (basis, "guessed") != NULL;
}

static gboolean
panel_not_guessed (gpointer data)
{
  return !panel_says_guessed (data);
}

static void
test_interpret_bar_and_dialog (Fixture       *fixture,
                               gconstpointer  data)
{
  MwNetwork *network = mw_test_network_of (fixture->window);
  MwHistory *history = mw_test_history_of (fixture->window);
  GtkWidget *bar = mw_test_find_widget (GTK_WIDGET (fixture->window), is_info_bar, NULL);
  guint n_steps = mw_history_get_n_steps (history);
  MwInterpretDialog *dialog;
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;

  g_assert_true (mw_interpret_is_guessed (network));
  g_assert_true (mw_test_wait_for (panel_says_guessed, fixture));
  dialog = open_dialog_from_bar (fixture);
  g_assert_nonnull (strstr (mw_interpret_dialog_get_preview_text (dialog), "186 × influences"));

  choose (dialog, "_Ties Are", MW_TIE_COLLABORATES);
  choose (dialog, "Actors _Are", MW_ACTOR_ORGANISATION);
  choose (dialog, "_Organisation", 2);         /* each actor is one */
  /* 28 pairs reported both ways: one collaboration each */
  g_assert_nonnull (strstr (mw_interpret_dialog_get_preview_text (dialog), "158 × collaborates"));
  g_assert_nonnull (strstr (mw_interpret_dialog_get_preview_text (dialog), "28 ties one way and back"));
  g_assert_nonnull (strstr (mw_interpret_dialog_get_preview_text (dialog), "25 × organisation"));
  g_assert_nonnull (strstr (mw_interpret_dialog_get_preview_text (dialog), "Organisations: 25"));
  /* nothing changes before Apply */
  g_assert_cmpuint (count_ties (network, MW_TIE_INFLUENCES), ==, 186);

  click_widget (mw_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Apply"));
  g_assert_true (mw_test_wait_for_within (dialog_gone, NULL, 3000));
  g_assert_cmpuint (count_ties (network, MW_TIE_COLLABORATES), ==, 158);
  g_assert_cmpuint (mw_network_lookup_actor (network, "fire")->kind, ==, MW_ACTOR_ORGANISATION);
  g_assert_cmpstr (mw_network_lookup_actor (network, "fire")->org, ==, "City Fire Department");
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, n_steps + 1);
  g_assert_false (gtk_info_bar_get_revealed (GTK_INFO_BAR (bar)));
  g_assert_true (mw_test_wait_for (panel_not_guessed, fixture));

  /* one Ctrl+Z takes the whole interpretation back */
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_widget_to_screen (GTK_WIDGET (mw_window_get_canvas (fixture->window)), 20, 20, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  gtk_widget_grab_focus (GTK_WIDGET (mw_window_get_canvas (fixture->window)));
  mw_test_spin (100);
  mw_test_press_key (GDK_KEY_z, GDK_CONTROL_MASK);
  mw_test_spin (200);
  g_assert_cmpuint (count_ties (network, MW_TIE_INFLUENCES), ==, 186);
  g_assert_cmpuint (mw_network_lookup_actor (network, "fire")->kind, ==, MW_ACTOR_PERSON);
}

/* Tie types from an attribute whose values are no type: the dialog lists
 * them and Apply waits until a mapping typed in covers them. */
static void
test_interpret_unmapped (Fixture       *fixture,
                         gconstpointer  data)
{
  MwNetwork *network = mw_test_network_of (fixture->window);
  MwInterpretDialog *dialog;
  GtkWidget *apply;
  const char *text;

  if (!mw_test_has_xtest ())
    return;

  dialog = open_dialog_from_bar (fixture);
  apply = mw_test_find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Apply");
  choose (dialog, "_Ties Are", MW_N_TIE_TYPES);   /* from an attribute */
  text = mw_interpret_dialog_get_preview_text (dialog);
  g_assert_nonnull (strstr (text, "“frequent”, “occasional”, “rare”"));
  g_assert_false (gtk_widget_get_sensitive (apply));

  click_widget (dialog_row (dialog, "Values (VALUE=TYPE, …)"));
  type_text ("frequent=peer,*=advice");
  mw_test_spin (100);
  g_assert_true (gtk_widget_get_sensitive (apply));
  g_assert_null (strstr (mw_interpret_dialog_get_preview_text (dialog), "“frequent”"));
  g_assert_cmpuint (count_ties (network, MW_TIE_INFLUENCES), ==, 186);

  click_widget (apply);
  g_assert_true (mw_test_wait_for_within (dialog_gone, NULL, 3000));
  g_assert_cmpuint (count_ties (network, MW_TIE_COLLABORATES), >, 0);
  g_assert_cmpuint (count_ties (network, MW_TIE_COLLABORATES) + count_ties (network, MW_TIE_INFLUENCES), ==,
                    mw_network_get_n_ties (network));
  g_assert_cmpuint (mw_network_get_n_ties (network), <, 186);
}

static gboolean
has_one_selected (gpointer data)
{
  g_autoptr(GPtrArray) selected = mw_canvas_get_selected_actors (data);

  return selected->len == 1;
}

/* A click on an actor, Alt+Return: the inspector shows its measures, the
 * same as meshwork-cli table computes. */
static void
test_measures_in_inspector (Fixture       *fixture,
                            gconstpointer  data)
{
  MwCanvas *canvas = mw_window_get_canvas (fixture->window);
  MwNetwork *network = mw_test_network_of (fixture->window);
  MwActor *sheriff = mw_network_lookup_actor (network, "sheriff");
  g_autoptr(MwActorMeasures) measures = mw_actor_measures_compute (network, 0);
  g_autofree char *expected = g_strdup_printf ("%.4f", mw_actor_measures_betweenness (measures, sheriff->index));
  GtkWidget *row;
  double mx, my, x, y;
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;

  mw_renderer_get_actor_position (mw_canvas_get_renderer (canvas), sheriff, &mx, &my);
  mw_canvas_model_to_widget (canvas, mx, my, &x, &y);
  mw_test_widget_to_screen (GTK_WIDGET (canvas), x, y, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  g_assert_true (mw_test_wait_for_within (has_one_selected, canvas, 3000));
  mw_test_press_key (GDK_KEY_Return, GDK_ALT_MASK);
  mw_test_spin (200);

  row = mw_test_find_widget (GTK_WIDGET (fixture->window), is_row_titled, "Betweenness");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app/interpret/bar-and-dialog", Fixture, NULL,
              fixture_set_up, test_interpret_bar_and_dialog, fixture_tear_down);
  g_test_add ("/app/interpret/unmapped", Fixture, NULL,
              fixture_set_up, test_interpret_unmapped, fixture_tear_down);

  g_test_add ("/app/interpret/measures-in-inspector", Fixture, NULL,
              fixture_set_up, test_measures_in_inspector, fixture_tear_down);

  return g_test_run ();
}
