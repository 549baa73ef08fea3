/* mw-timeline-edit.h: editing a series beside its timeline — add, remove, reorder, retitle, redate
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-series.h"

G_BEGIN_DECLS

#define MW_TYPE_TIMELINE_EDIT (mw_timeline_edit_get_type ())

G_DECLARE_FINAL_TYPE (MwTimelineEdit, mw_timeline_edit, MW, TIMELINE_EDIT, GtkBox)

void        mw_timeline_edit_set_series   (MwTimelineEdit *self,
                                           MwSeries       *series);
void        mw_timeline_edit_set_selected (MwTimelineEdit *self,
                                           int             index);
void        mw_timeline_edit_set_busy     (MwTimelineEdit *self,
                                           gboolean        busy);
void        mw_timeline_edit_add_files    (MwTimelineEdit *self,
                                           GListModel     *files);
/* (nullable): why the last save failed, or %NULL after one that worked */
const char *mw_timeline_edit_get_error    (MwTimelineEdit *self);

G_END_DECLS
