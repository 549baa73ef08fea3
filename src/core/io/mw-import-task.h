/* mw-import-task.h: a CSV import in a thread, into a copy of a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-csv.h"
#include "mw-network.h"

G_BEGIN_DECLS

void        mw_import_run_async  (MwNetwork                *into,
                                  MwCsvTable               *people,
                                  const MwCsvMapping       *people_mapping,
                                  MwCsvTable               *ties,
                                  const MwCsvMapping       *ties_mapping,
                                  const MwCsvImportOptions *options,
                                  GCancellable             *cancellable,
                                  GAsyncReadyCallback       callback,
                                  gpointer                  user_data);
MwNetwork  *mw_import_run_finish (GAsyncResult             *result,
                                  MwImportReport          **report,
                                  GError                  **error);

G_END_DECLS
