/* test-morph.c: one network turning into the next — who is kept, who
 * leaves and arrives, and where each is at a moment
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>

#include "mw-morph.h"

static MwActor *
add (MwNetwork  *network,
     const char *id,
     const char *label,
     double      x,
     double      y)
{
  g_autoptr(GError) error = NULL;
  MwActor *actor = mw_network_add_actor (network, id, label, MW_ACTOR_PERSON, &error);

  g_assert_no_error (error);
  mw_network_set_actor_position (network, actor, x, y);
  return actor;
}

/* Before: Ann → Bob → Cat, Ann → Dan. After: Ann and Bob kept (Bob under
 * a new id, found by his name), Cat gone, Eve new; Ann → Bob kept, Bob →
 * Cat and Ann → Dan gone, Bob → Eve new. */
static void
make_pair (MwNetwork **from,
           MwNetwork **to)
{
  MwActor *ann, *bob, *cat, *dan, *eve;

  *from = mw_network_new ();
  ann = add (*from, "a", "Ann", 0, 0);
  bob = add (*from, "b", "Bob", 100, 0);
  cat = add (*from, "c", "Cat", 200, 0);
  dan = add (*from, "d", "Dan", 0, 100);
  mw_network_add_tie (*from, ann, bob, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (*from, bob, cat, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (*from, ann, dan, MW_TIE_REPORTS, 1, NULL);

  *to = mw_network_new ();
  eve = add (*to, "e", "Eve", 300, 300);
  ann = add (*to, "a", "Ann", 50, 50);
  bob = add (*to, "bob-2", "Bob", 100, 200);
  dan = add (*to, "d", "Dan", 0, 100);
  mw_network_add_tie (*to, ann, bob, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (*to, bob, eve, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (*to, dan, ann, MW_TIE_REPORTS, 1, NULL);
}

static int
morph_actor_of (MwMorph   *morph,
                MwNetwork *from,
                const char *id)
{
  return mw_morph_from_actor (morph, mw_network_lookup_actor (from, id)->index);
}

static void
test_morph_matching (void)
{
  g_autoptr(MwNetwork) from = NULL;
  g_autoptr(MwNetwork) to = NULL;
  g_autoptr(MwMorph) morph = NULL;
  const MwMorphActor *bob;
  int eve;

  make_pair (&from, &to);
  morph = mw_morph_new (from, to);

  /* Ann, Bob (by name), Dan (by id) kept; Cat leaves; Eve arrives */
  g_assert_cmpuint (mw_morph_get_n_actors (morph), ==, 5);
  g_assert_cmpuint (mw_morph_get_n_matched (morph), ==, 3);
  bob = mw_morph_get_actor (morph, morph_actor_of (morph, from, "b"));
  g_assert_cmpint (bob->to_index, ==, (int)mw_network_lookup_actor (to, "bob-2")->index);
  g_assert_cmpint (mw_morph_actor_fate (morph, morph_actor_of (morph, from, "a")), ==, MW_MORPH_KEPT);
  g_assert_cmpint (mw_morph_actor_fate (morph, morph_actor_of (morph, from, "c")), ==, MW_MORPH_LEAVING);
  eve = mw_morph_to_actor (morph, mw_network_lookup_actor (to, "e")->index);
  g_assert_cmpint (mw_morph_actor_fate (morph, eve), ==, MW_MORPH_ARRIVING);
  g_assert_cmpint (mw_morph_get_actor (morph, eve)->from_index, ==, -1);
}

/* An id wins over a name: an actor whose id is on both sides is that
 * actor, even when another actor there has its name. */
static void
test_morph_id_before_name (void)
{
  g_autoptr(MwNetwork) from = mw_network_new ();
  g_autoptr(MwNetwork) to = mw_network_new ();
  g_autoptr(MwMorph) morph = NULL;

  add (from, "x", "Sam", 0, 0);
  add (to, "y", "Sam", 10, 10);
  add (to, "x", "Samuel", 20, 20);
  morph = mw_morph_new (from, to);

  g_assert_cmpint (mw_morph_get_actor (morph, 0)->to_index, ==, 1);
  g_assert_cmpint (mw_morph_actor_fate (morph, mw_morph_to_actor (morph, 0)), ==, MW_MORPH_ARRIVING);
}

static void
assert_at (MwMorph *morph,
           int      i,
           double   t,
           double   x,
           double   y,
           double   opacity)
{
  double ax, ay, ao;

  mw_morph_actor_at (morph, i, t, &ax, &ay, &ao);
  g_assert_cmpfloat_with_epsilon (ax, x, 1e-9);
  g_assert_cmpfloat_with_epsilon (ay, y, 1e-9);
  g_assert_cmpfloat_with_epsilon (ao, opacity, 1e-9);
}

static void
test_morph_positions (void)
{
  g_autoptr(MwNetwork) from = NULL;
  g_autoptr(MwNetwork) to = NULL;
  g_autoptr(MwMorph) morph = NULL;
  int bob, cat, eve;

  make_pair (&from, &to);
  morph = mw_morph_new (from, to);
  bob = morph_actor_of (morph, from, "b");
  cat = morph_actor_of (morph, from, "c");
  eve = mw_morph_to_actor (morph, mw_network_lookup_actor (to, "e")->index);

  /* a kept actor moves from its old place to its new one, whole */
  assert_at (morph, bob, 0, 100, 0, 1);
  assert_at (morph, bob, 0.5, 100, 100, 1);
  assert_at (morph, bob, 1, 100, 200, 1);
  /* a leaving actor fades out where it was, an arriving one in where it goes */
  assert_at (morph, cat, 0, 200, 0, 1);
  assert_at (morph, cat, 0.5, 200, 0, 0.5);
  assert_at (morph, cat, 1, 200, 0, 0);
  assert_at (morph, eve, 0, 300, 300, 0);
  assert_at (morph, eve, 0.5, 300, 300, 0.5);
  assert_at (morph, eve, 1, 300, 300, 1);
}

static void
test_morph_ease (void)
{
  g_assert_cmpfloat (mw_morph_ease (0), ==, 0);
  g_assert_cmpfloat (mw_morph_ease (1), ==, 1);
  g_assert_cmpfloat_with_epsilon (mw_morph_ease (0.5), 0.5, 1e-12);
  /* slow at both ends */
  g_assert_cmpfloat (mw_morph_ease (0.1), <, 0.1);
  g_assert_cmpfloat (mw_morph_ease (0.9), >, 0.9);
  for (double t = 0; t < 1; t += 0.01)
    g_assert_cmpfloat (mw_morph_ease (t), <=, mw_morph_ease (t + 0.01));
  g_assert_cmpfloat (mw_morph_ease (-1), ==, 0);
  g_assert_cmpfloat (mw_morph_ease (2), ==, 1);
}

static int
find_tie (MwMorph *morph,
          int      from_index,
          int      to_index)
{
  for (guint i = 0; i < mw_morph_get_n_ties (morph); i++)
    {
      const MwMorphTie *tie = mw_morph_get_tie (morph, i);

      if (tie->from_index == from_index && (to_index < 0 || tie->to_index == to_index))
        return (int)i;
      if (from_index < 0 && tie->from_index < 0 && tie->to_index == to_index)
        return (int)i;
    }
  return -1;
}

static void
test_morph_ties (void)
{
  g_autoptr(MwNetwork) from = NULL;
  g_autoptr(MwNetwork) to = NULL;
  g_autoptr(MwMorph) morph = NULL;
  int kept, gone, turned, arrived;
  const MwMorphTie *tie;
  double x0, y0, x1, y1;

  make_pair (&from, &to);
  morph = mw_morph_new (from, to);

  /* Ann → Bob is kept (Bob found by name); Dan → Ann is another tie than
   * Ann → Dan in a directed network: one leaves, one arrives */
  g_assert_cmpuint (mw_morph_get_n_ties (morph), ==, 5);
  kept = find_tie (morph, 0, 0);
  g_assert_cmpint (kept, >=, 0);
  g_assert_cmpint (mw_morph_tie_fate (morph, kept), ==, MW_MORPH_KEPT);
  gone = find_tie (morph, 1, -1);
  g_assert_cmpint (mw_morph_tie_fate (morph, gone), ==, MW_MORPH_LEAVING);
  turned = find_tie (morph, 2, -1);
  g_assert_cmpint (mw_morph_tie_fate (morph, turned), ==, MW_MORPH_LEAVING);
  arrived = find_tie (morph, -1, 1);
  g_assert_cmpint (mw_morph_tie_fate (morph, arrived), ==, MW_MORPH_ARRIVING);

  g_assert_cmpfloat (mw_morph_tie_opacity (morph, kept, 0.5), ==, 1);
  g_assert_cmpfloat_with_epsilon (mw_morph_tie_opacity (morph, gone, 0.5), 0.5, 1e-9);
  g_assert_cmpfloat (mw_morph_tie_opacity (morph, gone, 1), ==, 0);
  g_assert_cmpfloat (mw_morph_tie_opacity (morph, arrived, 0), ==, 0);
  g_assert_cmpfloat (mw_morph_tie_opacity (morph, arrived, 1), ==, 1);

  /* a kept tie follows its ends: they are the moving actors */
  tie = mw_morph_get_tie (morph, kept);
  mw_morph_actor_at (morph, tie->from, 0.5, &x0, &y0, NULL);
  mw_morph_actor_at (morph, tie->to, 0.5, &x1, &y1, NULL);
  g_assert_cmpfloat_with_epsilon (x0, 25, 1e-9);
  g_assert_cmpfloat_with_epsilon (y1, 100, 1e-9);
  g_assert_cmpint (tie->from, ==, morph_actor_of (morph, from, "a"));
  g_assert_cmpint (tie->to, ==, morph_actor_of (morph, from, "b"));
}

/* Without arrows, Dan — Ann is the tie Ann — Dan was. */
static void
test_morph_undirected (void)
{
  g_autoptr(MwNetwork) from = NULL;
  g_autoptr(MwNetwork) to = NULL;
  g_autoptr(MwMorph) morph = NULL;

  make_pair (&from, &to);
  mw_network_set_directed (from, FALSE);
  mw_network_set_directed (to, FALSE);
  morph = mw_morph_new (from, to);

  g_assert_cmpuint (mw_morph_get_n_ties (morph), ==, 4);
  g_assert_cmpint (mw_morph_tie_fate (morph, find_tie (morph, 2, 2)), ==, MW_MORPH_KEPT);
}

/* Where the renderer put an unplaced actor is where it starts and stays. */
static void
test_morph_set_start (void)
{
  g_autoptr(MwNetwork) from = NULL;
  g_autoptr(MwNetwork) to = NULL;
  g_autoptr(MwMorph) morph = NULL;
  int cat;

  make_pair (&from, &to);
  morph = mw_morph_new (from, to);
  cat = morph_actor_of (morph, from, "c");
  mw_morph_set_start (morph, 2, -40, 7);
  assert_at (morph, cat, 0.7, -40, 7, 1 - mw_morph_ease (0.7));
  mw_morph_set_end (morph, mw_network_lookup_actor (to, "bob-2")->index, 0, 0);
  assert_at (morph, morph_actor_of (morph, from, "b"), 1, 0, 0, 1);
}

/* 2,000 actors: both networks' places at many moments without allocating. */
static void
test_morph_no_allocation (void)
{
  g_autoptr(MwNetwork) from = mw_network_new ();
  g_autoptr(MwNetwork) to = mw_network_new ();
  g_autoptr(MwMorph) morph = NULL;
  g_autofree double *from_xy = g_new (double, 4000);
  g_autofree double *to_xy = g_new (double, 4000);
  size_t before = 0, after = 0;
  gint64 start;
  double sum = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      g_autofree char *other = g_strdup_printf ("q%u", i);

      add (from, id, id, i, 0);
      add (to, i % 10 == 0 ? other : id, id, 0, i);
    }
  morph = mw_morph_new (from, to);
  g_assert_cmpuint (mw_morph_get_n_matched (morph), ==, 2000);

  mw_morph_positions_at (morph, 0.5, from_xy, to_xy);
#ifdef __GLIBC__
  before = mallinfo2 ().uordblks;
#endif
  start = g_get_monotonic_time ();
  for (guint frame = 0; frame <= 60; frame++)
    {
      double t = frame / 60.0, opacity;

      mw_morph_positions_at (morph, t, from_xy, to_xy);
      for (guint i = 0; i < mw_morph_get_n_actors (morph); i++)
        {
          mw_morph_actor_at (morph, i, t, NULL, NULL, &opacity);
          sum += opacity;
        }
    }
#ifdef __GLIBC__
  after = mallinfo2 ().uordblks;
#endif
  g_assert_cmpuint (after, ==, before);
  g_assert_cmpfloat (sum, ==, 61 * 2000);
  g_test_message ("61 frames of 2,000 actors: %.2f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpfloat_with_epsilon (to_xy[2 * 1999 + 1], 1999, 1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/morph/matching", test_morph_matching);
  g_test_add_func ("/morph/id-before-name", test_morph_id_before_name);
  g_test_add_func ("/morph/positions", test_morph_positions);
  g_test_add_func ("/morph/ease", test_morph_ease);
  g_test_add_func ("/morph/ties", test_morph_ties);
  g_test_add_func ("/morph/undirected", test_morph_undirected);
  g_test_add_func ("/morph/set-start", test_morph_set_start);
  g_test_add_func ("/morph/no-allocation", test_morph_no_allocation);

  return g_test_run ();
}
