/* mw-scores.c: how distributed a network's leadership is
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-scores"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-scores-private.h"

G_DEFINE_BOXED_TYPE (MwScores, mw_scores, mw_scores_ref, mw_scores_unref)

static const char *element_names[] = {
  "spontaneous_collaboration",
  "multi_directional_influence",
  "local_entrepreneurship",
  "global_purpose",
  "peer_risk_mitigation",
};

static const char *basis_names[] = {
  "structure",
  "declared",
  "both",
};

static const char *context_names[] = {
  "hierarchy",
  "flat",
  "nimble",
  "cross-org",
  "command-and-control",
  "undetermined",
};

G_STATIC_ASSERT (G_N_ELEMENTS (element_names) == MW_N_ELEMENTS);
G_STATIC_ASSERT (G_N_ELEMENTS (context_names) == MW_N_SCORE_CONTEXTS);

const char *
mw_element_to_string (MwElement element)
{
  g_return_val_if_fail (element < MW_N_ELEMENTS, NULL);
  return element_names[element];
}

gboolean
mw_element_from_string (const char *str,
                        MwElement  *element)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    if (strcmp (str, element_names[e]) == 0)
      {
        if (element != NULL)
          *element = e;
        return TRUE;
      }
  return FALSE;
}

const char *
mw_basis_to_string (MwBasis basis)
{
  g_return_val_if_fail (basis < G_N_ELEMENTS (basis_names), NULL);
  return basis_names[basis];
}

const char *
mw_element_get_title (MwElement element)
{
  g_return_val_if_fail (element < MW_N_ELEMENTS, NULL);

  switch (element)
    {
    case MW_ELEMENT_SPONTANEOUS_COLLABORATION: return _("Spontaneous collaboration");
    case MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE: return _("Multi-directional influence");
    case MW_ELEMENT_LOCAL_ENTREPRENEURSHIP: return _("Local entrepreneurship");
    case MW_ELEMENT_GLOBAL_PURPOSE: return _("Global purpose mindset");
    case MW_ELEMENT_PEER_RISK_MITIGATION: return _("Peer mitigation of risk");
    case MW_N_ELEMENTS: default: break;
    }
  g_return_val_if_reached (NULL);
}

const char *
mw_score_context_to_string (MwScoreContext context)
{
  g_return_val_if_fail (context < MW_N_SCORE_CONTEXTS, NULL);
  return context_names[context];
}

const char *
mw_score_context_get_title (MwScoreContext context)
{
  g_return_val_if_fail (context < MW_N_SCORE_CONTEXTS, NULL);

  switch (context)
    {
    case MW_SCORE_CONTEXT_HIERARCHY: return _("Traditional hierarchy with a distributed overlay");
    case MW_SCORE_CONTEXT_FLAT: return _("Flat “distributed DNA” organisation");
    case MW_SCORE_CONTEXT_NIMBLE: return _("Nimble network");
    case MW_SCORE_CONTEXT_CROSS_ORG: return _("Cross-organisational collaboration");
    case MW_SCORE_CONTEXT_COMMAND_AND_CONTROL: return _("Command and control");
    case MW_SCORE_CONTEXT_UNDETERMINED: return _("Undetermined");
    case MW_N_SCORE_CONTEXTS: default: break;
    }
  g_return_val_if_reached (NULL);
}

static void
factor_free (MwFactor *factor)
{
  g_free (factor->text);
  g_free (factor->actor_ids);
  g_free (factor->tie_ids);
  g_free (factor);
}

/* @ids are in canonical order already (see MwScoring). The pointers and
 * the strings are one block, freed with one g_free(): a factor of 100,000
 * ids then costs one allocation, not 100,000, to make and to free (on the
 * UI thread, when newer scores replace these). */
GStrv
_mw_scores_strv_from_ids (GPtrArray *ids)
{
  guint n = ids != NULL ? ids->len : 0;
  gsize size = (n + 1) * sizeof (char *);
  g_autofree gsize *lengths = g_new (gsize, MAX (n, 1));
  GStrv strv;
  char *text;

  for (guint i = 0; i < n; i++)
    {
      lengths[i] = strlen (g_ptr_array_index (ids, i)) + 1;
      size += lengths[i];
    }
  strv = g_malloc (size);
  text = (char *) (strv + n + 1);
  for (guint i = 0; i < n; i++)
    {
      strv[i] = memcpy (text, g_ptr_array_index (ids, i), lengths[i]);
      text += lengths[i];
    }
  strv[n] = NULL;
  return strv;
}

/* An empty MwScores for a pass over the network at @generation. */
MwScores *
_mw_scores_new (guint64 generation)
{
  MwScores *self = g_new0 (MwScores, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->generation = generation;
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    self->factors[e] = g_ptr_array_new_with_free_func ((GDestroyNotify) factor_free);
  return self;
}

void
_mw_scores_set_evidence (MwScores  *self,
                         MwElement  element,
                         MwBasis    basis,
                         gboolean   measurable,
                         double     coverage,
                         char      *reason)
{
  MwEvidence *evidence = &self->evidence[element];

  g_free ((char *) evidence->reason);
  evidence->basis = basis;
  evidence->measurable = measurable;
  evidence->coverage = CLAMP (coverage, 0.0, 1.0);
  if (!measurable)
    self->score[element] = 0;
  if (reason == NULL)
    reason = g_strdup_printf (basis == MW_BASIS_STRUCTURE ?
                              _("Rests on the ties, which reach %.0f%% of the people") :
                              basis == MW_BASIS_DECLARED ?
                              _("Rests on the marks, which cover %.0f%% of the people") :
                              _("Rests on the ties and the marks, which reach %.0f%% of the people"),
                              100 * evidence->coverage);
  evidence->reason = reason;
}

void
_mw_scores_add_not_measurable (MwScores  *self,
                               MwElement  element)
{
  _mw_scores_add_factor (self, element, g_strdup (self->evidence[element].reason), NULL, NULL);
}

guint
_mw_scoring_n_groups (MwScoring      *scoring,
                      const gboolean *where)
{
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (scoring->n, 1));
  g_autoptr(GHashTable) others = NULL;
  guint count = 0;

  for (guint v = 0; v < scoring->n; v++)
    {
      guint group = mw_graph_group (scoring->graph, v);

      if (!scoring->person[v] || (where != NULL && !where[v]))
        continue;
      /* Group ids are dense today; any other id still counts once. */
      if (group < scoring->n)
        {
          count += !seen[group];
          seen[group] = TRUE;
          continue;
        }
      if (others == NULL)
        others = g_hash_table_new (NULL, NULL);
      count += g_hash_table_add (others, GUINT_TO_POINTER (group));
    }
  return count;
}

guint
_mw_scoring_n_people_tied (MwScoring *scoring,
                           guint      type,
                           gboolean  *also)
{
  g_autofree gboolean *tied = g_new0 (gboolean, MAX (scoring->n, 1));
  guint count = 0;

  for (guint i = 0; i < scoring->n_ties; i++)
    {
      const MwGraphTie *tie = &scoring->ties[i];

      if (scoring->direction[i] == MW_DIRECTION_SELF || (type != G_MAXUINT && tie->type != type))
        continue;
      tied[tie->from] = tied[tie->to] = TRUE;
    }
  for (guint v = 0; v < scoring->n; v++)
    count += scoring->person[v] && (tied[v] || (also != NULL && also[v]));
  return count;
}

void
_mw_scores_add_factor (MwScores  *self,
                       MwElement  element,
                       char      *text,
                       GPtrArray *actors,
                       GPtrArray *ties)
{
  MwFactor *factor = g_new0 (MwFactor, 1);

  factor->text = text;
  factor->actor_ids = _mw_scores_strv_from_ids (actors);
  factor->tie_ids = _mw_scores_strv_from_ids (ties);
  g_ptr_array_add (self->factors[element], factor);
}

GPtrArray *
_mw_scoring_people_where (MwScoring      *scoring,
                          const gboolean *flags,
                          gboolean        value)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < scoring->n; i++)
    {
      guint v = scoring->actor_order[i];

      if (scoring->person[v] && !flags[v] == !value)
        g_ptr_array_add (ids, mw_network_get_actor (scoring->network, v)->id);
    }
  return ids;
}

GPtrArray *
_mw_scoring_actors_where (MwScoring      *scoring,
                          const gboolean *flags)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (guint i = 0; i < scoring->n; i++)
    if (flags[scoring->actor_order[i]])
      g_ptr_array_add (ids, mw_network_get_actor (scoring->network, scoring->actor_order[i])->id);
  return ids;
}

/**
 * mw_scores_ref:
 *
 * Returns: (transfer full): @self
 */
MwScores *
mw_scores_ref (MwScores *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
mw_scores_unref (MwScores *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_ptr_array_unref (self->factors[e]);
      g_free ((char *) self->evidence[e].reason);
    }
  g_free (self->articulation_ids);
  g_free (self->reason);
  g_free (self);
}

double
mw_scores_get_score (MwScores  *self,
                     MwElement  element)
{
  g_return_val_if_fail (self != NULL && element < MW_N_ELEMENTS, 0);
  return self->score[element];
}

gboolean
mw_scores_is_measurable (MwScores  *self,
                         MwElement  element)
{
  g_return_val_if_fail (self != NULL && element < MW_N_ELEMENTS, FALSE);
  return self->evidence[element].measurable;
}

const MwEvidence *
mw_scores_get_evidence (MwScores  *self,
                        MwElement  element)
{
  g_return_val_if_fail (self != NULL && element < MW_N_ELEMENTS, NULL);
  return &self->evidence[element];
}

double
mw_scores_get_index (MwScores *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->index;
}

guint
mw_scores_get_n_measurable (MwScores *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_measurable;
}

const MwMeasures *
mw_scores_get_measures (MwScores *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->measures;
}

const char * const *
mw_scores_get_articulation_point_ids (MwScores *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->articulation_ids;
}

MwScoreContext
mw_scores_get_context (MwScores *self)
{
  g_return_val_if_fail (self != NULL, MW_SCORE_CONTEXT_HIERARCHY);
  return self->context;
}

double
mw_scores_get_context_confidence (MwScores *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->confidence;
}

const char *
mw_scores_get_context_reason (MwScores *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->reason;
}

double
mw_scores_get_context_fit (MwScores       *self,
                           MwScoreContext  context)
{
  g_return_val_if_fail (self != NULL && context < MW_N_SCORE_CONTEXTS, 0);
  return self->fit[context];
}

GPtrArray *
mw_scores_get_factors (MwScores  *self,
                       MwElement  element)
{
  g_return_val_if_fail (self != NULL && element < MW_N_ELEMENTS, NULL);
  return self->factors[element];
}

guint64
mw_scores_get_generation (MwScores *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->generation;
}
