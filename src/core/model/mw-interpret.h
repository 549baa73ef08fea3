/* mw-interpret.h: what a foreign network's actors and ties mean
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mw-history.h"
#include "mw-network.h"

G_BEGIN_DECLS

/* The graph attribute an interpretation leaves behind, so the next open
 * of the saved file knows the answers were given. */
#define MW_INTERPRET_MARK "mw_interpreted"

/* Where a field's value comes from. */
typedef enum
{
  MW_INTERPRET_KEEP,        /* as loaded (for the unit: the DOT clusters) */
  MW_INTERPRET_ALL,         /* one value for every actor or tie */
  MW_INTERPRET_ATTRIBUTE,   /* from the values of a file attribute */
  MW_INTERPRET_NONE,        /* cleared (weights: all 1) */
} MwInterpretSource;

/**
 * MwInterpretPlan:
 *
 * The answers to "what does this network mean?": one tie type for all or
 * one per value of a tie attribute, the same for actor kinds, the
 * attributes that name organisations and units, and whether the weights
 * mean anything. Values map through VALUE=NAME pairs first, then as type or
 * kind names and their synonyms ("advice" → influences); "*" maps every
 * other value, an empty or missing one included.
 */
typedef struct
{
  MwInterpretSource  ties;
  MwTieType          tie_type;     /* for MW_INTERPRET_ALL */
  char              *tie_attr;     /* for MW_INTERPRET_ATTRIBUTE */
  GHashTable        *tie_map;      /* value → type name */
  MwInterpretSource  kinds;
  MwActorKind        kind;
  char              *kind_attr;
  GHashTable        *kind_map;     /* value → kind name */
  MwInterpretSource  org;          /* KEEP, ATTRIBUTE or NONE */
  char              *org_attr;
  MwInterpretSource  unit;         /* KEEP (clusters), ATTRIBUTE or NONE */
  char              *unit_attr;
  MwInterpretSource  weight;       /* KEEP (strength), ATTRIBUTE or NONE */
  char              *weight_attr;
  /* Collaboration is symmetric: a → b and b → a that both become
   * collaborations are one tie (the first in the file), unless this is set. */
  gboolean           keep_reciprocal;
} MwInterpretPlan;

MwInterpretPlan *mw_interpret_plan_new        (void);
void             mw_interpret_plan_free       (MwInterpretPlan  *plan);
/* "ATTR" or "ATTR:VALUE=NAME,VALUE=NAME" as the CLI takes it. */
gboolean         mw_interpret_plan_set_ties_from (MwInterpretPlan *plan,
                                               const char       *spec,
                                               GError          **error);
gboolean         mw_interpret_plan_set_kinds_from (MwInterpretPlan *plan,
                                               const char       *spec,
                                               GError          **error);

/**
 * MwInterpretPreview:
 *
 * What a plan would do to a network, before anything changes: the counts
 * per tie type and actor kind, the organisations and units, and the values
 * the plan could not map (a plan with any of those maps nothing).
 */
typedef struct
{
  guint   n_ties[MW_N_TIE_TYPES];
  guint   n_kinds[MW_N_ACTOR_KINDS];
  guint   n_orgs;
  guint   n_units;
  guint   n_weighted;          /* ties whose weight is not 1 */
  guint   n_merged;            /* reciprocal collaborations merged (not in n_ties) */
  GStrv   unmapped_ties;       /* values of the tie attribute, sorted */
  GStrv   unmapped_kinds;      /* values of the kind attribute, sorted */
  GStrv   bad_weights;         /* values of the weight attribute that are no number */
} MwInterpretPreview;

MwInterpretPreview *mw_interpret_preview      (MwNetwork        *network,
                                               const MwInterpretPlan *plan);
void             mw_interpret_preview_free    (MwInterpretPreview *preview);
/* FALSE with @error listing the values the plan cannot map. */
gboolean         mw_interpret_preview_check   (const MwInterpretPreview *preview,
                                               const MwInterpretPlan *plan,
                                               GError          **error);

/* Validates, then applies @plan to the history's network as one undoable
 * step ("Interpret Network") and marks the network interpreted. Nothing
 * changes when it fails. */
gboolean         mw_interpret_apply           (MwHistory        *history,
                                               const MwInterpretPlan *plan,
                                               GError          **error);

/* TRUE when @network looks as a file from another tool loads: no
 * Meshwork field set anywhere (every actor a person with no organisation,
 * every tie the type guessed from the graph's direction, no mw_*
 * attribute) and never interpreted. Its scores rest on guesses. */
gboolean         mw_interpret_is_guessed      (MwNetwork        *network);

/* Every attribute name actors (or ties) carry, sorted, for choosers. */
GStrv            mw_interpret_list_actor_attrs (MwNetwork       *network);
GStrv            mw_interpret_list_tie_attrs   (MwNetwork       *network);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwInterpretPlan, mw_interpret_plan_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwInterpretPreview, mw_interpret_preview_free)

G_END_DECLS
