/* mw-dot.h: Meshwork's native file format, Graphviz DOT, through cgraph
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-limits.h"
#include "mw-network.h"

G_BEGIN_DECLS

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
void        mw_dot_wait_closed       (void);

G_END_DECLS
