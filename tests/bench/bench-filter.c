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
 * and how long until its scores follow; last, at 10,000 and 100,000 actors
 * of an organisation (a reporting forest), how long from choosing the
 * filtered view to its first scores while the whole network is still being
 * scored (right after an edit, and right after the load), and whether the
 * whole network's run going then had ended first, and how long from
 * choosing another filter to its scores while the filtered view's own run
 * for the previous filter (most of the network) is going (only these with
 * --scope). CPU times are the process's (all
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
  g_autoptr(MwNetwork) copy = NULL;
  g_autoptr(MwNetwork) patched = NULL;
  g_autoptr(MwScores) scores = NULL;
  g_autoptr(GHashTable) actor_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) tie_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(MwFilterPatch) patch = NULL;
  double made_cpu, made_wall, patched_cpu;

  start = now_ms ();
  wall = wall_ms ();
  shown = mw_filter_apply_network (filter, network);
  made_cpu = now_ms () - start;
  made_wall = wall_ms () - wall;
  /* From a copy behind the network by one actor and one tie, as while the
   * whole network's run reads it. */
  copy = mw_network_copy (network);
  g_hash_table_add (actor_ids, g_strdup (mw_network_get_actor (network, 5)->id));
  g_hash_table_add (tie_ids, g_strdup (mw_network_get_tie (network, 5)->id));
  patch = mw_filter_patch_new (network, actor_ids, tie_ids);
  start = now_ms ();
  patched = mw_filter_apply_network_patched (filter, copy, patch);
  patched_cpu = now_ms () - start;
  start = now_ms ();
  wall = wall_ms ();
  scores = mw_scores_compute (shown);
  printf ("  %-22s %7u actors %8u ties  made %7.1f ms (%7.1f wall), before %7.1f ms (%7.1f wall)"
          "  scored %8.1f ms (%8.1f wall)  peak %.0f MiB;  made from a copy and a patch %7.1f ms\n", name,
          mw_network_get_n_actors (shown), mw_network_get_n_ties (shown), made_cpu, made_wall, before_cpu,
          before_wall, now_ms () - start, wall_ms () - wall, peak_mib (), patched_cpu);
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

/* Runs the main loop until @filtered has its first scores; returns the
 * wall time since @started, and in *whole_first whether @whole's scores
 * (@before when the view was chosen) came first. */
static double
until_first_scores (MwScorer *whole,
                    MwScorer *filtered,
                    MwScores *before,
                    double    started,
                    gboolean *whole_first)
{
  while (mw_scorer_get_busy (filtered) || mw_scorer_get_scores (filtered) == NULL)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (200);
  *whole_first = mw_scorer_get_scores (whole) != before;
  return wall_ms () - started;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

#define N_TRIES 5

static void
print_first_scores (const char *when,
                    double     *first,
                    double     *whole_done,
                    guint       n_whole_first)
{
  qsort (first, N_TRIES, sizeof (double), compare_doubles);
  qsort (whole_done, N_TRIES, sizeof (double), compare_doubles);
  printf ("  one organisation's view chosen %-20s first scores after %6.1f ms wall (median of %d; %.1f–%.1f), "
          "the whole network's after %6.1f ms; the whole network's run going then ended first %u of %d "
          "times\n", when, first[N_TRIES / 2], N_TRIES, first[0], first[N_TRIES - 1], whole_done[N_TRIES / 2],
          n_whole_first, N_TRIES);
}

/* The filtered view chosen while the whole network is scored: right after
 * two edits (the whole network's run for the first going, the second
 * behind it), and right after the load (the scorer made with the load's
 * copy, its first run going). */
static void
choose_while_scoring (MwNetwork      *network,
                      const MwFilter *filter)
{
  double first[N_TRIES], whole_done[N_TRIES], wall;
  guint n_whole_first = 0;
  g_autoptr(MwScorer) whole = mw_scorer_new (network);

  settle (whole, whole, wall_ms (), &wall);
  printf ("  the whole network scored by its scorer in %.1f ms wall\n", wall);
  for (guint i = 0; i < N_TRIES; i++)
    {
      g_autoptr(MwScorer) filtered = NULL;
      g_autoptr(MwScores) before = NULL;
      gboolean whole_first;
      double started;

      mw_network_set_actor_org (network, mw_network_get_actor (network, 1 + i), "Org 3");
      /* the whole network's run starts at idle; the next edit lands behind it */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      mw_network_set_actor_org (network, mw_network_get_actor (network, 11 + i), "Org 3");
      before = mw_scores_ref (mw_scorer_get_scores (whole));
      started = wall_ms ();
      filtered = mw_scorer_new_filtered (whole, filter);
      first[i] = until_first_scores (whole, filtered, before, started, &whole_first);
      n_whole_first += whole_first;
      settle (whole, whole, started, &whole_done[i]);
      settle (whole, filtered, wall_ms (), &wall);
    }
  print_first_scores ("right after an edit:", first, whole_done, n_whole_first);

  n_whole_first = 0;
  for (guint i = 0; i < N_TRIES; i++)
    {
      g_autoptr(MwNetwork) copy = mw_network_copy (network);
      g_autoptr(MwScorer) loaded = mw_scorer_new_with_copy (network, copy);
      g_autoptr(MwScorer) filtered = NULL;
      gboolean whole_first;
      double started = wall_ms ();

      filtered = mw_scorer_new_filtered (loaded, filter);
      first[i] = until_first_scores (loaded, filtered, NULL, started, &whole_first);
      n_whole_first += whole_first;
      settle (loaded, loaded, started, &whole_done[i]);
      settle (loaded, filtered, wall_ms (), &wall);
    }
  print_first_scores ("right after the load:", first, whole_done, n_whole_first);
}

/* Another filter chosen while the filtered view's own run for the previous
 * one goes: most of the network (all but the reporting lines), then, once
 * that run has begun, one organisation; the wait for the organisation's
 * scores, and the same filter chosen with no run going. */
static void
choose_while_view_scoring (MwNetwork      *network,
                           const MwFilter *filter)
{
  g_autoptr(MwScorer) whole = mw_scorer_new (network);
  g_autoptr(MwScorer) filtered = NULL;
  g_autoptr(MwFilter) most = mw_filter_new ();
  double waited[N_TRIES], alone[N_TRIES], wall;

  most->tie_types &= ~(1u << MW_TIE_REPORTS);
  settle (whole, whole, wall_ms (), &wall);
  filtered = mw_scorer_new_filtered (whole, filter);
  settle (whole, filtered, wall_ms (), &wall);
  for (guint i = 0; i < N_TRIES; i++)
    {
      double started;

      mw_scorer_set_filter (filtered, most);
      /* the view's run starts at idle and reads for a while */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (50 * 1000);
      started = wall_ms ();
      mw_scorer_set_filter (filtered, filter);
      settle (whole, filtered, started, &waited[i]);

      mw_scorer_set_filter (filtered, most);
      settle (whole, filtered, wall_ms (), &wall);
      if (i == 0)
        printf ("  the view of all but the reporting lines (%u actors) made and scored in %.1f ms wall\n",
                mw_network_get_n_actors (mw_scorer_get_scored_network (filtered)), wall);
      started = wall_ms ();
      mw_scorer_set_filter (filtered, filter);
      settle (whole, filtered, started, &alone[i]);
    }
  qsort (waited, N_TRIES, sizeof (double), compare_doubles);
  qsort (alone, N_TRIES, sizeof (double), compare_doubles);
  printf ("  one organisation chosen while the view of most was scored: its scores after %6.1f ms wall "
          "(median of %d; %.1f–%.1f); with no run going %6.1f ms (%.1f–%.1f)\n", waited[N_TRIES / 2], N_TRIES,
          waited[0], waited[N_TRIES - 1], alone[N_TRIES / 2], alone[0], alone[N_TRIES - 1]);
}

/* An organisation: everyone but the first reports to someone hired before,
 * and has four ties of the other types, two to colleagues near them in the
 * tree and two to anyone; ten organisations. */
static MwNetwork *
generate_org (guint n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2020);
  MwNetwork *network = mw_network_new ();

  mw_network_begin_batch (network, "Generate");
  for (guint i = 0; i < n; i++)
    {
      char id[16], org[16], unit[16];
      MwActor *actor;

      g_snprintf (id, sizeof id, "p%u", i);
      g_snprintf (org, sizeof org, "Org %u", i % 10);
      g_snprintf (unit, sizeof unit, "Unit %u", i % 80);
      actor = mw_network_add_actor (network, id, NULL, MW_ACTOR_PERSON, NULL);
      mw_network_set_actor_org (network, actor, org);
      mw_network_set_actor_unit (network, actor, unit);
      if (i > 0)
        mw_network_add_tie (network, actor, mw_network_get_actor (network, g_rand_int_range (rand, i / 2, i)),
                            MW_TIE_REPORTS, 1, NULL);
    }
  for (guint i = 0; i < 4 * n; i++)
    {
      guint from = i / 4;
      guint near = i % 4 < 2 ? MIN (n - 1, 40u) : n - 1;
      guint to = (from + 1 + g_rand_int_range (rand, 0, near)) % n;

      mw_network_add_tie (network, mw_network_get_actor (network, from), mw_network_get_actor (network, to),
                          g_rand_int_range (rand, MW_TIE_COLLABORATES, MW_N_TIE_TYPES), 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

int
main (int argc, char *argv[])
{
  const guint sizes[][2] = { { 10000, 50000 }, { 100000, 500000 } };

  /* Each line as soon as it is measured: the large size takes minutes. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  /* "--scope": only the filtered view chosen while the whole is scored */
  for (guint s = argc > 1 && g_strcmp0 (argv[1], "--scope") == 0 ? G_N_ELEMENTS (sizes) : 0;
       s < G_N_ELEMENTS (sizes); s++)
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
  for (guint n = 10000; n <= 100000; n *= 10)
    {
      g_autoptr(MwNetwork) network = generate_org (n);
      g_autoptr(MwFilter) org = mw_filter_new ();

      printf ("%u actors of an organisation, %u ties:\n", n, mw_network_get_n_ties (network));
      org->org = g_strdup ("Org 3");
      choose_while_scoring (network, org);
      choose_while_view_scoring (network, org);
    }
  return 0;
}
