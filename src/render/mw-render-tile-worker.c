/* mw-render-tile-worker.c: tiles drawn on a thread of their own, by a renderer of their own
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwTileWorker for mw-render-tiles.c (its only caller, on the UI
 * thread). One thread takes the queued tile jobs in order; on a 2-core
 * machine the other core is the UI thread's. A job draws with a twin: an
 * MwRenderer of the worker's own on a copy of the network, with its own
 * frame scratch (buckets, masks, stamps, the grid's marks), its own label
 * layouts and Pango font map, and no band helper (n_threads 1). The UI
 * thread makes the copy and the twin only while the worker is idle, so the
 * two threads never write one object: the twin and the copy are the
 * worker's while a job runs, and the UI thread's in between.
 *
 * The twin does not compute its geometry: it takes a copy of the UI
 * thread's renderer's (where actors, labels and ties are), which after an
 * edit was placed again only near what changed; a geometry computed afresh
 * could put a label elsewhere, and the tiles would not match the frame.
 * Only its unit and organisation boundaries, which follow the actors'
 * boxes, it computes itself, before its first job. A copy of 100,000
 * actors costs the UI thread a third of a second, so after moves alone (a
 * drag, nudges) the copy and the twin are kept and only the moved actors'
 * positions and the geometry are copied again. After other edits the copy
 * is kept too, brought up to date with the actors and ties that changed
 * (collected by id from the network's changed signal, as the scorer does)
 * and put back in the network's order, since the geometry is by index;
 * only a new twin is made on it. What cannot be told apart change by
 * change (a batch, a renamed id, the network's own attributes, too many
 * changes) copies the whole network again. The first copy of a network
 * just loaded is the load's (_mw_tile_worker_offer_copy(): made on its
 * worker beside the scorer's), if nothing changed since.
 *
 * A finished job goes on the done list and an idle source on the UI
 * thread's main context says so; the tiles take the list at their next
 * update and keep only jobs of their current epoch.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include "mw-network-order.h"
#include "mw-render-tile-worker.h"

/* Past this many changed actors and ties, a whole copy costs less. */
#define MAX_COPY_CHANGES 20000

struct _MwTileWorker
{
  GMutex        lock;
  GCond         cond;
  GThread      *thread;
  gboolean      quit;
  gboolean      hold;       /* tests: a drawn job waits before it is done */
  GQueue        queue;      /* MwTileJob*, not started, in order */
  MwTileJob    *measure;    /* (nullable) a view's level of detail to measure, before any tile */
  MwTileJob    *running;
  GPtrArray    *done;       /* MwTileJob*, drawn, not yet taken */
  GMainContext *context;    /* the UI thread's */
  GSourceFunc   ready;
  gpointer      user_data;
  GSource      *ready_source; /* (nullable) a notice on its way */
  /* the UI thread's while idle, the worker's while a job runs */
  MwNetwork    *source;     /* what the copy is of, followed while it is */
  guint64       generation; /* the source's, when the copy was brought up to date */
  gboolean      changed;    /* the source changed in more than positions since */
  gboolean      stale;      /* ... in a way the ids below cannot tell: copy it whole */
  GHashTable   *actor_ids;  /* GRefString ids of the actors added, changed or removed since */
  GHashTable   *tie_ids;    /* the same for ties (owned strings) */
  GArray       *actor_slots; /* guint: slots the source or the copy wrote since they matched */
  GArray       *tie_slots;
  guint64       announced;  /* the source's generation at its last change signal */
  GArray       *moved;      /* guint: indices of the actors moved since */
  MwNetwork    *copy;
  MwNetwork    *offered;    /* (nullable) a copy of offered_of made elsewhere, for the first twin */
  MwNetwork    *offered_of;
  MwRenderer   *twin;
  gboolean      twin_fresh; /* its boundaries are still to be computed */
};

void
_mw_tile_job_free (MwTileJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->view.selected_actors, g_hash_table_unref);
  g_clear_pointer (&job->view.selected_ties, g_hash_table_unref);
  g_clear_pointer (&job->view.highlighted_actors, g_hash_table_unref);
  g_clear_pointer (&job->view.highlighted_ties, g_hash_table_unref);
  g_clear_pointer (&job->surface, cairo_surface_destroy);
  g_free (job);
}

static void
draw_job (MwRenderer *twin,
          MwTileJob  *job)
{
  double scale = job->view.scale > 0 ? job->view.scale : 1;
  cairo_t *cr;

  if (job->lod_only)
    {
      _mw_renderer_measure_lod (twin, &job->view, &job->lod);
      return;
    }
  job->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->size, job->size);
  cairo_surface_set_device_scale (job->surface, scale, scale);
  cr = cairo_create (job->surface);
  _mw_renderer_draw_with_lod (twin, cr, &job->view, &job->lod);
  cairo_destroy (cr);
  cairo_surface_flush (job->surface);
}

static gboolean
ready_dispatch (gpointer data)
{
  MwTileWorker *worker = data;
  GSource *source;

  g_mutex_lock (&worker->lock);
  source = g_steal_pointer (&worker->ready_source);
  g_mutex_unlock (&worker->lock);
  g_source_unref (source);
  worker->ready (worker->user_data);
  return G_SOURCE_REMOVE;
}

/* Tells the UI thread that a job is done; with the lock held. */
static void
notify_ready (MwTileWorker *worker)
{
  if (worker->ready == NULL || worker->ready_source != NULL)
    return;
  worker->ready_source = g_idle_source_new ();
  g_source_set_priority (worker->ready_source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (worker->ready_source, ready_dispatch, worker, NULL);
  g_source_set_static_name (worker->ready_source, "[meshwork] tile drawn");
  g_source_attach (worker->ready_source, worker->context);
}

static gpointer
worker_main (gpointer data)
{
  MwTileWorker *worker = data;   /* freed only after the thread is joined */

  g_mutex_lock (&worker->lock);
  while (!worker->quit)
    {
      MwRenderer *twin = worker->twin;
      gboolean fresh;
      MwTileJob *job;

      if ((g_queue_is_empty (&worker->queue) && worker->measure == NULL) || twin == NULL)
        {
          g_cond_wait (&worker->cond, &worker->lock);
          continue;
        }
      job = worker->running = worker->measure != NULL ? g_steal_pointer (&worker->measure) :
                                                          g_queue_pop_head (&worker->queue);
      fresh = worker->twin_fresh;
      worker->twin_fresh = FALSE;
      g_mutex_unlock (&worker->lock);
      if (fresh)
        _mw_renderer_compute_groups (twin);
      draw_job (twin, job);
      g_mutex_lock (&worker->lock);
      while (worker->hold && !worker->quit)
        g_cond_wait (&worker->cond, &worker->lock);
      worker->running = NULL;
      g_ptr_array_add (worker->done, job);
      notify_ready (worker);
      g_cond_broadcast (&worker->cond);
    }
  g_mutex_unlock (&worker->lock);
  return NULL;
}

static void
forget_changes (MwTileWorker *worker)
{
  worker->changed = FALSE;
  worker->stale = FALSE;
  g_array_set_size (worker->moved, 0);
  g_hash_table_remove_all (worker->actor_ids);
  g_hash_table_remove_all (worker->tie_ids);
  g_array_set_size (worker->actor_slots, 0);
  g_array_set_size (worker->tie_slots, 0);
}

/* Notes by id what @change touched, for mw_network_copy_update(); moves
 * too, since an edit after them may shift the indices they were noted by. */
static void
note_ids (MwTileWorker *worker,
          MwChange     *change)
{
  if (worker->stale)
    return;
  switch (change->kind)
    {
    case MW_CHANGE_ACTOR_CHANGED:
      if (change->fields & MW_FIELD_ID)
        {
          worker->stale = TRUE;
          break;
        }
      G_GNUC_FALLTHROUGH;
    case MW_CHANGE_ACTOR_ADDED:
    case MW_CHANGE_ACTOR_REMOVED:
      if (!g_hash_table_contains (worker->actor_ids, change->actor->id))
        g_hash_table_add (worker->actor_ids, g_ref_string_acquire (change->actor->id));
      break;
    case MW_CHANGE_TIE_ADDED:
    case MW_CHANGE_TIE_REMOVED:
    case MW_CHANGE_TIE_CHANGED:
      if (!g_hash_table_contains (worker->tie_ids, change->tie->id))
        g_hash_table_add (worker->tie_ids, g_strdup (change->tie->id));
      break;
    case MW_CHANGE_NETWORK_CHANGED:
    case MW_CHANGE_BATCH:
    default:
      worker->stale = TRUE;
      break;
    }
  if (g_hash_table_size (worker->actor_ids) + g_hash_table_size (worker->tie_ids) > MAX_COPY_CHANGES ||
      worker->actor_slots->len + worker->tie_slots->len > 4 * MAX_COPY_CHANGES)
    worker->stale = TRUE;
  if (worker->stale)
    {
      g_hash_table_remove_all (worker->actor_ids);
      g_hash_table_remove_all (worker->tie_ids);
      g_array_set_size (worker->actor_slots, 0);
      g_array_set_size (worker->tie_slots, 0);
    }
  else
    mw_network_order_note_change (change, worker->actor_slots, worker->tie_slots);
}

/* What changed in the source since the copy was brought up to date: moves
 * alone are copied actor by actor, other edits by the ids that changed. */
static void
source_changed_cb (MwTileWorker *worker,
                   MwChange     *change)
{
  worker->announced = mw_network_get_generation (worker->source);
  if (change->kind == MW_CHANGE_ACTOR_CHANGED && (change->fields & ~MW_FIELD_POSITION) == 0)
    g_array_append_val (worker->moved, change->actor->index);
  else
    worker->changed = TRUE;
  note_ids (worker, change);
}

static void
follow_source (MwTileWorker *worker,
               MwNetwork    *source)
{
  if (worker->source == source)
    return;
  if (worker->source != NULL)
    g_signal_handlers_disconnect_by_data (worker->source, worker);
  g_set_object (&worker->source, source);
  if (source != NULL)
    g_signal_connect_swapped (source, "changed", G_CALLBACK (source_changed_cb), worker);
}

/**
 * _mw_tile_worker_new:
 * @ready: called on the calling thread's main context after jobs are done
 *
 * Returns: (transfer full): a worker; its thread starts at once and waits
 */
MwTileWorker *
_mw_tile_worker_new (GSourceFunc ready,
                     gpointer    user_data)
{
  MwTileWorker *worker = g_new0 (MwTileWorker, 1);

  g_mutex_init (&worker->lock);
  g_cond_init (&worker->cond);
  g_queue_init (&worker->queue);
  worker->done = g_ptr_array_new_with_free_func ((GDestroyNotify)_mw_tile_job_free);
  worker->moved = g_array_new (FALSE, FALSE, sizeof (guint));
  worker->actor_ids = g_hash_table_new_full (g_str_hash, g_str_equal,
                                             (GDestroyNotify)g_ref_string_release, NULL);
  worker->tie_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  worker->actor_slots = g_array_new (FALSE, FALSE, sizeof (guint));
  worker->tie_slots = g_array_new (FALSE, FALSE, sizeof (guint));
  worker->context = g_main_context_ref_thread_default ();
  worker->ready = ready;
  worker->user_data = user_data;
  worker->thread = g_thread_new ("mw-render-tiles", worker_main, worker);
  return worker;
}

void
_mw_tile_worker_free (MwTileWorker *worker)
{
  if (worker == NULL)
    return;
  g_mutex_lock (&worker->lock);
  worker->quit = TRUE;
  g_cond_broadcast (&worker->cond);
  g_mutex_unlock (&worker->lock);
  /* waits for the job under way: a tile, tens of milliseconds at most */
  g_thread_join (worker->thread);
  if (worker->ready_source != NULL)
    {
      g_source_destroy (worker->ready_source);
      g_source_unref (worker->ready_source);
    }
  g_queue_clear_full (&worker->queue, (GDestroyNotify)_mw_tile_job_free);
  g_clear_pointer (&worker->measure, _mw_tile_job_free);
  g_ptr_array_unref (worker->done);
  follow_source (worker, NULL);
  g_array_unref (worker->moved);
  g_hash_table_unref (worker->actor_ids);
  g_hash_table_unref (worker->tie_ids);
  g_array_unref (worker->actor_slots);
  g_array_unref (worker->tie_slots);
  g_clear_object (&worker->twin);
  g_clear_object (&worker->copy);
  g_clear_object (&worker->offered);
  g_clear_object (&worker->offered_of);
  g_main_context_unref (worker->context);
  g_mutex_clear (&worker->lock);
  g_cond_clear (&worker->cond);
  g_free (worker);
}

/* Whether no job is queued or under way: the twin may change. */
gboolean
_mw_tile_worker_is_idle (MwTileWorker *worker)
{
  gboolean idle;

  g_mutex_lock (&worker->lock);
  idle = worker->running == NULL && worker->measure == NULL && g_queue_is_empty (&worker->queue);
  g_mutex_unlock (&worker->lock);
  return idle;
}

static void
copy_array (GArray **to,
            GArray  *from)
{
  g_clear_pointer (to, g_array_unref);
  *to = g_array_copy (from);
}

/* The twin's geometry: @renderer's, current, copied. */
static void
take_geometry (MwRenderer *twin,
               MwRenderer *renderer)
{
  MwRenderGeometry *to = &twin->geometry;
  const MwRenderGeometry *from = &renderer->geometry;
  GHashTableIter iter;
  gpointer key, value;

  copy_array (&to->actors, from->actors);
  copy_array (&to->lanes, from->lanes);
  copy_array (&to->bends, from->bends);
  copy_array (&to->detours, from->detours);
  copy_array (&to->routed, from->routed);
  copy_array (&to->labelled, from->labelled);
  copy_array (&to->ties, from->ties);
  g_hash_table_remove_all (to->org_colors);
  g_hash_table_iter_init (&iter, from->org_colors);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (to->org_colors, g_strdup (key), value);
  to->routes_valid = from->routes_valid;
  to->labels_valid = from->labels_valid;
  to->bounds = from->bounds;
  to->max_radius = from->max_radius;
  to->has_bounds = from->has_bounds;
  to->n_unplaced = from->n_unplaced;
  to->quick = from->quick;
  to->topology_valid = TRUE;
  to->topology_serial = from->topology_serial;
  to->serial = from->serial;
  /* the copy's generation is the network's: the twin never computes it again */
  to->generation = mw_network_get_generation (twin->network);
  to->valid = TRUE;
}

static gboolean
twin_matches (MwTileWorker *worker,
              MwRenderer   *renderer)
{
  MwRenderer *twin = worker->twin;

  return twin != NULL && worker->source == renderer->network &&
         worker->generation == mw_network_get_generation (renderer->network) &&
         twin->size_by == renderer->size_by && twin->text.scale == renderer->text.scale &&
         g_strcmp0 (twin->text.font, renderer->text.font) == 0;
}

/* Brings the copy and the twin up to date when only actors moved since:
 * their positions, then the geometry. Returns: whether that was so. */
static gboolean
update_moved (MwTileWorker *worker,
              MwRenderer   *renderer)
{
  MwNetwork *network = renderer->network;
  MwRenderer *twin = worker->twin;

  /* changes inside a batch not yet ended are not announced: copy everything */
  if (twin == NULL || worker->source != network || worker->changed ||
      worker->announced != mw_network_get_generation (network) ||
      mw_network_get_n_actors (worker->copy) != mw_network_get_n_actors (network) ||
      twin->size_by != renderer->size_by || twin->text.scale != renderer->text.scale ||
      g_strcmp0 (twin->text.font, renderer->text.font) != 0)
    return FALSE;
  for (guint k = 0; k < worker->moved->len; k++)
    {
      guint i = g_array_index (worker->moved, guint, k);
      const MwActor *from = mw_network_get_actor (network, i);
      MwActor *to = mw_network_get_actor (worker->copy, i);

      if (from->has_position)
        mw_network_set_actor_position (worker->copy, to, from->x, from->y);
      else
        mw_network_clear_actor_position (worker->copy, to);
    }
  forget_changes (worker);
  take_geometry (twin, renderer);
  worker->generation = mw_network_get_generation (network);
  g_mutex_lock (&worker->lock);
  worker->twin_fresh = TRUE;
  g_mutex_unlock (&worker->lock);
  return TRUE;
}

static void
copy_changed_cb (MwTileWorker *worker,
                 MwChange     *change)
{
  mw_network_order_note_change (change, worker->actor_slots, worker->tie_slots);
}

/* Brings the copy up to date after edits the ids noted tell, in the
 * source's order, without its twin (a new one is made on it: the old one
 * heard the copy change in another order). Only the slots either network
 * wrote are put back in order. Returns: whether it could. */
static gboolean
update_edited (MwTileWorker *worker,
               MwNetwork    *network)
{
  MwRenderer *old_twin;
  gulong handler;

  if (worker->copy == NULL || worker->source != network || worker->stale ||
      worker->announced != mw_network_get_generation (network))
    return FALSE;
  g_mutex_lock (&worker->lock);
  old_twin = g_steal_pointer (&worker->twin);
  g_mutex_unlock (&worker->lock);
  g_clear_object (&old_twin);
  handler = g_signal_connect_swapped (worker->copy, "changed", G_CALLBACK (copy_changed_cb), worker);
  mw_network_copy_update (worker->copy, network, worker->actor_ids, worker->tie_ids);
  g_signal_handler_disconnect (worker->copy, handler);
  mw_network_copy_match_order_at (worker->copy, network, worker->actor_slots, worker->tie_slots);
  return TRUE;
}

/**
 * _mw_tile_worker_offer_copy:
 * @source: the network @copy is of
 * @copy: (transfer full): mw_network_copy() of @source, made on another
 *   thread while nobody changed @source (the load's)
 *
 * The next twin made for @source draws on @copy instead of a copy made on
 * the UI thread (a quarter of a second at 100,000 actors), if @source has
 * not changed since @copy was made.
 */
void
_mw_tile_worker_offer_copy (MwTileWorker *worker,
                            MwNetwork    *source,
                            MwNetwork    *copy)
{
  g_clear_object (&worker->offered);
  g_set_object (&worker->offered_of, source);
  worker->offered = copy;
}

/* The copy offered for @network, if it is still @network as it is. */
static MwNetwork *
take_offered (MwTileWorker *worker,
              MwNetwork    *network)
{
  g_autoptr(MwNetwork) offered = g_steal_pointer (&worker->offered);
  g_autoptr(MwNetwork) of = g_steal_pointer (&worker->offered_of);

  if (offered == NULL || of != network ||
      mw_network_get_generation (offered) != mw_network_get_generation (network) ||
      mw_network_get_n_actors (offered) != mw_network_get_n_actors (network) ||
      mw_network_get_n_ties (offered) != mw_network_get_n_ties (network))
    return NULL;
  return g_steal_pointer (&offered);
}

/**
 * _mw_tile_worker_sync:
 * @renderer: the UI thread's renderer, whose pictures the twin's must be
 *
 * Makes the twin draw what @renderer draws: a new copy of its network and
 * its settings, when either changed. Only while the worker is idle.
 *
 * Returns: whether the twin matches @renderer (jobs may be queued)
 */
gboolean
_mw_tile_worker_sync (MwTileWorker *worker,
                      MwRenderer   *renderer)
{
  MwRenderer *twin, *old_twin;
  MwNetwork *copy, *old_copy = NULL;

  if (twin_matches (worker, renderer))
    return TRUE;
  if (!_mw_tile_worker_is_idle (worker))
    return FALSE;
  _mw_renderer_ensure_geometry (renderer);
  if (update_moved (worker, renderer))
    return TRUE;

  if (update_edited (worker, renderer->network))
    copy = g_object_ref (worker->copy);
  else if ((copy = take_offered (worker, renderer->network)) == NULL)
    copy = mw_network_copy (renderer->network);   /* the whole network again, in the same order */
  twin = mw_renderer_new (copy);
  _mw_renderer_set_n_threads (twin, 1);
  _mw_render_text_use_own_font_map (&twin->text);
  mw_renderer_set_size_by (twin, renderer->size_by);
  mw_renderer_set_font (twin, renderer->text.font);
  mw_renderer_set_text_scale (twin, renderer->text.scale);
  take_geometry (twin, renderer);
  _mw_renderer_overview_copy_to (renderer, twin);

  follow_source (worker, renderer->network);
  worker->generation = mw_network_get_generation (renderer->network);
  forget_changes (worker);
  g_mutex_lock (&worker->lock);
  old_twin = g_steal_pointer (&worker->twin);
  old_copy = g_steal_pointer (&worker->copy);
  worker->copy = copy;
  worker->twin = twin;
  worker->twin_fresh = TRUE;
  g_mutex_unlock (&worker->lock);
  g_clear_object (&old_twin);
  g_clear_object (&old_copy);
  return TRUE;
}

/**
 * _mw_tile_worker_map_set:
 * @set: (nullable): actors or ties of @renderer's network (a view's set)
 * @ties: whether @set holds ties
 *
 * Returns: (transfer full) (nullable): the same actors or ties of the
 *   twin's copy, for the jobs' views; only while the twin matches
 */
GHashTable *
_mw_tile_worker_map_set (MwTileWorker *worker,
                         MwRenderer   *renderer,
                         GHashTable   *set,
                         gboolean      ties)
{
  MwNetwork *network = renderer->network;
  GHashTable *mapped;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (twin_matches (worker, renderer), NULL);

  if (set == NULL || g_hash_table_size (set) == 0)
    return NULL;
  mapped = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      /* a copy keeps the order: the same index is the same actor or tie */
      if (ties)
        {
          const MwTie *tie = key;

          if (tie->index < mw_network_get_n_ties (network) && mw_network_get_tie (network, tie->index) == tie)
            g_hash_table_add (mapped, mw_network_get_tie (worker->copy, tie->index));
        }
      else
        {
          const MwActor *actor = key;

          if (actor->index < mw_network_get_n_actors (network) &&
              mw_network_get_actor (network, actor->index) == actor)
            g_hash_table_add (mapped, mw_network_get_actor (worker->copy, actor->index));
        }
    }
  return mapped;
}

/* Replaces the jobs not yet started with @jobs (taken), in their order. */
void
_mw_tile_worker_queue (MwTileWorker *worker,
                       GPtrArray    *jobs)
{
  g_mutex_lock (&worker->lock);
  g_queue_clear_full (&worker->queue, (GDestroyNotify)_mw_tile_job_free);
  for (guint i = 0; jobs != NULL && i < jobs->len; i++)
    g_queue_push_tail (&worker->queue, g_ptr_array_index (jobs, i));
  if (jobs != NULL)
    {
      g_ptr_array_set_free_func (jobs, NULL);
      g_ptr_array_set_size (jobs, 0);
    }
  g_cond_broadcast (&worker->cond);
  g_mutex_unlock (&worker->lock);
}

/* Asks for a view's level of detail (@job's lod_only), before any tile;
 * it replaces one asked for before and not yet started. */
void
_mw_tile_worker_measure (MwTileWorker *worker,
                         MwTileJob    *job)
{
  g_mutex_lock (&worker->lock);
  g_clear_pointer (&worker->measure, _mw_tile_job_free);
  worker->measure = job;
  g_cond_broadcast (&worker->cond);
  g_mutex_unlock (&worker->lock);
}

/* Whether that tile is being drawn now: queueing it again would draw it twice. */
gboolean
_mw_tile_worker_is_running (MwTileWorker *worker,
                            guint64       epoch,
                            gint64        i,
                            gint64        j)
{
  gboolean running;

  g_mutex_lock (&worker->lock);
  running = worker->running != NULL && !worker->running->lod_only && worker->running->epoch == epoch &&
            worker->running->i == i && worker->running->j == j;
  g_mutex_unlock (&worker->lock);
  return running;
}

/* Returns: (transfer full): the jobs done since the last call */
GPtrArray *
_mw_tile_worker_take_done (MwTileWorker *worker)
{
  GPtrArray *done;

  g_mutex_lock (&worker->lock);
  done = worker->done;
  worker->done = g_ptr_array_new_with_free_func ((GDestroyNotify)_mw_tile_job_free);
  g_mutex_unlock (&worker->lock);
  return done;
}

/* Blocks until no job is queued or under way (tests, benchmarks). */
void
_mw_tile_worker_wait (MwTileWorker *worker)
{
  g_mutex_lock (&worker->lock);
  while (worker->running != NULL || worker->measure != NULL || !g_queue_is_empty (&worker->queue))
    g_cond_wait (&worker->cond, &worker->lock);
  g_mutex_unlock (&worker->lock);
}

/* Tests: while held, a drawn job stays under way instead of being done,
 * so that the network can change while a job is out. */
void
_mw_tile_worker_hold (MwTileWorker *worker,
                      gboolean      hold)
{
  g_mutex_lock (&worker->lock);
  worker->hold = hold;
  g_cond_broadcast (&worker->cond);
  g_mutex_unlock (&worker->lock);
}

/* Tests: the copy the twin draws, to tell a copy kept from a new one. */
MwNetwork *
_mw_tile_worker_peek_copy (MwTileWorker *worker)
{
  return worker->copy;
}

/* Tests: the renderer that draws the jobs, on the copy; only while idle. */
MwRenderer *
_mw_tile_worker_peek_twin (MwTileWorker *worker)
{
  return worker->twin;
}
