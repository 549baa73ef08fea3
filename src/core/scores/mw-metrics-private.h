/* mw-metrics-private.h: what the files above mw-metrics.c keep on a graph
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-metrics.h"

G_BEGIN_DECLS

/* Levels: mw-metrics.c (the snapshot) < mw-graph-groups.c. A file above
 * keeps what it computed lazily in this one slot, which mw_graph_free()
 * releases through @extension_free, so the snapshot never calls up. */
gpointer  _mw_graph_get_extension (MwGraph        *self);
void      _mw_graph_set_extension (MwGraph        *self,
                                   gpointer        extension,
                                   GDestroyNotify  extension_free);

G_END_DECLS
