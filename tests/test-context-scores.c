/* test-context-scores.c: the scores tell the four context diagrams apart
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "mw-templates.h"
#include "mw-scores.h"

/* The template names, in the order of the cases below. */
enum { PYRAMID, HIERARCHY, FLAT, NIMBLE, CROSS_ORG, N_TEMPLATES };

static const char * const template_names[N_TEMPLATES] = {
  "pyramid", "hierarchy", "flat", "nimble", "cross-org",
};

/* Share of ties whose two ends belong to different organisations. */
static double
cross_org_share (MwNetwork *network)
{
  guint crossing = 0, n = mw_network_get_n_ties (network);

  for (guint i = 0; i < n; i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (*tie->from->org != '\0' && *tie->to->org != '\0' &&
          g_strcmp0 (tie->from->org, tie->to->org) != 0)
        crossing++;
    }

  return n > 0 ? (double)crossing / n : 0;
}

typedef struct
{
  guint size;
  guint32 seed;
} Case;

static void
test_templates_apart (gconstpointer data)
{
  const Case *c = data;
  MwScores *scores[N_TEMPLATES] = { NULL };
  double boundary[N_TEMPLATES];

  for (guint t = 0; t < N_TEMPLATES; t++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MwNetwork) network = mw_template_build (template_names[t], c->size, c->seed, &error);

      g_assert_no_error (error);
      scores[t] = mw_scores_compute (network);
      boundary[t] = cross_org_share (network);
    }

  /* the command-and-control pyramid is lowest on the index */
  for (guint t = HIERARCHY; t < N_TEMPLATES; t++)
    g_assert_cmpfloat (mw_scores_get_index (scores[PYRAMID]), <, mw_scores_get_index (scores[t]));

  /* flat and nimble are highest on influence and entrepreneurship */
  for (guint t = PYRAMID; t < N_TEMPLATES; t++)
    {
      if (t == FLAT || t == NIMBLE)
        continue;
      for (guint e = MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE; e <= MW_ELEMENT_LOCAL_ENTREPRENEURSHIP; e++)
        {
          double other = mw_scores_get_score (scores[t], e);

          g_assert_cmpfloat (mw_scores_get_score (scores[FLAT], e), >, other);
          g_assert_cmpfloat (mw_scores_get_score (scores[NIMBLE], e), >, other);
        }
    }

  /* the cross-organisational collaboration spans organisation boundaries most */
  for (guint t = PYRAMID; t < CROSS_ORG; t++)
    g_assert_cmpfloat (boundary[CROSS_ORG], >, boundary[t]);

  for (guint t = 0; t < N_TEMPLATES; t++)
    mw_scores_unref (scores[t]);
}

static void
test_context_match (gconstpointer data)
{
  const Case *c = data;
  static const MwScoreContext expected[N_TEMPLATES] = {
    MW_SCORE_CONTEXT_COMMAND_AND_CONTROL, MW_SCORE_CONTEXT_HIERARCHY, MW_SCORE_CONTEXT_FLAT,
    MW_SCORE_CONTEXT_NIMBLE, MW_SCORE_CONTEXT_CROSS_ORG,
  };

  for (guint t = 0; t < N_TEMPLATES; t++)
    {
      g_autoptr(MwNetwork) network = mw_template_build (template_names[t], c->size, c->seed, NULL);
      g_autoptr(MwScores) scores = mw_scores_compute (network);

      if (mw_scores_get_context (scores) != expected[t])
        g_error ("the %s template (size %u, seed %u) matches “%s”, not “%s”: %s",
                 template_names[t], c->size, c->seed,
                 mw_score_context_to_string (mw_scores_get_context (scores)),
                 mw_score_context_to_string (expected[t]),
                 mw_scores_get_context_reason (scores));
    }
}

int
main (int    argc,
      char **argv)
{
  static const guint sizes[] = { 16, 24, 60 };
  static Case cases[G_N_ELEMENTS (sizes) * 4];
  guint n = 0;

  g_test_init (&argc, &argv, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint32 seed = 1; seed <= 4; seed++, n++)
      {
        g_autofree char *apart = g_strdup_printf ("/context-scores/apart/size-%u/seed-%u", sizes[s], seed);
        g_autofree char *match = g_strdup_printf ("/context-scores/match/size-%u/seed-%u", sizes[s], seed);

        cases[n] = (Case) { sizes[s], seed };
        g_test_add_data_func (apart, &cases[n], test_templates_apart);
        g_test_add_data_func (match, &cases[n], test_context_match);
      }

  return g_test_run ();
}
