/* test-render-timeline.c: the timeline chart — a point per snapshot and
 * element, gaps for what cannot be measured, light and dark, the selection
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "mw-render-timeline.h"
#include "mw-test-core.h"
#include "mw-test-series.h"

#define WIDTH  800
#define HEIGHT 420

typedef struct
{
  char            *folder;
  MwSeries        *series;
  cairo_surface_t *surface;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->folder = mw_test_make_dir ("timeline");
  path = mw_test_write_series (fixture->folder);
  fixture->series = mw_series_load (path, &error);
  g_assert_no_error (error);
  mw_series_load_snapshots (fixture->series, NULL);
  fixture->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  cairo_surface_destroy (fixture->surface);
  g_object_unref (fixture->series);
  mw_test_remove_tree (fixture->folder);
  g_free (fixture->folder);
}

static void
draw (Fixture                 *fixture,
      const MwTimelineOptions *options)
{
  cairo_t *cr = cairo_create (fixture->surface);

  mw_render_timeline (cr, fixture->series, WIDTH, HEIGHT, options);
  cairo_destroy (cr);
  cairo_surface_flush (fixture->surface);
}

static guint32
pixel (Fixture *fixture,
       int      x,
       int      y)
{
  unsigned char *data = cairo_image_surface_get_data (fixture->surface);
  int stride = cairo_image_surface_get_stride (fixture->surface);

  return *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

/* Whether a pixel near (x, y) is within @tolerance of the colour @rgb. */
static gboolean
colour_near (Fixture      *fixture,
             double        x,
             double        y,
             int           radius,
             const guint8  rgb[3],
             int           tolerance)
{
  for (int dy = -radius; dy <= radius; dy++)
    for (int dx = -radius; dx <= radius; dx++)
      {
        int px = CLAMP ((int) round (x) + dx, 0, WIDTH - 1);
        int py = CLAMP ((int) round (y) + dy, 0, HEIGHT - 1);
        guint32 p = pixel (fixture, px, py);

        if (ABS ((int) ((p >> 16) & 0xff) - rgb[0]) <= tolerance
            && ABS ((int) ((p >> 8) & 0xff) - rgb[1]) <= tolerance
            && ABS ((int) (p & 0xff) - rgb[2]) <= tolerance)
          return TRUE;
      }
  return FALSE;
}

/* Each measurable value is a point of its line's colour where the chart
 * says it is; the index line is drawn in the ink. */
static void
test_points (Fixture       *fixture,
             gconstpointer  data)
{
  static const guint8 index_ink[3] = { 26, 26, 31 };
  static const guint8 collaboration[3] = { 0, 115, 178 };
  MwTimelineOptions options = { FALSE, -1, 10 };
  guint n_points = 0;

  draw (fixture, &options);
  for (guint i = 0; i < MW_TEST_SERIES_N_SNAPSHOTS; i++)
    {
      double x, y, value;

      g_assert_true (mw_render_timeline_point (fixture->series, WIDTH, HEIGHT, &options, i,
                                               MW_TIMELINE_INDEX_LINE, &x, &y));
      g_assert_true (colour_near (fixture, x, y, 2, index_ink, 40));
      g_assert_true (mw_timeline_get_value (mw_series_get_snapshot (fixture->series, i),
                                            MW_TIMELINE_INDEX_LINE, &value));
      g_assert_cmpfloat (value, ==, mw_scores_get_index (mw_series_get_snapshot (fixture->series, i)->scores));
      for (guint line = 0; line < MW_TIMELINE_N_LINES; line++)
        n_points += mw_render_timeline_point (fixture->series, WIDTH, HEIGHT, &options, i, line, &x, &y);
      if (mw_render_timeline_point (fixture->series, WIDTH, HEIGHT, &options, i,
                                    MW_ELEMENT_SPONTANEOUS_COLLABORATION, &x, &y))
        g_assert_true (colour_near (fixture, x, y, 2, collaboration, 40));
      g_assert_cmpint (mw_render_timeline_hit (fixture->series, WIDTH, HEIGHT, &options, x, y), ==, i);
    }
  /* influence and initiatives are not measurable in the first two, peer
   * risk mitigation in the first four: eight gaps */
  g_assert_cmpuint (n_points, ==, MW_TEST_SERIES_N_SNAPSHOTS * MW_TIMELINE_N_LINES - 8);
}

/* Multi-directional influence cannot be measured in the first two
 * snapshots: no point and no line there — not a point at zero. */
static void
test_gap_not_zero (Fixture       *fixture,
                   gconstpointer  data)
{
  static const guint8 influence[3] = { 214, 94, 0 };
  MwTimelineOptions options = { FALSE, -1, 10 };
  double x0, y0, x1, y1, x3, y3, value;

  draw (fixture, &options);
  g_assert_false (mw_timeline_get_value (mw_series_get_snapshot (fixture->series, 0),
                                         MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE, &value));
  g_assert_false (mw_render_timeline_point (fixture->series, WIDTH, HEIGHT, &options, 0,
                                            MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE, &x0, &y0));
  /* where zero is, at the first two columns: nothing of its colour */
  mw_render_timeline_point (fixture->series, WIDTH, HEIGHT, &options, 0, MW_TIMELINE_INDEX_LINE, &x0, &y0);
  mw_render_timeline_point (fixture->series, WIDTH, HEIGHT, &options, 1, MW_TIMELINE_INDEX_LINE, &x1, &y1);
  g_assert_true (mw_render_timeline_point (fixture->series, WIDTH, HEIGHT, &options, 2,
                                           MW_ELEMENT_MULTI_DIRECTIONAL_INFLUENCE, &x3, &y3));
  g_assert_true (colour_near (fixture, x3, y3, 2, influence, 40));
  /* from under the legend to the axis */
  for (double y = 60; y <= HEIGHT - 48; y += 3)
    {
      g_assert_false (colour_near (fixture, x0, y, 1, influence, 30));
      g_assert_false (colour_near (fixture, x1, y, 1, influence, 30));
    }
}

static void
test_dark_and_selected (Fixture       *fixture,
                        gconstpointer  data)
{
  MwTimelineOptions options = { TRUE, 2, 10 };
  double x2, y2, x4, y4;
  guint32 selected, other;

  draw (fixture, &options);
  /* a dark background */
  g_assert_cmphex (pixel (fixture, 2, 2), ==, 0x232323);
  mw_render_timeline_point (fixture->series, WIDTH, HEIGHT, &options, 2, MW_TIMELINE_INDEX_LINE, &x2, &y2);
  mw_render_timeline_point (fixture->series, WIDTH, HEIGHT, &options, 4, MW_TIMELINE_INDEX_LINE, &x4, &y4);
  /* the selected column is lit: compare the same empty height in both */
  selected = pixel (fixture, (int) x2 + 30, 80);
  other = pixel (fixture, (int) x4 + 30, 80);
  g_assert_cmphex (selected, !=, other);
  g_assert_cmphex (other, ==, 0x232323);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/timeline/points", test_points);
  ADD ("/timeline/gap-not-zero", test_gap_not_zero);
  ADD ("/timeline/dark-and-selected", test_dark_and_selected);
#undef ADD

  return g_test_run ();
}
