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
#define MIN_GAIN     0.001  /* points: one tie among 2,000 people moves a share by ~0.02 */

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

static gboolean
is_person (MwActor *actor)
{
  return actor->kind == MW_ACTOR_PERSON;
}

static gboolean
has_authority (MwActor *actor)
{
  return mw_actor_n_in (actor, MW_TIE_REPORTS) > 0;
}

/* True when @above is @actor's manager or their manager's manager. */
static gboolean
is_above (MwActor *above,
          MwActor *actor)
{
  MwActor *manager = manager_of (actor);

  return manager != NULL && (manager == above || manager_of (manager) == above);
}

static gboolean
collaborates_across (MwActor *person)
{
  for (guint i = 0; i < mw_actor_n_out (person, MW_TIE_COLLABORATES); i++)
    if (g_strcmp0 (group_of (mw_actor_out (person, MW_TIE_COLLABORATES, i)->to), group_of (person)) != 0)
      return TRUE;
  for (guint i = 0; i < mw_actor_n_in (person, MW_TIE_COLLABORATES); i++)
    if (g_strcmp0 (group_of (mw_actor_in (person, MW_TIE_COLLABORATES, i)->from), group_of (person)) != 0)
      return TRUE;
  return FALSE;
}

static gboolean
influences_upward (MwActor *person)
{
  MwActor *manager = manager_of (person);

  return manager != NULL && has_tie (person, manager, MW_TIE_INFLUENCES);
}

static gboolean
leads_informally (MwActor *person)
{
  return person->initiative || mw_actor_n_out (person, MW_TIE_INFLUENCES) > 0;
}

/* Only marks hold the purpose: nobody holds it by position (docs/scoring.md). */
static gboolean
is_purpose_holder (MwActor *actor)
{
  return actor->purpose;
}

static gboolean
works_with_holder (MwActor *person)
{
  if (is_purpose_holder (person))
    return TRUE;
  for (guint t = 0; t < MW_N_TIE_TYPES; t++)
    {
      for (guint i = 0; i < mw_actor_n_out (person, t); i++)
        if (is_purpose_holder (mw_actor_out (person, t, i)->to))
          return TRUE;
      for (guint i = 0; i < mw_actor_n_in (person, t); i++)
        if (is_purpose_holder (mw_actor_in (person, t, i)->from))
          return TRUE;
    }
  return FALSE;
}

static gboolean
checked_by_peer (MwActor *person)
{
  for (guint i = 0; i < mw_actor_n_in (person, MW_TIE_CHECKS); i++)
    if (!is_above (mw_actor_in (person, MW_TIE_CHECKS, i)->from, person))
      return TRUE;
  return FALSE;
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
  if (type == MW_TIE_COLLABORATES && *group_of (from) != '\0' && *group_of (to) != '\0' &&
      g_strcmp0 (group_of (from), group_of (to)) != 0)
    /* Translators: a suggestion, "Ann Lee and Raj Patel collaborate (Operations ↔ Digital)" */
    suggestion->text = g_strdup_printf (_("%s and %s collaborate (%s ↔ %s)"), from->label, to->label,
                                        group_of (from), group_of (to));
  else if (type == MW_TIE_COLLABORATES && is_purpose_holder (to))
    /* Translators: a suggestion, "Ann Lee works with Maria Okafor, who holds the shared purpose" */
    suggestion->text = g_strdup_printf (_("%s works with %s, who holds the shared purpose"), from->label, to->label);
  else if (type == MW_TIE_COLLABORATES)
    /* Translators: a suggestion, "Ann Lee and Raj Patel collaborate" */
    suggestion->text = g_strdup_printf (_("%s and %s collaborate"), from->label, to->label);
  else if (type == MW_TIE_CHECKS)
    /* Translators: a suggestion, "Raj Patel checks Ann Lee’s work as a peer" */
    suggestion->text = g_strdup_printf (_("%s checks %s’s work as a peer"), from->label, to->label);
  else
    /* Translators: a suggestion, an upward channel: "Ann Lee gets a say in Maria Okafor’s decisions" */
    suggestion->text = g_strdup_printf (_("%s gets a say in %s’s decisions"), from->label, to->label);
  g_ptr_array_add (candidates, suggestion);
}

/* Whether @element leaves @person out: the people a change can bring in. */
static gboolean
is_left_out (MwActor   *person,
             MwElement  element)
{
  switch (element)
    {
    case MW_ELEMENT_SPONTANEOUS_COLLABORATION:
      return !collaborates_across (person);
    case MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE:
      return manager_of (person) != NULL && !influences_upward (person);
    case MW_ELEMENT_LOCAL_ENTREPRENEURSHIP:
      return !has_authority (person) && !leads_informally (person);
    case MW_ELEMENT_GLOBAL_PURPOSE:
      return !works_with_holder (person);
    case MW_ELEMENT_PEER_RISK_MITIGATION:
    case MW_N_ELEMENTS:
    default:
      return !checked_by_peer (person);
    }
}

/* Up to MAX_PARTNERS people for @person, found by walking the network from
 * just after them, so that different people get different partners. */
static void
add_partners (MwNetwork  *network,
              MwActor    *person,
              MwElement   element,
              GPtrArray  *candidates,
              GHashTable *seen)
{
  guint n = mw_network_get_n_actors (network);
  guint found = 0;

  /* First pass: partners who are left out too, so one tie brings in two. */
  for (int pass = 0; pass < 2 && found < MAX_PARTNERS; pass++)
    for (guint k = 1; k < n && found < MAX_PARTNERS; k++)
      {
        MwActor *other = mw_network_get_actor (network, (person->index + k) % n);
        gboolean same_group = g_strcmp0 (group_of (other), group_of (person)) == 0;
        guint before = candidates->len;

        if (!is_person (other) || (pass == 0 && !is_left_out (other, element)))
          continue;

        switch (element)
          {
          case MW_ELEMENT_SPONTANEOUS_COLLABORATION:
            if (!same_group && !is_above (other, person) && !is_above (person, other))
              add_candidate (candidates, seen, person, other, MW_TIE_COLLABORATES);
            break;
          case MW_ELEMENT_LOCAL_ENTREPRENEURSHIP:
            if (!is_above (other, person))
              add_candidate (candidates, seen, person, other, MW_TIE_INFLUENCES);
            break;
          case MW_ELEMENT_GLOBAL_PURPOSE:
            if (is_purpose_holder (other))
              add_candidate (candidates, seen, person, other, MW_TIE_COLLABORATES);
            break;
          case MW_ELEMENT_PEER_RISK_MITIGATION:
            if (!is_above (other, person) && !is_above (person, other))
              add_candidate (candidates, seen, other, person, MW_TIE_CHECKS);
            break;
          case MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE:
          case MW_N_ELEMENTS:
          default:
            /* sideways: a colleague with the same manager */
            if (manager_of (other) != NULL && manager_of (other) == manager_of (person))
              add_candidate (candidates, seen, person, other, MW_TIE_INFLUENCES);
            break;
          }
        if (candidates->len > before)
          found++;
      }
}

/* The moves that bring @person into @element. */
static void
add_candidates_for (MwNetwork  *network,
                    MwActor    *person,
                    MwElement   element,
                    GPtrArray  *candidates,
                    GHashTable *seen)
{
  MwActor *manager = manager_of (person);

  if (element == MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE && manager != NULL)
    add_candidate (candidates, seen, person, manager, MW_TIE_INFLUENCES);
  add_partners (network, person, element, candidates, seen);
}

/* The measurable elements from the weakest up, so that when nothing can
 * raise the weakest (no managers to influence, say) the next one gets
 * suggestions. A gain over "not measurable" would be no measured change,
 * so those elements get none. Returns how many there are. */
static guint
elements_weakest_first (MwScores  *scores,
                        MwElement  order[MW_N_ELEMENTS])
{
  guint n = 0;

  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    {
      guint j = n;

      if (!mw_scores_is_measurable (scores, i))
        continue;
      for (; j > 0 && mw_scores_get_score (scores, order[j - 1]) > mw_scores_get_score (scores, i); j--)
        order[j] = order[j - 1];
      order[j] = i;
      n++;
    }
  return n;
}

/* Up to MAX_FOCUS people @element leaves out, spread over the network
 * rather than its first few actors; everyone when it leaves nobody out. */
static GPtrArray *
focus_people (MwNetwork *network,
              MwElement  element)
{
  GPtrArray *people = g_ptr_array_new ();
  guint n = mw_network_get_n_actors (network);
  guint step = MAX (1, n / MAX_FOCUS);

  for (int pass = 0; pass < 2 && people->len == 0; pass++)
    for (guint offset = 0; offset < step && people->len < MAX_FOCUS; offset++)
      for (guint i = offset; i < n && people->len < MAX_FOCUS; i += step)
        {
          MwActor *actor = mw_network_get_actor (network, i);

          if (is_person (actor) && (pass == 1 || is_left_out (actor, element)))
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
 *   that raise the weakest element most, best first; only real gains.
 *   When no change can raise the weakest, the next weakest element's.
 */
GPtrArray *
mw_suggest (MwNetwork    *network,
            guint         max,
            GCancellable *cancellable)
{
  g_autoptr(MwScores) before = NULL;
  MwElement order[MW_N_ELEMENTS];
  guint n_elements;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_suggestion_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_suggestion_free);

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  before = mw_scores_compute (network);
  n_elements = elements_weakest_first (before, order);
  for (guint e = 0; e < n_elements && result->len == 0; e++)
    {
      g_autoptr(GPtrArray) people = focus_people (network, order[e]);

      g_hash_table_remove_all (seen);
      g_ptr_array_set_size (candidates, 0);
      for (guint i = 0; i < people->len; i++)
        add_candidates_for (network, g_ptr_array_index (people, i), order[e], candidates, seen);
      for (guint i = 0; i < candidates->len; i++)
        ((MwSuggestion *)g_ptr_array_index (candidates, i))->element = order[e];

      measure (network, before, candidates, cancellable);
      g_ptr_array_sort (candidates, compare_gain);
      for (guint i = 0; i < candidates->len && result->len < max; i++)
        {
          MwSuggestion *suggestion = g_ptr_array_index (candidates, i);

          if (suggestion->gain >= MIN_GAIN)
            g_ptr_array_add (result, g_steal_pointer (&candidates->pdata[i]));
        }
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
