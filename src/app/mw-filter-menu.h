/* mw-filter-menu.h: the Filter menu — neighbours and what fades
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-canvas.h"
#include "mw-filter.h"

G_BEGIN_DECLS

#define MW_TYPE_FILTER_MENU (mw_filter_menu_get_type ())

G_DECLARE_FINAL_TYPE (MwFilterMenu, mw_filter_menu, MW, FILTER_MENU, GtkWidget)

void        mw_filter_menu_set_canvas     (MwFilterMenu *self,
                                           MwCanvas     *canvas);
gboolean    mw_filter_menu_get_filtering  (MwFilterMenu *self);
const MwFilter *mw_filter_menu_get_filter (MwFilterMenu *self);
void        mw_filter_menu_set_suspended  (MwFilterMenu *self,
                                           gboolean      suspended);
void        mw_filter_menu_clear          (MwFilterMenu *self);

G_END_DECLS
