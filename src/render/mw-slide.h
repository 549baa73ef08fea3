/* mw-slide.h: one slide of a presentation, laid out for a projector
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-renderer.h"
#include "mw-scores.h"
#include "mw-slides.h"

G_BEGIN_DECLS

/* A build reveals a network in these layers, one per step. */
typedef enum
{
  MW_BUILD_FORMAL,          /* reporting lines */
  MW_BUILD_COLLABORATION,
  MW_BUILD_INFLUENCE,
  MW_BUILD_CHECKS,
  MW_BUILD_PURPOSE,         /* initiatives and the shared purpose */
  MW_N_BUILD_STEPS
} MwBuildStep;

/* Labels are at least this share of the stage's height… */
#define MW_SLIDE_LABEL_SHARE  0.02
/* … for every actor up to this many; beyond, only for the key people. */
#define MW_SLIDE_ALL_LABELS   60
#define MW_SLIDE_KEY_PEOPLE   24

typedef struct
{
  gboolean dark;
  gboolean scores;       /* the score card and the closest context */
  gboolean legend;
  gboolean background;   /* paint the stage (exports); the app's stage paints its own */
  double   scale;        /* device pixels per unit (HiDPI: 2); 0 means 1 */
} MwSlideOptions;

/* Where everything of a slide goes on a stage, in the stage's units. */
typedef struct
{
  double  width;
  double  height;
  MwRect  header;        /* title and caption */
  MwRect  diagram;       /* the free area the network is fitted into */
  MwRect  drawing;       /* where the network and its labels land in it */
  MwRect  card;          /* score card and closest context; empty when hidden */
  MwRect  legend;        /* empty when hidden */
  MwRect  radar;         /* the card's radar; empty when it has none */
  double  legend_scale;
  MwView  view;          /* the network's view (labels are the slide's own) */
  double  label_size;    /* the labels' font size */
  double  label_px;      /* the smallest label's height; 0 when none is drawn */
  GArray *labels;        /* MwRect: every label drawn */
  GArray *labelled;      /* guint: the actors (by index) whose labels those are */
} MwSlideLayout;

#define MW_TYPE_SLIDE (mw_slide_get_type ())

G_DECLARE_FINAL_TYPE (MwSlide, mw_slide, MW, SLIDE, GObject)

MwSlide    *mw_slide_new                (MwNetwork            *network,
                                         const char           *title,
                                         const char           *caption);
MwSlide    *mw_slide_new_for_view       (MwNetwork            *network,
                                         const MwSavedSlide   *saved);
const char *mw_slide_get_title          (MwSlide              *self);
const char *mw_slide_get_caption        (MwSlide              *self);
MwNetwork  *mw_slide_get_network        (MwSlide              *self);
gboolean    mw_slide_get_area           (MwSlide              *self,
                                         MwRect               *area);
const char * const *
            mw_slide_get_highlight      (MwSlide              *self);
void        mw_slide_set_caption        (MwSlide              *self,
                                         const char           *caption);
void        mw_slide_set_baseline       (MwSlide              *self,
                                         MwNetwork            *baseline);
MwScores   *mw_slide_get_baseline_scores (MwSlide             *self);
char       *mw_slide_dup_change         (MwSlide              *self,
                                         guint                 step,
                                         int                   element);
void        mw_slide_set_builds         (MwSlide              *self,
                                         gboolean              builds);
gboolean    mw_slide_get_builds         (MwSlide              *self);
guint       mw_slide_get_n_steps        (MwSlide              *self);
MwNetwork  *mw_slide_get_step_network   (MwSlide              *self,
                                         guint                 step);
MwRenderer *mw_slide_get_renderer       (MwSlide              *self,
                                         guint                 step);
MwScores   *mw_slide_get_scores         (MwSlide              *self,
                                         guint                 step);
const char *mw_slide_get_step_name      (MwSlide              *self,
                                         guint                 step);

GArray     *mw_slide_rank_people        (MwNetwork            *network,
                                         GHashTable           *highlighted);

void        mw_slide_layout             (MwSlide              *self,
                                         double                width,
                                         double                height,
                                         const MwSlideOptions *options,
                                         MwSlideLayout        *layout);
void        mw_slide_layout_clear       (MwSlideLayout        *layout);
void        mw_slide_draw               (MwSlide              *self,
                                         cairo_t              *cr,
                                         guint                 step,
                                         double                width,
                                         double                height,
                                         const MwSlideOptions *options);

G_END_DECLS
