/* mw-import-report.c: the problems an import lists for the user
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-import-report"

#include "config.h"

#include "mw-import-report.h"

static void
import_problem_free (MwImportProblem *problem)
{
  g_free (problem->source);
  g_free (problem->column_name);
  g_free (problem->message);
  g_free (problem);
}

/**
 * mw_import_report_new:
 *
 * Returns: (transfer full): an empty report
 */
MwImportReport *
mw_import_report_new (void)
{
  MwImportReport *report = g_new0 (MwImportReport, 1);

  report->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)import_problem_free);
  return report;
}

void
mw_import_report_free (MwImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->problems);
  g_free (report);
}

/* How many problems left something out of the network. */
guint
mw_import_report_n_skipped (MwImportReport *report)
{
  guint n = 0;

  g_return_val_if_fail (report != NULL, 0);

  for (guint i = 0; i < report->problems->len; i++)
    if (((MwImportProblem *)g_ptr_array_index (report->problems, i))->skipped)
      n++;

  return n;
}

const char *
mw_import_problem_kind_to_string (MwImportProblemKind kind)
{
  static const char * const names[] = {
    "invalid-utf8", "empty-id", "empty-name", "duplicate-id", "unknown-manager",
    "manager-cycle", "unknown-actor", "self-tie", "bad-type", "bad-number", "bad-kind",
    "extra-cells", "nul-bytes", "undecodable", "lone-cr", "stray-quote",
  };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

/* "people.csv: row 7, column 3 (Manager ID): unknown manager “e99”…" */
char *
mw_import_problem_format (const MwImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (problem->column == 0)
    return g_strdup_printf ("%s: row %u: %s", problem->source, problem->row, problem->message);

  return g_strdup_printf ("%s: row %u, column %u (%s): %s", problem->source, problem->row,
                          problem->column, problem->column_name, problem->message);
}

int
mw_import_problem_compare (gconstpointer a,
                           gconstpointer b,
                           gpointer      user_data)
{
  const MwImportProblem *pa = *(MwImportProblem * const *)a;
  const MwImportProblem *pb = *(MwImportProblem * const *)b;

  if (pa->row != pb->row)
    return pa->row < pb->row ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return 0;
}
