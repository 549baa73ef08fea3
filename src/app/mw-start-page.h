/* mw-start-page.h: what a window without a network offers to start from
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-templates.h"

G_BEGIN_DECLS

/* The cards' ids besides the context names of mw-templates.h. */
#define MW_START_EXAMPLE "example"
#define MW_START_BLANK   "blank"

/* The seed the context cards are built (and drawn) with: meshwork-cli's default. */
#define MW_START_SEED MW_TEMPLATE_DEFAULT_SEED

#define MW_TYPE_START_PAGE (mw_start_page_get_type ())

G_DECLARE_FINAL_TYPE (MwStartPage, mw_start_page, MW, START_PAGE, AdwBin)

GtkWidget       *mw_start_page_new        (void);
GtkFlowBoxChild *mw_start_page_get_card   (MwStartPage *self,
                                           const char  *id);
void             mw_start_page_focus_first (MwStartPage *self);

G_END_DECLS
