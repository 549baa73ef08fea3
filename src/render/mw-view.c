/* mw-view.c: where a network is looked at from
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <string.h>

#include "mw-renderer.h"

#define MIN_ZOOM 0.005
#define MAX_ZOOM 40.0

/**
 * mw_view_init:
 * @width: the view's size in view pixels
 *
 * Zoom 1 (a model point is a view pixel), origin at the top-left, light
 * style, labels by level of detail, nothing highlighted or selected.
 */
void
mw_view_init (MwView *view,
              double  width,
              double  height)
{
  g_return_if_fail (view != NULL);

  memset (view, 0, sizeof *view);
  view->zoom = 1;
  view->scale = 1;
  view->width = width;
  view->height = height;
  view->labels = MW_LABELS_AUTO;
}

/**
 * mw_view_fit:
 * @bounds: model points, e.g. from mw_renderer_get_bounds()
 * @margin: view pixels to leave free on every side
 *
 * Zooms and scrolls so @bounds fills the view, centred ("zoom to fit").
 * Never zooms in beyond 2, so a tiny network is not drawn giant.
 */
void
mw_view_fit (MwView       *view,
             const MwRect *bounds,
             double        margin)
{
  double w, h, zoom;

  g_return_if_fail (view != NULL && bounds != NULL);

  w = MAX (view->width - 2 * margin, 1);
  h = MAX (view->height - 2 * margin, 1);
  zoom = MIN (w / MAX (bounds->width, 1), h / MAX (bounds->height, 1));
  view->zoom = CLAMP (zoom, MIN_ZOOM, 2.0);
  view->offset_x = bounds->x + bounds->width / 2 - view->width / 2 / view->zoom;
  view->offset_y = bounds->y + bounds->height / 2 - view->height / 2 / view->zoom;
}

void
mw_view_to_model (const MwView *view,
                  double        vx,
                  double        vy,
                  double       *mx,
                  double       *my)
{
  g_return_if_fail (view != NULL && view->zoom > 0);

  if (mx != NULL)
    *mx = view->offset_x + vx / view->zoom;
  if (my != NULL)
    *my = view->offset_y + vy / view->zoom;
}

void
mw_view_from_model (const MwView *view,
                    double        mx,
                    double        my,
                    double       *vx,
                    double       *vy)
{
  g_return_if_fail (view != NULL);

  if (vx != NULL)
    *vx = (mx - view->offset_x) * view->zoom;
  if (vy != NULL)
    *vy = (my - view->offset_y) * view->zoom;
}

/* Multiplies the zoom by @factor keeping the model point under (vx, vy)
 * where it is: the pointer's spot stays put while scrolling to zoom. */
void
mw_view_zoom_at (MwView *view,
                 double  factor,
                 double  vx,
                 double  vy)
{
  double mx, my;

  g_return_if_fail (view != NULL && factor > 0);

  mw_view_to_model (view, vx, vy, &mx, &my);
  view->zoom = CLAMP (view->zoom * factor, MIN_ZOOM, MAX_ZOOM);
  view->offset_x = mx - vx / view->zoom;
  view->offset_y = my - vy / view->zoom;
}
