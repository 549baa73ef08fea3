/* mw-table-view-filter.c: the data table's text filter — every row read a
 * slice per frame, then shown at once; an edited row comes or goes
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-table"

#include "mw-table-view-private.h"

/* GTK 4.8's incremental GtkFilterListModel announced each slice it had
 * read: at 100,000 rows frames of 51–61 ms (p95) while typing. Here the
 * rows shown stay as they are until every row has been read, then
 * MwRowList shows the matches: the rows on screen show them in place and
 * the positions past the last match go in one "items-changed". */

/* The UI thread's share of a frame for reading rows. */
#define FILTER_SLICE_USEC 4000

static gboolean
row_matches (MwTableView *self,
             guint        row)
{
  return self->table != NULL && row < mw_attribute_table_get_n_rows (self->table) &&
         mw_attribute_table_row_matches (self->table, row, self->needle);
}

static gboolean
filter_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  MwTableView *self = MW_TABLE_VIEW (widget);
  gint64 end = g_get_monotonic_time () + FILTER_SLICE_USEC;

  /* rows came or went: read them all again */
  if (self->rows == NULL || mw_row_list_get_n_rows (self->rows) != self->filter_n)
    {
      self->filter_tick = 0;
      _mw_table_view_stop_filter (self);
      self->filter_stale = TRUE;
      return G_SOURCE_REMOVE;
    }
  /* every row read in an earlier frame: the matches get a frame of their own */
  if (self->filter_next == self->filter_n)
    {
      self->filter_tick = 0;
      mw_row_list_set_matches (self->rows, g_steal_pointer (&self->filter_matches));
      return G_SOURCE_REMOVE;
    }
  while (self->filter_next < self->filter_n && g_get_monotonic_time () < end)
    {
      guint stop = MIN (self->filter_n, self->filter_next + 512);

      for (; self->filter_next < stop; self->filter_next++)
        self->filter_matches[self->filter_next] = row_matches (self, self->filter_next);
    }
  return G_SOURCE_CONTINUE;
}

void
_mw_table_view_stop_filter (MwTableView *self)
{
  if (self->filter_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->filter_tick);
  self->filter_tick = 0;
  g_clear_pointer (&self->filter_matches, g_free);
}

/* The filter text changed, or the rows did: every row is read again. */
void
_mw_table_view_start_filter (MwTableView *self)
{
  _mw_table_view_stop_filter (self);
  self->filter_stale = FALSE;
  if (self->rows == NULL)
    return;
  if (self->needle == NULL)
    {
      /* no filter at all, rather than one that keeps every row: no row is read */
      if (mw_row_list_is_filtered (self->rows))
        mw_row_list_set_matches (self->rows, NULL);
      return;
    }
  self->filter_n = mw_row_list_get_n_rows (self->rows);
  self->filter_next = 0;
  self->filter_matches = g_new0 (guint8, MAX (self->filter_n, 1));
  self->filter_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), filter_tick_cb, NULL, NULL);
}

/* @row was edited: it leaves the rows shown if it no longer matches, and
 * comes if it now does. */
void
_mw_table_view_filter_row (MwTableView *self,
                           guint        row)
{
  if (self->rows == NULL || self->needle == NULL)
    return;
  /* a filter under way reads it again if it has not yet */
  if (self->filter_matches != NULL)
    {
      if (row < self->filter_next)
        self->filter_matches[row] = row_matches (self, row);
      return;
    }
  mw_row_list_set_row_matches (self->rows, row, row_matches (self, row));
}
