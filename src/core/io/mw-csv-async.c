/* mw-csv-async.c: loading a table and importing it in a worker thread
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-csv"

#include "config.h"

#include "mw-csv.h"

/* ---------------------------------------------------------------------- */
/* In a thread, for the app                                                */

typedef struct
{
  GFile       *file;
  MwCsvFormat  format;
  gboolean     has_format;
  MwLimits     limits;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_free (data);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_parse_name (data->file);
  MwCsvTable *table;
  gsize length;

  if (!g_file_load_contents (data->file, cancellable, &contents, &length, NULL, &error))
    {
      g_task_return_new_error (task, error->domain, error->code, "%s: %s", name, error->message);
      return;
    }

  table = mw_csv_table_parse (contents, length, name, data->has_format ? &data->format : NULL,
                              &data->limits, &error);
  if (table == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, table, (GDestroyNotify)mw_csv_table_unref);
}

/**
 * mw_csv_table_load_file_async:
 * @format: (nullable): sniffed when %NULL
 * @limits: (nullable): the defaults when %NULL
 *
 * Reads and parses @file in a thread, so that a dialog stays responsive
 * with a large export.
 */
void
mw_csv_table_load_file_async (GFile               *file,
                              const MwCsvFormat   *format,
                              const MwLimits      *limits,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (LoadData, 1);
  data->file = g_object_ref (file);
  data->has_format = format != NULL;
  if (format != NULL)
    data->format = *format;
  if (limits != NULL)
    data->limits = *limits;
  else
    mw_limits_init_default (&data->limits);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_csv_table_load_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify)load_data_free);
  g_task_run_in_thread (task, load_file_thread);
}

/**
 * mw_csv_table_load_file_finish:
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error
 */
MwCsvTable *
mw_csv_table_load_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  MwCsvTable         *people;
  MwCsvTable         *ties;
  MwCsvMapping        people_mapping;
  MwCsvMapping        ties_mapping;
  gboolean            has_people_mapping;
  gboolean            has_ties_mapping;
  MwCsvImportOptions  options;
  gboolean            has_options;
} ImportData;

typedef struct
{
  MwNetwork      *network;
  MwImportReport *report;
} ImportResult;

static void
import_data_free (ImportData *data)
{
  g_clear_pointer (&data->people, mw_csv_table_unref);
  g_clear_pointer (&data->ties, mw_csv_table_unref);
  g_free (data);
}

static void
import_result_free (ImportResult *result)
{
  g_clear_object (&result->network);
  g_clear_pointer (&result->report, mw_import_report_free);
  g_free (result);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  ImportResult *result = g_new0 (ImportResult, 1);
  GError *error = NULL;

  result->network = mw_csv_import (data->people, data->has_people_mapping ? &data->people_mapping : NULL,
                                   data->ties, data->has_ties_mapping ? &data->ties_mapping : NULL,
                                   data->has_options ? &data->options : NULL, &result->report, &error);
  if (result->network == NULL)
    {
      import_result_free (result);
      g_task_return_error (task, error);
    }
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, result, (GDestroyNotify)import_result_free);
  else
    import_result_free (result);
}

/**
 * mw_csv_import_async:
 *
 * mw_csv_import() in a thread; the tables are shared (referenced), the
 * mappings and options copied. Nothing touches an open network: the app
 * puts the result in place (or merges it) on its own thread.
 */
void
mw_csv_import_async (MwCsvTable               *people,
                     const MwCsvMapping       *people_mapping,
                     MwCsvTable               *ties,
                     const MwCsvMapping       *ties_mapping,
                     const MwCsvImportOptions *options,
                     GCancellable             *cancellable,
                     GAsyncReadyCallback       callback,
                     gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (people != NULL || ties != NULL);

  data = g_new0 (ImportData, 1);
  data->people = people != NULL ? mw_csv_table_ref (people) : NULL;
  data->ties = ties != NULL ? mw_csv_table_ref (ties) : NULL;
  if ((data->has_people_mapping = people_mapping != NULL))
    data->people_mapping = *people_mapping;
  if ((data->has_ties_mapping = ties_mapping != NULL))
    data->ties_mapping = *ties_mapping;
  if ((data->has_options = options != NULL))
    data->options = *options;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, mw_csv_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * mw_csv_import_finish:
 * @report: (out) (transfer full) (optional): the problems found
 *
 * Returns: (transfer full) (nullable): the new network, or %NULL with @error
 */
MwNetwork *
mw_csv_import_finish (GAsyncResult    *result,
                      MwImportReport **report,
                      GError         **error)
{
  ImportResult *import_result;
  MwNetwork *network;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  import_result = g_task_propagate_pointer (G_TASK (result), error);
  if (import_result == NULL)
    return NULL;

  network = g_steal_pointer (&import_result->network);
  if (report != NULL)
    *report = g_steal_pointer (&import_result->report);
  import_result_free (import_result);
  return network;
}
