/* mw-dot-save.c: DOT out: a network written through cgraph, in a stable order
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-dot"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>

#include "mw-dot-private.h"
#include "mw-file.h"
#include "mw-graphviz-lock.h"
#include "mw-label.h"

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

/* An HTML-like string goes out between angle brackets, as it came in:
 * cgraph writes a value as HTML when its pool string is marked so. HTML
 * text needs none of writable()'s care (no quotes, no escapes). */
static void
set_html_attr (void       *object,
               const char *name,
               const char *value)
{
  Agraph_t *graph = agraphof (object);
  g_autofree char *safe_name = writable (name);
  Agsym_t *sym = agattr (agroot (graph), AGTYPE (object), safe_name, NULL);
  char *html = agstrdup_html (agroot (graph), (char *)value);

  if (sym == NULL)
    sym = agattr (agroot (graph), AGTYPE (object), safe_name, (char *)"");
  agxset (object, sym, html);
  agstrfree (agroot (graph), html);
}

static void
set_kept_attr (void       *object,
               GHashTable *table,
               const char *name,
               const char *value)
{
  if (mw_attrs_value_is_html (table, name, value))
    set_html_attr (object, name, value);
  else
    set_attr (object, name, value);
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
    {
      const char *key = g_ptr_array_index (keys, i);

      if (!mw_is_html_mark_key (key))
        set_kept_attr (object, table, key, g_hash_table_lookup (table, key));
    }
}

static void
declare_defaults (Agraph_t   *graph,
                  int         kind,
                  GHashTable *defaults)
{
  GHashTableIter iter;
  gpointer key, value;
  Agsym_t *sym;

  g_hash_table_iter_init (&iter, defaults);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autofree char *safe_key = writable (key);
      g_autofree char *safe_value = writable (value);

      if (mw_is_html_mark_key (key))
        continue;
      if (mw_attrs_value_is_html (defaults, key, value))
        {
          char *html = agstrdup_html (graph, value);

          sym = agattr (graph, kind, safe_key, html);
          agstrfree (graph, html);
        }
      else
        sym = agattr (graph, kind, safe_key, safe_value);
      /* written even when "" (`node [label=""]`), as the file said it */
      sym->print = TRUE;
    }
}

/* Whether the actor's label is the file's declared `node [label=…]`,
 * which it then inherits rather than repeats. */
static gboolean
is_default_label (const MwActor *actor,
                  GHashTable    *defaults)
{
  const char *label = g_hash_table_lookup (defaults, "label");

  if (label == NULL || strcmp (label, actor->label) != 0)
    return FALSE;
  /* the same text with the same mark (or none) is HTML on both or neither,
   * known without a checksum of a long shared label per actor */
  if (g_strcmp0 (g_hash_table_lookup (defaults, MW_HTML_MARK "label"),
                 g_hash_table_lookup (actor->attrs, MW_HTML_MARK "label")) == 0)
    return TRUE;
  return mw_attrs_value_is_html (defaults, "label", label) ==
         mw_attrs_value_is_html (actor->attrs, "label", actor->label);
}

static void
write_actor (Agnode_t      *node,
             const MwActor *actor,
             GHashTable    *defaults)
{
  const char *default_label = g_hash_table_lookup (defaults, "label");

  write_table (node, actor->attrs);

  if (strcmp (actor->label, actor->id) != 0 || strcmp (agnameof (node), actor->id) != 0)
    {
      if (!is_default_label (actor, defaults))
        set_kept_attr (node, actor->attrs, "label", actor->label);
    }
  else if (default_label != NULL && *default_label != '\0')
    /* its name, not the declared default (an empty default stays: the
     * loader gives such actors their id as label) */
    set_attr (node, "label", "\\N");
  if (actor->kind != MW_ACTOR_PERSON)
    set_attr (node, MW_DOT_ATTR_KIND, mw_actor_kind_to_string (actor->kind));
  if (*actor->org != '\0')
    set_attr (node, MW_DOT_ATTR_ORG, actor->org);
  if (*actor->unit != '\0')
    set_attr (node, MW_DOT_ATTR_UNIT, actor->unit);
  if (*actor->notes != '\0')
    set_attr (node, MW_DOT_ATTR_NOTES, actor->notes);
  if (actor->purpose)
    set_attr (node, MW_DOT_ATTR_PURPOSE, "true");
  if (actor->initiative)
    set_attr (node, MW_DOT_ATTR_INITIATIVE, "true");
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
  set_attr (edge, MW_DOT_ATTR_TIE, mw_tie_type_to_string (tie->type));
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
  set_attr (cluster, MW_DOT_ATTR_CLUSTER, role);
  return cluster;
}

static void
write_clusters (Agraph_t   *graph,
                GPtrArray  *nodes,
                MwNetwork  *network,
                GHashTable *explained)
{
  g_autoptr(GHashTable) clusters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();  /* one actor per (org, unit) */
  guint n = mw_network_get_n_actors (network);

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (g_hash_table_contains (explained, actor))
        continue;
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
      Agraph_t *cluster = g_hash_table_contains (explained, actor) ? NULL : g_hash_table_lookup (clusters, key);

      if (cluster != NULL)
        agsubnode (cluster, g_ptr_array_index (nodes, i), TRUE);
    }
}

/* The unit the loader gives from a kept cluster: its label as shown, or
 * its name without the "cluster" prefix (as mw-dot-load.c's cluster_title). */
static char *
kept_cluster_title (const MwSubgraph *sub)
{
  const char *label = g_hash_table_lookup (sub->attrs, "label");
  const char *name = sub->name + strlen ("cluster");

  if (label != NULL && *label != '\0')
    return mw_label_dup_text (label, mw_attrs_value_is_html (sub->attrs, "label", label), FALSE, NULL);

  name += strspn (name, "_- ");
  return g_strdup (*name != '\0' ? name : sub->name);
}

/* actor → the title of the kept cluster that gives it its unit on load:
 * the innermost, and of siblings the later one, as the loader decides. */
static void
find_kept_units (MwNetwork  *network,
                 GPtrArray  *subgraphs,
                 GHashTable *units)
{
  for (guint i = 0; i < subgraphs->len; i++)
    {
      const MwSubgraph *sub = g_ptr_array_index (subgraphs, i);

      if (mw_subgraph_is_cluster (sub))
        {
          char *title = kept_cluster_title (sub);

          for (guint m = 0; m < sub->members->len; m++)
            {
              MwActor *actor = mw_network_lookup_actor (network, g_ptr_array_index (sub->members, m));

              if (actor != NULL)
                g_hash_table_insert (units, actor, g_ref_string_new (title));
            }
          g_free (title);
        }
      find_kept_units (network, sub->children, units);
    }
}

static void
write_kept_subgraphs (Agraph_t   *parent,
                      GPtrArray  *nodes,
                      MwNetwork  *network,
                      GPtrArray  *subgraphs,
                      GHashTable *units,
                      GHashTable *explained)
{
  for (guint i = 0; i < subgraphs->len; i++)
    {
      const MwSubgraph *kept = g_ptr_array_index (subgraphs, i);
      g_autofree char *name = *kept->name != '\0' ? writable (kept->name) : NULL;
      Agraph_t *sub = agsubg (parent, name, TRUE);

      write_table (sub, kept->attrs);
      for (guint m = 0; m < kept->members->len; m++)
        {
          MwActor *actor = mw_network_lookup_actor (network, g_ptr_array_index (kept->members, m));

          /* an actor moved to another unit since leaves the file's clusters */
          if (actor == NULL ||
              (mw_subgraph_is_cluster (kept) && g_hash_table_contains (units, actor) &&
               !g_hash_table_contains (explained, actor)))
            continue;
          agsubnode (sub, g_ptr_array_index (nodes, actor->index), TRUE);
        }
      write_kept_subgraphs (sub, nodes, network, kept->children, units, explained);
    }
}

/* The subgraphs the file had, written back as they were. Returns the
 * actors whose unit their clusters already give, which need no cluster
 * of Meshwork's own. */
static GHashTable *
write_subgraphs (Agraph_t  *graph,
                 GPtrArray *nodes,
                 MwNetwork *network)
{
  GPtrArray *subgraphs = mw_network_get_subgraphs (network);
  g_autoptr(GHashTable) units = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ref_string_release);
  GHashTable *explained = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer actor, title;

  find_kept_units (network, subgraphs, units);
  g_hash_table_iter_init (&iter, units);
  while (g_hash_table_iter_next (&iter, &actor, &title))
    if (strcmp (((MwActor *)actor)->unit, title) == 0 && *((MwActor *)actor)->org == '\0')
      g_hash_table_add (explained, actor);

  write_kept_subgraphs (graph, nodes, network, subgraphs, units, explained);
  return explained;
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
  g_autoptr(GHashTable) explained = NULL;
  Agdesc_t kind;
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

  if (mw_network_get_strict (network))
    kind = mw_network_get_directed (network) ? Agstrictdirected : Agstrictundirected;
  else
    kind = mw_network_get_directed (network) ? Agdirected : Agundirected;
  graph = agopen (name, kind, &disc);
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
    write_actor (g_ptr_array_index (nodes, i), mw_network_get_actor (network, i),
                 mw_network_get_node_defaults (network));
  explained = write_subgraphs (graph, nodes, network);
  write_clusters (graph, nodes, network, explained);
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
