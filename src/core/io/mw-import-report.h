/* mw-import-report.h: what an import could not take as it was
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One thing the import could not take as it was. */
typedef enum
{
  MW_IMPORT_PROBLEM_INVALID_UTF8,
  MW_IMPORT_PROBLEM_EMPTY_ID,
  MW_IMPORT_PROBLEM_EMPTY_NAME,
  MW_IMPORT_PROBLEM_DUPLICATE_ID,
  MW_IMPORT_PROBLEM_UNKNOWN_MANAGER,
  MW_IMPORT_PROBLEM_MANAGER_CYCLE,
  MW_IMPORT_PROBLEM_UNKNOWN_ACTOR,
  MW_IMPORT_PROBLEM_SELF_TIE,
  MW_IMPORT_PROBLEM_BAD_TYPE,
  MW_IMPORT_PROBLEM_BAD_NUMBER,
  MW_IMPORT_PROBLEM_BAD_KIND,
  MW_IMPORT_PROBLEM_EXTRA_CELLS,
  MW_IMPORT_PROBLEM_NUL_BYTES,       /* left out of the cell; the row is kept */
  MW_IMPORT_PROBLEM_UNDECODABLE,     /* not UTF-16, UTF-32 or Windows-1252 as the file is read */
  MW_IMPORT_PROBLEM_LONE_CR,         /* a CR without LF in a file of LF lines: kept as text */
  MW_IMPORT_PROBLEM_STRAY_QUOTE,     /* text after a closing quote: a quote may be missing */
} MwImportProblemKind;

typedef struct
{
  MwImportProblemKind  kind;
  char                *source;      /* the file's name */
  guint                row;         /* 1-based as a spreadsheet counts them (the header is row 1) */
  guint                column;      /* 1-based; 0 when the whole row is meant */
  char                *column_name; /* (nullable) the header's text */
  gboolean             skipped;     /* something did not make it into the network */
  char                *message;     /* for people: "unknown manager “e9”; …" */
} MwImportProblem;

typedef struct
{
  GPtrArray *problems;              /* MwImportProblem*: people file, then ties file, by row and column */
  guint      n_actors;              /* added */
  guint      n_ties;                /* added */
  guint      n_rows_skipped;
} MwImportReport;

MwImportReport *mw_import_report_new        (void);
void            mw_import_report_free       (MwImportReport        *report);
guint           mw_import_report_n_skipped  (MwImportReport        *report);
char           *mw_import_problem_format    (const MwImportProblem *problem);
/* Orders problems (MwImportProblem **) by row, then column: a
 * GCompareDataFunc for g_ptr_array_sort_with_data() and stable sorts. */
int             mw_import_problem_compare   (gconstpointer          a,
                                             gconstpointer          b,
                                             gpointer               user_data);
const char     *mw_import_problem_kind_to_string (MwImportProblemKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwImportReport, mw_import_report_free)

G_END_DECLS
