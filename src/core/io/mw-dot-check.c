/* mw-dot-check.c: what a DOT file must pass before cgraph sees it: structure, lengths, charset
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-dot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mw-dot-private.h"
#include "mw-limits.h"

/* ---------------------------------------------------------------------- */
/* Checks made before parsing                                              */

static gboolean
refuse (GError     **error,
        MwError      code,
        const char  *source_name,
        guint        line,
        const char  *what)
{
  g_set_error (error, MW_ERROR, code, "%s:%u: %s", source_name, line, what);
  return FALSE;
}

typedef struct
{
  const MwLimits *limits;
  const char     *source_name;
  guint           line;
  guint           depth;
  guint           blocks;
  guint           open_lines[257];  /* where each open `{` is; max_depth ≤ 256 */
} Scan;

/* Skips a "quoted string" starting at data[*i]; FALSE when it is too long. */
static gboolean
skip_quoted (Scan        *scan,
             const char  *data,
             gsize        length,
             gsize       *i,
             GError     **error)
{
  gsize start = *i;
  guint start_line = scan->line;

  for ((*i)++; *i < length && data[*i] != '"'; (*i)++)
    {
      if (data[*i] == '\\' && *i + 1 < length)
        (*i)++;
      if (data[*i] == '\n')
        scan->line++;
      if (*i - start > scan->limits->max_string)
        return refuse (error, MW_ERROR_LIMIT, scan->source_name, start_line,
                       "a quoted string is longer than Meshwork accepts");
    }

  if (*i >= length)
    return refuse (error, MW_ERROR_PARSE, scan->source_name, start_line,
                   "a quoted string starts here and is never closed");

  return TRUE;
}

/* HTML-like strings <…> nest; braces inside them are text. */
static gboolean
skip_html (Scan        *scan,
           const char  *data,
           gsize        length,
           gsize       *i,
           GError     **error)
{
  gsize start = *i;
  guint start_line = scan->line;
  guint nesting = 0;

  for (; *i < length; (*i)++)
    {
      if (data[*i] == '<')
        nesting++;
      else if (data[*i] == '>' && --nesting == 0)
        break;
      else if (data[*i] == '\n')
        scan->line++;

      if (*i - start > scan->limits->max_string)
        return refuse (error, MW_ERROR_LIMIT, scan->source_name, start_line,
                       "an HTML-like label is longer than Meshwork accepts");
    }

  return TRUE;
}

static void
skip_comment (Scan       *scan,
              const char *data,
              gsize       length,
              gsize      *i)
{
  if (data[*i] == '/' && *i + 1 < length && data[*i + 1] == '*')
    {
      for (*i += 2; *i + 1 < length && !(data[*i] == '*' && data[*i + 1] == '/'); (*i)++)
        if (data[*i] == '\n')
          scan->line++;
      (*i)++;
      return;
    }

  /* `//` and `#` comments run to the end of the line */
  while (*i + 1 < length && data[*i + 1] != '\n')
    (*i)++;
}

gboolean
_mw_dot_scan_structure (const char      *data,
                        gsize            length,
                        const char      *source_name,
                        const MwLimits  *limits,
                        GError         **error)
{
  Scan scan = { limits, source_name, 1, 0, 0, { 0 } };
  gsize token = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (g_ascii_isalnum (c) || c == '_' || c == '.' || (guchar)c >= 0x80)
        {
          if (++token > limits->max_string)
            return refuse (error, MW_ERROR_LIMIT, source_name, scan.line,
                           "an identifier is longer than Meshwork accepts");
          continue;
        }
      token = 0;

      if (c == '\n')
        scan.line++;
      else if (c == '"' && !skip_quoted (&scan, data, length, &i, error))
        return FALSE;
      else if (c == '<' && !skip_html (&scan, data, length, &i, error))
        return FALSE;
      else if ((c == '/' && i + 1 < length && (data[i + 1] == '/' || data[i + 1] == '*')) ||
               c == '#')  /* cgraph's scanner takes `#` anywhere for a comment */
        skip_comment (&scan, data, length, &i);
      else if (c == '{')
        {
          if (++scan.depth > MIN (limits->max_depth, G_N_ELEMENTS (scan.open_lines) - 1))
            return refuse (error, MW_ERROR_LIMIT, source_name, scan.line,
                           "subgraphs are nested deeper than Meshwork accepts");
          scan.open_lines[scan.depth] = scan.line;
          if (++scan.blocks > limits->max_subgraphs)
            return refuse (error, MW_ERROR_LIMIT, source_name, scan.line,
                           "the file has more subgraphs than Meshwork accepts");
        }
      else if (c == '}' && scan.depth > 0 && --scan.depth == 0)
        {
          /* the first graph ends here, and cgraph reads no further */
          return TRUE;
        }
    }

  if (scan.depth > 0)
    return refuse (error, MW_ERROR_PARSE, source_name, scan.open_lines[scan.depth],
                   "this “{” is never closed by a “}”");

  return TRUE;
}

static guint
line_of_offset (const char *data,
                gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n')
      line++;

  return line;
}

/* The charset a DOT file declares for itself, lower-cased, or NULL. */
static char *
find_declared_charset (const char *data,
                       gsize       length)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *head = g_strndup (data, MIN (length, 64 * 1024));
  g_autofree char *charset = NULL;

  regex = g_regex_new ("charset\\s*=\\s*\"?([A-Za-z0-9_.:-]+)",
                       G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL);
  if (!g_regex_match (regex, head, 0, &match))
    return NULL;

  charset = g_match_info_fetch (match, 1);
  return g_ascii_strdown (charset, -1);
}

static gboolean
charset_is_known (const char *charset)
{
  GIConv converter = g_iconv_open ("UTF-8", charset);

  if (converter == (GIConv)-1)
    return FALSE;

  g_iconv_close (converter);
  return TRUE;
}

/* Returns UTF-8 text (a copy) or NULL with @error naming the line. */
char *
_mw_dot_to_utf8 (const char  *data,
                 gsize        length,
                 const char  *source_name,
                 GError     **error)
{
  const char *end;
  g_autofree char *charset = NULL;

  if (g_utf8_validate (data, length, &end))
    return g_strndup (data, length);

  charset = find_declared_charset (data, length);
  if (charset != NULL && g_strcmp0 (charset, "utf-8") != 0 && g_strcmp0 (charset, "utf8") != 0)
    {
      const char *iconv_name = charset;
      g_autoptr(GError) convert_error = NULL;
      char *converted;

      if (g_str_equal (charset, "latin1") || g_str_equal (charset, "latin-1") ||
          g_str_equal (charset, "l1") || g_str_equal (charset, "iso-ir-100"))
        iconv_name = "ISO-8859-1";

      /* Asked first, because g_convert() words an unknown charset
       * differently on the first and on later attempts. */
      if (!charset_is_known (iconv_name))
        {
          g_set_error (error, MW_ERROR, MW_ERROR_ENCODING,
                       _("%s: the file declares the charset “%s”, which Meshwork does not know"),
                       source_name, charset);
          return NULL;
        }

      converted = g_convert (data, length, "UTF-8", iconv_name, NULL, NULL, &convert_error);
      if (converted != NULL)
        return converted;

      g_set_error (error, MW_ERROR, MW_ERROR_ENCODING,
                   _("%s: cannot convert from the declared charset “%s”: %s"),
                   source_name, charset, convert_error->message);
      return NULL;
    }

  if (*end == '\0' && (gsize)(end - data) < length)
    g_set_error (error, MW_ERROR, MW_ERROR_ENCODING,
                 _("%s:%u: the file contains binary data (a NUL byte), not DOT text"),
                 source_name, line_of_offset (data, end - data));
  else
    g_set_error (error, MW_ERROR, MW_ERROR_ENCODING,
                 _("%s:%u: the text is not valid UTF-8 (and no charset attribute says what it is)"),
                 source_name, line_of_offset (data, end - data));
  return NULL;
}
