/* mw-window-activity.c: the bar that shows what takes long, how far it has
 * come, and cancels it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every operation that may take a while (opening a file, arranging) is an
 * activity with its own GCancellable. The bar appears only once the newest
 * has run for SHOW_AFTER_MS — quick ones never flash it — and shows its
 * progress: a fraction where the worker reports one (bytes read and
 * parsed), a pulse where it cannot (Graphviz at work). The window keeps
 * drawing meanwhile: the work runs in threads and child processes. */

#define G_LOG_DOMAIN "meshwork"

#include "config.h"

#include "mw-window-private.h"

#define SHOW_AFTER_MS 500
#define UPDATE_MS     100

typedef struct
{
  char         *label;
  GCancellable *cancellable;
  MwProgress   *progress;   /* (nullable) */
  gint64        started;
} MwWindowActivity;

static void
activity_free (gpointer data)
{
  MwWindowActivity *activity = data;

  g_free (activity->label);
  g_clear_object (&activity->cancellable);
  g_clear_pointer (&activity->progress, mw_progress_unref);
  g_free (activity);
}

static MwWindowActivity *
find_activity (MwWindow     *self,
               GCancellable *cancellable)
{
  for (guint i = 0; self->activities != NULL && i < self->activities->len; i++)
    {
      MwWindowActivity *activity = g_ptr_array_index (self->activities, i);

      if (activity->cancellable == cancellable)
        return activity;
    }
  return NULL;
}

static gboolean
update_bar_cb (gpointer user_data)
{
  MwWindow *self = user_data;
  MwWindowActivity *newest;
  double fraction;

  if (self->activities == NULL || self->activities->len == 0)
    {
      gtk_widget_set_visible (self->activity_bar, FALSE);
      self->activity_timer = 0;
      return G_SOURCE_REMOVE;
    }

  newest = g_ptr_array_index (self->activities, self->activities->len - 1);
  if (g_get_monotonic_time () - newest->started < SHOW_AFTER_MS * G_TIME_SPAN_MILLISECOND)
    return G_SOURCE_CONTINUE;

  gtk_label_set_label (self->activity_label, newest->label);
  fraction = newest->progress != NULL ? mw_progress_get_fraction (newest->progress) : MW_PROGRESS_UNKNOWN;
  if (fraction < 0)
    gtk_progress_bar_pulse (self->activity_progress);
  else
    gtk_progress_bar_set_fraction (self->activity_progress, fraction);
  gtk_widget_set_visible (self->activity_bar, TRUE);
  return G_SOURCE_CONTINUE;
}

/**
 * _mw_window_begin_activity:
 * @label: what the bar says ("Opening “big.gv”…")
 *
 * Returns: (transfer none): the activity's cancellable, to hand to the
 *   operation; valid until _mw_window_end_activity()
 */
GCancellable *
_mw_window_begin_activity (MwWindow   *self,
                           const char *label)
{
  MwWindowActivity *activity = g_new0 (MwWindowActivity, 1);

  g_assert (MW_IS_WINDOW (self));

  activity->label = g_strdup (label);
  activity->cancellable = g_cancellable_new ();
  activity->started = g_get_monotonic_time ();
  if (self->activities == NULL)
    self->activities = g_ptr_array_new_with_free_func (activity_free);
  g_ptr_array_add (self->activities, activity);
  if (self->activity_timer == 0)
    self->activity_timer = g_timeout_add (UPDATE_MS, update_bar_cb, self);
  return activity->cancellable;
}

/* Where the operation tells how far it has come, once it has begun. */
void
_mw_window_set_activity_progress (MwWindow     *self,
                                  GCancellable *cancellable,
                                  MwProgress   *progress)
{
  MwWindowActivity *activity = find_activity (self, cancellable);

  g_assert (MW_IS_WINDOW (self));

  if (activity != NULL && progress != NULL)
    {
      g_clear_pointer (&activity->progress, mw_progress_unref);
      activity->progress = mw_progress_ref (progress);
    }
}

void
_mw_window_end_activity (MwWindow     *self,
                         GCancellable *cancellable)
{
  MwWindowActivity *activity = find_activity (self, cancellable);

  g_assert (MW_IS_WINDOW (self));

  if (activity != NULL)
    g_ptr_array_remove (self->activities, activity);
  if (self->activities == NULL || self->activities->len == 0)
    gtk_widget_set_visible (self->activity_bar, FALSE);
}

/* The bar's Cancel: every activity of the window stops; each ends itself
 * when its operation reports back cancelled. */
void
_mw_window_cancel_activities (MwWindow *self)
{
  g_assert (MW_IS_WINDOW (self));

  for (guint i = 0; self->activities != NULL && i < self->activities->len; i++)
    g_cancellable_cancel (((MwWindowActivity *) g_ptr_array_index (self->activities, i))->cancellable);
}

/* For dispose: cancels what is left and stops the bar's timer. */
void
_mw_window_clear_activities (MwWindow *self)
{
  g_assert (MW_IS_WINDOW (self));

  _mw_window_cancel_activities (self);
  g_clear_handle_id (&self->activity_timer, g_source_remove);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
}
