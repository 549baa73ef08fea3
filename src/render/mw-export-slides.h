/* mw-export-slides.h: every slide as one page of a PDF
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-slide.h"

G_BEGIN_DECLS

/* A 16:9 page, in points: what projectors show. */
#define MW_SLIDES_PAGE_WIDTH  960.0
#define MW_SLIDES_PAGE_HEIGHT 540.0

GBytes   *mw_export_slides_to_bytes (GPtrArray             *slides,
                                     const MwSlideOptions  *options,
                                     GError               **error);
gboolean  mw_export_slides_to_file  (GPtrArray             *slides,
                                     const char            *path,
                                     const MwSlideOptions  *options,
                                     GError               **error);

G_END_DECLS
