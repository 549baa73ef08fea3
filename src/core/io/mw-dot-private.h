/* mw-dot-private.h: what the DOT loader, checker and writer share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <graphviz/cgraph.h>

#include "mw-dot.h"

G_BEGIN_DECLS

/* Meshwork's own attributes. Everything else is kept as it is. */
#define MW_DOT_ATTR_KIND       "mw_kind"
#define MW_DOT_ATTR_ORG        "mw_org"
#define MW_DOT_ATTR_UNIT       "mw_unit"
#define MW_DOT_ATTR_PURPOSE    "mw_purpose"
#define MW_DOT_ATTR_INITIATIVE "mw_initiative"
#define MW_DOT_ATTR_NOTES      "mw_notes"
#define MW_DOT_ATTR_TIE        "mw_tie"
#define MW_DOT_ATTR_CLUSTER    "mw_cluster"

/* What the pre-scan counted. */
typedef struct
{
  guint64 subgraphs;     /* `{` blocks inside the graph's body */
  guint64 actors;        /* distinct node ids */
  guint64 ties;          /* edge operators */
  guint64 string_bytes;  /* in identifiers, quoted and HTML-like strings */
  guint   rest_line;     /* where text goes on after the first graph (cgraph reads one), or 0 */
} MwDotCounts;

typedef struct _MwDotGate MwDotGate;

/* Nesting, string lengths and the counts against @limits, before a
 * parser that recurses once per subgraph sees the text, or (@gate) while
 * it reads what the scan has passed. */
gboolean  _mw_dot_scan_structure  (const char      *data,
                                   gsize            length,
                                   const char      *source_name,
                                   const MwLimits  *limits,
                                   MwDotCounts     *counts,
                                   MwDotGate       *gate,
                                   GError         **error);
MwDotGate *_mw_dot_gate_new       (gsize            length);
void      _mw_dot_gate_free       (MwDotGate       *gate);
gboolean  _mw_dot_gate_wait       (MwDotGate       *gate,
                                   gsize            offset);
void      _mw_dot_gate_stop       (MwDotGate       *gate);
/* UTF-8 text (a copy), or NULL with @error naming the line. */
char     *_mw_dot_to_utf8         (const char      *data,
                                   gsize            length,
                                   const char      *source_name,
                                   GError         **error);

/* The nodes and edges cgraph made while it parsed, in that order
 * (mw-dot-graph.c); not to be used when @deleted. */
typedef struct
{
  GPtrArray *nodes;    /* Agnode_t* */
  GPtrArray *edges;    /* Agedge_t*, the out-edge of each pair */
  gboolean   deleted;  /* the parse deleted a node or an edge again */
  gboolean   released; /* freed while read: to be dropped whole, not closed */
} MwDotMade;

/* Every node in the order cgraph made them, every edge in the file's. */
GPtrArray  *_mw_dot_made_nodes     (Agraph_t        *graph,
                                    MwDotMade       *made);
GPtrArray  *_mw_dot_made_edges     (Agraph_t        *graph,
                                    MwDotMade       *made);
/* Each edge's tail and head numbers (AGSEQ), two an edge; an edge's key
 * as agnameof() gives it, without looking at its nodes, NULL for "" and
 * cgraph's own "%…" keys. */
guint      *_mw_dot_edge_ends      (GPtrArray       *edges);
const char *_mw_dot_edge_key       (Agedge_t        *edge);
gboolean    _mw_dot_has_meshwork_attributes (Agraph_t *graph);

Agiddisc_t *_mw_dot_made_begin     (MwDotMade       *made);
void        _mw_dot_made_end       (void);
void        _mw_dot_made_clear     (MwDotMade       *made);
void        _mw_dot_close_later    (Agraph_t        *graph);

/* cgraph's memory for one parse in large chunks (mw-dot-arena.c): the
 * discipline to read with; the graph's arena is freed after agclose(). */
typedef struct _MwDotArena MwDotArena;

Agmemdisc_t *_mw_dot_arena_disc        (void);
Agmemdisc_t *_mw_dot_arena_disc_for    (const char      *text,
                                        gsize            length);
MwDotArena  *_mw_dot_arena_of          (Agraph_t        *graph);
void         _mw_dot_arena_free        (MwDotArena      *arena);
MwDotArena  *_mw_dot_arena_take_opened (void);
/* Freeing the graph as it is read, then dropping it whole. */
void         _mw_dot_arena_begin_release (MwDotArena    *arena);
void         _mw_dot_arena_release_node  (MwDotArena    *arena,
                                          Agnode_t      *node);
void         _mw_dot_arena_release_edge  (MwDotArena    *arena,
                                          Agedge_t      *edge);
void         _mw_dot_arena_drop          (Agraph_t      *graph);
gsize        _mw_dot_arena_mapped_bytes (void);

G_END_DECLS
