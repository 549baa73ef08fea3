/* mw-network-check.c: the problems mw_network_check() finds
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "mw-network.h"

static MwProblem *
problem_new (MwProblemKind  kind,
             GPtrArray     *actor_ids,
             GPtrArray     *tie_ids,
             char          *message)
{
  MwProblem *problem = g_new0 (MwProblem, 1);

  problem->kind = kind;
  problem->message = message;
  g_ptr_array_add (actor_ids, NULL);
  problem->actor_ids = (GStrv)g_ptr_array_free (actor_ids, FALSE);
  g_ptr_array_add (tie_ids, NULL);
  problem->tie_ids = (GStrv)g_ptr_array_free (tie_ids, FALSE);

  return problem;
}

static void
find_self_ties (MwNetwork *network,
                GPtrArray *problems)
{
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      GPtrArray *actor_ids, *tie_ids;

      if (tie->from != tie->to)
        continue;

      actor_ids = g_ptr_array_new ();
      tie_ids = g_ptr_array_new ();
      g_ptr_array_add (actor_ids, g_strdup (tie->from->id));
      g_ptr_array_add (tie_ids, g_strdup (tie->id));
      g_ptr_array_add (problems,
                       problem_new (MW_PROBLEM_SELF_TIE, actor_ids, tie_ids,
                                    g_strdup_printf ("“%s” has a %s tie to itself",
                                                     tie->from->label,
                                                     mw_tie_type_to_string (tie->type))));
    }
}

/* A weight of 0 or less says there is no tie: the scores skip it. */
static void
find_non_positive_weights (MwNetwork *network,
                           GPtrArray *problems)
{
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      GPtrArray *actor_ids, *tie_ids;

      if (tie->weight > 0)
        continue;

      actor_ids = g_ptr_array_new ();
      tie_ids = g_ptr_array_new ();
      g_ptr_array_add (actor_ids, g_strdup (tie->from->id));
      if (tie->to != tie->from)
        g_ptr_array_add (actor_ids, g_strdup (tie->to->id));
      g_ptr_array_add (tie_ids, g_strdup (tie->id));
      g_ptr_array_add (problems,
                       problem_new (MW_PROBLEM_NOT_A_TIE, actor_ids, tie_ids,
                                    g_strdup_printf ("The %s tie from “%s” to “%s” has weight %g: "
                                                     "a weight of 0 or less is not a tie, and the scores leave it out",
                                                     mw_tie_type_to_string (tie->type),
                                                     tie->from->label, tie->to->label, tie->weight)));
    }
}

/* Two ties are duplicates when they join the same actors with the same
 * type; a collaboration is the same whichever way it was drawn. The key
 * is a number (type, then both actors' indices), never 0. */
static guint64
duplicate_key (const MwTie *tie)
{
  const MwActor *a = tie->from, *b = tie->to;

  if (tie->type == MW_TIE_COLLABORATES && strcmp (a->id, b->id) > 0)
    {
      const MwActor *swap = a;
      a = b;
      b = swap;
    }

  return ((guint64)tie->type << 60 | (guint64)a->index << 30 | b->index) + 1;
}

/* The first tie with each key: open addressing in two arrays, so that no
 * string is made or hashed per tie. */
typedef struct
{
  guint64 *keys;
  guint   *ties;
  gsize    mask;
} FirstTies;

static guint
first_tie_with_key (FirstTies *first,
                    guint64    key,
                    guint      tie_index)
{
  gsize slot = (key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> 17 & first->mask;

  while (first->keys[slot] != 0 && first->keys[slot] != key)
    slot = (slot + 1) & first->mask;

  if (first->keys[slot] == 0)
    {
      first->keys[slot] = key;
      first->ties[slot] = tie_index;
    }
  return first->ties[slot];
}

static void
find_duplicate_ties (MwNetwork *network,
                     GPtrArray *problems)
{
  guint n_ties = mw_network_get_n_ties (network);
  gsize size = 16;
  FirstTies first;

  /* indices must fit the key's 30 bits; no reader accepts that many */
  g_return_if_fail (mw_network_get_n_actors (network) < (1u << 30));

  while (size < 2 * (gsize)n_ties)
    size *= 2;
  first.keys = g_new0 (guint64, size);
  first.ties = g_new (guint, size);
  first.mask = size - 1;

  for (guint i = 0; i < n_ties; i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      guint earlier_index = first_tie_with_key (&first, duplicate_key (tie), i);
      MwTie *earlier;
      GPtrArray *actor_ids, *tie_ids;

      if (earlier_index == i)
        continue;
      earlier = mw_network_get_tie (network, earlier_index);

      actor_ids = g_ptr_array_new ();
      tie_ids = g_ptr_array_new ();
      g_ptr_array_add (actor_ids, g_strdup (tie->from->id));
      g_ptr_array_add (actor_ids, g_strdup (tie->to->id));
      g_ptr_array_add (tie_ids, g_strdup (earlier->id));
      g_ptr_array_add (tie_ids, g_strdup (tie->id));
      g_ptr_array_add (problems,
                       problem_new (MW_PROBLEM_DUPLICATE_TIE, actor_ids, tie_ids,
                                    g_strdup_printf ("“%s” and “%s” are joined twice by a %s tie",
                                                     tie->from->label, tie->to->label,
                                                     mw_tie_type_to_string (tie->type))));
    }

  g_free (first.keys);
  g_free (first.ties);
}

/* Iterative Tarjan over the reports ties: a strongly connected component of
 * two or more actors is a reports cycle. Iterative so that a 100,000-deep
 * chain cannot exhaust the stack. */
typedef struct
{
  guint *index;
  guint *lowlink;
  gboolean *on_stack;
  GArray *stack;
  GArray *call_actor;
  GArray *call_edge;
  guint counter;
} Tarjan;

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* A message names this many actors at most, then says how many more: a
 * cycle through 50,000 people is one readable line, not a megabyte. The
 * problem's actor_ids still list them all. */
#define MAX_NAMED_ACTORS 10

/* “a”, “b”, “c” — or the first MAX_NAMED_ACTORS of them “and 49,990 more”. */
static char *
name_actors (MwNetwork *network,
             GPtrArray *actor_ids)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_named = MIN (actor_ids->len, MAX_NAMED_ACTORS);
  guint n_more = actor_ids->len - n_named;

  for (guint i = 0; i < n_named; i++)
    {
      MwActor *actor = mw_network_lookup_actor (network, g_ptr_array_index (actor_ids, i));

      g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", actor->label);
    }
  if (n_more == 0)
    return g_string_free (g_steal_pointer (&names), FALSE);

  /* Translators: the first names of a list, then how many are left out */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %'u more", "%s and %'u more", n_more),
                          names->str, n_more);
}

static void
report_cycle (MwNetwork *network,
              Tarjan    *t,
              guint      root,
              GPtrArray *problems)
{
  /* free funcs so that dropping a one-actor component frees its ids too */
  GPtrArray *actor_ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *tie_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) members = g_hash_table_new (NULL, NULL);
  g_autofree char *names = NULL;
  guint v;

  do
    {
      v = g_array_index (t->stack, guint, t->stack->len - 1);
      g_array_set_size (t->stack, t->stack->len - 1);
      t->on_stack[v] = FALSE;
      g_hash_table_add (members, GUINT_TO_POINTER (v));
      g_ptr_array_add (actor_ids, g_strdup (mw_network_get_actor (network, v)->id));
    }
  while (v != root);

  if (actor_ids->len < 2)
    {
      g_ptr_array_free (actor_ids, TRUE);
      g_ptr_array_free (tie_ids, TRUE);
      return;
    }

  g_ptr_array_sort (actor_ids, compare_ids);
  for (guint i = 0; i < actor_ids->len; i++)
    {
      MwActor *actor = mw_network_lookup_actor (network, g_ptr_array_index (actor_ids, i));

      for (guint k = 0; k < mw_actor_n_out (actor, MW_TIE_REPORTS); k++)
        {
          MwTie *tie = mw_actor_out (actor, MW_TIE_REPORTS, k);

          if (tie->to != tie->from && g_hash_table_contains (members, GUINT_TO_POINTER (tie->to->index)))
            g_ptr_array_add (tie_ids, g_strdup (tie->id));
        }
    }

  names = name_actors (network, actor_ids);
  g_ptr_array_add (problems,
                   problem_new (MW_PROBLEM_REPORTS_CYCLE, actor_ids, tie_ids,
                                g_strdup_printf (_("Reporting lines go round in a circle through %s"),
                                                 names)));
}

static void
tarjan_visit (MwNetwork *network,
              Tarjan    *t,
              guint      start,
              GPtrArray *problems)
{
  guint zero = 0;

  t->index[start] = t->lowlink[start] = ++t->counter;
  g_array_append_val (t->stack, start);
  t->on_stack[start] = TRUE;
  g_array_append_val (t->call_actor, start);
  g_array_append_val (t->call_edge, zero);

  while (t->call_actor->len > 0)
    {
      guint depth = t->call_actor->len - 1;
      guint v = g_array_index (t->call_actor, guint, depth);
      guint *edge = &g_array_index (t->call_edge, guint, depth);
      MwActor *actor = mw_network_get_actor (network, v);

      if (*edge < mw_actor_n_out (actor, MW_TIE_REPORTS))
        {
          guint w = mw_actor_out (actor, MW_TIE_REPORTS, (*edge)++)->to->index;

          if (t->index[w] == 0)
            {
              t->index[w] = t->lowlink[w] = ++t->counter;
              g_array_append_val (t->stack, w);
              t->on_stack[w] = TRUE;
              g_array_append_val (t->call_actor, w);
              g_array_append_val (t->call_edge, zero);
            }
          else if (t->on_stack[w])
            t->lowlink[v] = MIN (t->lowlink[v], t->index[w]);
          continue;
        }

      if (t->lowlink[v] == t->index[v])
        {
          /* most components are one actor: no cycle, nothing to allocate */
          if (g_array_index (t->stack, guint, t->stack->len - 1) == v)
            {
              g_array_set_size (t->stack, t->stack->len - 1);
              t->on_stack[v] = FALSE;
            }
          else
            report_cycle (network, t, v, problems);
        }

      g_array_set_size (t->call_actor, depth);
      g_array_set_size (t->call_edge, depth);
      if (depth > 0)
        {
          guint parent = g_array_index (t->call_actor, guint, depth - 1);
          t->lowlink[parent] = MIN (t->lowlink[parent], t->lowlink[v]);
        }
    }
}

static void
find_reports_cycles (MwNetwork *network,
                     GPtrArray *problems)
{
  guint n = mw_network_get_n_actors (network);
  Tarjan t = {
    .index = g_new0 (guint, n),
    .lowlink = g_new0 (guint, n),
    .on_stack = g_new0 (gboolean, n),
    .stack = g_array_new (FALSE, FALSE, sizeof (guint)),
    .call_actor = g_array_new (FALSE, FALSE, sizeof (guint)),
    .call_edge = g_array_new (FALSE, FALSE, sizeof (guint)),
  };

  for (guint v = 0; v < n; v++)
    if (t.index[v] == 0)
      tarjan_visit (network, &t, v, problems);

  g_free (t.index);
  g_free (t.lowlink);
  g_free (t.on_stack);
  g_array_unref (t.stack);
  g_array_unref (t.call_actor);
  g_array_unref (t.call_edge);
}

/**
 * mw_network_check:
 *
 * Lists what people may draw but should look at: reporting lines that go
 * round in a circle, ties from an actor to itself, and the same tie drawn
 * twice, and ties of weight 0 or less (which are no ties).
 *
 * Returns: (transfer full) (element-type MwProblem): the problems found,
 *   empty when there are none
 */
GPtrArray *
mw_network_check (MwNetwork *self)
{
  GPtrArray *problems;

  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_problem_free);
  find_reports_cycles (self, problems);
  find_self_ties (self, problems);
  find_duplicate_ties (self, problems);
  find_non_positive_weights (self, problems);

  return problems;
}
