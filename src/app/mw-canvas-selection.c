/* mw-canvas-selection.c: what the canvas selects, highlights and marks
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the three item sets of MwCanvas: the selection (with the anchor,
 * the actor selected first), the highlight of a score explanation, and the
 * marks of a comparison; keeps them in step with the network. Owns the
 * keyboard's focus ring too (which actor the arrow keys are on, and the
 * ties T steps through) and what the canvas tells a screen reader: its
 * accessible label and description, kept current on every focus,
 * selection and edit (the sentences are mw-describe.c's).
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include <math.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "mw-canvas-private.h"
#include "mw-describe.h"

static MwActor *
only_selected_actor (MwCanvas *self)
{
  MwItemSetIter iter;
  const char *id;

  if (mw_item_set_get_n_actors (self->selection) != 1 || mw_item_set_get_n_ties (self->selection) != 0)
    return NULL;
  mw_item_set_iter_init_actors (&iter, self->selection);
  mw_item_set_iter_next (&iter, NULL, &id);
  return mw_network_lookup_actor (self->network, id);
}

static MwTie *
only_selected_tie (MwCanvas *self)
{
  g_autoptr(GPtrArray) ties = NULL;

  if (mw_item_set_get_n_actors (self->selection) != 0 || mw_item_set_get_n_ties (self->selection) != 1)
    return NULL;
  ties = mw_item_set_list_ties (self->selection);
  return ties->len == 1 ? g_ptr_array_index (ties, 0) : NULL;
}

/**
 * _mw_canvas_update_description:
 *
 * Says the network as the canvas's accessible label, and the focused actor
 * and the selection (then any score change) as its description, so that a
 * screen reader reads each change while the canvas keeps the focus.
 */
void
_mw_canvas_update_description (MwCanvas *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  MwActor *focus = mw_canvas_get_focus_actor (self);
  MwActor *selected = only_selected_actor (self);
  MwTie *tie = only_selected_tie (self);

  g_assert (MW_IS_CANVAS (self));

  if (focus != NULL)
    g_ptr_array_add (parts, mw_describe_actor (focus));
  if (tie != NULL)
    g_ptr_array_add (parts, mw_describe_tie (tie));
  else if (selected != NULL && selected != focus)
    g_ptr_array_add (parts, mw_describe_actor (selected));
  else if (selected == NULL && !mw_item_set_is_empty (self->selection))
    g_ptr_array_add (parts, mw_describe_selection (mw_item_set_get_n_actors (self->selection),
                                                   mw_item_set_get_n_ties (self->selection)));
  if (focus == NULL && mw_item_set_is_empty (self->selection))
    g_ptr_array_add (parts, g_strdup (_("Arrow keys move between actors, Space selects")));
  if (self->status != NULL)
    g_ptr_array_add (parts, g_strdup (self->status));
  g_ptr_array_add (parts, NULL);

  g_free (self->description);
  self->description = g_strjoinv (". ", (char **)parts->pdata);
  label = mw_describe_network (self->network);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description,
                                  -1);
}

/* Updates the anchor, tells listeners and redraws. */
void
_mw_canvas_selection_changed (MwCanvas *self)
{
  g_assert (MW_IS_CANVAS (self));

  if (mw_item_set_get_n_actors (self->selection) == 1)
    {
      MwItemSetIter iter;
      const char *id;

      mw_item_set_iter_init_actors (&iter, self->selection);
      mw_item_set_iter_next (&iter, NULL, &id);
      mw_set_str (&self->anchor_id, id);
    }
  else if (mw_item_set_get_n_actors (self->selection) == 0)
    g_clear_pointer (&self->anchor_id, g_free);

  _mw_canvas_update_description (self);
  _mw_canvas_emit_selection_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_mw_canvas_select_only_actor (MwCanvas *self,
                              MwActor  *actor)
{
  g_assert (MW_IS_CANVAS (self));

  mw_item_set_clear (self->selection);
  if (actor != NULL)
    mw_item_set_add_actor (self->selection, actor);
  /* An actor chosen alone, by click or by key, takes the focus ring: the
   * arrow keys go on from there. */
  if (actor != NULL)
    mw_set_str (&self->focus_id, actor->id);
  _mw_canvas_selection_changed (self);
}

void
_mw_canvas_toggle_actor (MwCanvas *self,
                         MwActor  *actor)
{
  g_assert (MW_IS_CANVAS (self));

  mw_item_set_toggle_actor (self->selection, actor);
  _mw_canvas_selection_changed (self);
}

/**
 * _mw_canvas_prune_items:
 *
 * Drops removed items from every set; after a batch the network may hold
 * new objects, so each set finds its items again by id.
 *
 * Returns: whether the selection lost an item
 */
gboolean
_mw_canvas_prune_items (MwCanvas       *self,
                        const MwChange *change)
{
  gboolean pruned = FALSE;

  g_assert (MW_IS_CANVAS (self));

  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_REMOVED:
      pruned = mw_item_set_remove_actor (self->selection, change->actor);
      mw_item_set_remove_actor (self->highlight, change->actor);
      mw_item_set_remove_actor (self->marks, change->actor);
      if (self->rubber_base != NULL)
        mw_item_set_remove_actor (self->rubber_base, change->actor);
      break;
    case MW_CHANGE_TIE_REMOVED:
      pruned = mw_item_set_remove_tie (self->selection, change->tie);
      mw_item_set_remove_tie (self->highlight, change->tie);
      mw_item_set_remove_tie (self->marks, change->tie);
      break;
    case MW_CHANGE_BATCH:
      pruned = mw_item_set_revalidate (self->selection, self->network);
      mw_item_set_revalidate (self->highlight, self->network);
      mw_item_set_revalidate (self->marks, self->network);
      if (self->rubber_base != NULL)
        mw_item_set_revalidate (self->rubber_base, self->network);
      break;
    default:
      break;
    }

  return pruned;
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
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return mw_item_set_list_actors (self->selection);
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
  return mw_item_set_list_ties (self->selection);
}

void
mw_canvas_select_actors (MwCanvas  *self,
                         GPtrArray *actors)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  mw_item_set_clear (self->selection);
  for (guint i = 0; actors != NULL && i < actors->len; i++)
    mw_item_set_add_actor (self->selection, g_ptr_array_index (actors, i));
  if (actors != NULL && actors->len == 1)
    mw_set_str (&self->focus_id, ((MwActor *)g_ptr_array_index (actors, 0))->id);
  _mw_canvas_selection_changed (self);
}

void
mw_canvas_select_tie (MwCanvas *self,
                      MwTie    *tie)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  mw_item_set_clear (self->selection);
  if (tie != NULL)
    mw_item_set_add_tie (self->selection, tie);
  _mw_canvas_selection_changed (self);
}

void
mw_canvas_select_all (MwCanvas *self)
{
  guint n;

  g_return_if_fail (MW_IS_CANVAS (self));

  mw_item_set_clear_ties (self->selection);
  n = mw_network_get_n_actors (self->network);
  for (guint i = 0; i < n; i++)
    mw_item_set_add_actor (self->selection, mw_network_get_actor (self->network, i));
  /* Ctrl+A then Ctrl+L ties the focused actor to everyone else. */
  if (mw_canvas_get_focus_actor (self) != NULL)
    mw_set_str (&self->anchor_id, self->focus_id);
  _mw_canvas_selection_changed (self);
}

void
mw_canvas_select_none (MwCanvas *self)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  if (mw_item_set_is_empty (self->selection))
    return;

  mw_item_set_clear (self->selection);
  _mw_canvas_selection_changed (self);
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
  if (current != NULL && mw_item_set_contains_actor (self->selection, current))
    next = forward ? (current->index + 1) % n : (current->index + n - 1) % n;
  else if (!forward)
    next = n - 1;

  _mw_canvas_select_only_actor (self, mw_network_get_actor (self->network, next));
  _mw_canvas_reveal_actor (self, mw_network_get_actor (self->network, next));
}

/* Selects @actor alone and puts it in the middle of the view. */
void
mw_canvas_select_and_center (MwCanvas *self,
                             MwActor  *actor)
{
  double mx, my, vx, vy;

  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (actor != NULL);

  _mw_canvas_select_only_actor (self, actor);
  _mw_canvas_actor_position (self, actor, &mx, &my);
  mw_view_from_model (&self->view, mx, my, &vx, &vy);
  mw_canvas_pan_by (self, vx - self->view.width / 2, vy - self->view.height / 2);
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
mw_canvas_set_highlight (MwCanvas           *self,
                         const char * const *actor_ids,
                         const char * const *tie_ids)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  mw_item_set_replace (self->highlight, self->network, actor_ids, tie_ids);
  _mw_canvas_emit_highlight_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mw_canvas_clear_highlight (MwCanvas *self)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  if (mw_item_set_is_empty (self->highlight))
    return;

  mw_item_set_clear (self->highlight);
  _mw_canvas_emit_highlight_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
mw_canvas_has_highlight (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), FALSE);
  return !mw_item_set_is_empty (self->highlight);
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
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return mw_item_set_list_actors (self->highlight);
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
  return mw_item_set_list_ties (self->highlight);
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

  mw_item_set_replace (self->marks, self->network, actor_ids, tie_ids);
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
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return mw_item_set_list_actors (self->marks);
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
  return mw_item_set_list_ties (self->marks);
}

/**
 * mw_canvas_get_focus_actor:
 *
 * Returns: (transfer none) (nullable): the actor in the keyboard's focus
 *   ring: where the arrow keys go on from, what Space selects
 */
MwActor *
mw_canvas_get_focus_actor (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return mw_network_lookup_actor (self->network, self->focus_id);
}

static void
set_focus_actor (MwCanvas *self,
                 MwActor  *actor)
{
  mw_set_str (&self->focus_id, actor != NULL ? actor->id : NULL);
  if (actor != NULL)
    _mw_canvas_reveal_actor (self, actor);
  _mw_canvas_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static MwActor *
nearest_to_centre (MwCanvas *self)
{
  double cx, cy, best = INFINITY;
  MwActor *nearest = NULL;

  mw_view_to_model (&self->view, self->view.width / 2, self->view.height / 2, &cx, &cy);
  for (guint i = 0; i < mw_network_get_n_actors (self->network); i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      double x, y;

      _mw_canvas_actor_position (self, actor, &x, &y);
      if (hypot (x - cx, y - cy) < best)
        {
          best = hypot (x - cx, y - cy);
          nearest = actor;
        }
    }
  return nearest;
}

/* How far @to lies from @from in the direction (dx, dy): the distance
 * along it plus twice the distance aside, so that an actor straight ahead
 * wins over a nearer one off to the side; INFINITY when behind or more
 * aside than ahead. */
static double
direction_cost (double fx,
                double fy,
                double tx,
                double ty,
                int    dx,
                int    dy)
{
  double along = (tx - fx) * dx + (ty - fy) * dy;
  double aside = fabs ((tx - fx) * dy - (ty - fy) * dx);

  if (along <= 0.5 || aside > along * 2)
    return INFINITY;
  return along + 2 * aside;
}

/**
 * mw_canvas_move_focus:
 * @dx: -1, 0 or 1
 * @dy: -1, 0 or 1
 *
 * Moves the focus ring to the nearest actor in that direction; the first
 * move focuses the actor nearest the middle of the view. Selects nothing.
 */
void
mw_canvas_move_focus (MwCanvas *self,
                      int       dx,
                      int       dy)
{
  MwActor *from, *best = NULL;
  double fx, fy, best_cost = INFINITY;

  g_return_if_fail (MW_IS_CANVAS (self));

  from = mw_canvas_get_focus_actor (self);
  if (from == NULL)
    {
      set_focus_actor (self, nearest_to_centre (self));
      return;
    }

  _mw_canvas_actor_position (self, from, &fx, &fy);
  for (guint i = 0; i < mw_network_get_n_actors (self->network); i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      double x, y, cost;

      _mw_canvas_actor_position (self, actor, &x, &y);
      cost = actor != from ? direction_cost (fx, fy, x, y, dx, dy) : INFINITY;
      if (cost < best_cost)
        {
          best_cost = cost;
          best = actor;
        }
    }
  if (best != NULL)
    set_focus_actor (self, best);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

/**
 * mw_canvas_select_focus:
 * @toggle: add the focused actor to the selection or take it out, instead
 *   of selecting it alone
 *
 * Space and Ctrl+Space.
 */
void
mw_canvas_select_focus (MwCanvas *self,
                        gboolean  toggle)
{
  MwActor *focus;

  g_return_if_fail (MW_IS_CANVAS (self));

  focus = mw_canvas_get_focus_actor (self);
  if (focus == NULL)
    {
      set_focus_actor (self, nearest_to_centre (self));
      focus = mw_canvas_get_focus_actor (self);
      if (focus == NULL)
        return;
    }

  if (toggle)
    {
      mw_item_set_clear_ties (self->selection);
      _mw_canvas_toggle_actor (self, focus);
    }
  else
    _mw_canvas_select_only_actor (self, focus);
}

/* The focused actor's ties, out and in, in network order. */
static GPtrArray *
ties_of (MwCanvas *self,
         MwActor  *actor)
{
  GPtrArray *ties = g_ptr_array_new ();

  for (guint i = 0; i < mw_network_get_n_ties (self->network); i++)
    {
      MwTie *tie = mw_network_get_tie (self->network, i);

      if (tie->from == actor || tie->to == actor)
        g_ptr_array_add (ties, tie);
    }
  return ties;
}

/**
 * mw_canvas_step_tie:
 * @forward: the next tie, else the previous one
 *
 * T and Shift+T: selects the focused actor's ties one after the other, so
 * that the inspector shows each; the focus ring stays on the actor.
 */
void
mw_canvas_step_tie (MwCanvas *self,
                    gboolean  forward)
{
  g_autoptr(GPtrArray) ties = NULL;
  MwActor *focus;
  MwTie *current;
  guint at, next;

  g_return_if_fail (MW_IS_CANVAS (self));

  focus = mw_canvas_get_focus_actor (self);
  if (focus == NULL)
    focus = mw_network_lookup_actor (self->network, self->anchor_id);
  if (focus == NULL)
    return;

  ties = ties_of (self, focus);
  if (ties->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  current = only_selected_tie (self);
  if (current != NULL && g_ptr_array_find (ties, current, &at))
    next = forward ? (at + 1) % ties->len : (at + ties->len - 1) % ties->len;
  else
    next = forward ? 0 : ties->len - 1;

  mw_set_str (&self->focus_id, focus->id);
  mw_canvas_select_tie (self, g_ptr_array_index (ties, next));
}

/**
 * mw_canvas_set_status:
 * @status: (nullable): a short sentence, such as a score's change
 *
 * Ends the canvas's accessible description with @status, so a screen
 * reader hears it while the canvas keeps the focus.
 */
void
mw_canvas_set_status (MwCanvas   *self,
                      const char *status)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  if (status != NULL && *status == '\0')
    status = NULL;
  if (mw_set_str (&self->status, status))
    _mw_canvas_update_description (self);
}

/**
 * mw_canvas_announce_score:
 * @name: the score's short name
 *
 * Ends the description with the score and how it changed since the last
 * announcement: "Index 42 (+3)".
 */
void
mw_canvas_announce_score (MwCanvas   *self,
                          const char *name,
                          double      value)
{
  g_autofree char *status = NULL;

  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (name != NULL);

  status = mw_describe_score (name, value, self->last_score);
  self->last_score = value;
  mw_canvas_set_status (self, status);
}

/**
 * mw_canvas_get_description:
 *
 * Returns: what the canvas's accessible description says now
 */
const char *
mw_canvas_get_description (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), NULL);
  return self->description;
}

/* Two rings, dark outside light or light outside dark, so that the focus
 * shows on any canvas style and beside any actor colour. */
void
_mw_canvas_draw_focus_ring (MwCanvas *self,
                            cairo_t  *cr)
{
  MwActor *focus = mw_canvas_get_focus_actor (self);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double mx, my, vx, vy, radius;

  g_assert (MW_IS_CANVAS (self));

  if (focus == NULL || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return;

  _mw_canvas_actor_position (self, focus, &mx, &my);
  mw_view_from_model (&self->view, mx, my, &vx, &vy);
  radius = mw_renderer_get_actor_radius (self->renderer, focus) * self->view.zoom + 6;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, vx, vy, radius, 0, 2 * G_PI);
  cairo_set_line_width (cr, 5);
  if (dark)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2);
  if (dark)
    cairo_set_source_rgb (cr, 0.10, 0.37, 0.71);   /* #1a5fb4, 6.3:1 on white */
  else
    cairo_set_source_rgb (cr, 0.60, 0.76, 0.95);   /* #99c1f1, 11:1 on black */
  cairo_stroke (cr);
  cairo_restore (cr);
}
