/* mw-window-activity.c: the bar that shows what takes long, how far it has
 * come, and cancels it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Every operation that may take a while (opening a file, arranging,
 * scoring a large network) is an
 * activity with its own GCancellable. The bar appears only once the newest
 * has run for SHOW_AFTER_MS — quick ones never flash it — and shows its
 * progress: a fraction where the worker reports one (bytes read and
 * parsed), a pulse where it cannot (Graphviz at work). The window keeps
 * drawing meanwhile: the work runs in threads and child processes. */

#define G_LOG_DOMAIN "meshwork"

#include "config.h"

#include <glib/gi18n.h>

#include "mw-score-scope.h"
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

static void follow_scorer       (MwWindow *self,
                                 MwScorer *scorer);
static void document_network_cb (MwWindow *self);
static MwScoreScope *find_scope (GtkWidget *widget);

/* For dispose: cancels what is left and stops the bar's timer. */
void
_mw_window_clear_activities (MwWindow *self)
{
  g_assert (MW_IS_WINDOW (self));

  MwScoreScope *scope = self->score_panel != NULL ? find_scope (GTK_WIDGET (self->score_panel)) : NULL;

  self->scoring_activity = NULL;  /* freed with the others below */
  if (scope != NULL)
    g_signal_handlers_disconnect_by_func (scope, document_network_cb, self);
  follow_scorer (self, NULL);
  if (self->scored_document != NULL)
    g_signal_handlers_disconnect_by_func (self->scored_document, document_network_cb, self);
  g_clear_object (&self->scored_document);
  _mw_window_cancel_activities (self);
  g_clear_handle_id (&self->activity_timer, g_source_remove);
  g_clear_pointer (&self->activities, g_ptr_array_unref);
}

/* Cancel stops waiting for the scores (mw_scorer_cancel()); from an idle,
 * as the bar's Cancel walks the list of activities while it cancels. */
static gboolean
cancel_scoring_idle_cb (gpointer user_data)
{
  MwWindow *self = user_data;

  if (self->scorer != NULL && self->scoring_activity != NULL &&
      g_cancellable_is_cancelled (self->scoring_activity))
    mw_scorer_cancel (self->scorer);
  return G_SOURCE_REMOVE;
}

static void
scoring_cancelled_cb (MwWindow *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, cancel_scoring_idle_cb, g_object_ref (self), g_object_unref);
}

/* Scoring is an activity while the scorer is busy: the bar shows it only
 * when it lasts, which it does in a worker on a large network. */
static void
scorer_busy_cb (MwWindow *self)
{
  gboolean busy = self->scorer != NULL && mw_scorer_get_busy (self->scorer);

  if (busy && self->scoring_activity == NULL)
    {
      self->scoring_activity = _mw_window_begin_activity (self, _("Scoring…"));
      _mw_window_set_activity_progress (self, self->scoring_activity, mw_scorer_get_progress (self->scorer));
      g_signal_connect_object (self->scoring_activity, "cancelled", G_CALLBACK (scoring_cancelled_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else if (!busy && self->scoring_activity != NULL)
    _mw_window_end_activity (self, g_steal_pointer (&self->scoring_activity));
}

static void
follow_scorer (MwWindow *self,
               MwScorer *scorer)
{
  g_assert (MW_IS_WINDOW (self));

  if (self->scorer == scorer)
    return;
  if (self->scorer != NULL)
    g_signal_handlers_disconnect_by_data (self->scorer, self);
  /* The bar shows the progress of the scorer followed: another one's
   * scoring is an activity of its own. */
  if (self->scoring_activity != NULL)
    _mw_window_end_activity (self, g_steal_pointer (&self->scoring_activity));
  g_set_object (&self->scorer, scorer);
  if (scorer != NULL)
    g_signal_connect_object (scorer, "notify::busy", G_CALLBACK (scorer_busy_cb), self, G_CONNECT_SWAPPED);
  scorer_busy_cb (self);
}

/* The score panel's scope: whole network or filtered view (in its template). */
static MwScoreScope *
find_scope (GtkWidget *widget)
{
  if (MW_IS_SCORE_SCOPE (widget))
    return MW_SCORE_SCOPE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      MwScoreScope *scope = find_scope (child);

      if (scope != NULL)
        return scope;
    }
  return NULL;
}

/* The scores on show are scored: the filtered view's while the panel
 * shows them, else the document's. */
static void
document_network_cb (MwWindow *self)
{
  MwScoreScope *scope = self->score_panel != NULL ? find_scope (GTK_WIDGET (self->score_panel)) : NULL;
  MwScorer *scorer = self->scored_document != NULL ? mw_document_get_scorer (self->scored_document) : NULL;

  if (scorer != NULL && scope != NULL && mw_score_scope_get_filtered (scope) &&
      mw_score_scope_get_scorer (scope) != NULL)
    scorer = mw_score_scope_get_scorer (scope);
  follow_scorer (self, scorer);
}

/**
 * _mw_window_follow_scoring:
 *
 * Shows the scoring of @document's network (a new scorer with each new
 * network) in the bar, with Cancel; while the score panel shows the
 * filtered view's scores, their scoring.
 */
void
_mw_window_follow_scoring (MwWindow   *self,
                           MwDocument *document)
{
  MwScoreScope *scope = find_scope (GTK_WIDGET (self->score_panel));

  g_assert (MW_IS_WINDOW (self));

  if (scope != NULL)
    {
      g_signal_handlers_disconnect_by_func (scope, document_network_cb, self);
      g_signal_connect_object (scope, "notify::scorer", G_CALLBACK (document_network_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (scope, "notify::filtered", G_CALLBACK (document_network_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (self->scored_document != NULL)
    g_signal_handlers_disconnect_by_func (self->scored_document, document_network_cb, self);
  g_set_object (&self->scored_document, document);
  g_signal_connect_object (document, "notify::network", G_CALLBACK (document_network_cb),
                           self, G_CONNECT_SWAPPED);
  document_network_cb (self);
}
