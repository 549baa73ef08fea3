/* test-render-morph.c: a morph's frames, drawn by the one renderer
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "mw-dot.h"
#include "mw-render-morph.h"

typedef struct
{
  MwNetwork *from;
  MwNetwork *to;
  MwActor   *moved;     /* in @from, kept */
  MwActor   *leaving;   /* in @from */
  MwActor   *arriving;  /* in @to */
  MwView     view;
} Fixture;

/* The example a year later, then: everyone 60 points to the right, one
 * person gone and one new — a reorganisation a client would play. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "meshwork-example-later.gv", NULL);
  g_autoptr(GError) error = NULL;
  MwActor *gone;
  g_autoptr(MwRenderMorph) morph = NULL;
  MwRect bounds;

  fixture->from = mw_dot_load_file (path, NULL, &error);
  g_assert_no_error (error);
  fixture->to = mw_network_copy (fixture->from);
  for (guint i = 0; i < mw_network_get_n_actors (fixture->to); i++)
    {
      MwActor *actor = mw_network_get_actor (fixture->to, i);

      mw_network_set_actor_position (fixture->to, actor, actor->x + 60, actor->y);
    }
  fixture->moved = mw_network_lookup_actor (fixture->from, "ceo");
  fixture->leaving = mw_network_lookup_actor (fixture->from, "sched");
  g_assert_nonnull (fixture->moved);
  g_assert_nonnull (fixture->leaving);
  gone = mw_network_lookup_actor (fixture->to, "sched");
  mw_network_remove_actor (fixture->to, gone);
  fixture->arriving = mw_network_add_actor (fixture->to, "newcomer", "Noor", MW_ACTOR_PERSON, &error);
  g_assert_no_error (error);
  mw_network_set_actor_position (fixture->to, fixture->arriving, 900, 120);

  morph = mw_render_morph_new (fixture->from, fixture->to);
  g_assert_true (mw_render_morph_get_bounds (morph, &bounds));
  mw_view_init (&fixture->view, 640, 400);
  fixture->view.scale = 1;
  mw_view_fit (&fixture->view, &bounds, 24);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->from);
  g_clear_object (&fixture->to);
}

static cairo_surface_t *
new_image (const MwView *view)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)view->width, (int)view->height);
}

static cairo_surface_t *
draw_network (MwNetwork    *network,
              const MwView *view)
{
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  cairo_surface_t *surface = new_image (view);
  cairo_t *cr = cairo_create (surface);

  mw_renderer_draw (renderer, cr, view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
draw_morph (MwRenderMorph *morph,
            const MwView  *view,
            double         t)
{
  cairo_surface_t *surface = new_image (view);
  cairo_t *cr = cairo_create (surface);

  mw_render_morph_draw (morph, cr, view, t);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          const MwView    *view,
          double           mx,
          double           my)
{
  double x, y;

  mw_view_from_model (view, mx, my, &x, &y);
  return *(guint32 *)(cairo_image_surface_get_data (surface) + (int)y * cairo_image_surface_get_stride (surface) +
                      (int)x * 4);
}

/* How many pixels differ by more than @tolerance in any channel. */
static guint
count_differing (cairo_surface_t *a,
                 cairo_surface_t *b,
                 int              tolerance)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint n = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(guint32 *)(cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a) + x * 4);
        guint32 pb = *(guint32 *)(cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b) + x * 4);

        for (int shift = 0; shift < 32; shift += 8)
          if (abs ((int)(pa >> shift & 0xff) - (int)(pb >> shift & 0xff)) > tolerance)
            {
              n++;
              break;
            }
      }
  return n;
}

static int
channel (guint32 pixel,
         int     shift)
{
  return (int)(pixel >> shift & 0xff);
}

/* At the start the frame is the first network's, at the end the second's. */
static void
test_render_morph_ends (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(MwRenderMorph) morph = mw_render_morph_new (fixture->from, fixture->to);
  cairo_surface_t *before = draw_network (fixture->from, &fixture->view);
  cairo_surface_t *after = draw_network (fixture->to, &fixture->view);
  cairo_surface_t *start = draw_morph (morph, &fixture->view, 0);
  cairo_surface_t *end = draw_morph (morph, &fixture->view, 1);

  g_assert_cmpuint (count_differing (start, before, 2), ==, 0);
  g_assert_cmpuint (count_differing (end, after, 2), ==, 0);
  g_assert_cmpuint (count_differing (start, end, 2), >, 1000);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (start);
  cairo_surface_destroy (end);
}

/* Half way, a kept actor is whole at half its way; a leaving one is half
 * faded where it was; an arriving one half there. */
static void
test_render_morph_middle (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MwRenderMorph) morph = mw_render_morph_new (fixture->from, fixture->to);
  MwActor *moved_to = mw_network_lookup_actor (fixture->to, "ceo");
  cairo_surface_t *before = draw_network (fixture->from, &fixture->view);
  cairo_surface_t *after = draw_network (fixture->to, &fixture->view);
  cairo_surface_t *middle = draw_morph (morph, &fixture->view, 0.5);
  guint32 whole = pixel_at (before, &fixture->view, fixture->moved->x, fixture->moved->y);
  guint32 here = pixel_at (middle, &fixture->view, fixture->moved->x + 30, fixture->moved->y);
  guint32 ground = pixel_at (after, &fixture->view, fixture->leaving->x, fixture->leaving->y);
  guint32 leaving = pixel_at (before, &fixture->view, fixture->leaving->x, fixture->leaving->y);
  guint32 faded = pixel_at (middle, &fixture->view, fixture->leaving->x, fixture->leaving->y);
  guint32 arriving = pixel_at (after, &fixture->view, fixture->arriving->x, fixture->arriving->y);
  guint32 half = pixel_at (middle, &fixture->view, fixture->arriving->x, fixture->arriving->y);

  g_assert_cmpuint (moved_to->x, ==, fixture->moved->x + 60);
  for (int shift = 0; shift < 24; shift += 8)
    {
      g_assert_cmpint (abs (channel (here, shift) - channel (whole, shift)), <=, 2);
      g_assert_cmpint (abs (channel (faded, shift) - (channel (leaving, shift) + channel (ground, shift)) / 2), <=, 3);
      g_assert_cmpint (abs (channel (half, shift) - (channel (arriving, shift) + channel (ground, shift)) / 2), <=, 3);
    }
  /* they are not the background */
  g_assert_cmpuint (faded, !=, ground);
  g_assert_cmpuint (half, !=, ground);

  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
  cairo_surface_destroy (middle);
}

/* The dark style's background under the frame, and the canvas's HiDPI
 * scale: no pixel outside the view is touched. */
static void
test_render_morph_dark_hidpi (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(MwRenderMorph) morph = mw_render_morph_new (fixture->from, fixture->to);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  MwView view = fixture->view;
  cairo_t *cr;
  guint32 corner;

  cairo_surface_set_device_scale (surface, 2, 2);
  view.scale = 2;
  view.dark = TRUE;
  cr = cairo_create (surface);
  mw_render_morph_draw (morph, cr, &view, 0.4);
  mw_render_morph_draw (morph, cr, &view, 0.6);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  corner = *(guint32 *)cairo_image_surface_get_data (surface);
  g_assert_cmpint (channel (corner, 24), ==, 0xff);
  g_assert_cmpint (channel (corner, 0), <, 0x60);
  cairo_surface_destroy (surface);
}

/* Half way, every kept actor in view is drawn whole at its place half way
 * (the middle of its shape as the still frame has it where it started). */
static void
test_render_morph_kept_placed (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MwRenderMorph) morph = mw_render_morph_new (fixture->from, fixture->to);
  MwMorph *core = mw_render_morph_get_morph (morph);
  cairo_surface_t *before = draw_network (fixture->from, &fixture->view);
  cairo_surface_t *middle = draw_morph (morph, &fixture->view, 0.5);
  guint checked = 0;

  for (guint i = 0; i < mw_morph_get_n_actors (core); i++)
    {
      const MwMorphActor *m = mw_morph_get_actor (core, i);
      double x, y, vx, vy;
      guint32 whole, here;

      if (mw_morph_actor_fate (core, i) != MW_MORPH_KEPT)
        continue;
      mw_morph_actor_at (core, i, 0.5, &x, &y, NULL);
      mw_view_from_model (&fixture->view, x, y, &vx, &vy);
      if (vx < 2 || vy < 2 || vx > fixture->view.width - 2 || vy > fixture->view.height - 2)
        continue;
      whole = pixel_at (before, &fixture->view, m->x0, m->y0);
      here = pixel_at (middle, &fixture->view, x, y);
      for (int shift = 0; shift < 24; shift += 8)
        g_assert_cmpint (abs (channel (here, shift) - channel (whole, shift)), <=, 2);
      checked++;
    }
  g_assert_cmpuint (checked, >=, mw_morph_get_n_matched (core) / 2);

  cairo_surface_destroy (before);
  cairo_surface_destroy (middle);
}

static MwNetwork *
grid_network (guint  side,
              double dx)
{
  MwNetwork *network = mw_network_new ();

  mw_network_begin_batch (network, "test");
  for (guint i = 0; i < side * side; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_position (network, actor, (i % side) * 60 + dx, (i / side) * 60);
      if (i > 0)
        mw_network_add_tie (network, mw_network_get_actor (network, i - 1), actor, MW_TIE_COLLABORATES, 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

/* At 100 % only the few actors in view are drawn, not the 900 there are;
 * and every one in view is. */
static void
test_render_morph_culled (void)
{
  g_autoptr(MwNetwork) from = grid_network (30, 0);
  g_autoptr(MwNetwork) to = grid_network (30, 120);
  g_autoptr(MwRenderMorph) morph = mw_render_morph_new (from, to);
  MwMorph *core = mw_render_morph_get_morph (morph);
  cairo_surface_t *frame;
  guint inside = 0, near = 0;
  MwView view;

  mw_view_init (&view, 640, 400);
  view.scale = 1;
  view.zoom = 1;
  view.offset_x = 600;
  view.offset_y = 600;
  frame = draw_morph (morph, &view, 0.5);
  for (guint i = 0; i < mw_morph_get_n_actors (core); i++)
    {
      double x, y;

      mw_morph_actor_at (core, i, 0.5, &x, &y, NULL);
      inside += x > 600 + 40 && x < 1240 - 40 && y > 600 + 40 && y < 1000 - 40;
      near += x > 600 - 120 && x < 1240 + 120 && y > 600 - 120 && y < 1000 + 120;
    }
  g_assert_cmpuint (mw_morph_get_n_actors (core), ==, 900);
  g_assert_cmpuint (inside, >, 20);
  g_assert_cmpuint (mw_render_morph_get_n_drawn (morph), >=, inside);
  g_assert_cmpuint (mw_render_morph_get_n_drawn (morph), <=, near);
  cairo_surface_destroy (frame);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/render-morph/ends", Fixture, NULL, fixture_set_up, test_render_morph_ends, fixture_tear_down);
  g_test_add ("/render-morph/middle", Fixture, NULL, fixture_set_up, test_render_morph_middle, fixture_tear_down);
  g_test_add ("/render-morph/dark-hidpi", Fixture, NULL, fixture_set_up, test_render_morph_dark_hidpi,
              fixture_tear_down);
  g_test_add ("/render-morph/kept-placed", Fixture, NULL, fixture_set_up, test_render_morph_kept_placed,
              fixture_tear_down);
  g_test_add_func ("/render-morph/culled", test_render_morph_culled);

  return g_test_run ();
}
