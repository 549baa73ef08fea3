/* mw-score-context.c: which of Ancona & Backman's contexts a network's
 * structure shows
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-scores"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-score-elements-private.h"

#define MIN_ACTORS      8     /* fewer: too small to read a context */
#define MIN_FIT         0.3   /* a best fit below this is no answer */
#define MAX_TEAM        30    /* a team node with more people is an assembly, not a team */
#define MAX_CLUSTER_DEG 200   /* clustering is counted up to this many people around one */

/* Structural features the contexts are told apart by (docs/scoring.md).
 * All come from the simple graphs of MwGraph: self-ties and parallel
 * ties are already gone. Unit labels count only where they show separate
 * organisations (mw-graph-groups.c), so drawing the groups as labels,
 * clusters or not at all changes none of them. */
typedef struct
{
  guint  n_actors;
  guint  n_people;
  guint  isolated;        /* actors without any tie */
  guint  n_orgs;
  double boundary;        /* org boundary spanning */
  guint  crossing_pairs;  /* distinct pairs of actors of two organisations */
  double minority;        /* share of actors with an organisation outside the largest */
  guint  depth;
  double managed;         /* share of people with a manager */
  double formal;          /* share of people with a manager or reports */
  double overlay;         /* share of people working sideways or upwards across the lines */
  double teamed;          /* share of people in a small team node */
  double assortativity;   /* Newman's degree assortativity of the ties among people, −1–1 */
  double spread;          /* coefficient of variation of the people's degrees among people */
  double clustering;      /* mean local clustering among people; only when few have a manager */
} Features;

static double
ramp (double x,
      double from,
      double to)
{
  return CLAMP ((x - from) / (to - from), 0.0, 1.0);
}

static gboolean
is_person (MwScoring *scoring,
           guint      v)
{
  return scoring->person[v];
}

static void
measure_orgs (MwScoring *scoring,
              Features  *f)
{
  MwGraph *graph = scoring->graph;
  g_autofree guint *size = NULL;
  guint largest = 0, with_org = 0;

  f->n_orgs = mw_graph_n_orgs (graph);
  f->boundary = mw_graph_org_boundary_spanning (graph);
  if (f->n_orgs < 2)
    return;

  size = g_new0 (guint, f->n_orgs);
  for (guint v = 0; v < scoring->n; v++)
    {
      guint k, org = mw_graph_org (graph, v);
      const guint *next = mw_graph_out (graph, MW_GRAPH_ALL, v, &k);

      if (org == G_MAXUINT)
        continue;
      with_org++;
      size[org]++;
      largest = MAX (largest, size[org]);
      for (guint i = 0; i < k; i++)
        if (next[i] > v && mw_graph_org (graph, next[i]) != G_MAXUINT && mw_graph_org (graph, next[i]) != org)
          f->crossing_pairs++;
    }
  f->minority = with_org > 0 ? (double) (with_org - largest) / with_org : 0;
}

/* Working sideways or upwards: a tie (not a reporting line) to a person
 * who is not above or below, or influence or checks on someone above. */
static gboolean
in_overlay (MwScoring *scoring,
            guint      v)
{
  static const MwGraphKind kinds[] = { MW_GRAPH_COLLABORATES, MW_GRAPH_INFLUENCES, MW_GRAPH_CHECKS };
  MwGraph *graph = scoring->graph;

  for (guint t = 0; t < G_N_ELEMENTS (kinds); t++)
    for (guint dir = 0; dir < 2; dir++)
      {
        guint k;
        const guint *next = dir == 0 ? mw_graph_out (graph, kinds[t], v, &k) : mw_graph_in (graph, kinds[t], v, &k);

        for (guint i = 0; i < k; i++)
          if (is_person (scoring, next[i]) &&
              (!mw_graph_is_vertical (graph, v, next[i]) ||
               (dir == 0 && kinds[t] != MW_GRAPH_COLLABORATES && mw_graph_is_above (graph, next[i], v))))
            return TRUE;
      }

  return FALSE;
}

/* The people a team node gathers, when it is a small team: a tie to an
 * all-hands node is membership of everything, not teamwork. */
static guint
team_size (MwScoring *scoring,
           guint      team)
{
  guint k, people = 0;
  const guint *next = mw_graph_out (scoring->graph, MW_GRAPH_ALL, team, &k);

  for (guint i = 0; i < k; i++)
    people += is_person (scoring, next[i]);

  return people >= 3 && people <= MAX_TEAM && 2 * people <= scoring->n_people ? people : 0;
}

/* Small teams: their members are teamed, and those who work in one with
 * a colleague from another reporting line are in the overlay. */
static void
mark_teams (MwScoring *scoring,
            gboolean  *teamed,
            gboolean  *overlay)
{
  MwGraph *graph = scoring->graph;

  for (guint t = 0; t < scoring->n; t++)
    {
      guint k;
      const guint *next;

      if (mw_network_get_actor (scoring->network, t)->kind != MW_ACTOR_TEAM || team_size (scoring, t) == 0)
        continue;
      next = mw_graph_out (graph, MW_GRAPH_ALL, t, &k);
      for (guint i = 0; i < k; i++)
        {
          if (!is_person (scoring, next[i]))
            continue;
          teamed[next[i]] = TRUE;
          for (guint j = 0; j < k && !overlay[next[i]]; j++)
            overlay[next[i]] = j != i && is_person (scoring, next[j]) &&
                               !mw_graph_is_vertical (graph, next[i], next[j]);
        }
    }
}

static void
measure_people (MwScoring *scoring,
                Features  *f)
{
  MwGraph *graph = scoring->graph;
  g_autofree gboolean *teamed = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autofree gboolean *overlay = g_new0 (gboolean, MAX (scoring->n, 1));
  guint managed = 0, formal = 0, n_overlay = 0, n_teamed = 0;

  mark_teams (scoring, teamed, overlay);
  for (guint v = 0; v < scoring->n; v++)
    {
      guint up, down, all;

      mw_graph_out (graph, MW_GRAPH_REPORTS, v, &up);
      mw_graph_in (graph, MW_GRAPH_REPORTS, v, &down);
      mw_graph_out (graph, MW_GRAPH_ALL, v, &all);
      f->isolated += all == 0;
      if (!is_person (scoring, v))
        continue;
      managed += up > 0;
      formal += up > 0 || down > 0;
      n_overlay += overlay[v] || in_overlay (scoring, v);
      n_teamed += teamed[v];
    }

  if (scoring->n_people == 0)
    return;
  f->managed = (double) managed / scoring->n_people;
  f->formal = (double) formal / scoring->n_people;
  f->overlay = (double) n_overlay / scoring->n_people;
  f->teamed = (double) n_teamed / scoring->n_people;
}

static guint
person_degree (MwScoring *scoring,
               guint      v)
{
  guint k, d = 0;
  const guint *next = mw_graph_out (scoring->graph, MW_GRAPH_ALL, v, &k);

  for (guint i = 0; i < k; i++)
    d += is_person (scoring, next[i]);
  return d;
}

/* Newman's (2002) degree assortativity over the ties among people: the
 * correlation of the degrees at the two ends of a tie. A core that the
 * periphery hangs on makes it clearly negative; teams of peers do not. */
static double
degree_assortativity (MwScoring *scoring,
                      const guint *degree)
{
  double sum_xy = 0, sum_x = 0, sum_x2 = 0, m = 0, mean, var;

  for (guint v = 0; v < scoring->n; v++)
    {
      guint k;
      const guint *next = mw_graph_out (scoring->graph, MW_GRAPH_ALL, v, &k);

      if (!is_person (scoring, v))
        continue;
      for (guint i = 0; i < k; i++)
        if (is_person (scoring, next[i]))
          {
            /* each tie counted from both ends: symmetric in x and y */
            sum_xy += (double) degree[v] * degree[next[i]];
            sum_x += degree[v];
            sum_x2 += (double) degree[v] * degree[v];
            m++;
          }
    }
  if (m == 0)
    return 0;
  mean = sum_x / m;
  var = sum_x2 / m - mean * mean;
  return var > 1e-12 ? (sum_xy / m - mean * mean) / var : 0;
}

/* How unequal the people's degrees are, and whether the unequal ones are
 * tied to each other: a core and its periphery, or peers. */
static void
measure_degrees (MwScoring *scoring,
                 Features  *f)
{
  g_autofree guint *degree = g_new (guint, MAX (scoring->n, 1));
  double sum = 0, sum2 = 0, mean;

  for (guint v = 0; v < scoring->n; v++)
    {
      degree[v] = is_person (scoring, v) ? person_degree (scoring, v) : 0;
      sum += degree[v];
      sum2 += (double) degree[v] * degree[v];
    }
  f->assortativity = degree_assortativity (scoring, degree);
  if (scoring->n_people == 0 || sum == 0)
    return;
  mean = sum / scoring->n_people;
  f->spread = sqrt (MAX (sum2 / scoring->n_people - mean * mean, 0)) / mean;
}

/* Watts & Strogatz's local clustering of @v among people: the share of
 * pairs of its person neighbours who are tied; 0 below two. */
static double
local_clustering (MwScoring *scoring,
                  guint      v)
{
  guint k, d = 0, linked = 0;
  const guint *next = mw_graph_out (scoring->graph, MW_GRAPH_ALL, v, &k);

  if (k > MAX_CLUSTER_DEG)
    return 0;
  for (guint i = 0; i < k; i++)
    {
      guint ku;
      const guint *theirs;

      if (!is_person (scoring, next[i]))
        continue;
      d++;
      theirs = mw_graph_out (scoring->graph, MW_GRAPH_ALL, next[i], &ku);
      for (guint j = i + 1; j < k; j++)
        linked += is_person (scoring, next[j]) && mw_sorted_contains (theirs, ku, next[j]);
    }

  return d >= 2 ? 2.0 * linked / ((double) d * (d - 1)) : 0;
}

static double
mean_clustering (MwScoring *scoring)
{
  double sum = 0;

  for (guint v = 0; v < scoring->n; v++)
    if (is_person (scoring, v))
      sum += local_clustering (scoring, v);

  return scoring->n_people > 0 ? sum / scoring->n_people : 0;
}

static void
measure_features (MwScoring *scoring,
                  Features  *f)
{
  *f = (Features) { 0 };
  f->n_actors = scoring->n;
  f->n_people = scoring->n_people;
  f->depth = mw_graph_hierarchy_depth (scoring->graph);
  measure_orgs (scoring, f);
  measure_people (scoring, f);
  measure_degrees (scoring, f);
  /* only flat and nimble are told apart by it */
  if (f->managed < 0.6)
    f->clustering = mean_clustering (scoring);
}

static char *
describe (MwScoreContext  context,
          const Features *f)
{
  switch (context)
    {
    case MW_SCORE_CONTEXT_COMMAND_AND_CONTROL:
      return g_strdup_printf (_("%.0f%% of the people have a manager (%u levels) and only %.0f%% work sideways or upwards across the lines: command and control"),
                              100 * f->managed, f->depth, 100 * f->overlay);
    case MW_SCORE_CONTEXT_HIERARCHY:
      return g_strdup_printf (_("%.0f%% of the people have a manager (%u levels) and %.0f%% work sideways or upwards across the lines: a distributed overlay"),
                              100 * f->managed, f->depth, 100 * f->overlay);
    case MW_SCORE_CONTEXT_FLAT:
      return g_strdup_printf (_("Only %.0f%% of the people have a manager; they work in teams of peers or under a light formal frame, not around a core (%.0f%% in a reporting line, %.0f%% in a small team)"),
                              100 * f->managed, 100 * f->formal, 100 * f->teamed);
    case MW_SCORE_CONTEXT_NIMBLE:
      return g_strdup_printf (_("Only %.0f%% of the people have a manager, and the work hangs on a core of contributors rather than on teams or formal lines"),
                              100 * f->managed);
    case MW_SCORE_CONTEXT_CROSS_ORG:
      return g_strdup_printf (_("%u organisations; %.0f%% of the actors have a tie into another organisation"),
                              f->n_orgs, 100 * f->boundary);
    case MW_SCORE_CONTEXT_UNDETERMINED:
    case MW_N_SCORE_CONTEXTS:
    default:
      break;
    }
  g_return_val_if_reached (NULL);
}

/* The documented cases in which the reader does not answer; NULL when it
 * can read the network. */
static char *
why_undetermined (const Features *f)
{
  if (f->n_actors == 0)
    return g_strdup (_("The network is empty: there is nothing to read"));
  if (f->n_actors < MIN_ACTORS)
    return g_strdup_printf (_("Fewer than %u actors (%u): too small to read a context"), MIN_ACTORS, f->n_actors);
  if (2 * f->isolated > f->n_actors)
    return g_strdup_printf (_("%u of %u actors have no tie: too little structure to read a context"),
                            f->isolated, f->n_actors);
  return NULL;
}

/* Each context gets a fit in [0, 1] from the features (docs/scoring.md);
 * the fits add up to 1. Organisations joined by more than one tie make a
 * cross-organisational context whatever each keeps inside; otherwise most
 * people having a manager makes a hierarchy, with or without an overlay;
 * otherwise teams or a light formal frame make a flat organisation, and
 * their absence a nimble network. */
static void
fit_contexts (MwScores       *self,
              const Features *f)
{
  double cross = f->n_orgs >= 2 ? ramp (f->crossing_pairs, 1, 2) * ramp (f->minority, 0.2, 0.3) : 0;
  double managed = ramp (f->managed, 0.4, 0.6);
  double overlay = ramp (f->overlay, 0.03, 0.1);
  /* a core that the periphery hangs on, not close-knit teams of peers */
  double core = MAX (ramp (-f->assortativity, 0.15, 0.35), ramp (f->spread, 0.6, 0.85));
  double peers = (1 - core) * ramp (f->clustering, 0.08, 0.16);
  double frame = MAX (ramp (f->formal, 0.03, 0.12), MAX (ramp (f->teamed, 0.3, 0.6), peers));

  self->fit[MW_SCORE_CONTEXT_CROSS_ORG] = cross;
  self->fit[MW_SCORE_CONTEXT_HIERARCHY] = (1 - cross) * managed * overlay;
  self->fit[MW_SCORE_CONTEXT_COMMAND_AND_CONTROL] = (1 - cross) * managed * (1 - overlay);
  self->fit[MW_SCORE_CONTEXT_FLAT] = (1 - cross) * (1 - managed) * frame;
  self->fit[MW_SCORE_CONTEXT_NIMBLE] = (1 - cross) * (1 - managed) * (1 - frame);
  self->fit[MW_SCORE_CONTEXT_UNDETERMINED] = 0;
}

void
_mw_score_context (MwScores  *self,
                   MwScoring *scoring)
{
  Features f;
  double best = -1, second = 0;
  char *undetermined;

  measure_features (scoring, &f);
  undetermined = why_undetermined (&f);
  if (undetermined != NULL)
    {
      memset (self->fit, 0, sizeof self->fit);
      self->fit[MW_SCORE_CONTEXT_UNDETERMINED] = 1;
      self->context = MW_SCORE_CONTEXT_UNDETERMINED;
      self->confidence = 0;
      self->reason = undetermined;
      return;
    }

  fit_contexts (self, &f);
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
  if (best < MIN_FIT)
    {
      self->context = MW_SCORE_CONTEXT_UNDETERMINED;
      self->reason = g_strdup_printf (_("No context fits clearly: the best fits only %.0f%%"), 100 * best);
      return;
    }
  self->reason = describe (self->context, &f);
}
