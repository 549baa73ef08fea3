/* test-network-order.c: a copy brought up to date, then put back in its source's order
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 17: the canvas's tile worker keeps a copy of the network up to
 * date (mw_network_copy_update()), which may leave actors and ties in
 * another order; mw_network_copy_match_order() must put them back so that
 * the same index is the same actor or tie in both, with nothing else
 * changed. Random edits of every kind, one sequence per seed. */

#include "mw-network-order.h"
#include "mw-network.h"

typedef struct
{
  GHashTable *actor_ids;
  GHashTable *tie_ids;
  GArray     *actor_slots;   /* written in either network */
  GArray     *tie_slots;
} Changes;

/* What changed, by id, as the scorer and the tile worker collect it, and
 * which slots were written. */
static void
changed_cb (MwNetwork *network,
            MwChange  *change,
            Changes   *changes)
{
  if (change->actor != NULL)
    g_hash_table_add (changes->actor_ids, g_strdup (change->actor->id));
  if (change->tie != NULL)
    g_hash_table_add (changes->tie_ids, g_strdup (change->tie->id));
  mw_network_order_note_change (change, changes->actor_slots, changes->tie_slots);
}

static void
copy_changed_cb (MwNetwork *copy,
                 MwChange  *change,
                 Changes   *changes)
{
  mw_network_order_note_change (change, changes->actor_slots, changes->tie_slots);
}

static MwNetwork *
build_network (GRand *rand,
               guint  n_actors,
               guint  n_ties)
{
  MwNetwork *network = mw_network_new ();

  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      MwActor *actor = mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_position (network, actor, i % 10 * 50.0, i / 10 * 50.0);
    }
  for (guint i = 0; i < n_ties; i++)
    mw_network_add_tie (network, mw_network_get_actor (network, g_rand_int_range (rand, 0, n_actors)),
                        mw_network_get_actor (network, g_rand_int_range (rand, 0, n_actors)),
                        g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1.0, NULL);
  return network;
}

static MwActor *
any_actor (MwNetwork *network,
           GRand     *rand)
{
  return mw_network_get_actor (network, g_rand_int_range (rand, 0, mw_network_get_n_actors (network)));
}

/* One edit of a random kind; @serial makes new ids. */
static void
edit (MwNetwork *network,
      GRand     *rand,
      guint      serial)
{
  g_autofree char *id = g_strdup_printf ("new%u", serial);
  guint n_ties = mw_network_get_n_ties (network);
  MwTie *tie = n_ties > 0 ? mw_network_get_tie (network, g_rand_int_range (rand, 0, n_ties)) : NULL;

  switch (g_rand_int_range (rand, 0, 9))
    {
    case 0:
      if (mw_network_get_n_actors (network) > 4)
        mw_network_remove_actor (network, any_actor (network, rand));
      break;
    case 1:
      mw_network_add_actor (network, id, "New", MW_ACTOR_PERSON, NULL);
      break;
    case 2:
    case 3:
      mw_network_add_tie (network, any_actor (network, rand), any_actor (network, rand),
                          g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 2.0, NULL);
      break;
    case 4:
      if (tie != NULL)
        mw_network_remove_tie (network, tie);
      break;
    case 5:
      if (tie != NULL)
        mw_network_set_tie_weight (network, tie, g_rand_double_range (rand, 0.5, 3));
      break;
    case 6:
      mw_network_set_actor_label (network, any_actor (network, rand), id);
      break;
    case 7:
      mw_network_set_actor_unit (network, any_actor (network, rand), id);
      break;
    default:
      mw_network_set_actor_position (network, any_actor (network, rand),
                                     g_rand_double_range (rand, 0, 500), g_rand_double_range (rand, 0, 500));
      break;
    }
}

static void
assert_same_order (MwNetwork *copy,
                   MwNetwork *network)
{
  g_assert_cmpuint (mw_network_get_n_actors (copy), ==, mw_network_get_n_actors (network));
  g_assert_cmpuint (mw_network_get_n_ties (copy), ==, mw_network_get_n_ties (network));
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      const MwActor *actor = mw_network_get_actor (copy, i);

      g_assert_cmpstr (actor->id, ==, mw_network_get_actor (network, i)->id);
      g_assert_cmpuint (actor->index, ==, i);
      g_assert_true (mw_network_lookup_actor (copy, actor->id) == actor);
    }
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      const MwTie *tie = mw_network_get_tie (copy, i);
      const MwTie *want = mw_network_get_tie (network, i);

      g_assert_cmpstr (tie->id, ==, want->id);
      g_assert_cmpuint (tie->index, ==, i);
      g_assert_cmpuint (tie->from->index, ==, want->from->index);
      g_assert_cmpuint (tie->to->index, ==, want->to->index);
      g_assert_true (mw_network_get_actor (copy, tie->from->index) == tie->from);
    }
}

/* @n_edits random edits, then the copy updated and reordered (walking
 * every slot, or with @at only those written); @rounds times. */
static void
check_edits (guint32  seed,
             guint    n_edits,
             guint    rounds,
             gboolean at)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(MwNetwork) network = build_network (rand, 60, 150);
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  Changes changes = {
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
    g_array_new (FALSE, FALSE, sizeof (guint)),
    g_array_new (FALSE, FALSE, sizeof (guint)),
  };
  guint serial = 0;

  g_signal_connect (network, "changed", G_CALLBACK (changed_cb), &changes);
  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *difference = NULL;
      g_autofree char *check = NULL;

      for (guint k = 0; k < n_edits; k++)
        edit (network, rand, serial++);
      g_signal_connect (copy, "changed", G_CALLBACK (copy_changed_cb), &changes);
      mw_network_copy_update (copy, network, changes.actor_ids, changes.tie_ids);
      g_signal_handlers_disconnect_by_data (copy, &changes);
      g_hash_table_remove_all (changes.actor_ids);
      g_hash_table_remove_all (changes.tie_ids);
      if (at)
        mw_network_copy_match_order_at (copy, network, changes.actor_slots, changes.tie_slots);
      else
        mw_network_copy_match_order (copy, network);
      g_array_set_size (changes.actor_slots, 0);
      g_array_set_size (changes.tie_slots, 0);
      g_assert_true (mw_network_equal (copy, network, &difference));
      g_assert_null (difference);
      assert_same_order (copy, network);
    }
  g_signal_handlers_disconnect_by_data (network, &changes);
  g_hash_table_unref (changes.actor_ids);
  g_hash_table_unref (changes.tie_ids);
  g_array_unref (changes.actor_slots);
  g_array_unref (changes.tie_slots);
}

static void
test_order_one_edit (void)
{
  for (guint32 seed = 1; seed <= 40; seed++)
    {
      check_edits (seed, 1, 20, FALSE);
      check_edits (seed, 1, 20, TRUE);
    }
}

static void
test_order_many_edits (void)
{
  for (guint32 seed = 100; seed <= 140; seed++)
    {
      check_edits (seed, 25, 6, FALSE);
      check_edits (seed, 25, 6, TRUE);
    }
}

/* Nothing changed: nothing moves. */
static void
test_order_unchanged (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(MwNetwork) network = build_network (rand, 30, 80);
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  MwActor *first = mw_network_get_actor (copy, 0);

  mw_network_copy_match_order (copy, network);
  g_assert_true (mw_network_get_actor (copy, 0) == first);
  assert_same_order (copy, network);
}

/* Copies that share no id with the network (each made on its own) still line up. */
static void
test_order_own_ids (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GRand) rand2 = g_rand_new_with_seed (11);
  g_autoptr(MwNetwork) network = build_network (rand, 40, 100);
  g_autoptr(MwNetwork) copy = build_network (rand2, 40, 100);
  GHashTable *actor_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *tie_ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_true (mw_network_get_actor (copy, 3)->id != mw_network_get_actor (network, 3)->id);
  /* out of order: the first actor and tie removed, then added again */
  g_hash_table_add (actor_ids, mw_network_get_actor (network, 0)->id);
  g_hash_table_add (tie_ids, mw_network_get_tie (network, 0)->id);
  mw_network_remove_tie (copy, mw_network_get_tie (copy, 0));
  mw_network_remove_actor (copy, mw_network_get_actor (copy, 0));
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (g_strcmp0 (tie->from->id, "a0") == 0 || g_strcmp0 (tie->to->id, "a0") == 0)
        g_hash_table_add (tie_ids, tie->id);
    }
  mw_network_copy_update (copy, network, actor_ids, tie_ids);
  g_assert_cmpstr (mw_network_get_actor (copy, 0)->id, !=, "a0");
  mw_network_copy_match_order (copy, network);
  g_assert_true (mw_network_equal (copy, network, NULL));
  assert_same_order (copy, network);
  g_hash_table_unref (actor_ids);
  g_hash_table_unref (tie_ids);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/network-order/one-edit", test_order_one_edit);
  g_test_add_func ("/network-order/many-edits", test_order_many_edits);
  g_test_add_func ("/network-order/unchanged", test_order_unchanged);
  g_test_add_func ("/network-order/own-ids", test_order_own_ids);
  return g_test_run ();
}
