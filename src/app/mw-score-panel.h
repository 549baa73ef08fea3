/* mw-score-panel.h: the live scores beside the canvas
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-canvas.h"
#include "mw-document.h"
#include "mw-filter.h"
#include "mw-scorer.h"

G_BEGIN_DECLS

#define MW_TYPE_SCORE_PANEL (mw_score_panel_get_type ())

G_DECLARE_FINAL_TYPE (MwScorePanel, mw_score_panel, MW, SCORE_PANEL, GtkWidget)

GtkWidget *mw_score_panel_new              (void);
void       mw_score_panel_set_filter       (MwScorePanel   *self,
                                            const MwFilter *filter);
MwScorer  *mw_score_panel_get_shown_scorer (MwScorePanel *self);
gboolean   mw_score_panel_get_showing_filtered (MwScorePanel *self);
void       mw_score_panel_set_canvas       (MwScorePanel *self,
                                            MwCanvas     *canvas);
void       mw_score_panel_set_document     (MwScorePanel *self,
                                            MwDocument   *document);
MwScorer  *mw_score_panel_get_scorer       (MwScorePanel *self);
MwScores  *mw_score_panel_get_baseline     (MwScorePanel *self);
void       mw_score_panel_set_baseline     (MwScorePanel *self,
                                            MwScores     *baseline);
void       mw_score_panel_preview_without  (MwScorePanel *self,
                                            const char * const *actor_ids);
gboolean   mw_score_panel_get_previewing   (MwScorePanel *self);
GPtrArray *mw_score_panel_get_suggestions  (MwScorePanel *self);
void       mw_score_panel_explain          (MwScorePanel *self,
                                            int           element,
                                            int           factor);
int        mw_score_panel_get_explained_element (MwScorePanel *self);
const char *mw_score_panel_get_value_text  (MwScorePanel *self,
                                            MwElement     element);
const char *mw_score_panel_get_delta_text  (MwScorePanel *self,
                                            MwElement     element);
const char *mw_score_panel_get_index_text  (MwScorePanel *self);
const char *mw_score_panel_get_index_basis_text (MwScorePanel *self);
GtkListBox *mw_score_panel_get_element_list (MwScorePanel *self);
GtkListBox *mw_score_panel_get_actor_list  (MwScorePanel *self);

G_END_DECLS
