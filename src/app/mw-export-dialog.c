/* mw-export-dialog.c: choose how to export the network, with a preview
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preview is the PNG the same options give, so what is seen is what is
 * written (SVG and PDF come from the same renderer). Choices are remembered
 * in GSettings; the title is the document's.
 *
 * A large network takes seconds to draw, so the file is written in a
 * worker thread: the dialog emits "export" and, when the window takes it
 * (showing the activity bar with Cancel), hides and writes with
 * mw_export_dialog_export_async(). The worker draws with a renderer of its
 * own on the dialog's copy of the network, which nobody edits.
 */

#define G_LOG_DOMAIN "meshwork-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-a11y.h"
#include "mw-export.h"
#include "mw-export-dialog.h"
#include "mw-score-card.h"

#define MAX_PREVIEW_PIXELS 4000

enum { BACKGROUND_STYLE, BACKGROUND_WHITE, BACKGROUND_TRANSPARENT };

static const char *extensions[] = { "png", "svg", "pdf" };

struct _MwExportDialog
{
  AdwWindow     parent_instance;

  GtkWidget    *format_row;
  GtkWidget    *scale_row;
  GtkWidget    *scale_spin;
  GtkWidget    *background_row;
  GtkWidget    *dark_switch;
  GtkWidget    *title_row;
  GtkWidget    *legend_switch;
  GtkWidget    *scores_switch;
  GtkWidget    *preview;
  GtkWidget    *preview_status;

  GSettings    *settings;
  MwNetwork    *network;
  MwRenderer   *renderer;
  MwScores     *scores;       /* (nullable) */
  gboolean      filtered;     /* the scores are the filtered view's */
  guint         preview_id;
};

G_DEFINE_FINAL_TYPE (MwExportDialog, mw_export_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_EXPORT, N_SIGNALS };

static guint signals[N_SIGNALS];

/* The options the widgets say; @card and @rows must outlive them. */
static void
fill_options (MwExportDialog  *self,
              MwExportOptions *options,
              MwScoreCard     *card,
              MwScoreRow       rows[MW_N_ELEMENTS])
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  guint background = adw_combo_row_get_selected (ADW_COMBO_ROW (self->background_row));

  g_assert (MW_IS_EXPORT_DIALOG (self));

  mw_export_options_init (options, MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row)), MW_EXPORT_PDF));
  options->scale = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->scale_spin));
  options->dark = gtk_switch_get_active (GTK_SWITCH (self->dark_switch));
  options->transparent = background == BACKGROUND_TRANSPARENT;
  if (background == BACKGROUND_WHITE)
    {
      options->has_background = TRUE;
      options->background = (MwColor) { 1, 1, 1, 1 };
    }
  options->title = *title != '\0' ? title : NULL;
  options->legend = gtk_switch_get_active (GTK_SWITCH (self->legend_switch));

  if (self->scores != NULL && gtk_switch_get_active (GTK_SWITCH (self->scores_switch)))
    {
      mw_score_card_fill (card, rows, self->scores);
      if (self->filtered)
        mw_score_card_say_filtered (card);
      options->score_card = card;
    }
}

static gboolean
update_preview_cb (gpointer user_data)
{
  MwExportDialog *self = user_data;
  MwExportOptions options;
  MwScoreCard card;
  MwScoreRow rows[MW_N_ELEMENTS];
  MwView view;
  double width, height;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  self->preview_id = 0;
  fill_options (self, &options, &card, rows);
  options.format = MW_EXPORT_PNG;
  options.scale = 1;
  mw_export_get_view (self->renderer, &options, &view, &width, &height);
  if (width > MAX_PREVIEW_PIXELS || height > MAX_PREVIEW_PIXELS)
    {
      gtk_picture_set_paintable (GTK_PICTURE (self->preview), NULL);
      gtk_label_set_label (GTK_LABEL (self->preview_status), _("Too large to preview"));
      return G_SOURCE_REMOVE;
    }

  png = mw_export_to_bytes (self->renderer, &options, &error);
  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  gtk_picture_set_paintable (GTK_PICTURE (self->preview), GDK_PAINTABLE (texture));
  gtk_label_set_label (GTK_LABEL (self->preview_status), texture == NULL ? error->message : "");
  return G_SOURCE_REMOVE;
}

static void
options_changed_cb (MwExportDialog *self)
{
  gboolean png = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row)) == MW_EXPORT_PNG;

  gtk_widget_set_sensitive (self->scale_row, png);
  if (self->preview_id == 0)
    self->preview_id = g_idle_add (update_preview_cb, self);
}

static GtkWidget *
switch_row (MwExportDialog *self,
            GtkWidget      *group,
            const char     *title,
            GtkWidget     **out_switch)
{
  GtkWidget *row = adw_action_row_new ();

  *out_switch = gtk_switch_new ();
  gtk_widget_set_valign (*out_switch, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *out_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *out_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (*out_switch, "notify::active", G_CALLBACK (options_changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
combo_row (MwExportDialog     *self,
           GtkWidget          *group,
           const char         *title,
           const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  mw_a11y_name_combo_row (ADW_COMBO_ROW (row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (options_changed_cb), self, G_CONNECT_SWAPPED);
  return row;
}

static GtkWidget *
build_options (MwExportDialog *self)
{
  const char *formats[] = { "PNG", "SVG", "PDF", NULL };
  const char *backgrounds[] = { _("Style’s Own"), _("White"), _("Transparent"), NULL };
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *file_group = adw_preferences_group_new ();
  GtkWidget *look_group = adw_preferences_group_new ();

  g_assert (MW_IS_EXPORT_DIALOG (self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (file_group), _("File"));
  self->format_row = combo_row (self, file_group, _("_Format"), formats);
  self->scale_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->scale_row), _("_Scale"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->scale_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->scale_row), _("Pixels per point: 2 for sharp slides"));
  self->scale_spin = gtk_spin_button_new_with_range (1, 4, 0.5);
  gtk_widget_set_valign (self->scale_spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->scale_row), self->scale_spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->scale_row), self->scale_spin);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (file_group), self->scale_row);
  g_signal_connect_object (self->scale_spin, "value-changed", G_CALLBACK (options_changed_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (look_group), _("Content"));
  self->title_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->title_row), _("_Title"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->title_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (look_group), self->title_row);
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (options_changed_cb), self, G_CONNECT_SWAPPED);
  self->background_row = combo_row (self, look_group, _("_Background"), backgrounds);
  switch_row (self, look_group, _("_Dark Style"), &self->dark_switch);
  switch_row (self, look_group, _("_Legend"), &self->legend_switch);
  gtk_widget_set_sensitive (switch_row (self, look_group, _("Score _Card"), &self->scores_switch),
                            self->scores != NULL);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (file_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (look_group));
  gtk_widget_set_size_request (page, 360, -1);
  mw_a11y_name_scrollers (page, _("Export Image"));
  return page;
}

static void
bind_settings (MwExportDialog *self)
{
  g_assert (MW_IS_EXPORT_DIALOG (self));

  g_settings_bind (self->settings, "export-format", self->format_row, "selected", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-scale", self->scale_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-background", self->background_row, "selected", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-dark", self->dark_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-legend", self->legend_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "export-score-card", self->scores_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  MwExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      mw_export_dialog_export (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_clicked_cb (MwExportDialog *self)
{
  guint format = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row)), MW_EXPORT_PDF);
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  g_autofree char *name = g_strdup_printf ("%s.%s", *title != '\0' ? title : _("Network"), extensions[format]);
  GtkFileChooserNative *chooser;

  g_strdelimit (name, "/", '-');
  chooser = gtk_file_chooser_native_new (_("Export Image"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
build_header (MwExportDialog *self)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export…"));

  g_assert (MW_IS_EXPORT_DIALOG (self));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_widget_add_css_class (export, "suggested-action");
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (export, "clicked", G_CALLBACK (export_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  gtk_window_set_default_widget (GTK_WINDOW (self), export);
  return header;
}

static void
build (MwExportDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *stage = gtk_overlay_new ();

  g_assert (MW_IS_EXPORT_DIALOG (self));

  self->preview = gtk_picture_new ();
  gtk_picture_set_can_shrink (GTK_PICTURE (self->preview), TRUE);
  gtk_widget_set_hexpand (self->preview, TRUE);
  gtk_widget_set_size_request (self->preview, 360, 320);
  gtk_widget_set_margin_top (self->preview, 18);
  gtk_widget_set_margin_bottom (self->preview, 18);
  gtk_widget_set_margin_start (self->preview, 18);
  gtk_widget_set_margin_end (self->preview, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"), -1);
  self->preview_status = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->preview_status, "dim-label");
  gtk_overlay_set_child (GTK_OVERLAY (stage), self->preview);
  gtk_overlay_add_overlay (GTK_OVERLAY (stage), self->preview_status);
  gtk_widget_add_css_class (stage, "view");

  gtk_box_append (GTK_BOX (body), stage);
  gtk_box_append (GTK_BOX (body), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (body), build_options (self));
  gtk_box_append (GTK_BOX (content), build_header (self));
  gtk_box_append (GTK_BOX (content), body);
  adw_window_set_content (ADW_WINDOW (self), content);
}

static void
mw_export_dialog_dispose (GObject *object)
{
  MwExportDialog *self = MW_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_id, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->renderer);
  g_clear_object (&self->network);
  g_clear_pointer (&self->scores, mw_scores_unref);

  G_OBJECT_CLASS (mw_export_dialog_parent_class)->dispose (object);
}

static void
mw_export_dialog_class_init (MwExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_export_dialog_dispose;

  /**
   * MwExportDialog::export:
   * @file: where the image goes
   *
   * The user chose the file. A handler that returns %TRUE writes it with
   * mw_export_dialog_export_async() and destroys the dialog when done;
   * otherwise the dialog writes it itself, waiting.
   */
  signals[SIGNAL_EXPORT] =
    g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_FILE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mw_export_dialog_init (MwExportDialog *self)
{
  self->settings = g_settings_new ("io.github.meshwork.Meshwork");
  gtk_window_set_title (GTK_WINDOW (self), _("Export Image"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 560);
}

/**
 * mw_export_dialog_new:
 * @scores: (nullable): for the score card
 *
 * Exports a copy of @network as it is now.
 */
MwExportDialog *
mw_export_dialog_new (GtkWindow  *parent,
                      MwNetwork  *network,
                      MwScores   *scores,
                      const char *title)
{
  MwExportDialog *self;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = g_object_new (MW_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->network = mw_network_copy (network);
  self->renderer = mw_renderer_new (self->network);
  self->scores = scores != NULL ? mw_scores_ref (scores) : NULL;
  build (self);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), title != NULL ? title : "");
  bind_settings (self);
  options_changed_cb (self);
  return self;
}

/* The score card says its scores are of the filtered view. */
void
mw_export_dialog_set_filtered_view (MwExportDialog *self,
                                    gboolean        filtered)
{
  g_return_if_fail (MW_IS_EXPORT_DIALOG (self));

  self->filtered = filtered;
  options_changed_cb (self);
}

/* Writes the image the dialog's choices describe; the name's extension
 * does not matter, the Format row does. */
gboolean
mw_export_dialog_export_to_file (MwExportDialog  *self,
                                 GFile           *file,
                                 GError         **error)
{
  MwExportOptions options;
  MwScoreCard card;
  MwScoreRow rows[MW_N_ELEMENTS];
  g_autofree char *path = NULL;

  g_return_val_if_fail (MW_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Cannot export to “%s”: not a local file"), uri);
      return FALSE;
    }
  fill_options (self, &options, &card, rows);
  return mw_export_to_file (self->renderer, path, &options, error);
}

/**
 * mw_export_dialog_export:
 *
 * What choosing @file in the save dialog does: hands the export to whoever
 * takes the "export" signal (the dialog hides meanwhile), or else writes
 * it here and shows what went wrong.
 */
void
mw_export_dialog_export (MwExportDialog *self,
                         GFile          *file)
{
  g_autoptr(GError) error = NULL;
  gboolean handled = FALSE;

  g_return_if_fail (MW_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_signal_emit (self, signals[SIGNAL_EXPORT], 0, file, &handled);
  if (handled)
    {
      /* Modal no more: the window's Cancel must be clickable. */
      gtk_window_set_modal (GTK_WINDOW (self), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  if (mw_export_dialog_export_to_file (self, file, &error))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* All a worker needs to write the file, owned: the dialog may go. */
typedef struct
{
  MwNetwork       *network;
  MwScores        *scores;     /* (nullable) for the card */
  char            *title;
  char            *path;
  MwProgress      *progress;
  MwExportOptions  options;
  MwScoreCard      card;
  MwScoreRow       rows[MW_N_ELEMENTS];
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->network);
  g_clear_pointer (&job->scores, mw_scores_unref);
  g_free (job->title);
  g_free (job->path);
  g_clear_pointer (&job->progress, mw_progress_unref);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  /* Made here: Pango's font map is per thread, the renderer uses it. */
  g_autoptr(MwRenderer) renderer = mw_renderer_new (job->network);
  gboolean written;

  mw_progress_push_thread_default (job->progress);
  written = mw_export_to_file (renderer, job->path, &job->options, &error);
  mw_progress_pop_thread_default (job->progress);
  if (written)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * mw_export_dialog_export_async:
 * @progress: (nullable): receives how far the worker has come; made with
 *   @cancellable, so that the drawing stops between its stages
 *
 * Writes the image the dialog's choices describe to @file in a worker
 * thread. Cancelled, it writes nothing and leaves any old file as it was.
 */
void
mw_export_dialog_export_async (MwExportDialog      *self,
                               GFile               *file,
                               GCancellable        *cancellable,
                               MwProgress          *progress,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (MW_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_export_dialog_export_async);
  /* What the worker did, not whether Cancel came after it wrote the file. */
  g_task_set_check_cancellable (task, FALSE);
  job = g_new0 (ExportJob, 1);
  g_task_set_task_data (task, job, (GDestroyNotify)export_job_free);
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cannot export to “%s”: not a local file"), uri);
      return;
    }
  job->network = g_object_ref (self->network);
  job->scores = self->scores != NULL ? mw_scores_ref (self->scores) : NULL;
  job->progress = progress != NULL ? mw_progress_ref (progress) : mw_progress_new (cancellable);
  fill_options (self, &job->options, &job->card, job->rows);
  job->title = g_strdup (job->options.title);
  job->options.title = job->title;
  g_task_run_in_thread (task, export_thread);
}

gboolean
mw_export_dialog_export_finish (MwExportDialog  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (MW_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * mw_export_dialog_get_preview:
 *
 * Returns: (transfer none) (nullable): the image shown as preview
 */
GdkPaintable *
mw_export_dialog_get_preview (MwExportDialog *self)
{
  g_return_val_if_fail (MW_IS_EXPORT_DIALOG (self), NULL);
  return gtk_picture_get_paintable (GTK_PICTURE (self->preview));
}
