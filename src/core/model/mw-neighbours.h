/* mw-neighbours.h: the actors one or two steps from an actor, by tie type
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-item-set.h"

G_BEGIN_DECLS

/* A set of tie types: bit (1 << MwTieType). */
#define MW_TIE_TYPES_ALL ((1u << MW_N_TIE_TYPES) - 1)

MwItemSet  *mw_neighbours (MwActor *actor,
                           guint    steps,
                           guint    tie_types);

G_END_DECLS
