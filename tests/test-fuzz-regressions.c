/* test-fuzz-regressions.c: every kept fuzzer input, through the fuzz targets
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The inputs under tests/fuzz/regressions/TARGET/ once crashed a target or
 * broke one of its checks. They go through the very code the libFuzzer
 * targets run (tests/fuzz/fuzz-TARGET.c), so a fixed bug stays fixed without
 * clang. The targets also get the fixtures and the structure-aware seeds
 * (tests/fuzz/seeds/TARGET/) they are seeded with.
 */

#include <string.h>

#include "mw-dot.h"
#include "fuzz-common.h"

typedef int (*FuzzTarget) (const uint8_t *data, size_t size);

/* The test's path names the target: the folder an input is kept in, the
 * importer its seeds' folder is for, or else DOT. */
static FuzzTarget
target_for (const char *path)
{
  if (strstr (path, "-pipeline/") != NULL)
    return mw_fuzz_pipeline;
  if (strstr (path, "/model/") != NULL)
    return mw_fuzz_model;
  if (strstr (path, "/csv/") != NULL)
    return mw_fuzz_csv;
  if (strstr (path, "/graphml/") != NULL)
    return mw_fuzz_graphml;
  if (strstr (path, "/pipeline/") != NULL)
    return mw_fuzz_pipeline;
  return mw_fuzz_dot;
}

static void
run_input (gconstpointer data)
{
  const char *path = data;
  FuzzTarget target = target_for (g_test_get_path ());
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  /* a copy of exactly @length bytes, so ASan sees any read past the end */
  g_autofree uint8_t *exact = g_memdup2 (contents, length);
  g_assert_cmpint (target (exact, length), ==, 0);
}

/* Adds one test per file in @dir whose name ends in @suffix, named
 * /fuzz/PREFIX/FILE; a missing folder has none. */
static void
add_inputs (const char *prefix,
            const char *dir,
            const char *suffix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return;

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && name[0] != '.' && g_str_has_suffix (name, suffix))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/fuzz/%s/%s", prefix, file);

      g_test_add_data_func_full (test_path, g_build_filename (dir, file, NULL), run_input, g_free);
    }
}

/* Found by fuzz-dot: an actor in two sibling clusters took the unit of
 * whichever cluster name had the lower address. The later cluster in the
 * file wins, however the names were allocated: here "cluster_b" exists
 * (as a node) before "cluster_a", so its name sorts first by address. */
static void
test_sibling_clusters (void)
{
  const char *text =
    "digraph {\n"
    "  cluster_b;\n"
    "  subgraph cluster_a { label=A; x }\n"
    "  subgraph cluster_b { label=B; x }\n"
    "  subgraph cluster_c { label=C; y }\n"
    "  subgraph cluster_a { y }\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_data (text, strlen (text), "siblings.gv", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (mw_network_lookup_actor (network, "x")->unit, ==, "B");
  /* reopening cluster_a does not move it after cluster_c */
  g_assert_cmpstr (mw_network_lookup_actor (network, "y")->unit, ==, "C");
}

static MwNetwork *
load_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_data (text, strlen (text), "test.gv", NULL, &error);

  g_assert_no_error (error);
  return network;
}

/* Found by fuzz-dot: `node [label=…]` after an actor gave that actor the
 * label once saved; and Meshwork's fields set by a default were ignored. */
static void
test_known_attrs_in_defaults (void)
{
  g_autoptr(MwNetwork) network = load_text ("digraph { a; node [label=Boss, mw_kind=team, mw_org=Acme]; b }");
  g_autofree char *text = mw_dot_save_data (network, NULL);
  g_autoptr(MwNetwork) again = load_text (text);
  MwActor *a = mw_network_lookup_actor (network, "a");
  MwActor *b = mw_network_lookup_actor (network, "b");

  g_assert_cmpstr (a->label, ==, "a");
  g_assert_cmpint (a->kind, ==, MW_ACTOR_PERSON);
  g_assert_cmpstr (a->org, ==, "");
  g_assert_cmpstr (b->label, ==, "Boss");
  g_assert_cmpint (b->kind, ==, MW_ACTOR_TEAM);
  g_assert_cmpstr (b->org, ==, "Acme");
  g_assert_true (mw_network_equal (network, again, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dot = NULL, *model = NULL, *data = NULL, *bad = NULL;
  g_autofree char *csv = NULL, *graphml = NULL, *pipeline = NULL;
  g_autofree char *csv_seeds = NULL, *graphml_seeds = NULL, *graphml_bad_seeds = NULL;
  g_autofree char *pipeline_seeds = NULL;
  g_autofree char *dot_shapes = NULL, *csv_shapes = NULL, *graphml_shapes = NULL;

  g_test_init (&argc, &argv, NULL);

  dot = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "dot", NULL);
  model = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "model", NULL);
  data = g_test_build_filename (G_TEST_DIST, "data", NULL);
  bad = g_test_build_filename (G_TEST_DIST, "data", "bad", NULL);
  csv = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "csv", NULL);
  graphml = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "graphml", NULL);
  pipeline = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", "pipeline", NULL);
  csv_seeds = g_test_build_filename (G_TEST_DIST, "data", "csv", NULL);
  graphml_seeds = g_test_build_filename (G_TEST_DIST, "data", "graphml", NULL);
  graphml_bad_seeds = g_test_build_filename (G_TEST_DIST, "data", "graphml", "bad", NULL);
  /* the DOT seeds again, this time loaded, scored and drawn */
  pipeline_seeds = g_strdup (data);
  dot_shapes = g_test_build_filename (G_TEST_DIST, "fuzz", "seeds", "dot", NULL);
  csv_shapes = g_test_build_filename (G_TEST_DIST, "fuzz", "seeds", "csv", NULL);
  graphml_shapes = g_test_build_filename (G_TEST_DIST, "fuzz", "seeds", "graphml", NULL);

  g_test_add_func ("/fuzz/dot/sibling-clusters", test_sibling_clusters);
  g_test_add_func ("/fuzz/dot/known-attrs-in-defaults", test_known_attrs_in_defaults);
  add_inputs ("dot", dot, "");
  add_inputs ("model", model, "");
  add_inputs ("seed/bad", bad, "");
  add_inputs ("seed", data, ".gv");
  add_inputs ("csv", csv, "");
  add_inputs ("graphml", graphml, "");
  add_inputs ("pipeline", pipeline, "");
  add_inputs ("seed/csv", csv_seeds, "");
  add_inputs ("seed/graphml", graphml_seeds, ".graphml");
  add_inputs ("seed/graphml/bad", graphml_bad_seeds, ".graphml");
  add_inputs ("seed-pipeline", pipeline_seeds, ".gv");
  add_inputs ("shape/dot", dot_shapes, ".gv");
  add_inputs ("shape-pipeline", dot_shapes, ".gv");
  add_inputs ("shape/csv", csv_shapes, ".csv");
  add_inputs ("shape/graphml", graphml_shapes, ".graphml");

  return g_test_run ();
}
