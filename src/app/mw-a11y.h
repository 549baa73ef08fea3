/* mw-a11y.h: accessible names GTK 4.8 and libadwaita 1.2 leave wrong
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void                mw_a11y_init                (void);
GtkListItemFactory *mw_a11y_string_factory_new  (void);
void                mw_a11y_name_drop_down      (GtkDropDown *drop_down,
                                                 const char  *name);
void                mw_a11y_name_combo_row      (AdwComboRow *row);
void                mw_a11y_name_scrollers      (GtkWidget   *root,
                                                 const char  *name);
void                mw_a11y_name_list_views     (GtkWidget   *root,
                                                 const char  *name);

G_END_DECLS
