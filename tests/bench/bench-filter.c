/* bench-filter.c: the filtered view as a network, and its scores, at scale
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints its figures; never fails on time. The score panel's Filtered View
 * makes the filter's network again after each edit (on the UI thread) and
 * scores it (in a worker above 5,000 actors): this prints what making it
 * costs next to scoring it, at 10,000 and 100,000 actors, for a filter that
 * keeps a tenth (one organisation), one that keeps most (no reporting
 * lines) and one by value. Times are CPU times (the machine may be shared).
 */

#include <stdio.h>
#include <sys/resource.h>

#include <glib.h>

#include "mw-filter.h"
#include "mw-scores.h"

static double
peak_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
now_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
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
  double start = now_ms ();
  g_autoptr(MwNetwork) shown = mw_filter_apply_network (filter, network);
  double made = now_ms () - start;
  g_autoptr(MwScores) scores = NULL;

  start = now_ms ();
  scores = mw_scores_compute (shown);
  printf ("  %-22s %7u actors %8u ties  made in %8.1f ms  scored in %9.1f ms  peak %.0f MiB\n", name,
          mw_network_get_n_actors (shown), mw_network_get_n_ties (shown), made, now_ms () - start, peak_mib ());
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
      double start = now_ms ();
      g_autoptr(MwScores) whole = mw_scores_compute (network);

      printf ("%u actors, %u ties: the whole network scored in %.1f ms\n", sizes[s][0], sizes[s][1],
              now_ms () - start);
      org->org = g_strdup ("Org 3");
      no_reports->tie_types &= ~(1u << MW_TIE_REPORTS);
      no_reports->fade_isolates = TRUE;
      value->value = g_strdup ("nonprofit");
      run (network, "one organisation", org);
      run (network, "no reports, isolates", no_reports);
      run (network, "value \"nonprofit\"", value);
    }
  return 0;
}
