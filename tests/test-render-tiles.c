/* test-render-tiles.c: a view composited from tiles looks like one frame
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 17: the canvas shows big networks from cached tiles
 * (mw-render-tiles.c). The tiles of a view, composited, must be the
 * picture one mw_renderer_draw() of the view gives: lines continue across
 * the seams, labels and hairlines follow the whole view's level of detail.
 * An edit, a selection and a new zoom draw the tiles again; a pan draws
 * only those it uncovers. The tiles are drawn on a worker thread by a
 * renderer of its own: they are those the renderer draws itself, and an
 * edit made while a tile is drawn never shows the tile. After an edit the
 * worker's copy of the network is kept, brought up to date and put back in
 * the network's order, and its tiles stay those the renderer draws. */

#include <math.h>
#include <stdlib.h>

#include "mw-renderer.h"
#include "mw-renderer-private.h"
#include "mw-test-render.h"
#include "mw-render-tile-worker.h"
#include "mw-render-tiles.h"

#define TILE 128

/* Ties of every slope and length, many crossing the whole view; labelled
 * actors, so that labels cross seams too. */
static MwNetwork *
make_tangle (guint n_actors,
             guint n_ties)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  mw_network_begin_batch (network, "tangle");
  for (guint i = 0; i < n_actors; i++)
    {
      g_autofree char *id = g_strdup_printf ("Person %u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_position (network, actor, g_rand_double_range (rand, 0, 3000),
                                     g_rand_double_range (rand, 0, 2000));
    }
  for (guint t = 0; t < n_ties; t++)
    {
      guint a = g_rand_int_range (rand, 0, n_actors);
      guint b = (a + g_rand_int_range (rand, 1, n_actors)) % n_actors;

      mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                          g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

/* Four organisations of two units each, in the four quarters of the
 * drawing: far out, actors are specks and the canvas shows their map. */
static MwNetwork *
make_organisations (guint n_actors)
{
  g_autoptr(MwNetwork) network = make_tangle (n_actors, n_actors * 2);

  mw_network_begin_batch (network, "organisations");
  for (guint i = 0; i < n_actors; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      g_autofree char *org = g_strdup_printf ("Org %c", 'A' + (actor->x >= 1500) + 2 * (actor->y >= 1000));
      g_autofree char *unit = g_strdup_printf ("Unit %u", i % 2);

      mw_network_set_actor_org (network, actor, org);
      mw_network_set_actor_unit (network, actor, unit);
    }
  mw_network_end_batch (network);
  return g_steal_pointer (&network);
}

/* What the tiles show now. */
static cairo_surface_t *
paint_tiles (MwRenderTiles *tiles,
             const MwView  *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
  cairo_t *cr = cairo_create (surface);

  mw_render_tiles_paint (tiles, cr, view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Draws every missing tile (waiting for the worker), then composites them. */
static cairo_surface_t *
draw_tiled (MwRenderTiles *tiles,
            const MwView  *view)
{
  guint rounds = 0;

  while (!mw_render_tiles_update (tiles, view, TRUE, 0))
    {
      mw_render_tiles_wait (tiles);
      g_assert_cmpuint (++rounds, <, 1000);
    }
  return paint_tiles (tiles, view);
}

/* How many pixels differ by more than a level of antialiasing in any channel. */
static guint
n_different (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      for (int c = 0; c < 4; c++)
        if (abs (pa[y * stride + 4 * x + c] - pb[y * stride + 4 * x + c]) > 24)
          {
            n++;
            break;
          }
  return n;
}

/* … within @r pixels of (cx, cy). */
static guint
n_different_near (cairo_surface_t *a,
                  cairo_surface_t *b,
                  int              cx,
                  int              cy,
                  int              r)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  guint n = 0;

  for (int y = cy - r; y < cy + r; y++)
    for (int x = cx - r; x < cx + r; x++)
      for (int c = 0; c < 4; c++)
        if (abs (pa[y * stride + 4 * x + c] - pb[y * stride + 4 * x + c]) > 24)
          {
            n++;
            break;
          }
  return n;
}

/* The tiled picture of @view is the renderer's frame of it: at most a few
 * pixels of a thousand differ (antialiasing where a line is cut at a
 * seam). The same renderer: after an edit it routes and labels only what
 * moved, and a fresh one may place a label elsewhere. */
static void
assert_like_direct (MwRenderer    *renderer,
                    MwRenderTiles *tiles,
                    const MwView  *view)
{
  cairo_surface_t *tiled = draw_tiled (tiles, view);
  cairo_surface_t *direct = mw_test_draw_view (renderer, view);
  guint n = n_different (direct, tiled);

  if (n > view->width * view->height / 500)
    {
      cairo_surface_write_to_png (direct, "test-render-tiles-direct.png");
      cairo_surface_write_to_png (tiled, "test-render-tiles-tiled.png");
    }
  g_assert_cmpuint (n, <=, view->width * view->height / 500);
  cairo_surface_destroy (direct);
  cairo_surface_destroy (tiled);
}

/* A view whose offset falls on whole device pixels, as the canvas's pans do. */
static void
view_at (MwView *view,
         double  zoom,
         double  x,
         double  y)
{
  mw_view_init (view, 640, 400);
  view->zoom = zoom;
  view->offset_x = round (x * zoom) / zoom;
  view->offset_y = round (y * zoom) / zoom;
}

/* Dense hairlines at 60 %, stroked ties and labels at 150 %, the dark style. */
static void
test_tiles_like_direct (void)
{
  g_autoptr(MwNetwork) dense = make_tangle (1500, 6000);
  g_autoptr(MwNetwork) sparse = make_tangle (400, 500);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (dense);
  g_autoptr(MwRenderer) sparse_renderer = mw_renderer_new (sparse);
  g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE);
  g_autoptr(MwRenderTiles) sparse_tiles = mw_render_tiles_new (sparse_renderer, TILE);
  MwView view;

  view_at (&view, 0.6, 900, 600);
  assert_like_direct (renderer, tiles, &view);
  g_assert_cmpuint (mw_render_tiles_get_n_drawn (tiles), >=, 15);

  view_at (&view, 1.5, 1200, 800);
  view.dark = TRUE;
  assert_like_direct (sparse_renderer, sparse_tiles, &view);
}

/* Far out the map of organisations is drawn in view pixels: its discs
 * sized by the whole view, not by each tile, and its key once. */
static void
test_tiles_overview (void)
{
  g_autoptr(MwNetwork) network = make_organisations (800);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE);
  MwView view;

  view_at (&view, 0.15, -400, -300);
  assert_like_direct (renderer, tiles, &view);
}

/* A pan draws only the tiles it uncovers, and the picture still matches. */
static void
test_tiles_pan (void)
{
  g_autoptr(MwNetwork) network = make_tangle (1500, 6000);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE);
  guint drawn;
  MwView view;

  /* the ring round the view would be drawn too */
  mw_render_tiles_set_prefetch (tiles, FALSE);
  view_at (&view, 0.6, 900, 600);
  cairo_surface_destroy (draw_tiled (tiles, &view));
  drawn = mw_render_tiles_get_n_drawn (tiles);
  view.offset_x += 16 / view.zoom;
  view.offset_y += 10 / view.zoom;
  assert_like_direct (renderer, tiles, &view);
  /* at most a new column and a new row of tiles */
  g_assert_cmpuint (mw_render_tiles_get_n_drawn (tiles) - drawn, <=, 6 + 4 + 1);
  drawn = mw_render_tiles_get_n_drawn (tiles);
  view.offset_x -= 16 / view.zoom;
  view.offset_y -= 10 / view.zoom;
  cairo_surface_destroy (draw_tiled (tiles, &view));
  g_assert_cmpuint (mw_render_tiles_get_n_drawn (tiles), ==, drawn);
}

/* An edit and a selection draw the tiles again, with the change in them. */
static void
test_tiles_invalidate (void)
{
  g_autoptr(MwNetwork) network = make_tangle (400, 500);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE);
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  MwActor *actor = mw_network_get_actor (network, 7);
  cairo_surface_t *before, *after;
  MwView view;

  view_at (&view, 1.0, 1000, 700);
  before = draw_tiled (tiles, &view);
  /* moved into the middle of the view */
  mw_network_set_actor_position (network, actor, 1320, 900);
  after = draw_tiled (tiles, &view);
  g_assert_cmpuint (n_different (before, after), >, 50);
  assert_like_direct (renderer, tiles, &view);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);

  /* more than a move: the worker's copy of the network is taken again */
  before = draw_tiled (tiles, &view);
  mw_network_set_actor_label (network, actor, "A much longer label than before");
  after = draw_tiled (tiles, &view);
  g_assert_cmpuint (n_different (before, after), >, 50);
  assert_like_direct (renderer, tiles, &view);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);

  g_hash_table_add (selected, actor);
  view.selected_actors = selected;
  mw_render_tiles_set_emphasis_serial (tiles, 1);
  assert_like_direct (renderer, tiles, &view);
}

/* While a zoom is under way the tiles of the zoom before are scaled and
 * none is drawn at the new zoom; once it settles the new zoom's are. */
static void
test_tiles_zoom (void)
{
  g_autoptr(MwNetwork) network = make_tangle (400, 500);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE);
  cairo_surface_t *scaled, *unscaled;
  guint drawn;
  MwView view;

  mw_render_tiles_set_prefetch (tiles, FALSE);
  view_at (&view, 1.0, 1000, 700);
  unscaled = draw_tiled (tiles, &view);
  drawn = mw_render_tiles_get_n_drawn (tiles);
  mw_view_zoom_at (&view, 1.1, 320, 200);
  g_assert_false (mw_render_tiles_update (tiles, &view, FALSE, 0));
  g_assert_cmpuint (mw_render_tiles_get_n_drawn (tiles), ==, drawn);
  {
    cairo_surface_t *direct = mw_test_draw_view (renderer, &view);
    cairo_t *cr;

    scaled = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view.width, view.height);
    cr = cairo_create (scaled);
    mw_render_tiles_paint (tiles, cr, &view);
    cairo_destroy (cr);
    cairo_surface_flush (scaled);
    /* scaled, not sharp, but the same drawing in the same place: far
     * nearer the new zoom's frame than the last zoom's picture is */
    g_assert_cmpuint (n_different (direct, scaled), <, n_different (direct, unscaled) / 2);
    cairo_surface_destroy (direct);
  }
  cairo_surface_destroy (scaled);
  cairo_surface_destroy (unscaled);
  assert_like_direct (renderer, tiles, &view);
  g_assert_cmpuint (mw_render_tiles_get_n_drawn (tiles), >, drawn);
}

/* The worker's tiles, drawn by a renderer of its own on a copy of the
 * network, are pixel for pixel those the renderer draws on the calling
 * thread: hairlines, stroked ties with labels, a selection, the dark style. */
static void
test_tiles_worker_like_direct (void)
{
  g_autoptr(MwNetwork) dense = make_tangle (1500, 6000);
  g_autoptr(MwNetwork) sparse = make_tangle (400, 500);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (dense);
  g_autoptr(MwRenderer) sparse_renderer = mw_renderer_new (sparse);
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) selected_ties = g_hash_table_new (NULL, NULL);
  struct { MwRenderer *renderer; double zoom, x, y; gboolean dark; } cases[] = {
    { renderer, 0.6, 900, 600, FALSE },
    { sparse_renderer, 1.5, 1200, 800, TRUE },
  };

  mw_renderer_set_font (sparse_renderer, "DejaVu Sans");
  g_hash_table_add (selected, mw_network_get_actor (sparse, 7));
  g_hash_table_add (selected_ties, mw_network_get_tie (sparse, 3));
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(MwRenderTiles) worker = mw_render_tiles_new (cases[c].renderer, TILE);
      g_autoptr(MwRenderTiles) direct = mw_render_tiles_new (cases[c].renderer, TILE);
      cairo_surface_t *a, *b;
      MwView view;

      mw_render_tiles_set_threaded (direct, FALSE);
      view_at (&view, cases[c].zoom, cases[c].x, cases[c].y);
      view.dark = cases[c].dark;
      if (c == 1)
        {
          view.selected_actors = selected;
          view.selected_ties = selected_ties;
          view.dim_others = TRUE;
        }
      a = draw_tiled (worker, &view);
      b = draw_tiled (direct, &view);
      if (n_different (a, b) > 0)
        {
          cairo_surface_write_to_png (a, "test-render-tiles-worker.png");
          cairo_surface_write_to_png (b, "test-render-tiles-calling-thread.png");
        }
      g_assert_cmpuint (n_different (a, b), ==, 0);
      g_assert_cmpuint (mw_render_tiles_get_n_drawn (worker), >=, 15);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* An edit while the worker draws a tile: the tile was drawn from the
 * network before the edit, and never shows; what shows at once is the
 * edited network (one frame of it), then its tiles. */
static void
test_tiles_edit_during_job (void)
{
  g_autoptr(MwNetwork) network = make_tangle (400, 500);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE);
  MwActor *actor = mw_network_get_actor (network, 7);
  cairo_surface_t *shown, *direct;
  MwView view;

  mw_render_tiles_set_prefetch (tiles, FALSE);
  view_at (&view, 1.0, 1000, 700);
  /* the worker takes the middle tile first and keeps it under way */
  mw_render_tiles_hold_worker (tiles, TRUE);
  g_assert_false (mw_render_tiles_update (tiles, &view, TRUE, 0));
  g_usleep (20000);
  /* moved into the middle of the tile the worker has: the view's middle one */
  mw_network_set_actor_position (network, actor, 1216, 832);
  g_assert_false (mw_render_tiles_update (tiles, &view, TRUE, 0));
  shown = paint_tiles (tiles, &view);
  direct = mw_test_draw_view (renderer, &view);
  g_assert_cmpuint (n_different (shown, direct), ==, 0);
  cairo_surface_destroy (shown);

  /* the stale tile comes now, and is thrown away */
  mw_render_tiles_hold_worker (tiles, FALSE);
  mw_render_tiles_wait (tiles);
  for (guint rounds = 0; !mw_render_tiles_update (tiles, &view, TRUE, 0); rounds++)
    {
      shown = paint_tiles (tiles, &view);
      g_assert_cmpuint (n_different_near (shown, direct, 216, 132, 24), <=, 10);
      cairo_surface_destroy (shown);
      mw_render_tiles_wait (tiles);
      g_assert_cmpuint (rounds, <, 100);
    }
  shown = paint_tiles (tiles, &view);
  g_assert_cmpuint (n_different_near (shown, direct, 216, 132, 24), <=, 10);
  cairo_surface_destroy (shown);
  cairo_surface_destroy (direct);
  assert_like_direct (renderer, tiles, &view);
}

/* The first actor inside @view (an edit there shows). */
static MwActor *
actor_in_view (MwNetwork    *network,
               const MwView *view,
               guint         skip)
{
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      double x = (actor->x - view->offset_x) * view->zoom, y = (actor->y - view->offset_y) * view->zoom;

      if (x > 60 && x < view->width - 60 && y > 40 && y < view->height - 40 && skip-- == 0)
        return actor;
    }
  g_assert_not_reached ();
  return NULL;
}

/* One edit of each kind, by its number; FALSE past the last. */
static gboolean
edit_of_kind (MwNetwork    *network,
              const MwView *view,
              guint         kind)
{
  MwActor *a = actor_in_view (network, view, 0), *b = actor_in_view (network, view, 1);

  switch (kind)
    {
    case 0:   /* a tie added */
      mw_network_add_tie (network, a, b, MW_TIE_COLLABORATES, 2, NULL);
      return TRUE;
    case 1:   /* the first tie removed: the last takes its place */
      mw_network_remove_tie (network, mw_network_get_tie (network, 0));
      return TRUE;
    case 2:   /* a tie of the view weighed again */
      mw_network_set_tie_weight (network, mw_network_get_tie (network, mw_network_get_n_ties (network) - 1), 3);
      return TRUE;
    case 3:   /* an actor added, in the view, tied to another */
      {
        MwActor *actor = mw_network_add_actor (network, "Newcomer", "Newcomer", MW_ACTOR_PERSON, NULL);

        mw_network_set_actor_position (network, actor, a->x + 40, a->y + 30);
        mw_network_set_actor_unit (network, actor, "Unit 1");
        mw_network_add_tie (network, actor, b, MW_TIE_REPORTS, 1, NULL);
      }
      return TRUE;
    case 4:   /* an actor of the view removed, with its ties */
      mw_network_remove_actor (network, a);
      return TRUE;
    case 5:   /* the first actor removed: the last takes its place */
      mw_network_remove_actor (network, mw_network_get_actor (network, 0));
      return TRUE;
    case 6:   /* a label renamed */
      mw_network_set_actor_label (network, a, "A much longer label than before");
      return TRUE;
    case 7:   /* a unit changed */
      mw_network_set_actor_unit (network, a, "Unit 0");
      mw_network_set_actor_unit (network, b, "A unit of its own");
      return TRUE;
    case 8:   /* a move, then an edit that shifts the indices */
      mw_network_set_actor_position (network, mw_network_get_actor (network, mw_network_get_n_actors (network) - 1),
                                     b->x + 20, b->y - 20);
      mw_network_remove_actor (network, mw_network_get_actor (network, 1));
      return TRUE;
    default:
      return FALSE;
    }
}

/* Same actors and ties at the same indices. */
static void
assert_same_order (MwNetwork *copy,
                   MwNetwork *network)
{
  g_autofree char *difference = NULL;

  g_assert_true (mw_network_equal (copy, network, &difference));
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    g_assert_cmpstr (mw_network_get_actor (copy, i)->id, ==, mw_network_get_actor (network, i)->id);
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    g_assert_cmpstr (mw_network_get_tie (copy, i)->id, ==, mw_network_get_tie (network, i)->id);
}

/* After an edit of each kind the worker's tiles are still pixel for pixel
 * those the renderer draws on the calling thread. */
static void
test_tiles_worker_edits (void)
{
  g_autoptr(MwNetwork) network = make_organisations (400);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderTiles) worker = mw_render_tiles_new (renderer, TILE);
  g_autoptr(MwRenderTiles) direct = mw_render_tiles_new (renderer, TILE);
  MwView view;

  mw_render_tiles_set_threaded (direct, FALSE);
  mw_render_tiles_set_prefetch (worker, FALSE);
  view_at (&view, 0.8, 900, 600);
  cairo_surface_destroy (draw_tiled (worker, &view));
  for (guint kind = 0; edit_of_kind (network, &view, kind); kind++)
    {
      cairo_surface_t *a = draw_tiled (worker, &view), *b = draw_tiled (direct, &view);

      if (n_different (a, b) > 0)
        {
          g_test_message ("edit %u", kind);
          cairo_surface_write_to_png (a, "test-render-tiles-worker.png");
          cairo_surface_write_to_png (b, "test-render-tiles-calling-thread.png");
        }
      g_assert_cmpuint (n_different (a, b), ==, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
}

/* The worker keeps its copy after edits, up to date and in the network's
 * order; a batch (what changed is not told) takes a new one. */
static void
test_tiles_worker_keeps_copy (void)
{
  g_autoptr(MwNetwork) network = make_organisations (300);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  MwTileWorker *worker = _mw_tile_worker_new (NULL, NULL);
  g_autoptr(MwNetwork) copy = NULL;
  MwView view;

  view_at (&view, 0.8, 900, 600);
  _mw_renderer_ensure_geometry (renderer);
  g_assert_true (_mw_tile_worker_sync (worker, renderer));
  copy = g_object_ref (_mw_tile_worker_peek_copy (worker));
  for (guint kind = 0; edit_of_kind (network, &view, kind); kind++)
    {
      g_assert_true (_mw_tile_worker_sync (worker, renderer));
      g_assert_true (_mw_tile_worker_peek_copy (worker) == copy);
      assert_same_order (copy, network);
    }

  mw_network_begin_batch (network, "two");
  mw_network_remove_actor (network, mw_network_get_actor (network, 2));
  mw_network_set_actor_label (network, mw_network_get_actor (network, 5), "Batch");
  mw_network_end_batch (network);
  g_assert_true (_mw_tile_worker_sync (worker, renderer));
  g_assert_true (_mw_tile_worker_peek_copy (worker) != copy);
  assert_same_order (_mw_tile_worker_peek_copy (worker), network);
  _mw_tile_worker_free (worker);
}

/* Issue 17: each edit gives the tiles' worker a new twin, which built the
 * map again (a quarter of a second at 100,000 actors, the map's tiles late
 * by as much): it takes the renderer's, which follows an actor moved to
 * another unit, added or removed. The twin builds none, and its tiles are
 * the calling thread's. */
static void
test_tiles_worker_takes_map (void)
{
  g_autoptr(MwNetwork) network = make_organisations (800);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE);
  g_autoptr(MwRenderTiles) direct = mw_render_tiles_new (renderer, TILE);
  MwTileWorker *worker = _mw_tile_worker_new (NULL, NULL);
  MwActor *added;
  MwView view;

  mw_render_tiles_set_threaded (direct, FALSE);
  mw_render_tiles_set_prefetch (tiles, FALSE);
  view_at (&view, 0.15, -400, -300);
  g_assert_cmpfloat (_mw_renderer_map_weight (renderer, &view), ==, 1);
  cairo_surface_destroy (draw_tiled (tiles, &view));
  for (guint edit = 0; edit < 3; edit++)
    {
      cairo_surface_t *a, *b;
      MwRenderer *twin;

      if (edit == 0)
        mw_network_set_actor_unit (network, mw_network_get_actor (network, 3), "Unit 0");
      else if (edit == 1)
        {
          added = mw_network_add_actor (network, "new", "Newcomer", MW_ACTOR_PERSON, NULL);
          mw_network_set_actor_position (network, added, 100, 100);
          mw_network_set_actor_org (network, added, "Org A");
          mw_network_set_actor_unit (network, added, "Unit 1");
          mw_network_add_tie (network, added, mw_network_get_actor (network, 700), MW_TIE_COLLABORATES, 1, NULL);
        }
      else
        mw_network_remove_actor (network, mw_network_get_actor (network, 0));
      g_assert_true (_mw_tile_worker_sync (worker, renderer));
      twin = _mw_tile_worker_peek_twin (worker);
      g_assert_true (twin->overview.valid);
      g_assert_cmpfloat (_mw_renderer_map_weight (twin, &view), ==, 1);
      g_assert_cmpuint (twin->overview.n_builds, ==, 0);

      a = draw_tiled (tiles, &view);
      b = draw_tiled (direct, &view);
      g_assert_cmpuint (n_different (a, b), ==, 0);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }
  g_assert_cmpuint (renderer->overview.n_builds, ==, 1);
  _mw_tile_worker_free (worker);
}

/* Issue 17: the twin's first copy of a 100,000-actor network took the UI
 * thread a quarter of a second after every load; the load now makes one
 * beside the scorer's, and the tiles' worker takes it. Not when the
 * network changed since: then it copies the network, as before. The
 * tiles drawn from either are the calling thread's. */
static void
test_tiles_offered_copy (void)
{
  g_autoptr(MwNetwork) network = make_organisations (400);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderTiles) direct = mw_render_tiles_new (renderer, TILE);
  MwNetwork *offered = mw_network_copy (network);
  MwTileWorker *worker = _mw_tile_worker_new (NULL, NULL);
  MwView view;

  /* taken as it is */
  _mw_tile_worker_offer_copy (worker, network, g_object_ref (offered));
  _mw_renderer_ensure_geometry (renderer);
  g_assert_true (_mw_tile_worker_sync (worker, renderer));
  g_assert_true (_mw_tile_worker_peek_copy (worker) == offered);
  assert_same_order (offered, network);
  _mw_tile_worker_free (worker);
  g_object_unref (offered);

  /* the network changed after the copy: not taken */
  offered = mw_network_copy (network);
  mw_network_set_actor_label (network, mw_network_get_actor (network, 3), "Renamed after the copy");
  worker = _mw_tile_worker_new (NULL, NULL);
  _mw_tile_worker_offer_copy (worker, network, g_object_ref (offered));
  g_assert_true (_mw_tile_worker_sync (worker, renderer));
  g_assert_true (_mw_tile_worker_peek_copy (worker) != offered);
  g_assert_cmpstr (mw_network_get_actor (_mw_tile_worker_peek_copy (worker), 3)->label, ==,
                   "Renamed after the copy");
  _mw_tile_worker_free (worker);
  g_object_unref (offered);

  /* through the tiles, before their worker is made: the same pixels */
  {
    g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE);
    cairo_surface_t *a, *b;

    mw_render_tiles_offer_copy (tiles, mw_network_copy (network));
    mw_render_tiles_set_threaded (direct, FALSE);
    mw_render_tiles_set_prefetch (tiles, FALSE);
    view_at (&view, 0.8, 900, 600);
    a = draw_tiled (tiles, &view);
    b = draw_tiled (direct, &view);
    g_assert_cmpuint (n_different (a, b), ==, 0);
    cairo_surface_destroy (a);
    cairo_surface_destroy (b);
  }
}

/* Once the view's tiles are there the worker draws the ring round it: a
 * pan by a tile then finds its tiles drawn and draws none. */
static void
test_tiles_prefetch (void)
{
  g_autoptr(MwNetwork) network = make_tangle (400, 500);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderTiles) tiles = mw_render_tiles_new (renderer, TILE);
  guint drawn;
  MwView view;

  view_at (&view, 1.0, 1000, 700);
  cairo_surface_destroy (draw_tiled (tiles, &view));
  drawn = mw_render_tiles_get_n_drawn (tiles);
  mw_render_tiles_wait (tiles);
  view.offset_x += TILE / view.zoom;
  view.offset_y -= TILE / view.zoom;
  g_assert_true (mw_render_tiles_update (tiles, &view, TRUE, 0));
  g_assert_cmpuint (mw_render_tiles_get_n_drawn (tiles), >, drawn);
  assert_like_direct (renderer, tiles, &view);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/tiles/like-direct", test_tiles_like_direct);
  g_test_add_func ("/render/tiles/overview", test_tiles_overview);
  g_test_add_func ("/render/tiles/pan", test_tiles_pan);
  g_test_add_func ("/render/tiles/invalidate", test_tiles_invalidate);
  g_test_add_func ("/render/tiles/zoom", test_tiles_zoom);
  g_test_add_func ("/render/tiles/worker-like-direct", test_tiles_worker_like_direct);
  g_test_add_func ("/render/tiles/edit-during-job", test_tiles_edit_during_job);
  g_test_add_func ("/render/tiles/prefetch", test_tiles_prefetch);
  g_test_add_func ("/render/tiles/worker-edits", test_tiles_worker_edits);
  g_test_add_func ("/render/tiles/worker-keeps-copy", test_tiles_worker_keeps_copy);
  g_test_add_func ("/render/tiles/offered-copy", test_tiles_offered_copy);
  g_test_add_func ("/render/tiles/worker-takes-map", test_tiles_worker_takes_map);
  return g_test_run ();
}
