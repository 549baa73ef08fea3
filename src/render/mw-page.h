/* mw-page.h: where a drawing goes on a page, for print and PDF export
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A page to lay a drawing out on, all in points. */
typedef struct
{
  double   width;
  double   height;
  double   margin;      /* left free on every side */
  double   header;      /* kept under the top margin, e.g. for a title */
  double   min_scale;   /* 0: no limit */
  double   max_scale;   /* 0: no limit */
  gboolean align_top;   /* right under the header, else centred below it */
} MwPage;

/* Where the drawing lands: its top-left corner on the page and the page
 * points per drawing point. */
typedef struct
{
  double x;
  double y;
  double scale;
} MwPagePlacement;

void     mw_page_init            (MwPage          *page,
                                  double           width,
                                  double           height);
void     mw_page_place           (const MwPage    *page,
                                  double           content_width,
                                  double           content_height,
                                  MwPagePlacement *placement);
gboolean mw_page_wants_landscape (double           content_width,
                                  double           content_height);

G_END_DECLS
