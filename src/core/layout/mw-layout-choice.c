/* mw-layout-choice.c: which engine lays out a network after an import
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's import dialog, its Arrange → Org Chart and `meshwork-cli import`
 * ask the same question and must get the same answer: it is decided here,
 * once.
 */

#define G_LOG_DOMAIN "mw-layout"

#include "mw-layout.h"

/**
 * mw_layout_engine_for_import:
 * @network: the network with the import in it
 * @has_people: a people file was read (not an edge list alone)
 *
 * People with their managers make an org chart, and both `dot` and `tree`
 * draw one. `dot` while it is quick (%MW_LAYOUT_SLOW_SECONDS, about 4,000
 * people): it boxes units and keeps lateral ties short. Beyond, its cost
 * grows faster than the headcount (a 50,000-person chart did not finish in
 * a minute) and buys no better chart, so `tree` lays it out, in linear time
 * (a fraction of a second for 50,000). A people file is an org chart even
 * before anyone reports to anyone: `tree` puts such people in a block.
 *
 * An edge list alone is no org chart: it gets the engine chosen by size
 * and structure (which is `tree` too for a large reporting forest).
 *
 * Returns: an engine, never %MW_LAYOUT_AUTO
 */
MwLayoutEngine
mw_layout_engine_for_import (MwNetwork *network,
                             gboolean   has_people)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), MW_LAYOUT_NEATO);

  if (!has_people)
    return mw_layout_choose_engine (network);

  return mw_layout_engine_for_org_chart (network);
}

/**
 * mw_layout_engine_for_org_chart:
 * @network: the network to draw as an org chart
 *
 * The engine for an org chart asked for (the app's Arrange → Org Chart,
 * `--layout dot`), the same as an import of people gets: `dot` while it is
 * quick, `tree` beyond, where `dot` would take minutes or time out.
 *
 * Returns: %MW_LAYOUT_DOT or %MW_LAYOUT_TREE
 */
MwLayoutEngine
mw_layout_engine_for_org_chart (MwNetwork *network)
{
  g_return_val_if_fail (MW_IS_NETWORK (network), MW_LAYOUT_DOT);

  if (mw_layout_estimate_seconds (network, MW_LAYOUT_DOT) <= MW_LAYOUT_SLOW_SECONDS)
    return MW_LAYOUT_DOT;

  return MW_LAYOUT_TREE;
}
