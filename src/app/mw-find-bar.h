/* mw-find-bar.h: Find (Ctrl+F) over the canvas
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-canvas.h"

G_BEGIN_DECLS

#define MW_TYPE_FIND_BAR (mw_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (MwFindBar, mw_find_bar, MW, FIND_BAR, GtkWidget)

GtkWidget  *mw_find_bar_new         (void);
void        mw_find_bar_set_canvas  (MwFindBar  *self,
                                     MwCanvas   *canvas);
void        mw_find_bar_open        (MwFindBar  *self);
void        mw_find_bar_close       (MwFindBar  *self);
gboolean    mw_find_bar_get_active  (MwFindBar  *self);
gboolean    mw_find_bar_get_showing (MwFindBar  *self);
void        mw_find_bar_move        (MwFindBar  *self,
                                     gboolean    forward);
guint       mw_find_bar_get_n_found (MwFindBar  *self);

G_END_DECLS
