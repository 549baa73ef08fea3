/* mw-layout-private.h: what the layout files share, and nobody else
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

/* The width in points an actor's box needs for its label (mw-layout.c). */
double _mw_layout_label_width (const MwActor *actor);

G_END_DECLS
