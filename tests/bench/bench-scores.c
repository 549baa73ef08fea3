/* bench-scores.c: how long rescoring takes after one edit, and how the
 * graph algorithms compare with igraph's on the same graphs
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints its figures; never fails on time. Targets (issue 3): median
 * ≤ 16 ms at 2,000 actors / 10,000 ties, ≤ 1 s at 100,000 / 500,000, peak
 * memory ≤ 300 MB.
 */

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "mw-metrics.h"
#include "mw-network.h"
#include "mw-scorer.h"
#include "mw-scores.h"

typedef enum
{
  SHAPE_FOREST,
  SHAPE_MATRIX,   /* one in ten has a second manager */
  SHAPE_TANGLED,  /* managers anywhere: reporting cycles (a messy HR export) */
} Shape;

/* A random organisation: a reports forest over most people, the other ties
 * of random types between random people, in 3 organisations of 8 units. */
static MwNetwork *
generate (guint    n,
          guint    m,
          guint    seed,
          Shape    shape)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  MwNetwork *network = mw_network_new ();
  guint ties = 0;

  mw_network_begin_batch (network, "generate");
  for (guint i = 0; i < n; i++)
    {
      char id[32], org[16], unit[16];
      MwActor *actor;

      g_snprintf (id, sizeof id, "p%u", i);
      g_snprintf (org, sizeof org, "Org %d", g_rand_int_range (rand, 0, 3));
      g_snprintf (unit, sizeof unit, "Unit %d", g_rand_int_range (rand, 0, 8));
      actor = mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL);
      mw_network_set_actor_org (network, actor, org);
      mw_network_set_actor_unit (network, actor, unit);
      mw_network_set_actor_purpose (network, actor, g_rand_int_range (rand, 0, 200) == 0);
      mw_network_set_actor_initiative (network, actor, g_rand_int_range (rand, 0, 20) == 0);
      if (i > 0 && g_rand_int_range (rand, 0, 10) < 9)
        {
          guint manager = g_rand_int_range (rand, i / 2, i);

          if (shape == SHAPE_TANGLED)
            continue;
          mw_network_add_tie (network, actor, mw_network_get_actor (network, manager), MW_TIE_REPORTS, 1, NULL);
          ties++;
          /* a matrix organisation: one in ten has a second manager */
          if (shape == SHAPE_MATRIX && g_rand_int_range (rand, 0, 10) == 0)
            {
              mw_network_add_tie (network, actor, mw_network_get_actor (network, g_rand_int_range (rand, 0, i)),
                                  MW_TIE_REPORTS, 1, NULL);
              ties++;
            }
        }
    }
  /* below: everyone but the first has a manager anywhere, one in four two */
  for (guint i = 1; shape == SHAPE_TANGLED && i < n; i++)
    for (guint k = 0; k < (g_rand_int_range (rand, 0, 4) == 0 ? 2u : 1u); k++)
      {
        guint manager = g_rand_int_range (rand, 0, n - 1);

        mw_network_add_tie (network, mw_network_get_actor (network, i),
                            mw_network_get_actor (network, manager >= i ? manager + 1 : manager),
                            MW_TIE_REPORTS, 1, NULL);
        ties++;
      }
  while (n > 1 && ties < m)
    {
      MwActor *a = mw_network_get_actor (network, g_rand_int_range (rand, 0, n));
      MwActor *b = mw_network_get_actor (network, g_rand_int_range (rand, 0, n));

      if (a == b)
        continue;
      mw_network_add_tie (network, a, b, g_rand_int_range (rand, MW_TIE_COLLABORATES, MW_N_TIE_TYPES), 1, NULL);
      ties++;
    }
  mw_network_end_batch (network);
  return network;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
peak_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Median wall-clock time of mw_scores_compute() right after toggling one
 * flag, and the median CPU time (steadier on a shared machine): of every
 * thread, and of the calling thread alone (its helper runs beside it, so
 * on an idle two-core machine this is about the wall time). */
static double
time_rescoring (MwNetwork *network,
                guint      runs,
                double    *slowest,
                double    *cpu,
                double    *own_cpu)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree double *cpu_times = g_new (double, runs);
  g_autofree double *own_times = g_new (double, runs);
  guint n = mw_network_get_n_actors (network);

  *slowest = 0;
  for (guint r = 0; r < runs; r++)
    {
      MwActor *actor = mw_network_get_actor (network, (r * 7919) % n);
      gint64 start;
      double cpu_start, own_start;

      mw_network_set_actor_initiative (network, actor, !actor->initiative);
      start = g_get_monotonic_time ();
      cpu_start = cpu_ms ();
      own_start = thread_cpu_ms ();
      mw_scores_unref (mw_scores_compute (network));
      own_times[r] = thread_cpu_ms () - own_start;
      cpu_times[r] = cpu_ms () - cpu_start;
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      *slowest = MAX (*slowest, times[r]);
    }
  *cpu = median (cpu_times, runs);
  *own_cpu = median (own_times, runs);
  return median (times, runs);
}

/* The app scores a large network on a copy in a worker thread
 * (mw-scorer.c); the copy is made on the UI thread. */
static void
time_copy (MwNetwork *network,
           guint      runs)
{
  g_autofree double *times = g_new (double, runs);
  g_autofree double *cpu_times = g_new (double, runs);
  g_autofree double *free_times = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      MwNetwork *copy = mw_network_copy (network);

      cpu_times[r] = cpu_ms () - cpu_start;
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      cpu_start = cpu_ms ();
      g_object_unref (copy);
      free_times[r] = cpu_ms () - cpu_start;
    }
  printf ("  copy for the worker (mw_network_copy, UI thread): median %.2f ms (CPU %.2f ms); "
          "freeing it CPU %.2f ms\n", median (times, runs), median (cpu_times, runs),
          median (free_times, runs));
}

static void
scorer_done_cb (MwScorer   *scorer,
                GParamSpec *pspec,
                gboolean   *done)
{
  if (!mw_scorer_get_busy (scorer))
    *done = TRUE;
}

static double edit_cpu_start;

/* Wall time since @start until the scorer is idle; the CPU time of the
 * whole process (UI thread, worker and its helper) in *cpu. */
static double
wait_scored (MwScorer *scorer,
             gboolean *done,
             gint64    start,
             double   *cpu)
{
  while (!*done)
    g_main_context_iteration (NULL, TRUE);
  *done = FALSE;
  *cpu = cpu_ms () - edit_cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static gint64
edit_begins (void)
{
  edit_cpu_start = cpu_ms ();
  return g_get_monotonic_time ();
}

/* The app's path (mw-scorer.c): first scores, then one edit of each kind
 * until the worker's new scores are in. */
static void
time_scorer (MwNetwork *network)
{
  g_autoptr(MwScorer) scorer = NULL;
  guint n = mw_network_get_n_actors (network);
  gboolean done = FALSE;
  gint64 start = edit_begins ();
  double wall, cpu;
  MwTie *tie;
  MwActor *actor;

  scorer = mw_scorer_new (network);
  g_signal_connect (scorer, "notify::busy", G_CALLBACK (scorer_done_cb), &done);
  g_signal_connect (scorer, "notify::scores", G_CALLBACK (scorer_done_cb), &done);
  wall = wait_scored (scorer, &done, start, &cpu);
  printf ("  app's scorer, edit → new scores, wall (CPU of all threads):\n"
          "    first scores %.0f ms (%.0f ms)", wall, cpu);

  start = edit_begins ();
  tie = mw_network_add_tie (network, mw_network_get_actor (network, 1), mw_network_get_actor (network, n - 2),
                            MW_TIE_COLLABORATES, 1, NULL);
  wall = wait_scored (scorer, &done, start, &cpu);
  printf (", tie added %.0f ms (%.0f ms)", wall, cpu);

  start = edit_begins ();
  mw_network_remove_tie (network, tie);
  wall = wait_scored (scorer, &done, start, &cpu);
  printf (", tie removed %.0f ms (%.0f ms)\n", wall, cpu);

  start = edit_begins ();
  actor = mw_network_get_actor (network, n / 3);
  mw_network_set_actor_unit (network, actor, "Unit 0");
  mw_network_set_actor_unit (network, actor, "Unit 1");
  wall = wait_scored (scorer, &done, start, &cpu);
  printf ("    unit changed %.0f ms (%.0f ms)", wall, cpu);

  start = edit_begins ();
  mw_network_begin_batch (network, "batch");
  mw_network_set_actor_purpose (network, actor, !actor->purpose);
  mw_network_end_batch (network);
  wall = wait_scored (scorer, &done, start, &cpu);
  printf (", a batch (copied again) %.0f ms (%.0f ms)\n", wall, cpu);
}

static const char *igraph_script =
  "import sys, time\n"
  "import igraph\n"
  "n, k = int(sys.argv[2]), int(sys.argv[3])\n"
  "und, lead = [], []\n"
  "for line in open(sys.argv[1]):\n"
  "    kind, a, b = line.split()\n"
  "    (und if kind == 'u' else lead).append((int(a), int(b)))\n"
  "g = igraph.Graph(n=n, edges=und).simplify()\n"
  "l = igraph.Graph(n=n, edges=lead, directed=True).simplify()\n"
  "def best(f, runs=5):\n"
  "    t = []\n"
  "    for _ in range(runs):\n"
  "        s = time.perf_counter(); f(); t.append(time.perf_counter() - s)\n"
  "    return sorted(t)[len(t) // 2] * 1000\n"
  "print(best(lambda: g.articulation_points()))\n"
  "print(best(lambda: g.distances(source=list(range(k))), 3))\n"
  "print(best(lambda: l.reciprocity(ignore_loops=True, mode='default')))\n";

/* The first Python that has igraph, or NULL. */
static char *
find_python (void)
{
  const char *candidates[] = { "python3", "/usr/bin/python3" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *path = g_find_program_in_path (candidates[i]);
      const char *argv[] = { path, "-c", "import igraph", NULL };
      int status = -1;

      if (path != NULL &&
          g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, &status, NULL) &&
          g_spawn_check_wait_status (status, NULL))
        return g_steal_pointer (&path);
    }
  return NULL;
}

static gboolean
write_edges (MwGraph    *graph,
             const char *path)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = mw_graph_get_n (graph);

  for (guint v = 0; v < n; v++)
    {
      guint n_nb;
      const guint *nb = mw_graph_out (graph, MW_GRAPH_ALL, v, &n_nb);

      for (guint k = 0; k < n_nb; k++)
        if (nb[k] > v)
          g_string_append_printf (text, "u %u %u\n", v, nb[k]);
      nb = mw_graph_out (graph, MW_GRAPH_LEADERSHIP, v, &n_nb);
      for (guint k = 0; k < n_nb; k++)
        g_string_append_printf (text, "l %u %u\n", v, nb[k]);
    }
  return g_file_set_contents (path, text->str, text->len, NULL);
}

static double
time_ms (void (*run) (MwGraph *, guint), MwGraph *graph, guint k, guint runs)
{
  g_autofree double *times = g_new (double, runs);

  for (guint r = 0; r < runs; r++)
    {
      gint64 start = g_get_monotonic_time ();
      run (graph, k);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }
  return median (times, runs);
}

static void
run_articulation (MwGraph *graph, guint k)
{
  g_array_unref (mw_graph_articulation_points (graph, NULL));
}

static void
run_bfs (MwGraph *graph, guint k)
{
  g_autofree guint *sources = g_new (guint, k);

  for (guint i = 0; i < k; i++)
    sources[i] = i;
  mw_graph_efficiency_from (graph, sources, k);
}

static void
run_reciprocity (MwGraph *graph, guint k)
{
  mw_graph_reciprocity (graph);
}

static void
compare_with_igraph (MwNetwork  *network,
                     const char *python)
{
  g_autoptr(MwGraph) graph = mw_graph_new (network);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "meshwork-bench-XXXXXX.edges", NULL);
  g_autofree char *n_text = g_strdup_printf ("%u", mw_graph_get_n (graph));
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const guint k = 32;
  g_autofree char *k_text = g_strdup_printf ("%u", k);
  const char *names[] = { "articulation points", "BFS from 32 sources", "reciprocity" };
  void (*runs[]) (MwGraph *, guint) = { run_articulation, run_bfs, run_reciprocity };
  int fd = g_mkstemp (path), status = -1;

  if (fd < 0)
    return;
  close (fd);
  if (!write_edges (graph, path))
    return;
  {
    const char *argv[] = { python, "-c", igraph_script, path, n_text, k_text, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                       &out, NULL, &status, NULL) || !g_spawn_check_wait_status (status, NULL))
      {
        printf ("  igraph: the comparison script failed; skipped\n");
        g_unlink (path);
        return;
      }
  }
  g_unlink (path);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (names) && lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      double ours = time_ms (runs[i], graph, k, 5);
      double theirs = g_ascii_strtod (lines[i], NULL);

      printf ("  %-22s meshwork %8.2f ms   igraph %8.2f ms   ratio %.2f\n",
              names[i], ours, theirs, theirs > 0 ? ours / theirs : 0);
    }
}

int
main (int    argc,
      char **argv)
{
  const struct { guint n, m, runs; Shape shape; } sizes[] = {
    { 2000, 10000, 41, SHAPE_FOREST },
    { 2000, 10000, 41, SHAPE_MATRIX },
    { 100000, 500000, 5, SHAPE_FOREST },
    { 100000, 500000, 5, SHAPE_MATRIX },
    { 10000, 50000, 11, SHAPE_FOREST },
    { 10000, 50000, 5, SHAPE_TANGLED },
    { 100000, 500000, 3, SHAPE_TANGLED },
  };
  static const char *shapes[] = { "", ", 10% with 2 managers", ", managers anywhere (reporting cycles)" };
  g_autofree char *python = find_python ();
  /* "10000 100000": only these sizes */
  g_auto(GStrv) only = g_strsplit (g_getenv ("MESHWORK_BENCH_SCORES_N") ?: "", " ", -1);

  printf ("Rescoring after one edit (mw_scores_compute, from scratch)\n");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(MwNetwork) network = NULL;
      double slowest, cpu, own_cpu, med, model;

      g_autofree char *size = g_strdup_printf ("%u", sizes[s].n);

      if (only[0] != NULL && !g_strv_contains ((const char * const *) only, size))
        continue;
      network = generate (sizes[s].n, sizes[s].m, 2017 + s, sizes[s].shape);
      model = peak_mib ();

      med = time_rescoring (network, sizes[s].runs, &slowest, &cpu, &own_cpu);
      printf ("%7u actors %7u ties%s:\n  median %.2f ms (CPU %.2f ms, of the calling thread %.2f ms), "
              "slowest %.2f ms (%u runs), peak RSS %.0f MiB (%.0f MiB before scoring)\n",
              sizes[s].n, sizes[s].m, shapes[sizes[s].shape],
              med, cpu, own_cpu, slowest, sizes[s].runs, peak_mib (), model);
      time_copy (network, 3);
      time_scorer (network);
      if (sizes[s].shape != SHAPE_FOREST)
        continue;
      if (python != NULL)
        compare_with_igraph (network, python);
      else if (s == 0)
        printf ("  igraph: python3-igraph is not installed; comparison skipped\n");
    }
  return 0;
}
