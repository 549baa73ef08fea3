/* test-render-radar.c: the radar chart of the five elements — its polygon,
 * overlay, gaps, palettes and text
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "mw-dot.h"
#include "mw-export.h"
#include "mw-score-card.h"
#include "mw-render-radar.h"
#include "mw-renderer-private.h"
#include "mw-slide.h"
#include "mw-test-core.h"

#define SIZE 400.0

static MwScores *
score_fixture (const char *name,
               gboolean    without_purpose)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MwNetwork) network = mw_dot_load_file (path, NULL, &error);

  g_assert_no_error (error);
  /* Nobody marked as holding the purpose: that element is not measurable. */
  if (without_purpose)
    for (guint i = 0; i < mw_network_get_n_actors (network); i++)
      mw_network_set_actor_purpose (network, mw_network_get_actor (network, i), FALSE);
  return mw_scores_compute (network);
}

/* The chart on the theme's background, as the panel shows it. */
static cairo_surface_t *
draw (const MwRadarSeries *series,
      guint                n_series,
      double               size,
      gboolean             dark)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)size, (int)size);
  cairo_t *cr = cairo_create (surface);

  _mw_set_source (cr, &_mw_theme_get (dark)->background, 1);
  cairo_paint (cr);
  mw_render_radar (cr, series, n_series, 0, 0, size, size, dark);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
get_point (const MwRadarSeries *series,
           guint                n_series,
           MwElement            element,
           double               value,
           double              *x,
           double              *y)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)SIZE, (int)SIZE);
  cairo_t *cr = cairo_create (surface);

  mw_render_radar_get_point (cr, series, n_series, 0, 0, SIZE, SIZE, element, value, x, y);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int px = (int)x, py = (int)y;

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (py, <, cairo_image_surface_get_height (surface));
  return *(guint32 *)(cairo_image_surface_get_data (surface) + py * cairo_image_surface_get_stride (surface) + px * 4) & 0xffffff;
}

static int
distance (guint32 a,
          guint32 b)
{
  return abs ((int)(a >> 16 & 0xff) - (int)(b >> 16 & 0xff)) +
         abs ((int)(a >> 8 & 0xff) - (int)(b >> 8 & 0xff)) +
         abs ((int)(a & 0xff) - (int)(b & 0xff));
}

static guint32
background (gboolean dark)
{
  const MwColor *c = &_mw_theme_get (dark)->background;

  return (guint32)lround (c->red * 255) << 16 | (guint32)lround (c->green * 255) << 8 | (guint32)lround (c->blue * 255);
}

/* Whether a pixel within r of (x, y) is (near) the colour. */
static gboolean
colour_near (cairo_surface_t *surface,
             double           x,
             double           y,
             int              r,
             guint32          colour)
{
  for (int dy = -r; dy <= r; dy++)
    for (int dx = -r; dx <= r; dx++)
      if (distance (pixel_at (surface, x + dx, y + dy), colour) < 60)
        return TRUE;
  return FALSE;
}

/* Between two neighbouring axes the polygon is filled up to the values and
 * not beyond; each value has its point in the series' colour. */
static void
test_polygon (void)
{
  g_autoptr(MwScores) scores = score_fixture ("render-example.gv", FALSE);
  MwRadarSeries series[] = { { scores, NULL } };
  cairo_surface_t *surface = draw (series, 1, SIZE, FALSE);
  guint32 blue = mw_render_radar_get_color (0, FALSE);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      guint f = (e + 1) % MW_N_ELEMENTS;
      double v = mw_scores_get_score (scores, e), w = mw_scores_get_score (scores, f);
      double ax, ay, bx, by, ox, oy, px, py;

      g_assert_true (mw_scores_is_measurable (scores, e));
      /* Inside the wedge, half way to both values: tinted, not background. */
      get_point (series, 1, e, v / 2, &ax, &ay);
      get_point (series, 1, f, w / 2, &bx, &by);
      g_assert_cmpint (distance (pixel_at (surface, (ax + bx) / 2, (ay + by) / 2), background (FALSE)), >, 20);
      /* Beyond both values (outside the polygon, inside the outer ring): plain. */
      get_point (series, 1, e, MIN (100, v + 12), &ax, &ay);
      get_point (series, 1, f, MIN (100, w + 12), &bx, &by);
      get_point (series, 1, e, 0, &ox, &oy);
      if (v < 80 && w < 80)
        g_assert_cmpint (distance (pixel_at (surface, ox + ((ax + bx) / 2 - ox) * 1.05, oy + ((ay + by) / 2 - oy) * 1.05),
                                   background (FALSE)), <, 8);
      get_point (series, 1, e, v, &px, &py);
      g_assert_true (colour_near (surface, px, py, 1, blue));
    }
  cairo_surface_destroy (surface);
}

/* A second series is drawn over the first in its own colour at its own
 * values; without it, that colour is nowhere there. */
static void
test_overlay (void)
{
  g_autoptr(MwScores) now = score_fixture ("render-example.gv", FALSE);
  g_autoptr(MwScores) before = score_fixture ("meshwork-basic.gv", FALSE);
  MwRadarSeries series[] = { { now, "Now" }, { before, "Baseline" } };
  cairo_surface_t *both = draw (series, 2, SIZE, FALSE);
  cairo_surface_t *alone = draw (series, 1, SIZE, FALSE);
  guint32 orange = mw_render_radar_get_color (1, FALSE);
  guint found = 0;

  g_assert_cmpint (distance (orange, mw_render_radar_get_color (0, FALSE)), >, 150);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      double x, y;

      /* Where the overlay's point is (with the legend, the chart is a little smaller). */
      get_point (series, 2, e, mw_scores_get_score (before, e), &x, &y);
      if (colour_near (both, x, y, 2, orange))
        found++;
      get_point (series, 1, e, mw_scores_get_score (before, e), &x, &y);
      g_assert_false (colour_near (alone, x, y, 2, orange));
    }
  g_assert_cmpuint (found, ==, MW_N_ELEMENTS);
  cairo_surface_destroy (both);
  cairo_surface_destroy (alone);
}

/* Not measurable is no 0: no point at the centre, no outline running to
 * it, and the wedges on either side of the axis stay empty. */
static void
test_not_measurable (void)
{
  g_autoptr(MwScores) scores = score_fixture ("render-example.gv", TRUE);
  MwRadarSeries series[] = { { scores, NULL } };
  cairo_surface_t *surface = draw (series, 1, SIZE, FALSE);
  guint32 blue = mw_render_radar_get_color (0, FALSE);
  MwElement gap = MW_ELEMENT_GLOBAL_PURPOSE;
  double cx, cy, ax, ay, bx, by;

  g_assert_false (mw_scores_is_measurable (scores, gap));
  get_point (series, 1, gap, 0, &cx, &cy);
  g_assert_false (colour_near (surface, cx, cy, 1, blue));

  /* Half way from the centre to each neighbour's point, where a 0 would
   * draw its outline, and inside each wedge beside the axis. */
  for (int side = -1; side <= 1; side += 2)
    {
      MwElement n = (gap + MW_N_ELEMENTS + side) % MW_N_ELEMENTS;

      get_point (series, 1, n, mw_scores_get_score (scores, n), &ax, &ay);
      g_assert_false (colour_near (surface, cx + (ax - cx) * 0.5 + 2, cy + (ay - cy) * 0.5, 0, blue));
      get_point (series, 1, n, 20, &ax, &ay);
      get_point (series, 1, gap, 20, &bx, &by);
      g_assert_cmpint (distance (pixel_at (surface, (ax + bx) / 2, (ay + by) / 2), background (FALSE)), <, 8);
    }
  cairo_surface_destroy (surface);
}

/* The dark palette: a dark background stays dark, the ink is light. */
static void
test_dark (void)
{
  g_autoptr(MwScores) scores = score_fixture ("render-example.gv", FALSE);
  MwRadarSeries series[] = { { scores, NULL } };
  cairo_surface_t *light = draw (series, 1, SIZE, FALSE);
  cairo_surface_t *dark = draw (series, 1, SIZE, TRUE);
  double luminance[2] = { 0, 0 };
  guint count[2] = { 0, 0 };

  for (int i = 0; i < 2; i++)
    {
      cairo_surface_t *surface = i == 0 ? light : dark;

      for (int y = 0; y < SIZE; y++)
        for (int x = 0; x < SIZE; x++)
          {
            guint32 p = pixel_at (surface, x, y);

            if (distance (p, background (i == 1)) < 40)
              continue;
            luminance[i] += (p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff);
            count[i]++;
          }
      g_assert_cmpuint (count[i], >, SIZE * SIZE / 50);
    }
  /* Ink lighter than its background in dark, darker in light. */
  g_assert_cmpfloat (luminance[1] / count[1], >, 3 * 0x24);
  g_assert_cmpfloat (luminance[0] / count[0], <, 3 * 0xfa);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

/* The chart's text as pdftotext reads it from a PDF page. */
static char *
pdf_text (const MwRadarSeries *series,
          guint                n_series,
          double               size)
{
  g_autofree char *dir = mw_test_make_dir ("radar");
  g_autofree char *path = g_build_filename (dir, "radar.pdf", NULL);
  const char *argv[] = { "pdftotext", path, "-", NULL };
  cairo_surface_t *surface = cairo_pdf_surface_create (path, size, size);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  mw_render_radar (cr, series, n_series, 0, 0, size, size, FALSE);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  mw_test_remove_tree (dir);
  return out;
}

/* Every title and value is real text; the element with no value says "—";
 * the legend names each series. Words are found with spaces squeezed out,
 * as titles wrap. */
static void
test_text (void)
{
  g_autoptr(MwScores) now = score_fixture ("render-example.gv", TRUE);
  g_autoptr(MwScores) before = score_fixture ("meshwork-basic.gv", FALSE);
  MwRadarSeries series[] = { { now, "Now" }, { before, "Baseline" } };
  g_autofree char *text = pdf_text (series, 2, 300);
  g_auto(GStrv) words = g_strsplit_set (text, " \n-", -1);
  g_autofree char *joined = g_strjoinv ("", words);

  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_auto(GStrv) title_words = g_strsplit_set (mw_element_get_title (e), " -", -1);
      g_autofree char *title = g_strjoinv ("", title_words);

      g_assert_nonnull (strstr (joined, title));
    }
  g_assert_nonnull (strstr (text, "—"));
  g_assert_nonnull (strstr (text, "Now"));
  g_assert_nonnull (strstr (text, "Baseline"));
  g_assert_nonnull (strstr (text, "100"));
  g_assert_nonnull (strstr (text, "50"));
  /* The filled series' first value, rounded as everywhere else. */
  g_assert_nonnull (strstr (text, "80"));
}

/* At 160 px (and on A4) all the ink stays inside the rectangle it was given. */
static void
test_fits (void)
{
  g_autoptr(MwScores) now = score_fixture ("render-example.gv", TRUE);
  g_autoptr(MwScores) before = score_fixture ("meshwork-basic.gv", FALSE);
  MwRadarSeries series[] = { { now, "Now" }, { before, "Baseline" } };
  const double sizes[][2] = { { MW_RADAR_MIN_SIZE, MW_RADAR_MIN_SIZE }, { 160, 260 }, { 480, 300 }, { 515, 400 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint n = 1; n <= 2; n++)
      {
        cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cairo_t *cr = cairo_create (surface);
        double x, y, w, h;

        mw_render_radar (cr, series, n, 10, 20, sizes[i][0], sizes[i][1], FALSE);
        cairo_destroy (cr);
        cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
        g_test_message ("%gx%g, %u series: ink %g,%g %gx%g", sizes[i][0], sizes[i][1], n, x, y, w, h);
        g_assert_cmpfloat (x, >=, 10);
        g_assert_cmpfloat (y, >=, 20);
        g_assert_cmpfloat (x + w, <=, 10 + sizes[i][0]);
        g_assert_cmpfloat (y + h, <=, 20 + sizes[i][1]);
        /* Not a speck: the chart takes a fair share of the room. */
        g_assert_cmpfloat (w * h, >, sizes[i][0] * sizes[i][1] * 0.4);
        cairo_surface_destroy (surface);
      }
}

static guint
count_colour (cairo_surface_t *surface,
              guint32          colour)
{
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      n += distance (pixel_at (surface, x, y), colour) < 40;
  return n;
}

/* A slide's card has the radar where its column has room, the compared
 * network outlined over the scores; a full column keeps its bars. */
static void
test_slide (void)
{
  g_autofree char *now_path = g_test_build_filename (G_TEST_DIST, "data", "render-example.gv", NULL);
  g_autofree char *before_path = g_test_build_filename (G_TEST_DIST, "data", "meshwork-basic.gv", NULL);
  g_autoptr(MwNetwork) now = mw_dot_load_file (now_path, NULL, NULL);
  g_autoptr(MwNetwork) before = mw_dot_load_file (before_path, NULL, NULL);
  g_autoptr(MwSlide) slide = mw_slide_new (now, "Now", NULL);
  MwSlideOptions options = { .scores = TRUE, .background = TRUE };
  guint32 overlay = mw_render_radar_get_color (1, FALSE);

  g_assert_nonnull (now);
  g_assert_nonnull (before);
  mw_slide_set_baseline (slide, before);
  for (guint with_baseline = 0; with_baseline <= 1; with_baseline++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1024, 768);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(MwSlide) plain = mw_slide_new (now, "Now", NULL);

      mw_slide_draw (with_baseline ? slide : plain, cr, 0, 1024, 768, &options);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (with_baseline)
        g_assert_cmpuint (count_colour (surface, overlay), >, 50);
      else
        g_assert_cmpuint (count_colour (surface, overlay), ==, 0);
      /* The radar's fill, a tint of its colour, in the card's column. */
      g_assert_cmpuint (count_colour (surface, 0xBCD4F0), >, 200);
      cairo_surface_destroy (surface);
    }
}

typedef struct
{
  const guchar *data;
  gsize         left;
} Reader;

static cairo_status_t
read_cb (void          *closure,
         unsigned char *data,
         unsigned int   length)
{
  Reader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* The export's score card draws the radar above its rows; an SVG keeps
 * no glyph symbols for its words. */
static void
test_export_card (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "render-example.gv", NULL);
  g_autoptr(MwNetwork) network = mw_dot_load_file (path, NULL, NULL);
  g_autoptr(MwRenderer) renderer = mw_renderer_new (network);
  g_autoptr(MwScores) scores = mw_scores_compute (network);
  g_autoptr(GError) error = NULL;
  MwScoreRow rows[MW_N_ELEMENTS];
  MwScoreCard card;
  MwExportOptions options;
  guint tint[2];

  mw_score_card_fill (&card, rows, scores);
  g_assert_true (card.scores == scores);
  for (guint with_radar = 0; with_radar <= 1; with_radar++)
    {
      g_autoptr(GBytes) png = NULL;
      Reader reader;
      cairo_surface_t *surface;

      card.scores = with_radar ? scores : NULL;
      mw_export_options_init (&options, MW_EXPORT_PNG);
      options.score_card = &card;
      options.has_background = TRUE;
      options.background = (MwColor) { 0.98, 0.98, 0.98, 1 };
      png = mw_export_to_bytes (renderer, &options, &error);
      g_assert_no_error (error);
      reader.data = g_bytes_get_data (png, &reader.left);
      surface = cairo_image_surface_create_from_png_stream (read_cb, &reader);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      /* The radar's fill (the network's own boxes have that tint too). */
      tint[with_radar] = count_colour (surface, 0xBCD4F0);
      cairo_surface_destroy (surface);
    }
  g_assert_cmpuint (tint[1], >, tint[0] + 200);

  mw_export_options_init (&options, MW_EXPORT_SVG);
  options.score_card = &card;
  {
    g_autoptr(GBytes) svg = mw_export_to_bytes (renderer, &options, &error);
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
    g_assert_null (strstr (text, "<symbol"));
    g_assert_null (strstr (text, "glyph"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render-radar/polygon", test_polygon);
  g_test_add_func ("/render-radar/overlay", test_overlay);
  g_test_add_func ("/render-radar/not-measurable", test_not_measurable);
  g_test_add_func ("/render-radar/dark", test_dark);
  g_test_add_func ("/render-radar/text", test_text);
  g_test_add_func ("/render-radar/fits", test_fits);
  g_test_add_func ("/render-radar/slide", test_slide);
  g_test_add_func ("/render-radar/export-card", test_export_card);
  return g_test_run ();
}
