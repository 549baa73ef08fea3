/* mw-subgraph.h: a subgraph of a file, kept for the round trip
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MwSubgraph:
 *
 * A subgraph the file had and Meshwork has no field for (a `rank=same`
 * group, a cluster with its colours, a plain named subgraph), written back
 * as it was. Members are actor ids: an actor removed since is left out on
 * save. Meshwork's own unit and organisation clusters are not kept here:
 * they are made from the actors' fields.
 */
typedef struct _MwSubgraph MwSubgraph;

struct _MwSubgraph
{
  char       *name;      /* "" for an anonymous `{ … }` */
  GHashTable *attrs;     /* char* → char*: its graph attributes (HTML marked, see mw-types.h) */
  GPtrArray  *members;   /* char*: actor ids, in the file's order */
  GPtrArray  *children;  /* MwSubgraph*, in the file's order */
};

MwSubgraph *mw_subgraph_new      (const char       *name);
MwSubgraph *mw_subgraph_copy     (const MwSubgraph *subgraph);
void        mw_subgraph_free     (MwSubgraph       *subgraph);
gboolean    mw_subgraph_is_cluster (const MwSubgraph *subgraph);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwSubgraph, mw_subgraph_free)

G_END_DECLS
