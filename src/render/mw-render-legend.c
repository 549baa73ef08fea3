/* mw-render-legend.c: the legend, one component for the canvas, exports and slides
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of entries — a symbol drawn as the renderer draws it, and a text —
 * on a card. mw_legend_new() fills it with the visual language (shapes,
 * size, ties, badges, the organisations' colours); appearance mappings
 * append their own entries. The canvas draws it over the view in the
 * corner that hides the fewest actors; exports and slides beside the
 * drawing.
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <glib/gi18n.h>
#include <math.h>

#include "mw-render-legend.h"
#include "mw-renderer-private.h"

#define PAD        12.0
#define ROW        19.0
#define SYMBOL     34.0
#define TEXT_SIZE   9.5
#define MAX_ORGS    8

typedef struct
{
  MwLegendSymbol  symbol;
  int             which;   /* the kind, tie type, badge (1 purpose) or palette index */
  char           *text;
} Row;

struct _MwLegend
{
  GObject     parent_instance;

  MwRenderer *renderer;
  GArray     *rows;        /* Row */
};

G_DEFINE_FINAL_TYPE (MwLegend, mw_legend, G_TYPE_OBJECT)

static void
row_clear (gpointer data)
{
  g_free (((Row *)data)->text);
}

static void
mw_legend_finalize (GObject *object)
{
  MwLegend *self = MW_LEGEND (object);

  g_clear_object (&self->renderer);
  g_clear_pointer (&self->rows, g_array_unref);
  G_OBJECT_CLASS (mw_legend_parent_class)->finalize (object);
}

static void
mw_legend_class_init (MwLegendClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mw_legend_finalize;
}

static void
mw_legend_init (MwLegend *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
}

/**
 * mw_legend_new_empty:
 * @renderer: draws the symbols and measures the text
 *
 * Returns: (transfer full): a legend with no entries
 */
MwLegend *
mw_legend_new_empty (MwRenderer *renderer)
{
  MwLegend *self;

  g_return_val_if_fail (MW_IS_RENDERER (renderer), NULL);
  self = g_object_new (MW_TYPE_LEGEND, NULL);
  self->renderer = g_object_ref (renderer);
  return self;
}

/* Adds an entry at the end. */
void
mw_legend_append (MwLegend       *self,
                  MwLegendSymbol  symbol,
                  int             which,
                  const char     *text)
{
  Row row = { symbol, which, g_strdup (text) };

  g_return_if_fail (MW_IS_LEGEND (self));
  g_return_if_fail (text != NULL);
  g_array_append_val (self->rows, row);
}

guint
mw_legend_get_n_entries (MwLegend *self)
{
  g_return_val_if_fail (MW_IS_LEGEND (self), 0);
  return self->rows->len;
}

const char *
mw_legend_get_entry_text (MwLegend *self,
                          guint     index)
{
  g_return_val_if_fail (MW_IS_LEGEND (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_array_index (self->rows, Row, index).text;
}

/* A number for the legend: short, and the same in every locale. */
static char *
format_value (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.3g", value));
}

/* The size mapping's entry; FALSE when size is not mapped. */
static gboolean
append_size (MwLegend        *self,
             MwAppearanceMap *map)
{
  const char *source = mw_appearance_map_get_source (map, MW_APPEARANCE_SIZE);
  g_autofree char *min = NULL, *max = NULL, *text = NULL;
  double lo, hi;

  if (source == NULL || !mw_appearance_map_get_range (map, MW_APPEARANCE_SIZE, &lo, &hi))
    return FALSE;
  min = format_value (lo), max = format_value (hi);
  /* Translators: "Size: Betweenness (0 to 0.42)" */
  text = g_strdup_printf (_("Size: %s (%s to %s)"), mw_appearance_source_title (source), min, max);
  mw_legend_append (self, MW_LEGEND_SIZE, 0, text);
  return TRUE;
}

/* The colour mapping's entries, in place of the organisations': its
 * categories with "Other", or its ramp with the least and greatest value. */
static gboolean
append_colors (MwLegend        *self,
               MwAppearanceMap *map)
{
  const char *source = mw_appearance_map_get_source (map, MW_APPEARANCE_COLOR);
  g_autofree char *title = NULL;
  double lo, hi;

  if (source == NULL)
    return FALSE;
  title = g_strdup_printf (_("Colour: %s"), mw_appearance_source_title (source));
  mw_legend_append (self, MW_LEGEND_TEXT, 0, title);
  if (mw_appearance_map_get_range (map, MW_APPEARANCE_COLOR, &lo, &hi))
    {
      g_autofree char *min = format_value (lo), *max = format_value (hi);
      /* Translators: the light and the dark end of a colour ramp: "0 to 0.42" */
      g_autofree char *text = g_strdup_printf (_("%s to %s"), min, max);

      mw_legend_append (self, MW_LEGEND_RAMP, 0, text);
      return TRUE;
    }
  for (guint i = 0; i < mw_appearance_map_get_n_categories (map); i++)
    mw_legend_append (self, MW_LEGEND_COLOR, MW_COLOR_CATEGORY ((int)i), mw_appearance_map_get_category (map, i));
  if (mw_appearance_map_has_other (map))
    mw_legend_append (self, MW_LEGEND_COLOR, MW_COLOR_CATEGORY (MW_APPEARANCE_OTHER), _("Other"));
  return TRUE;
}

/* The label mapping's entry; FALSE when labels are not mapped. */
static gboolean
append_label (MwLegend        *self,
              MwAppearanceMap *map)
{
  const char *source = mw_appearance_map_get_source (map, MW_APPEARANCE_LABEL);
  g_autofree char *text = NULL;

  if (source == NULL)
    return FALSE;
  text = g_strdup_printf (_("Labels: %s"), mw_appearance_source_title (source));
  mw_legend_append (self, MW_LEGEND_TEXT, 0, text);
  return TRUE;
}

/* The organisations' colours, the first MAX_ORGS of them. */
static void
append_orgs (MwLegend   *self,
             MwRenderer *renderer)
{
  g_auto(GStrv) orgs = mw_network_list_orgs (mw_renderer_get_network (renderer));
  guint n_orgs = 0, shown = 0;

  for (guint i = 0; orgs[i] != NULL; i++)
    if (orgs[i][0] != '\0')
      n_orgs++;
  for (guint i = 0; orgs[i] != NULL && shown < MAX_ORGS; i++)
    if (orgs[i][0] != '\0')
      mw_legend_append (self, MW_LEGEND_COLOR, (int)shown++, orgs[i]);
  if (n_orgs > shown)
    {
      g_autofree char *more = g_strdup_printf (_("and %u more organisations"), n_orgs - shown);

      mw_legend_append (self, MW_LEGEND_TEXT, 0, more);
    }
}

/**
 * mw_legend_new:
 * @renderer: the renderer whose drawing the legend explains
 *
 * Returns: (transfer full): a legend of Meshwork's visual language: shapes,
 *   what size means, tie styles, badges and the network's organisations
 */
MwLegend *
mw_legend_new (MwRenderer *renderer)
{
  MwLegend *self = mw_legend_new_empty (renderer);
  MwAppearanceMap *map = _mw_renderer_get_appearance (renderer);

  g_return_val_if_fail (self != NULL, NULL);
  mw_legend_append (self, MW_LEGEND_SHAPE, MW_ACTOR_PERSON, _("Person"));
  mw_legend_append (self, MW_LEGEND_SHAPE, MW_ACTOR_TEAM, _("Team"));
  mw_legend_append (self, MW_LEGEND_SHAPE, MW_ACTOR_ORGANISATION, _("Organisation"));
  if (!append_size (self, map))
    mw_legend_append (self, MW_LEGEND_SIZE, 0, mw_renderer_get_size_by (renderer) == MW_SIZE_BY_INFLUENCE
                                               ? _("Size: influence received")
                                               : _("Size: people reporting"));
  mw_legend_append (self, MW_LEGEND_TIE, MW_TIE_REPORTS, _("Reports to (arrow to manager)"));
  mw_legend_append (self, MW_LEGEND_TIE, MW_TIE_COLLABORATES, _("Collaborates"));
  mw_legend_append (self, MW_LEGEND_TIE, MW_TIE_INFLUENCES, _("Influences"));
  mw_legend_append (self, MW_LEGEND_TIE, MW_TIE_CHECKS, _("Checks (peer review of risk)"));
  mw_legend_append (self, MW_LEGEND_BADGE, 1, _("Holds the shared purpose"));
  mw_legend_append (self, MW_LEGEND_BADGE, 0, _("Leads an initiative"));

  if (!append_colors (self, map))
    append_orgs (self, renderer);
  append_label (self, map);
  return self;
}

static void
draw_symbol (cairo_t       *cr,
             const Row     *row,
             double         x,
             double         y,
             gboolean       dark)
{
  const MwTheme *theme = _mw_theme_get (dark);
  MwColor grey, color;

  _mw_palette_color (-1, dark, &grey);
  switch (row->symbol)
    {
    case MW_LEGEND_SHAPE:
    case MW_LEGEND_COLOR:
      if (row->symbol == MW_LEGEND_COLOR)
        _mw_palette_color (row->which, dark, &color);
      else
        color = grey;
      cairo_new_path (cr);
      _mw_path_shape (cr, row->symbol == MW_LEGEND_COLOR ? MW_ACTOR_PERSON : (MwActorKind)row->which,
                      x + SYMBOL / 2, y, 6.5);
      _mw_set_source (cr, &color, 1);
      cairo_fill (cr);
      break;
    case MW_LEGEND_SIZE:
      cairo_new_path (cr);
      _mw_path_shape (cr, MW_ACTOR_PERSON, x + 7, y + 2, 3.5);
      _mw_path_shape (cr, MW_ACTOR_PERSON, x + 22, y, 7.5);
      _mw_set_source (cr, &grey, 1);
      cairo_fill (cr);
      break;
    case MW_LEGEND_TIE:
      _mw_draw_tie (cr, row->which, x + 2, y, x + SYMBOL - 2, y, 1.4, &theme->tie[row->which], TRUE);
      break;
    case MW_LEGEND_BADGE:
      _mw_draw_badge (cr, row->which == 1, x + SYMBOL / 2, y, 12, dark);
      break;
    case MW_LEGEND_RAMP:
      for (int i = 0; i < MW_APPEARANCE_RAMP_STEPS; i++)
        {
          double step = (SYMBOL - 4) / MW_APPEARANCE_RAMP_STEPS;

          _mw_palette_color (MW_COLOR_RAMP (i), dark, &color);
          cairo_rectangle (cr, x + 2 + i * step, y - 5, step, 10);
          _mw_set_source (cr, &color, 1);
          cairo_fill (cr);
        }
      break;
    case MW_LEGEND_TEXT:
    default:
      break;
    }
}

/* Measures, and draws when cr is not NULL: one code path for both. */
static void
legend (MwLegend *self,
        cairo_t  *cr,
        double    x,
        double    y,
        double    min_width,
        gboolean  dark,
        double   *width,
        double   *height)
{
  const MwTheme *theme = _mw_theme_get (dark);
  GArray *rows = self->rows;
  g_autoptr(PangoLayout) title = _mw_renderer_create_layout (self->renderer, _("Legend"), 11, TRUE);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  PangoRectangle logical;
  double text_w = 0, title_h, w, h;

  pango_layout_get_extents (title, NULL, &logical);
  text_w = (double)logical.width / PANGO_SCALE - SYMBOL - 6;
  title_h = (double)logical.height / PANGO_SCALE;
  for (guint i = 0; i < rows->len; i++)
    {
      PangoLayout *layout = _mw_renderer_create_layout (self->renderer, g_array_index (rows, Row, i).text,
                                                        TEXT_SIZE, FALSE);

      pango_layout_get_extents (layout, NULL, &logical);
      text_w = MAX (text_w, (double)logical.width / PANGO_SCALE);
      g_ptr_array_add (layouts, layout);
    }
  w = MAX (2 * PAD + SYMBOL + 6 + text_w, min_width);
  h = 2 * PAD + title_h + 6 + rows->len * ROW;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  if (cr == NULL)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
  _mw_set_source (cr, &theme->background, 0.94);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1);
  _mw_set_source (cr, &theme->text_soft, 0.35);
  cairo_stroke (cr);

  _mw_renderer_show_layout (self->renderer, cr, title, _("Legend"), x + PAD, y + PAD, &theme->text);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      double row_y = y + PAD + title_h + 6 + i * ROW;

      pango_layout_get_extents (layout, NULL, &logical);
      draw_symbol (cr, row, x + PAD, row_y + ROW / 2, dark);
      _mw_renderer_show_layout (self->renderer, cr, layout, row->text, x + PAD + SYMBOL + 6,
                                row_y + (ROW - (double)logical.height / PANGO_SCALE) / 2, &theme->text);
    }
  cairo_restore (cr);
}

/* The card's size, in the units it is drawn in (points or pixels). */
void
mw_legend_measure (MwLegend *self,
                   double   *width,
                   double   *height)
{
  g_return_if_fail (MW_IS_LEGEND (self));
  legend (self, NULL, 0, 0, 0, FALSE, width, height);
}

/**
 * mw_legend_draw:
 * @cr: where to draw, in its user units
 * @min_width: the card is at least this wide (an export lines it up with
 *   the score card under it); 0 for its own width
 *
 * Draws the card with its top-left at (x, y).
 */
void
mw_legend_draw (MwLegend *self,
                cairo_t  *cr,
                double    x,
                double    y,
                double    min_width,
                gboolean  dark)
{
  g_return_if_fail (MW_IS_LEGEND (self));
  g_return_if_fail (cr != NULL);
  legend (self, cr, x, y, min_width, dark, NULL, NULL);
}

/* The area two rectangles share, each given by its corners. */
static double
overlap (double ax1,
         double ay1,
         double ax2,
         double ay2,
         double bx1,
         double by1,
         double bx2,
         double by2)
{
  return MAX (0, MIN (ax2, bx2) - MAX (ax1, bx1)) * MAX (0, MIN (ay2, by2) - MAX (ay1, by1));
}

/* How much of the actors a rectangle of the view hides, in model points²:
 * their shapes count ten times their labels (which come and go with the
 * zoom). */
static double
actors_under (MwRenderer   *renderer,
              const MwView *view,
              const MwRect *rect)
{
  double x1, y1, x2, y2, hidden = 0;

  mw_view_to_model (view, rect->x, rect->y, &x1, &y1);
  mw_view_to_model (view, rect->x + rect->width, rect->y + rect->height, &x2, &y2);
  for (guint i = 0; i < renderer->geometry.actors->len; i++)
    {
      const MwActorGeom *g = _mw_renderer_actor_geom (renderer, i);
      const MwRect *b = &g->box;

      hidden += 10 * overlap (x1, y1, x2, y2, g->x - g->r, g->y - g->r, g->x + g->r, g->y + g->r) +
                overlap (x1, y1, x2, y2, b->x, b->y, b->x + b->width, b->y + b->height);
    }
  return hidden;
}

/**
 * mw_legend_place:
 * @view: the view the legend is drawn over, in its pixels
 * @margin: pixels between the card and the view's edges
 * @corners: the corners it may take
 * @avoid: (nullable): another overlay's place in the view (the canvas's
 *   zoom buttons): a card in a corner that meets it moves up or down
 *   clear of it
 * @rect: (out): where the card goes, in view pixels
 *
 * Of the allowed corners, the first (top-left, bottom-left, top-right,
 * bottom-right) that hides the least of the actors' shapes, then labels.
 *
 * Returns: the corner chosen
 */
MwLegendCorners
mw_legend_place (MwLegend        *self,
                 const MwView    *view,
                 double           margin,
                 MwLegendCorners  corners,
                 const MwRect    *avoid,
                 MwRect          *rect)
{
  MwLegendCorners best = 0;
  double best_n = G_MAXDOUBLE, w, h;

  g_return_val_if_fail (MW_IS_LEGEND (self), 0);
  g_return_val_if_fail (view != NULL && view->zoom > 0 && rect != NULL, 0);

  _mw_renderer_ensure_geometry (self->renderer);
  mw_legend_measure (self, &w, &h);
  if (corners == 0)
    corners = MW_LEGEND_TOP_LEFT;
  for (MwLegendCorners corner = MW_LEGEND_TOP_LEFT; corner <= MW_LEGEND_BOTTOM_RIGHT; corner <<= 1)
    {
      gboolean right = corner & (MW_LEGEND_TOP_RIGHT | MW_LEGEND_BOTTOM_RIGHT);
      gboolean bottom = corner & (MW_LEGEND_BOTTOM_LEFT | MW_LEGEND_BOTTOM_RIGHT);
      MwRect here = { right ? view->width - margin - w : margin, bottom ? view->height - margin - h : margin, w, h };
      double n;

      if (!(corners & corner))
        continue;
      if (avoid != NULL && here.x < avoid->x + avoid->width && avoid->x < here.x + w &&
          here.y < avoid->y + avoid->height && avoid->y < here.y + h)
        here.y = bottom ? avoid->y - margin - h : avoid->y + avoid->height + margin;
      n = actors_under (self->renderer, view, &here);
      if (n < best_n)
        best = corner, best_n = n, *rect = here;
    }
  return best;
}

/* ---- the renderer's entry points (exports, slides) ----------------------- */

void
mw_renderer_measure_legend (MwRenderer *self,
                            double     *width,
                            double     *height)
{
  g_autoptr(MwLegend) legend = NULL;

  g_return_if_fail (MW_IS_RENDERER (self));
  legend = mw_legend_new (self);
  mw_legend_measure (legend, width, height);
}

/**
 * mw_renderer_draw_legend:
 * @cr: where to draw, in its user units (points or pixels)
 *
 * The legend of mw_legend_new() with its top-left at (x, y);
 * mw_renderer_measure_legend() says how big it is.
 */
void
mw_renderer_draw_legend (MwRenderer *self,
                         cairo_t    *cr,
                         double      x,
                         double      y,
                         gboolean    dark)
{
  g_autoptr(MwLegend) legend = NULL;

  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  legend = mw_legend_new (self);
  mw_legend_draw (legend, cr, x, y, 0, dark);
}

/* The legend on a card at least min_width wide (the export lines it up
 * with the score card below it). */
void
_mw_renderer_draw_legend_at_width (MwRenderer *self,
                                   cairo_t    *cr,
                                   double      x,
                                   double      y,
                                   double      min_width,
                                   gboolean    dark)
{
  g_autoptr(MwLegend) legend = NULL;

  g_assert (MW_IS_RENDERER (self));
  legend = mw_legend_new (self);
  mw_legend_draw (legend, cr, x, y, min_width, dark);
}
