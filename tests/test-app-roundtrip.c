/* test-app-roundtrip.c: saving a file says first what it cannot keep
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "mw-application.h"
#include "mw-document.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

#define TOLD "“keys.gv” cannot keep the keys of 2 edges"

static gboolean
told (gpointer data)
{
  return mw_test_find_label (GTK_WIDGET (data), TOLD) != NULL;
}

static gboolean
loaded (gpointer data)
{
  MwDocument *document = mw_window_get_document (data);

  return mw_document_get_file (document) != NULL &&
         mw_network_get_n_actors (mw_document_get_network (document)) == 2;
}

/* A DOT file with edge keys, opened and saved with Ctrl+S: a toast says
 * what the saved file cannot keep */
static void
test_save_tells_losses (void)
{
  static const char keys[] = "digraph { a -> b [key=first]; a -> b [key=second] }\n";
  g_autofree char *dir = g_dir_make_tmp ("meshwork-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "keys.gv", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MwApplication) app = NULL;
  MwWindow *window;
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;

  g_assert_true (g_file_set_contents (path, keys, -1, NULL));
  app = mw_test_application_new ();
  window = mw_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  mw_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mw_test_wait_for (loaded, window));
  mw_test_spin (300);
  mw_test_wait_idle (window);
  g_assert_null (mw_test_find_label (GTK_WIDGET (window), TOLD));

  /* keys go to the window under the pointer */
  mw_test_widget_to_screen (GTK_WIDGET (mw_window_get_canvas (window)), 40, 40, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  gtk_widget_grab_focus (GTK_WIDGET (mw_window_get_canvas (window)));
  mw_test_press_key (GDK_KEY_s, GDK_CONTROL_MASK);
  g_assert_true (mw_test_wait_for (told, window));
  mw_test_wait_idle (window);
  g_assert_null (mw_window_get_last_error (window));

  mw_test_destroy_window (window);
  mw_test_run_pending ();
  g_unlink (path);
  g_unlink (backup);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app-roundtrip/save-tells-losses", test_save_tells_losses);
  return g_test_run ();
}
