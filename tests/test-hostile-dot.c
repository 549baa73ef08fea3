/* test-hostile-dot.c: DOT files built to crash Meshwork or make it balloon
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* wait4 */

#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "mw-dot-private.h"
#include "mw-dot.h"
#include "mw-limits.h"
#include "mw-progress.h"

/* ---------------------------------------------------------------------- */
/* Running meshwork-cli under resource limits                              */

typedef struct
{
  rlim_t stack;          /* 0: unchanged */
  rlim_t address_space;  /* 0: unchanged */
} ChildLimits;

/* AddressSanitizer reserves terabytes of address space for its shadow
 * memory: under `dev test --sanitize` only the stack is limited. */
static gboolean
under_asan (void)
{
  return g_getenv ("ASAN_OPTIONS") != NULL;
}

static void
apply_limits (gpointer data)
{
  const ChildLimits *limits = data;

  /* in the child, between fork and exec: nothing here may allocate */
  if (limits->stack != 0)
    {
      struct rlimit limit = { limits->stack, limits->stack };
      setrlimit (RLIMIT_STACK, &limit);
    }
  if (limits->address_space != 0)
    {
      struct rlimit limit = { limits->address_space, limits->address_space };
      setrlimit (RLIMIT_AS, &limit);
    }
}

/* Runs `meshwork-cli info PATH` under @limits; returns its wait status
 * (exit code or signal) and its standard error in @err. */
static gboolean
run_info_limited (const char         *path,
                  const ChildLimits  *limits,
                  int                *exit_status,
                  char              **err)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_nonnull (g_getenv ("MESHWORK_CLI"));
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, apply_limits, (gpointer)limits, NULL);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("MESHWORK_CLI"), "info", path, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, err, &error);
  g_assert_no_error (error);

  if (!g_subprocess_get_if_exited (process))
    {
      g_test_message ("meshwork-cli was killed by signal %d", g_subprocess_get_term_sig (process));
      return FALSE;
    }

  *exit_status = g_subprocess_get_exit_status (process);
  return TRUE;
}

static char *
write_temp_file (const char *name,
                 GString    *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mw-hostile-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_temp_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* ---------------------------------------------------------------------- */
/* Parallel ties                                                           */

static GString *
parallel_ties_text (guint n)
{
  GString *text = g_string_new ("digraph {\n");

  for (guint i = 0; i < n; i++)
    g_string_append (text, "a -> b\n");
  g_string_append (text, "}\n");
  return text;
}

static double
cpu_seconds (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

/* The least CPU time of three loads of @text: the least is the one least
 * disturbed by other work on the machine. */
static double
best_load_seconds (GString *text,
                   guint    n_ties)
{
  double best = G_MAXDOUBLE;

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) network = NULL;
      double start = cpu_seconds ();

      network = mw_dot_load_data (text->str, text->len, "parallel.gv", NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (mw_network_get_n_ties (network), ==, n_ties);
      best = MIN (best, cpu_seconds () - start);
    }

  return best;
}

/* `a -> b` written N times: each tie gets its id in O(1) (it took N
 * look-ups, 35 s for 20,000), and the ids are all different. The growth
 * is read from N to 4N, where linear costs 4× and quadratic 16×: a ratio
 * of CPU times that noise cannot push past the bound between them. */
static void
test_parallel_ties (void)
{
  const guint n = 10000;
  g_autoptr(GString) text = parallel_ties_text (n);
  g_autoptr(GString) double_text = parallel_ties_text (2 * n);
  g_autoptr(GString) four_text = parallel_ties_text (4 * n);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  double single, four;

  network = mw_dot_load_data (double_text->str, double_text->len, "parallel.gv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 2 * n);
  for (guint i = 0; i < 2 * n; i++)
    g_assert_true (g_hash_table_add (ids, mw_network_get_tie (network, i)->id));
  g_assert_cmpstr (mw_network_get_tie (network, 0)->id, ==, "a->b:influences");
  g_assert_cmpstr (mw_network_get_tie (network, 2 * n - 1)->id, ==, "a->b:influences#20000");

  single = best_load_seconds (text, n);
  four = best_load_seconds (four_text, 4 * n);
  g_test_message ("%u parallel ties: %.3f s CPU; %u: %.3f s", n, single, 4 * n, four);
  g_assert_cmpfloat (four, <, 8 * MAX (single, 0.002));
}

/* ---------------------------------------------------------------------- */
/* One actor with a huge degree                                            */

/* libcdt's dtsize() recursed once per edge of the hub's edge set when the
 * loader asked agnedges() for the count: `info` died of a stack overflow. */
static void
test_hub_small_stack (void)
{
  const guint n = 120000;  /* 100,000 crashed under a 1 MiB stack; 50,000 did not */
  g_autoptr(GString) text = g_string_new ("digraph {\n");
  g_autofree char *path = NULL;
  g_autofree char *err = NULL;
  ChildLimits limits = { 1024 * 1024, 0 };
  int status = -1;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "hub -> n%u\n", i);
  g_string_append (text, "}\n");
  path = write_temp_file ("hub.gv", text);

  g_assert_true (run_info_limited (path, &limits, &status, &err));
  if (status != 0)
    g_error ("meshwork-cli info exited with %d: %s", status, err);

  remove_temp_file (path);
}

/* ---------------------------------------------------------------------- */
/* The pre-scan                                                            */

static void
test_prescan_counts (void)
{
  const char *text =
    "strict digraph G { graph [rankdir=LR]; node [shape=box]; label = \"title\";\n"
    "  a -> b -> \"c\"; d; e [label=x, color=red]; a:p1:n -> d:s;\n"
    "  subgraph cluster_s { label = S; h; \"a\" }\n"
    "  { rank = same; b; h } -> i [weight=2];\n"
    "  \"long\" + \"name\"; // j -> k\n"
    "  <<b>html</b>> -> a /* l -> m */\n"
    "}\n"
    "digraph second { x -> y }\n";
  g_autoptr(GError) error = NULL;
  MwDotCounts counts;
  MwLimits limits;

  mw_limits_init_default (&limits);
  g_assert_true (_mw_dot_scan_structure (text, strlen (text), "counts.gv", &limits, &counts, NULL, &error));
  g_assert_no_error (error);

  /* a b c d e h i "long" <html>; not G, cluster_s, LR, box, title, x, red, p1, n, s, S, same, 2 */
  g_assert_cmpuint (counts.actors, ==, 9);
  g_assert_cmpuint (counts.ties, ==, 5);
  g_assert_cmpuint (counts.subgraphs, ==, 2);
  g_assert_cmpuint (counts.string_bytes, >, 0);
}

static MwNetwork *
load_with (const char  *text,
           MwLimits    *limits,
           GError     **error)
{
  return mw_dot_load_data (text, strlen (text), "small.gv", limits, error);
}

/* Refused by the pre-scan, before cgraph parses the file: the syntax error
 * further on is never reached. Each refusal gives the count and the limit. */
static void
test_prescan_refuses (void)
{
  const char *ties = "digraph { a -> b; b -> c; c -> a; a -> c; x y z = = ; }";
  const char *actors = "digraph { a; b; c; d -> e; \"a\"; e; x y z = = ; }";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  MwLimits limits;

  mw_limits_init_default (&limits);
  limits.max_ties = 3;
  network = load_with (ties, &limits, &error);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "small.gv: 4 ties; the limit is 3");
  g_clear_error (&error);

  mw_limits_init_default (&limits);
  limits.max_actors = 6;
  network = load_with (actors, &limits, &error);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "small.gv: 7 actors; the limit is 6");
  g_clear_error (&error);

  mw_limits_init_default (&limits);
  limits.max_string = 7;  /* "digraph" */
  network = load_with ("digraph {\n a -> \"abcdefghij\" }", &limits, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "small.gv:2: a quoted string of 10 bytes; the limit is 7");
  g_clear_error (&error);

  mw_limits_init_default (&limits);
  limits.max_depth = 2;
  network = load_with ("digraph { { { a } } }", &limits, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "small.gv:1: subgraphs nested 3 deep; the limit is 2");
  g_clear_error (&error);

  mw_limits_init_default (&limits);
  limits.max_bytes = 10;
  network = load_with (ties, &limits, &error);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "small.gv: the file is 55 bytes; the limit is 10");
}

/* `{a b} -> {c d}` is one edge operator and four ties: counted again once
 * cgraph has read them, without agnedges(). */
static void
test_ties_counted_after_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  MwLimits limits;

  mw_limits_init_default (&limits);
  limits.max_ties = 3;
  network = load_with ("digraph { {a b} -> {c d} }", &limits, &error);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "small.gv: 4 ties; the limit is 3");
  g_clear_error (&error);

  limits.max_ties = 4;
  network = load_with ("digraph { {a b} -> {c d} }", &limits, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 4);
}

/* ---------------------------------------------------------------------- */
/* Subgraphs                                                               */

static GString *
subgraphs_text (guint n)
{
  GString *text = g_string_new ("digraph {\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "subgraph s%u { n%u }\n", i, i % 100);
  g_string_append (text, "}\n");
  return text;
}

/* The README says files with *more than* 100,000 subgraphs are refused:
 * exactly 100,000 load (the graph's own `{` was counted as one). */
static void
test_subgraph_limit (void)
{
  g_autoptr(GString) at_limit = subgraphs_text (100000);
  g_autoptr(GString) over_limit = subgraphs_text (6);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  MwLimits limits;

  network = mw_dot_load_data (at_limit->str, at_limit->len, "many.gv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 100);
  g_clear_object (&network);

  mw_limits_init_default (&limits);
  limits.max_subgraphs = 5;
  network = mw_dot_load_data (over_limit->str, over_limit->len, "many.gv", &limits, &error);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "many.gv: 6 subgraphs; the limit is 5");
}

/* ---------------------------------------------------------------------- */
/* Declared defaults                                                       */

static GString *
long_default_text (guint       n_actors,
                   gsize       label_length,
                   const char *attribute)
{
  GString *text = g_string_new ("digraph {\nnode [");

  g_string_append_printf (text, "%s=\"", attribute);
  for (gsize i = 0; i < label_length; i++)
    g_string_append_c (text, 'a' + i % 26);
  g_string_append (text, "\"]\n");
  for (guint i = 0; i < n_actors; i++)
    g_string_append_printf (text, "n%u\n", i);
  g_string_append (text, "}\n");
  return text;
}

/* A declared default is held once, however many actors inherit it. */
static void
test_default_shared_in_memory (void)
{
  g_autoptr(GString) text = long_default_text (3, 1000, "label");
  g_autoptr(GString) notes = long_default_text (3, 1000, "mw_notes");
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwNetwork) copy = NULL;
  g_autoptr(MwNetwork) again = NULL;
  g_autofree char *saved = NULL;
  MwActor *first, *last;

  network = mw_dot_load_data (text->str, text->len, "defaults.gv", NULL, &error);
  g_assert_no_error (error);
  first = mw_network_get_actor (network, 0);
  last = mw_network_get_actor (network, 2);
  g_assert_cmpuint (strlen (first->label), ==, 1000);
  g_assert_true (first->label == last->label);

  /* copies share it too, and a change to one actor is its own */
  copy = mw_network_copy (network);
  g_assert_true (mw_network_get_actor (copy, 1)->label == first->label);
  mw_network_set_actor_label (network, last, "Last");
  g_assert_cmpstr (last->label, ==, "Last");
  g_assert_cmpuint (strlen (mw_network_get_actor (copy, 2)->label), ==, 1000);

  /* what is saved back is what it always was: each actor's label */
  saved = mw_dot_save_data (copy, NULL);
  again = mw_dot_load_data (saved, strlen (saved), "saved.gv", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mw_network_equal (copy, again, NULL));
  g_clear_object (&network);

  network = mw_dot_load_data (notes->str, notes->len, "notes.gv", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (mw_network_get_actor (network, 0)->notes == mw_network_get_actor (network, 2)->notes);
  g_assert_cmpuint (strlen (mw_network_get_actor (network, 1)->notes), ==, 1000);
}

/* `node [label="<250 KB>"]` and 10,000 actors: a 330 KB file took 2.4 GB
 * when each actor copied the label. Now it loads in a few times its size. */
static void
test_default_shared_under_limit (void)
{
  /* Under ASan the address space is not limited, and cgraph's own strcmp()
   * of the default for each node (strict_string_checks reads it whole)
   * takes seconds per thousand actors: fewer actors check the same code. */
  g_autoptr(GString) text = long_default_text (under_asan () ? 500 : 10000, 250 * 1000, "label");
  g_autofree char *path = write_temp_file ("defaults.gv", text);
  g_autofree char *err = NULL;
  ChildLimits limits = { 0, under_asan () ? 0 : (rlim_t)1024 * 1024 * 1024 };
  int status = -1;

  g_assert_true (run_info_limited (path, &limits, &status, &err));
  if (status != 0)
    g_error ("meshwork-cli info exited with %d: %s", status, err);

  remove_temp_file (path);
}

/* A chain of @n ties, "n0 -> n1\n…", a file of several megabytes. */
static GString *
long_chain (guint n)
{
  GString *text = g_string_new ("digraph chain {\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "n%u -> n%u\n", i, i + 1);
  g_string_append (text, "}\n");
  return text;
}

/* A big file is scanned beside the parse: the parser reads only what the
 * scan has passed, so a refused file is refused before cgraph reads past
 * the limit, with the same words and whole count as a scan before it. */
static void
test_prescan_beside_parse (void)
{
  g_autoptr(GString) text = long_chain (120000);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = NULL;
  MwProgress *progress = mw_progress_new (NULL);
  MwLimits limits;

  g_assert_cmpuint (text->len, >, 1536 * 1024);

  /* within the limits: every actor and tie, in the file's order */
  network = mw_dot_load_data (text->str, text->len, "chain.gv", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mw_network_get_n_actors (network), ==, 120001);
  g_assert_cmpuint (mw_network_get_n_ties (network), ==, 120000);
  g_assert_cmpstr (mw_network_get_tie (network, 119999)->from->id, ==, "n119999");
  g_clear_object (&network);

  /* over the tie limit in the first 64 KB: cgraph reads little of the
   * rest (the progress of the parse, 0.1 at its start and 0.65 at its
   * end, is reported every 256 KB read) */
  mw_limits_init_default (&limits);
  limits.max_ties = 1000;
  mw_progress_push_thread_default (progress);
  network = mw_dot_load_data (text->str, text->len, "chain.gv", &limits, &error);
  mw_progress_pop_thread_default (progress);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_LIMIT);
  g_assert_cmpstr (error->message, ==, "chain.gv: 120000 ties; the limit is 1000");
  g_assert_cmpfloat (mw_progress_get_fraction (progress), <, 0.2);
  g_clear_error (&error);
  mw_progress_unref (progress);

  /* what the scan refuses at the very end is its refusal, not cgraph's */
  g_string_truncate (text, text->len - 2);
  g_string_append (text, "\"never closed }\n");
  network = mw_dot_load_data (text->str, text->len, "chain.gv", NULL, &error);
  g_assert_null (network);
  g_assert_error (error, MW_ERROR, MW_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "chain.gv:120002: a quoted string starts here and is never closed");
}

/* cgraph's graphs are closed by a worker after the load returns; waiting
 * for it leaves the Graphviz lock free for a forked child that loads. */
static void
test_closes_in_background (void)
{
  const char *text = "digraph { a -> b; b -> c; c -> a }";
  int status = 0;
  pid_t pid;

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) network = mw_dot_load_data (text, strlen (text), "small.gv", NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (mw_network_get_n_ties (network), ==, 3);
    }
  mw_dot_wait_closed ();

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      MwNetwork *network = mw_dot_load_data (text, strlen (text), "small.gv", NULL, NULL);

      _exit (network != NULL && mw_network_get_n_ties (network) == 3 ? 0 : 1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* ---------------------------------------------------------------------- */
/* Memory of a load                                                        */

/* The peak resident memory of `meshwork-cli info PATH`, in KiB: the
 * whole process, as a user runs it (cgraph's arena is mapped, not
 * malloc()ed, so mallinfo2() would not see all of it). */
static glong
info_peak_kib (const char *path)
{
  const char *cli = g_getenv ("MESHWORK_CLI");
  struct rusage usage;
  int status;
  pid_t pid;

  g_assert_nonnull (cli);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      dup2 (null, STDOUT_FILENO);
      dup2 (null, STDERR_FILENO);
      execl (cli, cli, "info", path, (char *) NULL);
      _exit (127);
    }
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), <=, 1);  /* 1: problems found */
  return usage.ru_maxrss;
}

/* Like bench-dot's: four units, a label, a unit and a position per actor,
 * a reporting tree and about five typed ties per person. */
static GString *
organisation_text (guint n)
{
  static const char *units[] = { "North", "South", "East", "West" };
  static const char *lateral[] = { "collaborates", "influences", "checks" };
  GString *text = g_string_new ("digraph large {\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  guint side = 1;

  while (side * side < n)
    side++;
  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "a%u [label=\"Person %u\", mw_unit=\"%s\", pos=\"%u,%u\"];\n",
                            i, i, units[((guint64) i * 4) / n], (i % side) * 80, (i / side) * 80);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_printf (text, "a%u -> a%u [mw_tie=reports];\n", i, (i - 1) / 4);
      for (guint k = 1; k < 5; k++)
        {
          guint j = k < 3 ? MIN (i + k, n - 1) : (guint) g_rand_int_range (rand, 0, n);

          if (j != i)
            g_string_append_printf (text, "a%u -> a%u [mw_tie=%s];\n", i, j,
                                    lateral[g_rand_int_range (rand, 0, 3)]);
        }
    }
  g_string_append (text, "}\n");
  return text;
}

/* What loading @text adds to the peak of `meshwork-cli info`, per byte
 * of the file. */
static double
load_growth (const char *name,
             GString    *text,
             glong       base_kib)
{
  g_autofree char *path = write_temp_file (name, text);
  glong peak = info_peak_kib (path);
  double growth = (double) (peak - base_kib) * 1024 / text->len;

  g_test_message ("%s: %.1f MB, peak %ld KiB over %ld: %.1fx the file",
                  name, text->len / 1e6, peak - base_kib, base_kib, growth);
  remove_temp_file (path);
  return growth;
}

/* Issue 16: loading takes at most 16x the file plus a constant. The
 * organisation (labels, units, positions, typed ties) took 12.5x and
 * takes 7.7x; a chain of short lines `nA -> nB` took 57x and takes 30x:
 * cgraph's own graph of such a file is 22x (docs/reliability.md), so the
 * chain is held to what it reaches now. */
static void
test_load_memory (void)
{
  g_autoptr(GString) tiny = g_string_new ("digraph { a -> b }\n");
  g_autoptr(GString) chain = g_string_new ("digraph {\n");
  g_autoptr(GString) organisation = organisation_text (10000);
  g_autofree char *tiny_path = NULL;
  glong base;

  if (under_asan ())
    {
      g_test_skip ("AddressSanitizer's shadow memory is not the load's");
      return;
    }

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (chain, "n%u -> n%u\n", i, i + 1);
  g_string_append (chain, "}\n");

  tiny_path = write_temp_file ("tiny.gv", tiny);
  base = info_peak_kib (tiny_path);
  remove_temp_file (tiny_path);

  g_assert_cmpfloat (load_growth ("organisation.gv", organisation, base), <=, 10.0);
  g_assert_cmpfloat (load_growth ("chain.gv", chain, base), <=, 33.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-dot/parallel-ties", test_parallel_ties);
  g_test_add_func ("/hostile-dot/hub-small-stack", test_hub_small_stack);
  g_test_add_func ("/hostile-dot/prescan-counts", test_prescan_counts);
  g_test_add_func ("/hostile-dot/prescan-refuses", test_prescan_refuses);
  g_test_add_func ("/hostile-dot/prescan-beside-parse", test_prescan_beside_parse);
  g_test_add_func ("/hostile-dot/closes-in-background", test_closes_in_background);
  g_test_add_func ("/hostile-dot/ties-counted-after-parse", test_ties_counted_after_parse);
  g_test_add_func ("/hostile-dot/subgraph-limit", test_subgraph_limit);
  g_test_add_func ("/hostile-dot/default-shared-in-memory", test_default_shared_in_memory);
  g_test_add_func ("/hostile-dot/default-shared-under-limit", test_default_shared_under_limit);
  g_test_add_func ("/hostile-dot/load-memory", test_load_memory);

  return g_test_run ();
}
