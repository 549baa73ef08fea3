/* mw-graphml-read.c: GraphML in: keys, nodes, edges and yEd's or Gephi's extras to a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-graphml"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include "mw-graphml-private.h"
#include "mw-limits.h"
#include "mw-text.h"

#define MAX_DEPTH 256
#define MAX_KEYS  10000

/* Meshwork's fields, under the same names as in DOT files. x and y are
 * Gephi's position keys: points, y up like Graphviz's pos. */
const char * const _mw_graphml_node_fields[] = {
  "label", "mw_kind", "mw_org", "mw_unit", "mw_purpose", "mw_initiative", "mw_notes", "pin",
  "x", "y", NULL
};
const char * const _mw_graphml_edge_fields[] = { "mw_tie", "weight", NULL };

/* Attributes other tools use for a tie's type; read when their value is
 * one of the type's names or synonyms, and kept as they are. */
static const char * const type_attributes[] = {
  "type", "interaction", "relation", "relationship", "tie", NULL
};

typedef struct
{
  char    *id;
  char    *name;      /* attr.name, or the id when there is none */
  MwGraphmlDomain   domain;
  char    *default_value;
  gboolean graphics;  /* yEd's nodegraphics / edgegraphics: shapes, not text */
} Key;

typedef struct
{
  MwActor   *actor;
  int        label_priority;  /* 0 the id, 1 a "name", 2 a "label", 3 yEd's NodeLabel */
  double     x, y;            /* Gephi's, y up */
  gboolean   has_x, has_y;
  double     gx, gy;          /* yEd's geometry centre, y down */
  gboolean   has_geometry;
  GPtrArray *members;         /* (nullable) actors of a nested graph: a yEd group */
} NodeFrame;

typedef struct
{
  char       *id;
  char       *source;
  char       *target;
  int         directed;       /* -1 when the edge does not say */
  GHashTable *values;         /* attr.name → value */
  char       *label;          /* yEd's EdgeLabel */
} PendingEdge;

typedef struct
{
  const char          *source_name;
  const MwLimits      *limits;
  GMarkupParseContext *context;
  MwNetwork           *network;
  GHashTable          *keys;          /* id → Key */
  gboolean             seen_graph;
  guint                graph_depth;
  guint                depth;
  GArray              *nodes;         /* NodeFrame stack */
  PendingEdge         *edge;          /* the <edge> being read */
  GPtrArray           *edges;         /* PendingEdge*, made into ties at the end */
  Key                 *key;           /* the <key> being read */
  GString             *text;          /* of <data> or <default> */
  Key                 *data_key;      /* the <data> being read */
  guint                data_depth;
  gboolean             data_has_elements;
  guint                label_depth;   /* inside yEd's NodeLabel / EdgeLabel when > 0 */
  GString             *label;
  gboolean             label_done;
  gboolean             geometry_done;
  /* what is not read, named among what a save cannot keep */
  guint                skip_depth;    /* inside a later graph or a hyperedge when > 0 */
  guint                n_later_graphs;
  char                *later_id;      /* the first later graph's id */
  guint                n_hyperedges;
} Loader;

static void
key_free (Key *key)
{
  g_free (key->id);
  g_free (key->name);
  g_free (key->default_value);
  g_free (key);
}

static void
pending_edge_free (PendingEdge *edge)
{
  g_free (edge->id);
  g_free (edge->source);
  g_free (edge->target);
  g_free (edge->label);
  g_hash_table_unref (edge->values);
  g_free (edge);
}

static void
node_frame_clear (NodeFrame *frame)
{
  g_clear_pointer (&frame->members, g_ptr_array_unref);
}

static gboolean
fail (Loader      *loader,
      GError     **error,
      MwError      code,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

/* Sets @error naming the file, line and column where the parser is. */
static gboolean
fail (Loader      *loader,
      GError     **error,
      MwError      code,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  int line = 0, column = 0;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_markup_parse_context_get_position (loader->context, &line, &column);
  g_set_error (error, MW_ERROR, code, "%s:%d:%d: %s", loader->source_name, line, column, message);
  return FALSE;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], wanted) == 0)
      return values[i];
  return NULL;
}

/* "y:NodeLabel" and "NodeLabel" alike */
static gboolean
local_name_is (const char *element,
               const char *local)
{
  const char *colon = strrchr (element, ':');
  return strcmp (colon != NULL ? colon + 1 : element, local) == 0;
}

static MwGraphmlDomain
parse_domain (const char *value)
{
  if (value == NULL || strcmp (value, "all") == 0)
    return MW_GRAPHML_DOMAIN_ALL;
  if (strcmp (value, "graph") == 0)
    return MW_GRAPHML_DOMAIN_GRAPH;
  if (strcmp (value, "node") == 0)
    return MW_GRAPHML_DOMAIN_NODE;
  if (strcmp (value, "edge") == 0)
    return MW_GRAPHML_DOMAIN_EDGE;
  return MW_GRAPHML_DOMAIN_OTHER;
}

/* ---------------------------------------------------------------------- */
/* Elements                                                                */

static gboolean
start_key (Loader       *loader,
           const char  **names,
           const char  **values,
           GError      **error)
{
  const char *id = find_attribute (names, values, "id");
  const char *name = find_attribute (names, values, "attr.name");
  const char *yfiles = find_attribute (names, values, "yfiles.type");
  Key *key;

  if (id == NULL)
    return fail (loader, error, MW_ERROR_PARSE, "a <key> without an id");
  if (g_hash_table_size (loader->keys) >= MAX_KEYS)
    return fail (loader, error, MW_ERROR_LIMIT, "more than %u keys", MAX_KEYS);

  key = g_new0 (Key, 1);
  key->id = g_strdup (id);
  key->name = g_strdup (name != NULL ? name : id);
  key->domain = parse_domain (find_attribute (names, values, "for"));
  key->graphics = yfiles != NULL && g_str_has_suffix (yfiles, "graphics");
  g_hash_table_replace (loader->keys, key->id, key);
  if (g_str_has_prefix (key->name, "mw_") && !g_str_has_prefix (key->name, MW_GRAPHML_ATTR_PREFIX))
    mw_network_set_has_meshwork_attributes (loader->network, TRUE);

  loader->key = key;
  return TRUE;
}

static gboolean
start_graph (Loader       *loader,
             const char  **names,
             const char  **values,
             GError      **error)
{
  const char *edgedefault = find_attribute (names, values, "edgedefault");
  const char *id = find_attribute (names, values, "id");

  loader->graph_depth++;
  if (loader->graph_depth > 1)
    {
      /* a graph inside a node: yEd's group, its nodes the members */
      if (loader->nodes->len > 0)
        {
          NodeFrame *group = &g_array_index (loader->nodes, NodeFrame, loader->nodes->len - 1);
          if (group->members == NULL)
            group->members = g_ptr_array_new ();
        }
      return TRUE;
    }

  loader->seen_graph = TRUE;
  mw_network_set_directed (loader->network, g_strcmp0 (edgedefault, "undirected") != 0);
  if (id != NULL && *id != '\0')
    mw_network_set_name (loader->network, id);
  return TRUE;
}

static gboolean
start_node (Loader       *loader,
            const char  **names,
            const char  **values,
            GError      **error)
{
  const char *id = find_attribute (names, values, "id");
  NodeFrame frame = { NULL, 0, 0, 0, FALSE, FALSE, 0, 0, FALSE, NULL };

  if (id == NULL || *id == '\0')
    return fail (loader, error, MW_ERROR_PARSE, "a <node> without an id");
  if (!g_utf8_validate (id, -1, NULL))
    return fail (loader, error, MW_ERROR_ENCODING, "a node id that is not valid UTF-8");

  frame.actor = mw_network_lookup_actor (loader->network, id);
  if (frame.actor == NULL)
    {
      if (mw_network_get_n_actors (loader->network) >= loader->limits->max_actors)
        return fail (loader, error, MW_ERROR_LIMIT, "more than %u nodes", loader->limits->max_actors);
      frame.actor = mw_network_add_actor (loader->network, id, NULL, MW_ACTOR_PERSON, error);
      if (frame.actor == NULL)
        return FALSE;
    }

  if (loader->nodes->len > 0)
    {
      NodeFrame *group = &g_array_index (loader->nodes, NodeFrame, loader->nodes->len - 1);
      if (group->members != NULL)
        g_ptr_array_add (group->members, frame.actor);
    }

  g_array_append_val (loader->nodes, frame);
  return TRUE;
}

static gboolean
start_edge (Loader       *loader,
            const char  **names,
            const char  **values,
            GError      **error)
{
  const char *source = find_attribute (names, values, "source");
  const char *target = find_attribute (names, values, "target");
  const char *directed = find_attribute (names, values, "directed");

  if (source == NULL || target == NULL || *source == '\0' || *target == '\0')
    return fail (loader, error, MW_ERROR_PARSE, "an <edge> without a source or a target");
  if (loader->edges->len >= loader->limits->max_ties)
    return fail (loader, error, MW_ERROR_LIMIT, "more than %u edges", loader->limits->max_ties);

  loader->edge = g_new0 (PendingEdge, 1);
  loader->edge->id = g_strdup (find_attribute (names, values, "id"));
  loader->edge->source = g_strdup (source);
  loader->edge->target = g_strdup (target);
  loader->edge->directed = directed == NULL ? -1 : strcmp (directed, "true") == 0;
  loader->edge->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return TRUE;
}

static gboolean
start_data (Loader       *loader,
            const char  **names,
            const char  **values,
            GError      **error)
{
  const char *id = find_attribute (names, values, "key");
  Key *key;

  if (id == NULL)
    return fail (loader, error, MW_ERROR_PARSE, "a <data> without a key");

  key = g_hash_table_lookup (loader->keys, id);
  if (key == NULL)
    {
      /* tolerated: the value is kept under the key's id */
      key = g_new0 (Key, 1);
      key->id = g_strdup (id);
      key->name = g_strdup (id);
      key->domain = MW_GRAPHML_DOMAIN_ALL;
      g_hash_table_replace (loader->keys, key->id, key);
    }

  loader->data_key = key;
  loader->data_depth = loader->depth;
  loader->data_has_elements = FALSE;
  loader->label_done = FALSE;
  loader->geometry_done = FALSE;
  g_string_truncate (loader->text, 0);
  return TRUE;
}

/* yEd keeps the label and the box inside <data>: y:ShapeNode (or
 * GenericNode, GroupNode…) > y:NodeLabel, y:Geometry. The first of each
 * counts. */
static void
start_graphics_element (Loader       *loader,
                        const char   *element,
                        const char  **names,
                        const char  **values)
{
  loader->data_has_elements = TRUE;

  if (!loader->label_done && loader->label_depth == 0 &&
      (local_name_is (element, "NodeLabel") || local_name_is (element, "EdgeLabel")))
    {
      loader->label_depth = loader->depth;
      g_string_truncate (loader->label, 0);
    }
  else if (!loader->geometry_done && loader->nodes->len > 0 && loader->edge == NULL &&
           local_name_is (element, "Geometry"))
    {
      NodeFrame *frame = &g_array_index (loader->nodes, NodeFrame, loader->nodes->len - 1);
      const char *x = find_attribute (names, values, "x");
      const char *y = find_attribute (names, values, "y");
      const char *w = find_attribute (names, values, "width");
      const char *h = find_attribute (names, values, "height");

      loader->geometry_done = TRUE;
      if (x == NULL || y == NULL)
        return;
      frame->gx = g_ascii_strtod (x, NULL) + (w != NULL ? g_ascii_strtod (w, NULL) / 2 : 0);
      frame->gy = g_ascii_strtod (y, NULL) + (h != NULL ? g_ascii_strtod (h, NULL) / 2 : 0);
      frame->has_geometry = isfinite (frame->gx) && isfinite (frame->gy);
    }
}

/* Like yEd, Gephi and networkx, the first <graph> is read. Later ones and
 * hyperedges were merged in or dropped without a word (a later graph's
 * edgedefault even turned the first's ties directed): now skipped, and
 * counted for mw_network_add_lossy_feature(). */
static gboolean
skip_unread (Loader      *loader,
             const char  *element,
             const char **names,
             const char **values)
{
  if (strcmp (element, "graph") == 0 && loader->graph_depth == 0 && loader->seen_graph)
    {
      if (loader->n_later_graphs++ == 0)
        loader->later_id = g_strdup (find_attribute (names, values, "id"));
    }
  else if (strcmp (element, "hyperedge") == 0)
    loader->n_hyperedges++;
  else
    return FALSE;

  loader->skip_depth = loader->depth;
  return TRUE;
}

static void
note_unread (Loader *loader)
{
  if (loader->n_later_graphs > 0)
    {
      guint n = loader->n_later_graphs;
      g_autofree char *what = NULL;

      if (loader->later_id != NULL && *loader->later_id != '\0')
        /* Translators: "1 graph after the first (“H”)": H is the graph's id in the file */
        what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u graph after the first (“%s”)",
                                             "%u graphs after the first (“%s”, …)", n), n, loader->later_id);
      else
        what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u graph after the first",
                                             "%u graphs after the first", n), n);
      mw_network_add_lossy_feature (loader->network, what);
    }
  if (loader->n_hyperedges > 0)
    {
      /* Translators: GraphML's edges that join more than two nodes */
      g_autofree char *what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hyperedge", "%u hyperedges",
                                                            loader->n_hyperedges), loader->n_hyperedges);
      mw_network_add_lossy_feature (loader->network, what);
    }
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  Loader *loader = user_data;

  if (++loader->depth > MAX_DEPTH)
    fail (loader, error, MW_ERROR_LIMIT, "elements are nested deeper than %u", MAX_DEPTH);
  else if (loader->skip_depth > 0)
    ;
  else if (loader->data_key == NULL && loader->key == NULL && loader->edge == NULL &&
           skip_unread (loader, element, names, values))
    ;
  else if (loader->data_key != NULL)
    start_graphics_element (loader, element, names, values);
  else if (loader->key != NULL)
    g_string_truncate (loader->text, 0);   /* <default> */
  else if (loader->edge != NULL && (strcmp (element, "node") == 0 || strcmp (element, "edge") == 0 ||
                                    strcmp (element, "graph") == 0))
    fail (loader, error, MW_ERROR_PARSE, "<%s> is not allowed inside an <edge>", element);
  else if (strcmp (element, "key") == 0)
    start_key (loader, names, values, error);
  else if (strcmp (element, "graph") == 0)
    start_graph (loader, names, values, error);
  else if (strcmp (element, "node") == 0)
    start_node (loader, names, values, error);
  else if (strcmp (element, "edge") == 0)
    start_edge (loader, names, values, error);
  else if (strcmp (element, "data") == 0)
    start_data (loader, names, values, error);
  else if (loader->depth == 1 && strcmp (element, "graphml") != 0)
    fail (loader, error, MW_ERROR_PARSE, "the document is <%s>, not <graphml>", element);
}

static void
text_cb (GMarkupParseContext  *context,
         const char           *text,
         gsize                 length,
         gpointer              user_data,
         GError              **error)
{
  Loader *loader = user_data;
  GString *target = NULL;

  if (loader->label_depth > 0 && loader->depth == loader->label_depth)
    target = loader->label;
  else if ((loader->data_key != NULL && loader->depth == loader->data_depth) || loader->key != NULL)
    target = loader->text;

  if (target == NULL)
    return;

  if (target->len + length > loader->limits->max_string)
    {
      fail (loader, error, MW_ERROR_LIMIT, "a value is longer than Meshwork accepts");
      return;
    }
  g_string_append_len (target, text, length);
}

/* ---------------------------------------------------------------------- */
/* Values                                                                  */

static void
set_label (NodeFrame  *frame,
           MwNetwork  *network,
           const char *label,
           int         priority)
{
  if (priority <= frame->label_priority || *label == '\0')
    return;
  frame->label_priority = priority;
  mw_network_set_actor_label (network, frame->actor, label);
}

static void
apply_node_value (Loader     *loader,
                  NodeFrame  *frame,
                  const char *name,
                  const char *value)
{
  MwNetwork *network = loader->network;
  MwActor *actor = frame->actor;
  MwActorKind kind;

  if (g_str_has_prefix (name, MW_GRAPHML_ATTR_PREFIX))
    mw_network_set_actor_attr (network, actor, name + strlen (MW_GRAPHML_ATTR_PREFIX), value);
  else if (g_ascii_strcasecmp (name, "label") == 0)
    set_label (frame, network, value, 2);
  else if (strcmp (name, "mw_kind") == 0 && mw_actor_kind_from_string (value, &kind))
    mw_network_set_actor_kind (network, actor, kind);
  else if (strcmp (name, "mw_org") == 0)
    mw_network_set_actor_org (network, actor, value);
  else if (strcmp (name, "mw_unit") == 0)
    mw_network_set_actor_unit (network, actor, value);
  else if (strcmp (name, "mw_notes") == 0)
    mw_network_set_actor_notes (network, actor, value);
  else if (strcmp (name, "mw_purpose") == 0)
    mw_network_set_actor_purpose (network, actor, mw_parse_bool (value));
  else if (strcmp (name, "mw_initiative") == 0)
    mw_network_set_actor_initiative (network, actor, mw_parse_bool (value));
  else if (strcmp (name, "pin") == 0)
    mw_network_set_actor_pinned (network, actor, mw_parse_bool (value));
  else if (strcmp (name, "x") == 0 || strcmp (name, "y") == 0)
    {
      char *end;
      double v = g_ascii_strtod (value, &end);

      if (end == value || !isfinite (v))
        mw_network_set_actor_attr (network, actor, name, value);
      else if (*name == 'x')
        frame->x = v, frame->has_x = TRUE;
      else
        frame->y = v, frame->has_y = TRUE;
    }
  else
    {
      /* Cytoscape's and igraph's "name" is the label when nothing better says */
      if (g_ascii_strcasecmp (name, "name") == 0)
        set_label (frame, network, value, 1);
      mw_network_set_actor_attr (network, actor, name, value);
    }
}

static void
end_data (Loader *loader)
{
  Key *key = loader->data_key;
  const char *value = loader->text->str;

  loader->data_key = NULL;

  if (loader->edge != NULL)
    {
      if (key->graphics && loader->label_done && loader->edge->label == NULL)
        loader->edge->label = g_strdup (g_strstrip (loader->label->str));
      else if (!key->graphics && !loader->data_has_elements)
        g_hash_table_replace (loader->edge->values, g_strdup (key->name), g_strdup (value));
    }
  else if (loader->nodes->len > 0)
    {
      NodeFrame *frame = &g_array_index (loader->nodes, NodeFrame, loader->nodes->len - 1);

      if (key->graphics || loader->data_has_elements)
        {
          if (loader->label_done)
            set_label (frame, loader->network, g_strstrip (loader->label->str), 3);
        }
      else
        apply_node_value (loader, frame, key->name, value);
    }
  else if (loader->graph_depth == 1 && !key->graphics && !loader->data_has_elements && *value != '\0')
    {
      const char *name = key->name;

      if (g_str_has_prefix (name, MW_GRAPHML_ATTR_PREFIX))
        name += strlen (MW_GRAPHML_ATTR_PREFIX);
      mw_network_set_attr (loader->network, name, value);
    }
}

/* Positions: yEd's geometry (y down) first, else Gephi's x and y (y up). */
static void
end_node (Loader *loader)
{
  NodeFrame *frame = &g_array_index (loader->nodes, NodeFrame, loader->nodes->len - 1);
  MwActor *actor = frame->actor;

  if (frame->has_geometry)
    mw_network_set_actor_position (loader->network, actor, frame->gx, frame->gy);
  else if (frame->has_x && frame->has_y)
    mw_network_set_actor_position (loader->network, actor, frame->x, -frame->y);

  /* a yEd group is a team; its members belong to it unless they say otherwise */
  if (frame->members != NULL && frame->members->len > 0)
    {
      mw_network_set_actor_kind (loader->network, actor, MW_ACTOR_TEAM);
      for (guint i = 0; i < frame->members->len; i++)
        {
          MwActor *member = g_ptr_array_index (frame->members, i);

          if (*member->unit == '\0')
            mw_network_set_actor_unit (loader->network, member, actor->label);
        }
    }

  node_frame_clear (frame);
  g_array_set_size (loader->nodes, loader->nodes->len - 1);
}

static void
end_element_cb (GMarkupParseContext  *context,
                const char           *element,
                gpointer              user_data,
                GError              **error)
{
  Loader *loader = user_data;

  if (loader->skip_depth > 0)
    {
      if (loader->depth == loader->skip_depth)
        loader->skip_depth = 0;
    }
  else if (loader->label_depth > 0 && loader->depth == loader->label_depth)
    {
      loader->label_depth = 0;
      loader->label_done = TRUE;
    }
  else if (loader->data_key != NULL && loader->depth == loader->data_depth)
    end_data (loader);
  else if (loader->data_key != NULL)
    ;   /* inside yEd's graphics */
  else if (loader->key != NULL && strcmp (element, "default") == 0)
    mw_set_str (&loader->key->default_value, loader->text->str);
  else if (strcmp (element, "key") == 0)
    loader->key = NULL;
  else if (strcmp (element, "node") == 0 && loader->nodes->len > 0)
    end_node (loader);
  else if (strcmp (element, "edge") == 0 && loader->edge != NULL)
    g_ptr_array_add (loader->edges, g_steal_pointer (&loader->edge));
  else if (strcmp (element, "graph") == 0)
    loader->graph_depth--;

  loader->depth--;
}

static const GMarkupParser graphml_parser = {
  start_element_cb, end_element_cb, text_cb, NULL, NULL
};

/* ---------------------------------------------------------------------- */
/* After the document                                                      */

static MwTieType
edge_type (Loader      *loader,
           PendingEdge *edge,
           gboolean     directed)
{
  const char *value = g_hash_table_lookup (edge->values, "mw_tie");
  MwTieType type;

  if (value != NULL && mw_tie_type_from_synonym (value, &type))
    return type;

  for (guint i = 0; type_attributes[i] != NULL; i++)
    {
      value = g_hash_table_lookup (edge->values, type_attributes[i]);
      if (value != NULL && mw_tie_type_from_synonym (value, &type))
        return type;
    }

  /* other tools' edges, as in DOT files */
  return directed ? MW_TIE_INFLUENCES : MW_TIE_COLLABORATES;
}

/* GraphML wants nodes declared; networks written by hand sometimes do
 * not, and their edges add them (within the limit). */
static MwActor *
edge_end (Loader      *loader,
          const char  *id,
          GError     **error)
{
  MwActor *actor = mw_network_lookup_actor (loader->network, id);

  if (actor != NULL)
    return actor;

  if (mw_network_get_n_actors (loader->network) >= loader->limits->max_actors)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_LIMIT, _("%s: more than %u nodes"),
                   loader->source_name, loader->limits->max_actors);
      return NULL;
    }
  return mw_network_add_actor (loader->network, id, NULL, MW_ACTOR_PERSON, error);
}

static gboolean
make_ties (Loader  *loader,
           GError **error)
{
  Key *weight_key = NULL;
  double default_weight = 1.0;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, loader->keys);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Key *)value)->domain == MW_GRAPHML_DOMAIN_EDGE &&
        g_ascii_strcasecmp (((Key *)value)->name, "weight") == 0)
      weight_key = value;
  if (weight_key != NULL && !mw_parse_number (weight_key->default_value, &default_weight))
    default_weight = 1.0;

  for (guint i = 0; i < loader->edges->len; i++)
    {
      PendingEdge *edge = g_ptr_array_index (loader->edges, i);
      gboolean directed = edge->directed >= 0 ? edge->directed : mw_network_get_directed (loader->network);
      MwActor *from, *to;
      double weight = default_weight;
      const char *weight_text = NULL;
      GHashTableIter values;
      gpointer name, text;
      MwTie *tie;

      if ((from = edge_end (loader, edge->source, error)) == NULL ||
          (to = edge_end (loader, edge->target, error)) == NULL)
        return FALSE;

      g_hash_table_iter_init (&values, edge->values);
      while (g_hash_table_iter_next (&values, &name, &text))
        if (g_ascii_strcasecmp (name, "weight") == 0)
          weight_text = text;
      if (weight_text != NULL && !mw_parse_number (weight_text, &weight))
        weight_text = NULL, weight = 1.0;

      tie = mw_network_add_tie (loader->network, from, to, edge_type (loader, edge, directed),
                                weight, edge->id);

      g_hash_table_iter_init (&values, edge->values);
      while (g_hash_table_iter_next (&values, &name, &text))
        if (g_str_has_prefix (name, MW_GRAPHML_ATTR_PREFIX))
          mw_network_set_tie_attr (loader->network, tie, (char *)name + strlen (MW_GRAPHML_ATTR_PREFIX), text);
        else if (strcmp (name, "mw_tie") != 0 && text != weight_text)
          mw_network_set_tie_attr (loader->network, tie, name, text);
      if (edge->label != NULL && *edge->label != '\0')
        mw_network_set_tie_attr (loader->network, tie, "label", edge->label);
    }

  return TRUE;
}

/* Defaults of other tools' keys become the file's node and edge defaults,
 * as DOT's node [...] and edge [...] are. */
static void
read_defaults (Loader *loader)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, loader->keys);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Key *key = value;
      gboolean prefixed = g_str_has_prefix (key->name, MW_GRAPHML_ATTR_PREFIX);
      const char *name = key->name + (prefixed ? strlen (MW_GRAPHML_ATTR_PREFIX) : 0);

      if (key->default_value == NULL || key->graphics)
        continue;
      if ((key->domain == MW_GRAPHML_DOMAIN_NODE || key->domain == MW_GRAPHML_DOMAIN_ALL) &&
          (prefixed || !g_strv_contains (_mw_graphml_node_fields, name)))
        g_hash_table_replace (mw_network_get_node_defaults (loader->network),
                              g_strdup (name), g_strdup (key->default_value));
      if ((key->domain == MW_GRAPHML_DOMAIN_EDGE || key->domain == MW_GRAPHML_DOMAIN_ALL) &&
          (prefixed || (!g_strv_contains (_mw_graphml_edge_fields, name) &&
                        g_ascii_strcasecmp (name, "weight") != 0)))
        g_hash_table_replace (mw_network_get_edge_defaults (loader->network),
                              g_strdup (name), g_strdup (key->default_value));
    }
}

/* ---------------------------------------------------------------------- */
/* Loading                                                                 */

static guint
line_of (const char *text,
         const char *at)
{
  guint line = 1;

  for (const char *p = text; p < at; p++)
    line += (*p == '\n');
  return line;
}

/* The text as UTF-8: a BOM dropped, UTF-16, UTF-32 or a declared encoding converted. */
static char *
to_utf8 (const char  *data,
         gsize        length,
         const char  *source_name,
         GError     **error)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *head = NULL;
  g_autofree char *encoding = NULL;
  g_autoptr(GError) convert_error = NULL;
  g_autoptr(GError) wide_error = NULL;
  const char *from = NULL;
  const char *end;
  gsize unwrapped_length;
  char *text;

  /* a byte order mark, UTF-16 or UTF-32: the declaration is then moot */
  text = mw_text_to_utf8 (data, length, source_name, &unwrapped_length, &wide_error);
  if (text != NULL || wide_error != NULL)
    {
      if (wide_error != NULL)
        g_propagate_error (error, g_steal_pointer (&wide_error));
      else if (!g_utf8_validate (text, unwrapped_length, &end))
        {
          g_set_error (error, MW_ERROR, MW_ERROR_ENCODING,
                       _("%s:%u: the text is not valid UTF-8 (and no encoding is declared)"), source_name,
                       line_of (text, end));
          g_clear_pointer (&text, g_free);
        }
      return text;
    }

  head = g_strndup (data, MIN (length, 200));
  regex = g_regex_new ("^<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]+)", G_REGEX_RAW, 0, NULL);
  if (g_regex_match (regex, head, 0, &match))
    encoding = g_match_info_fetch (match, 1);
  if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0 &&
      g_ascii_strcasecmp (encoding, "UTF8") != 0 && g_ascii_strcasecmp (encoding, "US-ASCII") != 0)
    from = encoding;

  if (from != NULL)
    {
      text = g_convert (data, length, "UTF-8", from, NULL, NULL, &convert_error);
      if (text == NULL)
        g_set_error (error, MW_ERROR, MW_ERROR_ENCODING, _("%s: cannot read the text as %s: %s"),
                     source_name, from, convert_error->message);
      return text;
    }

  if (!g_utf8_validate (data, length, &end))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_ENCODING,
                   _("%s:%u: the text is not valid UTF-8 (and no encoding is declared)"), source_name,
                   line_of (data, end));
      return NULL;
    }

  return g_strndup (data, length);
}

/* GMarkup says "Error on line 3 char 7: …"; say it as the DOT loader does. */
static void
set_markup_error (Loader  *loader,
                  GError  *markup_error,
                  GError **error)
{
  const char *message = markup_error->message;
  const char *colon = strstr (message, ": ");
  g_autofree char *valid = NULL;
  int line = 0, column = 0;

  if (markup_error->domain == MW_ERROR)
    {
      g_propagate_error (error, g_error_copy (markup_error));
      return;
    }

  if (g_str_has_prefix (message, "Error on line ") && colon != NULL)
    message = colon + 2;
  /* GMarkup may quote half a character of the text it refuses */
  valid = g_utf8_make_valid (message, -1);
  g_markup_parse_context_get_position (loader->context, &line, &column);
  g_set_error (error, MW_ERROR, MW_ERROR_PARSE, "%s:%d:%d: %s", loader->source_name, line, column, valid);
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->context, g_markup_parse_context_free);
  g_clear_object (&loader->network);
  g_clear_pointer (&loader->keys, g_hash_table_unref);
  if (loader->nodes != NULL)
    for (guint i = 0; i < loader->nodes->len; i++)
      node_frame_clear (&g_array_index (loader->nodes, NodeFrame, i));
  g_clear_pointer (&loader->nodes, g_array_unref);
  g_clear_pointer (&loader->edge, pending_edge_free);
  g_clear_pointer (&loader->edges, g_ptr_array_unref);
  if (loader->text != NULL)
    g_string_free (g_steal_pointer (&loader->text), TRUE);
  if (loader->label != NULL)
    g_string_free (g_steal_pointer (&loader->label), TRUE);
  g_clear_pointer (&loader->later_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loader, loader_clear)

static gboolean
parse_text (Loader     *loader,
            const char *text,
            GError    **error)
{
  g_autoptr(GError) markup_error = NULL;

  loader->context = g_markup_parse_context_new (&graphml_parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                                loader, NULL);

  if (!g_markup_parse_context_parse (loader->context, text, strlen (text), &markup_error) ||
      !g_markup_parse_context_end_parse (loader->context, &markup_error))
    {
      set_markup_error (loader, markup_error, error);
      return FALSE;
    }

  if (!loader->seen_graph)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_EMPTY, _("%s: the file contains no <graph>"), loader->source_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * mw_graphml_load_data:
 * @source_name: (nullable): the file's name, for messages
 * @limits: (nullable): the defaults when %NULL (file size, nodes, edges,
 *   one value's length)
 *
 * Reads GraphML as yEd, Gephi, Cytoscape, networkx and igraph write it.
 * Meshwork's fields come from keys named as the DOT attributes are
 * (`mw_kind`, `mw_org`…); every other key's values are kept as actor, tie
 * or graph attributes. Node labels: yEd's NodeLabel, else `label`, else
 * `name`. Positions: yEd's geometry, else `x`/`y` keys (y up).
 *
 * Returns: (transfer full) (nullable): the network, or %NULL with @error
 *   naming the file, line and column
 */
MwNetwork *
mw_graphml_load_data (const char      *data,
                      gsize            length,
                      const char      *source_name,
                      const MwLimits  *limits,
                      GError         **error)
{
  g_auto(Loader) loader = { 0 };
  g_autofree char *text = NULL;
  MwLimits default_limits;
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (source_name == NULL)
    source_name = "<memory>";
  limits = mw_limits_or_default (limits, &default_limits);

  if (!mw_limits_check_size (limits, length, source_name, error))
    return NULL;

  text = to_utf8 (data, length, source_name, error);
  if (text == NULL)
    return NULL;
  if (strlen (text) == 0)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_EMPTY, _("%s: the file is empty"), source_name);
      return NULL;
    }

  loader.source_name = source_name;
  loader.limits = limits;
  loader.network = mw_network_new ();
  loader.keys = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)key_free);
  loader.nodes = g_array_new (FALSE, TRUE, sizeof (NodeFrame));
  loader.edges = g_ptr_array_new_with_free_func ((GDestroyNotify)pending_edge_free);
  loader.text = g_string_new (NULL);
  loader.label = g_string_new (NULL);

  mw_network_begin_batch (loader.network, "Load");
  ok = parse_text (&loader, text, error) && make_ties (&loader, error);
  if (ok)
    {
      read_defaults (&loader);
      note_unread (&loader);
    }
  mw_network_end_batch (loader.network);

  return ok ? g_steal_pointer (&loader.network) : NULL;
}

/**
 * mw_graphml_load_file:
 *
 * Returns: (transfer full) (nullable): the network in @path
 */
MwNetwork *
mw_graphml_load_file (const char      *path,
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

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL || !g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", display, local_error->message);
      return NULL;
    }
  if ((guint64)g_file_info_get_size (info) > limits->max_bytes)
    {
      g_autofree char *limit_text = g_strdup_printf ("%" G_GSIZE_FORMAT, limits->max_bytes);

      g_set_error (error, MW_ERROR, MW_ERROR_LIMIT, _("%s: the file is larger than the limit of %s bytes"),
                   display, limit_text);
      return NULL;
    }

  return mw_graphml_load_data (contents, length, display, limits, error);
}
