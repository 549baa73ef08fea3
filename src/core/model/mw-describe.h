/* mw-describe.h: the network, an actor or a selection said in one sentence
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

char *mw_describe_network   (MwNetwork     *network);
char *mw_describe_actor     (const MwActor *actor);
char *mw_describe_tie       (const MwTie   *tie);
char *mw_describe_selection (guint          n_actors,
                             guint          n_ties);
char *mw_describe_score     (const char    *name,
                             double         value,
                             double         previous);

G_END_DECLS
