/* test-interpret.c: foreign networks interpreted, in core and meshwork-cli
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "mw-format.h"
#include "mw-interpret.h"
#include "mw-test-cli.h"
#include "mw-test-core.h"

static char *
data_path (const char *name)
{
  if (g_str_has_suffix (name, ".graphml"))
    return g_test_build_filename (G_TEST_DIST, "data", "graphml", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static MwNetwork *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

static guint
count_ties (MwNetwork *network,
            MwTieType  type)
{
  guint n = 0;

  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    n += mw_network_get_tie (network, i)->type == type;
  return n;
}

static guint
count_kind (MwNetwork   *network,
            MwActorKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    n += mw_network_get_actor (network, i)->kind == kind;
  return n;
}

/* The EMON-style network as organisations that collaborate: one undo step,
 * kept through a save in either format, no longer guessed. */
static void
check_emon_interpreted (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr(MwNetwork) network = load (path);
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(MwInterpretPlan) plan = mw_interpret_plan_new ();
  g_autoptr(MwInterpretPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = mw_test_make_dir ("interpret");
  g_autoptr(GPtrArray) problems = NULL;
  const char *formats[] = { "saved.gv", "saved.graphml" };
  MwActor *sheriff;

  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 25);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 186);
  g_assert_true (mw_interpret_is_guessed (network));
  g_assert_cmpuint (count_ties (network, MW_TIE_INFLUENCES), ==, 186);

  plan->ties = MW_INTERPRET_ALL;
  plan->tie_type = MW_TIE_COLLABORATES;
  plan->kinds = MW_INTERPRET_ALL;
  plan->kind = MW_ACTOR_ORGANISATION;
  plan->org = MW_INTERPRET_ATTRIBUTE;
  plan->org_attr = g_strdup ("label");

  preview = mw_interpret_preview (network, plan);
  /* 28 pairs reported their interaction both ways: one collaboration each */
  g_assert_cmpuint (preview->n_ties[MW_TIE_COLLABORATES], ==, 186 - 28);
  g_assert_cmpuint (preview->n_merged, ==, 28);
  g_assert_cmpuint (preview->n_kinds[MW_ACTOR_ORGANISATION], ==, 25);
  g_assert_cmpuint (preview->n_orgs, ==, 25);
  /* a preview changes nothing */
  g_assert_cmpuint (count_ties (network, MW_TIE_INFLUENCES), ==, 186);

  g_assert_true (mw_interpret_apply (history, plan, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 1);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 186 - 28);
  g_assert_cmpuint (count_ties (network, MW_TIE_COLLABORATES), ==, 186 - 28);
  g_assert_cmpuint (count_kind (network, MW_ACTOR_ORGANISATION), ==, 25);
  sheriff = mw_network_lookup_actor (network, "sheriff");
  g_assert_cmpstr (sheriff->org, ==, "County Sheriff");
  g_assert_cmpstr (g_hash_table_lookup (sheriff->attrs, "sponsorship"), ==, "County");
  g_assert_false (mw_interpret_is_guessed (network));

  /* one undo puts back every tie and actor; redo applies it again */
  g_assert_true (mw_history_undo (history));
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 186);
  g_assert_cmpuint (count_ties (network, MW_TIE_INFLUENCES), ==, 186);
  g_assert_cmpuint (count_kind (network, MW_ACTOR_PERSON), ==, 25);
  g_assert_cmpstr (mw_network_lookup_actor (network, "sheriff")->org, ==, "");
  g_assert_true (mw_history_redo (history));
  g_assert_cmpuint (count_ties (network, MW_TIE_COLLABORATES), ==, 186 - 28);
  problems = mw_network_check (network);
  g_assert_cmpuint (problems->len, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *saved = g_build_filename (dir, formats[i], NULL);
      g_autoptr(MwNetwork) again = NULL;

      g_assert_true (mw_format_save_file (MW_FORMAT_UNKNOWN, network, saved, &error));
      g_assert_no_error (error);
      again = load (saved);
      g_assert_false (mw_interpret_is_guessed (again));
      g_assert_cmpuint (count_ties (again, MW_TIE_COLLABORATES), ==, 186 - 28);
      g_assert_cmpuint (count_kind (again, MW_ACTOR_ORGANISATION), ==, 25);
      g_assert_cmpstr (mw_network_lookup_actor (again, "police")->org, ==, "City Police Department");
      g_assert_cmpstr (g_hash_table_lookup (mw_network_lookup_actor (again, "police")->attrs, "paid_staff"),
                       ==, "112");
    }

  mw_test_remove_tree (dir);
}

static void
test_emon_dot (void)
{
  check_emon_interpreted ("emon-flood.gv");
}

static void
test_emon_graphml (void)
{
  check_emon_interpreted ("emon-flood.graphml");
}

/* A mapping to an unknown type lists every value it could not map, and
 * nothing changes: no step, no tie, no mark. */
static void
test_unmapped_values (void)
{
  g_autofree char *path = data_path ("emon-flood.gv");
  g_autoptr(MwNetwork) network = load (path);
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(MwInterpretPlan) plan = mw_interpret_plan_new ();
  g_autoptr(MwInterpretPreview) preview = NULL;
  g_autoptr(MwInterpretPreview) preview2 = NULL;
  g_autoptr(GError) error = NULL;
  guint64 generation = mw_network_get_generation (network);

  g_assert_true (mw_interpret_plan_set_ties_from (plan, "interaction:frequent=friends,rare=checks", &error));
  g_assert_true (mw_interpret_plan_set_kinds_from (plan, "sector:public=organisation", &error));
  g_assert_no_error (error);

  preview = mw_interpret_preview (network, plan);
  g_assert_cmpstrv (preview->unmapped_ties, ((const char * const[]) { "frequent", "occasional", NULL }));
  g_assert_cmpstrv (preview->unmapped_kinds, ((const char * const[]) { "nonprofit", "private", NULL }));
  g_assert_cmpuint (preview->n_ties[MW_TIE_CHECKS], >, 0);

  g_assert_false (mw_interpret_apply (history, plan, &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“frequent”, “occasional”"));
  g_assert_nonnull (strstr (error->message, "“nonprofit”, “private”"));
  g_assert_cmpuint (mw_history_get_n_steps (history), ==, 0);
  g_assert_cmpuint (mw_network_get_generation (network), ==, generation);
  g_assert_true (mw_interpret_is_guessed (network));

  /* corrected with "*", it maps every value (synonyms first: rare → checks) */
  g_clear_error (&error);
  g_assert_true (mw_interpret_plan_set_ties_from (plan, "interaction:frequent=collaborates,*=influences", &error));
  g_assert_true (mw_interpret_plan_set_kinds_from (plan, "sector:public=organisation,*=team", &error));
  preview2 = mw_interpret_preview (network, plan);
  g_assert_cmpuint (preview2->n_merged, >, 0);
  g_clear_pointer (&preview, mw_interpret_preview_free);
  g_assert_true (mw_interpret_apply (history, plan, &error));
  g_assert_no_error (error);
  preview = mw_interpret_preview (network, plan);
  /* once merged, nothing is left to merge */
  g_assert_cmpuint (preview->n_merged, ==, 0);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 186 - preview2->n_merged);
  g_assert_cmpuint (count_kind (network, MW_ACTOR_TEAM), ==, 8);
}

static void
test_bad_specs (void)
{
  g_autoptr(MwInterpretPlan) plan = mw_interpret_plan_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mw_interpret_plan_set_ties_from (plan, ":a=b", &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mw_interpret_plan_set_kinds_from (plan, "sector:public", &error));
  g_assert_error (error, MW_ERROR, MW_ERROR_INVALID);
}

/* --keep-reciprocal: both directions stay collaborations. */
static void
test_keep_reciprocal (void)
{
  g_autofree char *path = data_path ("emon-flood.gv");
  g_autoptr(MwNetwork) network = load (path);
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(MwInterpretPlan) plan = mw_interpret_plan_new ();
  g_autoptr(GError) error = NULL;

  plan->ties = MW_INTERPRET_ALL;
  plan->tie_type = MW_TIE_COLLABORATES;
  plan->keep_reciprocal = TRUE;
  g_assert_true (mw_interpret_apply (history, plan, &error));
  g_assert_cmpuint (count_ties (network, MW_TIE_COLLABORATES), ==, 186);
}

/* Meshwork's own files and new networks are not guessed. */
static void
test_own_files_not_guessed (void)
{
  g_autofree char *path = data_path ("meshwork-basic.gv");
  g_autoptr(MwNetwork) network = load (path);
  g_autoptr(MwNetwork) empty = mw_network_new ();

  g_assert_false (mw_interpret_is_guessed (network));
  g_assert_false (mw_interpret_is_guessed (empty));
}

/* The unit from the DOT clusters (kept), or from an attribute. */
static void
test_units (void)
{
  g_autofree char *path = data_path ("emon-flood.graphml");
  g_autoptr(MwNetwork) network = load (path);
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(MwInterpretPlan) plan = mw_interpret_plan_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) attrs = mw_interpret_list_actor_attrs (network);

  g_assert_true (g_strv_contains ((const char * const *) attrs, "sponsorship"));
  plan->unit = MW_INTERPRET_ATTRIBUTE;
  plan->unit_attr = g_strdup ("sponsorship");
  g_assert_true (mw_interpret_apply (history, plan, &error));
  g_assert_cmpstr (mw_network_lookup_actor (network, "guard")->unit, ==, "State");
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The command, as a user runs it: a guessed score, a refused mapping that
 * writes nothing, then an interpretation the next score trusts. */
static void
test_cli (void)
{
  g_autofree char *path = data_path ("emon-flood.gv");
  g_autofree char *dir = mw_test_make_dir ("interpret-cli");
  g_autofree char *out = g_build_filename (dir, "flood.graphml", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(MwTestRun) guessed = { 0 };
  g_auto(MwTestRun) bad = { 0 };
  g_auto(MwTestRun) run = { 0 };
  g_auto(MwTestRun) score = { 0 };
  g_auto(MwTestRun) text = { 0 };

  mw_test_run_cli (&guessed, "score", "--json", path, NULL);
  g_assert_false (json_object_get_boolean_member (parse_object (parser, guessed.out), "interpreted"));
  mw_test_run_cli (&text, "score", path, NULL);
  g_assert_nonnull (strstr (text.out, "rest on guesses"));

  mw_test_run_cli (&bad, "interpret", path, out, "--ties-from", "interaction:frequent=friends", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "“frequent”, “occasional”, “rare”"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  mw_test_run_cli (&run, "interpret", path, out, "--ties", "collaborates", "--kind", "organisation",
                   "--org", "label", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "collaborates 158"));
  g_assert_nonnull (strstr (run.out, "organisation 25"));

  /* one collaboration per pair: no duplicate ties for score to list */
  mw_test_run_cli (&score, "score", "--json", out, NULL);
  g_assert_cmpint (score.status, ==, 0);
  g_assert_true (json_object_get_boolean_member (parse_object (parser, score.out), "interpreted"));

  mw_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interpret/emon/dot", test_emon_dot);
  g_test_add_func ("/interpret/emon/graphml", test_emon_graphml);
  g_test_add_func ("/interpret/unmapped-values", test_unmapped_values);
  g_test_add_func ("/interpret/bad-specs", test_bad_specs);
  g_test_add_func ("/interpret/keep-reciprocal", test_keep_reciprocal);
  g_test_add_func ("/interpret/own-files", test_own_files_not_guessed);
  g_test_add_func ("/interpret/units", test_units);
  g_test_add_func ("/interpret/cli", test_cli);

  return g_test_run ();
}
