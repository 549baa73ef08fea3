/* mw-metrics.h: graph measures over a snapshot of a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mw-network.h"

G_BEGIN_DECLS

/**
 * MwGraph:
 *
 * A read-only snapshot of a #MwNetwork as compressed adjacency arrays over
 * the actors' dense indices, built once and then queried by the measures
 * below in linear time. Self ties and ties of weight ≤ 0 are dropped and
 * parallel ties merged: the measures are defined on simple graphs.
 *
 * Building only *reads* the network, so it may run in a worker thread on a
 * network that nobody changes meanwhile (for instance one made with
 * mw_network_copy()). An #MwGraph is used by one thread at a time: its
 * queries reuse internal buffers.
 */
typedef struct _MwGraph MwGraph;

/* Which simple graph a measure looks at. */
typedef enum
{
  MW_GRAPH_REPORTS,       /* directed, from → to: from reports to to */
  MW_GRAPH_COLLABORATES,  /* undirected: collaboration is symmetric */
  MW_GRAPH_INFLUENCES,    /* directed, from → to */
  MW_GRAPH_CHECKS,        /* directed, from → to */
  MW_GRAPH_ALL,           /* undirected, every tie of any type */
  MW_GRAPH_LEADERSHIP,    /* directed a → b when a leads b: a influences b, or b reports to a */
  MW_N_GRAPHS
} MwGraphKind;

MwGraph    *mw_graph_new                 (MwNetwork    *network);
void        mw_graph_free                (MwGraph      *self);
guint       mw_graph_get_n               (MwGraph      *self);
MwNetwork  *mw_graph_get_network         (MwGraph      *self);

/* Distinct neighbours of @v in @kind (out-neighbours for directed kinds);
 * the array is sorted by index and owned by @self. The first mw_graph_in()
 * of some kinds builds their reverse rows. */
const guint *mw_graph_out                (MwGraph      *self,
                                          MwGraphKind   kind,
                                          guint         v,
                                          guint        *n_out);
const guint *mw_graph_in                 (MwGraph      *self,
                                          MwGraphKind   kind,
                                          guint         v,
                                          guint        *n_in);
guint       mw_graph_n_edges             (MwGraph      *self,
                                          MwGraphKind   kind);

/* Every tie as it was when the snapshot was taken, by tie index (self ties
 * and duplicates included): a compact copy that passes over the ties read
 * without touching the network. */
typedef struct
{
  guint      from;
  guint      to;
  MwTieType  type;
  gboolean   ignored;  /* not a tie: to oneself, or of weight ≤ 0 */
} MwGraphTie;

const MwGraphTie *mw_graph_get_ties      (MwGraph      *self,
                                          guint        *n_ties);

/* The formal hierarchy (reports ties). @u is *above* @v when @v reaches @u
 * through reports ties (u ≠ v). O(1) when every actor has at most one
 * manager and there is no cycle (Euler-tour intervals of the reports
 * forest); otherwise the intervals of a spanning forest plus a search over
 * the other reports ties only, which stops on cycles. */
gboolean    mw_graph_is_above            (MwGraph      *self,
                                          guint         u,
                                          guint         v);
gboolean    mw_graph_is_vertical         (MwGraph      *self,
                                          guint         u,
                                          guint         v);
gboolean    mw_graph_hierarchy_is_forest (MwGraph      *self);
/* Levels in the chain of command: 0 without reports ties, 2 for a manager
 * and reports. An actor's level is 1 + its shortest reports chain to a top
 * (an actor who reports to nobody but has reports). */
guint       mw_graph_hierarchy_depth     (MwGraph      *self);
/* TRUE for the tops of the hierarchy (see above). */
gboolean    mw_graph_is_top              (MwGraph      *self,
                                          guint         v);
/* The level of @v in the chain of command (1 for tops); 0 outside it. */
guint       mw_graph_level               (MwGraph      *self,
                                          guint         v);
/* Mean and largest number of direct reports over actors that have some. */
double      mw_graph_span_of_control     (MwGraph      *self,
                                          guint        *max_span);

/* Unweighted BFS distances over MW_GRAPH_ALL from every source at once;
 * G_MAXUINT where unreachable. @dist has mw_graph_get_n() entries. */
void        mw_graph_distances_from      (MwGraph      *self,
                                          const guint  *sources,
                                          guint         n_sources,
                                          guint        *dist);

/* Articulation points of MW_GRAPH_ALL (Hopcroft–Tarjan, iterative), in
 * index order. With @exposed (n entries, may be NULL) also marks the actors
 * that one other actor's departure would leave connected to at most half of
 * the network, or that have no second route (no cycle through them). */
GArray     *mw_graph_articulation_points (MwGraph      *self,
                                          gboolean     *exposed);

/* The same over the undirected graph of the ties whose @keep flag (by tie
 * index) is set; ignored ties never count. */
GArray     *mw_graph_articulation_points_of_ties (MwGraph        *self,
                                                  const gboolean *keep,
                                                  gboolean       *exposed);

/* Latora & Marchiori's global efficiency of MW_GRAPH_ALL: the mean of 1/d
 * over ordered pairs. Exact up to MW_EFFICIENCY_EXACT_LIMIT actors; above
 * it, the mean over a fixed sample of sources chosen by a hash of their ids
 * (so reordering actors does not change it). @error_bound (nullable)
 * receives the 95% Hoeffding half-width of the estimate, 0 when exact. */
#define MW_EFFICIENCY_EXACT_LIMIT 600
#define MW_EFFICIENCY_MIN_SOURCES 24
double      mw_graph_global_efficiency   (MwGraph      *self,
                                          double       *error_bound);
/* The same from the given sources only (for benchmarks and tests). */
double      mw_graph_efficiency_from     (MwGraph      *self,
                                          const guint  *sources,
                                          guint         n_sources);

/* Freeman's degree centralization of the leadership graph's out-degree
 * (how many people each actor leads), normalised by (n − 1)². */
double      mw_graph_centralization      (MwGraph      *self);
/* Carson, Tesluk & Marrone's density: leadership relations / n(n − 1). */
double      mw_graph_density             (MwGraph      *self);
/* Share of leadership relations returned (a → b and b → a). */
double      mw_graph_reciprocity         (MwGraph      *self);

/* Groups and organisations (mw-graph-groups.c), computed on the first of
 * these queries, which reads the network's actors again (as the sampled
 * efficiency reads ids): keep it unchanged until then. docs/scoring.md
 * says where each comes from. Ids are dense and do not depend on the
 * order of the actors.
 *
 * An actor's organisation: its `mw_org`; an actor of kind organisation is
 * its own; people without one take it along reporting lines or from the
 * one organisation actor they are tied to; failing that, plain units that
 * no reporting line joins (and of which one has its own hierarchy) are
 * organisations. G_MAXUINT for none.
 *
 * An actor's group: its organisation and unit when the `mw_unit` labels
 * (or DOT clusters) are a real grouping, else its organisation and its
 * community in the structure (label propagation, canonical tie breaks). */
guint       mw_graph_group               (MwGraph      *self,
                                          guint         v);
guint       mw_graph_n_groups            (MwGraph      *self);
/* TRUE when the groups come from the structure, not from the labels. */
gboolean    mw_graph_groups_from_structure (MwGraph    *self);
guint       mw_graph_org                 (MwGraph      *self,
                                          guint         v);
guint       mw_graph_n_orgs              (MwGraph      *self);
/* TRUE when some organisations are units that structure made separate. */
gboolean    mw_graph_orgs_from_units     (MwGraph      *self);
/* Share of actors with a tie into another organisation, 0–1; 0 for a
 * network of one organisation. */
double      mw_graph_org_boundary_spanning (MwGraph    *self);
/* Krackhardt & Stern's E-I index of collaboration pairs across groups:
 * (external − internal) / (external + internal); 0 without collaboration. */
double      mw_graph_ei_index            (MwGraph      *self,
                                          guint        *n_external,
                                          guint        *n_internal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwGraph, mw_graph_free)

gboolean    mw_sorted_contains           (const guint  *items,
                                          guint         n,
                                          guint         item);

G_END_DECLS
