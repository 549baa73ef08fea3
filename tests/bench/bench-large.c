/* bench-large.c: large organisations — frames, a drag, rescoring, load and memory
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Issue 17's figures, printed, never asserted: an organisation generated as
 * tests/test-app-large.c does (four units on a grid, a reporting tree and
 * about five ties per person) is written as DOT, loaded the app's way and
 * timed beside `gc`; then the canvas's frame is drawn into a 1280×800 image
 * surface while panning and zooming at 5 %, 20 %, 50 % and 100 %, one actor
 * is dragged (per event a whole frame as before, then the picture of the
 * rest kept once and only the actor drawn over it, mw-render-drag.c), one
 * edit is re-scored by the app's MwScorer, and the
 * process's peak memory is read. Pans are timed as before issue 17 (no
 * reuse of the last frame's tie masks, no grid), with the masks reused,
 * and with the grid of actors and ties (mw-render-index.c). Sizes: MESHWORK_BENCH_LARGE="10000 100000"
 * by default; MESHWORK_BENCH_FRAMES_ONLY=1 stops after the frames,
 * MESHWORK_BENCH_ZOOM=0.5 draws at that zoom only and MESHWORK_BENCH_PAN_ONLY=1
 * pans only (for perf).
 *
 * Then the same pans and zooms as the canvas draws them past 2,000 actors
 * (mw-render-tiles.c, mw-canvas-tiles.c): missing 256 px tiles queued for
 * the tiles' worker thread, those it has drawn taken, then every tile
 * composited onto the window's surface, one frame every 16.7 ms as the
 * display asks for them; with the time until a view of empty tiles, an
 * area a jump uncovers and a settled zoom are all sharp. The UI thread's
 * own CPU time is what the target is about; the worker's counts apart.
 * MESHWORK_BENCH_TILES_ONLY=1 skips the frames drawn without tiles;
 * MESHWORK_BENCH_TILES_SYNC=1 draws the tiles on the UI thread within 8 ms
 * a frame, as before the worker.
 * MESHWORK_BENCH_DRAG_ONLY=1 times only the drag.
 */

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <glib/gstdio.h>

#include "mw-dot.h"
#include "mw-history.h"
#include "mw-renderer.h"
#include "mw-renderer-private.h"
#include "mw-render-drag.h"
#include "mw-render-tile-worker.h"
#include "mw-render-tiles.h"
#include "mw-scorer.h"
#include "mw-test-networks.h"

#define WIDTH 1280
#define HEIGHT 800
#define FRAMES 40

/* CPU time of every frame, both threads: on a machine shared with other
 * work the wall clock also counts the time the threads wait for a core. */
static GArray *frame_cpu;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Wall-clock p50/p95/max, then the CPU time's p50/p95 of the same frames. */
static void
print_times (const char *what,
             GArray     *times)
{
  g_array_sort (times, compare_doubles);
  g_array_sort (frame_cpu, compare_doubles);
  g_print ("  %-40s p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  (CPU p50 %6.2f p95 %6.2f)\n", what,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, (guint)(times->len * 0.95)),
           g_array_index (times, double, times->len - 1),
           g_array_index (frame_cpu, double, frame_cpu->len / 2),
           g_array_index (frame_cpu, double, (guint)(frame_cpu->len * 0.95)));
  g_array_set_size (frame_cpu, 0);
}

/* One frame as MwCanvas draws it: a fresh cairo context on its surface. */
static double
draw_frame (MwRenderer      *renderer,
            cairo_surface_t *surface,
            const MwView    *view)
{
  double start = now_ms (), cpu = cpu_ms ();
  cairo_t *cr = cairo_create (surface);

  mw_renderer_draw (renderer, cr, view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cpu = cpu_ms () - cpu;
  g_array_append_val (frame_cpu, cpu);
  return now_ms () - start;
}

/* The view fitted to the network, then zoomed to @zoom at its middle. */
static void
view_at (MwRenderer *renderer,
         MwView     *view,
         double      zoom)
{
  MwRect bounds;

  mw_view_init (view, WIDTH, HEIGHT);
  mw_renderer_get_bounds (renderer, &bounds);
  mw_view_fit (view, &bounds, 48);
  mw_view_zoom_at (view, zoom / view->zoom, WIDTH / 2.0, HEIGHT / 2.0);
}

/* A pan of FRAMES frames; @reuse FALSE forgets the last frame's tie masks
 * before each one, as every frame did before issue 17, and @grid FALSE
 * reads every actor and tie each frame, as before the grid. */
static void
bench_pan (MwRenderer *renderer,
           double      zoom,
           gboolean    reuse,
           gboolean    grid)
{
  g_autoptr(GArray) pan = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autofree char *what = g_strdup_printf ("pan at %g%%%s%s, per frame", zoom * 100,
                                           reuse ? "" : ", no reuse", grid ? "" : ", no grid");
  MwView view;

  renderer->index.off = !grid;
  view_at (renderer, &view, zoom);
  draw_frame (renderer, surface, &view);   /* warm caches, as the first frame did */
  g_array_set_size (frame_cpu, 0);
  for (guint frame = 0; frame < FRAMES; frame++)
    {
      double t;

      /* a drag of the background: ~20 px per frame */
      view.offset_x += 16 / view.zoom;
      view.offset_y += 10 / view.zoom;
      if (!reuse)
        renderer->masks.last_valid = FALSE;
      t = draw_frame (renderer, surface, &view);
      g_array_append_val (pan, t);
    }
  print_times (what, pan);
  renderer->index.off = FALSE;
  cairo_surface_destroy (surface);
}

static void
bench_pan_zoom (MwRenderer *renderer,
                double      zoom)
{
  g_autoptr(GArray) zooms = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autofree char *zoom_what = g_strdup_printf ("zoom around %g%%, per frame", zoom * 100);
  MwView view;

  bench_pan (renderer, zoom, FALSE, FALSE);
  bench_pan (renderer, zoom, TRUE, FALSE);
  bench_pan (renderer, zoom, TRUE, TRUE);
  if (g_getenv ("MESHWORK_BENCH_PAN_ONLY") != NULL)
    {
      cairo_surface_destroy (surface);
      return;
    }
  view_at (renderer, &view, zoom);
  for (guint frame = 0; frame < FRAMES; frame++)
    {
      /* a smooth zoom: in for half the frames, then out again */
      double step = frame < FRAMES / 2 ? 1.02 : 1 / 1.02, t;

      mw_view_zoom_at (&view, step, WIDTH / 2.0, HEIGHT / 2.0);
      t = draw_frame (renderer, surface, &view);
      g_array_append_val (zooms, t);
    }
  print_times (zoom_what, zooms);
  cairo_surface_destroy (surface);
}

/* The UI thread's own CPU time: the tiles' worker counts apart. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

#define TILE_SIZE   256
#define TILE_BUDGET 8000   /* µs, as mw-canvas-tiles.c */
#define FRAME_MS    (1000.0 / 60)

/* When the next frame is due: frames come at the display's rate, and the
 * worker draws meanwhile. */
static double next_frame;

static void
wait_for_frame (void)
{
  double now = now_ms ();

  if (next_frame > now)
    g_usleep ((gulong)((next_frame - now) * 1000));
  next_frame = MAX (next_frame, now) + FRAME_MS;
}

/* One frame as MwCanvas draws a big network: tiles taken and queued (or
 * drawn within the budget without the worker), then all of them
 * composited. Returns: the wall time. */
static double
tiled_frame (MwRenderTiles   *tiles,
             cairo_surface_t *surface,
             const MwView    *view,
             gboolean         settled,
             gboolean        *complete,
             GArray          *ui_cpu)
{
  double start, cpu, ui;
  cairo_t *cr;
  gboolean done;

  wait_for_frame ();
  start = now_ms ();
  cpu = cpu_ms ();
  ui = thread_cpu_ms ();
  cr = cairo_create (surface);
  done = mw_render_tiles_update (tiles, view, settled, TILE_BUDGET);

  mw_render_tiles_paint (tiles, cr, view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cpu = cpu_ms () - cpu;
  ui = thread_cpu_ms () - ui;
  g_array_append_val (frame_cpu, cpu);
  if (ui_cpu != NULL)
    g_array_append_val (ui_cpu, ui);
  if (complete != NULL)
    *complete = done;
  return now_ms () - start;
}

/* Frames until every tile of the view is there and sharp: wall ms. */
static double
until_sharp (MwRenderTiles   *tiles,
             cairo_surface_t *surface,
             const MwView    *view,
             guint           *n_frames)
{
  double start = now_ms ();
  gboolean complete = FALSE;

  *n_frames = 0;
  while (!complete)
    {
      tiled_frame (tiles, surface, view, TRUE, &complete, NULL);
      (*n_frames)++;
    }
  g_array_set_size (frame_cpu, 0);
  return now_ms () - start;
}

static void
print_tiled (const char *what,
             GArray     *times,
             GArray     *ui_cpu,
             guint       n_incomplete)
{
  g_array_sort (ui_cpu, compare_doubles);
  print_times (what, times);
  g_print ("  %-40s UI thread CPU p50 %6.2f p95 %6.2f ms, %u of %u frames missing tiles\n", "",
           g_array_index (ui_cpu, double, ui_cpu->len / 2),
           g_array_index (ui_cpu, double, (guint)(ui_cpu->len * 0.95)), n_incomplete, ui_cpu->len);
  g_array_set_size (ui_cpu, 0);
}

static void
bench_tiles (MwRenderer *renderer,
             double      zoom)
{
  g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE_SIZE);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ui_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  g_autofree char *pan_what = g_strdup_printf ("tiles: pan at %g%%, per frame", zoom * 100);
  g_autofree char *zoom_what = g_strdup_printf ("tiles: zoom around %g%%, per frame", zoom * 100);
  guint n_frames, incomplete = 0, pan_drawn;
  double t, pan_cpu, pan_ui;
  MwView view;

  mw_render_tiles_set_threaded (tiles, g_getenv ("MESHWORK_BENCH_TILES_SYNC") == NULL);
  view_at (renderer, &view, zoom);
  /* on whole device pixels, as the canvas's pans are */
  view.offset_x = round (view.offset_x * view.zoom) / view.zoom;
  view.offset_y = round (view.offset_y * view.zoom) / view.zoom;
  t = until_sharp (tiles, surface, &view, &n_frames);
  g_print ("  %-40s %7.1f ms in %u frames (%u tiles)\n", "tiles: a whole view sharp from none", t,
           n_frames, mw_render_tiles_get_n_drawn (tiles));

  pan_cpu = cpu_ms ();
  pan_ui = thread_cpu_ms ();
  pan_drawn = mw_render_tiles_get_n_drawn (tiles);
  for (guint frame = 0; frame < FRAMES; frame++)
    {
      gboolean complete;

      view.offset_x += 16 / view.zoom;
      view.offset_y += 10 / view.zoom;
      t = tiled_frame (tiles, surface, &view, TRUE, &complete, ui_cpu);
      incomplete += !complete;
      g_array_append_val (times, t);
    }
  mw_render_tiles_wait (tiles);
  pan_cpu = cpu_ms () - pan_cpu - (thread_cpu_ms () - pan_ui);
  tiled_frame (tiles, surface, &view, TRUE, NULL, NULL);
  pan_drawn = mw_render_tiles_get_n_drawn (tiles) - pan_drawn;
  print_tiled (pan_what, times, ui_cpu, incomplete);
  g_print ("  %-40s %u tiles, %.1f ms CPU a tile besides the UI thread's\n", "", pan_drawn,
           pan_drawn > 0 ? pan_cpu / pan_drawn : 0.0);

  /* a jump of half a view: what it uncovers, until sharp */
  until_sharp (tiles, surface, &view, &n_frames);
  view.offset_x += WIDTH / 2.0 / view.zoom;
  t = until_sharp (tiles, surface, &view, &n_frames);
  g_print ("  %-40s %7.1f ms in %u frames\n", "tiles: half a view uncovered, sharp after", t, n_frames);

  if (g_getenv ("MESHWORK_BENCH_PAN_ONLY") == NULL)
    {
      incomplete = 0;
      g_array_set_size (times, 0);
      for (guint frame = 0; frame < FRAMES; frame++)
        {
          double step = frame < FRAMES / 2 ? 1.02 : 1 / 1.02;
          gboolean complete;

          mw_view_zoom_at (&view, step, WIDTH / 2.0, HEIGHT / 2.0);
          t = tiled_frame (tiles, surface, &view, FALSE, &complete, ui_cpu);
          incomplete += !complete;
          g_array_append_val (times, t);
        }
      print_tiled (zoom_what, times, ui_cpu, incomplete);
      mw_view_zoom_at (&view, 1.1, WIDTH / 2.0, HEIGHT / 2.0);
      t = until_sharp (tiles, surface, &view, &n_frames);
      g_print ("  %-40s %7.1f ms in %u frames\n", "tiles: zoom settled, sharp after", t, n_frames);
    }
  g_print ("  %-40s %u\n", "tiles drawn", mw_render_tiles_get_n_drawn (tiles));
  cairo_surface_destroy (surface);
}

/* What the UI thread pays after an edit before the worker can draw tiles
 * of the edited network: the renderer's own geometry brought up to date,
 * then the worker's copy and twin (_mw_tile_worker_sync). */
static void
time_sync (MwTileWorker *worker,
           MwRenderer   *renderer,
           const char   *what)
{
  double ui = thread_cpu_ms (), geometry;

  _mw_renderer_ensure_geometry (renderer);
  geometry = thread_cpu_ms () - ui;
  ui = thread_cpu_ms ();
  if (!_mw_tile_worker_sync (worker, renderer))
    g_error ("the tile worker is not idle");
  g_print ("  %-40s %7.1f ms UI thread CPU (the renderer's geometry before: %.1f ms)\n", what,
           thread_cpu_ms () - ui, geometry);
}

/* A whole copy (the first time, and after a batch), then the copy brought
 * up to date with what one edit changed. The network ends as it began,
 * but for the order of its ties. */
static void
bench_tiles_copy (MwNetwork  *network,
                  MwRenderer *renderer)
{
  double start = now_ms (), ui = thread_cpu_ms ();
  g_autoptr(MwNetwork) copy = mw_network_copy (network);
  MwTileWorker *worker = _mw_tile_worker_new (NULL, NULL);
  MwActor *first = mw_network_get_actor (network, 0), *actor;
  MwTie *tie;

  g_print ("  %-40s %7.1f ms (UI thread CPU %.1f ms)\n", "tiles: network copied for the worker",
           now_ms () - start, thread_cpu_ms () - ui);
  g_clear_object (&copy);

  time_sync (worker, renderer, "tiles: worker sync, first (whole copy)");
  tie = mw_network_add_tie (network, first, mw_network_get_actor (network, 1), MW_TIE_COLLABORATES, 1, NULL);
  time_sync (worker, renderer, "tiles: worker sync, one tie added");
  mw_network_remove_tie (network, tie);
  time_sync (worker, renderer, "tiles: worker sync, one tie removed");
  actor = mw_network_add_actor (network, "bench-newcomer", NULL, MW_ACTOR_PERSON, NULL);
  mw_network_set_actor_position (network, actor, first->x + 5, first->y + 5);
  for (guint i = 1; i <= 5; i++)
    mw_network_add_tie (network, actor, mw_network_get_actor (network, i), MW_TIE_REPORTS, 1, NULL);
  time_sync (worker, renderer, "tiles: worker sync, actor + 5 ties added");
  mw_network_remove_actor (network, actor);
  time_sync (worker, renderer, "tiles: worker sync, actor+5 ties removed");
  _mw_tile_worker_free (worker);
}

/* Of two frames, how many pixels differ by more than 24 of 255 in a
 * channel (as test-app-canvas counts them), and how many at all. */
static guint
count_differing (cairo_surface_t *a,
                 cairo_surface_t *b,
                 guint           *n_any)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  *n_any = 0;
  for (int y = 0; y < HEIGHT; y++)
    for (int x = 0; x < WIDTH; x++)
      {
        const guchar *p = pa + y * stride + 4 * x, *q = pb + y * stride + 4 * x;
        gboolean far = FALSE;

        for (int c = 0; c < 4; c++)
          far = far || ABS (p[c] - q[c]) > 24;
        n += far;
        *n_any += memcmp (p, q, 4) != 0;
      }
  return n;
}

/* A drag of one selected actor at 100 %, as MwCanvas did it before (one
 * edit, one setter and one whole frame per event) and as it does past
 * MW_ROUTE_MAX_ACTORS now (mw-render-drag.c): the view without the actor
 * drawn once, then per event the boundaries, that picture composited over
 * them, as GTK composites its texture, and only the actor, its ties and
 * label drawn over it; on
 * release one setter and one whole frame, whose pixels are compared with
 * the last event's. */
static void
bench_drag (MwNetwork  *network,
            MwRenderer *renderer)
{
  g_autoptr(MwHistory) history = mw_history_new (network);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) setter_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) geometry_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) dragged = g_ptr_array_new ();
  g_autoptr(MwRenderDrag) drag = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_surface_t *released = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_surface_t *background;
  MwActor *actor = mw_network_get_actor (network, mw_network_get_n_actors (network) / 2);
  /* the whole frame per event costs seconds at 100,000: fewer events */
  guint n_before = mw_network_get_n_actors (network) > 50000 ? 10 : FRAMES;
  double x = actor->x, y = actor->y, start, cpu;
  guint n_far, n_any;
  MwEdit *edit;
  MwView view;

  view_at (renderer, &view, 1);
  /* centred on the actor dragged, which is selected as the canvas's is */
  view.offset_x = x - WIDTH / 2.0;
  view.offset_y = y - HEIGHT / 2.0;
  g_hash_table_add (selected, actor);
  view.selected_actors = selected;
  draw_frame (renderer, surface, &view);
  g_array_set_size (frame_cpu, 0);

  edit = mw_history_begin (history, "Move Actor");
  for (guint event = 0; event < n_before; event++)
    {
      double t, geometry;

      start = now_ms ();
      cpu = cpu_ms ();
      mw_edit_move_actor (edit, actor, x + event * 3, y + event * 2);
      cpu = cpu_ms () - cpu;
      /* who costs what: the setter and its signals, the renderer's
       * geometry after the move, then the frame */
      geometry = cpu_ms ();
      _mw_renderer_get_look_serial (renderer);
      geometry = cpu_ms () - geometry;
      g_array_append_val (setter_cpu, cpu);
      g_array_append_val (geometry_cpu, geometry);
      t = now_ms () - start + draw_frame (renderer, surface, &view);
      /* the model's part counts in the event's CPU time too */
      g_array_index (frame_cpu, double, frame_cpu->len - 1) += cpu + geometry;
      g_array_append_val (times, t);
    }
  mw_history_cancel (history, edit);
  print_times ("drag before: model + frame per event", times);
  g_array_sort (setter_cpu, compare_doubles);
  g_array_sort (geometry_cpu, compare_doubles);
  g_print ("  %-40s setter CPU p50 %.2f ms, geometry CPU p50 %.2f ms (the rest is the frame)\n",
           "  of which", g_array_index (setter_cpu, double, n_before / 2),
           g_array_index (geometry_cpu, double, n_before / 2));
  g_array_set_size (times, 0);
  /* the geometry after the cancel, as the canvas has it when a drag begins */
  draw_frame (renderer, surface, &view);
  g_array_set_size (frame_cpu, 0);

  /* the drag begins: the rest drawn once */
  g_ptr_array_add (dragged, actor);
  start = now_ms ();
  cpu = cpu_ms ();
  drag = mw_render_drag_new (renderer, dragged);
  background = mw_render_drag_get_background (drag, &view, NULL);
  g_print ("  %-40s %7.1f ms (CPU %.1f ms)\n", "drag start: the rest drawn once", now_ms () - start,
           cpu_ms () - cpu);
  for (guint event = 0; event < FRAMES; event++)
    {
      cairo_t *cr;

      start = now_ms ();
      cpu = cpu_ms ();
      cr = cairo_create (surface);
      mw_render_drag_draw_under (drag, cr, &view, event * 3, event * 2);
      cairo_set_source_surface (cr, background, 0, 0);
      cairo_paint (cr);
      mw_render_drag_draw_moving (drag, cr, &view, event * 3, event * 2);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      cpu = cpu_ms () - cpu;
      g_array_append_val (frame_cpu, cpu);
      start = now_ms () - start;
      g_array_append_val (times, start);
    }
  print_times ("drag now: picture + actor per event", times);

  /* the release: the network changes once, and the next frame is whole */
  start = now_ms ();
  cpu = cpu_ms ();
  g_clear_pointer (&drag, mw_render_drag_free);
  edit = mw_history_begin (history, "Move Actor");
  mw_edit_move_actor (edit, actor, x + (FRAMES - 1) * 3, y + (FRAMES - 1) * 2);
  mw_history_commit (history, edit);
  draw_frame (renderer, released, &view);
  g_print ("  %-40s %7.1f ms (CPU %.1f ms)\n", "drag release: one edit + whole frame", now_ms () - start,
           cpu_ms () - cpu);
  n_far = count_differing (surface, released, &n_any);
  g_print ("  %-40s %7u of %u (%u by any amount)\n", "pixels: last event vs frame after", n_far,
           WIDTH * HEIGHT, n_any);
  g_array_set_size (frame_cpu, 0);
  cairo_surface_destroy (released);
  cairo_surface_destroy (surface);
}

static void
scores_cb (MwScorer   *scorer,
           GParamSpec *pspec,
           gboolean   *done)
{
  if (!mw_scorer_get_busy (scorer))
    *done = TRUE;
}

static void
busy_cb (MwScorer   *scorer,
         GParamSpec *pspec,
         gboolean   *done)
{
  scores_cb (scorer, pspec, done);
}

static void
wait_scored (MwScorer *scorer,
             gboolean *done)
{
  GMainContext *context = g_main_context_default ();

  while (!*done)
    g_main_context_iteration (context, TRUE);
}

/* An edit (one new tie) until the app's scorer has new scores. */
static void
bench_rescore (MwNetwork *network)
{
  g_autoptr(MwScorer) scorer = mw_scorer_new (network);
  guint n = mw_network_get_n_actors (network);
  gboolean done = FALSE;
  double start;

  g_signal_connect (scorer, "notify::scores", G_CALLBACK (scores_cb), &done);
  g_signal_connect (scorer, "notify::busy", G_CALLBACK (busy_cb), &done);
  start = now_ms ();
  mw_scorer_rescore (scorer);
  wait_scored (scorer, &done);
  g_print ("  %-40s %7.0f ms\n", "first scores (threaded past 5,000)", now_ms () - start);

  done = FALSE;
  start = now_ms ();
  mw_network_add_tie (network, mw_network_get_actor (network, 1), mw_network_get_actor (network, n - 2),
                      MW_TIE_COLLABORATES, 1, NULL);
  wait_scored (scorer, &done);
  g_print ("  %-40s %7.0f ms\n", "edit re-scored (tie added → new scores)", now_ms () - start);
}

/* Load time of the app's path (cgraph parse + Meshwork's model) beside
 * `gc`, which only parses; the best of a few runs each. */
static MwNetwork *
bench_load (const char *path)
{
  g_autoptr(MwNetwork) network = NULL;
  const char *argv[] = { "gc", path, NULL };
  double best_app = G_MAXDOUBLE, best_gc = G_MAXDOUBLE;
  gboolean have_gc = g_find_program_in_path ("gc") != NULL;

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(GError) error = NULL;
      double start = now_ms ();

      g_clear_object (&network);
      network = mw_dot_load_file (path, NULL, &error);
      g_assert_no_error (error);
      best_app = MIN (best_app, now_ms () - start);

      if (have_gc)
        {
          start = now_ms ();
          g_spawn_sync (NULL, (char **)argv, NULL,
                        G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                        NULL, NULL, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
          best_gc = MIN (best_gc, now_ms () - start);
        }
    }
  g_print ("  %-40s %7.0f ms\n", "load (mw_dot_load_file)", best_app);
  if (have_gc)
    g_print ("  %-40s %7.0f ms  (app %.2f× gc)\n", "gc (child process)", best_gc, best_app / best_gc);
  return g_steal_pointer (&network);
}

/* The process's peak resident memory (VmHWM). */
static double
peak_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;
}

static void
bench_size (guint n_actors)
{
  g_autofree char *path = mw_test_write_large_organisation (n_actors);
  g_autoptr(MwNetwork) network = NULL;
  g_autoptr(MwRenderer) renderer = NULL;
  static const double zooms[] = { 0.05, 0.2, 0.5, 1.0 };
  const char *zoom_env = g_getenv ("MESHWORK_BENCH_ZOOM");
  double only_zoom = zoom_env != NULL ? g_ascii_strtod (zoom_env, NULL) : 0;
  gboolean drag_only = g_getenv ("MESHWORK_BENCH_DRAG_ONLY") != NULL;
  double start;

  network = bench_load (path);
  g_print ("%u actors, %u ties:\n", mw_network_get_n_actors (network), mw_network_get_n_ties (network));

  renderer = mw_renderer_new (network);
  start = now_ms ();
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
    MwView view;

    view_at (renderer, &view, 0.05);
    draw_frame (renderer, surface, &view);
    cairo_surface_destroy (surface);
  }
  g_print ("  %-40s %7.0f ms\n", "first frame (geometry, map)", now_ms () - start);
  g_array_set_size (frame_cpu, 0);
  for (guint i = 0; i < G_N_ELEMENTS (zooms) && !drag_only; i++)
    if ((only_zoom == 0 || only_zoom == zooms[i]) && g_getenv ("MESHWORK_BENCH_TILES_ONLY") == NULL)
      bench_pan_zoom (renderer, zooms[i]);
  if (!drag_only)
    bench_tiles_copy (network, renderer);
  for (guint i = 0; i < G_N_ELEMENTS (zooms) && !drag_only; i++)
    if (only_zoom == 0 || only_zoom == zooms[i])
      bench_tiles (renderer, zooms[i]);
  if (g_getenv ("MESHWORK_BENCH_FRAMES_ONLY") == NULL)
    {
      bench_drag (network, renderer);
      if (!drag_only)
        bench_rescore (network);
    }
  g_print ("  %-40s %7.0f MiB (target ≤ 1536 at 100,000)\n", "peak memory of this process so far",
           peak_mib ());
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  const char *sizes = g_getenv ("MESHWORK_BENCH_LARGE");
  g_auto(GStrv) list = g_strsplit (sizes != NULL ? sizes : "10000 100000", " ", -1);

  frame_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_print ("load average at start: %s", "");
  {
    g_autofree char *load = NULL;

    if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
      g_print ("%s", load);
  }

  for (guint i = 0; list[i] != NULL; i++)
    if (*list[i] != '\0')
      bench_size ((guint)g_ascii_strtoull (list[i], NULL, 10));
  return 0;
}
