/* mw-metrics.c: graph measures over a snapshot of a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-metrics"

#include "config.h"

#include <math.h>
#include <string.h>

#include "mw-graph-csr.h"
#include "mw-metrics-private.h"

#define NONE G_MAXUINT

typedef MwCsr Csr;

struct _MwGraph
{
  MwNetwork *network;   /* borrowed: read while building, ids read by sampling */
  guint      n;
  Csr        out[MW_N_GRAPHS];
  Csr        in[MW_N_GRAPHS];   /* .off == NULL for undirected kinds: same as out */
  MwGraphTie *ties;
  guint      n_ties;

  /* hierarchy */
  guint     *comp;        /* with reporting cycles, each actor's cycle (strongly
                           * connected component); the structures below are
                           * then over these; NULL without a cycle */
  guint      n_comp;
  Csr        comp_up;     /* the reports ties between the components */
  Csr        comp_down;
  gboolean   forest;      /* no extra reports tie: "above" is the interval test */
  guint     *parent;      /* in the spanning forest of the reports ties */
  guint     *tin;         /* Euler-tour entry and exit times in that forest */
  guint     *tout;
  guint     *extra_above; /* nearest of self and forest ancestors with an extra tie */
  guint     *chain_stamp;
  guint     *rank;        /* longest reports chain from a top */
  guint     *labels;      /* interval labels (mw-graph-csr.c); NULL in a forest */
  guint     *level;     /* 1 for tops, NONE outside the hierarchy */
  guint      depth;

  /* kept by the files above this one (mw-graph-groups.c) */
  gpointer        extension;
  GDestroyNotify  extension_free;

  /* reused buffers */
  guint     *stamp;
  guint      stamp_gen;
  guint     *queue;
};

static gboolean
kind_is_directed (MwGraphKind kind)
{
  return kind != MW_GRAPH_ALL && kind != MW_GRAPH_COLLABORATES;
}

typedef struct
{
  guint *src;
  guint *dst;
  gsize  len;
} Pairs;

static void
pairs_add (Pairs *pairs,
           guint  a,
           guint  b)
{
  pairs->src[pairs->len] = a;
  pairs->dst[pairs->len] = b;
  pairs->len++;
}

/* One pass over the ties collects the (from, to) pairs of every kind. */
static void
collect_pairs (MwGraph *self,
               Pairs    pairs[MW_N_GRAPHS])
{
  guint n_ties = self->n_ties = mw_network_get_n_ties (self->network);
  guint count[MW_N_TIE_TYPES] = { 0 };

  self->ties = g_new (MwGraphTie, MAX (n_ties, 1));
  for (guint i = 0; i < n_ties; i++)
    {
      MwTie *tie = mw_network_get_tie (self->network, i);

      self->ties[i].from = tie->from->index;
      self->ties[i].to = tie->to->index;
      self->ties[i].type = tie->type;
      /* A weight of 0 or less (or not a number) says there is no tie. */
      self->ties[i].ignored = tie->from == tie->to || !(tie->weight > 0);
      count[tie->type]++;
    }

  for (guint k = 0; k < MW_N_GRAPHS; k++)
    {
      gsize size;

      switch (k)
        {
        case MW_GRAPH_ALL: size = 2 * (gsize) n_ties; break;
        case MW_GRAPH_COLLABORATES: size = 2 * (gsize) count[MW_TIE_COLLABORATES]; break;
        case MW_GRAPH_LEADERSHIP: size = count[MW_TIE_REPORTS] + count[MW_TIE_INFLUENCES]; break;
        default: size = count[k]; break;
        }
      pairs[k].src = g_new (guint, MAX (size, 1));
      pairs[k].dst = g_new (guint, MAX (size, 1));
      pairs[k].len = 0;
    }

  for (guint i = 0; i < n_ties; i++)
    {
      const MwGraphTie *tie = &self->ties[i];
      guint a = tie->from, b = tie->to;

      if (tie->ignored)
        continue;
      pairs_add (&pairs[MW_GRAPH_ALL], a, b);
      pairs_add (&pairs[MW_GRAPH_ALL], b, a);
      if (tie->type == MW_TIE_COLLABORATES)
        {
          pairs_add (&pairs[MW_GRAPH_COLLABORATES], a, b);
          pairs_add (&pairs[MW_GRAPH_COLLABORATES], b, a);
        }
      else
        pairs_add (&pairs[tie->type], a, b);
      if (tie->type == MW_TIE_INFLUENCES)
        pairs_add (&pairs[MW_GRAPH_LEADERSHIP], a, b);
      else if (tie->type == MW_TIE_REPORTS)
        pairs_add (&pairs[MW_GRAPH_LEADERSHIP], b, a);
    }
}

/* A spanning forest of the reports ties: an actor's parent is the manager
 * through which a breadth-first search down from the actors without a
 * manager first reached it; actors only reachable round a cycle start trees
 * of their own. Every other reports tie is an *extra* tie. */
static void
build_spanning_forest (MwGraph   *self,
                       const Csr *up,
                       const Csr *down,
                       guint      n)
{
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (n, 1));
  guint head = 0, tail = 0;

  self->parent = g_new (guint, MAX (n, 1));
  for (guint pass = 0; pass < 2; pass++)
    for (guint r = 0; r < n; r++)
      {
        if (seen[r] || (pass == 0 && up->off[r + 1] > up->off[r]))
          continue;
        seen[r] = TRUE;
        self->parent[r] = NONE;
        self->queue[tail++] = r;
        while (head < tail)
          {
            guint v = self->queue[head++];

            for (guint k = down->off[v]; k < down->off[v + 1]; k++)
              if (!seen[down->adj[k]])
                {
                  seen[down->adj[k]] = TRUE;
                  self->parent[down->adj[k]] = v;
                  self->queue[tail++] = down->adj[k];
                }
          }
      }
}

/* Euler-tour intervals over the spanning forest, iteratively (no recursion:
 * hierarchies can be 100,000 deep), and for every actor the nearest of
 * itself and its forest ancestors that has an extra reports tie. */
static void
build_euler_tour (MwGraph   *self,
                  const Csr *up,
                  const Csr *down,
                  guint      n)
{
  g_autofree guint *stack = g_new (guint, MAX (n, 1));
  g_autofree guint *next = g_new (guint, MAX (n, 1));
  guint clock = 0;

  self->tin = g_new (guint, MAX (n, 1));
  self->tout = g_new (guint, MAX (n, 1));
  self->extra_above = g_new (guint, MAX (n, 1));
  self->forest = TRUE;
  for (guint r = 0; r < n; r++)
    {
      guint top = 0;

      if (self->parent[r] != NONE)
        continue;
      stack[top++] = r;
      next[r] = down->off[r];
      self->tin[r] = clock++;
      while (top > 0)
        {
          guint v = stack[top - 1];

          if (next[v] == down->off[v])
            {
              guint p = self->parent[v];
              gboolean extra = up->off[v + 1] - up->off[v] > (p != NONE ? 1u : 0u);

              self->extra_above[v] = extra ? v : p != NONE ? self->extra_above[p] : NONE;
              self->forest &= !extra;
            }
          if (next[v] < down->off[v + 1])
            {
              guint c = down->adj[next[v]++];

              if (self->parent[c] != v)
                continue;
              next[c] = down->off[c];
              self->tin[c] = clock++;
              stack[top++] = c;
            }
          else
            {
              self->tout[v] = clock++;
              top--;
            }
        }
    }
}

/* Without cycles, everyone above v has a shorter longest chain from a top:
 * ranks by Kahn's topological order let a search skip whole branches.
 * Returns: FALSE when there is a cycle (and no ranks) */
static gboolean
build_ranks (MwGraph   *self,
             const Csr *up,
             const Csr *down,
             guint      n)
{
  g_autofree guint *waiting = g_new (guint, MAX (n, 1));
  guint head = 0, tail = 0;

  self->rank = g_new0 (guint, MAX (n, 1));
  for (guint v = 0; v < n; v++)
    {
      waiting[v] = up->off[v + 1] - up->off[v];
      if (waiting[v] == 0)
        self->queue[tail++] = v;
    }
  while (head < tail)
    {
      guint v = self->queue[head++];

      for (guint k = down->off[v]; k < down->off[v + 1]; k++)
        {
          guint c = down->adj[k];

          self->rank[c] = MAX (self->rank[c], self->rank[v] + 1);
          if (--waiting[c] == 0)
            self->queue[tail++] = c;
        }
    }
  if (tail < n)
    g_clear_pointer (&self->rank, g_free);
  return self->rank != NULL;
}

/* Reporting cycles as single nodes (issue 16: a search round a cycle of
 * 10,000 people made every "above" a walk of them all, and a tangled HR
 * export's scores quadratic). Everyone in a cycle is above everyone else
 * in it; between cycles the graph has none, and ranks. */
static void
condense_cycles (MwGraph *self)
{
  self->comp = g_new (guint, MAX (self->n, 1));
  self->n_comp = _mw_csr_components (&self->out[MW_GRAPH_REPORTS], self->n, self->comp);
  _mw_csr_condense (&self->out[MW_GRAPH_REPORTS], self->n, self->comp, self->n_comp, &self->comp_up);
  _mw_csr_transpose (&self->comp_up, self->n_comp, &self->comp_down);
}

/* The reports ties the hierarchy's structures are over: the actors', or
 * their cycles'. */
static inline const Csr *
hierarchy_up (MwGraph *self)
{
  return self->comp != NULL ? &self->comp_up : &self->out[MW_GRAPH_REPORTS];
}

static inline guint
hierarchy_node (MwGraph *self,
                guint    v)
{
  return self->comp != NULL ? self->comp[v] : v;
}

/* Whether @x may be below (or be) @u: FALSE when surely not. */
static inline gboolean
may_be_below (MwGraph *self,
              guint    u,
              guint    x)
{
  return _mw_csr_intervals_may_reach (self->labels, self->comp != NULL ? self->n_comp : self->n, u, x);
}

/* What "above" reads: ranks, a spanning forest and its intervals, over the
 * actors or, with reporting cycles, over the cycles. */
static void
build_above (MwGraph *self)
{
  const Csr *up = &self->out[MW_GRAPH_REPORTS];
  const Csr *down = &self->in[MW_GRAPH_REPORTS];
  guint n = self->n;

  if (!build_ranks (self, up, down, n))
    {
      condense_cycles (self);
      up = &self->comp_up, down = &self->comp_down, n = self->n_comp;
      build_ranks (self, up, down, n);
    }
  build_spanning_forest (self, up, down, n);
  build_euler_tour (self, up, down, n);
  if (!self->forest)
    self->labels = _mw_csr_label_intervals (up, down, n);
  self->chain_stamp = g_new0 (guint, MAX (self->n, 1));
}

static void
build_hierarchy (MwGraph *self)
{
  const Csr *down = &self->in[MW_GRAPH_REPORTS];
  guint head = 0, tail = 0;

  build_above (self);

  /* Levels: breadth-first down from the tops, so cycles cannot loop. */
  self->level = g_new (guint, MAX (self->n, 1));
  for (guint v = 0; v < self->n; v++)
    {
      self->level[v] = NONE;
      if (mw_graph_is_top (self, v))
        {
          self->level[v] = 1;
          self->queue[tail++] = v;
        }
    }
  self->depth = 0;
  while (head < tail)
    {
      guint v = self->queue[head++];

      self->depth = MAX (self->depth, self->level[v]);
      for (guint k = down->off[v]; k < down->off[v + 1]; k++)
        if (self->level[down->adj[k]] == NONE)
          {
            self->level[down->adj[k]] = self->level[v] + 1;
            self->queue[tail++] = down->adj[k];
          }
    }
}

/**
 * mw_graph_new:
 * @network: the network to snapshot; only read
 *
 * Returns: (transfer full): the snapshot; free with mw_graph_free()
 */
MwGraph *
mw_graph_new (MwNetwork *network)
{
  MwGraph *self;
  Pairs pairs[MW_N_GRAPHS];

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = g_new0 (MwGraph, 1);
  self->network = network;
  self->n = mw_network_get_n_actors (network);
  self->stamp = g_new0 (guint, MAX (self->n, 1));
  self->queue = g_new (guint, MAX (self->n, 1));

  collect_pairs (self, pairs);
  for (guint k = 0; k < MW_N_GRAPHS; k++)
    {
      _mw_csr_build (&self->out[k], self->n, pairs[k].src, pairs[k].dst, pairs[k].len);
      g_free (pairs[k].src);
      g_free (pairs[k].dst);
    }

  /* The reverse rows the scores always read; the others on demand. */
  _mw_csr_transpose (&self->out[MW_GRAPH_REPORTS], self->n, &self->in[MW_GRAPH_REPORTS]);
  _mw_csr_transpose (&self->out[MW_GRAPH_CHECKS], self->n, &self->in[MW_GRAPH_CHECKS]);
  build_hierarchy (self);
  return self;
}

void
mw_graph_free (MwGraph *self)
{
  if (self == NULL)
    return;

  for (guint k = 0; k < MW_N_GRAPHS; k++)
    {
      g_free (self->out[k].off);
      g_free (self->out[k].adj);
      g_free (self->in[k].off);
      g_free (self->in[k].adj);
    }
  g_free (self->ties);
  g_free (self->parent);
  g_free (self->tin);
  g_free (self->tout);
  g_free (self->extra_above);
  g_free (self->chain_stamp);
  g_free (self->rank);
  g_free (self->labels);
  g_free (self->comp);
  _mw_csr_clear (&self->comp_up);
  _mw_csr_clear (&self->comp_down);
  g_free (self->level);
  if (self->extension_free != NULL)
    self->extension_free (self->extension);
  g_free (self->stamp);
  g_free (self->queue);
  g_free (self);
}

guint
mw_graph_get_n (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n;
}

/**
 * mw_graph_get_network:
 *
 * Returns: (transfer none): the network the snapshot was built from
 */
MwNetwork *
mw_graph_get_network (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->network;
}

const guint *
mw_graph_out (MwGraph     *self,
              MwGraphKind  kind,
              guint        v,
              guint       *n_out)
{
  g_return_val_if_fail (self != NULL && v < self->n && kind < MW_N_GRAPHS, NULL);

  *n_out = self->out[kind].off[v + 1] - self->out[kind].off[v];
  return self->out[kind].adj + self->out[kind].off[v];
}

const guint *
mw_graph_in (MwGraph     *self,
             MwGraphKind  kind,
             guint        v,
             guint       *n_in)
{
  const Csr *csr;

  g_return_val_if_fail (self != NULL && v < self->n && kind < MW_N_GRAPHS, NULL);

  if (kind_is_directed (kind) && self->in[kind].off == NULL)
    _mw_csr_transpose (&self->out[kind], self->n, &self->in[kind]);
  csr = kind_is_directed (kind) ? &self->in[kind] : &self->out[kind];
  *n_in = csr->off[v + 1] - csr->off[v];
  return csr->adj + csr->off[v];
}

/**
 * mw_graph_get_ties:
 *
 * Returns: (transfer none) (array length=n_ties): the ties by index
 */
const MwGraphTie *
mw_graph_get_ties (MwGraph *self,
                   guint   *n_ties)
{
  g_return_val_if_fail (self != NULL && n_ties != NULL, NULL);

  *n_ties = self->n_ties;
  return self->ties;
}

/* Undirected kinds count each pair once. */
guint
mw_graph_n_edges (MwGraph     *self,
                  MwGraphKind  kind)
{
  g_return_val_if_fail (self != NULL && kind < MW_N_GRAPHS, 0);

  return kind_is_directed (kind) ? self->out[kind].off[self->n] : self->out[kind].off[self->n] / 2;
}

static inline gboolean
tree_above (MwGraph *self,
            guint    u,
            guint    v)
{
  return self->tin[u] < self->tin[v] && self->tout[v] < self->tout[u];
}

/* Is @u reached from @v going up the reports ties? Everything above v is
 * above v in the forest, or above (or equal to) the target of an extra tie
 * from v or one of its forest ancestors, and so on: a search over the extra
 * ties only, each chain of ancestors walked once (stamps stop cycles too). */
static gboolean
reaches_up (MwGraph *self,
            guint    v,
            guint    u)
{
  const Csr *up = hierarchy_up (self);
  guint tail = 0, gen;

  if (++self->stamp_gen == 0)
    {
      memset (self->stamp, 0, self->n * sizeof (guint));
      memset (self->chain_stamp, 0, self->n * sizeof (guint));
      self->stamp_gen = 1;
    }
  gen = self->stamp_gen;
  self->stamp[v] = gen;
  self->queue[tail++] = v;
  /* depth first: straight up towards u, which the labels point to */
  while (tail > 0)
    {
      guint w = self->queue[--tail];

      for (guint x = self->extra_above[w]; x != NONE && self->chain_stamp[x] != gen;
           x = self->parent[x] != NONE ? self->extra_above[self->parent[x]] : NONE)
        {
          /* none above x is below u either */
          if (self->rank[x] <= self->rank[u] || !may_be_below (self, u, x))
            break;
          self->chain_stamp[x] = gen;
          for (guint k = up->off[x]; k < up->off[x + 1]; k++)
            {
              guint y = up->adj[k];

              if (y == self->parent[x] || self->stamp[y] == gen)
                continue;
              if (self->rank != NULL && self->rank[y] < self->rank[u])
                continue;
              if (y == u || tree_above (self, u, y))
                return TRUE;
              if (!may_be_below (self, u, y))
                continue;
              self->stamp[y] = gen;
              self->queue[tail++] = y;
            }
        }
    }
  return FALSE;
}

gboolean
mw_graph_is_above (MwGraph *self,
                   guint    u,
                   guint    v)
{
  guint hu, hv;

  g_return_val_if_fail (self != NULL && u < self->n && v < self->n, FALSE);

  if (u == v)
    return FALSE;
  /* an actor without reports is above nobody */
  if (self->in[MW_GRAPH_REPORTS].off[u + 1] == self->in[MW_GRAPH_REPORTS].off[u])
    return FALSE;
  hu = hierarchy_node (self, u), hv = hierarchy_node (self, v);
  /* two people of one reporting cycle: each is above the other */
  if (hu == hv)
    return TRUE;
  if (tree_above (self, hu, hv))
    return TRUE;
  /* in a forest the interval test is the whole answer */
  if (self->forest || self->rank[hu] >= self->rank[hv] || !may_be_below (self, hu, hv))
    return FALSE;
  return reaches_up (self, hv, hu);
}

gboolean
mw_graph_is_vertical (MwGraph *self,
                      guint    u,
                      guint    v)
{
  return mw_graph_is_above (self, u, v) || mw_graph_is_above (self, v, u);
}

gboolean
mw_graph_hierarchy_is_forest (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  /* a reporting cycle is no forest, though as one node it may be a tree's */
  return self->forest && self->comp == NULL;
}

guint
mw_graph_hierarchy_depth (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->depth;
}

gboolean
mw_graph_is_top (MwGraph *self,
                 guint    v)
{
  g_return_val_if_fail (self != NULL && v < self->n, FALSE);

  return self->out[MW_GRAPH_REPORTS].off[v + 1] == self->out[MW_GRAPH_REPORTS].off[v] &&
         self->in[MW_GRAPH_REPORTS].off[v + 1] > self->in[MW_GRAPH_REPORTS].off[v];
}

guint
mw_graph_level (MwGraph *self,
                guint    v)
{
  g_return_val_if_fail (self != NULL && v < self->n, 0);

  return self->level[v] != NONE ? self->level[v] : 0;
}

double
mw_graph_span_of_control (MwGraph *self,
                          guint   *max_span)
{
  const Csr *down;
  guint managers = 0, largest = 0;

  g_return_val_if_fail (self != NULL, 0);

  down = &self->in[MW_GRAPH_REPORTS];
  for (guint v = 0; v < self->n; v++)
    {
      guint span = down->off[v + 1] - down->off[v];

      if (span > 0)
        managers++;
      largest = MAX (largest, span);
    }
  if (max_span != NULL)
    *max_span = largest;
  return managers > 0 ? (double) down->off[self->n] / managers : 0.0;
}

void
mw_graph_distances_from (MwGraph     *self,
                         const guint *sources,
                         guint        n_sources,
                         guint       *dist)
{
  const Csr *all;
  guint head = 0, tail = 0;

  g_return_if_fail (self != NULL && dist != NULL);

  all = &self->out[MW_GRAPH_ALL];
  for (guint v = 0; v < self->n; v++)
    dist[v] = NONE;
  for (guint i = 0; i < n_sources; i++)
    if (dist[sources[i]] == NONE)
      {
        dist[sources[i]] = 0;
        self->queue[tail++] = sources[i];
      }
  while (head < tail)
    {
      guint v = self->queue[head++];

      for (guint k = all->off[v]; k < all->off[v + 1]; k++)
        if (dist[all->adj[k]] == NONE)
          {
            dist[all->adj[k]] = dist[v] + 1;
            self->queue[tail++] = all->adj[k];
          }
    }
}

/* The depth-first forest of MW_GRAPH_ALL with Hopcroft–Tarjan low points. */
typedef struct
{
  guint *pre;      /* preorder number */
  guint *low;
  guint *parent;   /* NONE for roots */
  guint *size;     /* subtree size */
  guint *root;     /* the root of the actor's tree (its component) */
  guint *by_pre;   /* the actor with each preorder number */
} Dfs;

static void
dfs_clear (Dfs *dfs)
{
  g_free (dfs->pre);
  g_free (dfs->low);
  g_free (dfs->parent);
  g_free (dfs->size);
  g_free (dfs->root);
  g_free (dfs->by_pre);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Dfs, dfs_clear)

/* Iterative: an explicit stack of actors and their next neighbour, because
 * a chain of 100,000 people would overflow the C stack. */
static void
dfs_run (MwGraph   *self,
         const Csr *all,
         Dfs       *dfs)
{
  g_autofree guint *next = g_new (guint, MAX (self->n, 1));
  g_autofree guint *stack = g_new (guint, MAX (self->n, 1));
  guint clock = 0;

  dfs->pre = g_new (guint, MAX (self->n, 1));
  dfs->low = g_new (guint, MAX (self->n, 1));
  dfs->parent = g_new (guint, MAX (self->n, 1));
  dfs->size = g_new (guint, MAX (self->n, 1));
  dfs->root = g_new (guint, MAX (self->n, 1));
  dfs->by_pre = g_new (guint, MAX (self->n, 1));
  for (guint v = 0; v < self->n; v++)
    dfs->pre[v] = NONE;

  for (guint r = 0; r < self->n; r++)
    {
      guint top = 0;

      if (dfs->pre[r] != NONE)
        continue;
      dfs->parent[r] = NONE;
      dfs->pre[r] = dfs->low[r] = clock;
      dfs->by_pre[clock++] = r;
      dfs->size[r] = 1;
      dfs->root[r] = r;
      next[r] = all->off[r];
      stack[top++] = r;
      while (top > 0)
        {
          guint v = stack[top - 1];

          if (next[v] < all->off[v + 1])
            {
              guint u = all->adj[next[v]++];

              if (dfs->pre[u] == NONE)
                {
                  dfs->parent[u] = v;
                  dfs->pre[u] = dfs->low[u] = clock;
                  dfs->by_pre[clock++] = u;
                  dfs->size[u] = 1;
                  dfs->root[u] = r;
                  next[u] = all->off[u];
                  stack[top++] = u;
                }
              else if (u != dfs->parent[v])
                dfs->low[v] = MIN (dfs->low[v], dfs->pre[u]);
            }
          else
            {
              guint p = dfs->parent[v];

              top--;
              if (p != NONE)
                {
                  dfs->size[p] += dfs->size[v];
                  dfs->low[p] = MIN (dfs->low[p], dfs->low[v]);
                }
            }
        }
    }
}

/* Does removing parent[c] separate c's subtree from the rest? */
static inline gboolean
dfs_separates (const Dfs *dfs,
               guint      c)
{
  guint p = dfs->parent[c];
  return p != NONE && dfs->low[c] >= dfs->pre[p];
}

static inline void
mark_range (int   *diff,
            guint  start,
            guint  len,
            int    delta)
{
  diff[start] += delta;
  diff[start + len] -= delta;
}

/* An actor lies on a cycle when one of its ties is not a bridge. */
static gboolean
on_cycle (const Csr *all,
          const Dfs *dfs,
          guint      v)
{
  guint tree_edges = dfs->parent[v] != NONE ? 1 : 0;

  if (dfs->parent[v] != NONE && dfs->low[v] <= dfs->pre[dfs->parent[v]])
    return TRUE;
  for (guint k = all->off[v]; k < all->off[v + 1]; k++)
    {
      guint u = all->adj[k];

      if (dfs->parent[u] == v)
        {
          tree_edges++;
          if (dfs->low[u] <= dfs->pre[v])
            return TRUE;
        }
    }
  return all->off[v + 1] - all->off[v] > tree_edges;
}

/* Marks, through a difference array over preorder numbers, every piece that
 * an articulation point's departure leaves with at most half the network. */
static void
mark_exposed (MwGraph    *self,
              const Csr  *all,
              const Dfs  *dfs,
              const guint *is_cut,
              gboolean   *exposed)
{
  g_autofree int *diff = g_new0 (int, self->n + 1);
  g_autofree guint *separated = g_new0 (guint, MAX (self->n, 1));
  g_autofree gboolean *rest_cut = g_new0 (gboolean, MAX (self->n, 1));
  guint n = self->n;
  int acc = 0;

  for (guint c = 0; c < n; c++)
    if (dfs_separates (dfs, c))
      separated[dfs->parent[c]] += dfs->size[c];

  for (guint w = 0; w < n; w++)
    {
      guint root = dfs->root[w], rest;

      if (!is_cut[w])
        continue;
      rest = dfs->size[root] - 1 - separated[w];
      if (rest > 0 && 2 * rest <= n)
        {
          rest_cut[w] = TRUE;
          mark_range (diff, dfs->pre[root], dfs->size[root], 1);
          mark_range (diff, dfs->pre[w], dfs->size[w], -1);
        }
    }

  for (guint c = 0; c < n; c++)
    {
      guint p = dfs->parent[c];

      if (p == NONE || !is_cut[p])
        continue;
      if (dfs_separates (dfs, c) ? 2 * dfs->size[c] <= n : rest_cut[p])
        mark_range (diff, dfs->pre[c], dfs->size[c], 1);
    }

  for (guint i = 0; i < n; i++)
    {
      guint v = dfs->by_pre[i];

      acc += diff[i];
      exposed[v] = acc > 0 ||
                   2 * (dfs->size[dfs->root[v]] - 1) <= n ||
                   !on_cycle (all, dfs, v);
    }
}

/* Articulation points (and exposure) of the undirected graph @all. */
static GArray *
articulation_points_of (MwGraph   *self,
                        const Csr *all,
                        gboolean  *exposed)
{
  g_auto(Dfs) dfs = { 0 };
  g_autofree guint *is_cut = NULL;
  g_autofree guint *children = NULL;
  GArray *points;

  points = g_array_new (FALSE, FALSE, sizeof (guint));
  dfs_run (self, all, &dfs);
  is_cut = g_new0 (guint, MAX (self->n, 1));
  children = g_new0 (guint, MAX (self->n, 1));

  for (guint c = 0; c < self->n; c++)
    {
      guint p = dfs.parent[c];

      if (p == NONE)
        continue;
      children[p]++;
      if (dfs.parent[p] != NONE && dfs_separates (&dfs, c))
        is_cut[p] = TRUE;
    }
  for (guint v = 0; v < self->n; v++)
    {
      if (dfs.parent[v] == NONE && children[v] >= 2)
        is_cut[v] = TRUE;
      if (is_cut[v])
        g_array_append_val (points, v);
    }

  if (exposed != NULL)
    mark_exposed (self, all, &dfs, is_cut, exposed);
  return points;
}

/**
 * mw_graph_articulation_points:
 * @exposed: (nullable) (out caller-allocates): n flags
 *
 * Returns: (transfer full) (element-type guint): the articulation points
 */
GArray *
mw_graph_articulation_points (MwGraph  *self,
                              gboolean *exposed)
{
  g_return_val_if_fail (self != NULL, NULL);

  return articulation_points_of (self, &self->out[MW_GRAPH_ALL], exposed);
}

/**
 * mw_graph_articulation_points_of_ties:
 * @keep: by tie index, the ties that count (ignored ties never do)
 * @exposed: (nullable) (out caller-allocates): n flags
 *
 * The same over the undirected graph of the kept ties only.
 *
 * Returns: (transfer full) (element-type guint): the articulation points
 */
GArray *
mw_graph_articulation_points_of_ties (MwGraph        *self,
                                      const gboolean *keep,
                                      gboolean       *exposed)
{
  g_autofree guint *src = NULL;
  g_autofree guint *dst = NULL;
  Csr csr = { 0 };
  gsize m = 0;
  GArray *points;

  g_return_val_if_fail (self != NULL && (keep != NULL || self->n_ties == 0), NULL);

  src = g_new (guint, MAX (2 * (gsize) self->n_ties, 1));
  dst = g_new (guint, MAX (2 * (gsize) self->n_ties, 1));
  for (guint i = 0; i < self->n_ties; i++)
    if (keep[i] && !self->ties[i].ignored)
      {
        src[m] = dst[m + 1] = self->ties[i].from;
        dst[m] = src[m + 1] = self->ties[i].to;
        m += 2;
      }
  _mw_csr_build (&csr, self->n, src, dst, m);
  points = articulation_points_of (self, &csr, exposed);
  g_free (csr.off);
  g_free (csr.adj);
  return points;
}

/* The sum of 1/d from up to 64 @sources to everyone they reach: their
 * breadth-first searches run together, bit i of an actor's masks standing
 * for source i (Then et al. 2014, "The More the Merrier"), so each level
 * walks the ties once for all of them. Whole counts per level, summed in
 * level order: the same sum whatever the order of the actors. */
static double
harmonic_from_batch (MwGraph     *self,
                     const guint *sources,
                     guint        n_sources,
                     guint64     *seen,
                     guint64     *visit,
                     guint64     *next)
{
  const Csr *all = &self->out[MW_GRAPH_ALL];
  gboolean more = TRUE;
  double sum = 0;

  memset (seen, 0, self->n * sizeof *seen);
  memset (visit, 0, self->n * sizeof *visit);
  memset (next, 0, self->n * sizeof *next);
  for (guint i = 0; i < n_sources; i++)
    seen[sources[i]] = visit[sources[i]] |= G_GUINT64_CONSTANT (1) << i;
  for (guint d = 1; more; d++)
    {
      guint64 reached = 0;

      for (guint v = 0; v < self->n; v++)
        if (visit[v] != 0)
          for (guint k = all->off[v]; k < all->off[v + 1]; k++)
            next[all->adj[k]] |= visit[v];
      more = FALSE;
      for (guint v = 0; v < self->n; v++)
        {
          visit[v] = next[v] & ~seen[v];
          next[v] = 0;
          seen[v] |= visit[v];
          reached += (guint64) __builtin_popcountll (visit[v]);
          more = more || visit[v] != 0;
        }
      sum += (double) reached / d;
    }
  return sum;
}

double
mw_graph_efficiency_from (MwGraph     *self,
                          const guint *sources,
                          guint        n_sources)
{
  g_autofree guint64 *seen = NULL;
  g_autofree guint64 *visit = NULL;
  g_autofree guint64 *next = NULL;
  double sum = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->n < 2 || n_sources == 0)
    return 0;
  seen = g_new (guint64, self->n);
  visit = g_new (guint64, self->n);
  next = g_new (guint64, self->n);
  for (guint i = 0; i < n_sources; i += 64)
    sum += harmonic_from_batch (self, sources + i, MIN (64, n_sources - i), seen, visit, next);
  return sum / ((double) n_sources * (self->n - 1));
}

typedef struct
{
  guint32 key;
  guint   index;
  const char *id;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->key != rb->key)
    return ra->key < rb->key ? -1 : 1;
  return strcmp (ra->id, rb->id);
}

/* A sample size that keeps one rescoring near a million neighbour visits,
 * and at least MW_EFFICIENCY_MIN_SOURCES sources. */
static guint
sample_size (MwGraph *self)
{
  gsize work = self->n + (gsize) self->out[MW_GRAPH_ALL].off[self->n];
  gsize k = 1000000 / MAX (work, 1);

  return (guint) CLAMP (k, MW_EFFICIENCY_MIN_SOURCES, self->n);
}

double
mw_graph_global_efficiency (MwGraph *self,
                            double  *error_bound)
{
  g_autofree guint *sources = NULL;
  g_autofree Ranked *ranked = NULL;
  guint k;

  g_return_val_if_fail (self != NULL, 0);

  if (error_bound != NULL)
    *error_bound = 0;
  if (self->n <= MW_EFFICIENCY_EXACT_LIMIT)
    {
      sources = g_new (guint, MAX (self->n, 1));
      for (guint v = 0; v < self->n; v++)
        sources[v] = v;
      return mw_graph_efficiency_from (self, sources, self->n);
    }

  /* Sources ranked by a hash of their id with a fixed salt: the same sample
   * whatever the order of the actors, and from run to run. */
  ranked = g_new (Ranked, self->n);
  for (guint v = 0; v < self->n; v++)
    {
      const char *id = mw_network_get_actor (self->network, v)->id;

      ranked[v].key = g_str_hash (id) * 2654435761u ^ 0x5bd1e995u;
      ranked[v].index = v;
      ranked[v].id = id;
    }
  qsort (ranked, self->n, sizeof (Ranked), compare_ranked);
  k = sample_size (self);
  sources = g_new (guint, k);
  for (guint i = 0; i < k; i++)
    sources[i] = ranked[i].index;

  /* Each source's term lies in [0, 1]: Hoeffding, δ = 0.05. */
  if (error_bound != NULL && k < self->n)
    *error_bound = sqrt (log (2 / 0.05) / (2.0 * k));
  return mw_graph_efficiency_from (self, sources, k);
}

double
mw_graph_centralization (MwGraph *self)
{
  const Csr *lead;
  guint largest = 0;
  double sum = 0;

  g_return_val_if_fail (self != NULL, 0);

  if (self->n < 2)
    return 0;
  lead = &self->out[MW_GRAPH_LEADERSHIP];
  for (guint v = 0; v < self->n; v++)
    largest = MAX (largest, lead->off[v + 1] - lead->off[v]);
  for (guint v = 0; v < self->n; v++)
    sum += largest - (lead->off[v + 1] - lead->off[v]);
  return sum / ((double) (self->n - 1) * (self->n - 1));
}

double
mw_graph_density (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->n < 2)
    return 0;
  return mw_graph_n_edges (self, MW_GRAPH_LEADERSHIP) / ((double) self->n * (self->n - 1));
}

static gboolean
sorted_contains (const guint *items,
                 guint        n_items,
                 guint        value)
{
  guint lo = 0, hi = n_items;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (items[mid] == value)
        return TRUE;
      if (items[mid] < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

double
mw_graph_reciprocity (MwGraph *self)
{
  const Csr *lead;
  guint returned = 0;

  g_return_val_if_fail (self != NULL, 0);

  lead = &self->out[MW_GRAPH_LEADERSHIP];
  if (lead->off[self->n] == 0)
    return 0;
  for (guint v = 0; v < self->n; v++)
    for (guint k = lead->off[v]; k < lead->off[v + 1]; k++)
      {
        guint u = lead->adj[k];

        if (sorted_contains (lead->adj + lead->off[u], lead->off[u + 1] - lead->off[u], v))
          returned++;
      }
  return (double) returned / lead->off[self->n];
}

gpointer
_mw_graph_get_extension (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->extension;
}

void
_mw_graph_set_extension (MwGraph        *self,
                         gpointer        extension,
                         GDestroyNotify  extension_free)
{
  g_return_if_fail (self != NULL && self->extension == NULL);
  self->extension = extension;
  self->extension_free = extension_free;
}
