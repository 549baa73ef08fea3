/* test-actor-measures.c: degrees per tie type, boundary spanning, the
 * betweenness sample and meshwork-cli table
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "mw-actor-measures.h"
#include "mw-format.h"
#include "mw-test-cli.h"

static MwActor *
add (MwNetwork  *network,
     const char *id,
     const char *org,
     const char *unit)
{
  MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

  mw_network_set_actor_org (network, actor, org);
  mw_network_set_actor_unit (network, actor, unit);
  return actor;
}

/* Ann manages Bob in Sales; Bob collaborates with Cy in R&D, and twice
 * with Di of another organisation; Di checks herself. */
static MwNetwork *
small_network (void)
{
  MwNetwork *network = mw_network_new ();
  MwActor *ann = add (network, "ann", "Acme", "Sales");
  MwActor *bob = add (network, "bob", "Acme", "Sales");
  MwActor *cy = add (network, "cy", "Acme", "R&D");
  MwActor *di = add (network, "di", "Partner", "");

  mw_network_add_tie (network, bob, ann, MW_TIE_REPORTS, 1, NULL);
  mw_network_add_tie (network, bob, cy, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (network, bob, di, MW_TIE_COLLABORATES, 1, NULL);
  mw_network_add_tie (network, di, bob, MW_TIE_INFLUENCES, 1, NULL);
  mw_network_add_tie (network, di, di, MW_TIE_CHECKS, 1, NULL);
  return network;
}

static void
test_degrees_and_spanning (void)
{
  g_autoptr(MwNetwork) network = small_network ();
  g_autoptr(MwActorMeasures) measures = mw_actor_measures_compute (network, 0);
  guint bob = mw_network_lookup_actor (network, "bob")->index;
  guint di = mw_network_lookup_actor (network, "di")->index;
  guint ann = mw_network_lookup_actor (network, "ann")->index;

  g_assert_cmpuint (mw_actor_measures_degree (measures, bob, MW_N_TIE_TYPES, TRUE), ==, 3);
  g_assert_cmpuint (mw_actor_measures_degree (measures, bob, MW_N_TIE_TYPES, FALSE), ==, 1);
  g_assert_cmpuint (mw_actor_measures_degree (measures, bob, MW_TIE_REPORTS, TRUE), ==, 1);
  g_assert_cmpuint (mw_actor_measures_degree (measures, bob, MW_TIE_COLLABORATES, TRUE), ==, 2);
  g_assert_cmpuint (mw_actor_measures_degree (measures, di, MW_TIE_CHECKS, TRUE), ==, 1);
  g_assert_cmpuint (mw_actor_measures_degree (measures, di, MW_TIE_CHECKS, FALSE), ==, 1);

  /* bob's ties to cy (another unit) and di (another organisation, twice) */
  g_assert_cmpuint (mw_actor_measures_boundary_spanning (measures, bob), ==, 3);
  g_assert_cmpuint (mw_actor_measures_boundary_spanning_org (measures, bob), ==, 2);
  g_assert_cmpuint (mw_actor_measures_boundary_spanning (measures, ann), ==, 0);
  /* a self tie spans nothing */
  g_assert_cmpuint (mw_actor_measures_boundary_spanning (measures, di), ==, 2);

  /* directed: only bob lies between others (di → bob → ann, di → bob → cy) */
  g_assert_cmpfloat_with_epsilon (mw_actor_measures_betweenness (measures, bob), 2.0 / 6, 1e-12);
  g_assert_cmpfloat (mw_actor_measures_betweenness (measures, ann), ==, 0);
  g_assert_false (mw_actor_measures_is_sampled (measures, NULL, NULL));
}

static void
test_isolate_constraint (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwActorMeasures) measures = NULL;

  mw_network_add_actor (network, "alone", "Alone", MW_ACTOR_PERSON, NULL);
  measures = mw_actor_measures_compute (network, 0);
  g_assert_true (isnan (mw_actor_measures_constraint (measures, 0)));
  g_assert_cmpfloat (mw_actor_measures_betweenness (measures, 0), ==, 0);
}

/* From a sample of sources the estimate keeps within its stated bound
 * (karate club: 34 actors, 12 sources). */
static void
test_sampled_betweenness (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "graphml", "networkx-karate.graphml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);
  g_autoptr(MwActorMeasures) exact = NULL;
  g_autoptr(MwActorMeasures) sampled = NULL;
  guint n_sources;
  double bound;

  g_assert_no_error (error);
  exact = mw_actor_measures_compute (network, G_MAXUINT);
  sampled = mw_actor_measures_compute (network, 12);
  g_assert_true (mw_actor_measures_is_sampled (sampled, &n_sources, &bound));
  g_assert_cmpuint (n_sources, ==, 12);
  g_assert_cmpfloat (bound, >, 0);
  for (guint v = 0; v < mw_network_get_n_actors (network); v++)
    g_assert_cmpfloat (fabs (mw_actor_measures_betweenness (sampled, v) -
                             mw_actor_measures_betweenness (exact, v)), <=, bound);
}

static void
assert_same_measures (MwActorMeasures *a,
                      MwActorMeasures *b,
                      guint            n)
{
  g_assert_cmpuint (mw_actor_measures_get_n (a), ==, n);
  g_assert_cmpuint (mw_actor_measures_get_n (b), ==, n);
  for (guint v = 0; v < n; v++)
    {
      double ca = mw_actor_measures_constraint (a, v), cb = mw_actor_measures_constraint (b, v);

      for (guint t = 0; t <= MW_N_TIE_TYPES; t++)
        for (guint out = 0; out < 2; out++)
          g_assert_cmpuint (mw_actor_measures_degree (a, v, t, out), ==, mw_actor_measures_degree (b, v, t, out));
      g_assert_cmpfloat (mw_actor_measures_betweenness (a, v), ==, mw_actor_measures_betweenness (b, v));
      g_assert_true ((isnan (ca) && isnan (cb)) || ca == cb);
      g_assert_cmpuint (mw_actor_measures_boundary_spanning (a, v), ==, mw_actor_measures_boundary_spanning (b, v));
      g_assert_cmpuint (mw_actor_measures_boundary_spanning_org (a, v), ==,
                        mw_actor_measures_boundary_spanning_org (b, v));
    }
}

/* The app computes the measures from a compact input taken on its thread:
 * the same numbers as from the network itself, sampled or exact, even
 * when the network changes after the input was taken. */
static void
test_input (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "graphml", "networkx-karate.graphml", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);
  g_autoptr(MwNetwork) small = small_network ();
  g_autoptr(MwActorMeasuresInput) input = NULL;
  g_autoptr(MwActorMeasuresInput) small_input = mw_actor_measures_input_new (small);
  g_autoptr(MwActorMeasures) direct = NULL;
  g_autoptr(MwActorMeasures) from_input = NULL;
  g_autoptr(MwActorMeasures) sampled = NULL;
  g_autoptr(MwActorMeasures) sampled_input = NULL;
  g_autoptr(MwActorMeasures) small_direct = mw_actor_measures_compute (small, 0);
  g_autoptr(MwActorMeasures) small_from_input = NULL;
  guint n;

  g_assert_no_error (error);
  n = mw_network_get_n_actors (network);
  input = mw_actor_measures_input_new (network);
  direct = mw_actor_measures_compute (network, 0);
  sampled = mw_actor_measures_compute (network, 12);
  mw_network_remove_actor (network, mw_network_get_actor (network, 0));

  from_input = mw_actor_measures_compute_input (input, 0);
  sampled_input = mw_actor_measures_compute_input (input, 12);
  assert_same_measures (direct, from_input, n);
  assert_same_measures (sampled, sampled_input, n);

  small_from_input = mw_actor_measures_compute_input (small_input, 0);
  assert_same_measures (small_direct, small_from_input, mw_network_get_n_actors (small));
}

/* The table as a user prints it: id first, then label, the file's own
 * attributes, stable measure names; CSV quoted; ties with their own. */
static void
test_cli_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "emon-flood.gv", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(MwTestRun) csv = { 0 };
  g_auto(MwTestRun) json = { 0 };
  g_auto(MwTestRun) ties = { 0 };
  g_auto(MwTestRun) bad = { 0 };
  g_auto(GStrv) lines = NULL;
  JsonObject *root, *row;

  mw_test_run_cli (&csv, "table", path, "--actors", "--csv", NULL);
  g_assert_cmpint (csv.status, ==, 0);
  lines = g_strsplit (csv.out, "\r\n", -1);
  g_assert_true (g_str_has_prefix (lines[0], "id,label,kind,org,unit,notes,purpose,initiative,"));
  g_assert_nonnull (strstr (lines[0], ",paid_staff,sector,sponsorship,degree_in,degree_out,"
                                      "degree_reports_in,degree_reports_out,"));
  g_assert_true (g_str_has_suffix (lines[0], ",betweenness,constraint,boundary_spanning,boundary_spanning_org"));
  g_assert_cmpuint (g_strv_length (lines), ==, 25 + 2);
  g_assert_true (g_str_has_prefix (lines[1], "sheriff,County Sheriff,person,"));

  mw_test_run_cli (&json, "table", "--actors", "--json", path, NULL);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (root, "betweenness"), "exact"));
  row = json_array_get_object_element (json_object_get_array_member (root, "rows"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "id"), ==, "sheriff");
  g_assert_cmpstr (json_object_get_string_member (row, "paid_staff"), ==, "46");
  g_assert_cmpint (json_object_get_int_member (row, "degree_influences_out") +
                   json_object_get_int_member (row, "degree_influences_in"), >, 0);

  mw_test_run_cli (&ties, "table", "--ties", path, NULL);
  g_assert_true (g_str_has_prefix (ties.out, "id\tfrom\tto\ttype\tweight\tinteraction\n"));

  mw_test_run_cli (&bad, "table", path, NULL);
  g_assert_cmpint (bad.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/actor-measures/degrees-and-spanning", test_degrees_and_spanning);
  g_test_add_func ("/actor-measures/isolate", test_isolate_constraint);
  g_test_add_func ("/actor-measures/sampled-betweenness", test_sampled_betweenness);
  g_test_add_func ("/actor-measures/cli-table", test_cli_table);
  g_test_add_func ("/actor-measures/input", test_input);

  return g_test_run ();
}
