/* mw-report-text.c: the report's page: text, tables, page breaks, page numbers
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-render"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "mw-report-private.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"
#define FOOTER_SIZE 8.5
/* A table header shrinks this far to keep its words whole. */
#define MIN_HEADER_SIZE 6.5
#define MAX_CELLS 8

typedef struct
{
  double   size;
  gboolean bold;
  gboolean soft;
  double   after;   /* space below a paragraph */
} Style;

/* A print hierarchy: one title, headings twice the body, soft small text. */
static const Style styles[MW_N_REPORT_STYLES] = {
  [MW_REPORT_TITLE]      = { 30, TRUE, FALSE, 14 },
  [MW_REPORT_HEADING]    = { 18, TRUE, FALSE, 10 },
  [MW_REPORT_SUBHEADING] = { 12.5, TRUE, FALSE, 4 },
  [MW_REPORT_BODY]       = { 10, FALSE, FALSE, 6 },
  [MW_REPORT_BODY_BOLD]  = { 10, TRUE, FALSE, 6 },
  [MW_REPORT_SMALL]      = { 8.5, FALSE, TRUE, 4 },
  [MW_REPORT_FIGURE]     = { 24, TRUE, FALSE, 2 },
};

void
_mw_report_writer_init (MwReportWriter *w,
                        cairo_t        *cr,
                        double          width,
                        double          height)
{
  w->cr = cr;
  w->width = width;
  w->height = height;
  /* 2 cm: room for binding and a printer's unprintable edge */
  w->margin = 56.7;
  w->y = w->margin;
  w->page = 0;
  w->page_open = FALSE;
}

void
_mw_report_set_ink (cairo_t       *cr,
                    MwReportStyle  style)
{
  if (styles[style].soft)
    cairo_set_source_rgb (cr, 0.36, 0.36, 0.40);
  else
    cairo_set_source_rgb (cr, 0.12, 0.12, 0.14);
}

static PangoLayout *
plain_layout (cairo_t    *cr,
              const char *text,
              double      size,
              gboolean    bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* metrics as printed, not snapped to a screen's pixels */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_footer (MwReportWriter *w)
{
  /* Translators: the page number at the foot of a report's page */
  g_autofree char *text = g_strdup_printf (_("Page %u"), w->page);
  g_autoptr(PangoLayout) layout = plain_layout (w->cr, text, FOOTER_SIZE, FALSE);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  cairo_save (w->cr);
  _mw_report_set_ink (w->cr, MW_REPORT_SMALL);
  cairo_move_to (w->cr, (w->width - logical.width / (double)PANGO_SCALE) / 2,
                 w->height - w->margin / 2 - logical.height / (double)PANGO_SCALE);
  pango_cairo_show_layout (w->cr, layout);
  cairo_restore (w->cr);
}

/* The cover has no number: the first numbered page is 2, as in print. */
void
_mw_report_end_page (MwReportWriter *w)
{
  if (!w->page_open)
    return;
  if (w->page > 1)
    draw_footer (w);
  cairo_show_page (w->cr);
  w->page_open = FALSE;
}

void
_mw_report_new_page (MwReportWriter *w)
{
  _mw_report_new_page_turned (w, FALSE);
}

/* A page turned sideways when @landscape (a wide drawing), else upright;
 * the next page is upright again unless it asks otherwise. */
void
_mw_report_new_page_turned (MwReportWriter *w,
                            gboolean        landscape)
{
  double short_side = MIN (w->width, w->height), long_side = MAX (w->width, w->height);
  cairo_surface_t *target = cairo_get_target (w->cr);

  _mw_report_end_page (w);
  w->width = landscape ? long_side : short_side;
  w->height = landscape ? short_side : long_side;
  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF)
    cairo_pdf_surface_set_size (target, w->width, w->height);
  w->page++;
  w->page_open = TRUE;
  w->y = w->margin;
}

double
_mw_report_content_width (MwReportWriter *w)
{
  return w->width - 2 * w->margin;
}

/* What is left above the footer. */
double
_mw_report_room (MwReportWriter *w)
{
  return w->height - w->margin - w->y;
}

void
_mw_report_ensure (MwReportWriter *w,
                   double          height)
{
  if (!w->page_open || (_mw_report_room (w) < height && w->y > w->margin))
    _mw_report_new_page (w);
}

PangoLayout *
_mw_report_layout (MwReportWriter *w,
                   const char     *text,
                   MwReportStyle   style,
                   double          width)
{
  PangoLayout *layout = plain_layout (w->cr, text, styles[style].size, styles[style].bold);

  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (style == MW_REPORT_BODY || style == MW_REPORT_SMALL)
    pango_layout_set_spacing (layout, (int)(styles[style].size * 0.25 * PANGO_SCALE));
  return layout;
}

void
_mw_report_text_at (MwReportWriter *w,
                    const char     *text,
                    MwReportStyle   style,
                    double          x,
                    double          y,
                    double          width)
{
  g_autoptr(PangoLayout) layout = _mw_report_layout (w, text, style, width);

  cairo_save (w->cr);
  _mw_report_set_ink (w->cr, style);
  cairo_move_to (w->cr, x, y);
  pango_cairo_show_layout (w->cr, layout);
  cairo_restore (w->cr);
}

/* A paragraph at the left margin; a heading keeps a line of what follows
 * with it, and a long paragraph breaks between lines. Returns its height. */
double
_mw_report_text (MwReportWriter *w,
                 const char     *text,
                 MwReportStyle   style)
{
  g_autoptr(PangoLayout) layout = _mw_report_layout (w, text, style, _mw_report_content_width (w));
  PangoLayoutIter *iter;
  PangoRectangle logical;
  double keep, top, height;

  pango_layout_get_extents (layout, NULL, &logical);
  height = logical.height / (double)PANGO_SCALE;
  keep = style <= MW_REPORT_SUBHEADING ? height + 40 : MIN (height, 3 * styles[style].size);
  _mw_report_ensure (w, keep);

  top = w->y;
  cairo_save (w->cr);
  _mw_report_set_ink (w->cr, style);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle line_rect;
      int baseline = pango_layout_iter_get_baseline (iter);

      pango_layout_iter_get_line_extents (iter, NULL, &line_rect);
      if (top + (line_rect.y + line_rect.height) / (double)PANGO_SCALE > w->height - w->margin)
        {
          cairo_restore (w->cr);
          _mw_report_new_page (w);
          cairo_save (w->cr);
          _mw_report_set_ink (w->cr, style);
          top = w->y - line_rect.y / (double)PANGO_SCALE;
        }
      cairo_move_to (w->cr, w->margin + line_rect.x / (double)PANGO_SCALE, top + baseline / (double)PANGO_SCALE);
      pango_cairo_show_layout_line (w->cr, line);
      w->y = top + (line_rect.y + line_rect.height) / (double)PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_restore (w->cr);

  w->y += styles[style].after;
  return height;
}

void
_mw_report_space (MwReportWriter *w,
                  double          points)
{
  w->y += points;
}

void
_mw_report_rule (MwReportWriter *w)
{
  cairo_save (w->cr);
  cairo_set_source_rgb (w->cr, 0.80, 0.80, 0.83);
  cairo_set_line_width (w->cr, 0.75);
  cairo_move_to (w->cr, w->margin, w->y + 0.5);
  cairo_line_to (w->cr, w->width - w->margin, w->y + 0.5);
  cairo_stroke (w->cr);
  cairo_restore (w->cr);
  w->y += 8;
}

/* The widest word of @text at @size, bold. */
static double
widest_word (cairo_t    *cr,
             const char *text,
             double      size)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = plain_layout (cr, words[i], size, TRUE);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      widest = MAX (widest, logical.width / (double)PANGO_SCALE);
    }
  return widest;
}

/* A header's type size: the body's, or smaller so that its longest word
 * fits its column — a header wraps between words, never inside one. */
static double
header_size (MwReportWriter     *w,
             const char * const *cells,
             const double       *widths,
             guint               n_cells)
{
  double size = styles[MW_REPORT_BODY_BOLD].size, content = _mw_report_content_width (w);

  for (guint i = 0; i < n_cells; i++)
    {
      double room = widths[i] * content - 6, widest = widest_word (w->cr, cells[i], size);

      if (widest > room)
        size = MAX (MIN_HEADER_SIZE, size * room / widest);
    }
  return size;
}

static PangoLayout *
cell_layout (MwReportWriter *w,
             const char     *text,
             double          header_pt,
             double          width)
{
  PangoLayout *layout;

  if (header_pt <= 0)
    return _mw_report_layout (w, text, MW_REPORT_BODY, width);
  layout = plain_layout (w->cr, text, header_pt, TRUE);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  return layout;
}

/* One row of a table, its cells wrapped in their columns; @widths are
 * shares of the content width. A header is bold over a rule. */
void
_mw_report_table_row (MwReportWriter     *w,
                      const char * const *cells,
                      const double       *widths,
                      guint               n_cells,
                      gboolean            header)
{
  double content = _mw_report_content_width (w), height = 0, x = w->margin;
  double header_pt = header ? header_size (w, cells, widths, n_cells) : 0;
  PangoLayout *layouts[MAX_CELLS];

  g_return_if_fail (n_cells <= MAX_CELLS);

  for (guint i = 0; i < n_cells; i++)
    {
      PangoRectangle logical;

      layouts[i] = cell_layout (w, cells[i], header_pt, widths[i] * content - 6);
      pango_layout_get_extents (layouts[i], NULL, &logical);
      height = MAX (height, logical.height / (double)PANGO_SCALE);
    }
  _mw_report_ensure (w, height + 8);
  cairo_save (w->cr);
  _mw_report_set_ink (w->cr, header ? MW_REPORT_BODY_BOLD : MW_REPORT_BODY);
  for (guint i = 0; i < n_cells; i++)
    {
      cairo_move_to (w->cr, x, w->y + 3);
      pango_cairo_show_layout (w->cr, layouts[i]);
      x += widths[i] * content;
      g_object_unref (layouts[i]);
    }
  cairo_restore (w->cr);
  w->y += height + 6;
  if (header)
    _mw_report_rule (w);
}
