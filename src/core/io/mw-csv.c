/* mw-csv.c: people (org chart) and ties from CSV / TSV files
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-csv"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-csv.h"

#define SNIFF_BYTES   (64 * 1024)
#define SNIFF_RECORDS 30
#define MAX_COLUMNS   1000

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

/* ---------------------------------------------------------------------- */
/* Encodings                                                               */

static gboolean
has_utf8_bom (const char *data,
              gsize       length)
{
  return length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0;
}

static gboolean
has_utf16_bom (const char *data,
               gsize       length)
{
  return length >= 2 && (memcmp (data, "\xff\xfe", 2) == 0 || memcmp (data, "\xfe\xff", 2) == 0);
}

/* A file with bytes above 0x7f of which not one starts a valid UTF-8
 * sequence was written in a single-byte charset; Windows-1252 is what
 * spreadsheets on Windows use (and a superset of Latin-1's printable part).
 * A file with both is UTF-8 with damaged cells, reported cell by cell. */
static MwCsvEncoding
detect_encoding (const char *data,
                 gsize       length)
{
  gsize valid_sequences = 0, high_bytes = 0;

  if (has_utf16_bom (data, length))
    return MW_CSV_ENCODING_UTF16;
  if (has_utf8_bom (data, length) || g_utf8_validate (data, length, NULL))
    return MW_CSV_ENCODING_UTF8;

  for (gsize i = 0; i < length; i++)
    {
      gunichar c;

      if ((guchar)data[i] < 0x80)
        continue;
      high_bytes++;
      c = g_utf8_get_char_validated (data + i, MIN (length - i, 4));
      if (c != (gunichar)-1 && c != (gunichar)-2)
        {
          valid_sequences++;
          i += g_utf8_skip[(guchar)data[i]] - 1;
        }
    }

  return high_bytes > 0 && valid_sequences == 0 ? MW_CSV_ENCODING_WINDOWS_1252 : MW_CSV_ENCODING_UTF8;
}

/* Returns the text as UTF-8 (or as it was, for UTF-8 with damaged cells),
 * without a byte order mark. */
static char *
decode (const char     *data,
        gsize           length,
        MwCsvEncoding   encoding,
        const char     *source_name,
        gsize          *out_length,
        GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  char *text = NULL;
  gsize written = 0;

  switch (encoding)
    {
    case MW_CSV_ENCODING_UTF16:
      text = g_convert (data, length, "UTF-8", "UTF-16", NULL, &written, &local_error);
      break;
    case MW_CSV_ENCODING_WINDOWS_1252:
      text = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, &written, NULL);
      /* five bytes have no character in Windows-1252; Latin-1 maps every byte */
      if (text == NULL)
        text = g_convert (data, length, "UTF-8", "ISO-8859-1", NULL, &written, &local_error);
      break;
    case MW_CSV_ENCODING_UTF8:
    default:
      text = g_strndup (data, length);
      written = length;
      break;
    }

  if (text == NULL)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_ENCODING, _("%s: cannot read the text: %s"),
                   source_name, local_error->message);
      return NULL;
    }

  if (has_utf8_bom (text, written))
    {
      memmove (text, text + 3, written - 3 + 1);
      written -= 3;
    }

  *out_length = written;
  return text;
}

/* ---------------------------------------------------------------------- */
/* Parsing (RFC 4180, leniently)                                           */

static MwCsvTable *
table_new (const char *source_name)
{
  MwCsvTable *table = g_new0 (MwCsvTable, 1);

  g_atomic_ref_count_init (&table->ref_count);
  table->source = g_strdup (source_name != NULL ? source_name : "<memory>");
  table->cells = g_string_new (NULL);
  table->cell_offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  table->record_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  table->column_names = g_ptr_array_new_with_free_func (g_free);
  table->valid_utf8 = TRUE;
  table->first_line = 1;
  return table;
}

/**
 * mw_csv_table_ref:
 *
 * Tables are read-only once parsed: a preview, a mapping dialog and an
 * import running in a thread may share one.
 *
 * Returns: (transfer full): @table
 */
MwCsvTable *
mw_csv_table_ref (MwCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);

  g_atomic_ref_count_inc (&table->ref_count);
  return table;
}

void
mw_csv_table_unref (MwCsvTable *table)
{
  if (table == NULL || !g_atomic_ref_count_dec (&table->ref_count))
    return;

  g_free (table->source);
  g_string_free (table->cells, TRUE);
  g_array_unref (table->cell_offsets);
  g_array_unref (table->record_starts);
  g_ptr_array_unref (table->column_names);
  g_free (table);
}

typedef struct
{
  const char     *p;
  const char     *end;
  char            delimiter;
  guint           line;
  const MwLimits *limits;
  const char     *source;
} Reader;

static gboolean
cell_too_long (MwCsvTable  *table,
               Reader      *reader,
               gsize        start,
               GError     **error)
{
  g_autofree char *limit_text = NULL;

  if (table->cells->len - start <= reader->limits->max_string)
    return FALSE;

  /* The number is formatted apart: xgettext cannot see through G_GSIZE_FORMAT. */
  limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, reader->limits->max_string);
  g_set_error (error, MW_ERROR, MW_ERROR_LIMIT,
               _("%s: row %u (line %u): a cell is longer than Meshwork accepts (%s bytes)"),
               reader->source, table->record_starts->len, reader->line, limit_text);
  return TRUE;
}

/* A "quoted" cell: "" is a quote, newlines and delimiters are text. What
 * follows the closing quote up to the delimiter is kept, as spreadsheets do. */
static gboolean
read_quoted (MwCsvTable  *table,
             Reader      *reader,
             GError     **error)
{
  guint start_line = reader->line;
  gsize start = table->cells->len;

  for (reader->p++; ; )
    {
      const char *quote = memchr (reader->p, '"', reader->end - reader->p);

      if (quote == NULL)
        {
          g_set_error (error, MW_ERROR, MW_ERROR_PARSE,
                       _("%s: row %u (line %u): a quoted cell starts here and is never closed"),
                       reader->source, table->record_starts->len, start_line);
          return FALSE;
        }

      for (const char *q = reader->p; q < quote; q++)
        if (*q == '\n')
          reader->line++;
      g_string_append_len (table->cells, reader->p, quote - reader->p);
      reader->p = quote + 1;

      if (reader->p < reader->end && *reader->p == '"')
        {
          g_string_append_c (table->cells, '"');
          reader->p++;
        }
      else
        break;

      if (cell_too_long (table, reader, start, error))
        return FALSE;
    }

  while (reader->p < reader->end && *reader->p != reader->delimiter &&
         *reader->p != '\n' && *reader->p != '\r')
    g_string_append_c (table->cells, *reader->p++);

  return !cell_too_long (table, reader, start, error);
}

static gboolean
read_cell (MwCsvTable  *table,
           Reader      *reader,
           GError     **error)
{
  guint offset = table->cells->len;
  const char *p = reader->p;

  if (reader->p < reader->end && *reader->p == '"')
    {
      if (!read_quoted (table, reader, error))
        return FALSE;
    }
  else
    {
      while (p < reader->end && *p != reader->delimiter && *p != '\n' && *p != '\r')
        p++;
      g_string_append_len (table->cells, reader->p, p - reader->p);
      reader->p = p;
      if (cell_too_long (table, reader, offset, error))
        return FALSE;
    }

  g_string_append_c (table->cells, '\0');
  g_array_append_val (table->cell_offsets, offset);
  return TRUE;
}

static gboolean
read_record (MwCsvTable  *table,
             Reader      *reader,
             GError     **error)
{
  guint first = table->cell_offsets->len;

  g_array_append_val (table->record_starts, first);

  for (;;)
    {
      if (!read_cell (table, reader, error))
        return FALSE;

      if (table->cell_offsets->len - first > MAX_COLUMNS)
        {
          g_set_error (error, MW_ERROR, MW_ERROR_LIMIT,
                       _("%s: row %u (line %u): more than %u columns"),
                       reader->source, table->record_starts->len, reader->line, MAX_COLUMNS);
          return FALSE;
        }

      if (reader->p < reader->end && *reader->p == reader->delimiter)
        {
          reader->p++;
          continue;
        }
      break;
    }

  /* CR LF, LF or a lone CR end the record */
  if (reader->p < reader->end && *reader->p == '\r')
    reader->p++;
  if (reader->p < reader->end && *reader->p == '\n')
    reader->p++;
  reader->line++;

  return TRUE;
}

static gboolean
read_records (MwCsvTable      *table,
              const char      *text,
              gsize            length,
              char             delimiter,
              guint            max_records,
              const MwLimits  *limits,
              GError         **error)
{
  Reader reader = { text, text + length, delimiter, table->first_line, limits, table->source };
  guint sentinel;

  while (reader.p < reader.end && table->record_starts->len < max_records)
    if (!read_record (table, &reader, error))
      return FALSE;

  sentinel = table->cell_offsets->len;
  g_array_append_val (table->record_starts, sentinel);
  return TRUE;
}

static guint
n_records (MwCsvTable *table)
{
  return table->record_starts->len - 1;
}

static guint
record_n_cells (MwCsvTable *table,
                guint       record)
{
  return g_array_index (table->record_starts, guint, record + 1) -
         g_array_index (table->record_starts, guint, record);
}

static const char *
record_cell (MwCsvTable *table,
             guint       record,
             guint       column)
{
  guint first = g_array_index (table->record_starts, guint, record);

  if (column >= record_n_cells (table, record))
    return "";
  return table->cells->str + g_array_index (table->cell_offsets, guint, first + column);
}

/* ---------------------------------------------------------------------- */
/* Sniffing                                                                */

static const char candidate_delimiters[] = { ',', ';', '\t', '|' };

/* How well a delimiter splits the first records: how many records have the
 * most common number of cells (more than one). */
static guint
score_delimiter (const char *text,
                 gsize       length,
                 gboolean    truncated,
                 char        delimiter,
                 guint      *n_cells)
{
  g_autoptr(MwCsvTable) table = table_new (NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  MwLimits limits;
  guint best = 0, n;

  mw_limits_init_default (&limits);
  /* an unclosed quote in a cut-off sample is not an error */
  read_records (table, text, length, delimiter, SNIFF_RECORDS, &limits, NULL);
  n = n_records (table);
  if (truncated && n > 1)
    n--;

  *n_cells = 0;
  for (guint r = 0; r < n; r++)
    {
      guint cells = record_n_cells (table, r);
      guint count;

      if (cells == 1 && *record_cell (table, r, 0) == '\0')
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (cells))) + 1;
      g_hash_table_insert (counts, GUINT_TO_POINTER (cells), GUINT_TO_POINTER (count));
      if (cells > 1 && (count > best || (count == best && cells > *n_cells)))
        {
          best = count;
          *n_cells = cells;
        }
    }

  return best;
}

static char
sniff_delimiter (const char *text,
                 gsize       length)
{
  gsize sample = MIN (length, SNIFF_BYTES);
  char best_delimiter = ',';
  guint best_score = 0, best_cells = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidate_delimiters); i++)
    {
      guint cells;
      guint score = score_delimiter (text, sample, sample < length, candidate_delimiters[i], &cells);

      if (score > best_score || (score == best_score && score > 0 && cells > best_cells))
        {
          best_delimiter = candidate_delimiters[i];
          best_score = score;
          best_cells = cells;
        }
    }

  return best_delimiter;
}

static gboolean guess_field (const char *header, gboolean ties, MwCsvField *field);

static gboolean
looks_like_data (const char *cell)
{
  char *end;

  if (*cell == '\0' || strchr (cell, '@') != NULL)
    return TRUE;
  g_ascii_strtod (cell, &end);
  return end != cell && *end == '\0';
}

/* Whether a cell of the first record comes again in the records after
 * it: edge lists name the same people over and over, headers do not. */
static gboolean
first_record_recurs (MwCsvTable *table)
{
  g_autoptr(GHashTable) later = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint r = 1; r < n_records (table); r++)
    for (guint c = 0; c < record_n_cells (table, r); c++)
      g_hash_table_add (later, (gpointer)record_cell (table, r, c));

  for (guint c = 0; c < record_n_cells (table, 0); c++)
    if (g_hash_table_contains (later, record_cell (table, 0, c)))
      return TRUE;

  return FALSE;
}

/* A header names fields Meshwork knows, or at least looks like names: no
 * empty, repeated, numeric or e-mail cells, none of them seen again below. */
static gboolean
sniff_header (const char *text,
              gsize       length,
              char        delimiter)
{
  g_autoptr(MwCsvTable) table = table_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean truncated = length > SNIFF_BYTES;
  MwLimits limits;
  MwCsvField field;
  guint cells;

  mw_limits_init_default (&limits);
  read_records (table, text, MIN (length, SNIFF_BYTES), delimiter, SNIFF_RECORDS, &limits, NULL);
  if (n_records (table) == 0)
    return FALSE;

  cells = record_n_cells (table, 0);
  for (guint c = 0; c < cells; c++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (record_cell (table, 0, c)));

      if (guess_field (cell, FALSE, &field) || guess_field (cell, TRUE, &field))
        return TRUE;
    }

  if (n_records (table) < 2 || (truncated && n_records (table) < 3))
    return FALSE;

  for (guint c = 0; c < cells; c++)
    {
      const char *cell = record_cell (table, 0, c);

      if (looks_like_data (cell) || !g_hash_table_add (seen, (gpointer)cell))
        return FALSE;
    }

  return !first_record_recurs (table);
}

/* Excel accepts, and some exports write, a first line "sep=;" naming the
 * delimiter. Returns how many bytes it takes (0 when there is none). */
static gsize
sep_line_length (const char *text,
                 gsize       length,
                 char       *delimiter)
{
  gsize n = 5;

  if (length < 5 || strncmp (text, "sep=", 4) != 0 || strchr (",;\t|", text[4]) == NULL)
    return 0;
  if (n < length && text[n] == '\r')
    n++;
  if (n < length && text[n] == '\n')
    n++;
  else if (n < length)
    return 0;

  *delimiter = text[4];
  return n;
}

/**
 * mw_csv_sniff:
 * @format: (out): how @data is written
 *
 * Detects the encoding (UTF-8 with or without a byte order mark, UTF-16
 * with one, or Windows-1252), the line ends, the delimiter (`,` `;` tab `|`)
 * and whether the first row is a header.
 *
 * Returns: %FALSE when @data cannot be decoded (the format holds guesses)
 */
gboolean
mw_csv_sniff (const char  *data,
              gsize        length,
              MwCsvFormat *format)
{
  g_autofree char *text = NULL;
  const char *newline;
  gsize text_length, skip;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  format->delimiter = ',';
  format->has_header = FALSE;
  format->has_bom = has_utf8_bom (data, length) || has_utf16_bom (data, length);
  format->encoding = detect_encoding (data, length);

  text = decode (data, length, format->encoding, NULL, &text_length, NULL);
  if (text == NULL)
    return FALSE;

  newline = memchr (text, '\n', text_length);
  format->crlf = newline != NULL && newline > text && newline[-1] == '\r';
  skip = sep_line_length (text, text_length, &format->delimiter);
  if (skip == 0)
    format->delimiter = sniff_delimiter (text, text_length);
  format->has_header = sniff_header (text + skip, text_length - skip, format->delimiter);

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Tables                                                                  */

static void
name_columns (MwCsvTable *table)
{
  guint n_columns = 0;

  for (guint r = 0; r < n_records (table); r++)
    n_columns = MAX (n_columns, record_n_cells (table, r));
  table->n_columns = n_columns;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *name = NULL;

      if (table->first_record > 0 && c < record_n_cells (table, 0))
        {
          name = g_utf8_make_valid (record_cell (table, 0, c), -1);
          g_strstrip (name);
        }
      if (name == NULL || *name == '\0')
        {
          g_free (name);
          /* Translators: the name of a column in a file without a header row */
          name = g_strdup_printf (_("Column %u"), c + 1);
        }
      g_ptr_array_add (table->column_names, g_steal_pointer (&name));
    }
}

/**
 * mw_csv_table_parse:
 * @source_name: (nullable): the file's name, for messages
 * @format: (nullable): how @data is written; sniffed when %NULL
 * @limits: (nullable): the defaults when %NULL (file size, cell length, rows)
 *
 * Reads every row. Only what makes the whole file unreadable is an error
 * (a quote never closed, a limit, an undecodable encoding); problems in
 * rows are for the import to report.
 *
 * Returns: (transfer full) (nullable): the table, or %NULL with @error
 */
MwCsvTable *
mw_csv_table_parse (const char         *data,
                    gsize               length,
                    const char         *source_name,
                    const MwCsvFormat  *format,
                    const MwLimits     *limits,
                    GError            **error)
{
  g_autoptr(MwCsvTable) table = table_new (source_name);
  g_autofree char *text = NULL;
  MwLimits default_limits;
  gsize text_length, skip;
  char sep_delimiter;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  limits = mw_limits_or_default (limits, &default_limits);

  if (!mw_limits_check_size (limits, length, table->source, error))
    return NULL;

  if (format != NULL)
    table->format = *format;
  else
    mw_csv_sniff (data, length, &table->format);

  text = decode (data, length, table->format.encoding, table->source, &text_length, error);
  if (text == NULL)
    return NULL;
  table->valid_utf8 = g_utf8_validate (text, text_length, NULL);
  skip = sep_line_length (text, text_length, &sep_delimiter);
  table->first_line = skip > 0 ? 2 : 1;

  if (!read_records (table, text + skip, text_length - skip, table->format.delimiter,
                     limits->max_actors + 2, limits, error))
    return NULL;

  if (n_records (table) > limits->max_actors + 1)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_LIMIT, _("%s: more than %u rows"),
                   table->source, limits->max_actors);
      return NULL;
    }

  if (n_records (table) == 0)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_EMPTY, _("%s: the file is empty"), table->source);
      return NULL;
    }

  table->first_record = table->format.has_header ? 1 : 0;
  name_columns (table);

  return g_steal_pointer (&table);
}

/**
 * mw_csv_table_load_file:
 *
 * Returns: (transfer full) (nullable): the table in @path
 */
MwCsvTable *
mw_csv_table_load_file (const char         *path,
                        const MwCsvFormat  *format,
                        const MwLimits     *limits,
                        GError            **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  display = g_filename_display_name (path);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", display, local_error->message);
      return NULL;
    }

  return mw_csv_table_parse (contents, length, display, format, limits, error);
}

const char *
mw_csv_table_get_source (MwCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->source;
}

const MwCsvFormat *
mw_csv_table_get_format (MwCsvTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return &table->format;
}

guint
mw_csv_table_get_n_columns (MwCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->n_columns;
}

/* The header's text, or "Column N" when there is no header. */
const char *
mw_csv_table_get_column_name (MwCsvTable *table,
                              guint       column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->n_columns, NULL);
  return g_ptr_array_index (table->column_names, column);
}

/* Data rows, the header not counted; the preview shows the first ones. */
guint
mw_csv_table_get_n_rows (MwCsvTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return n_records (table) - table->first_record;
}

/* Where a data row is, as a spreadsheet numbers it (the header is row 1). */
guint
mw_csv_table_get_row_number (MwCsvTable *table,
                             guint       row)
{
  g_return_val_if_fail (table != NULL, 0);
  return row + table->first_record + 1;
}

guint
mw_csv_table_get_n_cells (MwCsvTable *table,
                          guint       row)
{
  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (row < mw_csv_table_get_n_rows (table), 0);
  return record_n_cells (table, row + table->first_record);
}

/**
 * mw_csv_table_get_cell:
 *
 * Returns: (transfer none): the cell as the file has it ("" past the end
 *   of a short row); not trimmed, and not necessarily valid UTF-8
 */
const char *
mw_csv_table_get_cell (MwCsvTable *table,
                       guint       row,
                       guint       column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < mw_csv_table_get_n_rows (table), NULL);
  return record_cell (table, row + table->first_record, column);
}

/* "semicolon-separated, header, UTF-8 with BOM, CRLF" */
char *
mw_csv_format_describe (const MwCsvFormat *format)
{
  const char *delimiter;
  const char *encoding;

  g_return_val_if_fail (format != NULL, NULL);

  switch (format->delimiter)
    {
    case ',':  delimiter = "comma-separated"; break;
    case ';':  delimiter = "semicolon-separated"; break;
    case '\t': delimiter = "tab-separated"; break;
    case '|':  delimiter = "bar-separated"; break;
    default:   delimiter = "separated"; break;
    }

  switch (format->encoding)
    {
    case MW_CSV_ENCODING_WINDOWS_1252: encoding = "Windows-1252 (converted)"; break;
    case MW_CSV_ENCODING_UTF16:        encoding = "UTF-16 (converted)"; break;
    case MW_CSV_ENCODING_UTF8:
    default:                           encoding = format->has_bom ? "UTF-8 with BOM" : "UTF-8"; break;
    }

  return g_strdup_printf ("%s, %s, %s, %s", delimiter,
                          format->has_header ? "header" : "no header", encoding,
                          format->crlf ? "CRLF" : "LF");
}

/* ---------------------------------------------------------------------- */
/* Fields and mappings                                                     */

static const char * const field_names[MW_CSV_N_FIELDS + 1] = {
  "id", "name", "first-name", "last-name", "manager", "title", "unit", "org",
  "location", "email", "kind", "source", "target", "type", "weight", NULL
};

/* Header names seen in HR systems (Workday, BambooHR, Personio, SAP
 * SuccessFactors exports) and survey tools, normalised: lower case, letters
 * and digits only, "#" read as "number". */
static const char * const id_names[] = {
  "id", "employeeid", "employeenumber", "empid", "emplid", "staffid", "staffnumber", "personid",
  "personnumber", "workerid", "userid", "badgeid", "nodeid", "key", "number", "no", "identifier",
  "uid", "personnelnumber", NULL };
static const char * const name_names[] = {
  "name", "fullname", "employeename", "displayname", "preferredname", "person", "label", "worker",
  "workername", "legalname", "employee", "staffname", "personname", "nom", NULL };
static const char * const first_names[] = {
  "firstname", "givenname", "preferredfirstname", "forename", "legalfirstname", NULL };
static const char * const last_names[] = {
  "lastname", "surname", "familyname", "legallastname", NULL };
static const char * const manager_names[] = {
  "manager", "managerid", "managerno", "managernumber", "manageremployeeid", "managerworkerid",
  "reportsto", "reportstoid", "reportingto", "supervisor", "supervisorid", "supervisoremployeeid",
  "linemanager", "linemanagerid", "bossid", "parent", "parentid", "managersemployeeid",
  "managersid", "directmanager", "directmanagerid", NULL };
static const char * const title_names[] = {
  "title", "jobtitle", "position", "positiontitle", "role", "jobprofile", "businesstitle", "job",
  "jobname", "designation", NULL };
static const char * const unit_names[] = {
  "unit", "department", "dept", "departmentname", "team", "division", "group", "orgunit",
  "organisationalunit", "organizationalunit", "supervisoryorganization", "section", NULL };
static const char * const org_names[] = {
  "org", "organisation", "organization", "company", "companyname", "employer", "legalentity",
  "firm", "entity", NULL };
static const char * const location_names[] = {
  "location", "office", "site", "worklocation", "officelocation", "city", "workplace",
  "locationname", "country", NULL };
static const char * const email_names[] = {
  "email", "emailaddress", "mail", "workemail", "primaryworkemail", "businessemail",
  "workemailaddress", NULL };
static const char * const kind_names[] = {
  "kind", "actorkind", "actortype", "nodetype", "nodekind", NULL };
static const char * const source_names[] = {
  "source", "sourceid", "from", "fromid", "ego", "respondent", "sender", "tail", "node1",
  "person1", "src", "actor1", "nominator", NULL };
static const char * const target_names[] = {
  "target", "targetid", "to", "toid", "alter", "recipient", "nominee", "head", "node2",
  "person2", "dst", "receiver", "actor2", NULL };
static const char * const type_names[] = {
  "type", "tietype", "relation", "relationship", "kind", "edgetype", "interaction", "tie",
  "linktype", "relationtype", NULL };
static const char * const weight_names[] = {
  "weight", "strength", "value", "frequency", "score", "intensity", "count", "w", NULL };

static const char * const * const field_synonyms[MW_CSV_N_FIELDS] = {
  id_names, name_names, first_names, last_names, manager_names, title_names, unit_names,
  org_names, location_names, email_names, kind_names, source_names, target_names, type_names,
  weight_names,
};

static char *
normalise_header (const char *header)
{
  GString *key = g_string_new (NULL);

  for (const char *p = header; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (key, g_ascii_tolower (*p));
      else if (*p == '#')
        g_string_append (key, "number");
    }

  return g_string_free (key, FALSE);
}

static gboolean
is_ties_field (MwCsvField field)
{
  return field >= MW_CSV_FIRST_TIES_FIELD && field <= MW_CSV_LAST_TIES_FIELD;
}

static gboolean
guess_field (const char *header,
             gboolean    ties,
             MwCsvField *field)
{
  g_autofree char *key = normalise_header (header);

  if (*key == '\0')
    return FALSE;

  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    {
      if (is_ties_field (f) != ties)
        continue;
      if (g_strv_contains (field_synonyms[f], key))
        {
          *field = f;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
mw_csv_field_to_string (MwCsvField field)
{
  g_return_val_if_fail (field < MW_CSV_N_FIELDS, NULL);
  return field_names[field];
}

/* A field's name ("manager", "department", "organisation"…). */
gboolean
mw_csv_field_from_string (const char *str,
                          MwCsvField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    if (g_ascii_strcasecmp (str, field_names[f]) == 0)
      {
        *field = f;
        return TRUE;
      }

  return guess_field (str, FALSE, field) || guess_field (str, TRUE, field);
}

void
mw_csv_mapping_init (MwCsvMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    mapping->columns[f] = -1;
  mapping->keep_other_columns = TRUE;
}

static gboolean
column_is_numeric (MwCsvTable *table,
                   guint       column)
{
  guint n = MIN (mw_csv_table_get_n_rows (table), 20);
  guint numbers = 0;

  for (guint r = 0; r < n; r++)
    {
      const char *cell = mw_csv_table_get_cell (table, r, column);
      char *end;

      g_ascii_strtod (cell, &end);
      if (end != cell && *end == '\0')
        numbers++;
    }

  return n > 0 && numbers == n;
}

/* Without a header only the position can say: id, name, manager for
 * people; source, target, then type or weight for ties. */
static void
guess_by_position (MwCsvMapping *mapping,
                   MwCsvTable   *table,
                   gboolean      ties)
{
  static const MwCsvField people_order[] = { MW_CSV_FIELD_ID, MW_CSV_FIELD_NAME, MW_CSV_FIELD_MANAGER };
  guint n_columns = mw_csv_table_get_n_columns (table);

  if (!ties)
    {
      for (guint c = 0; c < MIN (n_columns, G_N_ELEMENTS (people_order)); c++)
        mapping->columns[people_order[c]] = c;
      if (n_columns == 1)
        {
          mapping->columns[MW_CSV_FIELD_ID] = -1;
          mapping->columns[MW_CSV_FIELD_NAME] = 0;
        }
      return;
    }

  if (n_columns >= 2)
    {
      mapping->columns[MW_CSV_FIELD_SOURCE] = 0;
      mapping->columns[MW_CSV_FIELD_TARGET] = 1;
    }
  for (guint c = 2; c < MIN (n_columns, 4); c++)
    {
      MwCsvField field = column_is_numeric (table, c) ? MW_CSV_FIELD_WEIGHT : MW_CSV_FIELD_TYPE;

      if (mapping->columns[field] < 0)
        mapping->columns[field] = c;
    }
}

/**
 * mw_csv_mapping_guess:
 * @ties: %TRUE for a ties file (source, target, type, weight), %FALSE for
 *   a people file
 *
 * The default mapping: from the header's names when there is a header
 * (the first column that names a field gives it), else by position.
 */
void
mw_csv_mapping_guess (MwCsvMapping *mapping,
                      MwCsvTable   *table,
                      gboolean      ties)
{
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (table != NULL);

  mw_csv_mapping_init (mapping);

  if (!table->format.has_header)
    {
      guess_by_position (mapping, table, ties);
      return;
    }

  for (guint c = 0; c < table->n_columns; c++)
    {
      MwCsvField field;

      if (guess_field (mw_csv_table_get_column_name (table, c), ties, &field) &&
          mapping->columns[field] < 0)
        mapping->columns[field] = c;
    }
}

static int
find_column (MwCsvTable *table,
             const char *name)
{
  char *end;
  guint64 number;

  for (guint c = 0; c < table->n_columns; c++)
    if (g_utf8_collate (mw_csv_table_get_column_name (table, c), name) == 0 ||
        g_ascii_strcasecmp (mw_csv_table_get_column_name (table, c), name) == 0)
      return c;

  number = g_ascii_strtoull (name, &end, 10);
  if (end != name && *end == '\0' && number >= 1 && number <= table->n_columns)
    return number - 1;

  return -1;
}

static char *
list_columns (MwCsvTable *table)
{
  GString *list = g_string_new (NULL);

  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (list, "%s“%s”", c > 0 ? ", " : "", mw_csv_table_get_column_name (table, c));

  return g_string_free (list, FALSE);
}

/**
 * mw_csv_mapping_assign:
 * @assignment: "FIELD=COLUMN": a field's name, and the column's header (any
 *   case) or its number from 1; "FIELD=" maps nothing to the field
 *
 * What `meshwork-cli import --map` and a remembered mapping use.
 */
gboolean
mw_csv_mapping_assign (MwCsvMapping  *mapping,
                       MwCsvTable    *table,
                       const char    *assignment,
                       GError       **error)
{
  g_autofree char *field_name = NULL;
  const char *equals;
  const char *column_name;
  MwCsvField field;
  int column;

  g_return_val_if_fail (mapping != NULL && table != NULL && assignment != NULL, FALSE);

  equals = strchr (assignment, '=');
  if (equals == NULL)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("“%s”: expected FIELD=COLUMN, for example manager=\"Manager ID\""), assignment);
      return FALSE;
    }

  field_name = g_strstrip (g_strndup (assignment, equals - assignment));
  column_name = equals + 1;
  if (!mw_csv_field_from_string (field_name, &field))
    {
      g_autofree char *known = g_strjoinv (", ", (char **)field_names);
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("“%s” is not a field Meshwork knows (%s)"), field_name, known);
      return FALSE;
    }

  if (*column_name == '\0')
    {
      mapping->columns[field] = -1;
      return TRUE;
    }

  column = find_column (table, column_name);
  if (column < 0)
    {
      g_autofree char *columns = list_columns (table);
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID, _("%s has no column “%s” (it has %s)"),
                   table->source, column_name, columns);
      return FALSE;
    }

  mapping->columns[field] = column;
  return TRUE;
}

/**
 * mw_csv_mapping_to_strv:
 *
 * Returns: (transfer full): "FIELD=COLUMN" for every mapped field, which
 *   mw_csv_mapping_assign() reads back (a dialog remembers these)
 */
GStrv
mw_csv_mapping_to_strv (const MwCsvMapping *mapping,
                        MwCsvTable         *table)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (mapping != NULL && table != NULL, NULL);

  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    {
      g_autofree char *line = NULL;

      if (mapping->columns[f] < 0 || (guint)mapping->columns[f] >= table->n_columns)
        continue;
      line = g_strdup_printf ("%s=%s", field_names[f],
                              mw_csv_table_get_column_name (table, mapping->columns[f]));
      g_strv_builder_add (builder, line);
    }

  return g_strv_builder_end (builder);
}

gboolean
mw_csv_mapping_is_people (const MwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, FALSE);
  return mapping->columns[MW_CSV_FIELD_ID] >= 0 || mapping->columns[MW_CSV_FIELD_NAME] >= 0 ||
         mapping->columns[MW_CSV_FIELD_FIRST_NAME] >= 0 || mapping->columns[MW_CSV_FIELD_LAST_NAME] >= 0;
}

gboolean
mw_csv_mapping_is_ties (const MwCsvMapping *mapping)
{
  g_return_val_if_fail (mapping != NULL, FALSE);
  return mapping->columns[MW_CSV_FIELD_SOURCE] >= 0 && mapping->columns[MW_CSV_FIELD_TARGET] >= 0;
}

/* ---------------------------------------------------------------------- */
/* Reports                                                                 */

typedef struct
{
  MwNetwork                *stage;
  MwImportReport           *report;
  const MwCsvImportOptions *options;
  GHashTable               *rows_by_id;     /* id → row number where this file added it */
  GHashTable               *by_label;       /* label → MwActor*, or the table itself when shared */
  GPtrArray                *new_actors;     /* MwActor* of stage, in order */
  GPtrArray                *new_ties;       /* MwTie* of stage, in order */
  gboolean                  report_new_actors; /* ties add actors to a network that has some */
} Import;

static void
report_problem (Import              *import,
                MwCsvTable          *table,
                guint                row,
                int                  column,
                MwImportProblemKind  kind,
                gboolean             skipped,
                const char          *format,
                ...) G_GNUC_PRINTF (7, 8);

static void
report_problem (Import              *import,
                MwCsvTable          *table,
                guint                row,
                int                  column,
                MwImportProblemKind  kind,
                gboolean             skipped,
                const char          *format,
                ...)
{
  MwImportProblem *problem = g_new0 (MwImportProblem, 1);
  va_list args;

  problem->kind = kind;
  problem->source = g_strdup (table->source);
  problem->row = mw_csv_table_get_row_number (table, row);
  problem->column = column >= 0 ? (guint)column + 1 : 0;
  if (column >= 0 && (guint)column < table->n_columns)
    problem->column_name = g_strdup (mw_csv_table_get_column_name (table, column));
  else if (column >= 0)
    problem->column_name = g_strdup_printf (_("Column %u"), (guint)column + 1);
  problem->skipped = skipped;

  va_start (args, format);
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (import->report->problems, problem);
}

/* ---------------------------------------------------------------------- */
/* Importing rows                                                          */

/* Cells past the header's last name are reported, not kept. */
static guint
n_named_columns (MwCsvTable *table)
{
  return table->format.has_header ? record_n_cells (table, 0) : table->n_columns;
}

/* A trimmed copy of a mapped cell; NULL when the field has no column. */
static char *
field_value (MwCsvTable         *table,
             const MwCsvMapping *mapping,
             guint               row,
             MwCsvField          field)
{
  int column = mapping->columns[field];

  if (column < 0)
    return NULL;
  return g_strstrip (g_strdup (mw_csv_table_get_cell (table, row, column)));
}

static gboolean
row_is_blank (MwCsvTable *table,
              guint       row)
{
  guint n = mw_csv_table_get_n_cells (table, row);

  for (guint c = 0; c < n; c++)
    {
      const char *cell = mw_csv_table_get_cell (table, row, c);

      if (cell[strspn (cell, " \t")] != '\0')
        return FALSE;
    }

  return TRUE;
}

static gboolean
column_is_mapped (const MwCsvMapping *mapping,
                  guint               column)
{
  for (guint f = 0; f < MW_CSV_N_FIELDS; f++)
    if (mapping->columns[f] == (int)column)
      return TRUE;
  return FALSE;
}

static gboolean
is_key_column (const MwCsvMapping *mapping,
               guint               column,
               gboolean            ties)
{
  static const MwCsvField people_keys[] = {
    MW_CSV_FIELD_ID, MW_CSV_FIELD_NAME, MW_CSV_FIELD_FIRST_NAME, MW_CSV_FIELD_LAST_NAME,
    MW_CSV_FIELD_MANAGER };
  static const MwCsvField ties_keys[] = {
    MW_CSV_FIELD_SOURCE, MW_CSV_FIELD_TARGET, MW_CSV_FIELD_TYPE, MW_CSV_FIELD_WEIGHT };
  const MwCsvField *keys = ties ? ties_keys : people_keys;
  guint n = ties ? G_N_ELEMENTS (ties_keys) : G_N_ELEMENTS (people_keys);

  for (guint i = 0; i < n; i++)
    if (mapping->columns[keys[i]] == (int)column)
      return TRUE;
  return FALSE;
}

/* Invalid UTF-8 in a cell that says who or what: the row is skipped. In
 * any other cell only that value is dropped. Returns FALSE to skip. */
static gboolean
check_row_encoding (Import             *import,
                    MwCsvTable         *table,
                    const MwCsvMapping *mapping,
                    guint               row,
                    gboolean            ties,
                    GHashTable         *bad_columns)
{
  guint n = mw_csv_table_get_n_cells (table, row);

  if (table->valid_utf8)
    return TRUE;

  for (guint c = 0; c < n; c++)
    {
      const char *cell = mw_csv_table_get_cell (table, row, c);
      gboolean key;

      if (g_utf8_validate (cell, -1, NULL))
        continue;

      key = is_key_column (mapping, c, ties);
      report_problem (import, table, row, c, MW_IMPORT_PROBLEM_INVALID_UTF8, TRUE,
                      "%s", key ? _("the text is not valid UTF-8; the row is skipped")
                                : _("the text is not valid UTF-8; the value is left out"));
      if (key)
        return FALSE;
      g_hash_table_add (bad_columns, GUINT_TO_POINTER (c));
    }

  return TRUE;
}

/* Other columns become attributes named after their header, in lower
 * case with "_" between words ("Cost Center" → cost_center). Names that
 * Meshwork's DOT attributes use get a "csv_" prefix. */
static char *
attribute_key (MwCsvTable *table,
               guint       column)
{
  static const char * const reserved[] = { "label", "pos", "pin", "weight", "key", "x", "y", NULL };
  GString *key = g_string_new (NULL);
  gboolean gap = FALSE;

  if (!table->format.has_header)
    {
      g_string_printf (key, "column_%u", column + 1);
      return g_string_free (key, FALSE);
    }

  for (const char *p = mw_csv_table_get_column_name (table, column); *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || (guchar)*p >= 0x80)
        {
          if (gap && key->len > 0)
            g_string_append_c (key, '_');
          g_string_append_c (key, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }

  if (key->len == 0 || g_strv_contains (reserved, key->str) || g_str_has_prefix (key->str, "mw_"))
    g_string_prepend (key, "csv_");

  return g_string_free (key, FALSE);
}

static void
set_actor_attributes (Import             *import,
                      MwCsvTable         *table,
                      const MwCsvMapping *mapping,
                      guint               row,
                      MwActor            *actor,
                      GHashTable         *bad_columns)
{
  static const struct { MwCsvField field; const char *key; } named[] = {
    { MW_CSV_FIELD_TITLE, "title" }, { MW_CSV_FIELD_LOCATION, "location" },
    { MW_CSV_FIELD_EMAIL, "email" },
  };
  guint n = mw_csv_table_get_n_cells (table, row);

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_autofree char *value = field_value (table, mapping, row, named[i].field);

      if (value != NULL && *value != '\0' &&
          !g_hash_table_contains (bad_columns, GINT_TO_POINTER (mapping->columns[named[i].field])))
        mw_network_set_actor_attr (import->stage, actor, named[i].key, value);
    }

  for (guint c = 0; mapping->keep_other_columns && c < MIN (n, n_named_columns (table)); c++)
    {
      g_autofree char *value = NULL;
      g_autofree char *key = NULL;

      if (column_is_mapped (mapping, c) || g_hash_table_contains (bad_columns, GUINT_TO_POINTER (c)))
        continue;
      value = g_strstrip (g_strdup (mw_csv_table_get_cell (table, row, c)));
      if (*value == '\0')
        continue;
      key = attribute_key (table, c);
      mw_network_set_actor_attr (import->stage, actor, key, value);
    }
}

static char *
row_name (MwCsvTable         *table,
          const MwCsvMapping *mapping,
          guint               row,
          int                *column)
{
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  *column = mapping->columns[MW_CSV_FIELD_NAME];
  if (*column >= 0)
    return field_value (table, mapping, row, MW_CSV_FIELD_NAME);

  first = field_value (table, mapping, row, MW_CSV_FIELD_FIRST_NAME);
  last = field_value (table, mapping, row, MW_CSV_FIELD_LAST_NAME);
  *column = mapping->columns[MW_CSV_FIELD_FIRST_NAME] >= 0 ? mapping->columns[MW_CSV_FIELD_FIRST_NAME]
                                                          : mapping->columns[MW_CSV_FIELD_LAST_NAME];
  if (first == NULL && last == NULL)
    return NULL;

  return g_strstrip (g_strdup_printf ("%s %s", first != NULL ? first : "", last != NULL ? last : ""));
}

typedef struct
{
  MwActor *actor;
  guint    row;         /* data row in the table */
  char    *manager;     /* the manager cell, trimmed; NULL or "" when none */
  MwActor *manager_actor;
} Person;

static void
person_clear (Person *person)
{
  g_free (person->manager);
}

static void
remember_label (Import  *import,
                MwActor *actor)
{
  gpointer existing = g_hash_table_lookup (import->by_label, actor->label);

  /* a name two people share cannot say which of them is meant */
  if (existing == NULL)
    g_hash_table_insert (import->by_label, g_strdup (actor->label), actor);
  else if (existing != actor)
    g_hash_table_insert (import->by_label, g_strdup (actor->label), import->by_label);
}

static gboolean
check_id (Import     *import,
          MwCsvTable *table,
          guint       row,
          int         column,
          const char *id)
{
  guint first_row;

  if (mw_network_lookup_actor (import->stage, id) == NULL)
    return TRUE;

  first_row = GPOINTER_TO_UINT (g_hash_table_lookup (import->rows_by_id, id));
  if (first_row > 0)
    report_problem (import, table, row, column, MW_IMPORT_PROBLEM_DUPLICATE_ID, TRUE,
                    _("the id “%s” is already on row %u; the row is skipped"), id, first_row);
  else
    report_problem (import, table, row, column, MW_IMPORT_PROBLEM_DUPLICATE_ID, TRUE,
                    _("the network already has an actor with the id “%s”; the row is skipped"), id);
  return FALSE;
}

static MwActorKind
row_kind (Import             *import,
          MwCsvTable         *table,
          const MwCsvMapping *mapping,
          guint               row)
{
  g_autofree char *value = field_value (table, mapping, row, MW_CSV_FIELD_KIND);
  MwActorKind kind = MW_ACTOR_PERSON;

  if (value == NULL || *value == '\0' || !g_utf8_validate (value, -1, NULL))
    return MW_ACTOR_PERSON;

  if (!mw_actor_kind_from_string (value, &kind))
    report_problem (import, table, row, mapping->columns[MW_CSV_FIELD_KIND],
                    MW_IMPORT_PROBLEM_BAD_KIND, TRUE,
                    _("“%s” is not person, team or organisation; the actor is a person"), value);
  return kind;
}

/* One people row: an actor, or a problem. Returns the actor or NULL. */
static MwActor *
import_person (Import             *import,
               MwCsvTable         *table,
               const MwCsvMapping *mapping,
               guint               row,
               GHashTable         *bad_columns)
{
  g_autofree char *id = field_value (table, mapping, row, MW_CSV_FIELD_ID);
  g_autofree char *org = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *name = NULL;
  int id_column = mapping->columns[MW_CSV_FIELD_ID];
  int name_column;
  MwActor *actor;

  name = row_name (table, mapping, row, &name_column);
  if (id_column < 0)
    {
      /* without ids, people are known (and managers named) by their names */
      id = g_strdup (name);
      id_column = name_column;
    }

  if (id == NULL || *id == '\0')
    {
      report_problem (import, table, row, id_column,
                      mapping->columns[MW_CSV_FIELD_ID] >= 0 ? MW_IMPORT_PROBLEM_EMPTY_ID
                                                             : MW_IMPORT_PROBLEM_EMPTY_NAME,
                      TRUE, "%s", mapping->columns[MW_CSV_FIELD_ID] >= 0 ? _("the id is empty; the row is skipped")
                                                          : _("the name is empty; the row is skipped"));
      return NULL;
    }

  if (!check_id (import, table, row, id_column, id))
    return NULL;

  if (name == NULL || *name == '\0')
    report_problem (import, table, row, name_column >= 0 ? name_column : -1,
                    MW_IMPORT_PROBLEM_EMPTY_NAME, FALSE,
                    _("the name is empty; the id “%s” is shown instead"), id);

  actor = mw_network_add_actor (import->stage, id, name, row_kind (import, table, mapping, row), NULL);
  g_assert (actor != NULL);

  org = field_value (table, mapping, row, MW_CSV_FIELD_ORG);
  unit = field_value (table, mapping, row, MW_CSV_FIELD_UNIT);
  if (org != NULL && !g_hash_table_contains (bad_columns, GINT_TO_POINTER (mapping->columns[MW_CSV_FIELD_ORG])))
    mw_network_set_actor_org (import->stage, actor, org);
  if (unit != NULL && !g_hash_table_contains (bad_columns, GINT_TO_POINTER (mapping->columns[MW_CSV_FIELD_UNIT])))
    mw_network_set_actor_unit (import->stage, actor, unit);
  set_actor_attributes (import, table, mapping, row, actor, bad_columns);

  g_hash_table_insert (import->rows_by_id, g_strdup (id),
                       GUINT_TO_POINTER (mw_csv_table_get_row_number (table, row)));
  g_ptr_array_add (import->new_actors, actor);
  return actor;
}

static void
report_extra_cells (Import     *import,
                    MwCsvTable *table,
                    guint       row)
{
  guint n = mw_csv_table_get_n_cells (table, row);

  if (!table->format.has_header)
    return;

  /* the header decides how many columns there are */
  if (n > record_n_cells (table, 0))
    for (guint c = record_n_cells (table, 0); c < n; c++)
      {
        const char *cell = mw_csv_table_get_cell (table, row, c);

        if (*cell == '\0')
          continue;
        report_problem (import, table, row, c, MW_IMPORT_PROBLEM_EXTRA_CELLS, TRUE,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "the row has more cells than the header names (%u); “%s” is left out",
                                     "the row has more cells than the header names (%u); “%s” is left out",
                                     record_n_cells (table, 0)),
                        record_n_cells (table, 0), g_utf8_validate (cell, -1, NULL) ? cell : "…");
      }
}

/* An actor by id, else by a name only one actor has. */
static MwActor *
find_actor (Import     *import,
            const char *key)
{
  MwActor *actor = mw_network_lookup_actor (import->stage, key);
  gpointer by_label;

  if (actor != NULL)
    return actor;

  by_label = g_hash_table_lookup (import->by_label, key);
  return by_label != import->by_label ? by_label : NULL;
}

static void
resolve_managers (Import             *import,
                  MwCsvTable         *table,
                  const MwCsvMapping *mapping,
                  GArray             *people)
{
  int column = mapping->columns[MW_CSV_FIELD_MANAGER];

  for (guint i = 0; i < people->len; i++)
    {
      Person *person = &g_array_index (people, Person, i);

      if (person->manager == NULL || *person->manager == '\0')
        continue;

      person->manager_actor = find_actor (import, person->manager);
      if (person->manager_actor == NULL &&
          g_hash_table_lookup (import->by_label, person->manager) == import->by_label)
        report_problem (import, table, person->row, column, MW_IMPORT_PROBLEM_UNKNOWN_MANAGER, TRUE,
                        _("more than one person is called “%s”; %s is imported without a manager"),
                        person->manager, person->actor->label);
      else if (person->manager_actor == NULL)
        report_problem (import, table, person->row, column, MW_IMPORT_PROBLEM_UNKNOWN_MANAGER, TRUE,
                        _("no one has the id “%s”; %s is imported without a manager"),
                        person->manager, person->actor->label);
      else if (person->manager_actor == person->actor)
        {
          /* HR systems often list the top person as their own manager */
          report_problem (import, table, person->row, column, MW_IMPORT_PROBLEM_SELF_TIE, FALSE,
                          _("%s is their own manager; taken as having none"), person->actor->label);
          person->manager_actor = NULL;
        }
    }
}

/* Each person has at most one manager, so following managers from anyone
 * either ends or runs into a loop. Each loop is broken at the member whose
 * row comes last in the file. */
static void
break_manager_cycles (Import             *import,
                      MwCsvTable         *table,
                      const MwCsvMapping *mapping,
                      GArray             *people)
{
  g_autoptr(GHashTable) person_of = g_hash_table_new (NULL, NULL);
  g_autofree guint *walk = g_new0 (guint, people->len);

  for (guint i = 0; i < people->len; i++)
    g_hash_table_insert (person_of, g_array_index (people, Person, i).actor, GUINT_TO_POINTER (i + 1));

  for (guint start = 0; start < people->len; start++)
    {
      guint i = start;

      while (walk[i] == 0)
        {
          Person *person = &g_array_index (people, Person, i);
          guint next = GPOINTER_TO_UINT (g_hash_table_lookup (person_of, person->manager_actor));

          walk[i] = start + 1;
          if (person->manager_actor == NULL || next == 0)
            break;
          i = next - 1;
        }

      if (walk[i] == start + 1 && g_array_index (people, Person, i).manager_actor != NULL &&
          g_hash_table_contains (person_of, g_array_index (people, Person, i).manager_actor))
        {
          /* i is on a loop found in this walk: list it, and cut it */
          g_autoptr(GString) path = g_string_new (NULL);
          Person *last = NULL;
          guint j = i;

          do
            {
              Person *member = &g_array_index (people, Person, j);

              g_string_append_printf (path, "%s → ", member->actor->label);
              if (last == NULL || member->row > last->row)
                last = member;
              j = GPOINTER_TO_UINT (g_hash_table_lookup (person_of, member->manager_actor)) - 1;
            }
          while (j != i);
          g_string_append (path, g_array_index (people, Person, i).actor->label);

          report_problem (import, table, last->row, mapping->columns[MW_CSV_FIELD_MANAGER],
                          MW_IMPORT_PROBLEM_MANAGER_CYCLE, TRUE,
                          _("managers go round in a circle (%s); %s’s manager is left out"),
                          path->str, last->actor->label);
          last->manager_actor = NULL;
        }
    }
}

static gboolean
import_people (Import             *import,
               MwCsvTable         *table,
               const MwCsvMapping *mapping,
               GError            **error)
{
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (Person));
  guint n_rows = mw_csv_table_get_n_rows (table);

  if (!mw_csv_mapping_is_people (mapping))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("%s: no column gives the people's id or name (map one, e.g. name=COLUMN)"),
                   table->source);
      return FALSE;
    }

  g_array_set_clear_func (people, (GDestroyNotify)person_clear);

  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr(GHashTable) bad_columns = g_hash_table_new (NULL, NULL);
      MwActor *actor;
      Person person = { NULL, row, NULL, NULL };

      if (row_is_blank (table, row))
        continue;

      report_extra_cells (import, table, row);
      if (!check_row_encoding (import, table, mapping, row, FALSE, bad_columns) ||
          (actor = import_person (import, table, mapping, row, bad_columns)) == NULL)
        {
          import->report->n_rows_skipped++;
          continue;
        }

      person.actor = actor;
      person.manager = field_value (table, mapping, row, MW_CSV_FIELD_MANAGER);
      g_array_append_val (people, person);
      remember_label (import, actor);
    }

  resolve_managers (import, table, mapping, people);
  break_manager_cycles (import, table, mapping, people);

  for (guint i = 0; i < people->len; i++)
    {
      Person *person = &g_array_index (people, Person, i);

      if (person->manager_actor != NULL)
        g_ptr_array_add (import->new_ties,
                         mw_network_add_tie (import->stage, person->actor, person->manager_actor,
                                             MW_TIE_REPORTS, 1.0, NULL));
    }

  return TRUE;
}

/* "2.5", and "2,5" where the comma is not the delimiter. */
static gboolean
parse_weight (const char *text,
              char        delimiter,
              double     *weight)
{
  g_autofree char *copy = g_strdup (text);
  char *comma = strchr (copy, ',');
  char *end;

  if (*copy == '\0')
    {
      *weight = 1.0;
      return TRUE;
    }

  if (comma != NULL && delimiter != ',' && strchr (comma + 1, ',') == NULL)
    *comma = '.';

  *weight = g_ascii_strtod (copy, &end);
  return end != copy && *end == '\0' && isfinite (*weight);
}

static MwActor *
tie_end (Import             *import,
         MwCsvTable         *table,
         const MwCsvMapping *mapping,
         guint               row,
         MwCsvField          field)
{
  g_autofree char *key = field_value (table, mapping, row, field);
  MwActor *actor;

  if (key == NULL || *key == '\0')
    {
      report_problem (import, table, row, mapping->columns[field], MW_IMPORT_PROBLEM_EMPTY_ID, TRUE,
                      "%s", field == MW_CSV_FIELD_SOURCE ? _("the source is empty; the tie is skipped")
                                                        : _("the target is empty; the tie is skipped"));
      return NULL;
    }

  actor = find_actor (import, key);
  if (actor != NULL)
    return actor;

  if (import->options->create_missing_actors)
    {
      actor = mw_network_add_actor (import->stage, key, NULL, MW_ACTOR_PERSON, NULL);
      g_ptr_array_add (import->new_actors, actor);
      /* into a network that has people, a name it does not know may be a
       * misspelling: say who was added, once */
      if (import->report_new_actors)
        report_problem (import, table, row, mapping->columns[field], MW_IMPORT_PROBLEM_UNKNOWN_ACTOR, FALSE,
                        _("no one in the network has the id or name “%s”; a new person is added"), key);
      return actor;
    }

  report_problem (import, table, row, mapping->columns[field], MW_IMPORT_PROBLEM_UNKNOWN_ACTOR, TRUE,
                  _("no one has the id or name “%s”; the tie is skipped"), key);
  return NULL;
}

static gboolean
tie_type_and_weight (Import             *import,
                     MwCsvTable         *table,
                     const MwCsvMapping *mapping,
                     guint               row,
                     MwTieType          *type,
                     double             *weight)
{
  g_autofree char *type_text = field_value (table, mapping, row, MW_CSV_FIELD_TYPE);
  g_autofree char *weight_text = field_value (table, mapping, row, MW_CSV_FIELD_WEIGHT);

  *type = import->options->default_tie_type;
  if (type_text != NULL && *type_text != '\0' && !mw_tie_type_from_synonym (type_text, type))
    {
      report_problem (import, table, row, mapping->columns[MW_CSV_FIELD_TYPE],
                      MW_IMPORT_PROBLEM_BAD_TYPE, TRUE,
                      _("“%s” is not a tie type (reports, collaborates, influences, checks); "
                        "the tie is skipped"), type_text);
      return FALSE;
    }

  *weight = 1.0;
  if (weight_text != NULL && !parse_weight (weight_text, table->format.delimiter, weight))
    {
      report_problem (import, table, row, mapping->columns[MW_CSV_FIELD_WEIGHT],
                      MW_IMPORT_PROBLEM_BAD_NUMBER, TRUE,
                      _("the weight “%s” is not a number; the tie is skipped"), weight_text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
import_tie (Import             *import,
            MwCsvTable         *table,
            const MwCsvMapping *mapping,
            guint               row,
            GHashTable         *bad_columns)
{
  MwActor *from, *to;
  MwTieType type;
  double weight;
  MwTie *tie;

  if (!tie_type_and_weight (import, table, mapping, row, &type, &weight) ||
      (from = tie_end (import, table, mapping, row, MW_CSV_FIELD_SOURCE)) == NULL ||
      (to = tie_end (import, table, mapping, row, MW_CSV_FIELD_TARGET)) == NULL)
    return FALSE;

  if (from == to)
    {
      report_problem (import, table, row, mapping->columns[MW_CSV_FIELD_TARGET],
                      MW_IMPORT_PROBLEM_SELF_TIE, TRUE,
                      _("the tie goes from %s to themselves; it is skipped"), from->label);
      return FALSE;
    }

  tie = mw_network_add_tie (import->stage, from, to, type, weight, NULL);
  g_ptr_array_add (import->new_ties, tie);

  for (guint c = 0; mapping->keep_other_columns && c < MIN (mw_csv_table_get_n_cells (table, row), n_named_columns (table)); c++)
    {
      g_autofree char *value = NULL;
      g_autofree char *key = NULL;

      if (column_is_mapped (mapping, c) || g_hash_table_contains (bad_columns, GUINT_TO_POINTER (c)))
        continue;
      value = g_strstrip (g_strdup (mw_csv_table_get_cell (table, row, c)));
      if (*value == '\0')
        continue;
      key = attribute_key (table, c);
      mw_network_set_tie_attr (import->stage, tie, key, value);
    }

  return TRUE;
}

static gboolean
import_ties (Import             *import,
             MwCsvTable         *table,
             const MwCsvMapping *mapping,
             GError            **error)
{
  guint n_rows = mw_csv_table_get_n_rows (table);

  if (!mw_csv_mapping_is_ties (mapping))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("%s: no columns give the ties' source and target (map them, e.g. source=COLUMN)"),
                   table->source);
      return FALSE;
    }

  for (guint row = 0; row < n_rows; row++)
    {
      g_autoptr(GHashTable) bad_columns = g_hash_table_new (NULL, NULL);

      if (row_is_blank (table, row))
        continue;

      report_extra_cells (import, table, row);
      if (!check_row_encoding (import, table, mapping, row, TRUE, bad_columns) ||
          !import_tie (import, table, mapping, row, bad_columns))
        import->report->n_rows_skipped++;
    }

  return TRUE;
}

void
mw_csv_import_options_init (MwCsvImportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->default_tie_type = MW_TIE_COLLABORATES;
  options->create_missing_actors = FALSE;
}

static void
import_clear (Import *import)
{
  g_clear_object (&import->stage);
  g_clear_pointer (&import->report, mw_import_report_free);
  g_clear_pointer (&import->rows_by_id, g_hash_table_unref);
  g_clear_pointer (&import->by_label, g_hash_table_unref);
  g_clear_pointer (&import->new_actors, g_ptr_array_unref);
  g_clear_pointer (&import->new_ties, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Import, import_clear)

static int
compare_problems (gconstpointer a,
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

/* One file's problems, found in several passes, are listed by row and
 * column (a stable sort keeps a cell's problems in the order found). */
static void
sort_problems_since (Import *import,
                     guint   first)
{
  GPtrArray *problems = import->report->problems;

  if (problems->len > first + 1)
    g_qsort_with_data (problems->pdata + first, problems->len - first, sizeof (gpointer),
                       compare_problems, NULL);
}

/* Builds everything on @import->stage; on failure nothing is kept. */
static gboolean
run_import (Import                   *import,
            MwNetwork                *existing,
            MwCsvTable               *people,
            const MwCsvMapping       *people_mapping,
            MwCsvTable               *ties,
            const MwCsvMapping       *ties_mapping,
            const MwCsvImportOptions *options,
            GError                  **error)
{
  MwCsvMapping people_guess, ties_guess;
  MwCsvImportOptions default_options;
  guint first_tie_problem;
  gboolean ok = TRUE;

  if (options == NULL)
    {
      mw_csv_import_options_init (&default_options);
      default_options.create_missing_actors = (people == NULL);
      options = &default_options;
    }
  if (people != NULL && people_mapping == NULL)
    {
      mw_csv_mapping_guess (&people_guess, people, FALSE);
      people_mapping = &people_guess;
    }
  if (ties != NULL && ties_mapping == NULL)
    {
      mw_csv_mapping_guess (&ties_guess, ties, TRUE);
      ties_mapping = &ties_guess;
    }

  import->stage = existing != NULL ? mw_network_copy (existing) : mw_network_new ();
  import->report = mw_import_report_new ();
  import->options = options;
  import->rows_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import->new_actors = g_ptr_array_new ();
  import->new_ties = g_ptr_array_new ();

  for (guint i = 0; i < mw_network_get_n_actors (import->stage); i++)
    remember_label (import, mw_network_get_actor (import->stage, i));
  import->report_new_actors = mw_network_get_n_actors (import->stage) > 0;

  mw_network_begin_batch (import->stage, "Import");
  if (people != NULL)
    ok = import_people (import, people, people_mapping, error);
  sort_problems_since (import, 0);
  first_tie_problem = import->report->problems->len;
  if (ok && ties != NULL)
    ok = import_ties (import, ties, ties_mapping, error);
  sort_problems_since (import, first_tie_problem);
  mw_network_end_batch (import->stage);

  import->report->n_actors = import->new_actors->len;
  import->report->n_ties = import->new_ties->len;
  return ok;
}

/**
 * mw_csv_import:
 * @people: (nullable): the people file (org chart)
 * @people_mapping: (nullable): guessed from the header when %NULL
 * @ties: (nullable): the ties file (edge list)
 * @ties_mapping: (nullable): guessed from the header when %NULL
 * @options: (nullable): defaults when %NULL: a row without a type is
 *   `collaborates`; ties add the actors they name only when there is no
 *   people file
 * @report: (out) (transfer full) (optional): every problem, with row and column
 *
 * Builds a new network from the files: a `reports` tie from each person to
 * their manager, then the ties file's ties. Rows with problems are left out
 * and reported; the rest is imported. Positions are not set.
 *
 * Returns: (transfer full) (nullable): the network, or %NULL with @error
 *   when nothing sensible can be imported (no id or name column, say)
 */
MwNetwork *
mw_csv_import (MwCsvTable               *people,
               const MwCsvMapping       *people_mapping,
               MwCsvTable               *ties,
               const MwCsvMapping       *ties_mapping,
               const MwCsvImportOptions *options,
               MwImportReport          **report,
               GError                  **error)
{
  g_auto(Import) import = { 0 };

  g_return_val_if_fail (people != NULL || ties != NULL, NULL);

  if (!run_import (&import, NULL, people, people_mapping, ties, ties_mapping, options, error))
    return NULL;

  if (report != NULL)
    *report = g_steal_pointer (&import.report);
  return g_steal_pointer (&import.stage);
}

static void
apply_actor (MwNetwork     *network,
             const MwActor *actor)
{
  MwActor *copy = mw_network_add_actor (network, actor->id, actor->label, actor->kind, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_assert (copy != NULL);
  mw_network_set_actor_org (network, copy, actor->org);
  mw_network_set_actor_unit (network, copy, actor->unit);

  g_hash_table_iter_init (&iter, actor->attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mw_network_set_actor_attr (network, copy, key, value);
}

static void
apply_tie (MwNetwork   *network,
           const MwTie *tie)
{
  MwActor *from = mw_network_lookup_actor (network, tie->from->id);
  MwActor *to = mw_network_lookup_actor (network, tie->to->id);
  MwTie *copy = mw_network_add_tie (network, from, to, tie->type, tie->weight, NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, tie->attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    mw_network_set_tie_attr (network, copy, key, value);
}

/**
 * mw_csv_import_into:
 * @network: where the imported actors and ties go
 *
 * Like mw_csv_import(), into an existing network: managers and tie ends may
 * be actors it already has, and an id it already has is a duplicate. The
 * import is checked in full on a copy first and then applied in one batch
 * (one %MW_CHANGE_BATCH named "Import": one undo step); on an error
 * @network is not touched.
 */
gboolean
mw_csv_import_into (MwNetwork                *network,
                    MwCsvTable               *people,
                    const MwCsvMapping       *people_mapping,
                    MwCsvTable               *ties,
                    const MwCsvMapping       *ties_mapping,
                    const MwCsvImportOptions *options,
                    MwImportReport          **report,
                    GError                  **error)
{
  g_auto(Import) import = { 0 };

  g_return_val_if_fail (MW_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (people != NULL || ties != NULL, FALSE);

  if (!run_import (&import, network, people, people_mapping, ties, ties_mapping, options, error))
    return FALSE;

  mw_network_begin_batch (network, "Import");
  for (guint i = 0; i < import.new_actors->len; i++)
    apply_actor (network, g_ptr_array_index (import.new_actors, i));
  for (guint i = 0; i < import.new_ties->len; i++)
    apply_tie (network, g_ptr_array_index (import.new_ties, i));
  mw_network_end_batch (network);

  if (report != NULL)
    *report = g_steal_pointer (&import.report);
  return TRUE;
}

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
  MwCsvTable         *people;
  MwCsvTable         *ties;
  MwCsvMapping        people_mapping;
  MwCsvMapping        ties_mapping;
  gboolean            has_people_mapping;
  gboolean            has_ties_mapping;
  MwCsvImportOptions  options;
  gboolean            has_options;
} ImportData;

typedef struct
{
  MwNetwork      *network;
  MwImportReport *report;
} ImportResult;

static void
import_data_free (ImportData *data)
{
  g_clear_pointer (&data->people, mw_csv_table_unref);
  g_clear_pointer (&data->ties, mw_csv_table_unref);
  g_free (data);
}

static void
import_result_free (ImportResult *result)
{
  g_clear_object (&result->network);
  g_clear_pointer (&result->report, mw_import_report_free);
  g_free (result);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  ImportResult *result = g_new0 (ImportResult, 1);
  GError *error = NULL;

  result->network = mw_csv_import (data->people, data->has_people_mapping ? &data->people_mapping : NULL,
                                   data->ties, data->has_ties_mapping ? &data->ties_mapping : NULL,
                                   data->has_options ? &data->options : NULL, &result->report, &error);
  if (result->network == NULL)
    {
      import_result_free (result);
      g_task_return_error (task, error);
    }
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, result, (GDestroyNotify)import_result_free);
  else
    import_result_free (result);
}

/**
 * mw_csv_import_async:
 *
 * mw_csv_import() in a thread; the tables are shared (referenced), the
 * mappings and options copied. Nothing touches an open network: the app
 * puts the result in place (or merges it) on its own thread.
 */
void
mw_csv_import_async (MwCsvTable               *people,
                     const MwCsvMapping       *people_mapping,
                     MwCsvTable               *ties,
                     const MwCsvMapping       *ties_mapping,
                     const MwCsvImportOptions *options,
                     GCancellable             *cancellable,
                     GAsyncReadyCallback       callback,
                     gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (people != NULL || ties != NULL);

  data = g_new0 (ImportData, 1);
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
  g_task_set_task_data (task, data, (GDestroyNotify)import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * mw_csv_import_finish:
 * @report: (out) (transfer full) (optional): the problems found
 *
 * Returns: (transfer full) (nullable): the new network, or %NULL with @error
 */
MwNetwork *
mw_csv_import_finish (GAsyncResult    *result,
                      MwImportReport **report,
                      GError         **error)
{
  ImportResult *import_result;
  MwNetwork *network;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  import_result = g_task_propagate_pointer (G_TASK (result), error);
  if (import_result == NULL)
    return NULL;

  network = g_steal_pointer (&import_result->network);
  if (report != NULL)
    *report = g_steal_pointer (&import_result->report);
  import_result_free (import_result);
  return network;
}
