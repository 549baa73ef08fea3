/* mw-render-style.c: Meshwork's visual language — colours, shapes, ties, badges
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "meshwork-render"

#include <math.h>

#include "mw-renderer-private.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

/* Okabe–Ito: told apart by viewers with any common colour-vision deficiency,
 * and bright enough on a dark background. Black is left out (it is ink). */
static const MwColor palette_light[] = {
  RGB (0x0072B2), RGB (0xE69F00), RGB (0x009E73), RGB (0xCC79A7),
  RGB (0x56B4E9), RGB (0xD55E00), RGB (0xF0E442),
};
static const MwColor palette_dark[] = {
  RGB (0x3D9BE0), RGB (0xE69F00), RGB (0x1DB88E), RGB (0xD98CB8),
  RGB (0x7CC6F0), RGB (0xE8772E), RGB (0xF0E442),
};
static const MwColor no_org_light = RGB (0x9A9996);
static const MwColor no_org_dark = RGB (0x9A9996);

static const MwTheme theme_light = {
  .background = RGB (0xFAFAFA),
  .text = RGB (0x241F31),
  .text_soft = RGB (0x5E5C64),
  .halo = { 0.98, 0.98, 0.98, 0.82 },
  .tie = { RGB (0x3D3846), RGB (0x77767B), RGB (0x5E5C64), RGB (0x77767B) },
  .accent = RGB (0x1C71D8),
  .highlight = RGB (0xF6D32D),
  .badge_purpose = RGB (0xF5C211),
  .badge_initiative = RGB (0x26A269),
};

static const MwTheme theme_dark = {
  .background = RGB (0x242424),
  .text = RGB (0xF6F5F4),
  .text_soft = RGB (0xC0BFBC),
  .halo = { 0.141, 0.141, 0.141, 0.82 },
  .tie = { RGB (0xDEDDDA), RGB (0x9A9996), RGB (0xC0BFBC), RGB (0x9A9996) },
  .accent = RGB (0x78AEED),
  .highlight = RGB (0xF8E45C),
  .badge_purpose = RGB (0xF8E45C),
  .badge_initiative = RGB (0x57E389),
};

/* High contrast, for the system's setting: black or white ink, ties at
 * 7:1 or more, nothing translucent behind the labels. */
static const MwTheme theme_light_hc = {
  .background = RGB (0xFFFFFF),
  .text = RGB (0x000000),
  .text_soft = RGB (0x1E1E1E),
  .halo = { 1.0, 1.0, 1.0, 1.0 },
  .tie = { RGB (0x000000), RGB (0x1E1E1E), RGB (0x3D3846), RGB (0x1E1E1E) },
  .accent = RGB (0x0B4F9E),
  .highlight = RGB (0xF6D32D),
  .badge_purpose = RGB (0xF5C211),
  .badge_initiative = RGB (0x1A7346),
};

static const MwTheme theme_dark_hc = {
  .background = RGB (0x000000),
  .text = RGB (0xFFFFFF),
  .text_soft = RGB (0xF6F5F4),
  .halo = { 0.0, 0.0, 0.0, 1.0 },
  .tie = { RGB (0xFFFFFF), RGB (0xF6F5F4), RGB (0xDEDDDA), RGB (0xF6F5F4) },
  .accent = RGB (0x99C1F1),
  .highlight = RGB (0xF8E45C),
  .badge_purpose = RGB (0xF8E45C),
  .badge_initiative = RGB (0x8FF0A4),
};

const MwTheme *
_mw_theme_get (gboolean dark)
{
  return _mw_theme_get_for (dark, FALSE);
}

/* The canvas follows the system's high-contrast setting; files keep the
 * usual style. */
const MwTheme *
_mw_theme_get_for (gboolean dark,
                   gboolean high_contrast)
{
  if (high_contrast)
    return dark ? &theme_dark_hc : &theme_light_hc;
  return dark ? &theme_dark : &theme_light;
}

static double
channel_luminance (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG 2's relative luminance of an opaque colour. */
static double
relative_luminance (const MwColor *color)
{
  return 0.2126 * channel_luminance (color->red) +
         0.7152 * channel_luminance (color->green) +
         0.0722 * channel_luminance (color->blue);
}

/**
 * _mw_contrast_ratio:
 *
 * Returns: WCAG 2's contrast ratio of two opaque colours, 1 to 21 (text
 *   needs 4.5 for AA, graphics 3)
 */
double
_mw_contrast_ratio (const MwColor *a,
                    const MwColor *b)
{
  double la = relative_luminance (a), lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* @top painted at @alpha over the opaque @below, as cairo blends. */
void
_mw_color_over (const MwColor *top,
                double         alpha,
                const MwColor *below,
                MwColor       *out)
{
  double a = top->alpha * alpha;

  out->red = top->red * a + below->red * (1 - a);
  out->green = top->green * a + below->green * (1 - a);
  out->blue = top->blue * a + below->blue * (1 - a);
  out->alpha = 1;
}

/**
 * _mw_palette_get:
 * @n: (out): how many colours
 *
 * Returns: the organisation colours of the light or dark style
 */
const MwColor *
_mw_palette_get (gboolean  dark,
                 guint    *n)
{
  *n = G_N_ELEMENTS (palette_light);
  return dark ? palette_dark : palette_light;
}

/* An appearance's categories: the same hues, then black (near white on
 * a dark background) as Okabe–Ito's eighth; then grey for "Other". */
static const MwColor category_ink_light = RGB (0x000000);
static const MwColor category_ink_dark = RGB (0xF6F5F4);
static const MwColor other_light = RGB (0xDEDDDA);
static const MwColor other_dark = RGB (0x5E5C64);

/* The sequential ramp's ends: light to dark blue. */
static const MwColor ramp_light = RGB (0xD6E6F5);
static const MwColor ramp_dark = RGB (0x0B3C74);

static void
appearance_color (int       index,
                  gboolean  dark,
                  MwColor  *color)
{
  int category = -2 - index;

  if (MW_COLOR_IS_RAMP (index))
    {
      double t = (double)(MW_COLOR_RAMP (0) - index) / (MW_APPEARANCE_RAMP_STEPS - 1);

      color->red = ramp_light.red + t * (ramp_dark.red - ramp_light.red);
      color->green = ramp_light.green + t * (ramp_dark.green - ramp_light.green);
      color->blue = ramp_light.blue + t * (ramp_dark.blue - ramp_light.blue);
      color->alpha = 1;
    }
  else if (category == MW_APPEARANCE_OTHER)
    *color = dark ? other_dark : other_light;
  else if (category == MW_APPEARANCE_N_CATEGORIES - 1)
    *color = dark ? category_ink_dark : category_ink_light;
  else
    *color = (dark ? palette_dark : palette_light)[category];
}

/* index ≥ 0: an organisation's; -1: no organisation; below: an appearance's. */
void
_mw_palette_color (int       index,
                   gboolean  dark,
                   MwColor  *color)
{
  if (index < -1)
    appearance_color (index, dark, color);
  else if (index < 0)
    *color = dark ? no_org_dark : no_org_light;
  else
    *color = (dark ? palette_dark : palette_light)[index % G_N_ELEMENTS (palette_light)];
}

void
_mw_set_source (cairo_t       *cr,
                const MwColor *color,
                double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
path_rounded_rect (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Appends the actor's outline to the current path: person circle, team
 * rounded square, organisation hexagon, all inside the radius r. */
void
_mw_path_shape (cairo_t     *cr,
                MwActorKind  kind,
                double       x,
                double       y,
                double       r)
{
  switch (kind)
    {
    case MW_ACTOR_TEAM:
      {
        double h = r * 0.86;
        path_rounded_rect (cr, x - h, y - h, 2 * h, 2 * h, h * 0.4);
      }
      break;
    case MW_ACTOR_ORGANISATION:
      cairo_new_sub_path (cr);
      for (int i = 0; i < 6; i++)
        {
          double a = G_PI / 6 + i * G_PI / 3;
          cairo_line_to (cr, x + r * cos (a), y + r * sin (a));
        }
      cairo_close_path (cr);
      break;
    case MW_ACTOR_PERSON:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      cairo_close_path (cr);
      break;
    }
}

/* Ties end at the shape's edge, leaving room for the marker so its tip
 * touches the shape; influences bow to one side so a pair of opposite
 * influences stays two visible curves. bend (model points, to the left of
 * a → b) separates ties that join the same two actors. */
void
_mw_tie_geometry (MwTieType  type,
                  double     ax,
                  double     ay,
                  double     ar,
                  double     bx,
                  double     by,
                  double     br,
                  double     bend,
                  gboolean   markers,
                  MwTieGeom *g)
{
  double dx = bx - ax, dy = by - ay;
  double len = hypot (dx, dy);
  double ux, uy, gap_a = ar + 1.5, gap_b = br + 1.5, marker_len = 0;

  g->curved = type == MW_TIE_INFLUENCES || bend != 0;
  g->marker = markers && type != MW_TIE_COLLABORATES;
  if (len < 1e-6)
    {
      /* a self tie: a loop over the shape's upper right */
      double r = MAX (ar, 6), a1 = -1.75, a2 = -0.35, am = -1.05;

      g->curved = TRUE;
      g->x1 = ax + (r + 1.5) * cos (a1), g->y1 = ay + (r + 1.5) * sin (a1);
      g->tx = ax + (r + 1.5) * cos (a2), g->ty = ay + (r + 1.5) * sin (a2);
      g->cx = ax + 3.2 * r * cos (am), g->cy = ay + 3.2 * r * sin (am);
      ux = g->tx - g->cx, uy = g->ty - g->cy;
      len = hypot (ux, uy);
      g->ux = ux / len, g->uy = uy / len;
      marker_len = g->marker ? (type == MW_TIE_CHECKS ? 2 * MW_ARROW_HALF_WIDTH : MW_ARROW_LENGTH) : 0;
      g->x2 = g->tx - g->ux * marker_len * 0.8, g->y2 = g->ty - g->uy * marker_len * 0.8;
      return;
    }
  ux = dx / len, uy = dy / len;
  if (g->marker)
    marker_len = type == MW_TIE_CHECKS ? 2 * MW_ARROW_HALF_WIDTH : MW_ARROW_LENGTH;

  if (!g->curved)
    {
      g->x1 = ax + ux * gap_a, g->y1 = ay + uy * gap_a;
      g->tx = bx - ux * gap_b, g->ty = by - uy * gap_b;
      g->ux = ux, g->uy = uy;
      g->x2 = g->tx - ux * marker_len * 0.8, g->y2 = g->ty - uy * marker_len * 0.8;
      g->cx = (g->x1 + g->x2) / 2, g->cy = (g->y1 + g->y2) / 2;
      return;
    }

  {
    /* a quadratic bow, 18% of the length to the left of a → b */
    double bow = (type == MW_TIE_INFLUENCES ? 0.18 * len : 0) + 2 * bend;
    double mx = (ax + bx) / 2 - uy * bow, my = (ay + by) / 2 + ux * bow;
    double sx = mx - ax, sy = my - ay, sl = hypot (sx, sy);
    double ex = bx - mx, ey = by - my, el = hypot (ex, ey);

    g->x1 = ax + sx / sl * gap_a, g->y1 = ay + sy / sl * gap_a;
    g->ux = ex / el, g->uy = ey / el;
    g->tx = bx - g->ux * gap_b, g->ty = by - g->uy * gap_b;
    g->x2 = g->tx - g->ux * marker_len * 0.8, g->y2 = g->ty - g->uy * marker_len * 0.8;
    g->cx = mx, g->cy = my;
  }
}

void
_mw_tie_path (cairo_t         *cr,
              const MwTieGeom *g)
{
  cairo_move_to (cr, g->x1, g->y1);
  if (g->curved)
    {
      /* the quadratic through (cx, cy) as the cubic cairo draws */
      cairo_curve_to (cr,
                      g->x1 + 2.0 / 3 * (g->cx - g->x1), g->y1 + 2.0 / 3 * (g->cy - g->y1),
                      g->x2 + 2.0 / 3 * (g->cx - g->x2), g->y2 + 2.0 / 3 * (g->cy - g->y2),
                      g->x2, g->y2);
    }
  else
    cairo_line_to (cr, g->x2, g->y2);
}

/* A checks tie's dots, in line widths: a round cap on a short dash. */
#define DOT_ON  0.1
#define DOT_OFF 3.2

/* Arrowheads for reports and influences, a diamond for checks: all filled,
 * so the renderer fills every marker of a style in one go. */
void
_mw_tie_marker_path (cairo_t         *cr,
                     MwTieType        type,
                     const MwTieGeom *g)
{
  double px = -g->uy, py = g->ux;
  double w = MW_ARROW_HALF_WIDTH;

  if (!g->marker)
    return;

  if (type == MW_TIE_CHECKS)
    {
      double cx = g->tx - g->ux * w, cy = g->ty - g->uy * w;

      cairo_move_to (cr, g->tx, g->ty);
      cairo_line_to (cr, cx + px * w * 0.8, cy + py * w * 0.8);
      cairo_line_to (cr, cx - g->ux * w, cy - g->uy * w);
      cairo_line_to (cr, cx - px * w * 0.8, cy - py * w * 0.8);
      cairo_close_path (cr);
      return;
    }

  {
    double bx = g->tx - g->ux * MW_ARROW_LENGTH, by = g->ty - g->uy * MW_ARROW_LENGTH;

    cairo_move_to (cr, g->tx, g->ty);
    cairo_line_to (cr, bx + px * w, by + py * w);
    cairo_line_to (cr, bx + g->ux * 2, by + g->uy * 2);
    cairo_line_to (cr, bx - px * w, by - py * w);
    cairo_close_path (cr);
  }
}

/* From one dot of a checks tie to the next, in line widths. */
double
_mw_tie_dot_period (void)
{
  return DOT_ON + DOT_OFF;
}

void
_mw_tie_set_stroke (cairo_t   *cr,
                    MwTieType  type,
                    double     width)
{
  static const double dots[] = { DOT_ON, DOT_OFF };

  cairo_set_line_width (cr, width);
  if (type == MW_TIE_CHECKS)
    {
      double dash[2] = { dots[0] * width, dots[1] * width };

      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash (cr, dash, 2, 0);
    }
  else
    {
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* Faded ties are drawn in MW_TIE_FADE_LEVELS alphas, spaced evenly in
 * their square root: the faint ones, which are many, are told apart
 * finely. The top level is all of a tie. */
double
_mw_tie_fade_level_alpha (guint level)
{
  double root = (level + 0.5) / (MW_TIE_FADE_LEVELS - 1);

  return level + 1 >= MW_TIE_FADE_LEVELS ? 1 : root * root;
}

/* How much of a tie @length view pixels long is left in a view dense
 * with ties, 0 … 1: all of it up to the fade's length, then less the
 * longer it is (as Gephi's and Kumu's edge opacity), down to the floor,
 * so that long ties become a veil over the local structure. */
double
_mw_tie_fade_kept (const MwTieFade *fade,
                   double           length)
{
  if (fade->strength <= 0 || !(length > fade->length))
    return 1;
  return 1 - fade->strength * (1 - MAX (fade->length / length, fade->floor));
}

/* The level of _mw_tie_fade_level_alpha() nearest below @kept. */
guint8
_mw_tie_fade_level (double kept)
{
  if (kept >= 1)
    return MW_TIE_FADE_LEVELS - 1;
  return (guint8)MIN (sqrt (MAX (kept, 0)) * (MW_TIE_FADE_LEVELS - 1), MW_TIE_FADE_LEVELS - 2);
}

/* One tie on its own (the legend); the renderer batches them instead. */
void
_mw_draw_tie (cairo_t       *cr,
              MwTieType      type,
              double         x1,
              double         y1,
              double         x2,
              double         y2,
              double         width,
              const MwColor *color,
              gboolean       markers)
{
  MwTieGeom g;

  _mw_tie_geometry (type, x1, y1, 0, x2, y2, 0, 0, markers, &g);
  cairo_save (cr);
  _mw_set_source (cr, color, 1);
  _mw_tie_set_stroke (cr, type, width);
  cairo_new_path (cr);
  _mw_tie_path (cr, &g);
  cairo_stroke (cr);
  _mw_tie_marker_path (cr, type, &g);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
path_star (cairo_t *cr,
           double   x,
           double   y,
           double   r)
{
  cairo_new_sub_path (cr);
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + i * G_PI / 5;
      double rr = i % 2 == 0 ? r : r * 0.45;
      cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
    }
  cairo_close_path (cr);
}

/* A badge centred on (x, y), size across: a star for purpose holders, an
 * upward arrow for initiative-takers, on a disc that separates it from
 * whatever is behind. */
void
_mw_draw_badge (cairo_t  *cr,
                gboolean  purpose,
                double    x,
                double    y,
                double    size,
                gboolean  dark)
{
  const MwTheme *theme = _mw_theme_get (dark);
  double r = size / 2;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  _mw_set_source (cr, purpose ? &theme->badge_purpose : &theme->badge_initiative, 1);
  cairo_fill_preserve (cr);
  _mw_set_source (cr, &theme->background, 1);
  cairo_set_line_width (cr, r * 0.22);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, purpose ? 0.18 : 1, purpose ? 0.15 : 1, purpose ? 0.1 : 1);
  if (purpose)
    path_star (cr, x, y + r * 0.05, r * 0.68);
  else
    {
      cairo_move_to (cr, x, y - r * 0.62);
      cairo_line_to (cr, x + r * 0.5, y);
      cairo_line_to (cr, x + r * 0.18, y);
      cairo_line_to (cr, x + r * 0.18, y + r * 0.55);
      cairo_line_to (cr, x - r * 0.18, y + r * 0.55);
      cairo_line_to (cr, x - r * 0.18, y);
      cairo_line_to (cr, x - r * 0.5, y);
      cairo_close_path (cr);
    }
  cairo_fill (cr);
  cairo_restore (cr);
}
