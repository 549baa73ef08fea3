/* mw-test-render.h: what the renderer's tests share
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-renderer.h"

G_BEGIN_DECLS

cairo_surface_t *mw_test_draw_view (MwRenderer   *renderer,
                                    const MwView *view);
int              mw_test_max_difference (cairo_surface_t *a,
                                         cairo_surface_t *b);

G_END_DECLS
