/* mw-series-private.h: what the files of MwSeries share
 *
 * Two levels, calling only downwards:
 *
 *   2  mw-series-load.c  loading and scoring the snapshots, their dates,
 *                        the changes between neighbours and their effects
 *   1  mw-series.c       the type, the series file, adding, reordering,
 *                        retitling and redating (parsing dates)
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-format.h"
#include "mw-series.h"

G_BEGIN_DECLS

struct _MwSeries
{
  GObject    parent_instance;

  char      *path;       /* (nullable) absolute */
  GPtrArray *snapshots;  /* MwSnapshot*, owned */
};

/* Level 1 — mw-series.c: forgets what a load found. */
void _mw_snapshot_clear_loaded (MwSnapshot *snapshot);

G_END_DECLS
