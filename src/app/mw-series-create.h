/* mw-series-create.h: a new series from several networks — New Series… and dropping files
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void mw_series_create_choose      (GtkWindow  *parent);
void mw_series_create_from_files  (GtkWindow  *parent,
                                   GPtrArray  *files);
void mw_series_create_attach_drop (GtkWindow  *window);

G_END_DECLS
