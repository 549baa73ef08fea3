/* mw-inspector.h: the sidebar that edits the selected actors or tie
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-canvas.h"

G_BEGIN_DECLS

#define MW_TYPE_INSPECTOR (mw_inspector_get_type ())

G_DECLARE_FINAL_TYPE (MwInspector, mw_inspector, MW, INSPECTOR, GtkWidget)

void mw_inspector_set_canvas (MwInspector *self,
                              MwCanvas    *canvas);

G_END_DECLS
