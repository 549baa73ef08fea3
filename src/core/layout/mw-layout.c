/* mw-layout.c: automatic layout through gvc, in this process
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "mw-graphviz-lock.h"
#include "mw-layout.h"
#include "mw-layout-private.h"
#include "mw-layout-tree.h"

/* Beyond this, sfdp without overlap removal: see _mw_layout_spread_to_fit(). */
#define SFDP_PRISM_MAX 5000
#define SPREAD_CELL_W  130.0
#define SPREAD_CELL_H  100.0

static const char * const engine_names[MW_N_LAYOUT_ENGINES] = {
  "auto", "dot", "neato", "fdp", "sfdp", "circo", "twopi", "tree",
};

const char *
mw_layout_engine_to_string (MwLayoutEngine engine)
{
  g_return_val_if_fail (engine < MW_N_LAYOUT_ENGINES, NULL);

  return engine_names[engine];
}

gboolean
mw_layout_engine_from_string (const char     *str,
                              MwLayoutEngine *engine)
{
  g_return_val_if_fail (str != NULL, FALSE);

  for (guint i = 0; i < MW_N_LAYOUT_ENGINES; i++)
    if (g_ascii_strcasecmp (str, engine_names[i]) == 0)
      {
        if (engine != NULL)
          *engine = i;
        return TRUE;
      }

  return FALSE;
}

/* Share of the actors (bar one, the top) that report to someone. */
static double
reports_coverage (MwNetwork *network)
{
  guint n = mw_network_get_n_actors (network);
  guint with_manager = 0;

  if (n < 2)
    return 0.0;
  for (guint i = 0; i < n; i++)
    if (mw_actor_n_out (mw_network_get_actor (network, i), MW_TIE_REPORTS) > 0)
      with_manager++;

  return (double) with_manager / (n - 1);
}

/**
 * mw_layout_choose_engine:
 *
 * When the reports ties make a tree-like structure: `dot` at moderate size
 * (ranked layout costs grow fast), `tree` beyond (linear, and still an org
 * chart). Otherwise `neato` for small networks, where stress majorisation
 * looks best; `sfdp` beyond, the only Graphviz engine that stays in seconds
 * at tens of thousands of actors.
 */
MwLayoutEngine
mw_layout_choose_engine (MwNetwork *network)
{
  guint n;

  g_return_val_if_fail (MW_IS_NETWORK (network), MW_LAYOUT_NEATO);

  n = mw_network_get_n_actors (network);
  if (n >= 3 && reports_coverage (network) >= 0.7)
    return n <= 4000 ? MW_LAYOUT_DOT : MW_LAYOUT_TREE;
  if (n <= 800)
    return MW_LAYOUT_NEATO;

  return MW_LAYOUT_SFDP;
}

/**
 * mw_layout_estimate_seconds:
 *
 * A rough figure fitted to timings on a small two-core machine (see
 * tests/bench/bench-layout.c); good for "this will take a while", not more.
 */
double
mw_layout_estimate_seconds (MwNetwork      *network,
                            MwLayoutEngine  engine)
{
  double n, m;

  g_return_val_if_fail (MW_IS_NETWORK (network), 0.0);

  if (engine == MW_LAYOUT_AUTO)
    engine = mw_layout_choose_engine (network);
  n = mw_network_get_n_actors (network);
  m = mw_network_get_n_ties (network);

  /* fitted on this project's 2-core build machine, random ties */
  switch (engine)
    {
    case MW_LAYOUT_DOT:
      /* reports ties only: a 5,000-actor tree takes 2.5 s */
      return 0.05 + 2.5 * pow (n / 5000.0, 1.5);
    case MW_LAYOUT_NEATO:
      /* all-pairs distances: 2,000 actors / 4,000 ties take 6 s */
      return 0.05 + 6.0 * pow (n / 2000.0, 2.0);
    case MW_LAYOUT_FDP:
      return 0.05 + 0.5 * pow (n / 1000.0, 2.0);
    case MW_LAYOUT_SFDP:
      /* multilevel: 20,000 / 40,000 take 13 to 20 s */
      return 0.05 + 15.0 * pow ((n + m) / 60000.0, 1.1);
    case MW_LAYOUT_CIRCO:
      /* quick on trees and rings, hopeless on meshes: 200 / 400 took 54 s */
      return 0.05 + 54.0 * pow (m / 400.0, 3.0);
    case MW_LAYOUT_TWOPI:
      /* 4,000 / 8,000 take 12 s */
      return 0.05 + 11.7 * pow (n / 4000.0, 2.0);
    case MW_LAYOUT_TREE:
      /* linear: 50,000 actors take 0.2 s, and about 1 s of CPU through
       * the child, which reads and writes them */
      return 0.05 + 1.0 * (n / 50000.0);
    case MW_LAYOUT_AUTO:
    case MW_N_LAYOUT_ENGINES:
    default:
      g_assert_not_reached ();
    }
}

/* --- the graph that reaches gvc ---------------------------------------- */

/* Writes @value on @object, declaring the attribute with an empty default.
 * Every attribute gvc sees is set through here, from the lists below. */
static void
put (void       *object,
     const char *name,
     const char *value)
{
  agsafeset (object, (char *) name, (char *) value, (char *) "");
}

static void
put_double (void       *object,
            const char *name,
            double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  put (object, name, g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

/* The only graph attributes taken from the file: plain layout choices
 * whose values are checked, never anything naming a file. */
static void
copy_graph_choices (Agraph_t  *graph,
                    MwNetwork *network)
{
  static const char * const rankdirs[] = { "TB", "LR", "BT", "RL", NULL };
  static const char * const numeric[] = { "nodesep", "ranksep", NULL };
  GHashTable *attrs = mw_network_get_attrs (network);
  const char *rankdir = g_hash_table_lookup (attrs, "rankdir");

  if (rankdir != NULL && g_strv_contains (rankdirs, rankdir))
    put (graph, "rankdir", rankdir);

  for (guint i = 0; numeric[i] != NULL; i++)
    {
      const char *value = g_hash_table_lookup (attrs, numeric[i]);
      char *end;
      double number;

      if (value == NULL)
        continue;
      number = g_ascii_strtod (value, &end);
      if (end != value && *end == '\0' && number >= 0.0 && number <= 10.0)
        put_double (graph, numeric[i], number);
    }
}

static void
set_graph_attributes (Agraph_t       *graph,
                      MwNetwork      *network,
                      MwLayoutEngine  engine)
{
  guint n = mw_network_get_n_actors (network);

  /* only positions are wanted: routing edges is most of the cost of dot */
  put (graph, "splines", "none");
  put (graph, "outputorder", "nodesfirst");
  put (graph, "inputscale", "72");
  put (graph, "start", "1");

  switch (engine)
    {
    case MW_LAYOUT_DOT:
      put (graph, "nodesep", "0.45");
      put (graph, "ranksep", "0.7");
      copy_graph_choices (graph, network);
      break;
    case MW_LAYOUT_NEATO:
      put (graph, "maxiter", n <= 300 ? "600" : "200");
      put (graph, "epsilon", n <= 300 ? "0.0001" : "0.001");
      put (graph, "overlap", "prism");
      put (graph, "sep", "+6");
      break;
    case MW_LAYOUT_FDP:
      put (graph, "overlap", "prism");
      break;
    case MW_LAYOUT_SFDP:
      put (graph, "overlap", n <= SFDP_PRISM_MAX ? "prism" : "true");
      break;
    case MW_LAYOUT_TWOPI:
      put (graph, "overlap", "prism");
      put (graph, "ranksep", "1.2");
      break;
    case MW_LAYOUT_CIRCO:
    case MW_LAYOUT_TREE:
    case MW_LAYOUT_AUTO:
    case MW_N_LAYOUT_ENGINES:
    default:
      break;
    }
}

static Agnode_t *
add_node (Agraph_t      *graph,
          const MwActor *actor)
{
  g_autofree char *name = g_strdup_printf ("n%u", actor->index);
  Agnode_t *node = agnode (graph, name, TRUE);

  put (node, "label", "");
  put (node, "shape", "box");
  put (node, "fixedsize", "true");
  put_double (node, "width", _mw_layout_label_width (actor) / 72.0);
  put_double (node, "height", (actor->kind == MW_ACTOR_PERSON ? 50.0 : 62.0) / 72.0);

  if (actor->has_position)
    {
      char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *pos = g_strdup_printf ("%s,%s%s",
                                              g_ascii_formatd (x, sizeof x, "%.3f", actor->x),
                                              g_ascii_formatd (y, sizeof y, "%.3f", -actor->y),
                                              actor->pinned ? "!" : "");

      put (node, "pos", pos);
      if (actor->pinned)
        put (node, "pin", "true");
    }

  return node;
}

/* Org chart clusters: one per organisation, one per unit inside it. */
static Agraph_t *
cluster_for (Agraph_t      *graph,
             GHashTable    *clusters,
             const MwActor *actor)
{
  g_autofree char *org_key = g_strdup_printf ("%s\x1f", actor->org);
  g_autofree char *unit_key = g_strdup_printf ("%s\x1f%s", actor->org, actor->unit);
  Agraph_t *parent = graph;

  if (*actor->org != '\0')
    {
      parent = g_hash_table_lookup (clusters, org_key);
      if (parent == NULL)
        {
          g_autofree char *name = g_strdup_printf ("cluster_%u", g_hash_table_size (clusters));

          parent = agsubg (graph, name, TRUE);
          /* room for the boundary and its name, which the renderer draws */
          put (parent, "margin", "16");
          g_hash_table_insert (clusters, g_steal_pointer (&org_key), parent);
        }
    }
  if (*actor->unit == '\0')
    return parent;

  if (!g_hash_table_contains (clusters, unit_key))
    {
      g_autofree char *name = g_strdup_printf ("cluster_%u", g_hash_table_size (clusters));

      Agraph_t *unit = agsubg (parent, name, TRUE);

      put (unit, "margin", "12");
      g_hash_table_insert (clusters, g_strdup (unit_key), unit);
    }

  return g_hash_table_lookup (clusters, unit_key);
}

static void
add_edge (Agraph_t *graph,
          Agnode_t *tail,
          Agnode_t *head)
{
  /* one edge per pair is all a layout needs */
  if (tail == head || agedge (graph, tail, head, NULL, FALSE) != NULL ||
      agedge (graph, head, tail, NULL, FALSE) != NULL)
    return;
  agedge (graph, tail, head, NULL, TRUE);
}

/* In the org chart, an actor outside every reporting line (a team, a
 * partner) would land on the top rank beside the chief executive: it goes
 * a rank below the first actor it works with instead. */
static void
hang_outsiders (Agraph_t   *graph,
                MwNetwork  *network,
                Agnode_t  **nodes)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      MwActor *partner = NULL;

      if (mw_actor_n_out (actor, MW_TIE_REPORTS) > 0 || mw_actor_n_in (actor, MW_TIE_REPORTS) > 0)
        continue;
      for (guint type = MW_TIE_COLLABORATES; type < MW_N_TIE_TYPES && partner == NULL; type++)
        {
          if (mw_actor_n_in (actor, type) > 0)
            partner = mw_actor_in (actor, type, 0)->from;
          else if (mw_actor_n_out (actor, type) > 0)
            partner = mw_actor_out (actor, type, 0)->to;
        }
      if (partner != NULL && partner != actor)
        put (agedge (graph, nodes[partner->index], nodes[i], NULL, TRUE), "weight", "0");
    }
}

/* Builds the layout graph from the model only, never from the file: the
 * attributes of actors and ties (shapefile, image, fontpath, HTML labels…)
 * are not read at all. Call with the Graphviz lock held. */
static Agraph_t *
build_graph (MwNetwork      *network,
             MwLayoutEngine  engine,
             Agdisc_t       *disc,
             Agnode_t     ***nodes_out)
{
  Agraph_t *graph = agopen ((char *) "layout", Agdirected, disc);
  g_autoptr(GHashTable) clusters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = mw_network_get_n_actors (network);
  Agnode_t **nodes = g_new0 (Agnode_t *, MAX (n, 1));

  set_graph_attributes (graph, network, engine);

  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      nodes[i] = add_node (graph, actor);
      if (engine == MW_LAYOUT_DOT && (*actor->org != '\0' || *actor->unit != '\0'))
        agsubnode (cluster_for (graph, clusters, actor), nodes[i], TRUE);
    }

  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);
      Agnode_t *from = nodes[tie->from->index];
      Agnode_t *to = nodes[tie->to->index];

      /* the org chart ranks managers above their reports, and only that */
      if (engine == MW_LAYOUT_DOT)
        {
          if (tie->type == MW_TIE_REPORTS)
            add_edge (graph, to, from);
        }
      else
        add_edge (graph, from, to);
    }

  if (engine == MW_LAYOUT_DOT)
    hang_outsiders (graph, network, nodes);

  *nodes_out = nodes;
  return graph;
}

static int
string_putstr (void       *chan,
               const char *str)
{
  g_string_append (chan, str);
  return 0;
}

static int
string_flush (void *chan)
{
  return 0;
}

/**
 * mw_layout_describe_graph:
 *
 * Returns: (transfer full): the DOT text of the graph gvc would be given
 */
char *
mw_layout_describe_graph (MwNetwork      *network,
                          MwLayoutEngine  engine)
{
  Agiodisc_t io = { AgIoDisc.afread, string_putstr, string_flush };
  Agdisc_t disc = { &AgMemDisc, &AgIdDisc, &io };
  GString *out = g_string_new (NULL);
  g_autofree Agnode_t **nodes = NULL;
  Agraph_t *graph;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  if (engine == MW_LAYOUT_AUTO)
    engine = mw_layout_choose_engine (network);

  mw_graphviz_lock ();
  graph = build_graph (network, engine, &disc, &nodes);
  agwrite (graph, out);
  agclose (graph);
  mw_graphviz_unlock ();

  return g_string_free (out, FALSE);
}

/* --- running gvc --------------------------------------------------------- */

/* Pinned actors must not move by a hair, yet dot, circo and twopi ignore
 * `pin`, and every engine may translate the drawing. So the drawing is
 * shifted to keep the pinned actors' centroid where it was, and the pinned
 * actors are put back exactly. */
static void
restore_pinned (MwNetwork  *network,
                GHashTable *positions)
{
  double dx = 0.0, dy = 0.0;
  guint n_pinned = 0;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      MwLayoutPoint *point = g_hash_table_lookup (positions, actor->id);

      if (!actor->pinned || !actor->has_position || point == NULL)
        continue;
      dx += actor->x - point->x;
      dy += actor->y - point->y;
      n_pinned++;
    }
  if (n_pinned == 0)
    return;

  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      MwLayoutPoint *point = value;

      point->x += dx / n_pinned;
      point->y += dy / n_pinned;
    }

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      MwLayoutPoint *point = g_hash_table_lookup (positions, actor->id);

      if (actor->pinned && actor->has_position && point != NULL)
        {
          point->x = actor->x;
          point->y = actor->y;
        }
    }
}

/* sfdp without overlap removal (too slow beyond SFDP_PRISM_MAX actors)
 * draws 10,000 actors inside some 200 points: its unit is its own, not an
 * actor's size. Spread the drawing about its centre until it has room for
 * every actor — a cell of SPREAD_CELL_W × SPREAD_CELL_H points each, as the
 * fallback grid gives them — keeping its shape. */
void
_mw_layout_spread_to_fit (GHashTable *positions)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  guint n = g_hash_table_size (positions);
  double area, factor;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      MwLayoutPoint *point = value;

      x0 = MIN (x0, point->x), y0 = MIN (y0, point->y);
      x1 = MAX (x1, point->x), y1 = MAX (y1, point->y);
    }
  area = MAX (x1 - x0, 1.0) * MAX (y1 - y0, 1.0);
  factor = sqrt (n * SPREAD_CELL_W * SPREAD_CELL_H / area);
  if (n < 2 || factor <= 1.0)
    return;

  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      MwLayoutPoint *point = value;

      point->x = (x0 + x1) / 2 + (point->x - (x0 + x1) / 2) * factor;
      point->y = (y0 + y1) / 2 + (point->y - (y0 + y1) / 2) * factor;
    }
}

static GHashTable *
read_positions (MwNetwork  *network,
                Agnode_t  **nodes)
{
  GHashTable *positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwLayoutPoint *point = g_new (MwLayoutPoint, 1);

      point->x = ND_coord (nodes[i]).x;
      point->y = -ND_coord (nodes[i]).y;
      if (!isfinite (point->x) || !isfinite (point->y))
        point->x = point->y = 0.0;
      g_hash_table_insert (positions, g_strdup (mw_network_get_actor (network, i)->id), point);
    }

  return positions;
}

/**
 * mw_layout_compute:
 *
 * Returns: (transfer full) (nullable): id → #MwLayoutPoint, or %NULL with @error
 */
GHashTable *
mw_layout_compute (MwNetwork       *network,
                   MwLayoutEngine   engine,
                   GError         **error)
{
  g_autofree Agnode_t **nodes = NULL;
  GHashTable *positions = NULL;
  g_autofree char *messages = NULL;
  Agraph_t *graph;
  GVC_t *gvc;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  g_return_val_if_fail (engine < MW_N_LAYOUT_ENGINES, NULL);

  if (engine == MW_LAYOUT_AUTO)
    engine = mw_layout_choose_engine (network);
  if (mw_network_get_n_actors (network) == 0)
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (engine == MW_LAYOUT_TREE)
    {
      positions = mw_layout_tree_compute (network, NULL);
      restore_pinned (network, positions);
      return positions;
    }

  mw_graphviz_lock ();
  mw_graphviz_messages_begin ();

  gvc = gvContext ();
  graph = build_graph (network, engine, NULL, &nodes);
  if (gvLayout (gvc, graph, engine_names[engine]) == 0)
    {
      positions = read_positions (network, nodes);
      if (engine == MW_LAYOUT_SFDP && mw_network_get_n_actors (network) > SFDP_PRISM_MAX)
        _mw_layout_spread_to_fit (positions);
      gvFreeLayout (gvc, graph);
    }
  agclose (graph);
  gvFreeContext (gvc);

  messages = mw_graphviz_messages_end ();
  mw_graphviz_unlock ();
  if (positions == NULL)
    g_set_error (error, MW_ERROR, MW_ERROR_FAILED, _("Graphviz %s could not lay out the network: %s"),
                 engine_names[engine], *messages != '\0' ? g_strstrip (messages) : _("no reason given"));

  if (positions != NULL)
    restore_pinned (network, positions);
  return positions;
}

/**
 * mw_layout_apply:
 * @positions: (element-type utf8 MwLayoutPoint): from mw_layout_run_finish()
 */
void
mw_layout_apply (MwNetwork  *network,
                 GHashTable *positions)
{
  g_return_if_fail (MW_IS_NETWORK (network));
  g_return_if_fail (positions != NULL);

  mw_network_begin_batch (network, "Automatic Layout");
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      MwLayoutPoint *point = g_hash_table_lookup (positions, actor->id);

      if (point != NULL && !(actor->pinned && actor->has_position))
        mw_network_set_actor_position (network, actor, point->x, point->y);
    }
  mw_network_end_batch (network);
}
