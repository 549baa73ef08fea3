/* mw-dot-check.c: what a DOT file must pass before cgraph sees it: structure, lengths, charset
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-dot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdatomic.h>
#include <string.h>

#include "mw-dot-private.h"
#include "mw-limits.h"
#include "mw-text.h"

/* ---------------------------------------------------------------------- */
/* Checks made before parsing                                              */

/* The pre-scan reads the text once, as a tokenizer that knows just enough
 * of DOT's grammar to tell node ids from attribute names and values: it
 * counts subgraphs, ties (edge operators), distinct actors and string bytes,
 * so that a file over a limit is refused before cgraph spends time and
 * memory on it. An edge operator between subgraphs makes more ties than one;
 * the loader counts those again once cgraph has read them. */

typedef enum
{
  TOKEN_ID,          /* identifier, numeral, "quoted" or <HTML> string */
  TOKEN_EQUALS,
  TOKEN_COLON,
  TOKEN_PLUS,
  TOKEN_EDGE_OP,
  TOKEN_OTHER,       /* { } [ ] ; , */
} TokenKind;

/* The distinct node ids, as spans of the text itself: no id is copied
 * or hashed twice. Open addressing; a slot with no text is free. */
typedef struct
{
  const char *text;
  guint32     length;
  guint32     hash;
} IdSlot;

typedef struct
{
  IdSlot *slots;
  gsize   mask;
  gsize   n;
} IdSet;

static guint32
hash_span (const char *text,
           gsize       length)
{
  guint32 hash = 2166136261u;  /* FNV-1a */

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar)text[i]) * 16777619u;
  return hash;
}

static void id_set_add (IdSet *set, const char *text, gsize length, guint32 hash);

static void
id_set_grow (IdSet *set)
{
  IdSlot *old = set->slots;
  gsize old_size = set->slots != NULL ? set->mask + 1 : 0;
  gsize size = MAX (1024, 2 * old_size);

  set->slots = g_new0 (IdSlot, size);
  set->mask = size - 1;
  set->n = 0;
  for (gsize i = 0; i < old_size; i++)
    if (old[i].text != NULL)
      id_set_add (set, old[i].text, old[i].length, old[i].hash);
  g_free (old);
}

static void
id_set_add (IdSet      *set,
            const char *text,
            gsize       length,
            guint32     hash)
{
  gsize slot;

  if (2 * (set->n + 1) > (set->slots != NULL ? set->mask + 1 : 0))
    id_set_grow (set);

  for (slot = hash & set->mask; set->slots[slot].text != NULL; slot = (slot + 1) & set->mask)
    if (set->slots[slot].hash == hash && set->slots[slot].length == length &&
        memcmp (set->slots[slot].text, text, length) == 0)
      return;

  set->slots[slot] = (IdSlot) { text, (guint32) length, hash };
  set->n++;
}

/* A scan run beside the parse (_mw_dot_gate_wait()): the parser reads
 * only text the scan has passed, and none past the point where a count
 * went over its limit. The scan goes on to the end, for the whole count. */
struct _MwDotGate
{
  GMutex  mutex;
  GCond   cond;
  _Atomic gsize passed;  /* the text before this offset passed every check */
  gsize   length;
  gboolean done;     /* the scan is over: passed is final */
  gboolean stop;     /* the parse is over: the scan may end */
  gboolean over;     /* a count went over its limit: passed stays */
};

#define GATE_STEP (64 * 1024)

typedef struct
{
  const MwLimits *limits;
  const char     *source_name;
  MwDotCounts    *counts;
  MwDotGate      *gate;          /* (nullable) */
  gsize           published;     /* what the gate was last told */
  IdSet           actor_ids;     /* the distinct node ids */
  guint           line;
  guint           depth;         /* `{` nesting */
  guint           brackets;      /* inside `[ … ]`: attributes, no node ids */
  guint           open_lines[257];  /* where each open `{` is; max_depth ≤ 256 */

  /* an id that is a node id unless `=` follows it */
  const char     *pending;
  gsize           pending_length;
  TokenKind       previous;      /* the token before the current one */
  gboolean        skip_next_id;  /* after `subgraph`, or `graph` before the body */
} Scan;

static gboolean
refuse_length (Scan        *scan,
               GError     **error,
               guint        line,
               const char  *format,
               gsize        length)
{
  g_autofree char *length_text = g_strdup_printf ("%" G_GSIZE_FORMAT, length);
  g_autofree char *limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, scan->limits->max_string);
  g_autofree char *what = g_strdup_printf (format, length_text, limit_text);

  g_set_error (error, MW_ERROR, MW_ERROR_LIMIT, "%s:%u: %s", scan->source_name, line, what);
  return FALSE;
}

static gboolean
refuse_unclosed (Scan        *scan,
                 GError     **error,
                 guint        line,
                 const char  *what)
{
  g_set_error (error, MW_ERROR, MW_ERROR_PARSE, "%s:%u: %s", scan->source_name, line, what);
  return FALSE;
}

/* Skips a "quoted string" starting at data[*i], leaving *i on its closing quote. */
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
    }

  if (*i >= length)
    return refuse_unclosed (scan, error, start_line,
                            "a quoted string starts here and is never closed");

  scan->counts->string_bytes += *i - start - 1;
  if (*i - start - 1 > scan->limits->max_string)
    return refuse_length (scan, error, start_line,
                          _("a quoted string of %s bytes; the limit is %s"), *i - start - 1);

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
    }

  /* cgraph says what is wrong with an unclosed one */
  if (*i >= length)
    return TRUE;

  scan->counts->string_bytes += *i - start - 1;
  if (*i - start - 1 > scan->limits->max_string)
    return refuse_length (scan, error, start_line,
                          _("an HTML-like label of %s bytes; the limit is %s"), *i - start - 1);

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

static gboolean
is_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '.' || (guchar)c >= 0x80;
}

static gboolean
is_keyword (const char *id,
            gsize       length,
            const char *keyword)
{
  return strlen (keyword) == length && g_ascii_strncasecmp (id, keyword, length) == 0;
}

/* The pending id was a node id after all: `=` did not follow it. */
static void
count_pending_actor (Scan *scan)
{
  if (scan->pending == NULL)
    return;

  id_set_add (&scan->actor_ids, scan->pending, scan->pending_length,
              hash_span (scan->pending, scan->pending_length));

  scan->pending = NULL;
}

/* One token: @id and @id_length for a TOKEN_ID (its text, without quotes). */
static void
take_token (Scan       *scan,
            TokenKind   kind,
            const char *id,
            gsize       id_length)
{
  TokenKind previous = scan->previous;

  scan->previous = kind;

  if (kind != TOKEN_EQUALS)
    count_pending_actor (scan);
  else
    scan->pending = NULL;

  if (kind != TOKEN_ID)
    return;

  if (is_keyword (id, id_length, "subgraph") ||
      ((is_keyword (id, id_length, "graph") || is_keyword (id, id_length, "digraph")) &&
       scan->depth == 0))
    {
      scan->skip_next_id = TRUE;
      return;
    }
  if (is_keyword (id, id_length, "node") || is_keyword (id, id_length, "edge") ||
      is_keyword (id, id_length, "graph") || is_keyword (id, id_length, "strict"))
    return;

  if (scan->skip_next_id)
    {
      scan->skip_next_id = FALSE;
      return;
    }

  /* attribute values, ports, the second half of "a" + "b", and the graph's
   * own attributes (`a = b` in the body, seen when `=` comes next) */
  if (scan->brackets > 0 || scan->depth == 0 || previous == TOKEN_EQUALS ||
      previous == TOKEN_COLON || previous == TOKEN_PLUS)
    return;

  scan->pending = id;
  scan->pending_length = id_length;
}

/* The line where anything but white space and comments follows the
 * first graph's closing brace at @i (another graph, mostly), or 0. */
static guint
line_of_rest (Scan       *scan,
              const char *data,
              gsize       length,
              gsize       i)
{
  for (i++; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        scan->line++;
      else if ((c == '/' && i + 1 < length && (data[i + 1] == '/' || data[i + 1] == '*')) || c == '#')
        skip_comment (scan, data, length, &i);
      else if (!g_ascii_isspace (c) && c != ';' && c != '\0')
        return scan->line;
    }
  return 0;
}

static gboolean
check_totals (Scan    *scan,
              GError **error)
{
  const MwLimits *limits = scan->limits;
  const MwDotCounts *counts = scan->counts;

  return mw_limits_check_count (counts->subgraphs, limits->max_subgraphs,
                                _("%s subgraphs; the limit is %s"), scan->source_name, error) &&
         mw_limits_check_count (counts->actors, limits->max_actors,
                                _("%s actors; the limit is %s"), scan->source_name, error) &&
         mw_limits_check_count (counts->ties, limits->max_ties,
                                _("%s ties; the limit is %s"), scan->source_name, error);
}

static gboolean
scan_punctuation (Scan        *scan,
                  const char  *data,
                  gsize        length,
                  gsize       *i,
                  GError     **error)
{
  char c = data[*i];

  switch (c)
    {
    case '{':
      if (++scan->depth > MIN (scan->limits->max_depth, G_N_ELEMENTS (scan->open_lines) - 1))
        {
          g_autofree char *what = g_strdup_printf (_("subgraphs nested %u deep; the limit is %u"),
                                                   scan->depth, scan->limits->max_depth);
          g_set_error (error, MW_ERROR, MW_ERROR_LIMIT, "%s:%u: %s", scan->source_name, scan->line, what);
          return FALSE;
        }
      scan->open_lines[scan->depth] = scan->line;
      /* the graph's own body is not a subgraph */
      if (scan->depth > 1)
        scan->counts->subgraphs++;
      scan->skip_next_id = FALSE;
      take_token (scan, TOKEN_OTHER, NULL, 0);
      break;

    case '}':
      if (scan->depth > 0)
        scan->depth--;
      take_token (scan, TOKEN_OTHER, NULL, 0);
      break;

    case '[':
      scan->brackets++;
      take_token (scan, TOKEN_OTHER, NULL, 0);
      break;

    case ']':
      if (scan->brackets > 0)
        scan->brackets--;
      take_token (scan, TOKEN_OTHER, NULL, 0);
      break;

    case '=':
      take_token (scan, TOKEN_EQUALS, NULL, 0);
      break;

    case ':':
      take_token (scan, TOKEN_COLON, NULL, 0);
      break;

    case '+':
      take_token (scan, TOKEN_PLUS, NULL, 0);
      break;

    case '-':
      if (*i + 1 < length && (data[*i + 1] == '>' || data[*i + 1] == '-'))
        {
          (*i)++;
          scan->counts->ties++;
          take_token (scan, TOKEN_EDGE_OP, NULL, 0);
        }
      break;

    case ';':
    case ',':
      take_token (scan, TOKEN_OTHER, NULL, 0);
      break;

    default:
      break;
    }

  return TRUE;
}

MwDotGate *
_mw_dot_gate_new (gsize length)
{
  MwDotGate *gate = g_new0 (MwDotGate, 1);

  g_mutex_init (&gate->mutex);
  g_cond_init (&gate->cond);
  gate->length = length;
  return gate;
}

void
_mw_dot_gate_free (MwDotGate *gate)
{
  g_mutex_clear (&gate->mutex);
  g_cond_clear (&gate->cond);
  g_free (gate);
}

/**
 * _mw_dot_gate_wait:
 *
 * Waits until the scan has passed the text up to @offset (or the end).
 *
 * Returns: %FALSE when it never will: the scan refused what comes before
 */
gboolean
_mw_dot_gate_wait (MwDotGate *gate,
                   gsize      offset)
{
  gboolean passed;

  offset = MIN (offset, gate->length);
  if (atomic_load (&gate->passed) >= offset)
    return TRUE;

  g_mutex_lock (&gate->mutex);
  while (!gate->done && gate->passed < offset)
    g_cond_wait (&gate->cond, &gate->mutex);
  passed = gate->passed >= offset;
  g_mutex_unlock (&gate->mutex);

  return passed;
}

/* The parse ended early (cancelled, or a syntax error): the scan may too. */
void
_mw_dot_gate_stop (MwDotGate *gate)
{
  g_atomic_int_set (&gate->stop, TRUE);
}

static void
gate_publish (Scan     *scan,
              gsize     passed,
              gboolean  done)
{
  MwDotGate *gate = scan->gate;
  const MwLimits *limits = scan->limits;

  if (!gate->over && (scan->counts->subgraphs > limits->max_subgraphs ||
                      scan->actor_ids.n > limits->max_actors || scan->counts->ties > limits->max_ties))
    gate->over = TRUE;

  g_mutex_lock (&gate->mutex);
  if (!gate->over)
    atomic_store (&gate->passed, passed);
  gate->done = done;
  g_cond_broadcast (&gate->cond);
  g_mutex_unlock (&gate->mutex);
  scan->published = passed;
}

/**
 * _mw_dot_scan_structure:
 * @counts: (out) (optional): what the scan counted
 *
 * @gate: (nullable): when the scan runs beside the parse, what tells the
 *   parser how far it may read
 *
 * Refuses, before cgraph sees the text, nesting deeper than the limit, a
 * string longer than the limit, and more subgraphs, actors or ties than
 * the limits, each with the count and the limit.
 */
gboolean
_mw_dot_scan_structure (const char      *data,
                        gsize            length,
                        const char      *source_name,
                        const MwLimits  *limits,
                        MwDotCounts     *counts,
                        MwDotGate       *gate,
                        GError         **error)
{
  MwDotCounts local_counts = { 0 };
  Scan scan = { 0 };
  gboolean ok = TRUE, closed = FALSE;
  gsize i;

  scan.limits = limits;
  scan.source_name = source_name;
  scan.counts = counts != NULL ? counts : &local_counts;
  scan.gate = gate;
  scan.line = 1;
  scan.previous = TOKEN_OTHER;
  memset (scan.counts, 0, sizeof *scan.counts);

  for (i = 0; ok && i < length; i++)
    {
      char c = data[i];

      if (is_id_char (c))
        {
          gsize start = i;

          while (i + 1 < length && is_id_char (data[i + 1]))
            i++;
          scan.counts->string_bytes += i + 1 - start;
          if (i + 1 - start > limits->max_string)
            ok = refuse_length (&scan, error, scan.line,
                                _("an identifier of %s bytes; the limit is %s"), i + 1 - start);
          take_token (&scan, TOKEN_ID, data + start, i + 1 - start);
        }
      else if (c == '\n')
        {
          scan.line++;
          /* between tokens: all before has passed every check */
          if (gate != NULL && i + 1 - scan.published >= GATE_STEP)
            {
              if (g_atomic_int_get (&gate->stop))
                break;
              gate_publish (&scan, i + 1, FALSE);
            }
        }
      else if (c == '"')
        {
          gsize start = i;

          ok = skip_quoted (&scan, data, length, &i, error);
          if (ok)
            take_token (&scan, TOKEN_ID, data + start + 1, i - start - 1);
        }
      else if (c == '<')
        {
          gsize start = i;

          ok = skip_html (&scan, data, length, &i, error);
          if (ok)
            take_token (&scan, TOKEN_ID, data + start, i + 1 - start);
        }
      else if ((c == '/' && i + 1 < length && (data[i + 1] == '/' || data[i + 1] == '*')) ||
               c == '#')  /* cgraph's scanner takes `#` anywhere for a comment */
        skip_comment (&scan, data, length, &i);
      else
        {
          gboolean was_open = scan.depth > 0;

          ok = scan_punctuation (&scan, data, length, &i, error);
          /* the first graph ends here, and cgraph reads no further */
          if (ok && was_open && scan.depth == 0)
            {
              closed = TRUE;
              break;
            }
        }
    }

  if (ok)
    {
      count_pending_actor (&scan);
      scan.counts->actors = scan.actor_ids.n;
      if (closed)
        scan.counts->rest_line = line_of_rest (&scan, data, length, i);
    }
  if (gate != NULL)
    gate_publish (&scan, ok ? length : scan.published, TRUE);
  g_clear_pointer (&scan.actor_ids.slots, g_free);
  if (!ok)
    return FALSE;

  if (scan.depth > 0)
    return refuse_unclosed (&scan, error, scan.open_lines[scan.depth],
                            "this “{” is never closed by a “}”");

  return check_totals (&scan, error);
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

/* Returns UTF-8 text (a copy, without a byte order mark) or NULL with
 * @error naming the line. */
char *
_mw_dot_to_utf8 (const char  *data,
                 gsize        length,
                 const char  *source_name,
                 GError     **error)
{
  const char *end;
  g_autofree char *charset = NULL;
  g_autofree char *unwrapped = NULL;
  g_autoptr(GError) wide_error = NULL;
  gsize unwrapped_length;

  /* a byte order mark, UTF-16 or UTF-32 first: Notepad writes them */
  unwrapped = mw_text_to_utf8 (data, length, source_name, &unwrapped_length, &wide_error);
  if (wide_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&wide_error));
      return NULL;
    }
  if (unwrapped != NULL)
    {
      data = unwrapped;
      length = unwrapped_length;
    }

  if (g_utf8_validate (data, length, &end))
    return unwrapped != NULL ? g_steal_pointer (&unwrapped) : g_strndup (data, length);

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
