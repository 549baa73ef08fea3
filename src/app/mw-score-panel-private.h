/* mw-score-panel-private.h: the score panel's parts below it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Levels, bottom first: mw-score-panel-measures.c (the classic measures'
 * rows), mw-score-scope.c (whole network or filtered view, its own type),
 * then mw-score-panel.c, which calls both and is called by neither.
 */

#pragma once

#include <adwaita.h>

#include "mw-scores.h"

G_BEGIN_DECLS

typedef enum
{
  MW_SCORE_MEASURE_CENTRALIZATION,
  MW_SCORE_MEASURE_DENSITY,
  MW_SCORE_MEASURE_RECIPROCITY,
  MW_SCORE_MEASURE_EFFICIENCY,
  MW_SCORE_MEASURE_ARTICULATION,
  MW_SCORE_MEASURE_DEPTH,
  MW_SCORE_MEASURE_ORG_BOUNDARY,
  MW_N_SCORE_MEASURES
} MwScoreMeasure;

void _mw_score_panel_build_measure_rows (GtkListBox *list,
                                         GtkWidget  *values[MW_N_SCORE_MEASURES]);
void _mw_score_panel_show_measures      (GtkWidget  *values[MW_N_SCORE_MEASURES],
                                         MwScores   *scores);

G_END_DECLS
