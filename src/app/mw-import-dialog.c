/* mw-import-dialog.c: people and ties from CSV files, columns mapped to fields
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import is checked on a copy of the network in a thread; the copy is
 * laid out as an org chart in a child process, and only then does the
 * document change, in one undoable step: the new actors and ties in their
 * places, beside what was already drawn. A fatal error leaves the document as it was. The
 * mapping is remembered in GSettings and applied again to files with the
 * same column names. A file of ties alone (a survey's edge list) is read
 * as ties: its people are found in the network, or added.
 */

#define G_LOG_DOMAIN "meshwork-import-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mw-import-dialog.h"
#include "mw-layout.h"

#define PREVIEW_ROWS 8

/* The Separator row's choices, in order. */
static const char delimiters[] = { ',', ';', '\t', '|' };
/* Beyond this an org chart takes too long: the layout chooses another. */
#define IMPORT_LAYOUT_MAX_SECONDS 30.0
/* Between the drawing and the imported org chart placed beside it, in points. */
#define BESIDE_GAP 160.0

typedef struct
{
  MwCsvField  field;
  const char *title;
  const char *subtitle;
} FieldInfo;

static const FieldInfo field_infos[] = {
  { MW_CSV_FIELD_ID, N_("ID"), N_("Unique for each person; managers refer to it") },
  { MW_CSV_FIELD_NAME, N_("Name"), NULL },
  { MW_CSV_FIELD_FIRST_NAME, N_("First Name"), N_("Joined with the last name when no column gives the name") },
  { MW_CSV_FIELD_LAST_NAME, N_("Last Name"), NULL },
  { MW_CSV_FIELD_MANAGER, N_("Manager"), N_("The manager’s ID: a “reports” tie") },
  { MW_CSV_FIELD_TITLE, N_("Job Title"), NULL },
  { MW_CSV_FIELD_UNIT, N_("Unit"), N_("Department or team") },
  { MW_CSV_FIELD_ORG, N_("Organisation"), NULL },
  { MW_CSV_FIELD_LOCATION, N_("Location"), NULL },
  { MW_CSV_FIELD_EMAIL, N_("Email"), NULL },
  { MW_CSV_FIELD_KIND, N_("Kind"), N_("Person, team or organisation") },
  { MW_CSV_FIELD_SOURCE, N_("Source"), N_("The ID or name of the actor the tie starts from") },
  { MW_CSV_FIELD_TARGET, N_("Target"), N_("The ID or name of the actor it goes to") },
  { MW_CSV_FIELD_TYPE, N_("Type"), N_("Reports, collaborates, influences or checks") },
  { MW_CSV_FIELD_WEIGHT, N_("Weight"), NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_infos) == MW_CSV_N_FIELDS);

struct _MwImportDialog
{
  AdwWindow      parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *import_button;
  GtkWidget      *busy_spinner;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  AdwPreferencesGroup *people_group;
  GtkGrid        *people_preview;
  AdwComboRow    *role_row;
  AdwComboRow    *separator_row;
  GtkSwitch      *header_switch;
  AdwPreferencesGroup *people_fields;
  AdwPreferencesGroup *ties_group;
  GtkWidget      *ties_button;
  AdwActionRow   *ties_row;
  GtkWidget      *remove_button;
  GtkWidget      *ties_scroller;
  GtkGrid        *ties_preview;
  AdwPreferencesGroup *ties_fields;

  /* owned */
  MwDocument     *document;
  GFile          *people_file;     /* (nullable) */
  GSettings      *settings;
  GCancellable   *cancellable;
  GCancellable   *people_cancellable;  /* (nullable) the people file's reading in progress */
  MwCsvTable     *main;            /* (nullable) the chosen file: people, or ties (main_ties) */
  MwCsvTable     *ties;            /* (nullable) a second file, of ties, beside a people file */
  MwCsvMapping    people_mapping;
  MwCsvMapping    ties_mapping;
  AdwComboRow    *rows[MW_CSV_N_FIELDS];
  GPtrArray      *captions;        /* GtkLabel*: the field under each preview column */
  GPtrArray      *ties_captions;
  MwNetwork      *target;          /* (nullable) the network being imported into */
  MwNetwork      *imported;        /* (nullable) the checked copy, while it is laid out */
  MwImportReport *report;          /* (nullable) while laying out */
  char           *error;           /* (nullable) the last error shown */
  char           *layout_error;    /* (nullable) why the import could not be laid out */
  guint           n_pending;
  gboolean        ties_failed;     /* a ties file was chosen and could not be read */
  gboolean        filling;
  gboolean        main_ties;       /* the chosen file is an edge list: no people file */
  gboolean        role_chosen;     /* by hand: a new reading of the file keeps it */
};

G_DEFINE_FINAL_TYPE (MwImportDialog, mw_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_ties_field (MwCsvField field)
{
  return field >= MW_CSV_FIRST_TIES_FIELD && field <= MW_CSV_LAST_TIES_FIELD;
}

static MwCsvTable *
people_table (MwImportDialog *self)
{
  return self->main_ties ? NULL : self->main;
}

static MwCsvTable *
ties_table (MwImportDialog *self)
{
  return self->main_ties ? self->main : self->ties;
}

static const char *
remembered_key (gboolean ties)
{
  return ties ? "import-ties-columns" : "import-people-columns";
}

/* An edge list names a source and a target. Other people columns (Gephi
 * writes an Id and a Label for each edge) do not make it a people file;
 * a manager column does. */
static gboolean
guess_is_ties (MwCsvTable *table)
{
  MwCsvMapping people, ties;

  mw_csv_mapping_guess (&people, table, FALSE);
  mw_csv_mapping_guess (&ties, table, TRUE);
  return mw_csv_mapping_is_ties (&ties) &&
         (!mw_csv_mapping_is_people (&people) || people.columns[MW_CSV_FIELD_MANAGER] < 0);
}

static void
update_busy (MwImportDialog *self)
{
  gboolean busy = self->n_pending > 0;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  gtk_widget_set_visible (self->busy_spinner, busy && self->target != NULL);
  gtk_spinner_set_spinning (GTK_SPINNER (self->busy_spinner), busy && self->target != NULL);
  gtk_widget_set_sensitive (self->import_button,
                            !busy && self->main != NULL &&
                            (self->main_ties
                             ? mw_csv_mapping_is_ties (&self->ties_mapping)
                             : mw_csv_mapping_is_people (&self->people_mapping) && !self->ties_failed &&
                               (self->ties == NULL || mw_csv_mapping_is_ties (&self->ties_mapping))));
  gtk_widget_set_sensitive (self->ties_button, !busy && self->main != NULL);

  /* Say why Import is off when the mapping is what holds it back. */
  adw_preferences_group_set_description (self->people_fields,
                                         people_table (self) == NULL || mw_csv_mapping_is_people (&self->people_mapping)
                                         ? _("Which column gives each detail of a person. Other columns are kept as attributes.")
                                         : _("Choose the column with the ID or the name of each person: without one, nobody can be imported."));
  adw_preferences_group_set_description (self->ties_fields,
                                         ties_table (self) != NULL && !mw_csv_mapping_is_ties (&self->ties_mapping)
                                         ? _("Choose the columns with the source and the target of each tie.")
                                         : self->main_ties
                                         ? _("Which column gives each detail of a tie. People are found by their ID, "
                                             "then by their name; a name the network does not have becomes a new person.")
                                         : NULL);
}

/* Translated, unlike mw_csv_format_describe(): "Semicolon-separated · header row · UTF-8 · 4 rows" */
static char *
describe_table (MwCsvTable *table)
{
  const MwCsvFormat *format = mw_csv_table_get_format (table);
  guint n_rows = mw_csv_table_get_n_rows (table);
  g_autofree char *rows = g_strdup_printf (ngettext ("%u row", "%u rows", n_rows), n_rows);
  const char *delimiter, *header, *encoding;

  switch (format->delimiter)
    {
    case ';':  delimiter = _("Semicolon-separated"); break;
    case '\t': delimiter = _("Tab-separated"); break;
    case '|':  delimiter = _("Bar-separated"); break;
    case ',':
    default:   delimiter = _("Comma-separated"); break;
    }
  header = format->has_header ? _("header row") : _("no header row");
  switch (format->encoding)
    {
    case MW_CSV_ENCODING_WINDOWS_1252: encoding = _("Windows-1252, converted"); break;
    case MW_CSV_ENCODING_UTF16:        encoding = _("UTF-16, converted"); break;
    case MW_CSV_ENCODING_UTF8:
    default:                           encoding = "UTF-8"; break;
    }

  return g_strdup_printf ("%s · %s · %s · %s", delimiter, header, encoding, rows);
}

static GtkWidget *
preview_label (const char *text,
               const char *css_class)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GtkWidget *label;

  g_strdelimit (valid, "\r\n\t", ' ');
  label = gtk_label_new (valid);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Short cells whole, long ones cut: the preview scrolls sideways. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), MIN (g_utf8_strlen (valid, -1), 16));
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  if (g_utf8_strlen (valid, -1) > 16)
    gtk_widget_set_tooltip_text (label, valid);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The field each column gives, under its header in the preview. */
static void
update_captions (MwImportDialog *self,
                 gboolean        ties)
{
  GPtrArray *captions = ties && !self->main_ties ? self->ties_captions : self->captions;
  const MwCsvMapping *mapping = ties ? &self->ties_mapping : &self->people_mapping;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  /* the first preview shows the chosen file's fields, whichever they are */
  if (!ties && self->main_ties)
    return;

  for (guint c = 0; c < captions->len; c++)
    {
      GtkLabel *label = g_ptr_array_index (captions, c);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
        if (is_ties_field (f) == ties && mapping->columns[f] == (int)c)
          g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", _(field_infos[f].title));

      gtk_label_set_text (label, text->len > 0 ? text->str : "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), text->len > 0 ? NULL : _("Kept as an attribute"));
    }
}

static void
fill_preview (MwImportDialog *self,
              gboolean        ties)
{
  MwCsvTable *table = ties ? ties_table (self) : people_table (self);
  gboolean first = !ties || self->main_ties;
  GtkGrid *grid = first ? self->people_preview : self->ties_preview;
  GPtrArray *captions = first ? self->captions : self->ties_captions;
  GtkWidget *child;
  guint n_columns, n_rows;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  if (!ties && self->main_ties)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
  g_ptr_array_set_size (captions, 0);
  if (table == NULL)
    return;

  n_columns = mw_csv_table_get_n_columns (table);
  n_rows = MIN (mw_csv_table_get_n_rows (table), PREVIEW_ROWS);
  for (guint c = 0; c < n_columns; c++)
    {
      GtkWidget *caption = preview_label ("", "caption");

      gtk_widget_add_css_class (caption, "accent");
      gtk_grid_attach (grid, preview_label (mw_csv_table_get_column_name (table, c), "heading"), c, 0, 1, 1);
      gtk_grid_attach (grid, caption, c, 1, 1, 1);
      g_ptr_array_add (captions, caption);

      for (guint r = 0; r < n_rows; r++)
        gtk_grid_attach (grid, preview_label (mw_csv_table_get_cell (table, r, c), NULL), c, r + 2, 1, 1);
    }
  update_captions (self, ties);
}

static void
fill_rows (MwImportDialog *self,
           gboolean        ties)
{
  MwCsvTable *table = ties ? ties_table (self) : people_table (self);
  MwCsvMapping *mapping = ties ? &self->ties_mapping : &self->people_mapping;
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  g_assert (MW_IS_IMPORT_DIALOG (self));

  gtk_string_list_append (model, C_("column", "None"));
  for (guint c = 0; table != NULL && c < mw_csv_table_get_n_columns (table); c++)
    {
      g_autofree char *name = g_utf8_make_valid (mw_csv_table_get_column_name (table, c), -1);
      gtk_string_list_append (model, name);
    }

  self->filling = TRUE;
  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    if (is_ties_field (f) == ties)
      {
        adw_combo_row_set_model (self->rows[f], G_LIST_MODEL (model));
        adw_combo_row_set_selected (self->rows[f], mapping->columns[f] + 1);
      }
  self->filling = FALSE;
}

static void
row_selected_cb (AdwComboRow    *row,
                 GParamSpec     *pspec,
                 MwImportDialog *self)
{
  MwCsvField field = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "field"));
  MwCsvMapping *mapping = is_ties_field (field) ? &self->ties_mapping : &self->people_mapping;
  guint selected = adw_combo_row_get_selected (row);

  if (self->filling)
    return;

  mapping->columns[field] = selected == GTK_INVALID_LIST_POSITION ? -1 : (int)selected - 1;
  update_captions (self, is_ties_field (field));
  update_busy (self);
}

/* What was chosen for files with these column names before, when they are
 * the same: each remembered column that this file has, and the fields left
 * empty too when all of them match. */
static void
apply_remembered (MwImportDialog *self,
                  MwCsvTable     *table,
                  MwCsvMapping   *mapping,
                  const char     *key)
{
  g_auto(GStrv) remembered = g_settings_get_strv (self->settings, key);
  gboolean all_match = TRUE;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  if (!mw_csv_table_get_format (table)->has_header || remembered[0] == NULL)
    return;

  for (guint i = 0; remembered[i] != NULL; i++)
    {
      const char *column = strchr (remembered[i], '=');
      gboolean found = FALSE;

      if (column == NULL || column[1] == '\0')
        continue;
      for (guint c = 0; c < mw_csv_table_get_n_columns (table) && !found; c++)
        found = g_str_equal (mw_csv_table_get_column_name (table, c), column + 1);

      if (found)
        mw_csv_mapping_assign (mapping, table, remembered[i], NULL);
      else
        all_match = FALSE;
    }

  for (guint i = 0; all_match && remembered[i] != NULL; i++)
    if (g_str_has_suffix (remembered[i], "="))
      mw_csv_mapping_assign (mapping, table, remembered[i], NULL);
}

static void
remember_mapping (MwImportDialog *self,
                  MwCsvTable     *table,
                  MwCsvMapping   *mapping,
                  gboolean        ties,
                  const char     *key)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  /* Unmapped fields too ("unit="): a field set to None stays None. */
  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    if (is_ties_field (f) == ties)
      {
        int column = mapping->columns[f];
        g_autofree char *line = g_strdup_printf ("%s=%s", mw_csv_field_to_string (f),
                                                 column >= 0 ? mw_csv_table_get_column_name (table, column) : "");
        g_strv_builder_add (builder, line);
      }
  strv = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, key, (const char * const *)strv);
}

static void
show_error (MwImportDialog *self,
            const char     *heading,
            const char     *message)
{
  GtkWidget *dialog;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  mw_set_str (&self->error, message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

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
  adw_combo_row_set_selected (self->role_row, self->main_ties ? 1 : 0);
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
  const char *title = self->main_ties ? _("Import Ties") : _("Import People");

  g_assert (MW_IS_IMPORT_DIALOG (self));

  if (self->main_ties)
    {
      mw_csv_mapping_init (&self->people_mapping);
      mw_csv_mapping_guess (&self->ties_mapping, self->main, TRUE);
      apply_remembered (self, self->main, &self->ties_mapping, remembered_key (TRUE));
    }
  else
    {
      mw_csv_mapping_guess (&self->people_mapping, self->main, FALSE);
      apply_remembered (self, self->main, &self->people_mapping, remembered_key (FALSE));
      if (self->ties == NULL)
        mw_csv_mapping_init (&self->ties_mapping);
    }

  fill_preview (self, self->main_ties);
  if (!self->main_ties)
    fill_preview (self, TRUE);
  fill_rows (self, FALSE);
  fill_rows (self, TRUE);

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_widget_set_visible (GTK_WIDGET (self->people_fields), !self->main_ties);
  gtk_widget_set_visible (GTK_WIDGET (self->ties_group), !self->main_ties);
  adw_preferences_group_set_title (self->ties_fields, self->main_ties ? _("Columns") : _("Tie Columns"));
  if (self->main_ties)
    gtk_widget_set_visible (GTK_WIDGET (self->ties_fields), TRUE);
  else if (self->ties == NULL && !self->ties_failed)
    show_ties (self, NULL, NULL, FALSE);
  sync_format (self);
  update_busy (self);
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
      update_busy (self);
      show_error (self, _("Could Not Read the File"), error->message);
      return;
    }

  if (table == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      mw_set_str (&self->error, error->message);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->stack, "error");
      update_busy (self);
      return;
    }

  g_clear_pointer (&self->main, mw_csv_table_unref);
  self->main = g_steal_pointer (&table);
  if (!self->role_chosen)
    {
      self->main_ties = guess_is_ties (self->main);
      /* an edge list stands alone: a second ties file has no place */
      if (self->main_ties && (self->ties != NULL || self->ties_failed))
        remove_ties_cb (self);
    }

  description = describe_table (self->main);
  adw_preferences_group_set_description (self->people_group, description);
  apply_role (self);
  first = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "mapping") != 0;
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  update_busy (self);
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
  update_busy (self);
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

/* "Each Row Is": a person, or a tie. */
static void
role_changed_cb (MwImportDialog *self)
{
  gboolean ties = adw_combo_row_get_selected (self->role_row) == 1;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  if (self->filling || self->main == NULL || ties == self->main_ties)
    return;

  self->role_chosen = TRUE;
  self->main_ties = ties;
  if (ties && (self->ties != NULL || self->ties_failed))
    remove_ties_cb (self);
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
      update_busy (self);
      return;
    }

  g_clear_pointer (&self->ties, mw_csv_table_unref);
  if (table == NULL)
    {
      g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "ties-file");
      name = file != NULL ? g_file_get_basename (file) : NULL;
      mw_set_str (&self->error, error->message);
      show_ties (self, name != NULL ? name : _("Ties File"), error->message, TRUE);
      update_busy (self);
      return;
    }

  self->ties = g_steal_pointer (&table);
  mw_csv_mapping_guess (&self->ties_mapping, self->ties, TRUE);
  apply_remembered (self, self->ties, &self->ties_mapping, remembered_key (TRUE));
  fill_preview (self, TRUE);
  fill_rows (self, TRUE);

  name = g_path_get_basename (mw_csv_table_get_source (self->ties));
  description = describe_table (self->ties);
  show_ties (self, name, description, FALSE);
  update_busy (self);
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
  fill_preview (self, TRUE);
  show_ties (self, NULL, NULL, FALSE);
  update_busy (self);
}

/* Nobody was placed by hand in the new part: where the layout could not
 * run, each new actor goes next to its neighbours. */
static void
place_unplaced (MwEdit    *edit,
                MwNetwork *network)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      double x, y;

      if (actor->has_position)
        continue;
      mw_layout_place_new_actor (network, actor, &x, &y);
      mw_edit_move_actor (edit, actor, x, y);
    }
}

/* What was placed before keeps its place (an import is no reason to undo
 * someone's arrangement): the newcomers' org chart goes beside it as one
 * block, top-aligned. Into a network with nothing placed, all is laid out. */
static void
keep_old_places (MwNetwork  *network,
                 GHashTable *positions)
{
  double old_right = -G_MAXDOUBLE, old_top = G_MAXDOUBLE;
  double new_left = G_MAXDOUBLE, new_top = G_MAXDOUBLE;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (actor->has_position)
        {
          old_right = MAX (old_right, actor->x);
          old_top = MIN (old_top, actor->y);
        }
    }
  if (old_right == -G_MAXDOUBLE)
    return;

  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const MwLayoutPoint *point = value;

      if (mw_network_lookup_actor (network, key) != NULL)
        g_hash_table_iter_remove (&iter);
      else
        {
          new_left = MIN (new_left, point->x);
          new_top = MIN (new_top, point->y);
        }
    }

  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      MwLayoutPoint *point = value;

      point->x += old_right + BESIDE_GAP - new_left;
      point->y += old_top - new_top;
    }
}

/* The one step: the new actors and ties, and where they go. */
static void
commit_import (MwImportDialog *self,
               MwNetwork      *imported,
               GHashTable     *positions)
{
  MwHistory *history = mw_document_get_history (self->document);
  MwNetwork *network = mw_document_get_network (self->document);
  GHashTableIter iter;
  gpointer key, value;
  MwEdit *edit;

  g_assert (MW_IS_IMPORT_DIALOG (self));

  if (network != self->target || mw_history_is_editing (history))
    {
      show_error (self, _("Could Not Import"), _("The network changed while the import was being prepared. Try again."));
      return;
    }

  edit = mw_history_begin (history, _("Import"));
  if (positions != NULL)
    keep_old_places (network, positions);
  mw_edit_add_missing (edit, imported);
  if (positions != NULL)
    {
      g_hash_table_iter_init (&iter, positions);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          MwActor *actor = mw_network_lookup_actor (network, key);
          const MwLayoutPoint *point = value;

          if (actor != NULL)
            mw_edit_move_actor (edit, actor, point->x, point->y);
        }
    }
  place_unplaced (edit, network);
  mw_history_commit (history, edit);

  if (people_table (self) != NULL)
    remember_mapping (self, people_table (self), &self->people_mapping, FALSE, remembered_key (FALSE));
  if (ties_table (self) != NULL)
    remember_mapping (self, ties_table (self), &self->ties_mapping, TRUE, remembered_key (TRUE));

  g_signal_emit (self, signals[SIGNAL_IMPORTED], 0, self->report);
  gtk_window_close (GTK_WINDOW (self));
}

/* @positions: (nullable): where the layout put everyone */
static void
finish_import (MwImportDialog *self,
               MwNetwork      *imported,
               GHashTable     *positions)
{
  g_assert (MW_IS_IMPORT_DIALOG (self));

  commit_import (self, imported, positions);
  g_clear_pointer (&self->report, mw_import_report_free);
  g_clear_object (&self->target);
  update_busy (self);
}

static gboolean
has_placed_actors (MwNetwork *network)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    if (mw_network_get_actor (network, i)->has_position)
      return TRUE;
  return FALSE;
}

static void
layout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MwImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) positions = mw_layout_run_finish (result, &error);
  g_autoptr(MwNetwork) imported = g_steal_pointer (&self->imported);

  self->n_pending--;
  /* Cancel (or closing) drops the import, and the widgets may be gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A layout that failed is no reason to lose the import; the report says so. */
  if (error != NULL)
    {
      g_debug ("Could not lay out the import: %s", error->message);
      mw_set_str (&self->layout_error, error->message);
    }
  finish_import (self, imported, positions);
}

typedef struct
{
  MwNetwork          *copy;
  MwCsvTable         *people;      /* (nullable) */
  MwCsvTable         *ties;        /* (nullable) */
  MwCsvMapping        people_mapping;
  MwCsvMapping        ties_mapping;
  MwImportReport     *report;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_clear_object (&data->copy);
  g_clear_pointer (&data->people, mw_csv_table_unref);
  g_clear_pointer (&data->ties, mw_csv_table_unref);
  g_clear_pointer (&data->report, mw_import_report_free);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  MwCsvImportOptions options;

  mw_csv_import_options_init (&options);
  /* an edge list alone adds the people it names, as Gephi and Kumu do;
   * the report lists them when the network already has people */
  options.create_missing_actors = data->people == NULL;
  if (!mw_csv_import_into (data->copy, data->people, data->people != NULL ? &data->people_mapping : NULL,
                           data->ties, data->ties != NULL ? &data->ties_mapping : NULL,
                           &options, &data->report, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  MwImportDialog *self = MW_IMPORT_DIALOG (object);
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  MwLayoutEngine engine = MW_LAYOUT_DOT;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->n_pending--;
      g_clear_object (&self->target);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      update_busy (self);
      show_error (self, _("Could Not Import"), error->message);
      return;
    }

  self->report = g_steal_pointer (&data->report);
  if (data->people == NULL && has_placed_actors (self->target))
    {
      /* Ties among people already drawn (a survey of them, say): an org
       * chart has nothing to say, each newcomer goes next to its neighbours. */
      self->n_pending--;
      finish_import (self, data->copy, NULL);
      return;
    }
  /* An edge list alone is no org chart. */
  if (data->people == NULL)
    engine = mw_layout_choose_engine (data->copy);
  if (mw_layout_estimate_seconds (data->copy, engine) > IMPORT_LAYOUT_MAX_SECONDS)
    engine = mw_layout_choose_engine (data->copy);

  g_set_object (&self->imported, data->copy);
  mw_layout_run_async (data->copy, engine, 0, self->cancellable, layout_cb, g_object_ref (self));
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
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_ties_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_ties_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_changed_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
add_field_rows (MwImportDialog *self)
{
  g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  g_assert (MW_IS_IMPORT_DIALOG (self));

  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      g_assert (field_infos[f].field == f);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(field_infos[f].title));
      if (field_infos[f].subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(field_infos[f].subtitle));
      adw_combo_row_set_expression (row, expression);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (f));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (row_selected_cb), self, 0);
      adw_preferences_group_add (is_ties_field (f) ? self->ties_fields : self->people_fields, GTK_WIDGET (row));
      self->rows[f] = row;
    }
}

static void
mw_import_dialog_init (MwImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("io.github.meshwork.Meshwork");
  self->cancellable = g_cancellable_new ();
  self->captions = g_ptr_array_new ();
  self->ties_captions = g_ptr_array_new ();
  mw_csv_mapping_init (&self->people_mapping);
  mw_csv_mapping_init (&self->ties_mapping);
  add_field_rows (self);
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
  update_busy (self);
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
  return ties ? ties_table (self) : people_table (self);
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

/* What the Import button does: check on a copy in a thread, lay the copy
 * out, then change the document in one step and close. */
void
mw_import_dialog_import (MwImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (MW_IS_IMPORT_DIALOG (self));

  if (!gtk_widget_get_sensitive (self->import_button))
    return;

  g_set_object (&self->target, mw_document_get_network (self->document));
  data = g_new0 (ImportData, 1);
  data->copy = mw_network_copy (self->target);
  data->people = people_table (self) != NULL ? mw_csv_table_ref (people_table (self)) : NULL;
  data->ties = ties_table (self) != NULL ? mw_csv_table_ref (ties_table (self)) : NULL;
  data->people_mapping = self->people_mapping;
  data->ties_mapping = self->ties_mapping;

  self->n_pending++;
  update_busy (self);
  task = g_task_new (self, self->cancellable, imported_cb, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/* The core's messages are clauses ("no one has the id …"): a row shows a sentence. */
static char *
sentence (const char *message)
{
  gunichar first = g_utf8_get_char (message);
  GString *text;

  if (*message == '\0' || !g_unichar_islower (first))
    return g_strdup (message);
  text = g_string_new (NULL);
  g_string_append_unichar (text, g_unichar_totitle (first));
  g_string_append (text, g_utf8_next_char (message));
  return g_string_free (text, FALSE);
}

static void
details_cb (AdwToast  *toast,
            GtkWindow *parent)
{
  GPtrArray *problems = g_object_get_data (G_OBJECT (toast), "mw-import-problems");
  const char *layout_error = g_object_get_data (G_OBJECT (toast), "mw-import-layout-error");
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog, *list, *scroller;
  gboolean skipped = FALSE;

  g_return_if_fail (problems != NULL);

  for (guint i = 0; i < problems->len; i++)
    skipped |= ((MwImportProblem *)g_ptr_array_index (problems, i))->skipped;

  if (layout_error != NULL)
    g_string_append_printf (body, _("The automatic layout could not run (%s), so the new people "
                                    "were placed next to the people they are tied to."), layout_error);
  if (problems->len > 0)
    g_string_append_printf (body, "%s%s", body->len > 0 ? "\n\n" : "",
                            skipped ? _("Rows with a problem that could not be imported were skipped; "
                                        "everything else was imported.")
                                    : _("Everything was imported, but these rows may need a look."));
  dialog = adw_message_dialog_new (parent, _("Import Problems"), body->str);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  for (guint i = 0; i < problems->len; i++)
    {
      const MwImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *where = NULL;
      g_autofree char *name = g_path_get_basename (problem->source);
      g_autofree char *message = sentence (problem->message);
      g_autofree char *title = g_markup_escape_text (message, -1);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (problem->column == 0)
        where = g_strdup_printf (_("%s, row %u"), name, problem->row);
      else
        where = g_strdup_printf (_("%s, row %u, column %u (%s)"), name, problem->row,
                                 problem->column, problem->column_name != NULL ? problem->column_name : "");
      subtitle = g_markup_escape_text (where, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  if (problems->len > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  else
    g_object_unref (g_object_ref_sink (scroller));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 560, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * mw_import_report_toast_new:
 * @parent: for the Details dialog
 * @layout_error: (nullable): why the import could not be laid out
 *
 * "Imported 12 people, 3 ties; 2 rows skipped", with a Details button
 * listing the problems by row and column when there were any, and saying
 * why the layout could not run when it could not.
 *
 * Returns: (transfer full): a new toast
 */
AdwToast *
mw_import_report_toast_new (GtkWindow      *parent,
                            MwImportReport *report,
                            const char     *layout_error)
{
  g_autofree char *people = NULL;
  g_autofree char *ties = NULL;
  g_autofree char *title = NULL;
  g_autofree char *counts = NULL;
  AdwToast *toast;

  g_return_val_if_fail (report != NULL, NULL);

  people = g_strdup_printf (ngettext ("Imported %u person", "Imported %u people", report->n_actors),
                            report->n_actors);
  ties = g_strdup_printf (ngettext ("%u tie", "%u ties", report->n_ties), report->n_ties);
  if (report->n_rows_skipped > 0)
    {
      g_autofree char *skipped = g_strdup_printf (ngettext ("%u row skipped", "%u rows skipped",
                                                            report->n_rows_skipped),
                                                  report->n_rows_skipped);
      /* Translators: "Imported 12 people", "3 ties", "2 rows skipped" */
      counts = g_strdup_printf (_("%s, %s; %s"), people, ties, skipped);
    }
  else
    /* Translators: "Imported 12 people", "3 ties" */
    counts = g_strdup_printf (_("%s, %s"), people, ties);

  if (layout_error != NULL)
    /* Translators: "Imported 12 people, 3 ties"; the automatic layout could not run */
    title = g_strdup_printf (_("%s; not arranged"), counts);
  else
    title = g_steal_pointer (&counts);

  toast = adw_toast_new (title);
  if (report->problems->len > 0 || layout_error != NULL)
    {
      g_object_set_data_full (G_OBJECT (toast), "mw-import-layout-error", g_strdup (layout_error), g_free);
      g_object_set_data_full (G_OBJECT (toast), "mw-import-problems", g_ptr_array_ref (report->problems),
                              (GDestroyNotify)g_ptr_array_unref);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_timeout (toast, 10);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (details_cb), parent, 0);
    }
  return toast;
}
