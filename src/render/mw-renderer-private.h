/* mw-renderer-private.h: what the legend and export share with the renderer
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "mw-renderer.h"

G_BEGIN_DECLS

/* The renderer's look: model-point sizes shared by canvas, legend and export. */
#define MW_LABEL_FONT_SIZE   10.0
#define MW_LABEL_MAX_WIDTH  150.0
#define MW_ARROW_LENGTH       9.0
#define MW_ARROW_HALF_WIDTH   3.8

typedef struct
{
  MwColor background;
  MwColor text;
  MwColor text_soft;
  MwColor halo;          /* behind labels so ties never cross the words */
  MwColor tie[MW_N_TIE_TYPES];
  MwColor accent;        /* selection */
  MwColor highlight;     /* highlight halo */
  MwColor badge_purpose;
  MwColor badge_initiative;
} MwTheme;

/* Receives every run of text instead of it being drawn as glyphs: the SVG
 * export turns these into <text> elements. (x, y) is the baseline start and
 * size the font size, both in device units; width the drawn width. */
typedef void (*MwTextSink) (const char           *text,
                            const char           *full_text,
                            const PangoFontDescription *font,
                            double                size,
                            const MwColor        *color,
                            double                x,
                            double                y,
                            double                width,
                            gpointer              user_data);

const MwTheme *_mw_theme_get              (gboolean        dark);
void           _mw_palette_color          (int             index,
                                           gboolean        dark,
                                           MwColor        *color);
void           _mw_set_source             (cairo_t        *cr,
                                           const MwColor  *color,
                                           double          alpha);

void           _mw_renderer_set_n_threads (MwRenderer     *self,
                                           guint           n_threads);
void           _mw_renderer_set_text_sink (MwRenderer     *self,
                                           MwTextSink      sink,
                                           gpointer        user_data);
PangoLayout   *_mw_renderer_create_layout (MwRenderer     *self,
                                           const char     *text,
                                           double          size,
                                           gboolean        bold);
void           _mw_renderer_show_layout   (MwRenderer     *self,
                                           cairo_t        *cr,
                                           PangoLayout    *layout,
                                           const char     *full_text,
                                           double          x,
                                           double          y,
                                           const MwColor  *color);

void           _mw_renderer_draw_legend_at_width (MwRenderer *self,
                                           cairo_t        *cr,
                                           double          x,
                                           double          y,
                                           double          min_width,
                                           gboolean        dark);

void           _mw_path_shape             (cairo_t        *cr,
                                           MwActorKind     kind,
                                           double          x,
                                           double          y,
                                           double          r);
/* A tie's drawn shape: from (x1, y1) to (x2, y2), through the control point
 * when curved; (tx, ty) is the marker's tip, (ux, uy) the unit direction there. */
typedef struct
{
  double   x1, y1, cx, cy, x2, y2;
  double   tx, ty, ux, uy;
  gboolean curved;
  gboolean marker;
} MwTieGeom;

void           _mw_tie_geometry           (MwTieType       type,
                                           double          ax,
                                           double          ay,
                                           double          ar,
                                           double          bx,
                                           double          by,
                                           double          br,
                                           double          bend,
                                           gboolean        markers,
                                           MwTieGeom      *geom);
void           _mw_tie_path               (cairo_t        *cr,
                                           const MwTieGeom *geom);
void           _mw_tie_marker_path        (cairo_t        *cr,
                                           MwTieType       type,
                                           const MwTieGeom *geom);
void           _mw_tie_set_stroke         (cairo_t        *cr,
                                           MwTieType       type,
                                           double          width);
void           _mw_draw_tie               (cairo_t        *cr,
                                           MwTieType       type,
                                           double          x1,
                                           double          y1,
                                           double          x2,
                                           double          y2,
                                           double          width,
                                           const MwColor  *color,
                                           gboolean        markers);
void           _mw_draw_badge             (cairo_t        *cr,
                                           gboolean        purpose,
                                           double          x,
                                           double          y,
                                           double          size,
                                           gboolean        dark);

G_END_DECLS
