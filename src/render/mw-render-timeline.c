/* mw-render-timeline.c: a series' index and five elements over time, as a line chart
 *
 * One column per snapshot, in the series' order and evenly spaced (a
 * series is read as "then, then, then"; the dates are written under each
 * column). A value that does not exist — the element not measurable, the
 * snapshot marked — leaves a gap in its line, never a zero. Each line has
 * its colour (Okabe and Ito's, told apart with colour blindness) and its
 * own marker shape, so it reads in grey too.
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-render"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "mw-render-timeline.h"

typedef enum { MARK_CIRCLE, MARK_SQUARE, MARK_TRIANGLE, MARK_DIAMOND, MARK_CROSS, MARK_DISC } Mark;

typedef struct
{
  double light[3];
  double dark[3];
  Mark   mark;
} LineStyle;

static const LineStyle line_styles[MW_TIMELINE_N_LINES] = {
  { { 0.00, 0.45, 0.70 }, { 0.34, 0.71, 0.91 }, MARK_CIRCLE },    /* blue */
  { { 0.84, 0.37, 0.00 }, { 0.90, 0.62, 0.00 }, MARK_SQUARE },    /* vermilion / orange */
  { { 0.00, 0.62, 0.45 }, { 0.00, 0.75, 0.55 }, MARK_TRIANGLE },  /* bluish green */
  { { 0.80, 0.47, 0.65 }, { 0.88, 0.60, 0.76 }, MARK_DIAMOND },   /* reddish purple */
  { { 0.55, 0.45, 0.00 }, { 0.94, 0.89, 0.26 }, MARK_CROSS },     /* dark yellow / yellow */
  { { 0.10, 0.10, 0.12 }, { 0.96, 0.96, 0.96 }, MARK_DISC },      /* the index: the ink */
};

/* Where things go, from the size and the font alone (no text measured),
 * so that the app's hit-testing and the tests agree with the drawing. */
typedef struct
{
  double em;          /* the font's size in pixels */
  double left, top, right, bottom;   /* the plot's edges */
  guint  legend_columns;
  double legend_column_width;
} Geometry;

#define LEGEND_ROW 1.7   /* ems */

static void
get_geometry (double                   width,
              double                   height,
              const MwTimelineOptions *options,
              Geometry                *geometry)
{
  double font_size = options != NULL && options->font_size > 0 ? options->font_size : 10;

  geometry->em = font_size * 96.0 / 72.0;
  geometry->left = 3.5 * geometry->em;
  geometry->right = MAX (geometry->left + 1, width - 2 * geometry->em);
  /* the legend: a grid of three columns, or two when narrow */
  geometry->legend_columns = width - geometry->left >= 54 * geometry->em ? 3 : 2;
  geometry->legend_column_width = (width - geometry->left) / geometry->legend_columns;
  geometry->top = ((MW_TIMELINE_N_LINES + geometry->legend_columns - 1) / geometry->legend_columns
                   * LEGEND_ROW + 1.0) * geometry->em;
  geometry->bottom = MAX (geometry->top + 1, height - 3.6 * geometry->em);  /* date and title */
}

static double
column_x (const Geometry *geometry,
          guint           n,
          guint           i)
{
  double span = geometry->right - geometry->left;

  if (n <= 1)
    return geometry->left + span / 2;
  /* half a column of room at each end, so the first and last labels fit */
  return geometry->left + span * (i + 0.5) / n;
}

static double
value_y (const Geometry *geometry,
         double          value)
{
  return geometry->bottom - (geometry->bottom - geometry->top) * CLAMP (value, 0, 100) / 100.0;
}

gboolean
mw_timeline_get_value (const MwSnapshot *snapshot,
                       guint             line,
                       double           *value)
{
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (line < MW_TIMELINE_N_LINES, FALSE);

  if (snapshot->scores == NULL)
    return FALSE;
  if (line == MW_TIMELINE_INDEX_LINE)
    {
      if (mw_scores_get_n_measurable (snapshot->scores) == 0)
        return FALSE;
      *value = mw_scores_get_index (snapshot->scores);
      return TRUE;
    }
  if (!mw_scores_is_measurable (snapshot->scores, line))
    return FALSE;
  *value = mw_scores_get_score (snapshot->scores, line);
  return TRUE;
}

const char *
mw_timeline_get_line_title (guint line)
{
  g_return_val_if_fail (line < MW_TIMELINE_N_LINES, NULL);

  if (line == MW_TIMELINE_INDEX_LINE)
    return _("Distributed leadership index");
  return mw_element_get_title (line);
}

gboolean
mw_render_timeline_point (MwSeries                *series,
                          double                   width,
                          double                   height,
                          const MwTimelineOptions *options,
                          guint                    snapshot,
                          guint                    line,
                          double                  *x,
                          double                  *y)
{
  Geometry geometry;
  double value;

  g_return_val_if_fail (MW_IS_SERIES (series), FALSE);
  g_return_val_if_fail (snapshot < mw_series_get_n_snapshots (series), FALSE);

  if (!mw_timeline_get_value (mw_series_get_snapshot (series, snapshot), line, &value))
    return FALSE;
  get_geometry (width, height, options, &geometry);
  *x = column_x (&geometry, mw_series_get_n_snapshots (series), snapshot);
  *y = value_y (&geometry, value);
  return TRUE;
}

int
mw_render_timeline_hit (MwSeries                *series,
                        double                   width,
                        double                   height,
                        const MwTimelineOptions *options,
                        double                   x,
                        double                   y)
{
  guint n;
  Geometry geometry;
  int column;

  g_return_val_if_fail (MW_IS_SERIES (series), -1);

  n = mw_series_get_n_snapshots (series);
  get_geometry (width, height, options, &geometry);
  if (n == 0 || x < geometry.left || x > geometry.right || y < geometry.top - geometry.em || y > height)
    return -1;
  column = (int) floor ((x - geometry.left) / (geometry.right - geometry.left) * n);
  return CLAMP (column, 0, (int) n - 1);
}

static void
set_ink (cairo_t  *cr,
         gboolean  dark,
         double    alpha)
{
  if (dark)
    cairo_set_source_rgba (cr, 0.96, 0.96, 0.96, alpha);
  else
    cairo_set_source_rgba (cr, 0.10, 0.10, 0.12, alpha);
}

static void
set_line_colour (cairo_t  *cr,
                 guint     line,
                 gboolean  dark)
{
  const double *rgb = dark ? line_styles[line].dark : line_styles[line].light;

  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
}

static PangoLayout *
new_layout (cairo_t        *cr,
            const Geometry *geometry,
            const char     *text,
            gboolean        bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, geometry->em * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* @text with its centre (align 0.5), left (0) or right (1) edge at x. */
static void
show_text (cairo_t        *cr,
           const Geometry *geometry,
           const char     *text,
           double          x,
           double          y,
           double          align,
           double          max_width,
           gboolean        bold)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, geometry, text, bold);
  int text_width, text_height;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  cairo_move_to (cr, x - align * text_width, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_mark (cairo_t *cr,
           Mark     mark,
           double   x,
           double   y,
           double   r)
{
  switch (mark)
    {
    case MARK_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case MARK_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.1);
      cairo_line_to (cr, x + r, y + r * 0.8);
      cairo_line_to (cr, x - r, y + r * 0.8);
      cairo_close_path (cr);
      break;
    case MARK_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.2);
      cairo_line_to (cr, x + r * 1.2, y);
      cairo_line_to (cr, x, y + r * 1.2);
      cairo_line_to (cr, x - r * 1.2, y);
      cairo_close_path (cr);
      break;
    case MARK_CROSS:
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x + r, y - r);
      cairo_line_to (cr, x - r, y + r);
      cairo_save (cr);
      cairo_set_line_width (cr, r * 0.6);
      cairo_stroke (cr);
      cairo_restore (cr);
      return;
    case MARK_DISC:
      cairo_arc (cr, x, y, r * 1.25, 0, 2 * G_PI);
      break;
    case MARK_CIRCLE:
    default:
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
  cairo_fill (cr);
}

static void
draw_axes (cairo_t                 *cr,
           const Geometry          *geometry,
           const MwTimelineOptions *options)
{
  cairo_set_line_width (cr, 1);
  for (int value = 0; value <= 100; value += 25)
    {
      g_autofree char *label = g_strdup_printf ("%d", value);
      double y = round (value_y (geometry, value)) + 0.5;

      set_ink (cr, options->dark, value == 0 ? 0.6 : 0.15);
      cairo_move_to (cr, geometry->left, y);
      cairo_line_to (cr, geometry->right, y);
      cairo_stroke (cr);
      set_ink (cr, options->dark, 0.8);
      show_text (cr, geometry, label, geometry->left - 0.5 * geometry->em, y - 0.7 * geometry->em, 1, 0, FALSE);
    }
}

/* Under each column its date and title; a marked snapshot says so and
 * shows a hatched column where its points would be. */
static void
draw_columns (cairo_t                 *cr,
              MwSeries                *series,
              const Geometry          *geometry,
              const MwTimelineOptions *options)
{
  guint n = mw_series_get_n_snapshots (series);
  double column_width = (geometry->right - geometry->left) / MAX (n, 1);

  for (guint i = 0; i < n; i++)
    {
      const MwSnapshot *snapshot = mw_series_get_snapshot (series, i);
      g_autofree char *date = mw_snapshot_dup_date_text (snapshot);
      g_autofree char *title = mw_snapshot_dup_title (snapshot);
      double x = column_x (geometry, n, i);

      if ((int) i == options->selected)
        {
          cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, options->dark ? 0.30 : 0.16);
          cairo_rectangle (cr, x - column_width / 2, geometry->top - 0.5 * geometry->em,
                           column_width, geometry->bottom - geometry->top + geometry->em);
          cairo_fill (cr);
        }
      if (snapshot->scores == NULL)
        {
          set_ink (cr, options->dark, 0.25);
          cairo_set_line_width (cr, 1);
          for (double y = geometry->top; y < geometry->bottom; y += geometry->em)
            {
              cairo_move_to (cr, x - geometry->em, y + geometry->em);
              cairo_line_to (cr, x + geometry->em, y);
            }
          cairo_stroke (cr);
          g_free (date);
          date = g_strdup (_("missing"));
        }
      set_ink (cr, options->dark, 0.9);
      show_text (cr, geometry, date, x, geometry->bottom + 0.4 * geometry->em, 0.5, column_width, TRUE);
      set_ink (cr, options->dark, 0.7);
      show_text (cr, geometry, title, x, geometry->bottom + 1.8 * geometry->em, 0.5, column_width, FALSE);
    }
}

/* A line is drawn between neighbours that both have a value: a gap stays
 * a gap. A value between two gaps is still a point. */
static void
draw_line (cairo_t                 *cr,
           MwSeries                *series,
           const Geometry          *geometry,
           const MwTimelineOptions *options,
           guint                    line)
{
  guint n = mw_series_get_n_snapshots (series);
  gboolean previous = FALSE;
  double value;

  set_line_colour (cr, line, options->dark);
  cairo_set_line_width (cr, line == MW_TIMELINE_INDEX_LINE ? 3.5 : 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < n; i++)
    {
      gboolean has = mw_timeline_get_value (mw_series_get_snapshot (series, i), line, &value);
      double x = column_x (geometry, n, i);

      if (has && previous)
        cairo_line_to (cr, x, value_y (geometry, value));
      else if (has)
        cairo_move_to (cr, x, value_y (geometry, value));
      previous = has;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      double x = column_x (geometry, n, i);
      double r = geometry->em * ((int) i == options->selected ? 0.42 : 0.3);

      if (!mw_timeline_get_value (mw_series_get_snapshot (series, i), line, &value))
        continue;
      if ((int) i == options->selected)
        {
          /* a ring in the background's colour, so the point stands out */
          cairo_set_source_rgb (cr, options->dark ? 0.14 : 1, options->dark ? 0.14 : 1, options->dark ? 0.14 : 1);
          cairo_arc (cr, x, value_y (geometry, value), r * 1.9, 0, 2 * G_PI);
          cairo_fill (cr);
          set_line_colour (cr, line, options->dark);
        }
      draw_mark (cr, line_styles[line].mark, x, value_y (geometry, value), r);
    }
}

/* A grid at the top: each line's marker and name. */
static void
draw_legend (cairo_t                 *cr,
             const Geometry          *geometry,
             const MwTimelineOptions *options)
{
  for (guint k = 0; k < MW_TIMELINE_N_LINES; k++)
    {
      /* the index first, then the elements in their order */
      guint line = k == 0 ? MW_TIMELINE_INDEX_LINE : k - 1;
      double x = geometry->left + (k % geometry->legend_columns) * geometry->legend_column_width;
      double y = (0.4 + (k / geometry->legend_columns) * LEGEND_ROW) * geometry->em;

      set_line_colour (cr, line, options->dark);
      cairo_set_line_width (cr, line == MW_TIMELINE_INDEX_LINE ? 3.5 : 2);
      cairo_move_to (cr, x, y + 0.7 * geometry->em);
      cairo_line_to (cr, x + 1.8 * geometry->em, y + 0.7 * geometry->em);
      cairo_stroke (cr);
      draw_mark (cr, line_styles[line].mark, x + 0.9 * geometry->em, y + 0.7 * geometry->em, 0.3 * geometry->em);
      set_ink (cr, options->dark, 0.9);
      /* Translators: the index's line in the chart's legend */
      show_text (cr, geometry, line == MW_TIMELINE_INDEX_LINE ? _("Index") : mw_timeline_get_line_title (line),
                 x + 2.2 * geometry->em, y, 0,
                 geometry->legend_column_width - 2.8 * geometry->em, line == MW_TIMELINE_INDEX_LINE);
    }
}

/**
 * mw_render_timeline:
 * @options: (nullable): light, nothing selected, 10 points when %NULL
 *
 * Draws the chart of a series whose snapshots are loaded into
 * @width × @height on @cr, background included.
 */
void
mw_render_timeline (cairo_t                 *cr,
                    MwSeries                *series,
                    double                   width,
                    double                   height,
                    const MwTimelineOptions *options)
{
  MwTimelineOptions defaults = { FALSE, -1, 10 };
  Geometry geometry;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (MW_IS_SERIES (series));

  if (options == NULL)
    options = &defaults;
  get_geometry (width, height, options, &geometry);

  cairo_save (cr);
  if (options->dark)
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  draw_columns (cr, series, &geometry, options);
  draw_axes (cr, &geometry, options);
  for (guint line = 0; line < MW_TIMELINE_N_LINES; line++)
    draw_line (cr, series, &geometry, options, line);
  draw_legend (cr, &geometry, options);
  cairo_restore (cr);
}
