/* mw-graph-csr.h: compressed sparse rows — built, reversed, condensed
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The neighbours of v are adj[off[v]] … adj[off[v+1]-1]. */
typedef struct
{
  guint *off;
  guint *adj;
} MwCsr;

void   _mw_csr_build      (MwCsr       *csr,
                           guint        n,
                           const guint *src,
                           const guint *dst,
                           gsize        m);
void   _mw_csr_transpose  (const MwCsr *out,
                           guint        n,
                           MwCsr       *in);
void   _mw_csr_clear      (MwCsr       *csr);
guint  _mw_csr_components (const MwCsr *csr,
                           guint        n,
                           guint       *comp);
void   _mw_csr_condense   (const MwCsr *csr,
                           guint        n,
                           const guint *comp,
                           guint        n_comp,
                           MwCsr       *condensed);

/* Interval labels: a search up a graph without cycles ruled out at once
 * where a vertex's span is not inside the target's in every walk. */
#define MW_CSR_N_LABELS 3

guint *_mw_csr_label_intervals (const MwCsr *up,
                                const MwCsr *down,
                                guint        n);

/* Whether @x may be reached going down from @u (or be @u): FALSE when
 * surely not, by the labels of _mw_csr_label_intervals(). */
static inline gboolean
_mw_csr_intervals_may_reach (const guint *labels,
                             guint        n,
                             guint        u,
                             guint        x)
{
  for (guint l = 0; l < MW_CSR_N_LABELS; l++)
    {
      const guint *low = labels + 2 * l * (gsize) n, *post = low + n;

      if (low[x] < low[u] || post[x] > post[u])
        return FALSE;
    }
  return TRUE;
}

G_END_DECLS
