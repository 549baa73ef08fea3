/* mw-import-dialog.c: people and ties from CSV files, columns mapped to fields
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog itself: its template, the people (or edge list) file and the
 * optional ties file being read, the Format rows, what makes Import
 * sensitive, closing, and the public API. The mapping rows and previews
 * are in mw-import-dialog-mapping.c, running the import in
 * mw-import-dialog-run.c, the toast in mw-import-dialog-report.c. A file
 * of ties alone (a survey's edge list) is read as ties: its people are
 * found in the network, or added.
 */

#define G_LOG_DOMAIN "meshwork-import-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mw-a11y.h"

#include "mw-import-dialog-private.h"

/* The Separator row's choices, in order. */
static const char delimiters[] = { ',', ';', '\t', '|' };

G_DEFINE_FINAL_TYPE (MwImportDialog, mw_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The Format rows show how the table was read. */
static void
sync_format (MwImportDialog *self)
{
  const MwCsvFormat *format = mw_csv_table_get_format (self->main);

  g_assert (MW_IS_IMPORT_DIALOG (self));

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == format->delimiter)
      adw_combo_row_set_selected (self->separator_row, i);
  gtk_switch_set_active (self->header_switch, format->has_header);
  adw_combo_row_set_selected (self->role_row, self->main_survey ? 2 : self->main_ties ? 1 : 0);
  self->filling = FALSE;
}

static void show_ties (MwImportDialog *self,
                       const char     *title,
                       const char     *subtitle,
                       gboolean        failed);
static void remove_ties_cb (MwImportDialog *self);

/* The chosen file as people (with an optional ties file) or as ties:
 * guessed mapping, previews, and which groups show. */
static void
apply_role (MwImportDialog *self)
{
  const char *title = self->main_survey ? _("Import Survey")
                    : self->main_ties ? _("Import Ties") : _("Import People");

  g_assert (MW_IS_IMPORT_DIALOG (self));

  _mw_import_dialog_clear_survey (self);
  if (self->main_survey)
    {
      /* the survey finds its own columns; the preview shows the rows */
      mw_csv_mapping_init (&self->people_mapping);
      mw_csv_mapping_init (&self->ties_mapping);
      _mw_import_dialog_fill_survey (self);
    }
  else if (self->main_ties)
    {
      mw_csv_mapping_init (&self->people_mapping);
      mw_csv_mapping_guess (&self->ties_mapping, self->main, TRUE);
      _mw_import_dialog_apply_remembered (self, self->main, &self->ties_mapping, TRUE);
    }
  else
    {
      mw_csv_mapping_guess (&self->people_mapping, self->main, FALSE);
      _mw_import_dialog_apply_remembered (self, self->main, &self->people_mapping, FALSE);
      if (self->ties == NULL)
        mw_csv_mapping_init (&self->ties_mapping);
    }

  _mw_import_dialog_fill_preview (self, self->main_ties);
  if (!self->main_ties)
    _mw_import_dialog_fill_preview (self, TRUE);
  _mw_import_dialog_fill_rows (self, FALSE);
  _mw_import_dialog_fill_rows (self, TRUE);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->people_fields), !self->main_ties && !self->main_survey);
  gtk_widget_set_visible (GTK_WIDGET (self->ties_group), !self->main_ties && !self->main_survey);
  gtk_widget_set_visible (GTK_WIDGET (self->survey_group), self->main_survey);
  adw_preferences_group_set_title (self->ties_fields, self->main_ties ? _("Columns") : _("Tie Columns"));
  if (self->main_survey)
    gtk_widget_set_visible (GTK_WIDGET (self->ties_fields), FALSE);
  else if (self->main_ties)
    gtk_widget_set_visible (GTK_WIDGET (self->ties_fields), TRUE);
  else if (self->ties == NULL && !self->ties_failed)
    show_ties (self, NULL, NULL, FALSE);
  sync_format (self);
  _mw_import_dialog_update_busy (self);
}

static void
people_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(MwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvTable) table = mw_csv_table_load_file_finish (result, &error);
  g_autofree char *description = NULL;
  gboolean first = FALSE;

  self->n_pending--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Read again with another separator or header: the last good reading stays. */
  if (table == NULL && self->main != NULL)
    {
      sync_format (self);
      _mw_import_dialog_update_busy (self);
      _mw_import_dialog_show_error (self, _("Could Not Read the File"), error->message);
      return;
    }

  if (table == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      mw_set_str (&self->error, error->message);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      _mw_import_dialog_update_busy (self);
      return;
    }

  g_clear_pointer (&self->main, mw_csv_table_unref);
  self->main = g_steal_pointer (&table);
  if (!self->role_chosen)
    {
      self->main_ties = _mw_import_dialog_guess_is_ties (self->main);
      /* an edge list stands alone: a second ties file has no place */
      if (self->main_ties && (self->ties != NULL || self->ties_failed))
        remove_ties_cb (self);
    }

  description = _mw_import_dialog_describe_table (self->main);
  adw_preferences_group_set_description (self->people_group, description);
  apply_role (self);
  first = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "mapping") != 0;
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  _mw_import_dialog_update_busy (self);
  /* Enter imports what was guessed, as in any dialog with a suggested
   * action; after a correction the focus stays where it was. */
  if (first && gtk_widget_get_sensitive (self->import_button))
    gtk_widget_grab_focus (self->import_button);
}

/* @title: (nullable): the file's name, or %NULL for none chosen */
/* Only the last reading counts: one still running is cancelled. */
static void
load_people (MwImportDialog    *self,
             const MwCsvFormat *format)
{
  g_assert (MW_IS_IMPORT_DIALOG (self));

  g_cancellable_cancel (self->people_cancellable);
  g_clear_object (&self->people_cancellable);
  self->people_cancellable = g_cancellable_new ();
  self->n_pending++;
  _mw_import_dialog_update_busy (self);
  mw_csv_table_load_file_async (self->people_file, format, NULL, self->people_cancellable,
                                people_loaded_cb, g_object_ref (self));
}

/* Another separator or header switch: read the file again that way. */
static void
format_changed_cb (MwImportDialog *self)
{
  MwCsvFormat format;
  guint selected;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  if (self->filling || self->main == NULL || self->people_file == NULL)
    return;

  format = *mw_csv_table_get_format (self->main);
  selected = adw_combo_row_get_selected (self->separator_row);
  if (selected < G_N_ELEMENTS (delimiters))
    format.delimiter = delimiters[selected];
  format.has_header = gtk_switch_get_active (self->header_switch);
  if (format.delimiter == mw_csv_table_get_format (self->main)->delimiter &&
      format.has_header == mw_csv_table_get_format (self->main)->has_header)
    return;

  load_people (self, &format);
}

/* "Each Row Is": a person, a tie, or a survey's respondent. */
static void
role_changed_cb (MwImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->role_row);
  gboolean ties = selected == 1;
  gboolean survey = selected == 2;
  MwCsvFormat format;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  if (self->filling || self->main == NULL || (ties == self->main_ties && survey == self->main_survey))
    return;

  self->role_chosen = TRUE;
  self->main_ties = ties;
  self->main_survey = survey;
  if ((ties || survey) && (self->ties != NULL || self->ties_failed))
    remove_ties_cb (self);

  /* a survey export always has a header, however sparse (SurveyMonkey's) */
  format = *mw_csv_table_get_format (self->main);
  if (survey && !format.has_header && self->people_file != NULL)
    {
      format.has_header = TRUE;
      load_people (self, &format);
      return;
    }
  apply_role (self);
}

static void
show_ties (MwImportDialog *self,
           const char     *title,
           const char     *subtitle,
           gboolean        failed)
{
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_subtitle = NULL;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  self->ties_failed = failed;
  gtk_widget_set_visible (self->remove_button, title != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->ties_fields), title != NULL && !failed);
  gtk_widget_set_visible (self->ties_scroller, title != NULL && !failed);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->ties_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->ties_row), "error");

  /* Rows take markup; file names and errors are text. */
  escaped_title = g_markup_escape_text (title != NULL ? title : _("Ties File"), -1);
  escaped_subtitle = g_markup_escape_text (subtitle != NULL ? subtitle : _("None chosen"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->ties_row), escaped_title);
  adw_action_row_set_subtitle (self->ties_row, escaped_subtitle);
}

static void
ties_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(MwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwCsvTable) table = mw_csv_table_load_file_finish (result, &error);
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;

  self->n_pending--;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* the chosen file became the ties file meanwhile */
  if (self->main_ties)
    {
      _mw_import_dialog_update_busy (self);
      return;
    }

  g_clear_pointer (&self->ties, mw_csv_table_unref);
  if (table == NULL)
    {
      g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "ties-file");
      name = file != NULL ? g_file_get_basename (file) : NULL;
      mw_set_str (&self->error, error->message);
      show_ties (self, name != NULL ? name : _("Ties File"), error->message, TRUE);
      _mw_import_dialog_update_busy (self);
      return;
    }

  self->ties = g_steal_pointer (&table);
  mw_csv_mapping_guess (&self->ties_mapping, self->ties, TRUE);
  _mw_import_dialog_apply_remembered (self, self->ties, &self->ties_mapping, TRUE);
  _mw_import_dialog_fill_preview (self, TRUE);
  _mw_import_dialog_fill_rows (self, TRUE);

  name = g_path_get_basename (mw_csv_table_get_source (self->ties));
  description = _mw_import_dialog_describe_table (self->ties);
  show_ties (self, name, description, FALSE);
  _mw_import_dialog_update_busy (self);
}

static void
ties_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  MwImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      mw_import_dialog_load_ties (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* CSV, TSV and the .txt that spreadsheets save "Unicode text" as. */
void
mw_import_dialog_add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (tables, _("Spreadsheet Tables (CSV, TSV)"));
  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_filter_add_mime_type (tables, "text/tab-separated-values");
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_filter_add_suffix (tables, "psv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, tables);
  gtk_file_chooser_add_filter (chooser, all);
}

static void
choose_ties_cb (MwImportDialog *self)
{
  GtkFileChooserNative *chooser;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  chooser = gtk_file_chooser_native_new (_("Choose a Ties File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  mw_import_dialog_add_filters (GTK_FILE_CHOOSER (chooser));
  g_signal_connect_object (chooser, "response", G_CALLBACK (ties_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_ties_cb (MwImportDialog *self)
{
  g_assert (MW_IS_IMPORT_DIALOG (self));

  g_clear_pointer (&self->ties, mw_csv_table_unref);
  mw_csv_mapping_init (&self->ties_mapping);
  _mw_import_dialog_fill_preview (self, TRUE);
  show_ties (self, NULL, NULL, FALSE);
  _mw_import_dialog_update_busy (self);
}

static void
import_clicked_cb (MwImportDialog *self)
{
  mw_import_dialog_import (self);
}

/* Cancel stops a running import: the document stays as it was. */
static gboolean
mw_import_dialog_close_request (GtkWindow *window)
{
  MwImportDialog *self = MW_IMPORT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->people_cancellable);
  return GTK_WINDOW_CLASS (mw_import_dialog_parent_class)->close_request (window);
}

static void
mw_import_dialog_dispose (GObject *object)
{
  MwImportDialog *self = MW_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->people_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->people_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->people_file);
  g_clear_object (&self->target);
  g_clear_object (&self->imported);

  G_OBJECT_CLASS (mw_import_dialog_parent_class)->dispose (object);
}

static void
mw_import_dialog_finalize (GObject *object)
{
  MwImportDialog *self = MW_IMPORT_DIALOG (object);

  g_clear_pointer (&self->main, mw_csv_table_unref);
  g_clear_pointer (&self->ties, mw_csv_table_unref);
  g_clear_pointer (&self->report, mw_import_report_free);
  g_clear_pointer (&self->captions, g_ptr_array_unref);
  g_clear_pointer (&self->ties_captions, g_ptr_array_unref);
  g_clear_pointer (&self->question_rows, g_ptr_array_unref);
  g_clear_pointer (&self->survey, mw_csv_survey_unref);
  g_clear_pointer (&self->survey_preview, g_free);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->layout_error, g_free);

  G_OBJECT_CLASS (mw_import_dialog_parent_class)->finalize (object);
}

static void
mw_import_dialog_class_init (MwImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_import_dialog_dispose;
  object_class->finalize = mw_import_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = mw_import_dialog_close_request;

  /**
   * MwImportDialog::imported:
   * @report: (type gpointer): the MwImportReport, valid during the emission
   *
   * The import is in the document, as one step, laid out.
   */
  signals[SIGNAL_IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, people_group);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, people_preview);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, separator_row);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, people_fields);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, ties_group);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, ties_button);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, ties_row);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, remove_button);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, ties_scroller);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, ties_preview);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, ties_fields);
  gtk_widget_class_bind_template_child (widget_class, MwImportDialog, survey_group);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_ties_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_ties_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mw_import_dialog_init (MwImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.meshwork.Meshwork");
  self->cancellable = g_cancellable_new ();
  self->captions = g_ptr_array_new ();
  self->ties_captions = g_ptr_array_new ();
  self->question_rows = g_ptr_array_new ();
  mw_csv_mapping_init (&self->people_mapping);
  mw_csv_mapping_init (&self->ties_mapping);
  _mw_import_dialog_add_field_rows (self);
  mw_a11y_name_combo_row (self->role_row);
  mw_a11y_name_combo_row (self->separator_row);
  mw_a11y_name_scrollers (GTK_WIDGET (self), _("Import"));
}

/**
 * mw_import_dialog_new:
 * @document: where the import goes, as one undoable step
 *
 * Returns: (transfer none): the dialog, owned by GTK's window list until
 *   it closes
 */
MwImportDialog *
mw_import_dialog_new (GtkWindow  *parent,
                      MwDocument *document)
{
  MwImportDialog *self;

  g_return_val_if_fail (MW_IS_DOCUMENT (document), NULL);

  self = g_object_new (MW_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  return self;
}

/* Reads @file in a thread and shows its columns and first rows. */
void
mw_import_dialog_load_people (MwImportDialog *self,
                              GFile          *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (MW_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  name = g_file_get_basename (file);
  g_set_object (&self->people_file, file);
  g_clear_pointer (&self->main, mw_csv_table_unref);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  load_people (self, NULL);
}

void
mw_import_dialog_load_ties (MwImportDialog *self,
                            GFile          *file)
{
  g_return_if_fail (MW_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_object_set_data_full (G_OBJECT (self), "ties-file", g_object_ref (file), g_object_unref);
  self->n_pending++;
  _mw_import_dialog_update_busy (self);
  mw_csv_table_load_file_async (file, NULL, NULL, self->cancellable, ties_loaded_cb, g_object_ref (self));
}

/* Loading, importing or laying out. */
gboolean
mw_import_dialog_is_busy (MwImportDialog *self)
{
  g_return_val_if_fail (MW_IS_IMPORT_DIALOG (self), FALSE);
  return self->n_pending > 0;
}

/**
 * mw_import_dialog_get_table:
 *
 * Returns: (transfer none) (nullable): the people or the ties file, once read
 */
MwCsvTable *
mw_import_dialog_get_table (MwImportDialog *self,
                            gboolean        ties)
{
  g_return_val_if_fail (MW_IS_IMPORT_DIALOG (self), NULL);
  return ties ? _mw_import_dialog_ties_table (self) : _mw_import_dialog_people_table (self);
}

const MwCsvMapping *
mw_import_dialog_get_mapping (MwImportDialog *self,
                              gboolean        ties)
{
  g_return_val_if_fail (MW_IS_IMPORT_DIALOG (self), NULL);
  return ties ? &self->ties_mapping : &self->people_mapping;
}

/* What choosing the separator and the header switch does: the file is
 * read again that way (see mw_import_dialog_is_busy()). */
void
mw_import_dialog_set_format (MwImportDialog *self,
                             char            delimiter,
                             gboolean        has_header)
{
  g_return_if_fail (MW_IS_IMPORT_DIALOG (self));
  g_return_if_fail (strchr (",;\t|", delimiter) != NULL && delimiter != '\0');

  self->filling = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      adw_combo_row_set_selected (self->separator_row, i);
  gtk_switch_set_active (self->header_switch, has_header);
  self->filling = FALSE;
  format_changed_cb (self);
}

/* What choosing @column (-1: None) in the field's row does. */
void
mw_import_dialog_set_column (MwImportDialog *self,
                             MwCsvField      field,
                             int             column)
{
  g_return_if_fail (MW_IS_IMPORT_DIALOG (self));
  g_return_if_fail (field < MW_CSV_N_FIELDS);

  adw_combo_row_set_selected (self->rows[field], column + 1);
}

/* What choosing "A Tie" (%TRUE) or "A Person" in "Each Row Is" does. */
void
mw_import_dialog_set_file_is_ties (MwImportDialog *self,
                                   gboolean        ties)
{
  g_return_if_fail (MW_IS_IMPORT_DIALOG (self));

  adw_combo_row_set_selected (self->role_row, ties ? 1 : 0);
}

/**
 * mw_import_dialog_get_survey_preview:
 *
 * Returns: (nullable): with the file read as a survey, what the import
 *   would add and the response rate, as the Questions group says it
 */
const char *
mw_import_dialog_get_survey_preview (MwImportDialog *self)
{
  g_return_val_if_fail (MW_IS_IMPORT_DIALOG (self), NULL);
  return self->main_survey ? self->survey_preview : NULL;
}

/* Whether the chosen file is read as ties (an edge list, no people file). */
gboolean
mw_import_dialog_get_file_is_ties (MwImportDialog *self)
{
  g_return_val_if_fail (MW_IS_IMPORT_DIALOG (self), FALSE);
  return self->main_ties;
}

/**
 * mw_import_dialog_get_layout_error:
 *
 * Returns: (nullable): why the import could not be laid out, once it is in
 *   the document (the new actors were placed next to their neighbours)
 */
const char *
mw_import_dialog_get_layout_error (MwImportDialog *self)
{
  g_return_val_if_fail (MW_IS_IMPORT_DIALOG (self), NULL);
  return self->layout_error;
}

/**
 * mw_import_dialog_get_error:
 *
 * Returns: (nullable): the last error the dialog showed
 */
const char *
mw_import_dialog_get_error (MwImportDialog *self)
{
  g_return_val_if_fail (MW_IS_IMPORT_DIALOG (self), NULL);
  return self->error;
}

