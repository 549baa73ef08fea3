/* mw-filter.h: what a filter keeps in view and what it fades
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-item-set.h"

G_BEGIN_DECLS

/**
 * MwFilter:
 * @tie_types: the tie types shown (bits of 1 << MwTieType); the others fade
 * @fade_isolates: fade actors with no tie of a shown type
 * @org: (nullable): show only this organisation's actors
 * @unit: (nullable): show only this unit's actors
 * @value: (nullable): show only actors that Find finds with this text
 *
 * Empty strings count as unset.
 */
typedef struct
{
  guint     tie_types;
  gboolean  fade_isolates;
  char     *org;
  char     *unit;
  char     *value;
} MwFilter;

/* What changed in a network since a copy was taken (mw_filter_patch_new()). */
typedef struct _MwFilterPatch MwFilterPatch;

MwFilter   *mw_filter_new           (void);
MwFilter   *mw_filter_copy          (const MwFilter  *filter);
void        mw_filter_free          (MwFilter        *filter);
gboolean    mw_filter_is_active     (const MwFilter  *filter);
gboolean    mw_filter_equal         (const MwFilter  *a,
                                     const MwFilter  *b);
MwItemSet  *mw_filter_apply         (const MwFilter  *filter,
                                     MwNetwork       *network);
MwNetwork  *mw_filter_apply_network (const MwFilter  *filter,
                                     MwNetwork       *network);
MwFilterPatch *mw_filter_patch_new  (MwNetwork       *network,
                                     GHashTable      *actor_ids,
                                     GHashTable      *tie_ids);
void        mw_filter_patch_free    (MwFilterPatch   *patch);
MwNetwork  *mw_filter_apply_network_patched (const MwFilter      *filter,
                                             MwNetwork           *copy,
                                             const MwFilterPatch *patch);
MwNetwork  *mw_filter_apply_network_cancellable (const MwFilter      *filter,
                                                 MwNetwork           *copy,
                                                 const MwFilterPatch *patch,
                                                 GCancellable        *cancellable);
gboolean    mw_filter_parse         (MwFilter        *filter,
                                     const char      *spec,
                                     GError         **error);
char       *mw_filter_dup_view_caption (MwNetwork    *view);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwFilter, mw_filter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwFilterPatch, mw_filter_patch_free)

G_END_DECLS
