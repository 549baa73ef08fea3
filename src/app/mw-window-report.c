/* mw-window-report.c: Export Report… — the options, where to write, and the
 * report written in a thread with the activity bar
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-window"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-format.h"
#include "mw-report.h"
#include "mw-window-private.h"

/* What the user chose, from the options to the finished file. */
typedef struct
{
  MwNetwork  *network;     /* a copy: the user may edit on while it is written */
  MwNetwork  *baseline;    /* (nullable) a copy of the network compared with */
  char       *baseline_title;
  char       *title;
  char       *path;
  MwPageSize  page;
  gboolean    anonymise;
  GCancellable *activity;  /* (unowned) its entry in the activity bar */
} ReportJob;

static void
report_job_free (ReportJob *job)
{
  g_clear_object (&job->network);
  g_clear_object (&job->baseline);
  g_free (job->baseline_title);
  g_free (job->title);
  g_free (job->path);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportJob, report_job_free)

static void
write_report_thread (GTask        *task,
                     gpointer      source,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ReportJob *job = task_data;
  MwReportSnapshot snapshot = { job->network, NULL, job->title };
  g_autoptr(GError) error = NULL;
  MwReportOptions options;

  mw_report_options_init (&options);
  options.page = job->page;
  options.anonymise = job->anonymise;
  options.baseline = job->baseline;
  options.baseline_title = job->baseline_title;
  if (mw_report_to_file (&snapshot, 1, &options, job->path, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
report_written_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  MwWindow *self = MW_WINDOW (source);
  ReportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* closed while the report was written: nobody to tell */
  if (self->document == NULL)
    return;
  _mw_window_end_activity (self, job->activity);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _mw_window_show_error (self, _("Could Not Export the Report"), error);
      return;
    }
  _mw_window_toast (self, _("Report exported"));
}

static void
start_report (MwWindow  *self,
              ReportJob *job)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;
  g_autofree char *base = g_path_get_basename (job->path);

  /* Translators: in the activity bar, "Writing “Northwind report.pdf”…" */
  label = g_strdup_printf (_("Writing “%s”…"), base);
  job->activity = _mw_window_begin_activity (self, label);
  task = g_task_new (self, job->activity, report_written_cb, NULL);
  g_task_set_source_tag (task, start_report);
  g_task_set_task_data (task, job, (GDestroyNotify)report_job_free);
  g_task_run_in_thread (task, write_report_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     MwWindow        *self)
{
  g_autoptr(ReportJob) job = g_object_steal_data (G_OBJECT (chooser), "mw-report-job");

  if (response == GTK_RESPONSE_ACCEPT && job != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      job->path = file != NULL ? g_file_get_path (file) : NULL;
      if (job->path == NULL)
        {
          g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                         _("A report can only be saved to a local folder"));

          _mw_window_show_error (self, _("Could Not Export the Report"), error);
        }
      else
        start_report (self, g_steal_pointer (&job));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_file (MwWindow  *self,
             ReportJob *job)
{
  /* Translators: the file name Export Report suggests, "Northwind report.pdf" */
  g_autofree char *name = g_strdup_printf (_("%s report.pdf"), job->title);
  GtkFileChooserNative *chooser;

  g_strdelimit (name, "/", '-');
  chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "mw-report-job", job, (GDestroyNotify)report_job_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
options_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     MwWindow         *self)
{
  AdwComboRow *paper = g_object_get_data (G_OBJECT (dialog), "mw-paper");
  GtkSwitch *anonymise = g_object_get_data (G_OBJECT (dialog), "mw-anonymise");
  g_autofree char *name = NULL;
  ReportJob *job;

  if (g_strcmp0 (response, "export") != 0)
    return;

  name = mw_document_dup_title (self->document);
  job = g_new0 (ReportJob, 1);
  job->network = mw_network_copy (mw_document_get_network (self->document));
  job->title = mw_format_strip_extension (name);
  job->page = adw_combo_row_get_selected (paper) == 1 ? MW_PAGE_LETTER : MW_PAGE_A4;
  job->anonymise = gtk_switch_get_active (anonymise);
  /* While comparing, the report compares too: the other file is its baseline. */
  if (self->comparing && mw_compare_view_get_other (self->compare_view) != NULL)
    {
      MwDocument *other = mw_compare_view_get_other (self->compare_view);
      g_autofree char *other_name = mw_document_dup_title (other);

      job->baseline = mw_network_copy (mw_document_get_network (other));
      job->baseline_title = mw_format_strip_extension (other_name);
    }
  choose_file (self, job);
}

static GtkWidget *
options_list (AdwMessageDialog *dialog)
{
  GtkWidget *list = gtk_list_box_new ();
  g_autoptr(GtkStringList) papers = gtk_string_list_new (NULL);
  GtkWidget *paper = adw_combo_row_new ();
  GtkWidget *anonymise_row = adw_action_row_new ();
  GtkWidget *anonymise = gtk_switch_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  gtk_string_list_append (papers, _("A4"));
  gtk_string_list_append (papers, _("Letter"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (paper), _("_Paper"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (paper), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (paper), G_LIST_MODEL (papers));
  adw_combo_row_set_selected (ADW_COMBO_ROW (paper), mw_report_default_page () == MW_PAGE_LETTER ? 1 : 0);
  gtk_list_box_append (GTK_LIST_BOX (list), paper);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (anonymise_row), _("_Anonymise"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (anonymise_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (anonymise_row),
                               _("People named by their role, else numbered"));
  gtk_widget_set_valign (anonymise, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (anonymise_row), anonymise);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (anonymise_row), anonymise);
  gtk_list_box_append (GTK_LIST_BOX (list), anonymise_row);

  g_object_set_data (G_OBJECT (dialog), "mw-paper", paper);
  g_object_set_data (G_OBJECT (dialog), "mw-anonymise", anonymise);
  return list;
}

/**
 * _mw_window_export_report:
 *
 * Export Report…: asks for the paper and whether to anonymise, then where
 * to write, then writes the report of the window's network in a thread
 * (the activity bar shows it when it takes over half a second).
 */
void
_mw_window_export_report (MwWindow *self)
{
  GtkWidget *dialog;

  g_assert (MW_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Export Report"),
                                   _("A PDF for the client: the network, the five elements and what explains "
                                     "them, suggestions, and the method with its limits."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), options_list (ADW_MESSAGE_DIALOG (dialog)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "export", _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (options_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
