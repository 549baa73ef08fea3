/* mw-canvas.c: the network editor's drawing area
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the MwCanvas widget itself: its type, properties and signals,
 * drawing, its actions and key bindings, and the network it shows. It is
 * the top level: it wires up and calls the parts in mw-canvas-*.c, and none
 * of them calls it (see mw-canvas-private.h).
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-canvas-private.h"
#include "mw-render-legend.h"

#define NUDGE 10.0

G_DEFINE_FINAL_TYPE (MwCanvas, mw_canvas, GTK_TYPE_WIDGET)

static void
start_position_clear (MwStartPosition *position)
{
  g_free (position->id);
}

static GArray *
positions_new (void)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (MwStartPosition));

  g_array_set_clear_func (positions, (GDestroyNotify)start_position_clear);
  return positions;
}

static void
network_changed_cb (MwCanvas  *self,
                    MwChange  *change,
                    MwNetwork *network)
{
  gboolean pruned;

  g_assert (MW_IS_CANVAS (self));

  pruned = _mw_canvas_prune_items (self, change);

  /* The inspector shows no positions: a drag does not refresh it. */
  if (pruned || change->kind == MW_CHANGE_BATCH ||
      (change->kind == MW_CHANGE_ACTOR_CHANGED && (change->fields & ~MW_FIELD_POSITION) != 0) ||
      change->kind == MW_CHANGE_TIE_CHANGED)
    _mw_canvas_emit_selection_changed (self);
  /* A move changes nothing a screen reader is told. */
  if (change->kind != MW_CHANGE_ACTOR_CHANGED || (change->fields & ~MW_FIELD_POSITION) != 0)
    _mw_canvas_update_description (self);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Marks show only while no score highlight does; either fades the rest. */
static void
update_view_sets (MwCanvas *self)
{
  gboolean highlight = !mw_item_set_is_empty (self->highlight);
  gboolean marks = !mw_item_set_is_empty (self->marks);
  MwItemSet *shown = highlight || !marks ? self->highlight : self->marks;

  g_assert (MW_IS_CANVAS (self));

  self->view.selected_actors = mw_item_set_get_actor_table (self->selection);
  self->view.selected_ties = mw_item_set_get_tie_table (self->selection);
  self->view.highlighted_actors = mw_item_set_get_actor_table (shown);
  self->view.highlighted_ties = mw_item_set_get_tie_table (shown);
  self->view.dim_others = highlight || marks;
}

/* The legend over the view, in pixels whatever the zoom, in the corner
 * that hides the fewest actors; clear of the zoom buttons at the bottom right. */
#define ZOOM_BAR_W 140
#define ZOOM_BAR_H  56

static void
draw_legend (MwCanvas *self,
             cairo_t  *cr)
{
  g_autoptr(MwLegend) legend = mw_legend_new (self->renderer);
  MwRect zoom_bar = { self->view.width - ZOOM_BAR_W, self->view.height - ZOOM_BAR_H, ZOOM_BAR_W, ZOOM_BAR_H };
  MwRect rect;

  mw_legend_place (legend, &self->view, 12, MW_LEGEND_TOP_LEFT | MW_LEGEND_BOTTOM_LEFT |
                   MW_LEGEND_TOP_RIGHT | MW_LEGEND_BOTTOM_RIGHT, &zoom_bar, &rect);
  mw_legend_draw (legend, cr, round (rect.x), round (rect.y), 0, self->view.dark);
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
  self->view.high_contrast = adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
  update_view_sets (self);
  /* GTK replays the cairo node into pixels: the renderer may stamp shapes */
  self->view.raster = TRUE;

  /* a big network comes from tiles, or during a drag from a picture of
   * what is not dragged; the overlays go over them */
  if (_mw_canvas_snapshot_drag (self, snapshot) || _mw_canvas_snapshot_tiles (self, snapshot))
    cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  else
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      if (!_mw_canvas_draw_morph (self, cr))
        mw_renderer_draw (self->renderer, cr, &self->view);
    }
  _mw_canvas_draw_focus_ring (self, cr);
  _mw_canvas_draw_drag (self, cr);
  if (self->show_legend)
    draw_legend (self, cr);
  cairo_destroy (cr);
}

static void
mw_canvas_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  MwCanvas *self = MW_CANVAS (widget);
  gboolean resized = self->view.width != width || self->view.height != height;

  self->view.width = width;
  self->view.height = height;
  /* A new size refits only while the view is still the last fit: once the
   * user zooms or pans, the view is theirs. */
  if ((!self->fitted || (resized && self->follows_fit)) && width > 1 && height > 1)
    {
      self->fitted = TRUE;
      self->allocating = TRUE;
      mw_canvas_zoom_to_fit (self);
      self->allocating = FALSE;
    }

  _mw_canvas_present_rename (self);
}

/* An open popover must not outlive the surface it points into. */
static void
mw_canvas_unmap (GtkWidget *widget)
{
  MwCanvas *self = MW_CANVAS (widget);

  _mw_canvas_popdown_rename (self);

  GTK_WIDGET_CLASS (mw_canvas_parent_class)->unmap (widget);
}

static void
mw_canvas_dispose (GObject *object)
{
  MwCanvas *self = (MwCanvas *)object;

  if (self->tick_id != 0)
    _mw_canvas_finish_animation (self);
  mw_canvas_finish_morph (self);
  _mw_canvas_clear_tiles (self);
  _mw_canvas_drag_end (self);
  g_clear_handle_id (&self->zoom_notify_id, g_source_remove);
  if (self->drag_edit != NULL)
    mw_history_commit (self->history, g_steal_pointer (&self->drag_edit));
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_object (&self->renderer);
  g_clear_object (&self->offered_copy);
  g_clear_object (&self->history);
  g_clear_object (&self->network);

  G_OBJECT_CLASS (mw_canvas_parent_class)->dispose (object);
}

static void
mw_canvas_finalize (GObject *object)
{
  MwCanvas *self = (MwCanvas *)object;

  g_clear_pointer (&self->selection, mw_item_set_free);
  g_clear_pointer (&self->highlight, mw_item_set_free);
  g_clear_pointer (&self->marks, mw_item_set_free);
  g_clear_pointer (&self->rubber_base, mw_item_set_free);
  g_clear_pointer (&self->start_positions, g_array_unref);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->anchor_id, g_free);
  g_clear_pointer (&self->focus_id, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->description, g_free);
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
    case PROP_SHOW_LEGEND: g_value_set_boolean (value, self->show_legend); break;
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
    case PROP_SHOW_LEGEND: mw_canvas_set_show_legend (self, g_value_get_boolean (value)); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  mw_canvas_delete_selection (MW_CANVAS (widget));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  mw_canvas_rename_selected (MW_CANVAS (widget));
}

/* Escape: during a drag it puts things back; else it drops the selection. */
static void
select_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  MwCanvas *self = MW_CANVAS (widget);

  if (self->drag_mode != DRAG_NONE && self->tick_id == 0)
    _mw_canvas_finish_drag (self, FALSE);
  else
    mw_canvas_select_none (self);
}

static void
cycle_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  mw_canvas_cycle_selection (MW_CANVAS (widget), g_variant_get_boolean (param));
}

static void
focus_move_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  int dx, dy;

  g_variant_get (param, "(ii)", &dx, &dy);
  mw_canvas_move_focus (MW_CANVAS (widget), dx, dy);
}

static void
step_tie_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  mw_canvas_step_tie (MW_CANVAS (widget), g_variant_get_boolean (param));
}

static void
add_actor_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  MwCanvas *self = MW_CANVAS (widget);

  mw_canvas_add_actor_at (self, self->view.width / 2, self->view.height / 2);
}

static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  double dx, dy;

  g_variant_get (param, "(dd)", &dx, &dy);
  mw_canvas_nudge_selection (MW_CANVAS (widget), dx, dy);
}

/* An arrow moves the focus ring; Alt+arrow moves the selected actors,
 * Alt+Shift+arrow further (plain arrows did until 2026: they explored and
 * nudged at once). */
static void
add_arrow_bindings (GtkWidgetClass *widget_class,
                    guint           keyval,
                    guint           keypad,
                    int             dx,
                    int             dy)
{
  guint keys[] = { keyval, keypad };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, keys[i], 0, "canvas.focus-move", "(ii)", dx, dy);
      gtk_widget_class_add_binding_action (widget_class, keys[i], GDK_ALT_MASK, "canvas.nudge", "(dd)",
                                           dx * NUDGE, dy * NUDGE);
      gtk_widget_class_add_binding_action (widget_class, keys[i], GDK_ALT_MASK | GDK_SHIFT_MASK,
                                           "canvas.nudge", "(dd)", dx * NUDGE * 5, dy * NUDGE * 5);
    }
}

/* Every key the canvas answers to by itself, in one place (Space and
 * Escape during a drag are in mw-canvas-input.c: they need the release,
 * or come before these). Tab is not one: it moves on to the next control,
 * as everywhere. */
static void
add_bindings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.select-none", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "canvas.add-actor", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, 0, "canvas.step-tie", "b", TRUE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_SHIFT_MASK,
                                       "canvas.step-tie", "b", FALSE);
  add_arrow_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0);
  add_arrow_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0);
  add_arrow_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1);
  add_arrow_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1);
}

static void
mw_canvas_class_init (MwCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;
  GParamSpec **properties = _mw_canvas_properties;

  object_class->dispose = mw_canvas_dispose;
  object_class->finalize = mw_canvas_finalize;
  object_class->get_property = mw_canvas_get_property;
  object_class->set_property = mw_canvas_set_property;
  widget_class->snapshot = mw_canvas_snapshot;
  widget_class->size_allocate = mw_canvas_size_allocate;
  widget_class->unmap = mw_canvas_unmap;

  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, MW_TYPE_HISTORY, rw);
  properties[PROP_EDITABLE] = g_param_spec_boolean ("editable", NULL, NULL, TRUE, rw);
  properties[PROP_SHOW_LEGEND] = g_param_spec_boolean ("show-legend", NULL, NULL, FALSE, rw);
  properties[PROP_TOOL] = g_param_spec_int ("tool", NULL, NULL, 0, MW_TOOL_TIE, 0, rw);
  properties[PROP_TIE_TYPE] = g_param_spec_int ("tie-type", NULL, NULL, 0, MW_N_TIE_TYPES - 1,
                                                MW_TIE_COLLABORATES, rw);
  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL,
                                               MW_CANVAS_MIN_ZOOM, MW_CANVAS_MAX_ZOOM, 1,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                               G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _mw_canvas_signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  _mw_canvas_signals[HIGHLIGHT_CHANGED] =
    g_signal_new ("highlight-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "canvas.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "canvas.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-none", NULL, select_none_action);
  gtk_widget_class_install_action (widget_class, "canvas.cycle", "b", cycle_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-actor", NULL, add_actor_action);
  gtk_widget_class_install_action (widget_class, "canvas.nudge", "(dd)", nudge_action);
  gtk_widget_class_install_action (widget_class, "canvas.focus-move", "(ii)", focus_move_action);
  gtk_widget_class_install_action (widget_class, "canvas.step-tie", "b", step_tie_action);
  add_bindings (widget_class);

  gtk_widget_class_set_css_name (widget_class, "mwcanvas");
  /* A group: screen readers read a group's name and description when it
   * takes the focus and when they change (GTK 4.8 has no per-actor
   * children; docs/architecture.md says how they will come). */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* Labels follow the desktop's text scaling, which GTK has as the font
 * resolution (GtkSettings:gtk-xft-dpi, 1024ths of a dot per inch; 96 is 1). */
static void
text_scale_cb (MwCanvas *self)
{
  int dpi = 0;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-xft-dpi", &dpi, NULL);
  mw_renderer_set_text_scale (self->renderer, dpi > 0 ? dpi / (96.0 * 1024) : 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The dark and high-contrast styles, and the focus coming and going (the
 * focus ring). */
static void
queue_draw_cb (MwCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
mw_canvas_init (MwCanvas *self)
{
  g_autoptr(MwHistory) history = NULL;
  g_autoptr(MwNetwork) network = mw_network_new ();

  self->selection = mw_item_set_new ();
  self->highlight = mw_item_set_new ();
  self->marks = mw_item_set_new ();
  self->editable = TRUE;
  self->start_positions = positions_new ();
  self->targets = positions_new ();
  self->tie_type = MW_TIE_COLLABORATES;
  mw_view_init (&self->view, 1, 1);
  self->tiles_min_actors = MW_CANVAS_TILES_MIN_ACTORS;
  /* tests compare the two paths on the same network */
  if (g_getenv ("MESHWORK_CANVAS_TILES") != NULL)
    self->tiles_min_actors = g_str_equal (g_getenv ("MESHWORK_CANVAS_TILES"), "never") ? -1 :
                             (int)g_ascii_strtoll (g_getenv ("MESHWORK_CANVAS_TILES"), NULL, 10);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  _mw_canvas_add_controllers (self);
  _mw_canvas_create_rename_popover (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (queue_draw_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (queue_draw_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (queue_draw_cb), NULL);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (text_scale_cb), self, G_CONNECT_SWAPPED);

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
    _mw_canvas_finish_animation (self);
  mw_canvas_finish_morph (self);
  _mw_canvas_finish_drag (self, TRUE);
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);

  g_set_object (&self->history, history);
  g_set_object (&self->network, mw_history_get_network (history));
  _mw_canvas_clear_tiles (self);
  g_clear_object (&self->offered_copy);
  g_clear_object (&self->renderer);
  self->renderer = mw_renderer_new (self->network);
  text_scale_cb (self);
  g_signal_connect_object (self->network, "changed",
                           G_CALLBACK (network_changed_cb), self, G_CONNECT_SWAPPED);

  mw_item_set_clear (self->selection);
  mw_canvas_clear_highlight (self);
  mw_item_set_clear (self->marks);
  g_clear_pointer (&self->focus_id, g_free);
  g_clear_pointer (&self->status, g_free);
  self->last_score = NAN;
  self->fitted = FALSE;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _mw_canvas_selection_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), _mw_canvas_properties[PROP_HISTORY]);
}

/**
 * mw_canvas_offer_copy:
 * @copy: a copy of the canvas's network as it is now, made on another
 *   thread (mw_document_take_view_copy())
 *
 * A big network's tiles are drawn on a worker, from a copy of the
 * network: this one spares the window making it (a quarter of a second
 * at 100,000 actors). Kept only while the network stays as it is.
 */
void
mw_canvas_offer_copy (MwCanvas  *self,
                      MwNetwork *copy)
{
  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (MW_IS_NETWORK (copy));

  if (self->tiles != NULL)
    mw_render_tiles_offer_copy (self->tiles, g_object_ref (copy));
  else
    g_set_object (&self->offered_copy, copy);
}

/**
 * mw_canvas_morph_to:
 * @next: the network to show next
 *
 * Gives the canvas @next (in a history of its own: for views that show a
 * network without editing its document — a presentation, a timeline) and
 * plays the change from the network it showed to @next, as
 * mw_canvas_morph_from() does.
 */
void
mw_canvas_morph_to (MwCanvas  *self,
                    MwNetwork *next)
{
  g_autoptr(MwNetwork) previous = NULL;
  g_autoptr(MwHistory) history = NULL;

  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (MW_IS_NETWORK (next));

  previous = self->network != NULL ? g_object_ref (self->network) : NULL;
  history = mw_history_new (next);
  mw_canvas_set_history (self, history);
  if (previous != NULL)
    mw_canvas_morph_from (self, previous);
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
  _mw_canvas_reset_cursor (self);
  g_object_notify_by_pspec (G_OBJECT (self), _mw_canvas_properties[PROP_TOOL]);
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
  g_object_notify_by_pspec (G_OBJECT (self), _mw_canvas_properties[PROP_TIE_TYPE]);
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
  g_object_notify_by_pspec (G_OBJECT (self), _mw_canvas_properties[PROP_EDITABLE]);
}

gboolean
mw_canvas_get_editable (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), FALSE);
  return self->editable;
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

/* Whether the legend is drawn over the view (win.show-legend). */
void
mw_canvas_set_show_legend (MwCanvas *self,
                           gboolean  show_legend)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  show_legend = !!show_legend;
  if (self->show_legend == show_legend)
    return;
  self->show_legend = show_legend;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), _mw_canvas_properties[PROP_SHOW_LEGEND]);
}

gboolean
mw_canvas_get_show_legend (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), FALSE);
  return self->show_legend;
}
