/* mw-scorer.h: keeps a network's scores up to date as it is edited
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mw-filter.h"
#include "mw-network.h"
#include "mw-progress.h"
#include "mw-scores.h"

G_BEGIN_DECLS

/* Above this many actors scoring runs in a worker thread. */
#define MW_SCORER_DEFAULT_THREAD_THRESHOLD 5000

#define MW_TYPE_SCORER (mw_scorer_get_type ())

G_DECLARE_FINAL_TYPE (MwScorer, mw_scorer, MW, SCORER, GObject)

MwScorer *mw_scorer_new                  (MwNetwork *network);
MwScorer *mw_scorer_new_with_copy        (MwNetwork *network,
                                          MwNetwork *copy);
MwNetwork *mw_scorer_get_network         (MwScorer  *self);
MwScores *mw_scorer_get_scores           (MwScorer  *self);
gboolean  mw_scorer_get_busy             (MwScorer  *self);
guint     mw_scorer_get_thread_threshold (MwScorer  *self);
void      mw_scorer_set_thread_threshold (MwScorer  *self,
                                          guint      n_actors);
void      mw_scorer_rescore              (MwScorer  *self);
MwProgress *mw_scorer_get_progress       (MwScorer  *self);
void      mw_scorer_cancel               (MwScorer  *self);

MwScorer *mw_scorer_new_filtered         (MwScorer       *source,
                                          const MwFilter *filter);
void      mw_scorer_set_filter           (MwScorer       *self,
                                          const MwFilter *filter);
const MwFilter *mw_scorer_get_filter     (MwScorer       *self);
MwNetwork *mw_scorer_get_scored_network  (MwScorer       *self);

/* For tests only. */
void      _mw_scorer_set_test_delay      (guint      ms);
void      _mw_scorer_set_test_hold       (gboolean   hold);
void      _mw_scorer_set_test_hold_view  (gboolean   hold);

G_END_DECLS
