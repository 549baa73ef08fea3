/* mw-actor-match.h: when two actors are "the same actor", decided once
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

/* The fields the compare view calls a changed actor: what people see of
 * it on the canvas. */
#define MW_ACTOR_SHOWN_FIELDS (MW_FIELD_LABEL | MW_FIELD_KIND | MW_FIELD_ORG | MW_FIELD_UNIT)

MwField   mw_actor_diff             (const MwActor  *a,
                                     const MwActor  *b,
                                     double          position_tolerance);
gboolean  mw_attrs_equal            (GHashTable     *a,
                                     GHashTable     *b);

MwActor  *mw_actor_snapshot_new     (const MwActor  *actor);
void      mw_actor_snapshot_free    (MwActor        *snapshot);

void      mw_actor_match_networks   (MwNetwork      *a,
                                     MwNetwork      *b,
                                     MwActor       **a_to_b,
                                     MwActor       **b_to_a);

G_END_DECLS
