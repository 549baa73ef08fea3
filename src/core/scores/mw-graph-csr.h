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

G_END_DECLS
