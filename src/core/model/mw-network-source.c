/* mw-network-source.c: what the file held beyond the network's fields: subgraphs, strictness, what could not be kept
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mw-network"

#include "config.h"

#include "mw-network-private.h"

/**
 * mw_network_get_subgraphs:
 *
 * The subgraphs of the file that Meshwork has no field for, kept so that
 * saving writes them back (see #MwSubgraph). Readers fill it; editing it
 * announces nothing.
 *
 * Returns: (transfer none) (element-type MwSubgraph): the top-level ones
 */
GPtrArray *
mw_network_get_subgraphs (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  return self->subgraphs;
}

/* A `strict` graph merges parallel edges when Graphviz reads it again. */
gboolean
mw_network_get_strict (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), FALSE);
  return self->strict;
}

void
mw_network_set_strict (MwNetwork *self,
                       gboolean   strict)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  self->strict = !!strict;
}

/**
 * mw_network_get_has_meshwork_attributes:
 *
 * Whether the file this network came from carried any of Meshwork's own
 * `mw_*` attributes (kinds, tie types, units…): a file Meshwork wrote, or
 * one written for it, rather than another tool's graph.
 */
gboolean
mw_network_get_has_meshwork_attributes (MwNetwork *self)
{
  g_return_val_if_fail (MW_IS_NETWORK (self), FALSE);
  return self->has_meshwork_attributes;
}

void
mw_network_set_has_meshwork_attributes (MwNetwork *self,
                                        gboolean   has_them)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  self->has_meshwork_attributes = !!has_them;
}

/**
 * mw_network_get_lossy_features:
 *
 * What the file had that saving cannot write back, one phrase each for
 * people ("keys on 3 edges"), so that they can be told before a save.
 *
 * Returns: (transfer none) (array zero-terminated=1): empty when nothing is lost
 */
const char * const *
mw_network_get_lossy_features (MwNetwork *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (MW_IS_NETWORK (self), NULL);
  /* an empty array may have no storage yet */
  return self->lossy->pdata != NULL ? (const char * const *)self->lossy->pdata : none;
}

void
mw_network_add_lossy_feature (MwNetwork  *self,
                              const char *what)
{
  g_return_if_fail (MW_IS_NETWORK (self));
  g_return_if_fail (what != NULL);
  g_ptr_array_add (self->lossy, g_strdup (what));
}
