/* mw-graphml-private.h: what the GraphML reader and writer agree on
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-graphml.h"

G_BEGIN_DECLS

/* Meshwork's fields, under the same names as in DOT files. x and y are
 * Gephi's position keys: points, y up like Graphviz's pos. */
extern const char * const _mw_graphml_node_fields[];
extern const char * const _mw_graphml_edge_fields[];

/* Before an attribute that has the name of one of the fields above. */
#define MW_GRAPHML_ATTR_PREFIX "mw_attr:"

/* Which elements a key is for: GraphML's `for` attribute. */
typedef enum
{
  MW_GRAPHML_DOMAIN_ALL,
  MW_GRAPHML_DOMAIN_GRAPH,
  MW_GRAPHML_DOMAIN_NODE,
  MW_GRAPHML_DOMAIN_EDGE,
  MW_GRAPHML_DOMAIN_OTHER,
} MwGraphmlDomain;

G_END_DECLS
