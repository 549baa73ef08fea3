/* mw-csv-survey-private.h: what the survey reader's two files share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-csv-private.h"
#include "mw-csv-survey.h"

G_BEGIN_DECLS

typedef struct
{
  char     *text;      /* shown: the question without its item number */
  char     *alias;     /* the header without its item number ("Q3"), also accepted */
  GArray   *columns;   /* guint */
  int       type;      /* MwTieType, or MW_CSV_SURVEY_NO_TYPE */
  gboolean  commas;    /* "," separates names too: no cell reads "Last, First" */
} Question;

struct _MwCsvSurvey
{
  gatomicrefcount ref_count;
  MwCsvTable *table;
  guint       first_row;     /* the data rows before it are more header rows */
  int         respondent;    /* the column with the respondent's name; -1 when none */
  GPtrArray  *labels;        /* char*: each column's question text, as read */
  GPtrArray  *questions;     /* Question* */
  GHashTable *respondents;   /* name key → GUINT (1): for finding questions and commas */
};

/* mw-csv-survey.c, for mw-csv-survey-import.c */
char        *_mw_csv_survey_swapped_key (const char  *name);
gboolean     _mw_csv_survey_is_metadata (const char  *header);

G_END_DECLS
