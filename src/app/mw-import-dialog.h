/* mw-import-dialog.h: people and ties from CSV files, columns mapped to fields
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-csv.h"
#include "mw-import-report.h"
#include "mw-document.h"

G_BEGIN_DECLS

#define MW_TYPE_IMPORT_DIALOG (mw_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MwImportDialog, mw_import_dialog, MW, IMPORT_DIALOG, AdwWindow)

MwImportDialog     *mw_import_dialog_new         (GtkWindow          *parent,
                                                  MwDocument         *document);
void                mw_import_dialog_load_people (MwImportDialog     *self,
                                                  GFile              *file);
void                mw_import_dialog_load_ties   (MwImportDialog     *self,
                                                  GFile              *file);
gboolean            mw_import_dialog_is_busy     (MwImportDialog     *self);
MwCsvTable         *mw_import_dialog_get_table   (MwImportDialog     *self,
                                                  gboolean            ties);
const MwCsvMapping *mw_import_dialog_get_mapping (MwImportDialog     *self,
                                                  gboolean            ties);
void                mw_import_dialog_set_format  (MwImportDialog     *self,
                                                  char                delimiter,
                                                  gboolean            has_header);
void                mw_import_dialog_set_column  (MwImportDialog     *self,
                                                  MwCsvField          field,
                                                  int                 column);
void                mw_import_dialog_set_file_is_ties (MwImportDialog *self,
                                                  gboolean            ties);
gboolean            mw_import_dialog_get_file_is_ties (MwImportDialog *self);
const char         *mw_import_dialog_get_survey_preview (MwImportDialog *self);
const char         *mw_import_dialog_get_error   (MwImportDialog     *self);
const char         *mw_import_dialog_get_layout_error (MwImportDialog *self);
void                mw_import_dialog_import      (MwImportDialog     *self);
void                mw_import_dialog_add_filters (GtkFileChooser     *chooser);

AdwToast           *mw_import_report_toast_new   (GtkWindow          *parent,
                                                  MwImportReport     *report,
                                                  const char         *layout_error);

G_END_DECLS
