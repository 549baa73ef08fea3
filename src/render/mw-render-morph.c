/* mw-render-morph.c: drawing one network turning into the next
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two copies of the networks, each with its own MwRenderer, so the one
 * renderer draws every actor, tie and boundary. A frame moves both
 * copies' actors to where the morph (core/layout/mw-morph.c) puts them —
 * a kept actor at the same place in both — draws each copy into a layer
 * and adds the layers weighted (1 − e) and e: what both show (a kept actor,
 * a kept tie) stays whole, what only the first shows fades out, what only
 * the second shows fades in, and boundaries regroup as their actors move.
 * At t = 0 and t = 1 the frame is the first or the second network's own.
 *
 * Above the renderer: it only calls mw-renderer.h and the style.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>

#include "mw-render-morph.h"
#include "mw-renderer-private.h"

enum { FROM, TO, N_ENDS };

#define MIN_FADE 0.02

struct _MwRenderMorph
{
  GObject          parent_instance;

  /* owned */
  MwNetwork       *networks[N_ENDS];   /* copies: their actors move */
  MwRenderer      *renderers[N_ENDS];
  MwMorph         *morph;
  double          *xy[N_ENDS];         /* this frame's places, x, y by actor index */
  MwRect           bounds;
  gboolean         has_bounds;
  cairo_surface_t *layers[N_ENDS];     /* kept from frame to frame */
  int              layer_width;
  int              layer_height;
  double           layer_scale;
};

G_DEFINE_FINAL_TYPE (MwRenderMorph, mw_render_morph, G_TYPE_OBJECT)

static void
mw_render_morph_finalize (GObject *object)
{
  MwRenderMorph *self = MW_RENDER_MORPH (object);

  for (guint end = 0; end < N_ENDS; end++)
    {
      g_clear_object (&self->renderers[end]);
      g_clear_object (&self->networks[end]);
      g_clear_pointer (&self->xy[end], g_free);
      g_clear_pointer (&self->layers[end], cairo_surface_destroy);
    }
  g_clear_pointer (&self->morph, mw_morph_free);

  G_OBJECT_CLASS (mw_render_morph_parent_class)->finalize (object);
}

static void
mw_render_morph_class_init (MwRenderMorphClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mw_render_morph_finalize;
}

static void
mw_render_morph_init (MwRenderMorph *self)
{
  self->bounds.width = -1;
}

/* Actors without a position start and end where the renderer draws them. */
static void
place_unplaced (MwRenderMorph *self,
                guint          end)
{
  MwNetwork *network = self->networks[end];

  g_assert (MW_IS_RENDER_MORPH (self));

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      double x, y;

      if (actor->has_position)
        continue;
      mw_renderer_get_actor_position (self->renderers[end], actor, &x, &y);
      if (end == FROM)
        mw_morph_set_start (self->morph, i, x, y);
      else
        mw_morph_set_end (self->morph, i, x, y);
    }
}

/**
 * mw_render_morph_new:
 * @from: the network shown at t = 0
 * @to: the network shown at t = 1
 *
 * Both are copied: they may change or go while the morph is drawn.
 *
 * Returns: (transfer full): the morph's renderer
 */
MwRenderMorph *
mw_render_morph_new (MwNetwork *from,
                     MwNetwork *to)
{
  MwRenderMorph *self;
  MwNetwork *originals[N_ENDS] = { from, to };

  g_return_val_if_fail (MW_IS_NETWORK (from), NULL);
  g_return_val_if_fail (MW_IS_NETWORK (to), NULL);

  self = g_object_new (MW_TYPE_RENDER_MORPH, NULL);
  for (guint end = 0; end < N_ENDS; end++)
    {
      self->networks[end] = mw_network_copy (originals[end]);
      self->renderers[end] = mw_renderer_new (self->networks[end]);
      self->xy[end] = g_new0 (double, 2 * MAX (mw_network_get_n_actors (self->networks[end]), 1));
    }
  self->morph = mw_morph_new (self->networks[FROM], self->networks[TO]);
  for (guint end = 0; end < N_ENDS; end++)
    {
      MwRect bounds;

      place_unplaced (self, end);
      if (mw_renderer_get_bounds (self->renderers[end], &bounds))
        {
          _mw_rect_union (&self->bounds, &bounds);
          self->has_bounds = TRUE;
        }
    }
  return self;
}

/**
 * mw_render_morph_follow:
 * @renderer: the renderer whose settings the morph draws with (a canvas's)
 */
void
mw_render_morph_follow (MwRenderMorph *self,
                        MwRenderer    *renderer)
{
  g_return_if_fail (MW_IS_RENDER_MORPH (self));
  g_return_if_fail (MW_IS_RENDERER (renderer));

  for (guint end = 0; end < N_ENDS; end++)
    {
      mw_renderer_set_size_by (self->renderers[end], mw_renderer_get_size_by (renderer));
      mw_renderer_set_font (self->renderers[end], mw_renderer_get_font (renderer));
    }
}

/* Returns: (transfer none): which actors and ties are kept, leave or arrive */
MwMorph *
mw_render_morph_get_morph (MwRenderMorph *self)
{
  g_return_val_if_fail (MW_IS_RENDER_MORPH (self), NULL);
  return self->morph;
}

/**
 * mw_render_morph_get_bounds:
 *
 * Returns: whether there is anything to draw; @bounds then holds both
 *   networks, as first drawn (for fitting a view to the whole change)
 */
gboolean
mw_render_morph_get_bounds (MwRenderMorph *self,
                            MwRect        *bounds)
{
  g_return_val_if_fail (MW_IS_RENDER_MORPH (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  *bounds = self->bounds;
  return self->has_bounds;
}

/* Puts every actor of both copies where it is at @t. */
static void
move_actors (MwRenderMorph *self,
             double         t)
{
  g_assert (MW_IS_RENDER_MORPH (self));

  mw_morph_positions_at (self->morph, t, self->xy[FROM], self->xy[TO]);
  for (guint end = 0; end < N_ENDS; end++)
    {
      MwNetwork *network = self->networks[end];
      const double *xy = self->xy[end];

      for (guint i = 0; i < mw_network_get_n_actors (network); i++)
        mw_network_set_actor_position (network, mw_network_get_actor (network, i),
                                       xy[2 * i], xy[2 * i + 1]);
    }
}

/* The two layers, as large as the view in device pixels, made again only
 * when that size changes. */
static void
ensure_layers (MwRenderMorph *self,
               const MwView  *view)
{
  double scale = view->scale > 0 ? view->scale : 1;
  int width = (int)ceil (view->width * scale);
  int height = (int)ceil (view->height * scale);

  g_assert (MW_IS_RENDER_MORPH (self));

  if (self->layers[FROM] != NULL && width == self->layer_width && height == self->layer_height &&
      scale == self->layer_scale)
    return;
  for (guint end = 0; end < N_ENDS; end++)
    {
      g_clear_pointer (&self->layers[end], cairo_surface_destroy);
      self->layers[end] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1));
      cairo_surface_set_device_scale (self->layers[end], scale, scale);
    }
  self->layer_width = width;
  self->layer_height = height;
  self->layer_scale = scale;
}

static void
draw_layer (MwRenderMorph *self,
            guint          end,
            const MwView  *view)
{
  cairo_t *cr = cairo_create (self->layers[end]);

  g_assert (MW_IS_RENDER_MORPH (self));

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  mw_renderer_draw (self->renderers[end], cr, view);
  cairo_destroy (cr);
}

/* The first layer becomes (1 − e) · first + e · second: pixels both show
 * alike stay as they are. */
static void
blend_layers (MwRenderMorph *self,
              double         e)
{
  cairo_t *cr = cairo_create (self->layers[FROM]);

  g_assert (MW_IS_RENDER_MORPH (self));

  cairo_set_operator (cr, CAIRO_OPERATOR_DEST_IN);
  cairo_set_source_rgba (cr, 0, 0, 0, 1 - e);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_ADD);
  cairo_set_source_surface (cr, self->layers[TO], 0, 0);
  cairo_paint_with_alpha (cr, e);
  cairo_destroy (cr);
}

/**
 * mw_render_morph_draw:
 * @view: as for mw_renderer_draw(); its sets of actors and ties are
 *   ignored (they name another network's)
 * @t: the share of the time gone, 0…1 (eased here)
 *
 * Draws the change at @t into (0, 0, width, height) of @cr's user space.
 */
void
mw_render_morph_draw (MwRenderMorph *self,
                      cairo_t       *cr,
                      const MwView  *view,
                      double         t)
{
  MwView plain;
  double e = mw_morph_ease (t);

  g_return_if_fail (MW_IS_RENDER_MORPH (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL && view->zoom > 0);

  plain = *view;
  plain.highlighted_actors = plain.highlighted_ties = NULL;
  plain.selected_actors = plain.selected_ties = NULL;
  for (guint end = 0; end < N_ENDS; end++)
    _mw_renderer_set_quick_geometry (self->renderers[end], e > 0 && e < 1);
  move_actors (self, t);
  /* a fade under 2 % is not seen (5 of 255 levels): one layer does */
  if (e < MIN_FADE || e > 1 - MIN_FADE)
    {
      mw_renderer_draw (self->renderers[e < 0.5 ? FROM : TO], cr, &plain);
      return;
    }

  plain.transparent = TRUE;
  plain.raster = TRUE;
  ensure_layers (self, view);
  draw_layer (self, FROM, &plain);
  draw_layer (self, TO, &plain);
  blend_layers (self, e);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);
  if (!view->transparent)
    {
      _mw_set_source (cr, &_mw_theme_get_for (view->dark, view->high_contrast)->background, 1);
      cairo_paint (cr);
    }
  cairo_set_source_surface (cr, self->layers[FROM], 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}
