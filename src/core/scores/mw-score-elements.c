/* mw-score-elements.c: collaboration, influence and entrepreneurship
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each element is a share of people (or of relations) in [0, 1], scaled to
 * 0–100, with the evidence it rests on; docs/scoring.md gives every formula,
 * its source, when it is not measurable and why it can only go up when the
 * behaviour it rewards is added. Purpose and risk are in
 * mw-score-purpose-risk.c.
 */

#define G_LOG_DOMAIN "meshwork-scores"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mw-score-elements-private.h"

/* 1. Spontaneous collaboration: half the share of people with a lateral
 * collaborator, half the share of groups with a member who collaborates
 * across a group boundary. A tie to a team is membership, not collaboration. */
void
_mw_score_collaboration (MwScores  *self,
                         MwScoring *scoring)
{
  g_autofree gboolean *lateral = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *spans = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autoptr(GPtrArray) vertical_ties = g_ptr_array_new ();
  g_autoptr(GPtrArray) crossing_ties = g_ptr_array_new ();
  MwGraph *graph = scoring->graph;
  guint n_lateral = 0, n_external = 0, n_internal = 0, n_groups, n_spanning;
  double lateral_share, group_share, ei;

  for (guint j = 0; j < scoring->n_ties; j++)
    {
      guint i = scoring->tie_order[j];
      const MwGraphTie *tie = &scoring->ties[i];
      gboolean crosses;

      if (tie->type != MW_TIE_COLLABORATES || scoring->direction[i] == MW_DIRECTION_SELF ||
          _mw_scoring_is_team (scoring, tie->from) || _mw_scoring_is_team (scoring, tie->to))
        continue;
      crosses = mw_graph_group (graph, tie->from) != mw_graph_group (graph, tie->to);
      if (scoring->direction[i] == MW_DIRECTION_SIDEWAYS)
        {
          lateral[tie->from] = lateral[tie->to] = TRUE;
          if (crosses)
            spans[tie->from] = spans[tie->to] = TRUE;
        }
      else
        g_ptr_array_add (vertical_ties, _MW_TIE_ID (scoring, i));
      if (crosses)
        g_ptr_array_add (crossing_ties, _MW_TIE_ID (scoring, i));
    }
  for (guint v = 0; v < scoring->n; v++)
    if (scoring->person[v])
      n_lateral += lateral[v];
  n_groups = _mw_scoring_n_groups (scoring, NULL);
  n_spanning = _mw_scoring_n_groups (scoring, spans);

  /* Groups, not people, so that cutting the same people into finer units
   * does not multiply the spanners (docs/scoring.md). */
  lateral_share = _mw_share (n_lateral, scoring->n_people);
  group_share = n_groups >= 2 ? _mw_share (n_spanning, n_groups) : 0;
  self->score[MW_ELEMENT_SPONTANEOUS_COLLABORATION] = 100 * (lateral_share + group_share) / 2;
  _mw_scores_set_evidence (self, MW_ELEMENT_SPONTANEOUS_COLLABORATION, MW_BASIS_STRUCTURE, TRUE,
                           _mw_share (_mw_scoring_n_people_tied (scoring, MW_TIE_COLLABORATES, NULL), scoring->n_people),
                           NULL);

  {
    g_autoptr(GPtrArray) lonely = _mw_scoring_people_where (scoring, lateral, FALSE);
    g_autoptr(GPtrArray) inside = _mw_scoring_people_where (scoring, spans, FALSE);
    guint n_people = scoring->n_people;

    _mw_scores_add_factor (self, MW_ELEMENT_SPONTANEOUS_COLLABORATION,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Lateral share (half the score): %u of %u person collaborates with someone outside their reporting line; ties to a team are membership and do not count",
                                                         "Lateral share (half the score): %u of %u people collaborate with someone outside their reporting line; ties to a team are membership and do not count",
                                                         n_people),
                                            n_lateral, n_people),
                           lonely, vertical_ties);
    _mw_scores_add_factor (self, MW_ELEMENT_SPONTANEOUS_COLLABORATION,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Boundary-spanning share (half the score): %u of %u group has a member who collaborates across a unit or organisation boundary",
                                                         "Boundary-spanning share (half the score): %u of %u groups have a member who collaborates across a unit or organisation boundary",
                                                         n_groups),
                                            n_groups >= 2 ? n_spanning : 0, n_groups),
                           inside, NULL);
  }

  ei = mw_graph_ei_index (graph, &n_external, &n_internal);
  _mw_scores_add_factor (self, MW_ELEMENT_SPONTANEOUS_COLLABORATION,
                         g_strdup_printf (_("Collaboration pairs across groups: %u, inside groups: %u (E-I index %+.2f)"),
                                          n_external, n_internal, ei),
                         NULL, crossing_ties);
}

/* 2. Multi-directional influence: the share of influence relations that run
 * up or sideways times the share of people who influence someone up or
 * sideways — one person ordering everyone is not multi-directional, with
 * or without reports lines. */
void
_mw_score_influence (MwScores  *self,
                     MwScoring *scoring)
{
  g_autoptr(GPtrArray) down_ties = g_ptr_array_new ();
  g_autoptr(GPtrArray) other_ties = g_ptr_array_new ();
  g_autofree gboolean *influencer = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autoptr(GPtrArray) influencer_ids = NULL;
  guint count[MW_DIRECTION_SELF] = { 0 };
  guint n_influencers = 0, open, total;
  double relation_share, people_share;

  /* Relations are counted once however many ties repeat them; every tie is listed. */
  for (guint j = 0; j < scoring->n_ties; j++)
    {
      guint i = scoring->tie_order[j];
      MwDirection direction = scoring->direction[i];

      if (scoring->ties[i].type != MW_TIE_INFLUENCES || direction == MW_DIRECTION_SELF)
        continue;
      if (!scoring->duplicate[i])
        count[direction]++;
      if (direction != MW_DIRECTION_DOWN)
        influencer[scoring->ties[i].from] = TRUE;
      g_ptr_array_add (direction == MW_DIRECTION_DOWN ? down_ties : other_ties, _MW_TIE_ID (scoring, i));
    }
  for (guint v = 0; v < scoring->n; v++)
    n_influencers += scoring->person[v] && influencer[v];

  open = count[MW_DIRECTION_UP] + count[MW_DIRECTION_SIDEWAYS];
  total = open + count[MW_DIRECTION_DOWN];
  relation_share = _mw_share (open, total);
  people_share = _mw_share (n_influencers, scoring->n_people);
  self->score[MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE] = 100 * relation_share * people_share;

  if (total == 0)
    {
      _mw_scores_set_evidence (self, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE, MW_BASIS_STRUCTURE, FALSE, 0,
                               g_strdup (_("Not measurable: draw who influences whom (there is no influence tie)")));
      _mw_scores_add_not_measurable (self, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE);
      return;
    }
  _mw_scores_set_evidence (self, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE, MW_BASIS_STRUCTURE, TRUE,
                           _mw_share (_mw_scoring_n_people_tied (scoring, MW_TIE_INFLUENCES, NULL), scoring->n_people),
                           NULL);

  influencer_ids = _mw_scoring_people_where (scoring, influencer, TRUE);
  _mw_scores_add_factor (self, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of %u influence relation runs upward or sideways (%u up, %u sideways)",
                                                       "%u of %u influence relations run upward or sideways (%u up, %u sideways)",
                                                       total),
                                          open, total, count[MW_DIRECTION_UP], count[MW_DIRECTION_SIDEWAYS]),
                         NULL, other_ties);
  _mw_scores_add_factor (self, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of %u person influences someone upward or sideways; the score is this share times the share of relations",
                                                       "%u of %u people influence someone upward or sideways; the score is this share times the share of relations",
                                                       scoring->n_people),
                                          n_influencers, scoring->n_people),
                         influencer_ids, NULL);
  _mw_scores_add_factor (self, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u influence relation only runs down the chain of command",
                                                       "%u influence relations only run down the chain of command",
                                                       count[MW_DIRECTION_DOWN]),
                                          count[MW_DIRECTION_DOWN]),
                         NULL, down_ties);
}

/* Who among the people without formal authority (@eligible) reaches
 * beyond their reporting line: influence on anyone not above them, and a
 * lateral collaboration with a person (followers of an initiative). */
static void
reach_beyond_line (MwScoring      *scoring,
                   const gboolean *eligible,
                   gboolean       *influences,
                   gboolean       *followed,
                   GPtrArray      *beyond_ties)
{
  for (guint j = 0; j < scoring->n_ties; j++)
    {
      guint i = scoring->tie_order[j];
      const MwGraphTie *tie = &scoring->ties[i];
      MwDirection direction = scoring->direction[i];

      if (direction == MW_DIRECTION_SELF || (direction == MW_DIRECTION_UP && tie->type == MW_TIE_INFLUENCES))
        continue;
      if (tie->type == MW_TIE_INFLUENCES && eligible[tie->from])
        {
          influences[tie->from] = followed[tie->from] = TRUE;
          g_ptr_array_add (beyond_ties, _MW_TIE_ID (scoring, i));
        }
      else if (tie->type == MW_TIE_COLLABORATES && direction == MW_DIRECTION_SIDEWAYS &&
               scoring->person[tie->from] && scoring->person[tie->to])
        {
          followed[tie->from] = followed[tie->from] || eligible[tie->from];
          followed[tie->to] = followed[tie->to] || eligible[tie->to];
        }
    }
}

/* 3. Local entrepreneurship: the share of people without formal authority
 * who lead — influence beyond their own reporting line, or an initiative
 * that people beyond it follow (a lateral tie to them). */
void
_mw_score_entrepreneurship (MwScores  *self,
                            MwScoring *scoring)
{
  g_autofree gboolean *leads = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *eligible = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *influences = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *followed = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *marked = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autoptr(GPtrArray) beyond_ties = g_ptr_array_new ();
  guint n_eligible = 0, n_leaders = 0, n_marks = 0, n_counted = 0, n_influencers = 0;

  for (guint v = 0; v < scoring->n; v++)
    {
      guint n_reports;

      mw_graph_in (scoring->graph, MW_GRAPH_REPORTS, v, &n_reports);
      eligible[v] = scoring->person[v] && n_reports == 0;
      marked[v] = mw_network_get_actor (scoring->network, v)->initiative;
      n_marks += marked[v];
    }
  reach_beyond_line (scoring, eligible, influences, followed, beyond_ties);

  for (guint v = 0; v < scoring->n; v++)
    {
      if (!eligible[v])
        continue;
      n_eligible++;
      n_counted += marked[v] && followed[v];
      n_influencers += influences[v];
      leads[v] = influences[v] || (marked[v] && followed[v]);
      n_leaders += leads[v];
    }

  self->score[MW_ELEMENT_LOCAL_ENTREPRENEURSHIP] = 100 * _mw_share (n_leaders, n_eligible);
  if (n_marks == 0 && mw_graph_n_edges (scoring->graph, MW_GRAPH_INFLUENCES) == 0)
    {
      _mw_scores_set_evidence (self, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP, MW_BASIS_BOTH, FALSE, 0,
                               g_strdup (_("Not measurable: mark who leads an initiative, or draw who influences whom")));
      _mw_scores_add_not_measurable (self, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP);
      return;
    }
  _mw_scores_set_evidence (self, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP,
                           n_marks == 0 ? MW_BASIS_STRUCTURE :
                           mw_graph_n_edges (scoring->graph, MW_GRAPH_INFLUENCES) == 0 ? MW_BASIS_DECLARED : MW_BASIS_BOTH,
                           TRUE,
                           _mw_share (_mw_scoring_n_people_tied (scoring, MW_TIE_INFLUENCES, marked),
                                      scoring->n_people),
                           NULL);

  {
    g_autoptr(GPtrArray) leaders = _mw_scoring_people_where (scoring, leads, TRUE);
    g_autoptr(GPtrArray) others = NULL;

    for (guint v = 0; v < scoring->n; v++)
      eligible[v] = eligible[v] && !leads[v];
    others = _mw_scoring_people_where (scoring, eligible, TRUE);

    _mw_scores_add_factor (self, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u of %u person without formal authority leads something (initiatives followed beyond their reporting line: %u, influence beyond it: %u)",
                                                         "%u of %u people without formal authority lead something (initiatives followed beyond their reporting line: %u, influence beyond it: %u)",
                                                         n_eligible),
                                            n_leaders, n_eligible, n_counted, n_influencers),
                           leaders, beyond_ties);
    _mw_scores_add_factor (self, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u initiative mark does not count: its holder has formal authority, or nobody beyond their reporting line follows",
                                                         "%u initiative marks do not count: their holders have formal authority, or nobody beyond their reporting line follows",
                                                         n_marks - n_counted),
                                            n_marks - n_counted),
                           NULL, NULL);
    _mw_scores_add_factor (self, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u person without formal authority leads nothing yet",
                                                         "%u people without formal authority lead nothing yet",
                                                         others->len),
                                            others->len),
                           others, NULL);
  }
}
