/* mw-score-radar.h: the score panel's radar chart of the five elements
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-scores.h"

G_BEGIN_DECLS

#define MW_TYPE_SCORE_RADAR (mw_score_radar_get_type ())

G_DECLARE_FINAL_TYPE (MwScoreRadar, mw_score_radar, MW, SCORE_RADAR, GtkDrawingArea)

GtkWidget  *mw_score_radar_new             (void);
void        mw_score_radar_set_scores      (MwScoreRadar *self,
                                            MwScores     *scores,
                                            const char   *label,
                                            MwScores     *overlay,
                                            const char   *overlay_label);
MwScores   *mw_score_radar_get_scores      (MwScoreRadar *self);
MwScores   *mw_score_radar_get_overlay     (MwScoreRadar *self);
const char *mw_score_radar_get_description (MwScoreRadar *self);

G_END_DECLS
