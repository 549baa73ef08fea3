/* mw-score-elements-private.h: the element and context scorers one pass calls
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-scores-private.h"

G_BEGIN_DECLS

/* In mw-score-elements.c */
void  _mw_score_collaboration     (MwScores *self, MwScoring *scoring);
void  _mw_score_influence         (MwScores *self, MwScoring *scoring);
void  _mw_score_entrepreneurship  (MwScores *self, MwScoring *scoring);
/* In mw-score-purpose-risk.c */
void  _mw_score_purpose           (MwScores *self, MwScoring *scoring);
void  _mw_score_risk              (MwScores *self, MwScoring *scoring);
/* In mw-score-context.c */
void  _mw_score_context           (MwScores *self, MwScoring *scoring);

G_END_DECLS
