/* test-render-timeline.c: the timeline chart — a point per snapshot and
 * element, gaps for what cannot be measured, light and dark, the selection
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include <pango/pangocairo.h>

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
  selected = pixel (fixture, (int) x2 + 10, 80);
  other = pixel (fixture, (int) x4 + 10, 80);
  g_assert_cmphex (selected, !=, other);
  g_assert_cmphex (other, ==, 0x232323);
}

static double
snapshot_time (MwSeries *series,
               guint     i)
{
  return (double) g_date_time_to_unix (mw_series_get_snapshot (series, i)->when);
}

/* The points stand at their dates: from the first, x grows in proportion
 * to the time passed (three months, three, three, then eleven). */
static void
test_x_by_date (Fixture       *fixture,
                gconstpointer  data)
{
  MwTimelineOptions options = { FALSE, -1, 10 };
  double x0 = mw_render_timeline_snapshot_x (fixture->series, WIDTH, HEIGHT, &options, 0);
  double x4 = mw_render_timeline_snapshot_x (fixture->series, WIDTH, HEIGHT, &options, 4);
  double scale = (x4 - x0) / (snapshot_time (fixture->series, 4) - snapshot_time (fixture->series, 0));

  g_assert_cmpfloat (scale, >, 0);
  for (guint i = 1; i < MW_TEST_SERIES_N_SNAPSHOTS; i++)
    {
      double x = mw_render_timeline_snapshot_x (fixture->series, WIDTH, HEIGHT, &options, i);
      double expected = x0 + scale * (snapshot_time (fixture->series, i) - snapshot_time (fixture->series, 0));

      g_assert_cmpfloat_with_epsilon (x, expected, 0.5);
    }
  /* and not evenly: the gap to the last is longer than the first */
  g_assert_cmpfloat (x4 - mw_render_timeline_snapshot_x (fixture->series, WIDTH, HEIGHT, &options, 3), >,
                     2 * (mw_render_timeline_snapshot_x (fixture->series, WIDTH, HEIGHT, &options, 1) - x0));
}

/* A series of the fixture's files with other dates; NULL marks the end. */
static MwSeries *
series_with_dates (Fixture     *fixture,
                   const char **dates,
                   guint        n)
{
  MwSeries *series = mw_series_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("snapshot-%u.gv", i % MW_TEST_SERIES_N_SNAPSHOTS + 1);
      g_autofree char *path = g_build_filename (fixture->folder, name, NULL);

      mw_series_add (series, dates[i] != NULL ? path : "no-such-file.gv", dates[i], NULL);
    }
  mw_series_load_snapshots (series, NULL);
  return series;
}

/* Two snapshots on one date stay apart: their numbered tags do not touch. */
static void
test_same_date (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *dates[] = { "2025-01-15", "2025-06-30", "2025-06-30", "2025-12-31" };
  g_autoptr(MwSeries) series = series_with_dates (fixture, dates, G_N_ELEMENTS (dates));
  MwTimelineOptions options = { FALSE, -1, 10 };
  double x1 = mw_render_timeline_snapshot_x (series, WIDTH, HEIGHT, &options, 1);
  double x2 = mw_render_timeline_snapshot_x (series, WIDTH, HEIGHT, &options, 2);
  double em = 10 * 96.0 / 72.0;

  g_assert_cmpfloat (x2 - x1, >=, 2 * em);
  /* both are hit where they are drawn */
  g_assert_cmpint (mw_render_timeline_hit (series, WIDTH, HEIGHT, &options, x1, HEIGHT / 2), ==, 1);
  g_assert_cmpint (mw_render_timeline_hit (series, WIDTH, HEIGHT, &options, x2, HEIGHT / 2), ==, 2);
}

/* A snapshot without any date (its file is missing) is placed between its
 * neighbours, and drawn: a dashed rule through the plot at its place. */
static void
test_undated_placed (Fixture       *fixture,
                     gconstpointer  data)
{
  static const char *dates[] = { "2025-01-01", NULL, "2025-12-31" };
  g_autoptr(MwSeries) series = series_with_dates (fixture, dates, G_N_ELEMENTS (dates));
  MwTimelineOptions options = { FALSE, -1, 10 };
  double x0 = mw_render_timeline_snapshot_x (series, WIDTH, HEIGHT, &options, 0);
  double x1 = mw_render_timeline_snapshot_x (series, WIDTH, HEIGHT, &options, 1);
  double x2 = mw_render_timeline_snapshot_x (series, WIDTH, HEIGHT, &options, 2);
  cairo_t *cr = cairo_create (fixture->surface);
  guint inked = 0;

  g_assert_null (mw_series_get_snapshot (series, 1)->when);
  g_assert_cmpfloat_with_epsilon (x1, (x0 + x2) / 2, 1);
  mw_render_timeline (cr, series, WIDTH, HEIGHT, &options);
  cairo_destroy (cr);
  cairo_surface_flush (fixture->surface);
  /* the rule: dashes of ink down its middle, where nothing else is drawn */
  for (int y = 120; y < 300; y++)
    inked += (pixel (fixture, (int) round (x1), y) & 0xff) < 0xc0;
  g_assert_cmpuint (inked, >, 30);
  g_assert_cmpuint (inked, <, 150);
}

typedef struct
{
  const char *first, *last;
  const char *prefix;   /* what the first label starts with at 800 px */
} Span;

/* Over a week, two years and thirty years, at three widths: the labels of
 * the axis never overlap (their extents measured again here) and stay in
 * the chart; the step suits the span; drawn light and dark, each label is
 * ink on the background. */
static void
test_labels_apart (Fixture       *fixture,
                   gconstpointer  data)
{
  static const Span spans[] = {
    { "2026-03-02", "2026-03-08", "2 Mar 2026" },
    { "2025-03-31", "2026-12-03", "Q2 2025" },
    { "1990-06-01", "2020-06-01", "1990" },
  };
  static const double widths[] = { 320, WIDTH, 1600 };

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (int dark = 0; dark <= 1; dark++)
        {
          const char *dates[] = { spans[s].first, spans[s].last };
          g_autoptr(MwSeries) series = series_with_dates (fixture, dates, 2);
          MwTimelineOptions options = { dark, -1, 10 };
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) widths[w], HEIGHT);
          cairo_t *cr = cairo_create (surface);
          g_autoptr(GArray) ticks = mw_render_timeline_ticks (cr, series, widths[w], HEIGHT, &options);
          double right = -1;

          g_assert_cmpuint (ticks->len, >=, 1);
          if (widths[w] == WIDTH)
            {
              g_assert_cmpuint (ticks->len, >=, 3);
              g_assert_cmpstr (g_array_index (ticks, MwTimelineTick, 0).label, ==, spans[s].prefix);
            }
          mw_render_timeline (cr, series, widths[w], HEIGHT, &options);
          cairo_surface_flush (surface);
          for (guint k = 0; k < ticks->len; k++)
            {
              const MwTimelineTick *tick = &g_array_index (ticks, MwTimelineTick, k);
              PangoLayout *layout = pango_cairo_create_layout (cr);
              PangoFontDescription *font = pango_font_description_from_string ("Sans");
              int text_width, text_height, stride = cairo_image_surface_get_stride (surface);
              unsigned char *pixels = cairo_image_surface_get_data (surface);
              guint32 background = dark ? 0x232323 : 0xffffff;
              gboolean inked = FALSE;

              pango_font_description_set_absolute_size (font, 10 * 96.0 / 72.0 * PANGO_SCALE);
              pango_layout_set_font_description (layout, font);
              pango_layout_set_text (layout, tick->label, -1);
              pango_layout_get_pixel_size (layout, &text_width, &text_height);
              g_assert_cmpfloat (tick->label_x, >, right);
              g_assert_cmpfloat (tick->label_x, >=, 0);
              g_assert_cmpfloat (tick->label_x + text_width, <=, widths[w]);
              right = tick->label_x + text_width;
              /* the label's row (the axis' labels sit 2.3 em under the plot) */
              for (int x = (int) tick->label_x; x < (int) right && !inked; x++)
                for (int y = HEIGHT - 24; y < HEIGHT - 6 && !inked; y++)
                  inked = (*(guint32 *) (pixels + y * stride + x * 4) & 0xffffff) != background;
              g_assert_true (inked);
              pango_font_description_free (font);
              g_object_unref (layout);
            }
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
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
  ADD ("/timeline/x-by-date", test_x_by_date);
  ADD ("/timeline/same-date", test_same_date);
  ADD ("/timeline/undated-placed", test_undated_placed);
  ADD ("/timeline/labels-apart", test_labels_apart);
#undef ADD

  return g_test_run ();
}
