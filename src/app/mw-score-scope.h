/* mw-score-scope.h: whether the score panel scores the whole network or the filtered view
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-filter.h"
#include "mw-scorer.h"

G_BEGIN_DECLS

#define MW_TYPE_SCORE_SCOPE (mw_score_scope_get_type ())

G_DECLARE_FINAL_TYPE (MwScoreScope, mw_score_scope, MW, SCORE_SCOPE, GtkWidget)

void        mw_score_scope_set_whole     (MwScoreScope   *self,
                                          MwScorer       *whole);
void        mw_score_scope_set_filter    (MwScoreScope   *self,
                                          const MwFilter *filter);
MwScorer   *mw_score_scope_get_scorer    (MwScoreScope   *self);
gboolean    mw_score_scope_get_filtered  (MwScoreScope   *self);
void        mw_score_scope_set_filtered  (MwScoreScope   *self,
                                          gboolean        filtered);
const char *mw_score_scope_get_caption   (MwScoreScope   *self);

G_END_DECLS
