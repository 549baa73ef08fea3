/* mw-series.h: several snapshots of one organisation, kept as one series file
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-compare.h"
#include "mw-network.h"
#include "mw-scores.h"

G_BEGIN_DECLS

/* The extension of series files, and their MIME type (in data/'s MIME file). */
#define MW_SERIES_EXTENSION ".mwseries"
#define MW_SERIES_MIME_TYPE "application/x-meshwork-series"

/* Where a snapshot's date comes from, in this order of preference. */
typedef enum
{
  MW_SERIES_DATE_NONE,       /* not loaded yet, or no date anywhere */
  MW_SERIES_DATE_ENTRY,      /* the series file's `date` for it */
  MW_SERIES_DATE_ATTRIBUTE,  /* the network's `date` graph attribute */
  MW_SERIES_DATE_MTIME,      /* the file's modification time */
} MwSeriesDateSource;

/**
 * MwSnapshot:
 * @path: the network's file, absolute
 * @date: (nullable): the date the series file gives it, ISO 8601 as written
 * @title: (nullable): the title the series file gives it
 * @network: (nullable): once loaded; %NULL when it is marked
 * @scores: (nullable): the network's scores, once loaded
 * @error: (nullable): why the snapshot is *marked*: its file is missing or
 *   unreadable (the message names the file)
 * @when: (nullable): its date, from @date_source
 * @date_source: where @when came from
 *
 * One entry of a series. Owned by its #MwSeries; read-only.
 */
typedef struct
{
  char               *path;
  char               *date;
  char               *title;
  MwNetwork          *network;
  MwScores           *scores;
  GError             *error;
  GDateTime          *when;
  MwSeriesDateSource  date_source;
} MwSnapshot;

/* The groups of changes between two neighbours whose effect on the scores
 * is measured one at a time (docs/scoring.md, "A series"). */
typedef enum
{
  MW_CHANGE_GROUP_PEOPLE_ADDED,
  MW_CHANGE_GROUP_PEOPLE_REMOVED,
  MW_CHANGE_GROUP_TIES_GAINED,   /* one group per tie type */
  MW_CHANGE_GROUP_TIES_LOST,     /* one group per tie type */
} MwChangeGroupKind;

/**
 * MwChangeGroup:
 * @kind: what the group holds
 * @tie_type: for the tie groups, the type of their ties
 * @count: how many people or ties
 * @effect: per element, the change of its score when only this group is
 *   applied to the earlier snapshot; NAN when the element is not
 *   measurable before or after
 * @index_effect: the same for the index
 */
typedef struct
{
  MwChangeGroupKind  kind;
  MwTieType          tie_type;
  guint              count;
  double             effect[MW_N_ELEMENTS];
  double             index_effect;
} MwChangeGroup;

/**
 * MwSeriesChanges:
 * @comparison: what differs, from the earlier to the later snapshot (the
 *   earlier is `MW_COMPARE_THIS`)
 * @groups: (element-type MwChangeGroup): the non-empty groups
 * @moved_most: per element, the index in @groups of the group whose
 *   effect on it was largest in size, or -1 when none moved it
 */
typedef struct
{
  MwComparison *comparison;
  GArray       *groups;
  int           moved_most[MW_N_ELEMENTS];
} MwSeriesChanges;

void     mw_series_changes_free (MwSeriesChanges *changes);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwSeriesChanges, mw_series_changes_free)

/* "People added", "Ties gained: Collaborates"…, translated. */
char    *mw_change_group_dup_title (const MwChangeGroup *group);

#define MW_TYPE_SERIES (mw_series_get_type ())

G_DECLARE_FINAL_TYPE (MwSeries, mw_series, MW, SERIES, GObject)

gboolean          mw_series_is_series_name  (const char   *name);

MwSeries         *mw_series_new             (void);
MwSeries         *mw_series_load            (const char   *path,
                                             GError      **error);
gboolean          mw_series_save            (MwSeries     *self,
                                             const char   *path,
                                             GError      **error);
const char       *mw_series_get_path        (MwSeries     *self);

guint             mw_series_get_n_snapshots (MwSeries     *self);
const MwSnapshot *mw_series_get_snapshot    (MwSeries     *self,
                                             guint         index);
void              mw_series_add             (MwSeries     *self,
                                             const char   *path,
                                             const char   *date,
                                             const char   *title);
void              mw_series_remove          (MwSeries     *self,
                                             guint         index);
void              mw_series_move            (MwSeries     *self,
                                             guint         from,
                                             guint         to);
void              mw_series_set_title       (MwSeries     *self,
                                             guint         index,
                                             const char   *title);
gboolean          mw_series_set_date        (MwSeries     *self,
                                             guint         index,
                                             const char   *date,
                                             GError      **error);

/* Loads and scores every snapshot (mw-series-load.c), on any one thread
 * at a time. Never fails: a snapshot that does not load is marked with its
 * error. */
void              mw_series_load_snapshots  (MwSeries     *self,
                                             GCancellable *cancellable);
/* What changed from snapshot @index to @index + 1, and what moved each
 * element most; %NULL when either is marked. (transfer full) */
MwSeriesChanges  *mw_series_compute_changes (MwSeries     *self,
                                             guint         index);
GDateTime        *mw_series_parse_date      (const char   *text);
/* "2026-03-31", or "" without a date. (transfer full) */
char             *mw_snapshot_dup_date_text (const MwSnapshot *snapshot);
/* The title, else the file's name without its extension. (transfer full) */
char             *mw_snapshot_dup_title     (const MwSnapshot *snapshot);

G_END_DECLS
