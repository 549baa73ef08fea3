/* mw-presentation-kept.h: the slides kept in a file: reorder and remove them
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-document.h"

G_BEGIN_DECLS

#define MW_TYPE_PRESENTATION_KEPT (mw_presentation_kept_get_type ())

G_DECLARE_FINAL_TYPE (MwPresentationKept, mw_presentation_kept, MW, PRESENTATION_KEPT, AdwWindow)

MwPresentationKept *mw_presentation_kept_new (GtkWindow  *parent,
                                              MwDocument *document);

G_END_DECLS
