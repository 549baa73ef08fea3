/* mw-timeline-edit.c: editing a series beside its timeline — add, remove, reorder, retitle, redate
 *
 * Each change is made to the series in memory (core/document/mw-series.h)
 * and saved at once, atomically, to its .mwseries; then ::edited asks the
 * timeline to load and draw it again. A save that fails says why under the
 * buttons and keeps the change here: the next save that works writes it.
 * A date that is not one is refused with its reason, and nothing changes.
 * This widget knows the series only; the timeline view owns it.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-entry-row.h"
#include "mw-format.h"
#include "mw-timeline-edit.h"

struct _MwTimelineEdit
{
  GtkBox      parent_instance;

  /* template widgets */
  GtkWidget  *add_button;
  GtkWidget  *remove_button;
  GtkWidget  *earlier_button;
  GtkWidget  *later_button;
  MwEntryRow *title_row;
  MwEntryRow *date_row;
  GtkLabel   *error_label;

  /* owned */
  MwSeries   *series;
  char       *error;     /* why the last save failed */
  int         selected;
  gboolean    busy;      /* the series is loading in a worker: hands off */
};

G_DEFINE_FINAL_TYPE (MwTimelineEdit, mw_timeline_edit, GTK_TYPE_BOX)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (MwTimelineEdit *self,
            const char     *message)
{
  g_assert (MW_IS_TIMELINE_EDIT (self));

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Writes the series and asks for it to be shown again, @select selected. */
static void
save_and_show (MwTimelineEdit *self,
               int             select)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->error, g_free);
  if (!mw_series_save (self->series, NULL, &error))
    /* Translators: the reason follows; the change stays in the window */
    self->error = g_strdup_printf (_("Could not save the series: %s. The change is kept here and "
                                     "written with the next change that saves."), error->message);
  show_error (self, self->error);
  g_signal_emit (self, signals[EDITED], 0, select);
}

static void
update_buttons (MwTimelineEdit *self)
{
  int n = self->series != NULL ? (int) mw_series_get_n_snapshots (self->series) : 0;
  gboolean any = self->selected >= 0 && self->selected < n;

  gtk_widget_set_sensitive (self->add_button, self->series != NULL);
  gtk_widget_set_sensitive (self->remove_button, any);
  gtk_widget_set_sensitive (self->earlier_button, any && self->selected > 0);
  gtk_widget_set_sensitive (self->later_button, any && self->selected + 1 < n);
  gtk_widget_set_sensitive (GTK_WIDGET (self->title_row), any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_row), any);
}

static void
networks_chosen_cb (GtkNativeDialog *chooser,
                    int              response,
                    MwTimelineEdit  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      mw_timeline_edit_add_files (self, files);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_clicked_cb (MwTimelineEdit *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  const MwFormatInfo *formats;
  guint n_formats;

  g_assert (MW_IS_TIMELINE_EDIT (self));

  if (self->busy || self->series == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Add Snapshots"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Networks"));
  formats = mw_format_get_all (&n_formats);
  for (guint i = 0; i < n_formats; i++)
    for (guint j = 0; formats[i].patterns[j] != NULL; j++)
      gtk_file_filter_add_pattern (filter, formats[i].patterns[j]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* where the series is: its snapshots are usually beside it */
  if (mw_series_get_path (self->series) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (mw_series_get_path (self->series));

      folder = g_file_get_parent (file);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (networks_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_clicked_cb (MwTimelineEdit *self)
{
  g_assert (MW_IS_TIMELINE_EDIT (self));

  if (self->busy || self->selected < 0)
    return;
  mw_series_remove (self->series, self->selected);
  save_and_show (self, MIN (self->selected, (int) mw_series_get_n_snapshots (self->series) - 1));
}

static void
move_by (MwTimelineEdit *self,
         int             offset)
{
  int to = self->selected + offset;

  if (self->busy || self->selected < 0 || to < 0 || to >= (int) mw_series_get_n_snapshots (self->series))
    return;
  mw_series_move (self->series, self->selected, to);
  save_and_show (self, to);
}

static void
earlier_clicked_cb (MwTimelineEdit *self)
{
  g_assert (MW_IS_TIMELINE_EDIT (self));

  move_by (self, -1);
}

static void
later_clicked_cb (MwTimelineEdit *self)
{
  g_assert (MW_IS_TIMELINE_EDIT (self));

  move_by (self, 1);
}

static void
title_apply_cb (MwTimelineEdit *self)
{
  g_autofree char *title = NULL;

  g_assert (MW_IS_TIMELINE_EDIT (self));

  if (self->busy || self->selected < 0)
    return;
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  mw_series_set_title (self->series, self->selected, title);
  save_and_show (self, self->selected);
}

static void
date_apply_cb (MwTimelineEdit *self)
{
  g_autofree char *date = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (MW_IS_TIMELINE_EDIT (self));

  if (self->busy || self->selected < 0)
    return;
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row))));
  if (!mw_series_set_date (self->series, self->selected, date, &error))
    {
      /* the typed text stays, marked, so it can be corrected */
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      show_error (self, error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (mw_entry_row_get_entry (self->date_row)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  save_and_show (self, self->selected);
}

static void
mw_timeline_edit_dispose (GObject *object)
{
  MwTimelineEdit *self = MW_TIMELINE_EDIT (object);

  g_clear_object (&self->series);
  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_TIMELINE_EDIT);

  G_OBJECT_CLASS (mw_timeline_edit_parent_class)->dispose (object);
}

static void
mw_timeline_edit_finalize (GObject *object)
{
  MwTimelineEdit *self = MW_TIMELINE_EDIT (object);

  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mw_timeline_edit_parent_class)->finalize (object);
}

static void
mw_timeline_edit_class_init (MwTimelineEditClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_timeline_edit_dispose;
  object_class->finalize = mw_timeline_edit_finalize;

  /**
   * MwTimelineEdit::edited:
   * @select: the snapshot to select once the series is shown again, or -1
   *
   * The series changed (and was saved, or says why not).
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  g_type_ensure (MW_TYPE_ENTRY_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-timeline-edit.ui");
  gtk_widget_class_bind_template_child (widget_class, MwTimelineEdit, add_button);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineEdit, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineEdit, earlier_button);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineEdit, later_button);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineEdit, title_row);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineEdit, date_row);
  gtk_widget_class_bind_template_child (widget_class, MwTimelineEdit, error_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, earlier_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, later_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_apply_cb);
}

static void
mw_timeline_edit_init (MwTimelineEdit *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->selected = -1;
  update_buttons (self);
}

/**
 * mw_timeline_edit_set_series:
 * @series: (nullable): the series to edit, saved where it was loaded from;
 *   %NULL for nothing to edit
 */
void
mw_timeline_edit_set_series (MwTimelineEdit *self,
                             MwSeries       *series)
{
  g_return_if_fail (MW_IS_TIMELINE_EDIT (self));
  g_return_if_fail (series == NULL || MW_IS_SERIES (series));

  g_set_object (&self->series, series);
  mw_timeline_edit_set_selected (self, -1);
}

/* The snapshot the buttons and the title and date rows act on, or -1. */
void
mw_timeline_edit_set_selected (MwTimelineEdit *self,
                               int             index)
{
  const MwSnapshot *snapshot = NULL;

  g_return_if_fail (MW_IS_TIMELINE_EDIT (self));

  self->selected = self->series != NULL && index < (int) mw_series_get_n_snapshots (self->series) ? index : -1;
  if (self->selected >= 0)
    snapshot = mw_series_get_snapshot (self->series, self->selected);
  mw_entry_row_show_text (self->title_row, snapshot != NULL && snapshot->title != NULL ? snapshot->title : "");
  mw_entry_row_show_text (self->date_row, snapshot != NULL && snapshot->date != NULL ? snapshot->date : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (mw_entry_row_get_entry (self->date_row)),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  show_error (self, self->error);
  update_buttons (self);
}

/**
 * mw_timeline_edit_set_busy:
 * @busy: whether the series is loading elsewhere
 *
 * While busy, nothing is edited (the controls keep their focus and look:
 * a load takes a moment, and a keyboard user's place is not lost).
 */
void
mw_timeline_edit_set_busy (MwTimelineEdit *self,
                           gboolean        busy)
{
  g_return_if_fail (MW_IS_TIMELINE_EDIT (self));

  self->busy = busy;
}

/**
 * mw_timeline_edit_add_files:
 * @files: (element-type GFile): networks, added at the end in this order
 *
 * What Add Snapshots… does with the files chosen.
 */
void
mw_timeline_edit_add_files (MwTimelineEdit *self,
                            GListModel     *files)
{
  guint first;

  g_return_if_fail (MW_IS_TIMELINE_EDIT (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->busy || self->series == NULL || g_list_model_get_n_items (files) == 0)
    return;
  first = mw_series_get_n_snapshots (self->series);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        mw_series_add (self->series, path, NULL, NULL);
    }
  save_and_show (self, (int) first);
}

const char *
mw_timeline_edit_get_error (MwTimelineEdit *self)
{
  g_return_val_if_fail (MW_IS_TIMELINE_EDIT (self), NULL);

  return self->error;
}
