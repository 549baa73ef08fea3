/* mw-network-copy.c: deep copies of a network, and whether two networks are the same
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <string.h>

#include "mw-actor-match.h"
#include "mw-network-private.h"

static void
copy_string_table (GHashTable *dest,
                   GHashTable *src)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, src);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (dest, g_strdup (key), g_strdup (value));
}

/* Empty attribute tables are the one shared empty table, as in the model. */
static GHashTable *
copy_attrs (GHashTable *src)
{
  GHashTable *dst = _mw_string_table_shared_empty ();

  if (g_hash_table_size (src) > 0)
    copy_string_table (_mw_string_table_writable (&dst), src);
  return dst;
}

static MwActor *
copy_actor (const MwActor *src)
{
  MwActor *dst = g_new0 (MwActor, 1);

  /* shared, not copied: a copy costs no more for long values */
  dst->id = g_ref_string_acquire (src->id);
  dst->label = g_ref_string_acquire (src->label);
  dst->org = g_ref_string_acquire (src->org);
  dst->unit = g_ref_string_acquire (src->unit);
  dst->notes = g_ref_string_acquire (src->notes);
  dst->kind = src->kind;
  dst->x = src->x;
  dst->y = src->y;
  dst->purpose = src->purpose;
  dst->initiative = src->initiative;
  dst->pinned = src->pinned;
  dst->has_position = src->has_position;
  dst->index = src->index;
  dst->attrs = copy_attrs (src->attrs);
  return dst;
}

/* One actor's ties, grouped and ordered as in @src, pointing at the copies. */
static void
copy_adjacency (MwActor       *dst,
                const MwActor *src,
                GPtrArray     *ties)
{
  guint n = src->adjacency_ends[2 * MW_N_TIE_TYPES - 1];

  memcpy (dst->adjacency_ends, src->adjacency_ends, sizeof dst->adjacency_ends);
  dst->adjacency_alloc = n;
  dst->adjacency = n > 0 ? g_new (MwTie *, n) : NULL;
  for (guint i = 0; i < n; i++)
    dst->adjacency[i] = g_ptr_array_index (ties, src->adjacency[i]->index);
}

static void
copy_actors_and_ties (MwNetwork *copy,
                      MwNetwork *self)
{
  GHashTableIter iter;
  gpointer key, value;

  /* Sized once: the slots are filled in order below. */
  g_ptr_array_set_size (copy->actors, self->actors->len);
  g_ptr_array_set_size (copy->ties, self->ties->len);
  for (guint i = 0; i < self->actors->len; i++)
    {
      MwActor *actor = copy_actor (g_ptr_array_index (self->actors, i));

      copy->actors->pdata[i] = actor;
      g_hash_table_insert (copy->actors_by_id, actor->id, actor);
    }
  for (guint i = 0; i < self->ties->len; i++)
    {
      const MwTie *src = g_ptr_array_index (self->ties, i);
      MwTie *dst = g_new0 (MwTie, 1);

      dst->id = g_strdup (src->id);
      dst->from = g_ptr_array_index (copy->actors, src->from->index);
      dst->to = g_ptr_array_index (copy->actors, src->to->index);
      dst->type = src->type;
      dst->weight = src->weight;
      dst->index = src->index;
      dst->attrs = copy_attrs (src->attrs);
      copy->ties->pdata[i] = dst;
    }
  for (guint i = 0; i < self->actors->len; i++)
    {
      const MwActor *src = g_ptr_array_index (self->actors, i);
      MwActor *dst = g_ptr_array_index (copy->actors, i);

      copy_adjacency (dst, src, copy->ties);
    }
  g_hash_table_iter_init (&iter, self->tie_id_next);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->tie_id_next, g_strdup (key), value);
}

/**
 * mw_network_copy:
 *
 * Returns: (transfer full): a deep copy, with the same ids and order; for
 *   scoring in another thread or previewing a change without touching @self
 */
MwNetwork *
mw_network_copy (MwNetwork *self)
{
  MwNetwork *copy;

  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);

  copy = mw_network_new ();
  /* indexed when first asked (_mw_network_tie_index()) */
  g_clear_pointer (&copy->ties_by_id, g_hash_table_unref);
  mw_set_str (&copy->name, self->name);
  copy->directed = self->directed;
  copy_string_table (copy->attrs, self->attrs);
  copy_string_table (copy->node_defaults, self->node_defaults);
  copy_string_table (copy->edge_defaults, self->edge_defaults);
  copy->strict = self->strict;
  copy->has_meshwork_attributes = self->has_meshwork_attributes;
  for (guint i = 0; i < self->subgraphs->len; i++)
    g_ptr_array_add (copy->subgraphs, mw_subgraph_copy (g_ptr_array_index (self->subgraphs, i)));
  for (guint i = 0; i < self->lossy->len; i++)
    g_ptr_array_add (copy->lossy, g_strdup (g_ptr_array_index (self->lossy, i)));

  /* Built directly, not through mw_network_add_actor() and _add_tie():
   * the ids are known to be valid and unique, and nobody listens to the
   * copy yet. At 100,000 actors this is the scorer's cost on the UI thread. */
  copy_actors_and_ties (copy, self);
  copy->generation = self->generation;

  return copy;
}

/* Gives @dst every field of @src but its id, index and ties. */
static void
update_actor (MwActor       *dst,
              const MwActor *src)
{
  _mw_ref_string_share (&dst->label, src->label);
  _mw_ref_string_share (&dst->org, src->org);
  _mw_ref_string_share (&dst->unit, src->unit);
  _mw_ref_string_share (&dst->notes, src->notes);
  dst->kind = src->kind;
  dst->x = src->x;
  dst->y = src->y;
  dst->purpose = src->purpose;
  dst->initiative = src->initiative;
  dst->pinned = src->pinned;
  dst->has_position = src->has_position;
  g_hash_table_unref (dst->attrs);
  dst->attrs = copy_attrs (src->attrs);
}

/**
 * mw_network_copy_update:
 * @copy: an earlier mw_network_copy() of @self
 * @actor_ids: (element-type utf8 utf8): the ids of the actors that were
 *   added, changed or removed since (only the keys are read)
 * @tie_ids: (element-type utf8 utf8): the same for ties
 *
 * Brings @copy up to date with @self, where it differs only in those
 * actors and ties: what is gone goes, what is new comes, what changed is
 * copied again. The actors and ties may then stand in another order than
 * in @self; mw_network_equal() says the two are the same. Ids must not
 * have been renamed: then take a new copy.
 */
void
mw_network_copy_update (MwNetwork  *copy,
                        MwNetwork  *self,
                        GHashTable *actor_ids,
                        GHashTable *tie_ids)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (MW_IS_NETWORK (copy) && MW_IS_NETWORK (self));

  /* Out with every tie that changed: the ones still there come back below. */
  g_hash_table_iter_init (&iter, tie_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      MwTie *tie = g_hash_table_lookup (_mw_network_tie_index (copy), key);

      if (tie != NULL)
        mw_network_remove_tie (copy, tie);
    }

  g_hash_table_iter_init (&iter, actor_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const MwActor *src = g_hash_table_lookup (self->actors_by_id, key);
      MwActor *dst = g_hash_table_lookup (copy->actors_by_id, key);

      if (src == NULL && dst != NULL)
        mw_network_remove_actor (copy, dst);
      else if (src != NULL)
        {
          if (dst == NULL)
            dst = mw_network_add_actor (copy, src->id, NULL, src->kind, NULL);
          update_actor (dst, src);
        }
    }

  g_hash_table_iter_init (&iter, tie_ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const MwTie *src = g_hash_table_lookup (_mw_network_tie_index (self), key);
      MwTie *dst;

      if (src == NULL)
        continue;
      dst = mw_network_add_tie (copy, g_hash_table_lookup (copy->actors_by_id, src->from->id),
                                g_hash_table_lookup (copy->actors_by_id, src->to->id),
                                src->type, src->weight, src->id);
      g_hash_table_unref (dst->attrs);
      dst->attrs = copy_attrs (src->attrs);
    }

  copy->generation = self->generation;
}

static char *
describe_actor_difference (const MwActor *a,
                           const MwActor *b)
{
  MwField fields = mw_actor_diff (a, b, 0.01);

  if (fields & MW_FIELD_LABEL)
    return g_strdup_printf ("actor %s: label “%s” ≠ “%s”", a->id, a->label, b->label);
  if (fields & MW_FIELD_KIND)
    return g_strdup_printf ("actor %s: kind differs", a->id);
  if (fields & MW_FIELD_ORG)
    return g_strdup_printf ("actor %s: organisation “%s” ≠ “%s”", a->id, a->org, b->org);
  if (fields & MW_FIELD_UNIT)
    return g_strdup_printf ("actor %s: unit “%s” ≠ “%s”", a->id, a->unit, b->unit);
  if (fields & MW_FIELD_NOTES)
    return g_strdup_printf ("actor %s: notes differ", a->id);
  if (fields & (MW_FIELD_PURPOSE | MW_FIELD_INITIATIVE | MW_FIELD_PINNED))
    return g_strdup_printf ("actor %s: flags differ", a->id);
  if (fields & MW_FIELD_POSITION)
    return g_strdup_printf ("actor %s: position (%g, %g) ≠ (%g, %g)",
                            a->id, a->x, a->y, b->x, b->y);
  if (fields & MW_FIELD_ATTRS)
    return g_strdup_printf ("actor %s: other attributes differ", a->id);

  return NULL;
}

/* Ties are matched by (from, to, type, weight, attrs) as a multiset, not by
 * id: generated ids depend on the order a file lists its edges in. */
static char *
tie_signature (const MwTie *tie)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GString *sig = g_string_new (NULL);

  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, tie->attrs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, _mw_compare_strings_indirect);
  g_string_printf (sig, "%s\x1f%s\x1f%s\x1f%.6g",
                   tie->from->id, tie->to->id,
                   mw_tie_type_to_string (tie->type), tie->weight);
  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_string_append_printf (sig, "\x1f%s=%s", key,
                              (const char *)g_hash_table_lookup (tie->attrs, key));
    }

  return g_string_free (sig, FALSE);
}

static GHashTable *
count_tie_signatures (MwNetwork *self)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->ties->len; i++)
    {
      char *sig = tie_signature (g_ptr_array_index (self->ties, i));
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, sig));

      g_hash_table_insert (counts, sig, GUINT_TO_POINTER (n + 1));
    }

  return counts;
}

static char *
describe_tie_difference (MwNetwork *a,
                         MwNetwork *b)
{
  g_autoptr(GHashTable) counts_a = count_tie_signatures (a);
  g_autoptr(GHashTable) counts_b = count_tie_signatures (b);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, counts_a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_lookup (counts_b, key) != value)
        {
          g_autofree char *readable = g_strdelimit (g_strdup (key), "\x1f", ' ');
          return g_strdup_printf ("tie “%s” appears %u time(s) in one network and %u in the other",
                                  readable, GPOINTER_TO_UINT (value),
                                  GPOINTER_TO_UINT (g_hash_table_lookup (counts_b, key)));
        }
    }

  return NULL;
}

/**
 * mw_network_equal:
 * @difference: (out) (optional) (transfer full): the first difference found
 *
 * Compares two networks as Meshwork sees them: actors by id with every
 * field, ties as a multiset, graph attributes. Order does not matter.
 */
gboolean
mw_network_equal (MwNetwork  *a,
                  MwNetwork  *b,
                  char      **difference)
{
  char *diff = NULL;

  g_return_val_if_fail (MW_IS_NETWORK (a) && MW_IS_NETWORK (b), FALSE);

  if (a->actors->len != b->actors->len)
    diff = g_strdup_printf ("%u actors ≠ %u actors", a->actors->len, b->actors->len);
  else if (a->ties->len != b->ties->len)
    diff = g_strdup_printf ("%u ties ≠ %u ties", a->ties->len, b->ties->len);
  else if (!mw_attrs_equal (a->attrs, b->attrs))
    diff = g_strdup ("graph attributes differ");

  for (guint i = 0; diff == NULL && i < a->actors->len; i++)
    {
      const MwActor *actor_a = g_ptr_array_index (a->actors, i);
      const MwActor *actor_b = g_hash_table_lookup (b->actors_by_id, actor_a->id);

      if (actor_b == NULL)
        diff = g_strdup_printf ("actor %s is missing", actor_a->id);
      else
        diff = describe_actor_difference (actor_a, actor_b);
    }

  if (diff == NULL)
    diff = describe_tie_difference (a, b);

  if (difference != NULL)
    *difference = diff;
  else
    g_free (diff);

  return diff == NULL;
}
