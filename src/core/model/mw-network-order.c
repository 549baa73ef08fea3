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

/* Puts the item of @source's slot @i into @copy's. Returns: FALSE when
 * @copy has no item of that id. */
static gboolean
match_slot (GPtrArray  *copy,
            GPtrArray  *source,
            guint       i,
            GHashTable *copy_by_id,
            gsize       id_offset,
            gsize       index_offset)
{
  const char *want = G_STRUCT_MEMBER (const char *, source->pdata[i], id_offset);
  gpointer found;

  if (same_id (G_STRUCT_MEMBER (const char *, copy->pdata[i], id_offset), want))
    return TRUE;
  found = g_hash_table_lookup (copy_by_id, want);
  if (found == NULL)
    return FALSE;
  swap_items (copy, i, G_STRUCT_MEMBER (guint, found, index_offset), index_offset);
  return TRUE;
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* Puts @copy's items in @source's order, slot by slot upwards (all of
 * them, or @slots sorted): the slots below are right by then, so each swap
 * puts one item where it belongs for good, and the cost beyond the walk is
 * one lookup per item out of place. A swap only ever reaches a slot one of
 * the two networks wrote, so walking those is enough. Returns: FALSE (and
 * changes nothing more) when an id of @source is missing from @copy. */
static gboolean
match_array (GPtrArray  *copy,
             GPtrArray  *source,
             GArray     *slots,
             GHashTable *copy_by_id,
             gsize       id_offset,
             gsize       index_offset)
{
  if (slots == NULL)
    {
      for (guint i = 0; i < source->len; i++)
        if (!match_slot (copy, source, i, copy_by_id, id_offset, index_offset))
          return FALSE;
      return TRUE;
    }
  g_array_sort (slots, compare_slots);
  for (guint k = 0; k < slots->len; k++)
    {
      guint i = g_array_index (slots, guint, k);

      if (i >= source->len)
        break;
      if ((k == 0 || i != g_array_index (slots, guint, k - 1)) &&
          !match_slot (copy, source, i, copy_by_id, id_offset, index_offset))
        return FALSE;
    }
  return TRUE;
}

static void
match_order (MwNetwork *copy,
             MwNetwork *self,
             GArray    *actor_slots,
             GArray    *tie_slots)
{
  g_return_if_fail (MW_IS_NETWORK (copy) && MW_IS_NETWORK (self));
  g_return_if_fail (copy->actors->len == self->actors->len && copy->ties->len == self->ties->len);

  if (!match_array (copy->actors, self->actors, actor_slots, copy->actors_by_id,
                    G_STRUCT_OFFSET (MwActor, id), G_STRUCT_OFFSET (MwActor, index)))
    g_critical ("%s: an actor of the network is missing from the copy", G_STRFUNC);
  else if (!match_array (copy->ties, self->ties, tie_slots, _mw_network_tie_index (copy),
                         G_STRUCT_OFFSET (MwTie, id), G_STRUCT_OFFSET (MwTie, index)))
    g_critical ("%s: a tie of the network is missing from the copy", G_STRFUNC);
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
  match_order (copy, self, NULL, NULL);
}

/**
 * mw_network_copy_match_order_at:
 * @actor_slots: (element-type guint): the actor slots either network wrote
 *   since the two were last in the same order (sorted here; may hold
 *   repeats and slots past the end)
 * @tie_slots: (element-type guint): the same for ties
 *
 * mw_network_copy_match_order() looking only at those slots, as
 * mw_network_order_note_change() notes them from both networks' changes.
 */
void
mw_network_copy_match_order_at (MwNetwork *copy,
                                MwNetwork *self,
                                GArray    *actor_slots,
                                GArray    *tie_slots)
{
  g_return_if_fail (actor_slots != NULL && tie_slots != NULL);

  match_order (copy, self, actor_slots, tie_slots);
}

/**
 * mw_network_order_note_change:
 * @change: a change of either network (the source or its copy)
 *
 * Adds the slot @change wrote, if any, to @actor_slots or @tie_slots: an
 * item added went to its slot, an item removed left its slot to the last.
 */
void
mw_network_order_note_change (const MwChange *change,
                              GArray         *actor_slots,
                              GArray         *tie_slots)
{
  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_ADDED:
    case MW_CHANGE_ACTOR_REMOVED:
      g_array_append_val (actor_slots, change->actor->index);
      break;
    case MW_CHANGE_TIE_ADDED:
    case MW_CHANGE_TIE_REMOVED:
      g_array_append_val (tie_slots, change->tie->index);
      break;
    default:
      break;
    }
}
