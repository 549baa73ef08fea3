/* mw-limits.h: how much of a file the readers accept before parsing it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

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

void            mw_limits_init_default   (MwLimits        *limits);
const MwLimits *mw_limits_or_default     (const MwLimits  *limits,
                                          MwLimits        *storage);
gboolean        mw_limits_check_size     (const MwLimits  *limits,
                                          guint64          size,
                                          const char      *source_name,
                                          GError         **error);
gboolean        mw_limits_check_count    (guint64          count,
                                          guint64          limit,
                                          const char      *what,
                                          const char      *source_name,
                                          GError         **error);

G_END_DECLS
