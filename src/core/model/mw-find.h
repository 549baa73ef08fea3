/* mw-find.h: which actors a text finds, by name and attribute values
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mw-network.h"

G_BEGIN_DECLS

char       *mw_find_fold          (const char    *text);
gboolean    mw_find_actor_matches (const MwActor *actor,
                                   const char    *folded_query);
GPtrArray  *mw_find_actors        (MwNetwork     *network,
                                   const char    *query);

G_END_DECLS
