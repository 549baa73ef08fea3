/* mw-appearance.h: colour, size and label of actors by an attribute or a measure
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "mw-history.h"
#include "mw-network.h"

G_BEGIN_DECLS

/* What an appearance mapping sets. */
typedef enum
{
  MW_APPEARANCE_COLOR,
  MW_APPEARANCE_SIZE,
  MW_APPEARANCE_LABEL,
  MW_N_APPEARANCE_CHANNELS,
} MwAppearanceChannel;

/* The graph attributes a mapping is kept in: the source's name, an actor
 * field (label, kind, org, unit, notes), one of the file's own actor
 * attributes or a measure (betweenness, …); absent: today's style. */
#define MW_APPEARANCE_COLOR_ATTR "mw_color_by"
#define MW_APPEARANCE_SIZE_ATTR  "mw_size_by"
#define MW_APPEARANCE_LABEL_ATTR "mw_label_by"

/* Categorical colours: the first eight values get a colour each (the
 * Okabe–Ito palette), the rest share MW_APPEARANCE_OTHER. */
#define MW_APPEARANCE_N_CATEGORIES 8
#define MW_APPEARANCE_OTHER        MW_APPEARANCE_N_CATEGORIES
/* Numeric colours: a sequential ramp in this many steps, light to dark. */
#define MW_APPEARANCE_RAMP_STEPS   7

typedef struct _MwAppearanceMap MwAppearanceMap;

const char  *mw_appearance_attr_name       (MwAppearanceChannel  channel);
char        *mw_appearance_get_source      (MwNetwork           *network,
                                            MwAppearanceChannel  channel);
gboolean     mw_appearance_set_source      (MwHistory           *history,
                                            MwAppearanceChannel  channel,
                                            const char          *source);
const char * const *mw_appearance_list_measures (void);
gboolean     mw_appearance_is_measure      (const char          *source);
GStrv        mw_appearance_list_sources    (MwNetwork           *network,
                                            gboolean             numeric_only);
const char  *mw_appearance_source_title    (const char          *source);

MwAppearanceMap *mw_appearance_map_new     (MwNetwork           *network);
void         mw_appearance_map_free        (MwAppearanceMap     *self);
guint        mw_appearance_map_get_n_actors (MwAppearanceMap    *self);
const char  *mw_appearance_map_get_source  (MwAppearanceMap     *self,
                                            MwAppearanceChannel  channel);

gboolean     mw_appearance_map_color_is_numeric   (MwAppearanceMap *self);
int          mw_appearance_map_color_class        (MwAppearanceMap *self,
                                                   guint            actor);
guint        mw_appearance_map_get_n_categories   (MwAppearanceMap *self);
const char  *mw_appearance_map_get_category       (MwAppearanceMap *self,
                                                   guint            index);
gboolean     mw_appearance_map_has_other          (MwAppearanceMap *self);
gboolean     mw_appearance_map_get_range          (MwAppearanceMap     *self,
                                                   MwAppearanceChannel  channel,
                                                   double              *min,
                                                   double              *max);
double       mw_appearance_map_size_share         (MwAppearanceMap *self,
                                                   guint            actor);
const char  *mw_appearance_map_label              (MwAppearanceMap *self,
                                                   guint            actor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwAppearanceMap, mw_appearance_map_free)

G_END_DECLS
