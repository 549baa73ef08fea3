/* mw-import-dialog-private.h: what the files of the import dialog share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-csv-survey.h"
#include "mw-import-dialog.h"

G_BEGIN_DECLS

struct _MwImportDialog
{
  AdwWindow      parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkWidget      *import_button;
  GtkWidget      *busy_spinner;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  AdwPreferencesGroup *people_group;
  GtkGrid        *people_preview;
  AdwComboRow    *role_row;
  AdwComboRow    *separator_row;
  GtkSwitch      *header_switch;
  AdwPreferencesGroup *people_fields;
  AdwPreferencesGroup *ties_group;
  GtkWidget      *ties_button;
  AdwActionRow   *ties_row;
  GtkWidget      *remove_button;
  GtkWidget      *ties_scroller;
  GtkGrid        *ties_preview;
  AdwPreferencesGroup *ties_fields;
  AdwPreferencesGroup *survey_group;

  /* owned */
  MwDocument     *document;
  GFile          *people_file;     /* (nullable) */
  GSettings      *settings;
  GCancellable   *cancellable;
  GCancellable   *people_cancellable;  /* (nullable) the people file's reading in progress */
  MwCsvTable     *main;            /* (nullable) the chosen file: people, or ties (main_ties) */
  MwCsvTable     *ties;            /* (nullable) a second file, of ties, beside a people file */
  MwCsvMapping    people_mapping;
  MwCsvMapping    ties_mapping;
  AdwComboRow    *rows[MW_CSV_N_FIELDS];
  GPtrArray      *captions;        /* GtkLabel*: the field under each preview column */
  GPtrArray      *ties_captions;
  MwCsvSurvey    *survey;          /* (nullable) the chosen file read as a survey (main_survey) */
  GPtrArray      *question_rows;   /* AdwComboRow*: a tie type for each question */
  char           *survey_preview;  /* (nullable) what the survey would add, response rate */
  MwNetwork      *target;          /* (nullable) the network being imported into */
  MwNetwork      *imported;        /* (nullable) the checked copy, while it is laid out */
  gboolean        importing_people; /* the running import has a people file */
  MwImportReport *report;          /* (nullable) while laying out */
  char           *error;           /* (nullable) the last error shown */
  char           *layout_error;    /* (nullable) why the import could not be laid out */
  guint           n_pending;
  gboolean        ties_failed;     /* a ties file was chosen and could not be read */
  gboolean        filling;
  gboolean        main_ties;       /* the chosen file is an edge list: no people file */
  gboolean        main_survey;     /* the chosen file is a survey, one row per respondent */
  gboolean        role_chosen;     /* by hand: a new reading of the file keeps it */
};

/* Levels: each file calls only those listed above it, never one below —
 *   mw-import-dialog-state.c    which table is which, busy, errors, the result
 *   mw-import-dialog-mapping.c  columns to fields, the previews, the remembered mapping
 *   mw-import-dialog-survey.c   a survey's questions, their tie types, the response rate
 *   mw-import-dialog-run.c      running the import: thread, layout child, one undo step
 *   mw-import-dialog.c          the type, its template, reading the files, the public API
 * (mw-import-dialog-report.c, the toast and its Details, stands apart: the window uses it.)
 */

/* mw-import-dialog-state.c */
MwCsvTable *_mw_import_dialog_people_table      (MwImportDialog *self);
MwCsvTable *_mw_import_dialog_ties_table        (MwImportDialog *self);
void        _mw_import_dialog_update_busy       (MwImportDialog *self);
void        _mw_import_dialog_show_error        (MwImportDialog *self,
                                                 const char     *heading,
                                                 const char     *message);
void        _mw_import_dialog_emit_imported     (MwImportDialog *self);

/* mw-import-dialog-mapping.c: columns to fields, the previews, the remembered mapping */
void        _mw_import_dialog_add_field_rows    (MwImportDialog *self);
gboolean    _mw_import_dialog_guess_is_ties     (MwCsvTable     *table);
char       *_mw_import_dialog_describe_table    (MwCsvTable     *table);
void        _mw_import_dialog_fill_preview      (MwImportDialog *self,
                                                 gboolean        ties);
void        _mw_import_dialog_fill_rows         (MwImportDialog *self,
                                                 gboolean        ties);
void        _mw_import_dialog_apply_remembered  (MwImportDialog *self,
                                                 MwCsvTable     *table,
                                                 MwCsvMapping   *mapping,
                                                 gboolean        ties);
void        _mw_import_dialog_remember_mappings (MwImportDialog *self);

/* mw-import-dialog-survey.c: a survey's questions, their tie types, the response rate */
void        _mw_import_dialog_fill_survey       (MwImportDialog *self);
void        _mw_import_dialog_clear_survey      (MwImportDialog *self);
MwNetwork  *_mw_import_dialog_import_survey     (MwImportDialog *self,
                                                 MwNetwork      *target,
                                                 MwImportReport **report,
                                                 GError        **error);

G_END_DECLS
