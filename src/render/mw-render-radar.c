/* mw-render-radar.c: the five elements as a radar (spider) chart
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One chart for the score panel, slides, the export card and the report:
 * five axes from the centre (0) to the outer ring (100), the first series
 * filled, the others (a baseline, another snapshot) as dashed outlines.
 * An element that is not measurable has no point: the wedges on either side
 * of its axis stay empty, the axis is dashed and its label says "—", so it
 * never reads as a 0.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>
#include <pango/pangocairo.h>

#include "mw-render-radar.h"
#include "mw-renderer-private.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define MAX_SERIES  4

/* Series 0 is the theme's accent; the overlays come from GNOME's palette,
 * chosen for 3:1 against either background and apart from the accent. */
static const guint32 series_light[MAX_SERIES] = { 0x1C71D8, 0xC64600, 0x813D9C, 0x26A269 };
static const guint32 series_dark[MAX_SERIES] = { 0x78AEED, 0xFFA348, 0xDC8ADD, 0x8FF0A4 };

typedef struct
{
  MwRadarFlags flags;
  double       font;                 /* body size in user units */
  double       gap;                  /* between the outer ring and a label */
  double       cx, cy, r;            /* centre, radius of the 100 ring */
  PangoLayout *labels[MW_N_ELEMENTS];
  double       lw[MW_N_ELEMENTS], lh[MW_N_ELEMENTS];
  PangoLayout *legend[MAX_SERIES];
  guint        n_legend;
  double       legend_h;
} Chart;

static void
color_of (guint    index,
          gboolean dark,
          MwColor *color)
{
  guint32 rgb = mw_render_radar_get_color (index, dark);

  color->red = (rgb >> 16 & 0xff) / 255.0;
  color->green = (rgb >> 8 & 0xff) / 255.0;
  color->blue = (rgb & 0xff) / 255.0;
  color->alpha = 1;
}

/* Axis e points up for the first element, then clockwise. */
static void
axis_direction (guint   e,
                double *dx,
                double *dy)
{
  double a = -G_PI / 2 + e * 2 * G_PI / MW_N_ELEMENTS;

  *dx = cos (a);
  *dy = sin (a);
}

static PangoLayout *
new_layout (cairo_t    *cr,
            double      size,
            gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double)logical.width / PANGO_SCALE;
  *height = (double)logical.height / PANGO_SCALE;
}

/* cairo 1.16's SVG surface turns glyphs into <symbol>s, which an SVG
 * export must not hold (its own text is real <text>): there the chart's
 * few words are filled outlines. PDF keeps real, searchable text. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout)
{
  if (cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_SVG)
    {
      pango_cairo_layout_path (cr, layout);
      cairo_fill (cr);
    }
  else
    pango_cairo_show_layout (cr, layout);
}

static gboolean
has_value (const MwRadarSeries *s,
           guint                e)
{
  return s->scores != NULL && mw_scores_is_measurable (s->scores, e);
}

/* "Title\n72 60": the first series' value in bold, then each overlay's in
 * its colour, in the legend's order; "—" where there is none. Without
 * values, the title alone, and "—" under it when the first has none. */
static char *
label_markup (const MwRadarSeries *series,
              guint                n_series,
              guint                e,
              gboolean             dark,
              MwRadarFlags         flags)
{
  g_autofree char *title = g_markup_escape_text (mw_element_get_title (e), -1);
  GString *markup = g_string_new (title);

  if (!(flags & MW_RADAR_VALUES))
    {
      if (!has_value (&series[0], e))
        g_string_append (markup, "\n<b>—</b>");
      return g_string_free (markup, FALSE);
    }
  g_string_append_c (markup, '\n');
  for (guint i = 0; i < n_series; i++)
    {
      g_autofree char *value = has_value (&series[i], e) ?
                               g_strdup_printf ("%.0f", CLAMP (mw_scores_get_score (series[i].scores, e), 0, 100)) :
                               g_strdup ("—");

      if (i == 0)
        g_string_append_printf (markup, "<b>%s</b>", value);
      else
        g_string_append_printf (markup, "  <span foreground=\"#%06X\">%s</span>", mw_render_radar_get_color (i, dark), value);
    }
  return g_string_free (markup, FALSE);
}

static void
chart_make_labels (Chart               *chart,
                   cairo_t             *cr,
                   const MwRadarSeries *series,
                   guint                n_series,
                   double               width,
                   gboolean             dark)
{
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      g_autofree char *markup = label_markup (series, n_series, e, dark, chart->flags);
      double dx, dy;

      axis_direction (e, &dx, &dy);
      g_clear_object (&chart->labels[e]);
      chart->labels[e] = new_layout (cr, chart->font, FALSE);
      /* Side labels share the width with the chart; the top one has room. */
      pango_layout_set_width (chart->labels[e], (int)(MAX (chart->font * 6, width * (e == 0 ? 0.5 : 0.28)) * PANGO_SCALE));
      pango_layout_set_wrap (chart->labels[e], PANGO_WRAP_WORD);
      pango_layout_set_alignment (chart->labels[e], fabs (dx) < 0.25 ? PANGO_ALIGN_CENTER :
                                                    dx > 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      pango_layout_set_markup (chart->labels[e], markup, -1);
      layout_size (chart->labels[e], &chart->lw[e], &chart->lh[e]);
    }
}

/* The label's box, relative to the centre, for an outer ring of radius r:
 * it grows away from the chart from a point just beyond the axis's end. */
static void
label_box (const Chart *chart,
           guint        e,
           double       r,
           double      *bx,
           double      *by)
{
  double dx, dy, ax, ay;
  PangoRectangle logical;

  axis_direction (e, &dx, &dy);
  ax = (r + chart->gap) * dx;
  ay = (r + chart->gap) * dy;
  /* A wrapped layout's box starts at its width's left edge, whatever the
   * alignment: logical.x says where the text starts within it. */
  pango_layout_get_extents (chart->labels[e], NULL, &logical);
  *bx = (fabs (dx) < 0.25 ? ax - chart->lw[e] / 2 : dx > 0 ? ax : ax - chart->lw[e]) -
        (double)logical.x / PANGO_SCALE;
  *by = dy < -0.5 ? ay - chart->lh[e] : dy > 0.5 ? ay : ay - chart->lh[e] / 2;
}

/* The box around rings and labels, relative to the centre. */
static void
chart_extent (const Chart *chart,
              double       r,
              double      *x0,
              double      *y0,
              double      *x1,
              double      *y1)
{
  *x0 = *y0 = G_MAXDOUBLE;
  *x1 = *y1 = -G_MAXDOUBLE;
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      double dx, dy, bx, by;
      PangoRectangle logical;

      axis_direction (e, &dx, &dy);
      *x0 = MIN (*x0, r * dx), *x1 = MAX (*x1, r * dx);
      *y0 = MIN (*y0, r * dy), *y1 = MAX (*y1, r * dy);
      label_box (chart, e, r, &bx, &by);
      pango_layout_get_extents (chart->labels[e], NULL, &logical);
      bx += (double)logical.x / PANGO_SCALE;
      *x0 = MIN (*x0, bx), *x1 = MAX (*x1, bx + chart->lw[e]);
      *y0 = MIN (*y0, by), *y1 = MAX (*y1, by + chart->lh[e]);
    }
}

/* The largest chart whose labels fit: a bisection on the radius, then the
 * centre placed so that rings and labels sit in the middle of the room. */
static gboolean
chart_fit (Chart  *chart,
           double  x,
           double  y,
           double  width,
           double  height)
{
  double pad = chart->font * 0.3, room_h, lo = 0, hi, x0, y0, x1, y1;

  /* A glyph's side bearing can reach past its logical box: keep clear of the edges. */
  x += pad, y += pad, width -= 2 * pad, height -= 2 * pad;
  room_h = height - chart->legend_h;
  hi = MAX (0, MIN (width, room_h) / 2);

  for (guint i = 0; i < 24; i++)
    {
      double mid = (lo + hi) / 2;

      chart_extent (chart, mid, &x0, &y0, &x1, &y1);
      if (x1 - x0 <= width && y1 - y0 <= room_h)
        lo = mid;
      else
        hi = mid;
    }
  chart->r = lo;
  chart_extent (chart, lo, &x0, &y0, &x1, &y1);
  chart->cx = x + (width - (x1 - x0)) / 2 - x0;
  chart->cy = y + (room_h - (y1 - y0)) / 2 - y0;
  return chart->r >= MIN (width, room_h) * 0.2;
}

static void
pentagon (cairo_t     *cr,
          const Chart *chart,
          double       value)
{
  cairo_new_path (cr);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      double dx, dy;

      axis_direction (e, &dx, &dy);
      cairo_line_to (cr, chart->cx + chart->r * value / 100 * dx, chart->cy + chart->r * value / 100 * dy);
    }
  cairo_close_path (cr);
}

static void
draw_grid (cairo_t             *cr,
           const Chart         *chart,
           const MwRadarSeries *first,
           const MwTheme       *theme)
{
  double line = MAX (1, chart->font / 12);
  double dashes[] = { line * 3, line * 3 };

  cairo_save (cr);
  cairo_set_line_width (cr, line);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  pentagon (cr, chart, 50);
  _mw_set_source (cr, &theme->text_soft, 0.3);
  cairo_stroke (cr);
  pentagon (cr, chart, 100);
  _mw_set_source (cr, &theme->text_soft, 0.55);
  cairo_stroke (cr);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      double dx, dy;

      axis_direction (e, &dx, &dy);
      cairo_set_dash (cr, has_value (first, e) ? NULL : dashes, has_value (first, e) ? 0 : 2, 0);
      cairo_move_to (cr, chart->cx, chart->cy);
      cairo_line_to (cr, chart->cx + chart->r * dx, chart->cy + chart->r * dy);
      _mw_set_source (cr, &theme->text_soft, has_value (first, e) ? 0.45 : 0.8);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/* "0", "50" and "100" just under the first axis's crossings, clear of the
 * top label above the outer ring. */
static void
draw_ring_values (cairo_t       *cr,
                  const Chart   *chart,
                  const MwTheme *theme)
{
  static const int values[] = { 0, 50, 100 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (cr, chart->font * 0.72, FALSE);
      g_autofree char *text = g_strdup_printf ("%d", values[i]);
      double ry = chart->cy - chart->r * values[i] / 100;

      pango_layout_set_text (layout, text, -1);
      _mw_set_source (cr, &theme->text_soft, 1);
      cairo_move_to (cr, chart->cx + chart->font * 0.3, ry + chart->font * 0.1);
      show_layout (cr, layout);
    }
}

static void
point (const Chart         *chart,
       const MwRadarSeries *s,
       guint                e,
       double              *px,
       double              *py)
{
  double dx, dy, v = CLAMP (mw_scores_get_score (s->scores, e), 0, 100);

  axis_direction (e, &dx, &dy);
  *px = chart->cx + chart->r * v / 100 * dx;
  *py = chart->cy + chart->r * v / 100 * dy;
}

/* The segments between neighbouring measured points, as one path broken
 * at a gap; as @wedges, each closed through the centre, so where an
 * element has no value both wedges beside its axis stay open. */
static void
segments_path (cairo_t             *cr,
               const Chart         *chart,
               const MwRadarSeries *s,
               gboolean             wedges)
{
  cairo_new_path (cr);
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      guint f = (e + 1) % MW_N_ELEMENTS;
      double ax, ay, bx, by;

      if (!has_value (s, e) || !has_value (s, f))
        continue;
      point (chart, s, e, &ax, &ay);
      point (chart, s, f, &bx, &by);
      if (wedges)
        {
          cairo_move_to (cr, chart->cx, chart->cy);
          cairo_line_to (cr, ax, ay);
        }
      else
        cairo_move_to (cr, ax, ay);
      cairo_line_to (cr, bx, by);
      if (wedges)
        cairo_close_path (cr);
    }
}

static void
draw_series (cairo_t             *cr,
             const Chart         *chart,
             const MwRadarSeries *s,
             guint                index,
             gboolean             dark,
             const MwTheme       *theme)
{
  double line = MAX (1.5, chart->font / 6), dot = MAX (2.5, chart->font / 3.5);
  double dashes[] = { line * 3, line * 2 };
  MwColor color;

  if (s->scores == NULL)
    return;
  color_of (index, dark, &color);
  cairo_save (cr);
  cairo_set_line_width (cr, line);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (index == 0)
    {
      segments_path (cr, chart, s, TRUE);
      _mw_set_source (cr, &color, dark ? 0.35 : 0.28);
      cairo_fill (cr);
    }
  else
    cairo_set_dash (cr, dashes, 2, 0);
  segments_path (cr, chart, s, FALSE);
  _mw_set_source (cr, &color, 1);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* The points: filled for the first series, rings for an overlay. */
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      double px, py;

      if (!has_value (s, e))
        continue;
      point (chart, s, e, &px, &py);
      cairo_new_path (cr);
      cairo_arc (cr, px, py, index == 0 ? dot : dot * 0.85, 0, 2 * G_PI);
      if (index == 0)
        {
          _mw_set_source (cr, &color, 1);
          cairo_fill (cr);
        }
      else
        {
          _mw_set_source (cr, &theme->background, 1);
          cairo_fill_preserve (cr);
          _mw_set_source (cr, &color, 1);
          cairo_set_line_width (cr, line * 0.8);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

static void
draw_labels (cairo_t       *cr,
             const Chart   *chart,
             const MwTheme *theme)
{
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    {
      double bx, by;

      label_box (chart, e, chart->r, &bx, &by);
      _mw_set_source (cr, &theme->text, 1);
      cairo_move_to (cr, chart->cx + bx, chart->cy + by);
      show_layout (cr, chart->labels[e]);
    }
}

/* ---- the legend: a swatch and a name per series, in one centred row ---- */

static void
chart_make_legend (Chart               *chart,
                   cairo_t             *cr,
                   const MwRadarSeries *series,
                   guint                n_series)
{
  double w, h;

  chart->n_legend = 0;
  chart->legend_h = 0;
  if (n_series < 2 || !(chart->flags & MW_RADAR_LEGEND))
    return;
  for (guint i = 0; i < n_series; i++)
    {
      chart->legend[i] = new_layout (cr, chart->font, FALSE);
      pango_layout_set_text (chart->legend[i], series[i].label != NULL ? series[i].label : "", -1);
      layout_size (chart->legend[i], &w, &h);
      chart->legend_h = MAX (chart->legend_h, h + chart->font * 0.6);
    }
  chart->n_legend = n_series;
}

static void
draw_legend (cairo_t       *cr,
             const Chart   *chart,
             double         x,
             double         bottom,
             double         width,
             gboolean       dark,
             const MwTheme *theme)
{
  double swatch = chart->font * 1.6, space = chart->font, total = 0, cx, w, h;
  double line = MAX (1.5, chart->font / 6), dashes[] = { line * 3, line * 2 };

  for (guint i = 0; i < chart->n_legend; i++)
    {
      layout_size (chart->legend[i], &w, &h);
      total += swatch + chart->font * 0.4 + w + (i > 0 ? space : 0);
    }
  cx = x + MAX (0, (width - total) / 2);
  for (guint i = 0; i < chart->n_legend; i++)
    {
      double sy;
      MwColor color;

      layout_size (chart->legend[i], &w, &h);
      sy = bottom - h / 2 - chart->font * 0.1;
      color_of (i, dark, &color);
      cairo_save (cr);
      cairo_set_line_width (cr, line);
      if (i == 0)
        {
          cairo_rectangle (cr, cx, sy - chart->font * 0.45, swatch, chart->font * 0.9);
          _mw_set_source (cr, &color, dark ? 0.35 : 0.28);
          cairo_fill_preserve (cr);
        }
      else
        {
          cairo_set_dash (cr, dashes, 2, 0);
          cairo_move_to (cr, cx, sy);
          cairo_line_to (cr, cx + swatch, sy);
        }
      _mw_set_source (cr, &color, 1);
      cairo_stroke (cr);
      cairo_restore (cr);
      cx += swatch + chart->font * 0.4;
      _mw_set_source (cr, &theme->text, 1);
      cairo_move_to (cr, cx, bottom - h);
      show_layout (cr, chart->legend[i]);
      cx += w + space;
    }
}

static void
chart_clear (Chart *chart)
{
  for (guint e = 0; e < MW_N_ELEMENTS; e++)
    g_clear_object (&chart->labels[e]);
  for (guint i = 0; i < MAX_SERIES; i++)
    g_clear_object (&chart->legend[i]);
}

/* The body text is a 20th of the shorter side, between 8.5 and 13 units
 * (or the caller's size), and smaller only when the labels would otherwise
 * squeeze the chart. */
static void
chart_layout (Chart               *chart,
              cairo_t             *cr,
              const MwRadarSeries *series,
              guint                n_series,
              double               x,
              double               y,
              double               width,
              double               height,
              gboolean             dark,
              double               font_size,
              MwRadarFlags         flags)
{
  chart->flags = flags;
  chart->font = font_size > 0 ? font_size : CLAMP (MIN (width, height) / 20, 8.5, 13);
  for (guint attempt = 0; attempt < 4; attempt++)
    {
      chart->gap = chart->font * 0.5;
      chart_clear (chart);
      chart_make_labels (chart, cr, series, n_series, width, dark);
      chart_make_legend (chart, cr, series, n_series);
      if (chart_fit (chart, x, y, width, height))
        break;
      chart->font *= 0.88;
    }
}

/**
 * mw_render_radar:
 * @cr: where to draw, in user units
 * @series: (array length=n_series): the first filled, the rest overlaid
 * @n_series: 1 to 4 (more are left out)
 * @x, @y, @width, @height: the rectangle the chart, its labels and its
 *   legend fill; the chart keeps its shape and sits in the middle
 * @dark: the dark palette, for a dark background
 *
 * Draws the five elements of @series[0] as a filled polygon with the other
 * series as dashed outlines, the axes with each element's title and values,
 * the 0, 50 and 100 rings and, for more than one series, a legend of their
 * labels. Text is Pango's: real text in a PDF.
 */
void
mw_render_radar (cairo_t             *cr,
                 const MwRadarSeries *series,
                 guint                n_series,
                 double               x,
                 double               y,
                 double               width,
                 double               height,
                 gboolean             dark)
{
  mw_render_radar_full (cr, series, n_series, x, y, width, height, dark, 0, MW_RADAR_DEFAULT);
}

/**
 * mw_render_radar_full:
 * @font_size: the labels' size in user units, or 0 for one that suits the
 *   rectangle (a slide passes its own body size)
 * @flags: what to draw beside the chart: values under the titles, legend
 *
 * mw_render_radar() with a choice of type size and labels: where a list
 * beside the chart already gives the values (a slide's card), the axes
 * carry the titles alone — and "—" for an element that has no value.
 */
void
mw_render_radar_full (cairo_t             *cr,
                      const MwRadarSeries *series,
                      guint                n_series,
                      double               x,
                      double               y,
                      double               width,
                      double               height,
                      gboolean             dark,
                      double               font_size,
                      MwRadarFlags         flags)
{
  const MwTheme *theme = _mw_theme_get (dark);
  Chart chart = { 0 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (series != NULL || n_series == 0);

  n_series = MIN (n_series, MAX_SERIES);
  if (n_series == 0 || width <= 0 || height <= 0)
    return;

  chart_layout (&chart, cr, series, n_series, x, y, width, height, dark, font_size, flags);
  cairo_save (cr);
  draw_grid (cr, &chart, &series[0], theme);
  draw_ring_values (cr, &chart, theme);
  /* The overlays over the fill, so that a dashed outline stays visible. */
  for (guint i = 0; i < n_series; i++)
    draw_series (cr, &chart, &series[i], i, dark, theme);
  draw_labels (cr, &chart, theme);
  if (chart.n_legend > 0)
    draw_legend (cr, &chart, x, y + height, width, dark, theme);
  cairo_restore (cr);
  chart_clear (&chart);
}

/**
 * mw_render_radar_get_color:
 * @index: the series, 0 for the filled one
 * @dark: the dark palette
 *
 * Returns: the series' colour as 0xRRGGBB
 */
guint32
mw_render_radar_get_color (guint    index,
                           gboolean dark)
{
  return (dark ? series_dark : series_light)[index % MAX_SERIES];
}

/**
 * mw_render_radar_get_point:
 * @cr: the context the chart is (or would be) drawn on: text is measured on it
 * @series, @n_series, @x, @y, @width, @height: as for mw_render_radar()
 * @element: an axis
 * @value: 0–100
 * @px: (out): where @value lies on @element's axis, in @cr's user units
 * @py: (out)
 *
 * Where mw_render_radar() draws a value: for a pointer over the chart, a
 * tooltip, or a test that looks at the pixels there.
 */
void
mw_render_radar_get_point (cairo_t             *cr,
                           const MwRadarSeries *series,
                           guint                n_series,
                           double               x,
                           double               y,
                           double               width,
                           double               height,
                           MwElement            element,
                           double               value,
                           double              *px,
                           double              *py)
{
  Chart chart = { 0 };
  double dx, dy;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (series != NULL && n_series > 0);
  g_return_if_fail (element < MW_N_ELEMENTS);
  g_return_if_fail (px != NULL && py != NULL);

  chart_layout (&chart, cr, series, MIN (n_series, MAX_SERIES), x, y, width, height, FALSE, 0, MW_RADAR_DEFAULT);
  axis_direction (element, &dx, &dy);
  *px = chart.cx + chart.r * CLAMP (value, 0, 100) / 100 * dx;
  *py = chart.cy + chart.r * CLAMP (value, 0, 100) / 100 * dy;
  chart_clear (&chart);
}
