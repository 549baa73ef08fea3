/* mw-csv-table.c: bytes to rows: encodings, BOM, separator and header sniffing, quoting
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-csv"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-csv-private.h"

#define SNIFF_BYTES   (64 * 1024)
#define SNIFF_RECORDS 30
#define MAX_COLUMNS   1000

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

guint
_mw_csv_record_n_cells (MwCsvTable *table,
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

  if (column >= _mw_csv_record_n_cells (table, record))
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
      guint cells = _mw_csv_record_n_cells (table, r);
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
    for (guint c = 0; c < _mw_csv_record_n_cells (table, r); c++)
      g_hash_table_add (later, (gpointer)record_cell (table, r, c));

  for (guint c = 0; c < _mw_csv_record_n_cells (table, 0); c++)
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

  cells = _mw_csv_record_n_cells (table, 0);
  for (guint c = 0; c < cells; c++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (record_cell (table, 0, c)));

      if (_mw_csv_guess_field (cell, FALSE, &field) || _mw_csv_guess_field (cell, TRUE, &field))
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
    n_columns = MAX (n_columns, _mw_csv_record_n_cells (table, r));
  table->n_columns = n_columns;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *name = NULL;

      if (table->first_record > 0 && c < _mw_csv_record_n_cells (table, 0))
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
  return _mw_csv_record_n_cells (table, row + table->first_record);
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
