/* mw-score-context.c: which of Ancona & Backman's four contexts a network
 * resembles most
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-scores"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mw-score-elements-private.h"

/* Structural features the contexts are told apart by. */
typedef struct
{
  guint  depth;         /* hierarchy levels */
  double coverage;      /* share of people with a manager or reports */
  double structured;    /* share of people in the hierarchy or in a unit */
  guint  n_orgs;
  double cross_org;     /* share of working (non-reports) ties between organisations */
} Features;

static double
ramp (double x,
      double from,
      double to)
{
  return CLAMP ((x - from) / (to - from), 0.0, 1.0);
}

static void
measure_features (MwScoring *scoring,
                  Features  *f)
{
  guint in_hierarchy = 0, in_structure = 0, working = 0, crossing = 0;

  f->depth = mw_graph_hierarchy_depth (scoring->graph);
  f->n_orgs = mw_graph_n_orgs (scoring->graph);
  for (guint v = 0; v < scoring->n; v++)
    {
      MwActor *actor = mw_network_get_actor (scoring->network, v);

      gboolean formal = mw_actor_n_out (actor, MW_TIE_REPORTS) > 0 || mw_actor_n_in (actor, MW_TIE_REPORTS) > 0;

      if (!scoring->person[v])
        continue;
      in_hierarchy += formal;
      in_structure += formal || actor->unit[0] != '\0';
    }
  for (guint i = 0; i < scoring->n_ties; i++)
    {
      const MwGraphTie *tie = &scoring->ties[i];
      guint a = mw_graph_org (scoring->graph, tie->from);
      guint b = mw_graph_org (scoring->graph, tie->to);

      if (tie->type == MW_TIE_REPORTS || tie->from == tie->to)
        continue;
      working++;
      if (a != G_MAXUINT && b != G_MAXUINT && a != b)
        crossing++;
    }
  f->coverage = scoring->n_people > 0 ? (double) in_hierarchy / scoring->n_people : 0;
  f->structured = scoring->n_people > 0 ? (double) in_structure / scoring->n_people : 0;
  f->cross_org = working > 0 ? (double) crossing / working : 0;
}

static char *
describe (MwScoreContext  context,
          const Features *f,
          double          index)
{
  switch (context)
    {
    case MW_SCORE_CONTEXT_HIERARCHY:
      return g_strdup_printf (_("A formal hierarchy of %u levels covers %.0f%% of the people; distributed leadership index %.0f"),
                              f->depth, 100 * f->coverage, index);
    case MW_SCORE_CONTEXT_FLAT:
      return g_strdup_printf (_("Units or teams but few levels (%u); distributed leadership index %.0f"),
                              f->depth, index);
    case MW_SCORE_CONTEXT_NIMBLE:
      return g_strdup_printf (_("%.0f%% of the people have no manager, reports or unit: a network without formal lines; distributed leadership index %.0f"),
                              100 * (1 - f->structured), index);
    case MW_SCORE_CONTEXT_CROSS_ORG:
      return g_strdup_printf (_("%u organisations; %.0f%% of the working ties run between them"),
                              f->n_orgs, 100 * f->cross_org);
    case MW_N_SCORE_CONTEXTS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* Each context gets a fit in [0, 1] from the features (docs/scoring.md); the
 * best fit wins, ties going to the earlier context, and the confidence is
 * the winner's fit less half the runner-up's. */
void
_mw_score_context (MwScores  *self,
                   MwScoring *scoring)
{
  Features f;
  double deep, spread, cross, best = -1, second = 0;

  measure_features (scoring, &f);
  deep = ramp (f.depth, 2, 4);                  /* more than a coordinator level */
  spread = self->index / 100;
  cross = f.n_orgs >= 2 ? ramp (f.cross_org, 0.05, 0.3) : 0;

  /* Organisations joined by many ties are a cross-organisational context
   * even when each keeps its own hierarchy inside. */
  self->fit[MW_SCORE_CONTEXT_HIERARCHY] = f.coverage * deep * (1 - cross / 2);
  /* Flat organisations keep a formal frame (units, a coordinator level);
   * nimble networks have no formal boundary or line at all. */
  self->fit[MW_SCORE_CONTEXT_FLAT] = f.structured * (1 - deep) * (0.5 + 0.5 * spread);
  self->fit[MW_SCORE_CONTEXT_NIMBLE] = (1 - f.structured) * (0.5 + 0.5 * spread);
  self->fit[MW_SCORE_CONTEXT_CROSS_ORG] = cross;

  for (guint c = 0; c < MW_N_SCORE_CONTEXTS; c++)
    if (self->fit[c] > best)
      {
        second = MAX (second, best);
        best = self->fit[c];
        self->context = c;
      }
    else
      second = MAX (second, self->fit[c]);

  self->confidence = CLAMP (best - second / 2, 0.0, 1.0);
  self->reason = describe (self->context, &f, self->index);
}
