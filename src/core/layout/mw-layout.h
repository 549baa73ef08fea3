/* mw-layout.h: automatic layout through Graphviz (gvc), in a child process
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "mw-network.h"

G_BEGIN_DECLS

typedef enum
{
  MW_LAYOUT_AUTO,   /* chosen by size and structure: mw_layout_choose_engine() */
  MW_LAYOUT_DOT,    /* org chart: managers above their reports, units clustered */
  MW_LAYOUT_NEATO,
  MW_LAYOUT_FDP,
  MW_LAYOUT_SFDP,
  MW_LAYOUT_CIRCO,
  MW_LAYOUT_TWOPI,
  MW_LAYOUT_TREE,   /* org chart in linear time, without Graphviz (mw-layout-tree.c) */
  MW_N_LAYOUT_ENGINES
} MwLayoutEngine;

/* A position in Meshwork's points, y down. */
typedef struct
{
  double x;
  double y;
} MwLayoutPoint;

/* A layout that is estimated to take longer than this deserves a word
 * to the user ("This layout may take about a minute"). */
#define MW_LAYOUT_SLOW_SECONDS 2.0
/* The child's address-space limit (RLIMIT_AS). */
#define MW_LAYOUT_MEMORY_LIMIT ((guint64) 4 * 1024 * 1024 * 1024)
/* What mw_layout_run_async() allows when asked for 0 seconds. */
#define MW_LAYOUT_DEFAULT_TIME_LIMIT 300.0
/* Beyond this an import is not laid out as an org chart (the engine for
 * its size is chosen), and meshwork-cli import does not wait for a layout
 * unless asked to. */
#define MW_LAYOUT_IMPORT_MAX_SECONDS 30.0

const char     *mw_layout_engine_to_string   (MwLayoutEngine   engine);
gboolean        mw_layout_engine_from_string (const char      *str,
                                              MwLayoutEngine  *engine);

MwLayoutEngine  mw_layout_choose_engine      (MwNetwork       *network);
double          mw_layout_estimate_seconds   (MwNetwork       *network,
                                              MwLayoutEngine   engine);
/* After an import, in the app and in meshwork-cli (mw-layout-choice.c). */
MwLayoutEngine  mw_layout_engine_for_import  (MwNetwork       *network,
                                              gboolean         has_people);
/* For an org chart asked for: dot while quick, else tree (mw-layout-choice.c). */
MwLayoutEngine  mw_layout_engine_for_org_chart (MwNetwork     *network);

/* In-process layout. Blocks and runs gvc (or the tree layout) in *this*
 * process: meant for the `meshwork-cli layout` child; the app uses
 * mw_layout_run_async().
 * Returns: (transfer full) (element-type utf8 MwLayoutPoint): id → point */
GHashTable     *mw_layout_compute            (MwNetwork       *network,
                                              MwLayoutEngine   engine,
                                              GError         **error);
/* The graph mw_layout_compute() hands to gvc, as DOT text: for tests and
 * for anyone who wants to check what reaches Graphviz. */
char           *mw_layout_describe_graph     (MwNetwork       *network,
                                              MwLayoutEngine   engine);

/* Sets every actor named in @positions, as one batch ("Automatic Layout"),
 * so an app can undo it in one step. */
void            mw_layout_apply              (MwNetwork       *network,
                                              GHashTable      *positions);

/* A free spot next to @actor's neighbours (or beside the drawing when it
 * has none), without moving anything else. */
void            mw_layout_place_new_actor    (MwNetwork       *network,
                                              MwActor         *actor,
                                              double          *x,
                                              double          *y);

/* Runs `meshwork-cli layout` in a child process: killed on @cancellable
 * or after @time_limit seconds (0: MW_LAYOUT_DEFAULT_TIME_LIMIT), with a
 * memory limit; a crash becomes a GError. @network is only read, before
 * this returns. */
void            mw_layout_run_async          (MwNetwork           *network,
                                              MwLayoutEngine       engine,
                                              double               time_limit,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
GHashTable     *mw_layout_run_finish         (GAsyncResult        *result,
                                              GError             **error);

/* Where meshwork-cli is: $MESHWORK_CLI, the build tree, then the bindir.
 * Returns: (transfer full) */
char           *mw_layout_find_cli           (void);

G_END_DECLS
