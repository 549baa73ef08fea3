/* mw-csv-async.c: loading a table and importing it in a worker thread, into a new network
 * or into a copy of the open one
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
 * mw_csv_import_async:
 * @into: (nullable): the network the import goes into, or %NULL for a new one
 *
 * mw_csv_import_into() on a copy of @into (mw_csv_import() without it) in
 * a thread. @into is only read, before this returns; the tables are
 * shared (referenced), the mappings and options copied.
 */
void
mw_csv_import_async (MwNetwork                *into,
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
  g_task_set_source_tag (task, mw_csv_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify)import_task_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * mw_csv_import_finish:
 * @report: (out) (transfer full) (optional): the problems found
 *
 * Returns: (transfer full) (nullable): the copy with the import in it (or
 *   the new network), or %NULL with @error
 */
MwNetwork *
mw_csv_import_finish (GAsyncResult    *result,
                      MwImportReport **report,
                      GError         **error)
{
  ImportTask *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, mw_csv_import_async), NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  data = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = g_steal_pointer (&data->report);
  return g_steal_pointer (&data->network);
}
