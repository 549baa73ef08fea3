/* mw-actor-measures.c: measures of each actor — degrees, betweenness,
 * boundary spanning, Burt's constraint
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-measures"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mw-actor-measures.h"
#include "mw-metrics.h"

/* Compressed rows: the neighbours of v are adj[off[v]] … adj[off[v + 1] − 1]. */
typedef struct
{
  guint *off;
  guint *adj;
  guint *weight;   /* (nullable) per entry */
} Rows;

struct _MwActorMeasures
{
  guint    n;
  guint   *degree;      /* n × MW_N_TIE_TYPES × 2 (in, out) */
  double  *betweenness;
  double  *constraint;
  guint   *spanning;
  guint   *spanning_org;
  guint    n_sources;
  double   error_bound;
};

static void
rows_clear (Rows *rows)
{
  g_free (rows->off);
  g_free (rows->adj);
  g_free (rows->weight);
}

static int
compare_pairs (const void *a,
               const void *b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* Rows from (from << 32 | to) pairs: sorted, duplicates merged, each
 * entry weighted by how many pairs it merged when @weights. */
static void
rows_from_pairs (Rows    *rows,
                 guint    n,
                 guint64 *pairs,
                 gsize    n_pairs,
                 gboolean weights)
{
  gsize k = 0;

  qsort (pairs, n_pairs, sizeof (guint64), compare_pairs);
  rows->off = g_new0 (guint, n + 1);
  rows->adj = g_new (guint, MAX (n_pairs, 1));
  rows->weight = weights ? g_new (guint, MAX (n_pairs, 1)) : NULL;

  for (gsize i = 0; i < n_pairs; i++)
    {
      guint from = pairs[i] >> 32, to = pairs[i] & G_MAXUINT32;

      if (k > 0 && i > 0 && pairs[i] == pairs[i - 1])
        {
          if (weights)
            rows->weight[k - 1]++;
          continue;
        }
      rows->adj[k] = to;
      if (weights)
        rows->weight[k] = 1;
      rows->off[from + 1]++;
      k++;
    }
  for (guint v = 0; v < n; v++)
    rows->off[v + 1] += rows->off[v];
}

/* The simple graph Brandes walks: successors in a digraph, neighbours in a
 * graph. And every actor's neighbours either way, with networkx's mutual
 * weight (1 for a tie one way, 2 both ways or in a graph), for constraint. */
static void
build_rows (MwNetwork *network,
            Rows      *walk,
            Rows      *mutual)
{
  guint n = mw_network_get_n_actors (network);
  guint m = mw_network_get_n_ties (network);
  gboolean directed = mw_network_get_directed (network);
  g_autofree guint64 *pairs = g_new (guint64, MAX (2 * (gsize) m, 1));
  gsize n_pairs = 0;

  for (guint i = 0; i < m; i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      guint64 from = tie->from->index, to = tie->to->index;

      if (from == to)
        continue;
      pairs[n_pairs++] = from << 32 | to;
      if (!directed)
        pairs[n_pairs++] = to << 32 | from;
    }
  rows_from_pairs (walk, n, pairs, n_pairs, FALSE);

  /* each direction once, then both directions: a pair tied both ways
   * merges to weight 2, as networkx's a_uv + a_vu */
  n_pairs = 0;
  for (guint v = 0; v < n; v++)
    for (guint k = walk->off[v]; k < walk->off[v + 1]; k++)
      {
        guint64 w = walk->adj[k];

        pairs[n_pairs++] = (guint64) v << 32 | w;
        if (directed)
          pairs[n_pairs++] = w << 32 | v;
      }
  rows_from_pairs (mutual, n, pairs, n_pairs, directed);
}

/* One Brandes pass from @s, adding each actor's dependency to @score. */
static void
brandes_from (const Rows *rows,
              guint       n,
              guint       s,
              guint      *order,
              guint      *dist,
              double     *sigma,
              double     *delta,
              double     *score)
{
  guint head = 0, tail = 0;

  for (guint v = 0; v < n; v++)
    {
      dist[v] = G_MAXUINT;
      sigma[v] = 0;
      delta[v] = 0;
    }
  dist[s] = 0;
  sigma[s] = 1;
  order[tail++] = s;

  /* breadth first; predecessors are the neighbours one step nearer */
  while (head < tail)
    {
      guint v = order[head++];

      for (guint k = rows->off[v]; k < rows->off[v + 1]; k++)
        {
          guint w = rows->adj[k];

          if (dist[w] == G_MAXUINT)
            {
              dist[w] = dist[v] + 1;
              order[tail++] = w;
            }
          if (dist[w] == dist[v] + 1)
            sigma[w] += sigma[v];
        }
    }

  /* back from the farthest: w's share goes to each v one step before it */
  for (guint i = tail; i > 0; i--)
    {
      guint v = order[i - 1];

      for (guint k = rows->off[v]; k < rows->off[v + 1]; k++)
        {
          guint w = rows->adj[k];

          if (dist[w] == dist[v] + 1)
            delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
        }
      if (v != s)
        score[v] += delta[v];
    }
}

typedef struct
{
  guint hash;
  guint index;
} Ranked;

static int
compare_ranked (const void *a,
                const void *b)
{
  const Ranked *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* @k sources chosen by a hash of their ids, so that reordering the actors
 * does not change the estimate. */
static guint *
choose_sources (MwNetwork *network,
                guint      k)
{
  guint n = mw_network_get_n_actors (network);
  g_autofree Ranked *ranked = g_new (Ranked, MAX (n, 1));
  guint *sources = g_new (guint, MAX (k, 1));

  for (guint v = 0; v < n; v++)
    {
      ranked[v].hash = g_str_hash (mw_network_get_actor (network, v)->id) * 2654435761u;
      ranked[v].index = v;
    }
  qsort (ranked, n, sizeof (Ranked), compare_ranked);
  for (guint i = 0; i < k; i++)
    sources[i] = ranked[i].index;

  return sources;
}

static guint
sources_for (guint n,
             guint m,
             guint max_sources)
{
  double budget_sources = MW_BETWEENNESS_BUDGET / MAX ((double) n + m, 1);

  if (max_sources == G_MAXUINT)
    return n;
  if (max_sources > 0)
    return MIN (max_sources, n);
  if (budget_sources >= n)
    return n;
  return MIN (n, (guint) MAX (budget_sources, MW_BETWEENNESS_MIN_SOURCES));
}

static void
compute_betweenness (MwActorMeasures *self,
                     MwNetwork       *network,
                     const Rows      *rows,
                     guint            max_sources)
{
  guint n = self->n;
  guint m = rows->off[n];
  guint k = sources_for (n, m, max_sources);
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint *dist = g_new (guint, MAX (n, 1));
  g_autofree double *sigma = g_new (double, MAX (n, 1));
  g_autofree double *delta = g_new (double, MAX (n, 1));
  g_autofree guint *sources = k < n ? choose_sources (network, k) : NULL;
  double scale;

  self->n_sources = k;
  for (guint i = 0; i < k; i++)
    brandes_from (rows, n, sources != NULL ? sources[i] : i, order, dist, sigma, delta, self->betweenness);

  if (n <= 2)
    return;
  /* networkx's normalisation, scaled up from a sample as it does */
  scale = 1.0 / ((double) (n - 1) * (n - 2)) * ((double) n / k);
  for (guint v = 0; v < n; v++)
    self->betweenness[v] *= scale;
  if (k < n)
    /* each source's share lies in [0, n / (n − 1)]: Hoeffding at 95% */
    self->error_bound = (double) n / (n - 1) * sqrt (log (2 / 0.05) / (2.0 * k));
}

/* Burt's constraint: c(u) = Σ_v (p_uv + Σ_w p_uw p_wv)², p the mutual
 * weights normalised by their sum over each actor's neighbours. */
static void
compute_constraint (MwActorMeasures *self,
                    const Rows      *rows)
{
  guint n = self->n;
  g_autofree double *total = g_new0 (double, MAX (n, 1));
  g_autofree double *p_u = g_new0 (double, MAX (n, 1));
  g_autofree double *indirect = g_new0 (double, MAX (n, 1));

  for (guint v = 0; v < n; v++)
    for (guint k = rows->off[v]; k < rows->off[v + 1]; k++)
      total[v] += rows->weight != NULL ? rows->weight[k] : 1;

  for (guint u = 0; u < n; u++)
    {
      double c = 0;

      if (rows->off[u] == rows->off[u + 1])
        {
          self->constraint[u] = NAN;
          continue;
        }
      for (guint k = rows->off[u]; k < rows->off[u + 1]; k++)
        p_u[rows->adj[k]] = (rows->weight != NULL ? rows->weight[k] : 1) / total[u];
      for (guint k = rows->off[u]; k < rows->off[u + 1]; k++)
        {
          guint w = rows->adj[k];

          for (guint j = rows->off[w]; j < rows->off[w + 1]; j++)
            indirect[rows->adj[j]] += p_u[w] * (rows->weight != NULL ? rows->weight[j] : 1) / total[w];
        }
      for (guint k = rows->off[u]; k < rows->off[u + 1]; k++)
        {
          guint v = rows->adj[k];
          double local = p_u[v] + indirect[v];

          c += local * local;
        }
      self->constraint[u] = c;

      /* clear what this actor touched, two steps out */
      for (guint k = rows->off[u]; k < rows->off[u + 1]; k++)
        {
          guint w = rows->adj[k];

          p_u[w] = 0;
          for (guint j = rows->off[w]; j < rows->off[w + 1]; j++)
            indirect[rows->adj[j]] = 0;
        }
    }
}

static void
compute_degrees_and_spanning (MwActorMeasures *self,
                              MwNetwork       *network)
{
  g_autoptr(MwGraph) graph = mw_graph_new (network);
  guint m = mw_network_get_n_ties (network);

  for (guint i = 0; i < m; i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      guint from = tie->from->index, to = tie->to->index;
      guint org_from = mw_graph_org (graph, from), org_to = mw_graph_org (graph, to);

      self->degree[(from * MW_N_TIE_TYPES + tie->type) * 2 + 1]++;
      self->degree[(to * MW_N_TIE_TYPES + tie->type) * 2]++;
      if (from == to)
        continue;
      if (mw_graph_group (graph, from) != mw_graph_group (graph, to))
        {
          self->spanning[from]++;
          self->spanning[to]++;
        }
      if (org_from != G_MAXUINT && org_to != G_MAXUINT && org_from != org_to)
        {
          self->spanning_org[from]++;
          self->spanning_org[to]++;
        }
    }
}

/* What the measures read of a network, copied in one pass: ids, kinds,
 * organisations and units (the groups' inputs) and the ties' ends, types
 * and weights. Strings sit in one chunk, organisations and units once each. */
struct _MwActorMeasuresInput
{
  gboolean      directed;
  guint         n;
  guint         m;
  GStringChunk *strings;
  const char  **id;
  const char  **org;
  const char  **unit;
  MwActorKind  *kind;
  guint        *from;
  guint        *to;
  MwTieType    *type;
  double       *weight;
};

/**
 * mw_actor_measures_input_new:
 *
 * A compact copy of what the measures of @network read, taken quickly on
 * the thread that owns the network (no copy of labels, notes, positions or
 * the file's own attributes): mw_actor_measures_compute_input() then
 * computes them in any thread while the network goes on changing.
 *
 * Returns: (transfer full): the input
 */
MwActorMeasuresInput *
mw_actor_measures_input_new (MwNetwork *network)
{
  MwActorMeasuresInput *input;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  input = g_new0 (MwActorMeasuresInput, 1);
  input->directed = mw_network_get_directed (network);
  input->n = mw_network_get_n_actors (network);
  input->m = mw_network_get_n_ties (network);
  input->strings = g_string_chunk_new (16 * 1024);
  input->id = g_new (const char *, MAX (input->n, 1));
  input->org = g_new (const char *, MAX (input->n, 1));
  input->unit = g_new (const char *, MAX (input->n, 1));
  input->kind = g_new (MwActorKind, MAX (input->n, 1));
  for (guint v = 0; v < input->n; v++)
    {
      MwActor *actor = mw_network_get_actor (network, v);

      input->id[v] = g_string_chunk_insert (input->strings, actor->id);
      input->org[v] = g_string_chunk_insert_const (input->strings, actor->org);
      input->unit[v] = g_string_chunk_insert_const (input->strings, actor->unit);
      input->kind[v] = actor->kind;
    }

  input->from = g_new (guint, MAX (input->m, 1));
  input->to = g_new (guint, MAX (input->m, 1));
  input->type = g_new (MwTieType, MAX (input->m, 1));
  input->weight = g_new (double, MAX (input->m, 1));
  for (guint i = 0; i < input->m; i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      input->from[i] = tie->from->index;
      input->to[i] = tie->to->index;
      input->type[i] = tie->type;
      input->weight[i] = tie->weight;
    }
  return input;
}

void
mw_actor_measures_input_free (MwActorMeasuresInput *input)
{
  if (input == NULL)
    return;

  g_string_chunk_free (input->strings);
  g_free (input->id);
  g_free (input->org);
  g_free (input->unit);
  g_free (input->kind);
  g_free (input->from);
  g_free (input->to);
  g_free (input->type);
  g_free (input->weight);
  g_free (input);
}

/**
 * mw_actor_measures_compute_input:
 *
 * The measures of the network @input was taken from, equal to
 * mw_actor_measures_compute() on it; any thread may call it. The network
 * is rebuilt from @input here, in the calling thread: the groups read it
 * through mw_graph_group(), which knows only networks.
 *
 * Returns: (transfer full): every actor's measures
 */
MwActorMeasures *
mw_actor_measures_compute_input (MwActorMeasuresInput *input,
                                 guint                 max_sources)
{
  g_autoptr(MwNetwork) network = NULL;

  g_return_val_if_fail (input != NULL, NULL);

  network = mw_network_new ();
  mw_network_set_directed (network, input->directed);
  for (guint v = 0; v < input->n; v++)
    {
      MwActor *actor = mw_network_add_actor (network, input->id[v], NULL, input->kind[v], NULL);

      if (input->org[v][0] != '\0')
        mw_network_set_actor_org (network, actor, input->org[v]);
      if (input->unit[v][0] != '\0')
        mw_network_set_actor_unit (network, actor, input->unit[v]);
    }
  for (guint i = 0; i < input->m; i++)
    mw_network_add_tie (network, mw_network_get_actor (network, input->from[i]),
                        mw_network_get_actor (network, input->to[i]), input->type[i], input->weight[i], NULL);
  return mw_actor_measures_compute (network, max_sources);
}

/**
 * mw_actor_measures_compute:
 *
 * Returns: (transfer full): every actor's measures
 */
MwActorMeasures *
mw_actor_measures_compute (MwNetwork *network,
                           guint      max_sources)
{
  MwActorMeasures *self;
  Rows walk = { 0 }, mutual = { 0 };

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = g_new0 (MwActorMeasures, 1);
  self->n = mw_network_get_n_actors (network);
  self->degree = g_new0 (guint, MAX ((gsize) self->n * MW_N_TIE_TYPES * 2, 1));
  self->betweenness = g_new0 (double, MAX (self->n, 1));
  self->constraint = g_new0 (double, MAX (self->n, 1));
  self->spanning = g_new0 (guint, MAX (self->n, 1));
  self->spanning_org = g_new0 (guint, MAX (self->n, 1));

  build_rows (network, &walk, &mutual);
  compute_betweenness (self, network, &walk, max_sources);
  compute_constraint (self, &mutual);
  compute_degrees_and_spanning (self, network);
  rows_clear (&walk);
  rows_clear (&mutual);

  return self;
}

void
mw_actor_measures_free (MwActorMeasures *self)
{
  if (self == NULL)
    return;

  g_free (self->degree);
  g_free (self->betweenness);
  g_free (self->constraint);
  g_free (self->spanning);
  g_free (self->spanning_org);
  g_free (self);
}

guint
mw_actor_measures_get_n (MwActorMeasures *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

guint
mw_actor_measures_degree (MwActorMeasures *self,
                          guint            v,
                          MwTieType        type,
                          gboolean         out)
{
  guint sum = 0;

  g_return_val_if_fail (self != NULL && v < self->n && type <= MW_N_TIE_TYPES, 0);

  if (type < MW_N_TIE_TYPES)
    return self->degree[(v * MW_N_TIE_TYPES + type) * 2 + (out ? 1 : 0)];
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    sum += self->degree[(v * MW_N_TIE_TYPES + t) * 2 + (out ? 1 : 0)];
  return sum;
}

double
mw_actor_measures_betweenness (MwActorMeasures *self,
                               guint            v)
{
  g_return_val_if_fail (self != NULL && v < self->n, 0);
  return self->betweenness[v];
}

double
mw_actor_measures_constraint (MwActorMeasures *self,
                              guint            v)
{
  g_return_val_if_fail (self != NULL && v < self->n, NAN);
  return self->constraint[v];
}

guint
mw_actor_measures_boundary_spanning (MwActorMeasures *self,
                                     guint            v)
{
  g_return_val_if_fail (self != NULL && v < self->n, 0);
  return self->spanning[v];
}

guint
mw_actor_measures_boundary_spanning_org (MwActorMeasures *self,
                                         guint            v)
{
  g_return_val_if_fail (self != NULL && v < self->n, 0);
  return self->spanning_org[v];
}

gboolean
mw_actor_measures_is_sampled (MwActorMeasures *self,
                              guint           *n_sources,
                              double          *error_bound)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (n_sources != NULL)
    *n_sources = self->n_sources;
  if (error_bound != NULL)
    *error_bound = self->error_bound;
  return self->n_sources < self->n;
}
