/* mw-score-card.h: the score card of an export, filled from the scores
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-export.h"
#include "mw-scores.h"

G_BEGIN_DECLS

void mw_score_card_fill (MwScoreCard *card,
                         MwScoreRow   rows[MW_N_ELEMENTS],
                         MwScores    *scores);
void mw_score_card_say_filtered (MwScoreCard *card);

G_END_DECLS
