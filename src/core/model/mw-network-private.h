/* mw-network-private.h: what the files of MwNetwork share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"
#include "mw-subgraph.h"

G_BEGIN_DECLS

struct _MwNetwork
{
  GObject     parent_instance;

  char       *name;
  GPtrArray  *actors;        /* MwActor*, owned, dense by actor->index */
  GPtrArray  *ties;          /* MwTie*, owned, dense by tie->index */
  GHashTable *actors_by_id;  /* borrowed id → MwActor* */
  GHashTable *ties_by_id;    /* borrowed id → MwTie*; NULL in a copy until first asked (_mw_network_tie_index()) */
  GHashTable *tie_id_next;   /* owned "from->to:type" → the first n of "#n" that may be free */
  GHashTable *attrs;
  GHashTable *node_defaults;
  GHashTable *edge_defaults;
  GPtrArray  *subgraphs;     /* MwSubgraph*, owned: what the file had (mw-network-source.c) */
  GPtrArray  *lossy;         /* char*, owned, NULL-terminated: what the file had and cannot be kept */
  guint64     generation;
  guint64     next_tie_serial;
  guint       batch_depth;
  char       *batch_name;
  guint       directed : 1;
  guint       strict : 1;
  guint       has_meshwork_attributes : 1;
};

/* Announces one change (or, inside a batch, only counts it). */
void        _mw_network_emit_change      (MwNetwork     *self,
                                          MwChangeKind   kind,
                                          MwField        fields,
                                          MwActor       *actor,
                                          MwTie         *tie);
/* The ties by id, made on first use in a copy. */
GHashTable *_mw_network_tie_index        (MwNetwork     *self);
/* An actor's groups of ties (see MwActor's adjacency). */
#define MW_OUT_GROUP(type) ((guint)(type))
#define MW_IN_GROUP(type)  ((guint)MW_N_TIE_TYPES + (guint)(type))

void        _mw_network_attach_tie       (MwActor       *actor,
                                          guint          group,
                                          MwTie         *tie);
void        _mw_network_detach_tie       (MwActor       *actor,
                                          guint          group,
                                          MwTie         *tie);

/* The one empty attribute table actors and ties share (a new reference). */
GHashTable *_mw_string_table_shared_empty (void);
/* Gives *table a table of its own (not the shared empty one) to write to. */
GHashTable *_mw_string_table_writable    (GHashTable   **table);
/* A NULL or empty value removes the attribute; TRUE when anything changed. */
gboolean    _mw_string_table_set         (GHashTable    *table,
                                          const char    *key,
                                          const char    *value);
/* The actor's string fields are GRefStrings: set one to a copy of @value,
 * or share @ref_string; each TRUE when the text changed. */
gboolean    _mw_ref_string_set           (char         **field,
                                          const char    *value);
gboolean    _mw_ref_string_share         (char         **field,
                                          char          *ref_string);
/* For g_ptr_array_sort() of strings. */
int         _mw_compare_strings_indirect (gconstpointer  a,
                                          gconstpointer  b);

G_END_DECLS
