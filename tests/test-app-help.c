/* test-app-help.c: F1 opens the user guide, About credits the research
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mw-application.h"
#include "mw-test-gtk.h"

static char *sandbox;

/* A stand-in browser, the default for HTML: it writes the URI it was given
 * to a file, so the test sees what the user's browser would have opened.
 * It writes beside and renames: the test waits for the file to exist, and
 * on a loaded machine it would otherwise read it still empty. */
static void
install_fake_browser (void)
{
  g_autofree char *apps = g_build_filename (sandbox, "data", "applications", NULL);
  g_autofree char *config = g_build_filename (sandbox, "config", NULL);
  g_autofree char *script = g_build_filename (sandbox, "fake-browser", NULL);
  g_autofree char *desktop = g_build_filename (apps, "fake-browser.desktop", NULL);
  g_autofree char *mimeapps = g_build_filename (config, "mimeapps.list", NULL);
  g_autofree char *script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s' \"$1\" > '%s/opening'\n"
                                                  "mv '%s/opening' '%s/opened'\n",
                                                  sandbox, sandbox, sandbox);
  g_autofree char *desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\n"
                                                   "Name=Fake browser\nExec=%s %%u\n"
                                                   "MimeType=text/html;\n", script);
  const char *mimeapps_text = "[Default Applications]\ntext/html=fake-browser.desktop\n";
  g_autofree char *data_dirs = g_strdup_printf ("%s/data:/usr/local/share:/usr/share", sandbox);

  g_assert_no_errno (g_mkdir_with_parents (apps, 0700));
  g_assert_no_errno (g_mkdir_with_parents (config, 0700));
  g_assert_true (g_file_set_contents (script, script_text, -1, NULL));
  g_assert_no_errno (g_chmod (script, 0700));
  g_assert_true (g_file_set_contents (desktop, desktop_text, -1, NULL));
  g_assert_true (g_file_set_contents (mimeapps, mimeapps_text, -1, NULL));
  g_setenv ("XDG_DATA_HOME", sandbox, TRUE);
  g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", config, TRUE);
}

static void
test_help_opens_guide (void)
{
  g_autoptr(MwApplication) app = mw_test_application_new ();
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_autofree char *opened_path = g_build_filename (sandbox, "opened", NULL);
  g_autofree char *uri = NULL;
  g_autofree char *index = NULL;
  g_autofree char *html = NULL;
  g_autoptr(GRegex) images = g_regex_new ("<img src=\"([^\"]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n_images = 0;

  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  while (!g_file_test (opened_path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
  g_assert_true (g_file_get_contents (opened_path, &uri, NULL, NULL));

  /* The browser got the guide, and every picture it shows is beside it. */
  g_assert_true (g_str_has_suffix (uri, "/help/index.html"));
  /* GIO hands a browser a local file as a path, or as a URI. */
  index = g_str_has_prefix (uri, "file://") ? g_filename_from_uri (uri, NULL, NULL) : g_strdup (uri);
  g_assert_true (g_path_is_absolute (index));
  g_assert_true (g_file_get_contents (index, &html, NULL, NULL));
  g_assert_nonnull (strstr (html, "Peer mitigation of risk"));
  g_regex_match (images, html, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL), n_images++)
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *dir = g_path_get_dirname (index);
      g_autofree char *image = g_build_filename (dir, name, NULL);
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (image, NULL);

      g_assert_nonnull (texture);
      g_assert_cmpint (gdk_texture_get_width (texture), >, 200);
    }
  g_assert_cmpuint (n_images, >=, 6);
}

/* A guide that is not there: the user is told, and no browser starts. */
static void
test_help_missing_says_so (void)
{
  g_autoptr(MwApplication) app = mw_test_application_new ();
  g_autofree char *missing = g_build_filename (sandbox, "no-such-help", NULL);
  g_autofree char *opened_path = g_build_filename (sandbox, "opened", NULL);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  AdwMessageDialog *dialog = NULL;

  g_remove (opened_path);
  g_setenv ("MESHWORK_HELP_DIR", missing, TRUE);
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
  while (dialog == NULL && g_get_monotonic_time () < deadline)
    {
      GList *windows = gtk_window_list_toplevels ();

      g_main_context_iteration (NULL, FALSE);
      for (GList *l = windows; l != NULL; l = l->next)
        if (ADW_IS_MESSAGE_DIALOG (l->data))
          dialog = l->data;
      g_list_free (windows);
    }
  g_unsetenv ("MESHWORK_HELP_DIR");

  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the User Guide");
  g_assert_false (g_file_test (opened_path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Whether any label or row below widget shows text containing needle. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *needle)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (ADW_IS_PREFERENCES_ROW (widget))
    text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  if (text != NULL && strstr (text, needle) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, needle))
      return TRUE;
  return FALSE;
}

/* The About window names the research the scores rest on. */
static void
test_about_credits_research (void)
{
  g_autoptr(MwApplication) app = mw_test_application_new ();
  GList *windows;
  AdwAboutWindow *about = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  for (windows = gtk_window_list_toplevels (); windows != NULL; windows = g_list_delete_link (windows, windows))
    if (ADW_IS_ABOUT_WINDOW (windows->data))
      about = windows->data;
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Meshwork");
  g_assert_true (shows_text (GTK_WIDGET (about), "Ancona & Backman"));
  g_assert_true (shows_text (GTK_WIDGET (about), "Hopcroft & Tarjan"));
  gtk_window_destroy (GTK_WINDOW (about));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sandbox = g_dir_make_tmp ("meshwork-help-XXXXXX", NULL);
  install_fake_browser ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/help/opens-guide", test_help_opens_guide);
  g_test_add_func ("/help/missing-says-so", test_help_missing_says_so);
  g_test_add_func ("/help/about-credits", test_about_credits_research);
  status = g_test_run ();
  mw_test_remove_tree (sandbox);
  g_free (sandbox);
  return status;
}
