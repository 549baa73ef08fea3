/* mw-render-worker.c: the renderer's worker thread: bands of a job shared between two threads
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Owns MwRenderWorker: one persistent thread, started at the first job and
 * joined when the renderer goes. A job is cut into N_BANDS bands; the worker
 * and the calling thread take bands until none is left.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include "mw-renderer-private.h"

#define N_BANDS      6          /* rows of the masks, rasterised in any order */

void
_mw_render_worker_init (MwRenderWorker *worker)
{
  g_mutex_init (&worker->lock);
  g_cond_init (&worker->cond);
  worker->n_threads = MIN (g_get_num_processors (), 2);
}

void
_mw_render_worker_clear (MwRenderWorker *worker)
{
  if (worker->thread != NULL)
    {
      g_mutex_lock (&worker->lock);
      worker->quit = TRUE;
      g_cond_broadcast (&worker->cond);
      g_mutex_unlock (&worker->lock);
      g_thread_join (worker->thread);
      worker->thread = NULL;
    }
  g_mutex_clear (&worker->lock);
  g_cond_clear (&worker->cond);
}

/* Takes bands of the posted job until none is left; with the lock held. */
static void
take_bands (MwRenderer *self)
{
  while (self->worker.next_band < self->worker.n_bands)
    {
      int band = self->worker.next_band++, n_bands = self->worker.n_bands;

      g_mutex_unlock (&self->worker.lock);
      self->worker.job (self, band, n_bands);
      g_mutex_lock (&self->worker.lock);
      if (++self->worker.bands_done == n_bands)
        g_cond_broadcast (&self->worker.cond);
    }
}

static gpointer
worker_main (gpointer data)
{
  MwRenderer *self = data;   /* finalize joins the thread before it goes */

  g_mutex_lock (&self->worker.lock);
  while (!self->worker.quit)
    {
      if (self->worker.next_band < self->worker.n_bands)
        take_bands (self);
      else
        g_cond_wait (&self->worker.cond, &self->worker.lock);
    }
  g_mutex_unlock (&self->worker.lock);
  return NULL;
}

/* Hands bands of a job to the worker; _mw_renderer_finish_bands() helps
 * and waits. */
void
_mw_renderer_post_bands (MwRenderer *self,
                         MwBandJob   job)
{
  if (self->worker.thread == NULL)
    self->worker.thread = g_thread_new ("mw-render-bands", worker_main, self);
  g_mutex_lock (&self->worker.lock);
  self->worker.job = job;
  self->worker.n_bands = N_BANDS;
  self->worker.next_band = 0;
  self->worker.bands_done = 0;
  g_cond_broadcast (&self->worker.cond);
  g_mutex_unlock (&self->worker.lock);
}

/* Helps with the bands left of the posted job, then waits for the worker's. */
void
_mw_renderer_finish_bands (MwRenderer *self)
{
  g_mutex_lock (&self->worker.lock);
  take_bands (self);
  while (self->worker.bands_done < self->worker.n_bands)
    g_cond_wait (&self->worker.cond, &self->worker.lock);
  self->worker.n_bands = 0;
  self->worker.next_band = 0;
  g_mutex_unlock (&self->worker.lock);
}
