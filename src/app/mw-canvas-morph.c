/* mw-canvas-morph.c: the canvas playing the change from one network to another
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns mw_canvas_morph_from(): for about 600 ms a tick callback draws the
 * frames of render/mw-render-morph.c instead of the canvas's network —
 * actors move to their new places, people who left fade out, newcomers
 * fade in — then the canvas shows its network again. Nothing is edited:
 * the morph draws copies. With animations off (GNOME's "Reduce
 * Animations", gtk-enable-animations) or off screen it does not start.
 */

#define G_LOG_DOMAIN "meshwork-canvas"

#include "config.h"

#include "mw-canvas-private.h"

static gboolean
animations_enabled (MwCanvas *self)
{
  gboolean enabled = TRUE;

  g_assert (MW_IS_CANVAS (self));

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

/**
 * mw_canvas_finish_morph:
 *
 * Stops the change being played, if any: the canvas shows its network.
 */
void
mw_canvas_finish_morph (MwCanvas *self)
{
  g_return_if_fail (MW_IS_CANVAS (self));

  if (self->morph_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->morph_tick_id);
  self->morph_tick_id = 0;
  if (self->morph == NULL)
    return;
  g_clear_object (&self->morph);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
morph_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  MwCanvas *self = MW_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);

  if (self->morph_start == 0)
    self->morph_start = now;
  self->morph_t = (double)(now - self->morph_start) / MW_MORPH_USEC;
  if (self->morph_t >= 1)
    {
      self->morph_tick_id = 0;
      mw_canvas_finish_morph (self);
      return G_SOURCE_REMOVE;
    }
  gtk_widget_queue_draw (widget);
  return G_SOURCE_CONTINUE;
}

/**
 * mw_canvas_morph_from:
 * @previous: the network the change starts from (copied)
 *
 * Plays the change from @previous to the network the canvas shows: actors
 * that are in both (by id, then by name) move from their old place to
 * their new one, those only in @previous fade out, those only here fade
 * in, ties fade or follow their ends and units regroup, eased in and out
 * over about 600 ms. The view stays where it is. Jumps (draws the network
 * at once) when animations are off or the canvas is not on screen.
 */
void
mw_canvas_morph_from (MwCanvas  *self,
                      MwNetwork *previous)
{
  g_return_if_fail (MW_IS_CANVAS (self));
  g_return_if_fail (MW_IS_NETWORK (previous));

  mw_canvas_finish_morph (self);
  if (self->network == NULL || !animations_enabled (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->morph = mw_render_morph_new (previous, self->network);
  mw_render_morph_follow (self->morph, self->renderer);
  /* the actors' pictures now, not in the middle of the motion */
  mw_render_morph_prepare (self->morph, &self->view);
  self->morph_start = 0;
  self->morph_t = 0;
  self->morph_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), morph_tick_cb, NULL, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * mw_canvas_get_morph_progress:
 *
 * Returns: how far the change being played has come (0…1, before easing),
 *   or -1 when none is
 */
double
mw_canvas_get_morph_progress (MwCanvas *self)
{
  g_return_val_if_fail (MW_IS_CANVAS (self), -1);
  return self->morph != NULL ? CLAMP (self->morph_t, 0, 1) : -1;
}

/* Draws this frame of the change; FALSE when none is played. */
gboolean
_mw_canvas_draw_morph (MwCanvas *self,
                       cairo_t  *cr)
{
  g_assert (MW_IS_CANVAS (self));

  if (self->morph == NULL)
    return FALSE;
  mw_render_morph_draw (self->morph, cr, &self->view, self->morph_t);
  return TRUE;
}
