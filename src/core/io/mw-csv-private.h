/* mw-csv-private.h: what the CSV reader's files share and nobody else sees
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-csv.h"

G_BEGIN_DECLS

/* Where the reader did not take a cell as the file has it (it never drops
 * one without a note); the import reports each note as a problem. */
typedef enum
{
  MW_CSV_NOTE_NUL_BYTES,     /* count NUL bytes left out */
  MW_CSV_NOTE_LONE_CR,       /* count CRs without LF kept as text */
  MW_CSV_NOTE_STRAY_QUOTE,   /* text follows the closing quote of a cell opened on line */
} MwCsvNoteKind;

typedef struct
{
  MwCsvNoteKind kind;
  guint         record;      /* the header being record 0 when there is one */
  guint         column;      /* 0-based */
  guint         count;
  guint         line;        /* where the cell starts */
  guint         end_line;    /* where it ends (a quoted cell may span lines) */
} MwCsvNote;

struct _MwCsvTable
{
  gatomicrefcount ref_count;
  char        *source;
  MwCsvFormat  format;
  GString     *cells;         /* every cell's text, each ending in NUL */
  GArray      *cell_offsets;  /* guint: where each cell starts in cells */
  GArray      *record_starts; /* guint: first cell of each record, plus one past the end */
  GPtrArray   *column_names;
  guint        first_record;  /* 1 when the first record is the header */
  guint        n_columns;
  gboolean     valid_utf8;    /* every byte is; no need to check cells one by one */
  guint        first_line;    /* 2 after a "sep=" line */
  GArray      *notes;         /* MwCsvNote, in the order of the file */
  guint        n_unlisted;    /* notes past MW_CSV_MAX_NOTES: counted, not kept */
  MwCsvNote    first_unlisted;
};

/* A file with a NUL byte in every cell would otherwise report (and keep
 * in memory) a problem per cell: many times the file's size. */
#define MW_CSV_MAX_NOTES 1000
/* The same for the problems the import finds in the rows of one file. */
#define MW_CSV_MAX_PROBLEMS 1000

/* A decoder puts this byte (never valid UTF-8) where the file has bytes
 * that are no character in its encoding; the import reports the cell. */
#define MW_CSV_UNDECODABLE_BYTE '\xff'

/* "UTF-16LE", "Windows-1252"…: what the bytes were, for messages. */
const char *_mw_csv_encoding_name (const MwCsvFormat *format);

/* Cells in one record, the header being record 0 when there is one. */
guint     _mw_csv_record_n_cells  (MwCsvTable  *table,
                                   guint        record);
/* Every field's name, as mw_csv_field_to_string() gives it; NULL-terminated. */
extern const char * const _mw_csv_field_names[MW_CSV_N_FIELDS + 1];

/* The field a header names, for people files or for ties files. */
gboolean  _mw_csv_guess_field     (const char  *header,
                                   gboolean     ties,
                                   MwCsvField  *field);

/* The attribute a column's cells become ("Cost Center" → cost_center). */
char     *_mw_csv_attribute_key   (MwCsvTable  *table,
                                   guint        column);

G_END_DECLS
