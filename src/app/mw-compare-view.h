/* mw-compare-view.h: two networks side by side, their scores and differences
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "mw-canvas.h"
#include "mw-compare.h"
#include "mw-document.h"
#include "mw-scorer.h"

G_BEGIN_DECLS

/* The rows of the score table, top to bottom. */
typedef enum
{
  MW_COMPARE_ROW_INDEX,
  MW_COMPARE_ROW_ELEMENT,         /* five rows, one per MwElement */
  MW_COMPARE_ROW_CENTRALIZATION = MW_COMPARE_ROW_ELEMENT + MW_N_ELEMENTS,
  MW_COMPARE_ROW_DENSITY,
  MW_COMPARE_ROW_RECIPROCITY,
  MW_COMPARE_ROW_EFFICIENCY,
  MW_COMPARE_ROW_ARTICULATION,
  MW_COMPARE_ROW_DEPTH,
  MW_COMPARE_ROW_CONTEXT,
  MW_N_COMPARE_ROWS
} MwCompareRow;

#define MW_TYPE_COMPARE_VIEW (mw_compare_view_get_type ())

G_DECLARE_FINAL_TYPE (MwCompareView, mw_compare_view, MW, COMPARE_VIEW, GtkWidget)

void          mw_compare_view_start            (MwCompareView  *self,
                                                MwCanvas       *canvas,
                                                MwScorer       *scorer,
                                                const char     *title,
                                                MwDocument     *other);
void          mw_compare_view_stop             (MwCompareView  *self);
void          mw_compare_view_set_live_child   (MwCompareView  *self,
                                                GtkWidget      *child);
MwCanvas     *mw_compare_view_get_other_canvas (MwCompareView  *self);
MwDocument   *mw_compare_view_get_other        (MwCompareView  *self);
MwComparison *mw_compare_view_get_comparison   (MwCompareView  *self);
MwScorer     *mw_compare_view_get_other_scorer (MwCompareView  *self);
char         *mw_compare_view_format_value     (MwScores       *scores,
                                                MwCompareRow    row);
const char   *mw_compare_view_get_value_text   (MwCompareView  *self,
                                                MwCompareSide   side,
                                                MwCompareRow    row);
const char   *mw_compare_view_get_delta_text   (MwCompareView  *self,
                                                MwCompareRow    row);

G_END_DECLS
