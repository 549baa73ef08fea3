/* mw-table-view-columns.c: which of the data table's columns are shown —
 * a few by default, every one a click away in the Columns menu
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-table"

#include "mw-table-view-private.h"

/* Each column shown costs a cell per row on screen, and a page of rows
 * replaces them all; 27 columns held a scroll frame at 30 ms at 100,000
 * actors. The measures per tie type and the rarer ones start hidden, out
 * of the view: GTK 4.8 makes and binds the cells of an invisible column. */
static gboolean
shown_by_default (const MwTableColumn *column)
{
  static const char * const hidden[] = {
    "purpose", "initiative", "constraint", "boundary_spanning_org", NULL
  };

  if (g_strv_contains (hidden, column->name))
    return FALSE;
  /* degree_in and degree_out are shown; degree_reports_in and the like are not */
  return column->source != MW_COLUMN_MEASURE || !g_str_has_prefix (column->name, "degree_") ||
         g_str_equal (column->name, "degree_in") || g_str_equal (column->name, "degree_out");
}

gboolean
_mw_table_view_column_shown (MwTableView         *self,
                             const MwTableColumn *column)
{
  int choice = GPOINTER_TO_INT (g_hash_table_lookup (self->column_shown, column->name));

  return choice != 0 ? choice == 2 : shown_by_default (column);
}

/* Where @cd goes among the columns shown: after those before it in the table. */
static guint
view_position (MwTableView *self,
               ColumnData  *cd)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint position = 0;

  for (; position < g_list_model_get_n_items (columns); position++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, position);
      ColumnData *other = g_object_get_data (G_OBJECT (column), "column-data");

      if (other != NULL && other->column > cd->column)
        break;
    }
  return position;
}

static void
toggled_cb (GtkCheckButton *button,
            ColumnData     *cd)
{
  MwTableView *self = cd->view;
  const MwTableColumn *table_column = mw_attribute_table_get_column (self->table, cd->column);
  gboolean active = gtk_check_button_get_active (button);

  g_hash_table_insert (self->column_shown, g_strdup (table_column->name), GINT_TO_POINTER (active ? 2 : 1));
  /* hidden columns leave the view, or GTK 4.8 would still make and bind their cells */
  if (active && gtk_column_view_column_get_column_view (cd->view_column) == NULL)
    gtk_column_view_insert_column (self->column_view, view_position (self, cd), cd->view_column);
  else if (!active && gtk_column_view_column_get_column_view (cd->view_column) != NULL)
    gtk_column_view_remove_column (self->column_view, cd->view_column);
}

/* The Columns menu: a check button per column, as the columns are now. */
void
_mw_table_view_fill_chooser (MwTableView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
  for (guint i = 0; self->table != NULL && i < self->columns->len; i++)
    {
      ColumnData *cd = g_ptr_array_index (self->columns, i);
      GtkWidget *button = gtk_check_button_new_with_label (cd->title);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   _mw_table_view_column_shown (self, mw_attribute_table_get_column (self->table, cd->column)));
      g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), cd);
      gtk_box_append (self->columns_box, button);
    }
}
