/* mw-canvas-drag.c: dragging actors of a big network over a picture of the rest
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Level 2 of MwCanvas (see mw-canvas-private.h); it calls no other file of
 * the canvas. Dragging actors used to move them in the network at every
 * motion of the pointer (a setter, its listeners, the renderer's geometry)
 * and draw the whole view again. Past MW_ROUTE_MAX_ACTORS (where moving an
 * actor bends no other tie and moves no other label) a drag now keeps the
 * view without the dragged actors and their ties as one texture
 * (mw-render-drag.c), drawn once and again only when the view moves, and
 * each motion draws only the boundaries under it and the dragged actors,
 * their ties and labels over it. The drag's edit stays open meanwhile, so nothing else edits; the
 * network, and every view that listens to it (the inspector's place, the
 * table, the scores, the screen reader's description), changes once, on
 * release, in one step of the history (mw-canvas-input.c).
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include "mw-canvas-private.h"
#include "mw-render-drag.h"

/* The background's pixels as a texture, sharing them: the surface is
 * kept alive by the bytes for as long as a frame holds the texture. */
static GdkTexture *
background_texture (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int height = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize)stride * height,
                                      (GDestroyNotify)cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  /* cairo's ARGB32 is GDK_MEMORY_DEFAULT */
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                 GDK_MEMORY_DEFAULT, bytes, stride);
}

/**
 * _mw_canvas_drag_begin:
 *
 * Once a move of the selected actors begins: draws it over a picture of
 * the rest when the network is big (the canvas shows it in tiles) and
 * moving an actor moves nothing else (mw_render_drag_supported()).
 */
void
_mw_canvas_drag_begin (MwCanvas *self)
{
  g_autoptr(GPtrArray) actors = g_ptr_array_new ();
  MwItemSetIter iter;
  gpointer actor;
  const char *id;

  g_assert (MW_IS_CANVAS (self));

  _mw_canvas_drag_end (self);
  /* a morph playing draws instead of the network */
  if (self->morph != NULL || self->tiles_min_actors < 0 ||
      mw_network_get_n_actors (self->network) < (guint)self->tiles_min_actors ||
      !mw_render_drag_supported (self->renderer))
    return;

  mw_item_set_iter_init_actors (&iter, self->selection);
  while (mw_item_set_iter_next (&iter, &actor, &id))
    g_ptr_array_add (actors, actor);
  self->drag_picture = mw_render_drag_new (self->renderer, actors);
}

/* Whether a drag is drawn over a picture: its moves wait for the release. */
gboolean
_mw_canvas_drag_is_pictured (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));
  return self->drag_picture != NULL;
}

/* Drops the picture (release, Escape, dispose). */
void
_mw_canvas_drag_end (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  g_clear_pointer (&self->drag_picture, mw_render_drag_free);
  g_clear_object (&self->drag_texture);
}

/**
 * _mw_canvas_snapshot_drag:
 *
 * Appends the picture of what is not dragged, over the boundaries, and
 * draws what is, where the pointer has taken it.
 *
 * Returns: %FALSE when the caller draws the network itself: no pictured
 *   drag, or the network changed under it
 */
gboolean
_mw_canvas_snapshot_drag (MwCanvas    *self,
                          GtkSnapshot *snapshot)
{
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, self->view.width, self->view.height);
  double dx = self->drag_dx / self->view.zoom, dy = self->drag_dy / self->view.zoom;
  cairo_surface_t *background;
  gboolean redrawn;
  cairo_t *cr;

  g_assert (MW_IS_CANVAS (self));

  if (self->drag_picture == NULL)
    return FALSE;
  background = mw_render_drag_get_background (self->drag_picture, &self->view, &redrawn);
  if (background == NULL)
    {
      _mw_canvas_drag_end (self);
      return FALSE;
    }
  if (redrawn || self->drag_texture == NULL)
    {
      g_clear_object (&self->drag_texture);
      self->drag_texture = background_texture (background);
    }

  /* the background and the boundaries, the picture, what moves */
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  mw_render_drag_draw_under (self->drag_picture, cr, &self->view, dx, dy);
  cairo_destroy (cr);
  gtk_snapshot_append_texture (snapshot, self->drag_texture, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  mw_render_drag_draw_moving (self->drag_picture, cr, &self->view, dx, dy);
  cairo_destroy (cr);
  return TRUE;
}
