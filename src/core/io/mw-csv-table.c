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
#include "mw-text.h"

#define SNIFF_BYTES   (64 * 1024)
#define SNIFF_RECORDS 30
#define MAX_COLUMNS   1000

/* ---------------------------------------------------------------------- */
/* Encodings                                                               */

static gboolean
has_utf8_bom (const char *data,
              gsize       length)
{
  MwTextForm form;

  return mw_text_bom_length (data, length, &form) == 3;
}

/* A BOM or the NUL bytes' places (mw-text.c, the rule of every format). */
static gboolean
detect_wide (const char    *data,
             gsize          length,
             MwCsvEncoding *encoding,
             gboolean      *big_endian)
{
  gsize bom;
  MwTextForm form = mw_text_detect (data, length, &bom);

  if (form == MW_TEXT_UTF8)
    return FALSE;
  *encoding = mw_text_unit_size (form) == 2 ? MW_CSV_ENCODING_UTF16 : MW_CSV_ENCODING_UTF32;
  *big_endian = mw_text_is_big_endian (form);
  return TRUE;
}

/* The length of a UTF-16 or UTF-32 byte order mark, 0 without one. */
static gsize
wide_bom (const char    *data,
          gsize          length,
          MwCsvEncoding *encoding,
          gboolean      *big_endian)
{
  MwTextForm form;
  gsize bom = mw_text_bom_length (data, length, &form);

  if (bom == 0 || form == MW_TEXT_UTF8)
    return 0;
  *encoding = mw_text_unit_size (form) == 2 ? MW_CSV_ENCODING_UTF16 : MW_CSV_ENCODING_UTF32;
  *big_endian = mw_text_is_big_endian (form);
  return bom;
}

/* A file with bytes above 0x7f of which not one starts a valid UTF-8
 * sequence was written in a single-byte charset; Windows-1252 is what
 * spreadsheets on Windows use (and a superset of Latin-1's printable part).
 * A file with both is UTF-8 with damaged cells, reported cell by cell. */
static MwCsvEncoding
detect_encoding (const char *data,
                 gsize       length,
                 gboolean   *big_endian)
{
  gsize valid_sequences = 0, high_bytes = 0;
  MwCsvEncoding encoding;

  *big_endian = FALSE;
  if (detect_wide (data, length, &encoding, big_endian))
    return encoding;
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

static void
append_char (GString  *text,
             gunichar  c)
{
  if (c < 0x80)
    g_string_append_c (text, (char)c);
  else if (c > 0x10ffff || (c >= 0xd800 && c < 0xe000))
    g_string_append_c (text, MW_CSV_UNDECODABLE_BYTE);
  else
    g_string_append_unichar (text, c);
}

static gunichar
read_unit (const char *p,
           guint       size,
           gboolean    big_endian)
{
  gunichar c = 0;

  for (guint i = 0; i < size; i++)
    c |= (gunichar)(guchar)p[big_endian ? i : size - 1 - i] << (8 * (size - 1 - i));
  return c;
}

/* An unpaired surrogate and a last, incomplete unit are no character. */
static void
decode_utf16 (GString    *text,
              const char *data,
              gsize       length,
              gboolean    big_endian)
{
  for (gsize i = 0; i + 1 < length; i += 2)
    {
      gunichar c = read_unit (data + i, 2, big_endian);

      if (c >= 0xd800 && c < 0xdc00 && i + 3 < length)
        {
          gunichar low = read_unit (data + i + 2, 2, big_endian);

          if (low >= 0xdc00 && low < 0xe000)
            {
              c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
              i += 2;
            }
        }
      append_char (text, c);
    }
  if (length % 2 != 0)
    g_string_append_c (text, MW_CSV_UNDECODABLE_BYTE);
}

static void
decode_utf32 (GString    *text,
              const char *data,
              gsize       length,
              gboolean    big_endian)
{
  for (gsize i = 0; i + 3 < length; i += 4)
    append_char (text, read_unit (data + i, 4, big_endian));
  if (length % 4 != 0)
    g_string_append_c (text, MW_CSV_UNDECODABLE_BYTE);
}

/* Five bytes have no character in Windows-1252: they are reported with
 * their cell rather than turning the whole file into Latin-1 (where € and
 * “” would become control characters). */
static void
decode_windows_1252 (GString    *text,
                     const char *data,
                     gsize       length)
{
  static const guint16 c1[32] = {
    0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
    0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
    0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
    0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
  };

  for (gsize i = 0; i < length; i++)
    {
      guchar b = (guchar)data[i];

      if (b < 0x80 || b >= 0xa0)
        append_char (text, b);
      else if (c1[b - 0x80] != 0)
        append_char (text, c1[b - 0x80]);
      else
        g_string_append_c (text, MW_CSV_UNDECODABLE_BYTE);
    }
}

/* Returns the text as UTF-8 (or as it was, for UTF-8 with damaged cells),
 * without a byte order mark. Bytes that are no character become
 * MW_CSV_UNDECODABLE_BYTE; NUL bytes stay, for the reader to report. */
static char *
decode (const char        *data,
        gsize              length,
        const MwCsvFormat *format,
        gsize             *out_length)
{
  GString *text = g_string_sized_new (length + 1);
  MwCsvEncoding bom_encoding;
  gboolean big_endian = format->big_endian;
  gsize bom = wide_bom (data, length, &bom_encoding, &big_endian);

  /* a BOM says the byte order, whatever the format guessed */
  if (bom > 0 && bom_encoding != format->encoding)
    {
      bom = 0;
      big_endian = format->big_endian;
    }

  switch (format->encoding)
    {
    case MW_CSV_ENCODING_UTF16:
      decode_utf16 (text, data + bom, length - bom, big_endian);
      break;
    case MW_CSV_ENCODING_UTF32:
      decode_utf32 (text, data + bom, length - bom, big_endian);
      break;
    case MW_CSV_ENCODING_WINDOWS_1252:
      decode_windows_1252 (text, data, length);
      break;
    case MW_CSV_ENCODING_UTF8:
    default:
      /* not g_strndup(): it would stop at a NUL byte and lose the rest */
      g_string_append_len (text, data, length);
      break;
    }

  if (has_utf8_bom (text->str, text->len))
    g_string_erase (text, 0, 3);

  *out_length = text->len;
  return g_string_free (text, FALSE);
}

const char *
_mw_csv_encoding_name (const MwCsvFormat *format)
{
  switch (format->encoding)
    {
    case MW_CSV_ENCODING_WINDOWS_1252: return "Windows-1252";
    case MW_CSV_ENCODING_UTF16:        return format->big_endian ? "UTF-16BE" : "UTF-16LE";
    case MW_CSV_ENCODING_UTF32:        return format->big_endian ? "UTF-32BE" : "UTF-32LE";
    case MW_CSV_ENCODING_UTF8:
    default:                           return "UTF-8";
    }
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
  table->notes = g_array_new (FALSE, FALSE, sizeof (MwCsvNote));
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
  g_array_unref (table->notes);
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
  gboolean        lone_cr_ends_line;  /* old Mac files */
} Reader;

static void
add_note (MwCsvTable    *table,
          MwCsvNoteKind  kind,
          guint          count,
          guint          line,
          guint          end_line)
{
  guint record = table->record_starts->len - 1;
  MwCsvNote note = {
    kind, record, table->cell_offsets->len - g_array_index (table->record_starts, guint, record),
    count, line, end_line,
  };

  if (table->notes->len < MW_CSV_MAX_NOTES)
    g_array_append_val (table->notes, note);
  else if (table->n_unlisted++ == 0)
    table->first_unlisted = note;
}

/* A CR ends a line when LF follows it (after more CRs, as files converted
 * twice have them), or in a file of CR lines. In a file of LF
 * lines, a lone CR is text: ending the row there would make a second row
 * of the rest of it. */
static gboolean
at_line_end (const Reader *reader,
             const char   *p)
{
  if (*p == '\n')
    return TRUE;
  if (*p != '\r')
    return FALSE;
  if (reader->lone_cr_ends_line)
    return TRUE;
  while (p < reader->end && *p == '\r')
    p++;
  return p == reader->end || *p == '\n';
}

/* Text from @p to a delimiter or the line's end, appended to the cell.
 * A run of CRs is looked at once (at_line_end() on each of them would
 * make a long run quadratic). */
static void
read_bare_text (MwCsvTable *table,
                Reader     *reader)
{
  const char *p = reader->p;
  guint lone_crs = 0;

  while (p < reader->end && *p != reader->delimiter && *p != '\n')
    {
      const char *run = p;

      if (*p != '\r')
        {
          p++;
          continue;
        }
      if (at_line_end (reader, p))
        break;
      while (run < reader->end && *run == '\r')
        run++;
      lone_crs += run - p;
      p = run;
    }
  g_string_append_len (table->cells, reader->p, p - reader->p);
  reader->p = p;
  if (lone_crs > 0)
    add_note (table, MW_CSV_NOTE_LONE_CR, lone_crs, reader->line, reader->line);
}

/* NUL bytes end a C string: left in, they would cut the cell (and a cut
 * row could hide the rows after it). They are left out, with a note. */
static void
strip_nul_bytes (MwCsvTable *table,
                 Reader     *reader,
                 gsize       start)
{
  char *cell = table->cells->str + start;
  gsize length = table->cells->len - start;
  char *nul = memchr (cell, '\0', length);
  gsize kept;

  if (nul == NULL)
    return;

  kept = nul - cell;
  for (gsize i = kept; i < length; i++)
    if (cell[i] != '\0')
      cell[kept++] = cell[i];
  add_note (table, MW_CSV_NOTE_NUL_BYTES, length - kept, reader->line, reader->line);
  g_string_truncate (table->cells, start + kept);
}

/* The cell being read is column (1-based) of the record being read. */
static guint
current_column (MwCsvTable *table)
{
  guint first = g_array_index (table->record_starts, guint, table->record_starts->len - 1);

  return table->cell_offsets->len - first + 1;
}

/* Checked once the cell is whole, so that the refusal gives its length. */
static gboolean
cell_too_long (MwCsvTable  *table,
               Reader      *reader,
               gsize        start,
               guint        line,
               GError     **error)
{
  g_autofree char *length_text = NULL;
  g_autofree char *limit_text = NULL;

  if (table->cells->len - start <= reader->limits->max_string)
    return FALSE;

  /* The numbers are formatted apart: xgettext cannot see through G_GSIZE_FORMAT. */
  length_text = g_strdup_printf ("%" G_GSIZE_FORMAT, table->cells->len - start);
  limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, reader->limits->max_string);
  g_set_error (error, MW_ERROR, MW_ERROR_LIMIT,
               _("%s: row %u, column %u (line %u): a cell of %s bytes; the limit is %s"),
               reader->source, table->record_starts->len, current_column (table), line,
               length_text, limit_text);
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
    }

  /* "a"b is kept as ab, as spreadsheets do; but after a cell over several
   * lines it is most likely a stray quote that swallowed whole rows */
  if (reader->p < reader->end && *reader->p != reader->delimiter && !at_line_end (reader, reader->p))
    {
      add_note (table, MW_CSV_NOTE_STRAY_QUOTE, 1, start_line, reader->line);
      read_bare_text (table, reader);
    }

  strip_nul_bytes (table, reader, start);
  return !cell_too_long (table, reader, start, start_line, error);
}

static gboolean
read_cell (MwCsvTable  *table,
           Reader      *reader,
           GError     **error)
{
  guint offset = table->cells->len;

  if (reader->p < reader->end && *reader->p == '"')
    {
      if (!read_quoted (table, reader, error))
        return FALSE;
    }
  else
    {
      read_bare_text (table, reader);
      strip_nul_bytes (table, reader, offset);
      if (cell_too_long (table, reader, offset, reader->line, error))
        return FALSE;
    }

  g_string_append_c (table->cells, '\0');
  g_array_append_val (table->cell_offsets, offset);
  return TRUE;
}

/* Reads the rest of a record that is over the column limit without
 * keeping it, to tell how many columns it has. */
static gboolean
too_many_columns (MwCsvTable  *table,
                  Reader      *reader,
                  guint        first,
                  guint        line,
                  GError     **error)
{
  guint64 n_columns = table->cell_offsets->len - first;
  gsize cells_length = table->cells->len;
  guint n_offsets = table->cell_offsets->len;
  g_autofree char *count_text = NULL;
  g_autofree char *limit_text = NULL;

  while (reader->p < reader->end && *reader->p == reader->delimiter)
    {
      reader->p++;
      if (!read_cell (table, reader, error))
        return FALSE;
      n_columns++;
      g_string_truncate (table->cells, cells_length);
      g_array_set_size (table->cell_offsets, n_offsets);
    }

  count_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n_columns);
  limit_text = g_strdup_printf ("%u", MAX_COLUMNS);
  g_set_error (error, MW_ERROR, MW_ERROR_LIMIT,
               _("%s: row %u (line %u): %s columns; the limit is %s"),
               reader->source, table->record_starts->len, line, count_text, limit_text);
  return FALSE;
}

static gboolean
read_record (MwCsvTable  *table,
             Reader      *reader,
             GError     **error)
{
  guint first = table->cell_offsets->len;
  guint line = reader->line;

  g_array_append_val (table->record_starts, first);

  for (;;)
    {
      if (!read_cell (table, reader, error))
        return FALSE;

      if (table->cell_offsets->len - first > MAX_COLUMNS)
        return too_many_columns (table, reader, first, line, error);

      if (reader->p < reader->end && *reader->p == reader->delimiter)
        {
          reader->p++;
          continue;
        }
      break;
    }

  /* CR LF, LF or (in a file without LF) a lone CR end the record */
  if (reader->lone_cr_ends_line && reader->p < reader->end && *reader->p == '\r')
    reader->p++;
  else
    while (reader->p < reader->end && *reader->p == '\r')
      reader->p++;
  if (reader->p < reader->end && *reader->p == '\n')
    reader->p++;
  reader->line++;

  return TRUE;
}

/* Old Mac files end lines with a CR alone, and may have LF inside quoted
 * cells (a line break in an Excel cell). The line ends outside quotes in
 * the first 64 KiB decide: more lone CRs than LFs, and CR ends rows. */
static gboolean
lone_cr_ends_lines (const char *text,
                    gsize       length)
{
  const char *end = text + MIN (length, SNIFF_BYTES);
  gboolean quoted = FALSE;
  guint lf = 0, cr = 0;

  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n')
        lf++;
      else if (*p == '\r' && p + 1 < end && p[1] != '\n' && p[1] != '\r')
        cr++;
    }

  return cr > lf;
}

/* Reads the records after @max_records without keeping them, to tell how
 * many more the file has. */
static gboolean
count_rest (MwCsvTable  *table,
            Reader      *reader,
            guint64     *n_rest,
            GError     **error)
{
  gsize cells_length = table->cells->len;
  guint n_offsets = table->cell_offsets->len;
  guint n_starts = table->record_starts->len;
  guint n_notes = table->notes->len;

  for (*n_rest = 0; reader->p < reader->end; (*n_rest)++)
    {
      if (!read_record (table, reader, error))
        return FALSE;
      g_string_truncate (table->cells, cells_length);
      g_array_set_size (table->cell_offsets, n_offsets);
      g_array_set_size (table->record_starts, n_starts);
      g_array_set_size (table->notes, n_notes);
    }
  return TRUE;
}

/* @n_rest: (out) (optional): how many records there are past @max_records */
static gboolean
read_records (MwCsvTable      *table,
              const char      *text,
              gsize            length,
              char             delimiter,
              guint            max_records,
              const MwLimits  *limits,
              guint64         *n_rest,
              GError         **error)
{
  Reader reader = { text, text + length, delimiter, table->first_line, limits, table->source,
                    lone_cr_ends_lines (text, length) };
  guint sentinel;

  while (reader.p < reader.end && table->record_starts->len < max_records)
    if (!read_record (table, &reader, error))
      return FALSE;

  if (n_rest != NULL && !count_rest (table, &reader, n_rest, error))
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
  read_records (table, text, length, delimiter, SNIFF_RECORDS, &limits, NULL, NULL);
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
  read_records (table, text, MIN (length, SNIFF_BYTES), delimiter, SNIFF_RECORDS, &limits, NULL, NULL);
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

  if (length < 5 || strncmp (text, "sep=", 4) != 0 || text[4] == '\0' ||
      strchr (",;\t|", text[4]) == NULL)
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
 * Detects the encoding (UTF-8 with or without a byte order mark, UTF-16 or
 * UTF-32 with one or without, or Windows-1252), the line ends, the
 * delimiter (`,` `;` tab `|`) and whether the first row is a header.
 *
 * Returns: %TRUE: any bytes can be read (what is no character in the
 *   encoding found is reported cell by cell by the import)
 */
gboolean
mw_csv_sniff (const char  *data,
              gsize        length,
              MwCsvFormat *format)
{
  g_autofree char *text = NULL;
  const char *newline;
  gsize text_length, skip;
  MwCsvEncoding bom_encoding;
  gboolean bom_big_endian;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  format->delimiter = ',';
  format->has_header = FALSE;
  format->encoding = detect_encoding (data, length, &format->big_endian);
  format->has_bom = has_utf8_bom (data, length) || wide_bom (data, length, &bom_encoding, &bom_big_endian) > 0;

  text = decode (data, length, format, &text_length);

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
  guint64 n_rest = 0;
  guint header;
  char sep_delimiter;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  limits = mw_limits_or_default (limits, &default_limits);

  if (!mw_limits_check_size (limits, length, table->source, error))
    return NULL;

  if (format != NULL)
    table->format = *format;
  else
    mw_csv_sniff (data, length, &table->format);

  text = decode (data, length, &table->format, &text_length);
  table->valid_utf8 = g_utf8_validate (text, text_length, NULL);
  skip = sep_line_length (text, text_length, &sep_delimiter);
  table->first_line = skip > 0 ? 2 : 1;

  header = table->format.has_header ? 1 : 0;
  if (!read_records (table, text + skip, text_length - skip, table->format.delimiter,
                     limits->max_actors + header + 1, limits, &n_rest, error))
    return NULL;

  /* a row beyond the header is a person or a tie: the actors' limit holds */
  if (!mw_limits_check_count ((guint64)n_records (table) - MIN (header, n_records (table)) + n_rest,
                              limits->max_actors, _("%s rows; the limit is %s"), table->source, error))
    return NULL;

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
  g_autofree char *encoding = NULL;
  const char *delimiter;

  g_return_val_if_fail (format != NULL, NULL);

  switch (format->delimiter)
    {
    case ',':  delimiter = "comma-separated"; break;
    case ';':  delimiter = "semicolon-separated"; break;
    case '\t': delimiter = "tab-separated"; break;
    case '|':  delimiter = "bar-separated"; break;
    default:   delimiter = "separated"; break;
    }

  if (format->encoding == MW_CSV_ENCODING_UTF8)
    encoding = g_strdup (format->has_bom ? "UTF-8 with BOM" : "UTF-8");
  else
    encoding = g_strdup_printf ("%s%s (converted)", _mw_csv_encoding_name (format),
                                format->encoding != MW_CSV_ENCODING_WINDOWS_1252 && !format->has_bom
                                  ? " without BOM" : "");

  return g_strdup_printf ("%s, %s, %s, %s", delimiter,
                          format->has_header ? "header" : "no header", encoding,
                          format->crlf ? "CRLF" : "LF");
}
