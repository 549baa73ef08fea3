/* mw-score-elements.c: the five elements of distributed leadership
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each element is a share of people (or of relations) in [0, 1], scaled to
 * 0–100; docs/scoring.md gives every formula, its source and why it can
 * only go up when the behaviour it rewards is added.
 */

#define G_LOG_DOMAIN "meshwork-scores"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "mw-score-elements-private.h"

#define TIE_ID(scoring, i) (mw_network_get_tie ((scoring)->network, (i))->id)

static double
share (guint part,
       guint whole)
{
  return whole > 0 ? (double) part / whole : 0.0;
}

/* 1. Spontaneous collaboration: half the share of people with a lateral
 * collaborator, half the share who collaborate laterally across a unit or
 * organisation boundary (Krackhardt & Stern's external ties, per person). */
void
_mw_score_collaboration (MwScores  *self,
                         MwScoring *scoring)
{
  g_autofree gboolean *lateral = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *spans = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autoptr(GPtrArray) vertical_ties = g_ptr_array_new ();
  g_autoptr(GPtrArray) crossing_ties = g_ptr_array_new ();
  MwGraph *graph = scoring->graph;
  guint n_lateral = 0, n_spans = 0, n_external = 0, n_internal = 0;
  double ei;

  for (guint j = 0; j < scoring->n_ties; j++)
    {
      guint i = scoring->tie_order[j];
      const MwGraphTie *tie = &scoring->ties[i];
      gboolean crosses = mw_graph_group (graph, tie->from) != mw_graph_group (graph, tie->to);

      if (tie->type != MW_TIE_COLLABORATES || scoring->direction[i] == MW_DIRECTION_SELF)
        continue;
      if (scoring->direction[i] == MW_DIRECTION_SIDEWAYS)
        {
          lateral[tie->from] = lateral[tie->to] = TRUE;
          if (crosses)
            spans[tie->from] = spans[tie->to] = TRUE;
        }
      else
        g_ptr_array_add (vertical_ties, TIE_ID (scoring, i));
      if (crosses)
        g_ptr_array_add (crossing_ties, TIE_ID (scoring, i));
    }
  for (guint v = 0; v < scoring->n; v++)
    if (scoring->person[v])
      {
        n_lateral += lateral[v];
        n_spans += spans[v];
      }

  self->score[MW_ELEMENT_SPONTANEOUS_COLLABORATION] =
    100 * (share (n_lateral, scoring->n_people) + share (n_spans, scoring->n_people)) / 2;

  {
    g_autoptr(GPtrArray) lonely = _mw_scoring_people_where (scoring, lateral, FALSE);
    g_autoptr(GPtrArray) inside = _mw_scoring_people_where (scoring, spans, FALSE);
    guint n_people = scoring->n_people;

    _mw_scores_add_factor (self, MW_ELEMENT_SPONTANEOUS_COLLABORATION,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u of %u person has no collaborator outside their reporting line",
                                                         "%u of %u people have no collaborator outside their reporting line",
                                                         n_people),
                                            n_people - n_lateral, n_people),
                           lonely, vertical_ties);
    _mw_scores_add_factor (self, MW_ELEMENT_SPONTANEOUS_COLLABORATION,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u of %u person does not collaborate across a unit or organisation boundary",
                                                         "%u of %u people do not collaborate across a unit or organisation boundary",
                                                         n_people),
                                            n_people - n_spans, n_people),
                           inside, NULL);
  }

  ei = mw_graph_ei_index (graph, &n_external, &n_internal);
  _mw_scores_add_factor (self, MW_ELEMENT_SPONTANEOUS_COLLABORATION,
                         g_strdup_printf (_("Collaboration pairs across groups: %u, inside groups: %u (E-I index %+.2f)"),
                                          n_external, n_internal, ei),
                         NULL, crossing_ties);
}

/* 2. Multi-directional influence: the share of influence relations that run
 * up or sideways, each reports line counting as one top-down relation. */
void
_mw_score_influence (MwScores  *self,
                     MwScoring *scoring)
{
  g_autoptr(GPtrArray) down_ties = g_ptr_array_new ();
  g_autoptr(GPtrArray) other_ties = g_ptr_array_new ();
  MwGraph *graph = scoring->graph;
  guint count[MW_DIRECTION_SELF] = { 0 };
  guint n_lines = mw_graph_n_edges (graph, MW_GRAPH_REPORTS);
  guint total;

  /* Relations are counted once however many ties repeat them; every tie is listed. */
  for (guint j = 0; j < scoring->n_ties; j++)
    {
      guint i = scoring->tie_order[j];
      MwDirection direction = scoring->direction[i];

      if (scoring->ties[i].type != MW_TIE_INFLUENCES || direction == MW_DIRECTION_SELF)
        continue;
      if (!scoring->duplicate[i])
        count[direction]++;
      g_ptr_array_add (direction == MW_DIRECTION_DOWN ? down_ties : other_ties, TIE_ID (scoring, i));
    }

  total = count[MW_DIRECTION_DOWN] + count[MW_DIRECTION_UP] + count[MW_DIRECTION_SIDEWAYS] + n_lines;
  self->score[MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE] = 100 * share (count[MW_DIRECTION_UP] + count[MW_DIRECTION_SIDEWAYS], total);

  _mw_scores_add_factor (self, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of %u influence relation runs upward or sideways (%u up, %u sideways)",
                                                       "%u of %u influence relations run upward or sideways (%u up, %u sideways)",
                                                       total),
                                          count[MW_DIRECTION_UP] + count[MW_DIRECTION_SIDEWAYS], total, count[MW_DIRECTION_UP], count[MW_DIRECTION_SIDEWAYS]),
                         NULL, other_ties);
  _mw_scores_add_factor (self, MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u influence tie only runs down the chain of command, besides %u reporting lines",
                                                       "%u influence ties only run down the chain of command, besides %u reporting lines",
                                                       count[MW_DIRECTION_DOWN]),
                                          count[MW_DIRECTION_DOWN], n_lines),
                         NULL, down_ties);
}

/* 3. Local entrepreneurship: the share of people without formal authority
 * who lead — an initiative, or influence beyond their own reporting line. */
void
_mw_score_entrepreneurship (MwScores  *self,
                            MwScoring *scoring)
{
  g_autofree gboolean *leads = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *eligible = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *influences = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autoptr(GPtrArray) beyond_ties = g_ptr_array_new ();
  MwGraph *graph = scoring->graph;
  guint n_eligible = 0, n_leaders = 0, n_initiative = 0, n_influencers = 0;

  for (guint v = 0; v < scoring->n; v++)
    {
      guint n_reports;

      mw_graph_in (graph, MW_GRAPH_REPORTS, v, &n_reports);
      eligible[v] = scoring->person[v] && n_reports == 0;
    }

  /* Influence on anyone not above them is beyond their own reporting line. */
  for (guint j = 0; j < scoring->n_ties; j++)
    {
      guint i = scoring->tie_order[j];
      const MwGraphTie *tie = &scoring->ties[i];

      if (tie->type == MW_TIE_INFLUENCES && eligible[tie->from] &&
          scoring->direction[i] != MW_DIRECTION_SELF && scoring->direction[i] != MW_DIRECTION_UP)
        {
          influences[tie->from] = TRUE;
          g_ptr_array_add (beyond_ties, TIE_ID (scoring, i));
        }
    }

  for (guint v = 0; v < scoring->n; v++)
    {
      MwActor *actor = mw_network_get_actor (scoring->network, v);

      if (!eligible[v])
        continue;
      n_eligible++;
      n_initiative += actor->initiative;
      n_influencers += influences[v];
      leads[v] = actor->initiative || influences[v];
      n_leaders += leads[v];
    }

  self->score[MW_ELEMENT_LOCAL_ENTREPRENEURSHIP] = 100 * share (n_leaders, n_eligible);

  {
    g_autoptr(GPtrArray) leaders = _mw_scoring_people_where (scoring, leads, TRUE);
    g_autoptr(GPtrArray) others = NULL;

    for (guint v = 0; v < scoring->n; v++)
      eligible[v] = eligible[v] && !leads[v];
    others = _mw_scoring_people_where (scoring, eligible, TRUE);

    _mw_scores_add_factor (self, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u of %u person without formal authority leads something (initiatives: %u, influence beyond their reporting line: %u)",
                                                         "%u of %u people without formal authority lead something (initiatives: %u, influence beyond their reporting line: %u)",
                                                         n_eligible),
                                            n_leaders, n_eligible, n_initiative, n_influencers),
                           leaders, beyond_ties);
    _mw_scores_add_factor (self, MW_ELEMENT_LOCAL_ENTREPRENEURSHIP,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u person without formal authority leads nothing yet",
                                                         "%u people without formal authority lead nothing yet",
                                                         others->len),
                                            others->len),
                           others, NULL);
  }
}

/* 4. Global purpose mindset: the mean over people of 2^−d, d the number of
 * ties (of any type) to the nearest purpose holder; 0 when none is reachable.
 * Holders: the actors marked `purpose` and the tops of the hierarchy, whose
 * role is to articulate it — so marking someone can only bring people closer. */
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
  guint n_marked = 0, n_tops = 0, n_close = 0;
  double sum = 0;

  for (guint v = 0; v < scoring->n; v++)
    {
      MwActor *actor = mw_network_get_actor (scoring->network, v);
      gboolean top = mw_graph_is_top (scoring->graph, v);

      n_marked += actor->purpose;
      n_tops += top;
      is_holder[v] = actor->purpose || top;
      if (is_holder[v])
        g_array_append_val (holders, v);
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
  holder_ids = _mw_scoring_actors_where (scoring, is_holder);
  far = _mw_scoring_people_where (scoring, is_far, TRUE);
  self->score[MW_ELEMENT_GLOBAL_PURPOSE] = scoring->n_people > 0 ? 100 * sum / scoring->n_people : 0;

  if (holders->len == 0)
    _mw_scores_add_factor (self, MW_ELEMENT_GLOBAL_PURPOSE,
                           g_strdup (_("Nobody holds the purpose: mark the people who articulate it")),
                           NULL, NULL);
  else
    _mw_scores_add_factor (self, MW_ELEMENT_GLOBAL_PURPOSE,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u purpose holder: %u marked, %u at the top of the hierarchy",
                                                         "%u purpose holders: %u marked, %u at the top of the hierarchy",
                                                         holders->len),
                                            holders->len, n_marked, n_tops),
                           holder_ids, NULL);
  _mw_scores_add_factor (self, MW_ELEMENT_GLOBAL_PURPOSE,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u of %u person holds the purpose or works directly with a holder",
                                                       "%u of %u people hold the purpose or work directly with a holder",
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

/* 5. Peer mitigation of risk: half the share of people checked by a peer
 * (someone not above them), half the share of people who have a second
 * route and whom no single other person can cut off from most of the
 * network (articulation points, Hopcroft & Tarjan 1973). */
void
_mw_score_risk (MwScores  *self,
                MwScoring *scoring)
{
  g_autofree gboolean *checked = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autoptr(GPtrArray) boss_checks = g_ptr_array_new ();
  g_autoptr(GPtrArray) cut_ids = NULL;
  g_autofree gboolean *is_cut = g_new0 (gboolean, MAX (scoring->n, 1));
  guint n_checked = 0, n_safe = 0;

  /* A check by someone above is oversight, not a peer's. */
  for (guint j = 0; j < scoring->n_ties; j++)
    {
      guint i = scoring->tie_order[j];
      const MwGraphTie *tie = &scoring->ties[i];

      if (tie->type != MW_TIE_CHECKS || scoring->direction[i] == MW_DIRECTION_SELF)
        continue;
      if (scoring->direction[i] == MW_DIRECTION_DOWN)
        g_ptr_array_add (boss_checks, TIE_ID (scoring, i));
      else
        checked[tie->to] = TRUE;
    }
  for (guint v = 0; v < scoring->n; v++)
    if (scoring->person[v])
      {
        n_checked += checked[v];
        n_safe += !scoring->exposed[v];
      }
  for (guint i = 0; i < scoring->cut_points->len; i++)
    is_cut[g_array_index (scoring->cut_points, guint, i)] = TRUE;
  cut_ids = _mw_scoring_actors_where (scoring, is_cut);

  self->score[MW_ELEMENT_PEER_RISK_MITIGATION] =
    100 * (share (n_checked, scoring->n_people) + share (n_safe, scoring->n_people)) / 2;

  {
    g_autoptr(GPtrArray) unchecked = _mw_scoring_people_where (scoring, checked, FALSE);
    g_autoptr(GPtrArray) exposed = _mw_scoring_people_where (scoring, scoring->exposed, TRUE);
    guint n_people = scoring->n_people;

    _mw_scores_add_factor (self, MW_ELEMENT_PEER_RISK_MITIGATION,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u of %u person is not checked by any peer (checks by a manager do not count)",
                                                         "%u of %u people are not checked by any peer (checks by a manager do not count)",
                                                         n_people),
                                            n_people - n_checked, n_people),
                           unchecked, boss_checks);
    _mw_scores_add_factor (self, MW_ELEMENT_PEER_RISK_MITIGATION,
                           cut_ids->len == 0 ? g_strdup (_("No single point of failure: nobody’s departure cuts others off")) :
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u single point of failure: without them, others are cut off",
                                                         "%u single points of failure: without any one of them, others are cut off",
                                                         cut_ids->len),
                                            cut_ids->len),
                           cut_ids, NULL);
    _mw_scores_add_factor (self, MW_ELEMENT_PEER_RISK_MITIGATION,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u of %u person has no second route, or one other person could cut them off from most of the network",
                                                         "%u of %u people have no second route, or one other person could cut them off from most of the network",
                                                         n_people),
                                            n_people - n_safe, n_people),
                           exposed, NULL);
  }
}
