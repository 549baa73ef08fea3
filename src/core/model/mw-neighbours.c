/* mw-neighbours.c: the actors one or two steps from an actor, by tie type
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A step follows a tie of the chosen types either way: whom an actor
 * reports to and who reports to it are both its neighbours.
 */

#define G_LOG_DOMAIN "meshwork-model"

#include "config.h"

#include "mw-neighbours.h"

/* Adds the far end of @tie and the tie; the far end joins @next if new. */
static void
take_step (MwItemSet *set,
           GPtrArray *next,
           MwTie     *tie,
           MwActor   *far)
{
  mw_item_set_add_tie (set, tie);
  if (mw_item_set_contains_actor (set, far))
    return;
  mw_item_set_add_actor (set, far);
  g_ptr_array_add (next, far);
}

static void
step_from (MwItemSet *set,
           GPtrArray *next,
           MwActor   *actor,
           guint      tie_types)
{
  for (guint type = 0; type < MW_N_TIE_TYPES; type++)
    {
      if ((tie_types & (1u << type)) == 0)
        continue;
      for (guint i = 0; i < mw_actor_n_out (actor, type); i++)
        take_step (set, next, mw_actor_out (actor, type, i), mw_actor_out (actor, type, i)->to);
      for (guint i = 0; i < mw_actor_n_in (actor, type); i++)
        take_step (set, next, mw_actor_in (actor, type, i), mw_actor_in (actor, type, i)->from);
    }
}

/**
 * mw_neighbours:
 * @actor: where to start
 * @steps: how far: 1 for direct neighbours, 2 for theirs too
 * @tie_types: the tie types a step may follow (bits of 1 << MwTieType)
 *
 * Returns: (transfer full): @actor, the actors at most @steps ties away
 *   and the ties that reach them
 */
MwItemSet *
mw_neighbours (MwActor *actor,
               guint    steps,
               guint    tie_types)
{
  g_autoptr(GPtrArray) frontier = g_ptr_array_new ();
  MwItemSet *set;

  g_return_val_if_fail (actor != NULL, NULL);

  set = mw_item_set_new ();
  mw_item_set_add_actor (set, actor);
  g_ptr_array_add (frontier, actor);
  for (guint step = 0; step < steps && frontier->len > 0; step++)
    {
      g_autoptr(GPtrArray) next = g_ptr_array_new ();

      for (guint i = 0; i < frontier->len; i++)
        step_from (set, next, g_ptr_array_index (frontier, i), tie_types);
      g_ptr_array_unref (g_steal_pointer (&frontier));
      frontier = g_steal_pointer (&next);
    }
  return set;
}
