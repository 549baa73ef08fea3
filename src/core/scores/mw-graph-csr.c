/* mw-graph-csr.c: compressed sparse rows — built, reversed, condensed
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The adjacency of a graph snapshot (mw-metrics.c) as compressed rows, and
 * the strongly connected components of a directed one: a reporting cycle
 * taken as one node lets the hierarchy's searches work on a graph without
 * cycles, where a rank prunes them.
 */

#define G_LOG_DOMAIN "meshwork-metrics"

#include "config.h"

#include <string.h>

#include "mw-graph-csr.h"

#define NONE G_MAXUINT

/* Builds rows sorted by neighbour and without duplicates, in O(n + m):
 * a counting sort by destination, then a stable one by source. */
void
_mw_csr_build (MwCsr       *csr,
               guint        n,
               const guint *src,
               const guint *dst,
               gsize        m)
{
  g_autofree guint *pos = g_new0 (guint, n + 1);
  g_autofree guint *by_dst = g_new (guint, MAX (m, 1));
  guint *off = g_new0 (guint, n + 1);
  guint *adj = g_new (guint, MAX (m, 1));
  guint w = 0;

  for (gsize e = 0; e < m; e++)
    pos[dst[e] + 1]++;
  for (guint v = 0; v < n; v++)
    pos[v + 1] += pos[v];
  for (gsize e = 0; e < m; e++)
    by_dst[pos[dst[e]]++] = e;

  for (gsize e = 0; e < m; e++)
    off[src[e] + 1]++;
  for (guint v = 0; v < n; v++)
    off[v + 1] += off[v];
  memcpy (pos, off, n * sizeof (guint));
  for (gsize i = 0; i < m; i++)
    {
      guint e = by_dst[i];
      adj[pos[src[e]]++] = dst[e];
    }

  for (guint v = 0; v < n; v++)
    {
      guint start = off[v], end = off[v + 1], last = NONE;

      off[v] = w;
      for (guint k = start; k < end; k++)
        if (adj[k] != last)
          last = adj[w++] = adj[k];
    }
  off[n] = w;

  csr->off = off;
  csr->adj = g_renew (guint, adj, MAX (w, 1));
}

/* The reverse of a deduplicated @out: visiting sources in order leaves every
 * row sorted, so one counting pass is enough. */
void
_mw_csr_transpose (const MwCsr *out,
                   guint        n,
                   MwCsr       *in)
{
  g_autofree guint *pos = NULL;
  guint m = out->off[n];

  in->off = g_new0 (guint, n + 1);
  in->adj = g_new (guint, MAX (m, 1));
  for (guint k = 0; k < m; k++)
    in->off[out->adj[k] + 1]++;
  for (guint v = 0; v < n; v++)
    in->off[v + 1] += in->off[v];
  pos = g_memdup2 (in->off, (n + 1) * sizeof (guint));
  for (guint v = 0; v < n; v++)
    for (guint k = out->off[v]; k < out->off[v + 1]; k++)
      in->adj[pos[out->adj[k]]++] = v;
}

void
_mw_csr_clear (MwCsr *csr)
{
  g_clear_pointer (&csr->off, g_free);
  g_clear_pointer (&csr->adj, g_free);
}

/**
 * _mw_csr_components:
 * @comp: (out caller-allocates): @n entries, each vertex's component
 *
 * Finds the strongly connected components of the directed graph @csr
 * (Tarjan's algorithm, iteratively: reporting chains can be 100,000 deep).
 *
 * Returns: how many components there are; numbered from 0
 */
guint
_mw_csr_components (const MwCsr *csr,
                    guint        n,
                    guint       *comp)
{
  g_autofree guint *index = g_new (guint, MAX (n, 1));
  g_autofree guint *low = g_new (guint, MAX (n, 1));
  g_autofree guint *next = g_new (guint, MAX (n, 1));
  g_autofree guint *call = g_new (guint, MAX (n, 1));
  g_autofree guint *stack = g_new (guint, MAX (n, 1));
  guint counter = 0, n_comp = 0, depth = 0, top = 0;

  for (guint v = 0; v < n; v++)
    index[v] = NONE, comp[v] = NONE;
  for (guint root = 0; root < n; root++)
    {
      if (index[root] != NONE)
        continue;
      call[depth++] = root;
      index[root] = low[root] = counter++;
      next[root] = csr->off[root];
      stack[top++] = root;
      while (depth > 0)
        {
          guint v = call[depth - 1];

          if (next[v] < csr->off[v + 1])
            {
              guint w = csr->adj[next[v]++];

              if (index[w] == NONE)
                {
                  index[w] = low[w] = counter++;
                  next[w] = csr->off[w];
                  stack[top++] = w;
                  call[depth++] = w;
                }
              else if (comp[w] == NONE)
                low[v] = MIN (low[v], index[w]);
              continue;
            }
          /* v is done: it closes a component, or passes its low up */
          depth--;
          if (low[v] == index[v])
            {
              guint w;

              do
                {
                  w = stack[--top];
                  comp[w] = n_comp;
                }
              while (w != v);
              n_comp++;
            }
          if (depth > 0)
            low[call[depth - 1]] = MIN (low[call[depth - 1]], low[v]);
        }
    }
  return n_comp;
}

/**
 * _mw_csr_condense:
 * @condensed: (out): the rows between components, without duplicates or
 *   loops; free with _mw_csr_clear()
 *
 * The graph of @csr with each component of @comp as one vertex.
 */
void
_mw_csr_condense (const MwCsr *csr,
                  guint        n,
                  const guint *comp,
                  guint        n_comp,
                  MwCsr       *condensed)
{
  gsize m = csr->off[n], len = 0;
  g_autofree guint *src = g_new (guint, MAX (m, 1));
  g_autofree guint *dst = g_new (guint, MAX (m, 1));

  for (guint v = 0; v < n; v++)
    for (guint k = csr->off[v]; k < csr->off[v + 1]; k++)
      if (comp[v] != comp[csr->adj[k]])
        {
          src[len] = comp[v];
          dst[len] = comp[csr->adj[k]];
          len++;
        }
  _mw_csr_build (condensed, n_comp, src, dst, len);
}

/* _mw_csr_label_intervals: interval labels (as GRAIL does): a few depth-first walks down from the
 * tops, each visiting children in another order, give every node the span
 * [lowest post-order number below it, its own]. Whoever is below u has its
 * span inside u's in every walk, so one span outside rules a search branch
 * out at once: without them a search up a tangled hierarchy of 100,000
 * (an export where people have several managers) walked half of it.
 *
 * @up: a graph without cycles: each vertex's row, the vertices above it;
 * @down: its reverse.
 * Returns: (transfer full): MW_CSR_N_LABELS pairs of arrays of @n
 *   (lowest post-order number below, own number), one pair a walk
 */
guint *
_mw_csr_label_intervals (const MwCsr *up,
                         const MwCsr *down,
                         guint        n)
{
  g_autofree guint *next = g_new (guint, MAX (n, 1));
  g_autofree guint *stack = g_new (guint, MAX (n, 1));
  guint *labels = g_new (guint, 2 * MW_CSR_N_LABELS * (gsize) MAX (n, 1));

  for (guint l = 0; l < MW_CSR_N_LABELS; l++)
    {
      guint *low = labels + 2 * l * (gsize) n, *post = low + n, clock = 0;

      for (guint v = 0; v < n; v++)
        post[v] = NONE;
      for (guint i = 0; i < n; i++)
        {
          guint r = l % 2 == 0 ? i : n - 1 - i, top = 0;

          if (up->off[r + 1] > up->off[r] || post[r] != NONE)
            continue;
          stack[top++] = r;
          next[r] = 0, low[r] = NONE, post[r] = NONE - 1;
          while (top > 0)
            {
              guint v = stack[top - 1], deg = down->off[v + 1] - down->off[v];

              if (next[v] < deg)
                {
                  /* each walk starts each row at another place */
                  guint c = down->adj[down->off[v] + (next[v]++ + v * l * 7919u) % deg];

                  if (post[c] == NONE)
                    {
                      next[c] = 0, low[c] = NONE, post[c] = NONE - 1;
                      stack[top++] = c;
                    }
                  else
                    low[v] = MIN (low[v], low[c]);
                  continue;
                }
              post[v] = clock++;
              low[v] = MIN (low[v], post[v]);
              if (--top > 0)
                low[stack[top - 1]] = MIN (low[stack[top - 1]], low[v]);
            }
        }
    }
  return labels;
}
