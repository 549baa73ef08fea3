/* mw-series-create.c: a new series from several networks — New Series… and dropping files
 *
 * Both end the same way: the user says where the series file goes, it is
 * written (core/document/mw-series.h), and the application opens it as any
 * file it is given, which shows the timeline. Nothing here knows the
 * window or the timeline view.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-series"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-format.h"
#include "mw-series-create.h"
#include "mw-series.h"

static void
show_error (GtkWindow  *parent,
            const char *heading,
            GError     *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
write_series (GtkWindow *parent,
              GPtrArray *files,
              GFile     *target)
{
  g_autoptr(MwSeries) series = mw_series_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (target);
  GtkApplication *application = parent != NULL ? gtk_window_get_application (parent) : NULL;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *file_path = g_file_get_path (g_ptr_array_index (files, i));

      if (file_path != NULL)
        mw_series_add (series, file_path, NULL, NULL);
    }
  if (path == NULL)
    g_set_error (&error, MW_ERROR, MW_ERROR_FAILED, _("A series can only be saved as a local file"));
  if (error != NULL || !mw_series_save (series, path, &error))
    {
      show_error (parent, _("Could Not Save the Series"), error);
      return;
    }
  if (application != NULL)
    g_application_open (G_APPLICATION (application), &target, 1, "");
}

static void
unref_files (gpointer  files,
             GClosure *closure)
{
  g_ptr_array_unref (files);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  GPtrArray       *files)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (target);

      /* the app knows a series by its extension */
      if (!mw_series_is_series_name (name))
        {
          g_autofree char *named = g_strconcat (name, MW_SERIES_EXTENSION, NULL);
          g_autoptr(GFile) parent_folder = g_file_get_parent (target);
          GFile *named_file = g_file_get_child (parent_folder, named);

          g_object_unref (target);
          target = named_file;
        }
      write_series (parent, files, target);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * mw_series_create_from_files:
 * @files: (element-type GFile): the snapshots, in their order
 *
 * Asks where to save a series of @files, writes it and opens it.
 */
void
mw_series_create_from_files (GtkWindow *parent,
                             GPtrArray *files)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;

  g_return_if_fail (files != NULL && files->len > 0);

  chooser = gtk_file_chooser_native_new (_("Save Series"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Meshwork Series"));
  gtk_file_filter_add_pattern (filter, "*" MW_SERIES_EXTENSION);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  folder = g_file_get_parent (g_ptr_array_index (files, 0));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  /* Translators: the file name a new series is offered, with its extension */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Series.mwseries"));
  g_signal_connect_data (chooser, "response", G_CALLBACK (save_response_cb),
                         g_ptr_array_ref (files), unref_files, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
networks_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) chosen = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (chosen); i++)
        g_ptr_array_add (files, g_list_model_get_item (chosen, i));
      if (files->len > 0)
        mw_series_create_from_files (gtk_native_dialog_get_transient_for (chooser), files);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/**
 * mw_series_create_choose:
 *
 * New Series…: asks for the snapshots (several networks), then where to
 * save the series.
 */
void
mw_series_create_choose (GtkWindow *parent)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const MwFormatInfo *formats;
  guint n_formats;

  chooser = gtk_file_chooser_native_new (_("Choose the Snapshots of a Series"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Networks"));
  formats = mw_format_get_all (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    for (guint j = 0; formats[i].patterns[j] != NULL; j++)
      gtk_file_filter_add_pattern (filter, formats[i].patterns[j]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (networks_chosen_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* One file opens as the application opens any file; several make a series. */
static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkWindow     *window)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GtkApplication *application = gtk_window_get_application (window);

  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  if (files->len == 0 || application == NULL)
    return FALSE;
  if (files->len == 1)
    g_application_open (G_APPLICATION (application), (GFile **) files->pdata, 1, "");
  else
    mw_series_create_from_files (window, files);
  return TRUE;
}

/* Lets @window take files dropped on it. */
void
mw_series_create_attach_drop (GtkWindow *window)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), window, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), GTK_EVENT_CONTROLLER (target));
}
