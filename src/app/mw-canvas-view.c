/* mw-canvas-view.c: the canvas's view, and how its parts announce change
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bottom level of MwCanvas (see mw-canvas-private.h): zoom and pan,
 * where an actor is drawn and bringing it into view, and the ids of the
 * canvas's signals and properties, which every part uses to say that
 * something changed. It calls no other file of the canvas.
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include "mw-canvas-private.h"

GParamSpec *_mw_canvas_properties[N_PROPS];
guint _mw_canvas_signals[N_SIGNALS];

void
_mw_canvas_emit_selection_changed (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));
  g_signal_emit (self, _mw_canvas_signals[SELECTION_CHANGED], 0);
}

void
_mw_canvas_emit_highlight_changed (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));
  g_signal_emit (self, _mw_canvas_signals[HIGHLIGHT_CHANGED], 0);
}

static gboolean
notify_zoom_later_cb (gpointer user_data)
{
  MwCanvas *self = user_data;

  self->zoom_notify_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), _mw_canvas_properties[PROP_ZOOM]);
  return G_SOURCE_REMOVE;
}

/* A fit made while GTK allocates the canvas must not tell listeners yet:
 * a zoom label resized in the middle of layout stays unallocated and blanks
 * the window until something else relayouts it. */
static void
notify_zoom (MwCanvas *self,
             double    old_zoom)
{
  g_assert (MW_IS_CANVAS (self));

  if (old_zoom != self->view.zoom)
    {
      if (!self->allocating)
        g_object_notify_by_pspec (G_OBJECT (self), _mw_canvas_properties[PROP_ZOOM]);
      else if (self->zoom_notify_id == 0)
        self->zoom_notify_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, notify_zoom_later_cb,
                                                g_object_ref (self), g_object_unref);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Zooms by @factor, within limits, keeping the view point (@vx, @vy) still. */
void
_mw_canvas_zoom_at (MwCanvas *self,
                    double    factor,
                    double    vx,
                    double    vy)
{
  double old_zoom = self->view.zoom;
  double wanted = CLAMP (old_zoom * factor, MW_CANVAS_MIN_ZOOM, MW_CANVAS_MAX_ZOOM);

  g_assert (MW_IS_CANVAS (self));

  if (wanted == old_zoom)
    return;

  self->follows_fit = FALSE;
  mw_view_zoom_at (&self->view, wanted / old_zoom, vx, vy);
  notify_zoom (self, old_zoom);
}

void
_mw_canvas_actor_position (MwCanvas      *self,
                           const MwActor *actor,
                           double        *x,
                           double        *y)
{
  g_assert (MW_IS_CANVAS (self));
  mw_renderer_get_actor_position (self->renderer, actor, x, y);
  /* a pictured drag moves the network only on release (mw-canvas-drag.c) */
  if (self->drag_picture != NULL && mw_render_drag_moves (self->drag_picture, actor))
    {
      *x += self->drag_dx / self->view.zoom;
      *y += self->drag_dy / self->view.zoom;
    }
}

/* Brings @actor into view when it is off screen. */
void
_mw_canvas_reveal_actor (MwCanvas *self,
                         MwActor  *actor)
{
  double mx, my, vx, vy;

  g_assert (MW_IS_CANVAS (self));

  _mw_canvas_actor_position (self, actor, &mx, &my);
  mw_view_from_model (&self->view, mx, my, &vx, &vy);
  if (vx < 24 || vy < 24 || vx > self->view.width - 24 || vy > self->view.height - 24)
    mw_canvas_pan_by (self, vx - self->view.width / 2, vy - self->view.height / 2);
}

double
mw_canvas_get_zoom (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), 1);
  return self->view.zoom;
}

/* Zooms around the pointer when it is over the canvas, else the centre. */
void
mw_canvas_zoom_by (MwCanvas *self,
                   double    factor)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  if (self->pointer_inside)
    _mw_canvas_zoom_at (self, factor, self->pointer_x, self->pointer_y);
  else
    _mw_canvas_zoom_at (self, factor, self->view.width / 2, self->view.height / 2);
}

static void
fit_rect (MwCanvas     *self,
          const MwRect *bounds)
{
  double old_zoom = self->view.zoom;

  g_assert (MW_IS_CANVAS (self));

  mw_view_fit (&self->view, bounds, 48);
  self->view.zoom = CLAMP (self->view.zoom, MW_CANVAS_MIN_ZOOM, MIN (MW_CANVAS_MAX_ZOOM, 2.0));
  /* Clamping must keep the rectangle centred. */
  self->view.offset_x = bounds->x + bounds->width / 2 - self->view.width / 2 / self->view.zoom;
  self->view.offset_y = bounds->y + bounds->height / 2 - self->view.height / 2 / self->view.zoom;
  notify_zoom (self, old_zoom);
}

void
mw_canvas_zoom_to_fit (MwCanvas *self)
{
  MwRect bounds;

  g_return_if_fail (MW_IS_CANVAS (self));

  if (mw_renderer_get_bounds (self->renderer, &bounds))
    {
      fit_rect (self, &bounds);
      self->follows_fit = TRUE;
    }
}

void
mw_canvas_zoom_to_selection (MwCanvas *self)
{
  MwItemSetIter iter;
  gpointer actor;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  MwRect rect;

  g_return_if_fail (MW_IS_CANVAS (self));

  if (mw_item_set_get_n_actors (self->selection) == 0)
    {
      mw_canvas_zoom_to_fit (self);
      return;
    }

  mw_item_set_iter_init_actors (&iter, self->selection);
  while (mw_item_set_iter_next (&iter, &actor, NULL))
    {
      double x, y, r = mw_renderer_get_actor_radius (self->renderer, actor);

      _mw_canvas_actor_position (self, actor, &x, &y);
      x0 = MIN (x0, x - r);
      y0 = MIN (y0, y - r);
      x1 = MAX (x1, x + r);
      y1 = MAX (y1, y + r);
    }

  rect = (MwRect) { x0, y0, MAX (x1 - x0, 1), MAX (y1 - y0, 1) };
  fit_rect (self, &rect);
  self->follows_fit = FALSE;
}

/* Where a model point is drawn, in the canvas's own coordinates. */
void
mw_canvas_model_to_widget (MwCanvas *self,
                           double    mx,
                           double    my,
                           double   *x,
                           double   *y)
{
  g_return_if_fail (MW_IS_CANVAS (self));
  mw_view_from_model (&self->view, mx, my, x, y);
}

/* Moves the view by (@dx, @dy) view pixels. */
void
mw_canvas_pan_by (MwCanvas *self,
                  double    dx,
                  double    dy)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  if (dx != 0 || dy != 0)
    self->follows_fit = FALSE;
  self->view.offset_x += dx / self->view.zoom;
  self->view.offset_y += dy / self->view.zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
