/* mw-render-radar.h: the five elements as a radar (spider) chart
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "mw-scores.h"

G_BEGIN_DECLS

/**
 * MwRadarSeries:
 * @scores: (nullable): the scores drawn; %NULL draws nothing for this series
 * @label: (nullable): its name in the legend ("Now", "Baseline")
 */
typedef struct
{
  MwScores   *scores;
  const char *label;
} MwRadarSeries;

/* The smallest rectangle side the chart stays legible in, in pixels. */
#define MW_RADAR_MIN_SIZE 160.0

void     mw_render_radar            (cairo_t             *cr,
                                     const MwRadarSeries *series,
                                     guint                n_series,
                                     double               x,
                                     double               y,
                                     double               width,
                                     double               height,
                                     gboolean             dark);

void     mw_render_radar_get_point  (cairo_t             *cr,
                                     const MwRadarSeries *series,
                                     guint                n_series,
                                     double               x,
                                     double               y,
                                     double               width,
                                     double               height,
                                     MwElement            element,
                                     double               value,
                                     double              *px,
                                     double              *py);

/* The colour a series is drawn in (series 0 filled, the rest as
 * outlines), as 0xRRGGBB — for a caller's own legend or key. */
guint32  mw_render_radar_get_color  (guint                index,
                                     gboolean             dark);

G_END_DECLS
