/* mw-canvas-tiles.c: big networks shown from cached tiles, composited as textures
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Level 2 of MwCanvas (see mw-canvas-private.h); it calls no other file of
 * the canvas. Past MW_CANVAS_TILES_MIN_ACTORS a frame composites the
 * renderer's tiles (mw-render-tiles.c) as GdkTextures instead of drawing
 * the network again: a pan copies pixels and draws only the tiles it
 * uncovers, a zoom scales the last zoom's tiles until it settles. Missing
 * tiles are drawn by the tiles' worker thread, nearest the middle first;
 * when it has drawn some it says so and a frame takes them. Until a tile
 * is there the last zoom's tile shows scaled under it, or else the
 * background. The UI thread only composites.
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include "mw-canvas-private.h"
#include "mw-render-tiles.h"

#define TILE_SIZE      256      /* device pixels */
#define TILE_BUDGET_US 8000     /* tile drawing a frame may spend, without the worker */
#define ZOOM_SETTLE_MS 200      /* no zoom for this long: sharp tiles at the new zoom */
#define KEY_WIDTH      320      /* where the map's key may draw, from the bottom-left corner */
#define KEY_HEIGHT     120

static const cairo_user_data_key_t texture_key;

/* A tile's texture, made once from its pixels and kept with them. */
static GdkTexture *
tile_texture (cairo_surface_t *surface)
{
  GdkTexture *texture = cairo_surface_get_user_data (surface, &texture_key);
  g_autoptr(GBytes) bytes = NULL;
  int stride, height;

  if (texture != NULL)
    return texture;
  stride = cairo_image_surface_get_stride (surface);
  height = cairo_image_surface_get_height (surface);
  /* cairo's ARGB32 is GDK_MEMORY_DEFAULT; copied: a frame's nodes may keep
   * the texture after the tile is dropped */
  bytes = g_bytes_new (cairo_image_surface_get_data (surface), (gsize)stride * height);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  cairo_surface_set_user_data (surface, &texture_key, texture, g_object_unref);
  return texture;
}

static void
append_tile (cairo_surface_t *surface,
             double           x,
             double           y,
             double           width,
             double           height,
             gboolean         sharp,
             gpointer         user_data)
{
  GtkSnapshot *snapshot = user_data;

  gtk_snapshot_append_texture (snapshot, tile_texture (surface),
                               &GRAPHENE_RECT_INIT (x, y, width, height));
}

static gboolean
redraw_cb (gpointer user_data)
{
  MwCanvas *self = user_data;

  self->tiles_redraw_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Asks for one more frame once the zoom may have settled. */
static void
redraw_later (MwCanvas *self,
              guint     delay_ms)
{
  if (self->tiles_redraw_id != 0)
    return;
  self->tiles_redraw_id = g_timeout_add_full (G_PRIORITY_LOW, delay_ms, redraw_cb, self, NULL);
}

/* The worker has drawn tiles: a frame takes them. */
static gboolean
tiles_ready_cb (gpointer user_data)
{
  gtk_widget_queue_draw (GTK_WIDGET (user_data));
  return G_SOURCE_REMOVE;
}

/* What the selection, the highlight and the marks are now, in one number
 * that changes when any of them does: they are drawn into the tiles. */
static guint64
set_sum (GHashTable *set)
{
  GHashTableIter iter;
  gpointer key;
  guint64 sum = 0;

  if (set == NULL)
    return 0;
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    sum += (guint64)(guintptr)key * 0x9E3779B97F4A7C15ull;
  return sum ^ ((guint64)g_hash_table_size (set) << 48);
}

static guint64
emphasis_serial (MwCanvas *self)
{
  return set_sum (self->view.selected_actors) ^ (set_sum (self->view.selected_ties) * 3) ^
         (set_sum (self->view.highlighted_actors) * 5) ^ (set_sum (self->view.highlighted_ties) * 7);
}

/* Whether frames come from tiles: big networks, when nothing moves under
 * the pointer (a drag draws the network directly) and no morph plays. */
static gboolean
use_tiles (MwCanvas *self)
{
  if (self->tiles_min_actors < 0 || self->morph != NULL || self->drag_mode == DRAG_MOVE)
    return FALSE;
  return mw_network_get_n_actors (self->network) >= (guint)self->tiles_min_actors;
}

/**
 * _mw_canvas_snapshot_tiles:
 *
 * Appends the network's picture from tiles, when the network is big enough.
 *
 * Returns: %FALSE when the caller draws the network itself
 */
gboolean
_mw_canvas_snapshot_tiles (MwCanvas    *self,
                           GtkSnapshot *snapshot)
{
  gint64 now = g_get_monotonic_time ();
  gboolean settled, complete;
  MwColor bg;

  g_assert (MW_IS_CANVAS (self));

  if (!use_tiles (self))
    {
      g_clear_pointer (&self->tiles, mw_render_tiles_free);
      g_clear_object (&self->offered_copy);
      return FALSE;
    }
  if (self->tiles == NULL)
    {
      self->tiles = mw_render_tiles_new (self->renderer, TILE_SIZE);
      mw_render_tiles_set_ready_func (self->tiles, tiles_ready_cb, self);
      if (self->offered_copy != NULL)
        mw_render_tiles_offer_copy (self->tiles, g_steal_pointer (&self->offered_copy));
    }

  if (self->view.zoom != self->tiles_zoom)
    {
      self->tiles_zoom = self->view.zoom;
      self->tiles_zoom_time = now;
    }
  settled = now - self->tiles_zoom_time >= ZOOM_SETTLE_MS * 1000;
  mw_render_tiles_set_emphasis_serial (self->tiles, emphasis_serial (self));
  complete = mw_render_tiles_update (self->tiles, &self->view, settled, TILE_BUDGET_US);

  mw_render_tiles_get_background (&self->view, &bg);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { bg.red, bg.green, bg.blue, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, self->view.width, self->view.height));
  mw_render_tiles_foreach (self->tiles, &self->view, append_tile, snapshot);
  /* far out: the key of the map, once, over the tiles (in the bottom-left
   * corner, with room for longer translations) */
  if (mw_render_tiles_draw_overlay (self->tiles, NULL, &self->view))
    {
      double height = MIN (self->view.height, KEY_HEIGHT);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                               &GRAPHENE_RECT_INIT (0, self->view.height - height,
                                                                    MIN (self->view.width, KEY_WIDTH), height));

      mw_render_tiles_draw_overlay (self->tiles, cr, &self->view);
      cairo_destroy (cr);
    }

  /* the sharp tiles once the zoom has settled; the rest of them come with
   * the worker's word that they are drawn */
  if (!complete && !settled)
    redraw_later (self, ZOOM_SETTLE_MS);
  return TRUE;
}

/* Drops the tiles and what waits to draw them (a new renderer, dispose). */
void
_mw_canvas_clear_tiles (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  g_clear_handle_id (&self->tiles_redraw_id, g_source_remove);
  g_clear_pointer (&self->tiles, mw_render_tiles_free);
}
