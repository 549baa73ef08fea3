/* mw-render-morph.c: drawing one network turning into the next
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two copies of the networks, each with its own MwRenderer. The first and
 * the last frames are those renderers' still frames. In between, nothing is laid out again: what does not change
 * while actors move — each actor with its badges and label — is drawn
 * once, by the renderer itself, into a small picture (a sprite; see
 * mw-render-morph-sprites.c), and a frame only copies the sprites in view
 * to their places with their opacity, over the ties as straight lines
 * batched by type and fate and the boundaries of units and organisations
 * as boxes between their first and last place. A kept actor that looks
 * the same in both networks is one sprite; one that changes crosses from
 * its first to its last look. Where the actors are specks (the renderer's
 * map) the two still frames are drawn once and faded into each other.
 *
 * Above the renderer: it calls mw-renderer.h, the style and two hooks of
 * mw-renderer-private.h.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-render-morph-private.h"

G_DEFINE_FINAL_TYPE (MwRenderMorph, mw_render_morph, G_TYPE_OBJECT)

static void
mw_render_morph_finalize (GObject *object)
{
  MwRenderMorph *self = MW_RENDER_MORPH (object);

  _mw_render_morph_clear_sprites (self);
  for (guint end = 0; end < MW_MORPH_N_ENDS; end++)
    {
      g_clear_object (&self->renderers[end]);
      g_clear_object (&self->networks[end]);
      g_clear_pointer (&self->layers[end], cairo_surface_destroy);
    }
  g_clear_pointer (&self->tie_layer, cairo_surface_destroy);
  for (guint b = 0; b < G_N_ELEMENTS (self->tie_buckets); b++)
    g_clear_pointer (&self->tie_buckets[b], g_array_unref);
  g_clear_pointer (&self->groups, g_array_unref);
  g_clear_pointer (&self->actors, g_free);
  g_clear_pointer (&self->sprites, g_free);
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
      if (end == MW_MORPH_FROM)
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
  MwNetwork *originals[MW_MORPH_N_ENDS] = { from, to };

  g_return_val_if_fail (MW_IS_NETWORK (from), NULL);
  g_return_val_if_fail (MW_IS_NETWORK (to), NULL);

  self = g_object_new (MW_TYPE_RENDER_MORPH, NULL);
  for (guint end = 0; end < MW_MORPH_N_ENDS; end++)
    {
      self->networks[end] = mw_network_copy (originals[end]);
      self->renderers[end] = mw_renderer_new (self->networks[end]);
    }
  self->morph = mw_morph_new (self->networks[MW_MORPH_FROM], self->networks[MW_MORPH_TO]);
  for (guint end = 0; end < MW_MORPH_N_ENDS; end++)
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

  for (guint end = 0; end < MW_MORPH_N_ENDS; end++)
    {
      mw_renderer_set_size_by (self->renderers[end], mw_renderer_get_size_by (renderer));
      mw_renderer_set_font (self->renderers[end], mw_renderer_get_font (renderer));
    }
  /* sizes and labels may have changed: read them again */
  self->prepared = FALSE;
  _mw_render_morph_clear_sprites (self);
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

/**
 * mw_render_morph_get_n_drawn:
 *
 * Returns: how many actor pictures the last frame between the ends copied
 *   (those in view; for tests and benchmarks)
 */
guint
mw_render_morph_get_n_drawn (MwRenderMorph *self)
{
  g_return_val_if_fail (MW_IS_RENDER_MORPH (self), 0);
  return self->n_drawn;
}

/* ---- fading between two still frames (the map) --------------------------- */

static gboolean
same_view (const MwView *a,
           const MwView *b)
{
  return a->zoom == b->zoom && a->offset_x == b->offset_x && a->offset_y == b->offset_y &&
         a->width == b->width && a->height == b->height && a->scale == b->scale && a->dark == b->dark &&
         a->high_contrast == b->high_contrast && a->labels == b->labels;
}

/* Both networks' still frames of @view, drawn again only when it changes. */
static void
ensure_layers (MwRenderMorph *self,
               const MwView  *view)
{
  double scale = view->scale > 0 ? view->scale : 1;
  int width = (int)ceil (view->width * scale);
  int height = (int)ceil (view->height * scale);
  MwView plain = *view;

  g_assert (MW_IS_RENDER_MORPH (self));

  if (self->layers[MW_MORPH_FROM] != NULL && same_view (&self->layer_view, view))
    return;
  plain.transparent = TRUE;
  plain.raster = TRUE;
  for (guint end = 0; end < MW_MORPH_N_ENDS; end++)
    {
      cairo_t *cr;

      g_clear_pointer (&self->layers[end], cairo_surface_destroy);
      self->layers[end] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1));
      cairo_surface_set_device_scale (self->layers[end], scale, scale);
      cr = cairo_create (self->layers[end]);
      mw_renderer_draw (self->renderers[end], cr, &plain);
      cairo_destroy (cr);
    }
  self->layer_view = *view;
}

/* (1 − e) · first + e · second: pixels both show alike stay as they are. */
static void
draw_faded (MwRenderMorph *self,
            cairo_t       *cr,
            const MwView  *view,
            double         e)
{
  ensure_layers (self, view);
  cairo_push_group (cr);
  cairo_set_source_surface (cr, self->layers[MW_MORPH_FROM], 0, 0);
  cairo_paint_with_alpha (cr, 1 - e);
  cairo_set_operator (cr, CAIRO_OPERATOR_ADD);
  cairo_set_source_surface (cr, self->layers[MW_MORPH_TO], 0, 0);
  cairo_paint_with_alpha (cr, e);
  cairo_pop_group_to_source (cr);
  cairo_paint (cr);
}

/* ---- a frame in between --------------------------------------------------- */

static double
fate_alpha (MwMorphFate fate,
            double      e)
{
  switch (fate)
    {
    case MW_MORPH_LEAVING:
      return 1 - e;
    case MW_MORPH_ARRIVING:
      return e;
    case MW_MORPH_KEPT:
    default:
      return 1;
    }
}

/* Units and organisations: rounded boxes between their first and last
 * place, as the renderer draws them; those in one network only fade. */
static void
draw_groups (MwRenderMorph *self,
             cairo_t       *cr,
             const MwView  *view,
             const MwRect  *visible,
             double         e)
{
  const MwTheme *theme = _mw_theme_get_for (view->dark, view->high_contrast);
  double px = 1.0 / (view->zoom * (view->scale > 0 ? view->scale : 1));

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < self->groups->len; i++)
      {
        const MwMorphGroup *group = &g_array_index (self->groups, MwMorphGroup, i);
        double alpha = fate_alpha (group->fate, e), r = group->is_org ? 22 : 14;
        guint end = group->fate == MW_MORPH_ARRIVING || (group->fate == MW_MORPH_KEPT && e > 0.5);
        const MwRect *a = &group->box[MW_MORPH_FROM], *z = &group->box[MW_MORPH_TO];
        MwRect b;
        MwColor color;

        if (group->is_org != (pass == 0))
          continue;
        if (group->fate == MW_MORPH_KEPT)
          {
            b.x = a->x + (z->x - a->x) * e;
            b.y = a->y + (z->y - a->y) * e;
            b.width = a->width + (z->width - a->width) * e;
            b.height = a->height + (z->height - a->height) * e;
          }
        else
          b = group->box[end];
        if (!_mw_rect_meets (visible, b.x, b.y, b.x + b.width, b.y + b.height))
          continue;

        _mw_palette_color (group->color[end], view->dark, &color);
        cairo_new_path (cr);
        cairo_new_sub_path (cr);
        cairo_arc (cr, b.x + b.width - r, b.y + r, r, -G_PI / 2, 0);
        cairo_arc (cr, b.x + b.width - r, b.y + b.height - r, r, 0, G_PI / 2);
        cairo_arc (cr, b.x + r, b.y + b.height - r, r, G_PI / 2, G_PI);
        cairo_arc (cr, b.x + r, b.y + r, r, G_PI, 3 * G_PI / 2);
        cairo_close_path (cr);
        if (group->is_org)
          _mw_set_source (cr, &color, (view->dark ? 0.12 : 0.08) * alpha);
        else
          _mw_set_source (cr, &theme->text, (view->dark ? 0.06 : 0.035) * alpha);
        cairo_fill_preserve (cr);
        cairo_set_dash (cr, NULL, 0, 0);
        cairo_set_line_width (cr, MAX (group->is_org ? 1.6 : 1.0, px));
        if (group->is_org)
          _mw_set_source (cr, &color, 0.7 * alpha);
        else
          _mw_set_source (cr, &theme->text_soft, 0.35 * alpha);
        cairo_stroke (cr);
      }
}

/* ---- ties: straight antialiased lines, rasterised by hand ---------------- */

/* The pixels ties are drawn into this frame, premultiplied ARGB. */
typedef struct
{
  guint32 *data;
  int      stride;      /* in pixels */
  int      width;
  int      height;
  guint32  color;       /* this bucket's, opaque ARGB */
  guint32  alpha;       /* … and its opacity, 0…255 */
  double   period;      /* dots: one every so many pixels along the line; 0 solid */
  double   dot;         /* … each this long */
} TieLayer;

/* Lays the bucket's colour with coverage @cov (0…255) over one pixel:
 * two channels at a time, premultiplied, rounded as cairo does. */
static inline void
blend_pixel (const TieLayer *l,
             int             x,
             int             y,
             guint32         cov)
{
  guint32 *p = l->data + (gsize)y * l->stride + x, d = *p;
  guint32 a = (cov * l->alpha + 255) >> 8, na = 255 - a;
  guint32 rb = (l->color & 0xff00ff) * a + (d & 0xff00ff) * na + 0x800080;
  guint32 ag = (l->color >> 8 & 0xff00ff) * a + (d >> 8 & 0xff00ff) * na + 0x800080;

  rb = (rb + (rb >> 8 & 0xff00ff)) >> 8 & 0xff00ff;
  ag = (ag + (ag >> 8 & 0xff00ff)) & 0xff00ff00;
  *p = rb | ag;
}

/* Clips the segment to the layer (Liang–Barsky); FALSE when it misses. */
static gboolean
clip_segment (const TieLayer *l,
              double         *x0,
              double         *y0,
              double         *x1,
              double         *y1)
{
  MwRect r = { 0, 0, l->width - 1, l->height - 1 };
  double lo[2] = { r.x, r.y }, hi[2] = { r.width, r.height };
  double p[2] = { *x0, *y0 }, d[2] = { *x1 - *x0, *y1 - *y0 }, t0 = 0, t1 = 1;

  for (int k = 0; k < 2; k++)
    {
      if (fabs (d[k]) < 1e-12)
        {
          if (!(p[k] >= lo[k] && p[k] <= hi[k]))
            return FALSE;
          continue;
        }
      {
        double ta = (lo[k] - p[k]) / d[k], tb = (hi[k] - p[k]) / d[k];

        t0 = MAX (t0, MIN (ta, tb));
        t1 = MIN (t1, MAX (ta, tb));
      }
    }
  if (t0 > t1)
    return FALSE;
  *x0 = p[0] + d[0] * t0, *y0 = p[1] + d[1] * t0;
  *x1 = p[0] + d[0] * t1, *y1 = p[1] + d[1] * t1;
  return TRUE;
}

/* A one-pixel antialiased line (Xiaolin Wu's) in device pixels; ties of
 * checks in dots. Cairo spends tens of microseconds on each long line. */
static void
wu_line (const TieLayer *l,
         double          x0,
         double          y0,
         double          x1,
         double          y1)
{
  gboolean steep;
  double gradient, step, s = 0;
  gint64 y, dy;
  int limit, from, to;

  if (!clip_segment (l, &x0, &y0, &x1, &y1))
    return;
  steep = fabs (y1 - y0) > fabs (x1 - x0);
  limit = steep ? l->width : l->height;
  if (steep)
    {
      double t = x0; x0 = y0; y0 = t;
      t = x1; x1 = y1; y1 = t;
    }
  if (x0 > x1)
    {
      double t = x0; x0 = x1; x1 = t;
      t = y0; y0 = y1; y1 = t;
    }
  gradient = x1 - x0 > 1e-9 ? (y1 - y0) / (x1 - x0) : 0;
  step = sqrt (1 + gradient * gradient);
  /* clipped, but rounding may leave a hair outside */
  from = CLAMP ((int)floor (x0), 0, (steep ? l->height : l->width) - 1);
  to = CLAMP ((int)floor (x1), 0, (steep ? l->height : l->width) - 1);
  /* the minor coordinate at pixel centres in 16.16 fixed point */
  y = (gint64)llround ((y0 + gradient * (from + 0.5 - x0) - 0.5) * 65536);
  dy = (gint64)llround (gradient * 65536);
  for (int x = from; x <= to; x++, y += dy, s += step)
    {
      int yi = (int)(y >> 16);
      guint32 f = (guint32)(y >> 8 & 0xff);

      if (l->period > 0 && fmod (s, l->period) >= l->dot)
        continue;
      if ((guint)yi < (guint)limit)
        steep ? blend_pixel (l, yi, x, 255 - f) : blend_pixel (l, x, yi, 255 - f);
      if ((guint)(yi + 1) < (guint)limit)
        steep ? blend_pixel (l, yi + 1, x, f) : blend_pixel (l, x, yi + 1, f);
    }
}

/* A line @width device pixels wide: as many one-pixel lines side by side. */
static void
wide_line (const TieLayer *l,
           double          width,
           double          x0,
           double          y0,
           double          x1,
           double          y1)
{
  int n = MAX (1, (int)floor (width + 0.5));
  double len = hypot (x1 - x0, y1 - y0), nx, ny;

  if (len < 1e-9)
    return;
  nx = -(y1 - y0) / len, ny = (x1 - x0) / len;
  for (int k = 0; k < n; k++)
    {
      double o = k - (n - 1) / 2.0;

      wu_line (l, x0 + nx * o, y0 + ny * o, x1 + nx * o, y1 + ny * o);
    }
}

/* The layer, as large as the view in device pixels, made again only when
 * that size changes, cleared for each frame. */
static gboolean
ensure_tie_layer (MwRenderMorph *self,
                  const MwView  *view,
                  TieLayer      *l)
{
  double scale = view->scale > 0 ? view->scale : 1;
  int width = MAX ((int)ceil (view->width * scale), 1), height = MAX ((int)ceil (view->height * scale), 1);

  if (self->tie_layer == NULL || cairo_image_surface_get_width (self->tie_layer) != width ||
      cairo_image_surface_get_height (self->tie_layer) != height)
    {
      g_clear_pointer (&self->tie_layer, cairo_surface_destroy);
      self->tie_layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    }
  if (cairo_surface_status (self->tie_layer) != CAIRO_STATUS_SUCCESS)
    return FALSE;
  cairo_surface_set_device_scale (self->tie_layer, scale, scale);
  cairo_surface_flush (self->tie_layer);
  l->data = (guint32 *)cairo_image_surface_get_data (self->tie_layer);
  l->stride = cairo_image_surface_get_stride (self->tie_layer) / 4;
  l->width = width;
  l->height = height;
  memset (l->data, 0, (gsize)l->stride * 4 * height);
  return TRUE;
}

/* Ties straight between their ends' places, by type, weight and fate,
 * into a layer painted once. */
static void
draw_ties (MwRenderMorph *self,
           cairo_t       *cr,
           const MwView  *view,
           const MwRect  *visible,
           double         e)
{
  const MwTheme *theme = _mw_theme_get_for (view->dark, view->high_contrast);
  double scale = view->scale > 0 ? view->scale : 1, k = view->zoom * scale;
  gboolean markers = MW_ARROW_LENGTH * view->zoom >= 3.5;
  TieLayer l;

  if (!ensure_tie_layer (self, view, &l))
    return;
  for (guint b = 0; b < G_N_ELEMENTS (self->tie_buckets); b++)
    {
      GArray *bucket = self->tie_buckets[b];
      MwTieType type = MW_MORPH_BUCKET_TYPE (b);
      double width = (type == MW_TIE_REPORTS ? 1.6 : 1.2) * (MW_MORPH_BUCKET_HEAVY (b) ? 2 : 1) * k;
      const MwColor *color = &theme->tie[type];

      l.alpha = (guint32)lround (CLAMP (fate_alpha (MW_MORPH_BUCKET_FATE (b), e) * color->alpha, 0, 1) * 255);
      if (bucket->len == 0 || l.alpha == 0)
        continue;
      l.color = 0xff000000u | (guint32)lround (CLAMP (color->red, 0, 1) * 255) << 16 |
                (guint32)lround (CLAMP (color->green, 0, 1) * 255) << 8 | (guint32)lround (CLAMP (color->blue, 0, 1) * 255);
      /* dots only where they can be told from a line, as the renderer does */
      l.period = markers && type == MW_TIE_CHECKS ? 3.3 * MAX (width, 1) : 0;
      l.dot = MAX (width, 1);
      for (guint i = 0; i < bucket->len; i++)
        {
          const MwMorphTie *tie = mw_morph_get_tie (self->morph, g_array_index (bucket, guint, i));
          const MwMorphPlace *p = &self->actors[tie->from], *q = &self->actors[tie->to];
          MwTieGeom g;

          if (!_mw_segment_meets (visible, MW_ARROW_LENGTH + 4, p->x, p->y, q->x, q->y))
            continue;
          _mw_tie_geometry (type, p->x, p->y, p->r, q->x, q->y, q->r, 0, markers, &g);
          wide_line (&l, width, (g.x1 - view->offset_x) * k, (g.y1 - view->offset_y) * k,
                     (g.x2 - view->offset_x) * k, (g.y2 - view->offset_y) * k);
        }
    }
  cairo_surface_mark_dirty (self->tie_layer);
  cairo_set_source_surface (cr, self->tie_layer, 0, 0);
  cairo_paint (cr);
}

/* Where every actor is at @e, with its size between its two. */
static void
place_actors (MwRenderMorph *self,
              double         e)
{
  guint n = mw_morph_get_n_actors (self->morph);

  for (guint i = 0; i < n; i++)
    {
      const MwMorphActor *m = mw_morph_get_actor (self->morph, i);
      MwMorphPlace *p = &self->actors[i];

      p->x = m->x0 + (m->x1 - m->x0) * e;
      p->y = m->y0 + (m->y1 - m->y0) * e;
      p->r = p->r0 + (p->r1 - p->r0) * e;
    }
}

static void
draw_between (MwRenderMorph *self,
              cairo_t       *cr,
              const MwView  *view,
              double         e)
{
  MwRect visible = { view->offset_x, view->offset_y, view->width / view->zoom, view->height / view->zoom };

  _mw_render_morph_prepare (self);
  place_actors (self, e);

  cairo_save (cr);
  cairo_scale (cr, view->zoom, view->zoom);
  cairo_translate (cr, -view->offset_x, -view->offset_y);
  draw_groups (self, cr, view, &visible, e);
  cairo_restore (cr);
  draw_ties (self, cr, view, &visible, e);
  _mw_render_morph_draw_sprites (self, cr, view, &visible, e);
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
  self->n_drawn = 0;
  /* the first and the last frame are the networks' own */
  if (e <= 0 || e >= 1)
    {
      mw_renderer_draw (self->renderers[e < 0.5 ? MW_MORPH_FROM : MW_MORPH_TO], cr, &plain);
      return;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  cairo_clip (cr);
  if (!view->transparent)
    {
      _mw_set_source (cr, &_mw_theme_get_for (view->dark, view->high_contrast)->background, 1);
      cairo_paint (cr);
    }
  if (_mw_renderer_map_weight (self->renderers[MW_MORPH_FROM], &plain) > 0 ||
      _mw_renderer_map_weight (self->renderers[MW_MORPH_TO], &plain) > 0)
    draw_faded (self, cr, &plain, e);
  else
    draw_between (self, cr, &plain, e);
  cairo_restore (cr);
}
