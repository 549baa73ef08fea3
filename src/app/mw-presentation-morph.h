/* mw-presentation-morph.h: a presentation playing the change from one slide's network to the next
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "mw-slide.h"

G_BEGIN_DECLS

typedef struct _MwSlideMorph MwSlideMorph;

MwSlideMorph *mw_slide_morph_new          (MwSlide              *from,
                                           guint                 from_step,
                                           MwSlide              *to,
                                           guint                 to_step);
void          mw_slide_morph_free         (MwSlideMorph         *self);
void          mw_slide_morph_start        (MwSlideMorph         *self,
                                           GtkWidget            *widget);
double        mw_slide_morph_get_progress (MwSlideMorph         *self);
void          mw_slide_morph_draw         (MwSlideMorph         *self,
                                           cairo_t              *cr,
                                           double                width,
                                           double                height,
                                           const MwSlideOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwSlideMorph, mw_slide_morph_free)

G_END_DECLS
