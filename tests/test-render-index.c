/* test-render-index.c: the grid of actors and ties changes no pixel
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 17: at 100,000 actors every frame looked at every actor and every
 * tie to find the few near the view. A grid built once per geometry change
 * (mw-render-index.c) now finds them; a drag keeps it and lists what moved.
 * Each frame here must be the one a renderer without the grid draws: after
 * pans and zooms, with a selection, dark and high contrast, after moved
 * actors (one, and many), an added tie and a changed appearance. */

#include <stdlib.h>

#include "mw-renderer.h"
#include "mw-renderer-private.h"
#include "mw-test-render.h"

/* A wide field of actors with short ties and ties across all of it. */
static MwNetwork *
make_field (void)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (1717);

  mw_network_begin_batch (network, "field");
  for (guint i = 0; i < 1600; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_position (network, actor, (i % 40) * 150.0 + g_rand_double_range (rand, -20, 20),
                                     (i / 40) * 110.0 + g_rand_double_range (rand, -20, 20));
    }
  for (guint t = 0; t < 4800; t++)
    {
      guint a = g_rand_int_range (rand, 0, 1600);
      /* two of three to a neighbour, the third to anyone */
      guint b = t % 3 != 2 ? (a + 1 + (t % 2) * 39) % 1600 : (guint)g_rand_int_range (rand, 0, 1600);

      if (a != b)
        mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                            g_rand_int_range (rand, 0, MW_N_TIE_TYPES), t % 7 == 0 ? 2 : 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

/* A renderer without the grid: it reads every actor and tie each frame. */
static MwRenderer *
full_scan_renderer (MwNetwork *network)
{
  MwRenderer *full = mw_renderer_new (network);

  full->index.off = TRUE;
  return full;
}

/* Draws @view with @renderer (which has its grid) and with @full, which
 * has none but went through the same changes: the same pixels. Returns
 * whether the grid found the frame's ties (rather than the frame reading
 * every tie). */
static gboolean
assert_like_full_scan (MwRenderer   *renderer,
                       MwRenderer   *full,
                       const MwView *view)
{
  cairo_surface_t *got, *expected;
  gboolean used;

  got = mw_test_draw_view (renderer, view);
  used = renderer->ties.indexed;
  expected = mw_test_draw_view (full, view);
  g_assert_false (full->ties.indexed);
  g_assert_cmpint (mw_test_max_difference (got, expected), ==, 0);
  cairo_surface_destroy (got);
  cairo_surface_destroy (expected);
  return used;
}

static void
close_view (MwView *view,
            double  zoom)
{
  mw_view_init (view, 480, 320);
  view->zoom = zoom;
  view->offset_x = 2400;
  view->offset_y = 1500;
}

static void
test_index_views (void)
{
  g_autoptr(MwNetwork) network = make_field ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderer) full = full_scan_renderer (network);
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  static const double zooms[] = { 1.0, 0.6, 0.3, 2.5 };
  MwView view;

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    {
      close_view (&view, zooms[z]);
      g_assert_true (assert_like_full_scan (renderer, full, &view) || zooms[z] < 0.5);
      /* pans of whole and of fractional pixels, past the grid's edges too */
      for (guint step = 0; step < 3; step++)
        {
          view.offset_x += (97.0 + step * 0.37) / view.zoom * (step == 1 ? -8 : 1);
          view.offset_y += (61.0 - step * 0.21) / view.zoom * (step == 2 ? -30 : 1);
          assert_like_full_scan (renderer, full, &view);
        }
    }

  close_view (&view, 1.0);
  g_hash_table_add (selected, mw_network_get_actor (network, 17 * 40 + 16));
  g_hash_table_add (selected, mw_network_get_tie (network, 5));
  view.selected_actors = selected;
  view.dim_others = TRUE;
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  view.selected_actors = NULL;
  view.dark = TRUE;
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  view.high_contrast = TRUE;
  assert_like_full_scan (renderer, full, &view);
}

/* A drag keeps the grid and lists what moved; an actor dragged from far
 * away into the view, with its ties, is drawn where it now is. */
static void
test_index_moved (void)
{
  g_autoptr(MwNetwork) network = make_field ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderer) full = full_scan_renderer (network);
  MwActor *far = mw_network_get_actor (network, 3);
  MwActor *near = mw_network_get_actor (network, 14 * 40 + 17);
  guint64 topology;
  MwView view;

  close_view (&view, 1.0);
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  topology = renderer->index.topology;
  for (guint step = 0; step < 4; step++)
    {
      mw_network_set_actor_position (network, far, 2500 + step * 40, 1600 + step * 25);
      mw_network_set_actor_position (network, near, 200 + step * 40, 100);
      g_assert_true (assert_like_full_scan (renderer, full, &view));
      /* kept, with the two moved actors and their ties listed */
      g_assert_cmpuint (renderer->index.topology, ==, topology);
      g_assert_cmpuint (renderer->index.moved_actors->len, >=, 2);
      g_assert_cmpuint (renderer->index.moved_ties->len, >=, 2);
    }

  /* many moved: the grid is built again, and still right */
  for (guint i = 0; i < 600; i++)
    {
      MwActor *actor = mw_network_get_actor (network, i * 2);

      mw_network_set_actor_position (network, actor, actor->x + 300, actor->y + 200);
    }
  assert_like_full_scan (renderer, full, &view);
  g_assert_cmpuint (renderer->index.moved_actors->len, ==, 0);
}

/* An added tie across the view, a removed actor, a changed size: drawn as
 * a renderer without the grid draws them. */
static void
test_index_changes (void)
{
  g_autoptr(MwNetwork) network = make_field ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderer) full = full_scan_renderer (network);
  MwView view;

  close_view (&view, 1.0);
  assert_like_full_scan (renderer, full, &view);
  mw_network_add_tie (network, mw_network_get_actor (network, 0), mw_network_get_actor (network, 1599),
                      MW_TIE_REPORTS, 1, NULL);
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  mw_network_remove_actor (network, mw_network_get_actor (network, 15 * 40 + 18));
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  mw_renderer_set_size_by (renderer, MW_SIZE_UNIFORM);
  mw_renderer_set_size_by (full, MW_SIZE_UNIFORM);
  g_assert_true (assert_like_full_scan (renderer, full, &view));
}

/* Issue 17: past MW_ROUTE_MAX_ACTORS (here: the quick geometry, which
 * follows edits the same way) an edit no longer builds the grid again: the
 * added, changed and swapped-in actors and ties are listed as moved, and
 * the removed ones skipped. Each frame is still the full scan's. */
static void
test_index_edits (void)
{
  g_autoptr(MwNetwork) network = make_field ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderer) full = full_scan_renderer (network);
  guint64 topology;
  MwActor *added;
  MwView view;

  _mw_renderer_set_quick_geometry (renderer, TRUE);
  _mw_renderer_set_quick_geometry (full, TRUE);
  close_view (&view, 1.0);
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  topology = renderer->index.topology;

  mw_network_add_tie (network, mw_network_get_actor (network, 0), mw_network_get_actor (network, 1599),
                      MW_TIE_REPORTS, 1, NULL);
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  g_assert_cmpuint (renderer->index.moved_ties->len, >, 0);
  /* the last tie moves into the removed one's index */
  mw_network_remove_tie (network, mw_network_get_tie (network, 2000));
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  /* and the last actor, with its ties, into this one's */
  mw_network_remove_actor (network, mw_network_get_actor (network, 16 * 40 + 18));
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  added = mw_network_add_actor (network, "newcomer", "Newcomer", MW_ACTOR_PERSON, NULL);
  mw_network_set_actor_position (network, added, 2700, 1700);
  mw_network_add_tie (network, added, mw_network_get_actor (network, 16 * 40 + 20), MW_TIE_COLLABORATES, 1, NULL);
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  mw_network_set_actor_label (network, mw_network_get_actor (network, 15 * 40 + 19), "A much longer name than before");
  g_assert_true (assert_like_full_scan (renderer, full, &view));
  g_assert_cmpuint (renderer->index.topology, ==, topology);
  g_assert_cmpuint (renderer->index.moved_actors->len, >, 0);
  g_assert_cmpuint (renderer->index.moved_ties->len, >, 0);
}

/* Draws @view until the worker's grid is taken (the frames meanwhile read
 * everything), each frame like the full scan's. */
static void
draw_until_indexed (MwRenderer   *renderer,
                    MwRenderer   *full,
                    const MwView *view)
{
  for (guint i = 0; i < 2000 && !assert_like_full_scan (renderer, full, view); i++)
    g_usleep (2000);
  g_assert_true (renderer->ties.indexed);
}

/* Issue 17: at 500,000 ties the grid took half a second of the frame that
 * first zoomed in. From async_min_ties on it is built on a worker from a
 * copy of the geometry while the frames read everything; an edit meanwhile
 * is caught up by the moved lists once the grid is taken. */
static void
test_index_async (void)
{
  g_autoptr(MwNetwork) network = make_field ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderer) full = full_scan_renderer (network);
  MwView view;

  renderer->index.async_min_ties = 1;
  _mw_renderer_set_quick_geometry (renderer, TRUE);
  _mw_renderer_set_quick_geometry (full, TRUE);
  close_view (&view, 1.0);
  /* the first frame reads everything: the grid is being built */
  g_assert_false (assert_like_full_scan (renderer, full, &view));
  g_assert_nonnull (renderer->index.job);
  draw_until_indexed (renderer, full, &view);
  g_assert_null (renderer->index.job);

  /* an edit while the worker builds: taken, then brought up to it */
  mw_network_set_actor_position (network, mw_network_get_actor (network, 0), 0, 0);
  for (guint i = 0; i < 400; i++)
    mw_network_set_actor_position (network, mw_network_get_actor (network, i * 3), 2450 + i % 20 * 10, 1550);
  g_assert_false (assert_like_full_scan (renderer, full, &view));
  mw_network_add_tie (network, mw_network_get_actor (network, 2), mw_network_get_actor (network, 1500),
                      MW_TIE_INFLUENCES, 1, NULL);
  draw_until_indexed (renderer, full, &view);
}

typedef struct
{
  MwRenderer *renderer;
  gint        finalized;   /* atomic */
} Letting;

static gpointer
let_go (gpointer data)
{
  Letting *letting = data;

  g_object_unref (letting->renderer);
  g_atomic_int_set (&letting->finalized, 1);
  return NULL;
}

/* Issue 17: at 100,000 actors every edit replaces the tile worker's twin,
 * whose grid of 500,000 ties was often still being built; its finalize
 * waited for that build, a frame of 120-350 ms. A renderer now lets go of
 * a grid under way without waiting, and the abandoned build frees itself.
 * The build is held here: before, letting go never returned. */
static void
test_index_let_go (void)
{
  g_autoptr(MwNetwork) network = make_field ();
  MwRenderer *renderer = mw_renderer_new (network);
  g_autoptr(GThread) thread = NULL;
  cairo_surface_t *image;
  Letting letting = { renderer, 0 };
  GMutex hold;
  MwView view;

  /* the grids of the tests before are freed by their threads, soon */
  for (guint i = 0; i < 5000 && _mw_render_index_n_jobs () > 0; i++)
    g_usleep (2000);
  g_mutex_init (&hold);
  renderer->index.async_min_ties = 1;
  renderer->index.hold = &hold;
  _mw_renderer_set_quick_geometry (renderer, TRUE);
  close_view (&view, 1.0);
  g_mutex_lock (&hold);
  image = mw_test_draw_view (renderer, &view);
  cairo_surface_destroy (image);
  g_assert_nonnull (renderer->index.job);
  g_assert_cmpuint (_mw_render_index_n_jobs (), ==, 1);

  /* in a thread of its own, so that a wait fails the test, not hangs it */
  thread = g_thread_new ("let-go", let_go, &letting);
  for (guint i = 0; i < 5000 && !g_atomic_int_get (&letting.finalized); i++)
    g_usleep (2000);
  g_assert_true (g_atomic_int_get (&letting.finalized));
  g_thread_join (g_steal_pointer (&thread));

  /* the build goes on, sees it is not wanted and frees what it holds */
  g_mutex_unlock (&hold);
  for (guint i = 0; i < 5000 && _mw_render_index_n_jobs () > 0; i++)
    g_usleep (2000);
  g_assert_cmpuint (_mw_render_index_n_jobs (), ==, 0);
  g_mutex_clear (&hold);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/index/views", test_index_views);
  g_test_add_func ("/render/index/moved", test_index_moved);
  g_test_add_func ("/render/index/changes", test_index_changes);
  g_test_add_func ("/render/index/edits", test_index_edits);
  g_test_add_func ("/render/index/async", test_index_async);
  g_test_add_func ("/render/index/let-go", test_index_let_go);
  return g_test_run ();
}
