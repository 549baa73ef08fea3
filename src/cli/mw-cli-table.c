/* mw-cli-table.c: meshwork-cli table, every actor or tie as a row
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "mw-actor-measures.h"
#include "mw-attribute-table.h"
#include "mw-cli.h"

/* How a column's cells are written in JSON. */
typedef enum { CELL_TEXT, CELL_NUMBER, CELL_BOOL } CellKind;

typedef struct
{
  GPtrArray *names;   /* char* */
  GArray    *kinds;   /* CellKind */
  GPtrArray *rows;    /* GPtrArray* of char* (NULL: no value) */
} Table;

static void
table_init (Table *table)
{
  table->names = g_ptr_array_new_with_free_func (g_free);
  table->kinds = g_array_new (FALSE, FALSE, sizeof (CellKind));
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
}

static void
table_clear (Table *table)
{
  g_ptr_array_unref (table->names);
  g_array_unref (table->kinds);
  g_ptr_array_unref (table->rows);
}

static void
add_column (Table      *table,
            const char *name,
            CellKind    kind)
{
  g_ptr_array_add (table->names, g_strdup (name));
  g_array_append_val (table->kinds, kind);
}

static GPtrArray *
new_row (Table *table)
{
  GPtrArray *row = g_ptr_array_new_full (table->names->len, g_free);

  g_ptr_array_add (table->rows, row);
  return row;
}

/* The columns and cells of scores/mw-attribute-table.h, which the app's table shows too. */
static void
fill (Table           *table,
      MwNetwork       *network,
      MwTableKind      kind,
      MwActorMeasures *measures)
{
  g_autoptr(MwAttributeTable) source = mw_attribute_table_new (network, kind);
  guint n_columns = mw_attribute_table_get_n_columns (source);

  for (guint c = 0; c < n_columns; c++)
    {
      const MwTableColumn *column = mw_attribute_table_get_column (source, c);

      add_column (table, column->name, column->kind == MW_CELL_NUMBER ? CELL_NUMBER
                                       : column->kind == MW_CELL_BOOL ? CELL_BOOL : CELL_TEXT);
    }
  for (guint r = 0; r < mw_attribute_table_get_n_rows (source); r++)
    {
      GPtrArray *row = new_row (table);

      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (row, mw_attribute_table_get_text (source, c, r, measures));
    }
}

/* RFC 4180: quoted when it holds a comma, a quote or a line break. */
static void
print_csv_cell (const char *text)
{
  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      fputs (text, stdout);
      return;
    }
  putchar ('"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        putchar ('"');
      putchar (*p);
    }
  putchar ('"');
}

static void
print_csv (Table *table)
{
  for (guint c = 0; c < table->names->len; c++)
    {
      if (c > 0)
        putchar (',');
      print_csv_cell (g_ptr_array_index (table->names, c));
    }
  fputs ("\r\n", stdout);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          if (c > 0)
            putchar (',');
          print_csv_cell (g_ptr_array_index (row, c));
        }
      fputs ("\r\n", stdout);
    }
}

/* Tab-separated, the way `column -t` or a spreadsheet reads it. */
static void
print_text (Table *table)
{
  for (guint c = 0; c < table->names->len; c++)
    printf ("%s%s", c > 0 ? "\t" : "", (char *) g_ptr_array_index (table->names, c));
  putchar ('\n');
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->len; c++)
        {
          g_autofree char *cell = g_strdup (g_ptr_array_index (row, c));

          /* a tab or line break inside a cell would break the row */
          if (cell != NULL)
            g_strdelimit (cell, "\t\r\n", ' ');
          printf ("%s%s", c > 0 ? "\t" : "", cell != NULL ? cell : "");
        }
      putchar ('\n');
    }
}

static void
add_json_cell (JsonBuilder *builder,
               CellKind     kind,
               const char  *text)
{
  double number;

  if (text == NULL)
    json_builder_add_null_value (builder);
  else if (kind == CELL_NUMBER && mw_parse_number (text, &number))
    json_builder_add_double_value (builder, number);
  else if (kind == CELL_BOOL)
    json_builder_add_boolean_value (builder, strcmp (text, "true") == 0);
  else
    json_builder_add_string_value (builder, text);
}

static void
print_json (Table           *table,
            MwActorMeasures *measures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint c = 0; c < table->names->len; c++)
    json_builder_add_string_value (builder, g_ptr_array_index (table->names, c));
  json_builder_end_array (builder);

  if (measures != NULL)
    {
      guint n_sources;
      double error_bound;
      gboolean sampled = mw_actor_measures_is_sampled (measures, &n_sources, &error_bound);

      json_builder_set_member_name (builder, "betweenness");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "exact");
      json_builder_add_boolean_value (builder, !sampled);
      json_builder_set_member_name (builder, "sources");
      json_builder_add_int_value (builder, n_sources);
      json_builder_set_member_name (builder, "error_bound");
      json_builder_add_double_value (builder, error_bound);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "rows");
  json_builder_begin_array (builder);
  for (guint r = 0; r < table->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (table->rows, r);

      json_builder_begin_object (builder);
      for (guint c = 0; c < row->len; c++)
        {
          json_builder_set_member_name (builder, g_ptr_array_index (table->names, c));
          add_json_cell (builder, g_array_index (table->kinds, CellKind, c), g_ptr_array_index (row, c));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  mw_cli_print_json (root);
}

int
mw_cli_table (int    argc,
              char **argv)
{
  gboolean actors = FALSE, ties = FALSE, csv = FALSE, json = FALSE;
  GOptionEntry entries[] = {
    { "actors", 0, 0, G_OPTION_ARG_NONE, &actors, N_("One row per actor, with its measures"), NULL },
    { "ties", 0, 0, G_OPTION_ARG_NONE, &ties, N_("One row per tie"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV (RFC 4180) instead of tab-separated text"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of tab-separated text"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwActorMeasures) measures = NULL;
  Table table;

  if (!mw_cli_parse_options ("table", "FILE --actors|--ties",
                             N_("Prints every actor (or tie) as a row: first its id, then its label,\n"
                                "Meshwork's fields, the file's own attributes and, for actors, the\n"
                                "measures — degree_in, degree_out, degree_TYPE_in/out, betweenness\n"
                                "(normalised as networkx does), constraint (Burt), boundary_spanning\n"
                                "(ties into another unit or organisation) and boundary_spanning_org."),
                             entries, &argc, &argv))
    return MW_CLI_FAILED;

  if (argc != 2)
    return mw_cli_fail (_("table: expected one FILE (try “meshwork-cli table --help”)"));
  if (actors == ties)
    return mw_cli_fail (_("table: give --actors or --ties"));
  if (csv && json)
    return mw_cli_fail (_("table: give --csv or --json, not both"));

  network = mw_cli_load_network (argv[1], &error);
  if (network == NULL)
    return mw_cli_fail ("%s", error->message);

  table_init (&table);
  if (actors)
    {
      guint n_sources;
      double error_bound;

      measures = mw_actor_measures_compute (network, 0);
      fill (&table, network, MW_TABLE_ACTORS, measures);
      if (mw_actor_measures_is_sampled (measures, &n_sources, &error_bound))
        fprintf (stderr, _("meshwork-cli: betweenness estimated from %u of %u actors (each ± %.3f at 95%%)\n"),
                 n_sources, mw_network_get_n_actors (network), error_bound);
    }
  else
    fill (&table, network, MW_TABLE_TIES, NULL);

  if (json)
    print_json (&table, measures);
  else if (csv)
    print_csv (&table);
  else
    print_text (&table);
  table_clear (&table);

  return MW_CLI_OK;
}
