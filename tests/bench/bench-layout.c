/* bench-layout.c: how long automatic layout takes (prints figures)
 *
 * 1. sfdp on 2,000 actors / 4,000 ties: Meshwork's in-process call, the
 *    app's path (a meshwork-cli child through mw_layout_run_async()) and
 *    the `sfdp` command on the same file, with the ratio.
 * 2. `auto` on a few sizes and shapes: the engine chosen, the estimate the
 *    app shows, and the time it really took.
 * 3. The tree engine in process at 12,500 to 200,000 people (time and
 *    steps per person, which stay flat: it is linear), and
 *    `meshwork-cli import` of a generated 50,000-person org-chart CSV, with
 *    and without the layout (the goal is 10 s for all of it).
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "mw-dot.h"
#include "mw-layout.h"
#include "mw-layout-tree.h"

/* @n actors, @m random collaborates ties (plus a reports tree when @tree). */
static MwNetwork *
make_network (guint    n,
              guint    m,
              gboolean tree,
              guint32  seed)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("Person %u", i);
      mw_network_add_actor (network, NULL, label, MW_ACTOR_PERSON, NULL);
    }
  if (tree)
    for (guint i = 1; i < n; i++)
      mw_network_add_tie (network, mw_network_get_actor (network, i),
                          mw_network_get_actor (network, g_rand_int_range (rand, 0, i)), MW_TIE_REPORTS, 1, NULL);
  for (guint k = 0; k < m; k++)
    mw_network_add_tie (network, mw_network_get_actor (network, g_rand_int_range (rand, 0, n)),
                        mw_network_get_actor (network, g_rand_int_range (rand, 0, n)), MW_TIE_COLLABORATES, 1, NULL);

  return network;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

typedef struct
{
  GMainLoop  *loop;
  GHashTable *positions;
  GError     *error;
} Wait;

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->positions = mw_layout_run_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static double
time_child (MwNetwork      *network,
            MwLayoutEngine  engine)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL, NULL };
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  mw_layout_run_async (network, engine, 600, NULL, run_done_cb, &wait);
  g_main_loop_run (wait.loop);
  elapsed = seconds_since (start);
  if (wait.error != NULL)
    g_error ("layout child: %s", wait.error->message);
  g_hash_table_unref (wait.positions);
  g_main_loop_unref (wait.loop);

  return elapsed;
}

static double
time_in_process (MwNetwork      *network,
                 MwLayoutEngine  engine)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) positions = NULL;
  gint64 start = g_get_monotonic_time ();

  positions = mw_layout_compute (network, engine, &error);
  if (positions == NULL)
    g_error ("layout: %s", error->message);

  return seconds_since (start);
}

/* Runs the Graphviz command, output thrown away; @option may be NULL. */
static double
time_command (const char *engine,
              const char *option,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { engine, "-Tdot", "-o", "/dev/null", path, option, NULL };
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    {
      printf ("  (%s not run: %s)\n", engine, error->message);
      return -1.0;
    }

  return seconds_since (start);
}

static void
bench_sfdp (void)
{
  g_autoptr(MwNetwork) network = make_network (2000, 4000, FALSE, 42);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "mw-bench-layout.gv", NULL);
  double ours, child, command, command_prism;

  if (!mw_dot_save_file (network, path, &error))
    g_error ("%s", error->message);

  ours = time_in_process (network, MW_LAYOUT_SFDP);
  child = time_child (network, MW_LAYOUT_SFDP);
  command = time_command ("sfdp", NULL, path);
  command_prism = time_command ("sfdp", "-Goverlap=prism", path);
  g_unlink (path);

  printf ("sfdp, 2,000 actors / 4,000 ties\n");
  printf ("  Meshwork in process           %7.2f s\n", ours);
  printf ("  Meshwork child (app's path)   %7.2f s\n", child);
  if (command > 0)
    {
      printf ("  sfdp -Tdot command            %7.2f s\n", command);
      printf ("  ratio child / command         %7.2f (goal <= 1)\n", child / command);
    }
  /* Meshwork removes overlaps (prism); plain sfdp leaves them */
  if (command_prism > 0)
    {
      printf ("  sfdp -Goverlap=prism command  %7.2f s\n", command_prism);
      printf ("  ratio child / same settings   %7.2f (goal <= 1)\n", child / command_prism);
    }
}

static void
bench_auto (void)
{
  static const struct { const char *shape; guint n, m; gboolean tree; } cases[] = {
    { "org tree",   200,    20, TRUE },
    { "org tree",  2000,   200, TRUE },
    { "mesh",       100,   200, FALSE },
    { "mesh",       500,  1000, FALSE },
    { "mesh",      3000,  6000, FALSE },
    { "mesh",     10000, 20000, FALSE },
    { "org tree", 20000,  2000, TRUE },
  };

  printf ("\nauto engine (through the child)\n");
  printf ("  %-9s %7s %7s  %-6s %9s %9s\n", "shape", "actors", "ties", "engine", "estimate", "took");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MwNetwork) network = make_network (cases[i].n, cases[i].m, cases[i].tree, i);
      MwLayoutEngine engine = mw_layout_choose_engine (network);
      double estimate = mw_layout_estimate_seconds (network, engine);
      double took = time_child (network, MW_LAYOUT_AUTO);

      printf ("  %-9s %7u %7u  %-6s %8.2fs %8.2fs%s\n", cases[i].shape, mw_network_get_n_actors (network),
              mw_network_get_n_ties (network), mw_layout_engine_to_string (engine), estimate, took,
              estimate > MW_LAYOUT_SLOW_SECONDS ? "  (announced as slow)" : "");
    }
}

static void
bench_tree (void)
{
  printf ("\ntree engine, in process (reports tree, each to one of the 30 before)\n");
  printf ("  %8s %9s %12s %14s\n", "actors", "took", "steps", "steps/actor");
  for (guint n = 12500; n <= 200000; n *= 2)
    {
      g_autoptr(MwNetwork) network = mw_network_new ();
      g_autoptr(GRand) rand = g_rand_new_with_seed (n);
      g_autoptr(GHashTable) positions = NULL;
      MwLayoutTreeStats stats;
      gint64 start;
      double took;

      for (guint i = 0; i < n; i++)
        {
          MwActor *actor = mw_network_add_actor (network, NULL, NULL, MW_ACTOR_PERSON, NULL);

          if (i > 0)
            mw_network_add_tie (network, actor,
                                mw_network_get_actor (network, g_rand_int_range (rand, i > 30 ? i - 30 : 0, i)),
                                MW_TIE_REPORTS, 1, NULL);
        }
      start = g_get_monotonic_time ();
      positions = mw_layout_tree_compute (network, &stats);
      took = seconds_since (start);
      printf ("  %8u %8.3fs %12" G_GUINT64_FORMAT " %14.2f\n", n, took, stats.steps,
              (double) stats.steps / n);
    }
}

/* A 50,000-person HR export: id, name, manager, title, department. */
static char *
write_people_csv (guint n)
{
  static const char * const units[] = { "Engineering", "Sales", "Operations", "Finance", "People", "Legal" };
  g_autoptr(GString) csv = g_string_new ("Employee ID,Full Name,Manager ID,Job Title,Department\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (50);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "mw-bench-org-chart.csv", NULL);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (csv, "E%06u,Person %u,", i, i);
      if (i > 0)
        g_string_append_printf (csv, "E%06u", g_rand_int_range (rand, i > 40 ? i - 40 : 0, i));
      g_string_append_printf (csv, ",%s,%s\n", i % 7 == 0 ? "Manager" : "Specialist",
                              units[g_rand_int_range (rand, 0, G_N_ELEMENTS (units))]);
    }
  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    g_error ("%s", error->message);

  return path;
}

/* CPU seconds (user and system) of the children waited for so far. */
static double
children_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* Wall-clock seconds; the child's CPU seconds in @cpu (on a busy machine
 * the wall clock says more about the neighbours than about Meshwork). */
static double
time_import (const char *cli,
             const char *csv,
             const char *layout,
             double     *cpu)
{
  g_autofree char *out = g_build_filename (g_get_tmp_dir (), "mw-bench-org-chart.gv", NULL);
  g_autofree char *option = layout != NULL ? g_strdup_printf ("--layout=%s", layout) : NULL;
  const char *argv[] = { cli, "import", csv, out, option, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = children_cpu_seconds ();
  double took;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("meshwork-cli import: %s", error->message);
  took = seconds_since (start);
  *cpu = children_cpu_seconds () - cpu_start;
  g_unlink (out);

  return took;
}

static void
bench_org_chart_import (void)
{
  g_autofree char *cli = mw_layout_find_cli ();
  g_autofree char *csv = write_people_csv (50000);
  double plain, laid_out, plain_cpu, laid_out_cpu;

  plain = time_import (cli, csv, "none", &plain_cpu);
  laid_out = time_import (cli, csv, NULL, &laid_out_cpu);
  g_unlink (csv);

  printf ("\nmeshwork-cli import, 50,000-person org chart CSV  (wall, CPU)\n");
  printf ("  without layout (--layout=none)   %7.2f s %7.2f s\n", plain, plain_cpu);
  printf ("  laid out (the default: tree)     %7.2f s %7.2f s  (goal <= 10 s)\n", laid_out, laid_out_cpu);
}

int
main (int    argc,
      char **argv)
{
  bench_sfdp ();
  bench_auto ();
  bench_tree ();
  bench_org_chart_import ();
  return 0;
}
