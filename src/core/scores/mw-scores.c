/* mw-scores.c: how distributed a network's leadership is
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-scores"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-scores-private.h"

G_DEFINE_BOXED_TYPE (MwScores, mw_scores, mw_scores_ref, mw_scores_unref)

static const char *element_names[] = {
  "spontaneous_collaboration",
  "multi_directional_influence",
  "local_entrepreneurship",
  "global_purpose",
  "peer_risk_mitigation",
};

static const char *context_names[] = {
  "hierarchy",
  "flat",
  "nimble",
  "cross-org",
};

G_STATIC_ASSERT (G_N_ELEMENTS (element_names) == MW_N_ELEMENTS);
G_STATIC_ASSERT (G_N_ELEMENTS (context_names) == MW_N_SCORE_CONTEXTS);

const char *
mw_element_to_string (MwElement element)
{
  g_return_val_if_fail (element < MW_N_ELEMENTS, NULL);
  return element_names[element];
}

gboolean
mw_element_from_string (const char *str,
                        MwElement  *element)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    if (strcmp (str, element_names[e]) == 0)
      {
        if (element != NULL)
          *element = e;
        return TRUE;
      }
  return FALSE;
}

const char *
mw_element_get_title (MwElement element)
{
  g_return_val_if_fail (element < MW_N_ELEMENTS, NULL);

  switch (element)
    {
    case MW_ELEMENT_SPONTANEOUS_COLLABORATION: return _("Spontaneous collaboration");
    case MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE: return _("Multi-directional influence");
    case MW_ELEMENT_LOCAL_ENTREPRENEURSHIP: return _("Local entrepreneurship");
    case MW_ELEMENT_GLOBAL_PURPOSE: return _("Global purpose mindset");
    case MW_ELEMENT_PEER_RISK_MITIGATION: return _("Peer mitigation of risk");
    case MW_N_ELEMENTS: default: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
mw_score_context_to_string (MwScoreContext context)
{
  g_return_val_if_fail (context < MW_N_SCORE_CONTEXTS, NULL);
  return context_names[context];
}

const char *
mw_score_context_get_title (MwScoreContext context)
{
  g_return_val_if_fail (context < MW_N_SCORE_CONTEXTS, NULL);

  switch (context)
    {
    case MW_SCORE_CONTEXT_HIERARCHY: return _("Traditional hierarchy with a distributed overlay");
    case MW_SCORE_CONTEXT_FLAT: return _("Flat “distributed DNA” organisation");
    case MW_SCORE_CONTEXT_NIMBLE: return _("Nimble network");
    case MW_SCORE_CONTEXT_CROSS_ORG: return _("Cross-organisational collaboration");
    case MW_N_SCORE_CONTEXTS: default: break;
    }
  g_return_val_if_reached (NULL);
}

static void
factor_free (MwFactor *factor)
{
  g_free (factor->text);
  g_strfreev (factor->actor_ids);
  g_strfreev (factor->tie_ids);
  g_free (factor);
}

/* @ids are in canonical order already (see MwScoring). */
static GStrv
strv_from_ids (GPtrArray *ids)
{
  GStrv strv = g_new0 (char *, (ids != NULL ? ids->len : 0) + 1);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (ids, i));
  return strv;
}

void
_mw_scores_add_factor (MwScores  *self,
                       MwElement  element,
                       char      *text,
                       GPtrArray *actors,
                       GPtrArray *ties)
{
  MwFactor *factor = g_new0 (MwFactor, 1);

  factor->text = text;
  factor->actor_ids = strv_from_ids (actors);
  factor->tie_ids = strv_from_ids (ties);
  g_ptr_array_add (self->factors[element], factor);
}

GPtrArray *
_mw_scoring_people_where (MwScoring      *scoring,
                          const gboolean *flags,
                          gboolean        value)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < scoring->n; i++)
    {
      guint v = scoring->actor_order[i];

      if (scoring->person[v] && !flags[v] == !value)
        g_ptr_array_add (ids, mw_network_get_actor (scoring->network, v)->id);
    }
  return ids;
}

GPtrArray *
_mw_scoring_actors_where (MwScoring      *scoring,
                          const gboolean *flags)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < scoring->n; i++)
    if (flags[scoring->actor_order[i]])
      g_ptr_array_add (ids, mw_network_get_actor (scoring->network, scoring->actor_order[i])->id);
  return ids;
}

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

      if (tie->from == tie->to)
        scoring->direction[i] = MW_DIRECTION_SELF;
      else if (mw_graph_is_above (scoring->graph, tie->from, tie->to))
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

  for (guint i = 0; i < scoring->cut_points->len; i++)
    is_cut[g_array_index (scoring->cut_points, guint, i)] = TRUE;
  ids = _mw_scoring_actors_where (scoring, is_cut);
  self->articulation_ids = strv_from_ids (ids);
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

  self = g_new0 (MwScores, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->generation = mw_network_get_generation (network);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    self->factors[e] = g_ptr_array_new_with_free_func ((GDestroyNotify) factor_free);

  graph = mw_graph_new (network);
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

  _mw_score_collaboration (self, &scoring);
  _mw_score_influence (self, &scoring);
  _mw_score_entrepreneurship (self, &scoring);
  _mw_score_purpose (self, &scoring);
  _mw_score_risk (self, &scoring);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    self->index += self->score[e] / MW_N_ELEMENTS;

  compute_measures (self, &scoring);
  _mw_score_context (self, &scoring);
  return self;
}

/**
 * mw_scores_ref:
 *
 * Returns: (transfer full): @self
 */
MwScores *
mw_scores_ref (MwScores *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mw_scores_unref (MwScores *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    g_ptr_array_unref (self->factors[e]);
  g_strfreev (self->articulation_ids);
  g_free (self->reason);
  g_free (self);
}

double
mw_scores_get_score (MwScores  *self,
                     MwElement  element)
{
  g_return_val_if_fail (self != NULL && element < MW_N_ELEMENTS, 0);
  return self->score[element];
}

double
mw_scores_get_index (MwScores *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->index;
}

const MwMeasures *
mw_scores_get_measures (MwScores *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->measures;
}

const char * const *
mw_scores_get_articulation_point_ids (MwScores *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->articulation_ids;
}

MwScoreContext
mw_scores_get_context (MwScores *self)
{
  g_return_val_if_fail (self != NULL, MW_SCORE_CONTEXT_HIERARCHY);
  return self->context;
}

double
mw_scores_get_context_confidence (MwScores *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->confidence;
}

const char *
mw_scores_get_context_reason (MwScores *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reason;
}

double
mw_scores_get_context_fit (MwScores       *self,
                           MwScoreContext  context)
{
  g_return_val_if_fail (self != NULL && context < MW_N_SCORE_CONTEXTS, 0);
  return self->fit[context];
}

GPtrArray *
mw_scores_get_factors (MwScores  *self,
                       MwElement  element)
{
  g_return_val_if_fail (self != NULL && element < MW_N_ELEMENTS, NULL);
  return self->factors[element];
}

guint64
mw_scores_get_generation (MwScores *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->generation;
}
