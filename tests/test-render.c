/* test-render.c: the renderer — drawing, states, level of detail, hit-testing
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "mw-dot.h"
#include "mw-export.h"
#include "mw-renderer.h"
#include "mw-renderer-private.h"

static MwNetwork *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  MwNetwork *network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return network;
}

/* A drawing surface as the canvas has one: logical pixels, device scale. */
static cairo_surface_t *
draw_to_image (MwRenderer   *renderer,
               const MwView *view)
{
  int w = (int)ceil (view->width * view->scale), h = (int)ceil (view->height * view->scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, view->scale, view->scale);
  cr = cairo_create (surface);
  mw_renderer_draw (renderer, cr, view);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The pixel at view point (x, y) as 0xAARRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  double sx, sy;
  int px, py;

  cairo_surface_get_device_scale (surface, &sx, &sy);
  px = (int)(x * sx), py = (int)(y * sy);
  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  return *(guint32 *)(cairo_image_surface_get_data (surface) + py * cairo_image_surface_get_stride (surface) + px * 4);
}

static guint
count_differing (cairo_surface_t *surface,
                 guint32          background)
{
  guint n = 0;
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      if (*(guint32 *)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4) != background)
        n++;
  return n;
}

static int
channel_sum (guint32 pixel)
{
  return (pixel >> 16 & 0xff) + (pixel >> 8 & 0xff) + (pixel & 0xff);
}

static void
view_for (MwRenderer *renderer,
          MwView     *view)
{
  MwRect bounds;

  mw_view_init (view, 800, 600);
  g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
  mw_view_fit (view, &bounds, 20);
}

static void
test_draw_colours_and_background (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("render-example.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  MwActor *ceo = mw_network_lookup_actor (network, "ceo");
  MwColor org;
  cairo_surface_t *light, *dark;
  double x, y, vx, vy;
  guint32 p;
  MwView view;

  view_for (renderer, &view);
  mw_renderer_get_actor_position (renderer, ceo, &x, &y);
  mw_view_from_model (&view, x, y, &vx, &vy);

  light = draw_to_image (renderer, &view);
  mw_renderer_get_org_color (renderer, "Northwind Health", FALSE, &org);
  p = pixel_at (light, vx, vy);
  /* the actor is filled with its organisation's colour */
  g_assert_cmpint (p >> 16 & 0xff, ==, (int)lround (org.red * 255));
  g_assert_cmpint (p >> 8 & 0xff, ==, (int)lround (org.green * 255));
  g_assert_cmpint (p & 0xff, ==, (int)lround (org.blue * 255));
  g_assert_cmpint (channel_sum (pixel_at (light, 1, 1)), >, 700);
  g_assert_cmpuint (count_differing (light, pixel_at (light, 1, 1)), >, 800 * 600 / 20);

  view.dark = TRUE;
  dark = draw_to_image (renderer, &view);
  g_assert_cmpint (channel_sum (pixel_at (dark, 1, 1)), <, 150);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

static void
test_unplaced_grid (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("meshwork-basic.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwRenderer) again = mw_renderer_new (network);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double placed_right = -G_MAXDOUBLE;
  guint n_unplaced = 0;

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);

      if (actor->has_position)
        placed_right = MAX (placed_right, actor->x);
      else
        n_unplaced++;
    }
  g_assert_cmpuint (n_unplaced, >, 0);
  g_assert_cmpuint (mw_renderer_get_n_unplaced (renderer), ==, n_unplaced);

  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      double x, y, x2, y2;

      mw_renderer_get_actor_position (renderer, actor, &x, &y);
      mw_renderer_get_actor_position (again, actor, &x2, &y2);
      g_assert_cmpfloat (x, ==, x2);   /* deterministic */
      g_assert_cmpfloat (y, ==, y2);
      g_assert_true (g_hash_table_add (seen, g_strdup_printf ("%g,%g", x, y)));
      if (!actor->has_position)
        g_assert_cmpfloat (x, >, placed_right);   /* beside the drawing, not on it */
      else
        g_assert_cmpfloat (x, ==, actor->x);
    }
}

static void
test_pick (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("render-example.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  MwActor *ceo = mw_network_lookup_actor (network, "ceo");
  MwActor *coo = mw_network_lookup_actor (network, "coo");
  g_autoptr(GPtrArray) inside = NULL;
  MwTie *tie = NULL;
  double ax, ay, bx, by, vx, vy, wx, wy;
  MwView view;

  view_for (renderer, &view);
  mw_renderer_get_actor_position (renderer, ceo, &ax, &ay);
  mw_view_from_model (&view, ax, ay, &vx, &vy);
  g_assert_true (mw_renderer_pick_actor (renderer, &view, vx + 2, vy - 2) == ceo);
  g_assert_null (mw_renderer_pick_actor (renderer, &view, 1, 1));

  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    if (mw_network_get_tie (network, i)->from == coo && mw_network_get_tie (network, i)->type == MW_TIE_REPORTS)
      tie = mw_network_get_tie (network, i);
  g_assert_nonnull (tie);
  mw_renderer_get_actor_position (renderer, coo, &bx, &by);
  mw_view_from_model (&view, (ax + bx) / 2, (ay + by) / 2, &wx, &wy);
  g_assert_true (mw_renderer_pick_tie (renderer, &view, wx + 1, wy) == tie);
  g_assert_null (mw_renderer_pick_tie (renderer, &view, 1, 1));

  /* a rubber band drawn right to left still selects */
  inside = mw_renderer_actors_in_rect (renderer, &view, &(MwRect) { vx + 5, vy + 5, -10, -10 });
  g_assert_cmpuint (inside->len, ==, 1);
  g_assert_true (g_ptr_array_index (inside, 0) == ceo);
}

/* Ties between the same two actors each get their own lane: every one of
 * them can be picked somewhere between the two. */
static void
test_parallel_ties (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("multi-edges.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(GHashTable) found = g_hash_table_new (NULL, NULL);
  MwActor *a = mw_network_lookup_actor (network, "a");
  MwActor *b = mw_network_lookup_actor (network, "b");
  double ax, ay, bx, by, mx, my, vx, vy;
  guint between = 0;
  MwView view;

  view_for (renderer, &view);
  mw_renderer_get_actor_position (renderer, a, &ax, &ay);
  mw_renderer_get_actor_position (renderer, b, &bx, &by);
  mx = (ax + bx) / 2, my = (ay + by) / 2;
  for (double d = -40; d <= 40; d += 0.5)
    {
      MwTie *tie;

      /* across the ties' middle, perpendicular to a – b */
      mw_view_from_model (&view, mx - (by - ay) / hypot (bx - ax, by - ay) * d,
                          my + (bx - ax) / hypot (bx - ax, by - ay) * d, &vx, &vy);
      tie = mw_renderer_pick_tie (renderer, &view, vx, vy);
      if (tie != NULL)
        g_hash_table_add (found, tie);
    }
  for (guint i = 0; i < mw_network_get_n_ties (network); i++)
    {
      MwTie *tie = mw_network_get_tie (network, i);

      if (tie->from != tie->to)
        {
          between++;
          g_assert_true (g_hash_table_contains (found, tie));
        }
    }
  g_assert_cmpuint (between, ==, 4);
}

static void
test_follows_changes (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("render-example.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  MwActor *ceo = mw_network_lookup_actor (network, "ceo");
  MwRect before, after;
  double x, y, vx, vy;
  MwView view;

  g_assert_true (mw_renderer_get_bounds (renderer, &before));
  mw_network_set_actor_position (network, ceo, before.x + before.width + 500, 0);
  g_assert_true (mw_renderer_get_bounds (renderer, &after));
  g_assert_cmpfloat (after.width, >, before.width + 400);

  view_for (renderer, &view);
  mw_renderer_get_actor_position (renderer, ceo, &x, &y);
  mw_view_from_model (&view, x, y, &vx, &vy);
  g_assert_true (mw_renderer_pick_actor (renderer, &view, vx, vy) == ceo);

  /* a longer label widens what the renderer measures */
  mw_network_set_actor_position (network, ceo, 0, -1000);
  g_assert_true (mw_renderer_get_bounds (renderer, &before));
  mw_network_set_actor_label (network, ceo, "Maria Okafor, chief executive of everything here");
  g_assert_true (mw_renderer_get_bounds (renderer, &after));
  g_assert_cmpfloat (after.width, >, before.width);

  /* a removed actor is no longer drawn or picked */
  mw_network_remove_actor (network, ceo);
  g_assert_null (mw_network_lookup_actor (network, "ceo"));
  view_for (renderer, &view);
  g_assert_cmpuint (mw_renderer_get_n_unplaced (renderer), ==, 0);
}

static void
test_dim_and_select (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("render-example.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(GHashTable) highlighted = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
  MwActor *ceo = mw_network_lookup_actor (network, "ceo");
  MwActor *coo = mw_network_lookup_actor (network, "coo");
  cairo_surface_t *plain, *dimmed, *with_selection;
  double x, y, vx, vy, r;
  MwView view;

  view_for (renderer, &view);
  plain = draw_to_image (renderer, &view);

  g_hash_table_add (highlighted, ceo);
  view.highlighted_actors = highlighted;
  view.dim_others = TRUE;
  dimmed = draw_to_image (renderer, &view);

  /* the highlighted actor keeps its colour, the others fade to the background */
  mw_renderer_get_actor_position (renderer, ceo, &x, &y);
  mw_view_from_model (&view, x, y, &vx, &vy);
  g_assert_cmphex (pixel_at (dimmed, vx, vy), ==, pixel_at (plain, vx, vy));
  mw_renderer_get_actor_position (renderer, coo, &x, &y);
  mw_view_from_model (&view, x, y, &vx, &vy);
  g_assert_cmpint (channel_sum (pixel_at (dimmed, vx, vy)), >, channel_sum (pixel_at (plain, vx, vy)) + 100);

  /* a selection ring in the accent colour just outside the shape */
  view.highlighted_actors = NULL;
  view.dim_others = FALSE;
  g_hash_table_add (selected, coo);
  view.selected_actors = selected;
  with_selection = draw_to_image (renderer, &view);
  r = mw_renderer_get_actor_radius (renderer, coo) * view.zoom;
  {
    guint32 ring = pixel_at (with_selection, vx + r + 2 + 1.25, vy);

    g_assert_cmpint (ring & 0xff, >, (ring >> 16 & 0xff) + 60);   /* blue */
    g_assert_cmphex (ring, !=, pixel_at (plain, vx + r + 2 + 1.25, vy));
  }

  cairo_surface_destroy (dimmed);
  cairo_surface_destroy (with_selection);

  /* a highlighted tie glows yellow along its length */
  {
    g_autoptr(GHashTable) ties = g_hash_table_new (NULL, NULL);
    MwTie *tie = NULL;
    double cx, cy, ex, ey, len, px, py;
    cairo_surface_t *glowing;
    guint32 p;

    for (guint i = 0; i < mw_network_get_n_ties (network); i++)
      if (mw_network_get_tie (network, i)->from == coo && mw_network_get_tie (network, i)->to == ceo)
        tie = mw_network_get_tie (network, i);
    g_assert_nonnull (tie);
    g_hash_table_add (ties, tie);
    view.selected_actors = NULL;
    view.highlighted_ties = ties;
    glowing = draw_to_image (renderer, &view);
    mw_renderer_get_actor_position (renderer, coo, &x, &y);
    mw_view_from_model (&view, x, y, &cx, &cy);
    mw_renderer_get_actor_position (renderer, ceo, &x, &y);
    mw_view_from_model (&view, x, y, &ex, &ey);
    len = hypot (ex - cx, ey - cy);
    /* beside the line's ink, inside its glow */
    px = (cx + ex) / 2 - (ey - cy) / len * 2.5;
    py = (cy + ey) / 2 + (ex - cx) / len * 2.5;
    p = pixel_at (glowing, px, py);
    g_assert_cmpint (((p >> 16 & 0xff) + (p >> 8 & 0xff)) / 2 - (int)(p & 0xff), >, 60);
    g_assert_cmphex (p, !=, pixel_at (plain, px, py));
    cairo_surface_destroy (glowing);
  }
  cairo_surface_destroy (plain);
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a), stride = cairo_image_surface_get_stride (a);

  if (cairo_image_surface_get_width (a) != cairo_image_surface_get_width (b) ||
      h != cairo_image_surface_get_height (b) || stride != cairo_image_surface_get_stride (b))
    return FALSE;
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b), (gsize)h * stride) == 0;
}

static void
test_level_of_detail (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("render-example.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  cairo_surface_t *auto_labels, *no_labels;
  MwView view;

  /* readable size: labels show */
  view_for (renderer, &view);
  auto_labels = draw_to_image (renderer, &view);
  view.labels = MW_LABELS_NEVER;
  no_labels = draw_to_image (renderer, &view);
  g_assert_false (same_pixels (auto_labels, no_labels));
  cairo_surface_destroy (auto_labels);
  cairo_surface_destroy (no_labels);

  /* overview zoom: labels drop out */
  view.zoom = 0.2;
  view.labels = MW_LABELS_AUTO;
  auto_labels = draw_to_image (renderer, &view);
  view.labels = MW_LABELS_NEVER;
  no_labels = draw_to_image (renderer, &view);
  g_assert_true (same_pixels (auto_labels, no_labels));
  cairo_surface_destroy (auto_labels);
  cairo_surface_destroy (no_labels);
}

/* A 40 × 40 grid of people with 3,000 ties between neighbours: past the
 * renderer's threshold for drawing ties as one mask of hairlines. */
static MwNetwork *
make_grid (gboolean with_ties)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  mw_network_begin_batch (network, "grid");
  for (guint i = 0; i < 1600; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_position (network, actor, (i % 40) * 50.0, (i / 40) * 50.0);
    }
  for (guint t = 0; with_ties && t < 3000; t++)
    {
      guint a = g_rand_int_range (rand, 0, 1600);
      guint b = (a + (g_rand_boolean (rand) ? 1 : 40)) % 1600;

      mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                          g_rand_int_range (rand, 0, MW_N_TIE_TYPES), 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

static void
test_dense_overview (void)
{
  g_autoptr(MwNetwork) bare = make_grid (FALSE);
  g_autoptr(MwNetwork) tied = make_grid (TRUE);
  g_autoptr(MwRenderer) bare_renderer = mw_renderer_new (bare);
  g_autoptr(MwRenderer) tied_renderer = mw_renderer_new (tied);
  cairo_surface_t *without, *with;
  guint32 background;
  MwView view;

  /* the same shapes in both: ties must not change the actors' sizes */
  mw_renderer_set_size_by (bare_renderer, MW_SIZE_UNIFORM);
  mw_renderer_set_size_by (tied_renderer, MW_SIZE_UNIFORM);
  view_for (bare_renderer, &view);
  view.scale = 2;
  without = draw_to_image (bare_renderer, &view);
  with = draw_to_image (tied_renderer, &view);
  background = pixel_at (without, 1, 1);
  /* the ties' ink shows between the actors, across the whole view */
  g_assert_cmpuint (count_differing (with, background), >, count_differing (without, background) + 20000);
  g_assert_cmphex (pixel_at (with, 1, 1), ==, background);
  cairo_surface_destroy (without);
  cairo_surface_destroy (with);
}

/* Ties of every slope and length, many crossing the whole view, over
 * overlapping boundaries. */
static MwNetwork *
make_tangle (void)
{
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  mw_network_begin_batch (network, "tangle");
  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);
      double x = g_rand_double_range (rand, 0, 2000), y = g_rand_double_range (rand, 0, 1500);
      /* boundaries of units and organisations by place, some actors outside */
      g_autofree char *org = g_strdup_printf ("Org %d", (int)(x / 700));
      g_autofree char *unit = g_strdup_printf ("Unit %d-%d", (int)(x / 350), (int)(y / 300));

      mw_network_set_actor_position (network, actor, x, y);
      if (i % 5 != 0)
        mw_network_set_actor_org (network, actor, org);
      if (i % 3 != 0)
        mw_network_set_actor_unit (network, actor, unit);
    }
  for (guint t = 0; t < 4000; t++)
    {
      guint a = g_rand_int_range (rand, 0, 1200), b = (a + g_rand_int_range (rand, 1, 1200)) % 1200;

      mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                          g_rand_int_range (rand, 0, MW_N_TIE_TYPES), g_rand_boolean (rand) ? 1 : 2, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

/* Dense ties rasterised and composited in bands on two threads give
 * exactly the pixels one thread gives: normal and dimmed, at scale 1 and
 * 2, zoomed so that lines leave the view on every side. */
/* Three units of 400 people, each in its own part of the drawing, tied
 * inside and across. */
static MwNetwork *
make_units (void)
{
  static const char *units[] = { "North", "South", "East" };
  MwNetwork *network = mw_network_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  mw_network_begin_batch (network, "units");
  for (guint i = 0; i < 1200; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);
      guint unit = i / 400;

      mw_network_set_actor_unit (network, actor, units[unit]);
      mw_network_set_actor_position (network, actor, unit * 3000 + (i % 20) * 60.0, ((i % 400) / 20) * 60.0);
    }
  for (guint t = 0; t < 3000; t++)
    {
      guint a = g_rand_int_range (rand, 0, 1200);
      guint b = t % 10 == 0 ? (a + 400) % 1200 : (a / 400) * 400 + g_rand_int_range (rand, 0, 400);

      if (a != b)
        mw_network_add_tie (network, mw_network_get_actor (network, a), mw_network_get_actor (network, b),
                            t % 20 == 0 ? MW_TIE_CHECKS : MW_TIE_COLLABORATES, 1, NULL);
    }
  mw_network_end_batch (network);
  return network;
}

static void
collect_text (const char                 *text,
              const char                 *full_text,
              const PangoFontDescription *font,
              double                      size,
              const MwColor              *color,
              double                      x,
              double                      y,
              double                      width,
              gpointer                    user_data)
{
  GHashTable *texts = user_data;
  double *smallest = g_hash_table_lookup (texts, "");

  g_hash_table_add (texts, g_strdup (text));
  *smallest = MIN (*smallest, size);
}

/* Issue 17: when people are specks, the organisation's map — a disc per
 * unit, named legibly with its head count, bands between units — replaces
 * the grey mass; zooming in blends back into the actors themselves. */
static void
test_overview_map (void)
{
  g_autoptr(MwNetwork) network = make_units ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double smallest = G_MAXDOUBLE;
  cairo_surface_t *map, *people;
  MwView view;
  MwFrame f = { .view = &view };
  MwRect bounds;

  mw_view_init (&view, 1000, 400);
  g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
  mw_view_fit (&view, &bounds, 20);
  g_assert_cmpfloat (view.zoom, <, 0.2);
  g_assert_cmpfloat (_mw_renderer_overview_weight (renderer, &f), ==, 1);

  g_hash_table_insert (texts, g_strdup (""), &smallest);
  _mw_renderer_set_text_sink (renderer, collect_text, texts);
  cairo_surface_destroy (draw_to_image (renderer, &view));
  _mw_renderer_set_text_sink (renderer, NULL, NULL);
  g_assert_true (g_hash_table_contains (texts, "North · 400"));
  g_assert_true (g_hash_table_contains (texts, "South · 400"));
  g_assert_true (g_hash_table_contains (texts, "East · 400"));
  g_assert_cmpfloat (smallest, >=, 12);

  /* the discs sit where their people are: North left, East right */
  map = draw_to_image (renderer, &view);
  {
    double nx, ny, ex, ey;

    mw_view_from_model (&view, 570, 570, &nx, &ny);
    mw_view_from_model (&view, 6570, 570, &ex, &ey);
    g_assert_cmphex (pixel_at (map, nx, ny - 25), !=, pixel_at (map, 2, 2));
    g_assert_cmphex (pixel_at (map, ex, ey - 25), !=, pixel_at (map, 2, 2));
  }

  /* close up, people again and no map */
  view.zoom = 1;
  g_assert_cmpfloat (_mw_renderer_overview_weight (renderer, &f), ==, 0);
  /* in between, both, blended */
  view.zoom = 0.3;
  g_assert_cmpfloat (_mw_renderer_overview_weight (renderer, &f), >, 0);
  g_assert_cmpfloat (_mw_renderer_overview_weight (renderer, &f), <, 1);
  people = draw_to_image (renderer, &view);
  g_assert_cmpint (cairo_surface_status (people), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (people);
  cairo_surface_destroy (map);

  /* a small network never turns into a map */
  {
    g_autoptr(MwNetwork) small = load_fixture ("render-example.gv");
    g_autoptr(MwRenderer) small_renderer = mw_renderer_new (small);

    view.zoom = 0.05;
    g_assert_cmpfloat (_mw_renderer_overview_weight (small_renderer, &f), ==, 0);
  }
}

static void
test_dense_threads (void)
{
  g_autoptr(MwNetwork) network = make_tangle ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(GHashTable) ties = g_hash_table_new (NULL, NULL);
  MwView view;

  for (guint i = 0; i < 200; i++)
    g_hash_table_add (ties, mw_network_get_tie (network, i * 7));
  for (int round = 0; round < 6; round++)
    {
      cairo_surface_t *one, *two;

      view_for (renderer, &view);
      view.scale = round % 2 == 0 ? 1 : 2;
      if (round >= 2)
        {
          view.highlighted_ties = ties;
          view.dim_others = TRUE;
        }
      /* close enough for arrowheads */
      if (round >= 4)
        mw_view_zoom_at (&view, 1.7, 310, 170);
      _mw_renderer_set_n_threads (renderer, 1);
      one = draw_to_image (renderer, &view);
      _mw_renderer_set_n_threads (renderer, 2);
      two = draw_to_image (renderer, &view);
      g_assert_true (same_pixels (one, two));
      /* the canvas (not an image surface, but raster) the same */
      view.raster = TRUE;
      cairo_surface_destroy (two);
      two = draw_to_image (renderer, &view);
      g_assert_true (same_pixels (one, two));
      cairo_surface_destroy (one);
      cairo_surface_destroy (two);
    }
}

/* At an overview, where labels drop out, a highlighted actor keeps its
 * label and an unhighlighted one does not get one back. */
static void
test_emphasis_labels (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("render-example.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(GHashTable) highlighted = g_hash_table_new (NULL, NULL);
  MwActor *marked = mw_network_lookup_actor (network, "lab_head");
  MwActor *other = mw_network_lookup_actor (network, "facil");
  cairo_surface_t *with, *without;
  MwView view;

  view_for (renderer, &view);
  view.zoom = 0.25;
  g_hash_table_add (highlighted, marked);
  view.highlighted_actors = highlighted;
  view.dim_others = TRUE;
  with = draw_to_image (renderer, &view);
  view.labels = MW_LABELS_NEVER;
  without = draw_to_image (renderer, &view);

  for (int i = 0; i < 2; i++)
    {
      MwActor *actor = i == 0 ? marked : other;
      double x, y, vx, vy, r;
      guint n = 0;

      g_assert_nonnull (actor);
      mw_renderer_get_actor_position (renderer, actor, &x, &y);
      mw_view_from_model (&view, x, y, &vx, &vy);
      r = mw_renderer_get_actor_radius (renderer, actor) * view.zoom;
      /* the label, under or over the shape, 10 px tall at least */
      for (double py = vy - r - 16; py < vy + r + 16; py++)
        for (double px = vx - 30; px < vx + 30; px++)
          if (px >= 0 && py >= 0 && px < view.width && py < view.height &&
              pixel_at (with, px, py) != pixel_at (without, px, py))
            n++;
      if (i == 0)
        g_assert_cmpuint (n, >, 60);
      else
        g_assert_cmpuint (n, ==, 0);
    }
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);
}

static cairo_status_t
read_bytes_cb (void          *closure,
               unsigned char *data,
               unsigned int   length)
{
  GInputStream *in = closure;
  gsize n = 0;

  if (!g_input_stream_read_all (in, data, length, &n, NULL, NULL) || n != length)
    return CAIRO_STATUS_READ_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* The canvas path (mw_renderer_draw into a surface with a device scale) and
 * the PNG export give the same pixels for the same view. */
static void
test_canvas_matches_export (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("render-example.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);

  for (double scale = 1; scale <= 2; scale++)
    {
      g_autoptr(GBytes) png = NULL;
      g_autoptr(GInputStream) in = NULL;
      g_autoptr(GError) error = NULL;
      cairo_surface_t *exported, *canvas;
      MwExportOptions options;
      MwView view;

      mw_export_options_init (&options, MW_EXPORT_PNG);
      options.scale = scale;
      png = mw_export_to_bytes (renderer, &options, &error);
      g_assert_no_error (error);
      in = g_memory_input_stream_new_from_bytes (png);
      exported = cairo_image_surface_create_from_png_stream (read_bytes_cb, in);
      g_assert_cmpint (cairo_surface_status (exported), ==, CAIRO_STATUS_SUCCESS);

      mw_export_get_view (renderer, &options, &view, NULL, NULL);
      canvas = draw_to_image (renderer, &view);
      g_assert_true (same_pixels (exported, canvas));
      cairo_surface_destroy (exported);
      cairo_surface_destroy (canvas);
    }
}

/* The same view drawn through a recording surface: the renderer cannot
 * tell it will become pixels, so it draws every shape as a path. */
static cairo_surface_t *
draw_as_paths (MwRenderer   *renderer,
               const MwView *view)
{
  int w = (int)ceil (view->width * view->scale), h = (int)ceil (view->height * view->scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);

  mw_renderer_draw (renderer, cr, view);
  cairo_destroy (cr);
  cairo_surface_set_device_scale (surface, view->scale, view->scale);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (surface);
  return surface;
}

/* How far apart two images are: the largest channel difference of any
 * pixel, and how many pixels differ by more than a sixteenth. */
static void
compare_pixels (cairo_surface_t *a,
                cairo_surface_t *b,
                int             *max_diff,
                guint           *n_visible)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  *max_diff = 0;
  *n_visible = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(guint32 *)(cairo_image_surface_get_data (a) + y * stride + x * 4);
        guint32 q = *(guint32 *)(cairo_image_surface_get_data (b) + y * stride + x * 4);
        int d = 0;

        for (int shift = 0; shift < 32; shift += 8)
          d = MAX (d, ABS ((int)(p >> shift & 0xff) - (int)(q >> shift & 0xff)));
        *max_diff = MAX (*max_diff, d);
        if (d > 16)
          (*n_visible)++;
      }
}

/* Image surfaces get actors copied from pre-drawn stamps: the picture must
 * be the one paths give, bar the edges' antialiasing (a stamp sits within
 * an eighth of a pixel of where the path would). */
static void
test_stamps_match_paths (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("render-example.gv");
  g_autoptr(MwNetwork) grid = make_grid (TRUE);
  MwNetwork *networks[] = { network, grid };

  for (guint n = 0; n < G_N_ELEMENTS (networks); n++)
    for (double zoom = 0.25; zoom <= 2; zoom *= 2)
      {
        g_autoptr(MwRenderer) renderer = mw_renderer_new (networks[n]);
        g_autoptr(GHashTable) selected = g_hash_table_new (NULL, NULL);
        cairo_surface_t *stamped, *paths;
        guint n_visible, n_pixels;
        int max_diff;
        MwView view;

        view_for (renderer, &view);
        mw_view_zoom_at (&view, zoom / view.zoom, 400, 300);
        view.scale = n == 0 ? 1 : 2;
        /* glyphs replayed from a recording surface land differently */
        view.labels = MW_LABELS_NEVER;
        /* dimmed actors are stamped too */
        g_hash_table_add (selected, mw_network_get_actor (networks[n], 0));
        view.selected_actors = selected;
        view.dim_others = zoom > 1;
        view.highlighted_actors = zoom > 1 ? selected : NULL;
        stamped = draw_to_image (renderer, &view);
        paths = draw_as_paths (renderer, &view);
        compare_pixels (stamped, paths, &max_diff, &n_visible);
        n_pixels = cairo_image_surface_get_width (paths) * cairo_image_surface_get_height (paths);
        g_test_message ("zoom %g: largest difference %d, %u of %u pixels differ by more than 16",
                        zoom, max_diff, n_visible, n_pixels);
        /* only the shapes' rims differ, and by less than a third */
        g_assert_cmpuint (n_visible, <, n_pixels / 40);
        g_assert_cmpint (max_diff, <, 80);
        cairo_surface_destroy (stamped);
        cairo_surface_destroy (paths);
      }
}

static void
test_view_fit_and_zoom (void)
{
  MwRect bounds = { -100, 50, 400, 200 };
  double vx, vy, mx, my;
  MwView view;

  mw_view_init (&view, 800, 600);
  mw_view_fit (&view, &bounds, 10);
  mw_view_from_model (&view, bounds.x, bounds.y, &vx, &vy);
  g_assert_cmpfloat (vx, >=, 9.999);
  mw_view_from_model (&view, bounds.x + bounds.width, bounds.y + bounds.height, &vx, &vy);
  g_assert_cmpfloat (vx, <=, 790.001);
  g_assert_cmpfloat (vy, <=, 590.001);
  g_assert_cmpfloat (fabs (vx - 790), <, 0.001);   /* the wide side fills the view */

  /* zooming at a point keeps that point under the pointer */
  mw_view_to_model (&view, 300, 200, &mx, &my);
  mw_view_zoom_at (&view, 2.5, 300, 200);
  mw_view_from_model (&view, mx, my, &vx, &vy);
  g_assert_cmpfloat (fabs (vx - 300), <, 1e-9);
  g_assert_cmpfloat (fabs (vy - 200), <, 1e-9);
}

static void
test_legend (void)
{
  g_autoptr(MwNetwork) network = load_fixture ("render-example.gv");
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  cairo_surface_t *surface;
  double w, h;
  cairo_t *cr;

  mw_renderer_measure_legend (renderer, &w, &h);
  g_assert_cmpfloat (w, >, 100);
  g_assert_cmpfloat (h, >, 200);   /* shapes, size, four ties, two badges, two organisations */

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (w), (int)ceil (h));
  cr = cairo_create (surface);
  mw_renderer_draw_legend (renderer, cr, 0, 0, FALSE);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  g_assert_cmpuint (count_differing (surface, pixel_at (surface, w / 2, 3)), >, 500);
  cairo_surface_destroy (surface);
}

static void
test_empty_network (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  cairo_surface_t *surface;
  MwRect bounds;
  MwView view;

  g_assert_false (mw_renderer_get_bounds (renderer, &bounds));
  mw_view_init (&view, 50, 40);
  surface = draw_to_image (renderer, &view);
  g_assert_cmpuint (count_differing (surface, pixel_at (surface, 0, 0)), ==, 0);
  g_assert_null (mw_renderer_pick_actor (renderer, &view, 10, 10));
  cairo_surface_destroy (surface);
}

/* Pixels in the view rectangle [x0, x1) × [y0, y1) that are not @background. */
static guint
count_in_rect (cairo_surface_t *surface,
               guint32          background,
               double           x0,
               double           y0,
               double           x1,
               double           y1)
{
  guint n = 0;

  for (double y = y0; y < y1; y += 1)
    for (double x = x0; x < x1; x += 1)
      if (pixel_at (surface, x, y) != background)
        n++;
  return n;
}

/* An actor 50,000,000 pt to the right and one as far down, tied to one in
 * the middle of the view: at any zoom their device coordinates are past
 * cairo's 24.8 fixed point (±8,388,607), which used to wrap them round, so
 * the ties came in from the wrong side. Now they leave right and down. */
static void
test_far_geometry (void)
{
  static const char dot[] =
    "digraph far {\n"
    "  near [label=\"Near\", pos=\"0,0\"];\n"
    "  right [label=\"Right\", pos=\"50000000,0\"];\n"
    "  down [label=\"Down\", pos=\"0,-50000000\"];\n"
    "  near -> right [mw_tie=reports];\n"
    "  near -> down [mw_tie=reports];\n"
    "}\n";
  static const double zooms[] = { 1, 4, 10 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_data (dot, sizeof dot - 1, "far.gv", NULL, &error);
  g_autoptr(MwRenderer) renderer = NULL;
  double near_x, near_y, x, y;

  g_assert_no_error (error);
  renderer = mw_renderer_new (network);
  _mw_renderer_set_n_threads (renderer, 1);
  mw_renderer_get_actor_position (renderer, mw_network_get_actor (network, 0), &near_x, &near_y);
  mw_renderer_get_actor_position (renderer, mw_network_get_actor (network, 1), &x, &y);
  g_assert_cmpfloat (x - near_x, ==, 50000000);
  mw_renderer_get_actor_position (renderer, mw_network_get_actor (network, 2), &x, &y);
  g_assert_cmpfloat (y - near_y, ==, 50000000);

  for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
    for (double scale = 1; scale <= 2; scale++)
      {
        cairo_surface_t *surface;
        guint32 background;
        double r = 12 * 1.5 * zooms[z];   /* the disc and its outline */
        MwView view;

        mw_view_init (&view, 400, 300);
        view.zoom = zooms[z];
        view.scale = scale;
        view.labels = MW_LABELS_NEVER;
        view.offset_x = near_x - 200 / view.zoom;
        view.offset_y = near_y - 150 / view.zoom;
        surface = draw_to_image (renderer, &view);
        background = pixel_at (surface, 2, 2);

        /* the tie to the right, along the middle row, beyond near's disc */
        g_assert_cmpuint (count_in_rect (surface, background, MIN (200 + r, 380), 145, 400, 155), >, 10);
        g_assert_cmpuint (count_in_rect (surface, background, 0, 140, MAX (200 - r, 20), 160), ==, 0);
        /* the tie down, along the middle column */
        g_assert_cmpuint (count_in_rect (surface, background, 195, MIN (150 + r, 280), 205, 300), >, 5);
        g_assert_cmpuint (count_in_rect (surface, background, 190, 0, 210, MAX (150 - r, 10)), ==, 0);
        cairo_surface_destroy (surface);
      }
}

/* A unit that holds the actor in view and one 50,000,000 pt away: its box
 * is filled around the near actor and runs out of the view to the right,
 * never wrapped round by cairo's fixed point. */
static void
test_far_group (void)
{
  static const char dot[] =
    "digraph far {\n"
    "  near [label=\"Near\", pos=\"0,0\", mw_org=\"Acme\", mw_unit=\"Ops\"];\n"
    "  right [label=\"Right\", pos=\"50000000,0\", mw_org=\"Acme\", mw_unit=\"Ops\"];\n"
    "}\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_data (dot, sizeof dot - 1, "far-group.gv", NULL, &error);
  g_autoptr(MwRenderer) renderer = NULL;
  double near_x, near_y;

  g_assert_no_error (error);
  renderer = mw_renderer_new (network);
  _mw_renderer_set_n_threads (renderer, 1);
  mw_renderer_get_actor_position (renderer, mw_network_get_actor (network, 0), &near_x, &near_y);

  for (double scale = 1; scale <= 2; scale++)
    {
      cairo_surface_t *surface;
      guint32 background;
      MwView view;

      mw_view_init (&view, 400, 300);
      view.scale = scale;
      view.labels = MW_LABELS_NEVER;
      view.offset_x = near_x - 200;
      view.offset_y = near_y - 150;
      surface = draw_to_image (renderer, &view);
      background = pixel_at (surface, 2, 2);

      /* the box's fill beside the near actor and on to the right edge */
      g_assert_cmpuint (count_in_rect (surface, background, 240, 135, 400, 140), ==, 160 * 5);
      /* nothing left of the box, above or below it */
      g_assert_cmpuint (count_in_rect (surface, background, 0, 140, 100, 160), ==, 0);
      g_assert_cmpuint (count_in_rect (surface, background, 0, 0, 400, 40), ==, 0);
      cairo_surface_destroy (surface);
    }
}

/* Where the ink of the characters either side of the first space in
 * @layout ends and begins, in layout points. */
static void
space_ink (PangoLayout *layout,
           double      *left_end,
           double      *right_start)
{
  const char *text = pango_layout_get_text (layout);
  int space = (int)(strchr (text, ' ') - text);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle ink, previous = { 0 };

  *left_end = *right_start = -1;
  do
    {
      int index = pango_layout_iter_get_index (iter);

      pango_layout_iter_get_cluster_extents (iter, &ink, NULL);
      if (index == space)
        *left_end = (double)(previous.x + previous.width) / PANGO_SCALE;
      else if (index > space && *right_start < 0)
        *right_start = (double)ink.x / PANGO_SCALE;
      previous = ink;
    }
  while (pango_layout_iter_next_cluster (iter));
  pango_layout_iter_free (iter);
  g_assert_cmpfloat (*left_end, >, 0);
  g_assert_cmpfloat (*right_start, >, *left_end);
}

/* @layout drawn in black on a transparent A8 surface at @zoom, @offset
 * pixels right of x = 2, every pixel cut into @k × @k. */
static cairo_surface_t *
draw_label (MwRenderer  *renderer,
            PangoLayout *layout,
            double       zoom,
            double       offset,
            int          k)
{
  const MwColor black = { 0, 0, 0, 1 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 200 * k, 24 * k);
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, k, k);
  cairo_translate (cr, offset + 2, 2);
  cairo_scale (cr, zoom, zoom);
  _mw_renderer_show_layout (renderer, cr, layout, pango_layout_get_text (layout), 0, 0, &black);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How much ink each of the 200 columns of a draw_label() surface holds,
 * in whole pixels. */
static void
column_ink (cairo_surface_t *surface,
            int              k,
            double          *ink)
{
  int h = cairo_image_surface_get_height (surface), stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);

  for (int x = 0; x < 200; x++)
    {
      double sum = 0;

      for (int y = 0; y < h; y++)
        for (int i = 0; i < k; i++)
          sum += data[y * stride + x * k + i];
      ink[x] = sum / (k * k * 255.0);
    }
}

/* Whether a whole column of pixels between x @x0 and @x1 of a draw_label()
 * surface is left empty. */
static gboolean
has_empty_column (cairo_surface_t *surface,
                  double           x0,
                  double           x1)
{
  int h = cairo_image_surface_get_height (surface), stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);

  for (int x = (int)ceil (x0); x + 1 <= x1; x++)
    {
      gboolean empty = TRUE;

      for (int y = 0; y < h && empty; y++)
        empty = data[y * stride + x] == 0;
      if (empty)
        return TRUE;
    }
  return FALSE;
}

/* Word spaces survive fractional zoom. The laid-out gap between two words
 * grows with the zoom and stays open, and drawn at any zoom and any
 * sub-pixel offset, a whole column of pixels stays empty between them:
 * glyphs are not moved to whole pixels ("Dischargehuddle" at 79 %). */
static void
test_word_spaces (void)
{
  static const char *const labels[] = { "Omar Haddad", "Discharge huddle", "Lena Fischer" };
  static const double zooms[] = { 0.5, 0.56, 0.63, 0.71, 0.79, 0.87, 0.93, 1.1, 1.37, 1.5 };
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);

  for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
    {
      g_autoptr(PangoLayout) layout = _mw_renderer_create_layout (renderer, labels[l], MW_LABEL_FONT_SIZE, FALSE);
      double left_end, right_start, last_gap = 0;

      space_ink (layout, &left_end, &right_start);
      for (guint z = 0; z < G_N_ELEMENTS (zooms); z++)
        {
          double gap = (right_start - left_end) * zooms[z];

          g_assert_cmpfloat (gap, >, last_gap);
          last_gap = gap;
          for (double offset = 0; offset < 1; offset += 0.25)
            {
              cairo_surface_t *drawn = draw_label (renderer, layout, zooms[z], offset, 1);
              cairo_surface_t *fine = draw_label (renderer, layout, zooms[z], offset, 8);
              double ink[200], fine_ink[200];

              /* where each glyph's ink falls matches the drawing at 8 × 8
               * finer pixels: no glyph moved by a fraction of a pixel */
              column_ink (drawn, 1, ink);
              column_ink (fine, 8, fine_ink);
              for (int x = 0; x < 200; x++)
                if (fabs (ink[x] - fine_ink[x]) > 0.4)
                  g_error ("\"%s\" at zoom %g, offset %g: column %d holds %.2f px of ink, not %.2f",
                           labels[l], zooms[z], offset, x, ink[x], fine_ink[x]);
              /* a gap under two pixels need not hold a whole empty column */
              if (gap >= 2.2 &&
                  !has_empty_column (drawn, offset + 2 + left_end * zooms[z], offset + 2 + right_start * zooms[z]))
                g_error ("no space between the words of \"%s\" at zoom %g, offset %g", labels[l], zooms[z], offset);
              cairo_surface_destroy (drawn);
              cairo_surface_destroy (fine);
            }
        }
    }
}

/* Labels are drawn as people see them: an HTML-like label as its text, a
 * record label as its fields (mw_network_dup_actor_display_label()) */
static void
test_display_labels (void)
{
  static const char text[] =
    "digraph { a [label=<<b>Bold</b> person>]; b [label=\"Bold person\"];\n"
    "  c [shape=record, label=\"<f0> one|<f1> two\"]; d [label=\"one | two\"] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_data (text, strlen (text), "labels", NULL, &error);
  g_autoptr(MwRenderer) renderer = NULL;
  double wa, ha, wb, hb, wc, hc, wd, hd;

  g_assert_no_error (error);
  renderer = mw_renderer_new (network);
  _mw_renderer_label_size (renderer, mw_network_lookup_actor (network, "a"), &wa, &ha);
  _mw_renderer_label_size (renderer, mw_network_lookup_actor (network, "b"), &wb, &hb);
  _mw_renderer_label_size (renderer, mw_network_lookup_actor (network, "c"), &wc, &hc);
  _mw_renderer_label_size (renderer, mw_network_lookup_actor (network, "d"), &wd, &hd);
  g_assert_cmpfloat (wa, ==, wb);
  g_assert_cmpfloat (ha, ==, hb);
  g_assert_cmpfloat (wc, ==, wd);
  g_assert_cmpfloat (hc, ==, hd);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/colours-and-background", test_draw_colours_and_background);
  g_test_add_func ("/render/unplaced-grid", test_unplaced_grid);
  g_test_add_func ("/render/pick", test_pick);
  g_test_add_func ("/render/parallel-ties", test_parallel_ties);
  g_test_add_func ("/render/follows-changes", test_follows_changes);
  g_test_add_func ("/render/dim-and-select", test_dim_and_select);
  g_test_add_func ("/render/level-of-detail", test_level_of_detail);
  g_test_add_func ("/render/dense-overview", test_dense_overview);
  g_test_add_func ("/render/overview-map", test_overview_map);
  g_test_add_func ("/render/far-geometry", test_far_geometry);
  g_test_add_func ("/render/far-group", test_far_group);
  g_test_add_func ("/render/dense-threads", test_dense_threads);
  g_test_add_func ("/render/emphasis-labels", test_emphasis_labels);
  g_test_add_func ("/render/canvas-matches-export", test_canvas_matches_export);
  g_test_add_func ("/render/stamps-match-paths", test_stamps_match_paths);
  g_test_add_func ("/render/view-fit-and-zoom", test_view_fit_and_zoom);
  g_test_add_func ("/render/legend", test_legend);
  g_test_add_func ("/render/empty-network", test_empty_network);
  g_test_add_func ("/render/word-spaces", test_word_spaces);
  g_test_add_func ("/render/display-labels", test_display_labels);

  return g_test_run ();
}
