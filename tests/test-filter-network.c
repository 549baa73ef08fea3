/* test-filter-network.c: the filtered view as a network of its own, and its scores
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "mw-filter.h"
#include "mw-format.h"
#include "mw-scores.h"

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
  return g_test_run ();
}
