/* mw-canvas.h: the network editor's drawing area
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-history.h"
#include "mw-renderer.h"

G_BEGIN_DECLS

typedef enum
{
  MW_TOOL_SELECT,
  MW_TOOL_ACTOR,
  MW_TOOL_TIE,
} MwTool;

#define MW_TYPE_CANVAS (mw_canvas_get_type ())

G_DECLARE_FINAL_TYPE (MwCanvas, mw_canvas, MW, CANVAS, GtkWidget)

GtkWidget  *mw_canvas_new                 (void);
void        mw_canvas_offer_copy          (MwCanvas   *self,
                                           MwNetwork  *copy);
void        mw_canvas_set_history         (MwCanvas   *self,
                                           MwHistory  *history);
MwHistory  *mw_canvas_get_history         (MwCanvas   *self);
MwRenderer *mw_canvas_get_renderer        (MwCanvas   *self);
MwTool      mw_canvas_get_tool            (MwCanvas   *self);
void        mw_canvas_set_tool            (MwCanvas   *self,
                                           MwTool      tool);
MwTieType   mw_canvas_get_tie_type        (MwCanvas   *self);
void        mw_canvas_set_tie_type        (MwCanvas   *self,
                                           MwTieType   type);
double      mw_canvas_get_zoom            (MwCanvas   *self);
void        mw_canvas_zoom_by             (MwCanvas   *self,
                                           double      factor);
void        mw_canvas_zoom_to_fit         (MwCanvas   *self);
void        mw_canvas_zoom_to_selection   (MwCanvas   *self);
void        mw_canvas_model_to_widget     (MwCanvas   *self,
                                           double      mx,
                                           double      my,
                                           double     *x,
                                           double     *y);
void        mw_canvas_pan_by              (MwCanvas   *self,
                                           double      dx,
                                           double      dy);

GPtrArray  *mw_canvas_get_selected_actors (MwCanvas   *self);
GPtrArray  *mw_canvas_get_selected_ties   (MwCanvas   *self);
void        mw_canvas_select_actors       (MwCanvas   *self,
                                           GPtrArray  *actors);
void        mw_canvas_select_tie          (MwCanvas   *self,
                                           MwTie      *tie);
void        mw_canvas_select_all          (MwCanvas   *self);
void        mw_canvas_select_none         (MwCanvas   *self);
void        mw_canvas_cycle_selection     (MwCanvas   *self,
                                           gboolean    forward);
MwActor    *mw_canvas_get_focus_actor     (MwCanvas   *self);
void        mw_canvas_move_focus          (MwCanvas   *self,
                                           int         dx,
                                           int         dy);
void        mw_canvas_select_focus        (MwCanvas   *self,
                                           gboolean    toggle);
void        mw_canvas_step_tie            (MwCanvas   *self,
                                           gboolean    forward);
void        mw_canvas_set_status          (MwCanvas   *self,
                                           const char *status);
void        mw_canvas_announce_score      (MwCanvas   *self,
                                           const char *name,
                                           double      value);
const char *mw_canvas_get_description     (MwCanvas   *self);

MwActor    *mw_canvas_add_actor_at        (MwCanvas   *self,
                                           double      view_x,
                                           double      view_y);
MwTie      *mw_canvas_connect             (MwCanvas   *self,
                                           MwActor    *from,
                                           MwActor    *to);
void        mw_canvas_connect_selected    (MwCanvas   *self);
void        mw_canvas_delete_selection    (MwCanvas   *self);
void        mw_canvas_nudge_selection     (MwCanvas   *self,
                                           double      dx,
                                           double      dy);
void        mw_canvas_paste_network       (MwCanvas   *self,
                                           MwNetwork  *network,
                                           const char *name);
MwNetwork  *mw_canvas_copy_selection      (MwCanvas   *self);
void        mw_canvas_rename_selected     (MwCanvas   *self);
void        mw_canvas_set_highlight       (MwCanvas   *self,
                                           const char * const *actor_ids,
                                           const char * const *tie_ids);
void        mw_canvas_clear_highlight     (MwCanvas   *self);
gboolean    mw_canvas_has_highlight       (MwCanvas   *self);
GPtrArray  *mw_canvas_get_highlighted_actors (MwCanvas *self);
GPtrArray  *mw_canvas_get_highlighted_ties (MwCanvas  *self);
void        mw_canvas_set_editable        (MwCanvas   *self,
                                           gboolean    editable);
gboolean    mw_canvas_get_editable        (MwCanvas   *self);
void        mw_canvas_set_show_legend     (MwCanvas   *self,
                                           gboolean    show_legend);
gboolean    mw_canvas_get_show_legend     (MwCanvas   *self);
void        mw_canvas_set_marks           (MwCanvas   *self,
                                           const char * const *actor_ids,
                                           const char * const *tie_ids);
GPtrArray  *mw_canvas_get_marked_actors   (MwCanvas   *self);
GPtrArray  *mw_canvas_get_marked_ties     (MwCanvas   *self);
void        mw_canvas_fit_when_allocated  (MwCanvas   *self);
void        mw_canvas_select_and_center   (MwCanvas   *self,
                                           MwActor    *actor);
void        mw_canvas_animate_to          (MwCanvas   *self,
                                           GHashTable *positions,
                                           const char *name);
void        mw_canvas_morph_from          (MwCanvas   *self,
                                           MwNetwork  *previous);
void        mw_canvas_morph_to            (MwCanvas   *self,
                                           MwNetwork  *next);
void        mw_canvas_finish_morph        (MwCanvas   *self);
double      mw_canvas_get_morph_progress  (MwCanvas   *self);

G_END_DECLS
