/* test-app-export.c: images out of the window: clipboard and export dialog
 * (under Xvfb)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <adwaita.h>

#include <glib/gstdio.h>

#include "mw-export.h"
#include "mw-export-dialog.h"
#include "mw-test-gtk.h"
#include "mw-window.h"

static void
splice_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GBytes **out = user_data;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error);
  g_assert_no_error (error);
  *out = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object));
  g_object_unref (object);
}

/* The clipboard writes into a pipe from this same main loop: read it
 * asynchronously too, or both wait for ever. */
static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, &error);
  GOutputStream *memory = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_output_stream_splice_async (memory, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, splice_cb, user_data);
}

static GBytes *
read_clipboard (GdkClipboard *clipboard,
                const char   *mime_type)
{
  const char *types[] = { mime_type, NULL };
  GBytes *bytes = NULL;

  gdk_clipboard_read_async (clipboard, types, G_PRIORITY_DEFAULT, NULL, read_cb, &bytes);
  while (bytes == NULL)
    g_main_context_iteration (NULL, TRUE);
  return bytes;
}

/* "Copy Image" puts a PNG and an SVG of the network on the clipboard. */
static void
test_export_copy_image (void)
{
  MwWindow *window = mw_test_example_window_new (0, 0);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  GdkContentFormats *formats;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GBytes) svg = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));

  png = read_clipboard (clipboard, "image/png");
  g_assert_cmpuint (g_bytes_get_size (png), >, 8);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  svg = read_clipboard (clipboard, "image/svg+xml");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<svg"));

  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

static void
assert_file_starts (const char *path,
                    const char *magic)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, strlen (magic));
  g_assert_cmpmem (contents, strlen (magic), magic, strlen (magic));
}

/* The dialog writes the format chosen in it, remembers the choice for next
 * time, and shows a preview. */
static void
test_export_dialog_formats (void)
{
  static const struct { guint format; const char *name; const char *magic; } cases[] = {
    { 0, "out.png", "\x89PNG" },
    { 1, "out.svg", "<?xml" },
    { 2, "out.pdf", "%PDF" },
  };
  MwWindow *window = mw_test_example_window_new (0, 0);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_autofree char *dir = g_dir_make_tmp ("meshwork-export-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      MwExportDialog *dialog;

      g_settings_set_uint (settings, "export-format", cases[i].format);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
      dialog = MW_EXPORT_DIALOG (mw_window_get_export_dialog (window));
      g_assert_nonnull (dialog);
      mw_test_run_pending ();
      g_assert_nonnull (mw_export_dialog_get_preview (dialog));

      g_assert_true (mw_export_dialog_export_to_file (dialog, file, &error));
      g_assert_no_error (error);
      assert_file_starts (path, cases[i].magic);
      gtk_window_destroy (GTK_WINDOW (dialog));
      mw_test_run_pending ();
      g_assert_null (mw_window_get_export_dialog (window));
      g_unlink (path);
    }

  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

/* Print lays out one page; exported instead of printed, it is a PDF. */
static void
test_export_print (void)
{
  MwWindow *window = mw_test_example_window_new (0, 0);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "print.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (mw_window_print_to_pdf (window, path, &error));
  g_assert_no_error (error);
  assert_file_starts (path, "%PDF");

  /* MESHWORK_SCREENSHOTS=DIR keeps the page, to look at. */
  if (g_getenv ("MESHWORK_SCREENSHOTS") != NULL)
    {
      g_autofree char *kept = g_build_filename (g_getenv ("MESHWORK_SCREENSHOTS"), "print.pdf", NULL);
      g_rename (path, kept);
    }
  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

static gboolean
is_window_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  /* the header bar's, not a hidden page's */
  return ADW_IS_WINDOW_TITLE (widget) && gtk_widget_get_mapped (widget);
}

/* A network whose graph has a label (as Graphviz, R and networkx write it)
 * shows it under the window's title, and the export dialog and print put
 * it above the drawing, as `meshwork-cli export` does. */
static void
test_export_graph_label_title (void)
{
  MwWindow *window = mw_window_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("meshwork-title-XXXXXX", NULL);
  g_autofree char *gv = g_build_filename (dir, "emon.gv", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "print.pdf", NULL);
  g_autoptr(GFile) gv_file = g_file_new_for_path (gv);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg_path);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_autoptr(GError) error = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *pdf_text = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  AdwWindowTitle *title;
  MwExportDialog *dialog;

  g_file_set_contents (gv, "digraph { label=\"Emergency Response 2026\"; a -> b; b -> c; }\n", -1, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  mw_window_open_file (window, gv_file);
  mw_test_wait_idle (window);

  title = ADW_WINDOW_TITLE (mw_test_find_widget (GTK_WIDGET (window), is_window_title, NULL));
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "emon.gv");
  g_assert_true (g_str_has_prefix (adw_window_title_get_subtitle (title), "Emergency Response 2026 — "));

  g_settings_set_uint (settings, "export-format", 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = MW_EXPORT_DIALOG (mw_window_get_export_dialog (window));
  mw_test_run_pending ();
  g_assert_true (mw_export_dialog_export_to_file (dialog, svg_file, &error));
  g_assert_no_error (error);
  g_file_get_contents (svg_path, &svg, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (svg, "Emergency Response 2026"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  mw_test_run_pending ();

  g_assert_true (mw_window_print_to_pdf (window, pdf_path, &error));
  g_assert_no_error (error);
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, pdf_path, "-", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pdf_text, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (pdf_text, "Emergency Response 2026"));
    }

  g_unlink (svg_path);
  g_unlink (pdf_path);
  g_unlink (gv);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

static gboolean
widget_is_progress_bar (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_PROGRESS_BAR (widget);
}

static gboolean
widget_is_cancel_button (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.cancel-activity") == 0;
}

static gboolean
progress_shown (gpointer data)
{
  GtkWidget *bar = mw_test_find_widget (GTK_WIDGET (data), widget_is_progress_bar, NULL);

  return bar != NULL && gtk_widget_get_mapped (bar);
}

static gboolean
export_done (gpointer data)
{
  return mw_window_get_export_dialog (data) == NULL;
}

static gboolean
three_frames (gpointer data)
{
  return *(guint *) data >= 3;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  (*(guint *) data)++;
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/* Export Image… up to the file chooser's answer, which @file stands for. */
static MwExportDialog *
start_export (MwWindow *window,
              GFile    *file)
{
  MwExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = MW_EXPORT_DIALOG (mw_window_get_export_dialog (window));
  g_assert_nonnull (dialog);
  mw_test_run_pending ();
  mw_export_dialog_export (dialog, file);
  return dialog;
}

/* Issue 17: an export that takes long is written in a worker; the window's
 * activity bar shows it with Cancel while the window keeps drawing, and the
 * user's click on Cancel leaves the old file as it was and nothing else. */
static void
test_export_progress_and_cancel (void)
{
  MwWindow *window = mw_test_example_window_new (900, 600);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.meshwork.Meshwork");
  g_autofree char *dir = g_dir_make_tmp ("meshwork-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *contents = NULL;
  MwExportDialog *dialog;
  GtkWidget *cancel, *label;
  guint frames = 0, tick;
  int sx, sy;

  if (!mw_test_has_xtest ())
    {
      g_test_skip ("needs XTest for the click on Cancel");
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_settings_set_uint (settings, "export-format", 0);
  g_assert_true (g_file_set_contents (path, "the old file", -1, &error));
  g_assert_no_error (error);
  /* as slow as drawing 100,000 actors: the bar shows after half a second */
  _mw_export_set_test_delay (30000);

  dialog = start_export (window, file);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (window), count_frame_cb, &frames, NULL);
  g_assert_true (mw_test_wait_for_within (progress_shown, window, 5000));
  label = mw_test_find_label (GTK_WIDGET (window), "Writing “out.png”…");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  /* The UI thread is free: the window draws on while the export (30 s) has
   * far from ended. Loaded or sanitized machines draw slowly, hence a few
   * frames in seconds, not a frame rate. */
  frames = 0;
  g_assert_true (mw_test_wait_for_within (three_frames, &frames, 10000));
  g_assert_false (export_done (window));
  gtk_widget_remove_tick_callback (GTK_WIDGET (window), tick);

  cancel = mw_test_find_widget (GTK_WIDGET (window), widget_is_cancel_button, NULL);
  g_assert_nonnull (cancel);
  g_assert_true (gtk_widget_get_mapped (cancel));
  mw_test_widget_to_screen (cancel, gtk_widget_get_width (cancel) / 2.0,
                            gtk_widget_get_height (cancel) / 2.0, &sx, &sy);
  mw_test_pointer_move (sx, sy);
  mw_test_pointer_click (1);
  g_assert_true (mw_test_wait_for_within (export_done, window, 5000));
  mw_test_spin (300);
  g_assert_false (progress_shown (window));

  /* the old file untouched, and no temporary beside it */
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "the old file");
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "out.png");
  g_assert_null (g_dir_read_name (listing));

  /* not cancelled, the same path writes the image */
  _mw_export_set_test_delay (0);
  start_export (window, file);
  g_assert_true (mw_test_wait_for_within (export_done, window, 20000));
  assert_file_starts (path, "\x89PNG");

  g_unlink (path);
  g_rmdir (dir);
  gtk_window_destroy (GTK_WINDOW (window));
  mw_test_run_pending ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/export/copy-image", test_export_copy_image);
  g_test_add_func ("/export/dialog-formats", test_export_dialog_formats);
  g_test_add_func ("/export/print", test_export_print);
  g_test_add_func ("/export/graph-label-title", test_export_graph_label_title);
  g_test_add_func ("/export/progress-and-cancel", test_export_progress_and_cancel);

  return g_test_run ();
}
