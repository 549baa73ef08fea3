/* mw-render-legend.h: the legend, one component for the canvas, exports and slides
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "mw-renderer.h"

G_BEGIN_DECLS

/* What an entry shows before its text. */
typedef enum
{
  MW_LEGEND_SHAPE,   /* which: an MwActorKind */
  MW_LEGEND_SIZE,    /* a small and a big shape: what size means */
  MW_LEGEND_TIE,     /* which: an MwTieType, as ties are drawn */
  MW_LEGEND_BADGE,   /* which: 1 the shared purpose, 0 an initiative */
  MW_LEGEND_COLOR,   /* which: a palette index (an organisation's colour) */
  MW_LEGEND_TEXT,    /* the text alone */
  MW_LEGEND_RAMP,    /* an appearance's sequential ramp, light to dark */
} MwLegendSymbol;

/* The corners a legend may take in a view, as a mask. */
typedef enum
{
  MW_LEGEND_TOP_LEFT     = 1 << 0,
  MW_LEGEND_BOTTOM_LEFT  = 1 << 1,
  MW_LEGEND_TOP_RIGHT    = 1 << 2,
  MW_LEGEND_BOTTOM_RIGHT = 1 << 3,
} MwLegendCorners;

#define MW_TYPE_LEGEND (mw_legend_get_type ())

G_DECLARE_FINAL_TYPE (MwLegend, mw_legend, MW, LEGEND, GObject)

/* Using it:
 *
 *   legend = mw_legend_new (renderer);        // the visual language's entries
 *   mw_legend_append (legend, MW_LEGEND_COLOR, 3, "Salary band C");  // a mapping adds its own
 *   mw_legend_measure (legend, &w, &h);
 *   mw_legend_draw (legend, cr, x, y, 0, dark);
 *
 * or, over a view (the canvas), in the corner that covers the fewest
 * actors: mw_legend_place (legend, &view, 12, corners, NULL, &rect), then draw
 * at rect.x, rect.y in view pixels. */
MwLegend   *mw_legend_new             (MwRenderer      *renderer);
MwLegend   *mw_legend_new_empty       (MwRenderer      *renderer);
void        mw_legend_append          (MwLegend        *self,
                                       MwLegendSymbol   symbol,
                                       int              which,
                                       const char      *text);
guint       mw_legend_get_n_entries   (MwLegend        *self);
const char *mw_legend_get_entry_text  (MwLegend        *self,
                                       guint            index);
void        mw_legend_measure         (MwLegend        *self,
                                       double          *width,
                                       double          *height);
void        mw_legend_draw            (MwLegend        *self,
                                       cairo_t         *cr,
                                       double           x,
                                       double           y,
                                       double           min_width,
                                       gboolean         dark);
MwLegendCorners mw_legend_place       (MwLegend        *self,
                                       const MwView    *view,
                                       double           margin,
                                       MwLegendCorners  corners,
                                       const MwRect    *avoid,
                                       MwRect          *rect);

G_END_DECLS
