/* mw-graph-groups.c: which groups and organisations a network's actors belong to
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-metrics"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "mw-metrics-private.h"

#define NONE G_MAXUINT
#define UNSEEN (G_MAXUINT - 1)  /* not visited yet; for organisations: more than one */

/* Label propagation settles in a handful of rounds on real networks; the
 * cap keeps a network that keeps flipping linear. */
#define MAX_ROUNDS 16
#define REFINE_ROUNDS 3  /* rounds of colour refinement that order the actors */

typedef struct
{
  guint     n;
  guint    *rank;      /* position of each actor in id order */
  guint    *by_rank;   /* the actor at each position */
  guint    *org;
  guint     n_orgs;
  gboolean  orgs_from_units;
  guint    *group;
  guint     n_groups;
  gboolean  from_structure;
  double    boundary_spanning;
} Groups;

static void
groups_free (gpointer data)
{
  Groups *groups = data;

  g_free (groups->rank);
  g_free (groups->by_rank);
  g_free (groups->org);
  g_free (groups->group);
  g_free (groups);
}

static MwActor *
actor_at (MwGraph *graph,
          guint    v)
{
  return mw_network_get_actor (mw_graph_get_network (graph), v);
}

typedef struct
{
  const char *id;
  guint       v;
} Ranked;

static int
compare_ids (const void *a,
             const void *b)
{
  return strcmp (((const Ranked *) a)->id, ((const Ranked *) b)->id);
}

/* Every choice below walks the actors in id order and breaks ties by it,
 * so the result does not depend on the order the actors were added in. */
static void
rank_by_id (MwGraph *graph,
            Groups  *groups)
{
  g_autofree Ranked *ranked = g_new (Ranked, MAX (groups->n, 1));

  for (guint v = 0; v < groups->n; v++)
    ranked[v] = (Ranked) { actor_at (graph, v)->id, v };
  qsort (ranked, groups->n, sizeof (Ranked), compare_ids);
  groups->by_rank = g_new (guint, MAX (groups->n, 1));
  groups->rank = g_new (guint, MAX (groups->n, 1));
  for (guint r = 0; r < groups->n; r++)
    {
      groups->by_rank[r] = ranked[r].v;
      groups->rank[ranked[r].v] = r;
    }
}

/* The id of @key in @table, a new one (*next, then counted) when it has
 * none. Keys are borrowed: the actors' strings outlive the table. */
static guint
intern (GHashTable *table,
        const char *key,
        guint      *next)
{
  gpointer value;

  if (g_hash_table_lookup_extended (table, key, NULL, &value))
    return GPOINTER_TO_UINT (value);
  g_hash_table_insert (table, (gpointer) key, GUINT_TO_POINTER (*next));
  return (*next)++;
}

/* Dense ids, given in id order, for the pairs (@a[v], @b[v]); returns how
 * many there are. */
static guint
intern_pairs (Groups      *groups,
              const guint *a,
              const guint *b,
              guint       *id)
{
  g_autofree gint64 *keys = g_new (gint64, MAX (groups->n, 1));
  g_autoptr(GHashTable) table = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint next = 0;

  for (guint r = 0; r < groups->n; r++)
    {
      guint v = groups->by_rank[r];
      gpointer value;

      keys[v] = (gint64) (((guint64) a[v] << 32) | b[v]);
      if (g_hash_table_lookup_extended (table, &keys[v], NULL, &value))
        id[v] = GPOINTER_TO_UINT (value);
      else
        {
          g_hash_table_insert (table, &keys[v], GUINT_TO_POINTER (next));
          id[v] = next++;
        }
    }

  return next;
}

/* --- organisations --------------------------------------------------------- */

/* Named organisations and organisation actors (each its own: ids are
 * unique, so each gets a new one). */
static void
declared_orgs (MwGraph *graph,
               Groups  *groups)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 0; r < groups->n; r++)
    {
      guint v = groups->by_rank[r];
      MwActor *actor = actor_at (graph, v);

      if (actor->org[0] != '\0')
        groups->org[v] = intern (names, actor->org, &groups->n_orgs);
      else if (actor->kind == MW_ACTOR_ORGANISATION)
        groups->org[v] = groups->n_orgs++;
      else
        groups->org[v] = NONE;
    }
}

/* A reporting line joins people of one organisation: those without one
 * take it from the nearest one who has it (breadth first, in id order). */
static void
inherit_along_reports (MwGraph *graph,
                       Groups  *groups)
{
  g_autofree guint *queue = g_new (guint, MAX (groups->n, 1));
  guint head = 0, tail = 0;

  for (guint r = 0; r < groups->n; r++)
    if (groups->org[groups->by_rank[r]] != NONE)
      queue[tail++] = groups->by_rank[r];
  while (head < tail)
    {
      guint v = queue[head++];

      for (guint dir = 0; dir < 2; dir++)
        {
          guint k;
          const guint *next = dir == 0 ? mw_graph_out (graph, MW_GRAPH_REPORTS, v, &k)
                                       : mw_graph_in (graph, MW_GRAPH_REPORTS, v, &k);

          for (guint i = 0; i < k; i++)
            if (groups->org[next[i]] == NONE)
              {
                groups->org[next[i]] = groups->org[v];
                queue[tail++] = next[i];
              }
        }
    }
}

/* Someone tied to organisation actors of a single organisation, and to no
 * reporting line that says otherwise, is one of its members. */
static gboolean
members_of_org_actors (MwGraph *graph,
                       Groups  *groups)
{
  gboolean any = FALSE;

  for (guint v = 0; v < groups->n; v++)
    {
      guint k, found = NONE;
      const guint *next;

      if (groups->org[v] != NONE || actor_at (graph, v)->kind == MW_ACTOR_ORGANISATION)
        continue;
      next = mw_graph_out (graph, MW_GRAPH_ALL, v, &k);
      for (guint i = 0; i < k && found != UNSEEN; i++)
        if (actor_at (graph, next[i])->kind == MW_ACTOR_ORGANISATION)
          found = found == NONE || found == groups->org[next[i]] ? groups->org[next[i]] : UNSEEN;
      if (found != NONE && found != UNSEEN)
        {
          groups->org[v] = found;
          any = TRUE;
        }
    }

  return any;
}

/* The units of the actors still without an organisation, numbered in id
 * order; NONE for those with an organisation or no unit. Returns how many. */
static guint
open_units (MwGraph *graph,
            Groups  *groups,
            guint   *unit)
{
  g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_units = 0;

  for (guint r = 0; r < groups->n; r++)
    {
      guint v = groups->by_rank[r];
      MwActor *actor = actor_at (graph, v);

      unit[v] = groups->org[v] == NONE && actor->unit[0] != '\0' ? intern (units, actor->unit, &n_units) : NONE;
    }

  return n_units;
}

/* The component of the reports ties, through actors without organisation,
 * that @start is in; FALSE when it holds two units. @component receives
 * the unit it holds (NONE for none) for each actor visited. */
static gboolean
reports_component (MwGraph     *graph,
                   Groups      *groups,
                   const guint *unit,
                   guint        start,
                   guint       *component,
                   guint       *queue)
{
  guint head = 0, tail = 0, found = unit[start];

  component[start] = NONE;
  queue[tail++] = start;
  while (head < tail)
    {
      guint v = queue[head++];

      for (guint dir = 0; dir < 2; dir++)
        {
          guint k;
          const guint *next = dir == 0 ? mw_graph_out (graph, MW_GRAPH_REPORTS, v, &k)
                                       : mw_graph_in (graph, MW_GRAPH_REPORTS, v, &k);

          for (guint i = 0; i < k; i++)
            if (groups->org[next[i]] == NONE && component[next[i]] == UNSEEN)
              {
                if (unit[next[i]] != NONE && found != NONE && unit[next[i]] != found)
                  return FALSE;
                if (unit[next[i]] != NONE)
                  found = unit[next[i]];
                component[next[i]] = NONE;
                queue[tail++] = next[i];
              }
        }
    }
  for (guint i = 0; i < tail; i++)
    component[queue[i]] = found;

  return TRUE;
}

static gboolean
unit_has_own_hierarchy (MwGraph     *graph,
                        Groups      *groups,
                        const guint *unit)
{
  for (guint v = 0; v < groups->n; v++)
    {
      guint k;
      const guint *managers = mw_graph_out (graph, MW_GRAPH_REPORTS, v, &k);

      for (guint i = 0; unit[v] != NONE && i < k; i++)
        if (unit[managers[i]] == unit[v])
          return TRUE;
    }

  return FALSE;
}

/* Plain clusters are units, as the file format says, unless the structure
 * shows separate organisations: no reporting line, directly or through
 * people outside the units, joins two of them, and at least one has a
 * reporting hierarchy of its own. Then each is an organisation. */
static void
units_as_orgs (MwGraph *graph,
               Groups  *groups)
{
  g_autofree guint *unit = g_new (guint, MAX (groups->n, 1));
  g_autofree guint *component = g_new (guint, MAX (groups->n, 1));
  g_autofree guint *queue = g_new (guint, MAX (groups->n, 1));
  guint n_units = open_units (graph, groups, unit);

  if (n_units < 2 || !unit_has_own_hierarchy (graph, groups, unit))
    return;
  for (guint v = 0; v < groups->n; v++)
    component[v] = UNSEEN;
  for (guint r = 0; r < groups->n; r++)
    {
      guint v = groups->by_rank[r];

      if (groups->org[v] == NONE && component[v] == UNSEEN &&
          !reports_component (graph, groups, unit, v, component, queue))
        return;
    }

  for (guint r = 0; r < groups->n; r++)
    {
      guint v = groups->by_rank[r];

      if (groups->org[v] == NONE && component[v] != NONE)
        groups->org[v] = groups->n_orgs + component[v];
    }
  groups->n_orgs += n_units;
  groups->orgs_from_units = TRUE;
}

static void
find_orgs (MwGraph *graph,
           Groups  *groups)
{
  groups->org = g_new (guint, MAX (groups->n, 1));
  declared_orgs (graph, groups);
  inherit_along_reports (graph, groups);
  if (members_of_org_actors (graph, groups))
    inherit_along_reports (graph, groups);
  units_as_orgs (graph, groups);
}

static void
measure_boundary_spanning (MwGraph *graph,
                           Groups  *groups)
{
  guint spanners = 0;

  if (groups->n_orgs < 2)
    return;
  for (guint v = 0; v < groups->n; v++)
    {
      guint k;
      const guint *next = mw_graph_out (graph, MW_GRAPH_ALL, v, &k);
      gboolean spans = FALSE;

      for (guint i = 0; i < k && !spans && groups->org[v] != NONE; i++)
        spans = groups->org[next[i]] != NONE && groups->org[next[i]] != groups->org[v];
      spanners += spans;
    }
  groups->boundary_spanning = (double) spanners / groups->n;
}

/* --- groups ---------------------------------------------------------------- */

/* Every actor's unit label, numbered in id order; NONE for none. */
static void
unit_labels (MwGraph *graph,
             Groups  *groups,
             guint   *unit)
{
  g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_units = 0;

  for (guint r = 0; r < groups->n; r++)
    {
      guint v = groups->by_rank[r];
      MwActor *actor = actor_at (graph, v);

      unit[v] = actor->unit[0] != '\0' ? intern (units, actor->unit, &n_units) : NONE;
    }
}

/* Unit labels are a grouping when they cover at least half of the people,
 * make two groups or more, and most of those groups hold more than one
 * person: one unit per person (or a label on a few) says nothing about
 * who works together. @label: the (organisation, unit) of each actor. */
static gboolean
labels_group (MwGraph     *graph,
              Groups      *groups,
              const guint *unit,
              const guint *label)
{
  g_autofree guint *size = g_new0 (guint, MAX (groups->n, 1));
  guint n_people = 0, n_labelled = 0, n_units = 0, singles = 0;
  gboolean people_only = FALSE;

  for (guint v = 0; v < groups->n && !people_only; v++)
    people_only = actor_at (graph, v)->kind == MW_ACTOR_PERSON;
  for (guint v = 0; v < groups->n; v++)
    {
      if (people_only && actor_at (graph, v)->kind != MW_ACTOR_PERSON)
        continue;
      n_people++;
      if (unit[v] == NONE)
        continue;
      n_labelled++;
      n_units += size[label[v]]++ == 0;
    }
  for (guint g = 0; g < groups->n; g++)
    singles += size[g] == 1;

  return 2 * n_labelled >= n_people && n_units >= 2 && 2 * singles <= n_units;
}

/* Each tie weighs 1 + the neighbours its two ends share (its
 * embeddedness): a tie inside a close-knit group outweighs a bridge, so a
 * group's label does not leak across a bridge on an arbitrary tie break.
 * By the offset of the tie in the rows of MW_GRAPH_ALL. */
static guint *
tie_weights (MwGraph *graph,
             Groups  *groups,
             guint   *off)
{
  guint *weight;

  off[0] = 0;
  for (guint v = 0; v < groups->n; v++)
    {
      guint k;

      mw_graph_out (graph, MW_GRAPH_ALL, v, &k);
      off[v + 1] = off[v] + k;
    }
  weight = g_new (guint, MAX (off[groups->n], 1));
  for (guint v = 0; v < groups->n; v++)
    {
      guint kv, ku;
      const guint *mine = mw_graph_out (graph, MW_GRAPH_ALL, v, &kv);

      for (guint i = 0; i < kv; i++)
        {
          const guint *theirs = mw_graph_out (graph, MW_GRAPH_ALL, mine[i], &ku);
          /* the shorter row searched in the longer: a hub costs no more than its partner */
          const guint *shorter = kv <= ku ? mine : theirs, *longer = kv <= ku ? theirs : mine;
          guint n_shorter = MIN (kv, ku), n_longer = MAX (kv, ku), common = 0;

          for (guint j = 0; j < n_shorter; j++)
            common += mw_sorted_contains (longer, n_longer, shorter[j]);
          weight[off[v] + i] = 1 + common;
        }
    }

  return weight;
}

/* One round of asynchronous label propagation (Raghavan, Albert & Kumara
 * 2007), weighted by the ties' embeddedness, in structural @order: each
 * actor takes the label its neighbours carry with most weight, keeping its
 * own on a tie, else the smallest. Labels are positions in @order. */
static guint
propagation_round (MwGraph     *graph,
                   Groups      *groups,
                   const guint *order,
                   const guint *off,
                   const guint *weight,
                   guint       *label,
                   guint       *count,
                   guint       *seen)
{
  guint changed = 0;

  for (guint r = 0; r < groups->n; r++)
    {
      guint v = order[r], k, n_seen = 0, best = label[v], most = 0;
      const guint *next = mw_graph_out (graph, MW_GRAPH_ALL, v, &k);

      for (guint i = 0; i < k; i++)
        {
          if (count[label[next[i]]] == 0)
            seen[n_seen++] = label[next[i]];
          count[label[next[i]]] += weight[off[v] + i];
        }
      for (guint i = 0; i < n_seen; i++)
        most = MAX (most, count[seen[i]]);
      if (count[label[v]] < most)
        {
          best = G_MAXUINT;
          for (guint i = 0; i < n_seen; i++)
            if (count[seen[i]] == most)
              best = MIN (best, seen[i]);
        }
      for (guint i = 0; i < n_seen; i++)
        count[seen[i]] = 0;
      changed += best != label[v];
      label[v] = best;
    }

  return changed;
}

/* A 64-bit mix (splitmix64's finaliser): nearby inputs, far-apart outputs. */
static guint64
mix (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return x ^ (x >> 31);
}

typedef struct
{
  guint64 hash;
  guint   rank;
  guint   v;
} Keyed;

static int
compare_keyed (const void *a,
               const void *b)
{
  const Keyed *x = a, *y = b;

  if (x->hash != y->hash)
    return x->hash < y->hash ? -1 : 1;
  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The actors ordered by where they sit in the structure — a few rounds of
 * colour refinement (Weisfeiler & Leman 1968) hashed from the degrees —
 * and by id only among actors the structure does not tell apart. Walking
 * and breaking ties in id order let a renaming move a community's border
 * (issue 15's re-measure: a 6-partner partnership read 62 or 37). */
static guint *
structural_order (MwGraph *graph,
                  Groups  *groups)
{
  g_autofree guint64 *hash = g_new (guint64, MAX (groups->n, 1));
  g_autofree guint64 *next_hash = g_new (guint64, MAX (groups->n, 1));
  g_autofree Keyed *keyed = g_new (Keyed, MAX (groups->n, 1));
  guint *order = g_new (guint, MAX (groups->n, 1));

  for (guint v = 0; v < groups->n; v++)
    {
      guint k;

      mw_graph_out (graph, MW_GRAPH_ALL, v, &k);
      hash[v] = mix (k);
    }
  for (guint round = 0; round < REFINE_ROUNDS; round++)
    {
      for (guint v = 0; v < groups->n; v++)
        {
          guint k;
          const guint *next = mw_graph_out (graph, MW_GRAPH_ALL, v, &k);
          guint64 sum = 0;

          /* a sum: the neighbours' order does not matter */
          for (guint i = 0; i < k; i++)
            sum += mix (hash[next[i]] ^ G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));
          next_hash[v] = mix (hash[v] + sum);
        }
      memcpy (hash, next_hash, groups->n * sizeof *hash);
    }
  for (guint v = 0; v < groups->n; v++)
    keyed[v] = (Keyed) { hash[v], groups->rank[v], v };
  qsort (keyed, groups->n, sizeof (Keyed), compare_keyed);
  for (guint r = 0; r < groups->n; r++)
    order[r] = keyed[r].v;

  return order;
}

static void
find_communities (MwGraph *graph,
                  Groups  *groups,
                  guint   *label)
{
  g_autofree guint *count = g_new0 (guint, MAX (groups->n, 1));
  g_autofree guint *seen = g_new (guint, MAX (groups->n, 1));
  g_autofree guint *off = g_new (guint, groups->n + 1);
  g_autofree guint *weight = tie_weights (graph, groups, off);

  g_autofree guint *order = structural_order (graph, groups);

  for (guint r = 0; r < groups->n; r++)
    label[order[r]] = r;
  for (guint round = 0; round < MAX_ROUNDS; round++)
    if (propagation_round (graph, groups, order, off, weight, label, count, seen) == 0)
      break;
}

static void
find_groups (MwGraph *graph,
             Groups  *groups)
{
  g_autofree guint *unit = g_new (guint, MAX (groups->n, 1));

  groups->group = g_new (guint, MAX (groups->n, 1));
  unit_labels (graph, groups, unit);
  intern_pairs (groups, groups->org, unit, groups->group);
  groups->from_structure = !labels_group (graph, groups, unit, groups->group);
  if (groups->from_structure)
    find_communities (graph, groups, unit);
  groups->n_groups = intern_pairs (groups, groups->org, unit, groups->group);
}

static Groups *
get_groups (MwGraph *graph)
{
  Groups *groups = _mw_graph_get_extension (graph);

  if (groups != NULL)
    return groups;

  groups = g_new0 (Groups, 1);
  groups->n = mw_graph_get_n (graph);
  rank_by_id (graph, groups);
  find_orgs (graph, groups);
  measure_boundary_spanning (graph, groups);
  find_groups (graph, groups);
  _mw_graph_set_extension (graph, groups, groups_free);

  return groups;
}

/* --- public ---------------------------------------------------------------- */

guint
mw_graph_group (MwGraph *self,
                guint    v)
{
  g_return_val_if_fail (self != NULL && v < mw_graph_get_n (self), NONE);
  return get_groups (self)->group[v];
}

guint
mw_graph_n_groups (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return get_groups (self)->n_groups;
}

gboolean
mw_graph_groups_from_structure (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return get_groups (self)->from_structure;
}

guint
mw_graph_org (MwGraph *self,
              guint    v)
{
  g_return_val_if_fail (self != NULL && v < mw_graph_get_n (self), NONE);
  return get_groups (self)->org[v];
}

guint
mw_graph_n_orgs (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return get_groups (self)->n_orgs;
}

gboolean
mw_graph_orgs_from_units (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return get_groups (self)->orgs_from_units;
}

double
mw_graph_org_boundary_spanning (MwGraph *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return get_groups (self)->boundary_spanning;
}

double
mw_graph_ei_index (MwGraph *self,
                   guint   *n_external,
                   guint   *n_internal)
{
  Groups *groups;
  guint external = 0, internal = 0;

  g_return_val_if_fail (self != NULL, 0);

  groups = get_groups (self);
  for (guint v = 0; v < groups->n; v++)
    {
      guint k;
      const guint *next = mw_graph_out (self, MW_GRAPH_COLLABORATES, v, &k);

      for (guint i = 0; i < k; i++)
        if (next[i] > v)
          {
            if (groups->group[next[i]] == groups->group[v])
              internal++;
            else
              external++;
          }
    }
  if (n_external != NULL)
    *n_external = external;
  if (n_internal != NULL)
    *n_internal = internal;
  return external + internal > 0 ? ((double) external - internal) / (external + internal) : 0.0;
}

/* Whether @item is in @items, sorted ascending (a binary search): the
 * adjacency lists of a snapshot are sorted. */
gboolean
mw_sorted_contains (const guint *items,
                    guint        n,
                    guint        item)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (items[mid] == item)
        return TRUE;
      if (items[mid] < item)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}
