/* mw-test-render.c: what the renderer's tests share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdlib.h>

#include "mw-test-render.h"

/**
 * mw_test_draw_view:
 *
 * Draws @view with @renderer onto an ARGB32 image of the view's size, as
 * the canvas's frames and exports do, and checks cairo reported no error.
 *
 * Returns: (transfer full): the image, flushed
 */
cairo_surface_t *
mw_test_draw_view (MwRenderer   *renderer,
                   const MwView *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
  cairo_t *cr = cairo_create (surface);

  mw_renderer_draw (renderer, cr, view);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The largest difference of any channel of any pixel of two images of one size. */
int
mw_test_max_difference (cairo_surface_t *a,
                        cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a), most = 0;
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  g_assert_cmpint (stride, ==, cairo_image_surface_get_stride (b));
  for (int y = 0; y < h; y++)
    for (int x = 0; x < 4 * w; x++)
      most = MAX (most, abs (pa[y * stride + x] - pb[y * stride + x]));
  return most;
}
