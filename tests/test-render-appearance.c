/* test-render-appearance.c: the renderer and the legend under an appearance mapping
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "mw-appearance.h"
#include "mw-render-legend.h"
#include "mw-renderer.h"
#include "mw-renderer-private.h"

/* Six people in a row, in units and with a numeric budget. */
static MwNetwork *
row_network (void)
{
  static const char * const units[] = { "Sales", "Clinical", "Sales", "Digital", "Clinical", "Sales" };
  static const char * const budgets[] = { "1", "4", "9", "16", "25", "36" };
  MwNetwork *network = mw_network_new ();

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_unit (network, actor, units[i]);
      mw_network_set_actor_attr (network, actor, "budget", budgets[i]);
      mw_network_set_actor_position (network, actor, i * 160.0, 0);
    }
  return network;
}

static cairo_surface_t *
draw (MwRenderer *renderer,
      MwView     *view)
{
  cairo_surface_t *surface;
  MwRect bounds;
  cairo_t *cr;

  mw_view_init (view, 1000, 300);
  g_assert_true (mw_renderer_get_bounds (renderer, &bounds));
  mw_view_fit (view, &bounds, 20);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 300);
  cr = cairo_create (surface);
  mw_renderer_draw (renderer, cr, view);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The pixel at the centre of an actor's shape, as 0xRRGGBB. */
static guint32
pixel_at_actor (cairo_surface_t *surface,
                MwRenderer      *renderer,
                const MwView    *view,
                MwActor         *actor)
{
  double x, y, px, py;

  mw_renderer_get_actor_position (renderer, actor, &x, &y);
  mw_view_from_model (view, x, y, &px, &py);
  return *(guint32 *)(cairo_image_surface_get_data (surface) + (int)py * cairo_image_surface_get_stride (surface) +
                      (int)px * 4) & 0xffffff;
}

static guint32
rgb (const MwColor *c)
{
  return (guint32)lround (c->red * 255) << 16 | (guint32)lround (c->green * 255) << 8 | (guint32)lround (c->blue * 255);
}

static gboolean
close_to (guint32 a,
          guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (abs ((int)(a >> shift & 0xff) - (int)(b >> shift & 0xff)) > 3)
      return FALSE;
  return TRUE;
}

/* Each actor's pixel has its category's colour; the legend lists them. */
static void
test_color_by_category (void)
{
  g_autoptr(MwNetwork) network = row_network ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwLegend) legend = NULL;
  cairo_surface_t *before, *after;
  MwAppearanceMap *map;
  MwView view;
  guint32 grey;

  before = draw (renderer, &view);
  grey = pixel_at_actor (before, renderer, &view, mw_network_get_actor (network, 0));
  mw_network_set_attr (network, MW_APPEARANCE_COLOR_ATTR, "unit");
  after = draw (renderer, &view);
  map = _mw_renderer_get_appearance (renderer);
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      MwActor *actor = mw_network_get_actor (network, i);
      MwColor expected;

      _mw_palette_color (MW_COLOR_CATEGORY (mw_appearance_map_color_class (map, i)), FALSE, &expected);
      g_assert_true (close_to (pixel_at_actor (after, renderer, &view, actor), rgb (&expected)));
    }
  g_assert_false (close_to (pixel_at_actor (after, renderer, &view, mw_network_get_actor (network, 0)), grey));

  legend = mw_legend_new (renderer);
  {
    g_autoptr(GString) texts = g_string_new (NULL);

    for (guint i = 0; i < mw_legend_get_n_entries (legend); i++)
      g_string_append_printf (texts, "%s|", mw_legend_get_entry_text (legend, i));
    g_assert_nonnull (strstr (texts->str, "|Clinical|Digital|Sales|"));
    g_assert_nonnull (strstr (texts->str, "Unit"));
  }
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

/* A numeric colour is a ramp: darker for more; the legend says min and max. */
static void
test_color_by_number (void)
{
  g_autoptr(MwNetwork) network = row_network ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwLegend) legend = NULL;
  cairo_surface_t *surface;
  MwView view;
  int last = G_MAXINT;
  gboolean found = FALSE;

  mw_network_set_attr (network, MW_APPEARANCE_COLOR_ATTR, "budget");
  surface = draw (renderer, &view);
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      guint32 p = pixel_at_actor (surface, renderer, &view, mw_network_get_actor (network, i));
      int light = (int)(p >> 16 & 0xff) + (int)(p >> 8 & 0xff) + (int)(p & 0xff);

      g_assert_cmpint (light, <=, last);
      last = light;
    }
  legend = mw_legend_new (renderer);
  for (guint i = 0; i < mw_legend_get_n_entries (legend); i++)
    found |= g_strcmp0 (mw_legend_get_entry_text (legend, i), "1 to 36") == 0;
  g_assert_true (found);
  cairo_surface_destroy (surface);
}

/* Sizes follow the values; a move keeps the evaluated mapping (no
 * measure recomputed during a drag), any other change renews it. */
static void
test_size_and_label (void)
{
  g_autoptr(MwNetwork) network = row_network ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  MwAppearanceMap *map;
  double last = 0;

  mw_network_set_attr (network, MW_APPEARANCE_SIZE_ATTR, "budget");
  mw_network_set_attr (network, MW_APPEARANCE_LABEL_ATTR, "unit");
  for (guint i = 0; i < mw_network_get_n_actors (network); i++)
    {
      double r = mw_renderer_get_actor_radius (renderer, mw_network_get_actor (network, i));

      g_assert_cmpfloat (r, >, last);
      last = r;
    }
  /* area in proportion: 36 has three times the radius of 4 (1 is clamped up) */
  g_assert_cmpfloat_with_epsilon (mw_renderer_get_actor_radius (renderer, mw_network_get_actor (network, 5)) /
                                  mw_renderer_get_actor_radius (renderer, mw_network_get_actor (network, 1)),
                                  3, 1e-6);
  map = _mw_renderer_get_appearance (renderer);
  g_assert_cmpstr (_mw_renderer_appearance_label (renderer, mw_network_get_actor (network, 1)), ==, "Clinical");
  mw_network_set_actor_position (network, mw_network_get_actor (network, 0), 5, 5);
  g_assert_true (_mw_renderer_get_appearance (renderer) == map);
  mw_network_set_actor_unit (network, mw_network_get_actor (network, 1), "Digital");
  g_assert_cmpstr (_mw_renderer_appearance_label (renderer, mw_network_get_actor (network, 1)), ==, "Digital");
}

/* Sixty organisations and no mapping: an organisation far down the list
 * has the colour of the one seven places up (the palette repeats), never
 * an appearance's colour. */
static void
test_many_organisations (void)
{
  g_autoptr(MwNetwork) network = mw_network_new ();
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  cairo_surface_t *surface;
  MwView view;

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%02u", i);
      g_autofree char *org = g_strdup_printf ("Org %02u", i);
      MwActor *actor = mw_network_add_actor (network, id, id, MW_ACTOR_PERSON, NULL);

      mw_network_set_actor_org (network, actor, org);
      mw_network_set_actor_position (network, actor, (i % 10) * 300.0, (i / 10) * 300.0);
    }
  surface = draw (renderer, &view);
  for (guint i = 7; i < 60; i++)
    g_assert_true (close_to (pixel_at_actor (surface, renderer, &view, mw_network_get_actor (network, i)),
                             pixel_at_actor (surface, renderer, &view, mw_network_get_actor (network, i % 7))));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render-appearance/color-by-category", test_color_by_category);
  g_test_add_func ("/render-appearance/color-by-number", test_color_by_number);
  g_test_add_func ("/render-appearance/size-and-label", test_size_and_label);
  g_test_add_func ("/render-appearance/many-organisations", test_many_organisations);
  return g_test_run ();
}
