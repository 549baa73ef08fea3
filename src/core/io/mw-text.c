/* mw-text.c: which Unicode form a file's bytes are in, one rule for every format
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Notepad saves "UTF-8" with a byte order mark and "Unicode" as UTF-16LE
 * with one; some spreadsheet exports are UTF-16 without one. DOT, GraphML,
 * CSV and the format sniffer all ask here, so that a file one of them reads
 * is never refused by another for its encoding.
 */

#define G_LOG_DOMAIN "mw-text"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mw-text.h"
#include "mw-types.h"

/* Enough of a file to see where its NUL bytes fall. */
#define WIDE_SNIFF_BYTES 1024

/**
 * mw_text_bom_length:
 * @form: (out): the form the mark names
 *
 * A UTF-32LE mark starts like UTF-16LE's, so it is looked for first.
 *
 * Returns: the byte order mark's length, 0 when there is none
 */
gsize
mw_text_bom_length (const char *data,
                    gsize       length,
                    MwTextForm *form)
{
  if (length >= 4 && memcmp (data, "\xff\xfe\0\0", 4) == 0)
    return *form = MW_TEXT_UTF32LE, 4;
  if (length >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0)
    return *form = MW_TEXT_UTF32BE, 4;
  if (length >= 2 && memcmp (data, "\xff\xfe", 2) == 0)
    return *form = MW_TEXT_UTF16LE, 2;
  if (length >= 2 && memcmp (data, "\xfe\xff", 2) == 0)
    return *form = MW_TEXT_UTF16BE, 2;
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    return *form = MW_TEXT_UTF8, 3;
  return 0;
}

/**
 * mw_text_guess_wide:
 * @form: (out): the form, when it returns %TRUE
 *
 * UTF-16 or UTF-32 without a mark has NUL bytes in fixed places: "a," is
 * 61 00 2c 00 in UTF-16LE. A few NUL bytes anywhere else are damage in a
 * one-byte file, left for the format's reader to report.
 */
gboolean
mw_text_guess_wide (const char *data,
                    gsize       length,
                    MwTextForm *form)
{
  gsize n = MIN (length, WIDE_SNIFF_BYTES) & ~(gsize)3;
  guint zeros[4] = { 0 }, units, pairs, even, odd;

  if (n < 4 || memchr (data, '\0', n) == NULL)
    return FALSE;

  for (gsize i = 0; i < n; i++)
    if (data[i] == '\0')
      zeros[i % 4]++;
  units = n / 4;
  pairs = n / 2;
  even = zeros[0] + zeros[2];
  odd = zeros[1] + zeros[3];

  /* the top byte of a code point (at most 0x10ffff) is always 0, the next nearly always */
  if ((zeros[3] == units && zeros[2] >= units - units / 8 && zeros[0] < units / 2) ||
      (zeros[0] == units && zeros[1] >= units - units / 8 && zeros[3] < units / 2))
    {
      *form = zeros[0] == units ? MW_TEXT_UTF32BE : MW_TEXT_UTF32LE;
      return TRUE;
    }
  /* delimiters, digits and line ends are ASCII even in Greek or Chinese text */
  if ((odd >= pairs / 4 && even * 8 <= odd) || (even >= pairs / 4 && odd * 8 <= even))
    {
      *form = even > odd ? MW_TEXT_UTF16BE : MW_TEXT_UTF16LE;
      return TRUE;
    }
  return FALSE;
}

/**
 * mw_text_detect:
 * @bom_length: (out): the mark's length, 0 when there is none
 *
 * Returns: the form a byte order mark names (when NUL bytes follow it,
 *   as they do in any wide text), else the one the NUL bytes show, else
 *   %MW_TEXT_UTF8 (which may still turn out not to be UTF-8)
 */
MwTextForm
mw_text_detect (const char *data,
                gsize       length,
                gsize      *bom_length)
{
  MwTextForm form = MW_TEXT_UTF8;
  gsize after;

  *bom_length = mw_text_bom_length (data, length, &form);
  after = length - *bom_length;
  /* wide text has NUL bytes: line ends and DOT's and CSV's punctuation
   * are ASCII; "\xfe\xff" before one-byte text is no mark but damage */
  if (*bom_length > 0 && form != MW_TEXT_UTF8 && after >= 4 &&
      memchr (data + *bom_length, '\0', MIN (after, WIDE_SNIFF_BYTES)) == NULL)
    {
      *bom_length = 0;
      return MW_TEXT_UTF8;
    }
  if (*bom_length == 0 && !mw_text_guess_wide (data, length, &form))
    form = MW_TEXT_UTF8;
  return form;
}

/* Bytes per code unit: 1, 2 or 4. */
guint
mw_text_unit_size (MwTextForm form)
{
  switch (form)
    {
    case MW_TEXT_UTF16LE:
    case MW_TEXT_UTF16BE:
      return 2;
    case MW_TEXT_UTF32LE:
    case MW_TEXT_UTF32BE:
      return 4;
    case MW_TEXT_UTF8:
    default:
      return 1;
    }
}

gboolean
mw_text_is_big_endian (MwTextForm form)
{
  return form == MW_TEXT_UTF16BE || form == MW_TEXT_UTF32BE;
}

/* The form's name, as iconv and people know it. */
const char *
mw_text_form_name (MwTextForm form)
{
  switch (form)
    {
    case MW_TEXT_UTF16LE: return "UTF-16LE";
    case MW_TEXT_UTF16BE: return "UTF-16BE";
    case MW_TEXT_UTF32LE: return "UTF-32LE";
    case MW_TEXT_UTF32BE: return "UTF-32BE";
    case MW_TEXT_UTF8:
    default:
      return "UTF-8";
    }
}

/* The line of the code unit at @offset: line ends are ASCII in every form. */
static guint
wide_line_of_offset (const char *data,
                     gsize       offset,
                     MwTextForm  form)
{
  guint size = mw_text_unit_size (form), line = 1;
  gsize low = mw_text_is_big_endian (form) ? size - 1 : 0;

  for (gsize i = 0; i + size <= offset; i += size)
    {
      gboolean ascii = TRUE;

      for (guint k = 0; k < size && ascii; k++)
        ascii = k == low || data[i + k] == '\0';
      line += ascii && data[i + low] == '\n';
    }
  return line;
}

/**
 * mw_text_to_utf8:
 * @source_name: the file's name, for the message
 * @out_length: (out): the new text's length
 *
 * Text with a byte order mark, or in UTF-16 or UTF-32, as UTF-8 without a
 * mark. Text without a mark that is not wide is left to the caller as it
 * is (it may be UTF-8 or declare a charset of its own): then %NULL is
 * returned and @error is not set.
 *
 * Returns: (transfer full) (nullable): the UTF-8 text, NUL-terminated; or
 *   %NULL, with @error when the wide text is broken (naming its line)
 */
char *
mw_text_to_utf8 (const char  *data,
                 gsize        length,
                 const char  *source_name,
                 gsize       *out_length,
                 GError     **error)
{
  g_autoptr(GError) convert_error = NULL;
  gsize bom = 0, read = 0;
  MwTextForm form = mw_text_detect (data, length, &bom);
  char *text;

  *out_length = 0;
  if (form == MW_TEXT_UTF8)
    {
      if (bom == 0)
        return NULL;
      *out_length = length - bom;
      return g_strndup (data + bom, length - bom);
    }

  text = g_convert (data + bom, length - bom, "UTF-8", mw_text_form_name (form), &read, out_length,
                    &convert_error);
  if (text != NULL)
    return text;

  g_set_error (error, MW_ERROR, MW_ERROR_ENCODING,
               _("%s:%u: the text is not valid %s (the byte order mark or the NUL bytes say it is)"),
               source_name, wide_line_of_offset (data + bom, read, form), mw_text_form_name (form));
  return NULL;
}
