/* mw-import-task.c: a CSV import in a thread, into a copy of a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way an import runs off the main thread. An open network is never
 * touched: the thread works on a copy (or on a new network), and the
 * caller puts the result in place on its own thread, as one step.
 */

#define G_LOG_DOMAIN "mw-csv"

#include "mw-import-task.h"

typedef struct
{
  MwNetwork          *network;          /* (nullable) the copy imported into */
  MwCsvTable         *people;           /* (nullable) */
  MwCsvTable         *ties;             /* (nullable) */
  MwCsvMapping        people_mapping;
  MwCsvMapping        ties_mapping;
  gboolean            has_people_mapping;
  gboolean            has_ties_mapping;
  MwCsvImportOptions  options;
  gboolean            has_options;
  MwImportReport     *report;           /* (nullable) once imported */
} ImportTask;

static void
import_task_free (ImportTask *data)
{
  g_clear_object (&data->network);
  g_clear_pointer (&data->people, mw_csv_table_unref);
  g_clear_pointer (&data->ties, mw_csv_table_unref);
  g_clear_pointer (&data->report, mw_import_report_free);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportTask *data = task_data;
  const MwCsvMapping *people_mapping = data->has_people_mapping ? &data->people_mapping : NULL;
  const MwCsvMapping *ties_mapping = data->has_ties_mapping ? &data->ties_mapping : NULL;
  const MwCsvImportOptions *options = data->has_options ? &data->options : NULL;
  GError *error = NULL;

  if (data->network == NULL)
    data->network = mw_csv_import (data->people, people_mapping, data->ties, ties_mapping,
                                   options, &data->report, &error);
  else if (!mw_csv_import_into (data->network, data->people, people_mapping, data->ties, ties_mapping,
                                options, &data->report, &error))
    g_clear_object (&data->network);

  if (data->network == NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

/**
 * mw_import_run_async:
 * @into: (nullable): the network the import goes into, or %NULL for a new one
 *
 * mw_csv_import_into() on a copy of @into (mw_csv_import() without it) in
 * a thread. @into is only read, before this returns; the tables are
 * shared (referenced), the mappings and options copied.
 */
void
mw_import_run_async (MwNetwork                *into,
                     MwCsvTable               *people,
                     const MwCsvMapping       *people_mapping,
                     MwCsvTable               *ties,
                     const MwCsvMapping       *ties_mapping,
                     const MwCsvImportOptions *options,
                     GCancellable             *cancellable,
                     GAsyncReadyCallback       callback,
                     gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportTask *data;

  g_return_if_fail (into == NULL || MW_IS_NETWORK (into));
  g_return_if_fail (people != NULL || ties != NULL);

  data = g_new0 (ImportTask, 1);
  data->network = into != NULL ? mw_network_copy (into) : NULL;
  data->people = people != NULL ? mw_csv_table_ref (people) : NULL;
  data->ties = ties != NULL ? mw_csv_table_ref (ties) : NULL;
  if ((data->has_people_mapping = people_mapping != NULL))
    data->people_mapping = *people_mapping;
  if ((data->has_ties_mapping = ties_mapping != NULL))
    data->ties_mapping = *ties_mapping;
  if ((data->has_options = options != NULL))
    data->options = *options;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_import_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_task_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * mw_import_run_finish:
 * @report: (out) (transfer full) (optional): the problems found
 *
 * Returns: (transfer full) (nullable): the copy with the import in it (or
 *   the new network), or %NULL with @error
 */
MwNetwork *
mw_import_run_finish (GAsyncResult    *result,
                      MwImportReport **report,
                      GError         **error)
{
  ImportTask *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mw_import_run_async), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = g_steal_pointer (&data->report);
  return g_steal_pointer (&data->network);
}
