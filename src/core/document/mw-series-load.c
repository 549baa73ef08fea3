/* mw-series-load.c: a series' snapshots loaded and scored, their dates, and
 * what changed between neighbours with what moved each element most
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-series"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mw-actor-match.h"
#include "mw-series-private.h"

/* An effect smaller than this (in points of 0–100) moved nothing. */
#define MOVED_THRESHOLD 0.05

static const char *tie_type_titles[MW_N_TIE_TYPES] = {
  N_("Reports to"), N_("Collaborates"), N_("Influences"), N_("Checks"),
};

/* The series entry's date, else the network's `date`, else the file's
 * modification time. */
static void
find_date (MwSnapshot *snapshot)
{
  GStatBuf info;

  snapshot->when = mw_series_parse_date (snapshot->date);
  if (snapshot->when != NULL)
    {
      snapshot->date_source = MW_SERIES_DATE_ENTRY;
      return;
    }
  if (snapshot->network != NULL)
    {
      const char *date = g_hash_table_lookup (mw_network_get_attrs (snapshot->network), "date");

      snapshot->when = mw_series_parse_date (date);
      if (snapshot->when != NULL)
        {
          snapshot->date_source = MW_SERIES_DATE_ATTRIBUTE;
          return;
        }
    }
  if (g_stat (snapshot->path, &info) == 0)
    {
      snapshot->when = g_date_time_new_from_unix_utc (info.st_mtime);
      snapshot->date_source = snapshot->when != NULL ? MW_SERIES_DATE_MTIME : MW_SERIES_DATE_NONE;
    }
}

static void
load_snapshot (MwSnapshot *snapshot)
{
  g_autofree char *basename = g_path_get_basename (snapshot->path);

  _mw_snapshot_clear_loaded (snapshot);
  snapshot->network = mw_format_load_file (MW_FORMAT_UNKNOWN, snapshot->path, NULL, &snapshot->error);
  if (snapshot->network != NULL)
    snapshot->scores = mw_scores_compute (snapshot->network);
  else if (strstr (snapshot->error->message, basename) == NULL)
    g_prefix_error (&snapshot->error, "“%s”: ", basename);
  find_date (snapshot);
}

void
mw_series_load_snapshots (MwSeries     *self,
                          GCancellable *cancellable)
{
  g_return_if_fail (MW_IS_SERIES (self));

  for (guint i = 0; i < self->snapshots->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return;
      load_snapshot (g_ptr_array_index (self->snapshots, i));
    }
}

void
mw_series_changes_free (MwSeriesChanges *changes)
{
  if (changes == NULL)
    return;
  g_clear_pointer (&changes->comparison, mw_comparison_free);
  g_clear_pointer (&changes->groups, g_array_unref);
  g_free (changes);
}

char *
mw_change_group_dup_title (const MwChangeGroup *group)
{
  g_return_val_if_fail (group != NULL, NULL);

  switch (group->kind)
    {
    case MW_CHANGE_GROUP_PEOPLE_ADDED:
      return g_strdup (_("People added"));
    case MW_CHANGE_GROUP_PEOPLE_REMOVED:
      return g_strdup (_("People removed"));
    case MW_CHANGE_GROUP_TIES_GAINED:
      /* Translators: a group of changes, "Ties gained: Collaborates" */
      return g_strdup_printf (_("Ties gained: %s"), _(tie_type_titles[group->tie_type]));
    case MW_CHANGE_GROUP_TIES_LOST:
      /* Translators: a group of changes, "Ties lost: Reports to" */
      return g_strdup_printf (_("Ties lost: %s"), _(tie_type_titles[group->tie_type]));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The two neighbours and how their actors match. */
typedef struct
{
  MwNetwork  *earlier;
  MwNetwork  *later;
  MwScores   *before;
  MwActor   **earlier_to_later;
  MwActor   **later_to_earlier;
} Pair;

/* @actor of the earlier network (or, when @later_actor is not in it, the
 * copy of @later_actor added to @copy), as it is in @copy. */
static MwActor *
actor_in_copy (Pair      *pair,
               MwNetwork *copy,
               MwActor   *later_actor)
{
  MwActor *earlier_actor = pair->later_to_earlier[later_actor->index];

  return mw_network_lookup_actor (copy, earlier_actor != NULL ? earlier_actor->id : later_actor->id);
}

static void
add_people (Pair      *pair,
            MwNetwork *copy)
{
  for (guint i = 0; i < mw_network_get_n_actors (pair->later); i++)
    {
      MwActor *actor = mw_network_get_actor (pair->later, i);
      MwActor *added;

      /* unmatched, so its id is not the earlier network's either */
      if (pair->later_to_earlier[i] != NULL)
        continue;
      added = mw_network_add_actor (copy, actor->id, actor->label, actor->kind, NULL);
      if (added == NULL)
        continue;
      mw_network_set_actor_org (copy, added, actor->org);
      mw_network_set_actor_unit (copy, added, actor->unit);
      mw_network_set_actor_purpose (copy, added, actor->purpose);
      mw_network_set_actor_initiative (copy, added, actor->initiative);
    }

  /* and their ties, to anyone */
  for (guint i = 0; i < mw_network_get_n_ties (pair->later); i++)
    {
      MwTie *tie = mw_network_get_tie (pair->later, i);
      MwActor *from, *to;

      if (pair->later_to_earlier[tie->from->index] != NULL && pair->later_to_earlier[tie->to->index] != NULL)
        continue;
      from = actor_in_copy (pair, copy, tie->from);
      to = actor_in_copy (pair, copy, tie->to);
      if (from != NULL && to != NULL)
        mw_network_add_tie (copy, from, to, tie->type, tie->weight, NULL);
    }
}

static void
remove_people (MwComparison *comparison,
               MwNetwork    *copy)
{
  for (guint i = 0; comparison->only_actor_ids[MW_COMPARE_THIS][i] != NULL; i++)
    {
      MwActor *actor = mw_network_lookup_actor (copy, comparison->only_actor_ids[MW_COMPARE_THIS][i]);

      if (actor != NULL)
        mw_network_remove_actor (copy, actor);
    }
}

/* Whether a tie only one side has joins two actors both sides have: a tie
 * to a person who came or left belongs to the people's groups. */
static gboolean
tie_between_kept (Pair          *pair,
                  MwCompareSide  side,
                  MwTie         *tie)
{
  MwActor **to_other = side == MW_COMPARE_THIS ? pair->earlier_to_later : pair->later_to_earlier;

  return to_other[tie->from->index] != NULL && to_other[tie->to->index] != NULL;
}

/* The ties of @type only @side has between kept people (retyped ties
 * count as lost in their old type and gained in their new one). */
static GPtrArray *
changed_ties (Pair          *pair,
              MwComparison  *comparison,
              MwCompareSide  side,
              MwTieType      type)
{
  MwNetwork *network = side == MW_COMPARE_THIS ? pair->earlier : pair->later;
  GStrv lists[] = { comparison->only_tie_ids[side], comparison->retyped_tie_ids[side] };
  GPtrArray *ties = g_ptr_array_new ();

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i] != NULL; i++)
      {
        MwTie *tie = mw_network_lookup_tie (network, lists[l][i]);

        if (tie != NULL && tie->type == type && tie_between_kept (pair, side, tie))
          g_ptr_array_add (ties, tie);
      }
  return ties;
}

static void
apply_ties (Pair      *pair,
            MwNetwork *copy,
            GPtrArray *ties,
            gboolean   gained)
{
  for (guint i = 0; i < ties->len; i++)
    {
      MwTie *tie = g_ptr_array_index (ties, i);

      if (gained)
        mw_network_add_tie (copy, actor_in_copy (pair, copy, tie->from),
                            actor_in_copy (pair, copy, tie->to), tie->type, tie->weight, NULL);
      else
        mw_network_remove_tie (copy, mw_network_lookup_tie (copy, tie->id));
    }
}

/* Scores @copy (the earlier network with one group applied) against the
 * earlier network's scores. */
static void
measure_effect (Pair          *pair,
                MwNetwork     *copy,
                MwChangeGroup *group)
{
  g_autoptr(MwScores) after = mw_scores_compute (copy);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    group->effect[e] = mw_scores_is_measurable (pair->before, e) && mw_scores_is_measurable (after, e)
                       ? mw_scores_get_score (after, e) - mw_scores_get_score (pair->before, e) : NAN;
  group->index_effect = mw_scores_get_index (after) - mw_scores_get_index (pair->before);
}

static void
add_people_groups (Pair            *pair,
                   MwSeriesChanges *changes)
{
  MwComparison *comparison = changes->comparison;
  MwChangeGroup added = { MW_CHANGE_GROUP_PEOPLE_ADDED, 0, 0, { 0 }, 0 };
  MwChangeGroup removed = { MW_CHANGE_GROUP_PEOPLE_REMOVED, 0, 0, { 0 }, 0 };

  added.count = g_strv_length (comparison->only_actor_ids[MW_COMPARE_OTHER]);
  if (added.count > 0)
    {
      g_autoptr(MwNetwork) copy = mw_network_copy (pair->earlier);

      add_people (pair, copy);
      measure_effect (pair, copy, &added);
      g_array_append_val (changes->groups, added);
    }

  removed.count = g_strv_length (comparison->only_actor_ids[MW_COMPARE_THIS]);
  if (removed.count > 0)
    {
      g_autoptr(MwNetwork) copy = mw_network_copy (pair->earlier);

      remove_people (comparison, copy);
      measure_effect (pair, copy, &removed);
      g_array_append_val (changes->groups, removed);
    }
}

static void
add_tie_groups (Pair            *pair,
                MwSeriesChanges *changes,
                gboolean         gained)
{
  for (MwTieType type = 0; type < MW_N_TIE_TYPES; type++)
    {
      g_autoptr(GPtrArray) ties = changed_ties (pair, changes->comparison,
                                                gained ? MW_COMPARE_OTHER : MW_COMPARE_THIS, type);
      g_autoptr(MwNetwork) copy = NULL;
      MwChangeGroup group = { gained ? MW_CHANGE_GROUP_TIES_GAINED : MW_CHANGE_GROUP_TIES_LOST,
                              type, ties->len, { 0 }, 0 };

      if (ties->len == 0)
        continue;
      copy = mw_network_copy (pair->earlier);
      apply_ties (pair, copy, ties, gained);
      measure_effect (pair, copy, &group);
      g_array_append_val (changes->groups, group);
    }
}

static void
rank_groups (MwSeriesChanges *changes)
{
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      double largest = MOVED_THRESHOLD;

      changes->moved_most[e] = -1;
      for (guint g = 0; g < changes->groups->len; g++)
        {
          double effect = g_array_index (changes->groups, MwChangeGroup, g).effect[e];

          if (!isnan (effect) && fabs (effect) >= largest)
            {
              largest = fabs (effect);
              changes->moved_most[e] = g;
            }
        }
    }
}

/**
 * mw_series_compute_changes:
 * @index: the earlier snapshot; @index + 1 is the later one
 *
 * Compares the two (mw_comparison_compute()) and measures what each group
 * of changes — people added, people removed, ties gained and lost by type
 * — does on its own to the earlier snapshot's scores: the earlier network
 * with only that group applied, scored again. Call after
 * mw_series_load_snapshots().
 *
 * Returns: (transfer full) (nullable): the changes, or %NULL when either
 *   snapshot is marked or not loaded
 */
MwSeriesChanges *
mw_series_compute_changes (MwSeries *self,
                           guint     index)
{
  MwSnapshot *earlier, *later;
  MwSeriesChanges *changes;
  g_autofree MwActor **earlier_to_later = NULL;
  g_autofree MwActor **later_to_earlier = NULL;
  Pair pair;

  g_return_val_if_fail (MW_IS_SERIES (self), NULL);
  g_return_val_if_fail (index + 1 < self->snapshots->len, NULL);

  earlier = g_ptr_array_index (self->snapshots, index);
  later = g_ptr_array_index (self->snapshots, index + 1);
  if (earlier->network == NULL || later->network == NULL)
    return NULL;

  earlier_to_later = g_new0 (MwActor *, mw_network_get_n_actors (earlier->network) + 1);
  later_to_earlier = g_new0 (MwActor *, mw_network_get_n_actors (later->network) + 1);
  mw_actor_match_networks (earlier->network, later->network, earlier_to_later, later_to_earlier);
  pair = (Pair) { earlier->network, later->network, earlier->scores, earlier_to_later, later_to_earlier };

  changes = g_new0 (MwSeriesChanges, 1);
  changes->comparison = mw_comparison_compute (earlier->network, later->network);
  changes->groups = g_array_new (FALSE, TRUE, sizeof (MwChangeGroup));
  add_people_groups (&pair, changes);
  add_tie_groups (&pair, changes, TRUE);
  add_tie_groups (&pair, changes, FALSE);
  rank_groups (changes);
  return changes;
}
