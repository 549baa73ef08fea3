/* mw-table-view.c: the data table — actors or ties, every attribute a column
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-table"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "mw-a11y.h"
#include "mw-attribute-table.h"
#include "mw-row-list.h"
#include "mw-table-cell.h"
#include "mw-table-view-private.h"

/* Rows and selection are stacked GTK models over MwRowList:
 *   MwRowList (sorted, filtered) → GtkFilterListModel (with no filter: it
 *   stays while the row list is replaced) → GtkMultiSelection
 * Which columns exist, each cell's text and the sort keys come from
 * scores/mw-attribute-table.h, which meshwork-cli table shares.
 * The order comes from mw-table-view-sort.c (see there why not from a
 * GtkSortListModel). */

G_DEFINE_FINAL_TYPE (MwTableView, mw_table_view, GTK_TYPE_WIDGET)

static GQuark cell_quark;

static void sync_from_canvas (MwTableView *self);
static void schedule_check   (MwTableView *self);

static MwTableKind
get_kind (MwTableView *self)
{
  return gtk_toggle_button_get_active (self->actors_button) ? MW_TABLE_ACTORS : MW_TABLE_TIES;
}

static void
show_error (MwTableView *self,
            const char  *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->error_label), message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_count (MwTableView *self)
{
  /* rows still told a few at a time count already */
  guint shown = self->rows != NULL ? mw_row_list_get_n_shown (self->rows) : 0;
  guint all = self->rows != NULL ? mw_row_list_get_n_rows (self->rows) : 0;
  g_autofree char *text = NULL;

  /* Translators: rows shown by the filter, of all rows */
  text = shown == all ? g_strdup_printf ("%u", all) : g_strdup_printf (_("%u of %u"), shown, all);
  gtk_label_set_label (self->count_label, text);
}

/* Cells */

static void
update_cell (Cell *cell)
{
  MwTableView *self = cell->cd->view;
  MwRowItem *item = gtk_list_item_get_item (cell->list_item);
  guint index = item != NULL ? mw_row_item_get_index (item) : G_MAXUINT;
  char buffer[MW_TABLE_TEXT_SIZE];
  const char *text = NULL;

  if (self->table != NULL && cell->cd->column < mw_attribute_table_get_n_columns (self->table) &&
      index < mw_attribute_table_get_n_rows (self->table))
    text = mw_attribute_table_peek_text (self->table, cell->cd->column, index,
                                         _mw_table_view_usable_measures (self), buffer);
  /* one line a row: a copy only for the rare text that has breaks */
  if (text != NULL && strpbrk (text, "\r\n\t") != NULL)
    {
      g_autofree char *line = g_strdelimit (g_strdup (text), "\r\n\t", ' ');

      mw_table_cell_set_text (cell->widget, line);
      return;
    }
  mw_table_cell_set_text (cell->widget, text);
}

static void name_row (Cell *cell);

/* The measures arrived, a row changed: the cells on screen read again. */
static void
refresh_cells (MwTableView *self)
{
  for (guint i = 0; i < self->bound->len; i++)
    update_cell (g_ptr_array_index (self->bound, i));
}

static GArray *
rows_to_edit (MwTableView *self,
              GtkListItem *list_item)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint index = mw_row_item_get_index (gtk_list_item_get_item (list_item));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  /* a cell of a selected row gives its value to every selected row */
  if (!gtk_list_item_get_selected (list_item))
    {
      g_array_append_val (rows, index);
      return rows;
    }

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(MwRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
      guint row = item != NULL ? mw_row_item_get_index (item) : G_MAXUINT;

      if (row != G_MAXUINT)
        g_array_append_val (rows, row);
    }
  return rows;
}

static void
stop_editing (MwTableView *self,
              gboolean     commit)
{
  g_autoptr(GtkWidget) widget = NULL;
  GtkListItem *list_item;
  GtkWidget *entry;
  g_autofree char *text = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  Cell *cell;

  if (self->editing == NULL)
    return;

  widget = g_steal_pointer (&self->editing);
  cell = g_object_get_qdata (G_OBJECT (widget), cell_quark);
  list_item = cell->list_item;
  entry = mw_table_cell_get_editor (cell->widget);
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (commit && gtk_list_item_get_item (list_item) != NULL &&
      mw_row_item_get_index (gtk_list_item_get_item (list_item)) != G_MAXUINT)
    rows = rows_to_edit (self, list_item);

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  mw_table_cell_set_editor (cell->widget, NULL);
  update_cell (cell);

  if (rows == NULL || rows->len == 0 || self->history == NULL)
    return;
  if (!mw_attribute_table_set_cells (self->table, self->history, cell->cd->column, rows, text, &error))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      show_error (self, error->message);
    }
}

static void
entry_activate_cb (MwTableView *self)
{
  stop_editing (self, TRUE);
}

static gboolean
entry_key_cb (MwTableView     *self,
              guint            keyval,
              guint            keycode,
              GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  stop_editing (self, FALSE);
  return TRUE;
}

static void
entry_leave_cb (MwTableView *self)
{
  stop_editing (self, TRUE);
}

static void
start_editing (MwTableView *self,
               Cell        *cell)
{
  ColumnData *cd = cell->cd;
  MwRowItem *item = gtk_list_item_get_item (cell->list_item);
  GtkEventController *controller;
  GtkWidget *entry;

  if (self->editing != NULL || item == NULL || mw_row_item_get_index (item) == G_MAXUINT ||
      self->history == NULL || !mw_attribute_table_get_column (self->table, cd->column)->editable)
    return;

  show_error (self, NULL);
  entry = gtk_entry_new ();
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), mw_table_cell_get_text (cell->widget));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, cd->title, -1);
  g_signal_connect_object (entry, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (entry_key_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "leave", G_CALLBACK (entry_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (entry, controller);

  mw_table_cell_set_editor (cell->widget, entry);
  self->editing = g_object_ref (GTK_WIDGET (cell->widget));
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/* One gesture for the whole view, not one per cell: a page of rows makes
 * hundreds of cells a frame. It only watches, so rows are still selected. */
static void
view_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 MwTableView     *self)
{
  GtkWidget *picked;
  GtkWidget *widget;

  if (n_press != 2)
    return;
  picked = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  widget = picked != NULL ? gtk_widget_get_ancestor (picked, MW_TYPE_TABLE_CELL) : NULL;
  if (widget != NULL && mw_table_cell_get_editor (MW_TABLE_CELL (widget)) == NULL)
    start_editing (self, g_object_get_qdata (G_OBJECT (widget), cell_quark));
}

/* The font's line height and digit width, once: cells and columns are
 * sized from them, so GTK measures no text while scrolling. */
static void
ensure_metrics (MwTableView *self)
{
  int width, height;

  if (self->cell_layout != NULL)
    return;
  self->cell_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view), "0123456789");
  pango_layout_get_pixel_size (self->cell_layout, &width, &height);
  self->char_width = MAX (1, width / 10);
  self->line_height = height;
  pango_layout_set_ellipsize (self->cell_layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_single_paragraph_mode (self->cell_layout, TRUE);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnData               *cd)
{
  MwTableView *self = cd->view;
  const MwTableColumn *column = mw_attribute_table_get_column (self->table, cd->column);
  GtkWidget *widget;
  Cell *cell = g_new0 (Cell, 1);

  ensure_metrics (self);
  widget = mw_table_cell_new (self->cell_layout, column->kind == MW_CELL_TEXT ? 0.0f : 1.0f, self->line_height);
  cell->cd = cd;
  cell->list_item = list_item;
  cell->widget = MW_TABLE_CELL (widget);
  cell->slot = G_MAXUINT;
  g_object_set_qdata_full (G_OBJECT (list_item), cell_quark, cell, g_free);
  g_object_set_qdata (G_OBJECT (widget), cell_quark, cell);
  gtk_list_item_set_child (list_item, widget);
}

/* GTK 4.8 names a column view's rows by their type ("GtkListItemWidget"):
 * the row (the parent of the cell's list item widget) is named after the
 * actor or tie it shows, as its first column is bound. */
static void
name_row (Cell *cell)
{
  GtkWidget *cell_widget = gtk_widget_get_parent (GTK_WIDGET (cell->widget));
  GtkWidget *row = cell_widget != NULL ? gtk_widget_get_parent (cell_widget) : NULL;
  MwRowItem *item = gtk_list_item_get_item (cell->list_item);
  MwActor *actor;
  MwTie *tie;
  g_autofree char *name = NULL;

  if (row == NULL || item == NULL)
    return;
  actor = mw_row_item_get_actor (item);
  tie = mw_row_item_get_tie (item);
  if (actor != NULL)
    name = g_strdup (*actor->label != '\0' ? actor->label : actor->id);
  else if (tie != NULL)
    name = g_strdup_printf ("%s → %s", tie->from->label, tie->to->label);
  if (name != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnData               *cd)
{
  Cell *cell = g_object_get_qdata (G_OBJECT (list_item), cell_quark);

  cell->slot = cd->view->bound->len;
  g_ptr_array_add (cd->view->bound, cell);
  update_cell (cell);
  if (cd->column == 0)
    name_row (cell);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnData               *cd)
{
  MwTableView *self = cd->view;
  Cell *cell = g_object_get_qdata (G_OBJECT (list_item), cell_quark);

  if (self->editing == GTK_WIDGET (cell->widget))
    stop_editing (self, FALSE);
  if (cell->slot >= self->bound->len || g_ptr_array_index (self->bound, cell->slot) != cell)
    return;
  /* the last cell takes this one's slot */
  g_ptr_array_remove_index_fast (self->bound, cell->slot);
  if (cell->slot < self->bound->len)
    ((Cell *) g_ptr_array_index (self->bound, cell->slot))->slot = cell->slot;
  cell->slot = G_MAXUINT;
}

/* Enter on a row edits its first editable cell (GTK 4.8 focuses rows, not cells). */
static void
row_activated_cb (MwTableView *self,
                  guint        position)
{
  g_autoptr(MwRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  for (guint i = 0; item != NULL && i < self->bound->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->bound, i);

      if (cell->cd->edit_column && gtk_list_item_get_item (cell->list_item) == (gpointer) item)
        {
          start_editing (self, cell);
          return;
        }
    }
}

static void
column_data_free (ColumnData *cd)
{
  g_clear_object (&cd->view_column);
  g_free (cd->title);
  g_free (cd);
}

/* Columns */

static GMenuModel *
header_menu (const char *name)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) rename = g_menu_item_new (_("_Rename Column…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("Remo_ve Column"), NULL);

  g_menu_item_set_action_and_target (rename, "table.rename-column", "s", name);
  g_menu_item_set_action_and_target (remove, "table.remove-column", "s", name);
  g_menu_append_item (menu, rename);
  g_menu_append_item (menu, remove);
  return G_MENU_MODEL (menu);
}

/* A fixed width: GTK 4.8 otherwise measures every cell of the column on
 * each frame to size it. Room for the title and its sort arrow. */
static int
column_width (MwTableView         *self,
              const MwTableColumn *column,
              const char          *title)
{
  int chars = g_str_equal (column->name, "label") ? 24 : column->kind == MW_CELL_TEXT ? 14 : 9;

  ensure_metrics (self);
  chars = MAX (chars, (int) g_utf8_strlen (title, -1) + 3);
  return chars * self->char_width + 16;
}

static GtkColumnViewColumn *
new_column (MwTableView *self,
            guint        c)
{
  const MwTableColumn *column = mw_attribute_table_get_column (self->table, c);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnData *cd = g_new0 (ColumnData, 1);
  GtkColumnViewColumn *view_column;
  const char *title = column->source == MW_COLUMN_ATTRIBUTE ? column->name : _(column->title);

  cd->view = self;
  cd->column = c;
  cd->title = g_strdup (title);
  cd->edit_column = column->editable;
  for (guint i = 0; i < c && cd->edit_column; i++)
    cd->edit_column = !mw_attribute_table_get_column (self->table, i)->editable;
  g_ptr_array_add (self->columns, cd);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), cd);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), cd);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), cd);

  view_column = gtk_column_view_column_new (title, factory);
  cd->sorter = _mw_table_view_column_sorter_new (cd);
  gtk_column_view_column_set_sorter (view_column, cd->sorter);
  g_object_unref (cd->sorter);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_fixed_width (view_column, column_width (self, column, title));
  gtk_column_view_column_set_expand (view_column, g_str_equal (column->name, "label"));
  if (column->source == MW_COLUMN_ATTRIBUTE)
    {
      g_autoptr(GMenuModel) menu = header_menu (column->name);

      gtk_column_view_column_set_header_menu (view_column, menu);
    }
  return view_column;
}

static void
remove_columns (MwTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  stop_editing (self, FALSE);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  /* cells GTK has not unbound yet show nothing to refresh */
  for (guint i = 0; i < self->bound->len; i++)
    ((Cell *) g_ptr_array_index (self->bound, i))->slot = G_MAXUINT;
  g_ptr_array_set_size (self->bound, 0);
  self->sort_column = NULL;
  g_ptr_array_set_size (self->columns, 0);
  _mw_table_view_fill_chooser (self);
}

static void
rebuild_columns (MwTableView *self)
{
  remove_columns (self);
  if (self->table == NULL)
    return;
  for (guint c = 0; c < mw_attribute_table_get_n_columns (self->table); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = new_column (self, c);

      ColumnData *cd = g_ptr_array_index (self->columns, c);

      g_object_set_data (G_OBJECT (column), "column-data", cd);
      cd->view_column = g_object_ref (column);
      /* a hidden column is not in the view: GTK 4.8 binds the cells of invisible columns too */
      if (_mw_table_view_column_shown (self, mw_attribute_table_get_column (self->table, c)))
        gtk_column_view_append_column (self->column_view, column);
    }
  _mw_table_view_fill_chooser (self);
}

/* A table of the network's columns now, with the columns added but not filled yet. */
static MwAttributeTable *
read_table (MwTableView *self)
{
  MwAttributeTable *table = mw_attribute_table_new (_mw_table_view_get_network (self), get_kind (self));

  for (guint i = 0; i < self->pending_columns->len; i++)
    mw_attribute_table_add_column (table, self->history, g_ptr_array_index (self->pending_columns, i), NULL, NULL);
  return table;
}

static void
check_columns (MwTableView *self)
{
  g_autoptr(MwAttributeTable) table = NULL;

  if (_mw_table_view_get_network (self) == NULL)
    return;
  table = read_table (self);
  if (self->table != NULL && mw_attribute_table_same_columns (self->table, table))
    return;
  remove_columns (self);
  g_clear_pointer (&self->table, mw_attribute_table_free);
  self->table = g_steal_pointer (&table);
  rebuild_columns (self);
}

/* Rows */

static void
search_changed_cb (MwTableView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->needle, g_free);
  if (*text != '\0')
    self->needle = g_utf8_casefold (text, -1);
  _mw_table_view_start_filter (self);
  update_count (self);
}

static void
rows_selection_changed_cb (MwTableView *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  MwTie *tie = NULL;
  GtkBitsetIter iter;
  guint position;

  if (self->syncing || self->canvas == NULL)
    return;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(MwRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

      if (item != NULL && mw_row_item_get_actor (item) != NULL)
        g_ptr_array_add (actors, mw_row_item_get_actor (item));
      else if (item != NULL && tie == NULL)
        tie = mw_row_item_get_tie (item);
    }

  self->pushing = TRUE;
  if (get_kind (self) == MW_TABLE_ACTORS)
    mw_canvas_select_actors (self->canvas, actors);
  else
    mw_canvas_select_tie (self->canvas, tie);
  self->pushing = FALSE;
}

static void
rows_changed_cb (MwTableView *self)
{
  refresh_cells (self);
  update_count (self);
  schedule_check (self);
}

/* A label or a note leaves the measures as they are: computing them
 * again for 100,000 actors would only keep a core busy. */
static void
network_changed_cb (MwTableView    *self,
                    const MwChange *change)
{
  gboolean actors = get_kind (self) == MW_TABLE_ACTORS;

  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_CHANGED:
      if (change->fields & (MW_FIELD_ORG | MW_FIELD_UNIT))
        self->measures_dirty = TRUE;
      /* a tie shows its actors' ids: the ties sort and filter again */
      if (actors)
        {
          _mw_table_view_place_row (self, change->actor->index);
          _mw_table_view_filter_row (self, change->actor->index);
        }
      else
        self->sort_stale = self->filter_stale = TRUE;
      break;
    case MW_CHANGE_TIE_CHANGED:
      self->measures_dirty = TRUE;
      if (!actors)
        {
          _mw_table_view_place_row (self, change->tie->index);
          _mw_table_view_filter_row (self, change->tie->index);
        }
      break;
    case MW_CHANGE_ACTOR_ADDED:
    case MW_CHANGE_TIE_ADDED:
      self->measures_dirty = TRUE;
      self->sort_stale = TRUE;
      g_clear_pointer (&self->sort_keys, mw_table_sort_keys_free);
      if (actors == (change->kind == MW_CHANGE_ACTOR_ADDED))
        _mw_table_view_filter_row (self, actors ? change->actor->index : change->tie->index);
      break;
    case MW_CHANGE_NETWORK_CHANGED:
      break;
    default:
      /* rows came or went: no row is placed by the old keys until all are sorted again */
      self->measures_dirty = TRUE;
      self->sort_stale = self->filter_stale = TRUE;
      g_clear_pointer (&self->sort_keys, mw_table_sort_keys_free);
    }
}

/* A sort or a filter: the rows GTK holds show other actors or ties now. */
static void
rows_rearranged_cb (MwTableView *self)
{
  stop_editing (self, FALSE);
  for (guint i = 0; i < self->bound->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->bound, i);

      update_cell (cell);
      if (cell->cd->column == 0)
        name_row (cell);
    }
  sync_from_canvas (self);
  update_count (self);
}

static void
rows_items_changed_cb (MwTableView *self)
{
  /* a reset drops the rows' selection: it is the canvas's, read it again */
  sync_from_canvas (self);
  update_count (self);
}

static void
set_rows (MwTableView *self)
{
  g_autoptr(MwRowList) rows = NULL;
  GListModel *model = NULL;

  stop_editing (self, FALSE);
  if (self->rows != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->rows, self);
      g_signal_handlers_disconnect_by_data (mw_row_list_get_network (self->rows), self);
    }
  g_clear_object (&self->rows);
  _mw_table_view_stop_sort (self);
  _mw_table_view_stop_filter (self);
  g_clear_pointer (&self->sort_keys, mw_table_sort_keys_free);
  remove_columns (self);
  g_clear_pointer (&self->table, mw_attribute_table_free);
  g_clear_pointer (&self->measures, mw_actor_measures_free);
  g_ptr_array_set_size (self->pending_columns, 0);

  if (_mw_table_view_get_network (self) != NULL)
    {
      self->rows = mw_row_list_new (_mw_table_view_get_network (self), get_kind (self));
      self->table = read_table (self);
      g_signal_connect_object (self->rows, "changed", G_CALLBACK (rows_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (_mw_table_view_get_network (self), "changed", G_CALLBACK (network_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->rows, "items-changed", G_CALLBACK (rows_items_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (self->rows, "rearranged", G_CALLBACK (rows_rearranged_cb), self, G_CONNECT_SWAPPED);
      model = g_object_ref (G_LIST_MODEL (self->rows));
    }
  gtk_filter_list_model_set_model (self->filter_model, model);
  g_clear_object (&model);
  rebuild_columns (self);
  _mw_table_view_start_filter (self);
  update_count (self);
  sync_from_canvas (self);
  schedule_check (self);
}

static void
kind_toggled_cb (MwTableView *self)
{
  set_rows (self);
}

/* The canvas's selection */

static void
sync_from_canvas (MwTableView *self)
{
  g_autoptr(GPtrArray) selected = NULL;
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);
  g_autoptr(GtkBitset) rows = gtk_bitset_new_empty ();
  g_autoptr(GtkBitset) mask = NULL;
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  if (self->canvas == NULL || self->pushing || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  selected = get_kind (self) == MW_TABLE_ACTORS ? mw_canvas_get_selected_actors (self->canvas)
                                                : mw_canvas_get_selected_ties (self->canvas);
  /* by index, not by item: no object is made for each of 100,000 rows */
  for (guint i = 0; i < selected->len; i++)
    g_hash_table_add (set, GUINT_TO_POINTER (1 + (get_kind (self) == MW_TABLE_ACTORS
                                                  ? ((MwActor *) g_ptr_array_index (selected, i))->index
                                                  : ((MwTie *) g_ptr_array_index (selected, i))->index)));
  for (guint pos = 0; self->rows != NULL && g_hash_table_size (set) > 0 && pos < n; pos++)
    if (g_hash_table_contains (set, GUINT_TO_POINTER (1 + mw_row_list_get_row_index (self->rows, pos))))
      gtk_bitset_add (rows, pos);

  mask = gtk_bitset_new_range (0, n);
  self->syncing = TRUE;
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), rows, mask);
  self->syncing = FALSE;
}

static void
history_cb (MwTableView *self)
{
  MwHistory *history = mw_canvas_get_history (self->canvas);

  if (history == self->history)
    return;
  g_set_object (&self->history, history);
  set_rows (self);
}

/* Measures, in a thread from a compact copy of what they read: a copy
 * of the whole network (the file's own attributes and all) held the
 * window 0.8 s at 100,000 actors. */

static void
measures_thread (GTask        *task,
                 gpointer      source,
                 gpointer      data,
                 GCancellable *cancellable)
{
  g_task_return_pointer (task, mw_actor_measures_compute_input (data, 0), (GDestroyNotify) mw_actor_measures_free);
}

static void
measures_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  MwTableView *self = MW_TABLE_VIEW (source);
  MwActorMeasures *measures = g_task_propagate_pointer (G_TASK (result), NULL);

  if (measures == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&measures, mw_actor_measures_free);
      return;
    }
  g_clear_pointer (&self->measures, mw_actor_measures_free);
  self->measures = measures;
  refresh_cells (self);
  if (self->sort_column != NULL &&
      mw_attribute_table_get_column (self->table, self->sort_column->column)->source == MW_COLUMN_MEASURE)
    _mw_table_view_start_sort (self);
}

static void
compute_measures (MwTableView *self)
{
  g_autoptr(GTask) task = NULL;

  g_cancellable_cancel (self->measures_cancellable);
  g_clear_object (&self->measures_cancellable);
  self->measures_cancellable = g_cancellable_new ();

  task = g_task_new (self, self->measures_cancellable, measures_done_cb, NULL);
  g_task_set_source_tag (task, compute_measures);
  g_task_set_task_data (task, mw_actor_measures_input_new (_mw_table_view_get_network (self)),
                        (GDestroyNotify) mw_actor_measures_input_free);
  self->measures_dirty = FALSE;
  g_task_run_in_thread (task, measures_thread);
}

static gboolean
check_cb (gpointer data)
{
  MwTableView *self = data;

  self->check_id = 0;
  /* a hidden table reads nothing: showing it checks again */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  check_columns (self);
  if (self->sort_stale && self->sort_column != NULL)
    _mw_table_view_start_sort (self);
  if (self->filter_stale)
    _mw_table_view_start_filter (self);
  if (_mw_table_view_get_network (self) != NULL && get_kind (self) == MW_TABLE_ACTORS &&
      gtk_widget_get_mapped (GTK_WIDGET (self)) && (self->measures == NULL || self->measures_dirty))
    compute_measures (self);
  return G_SOURCE_REMOVE;
}

/* After a change settles: the columns again, the measures again. */
static void
schedule_check (MwTableView *self)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (250, check_cb, self);
}

/* Column actions */

static void
add_column_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        MwTableView      *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *value = g_object_get_data (G_OBJECT (dialog), "value");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || self->table == NULL)
    return;
  show_error (self, NULL);
  if (!mw_attribute_table_add_column (self->table, self->history, gtk_editable_get_text (name),
                                      gtk_editable_get_text (value), &error))
    {
      show_error (self, error->message);
      return;
    }
  if (*gtk_editable_get_text (value) == '\0')
    g_ptr_array_add (self->pending_columns, g_strdup (gtk_editable_get_text (name)));
  rebuild_columns (self);
}

static GtkWidget *
dialog_entry (GtkWidget  *box,
              const char *placeholder,
              const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_box_append (GTK_BOX (box), entry);
  return entry;
}

static AdwMessageDialog *
column_dialog (MwTableView *self,
               const char  *heading,
               const char  *body,
               const char  *response,
               const char  *label)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), response, label, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), response);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
add_column_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MwTableView *self = MW_TABLE_VIEW (widget);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (self->table == NULL)
    return;
  dialog = column_dialog (self, _("Add Column"),
                          get_kind (self) == MW_TABLE_ACTORS ? _("A new attribute of every actor, kept in the file.")
                                                             : _("A new attribute of every tie, kept in the file."),
                          "add", _("_Add"));
  g_object_set_data (G_OBJECT (dialog), "name", dialog_entry (box, _("Name"), ""));
  g_object_set_data (G_OBJECT (dialog), "value", dialog_entry (box, _("Value for Every Row"), ""));
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_column_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_column_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           MwTableView      *self)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "old-name");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "rename") || self->table == NULL)
    return;
  show_error (self, NULL);
  if (!mw_attribute_table_rename_column (self->table, self->history, old_name, gtk_editable_get_text (name), &error))
    show_error (self, error->message);
}

static void
rename_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MwTableView *self = MW_TABLE_VIEW (widget);
  const char *old_name = g_variant_get_string (parameter, NULL);
  AdwMessageDialog *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  if (self->table == NULL)
    return;
  dialog = column_dialog (self, _("Rename Column"), NULL, "rename", _("_Rename"));
  g_object_set_data (G_OBJECT (dialog), "name", dialog_entry (box, _("Name"), old_name));
  g_object_set_data_full (G_OBJECT (dialog), "old-name", g_strdup (old_name), g_free);
  adw_message_dialog_set_extra_child (dialog, box);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_column_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MwTableView *self = MW_TABLE_VIEW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;

  if (self->table == NULL)
    return;
  show_error (self, NULL);
  for (guint i = 0; i < self->pending_columns->len; i++)
    if (g_str_equal (g_ptr_array_index (self->pending_columns, i), name))
      {
        g_ptr_array_remove_index (self->pending_columns, i);
        check_columns (self);
        return;
      }
  /* removing is one undo step, so it needs no question */
  if (!mw_attribute_table_remove_column (self->table, self->history, name, &error))
    show_error (self, error->message);
}

/* The type */

static void
mw_table_view_map (GtkWidget *widget)
{
  MwTableView *self = MW_TABLE_VIEW (widget);

  GTK_WIDGET_CLASS (mw_table_view_parent_class)->map (widget);
  sync_from_canvas (self);
  schedule_check (self);
}

static void
mw_table_view_dispose (GObject *object)
{
  MwTableView *self = MW_TABLE_VIEW (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_cancellable_cancel (self->measures_cancellable);
  g_clear_object (&self->measures_cancellable);
  _mw_table_view_stop_sort (self);
  _mw_table_view_stop_filter (self);
  g_clear_object (&self->editing);
  if (self->column_view != NULL)
    remove_columns (self);
  if (self->rows != NULL)
    g_signal_handlers_disconnect_by_data (self->rows, self);
  g_clear_object (&self->rows);
  g_clear_object (&self->selection);
  g_clear_object (&self->history);
  self->canvas = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), MW_TYPE_TABLE_VIEW);
  /* the toolbar and the scrolled window have no name in the template */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (mw_table_view_parent_class)->dispose (object);
}

static void
mw_table_view_finalize (GObject *object)
{
  MwTableView *self = MW_TABLE_VIEW (object);

  g_clear_pointer (&self->table, mw_attribute_table_free);
  g_clear_pointer (&self->measures, mw_actor_measures_free);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->pending_columns, g_ptr_array_unref);
  g_clear_pointer (&self->bound, g_ptr_array_unref);
  g_clear_pointer (&self->sort_keys, mw_table_sort_keys_free);
  g_clear_pointer (&self->needle, g_free);
  g_clear_object (&self->cell_layout);
  g_clear_pointer (&self->column_shown, g_hash_table_unref);

  G_OBJECT_CLASS (mw_table_view_parent_class)->finalize (object);
}

static void
mw_table_view_class_init (MwTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mw_table_view_dispose;
  object_class->finalize = mw_table_view_finalize;
  widget_class->map = mw_table_view_map;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/meshwork/Meshwork/mw-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MwTableView, actors_button);
  gtk_widget_class_bind_template_child (widget_class, MwTableView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MwTableView, error_label);
  gtk_widget_class_bind_template_child (widget_class, MwTableView, count_label);
  gtk_widget_class_bind_template_child (widget_class, MwTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, MwTableView, columns_box);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "table.add-column", NULL, add_column_action);
  gtk_widget_class_install_action (widget_class, "table.rename-column", "s", rename_column_action);
  gtk_widget_class_install_action (widget_class, "table.remove-column", "s", remove_column_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  cell_quark = g_quark_from_static_string ("mw-table-cell");
  gtk_widget_class_set_css_name (widget_class, "mwtableview");
}

static void
mw_table_view_init (MwTableView *self)
{
  GtkGesture *click;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  mw_a11y_name_scrollers (GTK_WIDGET (self), _("Data Table"));
  mw_a11y_name_list_views (GTK_WIDGET (self->column_view), _("Data Table"));

  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_data_free);
  self->pending_columns = g_ptr_array_new_with_free_func (g_free);
  self->bound = g_ptr_array_new ();
  self->column_shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* MwRowList filters (mw-table-view-filter.c): this model never does */
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->filter_model));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed", G_CALLBACK (rows_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "items-changed", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (view_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (_mw_table_view_sorter_changed), self, G_CONNECT_SWAPPED);
}

/**
 * mw_table_view_set_canvas:
 *
 * Shows the network of @canvas's history, and shares its selection both ways.
 */
void
mw_table_view_set_canvas (MwTableView *self,
                          MwCanvas    *canvas)
{
  g_return_if_fail (MW_IS_TABLE_VIEW (self));
  g_return_if_fail (MW_IS_CANVAS (canvas));

  self->canvas = canvas;
  g_signal_connect_object (canvas, "notify::history", G_CALLBACK (history_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (canvas, "selection-changed", G_CALLBACK (sync_from_canvas), self, G_CONNECT_SWAPPED);
  history_cb (self);
}

/* Returns: (transfer none): the column view */
GtkColumnView *
mw_table_view_get_column_view (MwTableView *self)
{
  g_return_val_if_fail (MW_IS_TABLE_VIEW (self), NULL);
  return self->column_view;
}

/* Returns: (transfer none): the rows as shown: sorted and filtered */
GListModel *
mw_table_view_get_rows (MwTableView *self)
{
  g_return_val_if_fail (MW_IS_TABLE_VIEW (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

/* Whether a sort or a filter is still working through the rows, or the
 * rows it left are still being told. */
gboolean
mw_table_view_is_busy (MwTableView *self)
{
  g_return_val_if_fail (MW_IS_TABLE_VIEW (self), FALSE);
  return self->sort_cancellable != NULL || self->filter_tick != 0 ||
         (self->rows != NULL && mw_row_list_is_growing (self->rows));
}

/* Returns: (transfer none): the rows' selection */
GtkSelectionModel *
mw_table_view_get_selection (MwTableView *self)
{
  g_return_val_if_fail (MW_IS_TABLE_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

/* Returns: (transfer none) (nullable): the measures the table shows, once computed */
MwActorMeasures *
mw_table_view_get_measures (MwTableView *self)
{
  g_return_val_if_fail (MW_IS_TABLE_VIEW (self), NULL);
  return _mw_table_view_usable_measures (self);
}

/* How many row objects exist: a handful for what is on screen, unless sorted. */
guint
mw_table_view_get_n_alive (MwTableView *self)
{
  g_return_val_if_fail (MW_IS_TABLE_VIEW (self), 0);
  return self->rows != NULL ? mw_row_list_get_n_alive (self->rows) : 0;
}
