/* bench-filter.c: the filtered view as a network, and its scores, at scale
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints its figures; never fails on time. The score panel's Filtered View
 * scores the filter's network (mw_filter_apply_network()); this prints what
 * making it costs, the way it is made now (what is kept, alone) and the way
 * it was (a whole copy, then the faded actors and ties removed), next to
 * scoring it, at 10,000 and 100,000 actors, for a filter that keeps a tenth
 * (one organisation), one that keeps most (no reporting lines) and one by
 * value; then what an edit costs the UI thread with the filtered view's
 * scorer at work (mw_scorer_new_filtered(): made and scored in a worker),
 * and how long until its scores follow. CPU times are the process's (all
 * threads) or, per edit, the UI thread's; wall times are the clock's (the
 * machine may be shared).
 */

#define _GNU_SOURCE

#include <stdio.h>
#include <sys/resource.h>

#include <glib.h>

#include "mw-filter.h"
#include "mw-scorer.h"
#include "mw-scores.h"

static double
peak_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
cpu_ms (int who)
{
  struct rusage usage;

  getrusage (who, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static double
now_ms (void)
{
  return cpu_ms (RUSAGE_SELF);
}

static double
wall_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The filtered view as it was made before: a whole copy, then removals. */
static MwNetwork *
made_by_removal (const MwFilter *filter,
                 MwNetwork      *network)
{
  g_autoptr(MwItemSet) kept = mw_filter_apply (filter, network);
  MwNetwork *copy = mw_network_copy (network);

  for (guint i = mw_network_get_n_ties (copy); i-- > 0;)
    if (!mw_item_set_contains_tie (kept, mw_network_get_tie (network, i)))
      mw_network_remove_tie (copy, mw_network_get_tie (copy, i));
  for (guint i = mw_network_get_n_actors (copy); i-- > 0;)
    if (!mw_item_set_contains_actor (kept, mw_network_get_actor (network, i)))
      mw_network_remove_actor (copy, mw_network_get_actor (copy, i));
  return copy;
}

/* Ten organisations of ten units; every tie type; a `sector` on each actor. */
static MwNetwork *
generate (guint n,
          guint m)
{
  static const char * const sectors[] = { "public", "private", "nonprofit" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20);
  MwNetwork *network = mw_network_new ();
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();

  mw_network_begin_batch (network, "Generate");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *org = g_strdup_printf ("Org %u", i % 10);
      g_autofree char *unit = g_strdup_printf ("Unit %u", i % 100);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_org (network, actor, org);
      mw_network_set_actor_unit (network, actor, unit);
      mw_network_set_actor_attr (network, actor, "sector", sectors[g_rand_int_range (rand, 0, 3)]);
      g_ptr_array_add (actors, actor);
    }
  for (guint i = 0; i < m; i++)
    {
      guint from = g_rand_int_range (rand, 0, n);
      guint to = (from + 1 + g_rand_int_range (rand, 0, n - 1)) % n;

      mw_network_add_tie (network, g_ptr_array_index (actors, from), g_ptr_array_index (actors, to),
                          g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

static void
run (MwNetwork      *network,
     const char     *name,
     const MwFilter *filter)
{
  double start = now_ms (), wall = wall_ms ();
  g_autoptr(MwNetwork) before = made_by_removal (filter, network);
  double before_cpu = now_ms () - start, before_wall = wall_ms () - wall;
  g_autoptr(MwNetwork) shown = NULL;
  g_autoptr(MwScores) scores = NULL;
  double made_cpu, made_wall;

  start = now_ms ();
  wall = wall_ms ();
  shown = mw_filter_apply_network (filter, network);
  made_cpu = now_ms () - start;
  made_wall = wall_ms () - wall;
  start = now_ms ();
  wall = wall_ms ();
  scores = mw_scores_compute (shown);
  printf ("  %-22s %7u actors %8u ties  made %7.1f ms (%7.1f wall), before %7.1f ms (%7.1f wall)"
          "  scored %8.1f ms (%8.1f wall)  peak %.0f MiB\n", name,
          mw_network_get_n_actors (shown), mw_network_get_n_ties (shown), made_cpu, made_wall, before_cpu,
          before_wall, now_ms () - start, wall_ms () - wall, peak_mib ());
}

static gboolean
busy (MwScorer *whole,
      MwScorer *filtered)
{
  return mw_scorer_get_busy (whole) || mw_scorer_get_busy (filtered);
}

/* Runs the main loop until both are done; returns the UI thread's CPU
 * time spent meanwhile (the workers' not counted), and in *wall the time
 * until the filtered view's scores came. */
static double
settle (MwScorer *whole,
        MwScorer *filtered,
        double    started,
        double   *wall)
{
  double ui = 0;

  *wall = 0;
  while (TRUE)
    {
      double before = cpu_ms (RUSAGE_THREAD);
      gboolean dispatched = g_main_context_iteration (NULL, FALSE);

      ui += cpu_ms (RUSAGE_THREAD) - before;
      if (*wall == 0 && !mw_scorer_get_busy (filtered))
        *wall = wall_ms () - started;
      if (!dispatched && !busy (whole, filtered))
        break;
      if (!dispatched)
        g_usleep (500);
    }
  return ui;
}

/* Edits with the filtered view's scorer at work: what each costs the UI
 * thread (the edit, the copy's update, handing the work over), and how
 * long until the view's scores follow. */
static void
edit_live (MwNetwork      *network,
           const MwFilter *filter)
{
  g_autoptr(MwScorer) whole = mw_scorer_new (network);
  g_autoptr(MwScorer) filtered = NULL;
  double ui_total = 0, wall_total = 0, worst_ui = 0, wall;
  guint n_edits = 6;

  settle (whole, whole, wall_ms (), &wall);
  filtered = mw_scorer_new_filtered (whole, filter);
  settle (whole, filtered, wall_ms (), &wall);
  printf ("  live, one organisation: first view made and scored in %.1f ms wall\n", wall);
  for (guint i = 0; i < n_edits; i++)
    {
      MwActor *actor = mw_network_get_actor (network, 1 + i * 7);
      double started = wall_ms (), before = cpu_ms (RUSAGE_THREAD), ui;

      /* Into the view, out of it, and a tie: as people edit. */
      if (i % 3 == 0)
        mw_network_set_actor_org (network, actor, "Org 3");
      else if (i % 3 == 1)
        mw_network_set_actor_org (network, actor, "Org 4");
      else
        mw_network_remove_tie (network, mw_network_get_tie (network, i));
      ui = cpu_ms (RUSAGE_THREAD) - before;
      ui += settle (whole, filtered, started, &wall);
      ui_total += ui;
      worst_ui = MAX (worst_ui, ui);
      wall_total += wall;
    }
  printf ("  live, per edit: UI thread %.1f ms CPU (worst %.1f), the view's scores after %.1f ms wall\n",
          ui_total / n_edits, worst_ui, wall_total / n_edits);
}

int
main (int argc, char *argv[])
{
  const guint sizes[][2] = { { 10000, 50000 }, { 100000, 500000 } };

  /* Each line as soon as it is measured: the large size takes minutes. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(MwNetwork) network = generate (sizes[s][0], sizes[s][1]);
      g_autoptr(MwFilter) org = mw_filter_new ();
      g_autoptr(MwFilter) no_reports = mw_filter_new ();
      g_autoptr(MwFilter) value = mw_filter_new ();
      double start = now_ms (), wall = wall_ms ();
      g_autoptr(MwScores) whole = mw_scores_compute (network);

      printf ("%u actors, %u ties: the whole network scored in %.1f ms (%.1f wall)\n", sizes[s][0], sizes[s][1],
              now_ms () - start, wall_ms () - wall);
      org->org = g_strdup ("Org 3");
      no_reports->tie_types &= ~(1u << MW_TIE_REPORTS);
      no_reports->fade_isolates = TRUE;
      value->value = g_strdup ("nonprofit");
      run (network, "one organisation", org);
      run (network, "no reports, isolates", no_reports);
      run (network, "value \"nonprofit\"", value);
      /* The whole network's scorer rescores after every edit, and the
       * view follows its copy: at 100,000 actors this random network
       * takes minutes to score whole, too long for a run. */
      if (sizes[s][0] <= 10000)
        edit_live (network, org);
    }
  return 0;
}
