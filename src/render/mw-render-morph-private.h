/* mw-render-morph-private.h: what the morph's files share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-render-morph.h"
#include "mw-renderer-private.h"

G_BEGIN_DECLS

enum { MW_MORPH_FROM, MW_MORPH_TO, MW_MORPH_N_ENDS };

/* Ties are drawn in buckets by fate, type and weight. */
#define MW_MORPH_N_TIE_BUCKETS       (3 * MW_N_TIE_TYPES * 2)
#define MW_MORPH_TIE_BUCKET(f, t, h) (((f) * MW_N_TIE_TYPES + (t)) * 2 + !!(h))
#define MW_MORPH_BUCKET_FATE(b)      ((MwMorphFate)((b) / (2 * MW_N_TIE_TYPES)))
#define MW_MORPH_BUCKET_TYPE(b)      ((MwTieType)((b) / 2 % MW_N_TIE_TYPES))
#define MW_MORPH_BUCKET_HEAVY(b)     ((b) % 2)

/* A morph actor, by morph actor index. */
typedef struct
{
  double x, y, r;      /* this frame's */
  double r0, r1;       /* its size in the first and the last network */
  MwRect reach;        /* shape, badges and label of both looks, from the centre */
  gint8  look;         /* kept: 0 not known yet, 1 the same in both, 2 not */
} MwMorphPlace;

/* A unit or an organisation: its boxes in both networks. */
typedef struct
{
  MwMorphFate fate;
  gboolean    is_org;
  MwRect      box[MW_MORPH_N_ENDS];
  int         color[MW_MORPH_N_ENDS];
  gboolean    framed[MW_MORPH_N_ENDS];  /* padded and its name made room for */
} MwMorphGroup;

/* One actor's pixels in one network; (x, y) is its top-left from the
 * actor's centre, in device pixels. */
typedef struct
{
  cairo_surface_t *surface;
  int              x, y;
  gboolean         tried;
} MwMorphSprite;

struct _MwRenderMorph
{
  GObject          parent_instance;

  /* owned */
  MwNetwork       *networks[MW_MORPH_N_ENDS];   /* copies, as they were */
  MwRenderer      *renderers[MW_MORPH_N_ENDS];
  MwMorph         *morph;
  MwRect           bounds;
  gboolean         has_bounds;
  guint            n_drawn;                     /* sprites the last frame copied */

  /* read once from the renderers (mw-render-morph-sprites.c) */
  gboolean         prepared;
  MwMorphPlace    *actors;
  GArray          *tie_buckets[MW_MORPH_N_TIE_BUCKETS];  /* guint morph tie indices */
  GArray          *groups;                      /* MwMorphGroup */

  /* made when first in view, for one zoom, scale and style */
  MwMorphSprite   *sprites;                     /* 2 by morph actor: first, last look */
  double           sprite_zoom;
  double           sprite_scale;
  gboolean         sprite_dark;
  gboolean         sprite_contrast;
  MwLabelMode      sprite_labels;

  /* the map: both still frames, faded (mw-render-morph.c) */
  cairo_surface_t *layers[MW_MORPH_N_ENDS];
  MwView           layer_view;
  cairo_surface_t *tie_layer;                   /* the ties of a frame between */
};

void _mw_render_morph_prepare       (MwRenderMorph *self);
void _mw_render_morph_clear_sprites (MwRenderMorph *self);
void _mw_render_morph_draw_sprites  (MwRenderMorph *self,
                                     cairo_t       *cr,
                                     const MwView  *view,
                                     const MwRect  *visible,
                                     double         e);

G_END_DECLS
