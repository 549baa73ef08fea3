/* test-attribute-table.c: the data table's columns, cells, sort keys and
 * edits, headless — what the app's table and meshwork-cli table share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "mw-attribute-table.h"
#include "mw-format.h"

/* Ann (Sales, 46 staff) reports to Bob; Bob collaborates with Cy, who has
 * no staff figure; the file's default gives everyone the sector "public". */
static MwNetwork *
small_network (void)
{
  MwNetwork *network = mw_network_new ();
  MwActor *ann = mw_network_add_actor (network, "ann", "Ann", MW_ACTOR_PERSON, NULL);
  MwActor *bob = mw_network_add_actor (network, "bob", "bob", MW_ACTOR_PERSON, NULL);
  MwActor *cy = mw_network_add_actor (network, "cy", "Cy", MW_ACTOR_TEAM, NULL);

  mw_network_set_actor_unit (network, ann, "Sales");
  mw_network_set_actor_attr (network, ann, "paid_staff", "46");
  mw_network_set_actor_attr (network, bob, "paid_staff", "112");
  g_hash_table_insert (mw_network_get_node_defaults (network), g_strdup ("sector"), g_strdup ("public"));
  mw_network_add_tie (network, ann, bob, MW_TIE_REPORTS, 1, "e1");
  mw_network_add_tie (network, bob, cy, MW_TIE_COLLABORATES, 2.5, "e2");
  (void) cy;
  return network;
}

static GStrv
column_names (MwAttributeTable *table)
{
  GPtrArray *names = g_ptr_array_new ();

  for (guint c = 0; c < mw_attribute_table_get_n_columns (table); c++)
    g_ptr_array_add (names, g_strdup (mw_attribute_table_get_column (table, c)->name));
  g_ptr_array_add (names, NULL);
  return (GStrv) g_ptr_array_free (names, FALSE);
}

static char *
cell (MwAttributeTable *table,
      const char       *column,
      const char       *id,
      MwActorMeasures  *measures)
{
  MwNetwork *network = mw_attribute_table_get_network (table);
  guint row = mw_attribute_table_get_kind (table) == MW_TABLE_ACTORS ? mw_network_lookup_actor (network, id)->index
                                                                     : mw_network_lookup_tie (network, id)->index;

  g_assert_cmpint (mw_attribute_table_find_column (table, column), >=, 0);
  return mw_attribute_table_get_text (table, mw_attribute_table_find_column (table, column), row, measures);
}

/* The columns come in `meshwork-cli table`'s order: id, label, fields, own, measures. */
static void
test_columns (void)
{
  g_autoptr(MwNetwork) network = small_network ();
  g_autoptr(MwAttributeTable) actors = mw_attribute_table_new (network, MW_TABLE_ACTORS);
  g_autoptr(MwAttributeTable) ties = mw_attribute_table_new (network, MW_TABLE_TIES);
  g_auto(GStrv) names = column_names (actors);
  g_auto(GStrv) tie_names = column_names (ties);
  g_autofree char *joined = g_strjoinv (",", names);

  g_assert_true (g_str_has_prefix (joined, "id,label,kind,org,unit,notes,purpose,initiative,paid_staff,sector,"
                                           "degree_in,degree_out,degree_reports_in,degree_reports_out,"));
  g_assert_true (g_str_has_suffix (joined, ",betweenness,constraint,boundary_spanning,boundary_spanning_org"));
  g_assert_cmpstr (tie_names[0], ==, "id");
  g_assert_cmpstr (tie_names[1], ==, "from");
  g_assert_cmpstr (tie_names[4], ==, "weight");

  g_assert_false (mw_attribute_table_get_column (actors, 0)->editable);   /* the id */
  g_assert_true (mw_attribute_table_get_column (actors, 1)->editable);    /* the label */
  g_assert_cmpint (mw_attribute_table_get_column (actors, mw_attribute_table_find_column (actors, "betweenness"))->source,
                   ==, MW_COLUMN_MEASURE);
  g_assert_true (mw_attribute_table_same_columns (actors, actors));
  g_assert_false (mw_attribute_table_same_columns (actors, ties));
}

/* Cells read as the CLI prints them; a file's default fills a missing value. */
static void
test_cells (void)
{
  g_autoptr(MwNetwork) network = small_network ();
  g_autoptr(MwAttributeTable) actors = mw_attribute_table_new (network, MW_TABLE_ACTORS);
  g_autoptr(MwAttributeTable) ties = mw_attribute_table_new (network, MW_TABLE_TIES);
  g_autoptr(MwActorMeasures) measures = mw_actor_measures_compute (network, 0);
  g_autofree char *label = cell (actors, "label", "ann", NULL);
  g_autofree char *kind = cell (actors, "kind", "cy", NULL);
  g_autofree char *staff = cell (actors, "paid_staff", "cy", NULL);
  g_autofree char *sector = cell (actors, "sector", "cy", NULL);
  g_autofree char *purpose = cell (actors, "purpose", "ann", NULL);
  g_autofree char *degree_none = cell (actors, "degree_out", "ann", NULL);
  g_autofree char *degree = cell (actors, "degree_out", "bob", measures);
  g_autofree char *weight = cell (ties, "weight", "e2", NULL);
  g_autofree char *from = cell (ties, "from", "e2", NULL);

  g_assert_cmpstr (label, ==, "Ann");
  g_assert_cmpstr (kind, ==, "team");
  g_assert_null (staff);
  g_assert_cmpstr (sector, ==, "public");
  g_assert_cmpstr (purpose, ==, "false");
  g_assert_null (degree_none);        /* no measures yet: no value */
  g_assert_cmpstr (degree, ==, "1");
  g_assert_cmpstr (weight, ==, "2.5");
  g_assert_cmpstr (from, ==, "bob");
}

/* Numbers sort as numbers (46 before 112), text by collation whatever its
 * case, and rows with no value come last. */
static void
test_sort_keys (void)
{
  g_autoptr(MwNetwork) network = small_network ();
  g_autoptr(MwAttributeTable) table = mw_attribute_table_new (network, MW_TABLE_ACTORS);
  g_autoptr(MwTableSortKeys) staff = mw_table_sort_keys_new (table, mw_attribute_table_find_column (table, "paid_staff"), NULL);
  g_autoptr(MwTableSortKeys) labels = mw_table_sort_keys_new (table, mw_attribute_table_find_column (table, "label"), NULL);
  g_autoptr(MwTableSortKeys) units = mw_table_sort_keys_new (table, mw_attribute_table_find_column (table, "unit"), NULL);

  g_assert_cmpint (mw_table_sort_keys_compare (staff, 0, 1), <, 0);   /* 46 < 112 */
  g_assert_cmpint (mw_table_sort_keys_compare (staff, 2, 1), >, 0);   /* none last */
  g_assert_cmpint (mw_table_sort_keys_compare (labels, 0, 1), <, 0);  /* Ann < bob */
  g_assert_cmpint (mw_table_sort_keys_compare (labels, 1, 2), <, 0);  /* bob < Cy */
  g_assert_cmpint (mw_table_sort_keys_compare (units, 0, 1), <, 0);   /* Sales before none */
  g_assert_cmpint (mw_table_sort_keys_compare (units, 1, 2), ==, 0);
}

static void
test_filter (void)
{
  g_autoptr(MwNetwork) network = small_network ();
  g_autoptr(MwAttributeTable) table = mw_attribute_table_new (network, MW_TABLE_ACTORS);

  g_assert_true (mw_attribute_table_row_matches (table, 0, "sales"));
  g_assert_false (mw_attribute_table_row_matches (table, 1, "sales"));
  g_assert_true (mw_attribute_table_row_matches (table, 1, "112"));
  g_assert_true (mw_attribute_table_row_matches (table, 2, "publ"));   /* the default counts */
  g_assert_false (mw_attribute_table_row_matches (table, 2, "false")); /* true/false are not text */
  g_assert_true (mw_attribute_table_row_matches (table, 2, ""));
}

/* An edit of several rows is one undo step; a value the column refuses changes nothing. */
static void
test_edit_rows (void)
{
  g_autoptr(MwNetwork) network = small_network ();
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(MwAttributeTable) table = mw_attribute_table_new (network, MW_TABLE_ACTORS);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  guint all[] = { 0, 1, 2 };

  g_array_append_vals (rows, all, 3);
  g_assert_true (mw_attribute_table_set_cells (table, history, mw_attribute_table_find_column (table, "org"), rows,
                                               "Acme", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (mw_network_lookup_actor (network, "cy")->org, ==, "Acme");

  g_assert_false (mw_attribute_table_set_cells (table, history, mw_attribute_table_find_column (table, "kind"), rows,
                                                "robot", &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 1);
  g_assert_cmpint (mw_network_lookup_actor (network, "ann")->kind, ==, MW_ACTOR_PERSON);
  g_clear_error (&error);

  g_assert_false (mw_attribute_table_set_cells (table, history, 0, rows, "x", &error));  /* the id */
  g_clear_error (&error);

  g_assert_true (mw_history_undo (history));
  g_assert_cmpstr (mw_network_lookup_actor (network, "ann")->org, ==, "");
  g_assert_cmpstr (mw_network_lookup_actor (network, "cy")->org, ==, "");
}

/* Add, rename and remove a column of the file's own: one undo step each. */
static void
test_columns_edit (void)
{
  g_autoptr(MwNetwork) network = small_network ();
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(MwAttributeTable) table = mw_attribute_table_new (network, MW_TABLE_ACTORS);
  g_autoptr(MwAttributeTable) again = NULL;
  g_autoptr(GError) error = NULL;
  MwActor *cy = mw_network_lookup_actor (network, "cy");

  g_assert_true (mw_attribute_table_add_column (table, history, "region", "North", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 1);
  g_assert_cmpstr (g_hash_table_lookup (cy->attrs, "region"), ==, "North");
  g_assert_false (mw_attribute_table_add_column (table, history, "label", "x", &error));
  g_clear_error (&error);

  again = mw_attribute_table_new (network, MW_TABLE_ACTORS);
  g_assert_true (mw_attribute_table_rename_column (again, history, "paid_staff", "staff", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (mw_network_lookup_actor (network, "bob")->attrs, "staff"), ==, "112");
  g_assert_false (g_hash_table_contains (mw_network_lookup_actor (network, "bob")->attrs, "paid_staff"));
  g_assert_false (mw_attribute_table_rename_column (again, history, "label", "name", &error));
  g_clear_error (&error);

  g_assert_true (mw_attribute_table_remove_column (again, history, "region", &error));
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 3);
  g_assert_false (g_hash_table_contains (cy->attrs, "region"));

  g_assert_true (mw_history_undo (history));
  g_assert_cmpstr (g_hash_table_lookup (cy->attrs, "region"), ==, "North");
  g_assert_true (mw_history_undo (history));
  g_assert_cmpstr (g_hash_table_lookup (mw_network_lookup_actor (network, "bob")->attrs, "paid_staff"), ==, "112");
  g_assert_true (mw_history_undo (history));
  g_assert_false (g_hash_table_contains (cy->attrs, "region"));
}

/* A tie's type takes the synonyms a file may use; its weight must be a number. */
static void
test_edit_ties (void)
{
  g_autoptr(MwNetwork) network = small_network ();
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(MwAttributeTable) table = mw_attribute_table_new (network, MW_TABLE_TIES);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  guint first = 0;

  g_array_append_val (rows, first);
  g_assert_true (mw_attribute_table_set_cells (table, history, mw_attribute_table_find_column (table, "type"), rows,
                                               "influences", &error));
  g_assert_cmpint (mw_network_get_tie (network, 0)->type, ==, MW_TIE_INFLUENCES);
  g_assert_false (mw_attribute_table_set_cells (table, history, mw_attribute_table_find_column (table, "weight"), rows,
                                                "heavy", &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/attribute-table/columns", test_columns);
  g_test_add_func ("/attribute-table/cells", test_cells);
  g_test_add_func ("/attribute-table/sort-keys", test_sort_keys);
  g_test_add_func ("/attribute-table/filter", test_filter);
  g_test_add_func ("/attribute-table/edit-rows", test_edit_rows);
  g_test_add_func ("/attribute-table/columns-edit", test_columns_edit);
  g_test_add_func ("/attribute-table/edit-ties", test_edit_ties);

  return g_test_run ();
}
