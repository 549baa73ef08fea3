/* mw-canvas-input.c: the canvas's gestures and keys
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the event controllers of MwCanvas: click, drag (pan, move, rubber
 * band, draw a tie, place an actor), pinch, scroll and zoom, Space to
 * select the focused actor and to pan, Escape during a drag; and draws the feedback of a drag in progress. The
 * canvas's key bindings are in its class_init (mw-canvas.c).
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include <math.h>

#include "mw-canvas-private.h"

#define DRAG_THRESHOLD 3.0   /* view pixels a press may wander and stay a click */

/* Dragging from the outer rim of an actor draws a tie instead of moving it. */
static gboolean
on_rim (MwCanvas *self,
        MwActor  *actor,
        double    vx,
        double    vy)
{
  double mx, my, ax, ay;
  double radius = mw_renderer_get_actor_radius (self->renderer, actor);

  g_assert (MW_IS_CANVAS (self));

  mw_view_to_model (&self->view, vx, vy, &mx, &my);
  _mw_canvas_actor_position (self, actor, &ax, &ay);

  return radius * self->view.zoom >= 12 &&
         hypot (mx - ax, my - ay) > radius * 0.72;
}

static void
begin_rubber_band (MwCanvas *self,
                   gboolean  extend)
{
  g_assert (MW_IS_CANVAS (self));

  self->drag_mode = DRAG_RUBBER;
  g_clear_pointer (&self->rubber_base, mw_item_set_free);
  if (extend)
    self->rubber_base = mw_item_set_copy_actors (self->selection);
  else
    mw_canvas_select_none (self);
}

static void
begin_primary_drag (MwCanvas        *self,
                    GdkModifierType  state,
                    double           x,
                    double           y)
{
  MwActor *actor = mw_renderer_pick_actor (self->renderer, &self->view, x, y);
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  g_assert (MW_IS_CANVAS (self));

  if (actor != NULL && (self->tool == MW_TOOL_TIE || on_rim (self, actor, x, y)))
    {
      self->drag_mode = DRAG_CONNECT;
      mw_set_str (&self->connect_from, actor->id);
    }
  else if (actor != NULL)
    {
      if (shift)
        _mw_canvas_toggle_actor (self, actor);
      else if (!mw_item_set_contains_actor (self->selection, actor))
        _mw_canvas_select_only_actor (self, actor);
      self->drag_mode = mw_item_set_contains_actor (self->selection, actor) ? DRAG_MOVE : DRAG_NONE;
    }
  else
    {
      MwTie *tie = mw_renderer_pick_tie (self->renderer, &self->view, x, y);

      if (tie != NULL)
        mw_canvas_select_tie (self, tie);
      else if (self->tool == MW_TOOL_ACTOR)
        self->drag_mode = DRAG_ADD;
      else
        begin_rubber_band (self, shift);
    }
}

static void
drag_begin_cb (MwCanvas       *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  g_assert (MW_IS_CANVAS (self));

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->drag_mode = DRAG_NONE;

  if (button == GDK_BUTTON_MIDDLE || (button == GDK_BUTTON_PRIMARY && (self->space_down || !self->editable)))
    {
      self->drag_mode = DRAG_PAN;
      self->pan_offset_x = self->view.offset_x;
      self->pan_offset_y = self->view.offset_y;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  else if (button == GDK_BUTTON_PRIMARY && !_mw_canvas_is_busy (self))
    begin_primary_drag (self, state, x, y);

  if (self->drag_mode == DRAG_NONE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static MwRect
rubber_rect (MwCanvas *self)
{
  MwRect rect = {
    MIN (self->drag_x, self->drag_x + self->drag_dx),
    MIN (self->drag_y, self->drag_y + self->drag_dy),
    fabs (self->drag_dx),
    fabs (self->drag_dy),
  };

  return rect;
}

/* The selection is what it was before (with Shift) plus what the band holds. */
static void
update_rubber (MwCanvas *self)
{
  MwRect rect = rubber_rect (self);
  g_autoptr(GPtrArray) inside = mw_renderer_actors_in_rect (self->renderer, &self->view, &rect);

  g_assert (MW_IS_CANVAS (self));

  mw_item_set_clear (self->selection);
  if (self->rubber_base != NULL)
    mw_item_set_add_actors_of (self->selection, self->rubber_base);
  for (guint i = 0; inside != NULL && i < inside->len; i++)
    mw_item_set_add_actor (self->selection, g_ptr_array_index (inside, i));

  _mw_canvas_selection_changed (self);
}

/* Moves only once the pointer has gone past a small threshold, so that a
 * click on an actor is not a step in the history. A big network's drag
 * is only drawn until the release (mw-canvas-drag.c). */
static void
update_move (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  if (self->drag_edit == NULL)
    {
      if (hypot (self->drag_dx, self->drag_dy) < DRAG_THRESHOLD)
        return;
      _mw_canvas_begin_move (self);
      _mw_canvas_drag_begin (self);
    }

  if (_mw_canvas_drag_is_pictured (self))
    gtk_widget_queue_draw (GTK_WIDGET (self));
  else
    _mw_canvas_move_by (self, self->drag_dx / self->view.zoom, self->drag_dy / self->view.zoom);
}

static void
update_pan (MwCanvas *self)
{
  double old_x = self->view.offset_x, old_y = self->view.offset_y;

  g_assert (MW_IS_CANVAS (self));

  self->view.offset_x = self->pan_offset_x - self->drag_dx / self->view.zoom;
  self->view.offset_y = self->pan_offset_y - self->drag_dy / self->view.zoom;
  if (old_x != self->view.offset_x || old_y != self->view.offset_y)
    {
      self->follows_fit = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
drag_update_cb (MwCanvas       *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  g_assert (MW_IS_CANVAS (self));

  self->drag_dx = dx;
  self->drag_dy = dy;

  switch (self->drag_mode)
    {
    case DRAG_PAN:
      update_pan (self);
      break;
    case DRAG_MOVE:
      update_move (self);
      break;
    case DRAG_RUBBER:
      update_rubber (self);
      break;
    case DRAG_CONNECT:
    case DRAG_ADD:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_NONE:
    default:
      break;
    }
}

/* The cursor of the tool, once a pan or a drag is over, or the tool changes. */
void
_mw_canvas_reset_cursor (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->tool == MW_TOOL_SELECT ? NULL : "crosshair");
}

/**
 * _mw_canvas_finish_drag:
 * @commit: whether a move in progress stays (else it is put back)
 *
 * Ends whatever drag is in progress.
 */
void
_mw_canvas_finish_drag (MwCanvas *self,
                        gboolean  commit)
{
  gboolean pictured;

  g_assert (MW_IS_CANVAS (self));

  pictured = _mw_canvas_drag_is_pictured (self);
  _mw_canvas_drag_end (self);
  /* An animation owns the open edit until it ends. */
  if (self->drag_edit != NULL && self->tick_id == 0)
    {
      MwEdit *edit;

      /* a pictured drag moves the network now, once */
      if (commit && pictured)
        _mw_canvas_move_by (self, self->drag_dx / self->view.zoom, self->drag_dy / self->view.zoom);
      edit = g_steal_pointer (&self->drag_edit);
      if (commit)
        mw_history_commit (self->history, edit);
      else
        mw_history_cancel (self->history, edit);
    }

  g_clear_pointer (&self->rubber_base, mw_item_set_free);
  g_clear_pointer (&self->connect_from, g_free);
  self->drag_mode = DRAG_NONE;
  _mw_canvas_reset_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
drag_end_cb (MwCanvas       *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  double x = self->drag_x + dx, y = self->drag_y + dy;

  g_assert (MW_IS_CANVAS (self));

  if (self->drag_mode == DRAG_CONNECT)
    {
      MwActor *from = mw_network_lookup_actor (self->network, self->connect_from);
      MwActor *to = mw_renderer_pick_actor (self->renderer, &self->view, x, y);

      if (from != NULL && to != NULL && from != to)
        mw_canvas_connect (self, from, to);
    }
  else if (self->drag_mode == DRAG_ADD)
    mw_canvas_add_actor_at (self, x, y);

  _mw_canvas_finish_drag (self, TRUE);
}

/* On release: the drag gesture takes the focus on press, and the rename
 * entry must have it last. */
static void
click_released_cb (MwCanvas        *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  MwActor *actor;

  g_assert (MW_IS_CANVAS (self));

  if (n_press != 2 || self->tool != MW_TOOL_SELECT || !self->editable)
    return;

  actor = mw_renderer_pick_actor (self->renderer, &self->view, x, y);
  if (actor != NULL)
    {
      _mw_canvas_select_only_actor (self, actor);
      mw_canvas_rename_selected (self);
    }
  else if (mw_renderer_pick_tie (self->renderer, &self->view, x, y) == NULL)
    mw_canvas_add_actor_at (self, x, y);
}

/* Ctrl+scroll zooms around the pointer; a plain scroll pans. */
static gboolean
scroll_cb (MwCanvas                 *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  g_assert (MW_IS_CANVAS (self));

  if (state & GDK_CONTROL_MASK)
    _mw_canvas_zoom_at (self, pow (wheel ? 1.2 : 1.02, -dy), self->pointer_x, self->pointer_y);
  else
    mw_canvas_pan_by (self, dx * (wheel ? 48 : 1), dy * (wheel ? 48 : 1));

  return TRUE;
}

static void
pinch_begin_cb (MwCanvas         *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  g_assert (MW_IS_CANVAS (self));

  self->pinch_zoom = self->view.zoom;
}

static void
pinch_scale_cb (MwCanvas       *self,
                double          scale,
                GtkGestureZoom *gesture)
{
  double cx = 0, cy = 0;

  g_assert (MW_IS_CANVAS (self));

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy);
  _mw_canvas_zoom_at (self, self->pinch_zoom * scale / self->view.zoom, cx, cy);
}

/* Remembers the pointer: keyboard zoom goes around it. */
static void
motion_cb (MwCanvas *self,
           double    x,
           double    y)
{
  g_assert (MW_IS_CANVAS (self));

  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
}

static gboolean
key_pressed_cb (MwCanvas        *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  g_assert (MW_IS_CANVAS (self));

  /* Space selects the focused actor (Ctrl+Space adds or takes it away);
   * held, it pans with a drag. */
  if (keyval == GDK_KEY_space && !self->space_down)
    {
      if (self->drag_mode == DRAG_NONE)
        mw_canvas_select_focus (self, (state & GDK_CONTROL_MASK) != 0);
      self->space_down = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;
    }

  if (keyval == GDK_KEY_Escape && self->drag_mode != DRAG_NONE)
    {
      _mw_canvas_finish_drag (self, FALSE);
      return TRUE;
    }

  if (keyval == GDK_KEY_Escape && mw_canvas_has_highlight (self))
    {
      mw_canvas_clear_highlight (self);
      return TRUE;
    }

  return FALSE;
}

static void
key_released_cb (MwCanvas        *self,
                 guint            keyval,
                 guint            keycode,
                 GdkModifierType  state)
{
  g_assert (MW_IS_CANVAS (self));

  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      _mw_canvas_reset_cursor (self);
    }
}

/* The rubber band, or the tie being drawn, over the network. */
void
_mw_canvas_draw_drag (MwCanvas *self,
                      cairo_t  *cr)
{
  const GdkRGBA accent = { 0.21, 0.52, 0.89, 1.0 };  /* the GNOME accent blue */

  g_assert (MW_IS_CANVAS (self));

  if (self->drag_mode == DRAG_RUBBER)
    {
      MwRect rect = rubber_rect (self);

      cairo_rectangle (cr, rect.x + 0.5, rect.y + 0.5, rect.width, rect.height);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.8);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  else if (self->drag_mode == DRAG_CONNECT)
    {
      MwActor *from = mw_network_lookup_actor (self->network, self->connect_from);
      double mx, my, vx, vy;

      if (from == NULL)
        return;
      _mw_canvas_actor_position (self, from, &mx, &my);
      mw_view_from_model (&self->view, mx, my, &vx, &vy);
      cairo_move_to (cr, vx, vy);
      cairo_line_to (cr, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_stroke (cr);
    }
}

void
_mw_canvas_add_controllers (MwCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_assert (MW_IS_CANVAS (self));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect_swapped (click, "released", G_CALLBACK (click_released_cb), self);
  g_signal_connect_swapped (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect_swapped (pinch, "scale-changed", G_CALLBACK (pinch_scale_cb), self);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect_swapped (keys, "key-released", G_CALLBACK (key_released_cb), self);

  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
