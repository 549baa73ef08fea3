/* mw-scorer-suggest.c: ties that would raise the weakest element most
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Candidates are the three moves the research names — a lateral tie
 * between people of different units, a peer check for someone nobody
 * checks, an upward channel of influence — around the people the weakest
 * element's factors name. Each is measured, not guessed: it is added to a
 * copy, the copy is scored, the tie is taken out again.
 */

#define G_LOG_DOMAIN "meshwork-suggest"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-scorer-suggest.h"

#define MAX_FOCUS      10  /* people the candidates are built around */
#define MAX_PARTNERS    3
#define MIN_GAIN      0.5  /* points: less is noise */

void
mw_suggestion_free (MwSuggestion *suggestion)
{
  if (suggestion == NULL)
    return;
  g_free (suggestion->text);
  g_free (suggestion->from_id);
  g_free (suggestion->to_id);
  g_free (suggestion);
}

static gboolean
has_tie (MwActor   *from,
         MwActor   *to,
         MwTieType  type)
{
  for (guint i = 0; i < mw_actor_n_out (from, type); i++)
    if (mw_actor_out (from, type, i)->to == to)
      return TRUE;
  if (type == MW_TIE_COLLABORATES)
    for (guint i = 0; i < mw_actor_n_out (to, type); i++)
      if (mw_actor_out (to, type, i)->to == from)
        return TRUE;
  return FALSE;
}

static MwActor *
manager_of (MwActor *actor)
{
  return mw_actor_n_out (actor, MW_TIE_REPORTS) > 0 ? mw_actor_out (actor, MW_TIE_REPORTS, 0)->to : NULL;
}

static const char *
group_of (MwActor *actor)
{
  return *actor->unit != '\0' ? actor->unit : actor->org;
}

static void
add_candidate (GPtrArray  *candidates,
               GHashTable *seen,
               MwActor    *from,
               MwActor    *to,
               MwTieType   type)
{
  MwSuggestion *suggestion;
  char *key;

  if (from == to || has_tie (from, to, type))
    return;
  key = g_strdup_printf ("%s\x1f%s\x1f%d", from->id, to->id, type);
  if (!g_hash_table_add (seen, key))
    return;

  suggestion = g_new0 (MwSuggestion, 1);
  suggestion->from_id = g_strdup (from->id);
  suggestion->to_id = g_strdup (to->id);
  suggestion->type = type;
  if (type == MW_TIE_COLLABORATES)
    /* Translators: a suggestion, "Ann Lee and Raj Patel collaborate (Operations ↔ Digital)" */
    suggestion->text = g_strdup_printf (_("%s and %s collaborate (%s ↔ %s)"), from->label, to->label,
                                        group_of (from), group_of (to));
  else if (type == MW_TIE_CHECKS)
    /* Translators: a suggestion, "Raj Patel checks Ann Lee’s work as a peer" */
    suggestion->text = g_strdup_printf (_("%s checks %s’s work as a peer"), from->label, to->label);
  else
    /* Translators: a suggestion, an upward channel: "Ann Lee gets a say in Maria Okafor’s decisions" */
    suggestion->text = g_strdup_printf (_("%s gets a say in %s’s decisions"), from->label, to->label);
  g_ptr_array_add (candidates, suggestion);
}

/* Around one person: colleagues in other units, peers, their manager. */
static void
add_candidates_for (MwNetwork  *network,
                    MwActor    *person,
                    GPtrArray  *candidates,
                    GHashTable *seen)
{
  guint n = mw_network_get_n_actors (network);
  MwActor *manager = manager_of (person);
  guint lateral = 0, peers = 0;

  for (guint k = 1; k < n && (lateral < MAX_PARTNERS || peers < MAX_PARTNERS); k++)
    {
      MwActor *other = mw_network_get_actor (network, (person->index + k) % n);

      if (other->kind != MW_ACTOR_PERSON)
        continue;
      if (g_strcmp0 (group_of (other), group_of (person)) != 0 && lateral < MAX_PARTNERS)
        {
          add_candidate (candidates, seen, person, other, MW_TIE_COLLABORATES);
          lateral++;
        }
      else if (g_strcmp0 (group_of (other), group_of (person)) == 0 && other != manager &&
               manager_of (other) != person && peers < MAX_PARTNERS)
        {
          add_candidate (candidates, seen, other, person, MW_TIE_CHECKS);
          peers++;
        }
    }
  if (manager != NULL)
    add_candidate (candidates, seen, person, manager, MW_TIE_INFLUENCES);
}

static MwElement
weakest_element (MwScores *scores)
{
  MwElement weakest = 0;

  for (guint i = 1; i < MW_N_ELEMENTS; i++)
    if (mw_scores_get_score (scores, i) < mw_scores_get_score (scores, weakest))
      weakest = i;
  return weakest;
}

/* The people the weakest element's factors name, else everyone. */
static GPtrArray *
focus_people (MwNetwork *network,
              MwScores  *scores,
              MwElement  element)
{
  GPtrArray *people = g_ptr_array_new ();
  GPtrArray *factors = mw_scores_get_factors (scores, element);

  for (guint i = 0; i < factors->len && people->len < MAX_FOCUS; i++)
    {
      MwFactor *factor = g_ptr_array_index (factors, i);

      for (guint j = 0; factor->actor_ids[j] != NULL && people->len < MAX_FOCUS; j++)
        {
          MwActor *actor = mw_network_lookup_actor (network, factor->actor_ids[j]);
          if (actor != NULL && actor->kind == MW_ACTOR_PERSON && !g_ptr_array_find (people, actor, NULL))
            g_ptr_array_add (people, actor);
        }
    }
  if (people->len > 0)
    return people;

  for (guint i = 0; i < mw_network_get_n_actors (network) && people->len < MAX_FOCUS; i++)
    {
      /* Spread over the network, not only its first few actors. */
      guint step = MAX (1, mw_network_get_n_actors (network) / MAX_FOCUS);
      MwActor *actor = mw_network_get_actor (network, (i * step) % mw_network_get_n_actors (network));

      if (actor->kind == MW_ACTOR_PERSON && !g_ptr_array_find (people, actor, NULL))
        g_ptr_array_add (people, actor);
    }
  return people;
}

static int
compare_gain (gconstpointer a,
              gconstpointer b)
{
  const MwSuggestion *sa = *(MwSuggestion **)a;
  const MwSuggestion *sb = *(MwSuggestion **)b;

  if (sa->gain != sb->gain)
    return sa->gain < sb->gain ? 1 : -1;
  if (sa->index_gain != sb->index_gain)
    return sa->index_gain < sb->index_gain ? 1 : -1;
  return g_strcmp0 (sa->text, sb->text);
}

/* Scores @network with each candidate added in turn (then removed again). */
static void
measure (MwNetwork    *network,
         MwScores     *before,
         GPtrArray    *candidates,
         GCancellable *cancellable)
{
  for (guint i = 0; i < candidates->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      MwSuggestion *suggestion = g_ptr_array_index (candidates, i);
      MwActor *from = mw_network_lookup_actor (network, suggestion->from_id);
      MwActor *to = mw_network_lookup_actor (network, suggestion->to_id);
      MwTie *tie = mw_network_add_tie (network, from, to, suggestion->type, 1.0, NULL);
      g_autoptr(MwScores) after = mw_scores_compute (network);

      suggestion->gain = mw_scores_get_score (after, suggestion->element) -
                         mw_scores_get_score (before, suggestion->element);
      suggestion->index_gain = mw_scores_get_index (after) - mw_scores_get_index (before);
      mw_network_remove_tie (network, tie);
    }
}

/**
 * mw_suggest:
 * @network: changed while it runs (ties come and go) and left as it was
 * @max: how many to return at most
 *
 * Returns: (transfer container) (element-type MwSuggestion): the changes
 *   that raise the weakest element most, best first; only real gains
 */
GPtrArray *
mw_suggest (MwNetwork    *network,
            guint         max,
            GCancellable *cancellable)
{
  g_autoptr(MwScores) before = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_suggestion_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_suggestion_free);
  MwElement element;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  before = mw_scores_compute (network);
  element = weakest_element (before);
  people = focus_people (network, before, element);
  for (guint i = 0; i < people->len; i++)
    add_candidates_for (network, g_ptr_array_index (people, i), candidates, seen);
  for (guint i = 0; i < candidates->len; i++)
    ((MwSuggestion *)g_ptr_array_index (candidates, i))->element = element;

  measure (network, before, candidates, cancellable);
  g_ptr_array_sort (candidates, compare_gain);
  for (guint i = 0; i < candidates->len && result->len < max; i++)
    {
      MwSuggestion *suggestion = g_ptr_array_index (candidates, i);

      if (suggestion->gain >= MIN_GAIN)
        g_ptr_array_add (result, g_steal_pointer (&candidates->pdata[i]));
    }
  return result;
}

static void
suggest_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GPtrArray *suggestions = mw_suggest (task_data, MW_SUGGEST_MAX, cancellable);

  if (g_task_return_error_if_cancelled (task))
    g_ptr_array_unref (suggestions);
  else
    g_task_return_pointer (task, suggestions, (GDestroyNotify)g_ptr_array_unref);
}

/* Works on a copy of @network made now, in a worker thread. */
void
mw_suggest_async (MwNetwork           *network,
                  guint                max,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MW_IS_NETWORK (network));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_suggest_async);
  g_task_set_task_data (task, mw_network_copy (network), g_object_unref);
  g_task_run_in_thread (task, suggest_thread);
}

/* Returns: (transfer container) (element-type MwSuggestion) */
GPtrArray *
mw_suggest_finish (GAsyncResult  *result,
                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
