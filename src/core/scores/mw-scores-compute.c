/* mw-scores-compute.c: one scoring pass, from a shared view of the network to every score
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The pass sits above the element scorers and the MwScores value they
 * fill in, so dependencies point one way: compute → elements → scores. */

#define G_LOG_DOMAIN "meshwork-scores"

#include "config.h"

#include <string.h>

#include "mw-progress.h"
#include "mw-score-elements-private.h"

typedef struct
{
  const char *id;
  guint       index;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const Ranked *) a)->id, ((const Ranked *) b)->id);
}

/* One stable counting-sort pass of @order by @key (values below @n_keys). */
static void
sort_pass (guint       *order,
           guint       *scratch,
           guint        n,
           const guint *key,
           guint        n_keys)
{
  g_autofree guint *count = g_new0 (guint, n_keys + 1);

  for (guint i = 0; i < n; i++)
    count[key[order[i]] + 1]++;
  for (guint k = 0; k < n_keys; k++)
    count[k + 1] += count[k];
  for (guint i = 0; i < n; i++)
    scratch[count[key[order[i]]]++] = order[i];
  memcpy (order, scratch, n * sizeof (guint));
}

static gboolean
same_key (const MwGraphTie *a,
          const MwGraphTie *b)
{
  return a->from == b->from && a->to == b->to && a->type == b->type;
}

/* Parallel ties (same ends, same type) by their ids: which one counts as
 * the original must not depend on the order they were added in (the
 * scorer's kept copy adds a changed tie again at the end). Runs are short:
 * an insertion sort each. */
static void
order_parallel_ties (MwScoring *scoring)
{
  guint *order = scoring->tie_order;

  for (guint start = 0, end; start < scoring->n_ties; start = end)
    {
      for (end = start + 1;
           end < scoring->n_ties && same_key (&scoring->ties[order[start]], &scoring->ties[order[end]]);
           end++)
        ;
      for (guint i = start + 1; i < end; i++)
        {
          guint tie = order[i], j = i;
          const char *id = mw_network_get_tie (scoring->network, tie)->id;

          for (; j > start && strcmp (mw_network_get_tie (scoring->network, order[j - 1])->id, id) > 0; j--)
            order[j] = order[j - 1];
          order[j] = tie;
        }
    }
}

/* Canonical orders, so that no list depends on the order actors and ties
 * were added in: actors by id (one sort), ties by their endpoints' ids and
 * type (a radix sort, linear). */
static void
scoring_order (MwScoring *scoring)
{
  g_autofree Ranked *ranked = g_new (Ranked, MAX (scoring->n, 1));
  g_autofree guint *rank = g_new (guint, MAX (scoring->n, 1));
  g_autofree guint *key = g_new (guint, MAX (scoring->n_ties, 1));
  g_autofree guint *scratch = g_new (guint, MAX (scoring->n_ties, 1));
  guint m = scoring->n_ties;

  for (guint v = 0; v < scoring->n; v++)
    {
      ranked[v].id = mw_network_get_actor (scoring->network, v)->id;
      ranked[v].index = v;
    }
  qsort (ranked, scoring->n, sizeof (Ranked), compare_ranked);
  scoring->actor_order = g_new (guint, MAX (scoring->n, 1));
  for (guint i = 0; i < scoring->n; i++)
    {
      scoring->actor_order[i] = ranked[i].index;
      rank[ranked[i].index] = i;
    }

  scoring->tie_order = g_new (guint, MAX (m, 1));
  for (guint i = 0; i < m; i++)
    scoring->tie_order[i] = i;
  for (guint i = 0; i < m; i++)
    key[i] = scoring->ties[i].type;
  sort_pass (scoring->tie_order, scratch, m, key, MW_N_TIE_TYPES);
  for (guint i = 0; i < m; i++)
    key[i] = rank[scoring->ties[i].to];
  sort_pass (scoring->tie_order, scratch, m, key, scoring->n);
  for (guint i = 0; i < m; i++)
    key[i] = rank[scoring->ties[i].from];
  sort_pass (scoring->tie_order, scratch, m, key, scoring->n);
  order_parallel_ties (scoring);
}

/* Every tie's direction, once: "above" is the costly question when people
 * have several managers. */
static void
scoring_directions (MwScoring *scoring)
{
  const MwGraphTie *previous = NULL;

  scoring->direction = g_new (guint8, MAX (scoring->n_ties, 1));
  scoring->duplicate = g_new0 (gboolean, MAX (scoring->n_ties, 1));
  for (guint j = 0; j < scoring->n_ties; j++)
    {
      guint i = scoring->tie_order[j];
      const MwGraphTie *tie = &scoring->ties[i];

      if (tie->ignored)
        {
          /* Not a tie: neither counted nor a duplicate's original. */
          scoring->direction[i] = MW_DIRECTION_SELF;
          continue;
        }
      if (mw_graph_is_above (scoring->graph, tie->from, tie->to))
        scoring->direction[i] = MW_DIRECTION_DOWN;
      else if (mw_graph_is_above (scoring->graph, tie->to, tie->from))
        scoring->direction[i] = MW_DIRECTION_UP;
      else
        scoring->direction[i] = MW_DIRECTION_SIDEWAYS;
      scoring->duplicate[i] = previous != NULL && previous->from == tie->from &&
                              previous->to == tie->to && previous->type == tie->type;
      previous = tie;
    }
}

static void
compute_measures (MwScores  *self,
                  MwScoring *scoring)
{
  MwGraph *graph = scoring->graph;
  MwMeasures *m = &self->measures;
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree gboolean *is_cut = g_new0 (gboolean, MAX (scoring->n, 1));

  m->centralization = mw_graph_centralization (graph);
  m->density = mw_graph_density (graph);
  m->reciprocity = mw_graph_reciprocity (graph);
  m->efficiency = mw_graph_global_efficiency (graph, &m->efficiency_error);
  m->ei_index = mw_graph_ei_index (graph, NULL, NULL);
  m->articulation_points = scoring->cut_points->len;
  m->hierarchy_depth = mw_graph_hierarchy_depth (graph);
  m->span_of_control = mw_graph_span_of_control (graph, &m->max_span_of_control);
  m->org_boundary_spanning = mw_graph_org_boundary_spanning (graph);

  for (guint i = 0; i < scoring->cut_points->len; i++)
    is_cut[g_array_index (scoring->cut_points, guint, i)] = TRUE;
  ids = _mw_scoring_actors_where (scoring, is_cut);
  self->articulation_ids = _mw_scores_strv_from_ids (ids);
}

/**
 * mw_scores_compute:
 * @network: the network; only read, never changed
 *
 * Scores @network: the five elements, the index, the classic measures and
 * the context match, each score with its factors. Linear in the size of
 * the network (plus a sample of breadth-first searches for the efficiency),
 * deterministic, and independent of the order and ids of the actors.
 *
 * Returns: (transfer full): the scores
 */
MwScores *
mw_scores_compute (MwNetwork *network)
{
  g_autoptr(MwGraph) graph = NULL;
  g_autofree gboolean *person = NULL;
  g_autofree gboolean *exposed = NULL;
  g_autofree guint *actor_order = NULL;
  g_autofree guint *tie_order = NULL;
  g_autofree guint8 *direction = NULL;
  g_autofree gboolean *duplicate = NULL;
  g_autoptr(GArray) cut_points = NULL;
  MwScoring scoring = { 0 };
  MwScores *self;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = _mw_scores_new (mw_network_get_generation (network));

  graph = mw_graph_new (network);
  /* Stages for a worker's progress (mw-scorer.c); nothing without one. */
  mw_progress_report (0, 1, 0.2);
  scoring.network = network;
  scoring.graph = graph;
  scoring.n = mw_graph_get_n (graph);
  person = scoring.person = g_new0 (gboolean, MAX (scoring.n, 1));
  for (guint v = 0; v < scoring.n; v++)
    {
      person[v] = mw_network_get_actor (network, v)->kind == MW_ACTOR_PERSON;
      scoring.n_people += person[v];
    }
  scoring.ties = mw_graph_get_ties (graph, &scoring.n_ties);
  scoring_order (&scoring);
  actor_order = scoring.actor_order;
  tie_order = scoring.tie_order;
  scoring_directions (&scoring);
  direction = scoring.direction;
  duplicate = scoring.duplicate;
  exposed = scoring.exposed = g_new0 (gboolean, MAX (scoring.n, 1));
  cut_points = scoring.cut_points = mw_graph_articulation_points (graph, exposed);
  mw_progress_report (0, 1, 0.45);

  _mw_score_collaboration (self, &scoring);
  _mw_score_influence (self, &scoring);
  _mw_score_entrepreneurship (self, &scoring);
  mw_progress_report (0, 1, 0.6);
  _mw_score_purpose (self, &scoring);
  _mw_score_risk (self, &scoring);
  /* The index rests on the measurable elements only. */
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    if (self->evidence[e].measurable)
      {
        self->index += self->score[e];
        self->n_measurable++;
      }
  if (self->n_measurable > 0)
    self->index /= self->n_measurable;

  mw_progress_report (0, 1, 0.7);
  compute_measures (self, &scoring);
  mw_progress_report (0, 1, 0.85);
  _mw_score_context (self, &scoring);
  mw_progress_report (0, 1, 1);
  return self;
}
