/* mw-dot-graph.c: cgraph's objects in the order it made them, read without a walk; graphs closed in the background
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-dot"

#include "config.h"

#include <stdlib.h>

#include "mw-dot-private.h"
#include "mw-graphviz-lock.h"

/* ---------------------------------------------------------------------- */
/* The nodes and edges cgraph makes, in the order it makes them            */

/* cgraph tells its id discipline of every node and edge it makes
 * (idregister): kept here, they need not be walked through cgraph's ordered
 * sets afterwards, where each agnxtout() step searches the node's edge set.
 * What the parse deletes again makes the lists unusable (deleted is set).
 * Only one parse runs at a time, under the Graphviz lock: a static is safe. */
static MwDotMade *current_made;

static void
made_register_cb (void *state,
                  int   objtype,
                  void *obj)
{
  if (current_made == NULL)
    return;
  if (objtype == AGNODE)
    g_ptr_array_add (current_made->nodes, obj);
  else if (objtype == AGOUTEDGE || objtype == AGINEDGE)
    g_ptr_array_add (current_made->edges, AGMKOUT ((Agedge_t *) obj));
}

static void
made_free_cb (void   *state,
              int     objtype,
              IDTYPE  id)
{
  if (current_made != NULL && objtype != AGRAPH)
    current_made->deleted = TRUE;
  AgIdDisc.free (state, objtype, id);
}

/* Static: a graph keeps a pointer to its discipline while it lives. */
static Agiddisc_t made_id_disc;

/**
 * _mw_dot_made_begin:
 * @made: filled while cgraph parses, until _mw_dot_made_end()
 *
 * Called under the Graphviz lock. Returns the id discipline to parse with.
 */
Agiddisc_t *
_mw_dot_made_begin (MwDotMade *made)
{
  made_id_disc = AgIdDisc;
  made_id_disc.idregister = made_register_cb;
  made_id_disc.free = made_free_cb;

  made->nodes = g_ptr_array_new ();
  made->edges = g_ptr_array_new ();
  made->deleted = FALSE;
  made->released = FALSE;
  current_made = made;

  return &made_id_disc;
}

void
_mw_dot_made_end (void)
{
  current_made = NULL;
}

void
_mw_dot_made_clear (MwDotMade *made)
{
  g_clear_pointer (&made->nodes, g_ptr_array_unref);
  g_clear_pointer (&made->edges, g_ptr_array_unref);
}

/* Every node, in the order cgraph made them (that of their numbers). */
GPtrArray *
_mw_dot_made_nodes (Agraph_t  *graph,
                    MwDotMade *made)
{
  GPtrArray *nodes;

  if (!made->deleted)
    return g_ptr_array_ref (made->nodes);

  nodes = g_ptr_array_new ();
  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    g_ptr_array_add (nodes, node);
  return nodes;
}

/* Every edge, in the file's order (cgraph numbers edges 1, 2, 3… as it
 * reads them; each goes to the slot of its number, so no sort is needed),
 * not grouped by tail node, so that save → load → save is stable. They are
 * counted here, while read, and not with agnedges(): libcdt's dtsize()
 * recurses once per edge of a node's edge set, and a node with 600,000
 * edges overflows the stack. */
GPtrArray *
_mw_dot_made_edges (Agraph_t  *graph,
                    MwDotMade *made)
{
  GPtrArray *edges;
  guint n = 0;

  /* as cgraph made them: in the order of their numbers already */
  if (!made->deleted)
    return g_ptr_array_ref (made->edges);

  edges = g_ptr_array_new ();

  for (Agnode_t *node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    for (Agedge_t *edge = agfstout (graph, node); edge != NULL; edge = agnxtout (graph, edge))
      {
        gsize seq = AGSEQ (edge);

        if (seq >= edges->len)
          g_ptr_array_set_size (edges, MAX (seq + 1, 2 * edges->len));
        g_assert (g_ptr_array_index (edges, seq) == NULL);
        g_ptr_array_index (edges, seq) = edge;
        n++;
      }

  /* close the gaps (numbers of edges cgraph made and deleted) */
  for (guint from = 0, to = 0; from < edges->len; from++)
    if (g_ptr_array_index (edges, from) != NULL)
      g_ptr_array_index (edges, to++) = g_ptr_array_index (edges, from);
  g_ptr_array_set_size (edges, n);

  return edges;
}

/* The sequence numbers of each edge's tail and head, read before the nodes
 * are freed. */
guint *
_mw_dot_edge_ends (GPtrArray *edges)
{
  guint *ends = g_new (guint, 2 * (gsize) edges->len);

  for (guint i = 0; i < edges->len; i++)
    {
      Agedge_t *edge = g_ptr_array_index (edges, i);

      ends[2 * i] = (guint) AGSEQ (agtail (edge));
      ends[2 * i + 1] = (guint) AGSEQ (aghead (edge));
    }
  return ends;
}

/* An edge's key, as agnameof() gives it without looking at the edge's
 * graph through its node (freed by then): keys are named ids, every other
 * edge has an odd anonymous one; a "%…" key, cgraph's own, is none. */
const char *
_mw_dot_edge_key (Agedge_t *edge)
{
  const char *key = AgIdDisc.print (NULL, AGEDGE, AGID (edge));

  return key != NULL && *key != '\0' && *key != '%' ? key : NULL;
}

/* Whether the file declares any of Meshwork's own `mw_*` attributes. */
gboolean
_mw_dot_has_meshwork_attributes (Agraph_t *graph)
{
  static const int kinds[] = { AGRAPH, AGNODE, AGEDGE };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (Agsym_t *sym = agnxtattr (graph, kinds[i], NULL); sym != NULL; sym = agnxtattr (graph, kinds[i], sym))
      if (g_str_has_prefix (sym->name, "mw_"))
        return TRUE;

  return FALSE;
}

/* ---------------------------------------------------------------------- */
/* Closing graphs in the background                                        */

/* agclose() frees a graph node by node and edge by edge, deleting each
 * from cgraph's ordered sets: for 100,000 actors and 500,000 ties it costs
 * about a third of the parse. Nobody waits for it, so a worker does it,
 * on the second core, while the network goes to its reader. */
static GThreadPool *closer;
static GMutex closing_mutex;
static GCond closing_cond;
static guint n_closing;

static void
close_graph_cb (gpointer data,
                gpointer user_data)
{
  Agraph_t *graph = data;
  MwDotArena *arena;

  mw_graphviz_lock ();
  arena = _mw_dot_arena_of (graph);
  agclose (graph);
  if (arena != NULL)
    _mw_dot_arena_free (arena);
  mw_graphviz_unlock ();

  g_mutex_lock (&closing_mutex);
  n_closing--;
  g_cond_broadcast (&closing_cond);
  g_mutex_unlock (&closing_mutex);
}

/**
 * _mw_dot_close_later:
 *
 * Closes @graph in a worker thread, under the Graphviz lock. Called
 * without the lock held.
 */
void
_mw_dot_close_later (Agraph_t *graph)
{
  static gsize started;

  if (g_once_init_enter (&started))
    {
      closer = g_thread_pool_new (close_graph_cb, NULL, 1, FALSE, NULL);
      /* a process that ends while a graph is half closed would show it to
       * LeakSanitizer as leaked (a test, the fuzzers): exit waits first */
      atexit (mw_dot_wait_closed);
      g_once_init_leave (&started, 1);
    }

  g_mutex_lock (&closing_mutex);
  n_closing++;
  g_mutex_unlock (&closing_mutex);

  if (!g_thread_pool_push (closer, graph, NULL))
    close_graph_cb (graph, NULL);
}

/**
 * mw_dot_wait_closed:
 *
 * Waits until the graphs loads left to close in the background are
 * closed: before a process that frees everything ends (under the
 * sanitizers), and before a fork whose child loads without exec() (a
 * child forked while the worker holds the Graphviz lock would find it
 * taken for ever). Must not be called with the Graphviz lock held.
 */
void
mw_dot_wait_closed (void)
{
  g_mutex_lock (&closing_mutex);
  while (n_closing > 0)
    g_cond_wait (&closing_cond, &closing_mutex);
  g_mutex_unlock (&closing_mutex);
}
