/* mw-overview.h: a large network summed up as its groups and the ties between them
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

/**
 * MwOverviewGroup:
 * @name: the unit's name, else the organisation's, else "around" the best
 *   connected member (for groups found in the structure)
 * @org: the organisation, or ""
 * @n_actors: its members
 * @hub: the actor index of its best-connected member
 */
typedef struct
{
  char  *name;
  char  *org;
  guint  n_actors;
  guint  hub;
} MwOverviewGroup;

/* The ties between two groups (@a < @b), counted by type, either way. */
typedef struct
{
  guint a;
  guint b;
  guint count[MW_N_TIE_TYPES];
  guint total;
} MwOverviewLink;

typedef struct _MwOverview MwOverview;

MwOverview            *mw_overview_new              (MwNetwork  *network);
MwOverview            *mw_overview_copy             (MwOverview *self);
void                   mw_overview_free             (MwOverview *self);
guint                  mw_overview_get_n_groups     (MwOverview *self);
const MwOverviewGroup *mw_overview_get_group        (MwOverview *self,
                                                     guint       group);
/* The group of the actor with index @actor. */
guint                  mw_overview_get_actor_group  (MwOverview *self,
                                                     guint       actor);
void                   mw_overview_move_actor       (MwOverview *self,
                                                     MwNetwork  *network,
                                                     guint       actor);
void                   mw_overview_add_actor        (MwOverview *self,
                                                     MwNetwork  *network);
void                   mw_overview_remove_actor     (MwOverview *self,
                                                     MwNetwork  *network,
                                                     guint       actor);
void                   mw_overview_count_links      (MwOverview *self,
                                                     MwNetwork  *network);
guint                  mw_overview_get_n_links      (MwOverview *self);
const MwOverviewLink  *mw_overview_get_link         (MwOverview *self,
                                                     guint       link);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwOverview, mw_overview_free)

G_END_DECLS
