/* mw-renderer.h: one cairo/Pango renderer for the canvas, PNG, SVG, PDF and print
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "mw-network.h"

G_BEGIN_DECLS

/* Using it from a canvas:
 *
 *   renderer = mw_renderer_new (network);          // follows network's changes
 *   mw_view_init (&view, width, height);           // widget size, logical px
 *   view.scale = gtk_widget_get_scale_factor (w);  // HiDPI: hairlines stay 1 device px
 *   mw_renderer_get_bounds (renderer, &bounds);
 *   mw_view_fit (&view, &bounds, 24);              // "zoom to fit"
 *   mw_renderer_draw (renderer, cr, &view);        // cr from gtk_snapshot_append_cairo()
 *   actor = mw_renderer_pick_actor (renderer, &view, x, y);   // x, y in widget px
 *
 * Level of detail (MW_LABELS_AUTO): labels show when 5 px or larger and at
 * most 2,000 actors are in view; arrowheads, dots and badges when an arrow
 * is 3.5 px or longer; past 2,500 ties in view they become one-pixel
 * hairlines. Where labels drop out, highlighted and then selected actors
 * keep theirs (at most 60, at least 10 px tall). MW_LABELS_ALWAYS (what
 * export uses) turns all of that off.
 *
 * Dense ties on raster targets are rasterised in bands of rows by the
 * calling thread and one worker thread the renderer keeps; on an image
 * surface the same bands also fill the boundaries, composite the ties and
 * copy the actors. The pixels are those of one thread.
 *
 * On image surfaces, and on any surface when view.raster is set (the
 * canvas: GTK turns its cairo node into pixels), actors are copied from
 * small pictures cairo drew once per shape, colour, size and quarter-pixel
 * phase; SVG, PDF and PostScript always get paths and text. */

/* A rectangle; in model points or view pixels depending on where it is used. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} MwRect;

/* An sRGB colour with alpha, each channel 0…1. */
typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} MwColor;

typedef enum
{
  MW_LABELS_AUTO,    /* shown when they are legible and few enough (level of detail) */
  MW_LABELS_ALWAYS,  /* exports use this: every label, whatever the zoom */
  MW_LABELS_NEVER,
} MwLabelMode;

typedef enum
{
  MW_SIZE_BY_SPAN,       /* formal span: how many report to the actor (default) */
  MW_SIZE_BY_INFLUENCE,  /* incoming influence ties */
  MW_SIZE_UNIFORM,
} MwSizeBy;

/**
 * MwView:
 *
 * How a network is looked at. A plain struct the caller owns; the renderer
 * never keeps it. View pixels are the cairo_t's user units when
 * mw_renderer_draw() is called (GTK's logical pixels on screen; export sets
 * a device scale on its surface instead of changing these numbers).
 *
 * The four sets hold pointers (MwActor* or MwTie*, g_direct_hash) and are
 * borrowed; %NULL means empty. Remove an actor from them when it leaves the
 * network.
 */
typedef struct
{
  double       zoom;          /* view pixels per model point (> 0) */
  double       offset_x;      /* model point shown at the view's top-left */
  double       offset_y;
  double       width;         /* view size in view pixels */
  double       height;
  double       scale;         /* device pixels per view pixel (HiDPI: 2) */
  gboolean     dark;          /* dark style: light ink on a dark background */
  gboolean     high_contrast; /* black or white ink, the system's high-contrast setting */
  gboolean     transparent;   /* do not paint the background */
  gboolean     dim_others;    /* fade what is neither highlighted nor selected */
  MwLabelMode  labels;
  gboolean     raster;        /* only ever shown as pixels (the canvas): parts may be
                               * rasterised by hand; image surfaces imply it */
  GHashTable  *highlighted_actors;
  GHashTable  *highlighted_ties;
  GHashTable  *selected_actors;
  GHashTable  *selected_ties;
} MwView;

void      mw_view_init              (MwView        *view,
                                     double         width,
                                     double         height);
void      mw_view_fit               (MwView        *view,
                                     const MwRect  *bounds,
                                     double         margin);
void      mw_view_to_model          (const MwView  *view,
                                     double         vx,
                                     double         vy,
                                     double        *mx,
                                     double        *my);
void      mw_view_from_model        (const MwView  *view,
                                     double         mx,
                                     double         my,
                                     double        *vx,
                                     double        *vy);
void      mw_view_zoom_at           (MwView        *view,
                                     double         factor,
                                     double         vx,
                                     double         vy);

#define MW_TYPE_RENDERER (mw_renderer_get_type ())

G_DECLARE_FINAL_TYPE (MwRenderer, mw_renderer, MW, RENDERER, GObject)

MwRenderer *mw_renderer_new                (MwNetwork     *network);
MwNetwork  *mw_renderer_get_network        (MwRenderer    *self);
MwSizeBy    mw_renderer_get_size_by        (MwRenderer    *self);
void        mw_renderer_set_size_by        (MwRenderer    *self,
                                            MwSizeBy       size_by);
const char *mw_renderer_get_font           (MwRenderer    *self);
void        mw_renderer_set_text_scale     (MwRenderer    *self,
                                            double         scale);
void        mw_renderer_set_font           (MwRenderer    *self,
                                            const char    *family);

void        mw_renderer_draw               (MwRenderer    *self,
                                            cairo_t       *cr,
                                            const MwView  *view);
gboolean    mw_renderer_get_bounds         (MwRenderer    *self,
                                            MwRect        *bounds);

/* Where an actor is drawn, in model points. Actors without a position are
 * placed on a deterministic grid to the right of the placed ones (sorted
 * by organisation, unit and index), until a layout gives them one. */
void        mw_renderer_get_actor_position (MwRenderer    *self,
                                            const MwActor *actor,
                                            double        *x,
                                            double        *y);
double      mw_renderer_get_actor_radius   (MwRenderer    *self,
                                            const MwActor *actor);
guint       mw_renderer_get_n_unplaced     (MwRenderer    *self);

/* Hit-testing for the canvas, in view pixels. */
MwActor    *mw_renderer_pick_actor         (MwRenderer    *self,
                                            const MwView  *view,
                                            double         x,
                                            double         y);
MwTie      *mw_renderer_pick_tie           (MwRenderer    *self,
                                            const MwView  *view,
                                            double         x,
                                            double         y);
GPtrArray  *mw_renderer_actors_in_rect     (MwRenderer    *self,
                                            const MwView  *view,
                                            const MwRect  *rect);

/* The colour of an organisation ("" for none) in the light or dark style. */
void        mw_renderer_get_org_color      (MwRenderer    *self,
                                            const char    *org,
                                            gboolean       dark,
                                            MwColor       *color);

/* The legend of the visual language, drawn with its top-left at (x, y) in
 * the cairo_t's user units; measure first to make room for it. */
void        mw_renderer_measure_legend     (MwRenderer    *self,
                                            double        *width,
                                            double        *height);
void        mw_renderer_draw_legend        (MwRenderer    *self,
                                            cairo_t       *cr,
                                            double         x,
                                            double         y,
                                            gboolean       dark);

G_END_DECLS
