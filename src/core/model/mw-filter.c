/* mw-filter.c: what a filter keeps in view and what it fades
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A filter never removes anything: it says which actors and ties stay in
 * view, and the views fade the rest. Ties stay when their type is shown
 * and both their ends stay.
 *
 * The filtered view as a network of its own (mw_filter_apply_network(),
 * what the score panel scores when asked for the filtered view) holds
 * only what stays in view: faded actors and ties are left out, not kept
 * faded, so its scores are those of a file holding just what is shown.
 */

#define G_LOG_DOMAIN "meshwork-model"

#include "config.h"

#include "mw-filter.h"
#include "mw-find.h"
#include "mw-neighbours.h"

/**
 * mw_filter_new:
 *
 * Returns: (transfer full): a filter that keeps everything
 */
MwFilter *
mw_filter_new (void)
{
  MwFilter *filter = g_new0 (MwFilter, 1);

  filter->tie_types = MW_TIE_TYPES_ALL;
  return filter;
}

/**
 * mw_filter_copy:
 *
 * Returns: (transfer full): a filter that keeps what @filter keeps
 */
MwFilter *
mw_filter_copy (const MwFilter *filter)
{
  MwFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = g_new0 (MwFilter, 1);
  copy->tie_types = filter->tie_types;
  copy->fade_isolates = filter->fade_isolates;
  copy->org = g_strdup (filter->org);
  copy->unit = g_strdup (filter->unit);
  copy->value = g_strdup (filter->value);
  return copy;
}

void
mw_filter_free (MwFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->org);
  g_free (filter->unit);
  g_free (filter->value);
  g_free (filter);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Returns: whether @filter fades anything at all */
gboolean
mw_filter_is_active (const MwFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return (filter->tie_types & MW_TIE_TYPES_ALL) != MW_TIE_TYPES_ALL || filter->fade_isolates ||
         is_set (filter->org) || is_set (filter->unit) || is_set (filter->value);
}

static const char *
or_unset (const char *text)
{
  return is_set (text) ? text : NULL;
}

/* Returns: whether @a and @b keep the same actors and ties in any network */
gboolean
mw_filter_equal (const MwFilter *a,
                 const MwFilter *b)
{
  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (b != NULL, FALSE);

  return (a->tie_types & MW_TIE_TYPES_ALL) == (b->tie_types & MW_TIE_TYPES_ALL) &&
         !a->fade_isolates == !b->fade_isolates &&
         g_strcmp0 (or_unset (a->org), or_unset (b->org)) == 0 &&
         g_strcmp0 (or_unset (a->unit), or_unset (b->unit)) == 0 &&
         g_strcmp0 (or_unset (a->value), or_unset (b->value)) == 0;
}

static gboolean
has_shown_tie (const MwActor *actor,
               guint          tie_types)
{
  for (guint type = 0; type < MW_N_TIE_TYPES; type++)
    if ((tie_types & (1u << type)) != 0 &&
        (mw_actor_n_out (actor, type) > 0 || mw_actor_n_in (actor, type) > 0))
      return TRUE;
  return FALSE;
}

static gboolean
keeps_actor (const MwFilter *filter,
             const MwActor  *actor,
             const char     *folded_value)
{
  if (is_set (filter->org) && g_strcmp0 (actor->org, filter->org) != 0)
    return FALSE;
  if (is_set (filter->unit) && g_strcmp0 (actor->unit, filter->unit) != 0)
    return FALSE;
  if (folded_value != NULL && !mw_find_actor_matches (actor, folded_value))
    return FALSE;
  return !filter->fade_isolates || has_shown_tie (actor, filter->tie_types);
}

/**
 * mw_filter_apply:
 *
 * Returns: (transfer full): the actors and ties @filter keeps in view
 */
MwItemSet *
mw_filter_apply (const MwFilter *filter,
                 MwNetwork      *network)
{
  g_autofree char *folded_value = NULL;
  MwItemSet *kept;
  guint n;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  if (is_set (filter->value))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (filter->value));

      folded_value = mw_find_fold (trimmed);
      if (*folded_value == '\0')
        g_clear_pointer (&folded_value, g_free);
    }

  kept = mw_item_set_new ();
  n = mw_network_get_n_actors (network);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (keeps_actor (filter, actor, folded_value))
        mw_item_set_add_actor (kept, actor);
    }

  n = mw_network_get_n_ties (network);
  for (guint i = 0; i < n; i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if ((filter->tie_types & (1u << tie->type)) != 0 &&
          mw_item_set_contains_actor (kept, tie->from) && mw_item_set_contains_actor (kept, tie->to))
        mw_item_set_add_tie (kept, tie);
    }
  return kept;
}

/**
 * mw_filter_apply_network:
 *
 * The filtered view as a network: a copy of @network with only the actors
 * and ties @filter keeps in view. Ids, names, organisations, units, kinds,
 * positions, the file's attributes and the network's own are kept; what
 * would fade is left out.
 *
 * Returns: (transfer full): the network in view
 */
MwNetwork *
mw_filter_apply_network (const MwFilter *filter,
                         MwNetwork      *network)
{
  g_autoptr(MwItemSet) kept = NULL;
  MwNetwork *copy;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  kept = mw_filter_apply (filter, network);
  copy = mw_network_copy (network);
  /* A copy keeps every index. From the end, a removal moves the last
   * item, already looked at, into the gap: the copy's item i is still the
   * network's item i when it is looked at. */
  for (guint i = mw_network_get_n_ties (copy); i-- > 0;)
    if (!mw_item_set_contains_tie (kept, mw_network_get_tie (network, i)))
      mw_network_remove_tie (copy, mw_network_get_tie (copy, i));
  for (guint i = mw_network_get_n_actors (copy); i-- > 0;)
    if (!mw_item_set_contains_actor (kept, mw_network_get_actor (network, i)))
      mw_network_remove_actor (copy, mw_network_get_actor (copy, i));
  return copy;
}
