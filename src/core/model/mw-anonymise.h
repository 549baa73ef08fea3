/* mw-anonymise.h: a copy of a network with no person's name in it
 *
 * Copyright 2026 The Meshwork authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "mw-network.h"

G_BEGIN_DECLS

/* The people of several networks (the snapshots and baseline of one
 * report), numbered once, so that each is called the same in all. */
typedef struct _MwAnonymiser MwAnonymiser;

MwAnonymiser *mw_anonymiser_new            (MwNetwork * const *networks,
                                            guint              n_networks);
void          mw_anonymiser_free           (MwAnonymiser      *self);
MwNetwork    *mw_anonymiser_apply          (MwAnonymiser      *self,
                                            MwNetwork         *network);
char         *mw_anonymiser_scrub          (MwAnonymiser      *self,
                                            const char        *text);

MwNetwork    *mw_anonymise                 (MwNetwork         *network);
char         *mw_anonymise_dup_replacement (MwNetwork         *network,
                                            MwActor           *actor,
                                            guint              number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MwAnonymiser, mw_anonymiser_free)

G_END_DECLS
