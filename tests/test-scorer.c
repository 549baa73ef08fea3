/* test-scorer.c: scores kept current as a network is edited (no display)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <string.h>

#include "mw-templates.h"
#include "mw-scorer.h"
#include "mw-scorer-suggest.h"

static MwNetwork *
build_network (void)
{
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_template_build ("nimble", 120, 7, &error);

  g_assert_no_error (error);
  return network;
}

static void
wait_until_idle (MwScorer *scorer)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (g_main_context_iteration (NULL, FALSE) || mw_scorer_get_busy (scorer))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (mw_scorer_get_busy (scorer))
        g_usleep (1000);
    }
}

static void
assert_same_scores (MwScores  *scores,
                    MwNetwork *network)
{
  g_autoptr(MwScores) expected = mw_scores_compute (network);

  g_assert_nonnull (scores);
  g_assert_cmpfloat (mw_scores_get_index (scores), ==, mw_scores_get_index (expected));
  for (guint i = 0; i < MW_N_ELEMENTS; i++)
    g_assert_cmpfloat (mw_scores_get_score (scores, i), ==, mw_scores_get_score (expected, i));
}

static void
remove_some_ties (MwNetwork *network,
                  guint      n)
{
  for (guint i = 0; i < n && mw_network_get_n_ties (network) > 0; i++)
    mw_network_remove_tie (network, mw_network_get_tie (network, 0));
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* A small network is scored at once; a burst of edits is scored once. */
static void
test_scorer_small (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  g_autoptr(MwScorer) scorer = mw_scorer_new (network);
  guint notified = 0;

  assert_same_scores (mw_scorer_get_scores (scorer), network);
  g_assert_false (mw_scorer_get_busy (scorer));
  g_signal_connect (scorer, "notify::scores", G_CALLBACK (count_cb), &notified);

  remove_some_ties (network, 5);
  g_assert_true (mw_scorer_get_busy (scorer));
  wait_until_idle (scorer);
  g_assert_cmpuint (notified, ==, 1);
  assert_same_scores (mw_scorer_get_scores (scorer), network);
  g_assert_cmpuint (mw_scores_get_generation (mw_scorer_get_scores (scorer)), ==,
                    mw_network_get_generation (network));

  /* Moving an actor cannot change a score: nothing to do. */
  mw_network_set_actor_position (network, mw_network_get_actor (network, 0), 10, 20);
  g_assert_false (mw_scorer_get_busy (scorer));
}

/* In a worker thread, edits made while it scores are scored after it, and
 * the scores in the end are those of the network as it is. */
static void
test_scorer_threaded (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  g_autoptr(MwScorer) scorer = NULL;
  guint64 last_generation = 0;

  scorer = g_object_new (MW_TYPE_SCORER, "network", network, NULL);
  mw_scorer_set_thread_threshold (scorer, 0);
  wait_until_idle (scorer);

  for (guint round = 0; round < 5; round++)
    {
      remove_some_ties (network, 3);
      mw_scorer_rescore (scorer);
      g_assert_true (mw_scorer_get_busy (scorer));
      remove_some_ties (network, 3);
      wait_until_idle (scorer);

      assert_same_scores (mw_scorer_get_scores (scorer), network);
      g_assert_cmpuint (mw_scores_get_generation (mw_scorer_get_scores (scorer)), >=, last_generation);
      last_generation = mw_scores_get_generation (mw_scorer_get_scores (scorer));
    }
}

/* Dropping the scorer while a worker runs loses nothing and crashes nothing. */
static void
test_scorer_dispose_while_busy (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  MwScorer *scorer = mw_scorer_new (network);

  mw_scorer_set_thread_threshold (scorer, 0);
  remove_some_ties (network, 2);
  mw_scorer_rescore (scorer);
  g_object_run_dispose (G_OBJECT (scorer));
  g_object_unref (scorer);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_usleep (200000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (mw_network_get_n_actors (network), >, 0);
}

/* Each suggestion's gain is what adding its tie really does, they come
 * best first, and the network is left as it was. */
static void
test_scorer_suggest (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_template_build ("hierarchy", 40, 3, &error);
  g_autoptr(MwNetwork) original = mw_network_copy (network);
  g_autoptr(MwScores) before = mw_scores_compute (network);
  g_autoptr(GPtrArray) suggestions = NULL;

  g_assert_no_error (error);
  suggestions = mw_suggest (network, MW_SUGGEST_MAX, NULL);
  g_assert_true (mw_network_equal (network, original, NULL));
  g_assert_cmpuint (suggestions->len, >, 0);
  g_assert_cmpuint (suggestions->len, <=, MW_SUGGEST_MAX);

  for (guint i = 0; i < suggestions->len; i++)
    {
      MwSuggestion *suggestion = g_ptr_array_index (suggestions, i);
      g_autoptr(MwNetwork) changed = mw_network_copy (network);
      g_autoptr(MwScores) after = NULL;

      for (guint e = 0; e < MW_N_ELEMENTS; e++)
        g_assert_cmpfloat (mw_scores_get_score (before, suggestion->element), <=, mw_scores_get_score (before, e));
      g_assert_cmpfloat (suggestion->gain, >, 0.0);
      if (i > 0)
        g_assert_cmpfloat (suggestion->gain, <=, ((MwSuggestion *)g_ptr_array_index (suggestions, i - 1))->gain);

      mw_network_add_tie (changed, mw_network_lookup_actor (changed, suggestion->from_id),
                          mw_network_lookup_actor (changed, suggestion->to_id), suggestion->type, 1.0, NULL);
      after = mw_scores_compute (changed);
      g_assert_cmpfloat_with_epsilon (mw_scores_get_score (after, suggestion->element),
                                      mw_scores_get_score (before, suggestion->element) + suggestion->gain, 1e-9);
    }
}

/* Large networks and networks without managers get suggestions too: one
 * tie among thousands moves a score by hundredths, still a real gain, and
 * when the weakest element cannot be raised the next one is. */
static void
test_scorer_suggest_everywhere (void)
{
  const char *contexts[] = { "pyramid", "hierarchy", "flat", "nimble", "cross-org" };

  for (guint c = 0; c < G_N_ELEMENTS (contexts); c++)
    for (guint size = 50; size <= 1000; size *= 20)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(MwNetwork) network = mw_template_build (contexts[c], size, 1, &error);
        g_autoptr(MwScores) before = mw_scores_compute (network);
        g_autoptr(GPtrArray) suggestions = NULL;

        g_assert_no_error (error);
        suggestions = mw_suggest (network, MW_SUGGEST_MAX, NULL);
        if (suggestions->len == 0)
          g_error ("%s with %u actors: no suggestion", contexts[c], size);
        for (guint i = 0; i < suggestions->len; i++)
          {
            MwSuggestion *suggestion = g_ptr_array_index (suggestions, i);
            g_autoptr(MwNetwork) changed = mw_network_copy (network);
            g_autoptr(MwScores) after = NULL;

            g_assert_nonnull (mw_network_add_tie (changed, mw_network_lookup_actor (changed, suggestion->from_id),
                                                  mw_network_lookup_actor (changed, suggestion->to_id),
                                                  suggestion->type, 1.0, NULL));
            after = mw_scores_compute (changed);
            g_assert_cmpfloat (mw_scores_get_score (after, suggestion->element), >,
                               mw_scores_get_score (before, suggestion->element));
            g_assert_null (strstr (suggestion->text, "( ↔ )"));
          }
      }
}

static void
suggest_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = mw_suggest_finish (result, &error);
  g_assert_no_error (error);
}

/* The worker gives what the direct call gives, on its own copy. */
static void
test_scorer_suggest_async (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  g_autoptr(GPtrArray) direct = NULL;
  g_autoptr(GPtrArray) threaded = NULL;
  guint64 generation = mw_network_get_generation (network);

  mw_suggest_async (network, MW_SUGGEST_MAX, NULL, suggest_cb, &threaded);
  g_assert_cmpuint (mw_network_get_generation (network), ==, generation);
  while (threaded == NULL)
    g_main_context_iteration (NULL, TRUE);
  direct = mw_suggest (network, MW_SUGGEST_MAX, NULL);

  g_assert_cmpuint (threaded->len, ==, direct->len);
  for (guint i = 0; i < direct->len; i++)
    g_assert_cmpstr (((MwSuggestion *)g_ptr_array_index (threaded, i))->text, ==,
                     ((MwSuggestion *)g_ptr_array_index (direct, i))->text);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scorer/small", test_scorer_small);
  g_test_add_func ("/scorer/threaded", test_scorer_threaded);
  g_test_add_func ("/scorer/dispose-while-busy", test_scorer_dispose_while_busy);
  g_test_add_func ("/scorer/suggest-everywhere", test_scorer_suggest_everywhere);
  g_test_add_func ("/scorer/suggest", test_scorer_suggest);
  g_test_add_func ("/scorer/suggest-async", test_scorer_suggest_async);

  return g_test_run ();
}
