/* mw-renderer-private.h: what the legend and export share with the renderer,
 * and what the renderer's own files share with each other
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "mw-appearance.h"
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

/* How a view dense with ties fades its long ones (see mw-render-ties.c):
 * a tie longer on screen than @length view pixels keeps length / its
 * length of its strength, never less than @floor, and that by @strength
 * (0: nothing fades, as in small networks and close views). */
typedef struct
{
  double strength;
  double length;
  double floor;
} MwTieFade;

/* The level of detail of a whole view, pinned while it is drawn in tiles:
 * each tile sees only part of the view, and would count fewer actors and
 * ties in sight than the view does (see mw-render-tiles.c). */
typedef struct
{
  guint    n_visible;   /* actors in the whole view: labels or none */
  gboolean dense;       /* its ties as hairlines in masks */
  double   width;       /* the whole view's size: the map's discs are sized by it */
  double   height;
  MwTieFade fade;       /* its long ties fade by the view's size */
} MwRenderLod;

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
const MwTheme *_mw_theme_get_for          (gboolean        dark,
                                           gboolean        high_contrast);
double         _mw_contrast_ratio         (const MwColor  *a,
                                           const MwColor  *b);
void           _mw_color_over             (const MwColor  *top,
                                           double          alpha,
                                           const MwColor  *below,
                                           MwColor        *out);
const MwColor *_mw_palette_get            (gboolean        dark,
                                           guint          *n);
void           _mw_palette_color          (int             index,
                                           gboolean        dark,
                                           MwColor        *color);
/* Colour codes for _mw_palette_color(): an organisation's palette index
 * (0, 1, … however many), -1 for none, and below that an appearance's
 * categories (MW_APPEARANCE_OTHER the last) and its ramp's steps. */
#define MW_COLOR_CATEGORY(c) (-2 - (c))
#define MW_COLOR_RAMP(step)  (-2 - (MW_APPEARANCE_N_CATEGORIES + 1) - (step))
#define MW_COLOR_IS_RAMP(color) ((color) <= MW_COLOR_RAMP (0))
/* The colours a frame groups actors by: 7 hues, "no organisation", the
 * categories with "Other", the ramp's steps. */
#define MW_N_COLOR_BUCKETS (8 + MW_APPEARANCE_N_CATEGORIES + 1 + MW_APPEARANCE_RAMP_STEPS)

static inline int
_mw_color_bucket (int color)
{
  if (color >= 0)
    return color % 7;
  if (color == -1)
    return 7;
  return 8 + (-2 - color);   /* categories, then the ramp's steps */
}

static inline int
_mw_bucket_color (int bucket)
{
  if (bucket < 7)
    return bucket;
  if (bucket == 7)
    return -1;
  return -2 - (bucket - 8);
}

void           _mw_set_source             (cairo_t        *cr,
                                           const MwColor  *color,
                                           double          alpha);

void           _mw_renderer_set_n_threads (MwRenderer     *self,
                                           guint           n_threads);
void           _mw_renderer_set_quick_geometry (MwRenderer *self,
                                           gboolean        quick);
/* mw-render-tiles.c draws a view in tiles with the whole view's detail. */
guint64        _mw_renderer_get_look_serial (MwRenderer   *self);
void           _mw_renderer_measure_lod   (MwRenderer     *self,
                                           const MwView   *view,
                                           MwRenderLod    *lod);
void           _mw_renderer_draw_with_lod (MwRenderer     *self,
                                           cairo_t        *cr,
                                           const MwView   *view,
                                           const MwRenderLod *lod);
/* What a tile leaves out and the tiles draw once over the view: the map's key. */
gboolean       _mw_renderer_draw_map_key  (MwRenderer     *self,
                                           cairo_t        *cr,
                                           const MwView   *view);

/* A morph's sprites: one actor alone (shape, badges, label) as a frame of
 * @view draws it, and how much of that frame would be the map. */
void           _mw_renderer_draw_actor_alone (MwRenderer  *self,
                                           cairo_t        *cr,
                                           const MwView   *view,
                                           guint           index);
double         _mw_renderer_map_weight    (MwRenderer     *self,
                                           const MwView   *view);
void           _mw_renderer_set_progress  (MwRenderer     *self,
                                           double          start,
                                           double          end);
gboolean       _mw_renderer_was_cancelled (MwRenderer     *self);
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
double         _mw_tie_dot_period         (void);
double         _mw_tie_fade_kept          (const MwTieFade *fade,
                                           double          length);
guint8         _mw_tie_fade_level         (double          kept);
double         _mw_tie_fade_level_alpha   (guint           level);
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

/* ---- between the renderer's own files ------------------------------------ *
 *
 * One member of MwRenderer per part, and the parts in layers: a file calls
 * only the files of the layers under it, so no two files call each other in
 * a loop. Any part may read another's member (the groups read the
 * geometry's actor boxes and colours). The prototypes at the end of this
 * header follow the layers, from the bottom up.
 *
 *   top  mw-renderer.c          the object, its parts' life, one frame's order
 *    4   mw-render-ties.c       ties as cairo paths, sorted by stroke style;
 *                               past a few thousand, hands them to the masks
 *        mw-render-actors.c     actors as paths or as stamps; on a target
 *                               whose bands wait, hands the stamps to them
 *    3   mw-render-masks.c      dense ties as hairline masks, composited in
 *                               bands (with the boundaries and stamps when asked)
 *        mw-render-index.c      a grid of actors and ties: what is near the view
 *                               (reads the geometry's members, calls none of it)
 *        mw-render-pick.c       hit-testing: the actor or tie under a point
 *        mw-render-geometry.c   where actors and ties are; after an edit,
 *                               only what it touched
 *    2   mw-render-groups.c     unit and organisation boundaries, computed by
 *                               the geometry, filled by the frame or the bands
 *        mw-render-routes.c     a grid of boxes; ties bent round the actors
 *                               they do not join; where tie ends and arrowheads are
 *    1   mw-render-text.c       the Pango context, label layouts, text or its sink
 *        mw-render-pixels.c     an image surface's pixels: stamps copied over
 *        mw-render-worker.c     the worker thread that shares the bands
 *   (mw-render-style.c, under all of them: the look every part draws with;
 *    mw-render-appearance.c beside it: colour, size and label by the
 *    network's appearance mapping, for the geometry, actors, text and legend)
 *
 * A frame's order (boundaries, ties, boundary names, actors, badges,
 * labels) is decided at the top, in mw_renderer_draw(). What one step leaves for a later one (masks waiting
 * to be composited with the actors' stamps) is held in a member
 * (MwRenderBands) for the later step to take, never handed back up by a call.
 */

#define MW_DIM_ALPHA      0.16    /* what is left of a dimmed actor or tie */

/* How an actor or a tie stands in a frame. */
enum { MW_STATE_NORMAL, MW_STATE_DIM, MW_STATE_HIGHLIGHT, MW_STATE_SELECTED, MW_N_STATES };

/* An actor's place, by actor index. */
typedef struct
{
  double x, y, r;
  int    color;      /* palette index; -1 without organisation */
  int    fill;       /* the shape's colour: color, or an appearance's (MW_COLOR_CATEGORY, …) */
  MwRect box;        /* shape, label and badges */
  double label_x;    /* middle of the label: beside the shape when above and under are taken */
  double label_y;    /* top of the label, under, over or beside the shape */
} MwActorGeom;

/* What a frame needs of a tie, packed: reading it through MwTie and
 * MwActor costs three cache misses a tie, the most of a dense overview. */
typedef struct
{
  guint   from;      /* actor indices */
  guint   to;
  guint8  type;
  guint8  heavy;     /* drawn twice as wide (weight > 1.5) */
} MwTieEnds;

/* What one mw_renderer_draw() call knows of its view and target. */
typedef struct
{
  const MwView  *view;
  const MwTheme *theme;
  MwRect         visible;     /* model rectangle on screen */
  double         px;          /* model points per view pixel: hairlines */
  gboolean       emphasis;    /* something is highlighted or selected */
  gboolean       markers;     /* arrowheads and badges are big enough */
  gboolean       outlines;
  gboolean       dense;       /* thousands of ties on screen: hairlines in a mask */
  gboolean       raster;      /* pixels only: shapes may be stamped */
  gboolean       vector;      /* SVG, PDF, PostScript: fewer, richer paths */
  gboolean       pulled_in;   /* far actors moved for this frame only */
  cairo_matrix_t view_matrix; /* the cairo_t's view pixels */
  const MwRenderLod *lod;     /* (nullable) the whole view's, when this frame is a tile of it */
  MwTieFade      fade;        /* the whole view's, from lod when a tile */
} MwFrame;

/* Owned by mw-render-geometry.c: recomputed lazily from the network's
 * generation. */
typedef struct
{
  GArray     *actors;         /* MwActorGeom by actor index */
  GArray     *lanes;          /* double by tie index: lanes of parallel ties */
  GArray     *bends;          /* double by tie index: the lane, and the detour round actors */
  GArray     *detours;        /* double by tie index: the detour alone, kept for the next time */
  GArray     *routed;         /* double triples (x, y, r) by actor index: where the detours were made for */
  gboolean    routes_valid;   /* detours and routed match the lanes; only moved actors' ties are redone */
  GArray     *labelled;       /* double (x, y, r, label w, label h) by actor, and then the bends:
                               * what the labels were placed for */
  gboolean    labels_valid;   /* only the labels near what changed are placed again */
  GArray     *ties;           /* MwTieEnds by tie index */
  GHashTable *org_colors;     /* org name → palette index + 1 */
  guint64     generation;
  guint64     serial;         /* counts the times it was computed */
  guint64     topology_serial; /* … and the times its lanes were */
  gboolean    valid;
  gboolean    topology_valid; /* organisations' colours and tie lanes */
  MwRect      bounds;
  double      max_radius;
  gboolean    has_bounds;
  guint       n_unplaced;
  gboolean    quick;          /* frames of a morph: straight ties, labels in their first spot */
  /* Edits since it was computed, when each was heard as it happened (see
   * _mw_renderer_geometry_changed()): the next computation updates only
   * what they touch. Indices follow the network's swap-removals. */
  gboolean    editing;        /* every change since is on the lists below */
  guint64     edit_generation; /* the network's generation the lists account for */
  GArray     *edited_actors;  /* guint: added, changed, or moved into a removed one's index */
  GArray     *edited_ties;    /* guint: added, changed, moved, or given another lane */
  guint64     n_updates;      /* of the serials, those that were such updates */
} MwRenderGeometry;

typedef struct _MwIndexJob MwIndexJob;

/* Owned by mw-render-index.c: a uniform grid over the drawing, each cell
 * listing the actors whose box and the ties whose line (with its bow) meet
 * it, as offsets by cell into one array of items. Built for one
 * geometry.serial; after a drag what moved since is on the moved lists. */
typedef struct
{
  gboolean  built;
  gboolean  off;              /* tests: every frame reads everything */
  guint64   serial;           /* the geometry's serial it answers for */
  guint64   topology;         /* the geometry's topology_serial it was built for */
  double    x0, y0, cell;     /* model points */
  int       nx, ny;
  guint     n_actors, n_ties;
  guint    *actor_start;      /* nx × ny + 1 offsets into actor_items */
  guint    *actor_items;
  guint    *tie_start;        /* … into tie_items */
  guint    *tie_items;
  GArray   *wide;             /* guint: ties bowing over several cells, read by every query */
  MwRect   *boxes;            /* the actors' boxes it was built for */
  double   *bends;            /* the ties' bends it was built for */
  guint    *ends;             /* … and their actors, two by tie: an edit moves ties into others' indices */
  guint     tie_base;         /* the ties' first bit in marks: room for actors added since */
  GArray   *moved_actors;     /* guint: actors whose box changed since */
  GArray   *moved_ties;       /* guint: ties with an end moved or another bend since */
  guint64  *marks;            /* a bit by actor, then by tie (from tie_base): one query's candidates */
  struct _MwIndexJob *job;    /* (nullable) a grid being built on a worker from a copy */
  guint     async_min_ties;   /* from this many ties the grid is built there (tests lower it) */
  GMutex   *hold;             /* (nullable) tests: a worker's build waits for it before it starts */
} MwRenderIndex;

/* Owned by mw-render-groups.c. */
typedef struct
{
  GPtrArray  *list;           /* units first, then organisations */
  GHashTable *layouts;        /* "u|o" + name → PangoLayout*: names outlive regrouping */
} MwRenderGroups;

/* Owned by mw-render-overview.c: the map drawn when actors are specks. */
typedef struct
{
  struct _MwOverview *map;    /* (nullable) built when first needed */
  gboolean            valid;  /* false after a change of actors, ties or groups it cannot follow */
  GArray             *links;  /* MwOverviewLink: the map's, counted again after edits of ties and moves */
  gboolean            links_valid;
  gboolean            by_labels; /* its groups are the units, which no tie changes… */
  gboolean            reports_matter; /* … but a reporting line, without organisations */
  gboolean            relabelled; /* actors moved between units since by_labels was checked… */
  gboolean            reports_edited; /* … and a reporting line since, taken as not mattering */
  guint64             heard;    /* the network's generation at the last change it heard */
  guint64             n_builds;
  guint64             n_moves;  /* actors moved, added or removed in the map, not built again */
} MwRenderOverview;

/* Owned by mw-render-text.c. */
typedef struct
{
  PangoContext *pango;
  char         *font;
  double        scale;        /* the desktop's text scaling, for actor labels */
  GHashTable   *labels;       /* MwActor* (never dereferenced) → its label */
  PangoLayout  *measure;      /* measures labels, for measure_font and _scale */
  char         *measure_font;
  double        measure_scale;
  guint         parallel_min; /* from this many labels to measure, several threads do (tests lower it) */
  guint         parallel_runs; /* … how often they did, for tests */
  MwTextSink    sink;
  gpointer      sink_data;
} MwRenderText;

#define MW_N_TIE_BUCKETS (MW_N_TIE_TYPES * MW_N_STATES * 2)

/* Owned by mw-render-ties.c: this frame's visible ties by stroke style. */
typedef struct
{
  GArray *buckets[MW_N_TIE_BUCKETS]; /* tie indices, see _mw_tie_bucket() */
  GArray *near;                      /* tie indices: the index's candidates */
  gboolean indexed;                  /* this frame's came from the index */
  guint    n_long;                   /* of this frame's, those longer than the view is wide and high */
  double   progress_start;           /* the thread's progress a drawing reports from … */
  double   progress_end;             /* … to here, while it strokes ties; none when equal */
  guint    n_stroked, n_to_stroke;   /* this frame's, for that progress */
  gboolean cancelled;                /* the thread's progress was cancelled while stroking them */
  GArray  *levels[MW_N_TIE_BUCKETS]; /* guint8 by bucket entry: how much of a faded tie is left
                                      * (_mw_tie_fade_level()); empty when none fades */
  gboolean faded;                    /* this frame's levels are filled */
  double   ink;                      /* the ties' summed length, model points … */
  guint64  ink_serial;               /* … for this geometry.serial (+ 1; 0 none yet) */
} MwRenderTies;

#define MW_TIE_FADE_LEVELS 16       /* the alphas faded ties are drawn in, the last one all */

/* How much of bucket entry @j is left: its level of _mw_tie_fade_level_alpha(). */
static inline guint
_mw_tie_level (const MwRenderTies *ties,
               guint               bucket,
               guint               j)
{
  return ties->faded ? g_array_index (ties->levels[bucket], guint8, j) : MW_TIE_FADE_LEVELS - 1;
}

/* One of the A8 masks dense ties are rasterised into: a state (normal or
 * dim) in a tone (reports darker than the rest). */
typedef struct
{
  cairo_surface_t *surface;
  guchar          *data;
  int              stride;
  gboolean         used;        /* has ties this frame */
  double           x1, y1, x2, y2;  /* the ties' ends, device pixels */
} MwToneMask;

#define MW_N_TONE_MASKS 4       /* MW_STATE_NORMAL and MW_STATE_DIM, two tones each */

/* Owned by mw-render-masks.c. */
typedef struct
{
  MwToneMask tone[MW_N_TONE_MASKS]; /* kept from frame to frame */
  GArray    *device_xy;       /* double pairs by actor index: the mask's pixels */
  int        width;
  int        height;
  /* the last frame's masks, shifted in when only the view's offset moved
   * by whole pixels: a pan rasterises only the strips it uncovers */
  gboolean   last_valid;
  double     last_k;          /* zoom × scale */
  double     last_x, last_y;  /* the view's offset, device pixels */
  guint64    last_generation;
  gboolean   keeping;         /* this frame: keep_* hold shifted pixels */
  int        keep_x0, keep_y0, keep_x1, keep_y1;
} MwRenderMasks;

/* A stamp to copy, with its top-left in device pixels. */
typedef struct
{
  const guchar *data;
  int           stride;
  int           size;
  int           x, y;
} MwStampRef;

/* Owned by mw-render-masks.c: the masks composited in bands straight into
 * the target's pixels, then (when pending) the actors' stamps too. */
typedef struct
{
  guchar           *data;     /* the target's pixels */
  int               stride;
  MwColor           colors[MW_N_TONE_MASKS];
  gboolean          pending;  /* … and their bands wait to do the actors' stamps too */
  gconstpointer     frame;    /* the MwFrame, when the bands fill the boundaries first */
  double            tolerance;
  cairo_antialias_t antialias;
  GArray           *stamp_refs; /* MwStampRef: the stamps those bands copy, in order */
} MwRenderBands;

typedef void (*MwBandJob) (MwRenderer *self,
                           int         band,
                           int         n_bands);

/* Owned by mw-render-worker.c. Dense ties on raster targets: the masks are
 * cut into bands of rows, and the main thread and one persistent worker
 * take bands until none is left. A band writes only its own rows, and
 * coverage adds saturating (which does not depend on the order), so the
 * pixels are the same whoever draws which band. */
typedef struct
{
  guint     n_threads;        /* 1: everything on the calling thread */
  GThread  *thread;
  GMutex    lock;
  GCond     cond;
  gboolean  quit;
  MwBandJob job;
  int       n_bands;          /* of the job posted; 0 when none */
  int       next_band;
  int       bands_done;
} MwRenderWorker;

/* Owned by mw-render-appearance.c: the network's appearance mapping,
 * evaluated for every actor, again after any change but a move. */
typedef struct
{
  MwAppearanceMap *map;       /* (nullable) until first needed */
} MwRenderAppearance;

/* What a drag moves, drawn apart from the rest (mw-render-drag.c). Set
 * on the renderer for one frame only: that frame either leaves the moving
 * actors and every tie with a moving end out (the drag's picture of the
 * rest) or draws only them, where the geometry has them for that frame.
 * Neither draws the boundaries, which a drag draws under its picture;
 * the second draws their names. */
typedef struct
{
  const guint8 *marks;        /* by actor index: 1 when it moves */
  GArray       *actors;       /* guint: the moving actors' indices */
  GArray       *ties;         /* guint: the ties with a moving end */
  gboolean      only;         /* only them, else everything but them */
} MwRenderMoving;

/* Owned by mw-render-actors.c. */
typedef struct
{
  GHashTable      *cache;     /* stamp key → cairo_surface_t*: one actor's pixels */
  double           k;         /* the device pixels per point they were drawn at */
  cairo_surface_t *layer;     /* ARGB, actors stamped by hand on raster targets */
} MwRenderStamps;

struct _MwRenderer
{
  GObject          parent_instance;

  /* borrowed from the caller, followed through its changed signal */
  MwNetwork       *network;
  MwSizeBy         size_by;

  /* owned, one part each */
  MwRenderGeometry geometry;
  MwRenderIndex    index;
  MwRenderGroups   groups;
  MwRenderText     text;
  MwRenderTies     ties;
  MwRenderMasks    masks;
  MwRenderBands    bands;
  MwRenderWorker   worker;
  MwRenderStamps   stamps;
  MwRenderOverview overview;
  MwRenderAppearance appearance;
  const MwRenderMoving *moving; /* (nullable) this frame's, see MwRenderMoving */
};

/* Pixels stamps are copied into: the target's own, or the layer's. */
typedef struct
{
  guchar *data;
  int     stride;
  int     x1, y1, x2, y2;   /* where they may go (the clip), device pixels */
} MwPixels;

static inline gboolean
_mw_in_set (GHashTable    *set,
            gconstpointer  item)
{
  return set != NULL && g_hash_table_contains (set, item);
}

static inline int
_mw_frame_actor_state (const MwFrame *f,
                       const MwActor *actor)
{
  if (_mw_in_set (f->view->selected_actors, actor))
    return MW_STATE_SELECTED;
  if (_mw_in_set (f->view->highlighted_actors, actor))
    return MW_STATE_HIGHLIGHT;
  return f->emphasis && f->view->dim_others ? MW_STATE_DIM : MW_STATE_NORMAL;
}

static inline int
_mw_frame_tie_state (const MwFrame *f,
                     const MwTie   *tie)
{
  if (_mw_in_set (f->view->selected_ties, tie))
    return MW_STATE_SELECTED;
  if (_mw_in_set (f->view->highlighted_ties, tie))
    return MW_STATE_HIGHLIGHT;
  return f->emphasis && f->view->dim_others ? MW_STATE_DIM : MW_STATE_NORMAL;
}

static inline double
_mw_frame_scale (const MwFrame *f)
{
  return f->view->scale > 0 ? f->view->scale : 1;
}

static inline gboolean
_mw_rect_meets (const MwRect *a,
                double        x1,
                double        y1,
                double        x2,
                double        y2)
{
  return x2 >= a->x && x1 <= a->x + a->width && y2 >= a->y && y1 <= a->y + a->height;
}

/* Whether the segment comes within @e of the rectangle (in x and in y):
 * the segment clipped to the rectangle widened by @e (Liang–Barsky). */
static inline gboolean
_mw_segment_meets (const MwRect *r,
                   double        e,
                   double        ax,
                   double        ay,
                   double        bx,
                   double        by)
{
  double lo[2] = { r->x - e, r->y - e }, hi[2] = { r->x + r->width + e, r->y + r->height + e };
  double p[2] = { ax, ay }, d[2] = { bx - ax, by - ay }, t0 = 0, t1 = 1;

  for (int k = 0; k < 2; k++)
    {
      if (d[k] == 0)
        {
          if (!(p[k] >= lo[k] && p[k] <= hi[k]))
            return FALSE;
          continue;
        }
      {
        double ta = (lo[k] - p[k]) / d[k], tb = (hi[k] - p[k]) / d[k];

        t0 = MAX (t0, MIN (ta, tb));
        t1 = MIN (t1, MAX (ta, tb));
      }
    }
  return t0 <= t1;
}

/* Grows r to hold s too; an r of negative width is empty. */
static inline void
_mw_rect_union (MwRect       *r,
                const MwRect *s)
{
  double x2, y2;

  if (r->width < 0)
    {
      *r = *s;
      return;
    }
  x2 = MAX (r->x + r->width, s->x + s->width);
  y2 = MAX (r->y + r->height, s->y + s->height);
  r->x = MIN (r->x, s->x);
  r->y = MIN (r->y, s->y);
  r->width = x2 - r->x;
  r->height = y2 - r->y;
}

/* The bucket of ties of one type, state and weight. */
static inline guint
_mw_tie_bucket (int      type,
                int      state,
                gboolean heavy)
{
  return (type * MW_N_STATES + state) * 2 + heavy;
}

static inline const MwActorGeom *
_mw_renderer_actor_geom (MwRenderer *self,
                         guint       index)
{
  return &g_array_index (self->geometry.actors, MwActorGeom, index);
}

static inline double
_mw_renderer_tie_bend (MwRenderer  *self,
                       const MwTie *tie)
{
  return g_array_index (self->geometry.bends, double, tie->index);
}

/* mw-renderer.c, for mw-render-drag.c: a drag's halves, the view without
 * what moves or only what moves, shifted by (dx, dy) model points, both
 * with the whole view's detail, @lod, and without a background; and what
 * goes under them, the background and the boundaries. */
void           _mw_renderer_draw_moving   (MwRenderer     *self,
                                           cairo_t        *cr,
                                           const MwView   *view,
                                           const MwRenderMoving *moving,
                                           const MwRenderLod *lod,
                                           double          dx,
                                           double          dy);
void           _mw_renderer_draw_moving_under (MwRenderer *self,
                                           cairo_t        *cr,
                                           const MwView   *view);

/* mw-render-appearance.c (under the text, beside the style) */
void     _mw_render_appearance_clear    (MwRenderAppearance *appearance);
void     _mw_renderer_appearance_changed (MwRenderer      *self,
                                         const MwChange   *change);
MwAppearanceMap *_mw_renderer_get_appearance (MwRenderer  *self);
int      _mw_renderer_appearance_color  (MwRenderer       *self,
                                         const MwActor    *actor,
                                         int               org_color);
double   _mw_renderer_appearance_radius (MwRenderer       *self,
                                         const MwActor    *actor,
                                         double            base);
const char *_mw_renderer_appearance_label (MwRenderer     *self,
                                         const MwActor    *actor);

/* mw-render-worker.c */
void     _mw_render_worker_init         (MwRenderWorker   *worker);
void     _mw_render_worker_clear        (MwRenderWorker   *worker);
void     _mw_renderer_post_bands        (MwRenderer       *self,
                                         MwBandJob         job);
void     _mw_renderer_finish_bands      (MwRenderer       *self);

/* mw-render-pixels.c */
gboolean _mw_target_pixels              (cairo_t          *cr,
                                         const MwFrame    *f,
                                         MwPixels         *px);
void     _mw_blend_stamp_data           (const MwPixels   *px,
                                         const guchar     *sd,
                                         int               ss,
                                         int               sw,
                                         int               sh,
                                         int               x0,
                                         int               y0);

/* mw-render-text.c */
void     _mw_render_overview_init       (MwRenderOverview *overview);
void     _mw_render_overview_clear      (MwRenderOverview *overview);
void     _mw_renderer_overview_changed  (MwRenderer       *self,
                                         const MwChange   *change);
void     _mw_renderer_overview_copy_to  (MwRenderer       *self,
                                         MwRenderer       *twin);
double   _mw_renderer_overview_weight   (MwRenderer       *self,
                                         const MwFrame    *f);
void     _mw_renderer_draw_overview     (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f,
                                         double            alpha);
void     _mw_renderer_draw_overview_key (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f,
                                         double            alpha);
void     _mw_render_text_init           (MwRenderText     *text);
void     _mw_render_text_clear          (MwRenderText     *text);
void     _mw_render_text_use_own_font_map (MwRenderText   *text);
void     _mw_renderer_labels_changed    (MwRenderer       *self,
                                         const MwChange   *change);
void     _mw_renderer_label_size        (MwRenderer       *self,
                                         const MwActor    *actor,
                                         double           *width,
                                         double           *height);
void     _mw_renderer_measure_labels    (MwRenderer       *self);
void     _mw_renderer_draw_labels       (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f,
                                         GArray           *visible);

/* mw-render-groups.c */
void     _mw_render_groups_init         (MwRenderGroups   *groups);
void     _mw_render_groups_clear        (MwRenderGroups   *groups);
void     _mw_renderer_compute_groups    (MwRenderer       *self);
void     _mw_renderer_group_label_size  (MwRenderer       *self,
                                         const char       *name,
                                         gboolean          is_org,
                                         double           *width,
                                         double           *height);
void     _mw_renderer_groups_bounds     (MwRenderer       *self,
                                         MwRect           *bounds);
void     _mw_renderer_draw_groups       (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f);
void     _mw_renderer_draw_group_names  (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f);
guint    _mw_renderer_n_groups          (MwRenderer       *self);
MwRect  *_mw_renderer_group_box         (MwRenderer       *self,
                                         guint             i,
                                         const char      **org,
                                         const char      **unit);
void     _mw_renderer_frame_group_box   (MwRenderer       *self,
                                         guint             i,
                                         const MwRect     *members);

/* mw-render-routes.c */
typedef struct _MwGrid MwGrid;
/* Returns TRUE to stop the query. */
typedef gboolean (*MwGridFunc) (guint     item,
                                gpointer  user_data);

MwGrid  *_mw_grid_new                   (double            cell,
                                         guint             expected);
void     _mw_grid_free                  (MwGrid           *grid);
void     _mw_grid_add                   (MwGrid           *grid,
                                         const MwRect     *box);
void     _mw_grid_query                 (MwGrid           *grid,
                                         const MwRect     *rect,
                                         MwGridFunc        func,
                                         gpointer          user_data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwGrid, _mw_grid_free)

#define MW_ROUTE_MAX_ACTORS 2000  /* past this, ties go straight */
#define MW_TIE_END_LENGTH    8.0  /* how much of a tie at each end counts as its end */

void     _mw_renderer_route_ties        (MwRenderer       *self);
void     _mw_renderer_tie_geom          (MwRenderer       *self,
                                         guint             tie,
                                         MwTieGeom        *geom);
guint    _mw_tie_geom_points            (const MwTieGeom  *geom,
                                         double           *xy,
                                         guint             n_pieces);
void     _mw_tie_geom_ends              (MwTieType         type,
                                         const MwTieGeom  *geom,
                                         MwRect           *start,
                                         MwRect           *end);

/* mw-render-geometry.c */
void     _mw_render_geometry_init       (MwRenderGeometry *geometry);
void     _mw_render_geometry_clear      (MwRenderGeometry *geometry);
void     _mw_renderer_ensure_geometry   (MwRenderer       *self);
gboolean _mw_renderer_geometry_changed  (MwRenderer       *self,
                                         const MwChange   *change);
void     _mw_renderer_label_rect        (MwRenderer       *self,
                                         guint             actor,
                                         MwRect           *rect);

/* mw-render-index.c */
void     _mw_render_index_init          (MwRenderIndex    *index);
void     _mw_render_index_clear         (MwRenderIndex    *index);
guint    _mw_render_index_n_jobs        (void);
void     _mw_renderer_ensure_index      (MwRenderer       *self,
                                         const MwRect     *visible);
gboolean _mw_renderer_index_actors      (MwRenderer       *self,
                                         const MwRect     *rect,
                                         GArray           *out);
gboolean _mw_renderer_index_ties        (MwRenderer       *self,
                                         const MwRect     *rect,
                                         GArray           *out);

/* mw-render-masks.c */
void     _mw_render_masks_init          (MwRenderMasks    *masks);
void     _mw_render_masks_clear         (MwRenderMasks    *masks);
void     _mw_render_bands_init          (MwRenderBands    *bands);
void     _mw_render_bands_clear         (MwRenderBands    *bands);
void     _mw_renderer_start_masks       (MwRenderer       *self,
                                         const MwFrame    *f);
void     _mw_renderer_paint_tie_masks   (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f,
                                         int               state);
gboolean _mw_renderer_groups_in_bands   (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f);
gboolean _mw_renderer_paint_masks_in_bands (MwRenderer    *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f);
void     _mw_renderer_paint_pending_bands (MwRenderer     *self,
                                         cairo_t          *cr);
void     _mw_renderer_flush_pending_paint (MwRenderer     *self,
                                         cairo_t          *cr);

/* mw-render-ties.c */
void     _mw_render_ties_init           (MwRenderTies     *ties);
void     _mw_render_ties_clear          (MwRenderTies     *ties);
void     _mw_renderer_start_ties        (MwRenderer       *self,
                                         MwFrame          *f);
gboolean _mw_renderer_ties_dense        (MwRenderer       *self,
                                         const MwFrame    *f);
void     _mw_renderer_measure_fade      (MwRenderer       *self,
                                         const MwView     *view,
                                         MwTieFade        *fade);
void     _mw_renderer_draw_ties         (MwRenderer       *self,
                                         cairo_t          *cr,
                                         MwFrame          *f);

/* mw-render-actors.c */
void     _mw_render_stamps_init         (MwRenderStamps   *stamps);
void     _mw_render_stamps_clear        (MwRenderStamps   *stamps);
void     _mw_renderer_draw_actors       (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f,
                                         GArray           *visible);
void     _mw_renderer_draw_states       (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f,
                                         GArray           *visible,
                                         gboolean          halos);
void     _mw_renderer_draw_badges       (MwRenderer       *self,
                                         cairo_t          *cr,
                                         const MwFrame    *f,
                                         GArray           *visible);

G_END_DECLS
