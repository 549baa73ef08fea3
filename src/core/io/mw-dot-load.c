/* mw-dot-load.c: DOT in: parsing with cgraph and reading the graph into a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-dot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "mw-dot-private.h"
#include "mw-graphviz-lock.h"
#include "mw-label.h"
#include "mw-limits.h"
#include "mw-progress.h"
#include "mw-text.h"

/* cgraph's flex scanner keeps its buffer between reads: what the last parse
 * left unread (a final newline) would shift the next file's line numbers.
 * The scanner's own destroy function, exported by libcgraph but not in its
 * header, resets it. */
extern int aaglex_destroy (void);

static gboolean
is_known_node_attr (const char *name)
{
  static const char * const known[] = {
    "label", "pos", "pin", MW_DOT_ATTR_KIND, MW_DOT_ATTR_ORG, MW_DOT_ATTR_UNIT,
    MW_DOT_ATTR_PURPOSE, MW_DOT_ATTR_INITIATIVE, MW_DOT_ATTR_NOTES, NULL
  };

  return g_strv_contains (known, name);
}

static gboolean
is_known_edge_attr (const char *name)
{
  return strcmp (name, MW_DOT_ATTR_TIE) == 0 || strcmp (name, "weight") == 0 ||
         strcmp (name, "key") == 0;
}

/* ---------------------------------------------------------------------- */
/* Parsing                                                                 */

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

/* cgraph reads through this, a line a time as agmemread() does, so that
 * how far the parser has come is known: the thread's progress hears of
 * it every PROGRESS_BYTES, and a cancelled load ends the input there. */
#define PROGRESS_BYTES (256 * 1024)
#define PARSE_START    0.1
#define PARSE_END      0.65

typedef struct
{
  const char *data;
  gsize       length;
  gsize       at;
  gsize       reported;
  MwDotGate  *gate;       /* (nullable): the scan beside the parse */
  gboolean    cancelled;
} TextReader;

static int
read_line_cb (void *chan,
              char *buf,
              int   bufsize)
{
  TextReader *reader = chan;
  int n = 0;

  if (reader->at - reader->reported >= PROGRESS_BYTES)
    {
      reader->reported = reader->at;
      if (!mw_progress_report (PARSE_START, PARSE_END, (double) reader->at / reader->length))
        {
          reader->cancelled = TRUE;
          return 0;
        }
    }
  /* nothing the pre-scan has not passed (or has refused) */
  if (reader->gate != NULL && !_mw_dot_gate_wait (reader->gate, reader->at + (gsize) bufsize))
    return 0;
  while (n < bufsize && reader->at < reader->length)
    {
      char c = reader->data[reader->at++];

      buf[n++] = c;
      if (c == '\n' || c == '\0')
        break;
    }
  return n;
}

/* Static: a graph keeps a pointer to its discipline while it lives. */
static Agiodisc_t text_io;

static Agraph_t *
read_text (const char *text,
           gsize       length,
           MwDotGate  *gate,
           MwDotMade  *made)
{
  TextReader reader = { text, length, 0, 0, gate, FALSE };
  Agdisc_t disc = { _mw_dot_arena_disc_for (text, length), _mw_dot_made_begin (made), &text_io };
  Agraph_t *graph;
  MwDotArena *arena;

  text_io.afread = read_line_cb;
  text_io.putstr = AgIoDisc.putstr;
  text_io.flush = AgIoDisc.flush;
  _mw_dot_arena_take_opened ();
  graph = agread (&reader, &disc);
  _mw_dot_made_end ();
  /* a graph cgraph could not read it closed itself, but not its arena */
  arena = _mw_dot_arena_take_opened ();
  if (graph == NULL && arena != NULL)
    _mw_dot_arena_free (arena);
  if (reader.cancelled && gate != NULL)
    _mw_dot_gate_stop (gate);
  return graph;
}

static Agraph_t *
parse_locked (const char  *text,
              gsize        length,
              MwDotGate   *gate,
              const char  *source_name,
              MwDotMade   *made,
              GError     **error)
{
  g_autofree char *file_name = g_strdup (source_name);
  g_autofree char *reported = NULL;
  g_autofree char *messages = NULL;
  Agraph_t *graph;

  mw_graphviz_messages_begin ();
  agsetfile (file_name);
  agreadline (1);

  graph = read_text (text, length, gate, made);
  aaglex_destroy ();

  agsetfile (NULL);
  reported = mw_graphviz_messages_end ();

  /* cgraph quotes the input, which may not be UTF-8; messages must be. */
  messages = g_utf8_make_valid (reported, -1);

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

/* A value kept in a plain table (the graph's, a subgraph's, the defaults),
 * its HTML-likeness marked beside it (see MW_HTML_MARK). */
static void
table_keep (GHashTable *table,
            const char *name,
            const char *value)
{
  g_hash_table_insert (table, g_strdup (name), g_strdup (value));
  if (aghtmlstr ((char *)value))
    g_hash_table_insert (table, mw_html_mark_key (name), mw_html_mark_value (value));
}

static void
actor_keep (MwNetwork  *network,
            MwActor    *actor,
            const char *name,
            const char *value)
{
  if (*value == '\0')
    mw_network_blank_actor_attr (network, actor, name);
  else
    mw_network_set_actor_attr (network, actor, name, value);
  if (aghtmlstr ((char *)value))
    {
      g_autofree char *mark_key = mw_html_mark_key (name);
      g_autofree char *mark = mw_html_mark_value (value);

      mw_network_set_actor_attr (network, actor, mark_key, mark);
    }
}

static void
tie_keep (MwNetwork  *network,
          MwTie      *tie,
          const char *name,
          const char *value)
{
  if (*value == '\0')
    mw_network_blank_tie_attr (network, tie, name);
  else
    mw_network_set_tie_attr (network, tie, name, value);
  if (aghtmlstr ((char *)value))
    {
      g_autofree char *mark_key = mw_html_mark_key (name);
      g_autofree char *mark = mw_html_mark_value (value);

      mw_network_set_tie_attr (network, tie, mark_key, mark);
    }
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

  /* kept as written: mw_actor_dup_display_label() decides what it shows */
  label = agxget (object, sym);
  if (label == NULL || *label == '\0' || strcmp (label, "\\N") == 0)
    return g_strdup (fallback);

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

/* Whether @node's value of @sym is the declared default (cgraph gives
 * inheriting nodes the default's own string, so mostly by address). */
static gboolean
is_declared_default (const char *value,
                     Agsym_t    *sym)
{
  return sym->defval != NULL && *sym->defval != '\0' &&
         (value == sym->defval || strcmp (value, sym->defval) == 0);
}

/* One GRefString per declared default, made from @text the first time:
 * every actor that inherits the default holds it, not a copy of it. */
static char *
shared_default (GHashTable *shared,
                Agsym_t    *sym,
                const char *text)
{
  char *ref_string = g_hash_table_lookup (shared, sym);

  if (ref_string == NULL)
    {
      ref_string = g_ref_string_new (text);
      g_hash_table_insert (shared, sym, ref_string);
    }

  return ref_string;
}

static void
read_actor_string (MwNetwork  *network,
                   MwActor    *actor,
                   MwField     field,
                   Agsym_t    *sym,
                   const char *value,
                   GHashTable *shared)
{
  if (is_declared_default (value, sym))
    {
      mw_network_share_actor_string (network, actor, field, shared_default (shared, sym, value));
      return;
    }

  switch ((int)field)
    {
    case MW_FIELD_ORG:
      mw_network_set_actor_org (network, actor, value);
      break;
    case MW_FIELD_UNIT:
      mw_network_set_actor_unit (network, actor, value);
      break;
    default:
      mw_network_set_actor_notes (network, actor, value);
      break;
    }
}

/* The mark of an HTML-like value, worked out once per pool string: the
 * nodes that inherit a long declared default share one. */
static const char *
html_mark (GHashTable *marks,
           const char *value)
{
  char *mark = g_hash_table_lookup (marks, value);

  if (mark == NULL)
    {
      mark = mw_html_mark_value (value);
      g_hash_table_insert (marks, (gpointer)value, mark);
    }
  return mark;
}

static void
read_node_attributes (MwNetwork  *network,
                      MwActor    *actor,
                      Agraph_t   *graph,
                      Agnode_t   *node,
                      GHashTable *shared,
                      GHashTable *marks)
{
  Agsym_t *sym = NULL;

  while ((sym = agnxtattr (graph, AGNODE, sym)) != NULL)
    {
      const char *value = value_or_empty (node, sym);
      MwActorKind kind;

      /* Meshwork's own fields take the value in force, inherited from a
       * `node [...]` default or not; other attributes keep only what
       * differs from the default, which is written back as a default. */
      /* "" overrides a default declared after the node, so it is kept */
      if (!is_known_node_attr (sym->name))
        {
          if (value != sym->defval && strcmp (value, sym->defval) != 0)
            actor_keep (network, actor, sym->name, value);
          continue;
        }
      if (*value == '\0')
        continue;

      if (strcmp (sym->name, MW_DOT_ATTR_KIND) == 0)
        {
          /* a kind Meshwork does not know stays the text it is */
          if (mw_actor_kind_from_string (value, &kind))
            mw_network_set_actor_kind (network, actor, kind);
          else if (strcmp (value, sym->defval) != 0)
            mw_network_set_actor_attr (network, actor, sym->name, value);
        }
      else if (strcmp (sym->name, MW_DOT_ATTR_ORG) == 0)
        read_actor_string (network, actor, MW_FIELD_ORG, sym, value, shared);
      else if (strcmp (sym->name, MW_DOT_ATTR_UNIT) == 0)
        read_actor_string (network, actor, MW_FIELD_UNIT, sym, value, shared);
      else if (strcmp (sym->name, MW_DOT_ATTR_NOTES) == 0)
        read_actor_string (network, actor, MW_FIELD_NOTES, sym, value, shared);
      else if (strcmp (sym->name, MW_DOT_ATTR_PURPOSE) == 0)
        mw_network_set_actor_purpose (network, actor, mw_parse_bool (value));
      else if (strcmp (sym->name, MW_DOT_ATTR_INITIATIVE) == 0)
        mw_network_set_actor_initiative (network, actor, mw_parse_bool (value));
      else if (strcmp (sym->name, "pin") == 0)
        mw_network_set_actor_pinned (network, actor, mw_parse_bool (value));
      else if (strcmp (sym->name, "pos") == 0)
        read_position (network, actor, value);
      else if (strcmp (sym->name, "label") == 0 && aghtmlstr ((char *)value))
        /* the label field holds the text; its table, the mark */
        mw_network_set_actor_attr (network, actor, MW_HTML_MARK "label", html_mark (marks, value));
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

      if (strcmp (value, sym->defval) == 0)
        continue;
      if (is_known_edge_attr (sym->name) &&
          (*value == '\0' || strcmp (sym->name, "weight") != 0 || mw_parse_number (value, &weight)))
        continue;

      tie_keep (network, tie, sym->name, value);
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
      /* `node [label=""]`, said in the file, hides every name: kept */
      if (kind == AGNODE && strcmp (sym->name, "label") == 0 && sym->print &&
          strcmp (sym->defval, "\\N") != 0)
        {
          table_keep (defaults, sym->name, sym->defval);
          continue;
        }
      if (sym->defval == NULL || *sym->defval == '\0')
        continue;
      /* each actor and tie holds these itself (see read_node_attributes) */
      if (kind == AGNODE && is_known_node_attr (sym->name))
        continue;
      if (kind == AGEDGE && is_known_edge_attr (sym->name))
        continue;

      table_keep (defaults, sym->name, sym->defval);
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
          strcmp (sym->name, MW_DOT_ATTR_CLUSTER) == 0)
        continue;

      mw_network_set_attr (network, sym->name, value);
      if (aghtmlstr ((char *)value))
        {
          g_autofree char *mark_key = mw_html_mark_key (sym->name);
          g_autofree char *mark = mw_html_mark_value (value);

          mw_network_set_attr (network, mark_key, mark);
        }
    }
}

/* Each node's actor, by the node's sequence number: cgraph numbers a
 * graph's nodes 1, 2, 3… as it makes them. */
typedef struct
{
  MwActor **by_seq;
  gsize     n;
} ActorMap;

static void
actor_map_init (ActorMap  *actors,
                GPtrArray *nodes)
{
  gsize n = 0;

  for (guint i = 0; i < nodes->len; i++)
    n = MAX (n, (gsize) AGSEQ ((Agnode_t *) g_ptr_array_index (nodes, i)) + 1);
  actors->by_seq = g_new0 (MwActor *, n);
  actors->n = n;
}

static void
actor_map_clear (ActorMap *actors)
{
  g_clear_pointer (&actors->by_seq, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ActorMap, actor_map_clear)

static MwActor *
actor_of (const ActorMap *actors,
          Agnode_t       *node)
{
  gsize seq = AGSEQ (node);

  return seq < actors->n ? actors->by_seq[seq] : NULL;
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
    return mw_label_dup_text (label, aghtmlstr ((char *)label), FALSE, NULL);

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
               ActorMap   *actors,
               Agraph_t   *graph)
{
  g_autoptr(GPtrArray) subgraphs = list_subgraphs (graph);

  for (guint i = 0; i < subgraphs->len; i++)
    {
      Agraph_t *sub = g_ptr_array_index (subgraphs, i);

      if (is_cluster (sub))
        {
          const char *role = agget (sub, (char *)MW_DOT_ATTR_CLUSTER);
          gboolean is_org = role != NULL && strcmp (role, "org") == 0;
          g_autofree char *title = cluster_title (sub);
          /* a member that names its own keeps it */
          Agsym_t *own = agattr (agroot (sub), AGNODE, (char *)(is_org ? MW_DOT_ATTR_ORG : MW_DOT_ATTR_UNIT), NULL);

          for (Agnode_t *node = agfstnode (sub); node != NULL; node = agnxtnode (sub, node))
            {
              MwActor *actor = actor_of (actors, node);

              if (actor == NULL || (own != NULL && *value_or_empty (node, own) != '\0'))
                continue;
              if (is_org)
                mw_network_set_actor_org (network, actor, title);
              else
                mw_network_set_actor_unit (network, actor, title);
            }
        }

      read_clusters (network, actors, sub);
    }
}

/* `a -> { b c }` makes an anonymous subgraph that says nothing: not kept. */
static void
keep_child (GPtrArray  *list,
            MwSubgraph *kept)
{
  if (*kept->name == '\0' && g_hash_table_size (kept->attrs) == 0 && kept->children->len == 0)
    mw_subgraph_free (kept);
  else
    g_ptr_array_add (list, kept);
}

/* Subgraphs Meshwork has no field for are kept as they were: their
 * graph attributes that differ from the root's declared default (what
 * they inherit when written back), their nodes and their subgraphs.
 * Meshwork's own clusters are made again from the actors' fields. */
static MwSubgraph *
keep_subgraph (Agraph_t   *sub,
               ActorMap   *actors)
{
  const char *name = agnameof (sub);
  MwSubgraph *kept = mw_subgraph_new (name != NULL && *name != '%' ? name : NULL);
  g_autoptr(GPtrArray) children = list_subgraphs (sub);
  Agsym_t *sym = NULL;

  while ((sym = agnxtattr (agroot (sub), AGRAPH, sym)) != NULL)
    {
      const char *value = value_or_empty (sub, sym);

      if (strcmp (value, sym->defval) != 0 && strcmp (sym->name, "charset") != 0)
        table_keep (kept->attrs, sym->name, value);
    }

  for (Agnode_t *node = agfstnode (sub); node != NULL; node = agnxtnode (sub, node))
    {
      MwActor *actor = actor_of (actors, node);

      if (actor != NULL)
        g_ptr_array_add (kept->members, g_strdup (actor->id));
    }

  for (guint i = 0; i < children->len; i++)
    {
      Agraph_t *child = g_ptr_array_index (children, i);
      const char *role = agget (child, (char *)MW_DOT_ATTR_CLUSTER);

      if (role == NULL || *role == '\0')
        keep_child (kept->children, keep_subgraph (child, actors));
    }

  return kept;
}

static void
read_subgraphs (MwNetwork  *network,
                ActorMap   *actors,
                Agraph_t   *graph)
{
  g_autoptr(GPtrArray) subgraphs = list_subgraphs (graph);

  for (guint i = 0; i < subgraphs->len; i++)
    {
      Agraph_t *sub = g_ptr_array_index (subgraphs, i);
      const char *role = agget (sub, (char *)MW_DOT_ATTR_CLUSTER);

      if (role == NULL || *role == '\0')
        keep_child (mw_network_get_subgraphs (network), keep_subgraph (sub, actors));
    }
}

/* What saving cannot write back, so that people are told before a save. */
static void
note_lossy_features (MwNetwork *network,
                     guint      n_keys)
{
  if (n_keys > 0)
    {
      /* Translators: edge keys are DOT's `a -> b [key=x]` names of edges */
      g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the key of %u edge",
                                                            "the keys of %u edges", n_keys), n_keys);
      mw_network_add_lossy_feature (network, what);
    }
}

/* cgraph reads a file's first graph; Graphviz's tools draw each of them.
 * What follows is not read, and a save would not write it back. */
static void
note_rest (MwNetwork *network,
           guint      line)
{
  /* Translators: what a file has that Meshwork does not read, told before a save */
  g_autofree char *what = g_strdup_printf (_("what follows the first graph (from line %u)"), line);

  mw_network_add_lossy_feature (network, what);
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
release_shared (gpointer ref_string)
{
  if (ref_string != NULL)
    g_ref_string_release (ref_string);
}

/* A label the node inherits from `node [label=…]` is shared by every such
 * actor; "\\N" (the node's name) and an HTML label without text are each
 * node's own. Decided once per load, so the long value is read once. */
static char *
shared_label (GHashTable *shared,
              Agsym_t    *label_sym,
              Agnode_t   *node)
{
  const char *value = label_sym != NULL ? agxget (node, label_sym) : NULL;
  g_autofree char *text = NULL;

  if (value == NULL || !is_declared_default (value, label_sym))
    return NULL;

  if (g_hash_table_contains (shared, label_sym))
    return g_hash_table_lookup (shared, label_sym);

  text = g_strdup (value);
  g_hash_table_insert (shared, label_sym,
                       *text != '\0' && strcmp (value, "\\N") != 0 ? g_ref_string_new (text) : NULL);
  return g_hash_table_lookup (shared, label_sym);
}

static void
read_actor (MwNetwork  *network,
            ActorMap   *actors,
            Agraph_t   *graph,
            Agnode_t   *node,
            GHashTable *shared,
            GHashTable *marks)
{
  Agsym_t *label_sym = agattr (graph, AGNODE, (char *)"label", NULL);
  const char *id = node_has_name (node) ? agnameof (node) : NULL;
  char *label_ref = shared_label (shared, label_sym, node);
  g_autofree char *label = label_ref == NULL ? read_label (graph, node, label_sym, id) : NULL;
  MwActor *actor = mw_network_add_actor (network, id, label, MW_ACTOR_PERSON, NULL);

  g_assert (actor != NULL);
  if (label_ref != NULL)
    mw_network_share_actor_string (network, actor, MW_FIELD_LABEL, label_ref);
  actors->by_seq[AGSEQ (node)] = actor;
  read_node_attributes (network, actor, graph, node, shared, marks);
}

/* Fills @actors, Agnode_t* → MwActor*: an unnamed node gets a made-up id,
 * so ties and clusters cannot find actors by name. Such nodes come last,
 * so that their ids cannot take the name of a node further on. */
static void
read_actors (MwNetwork  *network,
             ActorMap   *actors,
             Agraph_t   *graph,
             GPtrArray  *nodes)
{
  g_autoptr(GHashTable) shared = g_hash_table_new_full (NULL, NULL, NULL, release_shared);
  g_autoptr(GHashTable) marks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint n = 0, total = 2 * nodes->len;

  for (int unnamed = 0; unnamed <= 1; unnamed++)
    for (guint i = 0; i < nodes->len; i++, n++)
      {
        Agnode_t *node = g_ptr_array_index (nodes, i);

        if (n % 4096 == 0)
          mw_progress_report (PARSE_END, 0.8, (double) n / MAX (total, 1));
        if (node_has_name (node) != unnamed)
          read_actor (network, actors, graph, node, shared, marks);
      }
}

/* When every node is named and the graph is freed as it is read, each
 * node's actor is made just before the first tie that needs it (in the
 * nodes' order still) and the node freed at once, so that cgraph's graph
 * shrinks while the network grows. */
typedef struct
{
  GPtrArray  *nodes;
  guint      *ends;     /* each edge's tail and head numbers, read before */
  guint       next;
  GHashTable *shared;
  GHashTable *marks;
  MwDotArena *release;
} NodeCursor;

static void
read_nodes_to (MwNetwork  *network,
               ActorMap   *actors,
               Agraph_t   *graph,
               NodeCursor *cursor,
               guint64     seq)
{
  for (; cursor->next < cursor->nodes->len; cursor->next++)
    {
      Agnode_t *node = g_ptr_array_index (cursor->nodes, cursor->next);

      if (AGSEQ (node) > seq)
        break;
      read_actor (network, actors, graph, node, cursor->shared, cursor->marks);
      _mw_dot_arena_release_node (cursor->release, node);
    }
}

/* Returns the number of edges with a key. With @cursor, the nodes are
 * read as the ties need them; with @release, each edge is freed once read. */
static guint
read_ties (MwNetwork   *network,
           ActorMap    *actors,
           Agraph_t    *graph,
           GPtrArray   *edges,
           NodeCursor  *cursor,
           MwDotArena  *release)
{
  Agsym_t *tie_sym = agattr (graph, AGEDGE, (char *)MW_DOT_ATTR_TIE, NULL);
  Agsym_t *weight_sym = agattr (graph, AGEDGE, (char *)"weight", NULL);
  guint n_keys = 0;

  for (guint i = 0; i < edges->len; i++)
    {
      Agedge_t *edge = g_ptr_array_index (edges, i);
      MwActor *from, *to;
      const char *key = _mw_dot_edge_key (edge);
      MwTie *tie;

      if (i % 16384 == 0)
        mw_progress_report (0.8, 1, (double) i / edges->len);

      if (cursor != NULL)
        {
          const guint *ends = cursor->ends + 2 * i;

          read_nodes_to (network, actors, graph, cursor, MAX (ends[0], ends[1]));
          from = actors->by_seq[ends[0]];
          to = actors->by_seq[ends[1]];
        }
      else
        {
          from = actor_of (actors, agtail (edge));
          to = actor_of (actors, aghead (edge));
        }
      n_keys += key != NULL;
      tie = mw_network_add_tie (network, from, to,
                                read_tie_type (graph, edge, tie_sym),
                                read_weight (edge, weight_sym), key);
      read_edge_attributes (network, tie, graph, edge);
      if (release != NULL)
        _mw_dot_arena_release_edge (release, edge);
    }
  return n_keys;
}

/* Whether the graph can be freed while it is read: it has no subgraphs
 * (read again after the actors) and the parse deleted nothing (its lists
 * are whole). Every node named, its nodes too. */
static MwDotArena *
begin_release (Agraph_t  *graph,
               MwDotMade *made,
               gboolean  *nodes_too)
{
  MwDotArena *arena = _mw_dot_arena_of (graph);

  if (arena == NULL || made->deleted || agfstsubg (graph) != NULL)
    return NULL;

  *nodes_too = TRUE;
  for (guint i = 0; i < made->nodes->len && *nodes_too; i++)
    *nodes_too = node_has_name (g_ptr_array_index (made->nodes, i));

  _mw_dot_arena_begin_release (arena);
  made->released = TRUE;
  return arena;
}

/* The counts again, as cgraph read them: `{a b} -> {c d}` is one edge
 * operator and four ties. agnnodes() is a stored count; ties are counted
 * by _mw_dot_made_edges(). */
static MwNetwork *
network_from_graph (Agraph_t        *graph,
                    MwDotMade       *made,
                    const char      *source_name,
                    const MwLimits  *limits,
                    GError         **error)
{
  g_autoptr(MwNetwork) network = NULL;
  g_auto(ActorMap) actors = { NULL, 0 };
  g_autoptr(GPtrArray) nodes = NULL;
  g_autoptr(GPtrArray) edges = NULL;
  const char *name = agnameof (graph);
  g_autoptr(GHashTable) shared = g_hash_table_new_full (NULL, NULL, NULL, release_shared);
  g_autoptr(GHashTable) marks = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  gboolean nodes_too = FALSE;
  MwDotArena *release;
  NodeCursor cursor = { NULL, NULL, 0, shared, marks, NULL };

  if (!mw_limits_check_count ((guint)agnnodes (graph), limits->max_actors,
                              _("%s actors; the limit is %s"), source_name, error))
    return NULL;

  nodes = _mw_dot_made_nodes (graph, made);
  edges = _mw_dot_made_edges (graph, made);
  if (!mw_limits_check_count (edges->len, limits->max_ties,
                              _("%s ties; the limit is %s"), source_name, error))
    return NULL;

  network = mw_network_new ();
  actor_map_init (&actors, nodes);

  mw_network_begin_batch (network, "Load");

  if (name != NULL && *name != '%')
    mw_network_set_name (network, name);
  mw_network_set_directed (network, agisdirected (graph));
  mw_network_set_has_meshwork_attributes (network, _mw_dot_has_meshwork_attributes (graph));

  read_graph_attributes (network, graph);
  read_defaults (graph, AGNODE, mw_network_get_node_defaults (network));
  read_defaults (graph, AGEDGE, mw_network_get_edge_defaults (network));
  mw_network_set_strict (network, agisstrict (graph));
  release = begin_release (graph, made, &nodes_too);
  cursor.nodes = nodes;
  cursor.release = release;
  if (nodes_too)
    cursor.ends = _mw_dot_edge_ends (edges);
  else
    read_actors (network, &actors, graph, nodes);
  read_clusters (network, &actors, graph);
  read_subgraphs (network, &actors, graph);
  note_lossy_features (network, read_ties (network, &actors, graph, edges,
                                           nodes_too ? &cursor : NULL, release));
  if (nodes_too)
    read_nodes_to (network, &actors, graph, &cursor, G_MAXUINT64);

  mw_network_end_batch (network);
  g_free (cursor.ends);

  return g_steal_pointer (&network);
}

/* The pre-scan of a big file runs on the second core while cgraph parses
 * what it has passed (_mw_dot_gate_wait()); a small one is scanned first. */
#define SCAN_BESIDE_BYTES (1024 * 1024)

typedef struct
{
  const char     *text;
  gsize           length;
  const char     *source_name;
  const MwLimits *limits;
  MwDotGate      *gate;
  MwDotCounts     counts;
  GError         *error;
} ScanJob;

static gpointer
scan_thread (gpointer data)
{
  ScanJob *job = data;

  return GINT_TO_POINTER (_mw_dot_scan_structure (job->text, job->length, job->source_name,
                                                  job->limits, &job->counts, job->gate, &job->error));
}

/* Parses @text (UTF-8, NUL-terminated; freed here as soon as cgraph has
 * read it) and reads the graph into a network. The pre-scan's refusal
 * comes first, then cgraph's, as when the scan ran before the parse. */
static MwNetwork *
load_text (char            *text,
           const char      *source_name,
           const MwLimits  *limits,
           GError         **error)
{
  MwNetwork *network = NULL;
  MwDotMade made = { NULL, NULL, FALSE, FALSE };
  ScanJob job = { text, strlen (text), source_name, limits, NULL, { 0 }, NULL };
  g_autoptr(GError) parse_error = NULL;
  GThread *scanner = NULL;
  gboolean scanned = TRUE;
  Agraph_t *graph;

  if (job.length >= SCAN_BESIDE_BYTES)
    {
      job.gate = _mw_dot_gate_new (job.length);
      scanner = g_thread_new ("mw-dot-scan", scan_thread, &job);
    }
  else if (!_mw_dot_scan_structure (text, job.length, source_name, limits, &job.counts, NULL, error))
    {
      g_free (text);
      return NULL;
    }

  mw_graphviz_lock ();

  mw_progress_report (0, 1, PARSE_START);
  graph = parse_locked (text, job.length, job.gate, source_name, &made, &parse_error);
  if (scanner != NULL)
    {
      scanned = GPOINTER_TO_INT (g_thread_join (scanner));
      _mw_dot_gate_free (job.gate);
    }
  /* cgraph holds its own copies: the text need not outlive the parse */
  g_free (text);
  if (!scanned)
    g_propagate_error (error, g_steal_pointer (&job.error));
  else if (graph == NULL)
    g_propagate_error (error, g_steal_pointer (&parse_error));
  else if (!mw_progress_report (0, 1, PARSE_END))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("%s: opening was cancelled"), source_name);
  else
    network = network_from_graph (graph, &made, source_name, limits, error);
  if (network != NULL && job.counts.rest_line > 0)
    note_rest (network, job.counts.rest_line);
  /* freed as read: what is left goes at once, without a walk */
  if (made.released)
    _mw_dot_arena_drop (graph);

  mw_graphviz_unlock ();

  g_clear_error (&job.error);
  /* nobody waits for the graph to be freed */
  if (graph != NULL && !made.released)
    _mw_dot_close_later (graph);
  _mw_dot_made_clear (&made);

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
  MwLimits default_limits;
  char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* (NULL, 0) is an empty file, refused like any other */
  if (data == NULL)
    data = "";
  if (source_name == NULL)
    source_name = "<memory>";
  limits = mw_limits_or_default (limits, &default_limits);

  if (!mw_limits_check_size (limits, length, source_name, error))
    return NULL;

  text = _mw_dot_to_utf8 (data, length, source_name, error);
  if (text == NULL)
    return NULL;

  return load_text (text, source_name, limits, error);
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
  MwTextForm form;
  char *text;
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

  /* UTF-8 as read is parsed where it is: a copy would be one more file
   * size at the peak of the load */
  if (mw_text_bom_length (contents, length, &form) == 0 && g_utf8_validate (contents, length, NULL))
    return load_text (g_steal_pointer (&contents), display, limits, error);

  text = _mw_dot_to_utf8 (contents, length, display, error);
  g_clear_pointer (&contents, g_free);
  if (text == NULL)
    return NULL;

  return load_text (text, display, limits, error);
}
