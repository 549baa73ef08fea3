/* mw-render-pixels.c: an image surface's own pixels: where stamps may go, and copying them over
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns no part of MwRenderer: the pixel code both the actors (stamps on
 * the calling thread) and the masks (stamps in bands, on either thread)
 * copy with, so that one pixel comes out the same whichever draws it.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>

#include "mw-renderer-private.h"

/* dst = src OVER dst, premultiplied, as pixman rounds it. */
static inline guint32
over (guint32 src,
      guint32 dst)
{
  guint32 ia = 255 - (src >> 24), rb, ag;

  rb = (dst & 0x00ff00ff) * ia + 0x00800080;
  rb = ((rb + (rb >> 8 & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (dst >> 8 & 0x00ff00ff) * ia + 0x00800080;
  ag = (ag + (ag >> 8 & 0x00ff00ff)) & 0xff00ff00;
  return src + (rb | ag);
}

/* Copies a premultiplied ARGB stamp (sw × sh pixels, ss bytes a row) with
 * its top-left at (x0, y0), within the pixels' clip. */
void
_mw_blend_stamp_data (const MwPixels *px,
                      const guchar   *sd,
                      int             ss,
                      int             sw,
                      int             sh,
                      int             x0,
                      int             y0)
{
  int xa = MAX (0, px->x1 - x0), xb = MIN (sw, px->x2 - x0);
  int ya = MAX (0, px->y1 - y0), yb = MIN (sh, px->y2 - y0);

  for (int y = ya; y < yb; y++)
    {
      const guint32 *s = (const guint32 *)(sd + (gsize)y * ss);
      guint32 *d = (guint32 *)(px->data + (gsize)(y + y0) * px->stride) + x0;

      for (int x = xa; x < xb; x++)
        {
          guint32 v = s[x];

          if (v == 0)
            continue;
          d[x] = v >> 24 == 255 ? v : over (v, d[x]);
        }
    }
}

/* An image surface drawn on without transformation, offset or group, and
 * clipped to at most one rectangle: stamps can go straight into it. */
gboolean
_mw_target_pixels (cairo_t       *cr,
                   const MwFrame *f,
                   MwPixels      *px)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double scale = _mw_frame_scale (f), sx, sy, ox, oy;
  cairo_rectangle_list_t *clip;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32 ||
      cairo_get_group_target (cr) != target ||
      f->view_matrix.x0 != 0 || f->view_matrix.y0 != 0)
    return FALSE;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &ox, &oy);
  if (sx != scale || sy != scale || ox != 0 || oy != 0)
    return FALSE;
  /* the clip in view pixels, not the model's points */
  cairo_save (cr);
  cairo_set_matrix (cr, &f->view_matrix);
  clip = cairo_copy_clip_rectangle_list (cr);
  cairo_restore (cr);
  if (clip->status != CAIRO_STATUS_SUCCESS || clip->num_rectangles != 1)
    {
      cairo_rectangle_list_destroy (clip);
      return FALSE;
    }
  px->x1 = MAX (0, (int)ceil (clip->rectangles[0].x * scale));
  px->y1 = MAX (0, (int)ceil (clip->rectangles[0].y * scale));
  px->x2 = MIN (cairo_image_surface_get_width (target),
                (int)floor ((clip->rectangles[0].x + clip->rectangles[0].width) * scale));
  px->y2 = MIN (cairo_image_surface_get_height (target),
                (int)floor ((clip->rectangles[0].y + clip->rectangles[0].height) * scale));
  cairo_rectangle_list_destroy (clip);
  cairo_surface_flush (target);
  px->data = cairo_image_surface_get_data (target);
  px->stride = cairo_image_surface_get_stride (target);
  return px->data != NULL;
}
