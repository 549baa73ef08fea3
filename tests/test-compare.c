/* test-compare.c: what "Compare With…" marks as different
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

#include "mw-compare.h"
#include "mw-dot.h"

static MwNetwork *
load (const char *text)
{
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_data (text, strlen (text), "test.gv", NULL, &error);

  g_assert_no_error (error);
  return network;
}

static void
assert_ids (GStrv        ids,
            const char  *expected)
{
  g_autofree char *joined = g_strjoinv (" ", ids);

  g_assert_cmpstr (joined, ==, expected);
}

#define BASE \
  "digraph { a [label=Ann]; b [label=Bob]; c [label=Cy];" \
  " a -> b [mw_tie=reports, key=t1]; c -> b [mw_tie=reports, key=t2];" \
  " a -> c [mw_tie=collaborates, key=t3]; }"

static void
test_identical (void)
{
  g_autoptr(MwNetwork) a = load (BASE);
  g_autoptr(MwNetwork) b = load (BASE);
  g_autoptr(MwComparison) cmp = mw_comparison_compute (a, b);

  g_assert_true (mw_comparison_is_empty (cmp));
  g_assert_cmpuint (cmp->n_common_actors, ==, 3);
  g_assert_cmpuint (cmp->n_common_ties, ==, 3);
}

static void
test_added_removed (void)
{
  g_autoptr(MwNetwork) a = load (BASE);
  /* c left, d joined and reports to b. */
  g_autoptr(MwNetwork) b = load ("digraph { a [label=Ann]; b [label=Bob]; d [label=Dee];"
                                 " a -> b [mw_tie=reports, key=t1]; d -> b [mw_tie=reports, key=t9]; }");
  g_autoptr(MwComparison) cmp = mw_comparison_compute (a, b);
  g_auto(GStrv) marked = NULL;

  g_assert_false (mw_comparison_is_empty (cmp));
  assert_ids (cmp->only_actor_ids[MW_COMPARE_THIS], "c");
  assert_ids (cmp->only_actor_ids[MW_COMPARE_OTHER], "d");
  /* c's ties go with it; d's is new. */
  assert_ids (cmp->only_tie_ids[MW_COMPARE_THIS], "t2 t3");
  assert_ids (cmp->only_tie_ids[MW_COMPARE_OTHER], "t9");
  g_assert_cmpuint (cmp->n_common_actors, ==, 2);
  g_assert_cmpuint (cmp->n_common_ties, ==, 1);

  marked = mw_comparison_dup_marked_actor_ids (cmp, MW_COMPARE_OTHER);
  assert_ids (marked, "d");
}

static void
test_changed_type (void)
{
  g_autoptr(MwNetwork) a = load (BASE);
  /* a now collaborates with b instead of reporting to it; Bob is a team. */
  g_autoptr(MwNetwork) b = load ("digraph { a [label=Ann]; b [label=Bob, mw_kind=team]; c [label=Cy];"
                                 " b -> a [mw_tie=collaborates, key=x1]; c -> b [mw_tie=reports, key=t2];"
                                 " a -> c [mw_tie=collaborates, key=t3]; }");
  g_autoptr(MwComparison) cmp = mw_comparison_compute (a, b);
  g_auto(GStrv) marked = mw_comparison_dup_marked_tie_ids (cmp, MW_COMPARE_THIS);

  assert_ids (cmp->only_actor_ids[MW_COMPARE_THIS], "");
  assert_ids (cmp->only_tie_ids[MW_COMPARE_THIS], "");
  assert_ids (cmp->retyped_tie_ids[MW_COMPARE_THIS], "t1");
  assert_ids (cmp->retyped_tie_ids[MW_COMPARE_OTHER], "x1");
  assert_ids (cmp->changed_actor_ids[MW_COMPARE_THIS], "b");
  assert_ids (cmp->changed_actor_ids[MW_COMPARE_OTHER], "b");
  assert_ids (marked, "t1");
  g_assert_cmpuint (cmp->n_common_ties, ==, 2);
}

static void
test_collaboration_direction (void)
{
  g_autoptr(MwNetwork) a = load ("digraph { a; b; a -> b [mw_tie=collaborates]; a -> b [mw_tie=reports]; }");
  g_autoptr(MwNetwork) b = load ("digraph { a; b; b -> a [mw_tie=collaborates]; b -> a [mw_tie=reports]; }");
  g_autoptr(MwComparison) cmp = mw_comparison_compute (a, b);

  /* Collaboration has no direction; reporting does, and b -> a is another
   * tie between the same two: retyped, not the same. */
  g_assert_cmpuint (cmp->n_common_ties, ==, 1);
  g_assert_cmpuint (g_strv_length (cmp->retyped_tie_ids[MW_COMPARE_THIS]), ==, 1);
  g_assert_cmpuint (g_strv_length (cmp->only_tie_ids[MW_COMPARE_THIS]), ==, 0);
}

static void
test_match_by_id_then_label (void)
{
  /* Another tool renumbered the ids: names still match. An id that is on
   * both sides wins over a name. */
  g_autoptr(MwNetwork) a = load ("digraph { p1 [label=Ann]; p2 [label=Bob]; p3 [label=Cy];"
                                 " p1 -> p2 [mw_tie=reports]; }");
  g_autoptr(MwNetwork) b = load ("digraph { n7 [label=Ann]; n8 [label=Bob]; p3 [label=Zed];"
                                 " n7 -> n8 [mw_tie=reports]; }");
  g_autoptr(MwComparison) cmp = mw_comparison_compute (a, b);

  g_assert_cmpuint (cmp->n_common_actors, ==, 3);
  g_assert_cmpuint (cmp->n_common_ties, ==, 1);
  assert_ids (cmp->only_actor_ids[MW_COMPARE_THIS], "");
  assert_ids (cmp->only_actor_ids[MW_COMPARE_OTHER], "");
  /* p3 matched by id although its name changed. */
  assert_ids (cmp->changed_actor_ids[MW_COMPARE_THIS], "p3");
}

static void
test_empty_networks (void)
{
  g_autoptr(MwNetwork) a = mw_network_new ();
  g_autoptr(MwNetwork) b = load (BASE);
  g_autoptr(MwComparison) cmp = mw_comparison_compute (a, b);

  assert_ids (cmp->only_actor_ids[MW_COMPARE_OTHER], "a b c");
  assert_ids (cmp->only_tie_ids[MW_COMPARE_OTHER], "t1 t2 t3");
  g_assert_cmpuint (cmp->n_common_actors, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/identical", test_identical);
  g_test_add_func ("/compare/added-removed", test_added_removed);
  g_test_add_func ("/compare/changed-type", test_changed_type);
  g_test_add_func ("/compare/collaboration-direction", test_collaboration_direction);
  g_test_add_func ("/compare/match-by-id-then-label", test_match_by_id_then_label);
  g_test_add_func ("/compare/empty", test_empty_networks);

  return g_test_run ();
}
