/* bench-report.c: how long the report of a large organisation takes (prints, never fails on time)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <stdio.h>

#include "mw-format.h"
#include "mw-report.h"
#include "mw-scorer-suggest.h"
#include "mw-scores.h"
#include "mw-test-networks.h"

static void
measure (guint    n_actors,
         gboolean anonymise)
{
  g_autofree char *path = mw_test_write_large_organisation (n_actors);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_format_load_file (MW_FORMAT_UNKNOWN, path, NULL, &error);
  g_autoptr(GTimer) timer = NULL;
  g_autoptr(GBytes) pdf = NULL;
  MwReportSnapshot snapshot = { NULL, NULL, "large" };
  MwReportOptions options;
  double scores_s, suggest_s, total_s;

  g_assert_no_error (error);
  g_unlink (path);
  snapshot.network = network;

  /* the parts that cost most, alone, then the whole report */
  timer = g_timer_new ();
  mw_scores_unref (mw_scores_compute (network));
  scores_s = g_timer_elapsed (timer, NULL);
  g_timer_start (timer);
  g_ptr_array_unref (mw_suggest (network, MW_SUGGEST_MAX, NULL));
  suggest_s = g_timer_elapsed (timer, NULL);

  mw_report_options_init (&options);
  options.anonymise = anonymise;
  g_timer_start (timer);
  pdf = mw_report_to_bytes (&snapshot, 1, &options, NULL, &error);
  total_s = g_timer_elapsed (timer, NULL);
  g_assert_no_error (error);
  /* to look at the pages: BENCH_REPORT_OUT=large.pdf */
  if (!anonymise && g_getenv ("BENCH_REPORT_OUT") != NULL)
    g_file_set_contents (g_getenv ("BENCH_REPORT_OUT"), g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);

  printf ("report of %u actors, %u ties%s: %.2f s (target ≤ 5 s; scoring %.2f s, suggestions %.2f s), %.0f KiB\n",
          mw_network_get_n_actors (network), mw_network_get_n_ties (network), anonymise ? ", anonymised" : "",
          total_s, scores_s, suggest_s, g_bytes_get_size (pdf) / 1024.0);
}

int
main (void)
{
  measure (2000, FALSE);
  measure (2000, TRUE);
  return 0;
}
