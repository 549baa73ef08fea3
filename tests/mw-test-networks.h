/* mw-test-networks.h: networks of each context, drawn in several styles
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"
#include "mw-scores.h"

G_BEGIN_DECLS

/* How a network is drawn; the context it shows does not change. */
typedef enum
{
  MW_TEST_STYLE_PLAIN,     /* no unit labels; organisations as mw_org values */
  MW_TEST_STYLE_UNITS,     /* groups as mw_unit labels */
  MW_TEST_STYLE_CLUSTERS,  /* groups, and organisations, as plain DOT cluster subgraphs */
  MW_TEST_STYLE_ORG_NODES, /* organisations as actors of kind organisation */
  MW_TEST_STYLE_THIN,      /* few liaisons: the least overlay, crossing or teamwork the context has */
  MW_TEST_STYLE_THICK,     /* many liaisons */
  MW_TEST_STYLE_TEAMS,     /* team nodes, partnerships, small teams */
  MW_TEST_N_STYLES
} MwTestStyle;

const char *mw_test_style_name       (MwTestStyle     style);

/* The contexts the generator draws: every one but "undetermined". */
gboolean    mw_test_context_drawable (MwScoreContext  context);

/* A network of about @size actors (at least 8) of @context drawn in
 * @style; the same arguments give the same network. */
MwNetwork  *mw_test_network_generate (MwScoreContext  context,
                                      MwTestStyle     style,
                                      guint           size,
                                      guint32         seed);

/* The same network with its actors and ties added in another order and,
 * with @rename, new ids; each actor's label is its old id. */
MwNetwork  *mw_test_network_shuffle  (MwNetwork      *network,
                                      guint32         seed,
                                      gboolean        rename);

/* A large organisation as DOT in a temporary file (the caller unlinks and
 * frees the path): four units on a grid, a reporting tree of four reports
 * each, and about four lateral ties per person of every other type, two of
 * them to random colleagues — what test-app-large opens and bench-large
 * measures. */
char       *mw_test_write_large_organisation (guint n_actors);

G_END_DECLS
