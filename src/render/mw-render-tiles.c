/* mw-render-tiles.c: a view drawn in cached tiles, for pans and zooms of big networks
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A frame of 100,000 actors costs the renderer ~100 ms; a pan of a few
 * pixels shows almost the same picture. So the view is cut into squares of
 * device pixels on a grid fixed in the model at one zoom (a level), each
 * square drawn once by mw_renderer_draw() with the view moved onto it, and
 * a frame only composites them. The grid's squares start at whole device
 * pixels of the level, so lines and stamps continue across their seams as
 * in one frame. Each tile is drawn with the whole view's level of detail
 * (MwRenderLod): a tile alone would count fewer actors in sight and show
 * labels the view does not.
 *
 * The tiles are drawn on a worker thread (mw-render-tile-worker.c) by a
 * renderer of its own on a copy of the network: a frame only queues the
 * missing tiles, nearest the middle of the view first and then a ring
 * round the view (the way the last pan went first), takes the tiles the
 * worker has finished and says whether some are still missing. Each job
 * carries the tiles' epoch, counted up by whatever drops the tiles (an
 * edit, the look, the emphasis, a new zoom): a job of an older epoch is
 * thrown away, so an edit made while a tile is drawn never shows the tile.
 * Without the worker (mw_render_tiles_set_threaded()) the tiles are drawn
 * on the calling thread by the renderer itself, within a time budget.
 *
 * A view that would show none (the first frame, after an edit) is drawn as
 * one frame on the calling thread, the way it is without tiles, and shows
 * under the tiles until they are all there: never a background where the
 * network was.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>

#include "mw-render-tiles.h"
#include "mw-render-tile-worker.h"
#include "mw-renderer-private.h"

#define MAX_TILES 160   /* of one level: ~40 MiB at 256 px, five views of 1280×800 */

typedef struct
{
  double      zoom;     /* 0: no tiles yet */
  double      phase_x;  /* where the grid starts in the level's device pixels: */
  double      phase_y;  /* the first view's fraction of a pixel, so pans by whole pixels match it */
  GHashTable *tiles;    /* packed (i, j) → cairo_surface_t* */
} Level;

/* Everything but the zoom and the offset that a tile's pixels depend on. */
typedef struct
{
  guint64     look;
  guint64     generation;
  guint64     emphasis;
  double      scale;
  gboolean    dark;
  gboolean    high_contrast;
  gboolean    dim_others;
  gboolean    transparent;
  MwLabelMode labels;
} State;

struct _MwRenderTiles
{
  MwRenderer *renderer;
  MwNetwork  *offered;    /* (nullable) a copy of the renderer's network for the worker's first twin */
  int         size;       /* device pixels a side */
  guint64     emphasis;   /* the caller's count of selection and highlight changes */
  gboolean    have_state;
  State       state;
  gboolean    have_lod;
  MwRenderLod lod;
  double      lod_zoom;   /* where the level of detail was measured: zoom and */
  gint64      lod_i;      /* the tile at the view's top-left */
  gint64      lod_j;
  gboolean    lod_wanted; /* a pan moved the view onto another tile: the worker measures … */
  gboolean    lod_pending; /* … (asked for) … */
  gint64      want_i;     /* … where it is now */
  gint64      want_j;
  MwView      want_view;
  Level       current;
  Level       backdrop;   /* the last zoom's, under the current until it is complete */
  cairo_surface_t *whole; /* (nullable) one frame of a whole view, under both … */
  MwView      whole_view; /* … of this view, while the tiles are drawn */
  guint       n_drawn;
  /* drawing on the worker */
  gboolean    threaded;
  gboolean    prefetch;   /* the ring round the view too, once the view's are there */
  MwTileWorker *worker;   /* (nullable) until the first tile */
  guint64     epoch;      /* counts what dropped the current level's tiles */
  guint64     sets_epoch; /* the epoch the jobs' sets were mapped for */
  GHashTable *sets[4];    /* (nullable) the view's sets, the twin's actors and ties */
  double      last_x;     /* the view's offset at the last update, … */
  double      last_y;
  double      pan_x;      /* … and the way it last moved, in model points */
  double      pan_y;
  GSourceFunc ready;
  gpointer    ready_data;
  gboolean    waiting;    /* the last update missed tiles of the view: a finished job is news */
};

static gint64
tile_key (gint64 i,
          gint64 j)
{
  return (gint64)(((guint64)(guint32)i << 32) | (guint32)j);
}

static void
level_init (Level *level)
{
  level->zoom = 0;
  level->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify)cairo_surface_destroy);
}

/* A level at @view's zoom, its grid on @view's fraction of a device pixel. */
static void
level_start (Level        *level,
             const MwView *view)
{
  double k = view->zoom * (view->scale > 0 ? view->scale : 1);

  level->zoom = view->zoom;
  level->phase_x = view->offset_x * k - floor (view->offset_x * k);
  level->phase_y = view->offset_y * k - floor (view->offset_y * k);
}

static void
level_clear (Level *level)
{
  level->zoom = 0;
  g_hash_table_remove_all (level->tiles);
}

static gboolean
worker_ready (gpointer user_data)
{
  MwRenderTiles *tiles = user_data;

  /* the ring round a complete view changes nothing on screen: no frame for it */
  if (tiles->ready != NULL && (tiles->waiting || tiles->lod_pending))
    tiles->ready (tiles->ready_data);
  return G_SOURCE_REMOVE;
}

/* The worker, made when first needed, with the copy offered for its twin. */
static void
ensure_worker (MwRenderTiles *tiles)
{
  if (tiles->worker != NULL)
    return;
  tiles->worker = _mw_tile_worker_new (worker_ready, tiles);
  if (tiles->offered != NULL)
    _mw_tile_worker_offer_copy (tiles->worker, tiles->renderer->network, g_steal_pointer (&tiles->offered));
}

/**
 * mw_render_tiles_offer_copy:
 * @copy: (transfer full): a copy of the renderer's network as it is now
 *   (mw_network_copy(), made on another thread, e.g. by the load)
 *
 * Spares the UI thread the copy the worker's twin draws on: the worker
 * takes @copy instead of copying the network, if the network has not
 * changed since.
 */
void
mw_render_tiles_offer_copy (MwRenderTiles *tiles,
                            MwNetwork     *copy)
{
  g_return_if_fail (tiles != NULL);
  g_return_if_fail (MW_IS_NETWORK (copy));

  if (tiles->worker != NULL)
    _mw_tile_worker_offer_copy (tiles->worker, tiles->renderer->network, copy);
  else
    {
      g_clear_object (&tiles->offered);
      tiles->offered = copy;
    }
}

static void
clear_sets (MwRenderTiles *tiles)
{
  for (guint k = 0; k < G_N_ELEMENTS (tiles->sets); k++)
    g_clear_pointer (&tiles->sets[k], g_hash_table_unref);
  tiles->sets_epoch = G_MAXUINT64;
}

/**
 * mw_render_tiles_new:
 * @renderer: draws the tiles; a reference is kept
 * @tile_size: device pixels a side
 *
 * Returns: (transfer full): an empty cache
 */
MwRenderTiles *
mw_render_tiles_new (MwRenderer *renderer,
                     int         tile_size)
{
  MwRenderTiles *tiles;

  g_return_val_if_fail (MW_IS_RENDERER (renderer), NULL);
  g_return_val_if_fail (tile_size >= 16, NULL);

  tiles = g_new0 (MwRenderTiles, 1);
  tiles->renderer = g_object_ref (renderer);
  tiles->size = tile_size;
  tiles->threaded = TRUE;
  tiles->prefetch = TRUE;
  tiles->sets_epoch = G_MAXUINT64;
  level_init (&tiles->current);
  level_init (&tiles->backdrop);
  return tiles;
}

void
mw_render_tiles_free (MwRenderTiles *tiles)
{
  if (tiles == NULL)
    return;
  /* first: its thread draws with the renderer's twin, not the renderer */
  g_clear_pointer (&tiles->worker, _mw_tile_worker_free);
  g_clear_object (&tiles->offered);
  clear_sets (tiles);
  g_hash_table_unref (tiles->current.tiles);
  g_hash_table_unref (tiles->backdrop.tiles);
  g_clear_pointer (&tiles->whole, cairo_surface_destroy);
  g_object_unref (tiles->renderer);
  g_free (tiles);
}

/* Everything is drawn again, e.g. after an edit or a change of theme. */
void
mw_render_tiles_drop_all (MwRenderTiles *tiles)
{
  g_return_if_fail (tiles != NULL);
  level_clear (&tiles->current);
  level_clear (&tiles->backdrop);
  g_clear_pointer (&tiles->whole, cairo_surface_destroy);
  tiles->have_lod = FALSE;
  tiles->lod_wanted = FALSE;
  tiles->lod_pending = FALSE;
  tiles->epoch++;
}

/* The selection, the highlight and the marks are in the tiles: the caller
 * counts their changes, and a new count draws the tiles again. */
void
mw_render_tiles_set_emphasis_serial (MwRenderTiles *tiles,
                                     guint64        serial)
{
  g_return_if_fail (tiles != NULL);
  tiles->emphasis = serial;
}

/**
 * mw_render_tiles_set_threaded:
 * @threaded: %TRUE (the default) to draw the tiles on a worker thread;
 *   %FALSE to draw them with the renderer on the calling thread, within
 *   the budget of each update (tests and benchmarks compare the two)
 */
void
mw_render_tiles_set_threaded (MwRenderTiles *tiles,
                              gboolean       threaded)
{
  g_return_if_fail (tiles != NULL);
  if (tiles->threaded == !!threaded)
    return;
  g_clear_pointer (&tiles->worker, _mw_tile_worker_free);
  clear_sets (tiles);
  tiles->threaded = !!threaded;
  mw_render_tiles_drop_all (tiles);
}

/* Whether the worker, once the view's tiles are there, draws the ring of
 * tiles round the view too (the default), for the next pan. */
void
mw_render_tiles_set_prefetch (MwRenderTiles *tiles,
                              gboolean       prefetch)
{
  g_return_if_fail (tiles != NULL);
  tiles->prefetch = !!prefetch;
}

/**
 * mw_render_tiles_set_ready_func:
 * @ready: (nullable): called on the main context of the thread that made
 *   @tiles when the worker has drawn tiles; its return value is ignored
 *
 * The canvas asks for a frame then, which takes them.
 */
void
mw_render_tiles_set_ready_func (MwRenderTiles *tiles,
                                GSourceFunc    ready,
                                gpointer       user_data)
{
  g_return_if_fail (tiles != NULL);
  tiles->ready = ready;
  tiles->ready_data = user_data;
}

/* Blocks until the worker has drawn every tile queued (tests, benchmarks);
 * the next update takes them. */
void
mw_render_tiles_wait (MwRenderTiles *tiles)
{
  g_return_if_fail (tiles != NULL);
  if (tiles->worker != NULL)
    _mw_tile_worker_wait (tiles->worker);
}

/* Tests: while held, the worker keeps the tile it has drawn as under way
 * instead of handing it over, so that an edit can come meanwhile. */
void
mw_render_tiles_hold_worker (MwRenderTiles *tiles,
                             gboolean       hold)
{
  g_return_if_fail (tiles != NULL);
  ensure_worker (tiles);
  _mw_tile_worker_hold (tiles->worker, hold);
}

/* How many tiles have been drawn since the cache was made. */
guint
mw_render_tiles_get_n_drawn (MwRenderTiles *tiles)
{
  g_return_val_if_fail (tiles != NULL, 0);
  return tiles->n_drawn;
}

static double
view_scale (const MwView *view)
{
  return view->scale > 0 ? view->scale : 1;
}

/* The tiles of @level that @view shows, as a range of tile indices. */
static void
visible_range (MwRenderTiles *tiles,
               const Level   *level,
               const MwView  *view,
               gint64        *i0,
               gint64        *j0,
               gint64        *i1,
               gint64        *j1)
{
  double k = level->zoom * view_scale (view);
  double x0 = view->offset_x * k - level->phase_x, y0 = view->offset_y * k - level->phase_y;
  double x1 = (view->offset_x + view->width / view->zoom) * k - level->phase_x;
  double y1 = (view->offset_y + view->height / view->zoom) * k - level->phase_y;

  /* a hair inside, so that a view ending on a seam needs no tile past it */
  *i0 = (gint64)floor ((x0 + 0.01) / tiles->size);
  *j0 = (gint64)floor ((y0 + 0.01) / tiles->size);
  *i1 = (gint64)floor ((x1 - 0.01) / tiles->size);
  *j1 = (gint64)floor ((y1 - 0.01) / tiles->size);
}

static void
state_of (MwRenderTiles *tiles,
          const MwView  *view,
          State         *state)
{
  state->look = _mw_renderer_get_look_serial (tiles->renderer);
  state->generation = mw_network_get_generation (mw_renderer_get_network (tiles->renderer));
  state->emphasis = tiles->emphasis;
  state->scale = view_scale (view);
  state->dark = view->dark;
  state->high_contrast = view->high_contrast;
  state->dim_others = view->dim_others;
  state->transparent = view->transparent;
  state->labels = view->labels;
}

static gboolean
state_equal (const State *a,
             const State *b)
{
  return a->look == b->look && a->generation == b->generation && a->emphasis == b->emphasis && a->scale == b->scale &&
         a->dark == b->dark && a->high_contrast == b->high_contrast &&
         a->dim_others == b->dim_others && a->transparent == b->transparent && a->labels == b->labels;
}

/* The level of detail measured with the view's top-left on tile (i, j);
 * tiles of another level of detail are dropped. */
static void
set_lod (MwRenderTiles     *tiles,
         const MwRenderLod *lod,
         double             zoom,
         gint64             i,
         gint64             j)
{
  tiles->lod_zoom = zoom;
  tiles->lod_i = i;
  tiles->lod_j = j;
  /* labels show at most for AUTO_LABEL_MAX actors; only that side matters */
  if (tiles->have_lod && (lod->dense != tiles->lod.dense || (lod->n_visible <= 2000) != (tiles->lod.n_visible <= 2000)))
    {
      g_hash_table_remove_all (tiles->current.tiles);
      tiles->epoch++;
    }
  tiles->lod = *lod;
  tiles->have_lod = TRUE;
}

/* The view's level of detail, measured again when the view has moved onto
 * another tile or zoomed. After a pan the worker measures it (tens of
 * milliseconds at 100,000 actors) while the tiles keep the last one; a
 * zoom (or the first view) measures it at once. */
static void
update_lod (MwRenderTiles *tiles,
            const MwView  *view)
{
  double k = view->zoom * view_scale (view);
  gint64 i = (gint64)floor (view->offset_x * k / tiles->size);
  gint64 j = (gint64)floor (view->offset_y * k / tiles->size);
  MwRenderLod lod;

  if (tiles->have_lod && tiles->lod_zoom == view->zoom && tiles->lod_i == i && tiles->lod_j == j)
    {
      tiles->lod_wanted = FALSE;
      return;
    }
  if (tiles->threaded && tiles->have_lod && tiles->lod_zoom == view->zoom)
    {
      if (!(tiles->lod_pending || tiles->lod_wanted) || tiles->want_i != i || tiles->want_j != j)
        {
          tiles->lod_wanted = TRUE;
          tiles->lod_pending = FALSE;
          tiles->want_i = i;
          tiles->want_j = j;
          tiles->want_view = *view;
        }
      return;
    }
  tiles->lod_wanted = FALSE;
  tiles->lod_pending = FALSE;
  _mw_renderer_measure_lod (tiles->renderer, view, &lod);
  set_lod (tiles, &lod, view->zoom, i, j);
}

/* @view moved onto tile (i, j) of @level. */
static void
tile_view (MwRenderTiles *tiles,
           const Level   *level,
           const MwView  *view,
           gint64         i,
           gint64         j,
           MwView        *tile)
{
  double scale = view_scale (view), k = level->zoom * scale;

  *tile = *view;
  tile->zoom = level->zoom;
  tile->offset_x = ((double)i * tiles->size + level->phase_x) / k;
  tile->offset_y = ((double)j * tiles->size + level->phase_y) / k;
  tile->width = tiles->size / scale;
  tile->height = tiles->size / scale;
  tile->raster = TRUE;
}

static cairo_surface_t *
draw_tile (MwRenderTiles *tiles,
           const Level   *level,
           const MwView  *view,
           gint64         i,
           gint64         j)
{
  double scale = view_scale (view);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, tiles->size, tiles->size);
  MwView tile;
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  tile_view (tiles, level, view, i, j, &tile);
  cr = cairo_create (surface);
  _mw_renderer_draw_with_lod (tiles->renderer, cr, &tile, &tiles->lod);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  tiles->n_drawn++;
  return surface;
}

/* Keeps the level within MAX_TILES, dropping those farthest from the view. */
static void
evict (MwRenderTiles *tiles,
       Level         *level,
       gint64         ci,
       gint64         cj)
{
  while (g_hash_table_size (level->tiles) > MAX_TILES)
    {
      GHashTableIter iter;
      gpointer key;
      gint64 far_key = 0, far = -1;

      g_hash_table_iter_init (&iter, level->tiles);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          gint64 packed = *(gint64 *)key;
          gint64 i = (gint32)((guint64)packed >> 32), j = (gint32)(packed & 0xffffffff);
          gint64 d = MAX (ABS (i - ci), ABS (j - cj));

          if (d > far)
            {
              far = d;
              far_key = packed;
            }
        }
      g_hash_table_remove (level->tiles, &far_key);
    }
}

/* Draws the missing tiles of the current level, nearest the middle first,
 * until the budget is spent (at least one). Returns: whether none is missing. */
static gboolean
fill_level (MwRenderTiles *tiles,
            Level         *level,
            const MwView  *view,
            gint64         budget_us)
{
  gint64 start = g_get_monotonic_time ();
  gint64 i0, j0, i1, j1, ci, cj, radius;
  gboolean drawn = FALSE;

  visible_range (tiles, level, view, &i0, &j0, &i1, &j1);
  ci = (i0 + i1) / 2;
  cj = (j0 + j1) / 2;
  radius = MAX (MAX (ci - i0, i1 - ci), MAX (cj - j0, j1 - cj));
  /* rings round the middle tile, outwards */
  for (gint64 r = 0; r <= radius; r++)
    for (gint64 j = MAX (cj - r, j0); j <= MIN (cj + r, j1); j++)
      for (gint64 i = MAX (ci - r, i0); i <= MIN (ci + r, i1); i++)
        {
          gint64 key = tile_key (i, j);

          if (MAX (ABS (i - ci), ABS (j - cj)) != r || g_hash_table_contains (level->tiles, &key))
            continue;
          if (drawn && g_get_monotonic_time () - start >= budget_us)
            return FALSE;
          g_hash_table_insert (level->tiles, g_memdup2 (&key, sizeof key), draw_tile (tiles, level, view, i, j));
          drawn = TRUE;
        }
  evict (tiles, level, ci, cj);
  return TRUE;
}

/* Takes the tiles the worker has drawn; those of an older epoch (the
 * network, the look, the emphasis or the zoom changed since) go. */
static void
take_done (MwRenderTiles *tiles)
{
  g_autoptr(GPtrArray) done = NULL;

  if (tiles->worker == NULL)
    return;
  done = _mw_tile_worker_take_done (tiles->worker);
  for (guint k = 0; k < done->len; k++)
    {
      MwTileJob *job = g_ptr_array_index (done, k);
      gint64 key = tile_key (job->i, job->j);

      if (job->lod_only)
        {
          if (job->epoch == tiles->epoch && tiles->lod_pending && job->view.zoom == tiles->lod_zoom &&
              job->i == tiles->want_i && job->j == tiles->want_j)
            {
              tiles->lod_pending = FALSE;
              set_lod (tiles, &job->lod, job->view.zoom, job->i, job->j);
            }
          continue;
        }
      if (job->epoch != tiles->epoch || job->view.zoom != tiles->current.zoom ||
          g_hash_table_contains (tiles->current.tiles, &key))
        continue;
      g_hash_table_insert (tiles->current.tiles, g_memdup2 (&key, sizeof key), g_steal_pointer (&job->surface));
      tiles->n_drawn++;
    }
}

/* The view's selection and highlight as the twin's actors and ties, once
 * an epoch (a change of emphasis is a new epoch). */
static void
map_sets (MwRenderTiles *tiles,
          const MwView  *view)
{
  GHashTable *sets[4] = { view->selected_actors, view->selected_ties,
                          view->highlighted_actors, view->highlighted_ties };

  if (tiles->sets_epoch == tiles->epoch)
    return;
  clear_sets (tiles);
  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    tiles->sets[k] = _mw_tile_worker_map_set (tiles->worker, tiles->renderer, sets[k], k % 2 == 1);
  tiles->sets_epoch = tiles->epoch;
}

static MwTileJob *
new_job (MwRenderTiles *tiles,
         const Level   *level,
         const MwView  *view,
         gint64         i,
         gint64         j)
{
  MwTileJob *job = g_new0 (MwTileJob, 1);
  GHashTable **sets[4] = { &job->view.selected_actors, &job->view.selected_ties,
                           &job->view.highlighted_actors, &job->view.highlighted_ties };

  job->epoch = tiles->epoch;
  job->i = i;
  job->j = j;
  job->lod = tiles->lod;
  job->size = tiles->size;
  tile_view (tiles, level, view, i, j, &job->view);
  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    *sets[k] = tiles->sets[k] != NULL ? g_hash_table_ref (tiles->sets[k]) : NULL;
  return job;
}

/* The worker measures the level of detail where the view is now. */
static void
ask_lod (MwRenderTiles *tiles)
{
  MwTileJob *job = g_new0 (MwTileJob, 1);
  GHashTable **sets[4] = { &job->view.selected_actors, &job->view.selected_ties,
                           &job->view.highlighted_actors, &job->view.highlighted_ties };

  job->lod_only = TRUE;
  job->epoch = tiles->epoch;
  job->i = tiles->want_i;
  job->j = tiles->want_j;
  job->view = tiles->want_view;
  for (guint k = 0; k < G_N_ELEMENTS (sets); k++)
    *sets[k] = tiles->sets[k] != NULL ? g_hash_table_ref (tiles->sets[k]) : NULL;
  _mw_tile_worker_measure (tiles->worker, job);
  tiles->lod_wanted = FALSE;
  tiles->lod_pending = TRUE;
}

typedef struct
{
  gint64 i, j;
  double rank;
} Wanted;

static int
compare_wanted (gconstpointer a,
                gconstpointer b)
{
  const Wanted *x = a, *y = b;

  return (x->rank > y->rank) - (x->rank < y->rank);
}

/* Queues the tile unless it is there or being drawn.
 * Returns: whether it is missing */
static gboolean
want (MwRenderTiles *tiles,
      const Level   *level,
      const MwView  *view,
      gint64         i,
      gint64         j,
      GPtrArray     *jobs)
{
  gint64 key = tile_key (i, j);

  if (g_hash_table_contains (level->tiles, &key))
    return FALSE;
  if (!_mw_tile_worker_is_running (tiles->worker, tiles->epoch, i, j))
    g_ptr_array_add (jobs, new_job (tiles, level, view, i, j));
  return TRUE;
}

/* The ring of tiles round the view, the way the view last moved first,
 * while the level has room for it. */
static void
want_ring (MwRenderTiles *tiles,
           const Level   *level,
           const MwView  *view,
           gint64         i0,
           gint64         j0,
           gint64         i1,
           gint64         j1,
           GPtrArray     *jobs)
{
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (Wanted));
  double ci = (i0 + i1) / 2.0, cj = (j0 + j1) / 2.0;
  double length = hypot (tiles->pan_x, tiles->pan_y);

  if ((i1 - i0 + 3) * (j1 - j0 + 3) > MAX_TILES)
    return;
  for (gint64 j = j0 - 1; j <= j1 + 1; j++)
    for (gint64 i = i0 - 1; i <= i1 + 1; i++)
      {
        Wanted w = { i, j, 0 };
        double di = i - ci, dj = j - cj;

        if (i >= i0 && i <= i1 && j >= j0 && j <= j1)
          continue;
        /* ahead of the pan first, then the sides, behind it last */
        w.rank = length > 0 ? -(di * tiles->pan_x + dj * tiles->pan_y) / (length * hypot (di, dj)) : 0;
        g_array_append_val (ring, w);
      }
  g_array_sort (ring, compare_wanted);
  for (guint k = 0; k < ring->len; k++)
    want (tiles, level, view, g_array_index (ring, Wanted, k).i, g_array_index (ring, Wanted, k).j, jobs);
}

/* Queues the missing tiles of the current level for the worker, nearest
 * the middle first, then (when asked to) the ring round the view.
 * Returns: whether none the view shows is missing. */
static gboolean
queue_level (MwRenderTiles *tiles,
             Level         *level,
             const MwView  *view)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify)_mw_tile_job_free);
  gint64 i0, j0, i1, j1, ci, cj, radius;
  gboolean missing = FALSE;

  ensure_worker (tiles);
  /* an edit while a job is out: the twin catches up once it is done */
  if (!_mw_tile_worker_sync (tiles->worker, tiles->renderer))
    {
      _mw_tile_worker_queue (tiles->worker, NULL);   /* what is queued is of the old network */
      return FALSE;
    }
  map_sets (tiles, view);
  if (tiles->lod_wanted)
    ask_lod (tiles);

  visible_range (tiles, level, view, &i0, &j0, &i1, &j1);
  ci = (i0 + i1) / 2;
  cj = (j0 + j1) / 2;
  radius = MAX (MAX (ci - i0, i1 - ci), MAX (cj - j0, j1 - cj));
  for (gint64 r = 0; r <= radius; r++)
    for (gint64 j = MAX (cj - r, j0); j <= MIN (cj + r, j1); j++)
      for (gint64 i = MAX (ci - r, i0); i <= MIN (ci + r, i1); i++)
        if (MAX (ABS (i - ci), ABS (j - cj)) == r && want (tiles, level, view, i, j, jobs))
          missing = TRUE;
  evict (tiles, level, ci, cj);
  if (missing)
    {
      _mw_tile_worker_queue (tiles->worker, jobs);
      return FALSE;
    }
  if (tiles->prefetch)
    want_ring (tiles, level, view, i0, j0, i1, j1, jobs);
  _mw_tile_worker_queue (tiles->worker, jobs);
  return TRUE;
}

/* Whether any tile of @level is in @view. */
static gboolean
level_shows_any (MwRenderTiles *tiles,
                 const Level   *level,
                 const MwView  *view)
{
  gint64 i0, j0, i1, j1;

  if (level->zoom == 0 || g_hash_table_size (level->tiles) == 0)
    return FALSE;
  visible_range (tiles, level, view, &i0, &j0, &i1, &j1);
  for (gint64 j = j0; j <= j1; j++)
    for (gint64 i = i0; i <= i1; i++)
      {
        gint64 key = tile_key (i, j);

        if (g_hash_table_contains (level->tiles, &key))
          return TRUE;
      }
  return FALSE;
}

/* Whether the whole frame kept covers any of @view. */
static gboolean
whole_shows_any (MwRenderTiles *tiles,
                 const MwView  *view)
{
  const MwView *w = &tiles->whole_view;

  return tiles->whole != NULL &&
         w->offset_x < view->offset_x + view->width / view->zoom &&
         view->offset_x < w->offset_x + w->width / w->zoom &&
         w->offset_y < view->offset_y + view->height / view->zoom &&
         view->offset_y < w->offset_y + w->height / w->zoom;
}

/* One frame of the whole view, as without tiles: what a view that shows no
 * tile yet (the first frame, after an edit or a jump) shows at once,
 * costing one frame, while its tiles come in the next frames. */
static void
draw_whole (MwRenderTiles *tiles,
            const MwView  *view)
{
  double scale = view_scale (view);
  cairo_t *cr;

  g_clear_pointer (&tiles->whole, cairo_surface_destroy);
  tiles->whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (view->width * scale),
                                             (int)ceil (view->height * scale));
  cairo_surface_set_device_scale (tiles->whole, scale, scale);
  tiles->whole_view = *view;
  tiles->whole_view.raster = TRUE;
  cr = cairo_create (tiles->whole);
  mw_renderer_draw (tiles->renderer, cr, &tiles->whole_view);
  cairo_destroy (cr);
  cairo_surface_flush (tiles->whole);
}

/* Which way the view last moved: the ring round it is drawn that way first. */
static void
note_pan (MwRenderTiles *tiles,
          const MwView  *view)
{
  if (view->offset_x != tiles->last_x || view->offset_y != tiles->last_y)
    {
      tiles->pan_x = view->offset_x - tiles->last_x;
      tiles->pan_y = view->offset_y - tiles->last_y;
      tiles->last_x = view->offset_x;
      tiles->last_y = view->offset_y;
    }
}

static gboolean
update (MwRenderTiles *tiles,
        const MwView  *view,
        gboolean       settled,
        gint64         budget_us)
{
  State state;

  state_of (tiles, view, &state);
  if (!tiles->have_state || !state_equal (&state, &tiles->state))
    mw_render_tiles_drop_all (tiles);
  tiles->state = state;
  tiles->have_state = TRUE;

  if (tiles->current.zoom == 0)
    level_start (&tiles->current, view);
  else if (tiles->current.zoom != view->zoom && settled)
    {
      /* the current level goes underneath while the new zoom's is drawn */
      Level old = tiles->backdrop;

      tiles->backdrop = tiles->current;
      tiles->current = old;
      level_clear (&tiles->current);
      level_start (&tiles->current, view);
      tiles->epoch++;
    }
  take_done (tiles);
  note_pan (tiles, view);
  if (tiles->current.zoom == view->zoom)
    update_lod (tiles, view);
  else if (!tiles->have_lod)
    return FALSE;

  /* a view with nothing to show yet is drawn whole: half a picture would flicker */
  if (!level_shows_any (tiles, &tiles->current, view) && !level_shows_any (tiles, &tiles->backdrop, view) &&
      !whole_shows_any (tiles, view))
    {
      draw_whole (tiles, view);
      if (tiles->threaded)
        queue_level (tiles, &tiles->current, view);
      return FALSE;
    }
  if (tiles->threaded ? !queue_level (tiles, &tiles->current, view) :
                       !fill_level (tiles, &tiles->current, view, budget_us))
    return FALSE;
  if (tiles->current.zoom != view->zoom)
    return FALSE;
  level_clear (&tiles->backdrop);
  g_clear_pointer (&tiles->whole, cairo_surface_destroy);
  return TRUE;
}

/**
 * mw_render_tiles_update:
 * @view: the view to show
 * @settled: the zoom has stopped changing; %FALSE while a zoom is under
 *   way, when the tiles of the zoom before are scaled
 * @budget_us: without the worker, how long to draw missing tiles (at
 *   least one is drawn; none, but one frame of the whole view, when the
 *   view shows none yet)
 *
 * Drops what no longer matches the network, the look or the emphasis,
 * takes the tiles the worker has drawn and queues those the view shows
 * and still misses (or, without the worker, draws them). Once a queued
 * tile is drawn the ready function is called on this thread's main
 * context: update again then.
 *
 * Returns: whether the view's tiles are all there and sharp
 */
gboolean
mw_render_tiles_update (MwRenderTiles *tiles,
                        const MwView  *view,
                        gboolean       settled,
                        gint64         budget_us)
{
  g_return_val_if_fail (tiles != NULL, TRUE);
  g_return_val_if_fail (view != NULL && view->zoom > 0, TRUE);

  tiles->waiting = !update (tiles, view, settled, budget_us);
  return !tiles->waiting;
}

static void
place_level (MwRenderTiles   *tiles,
             const Level     *level,
             const MwView    *view,
             MwTilePlaceFunc  func,
             gpointer         user_data)
{
  double scale = view_scale (view), k = level->zoom * scale;
  gboolean sharp = level->zoom == view->zoom;
  gint64 i0, j0, i1, j1;

  if (level->zoom == 0)
    return;
  visible_range (tiles, level, view, &i0, &j0, &i1, &j1);
  for (gint64 j = j0; j <= j1; j++)
    for (gint64 i = i0; i <= i1; i++)
      {
        gint64 key = tile_key (i, j);
        cairo_surface_t *surface = g_hash_table_lookup (level->tiles, &key);

        if (surface == NULL)
          continue;
        if (sharp)
          /* at the tiles' zoom on whole device pixels: copied, never resampled */
          func (surface, round (i * tiles->size + level->phase_x - view->offset_x * k) / scale,
                round (j * tiles->size + level->phase_y - view->offset_y * k) / scale,
                tiles->size / scale, tiles->size / scale, TRUE, user_data);
        else
          func (surface, ((i * tiles->size + level->phase_x) / k - view->offset_x) * view->zoom,
                ((j * tiles->size + level->phase_y) / k - view->offset_y) * view->zoom,
                tiles->size / k * view->zoom, tiles->size / k * view->zoom, FALSE, user_data);
      }
}

static void
place_whole (MwRenderTiles   *tiles,
             const MwView    *view,
             MwTilePlaceFunc  func,
             gpointer         user_data)
{
  const MwView *w = &tiles->whole_view;
  double scale = view_scale (view), k = view->zoom * scale;

  if (w->zoom == view->zoom && w->scale == view->scale)
    func (tiles->whole, round ((w->offset_x - view->offset_x) * k) / scale,
          round ((w->offset_y - view->offset_y) * k) / scale, w->width, w->height, TRUE, user_data);
  else
    func (tiles->whole, (w->offset_x - view->offset_x) * view->zoom, (w->offset_y - view->offset_y) * view->zoom,
          w->width / w->zoom * view->zoom, w->height / w->zoom * view->zoom, FALSE, user_data);
}

/**
 * mw_render_tiles_foreach:
 * @func: called for each tile @view shows, those to go underneath first
 *
 * Where the tiles go. What no tile covers yet shows the background.
 */
void
mw_render_tiles_foreach (MwRenderTiles   *tiles,
                         const MwView    *view,
                         MwTilePlaceFunc  func,
                         gpointer         user_data)
{
  g_return_if_fail (tiles != NULL);
  g_return_if_fail (view != NULL && view->zoom > 0);

  if (tiles->whole != NULL)
    place_whole (tiles, view, func, user_data);
  place_level (tiles, &tiles->backdrop, view, func, user_data);
  place_level (tiles, &tiles->current, view, func, user_data);
}

static void
paint_tile (cairo_surface_t *surface,
            double           x,
            double           y,
            double           width,
            double           height,
            gboolean         sharp,
            gpointer         user_data)
{
  cairo_t *cr = user_data;
  double sx = 1, sy = 1;

  cairo_surface_get_device_scale (surface, &sx, &sy);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, width * sx / cairo_image_surface_get_width (surface),
               height * sy / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (cr, surface, 0, 0);
  if (sharp)
    cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_NEAREST);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * mw_render_tiles_paint:
 *
 * Composites the tiles @view shows onto @cr with cairo, over the
 * background: what the canvas shows (tests and benchmarks).
 */
void
mw_render_tiles_paint (MwRenderTiles *tiles,
                       cairo_t       *cr,
                       const MwView  *view)
{
  const MwTheme *theme;

  g_return_if_fail (tiles != NULL);
  g_return_if_fail (cr != NULL);

  theme = _mw_theme_get_for (view->dark, view->high_contrast);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, view->width, view->height);
  _mw_set_source (cr, &theme->background, 1);
  cairo_fill (cr);
  mw_render_tiles_foreach (tiles, view, paint_tile, cr);
  cairo_restore (cr);
  mw_render_tiles_draw_overlay (tiles, cr, view);
}

/**
 * mw_render_tiles_draw_overlay:
 * @cr: (nullable): where the view is composited, in view pixels; %NULL
 *   only asks
 *
 * Draws what the tiles leave out, once over the view: the key of the map
 * of organisations shown far out.
 *
 * Returns: whether there is such a thing to draw in @view
 */
gboolean
mw_render_tiles_draw_overlay (MwRenderTiles *tiles,
                              cairo_t       *cr,
                              const MwView  *view)
{
  g_return_val_if_fail (tiles != NULL, FALSE);
  g_return_val_if_fail (view != NULL && view->zoom > 0, FALSE);

  return _mw_renderer_draw_map_key (tiles->renderer, cr, view);
}

/* The colour under the tiles, where none is drawn yet. */
void
mw_render_tiles_get_background (const MwView *view,
                                MwColor      *color)
{
  g_return_if_fail (view != NULL && color != NULL);
  *color = _mw_theme_get_for (view->dark, view->high_contrast)->background;
}
