/* mw-canvas-edit.c: the canvas's edits, each a step in the history
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns what MwCanvas changes in its network: adding, connecting, deleting,
 * moving (nudged or dragged), copying and pasting actors. Each goes through
 * the history so that it can be undone; none runs while the canvas is busy
 * (read only, or another edit is open). A renaming is mw-canvas-rename.c's.
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "mw-canvas-private.h"

#define PASTE_OFFSET 24.0

/**
 * _mw_canvas_begin_move:
 *
 * Opens the edit of a drag that moves the selected actors, and remembers
 * where each started.
 */
void
_mw_canvas_begin_move (MwCanvas *self)
{
  MwItemSetIter iter;
  gpointer actor;
  const char *id;
  guint n = mw_item_set_get_n_actors (self->selection);
  g_autofree char *name = NULL;

  g_assert (MW_IS_CANVAS (self));

  if (n == 1)
    name = g_strdup (_("Move Actor"));
  else
    name = g_strdup_printf (ngettext ("Move %u Actor", "Move %u Actors", n), n);

  self->drag_edit = mw_history_begin (self->history, name);
  g_array_set_size (self->start_positions, 0);

  mw_item_set_iter_init_actors (&iter, self->selection);
  while (mw_item_set_iter_next (&iter, &actor, &id))
    {
      MwStartPosition position = { g_strdup (id), 0, 0 };

      _mw_canvas_actor_position (self, actor, &position.x, &position.y);
      g_array_append_val (self->start_positions, position);
    }
}

/* Moves only what is dragged, by (@dx, @dy) model points from where it
 * started: each setter announces one actor, so the renderer and the scorer
 * update that actor, not the whole network. */
void
_mw_canvas_move_by (MwCanvas *self,
                    double    dx,
                    double    dy)
{
  g_assert (MW_IS_CANVAS (self));
  g_assert (self->drag_edit != NULL);

  for (guint i = 0; i < self->start_positions->len; i++)
    {
      MwStartPosition *position = &g_array_index (self->start_positions, MwStartPosition, i);
      MwActor *actor = mw_network_lookup_actor (self->network, position->id);

      if (actor != NULL)
        mw_edit_move_actor (self->drag_edit, actor, position->x + dx, position->y + dy);
    }
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
  if (_mw_canvas_is_busy (self))
    return NULL;

  id = mw_network_unique_actor_id (self->network, "p");
  mw_view_to_model (&self->view, view_x, view_y, &mx, &my);

  edit = mw_history_begin (self->history, _("Add Actor"));
  actor = mw_edit_add_actor (edit, id, _("New Person"), MW_ACTOR_PERSON, NULL);
  mw_edit_move_actor (edit, actor, round (mx), round (my));
  mw_history_commit (self->history, edit);

  _mw_canvas_select_only_actor (self, actor);
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

  if (_mw_canvas_is_busy (self))
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

  if (_mw_canvas_is_busy (self))
    return;

  actors = mw_canvas_get_selected_actors (self);
  if (actors->len < 2)
    return;

  anchor = mw_network_lookup_actor (self->network, self->anchor_id);
  if (anchor == NULL || !mw_item_set_contains_actor (self->selection, anchor))
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

  if (_mw_canvas_is_busy (self))
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

/* Moves the selection by (@dx, @dy) model points; with nothing selected
 * the arrow keys pan instead. */
void
mw_canvas_nudge_selection (MwCanvas *self,
                           double    dx,
                           double    dy)
{
  g_autoptr(GPtrArray) actors = NULL;
  MwEdit *edit;

  g_return_if_fail (MW_IS_CANVAS (self));

  if (_mw_canvas_is_busy (self))
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

      _mw_canvas_actor_position (self, actor, &x, &y);
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

  if (mw_item_set_get_n_actors (self->selection) == 0)
    return NULL;

  copy = mw_network_copy (self->network);
  for (guint i = mw_network_get_n_actors (self->network); i > 0; i--)
    {
      MwActor *actor = mw_network_get_actor (self->network, i - 1);

      if (!mw_item_set_contains_actor (self->selection, actor))
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

  if (_mw_canvas_is_busy (self))
    return;

  if (mw_network_get_n_actors (network) == 0)
    return;

  edit = mw_history_begin (self->history, name);
  mw_edit_add_network (edit, network, PASTE_OFFSET, PASTE_OFFSET, added);
  mw_history_commit (self->history, edit);
  mw_canvas_select_actors (self, added);
}
