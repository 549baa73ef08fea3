/* mw-render-actors.c: actors: shapes as cairo paths, or stamps copied pixel by pixel
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderStamps. Vector targets get one path per colour and state;
 * raster targets get each actor copied from a stamp, cairo's own drawing of
 * the shape at a quarter-pixel phase, straight into an image surface's
 * pixels or into one layer painted once. Also the selection rings, highlight
 * halos and badges drawn over the actors.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-renderer-private.h"

#define N_COLORS           MW_N_COLOR_BUCKETS

/* Stamps grow with the zoom; past this (device pixels) paths are cheaper. */
#define STAMP_MAX_RADIUS 40.0
#define STAMP_CACHE_MAX  4096

/* One actor's look at one size and quarter-pixel phase: drawn once by
 * cairo, then copied wherever such an actor stands. */
typedef struct
{
  double  r;         /* model points; the scale is the cache's */
  gint8   kind;
  gint8   color;
  gint8   dim;
  gint8   tiny;
  gint8   dark;
  gint8   phase_x;   /* quarters of a device pixel */
  gint8   phase_y;
} StampKey;

static guint
stamp_key_hash (gconstpointer data)
{
  const StampKey *key = data;
  guint h = g_double_hash (&key->r);

  h = h * 31 + (guint)key->kind;
  h = h * 31 + (guint)(key->color + 1);
  h = h * 31 + (guint)(key->dim | key->tiny << 1 | key->dark << 2);
  return h * 31 + (guint)(key->phase_x << 2 | key->phase_y);
}

static gboolean
stamp_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const StampKey *x = a, *y = b;

  return x->r == y->r && x->kind == y->kind && x->color == y->color && x->dim == y->dim &&
         x->tiny == y->tiny && x->dark == y->dark && x->phase_x == y->phase_x && x->phase_y == y->phase_y;
}

void
_mw_render_stamps_init (MwRenderStamps *stamps)
{
  stamps->cache = g_hash_table_new_full (stamp_key_hash, stamp_key_equal, g_free,
                                         (GDestroyNotify)cairo_surface_destroy);
}

void
_mw_render_stamps_clear (MwRenderStamps *stamps)
{
  g_clear_pointer (&stamps->layer, cairo_surface_destroy);
  g_clear_pointer (&stamps->cache, g_hash_table_unref);
}

static void
outline_color (const MwColor *fill,
               gboolean       dark,
               MwColor       *out)
{
  double k = dark ? 0.55 : 0.62;

  out->red = fill->red * k;
  out->green = fill->green * k;
  out->blue = fill->blue * k;
  out->alpha = 1;
}

/* An actor's shape, grown by grow model points; a square when grow is
 * G_MAXDOUBLE (too small on screen for a shape to show). */
static void
path_actor (cairo_t     *cr,
            MwActorKind  kind,
            double       x,
            double       y,
            double       r,
            double       grow)
{
  if (grow == G_MAXDOUBLE)
    cairo_rectangle (cr, x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
  else
    _mw_path_shape (cr, kind, x, y, r + grow);
}

static void
path_actors (MwRenderer   *self,
             cairo_t      *cr,
             const GArray *actors,
             double        grow)
{
  cairo_new_path (cr);
  for (guint i = 0; i < actors->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (actors, guint, i));
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);

      path_actor (cr, actor->kind, g->x, g->y, g->r, grow);
    }
}

/* An actor as draw_actor_bucket() draws it, at (x, y). */
static void
paint_actor (cairo_t       *cr,
             MwActorKind    kind,
             double         x,
             double         y,
             double         r,
             const MwColor *fill,
             const MwColor *line,
             gboolean       tiny,
             gboolean       dim)
{
  /* the outline as a slightly larger shape under the fill: two fills cost
   * half of a fill and a stroke in cairo's image backend */
  if (!tiny && !dim)
    {
      cairo_new_path (cr);
      path_actor (cr, kind, x, y, r, 0.7);
      _mw_set_source (cr, line, 1);
      cairo_fill (cr);
    }
  cairo_new_path (cr);
  path_actor (cr, kind, x, y, r, tiny ? G_MAXDOUBLE : dim ? 0 : -0.7);
  _mw_set_source (cr, fill, dim ? MW_DIM_ALPHA + 0.1 : 1);
  cairo_fill (cr);
}

static cairo_surface_t *
get_stamp (MwRenderer     *self,
           const StampKey *key,
           double          k,
           int            *pad)
{
  cairo_surface_t *stamp;
  MwColor fill, line;
  cairo_t *cr;
  int size;

  *pad = (int)ceil ((key->r + 0.7) * k) + 2;
  stamp = g_hash_table_lookup (self->stamps.cache, key);
  if (stamp != NULL)
    return stamp;

  _mw_palette_color (key->color, key->dark, &fill);
  outline_color (&fill, key->dark, &line);
  size = 2 * *pad + 1;
  stamp = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cr = cairo_create (stamp);
  cairo_translate (cr, *pad + key->phase_x / 4.0, *pad + key->phase_y / 4.0);
  cairo_scale (cr, k, k);
  paint_actor (cr, key->kind, 0, 0, key->r, &fill, &line, key->tiny, key->dim);
  cairo_destroy (cr);
  cairo_surface_flush (stamp);
  g_hash_table_insert (self->stamps.cache, g_memdup2 (key, sizeof *key), stamp);
  return stamp;
}

static void
blend_stamp (const MwPixels  *px,
             cairo_surface_t *stamp,
             int              x0,
             int              y0)
{
  _mw_blend_stamp_data (px, cairo_image_surface_get_data (stamp), cairo_image_surface_get_stride (stamp),
                        cairo_image_surface_get_width (stamp), cairo_image_surface_get_height (stamp), x0, y0);
}

/* The stamp of actor index in colour bucket c, and where its top-left
 * goes; %NULL when it is far out of view. */
static cairo_surface_t *
actor_stamp (MwRenderer    *self,
             const MwFrame *f,
             guint          index,
             int            c,
             int            dim,
             int           *pad,
             int           *sx,
             int           *sy)
{
  double scale = _mw_frame_scale (f);
  double k = f->view->zoom * scale;
  int w = (int)ceil (f->view->width * scale), h = (int)ceil (f->view->height * scale);
  const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, index);
  double cx = (g->x - f->view->offset_x) * k, cy = (g->y - f->view->offset_y) * k;
  gint64 qx, qy;
  StampKey key = { 0, };
  cairo_surface_t *stamp;

  if (cx < -4 * STAMP_MAX_RADIUS || cy < -4 * STAMP_MAX_RADIUS ||
      cx > w + 4 * STAMP_MAX_RADIUS || cy > h + 4 * STAMP_MAX_RADIUS)
    return NULL;
  qx = (gint64)floor (cx * 4 + 0.5), qy = (gint64)floor (cy * 4 + 0.5);
  key.r = g->r;
  key.kind = mw_network_get_actor (self->network, index)->kind;
  key.color = _mw_bucket_color (c);
  key.dim = dim;
  key.tiny = !f->outlines;
  key.dark = f->view->dark;
  key.phase_x = qx & 3;
  key.phase_y = qy & 3;
  stamp = get_stamp (self, &key, k, pad);
  *sx = (int)(qx >> 2) - *pad, *sy = (int)(qy >> 2) - *pad;
  return stamp;
}

/* Every stamp a frame copies, in order, for the bands (mw-render-masks.c). */
static void
resolve_stamps (MwRenderer     *self,
                const MwFrame  *f,
                GArray        **buckets)
{
  g_array_set_size (self->bands.stamp_refs, 0);
  for (int dim = 1; dim >= 0; dim--)
    for (int c = 0; c < N_COLORS; c++)
      {
        GArray *actors = buckets[dim * N_COLORS + c];

        for (guint i = 0; i < actors->len; i++)
          {
            cairo_surface_t *stamp;
            MwStampRef ref;
            int pad;

            stamp = actor_stamp (self, f, g_array_index (actors, guint, i), c, dim, &pad, &ref.x, &ref.y);
            if (stamp == NULL)
              continue;
            ref.data = cairo_image_surface_get_data (stamp);
            ref.stride = cairo_image_surface_get_stride (stamp);
            ref.size = 2 * pad + 1;
            g_array_append_val (self->bands.stamp_refs, ref);
          }
      }
}

/* The layer's pixels, cleared: kept from frame to frame rather than fresh
 * pages each time. */
static void
layer_pixels (MwRenderStamps *stamps,
              int             w,
              int             h,
              MwPixels       *px)
{
  if (stamps->layer == NULL ||
      cairo_image_surface_get_width (stamps->layer) != w || cairo_image_surface_get_height (stamps->layer) != h)
    {
      g_clear_pointer (&stamps->layer, cairo_surface_destroy);
      stamps->layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
    }
  cairo_surface_flush (stamps->layer);
  px->data = cairo_image_surface_get_data (stamps->layer);
  px->stride = cairo_image_surface_get_stride (stamps->layer);
  px->x1 = 0, px->y1 = 0, px->x2 = w, px->y2 = h;
  memset (px->data, 0, (gsize)px->stride * h);
}

/* Raster targets: every actor copied from a stamp, in the order the
 * buckets would be filled: straight into an image surface, or into one
 * layer painted once (the canvas). A stamp is cairo's own drawing of the
 * shape at a quarter-pixel phase, so the result is the path drawing moved
 * by at most an eighth of a pixel. */
static gboolean
stamp_actors (MwRenderer     *self,
              cairo_t        *cr,
              const MwFrame  *f,
              GArray        **buckets)
{
  double scale = _mw_frame_scale (f);
  double k = f->view->zoom * scale;
  int w = (int)ceil (f->view->width * scale), h = (int)ceil (f->view->height * scale);
  int x1 = G_MAXINT, y1 = G_MAXINT, x2 = G_MININT, y2 = G_MININT;
  gboolean direct;
  MwPixels px;

  /* stamps are dropped only between frames: a frame may hold on to them */
  if (k != self->stamps.k || g_hash_table_size (self->stamps.cache) >= STAMP_CACHE_MAX)
    {
      g_hash_table_remove_all (self->stamps.cache);
      self->stamps.k = k;
    }
  direct = _mw_target_pixels (cr, f, &px);
  if (direct && self->bands.pending)
    {
      /* the bands composite the ties' masks and copy the stamps in one go */
      resolve_stamps (self, f, buckets);
      _mw_renderer_paint_pending_bands (self, cr);
      return TRUE;
    }
  _mw_renderer_flush_pending_paint (self, cr);
  if (!direct)
    layer_pixels (&self->stamps, w, h, &px);

  for (int dim = 1; dim >= 0; dim--)
    for (int c = 0; c < N_COLORS; c++)
      {
        GArray *actors = buckets[dim * N_COLORS + c];

        for (guint i = 0; i < actors->len; i++)
          {
            cairo_surface_t *stamp;
            int pad, sx, sy;

            stamp = actor_stamp (self, f, g_array_index (actors, guint, i), c, dim, &pad, &sx, &sy);
            if (stamp == NULL)
              continue;
            blend_stamp (&px, stamp, sx, sy);
            x1 = MIN (x1, sx), y1 = MIN (y1, sy);
            x2 = MAX (x2, sx + 2 * pad + 1), y2 = MAX (y2, sy + 2 * pad + 1);
          }
      }
  if (direct)
    {
      cairo_surface_mark_dirty (cairo_get_target (cr));
      return TRUE;
    }
  if (x1 > x2)
    return TRUE;
  cairo_surface_mark_dirty (self->stamps.layer);
  cairo_surface_set_device_scale (self->stamps.layer, scale, scale);
  cairo_save (cr);
  cairo_set_matrix (cr, &f->view_matrix);
  cairo_rectangle (cr, floor (x1 / scale), floor (y1 / scale), ceil ((x2 - x1) / scale) + 1, ceil ((y2 - y1) / scale) + 1);
  cairo_clip (cr);
  cairo_set_source_surface (cr, self->stamps.layer, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  return TRUE;
}

/* All actors of one colour and state: an outline and a fill. */
static void
draw_actor_bucket (MwRenderer    *self,
                   cairo_t       *cr,
                   const MwFrame *f,
                   const GArray  *actors,
                   int            color,
                   gboolean       dim)
{
  MwColor fill, line;
  double alpha = dim ? MW_DIM_ALPHA + 0.1 : 1;
  gboolean tiny = !f->outlines;

  if (actors->len == 0)
    return;
  _mw_palette_color (color, f->view->dark, &fill);
  outline_color (&fill, f->view->dark, &line);

  if (f->vector && !tiny && !dim)
    {
      /* in a file, one path filled and stroked: the outline ring as two
       * fills would write every shape twice */
      path_actors (self, cr, actors, 0);
      _mw_set_source (cr, &fill, 1);
      cairo_fill_preserve (cr);
      cairo_save (cr);
      cairo_set_line_width (cr, 1.4);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      cairo_set_dash (cr, NULL, 0, 0);
      _mw_set_source (cr, &line, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    }
  if (!tiny && !dim)
    {
      path_actors (self, cr, actors, 0.7);
      _mw_set_source (cr, &line, 1);
      cairo_fill (cr);
    }
  path_actors (self, cr, actors, tiny ? G_MAXDOUBLE : dim ? 0 : -0.7);
  _mw_set_source (cr, &fill, alpha);
  cairo_fill (cr);
}

void
_mw_renderer_draw_actors (MwRenderer    *self,
                          cairo_t       *cr,
                          const MwFrame *f,
                          GArray        *visible)
{
  GArray *buckets[2 * N_COLORS];
  double scale = _mw_frame_scale (f);
  gboolean stamped = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    buckets[i] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < visible->len; i++)
    {
      guint index = g_array_index (visible, guint, i);
      const MwActor *actor = mw_network_get_actor (self->network, index);
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, index);
      int color = _mw_color_bucket (g->fill);
      gboolean dim = _mw_frame_actor_state (f, actor) == MW_STATE_DIM;

      g_array_append_val (buckets[dim * N_COLORS + color], index);
    }
  /* stamps only where cairo's pixels would land one to one */
  if (f->raster && visible->len > 0 &&
      f->view_matrix.xx == 1 && f->view_matrix.yy == 1 && f->view_matrix.xy == 0 && f->view_matrix.yx == 0 &&
      self->geometry.max_radius * f->view->zoom * scale <= STAMP_MAX_RADIUS)
    stamped = stamp_actors (self, cr, f, buckets);
  _mw_renderer_flush_pending_paint (self, cr);
  for (int dim = 1; !stamped && dim >= 0; dim--)
    for (int c = 0; c < N_COLORS; c++)
      draw_actor_bucket (self, cr, f, buckets[dim * N_COLORS + c], _mw_bucket_color (c), dim);
  for (guint i = 0; i < G_N_ELEMENTS (buckets); i++)
    g_array_unref (buckets[i]);
}

void
_mw_renderer_draw_states (MwRenderer    *self,
                          cairo_t       *cr,
                          const MwFrame *f,
                          GArray        *visible,
                          gboolean       halos)
{
  for (guint i = 0; i < visible->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);
      int state = _mw_frame_actor_state (f, actor);

      if (halos && state == MW_STATE_HIGHLIGHT)
        {
          cairo_new_path (cr);
          _mw_path_shape (cr, actor->kind, g->x, g->y, g->r + MAX (5, 4 * f->px));
          _mw_set_source (cr, &f->theme->highlight, 0.8);
          cairo_fill (cr);
        }
      else if (!halos && state == MW_STATE_SELECTED)
        {
          cairo_new_path (cr);
          _mw_path_shape (cr, actor->kind, g->x, g->y, g->r + 2 + 2.5 * f->px);
          cairo_set_line_width (cr, 2.5 * f->px);
          _mw_set_source (cr, &f->theme->accent, 1);
          cairo_stroke (cr);
        }
    }
}

void
_mw_renderer_draw_badges (MwRenderer    *self,
                          cairo_t       *cr,
                          const MwFrame *f,
                          GArray        *visible)
{
  for (guint i = 0; i < visible->len; i++)
    {
      const MwActor *actor = mw_network_get_actor (self->network, g_array_index (visible, guint, i));
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, actor->index);
      double size = MAX (10, g->r * 0.75), d = g->r * 0.78;

      if (!actor->purpose && !actor->initiative)
        continue;
      if (_mw_frame_actor_state (f, actor) == MW_STATE_DIM)
        cairo_push_group (cr);
      if (actor->purpose)
        _mw_draw_badge (cr, TRUE, g->x + d, g->y - d, size, f->view->dark);
      if (actor->initiative)
        _mw_draw_badge (cr, FALSE, g->x - d, g->y - d, size, f->view->dark);
      if (_mw_frame_actor_state (f, actor) == MW_STATE_DIM)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, MW_DIM_ALPHA + 0.1);
        }
    }
}
