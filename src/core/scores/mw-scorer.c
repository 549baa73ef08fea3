/* mw-scorer.c: keeps a network's scores up to date as it is edited
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change schedules one rescoring at idle priority, so a burst of
 * edits (a batch, a paste) costs one computation. Small networks are scored
 * right there; large ones on a copy in a worker thread, one thread at a
 * time. A result is kept only when it is newer (by network generation) than
 * the one shown, so a slow old computation never overwrites a newer one.
 *
 * The worker's copy is kept between runs and brought up to date with the
 * actors and ties that changed (mw_network_copy_update()): a fresh copy of
 * 100,000 actors costs more than scoring them. Only what cannot be told
 * apart change by change (a batch, an undo, a renamed id, the network's own
 * attributes) takes a new copy.
 *
 * A filtered view's scorer (mw_scorer_new_filtered()) listens to the same
 * network and scores only what a filter keeps. It has no copy of its own:
 * its worker builds the view (mw_filter_apply_network()) from the whole
 * network's scorer's copy, then scores the view, so an edit costs the UI
 * thread only the copy's update. While views are built from it
 * (readers > 0) that copy is not updated in place: the whole network's
 * next run waits for them (a view is built in well under its scoring's
 * time). A view never waits for the whole network's run: while that run
 * reads a copy that is behind the network, the view is built from that
 * copy and a patch of what changed since (mw_filter_patch_new(), taken on
 * the UI thread at the cost of the changes), so it shows the newest edit
 * without a copy of its own. After a change the copy cannot follow (a
 * batch, an undo, a renamed id) the whole network's scorer takes the new
 * copy its next run would take anyway at once; the run still going keeps
 * the old one until it ends.
 *
 * A filtered view's run for a filter that is replaced is not waited for
 * either: it is cancelled and let go (abandon_run()), the new filter's run
 * starts at once beside it, and the old run stops soon (its build and
 * its pass look at the cancellable) and frees what it holds; its result
 * is no one's. A large view replaced is freed in a worker too.
 */

#define G_LOG_DOMAIN "meshwork-scorer"

#include "config.h"

#include <gio/gio.h>

#include "mw-filter.h"
#include "mw-scorer.h"
#include "mw-scores-private.h"

struct _MwScorer
{
  GObject       parent_instance;

  MwNetwork    *network;
  MwScores     *scores;          /* (nullable) the newest result */
  guint64       scores_generation;
  GCancellable *cancellable;     /* (nullable) the running worker's */
  GTask        *task;            /* (nullable) (unowned) the running worker's; an abandoned one's is not */
  guint         idle_id;
  guint         thread_threshold;
  gboolean      running;         /* a worker is scoring a copy */
  gboolean      dirty;           /* the network changed since that copy */
  gboolean      busy;
  MwNetwork    *shadow;          /* (nullable) the worker's copy; never changed while a worker reads it */
  MwNetwork    *reading;         /* (nullable) the copy the running worker reads: shadow, or the one before it */
  GHashTable   *shadow_actors;   /* ids of the actors changed since the copy was updated */
  GHashTable   *shadow_ties;     /* the same for ties */
  gboolean      shadow_stale;    /* a change the sets cannot describe: copy again */
  MwProgress   *progress;        /* how far the worker has come, run after run */
  gboolean      discard;         /* the running worker's result was cancelled */
  MwScoresCache *cache;          /* what a pass keeps for the next; one pass at a time (a view's run takes it) */
  MwScorer     *source;          /* (nullable) a filtered view's: the whole network's scorer, whose copy it reads */
  MwFilter     *filter;          /* (nullable) a filtered view's filter */
  MwNetwork    *view;            /* (nullable) the filtered view the newest scores are of */
  guint         wait_id;         /* waiting for a copy to be free or current */
  gint          readers;         /* (atomic) workers building a view from this scorer's copy */
};

/* How often a run waiting for a copy looks again. */
#define WAIT_MS 15

/* A filtered view's run: built by the worker from @copy. */
typedef struct
{
  MwNetwork *copy;     /* the source's copy, read until the view is built */
  MwScorer  *source;   /* owns @copy; its readers count this run */
  MwFilterPatch *patch;  /* (nullable) what changed since @copy was brought up to date */
  MwFilter  *filter;
  MwNetwork *view;     /* (nullable) set by the worker */
  MwScoresCache *cache;  /* the scorer's, given back when the run is not abandoned */
  gboolean   held;     /* a test holds this run (_mw_scorer_set_test_hold_view()) */
} ViewRun;

static void
view_run_free (gpointer data)
{
  ViewRun *run = data;

  g_clear_object (&run->copy);
  g_clear_object (&run->source);
  g_clear_pointer (&run->patch, mw_filter_patch_free);
  g_clear_pointer (&run->filter, mw_filter_free);
  g_clear_object (&run->view);
  g_clear_pointer (&run->cache, _mw_scores_cache_free);
  g_free (run);
}

/* Past this many changed actors and ties a new copy is as quick. */
#define MAX_SHADOW_CHANGES 20000

G_DEFINE_FINAL_TYPE (MwScorer, mw_scorer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NETWORK,
  PROP_COPY,
  PROP_SOURCE,
  PROP_FILTER,
  PROP_SCORES,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (MwScorer *self);

static void
set_busy (MwScorer *self,
          gboolean  busy)
{
  g_assert (MW_IS_SCORER (self));

  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
drop_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_object_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/* Lets go of a view the scorer showed: a large one in a worker (a view of
 * most of 100,000 actors takes a tenth of a second to free). */
static void
drop_view (MwScorer  *self,
           MwNetwork *view)
{
  g_autoptr(GTask) task = NULL;

  if (view == NULL || mw_network_get_n_actors (view) <= self->thread_threshold)
    {
      g_clear_object (&view);
      return;
    }
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, view, NULL);
  g_task_run_in_thread (task, drop_thread);
}

/* @view (nullable): for a filtered view's scorer, the view @scores are of */
static void
accept (MwScorer  *self,
        MwScores  *scores,
        MwNetwork *view,
        guint64    generation)
{
  g_assert (MW_IS_SCORER (self));

  /* Equal generations still replace: the first result has generation 0 too. */
  if (self->scores != NULL && generation < self->scores_generation)
    return;

  g_clear_pointer (&self->scores, mw_scores_unref);
  self->scores = mw_scores_ref (scores);
  self->scores_generation = generation;
  if (view != NULL && view != self->view)
    {
      drop_view (self, g_steal_pointer (&self->view));
      self->view = g_object_ref (view);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORES]);
}

static gint test_delay_ms;  /* read by workers, hence atomic */

/**
 * _mw_scorer_set_test_delay:
 *
 * For tests only: every worker run waits @ms before it scores, as a huge
 * network's would, so a test can act while it runs. 0 (the default) stops.
 */
void
_mw_scorer_set_test_delay (guint ms)
{
  g_atomic_int_set (&test_delay_ms, (gint)MIN (ms, (guint)G_MAXINT));
}

static GMutex test_hold_mutex;
static GCond test_hold_cond;
static gboolean test_hold;       /* under test_hold_mutex */
static gboolean test_hold_view;  /* under test_hold_mutex */
static gint test_hold_view_next;  /* (atomic) */

/**
 * _mw_scorer_set_test_hold:
 *
 * For tests only: while @hold, every whole network's worker run waits
 * before it scores, however long; a filtered view's runs do not. %FALSE
 * lets the held runs go on.
 */
void
_mw_scorer_set_test_hold (gboolean hold)
{
  g_mutex_lock (&test_hold_mutex);
  test_hold = hold;
  g_cond_broadcast (&test_hold_cond);
  g_mutex_unlock (&test_hold_mutex);
}

/**
 * _mw_scorer_set_test_hold_view:
 *
 * For tests only: while @hold, the next filtered view's worker run to
 * start (that one only) waits once its view is built, before it scores,
 * however long, even when it is abandoned meanwhile. %FALSE lets it go on.
 */
void
_mw_scorer_set_test_hold_view (gboolean hold)
{
  g_mutex_lock (&test_hold_mutex);
  test_hold_view = hold;
  g_cond_broadcast (&test_hold_cond);
  g_mutex_unlock (&test_hold_mutex);
  g_atomic_int_set (&test_hold_view_next, hold);
}

static void
wait_while_held (gboolean *hold)
{
  g_mutex_lock (&test_hold_mutex);
  while (*hold)
    g_cond_wait (&test_hold_cond, &test_hold_mutex);
  g_mutex_unlock (&test_hold_mutex);
}

static void
score_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MwNetwork *copy = task_data;
  MwScorer *self = source_object;
  MwProgress *progress = g_object_get_data (G_OBJECT (task), "progress");
  MwScores *scores;

  if (g_atomic_int_get (&test_delay_ms) > 0)
    g_usleep ((gulong)g_atomic_int_get (&test_delay_ms) * G_TIME_SPAN_MILLISECOND);
  wait_while_held (&test_hold);

  /* mw_scores_compute() reports its stages to the thread's progress. The
   * cache is the worker's alone while it runs (self->running). */
  mw_progress_push_thread_default (progress);
  scores = _mw_scores_compute_cached (copy, self->cache);
  mw_progress_pop_thread_default (progress);
  g_task_return_pointer (task, scores, (GDestroyNotify)mw_scores_unref);
}

/* An abandoned run (cancelled) lets go of its view and cache here: a view
 * of most of 100,000 actors takes a tenth of a second to free. */
static gboolean
view_run_stopped (GTask        *task,
                  ViewRun      *run,
                  GCancellable *cancellable)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_clear_object (&run->view);
  g_clear_pointer (&run->cache, _mw_scores_cache_free);
  g_task_return_error_if_cancelled (task);
  return TRUE;
}

/* A filtered view: built from the source's copy (and what changed since),
 * which is let go as soon as the view stands, then scored. An abandoned
 * run stops within a few thousand actors or ties of its build, or at the
 * next stage of its pass. */
static void
view_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ViewRun *run = task_data;
  MwProgress *progress = g_object_get_data (G_OBJECT (task), "progress");
  MwScores *scores;

  run->view = mw_filter_apply_network_cancellable (run->filter, run->copy, run->patch, cancellable);
  g_atomic_int_add (&run->source->readers, -1);
  if (view_run_stopped (task, run, cancellable))
    return;

  if (g_atomic_int_get (&test_delay_ms) > 0)
    g_usleep ((gulong)g_atomic_int_get (&test_delay_ms) * G_TIME_SPAN_MILLISECOND);
  if (run->held)
    wait_while_held (&test_hold_view);
  if (view_run_stopped (task, run, cancellable))
    return;

  mw_progress_push_thread_default (progress);
  scores = _mw_scores_compute_cancellable (run->view, run->cache, cancellable);
  mw_progress_pop_thread_default (progress);
  if (scores == NULL && view_run_stopped (task, run, cancellable))
    return;
  g_task_return_pointer (task, scores, (GDestroyNotify)mw_scores_unref);
}

static void
score_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  MwScorer *self = MW_SCORER (object);
  g_autoptr(MwScores) scores = NULL;
  guint64 generation = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (result), "generation"));
  ViewRun *run = g_task_get_source_tag (G_TASK (result)) == view_thread ? g_task_get_task_data (G_TASK (result))
                                                                       : NULL;

  /* An abandoned run (its filter was replaced): its result is no one's,
   * and what it held goes with the task. */
  if (G_TASK (result) != self->task)
    return;
  self->task = NULL;
  scores = g_task_propagate_pointer (G_TASK (result), NULL);
  self->running = FALSE;
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reading);
  if (run != NULL)
    {
      g_assert (self->cache == NULL);
      self->cache = g_steal_pointer (&run->cache);
    }
  if (self->discard)
    {
      /* Cancelled: only an edit since asks for scores again. */
      self->discard = FALSE;
      if (self->dirty && self->network != NULL)
        schedule (self);
      return;
    }
  if (scores == NULL || self->network == NULL)
    return;

  accept (self, scores, run != NULL ? run->view : NULL, generation);
  if (self->dirty)
    schedule (self);
  else
    set_busy (self, FALSE);
}

/* Whether a worker reads the copy now: the whole network's run, or views
 * being built (counted together, whichever copy they read). */
static gboolean
shadow_in_use (MwScorer *self)
{
  return (self->running && self->shadow == self->reading) || g_atomic_int_get (&self->readers) > 0;
}

/* The worker's copy, up to date with the network (on the UI thread, while
 * no worker reads it). */
static MwNetwork *
update_shadow (MwScorer *self)
{
  g_assert (MW_IS_SCORER (self));
  g_assert (!self->running || self->shadow != self->reading);

  if (self->shadow == NULL || self->shadow_stale)
    {
      g_clear_object (&self->shadow);
      self->shadow = mw_network_copy (self->network);
    }
  else
    mw_network_copy_update (self->shadow, self->network, self->shadow_actors, self->shadow_ties);
  g_hash_table_remove_all (self->shadow_actors);
  g_hash_table_remove_all (self->shadow_ties);
  self->shadow_stale = FALSE;
  return self->shadow;
}

/* Notes what @change touched, for the next update of the worker's copy. */
static void
note_change (MwScorer *self,
             MwChange *change)
{
  g_assert (MW_IS_SCORER (self));

  if (self->shadow == NULL || self->shadow_stale)
    return;
  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_CHANGED:
      if (change->fields & MW_FIELD_ID)
        {
          self->shadow_stale = TRUE;
          break;
        }
      G_GNUC_FALLTHROUGH;
    case MW_CHANGE_ACTOR_ADDED:
    case MW_CHANGE_ACTOR_REMOVED:
      g_hash_table_add (self->shadow_actors, g_strdup (change->actor->id));
      break;
    case MW_CHANGE_TIE_ADDED:
    case MW_CHANGE_TIE_REMOVED:
    case MW_CHANGE_TIE_CHANGED:
      g_hash_table_add (self->shadow_ties, g_strdup (change->tie->id));
      break;
    case MW_CHANGE_NETWORK_CHANGED:
    case MW_CHANGE_BATCH:
    default:
      self->shadow_stale = TRUE;
      break;
    }
  if (g_hash_table_size (self->shadow_actors) + g_hash_table_size (self->shadow_ties) > MAX_SHADOW_CHANGES)
    self->shadow_stale = TRUE;
  if (self->shadow_stale)
    {
      g_hash_table_remove_all (self->shadow_actors);
      g_hash_table_remove_all (self->shadow_ties);
    }
}

/* A worker run of @thread_func on @data, for the network as it is now. */
static void
run_thread (MwScorer        *self,
            GTaskThreadFunc  thread_func,
            gpointer         data,
            GDestroyNotify   data_free)
{
  g_autoptr(GTask) task = NULL;
  guint64 generation = mw_network_get_generation (self->network);

  g_assert (MW_IS_SCORER (self));
  g_assert (self->task == NULL);

  self->running = TRUE;
  self->dirty = FALSE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, score_done_cb, NULL);
  self->task = task;
  g_task_set_source_tag (task, thread_func);
  g_task_set_return_on_cancel (task, FALSE);
  g_object_set_data (G_OBJECT (task), "generation", GSIZE_TO_POINTER ((gsize)generation));
  mw_progress_set_fraction (self->progress, 0);
  /* The run's progress shows in the scorer's until the run is abandoned. */
  g_object_set_data_full (G_OBJECT (task), "progress", mw_progress_new_relay (self->cancellable, self->progress),
                          (GDestroyNotify)mw_progress_unref);
  g_task_set_task_data (task, data, data_free);
  g_task_run_in_thread (task, thread_func);
}

static void
start_thread (MwScorer *self)
{
  g_set_object (&self->reading, update_shadow (self));
  run_thread (self, score_thread, g_object_ref (self->shadow), g_object_unref);
}

static gboolean
wait_cb (gpointer user_data)
{
  MwScorer *self = user_data;

  self->wait_id = 0;
  mw_scorer_rescore (self);
  return G_SOURCE_REMOVE;
}

/* Busy, and looks again soon. */
static void
wait_for_copy (MwScorer *self)
{
  g_assert (MW_IS_SCORER (self));

  set_busy (self, TRUE);
  if (self->wait_id == 0)
    self->wait_id = g_timeout_add (WAIT_MS, wait_cb, self);
}

/* Returns: (nullable): @source's copy as the network is now (brought up
 * to date when nothing reads it), or %NULL while it cannot be */
static MwNetwork *
current_copy (MwScorer *source)
{
  g_assert (MW_IS_SCORER (source));

  if (!shadow_in_use (source))
    update_shadow (source);
  if (source->shadow == NULL || source->shadow_stale ||
      mw_network_get_generation (source->shadow) != mw_network_get_generation (source->network))
    return NULL;
  return source->shadow;
}

/* A copy the network cannot be told from change by change: the whole
 * network's scorer takes a new one now, not when its run ends (it would
 * at its next run). The run keeps its own reference to the old one. */
static MwNetwork *
renew_shadow (MwScorer *source)
{
  g_assert (MW_IS_SCORER (source));

  g_clear_object (&source->shadow);
  return update_shadow (source);
}

/* Returns: (nullable): what a view of the network as it is now is built
 * from: @source's copy, and in *@patch what changed since when the copy is
 * behind while others read it (%NULL when it is current); %NULL while only
 * views read a copy that cannot follow (they let go of it in a moment) */
static MwNetwork *
view_input (MwScorer       *source,
            MwFilterPatch **patch)
{
  MwNetwork *copy = current_copy (source);

  g_assert (MW_IS_SCORER (source));

  *patch = NULL;
  if (copy != NULL)
    return copy;
  if (source->shadow != NULL && !source->shadow_stale)
    {
      *patch = mw_filter_patch_new (source->network, source->shadow_actors, source->shadow_ties);
      return source->shadow;
    }
  /* At most two whole copies: the one the run reads and the new one. */
  if (source->running && source->shadow == source->reading)
    return renew_shadow (source);
  return NULL;
}

/* A filtered view's scores: a small network's right here, else a
 * worker's, from the source's copy (and what changed since). */
static void
rescore_view (MwScorer *self)
{
  MwNetwork *copy;
  MwFilterPatch *patch;
  ViewRun *run;

  g_assert (MW_IS_SCORER (self));

  if (mw_network_get_n_actors (self->network) <= self->thread_threshold)
    {
      g_autoptr(MwNetwork) view = mw_filter_apply_network (self->filter, self->network);
      g_autoptr(MwScores) scores = _mw_scores_compute_cached (view, self->cache);

      accept (self, scores, view, mw_network_get_generation (self->network));
      set_busy (self, FALSE);
      return;
    }

  /* The whole network's scorer was disposed: nothing to read any more. */
  if (self->source->network == NULL)
    {
      set_busy (self, FALSE);
      return;
    }
  copy = view_input (self->source, &patch);
  if (copy == NULL)
    {
      wait_for_copy (self);
      return;
    }
  set_busy (self, TRUE);
  run = g_new0 (ViewRun, 1);
  run->patch = patch;
  run->copy = g_object_ref (copy);
  run->source = g_object_ref (self->source);
  run->filter = mw_filter_copy (self->filter);
  run->cache = g_steal_pointer (&self->cache);
  run->held = g_atomic_int_compare_and_exchange (&test_hold_view_next, TRUE, FALSE);
  g_atomic_int_inc (&self->source->readers);
  run_thread (self, view_thread, run, view_run_free);
}

/* A filtered view's run for a filter just replaced: cancelled and let go,
 * never waited for (a view of most of 100,000 actors scores for a second).
 * It frees its view and cache in its worker (view_run_stopped()), the task
 * the rest when it ends, and score_done_cb() drops its result. */
static void
abandon_run (MwScorer *self)
{
  g_assert (MW_IS_SCORER (self));
  g_assert (self->running && self->filter != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->task = NULL;
  self->running = FALSE;
  self->discard = FALSE;
  self->cache = _mw_scores_cache_new ();
}

static gboolean
rescore_idle_cb (gpointer user_data)
{
  MwScorer *self = user_data;

  self->idle_id = 0;
  mw_scorer_rescore (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (MwScorer *self)
{
  g_assert (MW_IS_SCORER (self));

  set_busy (self, TRUE);
  if (self->running)
    {
      self->dirty = TRUE;
      return;
    }
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (rescore_idle_cb, self);
}

/* Moving actors does not change any score: a drag costs nothing. */
static void
network_changed_cb (MwScorer *self,
                    MwChange *change)
{
  g_assert (MW_IS_SCORER (self));

  MwField unscored = MW_FIELD_POSITION | MW_FIELD_PINNED | MW_FIELD_NOTES | MW_FIELD_LABEL;

  /* A filter by value finds actors by their names and notes too. */
  if (self->filter != NULL && self->filter->value != NULL && *self->filter->value != '\0')
    unscored = MW_FIELD_POSITION | MW_FIELD_PINNED;
  note_change (self, change);
  if (change->kind == MW_CHANGE_ACTOR_CHANGED && (change->fields & ~unscored) == 0)
    return;
  schedule (self);
}

static void
mw_scorer_constructed (GObject *object)
{
  MwScorer *self = MW_SCORER (object);

  G_OBJECT_CLASS (mw_scorer_parent_class)->constructed (object);

  /* A copy of another state of the network (it changed since) is no use. */
  if (self->shadow != NULL &&
      mw_network_get_generation (self->shadow) != mw_network_get_generation (self->network))
    g_clear_object (&self->shadow);
  g_signal_connect_object (self->network, "changed", G_CALLBACK (network_changed_cb),
                           self, G_CONNECT_SWAPPED);
  mw_scorer_rescore (self);
}

static void
mw_scorer_dispose (GObject *object)
{
  MwScorer *self = MW_SCORER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->wait_id, g_source_remove);
  g_clear_object (&self->source);
  drop_view (self, g_steal_pointer (&self->view));
  if (self->network != NULL)
    g_signal_handlers_disconnect_by_data (self->network, self);
  g_clear_object (&self->network);

  G_OBJECT_CLASS (mw_scorer_parent_class)->dispose (object);
}

static void
mw_scorer_finalize (GObject *object)
{
  MwScorer *self = MW_SCORER (object);

  g_clear_pointer (&self->scores, mw_scores_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->shadow);
  g_clear_object (&self->reading);
  g_clear_pointer (&self->progress, mw_progress_unref);
  g_clear_pointer (&self->shadow_actors, g_hash_table_unref);
  g_clear_pointer (&self->shadow_ties, g_hash_table_unref);
  g_clear_pointer (&self->cache, _mw_scores_cache_free);
  g_clear_pointer (&self->filter, mw_filter_free);

  G_OBJECT_CLASS (mw_scorer_parent_class)->finalize (object);
}

static void
mw_scorer_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MwScorer *self = MW_SCORER (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      g_value_set_object (value, self->network);
      break;
    case PROP_SCORES:
      g_value_set_boxed (value, self->scores);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_scorer_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MwScorer *self = MW_SCORER (object);

  switch (prop_id)
    {
    case PROP_NETWORK:
      self->network = g_value_dup_object (value);
      break;
    case PROP_COPY:
      self->shadow = g_value_dup_object (value);
      break;
    case PROP_SOURCE:
      self->source = g_value_dup_object (value);
      if (self->source != NULL)
        self->thread_threshold = self->source->thread_threshold;
      break;
    case PROP_FILTER:
      if (g_value_get_pointer (value) != NULL)
        self->filter = mw_filter_copy (g_value_get_pointer (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mw_scorer_class_init (MwScorerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->constructed = mw_scorer_constructed;
  object_class->dispose = mw_scorer_dispose;
  object_class->finalize = mw_scorer_finalize;
  object_class->get_property = mw_scorer_get_property;
  object_class->set_property = mw_scorer_set_property;

  properties[PROP_NETWORK] =
    g_param_spec_object ("network", NULL, NULL, MW_TYPE_NETWORK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A copy of the network made where it costs the UI nothing (the load's
   * worker); the first run scores it instead of copying the network. */
  properties[PROP_COPY] =
    g_param_spec_object ("copy", NULL, NULL, MW_TYPE_NETWORK,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* A filtered view's scorer: the whole network's, and the filter (copied). */
  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, MW_TYPE_SCORER,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_pointer ("filter", NULL, NULL,
                          G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORES] = g_param_spec_boxed ("scores", NULL, NULL, MW_TYPE_SCORES, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mw_scorer_init (MwScorer *self)
{
  self->thread_threshold = MW_SCORER_DEFAULT_THREAD_THRESHOLD;
  self->shadow_actors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shadow_ties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->progress = mw_progress_new (NULL);
  self->cache = _mw_scores_cache_new ();
}

/**
 * mw_scorer_new:
 *
 * Scores @network now (or starts to, when it is large) and again after
 * every change that can move a score.
 */
MwScorer *
mw_scorer_new (MwNetwork *network)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  return g_object_new (MW_TYPE_SCORER, "network", network, NULL);
}

/**
 * mw_scorer_new_with_copy:
 * @copy: (nullable): mw_network_copy() of @network, made off the UI thread
 *   and read by nobody else from now on
 *
 * As mw_scorer_new(), but a large network's first scoring runs on @copy
 * instead of a copy made now on the UI thread, which at 100,000 actors
 * stalls the window for a second. @copy is ignored when @network has
 * changed since it was taken.
 */
MwScorer *
mw_scorer_new_with_copy (MwNetwork *network,
                         MwNetwork *copy)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);
  g_return_val_if_fail (copy == NULL || MW_IS_NETWORK (copy), NULL);
  return g_object_new (MW_TYPE_SCORER, "network", network, "copy", copy, NULL);
}

/**
 * mw_scorer_get_network:
 *
 * Returns: (transfer none): the network scored
 */
MwNetwork *
mw_scorer_get_network (MwScorer *self)
{
  g_return_val_if_fail (MW_IS_SCORER (self), NULL);
  return self->network;
}

/**
 * mw_scorer_get_scores:
 *
 * Returns: (transfer none) (nullable): the newest scores, %NULL until a
 *   large network has been scored the first time
 */
MwScores *
mw_scorer_get_scores (MwScorer *self)
{
  g_return_val_if_fail (MW_IS_SCORER (self), NULL);
  return self->scores;
}

/* TRUE while the network has changes the scores do not reflect yet. */
gboolean
mw_scorer_get_busy (MwScorer *self)
{
  g_return_val_if_fail (MW_IS_SCORER (self), FALSE);
  return self->busy;
}

guint
mw_scorer_get_thread_threshold (MwScorer *self)
{
  g_return_val_if_fail (MW_IS_SCORER (self), 0);
  return self->thread_threshold;
}

/* Networks with more than @n_actors actors are scored in a worker thread. */
void
mw_scorer_set_thread_threshold (MwScorer *self,
                                guint     n_actors)
{
  g_return_if_fail (MW_IS_SCORER (self));
  self->thread_threshold = n_actors;
}

/**
 * mw_scorer_rescore:
 *
 * Scores the network now when it is small, else starts a worker (or, when
 * one is busy, has it start again once it is done).
 */
void
mw_scorer_rescore (MwScorer *self)
{
  g_return_if_fail (MW_IS_SCORER (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->running)
    {
      self->dirty = TRUE;
      set_busy (self, TRUE);
      return;
    }
  g_clear_handle_id (&self->wait_id, g_source_remove);
  if (self->filter != NULL)
    {
      rescore_view (self);
      return;
    }

  if (mw_network_get_n_actors (self->network) > self->thread_threshold)
    {
      /* Views are being built from the copy: it changes once they stand. */
      if (g_atomic_int_get (&self->readers) > 0)
        {
          wait_for_copy (self);
          return;
        }
      set_busy (self, TRUE);
      start_thread (self);
      return;
    }

  /* Small again: the worker's copy is not needed any more. */
  g_clear_object (&self->shadow);
  {
    g_autoptr(MwScores) scores = _mw_scores_compute_cached (self->network, self->cache);

    accept (self, scores, NULL, mw_network_get_generation (self->network));
    set_busy (self, FALSE);
  }
}

/**
 * mw_scorer_get_progress:
 *
 * Returns: (transfer none): how far the worker has come with the scores
 *   now on their way (0–1); it is reset as each run starts
 */
MwProgress *
mw_scorer_get_progress (MwScorer *self)
{
  g_return_val_if_fail (MW_IS_SCORER (self), NULL);
  return self->progress;
}

/**
 * mw_scorer_cancel:
 *
 * Stops waiting for the scores on their way: the scores stay those of
 * before (no longer current), the scorer is no longer busy, and the next
 * change scores again. A worker already running finishes in the
 * background and its result is dropped.
 */
void
mw_scorer_cancel (MwScorer *self)
{
  g_return_if_fail (MW_IS_SCORER (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_handle_id (&self->wait_id, g_source_remove);
  if (self->running)
    self->discard = TRUE;
  self->dirty = FALSE;
  set_busy (self, FALSE);
}

/**
 * mw_scorer_new_filtered:
 * @source: the scorer of the whole network
 * @filter: what is in view; copied
 *
 * A scorer of what @filter keeps in view of @source's network: the
 * filtered view as a network of its own (mw_filter_apply_network()),
 * scored again after every change that can move its scores. Above the
 * thread threshold (taken from @source) the view is built and scored in a
 * worker, from @source's copy of the network: the UI thread makes no copy.
 *
 * Returns: (transfer full): the filtered view's scorer
 */
MwScorer *
mw_scorer_new_filtered (MwScorer       *source,
                        const MwFilter *filter)
{
  g_return_val_if_fail (MW_IS_SCORER (source), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (source->filter == NULL, NULL);

  return g_object_new (MW_TYPE_SCORER, "network", source->network, "source", source,
                       "filter", filter, NULL);
}

/**
 * mw_scorer_set_filter:
 * @filter: what is in view now; copied
 *
 * A filtered view's scorer scores what @filter keeps from now on. A run
 * going for the filter before is abandoned, not waited for: the new
 * filter's run starts at once, and the old one's result is never shown.
 */
void
mw_scorer_set_filter (MwScorer       *self,
                      const MwFilter *filter)
{
  g_return_if_fail (MW_IS_SCORER (self));
  g_return_if_fail (self->filter != NULL);
  g_return_if_fail (filter != NULL);

  if (mw_filter_equal (self->filter, filter))
    return;
  mw_filter_free (self->filter);
  self->filter = mw_filter_copy (filter);
  /* The old filter's scores on their way are of no use any more: the new
   * filter's run does not wait for them. */
  if (self->running)
    abandon_run (self);
  schedule (self);
}

/**
 * mw_scorer_get_filter:
 *
 * Returns: (nullable): a filtered view's filter, %NULL for a whole network's
 */
const MwFilter *
mw_scorer_get_filter (MwScorer *self)
{
  g_return_val_if_fail (MW_IS_SCORER (self), NULL);
  return self->filter;
}

/**
 * mw_scorer_get_scored_network:
 *
 * Returns: (transfer none) (nullable): the network the newest scores are
 *   of: for a filtered view's scorer the view they were computed on
 *   (%NULL before the first), else the network itself. Nobody edits it.
 */
MwNetwork *
mw_scorer_get_scored_network (MwScorer *self)
{
  g_return_val_if_fail (MW_IS_SCORER (self), NULL);
  return self->filter != NULL ? self->view : self->network;
}
