/* mw-progress.h: how far a long operation has come, readable from another thread
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MW_PROGRESS_UNKNOWN (-1.0)

typedef struct _MwProgress MwProgress;

MwProgress   *mw_progress_new                  (GCancellable *cancellable);
MwProgress   *mw_progress_new_relay            (GCancellable *cancellable,
                                                MwProgress   *to);
MwProgress   *mw_progress_ref                  (MwProgress   *self);
void          mw_progress_unref                (MwProgress   *self);
void          mw_progress_set_fraction         (MwProgress   *self,
                                                double        fraction);
double        mw_progress_get_fraction         (MwProgress   *self);
gboolean      mw_progress_is_cancelled         (MwProgress   *self);

/* The progress that code deep inside a load (a parser's read callback)
 * reports to in this thread, as GMainContext has a thread default. */
void          mw_progress_push_thread_default  (MwProgress   *self);
void          mw_progress_pop_thread_default   (MwProgress   *self);
MwProgress   *mw_progress_get_thread_default   (void);
/* Reports @fraction of the stage from @start to @end to the thread's
 * progress, if there is one; FALSE when the operation was cancelled. */
gboolean      mw_progress_report               (double        start,
                                                double        end,
                                                double        fraction);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwProgress, mw_progress_unref)

G_END_DECLS
