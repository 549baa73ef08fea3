/* test-scorer-copy.c: the scorer's kept copy gives the scores a fresh computation gives
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 17: a large network is scored on a copy that is kept between runs
 * and updated with what changed (mw_network_copy_update()). After edits of
 * every kind, one by one and in bursts while the worker runs, the copy must
 * equal the network and the scores must equal mw_scores_compute()'s on the
 * network itself, to the last bit. */

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mw-document.h"
#include "mw-filter.h"
#include "mw-scorer.h"
#include "mw-scores-private.h"
#include "mw-templates.h"
#include "mw-test-core.h"
#include "mw-test-networks.h"

typedef void (*Edit) (MwNetwork *network, guint step);

static MwNetwork *
build_network (void)
{
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_template_build ("hierarchy", 150, 3, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    mw_network_set_actor_org (network, mw_network_get_actor (network, i), i % 3 == 0 ? "North" : "South");
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
assert_same_strv (const char * const *a,
                  const char * const *b)
{
  g_assert_cmpuint (a != NULL ? g_strv_length ((GStrv) a) : 0, ==, b != NULL ? g_strv_length ((GStrv) b) : 0);
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

/* Every figure, factor and id the scores hold. */
static void
assert_identical (MwScores *scores,
                  MwScores *expected)
{
  const MwMeasures *m = mw_scores_get_measures (scores);
  const MwMeasures *e = mw_scores_get_measures (expected);

  g_assert_cmpfloat (mw_scores_get_index (scores), ==, mw_scores_get_index (expected));
  g_assert_cmpuint (mw_scores_get_n_measurable (scores), ==, mw_scores_get_n_measurable (expected));
  for (MwElement el = 0; el < MW_N_ELEMENTS; el++)
    {
      GPtrArray *fa = mw_scores_get_factors (scores, el);
      GPtrArray *fe = mw_scores_get_factors (expected, el);

      g_assert_cmpfloat (mw_scores_get_score (scores, el), ==, mw_scores_get_score (expected, el));
      g_assert_cmpfloat (mw_scores_get_evidence (scores, el)->coverage, ==,
                         mw_scores_get_evidence (expected, el)->coverage);
      g_assert_cmpuint (fa->len, ==, fe->len);
      for (guint i = 0; i < fa->len; i++)
        {
          const MwFactor *a = g_ptr_array_index (fa, i), *b = g_ptr_array_index (fe, i);

          g_assert_cmpstr (a->text, ==, b->text);
          assert_same_strv ((const char * const *) a->actor_ids, (const char * const *) b->actor_ids);
          assert_same_strv ((const char * const *) a->tie_ids, (const char * const *) b->tie_ids);
        }
    }
  g_assert_cmpfloat (m->centralization, ==, e->centralization);
  g_assert_cmpfloat (m->density, ==, e->density);
  g_assert_cmpfloat (m->reciprocity, ==, e->reciprocity);
  g_assert_cmpfloat (m->efficiency, ==, e->efficiency);
  g_assert_cmpfloat (m->ei_index, ==, e->ei_index);
  g_assert_cmpuint (m->articulation_points, ==, e->articulation_points);
  g_assert_cmpuint (m->hierarchy_depth, ==, e->hierarchy_depth);
  g_assert_cmpfloat (m->span_of_control, ==, e->span_of_control);
  g_assert_cmpfloat (m->org_boundary_spanning, ==, e->org_boundary_spanning);
  assert_same_strv (mw_scores_get_articulation_point_ids (scores), mw_scores_get_articulation_point_ids (expected));
  g_assert_cmpint (mw_scores_get_context (scores), ==, mw_scores_get_context (expected));
  g_assert_cmpfloat (mw_scores_get_context_confidence (scores), ==, mw_scores_get_context_confidence (expected));
  for (MwScoreContext c = 0; c < MW_N_RESEARCH_CONTEXTS; c++)
    g_assert_cmpfloat (mw_scores_get_context_fit (scores, c), ==, mw_scores_get_context_fit (expected, c));
}

static MwActor *
actor_at (MwNetwork *network,
          guint      step)
{
  return mw_network_get_actor (network, (step * 37) % mw_network_get_n_actors (network));
}

static guint n_new;  /* for ids never used before */

static void
add_actor (MwNetwork *network, guint step)
{
  g_autofree char *id = g_strdup_printf ("new%u", n_new++);
  MwActor *actor = mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL);

  mw_network_set_actor_unit (network, actor, "Newcomers");
  mw_network_add_tie (network, actor, actor_at (network, step), MW_TIE_REPORTS, 1, NULL);
}

static void
change_actor (MwNetwork *network, guint step)
{
  MwActor *actor = actor_at (network, step);

  mw_network_set_actor_kind (network, actor, step % 2 ? MW_ACTOR_TEAM : MW_ACTOR_PERSON);
  mw_network_set_actor_org (network, actor, step % 2 ? "West" : "North");
  mw_network_set_actor_unit (network, actor, step % 2 ? "Sales" : "");
  mw_network_set_actor_purpose (network, actor, !actor->purpose);
  mw_network_set_actor_initiative (network, actor, !actor->initiative);
  mw_network_set_actor_attr (network, actor, "role", step % 2 ? "lead" : NULL);
  mw_network_set_actor_position (network, actor, step, step);
}

static void
add_ties (MwNetwork *network, guint step)
{
  MwActor *a = actor_at (network, step), *b = actor_at (network, step + 5);

  /* the same tie twice: a generated id and its "#2" */
  mw_network_add_tie (network, a, b, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (network, a, b, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (network, b, a, MW_TIE_CHECKS, 2, NULL);
}

static void
change_tie (MwNetwork *network, guint step)
{
  MwTie *tie = mw_network_get_tie (network, (step * 13) % mw_network_get_n_ties (network));

  mw_network_set_tie_type (network, tie, (tie->type + 1) % MW_N_TIE_TYPES);
  mw_network_set_tie_weight (network, tie, 3);
  mw_network_set_tie_attr (network, tie, "since", "2020");
  mw_network_set_tie_endpoints (network, tie, tie->to, actor_at (network, step + 1));
}

static void
remove_ties (MwNetwork *network, guint step)
{
  for (guint i = 0; i < 3; i++)
    mw_network_remove_tie (network, mw_network_get_tie (network, (step * 7 + i) % mw_network_get_n_ties (network)));
}

static void
remove_actor (MwNetwork *network, guint step)
{
  mw_network_remove_actor (network, actor_at (network, step + 2));
}

/* What the copy cannot follow change by change: it is taken again. */
static void
rename_and_batch (MwNetwork *network, guint step)
{
  g_autofree char *id = g_strdup_printf ("renamed%u", n_new++);

  mw_network_set_actor_id (network, actor_at (network, step), id, NULL);
  mw_network_begin_batch (network, "batch");
  remove_ties (network, step + 1);
  mw_network_end_batch (network);
  mw_network_set_attr (network, "label", id);
}

static const Edit edits[] = { add_actor, change_actor, add_ties, change_tie, remove_ties, remove_actor,
                              rename_and_batch };

static void
assert_scored (MwScorer  *scorer,
               MwNetwork *network)
{
  g_autoptr(MwScores) expected = mw_scores_compute (network);

  wait_until_idle (scorer);
  g_assert_cmpuint (mw_scores_get_generation (mw_scorer_get_scores (scorer)), ==,
                    mw_network_get_generation (network));
  assert_identical (mw_scorer_get_scores (scorer), expected);
}

/* Each kind of edit alone, then bursts of them while the worker runs. */
static void
test_kept_copy_scores (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  g_autoptr(MwScorer) scorer = g_object_new (MW_TYPE_SCORER, "network", network, NULL);

  mw_scorer_set_thread_threshold (scorer, 0);
  mw_scorer_rescore (scorer);
  assert_scored (scorer, network);

  for (guint step = 0; step < 3 * G_N_ELEMENTS (edits); step++)
    {
      edits[step % G_N_ELEMENTS (edits)] (network, step);
      assert_scored (scorer, network);
    }
  for (guint step = 0; step < 4 * G_N_ELEMENTS (edits); step++)
    {
      /* edits land while the worker scores the copy */
      edits[step % G_N_ELEMENTS (edits)] (network, step);
      edits[(step * 3 + 1) % G_N_ELEMENTS (edits)] (network, step + 1);
      g_main_context_iteration (NULL, FALSE);
      if (step % 4 == 3)
        assert_scored (scorer, network);
    }
  assert_scored (scorer, network);
}

typedef struct
{
  GHashTable *actors;
  GHashTable *ties;
} Changed;

static void
changed_cb (MwNetwork *network,
            MwChange  *change,
            Changed   *changed)
{
  if (change->actor != NULL)
    g_hash_table_add (changed->actors, g_strdup (change->actor->id));
  if (change->tie != NULL)
    g_hash_table_add (changed->ties, g_strdup (change->tie->id));
}

/* The update itself: a copy updated with the ids that changed equals the
 * network, and scores as it does. */
static void
test_copy_update (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Changed changed = { actors, ties };

  g_assert_true (mw_network_equal (network, copy, NULL));
  g_signal_connect (network, "changed", G_CALLBACK (changed_cb), &changed);
  for (guint step = 0; step < 40; step++)
    {
      g_autofree char *difference = NULL;
      g_autoptr(MwScores) scores = NULL;
      g_autoptr(MwScores) expected = NULL;

      /* all but rename_and_batch, which the scorer copies again for */
      edits[step % (G_N_ELEMENTS (edits) - 1)] (network, step);
      if (step % 3 != 2)
        continue;
      mw_network_copy_update (copy, network, actors, ties);
      g_hash_table_remove_all (actors);
      g_hash_table_remove_all (ties);
      if (!mw_network_equal (network, copy, &difference))
        g_error ("after step %u: %s", step, difference);
      g_assert_cmpuint (mw_network_get_generation (copy), ==, mw_network_get_generation (network));
      scores = mw_scores_compute (copy);
      expected = mw_scores_compute (network);
      assert_identical (scores, expected);
    }
}

/* An organisation above the scorer's thread threshold, opened as the app
 * opens it: the load's worker also copies it for the scorer. */
static MwDocument *
load_large (void)
{
  g_autofree char *path = mw_test_write_large_organisation (MW_SCORER_DEFAULT_THREAD_THRESHOLD + 1000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  MwDocument *document = mw_document_new ();

  mw_document_load_async (document, file, NULL, mw_test_store_result_cb, &result);
  g_assert_true (mw_document_load_finish (document, mw_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_unlink (path);
  return document;
}

/* Issue 17: the first scores of a large network come from the copy the
 * load's worker made (no copy on the UI thread), and edits after follow. */
static void
test_load_copy_scores (void)
{
  g_autoptr(MwDocument) document = load_large ();
  MwNetwork *network = mw_document_get_network (document);
  MwScorer *scorer = mw_document_get_scorer (document);

  g_assert_cmpuint (mw_network_get_n_actors (network), >, mw_scorer_get_thread_threshold (scorer));
  assert_scored (scorer, network);
  add_ties (network, 1);
  assert_scored (scorer, network);
  change_tie (network, 2);
  remove_actor (network, 3);
  assert_scored (scorer, network);
}

static void
take_view_copy_cb (MwDocument *document,
                   GParamSpec *pspec,
                   MwNetwork **taken)
{
  *taken = mw_document_take_view_copy (document);
  /* given once */
  g_assert_null (mw_document_take_view_copy (document));
}

/* Issue 17: the canvas's tiles drew on a copy the UI thread made after
 * every load of a big network (a quarter of a second at 100,000 actors);
 * the load's worker now makes one beside the scorer's, handed out while
 * the network is announced: the network as loaded, in its order. */
static void
test_load_view_copy (void)
{
  g_autofree char *path = mw_test_write_large_organisation (MW_SCORER_DEFAULT_THREAD_THRESHOLD + 1000);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MwDocument) document = mw_document_new ();
  g_autoptr(MwNetwork) taken = NULL;
  g_autofree char *difference = NULL;
  MwNetwork *network;

  g_signal_connect (document, "notify::history", G_CALLBACK (take_view_copy_cb), &taken);
  mw_document_load_async (document, file, NULL, mw_test_store_result_cb, &result);
  g_assert_true (mw_document_load_finish (document, mw_test_wait_result (&result), &error));
  g_assert_no_error (error);
  g_unlink (path);

  network = mw_document_get_network (document);
  g_assert_nonnull (taken);
  g_assert_true (taken != network);
  if (!mw_network_equal (network, taken, &difference))
    g_error ("the view's copy differs: %s", difference);
  g_assert_cmpuint (mw_network_get_generation (taken), ==, mw_network_get_generation (network));
  for (guint i = 0; i < mw_network_get_n_actors (network); i += 97)
    g_assert_cmpstr (mw_network_get_actor (taken, i)->id, ==, mw_network_get_actor (network, i)->id);
  for (guint i = 0; i < mw_network_get_n_ties (network); i += 97)
    g_assert_cmpstr (mw_network_get_tie (taken, i)->id, ==, mw_network_get_tie (network, i)->id);
  /* only while it was announced */
  g_assert_null (mw_document_take_view_copy (document));
}

/* A copy of an older state of the network is not scored: it would give
 * the scores of before under the generation of now. */
static void
test_stale_copy_ignored (void)
{
  g_autoptr(MwDocument) document = load_large ();
  MwNetwork *network = mw_document_get_network (document);
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  g_autoptr(MwScorer) scorer = NULL;

  add_ties (network, 4);
  remove_ties (network, 5);
  scorer = mw_scorer_new_with_copy (network, copy);
  assert_scored (scorer, network);
}

/* The pass on two threads (groups and articulation points beside the ids'
 * order; risk, entrepreneurship and the measures beside the other
 * elements) gives what the pass on one gives, after edits of every kind. */
static void
test_parallel_pass (void)
{
  g_autoptr(MwDocument) document = load_large ();
  MwNetwork *large = mw_document_get_network (document);
  g_autoptr(MwNetwork) small = build_network ();
  MwNetwork *networks[] = { small, large };

  for (guint k = 0; k < G_N_ELEMENTS (networks); k++)
    for (guint step = 0; step < G_N_ELEMENTS (edits) + 1; step++)
      {
        g_autoptr(MwScores) serial = NULL;
        g_autoptr(MwScores) parallel = NULL;

        if (step > 0)
          edits[step - 1] (networks[k], step);
        _mw_scores_set_parallel_min_actors (G_MAXUINT);
        serial = mw_scores_compute (networks[k]);
        _mw_scores_set_parallel_min_actors (0);
        parallel = mw_scores_compute (networks[k]);
        assert_identical (parallel, serial);
      }
}

/* What a pass keeps for the next (the actors' order by id) never changes a
 * score: after each kind of edit, renamed ids and removed actors included,
 * a pass with the cache equals a fresh one. */
static void
test_cached_pass (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  MwScoresCache *cache = _mw_scores_cache_new ();

  for (guint step = 0; step < 3 * G_N_ELEMENTS (edits); step++)
    {
      g_autoptr(MwScores) cached = NULL;
      g_autoptr(MwScores) expected = NULL;

      edits[step % G_N_ELEMENTS (edits)] (network, step);
      cached = _mw_scores_compute_cached (network, cache);
      expected = mw_scores_compute (network);
      assert_identical (cached, expected);
      /* an edit of ties only: the order comes from the cache */
      change_tie (network, step);
      g_clear_pointer (&cached, mw_scores_unref);
      g_clear_pointer (&expected, mw_scores_unref);
      cached = _mw_scores_compute_cached (network, cache);
      expected = mw_scores_compute (network);
      assert_identical (cached, expected);
    }
  _mw_scores_cache_free (cache);
}

/* The filtered view's scores are those of the view of the network now. */
static void
assert_view_scored (MwScorer       *filtered,
                    const MwFilter *filter,
                    MwNetwork      *network)
{
  g_autoptr(MwNetwork) view = mw_filter_apply_network (filter, network);
  g_autoptr(MwScores) expected = mw_scores_compute (view);
  g_autofree char *difference = NULL;

  wait_until_idle (filtered);
  if (!mw_network_equal (mw_scorer_get_scored_network (filtered), view, &difference))
    g_error ("the scored view differs from the network's: %s", difference);
  assert_identical (mw_scorer_get_scores (filtered), expected);
}

static MwFilter *
make_filter (guint which)
{
  MwFilter *filter = mw_filter_new ();

  if (which == 0)
    filter->org = g_strdup ("North");
  else
    {
      /* isolates by ties that changed since the copy */
      filter->tie_types = (1u << MW_TIE_COLLABORATES) | (1u << MW_TIE_CHECKS);
      filter->fade_isolates = TRUE;
    }
  return filter;
}

/* Issue 20: the filtered view's scores do not wait for the whole network's
 * run. That run is held (as a huge network's takes seconds) while edits of
 * every kind land; the view follows each edit at once, built from the copy
 * the held run reads and what changed since, or (after a batch or a
 * renamed id) from a new copy; then the held run ends and is followed. */
static void
test_view_while_whole_runs (gconstpointer data)
{
  g_autoptr(MwNetwork) network = build_network ();
  g_autoptr(MwScorer) whole = mw_scorer_new (network);
  g_autoptr(MwScorer) filtered = NULL;
  g_autoptr(MwFilter) filter = make_filter (GPOINTER_TO_UINT (data));

  mw_scorer_set_thread_threshold (whole, 0);
  mw_scorer_rescore (whole);
  assert_scored (whole, network);
  filtered = mw_scorer_new_filtered (whole, filter);
  assert_view_scored (filtered, filter, network);

  _mw_scorer_set_test_hold (TRUE);
  for (guint step = 0; step < 2 * G_N_ELEMENTS (edits); step++)
    {
      edits[step % G_N_ELEMENTS (edits)] (network, step);
      assert_view_scored (filtered, filter, network);
      /* the whole network's run is still held: the view did not wait */
      g_assert_true (mw_scorer_get_busy (whole));
    }
  /* A filter chosen now is scored at once too. */
  g_clear_pointer (&filter, mw_filter_free);
  filter = make_filter (1 - GPOINTER_TO_UINT (data));
  remove_ties (network, 3);
  mw_scorer_set_filter (filtered, filter);
  assert_view_scored (filtered, filter, network);
  g_assert_true (mw_scorer_get_busy (whole));

  _mw_scorer_set_test_hold (FALSE);
  assert_scored (whole, network);
  change_actor (network, 5);
  assert_scored (whole, network);
  assert_view_scored (filtered, filter, network);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* Waits until only the test holds @object: no run (an abandoned one
 * included) holds it any more. */
static void
wait_until_let_go (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (g_atomic_int_get ((gint *) &G_OBJECT (object)->ref_count) > 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* Issue 20: a new filter chosen while the filtered view's own run for the
 * previous filter goes does not wait for that run. The run is held (as a
 * view of most of a huge network scores for a second); the new filter's
 * scores come at once, after an edit too, equal to those of the view built
 * from the network (as `meshwork-cli score FILE --filter …` builds it);
 * the held run, let go, shows nothing and frees what it held. */
static void
test_new_filter_while_view_runs (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  g_autoptr(MwScorer) whole = mw_scorer_new (network);
  g_autoptr(MwFilter) first = make_filter (1);
  g_autoptr(MwFilter) second = make_filter (0);
  g_autoptr(MwScores) shown = NULL;
  MwScorer *filtered;
  guint n_shown = 0;

  mw_scorer_set_thread_threshold (whole, 0);
  mw_scorer_rescore (whole);
  assert_scored (whole, network);

  _mw_scorer_set_test_hold_view (TRUE);
  filtered = mw_scorer_new_filtered (whole, first);
  g_object_add_weak_pointer (G_OBJECT (filtered), (gpointer *) &filtered);
  g_signal_connect (filtered, "notify::scores", G_CALLBACK (count_cb), &n_shown);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (mw_scorer_get_busy (filtered));
  g_assert_null (mw_scorer_get_scores (filtered));

  /* The first filter's run is held: the second's scores come anyway. */
  mw_scorer_set_filter (filtered, second);
  assert_view_scored (filtered, second, network);
  g_assert_cmpuint (n_shown, ==, 1);
  remove_ties (network, 3);
  change_actor (network, 4);
  assert_view_scored (filtered, second, network);
  g_assert_cmpuint (n_shown, ==, 2);
  shown = mw_scores_ref (mw_scorer_get_scores (filtered));

  /* The held run goes on, sees it was abandoned and lets go of all it
   * held (the scorer too): its result is never shown. */
  _mw_scorer_set_test_hold_view (FALSE);
  wait_until_let_go (filtered);
  g_assert_cmpuint (n_shown, ==, 2);
  g_assert_true (mw_scorer_get_scores (filtered) == shown);
  assert_view_scored (filtered, second, network);

  /* The scorer still follows edits, and nothing else holds it. */
  add_ties (network, 6);
  assert_view_scored (filtered, second, network);
  g_assert_cmpuint (n_shown, ==, 3);
  wait_until_let_go (filtered);
  g_object_unref (filtered);
  g_assert_null (filtered);
}

/* An abandoned view's run stops building its view and between the stages
 * of its pass, and its progress no longer shows in the scorer's. */
static void
test_cancelled_pass (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(MwFilterPatch) patch = NULL;
  g_autoptr(MwFilter) filter = make_filter (1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(MwProgress) shown = mw_progress_new (NULL);
  g_autoptr(MwProgress) run = mw_progress_new_relay (cancellable, shown);
  g_autoptr(MwScores) scores = NULL;
  g_autoptr(MwScores) expected = mw_scores_compute (network);

  mw_progress_push_thread_default (run);
  scores = _mw_scores_compute_cancellable (network, NULL, cancellable);
  mw_progress_pop_thread_default (run);
  assert_identical (scores, expected);
  g_assert_cmpfloat (mw_progress_get_fraction (shown), ==, 1);

  g_hash_table_add (ties, g_strdup (mw_network_get_tie (network, 3)->id));
  patch = mw_filter_patch_new (network, actors, ties);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MwNetwork) view = mw_filter_apply_network_cancellable (filter, copy, i ? patch : NULL, cancellable);
      g_autoptr(MwNetwork) expected_view = mw_filter_apply_network (filter, network);

      g_assert_true (mw_network_equal (view, expected_view, NULL));
    }

  mw_progress_set_fraction (shown, 0);
  g_cancellable_cancel (cancellable);
  g_assert_null (mw_filter_apply_network_cancellable (filter, copy, NULL, cancellable));
  g_assert_null (mw_filter_apply_network_cancellable (filter, copy, patch, cancellable));
  mw_progress_push_thread_default (run);
  g_assert_null (_mw_scores_compute_cancellable (network, NULL, cancellable));
  mw_progress_pop_thread_default (run);
  g_assert_cmpfloat (mw_progress_get_fraction (shown), ==, 0);
  g_assert_cmpfloat (mw_progress_get_fraction (run), >, 0);
}

/* The view built from a copy and a patch of what changed since is the
 * view built from the network, for every filter and kind of edit. */
static void
test_patched_view (void)
{
  g_autoptr(MwNetwork) network = build_network ();
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  g_autoptr(GHashTable) actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) ties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Changed changed = { actors, ties };

  g_signal_connect (network, "changed", G_CALLBACK (changed_cb), &changed);
  /* all but rename_and_batch: a patch cannot say what a batch changed */
  for (guint step = 0; step < 3 * (G_N_ELEMENTS (edits) - 1); step++)
    {
      g_autoptr(MwFilterPatch) patch = NULL;

      edits[step % (G_N_ELEMENTS (edits) - 1)] (network, step);
      patch = mw_filter_patch_new (network, actors, ties);
      for (guint which = 0; which < 3; which++)
        {
          g_autoptr(MwFilter) filter = which < 2 ? make_filter (which) : mw_filter_new ();
          g_autoptr(MwNetwork) want = mw_filter_apply_network (filter, network);
          g_autoptr(MwNetwork) got = mw_filter_apply_network_patched (filter, copy, patch);
          g_autofree char *difference = NULL;

          if (!mw_network_equal (got, want, &difference))
            g_error ("after step %u, filter %u: %s", step, which, difference);
        }
    }
  g_signal_handlers_disconnect_by_data (network, &changed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Every pass below on two threads, as at 100,000 actors. */
  _mw_scores_set_parallel_min_actors (0);
  g_test_add_func ("/scorer-copy/kept-copy-scores", test_kept_copy_scores);
  g_test_add_func ("/scorer-copy/copy-update", test_copy_update);
  g_test_add_func ("/scorer-copy/load-copy-scores", test_load_copy_scores);
  g_test_add_func ("/scorer-copy/stale-copy-ignored", test_stale_copy_ignored);
  g_test_add_func ("/scorer-copy/load-view-copy", test_load_view_copy);
  g_test_add_func ("/scorer-copy/parallel-pass", test_parallel_pass);
  g_test_add_func ("/scorer-copy/cached-pass", test_cached_pass);
  g_test_add_func ("/scorer-copy/patched-view", test_patched_view);
  g_test_add_data_func ("/scorer-copy/view-while-whole-runs/org", GUINT_TO_POINTER (0),
                        test_view_while_whole_runs);
  g_test_add_data_func ("/scorer-copy/view-while-whole-runs/isolates", GUINT_TO_POINTER (1),
                        test_view_while_whole_runs);
  g_test_add_func ("/scorer-copy/new-filter-while-view-runs", test_new_filter_while_view_runs);
  g_test_add_func ("/scorer-copy/cancelled-pass", test_cancelled_pass);
  return g_test_run ();
}
