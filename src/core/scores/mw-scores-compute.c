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

struct _MwScoresCache
{
  guint   n;
  char  **ids;          /* GRefString references: the actors' ids by index */
  guint  *actor_order;  /* for those ids */
};

MwScoresCache *
_mw_scores_cache_new (void)
{
  return g_new0 (MwScoresCache, 1);
}

static void
cache_clear (MwScoresCache *cache)
{
  for (guint v = 0; v < cache->n; v++)
    g_ref_string_release (cache->ids[v]);
  g_clear_pointer (&cache->ids, g_free);
  g_clear_pointer (&cache->actor_order, g_free);
  cache->n = 0;
}

void
_mw_scores_cache_free (MwScoresCache *cache)
{
  if (cache == NULL)
    return;
  cache_clear (cache);
  g_free (cache);
}

/* The cached order holds while every index has the same id. The references
 * keep the cached ids alive, so an equal pointer is the same text. */
static gboolean
cache_holds (MwScoresCache *cache,
             MwNetwork     *network,
             guint          n)
{
  if (cache == NULL || cache->actor_order == NULL || cache->n != n)
    return FALSE;
  for (guint v = 0; v < n; v++)
    {
      const char *id = mw_network_get_actor (network, v)->id;

      if (id != cache->ids[v] && strcmp (id, cache->ids[v]) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
cache_keep (MwScoresCache *cache,
            MwNetwork     *network,
            const guint   *actor_order,
            guint          n)
{
  cache_clear (cache);
  cache->n = n;
  cache->ids = g_new (char *, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    cache->ids[v] = g_ref_string_acquire (mw_network_get_actor (network, v)->id);
  cache->actor_order = g_memdup2 (actor_order, MAX (n, 1) * sizeof (guint));
}

/* The actors by id: one sort of n strings, or the order of the last pass
 * when the ids have not moved (an edit of ties or of actors' fields). */
static guint *
actor_order (MwScoring     *scoring,
             MwScoresCache *cache)
{
  g_autofree Ranked *ranked = NULL;
  guint *order;

  if (cache_holds (cache, scoring->network, scoring->n))
    return g_memdup2 (cache->actor_order, MAX (scoring->n, 1) * sizeof (guint));

  ranked = g_new (Ranked, MAX (scoring->n, 1));
  for (guint v = 0; v < scoring->n; v++)
    {
      ranked[v].id = mw_network_get_actor (scoring->network, v)->id;
      ranked[v].index = v;
    }
  qsort (ranked, scoring->n, sizeof (Ranked), compare_ranked);
  order = g_new (guint, MAX (scoring->n, 1));
  for (guint i = 0; i < scoring->n; i++)
    order[i] = ranked[i].index;
  if (cache != NULL)
    cache_keep (cache, scoring->network, order, scoring->n);
  return order;
}

/* Canonical orders, so that no list depends on the order actors and ties
 * were added in: actors by id (one sort), ties by their endpoints' ids and
 * type (a radix sort, linear). */
static void
scoring_order (MwScoring     *scoring,
               MwScoresCache *cache)
{
  g_autofree guint *rank = g_new (guint, MAX (scoring->n, 1));
  g_autofree guint *key = g_new (guint, MAX (scoring->n_ties, 1));
  g_autofree guint *scratch = g_new (guint, MAX (scoring->n_ties, 1));
  guint m = scoring->n_ties;

  scoring->actor_order = actor_order (scoring, cache);
  for (guint i = 0; i < scoring->n; i++)
    rank[scoring->actor_order[i]] = i;

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

/* From this many actors on, a second thread (the second core) takes part
 * of a pass: below, a thread costs more than it saves. */
static guint parallel_min_actors = 20000;

/* For tests: the parallel pass on small networks too (0), or never. */
void
_mw_scores_set_parallel_min_actors (guint n_actors)
{
  g_atomic_int_set (&parallel_min_actors, n_actors);
}

static GThread *
start_helper (MwScoring   *scoring,
              GThreadFunc  func,
              gpointer     data)
{
  if (scoring->n < (guint) g_atomic_int_get (&parallel_min_actors))
    return NULL;
  return g_thread_try_new ("mw-scores", func, data, NULL);
}

/* The groups (mw-graph-groups.c) and the articulation points read only the
 * graph's rows and the actors, and keep no buffer of the graph's that the
 * ids' order and the ties' directions use: they run beside those. */
static gpointer
groups_and_cut_points_thread (gpointer data)
{
  MwScoring *scoring = data;

  if (scoring->n > 0)
    mw_graph_group (scoring->graph, 0);
  scoring->cut_points = mw_graph_articulation_points (scoring->graph, scoring->exposed);
  return NULL;
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

typedef struct
{
  MwScores  *scores;
  MwScoring *scoring;
} Pass;

/* Purpose, risk, entrepreneurship and the classic measures read the
 * graph's rows, its groups (made by then) and the ties' directions; only
 * purpose uses a buffer of the graph's (its queue), which collaboration and
 * influence do not touch. Each element writes only its own score, evidence
 * and factors: the two halves run side by side. */
static gpointer
second_half_thread (gpointer data)
{
  Pass *pass = data;

  _mw_score_purpose (pass->scores, pass->scoring);
  _mw_score_entrepreneurship (pass->scores, pass->scoring);
  _mw_score_risk (pass->scores, pass->scoring);
  compute_measures (pass->scores, pass->scoring);
  return NULL;
}

/* A pass cancelled between stages (no helper thread going): nothing. */
static MwScores *
stop (MwScores *self)
{
  mw_scores_unref (self);
  return NULL;
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
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  return _mw_scores_compute_cached (network, NULL);
}

/**
 * _mw_scores_compute_cached:
 * @cache: (nullable): what the last pass over an earlier state of the
 *   same network kept; one pass at a time may use it
 *
 * mw_scores_compute(), with what an edit usually leaves as it was (the
 * actors' order by id) taken from @cache and kept there for the next pass.
 * The result is the same, to the last bit.
 */
MwScores *
_mw_scores_compute_cached (MwNetwork     *network,
                           MwScoresCache *cache)
{
  return _mw_scores_compute_cancellable (network, cache, NULL);
}

/**
 * _mw_scores_compute_cancellable:
 * @cancellable: (nullable): stops the pass
 *
 * _mw_scores_compute_cached(), which stops between its stages (a tenth to
 * a third of the pass each) once @cancellable is cancelled.
 *
 * Returns: (transfer full) (nullable): the scores, %NULL when cancelled
 */
MwScores *
_mw_scores_compute_cancellable (MwNetwork     *network,
                                MwScoresCache *cache,
                                GCancellable  *cancellable)
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
  GThread *helper = NULL;
  Pass pass;
  MwScores *self;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = _mw_scores_new (mw_network_get_generation (network));

  graph = mw_graph_new (network);
  /* Stages for a worker's progress (mw-scorer.c); nothing without one. */
  mw_progress_report (0, 1, 0.2);
  if (g_cancellable_is_cancelled (cancellable))
    return stop (self);
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
  exposed = scoring.exposed = g_new0 (gboolean, MAX (scoring.n, 1));
  helper = start_helper (&scoring, groups_and_cut_points_thread, &scoring);
  scoring_order (&scoring, cache);
  actor_order = scoring.actor_order;
  tie_order = scoring.tie_order;
  scoring_directions (&scoring);
  direction = scoring.direction;
  duplicate = scoring.duplicate;
  if (helper != NULL)
    g_thread_join (helper);
  else
    groups_and_cut_points_thread (&scoring);
  cut_points = scoring.cut_points;
  mw_progress_report (0, 1, 0.45);
  if (g_cancellable_is_cancelled (cancellable))
    return stop (self);

  pass = (Pass) { self, &scoring };
  helper = start_helper (&scoring, second_half_thread, &pass);
  _mw_score_collaboration (self, &scoring);
  mw_progress_report (0, 1, 0.6);
  _mw_score_influence (self, &scoring);
  if (helper != NULL)
    g_thread_join (helper);
  else
    second_half_thread (&pass);
  mw_progress_report (0, 1, 0.85);
  if (g_cancellable_is_cancelled (cancellable))
    return stop (self);
  /* The index rests on the measurable elements only. */
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    if (self->evidence[e].measurable)
      {
        self->index += self->score[e];
        self->n_measurable++;
      }
  if (self->n_measurable > 0)
    self->index /= self->n_measurable;

  _mw_score_context (self, &scoring);
  mw_progress_report (0, 1, 1);
  return self;
}
