/* mw-export.c: PNG, SVG and PDF from the one renderer
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "mw-export.h"
#include "mw-file.h"
#include "mw-label.h"
#include "mw-page.h"
#include "mw-progress.h"
#include "mw-render-radar.h"
#include "mw-renderer-private.h"

#define GAP             24.0
#define TITLE_SIZE      18.0
#define CARD_MIN_WIDTH 220.0
#define CARD_NAME_MAX  200.0
#define CARD_BAR        80.0
#define CARD_ROW        22.0
#define CARD_RADAR     190.0      /* the radar's height, when the card has one */
#define PAGE_MARGIN     36.0
#define MAX_PIXELS  (16384.0 * 16384.0)
#define MAX_SIDE     32767.0      /* cairo's image surfaces stop here */
/* cairo keeps device coordinates in 24.8 fixed point, which wraps past
 * ±8,388,607: a wider page would draw its far side at the wrong place. A
 * page drawn at the drawing's own size stops well inside that. */
#define MAX_VECTOR_SIDE 4000000.0

typedef struct
{
  double   width, height;        /* content, points */
  MwRect   drawing;              /* the network's model bounds */
  double   title_h;
  double   side_x, side_y;       /* legend and score card column */
  double   side_w;               /* legend and card share one width */
  double   legend_w, legend_h;
  double   card_h;
} Page;

void
mw_export_options_init (MwExportOptions *options,
                        MwExportFormat   format)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->format = format;
  options->scale = 1;
  options->page = MW_PAGE_FIT;
  options->margin = 24;
}

/**
 * mw_export_dup_title:
 * @fallback: (nullable): the title when the graph has no label
 *
 * The one rule for the title above an exported or printed network: the
 * graph's own `label`, as people read it, else @fallback. The CLI's export
 * passes no fallback; the app's export dialog and print pass the
 * document's name.
 *
 * Returns: (transfer full) (nullable): the title
 */
char *
mw_export_dup_title (MwNetwork  *network,
                     const char *fallback)
{
  char *title;

  g_return_val_if_fail (MW_IS_NETWORK (network), NULL);

  title = mw_network_dup_title (network);
  return title != NULL ? title : g_strdup (fallback);
}

/**
 * mw_export_format_from_path:
 *
 * The format from the file name's extension: .png, .svg or .pdf (any case).
 */
gboolean
mw_export_format_from_path (const char      *path,
                            MwExportFormat  *format,
                            GError         **error)
{
  const char *dot;

  g_return_val_if_fail (path != NULL && format != NULL, FALSE);

  dot = strrchr (path, '.');
  if (dot != NULL && strchr (dot, '/') == NULL)
    {
      if (g_ascii_strcasecmp (dot, ".png") == 0)
        return (*format = MW_EXPORT_PNG), TRUE;
      if (g_ascii_strcasecmp (dot, ".svg") == 0)
        return (*format = MW_EXPORT_SVG), TRUE;
      if (g_ascii_strcasecmp (dot, ".pdf") == 0)
        return (*format = MW_EXPORT_PDF), TRUE;
    }
  g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
               _("%s: cannot tell the format from the name; end it in .png, .svg or .pdf"), path);
  return FALSE;
}

/**
 * mw_export_parse_color:
 * @text: "transparent", a CSS/X11 colour name, "#rgb", "#rrggbb" or "#rrggbbaa"
 */
gboolean
mw_export_parse_color (const char  *text,
                       MwColor     *color,
                       gboolean    *transparent,
                       GError     **error)
{
  PangoColor pc;
  guint16 alpha = 0xffff;

  g_return_val_if_fail (text != NULL && color != NULL && transparent != NULL, FALSE);

  *transparent = g_ascii_strcasecmp (text, "transparent") == 0 || g_ascii_strcasecmp (text, "none") == 0;
  if (*transparent)
    return TRUE;
  if (!pango_color_parse_with_alpha (&pc, &alpha, text))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("“%s” is not a colour (try “white”, “#1e1e1e” or “transparent”)"), text);
      return FALSE;
    }
  color->red = pc.red / 65535.0;
  color->green = pc.green / 65535.0;
  color->blue = pc.blue / 65535.0;
  color->alpha = alpha / 65535.0;
  return TRUE;
}

/* ---- score card ---------------------------------------------------------- */

/* The card's natural width: the longest row name, a bar and the value. */
static double
score_card_width (MwRenderer        *renderer,
                  const MwScoreCard *card)
{
  double name_w = 0;

  for (guint r = 0; r < card->n_rows; r++)
    {
      g_autoptr(PangoLayout) name = _mw_renderer_create_layout (renderer, card->rows[r].name, 9.5, FALSE);
      PangoRectangle logical;

      pango_layout_get_extents (name, NULL, &logical);
      name_w = MAX (name_w, MIN (logical.width / (double)PANGO_SCALE, CARD_NAME_MAX));
    }
  return MAX (CARD_MIN_WIDTH, 12 + name_w + 12 + CARD_BAR + 8 + 24 + 12);
}

/* Measures its height, and draws when cr is not NULL, @width wide. */
static double
score_card (MwRenderer        *renderer,
            cairo_t           *cr,
            const MwScoreCard *card,
            double             x,
            double             y,
            double             width,
            gboolean           dark)
{
  const MwTheme *theme = _mw_theme_get (dark);
  g_autoptr(PangoLayout) title = _mw_renderer_create_layout (renderer, card->title ? card->title : _("Distributed leadership"), 11, TRUE);
  g_autofree char *index_text = g_strdup_printf ("%.0f", CLAMP (card->index, 0, 100));
  g_autoptr(PangoLayout) index = _mw_renderer_create_layout (renderer, index_text, 26, TRUE);
  g_autoptr(PangoLayout) index_name = _mw_renderer_create_layout (renderer, card->index_name ? card->index_name : _("Index (0–100)"), 9.5, FALSE);
  PangoRectangle t, i;
  double h, row_y, radar_y;

  pango_layout_get_extents (title, NULL, &t);
  pango_layout_get_extents (index, NULL, &i);
  row_y = 12 + t.height / (double)PANGO_SCALE + 4 + i.height / (double)PANGO_SCALE + 6;
  radar_y = row_y;
  if (card->scores != NULL)
    row_y += CARD_RADAR + 8;
  h = row_y + card->n_rows * CARD_ROW + 10;
  if (cr == NULL)
    return h;

  cairo_save (cr);
  cairo_rectangle (cr, x + 0.5, y + 0.5, width - 1, h - 1);
  _mw_set_source (cr, &theme->background, 0.94);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1);
  _mw_set_source (cr, &theme->text_soft, 0.35);
  cairo_stroke (cr);

  _mw_renderer_show_layout (renderer, cr, title, pango_layout_get_text (title), x + 12, y + 12, &theme->text);
  _mw_renderer_show_layout (renderer, cr, index, index_text, x + 12, y + 16 + t.height / (double)PANGO_SCALE, &theme->text);
  _mw_renderer_show_layout (renderer, cr, index_name, pango_layout_get_text (index_name),
                            x + 20 + i.width / (double)PANGO_SCALE,
                            y + 16 + t.height / (double)PANGO_SCALE + i.height / (double)PANGO_SCALE * 0.45, &theme->text_soft);

  if (card->scores != NULL)
    {
      /* The rows under it give the values: its axes carry the titles. */
      MwRadarSeries series[] = { { card->scores, NULL } };

      mw_render_radar_full (cr, series, 1, x + 8, y + radar_y, width - 16, CARD_RADAR, dark, 0, MW_RADAR_LEGEND);
    }
  for (guint r = 0; r < card->n_rows; r++)
    {
      g_autoptr(PangoLayout) name = _mw_renderer_create_layout (renderer, card->rows[r].name, 9.5, FALSE);
      g_autofree char *value_text = card->rows[r].not_measurable ? g_strdup ("—") :
                                    g_strdup_printf ("%.0f", CLAMP (card->rows[r].value, 0, 100));
      g_autoptr(PangoLayout) value = _mw_renderer_create_layout (renderer, value_text, 9.5, TRUE);
      double ry = y + row_y + r * CARD_ROW, bar = CARD_BAR;
      double bar_x = x + width - 12 - 24 - 8 - bar;

      pango_layout_set_width (name, (bar_x - x - 24) * PANGO_SCALE);
      pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
      _mw_renderer_show_layout (renderer, cr, name, card->rows[r].name, x + 12, ry + 3, &theme->text);
      cairo_rectangle (cr, bar_x, ry + 7, bar, 7);
      _mw_set_source (cr, &theme->text_soft, 0.18);
      cairo_fill (cr);
      cairo_rectangle (cr, bar_x, ry + 7,
                       card->rows[r].not_measurable ? 0 : bar * CLAMP (card->rows[r].value, 0, 100) / 100, 7);
      _mw_set_source (cr, &theme->accent, 1);
      cairo_fill (cr);
      _mw_renderer_show_layout (renderer, cr, value, value_text, x + width - 12 - 24, ry + 3, &theme->text);
    }
  cairo_restore (cr);
  return h;
}

/* ---- page ---------------------------------------------------------------- */

static PangoLayout *
title_layout (MwRenderer            *renderer,
              const MwExportOptions *options)
{
  return _mw_renderer_create_layout (renderer, options->title, TITLE_SIZE, TRUE);
}

static void
page_compute (MwRenderer            *renderer,
              const MwExportOptions *options,
              Page                  *page)
{
  double m = options->margin, side_w = 0, side_h = 0;

  memset (page, 0, sizeof *page);
  if (!mw_renderer_get_bounds (renderer, &page->drawing))
    page->drawing = (MwRect) { 0, 0, 120, 60 };

  if (options->title != NULL && options->title[0] != '\0')
    {
      g_autoptr(PangoLayout) layout = title_layout (renderer, options);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      page->title_h = logical.height / (double)PANGO_SCALE + 14;
      side_w = logical.width / (double)PANGO_SCALE - page->drawing.width;
    }
  if (options->legend)
    {
      mw_renderer_measure_legend (renderer, &page->legend_w, &page->legend_h);
      side_w = MAX (side_w, page->legend_w);
      side_h = page->legend_h;
    }
  if (options->score_card != NULL)
    {
      page->card_h = score_card (renderer, NULL, options->score_card, 0, 0, 0, options->dark);
      side_w = MAX (side_w, score_card_width (renderer, options->score_card));
      side_h += (side_h > 0 ? 14 : 0) + page->card_h;
    }

  page->side_w = side_w;
  page->side_x = m + page->drawing.width + GAP;
  page->side_y = m + page->title_h;
  page->width = m + page->drawing.width + (side_w > 0 ? GAP + side_w : 0) + m;
  page->height = m + page->title_h + MAX (page->drawing.height, side_h) + m;
}

void
mw_export_get_view (MwRenderer            *renderer,
                    const MwExportOptions *options,
                    MwView                *view,
                    double                *width,
                    double                *height)
{
  Page page;

  g_return_if_fail (MW_IS_RENDERER (renderer));
  g_return_if_fail (options != NULL && view != NULL);

  page_compute (renderer, options, &page);
  mw_view_init (view, page.width, page.height);
  view->offset_x = page.drawing.x - options->margin;
  view->offset_y = page.drawing.y - options->margin - page.title_h;
  view->scale = options->format == MW_EXPORT_PNG ? options->scale : 1;
  view->dark = options->dark;
  view->transparent = options->transparent || options->has_background;
  view->labels = MW_LABELS_ALWAYS;
  if (width != NULL)
    *width = page.width;
  if (height != NULL)
    *height = page.height;
}

static gboolean stage_done    (double fraction, GError **error);
static gboolean set_cancelled (GError **error);

/* Everything on the page, in points from its top-left. Returns: FALSE
 * with G_IO_ERROR_CANCELLED when the thread's progress was cancelled
 * while the network was drawn (the page is then left unfinished). */
static gboolean
draw_page (MwRenderer            *renderer,
           cairo_t               *cr,
           const MwExportOptions *options,
           GError               **error)
{
  const MwTheme *theme = _mw_theme_get (options->dark);
  MwView view;
  Page page;

  page_compute (renderer, options, &page);
  mw_export_get_view (renderer, options, &view, NULL, NULL);
  if (options->has_background && !options->transparent)
    {
      cairo_rectangle (cr, 0, 0, page.width, page.height);
      _mw_set_source (cr, &options->background, 1);
      cairo_fill (cr);
    }
  /* The network is the long part: its geometry, then its drawing, whose
   * ties report as they are stroked and stop when cancelled. */
  mw_progress_report (0, 1, 0.1);
  _mw_renderer_set_progress (renderer, 0.1, 0.7);
  mw_renderer_draw (renderer, cr, &view);
  _mw_renderer_set_progress (renderer, 0, 0);
  if (_mw_renderer_was_cancelled (renderer))
    return set_cancelled (error);
  if (!stage_done (0.7, error))
    return FALSE;

  if (page.title_h > 0)
    {
      g_autoptr(PangoLayout) layout = title_layout (renderer, options);

      _mw_renderer_show_layout (renderer, cr, layout, options->title,
                                options->margin, options->margin, &theme->text);
    }
  if (options->legend)
    _mw_renderer_draw_legend_at_width (renderer, cr, page.side_x, page.side_y, page.side_w, options->dark);
  if (options->score_card != NULL)
    score_card (renderer, cr, options->score_card, page.side_x,
                page.side_y + (options->legend ? page.legend_h + 14 : 0),
                MAX (page.side_w, page.legend_w), options->dark);
  return TRUE;
}

/* ---- formats ------------------------------------------------------------- */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, MW_ERROR, MW_ERROR_FAILED, _("Drawing failed: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* A vector page the drawing's own size (SVG, PDF "fit") refuses a drawing
 * cairo cannot place; a PDF on a paper page scales it down instead. */
static gboolean
check_vector_size (double   width,
                   double   height,
                   GError **error)
{
  if (width > MAX_VECTOR_SIDE)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_LIMIT,
                   _("The drawing is %.0f pt wide; the limit is %.0f pt. "
                     "Export a PDF on an A4 or Letter page, which scales it down to fit"),
                   ceil (width), MAX_VECTOR_SIDE);
      return FALSE;
    }
  if (height > MAX_VECTOR_SIDE)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_LIMIT,
                   _("The drawing is %.0f pt high; the limit is %.0f pt. "
                     "Export a PDF on an A4 or Letter page, which scales it down to fit"),
                   ceil (height), MAX_VECTOR_SIDE);
      return FALSE;
    }
  return TRUE;
}

static GBytes *
export_png (MwRenderer            *renderer,
            const MwExportOptions *options,
            GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, pw, ph;
  cairo_status_t status;
  gboolean drawn;
  MwView view;

  mw_export_get_view (renderer, options, &view, &width, &height);
  pw = ceil (width * options->scale);
  ph = ceil (height * options->scale);
  if (pw > MAX_SIDE || ph > MAX_SIDE || pw * ph > MAX_PIXELS)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_LIMIT,
                   _("The image would be %.0f × %.0f pixels, too large for PNG; "
                     "choose a smaller scale or export SVG or PDF"), pw, ph);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)pw, (int)ph);
  cairo_surface_set_device_scale (surface, options->scale, options->scale);
  cr = cairo_create (surface);
  drawn = draw_page (renderer, cr, options, error);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (drawn && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_cb, out);
  cairo_surface_destroy (surface);
  if (!drawn || !check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static void
page_size (const MwExportOptions *options,
           double                 width,
           double                 height,
           double                *pw,
           double                *ph)
{
  double a = 595.276, b = 841.89;    /* A4 in points */

  if (options->page == MW_PAGE_FIT)
    {
      *pw = width, *ph = height;
      return;
    }
  if (options->page == MW_PAGE_LETTER)
    a = 612, b = 792;
  *pw = mw_page_wants_landscape (width, height) ? b : a;
  *ph = mw_page_wants_landscape (width, height) ? a : b;
}

static GBytes *
export_pdf (MwRenderer            *renderer,
            const MwExportOptions *options,
            GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, pw, ph;
  cairo_status_t status;
  gboolean drawn;
  MwView view;

  mw_export_get_view (renderer, options, &view, &width, &height);
  if (options->page == MW_PAGE_FIT && !check_vector_size (width, height, error))
    return NULL;
  page_size (options, width, height, &pw, &ph);
  surface = cairo_pdf_surface_create_for_stream (append_cb, out, pw, ph);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Meshwork");
  if (options->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, options->title);
  cr = cairo_create (surface);

  if (options->page != MW_PAGE_FIT)
    {
      MwPage page;
      MwPagePlacement placement;

      mw_page_init (&page, pw, ph);
      page.margin = PAGE_MARGIN;
      mw_page_place (&page, width, height, &placement);
      if (!options->transparent)
        {
          cairo_rectangle (cr, 0, 0, pw, ph);
          _mw_set_source (cr, options->has_background ? &options->background
                                                      : &_mw_theme_get (options->dark)->background, 1);
          cairo_fill (cr);
        }
      cairo_translate (cr, placement.x, placement.y);
      cairo_scale (cr, placement.scale, placement.scale);
    }
  drawn = draw_page (renderer, cr, options, error);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!drawn || !check_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* cairo 1.16's SVG surface has no way to keep text: it turns every glyph
 * into a <symbol> outline (its only options are the SVG version and the
 * document unit). So for SVG the renderer hands each run of text to this
 * sink instead of drawing glyphs, and the export writes real <text>
 * elements, in the same font, at the same baseline, pinned to the width
 * Pango measured (textLength) so they occupy what they occupy on screen. */
static void
svg_text_cb (const char                 *text,
             const char                 *full_text,
             const PangoFontDescription *font,
             double                      size,
             const MwColor              *color,
             double                      x,
             double                      y,
             double                      width,
             gpointer                    user_data)
{
  GString *svg = user_data;
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *family = g_markup_escape_text (pango_font_description_get_family (font), -1);
  char nx[G_ASCII_DTOSTR_BUF_SIZE], ny[G_ASCII_DTOSTR_BUF_SIZE];
  char ns[G_ASCII_DTOSTR_BUF_SIZE], nw[G_ASCII_DTOSTR_BUF_SIZE], na[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (svg,
                          "<text x=\"%s\" y=\"%s\" font-family=\"%s\" font-size=\"%s\" font-weight=\"%d\" "
                          "fill=\"#%02x%02x%02x\" fill-opacity=\"%s\" textLength=\"%s\" "
                          "lengthAdjust=\"spacingAndGlyphs\" xml:space=\"preserve\">%s",
                          g_ascii_formatd (nx, sizeof nx, "%.2f", x),
                          g_ascii_formatd (ny, sizeof ny, "%.2f", y),
                          family,
                          g_ascii_formatd (ns, sizeof ns, "%.2f", size),
                          pango_font_description_get_weight (font),
                          (int)lround (color->red * 255), (int)lround (color->green * 255),
                          (int)lround (color->blue * 255),
                          g_ascii_formatd (na, sizeof na, "%.3f", color->alpha),
                          g_ascii_formatd (nw, sizeof nw, "%.2f", width),
                          escaped);
  if (full_text != NULL && strcmp (full_text, text) != 0)
    {
      /* an ellipsised label keeps its whole text for search and screen readers */
      g_autofree char *whole = g_markup_escape_text (full_text, -1);

      g_string_append_printf (svg, "<title>%s</title>", whole);
    }
  g_string_append (svg, "</text>\n");
}

static GBytes *
export_svg (MwRenderer            *renderer,
            const MwExportOptions *options,
            GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GString) text = g_string_new ("<g id=\"meshwork-text\">\n");
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  cairo_status_t status;
  gboolean drawn;
  const char *end;
  MwView view;
  gsize at;

  mw_export_get_view (renderer, options, &view, &width, &height);
  if (!check_vector_size (width, height, error))
    return NULL;
  surface = cairo_svg_surface_create_for_stream (append_cb, out, width, height);
  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  _mw_renderer_set_text_sink (renderer, svg_text_cb, text);
  drawn = draw_page (renderer, cr, options, error);
  _mw_renderer_set_text_sink (renderer, NULL, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!drawn || !check_status (status, error))
    return NULL;

  /* the text goes last, over the drawing, inside the root element */
  g_string_append (text, "</g>\n");
  g_byte_array_append (out, (const guint8 *)"", 1);
  end = g_strrstr ((const char *)out->data, "</svg>");
  if (end == NULL)
    {
      g_set_error (error, MW_ERROR, MW_ERROR_FAILED, _("Drawing failed: cairo wrote no SVG document"));
      return NULL;
    }
  at = (gsize)(end - (const char *)out->data);
  g_byte_array_set_size (out, out->len - 1);
  {
    g_autoptr(GByteArray) whole = g_byte_array_sized_new (out->len + text->len);

    g_byte_array_append (whole, out->data, at);
    g_byte_array_append (whole, (const guint8 *)text->str, text->len);
    g_byte_array_append (whole, out->data + at, out->len - at);
    return g_byte_array_free_to_bytes (g_steal_pointer (&whole));
  }
}

/* ---- progress and cancel ------------------------------------------------ */

static guint test_delay_ms;

/**
 * _mw_export_set_test_delay:
 *
 * For tests only: every mw_export_to_file() waits @ms before it writes,
 * as a large network's drawing would, and hears a cancel meanwhile.
 */
void
_mw_export_set_test_delay (guint ms)
{
  g_atomic_int_set (&test_delay_ms, ms);
}

/* Reports @fraction to the thread's progress (mw_progress_push_thread_default());
 * FALSE with G_IO_ERROR_CANCELLED when its operation was cancelled. */
static gboolean
stage_done (double    fraction,
            GError  **error)
{
  if (mw_progress_report (0, 1, fraction))
    return TRUE;
  return set_cancelled (error);
}

/* Returns: FALSE, with G_IO_ERROR_CANCELLED */
static gboolean
set_cancelled (GError **error)
{
  /* never shown: a cancelled export is not an error to the user */
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The export was cancelled");
  return FALSE;
}

static gboolean
wait_test_delay (GError **error)
{
  guint ms = g_atomic_int_get (&test_delay_ms);

  for (guint waited = 0; waited < ms; waited += 10)
    {
      if (!stage_done (0.7 + 0.2 * waited / ms, error))
        return FALSE;
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
  return TRUE;
}

/**
 * mw_export_to_bytes:
 *
 * Reports its stages to the thread's #MwProgress, if any, and stops with
 * %G_IO_ERROR_CANCELLED when that is cancelled.
 *
 * Returns: (transfer full) (nullable): the whole file, or %NULL with @error
 */
GBytes *
mw_export_to_bytes (MwRenderer             *renderer,
                    const MwExportOptions  *options,
                    GError                **error)
{
  GBytes *bytes = NULL;

  g_return_val_if_fail (MW_IS_RENDERER (renderer), NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options->format == MW_EXPORT_PNG && (options->scale < 1 || options->scale > 4))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_INVALID,
                   _("The scale must be between 1 and 4, not %g"), options->scale);
      return NULL;
    }
  if (!stage_done (0, error))
    return NULL;
  switch (options->format)
    {
    case MW_EXPORT_PNG:
      bytes = export_png (renderer, options, error);
      break;
    case MW_EXPORT_SVG:
      bytes = export_svg (renderer, options, error);
      break;
    case MW_EXPORT_PDF:
    default:
      bytes = export_pdf (renderer, options, error);
      break;
    }
  if (bytes != NULL && !stage_done (0.7, error))
    g_clear_pointer (&bytes, g_bytes_unref);
  return bytes;
}

/**
 * mw_export_to_file:
 *
 * Draws the whole file in memory, then writes it with mw_write_file(): a
 * failure (a full disk, a kill -9) never leaves half a file or a temporary,
 * and an existing file is only replaced by a complete new one. A cancel
 * (see mw_export_to_bytes()) heard before the write leaves no file at all.
 */
gboolean
mw_export_to_file (MwRenderer             *renderer,
                   const char             *path,
                   const MwExportOptions  *options,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (MW_IS_RENDERER (renderer), FALSE);
  g_return_val_if_fail (path != NULL && options != NULL, FALSE);

  {
    g_autofree char *folder = g_path_get_dirname (path);

    if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
      {
        g_set_error (error, MW_ERROR, MW_ERROR_FAILED, _("The folder “%s” does not exist"), folder);
        return FALSE;
      }
  }
  bytes = mw_export_to_bytes (renderer, options, error);
  if (bytes == NULL || !wait_test_delay (error) || !stage_done (0.9, error))
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (!mw_write_file (path, data, size, &local_error))
    {
      g_set_error (error, MW_ERROR, MW_ERROR_FAILED, "%s", local_error->message);
      return FALSE;
    }
  mw_progress_report (0, 1, 1);
  return TRUE;
}
