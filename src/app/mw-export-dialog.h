/* mw-export-dialog.h: choose how to export the network, with a preview
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-network.h"
#include "mw-progress.h"
#include "mw-scores.h"

G_BEGIN_DECLS

#define MW_TYPE_EXPORT_DIALOG (mw_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MwExportDialog, mw_export_dialog, MW, EXPORT_DIALOG, AdwWindow)

MwExportDialog *mw_export_dialog_new          (GtkWindow       *parent,
                                               MwNetwork       *network,
                                               MwScores        *scores,
                                               const char      *title);
void            mw_export_dialog_set_filtered_view (MwExportDialog *self,
                                               gboolean         filtered);
gboolean        mw_export_dialog_export_to_file (MwExportDialog *self,
                                               GFile           *file,
                                               GError         **error);
void            mw_export_dialog_export       (MwExportDialog  *self,
                                               GFile           *file);
void            mw_export_dialog_export_async (MwExportDialog  *self,
                                               GFile           *file,
                                               GCancellable    *cancellable,
                                               MwProgress      *progress,
                                               GAsyncReadyCallback callback,
                                               gpointer         user_data);
gboolean        mw_export_dialog_export_finish (MwExportDialog *self,
                                               GAsyncResult    *result,
                                               GError         **error);
GdkPaintable   *mw_export_dialog_get_preview  (MwExportDialog  *self);

G_END_DECLS
