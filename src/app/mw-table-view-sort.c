/* mw-table-view-sort.c: the data table's sort — the column the headers
 * chose, keys and order made in a thread, an edited row placed again
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-table"

#include "mw-table-view-private.h"

/* A click on a header sorts from a key array: the column's texts are
 * copied a slice per frame (all at once, numbers written out as text, held
 * the window 170–195 ms at 100,000 rows), keys and order are made in a
 * thread and the row list shows the rows in that order. GTK 4.8's
 * incremental GtkSortListModel took 25 s and a frame per millisecond of
 * work at 100,000 rows, and made an object of every row. */

/* The UI thread's share of a frame for copying texts. */
#define COPY_SLICE_USEC 4000

/* GTK 4.8 does not say which column the header clicks sort by (4.10's
 * gtk_column_view_sorter_get_primary_sort_column() does): the view's
 * sorter asks its primary column's sorter first, which answers "before"
 * and names itself; the view turns the answer round when descending. */
static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      data)
{
  ColumnData *cd = data;

  cd->view->probed = cd;
  return GTK_ORDERING_SMALLER;
}

static ColumnData *
sorted_column (MwTableView *self,
               gboolean    *descending)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  self->probed = NULL;
  order = gtk_sorter_compare (sorter, self, self->column_view);
  *descending = order == GTK_ORDERING_LARGER;
  return order != GTK_ORDERING_EQUAL ? self->probed : NULL;
}

struct _SortJob
{
  guint            column;
  guint            n;       /* rows when the copy began */
  MwCellKind       kind;
  gboolean         descending;
  GPtrArray       *texts;
  MwTableSortKeys *keys;
  guint           *order;
};

static void
sort_job_free (SortJob *job)
{
  g_clear_pointer (&job->texts, g_ptr_array_unref);
  g_clear_pointer (&job->keys, mw_table_sort_keys_free);
  g_free (job->order);
  g_free (job);
}

static void
sort_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  SortJob *job = data;

  job->keys = mw_table_sort_keys_new_for_texts (job->kind, job->texts);
  job->order = mw_table_sort_keys_order (job->keys, job->descending);
  g_task_return_boolean (task, TRUE);
}

static void
sort_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  MwTableView *self = MW_TABLE_VIEW (source);
  SortJob *job = g_task_get_task_data (G_TASK (result));

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  /* the last sort asked for: done, whether or not it still fits */
  g_clear_object (&self->sort_cancellable);
  /* the rows changed meanwhile: the check that change scheduled sorts again */
  if (self->rows == NULL || job->texts->len != g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    {
      self->sort_stale = TRUE;
      return;
    }
  g_clear_pointer (&self->sort_keys, mw_table_sort_keys_free);
  self->sort_keys = g_steal_pointer (&job->keys);
  mw_row_list_set_order (self->rows, g_steal_pointer (&job->order));
}

static void
run_job (MwTableView *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->sort_cancellable, sort_done_cb, NULL);

  g_task_set_source_tag (task, _mw_table_view_start_sort);
  g_task_set_task_data (task, g_steal_pointer (&self->sort_job), (GDestroyNotify) sort_job_free);
  g_task_run_in_thread (task, sort_thread);
}

/* A slice of the column's texts per frame; then the thread sorts them. */
static gboolean
copy_tick_cb (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       data)
{
  MwTableView *self = MW_TABLE_VIEW (widget);
  SortJob *job = self->sort_job;
  gint64 end = g_get_monotonic_time () + COPY_SLICE_USEC;
  guint n;

  /* the columns were read again: the check that follows sorts again */
  if (self->table == NULL || self->sort_column == NULL || job->column >= mw_attribute_table_get_n_columns (self->table))
    {
      self->sort_tick = 0;
      _mw_table_view_stop_sort (self);
      self->sort_stale = TRUE;
      return G_SOURCE_REMOVE;
    }
  /* rows that went meanwhile are not read; sort_done_cb sees the count differ */
  n = MIN (job->n, mw_attribute_table_get_n_rows (self->table));
  while (job->texts->len < n && g_get_monotonic_time () < end)
    mw_attribute_table_dup_rows (self->table, job->column, _mw_table_view_usable_measures (self),
                                 job->texts->len, MIN (1024, n - job->texts->len), job->texts);
  if (job->texts->len < n)
    return G_SOURCE_CONTINUE;
  self->sort_tick = 0;
  run_job (self);
  return G_SOURCE_REMOVE;
}

/* No sort is under way any more: the copy stops, a thread's result is dropped. */
void
_mw_table_view_stop_sort (MwTableView *self)
{
  if (self->sort_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->sort_tick);
  self->sort_tick = 0;
  g_clear_pointer (&self->sort_job, sort_job_free);
  g_cancellable_cancel (self->sort_cancellable);
  g_clear_object (&self->sort_cancellable);
}

void
_mw_table_view_start_sort (MwTableView *self)
{
  SortJob *job;

  _mw_table_view_stop_sort (self);
  g_clear_pointer (&self->sort_keys, mw_table_sort_keys_free);
  self->sort_stale = FALSE;
  if (self->rows == NULL || self->table == NULL)
    return;
  if (self->sort_column == NULL)
    {
      if (mw_row_list_is_sorted (self->rows))
        mw_row_list_set_order (self->rows, NULL);
      return;
    }

  job = g_new0 (SortJob, 1);
  job->column = self->sort_column->column;
  job->n = mw_attribute_table_get_n_rows (self->table);
  job->kind = mw_attribute_table_get_column (self->table, job->column)->kind;
  job->descending = self->sort_descending;
  job->texts = g_ptr_array_new_full (job->n, g_free);
  self->sort_job = job;
  /* busy from now: mw_table_view_is_busy() */
  self->sort_cancellable = g_cancellable_new ();
  self->sort_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), copy_tick_cb, NULL, NULL);
}

/* The header clicks chose another column or direction. */
void
_mw_table_view_sorter_changed (MwTableView *self)
{
  gboolean descending = FALSE;
  ColumnData *cd = sorted_column (self, &descending);

  if (cd == self->sort_column && descending == self->sort_descending && !self->sort_stale)
    return;
  self->sort_column = cd;
  self->sort_descending = descending;
  _mw_table_view_start_sort (self);
}

/* An edit in the sorted column moves its row to where it now sorts. */
void
_mw_table_view_place_row (MwTableView *self,
                          guint        row)
{
  char buffer[MW_TABLE_TEXT_SIZE];

  if (self->sort_keys == NULL || self->sort_column == NULL ||
      row >= mw_attribute_table_get_n_rows (self->table))
    return;
  mw_table_sort_keys_update (self->sort_keys, row,
                             mw_attribute_table_peek_text (self->table, self->sort_column->column, row,
                                                           _mw_table_view_usable_measures (self), buffer));
  mw_row_list_place_row (self->rows, self->sort_keys, self->sort_descending, row);
}

/* The sorter a column's header sets: asked only by sorted_column(). */
GtkSorter *
_mw_table_view_column_sorter_new (ColumnData *cd)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_cb, cd, NULL));
}
