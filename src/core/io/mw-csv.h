/* mw-csv.h: people (org chart) and ties from CSV / TSV files
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-import-report.h"
#include "mw-limits.h"
#include "mw-network.h"

G_BEGIN_DECLS

/* What the bytes were; the table always holds UTF-8. */
typedef enum
{
  MW_CSV_ENCODING_UTF8,
  MW_CSV_ENCODING_WINDOWS_1252,   /* converted: no valid UTF-8 sequence and high bytes */
  MW_CSV_ENCODING_UTF16,          /* converted: a byte order mark ("Unicode text"), or NUL bytes
                                   * in every other place */
  MW_CSV_ENCODING_UTF32,          /* converted: a byte order mark, or three NUL bytes in four */
} MwCsvEncoding;

/* How a file is written. mw_csv_sniff() fills it in; a dialog may change
 * any field and parse again. */
typedef struct
{
  char           delimiter;    /* ',' ';' '\t' or '|' */
  gboolean       has_header;
  gboolean       has_bom;
  gboolean       crlf;         /* lines end in CR LF */
  MwCsvEncoding  encoding;
  gboolean       big_endian;   /* UTF-16 and UTF-32 only; a byte order mark overrides it */
} MwCsvFormat;

/* The Meshwork fields a column can give. The first group is for people
 * files, the second for ties files. */
typedef enum
{
  MW_CSV_FIELD_ID,
  MW_CSV_FIELD_NAME,
  MW_CSV_FIELD_FIRST_NAME,     /* joined with the last name when no column gives the name */
  MW_CSV_FIELD_LAST_NAME,
  MW_CSV_FIELD_MANAGER,        /* the manager's id: a `reports` tie person → manager */
  MW_CSV_FIELD_TITLE,          /* kept as the attribute `title` */
  MW_CSV_FIELD_UNIT,
  MW_CSV_FIELD_ORG,
  MW_CSV_FIELD_LOCATION,       /* kept as the attribute `location` */
  MW_CSV_FIELD_EMAIL,          /* kept as the attribute `email` */
  MW_CSV_FIELD_KIND,           /* person / team / organisation */
  MW_CSV_FIELD_SOURCE,
  MW_CSV_FIELD_TARGET,
  MW_CSV_FIELD_TYPE,
  MW_CSV_FIELD_WEIGHT,
  MW_CSV_N_FIELDS
} MwCsvField;

#define MW_CSV_FIRST_PEOPLE_FIELD MW_CSV_FIELD_ID
#define MW_CSV_LAST_PEOPLE_FIELD  MW_CSV_FIELD_KIND
#define MW_CSV_FIRST_TIES_FIELD   MW_CSV_FIELD_SOURCE
#define MW_CSV_LAST_TIES_FIELD    MW_CSV_FIELD_WEIGHT

/* Which column (0-based) gives each field; -1 when none. Columns that give
 * no field are kept as attributes when keep_other_columns is set. */
typedef struct
{
  int      columns[MW_CSV_N_FIELDS];
  gboolean keep_other_columns;
} MwCsvMapping;

typedef struct _MwCsvTable MwCsvTable;

typedef struct
{
  MwTieType default_tie_type;       /* a ties row without a type; collaborates */
  gboolean  create_missing_actors;  /* ties naming unknown ids add them (edge lists alone) */
} MwCsvImportOptions;

/* Sniffing and parsing */
gboolean     mw_csv_sniff                (const char          *data,
                                          gsize                length,
                                          MwCsvFormat         *format);
MwCsvTable  *mw_csv_table_parse          (const char          *data,
                                          gsize                length,
                                          const char          *source_name,
                                          const MwCsvFormat   *format,
                                          const MwLimits      *limits,
                                          GError             **error);
MwCsvTable  *mw_csv_table_load_file      (const char          *path,
                                          const MwCsvFormat   *format,
                                          const MwLimits      *limits,
                                          GError             **error);
MwCsvTable  *mw_csv_table_ref            (MwCsvTable          *table);
void         mw_csv_table_unref          (MwCsvTable          *table);
const char  *mw_csv_table_get_source     (MwCsvTable          *table);
const MwCsvFormat *
             mw_csv_table_get_format     (MwCsvTable          *table);
guint        mw_csv_table_get_n_columns  (MwCsvTable          *table);
const char  *mw_csv_table_get_column_name (MwCsvTable         *table,
                                          guint                column);
guint        mw_csv_table_get_n_rows     (MwCsvTable          *table);
guint        mw_csv_table_get_row_number (MwCsvTable          *table,
                                          guint                row);
guint        mw_csv_table_get_n_cells    (MwCsvTable          *table,
                                          guint                row);
const char  *mw_csv_table_get_cell       (MwCsvTable          *table,
                                          guint                row,
                                          guint                column);
char        *mw_csv_format_describe      (const MwCsvFormat   *format);

/* Mapping columns to fields */
const char  *mw_csv_field_to_string      (MwCsvField           field);
gboolean     mw_csv_field_from_string    (const char          *str,
                                          MwCsvField          *field);
void         mw_csv_mapping_init         (MwCsvMapping        *mapping);
void         mw_csv_mapping_guess        (MwCsvMapping        *mapping,
                                          MwCsvTable          *table,
                                          gboolean             ties);
gboolean     mw_csv_mapping_assign       (MwCsvMapping        *mapping,
                                          MwCsvTable          *table,
                                          const char          *assignment,
                                          GError             **error);
GStrv        mw_csv_mapping_to_strv      (const MwCsvMapping  *mapping,
                                          MwCsvTable          *table);
gboolean     mw_csv_mapping_is_people    (const MwCsvMapping  *mapping);
gboolean     mw_csv_mapping_is_ties      (const MwCsvMapping  *mapping);

/* Importing */
void         mw_csv_import_options_init  (MwCsvImportOptions  *options);
MwNetwork   *mw_csv_import               (MwCsvTable          *people,
                                          const MwCsvMapping  *people_mapping,
                                          MwCsvTable          *ties,
                                          const MwCsvMapping  *ties_mapping,
                                          const MwCsvImportOptions *options,
                                          MwImportReport     **report,
                                          GError             **error);
gboolean     mw_csv_import_into          (MwNetwork           *network,
                                          MwCsvTable          *people,
                                          const MwCsvMapping  *people_mapping,
                                          MwCsvTable          *ties,
                                          const MwCsvMapping  *ties_mapping,
                                          const MwCsvImportOptions *options,
                                          MwImportReport     **report,
                                          GError             **error);

/* The same in a thread, for the app (loading and import never block it) */
void         mw_csv_table_load_file_async  (GFile                    *file,
                                            const MwCsvFormat        *format,
                                            const MwLimits           *limits,
                                            GCancellable             *cancellable,
                                            GAsyncReadyCallback       callback,
                                            gpointer                  user_data);
MwCsvTable  *mw_csv_table_load_file_finish (GAsyncResult             *result,
                                            GError                  **error);
void         mw_csv_import_async         (MwNetwork           *into,
                                          MwCsvTable          *people,
                                          const MwCsvMapping  *people_mapping,
                                          MwCsvTable          *ties,
                                          const MwCsvMapping  *ties_mapping,
                                          const MwCsvImportOptions *options,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
MwNetwork   *mw_csv_import_finish        (GAsyncResult        *result,
                                          MwImportReport     **report,
                                          GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwCsvTable, mw_csv_table_unref)

G_END_DECLS
