/* mw-render-legend.c: the key to Meshwork's visual language
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <glib/gi18n.h>
#include <math.h>

#include "mw-renderer-private.h"

#define PAD        12.0
#define ROW        19.0
#define SYMBOL     34.0
#define TEXT_SIZE   9.5
#define MAX_ORGS    8

typedef enum { SYM_SHAPE, SYM_TIE, SYM_BADGE, SYM_SIZE, SYM_ORG, SYM_NONE } SymbolKind;

typedef struct
{
  SymbolKind  symbol;
  int         which;   /* the kind, tie type, badge (1 purpose) or palette index */
  char       *text;
} Row;

static void
row_clear (gpointer data)
{
  g_free (((Row *)data)->text);
}

static void
add_row (GArray     *rows,
         SymbolKind  symbol,
         int         which,
         char       *text)
{
  Row row = { symbol, which, text };

  g_array_append_val (rows, row);
}

static GArray *
legend_rows (MwRenderer *self)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_auto(GStrv) orgs = mw_network_list_orgs (mw_renderer_get_network (self));
  guint n_orgs = 0, shown = 0;

  g_array_set_clear_func (rows, row_clear);
  add_row (rows, SYM_SHAPE, MW_ACTOR_PERSON, g_strdup (_("Person")));
  add_row (rows, SYM_SHAPE, MW_ACTOR_TEAM, g_strdup (_("Team")));
  add_row (rows, SYM_SHAPE, MW_ACTOR_ORGANISATION, g_strdup (_("Organisation")));
  add_row (rows, SYM_SIZE, 0, g_strdup (mw_renderer_get_size_by (self) == MW_SIZE_BY_INFLUENCE
                                        ? _("Size: influence received")
                                        : _("Size: people reporting")));
  add_row (rows, SYM_TIE, MW_TIE_REPORTS, g_strdup (_("Reports to (arrow to manager)")));
  add_row (rows, SYM_TIE, MW_TIE_COLLABORATES, g_strdup (_("Collaborates")));
  add_row (rows, SYM_TIE, MW_TIE_INFLUENCES, g_strdup (_("Influences")));
  add_row (rows, SYM_TIE, MW_TIE_CHECKS, g_strdup (_("Checks (peer review of risk)")));
  add_row (rows, SYM_BADGE, 1, g_strdup (_("Holds the shared purpose")));
  add_row (rows, SYM_BADGE, 0, g_strdup (_("Leads an initiative")));

  for (guint i = 0; orgs[i] != NULL; i++)
    if (orgs[i][0] != '\0')
      n_orgs++;
  for (guint i = 0; orgs[i] != NULL && shown < MAX_ORGS; i++)
    if (orgs[i][0] != '\0')
      add_row (rows, SYM_ORG, (int)shown++, g_strdup (orgs[i]));
  if (n_orgs > shown)
    add_row (rows, SYM_NONE, 0, g_strdup_printf (_("and %u more organisations"), n_orgs - shown));
  return rows;
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
    case SYM_SHAPE:
    case SYM_ORG:
      if (row->symbol == SYM_ORG)
        _mw_palette_color (row->which, dark, &color);
      else
        color = grey;
      cairo_new_path (cr);
      _mw_path_shape (cr, row->symbol == SYM_ORG ? MW_ACTOR_PERSON : (MwActorKind)row->which,
                      x + SYMBOL / 2, y, 6.5);
      _mw_set_source (cr, &color, 1);
      cairo_fill (cr);
      break;
    case SYM_SIZE:
      cairo_new_path (cr);
      _mw_path_shape (cr, MW_ACTOR_PERSON, x + 7, y + 2, 3.5);
      _mw_path_shape (cr, MW_ACTOR_PERSON, x + 22, y, 7.5);
      _mw_set_source (cr, &grey, 1);
      cairo_fill (cr);
      break;
    case SYM_TIE:
      _mw_draw_tie (cr, row->which, x + 2, y, x + SYMBOL - 2, y, 1.4, &theme->tie[row->which], TRUE);
      break;
    case SYM_BADGE:
      _mw_draw_badge (cr, row->which == 1, x + SYMBOL / 2, y, 12, dark);
      break;
    case SYM_NONE:
    default:
      break;
    }
}

/* Measures, and draws when cr is not NULL: one code path for both. */
static void
legend (MwRenderer *self,
        cairo_t    *cr,
        double      x,
        double      y,
        double      min_width,
        gboolean    dark,
        double     *width,
        double     *height)
{
  const MwTheme *theme = _mw_theme_get (dark);
  g_autoptr(GArray) rows = legend_rows (self);
  g_autoptr(PangoLayout) title = _mw_renderer_create_layout (self, _("Legend"), 11, TRUE);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  PangoRectangle logical;
  double text_w = 0, title_h, w, h;

  pango_layout_get_extents (title, NULL, &logical);
  text_w = (double)logical.width / PANGO_SCALE - SYMBOL - 6;
  title_h = (double)logical.height / PANGO_SCALE;
  for (guint i = 0; i < rows->len; i++)
    {
      PangoLayout *layout = _mw_renderer_create_layout (self, g_array_index (rows, Row, i).text, TEXT_SIZE, FALSE);

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

  _mw_renderer_show_layout (self, cr, title, _("Legend"), x + PAD, y + PAD, &theme->text);
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      double row_y = y + PAD + title_h + 6 + i * ROW;

      pango_layout_get_extents (layout, NULL, &logical);
      draw_symbol (cr, row, x + PAD, row_y + ROW / 2, dark);
      _mw_renderer_show_layout (self, cr, layout, row->text, x + PAD + SYMBOL + 6,
                                row_y + (ROW - (double)logical.height / PANGO_SCALE) / 2, &theme->text);
    }
  cairo_restore (cr);
}

void
mw_renderer_measure_legend (MwRenderer *self,
                            double     *width,
                            double     *height)
{
  g_return_if_fail (MW_IS_RENDERER (self));
  legend (self, NULL, 0, 0, 0, FALSE, width, height);
}

/**
 * mw_renderer_draw_legend:
 * @cr: where to draw, in its user units (points or pixels)
 *
 * Shapes, size, tie styles, badges and the organisations' colours, on a
 * card with its top-left at (x, y); mw_renderer_measure_legend() says how
 * big it is.
 */
void
mw_renderer_draw_legend (MwRenderer *self,
                         cairo_t    *cr,
                         double      x,
                         double      y,
                         gboolean    dark)
{
  g_return_if_fail (MW_IS_RENDERER (self));
  g_return_if_fail (cr != NULL);
  legend (self, cr, x, y, 0, dark, NULL, NULL);
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
  g_assert (MW_IS_RENDERER (self));
  legend (self, cr, x, y, min_width, dark, NULL, NULL);
}
