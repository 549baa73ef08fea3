/* mw-graphviz-lock.h: one lock around Graphviz's global state
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* cgraph and gvc keep global parser and layout state: every call into
 * them, from any thread, goes between these two. */
void        mw_graphviz_lock         (void);
void        mw_graphviz_unlock       (void);

/* Under the lock: what cgraph and gvc report between the two (the last
 * message, whole), without cgraph 2.42's formatting for agseterrf(). */
void        mw_graphviz_messages_begin (void);
char       *mw_graphviz_messages_end   (void);

G_END_DECLS
