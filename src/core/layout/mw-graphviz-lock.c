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

#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

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

/* Every message of cgraph and gvc goes through agerr(). For a function
 * given with agseterrf(), cgraph 2.42 formats it in a static buffer of
 * 1,024 bytes that it grows wrongly (realloc()'s result is dropped and the
 * arguments read twice): a longer message, such as a syntax error near a
 * long name, was written into freed memory, and the first one of a process
 * came out as another text than the next (found by fuzz-dot: the same
 * bytes loaded twice gave two messages). Messages below cgraph's error
 * level go whole to a file of its own instead, and aglasterr() gives back
 * the last one; a mark before the work tells "none" from an older one. */
#define MESSAGE_MARK "\001meshwork: no message\n"

void
mw_graphviz_messages_begin (void)
{
  agseterr (AGMAX);
  agerr (AGWARN, "%s", MESSAGE_MARK);
}

/**
 * mw_graphviz_messages_end:
 *
 * Returns: (transfer full): the last message since
 *   mw_graphviz_messages_begin(), "" when there was none
 */
char *
mw_graphviz_messages_end (void)
{
  char *last = aglasterr ();
  char *message = g_strdup (last != NULL && strcmp (last, MESSAGE_MARK) != 0 ? last : "");

  /* allocated by cgraph */
  free (last);
  agseterr (AGWARN);
  return message;
}
