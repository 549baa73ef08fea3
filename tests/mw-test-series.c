/* mw-test-series.c: a series of five snapshots, an organisation growing from a pyramid into a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mw-test-series.h"

#include "mw-format.h"
#include "mw-series.h"
#include "mw-templates.h"

static const char *dates[MW_TEST_SERIES_N_SNAPSHOTS] = {
  "2025-03-31", "2025-06-30", "2025-09-30", NULL, NULL,
};
static const char *titles[MW_TEST_SERIES_N_SNAPSHOTS] = {
  "Pyramid", "First peers", "Newcomer", NULL, "Network",
};

/* Ties of @type from every @step-th person to the one @offset further. */
static void
add_ties (MwNetwork *network,
          MwTieType  type,
          guint      first,
          guint      step,
          guint      offset)
{
  guint n = mw_network_get_n_actors (network);

  for (guint i = first; i < n; i += step)
    {
      MwActor *from = mw_network_get_actor (network, i);
      MwActor *to = mw_network_get_actor (network, (i + offset) % n);

      if (from != to)
        mw_network_add_tie (network, from, to, type, 1, NULL);
    }
}

/* Each step edits the one before, as a team would over a year. */
static void
grow (MwNetwork *network,
      guint      step)
{
  MwActor *newcomer;

  switch (step)
    {
    case 1:
      add_ties (network, MW_TIE_COLLABORATES, 1, 4, 5);
      break;
    case 2:
      newcomer = mw_network_add_actor (network, "newcomer", "Nia Newcomer", MW_ACTOR_PERSON, NULL);
      mw_network_add_tie (network, newcomer, mw_network_get_actor (network, 0), MW_TIE_REPORTS, 1, NULL);
      mw_network_add_tie (network, newcomer, mw_network_get_actor (network, 3), MW_TIE_COLLABORATES, 1, NULL);
      add_ties (network, MW_TIE_INFLUENCES, 2, 3, 7);
      break;
    case 3:
      for (guint i = 1; i < mw_network_get_n_actors (network); i += 6)
        mw_network_set_actor_purpose (network, mw_network_get_actor (network, i), TRUE);
      mw_network_set_actor_initiative (network, mw_network_get_actor (network, 4), TRUE);
      mw_network_remove_actor (network, mw_network_get_actor (network, mw_network_get_n_actors (network) - 2));
      mw_network_set_attr (network, "date", "2025-12-31");
      break;
    case 4:
      mw_network_set_attr (network, "date", NULL);
      add_ties (network, MW_TIE_COLLABORATES, 0, 2, 9);
      add_ties (network, MW_TIE_CHECKS, 3, 5, 2);
      break;
    default:
      break;
    }
}

char *
mw_test_write_series (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_template_build ("pyramid", 24, 1, &error);
  g_autoptr(MwSeries) series = mw_series_new ();
  char *series_path = g_build_filename (folder, "growth" MW_SERIES_EXTENSION, NULL);

  g_assert_no_error (error);
  for (guint step = 0; step < MW_TEST_SERIES_N_SNAPSHOTS; step++)
    {
      g_autofree char *name = g_strdup_printf ("snapshot-%u.gv", step + 1);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      grow (network, step);
      mw_format_save_file (MW_FORMAT_DOT, network, path, &error);
      g_assert_no_error (error);
      mw_series_add (series, path, dates[step], titles[step]);
    }
  mw_series_save (series, series_path, &error);
  g_assert_no_error (error);
  return series_path;
}
