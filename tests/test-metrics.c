/* test-metrics.c: the classic network measures against hand-computed and
 * networkx reference values
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "mw-dot.h"
#include "mw-metrics.h"
#include "mw-network.h"
#include "mw-scores.h"

static MwActor *
person (MwNetwork  *network,
        const char *id,
        const char *unit)
{
  g_autoptr(GError) error = NULL;
  MwActor *actor = mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, &error);

  g_assert_no_error (error);
  mw_network_set_actor_org (network, actor, "Acme");
  if (unit != NULL)
    mw_network_set_actor_unit (network, actor, unit);
  return actor;
}

static void
tie (MwNetwork  *network,
     const char *from,
     const char *to,
     MwTieType   type)
{
  g_assert_nonnull (mw_network_add_tie (network, mw_network_lookup_actor (network, from),
                                        mw_network_lookup_actor (network, to), type, 1, NULL));
}

/* ceo ← a, b, c report; d → a. a and ceo influence each other; d influences
 * ceo; b–c collaborate across units, a–d inside theirs; c checks a. */
static MwNetwork *
small_organisation (void)
{
  MwNetwork *network = mw_network_new ();

  /* the CEO sits in Eng so that most units hold more than one person:
   * otherwise the labels are no grouping and the groups come from the
   * structure (docs/scoring.md, "Groups") */
  person (network, "ceo", "Eng");
  person (network, "a", "Ops");
  person (network, "b", "Eng");
  person (network, "c", "Sales");
  person (network, "d", "Ops");
  tie (network, "a", "ceo", MW_TIE_REPORTS);
  tie (network, "b", "ceo", MW_TIE_REPORTS);
  tie (network, "c", "ceo", MW_TIE_REPORTS);
  tie (network, "d", "a", MW_TIE_REPORTS);
  tie (network, "a", "ceo", MW_TIE_INFLUENCES);
  tie (network, "d", "ceo", MW_TIE_INFLUENCES);
  tie (network, "b", "c", MW_TIE_COLLABORATES);
  tie (network, "a", "d", MW_TIE_COLLABORATES);
  tie (network, "c", "a", MW_TIE_CHECKS);
  return network;
}

static void
test_hand_computed (void)
{
  g_autoptr(MwNetwork) network = small_organisation ();
  g_autoptr(MwGraph) graph = mw_graph_new (network);
  g_autoptr(GArray) points = NULL;
  double error_bound = -1;
  guint max_span = 0;

  /* Leadership: ceo→a, ceo→b, ceo→c, a→d, a→ceo, d→ceo. Out-degrees
   * 3, 2, 0, 0, 1: Σ(3 − d) = 9 over (5 − 1)² = 16. */
  g_assert_cmpfloat_with_epsilon (mw_graph_centralization (graph), 9.0 / 16, 1e-12);
  g_assert_cmpfloat_with_epsilon (mw_graph_density (graph), 6.0 / 20, 1e-12);
  g_assert_cmpfloat_with_epsilon (mw_graph_reciprocity (graph), 2.0 / 6, 1e-12);
  /* Seven pairs of neighbours; distances from ceo 1,1,1,1; a 1,1,1,2;
   * b 1,1,2,2; c 1,1,1,2; d 1,1,2,2: Σ 1/d = 17 over 20 ordered pairs. */
  g_assert_cmpfloat_with_epsilon (mw_graph_global_efficiency (graph, &error_bound), 17.0 / 20, 1e-12);
  g_assert_cmpfloat (error_bound, ==, 0);
  /* b–c across units, a–d inside Ops. */
  g_assert_cmpfloat_with_epsilon (mw_graph_ei_index (graph, NULL, NULL), 0, 1e-12);
  g_assert_cmpuint (mw_graph_hierarchy_depth (graph), ==, 3);
  g_assert_cmpfloat_with_epsilon (mw_graph_span_of_control (graph, &max_span), 2.0, 1e-12);
  g_assert_cmpuint (max_span, ==, 3);
  points = mw_graph_articulation_points (graph, NULL);
  g_assert_cmpuint (points->len, ==, 0);
  g_assert_true (mw_graph_hierarchy_is_forest (graph));
}

static void
test_path (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwGraph) graph = NULL;
  g_autoptr(GArray) points = NULL;
  gboolean exposed[5];
  const char *ids[] = { "p", "q", "r", "s", "t" };

  for (guint i = 0; i < 5; i++)
    person (network, ids[i], NULL);
  for (guint i = 0; i + 1 < 5; i++)
    tie (network, ids[i], ids[i + 1], MW_TIE_COLLABORATES);
  graph = mw_graph_new (network);

  /* Unordered pairs at distance 1, 2, 3, 4: 4, 3, 2, 1. */
  g_assert_cmpfloat_with_epsilon (mw_graph_global_efficiency (graph, NULL),
                                  2 * (4 + 3 / 2.0 + 2 / 3.0 + 1 / 4.0) / 20, 1e-12);
  points = mw_graph_articulation_points (graph, exposed);
  g_assert_cmpuint (points->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (mw_network_get_actor (network, g_array_index (points, guint, i))->id, ==, ids[i + 1]);
  for (guint i = 0; i < 5; i++)
    g_assert_true (exposed[i]);
  g_assert_cmpfloat (mw_graph_ei_index (graph, NULL, NULL), ==, -1);
  g_assert_cmpuint (mw_graph_hierarchy_depth (graph), ==, 0);
}

/* A ring of six with one person hanging off it: the ring has a second route
 * everywhere; the one hanging off depends on a single person. */
static void
test_exposure (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwGraph) graph = NULL;
  g_autoptr(GArray) points = NULL;
  gboolean exposed[7];

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);
      person (network, id, NULL);
    }
  person (network, "pendant", NULL);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *a = g_strdup_printf ("r%u", i);
      g_autofree char *b = g_strdup_printf ("r%u", (i + 1) % 6);
      tie (network, a, b, i % 2 ? MW_TIE_CHECKS : MW_TIE_COLLABORATES);
    }
  tie (network, "pendant", "r0", MW_TIE_REPORTS);
  graph = mw_graph_new (network);

  points = mw_graph_articulation_points (graph, exposed);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpuint (g_array_index (points, guint, 0), ==, 0);
  for (guint i = 0; i < 6; i++)
    g_assert_false (exposed[i]);
  g_assert_true (exposed[6]);
}

#define SMALL 12

/* Actors reached from @v in the graph @adj without actor @gone and without
 * the tie @skip_a–@skip_b; counts @v. */
static guint
naive_reach (gboolean    adj[SMALL][SMALL],
             guint       n,
             guint       v,
             guint       gone,
             guint       skip_a,
             guint       skip_b,
             gboolean   *seen)
{
  guint stack[SMALL], top = 0, count = 1;

  memset (seen, 0, SMALL * sizeof (gboolean));
  seen[v] = TRUE;
  stack[top++] = v;
  while (top > 0)
    {
      guint x = stack[--top];

      for (guint y = 0; y < n; y++)
        if (adj[x][y] && y != gone && !seen[y] &&
            !((x == skip_a && y == skip_b) || (x == skip_b && y == skip_a)))
          {
            seen[y] = TRUE;
            count++;
            stack[top++] = y;
          }
    }
  return count;
}

/* The exposure marks against their definition, checked by brute force: no
 * second route (every tie a bridge), or some other actor whose departure
 * leaves at most half the network reachable. */
static void
test_exposure_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1973);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(MwNetwork) network = mw_network_new ();
      g_autoptr(MwGraph) graph = NULL;
      g_autoptr(GArray) points = NULL;
      gboolean adj[SMALL][SMALL] = { { FALSE } };
      gboolean exposed[SMALL], seen[SMALL];
      guint n = g_rand_int_range (rand, 1, SMALL + 1);
      guint m = g_rand_int_range (rand, 0, 2 * n);

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("x%u", i);
          person (network, id, NULL);
        }
      for (guint k = 0; k < m; k++)
        {
          guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);

          mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                              g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1, NULL);
          if (a != b)
            adj[a][b] = adj[b][a] = TRUE;
        }
      graph = mw_graph_new (network);
      points = mw_graph_articulation_points (graph, exposed);

      for (guint v = 0; v < n; v++)
        {
          gboolean cycle = FALSE, cut_off = FALSE;
          guint whole = naive_reach (adj, n, v, G_MAXUINT, G_MAXUINT, G_MAXUINT, seen);

          for (guint u = 0; u < n; u++)
            if (adj[v][u] && naive_reach (adj, n, v, G_MAXUINT, v, u, seen) == whole)
              cycle = TRUE;
          for (guint w = 0; w < n; w++)
            if (w != v && 2 * naive_reach (adj, n, v, w, G_MAXUINT, G_MAXUINT, seen) <= n)
              cut_off = TRUE;
          if (n == 1)
            cut_off = TRUE;
          g_assert_cmpint (exposed[v], ==, !cycle || cut_off);
        }
      /* w is an articulation point when some neighbour loses more than w. */
      for (guint w = 0, next = 0; w < n; w++)
        {
          gboolean cut = FALSE;

          for (guint a = 0; a < n && !cut; a++)
            if (adj[w][a])
              cut = naive_reach (adj, n, a, w, G_MAXUINT, G_MAXUINT, seen) <
                    naive_reach (adj, n, a, G_MAXUINT, G_MAXUINT, G_MAXUINT, seen) - 1;
          if (next < points->len && g_array_index (points, guint, next) == w)
            {
              g_assert_true (cut);
              next++;
            }
          else
            g_assert_false (cut);
        }
    }
}

static void
test_degenerate (void)
{
  for (guint n = 0; n <= 2; n++)
    {
      g_autoptr(MwNetwork) network = mw_network_new ();
      g_autoptr(MwGraph) graph = NULL;
      g_autoptr(GArray) points = NULL;
      gboolean exposed[2];

      if (n >= 1)
        person (network, "solo", NULL);
      if (n >= 2)
        person (network, "other", NULL);
      graph = mw_graph_new (network);
      g_assert_cmpfloat (mw_graph_centralization (graph), ==, 0);
      g_assert_cmpfloat (mw_graph_density (graph), ==, 0);
      g_assert_cmpfloat (mw_graph_reciprocity (graph), ==, 0);
      g_assert_cmpfloat (mw_graph_global_efficiency (graph, NULL), ==, 0);
      g_assert_cmpfloat (mw_graph_ei_index (graph, NULL, NULL), ==, 0);
      g_assert_cmpfloat (mw_graph_span_of_control (graph, NULL), ==, 0);
      points = mw_graph_articulation_points (graph, exposed);
      g_assert_cmpuint (points->len, ==, 0);
      for (guint i = 0; i < n; i++)
        g_assert_true (exposed[i]);
    }
}

/* Is @u reached from @v up the reports ties? Written the slow obvious way. */
static gboolean
naive_above (MwNetwork *network,
             MwActor   *u,
             MwActor   *v)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();

  g_ptr_array_add (todo, v);
  while (todo->len > 0)
    {
      MwActor *w = g_ptr_array_steal_index (todo, todo->len - 1);

      for (guint k = 0; k < mw_actor_n_out (w, MW_TIE_REPORTS); k++)
        {
          MwActor *m = mw_actor_out (w, MW_TIE_REPORTS, k)->to;

          if (m == u && u != v)
            return TRUE;
          if (g_hash_table_add (seen, m))
            g_ptr_array_add (todo, m);
        }
    }
  return FALSE;
}

/* Trees take the Euler-tour path, networks with second managers and cycles
 * the search: both must agree with the obvious definition. */
static void
test_above_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260417);

  for (guint round = 0; round < 240; round++)
    {
      g_autoptr(MwNetwork) network = mw_network_new ();
      g_autoptr(MwGraph) graph = NULL;
      guint n = g_rand_int_range (rand, 1, 30);
      gboolean tangled = round % 2 == 1;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("n%u", i);
          person (network, id, NULL);
        }
      for (guint i = 1; i < n; i++)
        if (g_rand_int_range (rand, 0, 10) < 8)
          mw_network_add_tie (network, mw_network_get_actor (network, i),
                              mw_network_get_actor (network, g_rand_int_range (rand, 0, i)),
                              MW_TIE_REPORTS, 1, NULL);
      /* second managers: without cycles in one round of four, anywhere in the other */
      for (guint k = 0; tangled && k < n / 3 + 1; k++)
        {
          guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);

          if (round % 4 == 1 && a < b)
            continue;
          mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                              MW_TIE_REPORTS, 1, NULL);
        }
      graph = mw_graph_new (network);
      if (!tangled)
        g_assert_true (mw_graph_hierarchy_is_forest (graph));

      for (guint u = 0; u < n; u++)
        for (guint v = 0; v < n; v++)
          g_assert_cmpint (mw_graph_is_above (graph, u, v), ==,
                           naive_above (network, mw_network_get_actor (network, u),
                                        mw_network_get_actor (network, v)));
    }
}

/* A tangled export: every person with one or two managers picked at random
 * anywhere, so most of them are in one reporting cycle of hundreds with
 * chains hanging above and below it (the search used to walk the cycle for
 * every question: quadratic; bench-scores times 100,000). */
static void
test_above_tangled (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);

  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(MwNetwork) network = mw_network_new ();
      g_autoptr(MwGraph) graph = NULL;
      guint n = 120 + 40 * round;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("t%u", i);
          person (network, id, NULL);
        }
      for (guint k = 0; k < n + n / 4 + round * n / 8; k++)
        {
          guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);

          if (a != b)
            mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                                MW_TIE_REPORTS, 1, NULL);
        }
      graph = mw_graph_new (network);
      g_assert_false (mw_graph_hierarchy_is_forest (graph));
      for (guint u = 0; u < n; u++)
        for (guint v = 0; v < n; v++)
          g_assert_cmpint (mw_graph_is_above (graph, u, v), ==,
                           naive_above (network, mw_network_get_actor (network, u),
                                        mw_network_get_actor (network, v)));
    }
}

/* A chain of command 100,000 deep: no recursion to overflow the stack, and
 * a reporting cycle: no search may loop. */
static void
test_deep_and_cyclic (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwNetwork) cycle = mw_network_new ();
  g_autoptr(MwGraph) graph = NULL;
  g_autoptr(GArray) points = NULL;
  const guint n = 100000;

  mw_network_begin_batch (network, "chain");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      person (network, id, NULL);
      if (i > 0)
        mw_network_add_tie (network, mw_network_get_actor (network, i),
                            mw_network_get_actor (network, i - 1), MW_TIE_REPORTS, 1, NULL);
    }
  mw_network_end_batch (network);
  graph = mw_graph_new (network);
  g_assert_cmpuint (mw_graph_hierarchy_depth (graph), ==, n);
  g_assert_true (mw_graph_is_above (graph, 0, n - 1));
  g_assert_false (mw_graph_is_above (graph, n - 1, 0));
  points = mw_graph_articulation_points (graph, NULL);
  g_assert_cmpuint (points->len, ==, n - 2);
  g_clear_pointer (&graph, mw_graph_free);

  person (cycle, "x", NULL);
  person (cycle, "y", NULL);
  person (cycle, "z", NULL);
  tie (cycle, "x", "y", MW_TIE_REPORTS);
  tie (cycle, "y", "z", MW_TIE_REPORTS);
  tie (cycle, "z", "x", MW_TIE_REPORTS);
  graph = mw_graph_new (cycle);
  g_assert_false (mw_graph_hierarchy_is_forest (graph));
  g_assert_true (mw_graph_is_above (graph, 0, 1));
  g_assert_true (mw_graph_is_above (graph, 1, 0));
  g_assert_cmpuint (mw_graph_hierarchy_depth (graph), ==, 0);
}

/* Above the exact limit the efficiency is a sample: within its bound of the
 * exact value, and the same whatever the order of the actors. */
static void
test_efficiency_sampled (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(MwNetwork) forward = mw_network_new ();
  g_autoptr(MwNetwork) backward = mw_network_new ();
  g_autoptr(MwGraph) graph_forward = NULL;
  g_autoptr(MwGraph) graph_backward = NULL;
  g_autofree guint *all = NULL;
  const guint n = 1500;
  g_autofree guint *pairs = g_new (guint, 6 * n);
  double bound, estimate, exact, estimate_backward;

  for (guint k = 0; k < 3 * n; k++)
    {
      pairs[2 * k] = g_rand_int_range (rand, 0, n);
      pairs[2 * k + 1] = g_rand_int_range (rand, 0, n);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *a = g_strdup_printf ("v%u", i);
      g_autofree char *b = g_strdup_printf ("v%u", n - 1 - i);
      person (forward, a, NULL);
      person (backward, b, NULL);
    }
  for (guint k = 0; k < 3 * n; k++)
    {
      g_autofree char *a = g_strdup_printf ("v%u", pairs[2 * k]);
      g_autofree char *b = g_strdup_printf ("v%u", pairs[2 * k + 1]);
      mw_network_add_tie (forward, mw_network_lookup_actor (forward, a),
                          mw_network_lookup_actor (forward, b), MW_TIE_COLLABORATES, 1, NULL);
      mw_network_add_tie (backward, mw_network_lookup_actor (backward, a),
                          mw_network_lookup_actor (backward, b), MW_TIE_COLLABORATES, 1, NULL);
    }

  graph_forward = mw_graph_new (forward);
  graph_backward = mw_graph_new (backward);
  estimate = mw_graph_global_efficiency (graph_forward, &bound);
  estimate_backward = mw_graph_global_efficiency (graph_backward, NULL);
  all = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    all[i] = i;
  exact = mw_graph_efficiency_from (graph_forward, all, n);

  g_assert_cmpfloat (bound, >, 0);
  g_assert_cmpfloat (bound, <, 0.25);
  g_assert_cmpfloat (fabs (estimate - exact), <=, bound);
  g_assert_cmpfloat_with_epsilon (estimate, estimate_backward, 1e-12);
}

static void
check_reference (gconstpointer data)
{
  const char *name = data;
  g_autofree char *gv = g_strdup_printf ("%s.gv", name);
  g_autofree char *json = g_strdup_printf ("%s.json", name);
  g_autofree char *gv_path = g_test_build_filename (G_TEST_DIST, "reference", gv, NULL);
  g_autofree char *json_path = g_test_build_filename (G_TEST_DIST, "reference", json, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_file (gv_path, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(MwScores) scores = NULL;
  const MwMeasures *m;
  JsonObject *expected;

  g_assert_no_error (error);
  json_parser_load_from_file (parser, json_path, &error);
  g_assert_no_error (error);
  expected = json_node_get_object (json_parser_get_root (parser));
  scores = mw_scores_compute (network);
  m = mw_scores_get_measures (scores);

  g_assert_cmpuint (mw_network_get_n_actors (network), ==, json_object_get_int_member (expected, "actors"));
  g_assert_cmpfloat_with_epsilon (m->centralization, json_object_get_double_member (expected, "centralization"), 1e-9);
  g_assert_cmpfloat_with_epsilon (m->density, json_object_get_double_member (expected, "density"), 1e-9);
  g_assert_cmpfloat_with_epsilon (m->reciprocity, json_object_get_double_member (expected, "reciprocity"), 1e-9);
  g_assert_cmpfloat_with_epsilon (m->efficiency, json_object_get_double_member (expected, "efficiency"), 1e-9);
  g_assert_cmpfloat (m->efficiency_error, ==, 0);
  g_assert_cmpfloat_with_epsilon (m->ei_index, json_object_get_double_member (expected, "ei_index"), 1e-9);
  g_assert_cmpint (m->articulation_points, ==, json_object_get_int_member (expected, "articulation_points"));
  g_assert_cmpint (m->hierarchy_depth, ==, json_object_get_int_member (expected, "hierarchy_depth"));
  g_assert_cmpfloat_with_epsilon (m->span_of_control, json_object_get_double_member (expected, "span_of_control"), 1e-9);
  g_assert_cmpint (m->max_span_of_control, ==, json_object_get_int_member (expected, "max_span_of_control"));
}

/* A tie of weight 0 or less is no tie: no measure sees it; the snapshot
 * keeps it, marked ignored, so tie indices still match the network's. */
static void
test_non_positive_weights (void)
{
  g_autoptr(MwNetwork) network = small_organisation ();
  g_autoptr(MwGraph) before = mw_graph_new (network);
  g_autoptr(MwGraph) after = NULL;
  const MwGraphTie *ties;
  guint n_ties, n_ignored = 0;

  mw_network_add_tie (network, mw_network_lookup_actor (network, "b"),
                      mw_network_lookup_actor (network, "d"), MW_TIE_COLLABORATES, 0, NULL);
  mw_network_add_tie (network, mw_network_lookup_actor (network, "d"),
                      mw_network_lookup_actor (network, "b"), MW_TIE_REPORTS, -1000, NULL);
  after = mw_graph_new (network);
  ties = mw_graph_get_ties (after, &n_ties);
  g_assert_cmpuint (n_ties, ==, mw_network_get_n_ties (network));
  for (guint i = 0; i < n_ties; i++)
    n_ignored += ties[i].ignored;
  g_assert_cmpuint (n_ignored, ==, 2);
  for (guint k = 0; k < MW_N_GRAPHS; k++)
    g_assert_cmpuint (mw_graph_n_edges (after, k), ==, mw_graph_n_edges (before, k));
  g_assert_cmpuint (mw_graph_hierarchy_depth (after), ==, mw_graph_hierarchy_depth (before));
  g_assert_cmpfloat (mw_graph_global_efficiency (after, NULL), ==, mw_graph_global_efficiency (before, NULL));
}

/* Levels, and articulation points over a chosen set of ties. */
static void
test_levels_and_tie_subsets (void)
{
  g_autoptr(MwNetwork) network = small_organisation ();
  g_autoptr(MwGraph) graph = mw_graph_new (network);
  g_autofree gboolean *keep = NULL;
  g_autofree gboolean *exposed = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) same = NULL;
  guint n_ties;

  g_assert_cmpuint (mw_graph_level (graph, mw_network_lookup_actor (network, "ceo")->index), ==, 1);
  g_assert_cmpuint (mw_graph_level (graph, mw_network_lookup_actor (network, "a")->index), ==, 2);
  g_assert_cmpuint (mw_graph_level (graph, mw_network_lookup_actor (network, "d")->index), ==, 3);

  mw_graph_get_ties (graph, &n_ties);
  keep = g_new0 (gboolean, n_ties);
  exposed = g_new0 (gboolean, mw_graph_get_n (graph));
  /* No tie kept: nobody is a cut point and everybody is exposed. */
  none = mw_graph_articulation_points_of_ties (graph, keep, exposed);
  g_assert_cmpuint (none->len, ==, 0);
  for (guint v = 0; v < mw_graph_get_n (graph); v++)
    g_assert_true (exposed[v]);
  /* Every tie kept: the same as over the whole graph. */
  for (guint i = 0; i < n_ties; i++)
    keep[i] = TRUE;
  same = mw_graph_articulation_points_of_ties (graph, keep, NULL);
  all = mw_graph_articulation_points (graph, NULL);
  g_assert_cmpuint (same->len, ==, all->len);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpuint (g_array_index (same, guint, i), ==, g_array_index (all, guint, i));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/metrics/hand-computed", test_hand_computed);
  g_test_add_func ("/metrics/path", test_path);
  g_test_add_func ("/metrics/exposure", test_exposure);
  g_test_add_func ("/metrics/exposure-random", test_exposure_random);
  g_test_add_func ("/metrics/degenerate", test_degenerate);
  g_test_add_func ("/metrics/above-random", test_above_random);
  g_test_add_func ("/metrics/above-tangled", test_above_tangled);
  g_test_add_func ("/metrics/deep-and-cyclic", test_deep_and_cyclic);
  g_test_add_func ("/metrics/efficiency-sampled", test_efficiency_sampled);
  g_test_add_func ("/metrics/non-positive-weights", test_non_positive_weights);
  g_test_add_func ("/metrics/levels-and-tie-subsets", test_levels_and_tie_subsets);
  g_test_add_data_func ("/metrics/networkx/tree-300", "tree-300", check_reference);
  g_test_add_data_func ("/metrics/networkx/matrix-300", "matrix-300", check_reference);

  return g_test_run ();
}
