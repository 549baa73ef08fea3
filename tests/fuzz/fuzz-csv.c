/* fuzz-csv.c: CSV bytes through the org-chart and ties importers
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Whatever the bytes, the import either fails with an error that names the
 * file, or gives a network that keeps the model's invariants, whose
 * problems name what exists, and that survives a DOT round trip.
 */

#include "fuzz-common.h"
#include "mw-csv.h"
#include "mw-import-report.h"

#define CSV_SOURCE "fuzz.csv"

static void
check_report (MwImportReport *report,
              MwNetwork      *network)
{
  for (guint i = 0; i < report->problems->len; i++)
    {
      const MwImportProblem *problem = g_ptr_array_index (report->problems, i);

      if (problem->row == 0 || problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
        g_error ("an import problem without a row or readable text");
    }

  if (report->n_actors != mw_network_get_n_actors (network))
    g_error ("the report counts %u actors, the network has %u",
             report->n_actors, mw_network_get_n_actors (network));
}

static void
import_as (MwCsvTable *table,
           gboolean    ties)
{
  g_autoptr(MwImportReport) report = NULL;
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  MwCsvImportOptions options;
  MwCsvMapping mapping;

  mw_csv_import_options_init (&options);
  options.create_missing_actors = ties;
  mw_csv_mapping_guess (&mapping, table, ties);
  if (ties ? !mw_csv_mapping_is_ties (&mapping) : !mw_csv_mapping_is_people (&mapping))
    return;

  network = mw_csv_import (ties ? NULL : table, ties ? NULL : &mapping,
                           ties ? table : NULL, ties ? &mapping : NULL,
                           &options, &report, &error);
  if (network == NULL)
    {
      mw_fuzz_check_error (error, CSV_SOURCE);
      return;
    }

  check_report (report, network);
  mw_fuzz_check_network (network);
}

int
mw_fuzz_csv (const uint8_t *bytes,
             size_t         size)
{
  const char *data = (const char *)bytes;
  g_autoptr(MwCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;
  MwCsvFormat format;

  mw_csv_sniff (data, size, &format);
  table = mw_csv_table_parse (data, size, CSV_SOURCE, &format, NULL, &error);
  if (table == NULL)
    {
      mw_fuzz_check_error (error, CSV_SOURCE);
      return 0;
    }

  /* cells keep broken UTF-8 for the preview; the import reports each one */
  import_as (table, FALSE);
  import_as (table, TRUE);

  return 0;
}

#ifndef MW_FUZZ_NO_MAIN
int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  mw_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  return mw_fuzz_finish (mw_fuzz_csv (data, size));
}
#endif
