/* mw-actor-measures.h: measures of each actor — degrees, betweenness,
 * boundary spanning, Burt's constraint
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mw-network.h"

G_BEGIN_DECLS

/* Betweenness is exact while one Brandes pass over every source costs at
 * most this many steps (sources × (actors + ties)); beyond, it is
 * estimated from as many sources as the budget allows, never fewer than
 * MW_BETWEENNESS_MIN_SOURCES (tests/bench/bench-measures.c shows the
 * times). */
#define MW_BETWEENNESS_BUDGET      50000000.0
#define MW_BETWEENNESS_MIN_SOURCES 64

/**
 * MwActorMeasures:
 *
 * Every actor's measures, by actor index, computed once from a network
 * nobody changes meanwhile (it only reads it, so a worker thread may use a
 * copy). Betweenness and constraint look at the simple graph of all ties
 * (self ties dropped, parallel ties merged, weights ignored): directed in
 * a `digraph`, as networkx computes them on a DiGraph, undirected in a
 * `graph`. Betweenness is normalised as networkx's default, by
 * (n − 1)(n − 2).
 */
typedef struct _MwActorMeasures MwActorMeasures;
typedef struct _MwActorMeasuresInput MwActorMeasuresInput;

/* @max_sources: 0 to choose by MW_BETWEENNESS_BUDGET, else at most this
 * many sources (G_MAXUINT: always exact). */
MwActorMeasures *mw_actor_measures_compute      (MwNetwork        *network,
                                                 guint             max_sources);
MwActorMeasuresInput *mw_actor_measures_input_new     (MwNetwork            *network);
void                  mw_actor_measures_input_free    (MwActorMeasuresInput *input);
MwActorMeasures      *mw_actor_measures_compute_input (MwActorMeasuresInput *input,
                                                       guint                 max_sources);
void             mw_actor_measures_free         (MwActorMeasures  *self);
guint            mw_actor_measures_get_n        (MwActorMeasures  *self);

/* Ties of @type (MW_N_TIE_TYPES: of any type) that end (@out FALSE) or
 * start (@out TRUE) at actor @v, as stored: parallel ties count each. */
guint            mw_actor_measures_degree       (MwActorMeasures  *self,
                                                 guint             v,
                                                 MwTieType         type,
                                                 gboolean          out);
double           mw_actor_measures_betweenness  (MwActorMeasures  *self,
                                                 guint             v);
/* Burt's constraint; NAN for an actor with no neighbour. */
double           mw_actor_measures_constraint   (MwActorMeasures  *self,
                                                 guint             v);
/* Ties (of any type, self ties aside) into another group — another unit
 * or organisation, as mw_graph_group() tells them apart for the scores —
 * and into another organisation alone (both ends having one). */
guint            mw_actor_measures_boundary_spanning     (MwActorMeasures *self,
                                                          guint            v);
guint            mw_actor_measures_boundary_spanning_org (MwActorMeasures *self,
                                                          guint            v);
/* How betweenness was computed: the sources used (n when exact) and the
 * 95% Hoeffding half-width of each estimate (0 when exact). */
gboolean         mw_actor_measures_is_sampled   (MwActorMeasures  *self,
                                                 guint            *n_sources,
                                                 double           *error_bound);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwActorMeasures, mw_actor_measures_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwActorMeasuresInput, mw_actor_measures_input_free)

G_END_DECLS
