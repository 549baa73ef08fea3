/* bench-layout.c: how long automatic layout takes (prints figures)
 *
 * 1. sfdp on 2,000 actors / 4,000 ties: Meshwork's in-process call, the
 *    app's path (a meshwork-cli child through mw_layout_run_async()) and
 *    the `sfdp` command on the same file, with the ratio.
 * 2. `auto` on a few sizes and shapes: the engine chosen, the estimate the
 *    app shows, and the time it really took.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>

#include <glib/gstdio.h>

#include "mw-dot.h"
#include "mw-layout.h"

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

int
main (int    argc,
      char **argv)
{
  bench_sfdp ();
  bench_auto ();
  return 0;
}
