/* mw-history.h: undoable edits of a network
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "mw-network.h"

G_BEGIN_DECLS

/**
 * MwEdit:
 *
 * One step under construction. Every actor and tie it touches keeps its
 * state from before the step; committing records the state after, so undo
 * and redo restore whole states by id, whatever the edit did in between.
 * A drag of 30 actors, a layout or an import is one edit.
 */
typedef struct _MwEdit MwEdit;

#define MW_TYPE_HISTORY (mw_history_get_type ())

G_DECLARE_FINAL_TYPE (MwHistory, mw_history, MW, HISTORY, GObject)

MwHistory  *mw_history_new            (MwNetwork   *network);
MwNetwork  *mw_history_get_network    (MwHistory   *self);
gboolean    mw_history_can_undo       (MwHistory   *self);
gboolean    mw_history_can_redo       (MwHistory   *self);
const char *mw_history_get_undo_name  (MwHistory   *self);
const char *mw_history_get_redo_name  (MwHistory   *self);
guint       mw_history_get_n_steps    (MwHistory   *self);
gboolean    mw_history_undo           (MwHistory   *self);
gboolean    mw_history_redo           (MwHistory   *self);
gboolean    mw_history_get_modified   (MwHistory   *self);
void        mw_history_set_unmodified (MwHistory   *self);
gboolean    mw_history_is_editing     (MwHistory   *self);

MwEdit     *mw_history_begin          (MwHistory   *self,
                                       const char  *name);
gboolean    mw_history_commit         (MwHistory   *self,
                                       MwEdit      *edit);
void        mw_history_cancel         (MwHistory   *self,
                                       MwEdit      *edit);

void        mw_edit_set_name          (MwEdit      *edit,
                                       const char  *name);
guint       mw_edit_get_n_touched     (MwEdit      *edit);
void        mw_edit_touch_actor       (MwEdit      *edit,
                                       MwActor     *actor);
void        mw_edit_touch_tie         (MwEdit      *edit,
                                       MwTie       *tie);
void        mw_edit_touch_network_attr (MwEdit     *edit,
                                       const char  *key);
MwActor    *mw_edit_add_actor         (MwEdit      *edit,
                                       const char  *id,
                                       const char  *label,
                                       MwActorKind  kind,
                                       GError     **error);
void        mw_edit_remove_actor      (MwEdit      *edit,
                                       MwActor     *actor);
MwTie      *mw_edit_add_tie           (MwEdit      *edit,
                                       MwActor     *from,
                                       MwActor     *to,
                                       MwTieType    type,
                                       double       weight,
                                       const char  *id);
void        mw_edit_remove_tie        (MwEdit      *edit,
                                       MwTie       *tie);
void        mw_edit_move_actor        (MwEdit      *edit,
                                       MwActor     *actor,
                                       double       x,
                                       double       y);
void        mw_edit_add_network       (MwEdit      *edit,
                                       MwNetwork   *other,
                                       double       dx,
                                       double       dy,
                                       GPtrArray   *added_actors);
guint       mw_edit_add_missing       (MwEdit      *edit,
                                       MwNetwork   *other);

G_END_DECLS
