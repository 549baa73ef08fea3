/* mw-row-list.h: the actors or the ties of a network as a GListModel of MwRowItem
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-attribute-table.h"
#include "mw-row-item.h"

G_BEGIN_DECLS

#define MW_TYPE_ROW_LIST (mw_row_list_get_type ())

G_DECLARE_FINAL_TYPE (MwRowList, mw_row_list, MW, ROW_LIST, GObject)

MwRowList   *mw_row_list_new         (MwNetwork   *network,
                                      MwTableKind  kind);
MwNetwork   *mw_row_list_get_network (MwRowList   *self);
MwTableKind  mw_row_list_get_kind    (MwRowList   *self);
guint        mw_row_list_get_n_alive (MwRowList   *self);
void         mw_row_list_refresh     (MwRowList   *self);
void         mw_row_list_set_order   (MwRowList   *self,
                                      guint       *order);
gboolean     mw_row_list_is_sorted   (MwRowList   *self);
void         mw_row_list_place_row   (MwRowList       *self,
                                      MwTableSortKeys *keys,
                                      gboolean         descending,
                                      guint            row);
void         mw_row_list_set_matches (MwRowList   *self,
                                      guint8      *matches);
void         mw_row_list_set_row_matches (MwRowList *self,
                                      guint        row,
                                      gboolean     match);
gboolean     mw_row_list_is_filtered (MwRowList   *self);
guint        mw_row_list_get_n_rows  (MwRowList   *self);
guint        mw_row_list_get_row_index (MwRowList *self,
                                      guint        position);
guint        mw_row_list_get_n_shown (MwRowList   *self);
gboolean     mw_row_list_is_growing  (MwRowList   *self);

G_END_DECLS
