/* mw-dot.h: Meshwork's native file format, Graphviz DOT, through cgraph
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-network.h"

G_BEGIN_DECLS

/* Refusals made before a byte reaches cgraph. Hostile files must not reach
 * a parser that recurses once per subgraph or allocates without bound. */
typedef struct
{
  gsize max_bytes;       /* file size */
  guint max_subgraphs;   /* `{` blocks in all */
  guint max_depth;       /* `{` nesting */
  gsize max_string;      /* one quoted string, HTML string or identifier */
  guint max_actors;
  guint max_ties;
} MwLimits;

void        mw_limits_init_default   (MwLimits        *limits);

MwNetwork  *mw_dot_load_data         (const char      *data,
                                      gsize            length,
                                      const char      *source_name,
                                      const MwLimits  *limits,
                                      GError         **error);
MwNetwork  *mw_dot_load_file         (const char      *path,
                                      const MwLimits  *limits,
                                      GError         **error);
char       *mw_dot_save_data         (MwNetwork       *network,
                                      gsize           *length);
gboolean    mw_dot_save_file         (MwNetwork       *network,
                                      const char      *path,
                                      GError         **error);

/* cgraph and gvc keep global parser and layout state: every call into
 * them, from any thread, goes between these two. */
void        mw_graphviz_lock         (void);
void        mw_graphviz_unlock       (void);

G_END_DECLS
