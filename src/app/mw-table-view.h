/* mw-table-view.h: the data table — actors or ties, every attribute a column
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-actor-measures.h"
#include "mw-canvas.h"

G_BEGIN_DECLS

#define MW_TYPE_TABLE_VIEW (mw_table_view_get_type ())

G_DECLARE_FINAL_TYPE (MwTableView, mw_table_view, MW, TABLE_VIEW, GtkWidget)

void             mw_table_view_set_canvas      (MwTableView *self,
                                                MwCanvas    *canvas);
GtkColumnView   *mw_table_view_get_column_view (MwTableView *self);
GListModel      *mw_table_view_get_rows        (MwTableView *self);
GtkSelectionModel *mw_table_view_get_selection (MwTableView *self);
MwActorMeasures *mw_table_view_get_measures    (MwTableView *self);
guint            mw_table_view_get_n_alive     (MwTableView *self);
gboolean         mw_table_view_is_busy         (MwTableView *self);

G_END_DECLS
