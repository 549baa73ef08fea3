/* test-app-report.c: Export Report… from the main menu, as a user does it
 * (under Xvfb, with XTest)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mw-application.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL;
}

static gboolean
is_editable (GtkWidget     *widget,
             gconstpointer  data)
{
  return GTK_IS_EDITABLE (widget) && gtk_widget_get_mapped (widget) && gtk_widget_get_sensitive (widget);
}

static gboolean
is_switch (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SWITCH (widget);
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
}

typedef struct {
  MwWindow *main;
  GType     type;
} Wanted;

static GtkWindow *
find_toplevel (Wanted *wanted)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (l->data != (gpointer) wanted->main && G_TYPE_CHECK_INSTANCE_TYPE (l->data, wanted->type) &&
        gtk_widget_get_mapped (l->data))
      return l->data;
  return NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  return find_toplevel (data) != NULL;
}

static GtkWindow *
wait_for_toplevel (MwWindow *window,
                   GType     type)
{
  Wanted wanted = { window, type };

  g_assert_true (mw_test_wait_for_within (toplevel_shown, &wanted, 5000));
  mw_test_spin (300);
  return find_toplevel (&wanted);
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
file_written (gpointer data)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (data, &contents, &length, NULL) && length > 4 &&
         memcmp (contents, "%PDF", 4) == 0;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  return out;
}

/* Main menu ▸ View ▸ Export Report…, the Anonymise switch clicked, Return, a path
 * typed into the file chooser and Return: an anonymised PDF is written. */
static void
test_report_from_menu (void)
{
  g_autoptr(MwApplication) app = NULL;
  g_autofree char *dir = NULL, *path = NULL, *text = NULL;
  MwWindow *window;
  GtkWidget *button, *entry, *item;
  GtkWindow *dialog, *chooser;
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;
  app = mw_test_application_new ();
  window = mw_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_spin (300);
  mw_test_wait_idle (window);
  mw_test_widget_to_screen (GTK_WIDGET (mw_window_get_canvas (window)), 40, 40, &sx, &sy);
  mw_test_pointer_move (sx, sy);

  button = mw_test_find_widget (GTK_WIDGET (window), is_main_menu_button, NULL);
  g_assert_nonnull (button);
  click_widget (button);
  g_assert_true (mw_test_wait_for_within (popover_shown, button, 3000));
  mw_test_spin (150);
  /* beside Export Slides, in the View submenu */
  item = mw_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), _("View"));
  g_assert_nonnull (item);
  click_widget (item);
  mw_test_spin (300);
  item = mw_test_find_label (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                             _("Export Report…"));
  g_assert_nonnull (item);
  click_widget (item);

  dialog = wait_for_toplevel (window, ADW_TYPE_MESSAGE_DIALOG);
  click_widget (mw_test_find_widget (GTK_WIDGET (dialog), is_switch, NULL));
  mw_test_spin (100);
#ifdef __SANITIZE_ADDRESS__
  /* GTK's file chooser leaves allocations in GIO's threads that
   * LeakSanitizer reports (see test-app-keys.c): under ASan the test stops
   * at the options, and Escape closes them; the normal suite goes on. */
  {
    Wanted wanted = { window, ADW_TYPE_MESSAGE_DIALOG };

    mw_test_press_key (GDK_KEY_Escape, 0);
    mw_test_spin (300);
    g_assert_null (find_toplevel (&wanted));
    mw_test_destroy_window (window);
    mw_test_run_pending ();
    return;
  }
#endif
  mw_test_press_key (GDK_KEY_Return, 0);

  chooser = wait_for_toplevel (window, GTK_TYPE_FILE_CHOOSER_DIALOG);
  dir = g_dir_make_tmp ("meshwork-report-XXXXXX", NULL);
  path = g_build_filename (dir, "client.pdf", NULL);
  entry = mw_test_find_widget (GTK_WIDGET (chooser), is_editable, NULL);
  g_assert_nonnull (entry);
  g_assert_true (g_str_has_suffix (gtk_editable_get_text (GTK_EDITABLE (entry)), " report.pdf"));
  gtk_editable_set_text (GTK_EDITABLE (entry), path);
  gtk_widget_grab_focus (entry);
  mw_test_spin (100);
  mw_test_press_key (GDK_KEY_Return, 0);

  g_assert_true (mw_test_wait_for_within (file_written, path, 8000));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Spontaneous collaboration"));
  g_assert_nonnull (strstr (text, "Person 1"));
  g_assert_null (strstr (text, "Maria Okafor"));

  g_unlink (path);
  g_rmdir (dir);
  mw_test_destroy_window (window);
  mw_test_run_pending ();
}

static gboolean
comparing (gpointer data)
{
  return mw_window_get_comparing (data);
}

/* While comparing with another file, Ctrl+Shift+R writes a report that
 * compares with it: the other file is the baseline. */
static void
test_report_while_comparing (void)
{
  g_autoptr(MwApplication) app = NULL;
  g_autoptr(GFile) later = NULL;
  g_autofree char *later_path = NULL, *dir = NULL, *path = NULL, *text = NULL;
  MwWindow *window;
  GtkWidget *entry;
  GtkWindow *chooser;
  int sx, sy;

  if (!mw_test_has_xtest ())
    return;
#ifdef __SANITIZE_ADDRESS__
  g_test_skip ("the file chooser leaks under ASan (see /report/from-menu)");
  return;
#endif
  app = mw_test_application_new ();
  window = mw_window_new (GTK_APPLICATION (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  mw_window_open_example (window);
  gtk_window_present (GTK_WINDOW (window));
  mw_test_spin (300);
  mw_test_wait_idle (window);
  later_path = g_test_build_filename (G_TEST_DIST, "data", "meshwork-example-later.gv", NULL);
  later = g_file_new_for_path (later_path);
  mw_window_compare_with_file (window, later);
  g_assert_true (mw_test_wait_for (comparing, window));
  mw_test_widget_to_screen (GTK_WIDGET (mw_window_get_canvas (window)), 40, 40, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_spin (200);

  mw_test_press_key (GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK);
  wait_for_toplevel (window, ADW_TYPE_MESSAGE_DIALOG);
  mw_test_spin (100);
  mw_test_press_key (GDK_KEY_Return, 0);
  chooser = wait_for_toplevel (window, GTK_TYPE_FILE_CHOOSER_DIALOG);
  dir = g_dir_make_tmp ("meshwork-report-XXXXXX", NULL);
  path = g_build_filename (dir, "compared.pdf", NULL);
  entry = mw_test_find_widget (GTK_WIDGET (chooser), is_editable, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), path);
  gtk_widget_grab_focus (entry);
  mw_test_spin (100);
  mw_test_press_key (GDK_KEY_Return, 0);

  g_assert_true (mw_test_wait_for_within (file_written, path, 8000));
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Compared with meshwork-example-later"));

  g_unlink (path);
  g_rmdir (dir);
  mw_test_destroy_window (window);
  mw_test_run_pending ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/report/from-menu", test_report_from_menu);
  g_test_add_func ("/report/while-comparing", test_report_while_comparing);

  return g_test_run ();
}
