/* test-app-start.c: the start page of a window without a network (under Xvfb)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include "mw-templates.h"
#include "mw-start-page.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

static MwWindow *
new_start_window (void)
{
  MwWindow *window = mw_window_new (NULL);

  mw_window_show_start_page (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_run_pending ();
  g_assert_true (gtk_widget_is_drawable (mw_window_get_start_page (window)));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (mw_window_get_canvas (window))));
  return window;
}

static void
choose (MwWindow   *window,
        const char *id)
{
  MwStartPage *page = MW_START_PAGE (mw_window_get_start_page (window));
  GtkFlowBoxChild *card = mw_start_page_get_card (page, id);

  g_assert_nonnull (card);
  g_signal_emit_by_name (card, "activate");
  mw_test_run_pending ();
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (mw_window_get_canvas (window))));
}

static void
test_start_blank (void)
{
  MwWindow *window = new_start_window ();

  choose (window, MW_START_BLANK);
  g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (window)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

static void
test_start_template (void)
{
  MwWindow *window = new_start_window ();
  g_autoptr(MwNetwork) expected = mw_template_build ("hierarchy", MW_TEMPLATE_DEFAULT_SIZE,
                                                    MW_START_SEED, NULL);

  choose (window, "hierarchy");
  mw_test_assert_networks_equal (mw_test_network_of (window), expected);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

static void
test_start_example (void)
{
  MwWindow *window = new_start_window ();
  g_autofree char *title = NULL;

  choose (window, MW_START_EXAMPLE);
  g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (window)), >, 0);
  title = mw_document_dup_title (mw_window_get_document (window));
  g_assert_nonnull (title);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

static gboolean
active_window_settled (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (data);

  return MW_IS_WINDOW (window) && gtk_widget_get_mapped (GTK_WIDGET (window)) &&
         mw_window_get_n_pending (MW_WINDOW (window)) == 0;
}

/* Starts @app as the desktop does and returns the window it shows. */
static MwWindow *
start (MwApplication *app)
{
  g_application_activate (G_APPLICATION (app));
  g_assert_true (mw_test_wait_for (active_window_settled, app));
  mw_test_run_pending ();
  return MW_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

/* The very first start opens the built-in example, as the README says;
 * every later start offers the start page. */
static void
test_start_first (void)
{
  g_autoptr(MwApplication) app = mw_test_application_new ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_autofree char *title = NULL;
  MwWindow *window;

  g_settings_reset (settings, "first-run");
  g_assert_true (g_settings_get_boolean (settings, "first-run"));

  window = start (app);
  g_assert_true (gtk_widget_is_drawable (GTK_WIDGET (mw_window_get_canvas (window))));
  g_assert_false (gtk_widget_is_drawable (mw_window_get_start_page (window)));
  g_assert_cmpuint (mw_network_get_n_actors (mw_test_network_of (window)), >, 0);
  title = mw_document_dup_title (mw_window_get_document (window));
  g_assert_cmpstr (title, ==, "Example Network");
  g_assert_false (g_settings_get_boolean (settings, "first-run"));
  mw_test_destroy_window (window);

  window = start (app);
  g_assert_true (gtk_widget_is_drawable (mw_window_get_start_page (window)));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (mw_window_get_canvas (window))));
  mw_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = g_dir_make_tmp ("mw-app-start-XXXXXX", NULL);
  int status;

  /* A start looks for drafts: none from other tests. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/start/blank", test_start_blank);
  g_test_add_func ("/start/template", test_start_template);
  g_test_add_func ("/start/example", test_start_example);
  g_test_add_func ("/start/first", test_start_first);

  status = g_test_run ();
  mw_test_remove_tree (data_home);
  return status;
}
