/* mw-morph.h: one network turning into the next, frame by frame
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

/* What happens to an actor or a tie between the two networks. */
typedef enum
{
  MW_MORPH_KEPT,      /* in both: an actor moves, a tie follows its ends */
  MW_MORPH_LEAVING,   /* only in the first: fades out where it was */
  MW_MORPH_ARRIVING,  /* only in the second: fades in where it will be */
} MwMorphFate;

/* One actor of the morph: an index in either network, or -1. */
typedef struct
{
  int    from_index;
  int    to_index;
  double x0, y0;      /* where it starts, model points */
  double x1, y1;      /* where it ends */
} MwMorphActor;

/* One tie of the morph: from and to are morph actor indices. */
typedef struct
{
  int    from_index;  /* the tie's index in the first network, or -1 */
  int    to_index;
  guint  from;
  guint  to;
} MwMorphTie;

typedef struct _MwMorph MwMorph;

/* A frame's progress is eased in and out over this many microseconds. */
#define MW_MORPH_USEC (600 * 1000)

MwMorph            *mw_morph_new             (MwNetwork     *from,
                                              MwNetwork     *to);
void                mw_morph_free            (MwMorph       *self);

double              mw_morph_ease            (double         t);

guint               mw_morph_get_n_actors    (MwMorph       *self);
const MwMorphActor *mw_morph_get_actor       (MwMorph       *self,
                                              guint          i);
MwMorphFate         mw_morph_actor_fate      (MwMorph       *self,
                                              guint          i);
guint               mw_morph_get_n_matched   (MwMorph       *self);
int                 mw_morph_from_actor      (MwMorph       *self,
                                              guint          from_index);
int                 mw_morph_to_actor        (MwMorph       *self,
                                              guint          to_index);
void                mw_morph_set_start       (MwMorph       *self,
                                              guint          from_index,
                                              double         x,
                                              double         y);
void                mw_morph_set_end         (MwMorph       *self,
                                              guint          to_index,
                                              double         x,
                                              double         y);
void                mw_morph_actor_at        (MwMorph       *self,
                                              guint          i,
                                              double         t,
                                              double        *x,
                                              double        *y,
                                              double        *opacity);

guint               mw_morph_get_n_ties      (MwMorph       *self);
const MwMorphTie   *mw_morph_get_tie         (MwMorph       *self,
                                              guint          i);
MwMorphFate         mw_morph_tie_fate        (MwMorph       *self,
                                              guint          i);
double              mw_morph_tie_opacity     (MwMorph       *self,
                                              guint          i,
                                              double         t);

void                mw_morph_positions_at    (MwMorph       *self,
                                              double         t,
                                              double        *from_xy,
                                              double        *to_xy);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwMorph, mw_morph_free)

G_END_DECLS
