/* mw-anonymise.h: a copy of a network with no person's name in it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

MwNetwork *mw_anonymise                 (MwNetwork  *network);
char      *mw_anonymise_dup_replacement (MwNetwork  *network,
                                         MwActor    *actor,
                                         guint       number);

G_END_DECLS
