/* mw-score-purpose-risk.c: global purpose and peer mitigation of risk
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See docs/scoring.md for the formulas, their sources and when each
 * element is not measurable.
 */

#define G_LOG_DOMAIN "meshwork-scores"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mw-score-elements-private.h"

/* How far the holders' purpose spreads: the share of the hierarchy's levels
 * (people outside it are one more level) and of the groups that have a
 * holder among their people. */
static void
purpose_spread (MwScoring      *scoring,
                const gboolean *is_holder,
                guint          *levels_held,
                guint          *n_levels,
                guint          *groups_held,
                guint          *n_groups)
{
  guint depth = mw_graph_hierarchy_depth (scoring->graph);
  g_autofree guint8 *level = g_new0 (guint8, depth + 1);

  *levels_held = *n_levels = 0;
  for (guint v = 0; v < scoring->n; v++)
    {
      guint l = MIN (mw_graph_level (scoring->graph, v), depth);

      if (scoring->person[v])
        level[l] |= 1 | (is_holder[v] ? 2 : 0);
    }
  for (guint l = 0; l <= depth; l++)
    {
      *n_levels += (level[l] & 1) != 0;
      *levels_held += (level[l] & 2) != 0;
    }
  *n_groups = _mw_scoring_n_groups (scoring, NULL);
  *groups_held = _mw_scoring_n_groups (scoring, is_holder);
}

/* 4. Global purpose mindset: widely held, top to bottom. Half how close
 * people are to a holder (the mean of 2^−d, d ties to the nearest actor
 * marked `purpose`), half how the holders spread over levels and groups.
 * Only marks count: nobody holds it by position. */
void
_mw_score_purpose (MwScores  *self,
                   MwScoring *scoring)
{
  g_autoptr(GArray) holders = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) holder_ids = NULL;
  g_autoptr(GPtrArray) far = NULL;
  g_autofree guint *dist = g_new (guint, MAX (scoring->n, 1));
  g_autofree gboolean *is_holder = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *is_far = g_new0 (gboolean, MAX (scoring->n, 1));
  guint n_close = 0, n_held = 0, levels_held, n_levels, groups_held, n_groups;
  double sum = 0, reach, spread;

  for (guint v = 0; v < scoring->n; v++)
    {
      is_holder[v] = mw_network_get_actor (scoring->network, v)->purpose;
      n_held += scoring->person[v] && is_holder[v];
      if (is_holder[v])
        g_array_append_val (holders, v);
    }
  if (holders->len == 0)
    {
      _mw_scores_set_evidence (self, MW_ELEMENT_GLOBAL_PURPOSE, MW_BASIS_DECLARED, FALSE, 0,
                               g_strdup (_("Not measurable: mark who holds the purpose")));
      _mw_scores_add_not_measurable (self, MW_ELEMENT_GLOBAL_PURPOSE);
      return;
    }

  mw_graph_distances_from (scoring->graph, (const guint *) holders->data, holders->len, dist);
  for (guint v = 0; v < scoring->n; v++)
    {
      if (!scoring->person[v])
        continue;
      if (dist[v] != G_MAXUINT)
        sum += ldexp (1.0, -(int) MIN (dist[v], 1000));
      if (dist[v] <= 1)
        n_close++;
      is_far[v] = dist[v] >= 3;
    }
  purpose_spread (scoring, is_holder, &levels_held, &n_levels, &groups_held, &n_groups);
  reach = scoring->n_people > 0 ? sum / scoring->n_people : 0;
  spread = (_mw_share (levels_held, n_levels) + _mw_share (groups_held, n_groups)) / 2;
  self->score[MW_ELEMENT_GLOBAL_PURPOSE] = 100 * (reach + spread) / 2;
  _mw_scores_set_evidence (self, MW_ELEMENT_GLOBAL_PURPOSE, MW_BASIS_DECLARED, TRUE,
                           _mw_share (n_held, scoring->n_people), NULL);

  holder_ids = _mw_scoring_actors_where (scoring, is_holder);
  far = _mw_scoring_people_where (scoring, is_far, TRUE);
  _mw_scores_add_factor (self, MW_ELEMENT_GLOBAL_PURPOSE,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Spread (half the score): %u purpose holder, in %u of %u levels and %u of %u groups",
                                                       "Spread (half the score): %u purpose holders, in %u of %u levels and %u of %u groups",
                                                       holders->len),
                                          holders->len, levels_held, n_levels, groups_held, n_groups),
                         holder_ids, NULL);
  _mw_scores_add_factor (self, MW_ELEMENT_GLOBAL_PURPOSE,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Reach (half the score): %u of %u person holds the purpose or works directly with a holder",
                                                       "Reach (half the score): %u of %u people hold the purpose or work directly with a holder",
                                                       scoring->n_people),
                                          n_close, scoring->n_people),
                         NULL, NULL);
  _mw_scores_add_factor (self, MW_ELEMENT_GLOBAL_PURPOSE,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u person is three or more steps from a purpose holder, or cannot reach one",
                                                       "%u people are three or more steps from a purpose holder, or cannot reach one",
                                                       far->len),
                                          far->len),
                         far, NULL);
}

/* Redundancy over lateral ties only (collaboration, checks and influence
 * between people neither of whom is above the other): orders and reports
 * lines are no second route for raising a risk. */
static GArray *
lateral_cut_points (MwScoring *scoring,
                    gboolean  *exposed)
{
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (scoring->n_ties, 1));

  for (guint i = 0; i < scoring->n_ties; i++)
    keep[i] = scoring->ties[i].type != MW_TIE_REPORTS && scoring->direction[i] == MW_DIRECTION_SIDEWAYS;
  return mw_graph_articulation_points_of_ties (scoring->graph, keep, exposed);
}

/* 5. Peer mitigation of risk: half distributed checking (the geometric mean
 * of the shares of people checked by a peer and of people who check a
 * peer, so one auditor checking everyone counts little), half the share of
 * people with a second lateral route that no single person can cut. */
void
_mw_score_risk (MwScores  *self,
                MwScoring *scoring)
{
  g_autofree gboolean *checked = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *checker = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *exposed = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *is_cut = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autoptr(GPtrArray) boss_checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) cut_ids = NULL;
  g_autoptr(GArray) cut_points = NULL;
  guint n_checked = 0, n_checkers = 0, n_safe = 0, n_checks = 0;
  guint n_people = scoring->n_people;
  double checking;

  /* A check by someone above is oversight, not a peer's. */
  for (guint j = 0; j < scoring->n_ties; j++)
    {
      guint i = scoring->tie_order[j];
      const MwGraphTie *tie = &scoring->ties[i];

      if (tie->type != MW_TIE_CHECKS || scoring->direction[i] == MW_DIRECTION_SELF)
        continue;
      n_checks++;
      if (scoring->direction[i] == MW_DIRECTION_DOWN)
        g_ptr_array_add (boss_checks, _MW_TIE_ID (scoring, i));
      else
        checked[tie->to] = checker[tie->from] = TRUE;
    }
  if (n_checks == 0)
    {
      _mw_scores_set_evidence (self, MW_ELEMENT_PEER_RISK_MITIGATION, MW_BASIS_STRUCTURE, FALSE, 0,
                               g_strdup (_("Not measurable: draw who checks whose work (there is no checks tie)")));
      _mw_scores_add_not_measurable (self, MW_ELEMENT_PEER_RISK_MITIGATION);
      return;
    }

  cut_points = lateral_cut_points (scoring, exposed);
  for (guint v = 0; v < scoring->n; v++)
    if (scoring->person[v])
      {
        n_checked += checked[v];
        n_checkers += checker[v];
        n_safe += !exposed[v];
      }
  for (guint i = 0; i < cut_points->len; i++)
    is_cut[g_array_index (cut_points, guint, i)] = TRUE;
  cut_ids = _mw_scoring_actors_where (scoring, is_cut);

  checking = sqrt (_mw_share (n_checked, n_people) * _mw_share (n_checkers, n_people));
  self->score[MW_ELEMENT_PEER_RISK_MITIGATION] = 100 * (checking + _mw_share (n_safe, n_people)) / 2;
  _mw_scores_set_evidence (self, MW_ELEMENT_PEER_RISK_MITIGATION, MW_BASIS_STRUCTURE, TRUE,
                           _mw_share (_mw_scoring_n_people_tied (scoring, MW_TIE_CHECKS, NULL), n_people), NULL);

  {
    g_autoptr(GPtrArray) unchecked = _mw_scoring_people_where (scoring, checked, FALSE);
    g_autoptr(GPtrArray) exposed_ids = _mw_scoring_people_where (scoring, exposed, TRUE);

    _mw_scores_add_factor (self, MW_ELEMENT_PEER_RISK_MITIGATION,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Checking (half the score): %u of %u person is checked by a peer, and %u check a peer; checking concentrated in few hands counts less (checks by a manager do not count)",
                                                         "Checking (half the score): %u of %u people are checked by a peer, and %u check a peer; checking concentrated in few hands counts less (checks by a manager do not count)",
                                                         n_people),
                                            n_checked, n_people, n_checkers),
                           unchecked, boss_checks);
    _mw_scores_add_factor (self, MW_ELEMENT_PEER_RISK_MITIGATION,
                           cut_ids->len == 0 ? g_strdup (_("No single point of failure among the lateral ties")) :
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u single point of failure among the lateral ties: without them, others are cut off",
                                                         "%u single points of failure among the lateral ties: without any one of them, others are cut off",
                                                         cut_ids->len),
                                            cut_ids->len),
                           cut_ids, NULL);
    _mw_scores_add_factor (self, MW_ELEMENT_PEER_RISK_MITIGATION,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Redundancy (half the score): %u of %u person has a second route over lateral ties (collaboration, checks, influence between peers) that no single person can cut",
                                                         "Redundancy (half the score): %u of %u people have a second route over lateral ties (collaboration, checks, influence between peers) that no single person can cut",
                                                         n_people),
                                            n_safe, n_people),
                           exposed_ids, NULL);
  }
}
