/* test-render-pan.c: a pan of a dense network reuses the last frame's ties
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 17: at 100,000 actors a frame at 100 % spent ~300 ms rasterising
 * the thousands of long ties that cross the view. A pan by whole pixels
 * now shifts the last frame's tie masks and rasterises only the strips it
 * uncovers; the picture must be the one a fresh renderer draws. */

#include <stdlib.h>

#include "mw-renderer.h"
#include "mw-renderer-private.h"
#include "mw-test-render.h"

/* Ties of every slope and length, many crossing the whole view. */
static MwNetwork *
make_tangle (void)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);

  mw_network_begin_batch (network, "tangle");
  for (guint i = 0; i < 1500; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_position (network, actor, g_rand_double_range (rand, 0, 3000),
                                     g_rand_double_range (rand, 0, 2000));
    }
  for (guint t = 0; t < 6000; t++)
    {
      guint a = g_rand_int_range (rand, 0, 1500), b = (a + g_rand_int_range (rand, 1, 1500)) % 1500;

      mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                          g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

/* The view over the middle of the tangle, close enough that lines leave
 * it on every side but still thousands on screen. */
static void
middle_view (MwView *view)
{
  mw_view_init (view, 640, 400);
  view->zoom = 0.6;
  view->offset_x = 900;
  view->offset_y = 600;
}

/* What the pan drew matches a fresh renderer's frame of the same view. */
static void
assert_like_fresh (MwNetwork       *network,
                   const MwView    *view,
                   cairo_surface_t *panned)
{
  g_autoptr(MwRenderer) fresh = mw_renderer_new (network);
  cairo_surface_t *expected = mw_test_draw_view (fresh, view);

  /* a line's start is clipped at another edge: a level or two of coverage */
  g_assert_cmpint (mw_test_max_difference (panned, expected), <=, 6);
  cairo_surface_destroy (expected);
}

static void
test_pan_shifts_masks (void)
{
  g_autoptr(MwNetwork) network = make_tangle ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  static const int steps[][2] = { { 23, -11 }, { -7, 0 }, { 0, 31 }, { -40, -25 } };
  MwView view;

  middle_view (&view);
  cairo_surface_destroy (mw_test_draw_view (renderer, &view));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      cairo_surface_t *panned;

      view.offset_x += steps[i][0] / view.zoom;
      view.offset_y += steps[i][1] / view.zoom;
      panned = mw_test_draw_view (renderer, &view);
      g_assert_true (renderer->masks.keeping);
      assert_like_fresh (network, &view, panned);
      cairo_surface_destroy (panned);
    }
}

/* A moved actor, a selection, a zoom or a fractional pan draws every tie again. */
static void
test_pan_redraws_after_change (void)
{
  g_autoptr(MwNetwork) network = make_tangle ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  MwActor *actor = mw_network_get_actor (network, 5);
  cairo_surface_t *surface;
  MwView view;

  middle_view (&view);
  cairo_surface_destroy (mw_test_draw_view (renderer, &view));
  mw_network_set_actor_position (network, actor, 1100, 800);
  view.offset_x += 10 / view.zoom;
  surface = mw_test_draw_view (renderer, &view);
  g_assert_false (renderer->masks.keeping);
  assert_like_fresh (network, &view, surface);
  cairo_surface_destroy (surface);

  view.offset_x += 0.5 / view.zoom;
  cairo_surface_destroy (mw_test_draw_view (renderer, &view));
  g_assert_false (renderer->masks.keeping);

  mw_view_zoom_at (&view, 1.1, 320, 200);
  cairo_surface_destroy (mw_test_draw_view (renderer, &view));
  g_assert_false (renderer->masks.keeping);

  g_hash_table_add (selected, actor);
  view.selected_actors = selected;
  view.offset_y += 10 / view.zoom;
  cairo_surface_destroy (mw_test_draw_view (renderer, &view));
  g_assert_false (renderer->masks.keeping);
  /* and the frame after a selection has no masks to reuse */
  view.selected_actors = NULL;
  view.offset_y += 10 / view.zoom;
  cairo_surface_destroy (mw_test_draw_view (renderer, &view));
  g_assert_false (renderer->masks.keeping);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/pan/shifts-masks", test_pan_shifts_masks);
  g_test_add_func ("/render/pan/redraws-after-change", test_pan_redraws_after_change);
  return g_test_run ();
}
