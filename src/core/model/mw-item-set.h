/* mw-item-set.h: a set of actors and ties that remembers their ids
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mw-network.h"

G_BEGIN_DECLS

typedef struct _MwItemSet MwItemSet;

typedef struct
{
  /*< private >*/
  GHashTableIter iter;
} MwItemSetIter;

MwItemSet  *mw_item_set_new              (void);
MwItemSet  *mw_item_set_copy_actors      (const MwItemSet    *self);
void        mw_item_set_free             (MwItemSet          *self);

void        mw_item_set_add_actor        (MwItemSet          *self,
                                          MwActor            *actor);
void        mw_item_set_add_tie          (MwItemSet          *self,
                                          MwTie              *tie);
void        mw_item_set_add_actors_of    (MwItemSet          *self,
                                          const MwItemSet    *other);
gboolean    mw_item_set_remove_actor     (MwItemSet          *self,
                                          const MwActor      *actor);
gboolean    mw_item_set_remove_tie       (MwItemSet          *self,
                                          const MwTie        *tie);
gboolean    mw_item_set_toggle_actor     (MwItemSet          *self,
                                          MwActor            *actor);
void        mw_item_set_clear            (MwItemSet          *self);
void        mw_item_set_clear_ties       (MwItemSet          *self);
void        mw_item_set_replace          (MwItemSet          *self,
                                          MwNetwork          *network,
                                          const char * const *actor_ids,
                                          const char * const *tie_ids);
gboolean    mw_item_set_revalidate       (MwItemSet          *self,
                                          MwNetwork          *network);

gboolean    mw_item_set_contains_actor   (const MwItemSet    *self,
                                          const MwActor      *actor);
gboolean    mw_item_set_contains_tie     (const MwItemSet    *self,
                                          const MwTie        *tie);
guint       mw_item_set_get_n_actors     (const MwItemSet    *self);
guint       mw_item_set_get_n_ties       (const MwItemSet    *self);
gboolean    mw_item_set_is_empty         (const MwItemSet    *self);
GPtrArray  *mw_item_set_list_actors      (const MwItemSet    *self);
GPtrArray  *mw_item_set_list_ties        (const MwItemSet    *self);
GHashTable *mw_item_set_get_actor_table  (const MwItemSet    *self);
GHashTable *mw_item_set_get_tie_table    (const MwItemSet    *self);

void        mw_item_set_iter_init_actors (MwItemSetIter      *iter,
                                          const MwItemSet    *self);
void        mw_item_set_iter_init_ties   (MwItemSetIter      *iter,
                                          const MwItemSet    *self);
gboolean    mw_item_set_iter_next        (MwItemSetIter      *iter,
                                          gpointer           *item,
                                          const char        **id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwItemSet, mw_item_set_free)

G_END_DECLS
