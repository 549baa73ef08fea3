/* mw-render-masks.c: dense ties as hairline masks, composited whole or in bands
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderMasks and MwRenderBands. At a dense overview cairo would
 * spend ~10 µs on each antialiased line, so the normal and dimmed ties are
 * rasterised by hand (a fixed-point Wu line) into four A8 masks, in bands of
 * rows shared with the worker thread, and painted in two tones. On an image
 * surface whose pixels map one to one the same bands also fill the
 * boundaries, composite the masks and copy the actors' stamps.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mw-renderer-private.h"

void
_mw_render_masks_init (MwRenderMasks *masks)
{
  masks->device_xy = g_array_new (FALSE, FALSE, sizeof (double));
}

void
_mw_render_masks_clear (MwRenderMasks *masks)
{
  g_clear_pointer (&masks->device_xy, g_array_unref);
  for (guint i = 0; i < MW_N_TONE_MASKS; i++)
    g_clear_pointer (&masks->tone[i].surface, cairo_surface_destroy);
}

void
_mw_render_bands_init (MwRenderBands *bands)
{
  bands->stamp_refs = g_array_new (FALSE, FALSE, sizeof (MwStampRef));
}

void
_mw_render_bands_clear (MwRenderBands *bands)
{
  g_clear_pointer (&bands->stamp_refs, g_array_unref);
}

typedef struct
{
  guchar *data;
  int     stride;
  int     width;
  int     height;
  int     row0;     /* the band: only rows row0 … row1 - 1 are written */
  int     row1;
  int     col0;     /* and of those only columns col0 … col1 - 1 */
  int     col1;
} Mask;

/* An antialiased one-pixel line (Xiaolin Wu's algorithm) for a fraction
 * of what cairo spends on a line: the minor coordinate in 16.16 fixed
 * point, the run clipped to the mask first so the loop has no bounds to
 * test along the line, coverage added saturating. Within a band the run
 * starts where the whole line's would and steps the same, so a pixel gets
 * the same coverage whichever band draws it. A faded tie adds its
 * coverage times @weight / 256. */
static void
wu_line (const Mask *m,
         double      x0,
         double      y0,
         double      x1,
         double      y1,
         int         weight)
{
  gboolean steep = fabs (y1 - y0) > fabs (x1 - x0);
  int limit = steep ? m->height : m->width;
  int minor_limit = steep ? m->width : m->height;
  int lo = 0, hi = minor_limit;
  gsize major_step = steep ? (gsize)m->stride : 1, minor_step = steep ? 1 : (gsize)m->stride;
  double gradient, from_d, to_d;
  gint64 y, dy;
  int from, to;

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
  from_d = MAX (floor (x0), 0);
  to_d = MIN (floor (x1), limit - 1);
  /* only where the line crosses the mask's other axis (a pixel of margin) */
  if (gradient > 1e-9)
    {
      from_d = MAX (from_d, floor (x0 + (-2 - y0) / gradient));
      to_d = MIN (to_d, ceil (x0 + (minor_limit + 1 - y0) / gradient));
    }
  else if (gradient < -1e-9)
    {
      from_d = MAX (from_d, floor (x0 + (minor_limit + 1 - y0) / gradient));
      to_d = MIN (to_d, ceil (x0 + (-2 - y0) / gradient));
    }
  else if (y0 < -2 || y0 > minor_limit + 1)
    return;
  if (from_d > to_d)
    return;
  from = (int)from_d, to = (int)to_d;

  /* the line's height at pixel centres, against pixel centres */
  y = (gint64)llround ((y0 + gradient * (from + 0.5 - x0) - 0.5) * 65536);
  dy = (gint64)llround (gradient * 65536);

  /* then only the band's part of the run, from the same start */
  if (steep)
    {
      int a = MAX (from, m->row0), b = MIN (to, m->row1 - 1);

      if (a > b)
        return;
      y += (gint64)(a - from) * dy;
      from = a, to = b;
      lo = m->col0, hi = m->col1;
    }
  else
    {
      int a = MAX (from, m->col0), b = MIN (to, m->col1 - 1);

      if (a > b)
        return;
      y += (gint64)(a - from) * dy;
      from = a, to = b;
      lo = m->row0, hi = m->row1;
      if (dy != 0)
        {
          /* where the run's rows meet the band, two pixels of margin */
          double t0 = ((double)(lo - 3) * 65536 - (double)y) / (double)dy;
          double t1 = ((double)(hi + 2) * 65536 - (double)y) / (double)dy;
          double ta = CLAMP (floor (MIN (t0, t1)), 0, to - from + 1);
          double tb = CLAMP (ceil (MAX (t0, t1)), -1, to - from);
          int a = from + (int)ta, b = from + (int)tb;

          if (a > b)
            return;
          y += (gint64)(a - from) * dy;
          from = a, to = b;
        }
      else if ((int)(y >> 16) + 1 < lo || (int)(y >> 16) >= hi)
        return;
    }

  for (int x = from; x <= to; x++, y += dy)
    {
      int yi = (int)(y >> 16), f = (int)(y >> 8 & 0xff);
      guchar *p = m->data + (gsize)x * major_step;

      if ((guint)(yi - lo) < (guint)(hi - lo))
        {
          guchar *q = p + (gsize)yi * minor_step;
          int v = *q + ((255 - f) * weight >> 8);

          *q = v > 255 ? 255 : v;
        }
      if ((guint)(yi + 1 - lo) < (guint)(hi - lo))
        {
          guchar *q = p + (gsize)(yi + 1) * minor_step;
          int v = *q + (f * weight >> 8);

          *q = v > 255 ? 255 : v;
        }
    }
}

/* Mask i holds the ties of state i / 2 (normal or dim) in tone i % 2. */
static int
tone_mask_state (int i)
{
  return i / 2 == 0 ? MW_STATE_NORMAL : MW_STATE_DIM;
}

/* Where a mask's ties are composited: their ends' box with two pixels of
 * margin, in the view's pixels. */
static void
tone_mask_clip (const MwToneMask *tm,
                double            scale,
                MwRect           *clip)
{
  clip->x = floor (tm->x1 / scale) - 2;
  clip->y = floor (tm->y1 / scale) - 2;
  clip->width = ceil ((tm->x2 - tm->x1) / scale) + 4;
  clip->height = ceil ((tm->y2 - tm->y1) / scale) + 4;
}

/* The parts of rows row0 … row1 - 1 a frame draws: all of them, or when
 * the last frame's pixels were shifted in, only what that frame did not
 * show (at most four rectangles: above, left, right and below them). */
static guint
band_regions (const MwRenderMasks *masks,
              int                  row0,
              int                  row1,
              Mask                 out[4])
{
  int w = masks->width, a, b;
  guint n = 0;

  if (!masks->keeping)
    {
      out[n].row0 = row0, out[n].row1 = row1, out[n].col0 = 0, out[n].col1 = w, n++;
      return n;
    }
  if ((b = MIN (row1, masks->keep_y0)) > row0)
    out[n].row0 = row0, out[n].row1 = b, out[n].col0 = 0, out[n].col1 = w, n++;
  a = MAX (row0, masks->keep_y0), b = MIN (row1, masks->keep_y1);
  if (a < b && masks->keep_x0 > 0)
    out[n].row0 = a, out[n].row1 = b, out[n].col0 = 0, out[n].col1 = masks->keep_x0, n++;
  if (a < b && masks->keep_x1 < w)
    out[n].row0 = a, out[n].row1 = b, out[n].col0 = masks->keep_x1, out[n].col1 = w, n++;
  if ((a = MAX (row0, masks->keep_y1)) < row1)
    out[n].row0 = a, out[n].row1 = row1, out[n].col0 = 0, out[n].col1 = w, n++;
  return n;
}

/* Band number band of n_bands: clears its rows of every mask in use (or
 * only what a pan uncovered) and draws into them every tie that may reach
 * them. Band 0 also measures where each mask's ties are. */
static void
rasterise_band (MwRenderer *self,
                int         band,
                int         n_bands)
{
  int w = self->masks.width, h = self->masks.height;
  int row0 = (int)((gint64)h * band / n_bands), row1 = (int)((gint64)h * (band + 1) / n_bands);
  const double *xy = (const double *)(gpointer)self->masks.device_xy->data;
  Mask regions[4];
  guint n_regions = band_regions (&self->masks, row0, row1, regions);
  int weights[MW_TIE_FADE_LEVELS];

  /* a faded tie's coverage, by its level: 256 all of it */
  for (guint l = 0; l < MW_TIE_FADE_LEVELS; l++)
    weights[l] = (int)lround (256 * _mw_tie_fade_level_alpha (l));

  for (int i = 0; i < MW_N_TONE_MASKS; i++)
    {
      MwToneMask *tm = &self->masks.tone[i];
      double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
      int state = tone_mask_state (i);

      if (!tm->used)
        continue;
      for (guint r = 0; r < n_regions; r++)
        {
          Mask *m = &regions[r];

          m->data = tm->data, m->stride = tm->stride, m->width = w, m->height = h;
          for (int row = m->row0; row < m->row1; row++)
            memset (tm->data + (gsize)row * tm->stride + m->col0, 0, (gsize)(m->col1 - m->col0));
        }
      for (int type = 0; type < MW_N_TIE_TYPES; type++)
        for (int heavy = 0; heavy < 2; heavy++)
          {
            guint bucket_index = _mw_tie_bucket (type, state, heavy);
            GArray *bucket = self->ties.buckets[bucket_index];

            if ((type == MW_TIE_REPORTS) != (i % 2 == 1))
              continue;
            for (guint j = 0; j < bucket->len; j++)
              {
                guint index = g_array_index (bucket, guint, j);
                const MwTieEnds *ends = &g_array_index (self->geometry.ties, MwTieEnds, index);
                const double *a = xy + 2 * ends->from, *b = xy + 2 * ends->to;
                double ax = a[0], ay = a[1], bx = b[0], by = b[1];
                guint level = _mw_tie_level (&self->ties, bucket_index, j);

                if (band == 0)
                  {
                    x1 = MIN (x1, MIN (ax, bx)), y1 = MIN (y1, MIN (ay, by));
                    x2 = MAX (x2, MAX (ax, bx)), y2 = MAX (y2, MAX (ay, by));
                  }
                /* a line's pixels lie within two rows of its ends */
                if (MAX (ay, by) < row0 - 3 || MIN (ay, by) > row1 + 3)
                  continue;
                for (guint r = 0; r < n_regions; r++)
                  if (!(MAX (ax, bx) < regions[r].col0 - 3 || MIN (ax, bx) > regions[r].col1 + 3))
                    wu_line (&regions[r], ax, ay, bx, by, weights[level]);
              }
          }
      if (band == 0)
        tm->x1 = x1, tm->y1 = y1, tm->x2 = x2, tm->y2 = y2;
    }
}

/* Moves a mask's pixels by (dx, dy), whole pixels, within its bounds. */
static void
shift_mask (MwToneMask *tm,
            int         w,
            int         h,
            int         dx,
            int         dy)
{
  int x0 = MAX (0, dx), x1 = MIN (w, w + dx), width = x1 - x0;

  if (dy > 0)
    for (int row = h - 1; row >= dy; row--)
      memmove (tm->data + (gsize)row * tm->stride + x0, tm->data + (gsize)(row - dy) * tm->stride + x0 - dx,
               (gsize)width);
  else
    for (int row = 0; row < h + dy; row++)
      memmove (tm->data + (gsize)row * tm->stride + x0, tm->data + (gsize)(row - dy) * tm->stride + x0 - dx,
               (gsize)width);
}

/* A pan: the last frame's masks hold the same lines, moved by whole
 * pixels, when nothing but the view's offset changed. Then they are
 * shifted and keep_* say where; only the rest is rasterised again. */
static void
keep_last_masks (MwRenderer    *self,
                 const MwFrame *f,
                 double         k,
                 gboolean       all_were_used)
{
  MwRenderMasks *masks = &self->masks;
  double x = f->view->offset_x * k, y = f->view->offset_y * k;
  double dx = masks->last_x - x, dy = masks->last_y - y;
  int w = masks->width, h = masks->height, ix = (int)lround (dx), iy = (int)lround (dy);
  gboolean keep = masks->last_valid && all_were_used && !f->emphasis && !f->pulled_in &&
                  k == masks->last_k && masks->last_generation == mw_network_get_generation (self->network) &&
                  fabs (dx - ix) < 0.01 && fabs (dy - iy) < 0.01 && abs (ix) < w && abs (iy) < h;

  masks->keeping = keep;
  if (keep)
    {
      for (int i = 0; i < MW_N_TONE_MASKS; i++)
        if (masks->tone[i].used)
          shift_mask (&masks->tone[i], w, h, ix, iy);
      masks->keep_x0 = MAX (0, ix), masks->keep_x1 = MIN (w, w + ix);
      masks->keep_y0 = MAX (0, iy), masks->keep_y1 = MIN (h, h + iy);
    }
  /* the frame after this one may shift what this one draws */
  masks->last_valid = !f->emphasis && !f->pulled_in;
  masks->last_k = k;
  masks->last_x = x, masks->last_y = y;
  masks->last_generation = mw_network_get_generation (self->network);
}

/* Dense overviews, first part: the ties of each state and tone go into
 * their mask. On raster targets with a second core this only hands the
 * bands out (the caller draws something else meanwhile, then calls
 * _mw_renderer_finish_bands()); elsewhere it draws all of them at once. */
void
_mw_renderer_start_masks (MwRenderer    *self,
                          const MwFrame *f)
{
  double scale = _mw_frame_scale (f);
  double k = f->view->zoom * scale;
  int w = (int)ceil (f->view->width * scale), h = (int)ceil (f->view->height * scale);
  gboolean any = FALSE, all_were_used = TRUE;

  for (int i = 0; i < MW_N_TONE_MASKS; i++)
    {
      MwToneMask *tm = &self->masks.tone[i];
      int state = tone_mask_state (i);
      gboolean was_used = tm->used;

      tm->used = FALSE;
      for (int type = 0; type < MW_N_TIE_TYPES; type++)
        for (int heavy = 0; heavy < 2; heavy++)
          if ((type == MW_TIE_REPORTS) == (i % 2 == 1) &&
              self->ties.buckets[_mw_tie_bucket (type, state, heavy)]->len > 0)
            tm->used = TRUE;
      if (!tm->used)
        continue;
      any = TRUE;
      all_were_used = all_were_used && was_used;
      /* kept from frame to frame rather than fresh pages each time */
      if (tm->surface == NULL ||
          cairo_image_surface_get_width (tm->surface) != w || cairo_image_surface_get_height (tm->surface) != h)
        {
          all_were_used = FALSE;
          g_clear_pointer (&tm->surface, cairo_surface_destroy);
          tm->surface = cairo_image_surface_create (CAIRO_FORMAT_A8, w, h);
        }
      cairo_surface_flush (tm->surface);
      tm->data = cairo_image_surface_get_data (tm->surface);
      tm->stride = cairo_image_surface_get_stride (tm->surface);
    }
  self->masks.width = w, self->masks.height = h;
  if (!any)
    {
      self->masks.last_valid = FALSE;
      return;
    }
  keep_last_masks (self, f, k, all_were_used);

  /* every actor in device pixels once: a tie then reads 16 bytes per end
   * from a small array instead of a scattered MwActorGeom */
  g_array_set_size (self->masks.device_xy, 2 * self->geometry.actors->len);
  for (guint i = 0; i < self->geometry.actors->len; i++)
    {
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);

      g_array_index (self->masks.device_xy, double, 2 * i) = (g->x - f->view->offset_x) * k;
      g_array_index (self->masks.device_xy, double, 2 * i + 1) = (g->y - f->view->offset_y) * k;
    }

  if (!f->raster || self->worker.n_threads < 2)
    {
      rasterise_band (self, 0, 1);
      return;
    }
  _mw_renderer_post_bands (self, rasterise_band);
}

/* Dense overviews: ties of one state in two tones (reports darker), each
 * mask painted once (the state's arrowheads are mw-render-ties.c's). */
void
_mw_renderer_paint_tie_masks (MwRenderer    *self,
                              cairo_t       *cr,
                              const MwFrame *f,
                              int            state)
{
  double scale = _mw_frame_scale (f);

  for (int tone = 0; tone < 2; tone++)
    {
      MwToneMask *tm = &self->masks.tone[(state == MW_STATE_DIM) * 2 + tone];

      /* or left for paint_band() */
      if (!tm->used || self->bands.pending)
        continue;
      cairo_surface_mark_dirty (tm->surface);
      cairo_surface_set_device_scale (tm->surface, scale, scale);
      cairo_save (cr);
      cairo_set_matrix (cr, &f->view_matrix);
      /* composite only where lines are */
      {
        MwRect clip;

        tone_mask_clip (tm, scale, &clip);
        cairo_rectangle (cr, clip.x, clip.y, clip.width, clip.height);
        cairo_clip (cr);
      }
      _mw_set_source (cr, &f->theme->tie[tone == 1 ? MW_TIE_REPORTS : MW_TIE_INFLUENCES],
                      state == MW_STATE_DIM ? MW_DIM_ALPHA : 1);
      cairo_mask_surface (cr, tm->surface, 0, 0);
      cairo_restore (cr);
    }
}

/* One band of rows of the composite: the boundaries when asked for, the
 * ties' masks, then the stamps of the actors that reach the band. */
static void
paint_band (MwRenderer *self,
            int         band,
            int         n_bands)
{
  const MwFrame *f = self->bands.frame;
  int w = self->masks.width, h = self->masks.height;
  int k = f != NULL && f->view->scale > 1 ? (int)f->view->scale : 1, hv = h / k;
  /* whole view pixels, so that a band's clip is whole device pixels */
  int row0 = k * (int)((gint64)hv * band / n_bands);
  int row1 = band == n_bands - 1 ? h : k * (int)((gint64)hv * (band + 1) / n_bands);
  cairo_surface_t *target;
  cairo_t *cr;

  if (row1 <= row0)
    return;
  if (f != NULL)
    {
      /* the boundaries as the calling thread would fill them: the same
       * transformation, only clipped to the band's rows */
      cairo_surface_t *whole = cairo_image_surface_create_for_data (self->bands.data, CAIRO_FORMAT_ARGB32,
                                                                    w, h, self->bands.stride);

      cairo_surface_set_device_scale (whole, k, k);
      cr = cairo_create (whole);
      cairo_rectangle (cr, 0, row0 / k, (double)w / k, (row1 - row0) / k);
      cairo_clip (cr);
      cairo_set_tolerance (cr, self->bands.tolerance);
      cairo_set_antialias (cr, self->bands.antialias);
      cairo_set_matrix (cr, &f->view_matrix);
      cairo_scale (cr, f->view->zoom, f->view->zoom);
      cairo_translate (cr, -f->view->offset_x, -f->view->offset_y);
      _mw_renderer_draw_groups (self, cr, f);
      cairo_destroy (cr);
      cairo_surface_finish (whole);
      cairo_surface_destroy (whole);
    }
  target = cairo_image_surface_create_for_data (self->bands.data + (gsize)row0 * self->bands.stride,
                                                CAIRO_FORMAT_ARGB32, w, row1 - row0, self->bands.stride);
  cr = cairo_create (target);
  /* dimmed under normal */
  for (int i = MW_N_TONE_MASKS - 1; i >= 0; i--)
    {
      const MwToneMask *tm = &self->masks.tone[i ^ 1];
      cairo_surface_t *mask;

      if (!tm->used)
        continue;
      mask = cairo_image_surface_create_for_data (tm->data + (gsize)row0 * tm->stride, CAIRO_FORMAT_A8,
                                                  w, row1 - row0, tm->stride);
      cairo_save (cr);
      cairo_rectangle (cr, tm->x1, tm->y1 - row0, tm->x2 - tm->x1, tm->y2 - tm->y1);
      cairo_clip (cr);
      _mw_set_source (cr, &self->bands.colors[i ^ 1], 1);
      cairo_mask_surface (cr, mask, 0, 0);
      cairo_restore (cr);
      cairo_surface_destroy (mask);
    }
  cairo_destroy (cr);
  cairo_surface_finish (target);
  cairo_surface_destroy (target);

  /* then the actors' stamps over the ties, each clipped to the band */
  {
    MwPixels px = { self->bands.data, self->bands.stride, 0, row0, w, row1 };

    for (guint i = 0; i < self->bands.stamp_refs->len; i++)
      {
        const MwStampRef *ref = &g_array_index (self->bands.stamp_refs, MwStampRef, i);

        if (ref->y < row1 && ref->y + ref->size > row0)
          _mw_blend_stamp_data (&px, ref->data, ref->stride, ref->size, ref->size, ref->x, ref->y);
      }
  }
}

/* With a second core, on an image surface whose pixels map one to one
 * (integer scale, no clip, no group): the masks are composited in bands
 * on both threads, by the same pixman code as cairo_mask_surface() on the
 * whole target, so with the same pixels. */
static gboolean
can_paint_in_bands (MwRenderer    *self,
                    cairo_t       *cr,
                    const MwFrame *f,
                    MwPixels      *px)
{
  double scale = _mw_frame_scale (f);
  cairo_surface_t *target = cairo_get_target (cr);

  return f->dense && f->raster && self->worker.n_threads > 1 && !f->markers && scale == floor (scale) &&
         _mw_target_pixels (cr, f, px) &&
         px->x1 == 0 && px->y1 == 0 && px->x2 == self->masks.width && px->y2 == self->masks.height &&
         cairo_image_surface_get_width (target) == self->masks.width &&
         cairo_image_surface_get_height (target) == self->masks.height &&
         cairo_get_operator (cr) == CAIRO_OPERATOR_OVER;
}

/* Whether the bands fill the boundaries too: when nothing needs them
 * before the ties (as a frame without highlights and arrowheads). */
gboolean
_mw_renderer_groups_in_bands (MwRenderer    *self,
                              cairo_t       *cr,
                              const MwFrame *f)
{
  MwPixels px;

  self->bands.frame = NULL;
  if (f->emphasis || cairo_get_fill_rule (cr) != CAIRO_FILL_RULE_WINDING ||
      !can_paint_in_bands (self, cr, f, &px))
    return FALSE;
  self->bands.frame = f;
  self->bands.tolerance = cairo_get_tolerance (cr);
  self->bands.antialias = cairo_get_antialias (cr);
  return TRUE;
}

/* Readies the masks to be composited in bands; they wait for the actors'
 * stamps (see mw-render-actors.c) unless something comes between. */
gboolean
_mw_renderer_paint_masks_in_bands (MwRenderer    *self,
                                   cairo_t       *cr,
                                   const MwFrame *f)
{
  double scale = _mw_frame_scale (f);
  MwPixels px;

  if (!can_paint_in_bands (self, cr, f, &px))
    {
      /* (never happens: nothing changed the target since
       * _mw_renderer_groups_in_bands()) */
      if (self->bands.frame != NULL)
        _mw_renderer_draw_groups (self, cr, f);
      self->bands.frame = NULL;
      return FALSE;
    }
  for (int i = 0; i < MW_N_TONE_MASKS; i++)
    {
      MwToneMask *tm = &self->masks.tone[i];
      MwRect clip;

      if (!tm->used)
        continue;
      /* the clip _mw_renderer_paint_tie_masks() would set, in device pixels */
      tone_mask_clip (tm, scale, &clip);
      tm->x1 = clip.x * scale, tm->y1 = clip.y * scale;
      tm->x2 = (clip.x + clip.width) * scale, tm->y2 = (clip.y + clip.height) * scale;
      self->bands.colors[i] = f->theme->tie[i % 2 == 1 ? MW_TIE_REPORTS : MW_TIE_INFLUENCES];
      self->bands.colors[i].alpha *= tone_mask_state (i) == MW_STATE_DIM ? MW_DIM_ALPHA : 1;
    }
  self->bands.data = px.data;
  self->bands.stride = px.stride;
  g_array_set_size (self->bands.stamp_refs, 0);
  self->bands.pending = TRUE;
  /* nothing between the ties and the actors (no boundary names, no
   * highlight halos): the same bands then copy the actors' stamps */
  if (f->emphasis)
    _mw_renderer_flush_pending_paint (self, cr);
  return TRUE;
}

/* Composites the waiting masks, and the stamps resolved for them, in
 * bands on both threads. */
void
_mw_renderer_paint_pending_bands (MwRenderer *self,
                                  cairo_t    *cr)
{
  _mw_renderer_post_bands (self, paint_band);
  _mw_renderer_finish_bands (self);
  cairo_surface_mark_dirty (cairo_get_target (cr));
  for (int i = 0; i < MW_N_TONE_MASKS; i++)
    self->masks.tone[i].used = FALSE;
  g_array_set_size (self->bands.stamp_refs, 0);
  self->bands.pending = FALSE;
  self->bands.frame = NULL;
}

/* Composites masks left for the actors' bands, when they have none. */
void
_mw_renderer_flush_pending_paint (MwRenderer *self,
                                  cairo_t    *cr)
{
  if (!self->bands.pending)
    return;
  g_array_set_size (self->bands.stamp_refs, 0);
  _mw_renderer_paint_pending_bands (self, cr);
}
