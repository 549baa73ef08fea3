/* mw-window-files.c: the window's files — open, save, save as, the recent
 * menu, the file choosers, a new network from the example or a template,
 * the import entry point, the "File Changed on Disk" question when a save
 * finds the file changed, and the "Save Changes?" question on closing
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-dot.h"
#include "mw-format.h"
#include "mw-import-dialog.h"
#include "mw-series.h"
#include "mw-templates.h"
#include "mw-window-private.h"

#define MAX_RECENT 8
#define EXAMPLE_RESOURCE "/io/github/meshwork/Meshwork/examples/meshwork-example.gv"

static void
remember_recent (MwWindow *self,
                 GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  GtkRecentData data = { NULL, NULL, (char *)"text/vnd.graphviz",
                         (char *)"Meshwork", (char *)"meshwork %u", NULL, FALSE };

  g_autofree char *folder = parent != NULL ? g_file_get_path (parent) : NULL;

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  if (folder != NULL)
    g_settings_set_string (self->settings, "last-folder", folder);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GDateTime *time_a = gtk_recent_info_get_modified (*(GtkRecentInfo **)a);
  GDateTime *time_b = gtk_recent_info_get_modified (*(GtkRecentInfo **)b);

  return g_date_time_compare (time_b, time_a);
}

void
_mw_window_update_recent_menu (MwWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) ours = g_ptr_array_new_with_free_func ((GDestroyNotify)gtk_recent_info_unref);

  g_assert (MW_IS_WINDOW (self));

  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, "Meshwork"))
        g_ptr_array_add (ours, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
  g_ptr_array_sort (ours, compare_recent);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < ours->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (ours, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
  /* The caller updates the actions: "win.open-recent" follows this. */
  self->n_recent = ours->len;
}

MwWindowLoad *
_mw_window_load_new (MwWindow   *self,
                     MwDocument *document,
                     GFile      *file)
{
  MwWindowLoad *load = g_new0 (MwWindowLoad, 1);

  load->window = g_object_ref (self);
  load->document = g_object_ref (document);
  load->file = g_object_ref (file);
  return load;
}

void
_mw_window_load_free (MwWindowLoad *load)
{
  g_clear_object (&load->window);
  g_clear_object (&load->document);
  g_clear_object (&load->file);
  g_free (load);
}

/* Ends a load for Open or Compare With: FALSE when there is nothing more to
 * do — the file did not load (said in the window under @heading_format, a
 * "…“%s”" with the file's name) or the window went away meanwhile. */
gboolean
_mw_window_finish_load (MwWindow     *self,
                        MwWindowLoad *load,
                        GAsyncResult *result,
                        const char   *heading_format)
{
  g_autoptr(GError) error = NULL;

  self->n_pending--;
  if (load->activity != NULL)
    _mw_window_end_activity (self, g_steal_pointer (&load->activity));

  if (!mw_document_load_finish (load->document, result, &error))
    {
      g_autofree char *basename = g_file_get_basename (load->file);
      g_autofree char *heading = g_strdup_printf (heading_format, basename);

      if (self->document != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _mw_window_show_error (self, heading, error);
      return FALSE;
    }
  return self->document != NULL;
}

/* A new document gets a window of its own, set up by its "document". */
static void
present_in_new_window (MwWindow   *self,
                       MwDocument *document)
{
  GtkWindow *window;

  g_assert (MW_IS_WINDOW (self));

  window = g_object_new (MW_TYPE_WINDOW,
                         "application", gtk_window_get_application (GTK_WINDOW (self)),
                         "document", document,
                         NULL);
  gtk_window_present (window);
}

static MwWindow *
new_blank_window (MwWindow *self)
{
  g_autoptr(MwDocument) document = mw_document_new ();
  GtkWindow *window = g_object_new (MW_TYPE_WINDOW,
                                    "application", gtk_window_get_application (GTK_WINDOW (self)),
                                    "document", document,
                                    NULL);

  gtk_window_present (window);
  return MW_WINDOW (window);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MwWindowLoad) load = user_data;
  MwWindow *self = load->window;

  if (!_mw_window_finish_load (self, load, result, _("Could Not Open “%s”")))
    return;

  remember_recent (self, load->file);
  if (load->document == self->document)
    {
      _mw_window_show_canvas (self);
      return;
    }

  /* Not the blank one, which was reused. */
  present_in_new_window (self, load->document);
}

/**
 * mw_window_open_file:
 *
 * Loads @file in the background: into this window when it shows a blank
 * network, else into a new window once it has loaded. A file that does not
 * load leaves every open network as it was and says why in this window.
 */
void
mw_window_open_file (MwWindow *self,
                     GFile    *file)
{
  g_autoptr(MwDocument) document = NULL;
  MwWindowLoad *load;

  g_return_if_fail (MW_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *label = g_strdup_printf (_("Opening “%s”…"), basename);

  /* a series is not a network: the application shows its timeline */
  if (mw_series_is_series_name (basename))
    {
      g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))), &file, 1, "");
      return;
    }

  /* a CSV file is imported, into a network of its own */
  if (mw_format_is_import_name (basename))
    {
      mw_window_import_file (mw_document_is_blank (self->document) ? self : new_blank_window (self), file);
      return;
    }

  document = mw_document_is_blank (self->document) ? g_object_ref (self->document) : mw_document_new ();
  load = _mw_window_load_new (self, document, file);
  load->activity = _mw_window_begin_activity (self, label);
  self->n_pending++;
  mw_document_load_async (document, file, load->activity, load_cb, load);
  _mw_window_set_activity_progress (self, load->activity, mw_document_get_load_progress (document));
}

/* Shows @network here when this window is blank, else in a new window. */
static void
show_network (MwWindow   *self,
              MwNetwork  *network,
              const char *title)
{
  g_autoptr(MwDocument) document = NULL;

  g_assert (MW_IS_WINDOW (self));

  if (mw_document_is_blank (self->document))
    {
      mw_document_replace_network (self->document, network, NULL, title);
      _mw_window_show_canvas (self);
      return;
    }

  document = mw_document_new ();
  mw_document_replace_network (document, network, NULL, title);
  present_in_new_window (self, document);
}

/* The built-in example, from the GResource: it has no file of its own. */
void
mw_window_open_example (MwWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *text;

  g_return_if_fail (MW_IS_WINDOW (self));

  bytes = g_resources_lookup_data (EXAMPLE_RESOURCE, 0, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, &length);
  network = mw_dot_load_data (text, length, "meshwork-example.gv", NULL, &error);
  g_assert_no_error (error);

  show_network (self, network, _("Example Network"));
}

/**
 * mw_window_new_from_template:
 * @name: a context name, such as "nimble"
 *
 * Builds one of the context diagrams and shows it: the same network the
 * start page, the presentation and `meshwork-cli template` show.
 */
void
mw_window_new_from_template (MwWindow   *self,
                             const char *name)
{
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  const MwTemplate *context;

  g_return_if_fail (MW_IS_WINDOW (self));

  context = mw_template_lookup (name);
  network = mw_template_build (name, MW_TEMPLATE_DEFAULT_SIZE, MW_TEMPLATE_DEFAULT_SEED, &error);
  if (network == NULL || context == NULL)
    {
      if (error == NULL)
        g_set_error (&error, MW_ERROR, MW_ERROR_INVALID, _("No template called “%s”"), name);
      _mw_window_show_error (self, _("Could Not Create the Network"), error);
      return;
    }

  show_network (self, network, _(context->title));
}

/* The cards build what they show: the same seed as their thumbnails. */
void
_mw_window_start_chosen_cb (MwWindow   *self,
                            const char *id)
{
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  const MwTemplate *context;

  g_assert (MW_IS_WINDOW (self));

  if (g_str_equal (id, MW_START_EXAMPLE))
    {
      mw_window_open_example (self);
      return;
    }
  if (g_str_equal (id, MW_START_BLANK))
    {
      _mw_window_show_canvas (self);
      return;
    }

  context = mw_template_lookup (id);
  g_return_if_fail (context != NULL);
  network = mw_template_build (id, MW_TEMPLATE_DEFAULT_SIZE, MW_START_SEED, &error);
  if (network == NULL)
    {
      _mw_window_show_error (self, _("Could Not Create the Network"), error);
      return;
    }
  show_network (self, network, context->title);
}

/**
 * mw_window_restore_draft:
 * @network: what @draft held
 *
 * Makes @network, restored from @draft, this window's network and shows
 * it: the canvas, not the start page the window may have shown while blank.
 */
void
mw_window_restore_draft (MwWindow      *self,
                         MwNetwork     *network,
                         const MwDraft *draft)
{
  g_return_if_fail (MW_IS_WINDOW (self));

  mw_document_restore_draft (self->document, network, draft);
  _mw_window_show_canvas (self);
}

/**
 * mw_window_show_start_page:
 *
 * Offers the example, a blank network and the templates instead of the
 * canvas, while the window's network is blank; choosing one brings the
 * canvas back with it.
 */
void
mw_window_show_start_page (MwWindow *self)
{
  g_return_if_fail (MW_IS_WINDOW (self));

  if (!mw_document_is_blank (self->document))
    return;
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  mw_start_page_focus_first (self->start_page);
}

/**
 * mw_window_get_start_page:
 *
 * Returns: (transfer none): the start page, shown or not
 */
GtkWidget *
mw_window_get_start_page (MwWindow *self)
{
  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->start_page);
}

/* Another program changed or deleted the file since it was loaded or saved
 * (the etag no longer matches): overwrite it, save elsewhere or do nothing. */
static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       MwWindow         *self)
{
  g_assert (MW_IS_WINDOW (self));

  if (g_str_equal (response, "overwrite"))
    {
      mw_document_forget_etag (self->document);
      mw_window_save_to_file (self, NULL);
    }
  else if (g_str_equal (response, "save-as"))
    _mw_window_save_as (self);
}

static gboolean
ask_before_overwriting (MwWindow     *self,
                        const GError *error)
{
  GtkWidget *dialog;

  g_assert (MW_IS_WINDOW (self));

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    return FALSE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), error->message);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s. Saving replaces what the other program wrote."), error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (overwrite_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MwWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->n_pending--;

  if (!mw_document_save_finish (MW_DOCUMENT (object), result, &error))
    {
      self->close_after_save = FALSE;
      if (!ask_before_overwriting (self, error))
        _mw_window_show_error (self, _("Could Not Save"), error);
      return;
    }

  remember_recent (self, mw_document_get_file (self->document));
  _mw_window_update_title (self);
  if (self->close_after_save)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else
    _mw_window_toast (self, _("Saved"));
}

/* Saves atomically to @file, which becomes the document's file. */
void
mw_window_save_to_file (MwWindow *self,
                        GFile    *file)
{
  GFile *target = file != NULL ? file : mw_document_get_file (self->document);
  g_autofree char *name = target != NULL ? g_file_get_basename (target) : NULL;
  g_autofree char *losses = NULL;

  g_return_if_fail (MW_IS_WINDOW (self));

  /* what the file had that this format cannot keep is said as it is saved */
  losses = mw_format_describe_losses (name != NULL ? mw_format_for_name (name) : MW_FORMAT_UNKNOWN,
                                      mw_document_get_network (self->document));
  if (losses != NULL)
    {
      /* Translators: a file name, then a list such as "the keys of 3 edges" */
      g_autofree char *text = g_strdup_printf (_("“%s” cannot keep %s"), name, losses);
      _mw_window_toast (self, text);
    }

  self->n_pending++;
  mw_document_save_async (self->document, file, self->cancellable, save_cb, g_object_ref (self));
}

/* One filter per format the format layer knows, then every file. */
static void
add_network_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const MwFormatInfo *formats;
  guint n_formats;

  formats = mw_format_get_all (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      for (guint j = 0; formats[i].patterns[j] != NULL; j++)
        gtk_file_filter_add_pattern (filter, formats[i].patterns[j]);
      if (formats[i].mime_type != NULL)
        gtk_file_filter_add_mime_type (filter, formats[i].mime_type);
      gtk_file_chooser_add_filter (chooser, filter);
    }
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

/* Open also opens series files (the application shows their timeline). */
static void
add_series_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Meshwork Series"));
  gtk_file_filter_add_pattern (filter, "*" MW_SERIES_EXTENSION);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
set_chooser_folder (MwWindow       *self,
                    GtkFileChooser *chooser)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "last-folder");

  if (*folder != '\0' && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (chooser, file, NULL);
    }
}

static void
network_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   MwWindow        *self)
{
  MwFileChosenFunc chosen = (MwFileChosenFunc)g_object_get_data (G_OBJECT (chooser), "mw-chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      chosen (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* A file chooser for DOT and GraphML networks; @chosen gets the file picked. */
void
_mw_window_choose_network (MwWindow         *self,
                           const char       *title,
                           const char       *accept_label,
                           MwFileChosenFunc  chosen)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                         accept_label, _("_Cancel"));
  add_network_filters (GTK_FILE_CHOOSER (chooser));
  if (chosen == mw_window_open_file)
    add_series_filter (GTK_FILE_CHOOSER (chooser));
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  g_object_set_data (G_OBJECT (chooser), "mw-chosen", (gpointer)chosen);
  g_signal_connect_object (chooser, "response", G_CALLBACK (network_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_done_cb (MwImportDialog *dialog,
                MwImportReport *report,
                MwWindow       *self)
{
  AdwToast *toast = mw_import_report_toast_new (GTK_WINDOW (self), report,
                                                mw_import_dialog_get_layout_error (dialog));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  _mw_window_show_canvas (self);
  mw_canvas_zoom_to_fit (self->canvas);
}

/**
 * mw_window_import_file:
 * @file: a people file (CSV or TSV)
 *
 * Opens the import dialog on @file; what it imports goes into this
 * window's network as one undoable step.
 *
 * Returns: (transfer none): the dialog
 */
GtkWidget *
mw_window_import_file (MwWindow *self,
                       GFile    *file)
{
  MwImportDialog *dialog;

  g_return_val_if_fail (MW_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = mw_import_dialog_new (GTK_WINDOW (self), self->document);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (import_done_cb), self, 0);
  mw_import_dialog_load_people (dialog, file);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    MwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      mw_window_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_mw_window_choose_import (MwWindow *self)
{
  GtkFileChooserNative *chooser;

  g_assert (MW_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("Import People or Ties"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  mw_import_dialog_add_filters (GTK_FILE_CHOOSER (chooser));
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_as_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     MwWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      mw_window_save_to_file (self, file);
    }
  else
    self->close_after_save = FALSE;
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
_mw_window_save_as (MwWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *title = mw_document_dup_title (self->document);
  g_autofree char *name = NULL;

  g_assert (MW_IS_WINDOW (self));

  chooser = gtk_file_chooser_native_new (_("Save Network"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  add_network_filters (GTK_FILE_CHOOSER (chooser));
  if (mw_document_get_file (self->document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), mw_document_get_file (self->document), NULL);
  else
    {
      name = g_strconcat (title, mw_format_get_info (MW_FORMAT_DOT)->extension, NULL);
      set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_as_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Saves to the document's file, or asks for one first. */
void
_mw_window_save (MwWindow *self)
{
  g_assert (MW_IS_WINDOW (self));

  if (mw_document_get_file (self->document) == NULL)
    _mw_window_save_as (self);
  else
    mw_window_save_to_file (self, NULL);
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
close_response_cb (MwWindow         *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  /* The dialog is still busy with its response: close once it is done. */
  if (g_str_equal (response, "discard"))
    {
      self->close_confirmed = TRUE;
      mw_document_discard_draft (self->document);
      g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
    }
  else if (g_str_equal (response, "save"))
    {
      self->close_after_save = TRUE;
      _mw_window_save (self);
    }
}

void
_mw_window_ask_before_closing (MwWindow *self)
{
  g_autofree char *title = mw_document_dup_title (self->document);
  g_autofree char *body = g_strdup_printf (_("“%s” has changes that are not saved. Changes you do not save are lost."), title);
  GtkWidget *dialog;

  g_assert (MW_IS_WINDOW (self));

  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  self->close_dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *)&self->close_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}
