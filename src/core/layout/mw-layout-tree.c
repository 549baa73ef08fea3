/* mw-layout-tree.c: the org chart as a tidy tree, in linear time
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the `tree` engine: Walker's tidy tree with the linear-time
 * improvements of Buchheim, Jünger and Leipert ("Improving Walker's
 * Algorithm to Run in Linear Time", 2002), written without recursion so
 * that a reporting chain of any length needs no more stack than a short
 * one. Managers sit one rank above their reports (a reports tie points
 * report → manager); siblings are ordered by unit, then name, so a unit
 * stays together; trees of a forest stand side by side under a virtual
 * root; actors outside every reporting line go in a block beside. Other
 * ties do not move anything: they are drawn over the result.
 */

#define G_LOG_DOMAIN "mw-layout"

#include <math.h>
#include <string.h>

#include "mw-layout.h"
#include "mw-layout-private.h"
#include "mw-layout-tree.h"

#define NONE G_MAXUINT

/* Gaps between the boxes of neighbours, in points. */
#define GAP_SIBLINGS   16.0
#define GAP_UNITS      40.0  /* neighbours of different units: the blocks read apart */
#define GAP_COUSINS    28.0
#define GAP_TREES      64.0
#define GAP_LONE_BLOCK 96.0
#define LONE_ROW_STEP  80.0

typedef struct
{
  MwNetwork *network;
  guint      n;            /* actors; node n is the virtual root above every tree */
  guint     *up;           /* parent; n for a tree's root; NONE for the virtual root and lone actors */
  guint     *child_start;  /* children of v: children[child_start[v] … child_start[v + 1]) */
  guint     *children;
  guint     *number;       /* place among its siblings, from 0 */
  double    *width;
  double    *prelim;
  double    *mod;
  double    *shift;
  double    *change;
  guint     *thread;
  guint     *ancestor;
  guint64    steps;
} Tree;

static guint
n_children (const Tree *t,
            guint       v)
{
  return t->child_start[v + 1] - t->child_start[v];
}

static guint
child (const Tree *t,
       guint       v,
       guint       k)
{
  return t->children[t->child_start[v] + k];
}

static guint
next_left (const Tree *t,
           guint       v)
{
  return n_children (t, v) > 0 ? child (t, v, 0) : t->thread[v];
}

static guint
next_right (const Tree *t,
            guint       v)
{
  return n_children (t, v) > 0 ? child (t, v, n_children (t, v) - 1) : t->thread[v];
}

static const char *
unit_of (const Tree *t,
         guint       v)
{
  return v < t->n ? mw_network_get_actor (t->network, v)->unit : "";
}

/* Centre to centre, for @left beside @right on one rank. */
static double
distance (const Tree *t,
          guint       left,
          guint       right)
{
  double gap;

  if (t->up[left] == t->n && t->up[right] == t->n)
    gap = GAP_TREES;
  else if (strcmp (unit_of (t, left), unit_of (t, right)) != 0)
    gap = GAP_UNITS;
  else if (t->up[left] == t->up[right])
    gap = GAP_SIBLINGS;
  else
    gap = GAP_COUSINS;

  return (t->width[left] + t->width[right]) / 2.0 + gap;
}

/* --- who reports to whom ------------------------------------------------ */

/* The first reports tie in the network's order wins; the others are drawn
 * over the tree like any lateral tie. */
static guint
first_manager (const MwActor *actor,
               guint         *n_extra)
{
  const MwTie *best = NULL;

  for (guint i = 0; i < mw_actor_n_out (actor, MW_TIE_REPORTS); i++)
    {
      const MwTie *tie = mw_actor_out (actor, MW_TIE_REPORTS, i);

      if (tie->to == actor)
        continue;
      if (best != NULL)
        (*n_extra)++;
      if (best == NULL || tie->index < best->index)
        best = tie;
    }

  return best != NULL ? best->to->index : NONE;
}

/* Each actor has at most one manager, so every cycle is a ring some trees
 * hang from. Cuts each ring above its first actor (the lowest index), which
 * becomes a root: deterministic, and every actor is walked at most twice. */
static guint
break_cycles (guint   *manager,
              guint    n,
              guint64 *steps)
{
  g_autofree guint *walk = g_new0 (guint, n);  /* 0: not seen; i + 1: seen from i */
  guint broken = 0;

  for (guint i = 0; i < n; i++)
    {
      guint v = i;
      guint lowest;

      while (walk[v] == 0)
        {
          walk[v] = i + 1;
          (*steps)++;
          if (manager[v] == NONE)
            break;
          v = manager[v];
        }
      if (walk[v] != i + 1 || manager[v] == NONE)
        continue;

      /* back where this walk has been: v is on a ring */
      lowest = v;
      for (guint u = manager[v]; u != v; u = manager[u])
        {
          lowest = MIN (lowest, u);
          (*steps)++;
        }
      manager[lowest] = NONE;
      broken++;
    }

  return broken;
}

typedef struct
{
  char *unit;
  char *label;
} SortKey;

static int
compare_actors (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const SortKey *keys = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;
  int cmp = strcmp (keys[i].unit, keys[j].unit);

  if (cmp == 0)
    cmp = strcmp (keys[i].label, keys[j].label);
  if (cmp == 0)
    cmp = (i > j) - (i < j);
  return cmp;
}

/* Every actor's index, by unit, then name, then place in the network. */
static guint *
sorted_actors (MwNetwork *network,
               guint      n)
{
  SortKey *keys = g_new (SortKey, n);
  guint *order = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      keys[i].unit = g_utf8_collate_key (actor->unit, -1);
      keys[i].label = g_utf8_collate_key (actor->label, -1);
      order[i] = i;
    }
  g_qsort_with_data (order, n, sizeof *order, compare_actors, keys);
  for (guint i = 0; i < n; i++)
    {
      g_free (keys[i].unit);
      g_free (keys[i].label);
    }
  g_free (keys);

  return order;
}

/* Fills the children lists in sorted order: one sort for all siblings. */
static void
link_children (Tree        *t,
               const guint *manager,
               const guint *order)
{
  guint n = t->n;
  g_autofree guint *fill = g_new0 (guint, n + 1);

  for (guint v = 0; v < n; v++)
    if (manager[v] != NONE)
      fill[manager[v]]++;
  for (guint v = 0; v < n; v++)
    if (manager[v] == NONE && fill[v] > 0)
      fill[n]++;

  t->child_start[0] = 0;
  for (guint v = 0; v <= n; v++)
    t->child_start[v + 1] = t->child_start[v] + fill[v];

  memset (fill, 0, (n + 1) * sizeof *fill);
  for (guint k = 0; k < n; k++)
    {
      guint v = order[k];
      guint p = manager[v];

      if (p == NONE && n_children (t, v) == 0)
        continue;  /* lone: the block beside */
      if (p == NONE)
        p = n;
      t->up[v] = p;
      t->number[v] = fill[p];
      t->children[t->child_start[p] + fill[p]++] = v;
    }
}

/* --- Buchheim, Jünger and Leipert ---------------------------------------- */

static void
move_subtree (Tree  *t,
              guint  wm,
              guint  wp,
              double shift)
{
  double subtrees = t->number[wp] - t->number[wm];

  t->change[wp] -= shift / subtrees;
  t->shift[wp] += shift;
  t->change[wm] += shift / subtrees;
  t->prelim[wp] += shift;
  t->mod[wp] += shift;
}

static void
execute_shifts (Tree  *t,
                guint  v)
{
  double shift = 0.0, change = 0.0;

  for (guint k = n_children (t, v); k-- > 0;)
    {
      guint w = child (t, v, k);

      t->prelim[w] += shift;
      t->mod[w] += shift;
      change += t->change[w];
      shift += t->shift[w] + change;
      t->steps++;
    }
}

/* Pushes @v's subtree clear of its left siblings' subtrees, walking down
 * their facing contours; spreads the push over the siblings in between. */
static guint
apportion (Tree  *t,
           guint  v,
           guint  default_ancestor)
{
  guint p = t->up[v];
  guint vip, vop, vim, vom;
  double sip, sop, sim, som;

  if (t->number[v] == 0)
    return default_ancestor;

  vip = vop = v;
  vim = child (t, p, t->number[v] - 1);
  vom = child (t, p, 0);
  sip = t->mod[vip];
  sop = t->mod[vop];
  sim = t->mod[vim];
  som = t->mod[vom];

  while (next_right (t, vim) != NONE && next_left (t, vip) != NONE)
    {
      double shift;

      vim = next_right (t, vim);
      vip = next_left (t, vip);
      vom = next_left (t, vom);
      vop = next_right (t, vop);
      t->ancestor[vop] = v;
      shift = (t->prelim[vim] + sim) - (t->prelim[vip] + sip) + distance (t, vim, vip);
      if (shift > 0.0)
        {
          guint a = t->up[t->ancestor[vim]] == p ? t->ancestor[vim] : default_ancestor;

          move_subtree (t, a, v, shift);
          sip += shift;
          sop += shift;
        }
      sim += t->mod[vim];
      sip += t->mod[vip];
      som += t->mod[vom];
      sop += t->mod[vop];
      t->steps++;
    }

  if (next_right (t, vim) != NONE && next_right (t, vop) == NONE)
    {
      t->thread[vop] = next_right (t, vim);
      t->mod[vop] += sim - sop;
    }
  if (next_left (t, vip) != NONE && next_left (t, vom) == NONE)
    {
      t->thread[vom] = next_left (t, vip);
      t->mod[vom] += sip - som;
      default_ancestor = v;
    }

  return default_ancestor;
}

/* Once all of @v's children are placed: @v over their middle, or beside
 * its left sibling with the difference kept in mod. */
static void
place_node (Tree  *t,
            guint  v)
{
  guint p = t->up[v];
  guint left = p != NONE && t->number[v] > 0 ? child (t, p, t->number[v] - 1) : NONE;
  guint k = n_children (t, v);

  if (k == 0)
    {
      t->prelim[v] = left != NONE ? t->prelim[left] + distance (t, left, v) : 0.0;
      return;
    }

  execute_shifts (t, v);
  {
    double midpoint = (t->prelim[child (t, v, 0)] + t->prelim[child (t, v, k - 1)]) / 2.0;

    if (left != NONE)
      {
        t->prelim[v] = t->prelim[left] + distance (t, left, v);
        t->mod[v] = t->prelim[v] - midpoint;
      }
    else
      t->prelim[v] = midpoint;
  }
}

/* The post-order walk, with a stack of its own. */
static void
first_walk (Tree *t)
{
  guint n = t->n;
  g_autofree guint *stack = g_new (guint, n + 1);
  g_autofree guint *cursor = g_new0 (guint, n + 1);
  g_autofree guint *default_ancestor = g_new (guint, n + 1);
  guint top = 0;

  stack[top++] = n;
  default_ancestor[n] = n_children (t, n) > 0 ? child (t, n, 0) : n;
  while (top > 0)
    {
      guint v = stack[top - 1];

      if (cursor[v] < n_children (t, v))
        {
          guint w = child (t, v, cursor[v]++);

          default_ancestor[w] = n_children (t, w) > 0 ? child (t, w, 0) : w;
          stack[top++] = w;
          t->steps++;
          continue;
        }

      place_node (t, v);
      top--;
      if (t->up[v] != NONE)
        default_ancestor[t->up[v]] = apportion (t, v, default_ancestor[t->up[v]]);
    }
}

/* x = prelim plus the mods of the ancestors, breadth first; y by rank. */
static guint
second_walk (Tree          *t,
             MwLayoutPoint *points)
{
  guint n = t->n;
  g_autofree guint *queue = g_new (guint, n + 1);
  g_autofree double *modsum = g_new0 (double, n + 1);
  g_autofree guint *rank = g_new0 (guint, n + 1);
  guint head = 0, tail = 0, depth = 0;

  queue[tail++] = n;
  while (head < tail)
    {
      guint v = queue[head++];

      for (guint k = 0; k < n_children (t, v); k++)
        {
          guint w = child (t, v, k);

          modsum[w] = modsum[v] + t->mod[v];
          rank[w] = v == n ? 0 : rank[v] + 1;
          points[w].x = t->prelim[w] + modsum[w];
          points[w].y = rank[w] * MW_LAYOUT_TREE_RANK_STEP;
          depth = MAX (depth, rank[w]);
          queue[tail++] = w;
          t->steps++;
        }
    }

  return depth;
}

/* The forest from x = 0; the lone actors in a square block to its right. */
static void
place_lone (Tree          *t,
            MwLayoutPoint *points,
            guint          n_lone)
{
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE, cell = 0.0, x0;
  guint columns, k = 0;

  for (guint v = 0; v < t->n; v++)
    if (t->up[v] != NONE)
      {
        left = MIN (left, points[v].x - t->width[v] / 2.0);
        right = MAX (right, points[v].x + t->width[v] / 2.0);
      }
    else
      cell = MAX (cell, t->width[v]);
  if (left > right)
    left = right = 0.0;

  for (guint v = 0; v < t->n; v++)
    if (t->up[v] != NONE)
      points[v].x -= left;

  if (n_lone == 0)
    return;
  x0 = right > left ? right - left + GAP_LONE_BLOCK : 0.0;
  cell += GAP_SIBLINGS;
  columns = (guint) ceil (sqrt (n_lone));
  for (guint v = 0; v < t->n; v++)
    if (t->up[v] == NONE)
      {
        points[v].x = x0 + cell * (k % columns + 0.5);
        points[v].y = LONE_ROW_STEP * (k / columns);
        k++;
        t->steps++;
      }
}

static void
tree_init (Tree      *t,
           MwNetwork *network,
           guint      n)
{
  t->network = network;
  t->n = n;
  t->up = g_new (guint, n + 1);
  t->child_start = g_new (guint, n + 2);
  t->children = g_new (guint, n + 1);
  t->number = g_new0 (guint, n + 1);
  t->width = g_new0 (double, n + 1);
  t->prelim = g_new0 (double, n + 1);
  t->mod = g_new0 (double, n + 1);
  t->shift = g_new0 (double, n + 1);
  t->change = g_new0 (double, n + 1);
  t->thread = g_new (guint, n + 1);
  t->ancestor = g_new (guint, n + 1);
  t->steps = 0;
  for (guint v = 0; v <= n; v++)
    {
      t->up[v] = NONE;
      t->thread[v] = NONE;
      t->ancestor[v] = v;
      if (v < n)
        t->width[v] = _mw_layout_label_width (mw_network_get_actor (network, v));
    }
}

static void
tree_clear (Tree *t)
{
  g_free (t->up);
  g_free (t->child_start);
  g_free (t->children);
  g_free (t->number);
  g_free (t->width);
  g_free (t->prelim);
  g_free (t->mod);
  g_free (t->shift);
  g_free (t->change);
  g_free (t->thread);
  g_free (t->ancestor);
}

/**
 * mw_layout_tree_compute:
 * @stats: (out caller-allocates) (optional): what the layout did
 *
 * Linear in the actors and ties, but for one sort of the actors by unit
 * and name.
 *
 * Returns: (transfer full): id → #MwLayoutPoint for every actor
 */
GHashTable *
mw_layout_tree_compute (MwNetwork         *network,
                        MwLayoutTreeStats *stats)
{
  GHashTable *positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  MwLayoutTreeStats local = { 0 };
  g_autofree guint *manager = NULL;
  g_autofree guint *order = NULL;
  g_autofree MwLayoutPoint *points = NULL;
  guint n;
  Tree t;

  g_return_val_if_fail (MW_IS_NETWORK (network), positions);

  n = mw_network_get_n_actors (network);
  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);
  if (n == 0)
    return positions;

  tree_init (&t, network, n);
  manager = g_new (guint, n);
  for (guint v = 0; v < n; v++)
    manager[v] = first_manager (mw_network_get_actor (network, v), &stats->n_extra_managers);
  stats->n_cycles_broken = break_cycles (manager, n, &t.steps);
  order = sorted_actors (network, n);
  link_children (&t, manager, order);

  first_walk (&t);
  points = g_new0 (MwLayoutPoint, n + 1);
  stats->depth = second_walk (&t, points);

  stats->n_roots = n_children (&t, n);
  for (guint v = 0; v < n; v++)
    if (t.up[v] == NONE)
      stats->n_lone++;
  place_lone (&t, points, stats->n_lone);

  for (guint v = 0; v < n; v++)
    {
      MwLayoutPoint *point = g_new (MwLayoutPoint, 1);

      *point = points[v];
      g_hash_table_insert (positions, g_strdup (mw_network_get_actor (network, v)->id), point);
    }
  stats->steps = t.steps;
  tree_clear (&t);

  return positions;
}
