/* mw-import-dialog-mapping.c: the import dialog's columns mapped to fields
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the field rows (which column gives each field), the preview grids
 * with the field under each column, the guesses, and the mapping
 * remembered in GSettings for files with the same column names.
 */

#define G_LOG_DOMAIN "meshwork-import-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "mw-a11y.h"
#include "mw-import-dialog-private.h"

#define PREVIEW_ROWS 8

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

static gboolean
is_ties_field (MwCsvField field)
{
  return field >= MW_CSV_FIRST_TIES_FIELD && field <= MW_CSV_LAST_TIES_FIELD;
}

static const char *
remembered_key (gboolean ties)
{
  return ties ? "import-ties-columns" : "import-people-columns";
}

/* An edge list names a source and a target. Other people columns (Gephi
 * writes an Id and a Label for each edge) do not make it a people file;
 * a manager column does. */
gboolean
_mw_import_dialog_guess_is_ties (MwCsvTable *table)
{
  MwCsvMapping people, ties;

  mw_csv_mapping_guess (&people, table, FALSE);
  mw_csv_mapping_guess (&ties, table, TRUE);
  return mw_csv_mapping_is_ties (&ties) &&
         (!mw_csv_mapping_is_people (&people) || people.columns[MW_CSV_FIELD_MANAGER] < 0);
}

/* Translated, unlike mw_csv_format_describe(): "Semicolon-separated · header row · UTF-8 · 4 rows" */
char *
_mw_import_dialog_describe_table (MwCsvTable *table)
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
    case MW_CSV_ENCODING_UTF32:        encoding = _("UTF-32, converted"); break;
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

void
_mw_import_dialog_fill_preview (MwImportDialog *self,
              gboolean        ties)
{
  MwCsvTable *table = ties ? _mw_import_dialog_ties_table (self) : _mw_import_dialog_people_table (self);
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

void
_mw_import_dialog_fill_rows (MwImportDialog *self,
           gboolean        ties)
{
  MwCsvTable *table = ties ? _mw_import_dialog_ties_table (self) : _mw_import_dialog_people_table (self);
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
  _mw_import_dialog_update_busy (self);
}

/* What was chosen for files with these column names before, when they are
 * the same: each remembered column that this file has, and the fields left
 * empty too when all of them match. */
void
_mw_import_dialog_apply_remembered (MwImportDialog *self,
                  MwCsvTable     *table,
                  MwCsvMapping   *mapping,
                  gboolean        ties)
{
  g_auto(GStrv) remembered = g_settings_get_strv (self->settings, remembered_key (ties));
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
                  gboolean        ties)
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
  g_settings_set_strv (self->settings, remembered_key (ties), (const char * const *)strv);
}

/* After an import: what was chosen now is what the next file with these
 * column names gets. */
void
_mw_import_dialog_remember_mappings (MwImportDialog *self)
{
  MwCsvTable *people = _mw_import_dialog_people_table (self);
  MwCsvTable *ties = _mw_import_dialog_ties_table (self);

  g_assert (MW_IS_IMPORT_DIALOG (self));

  if (people != NULL)
    remember_mapping (self, people, &self->people_mapping, FALSE);
  if (ties != NULL)
    remember_mapping (self, ties, &self->ties_mapping, TRUE);
}

void
_mw_import_dialog_add_field_rows (MwImportDialog *self)
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
      mw_a11y_name_combo_row (row);
      g_object_set_data (G_OBJECT (row), "field", GUINT_TO_POINTER (f));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (row_selected_cb), self, 0);
      adw_preferences_group_add (is_ties_field (f) ? self->ties_fields : self->people_fields, GTK_WIDGET (row));
      self->rows[f] = row;
    }
}
