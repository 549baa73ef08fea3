/* mw-layout-choice.c: which engine lays out a network after an import
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's import dialog and `meshwork-cli import` ask the same question
 * and must get the same answer: it is decided here, once.
 */

#define G_LOG_DOMAIN "mw-layout"

#include "mw-layout.h"

/**
 * mw_layout_engine_for_import:
 * @network: the network with the import in it
 * @has_people: a people file was read (not an edge list alone)
 *
 * People with their managers make an org chart: `dot`, unless it would
 * take longer than %MW_LAYOUT_IMPORT_MAX_SECONDS, when the engine chosen by
 * size and structure lays it out instead. An edge list alone is no org
 * chart: it always gets that choice.
 *
 * Returns: an engine, never %MW_LAYOUT_AUTO
 */
MwLayoutEngine
mw_layout_engine_for_import (MwNetwork *network,
                             gboolean   has_people)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), MW_LAYOUT_NEATO);

  if (has_people &&
      mw_layout_estimate_seconds (network, MW_LAYOUT_DOT) <= MW_LAYOUT_IMPORT_MAX_SECONDS)
    return MW_LAYOUT_DOT;

  return mw_layout_choose_engine (network);
}
