/* mw-overview.c: a large network summed up as its groups and the ties between them
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a map of the organisation shows when people are too small to see:
 * the groups the scores read (units and organisations when drawn, groups
 * found in the structure when not — mw_graph_group(), one rule for both)
 * and, per pair of groups, how many ties of each type join them. Linear in
 * the network's size; the renderer places and draws it. */

#define G_LOG_DOMAIN "meshwork-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "mw-metrics.h"
#include "mw-overview.h"

struct _MwOverview
{
  GArray   *groups;      /* MwOverviewGroup */
  guint    *actor_group; /* by actor index */
  guint     n_actors;
  GArray   *links;       /* MwOverviewLink, in order of first appearance */
  gboolean  links_stale; /* actors moved since they were counted */
};

static void
clear_group (gpointer data)
{
  MwOverviewGroup *group = data;

  g_free (group->name);
  g_free (group->org);
}

static guint
actor_degree (MwActor *actor)
{
  guint degree = 0;

  for (guint type = 0; type < MW_N_TIE_TYPES; type++)
    degree += mw_actor_n_out (actor, type) + mw_actor_n_in (actor, type);
  return degree;
}

/* A group is called by its unit, else its organisation — as its members
 * are labelled — else after its best-connected member. */
static void
name_group (MwOverviewGroup *group,
            MwNetwork       *network)
{
  MwActor *hub = mw_network_get_actor (network, group->hub);

  group->org = g_strdup (hub->org);
  if (hub->unit[0] != '\0')
    group->name = g_strdup (hub->unit);
  else if (hub->org[0] != '\0')
    group->name = g_strdup (hub->org);
  else
    /* Translators: a group found in the network's structure, named after its best-connected person */
    group->name = g_strdup_printf (_("Around %s"), hub->label);
}

/* Dense group numbers in order of first member, with their sizes and hubs. */
static void
collect_groups (MwOverview *self,
                MwNetwork  *network,
                MwGraph    *graph)
{
  guint n = mw_network_get_n_actors (network);
  g_autoptr(GHashTable) dense = g_hash_table_new (NULL, NULL);
  g_autofree guint *hub_degree = NULL;

  for (guint v = 0; v < n; v++)
    {
      gpointer key = GUINT_TO_POINTER (mw_graph_group (graph, v) + 1);
      gpointer found;

      if (!g_hash_table_lookup_extended (dense, key, NULL, &found))
        {
          MwOverviewGroup group = { 0 };

          found = GUINT_TO_POINTER (self->groups->len);
          group.hub = v;
          g_array_append_val (self->groups, group);
          g_hash_table_insert (dense, key, found);
        }
      self->actor_group[v] = GPOINTER_TO_UINT (found);
    }

  hub_degree = g_new0 (guint, MAX (self->groups->len, 1));
  for (guint v = 0; v < n; v++)
    {
      MwOverviewGroup *group = &g_array_index (self->groups, MwOverviewGroup, self->actor_group[v]);
      guint degree = actor_degree (mw_network_get_actor (network, v));

      group->n_actors++;
      if (degree > hub_degree[self->actor_group[v]])
        {
          hub_degree[self->actor_group[v]] = degree;
          group->hub = v;
        }
    }
}

static void
name_groups (MwOverview *self,
             MwNetwork  *network)
{
  for (guint g = 0; g < self->groups->len; g++)
    name_group (&g_array_index (self->groups, MwOverviewGroup, g), network);
}

/* Groups up to this many count their pairs in a square table: hashing a
 * key per tie took a fifth of a 100,000-person map. */
#define DENSE_PAIRS_MAX_GROUPS 1024

/* The link of groups @a < @b, made when first asked for. */
static MwOverviewLink *
pair_link (MwOverview *self,
           GHashTable *pairs,
           guint      *dense,
           guint       a,
           guint       b)
{
  guint n_groups = self->groups->len, link;

  if (dense != NULL)
    {
      guint *slot = &dense[(gsize)a * n_groups + b];   /* link + 1 */

      if (*slot == 0)
        {
          MwOverviewLink fresh = { a, b, { 0 }, 0 };

          g_array_append_val (self->links, fresh);
          *slot = self->links->len;
        }
      link = *slot - 1;
    }
  else
    {
      gint64 key = ((gint64)a << 32) | b;
      gpointer found;

      if (!g_hash_table_lookup_extended (pairs, &key, NULL, &found))
        {
          MwOverviewLink fresh = { a, b, { 0 }, 0 };

          found = GUINT_TO_POINTER (self->links->len);
          g_array_append_val (self->links, fresh);
          g_hash_table_insert (pairs, g_memdup2 (&key, sizeof key), found);
        }
      link = GPOINTER_TO_UINT (found);
    }
  return &g_array_index (self->links, MwOverviewLink, link);
}

static void
count_links (MwOverview *self,
             MwNetwork  *network)
{
  guint n_groups = self->groups->len, n_ties = mw_network_get_n_ties (network);
  g_autofree guint *dense = NULL;
  g_autoptr(GHashTable) pairs = NULL;

  if (n_groups <= DENSE_PAIRS_MAX_GROUPS)
    dense = g_new0 (guint, MAX ((gsize)n_groups * n_groups, 1));
  else
    pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_array_set_size (self->links, 0);
  self->links_stale = FALSE;
  for (guint i = 0; i < n_ties; i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      guint a = self->actor_group[tie->from->index];
      guint b = self->actor_group[tie->to->index];
      MwOverviewLink *link;

      if (a == b)
        continue;
      link = pair_link (self, pairs, dense, MIN (a, b), MAX (a, b));
      link->count[tie->type]++;
      link->total++;
    }
}

/**
 * mw_overview_new:
 * @network: the network; only read
 *
 * Returns: (transfer full): its groups and the ties between them
 */
MwOverview *
mw_overview_new (MwNetwork *network)
{
  MwOverview *self;
  MwGraph *graph;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  self = g_new0 (MwOverview, 1);
  self->groups = g_array_new (FALSE, FALSE, sizeof (MwOverviewGroup));
  g_array_set_clear_func (self->groups, clear_group);
  self->links = g_array_new (FALSE, FALSE, sizeof (MwOverviewLink));
  self->n_actors = mw_network_get_n_actors (network);
  self->actor_group = g_new0 (guint, MAX (self->n_actors, 1));

  graph = mw_graph_new (network);
  collect_groups (self, network, graph);
  mw_graph_free (graph);
  name_groups (self, network);
  count_links (self, network);
  return self;
}

/* --- following edits -------------------------------------------------------- */

/* Whether @v is a better hub than @hub: more ties, or as many and before it
 * (collect_groups() keeps the first of the best connected). */
static gboolean
better_hub (MwNetwork *network,
            guint      v,
            guint      hub)
{
  guint dv = actor_degree (mw_network_get_actor (network, v));
  guint dh = actor_degree (mw_network_get_actor (network, hub));

  return dv > dh || (dv == dh && v < hub);
}

/* The hubs again, from all members: of group @only, or of every group
 * (G_MAXUINT). */
static void
find_hubs (MwOverview *self,
           MwNetwork  *network,
           guint       only)
{
  g_autofree guint *best = g_new0 (guint, MAX (self->groups->len, 1));
  g_autofree gboolean *any = g_new0 (gboolean, MAX (self->groups->len, 1));

  for (guint v = 0; v < self->n_actors; v++)
    {
      guint g = self->actor_group[v], degree;

      if (only != G_MAXUINT && g != only)
        continue;
      degree = actor_degree (mw_network_get_actor (network, v));
      if (!any[g] || degree > best[g])
        {
          best[g] = degree;
          g_array_index (self->groups, MwOverviewGroup, g).hub = v;
          any[g] = TRUE;
        }
    }
}

static int
compare_guint64 (const void *a,
                 const void *b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

/* The groups as collect_groups() numbers them: in order of their first
 * member, none empty; and their sizes. */
static void
renumber (MwOverview *self)
{
  guint n_groups = self->groups->len, kept = 0, last = 0;
  g_autofree guint *first = g_new (guint, MAX (n_groups, 1));
  g_autofree guint *count = g_new0 (guint, MAX (n_groups, 1));
  g_autofree guint64 *order = NULL;
  g_autofree guint *renumbered = NULL;
  g_autofree MwOverviewGroup *old = NULL;
  gboolean in_order = TRUE;

  for (guint v = 0; v < self->n_actors; v++)
    if (count[self->actor_group[v]]++ == 0)
      first[self->actor_group[v]] = v;
  for (guint g = 0; g < n_groups; g++)
    {
      g_array_index (self->groups, MwOverviewGroup, g).n_actors = count[g];
      if (count[g] == 0 || (kept > 0 && first[g] < last))
        in_order = FALSE;
      if (count[g] > 0)
        last = first[g], kept++;
    }
  if (in_order)
    return;

  order = g_new (guint64, MAX (kept, 1));
  kept = 0;
  for (guint g = 0; g < n_groups; g++)
    if (count[g] > 0)
      order[kept++] = ((guint64) first[g] << 32) | g;
  qsort (order, kept, sizeof *order, compare_guint64);
  old = g_memdup2 (self->groups->data, n_groups * sizeof *old);
  renumbered = g_new (guint, MAX (n_groups, 1));
  for (guint i = 0; i < kept; i++)
    {
      guint g = (guint) (order[i] & G_MAXUINT32);

      g_array_index (self->groups, MwOverviewGroup, i) = old[g];
      renumbered[g] = i;
    }
  for (guint g = 0; g < n_groups; g++)
    if (count[g] == 0)
      clear_group (&old[g]);
  /* the groups kept moved, the empty ones are cleared: drop the tail as is */
  g_array_set_clear_func (self->groups, NULL);
  g_array_set_size (self->groups, kept);
  g_array_set_clear_func (self->groups, clear_group);
  for (guint v = 0; v < self->n_actors; v++)
    self->actor_group[v] = renumbered[self->actor_group[v]];
}

/* Puts @v into the group labelled as it is (its unit, else its
 * organisation, and its organisation), a new one at the end when none is,
 * and makes it that group's hub if it is the better one. */
static void
place (MwOverview *self,
       MwNetwork  *network,
       guint       v)
{
  MwActor *actor = mw_network_get_actor (network, v);
  const char *name = actor->unit[0] != '\0' ? actor->unit : actor->org;
  MwOverviewGroup fresh = { NULL, NULL, 0, v };

  for (guint g = 0; name[0] != '\0' && g < self->groups->len; g++)
    {
      MwOverviewGroup *group = &g_array_index (self->groups, MwOverviewGroup, g);

      if (strcmp (group->name, name) == 0 && strcmp (group->org, actor->org) == 0)
        {
          self->actor_group[v] = g;
          if (group->n_actors == 0 || better_hub (network, v, group->hub))
            group->hub = v;
          group->n_actors++;
          return;
        }
    }
  name_group (&fresh, network);
  fresh.n_actors = 1;
  self->actor_group[v] = self->groups->len;
  g_array_append_val (self->groups, fresh);
}

/**
 * mw_overview_move_actor:
 * @network: the network, after @actor's unit or organisation changed
 * @actor: the actor's index
 *
 * Follows a change of an actor's labels in an overview whose groups are
 * the pairs of organisation and unit — as mw_graph_group() makes them when
 * the units say who works together; the caller knows that they are, before
 * and after. The actor joins the group labelled as it now is (a new one
 * when none is), and the groups are what mw_overview_new() makes: their
 * order, sizes, hubs and names. The links may not be read until
 * mw_overview_count_links() counts them again.
 */
void
mw_overview_move_actor (MwOverview *self,
                        MwNetwork  *network,
                        guint       actor)
{
  guint from;
  gboolean lost_hub;

  g_return_if_fail (self != NULL && MW_IS_NETWORK (network));
  g_return_if_fail (actor < self->n_actors && self->n_actors == mw_network_get_n_actors (network));

  from = self->actor_group[actor];
  lost_hub = g_array_index (self->groups, MwOverviewGroup, from).hub == actor;
  g_array_index (self->groups, MwOverviewGroup, from).n_actors--;
  place (self, network, actor);
  if (self->actor_group[actor] == from)
    return;
  if (lost_hub)
    find_hubs (self, network, from);
  renumber (self);
  self->links_stale = TRUE;
}

/**
 * mw_overview_add_actor:
 * @network: the network, after it added an actor (its last)
 *
 * Follows an actor added to an overview whose groups are the pairs of
 * organisation and unit, as mw_overview_move_actor() does. Its links stay
 * as they are: it has no ties yet.
 */
void
mw_overview_add_actor (MwOverview *self,
                       MwNetwork  *network)
{
  g_return_if_fail (self != NULL && MW_IS_NETWORK (network));
  g_return_if_fail (self->n_actors + 1 == mw_network_get_n_actors (network));

  self->actor_group = g_renew (guint, self->actor_group, self->n_actors + 1);
  self->n_actors++;
  /* last of all: no group comes before another it did not come before */
  place (self, network, self->n_actors - 1);
}

/**
 * mw_overview_remove_actor:
 * @network: the network, after it removed the actor with index @actor (and
 *   its ties) and moved its last actor into that index
 * @actor: the removed actor's index
 *
 * Follows an actor removed from an overview whose groups are the pairs of
 * organisation and unit, as mw_overview_move_actor() does, links included.
 * Linear in the actors.
 */
void
mw_overview_remove_actor (MwOverview *self,
                          MwNetwork  *network,
                          guint       actor)
{
  guint last;

  g_return_if_fail (self != NULL && MW_IS_NETWORK (network));
  g_return_if_fail (actor < self->n_actors && self->n_actors == mw_network_get_n_actors (network) + 1);

  last = self->n_actors - 1;
  /* the last actor now has the removed one's index */
  self->actor_group[actor] = self->actor_group[last];
  self->n_actors--;
  /* its ties went too: any group's best connected may have changed */
  find_hubs (self, network, G_MAXUINT);
  renumber (self);
  self->links_stale = TRUE;
}

/**
 * mw_overview_count_links:
 * @network: the network the overview follows
 *
 * Counts the ties between the groups again, as mw_overview_new() does.
 */
void
mw_overview_count_links (MwOverview *self,
                         MwNetwork  *network)
{
  g_return_if_fail (self != NULL && MW_IS_NETWORK (network));
  g_return_if_fail (self->n_actors == mw_network_get_n_actors (network));

  count_links (self, network);
}

/**
 * mw_overview_copy:
 *
 * Returns: (transfer full): a copy of @self, which another thread may read
 */
MwOverview *
mw_overview_copy (MwOverview *self)
{
  MwOverview *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (MwOverview, 1);
  copy->groups = g_array_sized_new (FALSE, FALSE, sizeof (MwOverviewGroup), self->groups->len);
  g_array_set_clear_func (copy->groups, clear_group);
  for (guint g = 0; g < self->groups->len; g++)
    {
      MwOverviewGroup group = g_array_index (self->groups, MwOverviewGroup, g);

      group.name = g_strdup (group.name);
      group.org = g_strdup (group.org);
      g_array_append_val (copy->groups, group);
    }
  copy->n_actors = self->n_actors;
  copy->actor_group = g_memdup2 (self->actor_group, MAX (self->n_actors, 1) * sizeof (guint));
  copy->links = g_array_copy (self->links);
  copy->links_stale = self->links_stale;
  return copy;
}

void
mw_overview_free (MwOverview *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->groups);
  g_array_unref (self->links);
  g_free (self->actor_group);
  g_free (self);
}

guint
mw_overview_get_n_groups (MwOverview *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->groups->len;
}

const MwOverviewGroup *
mw_overview_get_group (MwOverview *self,
                       guint       group)
{
  g_return_val_if_fail (self != NULL && group < self->groups->len, NULL);
  return &g_array_index (self->groups, MwOverviewGroup, group);
}

guint
mw_overview_get_actor_group (MwOverview *self,
                             guint       actor)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->actor_group[actor];
}

guint
mw_overview_get_n_links (MwOverview *self)
{
  g_return_val_if_fail (self != NULL && !self->links_stale, 0);
  return self->links->len;
}

const MwOverviewLink *
mw_overview_get_link (MwOverview *self,
                      guint       link)
{
  g_return_val_if_fail (self != NULL && !self->links_stale && link < self->links->len, NULL);
  return &g_array_index (self->links, MwOverviewLink, link);
}
