/* mw-render-morph.h: drawing one network turning into the next
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-morph.h"
#include "mw-renderer.h"

G_BEGIN_DECLS

#define MW_TYPE_RENDER_MORPH (mw_render_morph_get_type ())

G_DECLARE_FINAL_TYPE (MwRenderMorph, mw_render_morph, MW, RENDER_MORPH, GObject)

MwRenderMorph *mw_render_morph_new          (MwNetwork     *from,
                                             MwNetwork     *to);
void           mw_render_morph_follow       (MwRenderMorph *self,
                                             MwRenderer    *renderer);
MwMorph       *mw_render_morph_get_morph    (MwRenderMorph *self);
gboolean       mw_render_morph_get_bounds   (MwRenderMorph *self,
                                             MwRect        *bounds);
void           mw_render_morph_prepare      (MwRenderMorph *self,
                                             const MwView  *view);
void           mw_render_morph_draw         (MwRenderMorph *self,
                                             cairo_t       *cr,
                                             const MwView  *view,
                                             double         t);
guint          mw_render_morph_get_n_drawn  (MwRenderMorph *self);

G_END_DECLS
