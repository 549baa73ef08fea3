/* test-history.c: undo and redo of edits, headless
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mw-dot.h"
#include "mw-history.h"

static void
assert_networks_equal (MwNetwork *a,
                       MwNetwork *b)
{
  g_autofree char *difference = NULL;

  if (!mw_network_equal (a, b, &difference))
    g_error ("networks differ: %s", difference);
}

static MwNetwork *
load_example (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                 "meshwork-example.gv", NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

/* Three actors and two ties, one step each; undo and redo walk the same states. */
static void
test_history_steps (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_object_unref);
  const char *ids[] = { "ann", "bob", "cy" };

  g_ptr_array_add (states, mw_network_copy (network));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      MwEdit *edit = mw_history_begin (history, "Add Actor");
      MwActor *actor = mw_edit_add_actor (edit, ids[i], NULL, MW_ACTOR_PERSON, NULL);

      mw_edit_move_actor (edit, actor, 100 * i, 50);
      g_assert_true (mw_history_commit (history, edit));
      g_ptr_array_add (states, mw_network_copy (network));
    }
  for (guint i = 0; i < 2; i++)
    {
      MwEdit *edit = mw_history_begin (history, "Add Tie");

      mw_edit_add_tie (edit, mw_network_lookup_actor (network, ids[i + 1]),
                       mw_network_lookup_actor (network, ids[0]),
                       i == 0 ? MW_TIE_REPORTS : MW_TIE_COLLABORATES, 1.0, NULL);
      g_assert_true (mw_history_commit (history, edit));
      g_ptr_array_add (states, mw_network_copy (network));
    }

  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 5);
  g_assert_cmpstr (mw_history_get_undo_name (history), ==, "Add Tie");
  g_assert_true (mw_history_get_modified (history));

  for (guint round = 0; round < 2; round++)
    {
      for (guint i = states->len - 1; i > 0; i--)
        {
          g_assert_true (mw_history_undo (history));
          assert_networks_equal (network, g_ptr_array_index (states, i - 1));
        }
      g_assert_false (mw_history_can_undo (history));
      g_assert_false (mw_history_get_modified (history));
      g_assert_cmpstr (mw_history_get_redo_name (history), ==, "Add Actor");

      for (guint i = 1; i < states->len; i++)
        {
          g_assert_true (mw_history_redo (history));
          assert_networks_equal (network, g_ptr_array_index (states, i));
        }
      g_assert_false (mw_history_can_redo (history));
    }
}

/* Deleting an actor takes its ties; undo brings all of them back. */
static void
test_history_remove_actor (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) before = mw_network_copy (network);
  g_autoptr(MwHistory) history = mw_history_new (network);
  guint n_ties = mw_network_get_n_ties (network);
  MwEdit *edit = mw_history_begin (history, "Delete Actor");

  mw_edit_remove_actor (edit, mw_network_lookup_actor (network, "ceo"));
  g_assert_true (mw_history_commit (history, edit));
  g_assert_null (mw_network_lookup_actor (network, "ceo"));
  g_assert_cmpuint (mw_network_get_n_ties (network), <, n_ties);

  g_assert_true (mw_history_undo (history));
  assert_networks_equal (network, before);
  g_assert_true (mw_history_redo (history));
  g_assert_null (mw_network_lookup_actor (network, "ceo"));
}

/* A drag of many actors is one step, announced as it happens. */
static void
record_cb (MwNetwork *network,
           MwChange  *change,
           guint     *count)
{
  (*count)++;
}

static void
test_history_drag_is_one_step (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) before = mw_network_copy (network);
  g_autoptr(MwHistory) history = mw_history_new (network);
  guint n = mw_network_get_n_actors (network);
  guint announced = 0;
  MwEdit *edit;

  g_signal_connect (network, "changed", G_CALLBACK (record_cb), &announced);
  edit = mw_history_begin (history, "Move Actors");
  for (guint motion = 1; motion <= 30; motion++)
    for (guint i = 0; i < n; i++)
      {
        MwActor *actor = mw_network_get_actor (network, i);
        mw_edit_move_actor (edit, actor, actor->x + 1, actor->y);
      }
  g_assert_cmpuint (announced, ==, 30 * n);
  g_assert_false (mw_history_can_undo (history));
  g_assert_true (mw_history_commit (history, edit));
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 1);

  announced = 0;
  g_assert_true (mw_history_undo (history));
  g_assert_cmpuint (announced, ==, 1);   /* one batch */
  assert_networks_equal (network, before);
}

/* An edit that ends where it started is not a step; cancel puts things back. */
static void
test_history_noop_and_cancel (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) before = mw_network_copy (network);
  g_autoptr(MwHistory) history = mw_history_new (network);
  MwActor *actor = mw_network_lookup_actor (network, "coo");
  double x = 120, y = 80;
  MwEdit *edit;

  mw_network_set_actor_position (network, actor, x, y);
  g_clear_object (&before);
  before = mw_network_copy (network);

  edit = mw_history_begin (history, "Move Actor");
  mw_edit_move_actor (edit, actor, x + 40, y);
  mw_edit_move_actor (edit, actor, x, y);
  g_assert_false (mw_history_commit (history, edit));
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 0);

  edit = mw_history_begin (history, "Edit");
  mw_edit_touch_actor (edit, actor);
  mw_network_set_actor_label (network, actor, "Someone Else");
  mw_edit_remove_tie (edit, mw_network_get_tie (network, 0));
  mw_edit_add_actor (edit, "newcomer", "New", MW_ACTOR_TEAM, NULL);
  mw_history_cancel (history, edit);
  assert_networks_equal (network, before);
  g_assert_false (mw_history_get_modified (history));
}

/* Undoing past the saved state and editing anew can never look saved again. */
static void
test_history_modified (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwHistory) history = mw_history_new (network);
  MwEdit *edit;

  edit = mw_history_begin (history, "Add Actor");
  mw_edit_add_actor (edit, "a", NULL, MW_ACTOR_PERSON, NULL);
  mw_history_commit (history, edit);
  mw_history_set_unmodified (history);
  g_assert_false (mw_history_get_modified (history));

  mw_history_undo (history);
  g_assert_true (mw_history_get_modified (history));
  edit = mw_history_begin (history, "Add Actor");
  mw_edit_add_actor (edit, "b", NULL, MW_ACTOR_PERSON, NULL);
  mw_history_commit (history, edit);
  g_assert_false (mw_history_can_redo (history));
  g_assert_true (mw_history_get_modified (history));
  mw_history_undo (history);
  g_assert_true (mw_history_get_modified (history));
}

/* Pasting a network twice gives fresh ids and keeps the ties. */
static void
test_history_add_network (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) before = mw_network_copy (network);
  g_autoptr(MwNetwork) clip = mw_network_new ();
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  MwActor *a, *b;
  MwEdit *edit;

  a = mw_network_add_actor (clip, "ceo", "Copy of CEO", MW_ACTOR_PERSON, NULL);
  b = mw_network_add_actor (clip, "fresh", "Fresh", MW_ACTOR_TEAM, NULL);
  mw_network_set_actor_position (clip, a, 10, 10);
  mw_network_add_tie (clip, b, a, MW_TIE_CHECKS, 2.0, NULL);

  edit = mw_history_begin (history, "Paste");
  mw_edit_add_network (edit, clip, 20, 20, added);
  g_assert_true (mw_history_commit (history, edit));

  g_assert_cmpuint (added->len, ==, 2);
  a = g_ptr_array_index (added, 0);
  g_assert_cmpstr (a->id, !=, "ceo");
  g_assert_cmpstr (a->label, ==, "Copy of CEO");
  g_assert_cmpfloat (a->x, ==, 30);
  g_assert_cmpuint (mw_actor_n_in (a, MW_TIE_CHECKS), ==, 1);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, mw_network_get_n_actors (before) + 2);

  mw_history_undo (history);
  assert_networks_equal (network, before);
}

/* An import checked on a copy comes back as one step: new actors and
 * ties keep their ids, a new tie may end at an old actor, and one undo
 * takes it all away. */
static void
test_history_add_missing (void)
{
  g_autoptr(MwNetwork) network = load_example ();
  g_autoptr(MwNetwork) before = mw_network_copy (network);
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  g_autoptr(MwHistory) history = mw_history_new (network);
  MwActor *old = mw_network_get_actor (copy, 0);
  MwActor *a = mw_network_add_actor (copy, "new-a", "New A", MW_ACTOR_PERSON, NULL);
  MwActor *b = mw_network_add_actor (copy, "new-b", "New B", MW_ACTOR_TEAM, NULL);
  MwTie *tie;
  MwEdit *edit;

  mw_network_set_actor_unit (copy, a, "Sales");
  mw_network_set_actor_attr (copy, a, "title", "Seller");
  mw_network_add_tie (copy, a, old, MW_TIE_REPORTS, 1.0, "t-new-1");
  tie = mw_network_add_tie (copy, a, b, MW_TIE_INFLUENCES, 2.5, "t-new-2");
  mw_network_set_tie_attr (copy, tie, "wave", "2");

  edit = mw_history_begin (history, "Import");
  g_assert_cmpuint (mw_edit_add_missing (edit, copy), ==, 4);
  g_assert_true (mw_history_commit (history, edit));

  a = mw_network_lookup_actor (network, "new-a");
  g_assert_nonnull (a);
  g_assert_cmpstr (a->unit, ==, "Sales");
  g_assert_cmpstr (g_hash_table_lookup (a->attrs, "title"), ==, "Seller");
  g_assert_cmpint (mw_network_lookup_actor (network, "new-b")->kind, ==, MW_ACTOR_TEAM);
  tie = mw_network_lookup_tie (network, "t-new-2");
  g_assert_nonnull (tie);
  g_assert_cmpfloat (tie->weight, ==, 2.5);
  g_assert_cmpstr (g_hash_table_lookup (tie->attrs, "wave"), ==, "2");
  g_assert_cmpstr (mw_network_lookup_tie (network, "t-new-1")->to->id, ==, old->id);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, mw_network_get_n_actors (before) + 2);

  g_assert_true (mw_history_undo (history));
  assert_networks_equal (network, before);
  g_assert_false (mw_history_can_undo (history));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/steps", test_history_steps);
  g_test_add_func ("/history/remove-actor", test_history_remove_actor);
  g_test_add_func ("/history/drag-is-one-step", test_history_drag_is_one_step);
  g_test_add_func ("/history/noop-and-cancel", test_history_noop_and_cancel);
  g_test_add_func ("/history/modified", test_history_modified);
  g_test_add_func ("/history/add-network", test_history_add_network);
  g_test_add_func ("/history/add-missing", test_history_add_missing);

  return g_test_run ();
}
