/* mw-render-tiles.h: a view drawn in cached tiles, for pans and zooms of big networks
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-renderer.h"

G_BEGIN_DECLS

/* The canvas shows big networks as square tiles of device pixels, each
 * drawn once by the renderer at one zoom (the tiles' zoom) and kept until
 * the network, the look or the emphasis changes:
 *
 *   tiles = mw_render_tiles_new (renderer, 256);
 *   mw_render_tiles_set_ready_func (tiles, redraw_cb, widget); // a tile is drawn
 *   mw_render_tiles_update (tiles, &view, settled, 8000);  // queues what is missing
 *   mw_render_tiles_foreach (tiles, &view, place_cb, data); // where each tile goes
 *
 * The tiles are drawn on a worker thread by a renderer of its own, on a
 * copy of @renderer's network taken between jobs; the calling thread only
 * composites them (and draws one frame of a view that shows none yet).
 *
 * While a zoom is under way (@settled false) the tiles of the last zoom
 * are scaled; once it settles, the view's zoom gets tiles of its own, and
 * the old ones stay underneath until each new one is drawn. */

typedef struct _MwRenderTiles MwRenderTiles;

/* A tile to composite: its pixels (ARGB32, premultiplied, opaque) and its
 * place in view pixels; @sharp is false for a tile of another zoom. */
typedef void (*MwTilePlaceFunc) (cairo_surface_t *surface,
                                 double           x,
                                 double           y,
                                 double           width,
                                 double           height,
                                 gboolean         sharp,
                                 gpointer         user_data);

MwRenderTiles *mw_render_tiles_new          (MwRenderer     *renderer,
                                             int             tile_size);
void           mw_render_tiles_free         (MwRenderTiles  *tiles);
void           mw_render_tiles_offer_copy   (MwRenderTiles  *tiles,
                                             MwNetwork      *copy);
void           mw_render_tiles_drop_all     (MwRenderTiles  *tiles);
void           mw_render_tiles_set_emphasis_serial (MwRenderTiles *tiles,
                                             guint64         serial);
void           mw_render_tiles_set_threaded (MwRenderTiles  *tiles,
                                             gboolean        threaded);
void           mw_render_tiles_set_prefetch (MwRenderTiles  *tiles,
                                             gboolean        prefetch);
void           mw_render_tiles_set_ready_func (MwRenderTiles *tiles,
                                             GSourceFunc     ready,
                                             gpointer        user_data);
void           mw_render_tiles_wait         (MwRenderTiles  *tiles);
void           mw_render_tiles_hold_worker  (MwRenderTiles  *tiles,
                                             gboolean        hold);
gboolean       mw_render_tiles_update       (MwRenderTiles  *tiles,
                                             const MwView   *view,
                                             gboolean        settled,
                                             gint64          budget_us);
void           mw_render_tiles_foreach      (MwRenderTiles  *tiles,
                                             const MwView   *view,
                                             MwTilePlaceFunc func,
                                             gpointer        user_data);
void           mw_render_tiles_paint        (MwRenderTiles  *tiles,
                                             cairo_t        *cr,
                                             const MwView   *view);
gboolean       mw_render_tiles_draw_overlay (MwRenderTiles  *tiles,
                                             cairo_t        *cr,
                                             const MwView   *view);
guint          mw_render_tiles_get_n_drawn  (MwRenderTiles  *tiles);
void           mw_render_tiles_get_background (const MwView *view,
                                             MwColor        *color);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwRenderTiles, mw_render_tiles_free)

G_END_DECLS
