/* mw-render-drag.h: a drag drawn as a background kept once and what moves over it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-renderer.h"

G_BEGIN_DECLS

/* While actors of a big network are dragged, the canvas draws the view
 * without them once, and each motion only those actors, their ties and
 * labels over it, and the boundaries under it; the network changes once,
 * on release:
 *
 *   drag = mw_render_drag_new (renderer, actors);   // MwActor*, by index
 *   picture = mw_render_drag_get_background (drag, &view, NULL); // once a view
 *   mw_render_drag_draw_under (drag, cr, &view, dx, dy);     // each motion:
 *   (the picture)                                            // under,
 *   mw_render_drag_draw_moving (drag, cr, &view, dx, dy);    // over it
 *
 * Networks up to MW_ROUTE_MAX_ACTORS bend their ties round the actors and
 * place labels by their neighbours, so moving one actor changes others:
 * mw_render_drag_supported() is false for them. */

typedef struct _MwRenderDrag MwRenderDrag;

gboolean         mw_render_drag_supported       (MwRenderer    *renderer);
MwRenderDrag    *mw_render_drag_new             (MwRenderer    *renderer,
                                                 GPtrArray     *actors);
void             mw_render_drag_free            (MwRenderDrag  *drag);
gboolean         mw_render_drag_is_valid        (MwRenderDrag  *drag);
gboolean         mw_render_drag_moves           (MwRenderDrag  *drag,
                                                 const MwActor *actor);
cairo_surface_t *mw_render_drag_get_background  (MwRenderDrag  *drag,
                                                 const MwView  *view,
                                                 gboolean      *redrawn);
void             mw_render_drag_draw_under      (MwRenderDrag  *drag,
                                                 cairo_t       *cr,
                                                 const MwView  *view,
                                                 double         dx,
                                                 double         dy);
void             mw_render_drag_draw_moving     (MwRenderDrag  *drag,
                                                 cairo_t       *cr,
                                                 const MwView  *view,
                                                 double         dx,
                                                 double         dy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwRenderDrag, mw_render_drag_free)

G_END_DECLS
