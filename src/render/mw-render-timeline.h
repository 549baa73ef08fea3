/* mw-render-timeline.h: a series' index and five elements over time, as a line chart
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "mw-series.h"

G_BEGIN_DECLS

/* The chart's lines: the five elements, then the index. */
#define MW_TIMELINE_INDEX_LINE MW_N_ELEMENTS
#define MW_TIMELINE_N_LINES    (MW_N_ELEMENTS + 1)

/**
 * MwTimelineOptions:
 * @dark: light ink on a dark background
 * @selected: the snapshot whose points are highlighted, or -1
 * @font_size: the labels' size in points; 0 for 10
 */
typedef struct
{
  gboolean dark;
  int      selected;
  double   font_size;
} MwTimelineOptions;

/**
 * MwTimelineTick:
 * @x: where the tick is on the time axis
 * @label: its label, "Q2 2026", "Jun", "2027"…
 * @label_x: the label's left edge
 * @label_width: the label's width as drawn
 */
typedef struct
{
  double  x;
  char   *label;
  double  label_x;
  double  label_width;
} MwTimelineTick;

/* The value @line has at @snapshot: FALSE (a gap) when the snapshot is
 * marked or the element not measurable there. */
gboolean  mw_timeline_get_value      (const MwSnapshot        *snapshot,
                                      guint                    line,
                                      double                  *value);
/* "Index", or the element's title, translated. */
const char *mw_timeline_get_line_title (guint                  line);

void      mw_render_timeline         (cairo_t                 *cr,
                                      MwSeries                *series,
                                      double                   width,
                                      double                   height,
                                      const MwTimelineOptions *options);
guint    *mw_timeline_dup_order      (MwSeries                *series,
                                      guint                   *n);
double    mw_render_timeline_snapshot_x (MwSeries             *series,
                                      double                   width,
                                      double                   height,
                                      const MwTimelineOptions *options,
                                      guint                    snapshot);
GArray   *mw_render_timeline_ticks   (cairo_t                 *cr,
                                      MwSeries                *series,
                                      double                   width,
                                      double                   height,
                                      const MwTimelineOptions *options);
/* Where the point of @line at @snapshot is drawn; FALSE for a gap. */
gboolean  mw_render_timeline_point   (MwSeries                *series,
                                      double                   width,
                                      double                   height,
                                      const MwTimelineOptions *options,
                                      guint                    snapshot,
                                      guint                    line,
                                      double                  *x,
                                      double                  *y);
/* The snapshot drawn nearest to x, or -1 outside the plot. */
int       mw_render_timeline_hit     (MwSeries                *series,
                                      double                   width,
                                      double                   height,
                                      const MwTimelineOptions *options,
                                      double                   x,
                                      double                   y);

G_END_DECLS
