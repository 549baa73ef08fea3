/* mw-page.c: the one page layout that Print and the PDF export share —
 * a drawing fitted into a page's free area, under an optional header
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <string.h>

#include "mw-page.h"

/**
 * mw_page_init:
 * @width: the page's width in points
 *
 * No margin, no header, no limit on the scale, the drawing centred.
 */
void
mw_page_init (MwPage *page,
              double  width,
              double  height)
{
  g_return_if_fail (page != NULL);

  memset (page, 0, sizeof *page);
  page->width = width;
  page->height = height;
}

/**
 * mw_page_place:
 * @content_width: the drawing's size in its own points
 *
 * Scales the drawing as large as the free area allows (within the page's
 * limits), centred across; down the page it is centred below the header or
 * put right under it.
 */
void
mw_page_place (const MwPage    *page,
               double           content_width,
               double           content_height,
               MwPagePlacement *placement)
{
  double free_w, free_h, k;

  g_return_if_fail (page != NULL && placement != NULL);

  free_w = MAX (page->width - 2 * page->margin, 1);
  free_h = MAX (page->height - 2 * page->margin - page->header, 1);
  k = MIN (free_w / MAX (content_width, 1), free_h / MAX (content_height, 1));
  if (page->min_scale > 0)
    k = MAX (k, page->min_scale);
  if (page->max_scale > 0)
    k = MIN (k, page->max_scale);

  placement->scale = k;
  placement->x = (page->width - content_width * k) / 2;
  /* The margins are equal, so centring on the page is centring in them. */
  if (page->align_top)
    placement->y = page->margin + page->header;
  else
    placement->y = page->header + (page->height - page->header - content_height * k) / 2;
}

/**
 * mw_page_wants_landscape:
 *
 * Returns: whether a drawing of this size goes on a landscape page: when
 *   it is wider than tall
 */
gboolean
mw_page_wants_landscape (double content_width,
                         double content_height)
{
  return content_width > content_height;
}
