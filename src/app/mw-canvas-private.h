/* mw-canvas-private.h: the canvas's state, shared by its files
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files of MwCanvas stand in levels; each calls only the levels below
 * it, so that no two of them call each other:
 *
 *   6  mw-canvas.c            the widget: GType, class_init and init, the
 *                             properties, drawing, actions and key bindings,
 *                             and the network it shows; it sees every part
 *   5  mw-canvas-input.c      gestures and keys, which start edits, renames
 *                             and selections
 *   4  mw-canvas-edit.c       the edits that go through the history (a new
 *                             actor opens its name for renaming)
 *   3  mw-canvas-rename.c     renaming an actor in place, popover and step
 *   2  mw-canvas-selection.c  what is selected, highlighted and marked;
 *                             the keyboard's focus ring, and what the
 *                             canvas tells a screen reader
 *   2  mw-canvas-animation.c  moving actors smoothly to a new layout
 *   2  mw-canvas-morph.c      playing the change from another network to
 *                             this one (drawn instead of the network)
 *   2  mw-canvas-tiles.c      big networks composited from cached tiles
 *   2  mw-canvas-drag.c       dragging actors of a big network over a
 *                             picture of the rest, kept once
 *   1  mw-canvas-view.c       zoom and pan, where an actor is drawn, and the
 *                             canvas's signals and properties, through which
 *                             any part says that something changed
 *
 * A part that changes what listeners show (the selection, the highlight,
 * the zoom) says so with the canvas's own signal or notify, through level
 * 1, never by calling the widget. _mw_canvas_is_busy(), the one-line rule
 * every editing part asks, is inline below, beside the state it reads.
 */

#pragma once

#include "mw-canvas.h"
#include "mw-item-set.h"
#include "mw-render-drag.h"
#include "mw-render-morph.h"
#include "mw-render-tiles.h"

G_BEGIN_DECLS

#define MW_CANVAS_MIN_ZOOM 0.05
#define MW_CANVAS_MAX_ZOOM 8.0

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_MOVE,
  DRAG_RUBBER,
  DRAG_CONNECT,
  DRAG_ADD,
} MwDragMode;

/* Where an actor was (or goes), by id: the actor may be replaced meanwhile. */
typedef struct
{
  char   *id;
  double  x;
  double  y;
} MwStartPosition;

struct _MwCanvas
{
  GtkWidget   parent_instance;

  /* owned */
  MwHistory  *history;
  MwNetwork  *network;
  MwRenderer *renderer;
  GtkWidget  *rename_popover;
  GtkWidget  *rename_entry;
  MwItemSet  *selection;
  MwItemSet  *highlight;     /* what a score explanation is about */
  MwItemSet  *marks;         /* what a comparison marks, under any highlight */
  char       *anchor_id;     /* the actor selected first, for keyboard connect */
  char       *focus_id;      /* (nullable) the actor in the keyboard's focus ring */
  char       *status;        /* (nullable) what the description ends with: a score change */
  char       *description;   /* what the accessible description says now */
  double      last_score;    /* the score announced last, or NAN */
  char       *rename_id;
  GArray     *start_positions;
  MwItemSet  *rubber_base;   /* (nullable) selection before a Shift rubber-band */

  MwView      view;
  MwTool      tool;
  MwTieType   tie_type;
  gboolean    editable;
  gboolean    show_legend;   /* the legend over the view, in a corner */
  gboolean    fitted;        /* has fitted since the last open (or lending) */
  gboolean    follows_fit;   /* refits on resize: no zoom or pan since the last fit */
  gboolean    space_down;
  double      pointer_x;
  double      pointer_y;
  gboolean    pointer_inside;

  MwDragMode  drag_mode;
  double      drag_x;
  double      drag_y;
  double      drag_dx;
  double      drag_dy;
  double      pan_offset_x;
  double      pan_offset_y;
  double      pinch_zoom;
  MwEdit     *drag_edit;
  char       *connect_from;

  GArray     *targets;       /* MwStartPosition: where an animation ends */
  guint       tick_id;
  gboolean    allocating;     /* inside size_allocate: widgets must not change now */
  guint       zoom_notify_id; /* a zoom notification put off until after layout */
  gint64      animation_start;

  MwRenderMorph *morph;      /* (nullable) the change being played */
  guint       morph_tick_id;
  gint64      morph_start;
  double      morph_t;       /* how far it has come, 0…1 */

  MwRenderTiles *tiles;      /* (nullable) the picture of a big network, in tiles */
  MwNetwork  *offered_copy;  /* (nullable) a copy of network for the tiles' worker (the load's) */
  int         tiles_min_actors; /* from how many actors frames use tiles; -1 never */
  guint       tiles_redraw_id;
  double      tiles_zoom;    /* the zoom of the last tiled frame … */
  gint64      tiles_zoom_time; /* … and when it was first shown */

  MwRenderDrag *drag_picture; /* (nullable) a big network's drag: the rest, kept once */
  GdkTexture *drag_texture;  /* (nullable) that picture's pixels, as shown */
};

enum
{
  PROP_0,
  PROP_HISTORY,
  PROP_TOOL,
  PROP_TIE_TYPE,
  PROP_ZOOM,
  PROP_EDITABLE,
  PROP_SHOW_LEGEND,
  N_PROPS
};

enum
{
  SELECTION_CHANGED,
  HIGHLIGHT_CHANGED,
  N_SIGNALS
};

/* Kept in mw-canvas-view.c and filled in by class_init in mw-canvas.c. */
extern GParamSpec *_mw_canvas_properties[N_PROPS];
extern guint       _mw_canvas_signals[N_SIGNALS];

/* While a drag or an animation holds an edit open, other edits wait; a
 * read-only canvas never edits. */
static inline gboolean
_mw_canvas_is_busy (MwCanvas *self)
{
  return !self->editable || self->drag_edit != NULL || mw_history_is_editing (self->history);
}

/* mw-canvas-view.c (level 1) */
void      _mw_canvas_emit_selection_changed  (MwCanvas        *self);
void      _mw_canvas_emit_highlight_changed  (MwCanvas        *self);
void      _mw_canvas_zoom_at                 (MwCanvas        *self,
                                              double           factor,
                                              double           vx,
                                              double           vy);
void      _mw_canvas_actor_position          (MwCanvas        *self,
                                              const MwActor   *actor,
                                              double          *x,
                                              double          *y);
void      _mw_canvas_reveal_actor            (MwCanvas        *self,
                                              MwActor         *actor);

/* mw-canvas-morph.c (level 2) */
gboolean  _mw_canvas_draw_morph              (MwCanvas        *self,
                                              cairo_t         *cr);

/* mw-canvas-tiles.c (level 2) */
#define MW_CANVAS_TILES_MIN_ACTORS 2000
gboolean  _mw_canvas_snapshot_tiles          (MwCanvas        *self,
                                              GtkSnapshot     *snapshot);
void      _mw_canvas_clear_tiles             (MwCanvas        *self);

/* mw-canvas-drag.c (level 2) */
void      _mw_canvas_drag_begin              (MwCanvas        *self);
gboolean  _mw_canvas_drag_is_pictured        (MwCanvas        *self);
void      _mw_canvas_drag_end                (MwCanvas        *self);
gboolean  _mw_canvas_snapshot_drag           (MwCanvas        *self,
                                              GtkSnapshot     *snapshot);

/* mw-canvas-animation.c (level 2) */
void      _mw_canvas_finish_animation        (MwCanvas        *self);

/* mw-canvas-selection.c (level 2) */
void      _mw_canvas_selection_changed       (MwCanvas        *self);
void      _mw_canvas_select_only_actor       (MwCanvas        *self,
                                              MwActor         *actor);
void      _mw_canvas_toggle_actor            (MwCanvas        *self,
                                              MwActor         *actor);
void      _mw_canvas_update_description      (MwCanvas        *self);
void      _mw_canvas_draw_focus_ring         (MwCanvas        *self,
                                              cairo_t         *cr);
gboolean  _mw_canvas_prune_items             (MwCanvas        *self,
                                              const MwChange  *change);

/* mw-canvas-rename.c (level 3) */
void      _mw_canvas_create_rename_popover   (MwCanvas        *self);
void      _mw_canvas_present_rename          (MwCanvas        *self);
void      _mw_canvas_popdown_rename          (MwCanvas        *self);

/* mw-canvas-edit.c (level 4) */
void      _mw_canvas_begin_move              (MwCanvas        *self);
void      _mw_canvas_move_by                 (MwCanvas        *self,
                                              double           dx,
                                              double           dy);

/* mw-canvas-input.c (level 5) */
void      _mw_canvas_add_controllers         (MwCanvas        *self);
void      _mw_canvas_reset_cursor            (MwCanvas        *self);
void      _mw_canvas_finish_drag             (MwCanvas        *self,
                                              gboolean         commit);
void      _mw_canvas_draw_drag               (MwCanvas        *self,
                                              cairo_t         *cr);

G_END_DECLS
