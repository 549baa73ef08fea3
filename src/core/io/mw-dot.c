/* mw-dot.c: DOT load and save through cgraph
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-dot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "mw-dot.h"
#include "mw-file.h"
#include "mw-graphviz-lock.h"

/* cgraph's flex scanner keeps its buffer between reads: what the last parse
 * left unread (a final newline) would shift the next file's line numbers.
 * The scanner's own destroy function, exported by libcgraph but not in its
 * header, resets it. */
extern int aaglex_destroy (void);

/* cgraph's error callback has no user data: it writes here, under the lock. */
static GString *cgraph_messages;

/* Meshwork's own attributes. Everything else is kept as it is. */
#define ATTR_KIND       "mw_kind"
#define ATTR_ORG        "mw_org"
#define ATTR_UNIT       "mw_unit"
#define ATTR_PURPOSE    "mw_purpose"
#define ATTR_INITIATIVE "mw_initiative"
#define ATTR_NOTES      "mw_notes"
#define ATTR_TIE        "mw_tie"
#define ATTR_CLUSTER    "mw_cluster"

static gboolean
is_known_node_attr (const char *name)
{
  static const char * const known[] = {
    "label", "pos", "pin", ATTR_KIND, ATTR_ORG, ATTR_UNIT, ATTR_PURPOSE,
    ATTR_INITIATIVE, ATTR_NOTES, NULL
  };

  return g_strv_contains (known, name);
}

static gboolean
is_known_edge_attr (const char *name)
{
  return strcmp (name, ATTR_TIE) == 0 || strcmp (name, "weight") == 0 ||
         strcmp (name, "key") == 0;
}

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

static gboolean
scan_structure (const char      *data,
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
static char *
to_utf8 (const char  *data,
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

/* ---------------------------------------------------------------------- */
/* Parsing                                                                 */

static int
collect_cgraph_message_cb (char *message)
{
  if (cgraph_messages != NULL)
    g_string_append (cgraph_messages, message);
  return 0;
}

/* cgraph says "… in line 3 near 'x'"; pull the line out and tidy the rest. */
static void
set_parse_error (GError     **error,
                 const char  *source_name,
                 const char  *messages)
{
  g_auto(GStrv) lines = g_strsplit (messages, "\n", -1);
  const char *message = NULL;
  const char *in_line;
  guint line = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Error"))
      message = lines[i];

  if (message == NULL)
    message = lines[0] != NULL && *lines[0] != '\0' ? lines[0] : "Error: not a DOT graph";

  if (g_str_has_prefix (message, "Error: "))
    message += strlen ("Error: ");
  if (g_str_has_prefix (message, source_name) && message[strlen (source_name)] == ':')
    message += strlen (source_name) + 1;
  message += strspn (message, " ");

  in_line = strstr (message, "in line ");
  if (in_line != NULL)
    line = strtoul (in_line + strlen ("in line "), NULL, 10);

  if (line > 0)
    {
      g_autofree char *in_line_text = g_strdup_printf (" in line %u", line);
      g_autoptr(GString) tidy = g_string_new (message);

      g_string_replace (tidy, in_line_text, "", 1);
      g_set_error (error, MW_ERROR, MW_ERROR_PARSE, "%s:%u: %s", source_name, line, tidy->str);
    }
  else
    g_set_error (error, MW_ERROR, MW_ERROR_PARSE, "%s: %s", source_name, message);
}

static Agraph_t *
parse_locked (const char  *text,
              const char  *source_name,
              GError     **error)
{
  g_autofree char *file_name = g_strdup (source_name);
  g_autofree char *messages = NULL;
  Agraph_t *graph;
  agusererrf old_errf;

  cgraph_messages = g_string_new (NULL);
  old_errf = agseterrf (collect_cgraph_message_cb);
  agsetfile (file_name);
  agreadline (1);

  graph = agmemread (text);
  aaglex_destroy ();

  agsetfile (NULL);
  agseterrf (old_errf);

  /* cgraph quotes the input, which may not be UTF-8; messages must be. */
  messages = g_utf8_make_valid (cgraph_messages->str, cgraph_messages->len);
  g_string_free (g_steal_pointer (&cgraph_messages), TRUE);

  if (graph == NULL)
    {
      if (*messages != '\0')
        set_parse_error (error, source_name, messages);
      else
        g_set_error (error, MW_ERROR, MW_ERROR_EMPTY,
                     _("%s: the file contains no graph"), source_name);
    }
  else if (*messages != '\0')
    g_debug ("%s: %s", source_name, messages);

  return graph;
}

static const char *
value_or_empty (void       *object,
                Agsym_t    *sym)
{
  const char *value = agxget (object, sym);
  return value != NULL ? value : "";
}

/* HTML-like labels are shown as their text: tags dropped, entities kept. */
static char *
strip_html_tags (const char *html)
{
  GString *text = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p != '\0'; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>')
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (text, *p);
    }

  g_strstrip (text->str);
  text->len = strlen (text->str);
  return g_string_free (text, FALSE);
}

static char *
read_label (Agraph_t   *graph,
            void       *object,
            Agsym_t    *sym,
            const char *fallback)
{
  const char *label;

  if (sym == NULL)
    return g_strdup (fallback);

  label = agxget (object, sym);
  if (label == NULL || *label == '\0' || strcmp (label, "\\N") == 0)
    return g_strdup (fallback);

  if (aghtmlstr ((char *)label))
    {
      g_autofree char *text = strip_html_tags (label);
      return g_strdup (*text != '\0' ? text : fallback);
    }

  return g_strdup (label);
}

/* `pos` is "x,y" in points, y up, with "!" when fixed. */
static void
read_position (MwNetwork  *network,
               MwActor    *actor,
               const char *pos)
{
  char *end;
  double x, y;

  if (pos == NULL || *pos == '\0')
    return;

  x = g_ascii_strtod (pos, &end);
  if (end == pos || *end != ',')
    return;
  pos = end + 1;
  y = g_ascii_strtod (pos, &end);
  if (end == pos || !isfinite (x) || !isfinite (y))
    return;

  mw_network_set_actor_position (network, actor, x, -y);
  if (*end == '!')
    mw_network_set_actor_pinned (network, actor, TRUE);
}

static void
read_node_attributes (MwNetwork *network,
                      MwActor   *actor,
                      Agraph_t  *graph,
                      Agnode_t  *node)
{
  Agsym_t *sym = NULL;

  while ((sym = agnxtattr (graph, AGNODE, sym)) != NULL)
    {
      const char *value = value_or_empty (node, sym);
      MwActorKind kind;

      /* Meshwork's own fields take the value in force, inherited from a
       * `node [...]` default or not; other attributes keep only what
       * differs from the default, which is written back as a default. */
      if (*value == '\0')
        continue;
      if (!is_known_node_attr (sym->name) && strcmp (value, sym->defval) == 0)
        continue;

      if (strcmp (sym->name, ATTR_KIND) == 0)
        {
          /* a kind Meshwork does not know stays the text it is */
          if (mw_actor_kind_from_string (value, &kind))
            mw_network_set_actor_kind (network, actor, kind);
          else if (strcmp (value, sym->defval) != 0)
            mw_network_set_actor_attr (network, actor, sym->name, value);
        }
      else if (strcmp (sym->name, ATTR_ORG) == 0)
        mw_network_set_actor_org (network, actor, value);
      else if (strcmp (sym->name, ATTR_UNIT) == 0)
        mw_network_set_actor_unit (network, actor, value);
      else if (strcmp (sym->name, ATTR_NOTES) == 0)
        mw_network_set_actor_notes (network, actor, value);
      else if (strcmp (sym->name, ATTR_PURPOSE) == 0)
        mw_network_set_actor_purpose (network, actor, mw_parse_bool (value));
      else if (strcmp (sym->name, ATTR_INITIATIVE) == 0)
        mw_network_set_actor_initiative (network, actor, mw_parse_bool (value));
      else if (strcmp (sym->name, "pin") == 0)
        mw_network_set_actor_pinned (network, actor, mw_parse_bool (value));
      else if (strcmp (sym->name, "pos") == 0)
        read_position (network, actor, value);
      else if (!is_known_node_attr (sym->name))
        mw_network_set_actor_attr (network, actor, sym->name, value);
    }
}

static void
read_edge_attributes (MwNetwork *network,
                      MwTie     *tie,
                      Agraph_t  *graph,
                      Agedge_t  *edge)
{
  Agsym_t *sym = NULL;

  while ((sym = agnxtattr (graph, AGEDGE, sym)) != NULL)
    {
      const char *value = value_or_empty (edge, sym);
      double weight;

      if (*value == '\0' || strcmp (value, sym->defval) == 0)
        continue;
      if (is_known_edge_attr (sym->name) &&
          (strcmp (sym->name, "weight") != 0 || mw_parse_number (value, &weight)))
        continue;

      mw_network_set_tie_attr (network, tie, sym->name, value);
    }
}

static MwTieType
read_tie_type (Agraph_t *graph,
               Agedge_t *edge,
               Agsym_t  *tie_sym)
{
  MwTieType type;

  if (tie_sym != NULL && mw_tie_type_from_string (agxget (edge, tie_sym), &type))
    return type;

  /* Other tools' edges: an undirected tie is collaboration, a directed one influence. */
  return agisdirected (graph) ? MW_TIE_INFLUENCES : MW_TIE_COLLABORATES;
}

static double
read_weight (Agedge_t *edge,
             Agsym_t  *weight_sym)
{
  double weight;

  if (weight_sym == NULL || !mw_parse_number (agxget (edge, weight_sym), &weight))
    return 1.0;

  return weight;
}

static void
read_defaults (Agraph_t   *graph,
               int         kind,
               GHashTable *defaults)
{
  Agsym_t *sym = NULL;

  while ((sym = agnxtattr (graph, kind, sym)) != NULL)
    {
      if (sym->defval == NULL || *sym->defval == '\0')
        continue;
      /* each actor and tie holds these itself (see read_node_attributes) */
      if (kind == AGNODE && is_known_node_attr (sym->name))
        continue;
      if (kind == AGEDGE && is_known_edge_attr (sym->name))
        continue;

      g_hash_table_insert (defaults, g_strdup (sym->name), g_strdup (sym->defval));
    }
}

static void
read_graph_attributes (MwNetwork *network,
                       Agraph_t  *graph)
{
  Agsym_t *sym = NULL;

  while ((sym = agnxtattr (graph, AGRAPH, sym)) != NULL)
    {
      const char *value = value_or_empty (graph, sym);

      /* The text is UTF-8 from here on, whatever the file said. */
      if (*value == '\0' || strcmp (sym->name, "charset") == 0 ||
          (strcmp (sym->name, "linelength") == 0 && strcmp (value, "0") == 0) ||
          strcmp (sym->name, ATTR_CLUSTER) == 0)
        continue;

      mw_network_set_attr (network, sym->name, value);
    }
}

static gboolean
is_cluster (Agraph_t *subgraph)
{
  const char *name = agnameof (subgraph);
  return name != NULL && g_ascii_strncasecmp (name, "cluster", 7) == 0;
}

static char *
cluster_title (Agraph_t *subgraph)
{
  const char *label = agget (subgraph, (char *)"label");
  const char *name = agnameof (subgraph);

  if (label != NULL && *label != '\0')
    {
      if (aghtmlstr ((char *)label))
        return strip_html_tags (label);
      return g_strdup (label);
    }

  name += strlen ("cluster");
  name += strspn (name, "_- ");
  return g_strdup (*name != '\0' ? name : agnameof (subgraph));
}

/* Clusters give their members a unit (or an organisation, for the ones
 * Meshwork writes) unless the member names its own. Outer first, so the
 * innermost cluster wins. */
static int
compare_subgraph_order (gconstpointer a,
                        gconstpointer b)
{
  unsigned seq_a = AGSEQ (*(Agraph_t * const *)a);
  unsigned seq_b = AGSEQ (*(Agraph_t * const *)b);

  return seq_a < seq_b ? -1 : seq_a > seq_b;
}

/* cgraph lists subgraphs in the order of their IDs, which are string
 * addresses: an actor in two sibling clusters would get the unit of
 * whichever malloc placed last. The file's order decides instead. */
static GPtrArray *
list_subgraphs (Agraph_t *graph)
{
  GPtrArray *subgraphs = g_ptr_array_new ();

  for (Agraph_t *sub = agfstsubg (graph); sub != NULL; sub = agnxtsubg (sub))
    g_ptr_array_add (subgraphs, sub);
  g_ptr_array_sort (subgraphs, compare_subgraph_order);

  return subgraphs;
}

static void
read_clusters (MwNetwork  *network,
               GHashTable *actors,
               Agraph_t   *graph,
               GHashTable *explicit_org,
               GHashTable *explicit_unit)
{
  g_autoptr(GPtrArray) subgraphs = list_subgraphs (graph);

  for (guint i = 0; i < subgraphs->len; i++)
    {
      Agraph_t *sub = g_ptr_array_index (subgraphs, i);

      if (is_cluster (sub))
        {
          const char *role = agget (sub, (char *)ATTR_CLUSTER);
          gboolean is_org = role != NULL && strcmp (role, "org") == 0;
          g_autofree char *title = cluster_title (sub);

          for (Agnode_t *node = agfstnode (sub); node != NULL; node = agnxtnode (sub, node))
            {
              MwActor *actor = g_hash_table_lookup (actors, node);

              if (actor == NULL)
                continue;
              if (is_org && !g_hash_table_contains (explicit_org, actor))
                mw_network_set_actor_org (network, actor, title);
              else if (!is_org && !g_hash_table_contains (explicit_unit, actor))
                mw_network_set_actor_unit (network, actor, title);
            }
        }

      read_clusters (network, actors, sub, explicit_org, explicit_unit);
    }
}

static gboolean
check_counts (Agraph_t        *graph,
              const char      *source_name,
              const MwLimits  *limits,
              GError         **error)
{
  if ((guint)agnnodes (graph) > limits->max_actors)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_LIMIT,
                   _("%s: %d actors is more than the limit of %u"),
                   source_name, agnnodes (graph), limits->max_actors);
      return FALSE;
    }

  if ((guint)agnedges (graph) > limits->max_ties)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_LIMIT,
                   _("%s: %d ties is more than the limit of %u"),
                   source_name, agnedges (graph), limits->max_ties);
      return FALSE;
    }

  return TRUE;
}

/* A name cgraph made up for a node ("%12" from a file's `"%x"`) depends
 * on addresses: such a node is treated as unnamed, like "". */
static gboolean
node_has_name (Agnode_t *node)
{
  const char *name = agnameof (node);

  return name != NULL && *name != '\0' && *name != '%';
}

static void
read_actor (MwNetwork  *network,
            GHashTable *actors,
            Agraph_t   *graph,
            Agnode_t   *node,
            GHashTable *explicit_org,
            GHashTable *explicit_unit)
{
  Agsym_t *label_sym = agattr (graph, AGNODE, (char *)"label", NULL);
  Agsym_t *org_sym = agattr (graph, AGNODE, (char *)ATTR_ORG, NULL);
  Agsym_t *unit_sym = agattr (graph, AGNODE, (char *)ATTR_UNIT, NULL);
  const char *id = node_has_name (node) ? agnameof (node) : NULL;
  g_autofree char *label = read_label (graph, node, label_sym, id);
  MwActor *actor = mw_network_add_actor (network, id, label, MW_ACTOR_PERSON, NULL);

  g_assert (actor != NULL);
  g_hash_table_insert (actors, node, actor);
  read_node_attributes (network, actor, graph, node);

  if (org_sym != NULL && *value_or_empty (node, org_sym) != '\0')
    g_hash_table_add (explicit_org, actor);
  if (unit_sym != NULL && *value_or_empty (node, unit_sym) != '\0')
    g_hash_table_add (explicit_unit, actor);
}

/* Fills @actors, Agnode_t* → MwActor*: an unnamed node gets a made-up id,
 * so ties and clusters cannot find actors by name. Such nodes come last,
 * so that their ids cannot take the name of a node further on. */
static void
read_actors (MwNetwork  *network,
             GHashTable *actors,
             Agraph_t   *graph,
             GHashTable *explicit_org,
             GHashTable *explicit_unit)
{
  for (int unnamed = 0; unnamed <= 1; unnamed++)
    for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
      if (node_has_name (node) != unnamed)
        read_actor (network, actors, graph, node, explicit_org, explicit_unit);
}

static int
compare_edge_order (gconstpointer a,
                    gconstpointer b)
{
  unsigned seq_a = AGSEQ (*(Agedge_t * const *)a);
  unsigned seq_b = AGSEQ (*(Agedge_t * const *)b);

  return seq_a < seq_b ? -1 : seq_a > seq_b;
}

/* Ties come in the file's order (cgraph numbers edges as it reads them),
 * not grouped by tail node, so that save → load → save is stable. */
static void
read_ties (MwNetwork  *network,
           GHashTable *actors,
           Agraph_t   *graph)
{
  Agsym_t *tie_sym = agattr (graph, AGEDGE, (char *)ATTR_TIE, NULL);
  Agsym_t *weight_sym = agattr (graph, AGEDGE, (char *)"weight", NULL);
  g_autoptr(GPtrArray) edges = g_ptr_array_sized_new (agnedges (graph));

  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    for (Agedge_t *edge = agfstout (graph, node); edge != NULL; edge = agnxtout (graph, edge))
      g_ptr_array_add (edges, edge);
  g_ptr_array_sort (edges, compare_edge_order);

  for (guint i = 0; i < edges->len; i++)
    {
      Agedge_t *edge = g_ptr_array_index (edges, i);
      MwActor *from = g_hash_table_lookup (actors, agtail (edge));
      MwActor *to = g_hash_table_lookup (actors, aghead (edge));
      const char *key = agnameof (edge);
      MwTie *tie;

      if (key != NULL && (*key == '\0' || *key == '%'))
        key = NULL;

      tie = mw_network_add_tie (network, from, to,
                                read_tie_type (graph, edge, tie_sym),
                                read_weight (edge, weight_sym), key);
      read_edge_attributes (network, tie, graph, edge);
    }
}

static MwNetwork *
network_from_graph (Agraph_t *graph)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GHashTable) actors = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) explicit_org = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) explicit_unit = g_hash_table_new (NULL, NULL);
  const char *name = agnameof (graph);

  mw_network_begin_batch (network, "Load");

  if (name != NULL && *name != '%')
    mw_network_set_name (network, name);
  mw_network_set_directed (network, agisdirected (graph));

  read_graph_attributes (network, graph);
  read_defaults (graph, AGNODE, mw_network_get_node_defaults (network));
  read_defaults (graph, AGEDGE, mw_network_get_edge_defaults (network));
  read_actors (network, actors, graph, explicit_org, explicit_unit);
  read_clusters (network, actors, graph, explicit_org, explicit_unit);
  read_ties (network, actors, graph);

  mw_network_end_batch (network);

  return network;
}

/**
 * mw_dot_load_data:
 * @source_name: the file's name, for error messages
 * @limits: (nullable): the defaults when %NULL
 *
 * Reads the first graph in @data. Anything cgraph can read opens, not only
 * Meshwork's own files. On failure nothing is returned, so an open
 * document can never be half-replaced.
 *
 * Returns: (transfer full) (nullable): the network, or %NULL with @error
 *   naming the file and the line
 */
MwNetwork *
mw_dot_load_data (const char      *data,
                  gsize            length,
                  const char      *source_name,
                  const MwLimits  *limits,
                  GError         **error)
{
  g_autofree char *text = NULL;
  MwLimits default_limits;
  MwNetwork *network = NULL;
  Agraph_t *graph;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* (NULL, 0) is an empty file, refused like any other */
  if (data == NULL)
    data = "";
  if (source_name == NULL)
    source_name = "<memory>";
  limits = mw_limits_or_default (limits, &default_limits);

  if (!mw_limits_check_size (limits, length, source_name, error))
    return NULL;

  text = to_utf8 (data, length, source_name, error);
  if (text == NULL)
    return NULL;

  if (!scan_structure (text, strlen (text), source_name, limits, error))
    return NULL;

  mw_graphviz_lock ();

  graph = parse_locked (text, source_name, error);
  if (graph != NULL && check_counts (graph, source_name, limits, error))
    network = network_from_graph (graph);
  if (graph != NULL)
    agclose (graph);

  mw_graphviz_unlock ();

  return network;
}

/**
 * mw_dot_load_file:
 *
 * Returns: (transfer full) (nullable): the network in @path
 */
MwNetwork *
mw_dot_load_file (const char      *path,
                  const MwLimits  *limits,
                  GError         **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  MwLimits default_limits;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);

  limits = mw_limits_or_default (limits, &default_limits);

  file = g_file_new_for_path (path);
  display = g_filename_display_name (path);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", display, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a folder, not a file"), display);
      return NULL;
    }

  if (!mw_limits_check_size (limits, (guint64)g_file_info_get_size (info), display, error))
    return NULL;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", display, local_error->message);
      return NULL;
    }

  return mw_dot_load_data (contents, length, display, limits, error);
}

/* ---------------------------------------------------------------------- */
/* Saving                                                                  */

/* cgraph's own ID discipline uses string addresses as IDs and lists
 * subgraphs in ID order, so the order of clusters in a saved file would
 * depend on malloc. This one numbers names in the order they are made. */
typedef struct
{
  Agraph_t   *graph;
  GHashTable *ids;    /* name → GUINT_TO_POINTER (index + 1) */
  GPtrArray  *names;  /* index → name, cgraph reference-counted strings */
  IDTYPE      anonymous;
} IdState;

static void *
ids_open (Agraph_t *graph,
          Agdisc_t *disc)
{
  IdState *state = g_new0 (IdState, 1);

  state->graph = graph;
  state->ids = g_hash_table_new (g_str_hash, g_str_equal);
  state->names = g_ptr_array_new ();
  state->anonymous = 1;
  return state;
}

static long
ids_map (void    *data,
         int      objtype,
         char    *name,
         IDTYPE  *id,
         int      create)
{
  IdState *state = data;
  guint index;

  if (name == NULL)
    {
      /* anonymous objects get odd IDs, named ones even */
      *id = state->anonymous;
      state->anonymous += 2;
      return TRUE;
    }

  index = GPOINTER_TO_UINT (g_hash_table_lookup (state->ids, name));
  if (index == 0)
    {
      if (!create)
        return FALSE;
      /* agwrite asks the string pool whether a name is HTML: it must be a pool string */
      g_ptr_array_add (state->names, agstrdup (state->graph, name));
      index = state->names->len;
      g_hash_table_insert (state->ids, g_ptr_array_index (state->names, index - 1),
                           GUINT_TO_POINTER (index));
    }

  *id = 2 * (IDTYPE)index;
  return TRUE;
}

static long
ids_alloc (void   *data,
           int     objtype,
           IDTYPE  id)
{
  return FALSE;
}

static void
ids_free (void   *data,
          int     objtype,
          IDTYPE  id)
{
}

static char *
ids_print (void   *data,
           int     objtype,
           IDTYPE  id)
{
  IdState *state = data;

  if (id % 2 != 0 || id == 0 || id / 2 > state->names->len)
    return NULL;

  return g_ptr_array_index (state->names, id / 2 - 1);
}

static void
ids_close (void *data)
{
  IdState *state = data;

  g_hash_table_unref (state->ids);
  g_ptr_array_unref (state->names);
  g_free (state);
}

static void
ids_register (void *data,
              int   objtype,
              void *object)
{
}

static Agiddisc_t sequential_ids = {
  ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register
};

static int
string_putstr (void       *chan,
               const char *str)
{
  g_string_append ((GString *)chan, str);
  return 0;
}

static int
string_flush (void *chan)
{
  return 0;
}

/* cgraph reads `\"` in a quoted string as a quote, `\\` as two backslashes,
 * and drops a backslash before a newline; agwrite escapes quotes and
 * nothing else. So text with an odd run of backslashes before a quote, a
 * newline or its end cannot be written: a trailing backslash would escape
 * the closing quote and the file would not load again. One more backslash
 * makes each such run even. And cgraph's scanner skips U+FEFF (a byte
 * order mark) wherever it stands, so outside quotes it would vanish and
 * leave `label=]`: it is written as U+2060, the word joiner that Unicode
 * says to use for it inside text. Those are the only changes saving makes. */
#define BYTE_ORDER_MARK "\xef\xbb\xbf"
#define WORD_JOINER     "\xe2\x81\xa0"
static char *
writable (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 1);

  for (const char *p = text; *p != '\0'; )
    {
      gsize run = strspn (p, "\\");

      g_string_append_len (out, p, run);
      p += run;
      if (run % 2 == 1 && (*p == '"' || *p == '\n' || *p == '\0'))
        g_string_append_c (out, '\\');
      if (g_str_has_prefix (p, BYTE_ORDER_MARK))
        {
          g_string_append (out, WORD_JOINER);
          p += strlen (BYTE_ORDER_MARK);
        }
      else if (*p != '\0')
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static void
set_attr (void       *object,
          const char *name,
          const char *value)
{
  g_autofree char *safe_name = writable (name);
  g_autofree char *safe_value = writable (value);

  agsafeset (object, safe_name, safe_value, (char *)"");
}

/* Whether @id can be a node's name as it is. cgraph takes a name that
 * starts with `%` for one of its anonymous objects and renames it. */
static gboolean
id_is_writable (const char *id)
{
  g_autofree char *written = writable (id);

  return *id != '%' && strcmp (written, id) == 0;
}

/* One node per actor, by index. An id that cannot be a name as it is gets
 * a `_` in front (more until the name is free, so that no two actors
 * merge); the label keeps the name people see. */
static GPtrArray *
make_nodes (Agraph_t  *graph,
            MwNetwork *network)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = mw_network_get_n_actors (network);
  GPtrArray *nodes = g_ptr_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    if (id_is_writable (mw_network_get_actor (network, i)->id))
      g_hash_table_add (taken, g_strdup (mw_network_get_actor (network, i)->id));

  for (guint i = 0; i < n; i++)
    {
      const char *id = mw_network_get_actor (network, i)->id;
      g_autofree char *name = writable (id);

      while (!id_is_writable (id) && (*name == '%' || g_hash_table_contains (taken, name)))
        {
          char *longer = g_strconcat ("_", name, NULL);

          g_free (name);
          name = longer;
        }
      if (!id_is_writable (id))
        g_hash_table_add (taken, g_strdup (name));

      g_ptr_array_add (nodes, agnode (graph, name, TRUE));
    }

  return nodes;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
write_table (void       *object,
             GHashTable *table)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  /* Sorted, so that saving twice gives the same bytes. */
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);

  for (guint i = 0; i < keys->len; i++)
    set_attr (object, g_ptr_array_index (keys, i),
              g_hash_table_lookup (table, g_ptr_array_index (keys, i)));
}

static void
declare_defaults (Agraph_t   *graph,
                  int         kind,
                  GHashTable *defaults)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, defaults);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *safe_key = writable (key);
      g_autofree char *safe_value = writable (value);

      agattr (graph, kind, safe_key, safe_value);
    }
}

static void
write_actor (Agnode_t      *node,
             const MwActor *actor)
{
  write_table (node, actor->attrs);

  if (strcmp (actor->label, actor->id) != 0 || strcmp (agnameof (node), actor->id) != 0)
    set_attr (node, "label", actor->label);
  if (actor->kind != MW_ACTOR_PERSON)
    set_attr (node, ATTR_KIND, mw_actor_kind_to_string (actor->kind));
  if (*actor->org != '\0')
    set_attr (node, ATTR_ORG, actor->org);
  if (*actor->unit != '\0')
    set_attr (node, ATTR_UNIT, actor->unit);
  if (*actor->notes != '\0')
    set_attr (node, ATTR_NOTES, actor->notes);
  if (actor->purpose)
    set_attr (node, ATTR_PURPOSE, "true");
  if (actor->initiative)
    set_attr (node, ATTR_INITIATIVE, "true");
  if (actor->pinned)
    set_attr (node, "pin", "true");
  if (actor->has_position)
    {
      g_autofree char *x = mw_format_double (actor->x);
      g_autofree char *y = mw_format_double (-actor->y);
      g_autofree char *pos = g_strdup_printf ("%s,%s", x, y);

      set_attr (node, "pos", pos);
    }
}

static void
write_tie (Agraph_t    *graph,
           GPtrArray   *nodes,
           const MwTie *tie)
{
  Agnode_t *from = g_ptr_array_index (nodes, tie->from->index);
  Agnode_t *to = g_ptr_array_index (nodes, tie->to->index);
  Agedge_t *edge = agedge (graph, from, to, NULL, TRUE);

  write_table (edge, tie->attrs);
  set_attr (edge, ATTR_TIE, mw_tie_type_to_string (tie->type));
  if (tie->weight != 1.0)
    {
      g_autofree char *weight = mw_format_double (tie->weight);
      set_attr (edge, "weight", weight);
    }
}

/* Units and organisations become clusters, so `dot` draws their boundaries
 * too. Members name their unit and organisation themselves as well, which
 * is what the loader trusts first. Clusters are made in sorted order and
 * named after what they hold, so saving twice gives the same text. */
/* Joins an organisation and a unit so that no two pairs give the same key,
 * whatever characters they hold. */
static char *
cluster_key (const char *org,
             const char *unit)
{
  return g_strdup_printf ("%" G_GSIZE_FORMAT ":%s%s", strlen (org), org, unit);
}

static int
compare_org_unit (gconstpointer a,
                  gconstpointer b)
{
  const MwActor *actor_a = *(const MwActor * const *)a;
  const MwActor *actor_b = *(const MwActor * const *)b;
  int by_org = strcmp (actor_a->org, actor_b->org);

  return by_org != 0 ? by_org : strcmp (actor_a->unit, actor_b->unit);
}

static Agraph_t *
make_cluster (Agraph_t   *parent,
              const char *role,
              const char *name,
              const char *label)
{
  g_autofree char *id = g_strdup_printf ("cluster_%s_%s", role, name);
  g_autofree char *safe_id = writable (id);
  Agraph_t *cluster = agsubg (parent, safe_id, TRUE);

  set_attr (cluster, "label", label);
  set_attr (cluster, ATTR_CLUSTER, role);
  return cluster;
}

static void
write_clusters (Agraph_t  *graph,
                GPtrArray *nodes,
                MwNetwork *network)
{
  g_autoptr(GHashTable) clusters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();  /* one actor per (org, unit) */
  guint n = mw_network_get_n_actors (network);

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if ((*actor->org != '\0' || *actor->unit != '\0') &&
          g_hash_table_insert (clusters, cluster_key (actor->org, actor->unit), NULL))
        g_ptr_array_add (pairs, actor);
    }
  g_ptr_array_sort (pairs, compare_org_unit);

  for (guint i = 0; i < pairs->len; i++)
    {
      const MwActor *actor = g_ptr_array_index (pairs, i);
      const char *org = actor->org, *unit = actor->unit;
      Agraph_t *parent = graph;

      if (*org != '\0')
        {
          g_autofree char *org_key = cluster_key (org, "");

          parent = g_hash_table_lookup (clusters, org_key);
          if (parent == NULL)
            {
              parent = make_cluster (graph, "org", org, org);
              g_hash_table_insert (clusters, g_steal_pointer (&org_key), parent);
            }
        }

      if (*unit != '\0')
        {
          g_autofree char *name = *org != '\0' ? g_strdup_printf ("%s/%s", org, unit) : g_strdup (unit);
          g_hash_table_insert (clusters, cluster_key (org, unit), make_cluster (parent, "unit", name, unit));
        }
    }

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      g_autofree char *key = cluster_key (actor->org, actor->unit);
      Agraph_t *cluster = g_hash_table_lookup (clusters, key);

      if (cluster != NULL)
        agsubnode (cluster, g_ptr_array_index (nodes, i), TRUE);
    }
}

/**
 * mw_dot_save_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): @network as DOT text, UTF-8
 */
char *
mw_dot_save_data (MwNetwork *network,
                  gsize     *length)
{
  Agiodisc_t io = { AgIoDisc.afread, string_putstr, string_flush };
  Agdisc_t disc = { &AgMemDisc, &sequential_ids, &io };
  GString *out = g_string_new (NULL);
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  Agraph_t *graph;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  name = writable (mw_network_get_name (network));
  /* cgraph would take it for an anonymous graph's name (see make_nodes) */
  if (*name == '%')
    {
      char *longer = g_strconcat ("_", name, NULL);

      g_free (name);
      name = longer;
    }

  mw_graphviz_lock ();

  graph = agopen (name, mw_network_get_directed (network) ? Agdirected : Agundirected, &disc);
  agattr (graph, AGNODE, (char *)"label", (char *)"\\N");
  declare_defaults (graph, AGNODE, mw_network_get_node_defaults (network));
  declare_defaults (graph, AGEDGE, mw_network_get_edge_defaults (network));
  write_table (graph, mw_network_get_attrs (network));
  /* agwrite breaks strings longer than 128 bytes with a backslash and a
   * newline, which next to an escaped quote and a newline of the text
   * itself reads back as something else; Graphviz's own linelength=0
   * turns the breaking off. The loader drops it again. */
  if (!g_hash_table_contains (mw_network_get_attrs (network), "linelength"))
    set_attr (graph, "linelength", "0");

  nodes = make_nodes (graph, network);
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    write_actor (g_ptr_array_index (nodes, i), mw_network_get_actor (network, i));
  write_clusters (graph, nodes, network);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    write_tie (graph, nodes, mw_network_get_tie (network, i));

  agwrite (graph, out);
  agclose (graph);

  mw_graphviz_unlock ();

  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/**
 * mw_dot_save_file:
 *
 * Writes atomically (a temporary file, then a rename), so a failure never
 * leaves half a file.
 */
gboolean
mw_dot_save_file (MwNetwork   *network,
                  const char  *path,
                  GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (MW_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = mw_dot_save_data (network, &length);

  return mw_write_file (path, text, length, error);
}
