/* mw-layout-tree.h: the org chart as a tidy tree, in linear time
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mw-network.h"

G_BEGIN_DECLS

/* Centre to centre, between a manager's rank and their reports'. */
#define MW_LAYOUT_TREE_RANK_STEP 110.0

/* What one tree layout did: for tests (steps grow linearly with the
 * actors) and for anyone curious about the input's shape. */
typedef struct
{
  guint64 steps;          /* nodes visited plus contour steps taken */
  guint   n_roots;        /* trees in the forest (lone actors not counted) */
  guint   n_lone;         /* actors outside every reporting line: the block beside */
  guint   n_cycles_broken;
  guint   n_extra_managers; /* reports ties beyond each actor's first: drawn over */
  guint   depth;          /* ranks below the top */
} MwLayoutTreeStats;

/* Returns: (transfer full) (element-type utf8 MwLayoutPoint): id → point,
 * for every actor. Pinned actors are not special here: mw_layout_compute()
 * puts them back. @stats may be %NULL. */
GHashTable *mw_layout_tree_compute (MwNetwork         *network,
                                    MwLayoutTreeStats *stats);

G_END_DECLS
