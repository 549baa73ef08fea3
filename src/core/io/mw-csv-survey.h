/* mw-csv-survey.h: a survey export (one row per respondent) to a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-csv.h"

G_BEGIN_DECLS

/* A question left out of the import (it gives no ties). */
#define MW_CSV_SURVEY_NO_TYPE (-1)

typedef struct _MwCsvSurvey MwCsvSurvey;

/* What a survey import did, beyond the usual report. */
typedef struct
{
  MwImportReport *report;           /* actors and ties added, every problem */
  guint           n_respondents;    /* rows with a name of their own */
  GPtrArray      *non_respondents;  /* char*: named by others, no row of their own; as first written */
} MwCsvSurveyResult;

MwCsvSurvey *mw_csv_survey_new                  (MwCsvTable          *table);
MwCsvSurvey *mw_csv_survey_ref                  (MwCsvSurvey         *survey);
void         mw_csv_survey_unref                (MwCsvSurvey         *survey);
MwCsvTable  *mw_csv_survey_get_table            (MwCsvSurvey         *survey);
guint        mw_csv_survey_get_n_rows           (MwCsvSurvey         *survey);
int          mw_csv_survey_get_respondent_column (MwCsvSurvey        *survey);
gboolean     mw_csv_survey_set_respondent       (MwCsvSurvey         *survey,
                                                 const char          *column,
                                                 GError             **error);

guint        mw_csv_survey_get_n_questions      (MwCsvSurvey         *survey);
const char  *mw_csv_survey_get_question_text    (MwCsvSurvey         *survey,
                                                 guint                question);
guint        mw_csv_survey_get_question_n_columns (MwCsvSurvey       *survey,
                                                 guint                question);
int          mw_csv_survey_get_question_type    (MwCsvSurvey         *survey,
                                                 guint                question);
void         mw_csv_survey_set_question_type    (MwCsvSurvey         *survey,
                                                 guint                question,
                                                 int                  type);
gboolean     mw_csv_survey_get_question_commas  (MwCsvSurvey         *survey,
                                                 guint                question);
gboolean     mw_csv_survey_assign               (MwCsvSurvey         *survey,
                                                 const char * const  *assignments,
                                                 GError             **error);

GStrv        mw_csv_survey_split_cell           (const char          *cell,
                                                 gboolean             commas);
char        *mw_csv_survey_name_key             (const char          *name);

MwNetwork   *mw_csv_survey_import               (MwCsvSurvey         *survey,
                                                 MwNetwork           *existing,
                                                 MwCsvSurveyResult  **result,
                                                 GError             **error);
double       mw_csv_survey_result_get_response_rate (const MwCsvSurveyResult *result);
void         mw_csv_survey_result_free          (MwCsvSurveyResult   *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwCsvSurvey, mw_csv_survey_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwCsvSurveyResult, mw_csv_survey_result_free)

G_END_DECLS
