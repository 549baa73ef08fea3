/* test-render-fade.c: a view dense with long ties shows them as a veil
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Issue 17: at 50 % on a big organisation the long ties across it hid the
 * local ones under a dark carpet of hairlines. A view dense with ties now
 * fades the long ones by their length on screen: the ties to neighbours
 * read, the long ones become a veil. A selected tie and the ties of a
 * selected actor keep all their strength; the canvas's hairlines (masks),
 * the export's paths and the tiles show the same. */

#include <math.h>
#include <stdlib.h>

#include "mw-renderer.h"
#include "mw-renderer-private.h"
#include "mw-test-render.h"
#include "mw-render-tiles.h"

#define SIDE     40       /* actors a side of each block */
#define STEP     80.0     /* model points between them */
#define GAP_X    4800.0   /* where the right block begins: a corridor without actors before it */
#define N_LONG   8000     /* ties from the left block to the right one, across the corridor */

/* The view: zoom 50 %, the left block's edge and the corridor. */
#define ZOOM     0.5
#define VIEW_X   2600.0
#define VIEW_Y   999.0    /* the rows of actors on the middle of a pixel row */
#define ROW_KEPT   20     /* the selected actor's long tie runs along this row … */
#define ROW_CHOSEN 15     /* … and the selected long tie along this one */

typedef struct
{
  MwNetwork *network;
  MwActor   *kept;        /* selected: its long tie keeps all of it */
  MwTie     *chosen;      /* a selected long tie */
} Fixture;

static MwActor *
block_actor (MwNetwork *network,
             gboolean   right,
             int        c,
             int        r)
{
  return mw_network_get_actor (network, (right ? SIDE * SIDE : 0) + r * SIDE + c);
}

/* Two blocks of actors tied to their diagonal neighbours, and thousands
 * of long ties between the blocks; two of those run straight along a row. */
static void
fixture_init (Fixture *fx)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  MwNetwork *network = mw_network_new ();

  mw_network_begin_batch (network, "blocks");
  for (int b = 0; b < 2; b++)
    for (int r = 0; r < SIDE; r++)
      for (int c = 0; c < SIDE; c++)
        {
          g_autofree char *id = g_strdup_printf ("P%d-%d-%d", b, c, r);
          MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

          mw_network_set_actor_position (network, actor, b * GAP_X + c * STEP, r * STEP);
        }
  for (int b = 0; b < 2; b++)
    for (int r = 0; r + 1 < SIDE; r++)
      for (int c = 0; c + 1 < SIDE; c++)
        mw_network_add_tie (network, block_actor (network, b, c, r), block_actor (network, b, c + 1, r + 1),
                            MW_TIE_COLLABORATES, 1, NULL);
  for (int t = 0; t < N_LONG; t++)
    mw_network_add_tie (network,
                        block_actor (network, FALSE, g_rand_int_range (rand, 0, SIDE), g_rand_int_range (rand, 0, SIDE)),
                        block_actor (network, TRUE, g_rand_int_range (rand, 0, SIDE), g_rand_int_range (rand, 0, SIDE)),
                        MW_TIE_COLLABORATES, 1, NULL);
  fx->kept = block_actor (network, FALSE, SIDE - 1, ROW_KEPT);
  mw_network_add_tie (network, fx->kept, block_actor (network, TRUE, 0, ROW_KEPT), MW_TIE_COLLABORATES, 1, NULL);
  fx->chosen = mw_network_add_tie (network, block_actor (network, FALSE, SIDE - 1, ROW_CHOSEN),
                                   block_actor (network, TRUE, 0, ROW_CHOSEN), MW_TIE_COLLABORATES, 1, NULL);
  mw_network_end_batch (network);
  fx->network = network;
}

static void
view_init (MwView *view)
{
  mw_view_init (view, 640, 400);
  view->zoom = ZOOM;
  view->offset_x = VIEW_X;
  view->offset_y = VIEW_Y;
  view->labels = MW_LABELS_NEVER;
}

static const guchar *
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  return cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + 4 * x;
}

/* How much darker than the background pixel (x, y) is, summed over the channels. */
static double
darkness (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const MwColor *bg = &_mw_theme_get (FALSE)->background;
  const guchar *p = pixel (surface, x, y);

  return 255 * (bg->red + bg->green + bg->blue) - (p[0] + p[1] + p[2]);
}

/* The darkest pixel within two of (x, y). */
static double
darkest_near (cairo_surface_t *surface,
              int              x,
              int              y)
{
  double most = -G_MAXDOUBLE;

  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      most = MAX (most, darkness (surface, x + dx, y + dy));
  return most;
}

static int
device_x (double x)
{
  return (int)floor ((x - VIEW_X) * ZOOM);
}

static int
device_y (double y)
{
  return (int)floor ((y - VIEW_Y) * ZOOM);
}

/* The corridor's part of the view, columns. */
static int
corridor_x0 (void)
{
  return device_x ((SIDE - 1) * STEP + 160);
}

/* Mean darkness of the corridor, where only long ties pass, away from the
 * two rows of the selected ties. */
static double
corridor_darkness (cairo_surface_t *surface)
{
  int rows[2] = { device_y (ROW_KEPT * STEP), device_y (ROW_CHOSEN * STEP) };
  double sum = 0;
  guint n = 0;

  for (int y = 10; y < 390; y++)
    {
      if (abs (y - rows[0]) < 6 || abs (y - rows[1]) < 6)
        continue;
      for (int x = corridor_x0 (); x < 630; x++, n++)
        sum += darkness (surface, x, y);
    }
  return sum / n;
}

/* The darkest along a tie to a neighbour, at its middle, among a few such ties. */
static double
short_tie_darkness (cairo_surface_t *surface)
{
  double sum = 0;

  for (int c = SIDE - 8; c < SIDE - 3; c++)
    sum += darkest_near (surface, device_x ((c + 0.5) * STEP), device_y ((17 + 0.5) * STEP));
  return sum / 5;
}

/* Along a row across the corridor: the mean of the darkest near each column. */
static double
row_darkness (cairo_surface_t *surface,
              int              row)
{
  int y = device_y (row * STEP);
  double sum = 0;
  guint n = 0;

  for (int x = corridor_x0 (); x < 630; x += 7, n++)
    sum += darkest_near (surface, x, y);
  return sum / n;
}

/* How many columns across the corridor show the accent on the row. */
static guint
accent_columns (cairo_surface_t *surface,
                int              row)
{
  const MwColor *accent = &_mw_theme_get (FALSE)->accent;
  int y = device_y (row * STEP);
  guint n = 0;

  for (int x = corridor_x0 (); x < 630; x++)
    for (int dy = -2; dy <= 2; dy++)
      {
        const guchar *p = pixel (surface, x, y + dy);

        if (fabs (p[2] - 255 * accent->red) + fabs (p[1] - 255 * accent->green) + fabs (p[0] - 255 * accent->blue) < 60)
          {
            n++;
            break;
          }
      }
  return n;
}

/* The view with the actor and the tie selected: long ties faint, short
 * ones and the selected ones at full strength. */
static void
assert_veil (cairo_surface_t *surface,
             const char      *what)
{
  double corridor = corridor_darkness (surface), local = short_tie_darkness (surface);
  double kept = row_darkness (surface, ROW_KEPT);
  guint accent = accent_columns (surface, ROW_CHOSEN), width = 630 - corridor_x0 ();

  g_test_message ("%s: corridor %.0f, tie to a neighbour %.0f, the selected actor's long tie %.0f, "
                  "the selected tie's accent on %u of %u columns", what, corridor, local, kept, accent, width);
  g_assert_cmpfloat (local, >, 150);
  g_assert_cmpfloat (corridor, <, 0.5 * local);
  g_assert_cmpfloat (kept, >, 0.85 * local);
  g_assert_cmpuint (accent, >, width * 9 / 10);
}

/* The network at 50 %, the kept actor and the chosen tie selected, drawn
 * as @raster says (the canvas's hairline masks) or as paths (an export,
 * every label shown): the long ties a veil, the selected ones whole. */
static void
assert_selected_veil (const char *what,
                      gboolean    raster)
{
  Fixture fx;
  g_autoptr(MwRenderer) renderer = NULL;
  g_autoptr(GHashTable) actors = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ties = g_hash_table_new (NULL, NULL);
  cairo_surface_t *surface;
  MwView view;

  fixture_init (&fx);
  renderer = mw_renderer_new (fx.network);
  view_init (&view);
  if (raster)
    view.raster = TRUE;
  else
    view.labels = MW_LABELS_ALWAYS;
  g_hash_table_add (actors, fx.kept);
  g_hash_table_add (ties, fx.chosen);
  view.selected_actors = actors;
  view.selected_ties = ties;
  surface = mw_test_draw_view (renderer, &view);
  assert_veil (surface, what);
  cairo_surface_destroy (surface);
  g_object_unref (fx.network);
}

/* The canvas: thousands of ties on screen go to hairline masks. */
static void
test_fade_hairlines (void)
{
  assert_selected_veil ("hairlines", TRUE);
}

/* An export (every label) strokes the ties as paths: the same veil. */
static void
test_fade_paths (void)
{
  assert_selected_veil ("paths", FALSE);
}

/* Close up the ties cover the drawing thinly: nothing fades. */
static void
test_fade_close_up (void)
{
  Fixture fx;
  g_autoptr(MwRenderer) renderer = NULL;
  MwTieFade fade;
  MwView view;

  fixture_init (&fx);
  renderer = mw_renderer_new (fx.network);
  view_init (&view);
  view.zoom = 4;
  _mw_renderer_measure_fade (renderer, &view, &fade);
  g_assert_cmpfloat (fade.strength, ==, 0);
  view.zoom = ZOOM;
  _mw_renderer_measure_fade (renderer, &view, &fade);
  g_assert_cmpfloat (fade.strength, ==, 1);
  g_object_unref (fx.network);
}

/* Tiles fade as the whole view does: the composite is the frame. */
static void
test_fade_tiles (void)
{
  Fixture fx;
  g_autoptr(MwRenderer) renderer = NULL;
  g_autoptr(MwRenderTiles) tiles = NULL;
  cairo_surface_t *direct, *tiled;
  guint rounds = 0, n = 0;
  cairo_t *cr;
  MwView view;

  fixture_init (&fx);
  renderer = mw_renderer_new (fx.network);
  tiles = mw_render_tiles_new (renderer, 128);
  view_init (&view);
  direct = mw_test_draw_view (renderer, &view);
  while (!mw_render_tiles_update (tiles, &view, TRUE, 0))
    {
      mw_render_tiles_wait (tiles);
      g_assert_cmpuint (++rounds, <, 1000);
    }
  tiled = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view.width, view.height);
  cr = cairo_create (tiled);
  mw_render_tiles_paint (tiles, cr, &view);
  cairo_destroy (cr);
  cairo_surface_flush (tiled);

  for (int y = 0; y < view.height; y++)
    for (int x = 0; x < view.width; x++)
      for (int c = 0; c < 4; c++)
        if (abs (pixel (direct, x, y)[c] - pixel (tiled, x, y)[c]) > 24)
          {
            n++;
            break;
          }
  g_assert_cmpuint (n, <=, view.width * view.height / 500);
  /* and the tiles too show the veil */
  g_assert_cmpfloat (corridor_darkness (tiled), <, 0.5 * short_tie_darkness (tiled));
  cairo_surface_destroy (direct);
  cairo_surface_destroy (tiled);
  g_object_unref (fx.network);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/fade/hairlines", test_fade_hairlines);
  g_test_add_func ("/render/fade/paths", test_fade_paths);
  g_test_add_func ("/render/fade/close-up", test_fade_close_up);
  g_test_add_func ("/render/fade/tiles", test_fade_tiles);
  return g_test_run ();
}
