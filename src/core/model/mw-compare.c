/* mw-compare.c: what differs between two networks
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-compare"

#include "config.h"

#include <string.h>

#include "mw-actor-match.h"
#include "mw-compare.h"

typedef struct
{
  MwNetwork  *networks[MW_N_COMPARE_SIDES];
  /* per side, indexed by actor index: its counterpart on the other side */
  MwActor   **match[MW_N_COMPARE_SIDES];
  /* per side, indexed by tie index: matched on the other side (same type
   * or retyped) */
  guint8     *tie_state[MW_N_COMPARE_SIDES];
} Matcher;

enum { TIE_UNMATCHED, TIE_COMMON, TIE_RETYPED };

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **)a, *(const char **)b);
}

static GStrv
steal_strv (GPtrArray *array)
{
  g_ptr_array_sort (array, compare_ids);
  g_ptr_array_add (array, NULL);
  return (GStrv)g_ptr_array_free (array, FALSE);
}

static void
match_actors (Matcher *m)
{
  mw_actor_match_networks (m->networks[MW_COMPARE_THIS], m->networks[MW_COMPARE_OTHER],
                           m->match[MW_COMPARE_THIS], m->match[MW_COMPARE_OTHER]);
}

/* A key for the tie's two actors as the other side's indices (with_type:
 * and its type); NULL when an end has no counterpart. */
static char *
tie_key (Matcher       *m,
         MwCompareSide  side,
         MwTie         *tie,
         gboolean       with_type)
{
  guint from, to;

  if (side == MW_COMPARE_THIS)
    {
      MwActor *f = m->match[side][tie->from->index];
      MwActor *t = m->match[side][tie->to->index];

      if (f == NULL || t == NULL)
        return NULL;
      from = f->index;
      to = t->index;
    }
  else
    {
      from = tie->from->index;
      to = tie->to->index;
    }

  /* Collaboration has no direction; the retyped match ignores it too. */
  if ((!with_type || tie->type == MW_TIE_COLLABORATES) && from > to)
    {
      guint swap = from;
      from = to;
      to = swap;
    }
  if (with_type)
    return g_strdup_printf ("%u %u %d", from, to, tie->type);
  return g_strdup_printf ("%u %u", from, to);
}

/* Pairs the unmatched ties of THIS with those of OTHER under a key;
 * matched ones get @state. */
static void
match_ties (Matcher  *m,
            gboolean  with_type,
            guint8    state)
{
  MwNetwork *a = m->networks[MW_COMPARE_THIS];
  MwNetwork *b = m->networks[MW_COMPARE_OTHER];
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify)g_queue_free);

  for (guint i = 0; i < mw_network_get_n_ties (b); i++)
    {
      MwTie *tie = mw_network_get_tie (b, i);
      char *key;
      GQueue *queue;

      if (m->tie_state[MW_COMPARE_OTHER][i] != TIE_UNMATCHED)
        continue;
      key = tie_key (m, MW_COMPARE_OTHER, tie, with_type);
      queue = g_hash_table_lookup (keys, key);
      if (queue == NULL)
        g_hash_table_insert (keys, key, queue = g_queue_new ());
      else
        g_free (key);
      g_queue_push_tail (queue, tie);
    }

  for (guint i = 0; i < mw_network_get_n_ties (a); i++)
    {
      MwTie *tie = mw_network_get_tie (a, i);
      g_autofree char *key = NULL;
      GQueue *queue;
      MwTie *other;

      if (m->tie_state[MW_COMPARE_THIS][i] != TIE_UNMATCHED)
        continue;
      key = tie_key (m, MW_COMPARE_THIS, tie, with_type);
      if (key == NULL)
        continue;
      queue = g_hash_table_lookup (keys, key);
      if (queue == NULL || (other = g_queue_pop_head (queue)) == NULL)
        continue;
      m->tie_state[MW_COMPARE_THIS][i] = state;
      m->tie_state[MW_COMPARE_OTHER][other->index] = state;
    }
}

static gboolean
actor_changed (const MwActor *a,
               const MwActor *b)
{
  return (mw_actor_diff (a, b, 0) & MW_ACTOR_SHOWN_FIELDS) != 0;
}

static void
collect (Matcher       *m,
         MwCompareSide  side,
         MwComparison  *result)
{
  MwNetwork *network = m->networks[side];
  GPtrArray *only_actors = g_ptr_array_new ();
  GPtrArray *changed = g_ptr_array_new ();
  GPtrArray *only_ties = g_ptr_array_new ();
  GPtrArray *retyped = g_ptr_array_new ();

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      MwActor *other = m->match[side][i];

      if (other == NULL)
        g_ptr_array_add (only_actors, g_strdup (actor->id));
      else if (actor_changed (actor, other))
        g_ptr_array_add (changed, g_strdup (actor->id));
    }
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (m->tie_state[side][i] == TIE_UNMATCHED)
        g_ptr_array_add (only_ties, g_strdup (tie->id));
      else if (m->tie_state[side][i] == TIE_RETYPED)
        g_ptr_array_add (retyped, g_strdup (tie->id));
    }

  result->only_actor_ids[side] = steal_strv (only_actors);
  result->changed_actor_ids[side] = steal_strv (changed);
  result->only_tie_ids[side] = steal_strv (only_ties);
  result->retyped_tie_ids[side] = steal_strv (retyped);
}

/**
 * mw_comparison_compute:
 *
 * Compares two networks; reads them only. Linear in their size.
 *
 * Returns: (transfer full): what differs, see #MwComparison
 */
MwComparison *
mw_comparison_compute (MwNetwork *this_network,
                       MwNetwork *other_network)
{
  Matcher m = { { this_network, other_network }, { NULL, NULL }, { NULL, NULL } };
  MwComparison *result;

  g_return_val_if_fail (MW_IS_NETWORK (this_network), NULL);
  g_return_val_if_fail (MW_IS_NETWORK (other_network), NULL);

  for (guint side = 0; side < MW_N_COMPARE_SIDES; side++)
    {
      m.match[side] = g_new0 (MwActor *, mw_network_get_n_actors (m.networks[side]) + 1);
      m.tie_state[side] = g_new0 (guint8, mw_network_get_n_ties (m.networks[side]) + 1);
    }

  match_actors (&m);
  match_ties (&m, TRUE, TIE_COMMON);
  match_ties (&m, FALSE, TIE_RETYPED);

  result = g_new0 (MwComparison, 1);
  for (guint side = 0; side < MW_N_COMPARE_SIDES; side++)
    collect (&m, side, result);
  for (guint i = 0; i < mw_network_get_n_actors (this_network); i++)
    result->n_common_actors += m.match[MW_COMPARE_THIS][i] != NULL;
  for (guint i = 0; i < mw_network_get_n_ties (this_network); i++)
    result->n_common_ties += m.tie_state[MW_COMPARE_THIS][i] == TIE_COMMON;

  for (guint side = 0; side < MW_N_COMPARE_SIDES; side++)
    {
      g_free (m.match[side]);
      g_free (m.tie_state[side]);
    }
  return result;
}

void
mw_comparison_free (MwComparison *self)
{
  if (self == NULL)
    return;
  for (guint side = 0; side < MW_N_COMPARE_SIDES; side++)
    {
      g_strfreev (self->only_actor_ids[side]);
      g_strfreev (self->only_tie_ids[side]);
      g_strfreev (self->retyped_tie_ids[side]);
      g_strfreev (self->changed_actor_ids[side]);
    }
  g_free (self);
}

/* TRUE when the two networks have the same actors and ties (positions,
 * notes and other attributes aside). */
gboolean
mw_comparison_is_empty (MwComparison *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (guint side = 0; side < MW_N_COMPARE_SIDES; side++)
    if (self->only_actor_ids[side][0] != NULL || self->only_tie_ids[side][0] != NULL ||
        self->retyped_tie_ids[side][0] != NULL || self->changed_actor_ids[side][0] != NULL)
      return FALSE;
  return TRUE;
}

GStrv
mw_comparison_dup_marked_actor_ids (MwComparison  *self,
                                    MwCompareSide  side)
{
  g_return_val_if_fail (self != NULL && side < MW_N_COMPARE_SIDES, NULL);
  return g_strdupv (self->only_actor_ids[side]);
}

GStrv
mw_comparison_dup_marked_tie_ids (MwComparison  *self,
                                  MwCompareSide  side)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (self != NULL && side < MW_N_COMPARE_SIDES, NULL);

  g_strv_builder_addv (builder, (const char **)self->only_tie_ids[side]);
  g_strv_builder_addv (builder, (const char **)self->retyped_tie_ids[side]);
  return g_strv_builder_end (builder);
}
