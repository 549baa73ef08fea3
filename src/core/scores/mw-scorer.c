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
 */

#define G_LOG_DOMAIN "meshwork-scorer"

#include "config.h"

#include <gio/gio.h>

#include "mw-scorer.h"
#include "mw-scores-private.h"

struct _MwScorer
{
  GObject       parent_instance;

  MwNetwork    *network;
  MwScores     *scores;          /* (nullable) the newest result */
  guint64       scores_generation;
  GCancellable *cancellable;
  guint         idle_id;
  guint         thread_threshold;
  gboolean      running;         /* a worker is scoring a copy */
  gboolean      dirty;           /* the network changed since that copy */
  gboolean      busy;
  MwNetwork    *shadow;          /* (nullable) the worker's copy; only read while running */
  GHashTable   *shadow_actors;   /* ids of the actors changed since the copy was updated */
  GHashTable   *shadow_ties;     /* the same for ties */
  gboolean      shadow_stale;    /* a change the sets cannot describe: copy again */
  MwProgress   *progress;        /* how far the worker has come, run after run */
  gboolean      discard;         /* the running worker's result was cancelled */
  MwScoresCache *cache;          /* what a pass keeps for the next; one pass at a time */
};

/* Past this many changed actors and ties a new copy is as quick. */
#define MAX_SHADOW_CHANGES 20000

G_DEFINE_FINAL_TYPE (MwScorer, mw_scorer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NETWORK,
  PROP_COPY,
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
accept (MwScorer *self,
        MwScores *scores,
        guint64   generation)
{
  g_assert (MW_IS_SCORER (self));

  /* Equal generations still replace: the first result has generation 0 too. */
  if (self->scores != NULL && generation < self->scores_generation)
    return;

  g_clear_pointer (&self->scores, mw_scores_unref);
  self->scores = mw_scores_ref (scores);
  self->scores_generation = generation;
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

  /* mw_scores_compute() reports its stages to the thread's progress. The
   * cache is the worker's alone while it runs (self->running). */
  mw_progress_push_thread_default (progress);
  scores = _mw_scores_compute_cached (copy, self->cache);
  mw_progress_pop_thread_default (progress);
  g_task_return_pointer (task, scores, (GDestroyNotify)mw_scores_unref);
}

static void
score_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  MwScorer *self = MW_SCORER (object);
  g_autoptr(MwScores) scores = g_task_propagate_pointer (G_TASK (result), NULL);
  guint64 generation = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (result), "generation"));

  self->running = FALSE;
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

  accept (self, scores, generation);
  if (self->dirty)
    schedule (self);
  else
    set_busy (self, FALSE);
}

/* The worker's copy, up to date with the network (on the UI thread, while
 * no worker reads it). */
static MwNetwork *
update_shadow (MwScorer *self)
{
  g_assert (MW_IS_SCORER (self));
  g_assert (!self->running);

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

static void
start_thread (MwScorer *self)
{
  g_autoptr(GTask) task = NULL;
  guint64 generation = mw_network_get_generation (self->network);
  MwNetwork *shadow;

  g_assert (MW_IS_SCORER (self));

  shadow = update_shadow (self);
  self->running = TRUE;
  self->dirty = FALSE;
  task = g_task_new (self, self->cancellable, score_done_cb, NULL);
  g_task_set_source_tag (task, start_thread);
  g_task_set_return_on_cancel (task, FALSE);
  g_object_set_data (G_OBJECT (task), "generation", GSIZE_TO_POINTER ((gsize)generation));
  mw_progress_set_fraction (self->progress, 0);
  g_object_set_data_full (G_OBJECT (task), "progress", mw_progress_ref (self->progress),
                          (GDestroyNotify)mw_progress_unref);
  g_task_set_task_data (task, g_object_ref (shadow), g_object_unref);
  g_task_run_in_thread (task, score_thread);
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

  note_change (self, change);
  if (change->kind == MW_CHANGE_ACTOR_CHANGED &&
      (change->fields & ~(MW_FIELD_POSITION | MW_FIELD_PINNED | MW_FIELD_NOTES | MW_FIELD_LABEL)) == 0)
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
  g_clear_pointer (&self->progress, mw_progress_unref);
  g_clear_pointer (&self->shadow_actors, g_hash_table_unref);
  g_clear_pointer (&self->shadow_ties, g_hash_table_unref);
  g_clear_pointer (&self->cache, _mw_scores_cache_free);

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
  properties[PROP_SCORES] = g_param_spec_boxed ("scores", NULL, NULL, MW_TYPE_SCORES, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
mw_scorer_init (MwScorer *self)
{
  self->cancellable = g_cancellable_new ();
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

  if (mw_network_get_n_actors (self->network) > self->thread_threshold)
    {
      set_busy (self, TRUE);
      start_thread (self);
      return;
    }

  /* Small again: the worker's copy is not needed any more. */
  g_clear_object (&self->shadow);
  {
    g_autoptr(MwScores) scores = _mw_scores_compute_cached (self->network, self->cache);

    accept (self, scores, mw_network_get_generation (self->network));
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
  if (self->running)
    self->discard = TRUE;
  self->dirty = FALSE;
  set_busy (self, FALSE);
}
