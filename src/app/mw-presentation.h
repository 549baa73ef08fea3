/* mw-presentation.h: full-screen slides of the context diagrams and networks
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-document.h"
#include "mw-network.h"
#include "mw-slide.h"

G_BEGIN_DECLS

#define MW_TYPE_PRESENTATION (mw_presentation_get_type ())

G_DECLARE_FINAL_TYPE (MwPresentation, mw_presentation, MW, PRESENTATION, AdwWindow)

/* A key of presentation mode (no modifiers) and the action it runs. */
typedef struct
{
  guint       keyval;
  const char *action;
} MwPresentationKey;

MwPresentation *mw_presentation_new             (GtkWindow      *parent);
void            mw_presentation_add_network     (MwPresentation *self,
                                                 MwNetwork      *network,
                                                 const char     *title,
                                                 const char     *caption);
void            mw_presentation_add_document    (MwPresentation *self,
                                                 MwDocument     *document);
void            mw_presentation_add_view        (MwPresentation *self,
                                                 MwNetwork      *network,
                                                 const MwSavedSlide *saved);
guint           mw_presentation_get_n_slides    (MwPresentation *self);
MwSlide        *mw_presentation_get_slide_at    (MwPresentation *self,
                                                 guint           slide);
guint           mw_presentation_get_step        (MwPresentation *self);
guint           mw_presentation_get_slide       (MwPresentation *self);
void            mw_presentation_set_slide       (MwPresentation *self,
                                                 guint           slide);
const char     *mw_presentation_get_slide_title (MwPresentation *self,
                                                 guint           slide);
gboolean        mw_presentation_get_show_scores (MwPresentation *self);
gboolean        mw_presentation_get_dark        (MwPresentation *self);
gboolean        mw_presentation_get_show_legend (MwPresentation *self);
gboolean        mw_presentation_get_builds      (MwPresentation *self);
const MwPresentationKey *
                mw_presentation_get_keys        (guint          *n_keys);
double          mw_presentation_get_change_progress (MwPresentation *self);

G_END_DECLS
