/* mw-canvas-animation.c: moving actors smoothly to a new layout
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns mw_canvas_animate_to(): the canvas holds one history edit open
 * while a tick callback eases every actor from where it was to where the
 * layout puts it, and commits the edit at the end, as one step.
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include <math.h>

#include "mw-canvas-private.h"
#include "mw-layout.h"

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
      MwStartPosition *from = &g_array_index (self->start_positions, MwStartPosition, i);
      MwStartPosition *to = &g_array_index (self->targets, MwStartPosition, i);
      MwActor *actor = mw_network_lookup_actor (self->network, to->id);

      if (actor != NULL)
        mw_edit_move_actor (self->drag_edit, actor,
                            from->x + (to->x - from->x) * eased,
                            from->y + (to->y - from->y) * eased);
    }
}

/* Puts every actor where it goes now and commits the step. */
void
_mw_canvas_finish_animation (MwCanvas *self)
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
      _mw_canvas_finish_animation (self);
      mw_canvas_zoom_to_fit (self);
      return G_SOURCE_REMOVE;
    }

  animate_step (self, (double)(now - self->animation_start) / ANIMATION_USEC);
  return G_SOURCE_CONTINUE;
}

/* Remembers where each unpinned actor in @positions starts and ends. */
static void
collect_targets (MwCanvas   *self,
                 GHashTable *positions)
{
  g_assert (MW_IS_CANVAS (self));

  g_array_set_size (self->start_positions, 0);
  g_array_set_size (self->targets, 0);

  for (guint i = 0; i < mw_network_get_n_actors (self->network); i++)
    {
      MwActor *actor = mw_network_get_actor (self->network, i);
      const MwLayoutPoint *point = g_hash_table_lookup (positions, actor->id);
      MwStartPosition from = { NULL, 0, 0 };
      MwStartPosition to = { NULL, 0, 0 };

      if (point == NULL || actor->pinned)
        continue;

      from.id = g_strdup (actor->id);
      _mw_canvas_actor_position (self, actor, &from.x, &from.y);
      to.id = g_strdup (actor->id);
      to.x = point->x;
      to.y = point->y;
      g_array_append_val (self->start_positions, from);
      g_array_append_val (self->targets, to);
    }
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

  if (_mw_canvas_is_busy (self))
    return;

  self->drag_edit = mw_history_begin (self->history, name);
  collect_targets (self, positions);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->animation_start = 0;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick_cb, NULL, NULL);
    }
  else
    _mw_canvas_finish_animation (self);
}
