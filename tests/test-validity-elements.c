/* test-validity-elements.c: the five elements follow behaviour, not drawing habits
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every case of issue 15's table (the five elements' half) as a small
 * network in tests/data/validity/, with the bound or direction it must
 * meet; docs/scoring.md explains each.
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "mw-dot.h"
#include "mw-metrics.h"
#include "mw-network.h"
#include "mw-scorer-suggest.h"
#include "mw-scores.h"
#include "mw-templates.h"

static MwNetwork *
load (const char *name)
{
  g_autofree char *file = g_strconcat (name, ".gv", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "validity", file, NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

static MwScores *
score_file (const char *name)
{
  g_autoptr(MwNetwork) network = load (name);

  return mw_scores_compute (network);
}

static double
score (MwScores  *scores,
       MwElement  element)
{
  g_assert_true (mw_scores_is_measurable (scores, element));
  return mw_scores_get_score (scores, element);
}

static void
remove_actor (MwNetwork  *network,
              const char *id)
{
  MwActor *actor = mw_network_lookup_actor (network, id);

  g_assert_nonnull (actor);
  mw_network_remove_actor (network, actor);
}

/* A 1-4-16 pyramid with every person marked purpose and initiative: flags
 * alone are no behaviour. */
static void
test_pyramid_flagged (void)
{
  g_autoptr(MwScores) pyramid = score_file ("pyramid-flagged");
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) hierarchy = mw_template_build ("hierarchy", MW_TEMPLATE_DEFAULT_SIZE, 1, &error);
  g_autoptr(MwScores) template = NULL;

  g_assert_no_error (error);
  template = mw_scores_compute (hierarchy);
  g_assert_cmpfloat (score (pyramid, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP), <=, 10);
  g_assert_cmpfloat (score (pyramid, MW_ELEMENT_SPONTANEOUS_COLLABORATION), <=, 10);
  g_assert_cmpfloat (mw_scores_get_index (pyramid), <, mw_scores_get_index (template));
}

/* One person with influence ties to 20 others is the opposite of
 * multi-directional influence, with and without reports lines. */
static void
test_star_of_orders (void)
{
  g_autoptr(MwScores) bare = score_file ("star-influence");
  g_autoptr(MwScores) with_lines = score_file ("star-influence-reports");

  g_assert_cmpfloat (score (bare, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE), <=, 20);
  g_assert_cmpfloat (score (with_lines, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE), <=, 20);
}

/* Without reports lines influence is not "sideways" by default: the
 * pyramid drawn as an untyped digraph (every edge an influence tie). */
static void
test_untyped_digraph (void)
{
  g_autoptr(MwScores) scores = score_file ("untyped-tree");

  g_assert_cmpfloat (score (scores, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE), <=, 30);
}

/* Upward and lateral influence between two reporting chains scores high. */
static void
test_influence_across_chains (void)
{
  g_autoptr(MwScores) scores = score_file ("influence-across-chains");

  g_assert_cmpfloat (score (scores, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE), >=, 60);
}

/* No influence ties, no checks ties, no purpose marks: not measured, and
 * the index rests on the others. */
static void
test_not_measurable (void)
{
  g_autoptr(MwScores) scores = score_file ("pyramid-ceo-purpose");
  g_autoptr(MwScores) team = score_file ("self-organising-8");

  g_assert_false (mw_scores_is_measurable (scores, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE));
  g_assert_false (mw_scores_is_measurable (scores, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP));
  g_assert_false (mw_scores_is_measurable (scores, MW_ELEMENT_PEER_RISK_MITIGATION));
  g_assert_cmpuint (mw_scores_get_n_measurable (scores), ==, 2);
  g_assert_cmpfloat_with_epsilon (mw_scores_get_index (scores),
                                  (score (scores, MW_ELEMENT_SPONTANEOUS_COLLABORATION) +
                                   score (scores, MW_ELEMENT_GLOBAL_PURPOSE)) / 2, 1e-9);
  g_assert_cmpint (mw_scores_get_evidence (scores, MW_ELEMENT_GLOBAL_PURPOSE)->basis, ==, MW_BASIS_DECLARED);

  /* A self-organising team with every tie but no marks: purpose is unknown, not 0. */
  g_assert_false (mw_scores_is_measurable (team, MW_ELEMENT_GLOBAL_PURPOSE));
  g_assert_nonnull (strstr (mw_scores_get_evidence (team, MW_ELEMENT_GLOBAL_PURPOSE)->reason, "purpose"));
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    if (e != MW_ELEMENT_GLOBAL_PURPOSE)
      g_assert_true (mw_scores_is_measurable (team, e));
}

/* Losing a purpose holder never raises purpose; losing the only one
 * leaves nothing to measure. */
static void
test_purpose_holder_leaves (void)
{
  g_autoptr(MwNetwork) network = load ("pyramid-ceo-purpose");
  g_autoptr(MwScores) before = mw_scores_compute (network);
  g_autoptr(MwScores) after = NULL;
  g_autoptr(MwNetwork) flagged = load ("pyramid-flagged");
  g_autoptr(MwScores) all = mw_scores_compute (flagged);
  g_autoptr(MwScores) fewer = NULL;
  const char *holders[] = { "ceo", "m2", "w13" };
  g_autoptr(MwNetwork) some = load ("pyramid-ceo-purpose");

  remove_actor (network, "ceo");
  after = mw_scores_compute (network);
  g_assert_false (mw_scores_is_measurable (after, MW_ELEMENT_GLOBAL_PURPOSE));

  remove_actor (flagged, "ceo");
  fewer = mw_scores_compute (flagged);
  g_assert_cmpfloat (score (fewer, MW_ELEMENT_GLOBAL_PURPOSE), <=, score (all, MW_ELEMENT_GLOBAL_PURPOSE) + 1e-9);

  /* Three holders at three levels; each one's departure lowers purpose. */
  for (guint i = 0; i < G_N_ELEMENTS (holders); i++)
    mw_network_set_actor_purpose (some, mw_network_lookup_actor (some, holders[i]), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (holders); i++)
    {
      g_autoptr(MwNetwork) copy = mw_network_copy (some);
      g_autoptr(MwScores) with = mw_scores_compute (copy);
      g_autoptr(MwScores) without = NULL;

      remove_actor (copy, holders[i]);
      without = mw_scores_compute (copy);
      g_assert_cmpfloat (score (without, MW_ELEMENT_GLOBAL_PURPOSE), <=, score (with, MW_ELEMENT_GLOBAL_PURPOSE) + 1e-9);
    }
}

/* One auditor checking 20 people is below 20 people checking each other
 * with the same number of checks ties. */
static void
test_auditor_and_peers (void)
{
  g_autoptr(MwNetwork) auditor_network = load ("auditor");
  g_autoptr(MwNetwork) peer_network = load ("peer-checks");
  g_autoptr(MwScores) auditor = mw_scores_compute (auditor_network);
  g_autoptr(MwScores) peers = mw_scores_compute (peer_network);

  g_assert_cmpuint (mw_network_get_n_ties (auditor_network), ==, mw_network_get_n_ties (peer_network));
  g_assert_cmpfloat (score (auditor, MW_ELEMENT_PEER_RISK_MITIGATION), <, score (peers, MW_ELEMENT_PEER_RISK_MITIGATION));
  g_assert_cmpfloat (score (auditor, MW_ELEMENT_PEER_RISK_MITIGATION), <=, 20);
}

/* Orders without any checks tie: peer mitigation is not measured (≤ 10 or
 * null); redundancy is not counted over orders and reports lines. */
static void
test_orders_without_checks (void)
{
  g_autoptr(MwNetwork) network = load ("orders-only");
  g_autoptr(MwScores) orders = mw_scores_compute (network);
  g_autoptr(MwScores) checked = NULL;

  g_assert_false (mw_scores_is_measurable (orders, MW_ELEMENT_PEER_RISK_MITIGATION));

  /* One peer check: measurable, and the orders still add no redundancy. */
  mw_network_add_tie (network, mw_network_lookup_actor (network, "w00"),
                      mw_network_lookup_actor (network, "w01"), MW_TIE_CHECKS, 1, NULL);
  checked = mw_scores_compute (network);
  g_assert_cmpfloat (score (checked, MW_ELEMENT_PEER_RISK_MITIGATION), <=, 10);
}

/* The same ties with real units and with a unit per person. */
static void
test_unit_granularity (void)
{
  g_autoptr(MwScores) real = score_file ("units-real");
  g_autoptr(MwScores) each = score_file ("units-per-person");

  g_assert_cmpfloat (fabs (score (real, MW_ELEMENT_SPONTANEOUS_COLLABORATION) -
                           score (each, MW_ELEMENT_SPONTANEOUS_COLLABORATION)), <=, 15);
}

/* A tie to a team node is membership, not collaboration. */
static void
test_all_hands (void)
{
  g_autoptr(MwScores) scores = score_file ("pyramid-all-hands");

  g_assert_cmpfloat (score (scores, MW_ELEMENT_SPONTANEOUS_COLLABORATION), <=, 20);
}

/* Thirty people in three dense clusters with a few bridges and no unit
 * labels can score high: the boundaries come from the structure. */
static void
test_unlabelled_community (void)
{
  g_autoptr(MwScores) scores = score_file ("community-30");

  g_assert_cmpfloat (score (scores, MW_ELEMENT_SPONTANEOUS_COLLABORATION), >=, 60);
}

/* Communities found from the structure do not move with the ids: the
 * same partnership under other ids, in another order, gets the same
 * groups and scores (before ordering by structure: 62.5 vs 37.5). */
static void
test_renamed_communities (void)
{
  g_autoptr(MwNetwork) network = load ("partnership-6");
  g_autoptr(MwNetwork) renamed = load ("partnership-6-renamed");
  g_autoptr(MwScores) a = mw_scores_compute (network);
  g_autoptr(MwScores) b = mw_scores_compute (renamed);
  g_autoptr(MwGraph) graph_a = mw_graph_new (network);
  g_autoptr(MwGraph) graph_b = mw_graph_new (renamed);

  g_assert_true (mw_graph_groups_from_structure (graph_a));
  g_assert_cmpuint (mw_graph_n_groups (graph_a), ==, mw_graph_n_groups (graph_b));
  for (MwElement e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_assert_cmpint (mw_scores_is_measurable (a, e), ==, mw_scores_is_measurable (b, e));
      g_assert_cmpfloat_with_epsilon (mw_scores_get_score (a, e), mw_scores_get_score (b, e), 1e-9);
    }
  g_assert_cmpint (mw_scores_get_context (a), ==, mw_scores_get_context (b));
}

/* Reads "…: A of B … and C …" numbers out of a factor sentence. */
static guint
numbers_in (const char *text,
            guint      *numbers,
            guint       max)
{
  guint n = 0;

  for (const char *p = text; *p != '\0' && n < max; p++)
    if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isdigit (p[-1])))
      numbers[n++] = (guint) g_ascii_strtoull (p, NULL, 10);
  return n;
}

/* No sentence contradicts its number: the six-person network with one
 * collaboration tie is not measured on risk, and the sentence says so;
 * with a checks tie the sentences give the counts the number is made of. */
static void
test_risk_explanation (void)
{
  g_autoptr(MwNetwork) network = load ("risk-example-collaboration");
  g_autoptr(MwScores) plain = score_file ("risk-example");
  g_autoptr(MwScores) before = mw_scores_compute (network);
  g_autoptr(MwScores) after = NULL;
  GPtrArray *factors = mw_scores_get_factors (before, MW_ELEMENT_PEER_RISK_MITIGATION);
  guint checking[3], redundancy[2];
  double expected;

  g_assert_false (mw_scores_is_measurable (plain, MW_ELEMENT_PEER_RISK_MITIGATION));
  g_assert_false (mw_scores_is_measurable (before, MW_ELEMENT_PEER_RISK_MITIGATION));
  g_assert_cmpuint (factors->len, ==, 1);
  g_assert_cmpstr (((MwFactor *) g_ptr_array_index (factors, 0))->text, ==,
                   mw_scores_get_evidence (before, MW_ELEMENT_PEER_RISK_MITIGATION)->reason);
  g_assert_nonnull (strstr (((MwFactor *) g_ptr_array_index (factors, 0))->text, "Not measurable"));

  mw_network_add_tie (network, mw_network_lookup_actor (network, "r4"),
                      mw_network_lookup_actor (network, "r3"), MW_TIE_CHECKS, 1, NULL);
  after = mw_scores_compute (network);
  factors = mw_scores_get_factors (after, MW_ELEMENT_PEER_RISK_MITIGATION);
  g_assert_cmpuint (numbers_in (((MwFactor *) g_ptr_array_index (factors, 0))->text, checking, 3), ==, 3);
  g_assert_cmpuint (numbers_in (((MwFactor *) g_ptr_array_index (factors, 2))->text, redundancy, 2), ==, 2);
  g_assert_cmpuint (checking[1], ==, 6);
  expected = 100 * (sqrt ((double) checking[0] / checking[1] * checking[2] / checking[1]) +
                    (double) redundancy[0] / redundancy[1]) / 2;
  g_assert_cmpfloat_with_epsilon (score (after, MW_ELEMENT_PEER_RISK_MITIGATION), expected, 1e-9);
}

/* A weight of 0 or less is not a tie, and `info` says so. */
static void
test_weights (void)
{
  g_autoptr(MwNetwork) network = load ("weights");
  g_autoptr(MwScores) scores = mw_scores_compute (network);
  g_autoptr(GPtrArray) problems = mw_network_check (network);
  guint n_not_ties = 0;

  g_assert_cmpfloat (score (scores, MW_ELEMENT_SPONTANEOUS_COLLABORATION), ==, 0);
  for (guint i = 0; i < problems->len; i++)
    n_not_ties += ((MwProblem *) g_ptr_array_index (problems, i))->kind == MW_PROBLEM_NOT_A_TIE;
  g_assert_cmpuint (n_not_ties, ==, 2);
}

/* Self-ties and parallel ties change no element (docs: simple graphs). */
static void
test_self_and_parallel_ties (void)
{
  g_autoptr(MwNetwork) network = load ("self-organising-8");
  g_autoptr(MwScores) plain = mw_scores_compute (network);
  g_autoptr(MwScores) noisy = NULL;

  for (guint v = 0; v < mw_network_get_n_actors (network); v++)
    {
      MwActor *actor = mw_network_get_actor (network, v);
      MwActor *next = mw_network_get_actor (network, (v + 1) % mw_network_get_n_actors (network));

      mw_network_add_tie (network, actor, actor, MW_TIE_REPORTS, 1, NULL);
      for (guint k = 0; k < 3; k++)
        mw_network_add_tie (network, actor, next, MW_TIE_INFLUENCES, 1, NULL);
    }
  noisy = mw_scores_compute (network);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_assert_cmpint (mw_scores_is_measurable (plain, e), ==, mw_scores_is_measurable (noisy, e));
      g_assert_cmpfloat_with_epsilon (mw_scores_get_score (plain, e), mw_scores_get_score (noisy, e), 1e-9);
    }
}

/* A suggestion's gain is the measured change, on an element that was
 * measurable before. */
static void
test_suggestion_gain (void)
{
  g_autoptr(MwNetwork) network = load ("risk-example-collaboration");
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(MwScores) before = NULL;

  mw_network_add_tie (network, mw_network_lookup_actor (network, "r4"),
                      mw_network_lookup_actor (network, "r3"), MW_TIE_CHECKS, 1, NULL);
  before = mw_scores_compute (network);
  suggestions = mw_suggest (network, MW_SUGGEST_MAX, NULL);
  g_assert_cmpuint (suggestions->len, >, 0);
  for (guint i = 0; i < suggestions->len; i++)
    {
      MwSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autoptr(MwNetwork) copy = mw_network_copy (network);
      g_autoptr(MwScores) after = NULL;

      g_assert_true (mw_scores_is_measurable (before, suggestion->element));
      mw_network_add_tie (copy, mw_network_lookup_actor (copy, suggestion->from_id),
                          mw_network_lookup_actor (copy, suggestion->to_id), suggestion->type, 1, NULL);
      after = mw_scores_compute (copy);
      g_assert_cmpfloat_with_epsilon (suggestion->gain,
                                      mw_scores_get_score (after, suggestion->element) -
                                      mw_scores_get_score (before, suggestion->element), 1e-9);
      g_assert_cmpfloat_with_epsilon (suggestion->index_gain,
                                      mw_scores_get_index (after) - mw_scores_get_index (before), 1e-9);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validity/pyramid-flagged", test_pyramid_flagged);
  g_test_add_func ("/validity/star-of-orders", test_star_of_orders);
  g_test_add_func ("/validity/untyped-digraph", test_untyped_digraph);
  g_test_add_func ("/validity/influence-across-chains", test_influence_across_chains);
  g_test_add_func ("/validity/not-measurable", test_not_measurable);
  g_test_add_func ("/validity/purpose-holder-leaves", test_purpose_holder_leaves);
  g_test_add_func ("/validity/auditor-and-peers", test_auditor_and_peers);
  g_test_add_func ("/validity/orders-without-checks", test_orders_without_checks);
  g_test_add_func ("/validity/unit-granularity", test_unit_granularity);
  g_test_add_func ("/validity/all-hands", test_all_hands);
  g_test_add_func ("/validity/unlabelled-community", test_unlabelled_community);
  g_test_add_func ("/validity/renamed-communities", test_renamed_communities);
  g_test_add_func ("/validity/risk-explanation", test_risk_explanation);
  g_test_add_func ("/validity/weights", test_weights);
  g_test_add_func ("/validity/self-and-parallel-ties", test_self_and_parallel_ties);
  g_test_add_func ("/validity/suggestion-gain", test_suggestion_gain);

  return g_test_run ();
}
