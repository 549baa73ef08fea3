/* mw-table-cell.h: one cell of the data table — a line of text drawn with a shared layout
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MW_TYPE_TABLE_CELL (mw_table_cell_get_type ())

G_DECLARE_FINAL_TYPE (MwTableCell, mw_table_cell, MW, TABLE_CELL, GtkWidget)

GtkWidget  *mw_table_cell_new        (PangoLayout *layout,
                                      float        xalign,
                                      int          height);
void        mw_table_cell_set_text   (MwTableCell *self,
                                      const char  *text);
const char *mw_table_cell_get_text   (MwTableCell *self);
void        mw_table_cell_set_editor (MwTableCell *self,
                                      GtkWidget   *editor);
GtkWidget  *mw_table_cell_get_editor (MwTableCell *self);

G_END_DECLS
