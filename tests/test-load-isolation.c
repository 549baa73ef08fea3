/* test-load-isolation.c: no input crashes a load, under the app's worst limits
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 16 asks that a crash in one window's load does not take the other
 * windows with it. The app parses in its own process (a child would cost a
 * second parse: docs/reliability.md), so this is the proof instead: every
 * input the fuzzers start from or ever failed on, the libFuzzer working
 * corpus when there is one, the importers' fixtures, and the hostile files
 * of issue 16 are each loaded the way the app loads them, in children
 * (files 64 to a child), under a 1 MiB stack, a 4 GiB address space and a
 * CPU-time limit. A refusal is fine; a signal (a crash, an abort, the CPU limit's
 * SIGXCPU) fails the test and names the input.
 */

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mw-csv.h"
#include "mw-format.h"

#define STACK_LIMIT   ((rlim_t) 1024 * 1024)
#define MEMORY_LIMIT  ((rlim_t) 4 * 1024 * 1024 * 1024)
#define CPU_SECONDS   60

typedef enum
{
  KIND_NETWORK,  /* DOT or GraphML, as the app opens a file */
  KIND_CSV,      /* as the app's import dialog reads a table */
} InputKind;

/* AddressSanitizer reserves terabytes of address space for its shadow
 * memory: under `dev test --sanitize` the address space is not limited. */
static gboolean
under_asan (void)
{
  return g_getenv ("ASAN_OPTIONS") != NULL;
}

static void
limit (int    resource,
       rlim_t value)
{
  struct rlimit bounds = { value, value };

  if (setrlimit (resource, &bounds) != 0)
    _exit (3);
}

static void
import_csv (const char *data,
            gsize       length,
            const char *name)
{
  g_autoptr(MwCsvTable) table = mw_csv_table_parse (data, length, name, NULL, NULL, NULL);

  if (table == NULL)
    return;

  for (int ties = 0; ties <= 1; ties++)
    {
      g_autoptr(MwImportReport) report = NULL;
      g_autoptr(MwNetwork) network = NULL;
      MwCsvImportOptions options;
      MwCsvMapping mapping;

      mw_csv_import_options_init (&options);
      options.create_missing_actors = ties;
      mw_csv_mapping_guess (&mapping, table, ties);
      if (ties ? !mw_csv_mapping_is_ties (&mapping) : !mw_csv_mapping_is_people (&mapping))
        continue;
      network = mw_csv_import (ties ? NULL : table, ties ? NULL : &mapping,
                               ties ? table : NULL, ties ? &mapping : NULL,
                               &options, &report, NULL);
    }
}

static void
load_as_app (const char *data,
             gsize       length,
             const char *name,
             InputKind   kind)
{
  g_autoptr(MwNetwork) network = NULL;
  g_autofree char *basename = NULL;

  if (kind == KIND_CSV)
    {
      import_csv (data, length, name);
      return;
    }

  basename = g_path_get_basename (name);
  network = mw_format_load_data (MW_FORMAT_UNKNOWN, data, length, name, basename, NULL, NULL);
}

/* Forks a child under the limits that loads @data, or when it is %NULL
 * each file named in @paths; returns the child's wait status. The child
 * never returns into the test framework. */
static int
load_in_child (const char  *data,
               gsize        length,
               const char  *name,
               GPtrArray   *paths,
               InputKind    kind)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* cgraph's warnings on odd inputs are debug messages: thousands */
      g_log_set_debug_enabled (FALSE);
      limit (RLIMIT_STACK, STACK_LIMIT);
      limit (RLIMIT_CPU, CPU_SECONDS);
      if (!under_asan ())
        limit (RLIMIT_AS, MEMORY_LIMIT);

      if (data != NULL)
        load_as_app (data, length, name, kind);
      for (guint i = 0; paths != NULL && i < paths->len; i++)
        {
          g_autofree char *contents = NULL;
          gsize size;

          if (!g_file_get_contents (g_ptr_array_index (paths, i), &contents, &size, NULL))
            _exit (4);
          load_as_app (contents, size, g_ptr_array_index (paths, i), kind);
        }
      _exit (0);
    }

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

/* Adds a line to @failures when a child did not end normally. */
static gboolean
check_status (int         status,
              const char *name,
              GString    *failures)
{
  if (WIFSIGNALED (status))
    g_string_append_printf (failures, "\n  %s: signal %d (%s)", name, WTERMSIG (status),
                            g_strsignal (WTERMSIG (status)));
  else if (WEXITSTATUS (status) != 0)
    g_string_append_printf (failures, "\n  %s: exit status %d", name, WEXITSTATUS (status));
  else
    return TRUE;
  return FALSE;
}

static void
check_load (const char *data,
            gsize       length,
            const char *name,
            InputKind   kind,
            GString    *failures)
{
  check_status (load_in_child (data, length, name, NULL, kind), name, failures);
}

/* Loads @paths in children of BATCH files each (a child per small file
 * would cost more than its load); a batch that fails is loaded again one
 * file per child, to name the file. */
#define BATCH 64

static void
check_files (GPtrArray *paths,
             InputKind  kind,
             GString   *failures)
{
  for (guint start = 0; start < paths->len; start += BATCH)
    {
      g_autoptr(GPtrArray) batch = g_ptr_array_new ();
      g_autoptr(GString) ignored = g_string_new (NULL);

      for (guint i = start; i < MIN (start + BATCH, paths->len); i++)
        g_ptr_array_add (batch, g_ptr_array_index (paths, i));
      if (check_status (load_in_child (NULL, 0, NULL, batch, kind), "a batch", ignored))
        continue;

      for (guint i = 0; i < batch->len; i++)
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          g_ptr_array_add (one, g_ptr_array_index (batch, i));
          check_status (load_in_child (NULL, 0, NULL, one, kind), g_ptr_array_index (batch, i), failures);
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Every file of a folder                                                  */

typedef struct
{
  char      *dir;
  InputKind  kind;
  gboolean   optional;  /* the libFuzzer corpus exists only once it ran */
} Folder;

static void
folder_free (gpointer data)
{
  Folder *folder = data;

  g_free (folder->dir);
  g_free (folder);
}

static void
test_folder (gconstpointer data)
{
  const Folder *folder = data;
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  if (folder->optional && !g_file_test (folder->dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no libFuzzer corpus yet (build-aux/fuzz makes it)");
      return;
    }

  listing = g_dir_open (folder->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      char *path = g_build_filename (folder->dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || g_str_has_suffix (name, ".py"))
        {
          g_free (path);
          continue;
        }
      g_ptr_array_add (paths, path);
    }
  n = paths->len;
  check_files (paths, folder->kind, failures);

  g_test_message ("%u inputs loaded in children", n);
  g_assert_cmpuint (n, >, 0);
  if (failures->len > 0)
    g_error ("loads that crashed:%s", failures->str);
}

static void
add_folder (const char *test_path,
            char       *dir,
            InputKind   kind,
            gboolean    optional)
{
  Folder *folder = g_new0 (Folder, 1);

  folder->dir = dir;
  folder->kind = kind;
  folder->optional = optional;
  g_test_add_data_func_full (test_path, folder, test_folder, folder_free);
}

/* ---------------------------------------------------------------------- */
/* Issue 16's hostile files, made here                                     */

static void
check_text (GString    *text,
            const char *name,
            InputKind   kind)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  check_load (text->str, text->len, name, kind, failures);
  g_string_free (text, TRUE);
  if (failures->len > 0)
    g_error ("the load crashed:%s", failures->str);
}

/* one actor with 120,000 ties (crashed in libcdt's recursion once) */
static void
test_hub (void)
{
  GString *text = g_string_new ("digraph {\n");

  for (guint i = 0; i < 120000; i++)
    g_string_append_printf (text, "hub -> n%u\n", i);
  g_string_append (text, "}\n");
  check_text (text, "hub.gv", KIND_NETWORK);
}

/* the same tie 20,000 times, and as one chain of 20,000 `->` */
static void
test_parallel (void)
{
  GString *text = g_string_new ("digraph {\n");

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "a -> b\n");
  g_string_append (text, "a");
  for (guint i = 0; i < 20000; i++)
    g_string_append (text, " -> a");
  g_string_append (text, "\n}\n");
  check_text (text, "parallel.gv", KIND_NETWORK);
}

/* 100,000 subgraphs side by side; 100,000 nested (refused at the depth limit) */
static void
test_subgraphs (void)
{
  GString *side = g_string_new ("digraph {\n");
  GString *deep = g_string_new ("digraph {\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (side, "subgraph s%u { n%u }\n", i, i % 100);
  g_string_append (side, "}\n");
  check_text (side, "subgraphs.gv", KIND_NETWORK);

  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "subgraph {");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '}');
  g_string_append (deep, "\n}\n");
  check_text (deep, "nested.gv", KIND_NETWORK);
}

/* `node [label="<250 KB>"]` and 10,000 actors (2.4 GB once) */
static void
test_declared_default (void)
{
  GString *text = g_string_new ("digraph {\nnode [label=\"");
  guint n_actors = under_asan () ? 500 : 10000;

  for (guint i = 0; i < 250 * 1000; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (text, "\"]\n");
  for (guint i = 0; i < n_actors; i++)
    g_string_append_printf (text, "n%u\n", i);
  g_string_append (text, "}\n");
  check_text (text, "default.gv", KIND_NETWORK);
}

/* coordinates past any drawing, strings past the limits */
static void
test_huge_values (void)
{
  GString *text = g_string_new ("digraph {\n");

  g_string_append (text, "a [pos=\"1e300,-1e300!\"]; b [pos=\"nan,inf\"]; c [pos=\"1e309,1\", width=1e300]\n");
  g_string_append (text, "a -> b [weight=1e300, pos=\"e,1e300,1e300 0,0 1,1 2,2\"]\nd [label=\"");
  for (guint i = 0; i < 300 * 1024; i++)
    g_string_append_c (text, i % 2 ? '\\' : 'x');
  g_string_append (text, "\"]\n}\n");
  check_text (text, "huge.gv", KIND_NETWORK);
}

/* GraphML: 100,000 nested graphs, and 50,000 parallel edges */
static void
test_graphml (void)
{
  GString *deep = g_string_new ("<?xml version=\"1.0\"?>\n<graphml><graph edgedefault=\"directed\">");
  GString *parallel = g_string_new ("<graphml><graph edgedefault=\"directed\"><node id=\"a\"/><node id=\"b\"/>\n");

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (deep, "<node id=\"n%u\"><graph>", i);
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "</graph></node>");
  g_string_append (deep, "</graph></graphml>\n");
  check_text (deep, "nested.graphml", KIND_NETWORK);

  for (guint i = 0; i < 50000; i++)
    g_string_append (parallel, "<edge source=\"a\" target=\"b\"/>\n");
  g_string_append (parallel, "</graph></graphml>\n");
  check_text (parallel, "parallel.graphml", KIND_NETWORK);
}

/* CSV: a reporting chain 100,000 deep, a cycle through all of it, and a
 * row of 200,000 columns */
static void
test_csv (void)
{
  GString *chain = g_string_new ("id,name,manager\n");
  GString *cycle = g_string_new ("id,name,manager\n");
  GString *wide = g_string_new ("id,name\n1,a");

  for (guint i = 1; i <= 100000; i++)
    {
      g_string_append_printf (chain, "%u,P%u,%u\n", i, i, i - 1);
      g_string_append_printf (cycle, "%u,P%u,%u\n", i, i, i == 1 ? 100000 : i - 1);
    }
  check_text (chain, "chain.csv", KIND_CSV);
  check_text (cycle, "cycle.csv", KIND_CSV);

  for (guint i = 0; i < 200000; i++)
    g_string_append (wide, ",x");
  check_text (wide, "wide.csv", KIND_CSV);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { const char *test; const char *dir[4]; InputKind kind; } folders[] = {
    { "/load-isolation/regressions/dot", { "fuzz", "regressions", "dot" }, KIND_NETWORK },
    { "/load-isolation/regressions/graphml", { "fuzz", "regressions", "graphml" }, KIND_NETWORK },
    { "/load-isolation/regressions/csv", { "fuzz", "regressions", "csv" }, KIND_CSV },
    { "/load-isolation/seeds/dot", { "fuzz", "seeds", "dot" }, KIND_NETWORK },
    { "/load-isolation/seeds/graphml", { "fuzz", "seeds", "graphml" }, KIND_NETWORK },
    { "/load-isolation/seeds/csv", { "fuzz", "seeds", "csv" }, KIND_CSV },
    { "/load-isolation/data", { "data" }, KIND_NETWORK },
    { "/load-isolation/data/bad", { "data", "bad" }, KIND_NETWORK },
    { "/load-isolation/data/graphml", { "data", "graphml" }, KIND_NETWORK },
    { "/load-isolation/data/graphml/bad", { "data", "graphml", "bad" }, KIND_NETWORK },
    { "/load-isolation/data/csv", { "data", "csv" }, KIND_CSV },
  };
  static const struct { const char *test; const char *target; InputKind kind; } corpora[] = {
    { "/load-isolation/corpus/dot", "dot", KIND_NETWORK },
    { "/load-isolation/corpus/pipeline", "pipeline", KIND_NETWORK },
    { "/load-isolation/corpus/graphml", "graphml", KIND_NETWORK },
    { "/load-isolation/corpus/csv", "csv", KIND_CSV },
  };
  const char *fuzz_dir;

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    add_folder (folders[i].test,
                g_test_build_filename (G_TEST_DIST, folders[i].dir[0], folders[i].dir[1], folders[i].dir[2], NULL),
                folders[i].kind, FALSE);

  /* what the fuzz suite's runs found worth keeping ($MESHWORK_FUZZ_BUILDDIR) */
  fuzz_dir = g_getenv ("MESHWORK_FUZZ_BUILDDIR");
  for (guint i = 0; fuzz_dir != NULL && i < G_N_ELEMENTS (corpora); i++)
    add_folder (corpora[i].test, g_build_filename (fuzz_dir, "corpus", corpora[i].target, NULL),
                corpora[i].kind, TRUE);

  g_test_add_func ("/load-isolation/hostile/hub", test_hub);
  g_test_add_func ("/load-isolation/hostile/parallel", test_parallel);
  g_test_add_func ("/load-isolation/hostile/subgraphs", test_subgraphs);
  g_test_add_func ("/load-isolation/hostile/declared-default", test_declared_default);
  g_test_add_func ("/load-isolation/hostile/huge-values", test_huge_values);
  g_test_add_func ("/load-isolation/hostile/graphml", test_graphml);
  g_test_add_func ("/load-isolation/hostile/csv", test_csv);

  return g_test_run ();
}
