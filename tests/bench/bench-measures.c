/* bench-measures.c: per-actor measures and interpretation at scale
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints its figures; never fails on time. Betweenness at 2,000 actors /
 * 10,000 ties (exact, and from a sample to see its real error against the
 * exact values) and at 100,000 / 500,000 (sampled within the budget, with
 * the bound it states); the interpretation of 100,000 actors (preview,
 * apply as one step, undo). Times are CPU times (the machine may be
 * shared). Memory is the process's peak RSS so far, the
 * sizes run smallest first.
 */

#include <math.h>
#include <stdio.h>
#include <sys/resource.h>

#include <glib.h>

#include "mw-actor-measures.h"
#include "mw-interpret.h"

static double
peak_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* CPU time of this process: the machine's other load does not count. */
static double
now_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

/* A foreign-looking digraph: random influence ties, a `relation` on each
 * tie and a `sector` on each actor, as another tool would write them. */
static MwNetwork *
generate (guint n,
          guint m,
          guint seed)
{
  static const char * const relations[] = { "advice", "friend", "reports to", "information" };
  static const char * const sectors[] = { "public", "private", "nonprofit" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  MwNetwork *network = mw_network_new ();
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  mw_network_begin_batch (network, "Generate");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_attr (network, actor, "sector", sectors[g_rand_int_range (rand, 0, 3)]);
      g_ptr_array_add (actors, actor);
    }
  for (guint i = 0; i < m; i++)
    {
      guint from = g_rand_int_range (rand, 0, n);
      guint to = (from + 1 + g_rand_int_range (rand, 0, n - 1)) % n;
      MwTie *tie = mw_network_add_tie (network, g_ptr_array_index (actors, from),
                                       g_ptr_array_index (actors, to), MW_TIE_INFLUENCES, 1, NULL);

      mw_network_set_tie_attr (network, tie, "relation", relations[g_rand_int_range (rand, 0, 4)]);
    }
  mw_network_end_batch (network);

  return network;
}

static void
bench_betweenness (guint n,
                   guint m,
                   guint sample)
{
  g_autoptr(MwNetwork) network = generate (n, m, 20);
  g_autoptr(MwActorMeasures) measures = NULL;
  guint n_sources;
  double start, elapsed, bound;

  start = now_ms ();
  measures = mw_actor_measures_compute (network, 0);
  elapsed = now_ms () - start;
  mw_actor_measures_is_sampled (measures, &n_sources, &bound);
  printf ("all measures, %6u actors / %6u ties: %8.1f ms, %s from %u sources (bound ± %.4f), peak RSS %.0f MiB\n",
          n, m, elapsed, n_sources < n ? "sampled" : "exact", n_sources, bound, peak_mib ());

  if (n_sources == n && sample > 0)
    {
      g_autoptr(MwActorMeasures) sampled = NULL;
      double worst = 0, mean = 0, largest = 0;

      start = now_ms ();
      sampled = mw_actor_measures_compute (network, sample);
      elapsed = now_ms () - start;
      mw_actor_measures_is_sampled (sampled, &n_sources, &bound);
      for (guint v = 0; v < n; v++)
        {
          double error = fabs (mw_actor_measures_betweenness (sampled, v) - mw_actor_measures_betweenness (measures, v));

          worst = MAX (worst, error);
          mean += error / n;
          largest = MAX (largest, mw_actor_measures_betweenness (measures, v));
        }
      printf ("  sampled from %u sources:                %8.1f ms, error mean %.2e, worst %.2e "
              "(largest value %.2e, stated bound ± %.4f)\n",
              n_sources, elapsed, mean, worst, largest, bound);
    }
}

static void
bench_interpret (guint n,
                 guint m)
{
  g_autoptr(MwNetwork) network = generate (n, m, 7);
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(MwInterpretPlan) plan = mw_interpret_plan_new ();
  g_autoptr(MwInterpretPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  double start, preview_ms, apply_ms, undo_ms;

  mw_interpret_plan_set_ties_from (plan, "relation:friend=collaborates,information=influences", &error);
  mw_interpret_plan_set_kinds_from (plan, "sector:*=organisation", &error);
  plan->org = MW_INTERPRET_ATTRIBUTE;
  plan->org_attr = g_strdup ("sector");

  start = now_ms ();
  preview = mw_interpret_preview (network, plan);
  preview_ms = now_ms () - start;
  start = now_ms ();
  if (!mw_interpret_apply (history, plan, &error))
    g_error ("%s", error->message);
  apply_ms = now_ms () - start;
  start = now_ms ();
  mw_history_undo (history);
  undo_ms = now_ms () - start;

  printf ("interpret %u actors / %u ties: preview %.1f ms, apply (one step) %.1f ms, undo %.1f ms, "
          "peak RSS %.0f MiB\n", n, m, preview_ms, apply_ms, undo_ms, peak_mib ());
}

int
main (int    argc,
      char **argv)
{
  printf ("betweenness budget: %.0f steps (sources × (actors + ties)), at least %u sources\n",
          MW_BETWEENNESS_BUDGET, MW_BETWEENNESS_MIN_SOURCES);
  bench_betweenness (2000, 10000, 64);
  bench_betweenness (5000, 25000, 0);
  bench_betweenness (100000, 500000, 0);
  bench_interpret (100000, 500000);
  return 0;
}
