/* test-network.c: the model and the signals it emits
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <math.h>

#include "mw-network.h"

typedef struct
{
  GArray    *kinds;
  GPtrArray *names;   /* ids of what changed, "" for none */
  GPtrArray *batch_names;
} Recorder;

static void
record_change_cb (MwNetwork *network,
                  MwChange  *change,
                  Recorder  *recorder)
{
  const char *name = "";

  if (change->actor != NULL)
    name = change->actor->id;
  else if (change->tie != NULL)
    name = change->tie->id;

  g_array_append_val (recorder->kinds, change->kind);
  g_ptr_array_add (recorder->names, g_strdup (name));
  g_ptr_array_add (recorder->batch_names, g_strdup (change->batch_name ? change->batch_name : ""));
}

static void
recorder_init (Recorder  *recorder,
               MwNetwork *network)
{
  recorder->kinds = g_array_new (FALSE, FALSE, sizeof (MwChangeKind));
  recorder->names = g_ptr_array_new_with_free_func (g_free);
  recorder->batch_names = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (network, "changed", G_CALLBACK (record_change_cb), recorder);
}

static void
recorder_clear (Recorder *recorder)
{
  g_array_set_size (recorder->kinds, 0);
  g_ptr_array_set_size (recorder->names, 0);
  g_ptr_array_set_size (recorder->batch_names, 0);
}

static void
recorder_free (Recorder *recorder)
{
  g_array_unref (recorder->kinds);
  g_ptr_array_unref (recorder->names);
  g_ptr_array_unref (recorder->batch_names);
}

static MwChangeKind
kind_at (Recorder *recorder,
         guint     i)
{
  return g_array_index (recorder->kinds, MwChangeKind, i);
}

static MwActor *
add (MwNetwork  *network,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  MwActor *actor = mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, &error);

  g_assert_no_error (error);
  g_assert_nonnull (actor);
  return actor;
}

static void
test_add_lookup_remove (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(GError) error = NULL;
  MwActor *ann, *bob, *cy;
  MwTie *tie;

  ann = add (network, "ann");
  bob = add (network, "bob");
  cy = add (network, "cy");

  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 3);
  g_assert_true (mw_network_lookup_actor (network, "bob") == bob);
  g_assert_null (mw_network_lookup_actor (network, "nobody"));
  g_assert_cmpstr (ann->label, ==, "ann");
  g_assert_cmpstr (ann->org, ==, "");

  /* an id is unique */
  g_assert_null (mw_network_add_actor (network, "ann", "Another Ann", MW_ACTOR_PERSON, &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);

  tie = mw_network_add_tie (network, bob, ann, MW_TIE_REPORTS, 1.0, NULL);
  mw_network_add_tie (network, cy, ann, MW_TIE_REPORTS, 1.0, NULL);
  mw_network_add_tie (network, cy, bob, MW_TIE_COLLABORATES, 2.0, NULL);
  g_assert_true (mw_network_lookup_tie (network, tie->id) == tie);
  g_assert_cmpuint (mw_actor_n_in (ann, MW_TIE_REPORTS), ==, 2);
  g_assert_cmpuint (mw_actor_n_out (cy, MW_TIE_COLLABORATES), ==, 1);
  g_assert_cmpuint (mw_actor_n_in (bob, MW_TIE_COLLABORATES), ==, 1);

  /* removing an actor takes its ties with it and keeps indices dense */
  mw_network_remove_actor (network, ann);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 2);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 1);
  g_assert_cmpuint (mw_actor_n_out (bob, MW_TIE_REPORTS), ==, 0);
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    g_assert_cmpuint (mw_network_get_actor (network, i)->index, ==, i);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    g_assert_cmpuint (mw_network_get_tie (network, i)->index, ==, i);
  g_assert_null (mw_network_lookup_actor (network, "ann"));
}

/* A weight of −0 is stored as 0, so that every file format writes and
 * reads it back the same (found by fuzz-graphml). */
static void
test_negative_zero_weight (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  MwActor *a = mw_network_add_actor (network, "a", NULL, MW_ACTOR_PERSON, NULL);
  MwActor *b = mw_network_add_actor (network, "b", NULL, MW_ACTOR_PERSON, NULL);
  MwTie *tie = mw_network_add_tie (network, a, b, MW_TIE_INFLUENCES, -0.0, NULL);

  g_assert_false (signbit (tie->weight));
  mw_network_set_tie_weight (network, tie, 2.0);
  mw_network_set_tie_weight (network, tie, -0.0);
  g_assert_cmpfloat (tie->weight, ==, 0.0);
  g_assert_false (signbit (tie->weight));
}

static void
test_signals (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  Recorder recorder;
  MwActor *a, *b;
  MwTie *tie;

  recorder_init (&recorder, network);

  a = add (network, "a");
  b = add (network, "b");
  tie = mw_network_add_tie (network, a, b, MW_TIE_INFLUENCES, 1.0, "t1");
  g_assert_cmpuint (recorder.kinds->len, ==, 3);
  g_assert_cmpint (kind_at (&recorder, 0), ==, MW_CHANGE_ACTOR_ADDED);
  g_assert_cmpint (kind_at (&recorder, 2), ==, MW_CHANGE_TIE_ADDED);
  g_assert_cmpstr (g_ptr_array_index (recorder.names, 2), ==, "t1");

  /* a setter announces a change only when the value changes */
  recorder_clear (&recorder);
  mw_network_set_actor_label (network, a, "Alice");
  mw_network_set_actor_label (network, a, "Alice");
  mw_network_set_actor_unit (network, a, "Ops");
  mw_network_set_actor_position (network, a, 10, 20);
  mw_network_set_actor_position (network, a, 10, 20);
  mw_network_set_tie_weight (network, tie, 3);
  mw_network_set_tie_type (network, tie, MW_TIE_CHECKS);
  g_assert_cmpuint (recorder.kinds->len, ==, 5);
  g_assert_cmpint (kind_at (&recorder, 3), ==, MW_CHANGE_TIE_CHANGED);
  g_assert_cmpuint (mw_actor_n_out (a, MW_TIE_INFLUENCES), ==, 0);
  g_assert_cmpuint (mw_actor_n_out (a, MW_TIE_CHECKS), ==, 1);

  /* removing an actor announces its ties first, then the actor */
  recorder_clear (&recorder);
  mw_network_remove_actor (network, b);
  g_assert_cmpuint (recorder.kinds->len, ==, 2);
  g_assert_cmpint (kind_at (&recorder, 0), ==, MW_CHANGE_TIE_REMOVED);
  g_assert_cmpint (kind_at (&recorder, 1), ==, MW_CHANGE_ACTOR_REMOVED);
  g_assert_cmpstr (g_ptr_array_index (recorder.names, 1), ==, "b");

  recorder_free (&recorder);
}

static void
test_batch (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  Recorder recorder;
  guint64 generation;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      add (network, id);
    }

  recorder_init (&recorder, network);
  generation = mw_network_get_generation (network);

  /* a move of 50 actors, nested inside a larger batch, is one change */
  mw_network_begin_batch (network, "Move 50 Actors");
  mw_network_begin_batch (network, "inner");
  for (guint i = 0; i < 50; i++)
    mw_network_set_actor_position (network, mw_network_get_actor (network, i), i, i * 2);
  mw_network_end_batch (network);
  g_assert_cmpuint (recorder.kinds->len, ==, 0);
  g_assert_true (mw_network_in_batch (network));
  mw_network_end_batch (network);

  g_assert_cmpuint (recorder.kinds->len, ==, 1);
  g_assert_cmpint (kind_at (&recorder, 0), ==, MW_CHANGE_BATCH);
  g_assert_cmpstr (g_ptr_array_index (recorder.batch_names, 0), ==, "Move 50 Actors");
  g_assert_cmpuint (mw_network_get_generation (network), >, generation);

  recorder_free (&recorder);
}

static MwProblem *
find_problem (GPtrArray     *problems,
              MwProblemKind  kind)
{
  for (guint i = 0; i < problems->len; i++)
    {
      MwProblem *problem = g_ptr_array_index (problems, i);
      if (problem->kind == kind)
        return problem;
    }
  return NULL;
}

static void
test_check (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(GPtrArray) problems = NULL;
  MwActor *a, *b, *c, *d;
  MwProblem *cycle, *self_tie, *duplicate;

  a = add (network, "a");
  b = add (network, "b");
  c = add (network, "c");
  d = add (network, "d");
  mw_network_set_actor_label (network, a, "Ann");

  problems = mw_network_check (network);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* a → b → c → a is a cycle; d → a hangs off it and is not part of it */
  mw_network_add_tie (network, a, b, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (network, b, c, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (network, c, a, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (network, d, a, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (network, d, d, MW_TIE_INFLUENCES, 1, NULL);
  /* a collaboration drawn both ways is the same collaboration */
  mw_network_add_tie (network, a, d, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (network, d, a, MW_TIE_COLLABORATES, 1, NULL);
  /* influence both ways is not a duplicate */
  mw_network_add_tie (network, b, c, MW_TIE_INFLUENCES, 1, NULL);
  mw_network_add_tie (network, c, b, MW_TIE_INFLUENCES, 1, NULL);

  problems = mw_network_check (network);
  g_assert_cmpuint (problems->len, ==, 3);

  cycle = find_problem (problems, MW_PROBLEM_REPORTS_CYCLE);
  g_assert_nonnull (cycle);
  g_assert_cmpuint (g_strv_length (cycle->actor_ids), ==, 3);
  g_assert_true (g_strv_contains ((const char * const *)cycle->actor_ids, "a"));
  g_assert_false (g_strv_contains ((const char * const *)cycle->actor_ids, "d"));
  g_assert_cmpuint (g_strv_length (cycle->tie_ids), ==, 3);
  g_assert_nonnull (strstr (cycle->message, "Ann"));

  self_tie = find_problem (problems, MW_PROBLEM_SELF_TIE);
  g_assert_nonnull (self_tie);
  g_assert_cmpstr (self_tie->actor_ids[0], ==, "d");

  duplicate = find_problem (problems, MW_PROBLEM_DUPLICATE_TIE);
  g_assert_nonnull (duplicate);
  g_assert_cmpuint (g_strv_length (duplicate->tie_ids), ==, 2);
}

static void
test_long_reports_chain (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(GPtrArray) problems = NULL;
  MwActor *previous = NULL, *first = NULL;

  /* deep enough to overflow a recursive search */
  for (guint i = 0; i < 200000; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MwActor *actor = add (network, id);

      if (previous != NULL)
        mw_network_add_tie (network, previous, actor, MW_TIE_REPORTS, 1, NULL);
      else
        first = actor;
      previous = actor;
    }
  mw_network_add_tie (network, previous, first, MW_TIE_REPORTS, 1, NULL);

  problems = mw_network_check (network);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpuint (g_strv_length (((MwProblem *)g_ptr_array_index (problems, 0))->actor_ids), ==, 200000);
}

/* Parallel ties are numbered "#2", "#3"… in O(1) each; a number a removed
 * tie freed is given out again first, as when every number was tried. */
static void
test_parallel_tie_ids (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  MwActor *a = add (network, "a");
  MwActor *b = add (network, "b");
  MwTie *tie;

  for (guint i = 0; i < 5; i++)
    mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 1, NULL);
  g_assert_nonnull (mw_network_lookup_tie (network, "a->b:checks"));
  g_assert_nonnull (mw_network_lookup_tie (network, "a->b:checks#5"));

  mw_network_remove_tie (network, mw_network_lookup_tie (network, "a->b:checks#3"));
  mw_network_remove_tie (network, mw_network_lookup_tie (network, "a->b:checks#4"));
  tie = mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 1, NULL);
  g_assert_cmpstr (tie->id, ==, "a->b:checks#3");
  tie = mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 1, NULL);
  g_assert_cmpstr (tie->id, ==, "a->b:checks#4");
  tie = mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 1, NULL);
  g_assert_cmpstr (tie->id, ==, "a->b:checks#6");

  /* an id given by the file takes a number; the next one goes past it */
  mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 1, "a->b:checks#7");
  tie = mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 1, NULL);
  g_assert_cmpstr (tie->id, ==, "a->b:checks#8");

  mw_network_remove_tie (network, mw_network_lookup_tie (network, "a->b:checks"));
  tie = mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 1, NULL);
  g_assert_cmpstr (tie->id, ==, "a->b:checks");
}

/* One long value held by many actors: each holds a reference, and a
 * change to one actor leaves the others as they were. */
static void
test_shared_actor_strings (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  MwActor *a = add (network, "a");
  MwActor *b = add (network, "b");
  char *notes = g_ref_string_new ("a long note");
  Recorder recorder;

  recorder_init (&recorder, network);
  mw_network_share_actor_string (network, a, MW_FIELD_NOTES, notes);
  mw_network_share_actor_string (network, b, MW_FIELD_NOTES, notes);
  mw_network_share_actor_string (network, b, MW_FIELD_LABEL, notes);
  g_ref_string_release (notes);
  g_assert_cmpuint (recorder.kinds->len, ==, 3);
  g_assert_true (a->notes == b->notes);
  g_assert_true (b->label == b->notes);

  mw_network_set_actor_notes (network, a, "mine");
  g_assert_cmpstr (a->notes, ==, "mine");
  g_assert_cmpstr (b->notes, ==, "a long note");
  g_assert_cmpstr (b->label, ==, "a long note");

  g_signal_handlers_disconnect_by_data (network, &recorder);
  recorder_free (&recorder);
}

static void
test_copy_and_equal (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwNetwork) copy = NULL;
  g_autofree char *difference = NULL;
  MwActor *a, *b;

  a = add (network, "a");
  b = add (network, "b");
  mw_network_set_actor_org (network, a, "Acme");
  mw_network_set_actor_purpose (network, a, TRUE);
  mw_network_set_actor_attr (network, b, "employee_no", "42");
  mw_network_set_attr (network, "label", "Acme");
  mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 0.5, NULL);

  copy = mw_network_copy (network);
  g_assert_true (mw_network_equal (network, copy, &difference));
  g_assert_null (difference);

  mw_network_set_actor_unit (copy, mw_network_lookup_actor (copy, "b"), "Ops");
  g_assert_false (mw_network_equal (network, copy, &difference));
  g_assert_nonnull (strstr (difference, "unit"));

  /* the copy is independent */
  g_assert_cmpstr (b->unit, ==, "");
}

/* A copy finds its ties by id only once asked (the index is made then):
 * several threads asking first at once all get every tie, and new ties in
 * the copy are named as they would be in the network. */
static gpointer
look_up_every_tie (gpointer data)
{
  MwNetwork *copy = data;
  guint found = 0;

  for (guint i = 0; i < mw_network_get_n_ties (copy); i++)
    {
      MwTie *tie = mw_network_get_tie (copy, i);

      found += mw_network_lookup_tie (copy, tie->id) == tie;
    }
  return GUINT_TO_POINTER (found);
}

static void
test_copy_ties_by_id (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  MwActor *a = add (network, "a"), *b = add (network, "b"), *c = add (network, "c");
  GThread *threads[4];
  guint n_ties;

  for (guint i = 0; i < 400; i++)
    mw_network_add_tie (network, i % 3 ? a : c, i % 2 ? b : c, (MwTieType) (i % MW_N_TIE_TYPES), 1, NULL);
  mw_network_add_tie (network, a, b, MW_TIE_CHECKS, 1, "a given id");
  mw_network_remove_tie (network, mw_network_lookup_tie (network, "a->b:checks#3"));
  n_ties = mw_network_get_n_ties (network);

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(MwNetwork) copy = mw_network_copy (network);

      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        threads[i] = g_thread_new ("lookup", look_up_every_tie, copy);
      for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
        g_assert_cmpuint (GPOINTER_TO_UINT (g_thread_join (threads[i])), ==, n_ties);
    }

  {
    g_autoptr(MwNetwork) copy = mw_network_copy (network);
    MwNetwork *both[] = { network, copy };
    char *given[2], *next[2];

    /* the same edits name the same ties in the network and in its copy */
    for (guint k = 0; k < 2; k++)
      {
        MwActor *ka = mw_network_lookup_actor (both[k], "a"), *kb = mw_network_lookup_actor (both[k], "b");

        given[k] = g_strdup (mw_network_add_tie (both[k], ka, kb, MW_TIE_CHECKS, 1, "a given id")->id);
        next[k] = g_strdup (mw_network_add_tie (both[k], ka, kb, MW_TIE_CHECKS, 1, NULL)->id);
        mw_network_remove_tie (both[k], mw_network_lookup_tie (both[k], "a->b:checks"));
        g_assert_null (mw_network_lookup_tie (both[k], "a->b:checks"));
      }
    g_assert_cmpstr (given[0], ==, "a->b:checks#3");
    g_assert_cmpstr (given[1], ==, given[0]);
    g_assert_cmpstr (next[1], ==, next[0]);
    g_assert_true (mw_network_equal (network, copy, NULL));
    for (guint k = 0; k < 2; k++)
      {
        g_free (given[k]);
        g_free (next[k]);
      }
  }
}

static void
test_rename_and_unique_ids (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *fresh = NULL;
  MwActor *a;

  a = add (network, "p1");
  add (network, "p2");
  fresh = mw_network_unique_actor_id (network, "p");
  g_assert_null (mw_network_lookup_actor (network, fresh));

  g_assert_false (mw_network_set_actor_id (network, a, "p2", &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_assert_true (mw_network_set_actor_id (network, a, "ann", NULL));
  g_assert_true (mw_network_lookup_actor (network, "ann") == a);
  g_assert_null (mw_network_lookup_actor (network, "p1"));
}

static void
test_lists (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_auto(GStrv) orgs = NULL;
  g_auto(GStrv) units = NULL;

  mw_network_set_actor_org (network, add (network, "a"), "Zeta");
  mw_network_set_actor_org (network, add (network, "b"), "Acme");
  mw_network_set_actor_org (network, add (network, "c"), "Acme");
  mw_network_set_actor_unit (network, mw_network_lookup_actor (network, "c"), "Ops");

  orgs = mw_network_list_orgs (network);
  units = mw_network_list_units (network);
  g_assert_cmpuint (g_strv_length (orgs), ==, 2);
  g_assert_cmpstr (orgs[0], ==, "Acme");
  g_assert_cmpstr (orgs[1], ==, "Zeta");
  g_assert_cmpuint (g_strv_length (units), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/network/add-lookup-remove", test_add_lookup_remove);
  g_test_add_func ("/network/signals", test_signals);
  g_test_add_func ("/network/negative-zero-weight", test_negative_zero_weight);
  g_test_add_func ("/network/batch", test_batch);
  g_test_add_func ("/network/check", test_check);
  g_test_add_func ("/network/long-reports-chain", test_long_reports_chain);
  g_test_add_func ("/network/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/network/parallel-tie-ids", test_parallel_tie_ids);
  g_test_add_func ("/network/copy-ties-by-id", test_copy_ties_by_id);
  g_test_add_func ("/network/shared-actor-strings", test_shared_actor_strings);
  g_test_add_func ("/network/rename-and-unique-ids", test_rename_and_unique_ids);
  g_test_add_func ("/network/lists", test_lists);

  return g_test_run ();
}
