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

#include "mw-metrics.h"
#include "mw-overview.h"

struct _MwOverview
{
  GArray *groups;      /* MwOverviewGroup */
  guint  *actor_group; /* by actor index */
  GArray *links;       /* MwOverviewLink, in order of first appearance */
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

/* A group is called by its unit, else its organisation — as its members
 * are labelled — else after its best-connected member. */
static void
name_groups (MwOverview *self,
             MwNetwork  *network)
{
  for (guint g = 0; g < self->groups->len; g++)
    {
      MwOverviewGroup *group = &g_array_index (self->groups, MwOverviewGroup, g);
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
  self->actor_group = g_new0 (guint, MAX (mw_network_get_n_actors (network), 1));

  graph = mw_graph_new (network);
  collect_groups (self, network, graph);
  mw_graph_free (graph);
  name_groups (self, network);
  count_links (self, network);
  return self;
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
  g_return_val_if_fail (self != NULL, 0);
  return self->links->len;
}

const MwOverviewLink *
mw_overview_get_link (MwOverview *self,
                      guint       link)
{
  g_return_val_if_fail (self != NULL && link < self->links->len, NULL);
  return &g_array_index (self->links, MwOverviewLink, link);
}
