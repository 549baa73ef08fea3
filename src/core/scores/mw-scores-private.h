/* mw-scores-private.h: the scores' insides and what every element scorer uses
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-metrics.h"
#include "mw-scores.h"

G_BEGIN_DECLS

struct _MwScores
{
  gatomicrefcount  ref_count;
  guint64          generation;
  double           score[MW_N_ELEMENTS];
  MwEvidence       evidence[MW_N_ELEMENTS];  /* reason: owned, (char *) */
  double           index;
  guint            n_measurable;
  MwMeasures       measures;
  GStrv            articulation_ids;
  MwScoreContext   context;
  double           confidence;
  double           fit[MW_N_SCORE_CONTEXTS];
  char            *reason;
  GPtrArray       *factors[MW_N_ELEMENTS];
};

/* Which way a tie from → to runs in the formal hierarchy. */
typedef enum
{
  MW_DIRECTION_DOWN,      /* from is above to */
  MW_DIRECTION_UP,        /* to is above from */
  MW_DIRECTION_SIDEWAYS,  /* lateral */
  MW_DIRECTION_SELF,      /* not a tie (to oneself, weight ≤ 0): ignored */
} MwDirection;

/* What every element needs, computed once per scoring. */
typedef struct
{
  MwNetwork  *network;
  MwGraph    *graph;
  guint       n;
  gboolean   *person;      /* kind == person: the shares count people */
  guint       n_people;
  const MwGraphTie *ties;
  guint       n_ties;
  guint      *actor_order; /* actor indices sorted by id: every list is in this order */
  guint      *tie_order;   /* tie indices sorted by their endpoints' ids, then type */
  guint8     *direction;   /* MwDirection by tie index */
  gboolean   *duplicate;   /* the same from, to and type as the tie before it in tie_order */
  GArray     *cut_points;  /* articulation points */
  gboolean   *exposed;     /* see mw_graph_articulation_points() */
} MwScoring;

MwScores  *_mw_scores_new          (guint64         generation);
/* What one pass keeps for the next pass over the same network
 * (mw-scores-compute.c); see _mw_scores_compute_cached(). */
typedef struct _MwScoresCache MwScoresCache;
MwScoresCache *_mw_scores_cache_new      (void);
void           _mw_scores_cache_free     (MwScoresCache *cache);
MwScores      *_mw_scores_compute_cached (MwNetwork     *network,
                                          MwScoresCache *cache);
MwScores      *_mw_scores_compute_cancellable (MwNetwork     *network,
                                              MwScoresCache *cache,
                                              GCancellable  *cancellable);
/* For tests: networks of at least @n_actors are scored on two threads. */
void       _mw_scores_set_parallel_min_actors (guint n_actors);
/* Sets @element's evidence; takes @reason. */
void       _mw_scores_set_evidence (MwScores       *self,
                                    MwElement       element,
                                    MwBasis         basis,
                                    gboolean        measurable,
                                    double          coverage,
                                    char           *reason);
/* A NULL-terminated copy of @ids (nullable), in their order. */
GStrv      _mw_scores_strv_from_ids (GPtrArray      *ids);
/* Takes @text; @actors and @ties (char*, borrowed ids, in canonical order,
 * nullable) are copied. */
void  _mw_scores_add_factor       (MwScores   *self,
                                   MwElement   element,
                                   char       *text,
                                   GPtrArray  *actors,
                                   GPtrArray  *ties);
/* Adds the evidence's reason as the element's only factor. */
void       _mw_scores_add_not_measurable (MwScores  *self,
                                          MwElement  element);
/* How many people have a tie (not ignored) of @type (G_MAXUINT: any
 * type) or their @also flag (nullable) set. */
guint      _mw_scoring_n_people_tied (MwScoring      *scoring,
                                      guint           type,
                                      gboolean       *also);

/* How many groups (mw_graph_group()) hold people whose @where flag is set
 * (every person when %NULL). */
guint      _mw_scoring_n_groups      (MwScoring      *scoring,
                                      const gboolean *where);

#define _MW_TIE_ID(scoring, i) (mw_network_get_tie ((scoring)->network, (i))->id)

static inline double
_mw_share (guint part,
           guint whole)
{
  return whole > 0 ? (double) part / whole : 0.0;
}

static inline gboolean
_mw_scoring_is_team (MwScoring *scoring,
                     guint      v)
{
  return mw_network_get_actor (scoring->network, v)->kind == MW_ACTOR_TEAM;
}

/* The ids of the people whose flag equals @value, sorted. */
GPtrArray *_mw_scoring_people_where (MwScoring      *scoring,
                                     const gboolean *flags,
                                     gboolean        value);
/* The ids of the actors of any kind whose flag is set, sorted. */
GPtrArray *_mw_scoring_actors_where (MwScoring      *scoring,
                                     const gboolean *flags);

G_END_DECLS
