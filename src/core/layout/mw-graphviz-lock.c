/* mw-graphviz-lock.c: the lock every call into cgraph and gvc takes
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* It lives with the layout rather than with the DOT reader because layout
 * is what runs Graphviz in worker threads (mw-layout-async.c); the DOT
 * reader and writer take the same lock since cgraph's parser state is
 * global too. One lock for both, so a parse never meets a layout. */

#define G_LOG_DOMAIN "mw-graphviz-lock"

#include "config.h"

#include "mw-graphviz-lock.h"

static GMutex graphviz_mutex;

void
mw_graphviz_lock (void)
{
  g_mutex_lock (&graphviz_mutex);
}

void
mw_graphviz_unlock (void)
{
  g_mutex_unlock (&graphviz_mutex);
}
