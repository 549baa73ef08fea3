/* mw-row-item.h: one row of the data table — a light handle on an actor or a tie
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mw-network.h"

G_BEGIN_DECLS

#define MW_TYPE_ROW_ITEM (mw_row_item_get_type ())

G_DECLARE_FINAL_TYPE (MwRowItem, mw_row_item, MW, ROW_ITEM, GObject)

MwRowItem *mw_row_item_new       (MwActor   *actor,
                                  MwTie     *tie);
MwActor   *mw_row_item_get_actor (MwRowItem *self);
MwTie     *mw_row_item_get_tie   (MwRowItem *self);
gpointer   mw_row_item_get_row   (MwRowItem *self);
guint      mw_row_item_get_index (MwRowItem *self);
void       mw_row_item_forget    (MwRowItem *self);
void       mw_row_item_set_row   (MwRowItem *self,
                                  MwActor   *actor,
                                  MwTie     *tie);
void       mw_row_item_changed   (MwRowItem *self);

G_END_DECLS
