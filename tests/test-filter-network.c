/* test-filter-network.c: the filtered view as a network of its own, and its scores
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "mw-filter.h"
#include "mw-format.h"
#include "mw-neighbours.h"
#include "mw-scorer.h"
#include "mw-scores.h"

/* The filtered view as it was made before it was built from what is
 * kept alone: a whole copy, then the faded ties and actors removed. The
 * new way must give the same network and the same scores. */
static MwNetwork *
made_by_removal (const MwFilter *filter,
                 MwNetwork      *network)
{
  g_autoptr(MwItemSet) kept = mw_filter_apply (filter, network);
  MwNetwork *copy = mw_network_copy (network);

  for (guint i = mw_network_get_n_ties (copy); i-- > 0;)
    if (!mw_item_set_contains_tie (kept, mw_network_get_tie (network, i)))
      mw_network_remove_tie (copy, mw_network_get_tie (copy, i));
  for (guint i = mw_network_get_n_actors (copy); i-- > 0;)
    if (!mw_item_set_contains_actor (kept, mw_network_get_actor (network, i)))
      mw_network_remove_actor (copy, mw_network_get_actor (copy, i));
  return copy;
}

static void
assert_same_scores (MwScores *got,
                    MwScores *want)
{
  g_assert_nonnull (got);
  g_assert_nonnull (want);
  g_assert_cmpfloat_with_epsilon (mw_scores_get_index (got), mw_scores_get_index (want), 1e-9);
  g_assert_cmpuint (mw_scores_get_n_measurable (got), ==, mw_scores_get_n_measurable (want));
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_assert_cmpint (mw_scores_is_measurable (got, e), ==, mw_scores_is_measurable (want, e));
      g_assert_cmpfloat_with_epsilon (mw_scores_get_score (got, e), mw_scores_get_score (want, e), 1e-9);
    }
  g_assert_cmpfloat_with_epsilon (mw_scores_get_measures (got)->density, mw_scores_get_measures (want)->density,
                                  1e-12);
}

/* The filtered view of @network is the one made by removal, and scores alike. */
static void
assert_as_before (const MwFilter *filter,
                  MwNetwork      *network)
{
  g_autoptr(MwNetwork) built = mw_filter_apply_network (filter, network);
  g_autoptr(MwNetwork) removed = made_by_removal (filter, network);
  g_autoptr(MwScores) got = mw_scores_compute (built);
  g_autoptr(MwScores) want = mw_scores_compute (removed);
  g_autofree char *difference = NULL;

  if (!mw_network_equal (built, removed, &difference))
    g_error ("the filtered view differs from the one made by removal: %s", difference);
  g_assert_cmpuint (mw_network_get_n_actors (built), ==, mw_network_get_n_actors (removed));
  g_assert_cmpuint (mw_network_get_n_ties (built), ==, mw_network_get_n_ties (removed));
  assert_same_scores (got, want);
}

/* Four organisations of three units, every tie type and kind, with names,
 * notes, positions, flags, the file's own attributes and weights. */
static MwNetwork *
generate (guint n,
          guint m)
{
  static const char * const sectors[] = { "public", "private", "nonprofit" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);
  MwNetwork *network = mw_network_new ();

  mw_network_set_attr (network, "label", "Generated");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *label = g_strdup_printf ("Actor %u", i);
      g_autofree char *org = g_strdup_printf ("Org %u", i % 4);
      g_autofree char *unit = g_strdup_printf ("Unit %u", i % 12);
      MwActor *actor = mw_network_add_actor (network, id, i % 5 == 0 ? NULL : label, i % MW_N_ACTOR_KINDS, NULL);

      if (i % 7 != 0)
        mw_network_set_actor_org (network, actor, org);
      if (i % 3 != 0)
        mw_network_set_actor_unit (network, actor, unit);
      if (i % 11 == 0)
        mw_network_set_actor_notes (network, actor, "met at the nonprofit fair");
      if (i % 2 == 0)
        mw_network_set_actor_position (network, actor, i * 3.0, i * 2.0);
      mw_network_set_actor_purpose (network, actor, i % 13 == 0);
      mw_network_set_actor_attr (network, actor, "sector", sectors[g_rand_int_range (rand, 0, 3)]);
    }
  for (guint i = 0; i < m; i++)
    {
      guint from = g_rand_int_range (rand, 0, n);
      guint to = (from + 1 + g_rand_int_range (rand, 0, n - 1)) % n;
      MwTie *tie = mw_network_add_tie (network, mw_network_get_actor (network, from), mw_network_get_actor (network, to),
                                       g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1 + i % 3, NULL);

      if (i % 9 == 0)
        mw_network_set_tie_attr (network, tie, "since", "2024");
    }
  return network;
}

/* Every kind of filter, alone and together. */
static GPtrArray *
every_filter (void)
{
  GPtrArray *filters = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_filter_free);
  MwFilter *filter;

  for (guint type = 0; type < MW_N_TIE_TYPES; type++)
    {
      filter = mw_filter_new ();
      filter->tie_types = 1u << type;
      g_ptr_array_add (filters, filter);
      filter = mw_filter_new ();
      filter->tie_types = MW_TIE_TYPES_ALL & ~(1u << type);
      filter->fade_isolates = TRUE;
      g_ptr_array_add (filters, filter);
    }
  filter = mw_filter_new ();
  filter->fade_isolates = TRUE;
  g_ptr_array_add (filters, filter);
  filter = mw_filter_new ();
  filter->org = g_strdup ("Org 2");
  g_ptr_array_add (filters, filter);
  filter = mw_filter_new ();
  filter->unit = g_strdup ("Unit 5");
  g_ptr_array_add (filters, filter);
  filter = mw_filter_new ();
  filter->value = g_strdup (" Nonprofit ");
  g_ptr_array_add (filters, filter);
  filter = mw_filter_new ();
  filter->value = g_strdup ("actor 1");   /* by name */
  g_ptr_array_add (filters, filter);
  filter = mw_filter_new ();
  filter->org = g_strdup ("Org 1");
  filter->value = g_strdup ("public");
  filter->tie_types = (1u << MW_TIE_COLLABORATES) | (1u << MW_TIE_REPORTS);
  filter->fade_isolates = TRUE;
  g_ptr_array_add (filters, filter);
  filter = mw_filter_new ();
  filter->org = g_strdup ("No such organisation");
  g_ptr_array_add (filters, filter);
  return filters;
}

/* Built from what is kept alone, the view is the one made by removal,
 * for every kind of filter. */
static void
test_as_before (void)
{
  g_autoptr(MwNetwork) network = generate (300, 1200);
  g_autoptr(GPtrArray) filters = every_filter ();

  for (guint i = 0; i < filters->len; i++)
    assert_as_before (g_ptr_array_index (filters, i), network);
}

/* The same after edits of every kind: they reorder the network's actors
 * and ties, and move actors into and out of the view. */
static void
test_as_before_after_edits (void)
{
  g_autoptr(MwNetwork) network = generate (300, 1200);
  g_autoptr(GPtrArray) filters = every_filter ();

  for (guint round = 0; round < 4; round++)
    {
      MwActor *a, *b;

      mw_network_remove_actor (network, mw_network_get_actor (network, round * 5));
      mw_network_remove_tie (network, mw_network_get_tie (network, round * 17));
      a = mw_network_get_actor (network, (round * 37 + 2) % mw_network_get_n_actors (network));
      b = mw_network_get_actor (network, (round * 53 + 1) % mw_network_get_n_actors (network));
      mw_network_set_actor_org (network, a, "Org 2");
      mw_network_set_actor_unit (network, b, "Unit 5");
      mw_network_set_actor_label (network, b, "Actor 1 again");
      mw_network_set_actor_attr (network, a, "sector", "nonprofit");
      mw_network_add_tie (network, a, b, round % MW_N_TIE_TYPES, 2, NULL);
      mw_network_set_tie_type (network, mw_network_get_tie (network, round * 3), MW_TIE_CHECKS);
      for (guint i = 0; i < filters->len; i++)
        assert_as_before (g_ptr_array_index (filters, i), network);
    }
}

/* Two organisations with units, every tie type, one isolate. */
static const char *whole =
  "digraph relief {\n"
  "  label=\"Flood relief\";\n"
  "  ana [label=\"Ana\", mw_org=\"Red Cross\", mw_unit=Logistics, mw_purpose=true];\n"
  "  ben [label=\"Ben\", mw_org=\"Red Cross\", mw_unit=Logistics];\n"
  "  cleo [label=\"Cleo\", mw_org=\"Red Cross\", mw_unit=Shelter, sponsorship=Public];\n"
  "  dan [label=\"Dan\", mw_org=\"Fire Brigade\", mw_unit=Rescue];\n"
  "  eve [label=\"Eve\", mw_org=\"Fire Brigade\", mw_unit=Rescue, sponsorship=Public];\n"
  "  fay [label=\"Fay\", mw_org=\"Fire Brigade\"];\n"
  "  ben -> ana [key=ba, mw_tie=reports];\n"
  "  cleo -> ana [key=ca, mw_tie=reports];\n"
  "  eve -> dan [key=ed, mw_tie=reports];\n"
  "  ben -> cleo [key=bc, mw_tie=collaborates, weight=2];\n"
  "  cleo -> eve [key=ce, mw_tie=collaborates];\n"
  "  ana -> dan [key=ad, mw_tie=influences];\n"
  "  dan -> ana [key=da, mw_tie=checks];\n"
  "}\n";

static MwNetwork *
load (const char *text)
{
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_format_load_data (MW_FORMAT_DOT, text, strlen (text), "test.gv", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (network);
  return network;
}

/* The filtered copy is the network a file holding just what is shown
 * holds, and scores as it does. */
static void
assert_as_file (MwNetwork  *copy,
                const char *file)
{
  g_autoptr(MwNetwork) expected = load (file);
  g_autoptr(MwScores) got = mw_scores_compute (copy);
  g_autoptr(MwScores) want = mw_scores_compute (expected);
  g_autofree char *difference = NULL;

  if (!mw_network_equal (copy, expected, &difference))
    g_error ("the filtered view differs from the file: %s", difference);
  g_assert_cmpfloat_with_epsilon (mw_scores_get_index (got), mw_scores_get_index (want), 1e-9);
  g_assert_cmpuint (mw_scores_get_n_measurable (got), ==, mw_scores_get_n_measurable (want));
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_assert_cmpint (mw_scores_is_measurable (got, e), ==, mw_scores_is_measurable (want, e));
      g_assert_cmpfloat_with_epsilon (mw_scores_get_score (got, e), mw_scores_get_score (want, e), 1e-9);
    }
  g_assert_cmpfloat_with_epsilon (mw_scores_get_measures (got)->density, mw_scores_get_measures (want)->density, 1e-12);
  g_assert_cmpfloat_with_epsilon (mw_scores_get_measures (got)->org_boundary_spanning,
                                  mw_scores_get_measures (want)->org_boundary_spanning, 1e-12);
}

static void
test_default_keeps_everything (void)
{
  g_autoptr(MwNetwork) network = load (whole);
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) copy = mw_filter_apply_network (filter, network);

  g_assert_true (copy != network);
  g_assert_true (mw_network_equal (copy, network, NULL));
  g_assert_cmpstr (g_hash_table_lookup (mw_network_get_attrs (copy), "label"), ==, "Flood relief");
}

/* Faded ties are left out; the actors stay while isolates are not faded. */
static void
test_tie_types (void)
{
  g_autoptr(MwNetwork) network = load (whole);
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) copy = NULL;

  filter->tie_types = (1u << MW_TIE_REPORTS) | (1u << MW_TIE_COLLABORATES);
  copy = mw_filter_apply_network (filter, network);
  assert_as_file (copy,
    "digraph relief {\n"
    "  label=\"Flood relief\";\n"
    "  ana [label=\"Ana\", mw_org=\"Red Cross\", mw_unit=Logistics, mw_purpose=true];\n"
    "  ben [label=\"Ben\", mw_org=\"Red Cross\", mw_unit=Logistics];\n"
    "  cleo [label=\"Cleo\", mw_org=\"Red Cross\", mw_unit=Shelter, sponsorship=Public];\n"
    "  dan [label=\"Dan\", mw_org=\"Fire Brigade\", mw_unit=Rescue];\n"
    "  eve [label=\"Eve\", mw_org=\"Fire Brigade\", mw_unit=Rescue, sponsorship=Public];\n"
    "  fay [label=\"Fay\", mw_org=\"Fire Brigade\"];\n"
    "  ben -> ana [key=ba, mw_tie=reports];\n"
    "  cleo -> ana [key=ca, mw_tie=reports];\n"
    "  eve -> dan [key=ed, mw_tie=reports];\n"
    "  ben -> cleo [key=bc, mw_tie=collaborates, weight=2];\n"
    "  cleo -> eve [key=ce, mw_tie=collaborates];\n"
    "}\n");
  /* The original is untouched. */
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 7);
}

/* Only collaboration shown and isolates faded: who has no collaborator goes. */
static void
test_isolates (void)
{
  g_autoptr(MwNetwork) network = load (whole);
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) copy = NULL;

  filter->tie_types = 1u << MW_TIE_COLLABORATES;
  filter->fade_isolates = TRUE;
  copy = mw_filter_apply_network (filter, network);
  assert_as_file (copy,
    "digraph relief {\n"
    "  label=\"Flood relief\";\n"
    "  ben [label=\"Ben\", mw_org=\"Red Cross\", mw_unit=Logistics];\n"
    "  cleo [label=\"Cleo\", mw_org=\"Red Cross\", mw_unit=Shelter, sponsorship=Public];\n"
    "  eve [label=\"Eve\", mw_org=\"Fire Brigade\", mw_unit=Rescue, sponsorship=Public];\n"
    "  ben -> cleo [key=bc, mw_tie=collaborates, weight=2];\n"
    "  cleo -> eve [key=ce, mw_tie=collaborates];\n"
    "}\n");
}

/* One organisation: the ties across its boundary go with the others' actors. */
static void
test_org (void)
{
  g_autoptr(MwNetwork) network = load (whole);
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) copy = NULL;

  filter->org = g_strdup ("Red Cross");
  copy = mw_filter_apply_network (filter, network);
  assert_as_file (copy,
    "digraph relief {\n"
    "  label=\"Flood relief\";\n"
    "  ana [label=\"Ana\", mw_org=\"Red Cross\", mw_unit=Logistics, mw_purpose=true];\n"
    "  ben [label=\"Ben\", mw_org=\"Red Cross\", mw_unit=Logistics];\n"
    "  cleo [label=\"Cleo\", mw_org=\"Red Cross\", mw_unit=Shelter, sponsorship=Public];\n"
    "  ben -> ana [key=ba, mw_tie=reports];\n"
    "  cleo -> ana [key=ca, mw_tie=reports];\n"
    "  ben -> cleo [key=bc, mw_tie=collaborates, weight=2];\n"
    "}\n");
}

static void
test_unit (void)
{
  g_autoptr(MwNetwork) network = load (whole);
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) copy = NULL;

  filter->unit = g_strdup ("Rescue");
  copy = mw_filter_apply_network (filter, network);
  assert_as_file (copy,
    "digraph relief {\n"
    "  label=\"Flood relief\";\n"
    "  dan [label=\"Dan\", mw_org=\"Fire Brigade\", mw_unit=Rescue];\n"
    "  eve [label=\"Eve\", mw_org=\"Fire Brigade\", mw_unit=Rescue, sponsorship=Public];\n"
    "  eve -> dan [key=ed, mw_tie=reports];\n"
    "}\n");
}

/* An attribute value, by Find's rule (no case). */
static void
test_value (void)
{
  g_autoptr(MwNetwork) network = load (whole);
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) copy = NULL;

  filter->value = g_strdup ("public");
  copy = mw_filter_apply_network (filter, network);
  assert_as_file (copy,
    "digraph relief {\n"
    "  label=\"Flood relief\";\n"
    "  cleo [label=\"Cleo\", mw_org=\"Red Cross\", mw_unit=Shelter, sponsorship=Public];\n"
    "  eve [label=\"Eve\", mw_org=\"Fire Brigade\", mw_unit=Rescue, sponsorship=Public];\n"
    "  cleo -> eve [key=ce, mw_tie=collaborates];\n"
    "}\n");
}

/* Nothing shown: an empty network, which still scores. */
static void
test_empty (void)
{
  g_autoptr(MwNetwork) network = load (whole);
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) copy = NULL;
  g_autoptr(MwScores) scores = NULL;

  filter->org = g_strdup ("Coast Guard");
  copy = mw_filter_apply_network (filter, network);
  g_assert_cmpuint (mw_network_get_n_actors (copy), ==, 0);
  g_assert_cmpuint (mw_network_get_n_ties (copy), ==, 0);
  scores = mw_scores_compute (copy);
  g_assert_nonnull (scores);
  assert_as_file (copy, "digraph relief {\n  label=\"Flood relief\";\n}\n");
}

/* The filtered copy is a network of its own: its ids find its actors and
 * an edit of the original does not reach it. */
static void
test_independent (void)
{
  g_autoptr(MwNetwork) network = load (whole);
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(MwNetwork) copy = NULL;
  MwActor *cleo;

  filter->org = g_strdup ("Red Cross");
  copy = mw_filter_apply_network (filter, network);
  cleo = mw_network_lookup_actor (copy, "cleo");
  g_assert_nonnull (cleo);
  g_assert_cmpuint (cleo->index, <, mw_network_get_n_actors (copy));
  g_assert_cmpstr (g_hash_table_lookup (cleo->attrs, "sponsorship"), ==, "Public");
  g_assert_nonnull (mw_network_lookup_tie (copy, "bc"));
  g_assert_null (mw_network_lookup_tie (copy, "ce"));
  mw_network_set_actor_org (network, mw_network_lookup_actor (network, "cleo"), "Fire Brigade");
  g_assert_cmpstr (cleo->org, ==, "Red Cross");
}

static void
test_copy_and_equal (void)
{
  g_autoptr(MwFilter) a = mw_filter_new ();
  g_autoptr(MwFilter) b = NULL;

  a->fade_isolates = TRUE;
  a->org = g_strdup ("Red Cross");
  a->unit = g_strdup ("");
  b = mw_filter_copy (a);
  g_assert_true (mw_filter_equal (a, b));
  g_assert_cmpstr (b->org, ==, "Red Cross");
  /* An empty text is no text. */
  g_clear_pointer (&b->unit, g_free);
  g_assert_true (mw_filter_equal (a, b));
  b->tie_types &= ~(1u << MW_TIE_CHECKS);
  g_assert_false (mw_filter_equal (a, b));
}

static gboolean
scorers_busy (MwScorer *a,
              MwScorer *b)
{
  return mw_scorer_get_busy (a) || mw_scorer_get_busy (b);
}

static void
wait_until_idle (MwScorer *whole,
                 MwScorer *filtered)
{
  gint64 deadline = g_get_monotonic_time () + 15 * G_USEC_PER_SEC;

  while (g_main_context_iteration (NULL, FALSE) || scorers_busy (whole, filtered))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (scorers_busy (whole, filtered))
        g_usleep (1000);
    }
}

/* The filtered scorer's scores are those of the view as the network is now. */
static void
assert_scores_of_view (MwScorer       *filtered,
                       const MwFilter *filter,
                       MwNetwork      *network)
{
  g_autoptr(MwNetwork) view = mw_filter_apply_network (filter, network);
  g_autoptr(MwScores) want = mw_scores_compute (view);
  g_autofree char *difference = NULL;

  assert_same_scores (mw_scorer_get_scores (filtered), want);
  if (!mw_network_equal (mw_scorer_get_scored_network (filtered), view, &difference))
    g_error ("the scored view differs: %s", difference);
}

/* A filtered view's scorer follows edits and new filters, built and
 * scored in a worker (threshold 0) from the whole scorer's copy, or right
 * there (a threshold above the network). */
static void
test_scorer (gconstpointer data)
{
  guint threshold = GPOINTER_TO_UINT (data);
  g_autoptr(MwNetwork) network = generate (300, 1200);
  g_autoptr(MwScorer) whole = mw_scorer_new (network);
  g_autoptr(MwScorer) filtered = NULL;
  g_autoptr(MwFilter) filter = mw_filter_new ();
  g_autoptr(GPtrArray) filters = every_filter ();

  mw_scorer_set_thread_threshold (whole, threshold);
  mw_scorer_rescore (whole);
  filter->org = g_strdup ("Org 2");
  filtered = mw_scorer_new_filtered (whole, filter);
  g_assert_cmpuint (mw_scorer_get_thread_threshold (filtered), ==, threshold);
  g_assert_true (mw_scorer_get_network (filtered) == network);
  g_assert_true (mw_filter_equal (mw_scorer_get_filter (filtered), filter));
  g_assert_null (mw_scorer_get_filter (whole));
  wait_until_idle (whole, filtered);
  assert_scores_of_view (filtered, filter, network);

  /* Edits: one at a time, then a burst while the workers run. */
  mw_network_set_actor_org (network, mw_network_get_actor (network, 1), "Org 2");
  g_assert_true (mw_scorer_get_busy (filtered));
  wait_until_idle (whole, filtered);
  assert_scores_of_view (filtered, filter, network);
  for (guint i = 0; i < 5; i++)
    {
      mw_network_remove_tie (network, mw_network_get_tie (network, i * 7));
      mw_scorer_rescore (whole);
      mw_network_set_actor_org (network, mw_network_get_actor (network, 10 + i), "Org 2");
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  wait_until_idle (whole, filtered);
  assert_scores_of_view (filtered, filter, network);

  /* Moving an actor scores nothing again. */
  mw_network_set_actor_position (network, mw_network_get_actor (network, 2), 1, 2);
  g_assert_false (mw_scorer_get_busy (filtered));

  /* Every other filter; an edit between two. */
  for (guint i = 0; i < filters->len; i++)
    {
      mw_scorer_set_filter (filtered, g_ptr_array_index (filters, i));
      if (i % 2 == 1)
        mw_network_remove_actor (network, mw_network_get_actor (network, i));
      wait_until_idle (whole, filtered);
      assert_scores_of_view (filtered, g_ptr_array_index (filters, i), network);
    }

  /* A filter by value finds names: renaming moves an actor into view. */
  g_clear_pointer (&filter, mw_filter_free);
  filter = mw_filter_new ();
  filter->value = g_strdup ("renamed");
  mw_scorer_set_filter (filtered, filter);
  wait_until_idle (whole, filtered);
  g_assert_cmpuint (mw_network_get_n_actors (mw_scorer_get_scored_network (filtered)), ==, 0);
  mw_network_set_actor_label (network, mw_network_get_actor (network, 3), "Renamed");
  wait_until_idle (whole, filtered);
  g_assert_cmpuint (mw_network_get_n_actors (mw_scorer_get_scored_network (filtered)), ==, 1);
  assert_scores_of_view (filtered, filter, network);
}

/* Edits while the whole network's worker is slow: the filtered view waits
 * for its copy to be current and then shows the network as it is. */
static void
test_scorer_slow_whole (void)
{
  g_autoptr(MwNetwork) network = generate (300, 1200);
  g_autoptr(MwScorer) whole = mw_scorer_new (network);
  g_autoptr(MwScorer) filtered = NULL;
  g_autoptr(MwFilter) filter = mw_filter_new ();

  mw_scorer_set_thread_threshold (whole, 0);
  mw_scorer_rescore (whole);
  filter->tie_types = 1u << MW_TIE_COLLABORATES;
  filter->fade_isolates = TRUE;
  filtered = mw_scorer_new_filtered (whole, filter);
  wait_until_idle (whole, filtered);

  _mw_scorer_set_test_delay (150);
  mw_network_add_tie (network, mw_network_get_actor (network, 0), mw_network_get_actor (network, 1),
                      MW_TIE_COLLABORATES, 1, NULL);
  g_usleep (20000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  mw_network_add_tie (network, mw_network_get_actor (network, 2), mw_network_get_actor (network, 3),
                      MW_TIE_COLLABORATES, 1, NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_true (mw_scorer_get_busy (filtered));
  wait_until_idle (whole, filtered);
  _mw_scorer_set_test_delay (0);
  assert_scores_of_view (filtered, filter, network);

  /* Dropped while it runs: nothing is lost, nothing crashes. */
  mw_network_remove_actor (network, mw_network_get_actor (network, 0));
  g_object_run_dispose (G_OBJECT (filtered));
  g_clear_object (&filtered);
  wait_until_idle (whole, whole);
  g_usleep (50000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filter-network/default", test_default_keeps_everything);
  g_test_add_func ("/filter-network/tie-types", test_tie_types);
  g_test_add_func ("/filter-network/isolates", test_isolates);
  g_test_add_func ("/filter-network/org", test_org);
  g_test_add_func ("/filter-network/unit", test_unit);
  g_test_add_func ("/filter-network/value", test_value);
  g_test_add_func ("/filter-network/empty", test_empty);
  g_test_add_func ("/filter-network/independent", test_independent);
  g_test_add_func ("/filter-network/copy-and-equal", test_copy_and_equal);
  g_test_add_func ("/filter-network/as-before", test_as_before);
  g_test_add_func ("/filter-network/as-before-after-edits", test_as_before_after_edits);
  g_test_add_data_func ("/filter-network/scorer/worker", GUINT_TO_POINTER (0), test_scorer);
  g_test_add_data_func ("/filter-network/scorer/small", GUINT_TO_POINTER (100000), test_scorer);
  g_test_add_func ("/filter-network/scorer/slow-whole", test_scorer_slow_whole);
  return g_test_run ();
}
