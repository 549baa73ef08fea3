/* mw-subgraph.c: a subgraph of a file, kept for the round trip
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include "mw-subgraph.h"

/**
 * mw_subgraph_new:
 * @name: (nullable): %NULL or "" for an anonymous subgraph
 *
 * Returns: (transfer full): an empty subgraph
 */
MwSubgraph *
mw_subgraph_new (const char *name)
{
  MwSubgraph *subgraph = g_new0 (MwSubgraph, 1);

  subgraph->name = g_strdup (name != NULL ? name : "");
  subgraph->attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  subgraph->members = g_ptr_array_new_with_free_func (g_free);
  subgraph->children = g_ptr_array_new_with_free_func ((GDestroyNotify)mw_subgraph_free);
  return subgraph;
}

/**
 * mw_subgraph_copy:
 *
 * Returns: (transfer full): a deep copy, children included
 */
MwSubgraph *
mw_subgraph_copy (const MwSubgraph *subgraph)
{
  MwSubgraph *copy = mw_subgraph_new (subgraph->name);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, subgraph->attrs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->attrs, g_strdup (key), g_strdup (value));
  for (guint i = 0; i < subgraph->members->len; i++)
    g_ptr_array_add (copy->members, g_strdup (g_ptr_array_index (subgraph->members, i)));
  for (guint i = 0; i < subgraph->children->len; i++)
    g_ptr_array_add (copy->children, mw_subgraph_copy (g_ptr_array_index (subgraph->children, i)));

  return copy;
}

void
mw_subgraph_free (MwSubgraph *subgraph)
{
  if (subgraph == NULL)
    return;

  g_free (subgraph->name);
  g_hash_table_unref (subgraph->attrs);
  g_ptr_array_unref (subgraph->members);
  g_ptr_array_unref (subgraph->children);
  g_free (subgraph);
}

/* Graphviz draws a box round a subgraph whose name starts with "cluster". */
gboolean
mw_subgraph_is_cluster (const MwSubgraph *subgraph)
{
  return g_ascii_strncasecmp (subgraph->name, "cluster", 7) == 0;
}
