/* mw-csv-private.h: what the CSV reader's files share and nobody else sees
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-csv.h"

G_BEGIN_DECLS

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
};

/* Cells in one record, the header being record 0 when there is one. */
guint     _mw_csv_record_n_cells  (MwCsvTable  *table,
                                   guint        record);
/* Every field's name, as mw_csv_field_to_string() gives it; NULL-terminated. */
extern const char * const _mw_csv_field_names[MW_CSV_N_FIELDS + 1];

/* The field a header names, for people files or for ties files. */
gboolean  _mw_csv_guess_field     (const char  *header,
                                   gboolean     ties,
                                   MwCsvField  *field);

G_END_DECLS
