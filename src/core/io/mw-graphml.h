/* mw-graphml.h: GraphML in and out (yEd, Gephi, Cytoscape, networkx, igraph)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-limits.h"
#include "mw-network.h"

G_BEGIN_DECLS

MwNetwork  *mw_graphml_load_data     (const char      *data,
                                      gsize            length,
                                      const char      *source_name,
                                      const MwLimits  *limits,
                                      GError         **error);
MwNetwork  *mw_graphml_load_file     (const char      *path,
                                      const MwLimits  *limits,
                                      GError         **error);
char       *mw_graphml_save_data     (MwNetwork       *network,
                                      gsize           *length);
gboolean    mw_graphml_save_file     (MwNetwork       *network,
                                      const char      *path,
                                      GError         **error);

G_END_DECLS
