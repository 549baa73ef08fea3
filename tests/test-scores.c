/* test-scores.c: the five elements, the index and the context match
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mw-dot.h"
#include "mw-test-cli.h"
#include "mw-metrics.h"
#include "mw-network.h"
#include "mw-scores.h"

static MwActor *
add_person (MwNetwork  *network,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  MwActor *actor = mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, &error);

  g_assert_no_error (error);
  return actor;
}

static void
assert_finite_scores (MwScores *scores)
{
  const MwMeasures *m = mw_scores_get_measures (scores);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      double s = mw_scores_get_score (scores, e);
      g_assert_true (isfinite (s) && s >= 0 && s <= 100);
    }
  g_assert_true (isfinite (mw_scores_get_index (scores)));
  g_assert_true (isfinite (m->centralization) && isfinite (m->density) && isfinite (m->reciprocity) &&
                 isfinite (m->efficiency) && isfinite (m->ei_index) && isfinite (m->span_of_control));
  g_assert_true (isfinite (mw_scores_get_context_confidence (scores)));
  g_assert_nonnull (mw_scores_get_context_reason (scores));
}

static void
test_names (void)
{
  const char *names[] = { "spontaneous_collaboration", "multi_directional_influence",
                          "local_entrepreneurship", "global_purpose", "peer_risk_mitigation" };
  MwElement element;

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_assert_cmpstr (mw_element_to_string (e), ==, names[e]);
      g_assert_true (mw_element_from_string (names[e], &element));
      g_assert_cmpint (element, ==, e);
    }
  g_assert_false (mw_element_from_string ("index", &element));
  g_assert_cmpstr (mw_score_context_to_string (MW_SCORE_CONTEXT_CROSS_ORG), ==, "cross-org");
}

/* Nothing to distribute: every number is 0, none is NaN, and only
 * collaboration (never null) is measurable. */
static void
test_empty_and_one (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwScores) empty = mw_scores_compute (network);
  g_autoptr(MwScores) one = NULL;
  MwActor *solo;

  assert_finite_scores (empty);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_assert_cmpfloat (mw_scores_get_score (empty, e), ==, 0);
      g_assert_cmpint (mw_scores_is_measurable (empty, e), ==, e == MW_ELEMENT_SPONTANEOUS_COLLABORATION);
      g_assert_nonnull (mw_scores_get_evidence (empty, e)->reason);
    }
  g_assert_cmpfloat (mw_scores_get_index (empty), ==, 0);
  g_assert_cmpuint (mw_scores_get_n_measurable (empty), ==, 1);

  solo = add_person (network, "solo");
  one = mw_scores_compute (network);
  assert_finite_scores (one);
  g_assert_false (mw_scores_is_measurable (one, MW_ELEMENT_GLOBAL_PURPOSE));
  g_clear_pointer (&one, mw_scores_unref);

  mw_network_set_actor_purpose (network, solo, TRUE);
  mw_network_set_actor_initiative (network, solo, TRUE);
  one = mw_scores_compute (network);
  assert_finite_scores (one);
  g_assert_cmpfloat (mw_scores_get_score (one, MW_ELEMENT_GLOBAL_PURPOSE), ==, 100);
  /* An initiative nobody follows is a flag, not entrepreneurship. */
  g_assert_true (mw_scores_is_measurable (one, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP));
  g_assert_cmpfloat (mw_scores_get_score (one, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP), ==, 0);
  g_assert_false (mw_scores_is_measurable (one, MW_ELEMENT_PEER_RISK_MITIGATION));
  g_assert_cmpuint (mw_scores_get_n_measurable (one), ==, 3);
}

/* A random organisation: people (and a few teams) in units of two
 * organisations, random ties of every type, reporting cycles allowed. */
static MwNetwork *
random_network (GRand *rand,
                guint  n,
                guint  n_ties)
{
  MwNetwork *network = mw_network_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *unit = g_strdup_printf ("u%d", g_rand_int_range (rand, 0, 4));
      g_autoptr(GError) error = NULL;
      MwActor *actor = mw_network_add_actor (network, id, NULL,
                                             g_rand_int_range (rand, 0, 10) == 0 ? MW_ACTOR_TEAM : MW_ACTOR_PERSON,
                                             &error);

      g_assert_no_error (error);
      mw_network_set_actor_org (network, actor, g_rand_boolean (rand) ? "North" : "South");
      mw_network_set_actor_unit (network, actor, unit);
      mw_network_set_actor_purpose (network, actor, g_rand_int_range (rand, 0, 12) == 0);
      mw_network_set_actor_initiative (network, actor, g_rand_int_range (rand, 0, 8) == 0);
    }
  for (guint i = 1; i < n; i++)
    if (g_rand_int_range (rand, 0, 10) < 7)
      mw_network_add_tie (network, mw_network_get_actor (network, i),
                          mw_network_get_actor (network, g_rand_int_range (rand, 0, i)),
                          MW_TIE_REPORTS, 1, NULL);
  for (guint k = 0; n > 0 && k < n_ties; k++)
    mw_network_add_tie (network, mw_network_get_actor (network, g_rand_int_range (rand, 0, n)),
                        mw_network_get_actor (network, g_rand_int_range (rand, 0, n)),
                        g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1, NULL);
  return network;
}

typedef enum
{
  ADD_LATERAL_COLLABORATION,
  ADD_UP_OR_SIDEWAYS_INFLUENCE,
  MARK_INITIATIVE,
  MARK_PURPOSE,
  ADD_PEER_CHECK,
} Change;

static const MwElement change_element[] = {
  MW_ELEMENT_SPONTANEOUS_COLLABORATION,
  MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE,
  MW_ELEMENT_LOCAL_ENTREPRENEURSHIP,
  MW_ELEMENT_GLOBAL_PURPOSE,
  MW_ELEMENT_PEER_RISK_MITIGATION,
};

/* Makes one change of the kind, on random actors that qualify; FALSE when
 * none qualifies. */
static gboolean
apply_change (MwNetwork *network,
              GRand     *rand,
              Change     change)
{
  g_autoptr(MwGraph) graph = mw_graph_new (network);
  guint n = mw_network_get_n_actors (network);

  for (guint attempt = 0; attempt < 50 && n > 1; attempt++)
    {
      guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);
      MwActor *actor_a = mw_network_get_actor (network, a);
      MwActor *actor_b = mw_network_get_actor (network, b);

      switch (change)
        {
        case ADD_LATERAL_COLLABORATION:
          if (a == b || mw_graph_is_vertical (graph, a, b))
            continue;
          return mw_network_add_tie (network, actor_a, actor_b, MW_TIE_COLLABORATES, 1, NULL) != NULL;
        case ADD_UP_OR_SIDEWAYS_INFLUENCE:
          if (a == b || mw_graph_is_above (graph, a, b))
            continue;
          return mw_network_add_tie (network, actor_a, actor_b, MW_TIE_INFLUENCES, 1, NULL) != NULL;
        case MARK_INITIATIVE:
          if (actor_a->kind != MW_ACTOR_PERSON || mw_actor_n_in (actor_a, MW_TIE_REPORTS) > 0 || actor_a->initiative)
            continue;
          mw_network_set_actor_initiative (network, actor_a, TRUE);
          return TRUE;
        case MARK_PURPOSE:
          if (actor_a->purpose)
            continue;
          mw_network_set_actor_purpose (network, actor_a, TRUE);
          return TRUE;
        case ADD_PEER_CHECK:
          if (a == b || mw_graph_is_above (graph, a, b))
            continue;
          return mw_network_add_tie (network, actor_a, actor_b, MW_TIE_CHECKS, 1, NULL) != NULL;
        default:
          g_assert_not_reached ();
        }
    }
  return FALSE;
}

/* Each behaviour an element rewards never lowers it: hundreds of random
 * networks, several changes each. */
static gboolean
groups_from_structure (MwNetwork *network)
{
  g_autoptr(MwGraph) graph = mw_graph_new (network);

  return mw_graph_groups_from_structure (graph);
}

static void
test_monotone (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1789);
  guint applied[G_N_ELEMENTS (change_element)] = { 0 };

  for (guint round = 0; round < 300; round++)
    {
      guint n = g_rand_int_range (rand, 2, 40);
      g_autoptr(MwNetwork) network = random_network (rand, n, g_rand_int_range (rand, 0, 3 * n));

      for (guint step = 0; step < 5; step++)
        {
          Change change = g_rand_int_range (rand, 0, G_N_ELEMENTS (change_element));
          MwElement element = change_element[change];
          g_autoptr(MwScores) before = mw_scores_compute (network);
          g_autoptr(MwScores) after = NULL;

          if (!apply_change (network, rand, change))
            continue;
          applied[change]++;
          after = mw_scores_compute (network);
          assert_finite_scores (after);
          /* groups found in the structure move with a new tie (docs/scoring.md) */
          if (element == MW_ELEMENT_SPONTANEOUS_COLLABORATION && groups_from_structure (network))
            continue;
          if (mw_scores_get_score (after, element) < mw_scores_get_score (before, element) - 1e-9)
            g_error ("round %u: %s fell from %g to %g", round, mw_element_to_string (element),
                     mw_scores_get_score (before, element), mw_scores_get_score (after, element));
        }
    }
  for (guint c = 0; c < G_N_ELEMENTS (change_element); c++)
    g_assert_cmpuint (applied[c], >, 100);
}

/* Any pure reports tree — chains, stars, bushy, one person — is a
 * hierarchy without a distributed overlay. */
static void
test_pure_trees (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  const MwElement low[] = { MW_ELEMENT_SPONTANEOUS_COLLABORATION, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE,
                            MW_ELEMENT_LOCAL_ENTREPRENEURSHIP, MW_ELEMENT_PEER_RISK_MITIGATION };

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(MwNetwork) network = mw_network_new ();
      g_autoptr(MwScores) scores = NULL;
      guint n = round < 10 ? round + 1 : (guint) g_rand_int_range (rand, 1, 300);
      guint shape = round % 4;

      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("t%u", i);
          guint manager;

          add_person (network, id);
          if (i == 0)
            continue;
          switch (shape)
            {
            case 0: manager = i - 1; break;                                  /* a chain */
            case 1: manager = 0; break;                                      /* a star */
            case 2: manager = (i - 1) / 3; break;                            /* span of 3 */
            default: manager = g_rand_int_range (rand, 0, i); break;         /* random */
            }
          mw_network_add_tie (network, mw_network_get_actor (network, i),
                              mw_network_get_actor (network, manager), MW_TIE_REPORTS, 1, NULL);
        }
      scores = mw_scores_compute (network);
      assert_finite_scores (scores);
      /* The issue asks for ≤ 10; the definitions (docs/scoring.md) give 0. */
      for (guint k = 0; k < G_N_ELEMENTS (low); k++)
        if (mw_scores_get_score (scores, low[k]) > 10 || mw_scores_get_score (scores, low[k]) != 0)
          g_error ("tree of %u (shape %u): %s = %g", n, shape, mw_element_to_string (low[k]),
                   mw_scores_get_score (scores, low[k]));
    }
}

/* The same organisation with other ids, added in another order. */
static MwNetwork *
relabel (MwNetwork *network,
         GRand     *rand)
{
  MwNetwork *copy = mw_network_new ();
  guint n = mw_network_get_n_actors (network);
  guint m = mw_network_get_n_ties (network);
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint *tie_order = g_new (guint, MAX (m, 1));

  for (guint i = 0; i < n; i++)
    order[i] = i;
  for (guint i = 0; i < m; i++)
    tie_order[i] = i;
  for (guint i = n; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i), t = order[i - 1];
      order[i - 1] = order[j];
      order[j] = t;
    }
  for (guint i = m; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i), t = tie_order[i - 1];
      tie_order[i - 1] = tie_order[j];
      tie_order[j] = t;
    }

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, order[i]);
      g_autofree char *id = g_strdup_printf ("renamed-%s-%u", actor->id, g_rand_int (rand) % 1000);
      MwActor *twin = mw_network_add_actor (copy, id, NULL, actor->kind, NULL);

      mw_network_set_actor_org (copy, twin, actor->org);
      mw_network_set_actor_unit (copy, twin, actor->unit);
      mw_network_set_actor_purpose (copy, twin, actor->purpose);
      mw_network_set_actor_initiative (copy, twin, actor->initiative);
      g_object_set_data (G_OBJECT (network), actor->id, twin);
    }
  for (guint i = 0; i < m; i++)
    {
      MwTie *tie = mw_network_get_tie (network, tie_order[i]);

      mw_network_add_tie (copy, g_object_get_data (G_OBJECT (network), tie->from->id),
                          g_object_get_data (G_OBJECT (network), tie->to->id), tie->type, tie->weight, NULL);
    }
  return copy;
}

static void
assert_same_scores (MwScores *a,
                    MwScores *b)
{
  const MwMeasures *ma = mw_scores_get_measures (a), *mb = mw_scores_get_measures (b);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_assert_cmpfloat_with_epsilon (mw_scores_get_score (a, e), mw_scores_get_score (b, e), 1e-9);
      g_assert_cmpint (mw_scores_is_measurable (a, e), ==, mw_scores_is_measurable (b, e));
      g_assert_cmpfloat_with_epsilon (mw_scores_get_evidence (a, e)->coverage,
                                      mw_scores_get_evidence (b, e)->coverage, 1e-12);
    }
  g_assert_cmpfloat_with_epsilon (mw_scores_get_index (a), mw_scores_get_index (b), 1e-9);
  g_assert_cmpuint (mw_scores_get_n_measurable (a), ==, mw_scores_get_n_measurable (b));
  g_assert_cmpfloat_with_epsilon (ma->centralization, mb->centralization, 1e-12);
  g_assert_cmpfloat_with_epsilon (ma->density, mb->density, 1e-12);
  g_assert_cmpfloat_with_epsilon (ma->reciprocity, mb->reciprocity, 1e-12);
  g_assert_cmpfloat_with_epsilon (ma->efficiency, mb->efficiency, 1e-12);
  g_assert_cmpfloat_with_epsilon (ma->ei_index, mb->ei_index, 1e-12);
  g_assert_cmpuint (ma->articulation_points, ==, mb->articulation_points);
  g_assert_cmpuint (ma->hierarchy_depth, ==, mb->hierarchy_depth);
  g_assert_cmpint (mw_scores_get_context (a), ==, mw_scores_get_context (b));
  g_assert_cmpfloat_with_epsilon (mw_scores_get_context_confidence (a),
                                  mw_scores_get_context_confidence (b), 1e-12);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    g_assert_cmpuint (mw_scores_get_factors (a, e)->len, ==, mw_scores_get_factors (b, e)->len);
}

static void
test_relabel_invariance (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2017);

  for (guint round = 0; round < 150; round++)
    {
      guint n = g_rand_int_range (rand, 0, 60);
      g_autoptr(MwNetwork) network = random_network (rand, n, g_rand_int_range (rand, 0, 3 * n + 1));
      g_autoptr(MwNetwork) copy = relabel (network, rand);
      g_autoptr(MwScores) a = mw_scores_compute (network);
      g_autoptr(MwScores) b = mw_scores_compute (copy);
      g_autoptr(MwScores) again = mw_scores_compute (network);

      assert_same_scores (a, b);
      assert_same_scores (a, again);
    }
}

/* The app scores a copy in a worker thread: the same numbers. */
static gpointer
score_in_thread (gpointer data)
{
  return mw_scores_compute (data);
}

static void
test_worker_thread (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);
  g_autoptr(MwNetwork) network = random_network (rand, 200, 600);
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  g_autoptr(MwScores) here = mw_scores_compute (network);
  g_autoptr(MwScores) there = NULL;
  GThread *thread = g_thread_new ("scorer", score_in_thread, copy);

  there = g_thread_join (thread);
  assert_same_scores (here, there);
  g_assert_cmpuint (mw_scores_get_generation (here), ==, mw_network_get_generation (network));
}

static MwScores *
score_example (MwNetwork **network_out)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "meshwork-example.gv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  if (network_out != NULL)
    *network_out = g_object_ref (network);
  return mw_scores_compute (network);
}

static gboolean
strv_contains (GStrv       strv,
               const char *str)
{
  return g_strv_contains ((const char * const *) strv, str);
}

/* The built-in example is a hierarchy with a distributed overlay: the
 * numbers and the people behind them must say so. */
static void
test_example (void)
{
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwScores) scores = score_example (&network);
  MwFactor *lonely = g_ptr_array_index (mw_scores_get_factors (scores, MW_ELEMENT_SPONTANEOUS_COLLABORATION), 0);
  MwFactor *leaders = g_ptr_array_index (mw_scores_get_factors (scores, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP), 0);
  MwFactor *unchecked = g_ptr_array_index (mw_scores_get_factors (scores, MW_ELEMENT_PEER_RISK_MITIGATION), 0);
  GPtrArray *influence = mw_scores_get_factors (scores, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE);
  MwFactor *top_down = g_ptr_array_index (influence, 2);

  assert_finite_scores (scores);
  g_assert_cmpint (mw_scores_get_context (scores), ==, MW_SCORE_CONTEXT_HIERARCHY);
  g_assert_cmpfloat (mw_scores_get_index (scores), >, 25);
  g_assert_cmpfloat (mw_scores_get_index (scores), <, 75);
  g_assert_cmpuint (mw_scores_get_n_measurable (scores), ==, MW_N_ELEMENTS);
  g_assert_cmpuint (mw_scores_get_measures (scores)->hierarchy_depth, ==, 4);

  /* The CEO collaborates with nobody; Ana (dev1) works with a nurse. */
  g_assert_true (strv_contains (lonely->actor_ids, "ceo"));
  g_assert_false (strv_contains (lonely->actor_ids, "dev1"));
  /* Omar's and Ana's initiatives have followers beyond their line (each
   * collaborates across it), Marco influences across the boundary. */
  g_assert_cmpstrv (leaders->actor_ids, ((const char *[]) { "dev1", "lab1", "nurse2", NULL }));
  /* Lena checks Omar: a peer; Omar is covered, Lena is not. */
  g_assert_false (strv_contains (unchecked->actor_ids, "nurse2"));
  g_assert_true (strv_contains (unchecked->actor_ids, "nurse1"));
  /* The CEO shaping the digital director's decisions is the top-down one. */
  g_assert_cmpuint (g_strv_length (top_down->tie_ids), ==, 1);
  g_assert_nonnull (strstr (top_down->tie_ids[0], "ceo"));
}

static void
add_link (MwNetwork  *network,
          const char *from,
          const char *to,
          MwTieType   type)
{
  g_assert_nonnull (mw_network_add_tie (network, mw_network_lookup_actor (network, from),
                                        mw_network_lookup_actor (network, to), type, 1, NULL));
}

/* Someone in the middle of a chain holds two halves together; adding a
 * peer link around them removes the single point of failure. */
static void
test_single_point_of_failure (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwScores) unchecked = NULL;
  g_autoptr(MwScores) before = NULL;
  g_autoptr(MwScores) after = NULL;
  const char *ids[] = { "a", "b", "hub", "c", "d" };
  MwFactor *cut;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    add_person (network, ids[i]);
  add_link (network, "a", "b", MW_TIE_COLLABORATES);
  add_link (network, "b", "hub", MW_TIE_COLLABORATES);
  add_link (network, "hub", "c", MW_TIE_COLLABORATES);
  add_link (network, "c", "d", MW_TIE_COLLABORATES);
  add_link (network, "a", "hub", MW_TIE_COLLABORATES);
  add_link (network, "d", "hub", MW_TIE_COLLABORATES);
  /* Without any checks tie there is nothing to measure, not a 0. */
  unchecked = mw_scores_compute (network);
  g_assert_false (mw_scores_is_measurable (unchecked, MW_ELEMENT_PEER_RISK_MITIGATION));
  g_assert_cmpuint (mw_scores_get_factors (unchecked, MW_ELEMENT_PEER_RISK_MITIGATION)->len, ==, 1);

  add_link (network, "c", "d", MW_TIE_CHECKS);
  before = mw_scores_compute (network);
  cut = g_ptr_array_index (mw_scores_get_factors (before, MW_ELEMENT_PEER_RISK_MITIGATION), 1);
  g_assert_cmpstrv (cut->actor_ids, ((const char *[]) { "hub", NULL }));
  /* d is checked by c (1 of 5 checked, 1 of 5 checks); only the hub
   * cannot be cut off by one other person. */
  g_assert_cmpfloat_with_epsilon (mw_scores_get_score (before, MW_ELEMENT_PEER_RISK_MITIGATION),
                                  100 * (sqrt (1 / 5.0 * 1 / 5.0) + 1 / 5.0) / 2, 1e-9);

  add_link (network, "b", "c", MW_TIE_CHECKS);
  after = mw_scores_compute (network);
  g_assert_cmpuint (mw_scores_get_measures (after)->articulation_points, ==, 0);
  /* c and d are checked, b and c check; all five now have a second route. */
  g_assert_cmpfloat_with_epsilon (mw_scores_get_score (after, MW_ELEMENT_PEER_RISK_MITIGATION),
                                  100 * (sqrt (2 / 5.0 * 2 / 5.0) + 5 / 5.0) / 2, 1e-9);
}

/* Contributors around a core, with no manager, reports or unit, form a
 * nimble network; give them units and a coordinator line across them and
 * they are a flat organisation; two organisations working mostly across
 * their boundary are cross-org. Fewer than 8 actors is too small to read. */
static void
test_context (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwScores) tiny = NULL;
  g_autoptr(MwScores) nimble = NULL;
  g_autoptr(MwScores) flat = NULL;
  g_autoptr(MwScores) cross = NULL;
  MwActor *people[8];

  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      people[i] = add_person (network, id);
    }
  /* c0 and c1 are the core; everyone else works with one of them */
  mw_network_add_tie (network, people[0], people[1], MW_TIE_COLLABORATES, 1, NULL);
  for (guint i = 2; i < 8; i++)
    mw_network_add_tie (network, people[i], people[i % 2], MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (network, people[2], people[3], MW_TIE_COLLABORATES, 1, NULL);
  mw_network_set_actor_purpose (network, people[0], TRUE);
  nimble = mw_scores_compute (network);
  g_assert_cmpint (mw_scores_get_context (nimble), ==, MW_SCORE_CONTEXT_NIMBLE);

  for (guint i = 0; i < 8; i++)
    mw_network_set_actor_unit (network, people[i], i % 2 ? "Red" : "Blue");
  mw_network_add_tie (network, people[1], people[0], MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (network, people[2], people[0], MW_TIE_REPORTS, 1, NULL);
  flat = mw_scores_compute (network);
  g_assert_cmpint (mw_scores_get_context (flat), ==, MW_SCORE_CONTEXT_FLAT);

  for (guint i = 0; i < 8; i++)
    mw_network_set_actor_org (network, people[i], i % 2 ? "Lab" : "Clinic");
  cross = mw_scores_compute (network);
  g_assert_cmpint (mw_scores_get_context (cross), ==, MW_SCORE_CONTEXT_CROSS_ORG);
  g_assert_cmpfloat (mw_scores_get_context_confidence (cross), >, 0.5);

  mw_network_remove_actor (network, people[7]);
  tiny = mw_scores_compute (network);
  g_assert_cmpint (mw_scores_get_context (tiny), ==, MW_SCORE_CONTEXT_UNDETERMINED);
}

/* meshwork-cli score as a user runs it, JSON names included. */

static void
test_cli_json (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "meshwork-example.gv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MwScores) scores = score_example (NULL);
  g_autofree char *out = NULL;
  JsonObject *root, *object;
  int status;

  out = mw_test_cli_output (&status, "score", path, "--json", "--explain", NULL);
  g_assert_cmpint (status, ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  object = json_object_get_object_member (root, "scores");
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, mw_element_to_string (e)),
                                    mw_scores_get_score (scores, e), 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (object, "index"), mw_scores_get_index (scores), 1e-9);
  g_assert_cmpint (json_object_get_int_member (root, "index_elements"), ==, 5);

  object = json_object_get_object_member (root, "evidence");
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      JsonObject *evidence = json_object_get_object_member (object, mw_element_to_string (e));
      const MwEvidence *expected = mw_scores_get_evidence (scores, e);

      g_assert_cmpstr (json_object_get_string_member (evidence, "basis"), ==, mw_basis_to_string (expected->basis));
      g_assert_true (json_object_get_boolean_member (evidence, "measurable"));
      g_assert_cmpfloat_with_epsilon (json_object_get_double_member (evidence, "coverage"), expected->coverage, 1e-9);
      g_assert_cmpstr (json_object_get_string_member (evidence, "reason"), ==, expected->reason);
    }

  object = json_object_get_object_member (root, "measures");
  for (guint i = 0; i < 7; i++)
    g_assert_true (json_object_has_member (object, ((const char *[]) { "centralization", "density", "reciprocity",
                                                                       "efficiency", "ei_index", "articulation_points",
                                                                       "hierarchy_depth" })[i]));
  g_assert_cmpint (json_object_get_int_member (object, "hierarchy_depth"), ==, 4);

  object = json_object_get_object_member (root, "context");
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "hierarchy");
  g_assert_true (json_object_has_member (object, "confidence"));
  g_assert_true (json_object_has_member (object, "reason"));

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "articulation_point_ids")), ==,
                    mw_scores_get_measures (scores)->articulation_points);
  object = json_object_get_object_member (root, "factors");
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      JsonArray *factors = json_object_get_array_member (object, mw_element_to_string (e));
      JsonObject *first = json_array_get_object_element (factors, 0);

      g_assert_cmpuint (json_array_get_length (factors), >, 0);
      g_assert_true (json_object_has_member (first, "text"));
      g_assert_true (json_object_has_member (first, "actors"));
      g_assert_true (json_object_has_member (first, "ties"));
    }
}

static void
test_cli_status (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples", "meshwork-example.gv", NULL);
  g_autofree char *cyclic = g_test_build_filename (G_TEST_DIST, "data", "strict-cycle.gv", NULL);
  g_autofree char *missing = g_test_build_filename (G_TEST_DIST, "data", "no-such-file.gv", NULL);
  g_autofree char *out1 = NULL, *out2 = NULL, *out3 = NULL, *out4 = NULL;
  int status;

  out1 = mw_test_cli_output (&status, "score", example, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out1, "Spontaneous collaboration"));
  g_assert_null (strstr (out1, "actors:"));
  out2 = mw_test_cli_output (&status, "score", example, "--explain", NULL);
  g_assert_nonnull (strstr (out2, "actors:"));
  out3 = mw_test_cli_output (&status, "score", cyclic, NULL);
  g_assert_cmpint (status, ==, 1);
  out4 = mw_test_cli_output (&status, "score", missing, NULL);
  g_assert_cmpint (status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scores/names", test_names);
  g_test_add_func ("/scores/empty-and-one", test_empty_and_one);
  g_test_add_func ("/scores/monotone", test_monotone);
  g_test_add_func ("/scores/pure-trees", test_pure_trees);
  g_test_add_func ("/scores/relabel-invariance", test_relabel_invariance);
  g_test_add_func ("/scores/worker-thread", test_worker_thread);
  g_test_add_func ("/scores/example", test_example);
  g_test_add_func ("/scores/single-point-of-failure", test_single_point_of_failure);
  g_test_add_func ("/scores/context", test_context);
  g_test_add_func ("/scores/cli-json", test_cli_json);
  g_test_add_func ("/scores/cli-status", test_cli_status);

  return g_test_run ();
}
