/* mw-appearance-popover.h: Colour by, Size by, Label by — the appearance of actors
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-document.h"

G_BEGIN_DECLS

#define MW_TYPE_APPEARANCE_POPOVER (mw_appearance_popover_get_type ())

G_DECLARE_FINAL_TYPE (MwAppearancePopover, mw_appearance_popover, MW, APPEARANCE_POPOVER, GtkPopover)

void        mw_appearance_popover_set_document (MwAppearancePopover *self,
                                                MwDocument          *document);
GtkDropDown *mw_appearance_popover_get_dropdown (MwAppearancePopover *self,
                                                guint                channel);

G_END_DECLS
