/* mw-graphml-write.c: GraphML out: keys declared once, then nodes and edges
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-graphml"

#include "config.h"

#include <string.h>

#include "mw-graphml-private.h"
#include "mw-file.h"

/* ---------------------------------------------------------------------- */
/* Saving                                                                  */

/* Escaped for XML. A reader turns line breaks and tabs in an attribute
 * value into spaces, and CR LF anywhere into LF: those are written as
 * character references. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (*p == '\r')
        g_string_append (out, "&#13;");
      else if (attribute && *p == '\n')
        g_string_append (out, "&#10;");
      else if (attribute && *p == '\t')
        g_string_append (out, "&#9;");
      else
        g_string_append_c (out, *p);
    }
}

typedef struct
{
  GHashTable *graph;       /* attr name → key id */
  GHashTable *node;        /* Meshwork's fields */
  GHashTable *node_attrs;  /* other attributes */
  GHashTable *edge;
  GHashTable *edge_attrs;
  guint       next;
} KeyIds;

static void
collect_names (GHashTable *names,
               GHashTable *table)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (names, key);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static const char *
key_type (MwGraphmlDomain      domain,
          const char *name)
{
  static const char * const booleans[] = { "mw_purpose", "mw_initiative", "pin", NULL };
  static const char * const doubles[] = { "x", "y", NULL };

  if (domain == MW_GRAPHML_DOMAIN_NODE && g_strv_contains (booleans, name))
    return "boolean";
  if ((domain == MW_GRAPHML_DOMAIN_NODE && g_strv_contains (doubles, name)) ||
      (domain == MW_GRAPHML_DOMAIN_EDGE && strcmp (name, "weight") == 0))
    return "double";
  return "string";
}

static void
write_key (GString    *out,
           KeyIds     *ids,
           GHashTable *table,
           MwGraphmlDomain      domain,
           const char *name,
           gboolean    prefixed,
           const char *default_value)
{
  static const char * const domain_names[] = { "all", "graph", "node", "edge", "all" };
  char *id = g_strdup_printf ("d%u", ids->next++);

  g_hash_table_insert (table, (gpointer)name, id);
  g_string_append_printf (out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s", id, domain_names[domain],
                          prefixed ? MW_GRAPHML_ATTR_PREFIX : "");
  append_escaped (out, name, TRUE);
  g_string_append_printf (out, "\" attr.type=\"%s\"",
                          prefixed ? "string" : key_type (domain, name));
  if (default_value == NULL)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, "><default>");
  append_escaped (out, default_value, FALSE);
  g_string_append (out, "</default></key>\n");
}

/* Meshwork's keys first, then every other attribute name, sorted, so
 * that saving twice gives the same text. An attribute that has the name of
 * one of Meshwork's fields (a DOT file's own `x`, say) is written as
 * "mw_attr:x", and read back as `x`. */
static void
write_keys (GString            *out,
            KeyIds             *ids,
            GHashTable         *fields_table,
            GHashTable         *attrs_table,
            MwGraphmlDomain              domain,
            const char * const *fields,
            GHashTable         *names,
            GHashTable         *defaults)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    write_key (out, ids, fields_table, domain, fields[i], FALSE, NULL);

  if (defaults != NULL)
    collect_names (names, defaults);
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (sorted, name);
  g_ptr_array_sort (sorted, compare_names);

  for (guint i = 0; i < sorted->len; i++)
    {
      const char *key = g_ptr_array_index (sorted, i);
      write_key (out, ids, attrs_table, domain, key,
                 fields != NULL && g_strv_contains (fields, key),
                 defaults != NULL ? g_hash_table_lookup (defaults, key) : NULL);
    }
}

static void
write_data (GString    *out,
            const char *indent,
            GHashTable *ids,
            const char *name,
            const char *value)
{
  const char *id = g_hash_table_lookup (ids, name);

  if (id == NULL || value == NULL)
    return;
  g_string_append_printf (out, "%s<data key=\"%s\">", indent, id);
  append_escaped (out, value, FALSE);
  g_string_append (out, "</data>\n");
}

static void
write_table (GString    *out,
             const char *indent,
             GHashTable *ids,
             GHashTable *table)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer name;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_ptr_array_add (sorted, name);
  g_ptr_array_sort (sorted, compare_names);

  for (guint i = 0; i < sorted->len; i++)
    write_data (out, indent, ids, g_ptr_array_index (sorted, i),
                g_hash_table_lookup (table, g_ptr_array_index (sorted, i)));
}

static void
write_node (GString       *out,
            KeyIds        *ids,
            const MwActor *actor)
{
  const char *in = "      ";

  g_string_append (out, "    <node id=\"");
  append_escaped (out, actor->id, TRUE);
  g_string_append (out, "\">\n");

  write_data (out, in, ids->node, "label", actor->label);
  if (actor->kind != MW_ACTOR_PERSON)
    write_data (out, in, ids->node, "mw_kind", mw_actor_kind_to_string (actor->kind));
  if (*actor->org != '\0')
    write_data (out, in, ids->node, "mw_org", actor->org);
  if (*actor->unit != '\0')
    write_data (out, in, ids->node, "mw_unit", actor->unit);
  if (actor->purpose)
    write_data (out, in, ids->node, "mw_purpose", "true");
  if (actor->initiative)
    write_data (out, in, ids->node, "mw_initiative", "true");
  if (*actor->notes != '\0')
    write_data (out, in, ids->node, "mw_notes", actor->notes);
  if (actor->pinned)
    write_data (out, in, ids->node, "pin", "true");
  if (actor->has_position)
    {
      g_autofree char *x = mw_format_double (actor->x);
      g_autofree char *y = mw_format_double (-actor->y);

      write_data (out, in, ids->node, "x", x);
      write_data (out, in, ids->node, "y", y);
    }
  write_table (out, in, ids->node_attrs, actor->attrs);

  g_string_append (out, "    </node>\n");
}

static void
write_edge (GString     *out,
            KeyIds      *ids,
            const MwTie *tie)
{
  const char *in = "      ";

  g_string_append (out, "    <edge id=\"");
  append_escaped (out, tie->id, TRUE);
  g_string_append (out, "\" source=\"");
  append_escaped (out, tie->from->id, TRUE);
  g_string_append (out, "\" target=\"");
  append_escaped (out, tie->to->id, TRUE);
  g_string_append (out, "\">\n");

  write_data (out, in, ids->edge, "mw_tie", mw_tie_type_to_string (tie->type));
  /* on every edge, 1 too: for networkx or igraph an edge without it has
   * no weight, which is not what the file said */
  {
    g_autofree char *weight = mw_format_double (tie->weight);
    write_data (out, in, ids->edge, "weight", weight);
  }
  write_table (out, in, ids->edge_attrs, tie->attrs);

  g_string_append (out, "    </edge>\n");
}

static void
write_all_keys (GString   *out,
                KeyIds    *ids,
                MwNetwork *network)
{
  g_autoptr(GHashTable) node_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) edge_names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) graph_names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    collect_names (node_names, mw_network_get_actor (network, i)->attrs);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    collect_names (edge_names, mw_network_get_tie (network, i)->attrs);
  collect_names (graph_names, mw_network_get_attrs (network));

  write_keys (out, ids, NULL, ids->graph, MW_GRAPHML_DOMAIN_GRAPH, NULL, graph_names, NULL);
  write_keys (out, ids, ids->node, ids->node_attrs, MW_GRAPHML_DOMAIN_NODE, _mw_graphml_node_fields,
              node_names, mw_network_get_node_defaults (network));
  write_keys (out, ids, ids->edge, ids->edge_attrs, MW_GRAPHML_DOMAIN_EDGE, _mw_graphml_edge_fields,
              edge_names, mw_network_get_edge_defaults (network));
}

/**
 * mw_graphml_save_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): @network as GraphML, UTF-8
 */
char *
mw_graphml_save_data (MwNetwork *network,
                      gsize     *length)
{
  GString *out = g_string_new (NULL);
  KeyIds ids = { 0 };
  const char *name;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  ids.graph = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  ids.node = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  ids.edge = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  ids.node_attrs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  ids.edge_attrs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                   "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                   "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                   "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  write_all_keys (out, &ids, network);

  name = mw_network_get_name (network);
  g_string_append (out, "  <graph");
  if (name != NULL && *name != '\0')
    {
      g_string_append (out, " id=\"");
      append_escaped (out, name, TRUE);
      g_string_append (out, "\"");
    }
  g_string_append_printf (out, " edgedefault=\"%s\">\n",
                          mw_network_get_directed (network) ? "directed" : "undirected");
  write_table (out, "    ", ids.graph, mw_network_get_attrs (network));

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    write_node (out, &ids, mw_network_get_actor (network, i));
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    write_edge (out, &ids, mw_network_get_tie (network, i));

  g_string_append (out, "  </graph>\n</graphml>\n");

  g_hash_table_unref (ids.graph);
  g_hash_table_unref (ids.node);
  g_hash_table_unref (ids.edge);
  g_hash_table_unref (ids.node_attrs);
  g_hash_table_unref (ids.edge_attrs);

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * mw_graphml_save_file:
 *
 * Writes atomically (a temporary file, then a rename).
 */
gboolean
mw_graphml_save_file (MwNetwork   *network,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (MW_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = mw_graphml_save_data (network, &length);
  return mw_write_file (path, text, length, error);
}
