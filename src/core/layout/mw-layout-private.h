/* mw-layout-private.h: what the layout files share, and nobody else
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

/* Width in points the renderer needs for the label, roughly: shapes are
 * sized so that labels do not overlap, without handing text to gvc (which
 * would load fonts, and could be told to load them from anywhere). Inline,
 * so that the engines share it without calling into each other. */
static inline double
_mw_layout_label_width (const MwActor *actor)
{
  glong chars = g_utf8_strlen (actor->label, -1);

  return CLAMP (chars * 6.5 + 14.0, 44.0, 190.0);
}

/* Spreads a drawing whose unit is not an actor's size (sfdp without
 * overlap removal) until every actor has room; see mw-layout.c. */
void _mw_layout_spread_to_fit (GHashTable *positions);

G_END_DECLS
