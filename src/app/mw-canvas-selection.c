/* mw-canvas-selection.c: what the canvas selects, highlights and marks
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns the three item sets of MwCanvas: the selection (with the anchor,
 * the actor selected first), the highlight of a score explanation, and the
 * marks of a comparison; keeps them in step with the network.
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include "mw-canvas-private.h"

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
