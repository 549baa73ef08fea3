/* mw-timeline-view.h: a series of snapshots as a timeline, in a window of its own
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-series.h"

G_BEGIN_DECLS

#define MW_TYPE_TIMELINE_VIEW (mw_timeline_view_get_type ())

G_DECLARE_FINAL_TYPE (MwTimelineView, mw_timeline_view, MW, TIMELINE_VIEW, AdwApplicationWindow)

MwTimelineView *mw_timeline_view_new           (GtkApplication *application,
                                                GFile          *file);
MwSeries       *mw_timeline_view_get_series    (MwTimelineView *self);
gboolean        mw_timeline_view_get_loaded    (MwTimelineView *self);
int             mw_timeline_view_get_selected  (MwTimelineView *self);
void            mw_timeline_view_select        (MwTimelineView *self,
                                                int             index);
void            mw_timeline_view_open_snapshot (MwTimelineView *self,
                                                guint           index);
GtkWidget      *mw_timeline_view_get_chart     (MwTimelineView *self);

G_END_DECLS
