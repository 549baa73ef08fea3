/* mw-render-pick.c: which actor or tie is under a point, and which actors a rubber band holds
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hit-testing reads the numbers the geometry draws with
 * (mw-render-geometry.c), never the network's own positions.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>

#include "mw-renderer-private.h"

/**
 * mw_renderer_pick_actor:
 * @x: view pixels
 * @y: view pixels
 *
 * Returns: (transfer none) (nullable): the actor under the point (the
 *   nearest when shapes overlap), with a few pixels' tolerance
 */
MwActor *
mw_renderer_pick_actor (MwRenderer   *self,
                        const MwView *view,
                        double        x,
                        double        y)
{
  MwActor *best = NULL;
  double mx, my, best_d = G_MAXDOUBLE, tolerance;

  g_return_val_if_fail (MW_IS_RENDERER (self), NULL);
  g_return_val_if_fail (view != NULL && view->zoom > 0, NULL);

  _mw_renderer_ensure_geometry (self);
  mw_view_to_model (view, x, y, &mx, &my);
  tolerance = 3 / view->zoom;
  for (guint i = 0; i < self->geometry.actors->len; i++)
    {
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);
      double d = hypot (mx - g->x, my - g->y);

      if (d <= g->r + tolerance && d - g->r < best_d)
        {
          best_d = d - g->r;
          best = mw_network_get_actor (self->network, i);
        }
    }
  return best;
}

static double
distance_to_segment (double px,
                     double py,
                     double x1,
                     double y1,
                     double x2,
                     double y2)
{
  double dx = x2 - x1, dy = y2 - y1;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - x1) * dx + (py - y1) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (x1 + t * dx), py - (y1 + t * dy));
}

static double
distance_to_tie (const MwTieGeom *g,
                 double           px,
                 double           py)
{
  double best = G_MAXDOUBLE, lx = g->x1, ly = g->y1;

  if (!g->curved)
    return distance_to_segment (px, py, g->x1, g->y1, g->tx, g->ty);

  /* the quadratic in 12 straight pieces is close enough for a pointer */
  for (int i = 1; i <= 12; i++)
    {
      double t = i / 12.0, u = 1 - t;
      double x = u * u * g->x1 + 2 * u * t * g->cx + t * t * g->tx;
      double y = u * u * g->y1 + 2 * u * t * g->cy + t * t * g->ty;

      best = MIN (best, distance_to_segment (px, py, lx, ly, x, y));
      lx = x, ly = y;
    }
  return best;
}

/**
 * mw_renderer_pick_tie:
 *
 * Returns: (transfer none) (nullable): the tie nearest the point, if
 *   within a few pixels of its stroke
 */
MwTie *
mw_renderer_pick_tie (MwRenderer   *self,
                      const MwView *view,
                      double        x,
                      double        y)
{
  MwTie *best = NULL;
  double mx, my, best_d;

  g_return_val_if_fail (MW_IS_RENDERER (self), NULL);
  g_return_val_if_fail (view != NULL && view->zoom > 0, NULL);

  _mw_renderer_ensure_geometry (self);
  mw_view_to_model (view, x, y, &mx, &my);
  best_d = 4 / view->zoom;
  for (guint i = 0; i < mw_network_get_n_ties (self->network); i++)
    {
      MwTie *tie = mw_network_get_tie (self->network, i);
      const MwActorGeom *a = &g_array_index (self->geometry.actors, MwActorGeom, tie->from->index);
      const MwActorGeom *b = &g_array_index (self->geometry.actors, MwActorGeom, tie->to->index);
      MwTieGeom g;
      double d;

      _mw_tie_geometry (tie->type, a->x, a->y, a->r, b->x, b->y, b->r, _mw_renderer_tie_bend (self, tie), TRUE, &g);
      d = distance_to_tie (&g, mx, my);
      if (d <= best_d)
        {
          best_d = d;
          best = tie;
        }
    }
  return best;
}

/**
 * mw_renderer_actors_in_rect:
 * @rect: a rectangle in view pixels (a rubber band); any sign of width/height
 *
 * Returns: (transfer container) (element-type MwActor): the actors whose
 *   centre lies inside, in index order
 */
GPtrArray *
mw_renderer_actors_in_rect (MwRenderer   *self,
                            const MwView *view,
                            const MwRect *rect)
{
  GPtrArray *actors;
  double x1, y1, x2, y2;

  g_return_val_if_fail (MW_IS_RENDERER (self), NULL);
  g_return_val_if_fail (view != NULL && view->zoom > 0 && rect != NULL, NULL);

  _mw_renderer_ensure_geometry (self);
  mw_view_to_model (view, MIN (rect->x, rect->x + rect->width), MIN (rect->y, rect->y + rect->height), &x1, &y1);
  mw_view_to_model (view, MAX (rect->x, rect->x + rect->width), MAX (rect->y, rect->y + rect->height), &x2, &y2);

  actors = g_ptr_array_new ();
  for (guint i = 0; i < self->geometry.actors->len; i++)
    {
      const MwActorGeom *g = &g_array_index (self->geometry.actors, MwActorGeom, i);

      if (g->x >= x1 && g->x <= x2 && g->y >= y1 && g->y <= y2)
        g_ptr_array_add (actors, mw_network_get_actor (self->network, i));
    }
  return actors;
}
