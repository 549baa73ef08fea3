/* mw-csv-mapping.c: columns to fields: guessed from headers or positions, FIELD=COLUMN
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-csv-private.h"

/* ---------------------------------------------------------------------- */
/* Mappings                                                                */

void
mw_csv_mapping_init (MwCsvMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    mapping->columns[f] = -1;
  mapping->keep_other_columns = TRUE;
}

static gboolean
column_is_numeric (MwCsvTable *table,
                   guint       column)
{
  guint n = MIN (mw_csv_table_get_n_rows (table), 20);
  guint numbers = 0;

  for (guint r = 0; r < n; r++)
    {
      const char *cell = mw_csv_table_get_cell (table, r, column);
      char *end;

      g_ascii_strtod (cell, &end);
      if (end != cell && *end == '\0')
        numbers++;
    }

  return n > 0 && numbers == n;
}

/* Without a header only the position can say: id, name, manager for
 * people; source, target, then type or weight for ties. */
static void
guess_by_position (MwCsvMapping *mapping,
                   MwCsvTable   *table,
                   gboolean      ties)
{
  static const MwCsvField people_order[] = { MW_CSV_FIELD_ID, MW_CSV_FIELD_NAME, MW_CSV_FIELD_MANAGER };
  guint n_columns = mw_csv_table_get_n_columns (table);

  if (!ties)
    {
      for (guint c = 0; c < MIN (n_columns, G_N_ELEMENTS (people_order)); c++)
        mapping->columns[people_order[c]] = c;
      if (n_columns == 1)
        {
          mapping->columns[MW_CSV_FIELD_ID] = -1;
          mapping->columns[MW_CSV_FIELD_NAME] = 0;
        }
      return;
    }

  if (n_columns >= 2)
    {
      mapping->columns[MW_CSV_FIELD_SOURCE] = 0;
      mapping->columns[MW_CSV_FIELD_TARGET] = 1;
    }
  for (guint c = 2; c < MIN (n_columns, 4); c++)
    {
      MwCsvField field = column_is_numeric (table, c) ? MW_CSV_FIELD_WEIGHT : MW_CSV_FIELD_TYPE;

      if (mapping->columns[field] < 0)
        mapping->columns[field] = c;
    }
}

/**
 * mw_csv_mapping_guess:
 * @ties: %TRUE for a ties file (source, target, type, weight), %FALSE for
 *   a people file
 *
 * The default mapping: from the header's names when there is a header
 * (the first column that names a field gives it), else by position.
 */
void
mw_csv_mapping_guess (MwCsvMapping *mapping,
                      MwCsvTable   *table,
                      gboolean      ties)
{
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (table != NULL);

  mw_csv_mapping_init (mapping);

  if (!table->format.has_header)
    {
      guess_by_position (mapping, table, ties);
      return;
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      MwCsvField field;

      if (_mw_csv_guess_field (mw_csv_table_get_column_name (table, c), ties, &field) &&
          mapping->columns[field] < 0)
        mapping->columns[field] = c;
    }
}

static int
find_column (MwCsvTable *table,
             const char *name)
{
  char *end;
  guint64 number;

  for (guint c = 0; c < table->n_columns; c++)
    if (g_utf8_collate (mw_csv_table_get_column_name (table, c), name) == 0 ||
        g_ascii_strcasecmp (mw_csv_table_get_column_name (table, c), name) == 0)
      return c;

  number = g_ascii_strtoull (name, &end, 10);
  if (end != name && *end == '\0' && number >= 1 && number <= table->n_columns)
    return number - 1;

  return -1;
}

static char *
list_columns (MwCsvTable *table)
{
  GString *list = g_string_new (NULL);

  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (list, "%s“%s”", c > 0 ? ", " : "", mw_csv_table_get_column_name (table, c));

  return g_string_free (list, FALSE);
}

/**
 * mw_csv_mapping_assign:
 * @assignment: "FIELD=COLUMN": a field's name, and the column's header (any
 *   case) or its number from 1; "FIELD=" maps nothing to the field
 *
 * What `meshwork-cli import --map` and a remembered mapping use.
 */
gboolean
mw_csv_mapping_assign (MwCsvMapping  *mapping,
                       MwCsvTable    *table,
                       const char    *assignment,
                       GError       **error)
{
  g_autofree char *field_name = NULL;
  const char *equals;
  const char *column_name;
  MwCsvField field;
  int column;

  g_return_val_if_fail (mapping != NULL && table != NULL && assignment != NULL, FALSE);

  equals = strchr (assignment, '=');
  if (equals == NULL)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("“%s”: expected FIELD=COLUMN, for example manager=\"Manager ID\""), assignment);
      return FALSE;
    }

  field_name = g_strstrip (g_strndup (assignment, equals - assignment));
  column_name = equals + 1;
  if (!mw_csv_field_from_string (field_name, &field))
    {
      g_autofree char *known = g_strjoinv (", ", (char **)_mw_csv_field_names);
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("“%s” is not a field Meshwork knows (%s)"), field_name, known);
      return FALSE;
    }

  if (*column_name == '\0')
    {
      mapping->columns[field] = -1;
      return TRUE;
    }

  column = find_column (table, column_name);
  if (column < 0)
    {
      g_autofree char *columns = list_columns (table);
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID, _("%s has no column “%s” (it has %s)"),
                   table->source, column_name, columns);
      return FALSE;
    }

  mapping->columns[field] = column;
  return TRUE;
}

/**
 * mw_csv_mapping_to_strv:
 *
 * Returns: (transfer full): "FIELD=COLUMN" for every mapped field, which
 *   mw_csv_mapping_assign() reads back (a dialog remembers these)
 */
GStrv
mw_csv_mapping_to_strv (const MwCsvMapping *mapping,
                        MwCsvTable         *table)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (mapping != NULL && table != NULL, NULL);

  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    {
      g_autofree char *line = NULL;

      if (mapping->columns[f] < 0 || (guint)mapping->columns[f] >= table->n_columns)
        continue;
      line = g_strdup_printf ("%s=%s", _mw_csv_field_names[f],
                              mw_csv_table_get_column_name (table, mapping->columns[f]));
      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

gboolean
mw_csv_mapping_is_people (const MwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, FALSE);
  return mapping->columns[MW_CSV_FIELD_ID] >= 0 || mapping->columns[MW_CSV_FIELD_NAME] >= 0 ||
         mapping->columns[MW_CSV_FIELD_FIRST_NAME] >= 0 || mapping->columns[MW_CSV_FIELD_LAST_NAME] >= 0;
}

gboolean
mw_csv_mapping_is_ties (const MwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, FALSE);
  return mapping->columns[MW_CSV_FIELD_SOURCE] >= 0 && mapping->columns[MW_CSV_FIELD_TARGET] >= 0;
}
