/* mw-scores.h: how distributed a network's leadership is
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mw-network.h"

G_BEGIN_DECLS

/* Ancona & Backman's five elements of a distributed leadership system. */
typedef enum
{
  MW_ELEMENT_SPONTANEOUS_COLLABORATION,
  MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE,
  MW_ELEMENT_LOCAL_ENTREPRENEURSHIP,
  MW_ELEMENT_GLOBAL_PURPOSE,
  MW_ELEMENT_PEER_RISK_MITIGATION,
  MW_N_ELEMENTS
} MwElement;

/* The four organisational contexts of distributed leadership, the
 * command-and-control pyramid they are contrasted with, and "cannot
 * tell" (docs/scoring.md, "Context"). */
typedef enum
{
  MW_SCORE_CONTEXT_HIERARCHY,            /* traditional hierarchy with a distributed overlay */
  MW_SCORE_CONTEXT_FLAT,                 /* flat "distributed DNA" organisation */
  MW_SCORE_CONTEXT_NIMBLE,               /* nimble network */
  MW_SCORE_CONTEXT_CROSS_ORG,            /* cross-organisational collaboration */
  MW_SCORE_CONTEXT_COMMAND_AND_CONTROL,  /* a hierarchy without a distributed overlay */
  MW_SCORE_CONTEXT_UNDETERMINED,         /* empty, too small or unclear: the reason says why */
  MW_N_SCORE_CONTEXTS
} MwScoreContext;

/* The research's four contexts, the first four values: those with a diagram
 * (a template, a slide). */
#define MW_N_RESEARCH_CONTEXTS (MW_SCORE_CONTEXT_CROSS_ORG + 1)

/* The stable JSON names: "spontaneous_collaboration", …, and "hierarchy",
 * "flat", "nimble", "cross-org", "command-and-control", "undetermined". */
const char *mw_element_to_string       (MwElement       element);
gboolean    mw_element_from_string     (const char     *str,
                                        MwElement      *element);
/* Translated titles for people: "Spontaneous collaboration". */
const char *mw_element_get_title       (MwElement       element);
const char *mw_score_context_to_string (MwScoreContext  context);
const char *mw_score_context_get_title (MwScoreContext  context);

/**
 * MwFactor:
 * @text: one sentence a manager understands ("12 of 40 people have no
 *   collaborator outside their reporting line")
 * @actor_ids: the actors the sentence is about, sorted (never %NULL)
 * @tie_ids: the ties the sentence is about, sorted (never %NULL)
 */
typedef struct
{
  char  *text;
  GStrv  actor_ids;
  GStrv  tie_ids;
} MwFactor;

/* What an element rests on: the ties, the declared marks (`purpose`,
 * `initiative`, which are like survey answers), or both. */
typedef enum
{
  MW_BASIS_STRUCTURE,
  MW_BASIS_DECLARED,
  MW_BASIS_BOTH,
} MwBasis;

/* "structure", "declared", "both" (the JSON names). */
const char *mw_basis_to_string         (MwBasis         basis);

/**
 * MwEvidence:
 * @basis: what the element rests on
 * @measurable: whether the data it needs is there; when not, the element
 *   has no value (JSON `null`) and the index leaves it out
 * @coverage: 0–1, the share of people the data it rests on touches
 * @reason: one translated sentence: what it rests on, or what is missing
 *   ("Not measurable: mark who holds the purpose")
 */
typedef struct
{
  MwBasis      basis;
  gboolean     measurable;
  double       coverage;
  const char  *reason;
} MwEvidence;

/**
 * MwMeasures:
 *
 * The classic network measures, as defined in the literature (see
 * docs/scoring.md for each formula and its source). All are 0 where
 * undefined (fewer than two actors, no ties of the kind measured).
 */
typedef struct
{
  double centralization;      /* Freeman degree centralization of the leadership graph, 0–1 */
  double density;             /* Carson et al.'s shared-leadership density, 0–1 */
  double reciprocity;         /* share of leadership relations returned, 0–1 */
  double efficiency;          /* Latora & Marchiori's global efficiency, 0–1 */
  double efficiency_error;    /* 95% bound on its sampling error; 0 when exact */
  double ei_index;            /* Krackhardt & Stern's E-I index of collaboration, −1–1 */
  guint  articulation_points; /* single points of failure */
  guint  hierarchy_depth;     /* levels in the chain of command; 0 without reports ties */
  double span_of_control;     /* mean direct reports per manager */
  guint  max_span_of_control;
  double org_boundary_spanning; /* share of actors with a tie into another organisation, 0–1 */
} MwMeasures;

#define MW_TYPE_SCORES (mw_scores_get_type ())

/**
 * MwScores:
 *
 * The result of scoring a network: immutable and reference counted, so it
 * can be handed from a worker thread to the UI.
 *
 * mw_scores_compute() only *reads* the network. To score off the UI thread,
 * compute on a mw_network_copy() made on the UI thread and passed to the
 * worker (the model itself is not thread-safe); the result does not point
 * into the network, so it outlives the copy.
 */
typedef struct _MwScores MwScores;

GType              mw_scores_get_type              (void) G_GNUC_CONST;
MwScores          *mw_scores_compute               (MwNetwork      *network);
MwScores          *mw_scores_ref                   (MwScores       *self);
void               mw_scores_unref                 (MwScores       *self);

/* 0–100, and 0 when the element is not measurable: check
 * mw_scores_is_measurable() before showing it. */
double             mw_scores_get_score             (MwScores       *self,
                                                    MwElement       element);
gboolean           mw_scores_is_measurable         (MwScores       *self,
                                                    MwElement       element);
const MwEvidence  *mw_scores_get_evidence          (MwScores       *self,
                                                    MwElement       element);
/* The mean of the measurable elements (0 when none is), and how many it
 * rests on, 0–5. */
double             mw_scores_get_index             (MwScores       *self);
guint              mw_scores_get_n_measurable      (MwScores       *self);
const MwMeasures  *mw_scores_get_measures          (MwScores       *self);
/* Ids of the articulation points, sorted. */
const char * const *mw_scores_get_articulation_point_ids (MwScores *self);

MwScoreContext     mw_scores_get_context           (MwScores       *self);
/* 0–1: how clearly the network fits its context over the others. */
double             mw_scores_get_context_confidence (MwScores      *self);
const char        *mw_scores_get_context_reason    (MwScores       *self);
/* 0–1: how well the network fits each context. */
double             mw_scores_get_context_fit       (MwScores       *self,
                                                    MwScoreContext  context);

/* (transfer none) (element-type MwFactor): what explains the score. */
GPtrArray         *mw_scores_get_factors           (MwScores       *self,
                                                    MwElement       element);
/* mw_network_get_generation() of the network when it was scored. */
guint64            mw_scores_get_generation        (MwScores       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwScores, mw_scores_unref)

G_END_DECLS
