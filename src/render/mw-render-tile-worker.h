/* mw-render-tile-worker.h: tiles drawn on a thread of their own, by a renderer of their own
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-renderer-private.h"

G_BEGIN_DECLS

/* Private to mw-render-tiles.c, which calls it from the UI thread only.
 *
 * The worker draws with a twin: a renderer of its own on a copy of the
 * network, taken on the UI thread while no job runs. So a job never reads
 * what the UI thread writes (the network, the canvas's renderer and its
 * frame scratch), and an edit made meanwhile cannot tear what it reads:
 * the twin is brought up to date only once the worker is idle again. */

typedef struct _MwTileWorker MwTileWorker;

/* A tile to draw: what it is for, then (once done) its pixels. */
typedef struct
{
  guint64          epoch;     /* the tiles' count of what drops them: an old one is ignored */
  gint64           i, j;
  MwView           view;      /* the tile's; the sets are the twin's own actors and ties */
  MwRenderLod      lod;
  int              size;      /* device pixels a side */
  gboolean         lod_only;  /* measure the level of detail of view (a whole view's) into lod */
  cairo_surface_t *surface;   /* (nullable) until drawn */
} MwTileJob;

MwTileWorker *_mw_tile_worker_new        (GSourceFunc      ready,
                                          gpointer         user_data);
void          _mw_tile_worker_free       (MwTileWorker    *worker);
gboolean      _mw_tile_worker_is_idle    (MwTileWorker    *worker);
gboolean      _mw_tile_worker_sync       (MwTileWorker    *worker,
                                          MwRenderer      *renderer);
void          _mw_tile_worker_offer_copy (MwTileWorker    *worker,
                                          MwNetwork       *source,
                                          MwNetwork       *copy);
GHashTable   *_mw_tile_worker_map_set    (MwTileWorker    *worker,
                                          MwRenderer      *renderer,
                                          GHashTable      *set,
                                          gboolean         ties);
void          _mw_tile_worker_queue      (MwTileWorker    *worker,
                                          GPtrArray       *jobs);
void          _mw_tile_worker_measure    (MwTileWorker    *worker,
                                          MwTileJob       *job);
gboolean      _mw_tile_worker_is_running (MwTileWorker    *worker,
                                          guint64          epoch,
                                          gint64           i,
                                          gint64           j);
GPtrArray    *_mw_tile_worker_take_done  (MwTileWorker    *worker);
void          _mw_tile_worker_wait       (MwTileWorker    *worker);
void          _mw_tile_worker_hold       (MwTileWorker    *worker,
                                          gboolean         hold);
MwNetwork    *_mw_tile_worker_peek_copy  (MwTileWorker    *worker);
MwRenderer   *_mw_tile_worker_peek_twin  (MwTileWorker    *worker);
void          _mw_tile_job_free          (MwTileJob       *job);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwTileJob, _mw_tile_job_free)

G_END_DECLS
