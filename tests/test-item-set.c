/* test-item-set.c: the set of actors and ties the canvas selects, highlights and marks
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mw-item-set.h"

typedef struct
{
  MwNetwork *network;
  MwActor   *a, *b, *c;
  MwTie     *ab, *bc;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->network = mw_network_new ();
  f->a = mw_network_add_actor (f->network, "a", "Ana", MW_ACTOR_PERSON, NULL);
  f->b = mw_network_add_actor (f->network, "b", "Ben", MW_ACTOR_PERSON, NULL);
  f->c = mw_network_add_actor (f->network, "c", "Cleo", MW_ACTOR_PERSON, NULL);
  f->ab = mw_network_add_tie (f->network, f->a, f->b, MW_TIE_COLLABORATES, 1.0, "ab");
  f->bc = mw_network_add_tie (f->network, f->b, f->c, MW_TIE_REPORTS, 1.0, "bc");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->network);
}

static void
test_add_remove_toggle (Fixture *f, gconstpointer data)
{
  g_autoptr(MwItemSet) set = mw_item_set_new ();

  g_assert_true (mw_item_set_is_empty (set));
  mw_item_set_add_actor (set, f->a);
  mw_item_set_add_actor (set, f->a);
  mw_item_set_add_tie (set, f->ab);
  g_assert_cmpuint (mw_item_set_get_n_actors (set), ==, 1);
  g_assert_cmpuint (mw_item_set_get_n_ties (set), ==, 1);
  g_assert_true (mw_item_set_contains_actor (set, f->a));
  g_assert_false (mw_item_set_contains_actor (set, f->b));
  g_assert_true (mw_item_set_contains_tie (set, f->ab));

  /* Toggling says whether the actor is in the set afterwards. */
  g_assert_true (mw_item_set_toggle_actor (set, f->b));
  g_assert_false (mw_item_set_toggle_actor (set, f->b));
  g_assert_false (mw_item_set_contains_actor (set, f->b));

  g_assert_true (mw_item_set_remove_tie (set, f->ab));
  g_assert_false (mw_item_set_remove_tie (set, f->ab));
  g_assert_true (mw_item_set_remove_actor (set, f->a));
  g_assert_false (mw_item_set_remove_actor (set, f->c));
  g_assert_true (mw_item_set_is_empty (set));
}

/* Actors are listed in the network's order, whatever the order they came. */
static void
test_list_in_network_order (Fixture *f, gconstpointer data)
{
  g_autoptr(MwItemSet) set = mw_item_set_new ();
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(MwItemSet) copy = NULL;

  mw_item_set_add_actor (set, f->c);
  mw_item_set_add_actor (set, f->a);
  mw_item_set_add_tie (set, f->bc);
  actors = mw_item_set_list_actors (set);
  g_assert_cmpuint (actors->len, ==, 2);
  g_assert_true (g_ptr_array_index (actors, 0) == f->a);
  g_assert_true (g_ptr_array_index (actors, 1) == f->c);

  /* A copy of the actors alone: the ties stay behind. */
  copy = mw_item_set_copy_actors (set);
  g_assert_cmpuint (mw_item_set_get_n_actors (copy), ==, 2);
  g_assert_cmpuint (mw_item_set_get_n_ties (copy), ==, 0);
  mw_item_set_clear_ties (set);
  g_assert_cmpuint (mw_item_set_get_n_ties (set), ==, 0);
  g_assert_cmpuint (mw_item_set_get_n_actors (set), ==, 2);
}

/* Ids that the network does not have are skipped. */
static void
test_replace_by_ids (Fixture *f, gconstpointer data)
{
  g_autoptr(MwItemSet) set = mw_item_set_new ();
  const char *actor_ids[] = { "b", "nobody", NULL };
  const char *tie_ids[] = { "bc", "nothing", NULL };
  MwItemSetIter iter;
  gpointer item;
  const char *id;
  guint n = 0;

  mw_item_set_add_actor (set, f->a);
  mw_item_set_replace (set, f->network, actor_ids, tie_ids);
  g_assert_cmpuint (mw_item_set_get_n_actors (set), ==, 1);
  g_assert_true (mw_item_set_contains_actor (set, f->b));
  g_assert_false (mw_item_set_contains_actor (set, f->a));
  g_assert_true (mw_item_set_contains_tie (set, f->bc));

  mw_item_set_iter_init_ties (&iter, set);
  while (mw_item_set_iter_next (&iter, &item, &id))
    {
      g_assert_true (item == f->bc);
      g_assert_cmpstr (id, ==, "bc");
      n++;
    }
  g_assert_cmpuint (n, ==, 1);

  mw_item_set_replace (set, f->network, NULL, NULL);
  g_assert_true (mw_item_set_is_empty (set));
}

/* After an actor is removed and a new one takes its id (as an undo does),
 * the set holds the new object; what is gone is dropped and reported. */
static void
test_revalidate_by_id (Fixture *f, gconstpointer data)
{
  g_autoptr(MwItemSet) set = mw_item_set_new ();
  MwActor *new_b;

  mw_item_set_add_actor (set, f->a);
  mw_item_set_add_actor (set, f->b);
  mw_item_set_add_tie (set, f->ab);
  g_assert_false (mw_item_set_revalidate (set, f->network));

  mw_network_remove_actor (f->network, f->b);   /* takes ab and bc with it */
  new_b = mw_network_add_actor (f->network, "b", "Ben again", MW_ACTOR_PERSON, NULL);
  g_assert_true (mw_item_set_revalidate (set, f->network));
  g_assert_cmpuint (mw_item_set_get_n_actors (set), ==, 2);
  g_assert_true (mw_item_set_contains_actor (set, new_b));
  g_assert_true (mw_item_set_contains_actor (set, f->a));
  g_assert_cmpuint (mw_item_set_get_n_ties (set), ==, 0);

  mw_network_remove_actor (f->network, f->a);
  g_assert_true (mw_item_set_revalidate (set, f->network));
  g_assert_cmpuint (mw_item_set_get_n_actors (set), ==, 1);
  g_assert_false (mw_item_set_revalidate (set, f->network));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/item-set/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("add-remove-toggle", test_add_remove_toggle);
  ADD ("list-in-network-order", test_list_in_network_order);
  ADD ("replace-by-ids", test_replace_by_ids);
  ADD ("revalidate-by-id", test_revalidate_by_id);
#undef ADD

  return g_test_run ();
}
