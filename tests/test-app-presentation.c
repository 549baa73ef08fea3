/* test-app-presentation.c: presentation mode's slides and keys (under Xvfb)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "mw-templates.h"
#include "mw-presentation.h"
#include "mw-scores.h"
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

static void
step (MwPresentation *presentation,
      const char     *action,
      guint           expected)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), action, NULL));
  g_assert_cmpuint (mw_presentation_get_slide (presentation), ==, expected);
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
  g_assert_cmpuint (mw_presentation_get_slide (presentation), ==, 0);

  gtk_window_destroy (GTK_WINDOW (presentation));
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* Forward and back stop at the ends; Home and End jump; leaving closes. */
static void
test_presentation_navigation (void)
{
  MwWindow *window = mw_window_new (NULL);
  MwPresentation *presentation;
  guint last;

  mw_window_open_example (window);
  mw_test_run_pending ();
  presentation = start (window);
  last = mw_presentation_get_n_slides (presentation) - 1;

  step (presentation, "presentation.previous", 0);
  for (guint i = 1; i <= last; i++)
    step (presentation, "presentation.next", i);
  step (presentation, "presentation.next", last);
  step (presentation, "presentation.first", 0);
  step (presentation, "presentation.last", last);
  step (presentation, "presentation.previous", last - 1);

  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *)&presentation);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presentation), "presentation.leave", NULL));
  mw_test_run_pending ();
  g_assert_null (presentation);
  g_assert_null (mw_window_get_presentation (window));

  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
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
  g_test_add_func ("/presentation/navigation", test_presentation_navigation);
  g_test_add_func ("/presentation/choices", test_presentation_choices);

  return g_test_run ();
}
