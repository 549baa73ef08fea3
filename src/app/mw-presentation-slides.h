/* mw-presentation-slides.h: which slides a presentation or Export Slides has
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-canvas.h"
#include "mw-document.h"
#include "mw-slide.h"

G_BEGIN_DECLS

GPtrArray    *mw_presentation_context_slides   (gboolean     builds);
void          mw_presentation_document_slides  (GPtrArray   *slides,
                                                MwDocument  *document);
MwSavedSlide *mw_presentation_keep_view        (MwCanvas    *canvas,
                                                const char  *title,
                                                gboolean     what_if,
                                                GFile       *compared,
                                                GFile       *file);
guint         mw_presentation_add_saved_slide  (MwDocument  *document,
                                                MwSavedSlide *saved,
                                                GError     **error);

gboolean      mw_presentation_export_slides    (MwDocument  *document,
                                                const char  *path,
                                                gboolean     dark,
                                                gboolean     scores,
                                                GError     **error);
void          mw_presentation_choose_export    (GtkWindow   *parent,
                                                MwDocument  *document);

G_END_DECLS
