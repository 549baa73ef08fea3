/* mw-canvas.c: the network editor's drawing area
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-canvas.h"
#include "mw-layout.h"

#define MIN_ZOOM 0.05
#define MAX_ZOOM 8.0
#define DRAG_THRESHOLD 3.0
#define NUDGE 10.0
#define PASTE_OFFSET 24.0

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RUBBER,
  DRAG_CONNECT,
  DRAG_ADD,
} DragMode;

typedef struct
{
  char   *id;
  double  x;
  double  y;
} StartPosition;

struct _MwCanvas
{
  GtkWidget   parent_instance;

  /* owned */
  MwHistory  *history;
  MwNetwork  *network;
  MwRenderer *renderer;
  GtkWidget  *rename_popover;
  GtkWidget  *rename_entry;
  GHashTable *sel_actors;    /* MwActor* → its id (owned): the id survives the actor */
  GHashTable *sel_ties;      /* MwTie* → its id */
  GHashTable *hl_actors;     /* MwActor* → its id: what a score explanation is about */
  GHashTable *hl_ties;       /* MwTie* → its id */
  GHashTable *mark_actors;   /* MwActor* → its id: what a comparison marks, under any highlight */
  GHashTable *mark_ties;     /* MwTie* → its id */
  char       *anchor_id;     /* the actor selected first, for keyboard connect */
  char       *rename_id;
  GArray     *start_positions;
  GHashTable *rubber_base;   /* (nullable) selection before a Shift rubber-band */

  MwView      view;
  MwTool      tool;
  MwTieType   tie_type;
  gboolean    editable;
  gboolean    fitted;
  gboolean    space_down;
  double      pointer_x;
  double      pointer_y;
  gboolean    pointer_inside;

  DragMode    drag_mode;
  double      drag_x;
  double      drag_y;
  double      drag_dx;
  double      drag_dy;
  double      pan_offset_x;
  double      pan_offset_y;
  double      pinch_zoom;
  MwEdit     *drag_edit;
  char       *connect_from;

  GArray     *targets;       /* StartPosition: where an animation ends */
  guint       tick_id;
  gint64      animation_start;
};

G_DEFINE_FINAL_TYPE (MwCanvas, mw_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HISTORY,
  PROP_TOOL,
  PROP_TIE_TYPE,
  PROP_ZOOM,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  HIGHLIGHT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
start_position_clear (StartPosition *position)
{
  g_free (position->id);
}

static void
selection_changed (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  if (g_hash_table_size (self->sel_actors) != 1)
    {
      if (g_hash_table_size (self->sel_actors) == 0)
        g_clear_pointer (&self->anchor_id, g_free);
    }
  else
    {
      GHashTableIter iter;
      gpointer id;

      g_hash_table_iter_init (&iter, self->sel_actors);
      g_hash_table_iter_next (&iter, NULL, &id);
      mw_set_str (&self->anchor_id, id);
    }

  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
notify_zoom (MwCanvas *self,
             double    old_zoom)
{
  g_assert (MW_IS_CANVAS (self));

  if (old_zoom != self->view.zoom)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_at (MwCanvas *self,
         double    factor,
         double    vx,
         double    vy)
{
  double old_zoom = self->view.zoom;
  double wanted = CLAMP (old_zoom * factor, MIN_ZOOM, MAX_ZOOM);

  g_assert (MW_IS_CANVAS (self));

  if (wanted == old_zoom)
    return;

  mw_view_zoom_at (&self->view, wanted / old_zoom, vx, vy);
  notify_zoom (self, old_zoom);
}

/* After an undo or a batch the actors may be new objects: find them by id. */
static gboolean
revalidate_table (GHashTable *table,
                  gpointer  (*lookup) (MwNetwork *, const char *),
                  MwNetwork  *network)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer id;
  guint before = g_hash_table_size (table);

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &id))
    g_ptr_array_add (ids, g_strdup (id));

  g_hash_table_remove_all (table);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *item_id = g_ptr_array_index (ids, i);
      gpointer item = lookup (network, item_id);

      if (item != NULL)
        g_hash_table_insert (table, item, g_strdup (item_id));
    }

  return g_hash_table_size (table) != before;
}

static void
network_changed_cb (MwCanvas  *self,
                    MwChange  *change,
                    MwNetwork *network)
{
  gboolean pruned = FALSE;

  g_assert (MW_IS_CANVAS (self));

  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_REMOVED:
      pruned = g_hash_table_remove (self->sel_actors, change->actor);
      g_hash_table_remove (self->hl_actors, change->actor);
      g_hash_table_remove (self->mark_actors, change->actor);
      break;
    case MW_CHANGE_TIE_REMOVED:
      pruned = g_hash_table_remove (self->sel_ties, change->tie);
      g_hash_table_remove (self->hl_ties, change->tie);
      g_hash_table_remove (self->mark_ties, change->tie);
      break;
    case MW_CHANGE_BATCH:
      pruned = revalidate_table (self->sel_actors, (gpointer)mw_network_lookup_actor, network);
      pruned |= revalidate_table (self->sel_ties, (gpointer)mw_network_lookup_tie, network);
      revalidate_table (self->hl_actors, (gpointer)mw_network_lookup_actor, network);
      revalidate_table (self->hl_ties, (gpointer)mw_network_lookup_tie, network);
      revalidate_table (self->mark_actors, (gpointer)mw_network_lookup_actor, network);
      revalidate_table (self->mark_ties, (gpointer)mw_network_lookup_tie, network);
      break;
    default:
      break;
    }

  /* The inspector shows no positions: a drag does not refresh it. */
  if (pruned || change->kind == MW_CHANGE_BATCH ||
      (change->kind == MW_CHANGE_ACTOR_CHANGED && (change->fields & ~MW_FIELD_POSITION) != 0) ||
      change->kind == MW_CHANGE_TIE_CHANGED)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
actor_position (MwCanvas      *self,
                const MwActor *actor,
                double        *x,
                double        *y)
{
  mw_renderer_get_actor_position (self->renderer, actor, x, y);
}

static gboolean
is_selected (MwCanvas *self,
             gpointer  actor)
{
  return g_hash_table_contains (self->sel_actors, actor);
}

/* While a drag or an animation holds an edit open, other edits wait; a
 * read-only canvas never edits. */
static gboolean
busy (MwCanvas *self)
{
  return !self->editable || self->drag_edit != NULL || mw_history_is_editing (self->history);
}

static void
select_only_actor (MwCanvas *self,
                   MwActor  *actor)
{
  g_assert (MW_IS_CANVAS (self));

  g_hash_table_remove_all (self->sel_actors);
  g_hash_table_remove_all (self->sel_ties);
  if (actor != NULL)
    g_hash_table_insert (self->sel_actors, actor, g_strdup (actor->id));
  selection_changed (self);
}

static void
toggle_actor (MwCanvas *self,
              MwActor  *actor)
{
  g_assert (MW_IS_CANVAS (self));

  if (!g_hash_table_remove (self->sel_actors, actor))
    g_hash_table_insert (self->sel_actors, actor, g_strdup (actor->id));
  selection_changed (self);
}

/* Dragging from the outer rim of an actor draws a tie instead of moving it. */
static gboolean
on_rim (MwCanvas *self,
        MwActor  *actor,
        double    vx,
        double    vy)
{
  double mx, my, ax, ay;
  double radius = mw_renderer_get_actor_radius (self->renderer, actor);

  mw_view_to_model (&self->view, vx, vy, &mx, &my);
  actor_position (self, actor, &ax, &ay);

  return radius * self->view.zoom >= 12 &&
         hypot (mx - ax, my - ay) > radius * 0.72;
}

static void
begin_primary_drag (MwCanvas        *self,
                    GdkModifierType  state,
                    double           x,
                    double           y)
{
  MwActor *actor = mw_renderer_pick_actor (self->renderer, &self->view, x, y);
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  if (actor != NULL && (self->tool == MW_TOOL_TIE || on_rim (self, actor, x, y)))
    {
      self->drag_mode = DRAG_CONNECT;
      mw_set_str (&self->connect_from, actor->id);
    }
  else if (actor != NULL)
    {
      if (shift)
        toggle_actor (self, actor);
      else if (!is_selected (self, actor))
        select_only_actor (self, actor);
      self->drag_mode = is_selected (self, actor) ? DRAG_MOVE : DRAG_NONE;
    }
  else
    {
      MwTie *tie = mw_renderer_pick_tie (self->renderer, &self->view, x, y);

      if (tie != NULL)
        mw_canvas_select_tie (self, tie);
      else if (self->tool == MW_TOOL_ACTOR)
        self->drag_mode = DRAG_ADD;
      else
        {
          self->drag_mode = DRAG_RUBBER;
          g_clear_pointer (&self->rubber_base, g_hash_table_unref);
          if (shift)
            self->rubber_base = g_hash_table_ref (self->sel_actors);
          else
            mw_canvas_select_none (self);
        }
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
  else if (button == GDK_BUTTON_PRIMARY && !busy (self))
    begin_primary_drag (self, state, x, y);

  if (self->drag_mode == DRAG_NONE)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
begin_move (MwCanvas *self)
{
  GHashTableIter iter;
  gpointer actor;
  guint n = g_hash_table_size (self->sel_actors);
  g_autofree char *name = NULL;

  g_assert (MW_IS_CANVAS (self));

  if (n == 1)
    name = g_strdup (_("Move Actor"));
  else
    name = g_strdup_printf (ngettext ("Move %u Actor", "Move %u Actors", n), n);

  self->drag_edit = mw_history_begin (self->history, name);
  g_array_set_size (self->start_positions, 0);

  g_hash_table_iter_init (&iter, self->sel_actors);
  while (g_hash_table_iter_next (&iter, &actor, NULL))
    {
      StartPosition position = { g_strdup (((MwActor *)actor)->id), 0, 0 };

      actor_position (self, actor, &position.x, &position.y);
      g_array_append_val (self->start_positions, position);
    }
}

/* Moves only what is dragged: each setter announces one actor, so the
 * renderer and the scorer update that actor, not the whole network. */
static void
update_move (MwCanvas *self)
{
  double dx = self->drag_dx / self->view.zoom;
  double dy = self->drag_dy / self->view.zoom;

  g_assert (MW_IS_CANVAS (self));

  if (self->drag_edit == NULL)
    {
      if (hypot (self->drag_dx, self->drag_dy) < DRAG_THRESHOLD)
        return;
      begin_move (self);
    }

  for (guint i = 0; i < self->start_positions->len; i++)
    {
      StartPosition *position = &g_array_index (self->start_positions, StartPosition, i);
      MwActor *actor = mw_network_lookup_actor (self->network, position->id);

      if (actor != NULL)
        mw_edit_move_actor (self->drag_edit, actor, position->x + dx, position->y + dy);
    }
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

static void
update_rubber (MwCanvas *self)
{
  MwRect rect = rubber_rect (self);
  g_autoptr(GPtrArray) inside = mw_renderer_actors_in_rect (self->renderer, &self->view, &rect);
  GHashTableIter iter;
  gpointer key, value;

  g_assert (MW_IS_CANVAS (self));

  g_hash_table_remove_all (self->sel_ties);
  if (self->rubber_base != NULL)
    {
      g_autoptr(GHashTable) base = g_hash_table_ref (self->rubber_base);

      /* The base is the selection table itself until the first update. */
      if (base == self->sel_actors)
        {
          g_clear_pointer (&self->rubber_base, g_hash_table_unref);
          self->rubber_base = g_hash_table_new_full (NULL, NULL, NULL, g_free);
          g_hash_table_iter_init (&iter, base);
          while (g_hash_table_iter_next (&iter, &key, &value))
            g_hash_table_insert (self->rubber_base, key, g_strdup (value));
        }
    }

  g_hash_table_remove_all (self->sel_actors);
  if (self->rubber_base != NULL)
    {
      g_hash_table_iter_init (&iter, self->rubber_base);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (self->sel_actors, key, g_strdup (value));
    }
  for (guint i = 0; inside != NULL && i < inside->len; i++)
    {
      MwActor *actor = g_ptr_array_index (inside, i);
      g_hash_table_insert (self->sel_actors, actor, g_strdup (actor->id));
    }

  selection_changed (self);
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
      {
        double old_x = self->view.offset_x, old_y = self->view.offset_y;

        self->view.offset_x = self->pan_offset_x - dx / self->view.zoom;
        self->view.offset_y = self->pan_offset_y - dy / self->view.zoom;
        if (old_x != self->view.offset_x || old_y != self->view.offset_y)
          gtk_widget_queue_draw (GTK_WIDGET (self));
      }
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

static void
finish_drag (MwCanvas *self,
             gboolean  commit)
{
  g_assert (MW_IS_CANVAS (self));

  /* An animation owns the open edit until it ends. */
  if (self->drag_edit != NULL && self->tick_id == 0)
    {
      MwEdit *edit = g_steal_pointer (&self->drag_edit);

      if (commit)
        mw_history_commit (self->history, edit);
      else
        mw_history_cancel (self->history, edit);
    }

  g_clear_pointer (&self->rubber_base, g_hash_table_unref);
  g_clear_pointer (&self->connect_from, g_free);
  self->drag_mode = DRAG_NONE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   self->tool == MW_TOOL_SELECT ? NULL : "crosshair");
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

  finish_drag (self, TRUE);
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
      select_only_actor (self, actor);
      mw_canvas_rename_selected (self);
    }
  else if (mw_renderer_pick_tie (self->renderer, &self->view, x, y) == NULL)
    mw_canvas_add_actor_at (self, x, y);
}

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
    zoom_at (self, pow (wheel ? 1.2 : 1.02, -dy), self->pointer_x, self->pointer_y);
  else
    mw_canvas_pan_by (self, dx * (wheel ? 48 : 1), dy * (wheel ? 48 : 1));

  return TRUE;
}

static void
pinch_begin_cb (MwCanvas   *self,
                GdkEventSequence *sequence,
                GtkGesture *gesture)
{
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
  zoom_at (self, self->pinch_zoom * scale / self->view.zoom, cx, cy);
}

static void
motion_cb (MwCanvas *self,
           double    x,
           double    y)
{
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

  if (keyval == GDK_KEY_space && !self->space_down)
    {
      self->space_down = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;
    }

  if (keyval == GDK_KEY_Escape && self->drag_mode != DRAG_NONE)
    {
      finish_drag (self, FALSE);
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
  if (keyval == GDK_KEY_space)
    {
      self->space_down = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       self->tool == MW_TOOL_SELECT ? NULL : "crosshair");
    }
}

static void
draw_overlay (MwCanvas *self,
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
      actor_position (self, from, &mx, &my);
      mw_view_from_model (&self->view, mx, my, &vx, &vy);
      cairo_move_to (cr, vx, vy);
      cairo_line_to (cr, self->drag_x + self->drag_dx, self->drag_y + self->drag_dy);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_set_dash (cr, (double[]) { 6, 4 }, 2, 0);
      cairo_stroke (cr);
    }
}

static gboolean
has_marks (MwCanvas *self)
{
  return g_hash_table_size (self->mark_actors) > 0 || g_hash_table_size (self->mark_ties) > 0;
}

static void
mw_canvas_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  MwCanvas *self = MW_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  self->view.width = width;
  self->view.height = height;
  self->view.scale = gtk_widget_get_scale_factor (widget);
  self->view.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  self->view.selected_actors = self->sel_actors;
  self->view.selected_ties = self->sel_ties;
  if (mw_canvas_has_highlight (self) || !has_marks (self))
    {
      self->view.highlighted_actors = self->hl_actors;
      self->view.highlighted_ties = self->hl_ties;
    }
  else
    {
      self->view.highlighted_actors = self->mark_actors;
      self->view.highlighted_ties = self->mark_ties;
    }
  self->view.dim_others = mw_canvas_has_highlight (self) || has_marks (self);
  /* GTK replays the cairo node into pixels: the renderer may stamp shapes */
  self->view.raster = TRUE;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  mw_renderer_draw (self->renderer, cr, &self->view);
  draw_overlay (self, cr);
  cairo_destroy (cr);
}

static void
mw_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  MwCanvas *self = MW_CANVAS (widget);

  self->view.width = width;
  self->view.height = height;
  if (!self->fitted && width > 1 && height > 1)
    {
      self->fitted = TRUE;
      mw_canvas_zoom_to_fit (self);
    }

  if (self->rename_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->rename_popover));
}

static void
rename_activate_cb (MwCanvas *self,
                    GtkEntry *entry)
{
  MwActor *actor = mw_network_lookup_actor (self->network, self->rename_id);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_assert (MW_IS_CANVAS (self));

  if (actor != NULL && *text != '\0' && g_strcmp0 (text, actor->label) != 0 && !busy (self))
    {
      MwEdit *edit = mw_history_begin (self->history, _("Rename Actor"));

      mw_edit_touch_actor (edit, actor);
      mw_network_set_actor_label (self->network, actor, text);
      mw_history_commit (self->history, edit);
    }

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
create_rename_popover (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  self->rename_entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->rename_entry), 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Actor name"), -1);
  g_signal_connect_object (self->rename_entry, "activate",
                           G_CALLBACK (rename_activate_cb), self, G_CONNECT_SWAPPED);

  self->rename_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->rename_popover, GTK_WIDGET (self));
}

#define ANIMATION_USEC (400 * 1000)

/* Puts every animated actor at a fraction @t of its way, eased out. */
static void
animate_step (MwCanvas *self,
              double    t)
{
  double eased = 1 - pow (1 - CLAMP (t, 0, 1), 3);

  g_assert (MW_IS_CANVAS (self));

  for (guint i = 0; i < self->targets->len; i++)
    {
      StartPosition *from = &g_array_index (self->start_positions, StartPosition, i);
      StartPosition *to = &g_array_index (self->targets, StartPosition, i);
      MwActor *actor = mw_network_lookup_actor (self->network, to->id);

      if (actor != NULL)
        mw_edit_move_actor (self->drag_edit, actor,
                            from->x + (to->x - from->x) * eased,
                            from->y + (to->y - from->y) * eased);
    }
}

static void
finish_animation (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  animate_step (self, 1);
  mw_history_commit (self->history, g_steal_pointer (&self->drag_edit));
  g_array_set_size (self->targets, 0);
  g_array_set_size (self->start_positions, 0);
}

static gboolean
animation_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  MwCanvas *self = MW_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->animation_start == 0)
    self->animation_start = now;

  if (now - self->animation_start >= ANIMATION_USEC)
    {
      self->tick_id = 0;
      finish_animation (self);
      mw_canvas_zoom_to_fit (self);
      return G_SOURCE_REMOVE;
    }

  animate_step (self, (double)(now - self->animation_start) / ANIMATION_USEC);
  return G_SOURCE_CONTINUE;
}

/**
 * mw_canvas_animate_to:
 * @positions: (element-type utf8 MwLayoutPoint): id → where the actor goes
 * @name: the step's name ("Arrange")
 *
 * Moves the actors from where they are to @positions, smoothly when the
 * canvas is on screen, as one step. Pinned actors stay.
 */
void
mw_canvas_animate_to (MwCanvas   *self,
                      GHashTable *positions,
                      const char *name)
{
  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (positions != NULL);

  if (busy (self))
    return;

  self->drag_edit = mw_history_begin (self->history, name);
  g_array_set_size (self->start_positions, 0);
  g_array_set_size (self->targets, 0);

  for (guint i = 0; i < mw_network_get_n_actors (self->network); i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      const MwLayoutPoint *point = g_hash_table_lookup (positions, actor->id);
      StartPosition from = { g_strdup (actor->id), 0, 0 };
      StartPosition to = { g_strdup (actor->id), 0, 0 };

      if (point == NULL || actor->pinned)
        {
          g_free (from.id);
          g_free (to.id);
          continue;
        }
      actor_position (self, actor, &from.x, &from.y);
      to.x = point->x;
      to.y = point->y;
      g_array_append_val (self->start_positions, from);
      g_array_append_val (self->targets, to);
    }

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->animation_start = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick_cb, NULL, NULL);
    }
  else
    finish_animation (self);
}

/* An open popover must not outlive the surface it points into. */
static void
mw_canvas_unmap (GtkWidget *widget)
{
  MwCanvas *self = MW_CANVAS (widget);

  if (self->rename_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->rename_popover));

  GTK_WIDGET_CLASS (mw_canvas_parent_class)->unmap (widget);
}

static void
mw_canvas_dispose (GObject *object)
{
  MwCanvas *self = (MwCanvas *)object;

  if (self->tick_id != 0)
    finish_animation (self);
  if (self->drag_edit != NULL)
    mw_history_commit (self->history, g_steal_pointer (&self->drag_edit));
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_object (&self->renderer);
  g_clear_object (&self->history);
  g_clear_object (&self->network);

  G_OBJECT_CLASS (mw_canvas_parent_class)->dispose (object);
}

static void
mw_canvas_finalize (GObject *object)
{
  MwCanvas *self = (MwCanvas *)object;

  g_clear_pointer (&self->sel_actors, g_hash_table_unref);
  g_clear_pointer (&self->sel_ties, g_hash_table_unref);
  g_clear_pointer (&self->hl_actors, g_hash_table_unref);
  g_clear_pointer (&self->hl_ties, g_hash_table_unref);
  g_clear_pointer (&self->mark_actors, g_hash_table_unref);
  g_clear_pointer (&self->mark_ties, g_hash_table_unref);
  g_clear_pointer (&self->rubber_base, g_hash_table_unref);
  g_clear_pointer (&self->start_positions, g_array_unref);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->anchor_id, g_free);
  g_clear_pointer (&self->rename_id, g_free);
  g_clear_pointer (&self->connect_from, g_free);

  G_OBJECT_CLASS (mw_canvas_parent_class)->finalize (object);
}

static void
mw_canvas_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MwCanvas *self = MW_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:  g_value_set_object (value, self->history); break;
    case PROP_TOOL:     g_value_set_int (value, self->tool); break;
    case PROP_TIE_TYPE: g_value_set_int (value, self->tie_type); break;
    case PROP_ZOOM:     g_value_set_double (value, self->view.zoom); break;
    case PROP_EDITABLE: g_value_set_boolean (value, self->editable); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_canvas_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MwCanvas *self = MW_CANVAS (object);

  switch (prop_id)
    {
    case PROP_HISTORY:  mw_canvas_set_history (self, g_value_get_object (value)); break;
    case PROP_TOOL:     mw_canvas_set_tool (self, g_value_get_int (value)); break;
    case PROP_TIE_TYPE: mw_canvas_set_tie_type (self, g_value_get_int (value)); break;
    case PROP_EDITABLE: mw_canvas_set_editable (self, g_value_get_boolean (value)); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
canvas_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  MwCanvas *self = MW_CANVAS (widget);

  if (g_str_equal (name, "canvas.delete"))
    mw_canvas_delete_selection (self);
  else if (g_str_equal (name, "canvas.rename"))
    mw_canvas_rename_selected (self);
  else if (g_str_equal (name, "canvas.select-none") && self->drag_mode != DRAG_NONE && self->tick_id == 0)
    finish_drag (self, FALSE);   /* Escape during a drag puts things back */
  else if (g_str_equal (name, "canvas.select-none"))
    mw_canvas_select_none (self);
  else if (g_str_equal (name, "canvas.cycle"))
    mw_canvas_cycle_selection (self, g_variant_get_boolean (param));
  else if (g_str_equal (name, "canvas.add-actor"))
    mw_canvas_add_actor_at (self, self->view.width / 2, self->view.height / 2);
  else if (g_str_equal (name, "canvas.nudge"))
    {
      double dx, dy;
      g_variant_get (param, "(dd)", &dx, &dy);
      mw_canvas_nudge_selection (self, dx, dy);
    }
}

static void
add_nudge_bindings (GtkWidgetClass *widget_class,
                    guint           keyval,
                    double          dx,
                    double          dy)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, 0, "canvas.nudge", "(dd)",
                                       dx * NUDGE, dy * NUDGE);
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_SHIFT_MASK, "canvas.nudge", "(dd)",
                                       dx * NUDGE * 5, dy * NUDGE * 5);
}

static void
mw_canvas_class_init (MwCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = mw_canvas_dispose;
  object_class->finalize = mw_canvas_finalize;
  object_class->get_property = mw_canvas_get_property;
  object_class->set_property = mw_canvas_set_property;
  widget_class->snapshot = mw_canvas_snapshot;
  widget_class->size_allocate = mw_canvas_size_allocate;
  widget_class->unmap = mw_canvas_unmap;

  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, MW_TYPE_HISTORY, rw);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, TRUE, rw);
  properties[PROP_TOOL] = g_param_spec_int ("tool", NULL, NULL, 0, MW_TOOL_TIE, 0, rw);
  properties[PROP_TIE_TYPE] = g_param_spec_int ("tie-type", NULL, NULL, 0, MW_N_TIE_TYPES - 1,
                                                MW_TIE_COLLABORATES, rw);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, MIN_ZOOM, MAX_ZOOM, 1,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                               G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[HIGHLIGHT_CHANGED] =
    g_signal_new ("highlight-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, canvas_action);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, canvas_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-none", NULL, canvas_action);
  gtk_widget_class_install_action (widget_class, "canvas.cycle", "b", canvas_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-actor", NULL, canvas_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", canvas_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.select-none", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.add-actor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "canvas.cycle", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                       "canvas.cycle", "b", FALSE);
  add_nudge_bindings (widget_class, GDK_KEY_Left, -1, 0);
  add_nudge_bindings (widget_class, GDK_KEY_Right, 1, 0);
  add_nudge_bindings (widget_class, GDK_KEY_Up, 0, -1);
  add_nudge_bindings (widget_class, GDK_KEY_Down, 0, 1);

  gtk_widget_class_set_css_name (widget_class, "mwcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_WIDGET);
}

static void
add_controllers (MwCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

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

static void
style_dark_cb (MwCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mw_canvas_init (MwCanvas *self)
{
  g_autoptr(MwHistory) history = NULL;
  g_autoptr(MwNetwork) network = mw_network_new ();

  self->sel_actors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->sel_ties = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->hl_actors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->hl_ties = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->mark_actors = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->mark_ties = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->editable = TRUE;
  self->start_positions = g_array_new (FALSE, FALSE, sizeof (StartPosition));
  g_array_set_clear_func (self->start_positions, (GDestroyNotify)start_position_clear);
  self->targets = g_array_new (FALSE, FALSE, sizeof (StartPosition));
  g_array_set_clear_func (self->targets, (GDestroyNotify)start_position_clear);
  self->tie_type = MW_TIE_COLLABORATES;
  mw_view_init (&self->view, 1, 1);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Network"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move the selection, Tab selects the next actor"),
                                  -1);
  add_controllers (self);
  create_rename_popover (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_cb), self, G_CONNECT_SWAPPED);

  history = mw_history_new (network);
  mw_canvas_set_history (self, history);
}

GtkWidget *
mw_canvas_new (void)
{
  return g_object_new (MW_TYPE_CANVAS, NULL);
}

/**
 * mw_canvas_set_history:
 *
 * Shows and edits the network of @history; every edit becomes a step in it.
 */
void
mw_canvas_set_history (MwCanvas  *self,
                       MwHistory *history)
{
  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (MW_IS_HISTORY (history));

  if (self->history == history)
    return;

  if (self->tick_id != 0)
    finish_animation (self);
  finish_drag (self, TRUE);
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);

  g_set_object (&self->history, history);
  g_set_object (&self->network, mw_history_get_network (history));
  g_clear_object (&self->renderer);
  self->renderer = mw_renderer_new (self->network);
  g_signal_connect_object (self->network, "changed",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);

  g_hash_table_remove_all (self->sel_actors);
  g_hash_table_remove_all (self->sel_ties);
  mw_canvas_clear_highlight (self);
  g_hash_table_remove_all (self->mark_actors);
  g_hash_table_remove_all (self->mark_ties);
  self->fitted = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/**
 * mw_canvas_get_history:
 *
 * Returns: (transfer none): the history edits go to
 */
MwHistory *
mw_canvas_get_history (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return self->history;
}

/**
 * mw_canvas_get_renderer:
 *
 * Returns: (transfer none): the renderer drawing the network
 */
MwRenderer *
mw_canvas_get_renderer (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return self->renderer;
}

MwTool
mw_canvas_get_tool (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), MW_TOOL_SELECT);
  return self->tool;
}

void
mw_canvas_set_tool (MwCanvas *self,
                    MwTool    tool)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  if (self->tool == tool)
    return;

  self->tool = tool;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), tool == MW_TOOL_SELECT ? NULL : "crosshair");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOOL]);
}

MwTieType
mw_canvas_get_tie_type (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), MW_TIE_COLLABORATES);
  return self->tie_type;
}

void
mw_canvas_set_tie_type (MwCanvas  *self,
                        MwTieType  type)
{
  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (type < MW_N_TIE_TYPES);

  if (self->tie_type == type)
    return;

  self->tie_type = type;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIE_TYPE]);
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
    zoom_at (self, factor, self->pointer_x, self->pointer_y);
  else
    zoom_at (self, factor, self->view.width / 2, self->view.height / 2);
}

static void
fit_rect (MwCanvas     *self,
          const MwRect *bounds)
{
  double old_zoom = self->view.zoom;

  g_assert (MW_IS_CANVAS (self));

  mw_view_fit (&self->view, bounds, 48);
  self->view.zoom = CLAMP (self->view.zoom, MIN_ZOOM, MIN (MAX_ZOOM, 2.0));
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
    fit_rect (self, &bounds);
}

void
mw_canvas_zoom_to_selection (MwCanvas *self)
{
  GHashTableIter iter;
  gpointer actor;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  MwRect rect;

  g_return_if_fail (MW_IS_CANVAS (self));

  if (g_hash_table_size (self->sel_actors) == 0)
    {
      mw_canvas_zoom_to_fit (self);
      return;
    }

  g_hash_table_iter_init (&iter, self->sel_actors);
  while (g_hash_table_iter_next (&iter, &actor, NULL))
    {
      double x, y, r = mw_renderer_get_actor_radius (self->renderer, actor);

      actor_position (self, actor, &x, &y);
      x0 = MIN (x0, x - r);
      y0 = MIN (y0, y - r);
      x1 = MAX (x1, x + r);
      y1 = MAX (y1, y + r);
    }

  rect = (MwRect) { x0, y0, MAX (x1 - x0, 1), MAX (y1 - y0, 1) };
  fit_rect (self, &rect);
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

  self->view.offset_x += dx / self->view.zoom;
  self->view.offset_y += dy / self->view.zoom;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static GPtrArray *
table_keys (GHashTable *table)
{
  GPtrArray *items = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (items, key);

  return items;
}

static int
compare_actor_index (gconstpointer a,
                     gconstpointer b)
{
  const MwActor *actor_a = *(MwActor **)a;
  const MwActor *actor_b = *(MwActor **)b;

  return (actor_a->index > actor_b->index) - (actor_a->index < actor_b->index);
}

/**
 * mw_canvas_get_selected_actors:
 *
 * Returns: (transfer container) (element-type MwActor): the selected
 *   actors, in network order
 */
GPtrArray *
mw_canvas_get_selected_actors (MwCanvas *self)
{
  GPtrArray *actors;

  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);

  actors = table_keys (self->sel_actors);
  g_ptr_array_sort (actors, compare_actor_index);
  return actors;
}

/**
 * mw_canvas_get_selected_ties:
 *
 * Returns: (transfer container) (element-type MwTie): the selected ties
 */
GPtrArray *
mw_canvas_get_selected_ties (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return table_keys (self->sel_ties);
}

void
mw_canvas_select_actors (MwCanvas  *self,
                         GPtrArray *actors)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  g_hash_table_remove_all (self->sel_actors);
  g_hash_table_remove_all (self->sel_ties);
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    {
      MwActor *actor = g_ptr_array_index (actors, i);
      g_hash_table_insert (self->sel_actors, actor, g_strdup (actor->id));
    }
  selection_changed (self);
}

void
mw_canvas_select_tie (MwCanvas *self,
                      MwTie    *tie)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  g_hash_table_remove_all (self->sel_actors);
  g_hash_table_remove_all (self->sel_ties);
  if (tie != NULL)
    g_hash_table_insert (self->sel_ties, tie, g_strdup (tie->id));
  selection_changed (self);
}

void
mw_canvas_select_all (MwCanvas *self)
{
  guint n;

  g_return_if_fail (MW_IS_CANVAS (self));

  g_hash_table_remove_all (self->sel_ties);
  n = mw_network_get_n_actors (self->network);
  for (guint i = 0; i < n; i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      g_hash_table_insert (self->sel_actors, actor, g_strdup (actor->id));
    }
  selection_changed (self);
}

void
mw_canvas_select_none (MwCanvas *self)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  if (g_hash_table_size (self->sel_actors) == 0 && g_hash_table_size (self->sel_ties) == 0)
    return;

  g_hash_table_remove_all (self->sel_actors);
  g_hash_table_remove_all (self->sel_ties);
  selection_changed (self);
}

/* Brings @actor into view when it is off screen. */
static void
reveal_actor (MwCanvas *self,
              MwActor  *actor)
{
  double mx, my, vx, vy;

  actor_position (self, actor, &mx, &my);
  mw_view_from_model (&self->view, mx, my, &vx, &vy);
  if (vx < 24 || vy < 24 || vx > self->view.width - 24 || vy > self->view.height - 24)
    mw_canvas_pan_by (self, vx - self->view.width / 2, vy - self->view.height / 2);
}

/* Tab: the next actor in network order after the selected one. */
void
mw_canvas_cycle_selection (MwCanvas *self,
                           gboolean  forward)
{
  guint n, next = 0;
  MwActor *current;

  g_return_if_fail (MW_IS_CANVAS (self));

  n = mw_network_get_n_actors (self->network);
  if (n == 0)
    return;

  current = mw_network_lookup_actor (self->network, self->anchor_id);
  if (current != NULL && is_selected (self, current))
    next = forward ? (current->index + 1) % n : (current->index + n - 1) % n;
  else if (!forward)
    next = n - 1;

  select_only_actor (self, mw_network_get_actor (self->network, next));
  reveal_actor (self, mw_network_get_actor (self->network, next));
}

/**
 * mw_canvas_add_actor_at:
 *
 * Adds a person at a point of the view, selects it and lets the user name it.
 *
 * Returns: (transfer none): the new actor
 */
MwActor *
mw_canvas_add_actor_at (MwCanvas *self,
                        double    view_x,
                        double    view_y)
{
  g_autofree char *id = NULL;
  MwEdit *edit;
  MwActor *actor;
  double mx, my;

  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  if (busy (self))
    return NULL;

  id = mw_network_unique_actor_id (self->network, "p");
  mw_view_to_model (&self->view, view_x, view_y, &mx, &my);

  edit = mw_history_begin (self->history, _("Add Actor"));
  actor = mw_edit_add_actor (edit, id, _("New Person"), MW_ACTOR_PERSON, NULL);
  mw_edit_move_actor (edit, actor, round (mx), round (my));
  mw_history_commit (self->history, edit);

  select_only_actor (self, actor);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    mw_canvas_rename_selected (self);

  return actor;
}

/**
 * mw_canvas_connect:
 *
 * Draws a tie of the current type from @from to @to, one step.
 *
 * Returns: (transfer none): the new tie
 */
MwTie *
mw_canvas_connect (MwCanvas *self,
                   MwActor  *from,
                   MwActor  *to)
{
  MwEdit *edit;
  MwTie *tie;

  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);

  if (busy (self))
    return NULL;

  edit = mw_history_begin (self->history, _("Add Tie"));
  tie = mw_edit_add_tie (edit, from, to, self->tie_type, 1.0, NULL);
  mw_history_commit (self->history, edit);
  mw_canvas_select_tie (self, tie);

  return tie;
}

/* Ties from the actor selected first to each of the others, one step. */
void
mw_canvas_connect_selected (MwCanvas *self)
{
  g_autoptr(GPtrArray) actors = NULL;
  MwActor *anchor;
  MwEdit *edit;
  guint n = 0;

  g_return_if_fail (MW_IS_CANVAS (self));

  if (busy (self))
    return;

  actors = mw_canvas_get_selected_actors (self);
  if (actors->len < 2)
    return;

  anchor = mw_network_lookup_actor (self->network, self->anchor_id);
  if (anchor == NULL || !is_selected (self, anchor))
    anchor = g_ptr_array_index (actors, 0);

  edit = mw_history_begin (self->history, NULL);
  for (guint i = 0; i < actors->len; i++)
    if (g_ptr_array_index (actors, i) != anchor)
      {
        mw_edit_add_tie (edit, anchor, g_ptr_array_index (actors, i), self->tie_type, 1.0, NULL);
        n++;
      }
  if (n == 1)
    mw_edit_set_name (edit, _("Add Tie"));
  else
    {
      g_autofree char *name = g_strdup_printf (ngettext ("Add %u Tie", "Add %u Ties", n), n);
      mw_edit_set_name (edit, name);
    }
  mw_history_commit (self->history, edit);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mw_canvas_delete_selection (MwCanvas *self)
{
  g_autoptr(GPtrArray) actors = NULL;
  g_autoptr(GPtrArray) ties = NULL;
  g_autofree char *name = NULL;
  MwEdit *edit;

  g_return_if_fail (MW_IS_CANVAS (self));

  if (busy (self))
    return;

  actors = mw_canvas_get_selected_actors (self);
  ties = mw_canvas_get_selected_ties (self);
  if (actors->len == 0 && ties->len == 0)
    return;

  if (actors->len == 1)
    name = g_strdup (_("Delete Actor"));
  else if (actors->len > 1)
    name = g_strdup_printf (ngettext ("Delete %u Actor", "Delete %u Actors", actors->len), actors->len);
  else
    name = g_strdup (ngettext ("Delete Tie", "Delete Ties", ties->len));

  /* Removing an item prunes it from the selection: the arrays are copies. */
  edit = mw_history_begin (self->history, name);
  for (guint i = 0; i < ties->len; i++)
    mw_edit_remove_tie (edit, g_ptr_array_index (ties, i));
  for (guint i = 0; i < actors->len; i++)
    mw_edit_remove_actor (edit, g_ptr_array_index (actors, i));
  mw_history_commit (self->history, edit);
}

void
mw_canvas_nudge_selection (MwCanvas *self,
                           double    dx,
                           double    dy)
{
  g_autoptr(GPtrArray) actors = NULL;
  MwEdit *edit;

  g_return_if_fail (MW_IS_CANVAS (self));

  if (busy (self))
    return;

  actors = mw_canvas_get_selected_actors (self);
  if (actors->len == 0)
    {
      mw_canvas_pan_by (self, dx * self->view.zoom, dy * self->view.zoom);
      return;
    }

  edit = mw_history_begin (self->history,
                           actors->len == 1 ? _("Move Actor") : _("Move Actors"));
  for (guint i = 0; i < actors->len; i++)
    {
      MwActor *actor = g_ptr_array_index (actors, i);
      double x, y;

      actor_position (self, actor, &x, &y);
      mw_edit_move_actor (edit, actor, x + dx, y + dy);
    }
  mw_history_commit (self->history, edit);
}

/**
 * mw_canvas_copy_selection:
 *
 * Returns: (transfer full) (nullable): the selected actors and the ties
 *   between them, as a network of their own; %NULL when nothing is selected
 */
MwNetwork *
mw_canvas_copy_selection (MwCanvas *self)
{
  MwNetwork *copy;

  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);

  if (g_hash_table_size (self->sel_actors) == 0)
    return NULL;

  copy = mw_network_copy (self->network);
  for (guint i = mw_network_get_n_actors (self->network); i > 0; i--)
    {
      MwActor *actor = mw_network_get_actor (self->network, i - 1);

      if (!is_selected (self, actor))
        mw_network_remove_actor (copy, mw_network_lookup_actor (copy, actor->id));
    }

  return copy;
}

/* Adds @network's actors next to where they came from, selected. */
void
mw_canvas_paste_network (MwCanvas   *self,
                         MwNetwork  *network,
                         const char *name)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  MwEdit *edit;

  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (MW_IS_NETWORK (network));

  if (busy (self))
    return;

  if (mw_network_get_n_actors (network) == 0)
    return;

  edit = mw_history_begin (self->history, name);
  mw_edit_add_network (edit, network, PASTE_OFFSET, PASTE_OFFSET, added);
  mw_history_commit (self->history, edit);
  mw_canvas_select_actors (self, added);
}

/* Opens the name of the only selected actor for editing in place. */
void
mw_canvas_rename_selected (MwCanvas *self)
{
  g_autoptr(GPtrArray) actors = NULL;
  MwActor *actor;
  double mx, my, vx, vy, r;

  g_return_if_fail (MW_IS_CANVAS (self));

  actors = mw_canvas_get_selected_actors (self);
  if (actors->len != 1 || !self->editable)
    return;

  actor = g_ptr_array_index (actors, 0);
  reveal_actor (self, actor);
  actor_position (self, actor, &mx, &my);
  mw_view_from_model (&self->view, mx, my, &vx, &vy);
  r = mw_renderer_get_actor_radius (self->renderer, actor) * self->view.zoom;

  mw_set_str (&self->rename_id, actor->id);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), actor->label);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->rename_popover),
                               &(GdkRectangle) { vx - r, vy - r, 2 * r, 2 * r });
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
}

/**
 * mw_canvas_set_highlight:
 * @actor_ids: (nullable): ids of the actors to bring forward
 * @tie_ids: (nullable): ids of the ties to bring forward
 *
 * Draws these actors and ties highlighted and fades the rest, so a score
 * explanation can be seen on the network. Ids no longer in the network are
 * skipped. Empty lists clear the highlight.
 */
void
mw_canvas_set_highlight (MwCanvas          *self,
                         const char * const *actor_ids,
                         const char * const *tie_ids)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  g_hash_table_remove_all (self->hl_actors);
  g_hash_table_remove_all (self->hl_ties);
  for (guint i = 0; actor_ids != NULL && actor_ids[i] != NULL; i++)
    {
      MwActor *actor = mw_network_lookup_actor (self->network, actor_ids[i]);
      if (actor != NULL)
        g_hash_table_insert (self->hl_actors, actor, g_strdup (actor->id));
    }
  for (guint i = 0; tie_ids != NULL && tie_ids[i] != NULL; i++)
    {
      MwTie *tie = mw_network_lookup_tie (self->network, tie_ids[i]);
      if (tie != NULL)
        g_hash_table_insert (self->hl_ties, tie, g_strdup (tie->id));
    }
  g_signal_emit (self, signals[HIGHLIGHT_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mw_canvas_clear_highlight (MwCanvas *self)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  if (!mw_canvas_has_highlight (self))
    return;
  g_hash_table_remove_all (self->hl_actors);
  g_hash_table_remove_all (self->hl_ties);
  g_signal_emit (self, signals[HIGHLIGHT_CHANGED], 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
mw_canvas_has_highlight (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), FALSE);
  return g_hash_table_size (self->hl_actors) > 0 || g_hash_table_size (self->hl_ties) > 0;
}

/**
 * mw_canvas_get_highlighted_actors:
 *
 * Returns: (transfer container) (element-type MwActor): the highlighted
 *   actors in network order
 */
GPtrArray *
mw_canvas_get_highlighted_actors (MwCanvas *self)
{
  GPtrArray *actors;

  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);

  actors = table_keys (self->hl_actors);
  g_ptr_array_sort (actors, compare_actor_index);
  return actors;
}

/**
 * mw_canvas_get_highlighted_ties:
 *
 * Returns: (transfer container) (element-type MwTie): the highlighted ties
 */
GPtrArray *
mw_canvas_get_highlighted_ties (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return table_keys (self->hl_ties);
}

/* Selects @actor alone and puts it in the middle of the view. */
void
mw_canvas_select_and_center (MwCanvas *self,
                             MwActor  *actor)
{
  double mx, my, vx, vy;

  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (actor != NULL);

  select_only_actor (self, actor);
  actor_position (self, actor, &mx, &my);
  mw_view_from_model (&self->view, mx, my, &vx, &vy);
  mw_canvas_pan_by (self, vx - self->view.width / 2, vy - self->view.height / 2);
}

/**
 * mw_canvas_set_editable:
 *
 * A canvas that is not editable shows its network, lets it be zoomed,
 * panned (with a plain drag too) and selected, and refuses every edit.
 */
void
mw_canvas_set_editable (MwCanvas *self,
                        gboolean  editable)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
mw_canvas_get_editable (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), FALSE);
  return self->editable;
}

static void
fill_table (GHashTable         *table,
            const char * const *ids,
            gpointer          (*lookup) (MwNetwork *, const char *),
            MwNetwork          *network)
{
  g_hash_table_remove_all (table);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      gpointer item = lookup (network, ids[i]);
      if (item != NULL)
        g_hash_table_insert (table, item, g_strdup (ids[i]));
    }
}

/**
 * mw_canvas_set_marks:
 * @actor_ids: (nullable): ids of the actors to mark
 * @tie_ids: (nullable): ids of the ties to mark
 *
 * Draws these actors and ties highlighted and fades the rest, like
 * mw_canvas_set_highlight(), but for as long as the caller wants: Escape
 * does not clear marks, and a score highlight shows over them. A comparison
 * marks what only one network has this way.
 */
void
mw_canvas_set_marks (MwCanvas           *self,
                     const char * const *actor_ids,
                     const char * const *tie_ids)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  fill_table (self->mark_actors, actor_ids, (gpointer)mw_network_lookup_actor, self->network);
  fill_table (self->mark_ties, tie_ids, (gpointer)mw_network_lookup_tie, self->network);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mw_canvas_get_marked_actors:
 *
 * Returns: (transfer container) (element-type MwActor): the marked actors
 *   in network order
 */
GPtrArray *
mw_canvas_get_marked_actors (MwCanvas *self)
{
  GPtrArray *actors;

  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);

  actors = table_keys (self->mark_actors);
  g_ptr_array_sort (actors, compare_actor_index);
  return actors;
}

/**
 * mw_canvas_get_marked_ties:
 *
 * Returns: (transfer container) (element-type MwTie): the marked ties
 */
GPtrArray *
mw_canvas_get_marked_ties (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return table_keys (self->mark_ties);
}

/**
 * mw_canvas_fit_when_allocated:
 *
 * Zooms to fit once the canvas has its next size: for a canvas that is
 * about to move or change size (compare mode lends it to another view).
 */
void
mw_canvas_fit_when_allocated (MwCanvas *self)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  self->fitted = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}
