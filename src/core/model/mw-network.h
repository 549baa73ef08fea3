/* mw-network.h
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mw-types.h"
#include "mw-subgraph.h"

G_BEGIN_DECLS

typedef struct _MwActor MwActor;
typedef struct _MwTie   MwTie;

/**
 * MwActor:
 *
 * A person, team or organisation. Owned by its #MwNetwork; every field is
 * read-only outside mw-network.c: change them through the mw_network_set_*()
 * functions so that views and the scorer hear about it.
 *
 * Positions are in points, x to the right and y *downwards* (screen
 * convention); DOT files store Graphviz's y-up `pos`, the loader flips it.
 *
 * id, label, org, unit and notes are #GRefStrings, which several actors
 * may share (one long declared default is held once; an actor without a
 * label of its own holds its id once).
 */
struct _MwActor
{
  char        *id;         /* a GRefString, shared with the label when they are equal */
  char        *label;      /* never NULL; the id when the file has none */
  char        *org;        /* organisation (its boundary); "" when none */
  char        *unit;       /* group inside the organisation; "" when none */
  char        *notes;      /* "" when none */
  double       x;
  double       y;
  MwActorKind  kind;
  guint        purpose : 1;       /* holds and articulates the shared purpose */
  guint        initiative : 1;    /* leads a self-started venture */
  guint        pinned : 1;        /* automatic layout leaves it where it is */
  guint        has_position : 1;
  guint        index;      /* dense 0…n-1; changes when another actor is removed */
  /* Every tie of the actor in one array, read through mw_actor_out() and
   * mw_actor_in(): the ties from it by type, then the ties to it by type;
   * group g ends at adjacency_ends[g] (out: g = type, in: MW_N_TIE_TYPES + type).
   * (The fields are ordered so that an actor takes 120 bytes.) */
  guint        adjacency_ends[2 * MW_N_TIE_TYPES];
  guint        adjacency_alloc;
  GHashTable  *attrs;      /* char* → char*: other attributes, kept for the round trip */
  MwTie      **adjacency;
};

/**
 * MwTie:
 *
 * A directed tie from → to. `collaborates` is symmetric in meaning but is
 * still stored with the direction the file gave it. Read-only like #MwActor.
 */
struct _MwTie
{
  char        *id;         /* unique in the network */
  MwActor     *from;
  MwActor     *to;
  MwTieType    type;
  double       weight;     /* 1 unless the file says otherwise */
  guint        index;      /* dense 0…n-1; changes when another tie is removed */
  GHashTable  *attrs;      /* char* → char*: other attributes, kept for the round trip */
};

static inline guint
_mw_actor_group_start (const MwActor *actor,
                       guint          group)
{
  return group == 0 ? 0 : actor->adjacency_ends[group - 1];
}

static inline guint
mw_actor_n_out (const MwActor *actor,
                MwTieType      type)
{
  return actor->adjacency_ends[type] - _mw_actor_group_start (actor, type);
}

static inline guint
mw_actor_n_in (const MwActor *actor,
               MwTieType      type)
{
  return actor->adjacency_ends[MW_N_TIE_TYPES + type] -
         _mw_actor_group_start (actor, MW_N_TIE_TYPES + type);
}

static inline MwTie *
mw_actor_out (const MwActor *actor,
              MwTieType      type,
              guint          i)
{
  return actor->adjacency[_mw_actor_group_start (actor, type) + i];
}

static inline MwTie *
mw_actor_in (const MwActor *actor,
             MwTieType      type,
             guint          i)
{
  return actor->adjacency[_mw_actor_group_start (actor, MW_N_TIE_TYPES + type) + i];
}

/* What a #MwNetwork::changed signal announces. */
typedef enum
{
  MW_CHANGE_ACTOR_ADDED,
  MW_CHANGE_ACTOR_REMOVED,   /* emitted after it left the network, before it is freed */
  MW_CHANGE_ACTOR_CHANGED,
  MW_CHANGE_TIE_ADDED,
  MW_CHANGE_TIE_REMOVED,     /* emitted after it left the network, before it is freed */
  MW_CHANGE_TIE_CHANGED,
  MW_CHANGE_NETWORK_CHANGED, /* graph attributes, name */
  MW_CHANGE_BATCH,           /* many changes at once: re-read everything */
} MwChangeKind;

/* Which field of an actor or tie changed, for MW_CHANGE_*_CHANGED. */
typedef enum
{
  MW_FIELD_NONE       = 0,
  MW_FIELD_ID         = 1 << 0,
  MW_FIELD_LABEL      = 1 << 1,
  MW_FIELD_KIND       = 1 << 2,
  MW_FIELD_ORG        = 1 << 3,
  MW_FIELD_UNIT       = 1 << 4,
  MW_FIELD_NOTES      = 1 << 5,
  MW_FIELD_POSITION   = 1 << 6,
  MW_FIELD_PURPOSE    = 1 << 7,
  MW_FIELD_INITIATIVE = 1 << 8,
  MW_FIELD_PINNED     = 1 << 9,
  MW_FIELD_ATTRS      = 1 << 10,
  MW_FIELD_TIE_TYPE   = 1 << 11,
  MW_FIELD_WEIGHT     = 1 << 12,
  MW_FIELD_ENDPOINTS  = 1 << 13,
} MwField;

typedef struct
{
  MwChangeKind  kind;
  MwField       fields;    /* for the *_CHANGED kinds */
  MwActor      *actor;     /* (nullable) */
  MwTie        *tie;       /* (nullable) */
  const char   *batch_name;/* (nullable) for MW_CHANGE_BATCH: "Move 3 Actors" */
} MwChange;

typedef enum
{
  MW_PROBLEM_REPORTS_CYCLE,
  MW_PROBLEM_SELF_TIE,
  MW_PROBLEM_DUPLICATE_TIE,
  MW_PROBLEM_NOT_A_TIE,      /* weight ≤ 0: the scores do not count it */
} MwProblemKind;

typedef struct
{
  MwProblemKind   kind;
  char           *message;    /* for people: "Reports cycle: Ann → Bob → Ann" */
  GStrv           actor_ids;  /* the actors involved */
  GStrv           tie_ids;    /* the ties involved */
} MwProblem;

void        mw_problem_free (MwProblem *problem);
const char *mw_problem_kind_to_string (MwProblemKind kind);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwProblem, mw_problem_free)

#define MW_TYPE_NETWORK (mw_network_get_type ())

G_DECLARE_FINAL_TYPE (MwNetwork, mw_network, MW, NETWORK, GObject)

MwNetwork   *mw_network_new                 (void);
MwNetwork   *mw_network_copy                (MwNetwork    *self);
void         mw_network_copy_update         (MwNetwork    *copy,
                                             MwNetwork    *self,
                                             GHashTable   *actor_ids,
                                             GHashTable   *tie_ids);
const char  *mw_network_get_name           (MwNetwork    *self);
void         mw_network_set_name           (MwNetwork    *self,
                                            const char   *name);
gboolean     mw_network_get_directed       (MwNetwork    *self);
void         mw_network_set_directed       (MwNetwork    *self,
                                            gboolean      directed);
guint64      mw_network_get_generation     (MwNetwork    *self);

/* Graph-level attributes kept for the round trip (label, rankdir, …) and
 * the file's default node and edge attributes. char* → char*. */
GHashTable  *mw_network_get_attrs          (MwNetwork    *self);
GHashTable  *mw_network_get_node_defaults  (MwNetwork    *self);
GHashTable  *mw_network_get_edge_defaults  (MwNetwork    *self);
void         mw_network_set_attr           (MwNetwork    *self,
                                            const char   *key,
                                            const char   *value);

guint        mw_network_get_n_actors       (MwNetwork    *self);
MwActor     *mw_network_get_actor          (MwNetwork    *self,
                                            guint         index);
MwActor     *mw_network_lookup_actor       (MwNetwork    *self,
                                            const char   *id);
guint        mw_network_get_n_ties         (MwNetwork    *self);
MwTie       *mw_network_get_tie            (MwNetwork    *self,
                                            guint         index);
MwTie       *mw_network_lookup_tie         (MwNetwork    *self,
                                            const char   *id);
char        *mw_network_unique_actor_id    (MwNetwork    *self,
                                            const char   *prefix);

MwActor     *mw_network_add_actor          (MwNetwork    *self,
                                            const char   *id,
                                            const char   *label,
                                            MwActorKind   kind,
                                            GError      **error);
void         mw_network_remove_actor       (MwNetwork    *self,
                                            MwActor      *actor);
gboolean     mw_network_set_actor_id       (MwNetwork    *self,
                                            MwActor      *actor,
                                            const char   *id,
                                            GError      **error);
void         mw_network_set_actor_label    (MwNetwork    *self,
                                            MwActor      *actor,
                                            const char   *label);
void         mw_network_set_actor_kind     (MwNetwork    *self,
                                            MwActor      *actor,
                                            MwActorKind   kind);
void         mw_network_set_actor_org      (MwNetwork    *self,
                                            MwActor      *actor,
                                            const char   *org);
void         mw_network_set_actor_unit     (MwNetwork    *self,
                                            MwActor      *actor,
                                            const char   *unit);
void         mw_network_set_actor_notes    (MwNetwork    *self,
                                            MwActor      *actor,
                                            const char   *notes);
void         mw_network_share_actor_string (MwNetwork    *self,
                                            MwActor      *actor,
                                            MwField       field,
                                            char         *ref_string);
void         mw_network_set_actor_purpose  (MwNetwork    *self,
                                            MwActor      *actor,
                                            gboolean      purpose);
void         mw_network_set_actor_initiative (MwNetwork  *self,
                                            MwActor      *actor,
                                            gboolean      initiative);
void         mw_network_set_actor_pinned   (MwNetwork    *self,
                                            MwActor      *actor,
                                            gboolean      pinned);
void         mw_network_set_actor_position (MwNetwork    *self,
                                            MwActor      *actor,
                                            double        x,
                                            double        y);
void         mw_network_clear_actor_position (MwNetwork  *self,
                                            MwActor      *actor);
void         mw_network_set_actor_attr     (MwNetwork    *self,
                                            MwActor      *actor,
                                            const char   *key,
                                            const char   *value);

MwTie       *mw_network_add_tie            (MwNetwork    *self,
                                            MwActor      *from,
                                            MwActor      *to,
                                            MwTieType     type,
                                            double        weight,
                                            const char   *id);
void         mw_network_remove_tie         (MwNetwork    *self,
                                            MwTie        *tie);
void         mw_network_set_tie_type       (MwNetwork    *self,
                                            MwTie        *tie,
                                            MwTieType     type);
void         mw_network_set_tie_weight     (MwNetwork    *self,
                                            MwTie        *tie,
                                            double        weight);
void         mw_network_set_tie_endpoints  (MwNetwork    *self,
                                            MwTie        *tie,
                                            MwActor      *from,
                                            MwActor      *to);
void         mw_network_set_tie_attr       (MwNetwork    *self,
                                            MwTie        *tie,
                                            const char   *key,
                                            const char   *value);

void         mw_network_blank_actor_attr   (MwNetwork    *self,
                                            MwActor      *actor,
                                            const char   *key);
void         mw_network_blank_tie_attr     (MwNetwork    *self,
                                            MwTie        *tie,
                                            const char   *key);

void         mw_network_begin_batch        (MwNetwork    *self,
                                            const char   *name);
void         mw_network_end_batch          (MwNetwork    *self);
gboolean     mw_network_in_batch           (MwNetwork    *self);

/* What the file held beyond the fields (mw-network-source.c). */
GPtrArray   *mw_network_get_subgraphs      (MwNetwork    *self);
gboolean     mw_network_get_strict         (MwNetwork    *self);
void         mw_network_set_strict         (MwNetwork    *self,
                                            gboolean      strict);
gboolean     mw_network_get_has_meshwork_attributes (MwNetwork *self);
void         mw_network_set_has_meshwork_attributes (MwNetwork *self,
                                            gboolean      has_them);
const char * const *mw_network_get_lossy_features (MwNetwork *self);
void         mw_network_add_lossy_feature  (MwNetwork    *self,
                                            const char   *what);

GPtrArray   *mw_network_check              (MwNetwork    *self);
gboolean     mw_network_equal              (MwNetwork    *a,
                                            MwNetwork    *b,
                                            char        **difference);
GStrv        mw_network_list_orgs          (MwNetwork    *self);
GStrv        mw_network_list_units         (MwNetwork    *self);

G_END_DECLS
