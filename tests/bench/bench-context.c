/* bench-context.c: how often the context reader names the context a
 * network was drawn as, per drawing style and context
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints its figures; never fails. Goal (issue 15): at least 90 % on each
 * style, "undetermined" counting as a miss. The networks come from
 * tests/mw-test-networks.c, in sizes from 8 to 400 actors and many seeds;
 * the last lines time the reader on one large network per context.
 */

#include <stdio.h>

#include "mw-scores.h"
#include "mw-test-networks.h"

static const guint sizes[] = { 8, 12, 20, 40, 80, 160, 400 };
#define N_SEEDS 12

static void
print_misses (MwScoreContext context,
              MwTestStyle    style,
              guint          size,
              guint32        seed,
              MwScores      *scores)
{
  if (g_getenv ("BENCH_CONTEXT_VERBOSE") == NULL)
    return;
  printf ("    miss: %s/%s size %u seed %u → %s: %s\n", mw_score_context_to_string (context),
          mw_test_style_name (style), size, seed,
          mw_score_context_to_string (mw_scores_get_context (scores)), mw_scores_get_context_reason (scores));
}

/* Returns the share of hits for one style and context. */
static double
accuracy (MwScoreContext context,
          MwTestStyle    style)
{
  guint hits = 0, total = 0;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint32 seed = 1; seed <= N_SEEDS; seed++, total++)
      {
        g_autoptr(MwNetwork) network = mw_test_network_generate (context, style, sizes[s], seed);
        g_autoptr(MwScores) scores = mw_scores_compute (network);

        if (mw_scores_get_context (scores) == context)
          hits++;
        else
          print_misses (context, style, sizes[s], seed, scores);
      }

  return (double) hits / total;
}

static void
time_large (void)
{
  for (MwScoreContext c = 0; c < MW_N_SCORE_CONTEXTS; c++)
    {
      g_autoptr(MwNetwork) network = NULL;
      g_autoptr(MwScores) scores = NULL;
      gint64 start;

      if (!mw_test_context_drawable (c))
        continue;
      network = mw_test_network_generate (c, MW_TEST_STYLE_PLAIN, 20000, 1);
      start = g_get_monotonic_time ();
      scores = mw_scores_compute (network);
      printf ("%-20s 20,000 actors: scored in %.0f ms, read as %s\n", mw_score_context_to_string (c),
              (g_get_monotonic_time () - start) / 1000.0, mw_score_context_to_string (mw_scores_get_context (scores)));
    }
}

int
main (void)
{
  double worst = 1;

  printf ("Context reader accuracy, %u sizes × %u seeds per cell\n\n%-12s", (guint) G_N_ELEMENTS (sizes), N_SEEDS, "style");
  for (MwScoreContext c = 0; c < MW_N_SCORE_CONTEXTS; c++)
    if (mw_test_context_drawable (c))
      printf (" %20s", mw_score_context_to_string (c));
  printf ("\n");

  for (MwTestStyle style = 0; style < MW_TEST_N_STYLES; style++)
    {
      printf ("%-12s", mw_test_style_name (style));
      for (MwScoreContext c = 0; c < MW_N_SCORE_CONTEXTS; c++)
        if (mw_test_context_drawable (c))
          {
            double a = accuracy (c, style);

            worst = MIN (worst, a);
            printf (" %19.0f%%", 100 * a);
          }
      printf ("\n");
      fflush (stdout);
    }
  printf ("\nlowest cell: %.0f%% (goal ≥ 90%%)\n\n", 100 * worst);
  time_large ();
  return 0;
}
