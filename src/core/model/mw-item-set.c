/* mw-item-set.c: a set of actors and ties that remembers their ids
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the canvas selects, highlights and marks. Items are found by
 * pointer, and each keeps its id beside it: after an undo or a batch the
 * network may hold new objects, and the set finds them again by id.
 */

#define G_LOG_DOMAIN "meshwork-model"

#include "config.h"

#include "mw-item-set.h"

struct _MwItemSet
{
  GHashTable *actors;   /* MwActor* → its id (owned): the id survives the actor */
  GHashTable *ties;     /* MwTie* → its id (owned) */
};

typedef gpointer (*LookupFunc) (MwNetwork *network, const char *id);

static GHashTable *
item_table_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* Re-finds every item of @table in @network by its id, dropping the gone. */
static gboolean
revalidate_table (GHashTable *table,
                  LookupFunc  lookup,
                  MwNetwork  *network)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer id;
  guint before = g_hash_table_size (table);

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &id))
    g_ptr_array_add (ids, g_strdup (id));

  g_hash_table_remove_all (table);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *item_id = g_ptr_array_index (ids, i);
      gpointer item = lookup (network, item_id);

      if (item != NULL)
        g_hash_table_insert (table, item, g_strdup (item_id));
    }

  return g_hash_table_size (table) != before;
}

static void
fill_table (GHashTable         *table,
            const char * const *ids,
            LookupFunc          lookup,
            MwNetwork          *network)
{
  g_hash_table_remove_all (table);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      gpointer item = lookup (network, ids[i]);

      if (item != NULL)
        g_hash_table_insert (table, item, g_strdup (ids[i]));
    }
}

static GPtrArray *
table_keys (GHashTable *table)
{
  GPtrArray *items = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (items, key);

  return items;
}

static int
compare_actor_index (gconstpointer a,
                     gconstpointer b)
{
  const MwActor *actor_a = *(MwActor **)a;
  const MwActor *actor_b = *(MwActor **)b;

  return (actor_a->index > actor_b->index) - (actor_a->index < actor_b->index);
}

/**
 * mw_item_set_new:
 *
 * Returns: (transfer full): an empty set
 */
MwItemSet *
mw_item_set_new (void)
{
  MwItemSet *self = g_new0 (MwItemSet, 1);

  self->actors = item_table_new ();
  self->ties = item_table_new ();

  return self;
}

/**
 * mw_item_set_copy_actors:
 *
 * Returns: (transfer full): a new set holding the actors of @self, no tie
 */
MwItemSet *
mw_item_set_copy_actors (const MwItemSet *self)
{
  MwItemSet *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = mw_item_set_new ();
  mw_item_set_add_actors_of (copy, self);

  return copy;
}

void
mw_item_set_free (MwItemSet *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->actors, g_hash_table_unref);
  g_clear_pointer (&self->ties, g_hash_table_unref);
  g_free (self);
}

void
mw_item_set_add_actor (MwItemSet *self,
                       MwActor   *actor)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (actor != NULL);

  g_hash_table_insert (self->actors, actor, g_strdup (actor->id));
}

void
mw_item_set_add_tie (MwItemSet *self,
                     MwTie     *tie)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (tie != NULL);

  g_hash_table_insert (self->ties, tie, g_strdup (tie->id));
}

/* Adds the actors of @other (not its ties) to @self. */
void
mw_item_set_add_actors_of (MwItemSet       *self,
                           const MwItemSet *other)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL);

  g_hash_table_iter_init (&iter, other->actors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->actors, key, g_strdup (value));
}

/* Returns: whether @actor was in the set */
gboolean
mw_item_set_remove_actor (MwItemSet     *self,
                          const MwActor *actor)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_remove (self->actors, actor);
}

/* Returns: whether @tie was in the set */
gboolean
mw_item_set_remove_tie (MwItemSet   *self,
                        const MwTie *tie)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_remove (self->ties, tie);
}

/* Returns: whether @actor is in the set afterwards */
gboolean
mw_item_set_toggle_actor (MwItemSet *self,
                          MwActor   *actor)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (actor != NULL, FALSE);

  if (g_hash_table_remove (self->actors, actor))
    return FALSE;

  mw_item_set_add_actor (self, actor);
  return TRUE;
}

void
mw_item_set_clear (MwItemSet *self)
{
  g_return_if_fail (self != NULL);

  g_hash_table_remove_all (self->actors);
  g_hash_table_remove_all (self->ties);
}

void
mw_item_set_clear_ties (MwItemSet *self)
{
  g_return_if_fail (self != NULL);
  g_hash_table_remove_all (self->ties);
}

/**
 * mw_item_set_replace:
 * @actor_ids: (nullable): ids of the actors the set holds from now on
 * @tie_ids: (nullable): ids of the ties
 *
 * Makes @self hold the items of @network with these ids; ids that are not
 * in @network are skipped.
 */
void
mw_item_set_replace (MwItemSet          *self,
                     MwNetwork          *network,
                     const char * const *actor_ids,
                     const char * const *tie_ids)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (MW_IS_NETWORK (network));

  fill_table (self->actors, actor_ids, (LookupFunc)mw_network_lookup_actor, network);
  fill_table (self->ties, tie_ids, (LookupFunc)mw_network_lookup_tie, network);
}

/**
 * mw_item_set_revalidate:
 *
 * Finds each item again in @network by its id, for when the network may
 * hold new objects (after a batch); items no longer there are dropped.
 *
 * Returns: whether the set lost an item
 */
gboolean
mw_item_set_revalidate (MwItemSet *self,
                        MwNetwork *network)
{
  gboolean lost;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MW_IS_NETWORK (network), FALSE);

  lost = revalidate_table (self->actors, (LookupFunc)mw_network_lookup_actor, network);
  lost |= revalidate_table (self->ties, (LookupFunc)mw_network_lookup_tie, network);

  return lost;
}

gboolean
mw_item_set_contains_actor (const MwItemSet *self,
                            const MwActor   *actor)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->actors, actor);
}

gboolean
mw_item_set_contains_tie (const MwItemSet *self,
                          const MwTie     *tie)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->ties, tie);
}

guint
mw_item_set_get_n_actors (const MwItemSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->actors);
}

guint
mw_item_set_get_n_ties (const MwItemSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->ties);
}

gboolean
mw_item_set_is_empty (const MwItemSet *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return g_hash_table_size (self->actors) == 0 && g_hash_table_size (self->ties) == 0;
}

/**
 * mw_item_set_list_actors:
 *
 * Returns: (transfer container) (element-type MwActor): the actors, in
 *   network order
 */
GPtrArray *
mw_item_set_list_actors (const MwItemSet *self)
{
  GPtrArray *actors;

  g_return_val_if_fail (self != NULL, NULL);

  actors = table_keys (self->actors);
  g_ptr_array_sort (actors, compare_actor_index);
  return actors;
}

/**
 * mw_item_set_list_ties:
 *
 * Returns: (transfer container) (element-type MwTie): the ties, in no
 *   particular order
 */
GPtrArray *
mw_item_set_list_ties (const MwItemSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return table_keys (self->ties);
}

/**
 * mw_item_set_get_actor_table:
 *
 * Returns: (transfer none): actor → id, read only: what MwView takes
 */
GHashTable *
mw_item_set_get_actor_table (const MwItemSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->actors;
}

/**
 * mw_item_set_get_tie_table:
 *
 * Returns: (transfer none): tie → id, read only: what MwView takes
 */
GHashTable *
mw_item_set_get_tie_table (const MwItemSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->ties;
}

/* The set must not change while @iter walks it. */
void
mw_item_set_iter_init_actors (MwItemSetIter   *iter,
                              const MwItemSet *self)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (self != NULL);

  g_hash_table_iter_init (&iter->iter, self->actors);
}

void
mw_item_set_iter_init_ties (MwItemSetIter   *iter,
                            const MwItemSet *self)
{
  g_return_if_fail (iter != NULL);
  g_return_if_fail (self != NULL);

  g_hash_table_iter_init (&iter->iter, self->ties);
}

/**
 * mw_item_set_iter_next:
 * @item: (out) (optional): the actor or tie
 * @id: (out) (optional): its id, which stays valid while it is in the set
 *
 * Returns: %FALSE when every item has been seen
 */
gboolean
mw_item_set_iter_next (MwItemSetIter  *iter,
                       gpointer       *item,
                       const char    **id)
{
  gpointer value;

  g_return_val_if_fail (iter != NULL, FALSE);

  if (!g_hash_table_iter_next (&iter->iter, item, &value))
    return FALSE;
  if (id != NULL)
    *id = value;
  return TRUE;
}
