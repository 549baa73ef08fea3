/* test-app-presentation.c: presentation mode's slides and keys (under Xvfb)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "mw-application.h"
#include "mw-format.h"
#include "mw-templates.h"
#include "mw-presentation.h"
#include "mw-presentation-slides.h"
#include "mw-scores.h"
#include "mw-start-page.h"
#include "mw-test-core.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

static MwPresentation *
start (MwWindow *window)
{
  GtkWidget *presentation;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  mw_test_run_pending ();
  presentation = mw_window_get_presentation (window);
  g_assert_nonnull (presentation);
  return MW_PRESENTATION (presentation);
}

/* The four contexts in the research's order, then the open network. */
static void
test_presentation_order (void)
{
  MwWindow *window = mw_window_new (NULL);
  g_autofree char *title = NULL;
  MwPresentation *presentation;
  guint n_contexts = 0;

  /* command-and-control and undetermined are answers, not contexts with a diagram */
  while (n_contexts < MW_N_SCORE_CONTEXTS && mw_template_lookup (mw_score_context_to_string (n_contexts)) != NULL)
    n_contexts++;
  g_assert_cmpuint (n_contexts, ==, 4);

  mw_window_open_example (window);
  mw_test_run_pending ();
  title = mw_document_dup_title (mw_window_get_document (window));
  presentation = start (window);

  g_assert_cmpuint (mw_presentation_get_n_slides (presentation), ==, n_contexts + 1);
  for (guint i = 0; i < n_contexts; i++)
    {
      const MwTemplate *context = mw_template_lookup (mw_score_context_to_string (i));
      g_assert_cmpstr (mw_presentation_get_slide_title (presentation, i), ==, context->title);
    }
  g_assert_cmpstr (mw_presentation_get_slide_title (presentation, n_contexts), ==, title);

  /* The very networks New makes from the start page's cards. */
  for (guint i = 0; i < n_contexts; i++)
    {
      g_autoptr(MwNetwork) made = mw_template_build (mw_score_context_to_string (i), MW_TEMPLATE_DEFAULT_SIZE,
                                                     MW_START_SEED, NULL);
      MwSlide *slide = mw_presentation_get_slide_at (presentation, i);

      mw_test_assert_networks_equal (mw_slide_get_network (slide), made);
      g_assert_true (mw_slide_get_builds (slide));
    }
  g_assert_cmpuint (mw_presentation_get_slide (presentation), ==, 0);

  gtk_window_destroy (GTK_WINDOW (presentation));
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

typedef struct
{
  MwApplication *app;
  MwWindow      *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;
  fixture->app = mw_test_application_new ();
  fixture->window = mw_window_new (GTK_APPLICATION (fixture->app));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 640);
  mw_window_open_example (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  mw_test_spin (300);
  mw_test_wait_idle (fixture->window);
  /* Keys go to the window under the pointer. */
  mw_test_widget_to_screen (GTK_WIDGET (mw_window_get_canvas (fixture->window)), 40, 40, &sx, &sy);
  mw_test_pointer_move (sx, sy);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->app == NULL)
    return;
  if (mw_window_get_presentation (fixture->window) != NULL)
    gtk_window_destroy (GTK_WINDOW (mw_window_get_presentation (fixture->window)));
  mw_test_destroy_window (fixture->window);
  mw_test_run_pending ();
  g_clear_object (&fixture->app);
}

static gboolean
presentation_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *presentation = mw_window_get_presentation (fixture->window);

  return presentation != NULL && gtk_widget_get_mapped (presentation);
}

static MwPresentation *
press_start (Fixture *fixture)
{
  GtkWidget *presentation;
  int sx, sy;

  mw_test_press_key (GDK_KEY_F5, 0);
  g_assert_true (mw_test_wait_for (presentation_shown, fixture));
  presentation = mw_window_get_presentation (fixture->window);
  mw_test_spin (200);
  mw_test_widget_to_screen (presentation, 200, 20, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  return MW_PRESENTATION (presentation);
}

typedef struct
{
  MwPresentation *presentation;
  guint           slide;
  guint           step;
} Position;

static gboolean
at_position (gpointer data)
{
  Position *want = data;

  return mw_presentation_get_slide (want->presentation) == want->slide &&
         mw_presentation_get_step (want->presentation) == want->step;
}

/* Presses @keyval and waits for the presentation to show slide @slide at
 * build step @step. */
static void
press_to (MwPresentation *presentation,
          guint           keyval,
          guint           slide,
          guint           step)
{
  Position want = { presentation, slide, step };

  g_test_message ("pressing %s", gdk_keyval_name (keyval));
  mw_test_press_key (keyval, 0);
  if (!mw_test_wait_for_within (at_position, &want, 1500))
    g_error ("%s: at slide %u step %u, not slide %u step %u", gdk_keyval_name (keyval),
             mw_presentation_get_slide (presentation), mw_presentation_get_step (presentation), slide, step);
}

typedef struct
{
  gboolean (*get) (MwPresentation *presentation);
  MwPresentation *presentation;
  gboolean        before;
} Toggle;

static gboolean
toggled (gpointer data)
{
  Toggle *toggle = data;

  return toggle->get (toggle->presentation) != toggle->before;
}

static void
press_toggles (MwPresentation *presentation,
               guint           keyval,
               gboolean      (*get) (MwPresentation *presentation))
{
  Toggle toggle = { get, presentation, get (presentation) };

  mw_test_press_key (keyval, 0);
  g_assert_true (mw_test_wait_for_within (toggled, &toggle, 1500));
}

/* Right, Space, Down and Page Down go through the build steps and then
 * on; Left and Page Up back; Home and End jump; S, L and B toggle. */
static void
test_presentation_keys (Fixture       *fixture,
                        gconstpointer  data)
{
  MwPresentation *presentation;
  guint last, steps;

  if (fixture->app == NULL)
    {
      g_test_skip ("no XTest");
      return;
    }
  presentation = press_start (fixture);
  last = mw_presentation_get_n_slides (presentation) - 1;
  steps = mw_slide_get_n_steps (mw_presentation_get_slide_at (presentation, 0));
  g_assert_cmpuint (steps, ==, MW_N_BUILD_STEPS);
  g_assert_cmpuint (mw_presentation_get_slide (presentation), ==, 0);
  g_assert_cmpuint (mw_presentation_get_step (presentation), ==, 0);

  press_to (presentation, GDK_KEY_Right, 0, 1);
  press_to (presentation, GDK_KEY_space, 0, 2);
  press_to (presentation, GDK_KEY_Down, 0, 3);
  press_to (presentation, GDK_KEY_Page_Down, 0, 4);
  press_to (presentation, GDK_KEY_Right, 1, 0);
  press_to (presentation, GDK_KEY_Left, 0, steps - 1);
  press_to (presentation, GDK_KEY_Page_Up, 0, steps - 2);
  press_to (presentation, GDK_KEY_End, last, mw_slide_get_n_steps (mw_presentation_get_slide_at (presentation, last)) - 1);
  press_to (presentation, GDK_KEY_Right, last, mw_presentation_get_step (presentation));
  press_to (presentation, GDK_KEY_Home, 0, 0);
  press_to (presentation, GDK_KEY_Left, 0, 0);

  press_toggles (presentation, GDK_KEY_s, mw_presentation_get_show_scores);
  press_toggles (presentation, GDK_KEY_l, mw_presentation_get_show_legend);
  g_assert_false (mw_presentation_get_show_legend (presentation));
  press_toggles (presentation, GDK_KEY_b, mw_presentation_get_builds);
  /* Without builds, a slide is one step. */
  press_to (presentation, GDK_KEY_Right, 1, 0);
  press_to (presentation, GDK_KEY_Left, 0, 0);
  press_toggles (presentation, GDK_KEY_b, mw_presentation_get_builds);
  press_toggles (presentation, GDK_KEY_l, mw_presentation_get_show_legend);
  press_toggles (presentation, GDK_KEY_s, mw_presentation_get_show_scores);

  mw_test_press_key (GDK_KEY_Escape, 0);
  mw_test_run_pending ();
  mw_test_spin (100);
  g_assert_null (mw_window_get_presentation (fixture->window));
}

static gboolean
has_kept_slide (gpointer data)
{
  Fixture *fixture = data;

  return g_hash_table_contains (mw_network_get_attrs (mw_test_network_of (fixture->window)), MW_SLIDES_ATTR);
}

/* Add View to Presentation keeps the view in the file: after a save and a
 * load the slide is back, and the presentation shows it after the
 * network's own slide. */
static void
test_presentation_add_view (Fixture       *fixture,
                            gconstpointer  data)
{
  MwDocument *document;
  MwNetwork *network;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) loaded = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) back = NULL;
  MwPresentation *presentation;
  MwSavedSlide *slide;

  if (fixture->app == NULL)
    {
      g_test_skip ("no XTest");
      return;
    }
  document = mw_window_get_document (fixture->window);
  network = mw_document_get_network (document);
  mw_canvas_set_highlight (mw_window_get_canvas (fixture->window),
                           (const char *[]) { mw_network_get_actor (network, 2)->id, NULL }, NULL);
  g_assert_false (mw_document_get_modified (document));

  mw_test_press_key (GDK_KEY_F5, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for_within (has_kept_slide, fixture, 1500));
  g_assert_true (mw_document_get_modified (document));
  kept = mw_slides_get (network, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  slide = g_ptr_array_index (kept, 0);
  g_assert_true (slide->has_area);
  g_assert_cmpstrv (slide->highlight, ((const char *[]) { mw_network_get_actor (network, 2)->id, NULL }));

  dir = mw_test_make_dir ("add-view");
  path = g_build_filename (dir, "kept.gv", NULL);
  file = g_file_new_for_path (path);
  mw_document_save_async (document, file, NULL, mw_test_store_result_cb, &result);
  g_assert_true (mw_document_save_finish (document, mw_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_assert_false (mw_document_get_modified (document));
  loaded = mw_format_load_file (MW_FORMAT_DOT, path, NULL, &error);
  g_assert_no_error (error);
  back = mw_slides_get (loaded, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, 1);
  g_assert_true (mw_saved_slide_equal (g_ptr_array_index (back, 0), slide));

  /* Export Slides: a page for each slide the presentation shows. */
  {
    g_autofree char *pdf = g_build_filename (dir, "slides.pdf", NULL);
    g_autofree char *info = NULL;
    const char *argv[] = { "pdfinfo", pdf, NULL };
    int status;

    g_assert_true (mw_presentation_export_slides (document, pdf, FALSE, TRUE, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &info, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (info, "Pages:"));
    g_assert_cmpuint (g_ascii_strtoull (strstr (info, "Pages:") + strlen ("Pages:"), NULL, 10), ==,
                      MW_N_RESEARCH_CONTEXTS + 2);
  }

  presentation = press_start (fixture);
  g_assert_cmpuint (mw_presentation_get_n_slides (presentation), ==, MW_N_RESEARCH_CONTEXTS + 2);
  g_assert_cmpstrv (mw_slide_get_highlight (mw_presentation_get_slide_at (presentation, MW_N_RESEARCH_CONTEXTS + 1)),
                    slide->highlight);
  mw_test_remove_tree (dir);
}

static gboolean
comparing (gpointer data)
{
  Fixture *fixture = data;

  return mw_window_get_comparing (fixture->window) && mw_window_get_n_pending (fixture->window) == 0;
}

static void
save_document (MwDocument *document,
               GFile      *file)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  mw_document_save_async (document, file, NULL, mw_test_store_result_cb, &result);
  g_assert_true (mw_document_save_finish (document, mw_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/* The kept slide's score card shows each score's change against @other. */
static void
assert_compared_with (MwSlide   *slide,
                      MwNetwork *other)
{
  g_autoptr(MwScores) want = mw_scores_compute (other);
  MwScores *now = mw_slide_get_scores (slide, 0);
  guint n_changed = 0;

  g_assert_nonnull (mw_slide_get_baseline_scores (slide));
  g_assert_cmpfloat (mw_scores_get_index (mw_slide_get_baseline_scores (slide)), ==, mw_scores_get_index (want));
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      long change = lround (mw_scores_get_score (now, e)) - lround (mw_scores_get_score (want, e));
      g_autofree char *text = mw_slide_dup_change (slide, 0, e);
      g_autofree char *expected = change == 0 ? NULL
                                  : change > 0 ? g_strdup_printf ("+%ld", change)
                                               : g_strdup_printf ("−%ld", -change);

      g_assert_cmpstr (text, ==, expected);
      n_changed += text != NULL;
    }
  g_assert_cmpuint (n_changed, >, 0);
}

/* A view kept while comparing remembers the compared file, relative to the
 * document's: after a save and a move of the folder the presentation loads
 * it and the slide's scores show their change against it; when the file is
 * gone the slide shows without comparison and says so. */
static void
test_presentation_add_view_compare (Fixture       *fixture,
                                    gconstpointer  data)
{
  MwDocument *document;
  g_autoptr(MwNetwork) other = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *other_path = NULL;
  g_autofree char *kept_path = NULL;
  g_autoptr(GFile) kept_file = NULL;
  g_autoptr(GFile) other_file = NULL;
  g_autoptr(GFile) moved_file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  MwPresentation *presentation;
  MwSlide *slide;
  int sx, sy;

  if (fixture->app == NULL)
    {
      g_test_skip ("no XTest");
      return;
    }
  document = mw_window_get_document (fixture->window);
  dir = mw_test_make_dir ("add-view-compare");
  kept_path = g_build_filename (dir, "kept.gv", NULL);
  kept_file = g_file_new_for_path (kept_path);
  save_document (document, kept_file);

  /* The other network: the example without every second tie. */
  other = mw_network_copy (mw_document_get_network (document));
  for (guint i = mw_network_get_n_ties (other); i >= 2; i -= 2)
    mw_network_remove_tie (other, mw_network_get_tie (other, i - 1));
  other_path = g_build_filename (dir, "Ward B.gv", NULL);
  g_assert_true (mw_format_save_file (MW_FORMAT_DOT, other, other_path, &error));
  g_assert_no_error (error);
  other_file = g_file_new_for_path (other_path);
  mw_window_compare_with_file (fixture->window, other_file);
  g_assert_true (mw_test_wait_for (comparing, fixture));
  mw_test_wait_idle (fixture->window);

  mw_test_widget_to_screen (GTK_WIDGET (mw_window_get_canvas (fixture->window)), 40, 40, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_press_key (GDK_KEY_F5, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for_within (has_kept_slide, fixture, 1500));
  kept = mw_slides_get (mw_document_get_network (document), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->len, ==, 1);
  g_assert_cmpstr (((MwSavedSlide *)g_ptr_array_index (kept, 0))->compare, ==, "Ward%20B.gv");
  save_document (document, kept_file);

  /* The folder moves; the file is opened again from there. */
  moved = g_strconcat (dir, "-moved", NULL);
  g_assert_cmpint (g_rename (dir, moved), ==, 0);
  moved_file = g_file_new_build_filename (moved, "kept.gv", NULL);
  mw_document_load_async (document, moved_file, NULL, mw_test_store_result_cb, &result);
  g_assert_true (mw_document_load_finish (document, mw_test_wait_result (&result), &error));
  g_assert_no_error (error);
  mw_test_wait_idle (fixture->window);

  presentation = press_start (fixture);
  g_assert_cmpuint (mw_presentation_get_n_slides (presentation), ==, MW_N_RESEARCH_CONTEXTS + 2);
  slide = mw_presentation_get_slide_at (presentation, MW_N_RESEARCH_CONTEXTS + 1);
  g_assert_cmpstr (mw_slide_get_caption (slide), ==, "Compared with Ward B.gv");
  assert_compared_with (slide, other);
  gtk_window_destroy (GTK_WINDOW (presentation));
  mw_test_run_pending ();

  /* The compared file is gone: the slide shows, with a note, no error. */
  {
    g_autofree char *gone = g_build_filename (moved, "Ward B.gv", NULL);
    g_autofree char *pdf = g_build_filename (moved, "slides.pdf", NULL);

    g_assert_cmpint (g_remove (gone), ==, 0);
    missing = g_ptr_array_new_with_free_func (g_object_unref);
    mw_presentation_document_slides (missing, document);
    g_assert_cmpuint (missing->len, ==, 2);
    slide = g_ptr_array_index (missing, 1);
    g_assert_null (mw_slide_get_baseline_scores (slide));
    g_assert_null (mw_slide_dup_change (slide, 0, -1));
    g_assert_cmpstr (mw_slide_get_caption (slide), ==, "Not compared: “Ward B.gv” could not be opened");
    g_assert_true (mw_presentation_export_slides (document, pdf, FALSE, TRUE, &error));
    g_assert_no_error (error);
  }
  mw_test_remove_tree (moved);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_sensitive (widget) &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), data) == 0;
}

static void
click_button (GtkWidget  *root,
              const char *tooltip)
{
  GtkWidget *button = mw_test_find_widget (root, has_tooltip, tooltip);
  int sx, sy;

  g_assert_nonnull (button);
  mw_test_widget_to_screen (button, gtk_widget_get_width (button) / 2.0, gtk_widget_get_height (button) / 2.0,
                            &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (50);
  mw_test_pointer_click (1);
  mw_test_spin (150);
}

static char *
kept_titles (MwNetwork *network)
{
  g_autoptr(GPtrArray) slides = mw_slides_get (network, NULL);
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < slides->len; i++)
    g_string_append_printf (titles, "%s;", ((MwSavedSlide *)g_ptr_array_index (slides, i))->title);
  return g_string_free (titles, FALSE);
}

/* Kept Slides…: the buttons move a slide and remove it, in the file. */
static void
test_presentation_kept (Fixture       *fixture,
                        gconstpointer  data)
{
  MwNetwork *network;
  g_autoptr(GPtrArray) slides = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_saved_slide_free);
  g_autofree char *titles = NULL;
  GtkWidget *dialog;
  GList *toplevels;

  if (fixture->app == NULL)
    {
      g_test_skip ("no XTest");
      return;
    }
  network = mw_test_network_of (fixture->window);
  g_ptr_array_add (slides, mw_saved_slide_new ("one"));
  g_ptr_array_add (slides, mw_saved_slide_new ("two"));
  mw_slides_set (network, slides);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.kept-slides", NULL));
  mw_test_spin (400);
  toplevels = gtk_window_list_toplevels ();
  dialog = NULL;
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (g_str_equal (G_OBJECT_TYPE_NAME (l->data), "MwPresentationKept"))
      dialog = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (dialog);

  click_button (dialog, "Move Down");
  titles = kept_titles (network);
  g_assert_cmpstr (titles, ==, "two;one;");
  g_assert_true (mw_document_get_modified (mw_window_get_document (fixture->window)));
  click_button (dialog, "Remove");
  g_free (titles);
  titles = kept_titles (network);
  g_assert_cmpstr (titles, ==, "one;");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The scores overlay and the stage are choices remembered for next time. */
static void
test_presentation_choices (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwPresentation *presentation;
  gboolean scores, dark;

  presentation = start (window);
  /* the four contexts with a diagram, no open network */
  g_assert_cmpuint (mw_presentation_get_n_slides (presentation), ==, 4);
  scores = mw_presentation_get_show_scores (presentation);
  dark = mw_presentation_get_dark (presentation);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.toggle-scores", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.toggle-stage", NULL));
  g_assert_cmpint (mw_presentation_get_show_scores (presentation), ==, !scores);
  g_assert_cmpint (mw_presentation_get_dark (presentation), ==, !dark);
  gtk_window_destroy (GTK_WINDOW (presentation));
  mw_test_run_pending ();

  presentation = start (window);
  g_assert_cmpint (mw_presentation_get_show_scores (presentation), ==, !scores);
  g_assert_cmpint (mw_presentation_get_dark (presentation), ==, !dark);
  gtk_window_destroy (GTK_WINDOW (presentation));
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/presentation/order", test_presentation_order);
  g_test_add ("/presentation/keys", Fixture, NULL, fixture_set_up, test_presentation_keys, fixture_tear_down);
  g_test_add ("/presentation/add-view", Fixture, NULL, fixture_set_up, test_presentation_add_view,
              fixture_tear_down);
  g_test_add ("/presentation/add-view-compare", Fixture, NULL, fixture_set_up, test_presentation_add_view_compare,
              fixture_tear_down);
  g_test_add ("/presentation/kept", Fixture, NULL, fixture_set_up, test_presentation_kept, fixture_tear_down);
  g_test_add_func ("/presentation/choices", test_presentation_choices);

  return g_test_run ();
}
