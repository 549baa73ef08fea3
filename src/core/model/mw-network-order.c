/* mw-network-order.c: a copy's actors and ties put back in its source's order
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * mw_network_copy_update() swap-removes, so afterwards the copy may hold
 * its actors and ties in another order than the network it follows. Whoever
 * reads the copy by index beside the network (the canvas's tile worker,
 * whose geometry is the UI renderer's, by index) puts them back here: one
 * walk comparing ids, and a lookup only where they differ.
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <string.h>

#include "mw-network-order.h"
#include "mw-network-private.h"

/* Copies share most ids with their source (GRefStrings): a pointer first. */
static inline gboolean
same_id (const char *a,
         const char *b)
{
  return a == b || strcmp (a, b) == 0;
}

static void
swap_items (GPtrArray *array,
            guint      a,
            guint      b,
            gsize      index_offset)
{
  gpointer item = array->pdata[a];

  array->pdata[a] = array->pdata[b];
  array->pdata[b] = item;
  G_STRUCT_MEMBER (guint, array->pdata[a], index_offset) = a;
  G_STRUCT_MEMBER (guint, array->pdata[b], index_offset) = b;
}

/* Puts @copy's items in @source's order. Each swap puts one item where it
 * belongs for good, so the cost beyond the walk is one lookup per item
 * out of place. Returns: FALSE (and changes nothing more) when an id of
 * @source is missing from @copy. */
static gboolean
match_array (GPtrArray  *copy,
             GPtrArray  *source,
             GHashTable *copy_by_id,
             gsize       id_offset,
             gsize       index_offset)
{
  for (guint i = 0; i < source->len; i++)
    {
      const char *want = G_STRUCT_MEMBER (const char *, source->pdata[i], id_offset);
      gpointer found;

      if (same_id (G_STRUCT_MEMBER (const char *, copy->pdata[i], id_offset), want))
        continue;
      found = g_hash_table_lookup (copy_by_id, want);
      if (found == NULL)
        return FALSE;
      swap_items (copy, i, G_STRUCT_MEMBER (guint, found, index_offset), index_offset);
    }
  return TRUE;
}

/**
 * mw_network_copy_match_order:
 * @copy: a copy of @self, brought up to date (mw_network_copy_update())
 *
 * Puts @copy's actors and ties in the order they have in @self, with their
 * index fields to match, so that the same index is the same actor or tie
 * in both. The two must hold the same actor and tie ids. The ties each
 * actor lists (mw_actor_out(), mw_actor_in()) keep their own order.
 */
void
mw_network_copy_match_order (MwNetwork *copy,
                             MwNetwork *self)
{
  g_return_if_fail (MW_IS_NETWORK (copy) && MW_IS_NETWORK (self));
  g_return_if_fail (copy->actors->len == self->actors->len && copy->ties->len == self->ties->len);

  if (!match_array (copy->actors, self->actors, copy->actors_by_id,
                    G_STRUCT_OFFSET (MwActor, id), G_STRUCT_OFFSET (MwActor, index)))
    g_critical ("%s: an actor of the network is missing from the copy", G_STRFUNC);
  else if (!match_array (copy->ties, self->ties, copy->ties_by_id,
                         G_STRUCT_OFFSET (MwTie, id), G_STRUCT_OFFSET (MwTie, index)))
    g_critical ("%s: a tie of the network is missing from the copy", G_STRFUNC);
}
