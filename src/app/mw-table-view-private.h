/* mw-table-view-private.h: what the files of MwTableView share — the
 * struct and the helpers of the level below the type
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The files of MwTableView stand in two levels and call only downwards:
 *
 *   2  mw-table-view.c       the type: cells, editing, columns, rows, filter,
 *                            selection, measures, column actions
 *   1  mw-table-view-sort.c  which column the header clicks sort by, its keys
 *                            and order in a thread, an edited row placed again
 *      mw-table-view-filter.c  the text filter a slice per frame, an edited
 *                            row come or gone
 *      mw-table-view-columns.c  which columns are shown: the chooser
 *
 * The sort and filter parts change the row list's order and matches and
 * the view's state; the columns part the columns' visibility; none calls
 * the type's file or each other.
 */

#include <adwaita.h>

#include "mw-attribute-table.h"
#include "mw-row-list.h"
#include "mw-table-cell.h"
#include "mw-table-view.h"

G_BEGIN_DECLS

typedef struct _SortJob SortJob;

typedef struct
{
  MwTableView     *view;      /* borrowed */
  guint            column;    /* in view->table */
  char            *title;     /* as its header shows it */
  GtkSorter       *sorter;    /* borrowed from the column */
  GtkColumnViewColumn *view_column;  /* owned; in the view while shown */
  gboolean         edit_column;  /* the first editable one: Enter edits it */
} ColumnData;

/* One cell on screen, made once per list item and kept while GTK reuses
 * it for row after row: binding reads no name and allocates nothing. */
typedef struct
{
  ColumnData     *cd;         /* borrowed */
  GtkListItem    *list_item;  /* borrowed: it owns the cell */
  MwTableCell    *widget;     /* borrowed: the list item's child */
  guint           slot;       /* in view->bound; G_MAXUINT while unbound */
} Cell;


struct _MwTableView
{
  GtkWidget           parent_instance;

  /* template widgets */
  GtkToggleButton    *actors_button;
  GtkSearchEntry     *search_entry;
  GtkLabel           *error_label;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkBox             *columns_box;

  /* borrowed */
  MwCanvas           *canvas;

  /* owned */
  MwHistory          *history;
  MwRowList          *rows;
  MwAttributeTable   *table;
  GtkFilterListModel *filter_model;
  GtkMultiSelection  *selection;
  GPtrArray          *columns;          /* ColumnData* */
  GPtrArray          *pending_columns;  /* char*: added with no value yet */
  GPtrArray          *bound;            /* Cell*: the cells showing a row */
  char               *needle;           /* casefolded filter text */
  ColumnData         *probed;           /* see sorted_column() */
  ColumnData         *sort_column;      /* (nullable) */
  gboolean            sort_descending;
  MwTableSortKeys    *sort_keys;        /* (nullable) the row list's order was made from these */
  GCancellable       *sort_cancellable; /* (nullable) a sort under way */
  SortJob            *sort_job;         /* (nullable) its texts, while being copied */
  guint               sort_tick;        /* the copy's tick callback */
  guint8             *filter_matches;   /* (nullable) a filter under way: row index → match */
  guint               filter_n;         /* its rows */
  guint               filter_next;      /* the first row it has not read */
  guint               filter_tick;      /* its tick callback */
  gboolean            filter_stale;     /* rows came, went or changed together: filter all again */
  GHashTable         *column_shown;     /* column name → GINT_TO_POINTER (1 hidden, 2 shown): the user's choice */
  gboolean            sort_stale;       /* rows came or went: sort them all again */
  MwActorMeasures    *measures;         /* (nullable) */
  GCancellable       *measures_cancellable;
  guint               check_id;
  GtkWidget          *editing;          /* (nullable) the MwTableCell being edited */
  PangoLayout        *cell_layout;      /* (nullable) every cell draws with it */
  int                 char_width;       /* of a digit in the view's font */
  int                 line_height;
  gboolean            measures_dirty;   /* ties, actors, units or organisations changed */
  gboolean            syncing;          /* the rows follow the canvas's selection */
  gboolean            pushing;          /* the canvas follows the rows' selection */
};

static inline MwNetwork *
_mw_table_view_get_network (MwTableView *self)
{
  return self->history != NULL ? mw_history_get_network (self->history) : NULL;
}

/* The measures read at a network of as many actors; stale ones are shown
 * until the new ones arrive, so the column does not blink on each edit. */
static inline MwActorMeasures *
_mw_table_view_usable_measures (MwTableView *self)
{
  MwNetwork *network = _mw_table_view_get_network (self);

  if (self->measures == NULL || network == NULL ||
      mw_actor_measures_get_n (self->measures) != mw_network_get_n_actors (network))
    return NULL;
  return self->measures;
}

/* mw-table-view-sort.c */
GtkSorter *_mw_table_view_column_sorter_new (ColumnData  *cd);
void       _mw_table_view_sorter_changed    (MwTableView *self);
void       _mw_table_view_start_sort        (MwTableView *self);
void       _mw_table_view_stop_sort         (MwTableView *self);
void       _mw_table_view_place_row         (MwTableView *self,
                                             guint        row);

/* mw-table-view-filter.c */
void       _mw_table_view_start_filter      (MwTableView *self);
void       _mw_table_view_stop_filter       (MwTableView *self);
void       _mw_table_view_filter_row        (MwTableView *self,
                                             guint        row);

/* mw-table-view-columns.c */
void       _mw_table_view_fill_chooser      (MwTableView *self);
gboolean   _mw_table_view_column_shown      (MwTableView *self,
                                             const MwTableColumn *column);

G_END_DECLS
